"""Prepare the handbook and the case cards of one language as HTML, from the translated model.

Templates (handbook.html.j2, cards.html.j2) hold the layout; this module gives them safe HTML for the
authors' Markdown, readable citations, translated labels and the anchors cross-references point to.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import markdown as markdown_lib
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..documents.blocks import tool_document
from ..i18n import Catalogue
from ..model import Model
from ..textfmt import escape_md, is_fallback, local_date
from ..vocab import LABELS, N_

HERE = Path(__file__).parent
# Links between pages of the site make no sense on paper: keep their text, drop the address.
_SITE_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://)[^)]*\)")


_MARKDOWN = markdown_lib.Markdown(extensions=["sane_lists"])


@functools.lru_cache(maxsize=20000)
def _to_html(text: str) -> str:
    """Markdown to HTML, remembered: titles and source names repeat hundreds of times in a book."""
    return _MARKDOWN.reset().convert(_SITE_LINK.sub(r"\1", escape_md(text))).strip()


# Answer labels of the printable checklist, named here so that they are translated.
ANSWERS = (N_("Met"), N_("Partly met"), N_("Not yet"), N_("Not applicable"))


def css_string(text) -> Markup:
    """Text as a quoted CSS string, for generated content such as running headers."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


@dataclass
class BookInfo:
    """What the cover and colophon say besides the content: title, version, date and where it lives."""

    title: str
    version: str
    date: str
    site_url: str = ""


class BookRender:
    def __init__(self, model: Model, source: Model, catalogue: Catalogue, info: BookInfo):
        self.model = model  # translated
        self.source = source  # English, for the structure (sections of sources)
        self.catalogue = catalogue
        self.lang = catalogue.lang
        self.info = info
        self.env = Environment(loader=FileSystemLoader(str(HERE)), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(_=self.ui, label=self.label, cite=self.cite, m=self.model, info=self.info,
                                lang=self.lang, answers=ANSWERS, tool_blocks=self.tool_blocks,
                                kind_of=lambda b: type(b).__name__)
        self.env.filters.update(md=self.md, inline=self.inline, css_string=css_string,
                                local_date=lambda iso: local_date(iso, self.lang))

    # -- helpers for templates ---------------------------------------------------------------------
    def ui(self, text: str) -> str:
        return self.catalogue.ui(text)

    def label(self, group: str, key: str) -> str:
        return self.catalogue.ui(LABELS[group][key])

    def md(self, text) -> Markup:
        """Authors' Markdown as HTML. Raw HTML stays text; English fallback is marked as English."""
        if text is None:
            return Markup("")
        body = _to_html(str(text))
        if is_fallback(text):
            return Markup(f'<div lang="en">{body}</div>')
        return Markup(body)

    def inline(self, text) -> Markup:
        if text is None:
            return Markup("")
        body = re.sub(r"^<p>|</p>$", "", _to_html(" ".join(str(text).split())))
        if is_fallback(text):
            return Markup(f'<span lang="en">{body}</span>')
        return Markup(body)

    def cite(self, item) -> Markup:
        """'Source: orient8 guidelines, §4.2.1 Matching criteria · Practice-based', pointing to the sources."""
        parts = [f'<a href="#doc-{doc_id}">{self.inline(doc.short)}</a>, '
                 f'{where + " " if where else ""}{self.inline(section.title)}'
                 for doc_id, doc, where, section in self.model.cited(item.provenance, self.source)]
        evidence = self.label("evidence", item.evidence)
        return Markup(f'<p class="cite">{Markup.escape(self.ui(N_("Source")))}: ' + "; ".join(parts)
                      + f" · {Markup.escape(evidence)}</p>")

    def tool_blocks(self, tool_id: str) -> list:
        return tool_document(self.model, tool_id, self.catalogue).blocks

    # -- documents ---------------------------------------------------------------------------------
    def handbook_html(self) -> str:
        return self.env.get_template("handbook.html.j2").render(
            css=(HERE / "handbook.css").read_text(encoding="utf-8"), chapters=self.chapters())

    def cards_html(self, case_ids: list[str], title: str) -> str:
        cases = [self.model.cases[c] for c in case_ids]
        return self.env.get_template("cards.html.j2").render(
            css=(HERE / "cards.css").read_text(encoding="utf-8"), cases=cases, title=title)

    def chapters(self) -> list[dict]:
        """The book's order: background, the stages, quality, then the appendices."""
        topics = list(self.model.topics.values())
        about = [t for t in topics if t.group == "about"]
        models = [t for t in topics if t.group == "models"]
        quality = [t for t in topics if t.group == "quality"]
        network = [t for t in topics if t.group == "network"]
        out = [{"kind": "topic", "topic": t} for t in about + models]
        out += [{"kind": "stage", "stage": s} for s in self.model.stages.values()]
        out += [{"kind": "topic", "topic": t} for t in quality + network]
        return out
