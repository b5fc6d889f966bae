"""One name per company on a page: the short forms a page uses ("SAIC Motor", "Bosch", "JAC") become the fullest name
it writes the company by ("SAIC Motor Corporation Limited", "Robert Bosch GmbH", "Anhui Jianghuai Automobile Group Co.,
Ltd."), in every fact type (convention 6: as the page writes it). Split out of ``pipelines.extract``, which calls
``fullest_company_names`` once a page's facts are read, before they are merged.

Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.names import same_entity


_UNIT_OF = re.compile(r"\b(?:Communications|Relations|Office|Affairs|Department|Newsroom|Press|Media|Team|Division)$")


def fullest_company_names(raw: dict[str, list[dict]], companies: list[str], text: str = "",
                          shorts: dict[str, str] | None = None) -> None:
    """One name per company on a page: a short form ("Daehan Shipbuilding") becomes the fullest name the page
    writes it by ("Daehan Shipbuilding Co., Ltd."), whichever came first (convention 6: as the page writes it); so
    does the short form the page defines in brackets after it ("Anhui Jianghuai Automobile Group Co., Ltd. (JAC)")."""
    from pipelines.extract.places import table_place

    # (the companies the page's agreements name too, for a headline's "A for B Centre")
    partners = [f["partner"] for f in raw.get("agreements", [])
                if f.get("partner_type") == "enterprise" and f.get("partner")]
    defined = {short: c for c in sorted(companies, key=len) for short in re.findall(
        rf"(?<![\w-]){re.escape(c)}\s*\(([A-Z][A-Z&]{{1,7}})\)", text)}

    def fullest(name: str | None, company: bool) -> str | None:
        if not name:
            return name
        if name in defined:
            return defined[name]
        # a company's short form the page gave in brackets, or its first word ("GAC" of "Guangzhou Automobile Group
        # Co., Ltd. (GAC Group)"): the company (not a place's name: "Guangzhou")
        named = {full for short, full in (shorts or {}).items() if short == name or short.startswith(name + " ")}
        if len(named) == 1 and not table_place(name):
            return named.pop()
        head = name.split(" for ")[0]
        named = [c for c in companies + partners if (c == head or c.startswith(head + " ")) and " for " not in c]
        # (whatever kind the recogniser gave it, where what it is for is a body: "Larsen & Toubro for Green Hydrogen
        # Centre" in a headline, "Larsen & Toubro Limited" in the text)
        if head != name and named and (company or re.search(r"\b(?:Cent(?:re|er)|Institute|Lab(?:oratory)?|Hub|"
                                                            r"Park|Platform)$", name)):
            return max(named, key=len)  # a headline's "Verdagen for Drought-Tolerant Wheat Technology": the company
            # ("Verdagen Ltd") and what it is for
        # (a one-word short form of a company, "Dongfeng" of "Dongfeng Motor Corporation", when it is no place)
        # (never a unit of it: "Haier Group Corporate Communications" in a byline is no name of Haier)
        # (or after the place its full name opens with: "Changan Automobile" of "Chongqing Changan Automobile Co., Ltd.")
        longer = [c for c in companies if not _UNIT_OF.search(c) and (len(c) > len(name) and (
            c.startswith(name + " ") or " " in name and (
                c.partition(" ")[2].startswith(name + " ") and table_place(c.partition(" ")[0]))) and (
            same_entity(c, name) or company and " " not in name and not table_place(name))
            or _group_short_form(name, c))]
        if longer:
            return max(longer, key=len)
        if company and " " not in name and len(name) >= 4 and name[:1].isupper() and not table_place(name) \
                and not _GENERIC_COMPANY_WORD.fullmatch(name):
            # a one-word short form that is a word inside one company's name, not its first ("Bosch" of "Robert
            # Bosch GmbH")
            # (not after a country's adjective: "Honda" of "American Honda Motor Co., Inc." is the whole company, the
            # page's word for it; after a place it is the company, "Hangke" of "Wuxi Hangke Composite Materials")
            inside = [c for c in companies if c != name and not _UNIT_OF.search(c)
                      and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", c)
                      and not re.match(r"[A-Z][a-z]+(?:an|ese|ish)\s", c)]
            if len(inside) == 1:
                return inside[0]
        # the same company by two legal forms ("BMW Group" and "BMW AG"): the one the page writes first
        core = _company_core(name)
        same = [c for c in companies if c != name and core and _company_core(c) == core
                and _LEGAL_WORD.search(c) and _LEGAL_WORD.search(name)]
        return same[0] if same and (name not in companies or companies.index(same[0]) < companies.index(name)) else name

    for kind, keys in (("agreements", ("partner",)), ("platforms", ("partner",)), ("funding", ("funder", "recipient")),
                       ("counts", ("subject",))):
        for f in raw[kind]:
            for key in keys:
                f[key] = fullest(f.get(key), kind != "agreements" or f.get("partner_type") == "enterprise")
    for f in raw["agreements"]:
        # a partner of no known kind in one word ("BMW", "Audi") that opens the name of one company the page writes in
        # full ("BMW Group"): that company
        name = f.get("partner")
        if f.get("partner_type") == "other" and name and " " not in name and not table_place(name):
            longer = {c for c in companies if c.startswith(name + " ") and not _UNIT_OF.search(c)}
            if len(longer) == 1:
                f["partner"], f["partner_type"] = longer.pop(), "enterprise"


# words many companies' names have, which name none of them alone
_GENERIC_COMPANY_WORD = re.compile(r"Group|Holdings?|Motors?|Industry|Industries|Technology|Technologies|Electric|"
                                   r"Energy|Systems|International|China|National|Steel|Chemicals?|Power|Bank|"
                                   r"Solutions|Automotive|Automobile|Pharmaceuticals?|Materials|Engineering|Company")


# the words of a company's legal form or of its group ("AG", "Group", "Co., Ltd.")
_LEGAL_WORD = re.compile(r"\s(?:AG|SE|GmbH|Group|Inc|Ltd|Limited|PLC|plc|Corp|Corporation|Co|LLC|S\.A|N\.V)\b\.?")


def _company_core(name: str) -> str:
    """A company's name without its legal form ("BMW AG", "BMW Group" -> "BMW")."""
    return re.sub(r"[\s,]+", " ", _LEGAL_WORD.sub(" ", " " + name)).strip().lower()


def named_outside_platforms(companies: list[str], views: list[SentenceView]) -> list[str]:
    """The companies the page names somewhere other than inside a platform's name: the words of "the SJTU-CATL
    Future Battery Joint Research Institute" that read as a company ("CATL Future") name no company of their own."""
    text = " ".join(v.clean for v in views)
    for name in {m.text for v in views for m in v.mentions if m.kind == "platform"}:
        text = text.replace(name, " ")
    return [c for c in companies if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)]


def _group_short_form(name: str, full: str) -> bool:
    """"Moutai Group" of "China Kweichow Moutai Distillery (Group) Co., Ltd.": a word of the full name and the group
    word it also holds (the press's short form of a group's registered name)."""
    from pipelines.extract.places import table_place

    words = name.split()
    return len(words) == 2 and words[1] in ("Group", "Corporation") and len(full) > len(name) and bool(
        re.search(rf"\b{re.escape(words[0])}\b", full)) and bool(re.search(rf"\b{words[1]}\b", full)) \
        and not table_place(words[0])
