"""Analyst subcommands (sql, export): registered into the main CLI."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def register(
    sub: argparse._SubParsersAction, paths: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add the analyst subcommands to `sub` (`paths` adds --seeds/--warehouse/--digests/--tz)."""
