"""Bounded cost: pathological inputs finish within a time and memory budget (ingest caps).

Per-file pipeline (decode → split → caps → annotate → store) on the cases of
bench/pathological.py, each in a fresh subprocess. Budgets are generous multiples of the
figures in docs/reliability.md, so a shared CI machine does not flake; the doubling check is
what shows the caps: twice the input costs at most ~2.1x the time (here ~1x, capped).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pathological import measure, run_case  # noqa: E402

from tasks.discover import MAX_ARTICLE_CHARS  # noqa: E402

BUDGET_S, BUDGET_RSS_MB = 20.0, 1000


@pytest.mark.parametrize("case", ["1mb-line-no-punct", "20000-sentences", "a-dot-100000"])
def test_pathological_article_is_capped_and_cheap(case: str) -> None:
    r = run_case(case, 1.0)  # in-process (fast); peak RSS is measured per subprocess when slow
    assert r["status"] == "new" and r["articles"] == 1
    assert r["chars_kept"] <= MAX_ARTICLE_CHARS
    assert r["total_s"] < BUDGET_S


def test_doubling_a_capped_input_does_not_double_the_time() -> None:
    one = min(run_case("1mb-line-no-punct", 1.0)["total_s"] for _ in range(2))
    two = min(run_case("1mb-line-no-punct", 2.0)["total_s"] for _ in range(2))
    assert two <= 2.1 * one + 0.3  # 0.3 s of slack for timer noise on small figures


@pytest.mark.slow
@pytest.mark.parametrize("case", ["1mb-line-no-punct", "20000-sentences", "a-dot-100000"])
def test_pathological_article_memory(case: str) -> None:
    r = measure(case)  # fresh subprocess: its own peak RSS
    assert r["total_s"] < BUDGET_S and r["peak_rss_mb"] < BUDGET_RSS_MB


@pytest.mark.slow
@pytest.mark.parametrize("case", ["50mb-one-article", "50mb-no-header"])
def test_50_mb_file_within_budget(case: str) -> None:
    r = measure(case)
    assert r["total_s"] < 120 and r["peak_rss_mb"] < 2500
    if case == "50mb-no-header":
        assert r["status"] == "failed" and "no articles found" in r["reason"]
    else:
        assert r["chars_kept"] <= MAX_ARTICLE_CHARS
