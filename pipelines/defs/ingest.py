"""Per-source assets: raw pages -> documents -> facts -> staging tables.

Every asset here is partitioned by source (the dynamic partitions `sources`,
kept in step with the registry by pipelines/defs/sources.py). A run of job
`refresh_source` refreshes one source (a backfill from the UI:
BackfillPolicy.multi_run(1); a source that failed in the nightly
`refresh_sources` run, pipelines/defs/batch.py) or a range of sources
(`partnerships run --source A B`). Each step loops over the run's sources;
what it records stays per source: each partition gets its own materialization
and metadata, its own check evaluations, and a source that fails is its own
red partition while the others in the same run are materialized and go on to
the marts (refreshed by declarative automation, pipelines/defs/models.py). The work is done by plain-Python stages
(pipelines.stages); these assets only wire them in and report what happened as
per-source metadata tables.

Failure, source by source:
- each stage has its own asset check (`fetch_ok`, `parse_ok`, `extract_ok`,
  severity ERROR, evaluated per partition) whose description is the whole
  error text of that stage;
- the stages still hand on what they could (the last good copy of a page, the
  previous document or facts), and the staging load still writes the source's
  fetch log and error rows (so `source_health` shows the failure);
- a stage that crashes for one source (an error its per-page guards did not
  catch) is recorded as that stage's error of that source (stages.record_failure)
  and the step goes on with the other sources;
- then the staging step materializes the sources without errors and fails
  with every error of the failed ones, so their `raw/*` partitions (and only
  theirs) are marked failed and the run is a failure, never green.
"""


import re
import traceback
from collections.abc import Callable, Iterator

import dagster as dg

from pipelines import source_checks, stages
from pipelines import warehouse as wh
from pipelines.defs.resources import PipelineResource, WarehouseResource
from pipelines.defs.sources import registered_sources, registry_error, source, source_partitions
from pipelines.registry import RegistryError, Source, load_registry
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


def pages_metadata(result: stages.StageResult, mode: str) -> dict:
    pages = result.rows
    return {
        "dagster/row_count": len(pages),
        "fetch_mode": mode,
        "pages_ok": sum(1 for p in pages if p.get("ok")),
        "pages_changed": sum(1 for p in pages if p.get("changed")),
        "pages_failed": len(result.errors),
        "bytes": sum(p.get("bytes") or 0 for p in pages),
        "pages": table(
            pages, {"url": str, "status": int, "bytes": int, "changed": bool, "from_fallback": bool, "error": str}
        ),
    }


def documents_metadata(result: stages.StageResult) -> dict:
    return {
        "dagster/row_count": len(result.rows),
        "parsed": result.processed,
        "reused_unchanged": result.reused,
        "errors": len(result.errors),
        "documents": table(
            [{**d, "chars": len(d["text"])} for d in result.rows],
            {"document_id": str, "title": str, "published": str, "chars": int, "url": str},
        ),
    }


def facts_metadata(result: stages.StageResult) -> dict:
    counts = stages.fact_counts(result.rows)
    agreements = [a for d in result.rows for a in d.get("agreements", [])]
    return {
        "dagster/row_count": sum(counts.values()),
        **{t: n for t, n in counts.items()},
        "fact_counts": table([{"fact_type": t, "count": n} for t, n in counts.items()], {"fact_type": str, "count": int}),
        "extracted": result.processed,
        "reused_unchanged": result.reused,
        "errors": len(result.errors),
        "agreements_preview": table(
            agreements, {"date": str, "university": str, "partner": str, "agreement_type": str, "evidence": str}
        ),
    }


def loaded_table(report) -> dg.MetadataValue:
    """Rows inserted and replaced per staging table by a source's load (report None: nothing written)."""
    return table(
        [
            {"table": t, "inserted": report.inserted.get(t, 0) if report else 0,
             "replaced": report.deleted.get(t, 0) if report else 0}
            for t in wh.TABLES
        ],
        {"table": str, "inserted": int, "replaced": int},
    )


def staging_metadata(report, t: str, totals: dict[str, int]) -> dict:
    """The metadata of one source's partition of raw/<t> (report None: same rows as its last load)."""
    return {
        "dagster/row_count": totals[t],
        "unchanged": report is None,
        **({"source_rows": report.total[t]} if report else {}),
        "rows_loaded": report.inserted.get(t, 0) if report else 0,
        "rows_replaced": report.deleted.get(t, 0) if report else 0,
        "loaded": loaded_table(report),
    }



SOURCE_CHECKS = dg.AssetKey(["raw", source_checks.TABLE])

# raw.source_checks: not a per-source staging table (one row per source, replaced at every check, changed
# or not), so not partitioned: each staging step logs one materialization of it. dbt's source_health reads
# it, so a night on which only the checks changed still gets source_health (alone) rebuilt by automation.
source_checks_table = dg.AssetSpec(
    SOURCE_CHECKS,
    group_name="ingest",
    kinds={"duckdb"},
    description="Table raw.source_checks: each source's latest check (when, what came of it: fetch_failed, errors, "
    "changed, unchanged; pages, HTTP status, first error, run id), written by every staging step whether or not "
    "the source changed. dbt's source_health shows it (last_checked_at, last_check_*).",
)


def checks_materialization(checks: list[dict]) -> dg.AssetMaterialization:
    """The staging step's record of the checks it wrote: how many of each outcome, and each check."""
    outcomes = {o: sum(1 for c in checks if c["outcome"] == o) for o in source_checks.OUTCOMES}
    return dg.AssetMaterialization(
        asset_key=SOURCE_CHECKS,
        metadata={
            "sources_checked": len(checks),
            **outcomes,
            "checks": table(checks, {"source_id": str, "outcome": str, "checked_at": str, "pages": int,
                                     "pages_changed": int, "http_status": int, "error_stage": str, "error": str}),
        },
    )


# ---------------------------------------------------------------- one run, many sources


def run_sources(context: dg.AssetExecutionContext) -> tuple[list[Source], dict[str, str]]:
    """The registry entries of the run's partitions (one, or a range); and {key: error} for keys the
    registry no longer has (a run of one such key fails at once, as it always did)."""
    keys = list(context.partition_keys)
    if len(keys) == 1:
        return [source(keys[0])], {}
    registered = registered_sources()
    missing = {
        k: f"source {k!r} is not (or no longer) an enabled entry of {registry_path()}" for k in keys if k not in registered
    }
    for error in missing.values():
        context.log.error(error)
    return [registered[k] for k in keys if k in registered], missing


def each_source(context, stage: str, sources: list[Source], run: Callable[[Source], stages.StageResult], work):
    """{source id: StageResult} of one stage over the sources; one source's crash is recorded as its error."""
    results = {}
    for src in sources:
        try:
            results[src.id] = run(src)
        except Exception as exc:  # noqa: BLE001 - one source's crash must not stop the others
            message = f"{stage} crashed: {type(exc).__name__}: {exc}"
            context.log.error(f"source {src.id}: {message}\n{traceback.format_exc()}")
            results[src.id] = stages.record_failure(stage, src, work=work, message=message)
    return results


def check_evaluation(check_name: str, asset: str, source_id: str, stage: str, errors: list[dict]) -> dg.AssetCheckEvaluation:
    """stage_check for one partition of a run over many (an AssetCheckResult would name no partition)."""
    result = stage_check(check_name, asset, source_id, stage, errors)
    return dg.AssetCheckEvaluation(
        asset_key=dg.AssetKey(asset), check_name=check_name, passed=result.passed, severity=result.severity,
        description=result.description, metadata=result.metadata, partition=source_id,
    )


def per_source_results(context, asset: str, check_name: str, stage: str, results: dict, missing: dict, metadata) -> Iterator:
    """One materialization of ``asset`` per source of the run, each with its own metadata (``metadata(result)``),
    and one evaluation of its check per source; keys missing from the registry fail the check."""
    for sid, result in results.items():
        context.add_asset_metadata(metadata(result), partition_key=sid)
    for sid, error in missing.items():
        context.add_asset_metadata({"error": dg.MetadataValue.text(error)}, partition_key=sid)
    yield dg.MaterializeResult()
    for sid, result in results.items():
        yield check_evaluation(check_name, asset, sid, stage, result.errors)
    for sid, error in missing.items():
        yield check_evaluation(check_name, asset, sid, stage, [{"stage": stage, "source_id": sid, "error": error}])
    for output_name in context.assets_def.check_specs_by_output_name:
        yield dg.Output(None, output_name=output_name)  # the checks' outputs; their evaluations are above


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
    sources, missing = run_sources(context)
    work = pipeline.work()

    def fetch(batch: list[Source]) -> dict[str, stages.StageResult]:
        return stages.fetch(batch, mode=pipeline.mode, store=pipeline.store(), work=work, settings=pipeline.crawl_settings())

    try:
        results = fetch(sources)  # one crawl over all the run's sources (the crawler's politeness spans them)
    except Exception:  # noqa: BLE001 - a crash of the whole crawl: again source by source, to keep the others
        if len(sources) == 1:
            raise
        context.log.exception("the crawl over all sources crashed; fetching source by source")
        results = each_source(context, "fetch", sources, lambda src: fetch([src])[src.id], work)
    for result in results.values():
        for e in result.errors:
            context.log.error(f"fetch failed: {result.source_id}: {e['url']}: {e['error']}")

    yield from per_source_results(
        context, "raw_pages", "fetch_ok", "fetch", results, missing, lambda r: pages_metadata(r, pipeline.mode)
    )


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
    sources, missing = run_sources(context)
    store, work = pipeline.store(), pipeline.work()
    results = each_source(context, "parse", sources, lambda src: stages.parse(src, store=store, work=work), work)
    for result in results.values():
        for e in result.errors:
            context.log.error(f"parse failed: {result.source_id}: {e['error']}")

    yield from per_source_results(context, "documents", "parse_ok", "parse", results, missing, documents_metadata)


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
    sources, missing = run_sources(context)
    work = pipeline.work()
    results = each_source(context, "extract", sources, lambda src: stages.extract(src, work=work), work)
    for result in results.values():
        for e in result.errors:
            context.log.error(f"extraction failed: {result.source_id}: {e['error']}")

    yield from per_source_results(context, "facts", "extract_ok", "extract", results, missing, facts_metadata)


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
    """Load the run's sources into the staging tables in one bulk load (set-based delete and insert in one
    transaction), except those whose rows are those of their last load; fail the sources that had errors."""
    sources, missing = run_sources(context)
    work = pipeline.work()
    with warehouse.connect() as con:
        outcome = stages.load_many(sources, work=work, con=con, run_id=context.run_id)
        totals = {t: wh.scalar(con, f"SELECT count(*) FROM {wh.SCHEMA}.{t}") for t in wh.TABLES}
    yield checks_materialization(outcome.checks)
    failed = {s.id: errors for s in sources if (errors := stages.source_errors(s.id, work=work))}
    failed.update({k: [{"stage": "registry", "source_id": k, "error": e}] for k, e in missing.items()})

    def loaded(sid: str) -> dg.MetadataValue:
        return loaded_table(outcome.reports.get(sid))

    def metadata(sid: str, t: str) -> dict:
        return staging_metadata(outcome.reports.get(sid), t, totals)

    ok = [s.id for s in sources if s.id not in failed]
    if failed:
        # The failed sources' fetch logs, error rows and last good data are loaded (source_health shows them);
        # the sources without errors are materialized here, the failed ones' partitions are marked failed
        # (planned in this run, not materialized) and the run is red.
        for sid in ok:
            for t in wh.TABLES:
                yield dg.AssetMaterialization(asset_key=["raw", t], partition=sid, metadata=metadata(sid, t))
        every = [e for errors in failed.values() for e in errors]
        text = "\n".join(f"source {sid} failed: {len(errors)} error(s)\n{md_literal(error_text(errors))}"
                         for sid, errors in failed.items())
        raise dg.Failure(
            description=text,
            metadata={
                "failed_sources": ", ".join(failed),
                "errors": table(every, {"source_id": str, **ERROR_COLUMNS}),
                **({"loaded": loaded(next(iter(failed)))} if len(failed) == 1 else {}),
            },
            allow_retries=False,
        )
    for sid in ok:
        for t in wh.TABLES:
            context.add_asset_metadata(metadata(sid, t), asset_key=["raw", t], partition_key=sid)
    for t in wh.TABLES:
        yield dg.MaterializeResult(asset_key=["raw", t])
