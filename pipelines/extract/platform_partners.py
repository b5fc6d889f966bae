"""Who sets a platform up: the founding verb's parties (subject, "with"/"between"/"by" phrases, "in
partnership with"), a partner named on either side of a dash or inside the name, the locality a
platform is in.

Split out of ``platforms.py``; ``pipelines.extract.platforms`` uses it.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.lexicon import ENTERPRISE_SUFFIX
from pipelines.extract.syntax import tokens_in
from pipelines.extract.platform_founding import _JOINT_NOUNS, _cooperation_of, _head_word, _lemma, nested_with

_ROLE_PREPS = {"with", "between", "by", "among"}
# "in partnership with X", "through cooperation with X": the founders are the noun's "with" phrase
_COOPERATION_NOUNS = {"partnership", "cooperation", "collaboration", "conjunction", "association", "alliance"}
# "joined Dongguan in building X", "helped the city to set up X": the object of the governing verb co-founds
_JOINING_VERBS = {"join", "help", "assist", "support", "partner"}


_AGREEMENT_NOUNS = {"agreement", "memorandum", "mou", "contract", "deal", "partnership", "accord", "pact"}


def _cooperation_objects(t) -> list:
    """Heads of "with"/"between" phrases of a cooperation noun under t's prepositions ("in partnership with X"),
    or of the agreement t's verb signed ("signed an agreement with X to co-build Y")."""
    from pipelines.extract.syntax import _prep_objects

    out = []
    for c in t.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj" and _lemma(g) in _COOPERATION_NOUNS:
                    out.extend(_prep_objects(g, {"with", "between"}))
        elif c.dep_ == "dobj" and t.pos_ == "VERB" and _lemma(c) in _AGREEMENT_NOUNS:
            out.extend(_prep_objects(c, {"with", "between"}))
    return out


def _role_heads(anchor, platform=None) -> tuple[list, list]:
    """Heads of the founding verb's party phrases: (subjects, others). Others are the "with", "between",
    "by" and "among" phrases, "in partnership with" phrases, and the object of a joining verb; the search goes up
    the chain of governing verbs ("signed an agreement with Y to establish X") and stops at the first verb
    that names a partner, so the next clause's "with" phrase is not taken."""
    from pipelines.extract.syntax import _prep_objects, _subject_of

    if anchor.pos_ == "NOUN" and _lemma(anchor) in _JOINT_NOUNS:
        return [], _prep_objects(anchor, {"between", "of", "with", "among"})
    subjects = list(_subject_of(anchor))
    if anchor.tag_ == "VBN" and anchor.dep_ in ("advcl", "acl") and any(c.dep_ == "agent" for c in anchor.children):
        subjects = []  # "approved the X Lab, jointly built by A and B": the builders are the agent, not the approver
    others: list = []
    if platform is not None:  # "a base in partnership with X", "a joint lab with X" (attached to the noun)
        others.extend(_prep_objects(platform, {"with", "between"}))
        others.extend(g for w in nested_with(platform) for g in w.children if g.dep_ == "pobj")
        others.extend(_cooperation_objects(platform))
        joint = _cooperation_of(platform)  # "the X Centre, a joint venture between A and B, opened"
        if joint is not None:
            others.extend(_prep_objects(joint, {"between", "of", "with", "among"}))
    verb = anchor
    for step in range(4):
        others.extend(_prep_objects(verb, _ROLE_PREPS))
        others.extend(_cooperation_objects(verb))
        if step and verb.pos_ == "VERB" and _lemma(verb) in _JOINING_VERBS:
            others.extend(c for c in verb.children if c.dep_ == "dobj")
        if others:
            break
        if verb.dep_ in ("xcomp", "advcl", "acl", "conj", "relcl", "pcomp", "pobj", "prep", "dobj") \
                and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ == "VERB" and not subjects:
                subjects.extend(_subject_of(verb))
        else:
            break
    return subjects, others


def _real_party(v: SentenceView, m) -> bool:
    """A mention the parser shows to be no organisation: only a person's name, an adverb ("Afterwards"), or
    common nouns ("Leaders")."""
    toks = [v.doc[i] for i in tokens_in(v.doc, m.start, m.end)]
    words = [t for t in toks if t.is_alpha]
    if not words:
        return True
    if m.kind == "org" and all(t.ent_type_ == "PERSON" or t.pos_ in ("ADV", "CCONJ") for t in words):
        return False
    if m.kind == "org" and all(t.pos_ in ("NOUN", "ADJ") and t.ent_type_ not in ("ORG", "GPE") for t in words):
        return False  # common words capitalised at the start of a sentence ("Leaders from both sides", "Current")
    return True


def _orgs_around(v: SentenceView, anchor, platform=None) -> list[tuple[str, str]]:
    """Parties among the founding verb's roles (subject, agent, with, between), in the order of the sentence, as
    (canonical name, kind)."""
    from pipelines.extract.agreement_parties import independent_institute
    from pipelines.extract.platform_names import _phrase
    from pipelines.extract.syntax import _prep_objects, phrase_tokens

    heads = []
    if anchor is not None:
        subjects, others = _role_heads(anchor, platform)
        heads = subjects + others
    elif platform is not None:
        heads = _prep_objects(platform, {"with", "between"}) + _cooperation_objects(platform)
    own = _phrase(platform) if platform is not None else None
    # (bodies listed with it are set up beside it, no partners: "went into operation: the A Institute and the B
    # Institute")
    siblings = [_phrase(c) for c in platform.conjuncts] if platform is not None else []
    toks: set[int] = set()
    for h in heads:
        for x in (h, *h.conjuncts):
            toks |= phrase_tokens(x)
    out = []
    for m in sorted(v.mentions, key=lambda m: m.start):
        # "A University and the Korea Institute of X launched the Y Center" (not the body being set up itself, nor
        # its short form: "the new X Centre (XC)")
        institute = independent_institute(m) and not (own is not None and (
            own.start_char <= m.start < own.end_char or v.resolve(m)[0] in own.text)) and not any(
            x.start_char <= m.start < x.end_char for x in siblings)
        if not (m.party or m.kind == "placeholder" or institute):
            continue
        mt = tokens_in(v.doc, m.start, m.end)
        if not mt or sum(1 for i in mt if i in toks) * 2 <= len(mt):
            continue
        if not _real_party(v, m):
            continue
        if m.kind == "government" and any(u.kind == "university" and 0 <= u.start - m.end <= 1 for u in v.mentions):
            continue  # "Shanghai Fudan University": a place naming where a university is, not a party
        if m.kind in ("government", "org") and any(u.kind == "university" and re.fullmatch(r"(?:\s*\([A-Z]{2,8}\))?,\s*",
                                                                             v.clean[u.end:m.start]) for u in v.mentions) \
                and re.match(r",", v.clean[m.end:m.end + 1]):
            continue  # "Maulana Azad National Institute of Technology (MANIT), Bhopal, inked ...": the university's town
        if m.kind == "org" and v.clean[m.start - 1:m.start] == "(" and v.clean[m.end:m.end + 1] == ")" and any(
                x.end <= m.start and not v.clean[x.end:m.start - 1].strip() for x in v.mentions):
            continue  # "the Chinese-German University College (CDHK)": the short form of the name before it
        name, kind = v.resolve(m)
        if not name and m.kind == "placeholder" and _PAIR_WORDS.search(m.text):
            out += _pair_before(v, m)  # "A renewed its agreement with B, and the two sides opened the C": A and B
            continue
        if not name:
            continue
        if kind == "university" or kind in ("government", "agency", "ministry", "zone", "enterprise", "org"):
            out.append((name, kind))
        elif institute:
            out.append((name, "org"))
    return out


_PAIR_WORDS = re.compile(r"\b(?:two|both) (?:sides|parties)\b", re.I)


def _pair_before(v: SentenceView, ph) -> list[tuple[str, str]]:
    """The pair "the two sides" stands for in its own sentence: the university and the party named before it
    (none when the sentence names no university before the placeholder)."""
    before = [v.resolve(x) for x in v.mentions if x.end <= ph.start and (x.party or x.kind == "university")]
    uni = next((n for n, k in reversed(before) if k == "university" and n), None)
    other = next(((n, k) for n, k in reversed(before) if k in _PARTY_KINDS - {"university"} and n), None)
    return [(uni, "university"), other] if uni and other else []


_PARTY_KINDS = {"university", "government", "agency", "ministry", "zone", "enterprise", "org"}
_DASHES = ("-", "–", "—")


def _named_alone(v: SentenceView, text: str, at: int) -> bool:
    """The sentence names ``text`` as a party elsewhere, not only inside the joint name at ``at``."""
    return any(m.party and m.text == text and not m.start <= at < m.end for m in v.mentions)


def _side_party(v: SentenceView, toks: list) -> tuple[str, str] | None:
    """The party named on one side of a dash in a joint name: the longest run of words touching the dash that
    reads as one organisation or place ("Juhua Group Corporation" in "... – Juhua Group Corporation Joint
    Laboratory", "Keppel" in "Keppel-NUS Corporate Laboratory"); toks run outward from the dash."""
    from pipelines.extract.names import find_mentions

    for n in range(min(len(toks), 6), 0, -1):
        run = sorted(toks[:n], key=lambda t: t.i)
        text = v.clean[run[0].idx:run[-1].idx + len(run[-1])]
        for m in find_mentions(text, v.state.ctx):
            if m.start == 0 and m.end == len(text):
                name, kind = v.resolve(m)
                # a longer run is taken only when its structure says what it is (a company, a government, a
                # university) or it is the whole side ("ST Engineering-NTU Corporate Lab"); an unclassified
                # capitalised run would swallow the platform's own words
                # (so is a company only by the last word of the run, "CRRC Rail Transit Technology" of
                # "HNUST-CRRC Rail Transit Technology Innovation Center": the field, not the firm)
                # (or the sentence names the run as a body of its own: "Mitacs and NB Power together are investing
                # ... at the new UNB-NB Power Grid Resilience Centre")
                if name and kind in _PARTY_KINDS and (kind not in ("org", "enterprise") or n == 1 or n == len(toks)
                                                      or kind == "enterprise" and ENTERPRISE_SUFFIX.search(text)
                                                      or _named_alone(v, text, run[0].idx)):
                    return name, kind
    return None


def _joint_partner(v: SentenceView, span, university: str | None) -> str | None:
    """The co-founder a joint name names beside the university: "Keppel-NUS Corporate Laboratory" -> Keppel,
    "PolyU-Zibo Research Institute" -> Zibo City, "A University – B Group Joint Laboratory" -> B Group."""
    doc = span.doc
    at = re.search(r"(?<![\w@-])(?P<left>[A-Z][\w&.-]*)@(?P<right>[A-Z][\w-]*)", span.text)
    if at:
        # "Rolls-Royce@NTU Corporate Lab": the company at the university; an acronym the page does not expand
        # ("WIL@NUS") names nobody we can record
        from pipelines.extract.names import find_mentions

        right = [v.resolve(m) for m in find_mentions(at.group("right"), v.state.ctx)]
        left = at.group("left")
        if any(k == "university" for _, k in right) and re.search(r"[a-z]", left):
            mentions = find_mentions(left, v.state.ctx)
            name = v.resolve(mentions[0])[0] if mentions and mentions[0].end - mentions[0].start == len(left) else None
            return name or left
    from pipelines.extract.places import reference_index

    idx = reference_index()
    inside_names = [(span.start_char + a, span.start_char + b) for a, b, _ in (idx.find_all(span.text) if idx else [])]
    inside_names += [(m.start, m.end) for m in v.mentions if m.kind == "university"]
    for k in range(span.start + 1, span.end - 1):
        if doc[k].text not in _DASHES or not doc[k - 1].text[:1].isupper() and doc[k - 1].text != ")" \
                or not doc[k + 1].text[:1].isupper():
            continue
        if any(a < doc[k].idx < b for a, b in inside_names):
            continue  # the hyphen of a university's own name ("Zhejiang Sci-Tech University") joins no sides
        j = k - 1
        if doc[j].text == ")":  # "Zhejiang Normal University (ZJNU) – Juhua Group": the short name is skipped
            while j > span.start and doc[j].text != "(":
                j -= 1
            j -= 1
        left = [doc[i] for i in range(j, span.start - 1, -1)]
        right = [doc[i] for i in range(k + 1, span.end)]
        a = _side_party(v, left)
        b = _side_party(v, right)
        if a and b:
            if a[1] == "university" and (a[0] == university or b[1] != "university"):
                return b[0] if b[0] != university else None
            if b[1] == "university":
                return a[0] if a[0] != university else None
    return None


def _span_universities(v: SentenceView, span) -> list[str]:
    out = []
    for m in v.mentions:
        if m.start < span.end_char and m.end > span.start_char:
            if m.university:
                out.append(m.university)
            name, kind = v.resolve(m)
            if kind == "university" and name:
                out.append(name)
    return out


def _locality_partner(v: SentenceView, span) -> str | None:
    """The locality a title-case platform name puts beside its university ("Zhongshan Research Institute of X
    University", "X University Shaoshan Base"): a word of the name outside the university's own name that is a
    place of the divisions table; its government. A name without a university names no locality body."""
    from pipelines.extract.names import find_mentions

    if not span.text[:1].isupper():
        return None
    unis = _span_universities(v, span)
    if not unis:
        return None
    own = {w.lower() for u in unis for w in re.findall(r"[A-Za-z]+", u)}
    for tok in span:
        if not tok.text[:1].isupper() or not tok.is_alpha or tok.lower_ in own or _head_word(tok) is not None:
            continue
        for m in find_mentions(tok.text, v.state.ctx):
            name, kind = v.resolve(m)
            if kind == "government" and name and m.start == 0 and m.end == len(tok.text):
                return name
    return None


def _joint_name(v: SentenceView, span) -> bool:
    """A platform name that names its co-founders: a university joined by a hyphen or dash to another party, or
    a university and a company with "Joint"/"Corporate" ("Keppel-NUS Corporate Laboratory")."""
    inside = [m for m in v.mentions if m.start < span.end_char and m.end > span.start_char]
    kinds = {v.resolve(m)[1] for m in inside} | {"university" for m in inside if m.university}
    words = {t.lower_ for t in span}
    if "university" in kinds and (kinds - {"university", "platform", "placeholder", "person"} or len(inside) >= 2):
        return bool(words & {"joint", "corporate"}) or any(t.text in ("-", "–", "—") for t in span) or "-" in span.text
    if "university" in kinds and ("joint" in words or re.search(r"\bcorporate lab", span.text, re.I)):
        return True  # ("TUM Corporate Communications Center" is the university's press office)
    # one name holding both ("ST Engineering-SUTD Cyber Security Laboratory"): a party on the other side of a
    # dash from the university
    return "university" in kinds and any(t.text in _DASHES for t in span) and _joint_partner(v, span, None) is not None
