"""Only HTML, XHTML, PDF and plain text are parsed (issue 8, item 3): the bytes and the
Content-Type decide together; anything else is an UnsupportedContent error."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from pipelines.parse import UnsupportedContent, content_kind, parse_bytes

HTML = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Agreement signed.</p></body></html>"
ELF = Path("/bin/ls").read_bytes() if Path("/bin/ls").is_file() else b"\x7fELF\x02\x01\x01" + b"\x00" * 4000


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "signed an agreement worth 5 billion yuan")
    return buf.getvalue()


@pytest.mark.parametrize(
    "body, content_type, what",
    [
        (ELF, "application/octet-stream", "an ELF executable"),
        (ELF, "text/html; charset=utf-8", "an ELF executable"),  # the header lies: the bytes win
        (ELF, None, "an ELF executable"),
        (_zip(), "application/zip", "a ZIP archive"),
        (gzip.compress(HTML), "text/html", "gzip data"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png", "a PNG image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, "text/html", "a JPEG image"),
        (b"<p>hi</p>\x00\x00\x00\x01binary", "text/html", "NUL bytes"),
        (b"body { color: red }", "text/css", "not a supported type"),
        (b"just some bytes, no markup", "application/octet-stream", "does not look like HTML"),
    ],
)
def test_unsupported_bodies_are_refused_naming_what_they_are(body, content_type, what):
    with pytest.raises(UnsupportedContent) as info:
        parse_bytes(body, content_type=content_type, url="http://x.example/f", kind="html")
    message = str(info.value)
    assert "http://x.example/f: unsupported content" in message and what in message


@pytest.mark.parametrize(
    "body, content_type, kind, expected",
    [
        (HTML, "text/html", "html", "html"),
        (HTML, "application/xhtml+xml", "html", "html"),
        (HTML, "application/octet-stream", "html", "html"),  # a misconfigured server: the bytes are HTML
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>',
         "application/xml", "html", "html"),
        (b"%PDF-1.4 ...", "application/octet-stream", "html", "pdf"),
        (b"Plain words.", "text/plain", None, "text"),
        (b"Plain words.", None, "html", "html"),  # a snapshot file: the registry's kind decides
        ("\ufeffUTF-16 text".encode("utf-16"), "text/plain", None, "text"),  # NULs, but a BOM
        (b"#!/bin/sh\necho hi\n", "text/plain", None, "text"),
    ],
)
def test_pages_are_accepted(body, content_type, kind, expected):
    assert content_kind(body, content_type, kind=kind) == expected


def test_an_html_page_still_parses():
    page = parse_bytes(HTML, content_type="text/html", url="u", kind="html")
    assert page.text == "Agreement signed."
