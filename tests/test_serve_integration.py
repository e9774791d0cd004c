"""End to end: a real Prefect server, `newsdigest serve` against it, files dropped into seeds/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from newsdigest import server
from newsdigest.warehouse import connect
from tests.helpers import layout_b_file
from tests.prefect_server import LiveServer, shared_server

pytestmark = pytest.mark.server
TITLES = ["Harbour ferry fares frozen", "Fjord tunnel opens early"]


def wait_for(what: str, probe: Callable[[], object], timeout: float = 90, step: float = 0.3):
    """Poll `probe` until it returns something truthy; fail with `what` after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = probe()
        if got:
            return got
        time.sleep(step)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


def drop(seeds: Path, name: str, data: bytes) -> None:
    """The recommended way to drop a file: write a temp name, then rename into place."""
    tmp = seeds / f".{name}.part"
    tmp.write_bytes(data)
    os.replace(tmp, seeds / name)


def stored_titles(db: Path) -> set[str]:
    """Article titles in the warehouse (empty while the writer holds the file)."""
    try:
        with connect(db, read_only=True) as con:
            return {r[0] for r in con.execute("SELECT title FROM articles").fetchall()}
    except (duckdb.IOException, duckdb.ConnectionException, FileNotFoundError):
        return set()


def runs(live: LiveServer, deployment_id: str, since: str, state: str = "COMPLETED") -> list[dict]:
    """Runs of a deployment in `state` that started after `since` (ISO time)."""
    body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]},
                          "state": {"type": {"any_": [state]}},
                          "start_time": {"after_": since}}}  # fmt: skip
    return live.api("POST", "/flow_runs/filter", body)


def artifacts(live: LiveServer, key: str, run_ids: list[str]) -> list[dict]:
    """Artifacts with `key` created by the given flow runs."""
    body = {"artifacts": {"key": {"any_": [key]}, "flow_run_id": {"any_": run_ids}}}
    return live.api("POST", "/artifacts/filter", body) if run_ids else []


def ingest_totals(live: LiveServer, dep_id: str, since: str) -> dict[str, int]:
    """Sum the counts of the `ingest-summary` artifacts of ingest runs since `since`."""
    ids = [r["id"] for r in runs(live, dep_id, since)]
    totals: dict[str, int] = {}
    for art in artifacts(live, "ingest-summary", ids):
        for row in json.loads(art["data"]) if isinstance(art["data"], str) else art["data"]:
            if row["what"].startswith("files_") or row["what"] == "articles_stored":
                totals[row["what"]] = totals.get(row["what"], 0) + int(row["value"])
    return totals


def deployment(live: LiveServer, name: str) -> dict | None:
    try:
        return live.api("GET", f"/deployments/name/{name}/{name}")
    except OSError:
        return None


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


class Serve:
    """`newsdigest serve` as a subprocess against `live`, on the folders under `tmp`."""

    def __init__(self, live: LiveServer, tmp: Path) -> None:
        self.live, self.tmp = live, tmp
        self.dirs = {k: tmp / k for k in ("seeds", "warehouse", "digests")}
        self.dirs["seeds"].mkdir(exist_ok=True)
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> tuple[dict, dict]:
        """Start serve; return the two deployments once it has registered them."""
        self.since = now_iso()
        cmd = [sys.executable, "-m", "newsdigest.cli", "serve", "--interval", "3600",
               *[f"--{k}={v}" for k, v in self.dirs.items()]]  # fmt: skip
        log = self.tmp / "serve.log"
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd, env=self.live.env(), stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        # serve registers both deployments before it starts watching
        wait_for("serve to start watching", lambda: log.read_text().count("watching") > self.starts)
        self.starts += 1
        return deployment(self.live, "ingest-seeds"), deployment(self.live, "daily-digest")

    def stop(self) -> None:
        if self.proc is not None:
            server.stop_pid(self.proc.pid, grace=20)
            self.proc = None


@pytest.fixture
def serve(tmp_path: Path, tmp_path_factory) -> Iterator[Serve]:
    s = Serve(shared_server(tmp_path_factory), tmp_path)
    try:
        yield s
    finally:
        s.stop()
        print((tmp_path / "serve.log").read_text()[-3000:])


def test_dropped_file_is_ingested_and_digest_renders(serve: Serve) -> None:
    live, dirs = serve.live, serve.dirs
    ingest, digest = serve.start()
    assert "interval" in str(ingest["schedules"]) and "0 6 * * *" in str(digest["schedules"])

    drop(dirs["seeds"], "drop.txt", layout_b_file(TITLES).encode())
    drop(dirs["seeds"], "broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary")
    # wait on the API, not on DuckDB: a reader polling the file would block the writer
    has_both = lambda: (t := ingest_totals(live, ingest["id"], serve.since)).get(  # noqa: E731
        "files_new", 0) + t.get("files_failed", 0) >= 2 and t  # fmt: skip
    totals = wait_for("both files handled", has_both)
    assert (totals["files_new"], totals["files_failed"]) == (1, 1)
    assert set(TITLES) <= stored_titles(dirs["warehouse"] / "news.duckdb")
    done = runs(live, ingest["id"], serve.since)
    failed = [r for r in done if r["state_name"] == "Completed with failures"]
    assert len(failed) == 1 and "broken.txt: binary file" in failed[0]["state"]["message"]
    assert (dirs["seeds"] / ".quarantine" / "broken.txt.reason").exists()
    rows = artifacts(live, "ingest-summary", [failed[0]["id"]])
    assert any("failed: broken.txt" in str(a["data"]) for a in rows)

    run = live.api("POST", f"/deployments/{digest['id']}/create_flow_run",
                   {"parameters": {"day": "today"}})  # fmt: skip
    finished = lambda: run["id"] in {r["id"] for r in runs(live, digest["id"], serve.since)}  # noqa: E731
    wait_for("daily-digest run completed", finished, timeout=120)
    arts = artifacts(live, "daily-digest", [run["id"]])
    assert arts and TITLES[0] in arts[0]["data"]
    assert list(dirs["digests"].glob("*.html")) and list(dirs["digests"].glob("*.md"))


def test_restart_loses_nothing_and_reingests_nothing(serve: Serve) -> None:
    seeds, db = serve.dirs["seeds"], serve.dirs["warehouse"] / "news.duckdb"
    ingest, _ = serve.start()
    drop(seeds, "before.txt", layout_b_file(["Ferry strike ends"]).encode())
    totals = lambda: ingest_totals(serve.live, ingest["id"], serve.since)  # noqa: E731
    wait_for("first file stored", lambda: totals().get("files_new"))
    serve.stop()
    drop(seeds, "while-down.txt", layout_b_file(["Bridge toll cut"]).encode())
    ingest, _ = serve.start()
    after = wait_for("catch-up run after restart", totals)
    assert after["files_new"] == 1 and after["files_unchanged"] == 1
    assert after["articles_stored"] == 1
    serve.stop()
    with connect(db, read_only=True) as con:
        titles = [r[0] for r in con.execute("SELECT title FROM articles").fetchall()]
    assert sorted(titles) == ["Bridge toll cut", "Ferry strike ends"]
