"""Parser eval: per-field exact match against the dev corpus truth, next to a naive baseline."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from newsdigest.evaluation.common import format_table, read_jsonl, shared_dir
from newsdigest.models import Article
from tasks.normalize import ParseError, decode_bytes, normalize_text
from tasks.split import split_articles

FIELDS = ("title", "caption", "published", "highlights", "dateline", "body", "credit", "layout")
_CREDIT = re.compile(r"\(With (.+)\)")


def _norm(value: object) -> object:
    """NFKC + collapsed whitespace for strings (recursively for lists); None stays None."""
    if isinstance(value, str):
        return " ".join(unicodedata.normalize("NFKC", value).split())
    if isinstance(value, list):
        return [_norm(v) for v in value]
    return value


def _truth_fields(row: dict) -> dict:
    """The truth row in Article field names."""
    return {
        "title": row["title"],
        "caption": row["caption"],
        "published": row["updated"],
        "highlights": row["bullets"],
        "dateline": row["dateline"],
        "body": row["body_paragraphs"],
        "credit": row["with_agency"],
        "layout": row["layout"],
    }


def _pred_fields(article: Article) -> dict:
    """An Article's fields in comparable form (credit reduced to the agency name)."""
    m = _CREDIT.fullmatch(article.credit or "")
    return {
        "title": article.title,
        "caption": article.caption,
        "published": article.published,
        "highlights": article.highlights,
        "dateline": article.dateline,
        "body": article.body,
        "credit": m.group(1) if m else None,
        "layout": article.layout,
    }


def naive_split(text: str) -> list[Article]:
    """Baseline: split on 3+ blank lines; first line is the title, other blocks are paragraphs."""
    out = []
    for block in re.split(r"\n[ \t]*\n[ \t]*\n[ \t]*\n+", normalize_text(text)):
        paras = [p.strip() for p in re.split(r"\n\s*\n", block) if p.strip()]
        if paras:
            out.append(Article(title=paras[0], body=paras[1:], layout="A", position=len(out)))
    return out


def _boilerplate(row: dict) -> set[str]:
    """Header/footer lines of a truth article that must never reach the body."""
    lines = {"TT", "20", row["title"], *(row["bullets"] or [])}
    if row["caption"]:
        lines.add(row["caption"])
    if row["with_agency"]:
        lines.add(f"(With {row['with_agency']})")
    return {_norm(x) for x in lines}


def evaluate(
    data: Path, limit: int | None = None, splitter: Callable[[str], list[Article]] = split_articles
) -> dict:
    """Per-field exact shares, body paragraph P/R, boilerplate leaks, article counts, all-exact."""
    truth: dict[str, list[dict]] = defaultdict(list)
    for row in read_jsonl(data / "truth.jsonl"):
        truth[row["file"]].append(row)
    files = sorted(truth)[:limit] if limit is not None else sorted(truth)
    hits = dict.fromkeys(FIELDS, 0)
    n_articles = count_ok = all_ok = errors = leaks = 0
    para_tp = para_pred = para_true = 0
    for name in files:
        rows = sorted(truth[name], key=lambda r: r["index_in_file"])
        try:
            predicted = splitter(decode_bytes((data / name).read_bytes()))
        except ParseError:
            predicted, errors = [], errors + 1
        count_ok += len(predicted) == len(rows)
        for i, row in enumerate(rows):
            n_articles += 1
            want = {k: _norm(v) for k, v in _truth_fields(row).items()}
            got = _norm_fields(predicted[i]) if i < len(predicted) else {}
            same = [f for f in FIELDS if f in got and got[f] == want[f]]
            for f in same:
                hits[f] += 1
            all_ok += len(same) == len(FIELDS)
            body = Counter(got.get("body", []))
            para_tp += sum((body & Counter(want["body"])).values())
            para_pred += sum(body.values())
            para_true += len(want["body"])
            extra = set(body) - set(want["body"])  # a body may legitimately repeat a bullet
            leaks += any(p in _boilerplate(row) or p.startswith("Updated ") for p in extra)
    share = lambda n, d: n / d if d else 0.0  # noqa: E731
    return {
        "files": len(files),
        "articles": n_articles,
        "parse_errors": errors,
        "count_accuracy": share(count_ok, len(files)),
        "fields": {f: share(hits[f], n_articles) for f in FIELDS},
        "body_precision": share(para_tp, para_pred),
        "body_recall": share(para_tp, para_true),
        "boilerplate_leaks": share(leaks, n_articles),
        "all_exact": share(all_ok, n_articles),
    }


def _norm_fields(article: Article) -> dict:
    """An Article's comparable fields, normalised."""
    return {k: _norm(v) for k, v in _pred_fields(article).items()}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """CLI options: --data DIR (default: the shared dev corpus) and --limit N files."""
    parser.add_argument("--data", type=Path, default=None, help="corpus dir with truth.jsonl")
    parser.add_argument("--limit", type=int, default=None, help="evaluate the first N files only")


def run(args: argparse.Namespace) -> int:
    """Evaluate the parser and the naive baseline; print a Markdown table."""
    data = args.data or shared_dir() / "corpus" / "dev"
    ours = evaluate(data, args.limit)
    base = evaluate(data, args.limit, splitter=naive_split)
    pct = "{:.1%}".format
    rows: list[list[object]] = [
        [f"{f} exact", pct(ours["fields"][f]), pct(base["fields"][f])] for f in FIELDS
    ]
    rows += [
        ["body paragraph precision", pct(ours["body_precision"]), pct(base["body_precision"])],
        ["body paragraph recall", pct(ours["body_recall"]), pct(base["body_recall"])],
        [
            "articles with boilerplate in body",
            pct(ours["boilerplate_leaks"]),
            pct(base["boilerplate_leaks"]),
        ],
        ["articles per file", pct(ours["count_accuracy"]), pct(base["count_accuracy"])],
        ["all fields exact", pct(ours["all_exact"]), pct(base["all_exact"])],
        ["parse errors (files)", ours["parse_errors"], base["parse_errors"]],
    ]
    print(f"Parser eval on {data} ({ours['files']} files, {ours['articles']} articles)\n")
    print(format_table(["metric", "parser", "naive baseline"], rows))
    return 0
