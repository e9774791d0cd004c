"""Rewrite the golden digests: `.venv/bin/python tests/golden/regen.py`; review the diff."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.test_digest_golden import write_golden  # noqa: E402

if __name__ == "__main__":
    for path in write_golden():
        print(path)
