"""bulk_insert: the NumPy path and the unnest fallback store exactly the given rows."""

from datetime import UTC, datetime

import duckdb
import pytest

from newsdigest.warehouse import _numpy_column, bulk_insert

COLUMNS = ["s", "i", "f", "b", "t", "l"]


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    c = duckdb.connect()
    c.execute("CREATE TABLE t (s VARCHAR, i BIGINT, f DOUBLE, b BOOLEAN, t TIMESTAMPTZ,"
              " l VARCHAR[], PRIMARY KEY (s))")  # fmt: skip
    return c


def _rows(n: int, **override: object) -> list[tuple]:
    at = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
    rows = [(f"k{i}", i * 7, i / 4, i % 2 == 0, at, ["x", str(i)]) for i in range(n)]
    return [tuple(override.get(c, v) for c, v in zip(COLUMNS, r, strict=True)) for r in rows]


def _stored(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return [tuple(r) for r in con.execute("SELECT * FROM t ORDER BY s").fetchall()]


def test_plain_columns_take_the_numpy_path_and_round_trip(con) -> None:
    rows = [r[:4] for r in _rows(3000)]
    assert all(_numpy_column(c) is not None for c in zip(*rows, strict=True))
    assert bulk_insert(con, "t", COLUMNS[:4], rows) == 3000
    got = con.execute("SELECT s, i, f, b FROM t ORDER BY i").fetchall()
    assert got == sorted(rows, key=lambda r: r[1])


def test_ints_with_none_and_huge_ints_fall_back_without_loss(con) -> None:
    ints = [None] * 2500 + [5, 2**62]
    rows = [(f"k{n:05d}", v, 0.5, True) for n, v in enumerate(ints)]
    assert _numpy_column(ints) is None
    bulk_insert(con, "t", COLUMNS[:4], rows)
    assert con.execute("SELECT count(i), max(i) FROM t").fetchone() == (2, 2**62)


def test_strings_with_none_lists_and_times_round_trip(con) -> None:
    rows = _rows(50)
    rows[3] = (rows[3][0], None, None, True, rows[3][4], [])
    bulk_insert(con, "t", COLUMNS, rows)
    assert _stored(con) == sorted(rows, key=lambda r: r[0])


def test_conflict_clause_applies_on_both_paths(con) -> None:
    simple = [r[:4] for r in _rows(5)]
    bulk_insert(con, "t", COLUMNS[:4], simple)
    bulk_insert(con, "t", COLUMNS[:4], simple, conflict="ON CONFLICT DO NOTHING")
    bulk_insert(con, "t", COLUMNS, _rows(6), conflict="ON CONFLICT DO NOTHING")
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(6,)]
    with pytest.raises(duckdb.ConstraintException):
        bulk_insert(con, "t", COLUMNS[:4], simple)


def test_a_pending_result_on_the_connection_falls_back_to_unnest(con) -> None:
    bulk_insert(con, "t", COLUMNS[:4], [r[:4] for r in _rows(3)])
    con.execute("SELECT s FROM t").fetchone()  # leaves the rest of the result unread
    more = [(f"m{i}", i, 1.0, False) for i in range(4)]
    assert bulk_insert(con, "t", COLUMNS[:4], more) == 4
    assert con.execute("SELECT count(*) FROM t WHERE s LIKE 'm%'").fetchall() == [(4,)]
