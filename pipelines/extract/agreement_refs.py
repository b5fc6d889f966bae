"""Agreement sentences that refer back to what the page reported before: a list of partners continued in the
next sentence ("On the list are also ..."), a government-government co-construction agreement whose universities
the next sentence names (convention 1), the givers of money "under the agreement", and the pair a sentence names
for a later "the two sides".

Split out of ``agreements.py``, which calls these per sentence. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.names import partner_type, same_entity

_PARTNER_KINDS = {"government", "agency", "ministry", "zone", "enterprise", "org"}


_LIST_CONTINUES = re.compile(
    r"^(?:on the list (?:are|were) also|also on the list (?:are|were)|the list also (?:includes|included)|"
    r"also (?:included|listed) (?:are|were)|(?:they|these|those) also include[ds]?|others include)\b", re.I)


def _continued_list(v: SentenceView) -> list[dict]:
    """Universities added to a list of partners begun in the previous agreement sentence."""
    _, partner_mention, pname, atype, date, precision = v.state.last_list
    facts = []
    for m in v.mentions:
        name, kind = v.resolve(m)
        if kind == "university" and name and not same_entity(name, pname) and name not in [f["university"] for f in facts]:
            facts.append({
                "date": date, "date_precision": precision, "university": name, "partner": pname,
                "partner_type": partner_type(partner_mention), "agreement_type": atype,
                "partner_province": partner_mention.province, "_enumerated": True,
            })
    return facts


_DEFINITE_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:agreement|memorandum|deal)\b", re.I)


_UNDER_AGREEMENT = re.compile(r"^\W*(?:according to|under) the (?:[\w-]+ ){0,2}(?:agreement|deal|contract|memorandum|"
                              r"mou|accord)\b", re.I)


def from_funding(v: SentenceView, fundings: list[dict]) -> list[dict]:
    """Money the agreement the page reported makes its givers parties to it: "According to the agreement, the
    Ministry of Education and Heilongjiang Province will give 1 billion yuan to HIT" is an agreement of HIT with
    each giver (a government funding a university under a deal co-constructs it, convention 1; a company's
    money is industry-university cooperation). Undated: the page's signing dates it (``fill_dates``)."""
    if not _UNDER_AGREEMENT.search(v.clean):
        return []
    out = []
    for f in fundings:
        uni = f.get("recipient")
        if not uni or not f.get("funder"):
            continue
        kinds = {v.resolve(m)[0]: m for m in v.mentions if v.resolve(m)[0]}
        if uni not in kinds or v.resolve(kinds[uni])[1] != "university":
            continue
        for giver in f["funder"].split("; "):
            m = kinds.get(giver)
            if m is None or v.resolve(m)[1] not in _PARTNER_KINDS or any(
                    same_entity(giver, a["partner"]) for a in out):
                continue
            ptype = partner_type(m)
            out.append({"date": None, "date_precision": None, "university": uni, "partner": giver,
                        "partner_type": ptype, "partner_province": m.province, "_enumerated": False,
                        "agreement_type": "industry_university_research" if ptype == "enterprise" else "co_construction"})
    return out


def _coconstructed(v: SentenceView, pending: tuple) -> list[dict]:
    """The universities a government-government co-construction agreement covers, named in a sentence that
    refers back to it: one row per (university, government signatory)."""
    _, partners, date, precision = pending
    unis = []
    for m in v.mentions:
        name, kind = v.resolve(m)
        if kind == "university" and name and name not in unis and not m.locative:
            unis.append(name)
    facts = []
    for u in unis:
        for m, pname in partners:
            facts.append({"date": date, "date_precision": precision, "university": u, "partner": pname,
                          "partner_type": partner_type(m), "agreement_type": "co_construction",
                          "partner_province": m.province, "_enumerated": True})
    if facts:
        v.state.pending_coconstruction = None
    return facts


def _note_pair(v: SentenceView) -> None:
    """A sentence that names one university and one other body ("celebrated 20 years of its cooperation with
    Daehan Shipbuilding") gives the pair a following "the two organisations signed ..." refers to."""
    if " | " in v.clean:
        return  # a masthead or menu ("Tongji University | Foreign Affairs Office"): the site's own units, no pair
    unis, others = set(), {}
    for m in v.mentions:
        name, kind = v.resolve(m)
        if not name or m.locative:
            continue  # (a place where something is, "the facility in Jurong", is nobody's partner)
        if kind == "university":
            unis.add(name)
        elif kind in _PARTNER_KINDS - {"org"}:
            others.setdefault(name, m)
    if len(unis) == 1 and len(others) == 1:
        (name, m), = others.items()
        v.state.last_pair, v.state.last_partner = (next(iter(unis)), name), m
        v.state.pair_agreed = False
        if v.state.last_pair not in v.state.named_pairs:
            v.state.named_pairs.append(v.state.last_pair)


def note_platform_pair(v: SentenceView, platform: dict) -> None:
    """A platform the sentence names with its university and one partner ("a pilot line of the X University-Y Joint
    Research Center") gives the pair a following "The two sides signed an agreement in 2022 to set up the center"
    refers to (as a sentence naming the two does, ``_note_pair``)."""
    from pipelines.extract.chunks import classify_name
    from pipelines.extract.lexicon import Mention

    uni, partner = platform["university"], platform["partner"]
    m = next((x for x in v.mentions if v.resolve(x)[0] == partner), None)
    if m is None:
        kind = classify_name(partner)
        m = Mention(0, 0, partner, partner, kind if kind != "org" else "enterprise")
    v.state.last_pair, v.state.last_partner, v.state.pair_agreed = (uni, partner), m, False
    if v.state.last_pair not in v.state.named_pairs:
        v.state.named_pairs.append(v.state.last_pair)
