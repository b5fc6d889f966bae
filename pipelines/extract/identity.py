"""Whether two canonical names are one body (``same_entity``): the words that carry a name's identity (no function
words, levels or legal forms), a university never the same as a body that is none, two universities the reference
table lists apart. Split out of ``names.py`` (which re-exports ``same_entity``); the merges of every fact type use it.

Plain Python, no Dagster.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.extract.places import reference_index


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> frozenset[str]:
    text = re.sub(r"people(?:'s|s'|'|s)? government of", " ", name.lower().replace("\u2019", "'"))
    toks = re.findall(r"[a-z0-9]+", text.replace("'", ""))
    # function words carry no identity: "Ministry of Finance" and "Ministry of Education" share only "ministry"
    # (nor do legal forms: "SAIC Motor Corporation Limited" is "SAIC Motor")
    drop = {"the", "municipal", "city", "province", "county", "district", "prefecture", "co", "ltd", "inc", "of", "and",
            "for", "on", "in", "at", "limited", "corp", "plc", "llc", "gmbh"}
    return frozenset(t for t in toks if t not in drop)


# words that say what kind of body a name is, not which one
_KIND_WORDS = frozenset({"university", "science", "sciences", "technology", "technological", "institute", "college",
                         "research", "academy", "engineering", "normal", "agricultural", "medical", "national",
                         "group", "company", "corporation", "government", "people", "peoples", "international",
                         "economics", "law", "studies", "school", "center", "centre", "bureau", "commission"})


_LEVEL_END = re.compile(r"\b(City|County|District|Prefecture|Province|Borough|Region)$", re.I)


def _two_listed_universities(a: str, b: str) -> bool:
    idx = reference_index()
    if idx is None:
        return False
    ua, ub = idx.by_name(a), idx.by_name(b)
    return ua is not None and ub is not None and ua.name != ub.name


def _university_name(name: str, tokens: frozenset[str]) -> bool:
    """The name says it is a university, or the reference table lists it as one ("Singapore Institute of
    Technology")."""
    if "university" in tokens:
        return True
    idx = reference_index()
    return idx is not None and idx.by_name(name) is not None


def has_word(ws, w: str) -> bool:
    """w is among a name's words, or shares a long word's stem with one ("circuits" / "circuit", "agriculture" /
    "agricultural")."""
    return w in ws or any(len(w) >= 5 and len(u) >= 5 and (w.startswith(u[:-2]) or u.startswith(w[:-2])) for u in ws)


def same_entity(a: str | None, b: str | None) -> bool:
    """Loose identity of two canonical names (merging repeated mentions of one body)."""
    if not a or not b:
        return a == b
    la, lb = _LEVEL_END.search(a), _LEVEL_END.search(b)
    if la and lb and la.group(1).lower() != lb.group(1).lower():
        return False  # "Fukuoka Prefecture" and "Fukuoka City", "Xiangtan City" and "Xiangtan County": two governments
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return a.lower() == b.lower()
    if "".join(sorted(ta)) == "".join(sorted(tb)):
        return True
    if _university_name(a, ta) != _university_name(b, tb):
        # a university and a body that is not one are never the same, however many words they share ("Henan
        # Agricultural University" / "Henan X Agriculture Co.", "Singapore Institute of Technology" / "Singapore
        # Technologies Engineering Ltd")
        return False
    if "university" in ta and _two_listed_universities(a, b):
        return False  # "Hunan University" and "Hunan Normal University": the table lists both
    own_a = {t for t in ta - _KIND_WORDS if not has_word(tb, t)}
    own_b = {t for t in tb - _KIND_WORDS if not has_word(ta, t)}
    if own_a and own_b:
        return False  # each has a word of its own: "Wuhan University of Science and Technology", "Huazhong ..."
    if (own_a or own_b) and "university" in ta and "university" in tb:
        return False  # "University of Westbrook" and "Westbrook Spa University" are two universities
    inter = sum(1 for t in ta if has_word(tb, t))
    return inter / max(len(ta), len(tb)) >= 0.66
