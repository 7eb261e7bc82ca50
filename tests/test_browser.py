"""The built site in real Chromium (Debian's package): privacy, per-language search, filters."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from urllib.parse import urlsplit

import pytest

from conftest import REPO
from mentorkb.siteconfig import languages

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
    pytest.skip("Chromium is not installed (make install adds it)", allow_module_level=True)

pytestmark = pytest.mark.browser


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


PAGES = ["", "stages/matching/", "criteria/", "cases/", "cases/leuven-buddywerking/", "tools/",
         "tools/matching-worksheet/", "glossary/", "sources/", "about/", "nl/", "nl/stages/matching/",
         "nl/criteria/", "checker/", "nl/checker/"]


def test_pages_request_nothing_from_other_hosts_and_set_no_cookies(server, browser):
    context = browser.new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in PAGES:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # opening search loads the index and the search worker
    page.wait_for_timeout(300)
    hosts = {urlsplit(url).netloc for url in requested if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(server).netloc}
    assert context.cookies() == []
    context.close()


def search(page, query):
    page.keyboard.press("/")  # Material's shortcut that opens search, as a keyboard user would
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return [a.get_attribute("href") for a in page.query_selector_all(".md-search-result__item > a")]


def test_search_returns_only_pages_of_the_readers_language(server, browser):
    page = browser.new_page()
    page.goto(server + "stages/matching/")
    english = search(page, "matching")
    assert english and not any("/nl/" in href for href in english)
    page.goto(server + "nl/stages/matching/")
    dutch = search(page, "matching")
    assert dutch and all("/nl/" in href for href in dutch)
    page.close()


def shown_after_filter(page, url, filter_key, value, items, id_of="e.id"):
    """Choose a filter value and return the ids of the items left visible."""
    page.goto(url)
    page.select_option(f"select[data-filter={filter_key}]", value)
    return page.eval_on_selector_all(items, f"els => els.filter(e => !e.hidden).map(e => {id_of})")


def test_criteria_filter_shows_only_the_chosen_stage_and_announces_the_count(server, browser):
    page = browser.new_page()
    visible = shown_after_filter(page, server + "criteria/", "stage", "matching", ".kb-criterion")
    assert visible == ["mc-07", "mc-08", "mc-09", "mc-10", "ec-01"]
    assert page.inner_text(".kb-count") == "5 of 21 shown"
    page.select_option("select[data-filter=level]", "enhancement")
    assert page.inner_text(".kb-count") == "1 of 21 shown"
    page.close()


def test_case_library_filters_by_country(server, browser):
    page = browser.new_page()
    visible = shown_after_filter(page, server + "cases/", "country", "ES", ".kb-case",
                                 "e.querySelector('h3').id")
    assert sorted(visible) == ["afev-spain", "punt-de-referencia"]
    page.close()


def test_offline_copy_works_from_disk_with_search(built_site, browser, tmp_path):
    import zipfile

    manifest = __import__("json").loads((built_site / "downloads" / "manifest.json").read_text())
    zips = {f["lang"]: f for f in manifest["files"] if f["kind"] == "offline"}
    assert set(zips) == {l.code for l in languages(REPO)}
    for lang, entry in zips.items():
        folder = tmp_path / lang
        zipfile.ZipFile(built_site / entry["path"]).extractall(folder)
        start = folder / "mentoring-newcomers" / ("index.html" if lang == "en" else f"{lang}/index.html")
        context = browser.new_context()
        requested = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.goto(start.as_uri())
        page.click("a[href*='stages/']")
        page.wait_for_load_state("load")
        assert "stages/" in page.url and page.url.endswith(".html")
        hits = search(page, "matching")
        assert hits and all(h.startswith("file:") for h in hits)
        assert all(("/nl/" in h) == (lang == "nl") for h in hits)
        assert all(url.startswith(("file:", "data:", "blob:")) for url in requested), requested
        # The checker works from disk too, and keeps its answers across a reload.
        checker = folder / "mentoring-newcomers" / ("checker.html" if lang == "en" else f"{lang}/checker.html")
        page.goto(checker.as_uri())
        first = page.eval_on_selector("fieldset.kb-check", "s => s.dataset.id")
        page.check(f"input[name='answer-{first}'][value='partly']")
        page.reload()
        assert page.is_checked(f"input[name='answer-{first}'][value='partly']")
        assert first in page.inner_text("#kb-plan")
        context.close()
