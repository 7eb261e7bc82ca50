"""`python -m mentorkb new case my-programme`: write a skeleton content file from the schema.

Every field of the kind is listed with its help text as a comment, and left empty, so that
`make check` then names exactly the fields still to fill in.
"""
from __future__ import annotations

from pathlib import Path

from .schema import KIND_BY_NAME, ListOf, Obj

ONE_FILE_KINDS = [name for name, kind in KIND_BY_NAME.items() if kind.folder]


def skeleton(obj: Obj, item_id: str, indent: str = "") -> list[str]:
    lines = []
    for field in obj.fields:
        note = f"  # {'required' if field.required else 'optional'}: {field.help}"
        if field.name == "id" and not indent:
            lines.append(f"{indent}id: {item_id}")
            continue
        inner = field.type.item if isinstance(field.type, ListOf) else field.type
        if isinstance(inner, Obj):
            lines.append(f"{indent}{field.name}:{note}")
            if isinstance(field.type, ListOf):
                sub = skeleton(inner, item_id, indent + "    ")
                lines.append(f"{indent}  - " + sub[0].lstrip())
                lines.extend(sub[1:])
            else:
                lines.extend(skeleton(inner, item_id, indent + "  "))
        else:
            lines.append(f"{indent}{field.name}:{note}")
    return lines


def new_item(root: Path, kind_name: str, item_id: str) -> Path:
    kind = KIND_BY_NAME[kind_name]
    path = root / kind.folder / f"{item_id}.yml"
    if path.exists():
        raise FileExistsError(f"{path.relative_to(root)} exists already")
    head = [f"# A new {kind_name}. Fill in every field, then run `make check`.",
            "# Field reference: /authoring/fields/ on the site (generated from mentorkb/schema.py)."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(head + skeleton(kind.schema, item_id)) + "\n", encoding="utf-8")
    return path
