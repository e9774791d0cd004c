"""Shared fixtures: the ../shared data (skipped when absent) and project fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdigest.evaluation.common import shared_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder, or skip the test when it is absent."""
    path = shared_dir()
    if not (path / "eval").is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """The project's own fixture files (articles written for this project)."""
    return FIXTURES


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect backend for flow tests (one per session: ~10 s to start)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
