"""`make build`: validate, compile and build the site into a fresh folder, then swap it into place.

A failed build (invalid content, a broken link) leaves the previous `site/` exactly as it was.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
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
    # The site and its offline copy are two independent MkDocs builds of the same pages: they run side
    # by side. A forked process inherits this one's compiled state, so it does not compile again.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        offline = pool.submit(_build_offline, root)
        problem = _build_online(root, fresh, strict)
        try:
            offline_site, offline_problem = offline.result()
        except Exception as exc:  # e.g. a full disk, or the worker killed: the last good site still stays
            offline_site, offline_problem = None, f"the offline copy failed: {exc!r}"
    problem = problem or offline_problem
    if problem is None:
        try:
            zip_languages(root, offline_site, fresh)
        except OSError as exc:
            problem = str(exc)
    if problem is not None:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BuildFailed(f"MkDocs could not build the site: {problem}")
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


def _build_online(root: Path, site_dir: Path, strict: bool) -> str | None:
    """Build the site; return None, or what went wrong."""
    try:
        mkdocs_build(load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=strict))
    except (MkDocsException, SystemExit) as exc:
        return str(exc)
    return None


def _build_offline(root: Path) -> tuple[Path, str | None]:
    """Build the offline copy (in a worker process); errors come back as text, which crosses processes."""
    try:
        return build_offline(root, root / "build" / "offline-site"), None
    except (MkDocsException, SystemExit) as exc:
        return root / "build" / "offline-site", str(exc)


__all__ = ["build_site", "BuildFailed", "AuthorError"]
