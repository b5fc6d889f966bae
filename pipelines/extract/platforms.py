"""Platform facts: bodies set up by a cooperation (institutes, bases, centres, parks, labs, ...).

A platform is a noun phrase headed by a platform noun (institute, centre,
base, park, laboratory, workstation, college, alliance, platform, hub,
incubator) that the sentence's syntax says is being set up:

* it is the object, or the passive subject, of a founding verb (establish,
  build, set up, found, launch, unveil, open, create, construct, co-build,
  complete, form): "jointly established the X Institute", "the institute
  was unveiled";
* a founding verb modifies it ("the X Lab, set up by A and B"), or it is
  the object of a founding noun ("the establishment of X");
* it is coordinated with or in apposition to such a phrase ("the X Center
  and the Y Base").

Its name is the phrase itself: the head with its modifiers and its
of/for/on complements; a phrase in lower case whose modifiers are only
generic words ("a new center", "the institute") is a platform without a name
(``name`` null, as the spec's gold does). Its university is one named in the
phrase ("Keppel-NUS Corporate Laboratory") or among the verb's parties
(subject, agent, "with"), else the page's own; its partner is the first other
organisation among those parties.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.syntax import tokens_in

PLATFORM_NOUNS = {
    "institute": "institute", "center": "center", "centre": "center", "base": "research_base",
    "park": "industrial_park", "laboratory": "laboratory", "lab": "laboratory", "corplab": "laboratory",
    "workstation": "workstation", "college": "college", "alliance": "alliance", "platform": "service_platform",
    "hub": "other", "incubator": "other", "port": "other", "valley": "other", "town": "other", "city": "other",
    "think tank": "other", "academy": "institute", "consortium": "alliance",
}
# plural forms the lemmatizer misreads ("bases" -> "basis")
_PLURALS = {"institutes": "institute", "centers": "center", "centres": "centre", "bases": "base", "parks": "park",
            "laboratories": "laboratory", "labs": "lab", "workstations": "workstation", "colleges": "college",
            "alliances": "alliance", "platforms": "platform", "hubs": "hub", "incubators": "incubator",
            "academies": "academy", "consortia": "consortium", "consortiums": "consortium"}
# heads that name a platform only together with a modifier saying so ("science town", "innovation port")
_NEEDS_MODIFIER = {"hub", "incubator", "port", "valley", "town", "base", "platform", "city"}
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


def _head_word(t) -> str | None:
    w = t.lower_
    if w in ("tank", "tanks"):  # "think tank": a research body; any other tank is not
        return "think tank" if t.i > 0 and t.doc[t.i - 1].lower_ == "think" else None
    if w in PLATFORM_NOUNS:
        return w
    if w in _PLURALS:
        return _PLURALS[w]
    lem = _lemma(t)
    if lem in PLATFORM_NOUNS:
        return lem
    return None


# running a body together is having set it up together: "jointly run by A and B", "co-managed by A and B"
_RUN_VERBS = {"run", "operate", "manage", "administer", "host", "sponsor", "govern"}


def _founding(tok) -> bool:
    """A founding verb (establish, build, set up, ...), by lemma or by form; a body run jointly ("jointly run by",
    "co-managed by"); a body put into operation or service."""
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
    if lem == "put" and any(c.dep_ == "prep" and c.lower_ == "into" and any(
            g.lower_ in ("operation", "use", "service") for g in c.children) for c in tok.children):
        return True
    return False


_CEREMONY_NOUNS = {"ceremony", "event", "celebration", "gala", "rite"}
_PLAQUE_NOUNS = {"plaque", "nameplate", "signboard", "board", "sign"}
# what a co-founded body is said to be: "a collaboration between A and B", "a joint venture of A and B"
_JOINT_NOUNS = {"collaboration", "partnership", "venture", "initiative", "cooperation", "effort", "project"}


def _cooperation_of(t):
    """The cooperation noun a platform is said to be, by a copula or an apposition, when it names its sides or is
    joint: "The X Centre is a collaboration between A and B", "the X Lab, a joint initiative of A and B"."""
    cands = [c for c in t.children if c.dep_ == "appos"]
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
_FOUNDING_WORDS = CREATE_NOUNS | {"unveiling", "launching", "inaugural", "commissioning", "plaque", "opening"}


def _founding_ceremony(g) -> bool:
    """A ceremony noun whose modifiers say it founds something: "unveiling ceremony", "launch event"."""
    if _lemma(g) not in _CEREMONY_NOUNS or g.pos_ != "NOUN":
        return False
    return any(x.lower_ in _FOUNDING_WORDS or _lemma(x) in _FOUNDING_WORDS or x.lower_.endswith("-unveiling")
               for x in g.subtree if x.i < g.i)


def _created(t, depth: int = 0) -> object | None:
    """The founding verb/noun that sets up the phrase headed by t, or None."""
    if depth > 3:
        return None
    h = t.head
    if t.dep_ == "compound" and t.text[:1].isupper():
        # "the X Research Center construction", "the X Park Project construction": a named body whose
        # construction the sentence reports
        g = h
        while g.dep_ == "compound" and g.head is not g and g.head.pos_ in ("NOUN", "PROPN"):
            g = g.head
        if g.pos_ == "NOUN" and (_lemma(g) in CREATE_NOUNS or g.lower_ in CREATE_NOUNS):
            return g
    if t.dep_ in ("dobj", "nsubjpass", "obj", "oprd") and _founding(h):
        return h
    if t.dep_ == "pobj" and h.dep_ == "prep":
        g = h.head
        if h.lower_ in ("of",) and (_lemma(g) in CREATE_NOUNS or g.lower_ in CREATE_NOUNS):
            return g
        if h.lower_ in ("of", "for") and _founding_ceremony(g):
            return g  # "the unveiling ceremony of X", "a plaque-unveiling ceremony for X"
        if h.lower_ in ("of", "for") and _lemma(g) in _PLAQUE_NOUNS and g.dep_ in ("dobj", "nsubjpass") \
                and _founding(g.head):
            return g.head  # "unveiled the plaque for X": the body is set up
    joint = _cooperation_of(t)
    if joint is not None:
        return joint
        # "set up into", "upgraded to"? no; "to build on" no: only of-nominals
    for c in t.children:
        if c.dep_ in ("acl", "relcl", "amod") and _founding(c):
            return c
    if t.dep_ == "conj" and _founding(h) and h.pos_ == "VERB":
        return h  # "building a platform, a center and a think tank": the parse hangs later objects on the verb
    if t.dep_ in ("conj", "appos") and t.head is not t and _head_word(t.head) is not None:
        return _created(t.head, depth + 1)
    if t.dep_ == "conj" and t.head is not t:
        return _created(t.head, depth + 1)
    if t.dep_ == "nsubj" and _lemma(h) in ("open", "launch", "start") and h.pos_ == "VERB":
        return h
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
        if x.head is x:
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


def _phrase(t):
    """Tokens of the platform's name: left modifiers, the head, and of/for/on complements (with coordination
    inside them), without clauses or other prepositional phrases."""
    toks = {t.i}
    stack = [c for c in t.children if c.i < t.i and c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod",
                                                                "det", "punct", "quantmod", "advmod", "hmod", "hyph")
             # an owner is no part of a name: "Wang's institute", "the city's new park", "its lab"
             and not (c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.pos_ == "PRON" or not t.text[:1].isupper()))]
    for c in t.children:
        if c.i > t.i and c.dep_ == "prep" and c.lower_ in ("of", "for", "on"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and (c.lower_ != "in" and any(x.text[:1].isupper() or x.pos_ == "NOUN" for x in objs)
                         or c.lower_ == "in" and all(x.text[:1].isupper() for x in objs) and t.text[:1].isupper()):
                if c.lower_ in ("of", "in") and not objs[0].text[:1].isupper() and not t.text[:1].isupper():
                    continue
                stack.append(c)
    while stack:
        x = stack.pop()
        if x.dep_ in ("relcl", "acl", "advcl", "cc") and x.head.i != t.i:
            continue
        toks.add(x.i)
        for c in x.children:
            if c.dep_ in ("relcl", "acl", "advcl", "parataxis"):
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "for", "on", "and"):
                continue
            stack.append(c)
    lo, hi = min(toks), max(toks)
    doc = t.doc
    if t.text[:1].isupper():
        hi = _title_complement_end(doc, hi)
    # a parenthesised short name right after ("(Guizhou Center)") stays with the name
    if hi + 1 < len(doc) and doc[hi + 1].text == "(":
        j = hi + 2
        while j < len(doc) and doc[j].text != ")" and j - hi < 8:
            j += 1
        if j < len(doc) and doc[j].text == ")" and all(doc[k].text[:1].isupper() or not doc[k].is_alpha
                                                      for k in range(hi + 2, j)):
            hi = j
    if t.text[:1].isupper():
        # a title-case name keeps every capitalised word before its head, with the "and", "of", "&" and
        # hyphens between them ("XTU China Regional Development and Governance Research Institute")
        j = lo - 1
        while j >= 0:
            w = doc[j]
            if (w.text[:1].isupper() and not w.is_sent_start and w.lower_ not in ("the",) and w.pos_ not in ("VERB", "AUX", "ADV")) \
                    or w.text in ("-", "–", "&", "@", "(", ")"):
                lo = j
                j -= 1
                continue
            if w.lower_ in ("and", "of", "for") and j > 0 and doc[j - 1].text[:1].isupper() and not doc[j - 1].is_sent_start:
                lo = j - 1
                j -= 2
                continue
            break
        while lo < t.i and doc[lo].lower_ in ("and", "of", "for", "-", "–"):
            lo += 1
    # "A and B Sign Agreement to Build X Park" (a headline parsed as one phrase): a verb or "to" ends what is before
    for k in range(t.i - 1, lo - 1, -1):
        if doc[k].lower_ == "to" and doc[k].tag_ == "TO" or doc[k].tag_ in ("VB", "VBZ", "VBP", "VBD") and (
                doc[k].pos_ in ("VERB", "AUX") or _founding(doc[k])):
            lo = k + 1
            break
    # "the X Base and the Y Center": a second determiner starts the name anew
    for k in range(t.i - 1, lo, -1):
        if doc[k].dep_ == "det" or doc[k].lower_ in ("the", "a", "an"):
            lo = k + 1
            break
    # "Cooperative Construction of XTU Shaoshan Research Institute": the founding noun is not the name
    for k in range(t.i - 1, lo, -1):
        if doc[k].lower_ == "of" and any((_lemma(doc[j]) in CREATE_NOUNS) for j in range(lo, k)):
            lo = k + 1
            break
    while lo < hi and (doc[lo].lower_ in ("the", "a", "an", "its", "their", "our", "this", "that") or doc[lo].is_punct
                       or doc[lo].like_num or doc[lo].is_currency or doc[lo].lower_ in ("million", "billion", "yuan")
                       or doc[lo].lower_ in ("jointly", "newly", "co", "recently", "officially")
                       or doc[lo].tag_ in ("VBN", "VBD") and _founding(doc[lo])):
        # determiners, an amount ("A $66 million corporate lab") and the founding ("the jointly built X Center",
        # "a newly established lab") are not part of the name
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text != ")":
        hi -= 1
    return doc[lo:hi + 1]


# prepositions that continue a title-case name ("Key Laboratory under the Ministry of Education about Heritage
# Protection"); place and time prepositions ("in", "at", "since") end it
_NAME_PREPS = {"of", "for", "on", "under", "about"}
# words that end an organisation's name: an "and" after one starts another party, not more of the name
_ORG_ENDS = {"university", "group", "inc", "ltd", "company", "corporation", "government", "city", "province",
             "county", "district", "bureau", "commission", "ministry", "academy", "hospital", "school", "committee"}


def _title_complement_end(doc, hi: int) -> int:
    """The last token of a title-case name whose prepositional complements the parse attached elsewhere: after
    the phrase, a name preposition followed by capitalised words (with "and", "&", "of" between them)."""
    j = hi + 1
    while j + 1 < len(doc) and doc[j].lower_ in _NAME_PREPS:
        k = j + 1
        if doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].ent_type_ in ("DATE", "TIME"):
            break
        while k < len(doc):
            w = doc[k]
            if w.text[:1].isupper() or (w.like_num and k > j + 1) or w.text in ("&", "-", "–"):
                k += 1
                continue
            if w.lower_ in ("and", "of", "for", "the") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper() \
                    and not (w.lower_ == "and" and doc[k - 1].lower_ in _ORG_ENDS):
                k += 1
                continue
            break
        hi = k - 1
        j = k
    return hi


def _named(span, head) -> bool:
    words = [t for t in span if t.is_alpha or "-" in t.text or "&" in t.text]
    if any(t.text[:1].isupper() for t in words if t.i != span.start or True) and any(
            t.text[:1].isupper() for t in words):
        caps = [t for t in words if t.text[:1].isupper()]
        # a capitalised sentence start alone ("The institute") is no name
        if len(caps) == 1 and caps[0].i == span.start and caps[0].lower_ in _GENERIC:
            return False
        return True
    content = [t for t in words if t.i != head.i and t.lower_ not in _GENERIC]
    return len(content) >= 1


def platform_type(name_or_head: str, head: str) -> str:
    kind = PLATFORM_NOUNS.get(head, "other")
    if kind == "research_base":
        low = name_or_head.lower()
        for k, pat in _BASE_KINDS:
            if pat.search(low):
                return k
    return kind


_ROLE_PREPS = {"with", "between", "by", "among"}
# "in partnership with X", "through cooperation with X": the founders are the noun's "with" phrase
_COOPERATION_NOUNS = {"partnership", "cooperation", "collaboration", "conjunction", "association", "alliance"}
# "joined Dongguan in building X", "helped the city to set up X": the object of the governing verb co-founds
_JOINING_VERBS = {"join", "help", "assist", "support", "partner"}


def _cooperation_objects(t) -> list:
    """Heads of "with"/"between" phrases of a cooperation noun under t's prepositions ("in partnership with X")."""
    out = []
    for c in t.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and _lemma(g) in _COOPERATION_NOUNS:
                    from pipelines.extract.syntax import _prep_objects
                    out.extend(_prep_objects(g, {"with", "between"}))
    return out


def _role_heads(anchor, platform=None) -> tuple[list, list]:
    """Heads of the founding verb's party phrases: (subjects, others). Others are the "with", "between",
    "by" and "among" phrases, "in partnership with" phrases, and the object of a joining verb; the search goes up
    the chain of governing verbs ("signed an agreement with Y to establish X") and stops at the first verb
    that names a partner, so the next clause's "with" phrase is not taken."""
    from pipelines.extract.syntax import _prep_objects, _subject_of

    if anchor.pos_ == "NOUN" and _lemma(anchor) in _JOINT_NOUNS:
        return [], _prep_objects(anchor, {"between", "of", "with", "among"})
    subjects = list(_subject_of(anchor))
    others: list = []
    if platform is not None:  # "a base in partnership with X", "a joint lab with X" (attached to the noun)
        others.extend(_prep_objects(platform, {"with", "between"}))
        others.extend(_cooperation_objects(platform))
        joint = _cooperation_of(platform)  # "the X Centre, a joint venture between A and B, opened"
        if joint is not None:
            others.extend(_prep_objects(joint, {"between", "of", "with", "among"}))
    verb = anchor
    for step in range(4):
        others.extend(_prep_objects(verb, _ROLE_PREPS))
        others.extend(_cooperation_objects(verb))
        if step and verb.pos_ == "VERB" and _lemma(verb) in _JOINING_VERBS:
            others.extend(c for c in verb.children if c.dep_ == "dobj")
        if others:
            break
        if verb.dep_ in ("xcomp", "advcl", "acl", "conj", "relcl", "pcomp", "pobj", "prep", "dobj") \
                and verb.head is not verb:
            verb = verb.head
            if verb.pos_ == "VERB" and not subjects:
                subjects.extend(_subject_of(verb))
        else:
            break
    return subjects, others


def _real_party(v: SentenceView, m) -> bool:
    """A mention the parser shows to be no organisation: only a person's name, or an adverb ("Afterwards")."""
    toks = [v.doc[i] for i in tokens_in(v.doc, m.start, m.end)]
    words = [t for t in toks if t.is_alpha]
    if not words:
        return True
    if m.kind == "org" and all(t.ent_type_ == "PERSON" or t.pos_ in ("ADV", "CCONJ") for t in words):
        return False
    return True


def _orgs_around(v: SentenceView, anchor, platform=None) -> list[tuple[str, str]]:
    """Parties among the founding verb's roles (subject, agent, with, between), in the order of the sentence, as
    (canonical name, kind)."""
    from pipelines.extract.syntax import _prep_objects, phrase_tokens

    heads = []
    if anchor is not None:
        subjects, others = _role_heads(anchor, platform)
        heads = subjects + others
    elif platform is not None:
        heads = _prep_objects(platform, {"with", "between"}) + _cooperation_objects(platform)
    toks: set[int] = set()
    for h in heads:
        for x in (h, *h.conjuncts):
            toks |= phrase_tokens(x)
    out = []
    for m in sorted(v.mentions, key=lambda m: m.start):
        if not (m.party or m.kind == "placeholder"):
            continue
        mt = tokens_in(v.doc, m.start, m.end)
        if not mt or sum(1 for i in mt if i in toks) * 2 <= len(mt):
            continue
        if not _real_party(v, m):
            continue
        if m.kind == "government" and any(u.kind == "university" and 0 <= u.start - m.end <= 1 for u in v.mentions):
            continue  # "Shanghai Fudan University": a place naming where a university is, not a party
        name, kind = v.resolve(m)
        if not name:
            continue
        if kind == "university" or kind in ("government", "agency", "ministry", "zone", "enterprise", "org"):
            out.append((name, kind))
    return out


_PARTY_KINDS = {"university", "government", "agency", "ministry", "zone", "enterprise", "org"}
_DASHES = ("-", "–", "—")


def _side_party(v: SentenceView, toks: list) -> tuple[str, str] | None:
    """The party named on one side of a dash in a joint name: the longest run of words touching the dash that
    reads as one organisation or place ("Juhua Group Corporation" in "... – Juhua Group Corporation Joint
    Laboratory", "Keppel" in "Keppel-NUS Corporate Laboratory"); toks run outward from the dash."""
    from pipelines.extract.names import find_mentions

    for n in range(min(len(toks), 6), 0, -1):
        run = sorted(toks[:n], key=lambda t: t.i)
        text = v.clean[run[0].idx:run[-1].idx + len(run[-1])]
        for m in find_mentions(text, v.state.ctx):
            if m.start == 0 and m.end == len(text):
                name, kind = v.resolve(m)
                # a longer run is taken only when its structure says what it is (a company, a government, a
                # university); an unclassified capitalised run would swallow the platform's own words
                if name and kind in _PARTY_KINDS and (kind != "org" or n == 1):
                    return name, kind
    return None


def _joint_partner(v: SentenceView, span, university: str | None) -> str | None:
    """The co-founder a joint name names beside the university: "Keppel-NUS Corporate Laboratory" -> Keppel,
    "PolyU-Zibo Research Institute" -> Zibo City, "A University – B Group Joint Laboratory" -> B Group."""
    doc = span.doc
    for k in range(span.start + 1, span.end - 1):
        if doc[k].text not in _DASHES or not doc[k - 1].text[:1].isupper() and doc[k - 1].text != ")" \
                or not doc[k + 1].text[:1].isupper():
            continue
        j = k - 1
        if doc[j].text == ")":  # "Zhejiang Normal University (ZJNU) – Juhua Group": the short name is skipped
            while j > span.start and doc[j].text != "(":
                j -= 1
            j -= 1
        left = [doc[i] for i in range(j, span.start - 1, -1)]
        right = [doc[i] for i in range(k + 1, span.end)]
        a = _side_party(v, left)
        b = _side_party(v, right)
        if a and b:
            if a[1] == "university" and (a[0] == university or b[1] != "university"):
                return b[0] if b[0] != university else None
            if b[1] == "university":
                return a[0] if a[0] != university else None
    return None


def _span_universities(v: SentenceView, span) -> list[str]:
    out = []
    for m in v.mentions:
        if m.start < span.end_char and m.end > span.start_char:
            if m.university:
                out.append(m.university)
            name, kind = v.resolve(m)
            if kind == "university" and name:
                out.append(name)
    return out


def _locality_partner(v: SentenceView, span) -> str | None:
    """The locality a title-case platform name puts beside its university ("Zhongshan Research Institute of X
    University", "X University Shaoshan Base"): a word of the name outside the university's own name that is a
    place of the divisions table; its government. A name without a university names no locality body."""
    from pipelines.extract.names import find_mentions

    if not span.text[:1].isupper():
        return None
    unis = _span_universities(v, span)
    if not unis:
        return None
    own = {w.lower() for u in unis for w in re.findall(r"[A-Za-z]+", u)}
    for tok in span:
        if not tok.text[:1].isupper() or not tok.is_alpha or tok.lower_ in own or _head_word(tok) is not None:
            continue
        for m in find_mentions(tok.text, v.state.ctx):
            name, kind = v.resolve(m)
            if kind == "government" and name and m.start == 0 and m.end == len(tok.text):
                return name
    return None


def _joint_name(v: SentenceView, span) -> bool:
    """A platform name that names its co-founders: a university joined by a hyphen or dash to another party, or
    a university and a company with "Joint"/"Corporate" ("Keppel-NUS Corporate Laboratory")."""
    inside = [m for m in v.mentions if m.start < span.end_char and m.end > span.start_char]
    kinds = {v.resolve(m)[1] for m in inside} | {"university" for m in inside if m.university}
    words = {t.lower_ for t in span}
    if "university" in kinds and (kinds - {"university", "platform", "placeholder", "person"} or len(inside) >= 2):
        return bool(words & {"joint", "corporate"}) or any(t.text in ("-", "–", "—") for t in span) or "-" in span.text
    if "university" in kinds and words & {"joint", "corporate"}:
        return True
    return False


_POSSIBILITY = {"can", "could", "may", "might", "should", "must", "would"}
# a body that is only aimed at, planned, hoped for or required is not set up: "with the aim of establishing X",
# "plans to build X", "is required to set up X"
_AIM_NOUNS = {"aim", "goal", "purpose", "objective", "target", "vision", "intention", "ambition", "plan", "hope"}
_PLAN_VERBS = {"aim", "hope", "intend", "plan", "expect", "wish", "seek", "want", "propose", "consider", "discuss",
               "explore", "strive", "try", "require", "aspire"}


def _purpose(anchor) -> bool:
    t = anchor
    for _ in range(5):
        h = t.head
        if h is t:
            return False
        if t.dep_ == "xcomp" and (_lemma(h) in _PLAN_VERBS or h.lower_ in ("aiming", "hoping", "planning", "required")):
            return True
        if t.dep_ in ("pcomp", "pobj") and h.dep_ == "prep" and h.lower_ in ("of", "to", "for") \
                and _lemma(h.head) in _AIM_NOUNS and h.head.pos_ == "NOUN":
            return True
        if t.dep_ in ("conj", "advcl", "pcomp", "pobj", "prep", "xcomp"):
            t = h
            continue
        return False
    return False


def _possibility(anchor) -> bool:
    t = anchor
    for _ in range(4):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _POSSIBILITY for c in t.children):
            return True
        if t.dep_ in ("xcomp", "conj", "advcl", "acl", "pobj", "prep", "dobj") and t.head is not t:
            t = t.head
            continue
        break
    return False


def extract(v: SentenceView) -> list[dict]:
    doc = v.doc
    if doc is None:
        return []
    out = []
    date, _ = v.fact_date()
    seen_heads: set[int] = set()
    anchors: dict[int, object] = {}
    for t in doc:
        head = _head_word(t)
        if head is None or t.pos_ not in ("NOUN", "PROPN") or t.i in seen_heads:
            continue
        if t.dep_ in ("compound", "nmod", "amod") and _head_word(t.head) is None and t.head.pos_ in ("NOUN", "PROPN"):
            # "institute director", "park management": the head is elsewhere; but a joint body named before a
            # noun of its own ("the A University - B Group Joint Laboratory Management Committee") is named there
            if not (t.text[:1].isupper() and (_joint_name(v, _phrase(t)) or _created(t) is not None)):
                continue
        if any(m.kind == "university" and m.start <= t.idx < m.end for m in v.mentions):
            continue  # "Indian Institute of Technology", "Academy of Sciences": the university itself
        if t.lower_ == "city" and any(m.kind == "government" and m.start <= t.idx < m.end for m in v.mentions):
            continue  # "Dazhou City": a government, not a science city
        anchor = _created(t)
        if anchor is None and t.dep_ in ("conj", "appos") and t.head.i in anchors:
            anchor = anchors[t.head.i]  # one more of a list of platforms
        if anchor is None:
            # a joint body by its very name: "Keppel-NUS Corporate Laboratory", "A University - B Group Joint Lab"
            # or a university's body in a named locality: "Zhongshan Institute of X University", "X University
            # Shaoshan Research Institute"
            if t.text[:1].isupper() and (_joint_name(v, _phrase(t)) or _locality_partner(v, _phrase(t))):
                anchor = t
            else:
                if t.text[:1].isupper() and t.tag_ == "NNP":
                    # a body the page names without saying it was set up: kept to name a later "the institute"
                    # that was (``merge``), never a fact of its own
                    span = _phrase(t)
                    text = span.text.strip().strip('"').strip()
                    if _named(span, t) and len(re.findall(r"[A-Za-z]", text)) >= 4:
                        out.append({"name": text, "platform_type": platform_type(text, head), "university": None,
                                    "partner": None, "date": None, "_founders": 0, "_mention_only": True})
                continue
        if any(c.dep_ == "neg" for c in getattr(anchor, "children", [])):
            continue
        anchors[t.i] = anchor
        if t.tag_ in ("NNS", "NNPS") and not t.text[:1].isupper():
            continue  # "platforms", "research centres": kinds of bodies, not one body
        span = _phrase(t)
        seen_heads.add(t.i)
        named = _named(span, t)
        if head in _NEEDS_MODIFIER and not named:
            if not any(x.lower_ in _INNOVATION_WORDS for x in span):
                continue
        if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "this", "that", "'s", "its",
                                                                                  "their", "his", "her", "our"):
            named = False  # "the Institute": the one named before
        weak = False
        if named and span[0].lower_ != "the" and span.start > 0 and doc[span.start - 1].lower_ == "the" and not any(
                x.text[:1].isupper() for x in span) and not any(x.lower_ == "of" for x in span):
            # "the new research center": a body named before (``merge`` joins it to a platform of its type), or
            # the page's only one of its type, named by its description ("established the industry-university-
            # research cooperation base")
            named = any(x.lower_ not in _GENERIC and x.i != t.i and x.is_alpha for x in span)
            weak = named
        text = re.sub(r"\s\([a-z][a-z &-]{2,40}\)(?=\s|$)", "", span.text).strip().strip('"').strip()
        name = text if named else None
        if name and len(re.findall(r"[A-Za-z]", name)) < 4:
            continue
        # a university or a company named in the platform's own name
        unis_in = []
        partners_in = []
        for m in v.mentions:
            if m.start >= span.start_char and m.end <= span.end_char:
                if m.university:
                    unis_in.append(m.university)
                n, k = v.resolve(m)
                if k == "university" and n:
                    unis_in.append(n)
                elif k == "enterprise" and n:
                    partners_in.append(n)
        roles = _orgs_around(v, anchor if hasattr(anchor, "dep_") and anchor is not t else None, t)
        r_unis = [n for n, k in roles if k == "university"]
        university = (unis_in or r_unis or [v.main_university()])[0]
        joint = _joint_partner(v, span, university) if named else None
        # the locality a name gives is the partner only when the sentence names no co-founder
        locality = _locality_partner(v, span) if named else None
        partner = next((p for p in [joint] + partners_in + [n for n, _ in roles] + [locality]
                        if p and p != university), None)
        if _possibility(anchor):
            continue
        if hasattr(anchor, "dep_") and anchor is not t and _purpose(anchor):
            continue  # an aim, a plan or a requirement, not a body set up  # "they can work together to establish": a possibility, not a body set up
        if getattr(anchor, "tag_", "") == "VBG" and anchor.dep_ == "ROOT" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            continue  # "Establishing R&D centres in enterprises": a heading naming a kind of activity
        if (name is None or weak) and not (unis_in or r_unis or partner):
            continue  # an unnamed body nobody is said to have set up
        branch = re.search(r"\(([^()]*)\)\s*$", text)
        if branch and branch.group(1).split():
            last = branch.group(1).split()[-1].lower()
            if last in PLATFORM_NOUNS or last in _PLURALS:
                head = _PLURALS.get(last, last)  # "Key Laboratory ... (Guizhou Center)": the branch is the body
        founders = {university, joint, locality, *partners_in, *(n for n, _ in roles)} - {None}
        out.append({"name": name, "platform_type": platform_type(text, head), "university": university,
                    "partner": partner,
                    # a body known by its name alone has no founding in the sentence to date it
                    "date": None if anchor is t else date, "_weak": weak, "_founders": len(founders)})
    return out


# one platform per body on a page (pipelines/extract/platform_merge.py)
from pipelines.extract.platform_merge import merge, same_platform  # noqa: E402,F401
