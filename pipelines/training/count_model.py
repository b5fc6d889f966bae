"""Train the count model (``pipelines/extract/count_model.py``) on the gold of the development sets.

    python -m pipelines.training.count_model            # writes pipelines/extract/count_model.json
    python -m pipelines.training.count_model --report   # and scores the sets kept out of training

Training sets: the seed pages (``../shared/gold``), the devset's development part and the synthetic sets tune to
tune18, tune20, tune21 and tune22. Never trained on: the devset's validation part, the synthetic ``heldout``,
``tune19`` and ``tune23`` sets, which measure the model on pages it has not seen (``--report``).

A *candidate* is a figure the count rules looked at (``DocState.count_candidates``); it is positive when the page's
gold has a count of that quantity whose evidence overlaps the candidate's sentence (the scorer's rule). The model is
an L2-regularised logistic regression (scikit-learn) over ``count_model.features``, fitted on every figure (what a
count looks like); at extraction time it only adds figures the rules left for want of a unit, at probability
``THRESHOLD`` or more (chosen by leaving one training set out at a time). A unit model (multinomial, same features,
on the gold's figures) gives the unit of a figure it adds.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SYNTHETIC = ROOT / "tests" / "extract" / "synthetic"
TRAIN_SETS = ["tune"] + [f"tune{i}" for i in range(2, 19)] + ["tune20", "tune21", "tune22"]
MEASURE_SETS = ["tune19", "tune23", "heldout"]
C = 1.0
# leaving one training set out at a time (20 sets), F1 of the figures taken: rules 0.877; rules + model 0.890 at
# 0.5 and 0.6, 0.889 at 0.7, 0.888 at 0.8: the highest precision of the flat top (a wrong fact costs more)
THRESHOLD = 0.7
MIN_FIGURES = 2  # a feature enters the model when at least this many training figures have it


def candidates(gold_dir: Path, pages_dir: Path | None, only: set[str] | None = None) -> list[dict]:
    """Every figure the rules looked at on the gold's pages: features, label, and whether the rules took it."""
    from pipelines.evaluation.matching import PageText, evidence_overlaps
    from pipelines.evaluation.pages import find_page, load_gold, publisher_university
    from pipelines.extract import count_candidates
    from pipelines.extract.count_model import features

    rows = []
    for gf in sorted(gold_dir.glob("*.json")):
        if only is not None and gf.stem not in only:
            continue
        gold, doc_id = load_gold(gf), gf.stem
        page = find_page(doc_id, gold_dir, pages_dir)
        # (the rules' choices alone, not the model being replaced)
        found = count_candidates(page.text, document_id=doc_id, url=page.url, published=page.published,
                                 title=page.title, university=publisher_university(page.publisher))
        text = PageText(page.text)
        golds = gold.get("counts") or []
        for c in found:
            ev = c["v"].sentence.text
            match = next((g for g in golds if float(g.get("quantity") or -1) == float(c["value"]) and (
                not g.get("evidence") or evidence_overlaps(ev, g["evidence"], text))), None)
            rows.append({"doc": doc_id, "features": features(c), "label": match is not None, "emitted": c["emitted"],
                         "left": c["left"], "unit": match.get("unit") if match else None})
    return rows


def _split() -> dict:
    return yaml.safe_load((ROOT / "pipelines" / "devset_split.yml").read_text())


def training_sets() -> dict[str, list[dict]]:
    sets = {"seeds": candidates(SHARED / "gold", None),
            "devset development": candidates(SHARED / "devset" / "gold", None, set(_split()["development"]))}
    for name in TRAIN_SETS:
        sets[name] = candidates(SYNTHETIC / name / "gold", SYNTHETIC / name / "pages")
    return sets


def _scores(rows: list[dict], take) -> tuple[int, int, int]:
    chosen = [r for r in rows if take(r)]
    return sum(r["label"] for r in chosen), len(chosen), sum(r["label"] for r in rows)


def _f1(tp: int, chosen: int, positives: int) -> str:
    p, r = tp / max(1, chosen), tp / max(1, positives)
    return f"P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(1e-9, p + r):.3f}"


def threshold_curve(sets: dict[str, list[dict]], thresholds=(0.5, 0.6, 0.7, 0.8, 0.9)) -> str:
    """Leave one training set out at a time: the figures rules + model take on it, for each threshold."""
    from pipelines.extract.count_model import JUDGED, probability

    totals = {t: [0, 0, 0] for t in thresholds}
    rules = [0, 0, 0]
    for name, rows in sets.items():
        model = fit([r for other, rs in sets.items() if other != name for r in rs])
        p = {id(r): probability(r["features"], model) for r in rows}
        rules = [a + b for a, b in zip(rules, _scores(rows, lambda r: r["emitted"]))]
        for t in thresholds:
            got = _scores(rows, lambda r: r["emitted"] or r["left"] in JUDGED and p[id(r)] >= t)
            totals[t] = [a + b for a, b in zip(totals[t], got)]
    return "\n".join([f"rules alone            {_f1(*rules)}"]
                     + [f"rules + model at {t:.1f}   {_f1(*totals[t])}" for t in thresholds])


def fit(rows: list[dict], c: float = C) -> dict:
    """Logistic regressions over the rows' features -> {"weights": {feature: w}, "units": {unit: {feature: w}},
    "threshold": t, ...} (each intercept folded into the always-present "bias" feature)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    # (a feature of one figure only - a number's own digits, a rare word - says nothing of other pages: left out)
    seen = Counter(f for r in rows for f in set(r["features"]))
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in r["features"] if seen[f] >= MIN_FIGURES} for r in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, [r["label"] for r in rows])
    names = vec.get_feature_names_out()

    def table(coef, intercept) -> dict:
        # (weights under 0.001 change no probability by more than a thousandth per feature: left out)
        w = {f: round(float(x), 4) for f, x in zip(names, coef) if abs(x) >= 1e-3}
        w["bias"] = round(w.get("bias", 0.0) + float(intercept), 4)
        return dict(sorted(w.items()))

    # the unit of a figure the model takes: a multinomial regression over the same features, on the gold's figures
    counted = [i for i, r in enumerate(rows) if r["label"] and r["unit"]]
    labels = [rows[i]["unit"] for i in counted]
    if len(set(labels)) < 2:  # (one unit in the gold, or none: nothing to choose between)
        unit_tables = {u: {"bias": 1.0} for u in set(labels)}
    else:
        units = LogisticRegression(C=c, max_iter=5000).fit(x[counted], labels)
        coef, intercept = units.coef_, units.intercept_
        if len(units.classes_) == 2:  # (two units: one row of weights, for the second; the first scores its negation)
            coef, intercept = [-coef[0], coef[0]], [-intercept[0], intercept[0]]
        unit_tables = {u: table(coef[k], intercept[k]) for k, u in enumerate(units.classes_)}
    return {"threshold": THRESHOLD, "C": c, "trained_on": ["../shared/gold", "devset development part", *TRAIN_SETS],
            "examples": len(rows), "positives": sum(r["label"] for r in rows),
            "weights": table(model.coef_[0], model.intercept_[0]),
            "units": unit_tables}


def report(model: dict) -> str:
    """Candidate-level precision and recall of the rules alone and of rules + model on the sets never trained on."""
    from pipelines.extract.count_model import JUDGED, probability

    sets = [(n, candidates(SYNTHETIC / n / "gold", SYNTHETIC / n / "pages")) for n in MEASURE_SETS]
    sets.append(("devset validation", candidates(SHARED / "devset" / "gold", None, set(_split()["validation"]))))
    lines = []
    for name, rows in sets:
        for what, take in (("rules", lambda r: r["emitted"]),
                           ("rules + model", lambda r: r["emitted"] or r["left"] in JUDGED and probability(
                               r["features"], model) >= model["threshold"])):
            lines.append(f"{name:18} {what:14} {_f1(*_scores(rows, take))}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "pipelines" / "extract" / "count_model.json")
    ap.add_argument("--report", action="store_true", help="score the sets kept out of training")
    ap.add_argument("--thresholds", action="store_true",
                    help="only print the leave-one-set-out scores of each threshold (how THRESHOLD was chosen)")
    args = ap.parse_args(argv)
    if not (SHARED / "devset" / "gold").is_dir():
        print(f"error: the gold sets are not at {SHARED} (../shared beside the repo)", file=sys.stderr)
        return 2
    sets = training_sets()
    if args.thresholds:
        print(threshold_curve(sets))
        return 0
    model = fit([r for rows in sets.values() for r in rows])
    # (one line per table: small, and a retrained model's diff shows which tables moved)
    body = ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in model.items())
    args.out.write_text("{\n" + body + "\n}\n")
    print(f"{args.out}: {model['examples']} figures, {model['positives']} in the gold, {len(model['weights'])} weights")
    if args.report:
        from pipelines.extract.count_model import load_model

        load_model.cache_clear()
        print(report(model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
