"""Give each language its own search index.

mkdocs-static-i18n (1.3) with Material writes one search index holding every language, so a Greek
reader would get English and Dutch hits and download every language's index. After the build we split
it: `search/search_index.json` keeps the default language, `<lang>/search/search_index.json` holds the
others, each with only its own stemmer. The theme override (docs/overrides/main.html) points the pages
of each language at their own index.
"""
from __future__ import annotations

import json
from pathlib import Path


def split_search_index(site_dir: Path, default: str, others: list[str]) -> dict[str, int]:
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return {}
    index = json.loads(path.read_text(encoding="utf-8"))
    buckets: dict[str, list] = {lang: [] for lang in [default, *others]}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next((l for l in others if location == l or location.startswith(l + "/")), default)
        if lang != default:
            doc = dict(doc, location=location[len(lang) + 1:] if location != lang else "")
        buckets[lang].append(doc)
    counts = {}
    for lang, docs in buckets.items():
        config = dict(index.get("config", {}), lang=[lang])
        target = path if lang == default else Path(site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        if (path.parent / "search_index.js").is_file():
            # The offline copy reads the index from a script, since browsers block fetch() from disk.
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
        counts[lang] = len(docs)
    return counts
