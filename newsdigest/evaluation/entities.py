"""Entity eval: typed and untyped exact-span P/R/F1 on CoNLL-style documents, with baselines."""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from newsdigest.evaluation.common import format_table, read_jsonl, shared_dir
from newsdigest.models import EntitySpan

TYPES = ("PER", "ORG", "LOC")
Extractor = Callable[[str], list[EntitySpan]]
_NLTK_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "GPE": "LOC", "LOCATION": "LOC",
               "FACILITY": "LOC", "GSP": "LOC"}  # fmt: skip
_CAP_RUN = re.compile(r"[A-Z][\w'.-]*(?:[ \t]+[A-Z][\w'.-]*)*")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options: data file and document limit."""
    parser.add_argument("--data", type=Path, default=None, help="entities JSONL (default: shared)")
    parser.add_argument("--limit", type=int, default=None, help="score at most N documents")


def _prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: Iterable[dict], extract: Extractor) -> dict:
    """Micro P/R/F1 (typed, untyped, per type) and ms/doc for one extractor; MISC gold dropped."""
    counts = {k: [0, 0, 0] for k in ("typed", "untyped", *TYPES)}  # tp, pred, gold
    elapsed = 0.0
    n_docs = 0
    for doc in docs:
        n_docs += 1
        gold = {(e["start"], e["end"], e["type"]) for e in doc["entities"] if e["type"] in TYPES}
        t0 = time.perf_counter()
        spans = extract(doc["text"])
        elapsed += time.perf_counter() - t0
        pred = {(s.start, s.end, s.type) for s in spans if s.type in TYPES}
        gold_u = {(s, e) for s, e, _ in gold}
        pred_u = {(s, e) for s, e, _ in pred}
        for key, g, p in (("typed", gold, pred), ("untyped", gold_u, pred_u)):
            counts[key][0] += len(g & p)
            counts[key][1] += len(p)
            counts[key][2] += len(g)
        for t in TYPES:
            g_t = {x for x in gold if x[2] == t}
            p_t = {x for x in pred if x[2] == t}
            counts[t][0] += len(g_t & p_t)
            counts[t][1] += len(p_t)
            counts[t][2] += len(g_t)
    out: dict = {"docs": n_docs, "ms_per_doc": 1000 * elapsed / max(n_docs, 1)}
    for key, (tp, pred_n, gold_n) in counts.items():
        p, r, f = _prf(tp, pred_n, gold_n)
        out[key] = {"p": p, "r": r, "f1": f, "tp": tp, "pred": pred_n, "gold": gold_n}
    return out


def naive_extract(text: str) -> list[EntitySpan]:
    """Baseline: capitalised runs; gazetteer places are LOC, all-caps words ORG, the rest PER."""
    from tasks.entity_lexicon import place

    out = []
    for m in _CAP_RUN.finditer(text):
        name = m.group().rstrip(".")
        entry = place(name)
        etype = "LOC" if entry else "ORG" if name.isupper() and len(name) <= 6 else "PER"
        end = m.start() + len(name)
        out.append(EntitySpan(name, etype, m.start(), end, entry[0] if entry else name))
    return out


def nltk_extract(text: str) -> list[EntitySpan]:
    """NLTK `ne_chunk` over whitespace tokens (needs NLTK data; raises LookupError without it)."""
    import nltk

    out: list[EntitySpan] = []
    for line_match in re.finditer(r"[^\n]+", text):
        words = [
            (m.group(), m.start() + line_match.start())
            for m in re.finditer(r"\S+", line_match.group())
        ]
        tree = nltk.ne_chunk(nltk.pos_tag([w for w, _ in words]))
        k = 0
        for node in tree:
            if isinstance(node, nltk.Tree):
                size = len(node)
                etype = _NLTK_TYPES.get(node.label())
                if etype:
                    start, end = words[k][1], words[k + size - 1][1] + len(words[k + size - 1][0])
                    out.append(EntitySpan(text[start:end], etype, start, end))
                k += size
            else:
                k += 1
    return out


def lower_cased(doc: dict) -> dict:
    """The document with no capitals (same offsets), as a lower-cased dump gives it."""
    return {**doc, "text": doc["text"].lower(), "title": (doc.get("title") or "").lower()}


def evaluate(path: Path, limit: int | None = None) -> dict[str, dict]:
    """Metrics for the rule extractor and the baselines (NLTK maps to {'error': ...} if missing)."""
    from tasks.entities import extract_entities

    docs = list(read_jsonl(path, limit))
    extract_entities("Warm-up: Mr. John Smith of Acme Corp. visited Paris.")  # load gazetteers
    results: dict[str, dict] = {"rules (tasks.entities)": score(docs, extract_entities)}
    results["rules, lower-cased text"] = score(map(lower_cased, docs), extract_entities)
    results["naive: capitalised runs + gazetteer"] = score(docs, naive_extract)
    try:
        results["NLTK ne_chunk"] = score(docs, nltk_extract)
    except LookupError:
        results["NLTK ne_chunk"] = {"error": "not installed on this machine"}
    return results


def run(args: argparse.Namespace) -> int:
    """Print typed/untyped and per-type P/R/F1 next to the baselines as Markdown tables."""
    path = args.data or shared_dir() / "eval" / "entities.jsonl"
    results = evaluate(path, args.limit)
    headers = ["system", "typed P", "typed R", "typed F1", "untyped F1",
               "PER F1", "ORG F1", "LOC F1", "ms/doc"]  # fmt: skip
    rows = []
    for name, res in results.items():
        if "error" in res:
            rows.append([name, res["error"], *[""] * (len(headers) - 2)])
            continue
        t = res["typed"]
        rows.append([name, t["p"], t["r"], t["f1"], res["untyped"]["f1"],
                     *(res[k]["f1"] for k in TYPES), round(res["ms_per_doc"], 2)])  # fmt: skip
    first = next(iter(results.values()))
    gold = first["typed"]["gold"]
    print(f"Entities: {path} ({first['docs']} docs, {gold} PER/ORG/LOC gold spans; MISC removed)\n")
    print(format_table(headers, rows))
    detail = []
    for name, res in results.items():
        if "error" not in res:
            for key in ("typed", "untyped", *TYPES):
                m = res[key]
                detail.append([name, key, m["p"], m["r"], m["f1"], m["tp"], m["pred"], m["gold"]])
    print("\nExact-span match per type (tp = matched spans):\n")
    print(format_table(["system", "spans", "P", "R", "F1", "tp", "predicted", "gold"], detail))
    return 0
