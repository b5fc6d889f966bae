"""Platform facts: bodies set up by a cooperation (institutes, bases, centres, parks, ...).

A platform is named in quotes or in title case with a platform head noun
("XTU Big Data Center", "the \"industry-university-research cooperation
base\""), or as a lower-case noun phrase right after a founding verb
("established a science and technology innovation base"). Its sentence must
say it is being set up or listed as a product of the cooperation: build,
establish, set up, found, launch, unveil, complete, "in partnership with",
"planned to establish", or a list after a count of platforms ("873
cooperation platforms ..., represented by A, B"). Generic phrases ("innovation
platforms", "the new research center") and internal units listed as new
"institutions" are not platforms.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.names import PLATFORM_HEADS, _head

CREATE = re.compile(
    r"\b(?:jointly\s+|co-)?(?:build|builds|built|building|establish|established|establishes|establishing|set up|sets up|"
    r"setting up|set an?|found|founded|founding|launch|launched|launches|unveil|unveiled|unveils|inaugurat\w+|"
    r"construct|constructed|constructing|construction|creat(?:e|ed|es|ing)|open(?:ed|s)?|completed|co-found\w*|"
    r"in partnership with|joined hands|represented by|among them are|such as|planned to establish|plans? to build|"
    r"support the [\w ]+ construction|strengthen the [\w ]+ construction)\b", re.I)
_TYPE_WORDS = [
    ("internship_base", re.compile(r"\b(?:internship|practice|training|teaching) base", re.I)),
    ("research_base", re.compile(r"\b(?:research|innovation|test|testing|experiment\w*|cooperation|r&d|technology|"
                                 r"industrial|production|demonstration) base", re.I)),
    ("institute", re.compile(r"\binstitutes?\b", re.I)),
    ("center", re.compile(r"\bcent(?:er|re)s?\b", re.I)),
    ("industrial_park", re.compile(r"\bparks?\b", re.I)),
    ("workstation", re.compile(r"\bworkstations?\b", re.I)),
    ("college", re.compile(r"\bcolleges?\b", re.I)),
    ("alliance", re.compile(r"\balliances?\b", re.I)),
    ("laboratory", re.compile(r"\b(?:laborator(?:y|ies)|labs?)\b", re.I)),
    ("service_platform", re.compile(r"\bplatforms?\b", re.I)),
]
_TW = r"(?!(?:with|in|at|by|to|for|from|which|that|who|was|were|is|are|will|has|have|on|of|the|a|an|and)\b)[a-z][\w-]*"
_LOWER_NP = re.compile(
    r"(?:\b(?:build|built|building|establish(?:ed)?|set up|set|found(?:ed)?|launch(?:ed)?|construct(?:ed)?|creat(?:e|ed))\s+"
    # "... build the X Institute and a joint laboratory for ...": a second platform in the same object
    r"|\b(?:Institute|Cent(?:er|re)|Base|Park|Laboratory|Platform|College|Alliance|Workstation) and (?=an?\s|the\s))"
    r"(?:(?:a|an|the|its|their)\s+)?(?:first\s+|new\s+)?"
    r"(?P<np>(?:[a-z][\w-]*\s+(?:and\s+)?){0,7}?(?:research institute|institute|cent(?:er|re)|base|park|workstation|"
    # a science town or innovation valley built together (the head alone would be any town)
    r"(?:sci-tech|science|technology|innovation|knowledge|university|high-tech)\s+(?:town|city|valley)|"
    rf"alliance|laboratory|platform|college)(?: (?:for|of|on) (?:{_TW}\s+(?:and\s+)?){{0,3}}{_TW})?)\b")
_PASSIVE_NP = re.compile(
    r"\b(?:[Tt]he|An?) (?P<np>(?:[a-z][\w-]*\s+){1,6}(?:base|cent(?:er|re)|institute|park|platform|alliance|workstation|laboratory)"
    r"(?: of (?:the )?[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,6})?) (?:was|were|has been|have been) (?:officially )?"
    r"(?:completed|established|founded|set up|built|launched|unveiled|opened|inaugurated)\b")
_GLOSS = re.compile(r"\s\([a-z][a-z &-]{2,40}\)(?=\s)")
_GENERIC = {"the", "a", "an", "new", "joint", "research", "innovation", "cooperation", "collaborative", "first",
            "this", "that", "its", "their", "our", "newly", "established", "major", "key", "such", "more", "and",
            "practical", "innovative", "various"}
_NOT_PLATFORM_HEADS = {"school", "academy"}  # schools and academies are places or the university side
_STRIP_PREFIX = re.compile(r"^(?:the\s+)?(?:first\s+)?(?:(?:cooperative|joint)\s+)?(?:construction|establishment|building)\s+of\s+(?:the\s+)?", re.I)
_STRIP_SUFFIX = re.compile(r"\s+(?:project|projects|construction)$", re.I)


def platform_type(name: str) -> str:
    cut = re.search(r"\b(?:base|cent(?:er|re)|institute|park|platform|alliance|workstation|laboratory|college) of\b", name, re.I)
    if cut:
        name = name[:cut.end() - 3]
    low = name.lower()
    head = _head(name)
    if re.search(r"\b(?:valley|town|zone|area|ring|region)\b", head):
        return "other"
    best = None
    for t, pat in _TYPE_WORDS:
        for m in pat.finditer(low):
            if best is None or m.end() > best[0]:
                best = (m.end(), t)
    if best is None:
        return "other"
    if best[1] == "research_base" or best[1] == "internship_base":
        return best[1]
    if re.search(r"\bbase$", low):
        return "other"
    return best[1]


def _is_generic(name: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w&-]+", name)]
    if not words:
        return True
    if words[-1].endswith("s") and words[-1] not in ("alliances",) and words[-1][:-1] in PLATFORM_HEADS:
        return True  # a plural: a kind of platform, not one named body
    content = [w for w in words[:-1] if w not in _GENERIC]
    if name[:1].isupper() or name.startswith('"'):
        return len(words) < 2
    return not content


def _clean_name(name: str) -> str:
    name = name.strip().strip('"').strip()
    name = _STRIP_PREFIX.sub("", name)
    name = _STRIP_SUFFIX.sub("", name)
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return re.sub(r"\s+", " ", name).strip(" ,.")


def extract(v: SentenceView) -> list[dict]:
    s = v.clean
    if not CREATE.search(s):
        return []
    if re.search(r"\b(?:visit(?:ed|s)?|toured)\b", s, re.I) and not re.search(r"\b(?:jointly|established|founded|set up|built)\b", s, re.I):
        return []
    cands: list[tuple[int, int, str, str | None]] = []
    for m in v.mentions:
        if m.kind != "platform" or m.locative:
            continue
        if re.search(r"\b(?:institutions|units|departments),? (?:including|such as)\b", s[:m.start], re.I):
            continue
        # "XTU and the X Service Center built the ...": a co-founder, not the platform
        if re.search(r"\band (?:the )?$", s[:m.start]) and re.match(
                r"\s+(?:jointly\s+)?(?:built|established|set up|founded|launched|signed|carried out|co-founded)\b", s[m.end:]):
            continue
        name = _clean_name(m.name or m.text)
        if (_head(name) not in PLATFORM_HEADS or _head(name) in _NOT_PLATFORM_HEADS) and not m.text.startswith('"'):
            continue
        if m.text.startswith('"') and _head(name) not in PLATFORM_HEADS:
            # a quoted name followed by its head noun: the "mass innovation" strategic alliance
            tail = re.match(r"\s+((?:[a-z][\w-]*\s+){0,3}(?:alliance|base|center|centre|platform|park|institute))\b", s[m.end:])
            if not tail:
                continue
            name = f"{name} {tail.group(1)}"
        cands.append((m.start, m.end, name, m.university))
    plain = s.replace('"', "")
    # a lower-case gloss inside a name ("a sci-tech (science and technology) town") is blanked, keeping offsets
    plain = _GLOSS.sub(lambda g: " " * len(g.group()), plain)
    for m in _PASSIVE_NP.finditer(plain):
        np = _clean_name(m.group("np"))
        if _is_generic(np):
            continue
        cands = [c for c in cands if c[2].lower() not in np.lower()]
        cands.append((m.start("np"), m.end("np"), np, None))
    for m in _LOWER_NP.finditer(plain):
        np = _clean_name(m.group("np"))
        if _is_generic(np):
            continue
        if any(np.lower() in c[2].lower() or c[2].lower() in np.lower() for c in cands):
            continue
        cands.append((m.start("np"), m.end("np"), np, None))
    out = []
    date, _ = v.fact_date()
    seen = set()
    for start, end, name, uni in cands:
        if _is_generic(name) or name.lower() in seen:
            continue
        seen.add(name.lower())
        university = uni
        partner = None
        clause_start = max([0] + [i.end() for i in re.finditer(r";", s[:start])])
        clause_end = min([len(s)] + [start + i.start() for i in re.finditer(r";", s[start:])])
        near = [x for x in v.mentions if x.party and clause_start <= x.start < clause_end]
        if university is None:
            for x in near:
                n, k = v.resolve(x)
                if k == "university" and n:
                    university = n
                    break
        if university is None:
            university = v.main_university()
        for x in near:
            n, k = v.resolve(x)
            if k in ("government", "agency", "ministry", "zone", "enterprise", "org") and n and n != university:
                partner = n
                break
        out.append({"name": name, "platform_type": platform_type(name), "university": university,
                    "partner": partner, "date": date})
    return out
