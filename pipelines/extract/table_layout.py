"""Tables as a scrape flattens them: one cell per line, or cells apart by tabs or runs of spaces.

An HTML table turned into text loses its grid. Two common results, both read here as rows of cells so that
``tables.py`` can treat them as it treats "A | B | C" lines:

* one cell per line (blank lines between cells or not)::

      City
      Agreements signed
      Platforms built
      Jinan
      48
      21

  A run of short lines is such a table when its first ``k`` lines (2 to 6) hold no figure (the header) and at
  least two groups of ``k`` lines follow, each a label (a name or a year) and ``k - 1`` figures;
* a line whose cells are apart by tabs or by three or more spaces ("Jinan\\t48\\t21"), or by two where that parts
  three or more names ("1  X Key Laboratory  Y University  Z Co., Ltd.").

Plain Python, no Dagster; used by ``text.py`` while it splits a page into sentences.
"""

from __future__ import annotations

import re

_FIGURE = re.compile(r"(?:[$£€¥₹]\s?)?\d[\d,]*(?:\.\d+)?\s*[%+]?|[-\u2013\u2014]|n/?a", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_WIDE = re.compile(r"[ ]*\t[ \t]*| {3,}")
_MAX_CELL = 60
_MAX_WORDS = 8


def _cell(s: str) -> bool:
    """Short enough to be a cell, and no sentence ("Jinan", "Agreements signed", "48")."""
    # (a company's legal form ends a cell with its full stop: "Daikin Industries, Ltd.")
    return 0 < len(s) <= _MAX_CELL and len(s.split()) <= _MAX_WORDS and not (
        re.search(r"[.!?:;,]$", s) and not _LEGAL_FORM_END.search(s))


_LEGAL_FORM_END = re.compile(r"\b(?:Ltd|Inc|Co|Corp|Bhd|Pty|Pvt|Plc|Ld)\.$")


def is_figure(s: str) -> bool:
    """A cell that is a figure ("48", "1,200+", "$3.5", "-"), not a year."""
    return bool(_FIGURE.fullmatch(s)) and not _YEAR.fullmatch(s)


def _row(group: list[str]) -> bool:
    """A label (a name or a year, no figure) and figures."""
    return _cell(group[0]) and not is_figure(group[0]) and all(is_figure(c) for c in group[1:])


def cell_tables(lines: list[str]) -> list[tuple[int, int, int]]:
    """(first line, cells per row, rows) of each table laid out one cell per line in ``lines`` (the page's
    non-blank lines, stripped, in order): the header is lines[first:first + width], then ``rows`` rows."""
    out: list[tuple[int, int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        found = None
        for k in range(2, 7):
            if i + 3 * k > n:
                break
            head = lines[i:i + k]
            if not all(_cell(h) and not is_figure(h) and not _YEAR.fullmatch(h) for h in head):
                continue
            rows, j = 0, i + k
            while j + k <= n and _row(lines[j:j + k]):
                rows, j = rows + 1, j + k
            if rows >= 2:
                found = (i, k, rows)
                break
        found = found or _numbered_bodies(lines, i)
        if found:
            out.append(found)
            i = found[0] + found[1] * (found[2] + 1)
        else:
            i += 1
    return out


# the header of a column that numbers a table's rows: "No.", "S. No", "Serial No.", "#"
NUMBER_HEAD = re.compile(r"(?:S\.?\s?|Serial\s)?No\.?|#", re.I)


def _numbered_bodies(lines: list[str], i: int) -> tuple[int, int, int] | None:
    """(first line, cells per row, rows) of a numbered table of names laid out one cell per line ("No." /
    "Platform" / "Partner" / "Year", then "1" / "X Institute" / "Y City" / "2017"): the header opens on a number
    column, and each row on its number, counting up from 1, then names, years or dashes."""
    if i >= len(lines) or not NUMBER_HEAD.fullmatch(lines[i]):
        return None
    for k in range(3, 7):
        head = lines[i + 1:i + k]
        if len(head) < k - 1 or not all(_cell(h) and not is_figure(h) and not _YEAR.fullmatch(h) for h in head):
            return None
        rows, j = 0, i + k
        # (a row: its number, then cells none of which is the next row's number, as a row one cell short would
        # have)
        while j + k <= len(lines) and lines[j] == str(rows + 1) and str(rows + 2) not in lines[j + 1:j + k] and all(
                _YEAR.fullmatch(c) or _FIGURE.fullmatch(c) or _name_cell(c, 14) and not NUMBER_HEAD.fullmatch(c)
                for c in lines[j + 1:j + k]):
            rows, j = rows + 1, j + k
        if rows >= 2 and (j >= len(lines) or lines[j] != str(rows + 1)):
            return i, k, rows
    return None


def wide_cells(line: str) -> list[str] | None:
    """The cells of one line laid out with tabs or runs of three or more spaces, when each is short and no
    sentence ("Jinan\\t48\\t21" -> ["Jinan", "48", "21"]); else None. Two spaces part cells too where they
    part three or more of them, each a name of up to a dozen words (a list of approved platforms:
    "1  Hunan Provincial Key Laboratory of X  Central South University  AECC South Industry Co., Ltd.")."""
    if "\n" in line:
        return None
    line = line.strip()
    if _WIDE.search(line):
        parts = [p.strip() for p in _WIDE.split(line)]
        if "\t" in line and len(parts) >= 3:
            # (a tab is the table's own separator: a cell may hold a long name, "Tungsten and Rare Earth Advanced
            # Materials Engineering Research Center", as long as it is no sentence)
            return parts if all(_name_cell(p, 14) for p in parts) else None
        return parts if len(parts) >= 2 and all(_cell(p) for p in parts) else None
    parts = [p.strip() for p in _NARROW.split(line)]
    if len(parts) >= 3 and all(_name_cell(p, 12) for p in parts):
        return parts
    return None


def _name_cell(p: str, max_words: int) -> bool:
    """A cell that may hold a long name (up to 100 characters and ``max_words`` words) but no sentence: no closing
    punctuation, no full stop after a lower-case word ("Co., Ltd." ends a name)."""
    return 0 < len(p) <= 100 and len(p.split()) <= max_words and not re.search(r"[!?:;,]$", p) \
        and not re.search(r"[a-z]{3}\.$", p)


_NARROW = re.compile(r" {2,}")


# a caption's bracketed list of its columns, at the line's end: "Selected centers (name; host; co-builder; year):"
_BRACKET_HEAD = re.compile(r"\(([^()]+)\):?\s*$")


def name_cells(text: str) -> list[str] | None:
    """Cells parted by " / " or "; ", each a short name or figure and none a sentence (a row of a list a page wrote
    as text), or the columns a caption lists in brackets."""
    head = _BRACKET_HEAD.search(text)
    line = head.group(1) if head else text.strip()
    if head and "," in line and ";" not in line and len(text[:head.start()].split()) <= 8:
        # "Selected co-built platforms (partner, year)": the rows give each body's name, then these in brackets
        parts = [c.strip() for c in line.split(",")]
        if 2 <= len(parts) <= 4 and all(re.fullmatch(r"[a-z][a-z-]*(?: [a-z-]+){0,2}", c) for c in parts):
            return parts if any(c == "name" for c in parts) else ["name", *parts]
    for sep in (" / ", ";"):
        parts = [c.strip() for c in line.split(sep)]
        parts[0] = re.sub(r"^\(?\d{1,3}[.)]\s+", "", parts[0])  # the row's number ("1. X Center; ...")
        if len(parts) >= 3 and all(0 < len(c) <= 100 and len(c.split()) <= 14 and not re.search(r"[a-z]{3}\.$", c)
                                   for c in parts) and not (head and not all(len(c.split()) <= 3 for c in parts)):
            return parts
    return None
