"""How complete and how checked each translation is: coverage per kind of content, and review status.

Coverage counts the strings a language shows in its own words; fuzzy and missing ones count as not
translated, since readers see the English for those. The review status comes from
`locales/languages.yml`, where a language stays `draft` until a fluent practitioner signs it off.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .i18n import Catalogue, Message, direction

STATUSES = ("draft", "reviewed")

# The kinds of text, in the order a reader meets them; the key is the start of the message context.
KIND_ORDER = ("ui", "page", "stage", "criterion", "case", "tool", "topic", "term", "document")


@dataclass
class LanguageStatus:
    code: str
    status: str = "draft"
    reviewer: str = ""
    reviewed: str = ""
    scope: str = "site"  # or "newcomers": only the material for mentees
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def translated(self) -> int:
        return sum(done for done, _ in self.by_kind.values())

    @property
    def total(self) -> int:
        return sum(total for _, total in self.by_kind.values())

    @property
    def percent(self) -> int:
        """Rounded down, so that 100 means every string, not 99.6."""
        return 100 * self.translated // self.total if self.total else 100


def _settings(root: Path) -> dict:
    path = Path(root) / "locales" / "languages.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return data or {}


def review_status(root: Path) -> dict[str, dict]:
    return _settings(root).get("languages") or {}


@dataclass(frozen=True)
class NewcomerLanguage:
    """A language that has only the material for mentees (a page and its downloads), not the whole site."""

    code: str
    name: str
    direction: str  # "ltr" or "rtl"


def newcomer_languages(root: Path) -> list[NewcomerLanguage]:
    return [NewcomerLanguage(code, str(info.get("name", code)), direction(code))
            for code, info in review_status(root).items() if (info or {}).get("scope") == "newcomers"]


def newcomer_material(root: Path, tools=None) -> list[str]:
    """The tools offered in the newcomer languages; given the model's `tools`, only those that exist."""
    wanted = list(_settings(root).get("newcomer_material") or [])
    return wanted if tools is None else [tool for tool in wanted if tool in tools]


def active_newcomer_languages(root: Path, tools) -> list[NewcomerLanguage]:
    """The newcomer languages that have something to show: without their material they have no page."""
    return newcomer_languages(root) if newcomer_material(root, tools) else []


def language_status(root: Path, catalogue: Catalogue, messages: list[Message]) -> LanguageStatus:
    info = review_status(root).get(catalogue.lang) or {}
    status = LanguageStatus(catalogue.lang, status=str(info.get("status", "draft")),
                            reviewer=str(info.get("reviewer") or ""), reviewed=str(info.get("reviewed") or ""),
                            scope=str(info.get("scope") or "site"))
    counts: dict[str, list[int]] = {}
    for message in messages:
        kind = message.context.split(":", 1)[0]
        done_total = counts.setdefault(kind, [0, 0])
        done_total[1] += 1
        if catalogue.lang == "en" or (message.context, message.msgid) in catalogue.entries:
            done_total[0] += 1
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    status.by_kind = {k: (v[0], v[1]) for k, v in sorted(counts.items(), key=lambda kv: order.get(kv[0], 99))}
    return status
