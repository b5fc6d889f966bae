"""When a predicted fact is the gold fact (``shared/spec/facts.md``, "How extraction is scored").

Type rules (a predicted and a gold fact are *compatible* when the rule holds):

* agreement: university and partner names match (``names``); where the gold
  has a date, the predicted date agrees with it at the gold's precision (year,
  year-month or full day; a predicted date less precise than the gold's fails).
* funding: same currency, amount within 1 % of the gold amount, same ``per``.
* platform: names match; an unnamed gold platform (``name`` null) matches a
  prediction of the same ``platform_type`` whose evidence overlaps.
* count: same quantity, and the evidence sentences overlap (the unit is not
  part of the rule; it is scored as a field, see ``fields``). A gold count
  without evidence is matched on its quantity alone.

Evidence overlap: both evidence texts are compared after lower-casing and
collapsing white space. With the page text at hand, each is located in the
page and they overlap when any occurrence of one shares a character with any
occurrence of the other. When either cannot be found in the page (or there is
no page), they overlap when one contains the other, or when the end of one is
the start of the other over at least 20 characters (the shape two overlapping
spans of one text have).

Predicted and gold facts are matched one-to-one by a maximum-cardinality
bipartite matching (Kuhn's augmenting paths), so the number of true positives
is the largest any one-to-one pairing can reach; candidate partners are tried
in order of decreasing similarity, so the pairs (shown by ``--verbose``, and
used for field accuracy) are the natural ones.
"""

from __future__ import annotations

import re
from typing import Callable

from pipelines.evaluation.names import NAME_THRESHOLD, name_similarity

MIN_EDGE_OVERLAP = 20

_WS = re.compile(r"\s+")


def normalise_text(text: object) -> str:
    return _WS.sub(" ", str(text or "")).strip().lower()


class PageText:
    """A page's text, normalised like evidence, for locating evidence sentences in it."""

    def __init__(self, text: str):
        self.text = normalise_text(text)
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def spans(self, evidence: str) -> list[tuple[int, int]]:
        """Every (start, end) at which the normalised evidence occurs in the normalised page."""
        if evidence not in self._spans:
            found, start = [], self.text.find(evidence) if evidence else -1
            while start >= 0:
                found.append((start, start + len(evidence)))
                start = self.text.find(evidence, start + 1)
            self._spans[evidence] = found
        return self._spans[evidence]


def _edge_overlap(a: str, b: str) -> bool:
    """The end of ``a`` is the start of ``b`` over at least MIN_EDGE_OVERLAP characters."""
    for k in range(min(len(a), len(b)) - 1, MIN_EDGE_OVERLAP - 1, -1):
        if a.endswith(b[:k]):
            return True
    return False


def evidence_overlaps(a: object, b: object, page: PageText | None = None) -> bool:
    """Do two evidence texts overlap (see the module docstring)?"""
    na, nb = normalise_text(a), normalise_text(b)
    if not na or not nb:
        return False
    if page is not None:
        sa, sb = page.spans(na), page.spans(nb)
        if sa and sb:
            return any(x0 < y1 and y0 < x1 for x0, x1 in sa for y0, y1 in sb)
    return na in nb or nb in na or _edge_overlap(na, nb) or _edge_overlap(nb, na)


def date_agrees(pred: object, gold: object) -> bool:
    """The predicted date equals the gold date at the gold's precision (no gold date: anything agrees)."""
    if not gold:
        return True
    if not pred:
        return False
    p, g = str(pred), str(gold)
    return len(p) >= len(g) and p[: len(g)] == g


def _agreement_score(p: dict, g: dict, page: PageText | None) -> float | None:
    su = name_similarity(p.get("university"), g.get("university"))
    sp = name_similarity(p.get("partner"), g.get("partner"))
    if su < NAME_THRESHOLD or sp < NAME_THRESHOLD:
        return None
    if not date_agrees(p.get("date"), g.get("date")):
        return None
    return su + sp + (0.5 if p.get("date") == g.get("date") else 0.0)


def _funding_score(p: dict, g: dict, page: PageText | None) -> float | None:
    try:
        pa, ga = float(p.get("amount")), float(g.get("amount"))
    except (TypeError, ValueError):
        return None
    if str(p.get("currency") or "").upper() != str(g.get("currency") or "").upper():
        return None
    if abs(pa - ga) > 0.01 * abs(ga):
        return None
    if p.get("per") != g.get("per"):
        return None
    return 1.0 - abs(pa - ga) / (abs(ga) or 1.0)


def _platform_score(p: dict, g: dict, page: PageText | None) -> float | None:
    if g.get("name") is None:
        if p.get("platform_type") != g.get("platform_type"):
            return None
        if not evidence_overlaps(p.get("evidence"), g.get("evidence"), page):
            return None
        return 1.0 if p.get("name") is None else 0.7
    s = name_similarity(p.get("name"), g.get("name"))
    return s if s >= NAME_THRESHOLD else None


def _count_score(p: dict, g: dict, page: PageText | None) -> float | None:
    try:
        if float(p.get("quantity")) != float(g.get("quantity")):
            return None
    except (TypeError, ValueError):
        return None
    if g.get("evidence") and not evidence_overlaps(p.get("evidence"), g.get("evidence"), page):
        return None
    return 1.0 + (0.5 if p.get("unit") == g.get("unit") else 0.0)


SCORERS: dict[str, Callable[[dict, dict, PageText | None], float | None]] = {
    "agreements": _agreement_score,
    "funding": _funding_score,
    "platforms": _platform_score,
    "counts": _count_score,
}


def match_facts(fact_type: str, predicted: list[dict], gold: list[dict],
                page_text: str | PageText | None = None) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of predicted to gold facts; returns sorted (pred_idx, gold_idx) pairs.

    ``page_text`` (the page the evidence comes from) makes evidence overlap exact; without it the
    text rule of the module docstring applies.
    """
    scorer = SCORERS[fact_type]
    page = PageText(page_text) if isinstance(page_text, str) else page_text
    candidates: list[list[int]] = []
    for p in predicted:
        scored = [(s, j) for j, g in enumerate(gold) if (s := scorer(p, g, page)) is not None]
        scored.sort(key=lambda sj: (-sj[0], sj[1]))
        candidates.append([j for _, j in scored])
    gold_owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_owner or augment(gold_owner[j], seen):
                gold_owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return sorted((i, j) for j, i in gold_owner.items())
