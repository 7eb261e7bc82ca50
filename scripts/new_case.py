#!/usr/bin/env python3
"""Write a skeleton case file: `scripts/new_case.py my-programme` (same as `python -m mentorkb new case`)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from mentorkb.__main__ import main  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/new_case.py CASE_ID")
    sys.exit(main(["new", "case", sys.argv[1]]))
