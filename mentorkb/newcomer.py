"""What a newcomer language (one that has only the material for mentees) needs to be translated.

That set is found by rendering the material with a catalogue that notes every string it is asked
for, so it follows the templates without a hand-kept list. Rendering the four tools again costs a
second or so; the answer depends only on the English strings and the tools, so it is kept for as
long as those stay the same (a preview's rebuilds reuse it).
"""
from __future__ import annotations

import hashlib

from .documents.blocks import tool_document
from .exports import FORMAT_LABELS
from .i18n import Message, RecordingCatalogue, translate_model
from .model import Model
from .render import NEWCOMER_WORDS

_known: dict[str, list[Message]] = {}


def newcomer_messages(model: Model, messages: list[Message], lang: str, tool_ids: list[str]) -> list[Message]:
    """The strings a newcomer language needs: its tools' text and the interface words their files and
    page use."""
    key = hashlib.sha256(repr((lang, tool_ids, messages)).encode()).hexdigest()
    if key not in _known:
        recorder = RecordingCatalogue(lang)
        translated = translate_model(model, recorder)
        for tool_id in tool_ids:
            tool_document(translated, tool_id, recorder)
        for msgid in [*NEWCOMER_WORDS.values(), *FORMAT_LABELS.values()]:
            recorder.ui(msgid)
        prefixes = tuple(f"tool:{t}." for t in tool_ids)
        _known[key] = [m for m in messages if (m.context == "ui" and m.msgid in recorder.asked)
                       or m.context.startswith(prefixes)]
    return _known[key]


__all__ = ["newcomer_messages"]
