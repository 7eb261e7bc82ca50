"""The validated content model that every renderer reads. Renderers never reread YAML."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


class Record(dict):
    """A validated item: a dict whose fields can also be read as attributes (`stage.title`)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc

    def __setattr__(self, name, value):
        self[name] = value


def to_record(value):
    if isinstance(value, dict):
        return Record({k: to_record(v) for k, v in value.items()})
    if isinstance(value, list):
        return [to_record(v) for v in value]
    return value


@dataclass
class Model:
    stages: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    cases: dict = field(default_factory=dict)
    tools: dict = field(default_factory=dict)
    criteria: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    works: dict = field(default_factory=dict)
    version: str = ""

    def __post_init__(self):
        self.index()

    def index(self):
        """Derive the cross-links, so each link is written once by authors and shown both ways."""
        self.stages = dict(sorted(self.stages.items(), key=lambda kv: kv[1]["order"]))
        self.topics = dict(sorted(self.topics.items(), key=lambda kv: (kv[1]["group"], kv[1]["order"])))
        self.criteria = dict(sorted(self.criteria.items(), key=lambda kv: (kv[0][:2] != "MC", kv[0])))
        self.terms = dict(sorted(self.terms.items(), key=lambda kv: kv[1]["term"].lower()))
        self.cases = dict(sorted(self.cases.items(), key=lambda kv: kv[1]["name"].lower()))
        self.tools = dict(sorted(self.tools.items(), key=lambda kv: kv[1]["title"].lower()))
        self.recommendations = {}
        self.rec_stage = {}
        for stage in self.stages.values():
            for rec in stage["recommendations"]:
                self.recommendations[rec["id"]] = rec
                self.rec_stage[rec["id"]] = stage["id"]
        self.criteria_by_stage = defaultdict(list)
        self.criteria_by_rec = defaultdict(list)
        self.criteria_by_tool = defaultdict(list)
        for crit in self.criteria.values():
            self.criteria_by_stage[crit["stage"]].append(crit["id"])
            for rec in crit["recommendations"]:
                self.criteria_by_rec[rec].append(crit["id"])
            for tool in crit["tools"]:
                self.criteria_by_tool[tool].append(crit["id"])
        self.cases_by_stage = defaultdict(list)
        for case in self.cases.values():
            for stage in case["stages"]:
                self.cases_by_stage[stage].append(case["id"])
        self.tools_by_stage = defaultdict(list)
        for tool in self.tools.values():
            for stage in tool["stages"]:
                self.tools_by_stage[stage].append(tool["id"])
        self.examples_by_case = defaultdict(list)
        for stage in self.stages.values():
            for section in stage["practice"]:
                for example in section["examples"]:
                    if example.get("case"):
                        self.examples_by_case[example["case"]].append((stage["id"], section["id"], example))

    def sections_of(self, doc_id: str) -> dict:
        return {s["id"]: s for s in self.documents[doc_id]["sections"]}

    def cited(self, provenance: list[str], source: "Model | None" = None) -> list[tuple]:
        """(document id, document, '§4.2.1' or '', section) for each reference such as '003 §4.2.1'.

        `source` is the untranslated model, whose section ids the references use.
        """
        out = []
        for ref in provenance:
            doc_id, _, section_id = ref.partition(" ")
            section = (source or self).sections_of(doc_id)[section_id]
            out.append((doc_id, self.documents[doc_id], section_id if section_id.startswith("§") else "", section))
        return out
