"""Funding facts: money committed, invested or contracted for a cooperation.

A money amount (see ``money``) counts when its sentence is about a cooperation (``funding_cues``): it speaks of giving,
investing, raising, contracting or a programme's value, and not of an
industry's size, revenue, a budget in general or a ranking. ``per`` is
``year`` for "each year", "annually", "per year", "a year"; the period is
"over the next N years". The kind follows the nearest word before the amount:
contract -> contract_value; programme/project/fund value -> program_value;
invest/subsidy -> investment; donate/pledge/raise/commit -> commitment.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.count_parse import PLATFORM_SUBJECT
from pipelines.extract.money import find_money, rupee_currency, shilling_currency, yen_sign_currency
from pipelines.extract.platform_founding import PLATFORM_NOUNS
from pipelines.extract.funding_cues import (
    VALUE_OF, about_cooperation, aimed_at, deal_of_others, economy_size, qualifies,
)
from pipelines.extract.syntax import span_tokens

PER_YEAR = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:each|every|per|a) year\b|^\W*(?:\w+\W+){0,3}?(?:annually|per annum|yearly)\b", re.I)
_NUMWORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}
_N = r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|fifty)"
# "over the next 10 years", "for five years", "over three years", "in the coming decade", "a five-year ..."
PERIOD = re.compile(rf"\b(?:over|for|in|within|during|across)\s+(?:the\s+|a\s+period\s+of\s+|(?:its|their)\s+|a\s+(?=further\b)|another\s+)?"
                    rf"(?:(?:next|coming|following|future|first|further)\s+)?"
                    rf"{_N}[- ]years?\b|\b(?:over|for|in|within|during)\s+the\s+(?:next|coming|following)\s+(?P<decade>decade)\b|"
                    rf"\b{_N.replace('<n>', '<n2>')}-year\b", re.I)
def years_of(period: re.Match) -> int | None:
    """The years a ``PERIOD`` match states: "over the next 10 years" -> 10, "for five years" -> 5, "the coming
    decade" -> 10."""
    if period.group("decade"):
        return 10
    n = (period.group("n") or period.group("n2")).lower()
    return int(n) if n.isdigit() else _NUMWORDS.get(n)


_KINDS = [
    ("contract_value", re.compile(r"\b(?:contract|consultanc|research income|licen[cs]e fee|licensing fee)", re.I)),
    ("program_value", re.compile(r"\b(?:program|programme|project|(?:total|a|an|overall) (?:budget|value))", re.I)),
    ("investment", re.compile(r"\b(?:invest|subsid|capital|financ)", re.I)),
    ("commitment", re.compile(r"\b(?:donat|pledg|commit|rais|grant|allocat|provid|contribut|sponsor|award|earmark|sanction)", re.I)),
]
_FUNDER_VERB = re.compile(r"\b(?:donat\w*|invest\w*|rais\w*|pledg\w*|commit\w*|provid\w*|allocat\w*|contribut\w*|"
                          r"grant\w*|fund\w*|sponsor\w*|inject\w*|giv\w*|gave|channel\w*|earmark\w*|sanction\w*)\b", re.I)


def _kind(before: str, after: str) -> str:
    best = None
    for kind, pat in _KINDS:
        for m in pat.finditer(before):
            if best is None or m.start() > best[0]:
                best = (m.start(), kind)
    if best:
        return best[1]
    for kind, pat in _KINDS:
        if pat.search(after):
            return kind
    return "commitment"


# an amount that qualifies a body or a programme ("a $66 million corporate lab", "a 10 million yuan project"):
# the value of that programme
_FUND_OF = qualifies(r"funds?", lead=r"[\s-]*", stops="of|")
_SET_UP = re.compile(r"\b(?:(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?|(?:has|have|had)\s+(?:\w+\s+)?)"
                     r"(?:established|set up|launched|created|founded)\b", re.I)


_DOLLAR_BY_COUNTRY = {"SG": "SGD", "AU": "AUD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "TW": "TWD"}


def _dollar(v: SentenceView) -> str:
    """A bare "$": the dollar of the page's country, known from its web domain or else from its university."""
    if v.state.dollar != "USD":
        return v.state.dollar
    from pipelines.extract.names import reference_index

    idx, uni = reference_index(), v.main_university()
    u = idx.by_name(uni) if idx is not None and uni else None
    return _DOLLAR_BY_COUNTRY.get(getattr(u, "country", None) or "", "USD")


# "Each year, the city will provide 50 million yuan": the recurrence said before the (first) amount
_YEARLY_BEFORE = re.compile(r"\b(?:(?:each|every|per) year|annually|yearly)\b", re.I)
# a span of calendar years the money covers: "during 1999-2001", "from 2021 to 2025", "in 2016-2020"
_YEAR_SPAN = re.compile(r"\b(?:during|from|in|over|for|between)\s+(?:the\s+)?(?:years?\s+)?(?P<y1>(?:19|20)\d\d)\s*"
                        r"(?:-|\u2013|to|through|and|until)\s*(?P<y2>(?:19|20)\d\d)\b", re.I)


# "through 2029", "until 2030", "to 2028": the last year of money given each year
_UNTIL = re.compile(r"\b(?:a|each|every|per) year\b[^.;]{0,30}?\b(?:through|until|till|to)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
# what puts a year at the edge of a period
_PERIOD_BOUND = re.compile(r"\b(?:from|starting(?:\s+(?:from|in))?|beginning(?:\s+in)?|through|until|till|to)\s+(?:the\s+)?$", re.I)


def fill_dates(facts: list[dict], sign_dates: list[tuple[str, str]], timeline: bool) -> None:
    """Money a page reports without a date of its own belongs to the signing the page reports
    (agreements.page_signing), as undated agreements do. (Not the news signing among signings of several months
    that agreements take: money a page recalls beside a renewal is as often the old term's.)"""
    from pipelines.extract.agreements import page_signing

    signing = page_signing(sign_dates, timeline)
    if signing is None:
        return
    for f in facts:
        if not f["date"]:
            f["date"] = signing[0]


def extract(v: SentenceView) -> list[dict]:
    from pipelines.extract.funding_rows import lead_rows, note_lead

    rows = lead_rows(v)  # ("Micron will provide: • $7 million to Boise State University ...")
    note_lead(v)
    if rows:
        return rows
    s = v.clean
    money = find_money(s)
    if not money and re.search(r"\b(?:agreements?|partnerships?|memorand\w+|MoUs?|contracts?)\b", s, re.I):
        term = PERIOD.search(s)
        if term and years_of(term):
            # "Our agreement was renewed in June 2023 for a further five years. The company has committed £6 million
            # over that period": the period a later sum refers to
            v.state.last_period = years_of(term)
    if not about_cooperation(v, money):
        return []
    out = []
    date, precision = v.fact_date()
    under = re.search(r"\b(?:under|according to) the (?:(\w+) )?agreement\b", s, re.I)
    if not date and under and v.state.agreement_dates:
        # (the renewed agreement is the latest the page dated: "renewed in May 2024 ..., first signed in 2014")
        date = max(v.state.agreement_dates) if (under.group(1) or "").lower() in ("renewed", "new", "extended") \
            else v.state.agreement_dates[-1]
    period = PERIOD.search(s)
    period_years = None
    span = _YEAR_SPAN.search(s)
    if span and not period:  # "during 1999-2001": three years, counted inclusively
        first, last = int(span.group("y1")), int(span.group("y2"))
        period_years = last - first + 1 if 0 < last - first < 50 else None
    elif period:
        period_years = years_of(period)
    until = _UNTIL.search(s)
    if period_years is None and until and (v.state.published or date):
        # "$4 million a year through 2029" on a page of 2025: five years, this one counted
        first = int((date or v.state.published)[:4])
        period_years = int(until.group("y")) - first + 1 if 0 < int(until.group("y")) - first < 30 else None
    if period_years is None and re.search(r"\b(?:over|during|for|in) (?:the same|that|this) (?:period|time|term|years)\b",
                                         s, re.I):
        period_years = v.state.last_period  # ("Honda's share is $10 million over the same period", "over that period")
    if period_years:
        v.state.last_period = period_years
    if date and re.search(r"\b(?:will|shall)\b", s) and any(
            d.value and d.value[:4] == date[:4] and (_PERIOD_BOUND.search(s[max(0, d.start - 16):d.start])
                                                     or _PERIOD_BOUND.match((s[d.start:d.end].split() or [""])[0] + " "))
            for d in v.dates):
        # "will arrange 150 million yuan every year for five years starting from 2024": a bound of the period,
        # not the date of the commitment (which is the page's signing, fill_dates)
        date = None
    for m in money:
        target = re.match(r"[^.;]{0,20}?\bby (?:the end of )?((?:19|20)\d\d)\b", s[m.end:])
        if target and v.state.published and target.group(1) > v.state.published[:4]:
            continue  # "to double the sector's value to $20 billion by 2030": a target, no money given
        size = re.search(r"^(?:(?!\b(?:with|from|by|to)\b).)*?\b(?:industry|industries|sector|market|valued)\b"
                         r"(?!\s+(?:research|funding|funds?|investment|sponsorship|partners?|collaboration|colleges?|institutes?)\b)",
                         s[m.end:m.end + 25], re.I)
        if size and not re.match(r"-(?:universit|academ|college|school|institut|sponsor|fund|financ)", s[m.end + size.end():], re.I):
            continue  # the size of an industry, not money for a cooperation ("in industry research funding" is,
            # and so are contracts "worth 410 million yuan with industry" and "industry-university-research projects")
        if m.qualifier in ("at_most", "at_least") and re.match(r"\s+each\b(?!\s+year)", s[m.end:]):
            continue  # "seed support of up to \u20b915 lakh each": a ceiling for each of many, no sum of its own;
            # "214 were worth more than 1 million yuan each": a threshold of a class
        if deal_of_others(v, m) or economy_size(v, m) or aimed_at(v, m):
            continue
        if re.match(r"\s+(?:[\w-]+\s+){0,2}(?:plant|factory|factories|fab|mill|refinery|smelter|plants)\b", s[m.end:]):
            continue  # "which is building a $2 billion packaging plant": what a company's own plant costs
        if re.match(r"\s+(?:per|for each)\s+(?!year\b|annum\b)[a-z]+", s[m.end:]) or re.search(
                r"\b[Ee]ach\s+[a-z]+\s+of\s+(?:up\s+to\s*)?$", s[:m.start]):
            continue  # a share of a sum ("41.2 million yuan, or 100,000 yuan per workstation"), a ceiling for each
            # of several ("each award of up to $250,000"): no sum of its own
        after = re.sub(r"^\s*\([^()]{0,60}\)", "", s[m.end:])  # ("3 billion won (approx. US$2.2 million) every year")
        # ("one time gives 3 million yuan, and every year arranges not less than 1 million yuan": the year word
        # before the second amount's own verb)
        yearly_clause = re.search(r"\b(?:every|each) year,?\s+(?:[\w-]+\s+){1,5}$", s[max(0, m.start - 60):m.start], re.I)
        per = "year" if PER_YEAR.search(after[:40]) or yearly_clause or re.search(r"\bannual(?:ly)?\s+(?:(?:tranches?|instal(?:l)?ments?|payments?|grants?|contributions?) of\s+)?$", s[:m.start]) or (
            _YEARLY_BEFORE.search(s[:m.start]) and not find_money(s[:m.start])) else "total"
        kind = "program_value" if VALUE_OF.match(s[m.end:]) else "investment" if _FUND_OF.match(s[m.end:]) and _SET_UP.search(s) else _kind(
            s[max(0, m.start - 80):m.start], s[m.end:m.end + 60])
        if re.search(r"\bcontract(?:ed|ual)?\s+(?:\w+\s+)?(?:project|programme|program|value|amount|sum|funding|"
                     r"price)s?\b", s[max(0, m.start - 80):m.start], re.I):
            kind = "contract_value"  # "the contract project funding is 1.1 million yuan": what a contract is worth
        roles = _roles(v, m.start, m.end)
        own_date = None if roles is not None and _date_of_a_relative_clause(v, roles[2]) else date
        if roles is not None and _speculative(roles[2]):
            continue
        if roles is not None:
            kind = _tense_kind(roles[2], kind)
        funder = recipient = None
        verb = _FUNDER_VERB.search(s)
        by = re.search(r"\b(?:invested|granted|funded|provided|donated|sponsored)\s+by\s+", s)
        cands = [x for x in v.mentions if x.party and not any(y.start <= x.start < y.end for y in money)]
        if by:
            after = [x for x in cands if x.start >= by.end()]
            if after:
                funder = v.resolve(after[0])[0]
        elif verb:
            before = [x for x in cands if x.end <= verb.start()]
            if before:
                funder = v.resolve(before[-1])[0]
        # (money "to X University" goes to it: the "to" that makes a place of a body is no place here)
        for x in [x for x in v.mentions if x.kind in ("university", "placeholder", "platform")
                  and not any(y.start <= x.start < y.end for y in money)]:
            name, kind_x = v.resolve(x)
            if kind_x == "university" and name and name != funder:
                recipient = name
                break
        if roles is not None:
            if roles[0] or roles[2].lemma_.lower() in _RECEIVE:
                funder = roles[0]  # the parse's giver; a receiver is never the giver
            recipient = roles[1] if roles[1] and roles[1] != funder else recipient if recipient != funder else None
        deal = v.state.last_deal
        if not funder and not recipient and deal and deal[0] == v.sentence.index - 1 and not any(
                x.party for x in v.mentions):
            # "A and B Co. signed a project contract. The funding is 670,000 yuan.": the money of that deal
            funder, recipient = deal[2], deal[1]
            kind = "contract_value" if deal[3] else kind
        if kind == "contract_value" and not funder:
            # a university's contract with a company: the company pays for the work it commissions
            firms = {v.resolve(x)[0] for x in v.mentions if x.kind == "enterprise"} - {None}
            if len(firms) == 1:
                funder = firms.pop()
                recipient = recipient if recipient != funder else None
        if kind == "contract_value" and funder and recipient in (None, funder) and any(
                v.resolve(x) == (funder, "university") for x in v.mentions):
            # "HAUST signed 612 technology contracts with enterprises, worth 218 million yuan": a university's
            # contracts are work it is paid for; it is their recipient, the firm (when one is named) pays
            firms = {v.resolve(x)[0] for x in v.mentions if x.kind == "enterprise"} - {None}
            funder, recipient = (firms.pop() if len(firms) == 1 else None), funder
        if funder and "; " in funder and re.search(r"\brespectively\b", s[m.end:]):
            # "Toyota and the city will contribute C$6 million and C$1.5 million respectively": each giver its own
            # sum, in order
            givers = funder.split("; ")
            # (the sums one list: "C$6 million and C$1.5 million respectively", not "300 million yuan each, and
            # the province will earmark 400 million yuan, respectively")
            sums = [x for x in money if x.start >= (verb.end() if verb else 0)]
            sums = next(([x for x in sums if sums[0].start <= x.start <= last.start] for last in sums
                         if re.match(r"[\s,]*respectively\b", s[last.end:])), [])
            if len(sums) == len(givers) and m in sums and all(
                    re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", s[a.end:b.start]) for a, b in zip(sums, sums[1:])):
                funder = givers[sums.index(m)]
        # (a bare "$", after its qualifier too: "more than $60 million")
        currency = _dollar(v) if m.currency == "USD" and re.search(r"(?<![A-Za-z.])\$", m.text) else m.currency
        if currency == "INR" and re.search(r"\bRs\b|\brupees?\b", m.text, re.I):
            currency = rupee_currency(v.state.ctx.url)  # ("Rs. 25 million" on a Pakistani page: Pakistani rupees)
        if currency == "KES" and re.search(r"\bSh(?=\s?\d)|shillings?", m.text):
            currency = shilling_currency(v.state.ctx.url)  # ("Sh2 billion" on a Ugandan page: Ugandan shillings)
        if currency == "CNY" and re.search(r"[¥￥]", m.text):
            currency = yen_sign_currency(v.state.ctx.url)  # ("¥1.2 billion" on a Japanese university's page: yen)
        fact = {
            "amount": m.amount, "currency": currency, "amount_usd_stated": m.usd_stated, "qualifier": m.qualifier,
            "per": per, "period_years": period_years, "kind": kind, "funder": funder, "recipient": recipient,
            "date": own_date,
        }
        sides = [x for x in v.state.last_pair if x]
        if len(sides) < 2:  # no agreement yet: the page's university and the government it names most
            ctx = v.state.ctx
            place = max(ctx.place_counts.items(), key=lambda kv: kv[1])[0] if ctx.place_counts else None
            sides = [x for x in (ctx.main_university(), place) if x]
        if funder and "; " in funder and (re.match(r"\s*each\b", s[m.end:m.end + 12])
                                         or re.search(r"\beach\s+[a-z]+\s+(?:[A-Z]{0,3}\$\s*)?$", s[:m.start])):
            # "A and B will give 300 million yuan each", "A and B will each contribute R$ 20 million": the amount
            # from each giver
            out.extend({**fact, "funder": giver, "_each": True} for giver in funder.split("; "))
        elif _EACH_SIDE.search(s) and len(sides) == 2 and not funder:
            # "both sides will each contribute 8 million euros": the same amount from each party of the pair
            out.extend({**fact, "funder": side, "recipient": None, "_each": True} for side in sides)
        else:
            out.append(fact)
    return out


_EACH_SIDE = re.compile(r"\b(?:both|the two) (?:sides|parties|partners)\b[^.;]*\beach\b|\beach (?:side|party)\b", re.I)


# ------------------------------------------------------------------ the parse's view of an amount

_MONEY_NOUNS = {"funding", "fund", "funds", "grant", "investment", "money", "financing", "support"}
_RECEIVE = {"receive", "secure", "win", "obtain", "get", "gain", "land", "attract", "accept"}
_INTENT = {"plan", "promise", "agree", "pledge", "intend", "propose", "aim", "expect", "seek", "hope", "decide"}
_SPENT = {"invest", "inject", "spend", "finance", "subsidize", "subsidise", "chip", "pour", "plough", "plow"}


_PARTY_KINDS = ("university", "government", "agency", "ministry", "zone", "enterprise", "org", "placeholder")
# what money can go to: a party, or a body set up (the spec's gold names an institute as a recipient)
_RECIPIENT_KINDS = _PARTY_KINDS + ("platform",)


def _names_in(v: SentenceView, heads, kinds=_PARTY_KINDS) -> list[str]:
    from pipelines.extract.syntax import mentions_in_phrase

    out: list[str] = []
    for h in heads:
        found = mentions_in_phrase(v, h)
        for x in found:
            if x.kind not in kinds:
                continue  # (a body the money goes "to" is no place even where "to" reads as a direction)
            if any(y is not x and y.end <= x.start and re.fullmatch(r"\s*\(\s*", v.clean[y.end:x.start])
                   and re.match(r"\s*\)", v.clean[x.end:]) for y in found):
                continue  # "Prairies Economic Development Canada (PrairiesCan)": the name in brackets is the same body
            name, _ = v.resolve(x)
            if name and name not in out:
                out.append(name)
    return out


def _modifier_names(v: SentenceView, nouns) -> list[str]:
    """The bodies named in the modifiers before a noun ("Australian Government funding" -> the government)."""
    from pipelines.extract.syntax import tokens_in

    toks = {t.i for n in nouns for c in n.children if c.i < n.i for t in c.subtree}
    out: list[str] = []
    for x in v.mentions:
        mt = tokens_in(v.doc, x.start, x.end)
        if mt and all(i in toks for i in mt) and x.kind in ("government", "agency", "ministry", "enterprise", "org",
                                                            "university"):
            name = v.resolve(x)[0]
            if name and name not in out:
                out.append(name)
    return out


def _conjoined(t) -> list:
    return [t, *(c for c in t.conjuncts if c.i > t.i)]


def _roles(v: SentenceView, start: int, end: int):
    """(funder, recipient, verb) of the amount at [start, end) by the parse: the subject of the verb that
    governs it gives ("the city will provide 1 billion yuan to X"), its agent for a passive ("granted by
    Y"), the receiver for "X received ... from Y"; the recipient is what the money goes to, for or into.
    Several funders (coordinated subjects) are joined with "; ". None without a parse or a verb."""
    toks = span_tokens(v, start, end)
    if not toks:
        return None
    t = next((x for x in toks if x.head.i == x.i or not (start <= x.head.idx < end)), toks[-1])
    verb = t
    path = [t]  # the amount's noun and the nouns up to its verb ("a grant from Y" -> "grant")
    for _ in range(5):
        # (the amount's own noun is no verb, whatever the tagger says: "3 billion won" tags "won" a verb)
        if verb.pos_ in ("VERB", "AUX") and verb.i != t.i or verb.head.i == verb.i:
            break
        verb = verb.head
        path.append(verb)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj_verb = verb
    while subj_verb.dep_ in ("xcomp", "conj") and not any(c.dep_.startswith("nsubj") for c in subj_verb.children):
        subj_verb = subj_verb.head
    subjects = [x for c in subj_verb.children if c.dep_ == "nsubj" for x in _conjoined(c)]
    agents = [x for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" for x in _conjoined(g)]
    # the money's own noun and what it is "of" ("£25 million of funding from X", "a grant from X")
    own = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    # (any word of the amount may carry them: "Rs. 25 crore for X" hangs "for" on "crore")
    preps = [c for n in path + own + [x for x in toks if x not in path] for c in n.children
             if c.dep_ in ("prep", "dative") and not (start <= c.idx < end)]
    goals = [x for c in preps if c.lower_ in ("to", "for", "into", "in", "towards")
             or c.lower_ == "on" and verb.lemma_.lower() in _SPENT  # ("will spend 9 billion won on the X Center")
             for g in c.children if g.dep_ == "pobj" for x in _conjoined(g)]
    goals += [x for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for x in _conjoined(c)]
    sources = [x for c in preps if c.lower_ == "from" for g in c.children if g.dep_ == "pobj" for x in _conjoined(g)]
    # "from the provincial budget to the X Lab": the parse may hang the goal on the source
    goals += [x for src in sources for c in src.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
              for g in c.children if g.dep_ == "pobj" for x in _conjoined(g)]
    # "$40 million in Australian Government funding for three hubs": the money's kind names its giver, and
    # what that funding is for is its goal
    kinds = [g for g in goals if g.lemma_.lower() in _MONEY_NOUNS]
    if kinds:
        goals = [g for g in goals if g not in kinds] + [
            x for k in kinds for c in k.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
            for g in c.children if g.dep_ == "pobj" for x in _conjoined(g)]
        sources = sources + kinds
    lemma = verb.lemma_.lower()
    if lemma in _RECEIVE:
        funders, recipients = _names_in(v, sources), _names_in(v, subjects)
    elif agents:
        funders, recipients = _names_in(v, agents), _names_in(v, goals, _RECIPIENT_KINDS)
    elif kinds and _modifier_names(v, kinds):
        funders, recipients = _modifier_names(v, kinds), _names_in(v, goals, _RECIPIENT_KINDS)
    else:
        funders, recipients = _names_in(v, subjects), _names_in(v, goals, _RECIPIENT_KINDS)
    if not funders:
        funders = _names_in(v, sources)  # "backed by a grant from X": the money comes from X
    passive = passive_subjects(subj_verb)
    if not recipients and lemma not in _RECEIVE:
        # "The X Hub is backed by £4.5 million from Y", "the university was awarded 2 million yuan": the passive's
        # subject is what the money goes to
        recipients = [n for n in _names_in(v, passive, _RECIPIENT_KINDS) if n not in funders]
    if not recipients and lemma in _FUNDING_VERBS:
        # "will fund the X Hub to the value of R35 million": what the verb funds gets the money
        recipients = [n for n in _names_in(v, [c for c in verb.children if c.dep_ == "dobj"], _RECIPIENT_KINDS)
                      if n not in funders]
    # the bodies the money may go to (or the receiver: "the laboratory has received 380 million yuan")
    heads = goals + passive + (subjects if lemma in _RECEIVE else [])
    if not recipients:
        # "25 crore for the centre": the body the page named before (resolved per page, as counts' subjects are)
        recipients = [PLATFORM_SUBJECT + PLATFORM_NOUNS[g.lemma_.lower()] for g in heads
                      if g.pos_ == "NOUN" and g.tag_ == "NN" and g.lemma_.lower() in PLATFORM_NOUNS
                      and any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in g.children)][:1]
    if not recipients:
        # "will invest NT$120 million in the center's equipment and research projects": the body whose things the
        # money is for, the one the page named before
        recipients = [PLATFORM_SUBJECT + PLATFORM_NOUNS[p.lemma_.lower()] for g in heads for x in [g, *g.conjuncts]
                      for p in x.children if p.dep_ == "poss" and p.lemma_.lower() in PLATFORM_NOUNS
                      and any(c.dep_ == "det" and c.lower_ == "the" for c in p.children)][:1]
    if not recipients:
        recipients = _platform_names(v, heads)[:1]
    return ("; ".join(funders) or None, recipients[0] if recipients else None, verb)


def _platform_names(v: SentenceView, heads) -> list[str]:
    """The named bodies among the heads ("to the Poyang Lake Laboratory of Food Science"): a proper noun headed by a
    platform noun, not a university's name ("Indian Institute of Technology")."""
    from pipelines.extract.platform_names import _named, _phrase

    out = []
    for g in heads:
        if g.pos_ != "PROPN" or g.lemma_.lower() not in PLATFORM_NOUNS:
            continue
        if any(m.kind == "university" and m.start <= g.idx < m.end for m in v.mentions):
            continue
        span = _phrase(g)
        if len(span) == 1:
            out.append(PLATFORM_SUBJECT + PLATFORM_NOUNS[g.lemma_.lower()])  # "to the Centre": the one named before
        elif _named(span, g):
            out.append(re.sub(r"^(?:the|a|an)\s+", "", span.text.strip(), flags=re.I))
    return out


_FUNDING_VERBS = {"fund", "support", "back", "finance", "sponsor", "subsidise", "subsidize", "bankroll"}
_AIM_VERBS = {"aim", "hope", "seek", "strive", "aspire", "target", "wish", "dream"}


def _speculative(verb) -> bool:
    """Money that only may be, is aimed at, or was once planned: "could be worth US$100 billion", "aims to
    mobilise EUR 43 billion", "had planned to build a plant with an investment of 800 billion yen"."""
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep") and chain[-1].head.i != chain[-1].i \
            and len(chain) < 5:
        chain.append(chain[-1].head)
    for x in chain:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("could", "might", "may") for c in x.children):
            return True
        if x.lemma_.lower() in _AIM_VERBS and x.pos_ == "VERB":
            return True
        if x.lemma_.lower() == "plan" and any(c.dep_ == "aux" and c.lower_ == "had" for c in x.children):
            return True
    return False


def _date_of_a_relative_clause(v: SentenceView, verb) -> bool:
    """The sentence's date belongs to a relative clause that is not the money's ("committed £6 million to the X
    Centre, which the two partners opened in 2013"): it dates the body, not the money."""
    first = next((d for d in v.dates if d.value and d.kind not in ("same_day", "dateline")), None)
    if first is None or verb is None or v.doc is None:
        return False
    toks = [t for t in v.doc if t.idx < first.end and t.idx + len(t) > first.start]
    if not toks:
        return False
    t = toks[0]
    for _ in range(8):
        if t.dep_ == "relcl":
            return t.i != verb.i and verb not in list(t.subtree)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def passive_subjects(verb) -> list:
    return [x for c in verb.children if c.dep_ == "nsubjpass" for x in _conjoined(c)]


def _tense_kind(verb, kind: str) -> str:
    """Convention 8 by tense: money that will be given, or is promised, is a commitment; money a body has
    invested (past or perfect) is an investment. Contract and programme values keep their kind."""
    if kind in ("contract_value", "program_value"):
        return kind
    modal = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "'ll", "to") for c in verb.children)
    intent = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children) and verb.tag_ == "VBG"
    if modal or intent or progressive:
        return "commitment"
    if verb.lemma_.lower() in _SPENT and verb.tag_ in ("VBD", "VBN"):
        return "investment"
    return kind
