"""Places and their governments: the reference and divisions tables, canonical place and government names,
and the government patterns ("the People's Government of X City", "X Municipal Government", "the city of X").

Split out of ``names.py``; ``pipelines.extract.names`` re-exports the public names.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.reference import UniversityIndex
from pipelines.reference.divisions import DivisionIndex

from pipelines.extract.lexicon import LEVELS, Mention, PROVINCES, _PINYIN, _STOP_CAPS, _TITLE_WORDS
from pipelines.extract.text import page_host

if TYPE_CHECKING:  # annotations only: doc_context imports this module
    from pipelines.extract.doc_context import DocContext


def reference_index():
    """The universities table (cached). A broken table raises ``ReferenceDataError`` naming its file and line:
    extracting without it would record wrong parties, not fewer."""
    return UniversityIndex.default()


def division_index():
    """The administrative divisions table (cached); raises ``ReferenceDataError`` when it cannot be loaded (as
    ``reference_index``)."""
    return DivisionIndex.default()


def table_place(text: str):
    """A bare place name (no level word) read through the divisions table: a ``Place`` or None."""
    idx = division_index()
    up, low = "A-Z\u00C0-\u00DE", "a-z\u00DF-\u00FF"  # (accented Latin letters: "Baden-Württemberg")
    # (or a state's initials the table gives as its alias: "NSW")
    if idx is None or not re.fullmatch(rf"[{up}][{low}]+(?:['’][{low}]+)?(?:[ -](?:and )?[{up}][{low}]+(?:['’][{low}]+)?){{0,2}}"
                                       r"|[A-Z]{2,4}", text):
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
    """A place name in canonical spelling: "Qing Huangdao" -> "Qinghuangdao", "lyuliang" -> "Lyuliang", "LONGGANG" ->
    "Longgang"."""
    raw = re.sub(r"\s+", " ", raw.strip().strip(",.;"))
    raw = re.sub(r"^(?:the)\s+", "", raw, flags=re.I)
    # (a dateline's capitals: "LONGGANG District" is Longgang; an initialism of three letters stays: "NSW")
    parts = [p.capitalize() if len(p) >= 4 and p.isalpha() and p.isupper() else p for p in raw.split(" ")]
    raw = " ".join(parts)
    if 1 < len(parts) <= 3 and all(is_pinyin(p) for p in parts) and raw.lower() not in PROVINCES:
        joined = "".join(parts).lower()
        return joined[:1].upper() + joined[1:]
    return " ".join(p if p in ("of", "de", "la") else p[:1].upper() + p[1:] for p in parts)  # ("Isle of Anglesey")


def gov_name(place: str, level: str) -> str:
    lvl = LEVELS.get(level.lower(), level.title())
    # "Busan Metropolitan City", "Seoul Special City": a city's rank is no part of "<Place> City"
    place = re.sub(r"\s+(?:Metropolitan|Special|Special Self-Governing)$", "", place.strip())
    return place_name(place) if lvl == "State" else f"{place_name(place)} {lvl}"


def company_name(name: str) -> str:
    """A company's name as the page writes it, legal form included ("Juhua Group Corporation", "ImaginAb Inc":
    convention 6 of the spec; the gold keeps them), trimmed of list punctuation. Repeated mentions of one company
    with and without its legal form are one party (``names.same_entity`` ignores the forms)."""
    return name.strip(" ,")



# ------------------------------------------------------------------ government patterns

_NL = r"(?!(?:city|county|district|borough|municipality|province|prefecture|municipal|provincial|people(?:'s|s'|'|s)?|government|council|and|the|of|with|between|both|in|to)\b)"
_PLACE = rf"\b{_NL}[A-Z][\w'-]*(?: {_NL}[A-Z][\w'-]*){{0,2}}"
_FORMAL_COUNCIL = re.compile(r"\b(?P<level>City|Municipality|Borough|County) of (?!the\b)"
                             r"(?P<place>(?:(?:St|Ste|Mt)\. )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})")
_GOV_PATTERNS = [
    # the People's Government of X City, Y Province / of Yuhu District, Xiangtan City
    # (Vietnam's provinces and cities are governed by their People's Committees: "the People's Committee of Da Nang City")
    re.compile(rf"(?:the )?(?:general office of the )?people(?:'s|s'|'|s)? (?:government|committee) of (?:the )?(?P<place>{_PLACE})"
               r"(?: (?P<level>city|county|district|province|prefecture|municipality))?"
               rf"(?:, (?P<parent>{_PLACE})(?: (?P<plevel>province|city|municipality|autonomous region))?)?", re.I),
    # X Municipal People's Government / the X municipal government / Lyuliang's municipal government
    re.compile(rf"(?:the )?(?P<place>{_PLACE})(?:'s)? (?P<level>municipal|provincial|county|district|city|prefectural|prefecture)"
               r"(?: people(?:'s|s'|'|s)?)? government\b", re.I),
    # X City Council ("Isle of Anglesey County Council": an island's name)
    re.compile(rf"(?:the )?(?P<place>(?:Isle of )?{_PLACE}) (?P<level>city|county|municipal|borough|district) council\b", re.I),
    # a city's administration by its Baltic and Balkan form: "Kaunas City Municipality Administration"
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>city|district) municipality(?: administration| council)?\b", re.I),
    # ... and a city's government by the word alone: "the Haifa Municipality", "Trondheim Municipality" (a council,
    # convention 6: "<Place> City")
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>Municipality)\b(?! of\b)"),
    # a county's governing board acts for the county (convention 2): "the Ingham County Board of Commissioners",
    # "the Washoe County Board of County Commissioners"
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>county|city) board of (?:(?:county |city )?commissioners|supervisors|aldermen)\b", re.I),
    # India's city governments: "Indore Municipal Corporation", "the Pune Municipal Corporation" (a council, convention 6)
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>municipal) corporation\b", re.I),
    # Ghana's local governments, its councils (convention 6): "the Kumasi Metropolitan Assembly" (a city), "the Ga
    # East Municipal Assembly", "the Bosomtwe District Assembly"
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>metropolitan|municipal|district) assembly\b", re.I),
    # Nigeria's third tier: "Ifelodun Local Government Council", "Ikeja Local Government Area" ("<Place> District")
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>local) government (?:council|area)\b", re.I),
    # the city of X
    re.compile(r"\bthe (?P<level>city|county|district|province|prefecture) of (?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?)"),
    # a council by its formal name: "the City of Cape Town", "Municipality of Delft", "Borough of Camden"
    _FORMAL_COUNCIL,
    # "the Government of the State of Jalisco": the state by its bare name (convention 6)
    re.compile(r"\b(?:the )?Government of the (?P<level>State|Province) of (?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"),
    # "the County Government of Kiambu", "the State Government of Johor", "the Regional Government of Biobío" (a
    # region, "<Place> Region")
    re.compile(r"\b(?P<level>[Cc]ounty|[Cc]ity|[Ss]tate|[Pp]rovincial|[Rr]egional) [Gg]overnment of (?!the\b)"
               r"(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"),
    # a metropolitan city's government: "the Daejeon Metropolitan Government", "Busan Metropolitan City Government"
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>Metropolitan)(?: City)? Government\b"),
    # "the Johor state government", "the Nuevo León state government": a state by its bare name (convention 6)
    re.compile(rf"(?:the )?(?P<place>{_PLACE}) (?P<level>state) government\b"),
]
_GOV_SIMPLE = re.compile(
    r"(?P<place>(?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*){0,2}) (?P<level>[Cc]ity|[Cc]ounty|[Dd]istrict|[Pp]rovince|[Pp]refecture)\b"
    r"(?: of (?:the )?(?P<parent>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}) (?P<plevel>[Cc]ity|[Pp]rovince|Autonomous Region))?")
_AUTONOMOUS = re.compile(
    r"\b(?!The\b)(?P<place>[A-Z][a-z]+(?:'[a-z]+)?)(?: (?:[A-Z][a-z]+|and)){1,4} Autonomous (?P<level>Prefecture|County|Region)\b")
# Korea's provinces by their romanised names (ISO 3166-2:KR): "Gyeongsangnam-do" is South Gyeongsang Province
_KOREAN_PROVINCES = {"gyeonggi": "Gyeonggi", "gangwon": "Gangwon", "chungcheongbuk": "North Chungcheong",
                     "chungcheongnam": "South Chungcheong", "jeollabuk": "North Jeolla", "jeollanam": "South Jeolla",
                     "gyeongsangbuk": "North Gyeongsang", "gyeongsangnam": "South Gyeongsang", "jeju": "Jeju"}
_KOREAN_DO = re.compile(r"\b(?P<do>" + "|".join(k.title() for k in _KOREAN_PROVINCES) + r")-do\b"
                        r"(?: (?:Provincial )?(?:Government|Office))?")


# a nation's adjective before a level word in lower case names a kind of place, no place ("a Dutch province",
# "the German state of Hesse"); a list, since place names end as adjectives do ("Wuhan city", "Shanxi province")
DEMONYM = re.compile(
    r"(?:Dutch|German|French|British|English|Scottish|Welsh|Irish|Chinese|Japanese|Korean|Indian|Canadian|American|"
    r"Australian|Belgian|Spanish|Italian|Swedish|Danish|Norwegian|Finnish|Swiss|Austrian|Polish|Czech|Brazilian|"
    r"Mexican|Chilean|Argentine|Kenyan|Nigerian|Ghanaian|Malaysian|Indonesian|Vietnamese|Thai|Singaporean|Russian|"
    r"Portuguese|Greek|Turkish|Flemish|African|European|Asian|Nordic|Northern|Southern|Eastern|Western|Central)")
_PROVINCE_ADJ = re.compile(r"(?P<place>[A-Z][a-z]+) [Pp]rovincial\b")


def _cap_start_ok(text: str, start: int) -> bool:
    word = re.match(r"[A-Za-z'-]+", text[start:])
    return bool(word) and word.group().lower() not in _STOP_CAPS


# words before "District" or "City" that make it a kind of development or an idea, not a place's government
_CONCEPT_WORDS = {"innovation", "smart", "knowledge", "digital", "future", "tech", "technology", "education",
                  "university", "sponge", "eco", "creative", "startup", "start-up"}
# a pronoun never takes a noun after it: "She county", "He County" are places whose names are a pronoun's letters
_PRONOUN_PLACES = {"He", "She"}
_GOV_CUE = re.compile(r"city|county|district|province|prefecture|municipal|government|council|region|corporation|-do\b|"
                      r"metropolitan assembly", re.I)


def _gov_mentions(s: str) -> list[Mention]:
    out: list[Mention] = []
    if not _GOV_CUE.search(s):
        return out
    for pat in _GOV_PATTERNS:
        for m in pat.finditer(s):
            place = m.group("place")
            before = re.search(r"\b([A-Z][\w'-]*) $", s[:m.start()])
            if pat is _FORMAL_COUNCIL and before and before.group(1).lower() not in _STOP_CAPS:
                continue  # "Sheyang County of Yancheng": the county's own name is before its level word
            # peel leading stop words ("The Mesa City Council" -> "Mesa")
            words = place.split()
            while words and words[0].lower() in _STOP_CAPS:
                words = words[1:]
            if not words:
                continue
            # ("the City of Johannesburg Metropolitan Municipality": the city; "the City of Launceston Council": its council)
            place = re.sub(r"(?: Metropolitan)?(?: Municipality| Municipal Council| Council)$", "", " ".join(words)) or " ".join(words)
            lvl_raw = (m.group("level") or "").lower()
            if not lvl_raw:
                continue
            level = "District" if lvl_raw == "local" else "Region" if lvl_raw == "regional" else LEVELS.get(lvl_raw, "City")
            if place.lower() in PROVINCES and lvl_raw in ("provincial", "province"):
                level = "Province"
            parent = m.groupdict().get("parent")
            end = m.end()
            if parent and not parent[:1].isupper():
                # (the pattern ignores case for its level words: ", first signed in 2019" is no parent place)
                end, parent = m.start("parent") - 2, None
            out.append(Mention(m.start(), end, s[m.start():end], gov_name(place, level), "government", level=level,
                               province=place_name(parent) if parent else None))
    for m in _GOV_SIMPLE.finditer(s):
        words = m.group("place").split()
        offset = 0
        while words and (words[0].lower() in _STOP_CAPS or any(w.endswith("'s") for w in words)) \
                and not (len(words) == 1 and words[0] in _PRONOUN_PLACES):
            offset += len(words[0]) + 1
            words = words[1:]
        if not words or len(words) == 1 and words[0].lower() in _TITLE_WORDS and m.group("level").islower():
            continue  # ("Deputy district mayor Zhou Hao": an official's title, no place)
        place = " ".join(words)
        if words[-1] == "Autonomous":
            continue  # "X Korean Autonomous Prefecture": see _AUTONOMOUS
        if words[-1].lower() in _CONCEPT_WORDS:
            continue  # "the Town Center Innovation District", "Smart City research": an idea or a platform, no place
        if m.group("level").islower() and (re.search(r"\b(?:an?|another|one|any|each|every)\s+$", s[:m.start() + offset])
                                           or DEMONYM.fullmatch(place)):
            continue  # "a Dutch province", "the German state of ...", "a Chinese city": a kind of place, no place
        level = LEVELS[m.group("level").lower()]
        parent = m.group("parent")
        out.append(Mention(m.start() + offset, m.end(), m.group()[offset:], gov_name(place, level), "government",
                           level=level, province=place_name(parent) if parent and (m.group("plevel") or "").lower() == "province" else None))
    for m in _AUTONOMOUS.finditer(s):
        # "Xiangxi Tujia and Miao Autonomous Prefecture" -> "Xiangxi Prefecture": the place is the first
        # word, the peoples named after it are not part of the spec's "<Place> <Level>"
        level = {"prefecture": "Prefecture", "county": "County", "region": "Province"}[m.group("level").lower()]
        words = m.group().split()[:-2]
        while words and (words[0].endswith(("'s", "\u2019s")) or words[0].lower() in _STOP_CAPS):
            words = words[1:]  # ("North China's Inner Mongolia Autonomous Region": the region's own words)
        if not words:
            continue
        # (the place is the longest opening the table knows as a place: "Inner Mongolia", else the first word)
        place = next((" ".join(words[:k]) for k in range(len(words), 1, -1) if table_place(" ".join(words[:k]))),
                     words[0])
        out.append(Mention(m.start(), m.end(), m.group(), gov_name(place, level), "government", level=level))
    for m in _KOREAN_DO.finditer(s):
        name = f"{_KOREAN_PROVINCES[m.group('do').lower()]} Province"
        out.append(Mention(m.start(), m.end(), m.group(), name, "government", level="Province"))
    for m in _PROVINCE_ADJ.finditer(s):
        if re.match(r"(?:\s+[A-Z][\w&'-]*){1,6},?\s+(?:Co|Corp|Ltd|Limited|Inc|Corporation|Company)\b", s[m.end():]):
            continue  # "Zhejiang Provincial Energy Group Co., Ltd.": a company's name, no government
        if m.group("place").lower() in PROVINCES:
            out.append(Mention(m.start(), m.end(), m.group(), f"{m.group('place')} Province", "government", level="Province"))
    return out



# "the Anhui Provincial Government", "Hefei Municipal Government", "Kunshan City Government": the
# government itself ("Anhui Province", "Hefei City"), left to the government patterns; an office or a
# department of it ("Anhui Provincial Government Office", "... Department of Education") stays an agency
_LEVEL_GOVERNMENT = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,3}(?:provincial|municipal|city|county|district|prefectural|prefecture)"
    r"\s+government", re.I)


def _canon_agency(text: str) -> str:
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    text = re.sub(r"^China(?:'s|\u2019s) (?=Ministry\b)", "", text)  # "China's Ministry of Education": the ministry
    # a zone's administrative or management committee is the zone ("the Administrative Committee of Changchun New
    # Area" signs for Changchun New Area, as a people's government signs for its city)
    # "the People's Government of Binhai New Area", "the Binhai New Area People's Government": the area
    m = re.fullmatch(r"(?:(?:Administrative|Management|Administration) Committee|People(?:'s|s'|'|s)? Government) of "
                     r"(?:the )?(?P<zone>.+)", text) or \
        re.fullmatch(r"(?P<zone>.+?) (?:(?:Administrative|Management) Committee|People(?:'s|s'|'|s)? Government)", text)
    if m and re.search(r"\b(?:Zone|Area|Park|District|Port)\b", m.group("zone")):
        return m.group("zone")
    return text


_AU_STATES = {"WA": "Western Australia", "NSW": "New South Wales", "SA": "South Australia", "Qld": "Queensland",
              "QLD": "Queensland", "Vic": "Victoria", "Tas": "Tasmania", "NT": "Northern Territory",
              "ACT": "Australian Capital Territory"}


def council_place(ctx: DocContext) -> tuple[str | None, str | None]:
    """(level, name) of the government "the Council" / "the council" is on a page that named a city's, a county's,
    a borough's or a district's council: the page's main place of the first level it names."""
    for level in ("City", "County", "Borough", "District"):
        name = ctx.main_place(level)
        if name:
            return level, name
    return None, None


def _place_government(text: str, ctx: DocContext, cs: int, ce: int) -> Mention | None:
    """ "the Nanchang Government", "Zibo Government": a place's government without a level word."""
    gm = re.fullmatch(r"(?:the |The )?(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*)?) Government", text)
    state = re.fullmatch(r"(?:the |The )?(?:(?:Government|(?:Free )?State|Province) of (?:the )?(?:State of )?(?P<a>[A-Z][\w -]+?)|"
                         r"(?P<b>[A-Z][\w -]+?) (?:State |state )?(?:Government|government))", text)
    if state:  # "Government of Karnataka", "State of Ohio", "the Victorian Government", "Ohio State Government",
        # "the Free State of Saxony" (a German state's style)
        short = state.group("b") if page_host(ctx.url).endswith(".au") else None
        # (on an Australian page, a state by its usual initials: "the WA Government", "the NSW Government")
        place = table_place(_AU_STATES.get(short) or state.group("a") or state.group("b"))
        if place is not None and place.level == "State":
            return Mention(cs, ce, text, place.canonical, "government", level="State", province=place.province)
        prov = re.fullmatch(r"(?:the |The )?Province of (?P<p>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})", text)
        if place is None and prov:
            # "the Province of Noord-Brabant", "the Province of Gelderland": a province abroad the table does not
            # hold is named "<Place> Province" all the same
            return Mention(cs, ce, text, f"{prov.group('p')} Province", "government", level="Province")
    council = re.fullmatch(r"(?:the |The )?(?P<place>[A-Z][a-z]+) Council", text)
    if council and council.group("place").lower() in page_host(ctx.url).split("."):
        # "Cardiff Council" on cardiff.gov.uk: the council of the place the page's own address names, a city
        # council (convention 6: "<Place> City")
        return Mention(cs, ce, text, f"{council.group('place')} City", "government", level="City")
    if re.fullmatch(r"(?:the |The )?Council", text):
        # "the Council" on a page that named a city's or a county's council before: that government
        level, name = council_place(ctx)
        if name:
            return Mention(cs, ce, text, name, "government", level=level)
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
