"""Editable OpenDocument text (ODT), the open format many public administrations must use."""
from __future__ import annotations

import io

from odfdo import Document as Odt
from odfdo import Cell, Header, List, ListItem, Paragraph, Row, Style, Table as OdtTable
from odfdo import create_table_cell_style

from ..i18n import direction
from .blocks import Box, Check, Document, Field, Heading, Para, Table

BOX = "☐"


def _answer(body, lines: int) -> None:
    """A bordered box to write in, one empty paragraph per line."""
    table = OdtTable("answer", width=1, height=0)
    row = Row()
    cell = Cell(style="KbAnswer")
    for _ in range(max(lines, 1)):
        cell.append(Paragraph(""))
    row.append(cell)
    table.append_row(row)
    body.append(table)


def _styles(document, large: bool, rtl: bool = False) -> None:
    size = "12.5pt" if large else "10.5pt"
    if rtl:
        # Every paragraph, headings included, inherits the default style: make it right to left.
        for default in document.styles.get_elements("//style:default-style[@style:family='paragraph']"):
            props = default.get_element("style:paragraph-properties")
            if props is None:
                default.set_properties({"style:writing-mode": "rl-tb"}, area="paragraph")
            else:
                props.set_attribute("style:writing-mode", "rl-tb")
    document.insert_style(create_table_cell_style(border="0.5pt solid #000000", padding="0.1cm"),
                          name="KbAnswer", automatic=True)
    document.insert_style(create_table_cell_style(border="0.5pt solid #666666", padding="0.1cm"),
                          name="KbCell", automatic=True)
    for name, bold in (("KbText", False), ("KbLabel", True)):
        style = Style("paragraph", name=name)
        style.set_properties({"fo:font-size": size, "fo:font-weight": "bold" if bold else "normal",
                              "fo:font-family": "'Noto Sans'"}, area="text")
        paragraph = {"fo:margin-top": "0.15cm"}
        if rtl:
            paragraph.update({"style:writing-mode": "rl-tb", "fo:text-align": "end"})
            style.set_properties({"style:font-name-complex": "'Noto Sans Arabic'",
                                  "style:font-size-complex": size,
                                  "style:font-weight-complex": "bold" if bold else "normal"}, area="text")
        style.set_properties(paragraph, area="paragraph")
        document.insert_style(style)
    # The default template numbers headings ("1.1."); a form reads better without numbers.
    for level in document.styles.get_elements("//text:outline-level-style"):
        level.set_attribute("style:num-format", "")
        for attribute in ("loext:num-list-format", "style:num-suffix"):
            if level.get_attribute(attribute) is not None:
                level.del_attribute(attribute)


def write_odt(doc: Document) -> bytes:
    document = Odt("text")
    document.set_language(doc.lang)
    meta = document.meta
    meta.title = doc.title
    meta.subject = doc.subtitle
    meta.keyword = ", ".join(doc.keywords)
    meta.language = doc.lang
    _styles(document, doc.large_print, direction(doc.lang) == "rtl")
    body = document.body
    body.clear()
    body.append(Paragraph(doc.subtitle.upper(), style="KbText"))
    body.append(Header(1, doc.title, suppress_numbering=True))
    bullets = None
    for block in doc.blocks:
        if isinstance(block, Para) and block.bullet:
            if bullets is None:
                bullets = List()
                body.append(bullets)
            bullets.append(ListItem(Paragraph(block.text, style="KbText")))
            continue
        bullets = None
        if isinstance(block, Heading):
            body.append(Header(block.level + 1, block.text, suppress_numbering=True))
        elif isinstance(block, Para):
            body.append(Paragraph(block.text, style="KbText"))
        elif isinstance(block, Box):
            body.append(Paragraph(block.title, style="KbLabel"))
            _answer(body, block.lines)
        elif isinstance(block, Check):
            body.append(Paragraph(f"{BOX} {block.text}", style="KbText"))
        elif isinstance(block, Table):
            table = OdtTable("table", width=0, height=0)
            for index, values in enumerate([block.columns, *block.rows]):
                row = Row()
                for value in values:
                    cell = Cell(style="KbCell")
                    cell.append(Paragraph(value, style="KbLabel" if index == 0 else "KbText"))
                    row.append(cell)
                table.append_row(row)
            body.append(table)
        elif isinstance(block, Field):
            label = block.label + (f" ({doc.words['required']})" if block.required else "")
            body.append(Paragraph(label, style="KbLabel"))
            if block.help:
                body.append(Paragraph(block.help, style="KbText"))
            if block.type in ("choice", "multi-choice"):
                body.append(Paragraph("    ".join(f"{BOX} {o}" for o in block.options), style="KbText"))
            elif block.type in ("yes-no", "checkbox"):
                body.append(Paragraph(f"{BOX} {doc.words['yes']}    {BOX} {doc.words['no']}", style="KbText"))
            else:
                _answer(body, 4 if block.type == "long-text" else 1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
