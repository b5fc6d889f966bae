"""The two sides of an agreement a sentence states, from the parties its role phrases name.

``sort_sides`` puts each party on its side (universities, partners), resolving placeholders ("the two sides", "the three
institutions") to the bodies the page named and dropping names that are no party; ``fill_sides`` supplies a side the
sentence leaves unnamed from the page (its government, its university, the university "it" was) and the pairs of
universities of one agreement of several parties (convention 2). ``agreements._from_events`` calls both, then dates
the facts.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import TECH_ACRONYMS
from pipelines.extract.names import Mention, same_entity, table_place
from pipelines.extract.agreement_parties import (
    company_before, group_size, independent_institute, kind_group, own_pronoun_signs, under_agreement, we_sign,
    _agentless_passive, _it_of_the_clause_before, _lone_company, _MULTI_PARTY, _one_agreement_of_all, _strong_org,
    _subjectless_row,
)
from pipelines.extract.agreement_governments import (
    government_actor, government_body_signs, government_official_signs,
)
from pipelines.extract.agreement_refs import _PARTNER_KINDS


def _brand(name: str) -> bool:
    """"POSCO Future M", "SAIC Motor": a company by its brand in capitals and the words of its line of business."""
    return bool(re.fullmatch(r"[A-Z]{3,8}(?: [A-Z][\w-]*){1,3}", name)) and name.split()[0] not in TECH_ACRONYMS


def _join_group(members: list, unis: list[str], partners: list[tuple[Mention, str]]) -> None:
    """Add the members of a group a placeholder stands for ("the three parties", "the three companies"): its
    universities to the university side, the others to the partners, each once."""
    for gm, gname, gkind in members:
        if gkind == "university":
            if gname not in unis:
                unis.append(gname)
        elif not any(same_entity(gname, q) for _, q in partners):
            partners.append((gm, gname))


def _university_foundation(v: SentenceView, name: str) -> str | None:
    """The university a foundation bears the name of ("Purdue Research Foundation" -> Purdue University), when the
    page names that university."""
    f = re.fullmatch(r"(?:The )?([A-Z][\w-]+) (?:Research |University )?Foundation", name)
    if f is None:
        return None
    word = f.group(1)
    if table_place(word) is not None:
        return None  # (a place's foundation: "the Ohio Foundation" is no university's)
    known = [v.main_university()] + [n for n, k in map(v.resolve, v.mentions) if k == "university"]
    # (the university named by that word alone: "Purdue" of "Purdue University", not "São Paulo State University")
    return next((u for u in known if u == f"{word} University"), None)


def sort_sides(v: SentenceView, events: list, parties: list[Mention], s: str) -> tuple[list[str], list[tuple[Mention, str]]]:
    """The university side and the partner side of the parties a sentence names: placeholders ("the two sides",
    "the three institutions") resolved to the bodies the page named, each body once; names that are no party dropped
    (a place saying where a university is, a university's own council, a short form in brackets, a capitalised
    phrase the recogniser does not read as an organisation)."""
    unis: list[str] = []
    partners: list[tuple[Mention, str]] = []
    named = any(m.kind in _PARTNER_KINDS and m.kind != "org" for m in parties)
    grouped = any(m.placeholder == "group" for m in parties)
    for m in parties:
        name, kind = v.resolve(m)
        if kind in ("org", "agency") and name and (own := _university_foundation(v, name)):
            # "the Purdue Research Foundation, which manages the university's intellectual property, signed ...": a
            # university's own foundation acts for it (convention 2)
            name, kind = own, "university"
        kinds = kind_group(v, m.text) if kind == "placeholder" and (
            m.placeholder == "group" or m.placeholder == "pair" and grouped) else None
        if kinds is not None:
            # "The two universities and the three companies signed the cooperation agreement": the two and the
            # three the sentences before named
            _join_group(kinds, unis, partners)
            continue
        if kind == "placeholder" and m.placeholder == "group":
            group, loose = v.state.last_group, v.state.loose_group
            n = group_size(m.text)
            fits = group is not None and 0 < v.sentence.index - group[0] <= 3 and n == len(group[1])
            if loose is not None and 0 < v.sentence.index - loose[0] <= 3 and not fits:
                if n == len(loose[1]):
                    group = loose  # ("FAPESP and Natura will contribute ..., while UNICAMP's share ... The agreement
                    # was signed by the three institutions": as many as the number says, organisations of no known
                    # kind too)
                elif n == len(v.state.loose_list):
                    group = (loose[0], v.state.loose_list)  # ("UGA, the CNRS and Schneider Electric inaugurated
                    # PowerLab Grenoble ... an agreement the three partners signed": the three its list names)
            if group is not None and 0 < v.sentence.index - group[0] <= 3:
                _join_group(group[1], unis, partners)
            continue
        if kind == "placeholder" and m.placeholder == "pair":
            if named:
                continue  # "signed ... with Yuhu District, and the two sides co-founded ...": the pair just named
            before = list({v.resolve(x)[0]: x for x in v.mentions if x.end <= m.start and x.kind == "university"
                           and v.resolve(x)[1] == "university"}.items())
            if len(before) == 2 and re.match(r"(?:the two|both(?: the)?) universities", m.text, re.I):
                # "A has received assistance from B since 2001, when the two universities signed ...": the two
                # universities this sentence named
                if before[0][0] not in unis:
                    unis.append(before[0][0])
                if not any(same_entity(before[1][0], q) for _, q in partners):
                    partners.append((before[1][1], before[1][0]))
                continue
            if not v.state.pair_agreed and not any(e.kind in ("sign", "ceremony", "standing") for e in events):
                continue  # a pair named without an agreement is one only where this sentence reports one
            u, p = v.state.last_pair
            if u and u not in unis:
                unis.append(u)
            if p and v.state.last_partner is not None and not any(same_entity(p, q) for _, q in partners):
                partners.append((v.state.last_partner, p))
            continue
        if not name:
            continue
        if m.kind == "government" and any(u.kind == "university" and 0 <= u.start - m.end <= 1 for u in v.mentions):
            continue  # "Shanghai Fudan University": a place saying where a university is, not a party
        if kind == "university":
            if name not in unis:
                unis.append(name)
        elif kind == "platform" and independent_institute(m):
            if not any(same_entity(name, q) for _, q in partners):
                partners.append((m, name))
        elif kind in _PARTNER_KINDS:
            if kind == "org" and (len(name.split()) < 2 and not name.isupper()) and not _lone_company(s, m):
                continue
            if any(x is not m and x.end <= m.start and s[x.end:m.start].strip() == "(" and s[m.end:m.end + 2].strip()
                   .startswith(")") and v.resolve(x)[1] in ("enterprise", "government", "agency", "zone", "ministry")
                   for x in v.mentions):
                continue  # "China Energy Investment Corporation (CHN Energy)": the short form of the body before
            if re.fullmatch(r"(?:the )?(?:university|college|institute) (?:council|senate|court|board|committee|"
                            r"management)", name, re.I):
                continue  # "The University Council approved ...": the university's own body (convention 2)
            acronym = kind == "org" and re.fullmatch(r"[A-Z]{3,6}", name) and name not in (
                v.main_university() or "").split() and re.search(
                r"\b(?:with|between)\s+(?:the\s+)?$", s[:m.start])  # "a collaboration agreement with CSIRO"
            acronym = acronym or kind == "org" and (_brand(name) or name == v.state.ctx.publisher)  # (the page's own)
            if kind == "org" and re.search(r"[a-z][A-Z][a-z]{2,}", name) and not _strong_org(m) and not (
                    v.doc is not None and any(e.label_ == "ORG" and e.start_char <= m.start + 1 and m.end - 1 <= e.end_char
                                              and len(e.text.split()) <= len(name.split()) + 1 for e in v.doc.ents)):
                continue  # words glued by a broken page ("CenterSome"), unless one name the recogniser reads as an ORG
            if kind == "org" and v.doc is not None and not _strong_org(m) and not _lone_company(s, m) and not acronym and not any(
                    e.label_ == "ORG" and e.start_char <= m.start + 1 and m.end - 1 <= e.end_char for e in v.doc.ents) \
                    and not _listed_name(v, m, parties):
                continue  # a capitalised phrase the recogniser does not read as an organisation
            if not any(same_entity(name, q) for _, q in partners):
                partners.append((m, name))
    return unis, partners


# words of address before a person's name ("Shri Anoop Menon, CEO"), in English and the languages pages borrow them from
_HONORIFICS = {"shri", "smt", "sri", "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "hon", "herr", "frau",
               "monsieur", "madame", "señor", "senor", "dona", "dom"}


def _listed_name(v: SentenceView, m: Mention, parties: list[Mention]) -> bool:
    """"Curtin University and Rio Tinto signed ...": a name of proper words (no English word among them) listed right
    after another side, which the recogniser reads as no person and no place, is a side too."""
    from pipelines.extract.nlp import is_word
    s = v.clean
    words = m.text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or all(is_word(w) for w in words) or \
            words[0].lower().rstrip(".") in _HONORIFICS or any(
            e.label_ in ("PERSON", "GPE", "LOC", "NORP") and e.start_char < m.end and m.start < e.end_char for e in v.doc.ents):
        return False
    return any(p is not m and p.kind in ("university", "enterprise", "government", "agency", "ministry", "zone")
               and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", s[p.end:m.start]) for p in parties)


def _no_side(v: SentenceView, end: int) -> bool:
    """The word "university" ending at ``end`` names no side of a signing: a modifier ("Outside the university
    deals, A and B signed ..."), or a subject the sentence denies ("the university is not a party to it")."""
    t = next((t for t in v.doc if t.idx + len(t) == end), None) if v.doc is not None else None
    return t is not None and (t.dep_ == "compound" or t.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "neg" for c in t.head.children))


def fill_sides(v: SentenceView, events: list, parties: list[Mention], s: str, unis: list[str],
               partners: list[tuple[Mention, str]]) -> tuple[list[str], list[tuple[Mention, str]], list[tuple[str, str]]] | None:
    """Sides the sentence leaves unnamed, from the page: the government whose page it is, the page's own university,
    the university "it" was; the pairs of universities of one agreement of several parties (convention 2). None when
    the other side is a kind of body, not a name (no fact)."""
    grouped = any(m.placeholder == "group" for m in parties)
    uni_pairs: list[tuple[str, str]] = []
    # ("a memorandum with A University and B University that will see the three organisations pool data": the
    # sentence counts the parties of its one agreement, as many as it names)
    counted = any(m.placeholder == "group" and group_size(m.text) == len(unis) + len(partners) for m in v.mentions)
    if partners and len(unis) >= 2 and (_MULTI_PARTY.search(s) or _one_agreement_of_all(v, events, parties) or grouped
                                        or counted):
        # one agreement of several parties, universities among them (convention 2): the universities' pairs too
        # ("A, B, C and D signed a four-party agreement"); not where the sentence does not say the parties
        # made one agreement together ("universities signed a contract to join Dongguan": each joins the city);
        # "signed by the three partners": the three named before, one agreement)
        uni_pairs = [(a, b) for i, a in enumerate(unis) for b in unis[i + 1:]]
    counted_by = v.state.counted_signing
    if not partners and unis and counted_by is not None and 0 < v.sentence.index - counted_by[0] <= 2 \
            and counted_by[2] != "university" and counted_by[3] is not None and _agentless_passive(events):
        # "The park's committee signed agreements with four universities on Feb 28. The agreements were signed with
        # A, B, C and D": the signer the sentence before counted its agreements for
        partners = [(counted_by[3], counted_by[1])]
    actor = government_actor(v)
    if not partners and unis and actor and (_agentless_passive(events) or government_body_signs(events)
                                            or we_sign(events) or government_official_signs(events)):
        # "Seven of those agreements were sealed last year, including ones with A, B and C" on a province's page,
        # "Research partnership agreements with A and B were signed on Monday" on a state's: the government
        # signed them (its page tells its own agreements)
        # ("Cabinet has endorsed a memorandum with A": the government's own body approved it)
        partners = [(Mention(0, 0, actor[0], actor[0], "government", level=actor[1]), actor[0])]
        if len(unis) >= 2 and not we_sign(events) and any(e.noun is not None and e.noun.tag_ in ("NN", "NNP")
                                                          for e in events):
            # "that the memorandum of understanding with A and B be approved": one memorandum of the three
            uni_pairs = [(a, b) for i, a in enumerate(unis) for b in unis[i + 1:]]
    own = v.state.ctx.main_actor()
    other = next((m for m in parties if v.resolve(m)[0] == unis[0]), None) if len(unis) == 1 else None
    if not partners and other is not None and own in v.state.ctx.university_counts and unis[0] != own \
            and own_pronoun_signs(events):
        # "In February, it signed a memorandum with Chiang Mai University" on KUST's own page: KUST and Chiang Mai
        unis, partners = [own], [(other, unis[0])]
    if not partners and len(unis) >= 2 and _unnamed_counterpart(s, parties, v):
        # "State Govt signs four MoUs with A, B, C and D", "Universities, led by A and B, signed 12,806 contracts
        # with enterprises": the universities are each one side and the other side is not named; no pair of them
        return None
    if not partners and len(unis) >= 2:
        # the page's own university (its domain's) is the university side; else the first named ("Dalhousie
        # University and Cape Breton University signed an MoU"), as the gold records it
        main = v.state.ctx.university
        u0 = main if main in unis else unis[0]
        partners = [(Mention(0, 0, n, n, "university"), n) for n in unis if n != u0]
        if grouped:
            # "A consortium agreement between the four institutions was signed", four universities: one agreement
            # of the four, every pair of them a row (convention 2)
            uni_pairs = [(a, b) for i, (_, a) in enumerate(partners) for _, b in partners[i + 1:]]
        unis = [u0]
    if not unis and partners and under_agreement(events):
        # "Under a five-year agreement renewed in March 2024, Rio Tinto provides A$8.5 million for research at UQ's
        # Sustainable Minerals Institute": what the main clause tells one side does at the other, the university
        at = [m.university or v.resolve(m)[0] for m in v.mentions if m.university or v.resolve(m)[1] == "university"]
        unis = at[:1]
    if not unis:
        if any(not re.search(r"\b(?:to|at|in|on|near|around|into|inside|across|within)\s+$", s[:u.start()], re.I)
               and not _no_side(v, u.end())
               for u in re.finditer(r"\b(?:the|our|this) (?:university|school)\b", s, re.I)) and v.main_university():
            # (a side of the signing, "The School of X signed", not where or what: "the access roads to the
            # University")
            unis = [v.main_university()]
        elif partners and v.main_university() and (_agentless_passive(events) or _subjectless_row(events)
                                                   or any(e.kind == "listed" for e in events)
                                                   or v.state.ctx.main_actor() == v.main_university()
                                                   and own_pronoun_signs(events) and not company_before(v)):
            # "The three industry pacts were inked with A, with B and with C": the page's university signed them
            unis = [v.main_university()]
        elif partners and all(m.kind != "placeholder" for m, _ in partners) and (
                last := _it_was_the_university_before(v, events)):
            # "X University, founded in 1902, has 36,000 students. On the same afternoon it signed agreements with A
            # and B": "it" is the university the sentence before was about (with partners it names: not "with all 11
            # cities of the province", a tally)
            unis = [last]
    return unis, partners, uni_pairs


def _it_was_the_university_before(v: SentenceView, events) -> str | None:
    """The university the sentence before was about, when "it" signs in this one."""
    last = v.state.last_subject
    if last is None or last[0] != v.sentence.index - 1 or last[1] not in v.state.ctx.university_counts:
        return None
    signs = [e.verb for e in events if e.kind == "sign" and e.verb is not None]
    # (not the "it" of a clause about a body this sentence names: "Mitr Phol is the largest ..., and it also signed")
    return last[1] if any(c.dep_ == "nsubj" and c.lower_ == "it" and not _it_of_the_clause_before(t)
                          for t in signs for c in t.children) else None


def _unnamed_counterpart(s: str, parties: list, v: SentenceView) -> bool:
    """The universities a sentence names are all on one side and the other side is not a name: they follow its
    "with", or the "with" is of a kind of body ("with enterprises")."""
    starts = [m.start for m in parties if v.resolve(m)[1] == "university"]
    if not starts:
        return False
    if re.search(r"\bwith\s[^;]*$", s[:min(starts)]) and not re.search(r"\bbetween\b", s[:min(starts)]):
        return True
    return bool(re.search(r"\bwith (?:(?:local|private|foreign|other|various|\w+-based|[\d,]+) )*(?:enterprises|companies|"
                          r"firms|businesses|industry|industries)\b", s[max(starts):])) or bool(
        # ("with the provincial government bodies", "with agencies of the state government": bodies unnamed)
        re.search(r"\bwith (?:the )?(?:[\w-]+ ){0,3}(?:bodies|agencies|departments|organs|entities)\b", s[max(starts):]))
