#!/usr/bin/env python
"""Rebuild sources/snapshots/ (and the generated part of the registry) from captured page texts.

The snapshots are offline copies of real pages "as a scraper meets them":
each captured text is put back into a page of realistic structure: site
header and navigation, the article, share bars and side lists, a footer, the
page's date where it has one. They are not byte-for-byte copies of the live
pages.

- The five seed pages (shared/seeds, with index.yml) each have a template of
  their own; the Hunan brochure becomes a real PDF (fpdf2, DejaVu Sans), one
  slide per page. Their registry entries are written by hand.
- The 64 development-set pages (shared/devset/pages: ``URL:``/``TITLE:``
  header lines, then the text) share one news-page template: the headline in
  ``<h1>`` (none when the title was derived, not shown by the page), one
  ``<p>`` per text line, the URL in ``<link rel="canonical">``, and the
  publication date, where known, in ``<meta property="article:published_time">``.
  The date "where known" is the ``published`` field of the page's annotation
  (shared/devset/gold/NNN_slug.json), the page's metadata, not a fact. Their
  registry entries (id ``devset_NNN_slug``) are generated into
  sources/registry.yml between the ``BEGIN/END GENERATED`` markers.

The product reads only the committed outputs, never ../shared. The build is
deterministic: same inputs, same bytes (the PDF's creation date is fixed). Usage::

    python sources/build_snapshots.py                 # write sources/snapshots/ and the registry block
    python sources/build_snapshots.py --check         # exit 1 if a snapshot or the registry block is stale
    python sources/build_snapshots.py --seeds DIR --devset DIR --out DIR --registry FILE

The seed directory is ``--seeds``, else $PARTNERSHIPS_SEEDS_DIR, else
/work/shared/seeds, else ../shared/seeds beside the repository; the devset
directory is ``--devset``, else $PARTNERSHIPS_DEVSET_DIR, else the ``devset``
directory beside the seed directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "sources" / "snapshots"
SEEDS_ENV = "PARTNERSHIPS_SEEDS_DIR"
DEVSET_ENV = "PARTNERSHIPS_DEVSET_DIR"
SEED_DIRS = (Path("/work/shared/seeds"), REPO_ROOT.parent / "shared" / "seeds")
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
)
PDF_CREATION_DATE = dt.datetime(2011, 1, 1, tzinfo=dt.timezone.utc)  # fixed: deterministic bytes

_DATE_HEADING = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|June|Jul|July|Aug|Sept?|Oct|Nov|Dec)\.? \d{4}$")


class SnapshotError(RuntimeError):
    """A seed is missing or does not have the shape its page template expects."""


def t(text: str) -> str:
    """Escape text for an HTML text node."""
    return escape(text, quote=False)


def a(text: str) -> str:
    """Escape text for an HTML attribute value."""
    return escape(text, quote=True)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def _menu(items: list[tuple[str, str]], cls: str) -> str:
    lis = "\n".join(f'      <li><a href="{a(href)}">{t(label)}</a></li>' for label, href in items)
    return f'    <ul class="{cls}">\n{lis}\n    </ul>'


# ------------------------------------------------------------------ 000 Xiangtan University timeline


def build_xtu(text: str, entry: dict) -> bytes:
    lines = _lines(text)
    breadcrumb, title = lines[0].strip(), lines[1].strip()
    crumbs = [c.strip() for c in breadcrumb.split("/")]
    if len(crumbs) != 3 or crumbs[-1] != title:
        raise SnapshotError(f"xtu seed: expected a breadcrumb ending in the title, got {breadcrumb!r}")
    # Timeline: a date line heads the paragraph after it; a paragraph without one stays undated.
    items: list[tuple[str | None, list[str]]] = []
    date: str | None = None
    for line in (ln.strip() for ln in lines[2:]):
        if not line:
            continue
        if _DATE_HEADING.match(line):
            date = line
            continue
        items.append((date, [line]))
        date = None
    if date is not None:
        raise SnapshotError(f"xtu seed: date line {date!r} has no entry after it")
    entries = []
    for date, paras in items:
        head = f'\n          <h3 class="date">{t(date)}</h3>' if date else ""
        body = "".join(f"\n          <p>{t(p)}</p>" for p in paras)
        entries.append(f'        <div class="item">{head}{body}\n        </div>')
    menu = _menu(
        [
            ("Home", "/english/"),
            ("About XTU", "/english/About/"),
            ("Academics", "/english/Academics/"),
            ("Research", "/english/Research/"),
            ("Admissions", "/english/Admissions/"),
            ("International", "/english/International/"),
            ("Campus Life", "/english/Campus/"),
            ("Contact", "/english/Contact/"),
        ],
        "main-menu",
    )
    side = _menu(
        [
            ("Research Overview", "/english/Research/Overview/"),
            ("Research Institutes", "/english/Research/Institutes/"),
            ("University-Industry Cooperation", "/english/Research/Cooperation/Industry/"),
            ("University-Government Cooperation", "/english/Research/Cooperation/University/"),
            ("International Cooperation", "/english/Research/Cooperation/International/"),
        ],
        "sub-menu",
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{t(title)} - Xiangtan University</title>
  <link rel="stylesheet" href="/english/css/style.css">
  <style>.timeline .date {{ font-weight: bold; color: #8b0000; }}</style>
</head>
<body>
  <header class="site-header">
    <div class="logo"><a href="/english/"><img src="/english/images/logo.png" alt="Xiangtan University"></a></div>
    <nav class="main-nav">
{menu}
    </nav>
    <form class="search" action="/english/search/"><input type="text" name="q" placeholder="Search"><button>Search</button></form>
  </header>
  <div class="container">
    <aside class="left-column">
      <h2>Research</h2>
{side}
    </aside>
    <main id="main">
      <nav class="breadcrumb" aria-label="breadcrumb"><a href="/english/">{t(crumbs[0])}</a> / <a href="/english/Research/">{t(crumbs[1])}</a> / <span>{t(crumbs[2])}</span></nav>
      <article class="timeline-page">
        <h1>{t(title)}</h1>
        <div class="timeline">
{chr(10).join(entries)}
        </div>
      </article>
    </main>
  </div>
  <footer class="site-footer">
    <p>Copyright &copy; Xiangtan University. All rights reserved.</p>
    <p>Address: Xiangtan University, Xiangtan, Hunan, China</p>
  </footer>
  <script src="/english/js/jquery.min.js"></script>
  <script>document.querySelectorAll('.timeline .item').forEach(function (el) {{ el.classList.add('shown'); }});</script>
</body>
</html>
""".encode("utf-8")


# ------------------------------------------------------------------ 001 China Daily (Shanxi) news article


def _chinadaily_header(section: str) -> str:
    menu = _menu(
        [
            ("Home", "http://www.chinadaily.com.cn/"),
            ("China", "http://www.chinadaily.com.cn/china"),
            ("World", "http://www.chinadaily.com.cn/world"),
            ("Business", "http://www.chinadaily.com.cn/business"),
            ("Culture", "http://www.chinadaily.com.cn/culture"),
            ("Travel", "http://www.chinadaily.com.cn/travel"),
            ("Sports", "http://www.chinadaily.com.cn/sports"),
            ("Opinion", "http://www.chinadaily.com.cn/opinion"),
        ],
        "nav-list",
    )
    return f"""  <div class="topbar"><a href="http://www.chinadaily.com.cn/">chinadaily.com.cn</a> | <a href="http://language.chinadaily.com.cn/">Language</a> | <a href="http://subscription.chinadaily.com.cn/">Subscribe</a></div>
  <header class="header">
    <div class="logo"><a href="/"><img src="/images/logo.png" alt="China Daily {t(section)}"></a></div>
    <nav>
{menu}
    </nav>
  </header>"""


def build_chinadaily_shanxi(text: str, entry: dict) -> bytes:
    lines = [ln.strip() for ln in _lines(text) if ln.strip()]
    title, caption, *paras = lines
    if "[Photo" not in caption:
        raise SnapshotError(f"chinadaily shanxi seed: line 2 should be the photo caption, got {caption[:60]!r}")
    published = str(entry["published"])
    body = "\n".join(f"      <p>{t(p)}</p>" for p in paras)
    latest = _menu(
        [
            ("Shanxi sets out its priorities for the year", "/latest/1.htm"),
            ("Photos: winter scenery along the Yellow River", "/latest/2.htm"),
            ("Taiyuan opens new metro line to visitors", "/latest/3.htm"),
            ("Pingyao ancient city welcomes tourists", "/latest/4.htm"),
        ],
        "latest-list",
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{t(title)} - Chinadaily.com.cn</title>
  <meta property="og:title" content="{a(title)}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{a(entry["url"])}">
  <meta property="article:published_time" content="{a(published)}">
  <meta name="description" content="{a(paras[0])}">
  <link rel="stylesheet" href="/css/shanxi.css">
</head>
<body>
{_chinadaily_header("Shanxi")}
  <div class="container">
    <article class="main-article">
      <h1>{t(title)}</h1>
      <figure class="photo">
        <img src="/img/{a(published)}/lyuliang.jpg" alt="">
        <figcaption>{t(caption)}</figcaption>
      </figure>
{body}
      <div class="share-bar">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Weibo</a> <a href="#">WeChat</a></div>
    </article>
    <aside class="sidebar">
      <h2>Latest news</h2>
{latest}
    </aside>
  </div>
  <footer>
    <p>Copyright 1995 - 2021. All rights reserved. The content (including but not limited to text, photo, multimedia information, etc) published in this site belongs to China Daily Information Co (CDIC).</p>
  </footer>
  <script>var _hmt = _hmt || []; /* analytics */</script>
</body>
</html>
""".encode("utf-8")


# ------------------------------------------------------------------ 002 Sichuan provincial government


def build_sichuan(text: str, entry: dict) -> bytes:
    lines = [ln.strip() for ln in _lines(text)]  # the spacer lines are non-breaking spaces: strip to ""
    foot_at = next((i for i, ln in enumerate(lines) if ln.startswith("Hosted by")), None)
    if "" not in lines or foot_at is None:
        raise SnapshotError("sichuan seed: expected a menu, a blank spacer and a 'Hosted by' footer")
    menu_end = lines.index("")
    menu_items = [ln for ln in lines[:menu_end] if ln]
    middle = [ln for ln in lines[menu_end:foot_at] if ln]
    footer = [ln for ln in lines[foot_at:] if ln]
    title, date_line, *paras = middle
    if not date_line.startswith("Updated:"):
        raise SnapshotError(f"sichuan seed: expected the 'Updated:' line after the title, got {date_line!r}")
    menu = _menu([(item, f"/10462/{i + 1}/index.shtml") for i, item in enumerate(menu_items)], "nav-list")
    body = "\n".join(f"<p>&nbsp;&nbsp;{t(p)}</p>" for p in paras)
    foot = "\n".join(f"    <p>{t(f)}</p>" for f in footer)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{t(title)}_Sichuan Province</title>
<link href="/css/english.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">var pageId = "32cad2ceb74247e799ea37c3ffe643fa";</script>
</head>
<body>
<div class="top">
  <div class="logo"><img src="/images/en_logo.png" alt="Sichuan" /></div>
  <nav class="nav">
{menu}
  </nav>
</div>
<div class="wrap">
  <div class="zw">
    <h1>{t(title)}</h1>
    <div class="info">{t(date_line)}</div>
    <div class="zw-con">
{body}
    </div>
    <div class="print"><a href="javascript:window.print()">Print</a> <a href="javascript:window.close()">Close</a></div>
  </div>
</div>
<footer class="foot">
{foot}
</footer>
</body>
</html>
"""
    # Served as the site declares: GB2312 label, bytes in its superset GB18030.
    return page.encode("gb18030")


# ------------------------------------------------------------------ 003 Hunan brochure (PDF)


def _font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    raise SnapshotError(f"no DejaVuSans.ttf found (looked in {', '.join(FONT_CANDIDATES)}); install fonts-dejavu-core")


def build_hunan_pdf(text: str, entry: dict) -> bytes:
    from fpdf import FPDF  # build-time only (dev dependency)

    # One slide per page: the captured text separates slides by three or more blank lines.
    slides = [s.strip("\n") for s in re.split(r"\n(?:[ \t]*\n){3,}", text.replace("\r\n", "\n"))]
    slides = [s for s in slides if s.strip()]
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(PDF_CREATION_DATE)
    pdf.set_author(str(entry.get("publisher") or ""))
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(15, 15, 15)
    pdf.add_font("DejaVuSans", fname=_font_path())
    pdf.set_font("DejaVuSans", size=13)
    for slide in slides:
        pdf.add_page()
        for line in slide.split("\n"):
            if line.strip():
                pdf.multi_cell(0, 7, line.rstrip(), new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(7)
    return bytes(pdf.output())


# ------------------------------------------------------------------ 004 China Daily (education) news article


def build_chinadaily_education(text: str, entry: dict) -> bytes:
    lines = [ln.strip() for ln in _lines(text) if ln.strip()]
    footer_at = next((i for i, ln in enumerate(lines) if ln.startswith("Copyright")), None)
    if footer_at is None:
        raise SnapshotError("chinadaily education seed: expected the 'Copyright' footer")
    paras, footer = lines[:footer_at], lines[footer_at:]
    # The captured text starts at the article body; the headline below is this snapshot's own.
    title = "Xi'an University of Technology deepens integration of industry, education and science"
    published = str(entry["published"])
    body = "\n".join(f"        <p>{t(p)}</p>" for p in paras)
    foot = "\n".join(f"      <p>{t(f)}</p>" for f in footer)
    popular = _menu(
        [
            ("Universities expand short courses for working adults", "/popular/1.htm"),
            ("Campus open days draw families across the country", "/popular/2.htm"),
            ("Students share stories of study abroad", "/popular/3.htm"),
        ],
        "popular-list",
    )
    return f"""<!DOCTYPE html>
<html>
<head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
  <title>{t(title)} - Chinadaily.com.cn</title>
  <meta name="keywords" content="Xi'an University of Technology, industry, education">
  <link rel="stylesheet" href="/css/education.css">
</head>
<body>
{_chinadaily_header("Education")}
  <div class="art_header">
    <h1>{t(title)}</h1>
    <div class="info"><span class="info_l">chinadaily.com.cn | Updated: {t(published)}</span></div>
  </div>
  <div class="main_art">
    <div class="lft_art">
      <div id="Content">
{body}
      </div>
      <div class="bdsharebuttonbox"><a href="#" class="bds_weixin">WeChat</a><a href="#" class="bds_tsina">Weibo</a><a href="#" class="bds_fbook">Facebook</a></div>
    </div>
    <div class="rt_art">
      <h3>Most popular</h3>
{popular}
    </div>
  </div>
  <footer>
    <div class="foot">
{foot}
    </div>
  </footer>
</body>
</html>
""".encode("utf-8")


# ------------------------------------------------------------------ development-set pages (one template)

DEVSET_ID_PREFIX = "devset_"
REGISTRY_BEGIN = "  # ---- BEGIN GENERATED by sources/build_snapshots.py from shared/devset: do not edit by hand ----"
REGISTRY_END = "  # ---- END GENERATED ----"
_DERIVED_TITLE = re.compile(r"\s*\[title derived[^\]]*\]\s*")
_DEVSET_NAME = re.compile(r"^(\d{3})_([a-z0-9_-]+)\.txt$")


class DevsetPage(NamedTuple):
    """One development-set page: its header lines, text and known publication date."""

    number: str
    slug: str
    url: str
    title: str
    title_shown: bool  # False: the title was derived (from the URL or text), the page showed none
    lines: list[str]
    published: str | None

    @property
    def source_id(self) -> str:
        return f"{DEVSET_ID_PREFIX}{self.number}_{self.slug.replace('-', '_')}"

    @property
    def snapshot(self) -> str:
        return f"{self.source_id}.html"

    @property
    def host(self) -> str:
        host = urlsplit(self.url).hostname or "unknown"
        return host[4:] if host.startswith("www.") else host


def read_devset_page(path: Path, gold_dir: Path | None) -> DevsetPage:
    m = _DEVSET_NAME.match(path.name)
    if not m:
        raise SnapshotError(f"{path}: devset page names are NNN_slug.txt")
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read page ({exc.strerror})") from exc
    lines = _lines(raw)
    if len(lines) < 3 or not lines[0].startswith("URL: ") or not lines[1].startswith("TITLE: "):
        raise SnapshotError(f"{path}: expected 'URL: ...' and 'TITLE: ...' on lines 1 and 2")
    url = lines[0][len("URL: "):].strip()
    if urlsplit(url).scheme not in ("http", "https"):
        raise SnapshotError(f"{path}: line 1 is not an http(s) URL: {url!r}")
    title_line = lines[1][len("TITLE: "):]
    title_shown = not _DERIVED_TITLE.search(title_line)
    title = _DERIVED_TITLE.sub(" ", title_line).strip()
    text_lines = [ln.strip() for ln in lines[2:] if ln.strip()]
    if title_shown and text_lines and " ".join(text_lines[0].split()) == " ".join(title.split()):
        text_lines = text_lines[1:]  # the headline opens the captured text: it becomes the <h1>
    published = None
    gold = gold_dir / f"{path.stem}.json" if gold_dir else None
    if gold is not None and gold.is_file():
        try:
            published = json.loads(gold.read_text(encoding="utf-8")).get("published")
        except (OSError, ValueError) as exc:
            raise SnapshotError(f"{gold}: cannot read the page's annotation ({exc})") from exc
        if published is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(published)):
            raise SnapshotError(f"{gold}: published {published!r} is not YYYY[-MM[-DD]]")
    return DevsetPage(m.group(1), m.group(2), url, title, title_shown, text_lines,
                      None if published is None else str(published))


def build_devset_page(page: DevsetPage) -> bytes:
    host = page.host
    date_meta = (f'\n  <meta property="article:published_time" content="{a(page.published)}">'
                 if page.published else "")
    headline = f"\n        <h1>{t(page.title)}</h1>" if page.title_shown else ""
    body = "".join(f"\n        <p>{t(line)}</p>" for line in page.lines)
    menu = _menu([("Home", "/"), ("News", "/news/"), ("About", "/about/"), ("Contact", "/contact/")], "main-menu")
    related = _menu([("More news", "/news/"), ("Archive", "/news/archive/")], "related-list")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{t(page.title)} - {t(host)}</title>
  <link rel="canonical" href="{a(page.url)}">
  <meta property="og:url" content="{a(page.url)}">
  <meta property="og:type" content="article">{date_meta}
  <link rel="stylesheet" href="/css/site.css">
</head>
<body>
  <header class="site-header">
    <div class="logo"><a href="/">{t(host)}</a></div>
    <nav class="main-nav">
{menu}
    </nav>
  </header>
  <div class="container">
    <main id="main">
      <article class="article">{headline}
        <div class="article-body">{body}
        </div>
      </article>
    </main>
    <aside class="sidebar">
      <h2>Related</h2>
{related}
    </aside>
  </div>
  <footer class="site-footer">
    <p>Copyright &copy; {t(host)}. All rights reserved.</p>
  </footer>
</body>
</html>
""".encode("utf-8")


def read_devset(devset_dir: Path) -> list[DevsetPage]:
    pages_dir = devset_dir / "pages"
    paths = sorted(pages_dir.glob("*.txt")) if pages_dir.is_dir() else []
    if not paths:
        raise SnapshotError(f"{pages_dir}: no development-set pages (NNN_slug.txt) found")
    gold_dir = devset_dir / "gold"
    return [read_devset_page(p, gold_dir if gold_dir.is_dir() else None) for p in paths]


def registry_block(pages: list[DevsetPage]) -> str:
    """The registry entries of the development-set pages, between the markers."""
    out = [REGISTRY_BEGIN]
    for page in pages:
        out += [
            f"  - id: {page.source_id}",
            f"    publisher: {json.dumps(page.host)}",
            "    kind: html",
            f"    url: {json.dumps(page.url)}",
            f"    snapshot: {page.snapshot}",
            "",
        ]
    out.append(REGISTRY_END)
    return "\n".join(out) + "\n"


def with_registry_block(registry_text: str, block: str, where: Path) -> str:
    """The registry text with its generated block replaced (appended at the end when absent)."""
    start, end = registry_text.find(REGISTRY_BEGIN), registry_text.find(REGISTRY_END)
    if (start < 0) != (end < 0) or end < start:
        raise SnapshotError(f"{where}: generated-block markers are broken (one missing or out of order)")
    if start < 0:
        return registry_text.rstrip("\n") + "\n\n" + block
    tail = registry_text[end + len(REGISTRY_END):].lstrip("\n")
    return registry_text[:start] + block + tail


# ------------------------------------------------------------------ driver

Builder = Callable[[str, dict], bytes]
SNAPSHOTS: dict[str, tuple[str, Builder]] = {
    # snapshot file (as named in sources/registry.yml): (seed file, template)
    "xtu_university_government.html": ("000_4844190aab0468df.txt", build_xtu),
    "chinadaily_shanxi_lyuliang_tyut.html": ("001_e882e83c7fc1b743.txt", build_chinadaily_shanxi),
    "sichuan_gov_university_cooperation.html": ("002_8449ebd789da716f.txt", build_sichuan),
    "hunan_dost_brochure.pdf": ("003_c82ae5e31107bcbe.txt", build_hunan_pdf),
    "chinadaily_education_xaut.html": ("004_d5aaec4a9e7f9f78.txt", build_chinadaily_education),
}
REGISTRY = REPO_ROOT / "sources" / "registry.yml"


def default_seeds_dir() -> Path:
    if env := os.environ.get(SEEDS_ENV):
        return Path(env)
    for candidate in SEED_DIRS:
        if candidate.is_dir():
            return candidate
    return SEED_DIRS[0]


def default_devset_dir(seeds_dir: Path) -> Path:
    if env := os.environ.get(DEVSET_ENV):
        return Path(env)
    return seeds_dir.parent / "devset"


def build_all(seeds_dir: Path) -> dict[str, bytes]:
    """Every seed snapshot's bytes, by snapshot file name."""
    index_path = seeds_dir / "index.yml"
    try:
        index = yaml.safe_load(index_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SnapshotError(f"{index_path}: cannot read the seed index ({exc.strerror})") from exc
    entries = {e["file"]: e for e in index or []}
    built: dict[str, bytes] = {}
    for name, (seed, builder) in SNAPSHOTS.items():
        if seed not in entries:
            raise SnapshotError(f"{index_path}: no entry for {seed}")
        try:
            text = (seeds_dir / seed).read_text(encoding="utf-8")
        except OSError as exc:
            raise SnapshotError(f"{seeds_dir / seed}: cannot read seed ({exc.strerror})") from exc
        built[name] = builder(text, entries[seed])
    return built


def build_devset(devset_dir: Path) -> tuple[dict[str, bytes], str]:
    """Every development-set snapshot's bytes by file name, and their registry block."""
    pages = read_devset(devset_dir)
    return {p.snapshot: build_devset_page(p) for p in pages}, registry_block(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=None, help="seed directory (with index.yml)")
    parser.add_argument("--devset", type=Path, default=None, help="devset directory (with pages/ and gold/)")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output directory")
    parser.add_argument("--registry", type=Path, default=REGISTRY, help="registry whose generated block is rewritten")
    parser.add_argument("--check", action="store_true", help="compare with --out and --registry instead of writing")
    args = parser.parse_args(argv)
    seeds = args.seeds or default_seeds_dir()
    devset = args.devset or default_devset_dir(seeds)
    try:
        built = build_all(seeds)
        devset_built, block = build_devset(devset)
        built.update(devset_built)
        registry_text = args.registry.read_text(encoding="utf-8") if args.registry.is_file() else ""
        new_registry = with_registry_block(registry_text, block, args.registry)
    except SnapshotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, data in built.items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path} ({len(data)} bytes)")
    if args.out.is_dir():
        generated = {n for n in built if n.startswith(DEVSET_ID_PREFIX)}
        orphans = sorted(p.name for p in args.out.glob(f"{DEVSET_ID_PREFIX}*") if p.name not in generated)
        for name in orphans:
            if args.check:
                stale.append(f"{name} (no longer generated)")
            else:
                (args.out / name).unlink()
                print(f"removed {args.out / name}")
    if new_registry != registry_text:
        if args.check:
            stale.append(str(args.registry))
        else:
            args.registry.write_text(new_registry, encoding="utf-8")
            print(f"wrote {args.registry} ({block.count('  - id: ')} generated entries)")
    if stale:
        print(f"stale (rebuild with sources/build_snapshots.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    if args.check:
        print(f"{len(built)} snapshots and the registry block up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
