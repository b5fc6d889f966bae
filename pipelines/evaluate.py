"""Score the extractor against hand annotations (``shared/spec/facts.md``, "How extraction is scored").

Plain Python, no Dagster. ``python -m pipelines.evaluate [--gold DIR] [--pages DIR] [--verbose]``.

Matching, per document and fact type:

* A predicted and a gold fact are *compatible* when the type's rule holds
  (below). Predicted and gold facts are then matched one-to-one by a
  maximum-cardinality bipartite matching (Kuhn's augmenting paths), so the
  number of true positives is the largest any one-to-one pairing can reach;
  candidate partners are tried in order of decreasing name similarity, so the
  pairs shown by ``--verbose`` are the natural ones.
* Names are normalised: lower-cased, apostrophes dropped, "people's government
  of" removed, every other punctuation mark turned into a space, then the
  tokens "the", "municipal", "city", "province", "county", "district",
  "prefecture" removed.
* Fuzzy token match: two tokens match when equal, or when both have at least 4
  characters and ``difflib`` similarity ratio >= 0.85 ("agriculture" /
  "agricultural"). Two names match when their space-less normalised forms are
  equal ("jiaotong" / "jiao tong"), or when their soft token Jaccard
  ``m / (|A| + |B| - m)`` (m = tokens of A matched one-to-one in B) is >= 0.6.
  Two names that normalise to nothing match only when both do.

Type rules:

* agreement: university and partner names match; where the gold has a date,
  the predicted date agrees with it at the gold's precision (year, year-month
  or full day; a predicted date less precise than the gold's fails).
* funding: same currency, amount within 1 % of the gold amount, same ``per``.
* platform: names match.
* count: same quantity, same unit.

Scores are micro-averaged per type over all documents; "overall" pools every
fact of every type.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

from pipelines.settings import REPO_ROOT

FACT_TYPES = ("agreements", "funding", "platforms", "counts")
GOLD_ENV = "PARTNERSHIPS_GOLD"
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "gold"

NAME_THRESHOLD = 0.6
TOKEN_RATIO = 0.85

_DROP_TOKENS = {"the", "municipal", "city", "province", "county", "district", "prefecture"}
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc`´]")
_PEOPLES_GOV = re.compile(r"\bpeoples?\s+government\s+of\b")
_NON_WORD = re.compile(r"[^\w]+")


class EvaluationError(ValueError):
    """A gold file or page is unusable; the message names it."""


# ---------------------------------------------------------------- names


@lru_cache(maxsize=8192)
def name_tokens(name: str | None) -> tuple[str, ...]:
    """Normalised tokens of an organisation name (see the module docstring)."""
    if not name:
        return ()
    text = _APOSTROPHES.sub("", name.lower())
    text = _PEOPLES_GOV.sub(" ", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ")
    return tuple(t for t in text.split() if t not in _DROP_TOKENS)


def _tokens_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= TOKEN_RATIO


@lru_cache(maxsize=65536)
def name_similarity(a: str | None, b: str | None) -> float:
    """Soft token Jaccard in [0, 1] between two names after normalisation."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 1.0 if (not ta and not tb and (a or "").strip() and (b or "").strip()) else 0.0
    if "".join(ta) == "".join(tb):
        return 1.0
    unused = list(tb)
    matched = 0
    for tok in ta:
        for i, other in enumerate(unused):
            if _tokens_match(tok, other):
                matched += 1
                del unused[i]
                break
    return matched / (len(ta) + len(tb) - matched)


def names_match(a: str | None, b: str | None) -> bool:
    return name_similarity(a, b) >= NAME_THRESHOLD


# ---------------------------------------------------------------- type rules


def _date_agrees(pred: str | None, gold: str | None) -> bool:
    if not gold:
        return True
    if not pred:
        return False
    return len(str(pred)) >= len(str(gold)) and str(pred)[: len(str(gold))] == str(gold)


def _agreement_score(p: dict, g: dict) -> float | None:
    su = name_similarity(p.get("university"), g.get("university"))
    sp = name_similarity(p.get("partner"), g.get("partner"))
    if su < NAME_THRESHOLD or sp < NAME_THRESHOLD:
        return None
    if not _date_agrees(p.get("date"), g.get("date")):
        return None
    return su + sp + (0.5 if p.get("date") == g.get("date") else 0.0)


def _funding_score(p: dict, g: dict) -> float | None:
    try:
        pa, ga = float(p.get("amount")), float(g.get("amount"))
    except (TypeError, ValueError):
        return None
    if (p.get("currency") or "").upper() != (g.get("currency") or "").upper():
        return None
    if abs(pa - ga) > 0.01 * abs(ga):
        return None
    if p.get("per") != g.get("per"):
        return None
    return 1.0 - abs(pa - ga) / (abs(ga) or 1.0)


def _platform_score(p: dict, g: dict) -> float | None:
    s = name_similarity(p.get("name"), g.get("name"))
    return s if s >= NAME_THRESHOLD else None


def _count_score(p: dict, g: dict) -> float | None:
    try:
        if float(p.get("quantity")) != float(g.get("quantity")):
            return None
    except (TypeError, ValueError):
        return None
    if p.get("unit") != g.get("unit"):
        return None
    return 1.0


SCORERS: dict[str, Callable[[dict, dict], float | None]] = {
    "agreements": _agreement_score,
    "funding": _funding_score,
    "platforms": _platform_score,
    "counts": _count_score,
}


def match_facts(fact_type: str, predicted: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of predicted to gold facts; returns (pred_idx, gold_idx) pairs."""
    scorer = SCORERS[fact_type]
    candidates: list[list[int]] = []
    for p in predicted:
        scored = [(s, j) for j, g in enumerate(gold) if (s := scorer(p, g)) is not None]
        scored.sort(key=lambda sj: (-sj[0], sj[1]))
        candidates.append([j for _, j in scored])
    gold_owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_owner or augment(gold_owner[j], seen):
                gold_owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        augment(i, set())
    return sorted((i, j) for j, i in gold_owner.items())


# ---------------------------------------------------------------- report


@dataclass
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "TypeScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class DocumentResult:
    document_id: str
    scores: dict[str, TypeScore]
    false_positives: dict[str, list[dict]]
    false_negatives: dict[str, list[dict]]
    error: str | None = None
    seconds: float = 0.0


@dataclass
class Report:
    gold_dir: Path
    documents: list[DocumentResult] = field(default_factory=list)

    def type_score(self, fact_type: str) -> TypeScore:
        total = TypeScore()
        for doc in self.documents:
            total.add(doc.scores[fact_type])
        return total

    @property
    def overall(self) -> TypeScore:
        total = TypeScore()
        for t in FACT_TYPES:
            total.add(self.type_score(t))
        return total

    def f1(self, fact_type: str) -> float:
        return self.overall.f1 if fact_type == "overall" else self.type_score(fact_type).f1

    def summary_line(self) -> str:
        parts = [f"{t}={self.type_score(t).f1:.3f}" for t in FACT_TYPES]
        return "f1 " + " ".join(parts) + f" overall={self.overall.f1:.3f}"

    def table(self) -> str:
        lines = [f"gold: {self.gold_dir}  ({len(self.documents)} documents)",
                 f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
        for name, s in [(t, self.type_score(t)) for t in FACT_TYPES] + [("overall", self.overall)]:
            lines.append(f"{name:<11} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
        errors = [d for d in self.documents if d.error]
        for d in errors:
            lines.append(f"ERROR {d.document_id}: {d.error}")
        return "\n".join(lines)

    def details(self) -> str:
        out: list[str] = []
        for doc in self.documents:
            rows: list[str] = []
            for t in FACT_TYPES:
                for kind, facts in (("FP", doc.false_positives[t]), ("FN", doc.false_negatives[t])):
                    for f in facts:
                        rows.append(f"  {kind} {t:<10} {_describe(t, f)}\n       | {_short(f.get('evidence'))}")
            if rows:
                out.append(f"== {doc.document_id}")
                out.extend(rows)
        return "\n".join(out)


def _short(text: Any, n: int = 160) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 3] + "..."


def _describe(fact_type: str, f: dict) -> str:
    keys = {
        "agreements": ("university", "partner", "date", "partner_type", "agreement_type"),
        "funding": ("amount", "currency", "per", "qualifier", "kind", "funder", "recipient", "date"),
        "platforms": ("name", "platform_type", "university", "partner", "date"),
        "counts": ("quantity", "unit", "qualifier", "subject"),
    }[fact_type]
    return " | ".join(f"{k}={f.get(k)!r}" for k in keys)


# ---------------------------------------------------------------- pages


@dataclass
class Page:
    document_id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


_HEADER = re.compile(r"\AURL:[ \t]*(?P<url>[^\n]*)\nTITLE:[ \t]*(?P<title>[^\n]*)\n(?:[ \t]*\n)?")


def parse_page_file(path: Path, document_id: str) -> Page:
    """Read a page text; a devset header (``URL:``/``TITLE:``/blank) becomes metadata and is stripped."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read page {path}: {exc}") from exc
    m = _HEADER.match(raw)
    if not m:
        return Page(document_id, raw)
    url = m.group("url").strip() or None
    if url and url.lower() in ("none", "null", "-"):
        url = None
    title = re.sub(r"^\[title derived\]\s*", "", m.group("title").strip()) or None
    return Page(document_id, raw[m.end():], url=url, title=title)


@lru_cache(maxsize=32)
def _index_entries(index_path: Path) -> dict[str, dict]:
    try:
        data = yaml.safe_load(index_path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise EvaluationError(f"cannot read page index {index_path}: {exc}") from exc
    if isinstance(data, dict):
        data = data.get("pages") or data.get("files") or []
    entries: dict[str, dict] = {}
    for entry in data if isinstance(data, list) else []:
        if isinstance(entry, dict) and entry.get("file"):
            entries[Path(str(entry["file"])).stem] = entry
    return entries


def _apply_index(page: Page, index_path: Path) -> Page:
    if not index_path.is_file():
        return page
    entry = _index_entries(index_path).get(page.document_id)
    if entry:
        page.url = page.url or (str(entry["url"]) if entry.get("url") else None)
        page.published = str(entry["published"]) if entry.get("published") else None
        page.publisher = str(entry["publisher"]) if entry.get("publisher") else None
        page.title = page.title or (str(entry["title"]) if entry.get("title") else None)
    return page


def find_page(document_id: str, gold_dir: Path, pages_dir: Path | None = None) -> Page:
    """Locate a gold document's text: --pages DIR, then gold/../pages, then gold/../seeds (+ index.yml)."""
    candidates: list[Path] = []
    if pages_dir is not None:
        candidates.append(pages_dir / f"{document_id}.txt")
    candidates += [gold_dir.parent / "pages" / f"{document_id}.txt", gold_dir.parent / "seeds" / f"{document_id}.txt"]
    for path in candidates:
        if path.is_file():
            return _apply_index(parse_page_file(path, document_id), path.parent / "index.yml")
    raise EvaluationError(f"no page text for gold document {document_id!r} (looked in: {', '.join(map(str, candidates))})")


def _publisher_university(publisher: str | None) -> str | None:
    if not publisher:
        return None
    try:
        from pipelines.reference import UniversityIndex

        uni = UniversityIndex.default().by_name(publisher)
        if uni is not None:
            return uni.name
    except Exception:  # reference table absent or broken: fall back to the word test
        pass
    return publisher if re.search(r"\b(university|college|institute of technology)\b", publisher, re.I) else None


# ---------------------------------------------------------------- driver


def resolve_gold_dir(gold_dir: str | os.PathLike | None = None) -> Path:
    if gold_dir is None:
        gold_dir = os.environ.get(GOLD_ENV) or DEFAULT_GOLD
    path = Path(gold_dir)
    if not path.is_absolute():
        path = (REPO_ROOT / path) if not path.exists() else path.resolve()
    return path


def load_gold(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"gold file {path} is unreadable: {exc}") from exc
    if not isinstance(data, dict):
        raise EvaluationError(f"gold file {path} is not a JSON object")
    for t in FACT_TYPES:
        if not isinstance(data.get(t, []), list):
            raise EvaluationError(f"gold file {path}: '{t}' is not a list")
    return data


def score_document(document_id: str, predicted: dict, gold: dict) -> DocumentResult:
    scores: dict[str, TypeScore] = {}
    fps: dict[str, list[dict]] = {}
    fns: dict[str, list[dict]] = {}
    for t in FACT_TYPES:
        pred, gld = list(predicted.get(t) or []), list(gold.get(t) or [])
        pairs = match_facts(t, pred, gld)
        mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
        scores[t] = TypeScore(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gld) - len(pairs))
        fps[t] = [p for i, p in enumerate(pred) if i not in mp]
        fns[t] = [g for j, g in enumerate(gld) if j not in mg]
    return DocumentResult(document_id, scores, fps, fns)


def evaluate(gold_dir: str | os.PathLike | None = None, pages_dir: str | os.PathLike | None = None,
             extractor: Callable[..., dict] | None = None) -> Report:
    """Run the extractor on every gold document's page and score it."""
    gold_path = resolve_gold_dir(gold_dir)
    if not gold_path.is_dir():
        raise EvaluationError(f"gold directory {gold_path} does not exist")
    pages_path = Path(pages_dir) if pages_dir is not None else None
    if extractor is None:
        from pipelines.extract import extract_document as extractor  # noqa: N813
    report = Report(gold_path)
    for gold_file in sorted(gold_path.glob("*.json")):
        gold = load_gold(gold_file)
        doc_id = gold_file.stem
        error = None
        started = time.perf_counter()
        try:
            page = find_page(doc_id, gold_path, pages_path)
            predicted = extractor(page.text, document_id=doc_id, url=page.url, published=page.published,
                                  title=page.title, university=_publisher_university(page.publisher))
        except Exception as exc:  # one bad page never stops the run
            predicted = {}
            error = f"{type(exc).__name__}: {exc}"
            if os.environ.get("PARTNERSHIPS_EVAL_TRACEBACK"):
                traceback.print_exc()
        result = score_document(doc_id, predicted, gold)
        result.error = error
        result.seconds = time.perf_counter() - started
        report.documents.append(result)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.evaluate", description=__doc__.split("\n")[0])
    parser.add_argument("--gold", default=None, help=f"gold directory (default: ${GOLD_ENV} or {DEFAULT_GOLD})")
    parser.add_argument("--pages", default=None, help="directory with <doc>.txt page texts (optional)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list false positives and negatives per document")
    args = parser.parse_args(argv)
    try:
        report = evaluate(args.gold, args.pages)
    except EvaluationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.verbose:
        print(report.details())
        print()
    print(report.table())
    print(report.summary_line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
