"""The source registry: ``sources/registry.yml``, one entry per source.

Plain Python, no Dagster. A source id is the Dagster partition key of the
per-source assets, so ids must be stable slugs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipelines.settings import REPO_ROOT

DEFAULT_REGISTRY = REPO_ROOT / "sources" / "registry.yml"  # see settings.registry_path() for the env override
SNAPSHOT_DIR = REPO_ROOT / "sources" / "snapshots"

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KINDS = ("html", "pdf")


class RegistryError(ValueError):
    """The registry file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class IndexSpec:
    """An index page whose article links are followed one level deep."""

    link_pattern: str
    max_links: int = 20


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    kind: str = "html"
    url: str | None = None
    university: str | None = None
    snapshot: str | None = None
    published: str | None = None
    index: IndexSpec | None = None
    allowed_redirect_hosts: tuple[str, ...] = field(default_factory=tuple)
    enabled: bool = True

    @property
    def snapshot_path(self) -> Path | None:
        return SNAPSHOT_DIR / self.snapshot if self.snapshot else None


def _source_from(entry: dict, where: str) -> Source:
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(entry).__name__}")
    known = {f for f in Source.__dataclass_fields__}
    unknown = set(entry) - known
    if unknown:
        raise RegistryError(f"{where}: unknown field(s) {sorted(unknown)}")
    for required in ("id", "publisher"):
        if not entry.get(required):
            raise RegistryError(f"{where}: missing required field '{required}'")
    sid = str(entry["id"])
    if not _ID.match(sid):
        raise RegistryError(f"{where}: id {sid!r} must be a lower-case slug [a-z0-9_]")
    kind = entry.get("kind", "html")
    if kind not in KINDS:
        raise RegistryError(f"{where} ({sid}): kind must be one of {KINDS}, got {kind!r}")
    if not entry.get("url") and not entry.get("snapshot"):
        raise RegistryError(f"{where} ({sid}): needs a url, a snapshot, or both")
    published = entry.get("published")
    if published is not None:
        published = str(published)
        if not _DATE.match(published):
            raise RegistryError(f"{where} ({sid}): published {published!r} is not YYYY[-MM[-DD]]")
    index = entry.get("index")
    if index is not None:
        if not isinstance(index, dict) or "link_pattern" not in index:
            raise RegistryError(f"{where} ({sid}): index needs a link_pattern")
        try:
            re.compile(index["link_pattern"])
        except re.error as exc:
            raise RegistryError(f"{where} ({sid}): bad link_pattern: {exc}") from exc
        index = IndexSpec(link_pattern=index["link_pattern"], max_links=int(index.get("max_links", 20)))
    return Source(
        id=sid,
        publisher=str(entry["publisher"]),
        kind=kind,
        url=entry.get("url") or None,
        university=entry.get("university") or None,
        snapshot=entry.get("snapshot") or None,
        published=published,
        index=index,
        allowed_redirect_hosts=tuple(entry.get("allowed_redirect_hosts") or ()),
        enabled=bool(entry.get("enabled", True)),
    )


def load_registry(path: str | Path = DEFAULT_REGISTRY, *, include_disabled: bool = False) -> list[Source]:
    """Read and validate the registry; raise RegistryError naming the file on bad input."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: registry file not found") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from exc
    entries = (data or {}).get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: expected a top-level 'sources:' list")
    sources = [_source_from(e, f"{path}: sources[{i}]") for i, e in enumerate(entries)]
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise RegistryError(f"{path}: duplicate source id {s.id!r}")
        seen.add(s.id)
    return [s for s in sources if include_disabled or s.enabled]
