"""Garbage-collector settings: for the processes that annotate, and around the digest's build."""

from __future__ import annotations

import atexit
import contextlib
import gc
from collections.abc import Iterator
from functools import cache

GEN0_THRESHOLD = 50_000  # allocations between young collections (CPython's default: 700)


@cache
def tune_gc() -> None:
    """Once per process, after the NLP tables are loaded: freeze them, collect young less often.

    Annotating allocates millions of short-lived tokens, dicts and dataclasses. With CPython's
    defaults each young collection, and the full collections they trigger, walks the ~250k
    long-lived objects of the gazetteer, lexicons and Punkt model, and unpickling a worker's
    annotations set off a collection every 700 objects. `gc.freeze()` moves what exists now
    out of the collector's sight (reference counting still frees it), and a higher gen-0
    threshold runs fewer young collections: ~7% less CPU annotating and round-tripping a chunk
    through pickle (`bench/gc_probe.py`).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(GEN0_THRESHOLD, 20, 100)
    # Frozen objects are never collected, not even at exit, where DuckDB's bindings would then
    # report them as leaks: hand them back to the collector first.
    atexit.register(gc.unfreeze)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collections inside: for work whose many new objects all live until it ends.

    Building a digest's context and rendering it create hundreds of thousands of small objects
    (views, escaped strings, template chunks) that survive to the end; each young collection
    then walks them and the day's rows again: ~225 collections and ~15% of the CPU of a
    2,000-article day (`bench/render_bench.py`, timed by `gc.callbacks`). Reference counting
    still frees everything acyclic; what is cyclic waits for the first collection after the
    block. Usable as a decorator.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
