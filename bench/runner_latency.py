"""The design alternative, measured: drops executed by the runner instead of inside `serve`.

`newsdigest serve --no-watch` against a throwaway server; after each drop (and the 1 s settle the
watcher would wait) a Scheduled run of ingest-seeds is created through the API, as
`run_deployment(..., timeout=0)` does; the runner polls for it and starts it in a new process.

    .venv/bin/python bench/runner_latency.py --drops 6
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.watch_latency import api  # noqa: E402
from newsdigest import server  # noqa: E402
from tests.helpers import layout_b_file  # noqa: E402


def get(url: str) -> dict:
    """GET JSON from the Prefect API."""
    import json
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def main() -> int:
    """Run the comparison and print median and max."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drops", type=int, default=6)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nd-runner-"))
    dirs = {k: tmp / k for k in ("seeds", "warehouse", "digests")}
    dirs["seeds"].mkdir()
    st = server.start(port=server.free_port(), home=tmp / "home", log=tmp / "server.log")
    env = server.client_env(st.url) | {"PREFECT_HOME": str(tmp / "home")}
    cmd = [sys.executable, "-m", "newsdigest.cli", "serve", "--no-watch", "--interval", "3600",
           *[f"--{k}={v}" for k, v in dirs.items()]]  # fmt: skip
    with open(tmp / "serve.log", "ab") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip
    latencies = []
    try:
        while True:
            try:
                dep = get(st.url + "/deployments/name/ingest-seeds/ingest-seeds")
                break
            except OSError:
                time.sleep(0.5)
        for i in range(args.drops):
            part = dirs["seeds"] / f".d{i}.part"
            part.write_text(layout_b_file([f"Runner story {i}"]))
            os.replace(part, dirs["seeds"] / f"d{i}.txt")
            t0 = time.time()
            time.sleep(1.0)  # the watcher's settle time
            run = api(st.url, f"/deployments/{dep['id']}/create_flow_run", {})
            while (r := get(f"{st.url}/flow_runs/{run['id']}"))["state_type"] not in (
                "COMPLETED", "FAILED", "CRASHED"
            ):  # fmt: skip
                time.sleep(0.1)
            latencies.append(datetime.fromisoformat(r["end_time"]).timestamp() - t0)
            print(f"drop {i}: {latencies[-1]:.2f} s {r['state_type']}", file=sys.stderr)
            time.sleep(1.0)
    finally:
        server.stop_pid(proc.pid, grace=30)
        server.stop_pid(st.proc.pid)
    print(f"runner path: median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
