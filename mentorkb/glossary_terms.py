"""Mark glossary terms in a rendered page, so each term explains itself where it is first used.

The first use of each term in the page's text becomes `<abbr title="definition" tabindex="0">`: the
definition shows on hover and on keyboard focus (Material's tooltips) and is read by screen readers.
Only the first use is marked, so pages stay light and the tab order short. Text inside links, headings,
code and form controls is left alone.
"""
from __future__ import annotations

import html
import re

SKIP = {"a", "abbr", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
        "button", "select", "option", "label", "textarea", "summary", "svg", "title"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


ALTERNATIVE_ENDING = re.compile(r"^(?P<stem>[^/]+)/(?P<ending>-?\w{1,5})$")
ASIDE = re.compile(r"\s*\([^)]*\)")


def word_forms(word: str, lang: str) -> list[str]:
    """The forms of a glossary term or alias to look for in running text.

    A term written for both genders is looked for as written and as each word: "coordinador/a" also as
    "coordinador" and "coordinadora", "Mentor/in" as "Mentor" and "Mentorin"; where the second part
    replaces the ending ("καθοδηγούμενος/-η"), the first word is looked for. A note in brackets
    ("ομάδα ομότιμης μάθησης (intervision)") is left out. English adds plurals; each form also starts
    with a capital.
    """
    forms = [word]
    plain = ASIDE.sub("", word).strip()
    if plain and plain != word:
        forms.append(plain)
    both = ALTERNATIVE_ENDING.match(plain)
    if both:
        stem, ending = both.group("stem"), both.group("ending")
        forms.append(stem)
        if not ending.startswith("-"):
            forms.append(stem + ending)
    if lang == "en":
        forms += [form + "s" for form in list(forms) if not form.endswith("s")]
    forms += [form[:1].upper() + form[1:] for form in list(forms)]
    return list(dict.fromkeys(forms))


def compile_forms(forms: list[tuple[str, str, str]]):
    """One regular expression for all word forms, longest first so 'social mentoring' wins."""
    lookup = {form: (term_id, definition) for form, term_id, definition in forms if form}
    if not lookup:
        return None, lookup
    alternatives = sorted(lookup, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")
    return pattern, lookup


def mark_terms(page_html: str, pattern, lookup) -> str:
    if pattern is None:
        return page_html
    used: set[str] = set()
    skipping: list[str] = []
    out = []
    for part in TAG.split(page_html):
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if match:
                closing, name = match.group(1), match.group(2).lower()
                if name in SKIP and not part.endswith("/>"):
                    if closing:
                        if name in skipping:
                            del skipping[len(skipping) - 1 - skipping[::-1].index(name)]
                    else:
                        skipping.append(name)
            out.append(part)
            continue
        if skipping or not part.strip():
            out.append(part)
            continue

        def wrap(found):
            term_id, definition = lookup[found.group(1)]
            if term_id in used:
                return found.group(0)
            used.add(term_id)
            return (f'<abbr class="kb-term" title="{html.escape(definition, quote=True)}" tabindex="0">'
                    f"{found.group(1)}</abbr>")

        out.append(pattern.sub(wrap, part))
    return "".join(out)
