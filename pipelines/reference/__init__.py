"""Reference data: Chinese (and a few foreign) universities and research academies.

Plain Python, no Dagster.  The table lives in ``universities.csv`` next to this
file (see README.md for columns and provenance).  The extractor uses
:class:`UniversityIndex` to turn the many spellings met in English-language
pages ("Shanghai Jiaotong University", "Qinghua University", "XTU",
"en.xtu.edu.cn") into the canonical official English name.

    >>> idx = UniversityIndex.default()
    >>> idx.by_name("shanghai jiaotong university").name
    'Shanghai Jiao Tong University'
    >>> idx.by_domain("https://en.xtu.edu.cn/english/").name
    'Xiangtan University'
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "DEFAULT_PATH",
    "ReferenceDataError",
    "University",
    "UniversityIndex",
    "load_universities",
    "normalize_name",
]

DEFAULT_PATH = Path(__file__).with_name("universities.csv")

COLUMNS = (
    "name",
    "abbreviations",
    "aliases",
    "domains",
    "province",
    "city",
    "country",
    "double_first_class",
    "type",
    "source",
)
REQUIRED_COLUMNS = ("name", "abbreviations", "aliases", "domains", "double_first_class", "type")
TYPES = frozenset({"university", "research_academy"})
_BOOL = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False, "": False}


class ReferenceDataError(ValueError):
    """A bad row or file in the reference table; the message names file and line."""


@dataclass(frozen=True)
class University:
    name: str
    abbreviations: tuple[str, ...]
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    province: str | None
    city: str | None
    country: str | None
    double_first_class: bool
    type: str


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4\u2032"
_APOS_CLASS = re.escape(_APOSTROPHES)
# A word: letters/digits, possibly with inner apostrophes (Xi'an, Chang'an); "&" is its own word.
_TOKEN_RE = re.compile(rf"[^\W_]+(?:[{_APOS_CLASS}][^\W_]+)*|&")
_APOS_RE = re.compile(rf"[{_APOS_CLASS}]")
_POSSESSIVE_RE = re.compile(rf"[{_APOS_CLASS}]s$", re.IGNORECASE)
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_ABBR_RE = re.compile(r"^[A-Za-z][A-Za-z0-9&-]{1,15}$")


def _norm_token(tok: str) -> str:
    if tok.isalnum():
        return tok.lower()
    if tok == "&":
        return "and"
    tok = _POSSESSIVE_RE.sub("", tok)
    return _APOS_RE.sub("", tok).lower()


def _tokens(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text)
    return tuple(_norm_token(m.group()) for m in _TOKEN_RE.finditer(text))


def normalize_name(text: str) -> str:
    """Case-, whitespace-, punctuation- and apostrophe-insensitive key; a leading "the" is dropped.

    "The Xi’an Jiaotong University" -> "xian jiaotong university"; "A&F" -> "a and f".
    """
    toks = _tokens(text)
    if toks and toks[0] == "the":
        toks = toks[1:]
    return " ".join(toks)


# --------------------------------------------------------------------------- loading


def _split(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(p.strip() for p in value.split(";") if p.strip())


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def load_universities(path: str | Path | None = None) -> tuple[University, ...]:
    """Read and validate the universities CSV (default: the packaged table).

    Raises :class:`ReferenceDataError` naming the file and line of the first bad
    row: missing name, duplicate name (also after normalisation), an alias equal
    to another row's name or alias, an abbreviation or domain used by two rows,
    a malformed domain/abbreviation/country, an unknown ``type`` or a
    non-boolean ``double_first_class``.
    """
    p = Path(path) if path is not None else DEFAULT_PATH
    try:
        fh = p.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReferenceDataError(f"{p}: cannot read reference table: {exc}") from exc
    with fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise ReferenceDataError(f"{p}:1: missing column(s) {', '.join(missing)} (header: {header})")
        out: list[University] = []
        names: dict[str, tuple[int, str]] = {}  # normalised name/alias -> (line, canonical name)
        abbrs: dict[str, tuple[int, str]] = {}
        domains: dict[str, tuple[int, str]] = {}
        try:
            for row in reader:
                line = reader.line_num
                where = f"{p}:{line}"
                if None in row:
                    raise ReferenceDataError(f"{where}: too many fields ({len(header) + len(row[None])} > {len(header)})")
                if all(not (v or "").strip() for v in row.values()):
                    continue  # blank line
                name = _clean(row.get("name"))
                if not name:
                    raise ReferenceDataError(f"{where}: missing name")
                key = normalize_name(name)
                if not key:
                    raise ReferenceDataError(f"{where}: name {name!r} has no letters")
                if key in names:
                    other_line, other = names[key]
                    raise ReferenceDataError(
                        f"{where}: duplicate name {name!r} (same as {other!r} on line {other_line})"
                    )
                names[key] = (line, name)
                aliases = _split(row.get("aliases"))
                for alias in aliases:
                    akey = normalize_name(alias)
                    if not akey:
                        raise ReferenceDataError(f"{where}: alias {alias!r} of {name!r} has no letters")
                    if akey in names and names[akey][1] != name:
                        other_line, other = names[akey]
                        raise ReferenceDataError(
                            f"{where}: alias {alias!r} of {name!r} already names {other!r} (line {other_line})"
                        )
                    names[akey] = (line, name)
                abbreviations = _split(row.get("abbreviations"))
                for abbr in abbreviations:
                    if not _ABBR_RE.match(abbr):
                        raise ReferenceDataError(f"{where}: bad abbreviation {abbr!r} of {name!r}")
                    k = abbr.upper()
                    if k in abbrs and abbrs[k][1] != name:
                        raise ReferenceDataError(
                            f"{where}: abbreviation {abbr!r} of {name!r} is also used by "
                            f"{abbrs[k][1]!r} (line {abbrs[k][0]})"
                        )
                    abbrs[k] = (line, name)
                doms = tuple(d.lower() for d in _split(row.get("domains")))
                for dom in doms:
                    if not _DOMAIN_RE.match(dom):
                        raise ReferenceDataError(f"{where}: bad domain {dom!r} of {name!r} (want e.g. xtu.edu.cn)")
                    if dom in domains and domains[dom][1] != name:
                        raise ReferenceDataError(
                            f"{where}: domain {dom!r} of {name!r} is also used by "
                            f"{domains[dom][1]!r} (line {domains[dom][0]})"
                        )
                    domains[dom] = (line, name)
                dfc_raw = (row.get("double_first_class") or "").strip().lower()
                if dfc_raw not in _BOOL:
                    raise ReferenceDataError(
                        f"{where}: double_first_class must be true or false, got {row.get('double_first_class')!r}"
                    )
                typ = (row.get("type") or "").strip() or "university"
                if typ not in TYPES:
                    raise ReferenceDataError(f"{where}: type must be one of {sorted(TYPES)}, got {typ!r}")
                country = _clean(row.get("country"))
                if country is not None:
                    if not re.fullmatch(r"[A-Za-z]{2}", country):
                        raise ReferenceDataError(f"{where}: country must be an ISO 3166 alpha-2 code, got {country!r}")
                    country = country.upper()
                out.append(
                    University(
                        name=name,
                        abbreviations=abbreviations,
                        aliases=aliases,
                        domains=doms,
                        province=_clean(row.get("province")),
                        city=_clean(row.get("city")),
                        country=country,
                        double_first_class=_BOOL[dfc_raw],
                        type=typ,
                    )
                )
        except csv.Error as exc:
            raise ReferenceDataError(f"{p}:{reader.line_num}: malformed CSV: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"{p}: not UTF-8: {exc}") from exc
    return tuple(out)


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


class UniversityIndex:
    """Lookups by name/alias, abbreviation and web domain, and mention search in text."""

    def __init__(self, universities: Iterable[University]):
        self.universities: tuple[University, ...] = tuple(universities)
        self._by_name: dict[str, University] = {}
        self._by_abbr: dict[str, University] = {}
        self._by_domain: dict[str, University] = {}
        # first token -> list of (token tuple, University, is_single_word_alias), longest first
        self._phrases: dict[str, list[tuple[tuple[str, ...], University, bool]]] = {}
        self._abbr_tokens: dict[str, University] = {}
        for u in self.universities:
            for i, label in enumerate((u.name, *u.aliases)):
                key = normalize_name(label)
                if not key:
                    continue
                self._by_name.setdefault(key, u)
                toks = tuple(key.split(" "))
                single_alias = i > 0 and len(toks) == 1
                self._phrases.setdefault(toks[0], []).append((toks, u, single_alias))
            for abbr in u.abbreviations:
                self._by_abbr.setdefault(abbr.upper(), u)
                self._abbr_tokens.setdefault(abbr, u)
            for dom in u.domains:
                self._by_domain.setdefault(dom.lower(), u)
        for cands in self._phrases.values():
            cands.sort(key=lambda c: -len(c[0]))

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

    def by_abbreviation(self, abbr: str) -> University | None:
        """Abbreviation ("XTU", "SUSTech"), compared upper-case; surrounding punctuation ignored."""
        if not abbr:
            return None
        key = abbr.strip().strip("()[]'\"\u2019\u2018.,;:").upper()
        if key.endswith("'S") or key.endswith("\u2019S"):
            key = key[:-2]
        return self._by_abbr.get(key)

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

    def find_all(self, text: str, *, abbreviations: bool = False) -> list[tuple[int, int, University]]:
        """Every non-overlapping mention of a name or alias in ``text``, in order.

        Returns ``(start, end, university)`` with ``text[start:end]`` the mention
        (without a leading "the" or a trailing possessive "'s").  Matching is on
        whole words, ignores case, apostrophes ("Xi’an" = "Xi'an" = "Xian") and
        punctuation between words; the longest name wins ("Shanxi University of
        Finance and Economics" is not "Shanxi University").  A match followed by
        "of <discipline>" ("Beijing University of Civil Engineering") is dropped as
        a longer, unknown name.  With ``abbreviations=True`` upper-case
        abbreviations ("XTU", "XTU's") are found too (exact case), except a few
        that are common acronyms in English ("CPU", "BIT", "CAS", "PSU").
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
        n = len(spans)
        i = 0
        while i < n:
            tok, s, e = spans[i]
            hit = None
            for toks, u, single_alias in self._phrases.get(tok, ()):
                L = len(toks)
                if i + L > n:
                    continue
                ok = True
                for j in range(1, L):
                    if spans[i + j][0] != toks[j] or not _GAP_RE.fullmatch(text, spans[i + j - 1][2], spans[i + j][1]):
                        ok = False
                        break
                if not ok:
                    continue
                nxt = spans[i + L][0] if i + L < n else None
                nxt2 = spans[i + L + 1][0] if i + L + 1 < n else None
                if single_alias and nxt in _SINGLE_WORD_STOP:
                    continue
                if toks[-1] in _INSTITUTION_HEADS and nxt in _LONGER_NAME_LINKS and nxt2 in _DISCIPLINE_WORDS:
                    continue
                if i > 0 and spans[i - 1][0] in _COMPASS_WORDS:
                    ps, pe = spans[i - 1][1], spans[i - 1][2]
                    if text[ps].isupper() and _GAP_RE.fullmatch(text, pe, s):
                        continue
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
                u = self._abbr_tokens.get(raw)
                if u is not None and raw not in _AMBIGUOUS_ABBREVIATIONS and not _in_url(text, s, e):
                    out.append((s, e, u))
            i += 1
        return out


_URL_MARK_RE = re.compile(r"://|www\.|\.(?:com|cn|org|net|edu|gov|htm|html|shtml)\b|@", re.IGNORECASE)


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
