"""Small iteration helpers (Python 3.11 has no itertools.batched)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items (size < 1 counts as 1)."""
    size = max(1, size)
    for i in range(0, len(items), size):
        yield list(items[i : i + size])
