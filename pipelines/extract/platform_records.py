"""Platforms a page lists as records of labelled fields, one field per line:

    Centre: HySteel – Competence Centre for Fossil-free Steel Processing
    Host: Luleå University of Technology
    Partners: 17, including ...

A label that names a kind of platform ("Centre:", "Institute:", "Laboratory:", "Hub:") opens a record with the
platform's name (``note_record``); a "Host:" line within the next lines names the university that runs it
(``host_row``), and another university the line names as co-host is a partner. On a funder's page (no university of
its own), the funder that announces the platforms is their partner too. Dated by the last day the page told, not
later than the page itself (not the day they will start work).

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
