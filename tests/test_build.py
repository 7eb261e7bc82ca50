"""The real knowledge base builds in every site language, and its outputs keep their contract."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import REPO
from sitecheck import broken_links, parse, third_party_requests
from mentorkb.exports import EXPORTS, export_schema
from mentorkb.loader import load
from mentorkb.siteconfig import languages

LANGS = [l.code for l in languages(REPO)]
OTHERS = [l for l in LANGS if l != "en"]

MANIFEST_SCHEMA = {
    "type": "object",
    "required": ["files"],
    "properties": {"files": {"type": "array", "minItems": 1, "items": {
        "type": "object",
        "required": ["id", "kind", "lang", "format", "path", "bytes", "sha256", "title"],
        "properties": {
            "id": {"type": "string", "minLength": 1}, "kind": {"type": "string"},
            "lang": {"type": "string"}, "format": {"type": "string"},
            "path": {"type": "string", "pattern": "^[^/].*"}, "bytes": {"type": "integer", "minimum": 1},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "title": {"type": "string", "minLength": 1},
        }}}},
}


def test_every_page_kind_exists_in_every_language(built_site):
    model = load(REPO)
    assert set(OTHERS) >= {"nl", "fr", "de", "es", "el"}
    for prefix in [""] + [f"{lang}/" for lang in OTHERS]:
        for page in ["index.html", "about/index.html", "stages/index.html", "criteria/index.html",
                     "cases/index.html", "tools/index.html", "glossary/index.html", "sources/index.html",
                     "checker/index.html", "languages/index.html"]:
            assert (built_site / prefix / page).is_file(), prefix + page
        for stage in model.stages:
            assert (built_site / prefix / "stages" / stage / "index.html").is_file()
        for case in model.cases:
            assert (built_site / prefix / "cases" / case / "index.html").is_file()
        for tool in model.tools:
            assert (built_site / prefix / "tools" / tool / "index.html").is_file()


def test_pages_declare_their_language_and_alternates(built_site):
    english = parse(built_site / "stages" / "matching" / "index.html")
    assert english.html_lang == "en"
    for lang in OTHERS:
        assert parse(built_site / lang / "stages" / "matching" / "index.html").html_lang == lang
        page = (built_site / lang / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
        for other in LANGS:
            assert f'hreflang="{other}"' in page, (lang, other)
    page = (built_site / "nl" / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    # The language switcher points at the same page in the other language.
    assert 'href="../../../stages/matching/"' in page and 'hreflang="en"' in page


def test_every_internal_link_and_anchor_resolves(built_site):
    assert broken_links(built_site) == []


def test_cross_links_go_both_ways(built_site):
    model = load(REPO)
    criteria_page = (built_site / "criteria" / "index.html").read_text(encoding="utf-8")
    for crit in model.criteria.values():
        assert f'id="{crit.id.lower()}"' in criteria_page
        for rec in crit.recommendations:
            stage = model.rec_stage[rec]
            stage_page = (built_site / "stages" / stage / "index.html").read_text(encoding="utf-8")
            assert f'criteria/#{crit.id.lower()}"' in stage_page, (rec, crit.id)
    for case_id, examples in model.examples_by_case.items():
        case_page = (built_site / "cases" / case_id / "index.html").read_text(encoding="utf-8")
        for stage_id, section_id, _ in examples:
            assert f"stages/{stage_id}/#{section_id}" in case_page


def test_no_page_loads_anything_from_another_host(built_site):
    assert third_party_requests(built_site) == []


def test_open_data_exports_match_their_schema(built_site):
    for lang in LANGS:
        for name in EXPORTS:
            data = json.loads((built_site / "api" / lang / f"{name}.json").read_text(encoding="utf-8"))
            jsonschema.validate(data, export_schema(name))
            assert data["lang"] == lang
    criteria = json.loads((built_site / "api" / "en" / "criteria.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in criteria["criteria"] if c["level"] == "minimal"] == \
        [f"MC-{n:02d}" for n in range(1, 21)]


def test_manifest_lists_every_download_with_size_and_checksum(built_site):
    manifest = json.loads((built_site / "downloads" / "manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, MANIFEST_SCHEMA)
    for entry in manifest["files"]:
        data = (built_site / entry["path"]).read_bytes()
        assert len(data) == entry["bytes"], entry["path"]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
    kinds = {(e["kind"], e["lang"]) for e in manifest["files"]}
    assert {("data", "en"), ("data", "nl"), ("tool", "en"), ("tool", "nl")} <= kinds


def test_download_links_on_pages_point_to_manifest_entries(built_site):
    from sitecheck import resolve

    manifest = json.loads((built_site / "downloads" / "manifest.json").read_text(encoding="utf-8"))
    listed = {entry["path"] for entry in manifest["files"]}
    checked = 0
    for page in built_site.rglob("*.html"):
        for href in parse(page).links:
            if href.startswith(("http:", "https:", "mailto:", "#", "/")):
                continue
            target, _ = resolve(built_site, page, href)
            rel = target.relative_to(built_site).as_posix()
            if rel.startswith("downloads/") and target.suffix != ".html":
                assert rel in listed, f"{page}: {href}"
                checked += 1
    assert checked > 0


def test_each_language_has_its_own_search_index(built_site):
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    for lang in OTHERS:
        own = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        # Each index uses its language's stemmer (Material ships lunr.el for Greek, and so on).
        assert own["config"]["lang"] == [lang]
        assert not any(d["location"].startswith(lang + "/") for d in english["docs"])
        assert {d["location"].split("#")[0] for d in own["docs"]} >= {"", "stages/matching/"}
    # Dutch pages load the Dutch index: the theme override moves their base to /nl/.
    page = (built_site / "nl" / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    assert '"nl/"' in page


def test_field_reference_is_generated_from_the_schema(built_site):
    from mentorkb.schema import KINDS

    page = (built_site / "authoring" / "fields" / "index.html").read_text(encoding="utf-8")
    for kind in KINDS:
        for field in kind.schema.fields:
            assert f"<code>{field.name}</code>" in page, (kind.name, field.name)


def test_glossary_terms_explain_themselves_at_first_use(built_site):
    import re

    model = load(REPO)
    mentor = model.terms["mentor"]
    page = (built_site / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    marked = re.findall(r'<abbr class="kb-term" title="([^"]*)" tabindex="0">([^<]*)</abbr>', page)
    words = [word.lower().rstrip("s") for _, word in marked]
    assert words.count("mentor") == 1  # only the first use, so the tab order stays short
    assert any(title == mentor.definition.strip() for title, word in marked if word.lower().startswith("mentor"))
    dutch = (built_site / "nl" / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    assert 'class="kb-term" title="De persoon met meer ervaring' in dutch


def test_no_markdown_syntax_leaks_into_pages(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "{:" not in text and "{#" not in text, page


def test_newcomer_pages_are_in_the_navigation_beside_the_tools(built_site):
    """Practitioners look for forms under Tools: the pages in the newcomers' languages are listed there."""
    for lang in ["", *[f"{l.code}/" for l in languages(REPO) if not l.default]]:
        page = (built_site / lang / "tools" / "index.html").read_text(encoding="utf-8")
        for code in ("ar", "uk"):
            link = f'<a href="../newcomers/{code}/" class="md-nav__link">'
            assert link in page, (lang, code)
            # Named in the menu's language, so a coordinator can read it; the page speaks the newcomer's.
            label = page[page.index(link):page.index("</a>", page.index(link))]
            assert not any("\u0600" <= ch <= "\u06ff" or "\u0400" <= ch <= "\u04ff" for ch in label), label
