"""Gold files and the page texts they annotate."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipelines.evaluation.common import FACT_TYPES, EvaluationError
from pipelines.settings import REPO_ROOT

GOLD_ENV = "PARTNERSHIPS_GOLD"
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "gold"


@dataclass
class Page:
    document_id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


_HEADER = re.compile(r"\AURL:[ \t]*(?P<url>[^\n]*)\nTITLE:[ \t]*(?P<title>[^\n]*)\n(?:[ \t]*\n)?")


def parse_page_file(path: Path, document_id: str) -> Page:
    """Read a page text; a devset header (``URL:``/``TITLE:``/blank) becomes metadata and is stripped."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read page {path}: {exc}") from exc
    m = _HEADER.match(raw)
    if not m:
        return Page(document_id, raw)
    url = m.group("url").strip() or None
    if url and url.lower() in ("none", "null", "-"):
        url = None
    title = re.sub(r"^\[title derived\]\s*", "", m.group("title").strip()) or None
    return Page(document_id, raw[m.end():], url=url, title=title)


@lru_cache(maxsize=32)
def _index_entries(index_path: Path) -> dict[str, dict]:
    try:
        data = yaml.safe_load(index_path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise EvaluationError(f"cannot read page index {index_path}: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("pages") or data.get("files") or []
    entries: dict[str, dict] = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and entry.get("file"):
            entries[Path(str(entry["file"])).stem] = entry
    return entries


def _apply_index(page: Page, index_path: Path) -> Page:
    if not index_path.is_file():
        return page
    entry = _index_entries(index_path).get(page.document_id)
    if entry:
        page.url = page.url or (str(entry["url"]) if entry.get("url") else None)
        page.published = str(entry["published"]) if entry.get("published") else None
        page.publisher = str(entry["publisher"]) if entry.get("publisher") else None
        page.title = page.title or (str(entry["title"]) if entry.get("title") else None)
    return page


def find_page(document_id: str, gold_dir: Path, pages_dir: Path | None = None) -> Page:
    """Locate a gold document's text: --pages DIR, then gold/../pages, then gold/../seeds (+ index.yml)."""
    candidates: list[Path] = []
    if pages_dir is not None:
        candidates.append(pages_dir / f"{document_id}.txt")
    candidates += [gold_dir.parent / "pages" / f"{document_id}.txt", gold_dir.parent / "seeds" / f"{document_id}.txt"]
    for path in candidates:
        if path.is_file():
            return _apply_index(parse_page_file(path, document_id), path.parent / "index.yml")
    raise EvaluationError(f"no page text for gold document {document_id!r} (looked in: {', '.join(map(str, candidates))})")


def publisher_university(publisher: str | None) -> str | None:
    if not publisher:
        return None
    try:
        from pipelines.reference import UniversityIndex

        uni = UniversityIndex.default().by_name(publisher)
        if uni is not None:
            return uni.name
    except Exception:  # reference table absent or broken: fall back to the word test
        pass
    return publisher if re.search(r"\b(university|college|institute of technology)\b", publisher, re.I) else None


def resolve_gold_dir(gold_dir: str | os.PathLike | None = None) -> Path:
    if gold_dir is None:
        gold_dir = os.environ.get(GOLD_ENV) or DEFAULT_GOLD
    path = Path(gold_dir)
    if not path.is_absolute():
        path = (REPO_ROOT / path) if not path.exists() else path.resolve()
    return path


def load_gold(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"gold file {path} is unreadable: {exc}") from exc
    if not isinstance(data, dict):
        raise EvaluationError(f"gold file {path} is not a JSON object")
    for t in FACT_TYPES:
        if not isinstance(data.get(t, []), list):
            raise EvaluationError(f"gold file {path}: '{t}' is not a list")
        if not all(isinstance(f, dict) for f in data.get(t, [])):
            raise EvaluationError(f"gold file {path}: '{t}' holds an entry that is not an object")
    return data
