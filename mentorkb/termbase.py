"""The term base (`locales/terms.yml`): the words of the field per language, and where a translation strays.

A translation "strays" when its English contains a term (say "referrer") but the translation contains
none of the forms the term base accepts for that language ("doorverwijzer", "doorverwijzers"). That is a
hint for a reviewer, not an error: grammar sometimes needs another form, so the report lists them and
`make translations` prints how many there are per language.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import AuthorError


@dataclass(frozen=True)
class Term:
    en: str
    forms: dict[str, tuple[str, ...]]  # language -> accepted forms, preferred first

    def pattern(self) -> re.Pattern:
        # English plurals ("referrers") and capitals ("Matching") count as the term too.
        return re.compile(r"\b" + re.escape(self.en) + r"(?:s|es)?\b", re.IGNORECASE)


def load_terms(root: Path) -> list[Term]:
    path = Path(root) / "locales" / "terms.yml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms = []
    for index, entry in enumerate(data.get("terms") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("en"), str):
            raise AuthorError(f"{path}: terms[{index}].en: expected the English term, found {entry!r}")
        forms = {}
        for lang, spec in entry.items():
            if lang in ("en", "note"):
                continue
            use = spec.get("use") if isinstance(spec, dict) else None
            if not isinstance(use, list) or not use or not all(isinstance(u, str) for u in use):
                raise AuthorError(f"{path}: terms[{index}].{lang}.use: expected a list of words, found {use!r}")
            forms[lang] = tuple(use)
        terms.append(Term(entry["en"], forms))
    return terms


def strays(terms: list[Term], lang: str, english: str, translated: str) -> list[str]:
    """The English terms in `english` whose accepted forms all miss from `translated`."""
    found = []
    lowered = translated.casefold()
    for term in terms:
        forms = term.forms.get(lang)
        if not forms or not term.pattern().search(english):
            continue
        if not any(form.casefold() in lowered for form in forms):
            found.append(term.en)
    return found


def stray_report(terms: list[Term], lang: str, pairs) -> Counter:
    """How often each term strays in a language, over (english, translated) pairs."""
    counts: Counter = Counter()
    for english, translated in pairs:
        counts.update(strays(terms, lang, english, translated))
    return counts
