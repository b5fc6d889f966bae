"""One run over every source, recording only what changed: job `refresh_sources`.

The nightly schedule and `partnerships run` (without --source) refresh every
source in one run of this job instead of one `refresh_source` run per source.
Dagster costs ~20 s per run, and, in a run over a range of partitions, one
event (tens of milliseconds) per planned partition of every asset (ten a
source) even when nothing changed; at 1,000 sources either made a no-change
night cost about half the first run. Here a source costs events only for what
it did:

- every source: a `raw_pages` materialization of its partition (its pages
  were fetched tonight: "checked"), with its pages table;
- a source whose work file changed: `documents` / `facts` materializations of
  its partition; a source whose staging rows changed: its `raw/*` partitions;
- its `fetch_ok`, `parse_ok`, `extract_ok` evaluations when it did any work
  or has (or had) an error; an unchanged source's last evaluations stand;
- and for all sources together, one `raw/source_checks` materialization: the
  staging op records every source's check in `raw.source_checks`, changed or
  not, which `source_health` shows (pipelines/source_checks.py).

The work is the same plain-Python stages the per-source assets call
(pipelines.stages; unchanged pages are not parsed, unchanged documents not
extracted, unchanged rows not written), in two ops: fetch/parse/extract, then
one bulk staging load in the `warehouse` pool. A source with errors is loaded
as usual (its error rows and last good data: `source_health` shows it), and the
staging op then fails naming every failed source (`failed_sources`), so the run
is red and alerted; `failed_sources_rerun` (and `partnerships run`) then runs
each failed source as its own `refresh_source` run, so its partitions are red
as before (tagged `partnerships/rerun_of`: a rerun failing the same way is not
alerted twice, pipelines/defs/alerts.py). A backfill from the UI, and `partnerships run --source`, use
`refresh_source` (pipelines/defs/ingest.py).
"""


import time

import dagster as dg

from pipelines import stages
from pipelines import warehouse as wh
from pipelines.defs.ingest import (
    TRANSIENT_RETRY,
    check_evaluation,
    checks_materialization,
    documents_metadata,
    each_source,
    error_text,
    facts_metadata,
    pages_metadata,
    staging_metadata,
    table,
    ERROR_COLUMNS,
)
from pipelines.defs.resources import PipelineResource, WarehouseResource
from pipelines.defs.sources import registered_sources, sync_partitions


@dg.op(retry_policy=TRANSIENT_RETRY, description="Fetch, parse and extract every registered source; record what changed.")
def fetch_parse_extract(context: dg.OpExecutionContext, pipeline: PipelineResource):
    sync_partitions(context.instance)  # every source is a partition before events name it
    sources = list(registered_sources().values())
    work, store = pipeline.work(), pipeline.store()
    had_errors = {s.id for s in sources if stages.source_errors(s.id, work=work)}

    def fetch(batch):
        return stages.fetch(batch, mode=pipeline.mode, store=store, work=work, settings=pipeline.crawl_settings())

    started = time.monotonic()
    try:
        fetched = fetch(sources)  # one crawl over all sources (the crawler's politeness spans them)
    except Exception:  # noqa: BLE001 - a crash of the whole crawl: again source by source, to keep the others
        context.log.exception("the crawl over all sources crashed; fetching source by source")
        fetched = each_source(context, "fetch", sources, lambda src: fetch([src])[src.id], work)
    fetched_at = time.monotonic()
    parsed = each_source(context, "parse", sources, lambda src: stages.parse(src, store=store, work=work), work)
    parsed_at = time.monotonic()
    extracted = each_source(context, "extract", sources, lambda src: stages.extract(src, work=work), work)
    counts = {"sources": len(sources), "pages_changed": 0, "parsed": 0, "extracted": 0, "with_errors": 0,
              "fetch_s": round(fetched_at - started, 3), "parse_s": round(parsed_at - fetched_at, 3),
              "extract_s": round(time.monotonic() - parsed_at, 3)}
    for src in sources:
        f, p, x = fetched[src.id], parsed[src.id], extracted[src.id]
        changed = sum(1 for page in f.rows if page.get("changed"))
        counts["pages_changed"] += changed
        counts["parsed"] += p.processed
        counts["extracted"] += x.processed
        errors = f.errors or p.errors or x.errors
        counts["with_errors"] += bool(errors)
        for stage, result in (("fetch", f), ("parse", p), ("extract", x)):
            for e in result.errors:
                context.log.error(f"{stage} failed: {src.id}: {e.get('url') or ''} {e['error']}")
        yield dg.AssetMaterialization(asset_key="raw_pages", partition=src.id, metadata=pages_metadata(f, pipeline.mode))
        if p.written:
            yield dg.AssetMaterialization(asset_key="documents", partition=src.id, metadata=documents_metadata(p))
        if x.written:
            yield dg.AssetMaterialization(asset_key="facts", partition=src.id, metadata=facts_metadata(x))
        if changed or p.written or x.written or errors or src.id in had_errors:
            yield check_evaluation("fetch_ok", "raw_pages", src.id, "fetch", f.errors)
            yield check_evaluation("parse_ok", "documents", src.id, "parse", p.errors)
            yield check_evaluation("extract_ok", "facts", src.id, "extract", x.errors)
    context.log.info(f"sources: {counts}")
    yield dg.Output([s.id for s in sources], metadata=counts)


@dg.op(retry_policy=TRANSIENT_RETRY, pool="warehouse",
       description="One bulk staging load of the sources whose rows changed; fail naming the sources with errors.")
def load_staging(context: dg.OpExecutionContext, source_ids: list[str], pipeline: PipelineResource,
                 warehouse: WarehouseResource):
    registered = registered_sources()
    sources = [registered[sid] for sid in source_ids if sid in registered]
    work = pipeline.work()
    with warehouse.connect() as con:
        outcome = stages.load_many(sources, work=work, con=con, run_id=context.run_id)
        totals = {t: wh.scalar(con, f"SELECT count(*) FROM {wh.SCHEMA}.{t}") for t in wh.TABLES}
    yield checks_materialization(outcome.checks)  # every source checked, changed or not (source_health shows it)
    failed = {s.id: errors for s in sources if (errors := stages.source_errors(s.id, work=work))}
    for sid, report in outcome.reports.items():
        if sid not in failed:
            for t in wh.TABLES:
                yield dg.AssetMaterialization(asset_key=["raw", t], partition=sid, metadata=staging_metadata(report, t, totals))
    context.log.info(f"staging: {len(outcome.reports)} source(s) written, {len(outcome.unchanged)} unchanged, "
                     f"{len(failed)} with errors")
    if failed:
        every = [e for errors in failed.values() for e in errors]
        raise dg.Failure(
            description="\n".join(f"source {sid} failed: {len(errors)} error(s)\n{error_text(errors)}"
                                  for sid, errors in failed.items()),
            metadata={"failed_sources": ", ".join(failed), "errors": table(every, {"source_id": str, **ERROR_COLUMNS})},
            allow_retries=False,
        )
    yield dg.Output(None, metadata={"written": len(outcome.reports), "unchanged": len(outcome.unchanged),
                                   "checked": len(outcome.checks)})


@dg.job(description="Every registered source in one run (the nightly schedule, `partnerships run`): fetch, parse, "
        "extract, one bulk staging load; per source, events only for what changed. The marts follow by automation.")
def refresh_sources():
    load_staging(fetch_parse_extract())


def failed_sources(step_failures) -> list[str]:
    """The sources a failed `refresh_sources` run names in its staging step's failure."""
    found = []
    for event in step_failures:
        data = event.event_specific_data.user_failure_data if event.event_specific_data else None
        named = data.metadata.get("failed_sources") if data is not None else None
        if named is not None:
            found += [s.strip() for s in named.value.split(",") if s.strip()]
    return found
