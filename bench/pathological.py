"""Bounded cost: pathological seed files through the per-file pipeline, with time and memory.

Each case runs in a fresh subprocess (so peak RSS is its own): bytes → decode → split → ingest
caps → annotate → store (in-memory DuckDB). Prints a Markdown table, then doubling ratios.
  .venv/bin/python bench/pathological.py            # every case
  .venv/bin/python bench/pathological.py --quick    # skip the 50 MB files
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADER = "Giant article about Oslo\n\nUpdated 1 March 2026\n\nGiant article about Oslo\n\n"
SENTENCE = "The harbour council in Oslo met again on Tuesday and said the work would go on. "


def _sentences(n: int) -> str:
    return " ".join(f"The council in Oslo met for meeting {i} on Tuesday, officials said."
                    for i in range(n))  # fmt: skip


def make(case: str, scale: float = 1.0) -> bytes:
    """The bytes of one pathological file (`scale` multiplies its size)."""
    if case == "50mb-one-article":
        n = int(50_000_000 * scale)
        return (HEADER + (SENTENCE * (n // len(SENTENCE) + 1))[:n]).encode()
    if case == "50mb-no-header":
        n = int(50_000_000 * scale)
        return ((SENTENCE + "\n") * (n // (len(SENTENCE) + 1) + 1)).encode()[:n]
    if case == "1mb-line-no-punct":
        return (HEADER + " ".join(["word"] * int(200_000 * scale))).encode()
    if case == "20000-sentences":
        return (HEADER + _sentences(int(20_000 * scale))).encode()
    if case == "a-dot-100000":
        return (HEADER + "a." * int(100_000 * scale)).encode()
    raise ValueError(case)


def run_case(case: str, scale: float) -> dict:
    """Time the per-file pipeline on one case in this process."""
    from newsdigest.models import Article
    from newsdigest.warehouse import connect
    from tasks.annotate import annotate_articles
    from tasks.discover import SeedFile, parse_seed
    from tasks.store import store_file

    annotate_articles([Article("Warm up in Oslo", ["Oslo is in Norway."], "B")])  # load data
    data = make(case, scale)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    parsed = parse_seed(SeedFile(Path(case), case, len(data), 0), data)
    t1 = time.perf_counter()
    notes = annotate_articles(parsed.articles)
    t2 = time.perf_counter()
    out = store_file(connect(":memory:"), parsed, notes)
    t3 = time.perf_counter()
    return {
        "case": case, "scale": scale, "bytes": len(data), "status": out.status,
        "reason": parsed.error, "articles": len(parsed.articles),
        "chars_kept": sum(len(a.text) for a in parsed.articles),
        "parse_s": round(t1 - t0, 2), "annotate_s": round(t2 - t1, 2),
        "store_s": round(t3 - t2, 2), "total_s": round(t3 - t0, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "rss_before_mb": round(base / 1024),
    }  # fmt: skip


def measure(case: str, scale: float = 1.0) -> dict:
    """`run_case` in a fresh subprocess."""
    out = subprocess.run([sys.executable, __file__, "--one", case, "--scale", str(scale)],
                         capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


CASES = ["50mb-one-article", "50mb-no-header", "1mb-line-no-punct", "20000-sentences",
         "a-dot-100000"]  # fmt: skip
DOUBLING = ["1mb-line-no-punct", "20000-sentences", "a-dot-100000"]


def main() -> int:
    """Print the table of cases and the doubling ratios."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--one")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_case(args.one, args.scale)))
        return 0
    cases = [c for c in CASES if not (args.quick and c.startswith("50mb"))]
    print("| case | bytes | status | articles | chars kept | parse s | annotate s | total s "
          "| peak RSS MB |\n|---|---:|---|---:|---:|---:|---:|---:|---:|")  # fmt: skip
    for case in cases:
        r = measure(case)
        print(f"| {case} | {r['bytes']:,} | {r['status']} | {r['articles']} | "
              f"{r['chars_kept']:,} | {r['parse_s']} | {r['annotate_s']} | {r['total_s']} | "
              f"{r['peak_rss_mb']} |", flush=True)  # fmt: skip
    print("\n| case | t(x) s | t(2x) s | ratio |\n|---|---:|---:|---:|")
    for case in DOUBLING:
        one = min(measure(case, 1.0)["total_s"] for _ in range(2))
        two = min(measure(case, 2.0)["total_s"] for _ in range(2))
        print(f"| {case} | {one} | {two} | {two / max(one, 0.01):.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
