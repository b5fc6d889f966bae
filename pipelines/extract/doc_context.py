"""What a whole page tells about names (``DocContext``): abbreviations and aliases it defines, the levels
it gives places, its main parties; ``build_context`` reads it once a page.

Split out of ``names.py``; ``pipelines.extract.names`` re-exports the public names.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipelines.extract.lexicon import (
    LEVELS, MUNICIPALITIES, PROVINCES, _ABBR_DEF, _HEREINAFTER, _STOP_CAPS, _TITLE_WORDS,
    _last_of_pair, generic_universities, only_remit,
)
from pipelines.extract.places import DEMONYM, place_name, reference_index, table_place
from pipelines.extract.chunks import _chunks


# ------------------------------------------------------------------ document context


@dataclass
class DocContext:
    """What the whole page tells about names: abbreviations, aliases, place levels, main parties."""

    university: str | None = None                # the page's own university (registry / domain)
    url: str | None = None                       # the page's address: settles shared abbreviations (TJU, HUST)
    abbreviations: dict[str, str] = field(default_factory=dict)    # "YNU" -> "Yunnan University"
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # short form -> (name, kind)
    places: dict[str, str] = field(default_factory=dict)  # "taiyuan" -> "City"
    enterprises: list[str] = field(default_factory=list)
    university_counts: dict[str, int] = field(default_factory=dict)
    place_counts: dict[str, int] = field(default_factory=dict)
    zone_counts: dict[str, int] = field(default_factory=dict)  # development zones named, for "the zone"
    ministry_counts: dict[str, int] = field(default_factory=dict)  # ministries named, for "the Ministry"
    province_of: dict[str, str] = field(default_factory=dict)
    short_form: tuple[str, str] | None = None    # ("Westbrook", "Westbrook Institute of Technology")
    publisher: str | None = None                 # a body the page's domain names ("tia.org.za": the agency "TIA")
    defined_zone: str | None = None              # a zone the page defines "(hereinafter "the high-tech zone")"
    leaders: frozenset[str] = frozenset()        # surnames of heads of government the page names ("Premier Roger Cook")
    described: dict[str, str] = field(default_factory=dict)  # a name the page describes in apposition -> its kind
    # ("Alberta Innovates, the province's research and innovation agency" -> "agency")

    def main_university(self) -> str | None:
        if self.university:
            return self.university
        if self.university_counts:
            return max(self.university_counts.items(), key=lambda kv: kv[1])[0]
        return None

    def main_actor(self) -> str | None:
        """Who the page is about: its own university when known, else the university or government it names
        most often (a province's page on its cooperation with many universities is about the province)."""
        if self.university:
            return self.university
        if self.publisher:
            return self.publisher  # an agency's or a council's own page ("the agency's annual report")
        counts = {**{n: c for n, c in self.place_counts.items() if n.endswith((" Province", " City"))},
                  **self.university_counts}
        return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None

    def main_state(self) -> str | None:
        """The state the page names most (US, Indian and Australian states go by their bare names)."""
        from pipelines.extract.places import division_index

        idx = division_index()
        states = [(n, c) for n, c in self.place_counts.items()
                  if idx is not None and getattr(idx.place(n), "level", None) == "State"]
        return max(states, key=lambda kv: kv[1])[0] if states else None

    def main_zone(self) -> str | None:
        """The development zone the page names most ("the zone", "the park's administrative committee"), or the one
        it defines as "the zone"."""
        if self.defined_zone:
            return self.defined_zone
        return max(self.zone_counts.items(), key=lambda kv: kv[1])[0] if self.zone_counts else None

    def main_place(self, level: str) -> str | None:
        best = [(n, c) for n, c in self.place_counts.items() if n.endswith(" " + level)]
        if not best:
            return None
        return max(best, key=lambda kv: kv[1])[0]


_LEARN_LEVEL = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? (?P<level>(?i:municipal|city|county|district|province|"
    r"provincial|prefecture|municipality))\b(?! of\b)(?!-)")  # (not "Deepening province-university cooperation")
_LEARN_APPOS = re.compile(r"\b(?P<place>[A-Z][a-z]+), (?:the )?(?:capital|a (?:\w+ )?city|a county|"
                          r"a district|a \w+ city)\b")
# "with 11 other county governments, including Kajiado, Kiambu and Makueni", "cities such as Zhuzhou and Yueyang":
# the bare names a plural level word lists are places of that level
_LEARN_LIST = re.compile(r"\b(?:(?P<level>cities|counties|districts|provinces|prefectures)|(?P<of>city|county|district|"
                         r"provincial|prefectural|municipal) (?:governments|councils))(?: (?:governments|councils))?,? "
                         r"(?:including|such as|namely|like|among them)\s+(?P<names>[A-Z][a-z]+(?:, [A-Z][a-z]+)*,? and "
                         r"[A-Z][a-z]+)\b")
_LEARN_OF = re.compile(r"\b[Tt]he (?P<level>city|county|district|province|municipality) of (?P<place>[A-Z][a-z]+)\b")


def _initials_span(words: list[str], abbr: str) -> int | None:
    """How many of the last words before a bracket the abbreviation's letters are the initials of, or None."""
    for n in range(len(words), 0, -1):
        cand = words[-n:]
        content = [w for w in cand if w[:1].isalpha() and w.lower() not in ("of", "and", "for", "the")]
        if len(content) > 2 and re.fullmatch(r"(?:Inc|Ltd|LLC|Co|Corp)\.?", content[-1]):
            content = content[:-1]  # ("Toyota Motor Manufacturing, Kentucky, Inc. (TMMK)": no letter for the legal form)
        ini = "".join(w[0].upper() for w in content)
        caps = "".join(w if w.isupper() else w[0].upper() for w in content)
        if abbr.replace(" ", "").upper() in (ini, caps) and cand[0][:1].isupper():
            return n
    return None


_JOINING = {"of", "and", "for", "de", "du", "des", "la", "&"}
_LEGAL_WORDS = {"group", "corporation", "corp", "company", "co", "ltd", "limited", "holdings", "inc", "plc", "llc"}


def _loose_expansion(words: list[str], abbr: str) -> str | None:
    """The name an abbreviation that is not its initials stands for ("Korea Electric Power Corporation (KEPCO)",
    "the French Alternative Energies and Atomic Energy Commission (CEA)"): the capitalised run right before the
    bracket, when the abbreviation's letters are among its words' initials or, in order, among its letters."""
    run: list[str] = []
    for w in reversed(words):
        if run and w.endswith((",", ";", ":")):
            break  # a list before the name: "Busan Metropolitan City, Pusan National University and Korea ..."
        if w[:1].isupper() or (run and w.lower() in ("of", "and", "for", "de", "du", "des", "la", "&")):
            run.insert(0, w)
            continue
        break
    while run and not run[0][:1].isupper():
        run.pop(0)
    if len(run) < 2 or run[0] == "The":
        run = run[1:] if run and run[0] == "The" else run
    if len(run) < 2:
        return None
    letters = abbr.upper().replace("-", "")
    # the letters are the initials of the run's first words and the words after them its legal form or group, which
    # short forms leave out ("China Information and Communication Technologies Group Corporation (CICT)"; not
    # "Communication Technologies Group Corporation", whose letters only happen to hold C, I, C, T in order)
    for n in range(2, len(run) + 1):
        cand = run[-n:]
        content = [w for w in cand if w.lower() not in _JOINING]
        k = len(letters)
        if cand[0][:1].isupper() and len(content) > k and "".join(w[0].upper() for w in content[:k]) == letters \
                and all(w.lower().strip(",.") in _LEGAL_WORDS for w in content[k:]):
            return " ".join(cand)
    # the shortest run that opens with the first letter and holds the letters in order ("Korea Electric Power
    # Corporation" for KEPCO, not "Pusan National University and Korea ...")
    for n in range(2, len(run) + 1):
        cand = run[-n:]
        if cand[0][:1].upper() != letters[:1] or not cand[0][:1].isupper():
            continue
        text, pos = " ".join(cand).upper(), 0
        for ch in letters:
            pos = text.find(ch, pos) + 1
            if pos == 0:
                break
        else:
            return " ".join(cand)
    # else a name in another language's order: the letters among the initials of the whole run ("CEA")
    pool = [w[0].upper() for w in run if w[:1].isupper()]
    if letters[:1] in pool and all(ch in pool and not pool.remove(ch) for ch in letters):
        return " ".join(run)
    return None


_DESCRIBED_COMPANY = re.compile(
    r"\b(?:producer|maker|manufacturer|firm|giant|supplier|developer|operator|retailer|insurer|carrier|"
    r"conglomerate|[a-z]{3,}maker|[a-z]{3,}builder)\s+(?P<name>[A-Z][\w&-]+(?:[ \t]+[A-Z][\w&-]*){0,2})"  # (not across lines)
    r"(?=[\s,.;:)]|$)")
# a company's whole name with its legal form, then the short form the page will use in brackets ("China North
# Industries Group Corporation Limited (NORINCO Group)", "Guangzhou Automobile Group Co., Ltd. (GAC Group)")
# a name, then an apposition saying what kind of body it is: "Alberta Innovates, the province's research and innovation
# agency,", "Sasol, the South African energy company,"
_AGENCY_NOUNS = {"agency", "authority", "regulator"}
_DESCRIBED_AFTER = re.compile(
    r"(?P<name>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}), (?:the|a|an|its|their) (?:[\w'\u2019-]+ ){0,5}?"
    r"(?P<noun>agency|authority|regulator|company|firm|conglomerate|manufacturer|carmaker|automaker|steelmaker|"
    r"chipmaker|insurer|utility)(?=[,.;]| (?:which|that|and|has|have|is|was|will)\b)")
_COMPANY_CUES = re.compile(
    r"\b(?:Chief (?:Executive|Technology|Operating|Financial|Scientific|Innovation) Officer|CEO|CTO|Managing Director|"
    r"Chairman|Chairwoman) of (?P<name>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3})(?=[,.;]| (?:and|in|at|on|who)\b)"
    r"|(?P<hq>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}), (?:headquartered|based) in\b")
_COMPANY_SHORT = re.compile(
    r"(?P<name>(?:[A-Z][\w&'-]*\.?[ \t]+(?:(?:of|&|for)[ \t]+)?){1,8}?"
    r"(?:Co\.,?\s*Ltd\.?|Co\.,?\s*Limited|Limited|Ltd\.?|Inc\.|Corp\.|LLC|PLC|plc|Ltda\.|S\.A\.|AG|GmbH|e\.V\.))"
    r"\s*\((?P<abbr>[A-Z][\w&-]*(?:\s+(?:Group|Holdings|Corp|Corporation))?)\)")
_UNI_ALIAS = re.compile(r"\((?P<alias>(?:[A-Z][\w'&-]*\s+){0,3}(?:University|Institute|College|Polytechnic)"
                        r"(?:\s+[A-Z][\w'&-]*){0,2})\)")
# a body the page says is its university's company, arm or office ("Yissum, the technology transfer company of the
# Hebrew University", "UCL Business (UCLB), the commercialisation company of University College London (UCL)")
_ACTS_FOR = re.compile(r"(?P<body>[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4})(?: \((?P<short>[A-Z][\w&-]{1,9})\))?, (?:the|its) "
                       r"(?:[\w-]+ ){0,3}(?:company|arm|subsidiary|office|affiliate|firm|entity|vehicle) of (?:the )?"
                       r"(?P<uni>(?:[A-Z][\w'&-]*\s?|of\s|and\s){1,8})")
_BODY_HEADS = {"Foundation", "Agency", "Council", "Corporation", "Company", "Ministry", "Department", "Authority",
               "Commission", "Bank", "Fund", "Institute", "Organisation", "Organization", "Administration", "Bureau"}


# the last words of a body's whole name: no "of" before them joins them to another's
_WHOLE_HEADS = {"Park", "Zone", "University", "Company", "Corporation", "Group", "City", "Province", "County"}


def _whole_name(words: list[str], i: int) -> list[str]:
    """The name an abbreviation's words end ("LEO" of "the Michigan Department of Labor and Economic
    Opportunity"): back over "of"/"for" and the capitalised words before it, from words[i]."""
    j = i
    if words and words[-1].strip(",.;:") in _WHOLE_HEADS:
        return words[j:]  # ("the X District of Suzhou Industrial Park (SIP)": the letters spell a whole body's name)
    while j >= 2 and words[j - 1].lower() in ("of", "for", "on") and words[j - 2][:1].isupper():
        j -= 2
        while j >= 1 and words[j - 1][:1].isupper() and words[j - 1].lower() != "the" \
                and not words[j - 1].endswith((",", ";", ":")):
            j -= 1
    return words[j:]


_NOT_SENTENCE_END = {"co", "inc", "ltd", "corp", "dept", "univ", "govt", "bros", "st", "dr", "mr", "ms", "mrs", "prof",
                     "no", "vol", "jr", "sr"}


def _generic_university_at_end(text: str) -> str | None:
    """The university name by its shape (``generic_universities``) that ends the text, without the title or
    capitalised stop word before it ("President of X University" -> "X University"); None for a lone word."""
    gen = list(generic_universities(text))
    if not gen or gen[-1][1] < len(text) - 1:
        return None
    words = text[gen[-1][0]:gen[-1][1]].split()
    while words and words[0].lower() in _STOP_CAPS | _TITLE_WORDS:
        words = words[1:]
    return " ".join(words) if len(words) >= 2 else None


def _own_sentence(name: str) -> str:
    """The part of the text before a bracket that is in the bracket's own sentence ("Maharashtra on Monday. The
    Indian Institute of Technology" -> "The Indian Institute of Technology"): it starts after the last full stop
    that follows a lower-case word and is no abbreviation's ("Co. Ltd.")."""
    start = name.rfind("\n") + 1  # (the page's sentences are joined by line breaks: a headline is one of its own)
    for m in re.finditer(r"\b(\w*[a-z])[.!?]\s+(?=[A-Z])", name):
        if m.group(1).lower() not in _NOT_SENTENCE_END:
            start = max(start, m.end())
    return name[start:]


_COUNT_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                "forty", "fifty", "hundred", "dozens", "several", "many", "all", "most", "new"}


def _describe(ctx: DocContext, text: str, name: str, at: int, kind: str) -> None:
    """Record the kind the page's words give a name that starts a word at ``at`` (the first description wins); only
    a name of two words or more, which the recogniser may take for a person's (a one-word name the page writes in full
    elsewhere is read by the company-name rules: "the Chairman of HIWIN")."""
    if " " in name and (at == 0 or text[at - 1] in " \n\t(\""):
        ctx.described.setdefault(name, kind)


def build_context(clean_text: str, university: str | None, url: str | None = None) -> DocContext:
    """Read the whole page once for abbreviations, aliases and place levels."""
    ctx = DocContext(university=university, url=url)
    idx = reference_index()
    for m in _ABBR_DEF.finditer(clean_text):
        abbr = m.group("abbr")
        tail = idx.find_all(m.group("name")) if idx is not None else []
        if tail and idx.by_name(f"{m.group('name')[tail[-1][0]:].strip()} ({abbr})"):
            continue  # "China University of Geosciences (Wuhan)": the bracket is part of the name, no abbreviation
        if tail and table_place(abbr):
            continue  # "HKUST (Guangzhou)": a campus's city after a university, no short form of its name
        # (the name is in the bracket's own sentence: "... on Monday. The Indian Institute of Technology (IIT)")
        name = _own_sentence(m.group("name").strip())
        uni = None
        if idx is not None:
            hits = idx.find_all(name)
            # (a campus after a comma is the same university: "The University of Nigeria, Nsukka (UNN)")
            if hits and (hits[-1][1] >= len(name) - 1 or re.fullmatch(r",\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?",
                                                                        name[hits[-1][1]:])):
                uni = hits[-1][2].name
        if not uni:
            uni = _generic_university_at_end(name)
        initials = _initials_span(name.split(), abbr)
        if uni and initials is not None and initials < len(name.split()) and not re.search(
                r"\b(?:University|College|Institute|Universit\w+)\b", " ".join(name.split()[-initials:])):
            uni = None  # "A University of X and Y and Korea Aerospace Industries (KAI)": the body the letters spell
        if uni:
            ctx.abbreviations[abbr] = uni
        else:
            words = name.split()
            # the defined abbreviation's letters are the initials of the words before it (a word in capitals keeps
            # its letters: "HD Hyundai Heavy Industries (HD HHI)")
            # (letters of a remit name nobody: "Faculty of Engineering, Built Environment and Information Technology
            # (EBIT)")
            if initials is not None and not only_remit(" ".join(words[len(words) - initials:])):
                ctx.aliases[abbr] = (re.sub(r"^The ", "", " ".join(_whole_name(words, len(words) - initials))), "org")
            else:
                full = _loose_expansion(words, abbr)
                if not full and re.fullmatch(r"[A-Z]{3,}", abbr) and words and words[-1] in _BODY_HEADS:
                    # an acronym of another language's name ("the São Paulo Research Foundation (FAPESP)"): the
                    # body named right before the bracket
                    i = len(words) - 1
                    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1] in ("of", "and", "for")) \
                            and words[i - 1] != "The" and not words[i - 1].endswith((",", ";", ":")):
                        i -= 1
                    full = " ".join(words[i:]) if i < len(words) - 1 and words[i][:1].isupper() else None
                if full and not only_remit(full):
                    ctx.aliases[abbr] = (full, "org")
    for m in _OR_ABBR.finditer(clean_text):
        # "the Michigan Economic Development Corporation, or MEDC,": the abbreviation an "or" gives, when its letters
        # are the initials of the words before it
        abbr, words = m.group("abbr"), _own_sentence(m.group("name").strip()).split()
        initials = _initials_span(words, abbr)
        if initials is not None and abbr not in ctx.abbreviations and abbr not in ctx.aliases:
            ctx.aliases[abbr] = (re.sub(r"^The ", "", " ".join(_whole_name(words, len(words) - initials))), "org")
    for m in _ACTS_FOR.finditer(clean_text):
        # "UCL Business (UCLB), the commercialisation company of University College London": the company acts for
        # its university (convention 2), under its name and its short form
        hits = idx.find_all(m.group("uni")) if idx is not None else []
        uni = hits[0][2].name if hits and hits[0][0] <= 4 else _generic_university_at_end(m.group("uni")) or (
            m.group("uni").strip() if re.search(r"\b(?:University|College|Institute)\b", m.group("uni")) else None)
        if uni:
            for alias in (m.group("body").strip(), m.group("short")):
                if alias and alias not in ctx.abbreviations:
                    ctx.abbreviations[alias] = uni
                    ctx.aliases.pop(alias, None)  # (no company of its own)
    for m in _UNI_ALIAS.finditer(clean_text):
        # "the Kerala University of Digital Sciences, Innovation and Technology (Digital University Kerala)": the
        # bracket names the university before it, as the page will call it again
        alias, before = m.group("alias"), _own_sentence(clean_text[max(0, m.start() - 200):m.start()].rstrip())
        full = None
        hits = idx.find_all(before) if idx is not None else []
        if hits and hits[-1][1] >= len(before) - 1:
            full = hits[-1][2].name
        gen = list(generic_universities(before))
        if gen and gen[-1][1] >= len(before) - 1 and (full is None or gen[-1][1] - gen[-1][0] > hits[-1][1] - hits[-1][0]):
            full = _generic_university_at_end(before) or full
        if full and alias != full and alias not in ctx.abbreviations:
            ctx.abbreviations[alias] = full
    for m in _COMPANY_SHORT.finditer(clean_text):
        abbr, words = m.group("abbr"), m.group("name").split()
        while words and (words[0].lower() in _TITLE_WORDS or words[0] in ("of", "The")):
            words.pop(0)  # ("Chairman of Xuzhou Construction Machinery Group Co., Ltd. (XCMG)": the company)
        full = " ".join(words)
        ext = re.search(r"(?:^|[^\w&'-])((?:[A-Z][\w&'-]*[ \t]+){1,3})and[ \t]+$", clean_text[:m.start("name")])
        if ext and words and abbr[0] == ext.group(1)[0] != words[0][0]:
            # ("Anshan Iron and Steel Group Co., Ltd. (Ansteel)": the name's "and" joins its words, the short form's
            # first letter says where it begins; not "Tsinghua University and Haier Group Co., Ltd. (Haier)")
            full = f"{ext.group(1)}and {full}"
        if abbr not in ctx.abbreviations and abbr not in ctx.aliases and len(full.split()) >= 3:
            ctx.aliases[abbr] = (full, "org")
    for m in _DESCRIBED_AFTER.finditer(clean_text):
        # "Alberta Innovates, the province's research and innovation agency, ...": what the apposition says the body
        # is, for a name that says no kind itself
        _describe(ctx, clean_text, m.group("name"), m.start("name"),
                  "agency" if m.group("noun").lower() in _AGENCY_NOUNS else "enterprise")
    for m in _COMPANY_CUES.finditer(clean_text):
        # "Group Chief Technology Officer of Surbana Jurong", "Surbana Jurong, headquartered in Singapore,": what only a
        # company has (a corporate officer, a headquarters), whatever the recogniser makes of its name
        _describe(ctx, clean_text, m.group("name") or m.group("hq"), m.start(), "enterprise")
    for m in _DESCRIBED_COMPANY.finditer(clean_text):
        # "the pulp producer Suzano", "steelmaker Ternium": a company by what it makes
        if m.group("name") not in ctx.enterprises:
            ctx.enterprises.append(m.group("name"))
    for m in _HEREINAFTER.finditer(clean_text):
        name = m.group("name").strip()
        chunks = _chunks(name)
        while len(chunks) >= 2 and re.fullmatch(r"(?:(?:Co|Ltd|Inc|Corp|Limited|LLC|PLC)\.?[ ,]*)+",
                                                 name[chunks[-1][0]:chunks[-1][1]]):
            chunks = chunks[:-2] + [(chunks[-2][0], chunks[-1][1])]  # ("X Machinery Co., Ltd.": one name)
        if chunks:
            name = name[chunks[-1][0]:chunks[-1][1]]
        ctx.aliases[m.group("alias").strip()] = (_last_of_pair(name), "org")
    for m in _HEREINAFTER_ZONE.finditer(clean_text):
        # "Jinan High-tech Industrial Development Zone (hereinafter referred to as "the high-tech zone")": the zone
        # "the zone" stands for on this page, whatever shorter names its headings give
        words = m.group("name").split()
        k = len(words) - 1  # (back over the name's capitalised words, to a word that ends another name)
        while k > 0 and re.fullmatch(r"[A-Z][\w&'-]*|and|of", words[k - 1]) and words[k - 1] not in ("Zone", "Park", "Area"):
            k -= 1
        if ctx.defined_zone is None and k < len(words) - 1:
            ctx.defined_zone = " ".join(words[k:])
    for m in _LEARN_LEVEL.finditer(clean_text):
        place, level = m.group("place"), m.group("level").lower()
        if place.lower() in _STOP_CAPS or place.lower() in PROVINCES and level not in ("province", "provincial"):
            continue
        if place.lower() in _COUNT_WORDS:
            continue  # "Six provincial-level platforms were approved": a number opening the sentence, no place
        if m.group("level").islower() and (DEMONYM.fullmatch(place) or re.search(
                r"\b(?:an?|another|any|each|every)\s+$", clean_text[max(0, m.start() - 10):m.start()])):
            continue  # "a Dutch province", "a coastal city": a kind of place
        key = place_name(place).lower()
        lvl = LEVELS[level]
        ctx.places.setdefault(key, lvl)
    for m in _LEARN_OF.finditer(clean_text):
        ctx.places.setdefault(place_name(m.group("place")).lower(), LEVELS[m.group("level")])
    for m in _LEARN_LIST.finditer(clean_text):
        for place in re.split(r",? and |, ", m.group("names")):
            if place.lower() not in _STOP_CAPS:
                ctx.places.setdefault(place.lower(), LEVELS[m.group("level") or m.group("of")])
    for m in _LEARN_APPOS.finditer(clean_text):
        ctx.places.setdefault(place_name(m.group("place")).lower(), "City")
    for p in PROVINCES:
        ctx.places.setdefault(p, "City" if p in MUNICIPALITIES else "Province")
    ctx.short_form = _short_form(clean_text, university, idx)
    _own_initials(ctx, clean_text)
    _initials_of_names(ctx, clean_text)
    ctx.publisher = _publisher(ctx, clean_text)
    # ("Premier Roger Cook", "Prime Minister Keir Starmer", "Chief Minister X Y"): "the Cook Government" is the
    # government he leads, no body named Cook
    # (or one a party's name says is a leader's: "Cook Labor Government")
    ctx.leaders = frozenset(re.findall(r"\b(?:Premier|Prime Minister|Chief Minister|First Minister|Governor)\s+"
                                       r"(?:[A-Z][a-z]+\s+){0,2}([A-Z][a-z]+)\b", clean_text)
                            + re.findall(r"\b([A-Z][a-z]+) (?:Labor|Labour|Liberal|Coalition|Conservative) Government\b",
                                         clean_text))
    return ctx


def _publisher(ctx: DocContext, text: str) -> str | None:
    """The body whose abbreviation the page defines and its domain spells ("Technology Innovation Agency (TIA)" on
    www.tia.org.za, "Virginia Innovation Partnership Corporation (VIPC)" on www.vipc.org): the page's publisher,
    when no university publishes it."""
    from pipelines.extract.text import page_host
    labels = [x for x in page_host(ctx.url).split(".") if x not in ("www", "en", "english", "eng")]
    if ctx.university or not labels:
        return None
    for alias, (full, _) in ctx.aliases.items():
        if alias.lower() == labels[0]:
            return full
    gov = _government_site(labels, text)
    if gov is not None:
        return gov
    # a body whose name, run together, is the domain ("Alberta Innovates" on albertainnovates.ca)
    if len(labels[0]) >= 8:
        for m in _NAME_RUN.finditer(text):
            words = m.group().split()
            for i in range(len(words)):
                for j in range(i + 2, min(len(words), i + 5) + 1):
                    if "".join(words[i:j]).lower() == labels[0]:
                        return " ".join(words[i:j])
    return None


# Australian states' own domains (qld.gov.au, statements.qld.gov.au)
_AU_STATES = {"qld": "Queensland", "nsw": "New South Wales", "vic": "Victoria", "wa": "Western Australia",
              "sa": "South Australia", "tas": "Tasmania", "nt": "Northern Territory",
              "act": "Australian Capital Territory"}


@functools.lru_cache(maxsize=1)
def state_names() -> tuple[str, ...]:
    """US, Indian and Australian states and Canadian provinces (``states.csv``)."""
    from pipelines.reference.divisions import load_states

    return tuple(d.name for d in load_states())


def _government_site(labels: list[str], text: str) -> str | None:
    """The government whose own site the page is on: the label before "gov" names its place (ganzhou.gov.cn:
    Ganzhou City; statements.qld.gov.au: Queensland; ohio.gov: Ohio; nottinghamshire.gov.uk: Nottinghamshire
    County, the level its council's name on the page gives). None for a national government's site (gov.cn,
    pib.gov.in) or a place the divisions table does not know."""
    from pipelines.extract.places import gov_name, place_name, table_place

    if "gov" not in labels or labels.index("gov") == 0:
        return None
    label = labels[labels.index("gov") - 1]
    if labels[-2:] == ["gov", "au"] and label in _AU_STATES:
        return _AU_STATES[label]
    if not label.isalpha():
        return None
    place = table_place(label.title())
    if place is not None:
        return place.canonical
    # a state's office named in the label ("iprdodisha.gov.in": Odisha's Information & Public Relations Department)
    for st in state_names():
        key = st.lower().replace(" ", "")
        if len(key) >= 5 and (label.endswith(key) or label.startswith(key)):
            return st
    council = re.search(rf"\b({re.escape(label)}) (County|City|Borough|District) Council\b", text, re.I)
    return gov_name(place_name(council.group(1).title()), council.group(2)) if council else None


_NAME_RUN = re.compile(r"\b[A-Z][\w&-]*(?: [A-Z][\w&-]*)+")
_OR_ABBR = re.compile(r"(?P<name>[A-Z][^(),.;]{3,120}?), or (?:the )?(?P<abbr>[A-Z]{2,8})\b")
_HEREINAFTER_ZONE = re.compile(r"(?P<name>[A-Z][^()\n]{3,120}?Zone)\s*\((?:hereinafter|hereafter)(?: referred to)?(?: as)?\s*"
                               r"[\"'\u201c\u2018]?the [a-z][\w -]{0,40}?(?:zone|park|area)[\"'\u201d\u2019]?\)")
_TITLE_RUN = re.compile(r"\b[A-Z][\w&'-]*(?: (?:[A-Z][\w&'-]*|and|of|for|on|&)){2,9}")
_LEGAL_TAIL = re.compile(r"(?:,? (?:Co|Ltd|Inc|Corp|Company|Corporation|Limited|Group)\.?)+$")


def _initials_of_names(ctx: DocContext, text: str) -> None:
    """An acronym the page uses without defining it, whose letters are the initials of one name the page writes
    in full ("CATARC" for "China Automotive Technology and Research Center Co., Ltd."): that body."""
    acronyms = {a for a in re.findall(r"\b[A-Z]{3,8}\b", text)
                if a not in ctx.abbreviations and a not in ctx.aliases}
    if not acronyms:
        return
    found: dict[str, set[str]] = {}
    for m in _TITLE_RUN.finditer(text):
        tail = re.match(r"\.?(?:,? (?:Ltd|Inc|Limited|Co)\.?)*", text[m.end():])  # ("Co., Ltd.")
        full = (m.group() + (tail.group() if tail and re.search(r"\b(?:Co|Inc|Corp|Ltd)$", m.group()) else "")).rstrip(",")
        words = _LEGAL_TAIL.sub("", full).split()
        if len(words) < 3 or words[-1] in ("and", "of", "for", "on", "&"):
            continue
        for ini in ("".join(w[0] for w in words if w != "&").upper(),
                    "".join(w[0] for w in words if w not in ("and", "of", "for", "on", "&")).upper()):
            if ini in acronyms:
                found.setdefault(ini, set()).add(full)
    for ini, names in found.items():
        if len(names) == 1:
            ctx.aliases[ini] = (names.pop(), "org")


def _own_initials(ctx: DocContext, text: str) -> None:
    """The page's own university by its initials ("SUTD" on sutd.edu.sg for the Singapore University of Technology
    and Design), wherever the page writes them, inside a longer name too ("Keppel-SUTD Urban Cooling Centre"):
    an abbreviation the page uses without defining it. Three letters at least, and none the page defines
    otherwise."""
    from pipelines.extract.acronyms import initials
    if not ctx.university:
        return
    # ("UOW" of the University of Wollongong keeps the initial of "of")
    full = "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w'-]*", ctx.university) if w.lower() != "the")
    for ini in dict.fromkeys((initials(ctx.university), full)):
        if len(ini) >= 3 and ini not in ctx.abbreviations and ini not in ctx.aliases and re.search(rf"\b{ini}\b", text):
            ctx.abbreviations[ini] = ctx.university
    # the brand "U" + place of a "University of <Place>" ("UCalgary", "UOttawa")
    brand = re.fullmatch(r"(?:The )?University of ([A-Z][a-z]+)", ctx.university)
    if brand and re.search(rf"\bU{brand.group(1)}\b", text):
        ctx.abbreviations[f"U{brand.group(1)}"] = ctx.university


# the distinctive word(s) of a university's name: "Westbrook" of "Westbrook Institute of Technology", "Leeds" of
# "University of Leeds"
_SHORT_OF = re.compile(r"(?P<w>[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?) (?:University|Institute of Technology|"
                       r"Polytechnic University)|University of (?P<v>[A-Z][a-z]{2,})|"
                       # an acronym that opens the name ("RWTH Aachen University": "RWTH and Ford signed")
                       r"(?P<a>[A-Z]{3,6}) [A-Z][a-z]+ (?:University|Institute of Technology)|"
                       # a name the university goes by before a dash and its gloss ("Technion - Israel Institute of
                       # Technology": "Technion signed ...")
                       r"(?P<d>[A-Z][a-z]{3,}) [-\u2013] [A-Z][\w ]+")


def _short_form(text: str, university: str | None, idx) -> tuple[str, str] | None:
    """The bare name the page's own university goes by ("Westbrook and Siemens opened a lab"): the distinctive
    word(s) of its official name, when the page uses them on their own. The page's own university is the one its
    domain gives, else the one it names most often. No short form that is a place ("Sichuan" of Sichuan
    University, "Leeds" when the page speaks of the city) or a common capitalised word."""
    main = university
    if main is None:
        hits = idx.find_all(text) if idx is not None else []
        names = [u.name for _, _, u in hits]
        for st, en in generic_universities(text):
            if any(hs < en and st < he for hs, he, _ in hits):
                continue  # (the table's own hit: "Israel Institute of Technology" of "Technion - Israel Institute ...")
            words = text[st:en].split()
            while words and words[0].lower() in _STOP_CAPS | _TITLE_WORDS:
                words = words[1:]  # "The University of X", "President of X University"
            names.append(" ".join(words))
        if not names:
            return None
        main = max(names, key=names.count)
    m = _SHORT_OF.fullmatch(main)
    if not m:
        return None
    word = m.group("w") or m.group("v") or m.group("a") or m.group("d")
    if any(w.lower() in _STOP_CAPS or w.lower() in PROVINCES for w in word.split()) or table_place(word):
        return None
    if re.search(rf"\b(?:[Cc]ity|[Tt]own|[Cc]ounty|[Cc]ouncil|[Bb]orough) of {word}\b|\b{word} (?:[Cc]ity|[Cc]ouncil)\b", text):
        return None  # the page speaks of the place too
    return (word, main) if _standalone(text, word) else None


def _standalone(text: str, word: str):
    """Occurrences of ``word`` on its own: not part of a longer capitalised name, not after a place preposition."""
    return [m for m in re.finditer(rf"(?<![\w&@-]){re.escape(word)}(?![\w@-])", text)
            # (a capitalised word that ends a sentence, "... Nanotechnology Center. Ivy Tech, which", is no name's start)
            if not re.search(r"(?:[A-Z][\w.'&-]*(?<![a-z]{4}\.)|\b(?:in|at|near|across|around|of)) $",
                             text[max(0, m.start() - 30):m.start()])
            and not re.match(r"\s+(?:of\b|[A-Z&@])", text[m.end():])]
