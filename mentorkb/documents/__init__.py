"""Downloadable documents (DOCX, ODT, fillable PDF) built from the validated model.

`blocks.py` turns one tool into a neutral list of blocks (headings, paragraphs, fields, check items,
tables, boxes) in one language; each writer (`docx_writer`, `odt_writer`, `pdf_writer`) only lays those
blocks out in its format. So the text exists once, and every format says the same thing.
"""
