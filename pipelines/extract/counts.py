"""Count facts: aggregate figures a text states ("451 agreements", "with 36 enterprises", "nine universities").

A number (digits or words, with its qualifier) followed within a short noun
phrase by a countable unit of cooperation (agreements, platforms, programs,
enterprises, universities, workstations, practice bases, institutions,
people, cadres, training classes, trainees, technologies, industrial bases,
resources). Anything else (square kilometres, population, years, members of
a delegation, rankings, businesses of a city's economy) is not a count.
"among whom 26,000 own ..." takes the unit of the count before it; "trained
1,681 officials" counts trainees.
"""

from __future__ import annotations

import math
import re

from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import _SURNAMES
from pipelines.extract.money import QUALIFIERS, qualifier_of
from pipelines.extract.syntax import mentions_in_phrase, span_tokens, tokens_in

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_SCALE_WORDS = {"thousand": 1_000, "million": 1_000_000}
_QUAL = "|".join(q for _, q in QUALIFIERS)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|\b(?:{_TENS})-(?:{_UNITS_W})\b|"
    rf"\b(?:{'|'.join(WORD_NUMBERS)})\b(?!-(?:{_UNITS_W})\b))(?![\d%.,]\d)(?!%| percent|-member|-year|th\b|st\b|nd\b|rd\b)", re.I)
COMPOUND_UNITS = {
    "training classes": "training_class", "training sessions": "training_class", "practice bases": "practice_base",
    "internship bases": "practice_base", "practice base": "practice_base", "industrial bases": "industrial_base",
    "industrial base": "industrial_base", "cooperation platforms": "platform", "training class": "training_class",
}
UNITS = {
    "agreements": "agreement", "agreement": "agreement", "contracts": "agreement", "contract": "agreement",
    "mous": "agreement", "memorandums": "agreement", "memoranda": "agreement",
    "platforms": "platform", "platform": "platform", "centers": "platform", "centres": "platform",
    "institutes": "platform", "laboratories": "platform", "labs": "platform", "bases": "platform",
    "programs": "program", "program": "program", "programmes": "program", "projects": "program",
    "project": "program", "items": "program",
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
    "moas": "agreement", "lois": "agreement", "accords": "agreement", "deals": "agreement",
    "partnerships": "agreement", "memorandums of understanding": "agreement",
    "startups": "enterprise", "start-ups": "enterprise", "spin-offs": "enterprise", "spinoffs": "enterprise",
    "smes": "enterprise", "businesses": "enterprise", "manufacturers": "enterprise", "industries": "enterprise",
    "hubs": "platform", "incubators": "platform", "parks": "platform", "alliances": "platform",
    "corplabs": "platform", "facilities": "platform",
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
}
_STOP = {"in", "on", "at", "for", "from", "by", "with", "to", "of", "that", "which", "who", "were", "was", "have",
         "has", "had", "are", "is", "will", "been", "being", "including", "among", "across", "around", "over",
         "under", "valuing", "totaling", "totalling", "worth", "the", "namely", "such", "as", "this", "these",
         "than", "per", "each", "every"}
_QUALWORDS = {"over", "about", "nearly", "roughly", "some", "around", "approximately", "almost", "more", "at", "up"}
_VERBS = {"own", "owns", "are", "is", "was", "were", "have", "has", "had", "will", "can", "signed", "held",
          "join", "joined", "attend", "attended", "become", "became", "work", "works", "come", "came", "said", "made",
         "took", "take", "takes", "taking", "got", "get", "won", "win", "gave", "give", "went", "go", "set", "build",
         "built", "sent", "send", "began", "begin", "led", "lead", "grew", "grow", "saw", "undertook", "undertake",
         "participate", "participated", "settle", "settled", "gather", "gathered", "stay", "stayed", "do", "did"}
# people who are an audience, not a figure of cooperation: "200 guests", "500 experts attended", "attended by 300
# people", "400 people present"
_AUDIENCE_NOUNS = {"participant", "guest", "attendee", "delegate", "audience", "resident", "inhabitant", "spectator",
                   "visitor", "population"}
_AUDIENCE_VERBS = {"attend", "gather", "witness", "visit", "watch", "assemble", "throng"}


# What a place or an institution has ("the province has 5,000 high-tech enterprises", "home to 3,000 firms",
# "the college has 1,200 students", "employing 10,000 people") is its size, not a figure of cooperation,
# unless the sentence speaks of cooperation.
_HAS_BEFORE = re.compile(r"\b(?:has|have|had|with|home to|there (?:are|were)|employ(?:s|ed|ing)?|boasts?|owns?|"
                         r"enrolls?|houses?)\s+(?:a total of\s+|a\s+)?(?:(?:" + _QUAL + r")\s+)?$", re.I)
_COOPERATION_CUE = re.compile(r"\b(?:cooperat\w*|collaborat\w*|partner\w*|agreements?|contracts?|signed|jointly|joint|"
                              r"alliance|together|co-\w+|established|set up|built|launched|attracted|introduced|"
                              r"train\w*|sent|dispatched)\b", re.I)


def _size_statistic(s: str, start: int) -> bool:
    if re.search(r"\bemploy(?:s|ed|ing)?\s+(?:\w+\s+)?$", s[max(0, start - 25):start], re.I):
        return True
    return bool(_HAS_BEFORE.search(s[max(0, start - 30):start])) and not _COOPERATION_CUE.search(s)


def _value(num: str) -> float | None:
    n = num.lower()
    if n in WORD_NUMBERS:
        return WORD_NUMBERS[n]
    if "-" in n:  # "twenty-three"
        tens, _, one = n.partition("-")
        return WORD_NUMBERS[tens] + {"one": 1, **WORD_NUMBERS}[one]
    try:
        v = float(n.replace(",", ""))
    except ValueError:
        return None
    if not math.isfinite(v) or v > 1e12:
        return None  # a 400-digit figure is no count of anything
    return int(v) if v == int(v) else v


def extract(v: SentenceView, spans_to_skip: list[tuple[int, int]]) -> list[dict]:
    s = v.clean
    out: list[dict] = []
    last_unit = None
    size_before: int | None = None
    for m in NUMBER.finditer(s):
        ns, ne = m.start("num"), m.end("num")
        if any(a <= ns < b for a, b in spans_to_skip):
            continue
        before = s[max(0, ns - 12):ns]
        if re.search(r"(?:No\.|No|#|\$|¥|£|€|RMB|Article|Section|Room)\s*$", before):
            continue
        scale = 1
        sm = re.match(r"\s+(thousand|million)\b", s[ne:ne + 12], re.I)
        if sm and m.group("num")[:1].isdigit():
            scale, ne = _SCALE_WORDS[sm.group(1).lower()], ne + sm.end()  # "1.2 million teachers"
        if re.match(r"[-/]\d|\s*(?:years?|months?|days?|hours?|square|sq\b|km|kilometers|meters|mu\b|hectares|"
                    r"times|yuan|million|billion|kinds|types|aspects|fields|areas|ways|rounds|sessions of|%)", s[ne:ne + 12], re.I):
            continue
        num = m.group("num")
        if num[0].isupper() and ns > 0 and re.match(r"[-\s]+[A-Z]", s[ne:ne + 2]):
            continue  # a number word inside a name: "Three Gorges University"
        if num.isalpha() and not m.group("qual") and re.search(r"\b(?:the|these|those|both|its|their|our)\s+$", s[max(0, ns - 8):ns], re.I):
            continue  # "the two universities": a reference back, not a figure
        value = _value(num)
        if value is not None and scale > 1:
            value = int(round(value * scale))
        if value is None or (isinstance(value, float) and not value.is_integer() and value < 1):
            continue
        if isinstance(value, int) and 1900 <= value <= 2100 and "," not in m.group("num"):
            continue
        head = _counted_noun(v, ns, ne)  # the noun the parse says the number counts, or None
        words = re.findall(r"[A-Za-z][\w'-]*|\d[\d,.]*|[,.;:()\"]", s[ne:ne + 120])
        np: list[str] = []
        for w in words:
            lw = w.lower()
            if w in ",.;:()\"" or w[:1].isdigit() or lw in _STOP or lw in _VERBS or lw in ("a", "an") or (
                    lw.endswith("ed") and "-" not in lw and len(lw) > 4 and lw not in UNITS):
                break
            if len(np) >= 7:
                break
            np.append(w)
        unit = None
        low = [w.lower() for w in np]
        # cut at "and" + another number ("10 enterprises and six companies"); drop a dangling "and"
        for i, w in enumerate(low):
            if w == "and" and i + 1 < len(low) and (low[i + 1] in WORD_NUMBERS or low[i + 1][:1].isdigit()
                                                     or low[i + 1] in _QUALWORDS):
                low = low[:i]
                break
        while low and low[-1] == "and":
            low.pop()
        # "35 universities and research institutes": the first conjunct's unit counts the whole group
        for i in range(1, len(low)):
            if low[i] == "and" and low[i - 1] in UNITS and low[i - 1].endswith("s"):
                low = low[:i]
                break
        # "30 cooperation agreements and set up ...": a unit noun before "and" + something that is no unit
        if low and low[-1] not in UNITS and " ".join(low[-2:]) not in COMPOUND_UNITS:
            for i in range(len(low) - 2, -1, -1):
                if low[i] in UNITS and low[i + 1] == "and":
                    low = low[:i + 1]
                    break
        # the head is the parse's counted noun when it is a unit ("4 joint institutes welcome students"), else
        # the last word of the phrase
        if head is not None and head.lower_ in UNITS and head.lower_ in low:
            low = low[:low.index(head.lower_) + 1]
        if low:
            pair = " ".join(low[-2:])
            if len(low) >= 2 and pair in COMPOUND_UNITS:
                unit = COMPOUND_UNITS[pair]
            elif low[-1] in UNITS:
                unit = UNITS[low[-1]]
        if unit is None and not np:
            unit = _row_label_unit(s, m.start(), ne)
        if unit is None:
            unit = _unit_from_parse(v, head)
        number_of = None
        if unit is None:
            unit = number_of = _number_of(v, ns, ne, last_unit)
        if unit is None and not np and last_unit and re.search(r"\b(?:among (?:whom|which|them)|of (?:whom|which)|and)\s+(?:\w+\s+)?$", s[max(0, ns - 30):ns]):
            unit = last_unit
        if unit is None:
            continue
        if unit in ("person", "cadre") and re.search(r"\btrain(?:ed|s|ing)?\s+(?:\w+\s+){0,2}$", s[max(0, ns - 30):ns]):
            unit = "trainee"
        if unit == "person" and _audience(v, ns, ne, head):
            continue
        if _size_statistic(s, m.start()) or (size_before is not None and re.fullmatch(
                r"\s+(?:[\w-]+\s+){0,4}(?:and\s+|,\s+(?:and\s+)?)", s[size_before:m.start()])):
            # "the college has 1,200 students and 80 teachers": the second figure is the same statistic
            size_before = m.end()
            continue
        size_before = None
        last_unit = unit
        role = None if number_of else _syntax(v, ns, ne)
        if role == "skip" or _not_a_tally(v, ns, ne, head):
            continue
        subject = None if role == NO_SUBJECT else role
        before_m = [x for x in v.mentions if x.end <= ns and x.party and x.kind != "org"]
        if role == NO_SUBJECT:
            pass
        elif subject is None and before_m:
            subject = v.resolve(before_m[0])[0]
        if subject is None and role != NO_SUBJECT:
            subject = _implied_holder(v)
        first = max((t.i for t in head.doc if t.idx < ne), default=head.i) if head is not None else None
        words = ({t.lower_ for t in head.doc[first + 1:head.i + 1]} if head is not None and first < head.i
                 else set(low))  # the words between the number and its noun: "teaching practice bases"
        qualifier = "at_least" if s[ne:ne + 1] == "+" else qualifier_of(m.group("qual"))  # "500+ partners"
        out.append({"quantity": value, "qualifier": qualifier, "unit": unit, "subject": subject,
                    "_words": frozenset(words),
                    "_definite": bool(re.search(r"\b(?:the|these|those)\s+$", s[max(0, ns - 7):ns], re.I))})
    out.extend(_ordinal_counts(v, out))
    return out


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}


def _ordinal_counts(v: SentenceView, found: list[dict]) -> list[dict]:
    """ "marking its twelfth joint institute": a body's N-th platform (or agreement, programme) of a kind says it
    has N of them. Only with a possessive (its, their, X's): "the fifth forum" is a rank of events."""
    doc = v.doc
    if doc is None:
        return []
    out = []
    for t in doc:
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t.lower_)
        value = int(m.group(1)) if m else _ORDINALS.get(t.lower_)
        if not value or value > 1000 or t.dep_ != "amod" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = t.head
        if not any(c.dep_ == "poss" for c in head.children):
            continue
        from pipelines.extract.platforms import PLATFORM_NOUNS

        lemma = head.lemma_.lower()
        unit = "platform" if lemma in PLATFORM_NOUNS else UNITS.get(head.lower_ + "s") or UNITS.get(head.lower_)
        if unit is None or any(f["quantity"] == value for f in found):
            continue
        owner = next(c for c in head.children if c.dep_ == "poss")
        subject = v.main_university() if owner.lower_ in ("its", "their") else None
        out.append({"quantity": value, "qualifier": "exact", "unit": unit, "subject": subject or v.state.ctx.main_actor(),
                    "_words": frozenset({head.lower_}), "_definite": False})
    return out


# ------------------------------------------------------------------ the parse's view of a figure

NO_SUBJECT = "<none>"
PLATFORM_SUBJECT = "<platform>"  # + a platform type: the page's platform of that type
_TARGET_VERBS = {"want", "aim", "plan", "aspire", "intend", "hope", "expect", "target", "seek", "strive",
                 "propose", "wish", "envisage", "envision"}


def _syntax(v: SentenceView, ns: int, ne: int):
    """What the dependency parse says of the number at [ns, ne): "skip" when it is no figure of activity
    (a rank "at 13", a target "will hire 27", "aims to attract 100"), else the subject that holds or did
    them (a canonical name) when the clause names one, else None."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return None
    doc = v.doc
    n = toks[-1]
    # the counted noun governs the number ("27 researchers"); a number governed by a preposition or a
    # verb is a rank, a score or an amount of something else
    head = n.head
    if n.dep_ == "pobj" and head.lower_ in ("at", "to", "from", "of", "no"):
        return "skip"  # a rank or a score ("Tsinghua University at 13"), not a figure of activity
    while head.pos_ == "NUM" and head.head is not head:
        head = head.head
    verb = head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could", "may", "might", "should", "can")
           for c in verb.children):
        return "skip"  # a possibility or a wish; "will" states what a signed cooperation provides
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall") for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "by" and any(g.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d\d", g.text)
                                                          for g in c.subtree) for c in verb.subtree):
        return "skip"  # "27 researchers will be hired by 2028": a target with its deadline
    x = verb
    for _ in range(4):
        if x.lemma_.lower() in _TARGET_VERBS:
            return "skip"
        if x.head is x:
            break
        x = x.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        subjects = [g for x in (verb, *(c for c in head.children if c.dep_ == "acl")) for c in x.children
                    if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj",)]
        if not subjects and verb.dep_ in ("conj", "xcomp", "advcl") :
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for sub in subjects:
        for m in mentions_in_phrase(v, sub):
            name = _holder_name(v, m)
            if name:
                return name
        if sub.lower_ == "it" and v.state.last_subject and v.state.last_subject[0] == v.sentence.index - 1:
            return v.state.last_subject[1]  # "It also signed off on 10 projects": the body the sentence before spoke of
        if sub.lemma_.lower() in ("side", "party") or sub.lower_ in ("they", "both"):
            return NO_SUBJECT  # "the two sides have carried out 38 projects": the page's pair, not one holder
        from pipelines.extract.platforms import PLATFORM_NOUNS

        if sub.pos_ == "NOUN" and sub.lemma_.lower() in PLATFORM_NOUNS and any(
                c.dep_ in ("det", "poss") and c.lower_ != "a" for c in sub.children):
            # "the institute has introduced 10 teams": the platform the page named (resolved per page)
            return PLATFORM_SUBJECT + PLATFORM_NOUNS[sub.lemma_.lower()]
        for e in doc.ents:
            if e.label_ in ("ORG", "FAC") and e.start <= sub.i < e.end and sum(t.pos_ == "PROPN" for t in e) >= 2:
                return re.sub(r"^(?:the|The)\s+", "", e.text)  # a body no mention named ("the X Alliance")
    return None


def clause_subject(v: SentenceView) -> str | None:
    """The named body the sentence's main clause is about (the subject of its root verb), for a pronoun in
    the next sentence ("Hai'an signed 10 projects. It also ...")."""
    if v.doc is None:
        return None
    for root in (t for t in v.doc if t.dep_ == "ROOT"):
        for sub in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
            for m in mentions_in_phrase(v, sub):
                name = _holder_name(v, m)
                if name and m.kind != "placeholder":
                    return name
    return None


def _implied_holder(v: SentenceView) -> str | None:
    """A count whose clause names no holder (spec: null when not stated) belongs to the page's main actor only
    when the sentence points at it: it names the actor somewhere ("built around the province", "governments
    in Sichuan province"), or the publisher speaks in the first person, in it or on the page ("we have
    developed 15 ...")."""
    main = v.state.ctx.main_actor()
    if not main:
        return None
    if re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b", v.clean) or v.state.first_person:  # ("US" is a country)
        return main  # the publisher narrates its own work ("We make joint efforts ...")
    if any(_holder_name(v, m) == main for m in v.mentions):
        return main
    return None


def _holder_name(v: SentenceView, m) -> str | None:
    """The canonical name of a mention that can hold a count: a party or a placeholder, never a capitalised
    common word ("Students completed ...") nor a person ("Wang's institute", "Zhang")."""
    if not m.party and m.kind != "placeholder":
        return None
    if m.kind == "org":
        mt = tokens_in(v.doc, m.start, m.end)
        if not any(v.doc[i].pos_ == "PROPN" for i in mt) or all(v.doc[i].ent_type_ == "PERSON" for i in mt) \
                or re.sub(r"'s$", "", m.text).lower() in _SURNAMES:
            return None
    return v.resolve(m)[0]


# agent nouns name people ("researchers", "scientists", "academicians", "trainees", "candidates")
_PERSON_SUFFIX = re.compile(r"(?:ers|ors|ists|ians|ees|ates)$|^(?:students|talents|postdocs|fellows|staff)$")
# collectives that group people or bodies ("10 professor teams"): counted as "other"
_COLLECTIVES = {"teams", "groups", "batches", "consortia", "clusters", "networks", "chains"}
_NOT_UNITS = {"year", "years", "month", "months", "day", "days", "hour", "hours", "week", "weeks", "time", "times",
              "percent", "kilometer", "kilometers", "meter", "meters", "yuan", "dollar", "dollars", "euro", "euros",
              "million", "billion", "thousand", "hundred", "mu", "hectare", "hectares", "square", "tons", "tonnes",
              "kinds", "types", "aspects", "fields", "areas", "ways", "rounds", "sessions", "points", "places",
              "steps", "stages", "phases", "parts", "sides", "parties", "members", "delegates", "guests", "people's",
              "words", "pages", "minutes", "seconds", "decades", "centuries", "households", "residents", "villages",
              "counties", "cities", "provinces", "districts", "countries", "regions", "percentage", "ranking",
              "rank", "age", "items"}


_PERSON_GROUPS = {"faculty", "staff", "team", "research", "expert"}
_BODIES = {"government", "municipality", "authority", "council", "department", "ministry", "agency", "bureau"}


def _counted_noun(v: SentenceView, ns: int, ne: int):
    """The plural noun the number at [ns, ne) counts ("27 researchers", "1.2 million teachers"), by the parse."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return None
    n = toks[-1]
    while n.dep_ in ("compound", "quantmod") and n.head.pos_ == "NUM" and n.head is not n:
        n = n.head  # "1.2" -> "million"
    if n.dep_ != "nummod" or n.head.pos_ not in ("NOUN", "PROPN") or n.head.tag_ not in ("NNS", "NNPS"):
        return None
    return n.head


_ROW_END = re.compile(r"\s*\+?\s*$")


def _row_label_unit(s: str, start: int, ne: int) -> str | None:
    """A list row or stat line that puts its label before the figure ("Research projects: 150", "Students
    supported - 1,200", "Industry partners 500+"): the unit of the label's last unit word."""
    if not _ROW_END.fullmatch(s[ne:]):
        return None
    label = re.sub(r"[\s:=|\u2013\u2014-]+$", "", s[:start])
    words = re.findall(r"[A-Za-z][\w'-]*", label)
    if not words or len(words) > 8 or label != label.lstrip() or re.search(r"[.;!?]", label):
        return None
    low = [w.lower() for w in words]
    for i in range(len(low) - 1, -1, -1):
        if i > 0 and f"{low[i - 1]} {low[i]}" in COMPOUND_UNITS:
            return COMPOUND_UNITS[f"{low[i - 1]} {low[i]}"]
        if low[i] in UNITS:
            return UNITS[low[i]]
    return None


def _audience(v: SentenceView, ns: int, ne: int, head) -> bool:
    """The people the number at [ns, ne) counts are an audience (see _AUDIENCE_NOUNS), by the parse: the noun
    itself, "attending"/"present" after it, the subject of attending or gathering, or the agent of "attended"."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return False
    noun = head if head is not None else toks[-1].head
    if noun.lemma_.lower() in _AUDIENCE_NOUNS or any(t.lemma_.lower() in ("delegation", "population")
                                                     for t in noun.ancestors):
        return True
    if any(c.lower_ in ("attending", "present", "gathered", "assembled") for c in noun.children):
        return True
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and any(
            x.lemma_.lower() in _AUDIENCE_VERBS for x in (verb, *(c for c in verb.children if c.dep_ == "xcomp"))):
        return True  # "500 experts gathered", "600 experts were invited to attend"
    if noun.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_.lower() in _AUDIENCE_VERBS:
        return True  # "the ceremony was attended by 300 people"
    return False


def _number_of(v: SentenceView, ns: int, ne: int, last_unit: str | None = None) -> str | None:
    """"the number of cooperation agreements has risen to 126" / "reached 126": the unit of the noun that
    "number" (or "total") is of, when the figure is what that number came to."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return None
    n = toks[-1]
    verb = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("to", "at") else n.head if n.dep_ in ("dobj", "attr") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    for sub in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c is not n):
        if sub.lemma_.lower() not in ("number", "total", "count", "tally"):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "of" for c in sub.children):
            return last_unit  # "24 new agreements were signed, bringing the total to 156"
        for prep in (c for c in sub.children if c.dep_ == "prep" and c.lower_ == "of"):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                low = noun.lower_
                compound = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1)
                if f"{compound} {low}" in COMPOUND_UNITS:
                    return COMPOUND_UNITS[f"{compound} {low}"]
                if low in UNITS:
                    return UNITS[low]
    return None


# nouns a figure can belong to without being a tally of cooperation: a target ("a target of 50 institutes"),
# a delegation or an audience ("a delegation of 12 officials"), one of a class ("one of 10 national centres")
_NOT_TALLY_HEADS = {"goal", "target", "objective", "aim", "ambition", "vision", "delegation", "population",
                    "audience", "crowd", "one"}
_NAME_LABELS = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT"}


def _not_a_tally(v: SentenceView, ns: int, ne: int, head) -> bool:
    """A rank ("the top 100 universities"), a figure inside a name ("the 211 Project", "the 1000 Talents
    Plan"), or a figure that belongs to a target, a delegation or one of a class (see _NOT_TALLY_HEADS)."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return False
    doc = v.doc
    first, n = toks[0], toks[-1]
    if first.i > 0 and doc[first.i - 1].lower_ == "top":
        return True
    if head is not None and head.lower_ in ("universities", "colleges", "institutions") and any(
            t.lemma_.lower() in ("ranking", "rank") for t in doc):
        return True  # universities counted in a ranking are places in it, not partners
    for e in doc.ents:
        if e.label_ in _NAME_LABELS and e.start <= n.i < e.end and e.root.tag_ in ("NN", "NNP") and e.root.i > n.i:
            return True
    x = head if head is not None else n
    for _ in range(3):
        if x.dep_ != "pobj" or x.head.dep_ != "prep" or x.head.lower_ != "of":
            break
        x = x.head.head
        if x.lemma_.lower() in _NOT_TALLY_HEADS or x.tag_ == "JJS":
            return True
    return False


def _unit_from_parse(v: SentenceView, head) -> str | None:
    """The counted noun by the parse when the words after the number did not name a known unit: the noun the
    number modifies ("10 professor teams", "12 Mainland centres"), as a known unit by its lemma, a person by
    its agent suffix, else ``other`` - in a sentence that speaks of cooperation only."""
    from pipelines.extract.platforms import PLATFORM_NOUNS

    if head is None:
        return None
    low, lemma = head.lower_, head.lemma_.lower()
    compound = " ".join(c.lower_ for c in head.children if c.dep_ == "compound" and c.i == head.i - 1)
    if f"{compound} {low}" in COMPOUND_UNITS:
        return COMPOUND_UNITS[f"{compound} {low}"]
    if low == "members" and compound in _PERSON_GROUPS:
        return "person"  # "150 faculty members"
    if low in _NOT_UNITS or lemma in _NOT_UNITS:
        return None
    if low in UNITS:
        return UNITS[low]  # a unit noun the window missed ("300 visiting scholars since 2012")
    if not _COOPERATION_CUE.search(v.clean):
        return None
    if lemma in _BODIES and head.dep_ not in ("nsubj", "nsubjpass"):
        return "institution"  # "with 30 local governments"
    if lemma in PLATFORM_NOUNS:
        return "platform"
    if _PERSON_SUFFIX.search(low) and low not in ("centers", "computers", "papers", "letters", "orders", "rates",
                                                  "headquarters", "quarters", "matters", "layers"):
        return "person"
    if low in _COLLECTIVES:
        return "other"
    return None
