"""A platform's name: the tokens of its noun phrase (modifiers, head, of/for/on complements), whether
that is a name at all, and its platform type.

Split out of ``platforms.py``; ``pipelines.extract.platforms`` re-exports the public names.
"""

from __future__ import annotations

import re

from pipelines.extract.platform_founding import (
    CREATE_NOUNS, PLATFORM_NOUNS, _BASE_KINDS, _GENERIC, _founding, _head_word, _lemma,
)


def _place_on(c) -> bool:
    """ "on the Orion campus", "on Ajou's Suwon campus", "on its Juja campus": where a body is, no part of its name
    (unlike "on Climate Change")."""
    return c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and not g.text[:1].isupper() and any(d.dep_ in ("det", "poss") for d in g.children)
        for g in c.children)


def _field_in(x, c, t) -> bool:
    """"Centre for AI in Cancer Imaging": in a title-case name, "in" after the name's "for" complement, before
    capitalised words that are no place or date, names the field (not where the body is)."""
    # (a unit after "in the" is where it is: "Centre for Precision Agriculture Sensing in the Department of X")
    return c.lower_ == "in" and t.text[:1].isupper() and x.i != t.i and x.text[:1].isupper() and any(
        g.dep_ == "pobj" and g.text[:1].isupper() and not any(d.dep_ == "det" for d in g.children) and not any(
            w.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for w in g.subtree) for g in c.children)


def _field_on_head(t, c) -> bool:
    """"Technology Station in Hydrogen and Battery Materials": "in" right after a title-case name's head, before
    capitalised dictionary words (no place, however the recogniser reads "Hydrogen"), names the field."""
    from pipelines.extract.nlp import is_word
    from pipelines.extract.places import table_place

    if c.lower_ != "in" or not t.text[:1].isupper() or not any(
            x.dep_ == "compound" and x.text[:1].isupper() for x in t.children):
        return False
    objs = [g for g in c.children if g.dep_ == "pobj"]
    if len(objs) != 1 or any(d.dep_ in ("det", "poss", "nummod") for d in objs[0].children):
        return False
    # (the field's words: its head, the words before it and its conjuncts, "Hydrogen and Fuel Cell Materials")
    skip = {w.i for c2 in objs[0].subtree if c2.dep_ == "prep" for w in c2.subtree}
    words = [w for w in objs[0].subtree if w.i not in skip]
    # (whose head is no place, whatever the recogniser makes of a word before it: "in Norfolk" is where; and whose
    # last word reads as a field's noun, "Materials", "Electronics", "Imaging", not "in Greater Manchester")
    return bool(words) and objs[0].ent_type_ not in ("GPE", "NORP") and re.search(
        r"(?:[^s]s|ics|ogy|ing|ion|ry|ence|ance|ment|ism|ure)$", words[-1].lower_) is not None and all(
        w.lower_ in ("and", "&") or w.text[:1].isupper() and is_word(w.text) and table_place(w.text) is None
        and w.ent_type_ not in ("LOC", "FAC", "DATE", "PERSON") for w in words)


def _initials_in_name(w) -> bool:
    """A word in capitals inside a title-case name ("Silicon Substrate LED Pilot Research Base"): initials, whatever
    tag the parser gives them ("LED" read as the verb "led"); not a headline in capitals ("STATE INKS MoUs"), whose
    next word is in capitals too."""
    nxt = w.nbor(1) if w.i + 1 < len(w.doc) else None
    return len(w.text) >= 2 and w.text.isalpha() and w.text.isupper() and nxt is not None \
        and nxt.text[:1].isupper() and not nxt.text.isupper()


def _phrase(t):
    """Tokens of the platform's name: left modifiers, the head, and of/for/on complements (with coordination
    inside them), without clauses or other prepositional phrases."""
    toks = {t.i}
    stack = [c for c in t.children if c.i < t.i and c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod",
                                                                "det", "punct", "quantmod", "advmod", "hmod", "hyph")
             # an owner is no part of a name: "Wang's institute", "the city's new park", "its lab"
             and not (c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.pos_ == "PRON" or not t.text[:1].isupper()))]
    excellence = any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "excellence" for g in c.children)
                     for c in t.children)
    for c in t.children:
        if c.i > t.i and c.dep_ == "prep" and excellence and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children):
            stack.append(c)  # "Centre of Excellence in Electric Mobility": the field names the centre
            continue
        if c.i > t.i and c.dep_ == "prep" and _field_on_head(t, c):
            stack.append(c)
            continue
        if c.i > t.i and c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and not _place_on(c):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and any(x.text[:1].isupper() or x.pos_ == "NOUN" for x in objs):
                if c.lower_ == "of" and not objs[0].text[:1].isupper() and not t.text[:1].isupper():
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
            if c.dep_ == "conj" and x.i != t.i and _head_word(c) is not None:
                continue  # "the X Center for Smart Agriculture and the Y Workstation": another platform
            if _place_on(c):
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "for", "on", "and") and not (
                    # "Centre of Excellence in Defence Electronics": the field names a centre of excellence
                    c.lower_ == "in" and x.lower_ == "excellence"
                    and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)) and not _field_in(x, c, t):
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
                hi = _title_complement_end(doc, hi)  # ("University Technology Centre (UTC) in Hybrid-Electric ...")
    if t.text[:1].isupper():
        # a title-case name keeps every capitalised word before its head, with the "and", "of", "&" and
        # hyphens between them ("XTU China Regional Development and Governance Research Institute")
        j = lo - 1
        while j >= 0:
            w = doc[j]
            if (w.text[:1].isupper() and not w.is_sent_start and w.lower_ not in ("the",) and (
                    w.pos_ not in ("VERB", "AUX", "ADV") or _initials_in_name(w))) \
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
                doc[k].pos_ in ("VERB", "AUX") or _founding(doc[k])) and not _initials_in_name(doc[k]):
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
                       or doc[lo].like_num and doc[lo].whitespace_ or doc[lo].is_currency or doc[lo].lower_ in ("million", "billion", "yuan")
                       or doc[lo].lower_ in ("jointly", "newly", "co", "recently", "officially")
                       or doc[lo].tag_ in ("VBN", "VBD") and _founding(doc[lo])):
        # determiners, an amount ("A $66 million corporate lab") and the founding ("the jointly built X Center",
        # "a newly established lab") are not part of the name (a figure run into a word is: "5G", "3D")
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


def _field_after(doc, j: int) -> bool:
    """After "in", a field of two capitalised words or more that names no place ("University Technology Centre in Gas
    Turbine Transmission Systems"; not "in Hong Kong", "in Greater Manchester", "in Ningbo Science Park")."""
    from pipelines.extract.places import table_place

    words = []
    for w in doc[j + 1:j + 6]:
        if not (w.text[:1].isupper() and w.is_alpha):
            break
        words.append(w)
    # (ending on what a field ends on: a plural, "Engineering", "Manufacturing", ...; a place ends on its name)
    return len(words) >= 2 and (words[-1].tag_ in ("NNS", "NNPS") or words[-1].lower_ in _FIELD_ENDS) and not any(
        w.ent_type_ in ("GPE", "LOC", "FAC", "DATE") or table_place(w.text) is not None
        or w.lower_ in ("park", "campus", "city", "district", "zone", "area") for w in words)


_FIELD_ENDS = {"engineering", "science", "manufacturing", "medicine", "technology", "propulsion", "research",
               "design", "health", "energy", "mobility", "intelligence", "biology", "chemistry", "physics", "computing"}


def _title_complement_end(doc, hi: int) -> int:
    """The last token of a title-case name whose prepositional complements the parse attached elsewhere: after
    the phrase, a name preposition followed by capitalised words (with "and", "&", "of" between them)."""
    # ("Centre of Excellence in Advanced Manufacturing": after "of Excellence", "in" names the field too)
    # (or after a short name in brackets: "University Technology Centre (UTC) in Gas Turbine Transmission Systems")
    j, took = hi + 1, doc[hi].lower_ == "excellence" or doc[hi].text == ")"
    # ("in" after a complement the name took names its field, unless a place or a date follows: "Centre for AI in
    # Cancer Imaging", not "Centre for Research in Hangzhou")
    while j + 1 < len(doc) and (doc[j].lower_ in _NAME_PREPS or doc[j].lower_ == "in" and (took or _field_after(doc, j))):
        k = j + 1
        if doc[k].lower_ == "the":
            k += 1
        if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].ent_type_ in ("DATE", "TIME") or (
                doc[j].lower_ == "in" and doc[k].ent_type_ in ("GPE", "LOC", "FAC")):
            break
        took = True
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
        if k < len(doc) and (doc[k].pos_ == "NOUN" and doc[k].is_alpha and doc[k].text[:1].islower()
                             or doc[k].tag_ == "POS"):
            break  # "on the Orion campus", "on Ajou's Suwon campus": capitals that modify a common noun or own
            # what follows make a place, not the name's end
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
    # (an amount says what the body costs, not which it is: "launch $48-million hub")
    content = [t for t in words if t.i != head.i and t.lower_ not in _GENERIC and not (
        t.like_num or t.pos_ == "NUM" or t.is_punct or t.lower_ in ("million", "billion", "crore", "lakh"))]
    return len(content) >= 1


def platform_type(name_or_head: str, head: str) -> str:
    if head == "station" and re.search(r"\bservices?\b", name_or_head, re.I):
        return "service_platform"  # "a technology service station": a station of service (any other is a research base)
    kind = PLATFORM_NOUNS.get(head, "other")
    if kind == "research_base":
        low = name_or_head.lower()
        for k, pat in _BASE_KINDS:
            if pat.search(low):
                return k
    return kind
