"""Build every tool document in every language, reusing unchanged ones and using both cores."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Callable

from ..renderpool import RenderPool
from .blocks import Document

HERE = Path(__file__).parent
FORMATS = ("pdf", "docx", "odt")


def _writer(fmt: str):
    if fmt == "pdf":
        from .pdf_writer import write_pdf
        return write_pdf
    if fmt == "docx":
        from .docx_writer import write_docx
        return write_docx
    from .odt_writer import write_odt
    return write_odt


def _render(job: tuple[Document, str]) -> bytes:
    doc, fmt = job
    return _writer(fmt)(doc)


def _code_hash() -> str:
    """Documents depend on their content and on the code and styles that lay them out."""
    digest = hashlib.sha256()
    for path in sorted(HERE.iterdir()):
        if path.suffix in (".py", ".j2", ".css"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def start_documents(docs: list[Document], cache_dir: Path, pool: RenderPool) -> Callable[[], dict]:
    """Submit the documents not in the cache to `pool`; the returned function waits for them.

    It returns {(lang, tool id, format): bytes}. A document whose content hash is cached is not
    rendered again.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    code = _code_hash()
    results: dict = {}
    todo: list = []
    for doc in docs:
        key = hashlib.sha256((code + json.dumps(dataclasses.asdict(doc), sort_keys=True, default=str))
                             .encode()).hexdigest()[:24]
        for fmt in FORMATS:
            cached = cache_dir / f"{key}.{fmt}"
            if cached.is_file():
                results[(doc.lang, doc.id, fmt)] = cached.read_bytes()
            else:
                todo.append((doc, fmt, cached))
    # PDFs take WeasyPrint many times longer than DOCX or ODT: start them first.
    todo.sort(key=lambda item: item[1] != "pdf")
    futures = [pool.submit(_render, (doc, fmt)) for doc, fmt, _ in todo]

    def finish() -> dict:
        for (doc, fmt, cached), future in zip(todo, futures):
            data = future.result()
            cached.write_bytes(data)
            results[(doc.lang, doc.id, fmt)] = data
        return results

    return finish
