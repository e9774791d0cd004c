"""Bench corpus: N distinct, realistic articles in both seed layouts, recombined at run time.

Paragraphs, titles, captions and datelines come from `../shared/corpus/dev/truth.jsonl` (read at run
time, never copied into the repo). Each invented article takes a title and 3-9 body paragraphs
drawn from different dev articles, so every article (and file) is distinct: dedup cannot shortcut.

Run: `.venv/bin/python bench/corpus.py OUT_DIR --articles 10000`
(writes OUT_DIR/seeds/*.txt and OUT_DIR/articles.jsonl, the bare texts the floor loop reads).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdigest.evaluation.common import read_jsonl, shared_dir  # noqa: E402

AGENCIES = ("AFP", "Reuters", "AP", "EPA")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
OLD_MTIME = 1_600_000_000  # files look long settled, whatever the watcher's settle window


@dataclass(frozen=True)
class Pool:
    """Material to recombine: titles, body paragraphs, captions, datelines, bullets."""

    titles: list[str]
    paragraphs: list[str]
    captions: list[str]
    datelines: list[str]
    bullets: list[str]


def load_pool(truth: Path | None = None) -> Pool:
    """Read the dev corpus ground truth (the shared data) into a recombination pool."""
    rows = list(read_jsonl(truth or shared_dir() / "corpus" / "dev" / "truth.jsonl"))
    paragraphs = [p for r in rows for p in r["body_paragraphs"] if len(p) > 40]
    return Pool(
        titles=[r["title"] for r in rows],
        paragraphs=paragraphs,
        captions=[r["caption"].rsplit(" (", 1)[0] for r in rows if r.get("caption")],
        datelines=sorted({r["dateline"] for r in rows if r.get("dateline")}),
        bullets=[b for r in rows for b in r.get("bullets", [])],
    )


def invent(rng: random.Random, pool: Pool, seen: set[bytes]) -> dict:
    """One new article: a title and paragraphs from different dev articles, never seen before."""
    while True:
        idx = rng.sample(range(len(pool.paragraphs)), rng.randint(3, 9))
        title = rng.choice(pool.titles)
        key = hashlib.blake2b(repr((title, idx)).encode(), digest_size=12).digest()
        if key not in seen:
            seen.add(key)
            break
    body = [pool.paragraphs[i] for i in idx]
    return {
        "title": title,
        "body": body,
        "layout": rng.choice("AB"),
        "caption": rng.choice(pool.captions) + f" ({rng.choice(AGENCIES)})",
        "dateline": rng.choice(pool.datelines) if rng.random() < 0.6 else None,
        "bullets": rng.sample(pool.bullets, rng.randint(0, 2)) if rng.random() < 0.4 else [],
        "updated": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2019",
        "b_caption": rng.random() < 0.6,
    }


def render_a(a: dict) -> str:
    """Layout A (Asharq Al-Awsat): title, caption twice, TT/20, title, caption twice, paragraphs."""
    cap = a["caption"]
    head = [a["title"], "", cap, cap, "TT", "20", "", a["title"], "", cap, cap, ""]
    return "\n".join(head) + "\n" + "\n\n".join(a["body"])


def render_b(a: dict) -> str:
    """Layout B (Arab News): title, optional caption, Updated line, title, bullets, paragraphs."""
    lines = [a["title"], ""]
    if a["b_caption"]:
        lines.append(a["caption"])
    lines += [f"Updated {a['updated']}", "", a["title"], ""]
    if a["bullets"]:
        lines += [f"  \u2022 {b.rstrip('.')}" for b in a["bullets"]] + [""]
    body = list(a["body"])
    if a["dateline"]:
        body[0] = f"{a['dateline']}: {body[0]}"
    return "\n".join(lines + body)


def render_file(articles: list[dict]) -> str:
    """A seed file: A articles end with three blank lines, B articles with one."""
    out = []
    for i, a in enumerate(articles):
        out.append(render_a(a) if a["layout"] == "A" else render_b(a))
        if i < len(articles) - 1:
            out.append("\n\n\n\n" if a["layout"] == "A" else "\n\n")
    return "".join(out)


def build(out: Path, n: int, seed: int = 8, pool: Pool | None = None) -> dict:
    """Write n articles as seed files (1-9 per file) under out/seeds plus out/articles.jsonl."""
    pool = pool or load_pool()
    rng, seen = random.Random(seed), set()
    seeds = out / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    t0, files, done = time.perf_counter(), 0, 0
    with open(out / "articles.jsonl", "w", encoding="utf-8") as jf:
        while done < n:
            k = min(rng.randint(1, 9), n - done)
            arts = [invent(rng, pool, seen) for _ in range(k)]
            text = render_file(arts)
            digest = hashlib.sha256(text.encode()).hexdigest()[:16]
            path = seeds / f"{files:06d}_{digest}.txt"
            path.write_text(text, encoding="utf-8")
            os.utime(path, (OLD_MTIME, OLD_MTIME))
            for a in arts:
                jf.write(json.dumps({"title": a["title"], "body": a["body"]}) + "\n")
            files, done = files + 1, done + k
    return {"articles": n, "files": files, "seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    """Build a corpus and print its size."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--seed", type=int, default=8)
    args = p.parse_args(argv)
    print(json.dumps(build(args.out, args.articles, args.seed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
