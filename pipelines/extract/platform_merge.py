"""One platform per body on a page: the mentions ``platforms.extract`` finds sentence by sentence, merged.

Plain Python, no Dagster. See ``merge``.
"""

from __future__ import annotations

import re

from pipelines.extract.identity import has_word
from pipelines.extract.names import same_entity
from pipelines.extract.platform_founding import PLATFORM_PLURALS, name_head
from pipelines.extract.platform_names import platform_type


_NAME_STOP = {"the", "of", "and", "for", "on", "a", "an", "at", "in"}


_WORD_FORMS = {"lab": "laboratory", "labs": "laboratory", "laboratories": "laboratory", "centre": "center",
               "centres": "center", "centers": "center", "institutes": "institute", "univ": "university"}


def _name_words(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("\u2019", "'"))
    return {_WORD_FORMS.get(w, w) for w in words if w not in _NAME_STOP}


# (the plural of every platform noun: "Centres", "Laboratories", "Backyards")
_PLURAL_HEADS = re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in PLATFORM_PLURALS)) + r")\b(?! of\b)"
                           r"|\b(?:Centres|Centers|Institutes|Laboratories) of Excellence\b")


def plural_head(name: str) -> bool:
    """A name whose head is in the plural (\"AI Centres of Excellence\"): several bodies, none of them named."""
    return bool(_PLURAL_HEADS.search(name or ""))


def same_platform(a: str, b: str, strict: bool = False) -> bool:
    """Two names of one body: the words of one are all among the other's ("Sichuan-Yibin Industrial Park" and
    "Sichuan University-Yibin Industrial Park"; "research institute" and "Altay Research Institute"), with at
    least two words shared. Two names that each have a word of their own ("Keppel-NUS Corporate Laboratory",
    "WIL@NUS Corporate Laboratory") are two bodies."""
    wa, wb = _name_words(a), _name_words(b)
    if plural_head(a) != plural_head(b):
        return False  # "AI Centres of Excellence" names several bodies, never one of them

    shared = sum(1 for w in wa if has_word(wb, w))
    if shared < 2 or not (all(has_word(wb, w) for w in wa) or all(has_word(wa, w) for w in wb)):
        return False
    # two proper names share most of their words ("Institute of Cultural Industry" is not the "Cultural Creative
    # Industry Research Institute of Renmin University"); a lower-case description may be a short reference
    # Two proper names of which only one is known to be set up must share most of their words ("Institute of
    # Cultural Industry" named in passing is not the "Cultural Creative Industry Research Institute of Renmin
    # University" set up); two set up on one page are one body when one's words are among the other's
    # ("Tsinghua-Nanchang Institute" / "Tsinghua University Nanchang Micro Technology Research Institute")
    return not strict or not (_title_case(a) and _title_case(b)) or shared * 2 >= max(len(wa), len(wb))


def _same_time(a: dict, b: dict) -> bool:
    """Two mentions dated in different years report two settings-up (a park built in 2015, another in 2018)."""
    return not (a.get("date") and b.get("date")) or a["date"][:4] == b["date"][:4]


def _one_name(a: dict, b: dict) -> bool:
    """Two mentions by the same full name of four words or more are one body, whatever their dates say (the year a
    table gives it and the month it "was upgraded" or "moved")."""
    na, nb = (re.sub(r"\W+", " ", x["name"]).strip().lower() for x in (a, b))
    return na == nb and len(na.split()) >= 4


def _title_case(name: str) -> bool:
    return any(w[:1].isupper() for w in name.split())


def _headline(f: dict) -> bool:
    """The mention is a headline's (a line that ends in no stop); a row of a table is no headline."""
    ev = f.get("_ev")
    return ev is not None and not ev.text.rstrip().rstrip('"\'”)').endswith((".", "!", "?", ";", ":")) \
        and " | " not in ev.text


def _refers_to(f: dict, group: list[dict]) -> bool:
    """An unnamed mention can refer back to a platform of its type only when nothing it states contradicts it: a
    lab opened in 2020 with Siemens is not the lab set up in 2013 with Rolls-Royce."""
    if not all(_same_time(x, f) for x in group):
        return False
    partners = {x["partner"] for x in group if x.get("partner")}
    return not f.get("partner") or not partners or any(same_entity(f["partner"], p) for p in partners)


def merge(facts: list[dict], agreements: list[dict] | None = None,
          named_pairs: list[tuple[str, str]] | None = None) -> list[dict]:
    """One platform mentioned several times on a page is one fact.

    Mentions are grouped: a name joins the group of a name of the same type it repeats (``same_platform``); an
    unnamed mention ("the institute", "the new centre") joins the first group of its type, named or not, whose
    date and partner do not contradict its own (it refers back). Each group gives one fact, whose evidence is the mention from a full sentence rather than a
    headline that names the most co-founders (the sentence saying who set the body up), the first on a tie; its
    name is that mention's, else the group's first name; a partner or date it lacks comes from the other
    mentions. A platform whose page names no co-founder for it takes the partner of the page's agreements when
    the page reports agreements of its university with exactly one partner (the body set up by that
    cooperation)."""
    for f in facts:
        if f["name"] and _headline(f) and not _title_case(f["name"]):
            f["_weak"] = True  # a headline's description ("jointly build innovation research institute") refers on
        elif f["name"] and _headline(f) and f.get("partner") and any(
                not _headline(g) and not g.get("_mention_only") and g["platform_type"] == f["platform_type"]
                and g.get("partner") and same_entity(g["partner"], f["partner"]) for g in facts):
            f["_weak"] = True  # a headline's name for the body the story names in full with the same partner
    groups: list[list[dict]] = []
    for f in facts:
        if not f["name"] or f.get("_mention_only") or f.get("_weak"):
            continue
        for g in groups:
            if g[0]["platform_type"] == f["platform_type"] and any(
                    x["name"] and same_platform(x["name"], f["name"]) and (_same_time(x, f) or _one_name(x, f))
                    for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    # bodies the page names without saying they were set up: names for an unnamed platform referring back
    mentioned: list[dict] = []
    for f in facts:
        if not f.get("_mention_only"):
            continue
        found = next((g for g in groups if g[0]["platform_type"] == f["platform_type"] and any(
            x["name"] and same_platform(x["name"], f["name"], strict=True) for x in g)), None)
        if found is not None:
            if not any(x["name"] and _title_case(x["name"]) for x in found) and any(
                    x["name"] and len(_name_words(x["name"]) & _name_words(f["name"])) >= 3 for x in found):
                # "will establish an agro-processing innovation hub ... to equip the Kiambu Agro-Processing Innovation
                # Hub": the name the page gives the body it described in lower case (in words of its own: not "a
                # research center" of any "Engineering Research Center")
                found.append(f)
            continue  # a platform found set up already has its name
        if not any(same_platform(m["name"], f["name"], strict=True) for m in mentioned):
            mentioned.append(f)
    for f in facts:
        if f["name"] and not f.get("_weak") or f.get("_mention_only"):
            continue
        # (a headline's description whose words the page's name of the body has, "create centre for low-carbon
        # fuels" / "the Centre for Low-Carbon Fuels Innovation": that body, whoever the headline pairs it with)
        same = [g for g in groups if g[0]["platform_type"] == f["platform_type"] and f.get("_weak") and any(
            x["name"] and same_platform(x["name"], f["name"]) for x in g)] or [
            g for g in groups if g[0]["platform_type"] == f["platform_type"] and _refers_to(f, g)]
        if same:
            same[0].append(f)
            continue
        # "Wang's institute, established by A and B, ...": the one body of its type the page names elsewhere
        named = _of_its_kind(f, [m for m in mentioned if m["platform_type"] == f["platform_type"]])
        if f.get("_needs_name") and len(named) != 1:
            continue  # "the hub" that no name on the page explains is no platform
        groups.append([f, named[0]] if len(named) == 1 else [f])
    for g in groups:
        if any(f["name"] and _title_case(f["name"]) for f in g):
            continue
        # "launched a joint research center on mine safety ... Named the Sino-African Centre for Sustainable Mining,
        # the center is hosted by ...": a body described in lower case is the one body of its type the page names
        of_type = [m for m in mentioned if m["platform_type"] == g[0]["platform_type"] and m not in g
                   and not m.get("_located")]
        named = _of_its_kind(g[0], of_type)
        rivals = [h for h in groups if h[0]["platform_type"] == g[0]["platform_type"]]
        if len(named) < len(of_type):  # (told apart by their head words: only the groups of its head compete)
            rivals = [h for h in rivals if h[0].get("_head") == g[0].get("_head")]
        if len(named) == 1 and len(rivals) == 1:
            g.append(named[0])
    order = {id(f): i for i, f in enumerate(facts)}
    groups.sort(key=lambda g: min(order[id(f)] for f in g))
    groups = _described_then_named(groups)
    out = []
    for g in groups:
        best = max((f for f in g if not f.get("_mention_only")),
                   key=lambda f: (not _headline(f), f.get("_founders", 0), -order[id(f)]))
        rep = dict(best)
        names = [f for f in sorted(g, key=lambda f: order[id(f)]) if f["name"]]
        if names:
            # the name as the page writes it in full: a title-case name from a sentence, else any title-case
            # name, else the first ("research institute" then "the Altay Research Institute" -> the latter)
            rep["name"] = next((f["name"] for f in names if _title_case(f["name"]) and not _headline(f)),
                               next((f["name"] for f in names if _title_case(f["name"])), names[0]["name"]))
        for key in ("partner", "date"):
            if not rep.get(key):
                rep[key] = next((f[key] for f in sorted(g, key=lambda f: order[id(f)]) if f.get(key)), None)
        rep.pop("_mention_only", None)
        rep.pop("_weak", None)
        rep.pop("_needs_name", None)
        rep.pop("_located", None)
        out.append(rep)
    for rep in out:
        if rep.pop("_no_partner", False):
            continue
        if rep["partner"] is None and agreements:
            partners = {a["partner"] for a in agreements if a.get("university") == rep["university"] and a.get("partner")}
            if len(partners) == 1:
                rep["partner"] = partners.pop()
        if rep["partner"] is None and not agreements and named_pairs:
            # no agreement on the page, but one other body named with its university ("the facility is a
            # five-year collaboration between NTU and Nanofilm Technologies")
            partners = {p for u, p in named_pairs if u == rep["university"] and p}
            if len(partners) == 1:
                rep["partner"] = partners.pop()
    return out


def _of_its_kind(f: dict, named: list[dict]) -> list[dict]:
    """The names of its type a mention may refer to; of several, those with its own head word ("the hub" is the
    "X Innovation Hub", not the "Centre for Y", though a hub is a centre)."""
    if len(named) <= 1 or not f.get("_head"):
        return named
    same = [m for m in named if m["name"] and name_head(m["name"]) == f["_head"]]
    return same or named


def _described_then_named(groups: list[list[dict]]) -> list[list[dict]]:
    """A body the page first describes in lower case and names in the next platform it tells ("signed an agreement
    to build an innovation platform for marine intelligent equipment. Under the agreement, the three parties will set
    up the Zhuhai Institute of Marine Intelligent Equipment"): one body, under its name and type, when the name holds
    the words of what the description says it is for, at least two of them."""
    out: list[list[dict]] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and not any(f["name"] and _title_case(f["name"]) for f in prev) and any(
                f["name"] and _title_case(f["name"]) and not _headline(f) for f in g):
            first = next((f for f in prev if f["name"]), None)
            desc = first["name"] if first else ""
            field = (re.split(r"\b(?:for|of|on|in)\b", desc, maxsplit=1) + [""])[1]
            ev = first.get("_ev") if first else None
            if not field and ev is not None and desc in ev.text:
                # (the complement the parse left out of the description: "an innovation platform for deep-sea mining")
                after = re.match(r"\s+(?:for|of|on)\s+([^,.;:()]+)", ev.text[ev.text.index(desc) + len(desc):])
                field = after.group(1) if after else ""
            words = _name_words(field)
            name = next(f["name"] for f in g if f["name"] and _title_case(f["name"]))
            have = _name_words(name)
            if len(words) >= 2 and all(has_word(have, w) for w in words):
                for f in prev:
                    f["platform_type"] = g[0]["platform_type"]
                out[-1] = prev + g
                continue
        out.append(g)
    return out


# "Named the X Research Institute, the new body will ...": the name of the body the page told before unnamed
_NAMED_LATER = re.compile(r"\s*(?:Named|Called|Dubbed|Christened)\s+(?:the\s+)?(?P<name>[A-Z][^,]{3,100}?),\s+"
                          r"(?:the|this)\s+(?:new(?:ly[- ]\w+)?\s+)?(?:body|institute|centre|center|lab|laboratory|"
                          r"platform|facility|hub|base|park|alliance|college)\b")


def named_later(text: str, platforms: list[dict]) -> bool:
    """Give the last platform told without a proper name (none, or a description in lower case: "a research
    institute on unmanned aerial vehicles") the name the sentence gives it; True when it did."""
    m = _NAMED_LATER.match(text)
    if not m:
        return False
    last = next((p for p in reversed(platforms) if not p.get("_mention_only")), None)
    if last is None or last["name"] and last["name"][:1].isupper():
        return False
    last["name"] = m.group("name").strip()
    head = name_head(last["name"])
    last["platform_type"] = platform_type(last["name"], head) if head else last["platform_type"]
    return True
