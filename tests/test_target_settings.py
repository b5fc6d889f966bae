"""Choosing the warehouse target (pipelines/settings.py): DuckDB by default, PostgreSQL by configuration."""

import pytest

from pipelines import settings


def test_duckdb_is_the_default_and_postgres_is_chosen_by_configuration(monkeypatch):
    monkeypatch.delenv(settings.TARGET_ENV, raising=False)
    assert settings.warehouse_target() == "duckdb"
    monkeypatch.setenv(settings.TARGET_ENV, " Postgres ")
    assert settings.warehouse_target() == "postgres"
    monkeypatch.setenv(settings.TARGET_ENV, "oracle")
    with pytest.raises(ValueError, match="PARTNERSHIPS_TARGET='oracle': expected one of duckdb, postgres"):
        settings.warehouse_target()


def test_the_postgres_url_becomes_sqlalchemys_and_dbts_settings(monkeypatch):
    monkeypatch.setenv(settings.PG_URL_ENV, "postgresql://ana:s3cret@db.example:6543/warehouse")
    assert settings.pg_url() == "postgresql+psycopg2://ana:s3cret@db.example:6543/warehouse"
    assert settings.pg_dbt_env(settings.pg_url()) == {
        "PARTNERSHIPS_PG_HOST": "db.example",
        "PARTNERSHIPS_PG_PORT": "6543",
        "PARTNERSHIPS_PG_USER": "ana",
        "PARTNERSHIPS_PG_PASSWORD": "s3cret",
        "PARTNERSHIPS_PG_DBNAME": "warehouse",
    }


@pytest.mark.parametrize("value, message", [
    (None, "needs PARTNERSHIPS_PG_URL"),
    ("not a url", "PARTNERSHIPS_PG_URL is not a URL"),
    ("mysql://a@b/c", "not a postgresql:// URL"),
])
def test_a_missing_or_wrong_url_is_named(monkeypatch, value, message):
    if value is None:
        monkeypatch.delenv(settings.PG_URL_ENV, raising=False)
    else:
        monkeypatch.setenv(settings.PG_URL_ENV, value)
    with pytest.raises(ValueError, match=message):
        settings.pg_url()
