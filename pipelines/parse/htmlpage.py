"""HTML to main text, title and publication date (BeautifulSoup, lxml backend).

Main text, in four steps, all general rules:

1. drop what is never text (scripts, styles, forms' controls, hidden
   elements) and page furniture (nav, aside, footer, a site header, and
   elements whose class/id says menu, breadcrumb, footer, share bar, ...),
   unless the element holds the article itself;
2. choose the main container: ``<article>``, ``<main>``/``role=main``/
   ``itemprop=articleBody``, then known content classes/ids, else the block
   with the most paragraph text net of other text;
3. inside it, drop link lists (mostly-link blocks);
4. write it out with its block structure: each block element on its own
   line, paragraphs and headings separated by a blank line; then drop
   "Copyright ..." / ICP licence / share-bar lines.

Publication date, first found of: htmldate on the page's own metadata (meta
tags and JSON-LD, without modified times, the page's URL or a copyright year;
offline), kept at the metadata's own precision when the project's reader gives
the same date with less ("2018-05"); the project's metadata reader; a <time>
marked as published or standing beside the headline; a visible date line
beside the headline or among the first lines (``pipelines.parse.dates``). The
URL's date is not the page's here: the extractor uses it last.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from bs4.builder._lxml import LXMLTreeBuilder
from bs4.element import CData
from htmldate import find_date as htmldate_find_date

from pipelines.parse.dates import date_from_line, day_first_for_url, normalise_date
from pipelines.parse.model import ParsedPage, ParseError

# ---------------------------------------------------------------- structure

PARAGRAPH_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 pre blockquote table ul ol dl section article main header footer "
    "aside nav figure form fieldset address hr details hgroup".split()
)
LINE_BLOCKS = frozenset("li div tr td th dt dd figcaption caption summary center body legend".split())
_NEVER_TEXT = (
    "script style noscript template iframe svg canvas object embed video audio map "
    "input select option button textarea label".split()
)
_SKIPPED_STRINGS = (Comment, CData, ProcessingInstruction, Declaration, Doctype)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# Furniture by tag; <header> only outside the article.
_FURNITURE_TAGS = ("nav", "aside", "footer", "header", "menu")
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# Furniture by class/id: substrings strong enough to match inside a token
# ("topnav", "bdsharebuttonbox"), and words that must be a whole part of one.
_FURNITURE_SUBSTR = re.compile(r"nav|menu|breadcrumb|crumb|footer|copyright|share|sidebar|cookie|advert", re.I)
_FURNITURE_WORD = re.compile(
    r"(?:^|[-_])(?:comments?|social|banner|related|recommend|search|login|ads?|header|masthead|topbar|"
    r"tags|pagination|pager|print|foot|bottom|toolbar|popup|modal|subscribe|newsletter|skip)(?:$|[-_])",
    re.I,
)
# Content containers by class/id.
_CONTENT_HINT = re.compile(
    r"article|content|post|entry|story|main|text|body|detail|news|trs_editor|cont\b", re.I
)
_SEMANTIC_MAIN = ({"name": "main"}, {"attrs": {"role": "main"}}, {"attrs": {"itemprop": "articleBody"}})
MIN_MAIN_SHARE = 0.25  # a container must hold at least this share of the page's text
LINK_LIST_MIN_LINKS = 3
LINK_LIST_DENSITY = 0.8
_LINK_LIST_TAGS = ["ul", "ol", "dl", "div", "table", "section", "menu"]
HEADLINE_CLIMB = 3  # levels the container may widen to take in the headline
HEADLINE_EXTRA = 200  # text besides the headline that widening may take in (a date line, a byline)

# ---------------------------------------------------------------- lines dropped from the text

_COPYRIGHT = re.compile(
    r"^(?:copyright\s*(?:©|\(c\)|\d{4})|©\s*(?:copyright\s*)?\d{4}|版权所有)|all rights reserved", re.I
)
_ICP = re.compile(r"\bICP\s*(?:No\.?|备|证|證)|公网安备|网安备", re.I)
_SHARE = re.compile(
    r"^(?:share(?:\s+(?:this|to|on))?|分享到?)\s*[:：]?"
    r"(?:\s*(?:facebook|twitter|x|weibo|wechat|linkedin|whatsapp|email|e-mail|print|qzone|qq|"
    r"微博|微信|[,|/·]))*\s*$",
    re.I,
)
MAX_FURNITURE_LINE = 400

# ---------------------------------------------------------------- publication date metadata

_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "firstpublishedtime",
    "sailthru.date",
    "parsely-pub-date",
    "date",
)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TITLE_SEPARATORS = re.compile(r"\s+[-–—|·•:]{1,2}\s+|\s*[|｜_]\s*")
DATE_LINE_WINDOW = 4  # blocks beside the headline, and lines of each, searched for a date line
DATE_LINE_HEAD = 5  # first lines of the main text searched for a date line
MAX_DATELINE_WORDING = 60  # characters around a <time> beside the headline ("Posted on", a byline); more is prose
_LOGO = re.compile(r"logo|brand|site-?title|site-?name", re.I)
_MENU = re.compile(r"nav|menu", re.I)


def _text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def _tokens(tag: Tag) -> list[str]:
    classes = tag.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    ident = tag.get("id")
    return [*classes, *([ident] if isinstance(ident, str) else [])]


def _is_furniture_by_name(tag: Tag) -> bool:
    return any(_FURNITURE_SUBSTR.search(t) or _FURNITURE_WORD.search(t) for t in _tokens(tag))


def _holds_article(tag: Tag) -> bool:
    if tag.name in ("article", "main") or tag.get("role") == "main":
        return True
    return tag.find(["article", "main", "h1"]) is not None or tag.find(attrs={"role": "main"}) is not None


def _may_be_headline(h1: Tag) -> bool:
    """Outside the main container, an h1 is the headline unless it sits in page furniture
    or is the site's logo/name."""
    if _inside(h1, ("article", "main")):
        return True
    for tag in (h1, *h1.parents):
        if tag.name in _FURNITURE_TAGS or any(_LOGO.search(t) for t in _tokens(tag)):
            return False
    # beside a menu: a site header's name, not an article's headline
    parent = h1.parent
    return parent is None or parent.find(_is_menu) is None


def _is_menu(tag: Tag) -> bool:
    return tag.name == "nav" or any(_MENU.search(t) for t in _tokens(tag))


def _inside(tag: Tag, names: Iterable[str]) -> bool:
    names = set(names)
    return any(parent.name in names for parent in tag.parents)


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _gone(tag: Tag) -> bool:
    """Whether ``tag`` was decomposed (with an ancestor). Tag.decomposed is not used: on a live tag
    it falls through Tag.__getattr__ to a subtree search, which is quadratic on deep pages."""
    return vars(tag).get("_decomposed", False)


def _alive(tags: Iterable[Tag]) -> Iterator[Tag]:
    for tag in tags:
        if not _gone(tag):
            yield tag


def _strip_never_text(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_NEVER_TEXT):
        tag.decompose()
    for tag in soup.find_all(True):
        if not _gone(tag) and _is_hidden(tag):
            tag.decompose()
    for node in soup.find_all(string=lambda s: isinstance(s, _SKIPPED_STRINGS)):
        node.extract()


def _strip_furniture(body: Tag, page_len: int) -> None:
    for tag in list(body.find_all(True)):
        if _gone(tag):
            continue
        by_tag = tag.name in _FURNITURE_TAGS or tag.get("role") in _FURNITURE_ROLES
        if by_tag:
            if tag.name == "header" and _inside(tag, ("article", "main")):
                continue
            if tag.find(["article", "main"]) is not None or tag.find(attrs={"role": "main"}) is not None:
                continue
            tag.decompose()
        elif _is_furniture_by_name(tag):
            if tag.name in ("body", "html", "article", "main") or _holds_article(tag):
                continue
            if page_len and len(_text(tag)) >= 0.5 * page_len:
                continue
            tag.decompose()


# ---------------------------------------------------------------- choosing the main container


@dataclass
class _Tally:
    """Text lengths per element (keyed by id()): all text, paragraph text (in p/pre/
    blockquote, or loose in a div-like block or list item, not in a link), text inside
    links, and the number of links."""

    total: dict[int, int] = field(default_factory=dict)
    para: dict[int, int] = field(default_factory=dict)
    linked: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)

    def score(self, tag: Tag) -> int:
        """Paragraph text net of all other text."""
        return 2 * self.para.get(id(tag), 0) - self.total.get(id(tag), 0)


_PARA_CONTAINERS = frozenset(("div", "td", "li", "dd", "section", "article", "main", "body", "center"))


def _para_rule(tag: Tag) -> bool | None:
    """Whether text directly inside ``tag`` is paragraph text, or None when ``tag`` (an inline
    element) leaves it to its parent."""
    name = tag.name
    if name == "a":
        return False
    if name in ("p", "pre", "blockquote"):
        return True
    if name in LINE_BLOCKS or name in PARAGRAPH_BLOCKS:
        return name in _PARA_CONTAINERS
    return None


def _tally(root: Tag) -> _Tally:
    """Text lengths of every element under ``root``, in time linear in the page size.

    Computed bottom-up (each element from its direct children) rather than by adding
    each string to all its ancestors, which is quadratic in the nesting depth (a page
    of thousands of nested divs took minutes)."""
    tally = _Tally()
    tags = [root, *(t for t in root.descendants if isinstance(t, Tag))]
    inherited = False  # the paragraph rule that applies at root, from its ancestors
    for parent in root.parents:
        rule = _para_rule(parent)
        if rule is not None:
            inherited = rule
            break
    is_para: dict[int, bool] = {}
    for tag in tags:
        rule = _para_rule(tag)
        is_para[id(tag)] = rule if rule is not None else (inherited if tag is root else is_para[id(tag.parent)])
    total, para, linked, links = tally.total, tally.para, tally.linked, tally.links
    for tag in reversed(tags):  # every descendant comes before its ancestors
        key = id(tag)
        t = p = lk = n_links = 0
        for child in tag.contents:
            if isinstance(child, Tag):
                ck = id(child)
                t += total.get(ck, 0)
                p += para.get(ck, 0)
                lk += linked.get(ck, 0)
                n_links += links.get(ck, 0) + (child.name == "a")
            elif not isinstance(child, _SKIPPED_STRINGS):
                n = len(child.strip())
                t += n
                if is_para[key]:
                    p += n
        if tag.name == "a":
            lk = t
        for table, value in ((total, t), (para, p), (linked, lk), (links, n_links)):
            if value:
                table[key] = value
    return tally


def _best(candidates: list[Tag], tally: _Tally, floor: float) -> Tag | None:
    best, best_score = None, None
    for tag in candidates:
        t = tally.total.get(id(tag), 0)
        if t < floor or t == 0:
            continue
        score = tally.score(tag)
        if best_score is None or score >= best_score:  # document order: ties go to the inner one
            best, best_score = tag, score
    return best


def choose_container(body: Tag, tally: _Tally | None = None) -> Tag:
    """The element holding the page's main text (``body`` when nothing better stands out)."""
    tally = tally or _tally(body)
    page_len = tally.total.get(id(body), 0)
    floor = MIN_MAIN_SHARE * page_len
    articles = body.find_all("article")
    if articles:
        # The article with the most text; an article listing (teasers) rarely passes the floor.
        best = max(articles, key=lambda a: tally.total.get(id(a), 0))
        if tally.total.get(id(best), 0) >= max(floor, 1):
            return best
    semantic = [t for q in _SEMANTIC_MAIN for t in body.find_all(q.get("name"), attrs=q.get("attrs", {}))]
    if found := _best(semantic, tally, floor):
        return found
    hinted = [t for t in body.find_all(True) if any(_CONTENT_HINT.search(tok) for tok in _tokens(t))]
    if found := _best(hinted, tally, floor):
        return found
    blocks = [t for t in body.find_all(True) if t.name in LINE_BLOCKS or t.name in PARAGRAPH_BLOCKS]
    found = _best(blocks, tally, floor)
    if found is not None and 0 < tally.score(found) and tally.score(body) < tally.score(found):
        return found
    return body


def _with_headline(container: Tag, body: Tag) -> Tag:
    """Widen the container by up to HEADLINE_CLIMB levels to take in the page's headline
    (and its date line) when the wider block adds little else."""
    if container is body or container.find("h1") is not None:
        return container
    node, base = container, len(_text(container))
    for _ in range(HEADLINE_CLIMB):
        parent = node.parent
        if parent is None or parent is body or not isinstance(parent, Tag):
            break
        node = parent
        h1 = node.find("h1")
        if h1 is not None:
            extra = len(_text(node)) - base
            return node if extra <= len(_text(h1)) + HEADLINE_EXTRA else container
    return container


def _strip_link_lists(container: Tag, tally: _Tally) -> None:
    """Drop blocks that are mostly links (related-story lists, tag clouds), unless they are
    half the container or more (then the links are the content)."""
    whole = tally.total.get(id(container), 0)
    for tag in container.find_all(_LINK_LIST_TAGS):
        if _gone(tag):
            continue
        key = id(tag)
        total = tally.total.get(key, 0)
        if (
            tally.links.get(key, 0) >= LINK_LIST_MIN_LINKS
            and total
            and tally.linked.get(key, 0) >= LINK_LIST_DENSITY * total
            and total < 0.5 * whole
        ):
            tag.decompose()


# ---------------------------------------------------------------- writing the text out


def linearise(root: Tag) -> str:
    """Text of ``root`` with its block structure: one block per line, blank lines between paragraphs."""
    out: list[str] = []
    pending = 0
    started = False
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]
    while stack:
        node, closing, in_pre = stack.pop()
        if isinstance(node, Tag):
            name = node.name
            level = 2 if name in PARAGRAPH_BLOCKS else 1 if name in LINE_BLOCKS else 0
            if closing:
                pending = max(pending, level)
                continue
            if name == "br":
                if started:
                    out.append("\n")
                continue
            pending = max(pending, level)
            stack.append((node, True, in_pre))
            child_pre = in_pre or name == "pre"
            for child in reversed(node.contents):
                stack.append((child, False, child_pre))
        elif isinstance(node, NavigableString) and not isinstance(node, _SKIPPED_STRINGS):
            s = str(node)
            s = re.sub(r"[ \t\r\f\v]+", " ", s) if in_pre else re.sub(r"\s+", " ", s)
            if not s.strip():
                if started:
                    out.append(" ")
                continue
            if started and pending:
                out.append("\n" * pending)
            pending = 0
            started = True
            out.append(s)
    return _tidy("".join(out))


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _tidy(text: str) -> str:
    lines = [" ".join(line.translate(_INVISIBLE).split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _is_furniture_line(line: str) -> bool:
    if not line or len(line) > MAX_FURNITURE_LINE:
        return False
    return bool(_COPYRIGHT.search(line) or _ICP.search(line) or _SHARE.match(line))


def _drop_furniture_lines(text: str) -> str:
    return _tidy("\n".join(line for line in text.split("\n") if not _is_furniture_line(line)))


# ---------------------------------------------------------------- title and date


def clean_title(title: str | None, *, prefer: str | None = None) -> str | None:
    """A <title>/og:title without its " - Site name" part."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p and p.strip()]
    if len(parts) <= 1:
        return title or None
    if prefer and prefer in parts:
        return prefer
    # "Headline - Site" is the common order; take the first part unless it is too slight
    # to be a headline ("Site | Headline"), then the longest.
    if _substantial(parts[0]):
        return parts[0]
    return max(parts, key=len)


def _substantial(part: str) -> bool:
    return len(part.split()) >= 4 or len(_CJK.findall(part)) >= 6


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop") or tag.get("http-equiv")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _json_ld_dates(soup: BeautifulSoup) -> Iterator[str]:
    def walk(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                yield value
            for child in node.values():
                if isinstance(child, (dict, list)):
                    yield from walk(child)
        elif isinstance(node, list):
            for child in node:
                yield from walk(child)

    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        try:
            yield from walk(json.loads(script.string or ""))
        except (ValueError, TypeError, RecursionError):
            continue


# Metadata that is not the publication date: htmldate falls back on these ("reserve" dates) when a
# page states no publication date, but a modified time, the page's URL or a copyright year is not it.
_NOT_PUBLISHED_META = re.compile(r"modif|updat|lastmod|moddate|utime|revis|og:url|copyright", re.I)


def _date_from_htmldate(soup: BeautifulSoup) -> str | None:
    """The publication date htmldate reads in the page's own metadata (its many CMS meta
    names, JSON-LD), as a day.

    htmldate sees a document of the page's meta tags and JSON-LD only, never its URL
    (``url=""`` also stops it reading the canonical link) and never a bare URL string
    (it would fetch it): its later guesses (a modified time, a date in the prose, a
    timeline's, the site header's "today") are not the page's publication date under
    this project's rules, which read the body's <time> tags and date lines themselves."""
    parts = []
    for tag in soup.find_all("meta"):
        key = " ".join(str(tag.get(a) or "") for a in ("name", "property", "itemprop", "http-equiv"))
        if key.strip() and not _NOT_PUBLISHED_META.search(key):
            parts.append(str(tag))
    parts += [str(s) for s in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)})]
    if not parts:
        return None
    document = "<html><head>" + "".join(parts) + "</head><body></body></html>"
    try:
        return htmldate_find_date(document, original_date=True, extensive_search=False, url="",
                                  outputformat="%Y-%m-%d")
    except (ValueError, TypeError):  # a tree htmldate cannot read: the project's own rules follow
        return None


def _date_from_metadata(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    for key in _DATE_META:
        if key in meta and (date := normalise_date(meta[key])):
            return date
    for value in _json_ld_dates(soup):
        if date := normalise_date(value):
            return date
    return None


def _time_value(tag: Tag | None) -> str | None:
    if tag is None:
        return None
    value = tag.get("datetime") or tag.get_text(" ")
    return normalise_date(value) if isinstance(value, str) else None


def _date_from_time_tags(body: Tag, container: Tag, h1: Tag | None) -> str | None:
    """<time> marked as the publication date anywhere; else one beside the headline; else
    the container's only <time datetime> when it stands before the first paragraph (a
    dateline, not a date in a timeline, a list or the story's prose)."""
    marked = body.find("time", attrs={"itemprop": "datePublished"}) or body.find("time", attrs={"pubdate": True})
    if date := _time_value(marked):
        return date
    if h1 is not None:
        for block in _headline_neighbours(h1):
            found = block if block.name == "time" else block.find("time", attrs={"datetime": True})
            if found is not None and len(_text(block)) - len(_text(found)) <= MAX_DATELINE_WORDING:
                if date := _time_value(found):
                    return date
    times = container.find_all("time", attrs={"datetime": True}, limit=2)
    if len(times) == 1 and times[0].find_parent(["p", "li", "dd", "td"]) is None:
        first_p = container.find("p")
        if first_p is None or times[0].find_next("p") is first_p:
            return _time_value(times[0])
    return None


def _headline_neighbours(h1: Tag) -> list[Tag]:
    """The blocks just before and after the headline (a dateline's place)."""
    node = h1
    while node.parent is not None and len([c for c in node.parent.children if isinstance(c, Tag)]) == 1:
        node = node.parent  # the headline is wrapped on its own: look beside the wrapper
    return node.find_next_siblings(True, limit=DATE_LINE_WINDOW) + node.find_previous_siblings(True, limit=1)


def _heading(h1: Tag) -> str:
    return " ".join(linearise(h1).split())


def _date_from_lines(h1: Tag | None, main_text: str, url: str | None = None) -> str | None:
    """A visible date line beside the headline, else among the first lines of the main text;
    a numeric day and month in the order of the site's country (``day_first_for_url``)."""
    day_first = day_first_for_url(url)
    candidates: list[str] = []
    if h1 is not None:
        for block in _headline_neighbours(h1):
            candidates += [line for line in linearise(block).split("\n") if line][:DATE_LINE_WINDOW]
    candidates += [line for line in main_text.split("\n") if line][:DATE_LINE_HEAD]
    for line in candidates:
        if date := date_from_line(line, day_first=day_first):
            return date
    return None


_TITLE_HINT = re.compile(r"title|headline|biaoti|^bt$", re.I)


def _top_heading(container: Tag, text: str) -> str | None:
    """Without an h1: the heading (h2-h4, or a title-classed block) that opens the main
    text, when it reads like a headline rather than a section name."""
    first_line = text.split("\n", 1)[0]
    if not first_line or not _substantial(first_line):
        return None
    for tag in container.find_all(["h2", "h3", "h4", "div", "p", "span", "strong", "td"], limit=200):
        if tag.name in ("h2", "h3", "h4") or any(_TITLE_HINT.search(tok) for tok in _tokens(tag)):
            if _heading(tag) == first_line:
                return first_line
            break  # only the first candidate can open the text
    return None


def _first_h1(tags: Iterable[Tag]) -> Tag | None:
    for tag in _alive(tags):
        if _heading(tag):
            return tag
    return None


# ---------------------------------------------------------------- entry point


MAX_DEPTH = 512  # elements nested deeper are flattened into their ancestor at this depth, as browsers do


class _DepthCappedBuilder(LXMLTreeBuilder):
    """bs4's lxml builder, with element nesting capped at MAX_DEPTH.

    Past the cap, tags are dropped and their text goes to the deepest element
    kept (Chromium's parser caps the DOM depth at 512 the same way). Without
    it, bs4's tree building is quadratic in the nesting depth: a 1 MB page of
    thousands of nested divs took 30 s, 2 MB over two minutes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._skipped = 0

    def start(self, tag, attrs, nsmap={}):  # noqa: B006 - bs4's signature
        if self._skipped or len(self.soup.tagStack) > MAX_DEPTH:
            self._skipped += 1
            return None
        return super().start(tag, attrs, nsmap)

    def end(self, tag):
        if self._skipped:
            self._skipped -= 1
            return None
        return super().end(tag)


def parse_html(html: str, *, url: str | None = None) -> ParsedPage:
    """Main text, title and publication date of an HTML page (already decoded to str)."""
    if not isinstance(html, str):
        raise ParseError(f"{url or 'html'}: parse_html needs decoded text (str), got {type(html).__name__}")
    soup = BeautifulSoup(html, builder=_DepthCappedBuilder())
    meta = _meta(soup)
    own_date = _date_from_metadata(soup, meta)
    page_date = _date_from_htmldate(soup)
    if page_date is None or (own_date and page_date.startswith(own_date)):
        page_date = own_date  # htmldate gives a day; a metadata value with a month only stays a month
    title_tag = soup.find("title")
    title_text = _text(title_tag) if title_tag else None
    og_title = meta.get("og:title") or meta.get("twitter:title")
    all_h1 = soup.find_all("h1")
    first_h1_text = next((t for t in map(_heading, all_h1) if t), None)
    page_h1 = [h for h in all_h1 if _may_be_headline(h)]

    _strip_never_text(soup)
    body = soup.body or soup
    page_len = len(_text(body))
    _strip_furniture(body, page_len)
    tally = _tally(body)
    container = _with_headline(choose_container(body, tally), body)
    _strip_link_lists(container, tally)
    text = _drop_furniture_lines(linearise(container))

    h1 = _first_h1(container.find_all("h1")) or _first_h1(page_h1)
    heading = _heading(h1) if h1 is not None else None
    if heading is None:
        heading = _top_heading(container, text)
    title = clean_title(og_title, prefer=heading) or heading or clean_title(title_text) or first_h1_text

    published = page_date or _date_from_time_tags(body, container, h1) or _date_from_lines(h1, text, url)
    return ParsedPage(title=title, published=published, text=text, kind="html")
