"""Command line: `python -m mentorkb <command>`. The Makefile wraps these for everyday use."""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from .errors import AuthorError
from .siteconfig import PREVIEW_LANGUAGES


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mentorkb", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate all content and list every problem")
    sub.add_parser("compile", help="compile content into build/docs (pages, open data, downloads)")
    build = sub.add_parser("build", help="check, compile and build the site into site/")
    build.add_argument("--site", default="site")
    serve = sub.add_parser("serve", help="build, then serve with live reload on http://127.0.0.1:8000")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    serve.add_argument("--langs", default="", help="preview only these languages (and English), e.g. nl,fr: "
                                                    "a save then shows in a few seconds")
    tr = sub.add_parser("translations", help="update locales/*.po from the English content and report coverage")
    tr.add_argument("--raise-floors", action="store_true",
                    help="raise each language's coverage_floor in locales/languages.yml to its coverage now")
    assess = sub.add_parser("assess", help="report on a self-assessment file exported from the checker")
    assess.add_argument("file", type=Path)
    assess.add_argument("--earlier", type=Path, help="an earlier assessment, to show progress")
    assess.add_argument("--format", choices=["md", "html"], default="md")
    assess.add_argument("-o", "--output", type=Path, help="write here instead of the screen")
    sector = sub.add_parser("sector", help="anonymous overview of many programmes' assessment files")
    sector.add_argument("paths", nargs="+", type=Path, help="files, or folders of .json files")
    sector.add_argument("--format", choices=["md", "html"], default="md")
    sector.add_argument("-o", "--output", type=Path)
    new = sub.add_parser("new", help="write a skeleton content file, e.g. `new case my-programme`")
    new.add_argument("kind", choices=["stage", "topic", "case", "tool"])
    new.add_argument("id")
    args = parser.parse_args(argv)
    root = Path.cwd()
    try:
        if args.command == "check":
            from .check import main as check
            return check([str(root)])
        if args.command == "compile":
            from .compile import compile_site
            print(json.dumps(compile_site(root, force=True)))
            return 0
        if args.command in ("build", "compile"):
            # A preview's choice of languages never leaks into a real build.
            os.environ.pop(PREVIEW_LANGUAGES, None)
        if args.command == "build":
            from .sitebuild import BuildFailed, build_site
            try:
                stats = build_site(root, args.site)
            except BuildFailed as exc:
                print(exc, file=sys.stderr)
                print("The previous site/ was left as it was.", file=sys.stderr)
                return 1
            print(f"Built {args.site}/ in {stats['compile_seconds'] + stats['mkdocs_seconds']:.1f} s "
                  f"(compile {stats['compile_seconds']:.2f} s, MkDocs {stats['mkdocs_seconds']:.1f} s).")
            return 0
        if args.command == "serve":
            from .compile import compile_site
            from .siteconfig import preview_codes
            os.environ[PREVIEW_LANGUAGES] = args.langs
            try:
                preview_codes(root)
            except ValueError as err:
                print(err, file=sys.stderr)
                return 2
            compile_site(root)
            env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MENTORKB_PREVIEW="1")
            return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--no-strict",
                                    "-a", args.addr], env=env)
        if args.command == "new":
            from .scaffold import new_item
            try:
                path = new_item(root, args.kind, args.id)
            except FileExistsError as exc:
                print(exc, file=sys.stderr)
                return 1
            print(f"Wrote {path.relative_to(root)}: fill it in, then run `make check`.")
            return 0
        if args.command in ("assess", "sector"):
            return _report(root, args)
        if args.command == "translations":
            from .translations import main as translations
            return translations(root, raise_floors=args.raise_floors)
    except AuthorError as err:
        print(err, file=sys.stderr)
        print("Nothing was built; the previous site/ was left as it was.", file=sys.stderr)
        return 1
    return 2


def _report(root: Path, args) -> int:
    from .checker.report import assessment_report, sector_report, to_html
    from .checker.scoring import ImportProblem
    from .loader import load

    model = load(root)
    try:
        if args.command == "assess":
            text = assessment_report(model, args.file, args.earlier)
        else:
            files = [f for p in args.paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
            text = sector_report(model, files)
    except (ImportProblem, OSError) as exc:
        print(f"Cannot read the assessment: {exc}", file=sys.stderr)
        return 1
    if args.format == "html":
        text = to_html(text, text.splitlines()[0].lstrip("# "))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
