"""Turn authors' text into safe Markdown.

Authors may use Markdown, but never raw HTML: `<`, `>` and `&` are escaped so that tags show as text,
and `{` is escaped so that attribute-list syntax cannot add attributes (such as event handlers) to the
page. Text that fell back to English is marked with `lang="en"` so screen readers pronounce it right.
"""
from __future__ import annotations

import html

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


def human_size(count: int) -> str:
    """A file size as readers expect it next to a download link."""
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"
