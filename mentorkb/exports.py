"""Open data and downloads: JSON exports of the model, tool field lists, and the download manifest.

Output contract (see README): `api/<lang>/{criteria,guidelines,cases,tools}.json` and, for every
downloadable file, an entry in `downloads/manifest.json`:
`{"files": [{"id", "kind", "lang", "format", "path", "bytes", "sha256", "title"}]}`.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .documents.blocks import tool_document
from .documents.build import FORMATS, start_documents
from .handbook.build import book_jobs, content_date, start_books
from .i18n import Catalogue
from .model import Model
from .renderpool import RenderPool
from .schema import KIND_BY_NAME, Bool, Enum, Int, ListOf, Obj, Ref, Str, Text
from .vocab import N_
from .textfmt import human_size
from .writer import TreeWriter

EXPORTS = {  # file name -> (kind, plural attribute, key in the file)
    "criteria": ("criterion", "criteria", "criteria"),
    "guidelines": ("stage", "stages", "stages"),
    "cases": ("case", "cases", "cases"),
    "tools": ("tool", "tools", "tools"),
}
FIELD_COLUMNS = ["section", "id", "label", "type", "options", "required", "personal", "help"]


def plain(value):
    """Strip build-only fields (`_file`, `_line`) and turn translated strings into plain ones."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def json_schema(spec) -> dict:
    """The JSON Schema of a content kind, derived from schema.py, published for open-data users."""
    if isinstance(spec, Obj):
        return {
            "type": "object",
            "properties": {f.name: json_schema(f.type) for f in spec.fields},
            "required": [f.name for f in spec.fields if f.required],
            "additionalProperties": False,
        }
    if isinstance(spec, ListOf):
        return {"type": "array", "items": json_schema(spec.item)}
    if isinstance(spec, Enum):
        return {"enum": list(spec.choices)}
    if isinstance(spec, Int):
        return {"type": "integer"}
    if isinstance(spec, Bool):
        return {"type": "boolean"}
    if isinstance(spec, (Text, Str, Ref)):
        return {"type": "string"}
    raise TypeError(spec)


def export_schema(name: str) -> dict:
    kind, _, key = EXPORTS[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{name}.json",
        "type": "object",
        "required": ["lang", "version", key],
        "properties": {
            "lang": {"type": "string"},
            "version": {"type": "string"},
            key: {"type": "array", "items": json_schema(KIND_BY_NAME[kind].schema)},
        },
    }


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


FORMAT_LABELS = {
    "pdf": N_("Fillable PDF"),
    "docx": N_("Word document (DOCX)"),
    "odt": N_("OpenDocument text (ODT)"),
    "csv": N_("Field list for an online form (CSV)"),
    "json": N_("Field list for an online form (JSON)"),
}


def write_exports(models: dict[str, Model], catalogues: dict[str, Catalogue], writer: TreeWriter,
                  version: str, cache_dir: Path, source: Model | None = None,
                  newcomer: dict | None = None) -> tuple[dict, list]:
    """Write every export and download.

    `newcomer` maps the languages that have only the material for mentees to (model, catalogue, tool
    ids): those tools are rendered in those languages too. Returns ({lang: {tool_id: [download links
    for the tool page]}}, the manifest's file list).
    """
    newcomer = newcomer or {}
    jobs = book_jobs(models, source or next(iter(models.values())), catalogues, version, content_date())
    docs = [tool_document(model, tool_id, catalogues[lang])
            for lang, model in models.items() for tool_id in model.tools]
    docs += [tool_document(model, tool_id, catalogue)
             for model, catalogue, tool_ids in newcomer.values() for tool_id in tool_ids]
    with RenderPool() as pool:  # books first: they are the longest
        books = start_books(jobs, cache_dir.parent / "books", pool)
        documents = start_documents(docs, cache_dir, pool)
        books, rendered = books(), documents()
    files = []
    for job in jobs:
        info = writer.write(job.path, books[(job.lang, job.id)])
        files.append({"id": job.id, "kind": job.kind, "lang": job.lang, "format": "pdf", "path": job.path,
                      **info, "title": job.title})
    tool_downloads: dict[str, dict[str, list]] = {}
    for name in EXPORTS:
        info = writer.write(f"api/schema/{name}.schema.json", _dumps(export_schema(name)))
        files.append({"id": f"{name}-schema", "kind": "schema", "lang": "en", "format": "json",
                      "path": f"api/schema/{name}.schema.json", **info,
                      "title": f"JSON Schema of {name}.json"})
    for lang, model in models.items():
        ui = catalogues[lang].ui
        for name, (kind, plural, key) in EXPORTS.items():
            data = {"lang": lang, "version": version, key: [plain(v) for v in getattr(model, plural).values()]}
            path = f"api/{lang}/{name}.json"
            info = writer.write(path, _dumps(data))
            files.append({"id": name, "kind": "data", "lang": lang, "format": "json", "path": path, **info,
                          "title": str(ui(TITLES[name]))})
        tool_downloads[lang] = {}
        for tool in model.tools.values():
            outputs = [(fmt, f"{tool.id}.{fmt}", rendered[(lang, tool.id, fmt)]) for fmt in FORMATS]
            rows = [{"section": s.id, "id": f"{s.id}__{f.id}", "label": str(f.label), "type": f.type,
                     "options": " | ".join(str(o) for o in f.options), "required": f.required,
                     "personal": f.personal, "help": str(f.help or "")}
                    for s in tool.sections for f in s.fields]
            if rows:
                outputs.append(("csv", f"{tool.id}-fields.csv", _csv(rows)))
                outputs.append(("json", f"{tool.id}-fields.json",
                                _dumps({"tool": tool.id, "lang": lang, "title": str(tool.title), "fields": rows})))
            links = []
            for fmt, name, data in outputs:
                path = f"downloads/{lang}/tools/{name}"
                info = writer.write(path, data)
                files.append({"id": tool.id if fmt in FORMATS else f"{tool.id}-fields", "kind": "tool",
                              "lang": lang, "format": fmt, "path": path, **info,
                              "title": f"{tool.title} ({ui(FORMAT_LABELS[fmt])})"})
                links.append({"label": str(ui(FORMAT_LABELS[fmt])), "format": fmt, "path": path,
                              "href": f"../../downloads/{lang}/tools/{name}", "size": human_size(info["bytes"], lang),
                              "tool": tool.id})
            tool_downloads[lang][tool.id] = links
    for lang, (model, catalogue, tool_ids) in newcomer.items():
        tool_downloads[lang] = {}
        for tool_id in tool_ids:
            title = model.tools[tool_id].title
            links = []
            for fmt in FORMATS:
                path = f"downloads/{lang}/tools/{tool_id}.{fmt}"
                info = writer.write(path, rendered[(lang, tool_id, fmt)])
                files.append({"id": tool_id, "kind": "tool", "lang": lang, "format": fmt, "path": path, **info,
                              "title": f"{title} ({catalogue.ui(FORMAT_LABELS[fmt])})"})
                links.append({"label": str(catalogue.ui(FORMAT_LABELS[fmt])), "format": fmt, "path": path,
                              "href": f"../../downloads/{lang}/tools/{tool_id}.{fmt}",
                              "size": human_size(info["bytes"], lang), "tool": tool_id})
            tool_downloads[lang][tool_id] = links
    writer.write("downloads/manifest.json", _dumps({"version": version, "files": files}))
    return tool_downloads, files


def _csv(rows) -> str:
    buffer = io.StringIO()
    out = csv.DictWriter(buffer, fieldnames=FIELD_COLUMNS, lineterminator="\n")
    out.writeheader()
    out.writerows(rows)
    return buffer.getvalue()


TITLES = {
    "criteria": N_("Quality criteria (open data)"),
    "guidelines": N_("Guidelines by stage (open data)"),
    "cases": N_("Case library (open data)"),
    "tools": N_("Tools and templates (open data)"),
}
