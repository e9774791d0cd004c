"""What a stored chunk tells the operator: few INFO lines, every problem file named."""

from __future__ import annotations

import logging

from tasks.ingest_chunk import chunk_log_lines
from tasks.store import FileOutcome, StoreReport


def _report(new: int, failed: int = 0, duplicate: int = 0) -> StoreReport:
    outs = [FileOutcome(f"new-{i:03d}.txt", "new", "ab" * 32, articles=3) for i in range(new)]
    outs += [FileOutcome(f"bad-{i}.txt", "failed", "", reason="not UTF-8") for i in range(failed)]
    outs += [FileOutcome(f"dup-{i}.txt", "duplicate", "cd" * 32) for i in range(duplicate)]
    return StoreReport(outs)


def _info(lines: list[tuple[str, int]]) -> list[str]:
    return [text for text, level in lines if level >= logging.INFO]


def test_a_few_new_files_are_each_named() -> None:
    info = _info(chunk_log_lines(_report(3), named=5))
    assert len(info) == 3
    assert all("stored 3 new article(s)" in line for line in info)


def test_a_big_chunk_logs_one_total_and_every_problem_file() -> None:
    lines = chunk_log_lines(_report(100, failed=2, duplicate=1), named=5)
    info = _info(lines)
    assert info[0].startswith("100 new files stored, 300 new article(s)")
    assert "new-000.txt" in info[0] and "new-099.txt" in info[0]
    assert sorted(line.split(":")[0] for line in info[1:]) == [
        "bad-0.txt",
        "bad-1.txt",
        "dup-0.txt",
    ]
    assert "failed: not UTF-8" in info[1]
    debug = [text for text, level in lines if level == logging.DEBUG]
    assert len(debug) == 100  # per-file detail is still there for a debug log
