"""CPU ms per article for each NLP stage, and a digest of each stage's output.

Runs the summarizer, entity extractor and country detector over the same articles
(`../shared/corpus/dev` bodies plus the texts of `../shared/eval/*.jsonl`) in one process and
prints, per stage, the best-of-N CPU time per article and a SHA-256 of everything it returned.
Two runs that print the same digest produced identical output on every article, so a speed-up
can be checked for behaviour changes in one command:

    .venv/bin/python bench/stage_cpu.py --repeat 3
    .venv/bin/python bench/stage_cpu.py --stages entities --limit 500
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdigest.evaluation.common import read_jsonl, shared_dir  # noqa: E402
from tasks.annotate import annotate_article  # noqa: E402, F401  (warms the same imports)
from tasks.countries import detect_countries  # noqa: E402
from tasks.entities import extract_entities  # noqa: E402
from tasks.summarize import summarize_paragraphs  # noqa: E402

Record = tuple[str | None, str, str | None]  # title, text, dateline


def load_records(shared: Path, limit: int | None) -> list[Record]:
    """Dev-corpus articles, then the eval texts; at most `limit` in all."""
    records: list[Record] = []
    truth = shared / "corpus" / "dev" / "truth.jsonl"
    if truth.exists():
        for row in read_jsonl(truth):
            text = "\n\n".join(row["body_paragraphs"])
            records.append((row.get("title"), text, row.get("dateline")))
    for name in ("countries", "entities", "summaries"):
        path = shared / "eval" / f"{name}.jsonl"
        if path.exists():
            for row in read_jsonl(path):
                records.append((row.get("title"), row.get("text") or "", row.get("dateline")))
    return records[:limit] if limit else records


def _summaries(rec: Record) -> object:
    title, text, _ = rec
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return summarize_paragraphs(paragraphs, 3, "default", title=title).selected


def _entities(rec: Record) -> object:
    title, text, _ = rec
    spans = extract_entities(f"{title or ''}\n\n{text}")
    return [(e.text, e.type, e.start, e.end, e.canonical) for e in spans]


def _countries(rec: Record) -> object:
    title, text, dateline = rec
    result = detect_countries(text, title=title, dateline=dateline)
    return (result.focus, result.codes)


STAGES: dict[str, Callable[[Record], object]] = {
    "summary": _summaries,
    "entities": _entities,
    "countries": _countries,
}


def measure(
    fn: Callable[[Record], object], records: list[Record], repeat: int
) -> tuple[float, str]:
    """Best CPU seconds over `repeat` passes, and the digest of the outputs (same every pass)."""
    best, digest = float("inf"), ""
    for _ in range(repeat):
        h = hashlib.sha256()
        t0 = time.process_time()
        outputs = [fn(r) for r in records]
        best = min(best, time.process_time() - t0)
        for out in outputs:
            h.update(json.dumps(out, sort_keys=True, default=str).encode())
        digest = h.hexdigest()[:16]
    return best, digest


def main(argv: list[str] | None = None) -> int:
    """Print one line per stage: ms per article (CPU, best of N) and output digest."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--stages", default="summary,entities,countries")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--data", type=Path, default=None, help="shared folder (default ../shared)")
    args = ap.parse_args(argv)
    shared = args.data or shared_dir()
    if shared is None or not shared.exists():
        print("no ../shared data found", file=sys.stderr)
        return 2
    records = load_records(shared, args.limit)
    for rec in records[:20]:  # warm caches (gazetteer, lexicons) outside the timers
        for fn in STAGES.values():
            fn(rec)
    print(f"{len(records)} articles")
    for name in args.stages.split(","):
        seconds, digest = measure(STAGES[name], records, args.repeat)
        print(f"{name:10s} {1000 * seconds / len(records):7.3f} ms/article  digest {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
