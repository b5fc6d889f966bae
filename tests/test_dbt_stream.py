"""pipelines/dbt_stream.py: dagster-dbt's imap without the busy wait gives what dagster's gives."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from dagster._core.utils import imap as dagster_imap

from pipelines import dbt_stream


def slow_source(items, gate: threading.Event | None = None, fail_after: int | None = None):
    """Yields items as dbt's event stream does: nothing until the process ends (gate), then all."""
    if gate is not None:
        gate.wait(5)
    for i, item in enumerate(items):
        if fail_after is not None and i == fail_after:
            raise RuntimeError("the stream broke")
        yield item


@pytest.mark.parametrize("imap", [dagster_imap, dbt_stream.imap], ids=["dagster", "dbt_stream"])
def test_same_results_in_the_same_order_and_the_same_errors(imap):
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(imap(pool, slow_source(range(50)), lambda x: x * x)) == [x * x for x in range(50)]
        assert list(imap(pool, slow_source([]), lambda x: x)) == []
        with pytest.raises(RuntimeError, match="the stream broke"):  # after the items before the break
            got = []
            for value in imap(pool, slow_source(range(10), fail_after=3), lambda x: x):
                got.append(value)
        assert got == [0, 1, 2]

        def boom(x):
            if x == 2:
                raise ValueError("map failed")
            return x

        with pytest.raises(ValueError, match="map failed"):
            list(imap(pool, slow_source(range(5)), boom))


def test_waiting_for_the_stream_costs_no_cpu():
    gate = threading.Event()
    threading.Timer(1.0, gate.set).start()
    cpu, wall = time.thread_time(), time.monotonic()
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(dbt_stream.imap(pool, slow_source(range(3), gate), lambda x: x)) == [0, 1, 2]
    assert time.monotonic() - wall >= 0.9
    assert time.thread_time() - cpu < 0.3, "the consumer spun while waiting for the stream"


def test_installed_where_the_dbt_assets_stream_their_events():
    import dagster_dbt.core.dbt_event_iterator as events

    import pipelines.defs.models  # noqa: F401 - installs it

    assert events.imap is dbt_stream.imap
