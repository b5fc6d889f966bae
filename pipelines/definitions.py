"""The Dagster code location: everything under pipelines/defs/."""

import dagster as dg

from pipelines.settings import REPO_ROOT


@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_from_defs_folder(project_root=REPO_ROOT)
