#!/usr/bin/env python3
"""`make bench`: measure the compile step and the whole build; write bench/results.json.

Numbers are measurements, not test assertions: compare them between commits.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mentorkb.compile import compile_site  # noqa: E402
from mentorkb.loader import load  # noqa: E402
from mentorkb.sitebuild import build_site  # noqa: E402


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return round(time.perf_counter() - start, 3), result


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="mentorkb-bench-"))
    project = work / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "build", "site", ".git", "bench"))
    results: dict = {"python": platform.python_version(), "cpus": os.cpu_count()}
    results["load_seconds"], model = timed(lambda: load(project))
    results["compile_cold_seconds"], stats = timed(lambda: compile_site(project, force=True))
    results["pages_per_language"] = sum(1 for p in (project / "build/docs/en").rglob("*.md"))
    results["languages"] = stats["languages"]
    results["full_build_seconds"], build = timed(lambda: build_site(project))
    results["mkdocs_seconds"] = build["mkdocs_seconds"]
    case = project / "cases" / "leuven-buddywerking.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("summary: |", "summary: |\n  Edited.", 1),
                    encoding="utf-8")
    results["incremental_compile_seconds"], inc = timed(lambda: compile_site(project))
    results["incremental_files_written"] = inc.get("written")
    results["compile_share_of_mkdocs"] = round(results["compile_cold_seconds"] / build["mkdocs_seconds"], 3)
    site = project / "site"
    results["search_index_bytes"] = {
        "en": (site / "search/search_index.json").stat().st_size,
        **{lang: (site / lang / "search/search_index.json").stat().st_size
           for lang in results["languages"] if lang != "en"},
    }
    out = ROOT / "bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
