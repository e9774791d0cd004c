"""Drop-to-stored latency of `newsdigest serve`: N files dropped one by one, median and max.

Starts a throwaway Prefect server and `newsdigest serve` on temporary folders, renames each
file into seeds/, and takes "stored" as the end time of the ingest-seeds run that stored it
(the file's transaction commits before the run ends), read from the Prefect API so the bench
never opens DuckDB while the writer works.

    .venv/bin/python bench/watch_latency.py --drops 20
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdigest import server  # noqa: E402
from newsdigest.warehouse import connect  # noqa: E402
from tests.helpers import layout_b_file  # noqa: E402


def api(url: str, path: str, body: object) -> object:
    """POST JSON to the Prefect API."""
    import urllib.request

    req = urllib.request.Request(url + path, json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def completed_after(url: str, t0: float) -> float | None:
    """End time (epoch s) of the first watcher ingest run that started after `t0`."""
    body = {"flows": {"name": {"any_": ["ingest-seeds"]}},
            "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}},
                          "tags": {"all_": ["watcher"]}}}  # fmt: skip
    ends = []
    for r in api(url, "/flow_runs/filter", body):
        start = datetime.fromisoformat(r["start_time"]).timestamp()
        if start >= t0 and r["end_time"]:
            ends.append(datetime.fromisoformat(r["end_time"]).timestamp())
    return min(ends) if ends else None


def burst(url: str, seeds: Path, n: int) -> tuple[float, int]:
    """Drop `n` files at once; return (seconds until all stored, watcher runs used)."""
    for i in range(n):
        (seeds / f".burst{i}.part").write_text(layout_b_file([f"Burst story {i} on quay {i}"]))
    t0 = time.time()
    for i in range(n):
        os.replace(seeds / f".burst{i}.part", seeds / f"burst{i:03}.txt")
    since = datetime.fromtimestamp(t0).astimezone().isoformat()
    while True:
        body = {
            "flows": {"name": {"any_": ["ingest-seeds"]}},
            "flow_runs": {"tags": {"all_": ["watcher"]}, "start_time": {"after_": since}},
        }
        ids = [r["id"] for r in api(url, "/flow_runs/filter", body)]
        query = {"key": {"any_": ["ingest-summary"]}, "flow_run_id": {"any_": ids}}
        arts = api(url, "/artifacts/filter", {"artifacts": query})
        rows = [r for a in arts for r in json.loads(a["data"])]
        new = sum(int(r["value"]) for r in rows if r["what"] == "files_new")
        if new >= n:
            return time.time() - t0, len(ids)
        if time.time() - t0 > 300:
            raise SystemExit(f"burst: only {new} of {n} stored after 300 s")
        time.sleep(0.5)


def main() -> int:
    """Run the bench and print a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drops", type=int, default=20)
    ap.add_argument("--settle", type=float, default=1.0)
    ap.add_argument("--gap", type=float, default=1.0, help="pause between drops, s")
    ap.add_argument("--burst", type=int, default=0, help="then drop N files at once")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="nd-bench-"))
    dirs = {k: tmp / k for k in ("seeds", "warehouse", "digests")}
    dirs["seeds"].mkdir()
    t = time.monotonic()
    started = server.start(port=server.free_port(), home=tmp / "home", log=tmp / "server.log")
    server_s = time.monotonic() - t
    env = server.client_env(started.url) | {"PREFECT_HOME": str(tmp / "home")}
    cmd = [sys.executable, "-m", "newsdigest.cli", "serve", "--interval", "3600",
           f"--settle={args.settle}", *[f"--{k}={v}" for k, v in dirs.items()]]  # fmt: skip
    with open(tmp / "serve.log", "ab") as log:
        serve = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                 start_new_session=True)  # fmt: skip
    latencies = []
    try:
        t = time.monotonic()
        while "catch-up" not in (tmp / "serve.log").read_text():
            time.sleep(0.2)
        serve_s = time.monotonic() - t
        time.sleep(2)
        for i in range(args.drops):
            part = dirs["seeds"] / f".drop{i}.part"
            part.write_text(layout_b_file([f"Bench story {i} about harbour {i * 7}"]))
            os.replace(part, dirs["seeds"] / f"drop{i:02}.txt")
            t0 = time.time()
            while (end := completed_after(started.url, t0)) is None:
                time.sleep(0.1)
                if time.time() - t0 > 60:
                    raise SystemExit(f"drop {i} not stored after 60 s; see {tmp}/serve.log")
            latencies.append(end - t0)
            print(f"drop {i:2}: {end - t0:5.2f} s", file=sys.stderr)
            time.sleep(args.gap)
        if args.burst:
            burst_s, burst_runs = burst(started.url, dirs["seeds"], args.burst)
    finally:
        server.stop_pid(serve.pid, grace=30)
        server.stop_pid(started.proc.pid)
    with connect(dirs["warehouse"] / "news.duckdb", read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"| what | value |\n|---|---|\n| drops | {args.drops} (settle {args.settle} s) |")
    print(f"| drop-to-stored median | {statistics.median(latencies):.2f} s |")
    print(f"| drop-to-stored max | {max(latencies):.2f} s |")
    print(f"| drop-to-stored min | {min(latencies):.2f} s |")
    print(f"| articles stored | {stored} of {args.drops + args.burst} |")
    if args.burst:
        print(f"| burst of {args.burst} files: all stored after | {burst_s:.1f} s |")
        print(f"| burst of {args.burst} files: watcher runs | {burst_runs} |")
    print(f"| server start (cold, new PREFECT_HOME) | {server_s:.1f} s |")
    print(f"| serve start to first catch-up run | {serve_s:.1f} s |")
    return 0 if stored == args.drops + args.burst else 1


if __name__ == "__main__":
    raise SystemExit(main())
