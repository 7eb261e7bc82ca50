"""Load every content file, validate it against the schema, check cross-references, build the model.

All problems in all files are collected before anything is raised, so an author fixes them in one go.
"""
from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from .errors import AuthorError, Problem
from .model import Model, to_record
from .schema import DOC, KINDS, Context, Field, Kind, ListOf, Obj
from .yamlload import YMap, load_file

REF_KINDS_WITH_IDS = ("stage", "case", "tool", "criterion", "term", "topic", "work", "document")


def content_files(root: Path) -> list[tuple[Kind, Path]]:
    files = []
    for kind in KINDS:
        if kind.folder:
            folder = root / kind.folder
            if folder.is_dir():
                files.extend((kind, p) for p in sorted(folder.glob("*.y*ml")))
        elif (root / kind.list_file).is_file():
            files.append((kind, root / kind.list_file))
    return files


def fingerprint(root: Path) -> str:
    """A hash of every content file, so unchanged content is not compiled twice."""
    digest = hashlib.sha256()
    for _, path in content_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load(root: Path | str) -> Model:
    """Load the content under `root`; raise AuthorError listing every problem found."""
    root = Path(root)
    problems: list[Problem] = []
    items: dict[str, dict[str, dict]] = {k.name: {} for k in KINDS}
    where: dict[tuple[str, str], tuple[str, int]] = {}
    refs: list[tuple[str, str, str, int, str]] = []
    for kind, path in content_files(root):
        display = path.relative_to(root).as_posix()
        tree, found = load_file(path, display)
        problems.extend(found)
        if tree is None:
            continue
        ctx = Context(display)
        for value, raw in _check_file(kind, path, tree, ctx):
            if value is None:
                continue
            item_id = value.get("id")
            line = raw.line if isinstance(raw, YMap) else 1
            if item_id is None:
                continue
            if (kind.name, item_id) in where:
                first = where[(kind.name, item_id)]
                ctx.problem(line, "id", f"a unique {kind.name} id",
                            f"'{item_id}', already used in {first[0]}:{first[1]}")
                continue
            where[(kind.name, item_id)] = (display, line)
            value["_file"], value["_line"] = display, line
            items[kind.name][item_id] = value
        problems.extend(ctx.problems)
        refs.extend((kind_, value, display, line, path_) for kind_, value, line, path_ in ctx.refs)
    problems.extend(_check_rules(items))
    problems.extend(_check_refs(items, refs))
    if problems:
        raise AuthorError(problems)
    model = Model(**{k.plural: {i: to_record(v) for i, v in items[k.name].items()} for k in KINDS})
    model.version = fingerprint(root)
    return model


def _check_file(kind: Kind, path: Path, tree, ctx: Context):
    if kind.folder:
        value = kind.schema.check(tree, ctx, "", 1)
        if value is not None and value.get("id") is not None and value["id"] != path.stem:
            line = tree.key_lines.get("id", 1)
            ctx.problem(line, "id", f"'{path.stem}' (the file name)", f"'{value['id']}'",
                        hint=f"rename the file to {value['id']}{path.suffix} or change the id")
        yield value, tree
        return
    wrapper = Obj(f"{kind.name} file", [Field(kind.list_key, ListOf(kind.schema, minimum=1))])
    value = wrapper.check(tree, ctx, "", 1)
    if value is None or value.get(kind.list_key) is None:
        return
    yield from zip(value[kind.list_key], tree[kind.list_key])


def _problem(item, path, expected, found, valid=(), hint="", line=None):
    return Problem(item["_file"], line or item["_line"], path, expected, found, tuple(valid), DOC, hint)


def _check_rules(items) -> list[Problem]:
    """Rules that span fields or items, which the per-field types cannot express."""
    out = []
    seen_order: dict[int, str] = {}
    seen_recs: dict[str, str] = {}
    for stage in items["stage"].values():
        if stage["order"] is not None and stage["order"] in seen_order:
            out.append(_problem(stage, "order", "a position no other stage has",
                                f"{stage['order']}, also used by stage '{seen_order[stage['order']]}'"))
        seen_order[stage["order"]] = stage["id"]
        for index, rec in enumerate(stage.get("recommendations") or []):
            if not rec or not rec.get("id"):
                continue
            prefix = f"REC-{stage['code']}-"
            if stage.get("code") and not rec["id"].startswith(prefix):
                out.append(_problem(stage, f"recommendations[{index}].id",
                                    f"an id starting with '{prefix}' (this stage's code)", f"'{rec['id']}'",
                                    line=rec.get("_line")))
            if rec["id"] in seen_recs:
                out.append(_problem(stage, f"recommendations[{index}].id", "a unique recommendation id",
                                    f"'{rec['id']}', already used in stage '{seen_recs[rec['id']]}'",
                                    line=rec.get("_line")))
            seen_recs[rec["id"]] = stage["id"]
    for crit in items["criterion"].values():
        want = "minimal" if crit["id"].startswith("MC-") else "enhancement"
        if crit.get("level") and crit["level"] != want:
            out.append(_problem(crit, "level", f"'{want}' for an id starting with {crit['id'][:3]}",
                                f"'{crit['level']}'"))
        if crit.get("status") == "deprecated" and not crit.get("replaced_by"):
            out.append(_problem(crit, "replaced_by", "the id of the criterion that replaces a deprecated one",
                                "nothing"))
    for tool in items["tool"].values():
        personal = False
        for s_index, section in enumerate(tool.get("sections") or []):
            if not section:
                continue
            for f_index, fld in enumerate(section.get("fields") or []):
                if not fld:
                    continue
                personal = personal or fld.get("personal")
                if fld.get("type") in ("choice", "multi-choice") and not fld.get("options"):
                    out.append(_problem(tool, f"sections[{s_index}].fields[{f_index}].options",
                                        f"a list of at least 2 options for a '{fld['type']}' field", "nothing",
                                        line=fld.get("_line")))
            table = section.get("table")
            if table:
                out.extend(_check_table(tool, f"sections[{s_index}].table", table))
        if personal and not tool.get("data_protection"):
            out.append(_problem(tool, "data_protection",
                                "a data protection section (purpose, who_sees, retention, consent)",
                                "nothing, although fields collect personal data"))
    for kind in ("stage", "topic"):
        for item in items[kind].values():
            for s_index, section in enumerate(item.get("practice") or item.get("sections") or []):
                if section and section.get("table"):
                    key = "practice" if kind == "stage" else "sections"
                    out.extend(_check_table(item, f"{key}[{s_index}].table", section["table"]))
    for case in items["case"].values():
        stages = set(case.get("stages") or [])
        for index, practice in enumerate(case.get("practices") or []):
            if practice and practice.get("stage") and practice["stage"] not in stages:
                out.append(_problem(case, f"practices[{index}].stage", "one of the stages listed in 'stages'",
                                    f"'{practice['stage']}'", sorted(stages), line=practice.get("_line")))
    return out


def _check_table(item, path, table) -> list[Problem]:
    width = len(table.get("columns") or [])
    out = []
    for index, row in enumerate(table.get("rows") or []):
        if row is not None and width and len(row) != width:
            out.append(_problem(item, f"{path}.rows[{index}]", f"{width} cells (one per column)",
                                f"{len(row)} cells", line=table.get("_line")))
    return out


def _check_refs(items, refs) -> list[Problem]:
    known = {kind: set(items[kind]) for kind in REF_KINDS_WITH_IDS}
    known["recommendation"] = {r["id"] for s in items["stage"].values() for r in s.get("recommendations") or []
                               if r and r.get("id")}
    sections = {doc_id: [s["id"] for s in doc.get("sections") or [] if s]
                for doc_id, doc in items["document"].items()}
    out = []
    for kind, value, file, line, path in refs:
        if kind == "section":
            doc_id, _, section = value.partition(" ")
            if doc_id not in sections:
                out.append(Problem(file, line, path, "a source section like '003 §4.2.1'",
                                   f"'{value}', whose document '{doc_id}' is unknown", tuple(sorted(sections)),
                                   "docs: sources (guidelines/sources.yml)"))
            elif section not in sections[doc_id]:
                out.append(Problem(file, line, path, f"a section of document {doc_id}", f"'{section}'",
                                   tuple(sections[doc_id]), "docs: sources (guidelines/sources.yml)"))
            continue
        if value not in known[kind]:
            close = difflib.get_close_matches(value, known[kind], n=1)
            out.append(Problem(file, line, path, f"the id of a known {kind}", f"'{value}'",
                               tuple(sorted(known[kind])), DOC,
                               f"did you mean '{close[0]}'?" if close else ""))
    return out
