"""`make translations`: bring every PO catalogue up to date with the English and report coverage.

Existing translations are kept; a translation whose English changed is marked fuzzy (and not shown until
a translator confirms it); strings no longer used are kept as obsolete entries.
"""
from __future__ import annotations

from pathlib import Path

from .i18n import all_messages, catalogue_path, update_catalogue
from .loader import load
from .siteconfig import languages


def main(root: Path) -> int:
    model = load(root)
    messages = all_messages(root, model)
    ui = sum(1 for m in messages if m.context == "ui")
    print(f"{len(messages)} English strings ({ui} in the interface).")
    for lang in languages(root):
        if lang.default:
            continue
        stats = update_catalogue(catalogue_path(root, lang.code), lang.code, messages)
        total = stats["translated"] + stats["fuzzy"] + stats["untranslated"]
        share = 100 * stats["translated"] / total if total else 100
        print(f"{lang.code}: {share:.0f}% translated ({stats['translated']} of {total}; "
              f"{stats['fuzzy']} to review, {stats['untranslated']} new, {stats['obsolete']} obsolete)")
    return 0
