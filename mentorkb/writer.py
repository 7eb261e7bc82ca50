"""Write a generated tree so that a rebuild touches only what changed.

Unchanged files keep their modification time (MkDocs' live reload and any later step see no change), and
files that the current content no longer produces are removed, so a deleted case leaves no stale page.
"""
from __future__ import annotations

import hashlib
from pathlib import Path


class TreeWriter:
    def __init__(self, root: Path, routes: dict[str, Path] | None = None):
        """`routes` sends paths whose first folder is a key to another root, e.g. downloads/ elsewhere."""
        self.root = Path(root)
        self.routes = {name: Path(base) for name, base in (routes or {}).items()}
        self.produced: set[Path] = set()
        self.written = 0
        self.unchanged = 0

    def write(self, rel: str, data: str | bytes) -> dict:
        """Write one file; return its size and sha256 for the download manifest."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = self.path(rel)
        self.produced.add(path)
        if path.is_file() and path.stat().st_size == len(raw) and path.read_bytes() == raw:
            self.unchanged += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_bytes(raw)
            tmp.replace(path)
            self.written += 1
        return {"bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}

    def path(self, rel: str) -> Path:
        top = rel.split("/", 1)[0]
        return (self.routes[top] if top in self.routes else self.root) / rel

    def copy_tree(self, source: Path, rel: str) -> None:
        if not source.is_dir():
            return
        for path in sorted(source.rglob("*")):
            if path.is_file():
                self.write(f"{rel}/{path.relative_to(source).as_posix()}", path.read_bytes())

    def finish(self) -> dict:
        removed = 0
        for root in {self.root, *self.routes.values()}:
            if not root.is_dir():
                continue
            for path in sorted(root.rglob("*"), reverse=True):
                if path.is_file() and path not in self.produced:
                    path.unlink()
                    removed += 1
                elif path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
        return {"written": self.written, "unchanged": self.unchanged, "removed": removed}
