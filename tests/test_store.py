"""Per-file transactions: idempotent, provenance kept, failures recorded, nothing partial."""

from __future__ import annotations

import hashlib
import itertools
import random
from datetime import UTC, datetime, timedelta

import pytest

from newsdigest.models import (
    Annotation,
    CountryResult,
    CountryScore,
    EntityCount,
    SentenceScore,
    Summary,
)
from newsdigest.warehouse import connect
from tasks import store
from tasks.annotate import annotate_articles
from tasks.store import store_file
from tasks.store_batch import store_batch
from tests.helpers import article, parsed

NOW = datetime(2026, 3, 4, 8, tzinfo=UTC)


def _count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_store_then_same_bytes_again_adds_nothing() -> None:
    con = connect(":memory:")
    p = parsed("one.txt", [article("Floods in Bergen"), article("Oil fund grows", position=1)])
    notes = annotate_articles(p.articles)
    first = store_file(con, p, notes)
    assert (first.status, first.articles) == ("new", 2)
    counts = {t: _count(con, t) for t in ("articles", "summary_sentences", "article_countries")}
    assert counts["articles"] == 2 and counts["summary_sentences"] > 0
    again = store_file(con, p, notes)
    assert again.status == "duplicate" and again.articles == 0
    assert {t: _count(con, t) for t in counts} == counts


def test_same_article_in_two_files_is_stored_once_with_two_provenances() -> None:
    con = connect(":memory:")
    shared = article("Ferry strike ends")
    a = parsed("a.txt", [shared, article("Salmon prices fall", position=1)], sha="a" * 64)
    b = parsed("b.txt", [article("Other story"), article("Ferry strike ends", position=1)],
               sha="b" * 64)  # fmt: skip
    store_file(con, a, annotate_articles(a.articles))
    out = store_file(con, b, annotate_articles(b.articles))
    assert out.articles == 1  # only "Other story" is new
    assert _count(con, "articles") == 3
    provenance = con.execute(
        "SELECT file_sha256, position FROM article_sources WHERE article_id = ? ORDER BY 1",
        [shared.article_id],
    ).fetchall()
    assert provenance == [("a" * 64, 0), ("b" * 64, 1)]


def test_failed_file_is_recorded_with_reason_and_no_rows() -> None:
    con = connect(":memory:")
    p = parsed("bad.txt", [])
    p.error = "invalid UTF-8 at byte offset 7"
    out = store_file(con, p, {})
    assert out.status == "failed" and "offset 7" in out.reason
    assert con.execute("SELECT status, error FROM files").fetchall() == [("failed", p.error)]
    assert _count(con, "articles") == 0


def test_error_mid_file_rolls_back_everything() -> None:
    con = connect(":memory:")
    p = parsed("x.txt", [article("Quiet day in Tromso"), article("Second story", position=1)])
    notes = annotate_articles(p.articles[:1])  # missing annotation for the second -> KeyError
    with pytest.raises(KeyError):
        store_file(con, p, notes)
    for table in ("files", "articles", "article_sources", "summary_sentences", "file_names"):
        assert _count(con, table) == 0, table


TOP_K = 8  # migration 006: pairs among each article's 8 most-mentioned entities
POOL = [("Ingrid Solberg", "PER"), ("Nordic Council", "ORG"), ("Oslo", "LOC"), ("Bergen", "LOC"),
        ("Bergen", "ORG"), ("Lars Berg", "PER"), ("Grain Board", "ORG"), ("Tromso", "LOC"),
        ("Maja Lind", "PER"), ("Baltic Ports Authority", "ORG"), ("Siri Dahl", "PER"),
        ("Sweden", "LOC"), ("Odd Hauge", "PER")]  # fmt: skip


def _note(seed: int) -> Annotation:
    """An annotation with invented entity tallies (2-13 entities, counts 1-3: many ties)."""
    rng = random.Random(seed)
    picks = rng.sample(POOL, rng.randint(2, len(POOL)))
    counts = [EntityCount(n, t, rng.randint(1, 3)) for n, t in picks]
    return Annotation(Summary("default", []), [], counts, CountryResult(None, []))


def _draw(aid: str, e: EntityCount) -> tuple:
    """Rank key: most mentions first, ties in a fixed per-article pseudo-random order."""
    return (-e.count, hashlib.md5(f"{aid}{e.type}{e.name}".encode()).hexdigest())


def _expected_pairs(first_seen: dict[str, tuple[Annotation, datetime]]) -> dict[tuple, tuple]:
    """Pair counts recomputed from scratch: each stored article's top K entities, all days."""
    out: dict[tuple, tuple] = {}
    for aid, (note, when) in first_seen.items():
        top = sorted(note.entity_counts, key=lambda e: _draw(aid, e))[:TOP_K]
        for x, y in itertools.combinations(sorted((e.name, e.type) for e in top), 2):
            n, first, last = out.get((*x, *y), (0, when, when))
            out[(*x, *y)] = (n + 1, min(first, when), max(last, when))
    return out


def _pairs(con) -> dict[tuple, tuple]:
    keyed = "SELECT bool_and(pair_key = pair_key(name_a, type_a, name_b, type_b))"
    assert con.execute(keyed + " FROM entity_pair_counts").fetchone()[0] is not False
    rows = con.execute("SELECT * EXCLUDE (pair_key) FROM entity_pair_counts").fetchall()
    assert len(rows) == len({r[:4] for r in rows})  # each pair once
    return {r[:4]: r[4:] for r in rows}


def test_entity_pair_counts_equal_a_recomputation_after_several_chunks() -> None:
    con = connect(":memory:")
    arts = {t: article(t) for t in ("Ferry strike", "Salmon prices", "Harbour reopens",
                                    "Court rules", "Grain deal", "Bridge opens")}  # fmt: skip
    notes = {a.article_id: _note(i) for i, a in enumerate(arts.values())}
    wide = arts["Court rules"].article_id  # 13 entities, ties at the cut: the bound matters
    tallies = [EntityCount(n, t, 1 + (i == 3)) for i, (n, t) in enumerate(POOL)]
    notes[wide] = Annotation(Summary("default", []), [], tallies, CountryResult(None, []))
    by_name = sorted(tallies, key=lambda e: (-e.count, e.name, e.type))[:TOP_K]
    assert by_name != sorted(tallies, key=lambda e: _draw(wide, e))[:TOP_K]  # the draw matters
    days = [datetime(2026, 3, d, 12, tzinfo=UTC) for d in (1, 2, 3)]
    a = parsed("a.txt", [arts["Ferry strike"], arts["Salmon prices"]], sha="a" * 64)
    b = parsed("b.txt", [arts["Harbour reopens"], arts["Ferry strike"]], sha="b" * 64)
    c = parsed("c.txt", [arts["Court rules"], arts["Court rules"]], sha="c" * 64)
    d = parsed("d.txt", [arts["Grain deal"], arts["Salmon prices"], arts["Bridge opens"]],
               sha="d" * 64)  # fmt: skip
    store_file(con, a, notes, now=days[0])
    store_batch(con, [b, parsed("a-copy.txt", a.articles, sha="a" * 64), c], notes, now=days[1])
    store_file(con, a, notes, now=days[2])  # the same bytes again: nothing new
    store_batch(con, [d], notes, now=days[2])
    store_batch(con, [d, b], notes, now=days[2])  # all seen: no pair counted twice
    first_seen = {
        **{x.article_id: (notes[x.article_id], days[0]) for x in a.articles},
        **{x.article_id: (notes[x.article_id], days[1]) for x in (arts["Harbour reopens"],
                                                                  arts["Court rules"])},
        **{x.article_id: (notes[x.article_id], days[2]) for x in (arts["Grain deal"],
                                                                  arts["Bridge opens"])},
    }  # fmt: skip
    expected = _expected_pairs(first_seen)
    assert _pairs(con) == expected
    assert max(n for n, _, _ in expected.values()) > 1 and len(expected) > 40
    view = con.execute("SELECT name_a, type_a, name_b, type_b, articles, first_day, last_day"
                       " FROM entity_pairs").fetchall()  # fmt: skip
    assert {r[:4]: (r[4], r[5], r[6]) for r in view} == {
        k: (n, f.date(), la.date()) for k, (n, f, la) in expected.items()
    }


@pytest.mark.parametrize("batched", [False, True])
def test_failure_after_the_aggregates_leaves_no_counts(monkeypatch, batched: bool) -> None:
    con = connect(":memory:")
    p = parsed("x.txt", [article("Quiet day in Tromso"), article("Second story", position=1)])
    notes = {x.article_id: _note(7) for x in p.articles}
    real = store._count_staged

    def count_then_fail(con) -> None:
        real(con)
        assert con.execute("SELECT count(*) FROM entity_pair_counts").fetchone()[0] > 0
        raise OSError("disk full")

    monkeypatch.setattr(store, "_count_staged", count_then_fail)
    with pytest.raises(OSError):
        store_batch(con, [p], notes) if batched else store_file(con, p, notes)
    for table in ("articles", "entities", *AGGREGATES):
        assert _count(con, table) == 0, table
    monkeypatch.setattr(store, "_count_staged", real)
    store_file(con, p, notes, now=NOW)  # the retry counts every pair once
    assert _pairs(con) == _expected_pairs({k: (n, NOW) for k, n in notes.items()})


AGGREGATES = ("entity_pair_counts", "entity_country_counts", "entity_bucket_counts",
              "article_summary_texts")  # fmt: skip


def _focused(seed: int) -> Annotation:
    """An invented annotation with a focus country (or none) and a summary of picked sentences."""
    note = _note(seed)
    iso = ("NO", "SE", None)[seed % 3]
    countries = [CountryScore(c, 2.0, 1) for c in ("NO", "SE") if seed % 2 or c == iso]
    note.countries = CountryResult(iso, countries)
    texts = ["Ferries stopped at dawn.", "The union met the owners.", "Talks resume on Monday."]
    note.summary = Summary("default", [SentenceScore(i, t, 1.0, seed != 3 and (i + seed) % 2 == 0)
                                       for i, t in enumerate(texts)])  # fmt: skip
    return note


def _recount(first_seen: dict[str, tuple[Annotation, datetime]]) -> dict[str, list]:
    """Every 007 aggregate recomputed in Python from the articles' first arrival."""
    country: dict[tuple, list] = {}
    bucket: dict[tuple, list] = {}
    texts = []
    for aid, (note, when) in first_seen.items():
        focus = note.countries.focus if note.countries.focus in {
            c.iso2 for c in note.countries.countries} else None  # fmt: skip
        start = datetime.fromtimestamp(when.timestamp() // 900 * 900, UTC)
        for e in note.entity_counts:
            for table, key in ((country, (focus or "??", e.name, e.type)),
                               (bucket, (start, focus or "??", e.name, e.type))):  # fmt: skip
                table.setdefault(key, [0, 0])
                table[key][0] += e.count
                table[key][1] += 1
        picked = [s.text for s in note.summary.sentences if s.selected]
        texts.append((aid, focus, " ".join(picked) or None))
    return {
        "country": sorted((*k, *v) for k, v in country.items()),
        "bucket": sorted((*k, *v) for k, v in bucket.items()),
        "texts": sorted(texts),
    }


def _stored_aggregates(con) -> dict[str, list]:
    keys = con.execute("SELECT count(*) = count(DISTINCT (focus_country, name, type)),"
                       " bool_and(tally_key = tally_key(focus_country, name, type))"
                       " FROM entity_country_counts").fetchone()  # fmt: skip
    assert keys == (True, True)
    country = "SELECT focus_country, name, type, mentions, articles FROM entity_country_counts"
    bucket = ("SELECT bucket, focus_country, name, type, sum(mentions), sum(articles)"
              " FROM entity_bucket_counts GROUP BY ALL")  # fmt: skip
    texts = "SELECT * FROM article_summary_texts"
    return {q: sorted(con.execute(sql).fetchall())
            for q, sql in (("country", country), ("bucket", bucket), ("texts", texts))}  # fmt: skip


def test_ingest_aggregates_equal_a_recomputation_after_several_chunks() -> None:
    con = connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    arts = [article(t) for t in ("Ferry strike", "Salmon prices", "Harbour reopens",
                                 "Court rules", "Grain deal")]  # fmt: skip
    notes = {a.article_id: _focused(i) for i, a in enumerate(arts)}
    times = [datetime(2026, 3, 1, 23, 50, tzinfo=UTC) + timedelta(minutes=m) for m in (0, 5, 20)]
    a = parsed("a.txt", arts[:2], sha="a" * 64)
    b = parsed("b.txt", [arts[2], arts[0]], sha="b" * 64)  # arts[0] again: counted once
    c = parsed("c.txt", [arts[3], arts[3], arts[4]], sha="c" * 64)  # repeated inside the file
    store_file(con, a, notes, now=times[0])
    store_batch(con, [b, parsed("a-again.txt", a.articles, sha="a" * 64)], notes, now=times[1])
    store_file(con, a, notes, now=times[2])  # the same bytes again: nothing new
    store_batch(con, [c, b], notes, now=times[2])
    when = [times[0]] * 2 + [times[1]] + [times[2]] * 2
    expected = _recount(
        {x.article_id: (notes[x.article_id], t) for x, t in zip(arts, when, strict=True)}
    )
    assert _stored_aggregates(con) == expected
    assert len({row[0] for row in expected["bucket"]}) == 2  # 23:50 and 23:55 share a bucket
    assert {row[0] for row in expected["country"]} == {"NO", "SE", "??"}
    assert any(t is None for _, _, t in expected["texts"])
