"""Every tool in every language as DOCX, ODT and fillable PDF, opened by LibreOffice and pypdf."""
from __future__ import annotations

import json
import zipfile
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from conftest import REPO
from mentorkb.documents.blocks import Box, Check, Field, tool_document
from mentorkb.i18n import load_catalogue, translate_model
from mentorkb.loader import load
from mentorkb.siteconfig import languages
from mentorkb.translation_status import newcomer_languages, newcomer_material

ARTEFACTS = REPO / "test-artifacts" / "documents"


@pytest.fixture(scope="module")
def manifest(built_site):
    return json.loads((built_site / "downloads" / "manifest.json").read_text(encoding="utf-8"))["files"]


def tool_files(manifest, fmt):
    return [f for f in manifest if f["kind"] == "tool" and f["format"] == fmt]


def expected_field_names(tool_id: str, lang: str) -> set[str]:
    model = load(REPO)
    catalogue = load_catalogue(REPO, lang)
    doc = tool_document(translate_model(model, catalogue), tool_id, catalogue)
    names = set()
    for block in doc.blocks:
        if isinstance(block, (Box, Check)):
            names.add(block.id)
        elif isinstance(block, Field):
            if block.type in ("choice", "multi-choice"):
                names.update(f"{block.id}__{n}" for n in range(1, len(block.options) + 1))
            elif block.type in ("yes-no", "checkbox"):
                names.update({f"{block.id}__yes", f"{block.id}__no"})
            else:
                names.add(block.id)
    return names


def test_every_tool_has_every_format_in_every_language(built_site, manifest):
    model = load(REPO)
    have = {(f["id"], f["lang"], f["format"]) for f in manifest if f["kind"] == "tool"}
    for tool in model.tools:
        for lang in [l.code for l in languages(REPO)]:
            for fmt in ("pdf", "docx", "odt"):
                assert (tool, lang, fmt) in have, (tool, lang, fmt)
    # Languages newcomers read first have the material for mentees, and only that.
    material = newcomer_material(REPO)
    assert "intake-mentee" in material and "mentoring-agreement" in material
    for language in newcomer_languages(REPO):
        assert {t for t, lang, _ in have if lang == language.code} == set(material)


def test_arabic_documents_read_right_to_left(built_site, manifest):
    files = {(f["id"], f["format"]): built_site / f["path"] for f in manifest if f["lang"] == "ar"}
    with zipfile.ZipFile(files[("intake-mentee", "docx")]) as docx:
        body = docx.read("word/document.xml").decode()
    assert body.count("<w:bidi/>") > 10 and "<w:rtl/>" in body and "<w:bidiVisual/>" in body
    with zipfile.ZipFile(files[("intake-mentee", "odt")]) as odt:
        styles = odt.read("styles.xml").decode() + odt.read("content.xml").decode()
    assert 'style:writing-mode="rl-tb"' in styles
    reader = pypdf.PdfReader(files[("intake-mentee", "pdf")])
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert sum(1 for ch in text if "\u0600" <= ch <= "\u06ff") > 200  # the form is in Arabic script


def test_libreoffice_opens_every_docx_and_odt(built_site, manifest, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is not installed (make install adds it)"
    files = tool_files(manifest, "docx") + tool_files(manifest, "odt")
    sources = []
    for entry in files:
        target = tmp_path / "in" / f"{entry['lang']}-{entry['format']}-{Path(entry['path']).name}"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(built_site / entry["path"], target)
        sources.append((entry, target))
    out = tmp_path / "out"
    # Two LibreOffice processes (each needs its own profile) share the files, one per core.
    halves = [sources[0::2], sources[1::2]]
    runs = [subprocess.Popen([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile{i}",
                              "--convert-to", "pdf", "--outdir", str(out), *[str(s) for _, s in half]],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for i, half in enumerate(halves) if half]
    assert [run.wait(timeout=600) for run in runs] == [0] * len(runs)
    model = load(REPO)
    for entry, source in sources:
        pdf = out / (source.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice could not convert {entry['path']}"
        text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
        if entry["lang"] == "en":
            assert str(model.tools[entry["id"]].title) in " ".join(text.split()), entry["path"]


def test_pdfs_have_named_fields_text_metadata_and_embedded_fonts(built_site, manifest):
    model = load(REPO)
    for entry in tool_files(manifest, "pdf"):
        reader = pypdf.PdfReader(built_site / entry["path"])
        assert set(reader.get_fields() or {}) == expected_field_names(entry["id"], entry["lang"]), entry["path"]
        if entry["lang"] == "en":  # text extraction is slow; the title is known in English
            text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
            assert str(model.tools[entry["id"]].title) in text
        assert reader.metadata.title
        assert reader.trailer["/Root"]["/Lang"] == entry["lang"]
        assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), entry["path"]


def test_first_page_of_each_pdf_renders_to_png(built_site, manifest):
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "poppler-utils is not installed (make install adds it)"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for entry in tool_files(manifest, "pdf"):
        stem = ARTEFACTS / f"{entry['lang']}-{entry['id']}"
        subprocess.run([pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                        str(built_site / entry["path"]), str(stem)], check=True, timeout=60)
        assert stem.with_suffix(".png").stat().st_size > 5000
