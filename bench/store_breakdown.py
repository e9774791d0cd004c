"""Where the plain ingest's read and store time goes, chunk by chunk (issue #8).

Run: `.venv/bin/python bench/store_breakdown.py CORPUS WAREHOUSE` (CORPUS as written by
bench/corpus.py, e.g. /tmp/newsdigest-bench/corpus-100000; WAREHOUSE a new folder). It runs
`bench/perf_steps.py`'s plain ingest with timers wrapped around the sub-steps of `read_chunk`
and `store_chunk` (opening and closing connections, claim, parse, what is new, plan, write,
compaction, snapshot publish, and the rest of the store: mostly COMMIT), then prints each
sub-step's total and its mean per chunk over the first and the last tenth of the run: a step
whose cost grows with the warehouse shows a last tenth above its first. Writes the per-chunk
timings to WAREHOUSE.breakdown.json.
"""

from __future__ import annotations

import contextlib
import functools
import json
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.perf_steps import Phases  # noqa: E402


def _timed_connect(phases: Phases, tag: str, connect: Callable) -> Callable:
    @contextlib.contextmanager
    def opened(path: object, read_only: bool = False):  # noqa: ANN202
        con = phases.run(f"open_{tag}", connect, path, read_only)
        try:
            yield con
        finally:
            phases.run(f"close_{tag}", con.close)  # with no writer session, DuckDB checkpoints

    return opened


def main(corpus: Path, warehouse: Path) -> int:
    """Run the instrumented plain ingest; print the per-step table."""
    import bench.perf_steps as steps
    import newsdigest.warehouse as wh
    import tasks.claims as claims
    import tasks.ingest_chunk as chunk
    import tasks.store as store
    import tasks.store_batch as batch

    per_chunk: dict[str, list[float]] = defaultdict(list)
    ph = Phases()  # this chunk's sub-step times
    claims.connect = _timed_connect(ph, "store", wh.connect)
    chunk.connect = _timed_connect(ph, "read", wh.connect)
    for module, name, label in ((chunk, "claim", "claim"), (chunk, "read_seeds", "parse"),
                                (chunk, "fresh_articles", "fresh"), (batch, "_plan", "plan"),
                                (batch, "_write", "write"), (store, "compact", "compact"),
                                (chunk, "publish_or_warn", "publish")):  # fmt: skip
        setattr(module, name, functools.partial(ph.run, label, getattr(module, name)))
    store_chunk = chunk.store_chunk

    def store_and_record(*args: object, **kwargs: object) -> object:
        t0 = time.perf_counter()
        report = store_chunk(*args, **kwargs)
        parts = ("open_store", "plan", "write", "close_store", "publish")
        # the rest: COMMIT (WAL write, and a checkpoint when the WAL crosses its threshold),
        # dropping the claims, logging
        ph.t["store_rest"] = time.perf_counter() - t0 - sum(ph.t.get(p, 0.0) for p in parts)
        for name, seconds in ph.t.items():
            per_chunk[name].append(seconds)
        ph.t.clear()
        return report

    chunk.store_chunk = store_and_record  # perf_steps.plain imports it at call time
    result = steps.plain(corpus, warehouse)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["chunks"] = per_chunk
    Path(f"{warehouse}.breakdown.json").write_text(json.dumps(result, indent=1))
    print(f"{'step':<12}{'total s':>9}{'first 10% ms':>14}{'last 10% ms':>13}")
    for name, times in per_chunk.items():
        k = max(1, len(times) // 10)
        print(f"{name:<12}{sum(times):>9.1f}{1000 * sum(times[:k]) / k:>14.1f}"
              f"{1000 * sum(times[-k:]) / k:>13.1f}")  # fmt: skip
    print(f"total {result['seconds']:.1f} s, CPU {result['cpu_s']:.1f} s, peak RSS "
          f"{result['rss_mb']:.0f} MB, phases "
          + ", ".join(f"{k} {v:.1f}" for k, v in result["phases"].items()))  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
