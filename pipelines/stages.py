"""The per-source stages of the pipeline, as plain Python.

Dagster assets (pipelines/defs) call these; so could any other scheduler. Each
stage reads the previous stage's per-source output from the work store and
writes its own, so a stage can be re-run (a backfill after a parser change)
without re-running the stages before it:

    fetch    sources ──► raw store (bodies by hash)   + work/pages/<source>.json
    parse    raw store ──► documents                  + work/documents/<source>.json
    extract  documents ──► facts                      + work/facts/<source>.json
    load     work/* ──► DuckDB schema raw (pipelines.stage_load, pipelines.warehouse)

Unchanged inputs are not reprocessed: a page whose body hash and parser
version match the previous run keeps its document, and a document whose text
and extractor version match keeps its facts. A page that fails to fetch keeps
its last good copy (the crawler's fallback); a page that fails to parse or
extract is recorded with its error, and its previous good document and facts
stay in use.
"""

from __future__ import annotations

import decimal
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipelines import limits as limits_mod
from pipelines.limits import PageLimits
from pipelines.registry import Source

FACT_TYPES = ("agreements", "funding", "platforms", "counts")


def _package_version(*packages: str, extra: Iterable[Path] = ()) -> str:
    """A fingerprint of the code (and data files) of the named sub-packages.

    Any edit to the parser or extractor changes it, so a backfill after a code
    change reprocesses everything, while a nightly run over unchanged pages
    and unchanged code skips them.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files: list[Path] = []
    for pkg in packages:
        files.extend(sorted((root / pkg).rglob("*.py")))
    files.extend(extra)
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def parser_version() -> str:
    return _package_version("parse")


def extractor_version() -> str:
    root = Path(__file__).resolve().parent
    return _package_version("extract", "reference", extra=sorted((root / "reference").glob("*.csv")))


def _utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _jsonable(asdict(value))
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


class WorkStore:
    """Per-stage, per-source JSON files, written atomically."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, stage: str, source_id: str) -> Path:
        return self.root / stage / f"{source_id}.json"

    def read(self, stage: str, source_id: str) -> dict | None:
        path = self.path(stage, source_id)
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise RuntimeError(f"work store file {path} is unreadable: {exc}") from exc

    def write(self, stage: str, source_id: str, payload: dict) -> Path:
        path = self.path(stage, source_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{source_id}.", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(_jsonable(payload), fh, ensure_ascii=False, indent=1)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path


def document_id_for(source: Source, url: str | None, *, is_source_page: bool) -> str:
    """The source's own page is document ``<source id>``; pages found from an index
    page get ``<source id>-<hash of their URL>``, stable across runs."""
    if is_source_page or not url:
        return source.id
    return f"{source.id}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"


@dataclass
class StageResult:
    source_id: str
    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    reused: int = 0
    processed: int = 0
    written: bool = False  # the stage rewrote the source's work file (something changed)

    def error(self, stage: str, document_id: str | None, url: str | None, message: str) -> None:
        self.errors.append(
            {
                "source_id": self.source_id,
                "document_id": document_id,
                "url": url,
                "stage": stage,
                "error": message,
                "occurred_at": _utc_now(),
            }
        )


def _unchanged(result: StageResult, prior: dict | None, doc_id) -> bool:
    """Whether a stage's output equals the file it read, so need not be written: nothing processed (every
    row reused as it was), the same documents in the same order (none dropped), the same errors."""

    def errors(errs):
        return [(e.get("stage"), e.get("document_id"), e.get("url"), e.get("error")) for e in errs]

    return (
        prior is not None
        and not result.processed
        and [doc_id(r) for r in result.rows] == [doc_id(r) for r in prior.get("documents", [])]
        and errors(result.errors) == errors(prior.get("errors", []))
    )


# ---------------------------------------------------------------- fetch


def fetch(sources: Sequence[Source], *, mode: str, store, work: WorkStore, settings=None) -> dict[str, StageResult]:
    """Fetch every source into the raw store; one StageResult per source."""
    from pipelines.crawl import crawl_sources

    pages = crawl_sources(list(sources), mode=mode, store=store, settings=settings)
    results = {s.id: StageResult(s.id) for s in sources}
    for page in pages:
        row = _jsonable(page)
        result = results[row["source_id"]]
        result.rows.append(row)
        result.processed += 1
        if row.get("error"):
            result.error("fetch", None, row.get("url"), row["error"])
    for source in sources:
        result = results[source.id]
        work.write("pages", source.id, {"source_id": source.id, "mode": mode, "fetched_at": _utc_now(), "pages": result.rows})
    return results


# ---------------------------------------------------------------- parse


def _limit_note(doc: dict, limits: PageLimits) -> str | None:
    cut = doc.get("text_truncated_from")
    if not cut:
        return None
    return (f"{doc.get('url') or doc['document_id']}: main text is {cut:,} characters, over the cap of "
            f"{limits.max_text_chars:,} ({limits_mod.MAX_TEXT_CHARS_ENV}); only the first "
            f"{len(doc['text']):,} are used")


def parse(source: Source, *, store, work: WorkStore, limits: PageLimits | None = None) -> StageResult:
    """Parse the source's pages in use (from the raw store) into documents.

    Each page is parsed within the page's time budget, and its main text is cut
    to the size cap (pipelines.limits); both are recorded as errors."""
    from pipelines.parse import parse_bytes

    limits = limits or PageLimits.from_env()
    result = StageResult(source.id)
    pages = (work.read("pages", source.id) or {}).get("pages", [])
    prior = work.read("documents", source.id)
    previous = {d["document_id"]: d for d in (prior or {}).get("documents", [])}
    version = parser_version()
    for page in pages:
        if page.get("is_index") and source.index is not None:
            continue  # an index page is a list of links, not a document
        url = page.get("final_url") or page.get("url")
        doc_id = document_id_for(source, page.get("url"), is_source_page=source.index is None)
        content_hash = page.get("content_hash")
        if not content_hash:
            if doc_id in previous:
                result.rows.append(previous[doc_id])  # last good document stays in use
                result.reused += 1
            continue
        old = previous.get(doc_id)
        if old and old.get("content_hash") == content_hash and old.get("parser_version") == version:
            result.rows.append(old)
            result.reused += 1
            if note := _limit_note(old, limits):  # still cut: still an error
                result.error("parse", doc_id, url, note)
            continue
        started = time.monotonic()
        try:
            body = store.read_body(content_hash)
            parsed = limits_mod.run_with_budget(
                parse_bytes, body, content_type=page.get("content_type"), url=url, kind=source.kind,
                seconds=limits.page_seconds, what=f"parse {url or source.id}",
            )
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
            if isinstance(exc, limits_mod.StepFailed) and exc.type_name in ("ParseError", "UnsupportedContent"):
                shown = exc.message  # already names the page and the problem
            elif isinstance(exc, (limits_mod.LimitError, limits_mod.StepFailed)):
                shown = str(exc)
            else:
                shown = f"{type(exc).__name__}: {exc}"
            result.error("parse", doc_id, url, shown if url and url in shown else f"{url or source.id}: {shown}")
            if old:
                result.rows.append(old)
                result.reused += 1
            continue
        result.processed += 1
        text, cut_from = limits_mod.cap_text(parsed.text, limits.max_text_chars)
        result.rows.append(
            {
                "document_id": doc_id,
                "source_id": source.id,
                "url": source.url if page.get("mode") == "snapshot" and source.url else url,
                "title": parsed.title,
                "published": parsed.published or source.published,
                "university": source.university,
                "content_hash": content_hash,
                "parser_version": version,
                "kind": source.kind,
                "text": text,
                "text_truncated_from": cut_from,
                "parse_seconds": round(time.monotonic() - started, 3),
            }
        )
        if note := _limit_note(result.rows[-1], limits):
            result.error("parse", doc_id, url, note)
    if not _unchanged(result, prior, lambda d: d["document_id"]):  # an unchanged source is not rewritten
        result.written = True
        work.write("documents", source.id, {"source_id": source.id, "parsed_at": _utc_now(), "documents": result.rows, "errors": result.errors})
    return result


# ---------------------------------------------------------------- extract


_ABSURD_NUMBER = re.compile(r"\d[\d,.]{39,}")  # 40+ characters of one figure: no real amount or count


def extract_guarded(text: str, **kwargs) -> dict:
    """extract_document, safe against absurd numbers (a 400-digit figure overflows a float).

    On an arithmetic error the extraction is run again with such figures masked
    (``#`` of the same length, so evidence offsets still hold); the result then
    carries ``limit_note`` saying so. If that fails too, ValueError with one
    clear message (never a traceback)."""
    from pipelines.extract import extract_document

    try:
        return extract_document(text, **kwargs)
    except (OverflowError, decimal.InvalidOperation) as exc:
        first = exc
    masked, n = _ABSURD_NUMBER.subn(lambda m: "#" * len(m.group()), text)
    if n:
        try:
            facts = extract_document(masked, **kwargs)
        except (OverflowError, decimal.InvalidOperation):
            pass
        else:
            facts["limit_note"] = (f"{n} absurdly long number(s) (40+ characters) could not be converted "
                                   f"({type(first).__name__}) and were ignored")
            return facts
    raise ValueError(f"a number in the text is out of range ({type(first).__name__}: {first})") from None


def extract(source: Source, *, work: WorkStore, limits: PageLimits | None = None) -> StageResult:
    """Extract the four fact types from the source's documents, each within what is left of
    its page's time budget (pipelines.limits)."""
    limits = limits or PageLimits.from_env()
    result = StageResult(source.id)
    documents = (work.read("documents", source.id) or {}).get("documents", [])
    prior = work.read("facts", source.id)
    previous = {d["document"]["id"]: d for d in (prior or {}).get("documents", [])}
    version = extractor_version()
    warm = False
    for doc in documents:
        doc_id = doc["document_id"]
        text_hash = hashlib.sha256(doc["text"].encode()).hexdigest()
        old = previous.get(doc_id)
        if old and old.get("text_hash") == text_hash and old.get("extractor_version") == version:
            result.rows.append(old)
            result.reused += 1
            if note := old.get("limit_note"):  # still true of this text: still an error
                result.error("extract", doc_id, doc.get("url"), f"{doc.get('url') or doc_id}: {note}")
            continue
        if not warm:
            # the model and the tables load here, once; each page's budgeted worker is forked from this
            # process and inherits them (loading them per page would cost seconds a page)
            from pipelines.extract import warm_up

            warm_up()
            warm = True
        name = doc.get("url") or doc_id
        try:
            facts = limits_mod.run_with_budget(
                extract_guarded,
                doc["text"],
                document_id=doc_id,
                url=doc.get("url"),
                published=doc.get("published"),
                title=doc.get("title"),
                university=doc.get("university"),
                seconds=limits.page_seconds - float(doc.get("parse_seconds") or 0.0),
                what=f"extract {name}",
            )
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            shown = str(exc) if isinstance(exc, (limits_mod.LimitError, limits_mod.StepFailed)) else f"{type(exc).__name__}: {exc}"
            result.error("extract", doc_id, doc.get("url"), f"{name}: {shown}")
            if old:
                result.rows.append(old)
                result.reused += 1
            continue
        if note := facts.get("limit_note"):
            result.error("extract", doc_id, doc.get("url"), f"{name}: {note}")
        result.processed += 1
        facts["text_hash"] = text_hash
        facts["extractor_version"] = version
        result.rows.append(facts)
    if not _unchanged(result, prior, lambda d: d["document"]["id"]):
        result.written = True
        work.write("facts", source.id, {"source_id": source.id, "extracted_at": _utc_now(), "documents": result.rows, "errors": result.errors})
    return result


def record_failure(stage: str, source: Source, *, work: WorkStore, message: str) -> StageResult:
    """A stage that crashed for one source (an error none of its per-page guards caught), recorded as
    that stage's error in the source's work file, which keeps its previous rows: the staging load then
    writes the error (source_health shows it) and keeps the source's last good data, and the run goes
    on with the other sources."""
    result = StageResult(source.id)
    if stage == "fetch":
        prior = (work.read("pages", source.id) or {}).get("pages") or [{"source_id": source.id, "url": source.url}]
        pages = [{**p, "ok": False, "error": message, "fetched_at": _utc_now()} for p in prior]  # last good copies stay
        work.write("pages", source.id, {"source_id": source.id, "fetched_at": _utc_now(), "pages": pages})
        result.rows = pages
        result.error("fetch", None, source.url, message)
        return result
    name = {"parse": "documents", "extract": "facts"}[stage]
    prior = work.read(name, source.id) or {"documents": [], "errors": []}
    result.rows = prior.get("documents", [])
    result.error(stage, None, source.url, message)
    work.write(name, source.id, {**prior, "source_id": source.id, "errors": [*prior.get("errors", []), *result.errors]})
    return result


def fact_counts(facts_docs: Iterable[dict]) -> dict[str, int]:
    counts = dict.fromkeys(FACT_TYPES, 0)
    for doc in facts_docs:
        for t in FACT_TYPES:
            counts[t] += len(doc.get(t, []))
    return counts


# ---------------------------------------------------------------- load (pipelines.stage_load)

from pipelines.stage_load import load, load_many, source_errors  # noqa: E402,F401  (the stages, in one place)
