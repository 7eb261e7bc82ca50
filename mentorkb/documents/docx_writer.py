"""Editable Word document (DOCX): real headings and tables, lines and tick boxes to fill in."""
from __future__ import annotations

import io

from docx import Document as Docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..i18n import direction
from .blocks import Box, Check, Document, Field, Heading, Para, Table

BOX = "☐"


def _set_language(document, lang: str) -> None:
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), lang)


def _right_to_left(document, lang: str) -> None:
    """Lay every paragraph, run and table out from right to left, as Word does for Arabic text."""
    body = document.element.body
    for paragraph in body.iter(qn("w:p")):
        ppr = paragraph.get_or_add_pPr()
        if ppr.find(qn("w:bidi")) is None:
            ppr.insert(0, OxmlElement("w:bidi"))
        for run in paragraph.iter(qn("w:r")):
            rpr = run.get_or_add_rPr()
            if rpr.find(qn("w:rtl")) is None:
                rpr.append(OxmlElement("w:rtl"))
    for table in body.iter(qn("w:tbl")):
        tblpr = table.find(qn("w:tblPr"))
        if tblpr is not None and tblpr.find(qn("w:bidiVisual")) is None:
            tblpr.append(OxmlElement("w:bidiVisual"))
    # Arabic is a "complex script" for Word: it takes its font and language from the cs/bidi settings.
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:cs"), "Noto Sans Arabic")
    rpr.find(qn("w:lang")).set(qn("w:bidi"), lang)


def _answer_table(document, rows: int):
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    cell = table.cell(0, 0)
    cell.text = "\n" * max(rows - 1, 0)
    return table


def write_docx(doc: Document) -> bytes:
    document = Docx()
    document.core_properties.title = doc.title
    document.core_properties.subject = doc.subtitle
    document.core_properties.keywords = ", ".join(doc.keywords)
    document.core_properties.language = doc.lang
    _set_language(document, doc.lang)
    document.styles["Normal"].font.name = "Noto Sans"
    document.styles["Normal"].font.size = Pt(12.5 if doc.large_print else 10.5)
    document.add_paragraph(doc.subtitle.upper())
    document.add_heading(doc.title, level=0)
    for block in doc.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            paragraph = document.add_paragraph(block.text, style="List Bullet" if block.bullet else None)
            if block.small:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
        elif isinstance(block, Box):
            document.add_paragraph().add_run(block.title).bold = True
            _answer_table(document, block.lines)
        elif isinstance(block, Check):
            document.add_paragraph(f"{BOX} {block.text}")
        elif isinstance(block, Table):
            table = document.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.columns):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row):
                    cell.text = text
        elif isinstance(block, Field):
            label = document.add_paragraph()
            label.add_run(block.label).bold = True
            if block.required:
                label.add_run(f" ({doc.words['required']})")
            if block.help:
                document.add_paragraph(block.help).runs[0].font.size = Pt(9)
            if block.type in ("choice", "multi-choice"):
                document.add_paragraph("    ".join(f"{BOX} {o}" for o in block.options))
            elif block.type in ("yes-no", "checkbox"):
                document.add_paragraph(f"{BOX} {doc.words['yes']}    {BOX} {doc.words['no']}")
            else:
                _answer_table(document, 4 if block.type == "long-text" else 1)
    if direction(doc.lang) == "rtl":
        _right_to_left(document, doc.lang)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
