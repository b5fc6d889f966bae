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
}
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
    if w in PLATFORM_NOUNS:
        return w
    lem = _lemma(t)
    if lem in PLATFORM_NOUNS:
        return lem
    return None


def _founding(tok) -> bool:
    """A founding verb (establish, build, set up, ...), by lemma or by form."""
    return _lemma(tok) in CREATE_VERBS or tok.lower_ in CREATE_VERBS


def _created(t, depth: int = 0) -> object | None:
    """The founding verb/noun that sets up the phrase headed by t, or None."""
    if depth > 3:
        return None
    h = t.head
    if t.dep_ in ("dobj", "nsubjpass", "obj", "oprd") and _founding(h):
        return h
    if t.dep_ == "pobj" and h.dep_ == "prep":
        g = h.head
        if h.lower_ in ("of",) and (_lemma(g) in CREATE_NOUNS or g.lower_ in CREATE_NOUNS):
            return g
        # "set up into", "upgraded to"? no; "to build on" no: only of-nominals
    for c in t.children:
        if c.dep_ in ("acl", "relcl", "amod") and _founding(c):
            return c
    if t.dep_ in ("conj", "appos") and t.head is not t and _head_word(t.head) is not None:
        return _created(t.head, depth + 1)
    if t.dep_ == "conj" and t.head is not t:
        return _created(t.head, depth + 1)
    if t.dep_ == "nsubj" and _lemma(h) in ("open", "launch", "start") and h.pos_ == "VERB":
        return h
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
        if x.dep_ == "ROOT" and _lemma(x) == "be" and any(c.lower_ == "among" for c in x.children):
            for c in x.children:
                if c.lower_ == "among":
                    prev = [y for y in t.doc[: x.i] if _head_word(y) is not None and y.tag_ in ("NNS", "NNPS")]
                    if prev:
                        return _created_plural(prev[-1])
    return None


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
                                                                "det", "punct", "quantmod", "advmod", "hmod", "hyph")]
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
                       or doc[lo].like_num or doc[lo].is_currency or doc[lo].lower_ in ("million", "billion", "yuan")):
        lo += 1  # determiners and an amount ("A $66 million corporate lab") are not part of the name
    while hi > lo and doc[hi].is_punct and doc[hi].text != ")":
        hi -= 1
    return doc[lo:hi + 1]


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


def _orgs_around(v: SentenceView, anchor) -> tuple[list[str], list[str]]:
    """Universities and other parties among the founding verb's roles (subject, agent, with, between)."""
    from pipelines.extract.syntax import _prep_objects, _subject_of, phrase_tokens

    heads = []
    if anchor is not None:
        heads.extend(_subject_of(anchor))
        heads.extend(_prep_objects(anchor, {"with", "between", "by", "among"}))
        verb = anchor
        for _ in range(3):  # "signed an agreement to establish X with Y": roles of the governing verb too
            if verb.dep_ in ("xcomp", "advcl", "acl", "conj", "relcl", "pcomp", "pobj", "prep", "dobj") and verb.head is not verb:
                verb = verb.head
                heads.extend(_prep_objects(verb, {"with", "between", "by", "among"}))
                if verb.pos_ == "VERB" and not heads:
                    heads.extend(_subject_of(verb))
            else:
                break
    toks: set[int] = set()
    for h in heads:
        for x in (h, *h.conjuncts):
            toks |= phrase_tokens(x)
    unis, others = [], []
    for m in v.mentions:
        if not (m.party or m.kind == "placeholder"):
            continue
        mt = tokens_in(v.doc, m.start, m.end)
        if not mt or sum(1 for i in mt if i in toks) * 2 <= len(mt):
            continue
        name, kind = v.resolve(m)
        if not name:
            continue
        if kind == "university":
            unis.append(name)
        elif kind in ("government", "agency", "ministry", "zone", "enterprise", "org"):
            others.append(name)
    return unis, others


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
            continue  # "institute director", "park management": the head is elsewhere
        if any(m.kind == "university" and m.start <= t.idx < m.end for m in v.mentions):
            continue  # "Indian Institute of Technology", "Academy of Sciences": the university itself
        anchor = _created(t)
        if anchor is None and t.dep_ in ("conj", "appos") and t.head.i in anchors:
            anchor = anchors[t.head.i]  # one more of a list of platforms
        if anchor is None:
            # a joint body by its very name: "Keppel-NUS Corporate Laboratory", "A University - B Group Joint Lab"
            if t.text[:1].isupper() and _joint_name(v, _phrase(t)):
                anchor = t
            else:
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
        if len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "this", "that"):
            named = False  # "the Institute": the one named before
        if span[0].lower_ != "the" and span.start > 0 and doc[span.start - 1].lower_ == "the" and not any(
                x.text[:1].isupper() for x in span) and not any(x.lower_ == "of" for x in span):
            named = False  # "the new research center": a body named before, or none
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
        r_unis, r_others = _orgs_around(v, anchor if hasattr(anchor, "dep_") else None)
        university = (unis_in or r_unis or [v.main_university()])[0]
        partner = next((p for p in partners_in + r_others if p and p != university), None)
        if _possibility(anchor):
            continue  # "they can work together to establish": a possibility, not a body set up
        if getattr(anchor, "tag_", "") == "VBG" and anchor.dep_ == "ROOT" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            continue  # "Establishing R&D centres in enterprises": a heading naming a kind of activity
        if name is None and not (unis_in or r_unis or partner):
            continue  # an unnamed body nobody is said to have set up
        out.append({"name": name, "platform_type": platform_type(text, head), "university": university,
                    "partner": partner, "date": date})
    return out
