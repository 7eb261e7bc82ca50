"""Score a self-assessment against the quality criteria; compare team members' and earlier assessments.

The browser page (docs/assets/checker.js) implements the same rules; the vectors in
tests/vectors/checker/ are run against both, so the two cannot drift apart.

An assessment file (format "mentorkb-assessment", version 1):
    {"format": "mentorkb-assessment", "version": 1, "content_version": "...", "lang": "en",
     "programme": "...", "respondent": {"name": "...", "role": "coordinator"},
     "answers": {"MC-01": {"answer": "met", "reason": "", "note": "", "evidence": ""}, ...},
     "priorities": ["MC-05"]}
"""
from __future__ import annotations

import json
import math

FORMAT = "mentorkb-assessment"
VERSION = 1
ANSWERS = ("met", "partly", "not-yet", "na")
VALUE = {"met": 1.0, "partly": 0.5, "not-yet": 0.0}
ROLES = ("coordinator", "staff", "board", "mentor", "mentee", "partner")
MAX_PRIORITIES = 3
MAX_BYTES = 1_000_000


# What the user is told, in English here (the command line) and translated on the page.
PROBLEMS = {
    "tooLarge": "The file is too large ({size} bytes; at most {max}).",
    "notJson": "The file is not a JSON file.",
    "notAssessment": "The file is not a self-assessment made with this checker.",
    "newerVersion": "The file has format version {version}; this checker reads version 1.",
    "noAnswers": "The file has no answers.",
}
NOTES = {
    "gone": "{id}: this criterion no longer exists; its answer was not imported.",
    "badAnswer": "{id}: the answer is not one of met, partly, not-yet, na; it was not imported.",
    "moved": "{id}: now {to}; the answer was moved there.",
}


class ImportProblem(Exception):
    """A file that cannot be read as an assessment. `info` names the problem the way the page does."""

    def __init__(self, key: str, **values):
        self.info = {"key": key, **values}
        super().__init__(PROBLEMS[key].format(**values))


def note_text(note: dict) -> str:
    return NOTES[note["key"]].format(**note)


def criteria_table(model) -> list[dict]:
    """The criteria as the checker needs them (id, stage, level, status, replacement), in stage order."""
    stage_order = {s: i for i, s in enumerate(model.stages)}
    rows = [{"id": c.id, "stage": c.stage, "level": c.level, "status": c.status,
             "replaced_by": c.get("replaced_by")} for c in model.criteria.values()]
    return sorted(rows, key=lambda row: stage_order[row["stage"]])  # stable: ids stay in order per stage


def _js_string(value) -> str:
    """How JavaScript's String() shows a JSON value, so that both sides word a problem alike."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return str(value)


def _text(value) -> str:
    return "" if value is None else _js_string(value)


def read_assessment(text: str | bytes, criteria: list[dict]) -> tuple[dict, list[dict]]:
    """Parse and check a file; map ids of replaced criteria. Returns (assessment, notes for the user).

    Raises ImportProblem when the file is not an assessment at all; nothing is changed then.
    """
    if len(text) > MAX_BYTES:
        raise ImportProblem("tooLarge", size=len(text), max=MAX_BYTES)
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise ImportProblem("notJson") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportProblem("notAssessment")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, (int, float)) or version != int(version) \
            or version > VERSION:
        raise ImportProblem("newerVersion", version=_js_string(version))
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise ImportProblem("noAnswers")
    known = {c["id"]: c for c in criteria}
    notes, clean = [], {}
    for cid, entry in answers.items():
        target, guard = cid, 0
        while target in known and known[target]["status"] == "deprecated" and known[target].get("replaced_by") \
                and guard < 50:
            target, guard = known[target]["replaced_by"], guard + 1
        if target not in known:
            notes.append({"key": "gone", "id": cid})
            continue
        # An empty answer keeps the notes of a criterion not answered yet.
        if not isinstance(entry, dict) or entry.get("answer") not in (*ANSWERS, ""):
            notes.append({"key": "badAnswer", "id": cid})
            continue
        if target != cid:
            notes.append({"key": "moved", "id": cid, "to": target})
        clean[target] = {key: _text(entry.get(key)) for key in ("reason", "note", "evidence")}
        clean[target]["answer"] = entry["answer"]
    priorities = [p for p in (data.get("priorities") if isinstance(data.get("priorities"), list) else [])
                  if isinstance(p, str) and p in known and known[p]["status"] != "deprecated"][:MAX_PRIORITIES]
    respondent = data.get("respondent") if isinstance(data.get("respondent"), dict) else {}
    # Text fields as JavaScript's String() would give them (missing or null become empty).
    role = respondent.get("role") if respondent.get("role") in ROLES else ""
    return ({"format": FORMAT, "version": VERSION, "content_version": _text(data.get("content_version")),
             "lang": _text(data.get("lang")), "programme": _text(data.get("programme")),
             "respondent": {"name": _text(respondent.get("name")), "role": role},
             "answers": clean, "priorities": priorities}, notes)


def answer_of(assessment: dict, cid: str) -> str | None:
    return (assessment.get("answers", {}).get(cid) or {}).get("answer") or None


def score(assessment: dict, criteria: list[dict]) -> dict:
    """Minimal criteria kept apart from enhancements, a score per stage, and the action plan."""
    answers = {cid: entry for cid, entry in assessment.get("answers", {}).items() if entry.get("answer")}
    active = [c for c in criteria if c["status"] != "deprecated"]
    levels = {}
    for level in ("minimal", "enhancement"):
        mine = [c for c in active if c["level"] == level]
        counts = {key: 0 for key in (*ANSWERS, "unanswered")}
        for c in mine:
            counts[answers.get(c["id"], {}).get("answer", "unanswered")] += 1
        levels[level] = {"total": len(mine), **{k.replace("-", "_"): v for k, v in counts.items()}}
    stages = []
    for stage in dict.fromkeys(c["stage"] for c in active):
        mine = [c for c in active if c["stage"] == stage]
        values = [VALUE[answers[c["id"]]["answer"]] for c in mine
                  if c["id"] in answers and answers[c["id"]]["answer"] != "na"]
        stages.append({"stage": stage, "criteria": len(mine), "answered": len(values),
                       "percent": math.floor(100 * sum(values) / len(values) + 0.5) if values else None})
    priorities = assessment.get("priorities", [])
    order = {c["id"]: i for i, c in enumerate(active)}
    plan = [c["id"] for c in active if answers.get(c["id"], {}).get("answer") in ("partly", "not-yet")]
    level = {c["id"]: c["level"] for c in active}
    plan.sort(key=lambda cid: (level[cid] != "minimal", cid not in priorities, order[cid]))
    return {"minimal": levels["minimal"], "enhancement": levels["enhancement"], "stages": stages,
            "plan": plan, "priorities": list(priorities)}


def compare_team(assessments: list[dict], criteria: list[dict]) -> list[dict]:
    """Per criterion, each member's answer and how far apart they are, most disagreement first.

    The spread is the distance between the highest and lowest answer (met 1, partly 0.5, not yet 0);
    "not applicable" next to any other answer counts as full disagreement, since the team must then
    first agree whether the criterion applies at all.
    """
    rows = []
    active = [c for c in criteria if c["status"] != "deprecated"]
    for index, c in enumerate(active):
        given = [(a.get("respondent", {}).get("name", ""), a.get("respondent", {}).get("role", ""),
                  answer_of(a, c["id"])) for a in assessments if answer_of(a, c["id"])]
        values = [VALUE[answer] for _, _, answer in given if answer != "na"]
        has_na = any(answer == "na" for _, _, answer in given)
        spread = max(values) - min(values) if values else 0.0
        if has_na and values:
            spread = 1.0
        by_role: dict[str, list[str]] = {}
        for _, role, answer in given:
            by_role.setdefault(role or "", []).append(answer)
        rows.append({"id": c["id"], "answers": [answer for _, _, answer in given], "spread": spread,
                     "by_role": by_role, "_order": index})
    rows.sort(key=lambda r: (-r["spread"], r["_order"]))
    for row in rows:
        del row["_order"]
    return rows


def compare_progress(earlier: dict, current: dict, criteria: list[dict]) -> dict:
    """What improved, what slipped and what stayed the same between two assessments.

    A criterion answered now but not before, or not applicable before, is new.
    """
    out = {"improved": [], "slipped": [], "same": [], "new": []}
    for c in criteria:
        if c["status"] == "deprecated":
            continue
        before = answer_of(earlier, c["id"])
        now = answer_of(current, c["id"])
        if now is None:
            continue
        if before is None or (before == "na" and now != "na"):
            out["new"].append(c["id"])
        elif before in VALUE and now in VALUE and VALUE[now] != VALUE[before]:
            out["improved" if VALUE[now] > VALUE[before] else "slipped"].append(c["id"])
        else:
            out["same"].append(c["id"])
    return out


def sector_overview(assessments: list[dict], criteria: list[dict]) -> list[dict]:
    """Across many programmes, anonymously: how often each criterion is not (fully) met, most often first."""
    rows = []
    for index, c in enumerate(c for c in criteria if c["status"] != "deprecated"):
        answers = [answer_of(a, c["id"]) for a in assessments if answer_of(a, c["id"])]
        unmet = sum(1 for x in answers if x in ("partly", "not-yet"))
        rows.append({"id": c["id"], "stage": c["stage"], "answered": len(answers), "unmet": unmet,
                     "not_yet": sum(1 for x in answers if x == "not-yet"), "_order": index})
    rows.sort(key=lambda r: (-r["unmet"], r["_order"]))
    for row in rows:
        del row["_order"]
    return rows
