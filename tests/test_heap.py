"""The annotating processes' collector settings (newsdigest/heap.py), in a fresh interpreter."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = """
import gc, json, duckdb
from newsdigest.heap import GEN0_THRESHOLD, tune_gc
con = duckdb.connect()
con.execute("CREATE TABLE t AS SELECT range AS x FROM range(10)")
before = gc.get_freeze_count()
tune_gc(); tune_gc()
print(json.dumps({"frozen_before": before, "frozen": gc.get_freeze_count(),
                  "gen0": gc.get_threshold()[0], "want": GEN0_THRESHOLD}))
"""


def test_tune_gc_freezes_the_loaded_heap_and_exits_cleanly() -> None:
    out = subprocess.run([sys.executable, "-c", _SCRIPT], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True)  # fmt: skip
    got = json.loads(out.stdout)
    assert got["frozen_before"] == 0 and got["frozen"] > 1000  # the imported modules' objects
    assert got["gen0"] == got["want"]
    # frozen objects must go back to the collector at exit, or DuckDB's bindings report leaks
    assert "leak" not in out.stderr, out.stderr


def test_gc_paused_disables_the_collector_inside_and_restores_its_state() -> None:
    from newsdigest.heap import gc_paused

    seen = []

    @gc_paused()
    def build() -> None:
        seen.append(gc.isenabled())
        with gc_paused():  # nested: the outer block keeps it off when the inner one ends
            pass
        seen.append(gc.isenabled())

    assert gc.isenabled()
    build()
    assert seen == [False, False] and gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError
    assert gc.isenabled()  # back on after an exception too
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
