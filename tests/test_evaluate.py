"""The scorer: name normalisation, fuzzy matching, type rules, page lookup and the summary line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pipelines.evaluate import (SPLIT_FILE, EvaluationError, PageText, Report, evaluate, evidence_overlaps, find_page,
                                main, match_facts, name_similarity, name_tokens, names_match, render, score_document)
from pipelines.evaluation.fields import compare_fields, field_equal
from pipelines.evaluation.split import assign_parts, hashed_part, load_split_file
from pipelines.settings import REPO_ROOT


def test_name_normalisation():
    assert name_tokens("The People's Government of Xinyi City") == ("xinyi",)
    assert name_tokens("Xiangtan Municipal Science and Technology Bureau") == ("xiangtan", "science", "and", "technology", "bureau")
    assert names_match("Hunan Provincial Department of Education", "Hunan Department of Education")
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


def test_funding_rule():
    g = [{"amount": 1_000_000, "currency": "CNY", "per": "total"}]
    assert match_facts("funding", [{"amount": 1_009_000, "currency": "CNY", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_020_000, "currency": "CNY", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_000_000, "currency": "USD", "per": "total"}], g)
    assert not match_facts("funding", [{"amount": 1_000_000, "currency": "CNY", "per": "year"}], g)


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
    report = evaluate(gold_dir, extractor=lambda text, **kw: {"agreements": ["U University and P City"]})
    assert report.documents[0].error == "EvaluationError: extractor output for d1: 'agreements' is not a list of objects"
    assert report.type_score("agreements").fn == 1


def test_cli_last_line_and_missing_gold(tmp_path, capsys):
    gold_dir = _write(tmp_path, [], "Nothing here.")
    assert main(["--gold", str(gold_dir)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("f1 agreements=") and last.endswith("overall=1.000")
    assert main(["--gold", str(tmp_path / "missing")]) == 2


# ---------------------------------------------------------------- counts: quantity + overlapping evidence

COUNT_PAGE = ("By 2019 the university had signed 12 agreements with cities. "
              "The province as a whole signed 12 agreements with enterprises. It built 7 platforms.")


def test_count_needs_same_quantity_and_overlapping_evidence():
    gold = [{"quantity": 12, "unit": "agreement", "evidence": "The province as a whole signed 12 agreements with enterprises."}]
    same = {"quantity": 12, "unit": "agreement", "evidence": "The province as a whole signed 12 agreements with enterprises."}
    other_sentence = {"quantity": 12, "unit": "agreement",
                      "evidence": "By 2019 the university had signed 12 agreements with cities."}
    wider = {"quantity": 12.0, "unit": "agreement", "evidence": "with cities. The province as a whole signed 12 agreements"}
    assert match_facts("counts", [same], gold, COUNT_PAGE) == [(0, 0)]
    assert match_facts("counts", [other_sentence], gold, COUNT_PAGE) == []
    assert match_facts("counts", [wider], gold, COUNT_PAGE) == [(0, 0)]  # spans overlap in the page
    assert match_facts("counts", [dict(same, quantity=13)], gold, COUNT_PAGE) == []
    assert match_facts("counts", [dict(same, evidence=None)], gold, COUNT_PAGE) == []
    # the unit is a field, not part of the rule
    assert match_facts("counts", [dict(same, unit="enterprise")], gold, COUNT_PAGE) == [(0, 0)]


def test_count_matching_pairs_each_gold_with_its_own_sentence():
    gold = [{"quantity": 12, "unit": "agreement", "evidence": "By 2019 the university had signed 12 agreements with cities."},
            {"quantity": 12, "unit": "agreement", "evidence": "The province as a whole signed 12 agreements with enterprises."}]
    pred = [dict(gold[1], unit="enterprise"), dict(gold[0])]
    assert match_facts("counts", pred, gold, COUNT_PAGE) == [(0, 1), (1, 0)]


def test_evidence_overlap_without_the_page():
    a = "The province as a whole signed 12 agreements with enterprises."
    assert evidence_overlaps(a, "  the PROVINCE as a whole\nsigned 12 agreements ")  # containment, case, spaces
    assert evidence_overlaps("Cities joined. The province as a whole signed", a)  # end of one = start of the other
    assert not evidence_overlaps("By 2019 the university had signed 12 agreements with cities.", a)
    assert not evidence_overlaps("", a) and not evidence_overlaps(None, a)
    # with the page, text found in two places overlaps when one of its occurrences does
    page = "Alpha signed 12 agreements. Beta signed 12 agreements."
    assert evidence_overlaps("signed 12 agreements.", "Beta signed 12 agreements.", page=PageText(page))
    assert not evidence_overlaps("Alpha signed 12 agreements.", "Beta signed 12 agreements.", page=PageText(page))


def test_unnamed_gold_platform_matches_same_type_with_overlapping_evidence():
    ev = "The two sides will jointly build a research centre in the city."
    gold = [{"name": None, "platform_type": "center", "evidence": ev}]
    assert match_facts("platforms", [{"name": None, "platform_type": "center", "evidence": ev}], gold)
    assert match_facts("platforms", [{"name": "Joint Research Centre", "platform_type": "center", "evidence": ev}], gold)
    assert not match_facts("platforms", [{"name": None, "platform_type": "laboratory", "evidence": ev}], gold)
    assert not match_facts("platforms", [{"name": None, "platform_type": "center", "evidence": "Another one."}], gold)
    # a named gold platform still needs a matching name
    assert not match_facts("platforms", [{"name": None, "platform_type": "center", "evidence": ev}],
                           [{"name": "Big Data Center", "platform_type": "center", "evidence": ev}])


# ---------------------------------------------------------------- field accuracy


def test_field_equality_rules():
    assert field_equal("partner", "Xiangtan Municipal Government", "Xiangtan City") is False
    assert field_equal("partner", "The People's Government of Xiangtan City", "Xiangtan City")
    assert field_equal("amount", 100_900_000, 100_000_000) and not field_equal("amount", 102_000_000, 100_000_000)
    assert field_equal("period_years", 10, 10.0) and not field_equal("period_years", 1, 10)
    assert field_equal("date", "2018-10-05", "2018-10") and not field_equal("date", "2018", "2018-10")
    assert not field_equal("date", "2018-11-05", "2018-10")
    assert field_equal("date_precision", "Month", "month") and not field_equal("date_precision", "day", "month")
    assert field_equal("subject", None, None) and field_equal("subject", "", None)
    assert not field_equal("subject", "Sichuan Province", None) and not field_equal("subject", None, "Sichuan Province")
    assert not field_equal("quantity", "twelve", 12)


def test_compare_fields_scores_only_what_the_gold_carries():
    gold = {"date": "2018-10", "date_precision": "month", "university": "Xiangtan University", "partner": "Zhuzhou City",
            "partner_type": "city", "agreement_type": "strategic_cooperation", "evidence": "x"}  # no partner_province
    pred = dict(gold, date="2018-10-05", date_precision="day", partner="Zhuzhou", partner_province="Hunan",
                evidence="something else entirely")
    checks = compare_fields("agreements", pred, gold)
    assert set(checks) == {"date", "date_precision", "university", "partner", "partner_type", "agreement_type"}
    assert [f for f, ok in checks.items() if not ok] == ["date_precision"]


def _agreement(partner, **kw):
    return dict({"university": "Xiangtan University", "partner": partner, "date": None, "date_precision": None,
                 "partner_type": "city", "agreement_type": "strategic_cooperation"}, **kw)


def test_report_field_accuracy_per_type_per_field_and_overall():
    gold = {"agreements": [_agreement("Zhuzhou City"), _agreement("Changde City")],
            "counts": [{"quantity": 36, "qualifier": "exact", "unit": "enterprise", "subject": None, "evidence": "e"}]}
    pred = {"agreements": [_agreement("Zhuzhou", partner_type="county"),  # 5 of 6 fields right
                           _agreement("Changde City", partner_type="county", agreement_type="framework"),  # 4 of 6
                           _agreement("Yiyang City")],  # a false positive: no fields scored
            "counts": [{"quantity": 36.0, "qualifier": "exact", "unit": "other", "subject": "Hunan", "evidence": "e"}]}
    report = Report(Path("."), [score_document("d", pred, gold)])
    assert report.type_score("agreements").tp == 2 and report.type_score("agreements").fp == 1
    assert report.field_accuracy("agreements") == pytest.approx((5 / 6 + 4 / 6) / 2)
    assert report.field_accuracy("counts") == pytest.approx(2 / 4)
    assert report.field_accuracy() == pytest.approx((5 / 6 + 4 / 6 + 2 / 4) / 3)
    assert report.field_accuracy("funding") is None
    acc = report.field_accuracies("agreements")
    assert acc["partner_type"] == 0.0 and acc["agreement_type"] == 0.5 and acc["partner"] == 1.0
    assert report.field_counts("agreements")["partner_type"] == (0, 2)
    worst_first = report.field_table().splitlines()[0]
    assert worst_first.startswith("fields agreements") and worst_first.split()[2] == "partner_type"
    details = report.details()
    assert "FIELD agreements" in details and "partner_type='county' (gold 'city')" in details


# ---------------------------------------------------------------- split into development and validation


def test_listed_documents_take_their_part_and_others_a_stable_hash_part():
    listed = {"a": "validation", "b": "development"}
    ids = ["a", "b"] + [f"doc{i}" for i in range(30)]
    split = assign_parts(ids, listed)
    assert split.parts["a"] == "validation" and split.parts["b"] == "development"
    hashed = [i for i in ids if i not in listed]
    assert {split.parts[i] for i in hashed} == {"development", "validation"}
    assert 4 <= len([i for i in hashed if split.parts[i] == "validation"]) <= 16  # about a third of 30
    # an unlisted document keeps its part whatever else the gold holds
    assert all(assign_parts([i], {}).parts[i] == hashed_part(i) for i in hashed)
    assert all(assign_parts(list(reversed(ids)), listed).parts[i] == split.parts[i] for i in ids)
    assert split.rules[0].startswith("2 document(s) by pipelines/devset_split.yml")
    assert split.rules[1].startswith("30 document(s) not listed in pipelines/devset_split.yml: sha256(id) % 3 == 0")


def test_no_part_is_left_empty():
    dev_only = [i for i in (f"x{n}" for n in range(40)) if hashed_part(i) == "development"][:3]
    split = assign_parts(dev_only, {})
    assert sorted(split.parts.values()) == ["development", "development", "validation"]
    assert "validation would be empty" in split.rules[-1]
    # listed documents are never moved
    split = assign_parts(["l1", "l2"], {"l1": "development", "l2": "development"})
    assert set(split.parts.values()) == {"development"}


def test_split_file_is_read_and_checked(tmp_path):
    listed = load_split_file(SPLIT_FILE)
    dev = [d for d, p in listed.items() if p == "development"]
    val = [d for d, p in listed.items() if p == "validation"]
    assert dev and val and len(val) < len(dev)
    bad = tmp_path / "split.yml"
    bad.write_text("development: [a, b]\nvalidation: [b]\n")
    with pytest.raises(EvaluationError, match="'b' is listed in both parts"):
        load_split_file(bad)
    bad.write_text("development: a\n")
    with pytest.raises(EvaluationError, match="split.yml.*list of document ids"):
        load_split_file(bad)
    assert load_split_file(tmp_path / "absent.yml") == {}


def _gold_set(tmp_path, n):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (tmp_path / "pages").mkdir()
    for i in range(n):
        facts = [{"university": "U University", "partner": f"P{i} City", "date": None}]
        (gold_dir / f"d{i}.json").write_text(json.dumps({"agreements": facts}))
        (tmp_path / "pages" / f"d{i}.txt").write_text(f"U University signed an agreement with P{i} City.")
    return gold_dir


def test_report_parts_and_cli_sections(tmp_path, capsys):
    gold_dir = _gold_set(tmp_path, 4)
    split_file = tmp_path / "split.yml"
    split_file.write_text("development: [d0, d1, d2]\nvalidation: [d3]\n")

    def fake(text, document_id, **kw):  # right on d0 and d3, a wrong partner elsewhere
        partner = f"P{document_id[1:]} City" if document_id in ("d0", "d3") else "Elsewhere County"
        return {"agreements": [{"university": "U University", "partner": partner, "date": None}]}

    report = evaluate(gold_dir, extractor=fake, split_file=split_file)
    dev, val = report.part("development"), report.part("validation")
    assert [d.document_id for d in val.documents] == ["d3"] and len(dev.documents) == 3
    assert (val.type_score("agreements").tp, dev.type_score("agreements").tp) == (1, 1)
    assert report.part("all") is report and report.type_score("agreements").tp == 2
    assert dev.agreement_precision == pytest.approx(1 / 3)

    text = render(report)
    sections = [line for line in text.splitlines() if line.startswith("== ")]
    assert sections == ["== development (3 documents)", "== validation (1 documents)", "== all (4 documents)"]
    assert "split: 4 document(s) by" in text and "agreement precision 0.333 (below the 0.80 target)" in text
    assert text.splitlines()[-1] == report.summary_line()
    only_val = render(report, "validation", verbose=True)
    assert [line for line in only_val.splitlines() if line.startswith("== ")] == ["== validation (1 documents)"]
    assert only_val.splitlines()[-1] == val.summary_line()
    # verbose without --part lists development details only; validation is for measuring
    details = render(report, verbose=True)
    assert "[development]" in details and "[validation]" not in details and "--part validation" in details


def test_cli_part_flag(tmp_path, capsys):
    gold_dir = _gold_set(tmp_path, 3)
    assert main(["--gold", str(gold_dir), "--part", "development"]) == 0
    out = capsys.readouterr().out
    assert "== development" in out and "== validation" not in out and "sha256(id)" in out
    with pytest.raises(SystemExit):
        main(["--gold", str(gold_dir), "--part", "test"])


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_eval_reports_both_shared_gold_sets_unless_told_one():
    def dry_run(*args):
        done = subprocess.run(["make", "-n", "eval", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
        return done.stdout.split("for g in ", 1)[1].split(";", 1)[0].split()

    assert dry_run() == ["../shared/gold", "../shared/devset/gold"]
    assert dry_run("GOLD=tests/extract/fixtures/gold") == ["tests/extract/fixtures/gold"]
