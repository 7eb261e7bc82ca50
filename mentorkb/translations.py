"""`make translations`: bring every PO catalogue up to date with the English and report coverage.

Existing translations are kept; a translation whose English changed is marked fuzzy (and not shown until
a translator confirms it); strings no longer used are kept as obsolete entries. It also lists
translations that lost a placeholder, link or id (an error: the command fails) and counts translations
that do not use the term base's words (a hint for reviewers).
"""
from __future__ import annotations

import re
from pathlib import Path

import polib

from .i18n import Catalogue, all_messages, catalogue_path, update_catalogue
from .newcomer import newcomer_messages
from .translation_status import language_status, newcomer_languages, newcomer_material
from .i18n_lint import problems
from .loader import load
from .siteconfig import languages
from .termbase import load_terms, stray_report


def main(root: Path, raise_floors: bool = False) -> int:
    model = load(root)
    messages = all_messages(root, model)
    ui = sum(1 for m in messages if m.context == "ui")
    print(f"{len(messages)} English strings ({ui} in the interface).")
    terms = load_terms(root)
    broken = 0
    for lang in languages(root):
        if lang.default:
            continue
        stats = update_catalogue(catalogue_path(root, lang.code), lang.code, messages)
        total = stats["translated"] + stats["fuzzy"] + stats["untranslated"]
        share = 100 * stats["translated"] / total if total else 100
        print(f"{lang.code}: {share:.0f}% translated ({stats['translated']} of {total}; "
              f"{stats['fuzzy']} to review, {stats['untranslated']} new, {stats['obsolete']} obsolete)")
    coverage_now = {}
    for lang in languages(root):
        if not lang.default:
            catalogue = Catalogue(lang.code, catalogue_path(root, lang.code))
            coverage_now[lang.code] = language_status(root, catalogue, messages).percent
    for language in newcomer_languages(root):
        subset = newcomer_messages(model, messages, language.code, newcomer_material(root))
        stats = update_catalogue(catalogue_path(root, language.code), language.code, subset)
        total = stats["translated"] + stats["fuzzy"] + stats["untranslated"]
        share = 100 * stats["translated"] / total if total else 100
        print(f"{language.code} (material for newcomers only): {share:.0f}% translated "
              f"({stats['translated']} of {total}; {stats['fuzzy']} to review, {stats['untranslated']} new)")
        catalogue = Catalogue(language.code, catalogue_path(root, language.code))
        coverage_now[language.code] = language_status(root, catalogue, subset).percent
    # Every catalogue, the newcomer languages' too, is checked for what a translation must keep.
    for code in coverage_now:
        path = catalogue_path(root, code)
        catalogue = polib.pofile(str(path))
        pairs = [(e.msgid, e.msgstr) for e in catalogue if e.msgstr and not e.fuzzy and not e.obsolete]
        counts = stray_report(terms, code, pairs)
        if counts:
            listed = ", ".join(f"{term} ({n})" for term, n in counts.most_common(5))
            print(f"    {code} term base: {sum(counts.values())} translations use none of the agreed words "
                  f"for: {listed}")
        for entry in catalogue:
            if entry.msgstr and not entry.obsolete:
                for problem in problems(entry.msgid, entry.msgstr):
                    broken += 1
                    print(f"    {path.name}: {entry.msgctxt}: {problem}")
    if raise_floors:
        for lang, floor in raise_coverage_floors(root, coverage_now).items():
            print(f"{lang}: coverage floor raised to {floor}%")
    return 1 if broken else 0


def raise_coverage_floors(root: Path, coverage_now: dict[str, int]) -> dict[str, int]:
    """Set `coverage_floor` in locales/languages.yml to today's coverage where that is higher.

    The file is edited line by line, so that its comments stay; a language's line looks like
    `  nl: {status: draft, coverage_floor: 42}`.
    """
    path = root / "locales" / "languages.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    raised = {}
    for index, line in enumerate(lines):
        match = re.match(r"^  ([a-z]{2,3}): \{(.*)\}\s*$", line)
        if not match or match.group(1) not in coverage_now:
            continue
        lang, inner = match.groups()
        floor = re.search(r"coverage_floor: (\d+)", inner)
        now = coverage_now[lang]
        if floor and int(floor.group(1)) >= now:
            continue
        if floor:
            inner = inner.replace(floor.group(0), f"coverage_floor: {now}")
        else:
            inner = f"{inner}, coverage_floor: {now}"
        lines[index] = f"  {lang}: {{{inner}}}\n"
        raised[lang] = now
    path.write_text("".join(lines), encoding="utf-8")
    return raised
