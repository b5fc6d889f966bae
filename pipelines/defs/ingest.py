"""Per-source assets: raw pages -> documents -> facts -> staging tables.

Every asset here is partitioned by source (the registry's ids) and runs a
range of sources in one go (BackfillPolicy.single_run), so the nightly run is
one run, and a backfill of one failing source is one partition. The work is
done by plain-Python stages (pipelines.stages); these assets only wire them
in and report what happened as metadata.
"""


from collections.abc import Iterator

import dagster as dg

from pipelines import stages
from pipelines import warehouse as wh
from pipelines.defs.resources import PipelineResource, WarehouseResource
from pipelines.registry import RegistryError, Source, load_registry
from pipelines.settings import registry_path

# A bad registry must not stop the code location from loading (a traceback in the UI):
# the definitions load with no source partitions, and the source_registry asset and its
# blocking check say what is wrong, in one line.
try:
    SOURCES: list[Source] = load_registry(registry_path())
    REGISTRY_ERROR: str | None = None
except RegistryError as exc:
    SOURCES, REGISTRY_ERROR = [], str(exc)
SOURCES_BY_ID = {s.id: s for s in SOURCES}
source_partitions = dg.StaticPartitionsDefinition([s.id for s in SOURCES])
_SINGLE_RUN = dg.BackfillPolicy.single_run()
_REGISTRY_NOTE = f"\n\n**Registry error, no sources loaded:** {REGISTRY_ERROR}" if REGISTRY_ERROR else ""


def _selected(context: dg.AssetExecutionContext) -> list[Source]:
    return [SOURCES_BY_ID[k] for k in context.partition_keys]


def _md_table(rows: list[dict], columns: list[str], limit: int = 20) -> dg.MetadataValue:
    if not rows:
        return dg.MetadataValue.md("_(no rows)_")
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join(
        "| " + " | ".join(str(r.get(c, "")).replace("|", "\\|").replace("\n", " ")[:120] for c in columns) + " |\n"
        for r in rows[:limit]
    )
    more = f"\n_{len(rows) - limit} more rows_" if len(rows) > limit else ""
    return dg.MetadataValue.md(head + body + more)


@dg.asset(
    group_name="ingest",
    kinds={"yaml"},
    check_specs=[
        dg.AssetCheckSpec(
            "registry_valid",
            asset="source_registry",
            blocking=True,
            description="The registry parses and every entry is valid; a failure names the file, source and field.",
        )
    ],
    description="The source registry (sources/registry.yml or $PARTNERSHIPS_REGISTRY), validated at the start "
    "of every run; its blocking check stops the run on a bad registry." + _REGISTRY_NOTE,
)
def source_registry() -> Iterator:
    try:
        sources, error = load_registry(registry_path(), include_disabled=True), None
    except RegistryError as exc:
        sources, error = [], str(exc)
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(registry_path())),
            "sources": len(sources),
            "enabled": sum(1 for s in sources if s.enabled),
            "error": dg.MetadataValue.text(error or ""),
        }
    )
    yield dg.AssetCheckResult(
        check_name="registry_valid",
        passed=error is None,
        severity=dg.AssetCheckSeverity.ERROR,
        description=error,
        metadata={"error": dg.MetadataValue.text(error or "")},
    )


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=_SINGLE_RUN,
    group_name="ingest",
    kinds={"python", "httpx"},
    deps=[source_registry],
    check_specs=[dg.AssetCheckSpec("every_page_fetched", asset="raw_pages")],
    description="Fetch each source's pages into the raw store (snapshot, live or live with fallback)." + _REGISTRY_NOTE,
)
def raw_pages(context: dg.AssetExecutionContext, pipeline: PipelineResource):
    sources = _selected(context)
    results = stages.fetch(
        sources, mode=pipeline.mode, store=pipeline.store(), work=pipeline.work(), settings=pipeline.crawl_settings()
    )
    pages = [p for r in results.values() for p in r.rows]
    failed = [p for p in pages if p.get("error")]
    yield dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(pages),
            "fetch_mode": pipeline.mode,
            "pages_ok": sum(1 for p in pages if p.get("ok")),
            "pages_changed": sum(1 for p in pages if p.get("changed")),
            "pages_failed": len(failed),
            "bytes": sum(p.get("bytes") or 0 for p in pages),
            "preview": _md_table(pages, ["source_id", "status", "bytes", "changed", "from_fallback", "error", "url"]),
        }
    )
    yield dg.AssetCheckResult(
        check_name="every_page_fetched",
        passed=not failed,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"failed": _md_table(failed, ["source_id", "url", "error"])},
    )


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=_SINGLE_RUN,
    group_name="ingest",
    kinds={"python", "beautifulsoup"},
    deps=[raw_pages],
    description="Parse stored pages into documents (main text, title, publication date). Unchanged pages are not re-parsed.",
)
def documents(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    store, work = pipeline.store(), pipeline.work()
    results = [stages.parse(s, store=store, work=work) for s in _selected(context)]
    docs = [d for r in results for d in r.rows]
    errors = [e for r in results for e in r.errors]
    for e in errors:
        context.log.warning(f"parse failed: {e['error']}")
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(docs),
            "parsed": sum(r.processed for r in results),
            "reused_unchanged": sum(r.reused for r in results),
            "errors": len(errors),
            "preview": _md_table(
                [{**d, "chars": len(d["text"])} for d in docs], ["document_id", "title", "published", "chars", "url"]
            ),
        }
    )


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=_SINGLE_RUN,
    group_name="ingest",
    kinds={"python"},
    deps=[documents],
    description="Extract agreements, funding, platforms and counts (shared/spec/facts.md) from each document.",
)
def facts(context: dg.AssetExecutionContext, pipeline: PipelineResource) -> dg.MaterializeResult:
    work = pipeline.work()
    results = [stages.extract(s, work=work) for s in _selected(context)]
    fact_docs = [d for r in results for d in r.rows]
    errors = [e for r in results for e in r.errors]
    for e in errors:
        context.log.warning(f"extraction failed: {e['error']}")
    counts = stages.fact_counts(fact_docs)
    agreements = [a for d in fact_docs for a in d.get("agreements", [])]
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": sum(counts.values()),
            **{f"{t}": n for t, n in counts.items()},
            "extracted": sum(r.processed for r in results),
            "reused_unchanged": sum(r.reused for r in results),
            "errors": len(errors),
            "preview_agreements": _md_table(agreements, ["date", "university", "partner", "agreement_type"]),
        }
    )


_STAGING_DEPS = {
    "fetches": raw_pages,
    "documents": documents,
    "errors": facts,
    **{t: facts for t in wh.FACT_TABLES},
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", table],
            deps=[_STAGING_DEPS[table]],
            group_name="staging",
            kinds={"duckdb"},
            description=f"Staging table raw.{table} in the warehouse (replaced per source).",
        )
        for table in wh.TABLES
    ],
    partitions_def=source_partitions,
    backfill_policy=_SINGLE_RUN,
    pool="warehouse",
)
def staging_tables(context: dg.AssetExecutionContext, pipeline: PipelineResource, warehouse: WarehouseResource):
    """Load each selected source into the staging tables (delete-then-insert in one transaction)."""
    work = pipeline.work()
    reports = []
    with warehouse.connect() as con:
        for source in _selected(context):
            reports.append(stages.load(source, work=work, con=con))
        totals = {t: wh.scalar(con, f"SELECT count(*) FROM {wh.SCHEMA}.{t}") for t in wh.TABLES}
    for table in wh.TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", table],
            metadata={
                "dagster/row_count": totals[table],
                "rows_loaded": sum(r.inserted.get(table, 0) for r in reports),
                "rows_replaced": sum(r.deleted.get(table, 0) for r in reports),
                "by_source": _md_table(
                    [{"source_id": r.source_id, "rows": r.total[table]} for r in reports], ["source_id", "rows"]
                ),
            },
        )
