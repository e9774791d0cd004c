"""Near-duplicate clustering of articles: MinHash over word shingles of title + lead, LSH buckets.

Two articles are the same story when the Jaccard similarity of their word 3-gram sets (title
plus the first `LEAD_WORDS` words of the body, lower-cased, punctuation dropped) is at least
`threshold` (default 0.4). Candidates come from LSH buckets (24 bands x 2 rows of a 48-value
MinHash signature): a pair with Jaccard 0.4 shares a bucket with probability 0.985 (0.3: 0.90,
0.5: 0.999), while unrelated articles (Jaccard near 0; 0.05 gives 0.06) rarely do, so the cost
grows about linearly with the number of articles. Every candidate pair is then checked with
the exact Jaccard, so a bucket never merges articles on its own.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from functools import cache

import numpy as np

DEFAULT_THRESHOLD = 0.4
LEAD_WORDS = 60
SHINGLE = 3
BANDS, ROWS = 24, 2
_PRIME = (1 << 31) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(title: str, body: Sequence[str], lead_words: int) -> list[str]:
    words = _WORD.findall(title.lower())
    lead: list[str] = []
    for para in body:
        lead.extend(_WORD.findall(para.lower()))
        if len(lead) >= lead_words:
            break
    return words + lead[:lead_words]


def shingle_hashes(title: str, body: Sequence[str], lead_words: int = LEAD_WORDS) -> np.ndarray:
    """Sorted distinct hashes of the word 3-grams of title + lead (of the words, if fewer)."""
    w = np.fromiter(
        (zlib.crc32(x.encode("utf-8")) & _PRIME for x in _words(title, body, lead_words)),
        dtype=np.uint64,
    )
    if len(w) >= SHINGLE:  # an order-sensitive combination of three word hashes, mod p
        w = (w[:-2] * _MIX[0] % _PRIME + w[1:-1] * _MIX[1] % _PRIME + w[2:]) % _PRIME
    return np.unique(w)


def shingles(title: str, body: Sequence[str], lead_words: int = LEAD_WORDS) -> set[int]:
    """The shingle hashes as a set."""
    return set(shingle_hashes(title, body, lead_words).tolist())


_MIX = (np.uint64(1_000_003), np.uint64(2_147_483_587))


@cache
def _perms(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260301)  # fixed: signatures must not change between runs
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    return a, rng.integers(0, 2**63, size=n, dtype=np.uint64)


def signatures(hashes: Sequence[np.ndarray]) -> np.ndarray:
    """MinHash signatures (one row per document): per hash function, the least value.

    The functions are multiply-shift hashes, (a*x + b mod 2**64) >> 32, computed for all
    shingles of all documents at once; documents without shingles get 2**32 in every slot.
    """
    a, b = _perms(BANDS * ROWS)
    sig = np.full((len(hashes), len(a)), 2**32, dtype=np.uint64)
    filled = [i for i, h in enumerate(hashes) if len(h)]
    if not filled:
        return sig
    flat = np.concatenate([hashes[i] for i in filled])
    starts = np.cumsum([0] + [len(hashes[i]) for i in filled[:-1]])
    shift = np.uint64(32)
    with np.errstate(over="ignore"):  # wrapping mod 2**64 is the point
        for lo in range(0, len(a), 16):  # 16 functions at a time keeps memory small
            vals = (flat[:, None] * a[lo : lo + 16] + b[lo : lo + 16]) >> shift
            sig[filled, lo : lo + 16] = np.minimum.reduceat(vals, starts, axis=0)
    return sig


def signature(sh: set[int]) -> np.ndarray:
    """MinHash signature of one shingle set."""
    return signatures([np.array(sorted(sh), dtype=np.uint64)])[0]


def jaccard(a: set[int], b: set[int]) -> float:
    """|a & b| / |a | b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _all_shingles(docs: Sequence[tuple[str, Sequence[str]]]) -> list[np.ndarray]:
    """shingle_hashes for many documents, with one numpy pass over all their words."""
    words = [_words(t, b, LEAD_WORDS) for t, b in docs]
    lengths = np.array([len(w) for w in words])
    flat = np.fromiter(
        (zlib.crc32(x.encode("utf-8")) & _PRIME for ws in words for x in ws),
        dtype=np.uint64, count=int(lengths.sum()),
    )  # fmt: skip
    ends = np.cumsum(lengths)
    out = []
    if len(flat) >= SHINGLE:
        grams = (flat[:-2] * _MIX[0] % _PRIME + flat[1:-1] * _MIX[1] % _PRIME + flat[2:]) % _PRIME
    for n, end in zip(lengths.tolist(), ends.tolist(), strict=True):
        start = end - n
        if n >= SHINGLE:  # grams starting in this document and ending inside it
            out.append(np.unique(grams[start : end - SHINGLE + 1]))
        else:
            out.append(np.unique(flat[start:end]))
    return out


def cluster(
    docs: Sequence[tuple[str, Sequence[str]]], threshold: float = DEFAULT_THRESHOLD
) -> list[list[int]]:
    """Group (title, body) pairs into near-duplicate clusters: lists of indexes, input order."""
    hashes = _all_shingles(docs)
    sig = signatures(hashes)
    parent = list(range(len(docs)))
    sets: dict[int, set[int]] = {}

    def similar(i: int, j: int) -> bool:
        for k in (i, j):
            if k not in sets:
                sets[k] = set(hashes[k].tolist())
        return jaccard(sets[i], sets[j]) >= threshold

    checked: set[tuple[int, int]] = set()
    has_text = np.array([len(h) > 0 for h in hashes], dtype=bool)
    for band in range(BANDS):
        raw = np.ascontiguousarray(sig[:, band * ROWS : (band + 1) * ROWS]).tobytes()
        width = ROWS * 8
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for i in np.flatnonzero(has_text).tolist():
            buckets[raw[i * width : (i + 1) * width]].append(i)
        for members in buckets.values():
            for pos, j in enumerate(members):
                for k in members[:pos]:
                    if (k, j) not in checked:
                        checked.add((k, j))
                        if similar(k, j):
                            parent[_find(parent, j)] = _find(parent, k)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        groups[_find(parent, i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
