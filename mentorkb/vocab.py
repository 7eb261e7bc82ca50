"""Reader-facing labels of the controlled vocabularies in schema.py.

Labels are marked with N_() so the translation update finds them; they are translated when a page is
rendered, in the reader's language.
"""


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    return text


LABELS = {
    "evidence": {
        "research": N_("Research-based"),
        "practice": N_("Practice-based"),
        "research-and-practice": N_("Based on research and practice"),
    },
    "level": {"minimal": N_("Minimal criterion"), "enhancement": N_("Enhancement")},
    "audience": {
        "coordinator": N_("Coordinators"),
        "mentor": N_("Mentors"),
        "mentee": N_("Mentees"),
        "referrer": N_("Referrers"),
    },
    "country": {
        "AT": N_("Austria"), "BE": N_("Belgium"), "CZ": N_("Czechia"), "DE": N_("Germany"),
        "ES": N_("Spain"), "FR": N_("France"), "GR": N_("Greece"), "IT": N_("Italy"),
        "NL": N_("Netherlands"), "SE": N_("Sweden"), "UK": N_("United Kingdom"), "EU": N_("Europe-wide"),
    },
    "organisation_type": {
        "public-service": N_("Public service"), "municipality": N_("Municipality"),
        "ngo": N_("Non-profit organisation"), "university": N_("University"), "network": N_("Network"),
        "social-enterprise": N_("Social enterprise"),
    },
    "target_group": {
        "refugees": N_("Refugees"), "newcomers": N_("Newcomers"), "migrants": N_("Migrants"),
        "asylum-seekers": N_("Asylum seekers"), "young-people": N_("Young people"),
        "children": N_("Children"), "students": N_("Students"), "job-seekers": N_("Job seekers"),
        "families": N_("Families"), "unaccompanied-minors": N_("Unaccompanied minors"),
        "women": N_("Women"), "civil-servants": N_("Civil servants"),
    },
    "mentoring_type": {
        "social": N_("Social mentoring"), "buddy": N_("Buddy programme"), "to-work": N_("Mentoring to work"),
        "language": N_("Language mentoring"), "education": N_("Mentoring in education"),
        "youth": N_("Youth mentoring"), "peer": N_("Peer mentoring"), "group": N_("Group mentoring"),
        "reverse": N_("Reverse mentoring"), "e-mentoring": N_("E-mentoring"),
        "intercultural": N_("Intercultural mentoring"), "housing": N_("Housing support"),
    },
    "intervention_kind": {"relationship": N_("In the relationship"), "programme": N_("In the programme")},
    "theme": {
        "recruitment-and-outreach": N_("Recruitment and outreach"),
        "selection-and-matching": N_("Selection and matching"),
        "structure-and-duration": N_("Structure and duration"),
        "support-for-mentors": N_("Support for mentors"),
        "activities-and-goals": N_("Activities and goals"),
        "group-and-community": N_("Group and community"),
        "closure-and-after": N_("Closure and after"),
        "measurement-and-evaluation": N_("Measuring and evaluating"),
        "partnerships-and-funding": N_("Partnerships and funding"),
        "communication-and-visibility": N_("Communication and visibility"),
    },
    "tool_kind": {
        "form": N_("Form"), "checklist": N_("Checklist"), "table": N_("Table"), "agreement": N_("Agreement"),
        "guide": N_("Guide"), "agenda": N_("Agenda"), "log": N_("Log"), "questionnaire": N_("Questionnaire"),
        "plan": N_("Plan"),
    },
    "field_type": {
        "text": N_("Short answer"), "long-text": N_("Long answer"), "date": N_("Date"), "number": N_("Number"),
        "checkbox": N_("Tick box"), "choice": N_("One choice"), "multi-choice": N_("Several choices"),
        "yes-no": N_("Yes or no"), "signature": N_("Signature"),
    },
    "topic_group": {
        "about": N_("About social mentoring"), "models": N_("Mentoring models"),
        "quality": N_("Quality"), "network": N_("Learning network"),
    },
    "answer": {"met": N_("Met"), "partly": N_("Partly met"), "not-yet": N_("Not yet"),
               "na": N_("Not applicable")},
    "role": {
        "coordinator": N_("Coordinator"), "staff": N_("Staff member"), "board": N_("Board member"),
        "mentor": N_("Mentor"), "mentee": N_("Mentee"), "partner": N_("Partner organisation"),
    },
}
