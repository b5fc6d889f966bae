"""The parse layer's data types: ParseError, ParsedPage, Document."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("html", "pdf", "text")


class ParseError(Exception):
    """A body or file could not be parsed; the message names the input and the problem."""


@dataclass(frozen=True)
class ParsedPage:
    """What a parser reads from one page.

    ``published`` is YYYY, YYYY-MM or YYYY-MM-DD as the page's own metadata or
    markup states it, else None. ``text`` is the main text: one block per
    line, paragraphs separated by a blank line.
    """

    title: str | None
    published: str | None
    text: str
    kind: str = "html"
    encoding: str | None = None


@dataclass(frozen=True)
class Document:
    """A parsed page of a source, as the extraction layer receives it."""

    document_id: str
    source_id: str
    url: str | None
    title: str | None
    published: str | None
    text: str
    kind: str  # "html" | "pdf" | "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Document {self.document_id!r}: kind must be one of {KINDS}, got {self.kind!r}")

    @classmethod
    def from_parsed(
        cls,
        parsed: ParsedPage,
        *,
        document_id: str,
        source_id: str,
        url: str | None,
        published: str | None = None,
    ) -> Document:
        """Wrap a ParsedPage; ``published`` (e.g. the registry's override) fills in only when the page has none."""
        return cls(
            document_id=document_id,
            source_id=source_id,
            url=url,
            title=parsed.title,
            published=parsed.published or published,
            text=parsed.text,
            kind=parsed.kind,
        )
