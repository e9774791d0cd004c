"""One process ingests a stream of seed files while another queries the snapshot the whole time.

Checks: no errors on either side; the reader's article count only grows and always equals a
batch boundary the writer published; the writer's throughput drops by less than 20% while
the reader queries. Throughput is compared within one run: the writer flips a gate file so
the reader queries during batches 2, 3, 6, 7, … and idles during 1, 4, 5, 8, … (batch 0 makes
the warehouse and is left out; ABBA, so the
warehouse growing over the run and background load drift cancel out), and the drop is the
median over neighbouring idle/querying batch pairs (bench/concurrency.py `paired_drop`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROLES = Path(__file__).resolve().parents[1] / "bench" / "concurrency.py"


def run_pair(tmp: Path, batches: int, files: int, articles: int = 5, gate: bool = True,
             nice: int = 10) -> tuple[dict, dict]:  # fmt: skip
    """Start the reader, run the writer to completion, stop the reader; return both reports."""
    tmp.mkdir(parents=True, exist_ok=True)
    wh, stop, ready = tmp / "wh", tmp / "stop", tmp / "ready"
    gate_args = ["--gate", str(tmp / "gate")] if gate else []
    reader_args = ["--warehouse", str(wh), "--stop", str(stop), "--ready", str(ready),
                   "--pause", "0.02", "--nice", str(nice),
                   "--out", str(tmp / "r.json")]  # fmt: skip
    reader = subprocess.Popen([sys.executable, str(ROLES), "reader", *reader_args, *gate_args])
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert reader.poll() is None and time.monotonic() < deadline, "reader did not start"
            time.sleep(0.05)
        subprocess.run([sys.executable, str(ROLES), "writer", "--seeds", str(tmp / "seeds"),
                        "--warehouse", str(wh), "--batches", str(batches), "--files", str(files),
                        "--articles", str(articles), "--out", str(tmp / "w.json"), *gate_args],
                       check=True, timeout=900)  # fmt: skip
    finally:
        stop.touch()
        try:
            reader.wait(timeout=60)
        except subprocess.TimeoutExpired:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0
    return json.loads((tmp / "w.json").read_text()), json.loads((tmp / "r.json").read_text())


def check_whole_batches(writer: dict, reader: dict) -> None:
    """Zero errors; counts grow and are always published batch boundaries."""
    assert reader["errors"] == []
    assert writer["articles"] == writer["new_articles"]
    counts = reader["counts"]
    assert counts == sorted(counts), "the reader saw the article count go down"
    assert set(counts) <= set(writer["boundaries"]), "the reader saw half a batch"
    assert len(set(counts)) >= 2, "the reader saw too few snapshots to mean anything"


SMOKE_DROP_BOUND = 0.35


def drop(writer: dict) -> float:
    """Relative loss of writer throughput while the reader queries (median over batch pairs)."""
    return writer["paired_drop"]


def test_reader_sees_whole_batches_and_writer_keeps_pace(tmp_path: Path, record_property) -> None:
    writer, reader = run_pair(tmp_path, batches=12, files=5)
    snaps = len(set(reader["counts"]))
    print(f"\nwriter {writer['rate_reader_off']:.1f} art/s idle reader, "
          f"{writer['rate_reader_on']:.1f} art/s querying reader: drop {drop(writer):.1%}; "
          f"reader {reader['queries']} queries, {snaps} snapshots, "
          f"{len(reader['errors'])} errors")  # fmt: skip
    record_property("writer_drop", round(drop(writer), 3))
    check_whole_batches(writer, reader)
    # 12 short batches are noisy (observed -6% to 16% on a loaded 2-core box): this smoke bound
    # catches a reader that really stalls the writer; the 20% target is asserted by the slow
    # test below over many more batches, and measured by bench/snapshot_bench.py.
    assert drop(writer) < SMOKE_DROP_BOUND


@pytest.mark.slow
def test_long_stream_with_a_reader_querying_all_the_time(tmp_path: Path) -> None:
    gated, gated_reader = run_pair(tmp_path / "gated", batches=16, files=10)
    check_whole_batches(gated, gated_reader)
    alone = tmp_path / "alone"
    args = ["--seeds", str(alone / "seeds"), "--warehouse", str(alone / "wh"), "--batches", "8",
            "--files", "10", "--out", str(tmp_path / "alone.json")]  # fmt: skip
    subprocess.run([sys.executable, str(ROLES), "writer", *args], check=True, timeout=900)
    base = json.loads((tmp_path / "alone.json").read_text())
    busy, busy_reader = run_pair(tmp_path / "busy", batches=8, files=10, gate=False)
    check_whole_batches(busy, busy_reader)
    separate = 1 - busy["articles_per_second"] / base["articles_per_second"]
    print(f"\nABBA drop {drop(gated):.1%}; separate runs {base['articles_per_second']:.1f} vs "
          f"{busy['articles_per_second']:.1f} art/s (drop {separate:.1%}); "
          f"reader {busy_reader['queries']} queries over {len(set(busy_reader['counts']))} "
          "snapshots")  # fmt: skip
    assert drop(gated) < 0.20
