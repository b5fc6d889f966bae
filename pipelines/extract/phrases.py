"""Which tokens and mentions of a parsed sentence a role phrase covers: the phrase of a role's head word
(without clauses, place phrases or conjuncts of its own), its character span, and the mentions inside it.

Split out of ``syntax.py`` (which re-exports these); used by the agreement, funding, count and platform rules.
Plain Python, no Dagster.
"""

from __future__ import annotations

_DROP_CHILD_DEPS = {"relcl", "acl", "advcl", "parataxis", "punct", "cc"}
_KEEP_PREPS = {"of", "for", "on"}
# people who act for a place or body: "officials from Guangxi" act for Guangxi (re-exported by ``syntax``)
ENVOYS = {"delegate", "delegation", "official", "leader", "representative", "envoy", "team"}


_OWNED_BODIES = {"subsidiary", "unit", "arm", "affiliate", "division", "branch", "company", "firm"}


def phrase_tokens(head) -> set[int]:
    """Token indices of a role phrase: the head's subtree without clauses, place/time phrases or conjuncts
    of its own (those are roles of their own)."""
    keep: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        keep.add(t.i)
        for c in t.children:
            if c.dep_ in _DROP_CHILD_DEPS:
                if not (c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head", "represent")):
                    continue
            if c.dep_ == "prep" and c.lower_ not in _KEEP_PREPS and not (c.lower_ == "from" and (
                    t.lemma_.lower() in ENVOYS or t.ent_type_ == "PERSON")):
                continue  # (but "officials from Guangxi" act for Guangxi, "Professor Li from X School" for X)
            if c.dep_ == "appos" and any(g.dep_ == "prep" and g.lower_ in ("in", "at") for g in c.children):
                continue
            # "KSUM, the nodal agency of the Government of Kerala": a description of what the body is, whose
            # bodies are its parents, not more of the role
            # (or a body's owner: "KUKA Robotics Guangdong Co., Ltd., Midea's robotics subsidiary"; not a signatory's
            # employer: "FAPESP's scientific director, Suzano's vice-president")
            if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > t.i and any(
                    g.dep_ == "det" and g.lower_ in ("a", "an", "the") or g.dep_ == "poss" and g.pos_ == "PROPN"
                    and c.lemma_.lower() in _OWNED_BODIES for g in c.children):
                continue
            stack.append(c)
    return keep


def role_char_spans(doc, heads) -> list[tuple[int, int, set[int]]]:
    """For each role head: (start char, end char, token set) of its phrase."""
    out = []
    for h in heads:
        toks = phrase_tokens(h)
        start = min(doc[i].idx for i in toks)
        end = max(doc[i].idx + len(doc[i]) for i in toks)
        out.append((start, end, toks))
    return out


def tokens_in(doc, start: int, end: int) -> list[int]:
    return [t.i for t in doc if t.idx < end and t.idx + len(t) > start]


def span_tokens(v, start: int, end: int) -> list:
    """The parsed tokens of a sentence view that overlap characters [start, end) ([] without a parse)."""
    return [] if v.doc is None else [t for t in v.doc if t.idx < end and t.idx + len(t) > start]


def mentions_in_phrase(v, head) -> list:
    """The mentions of a sentence view that lie inside the phrase of ``head`` (more than half of each mention's
    tokens), in text order; one test for funding's givers and receivers and for the holders of counts."""
    toks = phrase_tokens(head)
    out = []
    for m in v.mentions:
        mt = tokens_in(v.doc, m.start, m.end)
        if mt and sum(1 for i in mt if i in toks) * 2 > len(mt):
            out.append(m)
    return out
