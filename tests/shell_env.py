"""The environment of a command the tests start in a shell (`partnerships run`, `make ui`, Dagster's CLI):
its own Dagster instance and warehouse under the test's tmp dir, bundled snapshots, no telemetry, and the
venv's executables first on PATH. One place for it (three test modules used to build it each their way)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def shell_env(tmp_path: Path, home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PARTNERSHIPS_WAREHOUSE": str(tmp_path / "wh" / "partnerships.duckdb"),
        "PARTNERSHIPS_FETCH_MODE": "snapshot",
        "DO_NOT_TRACK": "1",
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    env.pop("PARTNERSHIPS_RAW_STORE", None)  # the raw store goes beside the test's warehouse
    return env
