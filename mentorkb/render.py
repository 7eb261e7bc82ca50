"""Render the validated model into Markdown pages, one tree per language, for MkDocs to build.

Templates (mentorkb/templates/*.md.j2) hold the layout; this module prepares what they show and the
helpers they call (links, citations, labels, safe text).
"""
from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path

from types import SimpleNamespace

from babel import Locale
from babel.numbers import format_decimal, format_percent
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import textfmt
from .glossary_terms import word_forms
from .i18n import ENGLISH_ONLY, SOURCE_LANG, Catalogue, page_blocks, page_context, split_front_matter, translate_model
from .model import Model
from .vocab import LABELS, N_

TEMPLATES = Path(__file__).parent / "templates"


# Titles of the generated index pages, used in the navigation too.
TITLES = {
    "stages/index.md": N_("Guidelines by stage"),
    "criteria/index.md": N_("Quality criteria"),
    "checker.md": N_("Check your programme"),
    "cases/index.md": N_("Case library"),
    "cases/themes.md": N_("What programmes changed, by theme"),
    "tools/index.md": N_("Tools and templates"),
    "glossary.md": N_("Glossary"),
    "downloads.md": N_("Downloads"),
    "sources.md": N_("Sources"),
    "background/index.md": N_("Background"),
    "languages.md": N_("Languages and translations"),
}

# The few interface words the page in a newcomer language shows in that language.
NEWCOMER_WORDS = {"forms": N_("Forms to download")}

# The parts of the site on the languages page, by the start of a message's context.
KIND_TITLES = {
    "ui": N_("Menus, buttons and labels"),
    "page": N_("Home and about pages"),
    "stage": TITLES["stages/index.md"],
    "criterion": TITLES["criteria/index.md"],
    "case": TITLES["cases/index.md"],
    "tool": TITLES["tools/index.md"],
    "topic": TITLES["background/index.md"],
    "term": TITLES["glossary.md"],
    "document": TITLES["sources.md"],
}


def plain_text(text: str) -> str:
    """Markdown reduced to plain text for a tooltip: no link syntax, emphasis or markup characters."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(text))
    return " ".join(re.sub(r"[*_`<>]", "", text).split())


@functools.lru_cache(maxsize=None)
def _relative(path: str, here: str) -> str:
    """posixpath.relpath, remembered: six languages ask for the same 2,300 links between pages."""
    return posixpath.relpath(path, here)


class SharedBytecode(BytecodeCache):
    """Compiled templates, shared by the page renderers of every language in this process.

    Each language has its own Environment (its globals speak that language), but all are configured
    alike, so a template compiled once serves all six; Jinja keys the code on the template's source,
    so an edited template is compiled afresh.
    """

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = SharedBytecode()


class PageRender:
    """Renders the pages of one language."""

    def __init__(self, root: Path, model: Model, catalogue: Catalogue, downloads=None, files=None,
                 statuses=None, language_names=None, newcomer=None, translated: Model | None = None):
        self.root = root
        self.newcomer = newcomer or []  # [(NewcomerLanguage, model, catalogue, downloads by tool id)]
        self.statuses = statuses or []
        self.language_names = language_names or {}
        self.downloads = downloads or {}
        self.files = files or []
        self.source = model
        self.catalogue = catalogue
        self.lang = catalogue.lang
        # The compile step has usually translated the model already; `translated` saves doing it twice.
        self.model = translated if translated is not None else translate_model(model, catalogue)
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True, bytecode_cache=_BYTECODE,
                               # Markdown heading anchors are written {#id}: free "{#" from Jinja comments.
                               comment_start_string="{%#", comment_end_string="#%}",
                               # Plain strings are escaped for Markdown (<, >, &, braces) but not their
                               # quotes, which Jinja's own escaping would turn into entities that then
                               # show up escaped twice in page titles and labels.
                               finalize=lambda value: value if isinstance(value, Markup) or not isinstance(
                                   value, str) else Markup(textfmt.escape_md(value)))
        self.current = ""
        self.fell_back = False
        self.env.globals.update(
            _=self.ui, link=self.link, cite=self.cite, label=self.label, m=self.model,
            stage_title=self.stage_title, rec_link=self.rec_link, crit_link=self.crit_link,
            case_link=self.case_link, tool_link=self.tool_link, titles=self.titles, download=self.download,
            status_text=self.status_text, kind_label=lambda kind: self.ui(KIND_TITLES.get(kind, kind)),
            percent=self.percent, number=lambda n: format_decimal(n, locale=textfmt.babel_locale(self.lang)),
            language_names=self.language_names,
        )
        self.env.filters.update(md=self.md, inline=self.inline, cell=self.cell, attr=textfmt.attr,
                                anchor=lambda value: textfmt.attr(str(value).lower()))

    # -- helpers for templates ---------------------------------------------------------------------
    def _mark(self):
        self.fell_back = True

    def ui(self, text: str):
        found = self.catalogue.ui(text)
        if found.fallback:
            self._mark()
        return found

    def md(self, text):
        return textfmt.block(text, self._mark)

    def inline(self, text):
        return textfmt.inline(text, self._mark)

    def cell(self, text):
        return textfmt.cell(text, self._mark)

    def label(self, group: str, key: str):
        return self.ui(LABELS[group][key])

    def titles(self, key: str):
        return self.ui(TITLES[key])

    def link(self, target: str) -> Markup:
        """A link from the page being rendered to `target` (a path in the same language tree)."""
        path, _, anchor = target.partition("#")
        rel = _relative(path, posixpath.dirname(self.current) or ".") if path else ""
        return Markup(textfmt.attr(rel + (f"#{anchor}" if anchor else "")))

    def download(self, file_id: str) -> dict | None:
        """A downloadable file of this language by its manifest id, with its size and its path from here."""
        for f in self.files:
            if f["id"] == file_id and f["format"] == "pdf":
                return {**f, "path_from_lang": "../" + f["path"], "size": textfmt.human_size(f["bytes"], self.lang)}
        return None

    def stage_title(self, stage_id: str):
        return self.inline(self.model.stages[stage_id].title)

    def rec_link(self, rec_id: str) -> Markup:
        stage = self.source.rec_stage[rec_id]
        return Markup(f"[{rec_id}]({self.link(f'stages/{stage}.md#{rec_id.lower()}')})")

    def crit_link(self, crit_id: str) -> Markup:
        crit = self.model.criteria[crit_id]
        return Markup(f"[{crit_id} {self.inline(crit.title)}]({self.link('criteria/index.md#' + crit_id.lower())})")

    def case_link(self, case_id: str) -> Markup:
        case = self.model.cases[case_id]
        return Markup(f"[{self.inline(case.name)}]({self.link(f'cases/{case_id}.md')})")

    def tool_link(self, tool_id: str) -> Markup:
        tool = self.model.tools[tool_id]
        return Markup(f"[{self.inline(tool.title)}]({self.link(f'tools/{tool_id}.md')})")

    def cite(self, item) -> Markup:
        """'Source: orient8 guidelines ..., §4.2.1 Matching criteria · Practice-based', linked to Sources."""
        parts = [f"[{self.inline(doc.short)}, {where + ' ' if where else ''}{self.inline(section.title)}]"
                 f"({self.link('sources.md#doc-' + doc_id)})"
                 for doc_id, doc, where, section in self.model.cited(item.provenance, self.source)]
        evidence = self.label("evidence", item.evidence)
        return Markup(f'<span class="kb-cite">{self.ui(N_("Source"))}: ' + "; ".join(parts)
                      + f' · <span class="kb-evidence kb-evidence-{item.evidence}">{evidence}</span></span>')

    def _options(self, group: str, used: list[str]) -> list:
        """Filter choices: only values that occur, in the vocabulary's order, with translated labels."""
        return [(key, self.label(group, key)) for key in LABELS[group] if key in set(used)]

    def checker_data(self) -> Markup:
        """What the checker's script needs, as JSON that is safe inside a <script> element."""
        from .checker.scoring import criteria_table
        from .checker.strings import STRINGS

        data = {
            "lang": self.lang, "contentVersion": self.source.version,
            "criteria": [{**row, "title": str(self.model.criteria[row["id"]].title)}
                         for row in criteria_table(self.model)],
            "stages": {s.id: str(s.title) for s in self.model.stages.values()},
            "levels": {k: str(self.label("level", k)) for k in LABELS["level"]},
            "answerLabels": {k: str(self.label("answer", k)) for k in LABELS["answer"]},
            "roles": {k: str(self.label("role", k)) for k in LABELS["role"]},
            "t": {key: str(self.ui(text)) for key, text in STRINGS.items()},
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))

    # -- pages -------------------------------------------------------------------------------------
    def percent(self, value: int) -> str:
        return format_percent(value / 100, locale=textfmt.babel_locale(self.lang))

    def status_text(self, status) -> str:
        """Whether a language is the original, a draft or reviewed, in this page's language."""
        if status.code == SOURCE_LANG:
            return self.ui(N_("Original"))
        if status.status == "reviewed":
            return self.ui(N_("Reviewed by {reviewer} on {date}")).format(
                reviewer=status.reviewer, date=textfmt.local_date(status.reviewed, self.lang))
        return self.ui(N_("Draft: not yet reviewed by a fluent practitioner"))

    def language_note(self) -> str:
        """The about page's closing section in a translation: how far and how well it is translated."""
        mine = next((s for s in self.statuses if s.code == self.lang), None)
        if mine is None or self.lang == SOURCE_LANG:
            return ""
        done = self.ui(N_("{percent} of the text is translated.")).format(percent=self.percent(mine.percent))
        more = self.ui(TITLES["languages.md"])
        return (f"\n## {textfmt.escape_md(self.ui(N_('This translation')))}\n\n"
                f"{textfmt.inline(self.status_text(mine))}. {textfmt.inline(done)} "
                f"[{textfmt.escape_md(more)}](languages.md)\n")

    def _newcomer_page(self, language, model, catalogue, downloads):
        """What the page in a newcomer language shows: its own words, and its name in this page's language."""
        tools = [t for t in downloads if t in model.tools]
        local_name = Locale.parse(textfmt.babel_locale(self.lang)).languages.get(language.code, language.name)
        words = {"forms": catalogue.ui(NEWCOMER_WORDS["forms"])}
        return SimpleNamespace(code=language.code, name=language.name, direction=language.direction,
                               local_name=local_name, model=model, tools=tools, downloads=downloads, words=words)

    def render(self, relpath: str, template: str, **context) -> str:
        self.current = relpath
        self.fell_back = False
        body = self.env.get_template(template).render(**context)
        return self._with_notice(body)

    def glossary_forms(self) -> list[tuple[str, str, str]]:
        """(word form, term id, plain definition) for marking glossary terms in this language's pages.

        See glossary_terms.word_forms for the forms of each term and alias.
        """
        out = []
        for term in self.model.terms.values():
            definition = plain_text(term.definition)
            for word in [term.term, *term.aliases]:
                out += [(form, term.id, definition) for form in word_forms(str(word), self.lang)]
        return out

    def _with_notice(self, body: str) -> str:
        if not self.fell_back or self.lang == "en":
            return body
        notice = self.ui(N_("Parts of this page are not translated yet and are shown in English."))
        front, body = split_front_matter(body)
        title, _, rest = body.partition("\n")
        return f'{front}{title}\n\n!!! note "{textfmt.escape_md(notice)}"\n\n{rest}'

    def hand_page(self, relpath: str, text: str) -> str:
        self.current = relpath
        self.fell_back = False
        front, text = split_front_matter(text)
        out = []
        for index, block in enumerate(page_blocks(text)):
            found = self.catalogue.get(page_context(relpath, index), block)
            if found.fallback and self.lang != "en":
                self.fell_back = True
            out.append(str(found))
        return front + self._with_notice("\n\n".join(out) + "\n")

    def pages(self) -> list[tuple[str, str]]:
        m = self.model
        out = []
        pages_dir = self.root / "docs" / "pages"
        if pages_dir.is_dir():
            for path in sorted(pages_dir.rglob("*.md")):
                rel = path.relative_to(pages_dir).as_posix()
                if rel.startswith(ENGLISH_ONLY) and self.lang != "en":
                    continue
                page = self.hand_page(rel, path.read_text(encoding="utf-8"))
                if rel == "about.md":
                    page += self.language_note()
                out.append((rel, page))
        out.append(("stages/index.md", self.render("stages/index.md", "stages.md.j2")))
        for stage in m.stages.values():
            rel = f"stages/{stage.id}.md"
            out.append((rel, self.render(rel, "stage.md.j2", stage=stage)))
        # Option elements cannot hold markup, so titles go in as plain (auto-escaped) text.
        stage_options = [(s.id, s.title) for s in m.stages.values()]
        out.append(("criteria/index.md", self.render(
            "criteria/index.md", "criteria.md.j2", stage_options=stage_options,
            level_options=self._options("level", [c.level for c in m.criteria.values()]))))
        out.append(("cases/index.md", self.render(
            "cases/index.md", "cases.md.j2", stage_options=stage_options,
            country_options=self._options("country", [c.country for c in m.cases.values()]),
            target_options=self._options("target_group", [t for c in m.cases.values() for t in c.target_groups]),
            type_options=self._options("mentoring_type", [t for c in m.cases.values() for t in c.mentoring_types]))))
        out.append(("checker.md", self.render("checker.md", "checker.md.j2", roles=list(LABELS["role"]),
                                              answers=list(LABELS["answer"]), data=self.checker_data())))
        themes = {theme: [] for theme in LABELS["theme"]}
        for case in m.cases.values():
            for intervention in case.interventions:
                themes[intervention.theme].append((case, intervention))
        out.append(("cases/themes.md", self.render("cases/themes.md", "themes.md.j2",
                                                   themes=[(t, i) for t, i in themes.items() if i])))
        for case in m.cases.values():
            rel = f"cases/{case.id}.md"
            out.append((rel, self.render(rel, "case.md.j2", case=case)))
        newcomer_pages = [self._newcomer_page(*item) for item in self.newcomer]
        out.append(("tools/index.md", self.render("tools/index.md", "tools.md.j2", newcomer_pages=newcomer_pages)))
        for page in newcomer_pages:
            rel = f"newcomers/{page.code}.md"
            out.append((rel, self.render(rel, "newcomer.md.j2", page=page, leaflet=page.model.tools[page.tools[0]],
                                         tools=[page.model.tools[t] for t in page.tools])))
        for tool in m.tools.values():
            rel = f"tools/{tool.id}.md"
            in_other = [(page, page.downloads[tool.id]) for page in newcomer_pages if tool.id in page.downloads]
            out.append((rel, self.render(rel, "tool.md.j2", tool=tool, in_other=in_other,
                                         downloads=self.downloads.get(tool.id, []))))
        if m.topics:
            groups: dict = {}
            for topic in m.topics.values():
                groups.setdefault(topic.group, []).append(topic)
            out.append(("background/index.md", self.render("background/index.md", "topics.md.j2",
                                                           topic_groups=list(groups.items()))))
            for topic in m.topics.values():
                rel = f"background/{topic.id}.md"
                out.append((rel, self.render(rel, "topic.md.j2", topic=topic)))
        # Downloads live beside the language trees (docs/downloads/), one level up from a language's root.
        files = [{**f, "path_from_lang": "../" + f["path"], "size": textfmt.human_size(f["bytes"], self.lang)}
                 for f in self.files]
        by_tool = {tool_id: [{**d, "path_from_lang": "../" + d["path"]} for d in links]
                   for tool_id, links in self.downloads.items()}
        # The offline zip is made after MkDocs has built the site, so the link is raw HTML, written
        # relative to the page's address (/downloads/ or /<lang>/downloads/).
        depth = 1 if self.lang == SOURCE_LANG else 2
        offline_href = "../" * depth + f"downloads/offline/mentoring-newcomers-{self.lang}.zip"
        out.append(("downloads.md", self.render("downloads.md", "downloads.md.j2", files=files,
                                                downloads=by_tool, offline_href=offline_href)))
        out.append(("glossary.md", self.render("glossary.md", "glossary.md.j2")))
        out.append(("sources.md", self.render("sources.md", "sources.md.j2")))
        if self.statuses:
            out.append(("languages.md", self.render("languages.md", "languages.md.j2", statuses=self.statuses)))
        return out


def nav(model: Model, hand_pages: list[str], newcomer_codes: list[str] = ()) -> list:
    """The site navigation, derived from the data (stage order, topic groups), in English.

    MkDocs and the i18n plugin map these paths into each language; section titles are translated in
    the on_nav hook.
    """
    items: list = ["index.md"]
    items.append({TITLES["stages/index.md"]: ["stages/index.md"] + [f"stages/{s}.md" for s in model.stages]})
    items.append("criteria/index.md")
    items.append("checker.md")
    items.append({TITLES["cases/index.md"]: ["cases/index.md", "cases/themes.md"]})
    # The pages in the newcomers' own languages sit with the tools, where practitioners look for forms.
    items.append({TITLES["tools/index.md"]: ["tools/index.md", "downloads.md"]
                  + [f"newcomers/{code}.md" for code in newcomer_codes]})
    if model.topics:
        items.append({TITLES["background/index.md"]: ["background/index.md"]
                      + [f"background/{t}.md" for t in model.topics]})
    items += ["glossary.md", "sources.md", "languages.md"]
    for page in hand_pages:
        if page != "index.md" and "/" not in page:
            items.append(page)
    return items
