"""Resources shared by the assets. Settings default to the environment
(PARTNERSHIPS_WAREHOUSE, PARTNERSHIPS_FETCH_MODE, ...) and can be overridden
per run in the launchpad."""


import contextlib
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource

from pipelines import settings
from pipelines.dbt_project import dbt_project
from pipelines.defs.alerts import AlertResource
from pipelines.processes import dbt_executable


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse. Open it only inside a step, and close it before the step ends.

    Its file is named by $PARTNERSHIPS_WAREHOUSE alone (default
    warehouse/partnerships.duckdb), the variable dbt's profile reads, so the
    Python loaders and dbt can never write different files. With
    PARTNERSHIPS_TARGET=postgres the staging tables go to $PARTNERSHIPS_PG_URL
    instead (pipelines/warehouse_pg.py), the database dbt's postgres target uses.
    """

    @property
    def file(self) -> Path:
        return settings.warehouse_path()

    @contextlib.contextmanager
    def connect(self) -> Iterator:
        if settings.warehouse_target() == "postgres":
            from pipelines import warehouse_pg

            with warehouse_pg.connect(settings.pg_url()) as con:
                yield con
            return
        from pipelines import warehouse

        with warehouse.connect(self.file) as con:
            yield con


class PipelineResource(dg.ConfigurableResource):
    """Where the pipeline reads sources and keeps its raw and intermediate files."""

    fetch_mode: str | None = None  # snapshot | live | live_fallback (default: $PARTNERSHIPS_FETCH_MODE or snapshot)
    raw_store: str | None = None  # default: $PARTNERSHIPS_RAW_STORE or <warehouse dir>/raw
    work_dir: str | None = None  # default: <warehouse dir>/work

    @property
    def mode(self) -> str:
        from pipelines.crawl import check_mode, fetch_mode_from_env

        return check_mode(self.fetch_mode) if self.fetch_mode else fetch_mode_from_env()

    def store(self):
        from pipelines.crawl import RawStore

        return RawStore(Path(self.raw_store) if self.raw_store else settings.raw_store_path())

    def work(self):
        from pipelines.stages import WorkStore

        return WorkStore(Path(self.work_dir) if self.work_dir else settings.warehouse_path().parent / "work")

    def crawl_settings(self):
        from pipelines.crawl import CrawlSettings

        return CrawlSettings.from_env()


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(
        resources={
            "warehouse": WarehouseResource(),
            "pipeline": PipelineResource(),
            # partnerships-dbt: dbt that the kernel stops when the run's process dies
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
            "alert_hook": AlertResource(),
        }
    )
