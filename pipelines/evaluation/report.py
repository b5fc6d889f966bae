"""Scores of one evaluation run, per part, per type and per field, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.evaluation.common import FACT_TYPES
from pipelines.evaluation.fields import pair_accuracy

AGREEMENT_PRECISION_TARGET = 0.80


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
class MatchedPair:
    predicted: dict
    gold: dict
    fields: dict[str, bool]  # field -> equal to gold (only fields the gold carries)

    @property
    def accuracy(self) -> float | None:
        return pair_accuracy(self.fields)


@dataclass
class DocumentResult:
    document_id: str
    scores: dict[str, TypeScore]
    false_positives: dict[str, list[dict]]
    false_negatives: dict[str, list[dict]]
    matched: dict[str, list[MatchedPair]] = field(default_factory=lambda: {t: [] for t in FACT_TYPES})
    error: str | None = None
    seconds: float = 0.0
    part: str = "development"


@dataclass(repr=False)
class Report:
    gold_dir: Path
    documents: list[DocumentResult] = field(default_factory=list)
    split_rules: list[str] = field(default_factory=list)
    name: str = "all"

    def __repr__(self) -> str:  # short, for assertion messages
        return f"Report({str(self.gold_dir)!r}, part={self.name!r}, {len(self.documents)} documents)"

    # ------------------------------------------------------------ parts

    def part(self, name: str) -> "Report":
        """The documents of one part ("development", "validation"; "all" is the whole report)."""
        if name == "all":
            return self
        return Report(self.gold_dir, [d for d in self.documents if d.part == name], self.split_rules, name)

    # ------------------------------------------------------------ fact scores

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

    @property
    def agreement_precision(self) -> float:
        return self.type_score("agreements").precision

    # ------------------------------------------------------------ field scores

    def matched_pairs(self, fact_type: str = "overall") -> list[MatchedPair]:
        types = FACT_TYPES if fact_type == "overall" else (fact_type,)
        return [p for d in self.documents for t in types for p in d.matched[t]]

    def field_accuracy(self, fact_type: str = "overall") -> float | None:
        """Mean share of gold fields a matched fact gets right; None when nothing matched."""
        shares = [a for p in self.matched_pairs(fact_type) if (a := p.accuracy) is not None]
        return sum(shares) / len(shares) if shares else None

    def field_counts(self, fact_type: str) -> dict[str, tuple[int, int]]:
        """{field: (equal, compared)} over the type's matched facts."""
        counts: dict[str, list[int]] = {}
        for pair in self.matched_pairs(fact_type):
            for f, ok in pair.fields.items():
                c = counts.setdefault(f, [0, 0])
                c[0] += int(ok)
                c[1] += 1
        return {f: (c[0], c[1]) for f, c in counts.items()}

    def field_accuracies(self, fact_type: str) -> dict[str, float]:
        """{field: share of matched facts with that field right}."""
        return {f: ok / n for f, (ok, n) in self.field_counts(fact_type).items() if n}

    # ------------------------------------------------------------ text

    def summary_line(self) -> str:
        parts = [f"{t}={self.type_score(t).f1:.3f}" for t in FACT_TYPES]
        return "f1 " + " ".join(parts) + f" overall={self.overall.f1:.3f}"

    def table(self) -> str:
        lines = [f"{'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'fields':>7}"]
        for name in FACT_TYPES + ("overall",):
            s = self.type_score(name) if name != "overall" else self.overall
            lines.append(f"{name:<11} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d} "
                         f"{_fmt(self.field_accuracy(name)):>7}")
        ap = self.agreement_precision
        lines.append(f"agreement precision {ap:.3f} ({'meets' if ap >= AGREEMENT_PRECISION_TARGET else 'below'} "
                     f"the {AGREEMENT_PRECISION_TARGET:.2f} target); field accuracy on matched facts "
                     f"{_fmt(self.field_accuracy())}")
        for d in self.documents:
            if d.error:
                lines.append(f"ERROR {d.document_id}: {d.error}")
        return "\n".join(lines)

    def field_table(self) -> str:
        """Per-field accuracy on matched facts, the field most often wrong first."""
        lines = []
        for t in FACT_TYPES:
            counts = self.field_counts(t)
            if not counts:
                continue
            ranked = sorted(counts.items(), key=lambda kv: (kv[1][0] / kv[1][1], kv[0]))
            lines.append(f"fields {t:<10} " + "  ".join(f"{f} {ok / n:.2f} ({ok}/{n})" for f, (ok, n) in ranked))
        return "\n".join(lines)

    def details(self) -> str:
        """False positives, false negatives and wrong fields of matched facts, per document."""
        out: list[str] = []
        for doc in self.documents:
            rows: list[str] = []
            for t in FACT_TYPES:
                for kind, facts in (("FP", doc.false_positives[t]), ("FN", doc.false_negatives[t])):
                    for f in facts:
                        rows.append(f"  {kind} {t:<10} {_describe(t, f)}\n       | {_short(f.get('evidence'))}")
                for pair in doc.matched[t]:
                    wrong = [f for f, ok in pair.fields.items() if not ok]
                    if wrong:
                        diffs = ", ".join(f"{f}={pair.predicted.get(f)!r} (gold {pair.gold.get(f)!r})" for f in wrong)
                        rows.append(f"  FIELD {t:<10} {diffs}\n       | {_short(pair.gold.get('evidence'))}")
            if rows:
                out.append(f"== {doc.document_id} [{doc.part}]")
                out.extend(rows)
        return "\n".join(out)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


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
