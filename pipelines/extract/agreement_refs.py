"""Agreement sentences that refer back to what the page reported before: a list of partners continued in the
next sentence ("On the list are also ..."), a government-government co-construction agreement whose universities
the next sentence names (convention 1), the givers of money "under the agreement", the pair a sentence names
for a later "the two sides", and the numbered rows under a signing told up to "with:" that name its partners.

Split out of ``agreements.py``, which calls these per sentence. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.agreement_parties import independent_institute
from pipelines.extract.agreement_types import agreement_type, with_partner
from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import ROW_MARK, Mention
from pipelines.extract.names import partner_type, same_entity
from pipelines.extract.syntax import AGREEMENT_NOUNS, modal_or_wished

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


# "the agreement", "this memorandum"; "its founding agreement" (not "its agreement with X": the sentence's own pair)
_DEFINITE_AGREEMENT = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:agreement|memorandum|deal)\b|"
                                 r"\b(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:agreement|memorandum|deal)\b"
                                 r"(?!\s+(?:with|between)\b)", re.I)


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


_COSIGN = {"sign", "countersign", "co-sign", "cosign"}


def joined_signers(v: SentenceView) -> list[dict]:
    """Bodies that sign the agreement the page reported, told in a relative clause: "The X Board, which also signed
    the agreement, will add ..." or "The agreement, which was countersigned by A and B, creates ...": each is a
    party to it beside the page's pair, so an agreement of the pair's university with it, of the pair's date."""
    uni = v.state.last_pair[0]
    if v.doc is None or not uni or not (v.state.pair_agreed or v.state.agreement_dates):
        return []  # (the pair a later sentence names again is still the pair of the page's dated agreement)
    signers = []
    for t in v.doc:
        if t.dep_ in ("ROOT", "conj") and _is_party_to(t) and not any(c.dep_ == "neg" for c in t.children):
            # "Daejeon Metropolitan City was also a party to the agreement", "X has joined the partnership as a
            # third signatory"
            signers += [c for c in t.children if c.dep_ == "nsubj"]
            continue
        if t.dep_ != "relcl" or t.lemma_.lower() not in _COSIGN or any(c.dep_ == "neg" for c in t.children):
            continue  # ("which did not sign the agreement": a body outside it)
        rel = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that")]
        if not rel:
            continue
        if rel[0].dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_NOUNS and any(
                d.lower_ in ("the", "this", "that") for d in c.children) for c in t.children):
            signers.append(t.head)  # "X, which also signed the agreement"
        elif rel[0].dep_ == "nsubjpass" and t.head.lemma_.lower() in AGREEMENT_NOUNS and any(
                d.lower_ in ("the", "this", "that") for d in t.head.children):
            for by in (c for c in t.children if c.dep_ == "agent"):  # "the agreement, which was countersigned by A and B"
                for o in (c for c in by.children if c.dep_ == "pobj"):
                    signers += [o] + [c for c in o.subtree if c.dep_ == "conj" and c.head.i in (o.i, *[x.i for x in o.subtree])]
    out = []
    date = v.state.agreement_dates[-1] if v.state.agreement_dates else None
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date or ""))
    for tok in signers:
        m = next((m for m in v.mentions if m.start <= tok.idx < m.end and m.party), None)
        name, kind = v.resolve(m) if m is not None else (None, None)
        if kind == "university" and name and not same_entity(name, uni):
            # "UANL also signed the agreement as an academic partner": a university joins each side of the
            # agreement told before (convention 2): its partners, and its universities as a pair of universities
            signed = v.state.last_signed or [{"university": uni, "partner": v.state.last_pair[1],
                                              "partner_type": "other", "partner_province": None}]
            rows = {f["partner"]: (name, f["partner"], f["partner_type"], f.get("partner_province"),
                                   f.get("agreement_type")) for f in signed
                    if f["partner"] and not same_entity(f["partner"], name)}
            rows.update({f["university"]: (f["university"], name, "university", None, f.get("agreement_type"))
                         for f in signed if not same_entity(f["university"], name)})
            out += [{"date": date, "date_precision": precision, "university": u, "partner": p, "partner_type": t,
                     "partner_province": prov, "_enumerated": False, "agreement_type": atype or (
                         "industry_university_research" if t == "enterprise" else "other")}
                    for u, p, t, prov, atype in rows.values()]
            continue
        if not name or kind not in _PARTNER_KINDS or same_entity(name, uni) or any(o["partner"] == name for o in out):
            continue
        ptype = partner_type(m)
        out.append({"date": date, "date_precision": precision, "university": uni, "partner": name,
                    "partner_type": ptype, "partner_province": m.province, "_enumerated": False,
                    "agreement_type": "industry_university_research" if ptype == "enterprise" else "other"})
    return out


def _is_party_to(t) -> bool:
    """The verb says its subject is a party to the agreement told before: "be a party/signatory to the agreement",
    "join (the partnership) as a signatory", "also signed the agreement as an associated partner"."""
    lem = t.lemma_.lower()
    for c in t.children:
        if lem == "be" and c.dep_ == "attr" and c.lemma_.lower() in ("party", "signatory") and any(
                p.dep_ == "prep" and p.lower_ in ("to", "of") and any(
                    o.lemma_.lower() in AGREEMENT_NOUNS and any(d.lower_ in ("the", "this", "that") for d in o.children)
                    for o in p.children) for p in c.children):
            return True
        if lem == "join" and c.dep_ == "prep" and c.lower_ == "as" and any(
                o.lemma_.lower() in ("party", "signatory") for o in c.children):
            return True
    # "The state ministry also signed the agreement as an associated partner": a signer of the agreement told before,
    # in a role of its own
    return lem in ("sign", "countersign") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in AGREEMENT_NOUNS and any(d.lower_ in ("the", "this", "that")
                                                                      for d in c.children) for c in t.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(o.lemma_.lower() in ("partner", "party", "signatory", "member")
                                                      for o in c.children) for c in t.children)


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_ORDINAL_AGREEMENT = re.compile(r"\b[Tt]he (?:first|second|third|fourth|fifth|sixth|last|other) (?:MoU|MOU|MoA|"
                                r"agreement|memorandum|memorandum of understanding|contract|accord)\b|"
                                # the ordinal alone, opening the sentence: "The first, a five-year memorandum with X,
                                # ...", "Under the second, A and B will ...", "The third was signed with X"
                                r"^\s*(?:(?:Under|Through|With|By|In)\s+)?[Tt]he (?:first|second|third|fourth|fifth|sixth|"
                                r"last|other)(?:\s+one)?(?:,|\s+(?:was|is|will|sets|covers|commits|provides|creates))")


def note_counted_signing(v: SentenceView) -> None:
    """A body that signs a number of agreements ("the Government of Andhra Pradesh signed two Memoranda of
    Understanding on Thursday"): the signer and date the next sentences' "the first MoU, with X" refer to."""
    if v.doc is None:
        return
    for t in v.doc:
        if t.lemma_.lower() not in ("sign", "ink", "conclude", "exchange") or t.pos_ != "VERB":
            continue
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in AGREEMENT_NOUNS
                | {"memoranda", "memorandum"}]
        # (or the partners they were signed with: "agreements were signed with three enterprises")
        objs += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" and objs for g in c.children
                 if g.dep_ == "pobj"]
        count = [n for o in objs for n in o.subtree if n.dep_ == "nummod" and (
            _NUMBERS.get(n.lower_) or (int(n.text) if n.text.isdigit() and int(n.text) < 20 else 0)) >= 2]
        if not count:
            continue
        # the signer: the subject's body, else the body named last before the verb (the parse may hang it
        # elsewhere: "In the presence of the Chief Minister, the Government of X signed two MoUs")
        subj = [x for c in t.children if c.dep_ == "nsubj" for x in c.subtree]
        before = [m for m in v.mentions if m.party and not m.locative and m.end <= t.idx and (
            any(m.start <= x.idx < m.end for x in subj) or not subj) and v.resolve(m)[1] not in ("org", None)]
        m = before[-1] if before else None
        name, kind = v.resolve(m) if m is not None else (None, None)
        if name:
            date, precision = v.fact_date()
            v.state.counted_signing = (v.sentence.index, name, kind, m, date, precision)
            return


def ordinal_row(v: SentenceView) -> list[dict]:
    """"The first MoU, with the X Institute, provides for ...", "Under the second MoU, Y University will ...": one
    of the agreements a body was just said to sign, with the party the sentence names, of the signing's date."""
    lead = v.state.counted_signing
    if lead is None or not 0 < v.sentence.index - lead[0] <= 4 or not _ORDINAL_AGREEMENT.search(v.clean):
        return []
    _, signer, signer_kind, signer_m, date, precision = lead
    for m in v.mentions:
        name, kind = v.resolve(m)
        # (an institute of its own signs too: "The first, with AVIC Jincheng Nanjing Engineering Institute of
        # Aircraft Systems, provides for ...")
        institute = independent_institute(m)
        if not (m.party or institute) or m.locative or not name or same_entity(name, signer) or kind == "placeholder":
            continue
        if institute:
            kind = "research_institute"
        if kind == "university" and signer_kind != "university":
            uni, partner, pm = name, signer, signer_m
        elif signer_kind == "university" and kind in _PARTNER_KINDS | {"university", "research_institute"}:
            uni, partner, pm = signer, name, m
        else:
            continue
        ptype = partner_type(pm)
        return [{"date": date, "date_precision": precision, "university": uni, "partner": partner,
                 "partner_type": ptype, "partner_province": pm.province, "_enumerated": True,
                 "agreement_type": "industry_university_research" if ptype == "enterprise" else "other"}]
    return []


# "The MoA was signed on 26th August ...", "The accord was signed yesterday at ...": the agreement the sentence before
# told, dated
# ("The MoU was approved at a cabinet meeting on Wednesday, July 10": an approved memorandum is dated by its approval,
# convention 4; the place or body of the signing may come before its day)
_SIGNED_ON = re.compile(r"\s*The\s+(?:[\w-]+\s+){0,2}(?:MoA|MoU|MOU|agreement|memorandum|contract|accord)\s+was\s+"
                        r"(?:formally\s+)?(?:signed|inked|concluded|exchanged|approved)"
                        r"(?:\s+(?:at|by|during|in)\s+(?:[\w'\u2019-]+\s+){1,4}?)?\s*(?:on|yesterday|today)\b")


def note_signed_on(v: SentenceView, agreements: list[dict]) -> None:
    """Keeps the sentence's agreements as the last told; a sentence that gives none and says "The MoA was signed on
    26th August by ..." dates the agreements told in the two sentences before it that day, when they are undated or
    dated later (by the report's dateline: "Kharagpur, 28th August 2025: X has entered into an MoA with Y"); "was
    signed on Tuesday" (a month on a dated page) dates only undated ones."""
    if agreements:
        v.state.last_agreements = (v.sentence.index, agreements)
        return
    last = v.state.last_agreements
    if not _SIGNED_ON.match(v.clean) or last is None or not 0 < v.sentence.index - last[0] <= 2:
        return
    # ("signed on Tuesday" on a dated page is a month, convention 7: it dates an undated one only)
    day = next((d for d in v.dates if d.value and d.precision in ("day", "month")), None)
    for f in last[1] if day is not None else []:
        if f["date"] is None or day.precision == "day" and f["date_precision"] == "day" and f["date"] > day.value:
            f["date"], f["date_precision"] = day.value, day.precision


def earlier_signing(v: SentenceView) -> list[dict]:
    """A sentence whose signing takes the agreement the sentence before told as "it", signed "first" (or
    "originally", "initially") at a date of its own ("UJS and Danyang City renewed their framework agreement on
    February 12. The two sides first signed it in 2015"): that agreement's first signing, one row of its own (as a
    renewal that recalls the first signing in its own sentence gives)."""
    last = v.state.last_agreements
    if v.doc is None or last is None or v.sentence.index - last[0] != 1:
        return []
    for t in v.doc:
        if t.lemma_.lower() not in ("sign", "ink", "conclude") or t.pos_ != "VERB" or modal_or_wished(t):
            continue
        if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in t.children) or not any(
                c.dep_ == "advmod" and c.lower_ in ("first", "originally", "initially") for c in t.children):
            continue
        date, precision = v.date_of(t, own_only=True)
        if date is None:
            return []
        return [{**f, "date": date, "date_precision": precision} for f in last[1] if f["date"] != date]
    return []


_WITH_LEAD = re.compile(r"\bwith\s*:\s*$")
# "six agreements were signed between schools of HUST and companies:": each row names its two sides
_BETWEEN_LEAD = re.compile(r"\bbetween\b.*\band\s+(?:[\w-]+\s+){0,2}(?:companies|enterprises|firms|businesses|"
                           r"partners|governments|institutions|organi[sz]ations)\s*:\s*$", re.I)
_ROW_MARK = re.compile(r"\s*" + ROW_MARK + r"\s+")


def note_partners_lead(v: SentenceView) -> None:
    """A signing told up to "with:" ("The MoUs were signed with:"): the rows below open with its partners, one
    each, of the university the lead names (else the page's)."""
    between = bool(_BETWEEN_LEAD.search(v.clean))
    if v.doc is None or not (_WITH_LEAD.search(v.clean) or between) or not any(
            t.pos_ == "VERB" and t.lemma_.lower() in ("sign", "ink", "conclude", "seal") for t in v.doc):
        return
    unis = [name for name, kind in map(v.resolve, v.mentions) if kind == "university"]
    uni = unis[-1] if unis else v.main_university()
    if uni:
        # (and whether the lead says its partners are companies: "The industry MoUs were signed with:")
        v.state.partners_lead = (v.sentence.index, uni, *v.fact_date(),
                                 bool(re.search(r"\b(?:industry|industrial|companies|firms|corporate)\b", v.clean, re.I)),
                                 between)


def partners_lead_row(v: SentenceView) -> list[dict]:
    """A numbered or bulleted row under such a lead that opens with a body ("1. Oil India Limited (OIL), for a
    Centre of Excellence in Energy Transition ...;"): the lead's university's agreement with it, dated by the
    lead. The list runs on while its rows follow one another."""
    lead = v.state.partners_lead
    if lead is None or v.sentence.index - lead[0] != 1 or not _ROW_MARK.match(v.sentence.text):
        return []
    opening = len(v.clean) - len(_ROW_MARK.sub("", v.clean, count=1)) if _ROW_MARK.match(v.clean) else 0
    v.state.partners_lead = (v.sentence.index, *lead[1:])  # (the list runs on past a row it cannot read)
    # (the row's opening name is a partner by the lead, even where the recogniser took it for a person's: "Ashok
    # Leyland, on electric bus drivetrains;")
    party = next((m for m in v.mentions if (m.party or m.kind == "person" and re.match(r",\s+(?:on|for|to)\b", v.clean[m.end:]))
                  and not m.locative and m.start <= opening + 4), None)
    if lead[5]:
        # (under a lead "signed between A's schools and companies:", a row names both sides before its colon: "School
        # of Materials Science and Engineering and China Baowu Steel Group Co., Ltd.: joint laboratory for ...")
        colon = v.clean.find(":") if ":" in v.clean else len(v.clean)
        party = next((m for m in v.mentions if m.party and not m.locative and m.end <= colon
                      and v.resolve(m)[1] not in ("university", "placeholder")), None)
    if party is None or v.doc is not None and any(
            t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG") for t in v.doc if t.idx < party.end):
        return []
    if party.kind == "person":
        party = Mention(party.start, party.end, party.text, party.text, "org")
    name, kind = v.resolve(party)
    if not name or kind == "placeholder" or same_entity(name, lead[1]):
        return []
    ptype = partner_type(party)
    if ptype == "other" and lead[4]:
        ptype = "enterprise"  # a body of no known kind in a list of industry partners is a company
    return [{"date": lead[2], "date_precision": lead[3], "university": lead[1], "partner": name, "partner_type": ptype,
             "agreement_type": with_partner(agreement_type(v.clean), ptype), "partner_province": party.province}]
