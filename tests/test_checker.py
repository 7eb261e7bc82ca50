"""The criteria checker: shared scoring vectors (Python and the browser), the command line, and the page
in Debian's Chromium (answers kept, export and import, bad files, team and progress, print, Dutch)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from mentorkb.checker.scoring import (ImportProblem, compare_progress, compare_team, criteria_table,
                                      read_assessment, score)
from mentorkb.loader import load

VECTORS = json.loads((REPO / "tests" / "vectors" / "checker" / "vectors.json").read_text(encoding="utf-8"))
CRITERIA = VECTORS["criteria"]


def _full(assessment: dict) -> dict:
    """A vector's short assessment with the fields every real file has."""
    return {"respondent": {"name": "", "role": ""}, "priorities": [], **assessment}


@pytest.mark.parametrize("vector", VECTORS["score"], ids=lambda v: v["name"])
def test_score_vectors_python(vector):
    assert score(_full(vector["assessment"]), CRITERIA) == vector["expected"]


@pytest.mark.parametrize("vector", VECTORS["read"], ids=lambda v: v["name"])
def test_read_vectors_python(vector):
    assessment, notes = read_assessment(vector["text"], CRITERIA)
    assert {"assessment": assessment, "notes": notes} == vector["expected"]


@pytest.mark.parametrize("vector", VECTORS["read_errors"], ids=lambda v: v["text"][:30])
def test_read_error_vectors_python(vector):
    with pytest.raises(ImportProblem) as caught:
        read_assessment(vector["text"], CRITERIA)
    assert caught.value.info == {k: v for k, v in vector.items() if k != "text"}


def test_too_large_file_is_refused():
    with pytest.raises(ImportProblem) as caught:
        read_assessment(" " * 1_000_001, CRITERIA)
    assert caught.value.info["key"] == "tooLarge"


def test_team_and_progress_vectors_python():
    for vector in VECTORS["team"]:
        assert compare_team([_full(a) for a in vector["assessments"]], CRITERIA) == vector["expected"]
    for vector in VECTORS["progress"]:
        assert compare_progress(_full(vector["earlier"]), _full(vector["current"]), CRITERIA) == vector["expected"]


def _assessment_file(tmp_path: Path, name: str, answers: dict, **extra) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"format": "mentorkb-assessment", "version": 1, "answers": answers, **extra}))
    return path


def test_command_line_report_and_sector_overview(tmp_path):
    model = load(REPO)
    table = criteria_table(model)
    minimal = [c["id"] for c in table if c["level"] == "minimal"]
    now = _assessment_file(tmp_path, "now.json", {minimal[0]: {"answer": "met"}, minimal[1]: {"answer": "not-yet"},
                                                  minimal[2]: {"answer": "na", "reason": "We have no referrers"}},
                           programme="Samen", priorities=[minimal[1]])
    before = _assessment_file(tmp_path, "before.json", {minimal[0]: {"answer": "partly"}})
    run = subprocess.run([sys.executable, "-m", "mentorkb", "assess", str(now), "--earlier", str(before)],
                         cwd=REPO, capture_output=True, text=True, check=True)
    report = run.stdout
    assert "# Self-assessment: Samen" in report
    assert "Minimal criteria met: 1 of 20." in report
    plan = report.split("## Action plan")[1].split("##")[0]
    assert minimal[1] in plan and minimal[0] not in plan and "key priority" in plan
    assert "We have no referrers" in report
    assert f"Improved (1): {minimal[0]}" in report
    html = subprocess.run([sys.executable, "-m", "mentorkb", "assess", str(now), "--format", "html"],
                          cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html
    (tmp_path / "broken.json").write_text("{")
    sector = subprocess.run([sys.executable, "-m", "mentorkb", "sector", str(tmp_path)],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "2 self-assessments" in sector and "broken.json: The file is not a JSON file." in sector
    first_row = sector.split("|---|---|---|---|---|\n")[1].splitlines()[0]
    assert first_row.startswith(f"| {minimal[0]} ") or first_row.startswith(f"| {minimal[1]} ")
    bad = subprocess.run([sys.executable, "-m", "mentorkb", "assess", str(tmp_path / "broken.json")],
                         cwd=REPO, capture_output=True, text=True)
    assert bad.returncode == 1 and "not a JSON file" in bad.stderr


# -- the page, in Debian's Chromium ------------------------------------------------------------------

from test_browser import browser, server  # noqa: E402,F401 - shared fixtures

ANSWER_CYCLE = ["met", "partly", "not-yet", "na"]


def _ids(page) -> list[str]:
    return page.eval_on_selector_all("fieldset.kb-check", "sets => sets.map(s => s.dataset.id)")


def _answer_all(page) -> dict:
    chosen = {}
    for index, cid in enumerate(_ids(page)):
        answer = ANSWER_CYCLE[index % 4]
        page.check(f"input[name='answer-{cid}'][value='{answer}']")
        if answer == "na":
            page.fill(f"#reason-{cid}", f"reason {cid}")
        chosen[cid] = answer
    return chosen


def _checked(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('fieldset.kb-check'))
        .map(s => [s.dataset.id, (s.querySelector('input[type=radio]:checked') || {}).value || null]))""")


def _stored(page) -> dict | None:
    text = page.evaluate("k => localStorage.getItem(k)", "mentorkb-checker-v1")
    return None if text is None else json.loads(text)


@pytest.mark.browser
def test_browser_scoring_matches_the_vectors(server, browser):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "checker/")
    for vector in VECTORS["score"]:
        got = page.evaluate("([a, c]) => window.mentorkbChecker.score(a, c)", [_full(vector["assessment"]), CRITERIA])
        assert got == vector["expected"], vector["name"]
    for vector in VECTORS["read"]:
        got = page.evaluate("([t, c]) => window.mentorkbChecker.readAssessment(t, c)", [vector["text"], CRITERIA])
        assert got == vector["expected"], vector["name"]
    for vector in VECTORS["read_errors"]:
        got = page.evaluate("""([t, c]) => { try { window.mentorkbChecker.readAssessment(t, c); return null; }
                               catch (e) { return e.message; } }""", [vector["text"], CRITERIA])
        assert got == {k: v for k, v in vector.items() if k != "text"}
    for vector in VECTORS["team"]:
        got = page.evaluate("([a, c]) => window.mentorkbChecker.compareTeam(a, c)",
                            [[_full(a) for a in vector["assessments"]], CRITERIA])
        assert got == vector["expected"]
    for vector in VECTORS["progress"]:
        got = page.evaluate("([e, n, c]) => window.mentorkbChecker.compareProgress(e, n, c)",
                            [_full(vector["earlier"]), _full(vector["current"]), CRITERIA])
        assert got == vector["expected"]
    page.close()


@pytest.mark.browser
def test_answers_survive_reload_and_language_switch_and_plan_lists_the_unmet(server, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "checker/")
    chosen = _answer_all(page)
    assert "Saved" in page.inner_text("#kb-saved")
    page.reload()
    assert _checked(page) == chosen
    assert page.input_value(f"#reason-{next(c for c, a in chosen.items() if a == 'na')}").startswith("reason")
    plan = page.eval_on_selector_all("#kb-plan li[data-id]", "items => items.map(i => i.dataset.id)")
    assert sorted(plan) == sorted(c for c, a in chosen.items() if a in ("partly", "not-yet"))
    levels = page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('fieldset.kb-check'))
        .map(s => [s.dataset.id, s.dataset.level]))""")
    first_enhancement = next((i for i, c in enumerate(plan) if levels[c] != "minimal"), len(plan))
    assert all(levels[c] == "minimal" for c in plan[:first_enhancement])
    assert all(levels[c] != "minimal" for c in plan[first_enhancement:])
    met = sum(1 for c, a in chosen.items() if a == "met" and levels[c] == "minimal")
    minimal = sum(1 for c in chosen if levels[c] == "minimal")
    assert f"Minimal criteria met: {met} of {minimal}." in page.inner_text("#kb-score-line")
    assert page.get_attribute("#kb-score-line", "role") == "status"
    assert page.locator("#kb-results svg[role=img]").count() == 1
    # The Dutch page reads the same answers, with Dutch labels.
    page.goto(server + "nl/checker/")
    assert _checked(page) == chosen
    assert page.locator("html").get_attribute("lang") == "nl"
    assert "Voldaan" in page.inner_text("fieldset.kb-check >> nth=0")
    context.close()


@pytest.mark.browser
def test_export_then_import_in_a_fresh_browser_gives_identical_answers(server, browser, tmp_path):  # noqa: F811
    first = browser.new_context(accept_downloads=True)
    page = first.new_page()
    page.goto(server + "checker/")
    chosen = _answer_all(page)
    cid = _ids(page)[0]
    page.locator(f"fieldset[data-id='{cid}'] details").evaluate("d => d.open = true")
    page.fill(f"#note-{cid}", "Ask the board in March")
    page.check(f"fieldset[data-id='{cid}'] input[data-key=priority]")
    page.fill("#kb-programme", "Samen Thuis")
    page.select_option("#kb-role", "coordinator")
    with page.expect_download() as download:
        page.click("#kb-export")
    path = tmp_path / "answers.json"
    download.value.save_as(path)
    exported = json.loads(path.read_text())
    assert exported["format"] == "mentorkb-assessment" and exported["version"] == 1
    assert exported["content_version"] and exported["respondent"]["role"] == "coordinator"
    first.close()

    second = browser.new_context()
    page = second.new_page()
    page.goto(server + "checker/")
    assert _checked(page) == {c: None for c in chosen}
    page.set_input_files("#kb-import", str(path))
    page.wait_for_function("() => document.querySelector('#kb-message').textContent.includes('imported')")
    assert _checked(page) == chosen
    assert page.input_value(f"#note-{cid}") == "Ask the board in March"
    assert page.input_value("#kb-programme") == "Samen Thuis"
    stored = _stored(page)
    assert stored["answers"] == exported["answers"] and stored["priorities"] == [cid]
    second.close()


@pytest.mark.browser
@pytest.mark.parametrize("content", ["{ not json", json.dumps({"format": "other"}), "x" * 1_100_000,
                                     json.dumps({"format": "mentorkb-assessment", "version": 9, "answers": {}})])
def test_a_bad_import_leaves_the_answers_untouched(server, browser, tmp_path, content):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "checker/")
    chosen = _answer_all(page)
    before = _stored(page)["answers"]
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    page.set_input_files("#kb-import", str(bad))
    page.wait_for_function("() => document.querySelector('#kb-message').textContent.length > 0")
    message = page.inner_text("#kb-message")
    assert "could not be imported" in message and "left as they were" in message
    assert _checked(page) == chosen and _stored(page)["answers"] == before
    context.close()


@pytest.mark.browser
def test_an_import_with_replaced_or_unknown_ids_says_what_happened(server, browser, tmp_path):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "checker/")
    cid = _ids(page)[0]
    path = _assessment_file(tmp_path, "old.json", {cid: {"answer": "met"}, "MC-99": {"answer": "met"}})
    page.set_input_files("#kb-import", str(path))
    page.wait_for_function("() => document.querySelector('#kb-message').textContent.includes('imported')")
    assert "MC-99" in page.inner_text("#kb-message")
    assert _checked(page)[cid] == "met"
    context.close()


@pytest.mark.browser
def test_team_comparison_of_three_files_puts_disagreement_first(server, browser, tmp_path):  # noqa: F811
    page = browser.new_page()
    page.goto(server + "checker/")
    ids = _ids(page)
    agree, differ = ids[0], ids[1]
    files = [
        _assessment_file(tmp_path, "lou.json", {agree: {"answer": "met"}, differ: {"answer": "not-yet"}},
                         respondent={"name": "Lou", "role": "mentor"}),
        _assessment_file(tmp_path, "kim.json", {agree: {"answer": "met"}, differ: {"answer": "met"}},
                         respondent={"name": "Kim", "role": "coordinator"}),
        _assessment_file(tmp_path, "max.json", {agree: {"answer": "met"}, differ: {"answer": "partly"}},
                         respondent={"name": "Max", "role": "mentee"}),
    ]
    page.set_input_files("#kb-team-files", [str(f) for f in files])
    page.wait_for_selector(".kb-team-table")
    rows = page.eval_on_selector_all(".kb-team-table tbody tr", "rows => rows.map(r => r.dataset.id)")
    assert rows[0] == differ and rows.index(agree) > 0
    headers = page.eval_on_selector_all(".kb-team-table thead th", "ths => ths.map(t => t.textContent)")
    # Member columns follow the order the files were chosen in, however fast each one is read.
    assert headers[1:4] == ["Lou (Mentor)", "Kim (Coordinator)", "Max (Mentee)"]
    page.check("#kb-team-by-role")
    headers = page.eval_on_selector_all(".kb-team-table thead th", "ths => ths.map(t => t.textContent)")
    # Role columns come in the fixed order of roles, not the order of the files.
    assert headers[1:4] == ["Coordinator", "Mentor", "Mentee"]
    page.close()


@pytest.mark.browser
def test_progress_since_an_earlier_file(server, browser, tmp_path):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "checker/")
    ids = _ids(page)
    page.check(f"input[name='answer-{ids[0]}'][value='met']")
    page.check(f"input[name='answer-{ids[1]}'][value='not-yet']")
    earlier = _assessment_file(tmp_path, "2025.json", {ids[0]: {"answer": "partly"}, ids[1]: {"answer": "met"}})
    page.set_input_files("#kb-progress-file", str(earlier))
    page.wait_for_selector(".kb-progress-improved")
    assert page.eval_on_selector_all(".kb-progress-improved li", "l => l.map(i => i.dataset.id)") == [ids[0]]
    assert page.eval_on_selector_all(".kb-progress-slipped li", "l => l.map(i => i.dataset.id)") == [ids[1]]
    context.close()


@pytest.mark.browser
def test_keyboard_only_priorities_limit_start_over_and_print(server, browser):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + "checker/")
    ids = _ids(page)
    page.focus(f"input[name='answer-{ids[0]}'][value='met']")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # radio groups move and select with the arrow keys
    assert _checked(page)[ids[0]] == "partly"
    for cid in ids[:3]:
        page.focus(f"fieldset[data-id='{cid}'] input[data-key=priority]")
        page.keyboard.press("Space")
    assert page.is_disabled(f"fieldset[data-id='{ids[3]}'] input[data-key=priority]")
    assert _stored(page)["priorities"] == ids[:3]
    page.emulate_media(media="print")
    assert not page.is_visible("#kb-export") and page.is_visible("#kb-results")
    page.emulate_media(media="screen")
    page.once("dialog", lambda dialog: dialog.accept())
    page.focus("#kb-start-over")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('input[type=radio]:checked')")
    assert _stored(page) is None
    context.close()
