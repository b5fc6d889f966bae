"""Money a page lists under a lead that says who gives it:

    Under the agreements, Micron will provide:
    • $7 million to Boise State University to open the Micron Semiconductor Education Hub
    • $5 million to the University of Idaho for a Micron Cleanroom Teaching Lab

A sentence that ends in a colon after a verb of giving ("will provide:", "has committed the following:") opens the
list (``note_lead``); each row of it that opens with an amount is money from the lead's giver to the university (else
the body) the row names (``lead_rows``), a commitment when the lead speaks of the future.

Plain Python, no Dagster; called by ``funding.extract`` per sentence.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import LIST_ITEM
from pipelines.extract.money import find_money

_GIVE = re.compile(r"\b(?P<will>will\s+)?(?:provide[sd]?|invest(?:s|ed)?|commit(?:s|ted)?|contribute[sd]?|give[sn]?|gave|"
                   r"allocate[sd]?|grant(?:s|ed)?|fund(?:s|ed)?|donate[sd]?)\b[^.;:]{0,60}:\s*$", re.I)
_ROW = re.compile(LIST_ITEM.pattern + r"\s*")
_SPAN = 6  # rows from the lead


def note_lead(v: SentenceView) -> None:
    """A sentence ending in a colon after a verb of giving: the list of amounts it introduces follows."""
    m = _GIVE.search(v.clean)
    if m is None:
        if v.state.money_lead is not None and not _ROW.match(v.sentence.text):
            v.state.money_lead = None  # (the list ended)
        return
    givers = [x for x in v.mentions if x.party and x.end <= m.start() and v.resolve(x)[0]]
    funder = v.resolve(givers[-1])[0] if givers else None
    v.state.money_lead = (v.sentence.index, funder, "commitment" if m.group("will") else "investment")


def lead_rows(v: SentenceView) -> list[dict]:
    """A row of the lead's list that opens with an amount ("• $7 million to Boise State University to open ..."):
    that money from the lead's giver to the university (else the body) the row names."""
    lead = v.state.money_lead
    row = _ROW.match(v.sentence.text)
    if lead is None or row is None or not 0 < v.sentence.index - lead[0] <= _SPAN:
        return []
    s = v.clean
    opener = _ROW.match(s)
    money = find_money(s)
    if not money or money[0].start > (opener.end() if opener else 0) + 1:
        return []
    m = money[0]
    named = [v.resolve(x) for x in v.mentions if x.start >= m.end]
    unis = [n for n, k in named if n and k == "university"]
    bodies = [n for n, k in named if n and k == "platform"]
    recipient = unis[0] if unis else bodies[0] if bodies else None
    date, _ = v.fact_date()
    per = "year" if re.match(r"\s*(?:a|per|each|every) year\b|\s*annually\b", s[m.end:]) else "total"
    return [{"amount": m.amount, "currency": m.currency, "amount_usd_stated": m.usd_stated, "qualifier": m.qualifier,
             "per": per, "period_years": None, "kind": lead[2], "funder": lead[1] if lead[1] != recipient else None,
             "recipient": recipient, "date": date}]
