"""Dagster definitions: resources, per-source ingest assets, dbt models, serving copy, schedule."""
