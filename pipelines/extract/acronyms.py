"""Acronyms of universities: the initials of a name's content words ("Dalian University of Technology" -> "DUT"), and
for a Chinese university one letter per pinyin syllable of its place word ("Yanshan University" -> "YSU"); an
acronym on a page is the page's own university, or one it names, whose initials it is.

Split out of ``names.py``, which calls ``_acronym_university`` while it classifies a capitalised chunk. Plain Python,
no Dagster.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.extract.places import is_pinyin

if TYPE_CHECKING:
    from pipelines.extract.doc_context import DocContext


def initials(name: str) -> str:
    """Initials of a name's content words: "Dalian University of Technology" -> "DUT"."""
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w'-]*", name)
                   if w.lower() not in ("of", "and", "the", "for", "at", "in", "de"))


def _acronym_university(text: str, ctx: DocContext) -> str | None:
    """An acronym ("DUT", "DUT's") whose letters are the initials of the page's own university or of one the
    page names: that university."""
    word = re.sub(r"'s$", "", text)
    if re.fullmatch(r"[A-Z]{2,6}-[A-Z]{1,3}", word):
        word = word.replace("-", "")  # ("IIT-K": the initials of "Indian Institute of Technology, Kanpur", hyphened)
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,7}", word) or sum(1 for c in word if c.isupper()) < 2:
        return None
    cands = ([ctx.university] if ctx.university else []) + list(ctx.university_counts)
    for name in cands:
        if name and initials(name) == word.upper():
            return name
    if len(word) >= 3:
        # a Chinese university's acronym takes one letter per syllable of its pinyin words: "YSU" is Yanshan
        # University, "XMU" Xiamen University
        for name in cands:
            if name and word.upper() in _syllable_initials(name):
                return name
    return None


_SYLLABLE = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|"
                       r"an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|u|v)|[bpmfw]?o")


def _syllables(word: str) -> list[list[str]]:
    """The ways a pinyin word splits into syllables ("yanshan" -> [["yan", "shan"]]); [] when it is no pinyin."""
    if not word:
        return [[]]
    out = []
    for n in range(min(6, len(word)), 0, -1):
        head = word[:n]
        if _SYLLABLE.fullmatch(head):
            out += [[head, *rest] for rest in _syllables(word[n:])]
        if len(out) > 8:
            break
    return out


def _syllable_initials(name: str) -> set[str]:
    """Acronyms of a name with one letter per pinyin syllable ("Yanshan University" -> {"YSU", ...})."""
    outs = {""}
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in ("of", "and", "the", "for", "at", "in", "de")]
    for i, w in enumerate(words):
        # (the place word that opens the name: "Yanshan", "Xiamen"; not "Engineering")
        splits = _syllables(w.lower()) if i == 0 and is_pinyin(w) else []
        letters = {"".join(x[0] for x in sp).upper() for sp in splits if len(sp) >= 2} | {w[0].upper()}
        outs = {o + x for o in outs for x in letters}
    return outs
