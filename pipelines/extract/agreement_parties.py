"""Who the parties of an agreement sentence are: the mentions in the events' role phrases, lists the parser cut,
places that only say where a party lies, one-word companies and organisations, several parties of one
agreement, and signers the sentence leaves unnamed (a pronoun for the page's pair, a passive without agent, a
record's verb-first row).

Split out of ``agreements.py``, which calls these per sentence. Plain Python, no Dagster.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract.context import SentenceView
from pipelines.extract.count_units import WORD_NUMBERS
from pipelines.extract.lexicon import COUNTRIES, ENTERPRISE_SUFFIX
from pipelines.extract.names import Mention
from pipelines.extract.platform_founding import CREATE_VERBS, name_head
from pipelines.extract.syntax import ENVOYS, Event, role_char_spans, tokens_in


def _drop_parent_places(s: str, parties: list[Mention], mentions: list[Mention]) -> list[Mention]:
    # "Guilin city of Guangxi": the place after "of" is the parent, not a party
    govs = [m for m in mentions if m.kind == "government"]
    parties = [m for m in parties if not (m.kind == "government" and any(
        g.end <= m.start and re.fullmatch(r",? of (?:the )?", s[g.end:m.start]) for g in govs))]
    # "Zhangzhou City, Fujian Province": the province after a comma is where the city lies
    kept = []
    for m in parties:
        lower = [g for g in govs if g.end <= m.start and re.fullmatch(r", (?:in )?", s[g.end:m.start])
                 and g.level in ("City", "County", "District", "Prefecture")]
        if m.kind == "government" and m.level == "Province" and lower:
            if lower[-1].province is None and m.name:
                lower[-1].province = re.sub(r"\s+Province$", "", m.name)
            continue
        kept.append(m)
    parties = kept
    # "with all 11 prefecture-level cities of Jiangxi", "with enterprises within the province", "with 19 Michigan
    # counties": the place says which of many bodies, each a party the sentence does not name; the place is none
    parties = [m for m in parties if not (m.kind in ("government", "placeholder") and _IN_WITH.search(s[:m.start])
                                          and ((_MANY_OF if m.kind == "government" else _MANY_IN).search(s[:m.start])
                                               or _MANY_AFTER.match(s[m.end:])
                                               and not re.search(r"(?:,|\band)\s+$", s[:m.start])))]
    # (not "with A, B and C cities": the last of a list, the level word said once for all)
    # "the Board of Regents on behalf of Arizona State University": the body acts for the university
    return [m for m in parties if not re.match(r"\s+on behalf of\s+(?!(?:the|both|their|its|our)\b)", s[m.end:])]


_MANY = (r"(?:cities|counties|districts|prefectures|provinces|towns|townships|villages|enterprises|companies|firms|"
         r"businesses|universities|colleges|institutions|schools|municipalities|regions|states|farms|hospitals)")
# (not "the counties of Guxian, Tianzhen and Yonghe": the definite plural names each of them)
# the mention is in a "with" phrase: no clause between ("with A, B and C, and 36 enterprises of the city signed ...")
_IN_WITH = re.compile(r"\bwith\s+(?:(?!\b(?:signed|inked|concluded|set up|built)\b)[^;])*$")
_MANY_OF = re.compile(rf"(?<!\bthe )(?<!\bThe )\b{_MANY}\s+(?:of|in|within|across|throughout|from)\s+(?:the\s+)?$")
_MANY_IN = re.compile(rf"\b{_MANY}\s+(?:in|within|across|throughout)\s+(?:the\s+)?$")  # ("enterprises within the province")
_MANY_AFTER = re.compile(rf"\s+{_MANY}\b")




_KIND_WORDS = {"state", "states", "city", "cities", "province", "provinces", "county", "counties", "district",
               "districts", "government", "governments", "companies", "enterprises", "firms", "industry", "industries",
               "universities", "partners", "institutions", "organisations", "organizations", "agencies", "ministries"}


# what a company does, written before its name: "steelmaker Ternium", "chip manufacturer X", "the utility X"
_TRADE_BEFORE = re.compile(r"\b(?:[a-z]+maker|manufacturer|company|firm|giant|operator|utility|developer|insurer|"
                           r"retailer|start-?up|conglomerate|producer|supplier|carrier|contractor)\s+$")


def _lone_company(s: str, m: Mention) -> bool:
    """A one-word name right after "with"/"and"/"between" that is no pinyin place or person: a company
    ("signed an agreement with Lenovo", "Siemens and the university")."""
    from pipelines.extract.names import is_pinyin
    word = (m.name or "").strip()
    if not re.fullmatch(r"[A-Z][a-z]{3,}|[A-Z][a-z]+(?:-?[A-Z][a-z]+)+|[A-Z]{2,}[a-z][A-Za-z]{3,}", word) \
            or is_pinyin(word) or word.lower() in COUNTRIES or word.lower() in _KIND_WORDS:
        return False  # (nor a kind of body in a headline's capitals: "Signs MoUs with State, BEL", "with Four Cities")
    return bool(re.search(r"\b(?:with|between)\s+$", s[:m.start]) or _TRADE_BEFORE.search(s[:m.start]) or re.match(r"\s+and\s+(?:the\s+)?(?:[A-Z]|university\b|college\b)", s[m.end:])
                or re.search(r"\band\s+$", s[:m.start]))


def _strong_org(m: Mention) -> bool:
    from pipelines.extract.names import ORG_HEADS, _head
    # ("the Autonomous Region": the page's region by its level, no name of a body)
    return _head(m.name or "") in ORG_HEADS and not re.fullmatch(r"(?:Autonomous|Special Administrative) Region",
                                                                m.name or "")


def _syntax_parties(v: SentenceView, mentions: list[Mention], events: list[Event]) -> list[Mention] | None:
    """Party mentions inside the events' role phrases (subject, agent, with, between); None when the
    parse gives the events no role phrase at all."""
    doc = v.doc
    spans = []
    for e in events:
        spans.extend(role_char_spans(doc, e.role_heads))
    if not spans:
        return None
    out: list[Mention] = []
    for m in mentions:
        toks = tokens_in(doc, m.start, m.end)
        if not toks:
            continue
        if not (m.party or m.kind == "placeholder" and not m.locative or m.kind == "government" and _speaks_for(doc, toks)
                or independent_institute(m)):
            continue
        for _, _, tset in spans:
            if sum(1 for i in toks if i in tset) * 2 > len(toks):
                out.append(m)
                break
    return out


_RESEARCH_HEADS = {"institute", "laboratory", "academy", "centre", "center"}


def independent_institute(m: Mention) -> bool:
    """A named institute, laboratory or centre that is no unit of a university and no joint platform ("the Korea
    Institute of Machinery and Materials", "Fraunhofer Institute for Solar Energy Systems"): an organisation of
    its own, which signs as a party (a research institute) when the parse puts it in a signing's role. A name
    that opens with its head ("Institute of Cultural Industry, Peking University") is a unit's."""
    from pipelines.extract.names import _head
    name = m.name or ""
    return m.kind == "platform" and m.university is None and not m.locative and _head(name) in _RESEARCH_HEADS \
        and len(name.split()) >= 3 and _head(name.split()[0]) not in _RESEARCH_HEADS and not re.search(r"\b(?:joint|university|college|school|key)\b", name, re.I)


def _speaks_for(doc, toks: list[int]) -> bool:
    """A place named as whom the signing people act for: a modifier of "delegates", or "officials from X"."""
    root = doc[toks[-1]]
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in ENVOYS:
        return True
    return root.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_.lower() in ENVOYS


_LIST_GLUE = re.compile(r"(?:[\s,;()]|\band\b|\bthe\b|\bof\b|\b(?:state |provincial |municipal )?government\b|\b(?:cities|counties|districts|provinces|prefectures|"
                        r"city|county|district|province|prefecture)\b|\x00)*", re.I)


_COUNTED_KIND = re.compile(r"\bwith\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,3}"
                           r"(?:companies|enterprises|firms|organi[sz]ations|institutions|bodies|partners|agencies|"
                           r"governments|cities|universities),\s+")
_TIGHT_GLUE = re.compile(r"(?:\s*(?:\(\x00+\)|\)|,|\band\b)\s*)+")
_UNI_GLUE = re.compile(r"(?:\s*(?:\(\x00+\)|\)|,|\band\b|\bthe\b)\s*)+")  # (universities: "A, B and the University of C")


def _continue_lists(s: str, parties: list[Mention], mentions: list[Mention],
                    spans: list[tuple[int, int]] = ()) -> list[Mention]:
    """A list of partners the parser cut (at a semicolon, after "city of X Province"): a government right after
    a party, separated only by list glue and other names, is one more party."""
    out = list(parties)
    masked = list(s)
    for a, b in [(m.start, m.end) for m in mentions] + list(spans):
        masked[a:b] = "\x00" * (b - a)
    masked = "".join(masked)
    kinds = ("government", "agency", "ministry", "zone", "enterprise")

    def kind(x: Mention) -> str:
        return "agency" if x.placeholder == "state_department" else x.kind  # ("the state water resources department")

    for m in mentions:
        if m in out or not (kind(m) in kinds + ("university",) or m.kind == "org" and _strong_org(m)) or m.locative:
            continue
        if re.match(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}(?:subsidiary|unit|arm|affiliate|division|branch|parent|"
                    r"company|firm)\b", s[m.end:m.end + 60]):
            continue  # the owner of a body a list describes: "KUKA Robotics Guangdong Co., Ltd., Midea's robotics
            # subsidiary" (not a signatory's: "Suzano's vice-president for innovation and UNESP's rector")
        # (a body listed after a partner: "with the Maharashtra government, the Maharashtra Pollution Control
        # Board (MPCB) and three companies", whatever the parser made of the list; a university after a
        # university: "with the Indian Institute of Science (IISc), Visvesvaraya Technological University (VTU),
        # Mangalore University and ...", where the brackets broke the parse)
        prev = [p for p in out if p.end <= m.start and ((kind(p) in kinds or p.kind == "org" and _strong_org(p))
                                                        if m.kind != "university" else p.kind == "university")]
        glue = _LIST_GLUE if m.kind != "university" else _UNI_GLUE  # (only commas, "and", "the" and bracketed short names)
        if prev and glue.fullmatch(masked, max(p.end for p in prev), m.start):
            out.append(m)
            continue
        counted = _COUNTED_KIND.search(s[:m.start])
        if m.kind in kinds and counted and (counted.end() == m.start or _TIGHT_GLUE.fullmatch(masked, counted.end(), m.start)):
            # "with two Hangzhou-based companies, Zhejiang Geely Holding Group Co., Ltd. and Hangzhou Hikvision ...":
            # the bodies a counted kind of partner names after a comma
            out.append(m)
            continue
        # (a body listed right after a university party: "with the Gwangju Institute of Science and Technology
        # (GIST), Gwangju Metropolitan City and ...", where the bracket broke the parse; only commas, "and" and
        # bracketed short names between them)
        last = max((p for p in out if p.end <= m.start), key=lambda p: p.end, default=None)
        # (a foundation or a society too: "..., the State University of Campinas (Unicamp), the São Paulo Research
        # Foundation (FAPESP) and Shell Brasil")
        if (m.kind in kinds or m.kind == "org" and _strong_org(m)) and last is not None and last.kind == "university" \
                and re.search(r"[,(]", s[last.end:m.start]) \
                and (_UNI_GLUE if m.kind == "org" else _TIGHT_GLUE).fullmatch(masked, last.end, m.start):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def _two_sided(v: SentenceView, parties: list[Mention]) -> bool:
    kinds = [v.resolve(m)[1] for m in parties]
    unis = sum(1 for k in kinds if k == "university")
    return (unis >= 1 and len(kinds) - unis >= 1) or unis >= 2 or any(m.placeholder in ("pair", "group") for m in parties)


# the number of parties an agreement states: "four-way", "three-party", "tripartite"
_PARTY_NUMBER = re.compile(r"\b(tripartite|quadripartite|trilateral|quadrilateral|three|four|five|six)"
                           r"(?:[- ](?:party|way|sided)\b|(?<=te)\b|(?<=al)\b)", re.I)
_PARTY_COUNT = {"tripartite": 3, "trilateral": 3, "quadripartite": 4, "quadrilateral": 4,
                **{w: WORD_NUMBERS[w] for w in ("three", "four", "five", "six")}}
# one agreement of several parties: a number of them ("four-way", "tripartite", ``_PARTY_NUMBER``), "multi-party",
# "three parties"
_MULTI_PARTY = re.compile(rf"{_PARTY_NUMBER.pattern}|\b(?:multi-?party|multilateral|(?:three|four|five|six) parties)\b",
                          re.I)


def _one_agreement_of_all(v: SentenceView, events, parties: list[Mention]) -> bool:
    """All the parties are the coordinated subject of one signing of one agreement ("A City Council, the
    University of B, C University and D University have signed a civic partnership agreement"): one agreement
    of several parties (convention 2)."""
    unis = [m for m in parties if v.resolve(m)[1] == "university"]
    for e in events:
        if e.noun is not None and e.noun.tag_ == "NN" and any(
                c.dep_ == "prep" and c.lower_ == "among" for c in e.noun.children) and len(parties) >= 3:
            return True  # "The agreement among A, B and C was signed on March 3"
        between = next((c for c in e.noun.children if c.dep_ == "prep" and c.lower_ == "between"), None) \
            if e.noun is not None and e.noun.tag_ == "NN" else None
        if between is not None and len(unis) >= 2 and len(parties) >= 3 \
                and _listed_after(v.clean, parties, between.idx + len(between.text)):
            return True  # "The agreement between A University, B University and C City Council was signed ..."
        if e.kind != "sign" or e.verb is None or e.noun is None or e.noun.tag_ not in ("NN", "NNP"):
            continue
        agent = [c for c in e.verb.children if c.dep_ == "agent"]
        if e.noun.tag_ == "NN" and (e.noun.dep_ == "nsubjpass" and e.noun.head.i == e.verb.i
                                    or e.verb.dep_ == "acl" and e.verb.head.i == e.noun.i) \
                and agent and len(parties) >= 3 and all(m.start > agent[0].idx for m in parties):
            # "The agreement was signed on Thursday by representatives of A, B, C and D", "An agreement signed last
            # Thursday by A, B, C and D creates ..." (the parse may hang the later names outside the agent's phrase)
            return True
        subj = [c for c in e.verb.children if c.dep_ == "nsubj"]
        toks = {x.i for s0 in subj for c in (s0, *s0.conjuncts) for x in c.subtree}
        if subj and e.noun.tag_ == "NN" and all(set(tokens_in(v.doc, m.start, m.end)) <= toks for m in parties):
            return True
        joined = all(re.search(r"\band\b|,", v.clean[a.end:b.start]) for a, b in zip(unis, unis[1:]))
        if subj and len(unis) >= 2 and joined and all(set(tokens_in(v.doc, m.start, m.end)) <= toks for m in unis) \
                and e.noun.i > e.verb.i and not any(c.lower_ in ("respectively", "separately", "each") for c in e.verb.subtree):
            return True  # "A University and B University concluded a memorandum with C": one agreement of the three
    return False


def _listed_after(s: str, parties: list[Mention], start: int) -> bool:
    """The parties are one list with commas that starts at ``start`` (right after "between"): nothing between
    them but commas, "and", "the" and a bracketed short form."""
    if not parties or any(m.start < start for m in parties):
        return False
    rest = s[start:max(m.end for m in parties)]
    if not re.search(r",\s", rest):
        return False
    for m in sorted(parties, key=lambda m: m.start, reverse=True):
        rest = rest[:m.start - start] + " " + rest[m.end - start:]
    return bool(re.fullmatch(r"(?:\s|,|\band\b|\bthe\b|\([^()]*\))*", rest))


def _listed_universities(v: SentenceView) -> list[str]:
    """The universities a list item names, when it names nothing else ("• Deakin University")."""
    names = [v.resolve(m) for m in v.mentions if not m.locative]
    if not names or any(k != "university" for _, k in names) or len(v.clean) > 120:
        return []
    return list(dict.fromkeys(n for n, _ in names if n))


def _between(e) -> bool:
    """The event names both its sides itself: "signed between A and B" (no side left for the page to fill)."""
    return any(c.dep_ == "prep" and c.lower_ == "between" for x in (e.verb, e.noun) if x is not None for c in x.children)


def _subjectless_row(events) -> bool:
    """A row of a page's own record that opens with its verb ("2017 - Signed a memorandum with the City of
    Newcastle", "Entered into a research agreement with Ausgrid"): the page's university did it."""
    for e in events:
        if e.kind != "sign" or e.verb is None or any(c.dep_.startswith("nsubj") for c in e.verb.children) \
                or _between(e):
            continue
        before = [t for t in e.verb.doc[:e.verb.i] if t.is_alpha]
        if not before or all(t.ent_type_ == "DATE" for t in before):
            return True
    return False


def _agentless_passive(events) -> bool:
    # (or the document is the subject: "2021 - MoU with the City renewed for a further five years")
    # (or a participle on the document: "A cooperation agreement signed with Huzhou City in May 2021 led to ...")
    return any(e.kind == "sign" and e.verb is not None and (
        any(c.dep_ == "auxpass" for c in e.verb.children)
        or e.verb.dep_ == "acl" and e.verb.tag_ == "VBN" and e.noun is not None and e.verb.head.i == e.noun.i
        and e.verb.lemma_.lower() in ("sign", "ink", "conclude") and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in e.verb.children)
        # ("a 36 million yuan agreement with X on farm machinery, signed in September": the participle hung on the
        # document's complement, the "with" on the document)
        or e.verb.dep_ == "acl" and e.verb.tag_ == "VBN" and e.noun is not None
        and e.verb.lemma_.lower() in ("sign", "ink", "conclude") and e.verb.head.i in {x.i for x in e.noun.subtree}
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in e.noun.children)
        or e.noun is not None and any(c.dep_ == "nsubj" and c.i == e.noun.i for c in e.verb.children))
        and not any(c.dep_ == "agent" for c in e.verb.children) and not _between(e) for e in events)


def _pronoun_signers(events) -> bool:
    """A signing whose subject is a pronoun for a pair ("they", "both", "the two")."""
    return any(e.kind == "sign" and e.verb is not None and any(
        c.dep_ == "nsubj" and c.lower_ in ("they", "both", "two") for c in e.verb.children) for e in events)


def own_pronoun_signs(events) -> bool:
    """A signing whose subject is "it" or "we": on a university's own page, the university ("In February, it signed a
    memorandum with Chiang Mai University")."""
    return any(e.kind == "sign" and e.verb is not None and any(
        c.dep_ == "nsubj" and c.lower_ in ("it", "we") for c in e.verb.children) and not _it_of_the_clause_before(e.verb)
        for e in events)


def _it_of_the_clause_before(verb) -> bool:
    """The "it" that signs stands for the named body the clause before is about, no university ("Mitr Phol is the
    largest sugar producer ..., and it also signed an MOU with PTT"): no signing of the page's university."""
    if verb.dep_ != "conj":
        return False
    subject = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
    return subject is not None and not re.search(r"\b(?:University|College|Institute|School|Academy|Polytechnic)\b",
                                                 " ".join(t.text for t in subject.subtree))


def we_sign(events) -> bool:
    """A signing whose subject is "we", its own or that of the verb it is coordinated with ("We deepened the
    cooperation ..., signed agreements with 16 universities"): on a government's page, the government."""
    for e in events:
        t = e.verb if e.kind == "sign" else None
        for _ in range(3):
            if t is None:
                break
            if any(c.dep_ == "nsubj" and c.lower_ == "we" for c in t.children):
                return True
            t = t.head if t.dep_ == "conj" else None
    return False


def _own_subjects(signs) -> bool:
    subjects = [[c.i for c in e.verb.children if c.dep_ in ("nsubj", "nsubjpass")] for e in signs]
    return all(subjects) and len({e.verb.i for e in signs}) == len(signs) and \
        len({i for sub in subjects for i in sub}) == sum(len(sub) for sub in subjects)


def _clause_text(e, signs) -> str:
    """The words of one signing's clause: its verb's subtree without the other signings' clauses."""
    others = {t.i for o in signs if o is not e and o.verb.i > e.verb.i for t in o.verb.subtree}
    subj = [t.i for c in e.verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return "".join(t.text_with_ws for t in e.verb.subtree if t.i not in others or t.i in subj)


def joint_named_sides(v: SentenceView, events: list[Event], mentions: list[Mention]) -> list[Mention]:
    """The side an agreement's own name puts beside a university across a dash ("The Orion University-Weichai
    Power cooperation agreement was signed", "the A University–B City strategic agreement"), when the recogniser
    read the two as one name: a mention of it, for the positional reading to pair (none when no university stands
    on the other side, or the side is already a mention)."""
    from pipelines.extract.names import find_mentions
    from pipelines.extract.syntax import AGREEMENT_NOUNS

    out: list[Mention] = []
    if v.doc is None:
        return out
    # (the event's noun, or the agreement a ceremony is "of": "the signing ceremony of the A-B agreement")
    nouns = {t.i: t for e in events if e.noun is not None for t in e.noun.subtree if t.lemma_.lower() in AGREEMENT_NOUNS}
    for noun in nouns.values():
        toks = [t for t in noun.doc[noun.left_edge.i:noun.i] if t.dep_ not in ("det",)]
        dashes = [t for t in toks if t.text in ("-", "\u2013", "\u2014") and t.i > toks[0].i]
        if len(dashes) != 1:
            continue
        k = dashes[0]
        left = v.clean[toks[0].idx:k.idx].strip()
        right_toks = [t for t in toks if t.i > k.i and t.text[:1].isupper()]
        if not right_toks or not right_toks[0].i == k.i + 1:
            continue
        run = [right_toks[0]]
        for t in right_toks[1:]:
            if t.i != run[-1].i + 1:
                break
            run.append(t)
        if not any(m.kind == "university" and m.start < k.idx for m in mentions) or not re.search(r"\bUniversity\b|^[A-Z]{2,}$", left):
            continue
        start = run[0].idx
        text = v.clean[start:run[-1].idx + len(run[-1])]
        for m in find_mentions(text, v.state.ctx):
            if m.start != 0 or m.kind not in ("university", "government", "enterprise", "agency", "zone", "ministry", "org"):
                continue
            if any(x.start <= start + m.start < x.end for x in mentions):
                continue
            out.append(Mention(start + m.start, start + m.end, m.text, m.name, m.kind, level=m.level,
                               province=m.province, extra={**m.extra, "joint_name": True}))
            break
    return out


_ON_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?", re.I)
_REPRESENTED_BY = re.compile(r"\b(?:represented|acting) (?:here )?by\s+(?:the\s+|its\s+)?$", re.I)
_BY_SIGNER = re.compile(r"\bby\b", re.I)  # ("signed by X on behalf of Y and by Z": the last "by" before it)
_FOR_GOVERNMENT = re.compile(r"(?:state|government|province|city|county|council|ministry)\b", re.I)


_ORGAN_AFTER = re.compile(r"\s+(?:Board|Council|Senate|Regents|Trustees)\b")


def acting_for(v: SentenceView, parties: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Parties without the bodies that sign for another, the one they act for being the party (convention 2): a
    body named between the signer's "by" and "on behalf of" ("signed by the Principal Secretary, Department of
    Electronics, IT, BT and S&T on behalf of the Government of Karnataka", "by the MEDC's chief executive on behalf
    of the state"), universities aside (a university's office signing for it names the university); and a
    university's board acting for another university ("the University of Nebraska Board of Regents approved an
    agreement on behalf of the University of Nebraska-Lincoln")."""
    s = v.clean
    # "the Free State Provincial Government, represented by the Department of Agriculture": the department signs
    # for the government before it
    parties = [x for x in parties if not (_REPRESENTED_BY.search(s[max(0, x.start - 40):x.start])
                                          and v.resolve(x)[1] != "university")]
    # "WMG at the University of Warwick, JLR and the WMCA have signed": a unit told with the university it is at
    # signs for that university
    parties = [next((u for u in mentions if x.end < u.start <= x.end + 9 and v.resolve(u)[1] == "university"
                     and re.fullmatch(r"\s+at\s+(?:the\s+)?", s[x.end:u.start])), x)
               if x.kind in ("org", "platform") and not ENTERPRISE_SUFFIX.search(x.text) else x for x in parties]
    if not re.search(r"\bon behalf of\b", s):
        return parties
    out = list(parties)
    for m in _ON_BEHALF.finditer(s):
        after = s[m.end():m.end() + 40]
        principal = next((x for x in mentions if m.start() < x.start <= m.end() + 4 and x.party), None)
        if principal is None and not _FOR_GOVERNMENT.match(after):
            continue
        by = [b.end() for b in _BY_SIGNER.finditer(s, 0, m.start())]
        # ("The Higher Education Department, on behalf of the Government of Tamil Nadu, signed ...": the body
        # just before it signs for the principal)
        signer = next((x for x in reversed(out) if x.end <= m.start() and re.fullmatch(r"\s*,?\s*", s[x.end:m.start()])),
                      None)
        if not by and signer is not None and principal is not None and v.resolve(signer)[1] != "university":
            by = [signer.start]
        if not by:
            continue
        lo = by[-1]
        out = [x for x in out if not (lo <= x.start and x.end <= m.start() and v.resolve(x)[1] != "university")]
        if principal is not None and principal not in out:
            out.append(principal)
    out.sort(key=lambda x: x.start)
    organs = [m for m in out if v.resolve(m)[1] == "university" and _ORGAN_AFTER.match(s, m.end)]
    if organs and any(v.resolve(m)[1] == "university" and m not in organs for m in out):
        out = [m for m in out if m not in organs]
    return out


_TO_CREATE = re.compile(r"\bto\s+(?:launch|establish|set\s+up|build|create|open|found|form|co-build|jointly\s+build)"
                        r"\s+(?:(?:a|an|the|new|joint)\s+)*$", re.I)


def set_up_bodies(v: SentenceView, parties: list[Mention]) -> list[Mention]:
    """Leave out a body the sentence sets up ("The X Transfer Center was set up under a tripartite agreement signed
    by A, B and C", "State, ASU Sign Agreement to Launch Advanced Packaging Center"): the platform the agreement
    makes is no side of it."""
    doc = v.doc
    out = []
    for m in parties:
        toks = tokens_in(doc, m.start, m.end) if doc is not None else []
        head = max((doc[i] for i in toks), key=lambda t: t.i, default=None) if toks else None
        if m.kind not in ("university", "government") and name_head(v.clean[m.start:m.end]) and (
                head is not None and head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in CREATE_VERBS
                or _TO_CREATE.search(v.clean[max(0, m.start - 40):m.start])):
            continue  # (a title-case headline the parse reads as one name: "... Sign Agreement to Launch X Center")
        out.append(m)
    return out


def bracketed_aliases(s: str, parties: list[Mention]) -> list[Mention]:
    """Leave out a party named in brackets right after another ("Qilu University of Technology (Shandong Academy
    of Sciences)"): the same body's other name, no side of its own."""
    # (a short name in brackets is the same body's too, and the rules that read it keep it: "(KALRO)")
    return [m for m in parties if not (len(s[m.start:m.end].split()) >= 2 and re.search(r"[a-z]", s[m.start:m.end])
                                       and any(p.end <= m.start and re.fullmatch(r"\s*\(\s*(?:the\s+)?", s[p.end:m.start])
                                               and re.match(r"\s*\)", s[m.end:]) for p in parties if p is not m))]


def stated_party_count(s: str) -> int | None:
    """How many parties the sentence says its agreement has ("a four-way agreement", "tripartite"), or None."""
    m = _PARTY_NUMBER.search(s)
    return _PARTY_COUNT[m.group(1).lower()] if m else None


def group_size(placeholder: str) -> int | None:
    """The number a group placeholder gives ("the three partners" -> 3), or None."""
    words = placeholder.lower().split()
    return WORD_NUMBERS.get(words[1]) if len(words) > 1 else None  # (the placeholder says three to six)


# "the three companies", "the two universities": a group named by its number and its kind
_KIND_GROUP = re.compile(r"(?:the|all) (two|three|four|five|six) (universities|companies|firms)", re.I)


def kind_group(v: SentenceView, placeholder: str) -> list | None:
    """The bodies "the three companies" or "the two universities" stands for: the last ones of that kind the three
    sentences before named, as many as the number says ("Bosch, Mercedes-Benz and ZF Friedrichshafen have joined
    the campus ... The two universities and the three companies signed the agreement"); None when they named fewer
    (or the placeholder names no kind): [(mention, name, kind)]."""
    m = _KIND_GROUP.fullmatch(placeholder.strip())
    if m is None:
        return None
    n, universities = WORD_NUMBERS[m.group(1).lower()], m.group(2).lower() == "universities"
    kinds = ("university",) if universities else ("enterprise", "org")  # (the number says what they are)
    seen: dict[str, tuple] = {}
    for index, mention, name, k in reversed(v.state.recent_parties):
        if 0 < v.sentence.index - index <= 3 and k in kinds:
            seen.setdefault(name, (replace(mention, kind="enterprise") if k == "org" else mention, name,
                                   "university" if universities else "enterprise"))
    return list(seen.values())[:n][::-1] if len(seen) >= n else None


def university_town(s: str, m: Mention, parties: list[Mention]) -> bool:
    """A one-word name right after a university's name and a comma (its short form in brackets between), followed by
    a comma, "and" or the end: the town the university is in ("Assam Agricultural University (AAU), Jorhat and ...")."""
    if m.kind not in ("org", "government") or " " in m.text.strip() or not re.match(r"\s*(?:,|\band\b|\)|$)", s[m.end:]):
        return False
    return any(p.kind == "university" and p.end <= m.start and re.fullmatch(r"(?:\s*\([^()]*\))?\s*,\s*", s[p.end:m.start])
               for p in parties)


def under_agreement(events: list) -> bool:
    """The signing opens the sentence as "Under a (five-year) agreement signed/renewed in ..., ...", with no side of
    its own: the main clause after it tells what the sides do."""
    for e in events:
        if e.kind == "sign" and e.verb is not None and e.noun is not None and e.verb.dep_ == "acl" \
                and e.verb.head.i == e.noun.i and e.noun.dep_ == "pobj" and e.noun.head.lower_ == "under" \
                and e.noun.head.i <= 1 and not any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with", "between")
                                                   for c in (*e.verb.children, *e.noun.children)):
            return True
    return False


def company_before(v: SentenceView) -> bool:
    """The sentence before is about a company, its main clause's subject ("Geely ... has set up joint laboratories
    with 14 universities. On the same day, it also signed an investment agreement with X"): "it" is that company."""
    last = v.state.main_subject
    return last is not None and last[0] == v.sentence.index - 1 and last[1] == "enterprise"
