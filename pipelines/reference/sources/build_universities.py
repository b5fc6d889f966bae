"""Compile ``pipelines/reference/universities.csv`` from the curated rows and the world list.

Run from the repository root::

    python -m pipelines.reference.sources.build_universities \
        --json ../shared/reference/world_universities_and_domains.json

Inputs (all committed next to this file, except the world list):

* ``curated.csv``: the hand-curated rows (official names, abbreviations,
  aliases, provinces, the Double First-Class flag). They always win.
* ``world_overrides.csv``: one decision per reviewed row of the world list
  (keyed by its name and ISO country): ``keep`` it under its own name,
  ``merge`` it into the row called ``name`` (its own name becomes an alias:
  a former or variant name), ``fix`` it into the row called ``name`` (its own
  name is a misspelling or carries a city suffix, so it is not kept), or
  ``drop`` it. ``name`` may be a row that does not exist yet (a renamed
  university): it is created. ``aliases``, ``domains``, ``province``, ``city``
  and ``abbreviations`` (the short names in capitals a university goes by:
  "UNSW", "UBC") add to the row.
* the world list (``world_universities_and_domains.json``, "university-domains-list",
  MIT licence, Hipo): read only here, at build time. The product reads only
  the generated CSV.

Every Chinese row of the world list must be either named exactly like a
curated row or reviewed in ``world_overrides.csv``; the build fails otherwise,
so a new edition of the list cannot slip unreviewed names in.

Clashes are resolved deterministically (documented in ../README.md) and each
one is written to ``build_report.txt``:

* names are compared normalised (case, punctuation, apostrophes, "&" = "and",
  a leading "the"); rows are processed curated first, then China, then the
  other countries by (country code, normalised name, domains);
* same normalised name, same country: one institution listed twice; merged
  (domains united);
* same name, different country: the earlier row (curated, then Chinese, then
  the country with more rows in the list, then country code) keeps the name; the
  later one is named "<name> (<country>)";
* an alias or domain already taken by an earlier row stays with that row and is
  dropped from the later one.

``--check`` rebuilds in memory and exits 1 when the committed CSV differs.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.reference import COLUMNS, DEFAULT_PATH, normalize_name

HERE = Path(__file__).resolve().parent
CURATED = HERE / "curated.csv"
OVERRIDES = HERE / "world_overrides.csv"
REPORT = HERE / "build_report.txt"
DEFAULT_JSON = HERE.parents[2].parent / "shared" / "reference" / "world_universities_and_domains.json"
SOURCE = "world-domains"
ACTIONS = ("keep", "merge", "fix", "drop")

# The list's own spellings of a few Chinese state-province values.
_CN_PROVINCES = {"jilin": "Jilin", "si chuan": "Sichuan", "sichuan": "Sichuan", "beijing": "Beijing",
                 "jiangsu": "Jiangsu", "henan": "Henan", "hubei": "Hubei", "guangzhou": "Guangdong"}
_COUNTRY_LABELS = {"Taiwan, Province of China": "Taiwan", "Korea, Republic of": "South Korea"}


class BuildError(RuntimeError):
    pass


@dataclass
class Row:
    name: str
    abbreviations: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    province: str = ""
    city: str = ""
    country: str = ""
    double_first_class: str = "false"
    type: str = "university"
    source: str = SOURCE

    def as_csv(self) -> dict[str, str]:
        return {
            "name": self.name,
            "abbreviations": ";".join(self.abbreviations),
            "aliases": ";".join(self.aliases),
            "domains": ";".join(self.domains),
            "province": self.province,
            "city": self.city,
            "country": self.country,
            "double_first_class": self.double_first_class,
            "type": self.type,
            "source": self.source,
        }


def _split(v: str | None) -> list[str]:
    return [p.strip() for p in (v or "").split(";") if p.strip()]


def _clean_domain(d: str) -> str:
    d = d.strip().lower().rstrip(".")
    return d[4:] if d.startswith("www.") else d


class Builder:
    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.names: dict[str, Row] = {}  # normalised name or alias -> row
        self.domains: dict[str, Row] = {}
        self.report: list[str] = []

    # ---------------------------------------------------------------- registry
    def add_row(self, row: Row) -> None:
        self.rows.append(row)
        self.names[normalize_name(row.name)] = row
        for a in row.aliases:
            self.names.setdefault(normalize_name(a), row)
        for d in row.domains:
            self.domains.setdefault(d, row)

    def add_alias(self, row: Row, alias: str, why: str) -> None:
        key = normalize_name(alias)
        if not key:
            return
        other = self.names.get(key)
        if other is row:
            return
        if other is not None:
            self.report.append(f"alias dropped: {alias!r} ({why}) of {row.name!r} already names {other.name!r}")
            return
        row.aliases.append(alias)
        self.names[key] = row

    def owner_of_domain(self, dom: str) -> Row | None:
        labels = dom.split(".")
        for i in range(len(labels) - 1):
            r = self.domains.get(".".join(labels[i:]))
            if r is not None:
                return r
        return None

    def add_domain(self, row: Row, dom: str) -> None:
        dom = _clean_domain(dom)
        if not dom:
            return
        exact = self.domains.get(dom)
        if exact is row or self.owner_of_domain(dom) is row:
            return  # the domain or a parent of it is already on the row
        if exact is not None:
            self.report.append(f"domain dropped: {dom!r} of {row.name!r} belongs to {exact.name!r}")
            return
        # a sub-domain of another row's domain is kept: the longest match wins in lookups
        row.domains.append(dom)
        self.domains[dom] = row

    # ---------------------------------------------------------------- inputs
    def load_curated(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as fh:
            for rec in csv.DictReader(fh):
                row = Row(
                    name=rec["name"].strip(),
                    abbreviations=_split(rec["abbreviations"]),
                    aliases=_split(rec["aliases"]),
                    domains=[_clean_domain(d) for d in _split(rec["domains"])],
                    province=(rec["province"] or "").strip(),
                    city=(rec["city"] or "").strip(),
                    country=(rec["country"] or "").strip().upper(),
                    double_first_class=(rec["double_first_class"] or "false").strip(),
                    type=(rec["type"] or "university").strip(),
                    source=(rec["source"] or "").strip(),
                )
                if normalize_name(row.name) in self.names:
                    raise BuildError(f"{path}: duplicate curated name {row.name!r}")
                self.add_row(row)

    def apply(self, entry: dict, override: dict | None) -> None:
        name = " ".join(entry["name"].split())
        cc = entry["alpha_two_code"].upper()
        doms = [_clean_domain(d) for d in entry.get("domains") or []]
        state = (entry.get("state-province") or "").strip()
        if cc == "CN":
            state = _CN_PROVINCES.get(state.lower(), state)
        action = (override or {}).get("action") or "keep"
        if action == "drop":
            self.report.append(f"dropped: {name!r} ({cc}): {override.get('note') or 'see world_overrides.csv'}")
            return
        extra_aliases = _split((override or {}).get("aliases"))
        extra_domains = _split((override or {}).get("domains"))
        province = ((override or {}).get("province") or "").strip() or state
        city = ((override or {}).get("city") or "").strip()
        if action in ("merge", "fix"):
            target = override["name"].strip()
            row = self.names.get(normalize_name(target))
            if row is None:
                row = Row(name=target, country=cc, province=province, city=city)
                self.add_row(row)
            if action == "merge":
                self.add_alias(row, name, "name in the world list")
        else:
            key = normalize_name(name)
            row = self.names.get(key)
            if row is not None and row.country == cc:
                pass  # the same institution (a curated name or alias, or listed twice): merge
            elif row is not None:
                label = _COUNTRY_LABELS.get(entry.get("country") or "", (entry.get("country") or cc).split(",")[0])
                qualified = f"{name} ({label})"
                self.report.append(
                    f"name clash: {name!r} ({cc}) is already {row.name!r} ({row.country}); "
                    f"kept as {qualified!r}"
                )
                if normalize_name(qualified) in self.names:
                    self.report.append(f"dropped: {qualified!r} clashes again")
                    return
                row = Row(name=qualified, country=cc, province=province, city=city)
                self.add_row(row)
            else:
                row = Row(name=name, country=cc, province=province, city=city)
                self.add_row(row)
        if not row.province and province:
            row.province = province
        if not row.city and city:
            row.city = city
        for a in extra_aliases:
            self.add_alias(row, a, "former or variant name")
        for a in _split((override or {}).get("abbreviations")):
            if a not in row.abbreviations:
                row.abbreviations.append(a)
        for d in doms + extra_domains:
            self.add_domain(row, d)


def _sort_key(entry: dict, country_size: Counter) -> tuple:
    cc = entry["alpha_two_code"].upper()
    return (cc != "CN", -country_size[cc], cc, normalize_name(entry["name"]), tuple(entry.get("domains") or ()))


def build(json_path: Path, curated: Path = CURATED, overrides: Path = OVERRIDES) -> tuple[str, str]:
    """Return (csv text, report text)."""
    try:
        entries = json.loads(json_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BuildError(f"{json_path}: cannot read the world list: {exc}") from exc
    with overrides.open(encoding="utf-8", newline="") as fh:
        ov: dict[tuple[str, str], dict] = {}
        for i, rec in enumerate(csv.DictReader(fh), start=2):
            if rec.get("action") not in ACTIONS:
                raise BuildError(f"{overrides}:{i}: action must be one of {ACTIONS}, got {rec.get('action')!r}")
            if rec["action"] in ("merge", "fix") and not (rec.get("name") or "").strip():
                raise BuildError(f"{overrides}:{i}: {rec['action']} needs a target name")
            ov[(rec["json_name"].strip(), rec["country"].strip().upper())] = rec
    b = Builder()
    b.load_curated(curated)
    n_curated = len(b.rows)
    curated_keys = set(b.names)
    country_size = Counter(e["alpha_two_code"].upper() for e in entries)
    unused = set(ov)
    unreviewed = []
    for entry in sorted(entries, key=lambda e: _sort_key(e, country_size)):
        key = (" ".join(entry["name"].split()), entry["alpha_two_code"].upper())
        o = ov.get(key)
        unused.discard(key)
        if key[1] == "CN" and o is None and normalize_name(key[0]) not in curated_keys:
            # a curated name or alias counts as reviewed
            unreviewed.append(key[0])
        b.apply(entry, o)
    if unreviewed:
        raise BuildError(f"Chinese rows not reviewed in {overrides.name}: {sorted(unreviewed)}")
    if unused:
        raise BuildError(f"{overrides.name}: rows that match nothing in the world list: {sorted(unused)}")
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    curated_rows = b.rows[:n_curated]
    generated = b.rows[n_curated:]
    generated.sort(key=lambda r: (r.country != "CN", r.country, normalize_name(r.name)))
    for r in curated_rows + generated:
        w.writerow(r.as_csv())
    counts = Counter(r.country for r in b.rows)
    head = [
        "# build_universities.py report (generated; do not edit)",
        f"rows: {len(b.rows)} ({len(curated_rows)} curated, {len(generated)} from the world list); "
        f"CN {counts['CN']}, HK {counts['HK']}, MO {counts['MO']}, TW {counts['TW']}, "
        f"other countries {len(b.rows) - counts['CN'] - counts['HK'] - counts['MO'] - counts['TW']}",
        f"world list entries: {len(entries)}; reviewed overrides: {len(ov)}",
        "",
    ]
    return out.getvalue(), "\n".join(head + b.report) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path, default=DEFAULT_JSON, help="world_universities_and_domains.json")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed table is out of date")
    args = ap.parse_args(argv)
    try:
        text, report = build(args.json)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run python -m pipelines.reference.sources.build_universities",
                  file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    REPORT.write_text(report, encoding="utf-8")
    print(report.split("\n")[1])
    print(f"wrote {args.out} and {REPORT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
