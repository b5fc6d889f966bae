"""Text from pages and servers shown in the Dagster UI: verbatim, never a link, an image or HTML.

The UI renders asset check descriptions (and asset descriptions) as Markdown; the error texts put there
carry page URLs, a server's Content-Type and the first bytes of a body. Rendered here with a CommonMark
parser (markdown-it-py, which Dagster's dependency rich brings), as the UI's react-markdown would.
"""

from __future__ import annotations

from html import escape

import markdown_it
import pytest

from pipelines.defs.ingest import md_literal, stage_check

HOSTILE = [
    "https://site.example/news/1.htm: unsupported content (declared 'text/x-![beacon](http://169.254.169.254/latest)')",
    "https://site.example/a.pdf: not a PDF (no %PDF- header; starts with b'<img src=x onerror=alert(1)>')",
    "https://site.example/b.htm: [click here to fix](javascript:alert(1)) <script>alert(2)</script>",
    "https://site.example/c.htm: ```\n</code></pre><a href='http://evil.example'>x</a>\n````",
]


def render(markdown: str) -> str:
    return markdown_it.MarkdownIt("commonmark").render(markdown)


def test_a_failing_checks_description_shows_hostile_error_text_verbatim():
    errors = [{"stage": "parse", "url": text.split(": ", 1)[0], "error": text} for text in HOSTILE]
    check = stage_check("parse_ok", "documents", "some_source", "parse", errors)
    html = render(check.description)
    for tag in ("<a", "<img", "<script", "<em", "<strong"):
        assert tag not in html, html
    assert html.count("<pre><code>") == 1  # one literal block holding every error, whole
    for text in HOSTILE:
        assert escape(text, quote=False) in html  # shown whole, as text


@pytest.mark.parametrize("text", ["plain", "a ` b", "`` x ``", "```", "````\n```"])
def test_md_literal_keeps_any_backticks_inside_its_block(text):
    html = render(md_literal(text) + "\n\n![after](http://x.example/i.png)")
    assert html.startswith("<pre><code>") and html.count("<pre><code>") == 1
    assert "<img" in html.split("</code></pre>", 1)[1]  # the block closed where it should, not earlier or later
