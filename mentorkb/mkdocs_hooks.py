"""MkDocs hooks (the documented `hooks:` interface of mkdocs.yml) that connect our pipeline to MkDocs.

- on_config: the navigation, derived from the content (stage order, topics).
- on_pre_build: compile YAML into pages, so `mkdocs serve` rebuilds when a YAML file changes.
- on_files: make downloads and open data (build/files) known as link targets, without copying them.
- on_nav: translate section titles of the navigation for the language being built.
- on_env: compiled theme templates shared by every language's build in this process.
- on_post_build: one search index per language; downloads and open data copied into the site once.

Keeping MkDocs-specific code in this one small module makes a change of site generator a small job.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import mkdocs.plugins
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section

from mentorkb.compile import BUILD_FILES, compile_site, glossary_pattern, hand_page_paths
from mentorkb.glossary_terms import mark_terms
from mentorkb.handbook.build import handbook_path
from mentorkb.vocab import N_
from mentorkb.errors import AuthorError
from mentorkb.i18n import load_catalogue
from mentorkb.loader import load
from mentorkb.render import SharedBytecode, nav
from mentorkb.searchsplit import split_search_index
from mentorkb.siteconfig import built_languages
from mentorkb.translation_status import active_newcomer_languages
from mentorkb.sitefiles import sync_tree


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config):
    root = _root(config)
    try:
        model = load(root)
    except AuthorError as err:
        raise PluginError(str(err)) from None
    newcomer = [language.code for language in active_newcomer_languages(root, model.tools)]
    config.nav = nav(model, hand_page_paths(root), newcomer)
    _build_only(config, root)
    # Material's offline plugin adds a polyfill from a CDN; the site must request nothing from other
    # hosts, so the same script is served from our own assets (copied from npm by the compile step).
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in url for url in polyfills):
        config.extra["polyfills"] = [url for url in polyfills if "iframe-worker" not in url] + [
            "assets/javascripts/iframe-worker.js"]
    return config


def _build_only(config, root: Path) -> None:
    """Tell the i18n plugin which languages to build: all, or those a preview asked for."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return
    try:
        built = {l.code for l in built_languages(root)}
    except ValueError as err:
        raise PluginError(str(err)) from None
    for language in plugin.config.languages:
        language.build = language.locale in built


def on_pre_build(config):
    try:
        compile_site(_root(config))
    except AuthorError as err:
        raise PluginError(str(err)) from None


class LinkTarget(File):
    """A download MkDocs may check links against; on_post_build copies it, once for all languages."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


@mkdocs.plugins.event_priority(-300)  # after the i18n plugin, which need not see these files
def on_files(files, config):
    base = _root(config) / BUILD_FILES
    if base.is_dir():
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files.append(LinkTarget(path.relative_to(base).as_posix(), str(base), config.site_dir,
                                        config.use_directory_urls, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


_THEME_BYTECODE = SharedBytecode()


def on_env(env, config, files):
    """MkDocs makes a fresh template environment for each language (and each preview rebuild) and
    compiles Material's 40 templates again each time; a compiled template is the same for all."""
    env.bytecode_cache = _THEME_BYTECODE
    return env


@mkdocs.plugins.event_priority(-200)
def on_nav(nav_, config, files):
    catalogue = load_catalogue(_root(config), config.theme["language"])

    def walk(items):
        for item in items:
            if isinstance(item, Section):
                item.title = str(catalogue.ui(item.title))
                walk(item.children)

    walk(nav_.items)
    return nav_


def on_page_content(html, page, config, files):
    """Explain glossary terms where they are first used on the page (see glossary_terms.py)."""
    pattern, lookup = glossary_pattern(_root(config), config.theme["language"])
    return mark_terms(html, pattern, lookup)


@mkdocs.plugins.event_priority(-200)
def on_post_build(config):
    root = _root(config)
    langs = built_languages(root)
    default = next(l.code for l in langs if l.default)
    split_search_index(Path(config.site_dir), default, [l.code for l in langs if not l.default])
    # Every language's build ends here; the first copies, the others find the files in place.
    sync_tree(root / BUILD_FILES, Path(config.site_dir))


@mkdocs.plugins.event_priority(-100)
def on_page_context(context, page, config, nav):
    """Make the language switcher's links relative on home pages.

    mkdocs-static-i18n gives home pages root-absolute alternates ("/nl/"), which break when the site is
    hosted in a sub-folder or opened from disk. A link relative to the site root lets MkDocs' `url`
    filter turn it into a link relative to the page.
    """
    prefix = urlsplit(config.site_url or "/").path or "/"
    # The i18n plugin sets `extra.alternate` as an attribute on home pages and as a key elsewhere.
    alternates = list(getattr(config.extra, "alternate", None) or []) + list(config.extra.get("alternate") or [])
    for alternate in alternates:
        link = alternate.get("link", "")
        if link.startswith(prefix) and not link.startswith("//"):
            alternate["link"] = link[len(prefix):] or "./"
    context["kb_handbook"] = handbook_link(_root(config), config.theme["language"], page.url)
    return context


def handbook_link(root: Path, lang: str, page_url: str) -> dict:
    """The handbook of the page's language, linked relative to the page (so it works from disk too)."""
    label = load_catalogue(root, lang).ui(N_("Download the handbook (PDF)"))
    depth = page_url.count("/")
    return {"href": "../" * depth + handbook_path(lang), "label": str(label)}
