"""``partnerships crawl`` (pipelines/crawl/cli.py): output lines, summary, exit codes."""

from __future__ import annotations

import argparse
import io

import pytest

from pipelines.crawl.cli import add_crawl_parser, run_crawl

PAGE = b"<html><body><p>Joint laboratory opened.</p></body></html>"


@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTNERSHIPS_CRAWL_DELAY", "0")
    monkeypatch.setenv("PARTNERSHIPS_CRAWL_JITTER", "0")
    monkeypatch.setenv("PARTNERSHIPS_CRAWL_BACKOFF", "0.01")
    monkeypatch.setenv("PARTNERSHIPS_CRAWL_TRUST_ENV", "false")
    monkeypatch.setenv("PARTNERSHIPS_RAW_STORE", str(tmp_path / "raw"))
    monkeypatch.delenv("PARTNERSHIPS_FETCH_MODE", raising=False)
    monkeypatch.delenv("PARTNERSHIPS_REGISTRY", raising=False)


def crawl(argv):
    parser = argparse.ArgumentParser(prog="partnerships")
    add_crawl_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["crawl", *argv])
    out, err = io.StringIO(), io.StringIO()
    code = args.func(args, out=out, err=err)
    assert args.func is run_crawl
    return code, out.getvalue(), err.getvalue()


def write_registry(path, entries):
    lines = ["sources:"]
    for e in entries:
        lines.append(f"  - id: {e['id']}")
        for k, v in e.items():
            if k != "id":
                lines.append(f"    {k}: {v}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_snapshot_mode_prints_a_line_per_page_and_a_summary(cli_env, tmp_path, snapshot_dir):
    (snapshot_dir / "a.html").write_bytes(PAGE)
    reg = write_registry(tmp_path / "reg.yml", [
        {"id": "a", "publisher": "A", "url": "https://a.example.org/p", "snapshot": "a.html"},
        {"id": "b", "publisher": "B", "snapshot": "missing.pdf", "kind": "pdf"},
    ])
    code, out, _ = crawl(["--registry", str(reg)])
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].startswith("OK") and f"{len(PAGE)} B" in lines[0] and "changed" in lines[0]
    assert "a  https://a.example.org/p" in lines[0]
    assert lines[1].startswith("FAILED") and "missing.pdf not found" in lines[1]
    assert lines[2].startswith("crawl (snapshot): 2 page(s)") and "1 ok (1 changed" in lines[2]
    assert "1 failed" in lines[2] and str(tmp_path / "raw") in lines[2]

    code, out, _ = crawl(["--registry", str(reg), "--source", "a"])
    assert code == 0 and "unchanged" in out.splitlines()[0] and "1 page(s)" in out


def test_live_mode_against_a_loopback_server(cli_env, tmp_path, serve):
    server = serve("127.0.0.1")
    server.page("/news/1.htm", PAGE, headers={"ETag": '"n1"', "Content-Type": "text/html"})
    reg = write_registry(tmp_path / "reg.yml", [
        {"id": "n1", "publisher": "N", "url": server.url("/news/1.htm")},
        {"id": "n2", "publisher": "N", "url": server.url("/news/2.htm")},
    ])
    code, out, _ = crawl(["--registry", str(reg), "--mode", "live", "--store", str(tmp_path / "s")])
    first, second, summary = out.splitlines()
    assert code == 0
    assert first.startswith("OK") and " 200 " in first and "changed" in first
    assert second.startswith("FAILED") and " 404 " in second and "HTTP 404 Not Found" in second
    assert "2 page(s)" in summary and "1 failed" in summary and str(tmp_path / "s") in summary

    code, out, _ = crawl(["--registry", str(reg), "--mode", "live", "--store", str(tmp_path / "s"),
                          "--source", "n2"])
    assert code == 1  # every page failed


@pytest.mark.parametrize("argv, message", [
    (["--mode", "online"], "unknown fetch mode 'online'"),
    (["--source", "nope"], "unknown source id(s): nope"),
    (["--registry", "/does/not/exist.yml"], "/does/not/exist.yml: registry file not found"),
])
def test_bad_input_exits_2_with_a_clear_message(cli_env, tmp_path, snapshot_dir, argv, message):
    reg = write_registry(tmp_path / "reg.yml", [{"id": "a", "publisher": "A", "snapshot": "a.html"}])
    code, out, err = crawl(["--registry", str(reg), *argv])
    assert code == 2 and message in err and out == ""


def test_bad_setting_in_the_environment_exits_2(cli_env, tmp_path, monkeypatch):
    reg = write_registry(tmp_path / "reg.yml", [{"id": "a", "publisher": "A", "snapshot": "a.html"}])
    monkeypatch.setenv("PARTNERSHIPS_CRAWL_DELAY", "fast")
    code, _, err = crawl(["--registry", str(reg)])
    assert code == 2 and "$PARTNERSHIPS_CRAWL_DELAY='fast'" in err


def test_disabled_sources_run_only_when_named(cli_env, tmp_path, snapshot_dir):
    (snapshot_dir / "a.html").write_bytes(PAGE)
    (snapshot_dir / "b.html").write_bytes(PAGE + b" ")
    reg = write_registry(tmp_path / "reg.yml", [
        {"id": "a", "publisher": "A", "snapshot": "a.html"},
        {"id": "b", "publisher": "B", "snapshot": "b.html", "enabled": "false"},
    ])
    code, out, _ = crawl(["--registry", str(reg)])
    assert code == 0 and "snapshot://a" in out and "snapshot://b" not in out
    code, out, _ = crawl(["--registry", str(reg), "--source", "b", "--source", "a"])
    lines = out.splitlines()
    assert code == 0 and "snapshot://b" in lines[0] and "snapshot://a" in lines[1]
