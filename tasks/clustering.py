"""Near-duplicate clustering of articles: MinHash over word shingles of title + lead, LSH buckets.

Two articles are the same story when the Jaccard similarity of their 3-word shingle sets (title
plus the first `LEAD_WORDS` words of the body, lower-cased, punctuation dropped) is at least
`threshold` (default 0.5). Candidates come from LSH buckets (16 bands x 4 rows of a 64-value
MinHash signature), so the cost grows roughly linearly with the number of articles; every
candidate pair is then checked with the exact Jaccard, so the buckets never merge on their own.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

import numpy as np

DEFAULT_THRESHOLD = 0.5
LEAD_WORDS = 80
SHINGLE = 3
BANDS, ROWS = 16, 4
_PRIME = (1 << 31) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(title: str, body: Sequence[str], lead_words: int = LEAD_WORDS) -> set[int]:
    """Hashed word 3-grams of the title and the lead (few-word texts give their words instead)."""
    title_words = _WORD.findall(title.lower())
    lead: list[str] = []
    for para in body:
        lead.extend(_WORD.findall(para.lower()))
        if len(lead) >= lead_words:
            break
    words = title_words + lead[:lead_words]
    if len(words) < SHINGLE:
        grams = words
    else:
        grams = [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return {zlib.crc32(g.encode("utf-8")) & _PRIME for g in grams}


@cache
def _perms(n: int = BANDS * ROWS) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260301)  # fixed: signatures must not change between runs
    return (
        rng.integers(1, _PRIME, size=n, dtype=np.uint64),
        rng.integers(0, _PRIME, size=n, dtype=np.uint64),
    )


def signature(sh: set[int]) -> np.ndarray:
    """MinHash signature: per permutation, the least (a*x + b) mod p over the shingles."""
    a, b = _perms()
    if not sh:
        return np.full(a.shape, _PRIME, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((np.outer(x, a) + b) % _PRIME).min(axis=0)  # < 2**62: no uint64 overflow


def jaccard(a: set[int], b: set[int]) -> float:
    """|a & b| / |a | b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def cluster(
    docs: Sequence[tuple[str, Sequence[str]]], threshold: float = DEFAULT_THRESHOLD
) -> list[list[int]]:
    """Group (title, body) pairs into near-duplicate clusters: lists of indexes, input order."""
    sets = [shingles(t, b) for t, b in docs]
    parent = list(range(len(docs)))
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, sh in enumerate(sets):
        if not sh:
            continue
        sig = signature(sh)
        for band in range(BANDS):
            buckets[(band, sig[band * ROWS : (band + 1) * ROWS].tobytes())].append(i)
    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        for pos, j in enumerate(members):
            for k in members[:pos]:
                if (k, j) in checked:
                    continue
                checked.add((k, j))
                if jaccard(sets[k], sets[j]) >= threshold:
                    parent[_find(parent, j)] = _find(parent, k)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        groups[_find(parent, i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
