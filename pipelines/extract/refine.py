"""Pattern mentions corrected with the sentence's named entities (the NLP parse): persons, committees that
host rather than sign, organisations no pattern found.

Split out of ``names.py``; ``pipelines.extract.names`` re-exports ``refine_mentions``.
"""

from __future__ import annotations

import re

from pipelines.extract.lexicon import (
    DOCUMENT_AFTER, DOCUMENT_INITIALS, EVENT_NOUNS, HEADLINE_VERB, AGENCY_HEADS, LOCATIVE_BEFORE, Mention, ORG_HEADS, PLATFORM_HEADS, PROVINCES,
    LONE_COMPANY_WORD, _TITLE_WORDS, only_titles, only_remit,
    _overlaps,
)
from pipelines.extract.places import _canon_agency, company_name, table_place
from pipelines.extract.chunks import _FIELD_WORD, _head, classify_name
from pipelines.extract.refine_names import refine_names


# ------------------------------------------------------------------ refinement with the NLP pipeline

# hosts and political bodies: never a party to an agreement (spec convention 5)
_NON_PARTY = re.compile(
    r"\b(?:Party Committee|(?:Provincial|Municipal|City|County|District|Prefectural) Committee|Communist Party|CPC|Organi[sz]ing Committee|Standing Committee|People'?s Congress|"
    r"Political Consultative|Party School|Discipline Inspection)\b", re.I)
# an event is where a signing happens, never a side of it ("the second day of the Global Investors Summit (GIS) also
# saw seven MoUs being signed"): a name ending in an event's head noun
_EVENT = re.compile(r"\b(?:Summit|Expo|Exposition|Fair|Conference|Symposium|Festival|Week|Ceremony|Conclave|Roadshow|"
                    r"Exhibition|Seminar|Workshop)(?:\s*\([^)]*\))?$")
_NAMED_HEADS = AGENCY_HEADS | PLATFORM_HEADS | ORG_HEADS | {"university", "ministry", "zone"}


_TIME_EVENTS = EVENT_NOUNS | {"signing", "visit", "launch", "opening", "meeting"}  # (events that date others)


def body_mention(start: int, text: str) -> Mention:
    """A mention of the name ``text`` at ``start``, of the kind the name says (a company keeps its name as written)."""
    kind = classify_name(text)
    return Mention(start, start + len(text), text, company_name(text) if kind == "enterprise" else text, kind)


def _split_coordinated_bodies(v) -> None:
    """A pattern name that the recogniser reads as two organisations joined by "and" ("the School of
    Environment and Bioengineering and Junji Technology Co., Ltd.") is two mentions; a school, college or
    faculty named without its university is a unit of the page's own university. (The split by the names'
    own structure, before the parse, is chunks._split_at_coordination.)"""
    # (the recogniser may read a company as a place: "BHP, Rio Tinto and Woodside Energy" has a GPE and an ORG)
    orgs = [e for e in v.doc.ents if e.label_ in ("ORG", "GPE")]
    # (a name the page defines an abbreviation for is one body: "Kenya Agricultural and Livestock Research
    # Organization (KALRO)")
    defined = {full for full, _ in v.state.ctx.aliases.values()}
    out = []
    for m in v.mentions:
        if m.text in defined:
            out.append(m)
            continue
        inner = [e for e in orgs if m.start <= e.start_char + (4 if e.text.startswith(("The ", "the ")) else 0)
                 and e.end_char <= m.end]
        tail = inner[-1] if inner else None
        joint = re.search(r"\s+(?:and|&)\s+$", v.clean[m.start:tail.start_char]) if tail is not None else None
        if m.kind == "university" and joint and tail.end_char == m.end and tail.start_char > m.start \
                and re.search(r"\b(?:Group|Co\.?|Ltd\.?|Limited|Corporation|Company|Inc\.?)$", tail.text):
            # "AUST's School of Mechanical Engineering and Huaihe Energy Holding Group": a unit of the university
            # and a company the recogniser names after it
            head_end = m.start + joint.start()
            out.append(Mention(m.start, head_end, v.clean[m.start:head_end], m.name, m.kind, university=m.university))
            out.append(body_mention(tail.start_char, tail.text))
            continue
        if m.kind in ("org", "enterprise") and len(inner) == 1 and inner[0].label_ == "ORG" \
                and inner[0].start_char == m.start and inner[0].end_char < m.end:
            rest = re.fullmatch(r"\s+(?:and|&)\s+((?:[A-Z][\w&'.-]*\s+){1,4}[A-Z][\w&'.-]*)", v.clean[inner[0].end_char:m.end])
            if rest and not re.match(rf"{_FIELD_WORD}\b", rest.group(1)):
                # "Teck Resources and E-One Moli Energy": the recogniser's company, then another name of two words or
                # more joined by "and" (not a field of one name: "... Science and Technology")
                out.append(body_mention(m.start, inner[0].text))
                at = inner[0].end_char + rest.start(1)
                out.append(body_mention(at, rest.group(1)))
                continue
        if m.kind not in ("org", "enterprise") or len(inner) < 2 or not all(
                re.fullmatch(r",?\s*(?:and|&)\s+", v.clean[a.end_char:b.start_char]) for a, b in zip(inner, inner[1:])):
            out.append(m)
            continue
        for e in inner:
            start = e.start_char + (4 if e.text.startswith(("The ", "the ")) else 0)
            text = v.clean[start:e.end_char]
            if re.match(r"(?:School|College|Faculty|Department) of\b", text) and v.main_university():
                out.append(Mention(start, e.end_char, text, v.main_university(), "university"))
            else:
                out.append(body_mention(start, text))
    v.mentions[:] = out


_COMPANY_LIST = re.compile(r"\b(?:companies|firms|enterprises|businesses|corporations|employers)\b(?:,?\s+(?:among them|"
                           r"including|such as|namely|like)\s+|:\s+)(?P<list>[^;.]+)")


def _listed_companies(v) -> None:
    """Names listed after "companies, among them" / "firms such as" are companies, whether or not the recogniser
    knows them ("eight mining companies, among them Exxaro Resources, Harmony Gold, Epiroc and Vodacom Business");
    an "and" between two of them parts them."""
    lists = [(m.start("list"), m.end("list")) for m in _COMPANY_LIST.finditer(v.clean)]
    if not lists:
        return
    out = []
    for m in v.mentions:
        if m.kind != "org" or not any(a <= m.start and m.end <= b for a, b in lists):
            out.append(m)
            continue
        parts = re.split(r"\s+(?:and|&)\s+(?=[A-Z])", m.text)
        at = m.start
        for part in parts:
            start = v.clean.find(part, at)
            out.append(Mention(start, start + len(part), part, part, "enterprise"))
            at = start + len(part)
    # (and an item the recogniser did not see at all: "three companies: Haier, Hisense and Tsingtao Brewery")
    for a, b in lists:
        for item in re.finditer(r"[^,]+?(?=,\s*(?:and\s+)?|\s+(?:and|&)\s+|$)", v.clean[a:b]):
            text = item.group().strip()
            text = re.sub(r"^(?:and|&)\s+", "", text)
            if not re.fullmatch(r"[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4}", text):
                break  # (the list ends where its items stop being names)
            start = v.clean.find(text, a + item.start())
            if not any(x.start < start + len(text) and start < x.end for x in out):
                out.append(Mention(start, start + len(text), text, text, "enterprise"))
    v.mentions[:] = sorted(out, key=lambda x: x.start)


# a word with a capital inside that no name prefix explains ("ArcelorMittal", "GlaxoSmithKline", "PetroChina"; not
# "McMaster", "MacLeod", "DeVos", "LeBlanc", "DiMaggio", "VanDyke", "O'Brien")
_CAMEL_BRAND = re.compile(r"\b(?!(?:Mc|Mac|De|Le|La|Di|Da|Van|Von|Du|St)[A-Z])[A-Z][a-z]+[A-Z][a-z]+")


def _drop_coordinated_person(v, persons) -> None:
    """A pattern name that joins a person and a body ("signed by Westbrook University President John Smith and
    Carver Motors CEO Jane Doe" chunks "John Smith and Carver Motors"): the body after "and" is the mention."""
    out = []
    for m in v.mentions:
        cut = m.text.find(" and ")
        if m.kind in ("org", "enterprise", "agency") and cut > 0 and any(
                s <= m.start + cut <= e + 1 and e <= m.start + cut + 1 for s, e in persons):
            start = m.start + cut + len(" and ")
            body = body_mention(start, v.clean[start:m.end])
            if len(body.text.split()) >= 2 or body.kind != "org":
                out.append(body)
            continue
        out.append(m)
    v.mentions[:] = out


_SUBJECT_LIST = re.compile(r"(?:[A-Z][a-z]+(?:, | and ))+[A-Z][a-z]+")


def _join_listed_fields(v) -> None:
    """A name whose "of" lists fields ("the Commission of Science, Technology and Industry for National
    Defense", "Department of Science, Technology and Innovation") is one name where the recogniser reads it as
    one organisation: the pattern split it at the comma into two."""
    out: list[Mention] = []
    for m in v.mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "platform" and re.search(r"\b(?:School|College|Faculty|Department) of "
                                                                      r"[A-Z][a-z]+$", prev.text) \
                and m.kind in ("org", "enterprise") and v.clean[prev.end:m.end].startswith(", ") \
                and _SUBJECT_LIST.fullmatch(m.text) and not any(
                    table_place(w) or w.lower() in PROVINCES or _head(w) in _NAMED_HEADS for w in re.findall(r"[A-Z]\w+", m.text)):
            # "the School of Resources, Environment and Materials": a school's "of" lists its subjects
            text = v.clean[prev.start:m.end]
            out[-1] = Mention(prev.start, m.end, text, text, prev.kind, locative=prev.locative)
            continue
        if prev is not None and prev.kind in ("agency", "org", "ministry", "government") and m.kind == "org" \
                and re.search(r"\b(?:of|for) [A-Z][a-z]+$", prev.text) and v.clean[prev.end:m.start] == ", " \
                and _head(m.text) not in _NAMED_HEADS and any(
                    e.label_ == "ORG" and e.start_char <= prev.start and m.end <= e.end_char for e in v.doc.ents):
            text = v.clean[prev.start:m.end]
            out[-1] = Mention(prev.start, m.end, text, text, prev.kind if prev.kind != "org" else classify_name(text),
                              locative=prev.locative)
            continue
        out.append(m)
    v.mentions[:] = out


def _organ_of_named_body(v, m: Mention) -> bool:
    """ "UT's Executive Board", "the University's Council": the body acting for the party before it (convention 2),
    no party of its own."""
    organ = re.match(r"(?P<owner>[A-Z][\w&-]*(?:'s|\u2019s) )?(?:Executive |Supervisory |Governing )?(?:Board|Council|"
                     r"Senate|Court)\b", m.text)
    return m.kind in ("org", "agency", "committee") and organ is not None and bool(organ.group("owner") or re.search(
        r"\b[A-Z][\w&-]*(?:'s|\u2019s) $", v.clean[max(0, m.start - 40):m.start]))


def refine_mentions(v) -> None:
    """Correct pattern mentions with the sentence's named entities (``v.doc``, a spaCy Doc of ``v.clean``).

    * a capitalised name the recogniser reads as a PERSON and that has no organisation head noun or
      company suffix is a person (never a party);
    * party committees, congresses and organising committees are hosts, never parties;
    * an ORG entity that no pattern found becomes a mention of its own kind (companies, foreign bodies).
    """
    doc = v.doc
    if doc is None:
        return
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    for m in v.mentions:
        name = m.name or m.text
        # (one word alone is too little for the recogniser to tell a person from a brand: "Sany", "Sinopec")
        if m.kind == "org" and len(name.split()) >= 2 and name not in v.state.ctx.described and \
                _head(name) not in _NAMED_HEADS and any(s <= m.start and m.end <= e for s, e in persons):
            # (a word with a capital inside is a brand, a company: "ArcelorMittal Dofasco", not "John McMaster")
            m.kind = "enterprise" if _CAMEL_BRAND.search(name) else "person"
        if m.kind in ("agency", "org", "government") and _NON_PARTY.search(m.text):
            m.kind = "committee"
        if m.kind == "government" and re.match(r"\s+(?:department|ministry|bureau|agency|authority|office)s?\b",
                                               v.clean[m.end:]):
            m.kind = "committee"  # "agreements with Queensland department and ...": an unnamed body of the place, not it
        if m.kind in ("agency", "org", "enterprise") and _EVENT.search(name):
            m.kind = "committee"
        if m.kind in ("org", "enterprise") and re.search(r"\bHead of (?:the )?$|\b(?:[Vv]ice[- ])?(?:President|Provost|"
                                                          r"Director|Dean|Chancellor|Minister|Secretary|Officer|"
                                                          r"Commissioner|Chair|(?:Pro-|Vice-)?Rector) for (?:the )?$",
                                                          v.clean[max(0, m.start - 30):m.start]):
            m.kind = "committee"  # "Sembcorp's Head of Integrated Urban Solutions", "HKUST's Vice-President for
            # Research and Development": a portfolio, no party
        if _organ_of_named_body(v, m):
            m.kind = "committee"
        last = next((t for t in reversed(doc) if t.idx < m.end and t.idx >= m.start), None)
        if last is not None and last.dep_ == "compound" and last.head.lemma_.lower() in _TIME_EVENTS \
                and last.head.dep_ == "pobj" and last.head.head.lower_ in ("as", "after", "before", "since", "following"):
            m.kind = "committee"  # "On the same day as the XJTU signing, A signed ...": an event that dates, no side
        if m.kind == "org" and re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|ch|ic|i)", m.text) and any(
                e.label_ == "NORP" and e.start_char == m.start and e.end_char == m.end for e in doc.ents):
            m.kind = "committee"  # "French aerospace group Safran", "the Korean institute": a nationality, no body
        if m.kind in ("org", "enterprise") and only_remit(m.text):
            m.kind = "committee"  # "Secretary, Industries and Commerce", "the Faculty of Engineering, the Built
            # Environment and Technology": a portfolio or a field, no party
        title = re.search(r"([A-Za-z-]+)\s*\($", v.clean[max(0, m.start - 30):m.start])
        if title and title.group(1).lower() in _TITLE_WORDS | {"provost", "chancellor", "vice-chancellor", "president"}:
            m.kind = "committee"  # "Associate Vice President (Research Advancement)": a portfolio, no party
    _split_coordinated_bodies(v)
    _listed_companies(v)
    for m in v.mentions:
        if m.kind == "zone" and re.search(r"[A-Za-z](?:'s|\u2019s) [A-Z]", m.name or ""):
            m.name = re.sub(r"(?<=[A-Za-z])(?:'s|\u2019s) (?=[A-Z])", " ", m.name)  # "Qingdao's West Coast New Area"
    _drop_coordinated_person(v, persons)
    _country_possessive(v)
    _join_listed_fields(v)
    taken = [(m.start, m.end) for m in v.mentions]
    added = False
    for e in doc.ents:
        if e.label_ != "ORG":
            continue
        start, end, text = e.start_char, e.end_char, e.text
        lead = re.match(r"(?:the|The)\s+", text)
        if lead:
            start += lead.end()
            text = text[lead.end():]
        text = re.sub(r"'s$", "", text)
        cut = HEADLINE_VERB.search(text)
        text = text[:cut.start()] if cut else text  # "Forschungszentrum Jülich Extend": a headline's verb
        end = start + len(text)
        if len(text) < 3 or not text[:1].isupper() or _overlaps((start, end), taken):
            continue
        if only_titles(text) or only_remit(text) or LONE_COMPANY_WORD.fullmatch(text):
            continue  # "the President & CEO": a title the recogniser read as a body names nobody (nor a remit, nor
            # "Group" of "Group Chief Technology Officer")
        if re.search(r"\b(?:Agreement|Accord|Compact|Charter|Memorandum|MoU|Strategy|Plan|Programme|Program)$", text) or \
                DOCUMENT_AFTER.match(v.clean, end) or DOCUMENT_INITIALS.fullmatch(text):
            continue  # "Civic University Agreement": the title of a document, no body (the entity may stop before
            # its last word)
        kind = classify_name(text)
        if kind == "org" and (len(text.split()) < 2 and not text.isupper()):
            continue
        if _NON_PARTY.search(text):
            kind = "committee"
        name = company_name(text) if kind == "enterprise" else text
        v.mentions.append(Mention(start, end, text, name, kind,
                                  locative=bool(LOCATIVE_BEFORE.search(v.clean[max(0, start - 60):start]))))
        taken.append((start, end))
        added = True
    if added:
        v.mentions.sort(key=lambda m: m.start)
        for m in v.mentions:
            if _organ_of_named_body(v, m):
                m.kind = "committee"
    _and_inside_company(v)
    _person_of_body(v)
    _title_of_body(v)
    _agreement_titles(v)
    _common_word_openers(v)
    refine_names(v)


def _country_possessive(v) -> None:
    """ "Germany's Fraunhofer Institute for X", "Korea's KAIST": the country the news names a body by is no part of
    the body's name (a place the recogniser reads as one, followed by 's)."""
    for m in v.mentions:
        if m.kind not in ("platform", "org", "enterprise", "agency") or not m.name:
            continue
        lead = re.match(r"(?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*(?:'s|\u2019s)\s(?=[A-Z])", m.name)
        if lead and any(e.label_ in ("GPE", "NORP") and e.start_char == m.start and
                        e.end_char - e.start_char == len(lead.group().rstrip()) - 2 for e in v.doc.ents):
            m.name = m.name[lead.end():]


def _common_word_openers(v) -> None:
    """"Horizontal research funds reached ...", "Funds received from companies ...", "- Minimum contribution: ...":
    a sentence's first word is capitalised because it opens the sentence; when the recogniser names no entity there
    and the parse reads it as a common word (an adjective, a noun, a word modifying a lower-case noun), it is no
    party (a row's label, "Neste – agreement on ...", keeps its name)."""
    if v.doc is None:
        return
    ents = [(e.start_char, e.end_char) for e in v.doc.ents if e.label_ in ("ORG", "GPE", "PERSON", "NORP", "FAC")]
    opener = re.match(r"[\s\-\u2013\u2022*\d.)]*", v.clean).end()
    for m in v.mentions:
        if m.kind == "org" and m.start == opener and " " not in m.text and not m.text.isupper() \
                and not any(a <= m.start < b for a, b in ents) and not re.match(r"\s*[-\u2013\u2014:|]", v.clean[m.end:]):
            tok = next((t for t in v.doc if t.idx == m.start), None)
            if tok is not None and (tok.pos_ in ("NOUN", "ADJ", "ADV", "VERB") or tok.dep_ in ("amod", "compound") and (
                    tok.head.i > tok.i and tok.head.text.islower())):
                m.kind = "committee"  # (kept as a mention: the words are taken, no party)


def _agreement_titles(v) -> None:
    """"a Knowledge Transfer Partnership (KTP) with Siemens Energy": a name that is the agreement's, followed by its
    "with", names no party; nor does a body the agreement is about ("an agreement on the X Campus")."""
    for m in v.mentions:
        if m.kind in ("org", "agency") and (re.search(r"\b(?:Partnership|Agreement|Memorandum|Accord)$", m.name or "")
                                            and re.match(r"\)?(?:\s*\([A-Z]{2,8}\))?\s+with\s", v.clean[m.end:]) or re.match(
                    r" (?:Partnership|Agreement|Memorandum|Accord)(?:\s*\([A-Z]{2,8}\))? with ", v.clean[m.end:])):
            m.kind = "committee"
        elif m.kind == "org" and _TOPIC_OF_AGREEMENT.search(v.clean[:m.start]):
            m.kind = "committee"  # "sign MoU on Smart City Research", "agreement on Bio-Convergence Campus": its topic


# the object of "on" after an agreement's noun is what the agreement is about, no side of it
_TOPIC_OF_AGREEMENT = re.compile(r"\b(?:MoUs?|MoAs?|MOUs?|MOAs?|memorand(?:um|a)(?: of (?:understanding|agreement))?|"
                                 r"agreements?|deals?|contracts?|pacts?|accords?)\s+(?:on|regarding|concerning|about)"
                                 r"\s+(?:the\s+|a\s+|an\s+)?['\"\u2018\u201c]?$", re.I)


_ONE_WORD_COMPANY = re.compile(r"[A-Z][a-z]+ (?:Company|Corporation|Group|Co\.,? Ltd\.?|Limited|Inc\.?)")
_NAME_BEFORE_AND = re.compile(r"(?<![\w.])(?:[A-Z][\w&.-]*\s+){2,6}and\s+$")


def _and_inside_company(v) -> None:
    """"Sinopec Southwest Oil and Gas Company": a company's name may hold "and" ("Oil and Gas", "Iron and Steel");
    one word before a company's head word is no name alone when capitalised words no mention holds run into it."""
    s = v.clean
    for i, m in enumerate(v.mentions):
        if m.kind != "enterprise" or not _ONE_WORD_COMPANY.fullmatch(m.text):
            continue
        run = _NAME_BEFORE_AND.search(s[max(0, m.start - 80):m.start])
        if run and not any(o.end > m.start - len(run.group()) and o.start < m.start and o.kind != "person"
                           for o in v.mentions if o is not m):
            start = m.start - len(run.group())
            v.mentions[i] = body_mention(start, s[start:m.end])
    v.mentions[:] = [m for m in v.mentions if not (m.kind == "person" and any(
        o.kind == "enterprise" and o.start <= m.start and m.end <= o.end for o in v.mentions))]


def _body_from(s: str, start: int, end: int) -> Mention:
    """The body's mention at [start, end) once an official before it is cut off; a zone or an agency by its canonical
    name ("Jinpu New Area Administrative Committee": the area)."""
    body = body_mention(start, s[start:end])
    if body.kind in ("zone", "agency"):
        body.name = _canon_agency(body.text)
    return body


_TITLE_OF = re.compile(r"(?:(?:[A-Z][\w-]*)\s+){0,2}?(?P<title>[A-Z][\w-]*)\s+of\s+(?:the\s+)?(?=[A-Z])")


# a body's governing board, which acts for it (convention 2): "the Managing Board of X", "the Board of Regents of X"
_BOARD_OF = re.compile(r"(?:the\s+|The\s+)?(?:(?:Managing|Executive|Supervisory|Governing)\s+)?Board"
                       r"(?:\s+of\s+(?:Directors|Trustees|Governors|Regents|Management))?\s+of\s+(?:the\s+)?(?=[A-Z])")


def _title_of_body(v) -> None:
    """"the Marshal of the Małopolska Region", "the Rector of X University": an official's title before the body
    he signs for is no part of its name; the mention is the body. So is a company's or a university's board before
    it ("a member of the Managing Board of Siemens Healthineers")."""
    for i, m in enumerate(v.mentions):
        if m.kind not in ("org", "agency", "government", "zone", "enterprise", "committee"):
            continue
        t = _TITLE_OF.match(m.text)
        # ("the Director-General of Queensland Health": a title of words that are titles)
        if t and (t.group("title").lower() in _TITLE_WORDS or all(
                w in _TITLE_WORDS for w in t.group("title").lower().split("-"))):
            v.mentions[i] = _body_from(v.clean, m.start + t.end(), m.end)
            continue
        b = _BOARD_OF.match(m.text)
        if b:
            body = _body_from(v.clean, m.start + b.end(), m.end)
            known = company_name(body.text) in v.state.ctx.enterprises or any(
                e.startswith(body.text + " ") for e in v.state.ctx.enterprises)
            if body.kind in ("university", "enterprise") or known:
                if known and body.kind == "org":
                    body.kind = "enterprise"
                v.mentions[i] = body


def _person_of_body(v) -> None:
    """"Director Qu Ming of the Jinpu New Area Administrative Committee": a person the recogniser names at the start
    of a body's mention, joined to it by "of", is the body's official; the mention is the body alone."""
    s = v.clean
    persons = [(e.start_char, e.end_char) for e in v.doc.ents if e.label_ == "PERSON"]
    for i, m in enumerate(v.mentions):
        if m.kind not in ("zone", "agency", "org", "government", "enterprise", "ministry"):
            continue
        for ps, pe in persons:
            of = re.match(r"\s+of\s+(?:the\s+)?", s[pe:m.end])
            if ps <= m.start < pe < m.end and of and pe + of.end() < m.end:
                v.mentions[i] = _body_from(s, pe + of.end(), m.end)
                break


def page_companies(views) -> None:
    """A company the page names by one word ("Embraer", "Natura") is that company where another sentence lists it
    among parties and the recogniser missed it there ("signed by USP, Embraer and FAPESP")."""
    names = {m.text for v in views for m in v.mentions
             if m.kind == "enterprise" and re.fullmatch(r"[A-Z][a-z]{3,}|[A-Z][A-Za-z]*[a-z][A-Z][A-Za-z]*", m.text)}
    if not names:
        return
    pattern = re.compile(r"(?<![\w&'-])(?:" + "|".join(map(re.escape, sorted(names))) + r")(?![\w&-])")
    for v in views:
        changed = False
        for hit in pattern.finditer(v.clean):
            listed = re.search(r"(?:,|\band|\bwith|\bby|\bbetween)\s+$", v.clean[:hit.start()]) or re.match(
                r"\s*(?:,|and\b)", v.clean[hit.end():])
            if listed and not any(x.start < hit.end() and hit.start() < x.end for x in v.mentions):
                v.mentions.append(Mention(hit.start(), hit.end(), hit.group(), hit.group(), "enterprise",
                                          locative=bool(LOCATIVE_BEFORE.search(v.clean[max(0, hit.start() - 60):hit.start()]))))
                changed = True
        if changed:
            v.mentions.sort(key=lambda x: x.start)
