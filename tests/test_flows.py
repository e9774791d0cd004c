"""The ingest and digest flows end to end, under a real (temporary) Prefect backend."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from flows.digest import daily_digest
from flows.ingest import run_ingest
from newsdigest.warehouse import connect
from tasks.split import split_articles

FIXTURE_FILES = ("layout_a.txt", "layout_b.txt", "mixed.txt")


def _distinct_articles(paths: list[Path]) -> int:
    return len({a.article_id for p in paths for a in split_articles(p.read_text("utf-8"))})


def _settle(path: Path) -> None:
    """Backdate mtimes: the ledger re-reads files modified within 1 s of a run (racy stat)."""
    past = time.time() - 60
    for f in path.iterdir() if path.is_dir() else [path]:
        if f.is_file():
            os.utime(f, (past, past))


def _rows(db: Path) -> dict[str, int]:
    with connect(db) as con:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("files", "articles", "article_sources", "summary_sentences", "entities",
                      "article_countries")
        }  # fmt: skip


def _artifact_rows(key: str) -> dict[str, str]:
    """The latest table artifact `key` of the test backend, as {what: value}."""
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        latest = client.read_latest_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key]))
        )
    rows = latest[0].data if latest else []
    rows = json.loads(rows) if isinstance(rows, str) else rows
    return {r["what"]: r["value"] for r in rows}


@pytest.fixture
def dirs(tmp_path: Path, fixtures: Path) -> dict[str, Path]:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in FIXTURE_FILES:
        shutil.copy(fixtures / name, seeds / name)
    (seeds / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    _settle(seeds)
    return {"seeds": seeds, "warehouse": tmp_path / "wh", "digests": tmp_path / "dg"}


def test_ingest_is_idempotent_and_quarantines_bad_files(prefect_harness, dirs, fixtures) -> None:
    s, w = str(dirs["seeds"]), str(dirs["warehouse"])
    expected = _distinct_articles([fixtures / n for n in FIXTURE_FILES])
    first = run_ingest(s, w)
    assert (first["files_new"], first["files_failed"]) == (3, 1)
    assert first["articles_stored"] == expected
    db = dirs["warehouse"] / "news.duckdb"
    rows = _rows(db)
    assert rows["articles"] == expected and rows["summary_sentences"] > expected
    reason = dirs["seeds"] / ".quarantine" / "broken.txt.reason"
    assert reason.exists() and reason.read_text().strip()
    assert not (dirs["seeds"] / "broken.txt").exists()
    assert _artifact_rows("ingest-summary")["files_new"] == "3"  # the async flow awaited it

    again = run_ingest(s, w)
    assert again["files_unchanged"] == 3 and again["articles_stored"] == 0
    copy = dirs["seeds"] / "renamed copy.txt"
    shutil.copy(dirs["seeds"] / "layout_a.txt", copy)
    _settle(copy)
    renamed = run_ingest(s, w)
    assert (renamed["files_duplicate"], renamed["articles_stored"]) == (1, 0)
    assert _rows(db) == {**rows, "files": rows["files"]}


def test_digest_renders_the_day(prefect_harness, dirs) -> None:
    run_ingest(str(dirs["seeds"]), str(dirs["warehouse"]))
    out = daily_digest(None, str(dirs["warehouse"]), str(dirs["digests"]), "UTC")
    md = Path(out["md"]).read_text("utf-8")
    html = Path(out["html"]).read_text("utf-8")
    assert out["articles"] > 0 and md.startswith("# News digest")
    titles = {a.title for n in FIXTURE_FILES
              for a in split_articles((dirs["seeds"] / n).read_text("utf-8"))}  # fmt: skip
    for title in titles:
        assert title in md
    assert html.count("<article ") == out["articles"]
    empty = daily_digest("2001-01-01", str(dirs["warehouse"]), str(dirs["digests"]), "UTC")
    assert empty["articles"] == 0
    assert "No articles arrived" in Path(empty["html"]).read_text("utf-8")


def test_real_seeds_group_libya_and_syria(prefect_harness, shared: Path, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(shared / "seeds", seeds)
    run_ingest(str(seeds), str(tmp_path / "wh"))
    with connect(tmp_path / "wh" / "news.duckdb") as con:
        focus = con.execute(
            "SELECT f.name, a.position, c.iso2 FROM articles a"
            " JOIN files f ON f.sha256 = a.file_sha256"
            " LEFT JOIN article_countries c ON c.article_id = a.article_id AND c.is_focus"
            " ORDER BY f.name, a.position"
        ).fetchall()
    assert [(n[:3], p, c) for n, p, c in focus] == [
        ("000", 0, "LY"), ("000", 1, "SY"), ("004", 0, "LY"), ("004", 1, "SY"),
    ]  # fmt: skip
    out = daily_digest(None, str(tmp_path / "wh"), str(tmp_path / "dg"), "UTC")
    md = Path(out["md"]).read_text("utf-8")
    assert "## 🇱🇾 Libya (2 articles)" in md and "## 🇸🇾 Syria (2 articles)" in md


def test_idle_run_does_not_copy_the_warehouse_again(prefect_harness, dirs) -> None:
    from newsdigest.snapshot import current_snapshot

    s, w = str(dirs["seeds"]), str(dirs["warehouse"])
    run_ingest(s, w)
    published = current_snapshot(dirs["warehouse"])
    assert published is not None
    assert run_ingest(s, w)["files_unchanged"] == 3  # nothing read
    assert current_snapshot(dirs["warehouse"]) == published


@pytest.fixture
def sync_clients(monkeypatch) -> list[int]:  # noqa: ANN001
    """One entry per Prefect sync API client built while the test runs."""
    from prefect.client.orchestration import SyncPrefectClient

    built: list[int] = []
    init = SyncPrefectClient.__init__

    def counting(self, *args, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        built.append(1)
        init(self, *args, **kwargs)

    monkeypatch.setattr(SyncPrefectClient, "__init__", counting)
    return built


def test_a_run_builds_one_api_client_however_many_chunks(prefect_harness, dirs, sync_clients):
    """Each task run used to build its own API client (and TLS context, ~30 ms of CPU)."""
    out = run_ingest(str(dirs["seeds"]), str(dirs["warehouse"]), chunk_files=1)
    assert out["files_new"] == 3  # 4 chunks: 8 read/store task runs, plus 4 more
    assert len(sync_clients) <= 2, f"{len(sync_clients)} sync API clients for one run"


def test_the_flow_body_as_plain_python_builds_no_api_client(dirs, sync_clients) -> None:
    """The kill tests run the body as plain Python; a client there started a temporary Prefect
    server that outlived every killed run."""
    from tests.reliability.ingest_driver import plain_ingest

    out = plain_ingest(dirs["seeds"], dirs["warehouse"])
    assert out["files_new"] == 3
    assert sync_clients == []
