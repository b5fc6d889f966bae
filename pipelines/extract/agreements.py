"""Agreement facts: a university and a partner agree to cooperate.

A sentence states an agreement when it has

* a signing verb with an agreement noun ("signed a strategic cooperation
  agreement", "inked cooperation construction plan", "an MOU was approved",
  "reached the ... cooperation strategy"), a "signing ceremony", or "an
  agreement between A and B";
* or a standing cooperation stated as such ("established a partnership
  with", "carried out industry-university-research cooperation", "launched
  all-round cooperation with", "under the cooperation between A and B",
  "under the agreement, A donated ... with B");

and no wish, visit or talk governs it ("hoped to sign", "will seek",
"expressed the intention", "reached their agreement in the further
cooperation" = consensus in talks).

Parties: the bodies named "between A and B"; else the subject group (the
comma segment before the verb) and the object group (after "with", or after
the verb: "to jointly develop Xiangtan University"). Universities (and
research academies) form the university side, the others the partner side;
"the university", "the province", "the two sides" resolve from the page.
Enumerations ("with local governments of A, B and C cities of P Province; D
city of Q Province", "the counties of A, B and C", "cities such as A, B")
give one partner each.

Sentences that refer back to the page (a list continued, a co-construction's universities named next, money
"under the agreement", "the two sides") are read by ``agreement_refs``; who the parties are (role phrases, lists,
signers left unnamed) by ``agreement_parties``; which side each is on, and a side the sentence leaves to the page, by
``agreement_sides``; the page-level merge and dating by ``agreement_merge``; this
module re-exports what callers use.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.names import LEVELS, Mention, gov_name, partner_type, place_name, same_entity
from pipelines.extract.syntax import find_events, onlooker_spans, own_year
from pipelines.extract.agreement_types import agreement_type, with_partner  # (agreement_type: also re-exported)
from pipelines.extract.agreement_pairs import gapped_pairs, joined_years, own_dates
from pipelines.extract.agreement_rows import (
    card_row, colon_row, recalled_signing, dated_cell_row, lead_row, name_year_row, note_agreement_heading, note_card, note_partner_list, note_signing_day, note_signing_lead, partner_row, record_row,
)
from pipelines.extract.agreement_parties import (
    acting_for, bracketed_aliases, independent_institute, joint_named_sides, set_up_bodies, stated_party_count,
    university_town, _agentless_passive, _between, _clause_text, _continue_lists, _drop_parent_places,
    _listed_universities, _lone_company, _own_subjects, _pronoun_signers, _strong_org, _syntax_parties, _two_sided,
)
from pipelines.extract.agreement_governments import (
    approval_date, government_for_its_department, is_approval, noun_date,
    signing_ahead,
)
from pipelines.extract.agreement_sides import _brand, fill_sides, sort_sides
from pipelines.extract.agreement_refs import (  # noqa: F401 (from_funding: re-exported)
    _DEFINITE_AGREEMENT, _LIST_CONTINUES, _coconstructed, _continued_list, _note_pair,
    earlier_signing, from_funding, joined_signers, note_counted_signing, note_partners_lead, note_signed_on, ordinal_row,
    partners_lead_row,
)

_SIGN = r"(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|conclud(?:e|es|ed)|enter(?:s|ed)? into|approv(?:e|es|ed)|renew(?:s|ed)?|reach(?:es|ed)?|formali[sz](?:e|es|ed)|drawn up and signed)"
_DOC = (r"(?:agreements?|memorand(?:um|a)(?: of (?:understanding|agreement|cooperation))?|mous?|moas?|contracts?|deeds?|"
        r"framework|protocols?|letters? of intent|(?:working |cooperation )program(?:me)?s?|plans?|"
        r"cooperation strategy|[\w-]+ strategy|accord)")
STRONG = re.compile(
    rf"\b{_SIGN}\b(?:\s+[\w,'\"-]+){{0,12}}?\s+{_DOC}\b|\b{_DOC}\b(?:\s+[\w,'\"-]+){{0,10}}?\s+(?:was|were|been|being|is|are)?\s*(?:jointly\s+)?"
    rf"(?:signed|inked|concluded|approved|renewed)\b|\bsign(?:s|ed)? (?:the |a |an )?\"[^\"]+\"|\bsigning (?:ceremony|of)\b|\b(?:agreement|memorandum|mou)\b(?:\s+[\w-]+){{0,8}}?\s+between\b",
    re.I)
STANDING = re.compile(
    r"\b(?:established|set up|built|forged|formed|launched|carried out|started|began)\s+(?:an?\s+|the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,4}(?:cooperation|partnerships?|cooperative relationships?|relationship|alliance|collaboration)\b"
    r"|\bcooperation(?:\s+[\w-]+){0,2}\s+launched\b"
    r"|\b(?:under|covered by|part of|within) the (?:\w+ )?cooperation between\b"
    r"|^(?:under|according to) the (?:new |cooperation |strategic |above )?agreement\b", re.I)
# "inked a deal with", "sealed a partnership", "struck a deal", "entered into a partnership", "a deal was
# signed": a deal or partnership concluded. "deal" as a verb ("to deal with problems", "will deal with")
# and "a great/good deal of" are not deals.
_DEAL_VERB = (r"(?:sign(?:s|ed|ing)?|ink(?:s|ed|ing)?|seal(?:s|ed|ing)?|str(?:ike|ikes|uck|iking)|"
              r"clinch(?:es|ed|ing)?|cut|reach(?:es|ed)?(?!\s+out\b)|enter(?:s|ed)? into|forg(?:e|es|ed))")
_DEAL_NOUN = r"(?:(?<!\bto )(?<!\bwill )(?<!\bgreat )(?<!\bgood )deals?\b(?!\s+of\b)|partnerships?\b)"
DEAL = re.compile(
    rf"\b{_DEAL_VERB}\s+(?:[\w'-]+\s+){{0,5}}?{_DEAL_NOUN}"
    r"|\b(?:deal|partnership)s?\s+(?:was|were|has been|have been|had been|is|are)\s+(?:\w+\s+)?"
    r"(?:signed|inked|sealed|struck|clinched|reached)\b", re.I)
WISH = re.compile(
    r"\b(?:hope[sd]?|hoping|wish(?:es|ed)?|will seek|seek(?:s|ing)?|expect(?:s|ed|ation|ations)?|look(?:s|ed|ing)? forward|"
    r"intend(?:s|ed)?|intention|would like|propos(?:e|ed|al)|discuss(?:ed|es|ion|ions)?|visit(?:s|ed|ing)?|"
    r"symposium|talks|forum|seminar|confidence|will make|may|might|could|should|suggest(?:s|ed)?|call(?:s|ed)? for|"
    r"plan(?:s|ned)? to|aim(?:s|ed)? to|will cooperate|will strengthen|will deepen|will promote|encouraged)\b", re.I)
WISH_SIGN = re.compile(
    r"\b(?:hope[sd]? to|will|plan(?:s|ned)? to|expect(?:s|ed)? to|intend(?:s|ed)? to|would|wish(?:es)? to|look(?:s|ed)? forward to|"
    r"is to|are to|to be)\s+(?:\w+\s+){0,2}(?:sign|ink|seal|strike|clinch|enter into)", re.I)
CONSENSUS = re.compile(r"\breach(?:ed|es)?\s+(?:an?\s+|their\s+|the\s+)?(?:agreement|consensus)\s+(?:in|on|about|for|that)\b", re.I)
NEGATED = re.compile(r"\b(?:not|never|no|yet to|failed to)\s+(?:\w+\s+)?(?:sign|agreement)", re.I)

_ENUM_AFTER = re.compile(
    r"(?P<names>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?:(?:, | and |, and )[A-Z][\w'-]*(?: [A-Z][\w'-]*)?)+) "
    r"(?P<level>cities|counties|districts|provinces|prefectures)(?: of (?:the )?(?P<prov>[A-Z][\w'-]*(?: [A-Z][\w'-]*)*?) (?:Province|Autonomous Region))?")
_ENUM_BEFORE = re.compile(
    r"\b(?P<level>cities|counties|districts|provinces|prefectures)(?: and (?:cities|counties|districts|provinces))?"
    r"(?: (?:such as|including|like|of|namely)| ,)? (?P<names>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?(?:(?:, | and |, and )[A-Z][\w'-]*(?: [A-Z][\w'-]*)?)+)")
# a word that makes a date a start or an end ("which will teach from September 2025")
_BOUND_BEFORE = re.compile(r"\b(?:from|starting(?: in| from)?|beginning(?: in)?|until|through|till|by|as of)\s+$", re.I)


def _after_page(date: str | None, published: str | None) -> bool:
    """``date`` is later than the page's publication, compared at the coarser of their precisions."""
    n = min(len(date or ""), len(published or ""))
    return bool(n) and date[:n] > published[:n]


def is_agreement_sentence(v: SentenceView) -> bool:
    s = v.clean
    if CONSENSUS.search(s) or NEGATED.search(s):
        return False
    strong = STRONG.search(s) or DEAL.search(s)
    if strong:
        if WISH_SIGN.search(s):
            return False
        return True
    if STANDING.search(s):
        return not WISH.search(s)
    return False


def _enumerated(v: SentenceView) -> list[Mention]:
    """Governments listed with a shared level word; they replace overlapping mentions."""
    s = v.clean
    out: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for pat in (_ENUM_AFTER, _ENUM_BEFORE):
        for m in pat.finditer(s):
            spans.append(m.span())
            level = LEVELS[m.group("level").lower()]
            prov = m.groupdict().get("prov")
            names_start = m.start("names")
            for nm in re.finditer(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", m.group("names")):
                raw = nm.group()
                if raw.lower() in ("and",):
                    continue
                st = names_start + nm.start()
                out.append(Mention(st, st + len(raw), raw, gov_name(raw, level), "government", level=level,
                                   province=place_name(prov) if prov else None, extra={"enumerated": True}))
    return out, spans


def _segments_before(s: str, pos: int, mentions: list[Mention]) -> list[Mention]:
    """Party mentions of the last comma segment before pos that has any (commas inside names ignored)."""
    before = [m for m in mentions if m.end <= pos]
    if not before:
        return []
    cuts = [0]
    for c in re.finditer(r",|;", s[:pos]):
        if not any(m.start <= c.start() < m.end for m in mentions):
            cuts.append(c.end())
    cuts.append(pos)
    for i in range(len(cuts) - 1, 0, -1):
        seg = [m for m in before if m.start >= cuts[i - 1] and m.end <= cuts[i]]
        # (a research institute of its own signs too: "A University and the Fraunhofer Institute for X have ...")
        party = [m for m in seg if m.party or independent_institute(m)]
        if party:
            # "Zhejiang University, Hangzhou ink pact": earlier segments that are each one party alone are
            # coordinated with it (a headline's comma is an "and")
            for j in range(i - 1, 0, -1):
                alone = [m for m in before if m.party and m.start >= cuts[j - 1] and m.end <= cuts[j]]
                if len(alone) != 1 or s[cuts[j - 1]:cuts[j]].strip(" ,;") != s[alone[0].start:alone[0].end]:
                    break
                party = alone + party
            return party
    return []


def _trigger_pos(s: str) -> int | None:
    m = re.search(rf"\b(?:{_SIGN}|established|set up|carried out|launched|built|forged|formed|started|began|held|"
                  r"voted|concluded|will cooperate|cooperated|seal(?:s|ed)?|str(?:uck|ikes?)|clinch(?:es|ed)?)\b", s, re.I)
    return m.start() if m else None


def _reported_clause(v: SentenceView, trigger: int, with_at: int) -> int | None:
    """Where a clause of saying starts when the "with" at ``with_at`` hangs on it rather than on the signing verb at
    ``trigger`` ("..., and council officers say it has since become the template for work with C"), else None."""
    doc = v.doc
    if doc is None:
        return None
    w = next((tok for tok in doc if tok.idx == with_at), None)
    if w is None:
        return None
    x = w
    for _ in range(12):
        if x.head.i == x.i or x.idx <= trigger:
            return None
        x = x.head
        if x.pos_ == "VERB" and x.lemma_.lower() in ("say", "state", "add", "note", "tell", "believe", "think"):
            subjects = [c.left_edge.idx for c in x.children if c.dep_ in ("nsubj", "nsubjpass")]
            return min(subjects + [x.idx])
    return None


_AT_PLACE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?:[\w-]+(?:'s|\u2019s)\s+)?$", re.I)


def _party_like(m: Mention, s: str = "") -> bool:
    """A party by its kind, or a research institute of its own ("KERI", the Korea Electrotechnology Research
    Institute) the positional reading lists with the parties; not one a preposition other than "with" or "between"
    governs ("agreement on the X Innovation Center", "founded as X Institute of Technology": a topic, a former name)."""
    return m.party or independent_institute(m) and not re.search(
        r"\b(?:on|for|as|of|about|regarding|in|at|to|from|under)\s+(?:the\s+|a\s+|an\s+)?$"
        r"|\b(?:its|their|our|his|her)\s+(?:[a-z-]+\s+)?$|\($", s[:m.start], re.I)  # ("its twelfth X Institute (XI)")


def _parties(v: SentenceView, mentions: list[Mention], enumerated: bool = False) -> list[Mention]:
    s = v.clean
    b = re.search(r"\bbetween\b", s)
    if b:
        after = [m for m in mentions if m.start > b.end() and _party_like(m, s)]
        if after:
            return after[:4]
    t = _trigger_pos(s)
    if t is None:
        return [m for m in mentions if _party_like(m, s)]
    subj = _segments_before(s, t, mentions)
    w = re.search(r"\bwith\b", s[t:])
    clause_end = len(s)
    later = _reported_clause(v, t, t + w.start()) if w else None
    if later is not None:
        # "A and B first signed an agreement in 2019, and officers say it has since become the template for work
        # with C": a "with" of a later clause of saying names no side of the signing, nor does anything after it
        w, clause_end = None, later
    obj: list[Mention] = []
    if w:
        wpos = t + w.end()
        obj = [m for m in mentions if m.start >= wpos and _party_like(m, s)]
        # stop the object list at the first clause break after its first mention
        if obj:
            stop = re.search((r"" if enumerated else r";|") + r", (?:which|who|enhancing|aiming|to)\b| to \w+ (?!the development)| on (?!behalf)| in order", s[obj[0].end:])
            if stop:
                limit = obj[0].end + stop.start()
                obj = [m for m in obj if m.start < limit] + [m for m in obj if m.start >= limit and m.kind == "university"
                                                             and re.search(r"jointly (?:develop|support|build)", s[limit:m.start])]
        between_sw = [m for m in mentions if t < m.start < wpos and _party_like(m, s)]
        obj = between_sw + obj
    else:
        obj = [m for m in mentions if t < m.start < clause_end and _party_like(m, s)]
    # (a body that only says where the signing was is no side: "was signed Monday at the company's Burlington Street
    # East offices")
    obj = [m for m in obj if m.kind == "university" or not _AT_PLACE.search(s[max(0, m.start - 40):m.start])]
    # "to jointly develop X University" / "support the development of X University"
    for m in mentions:
        if m.kind == "university" and m not in obj and re.search(r"(?:develop|support|build)(?: the development of)?\s+$", s[:m.start]):
            obj.append(m)
    subj = [m for m in subj if m.kind != "org" or _strong_org(m) or _lone_company(s, m)]
    parties = subj + obj
    return _drop_parent_places(s, parties, mentions)




def extract(v: SentenceView) -> list[dict]:
    if _shouted(v.clean):
        return []  # (nor does it lead rows or date the page's signings)
    facts = _respectively(v, _extract(v))
    if not facts and v.doc is not None:
        facts = record_row(v) or partner_row(v) or lead_row(v) or colon_row(v) or name_year_row(v) or card_row(v) \
            or joined_signers(v) or ordinal_row(v) or dated_cell_row(v) or partners_lead_row(v)
    note_counted_signing(v)
    note_card(v)
    note_partner_list(v)
    note_agreement_heading(v)
    if not facts:
        note_signing_lead(v)
        note_partners_lead(v)
    if not facts and v.doc is not None:
        note_signing_day(v)
    return facts


def _respectively(v: SentenceView, facts: list[dict]) -> list[dict]:
    """ "signed agreements with A and B in April and July respectively": the dates go to the sides in their order."""
    at = re.search(r"\brespectively\b", v.clean)
    if at is None or len(facts) < 2:
        return facts
    dates = [d for d in v.dates if d.value and d.end <= at.start() and d.kind not in ("same_day", "dateline")]
    sides = [f["partner"] if len({g["university"] for g in facts}) == 1 else f["university"] for f in facts]
    if len(dates) != len(facts) or len(set(sides)) != len(facts):
        return facts

    def place(name: str) -> int:
        return next((m.start for m in v.mentions if v.resolve(m)[0] == name), len(v.clean))

    for f, d in zip(sorted(facts, key=lambda f: place(f["partner"] if f["partner"] in sides else f["university"])),
                    sorted(dates, key=lambda d: d.start)):
        f["date"], f["date_precision"] = d.value, d.precision
    return facts


def _shouted(s: str) -> bool:
    """A line in capitals ("STATE INKS FIVE MoUs WITH PAU, IIT ROPAR AND GNDU"): a headline whose names are not
    written as the body writes them (no case to tell a name from a word); the body tells the same signings."""
    words = re.findall(r"[A-Za-z]{2,}", s)
    return len(words) >= 5 and sum(w.isupper() for w in words) >= 0.8 * len(words)


_SISTER_PLACES = re.compile(r"\b(?:sister|twin|friendship)[- ](?:city|cities|state|states|province|provinces|prefectures?|"
                            r"regions?|relationship)\b|\btwinning\b", re.I)


_FOR_THE_SIDES = re.compile(r"\bon behalf of (?:the |their |both )?(?:(?:two|three|four|five|six|both|all|respective) )+"
                            r"(?:sides|parties|units|institutions|signatories)\b", re.I)


def _extract(v: SentenceView) -> list[dict]:
    s = v.clean
    _note_pair(v)
    if v.state.last_list is not None and v.state.last_list[0] == v.sentence.index - 1 and _LIST_CONTINUES.match(s):
        return _continued_list(v)
    events = find_events(v.doc) if v.doc is not None else []
    events = [e for e in events if not signing_ahead(e)]
    if _SISTER_PLACES.search(s) and not any(v.resolve(m)[1] == "university" for m in v.mentions):
        return []  # "Saitama sister-state agreement renewed": two governments' twinning, no university's
    behalf = _FOR_THE_SIDES.search(s)
    if behalf and v.doc is not None and any(e.label_ == "PERSON" and e.end_char <= behalf.start() for e in v.doc.ents):
        # "Deputy district mayor Zhou Hao, Gao Yuan, deputy dean of X, and Hu Bin signed the agreement on behalf of
        # the three parties": the signatories of a signing the page told before; their units are no parties
        return []
    pending = v.state.pending_coconstruction
    if pending is not None and 0 < v.sentence.index - pending[0] <= 2 and _DEFINITE_AGREEMENT.search(s):
        return _coconstructed(v, pending)
    group = v.state.pending_group
    if group is not None and 0 < v.sentence.index - group[0] <= 15 and not events:
        listed = _listed_universities(v)
        if listed:  # one item of the list of the group's universities
            return [{"date": group[2], "date_precision": group[3], "university": u, "partner": pname,
                     "partner_type": partner_type(m), "agreement_type": group[4], "partner_province": m.province,
                     "_enumerated": True} for u in listed for m, pname in group[1]]
    if not events:
        return earlier_signing(v)
    if _tally(v, events):
        return []
    original = _first_signed(v, events)
    if original is not None:
        # (the first signing a renewal recalls is told by the renewal's facts, not as a signing of its own)
        events = [e for e in events if e.verb is None or e.verb.i != original[0].i]
    listed = [e for e in events if e.kind == "listed"]
    if listed and len(listed) == len(events):
        # each agreement of a list of signings, dated by its own words ("... with B on 19 September")
        facts = []
        listed.sort(key=lambda e: e.noun.i)
        starts = [e.noun.left_edge.idx for e in listed] + [len(s)]
        for i, e in enumerate(listed):
            for f in _from_events(v, [e], s):
                own = noun_date(v, starts[i], starts[i + 1])
                if own[0] or i:  # (the first may take the sentence's date; a later one only its own)
                    f["date"], f["date_precision"] = own
                facts.append(f)
        return facts
    betweens = [e for e in events if e.kind in ("sign", "noun") and e.noun is not None and _between(e)]
    if len(betweens) >= 2 and len(betweens) == len(events) and len({e.noun.i for e in betweens}) == len(betweens):
        # "the agreement between A and B and the agreement between A and C": each names its own sides
        return [f for e in betweens for f in _from_events(v, [e], s)]
    signs = [e for e in events if e.kind == "sign" and e.verb is not None]
    if len(signs) >= 2 and len(signs) == len(events) and _own_subjects(signs):
        # "the city signed agreements with A and B, and the zone signed agreements with C and D": each signing
        # pairs its own subject with its own partners, and its own words say what kind of agreement it is
        return [f for e in signs for f in _from_events(v, [e], _clause_text(e, signs))]
    facts = _from_events(v, events, s)
    renewed = _renewed_on(v, events)
    if renewed is not None:
        # "Its founding agreement was signed in December 2013 and renewed in 2019": the signing and its renewal,
        # one row each (as a renewal that recalls the first signing gives)
        facts += [{**f, "date": renewed[0], "date_precision": renewed[1]} for f in facts if f["date"] != renewed[0]]
    return facts


_TALLY = re.compile(r"\b(?:since|so far|to date|in total|altogether|alone|cumulatively)\b", re.I)


def _tally(v: SentenceView, events: list) -> bool:
    """Signings told by their number over a stretch of time ("has signed 11 MoUs with IIT-M since 2021", "has so far
    signed 63 MoUs with ...", "signed 63 agreements with companies in 2023 alone"): a tally (a count), no agreement of
    its own."""
    signs = [e for e in events if e.kind == "sign" and e.noun is not None]
    return bool(signs) and len(signs) == len(events) and bool(_TALLY.search(v.clean)) and all(
        any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1") for c in e.noun.children) for e in signs)


def _renewed_on(v: SentenceView, events: list) -> tuple[str, str] | None:
    """The date of a renewal coordinated with the signing of the same document, each verb with a date of its own
    ("was signed in December 2013 and renewed in 2019"), or None."""
    for e in events:
        verb = e.verb
        if e.kind != "sign" or verb is None or verb.lemma_.lower() not in ("renew", "extend") or verb.dep_ != "conj":
            continue
        first = next((x for x in events if x.verb is not None and x.verb.i == verb.head.i and x.noun is not None
                      and e.noun is not None and x.noun.i == e.noun.i), None)
        if first is None:
            continue
        own, theirs = v.date_of(verb, own_only=True), v.date_of(first.verb, own_only=True)
        if own[0] and theirs[0] and own[0] != theirs[0]:
            return own
    for e in events:
        # "The two sides first signed a strategic cooperation agreement in October 2012 and renewed it in 2017": a
        # renewal of the same document by a pronoun, a verb coordinated with the signing's
        if e.kind != "sign" or e.verb is None:
            continue
        for c in e.verb.children:
            if c.dep_ == "conj" and c.lemma_.lower() in ("renew", "extend") and any(
                    o.dep_ == "dobj" and o.lower_ in ("it", "them") for o in c.children):
                own, theirs = v.date_of(c, own_only=True), v.date_of(e.verb, own_only=True)
                if own[0] and theirs[0] and own[0] != theirs[0]:
                    return own
    return None


def _from_events(v: SentenceView, events: list, type_text: str) -> list[dict]:
    s = v.clean
    mentions = list(v.mentions)
    enum, spans = _enumerated(v)
    if enum:
        mentions = [m for m in mentions if not any(m.start < e and a < m.end for a, e in spans)] + enum
        mentions.sort(key=lambda m: m.start)
    joint = joint_named_sides(v, events, mentions)
    if joint:
        mentions = sorted(mentions + joint, key=lambda m: m.start)
    parties = _syntax_parties(v, mentions, events)
    if parties is None:
        # no role phrase at all (a headline without verb, a parse that lost the clause): read by position
        parties = _parties(v, mentions, bool(enum))
    elif not parties:
        if not any(e.kind in ("sign", "ceremony") for e in events):
            return []  # a cooperation whose roles name no organisation ("between educational institutions and ...")
        # a signing whose role phrases the parse misplaced: read by position (the bodies of a clause of another verb
        # joined to it too: leaving them out, "has signed agreements with 14 provinces, and has built platforms with
        # 200 enterprises, among them A, B and C", lowered tune29, whose gold takes such lists for partnerships)
        parties = _parties(v, mentions, bool(enum))
    elif not _two_sided(v, parties):
        # the parse found one side only (a misparsed subject, a heading without verb): the positional
        # reading of the sentence supplies the other side
        resolved = [v.resolve(m) for m in parties]
        have_uni = any(k == "university" for _, k in resolved)
        if all(k == "enterprise" for _, k in resolved) and len({n for n, _ in resolved}) >= 2 \
                and all(e.kind == "sign" for e in events) and not _agentless_passive(events):
            return []  # "Haier Smart Home and Siemens signed a memorandum, and ... held talks with X University"
        extra = [m for m in _parties(v, mentions, bool(enum))
                 if m not in parties and (v.resolve(m)[1] == "university") != have_uni]
        parties = sorted(parties + extra, key=lambda m: m.start)
    parties = _own_clause(v, events, parties)
    parties = _continue_lists(s, parties, mentions, spans)
    if stated_party_count(s) != len(parties):
        # ("the city of Pohang, North Gyeongsang Province and POSCO signed a four-way agreement": four parties
        # said, four named; no province there only says where the city lies)
        parties = _drop_parent_places(s, parties, mentions)
    stated = stated_party_count(s)
    if stated is not None and len({v.resolve(m)[0] for m in parties}) > stated:
        # "a tripartite MoU between IIT Guwahati, Assam Agricultural University (AAU), Jorhat and the Directorate of
        # Agriculture": three said, four read; a one-word name after a university and its comma is its town
        parties = [m for m in parties if not university_town(s, m, parties)]
    parties = government_for_its_department(v, events, parties)
    parties = bracketed_aliases(s, set_up_bodies(v, acting_for(v, parties, mentions)))
    watching = onlooker_spans(v.doc)
    parties = [m for m in parties if not any(a <= m.start and m.end <= b for a, b in watching)]
    for a, b in watching:
        s = s[:a] + " " * (b - a) + s[b:]  # (nor is "the University" an onlooker's: "which the University's ... witnessed")
    unis, partners = sort_sides(v, events, parties, s)
    sides = fill_sides(v, events, parties, s, unis, partners)
    if sides is None:
        return []
    unis, partners, uni_pairs = sides
    academies = [u for u in unis if _ACADEMY_SIDE.search(u) and "Universit" not in u] if stated is not None else []
    if academies and len(academies) < len(unis):
        # "a four-party agreement was signed by X University, the district government, the Y Academy of Sciences and
        # Z Group": in one agreement of several parties the academy is a partner of the university, no university
        # side of its own (facts.md: a research academy is the university side where no university signs; "Jinan
        # signed agreements with X University and the Y Academy" is one with each)
        unis = [u for u in unis if u not in academies]
    # the date of the signing's own clause ("opened a centre in 2005 after signing an agreement in 2002")
    verb = next((e.verb for e in events if e.kind == "sign" and e.verb is not None), None)
    date, precision = v.date_of(verb)
    if date and verb is not None and verb.tag_ in ("VBD", "VBN") and _after_page(date, v.state.published) and any(
            d.value == date and _BOUND_BEFORE.search(s[max(0, d.start - 16):d.start]) for d in v.dates):
        # "signed an agreement on opening a branch, which will teach from September 2025" on a page of 2024: a
        # signing told in the past is no later than its page; a later date that starts or ends something is what
        # the agreement provides for
        date, precision = v.date_of(verb, own_only=True)
        if _after_page(date, v.state.published):
            date, precision = None, None
    year = next((own_year(e.noun) for e in events if e.noun is not None and own_year(e.noun)), None)
    if verb is None and year and (v.state.published or "9999") >= year:
        # an agreement the phrase dates itself, with no signing verb ("under its 2021 framework agreement with X",
        # "builds on the cooperation agreement of 2018 between A and B"): that year
        date, precision = year, "year"
    if is_approval(events):
        date, precision = approval_date(v, verb)
    original = _first_signed(v, events)
    if original is not None:
        # "renewed its agreement with X, first signed in 2019": the renewal is dated by the rest of the sentence
        # (else by the page's signing), and the first signing is a row of its own
        date, precision = original[2] or ((date, precision) if is_approval(events) else (None, None))
    atype = agreement_type(type_text)
    if atype == "other" and any(e.kind == "coconstruct" for e in events):
        # "HUST is jointly built by the Ministry of Education, Hubei Province and Wuhan City under an agreement signed
        # in 2017": the agreement a co-construction is under is a co-construction one (convention 1), dated by its
        # signing
        atype = "co_construction"
    if date and any(e.kind in ("sign", "ceremony") for e in events) and not v.tally_start(date) and not (
            verb is not None and recalled_signing(verb)):
        # ("It may be recalled that the Government had signed an MoU with X in August 2022": the past perfect
        # recalls history, no day of the page's own signing)
        v.state.sign_dates.append((date, precision))
    prev = v.state.prev_date
    if date is None and prev and prev[0] == v.sentence.block and prev[1] == v.sentence.index - 1 \
            and any(e.kind in ("sign", "ceremony") for e in events):
        # a story told in order: "In the autumn of that year a delegation came. A plan was signed by ...": the
        # signing the next sentence tells without a date happened then (not the page's signing: told, not dated)
        date, precision = prev[2], prev[3]
    # a partnership that "has been established" / "have cooperated" states a standing state, not a dated
    # signing: an undated one keeps no date from the page's signing
    # ("have formed a new partnership" is news of the page's day)
    # ("has had an agreement since 2022" is dated by its start)
    undated = all(e.kind == "standing" and e.verb is not None and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in e.verb.children) and not (
        e.noun is not None and any(c.lower_ in ("new", "newly") for c in e.noun.children)) and not any(
        c.dep_ == "prep" and c.lower_ == "since" for c in e.verb.children) for e in events)
    if all(e.kind == "coconstruct" for e in events):
        # a standing arrangement, undated (convention 1), unless the clause says since when ("jointly built by A
        # and B since 2021")
        since = next((g.text for e in events if e.verb is not None for c in e.verb.children
                      if c.dep_ == "prep" and c.lower_ == "since" for g in c.children
                      if re.fullmatch(r"(?:19|20)\d\d", g.text)), None)
        date, precision, atype = since, "year" if since else None, "co_construction"
        undated = True
    if not unis and len(partners) >= 2 and atype == "co_construction":
        # governments agree to co-construct universities named next (convention 1)
        v.state.pending_coconstruction = (v.sentence.index, partners, date, precision)
        return []
    if not unis and partners and re.search(r"\b(?:each|every|all|the \d+|the (?:two|three|four|five|six|seven|eight|nine|ten|"
                                           r"eleven|twelve|\w+teen|twenty|thirty|forty|fifty) )\s*(?:\w+ )?universit(?:y|ies)\b",
                                           s, re.I):
        # the agreement of a partner with each of a group of universities: the page lists them next
        v.state.pending_group = (v.sentence.index, partners, date, precision, atype)
        return []
    if not unis and not partners and v.state.last_partner is not None and all(v.state.last_pair) \
            and any(e.kind in ("sign", "ceremony") for e in events) and (
                _DEFINITE_AGREEMENT.search(s) or _pronoun_signers(events)):
        # "the signing ceremony of the renewal of the strategic agreement was held": the page's pair renewed it
        # (or "when they signed an agreement": a pronoun for the pair the page is about)
        unis, partners = [v.state.last_pair[0]], [(v.state.last_partner, v.state.last_pair[1])]
    if not unis or not partners:
        return []
    paired = None
    if re.search(r"\brespectively\b", s) and len(unis) == len(partners) >= 2 and not uni_pairs:
        # "A City and B City concluded framework agreements with X University and Y University respectively": the
        # lists pair in order
        paired = set(zip(unis, (p for _, p in partners)))
    gapped = gapped_pairs(v, events)
    if gapped:
        # "A signed with B, and C with D": each subject with its own "with" (the verb left out of the second)
        paired = set()
        for (um, un), (pm, pn) in gapped:
            if un not in unis:
                unis.append(un)
            if not any(q == pn for _, q in partners):
                partners.append((pm, pn))
            paired.add((un, pn))
    facts = []
    for u, other in uni_pairs:
        facts.append({"date": date, "date_precision": precision, "university": u, "partner": other,
                      "partner_type": "research_institute" if other in academies else "university",
                      "agreement_type": atype, "partner_province": None, "_enumerated": False, "_undated": undated})
    for u in unis:
        for m, pname in partners:
            if same_entity(u, pname) or paired is not None and (u, pname) not in paired:
                continue
            ptype = "enterprise" if m.kind == "org" and (_lone_company(s, m) or _brand(m.name or "")) else partner_type(m)
            facts.append({
                "date": date, "date_precision": precision, "university": u, "partner": pname, "partner_type": ptype,
                "agreement_type": with_partner(atype, ptype),
                "partner_province": m.province,
                "_enumerated": bool(m.extra.get("enumerated")) or len(partners) > 2, "_undated": undated,
            })
    own_dates(v, facts, parties)
    if original is not None and original[1][0] and original[1][0] != date:
        facts += [{**f, "date": original[1][0], "date_precision": original[1][1], "_undated": False,
                   "_enumerated": True} for f in facts]
    if date and precision == "year":
        # "renewed 2015 and 2023": each year joined to the agreement's year is a signing of its own
        facts += [{**f, "date": y, "_enumerated": True} for y in joined_years(v, date) for f in facts if f["date"] == date]
    firms = [f for f in facts if f["partner_type"] == "enterprise"]
    if len(firms) == 1:
        contract = any(e.noun is not None and e.noun.lemma_.lower() == "contract" for e in events)
        v.state.last_deal = (v.sentence.index, firms[0]["university"], firms[0]["partner"], contract)
    if facts:
        v.state.last_signed = facts  # (its sides, for a university that "also signed the agreement")
        v.state.last_pair, v.state.pair_agreed = (facts[0]["university"], facts[0]["partner"]), True
        v.state.last_partner = partners[0][0]
        v.state.last_list = ((v.sentence.index, partners[0][0], partners[0][1], atype, date, precision)
                             if len(unis) >= 2 and len(partners) == 1 else None)
    return facts


_FIRST = {"first", "originally", "initially"}
_ACADEMY_SIDE = re.compile(r"\bAcademy\b")


def _own_clause(v: SentenceView, events: list, parties: list[Mention]) -> list[Mention]:
    """Parties of the clause the signing is told in, where a semicolon joins clauses ("The Ningbo agreement is
    renewed; a delegation from Sichuan Province visits the university"): a part after (or before) a semicolon that
    has a verb of its own tells another act, and its names are no parties of this one (a list's parts, "with A;
    B; C", have no verb and stay). So does a clause after ", while" ("X and Y signed ..., while the city government
    and Z inked a deal on ...")."""
    s, doc = v.clean, v.doc
    cuts = [i for i, c in enumerate(s) if c == ";"] + [m.start() for m in re.finditer(r",\s+(?:while|whereas)\s+", s)]
    if not cuts or doc is None or not events:
        return parties
    part = lambda pos: sum(1 for c in cuts if c < pos)  # noqa: E731
    signs = [e for e in events if e.kind in ("sign", "ceremony")] or events
    own = {part(t.idx) for e in signs for t in (e.verb, e.noun) if t is not None}
    if len(own) != 1:
        return parties
    verbs = {part(t.idx) for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp", "parataxis",
                                                                                    "advcl")}
    return [m for m in parties if part(m.start) in own or part(m.start) not in verbs]


def _replaces_an_agreement(doc) -> bool:
    """A new agreement "replacing the agreement they first concluded in 2013": the one replaced is a signing of its
    own, as a renewal's first signing is."""
    return any(t.lemma_.lower() == "replace" and any(c.dep_ == "dobj" and c.lemma_.lower() in (
        "agreement", "memorandum", "mou", "contract", "accord") for c in t.children) for t in doc)


def _first_signed(v: SentenceView, events: list):
    """A renewal that recalls the first signing in a clause of its own ("renewed its agreement with X, first
    signed in 2019", "which was first concluded in 2012"): (the clause's verb, its date, the date of the rest of
    the sentence or None), or None."""
    if v.doc is None or not any(e.kind == "sign" and e.verb is not None and e.verb.lemma_.lower() in ("renew", "extend")
                                for e in events) and not _replaces_an_agreement(v.doc):
        return None
    for t in v.doc:
        first = any(c.dep_ == "advmod" and c.lower_ in _FIRST for c in t.children)
        # (or the signing a relative clause tells, where the renewal has a date of its own: "under a memorandum the
        # two organizations signed in June 2022, ... when the MOU was renewed this spring")
        clause = t.dep_ in ("relcl", "acl") and t.lemma_.lower() in ("sign", "conclude", "ink")
        if t.lemma_.lower() in ("sign", "conclude", "ink", "formalise", "formalize", "establish", "seal") \
                and t.tag_ in ("VBN", "VBD") and (first or clause):
            own = {x.i for x in t.subtree}
            inside, outside = [], []
            for d in v.dates:
                if not d.value:
                    continue
                toks = [x.i for x in v.doc if x.idx < d.end and x.idx + len(x) > d.start]
                # ("at the same event": the day told before, a date of the renewal)
                (inside if toks and all(i in own for i in toks) and d.kind not in ("same_day", "dateline")
                 else outside).append(d)
            if inside:
                # ("first signed in 2020, on 2 November": a second date the parse hung on the clause is the renewal's)
                outside = sorted(outside + inside[1:], key=lambda d: d.start)
                rest = (outside[0].value, outside[0].precision) if outside else None
                if first or rest is not None:
                    return t, (inside[0].value, inside[0].precision), rest
    # "renewed the framework agreement that has linked the two institutions since 2011": the agreement renewed has
    # stood since the year its own clause gives
    for e in events:
        if e.kind != "sign" or e.verb is None or e.verb.lemma_.lower() not in ("renew", "extend") or e.noun is None:
            continue
        for t in e.noun.subtree:
            if t.dep_ == "prep" and t.lower_ == "since" and t.head.i != e.verb.i:
                own = {x.i for x in t.subtree}
                inside = [d for d in v.dates if d.value and d.precision == "year" and all(
                    x.i in own for x in v.doc if x.idx < d.end and x.idx + len(x) > d.start)]
                outside = [d for d in v.dates if d.value and d not in inside and d.kind not in ("same_day", "dateline")]
                if inside:
                    rest = (outside[0].value, outside[0].precision) if outside else None
                    return t.head, (inside[0].value, inside[0].precision), rest
        # "extending its 2018 partnership agreement with X through 2030": the agreement extended dates itself
        year = own_year(e.noun)
        if year:
            outside = [d for d in v.dates if d.value and not d.value.startswith(year) and d.kind not in (
                "same_day", "dateline") and d.value <= (v.state.published or "9999")]
            return e.noun, (year, "year"), ((outside[0].value, outside[0].precision) if outside else None)
    return None


# the page-level steps and the references back (split-out modules), re-exported
from pipelines.extract.agreement_merge import (  # noqa: E402,F401
    fill_dates, fullest_agency_names, merge, page_signing, undate_after)

