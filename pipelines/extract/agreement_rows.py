"""Agreements a page tells outside a signing clause, and what other signings tell of the page's one.

* ``record_row``: a dated row of a page's record of its signings that names the agreement without a verb
  ("- March: strategic cooperation agreement with the People's Government of Fujian Province");
* ``lead_row``: a row of a list under a lead sentence that tells the signing ("deans signed agreements with
  enterprises on behalf of their schools:" / "- School of Mechanical Engineering with X Co., Ltd., on ...;");
* ``colon_row``: a row of such a list written "<sides>: <what>" ("1. The Ministry of Education and the X Provincial
  People's Government: co-construction of A University");
* ``name_year_row``: a line of the page's list of partners that is a name and a year ("Technical University of
  Munich (1981)"), under a lead that says the list gives partners with agreements (``note_partner_list``);
* ``card_row``: a line under a partner card's title ("Equinor Canada" / "A renewed master research agreement (2024)
  runs to 2029"): the page's university's agreement with the body the title names (``note_card`` keeps the title);
* ``note_signing_day``: a dated signing with no university agreement in it ("Sixteen projects were signed on
  September 20") gives the day of the page's signings (``agreement_merge.fill_dates``).

Split out of ``agreements.py``, which calls both when a sentence's clauses give no agreement. Plain Python, no
Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.agreement_pairs import joined_years, own_dates
from pipelines.extract.agreement_types import agreement_type, with_partner
from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import BULLET, EVENT_NOUNS, LIST_ITEM, ROW_MARK
from pipelines.extract.names import partner_type
from pipelines.extract.syntax import AGREEMENT_NOUNS

_ROW_START = re.compile(r"\s*(?:" + BULLET + r"\s+)?(?:[^:]{1,25}:\s+)?(?:an?\s+|the\s+)?")


_BULLET_AGREEMENT = re.compile(r"\s*(?:" + BULLET + r"\s+)?(?:[\w-]+\s+){0,4}?"
                               r"(?=(?:agreements?|MoUs?|MOUs?|memorand\w+|contracts?)\s+with\b)", re.I)


def record_row(v: SentenceView) -> list[dict]:
    """A row of a page's record of its signings that names the agreement without a verb ("- March: strategic
    cooperation agreement with the People's Government of Fujian Province", "2019: MoU with Kaveri Motors"):
    the page's actor concluded it with the party its "with" phrase names, dated by the row."""
    s = v.clean
    # a row opens with its date: "- March: ...", "2019: ...", or "In January, a ... agreement with X;" (a list of
    # the year's signings, each row a date and a comma, the verb left to the list's lead)
    label = re.match(r"\s*(?:" + BULLET + r"\s+)?([^:]{1,25}):\s", s)
    opener = re.match(r"\s*(?:" + BULLET + r"\s+)?((?:In|On)\s+[^,]{3,25}),\s+(?:an?|the)\s", s)
    dated = next((m for m in (label, opener) if m and any(d.start < m.end(1) for d in v.dates if d.value)), None)
    # (or a bullet that opens on the agreement and dates it in brackets: "• Strategic cooperation agreements with
    # A (March) and B (November)", "• Framework agreement with C on batteries (July)")
    bullet = _BULLET_AGREEMENT.match(s) if dated is None and any(d.value for d in v.dates) and re.match(
        r"\s*" + BULLET + r"\s", v.sentence.text) else None
    if dated is None and bullet is None:
        return []  # a bare heading is no record
    start = _ROW_START.match(s) if dated is label else opener or bullet
    noun = next((t for t in v.doc if t.lower_ in AGREEMENT_NOUNS and t.idx < start.end() + 80), None)
    if noun is None or re.search(r"\b(?:plan|planned|proposed|draft|target|to be)\b", s[:noun.idx], re.I):
        return []
    if dated is not opener and s.rstrip().endswith((".", "!", "?")) or any(
            t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and (dated is label or t.i < noun.i or t.head.i == noun.i)
            for t in v.doc):
        return []  # a clause with a verb of its own is read by the signing rules ("under which X was set up" may
        # follow a dated row's agreement)
    with_at = re.search(r"\bwith\b", s[noun.idx:])
    if with_at is None:
        return []
    after = noun.idx + with_at.end()
    # (a bullet dates each party in brackets after its name: its brackets do not end the parties)
    clause_end = re.search(r";| on | for | to " if dated is None else r"[;(]| on | for | to ", s[after:])
    limit = after + clause_end.start() if clause_end else len(s)
    partners = [m for m in v.mentions if after <= m.start < limit and m.party]
    actor = v.main_university() or v.state.ctx.main_actor()
    if not partners or actor is None:
        return []
    date, precision = v.fact_date()
    out = []
    for m in partners:
        name, kind = v.resolve(m)
        if not name or name == actor:
            continue
        uni, partner, ptype = actor, name, partner_type(m)
        if kind == "university" and v.main_university() is None:
            uni, partner, ptype = name, actor, "province" if actor.endswith(" Province") else "city" if \
                actor.endswith(" City") else "other"
        out.append({"date": date, "date_precision": precision, "university": uni, "partner": partner,
                    "partner_type": ptype, "agreement_type": agreement_type(s), "partner_province": m.province})
    if bullet is not None:
        own_dates(v, out, partners)  # ("with A (March) and B (November)": each its own month)
    return out


# a row's agreement that is only planned or meant ("MoU to be signed", "a draft agreement"): no agreement yet
_NOT_YET = re.compile(r"\b(?:plan|planned|proposed|draft|target|to be|will|intends?)\b", re.I)


def dated_cell_row(v: SentenceView) -> list[dict]:
    """A row of a page's list of its recent agreements laid out in cells, "<date> | <partner> | <agreement>"
    ("• March 2025 | Zhenjiang City | strategic cooperation agreement on the Yangtze shoreline"): the page's
    university concluded it with the row's body, dated by the row's first cell."""
    cells = [c.strip() for c in re.sub(r"^\s*" + BULLET + r"\s*", "", v.clean).split(" | ")]
    actor = v.main_university()
    if len(cells) < 3 or actor is None:
        return []
    first_end = v.clean.find(" | ")
    dates = [d for d in v.dates if d.value and d.end <= first_end]
    if not dates or len(re.sub(r"[\W\d]", "", cells[0])) > 12:
        return []  # (the first cell is a date and nothing more: "March 2025", "2024-11")
    second_start = first_end + 3
    second_end = second_start + len(cells[1])
    parties = [m for m in v.mentions if m.party and second_start <= m.start and m.end <= second_end + 1]
    words = cells[2].lower().split()[:6]
    if len(parties) != 1 or not any(w.strip(",.;()") in AGREEMENT_NOUNS for w in words) or _NOT_YET.search(cells[2]):
        return []
    m = parties[0]
    name, _ = v.resolve(m)
    if not name or name == actor:
        return []
    return [{"date": dates[0].value, "date_precision": dates[0].precision, "university": actor, "partner": name,
             "partner_type": partner_type(m), "agreement_type": agreement_type(cells[2]), "partner_province": m.province}]


# a row of a page's list of its partners: the partner's name, a dash, then what binds them ("City of Saskatoon –
# Memorandum of understanding on urban water, 2019 (renewed 2024).", "Acme Ltd. (since 2012) – Research agreement
# renewed in 2022; ...")
_PARTNER_ROW = re.compile(r"\s*(?:" + BULLET + r"\s+|(?P<number>\d{1,2}[.)]\s+))?(?P<party>[^\u2013\u2014:;]{2,120}?)\s*(?:\([^)]*\)\s*)?"
                          r"(?:\s[\u2013\u2014-]|:)\s+(?P<rest>\S.*)")
_RENEWED = re.compile(r"\b(?:renew(?:ed|al)|extended|updated|amended|since|signed|concluded|from)\W*(?:in\s+)?$", re.I)


def partner_row(v: SentenceView) -> list[dict]:
    """A row of the page's own list of its partners ("City of Saskatoon – Memorandum of understanding on urban
    water and climate adaptation, 2019 (renewed 2024).", "Ordos City, Inner Mongolia: cooperation agreement signed
    in May 2024; ..."): the page's university concluded the agreement the row
    names first (within its first words, no plan) with the party the row opens with, once for each year the row
    dates it by (the year it began, and each renewal)."""
    m = _PARTNER_ROW.match(v.clean)
    actor = v.main_university()
    if m is None or actor is None or v.doc is None:
        return []
    s, rest_at = v.clean, m.start("rest")
    # (a park the row opens with is the zone that runs it: "Shanghai Chemical Industry Park – strategic agreement")
    headed = v.state.agreement_heading is not None and v.sentence.index - v.state.agreement_heading == 1 and bool(
        LIST_ITEM.match(v.sentence.text))
    # (a body with a platform's name that heads a row of a list of agreements is a party: "Odisha Space Applications
    # Centre (ORSAC) – training ...")
    party = next((x for x in v.mentions if (x.party or x.kind == "platform" and (
        headed or re.search(r"\b(?:Park|New Area)$", x.name or "")))
                  and x.start <= m.start("party") + 2 and x.end <= m.end("party")), None)
    if m.group("number") and not headed:
        return []  # (a numbered row is one only of a list under a heading of agreements; others are colon rows)
    if party is None or re.search(r"\b(?:Report|Minutes|Agenda|Appendix|Annex|Item|Plan|Strategy|Paper)\W*$", party.text):
        return []  # "CE Report - MoU UCC MTU Docklands, item 12": a document the row names, no partner
    if ":" in s[m.end("party"):rest_at] and party.kind not in ("enterprise", "government", "agency", "zone", "ministry"):
        return []  # "Tags: MoU, ...", "Target for 2024-25: 40 new MoUs": a label, no partner (a colon row names a body)
    words = s[rest_at:].split()[:5]
    # (under a heading that names the list's agreements, "Recent MoUs", a row need not name its agreement again:
    # "1. Tata Steel Ltd – to set up a centre of excellence (12 January 2024)")
    if not (headed or any(w.lower().strip(",.;") in AGREEMENT_NOUNS for w in words)) or \
            _NOT_YET.search(s[rest_at:]):
        return []
    name, _ = v.resolve(party)
    if not name or name == actor:
        return []
    # the years the row dates it by: one standing on its own ("..., 2019", "(since 2012)") or after a signing word
    years = []
    for d in sorted(v.dates, key=lambda d: d.start):
        # (a date's span may hold its preposition: "since 2014", "in 2024"; the words before its figure say what)
        at = s.find(d.value[:4], d.start) if d.value else -1
        at = at if 0 <= at < d.end else d.start
        if d.value and d.start < len(s.split(";")[0]) and (
                d.precision == "year" and (d.start < rest_at or re.search(r"[,(]\s*$", s[:at]))
                # (a month and year standing on their own: "..., March 2022")
                or d.precision == "month" and d.start > rest_at and re.search(r"[,(]\s*$", s[:d.start])
                or _RENEWED.search(s[max(rest_at, at - 20):at])
                # ("renewed in May 2024", "renewed January 2025": the signing word before the month)
                or d.precision in ("month", "day") and _RENEWED.search(s[max(rest_at, d.start - 20):d.start])
                # (or in brackets after the party: "Ashok Leyland Limited (August 2022): renewal of ...")
                or d.start < rest_at and re.search(r"\(\s*$", s[:d.start]) and re.match(r"\s*\)", s[d.end:])
                # (the row's date in brackets at its end: "... (12 January 2024)")
                or d.start > rest_at and re.match(r"\s*\)\W*$", s[d.end:]) and "(" in s[max(rest_at, d.start - 20):d.start]
                # (or one the text joins to a year taken: "renewed 2015 and 2023", "in 2015, 2019 and 2023")
                or any(d.value in joined_years(v, y) for y, _ in years)):
            # (a signing word dates it at the date's own precision: "agreement signed in May 2024")
            years.append((d.value, d.precision))
    if headed:
        v.state.agreement_heading = v.sentence.index  # the list runs on while its rows follow one another
    out = []
    for year, precision in dict.fromkeys(years or [(None, None)]):
        out.append({"date": year, "date_precision": precision, "university": actor, "partner": name,
                    "partner_type": "development_zone" if party.kind == "platform" and not headed else partner_type(party), "agreement_type": agreement_type(s), "partner_province": party.province,
                    "_row_holder": True})
    return out


def recalled_signing(verb) -> bool:
    """An active past perfect ("the Government had signed an MoU with X in August 2022"): history a page recalls,
    not its own day's signing ("31 projects had been signed by the close of the first day" is the day's)."""
    kids = [c for c in verb.children]
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in kids) and not any(c.dep_ == "auxpass" for c in kids)


def note_signing_day(v: SentenceView) -> None:
    """A dated signing with no university agreement in it ("Sixteen projects were signed on September 20 at the
    conference") still tells the day of the page's signings: an undated agreement signed there takes it
    (``fill_dates``)."""
    for t in v.doc:
        if t.pos_ == "VERB" and t.lemma_.lower() in ("sign", "ink") and not any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "may", "could")
                for c in t.children) and not recalled_signing(t):
            date, precision = v.date_of(t)
            if date and precision in ("day", "month") and not v.tally_start(date):
                v.state.sign_dates.append((date, precision))
            return
        # ("The 2024 Alumni Entrepreneurs Forum ... was held at the campus on October 19": the day of the event the
        # page reports, where its undated signings were made)
        if t.pos_ == "VERB" and t.lemma_.lower() == "hold" and t.tag_ == "VBN" and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in EVENT_NOUNS for c in t.children):
            date, precision = v.date_of(t)
            if date and precision == "day" and v.sentence.index <= 6:
                v.state.sign_dates.append((date, precision))
            return


_SIGN_LEMMAS = ("sign", "ink", "conclude", "seal")
_LEAD_ROW = re.compile(r"\s*" + ROW_MARK + r"\s+(?P<a>[^;]{2,140}?)\s+with\s+(?P<b>\S)")
_BARE_LEAD_ROW = re.compile(r"\s*(?P<a>[^;]{2,140}?)\s+with\s+(?P<b>\S)")


def note_signing_lead(v: SentenceView) -> None:
    """A sentence that ends in a colon and tells a signing ("That afternoon, deans signed agreements with Baotou
    enterprises on behalf of their schools:") leads the list of the signings below it."""
    if v.doc is not None and v.clean.rstrip().endswith(":") and any(
            t.pos_ == "VERB" and t.lemma_.lower() in _SIGN_LEMMAS for t in v.doc):
        v.state.signing_lead = (v.sentence.index, *v.fact_date())
    elif v.doc is not None and _SIGNINGS_HEADING.fullmatch(v.clean) and v.state.sign_dates:
        # "Highlights of the signings:" after "X signed 16 agreements on November 6": a heading with no verb of
        # its own leads the list of the signings the page has just told, of their day
        date = v.fact_date()
        v.state.signing_lead = (v.sentence.index, *(date if date[0] else v.state.sign_dates[-1]))


# a short line ending in a colon that names the signings below it ("Highlights of the signings:", "Agreements
# signed:", "The main agreements:")
_SIGNINGS_HEADING = re.compile(r"\s*(?:[\w'-]+\s+){0,5}?(?:signings|agreements|MoUs|MOUs|memoranda|deals|contracts)"
                               r"(?:\s+(?:signed|concluded|inked|reached))?(?:\s+(?:included|were|are))?\s*:\s*", re.I)


def lead_row(v: SentenceView) -> list[dict]:
    """A row of the list a signing lead introduces, "<side> with <party>" and no verb of its own ("- School of
    Metallurgical Engineering with Inner Mongolia Baotou Steel Union Co., Ltd., on hydrogen-based ironmaking;"):
    an agreement of the side (a university, or a school of the page's university) with the party, dated by the
    lead. The list runs on while its rows follow one another."""
    lead = v.state.signing_lead
    m = _LEAD_ROW.match(v.clean)
    if m is None and re.match(r"\s*" + BULLET + r"\s", v.sentence.text):
        m = _BARE_LEAD_ROW.match(v.clean)  # (the clean text has lost the row's bullet)
    if lead is None or m is None or v.sentence.index - lead[0] != 1 or v.doc is None or any(
            t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") for t in v.doc if t.idx < m.start("b")):
        return []
    side = [x for x in v.mentions if m.start("a") <= x.start and x.end <= m.end("a")]
    uni = next((v.resolve(x)[0] for x in side if v.resolve(x)[1] == "university"), None)
    if uni is None and re.match(r"(?:School|College|Faculty|Department|Institute) of\b", m.group("a")):
        uni = v.main_university()  # a school of the page's own university signs for it
    party = next((x for x in v.mentions if x.start >= m.start("b") and x.party), None)
    # (the row is one of the list's whichever side it names first: the list runs on past a row with no university)
    v.state.signing_lead = (v.sentence.index, lead[1], lead[2])
    if uni is None and party is not None and v.resolve(party)[1] == "university":
        # "Gujarat State Biotechnology Mission (GSBTM) with Nirma University for a Biotech Incubation Centre": the
        # university after "with", the body before it its partner
        first = next((x for x in side if x.party and v.resolve(x)[1] != "university"), None)
        uni, party = (v.resolve(party)[0], first) if first is not None else (None, None)
    if uni is None or party is None or re.search(r"[;.]", v.clean[min(m.start("b"), party.start):party.start]):
        return []
    name, _ = v.resolve(party)
    if not name or name == uni:
        return []
    ptype = partner_type(party)
    atype = agreement_type(v.clean)
    return [{"date": lead[1], "date_precision": lead[2], "university": uni, "partner": name, "partner_type": ptype,
             "agreement_type": with_partner(atype, ptype), "partner_province": party.province}]


_COLON_ROW = re.compile(r"\s*(?:" + ROW_MARK + r"\s+)?(?P<a>[^:;]{2,160}?):\s+"
                        r"(?P<b>\S)")
# ... or "<sides>, <what agreement>;" ("1. Jinan Municipal People's Government and Tianjin University, agreement on
# co-building the X Institute;"): the sides end at the last comma before a lower-case description of an agreement
_COMMA_ROW = re.compile(r"\s*(?:" + ROW_MARK + r"\s+)?(?P<a>[^:;]{2,160}?),\s+"
                        r"(?P<b>(?=[a-z])[^;:]{0,60}?\b(?:agreements?|memorand(?:um|a)|MoUs?|MOUs?|contracts?)\b)")
_COCONSTRUCTION = re.compile(r"(?:the\s+)?(?:joint\s+)?co-?construct(?:ion|ing)\s+(?:of\s+)?", re.I)


def colon_row(v: SentenceView) -> list[dict]:
    """A row of the list a signing lead introduces, "<sides>: <what>" or "<sides>, <what agreement>" ("1. The Ministry of Education and the X
    Provincial People's Government: co-construction of A University and B University;", "- C University and D
    Group: joint laboratory agreement"): the sides' agreement, dated by the lead. A row that co-constructs
    universities gives one co_construction row per (university, government side) (convention 1)."""
    lead = v.state.signing_lead
    m = _COLON_ROW.match(v.clean) or _COMMA_ROW.match(v.clean)
    if lead is None or m is None or v.sentence.index - lead[0] != 1 or v.doc is None:
        return []
    sides = [(x, *v.resolve(x)) for x in v.mentions if x.party and x.end <= m.end("a")]
    objects = [(x, *v.resolve(x)) for x in v.mentions if x.party and x.start >= m.start("b")]
    if len(sides) < 2 or any(t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") for t in v.doc if t.idx < m.end("a")):
        return []  # (a row names two sides at least, with no verb of its own)
    others = [(x, name) for x, name, kind in sides if kind != "university" and name]
    coconstructed = _COCONSTRUCTION.match(v.clean, m.start("b"))
    if coconstructed:
        unis = [name for x, name, kind in objects if kind == "university" and x.start >= coconstructed.end()]
        atype = "co_construction"
    else:
        unis = [name for x, name, kind in sides if kind == "university" and name]
        atype = agreement_type(v.clean[m.start("b"):]) if unis else "other"
    if not unis or not others:
        return []
    v.state.signing_lead = (v.sentence.index, lead[1], lead[2])
    out = []
    for u in unis:
        for x, name in others:
            ptype = partner_type(x)
            out.append({"date": lead[1], "date_precision": lead[2], "university": u, "partner": name,
                        "partner_type": ptype, "partner_province": x.province, "agreement_type": with_partner(atype, ptype)})
    return out


_PARTNER_LIST_LEAD = re.compile(r"\bpartners?\b[^.]{0,160}\b(?:listed below|below|as follows|the following)\b|"
                                r"\b(?:the following|below are (?:our|the|its))\b[^.]{0,40}\bpartners?\b", re.I)
_NAME_YEAR_ROW = re.compile(r"\s*(?:" + BULLET + r"\s+)?(?P<party>[^():]{3,120}?)\s*\((?:since |signed (?:in )?|from )?"
                            r"(?P<year>(?:19|20)\d\d)\)\s*(?:[.;]?\s*|(?P<what>:\s+\S.*))$")


# a heading that names a list of agreements and nothing more: "Recent MoUs", "MoUs signed in 2023-24", "Agreements
# concluded this year"
_AGREEMENT_HEADING = re.compile(r"\s*(?:[\w&-]+\s+){0,3}?(?:MoUs|MOUs|MoAs|agreements|memoranda(?: of understanding)?)"
                                r"(?:\s+(?:signed|concluded|in force|renewed)(?:\s+(?:in|during|this|since)\s*[\w-]*(?:\s[\w-]+)?)?)?"
                                r"\s*:?\s*", re.I)


def note_agreement_heading(v: SentenceView) -> None:
    """A heading line that names a list of agreements ("Recent MoUs"): its rows below are the page's agreements."""
    if len(v.clean) <= 60 and _AGREEMENT_HEADING.fullmatch(v.clean) and not _NOT_YET.search(v.clean):
        v.state.agreement_heading = v.sentence.index


def note_partner_list(v: SentenceView) -> None:
    """A sentence that introduces the page's list of partners with their agreements ("Selected partners with
    agreements in force are listed below by country, with the year the first agreement was signed")."""
    if _PARTNER_LIST_LEAD.search(v.clean) and any(w.lower().strip(",.;") in AGREEMENT_NOUNS for w in v.clean.split()):
        v.state.partner_list = True


def name_year_row(v: SentenceView) -> list[dict]:
    """A line of such a list that is one body's name and a year ("Technical University of Munich (1981)",
    "- Carver University (since 2004)"): the page's university's agreement with it, of that year."""
    m = _NAME_YEAR_ROW.fullmatch(v.clean)
    actor = v.main_university()
    lead = v.state.signing_lead
    # (or a row of a list of signings: "KTPs signed in the last two years include:" / "- Orbis Ltd (2024): ...")
    under_lead = m is not None and m.group("what") is not None and lead is not None and v.sentence.index - lead[0] == 1
    if not (v.state.partner_list or under_lead) or m is None or actor is None:
        return []
    party = [x for x in v.mentions if x.party and x.start <= m.start("party") + 4 and x.end >= m.end("party") - 1]
    if len(party) != 1:
        return []
    name, _ = v.resolve(party[0])
    if not name or name == actor:
        return []
    if under_lead:
        v.state.signing_lead = (v.sentence.index, lead[1], lead[2])
    return [{"date": m.group("year"), "date_precision": "year", "university": actor, "partner": name,
             "partner_type": partner_type(party[0]), "agreement_type": "other", "partner_province": party[0].province,
             "_row_holder": True}]


def note_card(v: SentenceView) -> None:
    """A line that is one body's name alone ("Equinor Canada", "City of St. John's"): a partner card's title, whose
    lines below tell what binds the page's university to it (``card_row``)."""
    s = v.clean.strip()
    # (a card's title line may carry the body's categories in cells after it: "Volvo Group | Industry | Transport")
    cats = re.search(r"(?:\s+\|\s+[A-Za-z][\w ,&-]{0,30}){1,3}$", s)
    title = s[:cats.start()] if cats else s
    parties = [m for m in v.mentions if m.party and m.end <= len(title)]
    if len(s) > 70 or s.endswith((".", "!", "?", ":")) or len(parties) != 1:
        return
    m = parties[0]
    if s[:m.start].strip(" -*\u2022") or title[m.end:].strip():
        return  # (the whole line, nothing else)
    name, kind = v.resolve(m)
    if kind == "org" and (s.upper() == s or re.search(r"\b(?:19|20)\d\d\b", title)):
        return  # a section's heading in capitals ("MONEY", "TARGETS FOR 2025") or of a period ("Highlights of
        # 2023-24") names no body
    last = next((t for t in reversed(v.doc) if t.idx < m.end and not t.is_punct), None) \
        if kind == "org" and v.doc is not None else None
    if last is not None and last.tag_ == "NNS" and not any(
            e.label_ in ("ORG", "GPE", "FAC") and e.start_char <= m.start + 1 and m.end - 1 <= e.end_char for e in v.doc.ents):
        return  # a heading of a plural common noun the recogniser reads as no body ("Forward-Looking Statements")
    if name and kind in ("enterprise", "government", "agency", "zone", "ministry", "org"):
        v.state.card = (v.sentence.block, v.sentence.index, m, name)


def card_row(v: SentenceView) -> list[dict]:
    """A line of a partner card that names an agreement and no other party ("Memorandum of understanding on urban
    sustainability, signed in 2021."): the page's university concluded it with the card's body, dated by the
    line."""
    card, actor, s = v.state.card, v.main_university(), v.clean
    if card is None or card[0] != v.sentence.block or not 0 < v.sentence.index - card[1] <= 3 or actor in (None, card[3]):
        return []
    if not any(w in AGREEMENT_NOUNS for w in re.findall(r"[a-z]+", s.lower())) or \
            re.search(r"\b(?:plan|planned|proposed|draft|target|to be|will|intends?|hopes?|negotiat\w*|under discussion|"
                      r"pending|talks|discuss\w*|under consideration|explor\w*|being (?:prepared|drafted|finali[sz]ed)|"
                      r"in preparation)\b", s, re.I):
        return []  # (an agreement not yet made: "a formal agreement is under negotiation", "Talks on a new framework
        # agreement are continuing", "a partnership agreement is being prepared")
    if any(m.party and not m.locative and not s[m.end:m.end + 2] in ("'s", "\u2019s") and v.resolve(m)[1] != "university"
           and v.resolve(m)[0] != card[3] for m in v.mentions):
        return []  # (a line naming another body is read by the other rules)
    if re.search(r"\bwith\s+(?:[a-z]+\s+){0,2}(?:enterprises|companies|firms|governments|universities|institutions|"
                 r"partners|industry|government|business|academia|provinces|cities|counties|regions|localities)\b", s):
        return []  # "Technology contracts signed with enterprises": a kind of partner, a line of figures' label
    date, precision = next(((d.value, d.precision) for d in v.dates if d.value), (None, None))
    m = card[2]
    return [{"date": date, "date_precision": precision, "university": actor, "partner": card[3],
             "partner_type": partner_type(m), "agreement_type": agreement_type(s), "partner_province": m.province}]
