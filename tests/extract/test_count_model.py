"""The learned count model (pipelines/extract/count_model.py) and its training (pipelines/training/count_model.py),
on sentences and pages written for these tests.

The wiring is tested with small hand-made models, so that a retrained model file changes none of these results;
one test reads the shipped model, on sentences of ours that no training set holds."""

from __future__ import annotations

import json

import pipelines.extract.count_model as cm
from pipelines.extract import extract_document

URL = "https://www.orion.edu/news/story.html"


def counts(text):
    return [(c["quantity"], c["unit"], c["subject"]) for c in extract_document(text, document_id="p", url=URL)["counts"]]


TAKE_ALL = {"threshold": 0.5, "weights": {"bias": 20.0}, "units": {}}  # a model that takes every figure it judges


def use(monkeypatch, model):
    monkeypatch.setattr(cm, "load_model", lambda: model)


def test_the_shipped_model_is_a_trained_model():
    model = cm.load_model()
    assert model is not None, f"{cm.MODEL_FILE} is missing: run python -m pipelines.training.count_model"
    assert 0.5 <= model["threshold"] < 1
    assert "bias" in model["weights"] and len(model["weights"]) > 100
    # one unit table per unit of the data contract the training gold used, each over the same features
    assert {"agreement", "enterprise", "platform", "program", "university", "person"} <= set(model["units"])
    assert all("bias" in table for table in model["units"].values())


OFFICES = "Orion University has set up 6 technology transfer offices with local partners."


def test_a_figure_the_rules_leave_is_added_when_the_model_takes_it(monkeypatch):
    use(monkeypatch, None)
    assert counts(OFFICES) == []  # the rules alone: "offices" is no unit they know
    use(monkeypatch, {"threshold": 0.5, "weights": {"bias": -5.0, "a1=technology": 10.0},
                      "units": {"platform": {"a:offices": 1.0}, "enterprise": {"a:companies": 1.0}}})
    # the model's figure: its unit from the unit tables, its holder the sentence's subject
    assert counts(OFFICES) == [(6, "platform", "Orion University")]


def test_a_figure_under_the_threshold_is_left(monkeypatch):
    use(monkeypatch, {"threshold": 0.5, "weights": {"bias": -5.0, "a1=technology": 4.0}, "units": {}})
    assert counts(OFFICES) == []


def test_a_figure_the_rules_refuse_for_a_reason_is_not_the_models_to_judge(monkeypatch):
    use(monkeypatch, TAKE_ALL)
    # a place's size, an audience, a plan, a university's own patents: the conventions' rules stand
    assert counts("Twelve firms are based in the science park.") == []
    assert counts("More than 500 experts attended the forum at Orion University.") == []
    assert counts("Orion University has registered over 11,000 patents.") == []
    assert counts("Target indicators by 2027: 25 pilots completed, 20 enterprises supported.") == []


def test_a_figure_left_for_want_of_a_unit_is_still_no_target_rank_or_one_of_a_class(monkeypatch):
    use(monkeypatch, TAKE_ALL)
    # the parse's tests the rules make once they know a unit hold for the model's figures too
    assert counts("Orion University aims to set up 50 technology transfer offices by 2027.") == []
    assert counts("Orion University plans to build 30 technology transfer offices.") == []
    assert counts("Orion University's technology transfer office ranks at 13 nationally.") == []
    assert counts("Orion University is one of 10 technology transfer offices selected nationwide.") == []
    assert counts(OFFICES) == [(6, "other", "Orion University")]


def test_the_model_never_repeats_a_figure_the_rules_took(monkeypatch):
    use(monkeypatch, TAKE_ALL)
    assert counts("Orion University now works with 45 partner institutions across Asia.") == [
        (45, "institution", "Orion University")]


def test_a_model_without_unit_tables_says_other():
    assert cm.unit_of(["bias", "a1=companies"], {"threshold": 0.5, "weights": {}}) == "other"
    tables = {"enterprise": {"a1=companies": 2.0}, "platform": {"a1=laboratories": 2.0}}
    assert cm.unit_of(["bias", "a1=companies"], {"units": tables}) == "enterprise"


def test_the_rows_of_a_list_of_targets_give_no_model_count(monkeypatch):
    use(monkeypatch, TAKE_ALL)
    text = ("TARGETS FOR 2030\n"
            "• 25 local governments as new partners\n"
            "• 10 new joint platforms\n\n"
            "Orion University already works with 12 regional councils.")
    assert [q for q, _, _ in counts(text)] == [12]


def test_a_figure_in_a_date_or_a_sum_of_money_is_no_candidate(monkeypatch):
    use(monkeypatch, TAKE_ALL)
    text = "On 12 March 2024 Orion University and Vela Robotics signed a $3 million research contract."
    assert counts(text) == []


def test_the_shipped_model_reads_figures_the_rules_leave():
    # sentences of ours, in no training set: a cooperation figure whose noun the rules' unit table lacks
    assert [(q, s) for q, _, s in counts(OFFICES)] == [(6, "Orion University")]
    # and it leaves a figure that is no count of cooperation
    assert counts("The Orion University campus covers 320 hectares and has 4 libraries.") == []


def test_features_describe_the_figure_in_its_parse():
    from pipelines.extract import count_candidates

    (cand,) = count_candidates("Orion University has signed agreements with 12 companies.", document_id="p", url=URL)
    feats = cm.features(cand)
    assert cand["emitted"] and cand["value"] == 12
    assert {"bias", "b1=with", "a1=companies", "head=company", "headunit=enterprise", "prep=with", "verb=sign",
            "coop_cue", "uni_mention", "mag=1"} <= set(feats)
    assert "future_cue" not in feats and "modal" not in feats


# ---- training (scikit-learn: the train extra, in dev) -----------------------------------------------------------


def test_fit_learns_which_features_mark_a_count():
    from pipelines.training.count_model import fit

    rows = ([{"features": ["bias", "coop_cue", "a1=companies"], "label": True, "unit": "enterprise"}] * 6
            + [{"features": ["bias", "coop_cue", "a1=laboratories"], "label": True, "unit": "platform"}] * 6
            + [{"features": ["bias", "a1=hectares"], "label": False, "unit": None}] * 12
            + [{"features": ["bias", "only_once"], "label": False, "unit": None}])
    model = fit(rows)
    yes = cm.probability(["bias", "coop_cue", "a1=companies"], model)
    no = cm.probability(["bias", "a1=hectares"], model)
    assert yes > 0.5 > no
    assert "only_once" not in model["weights"]  # a feature of one figure says nothing of other pages
    assert cm.unit_of(["bias", "coop_cue", "a1=laboratories"], model) == "platform"
    assert cm.unit_of(["bias", "coop_cue", "a1=companies"], model) == "enterprise"
    assert model["examples"] == 25 and model["positives"] == 12


def test_candidates_are_labelled_by_the_gold(tmp_path):
    from pipelines.training.count_model import candidates

    (tmp_path / "gold").mkdir()
    (tmp_path / "pages").mkdir()
    sentence = "Orion University has signed agreements with 12 companies and has 4 libraries."
    (tmp_path / "pages" / "p1.txt").write_text(f"URL: {URL}\nTITLE: Orion University in figures\n\n{sentence}\n")
    (tmp_path / "gold" / "p1.json").write_text(json.dumps({
        "document": "p1", "url": URL, "agreements": [], "funding": [], "platforms": [],
        "counts": [{"quantity": 12, "unit": "enterprise", "subject": "Orion University", "evidence": sentence}]}))
    rows = candidates(tmp_path / "gold", tmp_path / "pages")
    assert len(rows) == 2 and {r["doc"] for r in rows} == {"p1"}
    labels = sorted((r["label"], r["unit"], r["emitted"]) for r in rows)
    assert labels == [(False, None, False), (True, "enterprise", True)]


def test_the_threshold_curve_leaves_each_set_out_in_turn():
    from pipelines.training.count_model import threshold_curve

    def rows(n):
        # per set: n figures the rules took, n figures left for want of a unit that the gold lists, n it does not
        return ([{"features": ["bias", "coop_cue"], "label": True, "unit": "platform", "emitted": True, "left": None}] * n
                + [{"features": ["bias", "coop_cue", "a1=offices"], "label": True, "unit": "platform",
                    "emitted": False, "left": "unit"}] * n
                + [{"features": ["bias", "a1=hectares"], "label": False, "unit": None, "emitted": False,
                    "left": "unit"}] * n)

    lines = threshold_curve({"a": rows(4), "b": rows(6)}, thresholds=(0.5,)).splitlines()
    assert lines[0].split()[-1] == "0.667"  # the rules alone: half the gold's figures
    assert lines[1].startswith("rules + model at 0.5") and lines[1].split()[-1] == "1.000"
