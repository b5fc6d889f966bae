"""`partnerships run` from the shell records its runs in the DAGSTER_HOME the UI reads.

The end-to-end check (a one-source `partnerships run` from the shell, then its
refresh_source run with the source's partition tag, its refresh_marts run and
the registry's partitions found in that DAGSTER_HOME) rides on the pipeline run
tests/test_run_control.py already makes from the shell, instead of a run of its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipelines import runs

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_dagster_home_defaults_to_the_one_make_ui_uses(monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", "placeholder")  # so that monkeypatch restores the original afterwards
    monkeypatch.delenv("DAGSTER_HOME")
    assert runs.dagster_home() == str(REPO_ROOT / ".dagster_home")
    assert os.environ["DAGSTER_HOME"] == str(REPO_ROOT / ".dagster_home")
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert "export DAGSTER_HOME ?= $(CURDIR)/.dagster_home" in makefile
