"""`python -m mentorkb.check`: validate all content and print every problem (for authors and CI)."""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import AuthorError
from .loader import load


def main(argv=None) -> int:
    root = Path(argv[0] if argv else ".")
    try:
        model = load(root)
    except AuthorError as err:
        print(err, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(model, k))} {k}" for k in
                       ("stages", "topics", "criteria", "cases", "tools", "terms", "works", "documents"))
    print(f"Content is valid: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
