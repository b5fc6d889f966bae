from pathlib import Path

import pytest

from pipelines.registry import RegistryError, load_registry
from pipelines.settings import REPO_ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "registry.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_registry_has_a_snapshot_for_every_source():
    sources = load_registry()
    assert len(sources) >= 5
    for source in sources:
        assert source.snapshot_path is not None and source.snapshot_path.is_file(), source.id
        assert source.kind in ("html", "pdf")
    assert any(s.kind == "pdf" for s in sources)
    xtu = next(s for s in sources if "xtu.edu.cn" in (s.url or ""))
    assert xtu.university == "Xiangtan University"


def test_a_valid_entry_with_an_index(tmp_path):
    path = write(
        tmp_path,
        """
sources:
  - id: uni_news
    publisher: Example University
    university: Example University
    url: https://news.example.edu/list/
    index: {link_pattern: '/news/\\d+\\.htm$', max_links: 5}
    allowed_redirect_hosts: [cdn.example.edu]
  - id: old_one
    publisher: X
    url: https://x.example/
    enabled: false
""",
    )
    (source,) = load_registry(path)
    assert source.index.max_links == 5 and source.index.link_pattern.endswith("htm$")
    assert source.allow_hosts == ("cdn.example.edu",)
    assert [s.id for s in load_registry(path, include_disabled=True)] == ["uni_news", "old_one"]


@pytest.mark.parametrize(
    "body, message",
    [
        ("sources: [{publisher: X, url: 'http://a'}]", "missing required field 'id'"),
        ("sources: [{id: Bad-Id, publisher: X, url: 'http://a'}]", "lower-case slug"),
        ("sources: [{id: a, publisher: X, url: 'http://a', kind: doc}]", "kind must be one of"),
        ("sources: [{id: a, publisher: X}]", "needs a url, a snapshot"),
        ("sources: [{id: a, publisher: X, url: 'http://a', published: 'May 2020'}]", "is not YYYY"),
        ("sources: [{id: a, publisher: X, url: 'http://a', colour: red}]", "unknown field"),
        ("sources: [{id: a, publisher: X, url: 'http://a', index: {link_pattern: '('}}]", "bad link_pattern"),
        ("sources:\n - {id: a, publisher: X, url: 'http://a'}\n - {id: a, publisher: Y, url: 'http://b'}", "duplicate"),
        ("just: a mapping", "top-level 'sources:'"),
        ("sources: [unclosed", "not valid YAML"),
        ("sources: []", "'sources:' is empty"),
        ("sources:", "'sources:' is empty"),
        ("sources: {id: a}", "must be a list"),
        ("sources: [{id: a, publisher: X, url: 'http://a', index: {link_pattern: x, max_links: lots}}]",
         "source 'a'): field 'index.max_links': Input should be a valid integer (got 'lots')"),
        ("sources: [{id: a, publisher: X, url: 'http://a', index: {link_pattern: x, max_links: 0}}]",
         "field 'index.max_links'"),
        ("sources: [{id: a, publisher: X, url: 'http://a', enabled: 'false'}]",
         "source 'a'): field 'enabled': Input should be a valid boolean; write true or false, unquoted (got 'false')"),
        ("sources: [{id: a, publisher: X, url: 'http://a', enabled: 0}]", "field 'enabled'"),
        ("sources: [{id: a, publisher: [X], url: 'http://a'}]", "field 'publisher'"),
        ("sources: [{id: a, publisher: X, url: 'ftp://a'}]", "must be an absolute http(s) URL"),
        ("sources: [{id: a, publisher: X, snapshot: ../../../../etc/passwd}]", "field 'snapshot'"),
        ("sources: [{id: a, publisher: X, snapshot: /etc/passwd}]", "inside sources/snapshots/"),
        ("sources: [{id: a, publisher: X, url: 'http://a', allow_hosts: 'cdn.a'}]", "field 'allow_hosts'"),
        ("sources: [just-a-string]", "expected a mapping"),
        ("sources: [{id: a, publisher: X, url: 'http://a', published: 2020-13}]", "not a real date"),
    ],
)
def test_bad_registries_are_refused_with_the_file_named(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_missing_registry_names_the_file(tmp_path):
    with pytest.raises(RegistryError, match="registry file not found"):
        load_registry(tmp_path / "nope.yml")


def test_registry_lives_in_sources():
    assert (REPO_ROOT / "sources" / "registry.yml").is_file()


def test_errors_are_one_line(tmp_path):
    path = write(tmp_path, "sources: [{id: a, publisher: X, url: 'http://a', enabled: 'false', colour: red}]")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    assert "\n" not in str(info.value) and "(and 1 more problem(s) in this entry)" in str(info.value)


def test_enabled_false_is_skipped_and_old_redirect_key_still_read(tmp_path):
    path = write(tmp_path, """
sources:
  - {id: a, publisher: X, url: 'http://a.example/', enabled: false}
  - {id: b, publisher: X, url: 'http://b.example/', allowed_redirect_hosts: [cdn.b.example], published: 2020-05-01}
""")
    (b,) = load_registry(path)
    assert b.id == "b" and b.allow_hosts == ("cdn.b.example",) and b.published == "2020-05-01"


def test_snapshot_symlink_out_of_the_folder_is_refused(tmp_path, monkeypatch):
    from pipelines import registry

    snaps = tmp_path / "snapshots"
    snaps.mkdir()
    (snaps / "sneaky.html").symlink_to("/etc/hostname")
    monkeypatch.setattr(registry, "SNAPSHOT_DIR", snaps)
    path = write(tmp_path, "sources: [{id: a, publisher: X, snapshot: sneaky.html}]")
    with pytest.raises(RegistryError, match="resolves outside sources/snapshots/"):
        load_registry(path)


def test_a_snapshot_escaping_the_folder_is_never_read(tmp_path, monkeypatch):
    """Defence in depth: a Source built in code (not from the registry) is checked when read."""
    from pipelines.crawl import crawl_sources

    source = registry_source(snapshot="../../../../etc/passwd")
    [page] = crawl_sources([source], mode="snapshot", store=tmp_path / "raw")
    assert not page.ok and "must be a relative path inside sources/snapshots/" in page.error


def registry_source(**kw):
    from pipelines.registry import Source

    return Source(id="a", publisher="X", **kw)
