"""The Prefect UI in headless Chromium lists both newsdigest deployments."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsdigest.config import Settings
from newsdigest.serve import DIGEST, INGEST, ServeOptions, build_deployments
from tests.prefect_server import LiveServer, shared_server

pytestmark = [pytest.mark.server, pytest.mark.browser]
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))),
                None)  # fmt: skip
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,900"]  # fmt: skip


def chromium(tmp: Path, url: str, *extra: str, budget_ms: int = 8000) -> str:
    """Run headless Chromium on `url` and return its stdout (the DOM with --dump-dom)."""
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--virtual-time-budget={budget_ms}",
           *extra, url]  # fmt: skip
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    return out.stdout


def register_deployments(live: LiveServer, tmp: Path) -> None:
    """Create the two deployments exactly as `newsdigest serve` defines them."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    opts = ServeOptions(Settings.from_env(tmp / "seeds", tmp / "wh", tmp / "dg"))
    with temporary_settings(updates={PREFECT_API_URL: live.url}):
        for dep in build_deployments(opts):
            dep.apply()


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install "
                    "chromium; .ci/run does it when root)")  # fmt: skip
def test_deployments_page_lists_both(tmp_path: Path, tmp_path_factory) -> None:
    live = shared_server(tmp_path_factory)
    register_deployments(live, tmp_path)
    url = f"{live.ui_url}/deployments"
    dom = ""
    for budget in (8000, 20000):  # the SPA renders after its API calls: retry once, longer
        dom = chromium(tmp_path, url, "--dump-dom", budget_ms=budget)
        if INGEST in dom and DIGEST in dom:
            break
    shot = tmp_path / "deployments.png"
    chromium(tmp_path, url, f"--screenshot={shot}", budget_ms=8000)
    (tmp_path / "deployments.html").write_text(dom)
    assert INGEST in dom and DIGEST in dom, f"deployments missing from the DOM ({len(dom)} chars)"
    assert shot.exists() and shot.stat().st_size > 10_000
