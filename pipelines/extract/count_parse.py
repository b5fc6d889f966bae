"""The dependency parse's view of a figure in a sentence: the noun it counts, whether it is a tally at all
(not a rank, a name, a target, an audience), and who holds it.

Split out of ``counts.py``, which reads the figures and calls these.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.count_units import (
    _AUDIENCE_NOUNS, _AUDIENCE_VERBS, _COOPERATION_CUE, _ENROLMENT_VERBS, _LEARNERS, COMPOUND_UNITS, SHARE_LABEL, UNITS,
)
from pipelines.extract.lexicon import _SURNAMES
from pipelines.extract.syntax import mentions_in_phrase, span_tokens, tokens_in

# ------------------------------------------------------------------ the parse's view of a figure

NO_SUBJECT = "<none>"
# nouns of what is not yet done or only room for it: a figure in their "with"/"for" phrase is no tally
_NOT_YET_NOUNS = {"talk", "talks", "negotiation", "discussion", "place", "places", "capacity", "room", "seat", "slot"}
PLATFORM_SUBJECT = "<platform>"  # + a platform type: the page's platform of that type
_PLAN_NOUNS = {"plan", "target", "goal", "aim", "objective", "ambition", "roadmap", "blueprint", "proposal"}
# verbs of an undertaking: what they govern through "to" is still to be done
_COMMIT_VERBS = {"agree", "pledge", "commit", "promise", "vow", "undertake", "decide", "resolve"}
_TARGET_VERBS = {"want", "aim", "plan", "aspire", "intend", "hope", "expect", "target", "seek", "strive",
                 "propose", "wish", "envisage", "envision", "explore", "consider", "schedule"}


def _syntax(v: SentenceView, ns: int, ne: int, rank_check: bool = True):
    """What the dependency parse says of the number at [ns, ne): "skip" when it is no figure of activity
    (a rank "at 13", a target "will hire 27", "aims to attract 100"), else the subject that holds or did
    them (a canonical name) when the clause names one, else None. ``rank_check=False`` for what "the number of
    X" came to ("has risen to 126"), which the rank test would take for a rank."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return None
    doc = v.doc
    n = toks[-1]
    # the counted noun governs the number ("27 researchers"); a number governed by a preposition or a
    # verb is a rank, a score or an amount of something else
    head = n.head
    if rank_check and n.dep_ == "pobj" and head.lower_ in ("at", "to", "from", "of", "no"):
        return "skip"  # a rank or a score ("Tsinghua University at 13"), not a figure of activity
    while head.pos_ == "NUM" and head.head.i != head.i:
        head = head.head
    verb = head
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could", "may", "might", "should", "can", "must")
           for c in verb.children):
        return "skip"  # a possibility, a wish or a rule ("must host at least three"); "will" states what a signed
        # cooperation provides
    chain = [verb]
    while chain[-1].dep_ in ("conj", "xcomp") and chain[-1].head.i != chain[-1].i and len(chain) < 5:
        chain.append(chain[-1].head)  # ("will introduce 15 institutes, conclude agreements with 30 universities")
    future = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall") for x in chain for c in x.children)
    # (an infinitive is a future too, where a deadline follows: "Hub to train 1,200 hydrogen workers by 2030")
    # (not one a past act governs: "By the end of 2024, Nanhai had attracted 21 universities to set up 24 ...")
    future = future or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not (
        verb.head.tag_ in ("VBD", "VBN") and verb.head.i != verb.i)
    if future and any(c.dep_ == "prep" and c.lower_ == "by" and any(
            g.ent_type_ == "DATE" or re.fullmatch(r"(?:19|20)\d\d", g.text) for g in c.subtree)
                      for x in chain for c in x.subtree) or _deadline_ahead(v) and any(
            t.lower_ in ("will", "shall") and t.dep_ in ("aux", "auxpass") for t in doc):
        return "skip"  # "27 researchers will be hired by 2028", "By 2027 the city will ...": a target with its deadline
    if future and any(c.dep_ == "nsubj" and c.lower_ == "we" for x in chain for c in x.children) and \
            v.state.ctx.university is None:
        return "skip"  # "We will sign agreements with at least 20 more universities" on a government's page: its plan
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in verb.children) and verb.head.lemma_ == "be" or \
            verb.lemma_ == "be" and any(x.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
                                        for x in verb.children):
        return "skip"  # "ten industrial colleges are to be set up": a plan
    if head.dep_ == "pobj" and head.head.head.pos_ == "NOUN" and head.head.head.lemma_.lower() in _NOT_YET_NOUNS:
        # ("in talks with three companies", "places for 120 trainees": talks and capacity, no tally; the noun
        # only: "placed 22 associates in 17 firms" is a tally)
        return "skip"
    if verb.lemma_.lower() in ("express", "show", "register") and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "interest" for c in verb.children):
        return "skip"  # "30 companies had expressed interest": a wish
    x, below = verb, None
    for _ in range(4):
        if below is not None and x.lemma_.lower() in _COMMIT_VERBS and (
                below.dep_ == "xcomp" or below.dep_ == "prep" and below.lower_ == "to"):
            # "agreed to train 500 engineers", "pledged to support 20 projects", "committed to setting up 6
            # centres": an undertaking, a plan's figures (what they agreed on is no plan: "agreed on 12 projects")
            return "skip"
        if below is not None and below.dep_ == "prep" and below.lower_ in ("of", "to") and x.pos_ == "NOUN" \
                and x.lemma_.lower() in _PLAN_NOUNS:
            return "skip"  # "has set a goal of training 10,000 battery workers": the figure of a goal
        if x.lemma_.lower() in _TARGET_VERBS or x.lemma_.lower() in ("call", "envisage", "envision", "foresee") and \
                x.tag_ in ("VBZ", "VBP", "VB") and any(c.dep_ == "nsubj" and c.lemma_.lower() in _PLAN_NOUNS
                                                       for c in x.children):
            # ("aims to attract 100", "The plan calls for 25 industry partners": a plan's figures; what a plan did is
            # a tally: "the plan supported 274,000 students")
            return "skip"
        if x.head.i == x.i:
            break
        x, below = x.head, x
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _PRESENCE_VERBS:
        return "skip"  # "400 companies operate in the area", "12 firms are based there": what a place has
    if head.dep_ in ("nsubj", "nsubjpass"):
        subjects = [g for x in (verb, *(c for c in head.children if c.dep_ == "acl")) for c in x.children
                    if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not subjects and head.dep_ == "nsubjpass":
            # "Two centres were set up through NRF's funding scheme": the owner of the means they were set up by
            subjects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("through", "under", "via")
                        for g in c.children if g.dep_ == "pobj" for o in g.children if o.dep_ == "poss"]
    else:
        # "three hubs led by A": the agent of a participle on the counted noun holds them, before the clause's
        # subject (the minister announcing them)
        subjects = [g for c in head.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                    for g in a.children if g.dep_ == "pobj"]
        subjects = subjects or [c for c in verb.children if c.dep_ in ("nsubj",)]
        up = verb
        for _ in range(3):  # "has attracted 8 teams, incubated 5 companies and signed 23 contracts": one subject
            if subjects or up.dep_ not in ("conj", "xcomp", "advcl"):
                break
            up = up.head
            subjects = [c for c in up.children if c.dep_ == "nsubj"]
    # "the X Institute, which has since incubated 12 companies": a relative pronoun stands for the noun its
    # clause hangs on
    subjects = [verb.head if sub.lower_ in ("which", "that", "who") and verb.dep_ == "relcl" else sub
                for sub in subjects]
    for sub in subjects:
        if any(_holder_name(v, m) for c in sub.conjuncts for m in mentions_in_phrase(v, c)):
            return NO_SUBJECT  # "three hubs led by A, B and C": several holders, none of them the holder
        for m in mentions_in_phrase(v, sub):
            name = _holder_name(v, m)
            if name:
                return name
        if sub.lower_ == "we" and v.state.ctx.main_actor():
            return v.state.ctx.main_actor()  # the publisher narrating its own work ("we have supported 27 ...")
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


def _deadline_ahead(v: SentenceView) -> bool:
    """The sentence names a deadline after its page's year ("By 2027 ...", "by the end of 2026")."""
    pub = v.state.published
    return bool(pub) and any(int(y) > int(pub[:4]) for y in re.findall(
        r"\b[Bb]y (?:the end of |end-)?((?:19|20)\d\d)\b", v.clean))


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


# "Chinese universities signed 518,000 contracts", "Nationwide, universities signed ...", "The country's 141 science
# parks": the country's tally (the figures of a Chinese page's country: China)
_CHINESE_BODIES = re.compile(r"\bChinese\s+(?:[a-z-]+\s+)?(?:universities|colleges|companies|enterprises|institutions|"
                             r"firms|provinces|cities)\b")
_NATIONWIDE = re.compile(r"^\s*(?:Nationwide|Across the country|Across China)\b|\b(?:[Tt]he country's|nationwide|"
                         r"across the country)\b")


def _national_holder(v: SentenceView) -> str | None:
    """China, for a tally whose main clause's subject is "Chinese universities" (or companies, ...), or one told
    "nationwide" or as "the country's" on a site under .cn; else None."""
    if v.doc is None:
        return None
    subj = [t for t in v.doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    if any(_CHINESE_BODIES.search(v.clean, t.left_edge.idx, t.idx + len(t) + 1) for t in subj):
        return "China"
    url = v.state.ctx.url or ""
    if _NATIONWIDE.search(v.clean) and re.match(r"https?://[^/]*\.cn(?:/|$)", url):
        return "China"
    return None


def _implied_holder(v: SentenceView) -> str | None:
    """A count whose clause names no holder (spec: null when not stated) belongs to the page's main actor only
    when the sentence points at it: it names the actor somewhere ("built around the province", "governments
    in Sichuan province"), or the publisher speaks in the first person, in it or on the page ("we have
    developed 15 ...")."""
    national = _national_holder(v)
    if national:
        return national
    main = v.state.ctx.main_actor()
    if not main:
        return None
    if re.search(r"\b(?:[Ww]e|[Oo]ur|us)\b", v.clean) or v.state.first_person:  # ("US" is a country)
        return main  # the publisher narrates its own work ("We make joint efforts ...")
    if any(_holder_name(v, m) == main for m in v.mentions):
        return main
    if main == v.state.ctx.university and not any(_holder_name(v, m) for m in v.mentions if not m.locative):
        # a university's own page telling its figures with no body named ("22 agreements were concluded in
        # 2024", "64 joint laboratories were in operation"): the university's
        return main
    return None


# verbs of being somewhere: the bodies that do them are a place's size, not a figure of cooperation
_PRESENCE_VERBS = {"operate", "locate", "base", "headquarter", "reside", "exist", "sit", "lie"}


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
    while n.dep_ in ("compound", "quantmod") and n.head.pos_ == "NUM" and n.head.i != n.i:
        n = n.head  # "1.2" -> "million"
    if n.dep_ == "nummod" and n.head.tag_ == "NN":
        # "9,600 tea and bamboo growers": the parse hangs the number on the first conjunct's modifier
        # (the conjunct ends the phrase: not "300 academician and specialists workstations")
        plural = [c for c in n.head.conjuncts if c.i > n.head.i and c.tag_ in ("NNS", "NNPS")
                  and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].pos_ in ("NOUN", "PROPN"))]
        if plural:
            return plural[0]
    if n.dep_ != "nummod" or n.head.pos_ not in ("NOUN", "PROPN") or n.head.tag_ not in ("NNS", "NNPS"):
        return None
    return n.head


# (a stat line's figure may carry a bracket after it: "Sponsored research projects sanctioned: 86 (₹41.7 crore)")
_ROW_END = re.compile(r"\s*\+?\s*(?:\([^()]{1,40}\)\s*)?$")


def row_label(s: str, start: int, ne: int) -> str | None:
    """The label of a list row or stat line whose figure ends it ("Research projects: 150", "Grassroots cadres
    trained: 3,500", "Undergraduate students | 17,950"), or None."""
    if not _ROW_END.fullmatch(s[ne:]) and not re.match(r"\s*(?:in total)?\s*,", s[ne:]):
        return None
    label = re.sub(r"[\s:=|\u2013\u2014-]+$", "", s[:start])
    if label == s[:start].rstrip() and not _ROW_END.fullmatch(s[ne:]):
        return None  # (a figure followed by more words is a row's only when a colon or bar sets it off)
    words = re.findall(r"[A-Za-z][\w'-]*", label)
    if not words or len(words) > 10 or label != label.lstrip() or re.search(r"[.;!?]", label):
        return None
    return label


_ROW_PREPS = {"with", "for", "by", "under", "between", "in", "to", "at"}


def _row_label_unit(s: str, start: int, ne: int) -> str | None:
    """A list row or stat line that puts its label before the figure ("Research projects: 150", "Students
    supported - 1,200", "Industry partners 500+"): the unit of the label's last unit word. A label of a share counts
    nothing ("Graduates staying in the North East (%)")."""
    label = row_label(s, start, ne)
    if label is None or SHARE_LABEL.search(label):
        return None
    low = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", label)]
    # "Students placed in industry internships: 640+": what a participle is said of is what the row counts
    # ("Joint laboratories with enterprises: 41": so is what a preposition's partners are of)
    cut = next((i for i, w in enumerate(low) if i > 0 and (re.fullmatch(r"[a-z]{3,}ed", w) or w in _ROW_PREPS)
                and any(x in UNITS for x in low[:i])), None)
    if cut is not None:
        low = low[:cut]
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
    return _drawn_by_event(noun) or _took_part(noun)


def _list_first(t):
    """The first member of the list t is in ("260 companies and 37 universities": "37 universities" -> "260
    companies"), t itself when it is in none."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t


def _took_part(noun) -> bool:
    """The noun (or the list it opens) took part in an event: "More than 260 companies and 37 universities took part
    in the matchmaking fair" (its audience; not "took part in the cooperation")."""
    noun = _list_first(noun)
    verb = noun.head
    if noun.dep_ != "nsubj" or not (verb.lemma_.lower() == "participate" or verb.lemma_.lower() == "take" and any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(t.lemma_.lower() in _EVENT_WORDS for t in c.subtree)
               for c in verb.children)


def _drawn_by_event(noun) -> bool:
    """The noun (or the list it opens) is what an event drew: "the fair, which drew more than 1,200 job seekers and
    360 employers"."""
    noun = _list_first(noun)
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() != "draw":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subj = verb.head
    return subj is not None and any(t.lemma_.lower() in _EVENT_WORDS for t in subj.subtree)


_EVENT_WORDS = {"day", "days", "fair", "conference", "forum", "expo", "exhibition", "event", "festival", "summit",
                "meeting", "week", "symposium", "show", "ceremony", "session", "workshop"}


def audience_of_bodies(v: SentenceView, ns: int, ne: int, head) -> bool:
    """The universities, institutions or companies the number at [ns, ne) counts are where an event's audience came
    from, by the parse: people "of" or "from" them (or a list of such people) attended, toured or gathered ("heads
    of 27 universities ... attended the conference", "300 experts from 40 universities attended", "the presidents
    of three universities toured the site"), or an event drew them ("which drew more than 40 companies")."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return False
    noun = head if head is not None else toks[-1].head
    if _drawn_by_event(noun) or _took_part(noun):
        # ("... Innovation Days, which drew more than 40 companies": an event's audience; not "Qingdao has drawn 24
        # universities to set up campuses", partners a place attracted)
        return True
    x = noun
    for _ in range(3):  # up through "of"/"from" to the people, and through a list to its first member
        if x.dep_ == "pobj" and x.head.lower_ in ("of", "from") and x.head.head.i != x.head.i:
            x = x.head.head
        elif x.dep_ == "conj":
            x = x.head
        else:
            break
    if x is noun:
        return False
    x = _list_first(x)  # ("attended by the district's Party secretary and heads of 20 companies": the list's first)
    verb = x.head
    if x.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_.lower() in _AUDIENCE_VERBS:
        return True  # "The ceremony was attended by ... heads of 20 medical device companies"
    if x.dep_ == "dobj" and verb.lemma_.lower() == "meet":
        return True  # "The delegation also met representatives of A*STAR and three companies": whom a visit met
    return x.dep_ in ("nsubj", "nsubjpass") and (verb.lemma_.lower() in _AUDIENCE_VERBS | {"tour"} or (
        # "Presidents of 58 universities met in Hefei for the annual forum": who met (no one they met)
        verb.lemma_.lower() == "meet" and not any(c.dep_ == "dobj" for c in verb.children)))


def student_body(v: SentenceView, ns: int, ne: int, head) -> bool:
    """The learners the number at [ns, ne) counts are a student body, by the parse: the subject or object of
    enrolling, teaching, having ("42,000 students are enrolled", "teach 60,000 students"); students a
    cooperation placed, trained or supported are counts."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return False
    noun = head if head is not None else toks[-1].head
    verb = noun.head
    if noun.lemma_.lower() in _LEARNERS and any(c.dep_ == "poss" and c.lower_ in ("our", "its", "their")
                                                  for c in noun.children):
        return True  # "Our 84,000 students and 1,900 academic staff are a resource": its own student body
    return noun.lemma_.lower() in _LEARNERS and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and (
        verb.lemma_.lower() in _ENROLMENT_VERBS or any(c.lemma_.lower() in ("enrol", "enroll", "study")
                                                       for c in verb.children if c.dep_ in ("acomp", "xcomp")))


def _number_of(v: SentenceView, ns: int, ne: int, last_unit: str | None = None) -> str | None:
    """"the number of cooperation agreements has risen to 126" / "reached 126": the unit of the noun that
    "number" (or "total") is of, when the figure is what that number came to."""
    toks = span_tokens(v, ns, ne)
    if not toks:
        return None
    # "bringing the number of platforms the two have set up together to ten": whatever the parse made of it
    told = re.search(r"\bthe (?:total )?number of (?:[\w-]+ ){0,3}?(?P<noun>[\w-]+s)\b[^.;]{0,80}?\bto\s+$",
                     v.clean[max(0, ns - 140):ns], re.I)
    if told and told.group("noun").lower() in UNITS:
        return UNITS[told.group("noun").lower()]
    n = toks[-1]
    verb = n.head.head if n.dep_ == "pobj" and n.head.lower_ in ("to", "at") else n.head if n.dep_ in ("dobj", "attr") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    for sub in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c is not n):
        if verb.lemma_.lower() in ("number", "total") and sub.dep_ == "nsubj" and sub.lower_ in UNITS:
            return UNITS[sub.lower_]  # "Technology transfer contracts signed numbered 1,348"
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
# a delegation or an audience ("a delegation of 12 officials"), one of a class ("one of 10 national centres"), a
# survey's sample
_NOT_TALLY_HEADS = {"goal", "target", "objective", "aim", "ambition", "vision", "delegation", "population",
                    "audience", "crowd", "one",
                    # the sample of a survey or a poll ("The survey of 1,050 businesses found ...")
                    "survey", "poll", "sample"}
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
        if e.label_ in _NAME_LABELS and e.start <= n.i < e.end and e.root.tag_ in ("NN", "NNP") and e.root.i > n.i \
                and not any(c.i > e.root.i and c.tag_ == "NNS" and c.lower_ in UNITS for c in e.root.conjuncts):
            return True  # (not "320 master's and doctoral graduates", which the recogniser takes for a product)
    x = head if head is not None else n
    x = _list_first(x)  # "a target of 200 agreements and 40 institutes": the second figure belongs to it too
    for _ in range(3):
        if x.dep_ != "pobj" or x.head.dep_ != "prep" or x.head.lower_ != "of":
            break
        x = x.head.head
        if x.lemma_.lower() in _NOT_TALLY_HEADS or x.tag_ == "JJS":
            return True
    if x.dep_ == "attr" and x.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _NOT_TALLY_HEADS for c in x.head.children):
        return True  # "Our target for 2025 is 80 industry agreements": what the target is
    if head is not None and re.match(r"\s+of\s+(?:its|their|our|his|her)\s+own\b", v.clean[head.idx + len(head):]):
        return True  # "The zone also operates 12 incubators of its own": one body's own, no cooperation's tally
    return _planned(x)


# people a cooperation is to train, hire or place: a plan while it is in the future
_PLANNED_VERBS = {"train", "hire", "recruit", "second", "fund", "enrol", "enroll", "admit", "take", "send", "station",
                  "employ", "cultivate", "place", "sponsor", "award", "create", "host",
                  # a quota of a call: "No more than 20 centers will be approved this year"
                  "approve", "select", "name", "designate", "accept",
                  # what a page says will be signed or taken in ("will sign agreements with all 14 cities", "30
                  # scholars will be inducted"): intentions (convention 4)
                  "sign", "conclude", "ink", "induct"}
_GOAL_WORDS = {"goal", "aim", "target", "plan", "objective", "ambition", "mission", "intend", "expect", "strive", "seek"}


_REQUIRING = ("shall", "must", "should")  # what a rule requires of a body ("shall have no fewer than ten researchers")


def _planned(x) -> bool:
    """The figure is the object of a verb the sentence puts in the future or sets as a goal ("The hub will train 12 PhD
    students", "the stated goal is to train 500 engineers by 2030"): a plan, no count (convention 9)."""
    def future(verb) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children)

    for _ in range(3):
        if x.head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _REQUIRING
                                                   for c in x.head.children):
            return True  # "the center shall have no fewer than ten full-time researchers": a requirement, no tally
        if x.dep_ == "pobj" and x.head.lower_ == "with" and x.head.head.pos_ == "VERB" \
                and x.head.head.lemma_.lower() in ("sign", "conclude", "ink") and future(x.head.head):
            return True  # "will sign agreements with all 14 cities": the parties of a signing to come
        if x.dep_ in ("dobj", "obj", "nsubjpass") and x.head.pos_ in ("VERB", "AUX"):
            verb = x.head
            if verb.lemma_.lower() in _PLANNED_VERBS and future(verb):
                return True  # (a body "will bring together 60 researchers", partners "will commission 41 projects"
                # under an agreement: what it is made of, which the gold counts)
            if verb.dep_ in ("xcomp", "ccomp", "advcl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) \
                    and (verb.head.lemma_.lower() in _GOAL_WORDS or any(
                        c.dep_ == "nsubj" and c.lemma_.lower() in _GOAL_WORDS for c in verb.head.children)):
                return True
            return False
        if x.head.i == x.i:
            return False
        x = x.head
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
