"""`make build`: validate, compile and build the site into a fresh folder, then swap it into place.

A failed build (invalid content, a broken link) leaves the previous `site/` exactly as it was.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .compile import compile_site
from .errors import AuthorError
from .loader import load
from .offline import build_offline, zip_languages

log = logging.getLogger("mentorkb")


class BuildFailed(Exception):
    pass


def build_site(root: Path | str = ".", site: str = "site", strict: bool = True) -> dict:
    root = Path(root).resolve()
    started = time.perf_counter()
    model = load(root)  # AuthorError before anything is written
    stats = compile_site(root, model)
    compiled = time.perf_counter()
    target = root / site
    fresh = root / "build" / "site.new"
    if fresh.exists():
        shutil.rmtree(fresh)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(fresh), strict=strict)
        mkdocs_build(config)
        offline_site = build_offline(root, root / "build" / "offline-site")
        zip_languages(root, offline_site, fresh)
    except (MkDocsException, SystemExit) as exc:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildFailed(f"MkDocs could not build the site: {exc}") from None
    old = root / "build" / "site.old"
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    done = time.perf_counter()
    return {**stats, "compile_seconds": round(compiled - started, 3),
            "mkdocs_seconds": round(done - compiled, 3), "site": str(target)}


__all__ = ["build_site", "BuildFailed", "AuthorError"]
