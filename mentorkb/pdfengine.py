"""HTML to tagged PDF (PDF/UA-1) through WeasyPrint, shared by the handbook, the cards and the tools."""
from __future__ import annotations


# Every PDF we make is tagged PDF/UA-1 and carries the document's own metadata. WeasyPrint reads these
# options both when it lays out (the variant turns tagging on) and when it writes.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "custom_metadata": True}


def html_to_pdf(html: str, **options) -> bytes:
    """A tagged PDF of `html`; `options` (e.g. pdf_forms) go to WeasyPrint as well."""
    return document_to_pdf(lay_out(html, **options), **options)


def lay_out(html: str, **options):
    """The laid-out pages (a WeasyPrint Document), to write whole or in parts with document_to_pdf."""
    from weasyprint import HTML

    return HTML(string=html).render(**PDF_OPTIONS, **options)


def document_to_pdf(document, **options) -> bytes:
    _reuse_page_references()
    return document.write_pdf(**PDF_OPTIONS, **options)


def _reuse_page_references() -> None:
    """Make pydyf's `PDF.page_references` build its list once per page added, not once per use.

    WeasyPrint's PDF/UA tagging asks for the references of all pages for every tagged element, and
    pydyf (0.13) rebuilds the whole list each time: for the 278-page handbook that is about 9 million
    small strings, 1.5 s of its 30. The list only grows through `add_page`, so its length says whether
    it is still current. The result is the same tuple; tests/test_pdfengine.py compares the two.
    """
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if not isinstance(original, property) or getattr(original.fget, "reused", False):
        return  # already installed, or a pydyf that no longer has this property: leave it alone

    def page_references(pdf):
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids), kids[-3] if kids else None)
        cached = pdf.__dict__.get("_mentorkb_page_references")
        if cached is None or cached[0] != key:
            cached = (key, original.fget(pdf))
            pdf.__dict__["_mentorkb_page_references"] = cached
        return cached[1]

    page_references.reused = True
    page_references.original = original.fget
    pydyf.PDF.page_references = property(page_references)
