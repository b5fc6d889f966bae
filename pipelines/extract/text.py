"""Text normalisation and sentence splitting.

Sentences are spans of the *original* text (so evidence offsets are exact);
each carries a cleaned copy (curly quotes straightened, line breaks and broken
glyphs removed, doubled slide headings halved) that the fact rules read.

Line handling:

* blank lines always end a sentence;
* a document is *hard-wrapped* (PDF text) when most of its longer lines end
  without sentence punctuation; there a single line break is a space unless
  the line before ends a sentence, is a short heading, is a table row
  ("a | b | c"), a labelled figure ("Research projects: 150") or a name in a
  list of names, or the next line is a bullet;
* a figure alone on a line ("500+") and its label on the next are one sentence;
* otherwise a single line break ends the sentence (HTML paragraphs, titles,
  captions), except before a line starting in lower case (a broken sentence).

Splitting inside a line: after ``.``, ``!`` or ``?`` followed by space and an
upper-case letter, digit or opening quote, except after titles ("Dr.",
"Mr.", "St.", "No."), month abbreviations before a number ("Oct. 2018"),
initials and dotted abbreviations ("U.S."), and company suffixes followed by
another suffix ("Co. Ltd").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.extract.table_layout import cell_tables, is_figure, name_cells, wide_cells

_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "jr", "sr", "gen", "gov", "rep", "sen", "mt",
    "ft", "fig", "approx", "dept", "univ", "est", "vol", "pp", "art", "sq", "rev", "hon", "lt", "col", "capt",
}
_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_CURRENCY_ABBR = {"rs", "re", "rp"}  # rupee, rupiah: "Rs. 25 crore"
# the AP abbreviations of US states a dateline writes after its city ("FRANKFORT, Ky. (May 9, 2025) – ")
_STATE_ABBR = {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
               "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "vt", "va",
               "wash", "wis", "wyo"}
_COMPANY = {"co", "ltd", "inc", "corp", "llc", "plc", "bros"}
_COMPANY_NEXT = {"ltd", "limited", "inc", "llc", "co", "group", "corp"}

_QUOTE_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": " - ", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ",
    "\u3000": " ", "\ufffd": " ", "\u2022": " ", "\uf06c": " ", "\uf0d8": " ", "\u00ad": "",
    # full-width punctuation of Chinese sites' English pages ("May 5，2019。", "Wuhan University（WHU）")
    "\uff0c": ", ", "\u3002": ". ", "\uff08": " (", "\uff09": ") ", "\uff1a": ": ", "\uff1b": "; ",
    "\uff01": "! ", "\uff1f": "? ", "\u3001": ", ", "\u300a": '"', "\u300b": '"', "\u300c": '"', "\u300d": '"',
})
_WS = re.compile(r"\s+")
_DOUBLED = re.compile(r"^(?P<x>.{4,}?)\s*(?P=x)$")
_DOUBLED_WORD = re.compile(r"\b([A-Z][a-z]{2,})\1(?=[-\s])")
_TERMINAL = re.compile(r"[.!?:;\"')\]]$")
# a row of a record that opens with its year ("2017 - Signed a memorandum ...", "2019: Opened ...")
_YEAR_ROW = re.compile(r"(?:19|20)\d\d\s*(?:[-\u2013\u2014:|])\s")
_BULLET = re.compile(r"^\s*[\u2022\u2023\u25cf\u25aa\u2013\-*\ufffd\uf06c\uf0d8•]")
_SPLIT = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\u201c\u2018]?[A-Z0-9\u201c])|[\u3002\uff01\uff1f]+(?=\s*\S)")


# a word a PDF's line wrap hyphenated: "the Uni-\nversity", "commit-\nted" (a compound keeps its hyphen: "high-\ntech")
_WRAP_HYPHEN = re.compile(r"\b(?P<a>[A-Za-z]{2,})-[ \t]*\n[ \t]*(?P<b>[A-Za-z]{2,})\b")


def _dehyphenate(m: re.Match) -> str:
    from pipelines.extract.nlp import is_word  # (lazy: the model loads only for a page that has such a wrap)

    joined = m.group("a") + m.group("b")
    # (a name's hyphen kept whole: "SIT-\nSembcorp" -> "SIT-Sembcorp")
    return joined if m.group("b")[0].islower() and is_word(joined) else f"{m.group('a')}-{m.group('b')}"


def clean(text: str) -> str:
    """Analysis copy of a piece of text: straight quotes, words a line wrap hyphenated made whole again, one space
    for any run of whitespace."""
    if "-\n" in text or "- \n" in text:
        text = _WRAP_HYPHEN.sub(_dehyphenate, text)
    text = text.translate(_QUOTE_MAP)
    text = _DOUBLED_WORD.sub(r"\1", text)
    return _WS.sub(" ", text).strip()


def dedouble(line: str) -> str:
    """A slide heading repeated by the PDF extractor ("Modes of cooperationModes of cooperation") halved."""
    m = _DOUBLED.match(line.strip())
    return m.group("x").strip() if m else line


@dataclass
class Sentence:
    start: int
    end: int
    text: str          # verbatim text[start:end]
    clean: str         # normalised copy for the rules
    block: int         # paragraph number
    index: int = 0     # position in the document
    heading: str | None = None  # raw timeline heading governing it, if any
    info: dict = field(default_factory=dict)


def is_wrapped(text: str) -> bool:
    """True when the text is hard-wrapped (PDF-like): most longer lines end mid-sentence."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    longish = [ln for ln in lines if len(ln) >= 25]
    if len(longish) < 5:
        return False
    open_ended = sum(1 for ln in longish if not _TERMINAL.search(ln))
    avg = sum(len(ln) for ln in longish) / len(longish)
    return open_ended / len(longish) >= 0.5 and avg < 110


# Pages lay figures out as stat blocks: a figure alone on a line ("500+", "£120m", "Over 1,200") with its label
# on the next line ("industry partners"), even across one blank line: the two are one sentence. A line that
# ends in a labelled figure ("Number of MoUs signed: 32", "PhD studentships - 85", "Industry partners 500+", not
# a year) before a line that starts with a capital or a digit is a list row: it ends there.
_FIGURE_LINE = re.compile(r"^(?!(?:19|20)\d\d\s*$)"  # a year alone is a timeline's heading, not a figure
                          r"(?:(?:over|more than|about|nearly|almost|some|around|up to)\s+)?[$£€¥₹]?\d[\d,.]*\s*"
                          r"(?:[kmb]n?|million|billion|thousand)?\s*[+%]?$", re.I)
_LABEL = re.compile(r"^[A-Za-z][\w'&-]*(?:[ ,][\w'&()-]+){0,10}$")
_LABELLED_FIGURE = re.compile(r"[A-Za-z]\s*(?::|\s[-\u2013\u2014]|\s)\s*(?!(?:19|20)\d\d$)\d[\d,]*\+?$")


# A list of names, one per line ("Rolls-Royce@NTU Corporate Lab" / "Delta-NTU Corporate Lab for ..."): a line
# that is a whole title-case name ending in a body's head word, followed by another such line, is a row of
# its own even in hard-wrapped text.
_BODY_HEAD = (r"(?:Lab|Labs|Laborator(?:y|ies)|Cent(?:re|er)s?|Institutes?|Bases?|Parks?|Platforms?|Hubs?|Alliances?|"
              r"Workstations?|Colleges?|Schools?|Universit(?:y|ies)|Foundations?|Programmes?|Programs?|Groups?|"
              r"Companies|Company|Corporation|Ltd\.?|Inc\.?|Limited)")
_NAME_ROW = re.compile(rf"^[A-Z0-9][\w@&'.-]*(?: (?:[A-Z0-9][\w@&'.,-]*|of|for|and|the|in|on|&|-))*? {_BODY_HEAD}"
                       rf"(?: (?:of|for|on|in) (?:the )?[A-Z][\w@&'.-]*(?: [A-Z][\w@&'.-]*)*)?$")


# A list of labelled figures, one per line ("Virginia Tech – 5 projects" / "University of Virginia – 4 projects"):
# two such lines in a row are two rows even in hard-wrapped text.
_DASH_ROW = re.compile(r"^\S.{1,80}\s[-\u2013\u2014:|]\s+\d[\d,.]*\+?(?:\s+[A-Za-z][\w-]*){0,3}$")


# A list of bodies, one per line, each a name and a spaced dash ("Green Marine Fuels Laboratory - hosted by ...",
# "1. Centre of Excellence in AI for Healthcare - IIT Hyderabad"): two such lines in a row are two rows.
_NAME_DASH = re.compile(r"^(?:\d{1,2}[.)]\s+)?[A-Z][^.!?]{3,110}?\s[-\u2013\u2014]\s+\S")


# A list of labelled rows, one per line ("Jinan City, Shandong: BIT Jinan Innovation Research Institute, 2020; 57
# enterprises served"): two lines in a row that each open with a short label and a colon are two rows.
_LABEL_COLON = re.compile(r"^(?:[-*\u2022]\s+)?[A-Z][^:!?]{2,130}:\s+\S")


# a row of a news list that closes on its date ("ZJUT and Quzhou co-build X Institute  2024-06-18"): it ends there
_DATED_ROW = re.compile(r"\s(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])$")


def _units(text: str, wrapped: bool) -> list[tuple[int, int, int, list[str] | None]]:
    """(start, end, block, cells) spans of text that sentence splitting works inside; ``cells`` is a row (or the
    header) of a table laid out one cell per line (table_layout.py), which is one sentence."""
    units: list[tuple[int, int, int, list[str] | None]] = []
    block = 0
    pos = 0
    lines: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*(?:\n|$)", text):
        if m.start() == len(text) and not m.group():
            break
        s, e = m.start(), m.end()
        content_end = s + len(m.group().rstrip("\n\r"))
        lines.append((s, content_end))
        pos = e
    del pos
    # the wrap width: a hard-wrapped line ends where the next word would not fit; a line that ends far short
    # of it, before a capital or a digit, ends there on purpose (a heading, a name row, a list row)
    tables = _cell_rows(text, lines)
    lengths = sorted(e - s for s, e in lines if e - s >= 25)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    cur_start: int | None = None
    cur_end = 0
    prev_line = ""
    figure_open = False  # the unit so far is a figure alone ("500+"): its label is on the next line
    skip_to = -1
    for n, (s, e) in enumerate(lines):
        if n < skip_to:
            continue
        if n in tables:
            if cur_start is not None:
                units.append((cur_start, cur_end, block, None))
                cur_start, figure_open, prev_line = None, False, ""
            block += 1
            for first, last, cells in tables[n]:
                start = lines[first][0]
                start += len(text[start:lines[first][1]]) - len(text[start:lines[first][1]].lstrip())
                units.append((start, lines[last][1], block, cells))
            skip_to = tables[n][-1][1] + 1
            block += 1
            continue
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            if cur_start is not None and not figure_open:
                units.append((cur_start, cur_end, block, None))
                cur_start = None
            block += 1
            prev_line = ""
            continue
        if cur_start is not None:
            join = False
            if figure_open:
                join = bool(_LABEL.match(stripped))
            elif wrapped:
                join = (not re.search(r"[.!?]['\"\u201d]?$", prev_line) and len(prev_line) >= 25
                        and not _BULLET.match(stripped) and prev_line.count(" | ") < 2
                        and not wide_cells(line) and not wide_cells(prev_line)
                        and not name_cells(stripped) and not name_cells(prev_line)
                        and not _YEAR_ROW.match(stripped)
                        and not _DATED_ROW.search(prev_line)
                        and not (_LABELLED_FIGURE.search(prev_line) and re.match(r"[A-Z0-9]", stripped))
                        and not (_NAME_ROW.match(prev_line) and _NAME_ROW.match(stripped))
                        and not (_DASH_ROW.match(prev_line) and _DASH_ROW.match(stripped))
                        and not (_NAME_DASH.match(prev_line) and _NAME_DASH.match(stripped))
                        and not (_LABEL_COLON.match(prev_line) and _LABEL_COLON.match(stripped))
                        and not (re.match(r"[A-Z0-9$£€¥₹]", stripped)
                                 and len(prev_line) + 1 + len(stripped.split()[0]) <= 0.7 * width))
            else:
                join = bool(re.match(r"[a-z(]", stripped)) and not re.search(r"[.!?:]['\"\u201d]?$", prev_line)
            figure_open = False
            if join:
                cur_end = s + len(line.rstrip())
                prev_line = stripped
                continue
            units.append((cur_start, cur_end, block, None))
        lead = len(line) - len(line.lstrip())
        cur_start = s + lead
        cur_end = s + len(line.rstrip())
        prev_line = stripped
        figure_open = bool(_FIGURE_LINE.match(stripped))
    if cur_start is not None:
        units.append((cur_start, cur_end, block, None))
    return units


def _cell_rows(text: str, lines: list[tuple[int, int]]) -> dict[int, list[tuple[int, int, list[str]]]]:
    """The tables laid out one cell per line: {index of the table's first line: [(first line, last line, cells)
    of the header and of each row]} (indices into ``lines``)."""
    filled = [n for n, (s, e) in enumerate(lines) if text[s:e].strip()]
    out: dict[int, list[tuple[int, int, list[str]]]] = {}
    for first, width, rows in cell_tables([text[lines[n][0]:lines[n][1]].strip() for n in filled]):
        groups = []
        for r in range(rows + 1):
            idx = filled[first + r * width:first + (r + 1) * width]
            groups.append((idx[0], idx[-1], [clean(text[lines[n][0]:lines[n][1]]) for n in idx]))
        out[groups[0][0]] = groups
    return out


def _is_boundary(text: str, dot: int, nxt: int) -> bool:
    """Whether the punctuation ending at ``dot`` (index of last mark) ends a sentence."""
    if text[dot] in "!?\u3002\uff01\uff1f":
        return True
    m = re.search(r"([A-Za-z][A-Za-z.]*)\.?$", text[max(0, dot - 20):dot + 1].rstrip(".\"')]"))
    word = m.group(1) if m else ""
    low = word.lower().rstrip(".")
    following = text[nxt:nxt + 20]
    next_word = re.match(r"[\"'(\u201c]?([A-Za-z0-9]+)", following)
    nw = next_word.group(1) if next_word else ""
    if low in _TITLES:
        return False
    if low in _MONTH_ABBR and nw[:1].isdigit():
        return False
    if low in _CURRENCY_ABBR and nw[:1].isdigit():  # "Rs. 25 crore"
        return False
    if low in _STATE_ABBR and re.search(r"(?:^|\n)\s*[A-Z]{3,}(?: [A-Z]{2,})*,\s*$", text[max(0, dot - 60):dot - len(word)]):
        return False  # a dateline's state after its city in capitals
    if "." in word.rstrip("."):  # U.S. / e.g. / i.e.
        return nw[:1].isupper() and nw.lower() in _SENTENCE_STARTERS
    if len(word) == 1 and word.isupper():  # an initial
        return False
    if re.fullmatch(r"[IVX]{1,4}", word) and not text[text.rfind("\n", 0, dot) + 1:dot - len(word)].strip():
        return False  # a section's numeral opening its line ("II. Provincial engineering centres")
    if re.fullmatch(r"\s*\d{1,2}", text[text.rfind("\n", 0, dot) + 1:dot]):
        return False  # a numbered row's number opening its line ("1. NPU Xi'an Hi-tech Institute of ...")
    if low in _COMPANY:  # ("Co., Ltd. (Shenhua Energy) on ...": the short form in brackets continues the sentence)
        return nw.lower() not in _COMPANY_NEXT and not following.startswith("(")
    return True


_SENTENCE_STARTERS = {
    "the", "a", "an", "this", "that", "these", "it", "he", "she", "they", "we", "in", "on", "at", "according",
    "under", "since", "during", "after", "before", "both", "its", "their", "his", "her", "there", "as",
}


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a document as spans of the original text (see module docstring)."""
    wrapped = is_wrapped(text)
    out: list[Sentence] = []
    for us, ue, block, cells in _units(text, wrapped):
        if cells:
            out.append(Sentence(us, ue, text[us:ue], " | ".join(cells), block, info={"cells": cells}))
            continue
        if "\n" not in text[us:ue] and wide_cells(text[us:ue]):
            _add(out, text, us, ue, block)  # a table's line is one row, whatever full stops its cells hold ("Co., Ltd.")
            continue
        start = us
        for m in _SPLIT.finditer(text, us, ue):
            dot = m.end() - 1
            while dot > m.start() and text[dot] not in ".!?\u3002\uff01\uff1f":
                dot -= 1
            nxt = m.end()
            while nxt < ue and text[nxt].isspace():
                nxt += 1
            if not _is_boundary(text, dot, nxt):
                continue
            _add(out, text, start, m.end(), block)
            start = nxt
        _add(out, text, start, ue, block)
    for i, s in enumerate(out):
        s.index = i
    return out


# what stands before a page's first sentence without being part of it: an archive's date stamp
# ("date 2025-10-16 ") and a news dateline ("SINGAPORE - ", "RICHMOND, Va. (WRIC) – ")
_DATE_STAMP = re.compile(r"date \d{4}-\d{2}-\d{2}\s+")



_MON_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# ... with the report's date before the dash or colon: "CHANGSHA, Sept 14 -- ", "CHENNAI, 21 July 2023: ", a wire's
# tag after it ("BOISE, Idaho, Oct. 8, 2025 /PRNewswire/ -- ")
# or in brackets: "FRANKFORT, Ky. (May 9, 2025) – ", or a news agency's initials after a comma ("Dhahran, February 19,
# 2024, SPA -- ")
_DATELINE_DAY = rf"(?:{_MON_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON_NAME})"  # ("9th August 2024")
_DATELINE_DATE = (rf"(?:,\s*(?P<dl>{_DATELINE_DAY}(?:,?\s+(?:19|20)\d\d)?)|\s*\((?P<bdl>{_DATELINE_DAY},?\s+(?:19|20)\d\d)\))"
                  r"(?:\s*\((?:[A-Z][\w ]*)\)|,\s*[A-Z]{2,6}(?=\s*[-\u2013\u2014]))?(?:\s*/[A-Z][\w -]*/)?\s*(?:[-\u2013\u2014]{1,2}|:)\s+")
# (the state after the city: "AMES, Iowa – ", "FORT COLLINS, Colo. – ", "BOISE, Idaho, ", its postal code before the
# date: "HAMILTON, ON, March 4, 2025 /CNW/ - ")
_CAPS_DATELINE = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,})*(?:, [A-Z][a-z]{1,4}\.|, (?:[A-Z]\.){2}|, [A-Z]{2}(?=,)|, [A-Z][a-z]+(?: [A-Z][a-z]+)?"
                            r"(?= *(?:,|[-\u2013\u2014]{1,2}\s)))?(?: \([A-Z]+\))?"
                            rf"(?:\s+[-\u2013\u2014]{{1,2}}\s+|:\s+(?=[A-Z])|{_DATELINE_DATE})")


# ... and in title case, where the report's date must follow: "Changsha, June 5, 2023 -- ", "Ningbo, Zhejiang, March
# 12 (Xinhua) -- " (without the date, "Tianjin - " could open a sentence)
_TITLE_DATELINE = (r"[A-Z][a-z]+(?:['\u2019][a-z]+)?(?:[ -][A-Z][a-z]+){0,2}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
                   + _DATELINE_DATE.replace("?P<dl>", "?P<tdl>").replace("?P<bdl>", "?P<tbdl>"))
_CAPS_DATELINE = re.compile(rf"{_CAPS_DATELINE.pattern}|{_TITLE_DATELINE}")


_LEAD = re.compile(r"(?:date \d{4}-\d{2}-\d{2}\s+)?(?:[A-Z][A-Z.]+(?:[ ,]+[A-Z][A-Za-z.]*)*\s*(?:\([A-Z]+\))?\s+[-–—]{1,2}\s+|"
                   r"[A-Z]{3,}(?: [A-Z]{2,})*:\s+(?=[A-Z])|"
                   rf"[A-Z]{{3,}}(?: [A-Z]{{2,}})*(?:, [A-Z][a-z]{{1,4}}\.|, (?:[A-Z]\.){{2}}|, [A-Z]{{2}}(?=,))?{_DATELINE_DATE}|"
                   rf"{_TITLE_DATELINE})?")


def _add(out: list[Sentence], text: str, start: int, end: int, block: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    # datelines open a page; a dateline in capitals can also open the story under a headline
    # ("WEST LAFAYETTE, Ind. - Purdue University and ...")
    lead = _LEAD.match(text, start, end) if not out else (
        _CAPS_DATELINE.match(text, start, end) if out[-1].block != block else None) or _DATE_STAMP.match(text, start, end)
    info = {}
    if lead and lead.end() < end:
        start = lead.end()
        date = next((lead.groupdict().get(g) for g in ("dl", "tdl", "bdl", "tbdl") if lead.groupdict().get(g)), None)
        if date:
            info["dateline"] = clean(date)  # the report's date the dateline gave
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    raw = text[start:end]
    cells = wide_cells(raw)
    if cells:  # a table's line laid out with tabs or runs of spaces
        info["cells"] = [clean(c) for c in cells]
    # a row of figures reads as "Jinan | 48 | 21" (no name runs into its figures); a line of words keeps its text
    # (and so does a row of three or more names: "1 | X Key Laboratory | Y University | Z Co., Ltd.")
    figures = cells and (any(is_figure(c) for c in info["cells"][1:]) or len(cells) >= 3)
    out.append(Sentence(start, end, raw, " | ".join(info["cells"]) if figures else clean(dedouble(raw)), block,
                        info=info))


def page_host(url: str | None) -> str:
    """The lower-case host of a page's address ("www.tia.org.za"), "" when there is none or it does not parse."""
    from urllib.parse import urlsplit

    try:
        return (urlsplit(url or "").hostname or "").lower()
    except ValueError:  # ("http://[bad": an unclosed IPv6 bracket)
        return ""
