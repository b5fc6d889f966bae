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

The vocabulary and founding tests live in ``platform_founding``, name building in ``platform_names``,
partner finding in ``platform_partners`` and the per-page merge in ``platform_merge``; this module
extracts the facts and re-exports their public names.
"""

from __future__ import annotations

import re

from pipelines.extract.lexicon import BULLET
from pipelines.extract.context import SentenceView
from pipelines.extract.money import find_money
from pipelines.extract.syntax import AGREEMENT_NOUNS, _prep_objects

# what the split-out modules define, re-exported: callers import these names from here
from pipelines.extract.platform_founding import (
    CREATE_NOUNS, CREATE_VERBS, PLATFORM_NOUNS, _GENERIC, _INNOVATION_WORDS, _NEEDS_MODIFIER, PLATFORM_PLURALS,
    _created, _head_word, _lemma, name_head,
)
from pipelines.extract.platform_names import platform_type, _named, _phrase
from pipelines.extract.platform_records import card_row, host_row, note_card, note_record
from pipelines.extract.platform_partners import (
    _cooperation_objects, _joint_name, _joint_partner, _locality_partner, _orgs_around,
)

# verbs of a body one has, jointly with another when the body is "joint" ("runs a joint laboratory with Bosch")
_HOLD_VERBS = {"run", "operate", "have", "host", "maintain", "manage"}
# a body's founding told as one side's alone, right after its name: "the X Park, which KKU built on its own in 2015"
# (or passive: "such as the Key Laboratory of X, are built by CQU on its own"; or a participle: "the X Lab, built on its
# own in 2016")
_BUILT_ALONE = re.compile(r",?\s+(?:(?:which|that)\s+(?:[\w'\u2019-]+\s+){1,4}?|(?:is|are|was|were)\s+)?"
                          r"(?:built|set up|established|founded|created|launched|opened|developed)\s+"
                          r"(?:by\s+(?:[\w'\u2019-]+\s+){1,4}?)?"
                          r"(?:on (?:its|their) own|by itself|alone|independently|single-handedly)\b")
# a name a body had before: "formerly (called) the X", "(was) set up in 2016 as the X", and "known as X until 2023"
_FORMER_NAME = re.compile(r"(?:\bformerly(?:\s+(?:called|named|known\s+as))?|\b(?:set\s+up|founded|established|"
                          r"created|launched|opened)\s+(?:in\s+\d{4}\s+|on\s+\S+\s+\S+\s+)?as)\s+(?:the\s+|an?\s+)?$")
_FORMER_UNTIL = re.compile(r"\b(?:called|named|known\s+as)\s+(?:the\s+)?$")
_NOT_YET = {"planned", "proposed", "future", "potential", "possible", "prospective", "envisaged", "intended"}
_POSSIBILITY = {"can", "could", "may", "might", "should", "must", "would"}
# a body that is only aimed at, planned, hoped for or required is not set up: "with the aim of establishing X",
# "plans to build X", "is required to set up X"
_AIM_NOUNS = {"aim", "goal", "purpose", "objective", "target", "vision", "intention", "ambition", "plan", "hope",
              # ... or only applied, bid or asked for: "a letter of support for X's application to build a centre"
              "application", "bid", "proposal", "request", "desire", "willingness",
              # ... or only talked of: "discussed the possibility of establishing", "expressed interest in co-developing"
              "possibility", "feasibility", "interest", "prospect", "idea", "option",
              # ... or only talked of or meant in a letter: "held talks on building", "a letter of intent regarding"
              "talk", "talks", "discussion", "negotiation", "letter", "intent", "consultation"}
_PLAN_VERBS = {"aim", "hope", "intend", "plan", "expect", "wish", "seek", "want", "propose", "consider", "discuss",
               "explore", "strive", "try", "require", "aspire",
               # (or only looked into: "jointly studying the establishment of an institute")
               "study", "examine", "assess", "evaluate",
               # (or asked for: "asked lawmakers for $12 million to start an institute")
               "ask", "request", "urge", "lobby", "petition"}


_INTENT_LETTER = re.compile(r"\b(?:letter|memorandum|declaration|statement)s? of intent\b", re.I)


def _purpose(anchor) -> bool:
    t = anchor
    for _ in range(5):
        h = t.head
        if h.i == t.i:
            return False
        if t.dep_ in ("xcomp", "ccomp") and (_lemma(h) in _PLAN_VERBS or h.lower_ in ("aiming", "hoping", "planning", "required")):
            return True
        if t.dep_ in ("pcomp", "pobj") and h.dep_ == "prep" and h.lower_ in ("of", "to", "for", "in", "on", "regarding",
                                                                             "about", "concerning") \
                and _lemma(h.head) in _AIM_NOUNS and h.head.pos_ == "NOUN":
            return True
        if t.dep_ == "acl" and (_lemma(h) in _AIM_NOUNS or _lemma(h) == "effort") and h.pos_ == "NOUN":
            return True  # "expressed the hope to establish a joint research center", "make efforts to build"
        if t.dep_ == "conj" and t.tag_ == "VB" and _lemma(h) in _PLAN_VERBS and h.tag_ != "VB" and not any(
                c.dep_ in ("nsubj", "aux", "auxpass") for c in t.children):
            return True  # "X hopes to make use of ... and jointly build an institute": the infinitive the wish governs
        if t.dep_ == "dobj" and _lemma(t) in CREATE_NOUNS and _lemma(h) in _PLAN_VERBS:
            return True  # "will explore the establishment of a joint postdoctoral workstation": only looked into
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
        if t.lower_ in ("consensus", "intention", "intent") and t.i != anchor.i:
            return True  # ("reached consensus on building a joint research center": agreed in talks, not set up)
        if t.lemma_.lower() == "reach" and any(c.dep_ == "dobj" and c.lower_ == "consensus" for c in t.children):
            return True  # (the same where the parse hangs "on building ..." on the verb)
        # ("hoped that A would help the city build a base": the clause a modal governs)
        if t.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "pobj", "prep", "dobj", "pcomp") and t.head.i != t.i:
            t = t.head
            continue
        break
    return False


def _industry_college_of(t) -> bool:
    """A body named before "of <university>" with an industry's or a joint body's words ("the Changan Intelligent
    Vehicle Industry College of Chongqing University of Technology"): a body of the university set up with others,
    not the university (nor one of its faculties: "the College of Agriculture of X University")."""
    doc = t.doc
    left = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
    return t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of" and len(left) >= 2 \
        and any(c.text in ("Industry", "Industrial", "Joint") for c in left)


def _renamed_to(t):
    """The head of the name a body named as the subject of "renamed" (or "upgraded to/into") took, or None."""
    if t.dep_ not in ("nsubj", "nsubjpass") or not t.text[:1].isupper():
        return None
    for verb in (t.head, *t.head.conjuncts):
        lem = _lemma(verb)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")] if lem == "rename" else []
        if lem in ("rename", "upgrade", "turn", "transform"):
            objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into", "as")
                     for g in c.children if g.dep_ == "pobj"]
        new = next((o for o in objs if o.text[:1].isupper() and _head_word(o) is not None), None)
        if new is not None:
            return new
    return None


def extract(v: SentenceView) -> list[dict]:
    doc = v.doc
    if doc is None:
        return []
    out = []
    date, _ = v.fact_date()
    seen_heads: set[int] = set()
    anchors: dict[int, object] = {}
    inside: list[tuple[int, int]] = []  # token spans of the platforms read so far
    row = _list_row_body(v) or _partner_label_row(v) or host_row(v) or _lead_name_row(v) or card_row(v) or \
        _headline_founding(v)
    note_card(v)
    if row:
        return row
    note_record(v)
    if (v.clean.rstrip().endswith(":") or re.search(r"\bthe following\b", v.clean, re.I)) and _LEAD_CUE.search(v.clean):
        v.state.platform_lead = (v.sentence.index, date)
    for t in doc:
        head = _head_word(t)
        if head is None or t.pos_ not in ("NOUN", "PROPN") or t.i in seen_heads:
            continue
        if t.dep_ in ("compound", "nmod", "amod") and _head_word(t.head) is None and t.head.pos_ in ("NOUN", "PROPN"):
            # "institute director", "park management": the head is elsewhere; but a joint body named before a
            # noun of its own ("the A University - B Group Joint Laboratory Management Committee") is named there
            if not (t.text[:1].isupper() and (_joint_name(v, _phrase(t)) or _created(t) is not None)):
                continue
        if any(m.kind == "university" and m.start <= t.idx < m.end for m in v.mentions) and not _industry_college_of(t):
            continue  # "Indian Institute of Technology", "Academy of Sciences": the university itself
        if t.lower_ == "city" and (any(m.kind == "government" and m.start <= t.idx < m.end for m in v.mentions)
                                   or t.dep_ in ("compound", "nmod") and t.head.lemma_.lower() in AGREEMENT_NOUNS):
            continue  # "Dazhou City": a government, not a science city (also naming an agreement's side: "the A
            # University-Jinan City agreement")
        if t.dep_ == "appos" and t.head.i in anchors and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                             for c in t.children):
            continue  # "the Centre for X (CX), an Engineering Research Centre to be ...": what the body is, no other
        anchor = _created(t)
        if anchor is None and t.dep_ in ("conj", "appos") and t.head.i in anchors:
            anchor = anchors[t.head.i]  # one more of a list of platforms
        if anchor is None and t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ == "VERB" and t.text[:1].isupper() \
                and any(_cooperation_objects(x) for x in (t.head, *t.subtree)):
            anchor = t.head  # "will host the X Hub in partnership with Y": a named body run together with Y
        if anchor is None and t.dep_ == "dobj" and t.head.pos_ == "VERB" and _lemma(t.head) in _HOLD_VERBS \
                and any(c.dep_ == "amod" and c.lower_ == "joint" for c in t.children) \
                and any(m.start <= g.idx < m.end for x in (t, t.head) for g in _prep_objects(x, {"with"})
                        for m in v.mentions if m.kind != "platform"):
            anchor = t.head  # "Tongji also runs a joint laboratory with Bosch": a joint body the two have, set up
            # by them whenever it was (a "joint" body with a named other side; "runs a lab with 40 staff" is none)
        if anchor is None and any(c.dep_ == "amod" and c.lower_ == "joint" for c in t.children) and any(
                c.dep_ == "poss" and any(m.start <= c.idx < m.end and m.party for m in v.mentions) for c in t.children) \
                and any(m.start <= g.idx < m.end for g in _prep_objects(t, {"with"}) for m in v.mentions
                        if m.kind != "platform" and m.party):
            anchor = t  # "CATL's joint laboratory with Xiamen University, set up in 2019": a body of the two, whose
            # own words say whose it is
        if anchor is None and t.dep_ == "ROOT" and t.text[:1].isupper() and _list_row(v) and any(
                c.dep_ == "prep" and c.lower_ in ("with", "between") for c in t.children):
            anchor = t  # a row of a list of joint bodies: "AI Research Centre (2019), with Suzhou Industrial Park"
        if anchor is None:
            # a joint body by its very name: "Keppel-NUS Corporate Laboratory", "A University - B Group Joint Lab"
            # or a university's body in a named locality: "Zhongshan Institute of X University", "X University
            # Shaoshan Research Institute"
            if t.text[:1].isupper() and (_joint_name(v, _phrase(t)) or _locality_partner(v, _phrase(t))
                                         or _sited_at_university(v, _phrase(t)) is not None):
                anchor = t
            else:
                if t.text[:1].isupper() and t.tag_ == "NNP":
                    # a body the page names without saying it was set up: kept to name a later "the institute"
                    # that was (``merge``), never a fact of its own
                    span = _phrase(t)
                    text = span.text.strip().strip('"').strip()
                    if _named(span, t) and len(re.findall(r"[A-Za-z]", text)) >= 4:
                        # (a body named as where something is, "at the X Center", "the second floor of the X
                        # Center", is marked: it names no body the page describes in lower case, ``merge``)
                        located = t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "inside", "within", "of", "on")
                        out.append({"name": text, "platform_type": platform_type(text, head), "university": None,
                                    "partner": None, "date": None, "_founders": 0, "_mention_only": True,
                                    **({"_located": True} if located else {})})
                continue
        if any(c.dep_ == "neg" for c in getattr(anchor, "children", [])):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "within", "inside") and _lemma(t.head.head) in (
                "house", "locate", "base", "site", "situate", "place", "sit"):
            continue  # "..., which will be housed at OSU's X Research Center": where the new body sits, not one set up
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _NOT_YET and c.tag_ != "NNP" for c in t.children):
            continue  # "a planned science park", "the proposed institute": not set up (a word of a name is no plan:
            # "the Future Automobile Industrial College")
        if any(a <= t.i < b for a, b in inside):
            continue  # a body that names a platform's owner ("the internship base of the XTU-Jingpeng Center")
        anchors[t.i] = anchor
        if t.tag_ in ("NNS", "NNPS") and not t.text[:1].isupper():
            continue  # "platforms", "research centres": kinds of bodies, not one body
        span = _phrase(t)
        if t.dep_ == "appos" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
                and t.head.pos_ == "PROPN" and t.head.i < t.i \
                and _head_word(t.head) is None and not any(
                    m.start <= t.head.idx < m.end and m.kind not in ("org", "platform") for m in v.mentions):
            # "the InnovationCampus Circular Materials, a joint research platform": the name before is the body's
            # (not a party the parse took it to gloss: "With X University, a joint training base was set up")
            span = _phrase(t.head)
        if any(c.dep_ == "poss" for c in t.children) and any(c.dep_ == "amod" and _ORDINAL.fullmatch(c.lower_)
                                                             for c in t.children):
            continue  # "the X Centre, the company's fourth University Technology Centre": a gloss of the named body
        if t.dep_ == "appos" and not t.text[:1].isupper() and t.head.text[:1].isupper() \
                and _head_word(t.head) is not None and t.head.i < t.i:
            continue  # "The Centre for X, a joint laboratory of A and B, opened": a gloss of the named body
        if t.dep_ == "attr" and not t.text[:1].isupper() and _lemma(t.head) == "be":
            # "X Industrial College (XIC) is a modern industrial college jointly founded by A and B": the named
            # subject is the body the description is of
            subj = next((c for c in t.head.children if c.dep_ == "nsubj" and c.text[:1].isupper()
                         and _head_word(c) is not None), None)
            if subj is not None:
                span = _phrase(subj)
        seen_heads.add(t.i)
        if _FORMER_NAME.search(v.clean, 0, span.start_char) or _FORMER_UNTIL.search(v.clean, 0, span.start_char) \
                and re.match(r"\s+until\b", v.clean[span.end_char:]):
            inside.append((span.start, span.end))
            continue  # "formerly called X", "was set up in 2016 as the X", "known as X until 2023": a name the body
            # had before, no body of its own
        if any(x.lower_ == "own" for x in span[:3]) or span.start > 0 and doc[span.start - 1].lower_ == "own" \
                or _BUILT_ALONE.match(v.clean, span.end_char):
            inside.append((span.start, span.end))
            continue  # "opened its own Institute of X", "the X Park, which KKU built on its own": one body's, no
            # platform built together
        inside.append((span.start, span.end))
        named = _named(span, t)
        needs_name = False
        if head == "station" and not any(x.lower_ in _INNOVATION_WORDS for x in span) and not (named and any(
                m.kind == "university" and span.start_char <= m.start and m.end <= span.end_char for m in v.mentions)):
            continue  # "a railway station": a station of research or service only ("technology service station"),
            # or one a university's name names ("the Zhejiang University Anji Ecological Agriculture Station")
        if head == "division" and not (t.i > 0 and doc[t.i - 1].lower_ == "research"):
            continue  # (a "Collaborative Research Division" only: "the Division of Corporate Communication" is a unit)
        if head in _NEEDS_MODIFIER and not named:
            if not any(x.lower_ in _INNOVATION_WORDS for x in span):
                if not (len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in ("the", "this")):
                    continue
                needs_name = True  # "the hub": a platform only as the named one it refers back to (``merge``)
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
        # (a lower-case gloss or a year in brackets is no part of the name: "ABB Robotics Lab (2020)")
        text = re.sub(r"\s\((?:[a-z][a-z &-]{2,40}|(?:19|20)\d\d)\)(?=\s|$)", "", span.text).strip().strip('"').strip()
        # "a new Institute for Place and Community": the adjectives of the news are no part of a proper name
        # a title-case headline read as one name: "A and B Open Joint Battery Research Center" -> the body opened
        if _HEADLINE_RENEWS.search(v.clean[:span.end_char]) and not _ends_sentence(v.clean):
            continue  # a headline whose sides renew a body they have: no body set up
        text = _HEADLINE_PARTIES.sub("", text)
        if not _ends_sentence(v.clean):
            # (a headline that coordinates its sides before the name's start: "SANY and Hunan University Open Joint
            # Laboratory for X" -> the name began at "Hunan University")
            text = _HEADLINE_SIDE.sub("", text)
        text = re.sub(r"^(?:(?:new|newly[- ]\w+|first|second|third|latest)\s+)+(?=[A-Z])", "", text)
        # (a headline's verb in lower case, "A and B to open Carbon Neutral Lab", and where the body sits, "... Lab on
        # the Ito Campus", are no part of the name)
        text = re.sub(r"^(?:to\s+)?(?:open|launch|unveil|establish|build|create|form|set up)\s+(?=[A-Z])", "", text)
        # (and whose campus it is: "... Center on Kyushu University's Ito Campus")
        text = re.sub(r"\s+(?:on|at)\s+(?:the\s+|its\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,4}[Cc]ampus$", "", text)
        # (nor is the date a news list's row closes on: "ZJUT and Quzhou co-build Quzhou Institute of X  2024-06-18")
        text = _ROW_DATE_END.sub("", text)
        # "The Centre for X, a joint laboratory of the two partners": the gloss after the name is no part of it
        text = re.sub(r"(?<=[A-Za-z)]),\s+(?:a|an|the|which|who)\s.*$", "", text) if text[:1].isupper() else text
        priced = next((m for m in find_money(text) if text[:m.start].strip(" ($").lower() in ("", "a", "an", "the")),
                      None)
        if priced is not None:
            # "A $48 million (US$35.5 million) corporate laboratory": the price is no part of the name (and what
            # is left may be no name at all)
            text = re.sub(r"^\s*(?:\([^()]*\)\s*)?(?:-\s*)?", "", text[priced.end:])
            named = named and any(w[:1].isupper() for w in text.split() if w.lower() not in ("of", "and", "for"))
        renamed = _renamed_to(t) if named else None
        if renamed is not None:
            # "The X Joint Laboratory, set up with Y in 2017, has been upgraded and renamed the Z Center": the body
            # under its present name (set up when and with whom the old name was)
            text, head = _phrase(renamed).text, _head_word(renamed)
        name = text if named else None
        if name and len(re.findall(r"[A-Za-z]", name)) < 4:
            continue
        if name and plural_head(name):
            # "22 Engineering Research Centers", "AI Centres of Excellence": several bodies, none named; "MoUs with
            # A, B, C and D to set up four Centres of Excellence": one unnamed body at each university
            unis = list(dict.fromkeys(n for m in v.mentions for n, k in [v.resolve(m)] if k == "university" and n))
            if any(c.dep_ == "nummod" for c in t.children) and len(unis) >= 2 and anchor is not t:
                partner = next((n for n, k in _orgs_around(v, anchor if hasattr(anchor, "dep_") else None, t)
                                if k != "university"), None)
                out += [{"name": None, "platform_type": platform_type(text, head), "university": u, "partner": partner,
                         "date": v.date_of(anchor)[0] if date and hasattr(anchor, "dep_") else None, "_weak": False,
                         "_founders": 2} for u in unis]
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
        if head in ("port", "valley", "town", "city") and named and t.text[:1].isupper() and not unis_in and not any(
                x.lower_ in _INNOVATION_WORDS for x in span):
            continue  # "the Port of Rotterdam": a place's name, unless its words make it a body of research
        roles = _orgs_around(v, anchor if hasattr(anchor, "dep_") and anchor is not t else None, t)
        r_unis = [n for n, k in roles if k == "university"]
        sited = _sited_at_university(v, span) if anchor is t and not unis_in else None
        university = (unis_in or ([sited] if sited else []) or r_unis or [v.main_university()])[0]
        joint = _joint_partner(v, span, university) if named else None
        # the locality a name gives is the partner only when the sentence names no co-founder
        locality = _locality_partner(v, span) if named else None
        if joint:
            # the joint name's short form of a party the sentence names in full ("CRRC" of "jointly established
            # with CRRC Zhuzhou Locomotive Co., Ltd.")
            joint = next((n for n, k in roles if k in ("enterprise", "org") and n != joint
                          and n.split()[0].lower() == joint.split()[0].lower()), joint)
        partner = next((p for p in [joint] + partners_in + [n for n, _ in roles] + [locality]
                        if p and p != university and p != text), None)  # (not the body itself, as a subject)
        no_partner = False
        if named and joint is None and re.search(r"(?<![\w-])[A-Z0-9]{2,}@[A-Z]", text):
            partner = None  # "WIL@NUS Corporate Laboratory": its name says who; an acronym never expanded is nobody
            no_partner = True
        if _possibility(anchor) or _INTENT_LETTER.search(v.clean[:t.idx]):
            continue  # ("signed a letter of intent regarding the establishment of a laboratory": meant, not set up)
        if hasattr(anchor, "dep_") and anchor is not t and _purpose(anchor):
            continue  # an aim, a plan or a requirement, not a body set up
        if getattr(anchor, "tag_", "") == "VBG" and anchor.dep_ == "ROOT" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
            continue  # "Establishing R&D centres in enterprises": a heading naming a kind of activity
        if (name is None or weak) and not (unis_in or r_unis or partner):
            continue  # an unnamed body nobody is said to have set up
        branch = re.search(r"\(([^()]*)\)\s*$", text)
        if branch and branch.group(1).split():
            last = branch.group(1).split()[-1].lower()
            if last in PLATFORM_NOUNS or last in PLATFORM_PLURALS:
                head = PLATFORM_PLURALS.get(last, last)  # "Key Laboratory ... (Guizhou Center)": the branch is the body
        founders = {university, joint, locality, *partners_in, *(n for n, _ in roles)} - {None}
        out.append({"name": name, "platform_type": platform_type(text, head), "university": university,
                    "partner": partner,
                    # a body known by its name alone has no founding in the sentence to date it
                    "date": _own_year(v, span) or (_set_up_when(v, t) if anchor is t else v.date_of(anchor)[0] if date else None),
                    "_weak": weak, "_founders": len(founders),
                    "_head": head,
                    **({"_needs_name": True} if needs_name else {}), **({"_no_partner": True} if no_partner else {})})
    # (a head noun alone that opens a sentence names nothing: "Platform construction made new progress.")
    return [p for p in out if not (p["name"] and p["name"].lower() in PLATFORM_NOUNS)]


_ORDINAL = re.compile(r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)")
_HEADLINE_VERBS = (r"Open|Opens|Launch|Launches|Unveil|Unveils|Inaugurate|Inaugurates|Establish|Establishes|Set Up|Sets Up|"
                   r"Build|Builds|Create|Creates|Start|Starts|Form|Forms")
_HEADLINE_SIDE = re.compile(rf"^(?:[A-Z][\w&.'-]*\s){{1,6}}(?:{_HEADLINE_VERBS})\s+(?=[A-Z])")
_HEADLINE_PARTIES = re.compile(rf"^.*?\s(?:and|&)\s.*?\s(?:{_HEADLINE_VERBS}|Sign|Signs)\s+(?=[A-Z])")
# "Weichai and Shandong University Renew Joint Laboratory for a Third Term": a headline renewing a body it names
_HEADLINE_RENEWS = re.compile(r"[A-Za-z)]\s(?:Renew|Renews|Extend|Extends)\s+(?=[A-Z])")


# the date a news list's row closes on, after a name ("... Institute of X 2024-06-18", "... College 2024")
_ROW_DATE_END = re.compile(r"\s+(?:19|20)\d\d(?:[-/.]\d{1,2}){0,2}$")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip('"\'\u201d)').endswith((".", "!", "?", ";", ":"))


def _bulleted(v: SentenceView) -> bool:
    return bool(re.match(r"\s*" + BULLET + r"\s", v.sentence.text))


def _list_row(v: SentenceView) -> bool:
    """A line of a list: no closing punctuation (a bullet, a table row, an item under a heading)."""
    return _bulleted(v) or not v.clean.rstrip().rstrip('"\')').endswith((".", "!", "?"))


# a list row that names a body, then after a dash who runs it: "ATCO Hydrogen Blending Laboratory - with ATCO, opened
# 2022", "X Digital Twin Lab - launched with Cenovus Energy in May 2024", "Centre of Excellence for Y (CEY) - hosted
# by Z University, set up with PSA Corporation in 2024", "1. Centre of Excellence in AI for Healthcare - IIT Hyderabad"
_ROW_BODY = re.compile(r"(?:\d{1,2}[.)]\s+|" + BULLET + r"\s+)?(?P<name>[A-Z][\w&@'.-]*(?: (?:[A-Z][\w&@'.-]*|of|for|and|on|in|&))*? "
                       r"(?P<head>[A-Z][a-z]+)(?: (?:of|for|in|on) (?:[A-Z][\w&'-]*|AI|and|&)(?: (?:[A-Z][\w&'-]*|AI|and|&|for|of))*)?)"
                       r"(?:\s+\([A-Z][A-Za-z&]{1,9}\))?(?:\s+[-\u2013\u2014:]\s+|(?P<comma>,)\s+|\s+(?P<paren>\())(?P<rest>.+)")
_ROW_WITH = re.compile(r"(?:^|\b(?:set up|launched|opened|established|founded|created|built|run|co-founded|co-built|"
                       r"co-established|co-constructed)\b[^;]{0,20}?\s)"
                       r"with\s", re.I)


# a lead's words that the bodies listed below it were set up: "the following three institutes were unveiled:"
_LEAD_CUE = re.compile(r"\b(?:unveil\w*|plaques?|set up|established|launched|founded|built|co-built|settled|inaugurated)\b.*"
                       r"|\b(?:following|these|the) (?:\w+ )?(?:institutes|centers|centres|laboratories|labs|bases|platforms)\b",
                       re.I)


# a row of a university's list of its partners, the partner as the label: "Jiaxing City, Zhejiang: BIT Yangtze Delta
# Graduate School, 2020; 1,460 postgraduates enrolled" (the body set up with that partner, and the year)
_PARTNER_LABEL_ROW = re.compile(r"\s*(?P<party>[A-Z][^:;]{1,80}?):\s+(?P<name>[A-Z][^,;:()]{3,100}?),\s+"
                                r"(?P<year>(?:19|20)\d\d)\s*(?:;|$)")


def _partner_label_row(v: SentenceView) -> list[dict]:
    m = _PARTNER_LABEL_ROW.match(v.clean)
    actor = v.main_university()
    if m is None or actor is None:
        return []
    head = name_head(m.group("name"), ("of", "for", "in", "on"))
    party = next((x for x in v.mentions if x.start < m.end("party") and x.kind in (
        "enterprise", "government", "agency", "zone", "org", "ministry")), None)
    if head is None or party is None:
        return []
    partner, _ = v.resolve(party)
    if not partner or partner == actor:
        return []
    name = m.group("name").strip()
    return [{"name": name, "platform_type": platform_type(name, head), "university": actor, "partner": partner,
             "date": m.group("year"), "_weak": False, "_founders": 2, "_row_holder": True}]


def _list_row_body(v: SentenceView) -> list[dict]:
    """The body a list row names before a dash, with its co-runner or its host after it (``_ROW_BODY``)."""
    m = _ROW_BODY.fullmatch(v.clean.strip())
    numbered = re.match(r"\s*\d{1,2}[.)]\s", v.clean)
    if not m or not (_list_row(v) or numbered) or len(v.clean) > 200:
        return []
    if (m.group("comma") or m.group("paren") is not None) and not (numbered or _bulleted(v)):
        return []  # ("Name, with X (since 2022)" / "1. Name, focusing on ...": a comma parts a bullet's or a numbered row's cells)
    # ("4. Key Laboratory of X (Y University; co-built with Z Co., Ltd.)": the bracket holds host and co-builder)
    head = name_head(m.group("name"), ("of", "for", "in", "on"))
    if head is None:
        return []
    rest, rest_at = m.group("rest"), m.start("rest") + (len(v.clean) - len(v.clean.lstrip()))
    later = [(x, *v.resolve(x)) for x in v.mentions if x.start >= rest_at]
    host = next((n for x, n, k in later if k == "university" and (
        x.start == rest_at or re.search(r"\bhosted\s+by\s+(?:the\s+)?$", v.clean[rest_at:x.start]))), None)
    with_at = _ROW_WITH.search(rest)
    partner = next((n for x, n, k in later if with_at and x.start >= rest_at + with_at.start() and n and n != host
                    and k in ("enterprise", "government", "agency", "org", "university", "zone")), None)
    named_in = next((n for x in v.mentions if x.end <= m.end("name") for n, k in [v.resolve(x)] if k == "university"),
                    None) or _university_opening(v, m.group("name"))
    lead = v.state.platform_lead
    if lead is not None and 0 < v.sentence.index - lead[0] <= 2 and named_in:
        v.state.platform_lead = (v.sentence.index, lead[1])  # (the list goes on, whatever its rows' partners)
    if lead is not None and 0 < v.sentence.index - lead[0] <= 2 and named_in and partner is None and host is None \
            and v.state.last_pair[1]:
        # a row of the list a lead introduces ("The plaques of the following three institutes were unveiled:" / "1.
        # NPU Xi'an Hi-tech Institute of Unmanned Systems, focusing on ..."): set up with the partner the page's
        # signing named, dated by the lead
        v.state.platform_lead = (v.sentence.index, lead[1])
        partner = v.state.last_pair[1]
    opener = next(((x, n, k) for x, n, k in later if x.start == rest_at), None)
    if partner is None and host is None and opener is not None and opener[1] and opener[2] in (
            "enterprise", "government", "agency", "org", "zone") and (named_in or v.state.ctx.university) \
            and re.fullmatch(r"[^;()]{2,80},\s*(?:19|20)\d\d\.?", rest.strip()):
        # "Smart Manufacturing Co-Creation Center - Toyota Motor East Japan, Inc., 2021" on a university's list of its
        # centres: the body after the dash set it up with the university, in the year the row closes on
        partner = opener[1]
    if partner is None and host is None and named_in and v.doc is not None:
        # "China Agricultural University Yantai Apple Industry Institute – research institute – 2023": the locality
        # the name puts beside its university set it up with the university
        lead_at = len(v.clean) - len(v.clean.lstrip())
        span = v.doc.char_span(lead_at + m.start("name"), lead_at + m.end("name"), alignment_mode="expand")
        partner = _locality_partner(v, span) if span is not None else None
        if partner is None and span is not None and _joint_name(v, span):
            partner = _joint_partner(v, span, named_in)  # "▲ Hanyang-Orbis Sensor Fusion Lab (KRW 4.2 billion)"
    if partner is None and host is None and not (named_in and not v.state.ctx.university and v.state.ctx.publisher):
        return []
    if m.group("paren") is not None and partner is None:
        return []  # "Key Laboratory of X (Y University)": a university's own laboratory on an approved list
    if partner is None and not v.state.ctx.university:
        partner = v.state.ctx.publisher  # a government's list of the bodies it set up with universities
    year = re.search(r"\b(?:19|20)\d\d\b", rest)
    date = next((d.value for d in v.dates if d.value and d.start >= rest_at), year.group() if year else None)
    if date is None and lead is not None and v.state.platform_lead == (v.sentence.index, lead[1]):
        date = lead[1]
    name = m.group("name")
    uni = host or next((n for x in v.mentions if x.end <= len(name) for n, k in [v.resolve(x)] if k == "university"),
                       None) or _university_opening(v, name) or v.main_university()
    return [{"name": name, "platform_type": platform_type(name, head), "university": uni,
             "partner": partner, "date": date, "_weak": False, "_founders": 2}]


_SITED_AT = re.compile(r"\s*,?\s*(?P<verb>(?:will|to|shall)\s+(?:be\s+)?(?:function|come up|located|based|sit|operate|"
                       r"housed|set up)\s+)?at\s+(?:the\s+)?$")


def _sited_at_university(v: SentenceView, span) -> str | None:
    """The university a named body is placed at in a sentence of a cooperation ("The centre will include a Battery
    Precursor Laboratory at QUT's Banyo precinct", "The Kerala Semiconductor Design Centre will function at IIT
    Palakkad's Nila campus"): one of the cooperation's platforms, at that university (None when it is not)."""
    end = span.end_char
    uni = next((m for m in v.mentions if m.kind == "university" and end < m.start <= end + 60), None)
    gap = _SITED_AT.fullmatch(v.clean[end:uni.start]) if uni is not None else None
    if gap is None or not gap.group("verb") and not re.search(
            r"\b(?:agreement|mou|memorand\w*|partnership|cooperation|collaboration|include|includes)\b", v.clean, re.I):
        return None  # (a bare "at" in a sentence of a cooperation; "will function at", "will come up at" alone)
    return v.resolve(uni)[0]


# a headline of a list row in sentence case: "Keqiao District and ZJUT launch Textile Printing and Dyeing Modern
# Industry College" (the parse reads the lower-case verb as a noun of a name)
_HEADLINE_FOUNDING = re.compile(r"(?P<sides>[A-Z][^,;:]{1,80}?\s(?:and|&)\s[^,;:]{1,60}?)\s+(?:jointly\s+)?"
                                r"(?:launch|open|unveil|inaugurate|establish|set up|co-build|co-found|build)s?\s+"
                                r"(?:(?:a|an|the)\s+)?(?P<name>[A-Z][^,;:]{3,120})")


def _headline_founding(v: SentenceView) -> list[dict]:
    """A headline row whose two sides launch a named body (``_HEADLINE_FOUNDING``): the body, of the university
    among the sides, the other side its partner, dated by the row."""
    m = _HEADLINE_FOUNDING.fullmatch(v.clean.strip())
    if m is None or not _list_row(v):
        return []
    name = _ROW_DATE_END.sub("", m.group("name")).strip()
    head = name_head(name, ("of", "for", "in", "on"))
    sides = [v.resolve(x) for x in v.mentions if x.end <= m.end("sides") and x.party]
    unis = [n for n, k in sides if k == "university" and n]
    others = [n for n, k in sides if k in ("government", "enterprise", "agency", "zone") and n]
    if head is None or len(unis) != 1 or len(others) != 1:
        return []
    date = next((d.value for d in v.dates if d.value and d.start >= m.start("name")), None)
    return [{"name": name, "platform_type": platform_type(name, head), "university": unis[0], "partner": others[0],
             "date": date, "_weak": False, "_founders": 2}]


def _lead_name_row(v: SentenceView) -> list[dict]:
    """A list row that is a platform's name alone, opening with a university's name ("- X University Blue Food
    Innovation Center"), under a lead that introduces the bodies set up ("Three institutes were inaugurated in the
    park at the same time:"): set up by that university with the partner the page's signing named (else the
    government whose page it is), dated by the lead."""
    lead, name = v.state.platform_lead, v.clean.strip().strip(" -*\u2022")
    if lead is None or not 0 < v.sentence.index - lead[0] <= 2 or not _list_row(v) or not _bulleted(v):
        return []
    uni = _university_opening(v, name)
    head = name_head(name, ("of", "for", "in", "on"))
    partner = v.state.last_pair[1] or (v.state.ctx.publisher if not v.state.ctx.university else None)
    if uni is None or head is None or partner is None or len(name) > 120:
        return []
    v.state.platform_lead = (v.sentence.index, lead[1])
    return [{"name": name, "platform_type": platform_type(name, head), "university": uni, "partner": partner,
             "date": lead[1], "_weak": False, "_founders": 2}]


def _university_opening(v: SentenceView, name: str) -> str | None:
    """The university a platform's name opens with, as the page names it or abbreviates it ("NPU Xi'an Hi-tech
    Institute of Unmanned Systems", "Xidian University Hi-tech Zone Institute of ..."): the mention of the whole
    name hides it."""
    ctx = v.state.ctx
    for short, full in [*((u, u) for u in ctx.university_counts), *ctx.abbreviations.items()]:
        if full and name.startswith(short + " ") and len(name) > len(short) + 1:
            return full
    return None


def _set_up_when(v: SentenceView, t) -> str | None:
    """The date a participle right on the body's noun gives ("CATL's joint laboratory with X, set up in 2019")."""
    for c in t.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in CREATE_VERBS | {"set", "open", "launch"}:
            return v.date_of(c, own_only=True)[0]
    # (the parse may hang the participle elsewhere: read it right after the noun's phrase)
    end = max(x.idx + len(x) for x in t.subtree)
    told = re.match(r",?\s+(?:set up|established|founded|launched|opened|created|built)\s+(?:in|on)\s+", v.clean[end:])
    return next((d.value for d in v.dates if d.value and told and d.start <= end + told.end() < d.end), None)


def _own_year(v: SentenceView, span) -> str | None:
    """The year a list writes in brackets right after the body's name: "the ABB Robotics Lab (2020)", "the X
    Centre (established 2018)"."""
    end = span.root.idx + len(span.root)  # (the phrase may hold the bracket: "Lab (2020)" parses as one)
    for d in v.dates:
        if d.value and 0 <= d.start - end <= 2 and v.clean[end:d.start].strip() in ("", "("):
            return d.value
    return None


# one platform per body on a page (pipelines/extract/platform_merge.py)
from pipelines.extract.platform_merge import merge, plural_head, same_platform  # noqa: E402,F401
