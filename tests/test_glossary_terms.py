"""Which word forms of a glossary term are looked for in running text, and how a page marks them."""
from __future__ import annotations

import pytest

from mentorkb.glossary_terms import compile_forms, mark_terms, word_forms


@pytest.mark.parametrize("word, lang, expected", [
    ("mentor", "en", ["mentor", "mentors", "Mentor", "Mentors"]),
    ("buddies", "en", ["buddies", "Buddies"]),
    ("coordinador/a", "es", ["coordinador/a", "coordinador", "coordinadora",
                             "Coordinador/a", "Coordinador", "Coordinadora"]),
    ("Mentor/in", "de", ["Mentor/in", "Mentor", "Mentorin"]),
    ("καθοδηγούμενος/-η", "el", ["καθοδηγούμενος/-η", "καθοδηγούμενος", "Καθοδηγούμενος/-η", "Καθοδηγούμενος"]),
    ("ομάδα ομότιμης μάθησης (intervision)", "el",
     ["ομάδα ομότιμης μάθησης (intervision)", "ομάδα ομότιμης μάθησης",
      "Ομάδα ομότιμης μάθησης (intervision)", "Ομάδα ομότιμης μάθησης"]),
    ("and/or more words/here", "fr", ["and/or more words/here", "And/or more words/here"]),
])
def test_word_forms(word, lang, expected):
    assert word_forms(word, lang) == expected


def test_a_gendered_spanish_term_is_explained_where_either_form_is_first_used():
    pattern, lookup = compile_forms([(form, "mentor", "Persona que acompaña.")
                                     for form in word_forms("mentor/a", "es")])
    page = "<p>La mentora y el mentor se reúnen.</p><p>Otra mentora.</p>"
    marked = mark_terms(page, pattern, lookup)
    assert marked.count("<abbr") == 1
    assert '<abbr class="kb-term" title="Persona que acompaña." tabindex="0">mentora</abbr> y el mentor' in marked
