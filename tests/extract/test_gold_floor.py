"""Regression floor on the shared gold sets (skipped when ../shared is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipelines.evaluate import FACT_TYPES, evaluate

SHARED = Path(os.environ.get("PARTNERSHIPS_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
FLOOR = 0.75  # per type; measured scores are in docs/extraction.md


@pytest.mark.parametrize("gold", ["gold", "devset/gold"])
def test_scores_stay_above_floor(gold):
    gold_dir = SHARED / gold
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} not present")
    report = evaluate(gold_dir)
    assert not [d.error for d in report.documents if d.error]
    for t in FACT_TYPES:
        assert report.f1(t) >= FLOOR, (t, report.summary_line())
    assert report.f1("overall") >= 0.85, report.summary_line()


def test_own_fixture_pages_score():
    """Pages written for this project (tests/extract/fixtures), with wordings the shared sets lack."""
    report = evaluate(Path(__file__).parent / "fixtures" / "gold")
    assert len(report.documents) == 4 and not [d.error for d in report.documents if d.error]
    for t in FACT_TYPES:
        assert report.f1(t) >= 0.85, (t, report.summary_line())
