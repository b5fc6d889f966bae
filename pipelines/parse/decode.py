"""Bytes to text: the HTTP header, then the page's own declaration, then detection.

Order (the WHATWG "encoding sniffing" order, simplified):

1. a byte-order mark;
2. the charset of the HTTP ``Content-Type`` header;
3. ``<meta charset>`` / ``<meta http-equiv="Content-Type">`` / the XML
   declaration in the first bytes of the body;
4. detection: strict UTF-8, then charset-normalizer;
5. UTF-8 with ``errors="replace"`` as the last resort: never raises.

A declared charset is used only when the body decodes under it strictly, so
a header that lies (says utf-8, serves GBK) falls through to the next step.
GB2312 and GBK are decoded as GB18030, their superset: pages labelled GB2312
routinely contain GBK-only characters.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

SNIFF_BYTES = 4096

# Labels decoded as a superset codec (Python codec names after codecs.lookup).
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "hz": "gb18030",
    "ascii": "utf-8",
    "latin-1": "cp1252",  # what browsers do with iso-8859-1 labels
    "iso8859-1": "cp1252",
}
# Single-byte codecs decode any byte string, so a strict decode proves nothing.
_SINGLE_BYTE = re.compile(r"^(cp125\d|iso8859-\d+|latin-1|mac-roman|koi8-[ru]|cp437|cp850)$")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:\-]+)""", re.I)


def normalise_encoding(label: str | None) -> str | None:
    """A charset label as the Python codec we decode it with, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return _SUPERSETS.get(name, name)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, normalised, or None."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return normalise_encoding(match.group(1)) if match else None


def sniff_declared_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta tag or XML declaration)."""
    head = body[:SNIFF_BYTES]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return normalise_encoding(match.group(1).decode("ascii", "ignore")) if match else None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(body: bytes) -> tuple[str, str] | None:
    if not body.isascii():
        text = _strict(body, "utf-8")
        if text is not None:
            return text, "utf-8"
    best = charset_normalizer.from_bytes(body).best()
    if best is None or best.encoding is None:
        return None
    encoding = normalise_encoding(best.encoding) or "utf-8"
    text = _strict(body, encoding)
    return (text, encoding) if text is not None else None


def decode_bytes(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a fetched body; return (text, encoding_used). Never raises on bad bytes."""
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode_bytes: body must be bytes, got {type(body).__name__}")
    body = bytes(body)
    if not body:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = _strict(body, encoding)
            if text is not None:
                return text, encoding
            break

    header = charset_from_content_type(content_type)
    declared = sniff_declared_charset(body)
    candidates: list[str] = []
    if header and _SINGLE_BYTE.match(header) and not body.isascii():
        # A single-byte label never fails a strict decode; trust a page's own
        # multi-byte declaration, or valid UTF-8, over it.
        if declared and not _SINGLE_BYTE.match(declared):
            candidates.append(declared)
        candidates.append("utf-8")
    candidates += [c for c in (header, declared) if c]

    for encoding in dict.fromkeys(candidates):
        text = _strict(body, encoding)
        if text is not None:
            return text, encoding
    detected = _detect(body)
    if detected is not None:
        return detected
    return body.decode("utf-8", errors="replace"), "utf-8"
