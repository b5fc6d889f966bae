"""The load stage: work/* ──► DuckDB schema raw, for any number of sources at once.

Plain Python (no Dagster). Each source's fetch log, documents, facts and errors
are read from the work store (pipelines.stages) and handed to
pipelines.warehouse.load_sources, which writes every table with one set-based
DELETE and one INSERT, whatever the number of sources.

Only work that changed is written: each source's rows have a fingerprint (its
pages' hashes and statuses, documents, facts and error messages; not the
timestamps of this run), recorded with the load; a source whose fingerprint
equals the one of its last load is not written at all.

What leaves and what stays, per source:
- a document that has facts this run replaces its previous rows;
- a document whose parse or extraction failed (and had no previous good copy)
  keeps whatever rows it had;
- when every page of the source was fetched, the rows of documents that are no
  longer among its pages (a page removed from an index) are deleted; when a
  fetch failed, nothing is deleted on that account (a failed source keeps its
  previous good data).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb

from pipelines import load_state, source_checks, warehouse
from pipelines.registry import Source

FACT_TYPES = warehouse.FACT_TABLES
_VOLATILE = {"fetched_at", "changed", "not_modified", "from_fallback", "parsed_at", "extracted_at", "occurred_at"}


def _fact_rows(source_id: str, facts_docs: Iterable[dict]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {t: [] for t in FACT_TYPES}
    for doc in facts_docs:
        for t in FACT_TYPES:
            for i, fact in enumerate(doc.get(t, [])):
                key = f"{t}|{fact['document_id']}|{fact.get('evidence_start')}|{i}"
                rows[t].append({**fact, "source_id": source_id, "fact_id": hashlib.sha256(key.encode()).hexdigest()[:16]})
    return rows


def _fetch_error(source_id: str, page: dict) -> dict:
    return {
        "source_id": source_id,
        "document_id": None,
        "url": page.get("url"),
        "stage": "fetch",
        "error": page.get("error"),
        "occurred_at": page.get("fetched_at"),
    }


def source_errors(source_id: str, *, work) -> list[dict]:
    """Every error of the source's latest fetch, parse and extraction (from the work store), fetch first."""
    pages = (work.read("pages", source_id) or {}).get("pages", [])
    docs = work.read("documents", source_id) or {}
    facts = work.read("facts", source_id) or {}
    return [
        *(_fetch_error(source_id, p) for p in pages if p.get("error")),
        *docs.get("errors", []),
        *facts.get("errors", []),
    ]


def fingerprint(load: warehouse.SourceLoad) -> str:
    """What a load would write, without this run's timestamps: equal fingerprints, equal rows."""

    def stable(rows):
        return [{k: v for k, v in sorted(r.items()) if k not in _VOLATILE} for r in rows]

    payload = {
        "fetches": stable(load.fetches),
        "documents": stable(load.documents),
        "facts": {t: stable(rows) for t, rows in sorted((load.facts or {}).items())},
        "errors": stable(load.errors),
        "replace": sorted(load.replace_documents or ()),
        "keep": None if load.keep_documents is None else sorted(load.keep_documents),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def source_load(source: Source, *, work) -> warehouse.SourceLoad:
    """The source's rows for the staging tables, from the work store."""
    from pipelines.stages import document_id_for

    pages = work.read("pages", source.id) or {"pages": []}
    docs = work.read("documents", source.id) or {"documents": [], "errors": []}
    facts = work.read("facts", source.id) or {"documents": [], "errors": []}
    now = warehouse.now_utc()
    fetch_rows = [
        {**{k: p.get(k) for k in warehouse.TABLES["fetches"]}, "source_id": source.id} for p in pages["pages"]
    ]
    facts_by_doc = {f["document"]["id"] for f in facts["documents"]}
    doc_rows = [
        {**{k: d.get(k) for k in warehouse.TABLES["documents"]}, "text_chars": len(d["text"]), "parsed_at": now}
        for d in docs["documents"]
        if d["document_id"] in facts_by_doc
    ]
    fact_rows = _fact_rows(source.id, facts["documents"])
    for rows in fact_rows.values():
        for row in rows:
            row["extracted_at"] = now
    errors = [
        *(_fetch_error(source.id, p) for p in pages["pages"] if p.get("error")),
        *docs.get("errors", []),
        *facts.get("errors", []),
    ]
    replaced = {d["document_id"] for d in doc_rows}
    keep = None
    if pages["pages"] and not any(p.get("error") for p in pages["pages"]):
        # every page was fetched: a document of the source that is no longer among its pages leaves;
        # one whose page is still there but failed to parse or extract keeps its rows
        listed = {
            document_id_for(source, p.get("url"), is_source_page=source.index is None)
            for p in pages["pages"]
            if not (p.get("is_index") and source.index is not None)
        }
        keep = sorted(listed - replaced)
    load = warehouse.SourceLoad(
        source.id,
        fetches=fetch_rows,
        documents=doc_rows,
        facts=fact_rows,
        errors=errors,
        replace_documents=sorted(replaced),
        keep_documents=keep,
    )
    load.fingerprint = fingerprint(load)
    return load


@dataclass
class LoadOutcome:
    reports: dict[str, warehouse.LoadReport] = field(default_factory=dict)  # sources written
    unchanged: list[str] = field(default_factory=list)  # sources skipped: same rows as their last load
    checks: list[dict] = field(default_factory=list)  # each source's check, recorded in raw.source_checks


def load_many(sources: Sequence[Source], *, work, con, force: bool = False, run_id: str | None = None) -> LoadOutcome:
    """Load the sources whose rows changed since their last load, all in one bulk load; then record every
    source's check (raw.source_checks: when it was checked and what came of it), written or not."""
    loads = [source_load(s, work=work) for s in sources]
    if not isinstance(con, duckdb.DuckDBPyConnection):
        force = True  # PostgreSQL keeps no load fingerprints: every source is written
    previous = {} if force else load_state.loaded_fingerprints(con, [s.id for s in sources])
    changed = [ld for ld in loads if previous.get(ld.source_id) != ld.fingerprint]
    written = {ld.source_id for ld in changed}
    outcome = LoadOutcome(unchanged=[ld.source_id for ld in loads if ld.source_id not in written])
    if changed:
        outcome.reports = warehouse.load_sources(con, changed)
    outcome.checks = [source_checks.check_row(s.id, work=work, written=s.id in written, run_id=run_id) for s in sources]
    source_checks.record(con, outcome.checks)
    return outcome


def load(source: Source, *, work, con, force: bool = False) -> warehouse.LoadReport | None:
    """Load one source (load_many of one); None when its rows are those of its last load."""
    return load_many([source], work=work, con=con, force=force).reports.get(source.id)
