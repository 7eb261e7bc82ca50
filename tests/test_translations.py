"""Translations keep what must not change, follow the term base, and say how complete they are."""
from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from conftest import REPO
from mentorkb.i18n import Catalogue, Message, all_messages, catalogue_path
from mentorkb.i18n_lint import problems
from mentorkb.loader import load
from mentorkb.siteconfig import languages
from mentorkb.termbase import Term, load_terms, strays
from mentorkb.textfmt import human_size, local_date
from mentorkb.translation_status import language_status, newcomer_languages

OTHERS = [l.code for l in languages(REPO) if not l.default]
NEWCOMER = [l.code for l in newcomer_languages(REPO)]


def test_lint_names_each_thing_a_translation_lost():
    english = "See [the matching page](../stages/matching.md) and REC-MATCH-03: {count} duos.\n\n| a | b |\n| --- | --- |"
    assert problems(english, "Zie [de pagina](../stages/matching.md) en REC-MATCH-03: {count} duo's.\n\n| a | b |\n| --- | --- |") == []
    found = problems(english, "Zie [de pagina](matching.md) en REC-MATCH-3: {aantal} duo's.\n\n| a b |\n| --- |")
    assert found == [
        "placeholders: missing {count}; unexpected {aantal}",
        "link targets: missing ../stages/matching.md; unexpected matching.md",
        "ids: missing REC-MATCH-03",
        "table: rows and columns must match the English (2 rows with [3, 3]… bars)",
    ]
    assert problems("- one\n- two", "- een") == ["list items: the English has 2, the translation 1"]
    assert problems("Save", " ") == ["the translation is empty"]


@pytest.mark.parametrize("lang", OTHERS + NEWCOMER)
def test_no_translation_loses_a_placeholder_link_or_id(lang):
    catalogue = polib.pofile(str(catalogue_path(REPO, lang)))
    broken = [(e.msgctxt, p) for e in catalogue if e.msgstr and not e.obsolete for p in problems(e.msgid, e.msgstr)]
    assert broken == []


@pytest.mark.parametrize("lang", OTHERS)
def test_the_interface_is_fully_translated(lang):
    """Menus, buttons, labels and messages (the `ui` strings) are complete in every site language."""
    model = load(REPO)
    catalogue = Catalogue(lang, catalogue_path(REPO, lang))
    missing = [m.msgid for m in all_messages(REPO, model) if m.context == "ui"
               and (m.context, m.msgid) not in catalogue.entries]
    assert missing == []


def test_term_base_covers_every_site_language():
    terms = load_terms(REPO)
    assert len(terms) >= 20
    for term in terms:
        assert set(term.forms) >= set(OTHERS), term.en


def test_term_base_flags_a_translation_that_strays():
    terms = [Term("referrer", {"nl": ("doorverwijzer", "doorverwijzers")})]
    assert strays(terms, "nl", "Ask the referrer.", "Vraag het aan de doorverwijzer.") == []
    assert strays(terms, "nl", "Ask the referrers.", "Vraag het aan de verwijzende dienst.") == ["referrer"]
    assert strays(terms, "fr", "Ask the referrer.", "Demandez.") == []  # no forms for French: nothing to check


def test_coverage_counts_only_confirmed_translations(tmp_path):
    path = tmp_path / "xx.po"
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="ui", msgid="Save", msgstr="Bewaar"))
    po.append(polib.POEntry(msgctxt="ui", msgid="Print", msgstr="Druk af", flags=["fuzzy"]))
    po.append(polib.POEntry(msgctxt="stage:x.title", msgid="Matching", msgstr=""))
    po.save(str(path))
    messages = [Message("ui", "Save"), Message("ui", "Print"), Message("stage:x.title", "Matching")]
    status = language_status(tmp_path, Catalogue("xx", path), messages)
    assert status.by_kind == {"ui": (1, 2), "stage": (0, 1)}
    assert (status.translated, status.total, status.percent, status.status) == (1, 3, 33, "draft")


def test_sizes_and_dates_follow_the_locale():
    assert human_size(1_263_616, "fr") == "1\u202f234\u202fko"
    assert human_size(1_263_616, "de") == "1.234 kB"
    assert human_size(512, "en") == "512 byte"
    assert local_date("2026-11-23", "en") == "23 November 2026"
    assert local_date("2026-11-23", "el") == "23 Νοεμβρίου 2026"
    assert local_date("2026-11-23", "de") == "23. November 2026"


def test_languages_page_and_about_page_show_status_and_coverage(built_site):
    for lang in OTHERS:
        page = (built_site / lang / "languages" / "index.html").read_text(encoding="utf-8")
        for other in ["English", "Nederlands", "Français", "Deutsch", "Español", "Ελληνικά"]:
            assert other in page
        about = (built_site / lang / "about" / "index.html").read_text(encoding="utf-8")
        assert 'href="../languages/"' in about


def test_newcomer_pages_are_marked_with_their_language_and_direction(built_site):
    def marked(html: str, tag: str) -> dict:
        """The lang and dir attributes of the first such element, whatever their order."""
        start = html.index(tag)
        attrs = html[start:html.index(">", start)]
        return dict(re.findall(r'\b(lang|dir)="([^"]+)"', attrs))

    arabic = (built_site / "newcomers" / "ar" / "index.html").read_text(encoding="utf-8")
    assert marked(arabic, '<div class="kb-newcomer"') == {"lang": "ar", "dir": "rtl"}
    assert marked(arabic, "<h1") == {"lang": "ar", "dir": "rtl"}
    assert sum(1 for ch in arabic if "\u0600" <= ch <= "\u06ff") > 500
    ukrainian = (built_site / "fr" / "newcomers" / "uk" / "index.html").read_text(encoding="utf-8")
    assert marked(ukrainian, '<div class="kb-newcomer"') == {"lang": "uk", "dir": "ltr"}
    assert sum(1 for ch in ukrainian if "\u0400" <= ch <= "\u04ff") > 500
    # Every site language links to them from its tools page.
    for lang in ["", *[f"{l}/" for l in OTHERS]]:
        tools = (built_site / lang / "tools" / "index.html").read_text(encoding="utf-8")
        assert 'href="../newcomers/ar/"' in tools and 'href="../newcomers/uk/"' in tools


def test_coverage_never_falls_below_the_recorded_floor():
    """Coverage per language, as `make translations` reports it, is held at its recorded floor
    (`coverage_floor` in locales/languages.yml, a whole percentage). Translations in progress raise the
    floor as they land; a change that leaves strings untranslated, or loses translations, fails here."""
    from mentorkb.translation_status import review_status
    from mentorkb.newcomer import newcomer_messages
    from mentorkb.translation_status import newcomer_languages, newcomer_material

    model = load(REPO)
    messages = all_messages(REPO, model)
    settings = review_status(REPO)
    report = {}
    for lang in OTHERS:
        report[lang] = language_status(REPO, Catalogue(lang, catalogue_path(REPO, lang)), messages).percent
    for language in newcomer_languages(REPO):
        subset = newcomer_messages(model, messages, language.code, newcomer_material(REPO))
        catalogue = Catalogue(language.code, catalogue_path(REPO, language.code))
        report[language.code] = language_status(REPO, catalogue, subset).percent
    below = {lang: (percent, settings[lang].get("coverage_floor", 100)) for lang, percent in report.items()
             if percent < settings[lang].get("coverage_floor", 100)}
    assert below == {}, f"coverage (now, floor): {below}"


def test_raising_floors_keeps_comments_and_never_lowers(tmp_path):
    from mentorkb.translations import raise_coverage_floors

    (tmp_path / "locales").mkdir()
    path = tmp_path / "locales" / "languages.yml"
    path.write_text("# status of each language\nlanguages:\n  nl: {status: draft, coverage_floor: 40}\n"
                    "  fr: {status: draft}\n  de: {status: reviewed, coverage_floor: 90}\n", encoding="utf-8")
    assert raise_coverage_floors(tmp_path, {"nl": 55, "fr": 12, "de": 80}) == {"nl": 55, "fr": 12}
    assert path.read_text(encoding="utf-8") == (
        "# status of each language\nlanguages:\n  nl: {status: draft, coverage_floor: 55}\n"
        "  fr: {status: draft, coverage_floor: 12}\n  de: {status: reviewed, coverage_floor: 90}\n")


def test_a_filled_in_english_fallback_stays_marked_as_english():
    """Sentences with a blank ("{percent} of the text is translated.") are filled in after translation:
    if the translation is missing, the English that stands in for it must still say it is English."""
    from mentorkb.i18n import tstr
    from mentorkb.textfmt import inline

    missing = tstr("{percent} of the text is translated.", True, "nl").format(percent="80%")
    assert str(inline(missing)) == '<span lang="en">80% of the text is translated.</span>'
    found = tstr("{percent} van de tekst is vertaald.", False, "nl").format(percent="80%")
    assert (str(inline(found)), found.lang) == ("80% van de tekst is vertaald.", "nl")
