"""Read a built site as a browser would: links, anchors, and what each page asks other hosts for."""
from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []  # what the browser fetches by itself
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "name" in attrs:
            self.ids.add(attrs["name"])
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "audio", "video", "source") and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("alternate", "canonical"):
            self.resources.append(attrs["href"])


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_external(url: str) -> bool:
    return bool(re.match(r"^([a-z][a-z0-9+.-]*:|//)", url, re.I))


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else \
        page.relative_to(site).as_posix()
    path = site / target
    if path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


def broken_links(site: Path) -> list[str]:
    # 404.html uses root-absolute links on purpose: it is served for any missing address.
    pages = {p: parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, parsed in pages.items():
        if page.name == "404.html":
            continue
        for href in parsed.links:
            if is_external(href) or href.startswith("mailto:"):
                continue
            target, fragment = resolve(site, page, href)
            where = f"{page.relative_to(site)} -> {href}"
            if not target.is_file():
                problems.append(f"{where}: no such file")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    problems.append(f"{where}: no anchor #{fragment}")
    return problems


def third_party_requests(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        for url in parse(page).resources:
            if is_external(url):
                found.append(f"{page.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text(encoding="utf-8")):
            found.append(f"{css.relative_to(site)}: {url}")
        for url in re.findall(r"@import\s+['\"]((?:https?:)?//[^'\"]+)", css.read_text(encoding="utf-8")):
            found.append(f"{css.relative_to(site)}: {url}")
    return found
