"""Turn authors' text into safe Markdown.

Authors may use Markdown, but never raw HTML: `<`, `>` and `&` are escaped so that tags show as text,
and `{` is escaped so that attribute-list syntax cannot add attributes (such as event handlers) to the
page. Text that fell back to English is marked with `lang="en"` so screen readers pronounce it right.
"""
from __future__ import annotations

import datetime
import html

from babel.dates import format_date
from babel.units import format_unit
from markupsafe import Markup


def escape_md(text: str) -> str:
    return html.escape(str(text), quote=False).replace("{", "&#123;").replace("}", "&#125;")


def is_fallback(text) -> bool:
    return bool(getattr(text, "fallback", False))


def block(text, on_fallback=None) -> Markup:
    if text is None:
        return Markup("")
    body = escape_md(text).strip()
    if is_fallback(text):
        if on_fallback:
            on_fallback()
        return Markup(f'<div lang="en" markdown="1">\n\n{body}\n\n</div>')
    return Markup(body)


def inline(text, on_fallback=None) -> Markup:
    if text is None:
        return Markup("")
    body = " ".join(escape_md(text).split())
    if is_fallback(text):
        if on_fallback:
            on_fallback()
        return Markup(f'<span lang="en">{body}</span>')
    return Markup(body)


def cell(text, on_fallback=None) -> Markup:
    """Inline text that is safe inside a Markdown table cell."""
    return Markup(str(inline(text, on_fallback)).replace("|", "\\|"))


def attr(text) -> Markup:
    """A value for an HTML attribute written by the templates (ids, data-filter values)."""
    return Markup(html.escape(str(text), quote=True))


def babel_locale(lang: str) -> str:
    """Our English is British English, so dates read "23 November 2026"."""
    return "en_GB" if lang == "en" else lang


def human_size(count: int, lang: str = "en") -> str:
    """A file size as readers of the language expect it next to a download link ("1 234 ko" in French)."""
    locale = babel_locale(lang)
    if count >= 1024:
        return format_unit(round(count / 1024), "digital-kilobyte", length="short", locale=locale)
    return format_unit(count, "digital-byte", length="short", locale=locale)


def local_date(iso: str, lang: str = "en") -> str:
    """An ISO date (2026-11-23) written out the way the language writes dates."""
    try:
        day = datetime.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    return format_date(day, format="long", locale=babel_locale(lang))
