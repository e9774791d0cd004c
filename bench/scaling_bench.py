"""Annotate-stage speedup: 1 vs 2 workers, for the process pool and a Dask cluster.

Run: `.venv/bin/python bench/scaling_bench.py [--articles 300] [--repeat 3] [--files 60]`.

Invented news articles (~30 sentences, places, people, organisations) are annotated by each
runner after its workers are warm (start-up and NLP load reported apart); the figure is the
median of `--repeat` passes. The Dask workers are `dask scheduler` / `dask worker` processes,
each in its own session as a deployed worker runs; the process pool's workers are children of
this process, in its session (with Linux autogroup scheduling, one session gets one share of
the CPU when other sessions are busy: see docs/scaling.md). Then a whole ingest (parse, claim,
annotate, store, snapshot after each chunk) of `--files` seed files runs in-process and with 2
workers of each kind.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.runners import (  # noqa: E402
    annotate_chunks,
    close_dask,
    close_pools,
    dask_client,
    process_pool,
)
from tasks.split import split_articles  # noqa: E402

PLACES = [
    ("OSLO", "Norway", "Norwegian"), ("LIMA", "Peru", "Peruvian"), ("HANOI", "Vietnam",
    "Vietnamese"), ("ACCRA", "Ghana", "Ghanaian"), ("RIGA", "Latvia", "Latvian"),
    ("DOHA", "Qatar", "Qatari"), ("NAIROBI", "Kenya", "Kenyan"), ("QUITO", "Ecuador", "Ecuadorian"),
]  # fmt: skip
PEOPLE = ["Ingrid Solberg", "Marta Quispe", "Tran Van Minh", "Kofi Mensah", "Anna Ozola",
          "Omar Haddad", "Grace Wanjiru", "Luis Cordero"]  # fmt: skip
ORGS = ["World Bank", "Central Bank", "Ministry of Finance", "Red Cross", "Port Authority",
        "National Assembly", "Energy Commission"]  # fmt: skip
TOPICS = ["harbour", "railway", "budget", "vaccine", "election", "drought", "bridge", "tariff",
          "pipeline", "school", "water", "housing"]  # fmt: skip
TEMPLATES = [
    "The {adj} government said on {day} that the {topic} plan would cost {n} million dollars.",
    "{person}, who heads the {org}, told reporters in {city} that talks would resume next week.",
    "Critics in {country} said the {topic} scheme had been delayed {k} times since {year}.",
    "Officials from the {org} met delegates from {other} to discuss the {topic} project.",
    "According to the {org}, about {n} thousand people in {country} depend on the {topic}.",
    "{person} said the {adj} parliament would vote on the {topic} bill before the end of {month}.",
    "Residents of {city} protested on {day}, saying the {topic} works had disrupted daily life.",
    "Analysts expect the {topic} programme to raise growth in {country} by {k} percent.",
    "A spokesman for the {org} declined to comment on the {topic} contract with {other}.",
    "The plan was first proposed in {year} by {person}, then a junior minister.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["March", "April", "May", "June"]


def article_text(rng: random.Random, serial: int, sentences: int = 30) -> str:
    """One invented layout-B article of about `sentences` sentences in 3-sentence paragraphs."""
    city, country, adj = rng.choice(PLACES)
    other = rng.choice([p[1] for p in PLACES if p[1] != country])
    topic = rng.choice(TOPICS)
    title = f"{country} weighs {topic} plan as costs rise, report {serial}"
    lines = []
    for _ in range(sentences):
        lines.append(rng.choice(TEMPLATES).format(
            adj=adj, day=rng.choice(DAYS), topic=topic, n=rng.randint(2, 900),
            person=rng.choice(PEOPLE), org=rng.choice(ORGS), city=city.title(), country=country,
            k=rng.randint(2, 9), year=rng.randint(1995, 2024), other=other,
            month=rng.choice(MONTHS)))  # fmt: skip
    paras = [" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3)]
    paras[0] = f"{city}: {paras[0]}"
    return f"{title}\n\nUpdated 2 March 2026\n\n{title}\n\n" + "\n".join(paras) + "\n"


def make_articles(n: int, seed: int = 9) -> list:
    """`n` parsed invented articles."""
    rng = random.Random(seed)
    return [a for i in range(n) for a in split_articles(article_text(rng, i))]


def write_seeds(seeds: Path, n_files: int, per_file: int = 5, seed: int = 9) -> None:
    """`n_files` seed files of `per_file` invented articles each."""
    rng = random.Random(seed)
    seeds.mkdir(parents=True, exist_ok=True)
    for i in range(n_files):
        text = "\n".join(article_text(rng, i * per_file + k) for k in range(per_file))
        (seeds / f"bench-{i:04d}.txt").write_text(text, encoding="utf-8")


def timed(fn, repeat: int) -> float:  # noqa: ANN001
    """Median seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def stage_figures(articles: list, repeat: int) -> list[tuple[str, int, float, float]]:
    """(runner, workers, warm-up seconds, median annotate seconds) for each configuration.

    Every configuration is started and warmed first, then the passes rotate through them
    (a different order each round), so load from other jobs on a shared machine falls on
    all of them alike instead of on whichever ran last.
    """
    from contextlib import ExitStack

    from tests.scaleout_helpers import dask_cluster

    runs, warm, stack = {}, {}, ExitStack()
    t0 = time.perf_counter()
    annotate_chunks(articles[:2], runner="local")
    warm[("local", 1)] = time.perf_counter() - t0
    runs[("local", 1)] = lambda: annotate_chunks(articles, runner="local")
    for n in (1, 2):
        t0 = time.perf_counter()
        [f.result() for f in [process_pool(n).submit(int, 0) for _ in range(n)]]
        warm[("process", n)] = time.perf_counter() - t0
        runs[("process", n)] = lambda n=n: annotate_chunks(articles, runner="process", workers=n)
    for n in (1, 2):  # `dask scheduler` + `dask worker` processes, as deployed
        t0 = time.perf_counter()
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        cluster = stack.enter_context(dask_cluster(tmp, workers=n))
        dask_client(cluster.address, n)  # connects and warms every worker
        warm[("dask", n)] = time.perf_counter() - t0
        runs[("dask", n)] = lambda a=cluster.address: annotate_chunks(
            articles, runner="dask", dask_address=a
        )
    times: dict[tuple[str, int], list[float]] = {k: [] for k in runs}
    keys = list(runs)
    for r in range(repeat):
        for key in keys[r % len(keys) :] + keys[: r % len(keys)]:
            times[key].append(timed(runs[key], 1))
    close_dask(), close_pools()
    stack.close()
    return [(k, n, warm[(k, n)], statistics.median(times[(k, n)])) for k, n in keys]


def ingest_figures(n_files: int) -> list[tuple[str, float, int]]:
    """(runner, seconds, articles stored) of a whole plain ingest per runner (workers warm)."""
    from tests.reliability.ingest_driver import plain_ingest

    out = []
    for kind in ("local", "process", "dask"):
        with tempfile.TemporaryDirectory() as tmp:
            write_seeds(Path(tmp) / "seeds", n_files)
            os.environ["NEWSDIGEST_RUNNER"], os.environ["NEWSDIGEST_WORKERS"] = kind, "2"
            annotate_chunks(make_articles(8), runner=kind, workers=2)  # warm workers first
            t0 = time.perf_counter()
            res = plain_ingest(Path(tmp) / "seeds", Path(tmp) / "wh", chunk_files=50)
            out.append((kind, time.perf_counter() - t0, res["articles_stored"]))
    return out


def main(argv: list[str] | None = None) -> int:
    """Print both tables (Markdown)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--files", type=int, default=60, help="seed files (5 articles each)")
    args = ap.parse_args(argv)

    articles = make_articles(args.articles)
    sents = sum(len(a.body) for a in articles) * 3 // max(1, len(articles))
    print(f"annotate stage: {len(articles)} articles (~{sents} sentences each), "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
          f"median of {args.repeat} rotated passes\n")  # fmt: skip
    rows = stage_figures(articles, args.repeat)
    base = {kind: s for kind, n, _, s in rows if n == 1}
    print("| runner | workers | start + warm-up s | annotate s | articles/s | speedup vs 1 |")
    print("|---|---|---|---|---|---|")
    for kind, n, warm, s in rows:
        print(f"| {kind} | {n} | {warm:.1f} | {s:.2f} | {len(articles) / s:.0f} |"
              f" {base[kind] / s:.2f}x |")  # fmt: skip
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    if args.files:
        print(f"\nwhole ingest: {args.files} files x 5 articles, 2 workers, workers warm\n")
        print("| runner | seconds | articles stored | speedup vs local |")
        print("|---|---|---|---|")
        ing = ingest_figures(args.files)
        for kind, s, n in ing:
            print(f"| {kind} | {s:.2f} | {n} | {ing[0][1] / s:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
