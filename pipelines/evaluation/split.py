"""Which part of the evaluation each gold document belongs to: development or validation.

* A document listed in ``pipelines/devset_split.yml`` (drawn once for the
  devset, stratified by page group) belongs to the part that lists it.
* Any other document (the seeds gold, test fixtures, pages added later) is
  assigned by the SHA-256 of its id: ``int(sha256(id), 16) % 3 == 0`` goes to
  validation (about a third), the rest to development. This depends on the id
  alone, so a document never changes part when others are added.
* Should that leave a part empty while there are two or more documents, the
  hashed document with the smallest digest moves to the empty part, so every
  gold set reports two parts.

The rules applied are returned with the assignment, and printed in the report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipelines.evaluation.common import EvaluationError
from pipelines.settings import REPO_ROOT

PARTS = ("development", "validation")
SPLIT_FILE = Path(__file__).resolve().parents[1] / "devset_split.yml"


def load_split_file(path: str | Path | None = None) -> dict[str, str]:
    """{document id: part} from a split file; a missing file is an empty split."""
    path = Path(path) if path is not None else SPLIT_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise EvaluationError(f"split file {path} is unreadable: {exc}") from exc
    if not isinstance(data, dict) or set(data) - set(PARTS):
        raise EvaluationError(f"split file {path}: expected only the keys {', '.join(PARTS)}")
    listed: dict[str, str] = {}
    for part in PARTS:
        ids = data.get(part) or []
        if not isinstance(ids, list) or not all(isinstance(i, str) and i for i in ids):
            raise EvaluationError(f"split file {path}: '{part}' must be a list of document ids")
        for doc_id in ids:
            if doc_id in listed and listed[doc_id] != part:
                raise EvaluationError(f"split file {path}: {doc_id!r} is listed in both parts")
            listed[doc_id] = part
    return listed


def _digest(doc_id: str) -> int:
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16)


def hashed_part(doc_id: str) -> str:
    return "validation" if _digest(doc_id) % 3 == 0 else "development"


@dataclass
class Split:
    parts: dict[str, str]
    rules: list[str] = field(default_factory=list)

    def ids(self, part: str) -> list[str]:
        return [d for d, p in self.parts.items() if p == part]


def assign_parts(doc_ids: list[str], listed: dict[str, str], split_file: str | Path | None = None) -> Split:
    """Assign each document to a part (rules in the module docstring) and describe the rules applied."""
    source = Path(split_file) if split_file is not None else SPLIT_FILE
    try:
        source_name = str(source.relative_to(REPO_ROOT))
    except ValueError:
        source_name = str(source)
    parts: dict[str, str] = {}
    hashed: list[str] = []
    for doc_id in doc_ids:
        if doc_id in listed:
            parts[doc_id] = listed[doc_id]
        else:
            parts[doc_id] = hashed_part(doc_id)
            hashed.append(doc_id)
    rules: list[str] = []
    n_listed = len(doc_ids) - len(hashed)
    if n_listed:
        rules.append(f"{n_listed} document(s) by {source_name}")
    if hashed:
        rules.append(f"{len(hashed)} document(s) not listed in {source_name}: sha256(id) % 3 == 0 -> validation, "
                     "else development")
    if len(doc_ids) >= 2 and hashed:
        for empty in PARTS:
            if empty not in parts.values():
                mover = min(hashed, key=_digest)
                parts[mover] = empty
                rules.append(f"{empty} would be empty: {mover} moved there")
    return Split(parts, rules)
