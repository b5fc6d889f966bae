"""Per-sentence analysis shared by the fact rules (mentions, dates, resolved placeholders)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.extract.dates import DateMention
from pipelines.extract.names import DocContext, Mention
from pipelines.extract.text import Sentence

# ("at the opening ceremony", "at the matchmaking conference": an event of the page told before, by a kind word)
EVENT_REF = re.compile(r"\b(?:the|this|that)(?: same)?(?: (?:opening|closing|signing|launch|inauguration|unveiling|plenary|"
                       r"award|matchmaking|main|cooperation|anniversary))? (?:event|meeting|ceremony|conference|symposium|forum|"
                       r"occasion|function|visit)\b|"
                       r"\b(?:the same (?:day|morning|afternoon|evening)|that (?:day|morning|afternoon|evening))\b", re.I)
# "At the launch, A and B also signed ...": the launch the page told, at the precision it was told
LAUNCH_REF = re.compile(r"\b(?:at|during) the (?:official )?(?:launch|opening|inauguration|unveiling|dedication)\b", re.I)


@dataclass
class DocState:
    ctx: DocContext
    published: str | None
    timeline: bool = False
    last_pair: tuple[str | None, str | None] = (None, None)
    last_partner: Mention | None = None
    pair_agreed: bool = True  # last_pair comes from an agreement, not only from a sentence naming the two
    named_pairs: list = field(default_factory=list)  # every (university, partner) a sentence named alone
    # the last sentence that reported an agreement of a university with a company:
    # (sentence index, university, company, whether it was a contract)
    last_deal: tuple | None = None
    # the date the sentence before stated, in its paragraph: (block, index, date, precision)
    prev_date: tuple | None = None
    last_day: str | None = None
    last_year: str | None = None  # the year of the last date the page told, at any precision
    last_event: tuple[str, str] | None = None  # (date, precision) of the last date told to the day or the month
    launch_date: tuple[str, str] | None = None  # (date, precision) of the last sentence telling a launch or opening
    last_subject: tuple[int, str] | None = None  # (sentence index, name): the body the last sentence was about
    main_subject: tuple[int, str] | None = None  # (sentence index, kind): what the subject of a sentence's main verb is
    # the last count the sentence before stated, for a figure that leaves its unit out ("Of these, 41 are with
    # engineering colleges"): (sentence index, the count)
    last_count: tuple[int, dict] | None = None
    # every figure the count rules looked at (count_model reads those they left)
    count_candidates: list = field(default_factory=list)
    # the last sentence that named three parties or more, for "the three parties" after it:
    # (sentence index, [(mention, canonical name, kind)])
    last_group: tuple[int, list] | None = None
    loose_group: tuple[int, list] | None = None  # (the same with organisations of no known kind among them)
    loose_list: list = field(default_factory=list)  # (the members of the loose group its sentence lists as one)
    # every party the sentences so far named: (sentence index, mention, canonical name, kind), for "the three
    # companies" (agreement_parties.kind_group)
    recent_parties: list = field(default_factory=list)
    last_period: int | None = None  # the years of the last money stated over a period ("over the same period")
    first_person: bool = False  # the page's publisher narrates in the first person ("We make joint efforts")
    # the last agreement sentence that listed several universities with one partner:
    # (sentence index, partner mention, partner name, agreement type, date, precision), for a
    # list continued in the very next sentence ("On the list are also ...")
    last_list: tuple | None = None
    agreement_dates: list[str] = field(default_factory=list)
    last_signed: list = field(default_factory=list)  # the agreement rows of the last sentence that reported a signing
    companies: list[str] = field(default_factory=list)  # the companies the sentences so far named, in order
    dollar: str = "USD"  # what a bare "$" means on this page (money.dollar_currency)
    sign_dates: list[tuple[str, str]] = field(default_factory=list)  # dates of sentences reporting a signing
    lead_event: tuple[str, str] | None = None  # (day, "day") of the first dated event the page tells
    # a co-construction agreement between governments whose universities a following sentence names
    # (convention 1): (sentence index, [(mention, name)], date, precision)
    pending_coconstruction: tuple | None = None
    # an agreement of a partner with each of a group of universities the page lists next ("The partnership agreement
    # for each Victorian university was signed ... The 10 universities involved are: • A • B"):
    # (sentence index, [(mention, name)], date, precision, agreement type)
    pending_group: tuple | None = None
    # a sentence that introduces a list of signings with a colon ("deans signed agreements with enterprises on
    # behalf of their schools:"): (index of it or of the list's last row, date, precision)
    signing_lead: tuple | None = None
    # a signing told up to "with:" ("The MoUs were signed with:"), whose rows open with its partners
    # (agreement_refs.partners_lead_row): (index of it or of the list's last row, university, date, precision,
    # whether the lead says its partners are companies)
    partners_lead: tuple | None = None
    # a sentence that introduces a list of bodies set up with a colon ("The plaques of the following three institutes
    # were then unveiled:"): (index of it or of the list's last row, date)
    platform_lead: tuple | None = None
    # a line "Centre: <name>" that opens a record of a platform's fields (platform_records.py): (index, name, label)
    platform_record: tuple | None = None
    # a sentence that ends in a colon after a verb of giving ("Micron will provide:"), whose list rows are its
    # amounts (funding_rows.py): (index, giver's name, kind)
    money_lead: tuple | None = None
    # a line that is a platform's name alone, a card's title (platform_records.note_card): (index, name)
    platform_card: tuple | None = None
    # a body that signed a number of agreements ("signed two MoUs"), which "the first MoU, with X" refers to:
    # (index, signer's name, its kind, its mention, date, precision)
    counted_signing: tuple | None = None
    last_agreements: tuple | None = None  # (index, facts) of the last sentence that gave agreements
    card: tuple | None = None  # (block, index, mention, name) of a line that is a body's name alone
    # the page introduced a list of its partners with their agreements' years ("Selected partners with agreements
    # in force are listed below, with the year the first agreement was signed.")
    partner_list: bool = False
    # a heading line naming a list of agreements ("Recent MoUs"): the index of it or of the list's last row
    agreement_heading: int | None = None
    last_university: tuple | None = None  # (index, name) of the one university the last sentence naming one named


# a verb of reporting before a date: "X announced on the 15th that ..." dates the announcement
_REPORTED_ON = re.compile(r"\b(?:announced|said|reported|revealed|disclosed|stated|confirmed)\s+(?:on\s+)?$", re.I)


@dataclass
class SentenceView:
    sentence: Sentence
    clean: str
    mentions: list[Mention]
    dates: list[DateMention]
    heading: tuple[str, str] | None
    state: DocState
    doc: object = None  # the spaCy Doc of ``clean`` (pipelines.extract.nlp)

    @property
    def lower(self) -> str:
        return self.clean.lower()

    def own_date(self) -> tuple[str | None, str | None]:
        if self.dates and self.dates[0].kind == "same_day" and self.dates[0].value:
            # "On the same day, the university renewed its agreement, first signed in 2019": the day told first
            return self.dates[0].value, self.dates[0].precision
        for i, d in enumerate(self.dates):
            if d.value and d.kind not in ("same_day", "dateline"):
                if _REPORTED_ON.search(self.clean[max(0, d.start - 30):d.start]) and re.match(r"\s*,?\s*that\b",
                                                                                           self.clean[d.end:]) \
                        and any(x.value and x.start > d.end and x.kind != "dateline" for x in self.dates[i + 1:]):
                    continue  # "announced on the 15th that it held the ceremony on the 12th": the day of the report
                # "on Monday (March 4)": a relative word the next date restates at a finer precision
                nxt = self.dates[i + 1] if i + 1 < len(self.dates) else None
                if d.kind.startswith("rel_") and nxt is not None and nxt.value and nxt.precision == "day" \
                        and nxt.kind != "dateline" and nxt.start >= d.end \
                        and re.fullmatch(r"\s*[(,]?\s*", self.clean[d.end:nxt.start]) and nxt.value.startswith(d.value[:4]):
                    return nxt.value, nxt.precision
                return d.value, d.precision
        for d in self.dates:
            if d.value:
                return d.value, d.precision
        return None, None

    def fact_date(self) -> tuple[str | None, str | None]:
        """The sentence's own date; else the event it refers back to; else its timeline heading."""
        v = self.own_date()
        if v[0]:
            return v
        if EVENT_REF.search(self.clean) and self.state.last_day:
            return self.state.last_day, "day"
        if LAUNCH_REF.search(self.clean) and (self.state.launch_date or self.state.last_event):
            # (the launch the page told, else its last date, at the precision it was told: "launched on Tuesday" ->
            # its month)
            return self.state.launch_date or self.state.last_event
        if self.heading:
            return self.heading
        return None, None

    def main_university(self) -> str | None:
        return self.state.ctx.main_university()

    def tally_start(self, date: str) -> bool:
        """The sentence gives ``date`` as the start of a tally ("has signed 23 MoUs since June 2024"), no day
        of a signing the page reports."""
        return any(d.value == date and re.search(r"\bsince\s+$", self.clean[max(0, d.start - 7):d.start])
                   for d in self.dates)

    def date_of(self, verb, own_only: bool = False) -> tuple[str | None, str | None]:
        """The date the parse attaches to ``verb``'s own clause ("signed an agreement in 2002 and opened the
        centre in 2005": 2005 for "opened"), else the sentence's date (``fact_date``); with ``own_only``, the
        clause's date or none."""
        if verb is not None and self.doc is not None and hasattr(verb, "dep_"):
            dated = [d for d in self.dates if d.value and d.kind not in ("same_day", "dateline")]
            for d in dated if own_only else dated[1:]:  # (the first is the sentence's own: fact_date reads it)
                toks = [t for t in self.doc if t.idx < d.end and t.idx + len(t) > d.start]
                if not toks:
                    continue
                t = toks[0]
                for _ in range(6):  # up to the date's own verb
                    if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                        break
                    t = t.head
                if t.i == verb.i:  # (spaCy makes a new Token object at each access: compare indices)
                    return d.value, d.precision
        return (None, None) if own_only else self.fact_date()

    def resolve(self, m: Mention) -> tuple[str | None, str]:
        """Canonical name and kind for a mention, resolving placeholders; a school, college or faculty named
        without a university ("the School of Mechanical Engineering") is a unit of the page's own university
        when the sentence names no other."""
        if m.kind == "platform" and m.university is None and re.match(r"(?:School|College|Faculty) of\b", m.text) \
                and self.main_university() and not any(x.kind == "university" for x in self.mentions):
            return self.main_university(), "university"
        if m.kind == "university" and m.name and _short_own(m.name, self.state.ctx.university):
            return self.state.ctx.university, "university"
        if m.kind == "org" and _leading_word_of_own(m.text, self.state.ctx.university):
            return self.state.ctx.university, "university"
        if m.kind != "placeholder":
            return m.name, m.kind
        ph = m.placeholder
        if ph == "university":
            last = self.state.last_university
            counts = self.state.ctx.university_counts
            main = self.main_university()
            if not self.state.ctx.university and last is not None and 0 < self.sentence.index - last[0] <= 2 and (
                    main is None or counts.get(last[1], 0) >= counts.get(main, 0)):
                # on a page that is no university's own, "the university" is the one just named ("The biggest is
                # the X University Lishui Research Institute. In March, the city and the university signed ..."),
                # unless the page is about another one it names far more often (a university's year in review)
                return last[1], "university"
            return self.main_university(), "university"
        if ph == "self":  # "the Institute" / "the college": the page's university if that is what it is
            main = self.main_university()
            word = m.text.split()[-1].lower()
            return (main, "university") if main and word in main.lower() else (None, "placeholder")
        if ph in ("province", "city", "county", "district", "prefecture", "region"):
            named = {x.name for x in self.mentions if x.kind == "government" and x.name and x.end <= m.start
                     and (x.level or "").lower() == ph}
            if len(named) == 1:
                return named.pop(), "government"  # "In Ordos, X University and the city government signed ..."
            name = self.state.ctx.main_place(ph.title())
            pub = self.state.ctx.publisher
            if name is None and pub and pub.endswith(" " + ph.title()):
                name = pub  # "the Municipal Government" on the city's own site
            if name is None and ph == "province":
                name = self.state.ctx.main_state()  # "the Province" on a Canadian province's own site
            return name, "government"
        if ph == "zone":
            # the zone the page defines as "the zone"; else the most named one that fits the words ("the development
            # zone" on a page that names a park more often: the zone its words say); else the most named one
            ctx = self.state.ctx
            kind = re.search(r"\b(development zone|industrial park|high-tech zone|new area)\b", m.text, re.I)
            fitting = [z for z in ctx.zone_counts if kind and kind.group(1).lower().split()[-1] in z.lower()
                       and (kind.group(1).lower() != "development zone" or "development zone" in z.lower())]
            name = ctx.defined_zone or (max(fitting, key=ctx.zone_counts.get) if fitting else ctx.main_zone())
            return (name, "zone") if name else (None, "placeholder")
        if ph == "area":  # "the area": the page's zone only when it is an area by name ("Changchun New Area")
            name = self.state.ctx.defined_zone or self.state.ctx.main_zone()
            return (name, "zone") if name and name.endswith(" Area") else (None, "placeholder")
        if ph == "state":  # a state is named bare ("Indiana", convention 6): the page's most named bare place
            return self.state.ctx.main_state(), "government"
        if ph == "state_department":  # "the state water resources department": "Assam Water Resources Department"
            # ("the provincial department of education": "Shaanxi Provincial Department of Education")
            state = self.state.ctx.main_state() if m.extra.get("level") == "state" else re.sub(
                r" Province$", "", self.state.ctx.main_place("Province") or "") or None
            return (f"{state} {m.extra['department']}", "agency") if state else (None, "placeholder")
        if ph == "ministry":
            counts = self.state.ctx.ministry_counts
            return (max(counts, key=counts.get), "ministry") if counts else (None, "placeholder")
        if ph == "company":  # "the oil company": the one company the page named before, if it named one
            return (self.state.companies[0], "enterprise") if len(self.state.companies) == 1 else (None, "placeholder")
        if ph == "publisher":
            pub = self.state.ctx.publisher
            return (pub, "government") if pub and not self.state.ctx.university else (None, "placeholder")
        return None, "placeholder"


def _leading_word_of_own(text: str, own: str | None) -> bool:
    """``text`` is the one word the page's own university is called by ("McMaster" on McMaster University's page,
    "Purdue"): the word its name opens with before "University" or "College", no place's name."""
    m = re.fullmatch(r"([A-Z][\w'-]+) (?:University|College)", own or "")
    if not m or text != m.group(1):
        return False
    from pipelines.extract.places import table_place
    return table_place(text) is None


def _short_own(name: str, own: str | None) -> bool:
    """``name`` is the page's own university's name without its place ("AGH University" on AGH University of
    Krakow's page, a headline's short form), and no university of the table by itself."""
    if not own or name == own or not re.match(rf"{re.escape(name)} (?:of|in|at|\() ?", own):
        return False
    from pipelines.extract.places import reference_index
    return reference_index().by_name(name) is None
