"""The parse layer: fetched bytes to a Document's text, title and publication date.

Plain Python (no Dagster). Public API::

    decode_bytes(body, content_type) -> (text, encoding)
    parse_html(html, *, url=None) -> ParsedPage
    parse_pdf(body) -> ParsedPage
    parse_bytes(body, *, content_type, url, kind=None) -> ParsedPage
    parse_file(path) -> ParsedPage
    ParsedPage(title, published, text, kind, encoding), Document, ParseError
    content_kind(body, content_type, kind=None) -> "html" | "pdf" | "text"  (UnsupportedContent otherwise)

Publication dates come only from the page's own metadata/markup or a visible
date line by its title, never from URLs or free text (the extraction layer
does that).
"""

from pipelines.parse.core import parse_bytes, parse_file, parse_text
from pipelines.parse.decode import decode_bytes
from pipelines.parse.htmlpage import parse_html
from pipelines.parse.model import Document, ParsedPage, ParseError
from pipelines.parse.pdf import parse_pdf
from pipelines.parse.sniff import UnsupportedContent, content_kind

__all__ = [
    "Document",
    "ParseError",
    "ParsedPage",
    "decode_bytes",
    "parse_bytes",
    "parse_file",
    "parse_html",
    "parse_pdf",
    "parse_text",
    "UnsupportedContent",
    "content_kind",
]
