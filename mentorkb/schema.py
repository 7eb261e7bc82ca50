"""The schema of every kind of content file: the single statement of what a valid file is.

Each field type checks a value read by `yamlload`, converts it to plain Python and reports problems in
words a content author understands. The field reference page for authors is generated from these same
definitions (see `fieldref.py`), so the documentation cannot drift from the checks.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .errors import Problem
from .yamlload import YList, YMap, YScalar

DOC = "docs: authoring/fields.md"
UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(javascript|data|vbscript|file):", re.IGNORECASE)
SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"


class Context:
    """Collects problems and cross-references while one file is checked."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.refs: list[tuple[str, str, int, str]] = []  # (kind, value, line, path)

    def problem(self, line, path, expected, found, valid=(), hint="", anchor=""):
        see = f"{DOC}#{anchor}" if anchor else DOC
        self.problems.append(Problem(self.file, line, path, expected, found, tuple(valid), see, hint))


def describe_found(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YScalar):
        if value.is_null:
            return "nothing"
        text = value.text if len(value.text) <= 60 else value.text[:57] + "..."
        return f"'{text}'"
    if isinstance(value, YList):
        return "a list"
    if isinstance(value, YMap):
        return "a mapping of fields"
    return type(value).__name__


def line_of(value, default: int) -> int:
    return getattr(value, "line", default) or default


class Type:
    """Base of all field types. `describe` is the expected-value wording used in messages and docs."""

    translatable = False

    def describe(self) -> str:
        raise NotImplementedError

    def check(self, value, ctx: Context, path: str, line: int, anchor: str):
        raise NotImplementedError


@dataclass
class Text(Type):
    """Prose written by authors; Markdown emphasis and links allowed, raw HTML is shown as text."""

    inline: bool = False
    max_len: int = 20000
    translatable: bool = True

    def describe(self) -> str:
        return "a line of text" if self.inline else "text (Markdown paragraphs allowed)"

    def check(self, value, ctx, path, line, anchor):
        if not isinstance(value, YScalar) or value.is_null:
            ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), anchor=anchor)
            return None
        text = value.text.strip()
        if not text:
            ctx.problem(value.line, path, self.describe(), "empty text", anchor=anchor)
            return None
        if len(text) > self.max_len:
            ctx.problem(value.line, path, f"text of at most {self.max_len} characters",
                        f"{len(text)} characters", anchor=anchor)
            return None
        if self.inline and "\n\n" in text:
            ctx.problem(value.line, path, "a single paragraph", "several paragraphs", anchor=anchor)
        if UNSAFE_LINK.search(text):
            ctx.problem(value.line, path, "links to http, https or mailto addresses",
                        "a link with a script or data address", anchor=anchor)
            return None
        return text


@dataclass
class Str(Type):
    """A short code or name that is not translated (ids, country codes, URLs)."""

    pattern: str = ""
    example: str = ""
    what: str = "a short value"

    def describe(self) -> str:
        if self.example:
            return f"{self.what} like '{self.example}'"
        return self.what

    def check(self, value, ctx, path, line, anchor):
        if not isinstance(value, YScalar) or value.is_null:
            ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), anchor=anchor)
            return None
        text = value.text.strip()
        if self.pattern and not re.fullmatch(self.pattern, text):
            ctx.problem(value.line, path, self.describe(), f"'{text}'", anchor=anchor)
            return None
        return text


@dataclass
class Url(Str):
    what: str = "a web address starting with https:// or http://"
    pattern: str = r"https?://\S+"


@dataclass
class Int(Type):
    minimum: int = 0
    maximum: int = 10_000

    def describe(self) -> str:
        return f"a whole number from {self.minimum} to {self.maximum}"

    def check(self, value, ctx, path, line, anchor):
        if isinstance(value, YScalar) and value.plain and re.fullmatch(r"[-+]?\d+", value.text.strip()):
            number = int(value.text)
            if self.minimum <= number <= self.maximum:
                return number
        ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), anchor=anchor)
        return None


@dataclass
class Bool(Type):
    def describe(self) -> str:
        return "true or false"

    def check(self, value, ctx, path, line, anchor):
        if isinstance(value, YScalar) and value.text.strip().lower() in ("true", "false"):
            return value.text.strip().lower() == "true"
        ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), ("true", "false"),
                    anchor=anchor)
        return None


@dataclass
class Enum(Type):
    choices: tuple[str, ...] = ()
    what: str = "one of the listed values"

    def describe(self) -> str:
        return self.what

    def check(self, value, ctx, path, line, anchor):
        text = value.text.strip() if isinstance(value, YScalar) and not value.is_null else None
        if text in self.choices:
            return text
        hint = ""
        if text:
            close = difflib.get_close_matches(text, self.choices, n=1)
            hint = f"did you mean '{close[0]}'?" if close else ""
        ctx.problem(line_of(value, line), path, self.what, describe_found(value), self.choices, hint, anchor)
        return None


@dataclass
class Ref(Type):
    """The id of another item; checked once every file is loaded."""

    kind: str = ""

    def describe(self) -> str:
        return f"the id of a {self.kind}"

    def check(self, value, ctx, path, line, anchor):
        if not isinstance(value, YScalar) or value.is_null or not value.text.strip():
            ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), anchor=anchor)
            return None
        text = value.text.strip()
        ctx.refs.append((self.kind, text, value.line, path))
        return text


@dataclass
class Citation(Ref):
    """A section of a source document, written 'DOC SECTION' as in the content map, e.g. '003 §4.2.1'."""

    kind: str = "section"

    def describe(self) -> str:
        return "a source section like '003 §4.2.1' or '000 criterion 13'"


@dataclass
class ListOf(Type):
    item: Type = None
    minimum: int = 0
    maximum: int = 0

    def describe(self) -> str:
        if self.minimum and self.maximum:
            count = f"{self.minimum} to {self.maximum} " if self.minimum != self.maximum else f"{self.minimum} "
        elif self.minimum:
            count = f"at least {self.minimum} " if self.minimum > 1 else ""
        else:
            count = ""
        return f"a list of {count}{_plural(self.item.describe())}"

    @property
    def translatable(self):
        return self.item.translatable

    def check(self, value, ctx, path, line, anchor):
        if not isinstance(value, YList):
            ctx.problem(line_of(value, line), path, self.describe(), describe_found(value), anchor=anchor)
            return None
        if len(value) < self.minimum or (self.maximum and len(value) > self.maximum):
            ctx.problem(value.line, path, self.describe(), f"{len(value)} item{'s' if len(value) != 1 else ''}",
                        anchor=anchor)
        out = []
        for index, item in enumerate(value):
            checked = self.item.check(item, ctx, f"{path}[{index}]", line_of(item, value.line), anchor)
            out.append(checked)
        return out


def _plural(description: str) -> str:
    for single, plural in (("a line of text", "lines of text"), ("the id of a", "ids of"),
                           ("a source section like", "source sections like"), ("an ", ""), ("a ", "")):
        if description.startswith(single):
            return plural + description[len(single):]
    return description


@dataclass
class Field:
    name: str
    type: Type
    required: bool = True
    help: str = ""
    default: object = None


@dataclass
class Obj(Type):
    """A mapping with known fields. Unknown fields are refused, since they are usually typos."""

    name: str = ""
    fields: list[Field] = field(default_factory=list)
    help: str = ""

    def describe(self) -> str:
        return f"a mapping of {self.name} fields" if self.name else "a mapping of fields"

    @property
    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def check(self, value, ctx, path, line, anchor=""):
        anchor = self.name.replace(" ", "-") if self.name else anchor
        if not isinstance(value, YMap):
            ctx.problem(line_of(value, line), path or "(file)", self.describe(), describe_found(value),
                        anchor=anchor)
            return None
        known = self.by_name
        out = {"_line": value.line}  # kept for messages about rules that span fields
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key, list(known), n=1)
                ctx.problem(value.key_lines[key], _join(path, key), f"a known {self.name or 'field'} field",
                            f"unknown field '{key}'", list(known),
                            f"did you mean '{close[0]}'?" if close else "", anchor)
        for spec in self.fields:
            child = _join(path, spec.name)
            raw = value.get(spec.name)
            missing = spec.name not in value or (isinstance(raw, YScalar) and raw.is_null)
            if missing:
                if spec.required:
                    where = value.key_lines.get(spec.name, value.line)
                    ctx.problem(where, child, spec.type.describe(), "nothing (this field is required)",
                                anchor=anchor)
                out[spec.name] = spec.default
                continue
            out[spec.name] = spec.type.check(raw, ctx, child, value.key_lines[spec.name], anchor)
        return out


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# ----------------------------------------------------------------------------------------------------
# Controlled vocabularies. Their reader-facing labels live in vocab.py (translated like all UI text).

EVIDENCE = ("research", "practice", "research-and-practice")
STAGE_IDS_HINT = "recruitment, screening, matching, relationship, closure, follow-up, training"
LEVELS = ("minimal", "enhancement")
AUDIENCES = ("coordinator", "mentor", "mentee", "referrer")
COUNTRIES = ("AT", "BE", "CZ", "DE", "ES", "FR", "GR", "IT", "NL", "SE", "UK", "EU")
ORG_TYPES = ("public-service", "municipality", "ngo", "university", "network", "social-enterprise")
TARGET_GROUPS = ("refugees", "newcomers", "migrants", "asylum-seekers", "young-people", "children",
                 "students", "job-seekers", "families", "unaccompanied-minors", "women", "civil-servants")
MENTORING_TYPES = ("social", "buddy", "to-work", "language", "education", "youth", "peer", "group",
                   "reverse", "e-mentoring", "intercultural", "housing")
INTERVENTION_KINDS = ("relationship", "programme")
THEMES = ("recruitment-and-outreach", "selection-and-matching", "structure-and-duration",
          "support-for-mentors", "activities-and-goals", "group-and-community", "closure-and-after",
          "measurement-and-evaluation", "partnerships-and-funding", "communication-and-visibility")
TOOL_KINDS = ("form", "checklist", "table", "agreement", "guide", "agenda", "log", "questionnaire", "plan")
FIELD_TYPES = ("text", "long-text", "date", "number", "checkbox", "choice", "multi-choice", "yes-no",
               "signature")
TOPIC_GROUPS = ("about", "models", "quality", "network")


def provenance_fields() -> list[Field]:
    return [
        Field("provenance", ListOf(Citation(), minimum=1), help="The source sections this item rests on, "
              "written as in the content map, e.g. `003 §4.2.1` or `000 criterion 13`."),
        Field("evidence", Enum(EVIDENCE, "the kind of evidence"), help="`research` when the source "
              "reports research findings, `practice` when it reports what programmes do, or both."),
    ]


def inline() -> Text:
    """A single line of translatable text, such as a title or a list item."""
    return Text(inline=True, max_len=600)


SLUG_ID = Str(pattern=SLUG, example="samen-thuis", what="an id of lower-case letters, digits and hyphens")

OPTION = Obj("option", [
    Field("name", inline(), help="The option, e.g. 'Group info session'."),
    Field("description", Text(), required=False, help="What it involves."),
    Field("pros", ListOf(inline()), required=False, default=[], help="Advantages the source gives."),
    Field("cons", ListOf(inline()), required=False, default=[], help="Drawbacks the source gives."),
    Field("cases", ListOf(Ref(kind="case")), required=False, default=[], help="Cases that use it."),
])

TABLE = Obj("table", [
    Field("caption", inline(), help="What the table shows."),
    Field("columns", ListOf(inline(), minimum=2), help="Column headings."),
    Field("rows", ListOf(ListOf(Text(inline=True, max_len=2000)), minimum=1),
          help="One list of cells per row, as many cells as columns."),
    Field("provenance", ListOf(Citation(), minimum=1), help="Where the table's facts come from."),
])

EXAMPLE = Obj("example", [
    Field("title", inline(), help="A short title for the practice example (a case box in the source)."),
    Field("text", Text(), help="The example, in our own words."),
    Field("case", Ref(kind="case"), required=False, help="The case (programme) it comes from, if known."),
    *provenance_fields(),
])

SECTION = Obj("section", [
    Field("id", SLUG_ID, help="Stable anchor of the section within its page."),
    Field("title", inline(), help="Phrased as the reader's question, e.g. 'How often should a duo meet?'."),
    Field("text", Text(), help="The answer, in short plain paragraphs."),
    Field("options", Obj("options", [
        Field("caption", inline(), help="What the options are, e.g. 'Matching criteria used in practice'."),
        Field("items", ListOf(OPTION, minimum=1), help="The options, each with its pros and cons."),
    ]), required=False, help="Practice modalities: the options programmes choose between."),
    Field("table", TABLE, required=False, help="A table from the source, as data."),
    Field("examples", ListOf(EXAMPLE), required=False, default=[], help="Practice examples (case boxes)."),
    *provenance_fields(),
])

RECOMMENDATION = Obj("recommendation", [
    Field("id", Str(pattern=r"REC-[A-Z]+-\d{2}", example="REC-MATCH-03", what="a recommendation id"),
          help="Stable id: `REC-` + the stage's code + a two-digit number. Never renumber."),
    Field("text", inline(), help="What to do, as one actionable sentence."),
    Field("detail", Text(), required=False, help="Why, or how, in a few sentences."),
    Field("status", Enum(("active", "deprecated"), "active or deprecated"), required=False,
          default="active", help="Deprecate instead of deleting, so that links keep working."),
    *provenance_fields(),
])

STAGE = Obj("stage", [
    Field("id", SLUG_ID, help="Same as the file name."),
    Field("order", Int(1, 99), help="Position of the stage in the mentoring process (1 = first)."),
    Field("code", Str(pattern=r"[A-Z]{2,8}", example="MATCH", what="a code in capital letters"),
          help="The middle part of this stage's recommendation ids."),
    Field("title", inline(), help="The stage's name as readers see it."),
    Field("summary", Text(), help="Two or three sentences: what this stage is about."),
    Field("questions", ListOf(inline(), minimum=1), help="The questions this stage answers."),
    Field("research", Obj("research", [
        Field("text", Text(), help="What research says, in plain words."),
        *provenance_fields(),
    ]), help="What the literature says about this stage."),
    Field("practice", ListOf(SECTION, minimum=1), help="What programmes do, one section per question."),
    Field("recommendations", ListOf(RECOMMENDATION, minimum=1), help="What to do, each a stable item."),
    *provenance_fields(),
])

CRITERION = Obj("criterion", [
    Field("id", Str(pattern=r"(MC|EC)-\d{2}", example="MC-05", what="a criterion id"),
          help="`MC-` for the minimal criteria, `EC-` for enhancements. Never renumber."),
    Field("stage", Ref(kind="stage"), help="The stage the criterion belongs to."),
    Field("level", Enum(LEVELS, "minimal or enhancement"), help="Minimal criteria every programme should "
          "meet; enhancements go further."),
    Field("title", inline(), help="A short name, e.g. 'Neutral first meeting'."),
    Field("statement", Text(), help="The criterion, in our own words."),
    Field("good_practice", ListOf(inline(), minimum=1), help="What good looks like."),
    Field("evidence_examples", ListOf(inline(), minimum=1), help="Evidence a programme can show."),
    Field("recommendations", ListOf(Ref(kind="recommendation")), required=False, default=[],
          help="Recommendations that help meet it."),
    Field("tools", ListOf(Ref(kind="tool")), required=False, default=[], help="Tools that help meet it."),
    Field("status", Enum(("active", "deprecated"), "active or deprecated"), required=False, default="active",
          help="Deprecate instead of deleting."),
    Field("replaced_by", Ref(kind="criterion"), required=False, help="For a deprecated criterion."),
    *provenance_fields(),
])

PRACTICE = Obj("practice", [
    Field("stage", Ref(kind="stage"), help="The stage this practice illustrates."),
    Field("title", inline(), help="A short title."),
    Field("text", Text(), help="What the programme does."),
    *provenance_fields(),
])

INTERVENTION = Obj("intervention", [
    Field("kind", Enum(INTERVENTION_KINDS, "relationship or programme"),
          help="`relationship`: within the duo; `programme`: in how the programme is run."),
    Field("theme", Enum(THEMES, "a theme"), help="The theme readers browse by."),
    Field("text", inline(), help="The intervention in one or two sentences."),
    Field("provenance", ListOf(Citation(), minimum=1), help="Where the source describes it."),
])

CASE = Obj("case", [
    Field("id", SLUG_ID, help="Same as the file name."),
    Field("name", inline(), help="The programme's name."),
    Field("organisation", inline(), help="Who runs it."),
    Field("organisation_type", Enum(ORG_TYPES, "an organisation type"), help="For filtering."),
    Field("place", inline(), help="City or region."),
    Field("country", Enum(COUNTRIES, "a country code"), help="Two-letter country code."),
    Field("since", Str(pattern=r"\d{4}(-\d{4})?", example="2012", what="a year"), required=False,
          help="Year the programme started."),
    Field("scale", inline(), help="How many duos or participants, as the source gives it."),
    Field("funding", Text(), required=False, help="How it is funded."),
    Field("target_groups", ListOf(Enum(TARGET_GROUPS, "a target group"), minimum=1), help="For filtering."),
    Field("target_group_detail", inline(), help="Who the mentees are, in a sentence."),
    Field("mentors", inline(), required=False, help="Who the mentors are."),
    Field("mentoring_types", ListOf(Enum(MENTORING_TYPES, "a mentoring type"), minimum=1), help="For filtering."),
    Field("stages", ListOf(Ref(kind="stage"), minimum=1), help="The stages this case illustrates."),
    Field("summary", Text(), help="The case in a short paragraph."),
    Field("distinctive", Text(), required=False, help="What makes it different."),
    Field("practices", ListOf(PRACTICE, minimum=1), help="Its practices, by stage."),
    Field("interventions", ListOf(INTERVENTION), required=False, default=[],
          help="Relationship and programme interventions (learning network programmes)."),
    Field("lessons", ListOf(Text(), minimum=1), help="Lessons and advice from its practitioners."),
    Field("discussion_questions", ListOf(inline(), minimum=2, maximum=4), help="For trainers' workshops."),
    Field("website", Url(), required=False, help="The programme's web address, if the source gives it."),
    *provenance_fields(),
])

TOOL_FIELD = Obj("form field", [
    Field("id", Str(pattern=r"[a-z0-9]+(_[a-z0-9]+)*", example="preferred_language",
                    what="a field id of lower-case letters, digits and underscores"),
          help="Stable name of the field in fillable PDFs and CSV/JSON field lists."),
    Field("label", inline(), help="The question or label."),
    Field("type", Enum(FIELD_TYPES, "a field type"), help="How it is filled in."),
    Field("options", ListOf(inline(), minimum=2), required=False, default=[],
          help="The choices, for `choice` and `multi-choice`."),
    Field("help", inline(), required=False, help="A hint shown under the label."),
    Field("required", Bool(), required=False, default=False, help="Whether the field must be filled in."),
    Field("personal", Bool(), required=False, default=False, help="Whether it collects personal data."),
])

TOOL_SECTION = Obj("tool section", [
    Field("id", SLUG_ID, help="Stable id within the tool."),
    Field("title", inline(), help="The section heading."),
    Field("intro", Text(), required=False, help="A short explanation."),
    Field("fields", ListOf(TOOL_FIELD), required=False, default=[], help="Fields to fill in."),
    Field("items", ListOf(inline()), required=False, default=[], help="Checklist items or agenda points."),
    Field("table", Obj("tool table", [
        Field("columns", ListOf(inline(), minimum=2), help="Column headings."),
        Field("rows", ListOf(ListOf(Text(inline=True, max_len=2000))), required=False, default=[],
              help="Rows of cells."),
        Field("blank_rows", Int(0, 60), required=False, default=0,
              help="Empty rows to fill in by hand after the rows, e.g. one per meeting in a log."),
    ]), required=False, help="A table, e.g. 'A mentor is / A mentor is not', or a log to fill in."),
])

TOOL = Obj("tool", [
    Field("id", SLUG_ID, help="Same as the file name."),
    Field("title", inline(), help="The tool's name."),
    Field("kind", Enum(TOOL_KINDS, "a kind of tool"), help="What sort of document it is."),
    Field("audience", ListOf(Enum(AUDIENCES, "an audience"), minimum=1), help="Who fills it in or reads it."),
    Field("purpose", Text(), help="What it is for and when to use it."),
    Field("stages", ListOf(Ref(kind="stage"), minimum=1), help="The stages it serves."),
    Field("sections", ListOf(TOOL_SECTION, minimum=1), help="The tool's content."),
    Field("data_protection", Obj("data protection", [
        Field("purpose", inline(), help="Why the data is collected."),
        Field("who_sees", inline(), help="Who sees it."),
        Field("retention", inline(), help="How long it is kept."),
        Field("consent", inline(), help="The consent sentence the person signs."),
    ]), required=False, help="Required when any field collects personal data."),
    *provenance_fields(),
])

TERM = Obj("term", [
    Field("id", SLUG_ID, help="Stable id of the term."),
    Field("term", inline(), help="The term as written in running text."),
    Field("definition", inline(), help="One or two plain sentences; shown on hover and focus."),
    Field("aliases", ListOf(inline()), required=False, default=[], help="Other spellings to explain."),
    *provenance_fields(),
])

SOURCE_SECTION = Obj("source section", [
    Field("id", Str(what="a section id as in the content map, like '§4.2.1'"), help="Section id."),
    Field("title", Text(inline=True, translatable=False), help="The section's heading as published."),
    Field("page", Str(pattern=r"\d+(-\d+)?", what="a page number"), required=False,
          help="Page in the published document, if known."),
])

DOCUMENT = Obj("document", [
    Field("id", Str(pattern=r"\d{3}", example="003", what="a three-digit document number"),
          help="The number used in citations."),
    Field("short", inline(), help="A short readable name."),
    Field("citation", Text(inline=True, translatable=False), help="The full citation, as published."),
    Field("about", Text(), help="What the document is, for readers."),
    Field("licence", Str(what="a licence name"), required=False, help="Its licence, where stated."),
    Field("url", Url(), required=False, help="Where to find it."),
    Field("sections", ListOf(SOURCE_SECTION, minimum=1), help="Its sections, as in the content map."),
])

WORK = Obj("work", [
    Field("id", SLUG_ID, help="Stable id of the work."),
    Field("citation", Text(inline=True, translatable=False), help="The full reference, as published."),
    Field("url", Url(), required=False, help="Link or DOI address."),
    Field("cited_in", ListOf(Citation(), minimum=1), help="Where the sources cite it."),
])

TOPIC = Obj("topic", [
    Field("id", SLUG_ID, help="Same as the file name."),
    Field("order", Int(1, 99), help="Position within its group."),
    Field("group", Enum(TOPIC_GROUPS, "a topic group"), help="Where the topic appears in the navigation."),
    Field("title", inline(), help="The page title."),
    Field("summary", Text(), help="What the page is about."),
    Field("sections", ListOf(SECTION, minimum=1), help="The page's sections."),
    *provenance_fields(),
])


@dataclass
class Kind:
    """A kind of content: where its files live and the schema of one item."""

    name: str
    schema: Obj
    folder: str  # for one-item-per-file kinds
    list_file: str = ""  # for kinds listed in one file
    list_key: str = ""
    plural: str = ""


KINDS = [
    Kind("stage", STAGE, "guidelines/stages", plural="stages"),
    Kind("topic", TOPIC, "guidelines/topics", plural="topics"),
    Kind("case", CASE, "cases", plural="cases"),
    Kind("tool", TOOL, "tools", plural="tools"),
    Kind("criterion", CRITERION, "", "guidelines/criteria.yml", "criteria", "criteria"),
    Kind("term", TERM, "", "guidelines/glossary.yml", "terms", "terms"),
    Kind("document", DOCUMENT, "", "guidelines/sources.yml", "documents", "documents"),
    Kind("work", WORK, "", "guidelines/bibliography.yml", "works", "works"),
]
KIND_BY_NAME = {k.name: k for k in KINDS}
