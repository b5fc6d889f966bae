"""The dbt models' SQL style: sqlfluff (dbt templater, DuckDB dialect, .sqlfluff at the root) finds nothing."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_sqlfluff_finds_no_violation_in_the_models():
    # through `make lint`, the command the README shows, with no warehouse path set: the Makefile must point dbt
    # at a scratch DuckDB file itself (the profile's relative path does not resolve from the repo root)
    env = {k: v for k, v in os.environ.items() if k != "PARTNERSHIPS_WAREHOUSE"}
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    proc = subprocess.run(
        ["make", "-s", "lint", "LINT_ARGS=--format json --nofail"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    files = json.loads(proc.stdout)
    linted = {Path(f["filepath"]).name for f in files}
    assert {"fct_agreements.sql", "stg_raw__agreements.sql", "int_agreements_keyed.sql"} <= linted
    problems = [
        f"{f['filepath']}:{v['start_line_no']}:{v['start_line_pos']} {v['code']} {v['description']}"
        for f in files
        for v in f["violations"]
    ]
    assert problems == [], "sqlfluff lint (fix with `make lint-fix`):\n" + "\n".join(problems)
