"""Fillable, tagged PDF (PDF/UA-1) through WeasyPrint: fields become PDF form fields named by their ids."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..i18n import direction
from ..pdfengine import html_to_pdf
from .blocks import Document

HERE = Path(__file__).parent
_env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def tool_html(doc: Document) -> str:
    return _env.get_template("tool.html.j2").render(doc=doc, dir=direction(doc.lang),
                                                    css=(HERE / "tool.css").read_text(encoding="utf-8"))


def write_pdf(doc: Document) -> bytes:
    return html_to_pdf(tool_html(doc), pdf_forms=True)
