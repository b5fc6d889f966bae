"""The source registry: ``sources/registry.yml``, one entry per source.

Plain Python, no Dagster. A source id is the Dagster partition key of the
per-source assets, so ids must be stable slugs.

Each entry is validated by a pydantic model (strict types: ``max_links: lots``
or ``enabled: "false"`` are refused, not coerced); any problem raises
:class:`RegistryError` with one line naming the file, the source and the field.
Snapshot files are confined to ``sources/snapshots/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from datetime import date
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError, field_validator

from pipelines.settings import REPO_ROOT

DEFAULT_REGISTRY = REPO_ROOT / "sources" / "registry.yml"  # see settings.registry_path() for the env override
SNAPSHOT_DIR = REPO_ROOT / "sources" / "snapshots"

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HOST = re.compile(r"^(\*\.)?[A-Za-z0-9.\-\[\]:]+$")
KINDS = ("html", "pdf")
MAX_LINKS_LIMIT = 1000


class RegistryError(ValueError):
    """The registry file is malformed; the message names the file, the entry and the field."""


@dataclass(frozen=True)
class IndexSpec:
    """An index page whose article links are followed one level deep."""

    link_pattern: str
    max_links: int = 20


def snapshot_file(name: str, *, base: Path | None = None) -> Path:
    """``name`` resolved inside the snapshot folder; ValueError if it would leave it.

    Refused: absolute paths, ``..`` parts, and names that resolve (through a
    symlink) outside ``sources/snapshots/``.
    """
    base = SNAPSHOT_DIR if base is None else base
    if not name or not name.strip():
        raise ValueError("snapshot must be a file name under sources/snapshots/")
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or re.match(r"^[A-Za-z]:", name) or ".." in pure.parts:
        raise ValueError(f"snapshot {name!r} must be a relative path inside sources/snapshots/ (no '..', not absolute)")
    path = base / pure
    try:
        path.resolve().relative_to(base.resolve())
    except ValueError:
        raise ValueError(f"snapshot {name!r} resolves outside sources/snapshots/") from None
    return path


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
    allow_hosts: tuple[str, ...] = field(default_factory=tuple)  # other hosts redirects and index links may reach
    enabled: bool = True

    @property
    def snapshot_path(self) -> Path | None:
        """The snapshot file, always inside sources/snapshots/ (ValueError if the name escapes it)."""
        return snapshot_file(self.snapshot) if self.snapshot else None


# ---------------------------------------------------------------- validation (pydantic)


class _Index(BaseModel):
    model_config = ConfigDict(extra="forbid")

    link_pattern: StrictStr
    max_links: Annotated[StrictInt, Field(ge=1, le=MAX_LINKS_LIMIT)] = 20

    @field_validator("link_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"bad link_pattern: {exc}") from None
        return value


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: StrictStr
    publisher: StrictStr
    kind: StrictStr = "html"
    url: StrictStr | None = None
    university: StrictStr | None = None
    snapshot: StrictStr | None = None
    published: StrictStr | StrictInt | date | None = None  # YAML reads 2020-05-01 as a date
    index: _Index | None = None
    allow_hosts: list[StrictStr] = []
    allowed_redirect_hosts: list[StrictStr] = []  # the former name of allow_hosts
    enabled: StrictBool = True

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id {value!r} must be a lower-case slug [a-z0-9_]")
        return value

    @field_validator("publisher")
    @classmethod
    def _non_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {value!r}")
        return value

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+", value, re.I):
            raise ValueError(f"url {value!r} must be an absolute http(s) URL")
        return value or None

    @field_validator("snapshot")
    @classmethod
    def _confined(cls, value: str | None) -> str | None:
        if value is not None:
            snapshot_file(value)
        return value or None

    @field_validator("published", mode="after")
    @classmethod
    def _date(cls, value: str | int | date | None) -> str | None:
        if value is None:
            return None
        value = str(value)
        if not _DATE.match(value):
            raise ValueError(f"published {value!r} is not YYYY[-MM[-DD]]")
        try:
            parts = [int(p) for p in value.split("-")] + [1, 1]
            date(parts[0], parts[1], parts[2])
        except ValueError:
            raise ValueError(f"published {value!r} is not a real date") from None
        return value

    @field_validator("allow_hosts", "allowed_redirect_hosts")
    @classmethod
    def _hosts(cls, value: list[str]) -> list[str]:
        for host in value:
            if not host.strip() or not _HOST.match(host.strip()):
                raise ValueError(f"{host!r} is not a host name")
        return [h.strip() for h in value]


def _describe(error: dict) -> str:
    """One pydantic error as 'field: problem'."""
    loc = ".".join(str(p) for p in error.get("loc", ()) if not str(p).startswith(("function-", "constrained-")))
    loc = re.sub(r"\.(str|int|bool|list\[str\]|nullable\[.*?\]|_Index)\b", "", loc)
    msg = error.get("msg", "invalid").removeprefix("Value error, ")
    kind = error.get("type", "")
    given = error.get("input")
    if kind == "missing":
        return f"missing required field '{loc}'"
    if kind == "extra_forbidden":
        return f"unknown field '{loc}'"
    if kind == "bool_type":
        msg += "; write true or false, unquoted"
    shown = f" (got {given!r})" if kind not in ("value_error",) and not isinstance(given, (dict, list)) else ""
    if isinstance(given, str) and len(given) > 60:
        shown = f" (got {given[:57]!r}...)"
    return f"field '{loc}': {msg}{shown}"


def _source_from(entry: object, where: str) -> Source:
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping of fields, got {type(entry).__name__}")
    name = entry.get("id") if isinstance(entry.get("id"), str) else None
    label = f"{where} (source {name!r})" if name else where
    try:
        model = _Entry.model_validate(entry)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = _describe(errors[0])
        more = f" (and {len(errors) - 1} more problem(s) in this entry)" if len(errors) > 1 else ""
        raise RegistryError(f"{label}: {first}{more}") from None
    if not model.url and not model.snapshot:
        raise RegistryError(f"{label}: needs a url, a snapshot, or both")
    index = IndexSpec(model.index.link_pattern, model.index.max_links) if model.index else None
    return Source(
        id=model.id,
        publisher=model.publisher,
        kind=model.kind,
        url=model.url,
        university=model.university or None,
        snapshot=model.snapshot,
        published=model.published,
        index=index,
        allow_hosts=tuple(dict.fromkeys([*model.allow_hosts, *model.allowed_redirect_hosts])),
        enabled=model.enabled,
    )


def load_registry(path: str | Path = DEFAULT_REGISTRY, *, include_disabled: bool = False) -> list[Source]:
    """Read and validate the registry; raise RegistryError (one line, naming the file) on bad input."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise RegistryError(f"{path}: registry file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read the registry file: {exc}") from exc
    except yaml.YAMLError as exc:
        first = " ".join(str(exc).split())
        raise RegistryError(f"{path}: not valid YAML: {first}") from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(data, dict) or "sources" not in data:
        raise RegistryError(f"{path}: expected a top-level 'sources:' list")
    if entries is None or entries == []:
        raise RegistryError(f"{path}: 'sources:' is empty; list at least one source (see sources/README.md)")
    if not isinstance(entries, list):
        raise RegistryError(f"{path}: 'sources:' must be a list of entries, got {type(entries).__name__}")
    sources = [_source_from(e, f"{path}: sources[{i}]") for i, e in enumerate(entries)]
    seen: set[str] = set()
    for s in sources:
        if s.id in seen:
            raise RegistryError(f"{path}: duplicate source id {s.id!r}")
        seen.add(s.id)
    return [s for s in sources if include_disabled or s.enabled]
