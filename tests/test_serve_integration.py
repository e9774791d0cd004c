"""End to end: a real Prefect server, `newsdigest serve` against it, files dropped into seeds/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from newsdigest import server
from newsdigest.warehouse import connect
from tests.helpers import layout_b_file
from tests.prefect_server import LiveServer, prefect_server

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


def runs(live: LiveServer, deployment_id: str, state: str = "COMPLETED") -> list[dict]:
    body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]},
                          "state": {"type": {"any_": [state]}}}}  # fmt: skip
    return live.api("POST", "/flow_runs/filter", body)


def ingest_totals(live: LiveServer, want_files: int) -> dict[str, int] | None:
    """Sum the `ingest-summary` artifacts; None until `want_files` new+failed files are in."""
    arts = live.api(
        "POST", "/artifacts/filter", {"artifacts": {"key": {"any_": ["ingest-summary"]}}}
    )
    totals: dict[str, int] = {}
    for art in arts:
        for row in json.loads(art["data"]) if isinstance(art["data"], str) else art["data"]:
            if row["what"] in ("files_new", "files_failed"):
                totals[row["what"]] = totals.get(row["what"], 0) + int(row["value"])
    return totals if sum(totals.values()) >= want_files else None


def deployment(live: LiveServer, name: str) -> dict | None:
    try:
        return live.api("GET", f"/deployments/name/{name}/{name}")
    except OSError:
        return None


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[LiveServer, dict[str, Path]]]:
    dirs = {k: tmp_path / k for k in ("seeds", "warehouse", "digests")}
    dirs["seeds"].mkdir()
    with prefect_server(tmp_path) as live:
        cmd = [sys.executable, "-m", "newsdigest.cli", "serve", "--interval", "3600",
               "--settle", "0.5", *[f"--{k}={v}" for k, v in dirs.items()]]  # fmt: skip
        with open(tmp_path / "serve.log", "ab") as log:
            proc = subprocess.Popen(
                cmd, env=live.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        try:
            yield live, dirs
        finally:
            server.stop_pid(proc.pid, grace=20)
            print((tmp_path / "serve.log").read_text()[-3000:])


def test_dropped_file_is_ingested_and_digest_renders(served) -> None:
    live, dirs = served
    ingest = wait_for("ingest-seeds deployment", lambda: deployment(live, "ingest-seeds"))
    digest = wait_for("daily-digest deployment", lambda: deployment(live, "daily-digest"))
    assert "interval" in str(ingest["schedules"]) and "0 6 * * *" in str(digest["schedules"])

    drop(dirs["seeds"], "drop.txt", layout_b_file(TITLES).encode())
    drop(dirs["seeds"], "broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary")
    # wait on the API, not on DuckDB: a reader polling the file would block the writer
    totals = wait_for("both files handled", lambda: ingest_totals(live, want_files=2))
    assert (totals["files_new"], totals["files_failed"]) == (1, 1)
    assert set(TITLES) <= stored_titles(dirs["warehouse"] / "news.duckdb")
    done = runs(live, ingest["id"])
    failed = [r for r in done if r["state_name"] == "Completed with failures"]
    assert len(failed) == 1 and "broken.txt: binary file" in failed[0]["state"]["message"]
    assert (dirs["seeds"] / ".quarantine" / "broken.txt.reason").exists()
    rows = live.api(
        "POST", "/artifacts/filter", {"artifacts": {"key": {"any_": ["ingest-summary"]}}}
    )
    assert any("failed: broken.txt" in str(a["data"]) for a in rows)

    run = live.api("POST", f"/deployments/{digest['id']}/create_flow_run",
                   {"parameters": {"day": "today"}})  # fmt: skip
    finished = lambda: run["id"] in {r["id"] for r in runs(live, digest["id"])}  # noqa: E731
    wait_for("daily-digest run completed", finished, timeout=120)
    arts = live.api("POST", "/artifacts/filter", {"artifacts": {"key": {"any_": ["daily-digest"]}}})
    assert arts and any(TITLES[0] in a["data"] for a in arts)
    assert list(dirs["digests"].glob("*.html")) and list(dirs["digests"].glob("*.md"))
