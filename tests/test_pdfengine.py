"""The shared HTML-to-PDF step: the pydyf speed-up gives exactly what pydyf itself gives."""
from __future__ import annotations

import io

import pydyf
import pypdf

from mentorkb.pdfengine import _reuse_page_references, html_to_pdf


def test_reused_page_references_match_pydyfs_own_as_pages_are_added():
    _reuse_page_references()
    prop = pydyf.PDF.__dict__["page_references"]
    assert prop.fget.reused
    pdf = pydyf.PDF()
    seen = []
    for number in range(5):
        # Objects added between pages shift the numbers, as WeasyPrint's streams and fonts do.
        pdf.add_object(pydyf.Dictionary({}))
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        seen.append(pdf.page_references)
        assert pdf.page_references == prop.fget.original(pdf)
        assert len(pdf.page_references) == number + 1
    assert seen[-1][:3] == seen[2]


def test_installing_twice_keeps_one_layer():
    _reuse_page_references()
    first = pydyf.PDF.__dict__["page_references"]
    _reuse_page_references()
    assert pydyf.PDF.__dict__["page_references"] is first


def test_tagged_pdf_of_several_pages_links_each_tag_to_its_own_page():
    html = ('<html lang="en"><head><title>T</title></head><body>'
            + "".join(f'<h1 style="break-before: page">Part {n}</h1><p>Text {n}</p>' for n in range(4))
            + "</body></html>")
    reader = pypdf.PdfReader(io.BytesIO(html_to_pdf(html)))
    assert len(reader.pages) == 4
    page_ids = [page.indirect_reference.idnum for page in reader.pages]
    found = {}

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == "/H1":
                text = node.get("/Pg").idnum
                found[len(found)] = text
            for kid in node.get("/K", []) if isinstance(node.get("/K"), list) else [node.get("/K")]:
                if kid is not None and hasattr(kid, "get_object"):
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert [found[i] for i in sorted(found)] == page_ids
