"""Ratios, Markdown report and SVG plot from the perf suite's raw results (bench/perf.py)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Ratio:
    """One target: its measured value, the limit, and which way the limit goes."""

    name: str
    value: float
    limit: float
    upper: bool  # True: value must be <= limit; False: value must be >= limit
    note: str = ""

    @property
    def ok(self) -> bool:
        """True when the target is met."""
        return self.value <= self.limit if self.upper else self.value >= self.limit

    def ok_within(self, factor: float) -> bool:
        """True when the target is met once loosened by `factor` (the smoke test uses 2)."""
        if self.upper:
            return self.value <= self.limit * factor
        return self.value >= self.limit / factor


def med(runs: list[dict], key: str = "seconds") -> float:
    """Median of one field over repeated runs."""
    return statistics.median(r[key] for r in runs)


def _sizes(res: dict) -> list[int]:
    return sorted(int(n) for n in res["sizes"])


def ratio_rows(res: dict) -> list[Ratio]:
    """Every target the run has data for, at the largest N that has it."""
    sz, rows = res["sizes"], []
    ns = _sizes(res)
    flow_ns = [n for n in ns if "flow" in sz[str(n)]]
    n = max(flow_ns) if flow_ns else max(ns)
    s = sz[str(n)]

    def rr(fn) -> float:  # noqa: ANN001
        """Median over repeats of a ratio within each repeat (its steps ran back to back)."""
        reps = min(len(v) for v in s.values())
        return statistics.median(fn(lambda k, f="seconds", i=i: s[k][i][f]) for i in range(reps))

    if "flow" in s:
        rows.append(Ratio(f"end-to-end ingest (Prefect flow, 1 worker) / floor, N={n}",
                          rr(lambda g: g("flow") / g("floor")), 1.5, True))  # fmt: skip
        rows.append(Ratio(f"Prefect share of end-to-end, N={n}",
                          rr(lambda g: (g("flow") - g("plain")) / g("flow")), 0.10, True,
                          "(flow - same steps without Prefect) / flow"))  # fmt: skip
        rows.append(Ratio(f"incremental rerun / first run, N={n}",
                          rr(lambda g: g("flow", "rerun_s") / g("flow")), 0.02, True))  # fmt: skip
        if "flow2" in s:
            rows.append(Ratio(f"2-worker speedup of the flow, N={n}",
                              rr(lambda g: g("flow") / g("flow2")), 1.7, False,
                              "runner=process, tasks/runners.py"))  # fmt: skip
    if all("rerun_s" in r for r in s["plain"]):
        rows.append(Ratio(f"incremental rerun without Prefect / first run, N={n}",
                          rr(lambda g: g("plain", "rerun_s") / g("plain")), 0.02, True,
                          "the same steps; no per-run Prefect costs"))  # fmt: skip
    rows.append(Ratio(f"ingest without Prefect (1 worker) / floor, N={n}",
                      rr(lambda g: g("plain") / g("floor")), 1.5, True))  # fmt: skip
    if all("cpu_s" in r for r in s["plain"] + s["floor"]):
        rows.append(Ratio(f"ingest without Prefect / floor in CPU seconds, N={n}",
                          rr(lambda g: g("plain", "cpu_s") / g("floor", "cpu_s")), 1.5, True,
                          "load-independent; excludes waits on disk and busy cores"))  # fmt: skip
    if "plainb" in s:
        rows.append(Ratio(f"ingest without Prefect, chunk-batched store / floor, N={n}",
                          rr(lambda g: g("plainb") / g("floor")), 1.5, True,
                          "tasks/store_batch.py"))  # fmt: skip
    if "plain2" in s:
        rows.append(
            Ratio(
                f"2-worker speedup without Prefect, N={n}",
                rr(lambda g: g("plain") / g("plain2")),
                1.7,
                False,
                "annotate pipelined in 2 processes, the parent parses and stores",
            )
        )
    if len(ns) >= 2:
        a, b = ns[-2], ns[-1]
        k = b / a
        t = med(sz[str(b)]["plain"]) / med(sz[str(a)]["plain"])
        rows.append(Ratio(f"time(N={b:,}) / time(N={a:,}), ingest 1 worker (linear: {k:g})",
                          t, 10.5 * k / 10, True))  # fmt: skip
        if all("cpu_s" in r for r in sz[str(b)]["plain"] + sz[str(a)]["plain"]):
            t = med(sz[str(b)]["plain"], "cpu_s") / med(sz[str(a)]["plain"], "cpu_s")
            rows.append(Ratio(f"CPU time(N={b:,}) / CPU time(N={a:,}), ingest 1 worker", t,
                              10.5 * k / 10, True, "load-independent"))  # fmt: skip
        m = med(sz[str(b)]["plain"], "rss_mb") / med(sz[str(a)]["plain"], "rss_mb")
        rows.append(Ratio(f"peak RSS(N={b:,}) / RSS(N={a:,}), ingest", m, 1.3, True))
        if "flow" in sz[str(b)] and "flow" in sz[str(a)]:
            m = med(sz[str(b)]["flow"], "rss_mb") / med(sz[str(a)]["flow"], "rss_mb")
            rows.append(Ratio(f"peak RSS(N={b:,}) / RSS(N={a:,}), ingest flow", m, 1.3, True,
                              "the flow process; its Prefect server runs apart"))  # fmt: skip
    top = max(ns)
    rows.append(Ratio(f"peak RSS MB, ingest N={top}", med(sz[str(top)]["plain"], "rss_mb"),
                      600, True))  # fmt: skip
    if "flow" in sz[str(top)]:
        rows.append(Ratio(f"peak RSS MB, ingest flow N={top}",
                          med(sz[str(top)]["flow"], "rss_mb"), 600, True))  # fmt: skip
    if "pathological" in res:
        p = res["pathological"]
        rows.append(Ratio("pathological 20,000-sentence article, s", p["seconds"], 5.0, True,
                          f"cut to {p['kept_chars']:,} of {p['input_chars']:,} chars"))  # fmt: skip
    if res.get("digest"):
        rows.append(Ratio("digest of a 2,000-article day, s", res["digest"]["seconds"], 1.0, True))
    if "cpu_s" in res.get("digest", {}):
        rows.append(Ratio("digest of a 2,000-article day, CPU s", res["digest"]["cpu_s"], 1.0,
                          True, "wall minus waiting for a busy core"))  # fmt: skip
    if "sql" in res:
        rows.append(Ratio(f"slowest example `newsdigest sql` query, s, N={res['sql_n']}",
                          res["sql"]["seconds"], 0.2, True))  # fmt: skip
    return rows


def table_markdown(rows: list[Ratio]) -> str:
    """The ratio table."""
    out = ["| target | measured | limit | met |", "|---|---:|---:|:---:|"]
    for r in rows:
        sign = "≤" if r.upper else "≥"
        note = f" ({r.note})" if r.note else ""
        out.append(f"| {r.name}{note} | {r.value:.3f} | {sign} {r.limit:g} | "
                   f"{'yes' if r.ok else '**no**'} |")  # fmt: skip
    return "\n".join(out)


def throughput_markdown(res: dict) -> str:
    """Articles per second and peak RSS per step and N (medians)."""
    out = [
        "| N | step | median s | articles/s | peak RSS MB | runs |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    names = {
        "floor": "floor (read + split + summarize)",
        "plain": "ingest, no Prefect, 1 worker",
        "plain2": "ingest, no Prefect, 2 workers",
        "plainb": "ingest, no Prefect, 1 worker, chunk-batched store",
        "flow": "ingest flow (Prefect), 1 worker",
        "flow2": "ingest flow (Prefect), 2 workers (process runner)",
    }
    for n in _sizes(res):
        for key, label in names.items():
            runs = res["sizes"][str(n)].get(key)
            if runs:
                sec = med(runs)
                out.append(f"| {n:,} | {label} | {sec:.1f} | {n / sec:.0f} | "
                           f"{med(runs, 'rss_mb'):.0f} | {len(runs)} |")  # fmt: skip
    return "\n".join(out)


def phases_markdown(res: dict) -> str:
    """Where the 1-worker ingest spends its time (median run at the largest N)."""
    n = max(_sizes(res))
    runs = sorted(res["sizes"][str(n)]["plain"], key=lambda r: r["seconds"])
    run = runs[len(runs) // 2]
    out = [f"| phase (N={n:,}) | s | share |", "|---|---:|---:|"]
    for k, v in sorted(run["phases"].items(), key=lambda kv: -kv[1]):
        out.append(f"| {k} | {v:.1f} | {v / run['seconds']:.0%} |")
    return "\n".join(out)


def svg_plot(res: dict, w: int = 640, h: int = 300) -> str:
    """Hand-written SVG: seconds (left) and peak RSS (right) against N, log-log."""
    import math

    ns = _sizes(res)
    series = [
        ("floor", "seconds", "#1f77b4", "floor s"),
        ("plain", "seconds", "#d62728", "ingest s"),
        ("plain", "rss_mb", "#2ca02c", "ingest peak RSS MB"),
    ]
    pts = {lab: [(n, med(res["sizes"][str(n)][k], f)) for n in ns if k in res["sizes"][str(n)]]
           for k, f, _, lab in series}  # fmt: skip
    vals = [v for p in pts.values() for _, v in p if v > 0]
    lo, hi = math.log10(min(vals)) - 0.2, math.log10(max(vals)) + 0.2
    xlo, xhi = math.log10(min(ns)) - 0.2, math.log10(max(ns)) + 0.2

    def xy(n: float, v: float) -> tuple[float, float]:
        x = 60 + (math.log10(n) - xlo) / (xhi - xlo or 1) * (w - 100)
        return x, h - 40 - (math.log10(v) - lo) / (hi - lo or 1) * (h - 70)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="16" text-anchor="middle">time and peak RSS against N '
           f"(log-log)</text>"]  # fmt: skip
    for n in ns:
        x, _ = xy(n, 10**lo)
        out.append(f'<text x="{x:.0f}" y="{h - 22}" text-anchor="middle">{n:,}</text>')
    for e in range(math.ceil(lo), math.floor(hi) + 1):
        _, y = xy(10**xlo, 10**e)
        out.append(f'<line x1="55" x2="{w - 40}" y1="{y:.0f}" y2="{y:.0f}" stroke="#ddd"/>'
                   f'<text x="50" y="{y + 4:.0f}" text-anchor="end">{10**e:g}</text>')  # fmt: skip
    for i, (_, _, color, lab) in enumerate(series):
        p = [xy(n, v) for n, v in pts[lab]]
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="'
                   + " ".join(f"{x:.0f},{y:.0f}" for x, y in p) + '"/>')  # fmt: skip
        out += [f'<circle cx="{x:.0f}" cy="{y:.0f}" r="3" fill="{color}"/>' for x, y in p]
        out.append(f'<text x="70" y="{36 + 14 * i}" fill="{color}">{lab}</text>')
    out.append(f'<text x="{w / 2}" y="{h - 6}" text-anchor="middle">articles (N)</text></svg>')
    return "\n".join(out) + "\n"


def report(res: dict, rows: list[Ratio], svg_name: str) -> str:
    """The body of docs/performance.md from one run (hand-written notes are in perf_notes.md)."""
    from pathlib import Path

    m = res["machine"]
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(res["started"]))
    notes = Path(__file__).with_name("perf_notes.md")
    return "\n\n".join([
        "# Performance (issue 8)",
        "Generated by `make bench` (bench/perf.py); the notes at the end are bench/perf_notes.md.",
        f"Run of {when}: {m['cores']} cores, Python {m['python']}, prefect {m['prefect']}, "
        f"duckdb {m['duckdb']}, sumy {m['sumy']}, nltk {m['nltk']}, numpy {m['numpy']}; "
        f"load average {m['load_avg_start']} at start (other jobs shared the machine); "
        f"medians of {res['repeat']} run(s) per size.",
        "## Targets", table_markdown(rows),
        "## Throughput", throughput_markdown(res),
        "## Where the ingest time goes", phases_markdown(res),
        f"![time and peak RSS against N]({svg_name})",
        notes.read_text(encoding="utf-8") if notes.exists() else "",
    ]) + "\n"  # fmt: skip
