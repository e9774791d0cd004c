"""Crash safety: SIGKILL an ingest subprocess at seeded random moments; nothing lost or doubled.

The subprocess is tests/reliability/ingest_driver.py: the `ingest-seeds` flow body with its
task wrappers swapped for plain functions (no Prefect server start-up). After each kill the
warehouse is opened with a fresh connection and checked; a rerun must then finish the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.kill import run_trials


def _assert_all_ok(trials) -> None:
    bad = [(t.seed, t.after_kill, t.after_rerun) for t in trials if not t.ok]
    assert not bad, f"{len(bad)}/{len(trials)} kill trials inconsistent: {bad}"


def test_three_kill_trials_over_30_files(tmp_path: Path) -> None:
    trials = run_trials(tmp_path, trials=3, n_files=30, first_seed=100)
    _assert_all_ok(trials)
    assert any(t.killed for t in trials), "no trial was killed mid-run"
    for t in trials:  # the rerun did the rest: every file either done before or new now
        assert t.done_at_kill + t.rerun_new == 30


@pytest.mark.slow
def test_twenty_kill_trials_over_200_files(tmp_path: Path) -> None:
    trials = run_trials(tmp_path, trials=20, n_files=200)
    _assert_all_ok(trials)
    assert sum(t.killed for t in trials) >= 15
