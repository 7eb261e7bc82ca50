"""Every section of the source documents is cited by at least one content item; the test lists gaps."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO
from mentorkb.loader import load

CONTENT_MAP = REPO.parent / "shared" / "content-map.md"


def map_section_ids(text: str) -> set[str]:
    """The section ids the content map names in bold, written as items cite them ('003 §4.2.1')."""
    ids = set()
    for doc, rest in re.findall(r"\*\*(\d{3}) ([^*]+)\*\*", text):
        if rest.startswith("§"):
            ids.add(f"{doc} {rest.split()[0]}")
        elif rest.startswith("criteria 1-20"):
            ids.update(f"{doc} criterion {n}" for n in range(1, 21))
        elif rest.startswith(("Part 1", "Part 2")):
            ids.add(f"{doc} {rest[:6]}")
        else:
            raise AssertionError(f"content map entry not understood: {doc} {rest}")
    return ids


def cited(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "provenance":
                found.update(inner)
            else:
                cited(inner, found)
    elif isinstance(value, list):
        for inner in value:
            cited(inner, found)
    return found


@pytest.fixture(scope="module")
def model():
    return load(REPO)


def all_citations(model) -> set[str]:
    found: set[str] = set()
    for items in (model.stages, model.topics, model.cases, model.tools, model.criteria, model.terms):
        cited(list(items.values()), found)
    return found


def test_every_section_of_every_source_is_cited_by_content(model):
    declared = {f"{doc.id} {s.id}" for doc in model.documents.values() for s in doc.sections}
    missing = sorted(declared - all_citations(model))
    assert missing == [], "sections no content item cites:\n" + "\n".join(missing)


@pytest.mark.skipif(not CONTENT_MAP.is_file(), reason="../shared/content-map.md is not beside the repository")
def test_sources_declare_every_section_of_the_content_map(model):
    declared = {f"{doc.id} {s.id}" for doc in model.documents.values() for s in doc.sections}
    missing = sorted(map_section_ids(CONTENT_MAP.read_text(encoding="utf-8")) - declared)
    assert missing == [], "content map sections missing from guidelines/sources.yml:\n" + "\n".join(missing)


def test_every_orient8_recommendation_section_has_its_own_items(model):
    for stage in model.stages.values():
        assert stage.recommendations, stage.id
    recs = [r for s in model.stages.values() for r in s.recommendations]
    for section in ("§2.3", "§3.3", "§4.3", "§5.3", "§6.3", "§7.3"):
        assert any(f"003 {section}" in r.provenance for r in recs), section
