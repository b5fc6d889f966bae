"""A job for the Celery executor test (tests/test_deploy.py), imported by the Celery workers too.

Each op fetches, parses and extracts one bundled source with the pipeline's own
stages, so the two sources can run at the same time on two workers. Each op
reports the worker it ran on (the worker's PARTNERSHIPS_WORKER variable).
"""

import os
from pathlib import Path

import dagster as dg
from dagster_celery import celery_executor

from pipelines import stages
from pipelines.crawl import CrawlSettings, RawStore
from pipelines.registry import load_registry
from pipelines.settings import warehouse_path

SOURCES = ("xtu_university_government", "chinadaily_education_xaut")


def _ingest_op(source_id: str) -> dg.OpDefinition:
    @dg.op(name=f"ingest_{source_id}")
    def ingest(context: dg.OpExecutionContext) -> dict:
        (source,) = [s for s in load_registry() if s.id == source_id]
        root = Path(warehouse_path()).parent
        store, work = RawStore(root / "raw"), stages.WorkStore(root / "work")
        stages.fetch([source], mode="snapshot", store=store, work=work, settings=CrawlSettings.from_env())
        parsed = stages.parse(source, store=store, work=work)
        extracted = stages.extract(source, work=work)
        report = {
            "source": source_id,
            "worker": os.environ.get("PARTNERSHIPS_WORKER", "?"),
            "pid": os.getpid(),
            "documents": len(parsed.rows),
            "facts": stages.fact_counts(extracted.rows),
        }
        context.log.info(f"ingested {report}")
        return report

    return ingest


@dg.op
def combine(context: dg.OpExecutionContext, reports: list) -> dict:
    return {r["source"]: r for r in reports}


@dg.job(executor_def=celery_executor)
def two_sources_on_celery():
    combine([_ingest_op(s)() for s in SOURCES])
