"""`partnerships run` from the shell records its runs in the DAGSTER_HOME the UI reads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipelines import runs

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = "hunan_dost_brochure"


def test_dagster_home_defaults_to_the_one_make_ui_uses(monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", "placeholder")  # so that monkeypatch restores the original afterwards
    monkeypatch.delenv("DAGSTER_HOME")
    assert runs.dagster_home() == str(REPO_ROOT / ".dagster_home")
    assert os.environ["DAGSTER_HOME"] == str(REPO_ROOT / ".dagster_home")
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "export DAGSTER_HOME ?= $(CURDIR)/.dagster_home" in makefile


@pytest.mark.timeout(1800)  # a dbt build over every model: minutes on a loaded 2-core machine
def test_a_one_source_run_from_the_shell_shows_up_in_the_instance(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    env = {**os.environ, "DAGSTER_HOME": str(home), "PARTNERSHIPS_FETCH_MODE": "snapshot",
           "PARTNERSHIPS_WAREHOUSE": str(tmp_path / "wh" / "partnerships.duckdb")}
    env.pop("PARTNERSHIPS_RAW_STORE", None)
    exe = Path(sys.executable).parent / "partnerships"
    done = subprocess.run([str(exe), "run", "--source", SOURCE, "--log-level", "WARNING"], cwd=REPO_ROOT, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "fct_agreements" in done.stdout
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.get() as instance:  # what the UI reads
        recorded = instance.get_runs()
        by_job = {}
        for run in recorded:
            by_job.setdefault(run.job_name, []).append(run)
        (source_run,) = by_job["refresh_source"]
        assert source_run.tags["dagster/partition"] == SOURCE
        assert source_run.status == dg.DagsterRunStatus.SUCCESS
        (marts_run,) = by_job["refresh_marts"]
        assert marts_run.status == dg.DagsterRunStatus.SUCCESS
        # the registry's sources became partitions of this instance (no daemon needed)
        assert SOURCE in instance.get_dynamic_partitions("sources")
