#!/usr/bin/env python3
"""`make bench`: measure the compile step and the whole build; write bench/results.json.

Numbers are measurements, not test assertions: compare them between commits.
"""
from __future__ import annotations

import gzip
import json
import os
import re
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


def calibration_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this machine is right now.

    A shared virtual machine can run a third slower from one hour to the next. Compare two results
    files through this number before reading a change in the others as a change of the code.
    """
    started = time.process_time()
    total = 0
    for number in range(20_000_000):
        total += number
    return round(time.process_time() - started, 3)


def first_visit_bytes(site: Path, page: str, lang: str) -> int:
    """Compressed bytes a first visit transfers: the page, its CSS and scripts, and the search index."""
    html = (site / page).read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode()))
    base = (site / page).parent
    for ref in re.findall(r'(?:src|href)="([^"#?]+\.(?:js|css))"', html):
        path = (base / ref).resolve()
        if path.is_file():
            total += len(gzip.compress(path.read_bytes()))
    index = site / ("" if lang == "en" else lang) / "search" / "search_index.json"
    return total + len(gzip.compress(index.read_bytes()))


def checker_ready_ms(site: Path) -> float | None:
    """Milliseconds from navigation start until the checker has filled in its results (Chromium)."""
    import functools
    import http.server
    import threading

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                                 args=["--no-sandbox", "--disable-background-networking"])
            page = browser.new_page()
            times = []
            for _ in range(3):
                page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/checker/")
                page.wait_for_function("() => document.querySelector('#kb-results').textContent.length > 0")
                times.append(page.evaluate("() => performance.now()"))
            browser.close()
        return round(min(times), 1)
    finally:
        httpd.shutdown()


def preview_rebuild(project: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    compile_site(project)
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "build" / "preview")))


def downloads_cold(project: Path) -> float:
    shutil.rmtree(project / "build" / "cache", ignore_errors=True)
    seconds, _ = timed(lambda: compile_site(project, force=True))
    return seconds


def handbook_times(project: Path, model) -> dict:
    """Seconds to lay out each language's handbook and case cards, one core each, HTML included."""
    from mentorkb.handbook.build import book_jobs, content_date, write_pdf_and_parts
    from mentorkb.i18n import load_catalogue, translate_model

    out = {}
    from mentorkb.siteconfig import languages

    for lang in [language.code for language in languages(project)]:
        catalogue = load_catalogue(project, lang)
        jobs = book_jobs({lang: translate_model(model, catalogue)}, model, {lang: catalogue}, model.version,
                         content_date())
        for job in [j for j in jobs if j.subset_of is None]:  # the handbook; the cards, all and by stage
            parts = [(j.title, j.case_ids) for j in jobs if j.subset_of == job.id]
            seconds, data = timed(lambda: write_pdf_and_parts(job.make_html(), parts))
            out.setdefault(job.id, {})[lang] = {"seconds": seconds, "bytes": len(data[0]), "parts": len(parts)}
    return out


def scaling(project: Path) -> dict:
    """Compile time with the cases multiplied synthetically (documents cached, as in a rebuild).

    The handbook and cards keep their last version here (as while previewing): laying out a book of
    320 cases would measure WeasyPrint, which `handbook` above measures on the real content.
    """
    os.environ["MENTORKB_PREVIEW"] = "1"
    out = {"1x": timed(lambda: compile_site(project, force=True))[0]}
    originals = sorted((project / "cases").glob("*.yml"))
    made = []
    for factor in (4, 16):
        for copy in range(len(made) // max(len(originals), 1) + 1, factor):
            for path in originals:
                new_id = f"{path.stem}-copy{copy}"
                text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: {new_id}", 1)
                target = project / "cases" / f"{new_id}.yml"
                target.write_text(text, encoding="utf-8")
                made.append(target)
        out[f"{factor}x"] = timed(lambda: compile_site(project, force=True))[0]
    for path in made:
        path.unlink()
    del os.environ["MENTORKB_PREVIEW"]
    return out


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="mentorkb-bench-"))
    project = work / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "build", "site", ".git", "bench"))
    results: dict = {"python": platform.python_version(), "cpus": os.cpu_count(),
                     "calibration_loop_seconds": calibration_seconds()}
    results["load_seconds"], model = timed(lambda: load(project))
    results["compile_cold_seconds"], stats = timed(lambda: compile_site(project, force=True))
    results["pages_per_language"] = sum(1 for p in (project / "build/docs/en").rglob("*.md"))
    results["languages"] = stats["languages"]
    shutil.rmtree(project / "build", ignore_errors=True)  # nothing cached: as on a fresh clone
    results["full_build_seconds"], build = timed(lambda: build_site(project))
    results["mkdocs_seconds"] = build["mkdocs_seconds"]
    results["full_build_compile_seconds"] = build["compile_seconds"]
    # The same build again with nothing changed: every document comes from the cache.
    results["unchanged_rebuild_seconds"], _ = timed(lambda: build_site(project))
    case = project / "cases" / "leuven-buddywerking.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("summary: |", "summary: |\n  Edited.", 1),
                    encoding="utf-8")
    # As while previewing (`make serve`): pages, data and tool documents are redone, the handbook and
    # cards keep their last version until the next `make build`.
    os.environ["MENTORKB_PREVIEW"] = "1"
    results["incremental_compile_seconds"], inc = timed(lambda: compile_site(project))
    results["incremental_files_written"] = inc.get("written")
    # What a preview shows after a save: the pages compiled again and MkDocs' build of every language.
    case.write_text(case.read_text(encoding="utf-8").replace("Edited.", "Edited twice.", 1), encoding="utf-8")
    results["incremental_site_seconds"], _ = timed(lambda: preview_rebuild(project))
    # The same with `make serve LANGS=en`: MkDocs builds one language. The first build of such a
    # preview (when the server starts) is not counted, only the rebuild after a save.
    os.environ["MENTORKB_LANGS"] = "en"
    preview_rebuild(project)
    case.write_text(case.read_text(encoding="utf-8").replace("Edited twice.", "Edited thrice.", 1), encoding="utf-8")
    results["incremental_site_one_language_seconds"], _ = timed(lambda: preview_rebuild(project))
    del os.environ["MENTORKB_LANGS"]
    del os.environ["MENTORKB_PREVIEW"]
    case.write_text(case.read_text(encoding="utf-8").replace("Edited thrice.", "Edited again.", 1), encoding="utf-8")
    results["incremental_compile_with_books_seconds"], _ = timed(lambda: compile_site(project))
    # The compile step proper (YAML to pages, every language), documents all cached, as in a rebuild.
    compile_site(project, force=True)
    results["compile_pages_seconds"], _ = timed(lambda: compile_site(project, force=True))
    results["compile_share_of_mkdocs"] = round(results["compile_pages_seconds"] / build["mkdocs_seconds"], 3)
    site = project / "site"
    results["search_index_bytes"] = {
        "en": (site / "search/search_index.json").stat().st_size,
        **{lang: (site / lang / "search/search_index.json").stat().st_size
           for lang in results["languages"] if lang != "en"},
    }
    results["first_visit_gzip_bytes"] = {
        lang: first_visit_bytes(site, ("" if lang == "en" else f"{lang}/") + "index.html", lang)
        for lang in results["languages"]}
    results["checker_first_visit_gzip_bytes"] = first_visit_bytes(site, "checker/index.html", "en")
    results["checker_ready_ms"] = checker_ready_ms(site)
    results["downloads_cold_seconds"] = downloads_cold(project)
    results["handbook"] = handbook_times(project, model)
    results["scaling_compile_seconds"] = scaling(project)
    results["calibration_loop_seconds_at_end"] = calibration_seconds()
    out = ROOT / "bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
