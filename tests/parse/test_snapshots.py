"""The offline snapshots and the parser agree: each snapshot parses back to its seed text.

Seeds are the captured page texts in shared/seeds (navigation and footers
included); a snapshot's parsed main text must equal its seed's lines, up to
whitespace, with the seed's navigation/footer lines left out.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from pipelines.parse import parse_file
from pipelines.registry import SNAPSHOT_DIR, load_registry

REPO_ROOT = Path(__file__).resolve().parents[2]

# snapshot file -> (seed file, seed lines of navigation at the top, of footer at the bottom)
SEEDS = {
    "xtu_university_government.html": ("000_4844190aab0468df.txt", 1, 0),  # breadcrumb
    "chinadaily_shanxi_lyuliang_tyut.html": ("001_e882e83c7fc1b743.txt", 0, 0),
    "sichuan_gov_university_cooperation.html": ("002_8449ebd789da716f.txt", 6, 4),  # menu; "Hosted by" footer
    "hunan_dost_brochure.pdf": ("003_c82ae5e31107bcbe.txt", 0, 0),
    "chinadaily_education_xaut.html": ("004_d5aaec4a9e7f9f78.txt", 0, 2),  # copyright footer
}
TITLES = {
    "xtu_university_government.html": "University-Government Cooperation",
    "chinadaily_shanxi_lyuliang_tyut.html": "University-government partnership pushes Lyuliang’s development",
    "sichuan_gov_university_cooperation.html": (
        "Government-University Strategic Cooperation Yielded Fruitful Achievements in the Past 5 Years"
    ),
    "hunan_dost_brochure.pdf": None,
    "chinadaily_education_xaut.html": (
        "Xi'an University of Technology deepens integration of industry, education and science"
    ),
}


def lines(text: str) -> list[str]:
    """Non-blank lines, whitespace inside each collapsed."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.fixture
def seeds_dir(shared_dir) -> Path:
    path = shared_dir / "seeds"
    if not (path / "index.yml").is_file():
        pytest.skip(f"seed texts not found at {path}")
    return path


@pytest.fixture
def seed_index(seeds_dir) -> dict[str, dict]:
    return {e["file"]: e for e in yaml.safe_load((seeds_dir / "index.yml").read_text(encoding="utf-8"))}


@pytest.fixture
def devset_dir(shared_dir) -> Path:
    path = shared_dir / "devset"
    if not (path / "pages").is_dir():
        pytest.skip(f"devset pages not found at {path}")
    return path


def test_every_registry_snapshot_is_covered_and_present():
    sources = load_registry(include_disabled=True)
    names = {s.snapshot for s in sources if s.snapshot}
    devset = {n for n in names if n.startswith("devset_")}
    assert names - devset == set(SEEDS)
    assert len(devset) == 64  # every development-set page is bundled
    for source in sources:
        path = source.snapshot_path
        assert path is not None and path.is_file(), f"{source.id}: snapshot {path} missing"
        assert path.suffix == (".pdf" if source.kind == "pdf" else ".html"), source.id


@pytest.mark.parametrize("snapshot", sorted(SEEDS))
def test_snapshot_parses_back_to_its_seed_text(snapshot, seeds_dir, seed_index):
    seed, nav, foot = SEEDS[snapshot]
    expected = lines((seeds_dir / seed).read_text(encoding="utf-8"))
    expected = expected[nav : len(expected) - foot]
    page = parse_file(SNAPSHOT_DIR / snapshot)
    assert lines(page.text) == expected
    assert page.title == TITLES[snapshot]
    published = seed_index[seed]["published"]  # YAML reads 2021-01-19 as a date
    assert page.published == (None if published is None else str(published))
    assert page.kind == ("pdf" if snapshot.endswith(".pdf") else "html")


@pytest.mark.parametrize("snapshot", sorted(SEEDS))
def test_navigation_and_footer_lines_are_in_the_snapshot_but_not_in_the_text(snapshot, seeds_dir):
    seed, nav, foot = SEEDS[snapshot]
    all_lines = lines((seeds_dir / seed).read_text(encoding="utf-8"))
    furniture = all_lines[:nav] + all_lines[len(all_lines) - foot :]
    text_lines = set(lines(parse_file(SNAPSHOT_DIR / snapshot).text))
    assert not furniture or all(line not in text_lines for line in furniture)


def test_xtu_timeline_keeps_dates_as_their_own_paragraphs():
    text = parse_file(SNAPSHOT_DIR / "xtu_university_government.html").text
    blocks = text.split("\n\n")
    assert blocks[0] == "University-Government Cooperation"
    assert blocks[blocks.index("Oct. 2018") + 1].startswith("XTU and the Xiangtan Municipal Science and Technology")
    # two undated entries open the page; an undated entry follows the Jun. 2017 one
    assert blocks[1].startswith("XTU signed strategic cooperation agreements") and blocks[2].startswith("XTU has joined")
    i = blocks.index("Jun. 2017")
    assert blocks[i + 2].startswith("XTU and the Xiangtan Municipal Economic and Social Development Research Center")
    assert blocks[-2:] == [
        "Dec. 2005",
        "The Ministry of Education signed an agreement with the Hunan Provincial People’s Government to jointly "
        "support the development of Xiangtan University.",
    ]


def test_sichuan_snapshot_is_gb2312_labelled_and_decoded_as_gb18030():
    body = (SNAPSHOT_DIR / "sichuan_gov_university_cooperation.html").read_bytes()
    assert b"charset=gb2312" in body
    page = parse_file(SNAPSHOT_DIR / "sichuan_gov_university_cooperation.html")
    assert page.encoding == "gb18030"
    assert "China—Huatian Fringe Festival" in page.text and "“one university, multiple centers”" in page.text


def test_hunan_pdf_keeps_broken_glyphs_and_slide_lines(seeds_dir):
    page = parse_file(SNAPSHOT_DIR / "hunan_dost_brochure.pdf")
    seed = (seeds_dir / "003_c82ae5e31107bcbe.txt").read_text(encoding="utf-8")
    assert page.text.count("\ufffd") == seed.count("\ufffd") == 19
    assert "Yangtze River; its north borders with Hubei; its\nsouth reaches" in page.text


def _load_builder():
    spec = importlib.util.spec_from_file_location("build_snapshots", REPO_ROOT / "sources" / "build_snapshots.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_build_is_deterministic_and_committed_snapshots_are_current(seeds_dir):
    builder = _load_builder()
    first = builder.build_all(seeds_dir)
    assert first == builder.build_all(seeds_dir)
    for name, data in first.items():
        assert (SNAPSHOT_DIR / name).read_bytes() == data, f"{name} is stale: run python sources/build_snapshots.py"


def test_devset_pages_are_bundled_and_parse_back_to_their_text(devset_dir):
    """Each devset page's snapshot and registry entry are what the script builds now, and parse back."""
    builder = _load_builder()
    built, block = builder.build_devset(devset_dir)
    assert len(built) == 64
    for name, data in built.items():
        assert (SNAPSHOT_DIR / name).read_bytes() == data, f"{name} is stale: run python sources/build_snapshots.py"
    assert block in (REPO_ROOT / "sources" / "registry.yml").read_text(encoding="utf-8")
    sources = {s.snapshot: s for s in load_registry(include_disabled=True)}
    for page in builder.read_devset(devset_dir):
        parsed = parse_file(SNAPSHOT_DIR / page.snapshot)
        source = sources[page.snapshot]
        assert source.url == page.url and source.id == page.source_id
        assert parsed.title == page.title, page.source_id
        assert parsed.published == page.published, page.source_id  # from the page's metadata
        expected = ([page.title] if page.title_shown else []) + page.lines
        got = lines(parsed.text)
        # the parser drops copyright/record-number lines as furniture; nothing else goes
        dropped = [ln for ln in lines("\n".join(expected)) if ln not in got]
        assert all(builder_furniture(ln) for ln in dropped), (page.source_id, dropped)
        assert [ln for ln in lines("\n".join(expected)) if ln in got] == got, page.source_id


def builder_furniture(line: str) -> bool:
    return line.lower().startswith("copyright") or "公网安备" in line


def test_devset_title_markers_and_dates(devset_dir):
    builder = _load_builder()
    pages = {p.number: p for p in builder.read_devset(devset_dir)}
    bedford = pages["401"]  # "TITLE: [title derived] Bedford council ..."
    assert not bedford.title_shown and bedford.title.startswith("Bedford council and university")
    assert bedford.published == "2025-10-16"
    assert b"<h1>" not in builder.build_devset_page(bedford)
    suda = pages["001"]  # its text opens with the headline: it becomes the <h1>, once
    assert suda.title_shown and suda.lines[0].startswith("In order to actively build")
    assert suda.published is None and b"article:published_time" not in builder.build_devset_page(suda)


def test_builder_rejects_a_page_without_its_header_lines(tmp_path):
    builder = _load_builder()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "001_broken.txt").write_text("no header here\n\ntext\n", encoding="utf-8")
    with pytest.raises(builder.SnapshotError, match="001_broken.txt.*URL"):
        builder.read_devset(tmp_path)


def test_builder_reports_a_missing_seed_directory(tmp_path, capsys):
    builder = _load_builder()
    assert builder.main(["--seeds", str(tmp_path / "none"), "--out", str(tmp_path / "out")]) == 2
    assert "index.yml" in capsys.readouterr().err
