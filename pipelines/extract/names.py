"""Organisation mentions in a sentence and their canonical names.

``find_mentions(clean_sentence, ctx)`` returns the organisations a sentence
names, each with a canonical name and a kind:

* ``university``: universities and national research academies (reference
  table, abbreviations defined in the page, "X University"/"University of X"
  shapes); sub-units ("School of Social Sciences of Tsinghua University",
  "XTU's Tourism Management School") count as their university;
* ``government``: "<Place> <Level>" ("Xiangtan City"), from "the People's
  Government of X City, Y Province", "X Municipal People's Government",
  "the X municipal government", "the city of X", "X City Council", "X
  district" and bare place names the page itself gives a level to
  ("Taiyuan Municipal Committee" makes "Taiyuan" a city) or province names;
* ``agency``/``ministry``/``zone``: bodies that keep their own names;
* ``enterprise``: names with a company suffix, or known to the page as such
  (later short forms resolve to the first full name);
* ``platform``: names whose head is a platform noun (institute, base, ...);
* ``person``, ``quoted`` and ``org`` (anything else capitalised);
* ``placeholder``: "the university", "the province", "the two sides", ...

Each mention also says whether it is *locative* ("in Baoshan", "China's
Yunnan province"): a place where something happens is not a party.

The work is split by concern: ``lexicon`` (word lists, ``Mention``), ``places`` (tables, place and
government names), ``chunks`` (capitalised chunks, ``classify_name``), ``doc_context`` (``DocContext``,
``build_context``), ``refine`` (``refine_mentions``), ``university_mentions`` (which universities a sentence
names) and ``identity`` (``same_entity``); this module finds the mentions and re-exports the public names of
the others, so ``from pipelines.extract.names import X`` keeps working.
"""

from __future__ import annotations

import re
from dataclasses import replace

# what the split-out modules define, re-exported: callers import these names from here
from pipelines.extract.lexicon import (
    ACADEMY, AGENCY_HEADS, ENTERPRISE_SUFFIX, HEADLINE_VERB, LEVELS, LEVEL_TYPE, LOCATIVE_BEFORE, MUNICIPALITIES,
    Mention, ORG_HEADS, PLATFORM_HEADS, PROVINCES, SUBUNIT_HEADS, ZONE_HEADS, _TITLE_WORDS, only_titles,
    DOCUMENT_AFTER, DOCUMENT_INITIALS, LONE_COMPANY_WORD, TECH_ACRONYMS, _overlaps,
)
from pipelines.extract.places import (
    division_index, gov_name, is_pinyin, place_name, province_of, reference_index, company_name,
    table_place, _LEVEL_GOVERNMENT, _canon_agency, _gov_mentions, _place_government, council_place,
)
from pipelines.extract.chunks import (
    KNOWN_ENTERPRISES, classify_name, _chunks, _head, _is_person, _split_at_coordination,
    _split_at_universities, small_brand, without_country,
)
from pipelines.extract.acronyms import _acronym_university, initials  # noqa: F401 (initials: re-exported)
from pipelines.extract.doc_context import DocContext, build_context
from pipelines.extract.refine import body_mention, refine_mentions
from pipelines.extract.identity import same_entity  # noqa: F401 (re-exported: callers import it from here)
from pipelines.extract.university_mentions import NATION_PAIR, _universities_in, _university_spans


# ------------------------------------------------------------------ placeholders

# a level's government named by its level alone ("the Municipal Government"): the placeholder for the page's place
# a state's department in lower case (Indian news): "the state water resources department", "the state Public Works
# Department", "the state department of industries, commerce and public enterprises"
_STATE_DEPARTMENT = re.compile(r"\bthe (?P<level>state|provincial) (?:(?P<before>(?:[A-Za-z]+ ){1,4})[Dd]epartment\b|[Dd]epartment of "
                               r"(?P<of>[a-z]+(?:(?:,| and|, and)? (?!and\b)(?!(?:said|says|told|stated|noted|added|announced|"
                               r"attended|was|were|is|are|has|have|had|will|would|at|in|on|for|to|under|with)\b)[a-z]+){0,6})"
                               r"(?=,? and [A-Z]|,? [A-Z]|[,;)]|"
                               r" - |\.?$| (?:at|in|on|for|to|under)\b))")


def _title_words(words: str) -> str:
    """Title case but for "and" and "of": "industries, commerce and public enterprises" -> "Industries, Commerce
    and Public Enterprises"."""
    return " ".join(w if w in ("and", "of") else w[:1].upper() + w[1:] for w in words.strip().split(" "))


_GENERIC_GOVERNMENT = re.compile(r"(?:Municipal|Provincial|City|County|District) (?:People's )?Government|"
                                 r"(?:City|County|Borough|District) Council|"  # ("the City Council": the page's city's)
                                 r"(?:State |Provincial )?Cabinet")

# "the Weihai campus", "its Shenzhen campus" (not "the Suzhou campus of X University": that names its university)
_PLACE_CAMPUS = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Oo]ur) (?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) [Cc]ampus\b(?! of\b)")
_PLACEHOLDERS = [
    (re.compile(r"\b(?:the|our|this) (?:university|school)\b(?! of\b)", re.I), "university"),
    # "The Institute entered into an MoU", "the college has signed": the page's own institution, when it is one
    # ("the institute and L&T signed": in lower case too, where the page's university is an institute)
    (re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]his) (?:[Ii]nstitute|[Cc]ollege)\b(?! of\b)"), "self"),
    (re.compile(r"\b(?:the two|both(?: the)?) (?:sides|parties|organi[sz]ations|institutions|partners|universities|companies)\b",
                re.I), "pair"),
    # "a five-year agreement the two signed in May": "the two" alone, as the subject of a signing, is the pair
    (re.compile(r"\b[Tt]he two(?= (?:(?:have|had|has|will|jointly|also|first|later|then|formally|officially) )*"
                r"(?:signed|inked|concluded|sealed|renewed)\b)"), "pair"),
    # "The three parties had signed a business agreement in April": the three the sentence before named
    (re.compile(r"\b(?:the|all) (?:three|four|five|six) (?:sides|parties|organi[sz]ations|institutions|partners|"
                r"companies|firms)\b",
                re.I), "group"),
    # (not "the city-owned utility": a compound says whose, no party)
    # ("our county and X University have carried out close cooperation": a government's page narrating)
    (re.compile(r"\b(?:the|our) (?:province|city|county|district|prefecture)\b(?! of\b)(?!'s)(?!-)", re.I), "place"),
    # "The university and the oil company signed an agreement": the one company the page has named before
    (re.compile(r"\b[Tt]he (?:[a-z][a-z-]+ ){0,2}(?:company|firm|corporation|(?:auto|car|chip|drug)maker)\b(?! of\b)(?! partners?\b)(?!'s)(?!\u2019s)"), "company"),
    # "the state will invest": the US, Indian or Australian state the page is about
    (re.compile(r"\b[Tt]he state\b(?! of\b)(?!'s)(?! (?:council|university|college)\b)"), "state"),
    (re.compile(r"\bthe (?:city|province|county|district)'s (?:authorities|government)\b", re.I), "place"),
    # "the provincial government", "the municipal government", "the county government"
    (re.compile(r"\bthe provincial (?:people's )?government\b", re.I), "province"),
    # ("the regional government committed CLP 3.8bn" on a page naming "the Regional Government of Antofagasta")
    (re.compile(r"\bthe regional (?:people's )?government\b", re.I), "region"),
    (re.compile(r"\bthe (?:municipal|city) (?:people's )?government\b", re.I), "city"),
    # "the provincial finance will arrange 150 million yuan": the government's purse
    (re.compile(r"\b(?:the )?provincial (?:finance|treasury|fiscal funds?)\b", re.I), "province"),
    (re.compile(r"\b(?:the )?(?:municipal|city) (?:finance|treasury|fiscal funds?)\b", re.I), "city"),
    (re.compile(r"\bthe (?:county|district) (?:people's )?government\b", re.I), "levelgov"),
    # "the zone's administrative committee", "the park's management committee", "the zone": the development zone
    # the page names (a zone's committee signs for its zone)
    (re.compile(r"\bthe (?:zone|park|new area)(?:'s (?:administrative|management|administration) committee)?\b"
                r"(?!'s)(?!-)", re.I), "zone"),
    # "the area signed agreements with ...": the page's new area, when the zone it names is one ("Changchun New Area")
    (re.compile(r"\b[Tt]he area\b(?!'s)(?!-)"), "area"),
    # ("the high-tech zone", "the economic development zone", in lower case: what kind of zone, the page's zone still)
    (re.compile(r"\b[Tt]he (?:(?:high-tech|hi-tech|high and new tech(?:nology)?|economic|technological|technology|"
                r"industrial|development|science|free trade|bonded|pilot|and) )+(?:zone|park|new area)"
                r"(?:'s (?:administrative|management|administration) committee)?\b(?!'s)(?!-)"), "zone"),
    # "the Ministry has supported 34 projects": the ministry the page names; "the Government" on a government's
    # own site: that government (``DocContext.publisher``)
    (re.compile(r"\b[Tt]he Ministry\b(?! of\b)(?!'s\s+[A-Z])"), "ministry"),
    (re.compile(r"\b[Tt]he Government\b(?! of\b)"), "publisher"),
    (re.compile(r"\b(?:[Tt]he )?(?:State |Provincial )?Cabinet\b"), "publisher"),  # ("the State Cabinet approved")
]



_ADJECTIVE_OF_PLACE = re.compile(r" (?!government\b|state\b|administration\b|cabinet\b|premier\b|parliament\b)"
                                 r"[a-z][a-z-]+")
_GOVERNMENT_OF_REGION = re.compile(r"\b(?:people's )?government of (?:the )?(?:[a-z]+ )?china'?s\s+$", re.I)



# a body told by its country after a conjunction, a preposition of partnership or a comma, no place word before
_TOLD_BY_COUNTRY = re.compile(r"(?:^|[,;(]|\b(?:with|and|by|between|as|for)\b)\s*(?:the\s+)?China['’]?s\s+$", re.I)

def find_mentions(s: str, ctx: DocContext) -> list[Mention]:
    """Organisation mentions in a cleaned sentence, in text order, non-overlapping."""
    # ("US$13.4 million", "S$18 million": a currency's country letters name no party)
    return [m for m in _find_mentions(s, ctx) if not s.startswith("$", m.end)]


def _find_mentions(s: str, ctx: DocContext) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(m: Mention) -> None:
        cut = HEADLINE_VERB.search(m.text) if m.kind in ("org", "enterprise", "agency") else None
        if cut and cut.start() > 0:
            # a title-case headline read as one name: "RWTH and Forschungszentrum Jülich Extend JARA" stops
            # before its verb
            m = body_mention(m.start, m.text[:cut.start()])
        if m.end - m.start < 2 or not re.search(r"[A-Za-z]", m.text) or _overlaps((m.start, m.end), taken):
            return  # (nor is one letter a name, "S" of "S$30 million", nor are figures: "1999-2001")
        if m.kind == "org" and re.match(r"(?:University|Institute|College|School|Centre|Center)'s\b", m.text):
            return  # "the University's company": the page's university, a placeholder below (and "the University's
            # Factory of the Future" its own unit, no party)
        if re.fullmatch(r"(?:[A-Z][A-Za-z]{0,2}\.?\$?|[A-Z]{1,2}\$)\s?\d[\d,.]*", m.text):
            return  # an amount's currency and number ("R35" of "R35 million", "RM50") names nobody
        if only_titles(m.text):
            return  # a title alone ("Deputy", "Vice President", "President & CEO") names nobody
        if m.kind == "government" and s[m.end:m.end + 1] == "-" and re.search(
                r"(?i:province|city|county|district|prefecture)$", m.text) and m.text.split()[0][:1].isupper() \
                and not m.text.split()[-1][:1].isupper():
            return  # "Deepening province-university cooperation": a level word opening a compound, no place
        if m.kind in ("org", "enterprise") and LONE_COMPANY_WORD.fullmatch(m.text):
            return  # "Mr X, Group Chief Technology Officer of Y": a word of a title or of a name, no company alone
        if m.kind == "org" and re.fullmatch(r"[A-Z][a-z]{3,}ly", m.text) and s[m.end:m.end + 1] == "," \
                and not s[:m.start].strip() and table_place(m.text) is None:
            return  # "Separately, Awat county ...", "Similarly, ...": an adverb opening the sentence, no name
        if m.kind == "org" and DOCUMENT_INITIALS.fullmatch(m.text):
            return  # "Under the MOU, ...": the document's initials, no body
        if m.kind == "org" and m.text in TECH_ACRONYMS:
            return  # "semiconductor and AI human resources": a field's initials name nobody
        led = re.fullmatch(r"(?:[Tt]he )?([A-Z][a-z]+)(?: (?:Labor|Labour|Liberal|Coalition|Conservative|National))? "
                           r"Government", m.text) if m.kind in ("agency", "org", "government") else None
        if led and led.group(1) in ctx.leaders:
            # "the Cook Government" beside "Premier Roger Cook": the government he heads, the page's publisher
            m = Mention(m.start, m.end, m.text, ctx.publisher, "placeholder", placeholder="publisher")
        if m.kind != "placeholder" and m.text.lower() in ("institute", "college", "university", "centre", "center",
                                                          "ministry", "new area"):
            return  # a head word alone is a reference back ("The Institute", "the Ministry's"), see the placeholders
        if m.kind in ("university", "org") and DOCUMENT_AFTER.match(s, m.end):
            return  # "sign Civic University Agreement": the title of a document, no university
        mentions.append(m)
        taken.append((m.start, m.end))

    # 1. quoted titles are opaque (platform names, agreement titles)
    for m in re.finditer(r'"([^"]{3,200})"', s):
        inner = m.group(1)
        kind = "platform" if _head(inner) in PLATFORM_HEADS or re.search(
            r"\b(?:institute|center|centre|base|park|alliance|platform|laboratory|workstation|college)\b", inner, re.I) else "quoted"
        unis = _universities_in(inner, ctx)
        add(Mention(m.start(), m.end(), m.group(), inner.strip(), kind, university=unis[0] if unis else None))

    # 1a. "the State Government" ("State funding") is the state the page names (before the chunks read it as an agency's name)
    # (not "the State Council", "the State Key Laboratory": a capitalised word after it makes another name)
    # (a headline's "ECU and State Government lock in ..." too, where no place's name stands before it)
    for m in re.finditer(r"\b[Tt]he State [Gg]overnment\b(?! of\b)|\b[Tt]he State\b(?! of\b)(?!'s)(?!\s+[A-Z0-9])|"
                         r"\bState(?= (?:funding|grants?|support)\b)|(?:^|(?<=\band )|(?<=, ))State Government\b(?! of\b)", s):
        add(Mention(m.start(), m.end(), m.group(), None, "placeholder", placeholder="state"))
    # 1a'. "the Weihai campus concluded an agreement with the Weihai municipal government": a campus named by its
    # place is the university's own (the page's), not the place (before the chunks read the place as a government)
    for m in _PLACE_CAMPUS.finditer(s):
        if table_place(m.group("place")) or m.group("place").lower() in ctx.places:
            add(Mention(m.start(), m.end(), m.group(), None, "placeholder", placeholder="university"))

    for m in _STATE_DEPARTMENT.finditer(s):
        # "the state water resources department", "the state department of industries, commerce and public
        # enterprises": a department of the state the page is about, by its name ("Assam Water Resources
        # Department"), not the state itself (the state is known once the page is read: ``SentenceView.resolve``)
        # ("the provincial department of science and technology": "Shaanxi Provincial Department of Science and
        # Technology", the department of the province the page is about)
        words = _title_words(m.group("before") or m.group("of"))
        if not _overlaps(m.span(), taken):
            department = f"{words} Department" if m.group("level") == "state" else (
                f"Provincial {words} Department" if m.group("before") else f"Provincial Department of {words}")
            add(Mention(m.start(), m.end(), m.group(), None, "placeholder", placeholder="state_department",
                        extra={"department": department, "level": m.group("level")}))
    # 1b. full names the page abbreviates ("State Administration of Science, Technology and ... (SASTIND)")
    idx = reference_index()
    # the universities the table finds in the sentence (read once: the alias guard below and step 2 use them)
    uni_hits = idx.find_all(s, abbreviations=True, page_url=ctx.url) if idx is not None else []
    # (an alias is no mention inside a longer university's name: "HKUST(GZ)", "Hong Kong University of Science and
    # Technology (Guangzhou)" are another university than the "HKUST" the page spells out)
    longer = [(us, ue) for us, ue, _ in uni_hits]
    for alias, (full, _) in ctx.aliases.items():
        listed = idx.by_name(full) if idx is not None else None  # ("... of China (hereinafter USTC)": a university)
        # ("Leibniz University Hannover (LUH)": a university named with its city, the initials confirm the whole)
        kind = "university" if listed or re.fullmatch(
            r"(?:[A-Z][\w'-]*\s+){1,4}University(?:\s+[A-Z][\w'-]*){1,2}", full) and initials(full) == alias.upper() \
            else classify_name(full)
        name = listed.name if listed else company_name(full) if kind == "enterprise" else full
        gov = None if listed else _whole_government(full)
        for m in re.finditer(re.escape(full), s):
            if any(us <= m.start() and m.end() < ue for us, ue in longer):
                continue
            add(Mention(m.start(), m.end(), full, gov.name, "government", level=gov.level, province=gov.province)
                if gov else Mention(m.start(), m.end(), full, name, kind))
        for m in re.finditer(rf"\b{re.escape(alias)}\b", s):
            if any(us <= m.start() and m.end() < ue for us, ue in longer):
                continue
            add(Mention(m.start(), m.end(), alias, gov.name, "government", level=gov.level, province=gov.province)
                if gov else Mention(m.start(), m.end(), alias, name,
                                    "enterprise" if kind == "org" and ENTERPRISE_SUFFIX.search(full) else kind))

    # 2. capitalised chunks containing a university: a university, a sub-unit or a platform of it
    uni_spans = _university_spans(s, ctx, uni_hits)
    chunk_spans = [small_brand(s, *without_country(s, a, b)) for a, b in
                   _split_at_coordination(s, _split_at_universities(s, _chunks(s), uni_spans))]
    chunk_spans = [(a, b) for a, b in chunk_spans if s[a:b].strip()]
    for cs, ce in chunk_spans:
        inner = [u for u in uni_spans if u[0] >= cs and u[1] <= ce]
        if not inner or _overlaps((cs, ce), taken):
            continue
        text = s[cs:ce]
        if len(inner) == 1 and inner[0][0] == cs and inner[0][1] == ce:
            continue
        # split chunk at ", " between two universities (lists)
        if len(inner) > 1:
            continue
        us, ue, uname = inner[0]
        head = _head(text)
        rest_after = s[ue:ce]
        rest_before = s[cs:us]
        if head in PLATFORM_HEADS - {"school", "academy", "college"} and head not in ("university",):
            # "Internet Research Institute of Tsinghua University", "XTU Big Data Center"
            add(Mention(cs, ce, text, text, "platform", university=uname))
        elif re.match(r"^(?:'s\s+)?$", rest_after) and re.search(r"\bof\s+(?:the\s+)?$", rest_before) and \
                _head(rest_before + "x") in SUBUNIT_HEADS | AGENCY_HEADS | {"x"}:
            add(Mention(cs, ce, text, uname, "university"))
        elif head in ("college", "academy") and re.match(r"\s*[-\u2013]\s*[A-Z]", rest_after):
            # "the Shenzhen Polytechnic University-Inovance Industrial Robotics College": a joint body the university
            # runs with the name after the dash, no unit of the university's own
            add(Mention(cs, ce, text, text, "platform", university=uname))
        elif head in SUBUNIT_HEADS:
            add(Mention(cs, ce, text, uname, "university"))
    for us, ue, uname in uni_spans:
        # "XTU's Tourism Management School": a possessive university followed by a unit name
        m = re.match(r"'s ((?:[A-Z][\w-]*\s+){0,4}(?:School|College|Department|Faculty|Institute|Office|Campus))\b", s[ue:])
        if m:
            add(Mention(us, ue + m.end(), s[us:ue + m.end()], uname, "university"))
        else:
            add(Mention(us, ue, s[us:ue], uname, "university"))

    # 3. governments by pattern (longest first)
    govs = sorted(_gov_mentions(s), key=lambda m: (-(m.end - m.start), m.start))
    # agencies embedding a government pattern ("Xiangtan Municipal Science and Technology Bureau") win
    for cs, ce in chunk_spans:
        text = s[cs:ce]
        if any(g.start <= cs and ce <= g.end for g in govs):
            continue  # the whole chunk is a government's name ("the City of Cape Town")
        if text in ("Ministry", "Government") or _GENERIC_GOVERNMENT.fullmatch(text):
            continue  # "the Ministry", "the Government", "the Municipal Government": placeholders (step 5)
        if _BOARD_OF.search(text) or re.search(r"\sBoard$", text) and re.match(r"\s+Members?\b", s[ce:]):
            continue  # "the BMW AG Board of Management", "BMW Board Member": the body's own (step 4)
        kind = classify_name(text)
        if kind == "org" and _head(text) in AGENCY_HEADS:
            kind = "org"
        elif kind == "platform" and _head(text) not in ("school", "academy"):
            # "Gansu Provincial Key Laboratory of ...", "Wuxi Joint Center for ...": the place is part of the name
            add(Mention(cs, ce, text, _canon_agency(text), kind))
            continue
        elif kind not in ("agency", "zone", "ministry"):
            continue
        if re.search(r"people(?:'s|s'|'|s)? government", text, re.I) and re.search(
                r"\b(?:Zone|Area|Park)\b", _canon_agency(text)) and "Government" not in _canon_agency(text):
            add(Mention(cs, ce, text, _canon_agency(text), "zone"))  # "the Binhai New Area People's Government"
            continue
        if not re.search(r"people(?:'s|s'|'|s)? government", text, re.I) \
                and not _LEVEL_GOVERNMENT.fullmatch(text) \
                and not re.search(r"\b(?:city|county|municipal|borough|district) council$", text, re.I) \
                and _place_government(text, ctx, cs, ce) is None:
            # extend over a trailing lowercase "municipal ..."? no: keep the chunk
            add(Mention(cs, ce, text, _canon_agency(text), kind))
    for g in govs:
        add(g)

    # 4. remaining chunks
    for cs, ce in chunk_spans:
        if _overlaps((cs, ce), taken):
            # the chunk may extend a taken mention; skip
            continue
        text = s[cs:ce]
        if text in ("Ministry", "Government") or _GENERIC_GOVERNMENT.fullmatch(text):
            continue  # "the Ministry", "the Government", "the Municipal Government": placeholders below
        own = re.match(r"(?:University|Institute|College) and (?=[A-Z])", text)
        if own and re.search(r"\b[Tt]he $", s[max(0, cs - 4):cs]):
            # "the University and Huon Aquaculture signed": the page's own university (a placeholder below)
            # and a second body, no one name
            cs, text = cs + own.end(), text[own.end():]
        pieces = re.split(r",? and |, ", text)
        if len(pieces) > 1 and (classify_name(text) == "org" or own_first_word(pieces[0], ctx)) and (
                all(classify_name(p) == "enterprise" or own_first_word(p, ctx) for p in pieces)
                or all(place_name(p).lower() in ctx.places or table_place(p) for p in pieces)):
            # "Sinopec and PetroChina": a list of companies, not one name
            pos = cs
            for p in pieces:
                ps = s.index(p, pos)
                add(_classify_chunk(s, ps, ps + len(p), p, ctx))
                pos = ps + len(p)
            continue
        add(_classify_chunk(s, cs, ce, text, ctx))

    # 5. the national government by its common name; placeholders
    for m in re.finditer(r"\b(?:the |The )?(?:(?:Chinese|China's|Chinese) )?[Cc]entral [Gg]overnment\b", s):
        if not _overlaps(m.span(), taken):
            add(Mention(m.start(), m.end(), m.group(), "Central Government", "government"))
    # "the agency" on the agency's own page (``DocContext.publisher``): the publisher
    if ctx.publisher:
        for m in re.finditer(r"\b[Tt]he (agency|corporation|foundation|council|authority|fund|commission)\b", s):
            if not _overlaps(m.span(), taken) and _head(ctx.publisher) == m.group(1):
                add(Mention(m.start(), m.end(), m.group(), ctx.publisher, classify_name(ctx.publisher)))
    # "The council and the University of Sunderland first signed ...": the council the page named, as "the Council"
    for m in re.finditer(r"\b[Tt]he council\b(?! of\b)(?!'s)(?!-)", s):
        level, name = council_place(ctx)
        if name and not _overlaps(m.span(), taken):
            add(Mention(m.start(), m.end(), m.group(), name, "government", level=level))
    for pat, kind in _PLACEHOLDERS:
        for m in pat.finditer(s):
            if _overlaps(m.span(), taken):
                continue
            ph = kind
            if kind == "levelgov":
                ph = re.search(r"county|district", m.group(), re.I).group().lower()
            elif kind == "place":
                lvl = re.search(r"province|city|county|district|prefecture", m.group(), re.I).group().lower()
                ph = lvl
            add(Mention(m.start(), m.end(), m.group(), ctx.publisher if ph == "publisher" else None, "placeholder",
                        placeholder=ph))

    mentions.sort(key=lambda m: m.start)
    for i, m in enumerate(mentions):
        if m.kind == "platform" and m.name and re.search(r"\b(?:Park|Zone|New Area|Development Area)$", m.name) and \
                re.search(r"\b(?:administrative|management|administration) committee of (?:the )?$", s[:m.start], re.I):
            # "The administrative committee of Songshan Lake Science and Technology Industrial Park signed ...": the
            # park's committee signs for the park, a zone
            mentions[i] = replace(m, kind="zone")
    # ("The agreement with Aarhus University, which replaces the agreement the two signed in 2021": "the two" alone is
    # the page's pair only where the sentence names no body of its own before it; "The two signed an agreement ...,
    # and Trina has pledged ...": a body named after it is in a clause of its own)
    mentions = [m for m in mentions if m.text.lower() != "the two" or not any(
        x.kind in ("university", "government", "enterprise", "agency", "ministry", "zone") and x.start < m.start
        for x in mentions)]
    named_after = {m.start: m for m in mentions if m.kind in ("org", "enterprise")}
    for m in [m for m in mentions if m.placeholder == "company"]:
        after = named_after.get(m.end + 1) if s[m.end:m.end + 1] == " " else None
        # (not an official of it: "the company's Chief Executive Mary Barra", "the firm President Li")
        if after is not None and after.text.split()[0].lower() not in _TITLE_WORDS and not re.match(
                r"['’]s\b", s[after.end:]):
            # "the energy company Raízen": the descriptor says what the name after it is, no second party (the name
            # keeps the kind the recogniser gives it: made a company by the descriptor, it lowered two measured sets)
            mentions.remove(m)
    unis_at = {m.start for m in mentions if m.kind == "university"}
    mentions = [m for m in mentions if not (m.kind == "government" and m.end + 1 in unis_at
                                            and s[m.end:m.end + 1] == " " and m.level in ("City", "Province"))]
    # "..., with Norway's Consul General and Dalian Vice Mayor Cao Lei in attendance": witnesses, no parties
    attending = [w.span() for w in re.finditer(r"\bwith\b[^.;()]{0,160}?\b(?:in attendance|looking on)\b", s)]
    # "The MoU was exchanged in the presence of the Vice-Chancellor and the Managing Director of X": witnesses to the
    # end of the clause (not "In the presence of the Chief Minister, the Government of X signed ...", which opens it)
    attending += [(w.start(), w.end() + len(re.match(r"[^;]*", s[w.end():]).group()))
                  for w in re.finditer(r"(?<=\S )in the (?:presence|witness) of\b", s)]
    for m in mentions:
        if m.kind in ("government", "org", "university", "enterprise", "agency", "zone", "platform") and (
                LOCATIVE_BEFORE.search(s[max(0, m.start - 60):m.start]) and not (
                    # "the government of northwest China's Qinghai Province": the province's government, no place;
                    # "Southwest China's Guizhou province signed ..." opening the sentence: the province itself, told
                    # by its country (not "Pingding county ..., North China's Shanxi province,": where it lies)
                    m.kind == "government" and (_GOVERNMENT_OF_REGION.search(s[max(0, m.start - 60):m.start])
                                                or re.fullmatch(r"\s*(?:[A-Za-z]+\s+)?China'?s\s+", s[:m.start], re.I))
                    # "an MoU with China's Tsinghua University": a body told by its country, no place
                    or m.kind in ("university", "enterprise") and _TOLD_BY_COUNTRY.search(s[max(0, m.start - 40):m.start]))
                or _LABEL_PARENTHESIS.search(s[max(0, m.start - 80):m.start])
                or _PART_OF.search(s[max(0, m.start - 40):m.start])
                or m.kind == "government" and _SEAT_OF.search(s[max(0, m.start - 30):m.start])
                or m.kind == "government" and _UNITS_OF.search(s[max(0, m.start - 40):m.start])
                or m.kind in ("government", "org", "enterprise") and _GOVERNMENT_UNITS.match(s, m.end) and not (
                    m.kind == "government" and _GOVERNMENT_UNITS.match(s, m.end).group().strip() in _FIRMS)
                or _EVENT_OF.search(s[max(0, m.start - 40):m.start])
                or m.kind == "government" and _COUNTED_OF.search(s[max(0, m.start - 60):m.start])
                or _SOURCE_OF.search(s[max(0, m.start - 30):m.start])
                or _owned_title_before(s[max(0, m.start - 80):m.start])
                or any(a <= m.start < b for a, b in attending)
                or m.kind == "government" and _ADJECTIVE_OF_PLACE.match(s, m.end) and m.name
                and m.text not in m.name and re.fullmatch(r"(?:[A-Z][a-z]+ )?[A-Z][a-z]+(?:an|ese|ish)", m.text)):
            # ("58 South Australian manufacturers": a state's adjective before a common noun says where they are)
            m.locative = True
        if m.name and (m.kind == "zone" or m.kind == "platform" and re.search(r"\b(?:Park|New Area)$", m.name)):
            # (a park the page names is the zone "the park's administrative committee" speaks for)
            ctx.zone_counts[m.name] = ctx.zone_counts.get(m.name, 0) + 1
        if m.kind == "ministry" and m.name:
            ctx.ministry_counts[m.name] = ctx.ministry_counts.get(m.name, 0) + 1
        if m.kind == "government" and m.name:
            ctx.place_counts[m.name] = ctx.place_counts.get(m.name, 0) + 1
            if m.province is None and m.level not in (None, "Province"):
                # the text does not say where the city lies: the table does, when the name is unambiguous
                m.province = province_of(m.name)
    for m in mentions:
        if m.placeholder == "state_department" and any(a <= m.start < b for a, b in attending):
            m.locative = True  # "with ... officials of the provincial department of education in attendance"
    for prev, m in zip(mentions, mentions[1:]):
        if prev.locative and prev.kind == m.kind == "government" and re.fullmatch(r",?\s*(?:and|or)?\s*",
                                                                                 s[prev.end:m.start]):
            m.locative = True  # "local governments in Chongqing and Sichuan": the place the first conjunct locates
        if m.kind == "government" and prev.kind in ("org", "enterprise", "agency", "platform", "zone") \
                and s[prev.end:m.start] == ", " and not _LEVEL_WORD.search(m.text) \
                and not re.match(r"\s*(?:,\s*)?(?:and|or)\b|\s*,\s*[A-Z]", s[m.end:]):
            m.locative = True  # "with Tata Medical Center, Kolkata for ...": where the body is, no party
        if m.kind == "government" and prev.kind == "university" and re.fullmatch(r"\s*\(\s*", s[prev.end:m.start]) \
                and s[m.end:m.end + 1] == ")":
            m.locative = True  # "Harbin Institute of Technology (Shenzhen)": the university's campus, no party
    return mentions





_TECH_SHORT = re.compile(r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) Tech")
_TECH_FULL = ("{} Institute of Technology", "{} Technological University", "{} University of Technology",
              "{} Tech University", "{} Technical University")


def _tech_short_name(text: str) -> str | None:
    """"Georgia Tech", "Texas Tech": the one university the table lists as "<Place> Institute of Technology",
    "<Place> Tech University", ... (the press's short form of such names); None when no or several rows fit."""
    m = _TECH_SHORT.fullmatch(re.sub(r"'s$", "", text))
    idx = reference_index() if m else None
    if idx is None:
        return None
    found = {u.name for pattern in _TECH_FULL for u in [idx.by_name(pattern.format(m.group("place")))] if u}
    return found.pop() if len(found) == 1 else None


def own_first_word(text: str, ctx: DocContext) -> bool:
    """``text`` is the first word of the page's own university's name, which the page calls it by ("the
    Politecnico" on Politecnico di Torino's page), not a generic head word."""
    words = (ctx.university or "").split()
    return len(words) > 1 and text == words[0] and text not in ("University", "Institute", "College", "National", "The")


def _whole_government(full: str) -> Mention | None:
    """The government a name the page abbreviates is, when the whole name is one ("the Pune Municipal Corporation
    (PMC)" is Pune City, whatever its word "Corporation" says)."""
    found = [m for m in _gov_mentions(full) if m.start <= 4 and m.end >= len(full.rstrip())]
    return found[0] if found else None


def _short_enterprise(text: str, ctx: DocContext) -> str | None:
    """The company the page named earlier that ``text`` (two words or more) is a short form of ("Hualian Century
    Bioengineering", "Ford España" of "Ford España, S.L.")."""
    toks = set(w.lower().strip(",.") for w in text.split())
    for ent in ctx.enterprises:
        etoks = set(w.lower().strip(",") for w in ent.split())
        if len(toks) >= 2 and toks <= etoks | {"co", "ltd", "corporation", "company", "group"}:
            return ent
    return None


def _classify_chunk(s: str, cs: int, ce: int, text: str, ctx: DocContext) -> Mention:
    if re.search(r"[A-Za-z]['’]s$", text) and len(text) > 4:
        # "FAPESP's scientific director", "Suzano's vice-president": the body without its possessive ending
        text, ce = text[:-2], ce - 2
    # doc-defined aliases ("Zhongyi Testing Corporation") and abbreviations
    if text in ctx.aliases:
        full, _ = ctx.aliases[text]
        gov = _whole_government(full)
        if gov is not None:
            return Mention(cs, ce, text, gov.name, "government", level=gov.level, province=gov.province)
        kind = classify_name(full)
        name = company_name(full) if kind == "enterprise" else full
        return Mention(cs, ce, text, name, kind if kind != "org" else "enterprise" if ENTERPRISE_SUFFIX.search(full) else kind)
    kind = ctx.described.get(text)
    if kind is not None and classify_name(text) == "org":
        # a name of no kind by its words that the page describes ("Alberta Innovates, the province's research and
        # innovation agency"): that kind
        return Mention(cs, ce, text, company_name(text) if kind == "enterprise" else text, kind)
    if ctx.university and (_GOVERNING_BODY.fullmatch(text) or own_first_word(text, ctx)) and re.search(
            r"\b[Tt]he\s+$", s[max(0, cs - 5):cs]):
        # "The Syndicate has approved an MoU with X" on a university's page: its governing body acts for it
        # (convention 2); "the Politecnico" on Politecnico di Torino's page: its own university by its name's
        # first word
        return Mention(cs, ce, text, ctx.university, "university")
    organ = _BOARD_OF.search(text)
    if organ and organ.start() > 0:
        # "the member of the BMW AG Board of Management", "Fraunhofer Executive Board member": a body's board acts
        # for it (convention 2), the body its name opens with
        return _classify_chunk(s, cs, cs + organ.start(), text[:organ.start()], ctx)
    board = re.search(r"\s+Board$", text)
    if board and re.match(r"\s+Members?\b", s[ce:]):
        # "BMW Board Member for Development Dr. X": a company's board member signs for the company (a board of
        # another kind, "the Education Board", keeps its name)
        owner = _classify_chunk(s, cs, cs + board.start(), text[:board.start()], ctx)
        named = [e for e in ctx.enterprises if e.split()[0] == owner.text]
        if owner.kind == "enterprise" or len(named) == 1:
            return owner if owner.kind == "enterprise" else Mention(owner.start, owner.end, owner.text, named[0],
                                                                      "enterprise")
    pg = _place_government(text, ctx, cs, ce)
    if pg is not None:
        return pg
    acro = _acronym_university(text, ctx)
    if acro is not None:
        return Mention(cs, ce, text, acro, "university")
    tech = _tech_short_name(text)
    if tech is not None:
        return Mention(cs, ce, text, tech, "university")
    kind = classify_name(text)
    if kind in ("org", "platform") and NATION_PAIR.match(text) and _head(text) in PLATFORM_HEADS | {"campus"}:
        return Mention(cs, ce, text, text, "platform")  # "the Sino-Italian Campus": a joint body of two countries'
    before = re.sub(r"(?:,? and|,|&)\s+$", "", s[max(0, cs - 40):cs])
    if kind == "org" and before != s[max(0, cs - 40):cs] and ENTERPRISE_SUFFIX.search(before) and (
            len(text.split()) >= 2 or re.search(r"(?:and|&)\s+$", s[max(0, cs - 6):cs])):
        # "Weichai Group and Linglong Tyre", "Hyundai Motor India Ltd, Ashok Leyland and ...": the body listed after
        # a company is one too ("Siemens Ltd., China" is one company: a single word after a comma is its place)
        kind = "enterprise"
    if kind == "org" and _is_person(s, cs, ce, text):
        # (unless it opens the name of a company the page named with its legal form: "Ford España" after "Ford
        # España, S.L.")
        known = next((e for e in ctx.enterprises if ENTERPRISE_SUFFIX.search(e) and len(text.split()) >= 2
                      and e.startswith(text) and not e[len(text):len(text) + 1].isalnum()), None)
        return Mention(cs, ce, text, known, "enterprise") if known else Mention(cs, ce, text, text, "person")
    if kind == "enterprise":
        name = company_name(text)
        if name not in ctx.enterprises:
            ctx.enterprises.append(name)
        return Mention(cs, ce, text, name, "enterprise")
    if kind == "org":
        words = text.split()
        low = place_name(text).lower()
        # a short form of an enterprise named earlier ("Hualian Century Bioengineering")
        known = _short_enterprise(text, ctx)
        if known:
            return Mention(cs, ce, text, known, "enterprise")
        # its first word alone ("Daehan" of "Daehan Shipbuilding", in "the Daehan-Hanbit Research Center"), when
        # that word starts no other enterprise the page names and is no place
        firsts = [ent for ent in ctx.enterprises if ent.split()[0].lower() == low]
        if len(words) == 1 and len(low) >= 4 and len(firsts) == 1 and low not in ctx.places and not table_place(text):
            return Mention(cs, ce, text, firsts[0], "enterprise")
        # a bare place name the page gives a level ("Taiyuan", "Sichuan", "Dongguan")
        if len(words) <= 3 and low in ctx.places:
            level = ctx.places[low]
            return Mention(cs, ce, text, f"{place_name(text)} {level}", "government", level=level)
        # a bare place name from the table of divisions: "signed an agreement with Weihai"
        # (a possessive "Weihai's economy" is a place, not a party; persons were ruled out above)
        place = table_place(text) if len(words) <= 3 else None
        if place is not None:
            return Mention(cs, ce, text, place.canonical, "government", level=place.level, province=place.province)
        if text.endswith("'s") and place_name(text[:-2]).lower() in ctx.places:
            base = text[:-2]
            level = ctx.places[place_name(base).lower()]
            return Mention(cs, ce, text, f"{place_name(base)} {level}", "government", level=level)
    return Mention(cs, ce, text, text, kind)


# a parenthesis that describes the body before it ("Seiko Epson Corporation (Headquarters: Suwa City, Nagano
# Prefecture)", "(based in Leeds)"): the places in it are where the body is, not parties
_LABEL_PARENTHESIS = re.compile(r"\((?:[A-Z][\w.]*(?: [\w.]+){0,2}:\s|(?:headquartered|based|located) in\s)[^()]*$")


# a company's or a society's board by its name ("BMW AG Board of Management"; a university's board is read by
# ``_GOVERNING_BODY`` and the university patterns)
_BOARD_OF = re.compile(r"\s+(?:Board of (?:Management|Directors)|(?:Executive|Supervisory|Management) Board)$")


_GOVERNING_BODY = re.compile(r"Syndicate|Senate|Board of (?:Governors|Regents|Trustees|Management)|Executive Council|"
                             r"Academic Council|Governing (?:Body|Council|Board)")




# a word of a government's level or office: a place written with one is a party, a bare place after a body locates it
_LEVEL_WORD = re.compile(r"\b(?:City|Province|County|District|Prefecture|Council|Government|Municipal\w*|State|"
                         r"Borough|Region|Corporation)\b")
# the body an event belongs to is no party of what is signed at it ("at a cooperation forum of the X Economic Circle")
_EVENT_OF = re.compile(r"\b(?:forum|conference|summit|expo|fair|symposium|congress|festival)\s+(?:of|for)\s+(?:the\s+)?$",
                       re.I)
# an apposition that says what a body belongs to ("UAH, a part of The University of Alabama System, signed ..."):
# the whole it belongs to is no party of the body's signing
# a place that says where the bodies counted before it lie ("All 13 prefecture-level cities of Jiangsu have signed
# agreements with YZU", "most counties of Hebei"): the place is no party, its cities are
_COUNTED_OF = re.compile(r"\b(?:\d[\d,]*|all|most|many|several|each|every|[a-z]+teen|twenty|thirty|[a-z]+ty-[a-z]+|"
                         r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+the\s+)?"
                         r"(?:[\w-]+\s+){0,2}(?:cities|counties|districts|prefectures|towns|townships|municipalities)"
                         r"\s+(?:of|in|across)\s+(?:the\s+)?$", re.I)
# who a page's figures were told to or come from ("..., a staff member told the Global Times", "according to the
# provincial department of education"): a source, no party
_SOURCE_OF = re.compile(r"\b(?:told|according to|said to|quoted by|reported by|cited by)\s+(?:the\s+)?$", re.I)
# "Gree Electric Appliances, Inc. of Zhuhai": a place after a company's legal form is its seat, no party
_SEAT_OF = re.compile(r"\b(?:Co|Corp|Ltd|Inc|LLC|PLC|Limited|Corporation|Company|GmbH|AG)\.?,?\s+of\s+$")
_PART_OF = re.compile(r",\s+(?:an? |the )?(?:part|member|campus|unit|constituent \w+|subsidiary|division|branch) of "
                      r"(?:the )?$", re.I)
# bodies of a government, unnamed ("signed three MoUs with agencies of the Maharashtra government", "with state and
# central government bodies"): the government is no side of their agreements
# "Aramco's Senior Vice President of Technical Services": after a title its body owns, the unit the official heads
_OWNED_TITLE_OF = re.compile(r"\w['\u2019]s (?P<title>(?:[A-Z][\w-]* ){1,4})of (?:the )?$")


def _owned_title_before(before: str) -> bool:
    """``before`` ends with a title its body owns and "of" ("Aramco's Senior Vice President of "): what follows is the
    unit the official heads, no party."""
    m = _OWNED_TITLE_OF.search(before)
    return bool(m) and only_titles(re.sub(r"^(?:Senior|Assistant|Associate) ", "", m.group("title")))


_UNITS_OF = re.compile(r"\b(?:agencies|departments|bodies|organs|units|entities|undertakings)\s+of\s+(?:the\s+)?$", re.I)
# (a name as the modifier of a plural noun of bodies: "many Fortune Global 500 companies", "central government
# bodies": what kind of bodies, no party)
_FIRMS = {"companies", "firms", "enterprises"}  # ("95 Saskatchewan companies": the place's own, a count's holder)
_GOVERNMENT_UNITS = re.compile(r"\s+(?:bodies|agencies|departments|organs|entities|undertakings|companies|firms|"
                               r"enterprises)\b")


def partner_type(m: Mention) -> str:
    if m.kind == "placeholder" and m.placeholder in ("province", "city", "county", "district", "prefecture"):
        return m.placeholder  # "the province" resolved to the page's province is still a province
    if m.kind == "placeholder" and m.placeholder == "state":
        return "province"  # "the State Government": a state, typed as the spec types states (convention 6)
    if m.kind == "placeholder" and m.placeholder == "publisher" and m.name:
        from pipelines.extract.places import table_place

        place = table_place(m.name)  # "the Government" on a state's own site: the state (convention 6)
        if place is not None and place.level == "State":
            return "province"
    if m.kind == "government":
        return LEVEL_TYPE.get(m.level or "", "other")
    if m.kind == "ministry" or m.kind == "placeholder" and m.placeholder == "ministry":
        return "ministry"  # ("the Ministry" resolved to the ministry the page names)
    if m.kind == "agency" or m.kind == "placeholder" and m.placeholder == "state_department":
        return "government_agency"
    if m.kind == "zone" or m.kind == "placeholder" and m.placeholder in ("zone", "area"):
        return "development_zone"
    if m.kind == "enterprise" or m.kind == "placeholder" and m.placeholder == "company":
        return "enterprise"
    if m.kind == "university":
        if m.name and ACADEMY.search(m.name):
            return "research_institute"
        return "university"
    name = (m.name or "").lower()
    if m.kind == "org" and re.fullmatch(r"(?:[\w'-]+ ){1,3}region", name):
        return "province"  # a region's government ("the Małopolska Region": convention 6 types regions as provinces)
    if m.kind == "platform" and re.search(r"\b(?:institute|laborator(?:y|ies)|academy|research)\b", name):
        return "research_institute"  # an institute of its own signing as a party (agreement_parties.independent_institute)
    if re.search(r"\b(?:research institute|academy)\b", name):
        return "research_institute"
    return "other"
