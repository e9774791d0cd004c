"""Parse stress: seed files made from material the dev corpus does not hold, parsed and checked.

Two pools, each written in both seed layouts by `bench/corpus.py`'s renderers:
- `recombined`: dev-corpus titles and paragraphs recombined with another seed (as the bench does);
- `cnndm`: the CNN/DailyMail stories of `../shared/eval/summaries.jsonl`, the kind held-out dumps
  add, with the first highlight as title and the next two as bullets, as cased text, lower-cased,
  and lower-cased Penn-Treebank tokens ("-lrb- cnn -rrb- --").
Each article is checked field by field as `newsdigest eval parse` checks the dev corpus (the
same truth fields and normalisation). Nothing is copied into the repo: the text is read from
../shared at run time.

Run: `.venv/bin/python bench/parse_stress.py --articles 3000 --seed 7`
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
from nltk.tokenize import TreebankWordTokenizer  # noqa: E402

from newsdigest.evaluation.common import read_jsonl, shared_dir  # noqa: E402
from newsdigest.evaluation.parse import FIELDS, _norm, _norm_fields, _truth_fields  # noqa: E402
from newsdigest.models import Article  # noqa: E402
from tasks.split import split_articles  # noqa: E402

_BRACKETS = {"(": "-lrb-", ")": "-rrb-", "[": "-lsb-", "]": "-rsb-", "{": "-lcb-", "}": "-rcb-"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_CITIES = ("LONDON", "WASHINGTON", "NEW YORK", "ATLANTA", "LOS ANGELES", "HONG KONG", "PARIS")


def _casing(mode: str):
    """A function putting one sentence in the pool's casing: cased, lower or ptb."""
    tokenizer = TreebankWordTokenizer()

    def apply(sentence: str) -> str:
        if mode == "cased":
            return sentence
        low = sentence.lower()
        if mode == "lower":
            return low
        return " ".join(_BRACKETS.get(w, w) for w in tokenizer.tokenize(low))

    return apply


def cnndm_inventor(rng: random.Random, mode: str):
    """Articles from CNN/DM stories: 1-3 sentences a paragraph, highlights as title and bullets."""
    rows = read_jsonl(shared_dir() / "eval" / "summaries.jsonl")
    rows = [r for r in rows if r["source"] == "cnndm_sample"]
    case = _casing(mode)

    def invent() -> dict:
        row = rng.choice(rows)
        sentences = [case(s) for s in _SENTENCE_END.split(row["text"]) if s.strip()]
        paras, i = [], 0
        while i < len(sentences):
            k = rng.randint(1, 3)
            paras.append(" ".join(sentences[i : i + k]))
            i += k
        highlights = [case(h).rstrip(" .").strip() for h in row["reference_sentences"]]
        layout = rng.choice("AB")
        first = highlights[0]
        title = (
            " ".join(w[:1].upper() + w[1:] for w in first.split(" "))
            if layout == "A"
            else first[:1].upper() + first[1:]
        )
        caption = rng.choice(sentences[:5])
        return {
            "title": title,
            "body": paras,
            "layout": layout,
            "caption": f"{caption[:1].upper()}{caption[1:]} ({rng.choice(corpus.AGENCIES)})",
            "dateline": rng.choice(_CITIES) if rng.random() < 0.5 else None,
            "bullets": highlights[1:3] if rng.random() < 0.6 else [],
            "updated": f"{rng.randint(1, 28)} {rng.choice(corpus.MONTHS)} 2019",
            "b_caption": rng.random() < 0.6,
        }

    return invent


def truth_row(article: dict) -> dict:
    """An invented article as the dev corpus's truth.jsonl records what was printed."""
    b = article["layout"] == "B"
    return {
        "layout": article["layout"],
        "title": article["title"],
        "caption": article["caption"] if not b or article["b_caption"] else None,
        "updated": dt.datetime.strptime(article["updated"], "%d %B %Y").date().isoformat()
        if b
        else None,
        "bullets": [x.rstrip(".") for x in article["bullets"]] if b else [],
        "dateline": article["dateline"] if b else None,
        "body_paragraphs": article["body"],
        "with_agency": None,
    }


def errors(truth: dict, got: Article) -> list[str]:
    """The fields of one parsed article that `newsdigest eval parse` would count wrong."""
    want = {k: _norm(v) for k, v in _truth_fields(truth_row(truth)).items()}
    have = _norm_fields(got)
    return [f for f in FIELDS if have[f] != want[f]]


def stress(invent, n: int, rng: random.Random) -> tuple[int, Counter]:
    """Write files of 1-9 invented articles until n, parse each, count articles wrong per field
    ("count": in a file whose article count came out wrong)."""
    bad, done = Counter(), 0
    while done < n:
        arts = [invent() for _ in range(rng.randint(1, 9))]
        got = split_articles(corpus.render_file(arts))
        done += len(arts)
        if len(got) != len(arts):
            bad["count"] += len(arts)
            continue
        for truth, article in zip(arts, got, strict=True):
            bad.update(errors(truth, article))
    return done, bad


def main(argv: list[str] | None = None) -> int:
    """Print one row per pool: articles, and the share exact per field."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--articles", type=int, default=3000, help="articles per pool")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    pool, seen = corpus.load_pool(), set()
    pools = {"recombined": None, "cnndm cased": "cased", "cnndm lower": "lower", "cnndm ptb": "ptb"}
    columns = ("count", *FIELDS)
    print("| pool | articles | " + " | ".join(f"{f} exact" for f in columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    for name, mode in pools.items():
        rng = random.Random(args.seed)
        invent = cnndm_inventor(rng, mode) if mode else (lambda r=rng: corpus.invent(r, pool, seen))
        n, bad = stress(invent, args.articles, rng)
        cells = " | ".join(f"{100 * (1 - bad[f] / n):.2f}%" for f in columns)
        print(f"| {name} | {n} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
