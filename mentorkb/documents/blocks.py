"""One tool, in one language, as a neutral list of blocks that every document writer understands."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from ..i18n import Catalogue
from ..model import Model
from ..vocab import LABELS, N_


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str
    bullet: bool = False
    small: bool = False


@dataclass
class Field:
    id: str
    label: str
    type: str
    options: list[str] = field(default_factory=list)
    help: str = ""
    required: bool = False


@dataclass
class Check:
    id: str
    text: str


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]


@dataclass
class Box:
    """A framed area to write in, e.g. for an interpreter's note or the programme's logo."""

    id: str
    title: str
    lines: int = 4


@dataclass
class Document:
    id: str
    lang: str
    title: str
    subtitle: str
    blocks: list
    large_print: bool
    keywords: list[str]
    words: dict  # small interface words the writers need ("Yes", "No", "required"), in this language


def plain(markdown: str) -> list[Para]:
    """Markdown prose as plain paragraphs and bullets: links become 'text (address)', emphasis goes."""
    out = []
    for chunk in re.split(r"\n\s*\n", str(markdown).strip()):
        lines = [l.strip() for l in chunk.splitlines() if l.strip()]
        if lines and all(re.match(r"^([-*]|\d+\.)\s+", l) for l in lines[:1]):
            items, current = [], ""
            for line in lines:
                if re.match(r"^([-*]|\d+\.)\s+", line):
                    if current:
                        items.append(current)
                    current = re.sub(r"^([-*]|\d+\.)\s+", "", line)
                else:
                    current += " " + line
            items.append(current)
            out += [Para(_inline(i), bullet=True) for i in items]
        elif lines:
            out.append(Para(_inline(" ".join(lines))))
    return out


def _inline(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r"\1 (\2)", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links inside the site make no sense on paper
    text = re.sub(r"(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1", r"\2", text)
    return text


def tool_version(tool) -> str:
    """A short fingerprint of the tool's own text, so editing other content does not change the file."""
    data = json.dumps({k: v for k, v in tool.items() if not k.startswith("_")}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:8]


def tool_document(model: Model, tool_id: str, catalogue: Catalogue) -> Document:
    ui = catalogue.ui
    tool = model.tools[tool_id]
    version = tool_version(tool)
    mentee_facing = "mentee" in tool.audience
    blocks: list = [Box("programme", str(ui(N_("Your programme's name and logo"))), lines=2)]
    blocks += plain(tool.purpose)
    audience = ", ".join(str(ui(LABELS["audience"][a])) for a in tool.audience)
    blocks.append(Para(f"{ui(N_('For'))}: {audience}", small=True))
    for section in tool.sections:
        blocks.append(Heading(str(section.title), 1))
        if section.intro:
            blocks += plain(section.intro)
        for f in section.fields:
            blocks.append(Field(f"{section.id}__{f.id}", str(f.label), f.type, [str(o) for o in f.options],
                                str(f.help or ""), bool(f.required)))
        for index, item in enumerate(section["items"]):
            blocks.append(Check(f"{section.id}__item_{index + 1}", str(item)))
        if section.table:
            width = len(section.table.columns)
            blocks.append(Table([str(c) for c in section.table.columns],
                                [[str(c) for c in row] for row in section.table.rows]
                                + [[""] * width for _ in range(section.table.blank_rows)]))
    if mentee_facing:
        blocks.append(Box("interpreter_note", str(ui(N_("Interpreter's note (language used, anything to add)"))), 4))
    if tool.data_protection:
        dp = tool.data_protection
        blocks.append(Heading(str(ui(N_("Data protection"))), 1))
        for label, value in ((N_("Why we ask"), dp.purpose), (N_("Who sees it"), dp.who_sees),
                             (N_("How long we keep it"), dp.retention)):
            blocks.append(Para(f"{ui(label)}: {value}"))
        blocks.append(Check("data_protection__consent", str(dp.consent)))
        blocks.append(Field("data_protection__signature", str(ui(N_("Name, date and signature"))), "signature"))
    sources = "; ".join(f"{model.documents[r.split(' ')[0]].short} {r.split(' ', 1)[1]}" for r in tool.provenance)
    blocks.append(Para(f"{ui(N_('Source'))}: {sources}. {ui(N_('Licence: CC BY 4.0. You may adapt this template for your programme.'))} "
                       f"({ui(N_('Content version'))} {version})", small=True))
    return Document(tool.id, catalogue.lang, str(tool.title), str(ui(LABELS["tool_kind"][tool.kind])), blocks,
                    mentee_facing, [str(ui(N_("mentoring"))), str(ui(LABELS["tool_kind"][tool.kind]))],
                    {"yes": str(ui(N_("Yes"))), "no": str(ui(N_("No"))), "required": str(ui(N_("required")))})
