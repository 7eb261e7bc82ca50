"""The compile step and the site build on a small content tree: safety, fallbacks, failed builds."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import polib
import pytest

from mentorkb.errors import AuthorError
from mentorkb.i18n import Message, page_blocks, update_catalogue
from mentorkb.sitebuild import build_site


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_html_and_script_in_content_never_reach_a_page_unescaped(mini_root):
    case = mini_root / "cases" / "leuven.yml"
    case.write_text(case.read_text().replace(
        "summary: A city buddy programme.",
        'summary: "<script>alert(1)</script> <img src=x onerror=alert(2)> Text{: onclick=alert(3)}"'))
    build_site(mini_root)
    page = (mini_root / "site" / "cases" / "leuven" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page and "onclick" not in page.replace("onclick=alert(3)", "")
    assert 'onclick="alert(3)"' not in page


def test_failed_build_leaves_the_previous_site_untouched(mini_root):
    build_site(mini_root)
    before = tree_hash(mini_root / "site")
    case = mini_root / "cases" / "leuven.yml"
    case.write_text(case.read_text().replace("country: BE", "country: Belgium"))
    with pytest.raises(AuthorError) as caught:
        build_site(mini_root)
    assert "cases/leuven.yml:6: country: expected a country code, found 'Belgium'" in str(caught.value)
    assert tree_hash(mini_root / "site") == before


@pytest.mark.parametrize("target", ["nowhere.md", "../downloads/en/tools/nowhere.pdf"])
def test_broken_link_in_a_hand_written_page_fails_the_build_and_keeps_the_site(mini_root, target):
    """Pages and downloads alike: downloads live outside MkDocs' docs_dir, yet a link to a missing one
    still fails the build."""
    from mentorkb.sitebuild import BuildFailed

    build_site(mini_root)
    before = tree_hash(mini_root / "site")
    page = mini_root / "docs" / "pages" / "about.md"
    page.write_text(page.read_text() + f"\n\nSee [something that does not exist]({target}).\n")
    with pytest.raises(BuildFailed):
        build_site(mini_root)
    assert tree_hash(mini_root / "site") == before


def test_a_link_to_a_download_works_and_the_download_is_copied_once(mini_root):
    from mentorkb.sitefiles import sync_tree

    page = mini_root / "docs" / "pages" / "about.md"
    page.write_text(page.read_text() + "\n\nPrint [the matching sheet](../downloads/en/tools/matching-sheet.pdf).\n")
    build_site(mini_root)
    about = (mini_root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/en/tools/matching-sheet.pdf"' in about
    built = mini_root / "build" / "files"
    assert (mini_root / "site" / "downloads" / "en" / "tools" / "matching-sheet.pdf").read_bytes() == \
        (built / "downloads" / "en" / "tools" / "matching-sheet.pdf").read_bytes()
    assert not (mini_root / "build" / "docs" / "downloads").exists()  # MkDocs does not walk them
    # A rebuild while previewing copies nothing again: every file is already there, unchanged.
    elsewhere = mini_root / "build" / "copy"
    assert sync_tree(built, elsewhere) == sum(1 for p in built.rglob("*") if p.is_file()) > 0
    assert sync_tree(built, elsewhere) == 0


def test_untranslated_text_falls_back_to_english_with_a_notice(mini_root):
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="stage:matching.title", msgid="Matching mentors and mentees",
                            msgstr="Mentors en mentees matchen"))
    po.append(polib.POEntry(msgctxt="ui", msgid="What research says", msgstr="Wat onderzoek zegt"))
    po.save(str(mini_root / "locales" / "nl.po"))
    build_site(mini_root)
    page = (mini_root / "site" / "nl" / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    assert ">Mentors en mentees matchen<a class=\"headerlink\"" in page
    assert "Wat onderzoek zegt" in page
    # The summary is not translated: shown in English, marked as English, and the page says so.
    assert '<div lang="en">\n<p>Pairing people who will get on.</p>' in page
    assert "Parts of this page are not translated yet and are shown in English." in page
    english = (mini_root / "site" / "stages" / "matching" / "index.html").read_text(encoding="utf-8")
    assert "not translated yet" not in english


def test_changed_english_marks_the_translation_fuzzy_and_keeps_it(tmp_path):
    path = tmp_path / "nl.po"
    update_catalogue(path, "nl", [Message("case:x:summary", "Old text"), Message("ui", "Stage")])
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = {"Old text": "Oude tekst", "Stage": "Fase"}[entry.msgid]
    po.save()
    stats = update_catalogue(path, "nl", [Message("case:x:summary", "New text"), Message("ui", "Stage")])
    assert stats == {"translated": 1, "fuzzy": 1, "untranslated": 0, "obsolete": 0}
    entry = polib.pofile(str(path)).find("New text", msgctxt="case:x:summary")
    assert entry.fuzzy and entry.msgstr == "Oude tekst" and entry.previous_msgid == "Old text"


def test_removed_strings_become_obsolete_not_lost(tmp_path):
    path = tmp_path / "nl.po"
    update_catalogue(path, "nl", [Message("ui", "Gone")])
    po = polib.pofile(str(path))
    po[0].msgstr = "Weg"
    po.save()
    stats = update_catalogue(path, "nl", [])
    assert stats["obsolete"] == 1
    assert [e.msgstr for e in polib.pofile(str(path)).obsolete_entries()] == ["Weg"]


def test_hand_written_pages_split_into_translatable_blocks():
    text = "# Title\n\nFirst paragraph\ncontinues.\n\n!!! note\n\n    Inside the note.\n\n- a\n- b\n"
    assert page_blocks(text) == ["# Title", "First paragraph\ncontinues.", "!!! note\n\n    Inside the note.",
                                 "- a\n- b"]


def test_a_preview_of_one_language_builds_it_and_the_default_only(mini_root, monkeypatch):
    """`make serve LANGS=nl`: MkDocs builds English (the site's root) and Dutch, nothing else."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from mentorkb.compile import compile_site
    from mentorkb.siteconfig import languages

    monkeypatch.setenv("MENTORKB_LANGS", "nl")
    compile_site(mini_root)
    preview = mini_root / "build" / "preview"
    mkdocs_build(load_config(str(mini_root / "mkdocs.yml"), site_dir=str(preview)))
    others = [l.code for l in languages(mini_root) if l.code not in ("en", "nl")]
    assert others and not any((preview / code).exists() for code in others)
    home = (preview / "nl" / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in home and (preview / "index.html").is_file()
    switcher = re.findall(r'hreflang="([a-z]+)"', home)
    assert set(switcher) == {"en", "nl"}
    assert (preview / "nl" / "search" / "search_index.json").is_file()
    assert not (mini_root / "build" / "docs" / others[0]).exists()
    # Without the setting every language is built again.
    monkeypatch.delenv("MENTORKB_LANGS")
    build_site(mini_root)
    assert all((mini_root / "site" / code / "index.html").is_file() for code in others)


def test_a_preview_of_an_unknown_language_is_refused_with_the_valid_codes(mini_root):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "mentorkb", "serve", "--langs", "nl,xx"], cwd=mini_root,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == "LANGS: expected site language codes, found xx; valid: en, nl, fr, de, es, el"


def test_an_offline_copy_that_fails_outside_mkdocs_still_keeps_the_last_site(mini_root, monkeypatch):
    """A full disk in the offline build's worker is reported as a failed build, not a traceback."""
    import mentorkb.sitebuild as sitebuild

    build_site(mini_root)
    before = tree_hash(mini_root / "site")

    def disk_full(root, site_dir):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitebuild, "build_offline", disk_full)  # the forked worker inherits it
    with pytest.raises(sitebuild.BuildFailed) as caught:
        build_site(mini_root)
    assert "the offline copy failed" in str(caught.value) and "No space left on device" in str(caught.value)
    assert tree_hash(mini_root / "site") == before
    assert not (mini_root / "build" / "site.new").exists()
