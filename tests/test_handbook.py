"""The printable handbook and the case cards, read back with pypdf and rendered with poppler."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from conftest import REPO
from mentorkb.handbook.build import handbook_path
from mentorkb.i18n import load_catalogue, translate_model
from mentorkb.loader import load
from mentorkb.siteconfig import languages

ARTIFACTS = REPO / "test-artifacts" / "handbook"
LANGS = tuple(l.code for l in languages(REPO))


@pytest.fixture(scope="module")
def manifest(built_site):
    return json.loads((built_site / "downloads" / "manifest.json").read_text())


@pytest.fixture(scope="module")
def model():
    return load(REPO)


def _reader(site: Path, rel: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(str(site / rel))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _top_titles(reader: pypdf.PdfReader) -> list[str]:
    return [item.title for item in reader.outline if not isinstance(item, list)]


def _translated(model, lang):
    return translate_model(model, load_catalogue(REPO, lang))


def test_manifest_lists_handbook_and_cards_per_language(built_site, manifest, model):
    for lang in LANGS:
        mine = [f for f in manifest["files"] if f["lang"] == lang]
        handbooks = [f for f in mine if f["kind"] == "handbook"]
        assert [f["path"] for f in handbooks] == [handbook_path(lang)]
        cards = {f["id"] for f in mine if f["kind"] == "cards"}
        expected = {"cards"} | {f"cards-{s}" for s in model.stages if model.cases_by_stage[s]}
        assert cards == expected
        for f in handbooks + [f for f in mine if f["kind"] == "cards"]:
            assert (built_site / f["path"]).stat().st_size == f["bytes"]


@pytest.mark.parametrize("lang", LANGS)
def test_handbook_has_a_bookmark_per_chapter_and_every_recommendation(built_site, model, lang):
    reader = _reader(built_site, handbook_path(lang))
    m = _translated(model, lang)
    chapters = ([t.title for t in m.topics.values() if t.group in ("about", "models")]
                + [s.title for s in m.stages.values()]
                + [t.title for t in m.topics.values() if t.group in ("quality", "network")])
    titles = _top_titles(reader)
    # Two front-matter entries (about this handbook, contents), the chapters, then five appendices.
    assert titles[2:2 + len(chapters)] == [str(c) for c in chapters]
    assert len(titles) == 2 + len(chapters) + 5
    assert all(re.search(r"\b[A-E]\b", t) for t in titles[-5:])
    text = _text(reader)
    missing = [r for r in model.recommendations if r not in text]
    assert missing == []
    # One page per chapter at the very least, and the appendices (forms, cases) are long.
    assert len(reader.pages) > 3 * len(titles)
    for crit in model.criteria:
        assert crit in text


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_language_title_tags_and_fonts(built_site, lang):
    for rel in (handbook_path(lang), f"downloads/{lang}/case-cards-{lang}.pdf"):
        reader = _reader(built_site, rel)
        root = reader.trailer["/Root"]
        assert str(root["/Lang"]) == lang
        assert reader.metadata.title
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
        fonts = {}
        for page in reader.pages[:40]:
            for font in (page["/Resources"].get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                descriptor = descriptor.get_object()
                fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        assert fonts and all(fonts.values()), fonts


def test_contents_page_numbers_lead_to_the_chapters(built_site, model):
    """The table of contents shows the page where each stage chapter starts (target-counter works)."""
    reader = _reader(built_site, handbook_path("en"))
    contents = next(p.extract_text() for p in reader.pages[:6] if "Contents" in (p.extract_text() or ""))
    for stage in model.stages.values():
        found = re.search(re.escape(stage.title) + r"[ .]*?(\d+)\s*$", contents, re.M)
        assert found, stage.title
        page_text = reader.pages[int(found.group(1)) - 1].extract_text()
        assert stage.title in page_text


def test_cross_references_show_the_target_page(built_site, model):
    """'Helps to meet MC-05 (p. 123)': the page named holds that criterion in the checklist appendix."""
    reader = _reader(built_site, handbook_path("en"))
    text = _text(reader)
    refs = re.findall(r"\b(MC-\d\d) \(p\.\s?(\d+)\)", text)
    assert len(refs) >= 10
    for crit, page in refs[:10]:
        assert crit in reader.pages[int(page) - 1].extract_text()


@pytest.mark.parametrize("lang", LANGS)
def test_case_cards_one_card_per_case_on_a5(built_site, model, lang):
    m = _translated(model, lang)
    reader = _reader(built_site, f"downloads/{lang}/case-cards-{lang}.pdf")
    # One card per case, A to Z by the case's name in the reader's language.
    names = [str(c.name) for c in m.cases.values()]
    assert _top_titles(reader) == sorted(names, key=str.lower)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 419.5) < 2 and abs(height - 595.3) < 2  # A5 in points
    full_pages = [p.extract_text() for p in reader.pages]
    text = " ".join(" ".join(full_pages).split())
    for case in m.cases.values():
        for question in case.discussion_questions:
            assert " ".join(str(question).split())[:40] in text
    stage = next(s for s in model.stages if model.cases_by_stage[s])
    per_stage = _reader(built_site, f"downloads/{lang}/cards/{stage}.pdf")
    assert sorted(_top_titles(per_stage)) == sorted(str(m.cases[c].name) for c in model.cases_by_stage[stage])
    # A stage's cards are the full set's pages of its cases, whole cards only, tagged, with their own title.
    assert str(m.stages[stage].title) in per_stage.metadata.title
    assert "/StructTreeRoot" in per_stage.trailer["/Root"]
    stage_pages = [p.extract_text() for p in per_stage.pages]
    mine = {" ".join(str(m.cases[c].name).split()) for c in model.cases_by_stage[stage]}
    # The footer ends each page with its case's name, so a page belongs to the stage when its case does.
    names = sorted((" ".join(str(c.name).split()) for c in m.cases.values()), key=len, reverse=True)

    def case_of(text: str) -> str:
        return next(name for name in names if " ".join(text.split()).endswith(name))

    assert case_of(full_pages[0]) == " ".join(_top_titles(reader)[0].split())
    assert stage_pages == [text for text in full_pages if case_of(text) in mine]


def test_every_page_offers_the_handbook_and_stage_pages_their_cards(built_site):
    pages = [p for p in built_site.rglob("index.html") if "downloads" not in p.parts]
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<a href="([^"]+)" class="md-content__button kb-handbook"', html)
        assert found, page
        assert (page.parent / found.group(1)).resolve().is_file(), (page, found.group(1))
    stage_page = (built_site / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    cards = re.search(r'href="([^"]*cards/matching\.pdf)"', stage_page)
    assert cards and (built_site / "stages" / "matching" / cards.group(1)).resolve().is_file()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pages_render_to_png_artefacts(built_site):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    reader = _reader(built_site, handbook_path("en"))
    chosen = [1, 3, len(reader.pages) // 3, len(reader.pages) - 10]
    for number in chosen:
        out = ARTIFACTS / f"handbook-en-p{number}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                        str(built_site / handbook_path("en")), str(out)], check=True)
        assert out.with_suffix(".png").stat().st_size > 5000
    out = ARTIFACTS / "cards-nl-p1"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1",
                    str(built_site / "downloads/nl/case-cards-nl.pdf"), str(out)], check=True)
    assert out.with_suffix(".png").stat().st_size > 5000


def test_book_fonts_cover_greek_and_arabic(tmp_path):
    """The book's font stack embeds fonts for Greek now and for Arabic when that language is added."""
    from mentorkb.handbook.build import HERE
    from mentorkb.pdfengine import html_to_pdf

    css = (HERE / "handbook.css").read_text(encoding="utf-8")
    html = (f'<html lang="el"><head><title>Δοκιμή</title><style>{css}</style></head><body>'
            '<p>Καθοδήγηση νεοαφιχθέντων</p><p lang="ar" dir="rtl">الإرشاد للقادمين الجدد</p></body></html>')
    reader = pypdf.PdfReader(__import__("io").BytesIO(html_to_pdf(html)))
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any(f.endswith("Noto-Sans") for f in fonts) and any("Arabic" in f for f in fonts), fonts
    assert "Καθοδήγηση" in reader.pages[0].extract_text()
