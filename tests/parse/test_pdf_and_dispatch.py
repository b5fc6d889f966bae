"""parse_pdf (on PDFs built here with fpdf2), parse_bytes dispatch, parse_file, Document."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from pipelines.parse import Document, ParsedPage, ParseError, parse_bytes, parse_file, parse_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(pages: list[str], *, title: str | None = None, unicode_font: bool = False) -> bytes:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    if unicode_font:
        pdf.add_font("DejaVuSans", fname=str(DEJAVU))
        pdf.set_font("DejaVuSans", size=12)
    else:
        pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        for line in text.split("\n"):
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_pages_joined_in_order_with_line_breaks_kept():
    body = make_pdf(["Strategic Alliance Mode\nUniversities ally with enterprises.", "Technology Transfer Mode"],
                    title="Cooperation brochure")
    page = parse_pdf(body)
    assert page == ParsedPage(
        title="Cooperation brochure",
        published=None,
        text="Strategic Alliance Mode\nUniversities ally with enterprises.\n\nTechnology Transfer Mode",
        kind="pdf",
    )


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVuSans.ttf not installed")
def test_pdf_unicode_text_survives():
    page = parse_pdf(make_pdf(["• Wind Power \ufffd\ufffd 2008 “plan” China’s"], unicode_font=True))
    assert page.text == "• Wind Power \ufffd\ufffd 2008 “plan” China’s"
    assert page.title is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"", "empty"),
        (b"<html><body>Not found</body></html>", "not a PDF"),
        (b"%PDF-1.4\nthis is not really a pdf", "unreadable PDF"),
    ],
)
def test_bad_pdf_raises_parse_error(body, message):
    with pytest.raises(ParseError, match=message):
        parse_pdf(body)


def test_truncated_pdf_raises_parse_error_naming_the_input():
    body = make_pdf(["Some text"])
    with pytest.raises(ParseError, match=r"^http://example\.org/b\.pdf: "):
        parse_bytes(body[: len(body) // 3], content_type="application/pdf", url="http://example.org/b.pdf")


# ---------------------------------------------------------------- dispatch


def test_pdf_recognised_by_magic_bytes_whatever_the_header_says():
    body = make_pdf(["Magic text"])
    for content_type, kind in [("application/octet-stream", None), ("text/html", "html"), (None, None)]:
        page = parse_bytes(body, content_type=content_type, url="http://example.org/file", kind=kind)
        assert page.kind == "pdf" and page.text == "Magic text"


def test_kind_pdf_with_an_html_error_page_is_an_error():
    with pytest.raises(ParseError, match=r"http://example\.org/brochure\.pdf: not a PDF"):
        parse_bytes(b"<html>Login required</html>", content_type="text/html", url="http://example.org/brochure.pdf",
                    kind="pdf")


def test_html_bytes_are_decoded_then_parsed():
    html = "<html><head><title>合作 - 网站</title></head><body><article><h1>校地合作签约</h1><p>双方签署协议。</p></article></body></html>"
    page = parse_bytes(html.encode("gbk"), content_type="text/html; charset=utf-8", url="http://example.cn/a.html")
    assert page.kind == "html"
    assert page.encoding == "gb18030"
    assert page.text == "校地合作签约\n\n双方签署协议。"
    assert page.title == "校地合作签约"


def test_plain_text_by_kind_or_content_type():
    body = "Line one\r\nLine two\r\n".encode("utf-8")
    for content_type, kind in [("text/plain; charset=utf-8", None), (None, "text")]:
        page = parse_bytes(body, content_type=content_type, url=None, kind=kind)
        assert page == ParsedPage(title=None, published=None, text="Line one\nLine two\n", kind="text",
                                  encoding="utf-8")


def test_unknown_kind_and_non_bytes_are_clear_errors():
    with pytest.raises(ParseError, match="unknown kind 'docx'"):
        parse_bytes(b"x", content_type=None, url="u", kind="docx")
    with pytest.raises(ParseError, match="must be bytes"):
        parse_bytes("text", content_type=None, url="u")  # type: ignore[arg-type]


# ---------------------------------------------------------------- files


def test_parse_file_by_suffix(tmp_path):
    (tmp_path / "a.htm").write_bytes(b"<html><body><main><h1>Head</h1><p>Para.</p></main></body></html>")
    (tmp_path / "b.txt").write_text("First line\nSecond line", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(make_pdf(["PDF text"]))
    assert parse_file(tmp_path / "a.htm").text == "Head\n\nPara."
    txt = parse_file(tmp_path / "b.txt")
    assert (txt.title, txt.published, txt.text, txt.kind) == (None, None, "First line\nSecond line", "text")
    assert parse_file(str(tmp_path / "c.pdf")).text == "PDF text"


def test_parse_file_errors_name_the_path(tmp_path):
    missing = tmp_path / "nope.html"
    with pytest.raises(ParseError, match=f"{missing}: cannot read"):
        parse_file(missing)
    folder = tmp_path / "dir.html"
    folder.mkdir()
    with pytest.raises(ParseError, match="dir.html: cannot read"):
        parse_file(folder)
    odd = tmp_path / "slides.pptx"
    odd.write_bytes(b"PK")
    with pytest.raises(ParseError, match="slides.pptx: unsupported file type '.pptx'"):
        parse_file(odd)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(ParseError, match="broken.pdf: unreadable PDF"):
        parse_file(broken)


# ---------------------------------------------------------------- Document


def test_document_from_parsed_uses_the_registry_date_only_when_the_page_has_none():
    parsed = ParsedPage(title="T", published=None, text="body", kind="pdf")
    doc = Document.from_parsed(parsed, document_id="d1", source_id="s1", url=None, published="2011")
    assert (doc.published, doc.kind, doc.text, doc.title) == ("2011", "pdf", "body", "T")
    dated = ParsedPage(title="T", published="2021-01-19", text="body")
    assert Document.from_parsed(dated, document_id="d2", source_id="s1", url="u", published="2011").published == "2021-01-19"
    with pytest.raises(ValueError, match="kind"):
        Document(document_id="d", source_id="s", url=None, title=None, published=None, text="", kind="doc")
