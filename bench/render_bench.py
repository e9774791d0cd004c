"""Time the digest of a synthetic day of 2,000 invented articles: context, HTML, Markdown.

Run: `.venv/bin/python bench/render_bench.py [--articles 2000] [--repeat 3]`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.digest_context import History, build_context  # noqa: E402
from tasks.render import render  # noqa: E402

COUNTRIES = ["ES", "PE", "KE", "JP", "DE", "BR", "IN", "EG", "LY", "SY", "FR", "US", "CN", "NG"]
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "del", "an", "ri", "po", "ne", "sha", "tor"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _sentence(rng: random.Random) -> str:
    words = [_word(rng) for _ in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + "."


def synthetic_day(n: int, seed: int = 7, dup_share: float = 0.1) -> tuple:
    """Invented rows: n articles of 8 paragraphs, a `dup_share` of them lightly edited copies."""
    rng = random.Random(seed)
    people = [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(300)]
    orgs = [f"{_word(rng).title()} Council" for _ in range(120)]
    places = [_word(rng).title() for _ in range(200)]
    start = datetime(2026, 3, 4, tzinfo=UTC)
    rows, ents, countries = [], {}, {}
    for i in range(n):
        aid = f"{i:032x}"
        if rows and rng.random() < dup_share:
            src = rng.choice(rows)
            body = [p.replace(".", ", officials said.", 1) for p in src["body"]]
            title = src["title"]
        else:
            body = [" ".join(_sentence(rng) for _ in range(4)) for _ in range(8)]
            title = _sentence(rng)[:-1]
        rows.append({
            "article_id": aid, "title": title, "caption": None, "published": date(2026, 3, 3),
            "highlights": [_sentence(rng)] if i % 3 == 0 else [], "dateline": "VALMORA",
            "body": body, "credit": "(With AFP)", "layout": "AB"[i % 2],
            "ingested_at": start + timedelta(seconds=40 * i),
            "summary": [body[0].split(". ")[0] + ".", body[2].split(". ")[0] + "."],
            "files": [f"{i // 25:03d}_wire.txt"],
        })  # fmt: skip
        ents[aid] = sorted(
            [(rng.choice(people), "PER", rng.randint(1, 5)) for _ in range(4)]
            + [(rng.choice(orgs), "ORG", rng.randint(1, 4)) for _ in range(3)]
            + [(rng.choice(places), "LOC", rng.randint(1, 4)) for _ in range(3)],
            key=lambda e: -e[2],
        )
        picks = rng.sample(COUNTRIES, 3)
        countries[aid] = [(picks[0], True), (picks[1], False), (picks[2], False)]
    return rows, ents, countries


def bench(n: int, repeat: int) -> dict[str, float]:
    """Best-of-`repeat` seconds for each stage, plus output sizes."""
    rows, ents, countries = synthetic_day(n)
    hist = History({c: 100 for c in COUNTRIES}, 1400, {}, 9000)
    best: dict[str, float] = {}
    for _ in range(repeat):
        times = [(time.perf_counter(), time.process_time())]
        ctx = build_context(date(2026, 3, 4), "UTC", rows, ents, countries, 80, history=hist)
        times.append((time.perf_counter(), time.process_time()))
        html = render(ctx, "html")
        times.append((time.perf_counter(), time.process_time()))
        md = render(ctx, "md")
        times.append((time.perf_counter(), time.process_time()))
        for i, stage in enumerate(("context", "html", "md")):
            for j, clock in enumerate(("wall", "cpu")):
                key = f"{stage}_{clock}"
                best[key] = min(best.get(key, 1e9), times[i + 1][j] - times[i][j])
    return best | {"stories": ctx.story_count, "html_mb": len(html.encode()) / 1e6,
                   "md_mb": len(md.encode()) / 1e6}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print a Markdown table of the timings."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args(argv)
    r = bench(args.articles, args.repeat)
    load = os.getloadavg()[0]
    print(f"{args.articles} articles -> {r['stories']} stories after folding near-duplicates; "
          f"HTML {r['html_mb']:.1f} MB, Markdown {r['md_mb']:.1f} MB; best of {args.repeat}, "
          f"{os.cpu_count()} CPUs, load average {load:.1f}\n")  # fmt: skip
    print("| stage | wall s | CPU s |\n|---|---:|---:|")
    names = {"context": "build context (incl. clustering)", "html": "render HTML",
             "md": "render Markdown"}  # fmt: skip
    for stage, name in names.items():
        print(f"| {name} | {r[stage + '_wall']:.3f} | {r[stage + '_cpu']:.3f} |")
    total = [sum(r[f"{s}_{c}"] for s in names) for c in ("wall", "cpu")]
    print(f"| total | {total[0]:.3f} | {total[1]:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
