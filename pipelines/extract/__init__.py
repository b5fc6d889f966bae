"""Fact extraction: page text -> agreements, funding, platforms and counts (``shared/spec/facts.md``).

Plain Python, no Dagster. See ``docs/extraction.md``.

    from pipelines.extract import extract_document
    extract_document(text, document_id="x", url=..., published=..., title=..., university=...) -> dict
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract import agreements as _agreements
from pipelines.extract.agreement_refs import note_platform_pair
from pipelines.extract import counts as _counts
from pipelines.extract.count_model import extra_counts
from pipelines.extract import funding as _funding
from pipelines.extract import platform_merge as _platform_merge
from pipelines.extract import platforms as _platforms
from pipelines.extract.platform_founding import PLATFORM_PLURALS
from pipelines.extract import tables as _tables
from pipelines.extract import signing_tables as _signing_tables
from pipelines.extract.company_names import fullest_company_names, named_outside_platforms
from pipelines.extract.context import DocState, SentenceView
from pipelines.extract.lexicon import ENTERPRISE_SUFFIX, LIST_ITEM
from pipelines.extract.dates import DateContext, DateMention, find_dates, heading_date, publication_date, report_year, section_year
from pipelines.extract.money import dollar_currency, find_money
from pipelines.extract.names import build_context, find_mentions, reference_index, refine_mentions, same_entity
from pipelines.extract.refine import page_companies
from pipelines.reference.divisions import AUTONOMOUS_REGIONS
from pipelines.extract.nlp import parse
from pipelines.parse.dates import day_first_for_url
from pipelines.extract.text import clean, split_sentences

__all__ = ["extract_document", "extract_documents", "warm_up", "ExtractionError", "FIELDS"]

FIELDS = {
    "agreements": ("date", "date_precision", "university", "partner", "partner_type", "partner_province",
                   "agreement_type"),
    "funding": ("amount", "currency", "amount_usd_stated", "qualifier", "per", "period_years", "kind", "funder",
                "recipient", "date"),
    "platforms": ("name", "platform_type", "university", "partner", "date"),
    "counts": ("quantity", "qualifier", "unit", "subject"),
}
PROVENANCE = ("evidence", "evidence_start", "evidence_end", "document_id", "url")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


# a page's trail of sections: "Home > Research > Co-built Platforms" (two arrows at least)
_BREADCRUMB = re.compile(r"\S\s+[>»]\s+\S[^>»]*\s[>»]\s+\S")

def warm_up() -> None:
    """Load the NLP model and the reference tables now (once per process), so that work forked from this
    process (the per-page time budget, pipelines.limits) inherits them instead of loading them per page."""
    from pipelines.extract.names import division_index
    from pipelines.extract.nlp import get_nlp

    get_nlp()
    reference_index()
    division_index()
    parse(["Warm-up."])


class ExtractionError(ValueError):
    """The input to the extractor is unusable; the message names the document."""


def university_from_url(url: str | None) -> str | None:
    if not url:
        return None
    idx = reference_index()
    if idx is None:
        return None
    try:
        u = idx.by_domain(url)
    except Exception:
        return None
    return u.name if u else None


def university_from_title(title: str | None) -> str | None:
    """The site's own university where a page's title carries the site name as its first or last part ("School-local
    Cooperation-Kunming University of Science and Technology", "Kunming University of Science and Technology | News"):
    a part that is a university the reference table lists, whole."""
    if not title:
        return None
    idx = reference_index()
    parts = [p.strip() for p in re.split(r"\s[|\u2013\u2014-]\s|\s*\|\s*|(?<=[a-z])-(?=[A-Z])|_", title) if p.strip()]
    if idx is None or len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        u = idx.by_name(part)
        if u is not None:
            return u.name
    return None


def _prepare(text: str, *, document_id: str, url: str | None = None, published: str | None = None,
             title: str | None = None, university: str | None = None) -> "_Prepared":
    """Validate one page's input and read it into sentences with their mentions (no NLP yet)."""
    if not isinstance(document_id, str) or not document_id:
        raise ExtractionError(f"document_id must be a non-empty string, got {document_id!r}")
    if not isinstance(text, str):
        raise ExtractionError(f"document {document_id}: text must be a string, got {type(text).__name__}")
    if published is not None and not _DATE_RE.match(str(published)):
        raise ExtractionError(f"document {document_id}: published must be YYYY[-MM[-DD]], got {published!r}")
    pub = publication_date(text, url, published)
    uni = university or university_from_url(url) or university_from_title(title)
    sentences = split_sentences(text)
    # (the page's title too: "... | Maritime and Port Authority of Singapore (MPA)" defines what the page says "MPA" for)
    ctx = build_context("\n".join([s.clean for s in sentences] + ([clean(title)] if title else [])), uni, url)
    state = DocState(ctx=ctx, published=pub, dollar=dollar_currency(url))

    # pass 1: headings, mentions (this also counts universities and places for "the university")
    heading = None
    headings = 0
    views: list[SentenceView] = []
    dctx = DateContext(published=pub, day_first=day_first_for_url(url), report_year=report_year(text, title))
    for s in sentences:
        h = heading_date(s.clean)
        if h:
            heading = h
            headings += 1
            continue
        reviewed = section_year(s.clean, pub)
        if reviewed is not None:
            heading = reviewed or None  # "I. Review of our work in 2024" dates its section; "II. Tasks for 2025" ends it
        views.append(SentenceView(s, s.clean, find_mentions(s.clean, ctx), [], heading, state))
    state.timeline = headings >= 3
    # a page whose own sentences (not quotes) say "we"/"our" is the publisher narrating its work
    state.first_person = sum(1 for v in views if re.search(r"\b(?:We|we|Our|our)\b", re.sub(r'"[^"]*"', "", v.clean))) >= 2
    return _Prepared(document_id, url, title, pub, uni, state, views, dctx)


def extract_document(text: str, *, document_id: str, url: str | None = None, published: str | None = None,
                     title: str | None = None, university: str | None = None) -> dict:
    """Extract the four fact types from one page's main text.

    ``published`` (YYYY[-MM[-DD]]) is used when given, else found in the text's
    date lines or the URL path; ``university`` (the publishing university) is
    used when given, else inferred from the URL's domain via the reference table.
    """
    return extract_documents([dict(text=text, document_id=document_id, url=url, published=published, title=title,
                                   university=university)])[0]


def extract_documents(pages: list[dict]) -> list[dict]:
    """Extract many pages at once (keys as ``extract_document``'s arguments): every sentence of every page goes
    through the NLP pipeline in one batched ``nlp.pipe`` call. Raises ExtractionError naming a bad page."""
    prepared = [_prepare(**p) for p in pages]
    _parse_views([v for prep in prepared for v in prep.views])
    return [_extract_prepared(prep) for prep in prepared]


def count_candidates(text: str, *, document_id: str, **page) -> list[dict]:
    """Every figure the count rules looked at on one page, as the rules alone leave them (``emitted``, and why
    they ``left`` one): what the count model learns from (``pipelines/training/count_model.py``)."""
    prep = _prepare(text, document_id=document_id, **page)
    _parse_views(prep.views)
    _extract_prepared(prep, learned=False)
    return prep.state.count_candidates


def _parse_views(views: list[SentenceView]) -> None:
    """Parse the sentences in one batched ``nlp.pipe`` call and correct their mentions by the parse."""
    for v, doc in zip(views, parse([v.clean for v in views])):
        v.doc = doc
        refine_mentions(v)
    page_companies(views)


@dataclass
class _Prepared:
    document_id: str
    url: str | None
    title: str | None
    pub: str | None
    uni: str | None
    state: DocState
    views: list[SentenceView]
    dctx: DateContext


def _extract_prepared(prep: _Prepared, learned: bool = True) -> dict:
    """The page's facts; ``learned=False`` leaves out the count model's figures (what the rules alone find)."""
    document_id, url, title, pub, uni = prep.document_id, prep.url, prep.title, prep.pub, prep.uni
    state, views, dctx = prep.state, prep.views, prep.dctx
    result = {
        "document": {"id": document_id, "url": url, "title": title, "published": pub, "university": uni},
        "agreements": [], "funding": [], "platforms": [], "counts": [],
    }
    raw: dict[str, list[dict]] = {k: [] for k in FIELDS}
    table_header: list[str] | None = None  # the header of the table of figures the rows below belong to
    body_header: list[str] | None = None  # the header of a list of bodies ("No. | Name | Supporting unit | ...")
    caption: str | None = None  # the line before a table that names what its figures are
    years_across: list[str] | None = None  # a table's header of years laid across one line
    navigation = _navigation_lines(views)
    targets = False  # under a heading of targets or plans, whose list rows are no facts
    signings: tuple[int, int, int] | None = None  # (partner column, date column, width) of a table of signings
    before = ""  # the line above (a table's caption)
    counted: set[int] = set()  # the sentences whose figures the count rules read and whose facts stand
    for v in views:
        if _LINK_TO_ELSEWHERE.match(v.clean) or id(v) in navigation:
            continue  # "Related: Science park tops 300 incubated firms": another story's headline, linked
        # (a term's end is no date of the event: "an agreement that will run until 2030")
        # (nor is a deadline after the page's year: "to train 5,000 youth by 2027" is a target)
        v.dates = [d for d in find_dates(v.clean, dctx) if not _TERM_END.search(v.clean[max(0, d.start - 30):d.end])
                   and not _deadline(v.clean, d, state.published)]
        row_month = re.match(r"\s*((?:19|20)\d\d)[./](0[1-9]|1[0-2])\s", v.clean)
        row_year = re.match(r"\s*((?:19|20)\d\d)\s*(?:[-\u2013\u2014:|]|\.\s)\s*", v.clean)
        if row_month and not any(d.start == row_month.start(1) for d in v.dates):
            # a timeline's row that opens with its year and month ("2013.05 HFUT and Wujin District signed ...")
            v.dates.insert(0, DateMention(row_month.start(1), row_month.end(2),
                                          f"{row_month.group(1)}-{row_month.group(2)}", "month", "month"))
        elif row_year and not any(d.start == row_year.start(1) for d in v.dates):
            # a record's row that opens with its year ("2017 - Signed a memorandum with ..."): that year dates it
            v.dates.insert(0, DateMention(row_year.start(1), row_year.end(1), row_year.group(1), "year", "year"))
        if v.sentence.info.get("dateline"):
            # the date of a dateline cut from the sentence ("CHENNAI, 21 July 2023: ..."): the report's own
            # date, the sentence's last resort (as a dateline left in the sentence is)
            v.dates += [DateMention(0, 0, d.value, d.precision, "dateline")
                        for d in find_dates(v.sentence.info["dateline"], dctx)[:1]]
        for d in v.dates:
            if d.value and d.precision == "day":
                dctx.last_day = d.value
            if d.value:
                dctx.last_year = state.last_year = d.value[:4]
        parts = _tables.cells_of(v.sentence) or (_tables.bracket_row(v.clean, len(body_header))
                                                 if body_header and body_header[0] == "name" else None)
        year_row = _tables.year_row(v.clean, caption)
        across = _tables.across_years(v, years_across, caption) if years_across else []
        row_platforms = _tables.row_platforms(v, table_header, parts) if parts and table_header else []
        row_agreements = _tables.row_agreements(v, table_header, parts) if parts and table_header else []
        signing_head = _signing_tables.signing_header(parts, before)
        signed_rows = _signing_tables.signing_row(v, signings, parts) if parts and signings and not signing_head else []
        signings = (*signing_head, len(parts)) if signing_head else signings if parts else None
        before = v.clean
        if parts and table_header and _tables.is_row(parts, table_header):
            # a row of a table of figures under its header: the header says what each figure is (and a cell may
            # name the body the row's money goes to: "1 | X College | Y University | Z City | 300")
            agreements, platforms = row_agreements or _tables.row_contracts(v, table_header, parts), row_platforms
            counts, fundings = _tables.row_facts(v, table_header)
        elif row_agreements or row_platforms and _tables.platform_column(table_header) is not None:
            # a row of a table of platforms ("1 | X Research Institute | Y University"), or of partners with the
            # year of their agreement ("Stellantis | 2016 | e-Mobility Powertrain Joint Lab (2018)")
            agreements, fundings, counts, platforms = row_agreements, [], [], row_platforms
            # (and what a column says its partner gives it: "... | 2019 | 60 million yuan over five years")
            fundings = _tables.row_money(v, table_header, parts, row_platforms) if row_platforms else []
        elif across:
            # a row of figures under a line of years ("Agreements signed 12 15 20 25")
            agreements, platforms, fundings, counts = [], [], [], across
        elif year_row:
            # a row of a year and a figure under a caption naming what the figures are ("2019 | 45")
            agreements, platforms = [], []
            counts, fundings = _tables.row_facts(v, *year_row)
        else:
            captioned = _tables.with_caption(parts, caption) if parts else None
            listing = body_header if body_header and (
                _SECTION_LINE.fullmatch(v.clean) or parts and len(parts) == len(body_header)) else None
            # (a row of a list of bodies is no header of figures, whatever units its names hold: "X Center | Y
            # University | -")
            table_header = captioned if captioned and _tables.is_header(captioned) and not (listing and parts) else None
            # (a list of bodies keeps its header over its rows and over a section's title between them: "II.
            # Provincial engineering technology research centers")
            body_header = listing or (captioned if captioned and _tables.lists_bodies(captioned) else None)
            agreements = _agreements.extract(v)
            for a in agreements:
                if a["date"]:
                    state.agreement_dates.append(a["date"])
            fundings = _funding.extract(v)
            if table_header and all(re.search(r"\([^()]*$", v.clean[:m.start]) for m in find_money(v.clean)):
                fundings = []  # a header's unit of its money column ("Provincial subsidy (10,000 yuan per year)")
            agreements += _agreements.from_funding(v, fundings)
            platforms = _platforms.extract(v) if not _BREADCRUMB.search(v.clean) else []
            # (a page's trail of sections, "Research > Research Platforms > Co-built Platforms", names no body)
            if _platform_merge.named_later(v.clean, raw["platforms"]):
                platforms = []  # (the name of the body told before, no body of its own)
            joint = [p for p in platforms if p.get("university") and p.get("partner") and ";" not in p["partner"]
                     and not p.get("_mention_only")]
            if not agreements and len(joint) == 1:
                note_platform_pair(v, joint[0])  # the pair a following "the two sides signed" means
            if listing and parts:
                # a row of a list of bodies under a "Name" column: its cells say which is the platform, which the
                # university and which the partner (the sentence rules read the row as one run of names)
                # (none where the row leaves the builder's column empty: built alone)
                platforms = [] if _tables.no_partner(listing, parts) else _tables.row_platforms(v, listing, parts) or platforms
                fundings = fundings or _tables.row_money(v, listing, parts, platforms)
            # the spans no count is read in: money, dates, and a row's number
            no_count = [(m.start, m.end) for m in find_money(v.clean)] + [(d.start, d.end) for d in v.dates]
            if parts and (listing and _tables.numbered(listing, parts) or signed_rows and _tables.row_number(parts)):
                # (a row's number in a numbered list of bodies or of signings, "3 | X Institute | Y University |
                # 2020.11", "3 | CATL | Industry-university-research cooperation agreement | 2021.11": no count)
                no_count.append(_tables.cell_offsets(v.clean, parts)[0])
            counts = _counts.extract(v, no_count)
            counted.add(id(v))
        years_across = _tables.years_line(v.clean) or (years_across if across else None)
        caption = _tables.caption(v.clean) or (caption if parts or year_row or _tables.bare_year_header(v.clean)
                                                else None)
        for facts, key in ((counts, "subject"), (fundings, "recipient")):
            for c in facts:
                if (c[key] or "").startswith(_counts.PLATFORM_SUBJECT):
                    # (a count's holder falls back to the page's main actor; money's recipient to nobody)
                    c[key] = _platform_ref(c[key], raw["platforms"] + platforms) or (
                        state.ctx.main_actor() if key == "subject" else None)
        # a row of the page's list of its partners ("Tangshan City: BIT Tangshan Research Institute, 2019; 168
        # projects ..."): its figures are the body the row names, else the page's university's, never the partner's
        holder = next((p["name"] for p in platforms if p.get("_row_holder")), None) or next(
            (a["university"] for a in agreements if a.get("_row_holder")), None)
        for c in counts if holder else []:
            c["subject"] = holder
        if signed_rows:
            agreements = signed_rows  # a row of a table of signings: its cells say who and when
        _agreements.note_signed_on(v, agreements)  # ("The MoA was signed on 26th August": the one just told)
        if _heading(v) and (not targets or _strong_heading(v) or _TARGET_HEADING.match(v.clean)):
            # ("TARGETS FOR 2025", "Goals for FY2026:"; under one, a short line is a row of it, "Grow co-op employers
            # to 10,000", unless it heads a section of its own in capitals, with a colon or a number)
            targets = bool(_TARGET_HEADING.match(v.clean))
        elif targets and (LIST_ITEM.match(v.sentence.text) or len(v.clean) <= 120
                          and not v.clean.rstrip().endswith((".", "!", "?"))):
            # a row of a list under a heading of targets ("• 25 new agreements and 10 new joint platforms"; "Our goals
            # for 2030" / "Reach $100 million a year in industry-sponsored research", a row with no bullet): a plan
            agreements, fundings, platforms, counts = [], [], [], []
            counted.discard(id(v))
        else:
            targets = targets and not v.clean.rstrip().endswith((".", "!", "?"))
        if _BYLINE.fullmatch(v.clean):
            # "Author: X | Source: Y University | Date: 2024-01-09 | Views: 2,417": the page's byline (its date
            # read as any line's), no facts ("Views" is a page counter)
            agreements, fundings, platforms, counts = [], [], [], []
        for kind, facts in (("agreements", agreements), ("funding", fundings), ("platforms", platforms),
                            ("counts", counts)):
            for f in facts:
                f["_ev"] = v.sentence
                raw[kind].append(f)
        for d in v.dates:
            if d.value and d.precision in ("day", "month") and d.kind != "same_day":
                state.last_event = (d.value, d.precision)
            if d.value and d.precision == "day":
                state.last_day = d.value
                if state.lead_event is None and _EVENT_LEAD.search(v.clean) and d.kind not in ("dateline",) and (
                        state.published is None or d.value <= state.published):
                    state.lead_event = (d.value, "day")  # the day of the event the page opens on
        own = v.own_date()
        state.prev_date = (v.sentence.block, v.sentence.index, *own) if own[0] else None
        if own[0] and own[1] in ("day", "month") and _LAUNCHED.search(v.clean):
            state.launch_date = own  # the launch a later "At the launch, ..." refers to
        named = {n for m in v.mentions for n, k in [v.resolve(m)] if k == "university" and n and m.kind != "placeholder"} | {
            m.university for m in v.mentions if m.university}
        if len(named) == 1:
            state.last_university = (v.sentence.index, next(iter(named)))
        for m in v.mentions:
            name, kind = v.resolve(m)
            if kind == "enterprise" and m.party and name not in state.companies:
                state.companies.append(name)
        subject = _counts.clause_subject(v)
        if subject:
            state.last_subject = (v.sentence.index, subject)
        state.main_subject = _main_subject(v)
        group = {}
        for m in v.mentions:
            name, kind = v.resolve(m)
            # (an organisation too, "FAPESP and Natura will contribute ... while UNICAMP's share": a group's member
            # only where the group's number says so, ``agreements``)
            if name and m.party and kind in ("university", "government", "enterprise", "agency", "zone", "ministry",
                                             "org"):
                group.setdefault(name, (m, name, kind))
                state.recent_parties.append((v.sentence.index, m, name, kind))
        strict = [g for g in group.values() if g[2] != "org"]
        if len(strict) >= 3:
            state.last_group = (v.sentence.index, strict)
        # (names in brackets gloss something, "the IMEP-LaHC laboratory (UGA / CNRS / Grenoble INP)": no group)
        loose = [g for g in group.values() if not re.search(r"\([^()]*$", v.clean[:g[0].start])]
        if len(loose) > len(strict) and len(loose) >= 3 and strict:
            state.loose_group = (v.sentence.index, loose)
            # (and the list among them: "UGA, the CNRS and Schneider Electric inaugurated PowerLab Grenoble": the
            # three a later "the three partners" stands for, not the laboratory they opened)
            state.loose_list = _listed(v.clean, loose)

    # (before the merges: one name per company to merge by)
    fullest_company_names(raw, named_outside_platforms(state.ctx.enterprises, views), " ".join(v.clean for v in views),
                          {short: full for short, (full, _) in state.ctx.aliases.items() if ENTERPRISE_SUFFIX.search(full)})
    _agreements.fullest_agency_names(raw["agreements"])
    _agreements.undate_after(raw["agreements"], state.published)  # (no signing the page reports is after it)
    # (no sentence dates a signing, and the page opens on a dated event, a visit, a symposium, a ceremony: the page's
    # agreements were signed that day; the money and bodies they provide keep the dates their own sentences give)
    lead = [state.lead_event] if not state.sign_dates and state.lead_event is not None else []
    raw["agreements"] = _agreements.merge(raw["agreements"], state.timeline,
                                          _agreements.page_signing(state.sign_dates + lead, state.timeline, state.published))
    _agreements.fill_dates(raw["agreements"], state.sign_dates + lead, state.timeline, state.published)
    # (a row the page's signing dated may now repeat one the merge kept: "Under the agreement, the province will ..."
    # after "A, B and C signed an agreement to co-build X on Monday")
    raw["agreements"] = _dedupe(raw["agreements"], lambda f: (f["university"], f["partner"], f["date"] or id(f)))
    _funding.fill_dates(raw["funding"], state.sign_dates, state.timeline)
    _funding.fill_dates(raw["platforms"], state.sign_dates, state.timeline)  # (the same rule: the page's signing)
    raw["platforms"] = _platforms.merge(raw["platforms"], raw["agreements"], state.named_pairs)
    _money_to_the_one_body(raw["funding"], raw["platforms"])
    for p in raw["platforms"]:
        # a short name in brackets at a body's name's end is no part of it ("Centre for X Chemistry (CABQ)"; kept
        # until the merge, which it helps: "HIT Rongcheng ... Institute" is "Harbin Institute of Technology
        # Rongcheng ... Institute (HIT-RMERI)")
        short = re.sub(r"\s+\([A-Z][A-Za-z0-9&-]{1,9}\)$", "", p["name"] or "") or None
        if short != p["name"]:
            for f in raw["funding"]:
                if f.get("recipient") == p["name"]:
                    f["recipient"] = short
            p["name"] = short
    # (the figures the rules left that the learned model takes: count_model.py)
    if learned:
        raw["counts"] += extra_counts(state.count_candidates, counted)
    raw["counts"] = _dedupe_counts(_body_first(_not_listed(raw["counts"], raw["agreements"])))
    raw["funding"] = _dedupe(raw["funding"], lambda f: (f["amount"], f["currency"], f["per"],
                                                        f["funder"] if f.get("_each") else None))
    for kind, facts in raw.items():
        for f in facts:
            result[kind].append(_finish(kind, f, document_id, url))
    return result


# a heading of the page's targets or plans, and the list rows under one
_TARGET_HEADING = re.compile(r"\W*(?:[IVX\d]+[.)]\s*)?(?:(?:key|main|our)\s+)?(?:targets?|goals?|plans?|objectives?|"
                             r"priorities|outlook|next steps|looking ahead)\b", re.I)


_LAUNCHED = re.compile(r"\b(?:launch(?:ed|es)?|open(?:ed|s)|inaugurat(?:ed|es)|unveil(?:ed|s)|dedicated(?! to\b))\b", re.I)


def _money_to_the_one_body(funding: list[dict], platforms: list[dict]) -> None:
    """Money whose sentence names no recipient, on a page that sets up one named body: the body's ("Under the
    agreement, Huangpu will offer 200 million yuan over five years" on the page of the centre that agreement built)."""
    named = [p for p in platforms if p.get("name")]
    if len(named) != 1 or len(platforms) != 1:
        return
    for f in funding:
        ev = f["_ev"].text if f.get("_ev") is not None else ""
        if _SEVERAL_GOALS.search(ev):
            continue  # "will channel Rs. 90 crore into the three centres": money for several, none of them alone
        if f.get("recipient") is None and f.get("funder") and f["funder"] != named[0].get("university"):
            f["recipient"] = named[0]["name"]


_SEVERAL_GOALS = re.compile(r"\b(?:to|into|for|among|between|across)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:"
                            + "|".join(sorted(PLATFORM_PLURALS)) + r"|universities|projects|programmes|programs|schools)\b",
                            re.I)


def _heading(v) -> bool:
    """A line that heads a section: short, no sentence's end, not a list row ("TARGETS FOR 2025", "Goals:")."""
    s = v.clean.strip()
    return 0 < len(s) <= 60 and not s.endswith((".", "!", "?", ";", ",")) and not LIST_ITEM.match(v.sentence.text) \
        and (_strong_heading(v) or len(s.split()) <= 5)


def _strong_heading(v) -> bool:
    """A heading by its form, not only by its shortness: in capitals, with a colon, or numbered."""
    s = v.clean.strip()
    return s.upper() == s or s.endswith(":") or bool(_SECTION_LINE.fullmatch(s))


_SECTION_LINE = re.compile(r"(?:[IVX]+|\d{1,2}|[A-H])[.)]\s+[A-Z][^.!?:;|]{2,80}")
_TERM_END = re.compile(r"\b(?:until|till|through|up to|expir(?:e|es|ing) in|runs? to|(?:to|by) the end of)\s+(?:the\s+)?"
                       r"(?:end\s+of\s+)?(?:\w+\.?\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\W*$", re.I)


# a sentence telling an event a page reports (the day a signing undated by its own sentence belongs to)
_EVENT_LEAD = re.compile(r"\b(?:symposium|ceremony|delegation|visit(?:ed)?|forum|conference|meeting|seminar|talks|"
                         r"summit|fair|expo)\b", re.I)


def _deadline(s: str, d, published: str | None) -> bool:
    """A year after the page's, given as a deadline ("by 2027", "by the end of 2028"): a target, no fact's date."""
    return bool(d.value and published and d.value[:4] > published[:4]
                and re.search(r"\bby\s+(?:the\s+end\s+of\s+)?$", s[max(0, d.start - 20):d.start] + s[d.start:d.end].split(d.value[:4])[0]))


_LINK_TO_ELSEWHERE = re.compile(r"\s*(?:Related(?: (?:news|stories|articles|links|reading))?|See also|Read more|"
                                r"Recommended|More news|Previous(?: article| story)?|Next(?: article| story)?)\s*[:>|]",
                                re.I)


# a heading over a list of links to other stories ("Related news", "You may also like"), alone on its line
_NAVIGATION_HEADING = re.compile(r"\s*(?:Related(?: (?:news|stories|articles|links|reading|posts|content))?|See also|"
                                 r"Read more|Recommended(?: for you| reading| stories)?|More (?:news|stories|from \w+)|"
                                 r"Latest (?:news|stories)|You (?:may|might) also like|Popular (?:news|stories)|"
                                 r"Most read|Top stories|Previous (?:news|articles)|Other news)\s*[:>]?\s*", re.I)


# a byline of labelled cells, one of them the page's own record: "Source: X | Date: 2024-01-09 | Views: 2,417"
_BYLINE_KEY = r"(?:author|source|date|editor|views?|clicks?|hits|reads|visits|visitors|published|updated|release date|" \
              r"writer|reporter|photo|posted|from)"
# (a footer's copyright cell may open it: "Copyright © X University | Visitors: 1,209,344")
_BYLINE = re.compile(rf"\s*(?:(?:copyright|\u00a9)[^|:]{{0,100}}\|\s*)?(?:[A-Za-z][\w ]{{0,20}}:\s*[^|:]{{0,60}}?\s*\|\s*)*{_BYLINE_KEY}\s*:\s*[^|:]{{0,60}}?"
                     rf"(?:\s*\|\s*[A-Za-z][\w ]{{0,20}}:\s*[^|:]{{0,60}}?)*\s*", re.I)


def _navigation_lines(views: list[SentenceView]) -> set[int]:
    """Lines that list other stories' headlines under a navigation heading ("Related news" and, on the lines
    below it, "· YZU signs strategic cooperation agreement with Taizhou City"): links, no facts of the page.
    The list runs while its lines are short and end with no full stop, as headlines do (ids of the views)."""
    out: set[int] = set()
    for i, v in enumerate(views):
        if not _NAVIGATION_HEADING.fullmatch(v.clean):
            continue
        for w in views[i + 1:]:
            if len(w.clean) > 160 or re.search(r"[.!?]\W*$", w.clean) and not re.search(r"\.\.\.\W*$", w.clean):
                break
            out.add(id(w))
    return out


def _platform_ref(ref: str, platforms: list[dict]) -> str | None:
    """The body "the institute" / "the centre" refers back to: the page's last named platform of that type."""
    kind = ref[len(_counts.PLATFORM_SUBJECT):]
    named = [p["name"] for p in platforms if p["name"] and p["platform_type"] == kind]
    return named[-1] if named else None


def _listed(s: str, members: list) -> list:
    """The longest run of ``members`` (mention, name, kind) that ``s`` writes as one list ("A (A1), the B and C")."""
    members = sorted(members, key=lambda g: g[0].start)
    best, run = [], members[:1]
    for prev, g in zip(members, members[1:]):
        if re.fullmatch(r"(?:\s*\([^()]*\))?\s*(?:,|,? and|&)\s*(?:the\s+)?", s[prev[0].end:g[0].start]):
            run.append(g)
        else:
            best, run = max(best, run, key=len), [g]
    return max(best, run, key=len)


def _main_subject(v: SentenceView) -> tuple[int, str] | None:
    """(sentence index, kind) of the body the sentence's main verb has as subject, when a mention names it."""
    root = next((t for t in v.doc if t.dep_ == "ROOT"), None) if v.doc is not None else None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    # (else the name the sentence opens with, which the parse may hang elsewhere: "Geely, which reported ..., has")
    at = subject.idx if subject is not None else 0
    m = next((m for m in v.mentions if m.start <= at < m.end), None)
    return (v.sentence.index, v.resolve(m)[1]) if m is not None else None


def _headline(f: dict) -> bool:
    """The fact's sentence is a headline or a caption (no closing punctuation)."""
    return not f["_ev"].text.rstrip().rstrip('"\'”)').endswith((".", "!", "?"))


def _not_listed(counts: list[dict], agreements: list[dict]) -> list[dict]:
    """A headline's figure that is the number of bodies the story's agreements name one by one ("signs deals
    with six universities" over six agreements) sums up that list: no count of its own."""
    sides = {len({a["university"] for a in agreements}), len({a["partner"] for a in agreements})} - {0, 1}
    # (only a number of bodies, places or agreements: "2 projects" in a list row is no sum of parties)
    return [c for c in counts if not (_headline(c) and not c.get("_row") and c["quantity"] in sides and c["unit"] not in (
        "program", "person", "trainee", "cadre", "training_class", "technology", "resource"))]


def _body_first(facts: list[dict]) -> list[dict]:
    """Facts from full sentences before those from headlines and captions, so that a figure the title repeats
    keeps the body sentence as its evidence."""
    return sorted(facts, key=_headline)


def _dedupe_counts(facts: list[dict]) -> list[dict]:
    """A figure the page repeats (same quantity and unit in another sentence: the lead, a summary, the title,
    where one phrase's words contain the other's: "30 agreements", "30 cooperation agreements") is one count;
    the same number of differently described things ("10 talent projects", "10 workstation projects"), or
    twice in one sentence, counts two things; "the 14 universities" after "14 provincial universities" refers
    back."""
    def repeat(f: dict, g: dict) -> bool:
        if f.get("_row") and g.get("_row") and f["_row"] != g["_row"]:
            return False  # two rows of a table (tables.py)
        # (a headline sums up the story in its own words: "three new research hubs" repeats "three Industrial
        # Transformation Research Hubs"; "three MoUs" repeats "three memoranda of understanding", any word for
        # agreements)
        # (the same figure held by two named holders is two counts: "B University - 2 projects", "C University -
        # 2 projects")
        return (g["quantity"] == f["quantity"] and g["unit"] == f["unit"] and g["_ev"] is not f["_ev"]
                # (a headline's holder may be its section's words, "Mumbai News / IIT-Bombay inks three MoUs")
                and (f["_definite"] or _headline(f) and not _headline(g)
                     or not (f["subject"] and g["subject"] and not same_entity(f["subject"], g["subject"])))
                and (f["_definite"] or f["_words"] <= g["_words"] or g["_words"] <= f["_words"]
                     or _headline(f) and bool(f.get("_head")) and (f.get("_head") == g.get("_head") or f["unit"] == "agreement")))

    out: list[dict] = []
    for f in facts:
        if any(repeat(f, g) for g in out):
            continue
        out.append(f)
    return out


def _dedupe(facts: list[dict], key) -> list[dict]:
    seen = set()
    out = []
    for f in facts:
        k = key(f)
        if k in seen:
            continue
        seen.add(k)
        out.append(f)
    return out


_NAME_FIELDS = ("university", "partner", "funder", "recipient", "subject")


def _finish(kind: str, f: dict, document_id: str, url: str | None) -> dict:
    s = f["_ev"]
    out = {k: AUTONOMOUS_REGIONS.get(v, v) if k in _NAME_FIELDS and isinstance(v, str) else v
           for k in FIELDS[kind] for v in [f.get(k)]}
    out.update({"evidence": s.text, "evidence_start": s.start, "evidence_end": s.end, "document_id": document_id,
                "url": url})
    return out
