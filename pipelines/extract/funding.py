"""Funding facts: money committed, invested or contracted for a cooperation.

A money amount (see ``money``) counts when its sentence speaks of giving,
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
from pipelines.extract.money import find_money

NEGATIVE = re.compile(
    r"\b(?:annual funding|budget|revenue|gdp|output value|sales|turnover|earn(?:s|ed|ing)?|market (?:size|value)|"
    r"valued (?:automobile|industry)|industry (?:worth|size|scale)|per capita|ranking|ranked|salar(?:y|ies)|price[sd]?|"
    r"tuition|fees?|income|profit|exports?|imports?|loss(?:es)?|debt)\b", re.I)
POSITIVE = re.compile(
    r"\b(?:donat|invest|rais|fund|financ|allocat|contribut|commit|pledg|grant|subsid|sponsor|contract|program|project|"
    r"valu|worth|total|support|inject|provid|earmark|award|spen[dt]|receiv|secur|offer)\w*", re.I)
PER_YEAR = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:each|every|per|a) year\b|^\W*(?:\w+\W+){0,3}?(?:annually|per annum|yearly)\b", re.I)
_NUMWORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50}
_N = r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|fifty)"
# "over the next 10 years", "for five years", "over three years", "in the coming decade", "a five-year ..."
PERIOD = re.compile(rf"\b(?:over|for|in|within|during|across)\s+(?:the\s+)?(?:(?:next|coming|following|future)\s+)?"
                    rf"{_N}[- ]years?\b|\b(?:over|for|in|within|during)\s+the\s+(?:next|coming|following)\s+(?P<decade>decade)\b|"
                    rf"\b{_N.replace('<n>', '<n2>')}-year\b", re.I)
_KINDS = [
    ("contract_value", re.compile(r"\bcontract", re.I)),
    ("program_value", re.compile(r"\b(?:program|programme|project|fund\b)", re.I)),
    ("investment", re.compile(r"\b(?:invest|subsid|capital|financ)", re.I)),
    ("commitment", re.compile(r"\b(?:donat|pledg|commit|rais|grant|allocat|provid|contribut|sponsor|award|earmark)", re.I)),
]
_FUNDER_VERB = re.compile(r"\b(?:donat\w*|invest\w*|rais\w*|pledg\w*|commit\w*|provid\w*|allocat\w*|contribut\w*|"
                          r"grant\w*|fund\w*|sponsor\w*|inject\w*)\b", re.I)


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
_VALUE_OF = re.compile(r"^\s*(?:(?!(?:in|to|for|into|on|at|with|from|by|the|a|an)\b)[\w-]+\s+){0,3}?(?:lab|labs|laboratory|laboratories|cent(?:er|re)s?|institutes?|parks?|"
                       r"programmes?|programs?|projects?|facility|facilities|fund|initiative|partnership|collaboration|"
                       r"corplab|platforms?|bases?)\b", re.I)


_DOLLAR_BY_COUNTRY = {"SG": "SGD", "AU": "AUD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "TW": "TWD"}


def _dollar(v: SentenceView) -> str:
    """A bare "$": the dollar of the page's country, known from its web domain or else from its university."""
    if v.state.dollar != "USD":
        return v.state.dollar
    from pipelines.extract.names import reference_index

    idx, uni = reference_index(), v.main_university()
    u = idx.by_name(uni) if idx is not None and uni else None
    return _DOLLAR_BY_COUNTRY.get(getattr(u, "country", None) or "", "USD")


def extract(v: SentenceView) -> list[dict]:
    s = v.clean
    money = find_money(s)
    if not money or NEGATIVE.search(s):
        return []
    if not POSITIVE.search(s) and not any(_VALUE_OF.match(s[m.end:]) for m in money):
        return []
    out = []
    date, precision = v.fact_date()
    if not date and re.search(r"\b(?:under|according to) the (?:\w+ )?agreement\b", s, re.I) and v.state.agreement_dates:
        date = v.state.agreement_dates[-1]
    period = PERIOD.search(s)
    period_years = None
    if period:
        if period.group("decade"):
            period_years = 10
        else:
            n = (period.group("n") or period.group("n2")).lower()
            period_years = int(n) if n.isdigit() else _NUMWORDS.get(n)
    for m in money:
        if re.search(r"\b(?:industry|industries|sector|market|valued)\b", s[m.end:m.end + 25], re.I):
            continue
        per = "year" if PER_YEAR.search(s[m.end:m.end + 40]) or re.search(r"\bannual(?:ly)?\s+$", s[:m.start]) else "total"
        kind = "program_value" if _VALUE_OF.match(s[m.end:]) else _kind(s[max(0, m.start - 80):m.start], s[m.end:m.end + 60])
        funder = recipient = None
        verb = _FUNDER_VERB.search(s)
        by = re.search(r"\b(?:invested|granted|funded|provided|donated|sponsored)\s+by\s+", s)
        cands = [x for x in v.mentions if x.party]
        if by:
            after = [x for x in cands if x.start >= by.end()]
            if after:
                funder = v.resolve(after[0])[0]
        elif verb:
            before = [x for x in cands if x.end <= verb.start()]
            if before:
                funder = v.resolve(before[-1])[0]
        for x in cands:
            name, kind_x = v.resolve(x)
            if kind_x == "university" and name and name != funder:
                recipient = name
                break
        currency = _dollar(v) if m.currency == "USD" and m.text.lstrip().startswith("$") else m.currency
        out.append({
            "amount": m.amount, "currency": currency, "amount_usd_stated": m.usd_stated, "qualifier": m.qualifier,
            "per": per, "period_years": period_years, "kind": kind, "funder": funder, "recipient": recipient,
            "date": date,
        })
    return out
