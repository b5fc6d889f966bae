"""PDF to text with pypdf: the pages' text joined, a blank line between pages.

The publication date is left None: a PDF's CreationDate is when the file was
written (often re-exported years later), not when the document was published.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings

from pypdf import PdfReader

from pipelines.parse.model import ParsedPage, ParseError

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # the header may follow a little junk; readers look this far
_GENERATOR_PREFIX = re.compile(r"^(?:Microsoft\s+(?:Word|PowerPoint|Excel)\s*-\s*)", re.I)


def looks_like_pdf(body: bytes) -> bool:
    return PDF_MAGIC in body[:MAGIC_WINDOW]


def _tidy_page(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


@contextlib.contextmanager
def _pypdf_quiet():
    """pypdf logs repairs of damaged files ("EOF marker not found") as warnings on
    stderr; a damaged file ends as one ParseError instead, so keep them quiet."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def parse_pdf(body: bytes, *, name: str = "pdf") -> ParsedPage:
    """Text and title of a PDF; a body that is not a readable PDF raises ParseError naming ``name``."""
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise ParseError(f"{name}: PDF body must be bytes, got {type(body).__name__}")
    body = bytes(body)
    if not body:
        raise ParseError(f"{name}: empty body, not a PDF")
    if not looks_like_pdf(body):
        raise ParseError(f"{name}: not a PDF (no %PDF- header; starts with {body[:16]!r})")
    with _pypdf_quiet():
        try:
            reader = PdfReader(io.BytesIO(body), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise ParseError(f"{name}: PDF is encrypted with a password")
            pages = [_tidy_page(page.extract_text() or "") for page in reader.pages]
            info = reader.metadata
            raw_title = info.title if info is not None else None
        except ParseError:
            raise
        except Exception as exc:  # pypdf raises many types on damaged files
            raise ParseError(f"{name}: unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise ParseError(f"{name}: PDF has no pages")
    title = _GENERATOR_PREFIX.sub("", " ".join(str(raw_title).split())) if raw_title else ""
    return ParsedPage(
        title=title or None,
        published=None,
        text="\n\n".join(p for p in pages if p),
        kind="pdf",
    )
