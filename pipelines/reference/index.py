"""Look-ups over the universities table: names, abbreviations, domains, mentions in text."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

from pipelines.reference.table import (
    _POSSESSIVE_RE,
    _TOKEN_RE,
    GENERATED_SOURCE,
    University,
    _norm_token,
    load_universities,
    normalize_name,
)

# --------------------------------------------------------------------------- index

# Words after "University/Institute/College/Academy of" that show the text names a
# *longer* institution than the one matched ("Beijing University of Civil
# Engineering ..." is not Peking University): such a match is dropped.
_DISCIPLINE_WORDS = frozenset(
    """technology technological science sciences finance financial economics economic engineering
    chinese traditional posts aeronautics astronautics mining petroleum geosciences geology electronic
    electronics information political politics international foreign medicine medical agriculture
    agricultural civil architecture architectural light chemical chemistry arts art fine education
    sport sports physical commerce business forestry water electric electrical industry industrial law
    media communication communications nationalities minorities transport transportation
    telecommunications applied mechanical textile textiles aviation maritime ocean marine health
    pharmacy pharmaceutical management environmental energy humanities nursing language languages
    journalism music design statistics accounting tourism administration mines metallurgy
    shipbuilding resources hydraulic power broadcasting petrochemical surveying mathematics physics
    biology veterinary animal social public urban construction nationalities minzu""".split()
)
# "X University for Nationalities" is not "X University" either.
_LONGER_NAME_LINKS = frozenset({"of", "for"})
# A capitalised compass word right before a match ("South China Agricultural ...",
# "North China University of ...") means the text names a longer institution.
_COMPASS_WORDS = frozenset(
    """north south east west northeast northwest southeast southwest central northern southern
    eastern western""".split()
)
# Abbreviations that are common English/technical acronyms: never taken as a
# mention in running text by find_all(abbreviations=True) (by_abbreviation
# still answers them).
_AMBIGUOUS_ABBREVIATIONS = frozenset(
    """CPU BIT HIT CAS CAE CAA PSU HUT LUT DUT IMU NPU CSU HEU UPC WUT NCU TMU""".split()
)
_INSTITUTION_HEADS = frozenset({"university", "institute", "college", "academy"})
# A single-word alias ("Tsinghua", "Nankai") followed by one of these names
# something else (Nankai District, Tongji Hospital, Tsinghua Unigroup).
_SINGLE_WORD_STOP = frozenset(
    """district county city town village road street avenue hospital hospitals holdings holding
    group co company corporation corp unigroup tongfang microelectronics park middle high primary
    school medical bridge station""".split()
)
# Characters allowed between two words of one name (no sentence punctuation).
_GAP_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014,()]*\n?[ \t\u00a0\-\u2010\u2011\u2012\u2013\u2014,()]*")


# Words that may precede a name in running text or a headline without making it
# part of a longer name ("with Monash University", "The University of Melbourne").
_LEAD_OK = frozenset(
    """the a an and or with of for at in on to from by between both including signed signs sign
    visited visits visit joined joins join its their our his her as like than via hosts hosted host
    meets met meet welcomes welcomed welcome inks inked launches launched partners partnered teams
    receives received thanks says said tells told cooperates cooperated""".split()
)
# First words of generic names in the world list ("National University", "City
# University", "University of Science and Technology"): such a name right after a
# capitalised word is the tail of a longer, unknown name ("Kyung Hee ... ",
# "Chengdu University of Information Technology") and is not taken.
_GENERIC_LEADS = frozenset(
    """university universidad universidade université universitas college institute school academy
    national state city central open international american european technical metropolitan global
    united free new catholic christian islamic royal polytechnic federal public applied science
    medical arab western eastern northern southern north south east west""".split()
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CHINA_RE = re.compile(r"\b(?:China|Chinese|PRC)\b")
# Generic top-level domains taken as a country by resolve_abbreviation.
_TLD_COUNTRY = {"uk": "GB", "edu": "US", "gov": "US", "mil": "US"}

_Terminal = tuple  # (University, single_word_alias, capital mask or None)


class UniversityIndex:
    """Lookups by name/alias, abbreviation and web domain, and mention search in text."""

    def __init__(self, universities: Iterable[University]):
        self.universities: tuple[University, ...] = tuple(universities)
        self._label_rows: dict[str, list[University]] | None = None  # domain first label -> rows (built on first use)
        self._by_name: dict[str, University] = {}
        self._by_abbr: dict[str, tuple[University, ...]] = {}
        self._by_domain: dict[str, University] = {}
        # token trie (built lazily): token -> child node; key None holds the terminal
        # (University, is_single_word_alias, capital mask or None)
        self._abbr_tokens: dict[str, tuple[University, ...]] = {}
        by_name = self._by_name
        derived_seen: dict[str, tuple[University, str] | None] = {}
        self._labels: list[tuple[str, str, University, bool]] = []  # (key, label, row, is alias) for the trie
        for u in self.universities:
            for i, label in enumerate((u.name, *u.aliases)):
                key = normalize_name(label)
                if not key or key in by_name:
                    continue
                by_name[key] = u
                self._labels.append((key, label, u, i > 0))
            for label in short_names(u.name, u.country):
                key = normalize_name(label)
                if key and key not in by_name and key not in derived_seen:
                    derived_seen[key] = (u, label)
                elif key in derived_seen and derived_seen[key] and derived_seen[key][0] is not u:
                    derived_seen[key] = None  # two rows give the same short name: neither gets it
            for abbr in u.abbreviations:
                k = abbr.upper()
                if u not in self._by_abbr.get(k, ()):
                    self._by_abbr[k] = self._by_abbr.get(k, ()) + (u,)
                if u not in self._abbr_tokens.get(abbr, ()):
                    self._abbr_tokens[abbr] = self._abbr_tokens.get(abbr, ()) + (u,)
            for dom in u.domains:
                self._by_domain.setdefault(dom.lower(), u)
        for abbr, u in domain_abbreviations(self.universities, taken=set(self._by_abbr)).items():
            self._by_abbr[abbr] = (u,)
            self._abbr_tokens[abbr] = (u,)
        for key, found in derived_seen.items():
            if found is not None and key not in by_name:
                by_name[key] = found[0]
                self._labels.append((key, found[1], found[0], True))
        self._trie: dict | None = None  # built on the first find_all

    def _build_trie(self) -> dict:
        trie: dict = {}
        for key, label, u, is_alias in self._labels:
            toks = key.split(" ")
            generated = u.source == GENERATED_SOURCE
            if generated and len(toks) == 1:
                continue  # one-word names of the world list ("Morehouse", "INSEAD"): by_name only
            mask = _capital_mask(label, len(toks)) if generated else None
            node = trie
            for t in toks:
                node = node.setdefault(t, {})
            node.setdefault(None, (u, is_alias and len(toks) == 1, mask))
        return trie

    @classmethod
    @functools.cache
    def default(cls) -> UniversityIndex:
        """The index over the packaged table, built once per process."""
        return cls(load_universities())

    # ------------------------------------------------------------------ lookups

    def by_name(self, text: str) -> University | None:
        """Exact name or alias, ignoring case, whitespace, punctuation, apostrophes and a leading "the"."""
        if not text:
            return None
        return self._by_name.get(normalize_name(text))

    # ------------------------------------------------------------------ families of campuses

    @functools.cached_property
    def _families(self) -> dict[str, str]:
        """Generic names that three or more rows share before a place ("Indian Institute of Technology, Delhi",
        "National Institute of Technology Calicut", "University of California, Davis"), with their initials
        ("IIT", "NIT", "UC"): the family a campus the table does not list belongs to."""
        counts: dict[str, int] = {}
        for u in self.universities:
            # (the table joins a family's name and its campus's place as "X, P", "X - P" or "X at P")
            joined = re.match(r"(.+?)(, | [-\u2013] | at )(.+)$", u.name)
            generic, sep, place = joined.groups() if joined else (u.name, "", "")
            if not sep:
                m = re.fullmatch(r"(.+ (?:Technology|Management|Science|Sciences|Research|University)) "
                                 r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)", u.name)
                if not m:
                    continue
                generic, place = m.groups()
            if re.fullmatch(r"[A-Z][\w']*(?: [A-Z][\w']*| of| and| for)*", generic) and re.fullmatch(
                    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", place) and re.search(r"\b(?:University|Institute|College)\b",
                                                                          generic) and len(generic.split()) >= 2:
                counts[generic] = counts.get(generic, 0) + 1
        out = {}
        for generic, n in counts.items():
            if n >= 3:
                # (two letters are too common a word to mean a campus by themselves: "UN", "EU", "UT"; find_campuses
                # takes them only before a place the table lists: "UW-Madison", "UC Davis")
                initials = "".join(w[0] for w in generic.split() if w.lower() not in _ACRONYM_SKIP)
                out[generic] = initials if len(initials) >= 2 and initials.isupper() else ""
        return out

    def find_campuses(self, text: str) -> list[tuple[int, int, str]]:
        """Campuses of a family the table may not list, as (start, end, name): "Indian Institute of Technology
        Dharwad", "IIT Dharwad" and "Indian Institute of Technology (IIT) Dharwad" -> the table's row when it has one, else "Indian Institute of Technology
        Dharwad" (how the newer campuses are named). The place is one capitalised word, or two when the table
        knows the pair."""
        out = []
        for generic, initials in self._families.items():
            forms = [re.escape(generic) + r"(?:,\s*|\s+(?:[-\u2013]\s*|at\s+|in\s+)?)"]
            if initials:
                forms.append(rf"\b{initials}[\s-]")
                # the page's abbreviation between the two: "Indian Institute of Technology (IIT) Palakkad"
                forms.append(re.escape(generic) + rf"\s*\({initials}\)\s+")
            for form in forms:
                for m in re.finditer(rf"(?<![\w-]){form}(?P<p>[A-Z][a-z]{{2,}})(?: (?P<q>[A-Z][a-z]{{2,}}))?", text):
                    place, end = m.group("p"), m.end("p")
                    before = re.search(r"([A-Z][\w'.-]*) $", text[max(0, m.start() - 30):m.start()])
                    if place in _NOT_PLACES or before and before.group(1) not in ("The", "A", "An"):
                        continue  # "Medical University Hospital"; "Hebei Medical University" is a name of its own
                    two = f"{place} {m.group('q')}" if m.group("q") else None
                    row = self.campus_row(generic, two) if two else None
                    if row is not None:
                        end = m.end("q")
                    else:
                        row = self.campus_row(generic, place)
                    if row is None and len(initials) < 3 and not form.startswith(re.escape(generic)):
                        continue  # "UN Women", "UT Lecture": two letters name a campus only the table lists
                    if row is None and re.search(r"\s(?:in|at)\s|,", text[m.start():m.start("p")]):
                        # "Purdue University in August": "in" names a campus only the table lists; so does a comma
                        # ("Purdue University, Cummins Inc. and ...": a list of signers)
                        continue
                    out.append((m.start(), end, row.name if row is not None else f"{generic} {place}"))
        return sorted(out)

    def campus_row(self, generic: str, place: str) -> University | None:
        """The table's row for a family's campus, however the table joins the two ("University of California, Davis",
        "University of Wisconsin - Madison", "University of Texas at Austin", "National Institute of Technology
        Calicut")."""
        return next((row for sep in (", ", " ", " - ", " at ") if (row := self.by_name(f"{generic}{sep}{place}"))),
                    None)

    @staticmethod
    def _abbr_key(abbr: str) -> str:
        key = abbr.strip().strip("()[]'\"\u2019\u2018.,;:").upper()
        if key.endswith("'S") or key.endswith("\u2019S"):
            key = key[:-2]
        return key

    def by_abbreviation(self, abbr: str) -> University | None:
        """Abbreviation ("XTU", "SUSTech"), compared upper-case; surrounding punctuation ignored.

        None when no row or several rows use it (see :meth:`resolve_abbreviation`).
        """
        if not abbr:
            return None
        cands = self._by_abbr.get(self._abbr_key(abbr), ())
        return cands[0] if len(cands) == 1 else None

    def abbreviation_candidates(self, abbr: str) -> tuple[University, ...]:
        """Every row using the abbreviation (upper-case compare), in table order."""
        return self._by_abbr.get(self._abbr_key(abbr), ()) if abbr else ()

    def resolve_abbreviation(
        self, abbr: str, *, page_url: str | None = None, context: str | None = None
    ) -> University | None:
        """The university an abbreviation means on a page, or None when it stays ambiguous.

        A unique abbreviation is its row. A shared one (HUST: Huazhong / Hanoi;
        TJU: Tianjin / Tongji; NTU: Nanyang / Nottingham Trent / National Taiwan)
        is decided, in this order, by

        1. the page's own domain: the candidate whose domain the URL is on;
        2. the context text: the one candidate whose full name or alias it names;
        3. the country: the one candidate of the country of the page's domain
           (``.cn`` -> CN, ``.uk`` -> GB, ``.edu`` -> US, other two-letter TLDs
           as they are), else the one Chinese candidate when the context is
           Chinese (Chinese characters, "China"/"Chinese", a Chinese
           university or a Chinese province or city named in it).
        """
        cands = self.abbreviation_candidates(abbr)
        if len(cands) <= 1:
            return cands[0] if cands else None
        named = {id(u): u for *_, u in self.find_all(context)} if context else {}
        return self._pick(cands, page_url, context, named)

    def resolve_short_label(self, label: str, *, page_url: str | None = None) -> University | None:
        """The university a short label means, by its abbreviation or its domain's first label ("CQU" of the brand
        "CQUniversity": cqu.edu.au), decided as ``resolve_abbreviation`` decides shared ones."""
        if self._label_rows is None:
            rows: dict[str, list[University]] = {}
            for u in self.universities:
                for d in u.domains:
                    rows.setdefault(d.split(".")[0].lower(), []).append(u)
            self._label_rows = rows
        cands = tuple(dict.fromkeys([*self.abbreviation_candidates(label), *self._label_rows.get(label.lower(), ())]))
        if len(cands) <= 1:
            return cands[0] if cands else None
        return self._pick(cands, page_url, None, {})

    def _pick(
        self, cands: tuple[University, ...], page_url: str | None, context: str | None, named: dict[int, University]
    ) -> University | None:
        # ``named``: the rows named in the context, by id (rows are hashed by all their fields otherwise)
        if page_url:
            u = self.by_domain(page_url)
            if u is not None and u in cands:
                return u
        hits = [c for c in cands if id(c) in named]
        if len(hits) == 1:
            return hits[0]
        country = _country_of_host(_host_of(page_url)) if page_url else None
        if country:
            hits = [c for c in cands if c.country == country]
            if len(hits) == 1:
                return hits[0]
        if context and (
            any(u.country == "CN" for u in named.values())
            or _CHINA_RE.search(context)
            or _CJK_RE.search(context)
            or _names_chinese_place(context)
        ):
            hits = [c for c in cands if c.country == "CN"]
            if len(hits) == 1:
                return hits[0]
        return None

    def by_domain(self, host_or_url: str) -> University | None:
        """A URL or host name; matches a table domain or any sub-domain of it (dot boundary)."""
        host = _host_of(host_or_url)
        if not host:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            u = self._by_domain.get(".".join(labels[i:]))
            if u is not None:
                return u
        return None

    def get(self, name: str) -> University | None:
        """by_name, then by_abbreviation: for a string that is one or the other."""
        return self.by_name(name) or self.by_abbreviation(name)

    # ------------------------------------------------------------------ mentions

    def find_all(
        self, text: str, *, abbreviations: bool = False, page_url: str | None = None
    ) -> list[tuple[int, int, University]]:
        """Every non-overlapping mention of a name or alias in ``text``, in order.

        Returns ``(start, end, university)`` with ``text[start:end]`` the mention
        (without a leading "the" or a trailing possessive "'s").  Matching is on
        whole words, ignores case, apostrophes ("Xi’an" = "Xi'an" = "Xian") and
        punctuation between words; the longest name wins ("Shanxi University of
        Finance and Economics" is not "Shanxi University").  A match followed by
        "of <discipline>" ("Beijing University of Civil Engineering") is dropped as
        a longer, unknown name.  Names compiled from the world list match only
        when their capitalised words are capitalised in the text, and a generic
        one ("National University") not right after another capitalised word.
        With ``abbreviations=True`` upper-case abbreviations ("XTU", "XTU's") are
        found too (exact case), except a few that are common acronyms in English
        ("CPU", "BIT", "CAS", "PSU"); an abbreviation several rows share is
        resolved by :meth:`resolve_abbreviation` with ``page_url`` and the text
        itself as context, and left out when it stays ambiguous.
        """
        if not text:
            return []
        spans: list[tuple[str, int, int]] = []
        for m in _TOKEN_RE.finditer(text):
            raw = m.group()
            s, e = m.span()
            if raw.isalnum():
                spans.append((raw.lower(), s, e))
                continue
            if len(raw) > 2 and _POSSESSIVE_RE.search(raw):
                e -= 2
                raw = raw[:-2]
            spans.append((_norm_token(raw), s, e))
        out: list[tuple[int, int, University]] = []
        pending: list[tuple[int, tuple[int, int, tuple[University, ...]]]] = []  # ambiguous abbreviations
        trie = self._trie
        if trie is None:
            trie = self._trie = self._build_trie()
        n = len(spans)
        i = 0
        while i < n:
            tok, s, e = spans[i]
            hit = None
            node = trie.get(tok)
            if node is not None:
                terminals: list[tuple[int, _Terminal]] = []
                j = i
                while True:
                    term = node.get(None)
                    if term is not None:
                        terminals.append((j - i + 1, term))
                    j += 1
                    if j >= n:
                        break
                    nxt_node = node.get(spans[j][0])
                    if nxt_node is None or not _GAP_RE.fullmatch(text, spans[j - 1][2], spans[j][1]):
                        break
                    node = nxt_node
                for L, (u, single_alias, mask) in reversed(terminals):
                    if self._accept(text, spans, i, L, u, single_alias, mask):
                        hit = (L, u)
                        break
            if hit is not None:
                L, u = hit
                end = spans[i + L - 1][2]
                if not _in_url(text, s, end):
                    out.append((s, end, u))
                    i += L
                    continue
            if abbreviations:
                raw = text[s:e]
                cands = self._abbr_tokens.get(raw)
                if cands and raw not in _AMBIGUOUS_ABBREVIATIONS and not _in_url(text, s, e):
                    if len(cands) == 1:
                        out.append((s, e, cands[0]))
                    else:
                        pending.append((len(out), (s, e, cands)))
                        out.append((s, e, cands[0]))  # placeholder, resolved below
            i += 1
        if pending:
            pending_pos = {p for p, _ in pending}
            named = {id(u): u for k, (_, _, u) in enumerate(out) if k not in pending_pos}
            chosen: dict[int, University | None] = {}  # by id of the candidates tuple
            drop = set()
            for pos, (s, e, cands) in pending:
                if id(cands) not in chosen:
                    chosen[id(cands)] = self._pick(cands, page_url, text, named)
                u = chosen[id(cands)]
                if u is None:
                    drop.add(pos)
                else:
                    out[pos] = (s, e, u)
            if drop:
                out = [m for k, m in enumerate(out) if k not in drop]
        return out

    @staticmethod
    def _accept(text: str, spans: list, i: int, L: int, u: University, single_alias: bool, mask) -> bool:
        n = len(spans)
        toks_last = spans[i + L - 1][0]
        nxt = spans[i + L][0] if i + L < n else None
        nxt2 = spans[i + L + 1][0] if i + L + 1 < n else None
        if single_alias and nxt in _SINGLE_WORD_STOP:
            return False
        if toks_last in _INSTITUTION_HEADS and nxt in _LONGER_NAME_LINKS and nxt2 in _DISCIPLINE_WORDS:
            return False
        s = spans[i][1]
        if i > 0 and spans[i - 1][0] in _COMPASS_WORDS:
            ps, pe = spans[i - 1][1], spans[i - 1][2]
            if text[ps].isupper() and _GAP_RE.fullmatch(text, pe, s):
                return False
        if mask is not None:
            for j in range(L):
                if mask[j] and not text[spans[i + j][1]].isupper():
                    return False
            if spans[i][0] in _GENERIC_LEADS:
                if i > 0:
                    ps, pe = spans[i - 1][1], spans[i - 1][2]
                    if (
                        text[ps].isupper()
                        and spans[i - 1][0] not in _LEAD_OK
                        and text[pe:s].strip(" \t\u00a0") == ""
                    ):
                        return False
                # a two-word generic name followed by a capitalised word heads a longer
                # name ("the National University Foundation")
                if L <= 2 and nxt is not None:
                    ns = spans[i + L][1]
                    if text[ns].isupper() and text[spans[i + L - 1][2]:ns].strip(" \t\u00a0") == "":
                        return False
        return True


_WORD_RE = re.compile(r"\b[A-Z][a-z]{3,}(?:'[a-z]+)?\b")


# capitalised words after a university's generic name that are no campus's place
_NOT_PLACES = frozenset({"Hospital", "Institute", "College", "School", "Press", "Library", "Center", "Centre", "Campus",
                         "Professor", "President", "Director", "Dean", "Chancellor", "Foundation", "Research", "Park",
                         "Students", "Alumni", "Board", "Council", "Senate", "System", "Faculty", "Department",
                         "Graduate", "Medical", "Law", "Business", "Health", "Extension", "Online", "Global"})

_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "at", "in", "de", "&"})


_FOREIGN_UNIVERSITY = re.compile(r"\b(?:Universität|Universiteit|Universitet)\b")


def domain_abbreviations(universities: Iterable[University], taken: set[str]) -> dict[str, University]:
    """Short names a university's web domain gives ("POSTECH" of postech.ac.kr, "KAIST" of kaist.ac.kr, "SWUST" of
    swust.edu.cn): the domain's first label in capitals, when it is 5-8 letters, no word of the university's own
    names (indiana.edu, auburn.edu are places, not short names), used by no other row, and no abbreviation the
    table already lists. Matched in text only as written in capitals."""
    seen: dict[str, University | None] = {}
    for u in universities:
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", " ".join((u.name, *u.aliases)))}
        for dom in u.domains:
            label = dom.lower().split(".")[0]
            if not (label.isalpha() and 5 <= len(label) <= 8) or label in words:
                continue
            key = label.upper()
            if key in taken:
                continue
            seen[key] = u if seen.get(key, u) is u else None  # (two rows' label: neither gets it)
    return {k: u for k, u in seen.items() if u is not None}


def short_names(name: str, country: str | None = None) -> list[str]:
    """Short forms the press uses for a university, derived from its official name:

    * "<Generic name>, <Place>" -> "<initials> <Place>": "Indian Institute of Technology, Delhi" ->
      "IIT Delhi", "University of California, Berkeley" -> "UC Berkeley";
    * "<Place> University of Technology" / "Technical University of <Place>" -> "TU <Place>" ("TU Delft").

    Each keeps the place word, so it cannot be mistaken for a common acronym; a short form two rows share
    is given to neither (see UniversityIndex)."""
    out = []
    generic, sep, place = name.partition(", ")
    if sep and re.fullmatch(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)?", place):
        initials = "".join(w[0] for w in generic.split() if w.lower() not in _ACRONYM_SKIP)
        if len(initials) >= 2 and initials.isupper() and initials.isalpha() and initials not in ("IT", "US", "UK", "AI"):
            out.append(f"{initials} {place}")
    # a name in its own language, as English pages write it: "Otto-von-Guericke Universität Magdeburg" ->
    # "Otto von Guericke University Magdeburg" (the word for university translated in place, the hyphens of a
    # person's name dropped)
    if _FOREIGN_UNIVERSITY.search(name):
        english = _FOREIGN_UNIVERSITY.sub("University", name)
        out.append(re.sub(r"(?<=[a-z])-(?=[A-Za-z])", " ", english))
    m = re.fullmatch(r"(?P<p>[A-Z][\w'-]*) University of Technology|Technical University of (?P<q>[A-Z][\w'-]*)", name)
    if m and country not in ("CN", "HK", "MO", "TW"):  # a European usage; Chinese pages never say "TU Dalian"
        out.append(f"TU {m.group('p') or m.group('q')}")
    return out


@functools.cache
def _chinese_place_words() -> frozenset[str]:
    """One-word names of China's province- and prefecture-level divisions."""
    from pipelines.reference.divisions import load_divisions  # lazy: divisions imports this package

    words = set()
    for d in load_divisions():
        if d.level in ("county_city", "district"):
            continue  # too many of these are also places abroad ("Jurong", Singapore)
        for n in (d.name, *d.aliases):
            if " " not in n and len(n) >= 4:
                words.add(n)
    # Taiwan and Macao are no evidence for a mainland candidate; the others are also English words
    return frozenset(words - {"Taiwan", "Macao", "Macau", "Canton", "Dali"})


def _names_chinese_place(text: str) -> bool:
    """Does the text name a Chinese province or city ("Chengdu", "Sichuan", "Xi'an"), capitalised?"""
    places = _chinese_place_words()
    return any(m.group() in places for m in _WORD_RE.finditer(text))


def _capital_mask(label: str, n: int) -> tuple[bool, ...] | None:
    """Which tokens of a name must be capitalised in text (those capitalised in the name)."""
    raw = _TOKEN_RE.findall(label if label.isascii() else unicodedata.normalize("NFKC", label))
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    if len(raw) != n:
        return None
    return tuple(t[:1].isupper() for t in raw)


def _country_of_host(host: str) -> str | None:
    if not host or "." not in host:
        return None
    tld = host.rsplit(".", 1)[1]
    if tld in _TLD_COUNTRY:
        return _TLD_COUNTRY[tld]
    if len(tld) == 2 and tld.isalpha():
        return tld.upper()
    return None


# an e-mail address has a dotted domain after "@"; "Rolls-Royce@NTU" (a corporate lab's name) is no address
_URL_MARK_RE = re.compile(r"://|www\.|\.(?:com|cn|org|net|edu|gov|htm|html|shtml)\b|@[\w-]+\.[\w.-]+", re.IGNORECASE)


def _in_url(text: str, start: int, end: int) -> bool:
    """Is text[start:end] part of a URL, e-mail address or path (no whitespace around it)?"""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    n = len(text)
    while hi < n and not text[hi].isspace():
        hi += 1
    if lo == start and hi == end:
        return False
    return _URL_MARK_RE.search(text, lo, hi) is not None


def _host_of(host_or_url: str) -> str:
    value = (host_or_url or "").strip()
    if not value:
        return ""
    if "//" not in value:
        value = "//" + value
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".").lower()
    return host
