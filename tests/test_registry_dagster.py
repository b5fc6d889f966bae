"""A bad registry in Dagster (issue 8, item 6): the code location still loads, with no
source partitions, and the blocking check `registry_valid` on `source_registry` fails
with the one-line error; the CLI says it plainly. A subprocess, because the
definitions read the registry when they are imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json
import dagster as dg
from pipelines.definitions import defs
from pipelines.defs import ingest
from pipelines.defs.schedules import nightly_schedule

d = defs()
dg.Definitions.validate_loadable(d)
skip = nightly_schedule(dg.build_schedule_context())
with dg.instance_for_test() as instance:
    result = dg.materialize([ingest.source_registry], instance=instance, raise_on_error=False)
    checks = [e.event_specific_data for e in result.all_events
              if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    partitions = ingest.source_partitions.get_partition_keys(dynamic_partitions_store=instance)
import contextlib, io
from pipelines import cli
err = io.StringIO()
with contextlib.redirect_stderr(err):
    code = cli.main(["run"])
print(json.dumps({
    "cli_code": code,
    "cli_stderr": err.getvalue(),
    "error": ingest.REGISTRY_ERROR,
    "partitions": partitions,
    "skip": skip.skip_message,
    "check_passed": [c.passed for c in checks],
    "check_description": [c.description for c in checks],
    "success": result.success,
}))
"""


def test_a_bad_registry_loads_as_a_failing_check_not_a_traceback(tmp_path):
    registry = tmp_path / "registry.yml"
    registry.write_text("sources:\n  - {id: a, publisher: X, url: 'http://a.example/', enabled: 'false'}\n")
    env = {**os.environ, "PARTNERSHIPS_REGISTRY": str(registry), "DAGSTER_HOME": str(tmp_path)}
    env.pop("PARTNERSHIPS_WAREHOUSE", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO_ROOT, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert "field 'enabled'" in out["error"] and str(registry) in out["error"]
    assert out["partitions"] == []
    assert "field 'enabled'" in out["skip"]
    assert out["check_passed"] == [False] and "field 'enabled'" in out["check_description"][0]
    assert not out["success"]  # the check is blocking: the run fails, saying why

    assert out["cli_code"] == 2
    assert out["cli_stderr"].startswith("partnerships: error:") and "field 'enabled'" in out["cli_stderr"]
    assert "\n" not in out["cli_stderr"].strip()  # one line
