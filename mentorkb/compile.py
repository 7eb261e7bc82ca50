"""The compile step: content model -> Markdown pages, open data and downloads, in every language.

Writes pages into `build/docs`, the docs_dir MkDocs reads, and downloads and open data into
`build/files`, which MkDocs only links to (see mkdocs_hooks.py): hundreds of binary files in docs_dir
cost the i18n plugin half a minute per build. Only changed files are rewritten (see writer.py), and
the whole step is skipped when no input changed since the last run in this process.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .exports import write_exports
from .fieldref import render_field_reference
from .glossary_terms import compile_forms
from .i18n import all_messages, catalogue_path, hand_pages, load_catalogue, translate_model
from .loader import fingerprint, load
from .model import Model
from .render import PageRender
from .siteconfig import built_languages
from .newcomer import newcomer_messages
from .translation_status import active_newcomer_languages, language_status, newcomer_material
from .writer import TreeWriter

BUILD_DOCS = Path("build") / "docs"
BUILD_FILES = Path("build") / "files"
FILE_FOLDERS = ("downloads", "api")  # top folders of the site that are written to BUILD_FILES
_last: dict[str, object] = {}
_glossary: dict[tuple[str, str], tuple] = {}  # (root, lang) -> compiled glossary pattern and lookup


def inputs_fingerprint(root: Path) -> str:
    """A hash of everything the compile step reads: content, catalogues, pages, templates and code."""
    digest = hashlib.sha256(fingerprint(root).encode())
    for folder, pattern in (("locales", "*.po"), ("locales", "*.yml"), ("docs/pages", "*.md"), ("docs/assets", "*"),
                            ("mentorkb", "*.py"), ("mentorkb/templates", "*.j2"),
                            ("mentorkb/handbook", "*"), ("mentorkb/documents", "*")):
        base = root / folder
        if base.is_dir():
            for path in sorted(base.rglob(pattern)):
                if path.is_file():
                    digest.update(path.relative_to(root).as_posix().encode())
                    digest.update(path.read_bytes())
    digest.update((root / "mkdocs.yml").read_bytes())
    return digest.hexdigest()


def compile_site(root: Path | str, model: Model | None = None, force: bool = False) -> dict:
    """Compile into build/docs and build/files.

    Raises AuthorError if the content is invalid; nothing is written then.
    """
    root = Path(root).resolve()
    built = built_languages(root)
    langs = [l.code for l in built]
    key = inputs_fingerprint(root) + " ".join(langs)
    if not force and _last.get(str(root)) == key and (root / BUILD_DOCS).is_dir() and (root / BUILD_FILES).is_dir():
        return {"skipped": True}
    model = model or load(root)
    writer = TreeWriter(root / BUILD_DOCS, {folder: root / BUILD_FILES for folder in FILE_FOLDERS})
    catalogues = {lang: load_catalogue(root, lang) for lang in langs}
    models = {lang: translate_model(model, catalogues[lang]) for lang in langs}
    messages = all_messages(root, model)
    statuses = [language_status(root, catalogues[lang], messages) for lang in langs]
    names = {l.code: l.name for l in built}
    newcomer = {}
    material = newcomer_material(root, model.tools)
    active = active_newcomer_languages(root, model.tools)
    for language in active:
        catalogue = load_catalogue(root, language.code)
        newcomer[language.code] = (translate_model(model, catalogue), catalogue, material)
    downloads, files = write_exports(models, catalogues, writer, model.version, root / "build" / "cache" / "documents",
                                     model, newcomer)
    newcomer_pages = [(language, *newcomer[language.code][:2], downloads[language.code]) for language in active]
    for language in active:
        subset = newcomer_messages(model, messages, language.code, newcomer[language.code][2])
        statuses.append(language_status(root, newcomer[language.code][1], subset))
        names[language.code] = language.name
    for lang in langs:
        render = PageRender(root, model, catalogues[lang], downloads.get(lang),
                            [f for f in files if f["lang"] == lang], statuses, names, newcomer_pages,
                            translated=models[lang])
        for rel, text in render.pages():
            writer.write(f"{lang}/{rel}", text)
        _glossary[(str(root), lang)] = compile_forms(render.glossary_forms())
    writer.write("en/authoring/fields.md", render_field_reference())
    writer.copy_tree(root / "docs" / "assets", "assets")
    shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"  # for the offline copy's search
    if shim.is_file():
        writer.write("assets/javascripts/iframe-worker.js", shim.read_bytes())
    stats = writer.finish()
    _last[str(root)] = key
    stats["languages"] = langs
    return stats


def glossary_pattern(root: Path, lang: str) -> tuple:
    """The glossary terms of the last compile, for marking them in rendered pages."""
    found = _glossary.get((str(Path(root).resolve()), lang))
    if found is None:
        compile_site(root, force=True)
        found = _glossary.get((str(Path(root).resolve()), lang), (None, {}))
    return found


def hand_page_paths(root: Path) -> list[str]:
    return [p.relative_to(root / "docs" / "pages").as_posix() for p in hand_pages(root)]


__all__ = ["compile_site", "glossary_pattern", "hand_page_paths", "catalogue_path", "BUILD_DOCS", "BUILD_FILES"]
