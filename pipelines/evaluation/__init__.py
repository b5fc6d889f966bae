"""The scorer's parts; ``pipelines.evaluate`` is the entry point (``evaluate``, ``main``, ``FACT_TYPES``).

* ``names``: name normalisation and the fuzzy name rule.
* ``matching``: evidence overlap, the per-type compatibility rules, one-to-one matching.
* ``fields``: field accuracy of a matched pair.
* ``split``: which part (development / validation) each gold document belongs to.
* ``pages``: gold files and page texts.
* ``report``: scores, aggregation and the printed report.

Plain Python, no Dagster.
"""
