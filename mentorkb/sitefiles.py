"""Copy a tree of generated files into a site folder, skipping files that are already there unchanged.

Downloads and open data are some 70 MB; a rebuild while previewing should not copy them again. They
are copied, not hard-linked: later steps rewrite files in the site (the manifest gains the offline
copies), and a link would carry that change back into the build folder.
"""
from __future__ import annotations

import shutil
from pathlib import Path


def sync_tree(source: Path, target: Path) -> int:
    """Make every file of `source` present in `target` (same relative path); return how many were placed."""
    placed = 0
    if not source.is_dir():
        return placed
    for path in source.rglob("*"):
        if not path.is_file():
            continue
        dest = target / path.relative_to(source)
        stat = path.stat()
        if dest.is_file():
            current = dest.stat()
            if current.st_size == stat.st_size and current.st_mtime_ns == stat.st_mtime_ns:
                continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)  # keeps the time stamp, which the check above compares
        placed += 1
    return placed


__all__ = ["sync_tree"]
