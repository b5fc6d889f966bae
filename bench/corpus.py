"""A generated corpus for scale benchmarks: N sources with their true facts, reproducible from a seed.

    python bench/corpus.py generate --n 1000 --seed 7 [--out DIR] [--edit 0.05]
    python bench/corpus.py serve --out DIR [--port 8765]      # the same pages on a loopback site (live mode)

The sources are of the kinds the pipeline meets: university news articles,
timelines of a university's cooperation, government pages with navigation
menus and footers, and PDF brochures. Their sentences are drawn from templates
written for this benchmark (no real pages), with names, numbers and dates
drawn from the seed; every fact a sentence states is recorded as it is written
in ``truth.jsonl``, and some sentences state none (visits, wishes, campus news)
so the extractor has something to refuse.

``generate`` writes:

- ``<out>/registry.yml``: a registry of N snapshot sources; use it with
  ``PARTNERSHIPS_REGISTRY=<out>/registry.yml partnerships run``;
- the snapshots, under ``sources/snapshots/generated/<name>/`` (the registry
  only reads snapshots under sources/snapshots/; the folder ignores itself in git);
- ``<out>/truth.jsonl``: one line per source, its facts;
- ``<out>/site/``: the pages by URL path, for ``serve``.

``--edit F`` rewrites a fraction F of the sources after generating them (a
new sentence, a changed date): a "some pages changed" night for the benchmarks.
``serve`` serves ``site/`` on 127.0.0.1 and writes ``registry-live.yml`` naming
those URLs (run the pipeline with PARTNERSHIPS_FETCH_MODE=live and
PARTNERSHIPS_CRAWL_ALLOW_NETWORKS=127.0.0.0/8).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAPSHOTS = REPO / "sources" / "snapshots"

UNIVERSITIES = [
    ("Xiangtan University", "XTU"), ("Hunan University", "HNU"), ("Central South University", "CSU"),
    ("Sichuan University", "SCU"), ("Chongqing University", "CQU"), ("Shandong University", "SDU"),
    ("Zhengzhou University", "ZZU"), ("Nanchang University", "NCU"), ("Guangxi University", "GXU"),
    ("Yunnan University", "YNU"), ("Guizhou University", "GZU"), ("Lanzhou University", "LZU"),
    ("Jilin University", "JLU"), ("Harbin Institute of Technology", "HIT"), ("Northeastern University", "NEU"),
    ("Xi'an University of Technology", "XAUT"), ("Taiyuan University of Technology", "TYUT"),
    ("Hohai University", "HHU"), ("Soochow University", "SUDA"), ("Wuhan University", "WHU"),
]
CITIES = [
    ("Zhuzhou", "Hunan"), ("Changde", "Hunan"), ("Huaihua", "Hunan"), ("Yueyang", "Hunan"), ("Foshan", "Guangdong"),
    ("Huizhou", "Guangdong"), ("Zhuhai", "Guangdong"), ("Mianyang", "Sichuan"), ("Yibin", "Sichuan"),
    ("Luzhou", "Sichuan"), ("Weifang", "Shandong"), ("Yantai", "Shandong"), ("Luoyang", "Henan"),
    ("Xinxiang", "Henan"), ("Ganzhou", "Jiangxi"), ("Jiujiang", "Jiangxi"), ("Liuzhou", "Guangxi"),
    ("Guilin", "Guangxi"), ("Qujing", "Yunnan"), ("Zunyi", "Guizhou"), ("Tianshui", "Gansu"),
    ("Siping", "Jilin"), ("Daqing", "Heilongjiang"), ("Anshan", "Liaoning"), ("Baoji", "Shaanxi"),
    ("Lyuliang", "Shanxi"), ("Changzhou", "Jiangsu"), ("Nantong", "Jiangsu"), ("Xiangyang", "Hubei"),
    ("Yichang", "Hubei"),
]
ENTERPRISES = ["Huawei", "Sany Heavy Industry", "CRRC Zhuzhou", "Zoomlion", "BYD", "Haier", "Midea", "Gree",
               "China Mobile", "Sinopec", "Tencent", "Alibaba", "Lenovo", "XCMG", "Weichai Power"]
FIELDS = ["Intelligent Manufacturing", "New Energy Materials", "Rail Transit", "Big Data", "Modern Agriculture",
          "Biomedicine", "Advanced Ceramics", "Ecological Environment", "Digital Economy", "Marine Engineering"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
AGREEMENT_WORDS = {
    "strategic_cooperation": "a strategic cooperation agreement",
    "framework": "a framework cooperation agreement",
    "co_construction": "a co-construction agreement",
    "industry_university_research": "an industry-university-research cooperation agreement",
    "talent_training": "an agreement on talent training",
}
PLATFORM_WORDS = {"institute": "Institute of {f}", "center": "{f} Research Center", "laboratory": "Joint Laboratory of {f}",
                  "industrial_park": "{f} Industrial Park", "research_base": "{f} Research Base"}
FILLER = [
    "Faculty and students attended the ceremony in the main auditorium.",
    "The delegation also visited the university's laboratories and library.",
    "Both sides hope to deepen exchanges in the coming years.",
    "The meeting was chaired by the vice president in charge of research.",
    "Representatives of several departments took part in the discussion.",
    "The university held its annual teaching conference the same week.",
    "Officials expressed the wish to explore further cooperation.",
    "Participants toured the new science park on the east campus.",
]


@dataclass
class Page:
    sentences: list[str] = field(default_factory=list)
    facts: dict[str, list[dict]] = field(default_factory=lambda: {"agreements": [], "funding": [], "platforms": [], "counts": []})


def _date(rng: random.Random) -> tuple[str, str]:
    """(as written, YYYY-MM-DD)"""
    y, m, d = rng.randint(2008, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return f"{MONTHS[m - 1]} {d}, {y}", f"{y:04d}-{m:02d}-{d:02d}"


def _agreement(rng, page: Page, uni: str, short: str) -> None:
    written, iso = _date(rng)
    kind = rng.choice(list(AGREEMENT_WORDS))
    if rng.random() < 0.75:
        city, province = rng.choice(CITIES)
        partner, ptype = f"{city} City", "city"
        side = rng.choice([f"the People's Government of {city} City, {province} Province", f"{city} City",
                           f"the {city} Municipal People's Government"])
    else:
        partner = side = rng.choice(ENTERPRISES)
        ptype = "enterprise"
    template = rng.choice([
        "On {d}, {u} and {p} signed {k}.",
        "{u} signed {k} with {p} on {d}.",
        "On {d}, {s} and {p} signed {k} in the university's conference hall.",
    ])
    page.sentences.append(template.format(d=written, u=uni, p=side, k=AGREEMENT_WORDS[kind], s=short))
    page.facts["agreements"].append({"date": iso, "university": uni, "partner": partner, "partner_type": ptype,
                                     "agreement_type": kind})


def _funding(rng, page: Page, uni: str) -> None:
    city, _ = rng.choice(CITIES)
    amount = rng.choice([5, 10, 20, 30, 50, 100, 200, 300])
    unit, mult = rng.choice([("million yuan", 1_000_000), ("billion yuan", 1_000_000_000)]) if amount < 50 else ("million yuan", 1_000_000)
    qualifier, word = rng.choice([("exact", ""), ("at_least", "at least "), ("approximately", "about ")])
    page.sentences.append(f"{city} City will invest {word}{amount} {unit} in {uni} over the next five years.")
    page.facts["funding"].append({"amount": amount * mult, "currency": "CNY", "qualifier": qualifier, "per": "total",
                                  "period_years": 5, "funder": f"{city} City", "recipient": uni})


def _platform(rng, page: Page, uni: str) -> None:
    ptype = rng.choice(list(PLATFORM_WORDS))
    city, _ = rng.choice(CITIES)
    name = f"{uni}-{city} " + PLATFORM_WORDS[ptype].format(f=rng.choice(FIELDS))
    year = rng.randint(2010, 2025)
    page.sentences.append(f"The two sides set up the {name} in {year}.")
    page.facts["platforms"].append({"name": name, "platform_type": ptype, "university": uni, "date": str(year)})


def _count(rng, page: Page, uni: str, short: str) -> None:
    n = rng.randint(12, 900)
    unit, words = rng.choice([("agreement", "agreements on strategic cooperation"), ("enterprise", "cooperation agreements with enterprises"),
                              ("platform", "cooperation platforms")])
    if unit == "enterprise":
        page.sentences.append(f"{short} works with {n} enterprises in the province.")
    else:
        page.sentences.append(f"{short} has signed {n} {words}." if unit == "agreement" else f"{short} has built {n} {words}.")
    page.facts["counts"].append({"quantity": n, "unit": unit, "subject": uni})


def _page(rng: random.Random) -> tuple[Page, str, str]:
    uni, short = rng.choice(UNIVERSITIES)
    page = Page()
    for _ in range(rng.randint(3, 9)):
        roll = rng.random()
        if roll < 0.35:
            _agreement(rng, page, uni, short)
        elif roll < 0.5:
            _funding(rng, page, uni)
        elif roll < 0.65:
            _platform(rng, page, uni)
        elif roll < 0.75:
            _count(rng, page, uni, short)
        else:
            page.sentences.append(rng.choice(FILLER))
    return page, uni, short


def _html(kind: str, title: str, page: Page, uni: str, published: str) -> str:
    nav = ""
    if kind == "gov":
        nav = ("<nav><ul>" + "".join(f'<li><a href="/{w.lower()}/">{w}</a></li>' for w in
               ("Home", "Government", "Policies", "Services", "Interaction", "Data")) + "</ul></nav>")
    if kind == "timeline":
        body = "<ul class='timeline'>" + "".join(f"<li><p>{s}</p></li>" for s in page.sentences) + "</ul>"
    else:
        body = "".join(f"<p>{s}</p>" for s in page.sentences)
    footer = "<footer>Copyright &copy; " + (uni if kind != "gov" else "People's Government") + ". All rights reserved.</footer>"
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='article:published_time' content='{published}'></head><body>{nav}"
            f"<article><h1>{title}</h1><p class='date'>{published}</p>{body}</article>{footer}</body></html>")


def _pdf(title: str, page: Page) -> bytes:
    """A minimal one-page PDF (Helvetica text, one line per sentence, wrapped), written by hand."""
    import textwrap

    lines = [title, ""] + [w for s in page.sentences for w in textwrap.wrap(s, 90)]
    esc = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in lines]
    stream = "BT /F1 10 Tf 50 790 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in esc) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


KINDS = [("news", 0.5), ("timeline", 0.2), ("gov", 0.2), ("pdf", 0.1)]


def _source(rng: random.Random, i: int) -> dict:
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    page, uni, short = _page(rng)
    published = _date(rng)[1]
    title = {"news": f"{short} deepens cooperation with local partners", "timeline": f"{uni}: cooperation milestones",
             "gov": "Province and universities advance cooperation", "pdf": f"{uni} cooperation brochure"}[kind]
    return {"id": f"gen_{i:05d}_{kind}", "kind": kind, "title": title, "page": page, "university": uni,
            "published": published}


def _write_source(src: dict, snap_dir: Path, site_dir: Path, name: str) -> dict:
    ext = "pdf" if src["kind"] == "pdf" else "html"
    body = (_pdf(src["title"], src["page"]) if ext == "pdf"
            else _html(src["kind"], src["title"], src["page"], src["university"], src["published"]).encode())
    fname = f"{src['id']}.{ext}"
    (snap_dir / fname).write_bytes(body)
    (site_dir / fname).write_bytes(body)
    entry = {"id": src["id"], "publisher": src["university"] if src["kind"] != "gov" else "Provincial Government",
             "kind": "pdf" if ext == "pdf" else "html", "snapshot": f"generated/{name}/{fname}", "path": f"/{fname}"}
    if src["kind"] != "gov":
        entry["university"] = src["university"]
    if ext == "pdf":
        entry["published"] = src["published"]
    return entry


def _registry_yaml(entries: list[dict], base_url: str | None) -> str:
    lines = ["# generated by bench/corpus.py: do not edit", "sources:"]
    for e in entries:
        lines.append(f"  - id: {e['id']}")
        lines.append(f"    publisher: {json.dumps(e['publisher'])}")
        if e.get("university"):
            lines.append(f"    university: {json.dumps(e['university'])}")
        lines.append(f"    kind: {e['kind']}")
        if base_url:
            lines.append(f"    url: {base_url}{e['path']}")
        else:
            lines.append(f"    snapshot: {e['snapshot']}")
        if e.get("published"):
            lines.append(f"    published: '{e['published']}'")
    return "\n".join(lines) + "\n"


def corpus_name(n: int, seed: int) -> str:
    return f"n{n}-seed{seed}"


def generate(n: int, seed: int, out: Path, edit: float = 0.0) -> dict:
    """Write the corpus (see the module doc); returns a summary. Same (n, seed, edit): same bytes."""
    name = corpus_name(n, seed)
    snap_dir = SNAPSHOTS / "generated" / name
    site_dir = out / "site"
    for d in (snap_dir, site_dir, out):
        d.mkdir(parents=True, exist_ok=True)
    ignore = SNAPSHOTS / "generated" / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# generated benchmark corpora (bench/corpus.py)\n*\n")
    rng = random.Random(seed)
    sources = [_source(rng, i) for i in range(n)]
    edit_rng = random.Random(f"{seed}-edit-{edit}")
    edited = sorted(edit_rng.sample(range(n), round(n * edit))) if edit else []
    for i in edited:
        _agreement(edit_rng, sources[i]["page"], sources[i]["university"], sources[i]["university"])
    entries = [_write_source(s, snap_dir, site_dir, name) for s in sources]
    (out / "registry.yml").write_text(_registry_yaml(entries, None))
    (out / "entries.json").write_text(json.dumps(entries))
    with open(out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for s in sources:
            fh.write(json.dumps({"source_id": s["id"], "kind": s["kind"], **s["page"].facts}) + "\n")
    facts = sum(len(v) for s in sources for v in s["page"].facts.values())
    return {"name": name, "sources": n, "facts": facts, "edited": len(edited), "registry": str(out / "registry.yml"),
            "snapshots": str(snap_dir)}


def serve(out: Path, port: int = 0, host: str = "127.0.0.1"):
    """Serve <out>/site on a loopback address; write <out>/registry-live.yml; return the server (serve_forever)."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer((host, port), functools.partial(Quiet, directory=str(out / "site")))
    base = f"http://{host}:{server.server_address[1]}"
    entries = json.loads((out / "entries.json").read_text())
    (out / "registry-live.yml").write_text(_registry_yaml(entries, base))
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--n", type=int, default=200)
    g.add_argument("--seed", type=int, default=7)
    g.add_argument("--out", type=Path, help="default: warehouse/bench/<n>-<seed>/")
    g.add_argument("--edit", type=float, default=0.0, help="fraction of sources given one more agreement")
    s = sub.add_parser("serve")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    if args.command == "generate":
        out = args.out or REPO / "warehouse" / "bench" / corpus_name(args.n, args.seed)
        print(json.dumps(generate(args.n, args.seed, out, args.edit), indent=1))
        return 0
    server = serve(args.out, args.port)
    print(f"serving {args.out / 'site'} on http://127.0.0.1:{server.server_address[1]}/ ; "
          f"registry: {args.out / 'registry-live.yml'} (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
