"""Smoke run of the perf suite (bench/perf.py) at a small N: fails when a target is missed by 2x.

Targets the pipeline is known to miss at any N are xfail with the measured reason
(docs/performance.md); the ones that fixed costs swamp at a small N are checked by the full run.
The digest is checked on CPU seconds (render_bench's CPU column): its wall time on a shared
machine measures the other jobs as much as the renderer. Targets in absolute seconds hold for
the machine of the documented runs; on a slower one they are loosened by how much slower the
floor ran in this same smoke run (never tightened), since ratios hold on any machine and
seconds do not.
"""

from __future__ import annotations

import statistics

import pytest

from bench.perf import measure
from bench.perf_report import Ratio, ratio_rows

SIZES = (300, 1000)  # the issue asks CI for N = 1k
# Measured misses (docs/performance.md), xfail until the pipeline reaches them.
KNOWN_MISSES = {
    "end-to-end ingest": "entities + countries cost about the summarizer (floor) again, store "
    "and parse ~0.5x more",
    "ingest without Prefect": "entities + countries cost about the summarizer (floor) again, "
    "store and parse ~0.5x more",
}
# At N = 1k the flow's fixed costs (~1 s per sync flow run, pool start, one snapshot publish)
# dominate these, so the smoke run only catches gross breakage (e.g. a rerun that re-reads
# every file costs ~100%); the full run (N = 10k) checks the real targets.
FIXED_COST_BOUNDS = {"Prefect share": 0.6, "incremental": 0.6, "2-worker speedup of": 0.5}
# Floor CPU rate of the documented bench machine at N = 1k (docs/performance.md, run of
# 2026-11-21 14:18 UTC: 1,070 articles/s), against which the absolute-seconds targets are set.
REFERENCE_FLOOR_RATE = 1070.0
SECONDS_TARGETS = ("pathological", "digest of a 2,000-article day, CPU", "slowest example")


@pytest.fixture(scope="module")
def results(shared, tmp_path_factory) -> dict:  # noqa: ANN001
    """One smoke run of every step at N = 300 and 1k (each step in its own process)."""
    work = tmp_path_factory.mktemp("bench")
    return measure(list(SIZES), [1, 1], work, flow_max=max(SIZES), log=lambda _: None, smoke=True)


@pytest.fixture(scope="module")
def rows(results: dict) -> dict[str, Ratio]:
    """The run's targets by name."""
    return {r.name: r for r in ratio_rows(results)}


def slowness(results: dict) -> float:
    """How many times slower than the reference machine this run's floor was (at least 1)."""
    floor = results["sizes"][str(max(SIZES))]["floor"]
    rate = statistics.median(r["articles"] / r["cpu_s"] for r in floor)
    return max(1.0, REFERENCE_FLOOR_RATE / rate)


def test_smoke_run_covers_every_target(rows: dict[str, Ratio]) -> None:
    names = " | ".join(rows)  # full target names
    for word in ("floor", "Prefect share", "incremental", "2-worker", "time(", "peak RSS",
                 "pathological", "digest", "newsdigest sql"):  # fmt: skip
        assert word in names, word


@pytest.mark.parametrize(
    "target",
    [
        "time(",
        "peak RSS(",
        "peak RSS MB",
        "pathological",
        "digest of a 2,000-article day, CPU",
        "slowest example",
        "end-to-end ingest",
        "ingest without Prefect",
    ],  # fmt: skip
)
def test_target_not_missed_by_2x(rows: dict[str, Ratio], results: dict, target: str) -> None:
    row = next(r for name, r in rows.items() if name.startswith(target))
    factor = 2 * (slowness(results) if target in SECONDS_TARGETS else 1.0)
    reason = next((why for key, why in KNOWN_MISSES.items() if target.startswith(key)), None)
    if reason and not row.ok_within(factor):
        pytest.xfail(f"{row.name}: {row.value:.2f} (limit {row.limit:g}): {reason}")
    assert row.ok_within(factor), (
        f"{row.name}: {row.value:.3f}, limit {row.limit:g} (x{factor:.2f})"
    )


@pytest.mark.parametrize("target", sorted(FIXED_COST_BOUNDS))
def test_fixed_cost_dominated_ratio_is_sane(rows: dict[str, Ratio], target: str) -> None:
    row = next(r for name, r in rows.items() if name.startswith(target))
    bound = FIXED_COST_BOUNDS[target]
    assert row.value <= bound if row.upper else row.value >= bound, (row.name, row.value)
