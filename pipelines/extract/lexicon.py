"""The words and shapes organisation names are read with (provinces, head nouns, title words, name
patterns) and ``Mention``, one organisation a sentence names.

Split out of ``names.py``; ``pipelines.extract.names`` re-exports the public names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


PROVINCES = {
    "anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei",
    "heilongjiang", "henan", "hubei", "hunan", "jiangsu", "jiangxi", "jilin", "liaoning", "inner mongolia",
    "ningxia", "qinghai", "shaanxi", "shandong", "shanghai", "shanxi", "sichuan", "tianjin", "tibet", "xinjiang",
    "yunnan", "zhejiang", "hong kong", "macao", "macau", "taiwan",
}
# the marks a list row opens with, as pages bullet them (Korean and Chinese pages with triangles and squares: "▲",
# "■", "◆"; a middle dot; an en dash), and a list row: a bullet or an item's number ("3." "3)") and a space
BULLET = "[-*\u2022\u25cf\u25aa\u25b2\u25b6\u25a0\u25c6\u00b7\u2013]"
LIST_ITEM = re.compile(r"\s*(?:" + BULLET + r"|\d{1,2}[.)])\s")
# the mark a list row opens with: a bullet, or a number, a roman numeral or a letter with its dot or bracket
ROW_MARK = r"(?:" + BULLET + r"|\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])[.)])"
# gatherings a page names as events ("the forum was held", "at the 2023 Expo")
EVENT_NOUNS = {"forum", "conference", "ceremony", "summit", "fair", "expo", "symposium", "event", "convention", "congress",
               "seminar"}
MUNICIPALITIES = {"beijing", "shanghai", "tianjin", "chongqing"}
LEVELS = {"city": "City", "county": "County", "district": "District", "province": "Province",
          "prefecture": "Prefecture", "municipality": "City", "municipal": "City", "provincial": "Province",
          "prefectural": "Prefecture", "cities": "City", "counties": "County", "districts": "District",
          "provinces": "Province", "prefectures": "Prefecture", "town": "Town", "township": "Township",
          "towns": "Town", "village": "Village", "villages": "Village", "borough": "Borough",
          "state": "State"}
LEVEL_TYPE = {"State": "province", "Borough": "district", "City": "city", "League": "prefecture", "SAR": "province", "County": "county", "District": "district", "Province": "province",
              "Prefecture": "prefecture", "Town": "other", "Township": "other", "Village": "other",
              "Region": "province"}

_SURNAMES = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang
xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen
yao jin fang cui fan lyu lv shi niu pang yan mao qin qiu hou bai kong meng xiong qian dai tan mo jia gu hao wan
duan lei long tao he hong gong fu ke kang chang ni zou xing yin wen yi""".split())

# (a bare "o" final only after b, p, m, f, w: "bo", "wo"; "to", "lo", "go" are no syllables, so "Antonio",
# "Paulo", "Diego" read as no pinyin)
_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|in"
    r"|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|u|v|yu)|[bpmfw]?o)+$")

AGENCY_HEADS = {"bureau", "commission", "department", "administration", "committee", "office", "council",
                "agency", "authority", "ministry", "government", "congress", "federation", "association",
                "chamber", "board", "society", "foundation", "management", "regents", "division", "section"}
ZONE_HEADS = {"zone"}
ENTERPRISE_SUFFIX = re.compile(
    r"(?:\b(?:Co|Corp|Ltd|Inc|LLC|PLC|plc|Limited|Corporation|Company|Group|Holdings|Bank|Enterprises?|Pvt|"
    r"Private|GmbH|AG|SE|SA|NV|BV|KK|Bhd|Pty|Pte|KG|OHG|KGaA|Ltda|SpA|Srl|"
    r"CORPORATION|CORP|COMPANY|LIMITED|LTD|INC|HOLDINGS|GROUP)\.?,?)+$"  # (in capitals: "DENSO CORPORATION")
    r"|, (?:S\.A\.(?: de C\.V\.)?|S\.A\.S\.|S\.L\.|S\.p\.A\.|L\.L\.C\.)$")  # (dotted forms: "Ternium México, S.A. de
# C.V.", "Ford España, S.L.")
ORG_HEADS = {"chamber", "association", "federation", "society", "foundation", "regents", "board", "council",
             "union", "league", "network", "consortium", "fund", "bank", "group", "hospital", "museum", "trust",
             "system",  # ("the Technical College System of Georgia", "the University System of Maryland")
             "region",  # (a region's government abroad: "the Małopolska Region", "Grand Est Region")
             "tribe", "tribes", "nation"}  # (indigenous governments: "the Confederated Tribes of X", "X First Nation")
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
    "rector", "pro-rector", "vice-rector", "marshal", "voivode", "prefect", "provost", "chancellor",
    "vice-chancellor", "councillor", "councilor", "sir", "dame", "lord", "baroness", "senator", "alderman",
    "congressman", "congresswoman", "msp", "mep",
}
def only_titles(text: str) -> bool:
    """Words that are all officials' titles ("Deputy", "Vice President", "President & CEO"): a title names nobody."""
    return all(w.lower().rstrip(".,") in _TITLE_WORDS or w == "&" for w in text.split())


# the words of a portfolio or a field ("Industries and Commerce", "Research, Innovation and Enterprise", "the Built
# Environment and Technology"): the remit of an official or a faculty, no body
_REMIT_WORDS = {"industry", "industries", "commerce", "trade", "infrastructure", "logistics", "innovation", "enterprise",
                "research", "development", "environment", "built", "technology", "technologies", "science", "sciences",
                "engineering", "education", "culture", "tourism", "information", "integration", "health", "agriculture",
                "economy", "finance", "investment", "transport", "energy", "mines", "skills", "employment", "arts",
                "humanities", "medicine", "business", "law", "design", "planning", "housing", "sport", "sports"}


def only_remit(text: str) -> bool:
    """Two or more field or portfolio words and nothing else but "and", "of", "the", "&": a remit names nobody."""
    words = [w.lower().strip(",.()") for w in text.split()]
    fields = [w for w in words if w in _REMIT_WORDS]
    return len(fields) >= 2 and all(w in _REMIT_WORDS or w in ("and", "of", "the", "&", "") for w in words)


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
    # number words opening a sentence ("Four research institutes went into operation")
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "dozens",
    "hundreds", "thousands", "third", "fourth", "fifth",
}
# the connectors inside names, English and those of the Romance and German names pages keep untranslated
# ("Politecnico di Torino", "Universidade de São Paulo", "Universidad Nacional Autónoma de México")
_CONNECT = r"(?:of the|of|and|for|on|de|du|des|la|di|da|do|dos|del|della|y|e|&)"  # ("Química y Minera", "Ciência e Tecnologia")
# letters of the Latin alphabets, accented ones included ("Tecnológico", "Jülich", "Université", "Łódź")
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LET = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# (and a brand that opens with one small letter before capitals: "iFLYTEK", "eBay")
_WORD = (rf"(?:[{_UP}][{_LET}0-9'&]*(?:-[{_LET}0-9][{_LET}0-9']*)*|[A-Z0-9]{{2,}}(?:-[A-Za-z0-9]+)*|"
         r"[a-z][A-Z][A-Za-z0-9]+|\d+(?:st|nd|rd|th)?)")
_TOKEN = re.compile(rf"\((?:[A-Z][A-Za-z]+)\)|[{_LET}0-9][{_LET}0-9'&]*(?:-[{_LET}0-9']+)*\.?|&")
# two nations joined by a hyphen, as the name of a joint body opens ("Sino-Italian Campus", "Chinese-German University
# College", "Franco-Chinese Institute")
NATIONS = (r"(?:Sino|Chinese|China|Franco|Anglo|Indo|Euro|[A-Z][a-z]+(?:an|ish|ese|ch|ic))-"
           r"(?:Chinese|[A-Z][a-z]+(?:an|ish|ese|ch|ic))")
_ABBR_DEF = re.compile(r"(?P<name>[A-Z][^()]{3,120}?)\s*\((?P<abbr>[A-Z][A-Za-zÀ-ÿ&]{0,8}(?:-[A-Z][A-Za-z]{0,3}|/[A-Za-z]{1,3}| [A-Z]{2,5})?)\)")
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


# (the bracket may say more first: "Kyushu Electric Power Co., Inc. (Headquarters: Fukuoka City; hereinafter "Kyuden")")
_HEREINAFTER = re.compile(r"(?P<name>[A-Z][^()]{3,120}?)\s*\((?:[^()]{0,80}?[;,]\s*)?(?:hereinafter|hereafter)(?: referred to)?(?: as)? "
                          r"[\"']?(?P<alias>[A-Z][^()\"']{1,60}?)[\"']?\)")

# initials of a field or a title, no organisation ("AI Research", "ICT Lab", "EV batteries")
TECH_ACRONYMS = {"AI", "IT", "ICT", "IoT", "EV", "EVs", "VR", "AR", "ML", "HR", "PhD", "MBA", "STEM", "R&D", "5G", "6G",
                 "UAV", "UAVs", "GIS", "ESG", "CEO", "CTO", "GDP", "API", "LED", "LNG", "NEV", "NEVs"}

# countries a name may be told by ("China's Huawei") or a word of a list may be
COUNTRIES = {"china", "germany", "france", "britain", "england", "russia", "japan", "korea", "italy", "spain",
             "canada", "australia", "africa", "europe", "asia", "america", "singapore", "malaysia", "thailand",
             "vietnam", "india", "pakistan", "israel", "egypt", "brazil", "mexico", "chile", "argentina", "kazakhstan",
             "mongolia", "laos", "cambodia", "myanmar", "indonesia", "philippines", "sweden", "finland", "norway",
             "denmark", "netherlands", "belgium", "switzerland", "austria", "poland", "hungary", "greece", "portugal",
             "ireland", "scotland", "wales", "turkey", "iran", "ukraine", "belarus", "serbia", "sino", "taiwan"}


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



# a word of companies' names alone ("Mr X, Group Chief Technology Officer of Y"): no company's name by itself
LONE_COMPANY_WORD = re.compile(r"(?:The )?(?:Group|Company|Holdings|Corporation|Firm)")


# a title-case headline's verb, where a name the headline runs into it stops ("... Jülich Extend JARA Agreement")
HEADLINE_VERB = re.compile(r" (?:Extend|Extends|Sign|Signs|Renew|Renews|Open|Opens|Launch|Launches|Ink|Inks|Seal|"
                           r"Seals|Unveil|Unveils|Establish|Establishes|Join|Joins|Agree|Agrees|Set Up|Sets Up)\b")
_GENERIC_UNI = re.compile(
    # (India's Hindi names put the word for university last: "Devi Ahilya Vishwavidyalaya", "... Vidyapeeth")
    r"(?:[A-Z][\w'&.-]*\s+){1,4}(?:University|Institute of Technology|Polytechnic University|Vishwavidyalaya|"
    r"Vidyapeeth|Vidyapith)\b"
    r"(?:\s+of\s+(?:[A-Z][\w-]*)(?:\s+(?:and\s+)?[A-Z][\w-]*)*)?"
    r"|University\s+of\s+(?:[A-Z][\w-]*)(?:\s+(?:and\s+)?[A-Z][\w-]*)*"
    r"|\bUniversity\s+College\s+(?:London|Dublin|Cork|Oxford|[A-Z][a-z]+(?=\s*[,(.;]|\s+(?:and|has|have|signed|is|was)\b))"
    # a university under its own language's name ("Université Grenoble Alpes", "Politecnico di Torino",
    # "Technische Universität München", "Universiti Teknologi Malaysia", "Tecnológico de Monterrey")
    r"|(?:[A-ZÀ-Þ][\w'-]*\s+){0,3}(?:Universidad|Universidade|Université|Universität|Università|Universiteit|"
    r"Universitat|Universitas|Universiti|Uniwersytet|Politecnico|Politécnica|Polytechnique|Tecnológico|Hochschule|"
    r"École)(?:\s+(?:(?:de|di|da|do|del|della|des|du|la|y|e|et|für)\s+)?[A-ZÀ-Þ][\w'-]*){1,5}")


# a field of study, as a university's "of" part lists them ("University of Science, Technology and Innovation",
# "Kerala University of Digital Sciences, Innovation and Technology", "University of Agriculture, Forestry and
# Fisheries"): one optional capitalised modifier and a discipline
_FIELD = (r"(?:[A-Z][a-z]+\s+)?(?:Arts?|Humanities|Sciences?|Engineering|Technology|Innovation|Medicine|Medical "
          r"Sciences|Health|Agriculture|Forestry|Fisheries|Veterinary Sciences|Management|Commerce|Economics|Finance|"
          r"Business|Law|Education|Design|Architecture|Mathematics|Physics|Chemistry|Pharmacy|Nursing|Music|Sports?|"
          r"Languages?|Communications?|Informatics|Mining|Aeronautics|Astronautics)")
_FIELD_END = re.compile(rf"\bof\s+(?:{_FIELD}\s+and\s+)?{_FIELD}$")
_FIELD_LIST = re.compile(rf",\s+{_FIELD}(?:,\s+{_FIELD})*,?\s+and\s+{_FIELD}\b")


_ORGAN_IN_NAME = re.compile(r"(?<=\w)\s+(?:Board|Council|Senate|Regents|Trustees|Committee|Office|Press|Hospital|"
                            r"Foundation|Library)\b")


# an agreement's initials, no body: "Under the MOU, ...", "the MoA"
DOCUMENT_INITIALS = re.compile(r"(?:MOU|MoU|MOA|MoA|LOI|LoI|LOA|MOC)s?")
# the noun of a document's title after a name ("sign Civic University Agreement"): the name is the title's, no body
DOCUMENT_AFTER = re.compile(r"\s+(?:Agreement|Partnership Agreement|Compact|Charter|Accord|Strategy|Plan|Programme|"
                            r"Program)\b")


# an "and" in a university's "of" part followed by a company's or a government's name to the end: a second body
_SECOND_BODY = re.compile(r"\s+and\s+(?:the\s+)?(?:[A-Z][\w'&.-]*\s+){1,4}(?:Group|Co|Company|Corporation|Corp|Ltd|Limited|"
                          r"Inc|City|County|Province|District|Government|Municipality)\.?$")


def generic_universities(s: str):
    """Spans (start, end) of university names by their shape (``_GENERIC_UNI``), a name whose "of" part lists
    fields with commas kept whole: the pattern alone stops at the first comma."""
    for m in _GENERIC_UNI.finditer(s):
        start, end = m.start(), m.end()
        inner_the = list(re.finditer(r"(?<=\s)The\s+(?=[A-Z])", m.group()))
        if inner_the:
            start = m.start() + inner_the[-1].start()  # "Comunicaciones The University of X": a label run into the name
        organ = _ORGAN_IN_NAME.search(m.group())
        if organ:
            end = m.start() + organ.start()  # "the University of Nebraska Board of Regents": the university's board
        if not organ and _FIELD_END.search(m.group()):
            more = _FIELD_LIST.match(s, end)
            if more:
                end = more.end()
        second = _SECOND_BODY.search(s[start:end])
        if second:
            end = start + second.start()  # "China University of Petroleum and Kerui Group": two bodies, not one name
        yield start, end


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)
