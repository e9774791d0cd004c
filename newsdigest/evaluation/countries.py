"""Country eval: focus accuracy, hit@1 and mentioned-set P/R/F1 against a CLIFF-style baseline."""

from __future__ import annotations

import argparse
import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from newsdigest.evaluation.common import format_table, ptb_lines, read_jsonl, shared_dir
from newsdigest.models import CountryResult
from tasks.countries import detect_countries
from tasks.country_cues import batch_prior
from tasks.place_matcher import case_mode, find_mentions

Item = dict  # {source, title, dateline, text, countries, primary}
Predictor = Callable[[str, str | None, str | None], tuple[str | None, list[str]]]


def system_predict(
    text: str, title: str | None, dateline: str | None
) -> tuple[str | None, list[str]]:
    """The gazetteer detector: focus and mentioned codes."""
    result = detect_countries(text, title, dateline)
    return result.focus, result.codes


def cliff_predict(
    text: str, title: str | None, dateline: str | None
) -> tuple[str | None, list[str]]:
    """CLIFF's rule: the most-mentioned country, counting only country names and demonyms."""
    counts: Counter[str] = Counter()
    for seg in filter(None, [title, *text.split("\n")]):
        for m in find_mentions(seg, case_mode(seg)):
            codes = {c.iso2 for c in m.candidates if c.kind in ("country", "name", "demonym")}
            if len(codes) == 1:
                counts[codes.pop()] += 1
    ranked = [c for c, _ in counts.most_common()]  # ties keep first-mention order
    return (ranked[0] if ranked else None), ranked


def _dateline(raw: str | None) -> str | None:
    """The raw dateline, or None when empty."""
    return raw.strip() or None if raw else None


def score_items(
    items: Iterable[Item], predict: Predictor, done: dict[int, tuple] | None = None
) -> dict[str, dict[str, float]]:
    """Per-source metrics: focus accuracy (vs primary), hit@1, micro set P/R/F1, ms/article.

    `done` maps an item's index to a prediction already made (focus, codes, ms).
    """
    acc: dict[str, Counter] = defaultdict(Counter)
    for index, item in enumerate(items):
        gold = set(item.get("countries") or [])
        if not gold:
            continue
        if done is not None:
            focus, codes, ms = done[index]
        else:
            t0 = time.perf_counter()
            focus, codes = predict(
                item["text"], item.get("title") or None, _dateline(item.get("dateline"))
            )
            ms = (time.perf_counter() - t0) * 1000
        a = acc[item["source"]]
        a["ms"] += ms
        a["n"] += 1
        a["hit"] += focus in gold
        if item.get("primary"):
            a["n_primary"] += 1
            a["focus_ok"] += focus == item["primary"]
        a["tp"] += len(gold & set(codes))
        a["pred"] += len(set(codes))
        a["gold"] += len(gold)
    out = {}
    for source, a in sorted(acc.items()):
        p = a["tp"] / a["pred"] if a["pred"] else 0.0
        r = a["tp"] / a["gold"] if a["gold"] else 0.0
        out[source] = {
            "n": a["n"],
            "focus_acc": a["focus_ok"] / a["n_primary"] if a["n_primary"] else float("nan"),
            "hit1": a["hit"] / a["n"],
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "ms": a["ms"] / a["n"],
        }
    return out


def corpus_items(path: Path, limit: int | None = None) -> list[Item]:
    """Corpus truth rows with gold countries, as eval items (title + body paragraphs + dateline)."""
    items = []
    for row in read_jsonl(path, limit):
        if row.get("countries"):
            items.append(
                {
                    "source": f"corpus/{row['source']}",
                    "title": row.get("title"),
                    "dateline": row.get("dateline"),
                    "text": "\n\n".join(row.get("body_paragraphs") or []),
                    "countries": row["countries"],
                    "primary": None,
                    "batch": row.get("file"),
                }
            )
    return items


def split_halves(items: list[Item], source: str = "lgl") -> list[Item]:
    """Items of `source` renamed "<source>/tune" or "<source>/check" by a hash of their id.

    Rules are developed on the tuning half only; the check half tells whether they generalise.
    """
    out = []
    for item in items:
        if item["source"] == source:
            digest = int(hashlib.sha256(str(item.get("id", "")).encode()).hexdigest(), 16)
            item = {**item, "source": f"{source}/{'tune' if digest % 2 == 0 else 'check'}"}
        out.append(item)
    return out


def system_predictions(items: list[Item]) -> tuple[dict[int, tuple], dict[int, tuple]]:
    """System predictions per item index, alone and with the batch prior
    (tasks.country_cues.batch_prior) applied: one detection per item serves both.

    A batch is a corpus file (its `batch`), else the whole source (one outlet's feed).
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[item.get("batch") or item["source"]].append(index)
    alone, prior = {}, {}
    for indices in groups.values():
        results: list[CountryResult] = []
        for i in indices:
            t0 = time.perf_counter()
            results.append(detect_countries(items[i]["text"], items[i].get("title") or None,
                                            _dateline(items[i].get("dateline"))))  # fmt: skip
            alone[i] = (results[-1].focus, results[-1].codes, (time.perf_counter() - t0) * 1000)
        for i, r in zip(indices, batch_prior(results), strict=True):
            prior[i] = (r.focus, r.codes, alone[i][2])
    return alone, prior


def dateline_in_text(items: list[Item]) -> list[Item]:
    """The items as `newsdigest annotate` gets a raw article: the dateline opening the text
    ("WASHINGTON, Feb 26 - The ..."; a bare "WASHINGTON", as corpus truth stores it, gets " -")."""
    out = []
    for item in items:
        dateline = (item.get("dateline") or "").strip()
        if dateline:
            sep = "" if dateline[-1] in "-–—:" else " -"
            item = {**item, "text": f"{dateline}{sep} {item['text']}", "dateline": ""}
        out.append(item)
    return out


def _rewritten(items: list[Item], rewrite: Callable[[str], str]) -> list[Item]:
    """The raw articles (dateline in the text) with text and title rewritten."""
    return [
        {**i, "text": rewrite(i["text"]), "title": rewrite(i.get("title") or "")}
        for i in dateline_in_text(items)
    ]


def lower_cased(items: list[Item]) -> list[Item]:
    """The raw articles (dateline in the text) lower-cased, as a PTB-style dump gives them."""
    return _rewritten(items, str.lower)


def ptb_tokenized(items: list[Item], lower: bool = False) -> list[Item]:
    """The raw articles (dateline in the text) PTB-tokenised ("LONDON , March 2 -"), optionally
    lower-cased as well, as tokenised dumps give them."""
    return _rewritten(items, (lambda t: ptb_lines(t).lower()) if lower else ptb_lines)


def evaluate(items: list[Item]) -> dict[str, dict[str, dict[str, float]]]:
    """Metrics for the system (alone, with the batch prior, with the dateline given inside the
    text or not at all, lower-cased, PTB-tokenised) and the CLIFF baseline."""
    alone, prior = system_predictions(items)
    return {
        "system": score_items(items, system_predict, alone),
        "system+prior": score_items(items, system_predict, prior),
        "system, dateline in text": score_items(dateline_in_text(items), system_predict),
        "system, no dateline": score_items([{**i, "dateline": ""} for i in items], system_predict),
        "system, lower-cased": score_items(lower_cased(items), system_predict),
        "system, PTB-tokenised": score_items(ptb_tokenized(items), system_predict),
        "system, PTB-tokenised, lower-cased": score_items(
            ptb_tokenized(items, lower=True), system_predict
        ),
        "cliff": score_items(items, cliff_predict),
    }


def case_agreement(stories: Iterable[dict]) -> dict[str, dict[str, float]]:
    """Per source, the share of stories with a cased focus whose lower-cased PTB-tokenised text
    gets the same focus: no gold needed, the cased reading is the reference."""
    acc: dict[str, Counter] = defaultdict(Counter)
    for story in stories:
        cased = detect_countries(story["text"], story.get("title") or "").focus
        if cased is None:
            continue
        low = ptb_tokenized([story], lower=True)[0]
        acc[story["source"]]["n"] += 1
        acc[story["source"]]["same"] += detect_countries(low["text"], low["title"]).focus == cased
    return {s: {"n": a["n"], "agreement": a["same"] / a["n"]} for s, a in sorted(acc.items())}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `newsdigest eval countries`."""
    parser.add_argument(
        "--data", type=Path, default=None, help="countries JSONL (default: shared eval)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="corpus truth.jsonl (default: shared)"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N items per file")
    parser.add_argument(
        "--halves", action="store_true", help="report LGL as its tuning and check halves"
    )
    parser.add_argument(
        "--no-agreement", action="store_true", help="skip the cased vs lower-cased agreement table"
    )


def run(args: argparse.Namespace) -> int:
    """Print one Markdown table: system and baseline rows per source."""
    base = shared_dir()
    items = list(read_jsonl(args.data or base / "eval" / "countries.jsonl", args.limit))
    corpus = args.corpus or base / "corpus" / "dev" / "truth.jsonl"
    if corpus.exists():
        items += corpus_items(corpus, args.limit)
    if getattr(args, "halves", False):
        items = split_halves(items)
    start = time.perf_counter()
    detect_countries("Syria")  # build the gazetteer once, outside the per-article timings
    load_s = time.perf_counter() - start
    results = evaluate(items)
    headers = ["source", "method", "n", "focus acc", "hit@1", "P", "R", "F1", "ms/article"]
    rows = []
    for source in results["system"]:
        for method in results:
            m = results[method][source]
            acc = m["focus_acc"] if m["focus_acc"] == m["focus_acc"] else "-"  # NaN: no primary
            rows.append([source, method, int(m["n"]), acc, m["hit1"], m["precision"],
                         m["recall"], m["f1"], f"{m['ms']:.2f}"])  # fmt: skip
    print(format_table(headers, rows))
    print(
        f"\nGazetteer first load: {load_s:.2f} s. Baseline 'cliff': most-mentioned country name or"
    )
    print("demonym (CLIFF's focus rule). Corpus rows: title + body + dateline vs gold countries.")
    print("'system+prior': articles without any country evidence take the most common focus of")
    print("their batch (a corpus file, else the whole source), when it holds a majority.")
    print("'dateline in text': the dateline opens the text, as `newsdigest annotate` sees a raw")
    print("article; 'no dateline': the dateline is left out (its signal is lost); 'lower-cased':")
    print("the raw article (dateline in text) with no capitals at all; 'PTB-tokenised': the raw")
    print('article split into Penn-Treebank tokens ("LONDON , March 2 -", -LRB-), as tokenised')
    print("dumps give it, as cased text and lower-cased.")
    stories = base / "eval" / "summaries.jsonl"
    if stories.exists() and not args.no_agreement:
        agreement = case_agreement(read_jsonl(stories, args.limit))
        rows = [[source, int(a["n"]), a["agreement"]] for source, a in agreement.items()]
        print(
            "\nCased vs lower-cased PTB-tokenised text, no gold: stories of the summaries file with"
        )
        print("a focus in cased text, and the share that keep it when lower-cased and tokenised.\n")
        print(format_table(["source", "stories", "same focus"], rows))
    return 0
