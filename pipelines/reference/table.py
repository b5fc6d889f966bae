"""The universities table: its row type, name normalisation and the validating loader.

Plain Python, no Dagster; see README.md for columns and provenance.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

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
TYPES = frozenset({"university", "research_academy", "research_institute"})
# ``source`` of the rows compiled from the world list by sources/build_universities.py
GENERATED_SOURCE = "world-domains"
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
    source: str | None = None

    @property
    def generated(self) -> bool:
        """Compiled from the world list (not hand-curated): matched in text only when capitalised."""
        return self.source == GENERATED_SOURCE


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4\u2032"
_APOS_CLASS = re.escape(_APOSTROPHES)
# A word: letters/digits, possibly with inner apostrophes (Xi'an, Chang'an); "&" is its own word.
_TOKEN_RE = re.compile(rf"[^\W_]+(?:[{_APOS_CLASS}][^\W_]+)*|&")
_APOS_RE = re.compile(rf"[{_APOS_CLASS}]")
_POSSESSIVE_RE = re.compile(rf"[{_APOS_CLASS}]s$", re.IGNORECASE)
_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_ABBR_RE = re.compile(r"^[A-Za-z][A-Za-z0-9&-]{1,15}$")
_COUNTRY_RE = re.compile(r"[A-Za-z]{2}")


def _norm_token(tok: str) -> str:
    if tok.isalnum():
        return tok.lower()
    if tok == "&":
        return "and"
    tok = _POSSESSIVE_RE.sub("", tok)
    return _APOS_RE.sub("", tok).lower()


def _tokens(text: str) -> tuple[str, ...]:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return tuple(t.lower() if t.isalnum() else _norm_token(t) for t in _TOKEN_RE.findall(text))


@functools.lru_cache(maxsize=1 << 16)
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
    to another row's name or alias, a domain used by two rows,
    a malformed domain/abbreviation/country, an unknown ``type`` or a
    non-boolean ``double_first_class``.
    """
    if path is None:
        return _load_default()
    return _load(Path(path))


@functools.cache
def _load_default() -> tuple[University, ...]:
    return _load(DEFAULT_PATH)


def _load(p: Path) -> tuple[University, ...]:
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
        domains: dict[str, tuple[int, str]] = {}
        try:
            for row in reader:
                line = reader.line_num
                where = f"{p}:{line}"
                if None in row:
                    raise ReferenceDataError(f"{where}: too many fields ({len(header) + len(row[None])} > {len(header)})")
                if not any(v and not v.isspace() for v in row.values()):
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
                # an abbreviation may be shared by several rows (TJU: Tianjin and Tongji);
                # UniversityIndex.resolve_abbreviation picks one by page and context
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
                    if not _COUNTRY_RE.fullmatch(country):
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
                        source=_clean(row.get("source")),
                    )
                )
        except csv.Error as exc:
            raise ReferenceDataError(f"{p}:{reader.line_num}: malformed CSV: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"{p}: not UTF-8: {exc}") from exc
    return tuple(out)
