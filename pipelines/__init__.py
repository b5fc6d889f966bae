"""Partnership data warehouse: crawl, parse, extract, load, and model with dbt."""

__version__ = "0.1.0"
