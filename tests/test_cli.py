"""The `partnerships` console script, run as a user runs it (a separate process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.registry import load_registry
from pipelines.settings import registry_path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_FIELDS = {
    "agreements": ["date", "date_precision", "university", "partner", "partner_type", "agreement_type"],
    "funding": ["amount", "currency", "amount_usd_stated", "qualifier", "per", "period_years", "kind", "funder",
                "recipient", "date"],
    "platforms": ["name", "platform_type", "university", "partner", "date"],
    "counts": ["quantity", "qualifier", "unit", "subject"],
}
PROVENANCE = ["evidence", "evidence_start", "evidence_end", "document_id", "url"]


def partnerships(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "partnerships"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120)


# The five seed pages (tests/conftest.py points PARTNERSHIPS_REGISTRY at them; the bundled
# development-set pages are checked by tests/parse/test_snapshots.py, seven of them state no fact by design).
SEED_SOURCES = [s for s in load_registry(registry_path()) if not s.id.startswith("devset_")]


@pytest.mark.parametrize("source", SEED_SOURCES, ids=lambda s: s.id)
def test_extract_prints_the_facts_of_each_snapshot(source):
    args = [str(source.snapshot_path)] + (["--url", source.url] if source.url else [])
    done = partnerships("extract", *args)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert list(out) == ["document", "agreements", "funding", "platforms", "counts"]
    assert sum(len(out[t]) for t in SPEC_FIELDS) > 0, "every seed page states at least one fact"
    text_facts = 0
    for fact_type, fields in SPEC_FIELDS.items():
        for fact in out[fact_type]:
            for field in fields + PROVENANCE:
                assert field in fact, (fact_type, field)
            assert fact["evidence_end"] - fact["evidence_start"] == len(fact["evidence"])
            assert fact["document_id"] == source.snapshot_path.stem
            text_facts += 1
    assert text_facts > 0


def test_extract_output_is_stable_between_runs():
    source = load_registry()[0]
    first = partnerships("extract", str(source.snapshot_path), "--url", source.url)
    second = partnerships("extract", str(source.snapshot_path), "--url", source.url)
    assert first.returncode == 0 and first.stdout == second.stdout


def test_extract_uses_url_and_published_date(tmp_path):
    page = tmp_path / "note.txt"
    page.write_text("Example University signed a strategic cooperation agreement with Foshan City on March 3.\n")
    done = partnerships("extract", str(page), "--url", "http://news.example.org/a.htm", "--published", "2022-05-06")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["document"]["url"] == "http://news.example.org/a.htm"
    assert out["document"]["published"] == "2022-05-06"
    (agreement,) = out["agreements"]
    assert agreement["partner"] == "Foshan City"
    assert agreement["date"] == "2022-03-03" and agreement["date_precision"] == "day"
    assert agreement["url"] == "http://news.example.org/a.htm"


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda d: d / "missing.html", "missing.html"),
        (lambda d: (d / "page.docx").write_text("x") and d / "page.docx", "unsupported file type"),
        (lambda d: (d / "broken.pdf").write_bytes(b"%PDF-1.4 not really") and d / "broken.pdf", "broken.pdf"),
        (lambda d: (d / "dir.html").mkdir() or d / "dir.html", "dir.html"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_it(tmp_path, make, expected):
    path = make(tmp_path)
    done = partnerships("extract", str(path))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], done.stderr
    assert done.stdout == ""


def test_bad_published_date_is_refused(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("text")
    done = partnerships("extract", str(page), "--published", "yesterday")
    assert done.returncode == 2 and "--published" in done.stderr


def test_sources_lists_the_registry():
    done = partnerships("sources")
    assert done.returncode == 0
    assert len(done.stdout.strip().splitlines()) == len(load_registry(registry_path(), include_disabled=True))
    # without the tests' PARTNERSHIPS_REGISTRY: the bundled registry, 69 pages
    env = {k: v for k, v in os.environ.items() if k != "PARTNERSHIPS_REGISTRY"}
    exe = Path(sys.executable).parent / "partnerships"
    bundled = subprocess.run([str(exe), "sources"], capture_output=True, text=True, cwd=REPO_ROOT, env=env, timeout=120)
    assert bundled.returncode == 0 and len(bundled.stdout.strip().splitlines()) == 69


def test_run_refuses_an_unknown_source():
    done = partnerships("run", "--source", "no_such_source")
    assert done.returncode == 2 and "no_such_source" in done.stderr
