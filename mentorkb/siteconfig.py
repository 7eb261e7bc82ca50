"""What the pipeline needs to know from mkdocs.yml (languages), read once from the standard file."""
from __future__ import annotations

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
