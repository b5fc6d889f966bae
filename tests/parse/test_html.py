"""parse_html: main text with structure, title and publication date, on pages written here."""

from __future__ import annotations

import time

import pytest

from pipelines.parse import ParseError, parse_html

NEWS = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>River City and Northfield University sign pact - Northfield Daily</title>
<meta property="og:title" content="River City and Northfield University sign pact | Northfield Daily">
<meta property="article:published_time" content="2022-03-04T09:15:00+08:00">
<meta property="article:modified_time" content="2023-01-01T00:00:00+08:00">
<style>p { color: red }</style>
<script>var tracking = "Copyright 2020 evil";</script>
</head>
<body>
<header id="top"><h1 class="logo"><a href="/">Northfield Daily</a></h1>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/city">City</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a></div>
<div class="page">
  <article>
    <h1>River City and Northfield University sign pact</h1>
    <div class="byline">By Staff Writer</div>
    <div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a></div>
    <p>River City signed a strategic cooperation agreement
       with Northfield University on <b>Tuesday</b>.</p>
    <p>The city will invest 50 million yuan.<br>The university will set up a lab.</p>
    <!-- an HTML comment that is not text -->
    <h2>Next steps</h2>
    <ul><li>Joint lab</li><li>Talent training</li></ul>
    <div style="display:none">Hidden promo text</div>
    <div class="related-links"><span>Related:</span> <a href="/a">Story one about town</a> <a href="/b">Story two about city</a> <a href="/c">Story three about county</a></div>
    <p>Share: Facebook | Twitter | WeChat</p>
  </article>
  <aside><h3>Most read</h3><ul><li><a href="/x">Something else</a></li></ul></aside>
</div>
<footer><p>Copyright 2022 Northfield Daily. All rights reserved.</p><p>Contact us</p></footer>
</body></html>"""


def test_news_page_main_text_keeps_blocks_and_drops_furniture():
    page = parse_html(NEWS)
    assert page.text == (
        "River City and Northfield University sign pact\n\n"
        "By Staff Writer\n\n"
        "River City signed a strategic cooperation agreement with Northfield University on Tuesday.\n\n"
        "The city will invest 50 million yuan.\nThe university will set up a lab.\n\n"
        "Next steps\n\n"
        "Joint lab\nTalent training"
    )
    assert page.kind == "html"


def test_news_page_title_and_date():
    page = parse_html(NEWS)
    assert page.title == "River City and Northfield University sign pact"
    assert page.published == "2022-03-04"  # published, not modified


TIMELINE = """<html><head><title>Cooperation | Lakeside University</title></head><body>
<div id="hd"><ul class="menu-list"><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/research">Research</a></li></ul></div>
<div class="wrapper">
 <div class="left-col"><a href="/r1">Research news</a><br><a href="/r2">Institutes</a><br><a href="/r3">Cooperation</a></div>
 <div class="col-right">
  <h1>Local Cooperation</h1>
  <div class="tl">
    <div class="tl-item"><p>Lakeside University signed agreements with Hill County and Bay City.</p></div>
    <div class="tl-item"><div class="when">Mar. 2019</div><p>Lakeside University and Hill County built a research base.</p></div>
    <div class="tl-item"><div class="when">Jun. 2017</div><p>Lakeside University signed a framework agreement with Bay City.</p>
       <p>Both sides agreed to train talents together.</p></div>
    <div class="tl-item"><p>An undated entry about a joint workstation.</p></div>
    <div class="tl-item"><div class="when">May 2015</div><p>Lakeside University set up a college with Port District.</p></div>
  </div>
 </div>
</div>
<div class="bottom-bar">Lakeside University, 1 Lake Road. ICP No. 12345678</div>
</body></html>"""


def test_timeline_without_semantic_tags_keeps_dates_on_their_own_lines():
    page = parse_html(TIMELINE)
    assert page.text == (
        "Local Cooperation\n\n"
        "Lakeside University signed agreements with Hill County and Bay City.\n\n"
        "Mar. 2019\n\n"
        "Lakeside University and Hill County built a research base.\n\n"
        "Jun. 2017\n\n"
        "Lakeside University signed a framework agreement with Bay City.\n\n"
        "Both sides agreed to train talents together.\n\n"
        "An undated entry about a joint workstation.\n\n"
        "May 2015\n\n"
        "Lakeside University set up a college with Port District."
    )
    assert page.title == "Local Cooperation"
    assert page.published is None  # "Mar. 2019" is an entry date, not the page's


GOV_TABLE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>省校合作签约仪式举行_某某省人民政府门户网站</title>
<meta name="PubDate" content="2020-06-18 10:21">
</head><body>
<table width="100%"><tr><td class="dh"><a href="/">首页</a> <a href="/zw">政务</a> <a href="/fw">服务</a> <a href="/hd">互动</a></td></tr></table>
<table width="1000"><tr><td>
  <div class="biaoti">省校合作签约仪式举行</div>
  <div class="zw">
  6月17日，省政府与某某大学签署战略合作协议。<br>
  根据协议，双方将共建研究院。<br><br>
  　　省长出席签约仪式并讲话。
  </div>
</td></tr></table>
<table><tr><td class="copyright">版权所有：某某省人民政府办公厅 &nbsp; 某ICP备05003300号</td></tr></table>
</body></html>"""


def test_table_layout_gov_page_with_br_text():
    page = parse_html(GOV_TABLE)
    lines = page.text.split("\n")
    assert "6月17日，省政府与某某大学签署战略合作协议。" in lines
    assert "根据协议，双方将共建研究院。" in lines
    assert "省长出席签约仪式并讲话。" in lines  # ideographic-space indent removed
    assert lines.index("省长出席签约仪式并讲话。") - lines.index("根据协议，双方将共建研究院。") == 2  # <br><br>
    assert "首页" not in page.text and "版权所有" not in page.text and "ICP" not in page.text
    assert page.title == "省校合作签约仪式举行"
    assert page.published == "2020-06-18"


def test_copyright_lines_dropped_but_ordinary_mentions_kept():
    html = """<html><body><main>
      <p>Copyright law reform was discussed by the two universities.</p>
      <p>The agreement covers five years.</p>
      <p>© 2021 Some Site</p>
      <p>Copyright © 2019-2024 Some University. All Rights Reserved.</p>
    </main></body></html>"""
    assert parse_html(html).text == (
        "Copyright law reform was discussed by the two universities.\n\nThe agreement covers five years."
    )


def test_class_guard_keeps_content_inside_a_wrapper_with_a_furniture_name():
    html = """<html><body><div class="layout has-sidebar">
      <div class="sidebar"><a href="/1">Menu one</a> <a href="/2">Menu two</a></div>
      <div class="content"><h1>Headline</h1><p>The body text of a page long enough to count.</p></div>
    </div></body></html>"""
    page = parse_html(html)
    assert page.text == "Headline\n\nThe body text of a page long enough to count."


def test_listing_of_articles_picks_the_main_one():
    html = """<html><body>
      <article><h2><a href="/t1">Teaser</a></h2><p>Short.</p></article>
      <article><h1>Main story</h1><p>A long paragraph of the main story, with enough words to be chosen.</p>
        <p>Another paragraph of the main story.</p></article>
    </body></html>"""
    page = parse_html(html)
    assert page.text.startswith("Main story\n\nA long paragraph")
    assert "Teaser" not in page.text


def test_headline_just_outside_the_content_block_is_taken_in():
    html = """<html><body><div class="wrap"><div class="detail">
      <h1>University and city sign agreement</h1>
      <div class="meta">Published: 2021-01-19</div>
      <div class="article-body"><p>First paragraph of the story text here.</p><p>Second paragraph.</p></div>
    </div></div></body></html>"""
    page = parse_html(html)
    assert page.text.split("\n\n")[:2] == ["University and city sign agreement", "Published: 2021-01-19"]
    assert page.published == "2021-01-19"


def test_link_lists_inside_the_article_are_dropped_but_linked_words_in_prose_kept():
    html = """<html><body><article><h1>Agreement signed</h1>
      <p>The <a href="/u">university</a> and the <a href="/c">city</a> signed a <a href="/a">framework agreement</a> today.</p>
      <div class="more"><a href="/1">Earlier story one</a> <a href="/2">Earlier story two</a> <a href="/3">Earlier story three</a></div>
      <p>The agreement runs for five years, the two sides said.</p>
    </article></body></html>"""
    assert parse_html(html).text == (
        "Agreement signed\n\n"
        "The university and the city signed a framework agreement today.\n\n"
        "The agreement runs for five years, the two sides said."
    )


def test_deeply_nested_page_is_parsed_quickly():
    depth = 2000
    html = "<html><body>" + "<div class='box'>" * depth + "<p>Deep text.</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    page = parse_html(html)
    assert page.text == "Deep text."
    assert time.perf_counter() - start < 2.0  # linear work; a quadratic walk takes many seconds here


def test_empty_and_textless_pages():
    assert parse_html("").text == ""
    page = parse_html("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>")
    assert page.text == "" and page.title == "Only a title"


def test_non_text_input_is_a_clear_error():
    with pytest.raises(ParseError, match="http://example.org/x.*str"):
        parse_html(b"<p>bytes</p>", url="http://example.org/x")  # type: ignore[arg-type]


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ("<title>Big Deal Signed - Example News</title>", "", "Big Deal Signed"),
        ("<title>Example News | Big Deal Signed Today</title>", "", "Big Deal Signed Today"),
        ("<title>省校合作签约_某某省人民政府</title>", "", "省校合作签约"),
        ("<title>University-Industry Cooperation</title>", "", "University-Industry Cooperation"),
        ("<title>T - Site</title>", "<h1>Headline From H1</h1><p>text</p>", "Headline From H1"),
        ('<meta property="og:title" content="OG Headline - Site"><title>Other</title>', "<h1>H</h1>", "OG Headline"),
        ("<title>Page - Site</title>", '<header><h1><a href="/">Site Logo</a></h1></header><p>text</p>', "Page"),
        ("<title>Page - Site</title>", '<div class="top"><h1 class="logo"><a href="/">Site</a></h1></div><p>text</p>', "Page"),
        ("<title>Page - Site</title>", '<div class="site-header"><h1><a href="/">Site</a></h1><ul class="menu"></ul></div>'
         "<p>text</p>", "Page"),
        ("", "<p>no title anywhere</p>", None),
        # no h1: a headline-like heading that opens the main text beats a site-name <title>
        ("<title>Lakeside University</title>", "<main><h2>Lakeside University signs pact with Hill County</h2><p>Body.</p></main>",
         "Lakeside University signs pact with Hill County"),
        ("<title>Lakeside University</title>", "<main><h2>News</h2><p>Body.</p></main>", "Lakeside University"),
    ],
)
def test_title(head, body, expected):
    assert parse_html(f"<html><head>{head}</head><body>{body}</body></html>").title == expected


# ---------------------------------------------------------------- publication dates


def _page(head: str = "", body: str = "<h1>Title</h1><p>Body text of the page.</p>") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (_page('<meta property="article:published_time" content="2021-01-19T10:32:00Z">'), "2021-01-19"),
        (_page('<meta name="og:published_time" content="2021-01-19">'), "2021-01-19"),
        (_page('<meta name="pubdate" content="2019-08-29 10:00">'), "2019-08-29"),
        (_page('<meta name="publishdate" content="20190829">'), "2019-08-29"),
        (_page('<meta name="DC.date" content="2018-05">'), "2018-05"),  # month precision kept
        (_page('<meta name="date" content="2017">'), "2017"),
        (_page('<meta name="date" content="not a date">'), None),
        (_page('<meta property="article:modified_time" content="2021-01-19">'), None),
        (
            _page('<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-02-03T08:00:00+08:00"}]}</script>'),
            "2020-02-03",
        ),
        (_page(body='<article><h1>T</h1><time datetime="2016-07-08">July 8</time><p>Text.</p></article>'), "2016-07-08"),
        (_page(body='<main><h1>T</h1><p>The two sides first met <time datetime="2010-01-02">in January 2010</time> '
                    "and have cooperated ever since, building three joint laboratories.</p><p>More.</p></main>"), None),
        (_page(body='<main><h1>T</h1><p class="dateline">Posted on <time datetime="2010-01-02">2 Jan</time></p>'
                    "<p>Text.</p></main>"), "2010-01-02"),
        (
            _page(body='<ul class="timeline"><li><time datetime="2018-10">Oct. 2018</time> Entry one.</li>'
                       '<li><time datetime="2017-06">Jun. 2017</time> Entry two.</li></ul>'),
            None,
        ),
        (_page(body='<div><span>Posted</span> <time itemprop="datePublished" datetime="2015-05-06">May 6</time></div>'
                    '<main><h1>T</h1><p>Text.</p></main>'), "2015-05-06"),
        (_page(body="<h1>T</h1><div>Updated:2019.08.29</div><p>Text.</p>"), "2019-08-29"),
        (_page(body="<h1>T</h1><p>Published: 2021-01-19</p><p>Text.</p>"), "2021-01-19"),
        (_page(body="<h1>T</h1><div>2021-01-19 10:32 Source: Xinhua</div><p>Text.</p>"), "2021-01-19"),
        (_page(body="<h1>T</h1><div class='t'>2021-01-19 10:32</div><p>Text.</p>"), "2021-01-19"),
        (_page(body="<h1>T</h1><div>发布时间：2020年3月5日</div><p>正文。</p>"), "2020-03-05"),
        # dates in free text, in the URL or in the site header are not the page's date
        (_page(body="<h1>T</h1><p>On 2020-05-01 the city and the university signed a deal.</p>"), None),
        (_page(body='<header><div class="today">2024-05-01</div></header><main><h1>T</h1><p>Text.</p></main>'), None),
        (_page(body="<h1>T</h1><p>Signed in January 2019.</p>"), None),
        (_page(body="<h1>T</h1><div>Updated: 2019.02.30</div>"), None),  # no such day
    ],
)
def test_published(html, expected):
    assert parse_html(html).published == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [  # meta names the project's own list does not hold, read by htmldate
        ('<meta name="bt:pubDate" content="2019-03-04T10:00:00+08:00">', "2019-03-04"),
        ('<meta name="article.published" content="2018-11-12">', "2018-11-12"),
        ('<meta itemprop="dateCreated" content="2017-02-03">', "2017-02-03"),
        # not the publication date: a modified time, the page's own URL
        ('<meta name="lastmod" content="2017-02-03">', None),
        ('<meta property="og:url" content="https://news.example.com/2019/03/04/a.html">', None),
    ],
)
def test_published_from_htmldate_metadata(head, expected):
    assert parse_html(_page(head)).published == expected


@pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
def test_htmldate_never_fetches(monkeypatch):
    import htmldate.utils

    def no_fetch(*args, **kwargs):
        raise AssertionError("htmldate tried to fetch a URL")

    monkeypatch.setattr(htmldate.utils, "fetch_url", no_fetch)
    assert parse_html("https://news.example.com/2019/03/04/a.html").published is None
    assert parse_html(_page('<link rel="canonical" href="https://news.example.com/2019/03/04/a.html">')).published is None


def test_numeric_date_line_in_the_sites_order():
    html = _page(body="<h1>T</h1><div>Zhao Ming | 11/03/2020</div><p>Text.</p>")
    assert parse_html(html, url="https://news.example.edu.cn/a.htm").published == "2020-11-03"
    assert parse_html(html, url="https://www.example.ac.uk/news/a").published == "2020-03-11"


def test_url_date_is_not_used():
    page = parse_html(_page(), url="http://shanxi.example.cn/2021-01/19/c_584012.htm")
    assert page.published is None
