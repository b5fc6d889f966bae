"""Per-source assets: raw pages -> documents -> facts -> staging tables.

Every asset here is partitioned by source (the dynamic partitions `sources`,
kept in step with the registry by pipelines/defs/sources.py), and each run
refreshes one source (BackfillPolicy.multi_run(1)): a source that fails is its
own red run and its own red partition, and the other sources' runs go on to the
marts (refreshed by declarative automation, pipelines/defs/models.py). The work
is done by plain-Python stages (pipelines.stages); these assets only wire them
in and report what happened as per-source metadata tables.

Failure, source by source:
- each stage has its own asset check (`fetch_ok`, `parse_ok`, `extract_ok`,
  severity ERROR, evaluated per partition) whose description is the whole
  error text of that stage;
- the stages still hand on what they could (the last good copy of a page, the
  previous document or facts), and the staging load still writes the source's
  fetch log and error rows (so `source_health` shows the failure);
- then the staging step fails with every error of the source, so the source's
  `raw/*` partitions are marked failed and the run is a failure, never green.
"""


import re
from collections.abc import Iterator

import dagster as dg

from pipelines import stages
from pipelines import warehouse as wh
from pipelines.defs.resources import PipelineResource, WarehouseResource
from pipelines.defs.sources import registry_error, source, source_partitions
from pipelines.registry import RegistryError, load_registry
from pipelines.settings import registry_path

PER_SOURCE = dg.BackfillPolicy.multi_run(max_partitions_per_run=1)

# Transient failures (a network hiccup that escaped the crawler's own retries, a
# locked file) are retried with exponential backoff; a source's recorded errors
# are raised as Failure(allow_retries=False) and never retried.
TRANSIENT_RETRY = dg.RetryPolicy(max_retries=2, delay=15, backoff=dg.Backoff.EXPONENTIAL, jitter=dg.Jitter.PLUS_MINUS)


def md_literal(text: str) -> str:
    """``text`` shown verbatim where the UI renders Markdown (asset check and asset descriptions): a fenced
    code block whose fence is longer than any run of backticks in the text. Error texts carry page URLs, a
    server's headers and bytes of its pages, which must never become a link, an image or HTML in the UI."""
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", text)), default=0))
    return f"{fence}\n{text}\n{fence}"


# A bad registry must not stop the code location from loading (a traceback in the UI):
# the partitions are dynamic (read from the instance, not the registry), the
# source_registry asset and its blocking check say what is wrong, in one line, and
# the asset descriptions carry the error seen when the code location loaded.
REGISTRY_ERROR: str | None = registry_error()
_REGISTRY_NOTE = f"\n\n**Registry error, no sources loaded:**\n{md_literal(REGISTRY_ERROR)}" if REGISTRY_ERROR else ""


# ---------------------------------------------------------------- metadata helpers

_COLUMN_TYPES = {bool: "bool", int: "int", float: "float"}


def table(rows: list[dict], columns: dict[str, type], limit: int = 200) -> dg.MetadataValue:
    """A MetadataValue.table with a schema; cell values are kept whole (errors are not cut)."""

    def cell(value, typ):
        if value is None:
            return None
        return value if typ in (bool, int, float) else str(value)

    schema = dg.TableSchema(
        columns=[dg.TableColumn(name, _COLUMN_TYPES.get(typ, "string")) for name, typ in columns.items()]
    )
    records = [dg.TableRecord({c: cell(r.get(c), t) for c, t in columns.items()}) for r in rows[:limit]]
    return dg.MetadataValue.table(records=records, schema=schema)


ERROR_COLUMNS = {"stage": str, "document_id": str, "url": str, "error": str}


def error_text(errors: list[dict]) -> str:
    """Every error in full, one per line."""
    return "\n".join(f"{e.get('stage')}: {e.get('url') or e.get('document_id') or e.get('source_id')}: {e.get('error')}" for e in errors)


def stage_check(check_name: str, asset: str, source_id: str, stage: str, errors: list[dict]) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(
        check_name=check_name,
        asset_key=asset,
        passed=not errors,
        severity=dg.AssetCheckSeverity.ERROR,
        description=(
            f"{len(errors)} {stage} error(s) in source {source_id}:\n{md_literal(error_text(errors))}"
            if errors
            else f"no {stage} errors in source {source_id}"
        ),
        metadata={"source": source_id, "errors": len(errors), "error_list": table(errors, ERROR_COLUMNS)},
    )


def _check_spec(name: str, asset: str, what: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(name, asset=asset, partitions_def=source_partitions, description=what)


# ---------------------------------------------------------------- assets


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
        description=md_literal(error) if error else None,
        metadata={"error": dg.MetadataValue.text(error or "")},
    )


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=PER_SOURCE,
    retry_policy=TRANSIENT_RETRY,
    group_name="ingest",
    kinds={"python", "httpx"},
    deps=[source_registry],
    check_specs=[_check_spec("fetch_ok", "raw_pages", "Every page of the source was fetched in this run.")],
    description="Fetch the source's pages into the raw store (snapshot, live or live with fallback)." + _REGISTRY_NOTE,
)
def raw_pages(context: dg.AssetExecutionContext, pipeline: PipelineResource):
    src = source(context.partition_key)
    result = stages.fetch(
        [src], mode=pipeline.mode, store=pipeline.store(), work=pipeline.work(), settings=pipeline.crawl_settings()
    )[src.id]
    pages = result.rows
    for e in result.errors:
        context.log.error(f"fetch failed: {e['url']}: {e['error']}")
    yield dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(pages),
            "fetch_mode": pipeline.mode,
            "pages_ok": sum(1 for p in pages if p.get("ok")),
            "pages_changed": sum(1 for p in pages if p.get("changed")),
            "pages_failed": len(result.errors),
            "bytes": sum(p.get("bytes") or 0 for p in pages),
            "pages": table(
                pages,
                {"url": str, "status": int, "bytes": int, "changed": bool, "from_fallback": bool, "error": str},
            ),
        }
    )
    yield stage_check("fetch_ok", "raw_pages", src.id, "fetch", result.errors)


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=PER_SOURCE,
    retry_policy=TRANSIENT_RETRY,
    group_name="ingest",
    kinds={"python", "beautifulsoup"},
    deps=[raw_pages],
    check_specs=[_check_spec("parse_ok", "documents", "Every fetched page of the source parsed.")],
    description="Parse stored pages into documents (main text, title, publication date). Unchanged pages are not re-parsed.",
)
def documents(context: dg.AssetExecutionContext, pipeline: PipelineResource):
    src = source(context.partition_key)
    result = stages.parse(src, store=pipeline.store(), work=pipeline.work())
    for e in result.errors:
        context.log.error(f"parse failed: {e['error']}")
    yield dg.MaterializeResult(
        metadata={
            "dagster/row_count": len(result.rows),
            "parsed": result.processed,
            "reused_unchanged": result.reused,
            "errors": len(result.errors),
            "documents": table(
                [{**d, "chars": len(d["text"])} for d in result.rows],
                {"document_id": str, "title": str, "published": str, "chars": int, "url": str},
            ),
        }
    )
    yield stage_check("parse_ok", "documents", src.id, "parse", result.errors)


@dg.asset(
    partitions_def=source_partitions,
    backfill_policy=PER_SOURCE,
    retry_policy=TRANSIENT_RETRY,
    group_name="ingest",
    kinds={"python"},
    deps=[documents],
    check_specs=[_check_spec("extract_ok", "facts", "Fact extraction ran without error on every document of the source.")],
    description="Extract agreements, funding, platforms and counts (shared/spec/facts.md) from each document.",
)
def facts(context: dg.AssetExecutionContext, pipeline: PipelineResource):
    src = source(context.partition_key)
    result = stages.extract(src, work=pipeline.work())
    for e in result.errors:
        context.log.error(f"extraction failed: {e['error']}")
    counts = stages.fact_counts(result.rows)
    agreements = [a for d in result.rows for a in d.get("agreements", [])]
    yield dg.MaterializeResult(
        metadata={
            "dagster/row_count": sum(counts.values()),
            **{t: n for t, n in counts.items()},
            "fact_counts": table(
                [{"fact_type": t, "count": n} for t, n in counts.items()], {"fact_type": str, "count": int}
            ),
            "extracted": result.processed,
            "reused_unchanged": result.reused,
            "errors": len(result.errors),
            "agreements_preview": table(
                agreements, {"date": str, "university": str, "partner": str, "agreement_type": str, "evidence": str}
            ),
        }
    )
    yield stage_check("extract_ok", "facts", src.id, "extract", result.errors)


_STAGING_DEPS = {
    "fetches": raw_pages,
    "documents": documents,
    "errors": facts,
    **{t: facts for t in wh.FACT_TABLES},
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", table_name],
            deps=[_STAGING_DEPS[table_name]],
            group_name="staging",
            kinds={"duckdb"},
            description=f"Staging table raw.{table_name} in the warehouse (replaced per source; an unchanged source is not rewritten).",
        )
        for table_name in wh.TABLES
    ],
    partitions_def=source_partitions,
    backfill_policy=PER_SOURCE,
    retry_policy=TRANSIENT_RETRY,
    pool="warehouse",
)
def staging_tables(context: dg.AssetExecutionContext, pipeline: PipelineResource, warehouse: WarehouseResource):
    """Load the source into the staging tables (set-based delete and insert in one transaction), unless its
    rows are those of its last load; fail if the source had errors."""
    src = source(context.partition_key)
    work = pipeline.work()
    with warehouse.connect() as con:
        report = stages.load(src, work=work, con=con)
        totals = {t: wh.scalar(con, f"SELECT count(*) FROM {wh.SCHEMA}.{t}") for t in wh.TABLES}
    unchanged = report is None  # same rows as its last load: nothing written
    loaded = table(
        [
            {
                "table": t,
                "inserted": 0 if unchanged else report.inserted.get(t, 0),
                "replaced": 0 if unchanged else report.deleted.get(t, 0),
            }
            for t in wh.TABLES
        ],
        {"table": str, "inserted": int, "replaced": int},
    )
    errors = stages.source_errors(src.id, work=work)
    if errors:
        # The source's fetch log, error rows and last good data are loaded (source_health shows them);
        # the partition is marked failed and the run is red.
        raise dg.Failure(
            description=f"source {src.id} failed: {len(errors)} error(s)\n{md_literal(error_text(errors))}",
            metadata={"source": src.id, "errors": table(errors, ERROR_COLUMNS), "loaded": loaded},
            allow_retries=False,
        )
    for t in wh.TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", t],
            metadata={
                "dagster/row_count": totals[t],
                "unchanged": unchanged,
                **({} if unchanged else {"source_rows": report.total[t]}),
                "rows_loaded": 0 if unchanged else report.inserted.get(t, 0),
                "rows_replaced": 0 if unchanged else report.deleted.get(t, 0),
                "loaded": loaded,
            },
        )
