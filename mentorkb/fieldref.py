"""The field reference for content authors, generated from schema.py so it can never drift from it."""
from __future__ import annotations

from .schema import KINDS, Enum, ListOf, Obj


def _type_text(spec) -> str:
    text = spec.describe()
    inner = spec.item if isinstance(spec, ListOf) else spec
    if isinstance(inner, Enum):
        text += ": " + ", ".join(f"`{c}`" for c in inner.choices)
    return text.replace("|", "\\|")


def _nested(spec):
    inner = spec.item if isinstance(spec, ListOf) else spec
    return inner if isinstance(inner, Obj) else None


def render_field_reference() -> str:
    lines = [
        "---",
        "search:",
        "  exclude: true",
        "---",
        "",
        "# Field reference for content authors",
        "",
        "This page is generated from the schema (`mentorkb/schema.py`), the single statement of what a "
        "valid content file is. When `make check` reports a problem, the message ends with a link to "
        "the part of this page that explains the field.",
        "",
    ]
    done: set[str] = set()
    queue: list[tuple[Obj, str]] = []
    for kind in KINDS:
        where = f"`{kind.folder}/<id>.yml`, one file per {kind.name}" if kind.folder else \
            f"`{kind.list_file}`, a list under `{kind.list_key}:`"
        queue.append((kind.schema, where))
    while queue:
        obj, where = queue.pop(0)
        if obj.name in done:
            continue
        done.add(obj.name)
        anchor = obj.name.replace(" ", "-")
        lines += [f"## {obj.name.capitalize()} {{#{anchor}}}", "", f"Where: {where}.", "",
                  "| Field | Required | Expected | What it is for |", "|---|---|---|---|"]
        for field in obj.fields:
            nested = _nested(field.type)
            expected = _type_text(field.type)
            if nested:
                expected += f" (see [{nested.name}](#{nested.name.replace(' ', '-')}))"
                queue.append((nested, f"inside `{field.name}` of a {obj.name}"))
            required = "yes" if field.required else "no"
            lines.append(f"| `{field.name}` | {required} | {expected} | {field.help.replace('|', '/')} |")
        lines.append("")
    return "\n".join(lines) + "\n"
