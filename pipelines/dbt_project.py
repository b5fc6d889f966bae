"""The dbt project as Dagster sees it (idiom: its own small module).

The manifest is (re)built when it is missing or older than any file of the dbt
project, so the UI, `make run` and the tests never load a stale one.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from pipelines.settings import REPO_ROOT

DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")

# dagster-dbt runs the `dbt` executable found on PATH. When this package runs
# from a virtualenv that is not activated (`.venv/bin/partnerships run`), the
# venv's bin directory is not on PATH: put it there so the dbt installed beside
# this interpreter is the one used.
_BIN = Path(sys.executable).parent
if shutil.which("dbt") is None and (_BIN / "dbt").exists():
    os.environ["PATH"] = f"{_BIN}{os.pathsep}{os.environ.get('PATH', '')}"

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR)

_SOURCES = ("models", "macros", "seeds", "tests", "snapshots", "analyses")
_FILES = ("dbt_project.yml", "profiles.yml", "packages.yml")


def manifest_is_stale(project: DbtProject = dbt_project) -> bool:
    manifest = project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    root = Path(project.project_dir)
    paths = [root / f for f in _FILES]
    for folder in _SOURCES:
        paths.extend(p for p in (root / folder).rglob("*") if p.is_file())
    return any(p.exists() and p.stat().st_mtime > built for p in paths)


def ensure_manifest(project: DbtProject = dbt_project) -> Path:
    """Parse the dbt project if its manifest is missing or stale; return the manifest path."""
    if manifest_is_stale(project):
        project.preparer.prepare(project)
    return project.manifest_path
