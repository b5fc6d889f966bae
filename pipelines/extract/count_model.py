"""A learned second opinion on figures the count rules leave: features of a figure in its parsed sentence.

The count rules (``counts.py``) take a figure only when they know its unit and find no reason against it; on
pages of a new style many of the gold's figures are missed for want of a unit ("6 technology transfer offices").
Every figure the rules looked at is kept (``DocState.count_candidates``); this module describes one by the words
around it and its place in the parse, for a logistic model trained on the gold of the development sets
(``pipelines/training/count_model.py``). The model judges only the figures the rules left for want of a unit
(``JUDGED``): a figure they refuse for a reason of the conventions (a plan, an audience, a place's size, a
university's own patents) stays refused.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from pipelines.extract.count_parse import NO_SUBJECT, PLATFORM_SUBJECT, _implied_holder
from pipelines.extract.count_units import _COOPERATION_CUE, UNITS
from pipelines.extract.counts import count_fact, named_holder, trained_unit
from pipelines.extract.syntax import span_tokens

JUDGED = {"unit"}  # why the rules left a figure, for the figures the model may take (counts.py: cand["left"])
MODEL_FILE = Path(__file__).with_name("count_model.json")
_WORD = re.compile(r"[A-Za-z][\w'-]*|\d[\d,.]*|[:;()]")
_FUTURE = re.compile(r"\b(?:will|plans?|planned|aims?|aiming|targets?|goals?|expected|by (?:the end of )?20\d\d)\b", re.I)


def _verb_of(tok):
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def features(cand: dict) -> list[str]:
    """The figure's features: its counted noun, the words and the verb around it, the sentence's cues."""
    v, ns, ne, head = cand["v"], cand["ns"], cand["ne"], cand["head"]
    s = v.clean
    out = ["bias"]
    before = [w.lower() for w in _WORD.findall(s[max(0, ns - 40):ns])][-3:]
    after = [w.lower() for w in _WORD.findall(s[ne:ne + 60])][:4]
    out += [f"b1={before[-1]}" if before else "b1=<s>"]
    out += [f"b:{w}" for w in before]
    out += [f"a1={after[0]}" if after else "a1=</s>"]
    out += [f"a:{w}" for w in after]
    if after and after[0] in UNITS:
        out.append(f"a1unit={UNITS[after[0]]}")
    toks = span_tokens(v, ns, ne)
    n = toks[-1] if toks else None
    if head is not None:
        out += [f"head={head.lemma_.lower()}", f"headunit={UNITS.get(head.lower_, 'none')}", f"hdep={head.dep_}"]
        if head.dep_ == "pobj":
            out.append(f"prep={head.head.lower_}")
        x = head
    else:
        out.append("nohead")
        x = n
    if n is not None:
        out += [f"ndep={n.dep_}", f"ent={n.ent_type_ or 'none'}"]
    verb = _verb_of(x) if x is not None else None
    if verb is not None:
        out.append(f"verb={verb.lemma_.lower()}")
        if any(c.lower_ in ("will", "shall", "would", "could", "may", "should") for c in verb.children):
            out.append("modal")
    else:
        out.append("noverb")
    value = cand["value"]
    out.append(f"mag={min(6, int(math.log10(max(1, value))))}")
    if cand["qual"]:
        out.append("qual")
    if s[ns:ne][:1].isalpha():
        out.append("word_number")
    if _COOPERATION_CUE.search(s):
        out.append("coop_cue")
    if _FUTURE.search(s):
        out.append("future_cue")
    if any(m.kind == "university" for m in v.mentions):
        out.append("uni_mention")
    if re.search(r":\s*(?:\w+\s+){0,2}$", s[:ns]) or re.match(r"\s*$", s[ne:]):
        out.append("label_row")
    if "|" in s:
        out.append("table_row")
    return out


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    """The trained model ({"weights": {feature: w}, "units": {unit: {feature: w}}, "threshold": t, ...}); None
    before training."""
    if not MODEL_FILE.exists():
        return None
    return json.loads(MODEL_FILE.read_text())


def probability(feats: list[str], model: dict) -> float:
    """The model's probability that the figure is a count the gold would list."""
    w = model["weights"]
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def unit_of(feats: list[str], model: dict) -> str:
    """The most likely unit of a figure (the unit model: one score per unit, the highest wins)."""
    units = model.get("units") or {"other": {}}
    return max(units, key=lambda u: (sum(units[u].get(f, 0.0) for f in feats), u))


def extra_counts(candidates: list[dict], views: set[int]) -> list[dict]:
    """Counts for the figures the rules left for want of a unit that the model takes (probability at least its
    threshold), from sentences whose counts stand (``views``: ids of the views whose facts were kept)."""
    model = load_model()
    if model is None:
        return []
    out = []
    for c in candidates:
        v = c["v"]
        feats = features(c) if c["left"] in JUDGED and id(v) in views else None
        if feats is None or probability(feats, model) < model["threshold"]:
            continue
        ns, ne, head, role = c["ns"], c["ne"], c["head"], c["role"]
        # (as the rules do: the clause's holder, else the one the page implies, unless "the two sides")
        subject = named_holder(v, ns, role) or (None if role == NO_SUBJECT else _implied_holder(v))
        if subject and subject.startswith(PLATFORM_SUBJECT):
            subject = v.state.ctx.main_actor()
        # (measured: better than the rules' noun table even for its own nouns; people trained are trainees, as the
        # rules say)
        unit = trained_unit(v.clean, ns, unit_of(feats, model))
        fact = count_fact(v.clean, ns, ne, c["value"], c["qual"], unit, subject, head,
                          {head.lower_} if head is not None else ())
        out.append(fact | {"_ev": v.sentence, "_model": True})
    return out
