"""Score the extractor against hand annotations (``shared/spec/facts.md``, "How extraction is scored").

Plain Python, no Dagster. ``python -m pipelines.evaluate [--gold DIR] [--pages DIR] [--part P] [--verbose]``
(``partnerships eval``, ``make eval``).

* Matching (``pipelines.evaluation.matching``): per document and fact type,
  predicted facts are matched one-to-one with gold facts by the type's rule;
  names by the fuzzy rule of ``pipelines.evaluation.names``. Precision, recall
  and F1 are micro-averaged per type over the documents; "overall" pools every
  fact of every type.
* Field accuracy (``pipelines.evaluation.fields``): on matched facts, the
  share of the type's fields equal to gold, per type and overall; per field
  with ``--verbose``.
* Parts (``pipelines.evaluation.split``): every gold document belongs to the
  development or the validation part (``pipelines/devset_split.yml``, else a
  hash of its id). The report shows development, validation and all, or the
  one part ``--part`` names; the last line is the summary of the part shown
  last (all, by default).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Callable

from pipelines.evaluation.common import FACT_TYPES, EvaluationError
from pipelines.evaluation.fields import compare_fields
from pipelines.evaluation.matching import PageText, evidence_overlaps, match_facts
from pipelines.evaluation.names import name_similarity, name_tokens, names_match
from pipelines.evaluation.pages import (DEFAULT_GOLD, GOLD_ENV, Page, find_page, load_gold, parse_page_file,
                                        publisher_university, resolve_gold_dir)
from pipelines.evaluation.report import DocumentResult, MatchedPair, Report, TypeScore
from pipelines.evaluation.split import PARTS, SPLIT_FILE, assign_parts, load_split_file

__all__ = [
    "FACT_TYPES", "EvaluationError", "evaluate", "main", "render", "score_document", "match_facts",
    "evidence_overlaps", "name_similarity", "name_tokens", "names_match", "find_page", "parse_page_file",
    "load_gold", "Page", "PageText", "Report", "DocumentResult", "MatchedPair", "TypeScore", "PARTS", "SPLIT_FILE",
    "DEFAULT_GOLD", "GOLD_ENV",
]


def score_document(document_id: str, predicted: dict, gold: dict, page_text: str | None = None) -> DocumentResult:
    """Match one document's predicted facts to its gold facts, and compare the fields of matched pairs."""
    page = PageText(page_text) if page_text is not None else None
    scores: dict[str, TypeScore] = {}
    fps: dict[str, list[dict]] = {}
    fns: dict[str, list[dict]] = {}
    matched: dict[str, list[MatchedPair]] = {}
    for t in FACT_TYPES:
        pred, gld = list(predicted.get(t) or []), list(gold.get(t) or [])
        pairs = match_facts(t, pred, gld, page)
        mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        scores[t] = TypeScore(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gld) - len(pairs))
        fps[t] = [p for i, p in enumerate(pred) if i not in mp]
        fns[t] = [g for j, g in enumerate(gld) if j not in mg]
        matched[t] = [MatchedPair(pred[i], gld[j], compare_fields(t, pred[i], gld[j])) for i, j in pairs]
    return DocumentResult(document_id, scores, fps, fns, matched)


def _checked(predicted: object, doc_id: str) -> dict:
    """The extractor's output, if it has the shape the scorer reads; else a clear error for this document."""
    if not isinstance(predicted, dict):
        raise EvaluationError(f"extractor output for {doc_id} is a {type(predicted).__name__}, not a dict")
    for t in FACT_TYPES:
        facts = predicted.get(t) or []
        if not isinstance(facts, list) or not all(isinstance(f, dict) for f in facts):
            raise EvaluationError(f"extractor output for {doc_id}: '{t}' is not a list of objects")
    return predicted


def evaluate(gold_dir: str | os.PathLike | None = None, pages_dir: str | os.PathLike | None = None,
             extractor: Callable[..., dict] | None = None, split_file: str | os.PathLike | None = None) -> Report:
    """Run the extractor on every gold document's page and score it; documents carry their part."""
    gold_path = resolve_gold_dir(gold_dir)
    if not gold_path.is_dir():
        raise EvaluationError(f"gold directory {gold_path} does not exist")
    pages_path = Path(pages_dir) if pages_dir is not None else None
    gold_files = sorted(gold_path.glob("*.json"))
    split = assign_parts([f.stem for f in gold_files], load_split_file(split_file), split_file)
    if extractor is None:
        from pipelines.extract import extract_document as extractor  # noqa: N813
    report = Report(gold_path, split_rules=split.rules)
    for gold_file in gold_files:
        gold = load_gold(gold_file)
        doc_id = gold_file.stem
        error = None
        page_text = None
        started = time.perf_counter()
        try:
            page = find_page(doc_id, gold_path, pages_path)
            page_text = page.text
            predicted = _checked(extractor(page.text, document_id=doc_id, url=page.url, published=page.published,
                                           title=page.title, university=publisher_university(page.publisher)), doc_id)
        except Exception as exc:  # one bad page never stops the run
            predicted = {}
            error = f"{type(exc).__name__}: {exc}"
            if os.environ.get("PARTNERSHIPS_EVAL_TRACEBACK"):
                traceback.print_exc()
        result = score_document(doc_id, predicted, gold, page_text)
        result.error = error
        result.seconds = time.perf_counter() - started
        result.part = split.parts[doc_id]
        report.documents.append(result)
    return report


def render(report: Report, part: str | None = None, verbose: bool = False) -> str:
    """The printed report: header, split rules, one section per part, the summary line last.

    ``part`` None shows development, validation and all; with ``verbose`` the per-document
    details then cover the development part only (the validation part is for measuring).
    """
    shown = [part] if part else list(PARTS) + ["all"]
    out = [f"gold: {report.gold_dir}  ({len(report.documents)} documents)",
           "split: " + ("; ".join(report.split_rules) or "no documents")]
    if verbose:
        details_part = part or "development"
        sub = report.part(details_part)
        out += ["", f"details ({details_part} part)"
                + ("" if part else "; pass --part validation or --part all to see the others") + ":",
                sub.details() or "(no false positives, false negatives or wrong fields)"]
    for name in shown:
        sub = report.part(name)
        out += ["", f"== {name} ({len(sub.documents)} documents)", sub.table()]
        if verbose:
            out.append(sub.field_table())
    out.append(report.part(shown[-1]).summary_line())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=None, help=f"gold directory (default: ${GOLD_ENV} or {DEFAULT_GOLD})")
    parser.add_argument("--pages", default=None, help="directory with <doc>.txt page texts (optional)")
    parser.add_argument("--part", choices=list(PARTS) + ["all"], default=None,
                        help="show only this part (default: development, validation and all)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list false positives, false negatives and wrong fields, and per-field accuracy")
    args = parser.parse_args(argv)
    try:
        report = evaluate(args.gold, args.pages)
    except EvaluationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render(report, args.part, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
