"""HTML to tagged PDF (PDF/UA-1) through WeasyPrint, shared by the handbook, the cards and the tools."""
from __future__ import annotations


def html_to_pdf(html: str, **options) -> bytes:
    """A PDF/UA-1 document with the document's own metadata; `options` go to WeasyPrint's write_pdf."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True, **options)
