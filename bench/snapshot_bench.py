"""Snapshot publish time and writer slowdown on a 10,000-article warehouse.

Run: `.venv/bin/python bench/snapshot_bench.py [--articles 10000] [--repeat 5] [--batches 8]`.

1. Builds a warehouse of invented articles in bulk (no NLP) and times `publish_snapshot`.
2. Copies it and streams new seed batches through the real parse/annotate/store steps
   (bench/concurrency.py writer): once with a reader idle/querying in ABBA order, which
   gives the publish share of the writer's time and the drop while an analyst queries.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import insert_articles  # noqa: E402

from newsdigest.snapshot import publish_snapshot  # noqa: E402
from newsdigest.warehouse import connect  # noqa: E402

ROLES = Path(__file__).resolve().parent / "concurrency.py"


def build(warehouse: Path, articles: int, step: int = 2000) -> float:
    """Bulk-insert `articles` invented articles; return the seconds it took."""
    t0 = time.perf_counter()
    with connect(warehouse / "news.duckdb") as con:
        for start in range(0, articles, step):
            insert_articles(con, start, min(step, articles - start))
    return time.perf_counter() - t0


def time_publish(warehouse: Path, repeat: int) -> list[float]:
    """Seconds per publish, `repeat` times."""
    return [publish_snapshot(warehouse).publish_seconds for _ in range(repeat)]


def stream(base: Path, run: Path, batches: int, files: int, nice: int) -> tuple[dict, dict]:
    """Writer on a copy of `base` with a gated reader (ABBA); both reports."""
    (run / "wh").mkdir(parents=True)
    shutil.copyfile(base / "news.duckdb", run / "wh" / "news.duckdb")
    stop, ready, gate = run / "stop", run / "ready", run / "gate"
    reader = subprocess.Popen([sys.executable, str(ROLES), "reader", "--warehouse",
                               str(run / "wh"), "--stop", str(stop), "--ready", str(ready),
                               "--gate", str(gate), "--nice", str(nice), "--pause", "0.02",
                               "--out", str(run / "r.json")])  # fmt: skip
    try:
        while not ready.exists():
            time.sleep(0.05)
        subprocess.run([sys.executable, str(ROLES), "writer", "--seeds", str(run / "seeds"),
                        "--warehouse", str(run / "wh"), "--gate", str(gate), "--batches",
                        str(batches), "--files", str(files), "--out", str(run / "w.json")],
                       check=True)  # fmt: skip
    finally:
        stop.touch()
        reader.wait()
    return json.loads((run / "w.json").read_text()), json.loads((run / "r.json").read_text())


def main() -> int:
    """Print the figures as Markdown tables."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--batches", type=int, default=8, help="seed batches streamed (ABBA)")
    p.add_argument("--files", type=int, default=50, help="files per batch (5 articles; flow: 50)")
    p.add_argument("--nice", type=int, default=10, help="reader niceness (newsdigest sql's)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="snapbench-") as tmp:
        base = Path(tmp) / "base"
        built = build(base, args.articles)
        size = (base / "news.duckdb").stat().st_size / 1e6
        pub = time_publish(base, args.repeat)
        print(f"warehouse: {args.articles} articles, {size:.1f} MB, built in {built:.1f} s\n")
        print("| publish_snapshot | seconds |\n|---|---:|")
        print(f"| median of {args.repeat} | {statistics.median(pub):.3f} |")
        print(f"| min / max | {min(pub):.3f} / {max(pub):.3f} |\n")
        w, r = stream(base, Path(tmp) / "run", args.batches, args.files, args.nice)
    share = sum(w["publish_seconds"]) / w["busy_seconds"]
    drop = w["paired_drop"]
    per_batch = args.files * 5
    print(f"writer: {args.batches} batches x {per_batch} new articles on top of "
          f"{args.articles}; reader nice {args.nice}\n")  # fmt: skip
    print("| figure | value |\n|---|---:|")
    print(f"| batch time, median (s) | {statistics.median(w['batch_seconds']):.2f} |")
    print(f"| publish per batch, median (s) | {statistics.median(w['publish_seconds']):.3f} |")
    print(f"| publish share of writer time | {share:.1%} |")
    print(f"| writer rate, reader idle (articles/s) | {w['rate_reader_off']:.1f} |")
    print(f"| writer rate, reader querying (articles/s) | {w['rate_reader_on']:.1f} |")
    print(f"| writer drop while the reader queries (median of batch pairs) | {drop:.1%} |")
    rates = 1 - w["rate_reader_on"] / w["rate_reader_off"]
    print(f"| same, from median batch times per state | {rates:.1%} |")
    print(f"| reader: queries / snapshots seen / errors | {r['queries']} / "
          f"{len(set(r['counts']))} / {len(r['errors'])} |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
