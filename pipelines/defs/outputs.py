"""What each build hands to readers besides the serving copy: the marts as Parquet files, and the HTML report.

Both read only the serving copy, read-only, so neither waits for nor blocks
the warehouse's writer (they are not in the `warehouse` pool).
"""

import dagster as dg

from pipelines import report, serving
from pipelines.defs.models import ON_UPSTREAM_CHANGE, serving_copy
from pipelines.defs.resources import WarehouseResource


@dg.asset(
    deps=[serving_copy],
    group_name="serving",
    automation_condition=ON_UPSTREAM_CHANGE,
    kinds={"parquet", "duckdb"},
    description="Each mart as a Parquet file (serving/parquet/<mart>.parquet) for notebooks and BI tools; "
    "every file swapped in atomically.",
)
def marts_parquet(warehouse: WarehouseResource) -> dg.MaterializeResult:
    export = serving.export_parquet(serving.serving_path(warehouse.file))
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(export.directory)),
            "dagster/row_count": sum(export.rows.values()),
            "files": dg.MetadataValue.md(
                "\n".join(f"- `{p.name}`: {export.rows[m]} rows" for m, p in sorted(export.files.items()))
            ),
            "removed": ", ".join(export.removed) or "none",
        }
    )


@dg.asset(
    name="report",
    deps=[serving_copy, marts_parquet],
    group_name="serving",
    automation_condition=ON_UPSTREAM_CHANGE,
    kinds={"html"},
    check_specs=[dg.AssetCheckSpec("every_chart_drawn", asset="report")],
    description="One self-contained HTML page of charts over the marts (serving/report.html); works offline.",
)
def report_html(warehouse: WarehouseResource):
    built = report.build_report(serving.serving_path(warehouse.file))
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(built.path)),
            "charts_drawn": len(built.charts) - len(built.missing),
            "charts_not_drawn": len(built.missing),
        },
    )
    yield dg.AssetCheckResult(
        check_name="every_chart_drawn",
        passed=not built.missing,
        severity=dg.AssetCheckSeverity.WARN,
        description="A chart is not drawn when its mart or a column it needs is missing from the marts.",
        metadata={"not_drawn": dg.MetadataValue.md("\n".join(f"- {c.title}: {c.note}" for c in built.missing) or "none")},
    )
