"""Bounds on the work one page may cost: a main-text size cap and a time budget.

Plain Python, no Dagster. The stages (pipelines.stages) apply them around
parse and extract, so a hostile or broken page (a 50 MB body, text that makes
a step crawl) becomes an error recorded for that page, never a stuck run:

* ``PARTNERSHIPS_MAX_TEXT_CHARS`` (default 200,000): a document's main text
  longer than this is cut at the last line break before the cap; the cut is
  recorded as an error for the page (and the source's health shows it);
* ``PARTNERSHIPS_PAGE_SECONDS`` (default 120): parse and extract of one page
  together may take this long; past it the step is stopped and recorded as an
  error, and the page's last good document and facts stay in use.

The time budget is enforced by running the step in a forked child process
that is killed when the budget runs out: a step stuck in C code (a regular
expression, the HTML parser) cannot be interrupted any other way. Where
``fork`` is not available the step runs in-process and an overrun is
detected (and recorded) only when it ends. The worker runs with the cyclic
garbage collector off: it exits when the step ends (freeing everything), and
on a huge page's millions of tree nodes the collector's passes made the cost
grow faster than the page.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAX_TEXT_CHARS_ENV = "PARTNERSHIPS_MAX_TEXT_CHARS"
PAGE_SECONDS_ENV = "PARTNERSHIPS_PAGE_SECONDS"
DEFAULT_MAX_TEXT_CHARS = 200_000  # ~100 printed pages; extraction of that much fits the time budget
DEFAULT_PAGE_SECONDS = 120.0


class LimitError(Exception):
    """A page went past a limit; the message says which and by how much."""


class BudgetExceeded(LimitError):
    """A step ran past the page's time budget and was stopped."""


class StepFailed(Exception):
    """The step raised in the child process; ``type_name`` and ``message`` are the original's."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name, self.message = type_name, message


@dataclass(frozen=True)
class PageLimits:
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    page_seconds: float = DEFAULT_PAGE_SECONDS

    def __post_init__(self) -> None:
        if not isinstance(self.max_text_chars, int) or self.max_text_chars < 1:
            raise ValueError(f"max_text_chars must be a positive integer, got {self.max_text_chars!r}")
        if not self.page_seconds > 0:
            raise ValueError(f"page_seconds must be > 0, got {self.page_seconds!r}")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> PageLimits:
        """Defaults, then $PARTNERSHIPS_MAX_TEXT_CHARS and $PARTNERSHIPS_PAGE_SECONDS (ValueError naming a bad one)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, var, kind in (("max_text_chars", MAX_TEXT_CHARS_ENV, int), ("page_seconds", PAGE_SECONDS_ENV, float)):
            raw = (env.get(var) or "").strip()
            if not raw:
                continue
            try:
                values[name] = kind(raw.replace("_", ""))
                cls(**{name: values[name]})
            except ValueError as exc:
                raise ValueError(f"${var}={raw!r}: expected a positive number ({exc})") from None
        return cls(**values)


def cap_text(text: str, max_chars: int) -> tuple[str, int | None]:
    """``text`` cut to at most ``max_chars`` (at the last line break before the cap, if any);
    and its original length when it was cut, else None."""
    if len(text) <= max_chars:
        return text, None
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut < max_chars // 2:
        cut = max_chars
    return text[:cut].rstrip(), len(text)


def _child(conn, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    # The worker exits when the step ends, so its memory is freed then: no cyclic garbage
    # collection needed, and on a huge page's millions of tree nodes it only costs time.
    gc.disable()
    try:
        result = (True, fn(*args, **kwargs))
    except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent as text
        result = (False, (type(exc).__name__, str(exc)[:2000], traceback.format_exc(limit=5)))
    try:
        conn.send(result)
    except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
        conn.send((False, (type(exc).__name__, f"cannot return the result: {exc}", "")))
    finally:
        conn.close()


def _fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_with_budget(fn: Callable[..., Any], *args: Any, seconds: float, what: str = "step", **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` with at most ``seconds`` of wall time.

    Returns its result; raises :class:`BudgetExceeded` when time runs out (the
    child is killed), :class:`StepFailed` when ``fn`` raised (type name and
    message kept), or :class:`LimitError` when the child died (killed for
    memory, a crash in C code).
    """
    if seconds <= 0:
        raise BudgetExceeded(f"{what}: no time left in the page's budget")
    if not _fork_available() or multiprocessing.current_process().daemon:
        # no fork (not Linux), or a daemonic worker (a Celery prefork child) that may not have children:
        # the step runs in this process and an overrun is recorded when it ends
        started = time.monotonic()
        result = fn(*args, **kwargs)
        if time.monotonic() - started > seconds:
            raise BudgetExceeded(f"{what}: took {time.monotonic() - started:.1f}s, over the {seconds:g}s budget")
        return result
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args, kwargs), daemon=True, name=f"budget:{what}"[:60])
    proc.start()
    sender.close()
    try:
        if not receiver.poll(seconds):
            proc.kill()
            raise BudgetExceeded(f"{what}: stopped after {seconds:g}s, the time budget per page ({PAGE_SECONDS_ENV})")
        try:
            ok, payload = receiver.recv()
        except EOFError:
            proc.join(5)
            raise LimitError(f"{what}: the worker process died (exit code {proc.exitcode}): out of memory "
                             "or a crash in native code") from None
    finally:
        receiver.close()
        proc.join(5)
        if proc.is_alive():  # pragma: no cover
            proc.kill()
            proc.join()
    if ok:
        return payload
    type_name, message, _tb = payload
    raise StepFailed(type_name, message)
