"""Lay out the handbook and case cards of every language as tagged PDFs, reusing unchanged ones.

A PDF is cached under the hash of its HTML (which includes the styles) and of this package's code, so
an edit elsewhere in the content re-renders only what shows it, and a rebuild with no change is instant.
"""
from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..i18n import Catalogue
from ..model import Model
from ..pdfengine import document_to_pdf, lay_out
from ..renderpool import RenderPool
from ..vocab import N_
from .book import BookInfo, BookRender

HERE = Path(__file__).parent
BOOK_TITLE = N_("Mentoring newcomers: the handbook")
CARDS_TITLE = N_("Case cards for trainers")


@dataclass
class BookJob:
    id: str  # handbook, cards, cards-<stage>
    kind: str  # handbook | cards
    lang: str
    path: str  # where it goes in the site
    title: str
    inputs: str  # a fingerprint of everything the document shows, to reuse an earlier PDF
    make_html: Callable[[], str] | None
    # A stage's cards are pages of the language's full set of cards: they are written from its layout
    # (subset_of is that job's id) instead of being laid out again.
    subset_of: str | None = None
    case_ids: tuple[str, ...] = ()


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(HERE.iterdir()):
        if path.suffix in (".py", ".j2", ".css"):
            digest.update(path.read_bytes())
    import weasyprint
    digest.update(weasyprint.__version__.encode())
    return digest.hexdigest()


def content_date() -> str:
    """The date printed in the colophon: the day the content was last built, stable within a day."""
    return os.environ.get("MENTORKB_DATE") or datetime.date.today().isoformat()


def book_jobs(models: dict[str, Model], source: Model, catalogues: dict[str, Catalogue], version: str,
              date: str, site_url: str = "") -> list[BookJob]:
    """The handbook, the cards of all cases and the cards of each stage, in every language.

    Their HTML is only made when needed (see start_books); the fingerprint stands in for it.
    """
    jobs = []
    code = _code_hash()
    for lang, model in models.items():
        ui = catalogues[lang].ui
        info = BookInfo(str(ui(BOOK_TITLE)), version, date, site_url)
        render = BookRender(model, source, catalogues[lang], info)
        base = "\n".join([code, lang, version, date, site_url, _catalogue_digest(catalogues[lang])])
        cards_title = str(ui(CARDS_TITLE))
        jobs.append(BookJob("handbook", "handbook", lang, handbook_path(lang), info.title,
                            base + "\nhandbook", render.handbook_html))
        jobs.append(BookJob("cards", "cards", lang, f"downloads/{lang}/case-cards-{lang}.pdf", cards_title,
                            base + "\ncards", functools.partial(render.cards_html, list(model.cases), cards_title)))
        for stage in model.stages.values():
            cases = model.cases_by_stage[stage.id]
            if cases:
                jobs.append(BookJob(f"cards-{stage.id}", "cards", lang, f"downloads/{lang}/cards/{stage.id}.pdf",
                                    f"{cards_title}: {stage.title}", base + f"\ncards-{stage.id}", None,
                                    subset_of="cards", case_ids=tuple(cases)))
    return jobs


def _catalogue_digest(catalogue: Catalogue) -> str:
    return hashlib.sha256(repr(sorted(catalogue.entries.items())).encode()).hexdigest()


def handbook_path(lang: str) -> str:
    """Where the handbook of a language lies, from the site's root."""
    return f"downloads/{lang}/mentoring-newcomers-handbook-{lang}.pdf"


def write_pdf_and_parts(html: str, parts: list[tuple[str, tuple[str, ...]]]) -> list[bytes]:
    """The PDF of `html`, then for each (title, case ids) in `parts` a PDF of just those cases' cards.

    A card starts at the element with id "case-<id>" and runs to the next card, so a part holds whole
    cards, in the order of the full set. Laying out once and writing several times saves most of the
    work: writing is about a third of it.
    """
    document = lay_out(html)
    out = [document_to_pdf(document)]
    starts = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("case-"):
                starts.setdefault(anchor[len("case-"):], number)
    bounds = sorted(starts.values()) + [len(document.pages)]
    for title, case_ids in parts:
        numbers = sorted(n for case in case_ids
                         for n in range(starts[case], next(b for b in bounds if b > starts[case])))
        part = document.copy([document.pages[n] for n in numbers])
        part.metadata = copy.copy(document.metadata)
        part.metadata.title = title
        out.append(document_to_pdf(part))
    return out


def start_books(jobs: list[BookJob], cache_dir: Path, pool: RenderPool) -> Callable[[], dict]:
    """Submit the books not in the cache to `pool`, longest first; the returned function waits for them.

    It returns {(lang, job id): PDF bytes}, cached PDFs included.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    results, missing, used = {}, set(), set()
    # While an author previews with `make serve`, laying out a 250-page book after every save would
    # hold up the reload by a minute: the last book is kept instead, and `make build` renews it.
    previewing = os.environ.get("MENTORKB_PREVIEW") == "1"
    for job in jobs:
        cached, latest = _cache_files(job, cache_dir)
        used |= {cached.name, latest.name}
        if cached.is_file():
            results[(job.lang, job.id)] = cached.read_bytes()
        elif previewing and latest.is_file():
            results[(job.lang, job.id)] = latest.read_bytes()
        else:
            missing.add((job.lang, job.subset_of or job.id))
    # A job is laid out with the parts that come from its layout, even those still in the cache.
    todo = []
    for job in jobs:
        if job.subset_of is None and (job.lang, job.id) in missing:
            parts = [part for part in jobs if part.lang == job.lang and part.subset_of == job.id]
            todo.append(([job, *parts], job.make_html()))
    # The big handbooks first, so that the small documents fill the gaps on the other cores.
    todo.sort(key=lambda item: -len(item[1]))
    futures = [pool.submit(write_pdf_and_parts, html, [(part.title, part.case_ids) for part in group[1:]])
               for group, html in todo]

    def finish() -> dict:
        for (group, _), future in zip(todo, futures):
            for job, data in zip(group, future.result()):
                cached, latest = _cache_files(job, cache_dir)
                cached.write_bytes(data)
                latest.write_bytes(data)
                results[(job.lang, job.id)] = data
        # Books of earlier content are a few MB each: keep only what this build uses.
        for stale in cache_dir.glob("*.pdf"):
            if stale.name not in used:
                stale.unlink()
        return results

    return finish


def _cache_files(job: BookJob, cache_dir: Path) -> tuple[Path, Path]:
    """Where the job's PDF is kept under its fingerprint, and as the language's latest version."""
    key = hashlib.sha256(job.inputs.encode()).hexdigest()[:24]
    return cache_dir / f"{key}.pdf", cache_dir / f"latest-{job.lang}-{job.id}.pdf"
