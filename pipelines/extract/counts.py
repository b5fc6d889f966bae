"""Count facts: aggregate figures a text states ("451 agreements", "with 36 enterprises", "nine universities").

A number (digits or words, with its qualifier) followed within a short noun
phrase by a countable unit of cooperation (agreements, platforms, programs,
enterprises, universities, workstations, practice bases, institutions,
people, cadres, training classes, trainees, technologies, industrial bases,
resources). Anything else (square kilometres, population, years, members of
a delegation, rankings, businesses of a city's economy) is not a count.
"among whom 26,000 own ..." takes the unit of the count before it; "trained
1,681 officials" counts trainees.
"""

from __future__ import annotations

import math
import re

from pipelines.extract.context import SentenceView
from pipelines.extract.tables import cells_of, label_holder
from pipelines.extract.count_parse import (  # noqa: F401 (NO_SUBJECT, PLATFORM_SUBJECT, clause_subject: the API)
    NO_SUBJECT, PLATFORM_SUBJECT, _audience, audience_of_bodies, _counted_noun, _implied_holder, _not_a_tally, _number_of,
    _row_label_unit, _syntax, row_label, _unit_from_parse, clause_subject, student_body,
)
from pipelines.extract.count_units import (  # noqa: F401 (re-exported: UNITS, COMPOUND_UNITS, WORD_NUMBERS)
    _COOPERATION_CUE, COMPOUND_UNITS, GOVERNMENT_UNITS, UNITS, WORD_NUMBERS, own_companies, own_people,
)
from pipelines.extract.money import QUALIFIERS, SCALES, qualifier_of

_QUAL = "|".join(q for _, q in QUALIFIERS)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_W = "one|two|three|four|five|six|seven|eight|nine"
_SMALL_W = "|".join(w for w in WORD_NUMBERS if w not in ("hundred", "dozen"))
NUMBER = re.compile(
    # (India groups by lakh and crore: "1,20,000" is 120,000)
    # (South Africa and much of Europe group thousands by a space: "3 200 artisans", "29 000 students")
    rf"(?:(?P<qual>{_QUAL})\s+)?(?P<num>\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)|\d{{1,3}}(?:,\d{{3}})+|"
    # (with words on both sides: "(no.) 141 156" in a table's row is two columns)
    # (or after a clause's comma: "In 2022, 6 840 TUT students completed ...")
    rf"(?<=[A-Za-z,] )\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+(?![\d,.])(?=[ \u00a0]+[A-Za-z])|\d+(?:\.\d+)?|"
    rf"\b(?:{_SMALL_W}|(?:{_TENS})-(?:{_UNITS_W}))\s+(?:hundred|thousand)\b|\b(?:{_TENS})-(?:{_UNITS_W})\b|"
    rf"\b(?:{'|'.join(WORD_NUMBERS)})\b(?!-(?:{_UNITS_W})\b))(?![\d%.,]\d)(?!\d)(?!%| percent|-member|-year|th\b|st\b|nd\b|rd\b)", re.I)
_STOP = {"in", "on", "at", "for", "from", "by", "with", "to", "of", "that", "which", "who", "were", "was", "have",
         "has", "had", "are", "is", "will", "been", "being", "including", "among", "across", "around", "over",
         "under", "valuing", "totaling", "totalling", "worth", "the", "namely", "such", "as", "this", "these",
         "than", "per", "each", "every"}
_QUALWORDS = {"over", "about", "nearly", "roughly", "some", "around", "approximately", "almost", "more", "at", "up"}
_VERBS = {"own", "owns", "are", "is", "was", "were", "have", "has", "had", "will", "can", "signed", "held",
          "join", "joined", "attend", "attended", "become", "became", "work", "works", "come", "came", "said", "made",
         "took", "take", "takes", "taking", "got", "get", "won", "win", "gave", "give", "went", "go", "set", "build",
         "built", "sent", "send", "began", "begin", "led", "lead", "grew", "grow", "saw", "undertook", "undertake",
         "participate", "participated", "settle", "settled", "gather", "gathered", "stay", "stayed", "do", "did"}
# What a place or an institution has ("the province has 5,000 high-tech enterprises", "home to 3,000 firms",
# "the college has 1,200 students", "employing 10,000 people") is its size, not a figure of cooperation,
# unless the sentence speaks of cooperation.
_HAS_BEFORE = re.compile(r"\b(?:has|have|had|with|home to|there (?:are|were)|employ(?:s|ed|ing)?|boasts?|owns?|"
                         r"enrolls?|houses?|represents?|representing|(?:representatives|delegates|envoys) "
                         r"(?:of|from))\s+(?:a total of\s+|a\s+)?(?:(?:" + _QUAL + r")\s+)?$", re.I)
# units that are a cooperation's by what they are (a practice base is at a partner, a workstation is an academician's
# at a firm): "the university has 15 practice bases in the city" is a tally, not the university's size
_BUILT_WITH_PARTNERS = {"practice_base", "workstation"}


def _size_statistic(s: str, start: int) -> bool:
    if re.search(r"\b(?:city|municipality|province|country|nation|town|region|county|state) of (?:(?:about|some|over|"
                 r"nearly|more than|around)\s+)?$", s[max(0, start - 40):start], re.I):
        return True  # "a municipality of 32 million people": a population
    if re.match(r"(?:[\w,.]+\s+){1,4}?employees\b", s[start:start + 50]) and not re.search(
            r"\b(?:hire[sd]?|hiring|recruit\w*|train\w*|place[sd]?|placing|second\w*)\s+(?:\w+\s+){0,3}$",
            s[max(0, start - 40):start], re.I):
        return True  # "more than 190,000 employees": a company's workforce, not people a cooperation placed
    if re.search(r"\bemploy(?:s|ed|ing)?\s+(?:\w+\s+)?$", s[max(0, start - 25):start], re.I):
        return True
    if re.search(r"\b(?:its|their|\w+(?:'s|\u2019s))\s+(?:[\w&-]+\s+)?(?:team|staff|workforce|headcount)\s+(?:has\s+)?"
                 r"(?:exceeded|exceeds|reached|reaches|numbered|numbers|totall?ed)\s+"
                 r"(?:(?:more than|over|about|some|nearly|almost)\s+)?$", s[max(0, start - 60):start], re.I):
        return True  # "its R&D team exceeded 5,000 engineers": a body's own staff, no people a cooperation placed
    if re.search(r"\b(?:sector|industry|economy|cluster|ecosystem)\s+(?:now\s+|already\s+)?(?:includes?|included|has|had|"
                 r"comprises?|counts?|boasts?|consists? of|is made up of)\s+(?:(?:more than|over|about|some|nearly|around|"
                 r"almost|roughly)\s+)?$", s[max(0, start - 60):start], re.I):
        return True  # "B.C.'s clean-technology sector includes more than 300 companies": an industry's size
    if re.search(r"\b(?:one|each|any) of (?:the|its|China's|the country's)\s+(?:top\s+)?$", s[max(0, start - 30):start], re.I):
        return True  # "one of the 10 flagship national universities": a class it belongs to
    if re.search(r"\bamong (?:the )?(?:(?:first|second|third|latest|new|\w+-level) )?(?:batch|group|list|cohort|round)"
                 r" of (?:the )?$|\bamong the (?:top )?$", s[max(0, start - 45):start], re.I):
        return True  # "was among the first batch of 50 national industrial colleges": a class it belongs to
    if re.match(r"(?:[a-z]+\s+){0,3}[\d,.]+\s+(?:[\w-]+\s+){0,3}?(?:enterprises|companies|firms)\s+above designated size",
                s[start:], re.I):
        return True  # a place's statistic ("12,000 industrial enterprises above designated size")
    if re.match(r"(?:[\w,.]+\s+){1,4}?(?:institutions|colleges|universities) of higher (?:learning|education)\b",
                s[start:], re.I) and not _COOPERATION_CUE.search(s):
        return True  # "only seven institutions of higher learning": the universities a place has
    if re.search(r"\b(?:high-tech|high and new technology|high-and-new-tech(?:nology)?|technology-based|sci-tech) "
                 r"(?:enterprises|companies|firms)\b(?:(?!\bwith\b)[^,;.]){0,40}$", s[:start], re.I):
        return True  # "The number of high-tech enterprises reached 3,210": a region's statistic of firms, no
        # cooperation (nor are their figures the firms a cooperation worked with)
    if re.match(r"(?:[a-z]+\s+){0,3}[\d,.]+\s+(?:[\w-]+\s+){0,2}?(?:high-tech|hi-tech|high and new technology) "
                r"(?:enterprises|companies|firms)\b", s[start:], re.I) and not re.search(
                r"\b(?:incubat\w*|cooperat\w*|partner\w*|collaborat\w*|with|helped|served|assist\w*|support\w*|"
                r"universit\w*|colleges?|institut\w*)\b", s, re.I):
        return True  # "Hunnan is home to the X Zone and more than 1,200 high-tech enterprises": a place's firms by kind
        # (not firms a university helped: "Carver University has helped 120 high-tech enterprises solve ...")
    if re.search(r"\bhost(?:s|ing)\s+$", s[max(0, start - 12):start]) and re.match(
            r"(?:[a-z]+\s+){0,3}[\d,.]+\s+(?:[\w-]+\s+){0,2}(?:students|visitors|staff|employees|people|scholars|residents)\b",
            s[start:], re.I):
        return True  # "hosts more than 1,300 international students": its student body (it may host 11 institutes)
    if re.search(r"\b(?:enrol(?:l)?ment|student body|student population) of\s+(?:(?:about|some|over|nearly|more than|"
                 r"around|almost|roughly)\s+)?$", s[max(0, start - 60):start], re.I):
        return True  # "a total enrolment of about 1.4 million students": a size (students "enrolled" in a co-run college
        # are trainees of the cooperation)
    if re.search(r"\b(?:space|room|capacity|places|seats?)\s+for\s+(?:up to\s+|about\s+|some\s+|around\s+)?$|"
                 r"\b(?:accommodate|seat)s?\s+(?:up to\s+)?$", s[max(0, start - 30):start], re.I):
        return True  # "has space for up to 60 researchers", "can accommodate 200 students": a capacity, no tally
    if re.search(r"\b(?:forum|conference|summit|meeting|ceremony|event|fair|expo|symposium|seminar|workshop|congress)\b"
                 r"[^.;]{0,80}?\b(?:brought|brings|bringing|bring)\s+together\s+(?:[\w,.\s-]{0,40}?\s+from\s+)?"
                 r"(?:(?:more than|over|about|some|nearly|around)\s+)?$|"
                 r"\b(?:in front of|before an audience of|in the presence of)\s+(?:(?:more than|over|about|some|nearly|"
                 r"around)\s+)?$", s[max(0, start - 160):start], re.I):
        return True  # "the forum ... brought together more than 100 rectors", "in front of around 150 leaders": an
        # event's audience (what a new body "will bring together" is what it is made of, and counts)
    return bool(_HAS_BEFORE.search(s[max(0, start - 30):start])) and not _COOPERATION_CUE.search(s)


def _digit_run(s: str, ns: int, ne: int) -> bool:
    """The number at [ns, ne) is one group of a run of digit groups (a phone or reference number: three groups
    or more, or one opened by '+'), or the second year of a span ('2023-24', '2019/20')."""
    if s[ns:ns + 1].isdigit() and re.search(r"\b(?:19|20)\d\d\s*[-–/]\s*$", s[max(0, ns - 7):ns]):
        return True
    left = re.search(r"(?:\+?\(?\d+\)?[ .-])+$", s[max(0, ns - 30):ns])
    right = re.match(r"(?:[ .-]\d+)+", s[ne:ne + 30])
    groups = 1 + (len(re.findall(r"\d+", left.group(0))) if left else 0) + (
        len(re.findall(r"\d+", right.group(0))) if right else 0)
    # (or two groups, one opened by a zero: "01522 886244", a trunk prefix; or after a telephone's label)
    zero = groups == 2 and (s[ns:ns + 1] == "0" or bool(left and left.group(0).lstrip().startswith("0")))
    phone = bool(re.search(r"\b(?:tel|telephone|phone|fax|mobile|hotline)\.?\s*:?\s*(?:\+?[\d()\s.-]*)$",
                           s[max(0, ns - 30):ns], re.I))
    return groups >= 3 or zero or phone or bool(left and left.group(0).lstrip().startswith("+"))


def _value(num: str) -> float | None:
    n = num.lower()
    scaled = re.fullmatch(r"(\S+)\s+(hundred|thousand)", n)
    if scaled:  # "four hundred engineers", "twenty-five thousand"
        base = _value(scaled.group(1))
        return None if base is None else base * (100 if scaled.group(2) == "hundred" else 1000)
    if n in WORD_NUMBERS:
        return WORD_NUMBERS[n]
    if "-" in n:  # "twenty-three"
        tens, _, one = n.partition("-")
        return WORD_NUMBERS[tens] + {"one": 1, **WORD_NUMBERS}[one]
    try:
        v = float(re.sub(r"[,\s\u00a0\u2009\u202f]", "", n))
    except ValueError:
        return None
    if not math.isfinite(v) or v > 1e12:
        return None  # a 400-digit figure is no count of anything
    return int(v) if v == int(v) else v


# capitalised words a figure may follow without being part of a name ("About 30", "Over 200", "In 2023 ...")
_NAME_OK = {"about", "over", "more", "nearly", "almost", "some", "around", "approximately", "roughly", "only", "just",
            "all", "with", "to", "and", "of", "in", "by", "for", "than", "least", "the", "its", "their", "these",
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
            "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


_BODIES = {"universities", "colleges", "institutes", "institutions", "academies"}


# a list page's pager ("Total 238 items 1/24 First Previous Next Last") and a report's running head with its page
# number ("NATIONAL CHENG KUNG UNIVERSITY | ANNUAL REPORT 2024 36"): page furniture, no figure of the page's facts
_PAGE_FURNITURE = re.compile(r"\b(?:First|Prev(?:ious)?)\s+(?:Page\s+)?(?:Next|\d)|\bTotal\s+\d[\d,]*\s+(?:items|records|"
                             r"articles|results)\b|^[A-Z0-9&,.'\s|-]{12,}\s\d{1,3}$")


def count_fact(s: str, ns: int, ne: int, value, qual: str | None, unit: str, subject: str | None, head, words,
               noun: str = "") -> dict:
    """One count as the extractor emits it, with the keys the page's merge reads (``_words``: the words of the counted
    phrase, ``_head``: its noun, singular; ``_definite``: "the 14 ..." refers back)."""
    return {"quantity": value, "qualifier": "at_least" if s[ne:ne + 1] == "+" else qualifier_of(qual),  # "500+ partners"
            "unit": unit, "subject": subject, "_words": frozenset(words),
            "_head": re.sub(r"e?s$", "", head.lower_ if head is not None else noun),
            "_definite": bool(re.search(r"\b(?:the|these|those)\s+$", s[max(0, ns - 7):ns], re.I))}


def named_holder(v: SentenceView, ns: int, role) -> str | None:
    """The holder a figure's clause names: the parse's subject (``role``), else the first party named before the
    figure; nobody for "the two sides" (NO_SUBJECT)."""
    if role == NO_SUBJECT:
        return None
    if role is not None:
        return role
    before = [x for x in v.mentions if x.end <= ns and x.party and x.kind != "org"]
    return v.resolve(before[0])[0] if before else None


def extract(v: SentenceView, spans_to_skip: list[tuple[int, int]]) -> list[dict]:
    s = v.clean
    if _PAGE_FURNITURE.search(s):
        return []
    out: list[dict] = []
    last_unit = None
    size_before: int | None = None
    in_row = False  # a row of figures under a label: its later figures are the page's too ("..., in 146 classes")
    # a table's line ("Seed Fund | 96 projects at 21 institutions | R41.2 million"): its figures are the page's
    # actor's, or the body its first cell names
    table = cells_of(v.sentence)
    table_holder = label_holder(v, table[0]) if table else None
    for m in NUMBER.finditer(s):
        ns, ne = m.start("num"), m.end("num")
        if any(a <= ns < b for a, b in spans_to_skip):
            continue
        before = s[max(0, ns - 12):ns]
        if re.search(r"(?:No\.|No|#|\$|¥|£|€|RMB|Article|Section|Room)\s*$", before):
            continue
        if re.fullmatch(r"1[5-9]\d\d", m.group("num")) and re.search(r"\b(?:since|in|from|until|till|by|circa)\s+$", before,
                                                                    re.I):
            continue  # "training mining engineers since 1765": a year the date reader does not read, no figure
        scale = 1
        sm = re.match(r"\s+(thousand|million|lakhs?|crore)\b(?!\s+(?:yuan|rupees))", s[ne:ne + 16], re.I)
        if sm and m.group("num")[:1].isdigit():
            scale, ne = SCALES[sm.group(1).lower()], ne + sm.end()  # "1.2 million teachers", "1.2 lakh trainees"
        if re.match(r"\s+(?:party|parties|way|sided)\s+(?:[\w-]+\s+)?(?:agreements?|cooperation|pacts?|memorand\w*|mous?|"
                    r"deals?|partnerships?)\b", s[ne:ne + 50], re.I):
            continue  # "signed three party cooperation agreement": what kind of agreement, no count
        if re.match(r"[-/]\d|-(?:years?|months?|weeks?|days?|hours?|party|parties|way|sided|tier|phase)\b|\s*(?:years?|months?|weeks?|days?|hours?|square|sq\b|km|kilometers|meters|mu\b|hectares|"
                    r"times|yuan|million|billion|kinds|types|aspects|fields|areas|ways|rounds|sessions of|%)", s[ne:ne + 12], re.I):
            continue
        num = m.group("num")
        if num[0].isupper() and ns > 0 and re.match(r"[-\s]+[A-Z]", s[ne:ne + 2]):
            continue  # a number word inside a name: "Three Gorges University"
        prev = re.search(r"(?:^|\s)([A-Z][\w&]*)\s+$", s[max(0, m.start() - 25):m.start()])
        if prev and m.start() - len(prev.group(0).lstrip()) > 0 and prev.group(1).lower() not in _NAME_OK \
                and prev.group(1).lower() not in UNITS:
            continue  # a number inside a name: "Fortune Global 500 companies", "the Top 100 list"
        if num.isalpha() and not m.group("qual") and re.search(r"\b(?:the|these|those|both|its|their|our)\s+$", s[max(0, ns - 8):ns], re.I):
            continue  # "the two universities": a reference back, not a figure
        if num.isalpha() and not m.group("qual") and re.search(r"\b[A-Z][\w-]*(?:'s|\u2019s)\s+$", s[max(0, ns - 30):ns]):
            continue  # "Plymouth's three universities have put their names to ...": the parties, named by a possessive
            # (a figure in digits is a tally: "Zhejiang University's 21 local research institutes")
        if s[ns - 1:ns] in ("\"", "'", "\u201c", "\u2018") and s[ne:ne + 1] in ("\"", "'", "\u201d", "\u2019"):
            continue  # 'former "985" universities': a number in quotes names a class, it counts nothing
        if re.search(r"\b(?:Table|Figure|Fig\.|Chart|Annex|Appendix)\s+(?:[\dA-Z]{1,3}[-.\u2013])*$", s[max(0, ns - 16):ns]):
            continue  # "Table 1 Industry-funded research contracts", "Table 4-1 Horizontal research projects": a
            # table's number
        if re.match(r"\s+(?:largest|biggest|greatest|highest|best|strongest|most\s+[a-z]+)\b", s[ne:ne + 30], re.I):
            continue  # "ranks among the world's three largest steel companies": a rank, no tally (convention 9)
        if re.search(r"\b(?:the|its|their)\s+(?:other|remaining)\s+$", s[max(0, ns - 20):ns], re.I):
            continue  # "the other two platforms": the rest of bodies already told
        if re.fullmatch(r"\s*\(", s[:ns]) and s[ne:ne + 1] == ")":
            continue  # "(2) New platforms.": an item's number in brackets opening the line
        if m.start() == 0 and re.fullmatch(r"[^a-z]*[A-Z]{2}[^a-z]*", s[ne:]):
            continue  # a numbered heading in capitals ("63 CIVIC PARTNERSHIP AGREEMENT"): an item's number
        if _digit_run(s, ns, ne):
            continue  # a phone number's group ("+61 8 9266 4241"), the second year of a span ("2023-24")
        value = _value(num)
        if value is not None and scale > 1:
            value = int(round(value * scale))
        if value is None or (isinstance(value, float) and not value.is_integer()):
            continue  # (a count is whole: "7.05 School-enterprise joint R&D platforms" is a section's number)
        if isinstance(value, int) and 1900 <= value <= 2100 and "," not in m.group("num"):
            continue
        # "Of the 134 new platforms, 48 were set up with ...": the figure the page told before, pointed back to (read
        # for what the part after it counts, no count of its own)
        told = re.fullmatch(r"\s*(?:Of|Among)\s+(?:the|these|those|its|their)\s+"
                            r"(?:(?:more than|over|nearly|some|about)\s+)?", s[:m.start()]) and any(
            c["value"] == value and c["emitted"] and c["v"] is not v for c in v.state.count_candidates)
        head = _counted_noun(v, ns, ne)  # the noun the parse says the number counts, or None
        cand = {"v": v, "ns": ns, "ne": ne, "value": value, "qual": m.group("qual"), "head": head, "emitted": False,
                "left": None, "role": None}
        v.state.count_candidates.append(cand)
        # (a word with an ampersand is one word: "58 R&D institutions")
        words = re.findall(r"[A-Za-z][\w'-]*(?:&[A-Za-z]+)?|\d[\d,.]*|[,.;:()\"]", s[ne:ne + 120])
        np: list[str] = []
        for w in words:
            lw = w.lower()
            if w in ",.;:()\"" or w[:1].isdigit() or lw in _STOP or lw in _VERBS or lw in ("a", "an") or (
                    lw.endswith("ed") and "-" not in lw and len(lw) > 4 and lw not in UNITS):
                break
            if len(np) >= 7:
                break
            np.append(w)
        unit = None
        low = [w.lower() for w in np]
        # cut at "and" + another number ("10 enterprises and six companies"); drop a dangling "and"
        for i, w in enumerate(low):
            if w == "and" and i + 1 < len(low) and (low[i + 1] in WORD_NUMBERS or low[i + 1][:1].isdigit()
                                                     or low[i + 1] in _QUALWORDS):
                low = low[:i]
                break
        while low and low[-1] == "and":
            low.pop()
        # "35 universities and research institutes", "17 colleges and universities": a group of bodies of
        # research and teaching counts institutions; else the first conjunct's unit counts the whole group
        mixed = False
        for i in range(1, len(low)):
            if low[i] == "and" and low[i - 1] in UNITS and low[i - 1].endswith("s"):
                after = [w for w in low[i + 1:i + 3] if w != "research"][:1]
                mixed = low[i - 1] in _BODIES and bool(after) and after[0] in _BODIES and after[0] != low[i - 1]
                low = low[:i]
                break
        # "30 cooperation agreements and set up ...": a unit noun before "and" + something that is no unit
        if low and low[-1] not in UNITS and " ".join(low[-2:]) not in COMPOUND_UNITS:
            for i in range(len(low) - 2, -1, -1):
                if low[i] in UNITS and low[i + 1] == "and":
                    low = low[:i + 1]
                    break
        # the head is the parse's counted noun when it is a unit ("4 joint institutes welcome students"), else
        # the last word of the phrase
        if head is not None and head.lower_ in UNITS and head.lower_ in low:
            low = low[:low.index(head.lower_) + 1]
        if low:
            pair = " ".join(low[-2:])
            if mixed:
                unit = "institution"
            elif len(low) >= 2 and pair in COMPOUND_UNITS:
                unit = COMPOUND_UNITS[pair]
            elif low[-1] in UNITS:
                unit = UNITS[low[-1]]
        part = _PARTITIVE.match(s[ne:ne + 60]) if not np else None
        if part:
            # the first unit among the words of the whole ("nine of Guangxi's 14 prefecture-level cities")
            # (over a figure or a hyphened modifier only: "Two of Tianjin's leading universities" is no count)
            noun = None
            for w in re.findall(r"[\w-]+", s[ne + part.start("noun"):ne + 60].lower())[:3]:
                if w in UNITS:
                    noun = w
                    break
                if not (w[:1].isdigit() or "-" in w):
                    break
            if noun is not None:
                unit = UNITS[noun]
        if unit is None and not np:
            unit = _row_label_unit(s, m.start(), ne)
        if unit is None:
            unit = _unit_from_parse(v, head)
        reached = False
        if unit is None and (not np or _TIME_AFTER.match(s[ne:ne + 20])):
            # ("... have reached 120 last year": a time after the figure leaves it closing its clause)
            unit, reached = _reached_unit(s, m.start())
        number_of = None
        if unit is None:
            unit = number_of = _number_of(v, ns, ne, last_unit)
        # (a figure standing for the noun just counted: "10 centers, with eight having begun operations")
        standing_for = None
        baseline = bool(last_unit and out and (re.search(
            r"\b(?:up|down|rising|rose|increased|grew|climbing|jumping)\s+from\s+$", s[max(0, ns - 25):ns])
            # (or its earlier figure in brackets: "34 joint laboratories (31 in 2023)")
            or re.search(r"\(\s*$", s[max(0, ns - 3):ns]) and re.match(
                r"\s+(?:in\s+(?:19|20)\d\d|a\s+year\s+(?:earlier|before|ago)|last\s+year)\s*\)", s[ne:])
            or re.search(r"\(\s*(?:19|20)\d\d\s*:\s*$", s[max(0, ns - 10):ns])  # "(2023: 17)"
            # ("436 patents in 2024, against 388 the year before")
            or re.search(r"\bagainst\s+$", s[max(0, ns - 10):ns]) and re.match(
                r"\s+(?:the\s+(?:previous\s+)?year\s+before|the\s+previous\s+year|a\s+year\s+(?:earlier|before|ago)|"
                r"last\s+year|in\s+(?:19|20)\d\d)\b", s[ne:])
            # (and the total it brings the figure to: "8 new joint platforms, bringing the total to 64", "bringing the
            # number it hosts to 79", "bringing the total since the campaign began in 2021 to 4,960")
            or re.search(r"\b(?:bringing|brought|taking|took|raising|raised)\s+(?:the|its|their)\s+(?:total|number|"
                         r"tally)\b[^.;]{0,90}?\bto\s+(?:(?:more\s+than|over|nearly|almost|about|around|some)\s+)?$",
                         s[max(0, ns - 140):ns])
            # (or with the figure first: "bringing to 17 the number of institutes the university runs")
            or re.search(r"\b(?:bringing|brought|taking|took|raising|raised)\s+to\s+(?:(?:more\s+than|over|nearly|"
                         r"almost|about|around|some)\s+)?$", s[max(0, ns - 40):ns])
            and re.match(r"\s+(?:the|its|their)\s+(?:total|number|tally)\b", s[ne:])))
        if baseline and unit in (None, out[-1]["unit"]):
            # "46 agreements, up from 39 a year earlier": the things counted before, at an earlier time, by the
            # same holder
            unit, standing_for = out[-1]["unit"], out[-1]
        elif unit is None and (not np or np[0].lower().endswith("ing")):
            # a figure that leaves its unit out counts what was just counted, with its holder: "and a further 73
            # with enterprises", "12 of which were added this year", "Of these, 41 are with engineering colleges"
            # (the sentence before)
            standing_for = _elided(v, s, ns, ne, out[-1] if out else None)
            unit = standing_for["unit"] if standing_for else None
        # (a plan's figures are none whatever they count: told before the unit, so that no model takes them)
        label = row_label(s, m.start(), ne)
        if re.match(r"[^.;]{0,80}?\b(?:is|are)\s+(?:still\s+|now\s+|currently\s+)?(?:under\s+(?:negotiation|discussion|"
                    r"consideration)|being\s+(?:negotiated|discussed|prepared|drafted))\b", s[ne:]):
            continue  # "Agreements with a further 14 partners are under negotiation": none made yet (convention 4)
        if re.match(r"\s*(?:[-*\u2022]\s*)?(?:targets?|goals?|target indicators?|objectives?|KPIs?)\b[^:]{0,40}:", s, re.I):
            continue  # "Target indicators by 2027: 25 pilots completed, 20 enterprises supported": targets
        if label is not None and re.search(r"\b(?:to be \w+ed|targeted|planned|expected|envisaged|projected)\b", label, re.I) \
                or re.match(r"[^.;:,]{0,40}?\b(?:targeted|planned|envisaged|projected)\s+(?:for|by|in)\s+(?:19|20)\d\d\b",
                            s[ne:]):
            continue  # "- Graduate students to be trained each year: about 40", "- 11 patent applications targeted by
            # 2028": a plan's figure (convention 9)
        if unit is None:
            # left for want of a unit: the count model's to judge, unless the parse already says it is no figure of
            # activity (a target, a rank, one of a class: the tests below, which need no unit); every later reason
            # stands for the figures with a unit
            cand["role"] = _syntax(v, ns, ne)  # (kept: the model's figure takes its holder from it)
            cand["left"] = "parse" if cand["role"] == "skip" or _not_a_tally(v, ns, ne, head) else "unit"
            continue
        if unit == "enterprise" and own_companies(" ".join(low) + " " + (label or ""), s):
            continue  # "9 new spin-out companies", "Spin-off companies created since 2015: 27": the university's own
        if low and low[-1] in ("campus", "campuses") and re.search(r"\b(?:across|on|at|in|over|spread over)\s+(?:(?:its|their|the)\s+)?$",
                                                                  s[max(0, m.start() - 20):m.start()], re.I):
            continue  # "61,000 students across four campuses": where a university's people are, its size
        if low and low[-1] in GOVERNMENT_UNITS and not re.search(r"\bwith\s+(?:all\s+(?:the\s+)?)?$",
                                                                  s[max(0, m.start() - 16):m.start()]):
            continue  # "in each of 24 provinces", "three Shanxi counties": places, not partners counted
        if unit == "other" and low and low[-1] in GOVERNMENT_UNITS and re.search(
                r"\b(?:agreements?|memorand(?:a|um)|MoUs?|accords?|pacts?)\s+with\s+(?:[^.;]{0,60}?\band\s+with\s+)?"
                r"(?:all\s+(?:the\s+)?)?$", s[max(0, m.start() - 100):m.start()], re.I):
            # "signed cooperation agreements with 26 provincial and municipal governments": one agreement with each,
            # the agreements counted (so the gold of the development sets counts 29 of 37)
            unit = "agreement"
        if trained_unit(s, ns, unit) == "trainee" or unit in ("person", "cadre") and (
                out and out[-1]["unit"] == "trainee" and re.search(
                    r"\btrain(?:ed|s|ing)?\s+[^.;]{0,60}\band\s+$", s[max(0, ns - 80):ns])):
            unit = "trainee"  # ("trained 5,200 grassroots cadres and 4,600 technicians": both were trained)
        if unit == "person" and label is not None and re.search(r"\btrained\b", label):
            unit = "trainee"  # "Farmers and technicians trained: more than 21,000"
        if unit == "institution" and re.search(r"\b(?:r&d|research(?: and development)?|new-type|innovation)\s+institutions?\b",
                                               " ".join(low) if low else (label or "").lower()):
            unit = "platform"  # "312 new-type R&D institutions": research bodies set up together are platforms
        if unit == "person" and _audience(v, ns, ne, head):
            continue
        if unit in ("university", "institution", "enterprise") and audience_of_bodies(v, ns, ne, head):
            continue  # where an event's audience came from, no partners (convention 9)
        if unit == "technology" and re.search(r"\b(?:registered|filed|granted|obtained|holds?|owns?|applied for|"
                                               r"authori[sz]ed|covering|including)\s+(?:(?:over|more than|about|some|nearly)\s+)?$",
                                               s[max(0, m.start() - 40):m.start()], re.I):
            continue  # "has registered over 11,000 patents covering 3,200 inventions": its own property, no
            # technology moved to a partner (convention 9)
        if unit == "technology" and label is not None and re.search(
                r"\b(?:granted|registered|obtained|authori[sz]ed|held|owned)\b", label, re.I) \
                and not re.search(r"\b(?:transferr|licens|sold|sale)", label, re.I):
            continue  # "Patents granted: 3,150", "Patents registered in Korea and abroad: 4,020": the same, as a row
        if unit in ("program", "enterprise") and _INVESTMENT_PROJECTS.search(s) and not any(
                x.kind == "university" for x in v.mentions):
            continue  # "Sixteen projects, with a planned investment totaling 21.4 billion yuan, were signed at the
            # investment promotion conference", "the zone signed investment agreements with two companies":
            # industrial investment, no university's cooperation
        if _size_statistic(s, m.start()) and unit not in _BUILT_WITH_PARTNERS or (
                unit == "person" and student_body(v, ns, ne, head)) or (size_before is not None and re.fullmatch(
                r"\s+(?:[\w-]+\s+){0,7}?[\w-]*(?:,\s+(?:and\s+)?|\s+and\s+|\s+from\s+)(?:(?:more than|over|about|some|nearly|"
                r"around|almost|roughly)\s+)?", s[size_before:m.start()])):
            # "the college has 1,200 students and 80 teachers": the second figure is the same statistic (also "Saxony
            # has 14 state universities and universities of applied sciences and more than 60 research institutes")
            size_before = m.end()
            continue
        size_before = None
        last_unit = unit
        role = _syntax(v, ns, ne, rank_check=not number_of and not baseline and not reached)
        if number_of and role != "skip":
            role = None  # ("aims to raise the number of workstations to 7,000": a target all the same)
        if role == "skip" or _not_a_tally(v, ns, ne, head):
            continue
        if label is not None and unit == "person" and own_people(label):
            continue  # "Undergraduate students | 17,950", "Full-time faculty: 2,890": a university's own people, not people
            # a cooperation placed (as "Students on placement with local employers: 2,300" are)
        subject = named_holder(v, ns, role)
        named_row = (label is not None and label_holder(v, label)) or table_holder
        if named_row:
            subject = named_row  # "Virginia Commonwealth University – 2 projects": the row's name holds them
        in_row = in_row or label is not None or bool(table)
        if in_row and not named_row and v.state.ctx.main_actor() and role not in (NO_SUBJECT,) and not (
                subject and any(subject == v.resolve(x)[0] for x in v.mentions if x.start >= ns)):
            # a row of the page's own figures ("- Grassroots cadres trained: 3,500"): the page's actor holds them,
            # not a capitalised word of the label
            subject = v.state.ctx.main_actor()
        if standing_for is not None:
            subject = standing_for["subject"]
        elif subject is None and role != NO_SUBJECT:
            subject = _implied_holder(v)
        first = max((t.i for t in head.doc if t.idx < ne), default=head.i) if head is not None else None
        words = ({t.lower_ for t in head.doc[first + 1:head.i + 1]} if head is not None and first < head.i
                 else set(low))  # the words between the number and its noun: "teaching practice bases"
        cand["emitted"] = not told
        out.append(count_fact(s, ns, ne, value, m.group("qual"), unit, subject, head, words,
                              low[-1] if low else ""))
        if told:
            out[-1]["_told"] = True
    out.extend(_ordinal_counts(v, out))
    if out:
        v.state.last_count = (v.sentence.index, out[-1])
    return [f for f in out if not f.get("_told")]


# ("and a further 73", "with nearly 30", "of which 12", "among them nine", "22 agreements — eight at provincial level")
# (and a part the whole names: "32 institutes have settled in the zone, including nine added in 2023")
_BACK_BEFORE = re.compile(r"(?:\b(?:among (?:whom|which|them|these)|of (?:whom|which|them|these|those)|and|with|, including),?|"
                          r"\s[-—–])\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.I)
# "Of the contracts, 2,045 were ...", "Of the 1,347 contracts signed in 2023, 486 were ...": a part of a whole told
_OF_THE_WHOLE = re.compile(r"\s*Of (?:the|these|those) (?:[^,;]|,(?=\d)){1,60},\s*(?:[\w-]+\s+){0,2}$", re.I)
_BACK_AFTER = re.compile(r"\s+(?:of (?:which|whom|them|these|those)|among them)\b", re.I)
# "Nine of the projects are ...", "Three of the day's signings": a part of the things the noun names
_PARTITIVE = re.compile(r"\s+of (?:the|these|those|its|their|our|[A-Z][\w-]*(?:'s|\u2019s)) (?:[\w'-]+ ){0,3}?(?P<noun>[A-Za-z][\w-]*)\b",
                        re.I)


_REACHED = re.compile(r"\b(?:has |have |had )?(?:reached|totall?ed|stood at|numbered|(?:now |today )number|rose to|grew to|"
                      r"increased to|climbed to)"
                      r"\s+$", re.I)


_TIME_AFTER = re.compile(r"\s+(?:last|this) (?:year|month|week)\b|\s+(?:so far|to date)\b", re.I)


_INVESTMENT_PROJECTS = re.compile(r"\b(?:planned|total|combined|aggregate)\s+investment|\binvestment\s+(?:totall?ing|of)\b|"
                                  r"\binvestment (?:promotion|conference|agreements?|contracts?|deals?)|\bindustrial projects\b",
                                  re.I)


def _reached_unit(s: str, start: int) -> tuple[str | None, bool]:
    """ "The institute's incubated enterprises have reached 63.": a figure that closes its clause after "reached",
    "totalled", "stood at", "rose to" counts the noun its clause's subject names. The flag says the noun is a
    plural (things the figure tallies: "joint platforms increased to 45"), not one body's rank ("the university
    rose to 45")."""
    verb = _REACHED.search(s[max(0, start - 30):start])
    if verb is None:
        return None, False
    clause = re.split(r"[,;:]", s[:max(0, start - 30) + verb.start()])[-1]
    nouns = [w for w in re.findall(r"[a-z][\w-]*", clause.lower()) if w in UNITS]
    plural = [w for w in nouns if w.endswith("s")]  # the subject's head, before a "by X University" after it
    return (UNITS[(plural or nouns)[0]] if nouns else None), bool(plural)


def _elided(v: SentenceView, s: str, ns: int, ne: int, last: dict | None) -> dict | None:
    """The count a unit-less figure refers back to: the sentence's last count, or the sentence before's when
    this one opens on it ("Of these, 41 ..."); None when nothing marks the figure as referring back."""
    if not (_BACK_BEFORE.search(s[max(0, ns - 30):ns]) or _BACK_AFTER.match(s[ne:ne + 16])
            or _OF_THE_WHOLE.match(s[:ns])):
        return None
    if last is not None:
        return last
    prev = v.state.last_count
    if prev and prev[0] == v.sentence.index - 1 and _OF_THE_WHOLE.match(s[:ns]):
        return prev[1]
    if prev and prev[0] == v.sentence.index - 1 and re.match(r"\s*(?:of|among) (?:these|them|those)\b|\s*Of the "
                                                              r"(?:[\w,-]+\s+){0,5}[\w-]+,", s, re.I):
        return prev[1]
    return None


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}


def _ordinal_counts(v: SentenceView, found: list[dict]) -> list[dict]:
    """ "marking its twelfth joint institute": a body's N-th platform (or agreement, programme) of a kind says it
    has N of them. Only with a possessive (its, their, X's): "the fifth forum" is a rank of events."""
    doc = v.doc
    if doc is None:
        return []
    out = []
    for t in doc:
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t.lower_)
        value = int(m.group(1)) if m else _ORDINALS.get(t.lower_)
        if not value or value > 1000 or t.dep_ != "amod" or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = t.head
        if not any(c.dep_ == "poss" for c in head.children):
            continue
        from pipelines.extract.platforms import PLATFORM_NOUNS

        lemma = head.lemma_.lower()
        unit = "platform" if lemma in PLATFORM_NOUNS else UNITS.get(head.lower_ + "s") or UNITS.get(head.lower_)
        if unit is None or any(f["quantity"] == value for f in found):
            continue
        owner = next(c for c in head.children if c.dep_ == "poss")
        subject = v.main_university() if owner.lower_ in ("its", "their") else None
        out.append({"quantity": value, "qualifier": "exact", "unit": unit, "subject": subject or v.state.ctx.main_actor(),
                    "_words": frozenset({head.lower_}), "_definite": False})
    return out


def trained_unit(s: str, ns: int, unit: str | None) -> str | None:
    """People a verb of training counts are trainees ("has trained 3 200 artisans"); any other unit stays."""
    if unit in ("person", "cadre") and re.search(r"\btrain(?:ed|s|ing)?\s+(?:\w+\s+){0,2}$", s[max(0, ns - 30):ns]):
        return "trainee"
    return unit
