"""Organisation mentions in a sentence and their canonical names.

``find_mentions(clean_sentence, ctx)`` returns the organisations a sentence
names, each with a canonical name and a kind:

* ``university``: universities and national research academies (reference
  table, abbreviations defined in the page, "X University"/"University of X"
  shapes); sub-units ("School of Social Sciences of Tsinghua University",
  "XTU's Tourism Management School") count as their university;
* ``government``: "<Place> <Level>" ("Xiangtan City"), from "the People's
  Government of X City, Y Province", "X Municipal People's Government",
  "the X municipal government", "the city of X", "X City Council", "X
  district" and bare place names the page itself gives a level to
  ("Taiyuan Municipal Committee" makes "Taiyuan" a city) or province names;
* ``agency``/``ministry``/``zone``: bodies that keep their own names;
* ``enterprise``: names with a company suffix, or known to the page as such
  (later short forms resolve to the first full name);
* ``platform``: names whose head is a platform noun (institute, base, ...);
* ``person``, ``quoted`` and ``org`` (anything else capitalised);
* ``placeholder``: "the university", "the province", "the two sides", ...

Each mention also says whether it is *locative* ("in Baoshan", "China's
Yunnan province"): a place where something happens is not a party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

try:  # the reference table is another helper's package; degrade gracefully without it
    from pipelines.reference import UniversityIndex
except Exception:  # pragma: no cover
    UniversityIndex = None  # type: ignore[assignment,misc]
try:
    from pipelines.reference.divisions import DivisionIndex
except Exception:  # pragma: no cover
    DivisionIndex = None  # type: ignore[assignment,misc]

PROVINCES = {
    "anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei",
    "heilongjiang", "henan", "hubei", "hunan", "jiangsu", "jiangxi", "jilin", "liaoning", "inner mongolia",
    "ningxia", "qinghai", "shaanxi", "shandong", "shanghai", "shanxi", "sichuan", "tianjin", "tibet", "xinjiang",
    "yunnan", "zhejiang", "hong kong", "macao", "macau", "taiwan",
}
MUNICIPALITIES = {"beijing", "shanghai", "tianjin", "chongqing"}
LEVELS = {"city": "City", "county": "County", "district": "District", "province": "Province",
          "prefecture": "Prefecture", "municipality": "City", "municipal": "City", "provincial": "Province",
          "prefectural": "Prefecture", "cities": "City", "counties": "County", "districts": "District",
          "provinces": "Province", "prefectures": "Prefecture", "town": "Town", "township": "Township",
          "towns": "Town", "village": "Village", "villages": "Village", "borough": "Borough"}
LEVEL_TYPE = {"State": "province", "Borough": "district", "City": "city", "League": "prefecture", "SAR": "province", "County": "county", "District": "district", "Province": "province",
              "Prefecture": "prefecture", "Town": "other", "Township": "other", "Village": "other"}

_SURNAMES = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen
yao jin fang cui fan lyu lv shi niu pang yan mao qin qiu hou bai kong meng xiong qian dai tan mo jia gu hao wan
duan lei long tao he hong gong fu ke kang chang ni zou xing yin wen yi""".split())

_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in"
    r"|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|v|yu))+$")

AGENCY_HEADS = {"bureau", "commission", "department", "administration", "committee", "office", "council",
                "agency", "authority", "ministry", "government", "congress", "federation", "association",
                "chamber", "board", "society", "foundation", "management", "regents", "division", "section"}
ZONE_HEADS = {"zone"}
ENTERPRISE_SUFFIX = re.compile(
    r"(?:\b(?:Co|Corp|Ltd|Inc|LLC|PLC|Limited|Corporation|Company|Group|Holdings|Bank|Enterprises?)\.?,?)+$")
_LEGAL_SUFFIX = re.compile(r"(?:,?\s*\b(?:Co|Ltd|Inc|LLC|PLC|Limited)\b\.?,?)+$")
ORG_HEADS = {"chamber", "association", "federation", "society", "foundation", "regents", "board", "council",
             "union", "league", "network", "consortium", "fund", "bank", "group", "hospital", "museum"}
PLATFORM_HEADS = {"institute", "institutes", "center", "centre", "centers", "centres", "base", "bases", "park",
                  "parks", "laboratory", "laboratories", "lab", "labs", "workstation", "workstations", "alliance",
                  "platform", "platforms", "college", "valley", "town", "hub", "incubator", "academy", "school"}
SUBUNIT_HEADS = {"school", "department", "faculty", "office", "committee", "college", "academy", "library",
                 "hospital", "council", "campus"}
ACADEMY = re.compile(r"\bAcademy of (?:[A-Z]\w+ )*(?:Sciences?|Engineering|Physics)\b")

_TITLE_WORDS = {
    "president", "vice-president", "chairman", "chairwoman", "chair", "secretary", "dean", "director",
    "governor", "mayor", "mr", "ms", "mrs", "dr", "prof", "professor", "minister", "manager", "head", "deputy",
    "general", "academician", "ceo", "party", "vice", "executive", "chief", "member", "representative",
    "leader", "premier", "officer", "commissioner", "principal", "editor", "gov", "sen", "rep", "hon",
}
_STOP_CAPS = {
    "the", "a", "an", "on", "in", "at", "during", "according", "under", "since", "after", "before", "both",
    "its", "their", "his", "her", "there", "as", "this", "that", "these", "those", "it", "he", "she", "they",
    "we", "our", "by", "to", "from", "with", "between", "and", "or", "but", "for", "of", "up", "until", "over",
    "more", "some", "taking", "representatives", "statistics", "additionally", "also", "then", "finally",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "signed", "sign", "signs",
    "signing", "held", "hold", "holds", "jointly", "joint", "established", "establish", "launched", "launch",
    "opens", "opening", "ceremony", "discusses", "deepens", "furthers", "promote", "promotes", "join", "joins",
    "hands", "form", "forms", "came", "investigate", "visit", "visits", "visited", "looking", "officials",
    "pushes", "yielded", "continue", "fruitful", "achievements", "past", "years", "university-government",
    "news", "latest", "home", "share", "print", "updated", "date", "source", "time", "click", "photo",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu",
    "fri", "sat", "sun", "agreement", "agreements", "memorandum", "framework", "strategic", "cooperation",
    "comprehensive", "partnership", "collaboration", "contract", "protocol", "mou", "moa", "copyright",
    "however", "meanwhile", "besides", "moreover", "therefore", "thus", "what", "when", "where", "who", "how",
    "why", "all", "each", "every", "many", "several", "other", "such", "one", "two", "three", "first", "second",
    "new", "notable", "key", "recent", "today", "yesterday", "following", "located", "currently", "following",
    "translated", "edited", "authorized", "written", "reported", "by", "zeng", "chinese", "foreign", "domestic",
    "well-known", "major", "local", "so", "rmb", "cny", "usd", "eur", "gbp", "hkd", "jpy",
}
_CONNECT = r"(?:of the|of|and|for|on|de|du|la|&)"
_WORD = r"(?:[A-Z][A-Za-z0-9'&]*(?:-[A-Za-z0-9][A-Za-z0-9']*)*|[A-Z0-9]{2,}(?:-[A-Za-z0-9]+)*|\d+(?:st|nd|rd|th)?)"
_TOKEN = re.compile(r"\((?:[A-Z][A-Za-z]+)\)|[A-Za-z0-9][A-Za-z0-9'&]*(?:-[A-Za-z0-9']+)*\.?|&")
_ABBR_DEF = re.compile(r"(?P<name>[A-Z][^()]{3,120}?)\s*\((?P<abbr>[A-Z][A-Za-z&]{1,9})\)")
_ORG_HEAD = re.compile(
    r"\b(?:University|College|Academy|Institute|Corporation|Company|Co\.?|Ltd\.?|Group|Government|Bureau|"
    r"Commission|Committee|Department|Ministry|Administration|Hospital|Center|Centre)$")


def _last_of_pair(name: str) -> str:
    """The organisation next to a "(hereinafter ...)" when two are joined by "and":
    "A University and B Corporation (hereinafter B)" defines B, while
    "Department of Science and Technology" stays whole (its "and" is inside a name)."""
    head, sep, tail = name.rpartition(" and ")
    if sep and _ORG_HEAD.search(head.strip()) and len(re.findall(r"\b[A-Z]", tail)) >= 2:
        return tail.strip()
    return name


_HEREINAFTER = re.compile(r"(?P<name>[A-Z][^()]{3,120}?)\s*\((?:hereinafter|hereafter)(?: referred to)?(?: as)? "
                          r"[\"']?(?P<alias>[A-Z][^()\"']{1,60}?)[\"']?\)")

LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|across|around|throughout|from|to|into|inside|outside|within|located in|based in|"
    r"capital of|held in)\s+(?:the\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|central|"
    r"northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern|southwestern|downtown|"
    r"rural|urban)\s+)*(?:(?:north|south|east|west|central|northeast|northwest|southeast|southwest)\s+china'?s\s+)?"
    r"|\bchina'?s\s+)$", re.I)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    name: str | None
    kind: str
    level: str | None = None
    province: str | None = None
    locative: bool = False
    university: str | None = None   # for platforms/sub-units: the university the name contains
    placeholder: str | None = None  # "university" | "province" | "city" | "county" | "district" | "pair" | "partner"
    extra: dict = field(default_factory=dict)

    @property
    def party(self) -> bool:
        return self.kind in ("university", "government", "agency", "ministry", "zone", "enterprise", "org",
                             "placeholder") and not self.locative


def reference_index():
    if UniversityIndex is None:
        return None
    try:
        return UniversityIndex.default()
    except Exception:  # pragma: no cover - broken table: run without it
        return None


def division_index():
    """The administrative divisions table (cached), or None when it cannot be loaded."""
    if DivisionIndex is None:
        return None
    try:
        return DivisionIndex.default()
    except Exception:  # pragma: no cover - broken table: run without it
        return None


def table_place(text: str):
    """A bare place name (no level word) read through the divisions table: a ``Place`` or None."""
    idx = division_index()
    if idx is None or not re.fullmatch(r"[A-Z][a-z]+(?:['’][a-z]+)?(?:[ -](?:and )?[A-Z][a-z]+(?:['’][a-z]+)?){0,2}", text):
        return None
    return idx.place(text)


def province_of(canonical: str | None) -> str | None:
    """Province of a city/prefecture/district government from the table, when unambiguous."""
    idx = division_index()
    if idx is None or not canonical:
        return None
    return idx.province_of(canonical)


def is_pinyin(word: str) -> bool:
    w = word.lower().replace("'", "")
    return bool(w) and w.isalpha() and bool(_PINYIN.match(w))


def place_name(raw: str) -> str:
    """A place name in canonical spelling: "Qing Huangdao" -> "Qinghuangdao", "lyuliang" -> "Lyuliang"."""
    raw = re.sub(r"\s+", " ", raw.strip().strip(",.;"))
    raw = re.sub(r"^(?:the)\s+", "", raw, flags=re.I)
    parts = raw.split(" ")
    if 1 < len(parts) <= 3 and all(is_pinyin(p) for p in parts) and raw.lower() not in PROVINCES:
        joined = "".join(parts).lower()
        return joined[:1].upper() + joined[1:]
    return " ".join(p[:1].upper() + p[1:] for p in parts)


def gov_name(place: str, level: str) -> str:
    lvl = LEVELS.get(level.lower(), level.title())
    return f"{place_name(place)} {lvl}"


def strip_company_suffix(name: str) -> str:
    out = _LEGAL_SUFFIX.sub("", name).strip(" ,.")
    return out or name


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
    province_of: dict[str, str] = field(default_factory=dict)

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
        counts = {**{n: c for n, c in self.place_counts.items() if n.endswith((" Province", " City"))},
                  **self.university_counts}
        return max(counts.items(), key=lambda kv: kv[1])[0] if counts else None

    def main_place(self, level: str) -> str | None:
        best = [(n, c) for n, c in self.place_counts.items() if n.endswith(" " + level)]
        if not best:
            return None
        return max(best, key=lambda kv: kv[1])[0]


_LEARN_LEVEL = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)(?:'s)? (?P<level>(?i:municipal|city|county|district|province|"
    r"provincial|prefecture))\b(?! of\b)")
_LEARN_APPOS = re.compile(r"\b(?P<place>[A-Z][a-z]+), (?:the )?(?:capital|a (?:\w+ )?city|a county|"
                          r"a district|a \w+ city)\b")
_LEARN_OF = re.compile(r"\bthe (?P<level>city|county|district|province) of (?P<place>[A-Z][a-z]+)\b")


def build_context(clean_text: str, university: str | None, url: str | None = None) -> DocContext:
    """Read the whole page once for abbreviations, aliases and place levels."""
    ctx = DocContext(university=university, url=url)
    idx = reference_index()
    for m in _ABBR_DEF.finditer(clean_text):
        abbr = m.group("abbr")
        name = m.group("name").strip()
        uni = None
        if idx is not None:
            hits = idx.find_all(name)
            if hits and hits[-1][1] >= len(name) - 1:
                uni = hits[-1][2].name
        if not uni:
            gen = list(_GENERIC_UNI.finditer(name))
            if gen and gen[-1].end() >= len(name) - 1:
                words = gen[-1].group().split()
                while words and words[0].lower() in _STOP_CAPS | _TITLE_WORDS:
                    words = words[1:]
                uni = " ".join(words) if len(words) >= 2 else None
        if uni:
            ctx.abbreviations[abbr] = uni
        else:
            words = name.split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            k = len(abbr)
            # the defined abbreviation's letters are the initials of the words before it
            for n in range(len(words), 0, -1):
                cand = words[-n:]
                ini = "".join(w[0].upper() for w in cand if w[:1].isalpha() and w.lower() not in ("of", "and", "for", "the"))
                if ini == abbr.upper() and cand[0][:1].isupper():
                    ctx.aliases[abbr] = (" ".join(cand), "org")
                    break
            del initials, k
    for m in _HEREINAFTER.finditer(clean_text):
        name = m.group("name").strip()
        chunks = _chunks(name)
        if chunks:
            name = name[chunks[-1][0]:chunks[-1][1]]
        ctx.aliases[m.group("alias").strip()] = (_last_of_pair(name), "org")
    for m in _LEARN_LEVEL.finditer(clean_text):
        place, level = m.group("place"), m.group("level").lower()
        if place.lower() in _STOP_CAPS or place.lower() in PROVINCES and level not in ("province", "provincial"):
            continue
        key = place_name(place).lower()
        lvl = LEVELS[level]
        ctx.places.setdefault(key, lvl)
    for m in _LEARN_OF.finditer(clean_text):
        ctx.places.setdefault(place_name(m.group("place")).lower(), LEVELS[m.group("level")])
    for m in _LEARN_APPOS.finditer(clean_text):
        ctx.places.setdefault(place_name(m.group("place")).lower(), "City")
    for p in PROVINCES:
        ctx.places.setdefault(p, "City" if p in MUNICIPALITIES else "Province")
    return ctx


# ------------------------------------------------------------------ government patterns

_NL = r"(?!(?:city|county|district|borough|municipality|province|prefecture|municipal|provincial|people(?:'s|s'|'|s)?|government|council|and|the|of|with|between|both|in|to)\b)"
_PLACE = rf"\b{_NL}[A-Z][\w'-]*(?: {_NL}[A-Z][\w'-]*){{0,2}}"
_GOV_PATTERNS = [
    # the People's Government of X City, Y Province / of Yuhu District, Xiangtan City
    re.compile(rf"(?:the )?(?:general office of the )?people(?:'s|s'|'|s)? government of (?:the )?(?P<place>{_PLACE})"
               r"(?: (?P<level>city|county|district|province|prefecture|municipality))?"
               rf"(?:, (?P<parent>{_PLACE})(?: (?P<plevel>province|city|municipality|autonomous region))?)?", re.I),
    # X Municipal People's Government / the X municipal government / Lyuliang's municipal government
    re.compile(rf"(?:the )?(?P<place>{_PLACE})(?:'s)? (?P<level>municipal|provincial|county|district|city|prefectural|prefecture)"
               r"(?: people(?:'s|s'|'|s)?)? government\b", re.I),
    # X City Council
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>city|county|municipal|borough|district) council\b", re.I),
    # the city of X
    re.compile(r"\bthe (?P<level>city|county|district|province|prefecture) of (?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?)"),
]
_GOV_SIMPLE = re.compile(
    r"(?P<place>(?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,2}) (?P<level>[Cc]ity|[Cc]ounty|[Dd]istrict|[Pp]rovince|[Pp]refecture)\b"
    r"(?: of (?:the )?(?P<parent>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}) (?P<plevel>[Cc]ity|[Pp]rovince|Autonomous Region))?")
_AUTONOMOUS = re.compile(
    r"\b(?P<place>[A-Z][a-z]+(?:'[a-z]+)?)(?: (?:[A-Z][a-z]+|and)){1,4} Autonomous (?P<level>Prefecture|County|Region)\b")
_PROVINCE_ADJ = re.compile(r"(?P<place>[A-Z][a-z]+) [Pp]rovincial\b")


def _cap_start_ok(text: str, start: int) -> bool:
    word = re.match(r"[A-Za-z'-]+", text[start:])
    return bool(word) and word.group().lower() not in _STOP_CAPS


_GOV_CUE = re.compile(r"city|county|district|province|prefecture|municipal|government|council|region", re.I)


def _gov_mentions(s: str) -> list[Mention]:
    out: list[Mention] = []
    if not _GOV_CUE.search(s):
        return out
    for pat in _GOV_PATTERNS:
        for m in pat.finditer(s):
            place = m.group("place")
            # peel leading stop words ("The Mesa City Council" -> "Mesa")
            words = place.split()
            while words and words[0].lower() in _STOP_CAPS:
                words = words[1:]
            if not words:
                continue
            place = " ".join(words)
            lvl_raw = (m.group("level") or "").lower()
            if not lvl_raw:
                continue
            level = LEVELS.get(lvl_raw, "City")
            if place.lower() in PROVINCES and lvl_raw in ("provincial", "province"):
                level = "Province"
            parent = m.groupdict().get("parent")
            out.append(Mention(m.start(), m.end(), m.group(), gov_name(place, level), "government", level=level,
                               province=place_name(parent) if parent else None))
    for m in _GOV_SIMPLE.finditer(s):
        words = m.group("place").split()
        offset = 0
        while words and (words[0].lower() in _STOP_CAPS or any(w.endswith("'s") for w in words)):
            offset += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        place = " ".join(words)
        if words[-1] == "Autonomous":
            continue  # "X Korean Autonomous Prefecture": see _AUTONOMOUS
        level = LEVELS[m.group("level").lower()]
        parent = m.group("parent")
        out.append(Mention(m.start() + offset, m.end(), m.group()[offset:], gov_name(place, level), "government",
                           level=level, province=place_name(parent) if parent and (m.group("plevel") or "").lower() == "province" else None))
    for m in _AUTONOMOUS.finditer(s):
        # "Xiangxi Tujia and Miao Autonomous Prefecture" -> "Xiangxi Prefecture": the place is the first
        # word, the peoples named after it are not part of the spec's "<Place> <Level>"
        level = {"prefecture": "Prefecture", "county": "County", "region": "Province"}[m.group("level").lower()]
        place = m.group("place")
        if place.lower() in _STOP_CAPS:
            continue
        out.append(Mention(m.start(), m.end(), m.group(), gov_name(place, level), "government", level=level))
    for m in _PROVINCE_ADJ.finditer(s):
        if m.group("place").lower() in PROVINCES:
            out.append(Mention(m.start(), m.end(), m.group(), f"{m.group('place')} Province", "government", level="Province"))
    return out


# ------------------------------------------------------------------ chunks

_CHUNK = re.compile(
    rf"(?:{_WORD})(?:(?:\s+{_CONNECT})?\s+(?:\((?:[A-Z][A-Za-z]+)\)\s+)?(?:{_WORD}))*"
    r"(?:,? (?:Co\.?,? ?Ltd\.?|Co\.|Ltd\.|Inc\.))?")


_NAME_MODIFIERS = {"joint", "new", "key", "first", "second", "strategic", "comprehensive", "cooperation",
                   "collaboration", "partnership", "major", "local", "chinese", "foreign", "domestic", "international",
                   "academician", "postgraduate", "executive", "general", "chief"}
_BODY_HEADS = None  # filled below (needs PLATFORM_HEADS etc.)


def _chunks(s: str) -> list[tuple[int, int]]:
    """Capitalised name-like spans, cut at stop words (verbs, prepositions, months, titles)."""
    out: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(s):
        start, end = m.start(), m.end()
        # a name ending in an organisation head keeps its modifiers: "Joint Research Center",
        # "New Materials Institute", "Academician Workstation", "Provincial Key Laboratory"
        named_body = _head(m.group().rstrip(",")) in _BODY_HEADS or m.group().rstrip(",").endswith(" New Area")
        toks = list(re.finditer(r"\S+", s[start:end]))
        # split the span at stop words
        pieces: list[tuple[int, int]] = []
        cur_s = None
        cur_e = None
        for i, t in enumerate(toks):
            ws, we = start + t.start(), start + t.end()
            word = t.group().strip(",")
            low = word.lower().rstrip(".,")
            is_stop = low in _STOP_CAPS and not (cur_s is not None and low in ("of", "and", "for", "on", "the", "de", "du", "la", "&"))
            if low in _TITLE_WORDS and word[:1].isupper():
                is_stop = True
            if is_stop and named_body and word[:1].isupper() and (low in _NAME_MODIFIERS or low in _TITLE_WORDS) \
                    and i + 1 < len(toks) and toks[i + 1].group()[:1].isupper() \
                    and (low in _NAME_MODIFIERS and low not in _TITLE_WORDS
                         or not is_pinyin(toks[i + 1].group().strip(",.").lower())):
                is_stop = False
            if is_stop:
                if cur_s is not None:
                    pieces.append((cur_s, cur_e))
                cur_s = cur_e = None
                continue
            if cur_s is None:
                cur_s = ws
            cur_e = we
        if cur_s is not None:
            pieces.append((cur_s, cur_e))
        for ps, pe in pieces:
            # trim trailing connectors / commas
            text = s[ps:pe]
            trimmed = re.sub(r"(?:,|\s+(?:of the|of|and|for|on|the|de|du|la|&))+$", "", text)
            trimmed = re.sub(r"^(?:(?:of the|of|and|for|on|the|&)\s+)+", "", trimmed)
            lead = text.find(trimmed)
            if trimmed and lead >= 0:
                ext = re.match(r"\.?,? ?(?:Ltd|Limited|Inc|LLC)\b\.?", s[ps + lead + len(trimmed):])
                if ext and re.search(r"\bCo$", trimmed):
                    trimmed = trimmed + s[ps + lead + len(trimmed): ps + lead + len(trimmed) + ext.end()]
            if trimmed and lead >= 0 and not _generic_compound(trimmed) and not re.fullmatch(r"[\d,.]+(?:st|nd|rd|th)?", trimmed):
                out.append((ps + lead, ps + lead + len(trimmed)))
    return out


_BODY_HEADS = PLATFORM_HEADS | AGENCY_HEADS | ORG_HEADS | ZONE_HEADS

_GENERIC_PARTS = {"university", "enterprise", "government", "industry", "research", "school", "city", "province",
                  "academia", "education", "business", "college", "county", "local", "enterprises", "universities"}


def _generic_compound(text: str) -> bool:
    """ "University-Enterprise" and the like: kinds of parties, not a name."""
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(w in _GENERIC_PARTS for w in words)


_LEVEL_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)? (?:Province|City|County|District|Prefecture|"
                         r"(?:Provincial|Municipal) (?:People's )?Government)$")


def _split_at_coordination(s: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Ministry of Education and Hubei Province" -> two chunks: a run joined by "and" is two bodies when each
    side is a whole body by itself (a ministry, agency, zone or government on each side); "Ministry of Science
    and Technology" stays one name, since "Technology" alone is no body."""
    out: list[tuple[int, int]] = []
    for cs, ce in chunks:
        text = s[cs:ce]
        cut = None
        for m in re.finditer(r",? and ", text):
            left, right = text[:m.start()], text[m.end():]
            right_body = classify_name(right) in ("ministry", "agency", "zone", "university") or _LEVEL_NAME.match(right)
            left_body = classify_name(left) in ("ministry", "agency", "zone", "university") or _LEVEL_NAME.match(left)
            if right_body and left_body or table_place(right) is not None:  # "... and Quzhou": a place of its own
                cut = m
                break
        if cut is None:
            out.append((cs, ce))
        else:
            out.append((cs, cs + cut.start()))
            out.append((cs + cut.end(), ce))
    return out


def _split_at_universities(s: str, chunks: list[tuple[int, int]], unis: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """ "XTU and Xiangtan High-Tech Zone" -> two chunks: a list joined by "and" is not one name."""
    out: list[tuple[int, int]] = []
    for cs, ce in chunks:
        inner = [u for u in unis if u[0] >= cs and u[1] <= ce]
        cuts = []
        for us, ue, _ in inner:
            if re.match(r"\s+and\s+(?:the\s+)?", s[ue:ce]) or re.search(r"\s+and\s+(?:the\s+)?$", s[cs:us]):
                cuts.append((us, ue))
        if not cuts:
            out.append((cs, ce))
            continue
        pos = cs
        for us, ue in cuts:
            if us > pos:
                out.append((pos, us))
            out.append((us, ue))
            pos = ue
        if pos < ce:
            out.append((pos, ce))
    fixed = []
    for a, b in out:
        text = s[a:b]
        m = re.match(r"^(?:[\s,]*(?:and|the|of|\d[\d,.]*)\s+)+", text)
        if m:
            a += m.end()
        text = s[a:b]
        m2 = re.search(r"(?:\s+(?:and|the|of))+\s*$", text)
        if m2:
            b = a + m2.start()
        if b > a:
            fixed.append((a, b))
    return fixed


def _head(name: str) -> str:
    words = [w.strip(",.()").lower() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return ""
    for prep in ("of", "for", "on"):
        if prep in words:
            first = words[: words.index(prep)]
            if first and (first[-1] in AGENCY_HEADS or first[-1] in PLATFORM_HEADS or first[-1] in SUBUNIT_HEADS
                          or first[-1] in ZONE_HEADS):
                return first[-1]
    return words[-1]


# Enterprises whose common English name is one word (or an acronym) that looks like a place or a
# person in pinyin, so that no head noun or legal suffix would tell them apart.
KNOWN_ENTERPRISES = {
    "huawei", "tencent", "alibaba", "baidu", "lenovo", "xiaomi", "byd", "sinopec", "petrochina", "cnpc", "cnooc",
    "haier", "zte", "meituan", "dji", "geely", "saic", "faw", "crrc", "comac", "avic", "iflytek", "midea", "gree",
    "netease", "bytedance", "hikvision", "catl", "sany", "zoomlion", "inspur", "kingsoft", "jd", "jd.com", "didi",
    "oppo", "vivo", "tcl", "boe", "sinochem", "chinalco", "baowu", "ansteel", "weichai", "yutong", "changan",
    "dongfeng", "chery", "great wall motor", "china mobile", "china unicom", "china telecom", "state grid",
    "sugon", "neusoft", "foxconn", "pinduoduo", "kuaishou", "sensetime", "megvii", "unisoc", "smic", "yangtze memory",
}
_CORPORATE_WORD = re.compile(r"\b(?:Corporation|Company|Group|Holdings)\b")


def classify_name(name: str) -> str:
    """Kind of a capitalised name by its head noun and suffixes."""
    low = name.lower()
    if ENTERPRISE_SUFFIX.search(name.rstrip(".")) or ENTERPRISE_SUFFIX.search(name):
        return "enterprise"
    if re.sub(r"'s$", "", low) in KNOWN_ENTERPRISES:
        return "enterprise"
    if _CORPORATE_WORD.search(name) and _head(name) not in AGENCY_HEADS | PLATFORM_HEADS | {"university"}:
        return "enterprise"  # "State Grid Corporation of China", "China Merchants Group Shenzhen"
    if ACADEMY.search(name):
        return "university"
    head = _head(name)
    if head == "ministry" or low.startswith("ministry of"):
        return "ministry"
    if head in ZONE_HEADS or name.endswith(" New Area"):
        return "zone"
    if head in ("chamber", "association", "federation", "society", "foundation", "regents", "board"):
        return "org"
    if head in AGENCY_HEADS:
        return "agency"
    if head in PLATFORM_HEADS:
        if head in ("center", "centre") and re.search(r"\b(?:municipal|government|administration)\b", low):
            return "agency"
        return "platform"
    if head == "university" and len(name.split()) >= 2:
        return "university"
    return "org"


def _is_person(s: str, start: int, end: int, name: str) -> bool:
    before = s[max(0, start - 40):start]
    after = s[end:end + 40]
    words = name.split()
    if re.search(r"(?:\b(?:President|Chairman|Chairwoman|Secretary|Dean|Director|Governor|Mayor|Mr|Ms|Mrs|Dr|Prof|"
                 r"Professor|Manager|Minister|Premier|Academician|Chair|CEO|head|Head|by|By)\.?\s+)$", before):
        return True
    if re.match(r",\s+(?:the\s+)?(?:\w+[- ])?(?:president|vice|chairman|chairwoman|secretary|dean|director|governor|"
                r"mayor|head|deputy|executive|chief|general|professor|party|member|minister)", after, re.I):
        return True
    if 2 <= len(words) <= 3 and words[0].lower() in _SURNAMES and all(is_pinyin(w) for w in words):
        return True
    if re.match(r"\s+(?:said|noted|stated|pointed|expressed|introduced|welcomed|delivered|gave|hoped|"
                r"congratulated|added|told|highlighted|stressed|emphasized)\b", after) and len(words) <= 3 \
            and classify_name(name) == "org":
        return True
    return False


# ------------------------------------------------------------------ placeholders

_PLACEHOLDERS = [
    (re.compile(r"\b(?:the|our|this) (?:university|school)\b(?! of\b)", re.I), "university"),
    (re.compile(r"\bthe (?:two sides|two parties|both sides|both parties)\b|\bboth sides\b|\bboth parties\b", re.I), "pair"),
    (re.compile(r"\bthe (?:province|city|county|district|prefecture)\b(?! of\b)(?!'s)", re.I), "place"),
    (re.compile(r"\bthe (?:city|province|county|district)'s (?:authorities|government)\b", re.I), "place"),
    # "the provincial government", "the municipal government", "the county government"
    (re.compile(r"\bthe provincial (?:people's )?government\b", re.I), "province"),
    (re.compile(r"\bthe (?:municipal|city) (?:people's )?government\b", re.I), "city"),
    (re.compile(r"\bthe (?:county|district) (?:people's )?government\b", re.I), "levelgov"),
]


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)


def find_mentions(s: str, ctx: DocContext) -> list[Mention]:
    """Organisation mentions in a cleaned sentence, in text order, non-overlapping."""
    return _find_mentions(s, ctx)


def _find_mentions(s: str, ctx: DocContext) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(m: Mention) -> None:
        if m.end <= m.start or _overlaps((m.start, m.end), taken):
            return
        mentions.append(m)
        taken.append((m.start, m.end))

    # 1. quoted titles are opaque (platform names, agreement titles)
    for m in re.finditer(r'"([^"]{3,200})"', s):
        inner = m.group(1)
        kind = "platform" if _head(inner) in PLATFORM_HEADS or re.search(
            r"\b(?:institute|center|centre|base|park|alliance|platform|laboratory|workstation|college)\b", inner, re.I) else "quoted"
        unis = _universities_in(inner, ctx)
        add(Mention(m.start(), m.end(), m.group(), inner.strip(), kind, university=unis[0] if unis else None))

    # 1b. full names the page abbreviates ("State Administration of Science, Technology and ... (SASTIND)")
    for alias, (full, _) in ctx.aliases.items():
        for m in re.finditer(re.escape(full), s):
            kind = classify_name(full)
            name = strip_company_suffix(full) if kind == "enterprise" else full
            add(Mention(m.start(), m.end(), full, name, kind))
        for m in re.finditer(rf"\b{re.escape(alias)}\b", s):
            kind = classify_name(full)
            name = strip_company_suffix(full) if kind == "enterprise" else full
            if kind == "org" and ENTERPRISE_SUFFIX.search(full):
                kind = "enterprise"
            add(Mention(m.start(), m.end(), alias, name, kind))

    # 2. capitalised chunks containing a university: a university, a sub-unit or a platform of it
    uni_spans = _university_spans(s, ctx)
    chunk_spans = _split_at_coordination(s, _split_at_universities(s, _chunks(s), uni_spans))
    for cs, ce in chunk_spans:
        inner = [u for u in uni_spans if u[0] >= cs and u[1] <= ce]
        if not inner or _overlaps((cs, ce), taken):
            continue
        text = s[cs:ce]
        if len(inner) == 1 and inner[0][0] == cs and inner[0][1] == ce:
            continue
        # split chunk at ", " between two universities (lists)
        if len(inner) > 1:
            continue
        us, ue, uname = inner[0]
        head = _head(text)
        rest_after = s[ue:ce]
        rest_before = s[cs:us]
        if head in PLATFORM_HEADS - {"school", "academy", "college"} and head not in ("university",):
            # "Internet Research Institute of Tsinghua University", "XTU Big Data Center"
            add(Mention(cs, ce, text, text, "platform", university=uname))
        elif re.match(r"^(?:'s\s+)?$", rest_after) and re.search(r"\bof\s+(?:the\s+)?$", rest_before) and \
                _head(rest_before + "x") in SUBUNIT_HEADS | AGENCY_HEADS | {"x"}:
            add(Mention(cs, ce, text, uname, "university"))
        elif head in SUBUNIT_HEADS:
            add(Mention(cs, ce, text, uname, "university"))
    for us, ue, uname in uni_spans:
        # "XTU's Tourism Management School": a possessive university followed by a unit name
        m = re.match(r"'s ((?:[A-Z][\w-]*\s+){0,4}(?:School|College|Department|Faculty|Institute|Office|Campus))\b", s[ue:])
        if m:
            add(Mention(us, ue + m.end(), s[us:ue + m.end()], uname, "university"))
        else:
            add(Mention(us, ue, s[us:ue], uname, "university"))

    # 3. governments by pattern (longest first)
    govs = sorted(_gov_mentions(s), key=lambda m: (-(m.end - m.start), m.start))
    # agencies embedding a government pattern ("Xiangtan Municipal Science and Technology Bureau") win
    for cs, ce in chunk_spans:
        text = s[cs:ce]
        kind = classify_name(text)
        if kind == "org" and _head(text) in AGENCY_HEADS:
            kind = "org"
        elif kind == "platform" and _head(text) not in ("school", "academy"):
            # "Gansu Provincial Key Laboratory of ...", "Wuxi Joint Center for ...": the place is part of the name
            add(Mention(cs, ce, text, _canon_agency(text), kind))
            continue
        elif kind not in ("agency", "zone", "ministry"):
            continue
        if not re.search(r"people(?:'s|s'|'|s)? government", text, re.I) \
                and not _LEVEL_GOVERNMENT.fullmatch(text) \
                and not re.search(r"\b(?:city|county|municipal|borough|district) council$", text, re.I) \
                and _place_government(text, ctx, cs, ce) is None:
            # extend over a trailing lowercase "municipal ..."? no: keep the chunk
            add(Mention(cs, ce, text, _canon_agency(text), kind))
    for g in govs:
        add(g)

    # 4. remaining chunks
    for cs, ce in chunk_spans:
        if _overlaps((cs, ce), taken):
            # the chunk may extend a taken mention; skip
            continue
        text = s[cs:ce]
        pieces = re.split(r",? and |, ", text)
        if len(pieces) > 1 and classify_name(text) == "org" and (
                all(classify_name(p) == "enterprise" for p in pieces)
                or all(place_name(p).lower() in ctx.places or table_place(p) for p in pieces)):
            # "Sinopec and PetroChina": a list of companies, not one name
            pos = cs
            for p in pieces:
                ps = s.index(p, pos)
                add(_classify_chunk(s, ps, ps + len(p), p, ctx))
                pos = ps + len(p)
            continue
        add(_classify_chunk(s, cs, ce, text, ctx))

    # 5. the national government by its common name; placeholders
    for m in re.finditer(r"\b(?:the |The )?(?:(?:Chinese|China's|Chinese) )?[Cc]entral [Gg]overnment\b", s):
        if not _overlaps(m.span(), taken):
            add(Mention(m.start(), m.end(), m.group(), "Central Government", "government"))
    for pat, kind in _PLACEHOLDERS:
        for m in pat.finditer(s):
            if _overlaps(m.span(), taken):
                continue
            ph = kind
            if kind == "levelgov":
                ph = re.search(r"county|district", m.group(), re.I).group().lower()
            elif kind == "place":
                lvl = re.search(r"province|city|county|district|prefecture", m.group(), re.I).group().lower()
                ph = lvl
            add(Mention(m.start(), m.end(), m.group(), None, "placeholder", placeholder=ph))

    mentions.sort(key=lambda m: m.start)
    unis_at = {m.start for m in mentions if m.kind == "university"}
    mentions = [m for m in mentions if not (m.kind == "government" and m.end + 1 in unis_at
                                            and s[m.end:m.end + 1] == " " and m.level in ("City", "Province"))]
    for m in mentions:
        if m.kind in ("government", "org", "university", "enterprise", "agency", "zone", "platform") and LOCATIVE_BEFORE.search(s[max(0, m.start - 60):m.start]):
            m.locative = True
        if m.kind == "government" and m.name:
            ctx.place_counts[m.name] = ctx.place_counts.get(m.name, 0) + 1
            if m.province is None and m.level not in (None, "Province"):
                # the text does not say where the city lies: the table does, when the name is unambiguous
                m.province = province_of(m.name)
    return mentions


# "the Anhui Provincial Government", "Hefei Municipal Government", "Kunshan City Government": the
# government itself ("Anhui Province", "Hefei City"), left to the government patterns; an office or a
# department of it ("Anhui Provincial Government Office", "... Department of Education") stays an agency
_LEVEL_GOVERNMENT = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3}(?:provincial|municipal|city|county|district|prefectural|prefecture)"
    r"\s+government", re.I)


def _canon_agency(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    return text


def _place_government(text: str, ctx: DocContext, cs: int, ce: int) -> Mention | None:
    """ "the Nanchang Government", "Zibo Government": a place's government without a level word."""
    gm = re.fullmatch(r"(?:the |The )?(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?) Government", text)
    state = re.fullmatch(r"(?:the |The )?(?:(?:Government|State|Province) of (?:the )?(?:State of )?(?P<a>[A-Z][\w ]+?)|"
                         r"(?P<b>[A-Z][\w ]+?) (?:State |state )?(?:Government|government))", text)
    if state:  # "Government of Karnataka", "State of Ohio", "the Victorian Government", "Ohio State Government"
        place = table_place(state.group("a") or state.group("b"))
        if place is not None and place.level == "State":
            return Mention(cs, ce, text, place.canonical, "government", level="State", province=place.province)
    if not gm:
        return None
    gp = place_name(gm.group("place"))
    if gp.lower() in ctx.places:
        level = ctx.places[gp.lower()]
        return Mention(cs, ce, text, f"{gp} {level}", "government", level=level)
    place = table_place(gm.group("place"))
    if place is not None:
        return Mention(cs, ce, text, place.canonical, "government", level=place.level, province=place.province)
    return None


def initials(name: str) -> str:
    """Initials of a name's content words: "Dalian University of Technology" -> "DUT"."""
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w'-]*", name)
                   if w.lower() not in ("of", "and", "the", "for", "at", "in", "de"))


def _acronym_university(text: str, ctx: DocContext) -> str | None:
    """An acronym ("DUT", "DUT's") whose letters are the initials of the page's own university or of one the
    page names: that university."""
    word = re.sub(r"'s$", "", text)
    if not re.fullmatch(r"[A-Z][A-Za-z]{1,7}", word) or sum(1 for c in word if c.isupper()) < 2:
        return None
    cands = ([ctx.university] if ctx.university else []) + list(ctx.university_counts)
    for name in cands:
        if name and initials(name) == word.upper():
            return name
    return None


def _classify_chunk(s: str, cs: int, ce: int, text: str, ctx: DocContext) -> Mention:
    # doc-defined aliases ("Zhongyi Testing Corporation") and abbreviations
    if text in ctx.aliases:
        full, _ = ctx.aliases[text]
        kind = classify_name(full)
        name = strip_company_suffix(full) if kind == "enterprise" else full
        return Mention(cs, ce, text, name, kind if kind != "org" else "enterprise" if ENTERPRISE_SUFFIX.search(full) else kind)
    pg = _place_government(text, ctx, cs, ce)
    if pg is not None:
        return pg
    acro = _acronym_university(text, ctx)
    if acro is not None:
        return Mention(cs, ce, text, acro, "university")
    kind = classify_name(text)
    if kind == "org" and _is_person(s, cs, ce, text):
        return Mention(cs, ce, text, text, "person")
    if kind == "enterprise":
        name = strip_company_suffix(text)
        if name not in ctx.enterprises:
            ctx.enterprises.append(name)
        return Mention(cs, ce, text, name, "enterprise")
    if kind == "org":
        words = text.split()
        low = place_name(text).lower()
        # a short form of an enterprise named earlier ("Hualian Century Bioengineering")
        toks = set(w.lower().strip(",.") for w in words)
        for ent in ctx.enterprises:
            etoks = set(w.lower() for w in ent.split())
            if len(toks) >= 2 and toks <= etoks | {"co", "ltd", "corporation", "company", "group"}:
                return Mention(cs, ce, text, ent, "enterprise")
        # a bare place name the page gives a level ("Taiyuan", "Sichuan", "Dongguan")
        if len(words) <= 3 and low in ctx.places:
            level = ctx.places[low]
            return Mention(cs, ce, text, f"{place_name(text)} {level}", "government", level=level)
        # a bare place name from the table of divisions: "signed an agreement with Weihai"
        # (a possessive "Weihai's economy" is a place, not a party; persons were ruled out above)
        place = table_place(text) if len(words) <= 3 else None
        if place is not None:
            return Mention(cs, ce, text, place.canonical, "government", level=place.level, province=place.province)
        if text.endswith("'s") and place_name(text[:-2]).lower() in ctx.places:
            base = text[:-2]
            level = ctx.places[place_name(base).lower()]
            return Mention(cs, ce, text, f"{place_name(base)} {level}", "government", level=level)
    return Mention(cs, ce, text, text, kind)


def _university_spans(s: str, ctx: DocContext) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    idx = reference_index()
    taken: list[tuple[int, int]] = []
    if idx is not None:
        for us, ue, u in idx.find_all(s, abbreviations=True, page_url=ctx.url):
            spans.append((us, ue, u.name))
            taken.append((us, ue))
    for abbr, name in ctx.abbreviations.items():
        for m in re.finditer(rf"\b{re.escape(abbr)}\b", s):
            if not _overlaps(m.span(), taken):
                spans.append((m.start(), m.end(), name))
                taken.append(m.span())
    for m in _GENERIC_UNI.finditer(s):
        st, en = m.start(), m.end()
        words = m.group().split()
        while words and words[0].lower() in _STOP_CAPS | _TITLE_WORDS:
            st += len(words[0]) + 1
            words = words[1:]
        if len(words) < 2 or _overlaps((st, en), taken):
            continue
        name = " ".join(words)
        if idx is not None:
            u = idx.by_name(name)
            if u is not None:
                name = u.name
        spans.append((st, en, name))
        taken.append((st, en))
    spans.sort()
    for _, _, name in spans:
        ctx.university_counts[name] = ctx.university_counts.get(name, 0) + 1
    return spans


_GENERIC_UNI = re.compile(
    r"(?:[A-Z][\w'&.-]*\s+){1,4}(?:University|Institute of Technology|Polytechnic University)\b"
    r"(?:\s+of\s+(?:[A-Z][\w-]*)(?:\s+(?:and\s+)?[A-Z][\w-]*)*)?"
    r"|University\s+of\s+(?:[A-Z][\w-]*)(?:\s+(?:and\s+)?[A-Z][\w-]*)*")


def _universities_in(text: str, ctx: DocContext) -> list[str]:
    idx = reference_index()
    out = []
    if idx is not None:
        out = [u.name for _, _, u in idx.find_all(text, abbreviations=True, page_url=ctx.url)]
    for abbr, name in ctx.abbreviations.items():
        if re.search(rf"\b{re.escape(abbr)}\b", text):
            out.append(name)
    return out


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> frozenset[str]:
    text = re.sub(r"people(?:'s|s'|'|s)? government of", " ", name.lower().replace("\u2019", "'"))
    toks = re.findall(r"[a-z0-9]+", text.replace("'", ""))
    drop = {"the", "municipal", "city", "province", "county", "district", "prefecture", "co", "ltd", "inc"}
    return frozenset(t for t in toks if t not in drop)


def same_entity(a: str | None, b: str | None) -> bool:
    """Loose identity of two canonical names (merging repeated mentions of one body)."""
    if not a or not b:
        return a == b
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return a.lower() == b.lower()
    if "".join(sorted(ta)) == "".join(sorted(tb)):
        return True
    if ("university" in ta) != ("university" in tb):
        # a university and a body that is not one are never the same, however
        # many words they share ("Henan Agricultural University" / "Henan X Agriculture Co.")
        return False
    inter = 0
    for t in ta:
        if t in tb or any(len(t) >= 5 and len(u) >= 5 and (t.startswith(u[:-2]) or u.startswith(t[:-2])) for u in tb):
            inter += 1
    return inter / max(len(ta), len(tb)) >= 0.66


def partner_type(m: Mention) -> str:
    if m.kind == "placeholder" and m.placeholder in ("province", "city", "county", "district", "prefecture"):
        return m.placeholder  # "the province" resolved to the page's province is still a province
    if m.kind == "government":
        return LEVEL_TYPE.get(m.level or "", "other")
    if m.kind == "ministry":
        return "ministry"
    if m.kind == "agency":
        return "government_agency"
    if m.kind == "zone":
        return "development_zone"
    if m.kind == "enterprise":
        return "enterprise"
    if m.kind == "university":
        if m.name and ACADEMY.search(m.name):
            return "research_institute"
        return "university"
    name = (m.name or "").lower()
    if re.search(r"\b(?:research institute|academy)\b", name):
        return "research_institute"
    return "other"


# ------------------------------------------------------------------ refinement with the NLP pipeline

# hosts and political bodies: never a party to an agreement (spec convention 5)
_NON_PARTY = re.compile(
    r"\b(?:Party Committee|(?:Provincial|Municipal|City|County|District|Prefectural) Committee|Communist Party|CPC|Organi[sz]ing Committee|Standing Committee|People'?s Congress|"
    r"Political Consultative|Party School|Discipline Inspection)\b", re.I)
_NAMED_HEADS = AGENCY_HEADS | PLATFORM_HEADS | ORG_HEADS | {"university", "ministry", "zone"}


def _split_coordinated_bodies(v) -> None:
    """A pattern name that the recogniser reads as two organisations joined by "and" ("the School of
    Environment and Bioengineering and Junji Technology Co., Ltd.") is two mentions; a school, college or
    faculty named without its university is a unit of the page's own university."""
    orgs = [e for e in v.doc.ents if e.label_ == "ORG"]
    out = []
    for m in v.mentions:
        inner = [e for e in orgs if m.start <= e.start_char + (4 if e.text.startswith(("The ", "the ")) else 0)
                 and e.end_char <= m.end]
        if m.kind not in ("org", "enterprise") or len(inner) < 2 or not all(
                re.fullmatch(r",?\s*(?:and|&)\s+", v.clean[a.end_char:b.start_char]) for a, b in zip(inner, inner[1:])):
            out.append(m)
            continue
        for e in inner:
            start = e.start_char + (4 if e.text.startswith(("The ", "the ")) else 0)
            text = v.clean[start:e.end_char]
            kind = classify_name(text)
            if re.match(r"(?:School|College|Faculty|Department) of\b", text) and v.main_university():
                out.append(Mention(start, e.end_char, text, v.main_university(), "university"))
            else:
                out.append(Mention(start, e.end_char, text, strip_company_suffix(text) if kind == "enterprise" else text,
                                   "enterprise" if ENTERPRISE_SUFFIX.search(text) else kind))
    v.mentions[:] = out


def refine_mentions(v) -> None:
    """Correct pattern mentions with the sentence's named entities (``v.doc``, a spaCy Doc of ``v.clean``).

    * a capitalised name the recogniser reads as a PERSON and that has no organisation head noun or
      company suffix is a person (never a party);
    * party committees, congresses and organising committees are hosts, never parties;
    * an ORG entity that no pattern found becomes a mention of its own kind (companies, foreign bodies).
    """
    doc = v.doc
    if doc is None:
        return
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    for m in v.mentions:
        name = m.name or m.text
        # (one word alone is too little for the recogniser to tell a person from a brand: "Sany", "Sinopec")
        if m.kind == "org" and len(name.split()) >= 2 and \
                _head(name) not in _NAMED_HEADS and any(s <= m.start and m.end <= e for s, e in persons):
            m.kind = "person"
        if m.kind in ("agency", "org", "government") and _NON_PARTY.search(m.text):
            m.kind = "committee"
        title = re.search(r"([A-Za-z-]+)\s*\($", v.clean[max(0, m.start - 30):m.start])
        if title and title.group(1).lower() in _TITLE_WORDS | {"provost", "chancellor", "vice-chancellor", "president"}:
            m.kind = "committee"  # "Associate Vice President (Research Advancement)": a portfolio, no party
    _split_coordinated_bodies(v)
    taken = [(m.start, m.end) for m in v.mentions]
    added = False
    for e in doc.ents:
        if e.label_ != "ORG":
            continue
        start, end, text = e.start_char, e.end_char, e.text
        lead = re.match(r"(?:the|The)\s+", text)
        if lead:
            start += lead.end()
            text = text[lead.end():]
        text = re.sub(r"'s$", "", text)
        end = start + len(text)
        if len(text) < 3 or not text[:1].isupper() or _overlaps((start, end), taken):
            continue
        kind = classify_name(text)
        if kind == "org" and (len(text.split()) < 2 and not text.isupper()):
            continue
        if _NON_PARTY.search(text):
            kind = "committee"
        name = strip_company_suffix(text) if kind == "enterprise" else text
        v.mentions.append(Mention(start, end, text, name, kind,
                                  locative=bool(LOCATIVE_BEFORE.search(v.clean[max(0, start - 60):start]))))
        taken.append((start, end))
        added = True
    if added:
        v.mentions.sort(key=lambda m: m.start)
