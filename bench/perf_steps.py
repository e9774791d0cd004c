"""One measured step of the perf suite, run in its own process (so its peak RSS is its own).

Run: `.venv/bin/python bench/perf_steps.py STEP CORPUS_DIR WAREHOUSE_DIR [--workers N]`; prints
one JSON line. Steps: floor, plain (ingest without Prefect, 1 or N annotate processes), flow
(the Prefect flow `ingest-seeds`, then its rerun on the unchanged folder), pathological, sql.
Timers start after imports and the NLP warm-up (the one-time lexicon/gazetteer build is reported
apart as `warmup_s`), so every step pays the same fixed costs outside its timer.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdigest.iterutil import chunked  # noqa: E402


def warm_up() -> float:
    """Build the lexicons, gazetteer and splitter once; return the seconds it took."""
    from tasks.annotate import annotate_record

    t0 = time.perf_counter()
    text = "PARIS: Mr. Jean Dupont met the U.N. envoy in Paris, France. He spoke.\n\nNo deal came."
    annotate_record({"id": "w", "title": "Talks in Paris", "text": text})
    return time.perf_counter() - t0


def floor(corpus: Path) -> dict:
    """The bare loop: read each article's text, split sentences, run the default summarizer."""
    from tasks.summarize import summarize_paragraphs

    warm = warm_up()
    t0, c0, n = time.perf_counter(), time.process_time(), 0
    with open(corpus / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            summarize_paragraphs(a["body"], 3, "default", title=a["title"])
            n += 1
    cpu = time.process_time() - c0
    return {"seconds": time.perf_counter() - t0, "cpu_s": cpu, "articles": n, "warmup_s": warm}


class Phases:
    """Wall time per pipeline phase."""

    def __init__(self) -> None:
        self.t: dict[str, float] = {}

    def run(self, name: str, fn: Callable, *args: object, **kwargs: object) -> object:
        """Call fn(*args, **kwargs), adding its wall time to `name`."""
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self.t[name] = self.t.get(name, 0.0) + time.perf_counter() - t0


def _pool_warm(_: int) -> float:
    time.sleep(0.3)  # keep this worker busy so the other warm-up job starts the second process
    return 0.0


def cpu_s(pids: Iterable[int]) -> float:
    """CPU seconds (user + system) the processes `pids` have used so far; gone ones count 0."""
    import psutil

    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            total += sum(psutil.Process(pid).cpu_times()[:2])
    return total


def plain(corpus: Path, warehouse: Path, workers: int = 1) -> dict:
    """The ingest flow's steps as plain functions, in the flow's order (tasks/ingest_chunk.py:
    claim + parse + what is new, annotate, store + throttled snapshot + quarantine); annotate
    inline, or pipelined in `workers` processes while the parent reads and stores."""
    from datetime import UTC, datetime

    from flows.ingest import AHEAD, CHUNK_FILES  # the flow's queue and default chunk
    from newsdigest.config import Settings
    from newsdigest.locking import writer_session
    from newsdigest.snapshot import publish_snapshot
    from tasks.claims import lease_seconds, new_owner
    from tasks.discover import discover
    from tasks.ingest_chunk import read_chunk, store_chunk
    from tasks.ledger import pending_seeds, record_run
    from tasks.runners import (  # annotate_chunk: what the flow's workers run, spans off
        Pending,
        RunnerConfig,
        annotate_chunk,
        annotation_stage,
        close_pools,
        process_pool,
    )
    from tasks.store import StoreReport

    settings = Settings.from_env(seeds=corpus / "seeds", warehouse=warehouse)
    db, ph, report = settings.db_path, Phases(), StoreReport()
    owner, lease, started = new_owner(), lease_seconds(), datetime.now(UTC)
    warehouse.mkdir(parents=True, exist_ok=True)
    cfg = RunnerConfig("process" if workers > 1 else "local", workers)
    if workers > 1:  # the flow's own process pool, chunk split and queue (tasks/runners.py)
        list(process_pool(workers).map(_pool_warm, range(workers)))
        warm = 0.0
    else:
        warm = warm_up()
    t0, c0 = time.perf_counter(), time.process_time()
    # as the flow: lock + database kept open, annotation where tasks/runners.py puts it
    with writer_session(settings.warehouse, db), annotation_stage(cfg) as stage:
        ahead = 0 if stage is None else AHEAD
        found = ph.run("discover", discover, settings.seeds)
        pending = ph.run("ledger", pending_seeds, db, found)
        inflight: list[tuple[object, Pending]] = []

        def store_oldest() -> None:
            batch, notes = inflight.pop(0)
            done = ph.run("wait_workers" if workers > 1 else "annotate", notes.result)
            report.outcomes += ph.run("store", store_chunk, settings, owner, batch, done).outcomes

        for chunk in chunked(pending, CHUNK_FILES):
            batch = ph.run("read", read_chunk, settings, owner, list(chunk), lease, started)
            if stage is None:
                notes = Pending.ready(batch.fresh, ph.run("annotate", annotate_chunk, batch.fresh))
            else:
                notes = stage(batch.fresh, 3, "default")
            inflight.append((batch, notes))
            while len(inflight) > ahead:
                store_oldest()
        while inflight:
            store_oldest()
        ph.run("ledger", record_run, db, "bench", datetime.now(UTC), report)
        ph.run("publish", publish_snapshot, warehouse)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    pool = process_pool(workers) if workers > 1 else None
    workers_cpu = cpu_s(pool._processes) if pool else 0.0  # their warm-up included
    close_pools()
    t1 = time.perf_counter()  # the incremental rerun: stat every file, read none, record the run
    unread = pending_seeds(db, discover(settings.seeds))
    record_run(db, "bench-rerun", datetime.now(UTC), StoreReport())
    rerun = time.perf_counter() - t1
    return {"seconds": seconds, "cpu_s": cpu, "workers_cpu_s": workers_cpu,
            "articles": report.articles_new, "files": len(found),
            "phases": ph.t, "warmup_s": warm, "rerun_s": rerun,
            "rerun_unread": len(unread)}  # fmt: skip


def flow(corpus: Path, warehouse: Path, workers: int = 1) -> dict:
    """The Prefect flow on the corpus, then again on the unchanged folder (incremental).

    workers > 1: the flow's own process-pool runner (tasks/runners.py) annotates each chunk.
    """
    from flows.ingest import run_ingest

    empty = warehouse.parent / f"{warehouse.name}-empty-seeds"
    empty.mkdir(parents=True, exist_ok=True)
    kwargs: dict = {"warehouse": str(warehouse)}
    if workers > 1:
        from tasks.runners import process_pool

        kwargs |= {"runner": "process", "workers": workers}
        list(process_pool(workers).map(_pool_warm, range(workers)))  # the flow reuses this pool
    t0 = time.perf_counter()
    run_ingest(seeds=str(empty), **{**kwargs, "warehouse": str(warehouse) + "-warm"})
    warm_run_s, warm = time.perf_counter() - t0, warm_up()
    t0, c0 = time.perf_counter(), time.process_time()
    first = run_ingest(seeds=str(corpus / "seeds"), **kwargs)
    t1, cpu = time.perf_counter(), time.process_time() - c0
    run_ingest(seeds=str(corpus / "seeds"), **kwargs)
    t2 = time.perf_counter()
    arts = first.get("articles_stored") if isinstance(first, dict) else None
    return {"seconds": t1 - t0, "cpu_s": cpu, "rerun_s": t2 - t1, "articles": arts,
            "warm_run_s": warm_run_s,
            "warmup_s": warm}  # fmt: skip


def pathological(work: Path, sentences: int = 20_000) -> dict:
    """A seed file holding one article of `sentences` sentences, read (capped) and annotated."""
    from tasks.annotate import annotate_articles
    from tasks.discover import discover, read_seeds

    warm = warm_up()
    seeds = work / "patho-seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    words = ["officials", "said", "the", "grain", "talks", "would", "resume", "in", "Geneva"]
    body = " ".join(
        " ".join(words[(i + k) % len(words)] for k in range(9)).capitalize() + f" {i}."
        for i in range(sentences)
    )
    head = "A very long article\n\nUpdated 2 May 2019\n\nA very long article\n\n"
    (seeds / "patho.txt").write_text(head + body, encoding="utf-8")
    t0 = time.perf_counter()
    parsed = read_seeds(discover(seeds))
    arts = [a for p in parsed for a in p.articles]
    notes = annotate_articles(arts)
    return {"seconds": time.perf_counter() - t0, "articles": len(arts), "input_chars": len(body),
            "kept_chars": sum(len(a.text) for a in arts), "warmup_s": warm,
            "summary_sentences": sum(len(n.summary.selected) for n in notes.values())}  # fmt: skip


def example_queries(readme: Path = ROOT / "warehouse" / "README.md") -> list[str]:
    """The ```sql blocks of the 'Example queries' section of warehouse/README.md."""
    text = readme.read_text(encoding="utf-8")
    start = text.find("## Example queries")
    section = text[start : text.find("\n## ", start + 5)] if start >= 0 else text
    return [q.strip() for q in re.findall(r"```sql\n(.*?)```", section, re.S)]


def time_example_queries(con: object, repeat: int = 5) -> dict[str, float]:
    """Median seconds of each example query, as `newsdigest sql` runs it; keyed by its text."""
    import statistics

    from newsdigest.sql_shell import run_query

    times = {}
    for q in example_queries():
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            run_query(con, q, 60)
            runs.append(time.perf_counter() - t0)
        times[" ".join(q.split())] = statistics.median(runs)
    return times


def sql(warehouse: Path, repeat: int = 5) -> dict:
    """Median seconds of each documented example query on the published snapshot."""
    from newsdigest.sql_shell import open_snapshot

    con = open_snapshot(warehouse)
    times = {q[:70]: s for q, s in time_example_queries(con, repeat).items()}
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"seconds": max(times.values()), "queries": times, "articles": n}


def main(argv: list[str] | None = None) -> int:
    """Run one step and print its JSON result."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("step", choices=["floor", "plain", "flow", "pathological", "sql"])
    p.add_argument("corpus", type=Path)
    p.add_argument("warehouse", type=Path)
    p.add_argument("--workers", type=int, default=1)
    a = p.parse_args(argv)
    result = {
        "floor": lambda: floor(a.corpus),
        "plain": lambda: plain(a.corpus, a.warehouse, a.workers),
        "flow": lambda: flow(a.corpus, a.warehouse, a.workers),
        "pathological": lambda: pathological(a.warehouse),
        "sql": lambda: sql(a.warehouse),
    }[a.step]()
    import resource

    # ru_maxrss is in KiB on Linux; annotate worker processes (2 workers) count apart.
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["workers_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
