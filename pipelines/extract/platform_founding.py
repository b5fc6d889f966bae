"""Platform vocabulary and founding: the platform nouns and their types, and whether the sentence's syntax
sets a body up (a founding verb or noun, a ceremony, a joint venture, coordination with such a phrase).

Split out of ``platforms.py``; ``pipelines.extract.platforms`` re-exports the public names.
"""

from __future__ import annotations

import re

from pipelines.extract.lexicon import NATIONS

from pipelines.extract.syntax import AGREEMENT_NOUNS, SIGN_VERBS


PLATFORM_NOUNS = {
    "institute": "institute", "center": "center", "centre": "center", "base": "research_base",
    "park": "industrial_park", "laboratory": "laboratory", "lab": "laboratory", "corplab": "laboratory",
    "workstation": "workstation", "college": "college", "alliance": "alliance", "platform": "service_platform",
    # (a hub is a centre: so the gold of the development sets types 56 of the 66 hubs it names)
    "hub": "center", "incubator": "other", "port": "other", "valley": "other", "town": "other", "city": "other",
    "think tank": "other", "academy": "institute", "consortium": "alliance",
    # (a station is a research base: so the gold of the development sets types 17 of the 19 stations it names)
    "observatory": "other", "node": "other", "station": "research_base", "district": "industrial_park",
    "testbed": "laboratory", "gateway": "service_platform",
    # the "science and technology courtyard" (keji xiaoyuan): a research base on a farm or in a village
    "courtyard": "research_base", "backyard": "research_base",
    # (a Japanese university's "collaborative research division" with a company: a joint laboratory)
    "division": "laboratory",
}
# plural forms the lemmatizer misreads ("bases" -> "basis")
PLATFORM_PLURALS = {"institutes": "institute", "centers": "center", "centres": "centre", "bases": "base", "parks": "park",
            "laboratories": "laboratory", "labs": "lab", "workstations": "workstation", "colleges": "college",
            "alliances": "alliance", "platforms": "platform", "hubs": "hub", "incubators": "incubator",
            "academies": "academy", "consortia": "consortium", "consortiums": "consortium",
            "observatories": "observatory", "stations": "station", "testbeds": "testbed", "gateways": "gateway",
            "courtyards": "courtyard", "backyards": "backyard", "divisions": "division"}

def name_head(name: str, preps: tuple[str, ...] = ("of", "for", "on")) -> str | None:
    """The platform noun heading a name, singular: its last word, or the noun before an "of"/"for"/"on" part
    ("Ganzhou Institute of Hakka Medicine" -> institute); None when no platform noun heads it."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    heads = [w for i, w in enumerate(words) if (w in PLATFORM_NOUNS or w in PLATFORM_PLURALS)
             and (i == len(words) - 1 or words[i + 1] in preps)]
    return PLATFORM_PLURALS.get(heads[-1], heads[-1]) if heads else None


# heads that name a platform only together with a modifier saying so ("science town", "innovation port")
_NEEDS_MODIFIER = {"hub", "incubator", "port", "valley", "town", "base", "platform", "city", "station", "gateway", "testbed",
                   "courtyard", "backyard", "division"}
_INNOVATION_WORDS = {"science", "sci-tech", "technology", "innovation", "knowledge", "research", "industrial",
                     "industry", "high-tech", "international", "entrepreneurship", "incubation", "demonstration",
                     "experimental", "test", "training", "practice", "internship", "education", "teaching",
                     "cooperation", "production", "r&d", "collaborative"}
CREATE_VERBS = {"establish", "build", "set", "found", "launch", "unveil", "inaugurate", "open", "create",
                "construct", "co-build", "cobuild", "co-found", "co-construct", "form", "complete", "start",
                "develop", "plan", "design", "jointly", "initiate", "establishe", "kick"}
CREATE_NOUNS = {"establishment", "construction", "launch", "opening", "building", "founding", "unveiling",
                "inauguration", "creation", "setting", "groundbreaking", "co-construction", "development"}
_GENERIC = {"the", "a", "an", "new", "joint", "this", "that", "its", "their", "our", "first", "such", "more",
            "major", "key", "newly", "these", "those", "another", "other", "several", "various", "two", "three",
            "each", "every", "both", "one", "said", "own", "relevant", "corresponding", "powerful", "important",
            "leading", "local", "world-class", "high-level", "large", "big", "national", "provincial", "municipal"}
_BASE_KINDS = [("internship_base", re.compile(r"\b(?:internship|practice|training|teaching|education)\b", re.I)),
               ("research_base", re.compile(r".", re.S))]


def _lemma(t) -> str:
    return t.lemma_.lower()


_NATION_PAIR_BEFORE = re.compile(r"\b" + NATIONS + r"\s+$")


def _head_word(t) -> str | None:
    w = t.lower_
    if w in ("tank", "tanks"):  # "think tank": a research body; any other tank is not
        return "think tank" if t.i > 0 and t.doc[t.i - 1].lower_ == "think" else None
    if w == "campus":  # "the Sino-Italian Campus": a campus two countries' bodies run; any other is a university's
        return "campus" if _NATION_PAIR_BEFORE.search(t.doc.text[max(0, t.idx - 40):t.idx]) else None
    if w == "district":  # "an innovation district": a park; any other district is a place
        return "district" if t.i > 0 and t.doc[t.i - 1].lower_ in ("innovation", "knowledge", "technology") else None
    if w in PLATFORM_NOUNS:
        return w
    if w in PLATFORM_PLURALS:
        return PLATFORM_PLURALS[w]
    lem = _lemma(t)
    if lem in PLATFORM_NOUNS:
        return lem
    return None


# running a body together is having set it up together: "jointly run by A and B", "co-managed by A and B"
_RUN_VERBS = {"run", "operate", "manage", "administer", "host", "sponsor", "govern"}


def _founding(tok) -> bool:
    """A founding verb (establish, build, set up, ...), by lemma or by form; a body run jointly ("jointly run by",
    "co-managed by"); a body put into (or gone into) operation or service, or that began operations."""
    lem, low = _lemma(tok), tok.lower_
    if lem in CREATE_VERBS or low in CREATE_VERBS:
        return True
    doc, i = tok.doc, tok.i
    rest = None
    if low.startswith("co-"):
        rest = low[3:]
    elif low == "co" and i + 2 < len(doc) and doc[i + 1].text == "-":  # "co - managed" tokenised apart
        rest = doc[i + 2].lemma_.lower()
    elif i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "co":
        rest = lem
    if rest and any(rest.startswith(v) for v in _RUN_VERBS | {"establish", "found", "build", "creat", "construct"}):
        return True
    if lem in _RUN_VERBS and tok.pos_ == "VERB" and any(
            c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in tok.children):
        return True
    if lem in _RUN_VERBS and (tok.tag_ == "VBN" or tok.dep_ in ("relcl", "acl")) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return True  # "the X Centre, run with South32 since 2021", "the X Hub, which we run with Y", "three centres run
        # with Y" (a participle the parse tags as a present verb): run jointly
    named = [c for c in tok.children if c.dep_ == "dobj" and c.text[:1].isupper()] \
        if lem in ("run", "operate", "manage", "administer") and tok.pos_ == "VERB" else []
    if named and (
            any(_with_name(c) for c in tok.children) or any(_with_name(c) for c in named[0].children)
            or nested_with(named[0])):
        return True  # "A operates the X Institute with B", "A has run the X Center for Smart Manufacturing with B
        # since 2019" (the parse hangs "with B" on the name's last word): run jointly
    if lem == "dedicate" and tok.pos_ == "VERB" and not any(c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                                            for c in tok.children):
        return True  # "A and B on Monday dedicated the X Lab": opened it (not "a centre dedicated to X")
    if lem in ("put", "go", "come") and any(c.dep_ == "prep" and c.lower_ == "into" and any(
            g.lower_ in ("operation", "use", "service") for g in c.children) for c in tok.children):
        return True  # ("were put into operation", "went into operation", "came into service")
    if lem in ("begin", "start", "commence") and any(c.dep_ == "dobj" and c.lower_ in ("operation", "operations")
                                                    for c in tok.children):
        return True  # ("the X Institute began operations in May")
    return False


def _with_name(prep) -> bool:
    """A "with" phrase naming a body ("with Kasetsart University"), not a means ("with 40 researchers")."""
    return prep.dep_ == "prep" and prep.lower_ == "with" and any(g.dep_ == "pobj" and g.pos_ == "PROPN"
                                                                  for g in prep.children)


def nested_with(t) -> list:
    """The "with" phrases the parse hangs on the last word of a name's complement ("the X Center for Smart
    Manufacturing with B": "with B" hangs on "Manufacturing") that belong to the name or its verb; none inside a
    cooperation noun ("the Centre for Cooperation with Africa")."""
    return [x for x in t.subtree if x.i > t.i and x.dep_ == "prep" and x.lower_ == "with" and x.head.i != t.i
            and x.head.dep_ == "pobj" and x.head.head.lower_ in ("for", "of", "on", "in")
            and _lemma(x.head) not in _JOINT_NOUNS | {"partnership", "cooperation", "collaboration", "exchange"}
            and _with_name(x)]


_CEREMONY_NOUNS = {"ceremony", "event", "celebration", "gala", "rite"}
_PLAQUE_NOUNS = {"plaque", "nameplate", "signboard", "board", "sign"}
# what a co-founded body is said to be: "a collaboration between A and B", "a joint venture of A and B"
_JOINT_NOUNS = {"collaboration", "partnership", "venture", "initiative", "cooperation", "effort", "project"}


def _cooperation_of(t):
    """The cooperation noun a platform is said to be, by a copula or an apposition, when it names its sides or is
    joint: "The X Centre is a collaboration between A and B", "the X Lab, a joint initiative of A and B"."""
    cands = [c for c in t.children if c.dep_ == "appos"]
    doc = t.doc
    if t.i + 3 < len(doc) and doc[t.i + 1].text == "," and doc[t.i + 2].lower_ in ("a", "an"):
        # ", a collaboration between A and B" right after the name, which the parse hung elsewhere
        cands += [x for x in doc[t.i + 3:t.i + 6] if x.pos_ == "NOUN"][:1]
    if t.dep_ == "nsubj" and _lemma(t.head) == "be":
        cands += [c for c in t.head.children if c.dep_ == "attr"]
    for c in cands:
        if _lemma(c) not in _JOINT_NOUNS or c.pos_ != "NOUN":
            continue
        sides = any(p.dep_ == "prep" and p.lower_ in ("between", "of", "with", "among") for p in c.children)
        joint = any(x.lower_ in ("joint", "jointly") for x in c.children)
        if sides and (joint or _lemma(c) not in ("initiative", "effort", "project")) or joint and _lemma(c) != "project":
            return c
    return None
# (a machine translation's "hang card" / "listing" ceremony is a plaque's: the body gets its sign)
_FOUNDING_WORDS = CREATE_NOUNS | {"unveiling", "launching", "inaugural", "commissioning", "plaque", "opening", "card",
                                  "listing", "nameplate", "signboard"}


def _founding_ceremony(g) -> bool:
    """A ceremony noun whose modifiers say it founds something: "unveiling ceremony", "launch event"."""
    if _lemma(g) not in _CEREMONY_NOUNS or g.pos_ != "NOUN":
        return False
    return any(x.lower_ in _FOUNDING_WORDS or _lemma(x) in _FOUNDING_WORDS or x.lower_.endswith("-unveiling")
               for x in g.subtree if x.i < g.i)


_UNIVERSITY_WORDS = {"University", "Institute", "College", "Polytechnic", "Vishwavidyalaya", "Universitas", "Universidad",
                     "Universität", "Université", "Universiteit"}


_PARTICIPLE_WITH = re.compile(r"\s*(?:jointly\s+|co-\s*)?(?P<verb>built|founded|established|set\s+up|created|launched|"
                              r"constructed)\s+(?:(?:by|in|and)\s+\S+\s+)?(?:together\s+)?with\b")


# the same after a comma, dated or placed rather than joined: "the X Hub, set up in 2020 together with Y", "the X
# Centre for Y, established in 2012, ..." (or after a list row's dash: "X Lab - co-founded with Y in 2021")
_PARTICIPLE_AFTER = re.compile(r"\s*[,\u2013\u2014-]\s*(?:jointly\s+|co-\s*)?(?P<verb>built|founded|established|set\s+up|created|"
                               r"launched|constructed|co-founded|co-built)\s+(?:jointly\s+)?(?:by|in|with|together|at)\b")


def _name_end(t) -> int:
    """The index just past the name headed by t, its complements included ("the X Centre for Y"): the contiguous
    run of t's subtree after t, up to a comma."""
    doc, j = t.doc, t.i + 1
    sub = {x.i for x in t.subtree}
    while j < len(doc) and j in sub and doc[j].text != ",":
        j += 1
    return j


def _built_by(t, dep: str, after: int = -1):
    """A participle of founding with an agent hung on t as ``dep`` ("..., jointly built by A and B"), after token
    ``after``, or None."""
    return next((c for c in t.children if c.dep_ == dep and c.tag_ == "VBN" and c.i > after and _founding(c)
                 and any(g.dep_ == "agent" for g in c.children)), None)


_INVESTED = {"invest", "inject", "put", "pour", "commit", "allocate", "spend"}


def _to_be_run(verb):
    """The "to be run/hosted by X" a money verb's clause ends with ("put GBP 450,000 into a lab, to be run by X
    University"), or None."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "acl") and _lemma(c) in _RUN_VERBS and c.tag_ == "VBN" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and any(
                a.dep_ == "agent" for a in c.children):
            return c
    return None


def _created(t, depth: int = 0) -> object | None:
    """The founding verb/noun that sets up the phrase headed by t, or None."""
    if depth > 3:
        return None
    h = t.head
    if t.dep_ == "compound" and t.text[:1].isupper():
        # "the X Research Center construction", "the X Park Project construction": a named body whose
        # construction the sentence reports
        g = h
        while g.dep_ == "compound" and g.head.i != g.i and g.head.pos_ in ("NOUN", "PROPN"):
            g = g.head
        if g.pos_ == "NOUN" and (_lemma(g) in CREATE_NOUNS or g.lower_ in CREATE_NOUNS):
            return g
    if t.dep_ in ("compound", "nmod") and t.text[:1].isupper() and _founding_ceremony(h):
        return h  # '"X Research Base" hang card ceremony', "the X Institute unveiling ceremony"
    builders = _built_by(t, "acl")
    if builders is not None:
        return builders  # "The laboratory, built jointly by A and B, was inaugurated": the participle names who built it
    if t.text[:1].isupper() and t.pos_ == "PROPN":
        # "The X Division, which they set up in 2019, ...", "the X Plant, a smaller facility the partners set up in
        # 2019", "the X Center, a facility that A will run with B": a relative clause of the name (or of its gloss)
        # tells its founding
        glosses = [t] + [c for c in t.children if c.dep_ == "appos"]
        late = next((c for g in glosses for c in g.children if c.dep_ == "relcl" and _founding(c)), None)
        if late is not None:
            return late
    if t.dep_ in ("dobj", "nsubjpass", "obj", "oprd") and _founding(h):
        return h
    if t.dep_ == "nsubj" and (h.tag_ == "VBN" or h.dep_ == "ROOT" and h.tag_ == "VBD") and t.text[:1].isupper() \
            and _founding(h) and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "," \
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in h.children):
        return h  # a list's row "Defence Innovation Node, set up with X in 2022": a participle read as a verb (or a
        # sentence's: "ZJUT's X Institute, run with Y since 2019, has helped ...")
    doc = t.doc
    if t.dep_ in ("dobj", "obj") and t.text[:1].isupper():
        # "approved the X Key Laboratory, jointly built by A and B": the participle after the object is the
        # object's, however the parse hung it on the verb
        late = _built_by(h, "advcl", after=t.i)
        if late is not None:
            return late
    if t.text[:1].isupper() and t.i + 2 < len(doc) and doc[t.i + 1].lower_ in ("run", "co-run", "co-built", "co-founded") \
            and doc[t.i + 2].lower_ == "with":
        return doc[t.i + 1]  # "the X Industrial College run with Y Group": a participle, however the parse read it
    after = _PARTICIPLE_WITH.match(doc.text, t.idx + len(t)) if t.text[:1].isupper() else None
    if after is None and t.text[:1].isupper() and t.pos_ == "PROPN" and _name_end(t) < len(doc):
        after = _PARTICIPLE_AFTER.match(doc.text, doc[_name_end(t)].idx)
    if after:
        # "the X Institute co-built with the Y Government was unveiled", "the X Center jointly built with Y started
        # operation": the participle founds the name before it, however the parse split or hung it
        return next((x for x in doc[t.i + 1:] if x.idx >= after.start("verb")), None)
    first = t
    while first.dep_ == "conj" and first.head.i != first.i and first.head.i < first.i:
        first = first.head  # ("a new Hydrogen Research and Training Hub": the parse splits the name at "and")
    if first.dep_ == "pobj" and first.head.lower_ in ("in", "into") and _lemma(first.head.head) in _INVESTED and any(
            c.dep_ == "amod" and c.lower_ in ("new", "newly-established") for c in first.children) \
            and t.text[:1].isupper():
        return first.head.head  # "will invest $12 million in a new X Hub led by Y": money that sets a new body up
    if first.dep_ == "pobj" and first.head.lower_ in ("in", "into", "to") and _lemma(first.head.head) in _INVESTED | {
            "contribute", "give", "provide", "grant"} and _to_be_run(first.head.head) is not None:
        return first.head.head  # "will contribute EUR 250,000 a year to a new X Centre, to be hosted by the University": money for a
        # body another will run, set up by the two
    if t.dep_ == "appos" and h.dep_ in ("dobj", "nsubjpass", "obj") and h.head.i != h.i and _founding(h.head):
        return h.head  # "opened a jointly run research space, the X Laboratory": the space opened is the lab
    if t.dep_ == "npadvmod" and t.text[:1].isupper() and _founding(h) and any(
            c.dep_ in ("dobj", "obj") and c.i < t.i for c in h.children):
        return h  # the same where the parse hangs the name on the verb
    if t.dep_ in ("dobj", "oprd", "attr") and _lemma(h) in ("name", "call", "dub") and h.dep_ in ("acl", "relcl") \
            and h.head.i != h.i:
        return _created(h.head, depth + 1)  # "a platform, named the X Center, was launched": the platform's name
    if t.dep_ == "pobj" and h.lower_ == "for" and (
            t.text[:1].isupper() or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)):
        # "inked a pact with Avaada Group for a green hydrogen research lab", "exchanged agreements for a Centre for
        # X": the body the agreement is for is set up by it (the signing is its founding)
        g = h.head
        verb = g.head if g.pos_ in ("NOUN", "PROPN") and g.dep_ in ("dobj", "pobj") else g
        if verb.dep_ == "prep":
            verb = verb.head
        # (not an agreement with no university in it: "the state signed an MoU with NTPC for a solar park")
        university = any(x.text in _UNIVERSITY_WORDS for x in t.doc)
        if university and (g.lemma_.lower() in AGREEMENT_NOUNS or g.lower_ in AGREEMENT_NOUNS) and verb.pos_ == "VERB" \
                and verb.lemma_.lower() in SIGN_VERBS:
            return verb
        if university and g.pos_ == "VERB" and g.lemma_.lower() in SIGN_VERBS and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in AGREEMENT_NOUNS or c.lower_ in AGREEMENT_NOUNS) for c in g.children):
            return g
    if t.dep_ == "pobj" and h.dep_ == "prep":
        g = h.head
        if h.lower_ in ("of",) and (_lemma(g) in CREATE_NOUNS or g.lower_ in CREATE_NOUNS):
            return g
        if h.lower_ in ("of", "for") and _founding_ceremony(g):
            return g  # "the unveiling ceremony of X", "a plaque-unveiling ceremony for X"
        if h.lower_ in ("of", "for") and _lemma(g) in _PLAQUE_NOUNS and g.dep_ in ("dobj", "nsubjpass") \
                and _founding(g.head):
            return g.head  # "unveiled the plaque for X": the body is set up
        if h.lower_ in ("of", "for") and _founding(g) and any(
                c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in _PLAQUE_NOUNS for c in g.children):
            return g  # the same, with "for X" hung on the verb
    if t.dep_ in ("nsubj", "nsubjpass"):
        # "Founded in 2019 with Boeing, the centre brings ...": a participle clause before the subject sets it up
        for c in h.children:
            if c.dep_ != "advcl" or c.i > t.i:
                continue
            # (the last of a chain: the tokenizer splits "Co-founded" into two participles, the roles hang on the
            # second)
            found = [x for x in (c, *(g for g in c.children if g.dep_ in ("advcl", "conj")))
                     if x.tag_ == "VBN" and _founding(x) and not any(g.dep_.startswith("nsubj") for g in x.children)]
            if found:
                return found[-1]
    joint = _cooperation_of(t)
    if joint is not None:
        return joint
        # "set up into", "upgraded to"? no; "to build on" no: only of-nominals
    for c in t.children:
        if c.dep_ in ("acl", "relcl", "amod") and _founding(c):
            return c
    if t.dep_ == "conj" and _founding(h) and h.pos_ == "VERB":
        return h  # "building a platform, a center and a think tank": the parse hangs later objects on the verb
    if t.dep_ in ("conj", "appos") and t.head.i != t.i and _head_word(t.head) is not None:
        return _created(t.head, depth + 1)
    if t.dep_ == "conj" and t.head.i != t.i:
        return _created(t.head, depth + 1)
    if t.dep_ == "nsubj" and _lemma(h) in ("open", "launch", "start") and h.pos_ == "VERB" \
            and not any(c.dep_ in ("dobj", "obj") for c in h.children):
        return h  # "the centre opened in May" (not the subject of "A and B opened the X Lab")
    if t.dep_ == "nsubj" and _lemma(h) in ("go", "come", "begin", "start", "commence") and _founding(h):
        return h  # "the institute went into operation", "the X Lab began operations in May"
    if t.dep_ in ("nsubj", "nsubjpass"):
        # "Established by A and B in 2016, the institute has ...": a participle clause without a subject of its
        # own says how the clause's subject was set up
        for c in h.children:
            if c.dep_ == "advcl" and c.tag_ == "VBN" and _founding(c) and c.i < t.i \
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                return c
    # a member of a list of platforms that were set up: "873 platforms have been built, represented by A, B",
    # "bases such as A and B were built", "among them are A"
    x = t
    for _ in range(5):
        if x.head.i == x.i:
            break
        x = x.head
        if _head_word(x) is not None and x.tag_ in ("NNS", "NNPS") and x.i != t.i:
            return _created_plural(x)
        if x.pos_ == "VERB" and _lemma(x) in ("represent", "include", "feature", "comprise", "cover"):
            # "platforms have been built, represented by A": the examples of a list of created platforms
            for y in (x, *x.ancestors):
                for c in y.children:
                    if c.dep_ in ("nsubjpass", "dobj", "nsubj") and _head_word(c) is not None and c.tag_ in ("NNS", "NNPS"):
                        found = _created_plural(c)
                        if found is not None:
                            return found
        if _lemma(x) == "be" and _member_subject(x):
            # "two centres were set up, one of which is the X Centre": a member of the list named before
            prev = [y for y in t.doc[: x.i] if _head_word(y) is not None and y.tag_ in ("NNS", "NNPS")]
            if prev:
                return _created_plural(prev[-1])
        if x.dep_ == "ROOT" and _lemma(x) == "be" and any(c.lower_ == "among" for c in x.children):
            for c in x.children:
                if c.lower_ == "among":
                    prev = [y for y in t.doc[: x.i] if _head_word(y) is not None and y.tag_ in ("NNS", "NNPS")]
                    if prev:
                        return _created_plural(prev[-1])
    return None


_MEMBER_PRONOUNS = {"which", "them", "these", "those", "whom"}


def _member_subject(be) -> bool:
    """A copula whose subject picks members of a set named before: "one of which", "two of them"."""
    for c in be.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of" and any(
                        g.dep_ == "pobj" and g.lower_ in _MEMBER_PRONOUNS for g in p.children):
                    return True
    return False


def _created_plural(x):
    h = x.head
    if x.dep_ in ("dobj", "nsubjpass", "obj") and _founding(h):
        return h
    for c in x.children:
        if c.dep_ in ("acl", "relcl", "amod") and _founding(c):
            return c
    return None
