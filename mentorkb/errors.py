"""The one exception type for content authors' mistakes, and the shape of each problem.

Every problem an author can make is reported in the same shape, so that editors, CI logs and tests can
rely on it:

    file:line: field.path: expected X, found Y; valid: a, b (see <doc>)
"""
from __future__ import annotations

from dataclasses import dataclass, field

FIELD_DOC = "docs: authoring/fields.md"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: str
    expected: str
    found: str
    valid: tuple[str, ...] = ()
    see: str = ""
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}: {self.path or '(file)'}: expected {self.expected}, found {self.found}"
        if self.valid:
            text += "; valid: " + list_some(self.valid)
        if self.hint:
            text += f"; {self.hint}"
        if self.see:
            text += f" (see {self.see})"
        return text


def list_some(values, limit: int = 12) -> str:
    """Join values for a message, cutting long lists so the message stays readable."""
    values = list(values)
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f", ... ({len(values) - limit} more)"


@dataclass
class AuthorError(Exception):
    """Raised when content cannot be built; carries every problem found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        return "\n".join([head] + [f"  {p}" for p in self.sorted()])

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line, p.path))
