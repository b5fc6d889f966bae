"""The scorer: name normalisation, fuzzy matching, type rules, page lookup and the summary line."""

from __future__ import annotations

import json

import pytest

from pipelines.evaluate import (EvaluationError, evaluate, find_page, main, match_facts, name_similarity, names_match,
                                name_tokens)


def test_name_normalisation():
    assert name_tokens("The People's Government of Xinyi City") == ("xinyi",)
    assert name_tokens("Xiangtan Municipal Science and Technology Bureau") == ("xiangtan", "science", "and", "technology", "bureau")
    assert names_match("Shanghai Jiaotong University", "Shanghai Jiao Tong University")
    assert names_match("Henan Kaifeng Agriculture Co., Ltd.", "Henan Kaifeng Agricultural Co. Ltd")
    assert not names_match("Xiangtan University", "Xiangtan Normal University College of Arts")
    assert not names_match("Zhuzhou City", "Changde City")
    assert name_similarity(None, "x") == 0.0


def test_agreement_date_at_gold_precision():
    gold = [{"university": "A University", "partner": "B City", "date": "2018-10"}]
    assert match_facts("agreements", [{"university": "A University", "partner": "B", "date": "2018-10-05"}], gold)
    assert not match_facts("agreements", [{"university": "A University", "partner": "B", "date": "2018"}], gold)
    assert not match_facts("agreements", [{"university": "A University", "partner": "B", "date": "2018-11"}], gold)
    nodate = [{"university": "A University", "partner": "B City", "date": None}]
    assert match_facts("agreements", [{"university": "A University", "partner": "B", "date": "2001"}], nodate)


def test_funding_and_count_rules():
    g = [{"amount": 1_000_000, "currency": "CNY", "per": "total"}]
    assert match_facts("funding", [{"amount": 1_009_000, "currency": "CNY", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_020_000, "currency": "CNY", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_000_000, "currency": "USD", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_000_000, "currency": "CNY", "per": "year"}], g)
    c = [{"quantity": 12, "unit": "platform"}]
    assert match_facts("counts", [{"quantity": 12.0, "unit": "platform"}], c)
    assert not match_facts("counts", [{"quantity": 12, "unit": "program"}], c)


def test_matching_is_one_to_one_and_maximal():
    gold = [{"name": "Big Data Center"}, {"name": "Big Data Center of Hunan"}]
    pred = [{"name": "Big Data Center of Hunan"}, {"name": "Big Data Center"}, {"name": "Big Data Center"}]
    pairs = match_facts("platforms", pred, gold)
    assert len(pairs) == 2 and len({j for _, j in pairs}) == 2


def _write(tmp_path, gold_facts, page_text, layout="devset"):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    doc = {"document": "d1", "agreements": gold_facts, "funding": [], "platforms": [], "counts": []}
    (gold_dir / "d1.json").write_text(json.dumps(doc))
    if layout == "devset":
        (tmp_path / "pages").mkdir()
        (tmp_path / "pages" / "d1.txt").write_text(f"URL: http://x.example.cn/2020-01/02/a.htm\nTITLE: [title derived] T\n\n{page_text}")
    else:
        (tmp_path / "seeds").mkdir()
        (tmp_path / "seeds" / "d1.txt").write_text(page_text)
        (tmp_path / "seeds" / "index.yml").write_text("- file: d1.txt\n  url: http://y.example.cn/p\n  publisher: Lanzhou University\n  published: 2019-03-04\n")
    return gold_dir


def test_page_lookup_devset_header_and_seed_index(tmp_path):
    gold_dir = _write(tmp_path, [], "Body text.")
    page = find_page("d1", gold_dir)
    assert (page.text, page.url, page.title) == ("Body text.", "http://x.example.cn/2020-01/02/a.htm", "T")
    other = tmp_path / "o"
    other.mkdir()
    gold2 = _write(other, [], "Seed body.", layout="seeds")
    page = find_page("d1", gold2)
    assert (page.text, page.published, page.publisher) == ("Seed body.", "2019-03-04", "Lanzhou University")
    with pytest.raises(EvaluationError, match="nope"):
        find_page("nope", gold2)


def test_evaluate_end_to_end_and_summary_line(tmp_path, capsys):
    gold = [{"university": "Lanzhou University", "partner": "Tianshui City", "date": None},
            {"university": "Lanzhou University", "partner": "Wuwei City", "date": None}]
    gold_dir = _write(tmp_path, gold, "Lanzhou University signed a strategic cooperation agreement with Tianshui City.")
    seen = {}

    def fake(text, **kw):
        seen.update(kw, text=text)
        return {"agreements": [{"university": "Lanzhou University", "partner": "Tianshui", "date": "2020-01-01"},
                               {"university": "Lanzhou University", "partner": "Dingxi City", "date": None}]}

    report = evaluate(gold_dir, extractor=fake)
    s = report.type_score("agreements")
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert seen["url"] == "http://x.example.cn/2020-01/02/a.htm" and seen["published"] is None
    assert seen["text"].startswith("Lanzhou")
    assert report.summary_line() == "f1 agreements=0.500 funding=1.000 platforms=1.000 counts=1.000 overall=0.500"
    assert "FN agreements" in report.details() and "Wuwei" in report.details()


def test_one_failing_page_does_not_stop_the_run(tmp_path):
    gold_dir = _write(tmp_path, [{"university": "U University", "partner": "P City", "date": None}], "x")

    def broken(text, **kw):
        raise RuntimeError("boom")

    report = evaluate(gold_dir, extractor=broken)
    assert report.documents[0].error == "RuntimeError: boom"
    assert report.type_score("agreements").fn == 1


def test_cli_last_line_and_missing_gold(tmp_path, capsys):
    gold_dir = _write(tmp_path, [], "Nothing here.")
    assert main(["--gold", str(gold_dir)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("f1 agreements=") and last.endswith("overall=1.000")
    assert main(["--gold", str(tmp_path / "missing")]) == 2
