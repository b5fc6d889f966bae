"""Organisation names as the scorer compares them (``shared/spec/facts.md``, "How extraction is scored").

* Normalised: lower-cased, apostrophes dropped, "people's government of"
  removed, every other punctuation mark turned into a space, then the tokens
  "the", "municipal", "provincial" and the level words "city", "province",
  "county", "district", "prefecture" removed.
* Two tokens match when equal, or when both have at least 4 characters and
  ``difflib`` similarity ratio >= 0.85 ("agriculture" / "agricultural").
* Two names match when their space-less normalised forms are equal
  ("jiaotong" / "jiao tong"), or when their soft token Jaccard
  ``m / (|A| + |B| - m)`` (m = tokens of A matched one-to-one in B) is >= 0.6.
  Two names that normalise to nothing match only when both do.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

NAME_THRESHOLD = 0.6
TOKEN_RATIO = 0.85

_DROP_TOKENS = {"the", "municipal", "provincial", "city", "province", "county", "district", "prefecture"}
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`´]")
_PEOPLES_GOV = re.compile(r"\bpeoples?\s+government\s+of\b")
_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=8192)
def name_tokens(name: str | None) -> tuple[str, ...]:
    """Normalised tokens of an organisation name."""
    if not name:
        return ()
    text = _APOSTROPHES.sub("", str(name).lower())
    text = _PEOPLES_GOV.sub(" ", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return tuple(t for t in text.split() if t not in _DROP_TOKENS)


def _tokens_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= TOKEN_RATIO


@lru_cache(maxsize=65536)
def name_similarity(a: str | None, b: str | None) -> float:
    """Soft token Jaccard in [0, 1] between two names after normalisation."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 1.0 if (not ta and not tb and str(a or "").strip() and str(b or "").strip()) else 0.0
    if "".join(ta) == "".join(tb):
        return 1.0
    unused = list(tb)
    matched = 0
    for tok in ta:
        for i, other in enumerate(unused):
            if _tokens_match(tok, other):
                matched += 1
                del unused[i]
                break
    return matched / (len(ta) + len(tb) - matched)


def names_match(a: str | None, b: str | None) -> bool:
    return name_similarity(a, b) >= NAME_THRESHOLD
