"""The reliability invariants catch what the dropped child-table keys no longer prevent."""

from pathlib import Path

import duckdb

from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.invariants import check
from tests.reliability.memo import annotate_memo
from tests.reliability.seedgen import write_corpus


def test_a_duplicated_child_row_is_reported(tmp_path: Path) -> None:
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    corpus = write_corpus(seeds, 4, per_file=2, seed=3)
    plain_ingest(seeds, wh, annotate_task=annotate_memo)
    db = wh / "news.duckdb"
    assert check(db, corpus.files) == []
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO entities SELECT * FROM entities LIMIT 1")
        con.execute("INSERT INTO summary_sentences SELECT * FROM summary_sentences LIMIT 2")
    problems = check(db, corpus.files)
    assert any("1 duplicate entities" in p for p in problems), problems
    assert any("2 duplicate summary_sentences" in p for p in problems), problems
