"""Writer and reader processes for the analyst-concurrency test and benchmark.

writer: drops batches of invented layout-B seed files and ingests each batch the way the
ingest flow does (pending → parse → new → annotate → store, under the writer lock), then
publishes the snapshot; it logs the article count after each batch and its busy time.
reader: runs analyst queries on the snapshot in a loop until told to stop, checking that
every snapshot is whole; it logs each article count it saw and any error.

    python bench/concurrency.py writer --seeds S --warehouse W --batches 6 --files 4 --out w.json
    python bench/concurrency.py reader --warehouse W --stop STOPFILE --out r.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import traceback
from pathlib import Path

CITIES = (
    ("OSLO", "Norway", "Norwegian"), ("NAIROBI", "Kenya", "Kenyan"),
    ("LIMA", "Peru", "Peruvian"), ("HANOI", "Vietnam", "Vietnamese"),
    ("ACCRA", "Ghana", "Ghanaian"), ("QUITO", "Ecuador", "Ecuadorian"),
    ("TUNIS", "Tunisia", "Tunisian"), ("MANILA", "Philippines", "Philippine"),
)  # fmt: skip
PEOPLE = ("Amara Okafor", "Lena Vik", "Tomas Quispe", "Mai Linh Tran", "Kofi Mensah")
TOPICS = ("port expansion", "grain tariff", "rail link", "water treaty", "solar tender",
          "fishing quota", "bond sale", "vaccine drive")  # fmt: skip
SENTENCES = (
    "{person} told reporters in {city_t} that the {topic} would be reviewed within a month.",
    "The {adj} government said the {topic} had support from both chambers of parliament.",
    "Officials in {country} expect the {topic} to cost about {n} million dollars.",
    "Opposition leaders in {city_t} said the plan for the {topic} was rushed.",
    "Economists said the {topic} could lift growth in {country} by {k} percent next year.",
    "A spokesperson for {person} said talks with neighbouring states were continuing.",
    "Trade unions in {country} called for a public consultation before any vote.",
    "The {adj} central bank declined to comment on the {topic} on Tuesday.",
)


def article_text(rng: random.Random, serial: int, sentences: int = 24) -> str:
    """One invented layout-B article (unique title) with about `sentences` body sentences."""
    city, country, adj = rng.choice(CITIES)
    topic, person = rng.choice(TOPICS), rng.choice(PEOPLE)
    title = f"{country} weighs {topic} plan number {serial}"
    fill = dict(city_t=city.title(), country=country, adj=adj, topic=topic, person=person)
    body = []
    for i in range(sentences):
        text = rng.choice(SENTENCES).format(n=rng.randint(5, 900), k=rng.randint(1, 4), **fill)
        body.append((f"{city}: " if i == 0 else "") + text)
    paras = ["\n".join(body[i : i + 3]) for i in range(0, len(body), 3)]
    return f"{title}\n\nUpdated {1 + serial % 28} March 2026\n\n{title}\n\n" + "\n\n".join(paras)


def seed_file_text(rng: random.Random, first_serial: int, articles: int) -> str:
    """A seed file holding `articles` invented articles."""
    return "\n\n".join(article_text(rng, first_serial + i) for i in range(articles)) + "\n"


def _set_gate(gate: Path, on: bool, wait: float = 30.0) -> None:
    """Open the gate, or close it and wait until the reader says it has stopped querying."""
    idle = gate.with_name(gate.name + ".idle")
    if on:
        gate.touch()
        return
    gate.unlink(missing_ok=True)
    deadline = time.monotonic() + wait
    while not idle.exists() and time.monotonic() < deadline:
        time.sleep(0.005)


def paired_drop(seconds: list[float], reader_on: list[bool | None]) -> float | None:
    """Median over neighbouring (idle, querying) batch pairs of 1 - t_idle / t_querying.

    Neighbours run seconds apart, so unrelated load drifting over the run hits both alike;
    the median keeps one disturbed pair from deciding the figure.
    """
    ratios = []
    for b in range(1, len(seconds) - 1, 2):
        pair = {reader_on[b]: seconds[b], reader_on[b + 1]: seconds[b + 1]}
        if set(pair) == {True, False}:
            ratios.append(1 - pair[False] / pair[True])
    return statistics.median(ratios) if ratios else None


def run_writer(args: argparse.Namespace) -> dict:
    """Ingest `batches` batches of new seed files; publish after each if asked."""
    from newsdigest.locking import writer_lock
    from newsdigest.snapshot import publish_snapshot
    from newsdigest.warehouse import connect
    from tasks.annotate import annotate_articles
    from tasks.discover import discover, read_seeds
    from tasks.ledger import new_articles, pending_seeds, store_files
    from tasks.split import split_articles

    rng = random.Random(args.seed)
    seeds, warehouse = Path(args.seeds), Path(args.warehouse)
    seeds.mkdir(parents=True, exist_ok=True)
    annotate_articles(split_articles(seed_file_text(random.Random(0), 10**6, 2)))  # warm up
    db = warehouse / "news.duckdb"
    boundaries, batch_seconds, publish_seconds, serial = [], [], [], args.first_serial
    # batch 0 creates the warehouse: not compared. Then ABBA: idle, on, on, idle, idle, on, …
    reader_on = [None if b == 0 else (b - 1) % 4 in (1, 2) for b in range(args.batches)]
    for b in range(args.batches):
        if args.gate:  # let the reader query during this batch, or hold it idle
            _set_gate(Path(args.gate), bool(reader_on[b]))
        for f in range(args.files):  # a new drop arrives (not timed)
            text = seed_file_text(rng, serial, args.articles)
            (seeds / f"drop_{args.seed}_{b:04d}_{f:03d}.txt").write_text(text, encoding="utf-8")
            serial += args.articles
        t0 = time.perf_counter()
        with writer_lock(warehouse):
            pending = pending_seeds(db, discover(seeds))
            parsed = read_seeds(pending)
            notes = annotate_articles(new_articles(db, parsed))
            store_files(db, parsed, notes)
            if args.publish:
                p0 = time.perf_counter()
                info = publish_snapshot(warehouse)
                publish_seconds.append(time.perf_counter() - p0)
                boundaries.append(info.articles)
        batch_seconds.append(time.perf_counter() - t0)
        if args.pause:
            time.sleep(args.pause)
    with connect(db) as con:
        total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    busy = sum(batch_seconds)
    n = args.files * args.articles

    if not args.gate:
        reader_on = [True] * args.batches

    def rate(on: bool) -> float | None:
        # median batch: one batch hit by a burst of unrelated load on the machine does not
        # decide the comparison
        secs = [t for t, r in zip(batch_seconds, reader_on, strict=True) if r == on]
        return n / statistics.median(secs) if secs else None

    if args.gate:
        Path(args.gate).unlink(missing_ok=True)
    return {
        "rate_reader_on": rate(True),
        "rate_reader_off": rate(False),
        "paired_drop": paired_drop(batch_seconds, reader_on),
        "boundaries": boundaries,
        "articles": total,
        "new_articles": args.batches * args.files * args.articles,
        "busy_seconds": busy,
        "articles_per_second": args.batches * args.files * args.articles / busy,
        "batch_seconds": batch_seconds,
        "publish_seconds": publish_seconds,
    }


_CHECKS = (
    # (name, SQL, expected scalar): a half-written batch would break one of these.
    ("articles without a done file", "SELECT count(*) FROM articles a LEFT JOIN files f"
     " ON f.sha256 = a.file_sha256 AND f.status = 'done' WHERE f.sha256 IS NULL", 0),
    ("done files without articles", "SELECT count(*) FROM files f WHERE f.status = 'done'"
     " AND f.articles > 0 AND NOT EXISTS (SELECT 1 FROM article_sources s"
     " WHERE s.file_sha256 = f.sha256)", 0),
    ("articles without summary", "SELECT count(*) FROM articles a WHERE NOT EXISTS"
     " (SELECT 1 FROM summary_sentences s WHERE s.article_id = a.article_id)", 0),
)  # fmt: skip
_ANALYST_QUERIES = (
    "SELECT day, focus_country, articles FROM articles_per_country_day ORDER BY articles DESC",
    "SELECT name_a, name_b, articles FROM entity_pairs ORDER BY articles DESC LIMIT 10",
    "SELECT focus_country, name, mentions FROM entity_tallies_country"
    " ORDER BY mentions DESC LIMIT 20",
    "SELECT title, focus_country, left(summary, 80) FROM article_summaries LIMIT 50",
)


def run_reader(args: argparse.Namespace) -> dict:
    """Query the snapshot until the stop file appears; record counts and errors."""
    from newsdigest.sql_shell import NoSnapshot, SqlError, open_snapshot, run_query, snapshot_info

    stop, warehouse = Path(args.stop), Path(args.warehouse)
    counts, errors, queries, waits = [], [], 0, 0
    if args.nice:
        os.nice(args.nice)  # as `newsdigest sql` does: analysts yield the CPU to the writer
    Path(args.ready).touch()
    while not stop.exists():
        if args.gate:
            idle = Path(args.gate + ".idle")
            if not Path(args.gate).exists():
                idle.touch()  # tells the writer this reader is quiet now
                time.sleep(0.005)
                continue
            idle.unlink(missing_ok=True)
        try:
            con = open_snapshot(warehouse, threads=1)
        except NoSnapshot:
            if counts:  # once published, a snapshot must always be there
                errors.append("snapshot vanished")
            waits += 1
            time.sleep(0.02)
            continue
        except (SqlError, OSError) as exc:  # a snapshot that cannot be opened is a finding
            errors.append(f"open failed: {exc}")
            time.sleep(0.02)
            continue
        try:
            n = run_query(con, "SELECT count(*) FROM articles").rows[0][0]
            info = snapshot_info(con)
            if info is None or info.articles != n:
                errors.append(f"snapshot_info disagrees: {info} vs {n}")
            for name, sql, want in _CHECKS:
                got = run_query(con, sql).rows[0][0]
                if got != want:
                    errors.append(f"{name}: {got}")
            for sql in _ANALYST_QUERIES:
                run_query(con, sql)
            queries += 2 + len(_CHECKS) + len(_ANALYST_QUERIES)
            counts.append(n)
        except Exception:  # noqa: BLE001 — every failure is a finding to report
            errors.append(traceback.format_exc(limit=2))
        finally:
            con.close()
        time.sleep(args.pause)
    return {"counts": counts, "errors": errors, "queries": queries, "waits": waits}


def main(argv: list[str] | None = None) -> int:
    """Run one role and write its JSON report."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("role", choices=("writer", "reader"))
    p.add_argument("--seeds")
    p.add_argument("--warehouse", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--batches", type=int, default=6)
    p.add_argument("--files", type=int, default=4, help="seed files per batch")
    p.add_argument("--articles", type=int, default=5, help="articles per seed file")
    p.add_argument("--first-serial", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-publish", dest="publish", action="store_false")
    p.add_argument("--pause", type=float, default=0.0, help="seconds between iterations")
    p.add_argument("--stop", help="reader: stop when this file exists")
    p.add_argument("--ready", help="reader: touched when the loop starts")
    p.add_argument("--gate", help="reader queries only while this file exists (writer flips it)")
    p.add_argument("--nice", type=int, default=0, help="reader: lower its CPU priority by N")
    args = p.parse_args(argv)
    report = run_writer(args) if args.role == "writer" else run_reader(args)
    Path(args.out).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
