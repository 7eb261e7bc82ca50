"""The loader reports authors' mistakes as `file:line: field: expected X, found Y`, all at once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI
from mentorkb.errors import AuthorError
from mentorkb.loader import load

BAD = sorted((FIXTURES / "bad").glob("*.yml"))


def load_with(tmp_path: Path, files: dict[str, bytes]) -> list[str]:
    root = tmp_path / "content"
    shutil.copytree(MINI, root)
    for rel, data in files.items():
        (root / rel).write_bytes(data)
    with pytest.raises(AuthorError) as caught:
        load(root)
    return [str(p) for p in caught.value.sorted()]


def test_mini_content_loads_and_links_both_ways():
    model = load(MINI)
    assert list(model.stages) == ["matching", "closure"]  # ordered by `order`, not by file name
    assert model.criteria_by_rec["REC-MATCH-01"] == ["MC-07"]
    assert model.criteria_by_tool["matching-sheet"] == ["MC-07"]
    assert model.cases_by_stage["closure"] == ["leuven"]
    assert model.examples_by_case["leuven"][0][:2] == ("matching", "criteria")


@pytest.mark.parametrize("fixture", BAD, ids=[p.stem for p in BAD])
def test_bad_input_gives_exact_message(tmp_path, fixture):
    lines = fixture.read_text(encoding="utf-8").splitlines()
    target = lines[0].removeprefix("# target: ")
    expected = [l.removeprefix("# expect: ") for l in lines if l.startswith("# expect: ")]
    assert expected, f"{fixture.name} names no expected message"
    assert load_with(tmp_path, {target: fixture.read_bytes()}) == expected


def test_all_problems_in_all_files_are_reported_at_once(tmp_path):
    case = (MINI / "cases" / "leuven.yml").read_text().replace("country: BE", "country: Belgium")
    stage = (MINI / "guidelines/stages/closure.yml").read_text().replace("order: 5", "order: five")
    messages = load_with(tmp_path, {"cases/leuven.yml": case.encode(),
                                    "guidelines/stages/closure.yml": stage.encode()})
    assert [m.split(":")[0] for m in messages] == ["cases/leuven.yml", "guidelines/stages/closure.yml"]


def test_non_utf8_file_names_the_line_of_the_bad_byte(tmp_path):
    raw = (MINI / "cases" / "leuven.yml").read_bytes().replace(b"place: Leuven", b"place: Li\xe8ge")
    messages = load_with(tmp_path, {"cases/leuven.yml": raw})
    assert messages[0] == ("cases/leuven.yml:5: (file): expected UTF-8 text, found byte 0xe8, which is not "
                           "UTF-8; save the file with UTF-8 encoding (see docs: authoring/index.md#yaml-in-five-minutes)")
    # The unreadable case is missing from the model, so links to it are reported too, not hidden.
    assert all("expected the id of a known case, found 'leuven'" in m for m in messages[1:])


def test_yaml_aliases_are_refused_not_expanded(tmp_path):
    bomb = b"id: leuven\na: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
    messages = load_with(tmp_path, {"cases/leuven.yml": bomb})
    assert any("an alias (*name) to an anchor" in m for m in messages)


def test_deep_nesting_is_an_author_error_not_a_crash(tmp_path):
    deep = b"id: leuven\nx: " + b"[" * 500 + b"]" * 500 + b"\n"
    messages = load_with(tmp_path, {"cases/leuven.yml": deep})
    assert messages[0].startswith("cases/leuven.yml:")
    assert "nesting at most 40 levels deep" in messages[0]


def test_yaml_words_like_no_stay_text():
    """YAML 1.1 would read `NO` (Norway) as false; the schema decides types, so text stays text."""
    from mentorkb.schema import Context, Str
    from mentorkb.yamlload import load_bytes

    tree, problems = load_bytes(b"code: NO\n", "x.yml")
    assert not problems
    assert Str().check(tree["code"], Context("x.yml"), "code", 1, "") == "NO"


def test_real_content_is_valid():
    from conftest import REPO

    model = load(REPO)
    assert len(model.stages) == 7
    assert [c for c in model.criteria if c.startswith("MC-")] == [f"MC-{n:02d}" for n in range(1, 21)]


def test_scaffold_writes_every_field_and_check_names_what_to_fill(tmp_path):
    from mentorkb.scaffold import new_item
    from mentorkb.schema import CASE

    root = tmp_path / "content"
    shutil.copytree(MINI, root)
    path = new_item(root, "case", "new-programme")
    text = path.read_text(encoding="utf-8")
    for field in CASE.fields:
        assert f"{field.name}:" in text
    with pytest.raises(AuthorError) as caught:
        load(root)
    named = {p.path.split(".")[0].split("[")[0] for p in caught.value.problems
             if p.file == "cases/new-programme.yml"}
    assert {f.name for f in CASE.fields if f.required and f.name != "id"} <= named
