"""Checks that a translation keeps what must not change: placeholders, links, ids, code and structure.

A translator may reword freely, but `{count}` must still be there for the code to fill in, a link must
still point where it pointed, `REC-MATCH-03` must stay `REC-MATCH-03`, and a table must keep its
columns, or the page breaks. Each problem is a sentence a translator can act on.
"""
from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}")
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`[^`\n]+`")
ITEM_ID = re.compile(r"\b(?:[A-Z]{2,5}-)+\d{2,3}\b")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b")
HEADING = re.compile(r"^#{1,6} ", re.M)
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?) *([a-z]+)", re.M)
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.) ", re.M)


def _differ(name: str, english: list[str], translated: list[str]) -> str | None:
    missing = Counter(english) - Counter(translated)
    extra = Counter(translated) - Counter(english)
    if not missing and not extra:
        return None
    parts = []
    if missing:
        parts.append("missing " + ", ".join(sorted(missing)))
    if extra:
        parts.append("unexpected " + ", ".join(sorted(extra)))
    return f"{name}: {'; '.join(parts)}"


def _table_shape(text: str) -> list[int]:
    return [line.count("|") for line in text.splitlines() if line.lstrip().startswith("|")]


def problems(english: str, translated: str) -> list[str]:
    """What is wrong with a translation, as sentences; empty when it keeps everything it must."""
    if not translated.strip():
        return ["the translation is empty"]
    found = []
    for name, pattern in (("placeholders", PLACEHOLDER), ("link targets", LINK_TARGET),
                          ("code", CODE), ("ids", ITEM_ID), ("HTML tags", HTML_TAG),
                          ("admonitions", ADMONITION)):
        english_hits = [m.group(1) if pattern.groups else m.group(0) for m in pattern.finditer(english)]
        translated_hits = [m.group(1) if pattern.groups else m.group(0) for m in pattern.finditer(translated)]
        problem = _differ(name, english_hits, translated_hits)
        if problem:
            found.append(problem)
    for name, pattern in (("headings", HEADING), ("list items", LIST_ITEM)):
        a, b = len(pattern.findall(english)), len(pattern.findall(translated))
        if a != b:
            found.append(f"{name}: the English has {a}, the translation {b}")
    if _table_shape(english) != _table_shape(translated):
        found.append("table: rows and columns must match the English "
                     f"({len(_table_shape(english))} rows with {_table_shape(english)[:3]}… bars)")
    return found
