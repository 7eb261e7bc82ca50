"""Read a YAML content file and keep, for every value, the line it was written on.

PyYAML's ordinary loading forgets line numbers, silently keeps the last of two duplicate keys and turns
plain words such as `no` or `on` into booleans. Authors need none of that: we compose the node tree
ourselves, record lines, refuse duplicates and aliases, and keep scalars as the text the author wrote so
that the schema decides what type a field has.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from .errors import Problem

MAX_DEPTH = 40
MAX_BYTES = 2_000_000
SYNTAX_DOC = "docs: authoring/index.md#yaml-in-five-minutes"


@dataclass
class YScalar:
    text: str
    tag: str
    line: int
    plain: bool  # written without quotes, so YAML's implicit typing applies

    @property
    def is_null(self) -> bool:
        return self.tag == "tag:yaml.org,2002:null"


class YMap(dict):
    """A mapping that remembers its own line and the line of each key."""

    line: int = 1
    key_lines: dict


class YList(list):
    line: int = 1


class _Limit(Exception):
    pass


def load_file(path, display: str) -> tuple[object | None, list[Problem]]:
    """Load one YAML file; return (tree, problems). The tree is None when the file cannot be read."""
    with open(path, "rb") as handle:
        raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return None, [Problem(display, 1, "", f"a content file under {MAX_BYTES // 1_000_000} MB",
                              "a larger file", see=SYNTAX_DOC)]
    return load_bytes(raw, display)


def load_bytes(raw: bytes, display: str) -> tuple[object | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless; some Windows editors add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(display, line, "", "UTF-8 text",
                              f"byte 0x{raw[exc.start]:02x}, which is not UTF-8",
                              hint="save the file with UTF-8 encoding", see=SYNTAX_DOC)]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [Problem(display, line, "", "UTF-8 text", "a NUL character (is this a binary file?)",
                              see=SYNTAX_DOC)]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        found = (exc.problem or "text YAML cannot read").strip()
        found = found[len("found "):] if found.startswith("found ") else found
        return None, [Problem(display, line, "", "valid YAML", found, hint=_syntax_hint(found),
                              see=SYNTAX_DOC)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, 1, "", "valid YAML", str(exc).splitlines()[0], see=SYNTAX_DOC)]
    except RecursionError:
        return None, [Problem(display, 1, "", f"nesting at most {MAX_DEPTH} levels deep",
                              "deeper nesting", see=SYNTAX_DOC)]
    if node is None:
        return None, [Problem(display, 1, "", "a YAML mapping of fields", "an empty file", see=SYNTAX_DOC)]
    problems: list[Problem] = []
    try:
        tree = _convert(node, display, problems, set(), 0)
    except _Limit as exc:
        return None, [Problem(display, int(str(exc)), "", f"nesting at most {MAX_DEPTH} levels deep",
                              "deeper nesting", see=SYNTAX_DOC)]
    return tree, problems


def _compose(text: str):
    """Compose with libyaml (fast); on an error, again in pure Python, whose messages say more."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _syntax_hint(found: str) -> str:
    if "tab" in found or "'\\t'" in found:
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in found:
        return "put text that contains ': ' in quotes"
    if "could not find expected ':'" in found:
        return "check the indentation and that every field has 'name: value'"
    return ""


def _convert(node, display, problems, seen, depth):
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise _Limit(str(line))
    if id(node) in seen and not isinstance(node, yaml.ScalarNode):
        # The composer hands out the same node object for an alias. Expanding aliases invites
        # exponential "billion laughs" files, and content never needs them.
        problems.append(Problem(display, line, "", "plain values", "an alias (*name) to an anchor",
                                hint="write the value out instead of using & and *", see=SYNTAX_DOC))
        return None
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode):
        return YScalar(node.value, node.tag, line, not node.style)  # the C composer uses "" for plain
    if isinstance(node, yaml.SequenceNode):
        out = YList()
        out.line = line
        for item in node.value:
            out.append(_convert(item, display, problems, seen, depth + 1))
        return out
    out = YMap()
    out.line = line
    out.key_lines = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(Problem(display, key_line, "", "a field name", "a list or mapping used as a key",
                                    see=SYNTAX_DOC))
            continue
        key = key_node.value
        if key in out:
            problems.append(Problem(display, key_line, key, "each field once",
                                    f"'{key}' a second time (first on line {out.key_lines[key]})",
                                    see=SYNTAX_DOC))
            continue
        out[key] = _convert(value_node, display, problems, seen, depth + 1)
        out.key_lines[key] = key_line
    return out
