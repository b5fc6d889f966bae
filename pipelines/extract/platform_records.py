"""Platforms a page lists as records of labelled fields, one field per line:

    Centre: HySteel – Competence Centre for Fossil-free Steel Processing
    Host: Luleå University of Technology
    Partners: 17, including ...

A label that names a kind of platform ("Centre:", "Institute:", "Laboratory:", "Hub:") opens a record with the
platform's name (``note_record``); a "Host:" line within the next lines names the university that runs it
(``host_row``), and another university the line names as co-host is a partner. On a funder's page (no university of
its own), the funder that announces the platforms is their partner too. Dated by the last day the page told, not
later than the page itself (not the day they will start work).

Platforms a page lists as cards too, a name line over a line that tells how the body was set up:

    Jinan University Nanhai Biomedicine Research Institute
    Established in 2019 by Jinan University and the district, the institute runs ...

A line that is a platform's name alone opens the card (``note_card``); the next line, opening with a participle of
founding ("Founded by", "Established in 2019 by", "Set up ... by", "Jointly built with"), names who set it up and
when (``card_row``).

Plain Python, no Dagster; called by ``platforms.extract`` per sentence.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.platform_names import PLATFORM_NOUNS, platform_type

_RECORD = re.compile(r"\s*(?P<label>Cent(?:re|er)|Institute|Laborator(?:y|ies)|Lab|Hub|Platform|Base)\s*:\s*"
                     r"(?P<name>[A-Z0-9][^:]{2,120})$")
_HOST = re.compile(r"\s*(?:Host(?:ed by)?|Host (?:institution|university)|Lead(?: institution| university)?|Led by|"
                   r"Coordinat(?:or|ed by))\s*:\s*(?P<rest>\S.*)$")
_SPAN = 3  # lines from the record's name to its host


def note_record(v: SentenceView) -> None:
    """A line "Centre: <name>": the record of a platform opens (its fields follow)."""
    m = _RECORD.fullmatch(v.clean.strip())
    if m:
        v.state.platform_record = (v.sentence.index, m.group("name").strip(), m.group("label").lower())


def host_row(v: SentenceView) -> list[dict]:
    """A line "Host: <university>[, with <university> as co-host]" of the record before it: the platform."""
    record, m = v.state.platform_record, _HOST.fullmatch(v.clean.strip())
    if record is None or m is None or not 0 < v.sentence.index - record[0] <= _SPAN:
        return []
    unis = [n for x in v.mentions if x.start >= m.start("rest") for n, k in [v.resolve(x)] if k == "university" and n]
    if not unis:
        return []
    ctx = v.state.ctx
    partners = [u for u in dict.fromkeys(unis) if u != unis[0]]
    if ctx.university is None and ctx.publisher and ctx.publisher not in unis:
        partners.append(ctx.publisher)  # (a funder's page: the funder that set them up with the universities)
    v.state.platform_record = None
    name, label = record[1], record[2]
    head = "laboratory" if label.startswith("laborator") else label  # (the label's kind: "centre", "lab", "hub")
    words = re.findall(r"[a-z]+", name.lower())
    own = next((w for w in reversed(words) if w in PLATFORM_NOUNS), None)  # (the name's own head word, if it has one)
    pub, day = v.state.published, v.state.last_day
    date = day if day and (pub is None or day <= pub) else pub  # (not the day they will start work)
    return [{"name": name, "platform_type": platform_type(name, own or head), "university": unis[0],
             "partner": "; ".join(partners) or None, "date": date, "_weak": False, "_founders": 2}]


# a line that opens with a participle of founding, its own subject left out ("Founded by A and B in 2017 in ...",
# "Established in 2019 by A and the district, the institute runs ...", "Jointly built with A in 2021, the center ...")
_FOUNDED_OPENER = re.compile(r"\s*(?:(?:Jointly|Co-?)\s*)?(?:[Ff]ounded|[Ee]stablished|[Ss]et up|[Bb]uilt|[Cc]reated|"
                             r"[Ll]aunched|[Cc]o-?(?:founded|built|established))\b(?P<clause>[^;]*?)(?:,\s+(?:it|the|its)\b|\.|$)")
_CARD_WORDS = 14  # a name line is short


def note_card(v: SentenceView) -> None:
    """A line that is a platform's name alone ("SCUT Nanhai Institute of Modern Industrial Innovation"): a card's
    title, whose next line may tell who set the body up (``card_row``)."""
    from pipelines.extract.platform_founding import name_head

    s = v.clean.strip()
    words = s.split()
    if 3 <= len(words) <= _CARD_WORDS and s[:1].isupper() and not s.endswith((".", "!", "?", ":", ",", ";")) \
            and name_head(s, ("of", "for", "on", "in")) is not None and sum(w[:1].isupper() for w in words) * 2 > len(words):
        v.state.platform_card = (v.sentence.index, s)
    elif v.state.platform_card is not None and v.sentence.index - v.state.platform_card[0] > 1:
        v.state.platform_card = None


def card_row(v: SentenceView) -> list[dict]:
    """The line after a card's title, opening with a participle of founding: the platform the title names, set up by
    the university and the partners the participle's clause names, dated by that clause."""
    from pipelines.extract.platform_founding import name_head

    card = v.state.platform_card
    m = _FOUNDED_OPENER.match(v.clean)
    if card is None or v.sentence.index - card[0] != 1 or m is None:
        return []
    start, end = m.start("clause"), m.end("clause")
    unis, partners = [], []
    for x in v.mentions:
        if not (start <= x.start < end) or not x.party:
            continue
        name, kind = v.resolve(x)
        if not name:
            continue
        (unis if kind == "university" else partners).append(name)
    ctx = v.state.ctx
    if not unis and ctx.university:
        unis = [ctx.university]
    if not unis:
        return []
    partners = [p for p in dict.fromkeys(partners) if p not in unis] + [u for u in dict.fromkeys(unis[1:])]
    if not partners and ctx.university is None and ctx.publisher:
        partners = [ctx.publisher]  # (a government's page: the body was set up with the page's government)
    dates = [d for d in v.dates if d.value and start <= d.start < end]
    v.state.platform_card = None
    name = card[1]
    return [{"name": name, "platform_type": platform_type(name, name_head(name, ("of", "for", "on", "in"))),
             "university": unis[0], "partner": "; ".join(partners) or None,
             "date": dates[0].value if dates else None, "_weak": False, "_founders": 2}]
