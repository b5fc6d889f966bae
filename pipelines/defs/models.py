"""dbt models as Dagster assets, and the serving copy that BI tools read."""


from collections.abc import Iterator
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from pipelines import serving
from pipelines.dbt_project import dbt_project, ensure_manifest
from pipelines.defs.resources import WarehouseResource

ensure_manifest()


class PartnershipsTranslator(DagsterDbtTranslator):
    """Groups follow the dbt folder layers; dbt sources map to the staging assets ["raw", <table>]."""

    def get_group_name(self, dbt_resource_props: dict[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn") or []
        if dbt_resource_props.get("resource_type") == "seed":
            return "reference"
        for layer in ("staging", "intermediate", "marts"):
            if layer in fqn:
                return layer
        return super().get_group_name(dbt_resource_props)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PartnershipsTranslator(),
    exclude="resource_type:unit_test",
    pool="warehouse",
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource) -> Iterator:
    """`dbt build` (models, seeds and data tests; unit tests run in CI, not in production)."""
    events = list(dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context).stream())
    # Row counts are read after dbt has exited: while dbt runs it holds the file.
    counts = serving.relation_row_counts(warehouse.file)
    for event in events:
        if isinstance(event, dg.Output):
            unique_id = event.metadata.get("unique_id")  # "model.partnerships.fct_agreements"
            name = str(unique_id.value if unique_id is not None else "").split(".")[-1]
            if name in counts:
                event = event.with_metadata({**event.metadata, "dagster/row_count": counts[name]})
        yield event


@dg.asset(
    deps=[dbt_models],
    group_name="serving",
    kinds={"duckdb"},
    pool="warehouse",
    description="A read-only copy of the warehouse for BI tools, swapped in atomically after each build.",
)
def serving_copy(warehouse: WarehouseResource) -> dg.MaterializeResult:
    target, counts = serving.publish(warehouse.file)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "dagster/row_count": sum(counts.values()),
            "tables": dg.MetadataValue.md("\n".join(f"- `{t}`: {n}" for t, n in sorted(counts.items()))),
        }
    )
