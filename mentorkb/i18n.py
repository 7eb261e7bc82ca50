"""Translations as gettext PO catalogues, one per language (`locales/<lang>.po`), as Poedit and Weblate use.

English is the source. Every translatable string gets a message context naming where it lives
(`stage:matching:recommendations[REC-MATCH-03].text`), so that when the English changes, the update
command can keep the old translation but mark it fuzzy for review. Fuzzy and missing translations are
never shown: the English text is used instead and the page says so.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .model import Model, Record
from .schema import KINDS, ListOf, Obj, Text

SOURCE_LANG = "en"
# Languages written from right to left: their pages, PDFs, DOCX and ODT files are laid out that way.
RTL_LANGS = frozenset({"ar", "fa", "he", "ps", "ur", "ckb"})


def direction(lang: str) -> str:
    return "rtl" if lang.split("_")[0].split("-")[0] in RTL_LANGS else "ltr"

UI_CONTEXT = "ui"
_UI_PATTERN = re.compile(r"""\bN?_\(\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*\)""")


class TStr(str):
    """A string shown to readers, remembering whether it fell back to English."""

    fallback = False
    lang = SOURCE_LANG

    def format(self, *args, **kwargs) -> "TStr":
        """Filled in, it is still the same language: an English fallback stays marked as English."""
        return tstr(str.format(self, *args, **kwargs), self.fallback, self.lang)


def tstr(text: str, fallback: bool, lang: str) -> TStr:
    out = TStr(text)
    out.fallback = fallback
    out.lang = SOURCE_LANG if fallback else lang
    return out


@dataclass
class Message:
    context: str
    msgid: str
    where: str = ""


class Catalogue:
    """The translations of one language. English has an empty catalogue and never falls back."""

    def __init__(self, lang: str, path: Path | None):
        self.lang = lang
        self.entries: dict[tuple[str, str], str] = {}
        if path is not None and path.is_file():
            for entry in polib.pofile(str(path)):
                if entry.obsolete or entry.fuzzy or not entry.msgstr:
                    continue
                self.entries[(entry.msgctxt or "", entry.msgid)] = entry.msgstr

    def get(self, context: str, msgid: str) -> TStr:
        if self.lang == SOURCE_LANG:
            return tstr(msgid, False, self.lang)
        found = self.entries.get((context, msgid))
        if found is None:
            return tstr(msgid, True, self.lang)
        return tstr(found, False, self.lang)

    def ui(self, msgid: str) -> TStr:
        return self.get(UI_CONTEXT, msgid)


class RecordingCatalogue(Catalogue):
    """A catalogue that notes every interface string asked of it, to learn which ones a renderer needs."""

    def __init__(self, lang: str):
        super().__init__(lang, None)
        self.asked: set[str] = set()

    def ui(self, msgid: str) -> TStr:
        self.asked.add(msgid)
        return super().ui(msgid)


def catalogue_path(root: Path, lang: str) -> Path:
    return root / "locales" / f"{lang}.po"


def load_catalogue(root: Path, lang: str) -> Catalogue:
    """The language's catalogue; parsed again only when its file changed (a preview rebuilds often)."""
    path = None if lang == SOURCE_LANG else catalogue_path(root, lang)
    if path is None or not path.is_file():
        return Catalogue(lang, path)
    stat = path.stat()
    key = (str(path.resolve()), lang)
    stamp = (stat.st_mtime_ns, stat.st_size)
    if _parsed.get(key, (None,))[0] != stamp:
        _parsed[key] = (stamp, Catalogue(lang, path))
    return _parsed[key][1]


_parsed: dict[tuple[str, str], tuple[tuple[int, int], Catalogue]] = {}


# ---------------------------------------------------------------------------------------------------
# Walking the model: every translatable string with its context.

def _walk(schema, value, context: str, visit):
    """Call visit(context, text) for each translatable string; return the value with replacements."""
    if value is None:
        return None
    if isinstance(schema, Obj):
        out = Record(value)
        for spec in schema.fields:
            if spec.name in value:
                out[spec.name] = _walk(spec.type, value[spec.name], f"{context}.{spec.name}", visit)
        return out
    if isinstance(schema, ListOf):
        result = []
        for index, item in enumerate(value):
            key = item.get("id") if isinstance(item, dict) and item.get("id") else index
            result.append(_walk(schema.item, item, f"{context}[{key}]", visit))
        return result
    if isinstance(schema, Text) and schema.translatable and isinstance(value, str):
        return visit(context, value)
    return value


def model_messages(model: Model) -> list[Message]:
    messages = []
    for kind, item in _items(model):
        def visit(context, text, _file=item.get("_file", "")):
            messages.append(Message(context, text, _file))
            return text
        _walk(kind.schema, item, f"{kind.name}:{item['id']}", visit)
    return messages


def translate_model(model: Model, catalogue: Catalogue) -> Model:
    """A copy of the model whose strings are TStr in the catalogue's language (or English fallbacks)."""
    if catalogue.lang == SOURCE_LANG:
        visit = (lambda context, text: tstr(text, False, SOURCE_LANG))
    else:
        visit = catalogue.get
    parts = {}
    for kind in KINDS:
        items = getattr(model, kind.plural)
        parts[kind.plural] = {i: _walk(kind.schema, v, f"{kind.name}:{i}", visit) for i, v in items.items()}
    out = Model(**parts)
    out.version = model.version
    return out


def _items(model: Model):
    for kind in KINDS:
        for item in getattr(model, kind.plural).values():
            yield kind, item


# ---------------------------------------------------------------------------------------------------
# Hand-written pages are translated block by block (paragraph, list, heading), like po4a does.

def page_blocks(markdown: str) -> list[str]:
    """Split Markdown into blocks separated by blank lines, keeping fenced code and indented
    continuation (admonition bodies, nested lists) with the block they belong to."""
    blocks: list[list[str]] = []
    current: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append(current)
                current = []
            continue
        if current == [] and blocks and (line.startswith("    ") or line.startswith("\t")):
            current = blocks.pop() + [""]  # indented text continues the previous block
        current.append(line)
    if current:
        blocks.append(current)
    return ["\n".join(b) for b in blocks]


def split_front_matter(text: str) -> tuple[str, str]:
    """Page settings between '---' lines at the top (e.g. search exclusion) are kept, not translated."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[: end + 5], text[end + 5:]
    return "", text


def page_context(relpath: str, index: int) -> str:
    return f"page:{relpath}#{index}"


# Pages for content authors are written and kept in English only; other languages show the English page.
ENGLISH_ONLY = "authoring/"


def hand_pages(root: Path) -> list[Path]:
    folder = root / "docs" / "pages"
    return sorted(folder.rglob("*.md")) if folder.is_dir() else []


def page_messages(root: Path) -> list[Message]:
    messages = []
    for path in hand_pages(root):
        rel = path.relative_to(root / "docs" / "pages").as_posix()
        if rel.startswith(ENGLISH_ONLY):
            continue
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        for index, block in enumerate(page_blocks(body)):
            messages.append(Message(page_context(rel, index), block, f"docs/pages/{rel}"))
    return messages


def ui_messages(root: Path) -> list[Message]:
    """Every `_("...")` and `N_("...")` in the code and templates."""
    found: dict[str, str] = {}
    package = root / "mentorkb"
    for path in sorted(list(package.rglob("*.py")) + list(package.rglob("*.j2"))):
        text = path.read_text(encoding="utf-8")
        for match in _UI_PATTERN.finditer(text):
            msgid = ast.literal_eval(match.group(1))
            found.setdefault(msgid, path.relative_to(root).as_posix())
    return [Message(UI_CONTEXT, msgid, where) for msgid, where in found.items()]


def all_messages(root: Path, model: Model) -> list[Message]:
    seen = set()
    out = []
    for message in ui_messages(root) + page_messages(root) + model_messages(model):
        key = (message.context, message.msgid)
        if key not in seen:
            seen.add(key)
            out.append(message)
    return out


def update_catalogue(path: Path, lang: str, messages: list[Message]) -> dict[str, int]:
    """Merge the current English strings into a catalogue, as msgmerge would.

    Kept: translations whose context and English are unchanged, and translations of identical English
    moved elsewhere. Fuzzy: translations whose English changed (the old English is kept as
    `#| msgid` so translators see the difference). New strings are added empty; strings no longer
    used become obsolete (`#~`), never silently deleted.
    """
    old = polib.pofile(str(path)) if path.is_file() else polib.POFile()
    by_key = {(e.msgctxt or "", e.msgid): e for e in old if not e.obsolete}
    by_context = {}
    by_msgid = {}
    for entry in old:
        if entry.obsolete or not entry.msgstr:
            continue
        if (entry.msgctxt or "") != UI_CONTEXT:  # UI strings share one context; match them by text only
            by_context.setdefault(entry.msgctxt or "", entry)
        if not entry.fuzzy:
            by_msgid.setdefault(entry.msgid, entry)
    new = polib.POFile(wrapwidth=0)
    new.metadata = {
        "Project-Id-Version": "mentoring-kb",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    stats = {"translated": 0, "fuzzy": 0, "untranslated": 0, "obsolete": 0}
    used = set()
    for message in messages:
        key = (message.context, message.msgid)
        entry = polib.POEntry(msgctxt=message.context, msgid=message.msgid, msgstr="",
                              occurrences=[(message.where, "")] if message.where else [])
        previous = by_key.get(key)
        if previous is not None and previous.msgstr:
            entry.msgstr = previous.msgstr
            if previous.fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgid = previous.previous_msgid
        elif message.msgid in by_msgid:
            entry.msgstr = by_msgid[message.msgid].msgstr
        elif message.context in by_context and by_context[message.context].msgid != message.msgid:
            changed = by_context[message.context]
            used.add((changed.msgctxt or "", changed.msgid))  # carried over, so not obsolete
            entry.msgstr = changed.msgstr
            entry.flags.append("fuzzy")
            entry.previous_msgid = changed.msgid
        used.add(key)
        if not entry.msgstr:
            stats["untranslated"] += 1
        elif "fuzzy" in entry.flags:
            stats["fuzzy"] += 1
        else:
            stats["translated"] += 1
        new.append(entry)
    for entry in old:
        key = (entry.msgctxt or "", entry.msgid)
        if key not in used and entry.msgstr:
            entry.obsolete = True
            new.append(entry)
            stats["obsolete"] += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    new.save(str(path))
    return stats


def coverage(path: Path, messages: list[Message]) -> dict[str, int]:
    catalogue = Catalogue("xx", path)
    done = sum(1 for m in messages if (m.context, m.msgid) in catalogue.entries)
    return {"total": len(messages), "translated": done}
