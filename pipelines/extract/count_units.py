"""The words counts are read with: number words, the units of cooperation a figure can count (the spec's
normalised units), audiences, and what marks a sentence as speaking of cooperation.

Split out of ``counts.py``; plain data, no imports from the rest of the extractor.
"""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
COMPOUND_UNITS = {
    "member units": "institution", "industrial colleges": "platform", "industry colleges": "platform", "training classes": "training_class", "training sessions": "training_class", "order classes": "training_class", "order-based classes": "training_class", "practice bases": "practice_base",
    "internship bases": "practice_base", "practice base": "practice_base", "industrial bases": "industrial_base",
    "industrial base": "industrial_base", "cooperation platforms": "platform", "training class": "training_class",
    "patent applications": "technology", "patent filings": "technology",
    # projects to set up a kind of body count those bodies ("10 academician workstation projects")
    **{f"{body} projects": unit for body, unit in (("workstation", "workstation"), ("platform", "platform"),
                                                   ("laboratory", "platform"), ("lab", "platform"),
                                                   ("base", "platform"), ("center", "platform"),
                                                   ("centre", "platform"), ("institute", "platform"))},
    # partners are counted by the kind of body the modifier names ("250 industry partners" are enterprises)
    **{f"{kind} partners": "enterprise" for kind in ("industry", "industrial", "corporate", "company", "business",
                                                     "enterprise", "commercial")},
    **{f"{kind} partners": "university" for kind in ("university", "academic")},
}
UNITS = {
    "agreements": "agreement", "agreement": "agreement", "contracts": "agreement", "contract": "agreement",
    "mous": "agreement", "memorandums": "agreement", "memoranda": "agreement",
    "platforms": "platform", "platform": "platform", "centers": "platform", "centres": "platform",
    "institutes": "platform", "laboratories": "platform", "labs": "platform", "bases": "platform",
    "programs": "program", "program": "program", "programmes": "program", "projects": "program",
    "project": "program", "items": "program", "assignments": "program",
    "enterprises": "enterprise", "enterprise": "enterprise", "companies": "enterprise", "company": "enterprise",
    "firms": "enterprise", "corporations": "enterprise",
    "universities": "university", "university": "university", "colleges": "university",
    "workstations": "workstation", "workstation": "workstation",
    "institutions": "institution", "institution": "institution",
    "people": "person", "persons": "person", "talents": "person", "experts": "person", "scholars": "person",
    "technicians": "person", "commissioners": "person", "interns": "person", "postgraduates": "person",
    "academicians": "person", "volunteers": "person", "undergraduates": "person", "faculty": "person",
    "graduates": "person", "students": "person", "researchers": "person", "professionals": "person",
    "specialists": "person", "entrepreneurs": "person", "teachers": "person", "doctors": "person", "engineers": "person",
    "cadres": "cadre", "officials": "cadre",
    "trainees": "trainee",
    "technologies": "technology", "patents": "technology",
    "resources": "resource",
    # more nouns of the same classes (the spec's normalised units)
    "moas": "agreement", "lois": "agreement", "signings": "agreement", "accords": "agreement", "deals": "agreement",
    "partnerships": "agreement", "memorandums of understanding": "agreement",
    "startups": "enterprise", "start-ups": "enterprise", "spin-offs": "enterprise", "spinoffs": "enterprise",
    "smes": "enterprise", "businesses": "enterprise", "employers": "enterprise", "manufacturers": "enterprise", "industries": "enterprise",
    "hubs": "platform", "incubators": "platform", "parks": "platform", "alliances": "platform",
    "corplabs": "platform", "facilities": "platform", "stations": "platform",
    "schools": "institution", "hospitals": "institution", "organisations": "institution",
    "organizations": "institution", "agencies": "institution", "academies": "institution",
    "courses": "program", "initiatives": "program", "schemes": "program", "grants": "program",
    "scholarships": "program", "internships": "program", "studies": "program",
    "phd candidates": "person", "candidates": "person", "staff": "person", "employees": "person",
    "professors": "person", "scientists": "person", "fellows": "person",
    "inventions": "technology", "partners": "other", "achievements": "technology", "majors": "program",
    "disciplines": "program", "studentships": "program", "apprenticeships": "program", "placements": "program",
    "fellowships": "program", "academics": "person", "apprentices": "person", "postdocs": "person",
    "person-times": "person", "campuses": "institution",
    # governments a body signed with ("agreements with 27 provinces ... and more than 90 cities"): no unit of
    # their own in the spec
    "provinces": "other", "cities": "other", "counties": "other", "municipalities": "other",
    "prefectures": "other", "governments": "other", "regencies": "other",
    # farms and cooperatives a university works with are the businesses of its partnership
    "farms": "enterprise", "cooperatives": "enterprise",
}
# ... counted only as the partners of a cooperation ("signed with 27 provinces"), never as places where
# companies a university forms of its own ("spin-out companies formed", "9 new spinouts"): no partners counted (a
# programme a partner funds that supports them is: "Through the X Programme, funded by Y, we have supported 27
# spin-out companies")
# (and start-ups a university, its staff or its alumni founded: "University-launched start-ups", "Start-ups founded
# by faculty and alumni")
_SPIN_OUTS = re.compile(r"\bspin[- ]?(?:outs?|offs?)\b|\b(?:university|faculty|staff|alumni|student)[- ](?:launched|"
                        r"founded|created|led)\s+(?:start[- ]?ups?|companies)\b|\bstart[- ]?ups?\s+(?:founded|launched|"
                        r"created|set up)\s+by\s+(?:its\s+|the\s+university'?s?\s+)?(?:faculty|alumni|staff|students|"
                        r"researchers|the university)\b", re.I)
_SUPPORTED = re.compile(r"\b(?:through|funded by|supported by|with (?:the )?support (?:of|from))\b", re.I)


def own_people(label: str) -> bool:
    """A row's label of a university's own people ("Undergraduate students", "Full-time faculty"), not of people a
    cooperation placed or trained ("Students on placement with local employers", "Teachers trained")."""
    return bool(re.search(r"\b(?:students|undergraduates|postgraduates|pupils|faculty|staff|employees|teachers)\b",
                          label, re.I)) and not re.search(
        r"\b\w+ed\b|\b(?:placements?|internships?|apprenticeships?)\b", label, re.I)


def own_companies(words: str, sentence: str) -> bool:
    """The counted companies are the university's own spin-outs, with no partner's programme behind them."""
    return bool(_SPIN_OUTS.search(words)) and not _SUPPORTED.search(sentence)


GOVERNMENT_UNITS = {"provinces", "cities", "counties", "municipalities", "prefectures", "governments", "regencies"}
# people who are an audience, not a figure of cooperation: "200 guests", "500 experts attended", "attended by 300
# people", "400 people present"
_AUDIENCE_NOUNS = {"participant", "guest", "attendee", "delegate", "audience", "resident", "inhabitant", "spectator",
                   "visitor", "population"}
_AUDIENCE_VERBS = {"attend", "gather", "witness", "visit", "watch", "assemble", "throng"}
# a student body's size, not students a cooperation placed, trained or supported: "42,000 students are enrolled",
# "we teach 60,000 students", "bring 70,000 students into the city"
_LEARNERS = {"student", "pupil", "undergraduate", "postgraduate", "learner", "graduate", "alumnus"}
_ENROLMENT_VERBS = {"enrol", "enroll", "teach", "educate", "study", "bring", "admit", "have", "serve", "attract", "welcome"}
_COOPERATION_CUE = re.compile(r"\b(?:cooperat\w*|collaborat\w*|partner\w*|agreements?|contracts?|mous?|memorand\w*|signed|"
                              r"workstations?|"
                              r"jointly|joint|"
                              # industrial colleges are run with companies; companies "involved" take part
                              r"industr(?:ial|y) colleges?|involved|"
                              r"alliance|together|co-\w+|established|set up|built|launched|attracted|introduced|"
                              r"train\w*|sent|dispatched|work(?:s|ed|ing)? (?:closely )?with|"
                              # students placed with firms, projects done with them: the firms are partners
                              r"placed|placements?|attachments?|internships?|projects (?:\w+ )?with)\b", re.I)


# a label of a share, a rate or a ratio: its figures count nothing ("Graduates staying in the North East (%)")
SHARE_LABEL = re.compile(r"%|\bper ?cent\b|\bpercentage\b|\bshare of\b|\bratio\b", re.I)
