"""How the parties of one agreement sentence pair up, and which date each pair takes, where the sentence says so
itself rather than by its roles:

* ``gapped_pairs``: a sentence that leaves its verb out after the first clause ("Tongji University signed with
  Longwan District, and Zhejiang University of Technology with CHINT Group") pairs each subject with its own "with";
* ``own_dates``: parties each followed by their own date ("with A in April and with B in October") date their own
  agreements.

Split out of ``agreements.py``, which calls both while it builds a sentence's rows. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView


_GAP = re.compile(r",?\s+and\s+(?:the\s+)?$")


def gapped_pairs(v: SentenceView, events: list) -> list:
    """The pairs of a sentence that leaves its verb out after the first clause ("Tongji University signed with
    Longwan District, and Zhejiang University of Technology with CHINT Group"): [((mention, name) of the university,
    (mention, name) of its partner)], the first clause's pair first; [] for any other sentence."""
    s = v.clean
    verb = next((e.verb for e in events if e.kind == "sign" and e.verb is not None), None)
    if verb is None:
        return []
    named = [(m, *v.resolve(m)) for m in v.mentions if m.party and v.resolve(m)[0]]
    out = []
    for i in range(len(named) - 1):
        (c, cn, ck), (d, dn, dk) = named[i], named[i + 1]
        if c.start <= verb.idx or not _GAP.search(s[max(0, c.start - 12):c.start]) or not re.fullmatch(
                r"\s+with\s+(?:the\s+)?", s[c.end:d.start]) or (ck == "university") == (dk == "university"):
            continue
        out.append(((c, cn), (d, dn)) if ck == "university" else ((d, dn), (c, cn)))
    if not out:
        return []
    # the first clause: the subject before the verb and the first body of its "with"
    subj = [x for x in named if x[0].end <= verb.idx]
    w = re.search(r"\bwith\s+(?:the\s+)?", s[verb.idx:])
    obj = [x for x in named if w and x[0].start >= verb.idx + w.start() and x[0].start < out[0][0][0].start
           and x[0].start < out[0][1][0].start]
    if len(subj) != 1 or not obj or (subj[0][2] == "university") == (obj[0][2] == "university"):
        return []
    a, b = subj[0], obj[0]
    first = ((a[0], a[1]), (b[0], b[1])) if a[2] == "university" else ((b[0], b[1]), (a[0], a[1]))
    return [first] + out


def own_dates(v: SentenceView, facts: list[dict], parties: list) -> None:
    """"signed agreements with A in April and with B in October": where two or more parties of the sentence each
    carry a date right after their name, each agreement with one of them is of its own date."""
    s, dated = v.clean, {}
    for m in parties:
        # ("with A in April", "A (March) and B (November)")
        # (a place that locates the party may stand between: "the People's Government of X District of Guilin in
        # November")
        d = next((d for d in v.dates if d.value and d.start >= m.end and re.fullmatch(
            r",?\s*(?:of\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s*,?\s*)?\(?(?:in|on)?\s*", s[m.end:d.start])), None)
        if d is not None:
            dated[v.resolve(m)[0]] = (d.value, d.precision)
    if len(set(dated.values())) < 2:
        return
    for f in facts:
        own = dated.get(f["partner"]) or dated.get(f["university"])
        if own:
            f["date"], f["date_precision"] = own


def joined_years(v: SentenceView, year: str) -> list[str]:
    """The years the sentence joins to its mention of ``year`` ("renewed 2015 and 2023" -> ["2023"])."""
    out, chain = [], False  # (a joined year belongs to the date the last other date mention opened)
    for d in sorted(v.dates, key=lambda d: d.start):
        if d.kind != "joined_year":
            chain = d.value == year
        elif chain:
            out.append(d.value)
    return out
