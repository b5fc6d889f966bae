"""Production on more than one machine (docs/deploy.md), against real servers on this machine.

* The pipeline runs against a Dagster instance whose run, event and schedule
  storage are PostgreSQL, configured by deploy/dagster.yaml itself.
* A job runs on the Celery executor, with a real Redis broker and two local workers.

The servers come from `.ci/services.sh` (CI runs it): it exports
PARTNERSHIPS_TEST_PG_URL and PARTNERSHIPS_TEST_REDIS_URL. Without them these
tests are skipped, saying so; with them set but the server unreachable they fail.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import dagster as dg
import pytest

from tests.shell_env import shell_env

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("PARTNERSHIPS_TEST_PG_URL")
REDIS_URL = os.environ.get("PARTNERSHIPS_TEST_REDIS_URL")
HOW = 'start the servers with `eval "$(bash .ci/services.sh)"` (CI does)'
SOURCE = "chinadaily_education_xaut"


def base_env(tmp_path: Path, home: Path) -> dict[str, str]:
    return shell_env(tmp_path, home)


# ------------------------------------------------------------------ PostgreSQL


@pytest.fixture
def pg_database():
    """A fresh, empty database on the test server, dropped afterwards."""
    if not PG_URL:
        pytest.skip(f"no PostgreSQL server: PARTNERSHIPS_TEST_PG_URL is not set; {HOW}")
    import psycopg2

    try:
        admin = psycopg2.connect(PG_URL, connect_timeout=10)
    except psycopg2.OperationalError as exc:
        pytest.fail(f"PARTNERSHIPS_TEST_PG_URL={PG_URL} is set but the server does not answer: {exc}")
    admin.autocommit = True
    name = f"partnerships_test_{uuid.uuid4().hex[:12]}"
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlparse(PG_URL)._replace(path=f"/{name}")
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.mark.timeout(1200)
def test_the_pipeline_runs_against_a_postgres_backed_instance(pg_database, tmp_path):
    import psycopg2

    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO_ROOT / "deploy" / "dagster.yaml").read_text())
    env = {
        **base_env(tmp_path, home),
        "DAGSTER_PG_HOST": pg_database.hostname,
        "DAGSTER_PG_PORT": str(pg_database.port or 5432),
        "DAGSTER_PG_USERNAME": pg_database.username,
        "DAGSTER_PG_PASSWORD": pg_database.password or "",
        "DAGSTER_PG_DB": pg_database.path.lstrip("/"),
    }
    done = subprocess.run([str(BIN / "partnerships"), "run", "--source", SOURCE], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=1100)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "fct_agreements" in done.stdout

    # the run, its events and the asset materializations are in PostgreSQL, not in files in DAGSTER_HOME
    assert not list(home.rglob("*.db")), list(home.rglob("*.db"))
    con = psycopg2.connect(urlunparse(pg_database), connect_timeout=10)
    try:
        with con.cursor() as cur:
            cur.execute("select status, tags from runs r join (select run_id, jsonb_object_agg(key, value) tags "
                        "from run_tags group by run_id) t using (run_id)")
            runs = cur.fetchall()  # the source's refresh_source run, then the refresh_marts run
            assert [status for status, _ in runs] == ["SUCCESS", "SUCCESS"], runs
            assert [tags.get("dagster/partition") for _, tags in runs].count(SOURCE) == 1
            cur.execute("select count(*) from event_logs where dagster_event_type = 'ASSET_MATERIALIZATION'")
            assert cur.fetchone()[0] >= 5  # raw_pages, documents, facts, staging tables, marts, serving copy
            cur.execute("select count(*) from concurrency_limits where concurrency_key = 'warehouse'")
            assert cur.fetchone()[0] == 1  # the writers' pool lives in PostgreSQL too
    finally:
        con.close()


# ------------------------------------------------------------------ Celery + Redis


@pytest.fixture
def redis_url():
    if not REDIS_URL:
        pytest.skip(f"no Redis server: PARTNERSHIPS_TEST_REDIS_URL is not set; {HOW}")
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=5).ping()
    except redis.exceptions.RedisError as exc:
        pytest.fail(f"PARTNERSHIPS_TEST_REDIS_URL={REDIS_URL} is set but the server does not answer: {exc}")
    return REDIS_URL


@pytest.mark.filterwarnings("ignore:Task name .execute_plan. is already registered")
def test_a_job_runs_on_the_celery_executor_with_two_workers(redis_url, tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    env = {**base_env(tmp_path, home), "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), str(REPO_ROOT / "tests")])}
    for key in ("DAGSTER_HOME", "PARTNERSHIPS_WAREHOUSE", "PARTNERSHIPS_FETCH_MODE"):
        monkeypatch.setenv(key, env[key])
    with dg.DagsterInstance.get():  # create the instance's tables before two workers race to
        pass

    # one queue of our own, so that workers of another test run on the same Redis never take our tasks
    queue = f"partnerships-test-{uuid.uuid4().hex[:8]}"
    backend = redis_url
    execution = {
        "broker": redis_url,
        "backend": backend,
        "config_source": {"task_acks_late": True, "worker_prefetch_multiplier": 1,
                          "task_default_queue": queue, "broker_connection_retry_on_startup": True},
    }
    config_yaml = tmp_path / "celery.yaml"
    import yaml

    config_yaml.write_text(yaml.safe_dump({"execution": {"config": execution}}))

    workers, names = [], []
    for n in (1, 2):
        name = f"w{n}-{queue}@%h"
        names.append(name.split("@")[0])
        log = (tmp_path / f"worker{n}.log").open("wb")
        workers.append(subprocess.Popen(
            [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app", "-y", str(config_yaml),
             "-n", name, "-q", queue, "--", "--concurrency=1", "--pool=prefork"],
            cwd=REPO_ROOT, env={**env, "PARTNERSHIPS_WORKER": f"w{n}"},
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        ))
    try:
        from celery import Celery

        app = Celery(broker=redis_url)
        deadline = time.monotonic() + 180
        while True:  # both workers answer before the job starts
            answered = {next(iter(r)).split("@")[0] for r in app.control.ping(timeout=2) or []}
            if set(names) <= answered:
                break
            for n, w in enumerate(workers, 1):
                if w.poll() is not None:
                    pytest.fail(f"worker {n} exited:\n{(tmp_path / f'worker{n}.log').read_text()[-3000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"workers did not answer within 180 s (answered: {answered})")

        sys.path.insert(0, str(REPO_ROOT / "tests"))
        import celery_job

        with dg.DagsterInstance.get() as instance:
            with dg.execute_job(
                dg.reconstructable(celery_job.two_sources_on_celery), instance=instance,
                run_config={"execution": {"config": execution}},
            ) as result:
                assert result.success, [e.message for e in result.all_events if e.is_failure]
                reports = result.output_for_node("combine")
            ran_on = {
                e.step_key: e.dagster_event.event_specific_data.metadata["Celery worker"].value
                for e in instance.all_logs(result.run_id)
                if e.dagster_event and "in celery worker" in (e.message or "")
            }
    finally:
        for w in workers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(w.pid, signal.SIGTERM)
        for w in workers:
            try:
                w.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(w.pid, signal.SIGKILL)
                w.wait()

    # every source was fetched, parsed and extracted, in a worker process (not this one)
    assert set(reports) == set(celery_job.SOURCES)
    for report in reports.values():
        assert report["documents"] >= 1 and sum(report["facts"].values()) > 0, report
        assert report["pid"] != os.getpid()
    # the two ingest steps ran at the same time, one on each worker
    assert {r["worker"] for r in reports.values()} == {"w1", "w2"}, reports
    assert len(set(ran_on.values())) == 2, ran_on
