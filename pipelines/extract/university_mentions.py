"""Which universities a sentence names, and where: the reference table's hits resolved (a campus the table lists,
a body of its own after a university's name, a brand glued from a short form), names built on a founder's
possessive, the page's own abbreviations and short form, and the generic "X University" names the table does not
list. Split out of ``names.py``, which calls ``_university_spans`` for each sentence's mentions.

Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.doc_context import DocContext, _standalone
from pipelines.extract.lexicon import (
    DOCUMENT_AFTER, ENTERPRISE_SUFFIX, NATIONS, _STOP_CAPS, _TITLE_WORDS, _overlaps, generic_universities,
)
from pipelines.extract.places import reference_index

NATION_PAIR = re.compile(NATIONS + r"\s+[A-Z]")  # ("the Sino-Italian Campus": a joint body's name opens so)


# a campus named after its university's name ("University of Alabama in Huntsville", "University of X-Place")
_CAMPUS_AFTER = re.compile(r"(?:\s+(?:in|at)\s+|\s*[-\u2013]\s*|,\s+)(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b")


# words that, right after a university's name, make the whole another body (a hospital group, a foundation, a
# press): "Mayo Clinic Health System" is no Mayo Clinic
_ANOTHER_BODY_AFTER = re.compile(r"\s+(?:Health(?:care)? (?:System|Network|Group|Trust)|Hospitals? (?:Group|Trust|"
                                 r"System)|Foundation|Press|Holdings|NHS Trust)\b")


_GLUED_UNIVERSITY = re.compile(r"\b([A-Z]{2,4})(University|College)\b")


# the field a university's name takes after "of", written without it ("Wuhan University Technology")
# (not a body of the university named after it: "Anhui University Science Park")
_OF_DROPPED = re.compile(r"\s+((?:Science and )?Technology|Science|Sciences|Engineering|Technology and Business)\b"
                         r"(?![\s-]+[A-Z])")


def _university_spans(s: str, ctx: DocContext, hits: list) -> list[tuple[int, int, str]]:
    """The universities of a sentence, from the table's ``hits`` in it (``UniversityIndex.find_all``)."""
    spans: list[tuple[int, int, str]] = []
    idx = reference_index()
    taken: list[tuple[int, int]] = []
    if idx is not None:
        for us, ue, u in hits:
            if _ANOTHER_BODY_AFTER.match(s, ue):
                continue  # "Mayo Clinic Health System", "the University of Leeds Foundation": a body of its own
            bare = re.sub(r"^[Tt]he ", "", s[us:ue])
            campus = _CAMPUS_AFTER.match(s, ue)
            row = idx.campus_row(bare, campus.group("place")) if campus else None
            if row is not None:
                # "The University of Alabama in Huntsville": the campus the table lists ("... at Huntsville")
                spans.append((us, campus.end("place"), row.name))
                taken.append((us, campus.end("place")))
                continue
            slip = _OF_DROPPED.match(s, ue) if s[us:ue].endswith("University") else None
            fuller = idx.by_name(f"{bare} of {slip.group(1)}") if slip else None
            if fuller is not None:
                # "Wuhan University Technology": a slip for "Wuhan University of Technology", which the table lists
                spans.append((us, slip.end(1), fuller.name))
                taken.append((us, slip.end(1)))
                continue
            # (the page's own definition of an abbreviation beats the table's: "Chonnam National University (CNU)"
            # on a Korean page is no Capital Normal University)
            spans.append((us, ue, ctx.abbreviations.get(s[us:ue], u.name)))
            taken.append((us, ue))
        # a campus of a family the table lists only in part ("IIT Dharwad", "National Institute of Technology Goa")
        for us, ue, name in idx.find_campuses(s):
            inside = [x for x in spans if us <= x[0] and x[1] <= ue]  # a shorter name the campus's name holds
            lead = re.match(r"[A-Z]{2,5}(?=[\s-])", s[us:ue])
            site = idx.by_domain(ctx.url) if lead and ctx.url else None
            own = ctx.abbreviations.get(lead.group()) if lead else None
            own = own or (site.name if site is not None and lead.group() in site.abbreviations else None)
            if idx.by_name(name) is None and own is not None and not name.startswith(own.split(",")[0]):
                continue  # ("CSU-Yueyang ... Institute" on Central South University's site: initials the site or the
                # page gives another university make no campus the table does not list)
            rest = [(a, b) for a, b, _ in spans if (a, b, _) not in inside]
            if not _overlaps((us, ue), rest):
                spans[:] = [x for x in spans if x not in inside] + [(us, ue, name)]
                taken[:] = [(a, b) for a, b, _ in spans]
        # a university's brand glued from its short form and its head word: "CQUniversity" (CQU, cqu.edu.au)
        for m in _GLUED_UNIVERSITY.finditer(s):
            row = None if _overlaps(m.span(), taken) else idx.resolve_short_label(m.group(1) + m.group(2)[0],
                                                                                  page_url=ctx.url)
            if row is not None:
                spans.append((m.start(), m.end(), row.name))
                taken.append(m.span())
    generic_spans = list(generic_universities(s))  # (read once: the possessive pass and the generic pass below)
    for ms, me in generic_spans:
        # "King Mongkut's University of Technology Thonburi": a founder's possessive opens the name, and the
        # table's "University of Technology" inside it is no university of its own
        # (the possessive stands right before the head word, and the name runs on with no second body after an
        # "and": "Vietnam's Hanoi University of Science and Technology and Yunnan Copper Co." is two bodies and a
        # country's possessive)
        inner = [x for x in spans if ms < x[0] and x[1] <= me and re.search(r"[A-Z][\w-]*(?:'s|\u2019s) $", s[ms:x[0]])
                 and re.match(r"(?:University|Institute|College|Polytechnic)\b", s[x[0]:])
                 and not re.search(r"\band\b", s[x[1]:me])]
        if inner and all(ms <= a and b <= me for a, b, _ in spans if _overlaps((a, b), [(ms, me)])):
            spans[:] = [x for x in spans if not _overlaps((x[0], x[1]), [(ms, me)])]
            if s[ms:].startswith(("The ", "the ")):
                ms += 4
            name = s[ms:me]
            row = idx.by_name(name) if idx is not None else None
            spans.append((ms, me, row.name if row is not None else name))
            taken[:] = [(a, b) for a, b, _ in spans]
    for abbr, name in ctx.abbreviations.items():
        for m in re.finditer(rf"\b{re.escape(abbr)}\b", s):
            if not _overlaps(m.span(), taken):
                spans.append((m.start(), m.end(), name))
                taken.append(m.span())
    generic = []
    for ms, me in generic_spans:
        # "the University of Westbrook and Westbrook Spa University": the "and" of a name's "of" part
        # ("University of Science and Technology") does not swallow a second university
        cut = re.search(r"\s+and\s+(?=(?:[A-Z][\w'&.-]*\s+){1,4}(?:University|Institute of Technology)\b)", s[ms:me])
        company = None
        if cut is None:
            # (nor a company after it: "Clausthal University of Technology and Volkswagen AG", left to the
            # organisations' pass)
            # (or one word after it that opens a company's name the page gives: "University of Michigan and Ford"
            # after "Ford Motor Company")
            company = cut = next((c for c in re.finditer(r"\s+and\s+(?=[A-Z])", s[ms:me])
                                  if ENTERPRISE_SUFFIX.search(s[ms + c.end():me]) or " " not in s[ms + c.end():me]
                                  and any(e.split()[0] == s[ms + c.end():me] for e in ctx.enterprises)), None)
        if cut and "University of " in s[ms:ms + cut.start()]:
            generic.append((ms, ms + cut.start()))
            if company is None:
                generic.append((ms + cut.end(), me))
        else:
            generic.append((ms, me))
    for st, en in generic:
        words = s[st:en].split()
        while words and words[0].lower() in _STOP_CAPS | _TITLE_WORDS:
            st += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or _overlaps((st, en), taken):
            continue
        if DOCUMENT_AFTER.match(s, en) or re.match(r"\s+Partnership\b", s[en:]):
            continue  # "a Civic University Agreement": the title of a document, no university
        if NATION_PAIR.match(s, st) and re.match(r"\s+(?:College|Institute|School|Centre|Center|Campus)\b", s[en:]):
            continue  # "the Chinese-German University College": a joint college two countries' bodies run
        name = " ".join(words)
        if idx is not None:
            u = idx.by_name(name)
            if u is not None:
                name = u.name
        spans.append((st, en, name))
        taken.append((st, en))
    if ctx.short_form:
        word, name = ctx.short_form
        for m in _standalone(s, word):
            if not _overlaps(m.span(), taken):
                spans.append((m.start(), m.end(), name))
                taken.append(m.span())
    spans.sort()
    for _, _, name in spans:
        ctx.university_counts[name] = ctx.university_counts.get(name, 0) + 1
    return spans



def _universities_in(text: str, ctx: DocContext) -> list[str]:
    idx = reference_index()
    out = []
    if idx is not None:
        out = [u.name for _, _, u in idx.find_all(text, abbreviations=True, page_url=ctx.url)]
    for abbr, name in ctx.abbreviations.items():
        if re.search(rf"\b{re.escape(abbr)}\b", text):
            out.append(name)
    return out
