"""Dispatch: bytes or a file to a ParsedPage, by kind, content type and magic bytes."""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.parse.decode import decode_bytes
from pipelines.parse.htmlpage import parse_html
from pipelines.parse.model import KINDS, ParsedPage, ParseError
from pipelines.parse.pdf import parse_pdf
from pipelines.parse.sniff import content_kind

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
TEXT_SUFFIXES = (".txt",)
PDF_SUFFIXES = (".pdf",)


def _mime(content_type: str | None) -> str:
    return content_type.split(";", 1)[0].strip().lower() if content_type else ""


def parse_text(text: str, *, encoding: str | None = None) -> ParsedPage:
    """A plain-text page: the text itself (newlines normalised); no title or date."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ParsedPage(title=None, published=None, text=text, kind="text", encoding=encoding)


def parse_bytes(
    body: bytes, *, content_type: str | None, url: str | None, kind: str | None = None
) -> ParsedPage:
    """Parse a fetched body: PDF by magic bytes, kind "pdf" or a PDF content type;
    plain text for kind "text" or text/plain; HTML or XHTML otherwise (decoded by
    decode_bytes). Anything else (binaries, images, archives, other declared types)
    raises UnsupportedContent: see pipelines.parse.sniff."""
    name = url or "body"
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise ParseError(f"{name}: body must be bytes, got {type(body).__name__}")
    if kind is not None and kind not in KINDS:
        raise ParseError(f"{name}: unknown kind {kind!r} (expected one of {KINDS})")
    body = bytes(body)
    how = content_kind(body, content_type, kind=kind, name=name)  # UnsupportedContent if not a page
    if how == "pdf" or kind == "pdf":
        return parse_pdf(body, name=name)
    text, encoding = decode_bytes(body, content_type)
    if kind == "text" or how == "text":
        return parse_text(text, encoding=encoding)
    page = parse_html(text, url=url)
    return ParsedPage(page.title, page.published, page.text, kind="html", encoding=encoding)


def parse_file(path: str | os.PathLike[str]) -> ParsedPage:
    """Parse a .html/.htm/.shtml/.xhtml, .pdf or .txt file; errors name the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        kind = "pdf"
    elif suffix in HTML_SUFFIXES:
        kind = "html"
    elif suffix in TEXT_SUFFIXES:
        kind = "text"
    else:
        raise ParseError(f"{path}: unsupported file type {suffix or '(no suffix)'!r}; expected .html, .htm, .pdf or .txt")
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"{path}: cannot read file ({exc.strerror or type(exc).__name__})") from exc
    return parse_bytes(body, content_type=None, url=str(path), kind=kind)
