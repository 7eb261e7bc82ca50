"""Property-based tests: whatever an author's file contains, the loader answers with the project's own
error naming the file and line, or loads it; it never crashes or hangs, and text never becomes HTML."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI
from mentorkb.errors import AuthorError
from mentorkb.loader import load
from mentorkb.textfmt import block, inline
from mentorkb.yamlload import load_bytes

SETTINGS = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])

hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{: onclick=x}",
                     "[x](javascript:alert(1))", "&lt;b&gt;", "\x00", "a: b: c", "- [", "&a [*a]",
                     "\t- x", "%TAG ! tag:x,2000:", "!!python/object:os.system ls"]),
)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | hostile_text | st.text(min_size=5000, max_size=20000),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children,
                                                                         max_size=4),
    max_leaves=25,
)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_tree_or_problems_never_an_exception(raw):
    tree, problems = load_bytes(raw, "cases/x.yml")
    assert tree is not None or problems
    for problem in problems:
        assert str(problem).startswith("cases/x.yml:")


@SETTINGS
@given(values)
def test_any_yaml_document_loads_or_gives_author_errors(value):
    root = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(MINI, root, dirs_exist_ok=True)
        (root / "cases" / "leuven.yml").write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
        try:
            load(root)
        except AuthorError as err:
            assert err.problems
            assert all(p.file and p.line >= 1 for p in err.problems)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@SETTINGS
@given(st.text(max_size=500))
def test_author_text_never_becomes_html(text):
    for out in (str(block(text)), str(inline(text))):
        assert "<" not in out and ">" not in out and "{" not in out
