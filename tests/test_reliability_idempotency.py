"""Idempotent ingest (Hypothesis): any multiset and order of seed files gives the same warehouse.

Each example writes batches of files (repeats, renames, the same article in two files, CRLF
copies, same-size rewrites under one name) into a seeds folder and ingests after each batch;
the warehouse must equal one built by ingesting each distinct content once: same articles,
same provenance, same annotations, the same rendered digest. The fast slice runs
FAST_EXAMPLES examples; `make test-reliability` runs SLOW_EXAMPLES.
"""

from __future__ import annotations

import os
import random
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.warehouse import connect
from tasks.digest_build import load_context
from tasks.render import render
from tests.analyst_helpers import AGGREGATE_ROWS
from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.memo import annotate_memo
from tests.reliability.seedgen import article_text, ids_of

FAST_EXAMPLES, SLOW_EXAMPLES = 5, 100
_rng = random.Random(7)


def _same_size(like: str, rng: random.Random) -> bytes:
    """A different invented article padded (trailing spaces) to exactly `like`'s byte length."""
    serial = 100
    while len(text := article_text(rng, serial)) > len(like):
        serial += 1
    return (text[:-1] + " " * (len(like) - len(text)) + "\n").encode()


_ARTS = [article_text(_rng, i) for i in range(1, 6)]
CONTENTS = [
    "\n".join([_ARTS[0], _ARTS[1]]).encode(),
    _ARTS[2].encode(),
    "\n".join([_ARTS[1], _ARTS[3]]).encode(),  # shares an article with content 0
    "\n".join([_ARTS[0], _ARTS[1]]).replace("\n", "\r\n").encode(),  # CRLF copy of content 0
    "\n".join([_ARTS[4], _ARTS[0]]).encode(),
    _same_size(_ARTS[2], _rng),  # another article, padded to content 1's size
]
NAMES = ["a.txt", "b.txt", "c dump.txt", "d.txt"]
_ARRIVED = re.compile(r"arrived \d\d:\d\d")
_ALSO = re.compile(r"(?i)also in \d+ other files? \((?:[^()]|\([0-9a-f]{8}\))*\)(?:; )?")
_NAME = r"(?:ref\d|[abd]|c dump)\.txt(?: \([0-9a-f]{8}\))?"  # a hash tells same-name files apart
_NAMES = re.compile(rf"{_NAME}(?:, {_NAME})*")

batch = st.lists(st.tuples(st.integers(0, len(CONTENTS) - 1), st.sampled_from(NAMES)),
                 min_size=1, max_size=4)  # fmt: skip
plan = st.lists(st.tuples(batch, st.booleans()), min_size=1, max_size=4)

TABLES = {
    "articles": "SELECT article_id, title, body, highlights, dateline, published FROM articles",
    "article_sources": "SELECT article_id, file_sha256, position FROM article_sources",
    "files": "SELECT sha256, status, articles FROM files",
    "summary_sentences": "SELECT article_id, sentence_index, text, selected FROM summary_sentences",
    "entities": "SELECT article_id, name, type, count FROM entities",
    "article_countries": "SELECT article_id, iso2, mentions, is_focus FROM article_countries",
    **AGGREGATE_ROWS,  # migration 007
}


def _ingest(seeds: Path, wh: Path) -> dict:
    return plain_ingest(seeds, wh, chunk_files=3, annotate_task=annotate_memo)


def snapshot(wh: Path) -> dict:
    """Order-free content of every table, plus the day's Markdown digest without its timestamp."""
    db = wh / "news.duckdb"
    with connect(db) as con:
        out = {t: sorted(map(repr, con.execute(q).fetchall())) for t, q in TABLES.items()}
    md = render(load_context(db, datetime.now(UTC).date(), "UTC"), "md")
    # File names differ by design (renames), so the digest is compared with names masked, and
    # the "also in" lists too: provenance itself is compared in article_sources.
    md = _ALSO.sub("", _NAMES.sub("<files>", md))
    # Articles are listed in arrival order, which differs by design: compare the digest's lines
    # as a multiset (same articles, summaries, groups, counts), arrival clock times masked.
    md = _ARRIVED.sub("arrived <time>", md)
    lines = [ln.strip() for ln in md.splitlines() if "Generated" not in ln]
    out["digest"] = sorted(ln for ln in lines if ln != "-")
    return out


def _write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


def run_plan(steps, base: Path) -> tuple[dict, set[int]]:
    """Apply the batches (ingesting after each); return the snapshot and contents ingested."""
    seeds, wh = base / "seeds", base / "wh"
    seeds.mkdir()
    seen: set[int] = set()
    for files, clear_after in steps:
        present = {}
        for idx, name in files:
            _write(seeds / name, CONTENTS[idx])
            present[name] = idx
        for p in seeds.iterdir():
            if p.is_file() and p.name in present:
                seen.add(present[p.name])
            elif p.is_file():
                seen.add(CONTENTS.index(p.read_bytes()))
        _ingest(seeds, wh)
        if clear_after:
            for p in seeds.iterdir():
                if p.is_file():
                    os.unlink(p)
    return snapshot(wh), seen


def reference(seen: set[int], base: Path) -> dict:
    """The warehouse from ingesting each distinct content once, under one name each."""
    seeds, wh = base / "seeds", base / "wh"
    seeds.mkdir()
    for i in sorted(seen):
        _write(seeds / f"ref{i}.txt", CONTENTS[i])
    _ingest(seeds, wh)
    return snapshot(wh)


def check_plan(steps) -> None:
    """The property: the plan's warehouse equals the reference one."""
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        got, seen = run_plan(steps, Path(a))
        want = reference(seen, Path(b))
    assert len(got["articles"]) == len(ids_of(CONTENTS[i] for i in seen))
    for key in want:
        assert got[key] == want[key], key


EXAMPLES = {"n": 0}


@settings(max_examples=FAST_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(plan)
def test_any_order_and_multiset_of_files_gives_the_same_warehouse(steps) -> None:
    EXAMPLES["n"] += 1
    check_plan(steps)


@pytest.mark.slow
@settings(max_examples=SLOW_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(plan)
def test_idempotency_many_examples(steps) -> None:
    check_plan(steps)


def test_same_size_rewrite_in_the_same_clock_tick_is_not_missed(tmp_path: Path) -> None:
    """Bytes replaced at the same size and mtime right after a run are still read (racy stat)."""
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    seeds.mkdir()
    f = seeds / "a.txt"
    _write(f, CONTENTS[1])
    st_ = f.stat()
    _ingest(seeds, wh)
    _write(f, CONTENTS[5])
    os.utime(f, ns=(st_.st_atime_ns, st_.st_mtime_ns))
    assert len(CONTENTS[1]) == len(CONTENTS[5]) and f.stat().st_mtime_ns == st_.st_mtime_ns
    out = _ingest(seeds, wh)
    assert out["files_new"] == 1 and out["articles_stored"] == 1
