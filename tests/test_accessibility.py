"""WCAG 2.1 A and AA: axe-core (npm, injected into Debian's Chromium) finds no violation on any kind of page."""
from __future__ import annotations

import pytest

from conftest import REPO
from mentorkb.siteconfig import languages
from test_browser import browser, server  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.browser
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
KINDS = ["", "stages/", "stages/matching/", "criteria/", "cases/", "cases/leuven-buddywerking/",
         "cases/themes/", "tools/", "tools/matching-worksheet/", "downloads/", "glossary/", "sources/",
         "background/mentoring-models/", "about/", "checker/", "languages/", "newcomers/ar/",
         "newcomers/uk/"]
LANGS = [""] + [f"{l.code}/" for l in languages(REPO) if not l.default]


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    # resultTypes: axe still runs every rule, but details only what fails (documented; quicker).
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


@pytest.mark.parametrize("lang", LANGS)
def test_every_kind_of_page_has_no_wcag_violation(server, browser, lang):  # noqa: F811
    assert AXE.is_file(), "axe-core is missing: run make install"
    found = {}
    for scheme in ("default", "slate"):
        context = browser.new_context(color_scheme="dark" if scheme == "slate" else "light")
        page = context.new_page()
        for path in KINDS:
            page.goto(server + lang + path)
            problems = violations(page)
            if problems:
                found[f"{scheme} {lang}{path}"] = problems
        context.close()
    assert not found, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_checker_with_results_and_plan_has_no_wcag_violation(server, browser):  # noqa: F811
    """The checker once answered: results, chart, plan and a reason field shown are checked too."""
    page = browser.new_page()
    page.goto(server + "checker/")
    ids = page.eval_on_selector_all("fieldset.kb-check", "sets => sets.map(s => s.dataset.id)")
    for index, cid in enumerate(ids):
        page.check(f"input[name='answer-{cid}'][value='{['met', 'partly', 'not-yet', 'na'][index % 4]}']")
    page.locator("details.kb-check-more").first.evaluate("d => d.open = true")
    assert violations(page) == []
    page.close()


def test_search_open_has_no_wcag_violation(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "stages/matching/")
    page.keyboard.press("/")
    page.keyboard.type("matching")
    page.wait_for_selector(".md-search-result__item")
    assert violations(page) == []
    page.close()
