"""Agreements on a government's own page, and agreements approved rather than signed.

* ``government_actor``: the government whose page this is (a province or city it names most, or the government
  whose own site it is), the side of agentless agreements "with A and B" on its page;
* ``government_body_signs``: "Cabinet has endorsed a memorandum with X": the government's own body signing for it;
* ``government_for_its_department``: "The X Department, Government of Telangana entered into MoUs with ...": a
  department with its government in apposition signs for the government (convention 2);
* ``is_approval`` / ``approval_date``: an agreement approved, not yet signed (convention 4), is dated by its own
  clause, a past date of its sentence, the meeting told just before, else the page's day; never by the signing
  still to come ("will be signed in May");
* ``noun_date``: the date written with one agreement of a list of signings.

Split out of ``agreements.py``, which calls them while it pairs a sentence's parties. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.names import Mention
from pipelines.extract.places import table_place

_APPROVALS = {"approve", "endorse", "ratify"}
# a government's own bodies that approve or sign for it on its page ("Cabinet has endorsed ...")
_OWN_BODIES = {"cabinet", "council", "government", "executive", "state", "meeting", "committee", "assembly"}


def _lemma_of(t) -> str:
    return t.lemma_.lower()


def noun_date(v: SentenceView, start: int, end: int) -> tuple[str | None, str | None]:
    """The first date written between ``start`` and ``end`` (an agreement of a list and the words up to the
    next one)."""
    return next(((d.value, d.precision) for d in v.dates if d.value and start <= d.start < end), (None, None))


def _past_date(v: SentenceView) -> tuple[str | None, str | None]:
    """The sentence's first date that no clause of what will be dates ("at its meeting held on 30 May, approved
    ..." but not "decided that it will be signed in May")."""
    for d in v.dates:
        if not d.value or d.kind in ("same_day", "dateline") or v.doc is None:
            continue
        toks = [t for t in v.doc if t.idx < d.end and t.idx + len(t) > d.start]
        t = toks[0] if toks else None
        for _ in range(6):
            if t is None or t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
        if t is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "would", "to")
                                 for c in t.children):
            continue
        return d.value, d.precision
    return None, None


def government_body_signs(events) -> bool:
    """The signing's subject is a body of the page's government, named by its kind ("Cabinet", "the Council")."""
    return any(e.kind == "sign" and e.verb is not None and any(
        c.dep_ == "nsubj" and c.lower_ in _OWN_BODIES and not any(g.pos_ == "PROPN" for g in c.children)
        for c in e.verb.children) for e in events)


# the officials of a government who sign for it: "The Minister for Natural Resources today signed agreements with A, B
# and C" on the state's page
_OWN_OFFICIALS = {"minister", "premier", "governor", "mayor", "secretary", "commissioner", "treasurer"}


def government_official_signs(events) -> bool:
    """The signing's subject is an official of the page's government named by title, no person's name ("The
    Minister for X", "the Premier"): the government signs (convention 2: a body acting for a party is that party)."""
    return any(e.kind == "sign" and e.verb is not None and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _OWN_OFFICIALS and not any(
            g.ent_type_ == "PERSON" or g.dep_ == "appos" for g in c.subtree)
        for c in e.verb.children) for e in events)


def government_actor(v: SentenceView) -> tuple[str, str] | None:
    """(name, level) of the government whose page this is (no university's page): a province or city it names
    most, or the government whose own site it is (``DocContext.publisher``: a state, a county)."""
    ctx = v.state.ctx
    actor = ctx.main_actor()
    if ctx.university or not actor:
        return None
    level = re.search(r" (Province|City|County|District|Prefecture|Borough)$", actor)
    if level and (actor == ctx.publisher or level.group(1) in ("Province", "City")):
        return actor, level.group(1)
    place = table_place(actor) if actor == ctx.publisher else None
    return (actor, place.level) if place is not None and place.level == "State" else None


# (a name of capitalised words, commas, "of", "and", "&" and a bracketed short form: never a clause before it)
_DEPARTMENT_OF = re.compile(r"(?:[Tt]he )?[A-Z][\w&'-]*(?:,? (?:[A-Z(][\w&'()-]*|of|and|for|&))*? "
                            r"(?:Department|Bureau|Directorate|Secretariat|Office), (?P<gov>(?:the )?Government of [A-Z])")
_DEPARTMENT_HEADS = {"department", "bureau", "office", "commission", "directorate", "secretariat", "agency"}


def government_for_its_department(v: SentenceView, events, parties: list[Mention]) -> list[Mention]:
    """"The Information Technology, Electronics & Communications Department, Government of Telangana entered into
    MoUs with ...": a department named with its government in apposition signs for that government (convention
    2), and the words of the department's name are no parties; so does one named with its ministry ("The Department of
    Water Resources, ..., Ministry of Jal Shakti, signed MoUs with ...")."""
    # (by the words too, where the parse lost the apposition: "Hyderabad: The X, Y & Z (XYZ) Department, Government
    # of Telangana entered into ...")
    for m in _DEPARTMENT_OF.finditer(v.clean):
        parties = [p for p in parties if not m.start() <= p.start < m.start("gov")]
    if v.doc is None:
        return parties
    for e in events:
        if e.verb is None:
            continue
        for subj in (c for c in e.verb.children if c.dep_ == "nsubj"):
            gov = next((a for x in (subj, *subj.conjuncts) for a in x.children if a.dep_ == "appos" and any(
                m.kind in ("government", "ministry") and m.start <= a.idx < m.end for m in v.mentions)), None)
            if gov is not None and any(x.lower_ in _DEPARTMENT_HEADS and x.i < gov.i for x in subj.subtree):
                start, end = subj.left_edge.idx, gov.left_edge.idx
                parties = [m for m in parties if not start <= m.start < end]
    return parties


def is_approval(events) -> bool:
    """Every event of the sentence is an approval ("approved", "endorsed", "ratified")."""
    return bool(events) and all(e.kind == "sign" and e.verb is not None and _lemma_of(e.verb) in _APPROVALS
                                for e in events)


def signing_ahead(e) -> bool:
    """The agreement is told only as to be signed ("A cooperation agreement with X has been finalised and is
    expected to be signed in August"): no event, though another verb of it stands (an MoU approved is one all the
    same, convention 4: ``is_approval``)."""
    from pipelines.extract.syntax import SIGN_VERBS, modal_or_wished

    if e.noun is None or e.verb is not None and _lemma_of(e.verb) in ("sign", "ink", "seal", "conclude", "execute") \
            or is_approval([e]):
        return False  # (a verb of its own that signs: the signing told; "finalised" agrees a text, no signing)
    for t in e.noun.doc:
        if _lemma_of(t) not in SIGN_VERBS or t.pos_ not in ("VERB", "AUX") or e.verb is not None and t.i == e.verb.i \
                or not modal_or_wished(t):
            continue
        h, subjects = t, []
        for _ in range(4):
            subjects += [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
            if h.dep_ not in ("xcomp", "conj", "ccomp") or h.head.i == h.i:
                break
            h = h.head
        subjects += [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(x.i == e.noun.i for x in subjects):
            return True
    return False


def approval_date(v: SentenceView, verb) -> tuple[str | None, str | None]:
    """The date of an agreement approved (not yet signed) in the minutes or release the page is: the approval's own
    clause, a past date of the sentence, the dated meeting told just before ("On April 16, the meeting was held.
    The meeting approved ..."), else the page's day ("approved the agreement ... and decided that it will be signed
    in May": May is the signing's, not the approval's)."""
    date, precision = v.date_of(verb, own_only=True)
    if date is None:
        date, precision = _past_date(v)
    prev = v.state.prev_date
    if date is None and prev and prev[1] >= v.sentence.index - 2:
        date, precision = prev[2], prev[3]
    if date is None and v.state.published:
        date, precision = v.state.published, {10: "day", 7: "month"}.get(len(v.state.published), "year")
    return date, precision
