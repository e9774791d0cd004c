"""CPU of annotating (and pickling the result, as workers do) with CPython's collector defaults
against `newsdigest.heap.tune_gc()`: the evidence for tuning it in the annotating processes.

Run: `.venv/bin/python bench/gc_probe.py CORPUS_DIR [--files 400] [--rounds 2]` (CORPUS_DIR
from bench/corpus.py, e.g. /tmp/newsdigest-bench/corpus-10000). Each mode runs in a fresh
process, alternating, best of 3 passes each; prints CPU ms per article.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODES = ("default", "tuned")


def measure(corpus: Path, files: int, mode: str) -> dict:
    """CPU ms per article for annotate + pickle round trip, chunks of 500, best of 3 passes."""
    sys.path.insert(0, str(ROOT))
    from newsdigest.heap import tune_gc
    from tasks.annotate import annotate_articles
    from tasks.discover import discover, read_seeds

    arts = [a for p in read_seeds(discover(corpus / "seeds")[:files]) for a in p.articles or []]
    annotate_articles(arts[:50], 3, "default", spans=False)  # load the NLP tables
    if mode == "tuned":
        tune_gc()
    passes = []
    for _ in range(3):
        c0 = time.process_time()
        for i in range(0, len(arts), 500):
            pickle.loads(pickle.dumps(annotate_articles(arts[i : i + 500], 3, "default", False)))
        passes.append(time.process_time() - c0)
    return {"mode": mode, "articles": len(arts), "ms_per_article": 1000 * min(passes) / len(arts)}


def main(argv: list[str] | None = None) -> int:
    """Alternate the modes in fresh processes and print one line per run."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--files", type=int, default=400)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # one run, in this process
    a = p.parse_args(argv)
    if a.mode:
        print(json.dumps(measure(a.corpus, a.files, a.mode)))
        return 0
    for _ in range(a.rounds):
        for mode in MODES:
            cmd = [sys.executable, __file__, str(a.corpus), "--files", str(a.files), "--mode", mode]
            print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
