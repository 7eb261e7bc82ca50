"""The offline copy: the site built to work opened from disk, zipped once per language.

Trainers in community centres often have no network. Material's offline plugin (enabled by the
MENTORKB_OFFLINE environment variable) builds pages with plain file links and an inline search index;
we zip what each language needs and list the zips in the download manifest (kind `offline`).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from .siteconfig import languages

OFFLINE_DIR = "downloads/offline"


def build_offline(root: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    previous = os.environ.get("MENTORKB_OFFLINE")
    os.environ["MENTORKB_OFFLINE"] = "true"
    try:
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(work), strict=True))
    finally:
        if previous is None:
            os.environ.pop("MENTORKB_OFFLINE", None)
        else:
            os.environ["MENTORKB_OFFLINE"] = previous
    return work


def _belongs(rel: str, lang: str, default: str, others: list[str]) -> bool:
    parts = rel.split("/")
    if rel.startswith(OFFLINE_DIR):
        return False
    if parts[0] in ("downloads", "api") and len(parts) > 1 and parts[1] in [default, *others]:
        return parts[1] == lang
    if parts[0] in others:
        return parts[0] == lang
    if lang != default:
        # Another language needs the shared assets, but not the default language's pages.
        return parts[0] in ("assets",) or rel == "downloads/manifest.json"
    return True


def zip_languages(root: Path, offline_site: Path, site: Path) -> list[dict]:
    """Write one zip per language into site/downloads/offline and add them to the manifest."""
    langs = languages(root)
    default = next(l.code for l in langs if l.default)
    others = [l.code for l in langs if not l.default]
    target_dir = site / OFFLINE_DIR
    target_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    files = sorted(p for p in offline_site.rglob("*") if p.is_file())
    for lang in langs:
        name = f"mentoring-newcomers-{lang.code}.zip"
        target = target_dir / name
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in files:
                rel = path.relative_to(offline_site).as_posix()
                if _belongs(rel, lang.code, default, others):
                    archive.write(path, f"mentoring-newcomers/{rel}")
            if not lang.default:
                archive.writestr("mentoring-newcomers/index.html",
                                 f'<!DOCTYPE html><html lang="{lang.code}"><head><meta charset="utf-8">'
                                 f'<meta http-equiv="refresh" content="0; url={lang.code}/index.html">'
                                 f'<title>{lang.name}</title></head><body><a href="{lang.code}/index.html">'
                                 f"{lang.name}</a></body></html>")
        data = target.read_bytes()
        entries.append({"id": "offline-site", "kind": "offline", "lang": lang.code, "format": "zip",
                        "path": f"{OFFLINE_DIR}/{name}", "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "title": f"Offline copy of the site ({lang.name})"})
    manifest_path = site / "downloads" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"] = [f for f in manifest["files"] if f["kind"] != "offline"] + entries
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entries
