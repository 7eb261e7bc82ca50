"""What the pipeline needs to know from mkdocs.yml (languages), read once from the standard file."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml may contain tags such as !ENV or !!python/name; we only need plain values."""


def _ignore_tag(loader, suffix, node):
    return None


_Lenient.add_multi_constructor("!", _ignore_tag)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool


def languages(root: Path) -> list[Language]:
    config = yaml.load((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            out = [Language(l["locale"], l["name"], bool(l.get("default"))) for l in langs
                   if l.get("build", True)]
            return sorted(out, key=lambda l: not l.default)
    return [Language("en", "English", True)]


# `make serve LANGS=en` sets this for the preview only: MkDocs then builds one language (plus the
# default, which the i18n plugin always builds first at the site's root), so a save shows in seconds
# rather than after six builds. `make build` and `make translations` always cover every language.
PREVIEW_LANGUAGES = "MENTORKB_LANGS"


def built_languages(root: Path) -> list[Language]:
    """The languages this build makes: all of them, or those a preview asked for and the default."""
    every = languages(root)
    wanted = preview_codes(root, every)
    return [l for l in every if l.default or wanted is None or l.code in wanted]


def preview_codes(root: Path, every: list[Language] | None = None) -> list[str] | None:
    """The language codes in MENTORKB_LANGS ("en", "nl,fr"), or None; ValueError names unknown ones."""
    value = os.environ.get(PREVIEW_LANGUAGES, "").strip()
    if not value:
        return None
    codes = value.replace(",", " ").split()
    valid = [l.code for l in (every or languages(root))]
    unknown = [code for code in codes if code not in valid]
    if unknown:
        raise ValueError(f"LANGS: expected site language codes, found {', '.join(unknown)}; "
                         f"valid: {', '.join(valid)}")
    return codes
