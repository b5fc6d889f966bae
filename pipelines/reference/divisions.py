"""Reference data: Chinese administrative divisions (``divisions.csv``).

Plain Python, no Dagster. Every province-level division, every prefecture-level
division (prefecture-level cities, prefectures, autonomous prefectures, leagues),
well-known county-level cities and the districts of the four municipalities, each
with its province. The fact extractor uses it to read a bare place name in party
position ("signed an agreement with Weihai") as that place's government and to
fill in the province a city lies in.

    >>> idx = DivisionIndex.default()
    >>> idx.place("Weihai")
    Place(canonical='Weihai City', level='City', partner_type='city', province='Shandong')
    >>> idx.place("Suzhou").province is None      # Suzhou, Jiangsu and Suzhou, Anhui
    True
    >>> idx.province_of("Lyuliang City")
    'Shanxi'
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pipelines.reference import ReferenceDataError

__all__ = ["AUTONOMOUS_REGIONS", "DIVISIONS_PATH", "LEVELS", "Division", "DivisionIndex", "Place", "load_divisions", "place_key"]

DIVISIONS_PATH = Path(__file__).with_name("divisions.csv")
STATES_PATH = Path(__file__).with_name("states.csv")  # US, Indian, Australian states; Canadian provinces
COLUMNS = ("name", "level", "province", "aliases", "source")

# level -> (word of the canonical name, partner_type of the spec, rank: lower wins for a bare name)
LEVELS: dict[str, tuple[str, str, int]] = {
    "province": ("Province", "province", 0),
    "autonomous_region": ("Province", "province", 0),  # "Guangxi Province", as the extractor always wrote it
    "municipality": ("City", "city", 0),                # "Beijing City"
    "sar": ("SAR", "province", 0),
    "city": ("City", "city", 1),                        # prefecture-level city
    "prefecture": ("Prefecture", "prefecture", 1),
    "autonomous_prefecture": ("Prefecture", "prefecture", 1),  # "Yanbian Prefecture"
    "league": ("League", "prefecture", 1),
    "county_city": ("City", "city", 2),
    "district": ("District", "district", 2),
    "state": ("State", "province", 0),                  # a foreign first-level division, by bare name: "Karnataka"
}
# the official English names of China's five autonomous regions, which the extractor writes "<Place> Province"
# inside (one level word for every province-level division it compares names by) and gives the warehouse as
# officially named ("Guangxi Zhuang Autonomous Region", as the spec's "<Place> <Level>" reads for them)
AUTONOMOUS_REGIONS = {
    "Guangxi Province": "Guangxi Zhuang Autonomous Region",
    "Inner Mongolia Province": "Inner Mongolia Autonomous Region",
    "Ningxia Province": "Ningxia Hui Autonomous Region",
    "Tibet Province": "Tibet Autonomous Region",
    "Xinjiang Province": "Xinjiang Uygur Autonomous Region",
}
PROVINCE_LEVELS = frozenset({"province", "autonomous_region", "municipality", "sar", "state"})
_NAME_RE = re.compile(r"^[A-Z][a-z]+(?:'[a-z]+)*(?:[ -][A-Z][a-z]+(?:'[a-z]+)*)*$")


def place_key(text: str) -> str:
    """Spelling-insensitive key: "Xi'an" = "Xian" = "xi an", "Huai’an" = "Huaian", "Shi Jiazhuang" = "Shijiazhuang"."""
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[^a-z]", "", text)


@dataclass(frozen=True)
class Division:
    name: str                 # pinyin place name as commonly written in English: "Lyuliang", "Xi'an"
    level: str                # a key of LEVELS
    province: str             # province-level division it lies in (itself for province-level rows)
    aliases: tuple[str, ...]  # other real spellings ("Lvliang"), former names ("Xiangfan")
    source: str

    @property
    def canonical(self) -> str:
        """Name as the spec writes governments: "<Place> <Level>" ("Weihai City", "Sichuan Province"); a
        foreign state by its bare name ("Karnataka", "Victoria")."""
        if self.level == "state":
            return self.name
        return f"{self.name} {LEVELS[self.level][0]}"

    @property
    def partner_type(self) -> str:
        return LEVELS[self.level][1]


@dataclass(frozen=True)
class Place:
    """What a bare place name stands for: canonical government name, level word, partner type,
    province (None when two divisions share the name and so it is not known)."""

    canonical: str
    level: str
    partner_type: str
    province: str | None


def load_divisions(path: str | Path | None = None) -> tuple[Division, ...]:
    """Read and validate the divisions CSV (default: the packaged table).

    Raises :class:`ReferenceDataError` naming file and line: missing column or
    name, a name or alias not written as a capitalised place name, an unknown
    level, a province that is no province-level row of the file, a duplicate
    (name, level, province), an alias equal to another row's name.
    """
    p = Path(path) if path is not None else DIVISIONS_PATH
    try:
        fh = p.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ReferenceDataError(f"{p}: cannot read reference table: {exc}") from exc
    rows: list[tuple[int, Division]] = []
    with fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        missing = [c for c in ("name", "level", "province") if c not in header]
        if missing:
            raise ReferenceDataError(f"{p}:1: missing column(s) {', '.join(missing)} (header: {header})")
        seen: dict[tuple[str, str, str], int] = {}
        try:
            for row in reader:
                where = f"{p}:{reader.line_num}"
                if None in row:
                    raise ReferenceDataError(f"{where}: too many fields")
                if all(not (v or "").strip() for v in row.values()):
                    continue
                name = (row.get("name") or "").strip()
                level = (row.get("level") or "").strip()
                province = (row.get("province") or "").strip()
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
                if not name:
                    raise ReferenceDataError(f"{where}: missing name")
                for n in (name, *aliases):
                    if not _NAME_RE.match(n):
                        raise ReferenceDataError(f"{where}: {n!r} is not a capitalised place name (e.g. \"Xi'an\")")
                if level not in LEVELS:
                    raise ReferenceDataError(f"{where}: unknown level {level!r} of {name!r} (one of {', '.join(LEVELS)})")
                if not province:
                    raise ReferenceDataError(f"{where}: missing province of {name!r}")
                if level in PROVINCE_LEVELS and province != name:
                    raise ReferenceDataError(f"{where}: province-level {name!r} must be its own province, got {province!r}")
                key = (place_key(name), level, province)
                if key in seen:
                    raise ReferenceDataError(f"{where}: duplicate {name!r} ({level}, {province}), first on line {seen[key]}")
                seen[key] = reader.line_num
                rows.append((reader.line_num, Division(name, level, province, aliases, (row.get("source") or "").strip())))
        except csv.Error as exc:
            raise ReferenceDataError(f"{p}:{reader.line_num}: malformed CSV: {exc}") from exc
    provinces = {d.name for _, d in rows if d.level in PROVINCE_LEVELS}
    names = {place_key(d.name): line for line, d in rows}
    for line, d in rows:
        if d.province not in provinces:
            raise ReferenceDataError(f"{p}:{line}: province {d.province!r} of {d.name!r} is no province-level row")
        for a in d.aliases:
            if place_key(a) in names and place_key(a) != place_key(d.name):
                raise ReferenceDataError(f"{p}:{line}: alias {a!r} of {d.name!r} is the name of the row on line {names[place_key(a)]}")
    return tuple(d for _, d in rows)


# capitalised words, joined by spaces, "and" or hyphens, accented Latin letters allowed ("Baden-Württemberg")
_STATE_INITIALS = re.compile(r"[A-Z]{2,4}")
_STATE_RE = re.compile(r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+(?:(?: (?:and )?|-)[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+)*$")


def load_states(path: str | Path | None = None) -> tuple[Division, ...]:
    """Read the foreign first-level divisions (``states.csv``: name, country, aliases, source), as divisions of
    level ``state``: the spec names US, Indian and Australian states by their bare name, partner type province.
    Raises :class:`ReferenceDataError` naming file and line for a malformed row."""
    p = Path(path) if path is not None else STATES_PATH
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ReferenceDataError(f"{p}: cannot read reference table: {exc}") from exc
    out: list[Division] = []
    reader = csv.DictReader(text.splitlines())
    if [c for c in ("name", "country") if c not in (reader.fieldnames or [])]:
        raise ReferenceDataError(f"{p}:1: needs columns name and country (header: {reader.fieldnames})")
    for row in reader:
        name = (row.get("name") or "").strip()
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
        # (an alias may be the state's initials, as its press writes it: "NSW Government")
        for n in (name, *aliases):
            if not _STATE_RE.match(n) and not (n in aliases and _STATE_INITIALS.fullmatch(n)):
                raise ReferenceDataError(f"{p}:{reader.line_num}: {n!r} is not a capitalised place name")
        out.append(Division(name, "state", name, aliases, (row.get("source") or "").strip()))
    return tuple(out)


class DivisionIndex:
    """Lookups over the divisions: by place name (or alias) and by canonical government name."""

    def __init__(self, divisions):
        self.divisions = tuple(divisions)
        self._by_key: dict[str, list[Division]] = {}
        self._by_canonical: dict[str, list[Division]] = {}
        for d in self.divisions:
            for n in (d.name, *d.aliases):
                lst = self._by_key.setdefault(place_key(n), [])
                if d not in lst:
                    lst.append(d)
            self._by_canonical.setdefault(place_key(d.canonical), []).append(d)

    @classmethod
    @functools.cache
    def default(cls) -> DivisionIndex:
        return cls(load_divisions() + load_states())

    def find(self, name: str) -> tuple[Division, ...]:
        """Every division a place name or alias can mean ("Suzhou" -> Suzhou, Jiangsu and Suzhou, Anhui)."""
        return tuple(self._by_key.get(place_key(name), ()))

    def place(self, name: str) -> Place | None:
        """The government a bare place name stands for, or None.

        A province-level division wins ("Jilin" is the province, "Hebei" not the Tianjin
        district). Otherwise all the divisions of the name must give one canonical name
        ("Suzhou City": two prefecture-level cities, so no province); a name that means
        divisions of different levels ("Chaoyang": a city in Liaoning and a district of
        Beijing) is ambiguous and gives None.
        """
        ds = self.find(name)
        if not ds:
            return None
        top = [d for d in ds if d.level in PROVINCE_LEVELS]
        if top:
            ds = tuple(top[:1])
        canon = {d.canonical for d in ds}
        if len(canon) != 1:
            return None
        d = ds[0]
        return Place(d.canonical, LEVELS[d.level][0], d.partner_type, d.province if len(ds) == 1 else None)

    def province_of(self, canonical: str) -> str | None:
        """Province of a government named "<Place> <Level>" when exactly one division has that name
        ("Lyuliang City" -> "Shanxi"; "Taizhou City" -> None: Jiangsu and Zhejiang both have one)."""
        ds = self._by_canonical.get(place_key(canonical), [])
        if len(ds) != 1:
            # an alias spelling ("Lvliang City")
            place, _, word = canonical.rpartition(" ")
            ds = [d for d in self.find(place) if LEVELS[d.level][0] == word] if place else []
            if len(ds) != 1:
                return None
        return ds[0].province
