"""What a body is: HTML, PDF, plain text, or something the parser must not read.

Only HTML (and XHTML), PDF and plain text are parsed. The declared
``Content-Type`` and the bytes themselves decide together:

* a body whose first bytes are a known binary format (ELF, PE, ZIP/Office,
  gzip, images, audio/video, fonts, SQLite ...) or that holds NUL bytes (text
  never does, except UTF-16/32 with a byte-order mark) is refused, whatever
  its Content-Type says;
* a PDF is recognised by its ``%PDF-`` header;
* a declared type outside HTML/XHTML/PDF/plain text (``image/png``,
  ``application/zip``, ``text/css`` ...) is refused;
* ``application/octet-stream``, ``application/xml`` and other vague types are
  parsed only when the bytes look like HTML (``<!doctype html``, ``<html``,
  ``<head``, ``<body`` ... at the start), else refused;
* with no Content-Type (a snapshot file), the source's kind decides.

A refusal raises :class:`UnsupportedContent` (a ParseError) whose message names
the input, the declared type and what the bytes look like.
"""

from __future__ import annotations

import re

from pipelines.parse.model import ParseError
from pipelines.parse.pdf import looks_like_pdf

SNIFF_WINDOW = 8192  # bytes examined for NULs and markup

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml"})
PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
TEXT_TYPES = frozenset({"text/plain"})
VAGUE_TYPES = frozenset({
    "", "application/octet-stream", "binary/octet-stream", "application/unknown", "unknown/unknown",
    "application/x-unknown-content-type", "application/xml", "text/xml", "application/download",
    "application/force-download",
})

# (magic bytes, offset, name)
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x7fELF", 0, "an ELF executable"),
    (b"MZ", 0, "a Windows executable"),
    (b"\xca\xfe\xba\xbe", 0, "a Mach-O/Java class file"),
    (b"\xcf\xfa\xed\xfe", 0, "a Mach-O executable"),
    (b"\xfe\xed\xfa", 0, "a Mach-O executable"),
    (b"\x00asm", 0, "a WebAssembly module"),
    (b"#!", 0, "a script"),
    (b"PK\x03\x04", 0, "a ZIP archive (or Office document)"),
    (b"PK\x05\x06", 0, "a ZIP archive"),
    (b"\x1f\x8b", 0, "gzip data"),
    (b"BZh", 0, "bzip2 data"),
    (b"\xfd7zXZ\x00", 0, "xz data"),
    (b"(\xb5/\xfd", 0, "zstd data"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7z archive"),
    (b"Rar!", 0, "a RAR archive"),
    (b"ustar", 257, "a tar archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office document"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"\x89PNG", 0, "a PNG image"),
    (b"GIF8", 0, "a GIF image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"BM", 0, "a BMP image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"\x00\x00\x01\x00", 0, "an icon"),
    (b"RIFF", 0, "RIFF media (WebP, WAV, AVI)"),
    (b"ftyp", 4, "MP4/QuickTime media"),
    (b"\x1aE\xdf\xa3", 0, "Matroska/WebM media"),
    (b"OggS", 0, "Ogg media"),
    (b"fLaC", 0, "FLAC audio"),
    (b"ID3", 0, "MP3 audio"),
    (b"wOFF", 0, "a web font"),
    (b"wOF2", 0, "a web font"),
    (b"\x00\x01\x00\x00\x00", 0, "a TrueType font"),
    (b"OTTO", 0, "an OpenType font"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|title|meta|script|style|div|p|h1|table|a|br|iframe|font|b)[\s>/]",
    re.I | re.S,
)


class UnsupportedContent(ParseError):
    """The body is not HTML, XHTML, PDF or plain text; the message says what it is."""


def mime_of(content_type: str | None) -> str:
    return content_type.split(";", 1)[0].strip().lower() if content_type else ""


def binary_format(body: bytes) -> str | None:
    """The binary format ``body`` starts with ("an ELF executable" ...), or None."""
    for magic, offset, name in _MAGIC:
        if body[offset:offset + len(magic)] == magic:
            if magic == b"#!" and b"\x00" not in body[:SNIFF_WINDOW]:
                return None  # a text file that starts with #!: judged as text below
            if magic in (b"MZ", b"BM") and not _mostly_binary(body):
                return None  # two letters: text may start with them
            return name
    if not body.startswith(_TEXT_BOMS[1:]) and b"\x00" in body[:SNIFF_WINDOW]:
        return "binary data (NUL bytes)"
    return None


def _mostly_binary(body: bytes) -> bool:
    head = body[:SNIFF_WINDOW]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def looks_like_html(body: bytes) -> bool:
    return bool(_HTML_START.match(body[:SNIFF_WINDOW]))


def content_kind(body: bytes, content_type: str | None, *, kind: str | None = None, name: str = "body") -> str:
    """"html", "pdf" or "text": how to parse ``body``; UnsupportedContent if none of them.

    ``kind`` is the source's kind (the registry's html/pdf, or "text"), used
    when the Content-Type is missing.
    """
    mime = mime_of(content_type)
    declared = f"Content-Type {content_type!r}" if content_type else "no Content-Type"
    if looks_like_pdf(body):
        return "pdf"
    if fmt := binary_format(body):
        raise UnsupportedContent(f"{name}: unsupported content: {fmt} ({declared}); only HTML, XHTML, PDF "
                                 "and plain text are parsed")
    if mime in PDF_TYPES or (not mime and kind == "pdf"):
        return "pdf"  # claims to be a PDF: parse_pdf says what is wrong with it
    if mime in HTML_TYPES:
        return "html"
    if mime in TEXT_TYPES:
        return "html" if kind == "html" and looks_like_html(body) else "text"
    if not mime and kind in (None, "html", "text"):
        return kind or "html"
    if mime in VAGUE_TYPES and looks_like_html(body):
        return "html"
    what = "does not look like HTML" if mime in VAGUE_TYPES else "is not a supported type"
    raise UnsupportedContent(f"{name}: unsupported content ({declared} {what}); only HTML, XHTML, PDF "
                             "and plain text are parsed")
