"""Golden Markdown digests; regenerate with `UPDATE_GOLDEN=1 pytest` or tests/golden/regen.py."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tasks.digest_context import build_context
from tasks.render import render
from tests.digest_sample import GENERATED, sample_context

GOLDEN = Path(__file__).parent / "golden"


def golden_cases() -> dict[str, str]:
    """File name -> freshly rendered Markdown."""
    empty = build_context(date(2026, 3, 5), "Asia/Riyadh", [], {}, {}, files=0,
                          prev_day=date(2026, 3, 4), generated_at=GENERATED)  # fmt: skip
    no_history = sample_context(history=None, prev_day=None, next_day=date(2026, 3, 5))
    return {
        "sample_day.md": render(sample_context(), "md"),
        "sample_day_no_history.md": render(no_history, "md"),
        "empty_day.md": render(empty, "md"),
    }


def write_golden() -> list[Path]:
    """Overwrite the golden files with the current output."""
    GOLDEN.mkdir(exist_ok=True)
    paths = []
    for name, text in golden_cases().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        paths.append(GOLDEN / name)
    return paths


@pytest.mark.parametrize("name", sorted(golden_cases()))
def test_markdown_matches_golden(name: str) -> None:
    text = golden_cases()[name]
    if os.environ.get("UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert text == expected, f"{name} changed: review, then rerun with UPDATE_GOLDEN=1"
