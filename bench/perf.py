"""The perf suite (issue 8): floor vs end-to-end ingest, Prefect's share, 2 workers, incremental,
linearity, memory, a pathological article, the digest and the analysts' queries, side by side.

Run: `make bench` (N = 1k, 10k, 100k) or `make bench-smoke` (N = 1k), or
`.venv/bin/python bench/perf.py --sizes 1000,10000 --repeat 3 [--out docs/performance.md]`.
Every step runs in its own process (peak RSS from wait4); figures are medians over `--repeat`.
Results accumulate in WORK/results.json, so a long run can be reported while it goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import perf_report  # noqa: E402
from bench.corpus import build, load_pool  # noqa: E402
from bench.perf_steps import cpu_s  # noqa: E402

PY = sys.executable
STEPS = ROOT / "bench" / "perf_steps.py"


def run_step(
    step: str, corpus: Path, warehouse: Path, *extra: str, env: dict | None = None
) -> dict:
    """Run one perf step in a child process; its JSON result (with the child's peak RSS)."""
    cmd = [PY, str(STEPS), step, str(corpus), str(warehouse), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})})  # fmt: skip
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode or not lines:
        raise RuntimeError(f"{step} failed ({proc.returncode}): {proc.stderr[-3000:]}")
    return json.loads(lines[-1][7:])


def corpus_for(work: Path, n: int, pool: object) -> Path:
    """The corpus of n articles under work/corpus-n, built once (kept for later runs)."""
    path = work / f"corpus-{n}"
    if not (path / "articles.jsonl").exists():
        shutil.rmtree(path, ignore_errors=True)
        build(path, n, pool=pool)
    return path


def machine() -> dict:
    """Cores, Python, key package versions, load average."""
    from importlib.metadata import version

    pkgs = ("prefect", "duckdb", "sumy", "nltk", "numpy")
    return {"cores": os.cpu_count(), "python": sys.version.split()[0],
            "platform": sys.platform, "load_avg_start": round(os.getloadavg()[0], 1),
            **{p: version(p) for p in pkgs}}  # fmt: skip


def render_digest() -> dict:
    """bench/render_bench.py on a 2,000-article day: total wall seconds (best of 3)."""
    out = subprocess.run([PY, str(ROOT / "bench" / "render_bench.py"), "--articles", "2000"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout  # fmt: skip
    m = re.search(r"\| total \| ([\d.]+) \| ([\d.]+) \|", out)
    return {"seconds": float(m.group(1)), "cpu_s": float(m.group(2))} if m else {}


def measure(  # noqa: ANN001
    sizes: list[int],
    repeats: list[int],
    work: Path,
    flow_max: int,
    log=print,
    resume=False,
    smoke=False,
) -> dict:
    """Run every step for every size; return (and save) the raw results.

    resume: keep the runs already in WORK/results.json and run only the missing ones.
    smoke: the flows only at the largest size, and no pipelined 2-process variant.
    """
    pool = load_pool()
    results_path = work / "results.json"
    res: dict = {"machine": machine(), "sizes": {}, "repeat": repeats, "started": time.time()}
    if resume and results_path.exists():
        res = {**json.loads(results_path.read_text()), "repeat": repeats}
    for n, repeat in zip(sizes, repeats, strict=True):
        flows = n <= flow_max and (not smoke or n == max(sizes))
        _measure_size(res, n, repeat, work, pool, flows, smoke, log)
    res["pathological"] = run_step("pathological", work, work / "patho")
    res["digest"] = render_digest()
    res["finished"] = time.time()
    results_path.write_text(json.dumps(res, indent=1))
    return res


class PrefectApi:
    """A real `prefect server start` on a free loopback port, as deployments run against, for
    the flow steps (a flow without PREFECT_API_URL starts a temporary server, whose events
    client failed here at once, so its runs sent no events), and its CPU seconds so far."""

    def __init__(self, work: Path) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="prefect-", dir=work))
        self.started = None

    def __enter__(self) -> PrefectApi:
        from newsdigest import server

        self.started = server.start(server.DEFAULT_HOST, server.free_port(), self.home,
                                    self.home / "server.log", timeout=180)  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        from newsdigest import server

        server.stop_pid(self.started.proc.pid)

    @property
    def env(self) -> dict[str, str]:
        """Environment of a step that runs flows against this server."""
        from newsdigest import server

        base = {"PREFECT_HOME": str(self.home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        return server.client_env(self.started.url, base=base)

    def cpu_s(self) -> float:
        """CPU seconds the server's processes have used."""
        import psutil

        root = psutil.Process(self.started.proc.pid)
        return cpu_s([root.pid, *(c.pid for c in root.children(recursive=True))])


def _measure_size(  # noqa: ANN001
    res: dict, n: int, repeat: int, work: Path, pool, flows: bool, smoke: bool, log
) -> None:
    """Every step at size n, `repeat` times; results saved as they come. The flow steps of a
    repeat share one server, started for them (it would otherwise idle through the others)."""
    corpus = corpus_for(work, n, pool)
    runs: dict[str, list] = res["sizes"].get(str(n), {})

    def run(r: int, name: str, extra: tuple, api: PrefectApi | None = None) -> None:
        wh = work / f"wh-{n}-{name}-{r}"
        shutil.rmtree(wh, ignore_errors=True)
        server0 = api.cpu_s() if api else 0.0
        result = run_step(name.rstrip("2"), corpus, wh, *extra, env=api.env if api else None)
        if api:  # the server's CPU over the step (its warm-up flow run included)
            result["server_cpu_s"] = api.cpu_s() - server0
        runs.setdefault(name, []).append(result)
        log(f"N={n} repeat {r} {name}: {result['seconds']:.2f} s, {result['rss_mb']:.0f} MB")
        if name != "plain":  # kept for the sql step
            shutil.rmtree(wh, ignore_errors=True)
        res["sizes"][str(n)] = runs
        (work / "results.json").write_text(json.dumps(res, indent=1))

    for r in range(repeat):
        plan = [("floor", ()), ("plain", ("--workers", "1"))]
        plan += [] if smoke else [("plain2", ("--workers", "2"))]
        for name, extra in plan:
            if len(runs.get(name, [])) <= r:
                run(r, name, extra)
        flow_plan = [("flow", ("--workers", "1")), ("flow2", ("--workers", "2"))] if flows else []
        todo = [(name, extra) for name, extra in flow_plan if len(runs.get(name, [])) <= r]
        if todo:
            with PrefectApi(work) as api:
                for name, extra in todo:
                    run(r, name, extra, api)
    kept = sorted(work.glob(f"wh-{n}-plain-*"))
    if kept:
        res["sql"], res["sql_n"] = run_step("sql", corpus, kept[-1]), n
    for old in kept[:-1] + [w for w in work.glob("wh-*-plain-*") if f"-{n}-" not in w.name]:
        shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Measure, print the ratio table, write the report and the plot."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--repeat", default="3", help="runs per size: one number, or one per size")
    p.add_argument("--flow-max", type=int, default=10_000, help="largest N run through Prefect")
    p.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdigest-bench")
    p.add_argument("--out", type=Path, help="write this Markdown report (docs/performance.md)")
    p.add_argument("--from-results", action="store_true", help="report WORK/results.json only")
    p.add_argument("--resume", action="store_true", help="keep runs in WORK/results.json")
    args = p.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.from_results:
        res = json.loads((args.work / "results.json").read_text())
    else:
        sizes = [int(s) for s in args.sizes.split(",")]
        reps = [int(r) for r in args.repeat.split(",")]
        reps = reps * len(sizes) if len(reps) == 1 else reps
        res = measure(sizes, reps, args.work, args.flow_max, resume=args.resume)
    table = perf_report.ratio_rows(res)
    print(perf_report.table_markdown(table))
    if args.out:
        svg = args.out.with_name("performance.svg")
        svg.write_text(perf_report.svg_plot(res), encoding="utf-8")
        args.out.write_text(perf_report.report(res, table, svg.name), encoding="utf-8")
        print(f"wrote {args.out} and {svg}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
