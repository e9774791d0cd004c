"""`newsdigest sql`: read-only, no file access, locked settings, a timeout, clear messages."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from newsdigest.cli import main
from newsdigest.config import DB_FILENAME
from newsdigest.snapshot import publish_snapshot
from newsdigest.sql_format import render
from newsdigest.sql_shell import (
    NoSnapshot,
    QueryFailed,
    QueryRefused,
    QueryTimeout,
    Session,
    interactive,
    open_snapshot,
    run_query,
)
from tests.analyst_helpers import add_articles

ESCAPES = {
    "read_csv": "SELECT * FROM read_csv('/etc/passwd')",
    "copy_to": "COPY (SELECT 1) TO '{tmp}/out.csv'",
    "attach": "ATTACH '{tmp}/other.duckdb' AS other",
    "insert": "INSERT INTO files (sha256, name, size, first_seen, last_seen, status)"
    " VALUES ('x', 'x', 1, now(), now(), 'done')",
    "set_external": "SET enable_external_access = true",
    "read_text": "SELECT * FROM read_text('/etc/hostname')",
    "install": "INSTALL httpfs",
    "unlock": "SET lock_configuration = false",
    "drop": "DROP VIEW file_ledger",
}


def pairs_warehouse(root: Path, articles: int = 6) -> Path:
    """The analyst test warehouse, its entity pairs counted as ingest counts them, published."""
    warehouse = root / "wh"
    add_articles(warehouse / DB_FILENAME, 0, articles)  # with the aggregates, as ingest counts
    publish_snapshot(warehouse)
    return warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return pairs_warehouse(tmp_path_factory.mktemp("sql"), articles=6)


@pytest.fixture
def con(warehouse: Path):
    c = open_snapshot(warehouse)
    yield c
    c.close()


@pytest.mark.parametrize("name", list(ESCAPES))
def test_escape_attempts_are_refused(con, tmp_path: Path, name: str) -> None:
    with pytest.raises(QueryRefused, match="^refused: "):
        run_query(con, ESCAPES[name].format(tmp=tmp_path))
    assert not list(tmp_path.iterdir())  # nothing was written
    assert run_query(con, "SELECT count(*) FROM articles").rows == [(6,)]


def test_cartesian_product_stops_within_timeout_plus_one_second(con) -> None:
    t0 = time.perf_counter()
    with pytest.raises(QueryTimeout, match="stopped after 1 s"):
        run_query(con, "SELECT count(*) FROM range(100000) a, range(100000) b, range(1000) c"
                  " WHERE a.range + b.range + c.range = -1", timeout=1.0)  # fmt: skip
    assert time.perf_counter() - t0 < 2.0
    assert run_query(con, "SELECT 42").rows == [(42,)]  # the connection is still usable


def test_bad_sql_is_a_plain_failure(con) -> None:
    with pytest.raises(QueryFailed, match="nosuchtable"):
        run_query(con, "SELECT * FROM nosuchtable")


def test_views_answer_the_common_questions(con) -> None:
    rows = run_query(con, "SELECT focus_country, sum(articles) FROM articles_per_country_day"
                          " GROUP BY ALL ORDER BY 1").rows  # fmt: skip
    assert rows == [("KE", 2), ("NO", 2), ("SE", 2)]
    pairs = run_query(con, "SELECT name_a, name_b, articles FROM entity_pairs"
                           " ORDER BY articles DESC, name_a, name_b").rows  # fmt: skip
    assert pairs[0] == ("Ingrid Solberg", "Nordic Council", 6)
    assert ("Ingrid Solberg", "Oslo", 4) in pairs
    days = run_query(con, "SELECT first_day, last_day FROM entity_pairs"
                          " WHERE name_b = 'Oslo' AND name_a = 'Ingrid Solberg'").rows  # fmt: skip
    assert [(str(f), str(la)) for f, la in days] == [("2026-03-01", "2026-03-02")]
    by_country = run_query(con, "SELECT focus_country, mentions FROM entity_tallies_country"
                                " WHERE name = 'Ingrid Solberg' ORDER BY 1").rows  # fmt: skip
    assert by_country == [("KE", 4), ("NO", 4), ("SE", 4)]
    per_day = run_query(con, "SELECT count(DISTINCT day) FROM entity_tallies_country_day").rows
    assert per_day == [(2,)]
    summary = run_query(con, "SELECT summary FROM article_summaries WHERE title = ?",
                        params=["Invented report 4"]).rows  # fmt: skip
    assert summary == [("Sentence 0 of report 4. Sentence 1 of report 4.",)]


def test_file_failures_view(tmp_path: Path) -> None:
    from newsdigest.snapshot import publish_snapshot
    from tests.analyst_helpers import add_failed_file

    wh = tmp_path / "wh"
    add_articles(wh / "news.duckdb", 0, 1)
    add_failed_file(wh / "news.duckdb", "broken.bin", "not text: binary data")
    publish_snapshot(wh)
    with open_snapshot(wh) as c:
        rows = run_query(c, "SELECT name, error, names_seen, sightings FROM file_failures").rows
    assert rows == [("broken.bin", "not text: binary data", ["broken.bin"], 1)]


def test_missing_warehouse_and_missing_snapshot_messages(tmp_path: Path) -> None:
    with pytest.raises(NoSnapshot, match="no warehouse .* run `newsdigest ingest` first"):
        open_snapshot(tmp_path / "nothing")
    add_articles(tmp_path / "wh" / "news.duckdb", 0, 1)
    with pytest.raises(NoSnapshot, match="no snapshot .*`newsdigest snapshot`"):
        open_snapshot(tmp_path / "wh")


def test_formats() -> None:
    cols, rows = ["name", "n", "tags"], [("Oslo | Norway", 3, ["a", "b"]), (None, 12, [])]
    table = render(cols, rows, "table").splitlines()
    assert table[0].split() == ["name", "n", "tags"] and table[2].startswith("Oslo | Norway")
    assert table[3].startswith("NULL") and table[3].split()[1] == "12"
    assert render(cols, rows, "csv").splitlines() == [
        "name,n,tags", 'Oslo | Norway,3,"[""a"", ""b""]"', ",12,[]"
    ]  # fmt: skip
    assert json.loads(render(cols, rows, "json")) == [
        {"name": "Oslo | Norway", "n": 3, "tags": ["a", "b"]}, {"name": None, "n": 12, "tags": []}
    ]  # fmt: skip
    assert render(cols, rows, "markdown").splitlines()[2] == '| Oslo \\| Norway | 3 | ["a", "b"] |'


def test_interactive_prompt_survives_errors(con) -> None:
    lines = iter([".tables", "SELECT count(*)", "  FROM articles;", "COPY files TO '/tmp/x.csv';",
                  ".format csv", "SELECT 1 AS one;", ".quit", "SELECT 2;"])  # fmt: skip

    def read(prompt: str) -> str:
        return next(lines)

    out, err = io.StringIO(), io.StringIO()
    assert interactive(Session(con), read=read, out=out, err=err) == 0
    text = out.getvalue()
    assert "article_summaries" in text and "entity_pairs" in text
    assert "count_star()\n------------\n           6\n" in text
    assert "one\n1" in text and "2" not in text.split("one\n1", 1)[1]
    assert "error: refused" in err.getvalue()


def test_cli_sql_runs_and_refuses(warehouse: Path, capsys) -> None:
    assert main(["-q", "sql", "--nice", "0", "--warehouse", str(warehouse), "--format", "json",
                 "SELECT count(*) AS n FROM articles"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == [{"n": 6}]
    assert main(["sql", "--nice", "0", "--warehouse", str(warehouse), ESCAPES["insert"]]) == 2
    err = capsys.readouterr().err
    assert "snapshot published" in err and "refused: the snapshot is read-only" in err
    missing = str(warehouse.parent / "none")
    assert main(["sql", "--nice", "0", "--warehouse", missing, "SELECT 1"]) == 2
    assert "no warehouse" in capsys.readouterr().err
