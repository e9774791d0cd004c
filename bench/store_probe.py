"""Per-chunk store cost and peak memory on a copy of an existing warehouse (issue #8).

Run: `.venv/bin/python bench/store_probe.py prepare CORPUS` once (parses and annotates
CORPUS/seeds in chunks of 100 files, pickled to $NDPROBE_CHUNKS or /tmp/ndprobe/chunks.pkl), then
`.venv/bin/python bench/store_probe.py probe WH [WH ...] [--modes full noagg] [--repeat 3]`.
Each probe runs in its own process on a fresh copy of WH/news.duckdb (WH is never written) and
stores every prepared chunk as `tasks.claims.store_claimed` does: open, `store_batch`, then
CHECKPOINT and close, timed apart. Peak RSS per phase comes from /proc/self/status VmHWM, reset
before each phase through /proc/self/clear_refs (ru_maxrss cannot be reset; tracemalloc does
not see DuckDB). Modes: `full` (as ingest), `noagg` (no ingest aggregates), `nopairs`,
`nocountry` (one keyed aggregate skipped); `MODE:t1,t2` also skips those base tables.
With NDPROBE_SESSION=1 every chunk goes through one open connection with the writer
session's settings (no CHECKPOINT per chunk), as an ingest run stores: compare
`mean_ms_per_article`, which includes the chunks whose COMMIT checkpointed.
Prints one JSON line per probe, then medians per (code tree, warehouse, mode).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHUNKS = Path(os.environ.get("NDPROBE_CHUNKS", "/tmp/ndprobe/chunks.pkl"))
CHUNK_FILES = 100


def prepare(corpus: Path, out: Path = CHUNKS) -> int:
    """Parse and annotate the corpus once; pickle [(parsed files, annotations)] per chunk."""
    from newsdigest.iterutil import chunked
    from tasks.annotate import annotate_articles
    from tasks.discover import discover, read_seeds

    chunks = []
    for seeds in chunked(discover(corpus / "seeds"), CHUNK_FILES):
        parsed = read_seeds(seeds)
        arts = {a.article_id: a for p in parsed for a in p.articles}
        chunks.append((parsed, annotate_articles(list(arts.values()), spans=False)))  # as ingest
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pickle.dumps(chunks))
    print(f"{len(chunks)} chunks, {sum(len(n) for _, n in chunks)} articles -> {out}")
    return 0


def _hwm_mb() -> float:
    """Peak RSS of this process since the last reset, MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _reset_hwm() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _apply_mode(mode: str) -> None:
    import tasks.store as st
    import tasks.store_batch as sb

    mode, _, skip = mode.partition(":")
    if skip:  # `noagg:articles,entities`: those base tables are not written either
        real = st.bulk_insert

        def bulk(con: object, table: str, *args: object, **kw: object) -> int:
            return 0 if table in skip.split(",") else real(con, table, *args, **kw)

        st.bulk_insert = sb.bulk_insert = bulk
    if mode == "noagg":
        st._count_staged = lambda con: con.execute(f"DROP TABLE {st.STAGED}")
    elif mode in ("nopairs", "nocountry"):
        drop = "entity_pair" if mode == "nopairs" else "entity_country"
        st._KEYED = tuple(k for k in st._KEYED if not k[0].startswith(drop))


def run_probe(warehouse: Path, mode: str) -> dict:
    """Store every prepared chunk into a copy of `warehouse`; times and peaks per chunk."""
    import duckdb

    import tasks.store as st
    from newsdigest.warehouse import connect
    from tasks.store_batch import store_batch

    _apply_mode(mode)
    chunks = pickle.loads(CHUNKS.read_bytes())
    staged = st._count_staged
    agg_s: list[float] = []

    def timed_count(con: duckdb.DuckDBPyConnection) -> None:
        t0 = time.perf_counter()
        staged(con)
        agg_s.append(time.perf_counter() - t0)

    st._count_staged = timed_count
    merged: list[list[str]] = []
    if hasattr(st, "compact"):  # migration 009 and later
        real_compact = st.compact

        def noted(con: duckdb.DuckDBPyConnection, force: bool = False) -> list[str]:
            merged.append(real_compact(con, force))
            return merged[-1]

        st.compact = noted
    with tempfile.TemporaryDirectory(dir="/tmp/ndprobe") as tmp:
        db = Path(tmp) / "news.duckdb"
        shutil.copyfile(warehouse / "news.duckdb", db)
        with connect(db) as con:  # migrations (if any) and their checkpoint, outside the timer
            con.execute("CHECKPOINT")
            n0 = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        out = []
        if os.environ.get("NDPROBE_SESSION"):  # one open database, as an ingest run keeps it
            return _session_probe(db, chunks, mode, n0)
        for parsed, notes in chunks:
            _reset_hwm()
            t0 = time.perf_counter()
            con = connect(db)
            for stmt in filter(None, os.environ.get("NDPROBE_SET", "").split(";")):
                con.execute(stmt)  # e.g. SET memory_limit = '300MB'
            t1 = time.perf_counter()
            outcomes = store_batch(con, parsed, notes)
            t2, store_mb = time.perf_counter(), _hwm_mb()
            _reset_hwm()
            con.execute("CHECKPOINT")
            t3 = time.perf_counter()
            con.close()
            t4, ckpt_mb = time.perf_counter(), _hwm_mb()
            arts = sum(o.articles for o in outcomes)
            compacted = merged.pop() if merged else []
            out.append({"articles": arts, "open_ms": (t1 - t0) * 1e3, "store_ms": (t2 - t1) * 1e3,
                        "agg_ms": agg_s[-1] * 1e3 if agg_s else 0.0,
                        "checkpoint_ms": (t3 - t2) * 1e3, "close_ms": (t4 - t3) * 1e3,
                        "store_peak_mb": store_mb, "checkpoint_peak_mb": ckpt_mb,
                        "compacted": compacted})  # fmt: skip
        size = db.stat().st_size
    return {"warehouse": str(warehouse), "articles_before": n0, "mode": mode, "chunks": out,
            "file_mb": size / 2**20}  # fmt: skip


def _session_probe(db: Path, chunks: list, mode: str, n0: int) -> dict:
    """Every chunk stored through one connection with the writer session's settings: DuckDB
    checkpoints when its WAL fills (inside some chunk's COMMIT), and once at the final close."""
    from newsdigest.locking import apply_session_settings
    from newsdigest.warehouse import connect
    from tasks.store_batch import store_batch

    con = apply_session_settings(connect(db))
    out = []
    for parsed, notes in chunks:
        _reset_hwm()
        t0 = time.perf_counter()
        outcomes = store_batch(con, parsed, notes)
        out.append({"articles": sum(o.articles for o in outcomes), "open_ms": 0.0,
                    "store_ms": (time.perf_counter() - t0) * 1e3, "agg_ms": 0.0,
                    "checkpoint_ms": 0.0, "close_ms": 0.0, "store_peak_mb": _hwm_mb(),
                    "checkpoint_peak_mb": 0.0})  # fmt: skip
    t0 = time.perf_counter()
    con.close()
    out[-1]["close_ms"] = (time.perf_counter() - t0) * 1e3
    return {"warehouse": str(db), "articles_before": n0, "mode": mode, "chunks": out,
            "file_mb": db.stat().st_size / 2**20}  # fmt: skip


def _summary(runs: list[dict]) -> dict:
    """Medians over probes and chunks: ms per article and peak MB."""
    rows = [c for r in runs for c in r["chunks"]]
    arts = statistics.median(c["articles"] for c in rows) or 1
    med = {k: statistics.median(c[k] for c in rows) for k in rows[0] if k.endswith(("_ms", "_mb"))}
    total = [c["store_ms"] + c["checkpoint_ms"] + c["close_ms"] for c in rows]
    return {"articles_per_chunk": arts, **{k: round(v, 1) for k, v in med.items()},
            "store_ms_per_article": round((med["store_ms"] + med["checkpoint_ms"]
                                           + med["close_ms"]) / arts, 3),
            "mean_ms_per_article": round(statistics.mean(total) / arts, 3),
            "compactions": sum(bool(c.get("compacted")) for c in rows) / len(runs),
            "peak_mb": round(max(max(c["store_peak_mb"], c["checkpoint_peak_mb"])
                                 for c in rows), 1)}  # fmt: skip


def probe(warehouses: list[Path], modes: list[str], repeat: int, code: list[Path]) -> int:
    """Run each (code tree, warehouse, mode) `repeat` times in rotated order, one process each.

    `code` lists source trees to compare (e.g. `git archive HEAD` unpacked beside this one,
    with this script copied into its bench/): each probe imports the tree its script is in.
    """
    keys = [(c, w, m) for c in code for w in warehouses for m in modes]
    runs: dict[tuple[Path, Path, str], list[dict]] = {k: [] for k in keys}
    for r in range(repeat):
        for c, w, m in keys[r % len(keys) :] + keys[: r % len(keys)]:
            script = c / "bench" / "store_probe.py"
            res = subprocess.run([sys.executable, script, "_one", str(w), m],
                                 capture_output=True, text=True, check=True)  # fmt: skip
            line = json.loads(res.stdout.strip().splitlines()[-1])
            print(json.dumps({"code": str(c), **line}), flush=True)
            runs[(c, w, m)].append(line)
    for (c, w, m), rs in runs.items():
        print(f"{c} {w.name} ({rs[0]['articles_before']} articles) {m}:"
              f" {json.dumps(_summary(rs))}")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    """`prepare CORPUS`, `probe WH...` or the internal `_one WH MODE`."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["prepare", "probe", "_one"])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--modes", nargs="+", default=["full", "noagg"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--code", nargs="+", type=Path, default=[ROOT], help="source trees")
    a = ap.parse_args(argv)
    if a.cmd == "prepare":
        return prepare(Path(a.paths[0]))
    if a.cmd == "_one":
        print(json.dumps(run_probe(Path(a.paths[0]), a.paths[1])))
        return 0
    return probe([Path(p) for p in a.paths], a.modes, a.repeat, a.code)


if __name__ == "__main__":
    raise SystemExit(main())
