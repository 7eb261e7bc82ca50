"""Typical readers' questions find the page that answers them, in the site's own search (Chromium).

Queries are written as readers type them into a search box. Material's search gives a trailing
wildcard to every query word, so very short words ("a", "to") match many pages and dilute questions
written out in full; those are left out here, as readers mostly do.
"""
from __future__ import annotations

import pytest

from test_browser import browser, server  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser

QUESTIONS = [
    ("how long should mentoring last", "stages/relationship/"),
    ("how often should a duo meet", "stages/relationship/"),
    ("walking intake", "stages/screening/"),
    ("info session for candidate mentors", "stages/screening/"),
    ("reject candidate", "stages/screening/"),
    ("recruiting volunteers", "stages/recruitment/"),
    ("referral partners social workers", "stages/recruitment/"),
    ("matching by age", "stages/matching/"),
    ("rematch", "stages/matching/"),
    ("speed dating", "stages/matching/"),
    ("first meeting", "stages/relationship/"),
    ("what duos do together", "stages/relationship/"),
    ("closing the relationship", "stages/closure/"),
    ("early ending", "stages/closure/"),
    ("coordinator skills", "stages/follow-up/"),
    ("monthly follow-up", "stages/follow-up/"),
    ("mentor training topics", "stages/training/"),
    ("peer learning intervision", "stages/training/"),
    ("group activities", "stages/training/"),
    ("minimal quality criteria", "criteria/"),
    ("Leuven buddy", "cases/leuven-buddywerking/"),
    ("Duo for a Job", "cases/duo-for-a-job/"),
    ("Barcelona", "cases/"),
]


def first_pages(page, query, count=3):
    page.keyboard.press("/")
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(150)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    pages = []
    for href in hrefs:
        path = href.split("#")[0].split("?")[0]
        if path not in pages:
            pages.append(path)
    return pages[:count]


def test_typical_questions_find_their_page(server, browser):  # noqa: F811
    page = browser.new_page()
    misses = []
    for query, expected in QUESTIONS:
        page.goto(server + "about/")
        found = first_pages(page, query)
        if not any(p.startswith(server + expected) for p in found):
            misses.append(f"{query!r}: expected {expected}, got {[p.removeprefix(server) for p in found]}")
    page.close()
    assert not misses, "\n".join(misses)


# A question in each language, using the term base's words, and the page that answers it.
LOCAL_QUESTIONS = {
    "nl": ("doorverwijzers", "stages/recruitment/"),
    "fr": ("prescripteurs", "stages/recruitment/"),
    "de": ("zuweisende Stellen", "stages/recruitment/"),
    "es": ("entidades derivantes", "stages/recruitment/"),
    "el": ("φορείς παραπομπής", "stages/recruitment/"),
}


@pytest.mark.parametrize("lang", sorted(LOCAL_QUESTIONS))
def test_each_language_searches_its_own_pages(server, browser, lang):  # noqa: F811
    query, expected = LOCAL_QUESTIONS[lang]
    page = browser.new_page()
    page.goto(server + f"{lang}/about/")
    found = first_pages(page, query, count=10)
    page.close()
    # Only this language's pages come back, and the guideline page on the topic is among them.
    assert found and all(p.startswith(server + f"{lang}/") for p in found), found
    assert any(p.startswith(server + f"{lang}/{expected}") for p in found), found
