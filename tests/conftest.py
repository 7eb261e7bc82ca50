"""Shared fixtures: the repository, a small valid content tree, and built sites."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
SITE_FILES = ("mkdocs.yml", "docs", "locales")


def make_site_root(tmp: Path, content: Path = MINI) -> Path:
    """A buildable project root: our mkdocs.yml, docs/ and code, with the given content."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp / name)
        elif source.is_file():
            shutil.copy(source, tmp / name)
    (tmp / "locales").mkdir(exist_ok=True)
    (tmp / "mentorkb").symlink_to(REPO / "mentorkb")
    shutil.copytree(content, tmp, dirs_exist_ok=True)
    return tmp


@pytest.fixture()
def mini_root(tmp_path) -> Path:
    return make_site_root(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real knowledge base, built once for the whole test session (English and Dutch)."""
    from mentorkb.sitebuild import build_site

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    stats = build_site(REPO, site="build/test-site")
    return Path(stats["site"])
