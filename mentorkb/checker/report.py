"""Reports of the command line: one programme's assessment, and an anonymous overview of many.

`python -m mentorkb assess answers.json [--earlier old.json] [--format md|html]` and
`python -m mentorkb sector folder-or-files...` use the same scoring as the checker page.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Model
from ..vocab import LABELS
from .scoring import (ImportProblem, compare_progress, criteria_table, note_text, read_assessment, score,
                      sector_overview)


def _read(path: Path, criteria: list[dict]) -> tuple[dict, list[dict]]:
    try:
        return read_assessment(path.read_bytes(), criteria)
    except ImportProblem as problem:
        raise ImportProblem(problem.info["key"], **{k: v for k, v in problem.info.items() if k != "key"}) \
            from None


def assessment_report(model: Model, path: Path, earlier: Path | None = None) -> str:
    criteria = criteria_table(model)
    assessment, notes = _read(path, criteria)
    result = score(assessment, criteria)
    answers = assessment["answers"]
    lines = [f"# Self-assessment: {assessment['programme'] or path.stem}", ""]
    who = assessment["respondent"]
    if who["name"] or who["role"]:
        lines += [f"Answered by {who['name'] or 'a team member'}"
                  + (f" ({LABELS['role'][who['role']]})" if who["role"] else "") + ".", ""]
    if assessment["content_version"] and assessment["content_version"] != model.version:
        lines += [f"Made with content version {assessment['content_version']}; this report uses "
                  f"{model.version}.", ""]
    lines += [note_text(n) for n in notes] + ([""] if notes else [])
    m, e = result["minimal"], result["enhancement"]
    lines += [f"**Minimal criteria met: {m['met']} of {m['total']}.** Partly met: {m['partly']} · not yet: "
              f"{m['not_yet']} · not applicable: {m['na']} · not answered: {m['unanswered']}.", ""]
    if e["total"]:
        lines += [f"Enhancements met: {e['met']} of {e['total']}.", ""]
    lines += ["## Score per stage", "", "| Stage | Score | Answered |", "|---|---|---|"]
    for row in result["stages"]:
        percent = "no answers yet" if row["percent"] is None else f"{row['percent']}%"
        lines.append(f"| {model.stages[row['stage']].title} | {percent} | {row['answered']} of {row['criteria']} |")
    lines += ["", "## Action plan", ""]
    if not result["plan"]:
        lines.append("Nothing to improve: no criterion is answered 'partly' or 'not yet'.")
    for number, cid in enumerate(result["plan"], 1):
        crit = model.criteria[cid]
        flags = [str(LABELS["level"][crit.level]), LABELS["answer"][answers[cid]["answer"]]]
        if cid in result["priorities"]:
            flags.append("key priority")
        lines.append(f"{number}. **{cid} {crit.title}** ({', '.join(flags)})")
        if crit.recommendations:
            lines.append(f"    - Recommendations: {', '.join(crit.recommendations)}")
        if crit.tools:
            lines.append(f"    - Tools: {', '.join(model.tools[t].title for t in crit.tools)}")
        if answers[cid]["note"]:
            lines.append(f"    - Note: {answers[cid]['note']}")
    na = [cid for cid, a in answers.items() if a["answer"] == "na"]
    if na:
        lines += ["", "## Not applicable", ""]
        lines += [f"- {cid} {model.criteria[cid].title}: {answers[cid]['reason'] or '(no reason given)'}"
                  for cid in na]
    if earlier is not None:
        before, _ = _read(earlier, criteria)
        change = compare_progress(before, assessment, criteria)
        lines += ["", f"## Progress since {earlier.name}", ""]
        for key, title in (("improved", "Improved"), ("slipped", "Slipped"), ("new", "Answered for the first time")):
            lines.append(f"- {title} ({len(change[key])}): {', '.join(change[key]) or '–'}")
        lines.append(f"- Unchanged: {len(change['same'])}")
    return "\n".join(lines) + "\n"


def sector_report(model: Model, paths: list[Path]) -> str:
    criteria = criteria_table(model)
    assessments, skipped = [], []
    for path in paths:
        try:
            assessments.append(_read(path, criteria)[0])
        except ImportProblem as problem:
            skipped.append(f"{path.name}: {problem}")
    rows = sector_overview(assessments, criteria)
    lines = ["# Quality criteria across programmes", "",
             f"{len(assessments)} self-assessments; names and notes are left out.", ""]
    if skipped:
        lines += ["Files that could not be read:", ""] + [f"- {s}" for s in skipped] + [""]
    lines += ["## Criteria most often not (fully) met", "",
              "| Criterion | Stage | Partly or not yet | Not yet | Answered |", "|---|---|---|---|---|"]
    for row in rows:
        crit = model.criteria[row["id"]]
        lines.append(f"| {row['id']} {crit.title} | {model.stages[row['stage']].title} | {row['unmet']} | "
                     f"{row['not_yet']} | {row['answered']} |")
    lines += ["", "## Per stage", "", "| Stage | Answers 'partly' or 'not yet' | Answers in all |", "|---|---|---|"]
    for stage in model.stages.values():
        mine = [r for r in rows if r["stage"] == stage.id]
        if mine:
            lines.append(f"| {stage.title} | {sum(r['unmet'] for r in mine)} | {sum(r['answered'] for r in mine)} |")
    return "\n".join(lines) + "\n"


def to_html(markdown_text: str, title: str) -> str:
    import html

    import markdown

    body = markdown.markdown(html.escape(markdown_text, quote=False), extensions=["tables"])
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            "<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;line-height:1.5}"
            "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left}"
            f"</style></head><body>{body}</body></html>\n")
