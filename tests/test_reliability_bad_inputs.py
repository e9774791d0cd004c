"""Bad inputs catalogue: each hostile or odd seed file, with its documented behaviour.

Runs the ingest flow body in-process (tests/reliability/ingest_driver.py, Prefect bypassed);
each test's docstring is its row in docs/reliability.md. Environment faults (disk full, two
processes, Prefect API loss) are in test_reliability_faults.py.
"""

from __future__ import annotations

import codecs
import os
import random  # noqa: I001
from pathlib import Path

import pytest

from newsdigest.warehouse import connect
from tasks.discover import MAX_FILE_BYTES, discover, read_seeds
from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.memo import annotate_memo
from tests.reliability.seedgen import article_text, ids_of

_rng = random.Random(11)
ART = [article_text(_rng, i) for i in range(1, 8)]
TWO = "\n".join(ART[:2])


@pytest.fixture
def env(tmp_path: Path):
    """Seeds folder, warehouse and an `ingest()` that returns the run summary."""
    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    seeds.mkdir()

    def ingest() -> dict:
        return plain_ingest(seeds, wh, annotate_task=annotate_memo)

    def sql(q: str) -> list:
        with connect(wh / "news.duckdb") as con:
            return con.execute(q).fetchall()

    return seeds, ingest, sql


def _quarantined_reason(seeds: Path, name: str) -> str:
    assert not (seeds / name).exists(), f"{name} still in seeds"
    return (seeds / ".quarantine" / f"{name}.reason").read_text("utf-8").strip()


def test_growing_file_is_ingested_once_complete(env) -> None:
    """Growing file: a file that changes while read is left for the next run, then read whole."""
    seeds, ingest, sql = env
    f = seeds / "growing.txt"
    f.write_text(ART[0] + "\n" + ART[1][:120], encoding="utf-8")  # the second article half-written
    found = discover(seeds)
    with f.open("a", encoding="utf-8") as fh:
        fh.write(ART[1][120:])
    assert read_seeds(found) == []  # changed since discovery: deferred, not failed
    out = ingest()
    assert out["files_new"] == 1 and out["articles_stored"] == 2
    assert {r[0] for r in sql("SELECT article_id FROM articles")} == ids_of([TWO.encode()])


def test_same_bytes_twice_and_under_a_new_name_add_nothing(env) -> None:
    """Same bytes twice and under a new name: 0 new rows."""
    seeds, ingest, sql = env
    (seeds / "a.txt").write_text(TWO)
    os.utime(seeds / "a.txt", (1e9, 1e9))  # an old file: its stat is trusted on the rerun
    ingest()
    before = sql("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)")
    (seeds / "copy of a.txt").write_text(TWO)
    out = ingest()
    assert (out["files_duplicate"], out["articles_stored"]) == (1, 0)
    assert sql("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM article_sources)"
               ) == before  # fmt: skip


def test_same_article_in_two_files_is_one_article_with_two_provenances(env) -> None:
    """Same article in two files: one article, two provenances."""
    seeds, ingest, sql = env
    (seeds / "a.txt").write_text(ART[0] + "\n" + ART[2])
    (seeds / "b.txt").write_text(ART[3] + "\n" + ART[0])
    ingest()
    [aid] = ids_of([ART[0].encode()])
    assert sql(f"SELECT count(*) FROM articles WHERE article_id = '{aid}'") == [(1,)]
    assert sorted(r[0] for r in sql(
        f"SELECT position FROM article_sources WHERE article_id = '{aid}'")) == [0, 1]  # fmt: skip


def test_file_replaced_under_the_same_name_is_a_new_version(env) -> None:
    """File replaced with different content under the same name: new version, old rows kept."""
    seeds, ingest, sql = env
    (seeds / "a.txt").write_text(ART[0])
    ingest()
    (seeds / "a.txt").write_text(ART[0] + "\n" + ART[4])
    out = ingest()
    assert (out["files_new"], out["articles_stored"]) == (1, 1)
    assert sql("SELECT count(*) FROM files") == [(2,)]
    assert sql("SELECT count(*) FROM articles") == [(2,)]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n \n", "empty file"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
        (b"Title\n\nUpdated 1 March 2026\n\nTitle\n\nbody \xff\xfe text\n", "byte offset 41"),
        (TWO.encode()[:300] + b"\x00" + TWO.encode()[300:], "NUL"),
        (b"Just some notes\nwith no article header at all.\n", "no articles found"),
    ],
    ids=["empty", "whitespace", "pdf", "gzip", "invalid-utf8", "nul", "no-header"],
)
def test_bad_file_is_quarantined_with_a_reason(env, data: bytes, reason: str) -> None:
    """Empty, whitespace, PDF, gzip, invalid UTF-8, NUL, headerless: quarantined, reason."""
    seeds, ingest, sql = env
    (seeds / "bad.txt").write_bytes(data)
    out = ingest()
    assert out["files_failed"] == 1 and out["articles_stored"] == 0
    assert reason in _quarantined_reason(seeds, "bad.txt")
    assert sql("SELECT count(*) FROM articles") == [(0,)]


def test_file_over_the_size_cap_is_refused_unread(env) -> None:
    """A file over 64 MiB (sparse here): refused with its size, never read into memory."""
    seeds, ingest, _ = env
    with (seeds / "huge.txt").open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    out = ingest()
    assert out["files_failed"] == 1
    assert "too large" in _quarantined_reason(seeds, "huge.txt")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM
        lambda t: t.replace("'", "\u2019").replace('"', "\u201d").encode("cp1252"),
    ],
    ids=["utf8-bom", "utf16-bom", "cp1252-smart-quotes"],
)
def test_encodings_decode_by_policy_without_mojibake(env, encode) -> None:
    """UTF-8 BOM, UTF-16 with BOM, cp1252 quotes: same article ids as UTF-8, no `â€™`."""
    seeds, ingest, sql = env
    text = ART[5].replace("officials said", "officials said 'we’re ready'")
    (seeds / "enc.txt").write_bytes(encode(text))
    out = ingest()
    assert out["files_new"] == 1
    assert {r[0] for r in sql("SELECT article_id FROM articles")} == ids_of([text.encode()])
    stored = " ".join(str(r) for r in sql("SELECT title, body FROM articles"))
    assert "â€" not in stored and "\ufeff" not in stored and "Ã" not in stored


def test_invisible_and_bidi_characters_in_titles_do_not_break_dedup(env) -> None:
    """Zero-width and bidi controls in titles: stripped before hashing, so dedup still works."""
    seeds, ingest, sql = env
    title = ART[0].split("\n", 1)[0]
    dirty = title.replace(" ", " \u200b", 2).replace("plan", "\u202eplan\u202c", 1)
    (seeds / "clean.txt").write_text(ART[0])
    (seeds / "dirty.txt").write_text(ART[0].replace(title, dirty))
    out = ingest()
    assert out["articles_stored"] == 1
    [(stored,)] = sql("SELECT title FROM articles")
    assert stored == title


@pytest.mark.parametrize("newline", ["\r\n", "\r", "no-final"])
def test_line_endings_give_the_same_articles(env, newline: str) -> None:
    """CRLF / CR-only / no final newline: the same articles as LF."""
    seeds, ingest, sql = env
    data = TWO.rstrip("\n") if newline == "no-final" else TWO.replace("\n", newline)
    (seeds / "lf.txt").write_text(TWO)
    (seeds / "other.txt").write_bytes(data.encode())
    out = ingest()
    assert out["files_new"] == 2 and out["articles_stored"] == 2
    assert sql("SELECT count(*) FROM article_sources") == [(4,)]


def test_body_lines_that_look_like_headers_do_not_split(env) -> None:
    """A body line that looks like a title or `Updated …`: no spurious split."""
    seeds, ingest, sql = env
    title = ART[6].split("\n", 1)[0]
    tricky = ART[6].rstrip("\n") + (
        "\n\nUpdated 4 March 2026\n\nOfficials added a note.\n"
        f"{title[:20]}\n\nUpdated 5 March 2026\n\nA different line\nLast line.\n"
    )
    (seeds / "tricky.txt").write_text(tricky)
    out = ingest()
    assert out["articles_stored"] == 1
    [(body,)] = sql("SELECT body FROM articles")
    assert "Last line." in body and any("Updated 4 March 2026" in p for p in body)


def test_file_with_500_articles(env) -> None:
    """A file with 500 articles: all stored, each once, one transaction."""
    seeds, ingest, sql = env
    rng = random.Random(5)
    data = "\n".join(article_text(rng, 1000 + i) for i in range(500)).encode()
    (seeds / "big.txt").write_bytes(data)
    out = ingest()
    assert out["articles_stored"] == 500
    assert sql("SELECT count(*), count(DISTINCT article_id) FROM article_sources") == [(500, 500)]


def test_fifo_and_symlink_are_never_opened(env, tmp_path: Path) -> None:
    """A FIFO or a symlink in seeds: never opened (an open FIFO would hang the run)."""
    seeds, ingest, _ = env
    os.mkfifo(seeds / "pipe.txt")
    os.symlink("/etc/passwd", seeds / "passwd.txt")
    (seeds / "ok.txt").write_text(ART[0])
    out = ingest()
    assert (out["files_seen"], out["files_new"], out["files_failed"]) == (1, 1, 0)
    assert os.path.islink(seeds / "passwd.txt")
