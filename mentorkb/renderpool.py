"""One pool of worker processes for every document a build lays out: handbooks, cards and tools.

Laying out is CPU-bound and each document is independent, so they run on all cores. They share one
pool, submitted longest first, so that the many small tool documents fill the time the few long
handbooks leave on the other cores (two separate pools each ended with one core idle). Nothing is
started while every document comes from the cache.
"""
from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable


class RenderPool:
    def __init__(self, workers: int | None = None):
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, fn: Callable, *args) -> Future:
        if self.workers == 1:
            # On one core a process pool only adds copying; render in place instead.
            future: Future = Future()
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # handed on to whoever asks for the result
                future.set_exception(exc)
            return future
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> "RenderPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["RenderPool"]
