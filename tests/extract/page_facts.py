"""The helper the round-by-round rule tests share: one page's facts of one type."""

from __future__ import annotations

from pipelines.extract import extract_document


def facts(text: str, kind: str, url: str = "https://en.example.edu.cn/news/1.html", published: str | None = "2024-03-22"):
    return extract_document(text, document_id="p", url=url, published=published)[kind]


def pairs(rows: list[dict]) -> set[tuple[str, str]]:
    """The (university, partner) pairs of agreement rows."""
    return {(a["university"], a["partner"]) for a in rows}


def platform_sides(page: str, **kw) -> set[tuple]:
    """The (name, university, partner) of a page's platforms."""
    return {(p["name"], p["university"], p["partner"]) for p in facts(page, "platforms", **kw)}
