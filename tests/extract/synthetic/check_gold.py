"""Checks a synthetic part: every gold file loads, has the contract keys and enum values, and every evidence is a verbatim substring of its page text.

Usage: python tests/extract/synthetic/check_gold.py tests/extract/synthetic/tune
"""
import json, re, sys
from pathlib import Path
root = Path(sys.argv[1])
PT = {"province","city","county","district","prefecture","ministry","government_agency","development_zone","enterprise","university","research_institute","other"}
AT = {"strategic_cooperation","framework","co_construction","industry_university_research","joint_platform","technology_transfer","talent_training","other"}
PLT = {"institute","research_base","center","industrial_park","workstation","college","alliance","laboratory","service_platform","internship_base","other"}
UNITS = {"agreement","platform","program","enterprise","university","workstation","practice_base","institution","person","cadre","training_class","trainee","technology","industrial_base","resource","other"}
Q = {"exact","at_least","approximately","at_most"}; K = {"commitment","investment","contract_value","program_value"}
errs = 0; tot = dict(agreements=0, funding=0, platforms=0, counts=0); nofact = 0
def bad(m):
    global errs; errs += 1; print("ERROR", m)
def chkdate(d, where):
    if d is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d): bad(f"{where}: bad date {d}")
for g in sorted((root / "gold").glob("*.json")):
    data = json.loads(g.read_text())
    raw = (root / "pages" / (g.stem + ".txt")).read_text()
    lines = raw.split("\n")
    assert lines[0].startswith("URL: ") and lines[1].startswith("TITLE: ") and lines[2] == "", g
    text = "\n".join(lines[3:])
    if data["document"] != g.stem: bad(f"{g.stem}: document id")
    if data["url"] != lines[0][5:]: bad(f"{g.stem}: url")
    chkdate(data["published"], g.stem)
    n = len(text)
    if not (800 <= n <= 2500): bad(f"{g.stem}: length {n}")
    if set(data) != {"document","url","published","agreements","funding","platforms","counts","notes"}: bad(f"{g.stem}: keys {set(data)}")
    if not any(data[t] for t in tot): nofact += 1
    for t in tot:
        for f in data[t]:
            tot[t] += 1
            w = f"{g.stem}/{t}"
            if f["evidence"] not in text: bad(f"{w}: evidence not verbatim: {f['evidence'][:80]}")
            if t == "agreements":
                chkdate(f["date"], w)
                exp = None if f["date"] is None else {10:"day",7:"month",4:"year"}[len(f["date"])]
                if f["date_precision"] != exp: bad(f"{w}: precision")
                if f["partner_type"] not in PT or f["agreement_type"] not in AT: bad(f"{w}: enum {f}")
                if not f["university"] or not f["partner"]: bad(f"{w}: names")
            if t == "funding":
                chkdate(f["date"], w)
                if f["qualifier"] not in Q or f["kind"] not in K or f["per"] not in ("year","total") or not re.fullmatch(r"[A-Z]{3}", f["currency"]): bad(f"{w}: enum {f}")
                if not isinstance(f["amount"], (int, float)): bad(f"{w}: amount")
            if t == "platforms":
                chkdate(f["date"], w)
                if f["platform_type"] not in PLT: bad(f"{w}: type")
                if f["name"] is not None and f["name"] not in f["evidence"].replace("\n", " ") and f["name"] not in f["evidence"]: print(f"  note: {w}: name not literally in evidence: {f['name']}")
            if t == "counts":
                if f["unit"] not in UNITS or f["qualifier"] not in Q: bad(f"{w}: enum {f}")
print(root, "docs", len(list((root / 'gold').glob('*.json'))), "no-fact", nofact, tot, "errors", errs)
