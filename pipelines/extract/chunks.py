"""Capitalised name-like chunks of a sentence, where to cut them (coordination, universities inside), and
the kind a bare name has (``classify_name``).

Split out of ``names.py``; ``pipelines.extract.names`` re-exports the public names.
"""

from __future__ import annotations

import re

from pipelines.extract.lexicon import (
    ACADEMY, AGENCY_HEADS, COUNTRIES, ENTERPRISE_SUFFIX, ORG_HEADS, PLATFORM_HEADS, PROVINCES, SUBUNIT_HEADS, ZONE_HEADS,
    _CONNECT, _FIELD, _FIELD_END, _STOP_CAPS, _SURNAMES, _TITLE_WORDS, _WORD, only_titles,
)
from pipelines.extract.places import is_pinyin, table_place


# ------------------------------------------------------------------ chunks

_CHUNK = re.compile(
    rf"(?:{_WORD})(?:(?:\s+{_CONNECT})?\s+(?:\((?:[A-Z][A-Za-z]+)\)\s+)?(?:{_WORD}))*"
    # a brand written in small letters before the legal form ("SK hynix Inc.") is part of the company's name
    r"(?:\s+[a-z]{3,}(?=,? (?:Inc|Co|Corp|Ltd|Limited|LLC|PLC|AG|GmbH)\b))?"
    r"(?:,? (?:(?:Co|Corp)\.?,? ?Ltd\.?|Co\.|Corp\.|Ltd\.|Inc\.)|, Limited\b|"
    # a legal form after a comma closes the company's name ("Hyundai Motor Group Metaplant America, LLC",
    # "Ternium México, S.A. de C.V.")
    r", (?:LLC|L\.L\.C\.|Inc|PLC|S\.A\.(?: de C\.V\.)?|S\.A\.S\.|S\.L\.|S\.p\.A\.|GmbH|Pty\.? Ltd\.?|Pvt\.? Ltd\.?)(?![\w-]))?")


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand"}
# ("Three Universities Sign Pact": a headline's figure of bodies, no name)
_PLURAL_NOUNS = {"universities", "companies", "cities", "provinces", "counties", "parties", "sides", "institutes",
                 "centres", "centers", "colleges", "firms", "enterprises", "agreements", "labs", "laboratories",
                 "governments", "partners", "schools", "bases", "platforms", "academies", "ministries", "agencies"}
_NAME_MODIFIERS = {"joint", "new", "key", "first", "second", "strategic", "comprehensive", "cooperation",
                   "collaboration", "partnership", "major", "local", "chinese", "foreign", "domestic", "international",
                   "academician", "postgraduate", "executive", "general", "chief"}
_BODY_HEADS = None  # filled below (needs PLATFORM_HEADS etc.)
# the fields a name joins with "and" ("Science and Technology", "Culture and Tourism")
_FIELD_WORD = (r"(?:Science|Sciences|Technology|Technologies|Engineering|Arts?|Humanities|Innovation|Medicine|Health|"
               r"Education|Culture|Tourism|Research|Industry|Information|Commerce|Trade|Economics|Agriculture|Forestry)")


def _chunks(s: str) -> list[tuple[int, int]]:
    """Capitalised name-like spans, cut at stop words (verbs, prepositions, months, titles)."""
    out: list[tuple[int, int]] = []
    for m in _CHUNK.finditer(s):
        start, end = m.start(), m.end()
        # a name ending in an organisation head keeps its modifiers: "Joint Research Center",
        # "New Materials Institute", "Academician Workstation", "Provincial Key Laboratory"
        # (and a company's legal form: "Inner Mongolia First Machinery Group Co., Ltd.")
        named_body = _head(m.group().rstrip(",")) in _BODY_HEADS or m.group().rstrip(",").endswith(" New Area") or \
            bool(ENTERPRISE_SUFFIX.search(m.group().rstrip(",")))
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
            if low == "new" and i + 1 < len(toks) and toks[i + 1].group().strip(",.") in ("Area", "District", "Zone"):
                is_stop = False  # "Shanghai Pudong New Area": a district's name, not the adjective
            if low == "first" and cur_s is not None and i + 1 < len(toks) and toks[i + 1].group().strip(",.") in (
                    "Nation", "Nations"):
                is_stop = False  # "the Lheidli T'enneh First Nation": a Canadian nation's name
            if low in _TITLE_WORDS and word[:1].isupper():
                is_stop = True
            if low in ("senior", "assistant", "associate") and i + 1 < len(toks) \
                    and toks[i + 1].group().strip(",.").lower() in _TITLE_WORDS:
                is_stop = True  # "Aramco's Senior Vice President": a title's grade, no word of the body before it
            if low == "general" and i + 1 < len(toks) and toks[i + 1].group()[:1].isupper() \
                    and toks[i + 1].group().strip(",.").lower() not in _TITLE_WORDS \
                    and not (i > 0 and toks[i - 1].group().strip(",.").lower() in _TITLE_WORDS):
                is_stop = False  # a name's first word, no title: "General Motors Canada", "the General Assembly"
            if is_stop and named_body and word[:1].isupper() and (low in _NAME_MODIFIERS or low in _TITLE_WORDS) \
                    and i + 1 < len(toks) and toks[i + 1].group()[:1].isupper() \
                    and (low in _NAME_MODIFIERS and low not in _TITLE_WORDS
                         or not is_pinyin(toks[i + 1].group().strip(",.").lower())):
                is_stop = False
            if is_stop and low in _NUMBER_WORDS and word[:1].isupper() and i + 1 < len(toks) \
                    and toks[i + 1].group()[:1].isupper() and toks[i + 1].group().strip(",.").lower() not in _PLURAL_NOUNS \
                    and (named_body or _CORPORATE_WORD.search(m.group()) or re.search(r"\bUniversity\b", m.group())):
                is_stop = False  # a number inside a name: "China Three Gorges Corporation", "Three Gorges University"
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
            # a figure after a connector is no part of a name ("Roots Industries India Ltd on 14 February")
            trimmed = re.sub(r"(?:\s+(?:on|of|for|and|in|the|&))+\s+\d[\w,.]*$", "", trimmed)
            # "(Deputy Mayor) Zhao of Binhai New Area": a person's surname before "of" is no part of the body
            trimmed = re.sub(r"^(?:[A-Z][a-z]+ )?(?P<w>[A-Z][a-z]+) of (?:the )?(?=[A-Z])",
                             lambda m: "" if m.group("w").lower() in _SURNAMES else m.group(), trimmed)
            if trimmed and only_titles(trimmed):
                continue  # titles alone ("Deputy", "President & CEO")
            lead = text.find(trimmed)
            if trimmed and lead >= 0:
                ext = re.match(r"\.?,? ?(?:Ltd|Limited|Inc|LLC)\b\.?", s[ps + lead + len(trimmed):])
                if ext and re.search(r"\b(?:Co|Corp)$", trimmed):
                    trimmed = trimmed + s[ps + lead + len(trimmed): ps + lead + len(trimmed) + ext.end()]
            if trimmed and lead >= 0 and not _generic_compound(trimmed) and not re.fullmatch(r"[\d,.]+(?:st|nd|rd|th)?", trimmed):
                out.append((ps + lead, ps + lead + len(trimmed)))
    return _join_field_lists(s, _join_field_tails(s, out))


def without_country(s: str, a: int, b: int) -> tuple[int, int]:
    """"China's Beijing Institute of Technology", "Japan's Tohoku University": the country a body is told by is no
    word of its name (an empty span when the chunk is the country alone)."""
    m = re.match(r"(?P<c>[A-Z][a-z]+)['’]s(?:\s+|$)", s[a:b])
    return (min(a + m.end(), b), b) if m and m.group("c").lower() in COUNTRIES else (a, b)


def small_brand(s: str, a: int, b: int) -> tuple[int, int]:
    """"SK hynix signed ...": a brand written in small letters after its initials is the company's name's last
    word, when it is no English word (an English one, "LG signed", "IBM researchers", is the sentence's)."""
    m = re.match(r" ([a-z]{3,})\b(?![-'’](?![A-Z]))", s[b:])
    if m is None or not re.fullmatch(r"[A-Z]{2,4}", s[a:b]) or re.search(r"\d\s*$", s[:a]):
        return a, b
    from spacy.lang.en.stop_words import STOP_WORDS
    from pipelines.extract.nlp import is_word  # (lazy: the model loads only for a page that has such a name)
    word = m.group(1)
    if word in STOP_WORDS or word in _SMALL_NON_NAMES or is_word(word):
        return a, b  # (the lemma index has no function words: "LG and", "IBM via")
    return a, b + m.end()


_SMALL_NON_NAMES = {"amid", "shall", "unto", "versus", "etc", "mln", "bln", "sqm", "ltd", "pct", "approx", "govt"}


# a body named by a list of its fields: "the Regional Ministry of Innovation, Industry, Trade and Tourism", "the
# Department of Economic Development, Environmental Affairs and Tourism"
_FIELDS_HEAD = re.compile(r"\b(?:Ministry|Department|Bureau|Commission|Secretariat|Agency)\s+(?:of|for)\s+"
                          r"(?:[A-Z][\w'-]*\s+){0,2}[A-Z][\w'-]*$")
_LAST_FIELD = re.compile(r"(?:[A-Z][\w'-]*\s+){1,3}(?:and|&)\s+[A-Z]")
# (a field the chunker left out between them, a word of its own: ", Industry, ")
_FIELDS_GAP = re.compile(r"(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})*,\s+")


def _common_words(text: str) -> bool:
    """Every capitalised word of ``text`` is an English word: fields ("Industry, Trade and Tourism"), no names ("Huawei
    and ZTE")."""
    from pipelines.extract.nlp import is_word  # (lazy: the model loads only for a page that has such a list)
    return all(is_word(w) for w in re.findall(r"[A-Z][\w'-]*", text))


def _join_field_lists(s: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A chunk that ends in "Ministry of <Field>" goes on over the ", <Field>" chunks after it up to the one that
    opens with the list's "<Field> and <Field>" ("Regional Ministry of Innovation, Industry, Trade and Tourism of the
    Generalitat Valenciana")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(chunks):
        a, b = chunks[i]
        if _FIELDS_HEAD.search(s[a:b]):
            j = i
            while j + 1 < len(chunks) and _FIELDS_GAP.fullmatch(s[chunks[j][1]:chunks[j + 1][0]]) and len(
                    s[slice(*chunks[j + 1])].split()) <= 3 and " and " not in s[slice(*chunks[j + 1])]:
                j += 1
            last = chunks[j + 1] if j + 1 < len(chunks) and _FIELDS_GAP.fullmatch(s[chunks[j][1]:chunks[j + 1][0]]) \
                else None
            field = _LAST_FIELD.match(s[slice(*last)]) if last is not None else None
            # (the list's words up to its last field, "and Tourism", are all fields)
            through = last[0] + field.end() + len(re.match(r"[\w'-]*", s[last[0] + field.end():]).group()) if field else b
            if field and _common_words(s[b:through]):
                out.append((a, last[1]))
                i = j + 2
                continue
        out.append((a, b))
        i += 1
    return out


def _join_field_tails(s: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "the Bavarian State Ministry of Science and the Arts and BMW AG": a body named by its fields goes on after
    "and the" with one more field; what follows that field is the next chunk."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(chunks):
        a, b = chunks[i]
        if i + 1 < len(chunks) and s[b:chunks[i + 1][0]] == " and the " and _FIELD_END.search(s[a:b]):
            c, d = chunks[i + 1]
            field = re.match(rf"{_FIELD}\b", s[c:d])
            rest = re.match(r",?\s+(?:and|&)\s+(?:the\s+)?(?=\S)", s[c + field.end():d]) if field else None
            if field and (c + field.end() == d or rest):  # ("... and the Arts Council": no field of the ministry)
                out.append((a, c + field.end()))
                if rest:
                    out.append((c + field.end() + rest.end(), d))
                i += 2
                continue
        out.append((a, b))
        i += 1
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


# a name's last word that is an adjective, so the name goes on after an "and" ("Xuzhou Economic and Technological
# Development Zone", "Guangxi Medical and Pharmaceutical ..."); nouns that end the same way are names' heads
_DANGLING = re.compile(r"\b(?!(?:Hospital|Capital|Clinic|Republic|Festival|Portal|Terminal|Journal|Tribunal|Arsenal|"
                       r"Pacific|Atlantic|Arctic|Music|Logistics|Physic)\b)[A-Z][a-z]+(?:ic|ical|al)$")


def _split_at_coordination(s: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Ministry of Education and Hubei Province" -> two chunks: a run joined by "and" is two bodies when each
    side is a whole body by itself (a ministry, agency, zone or government on each side); "Ministry of Science
    and Technology" stays one name, since "Technology" alone is no body.

    This is the split by the names' own structure, before the NLP parse (mentions are found first so that
    all sentences are parsed in one batch); refine._split_coordinated_bodies is the split the recogniser's
    entities allow afterwards (schools and companies, which have no structure to go by)."""
    out: list[tuple[int, int]] = []
    for cs, ce in chunks:
        text = s[cs:ce]
        cut = None
        for m in re.finditer(r",? and ", text):
            left, right = text[:m.start()], text[m.end():]
            if re.search(rf"\b{_FIELD_WORD}$", left) and re.match(rf"{_FIELD_WORD}\b", right):
                continue  # "Ministry of Science and Technology and Ministry of Education", "the Administration Bureau
                # of Sanya Yazhou Bay Science and Technology City": two fields joined inside one name
            right_body = classify_name(right) in ("ministry", "agency", "zone", "university") or _LEVEL_NAME.match(right)
            left_body = classify_name(left) in ("ministry", "agency", "zone", "university") or _LEVEL_NAME.match(left)
            if right_body and left_body and not _DANGLING.search(left) or table_place(right) is not None:
                # ("... and Quzhou": a place of its own; "Management Committee of Xuzhou Economic and Technological
                # Development Zone" is one body: a side that ends on an adjective is no name by itself)
                cut = m
                break
            if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", right) and (
                    classify_name(left) in ("agency", "zone", "university", "enterprise") or _LEVEL_NAME.match(left)):
                # "the Binhai New Area People's Government and CATARC": a whole body, then an acronym of another
                # ("Ministry of Science and ICT" stays one: a ministry's field)
                cut = m
                break
            if (re.match(r"(?:The )?(?:School|College|Faculty|Department) of\b", left) or left_body
                    or " " not in left and (table_place(left) is not None or re.search(
                        r"\b(?:University|Institute|College|Universit\w+)(?: \([A-Z]{2,8}\))?,\s*$", s[:cs]))) \
                    and ENTERPRISE_SUFFIX.search(right):
                # "the School of Chemistry and Hubei Sanning Chemical Co., Ltd.", "Dorwick City Council and Arup
                # Group Limited": a school or a public body, and a company ("X University, Coimbatore and ITC
                # Limited": a town, and a company)
                cut = m
                break
            if re.search(r"\b(?:city|county|province|state|municipality|town|district|borough) of\s+$",
                         s[max(0, cs - 20):cs], re.I) and re.fullmatch(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", left):
                # "the city of Pohang and POSCO Future M": the place a level word named, then another body
                cut = m
                break
            if re.fullmatch(r"(?:The )?Government of [A-Z][\w'-]*(?: [A-Z][\w'-]*)?", left) and re.fullmatch(
                    r"[A-Z][\w&'-]+(?: [A-Z][\w&'-]+){0,2}", right) and not re.match(rf"{_FIELD_WORD}\b", right) \
                    and not re.search(r"\bof (?:Trinidad|Antigua|Bosnia|Saint Kitts|St\.? Kitts|Sao Tome|São Tomé)$", left):
                # "the Government of Pernambuco and Petrobras": a government by its place, then another body (not a
                # country named by two islands or lands, "the Government of Trinidad and Tobago")
                cut = m
                break
            if re.fullmatch(r"[A-Z]{3,8}", left) and re.match(r"[A-Z]", right):
                # "YSU and Orbis Group": an acronym is a whole body's name
                cut = m
                break
            if left.split()[-1].lower() in PLATFORM_HEADS | AGENCY_HEADS | ZONE_HEADS and len(left.split()) >= 3 and re.fullmatch(
                    r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,2}", right) and not any(re.fullmatch(_FIELD, w) for w in right.split()):
                # "NASA's Marshall Space Flight Center and Dynetics": a whole body by its head word, then one name
                # ("Center for Science and Technology" stays one: a field of its name)
                cut = m
                break
            if ENTERPRISE_SUFFIX.search(right) and not ENTERPRISE_SUFFIX.fullmatch(right) and len(left.split()) >= 2 \
                    and len(right.split()) >= 2 and re.search(r"(?:Ltd|Limited|Inc|Corp|Corporation|Co|Group|LLC|"
                                                              r"PLC|plc|AG|GmbH),\s+$", s[max(0, cs - 30):cs]):
                # "Hyundai Motor India Ltd, Ashok Leyland and Zoho Corporation": the last two of a list of companies
                cut = m
                break
            if ENTERPRISE_SUFFIX.search(left) and len(left.split()) >= 2 and re.fullmatch(
                    r"(?:[A-Z][\w'&.-]*,?\s+)*[A-Z][\w'&.-]*", right) and not ENTERPRISE_SUFFIX.fullmatch(right):
                # "Weichai Group and Linglong Tyre": a company's name ends with its suffix, the "and" opens another
                # (one with a suffix of its own too: "China Minmetals Corporation and CRRC Zhuzhou Co., Ltd.")
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
                          or first[-1] in ZONE_HEADS or first[-1] in ORG_HEADS and first[-1] != "group"):
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
    # multinationals that pages name bare or with their country arm ("Intel Malaysia", "Siemens Australia")
    "intel", "google", "microsoft", "ibm", "apple", "amazon", "nvidia", "qualcomm", "samsung", "sony", "toyota",
    "honda", "nissan", "hitachi", "toshiba", "panasonic", "siemens", "bosch", "basf", "bayer", "boeing", "airbus",
    "rolls-royce", "shell", "unilever", "nestle", "philips", "ericsson", "nokia", "oracle", "cisco", "dell", "hp",
    "tata", "infosys", "wipro", "reliance", "mahindra", "hyundai", "lg", "sk hynix", "tsmc", "asml", "arm",
}
_CORPORATE_WORD = re.compile(r"\b(?:Corporation|Company|Group|Holdings)\b")
# the last word of a business's name that no public body ends in (one checked after the heads of agencies,
# platforms and universities: "Ministry of Science and Technology" is an agency)
_BUSINESS_HEAD = re.compile(r"\b(?:Technology|Technologies|Systems|Solutions|Motors|Electronics|Industries|"
                            r"Pharmaceuticals?|Semiconductors?|Software|Networks|Airlines|Air Lines|Airways|Chemicals|"
                            r"Foods|Steel|Energy|Telecom|Biotech|Therapeutics|Robotics|Automotive|Tractors|Aerospace|"
                            r"Mining|Dairy)$")


def _starts_with_place(name: str) -> bool:
    return name.split()[0].lower() in PROVINCES or table_place(name.split()[0]) is not None


_FIELD_WORDS = re.compile(r"\b(?:Arts?|Humanities|Sciences?|Engineering|Technology|Research|Development|Innovation|"
                          r"Education|Health|Medicine|Culture|Design|Business|Economics|Law|Policy)\b")


def classify_name(name: str) -> str:
    """Kind of a capitalised name by its head noun and suffixes."""
    low = name.lower()
    if ENTERPRISE_SUFFIX.search(name.rstrip(".")) or ENTERPRISE_SUFFIX.search(name):
        return "enterprise"
    if re.sub(r"'s$", "", low) in KNOWN_ENTERPRISES:
        return "enterprise"
    words = name.split()
    if len(words) == 2 and words[0].lower() in KNOWN_ENTERPRISES and table_place(words[1]) is None and \
            words[1] not in ("University", "Institute", "College"):
        return "enterprise"  # a company's national arm: "Intel Malaysia", "Huawei Canada"
    if _CORPORATE_WORD.search(name) and _head(name) not in AGENCY_HEADS | PLATFORM_HEADS | {"university"}:
        return "enterprise"  # "State Grid Corporation of China", "China Merchants Group Shenzhen"
    if ACADEMY.search(name):
        return "university"
    head = _head(name)
    if head == "ministry" or low.startswith("ministry of"):
        return "ministry"
    if head == "district" and re.search(r"\b(?:Innovation|Knowledge|Technology) District$", name):
        return "platform"  # "Town Center Innovation District": a park, no place
    if head in ZONE_HEADS or name.endswith(" New Area"):
        return "zone"
    park = re.fullmatch(r"(?:The )?([A-Z][\w'-]*(?: [A-Z][\w'-]*)?) Industrial Park", name)
    if park and table_place(park.group(1)) is not None:
        return "zone"  # "Suzhou Industrial Park": a city's industrial park is an area it governs, a development zone
    if re.search(r"\b(?:Administrative|Management) Committee\b", name) and re.search(
            r"\b(?:Zone|Area|Park|Port)\b", name):
        return "zone"  # a zone's administrative committee is the zone (places._canon_agency names it so)
    if head in ("chamber", "association", "federation", "society", "foundation", "regents", "board"):
        return "org"
    if head in AGENCY_HEADS or re.search(r"[A-Z][a-z]+ Cabinet for [A-Z]", name):
        # (a US state's department, "Kentucky Cabinet for Economic Development", not a council of ministers)
        return "agency"
    if head in PLATFORM_HEADS:
        if head in ("center", "centre") and re.search(r"\b(?:municipal|government|administration)\b", low):
            return "agency"
        return "platform"
    if head == "university" and len(name.split()) >= 2:
        return "university"
    if re.fullmatch(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)? & [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?", name) and head not in \
            AGENCY_HEADS | PLATFORM_HEADS | ORG_HEADS and not _FIELD_WORDS.search(name):
        return "enterprise"  # "Larsen & Toubro", "Godrej & Boyce", "Procter & Gamble": a firm of its founders' names
    if len(name.split()) >= 2 and _BUSINESS_HEAD.search(name) and not _starts_with_place(name):
        # "SkyWater Technology", "Tata Motors", "Nanofilm Technologies": what a firm sells ("Zibo Technology"
        # in "PolyU-Zibo Technology and Innovation Research Institute" is a place's field, no firm)
        return "enterprise"
    return "org"


# title words that also modify a body's name ("the General Assembly", "Chief Executive Office", "Party School")
_TITLE_MODIFIERS = {"general", "chief", "executive", "party", "member", "vice", "deputy", "head", "leader", "officer",
                    "representative", "manager", "editor", "chair", "marshal"}


# an official's title and what it is of, closed by a comma, right before a name: "..., the Secretary for X, <name>,"
_TITLED_BEFORE = re.compile(r"\b(?:Secretary|Minister|Rector|President|Director|Mayor|Governor|Chairman|Chairwoman|CEO|"
                            r"Dean|Chancellor|Commissioner|Premier|Vice-Chancellor)\b(?:\s+(?:of|for)\s+[^.;()]{1,70})?"
                            r",\s+$")


def _is_person(s: str, start: int, end: int, name: str) -> bool:
    before = s[max(0, start - 40):start]
    after = s[end:end + 40]
    words = name.split()
    if re.fullmatch(r"[A-Z]{3,}", name):
        return False  # an acronym ("signed by FAPESP") is a body
    if re.search(r"(?:\b(?:President|Chairman|Chairwoman|Secretary|Dean|Director|Governor|Mayor|Mr|Ms|Mrs|Dr|Prof|"
                 r"Professor|Manager|Minister|Premier|Academician|Chair|CEO|head|Head|by|By)\.?\s+)$", before):
        return True
    title = re.search(r"\b([A-Z][\w-]*)\.?\s+$", before)
    if title and title.group(1).lower() in _TITLE_WORDS - _TITLE_MODIFIERS and not only_titles(name):
        return True  # "by Principal Iain Gillespie", "Councillor John Alexander": a name after an official's title
    if re.match(r",\s+(?:the\s+)?(?:\w+[- ])?(?:president|vice|chairman|chairwoman|secretary|dean|director|governor|"
                r"mayor|head|deputy|executive|chief|general|professor|party|member|minister)", after, re.I):
        return True
    if 2 <= len(words) <= 3 and words[0].lower() in _SURNAMES and all(is_pinyin(w) for w in words):
        return True
    if 2 <= len(words) <= 3 and re.match(r"\s*,", after) and _TITLED_BEFORE.search(s[max(0, start - 100):start]) \
            and classify_name(name) == "org":
        return True  # "the State Secretary for Environment, Infrastructure and Logistics, Natália Resende, signed":
        # the name an official's title is set off before
    if re.match(r"\s+(?:said|noted|stated|pointed|expressed|introduced|welcomed|delivered|gave|hoped|"
                r"congratulated|added|told|highlighted|stressed|emphasized)\b", after) and len(words) <= 3 \
            and classify_name(name) == "org":
        return True
    return False
