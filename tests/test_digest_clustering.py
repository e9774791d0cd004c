"""Near-duplicate clustering: rewrites fold together, different stories stay apart, at scale."""

from __future__ import annotations

import random

import numpy as np
import pytest

from tasks.clustering import DEFAULT_THRESHOLD, cluster, jaccard, shingles, signatures

LEAD = [
    "The central bank of Norway raised its main interest rate by a quarter point on Thursday, "
    "saying that inflation had stayed above its target for longer than expected this year.",
    "Governor Ida Wolden told reporters in Oslo that further increases could follow.",
]
OTHER = [
    "Floods in southern Chile forced thousands of families from their homes on Monday as rivers "
    "burst their banks after a week of heavy rain across the Araucania region.",
]


def test_reworded_copy_folds_and_other_story_stays_apart() -> None:
    rewrite = [LEAD[0].replace("on Thursday", "on Thursday morning"), LEAD[1]]
    groups = cluster([
        ("Norway raises rates", LEAD), ("Chile floods", OTHER), ("Norway raises rates", rewrite),
    ])  # fmt: skip
    assert groups == [[0, 2], [1]]


def test_threshold_is_respected() -> None:
    a, b = ("Norway raises rates", LEAD), ("Norway lifts rates again", [LEAD[0][:120]])
    sim = jaccard(shingles(*a), shingles(*b))
    assert 0.2 < sim < 0.9
    assert cluster([a, b], threshold=sim - 0.01) == [[0, 1]]
    assert cluster([a, b], threshold=sim + 0.01) == [[0], [1]]


def test_empty_and_tiny_documents() -> None:
    assert cluster([]) == []
    assert cluster([("", []), ("", [])]) == [[0], [1]]  # nothing to compare: never merged
    assert cluster([("Brief", []), ("Brief", [])]) == [[0, 1]]
    assert signatures([np.array([], dtype=np.uint64)]).shape[0] == 1


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice("aeioubdklmnprst") for _ in range(rng.randint(3, 8)))
            for _ in range(n)]  # fmt: skip


def test_lsh_finds_every_close_copy_among_many_articles() -> None:
    rng = random.Random(3)
    base = [(" ".join(_words(rng, 8)), [" ".join(_words(rng, 70))]) for _ in range(600)]
    copies = []
    for title, body in base[:150]:  # change about one word in 30: Jaccard stays around 0.7-0.8
        words = body[0].split()
        for i in rng.sample(range(len(words)), 2):
            words[i] = "changed"
        copies.append((title, [" ".join(words)]))
    assert all(jaccard(shingles(*b), shingles(*c)) >= DEFAULT_THRESHOLD + 0.1
               for b, c in zip(base, copies, strict=False))  # fmt: skip
    groups = cluster(base + copies)
    assert len(groups) == len(base)
    pairs = {tuple(g) for g in groups if len(g) > 1}
    assert pairs == {(i, len(base) + i) for i in range(150)}


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_clusters_partition_the_input(threshold: float) -> None:
    rng = random.Random(threshold)
    docs = [(" ".join(_words(rng, 3)), [" ".join(_words(rng, 5))]) for _ in range(50)]
    docs += docs[:10]
    groups = cluster(docs, threshold)
    assert sorted(i for g in groups for i in g) == list(range(60))
    firsts = [g[0] for g in groups]
    assert all(g == sorted(g) for g in groups) and firsts == sorted(firsts)
    assert sum(len(g) > 1 for g in groups) == 10


@pytest.mark.shared
def test_dev_corpus_lsh_matches_exact_pairs(shared) -> None:
    """On the dev dumps: LSH finds the same folded pairs as comparing every sharing pair."""
    from collections import defaultdict
    from itertools import combinations

    from tasks.split import parse_file

    docs = [(a.title, a.body) for p in sorted((shared / "corpus" / "dev").glob("*.txt"))
            for a in parse_file(p)]  # fmt: skip
    sets = [shingles(*d) for d in docs]
    postings: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            postings[h].append(i)
    exact = set()
    for ids in postings.values():
        for i, j in combinations(ids, 2):
            if (i, j) not in exact and jaccard(sets[i], sets[j]) >= DEFAULT_THRESHOLD:
                exact.add((i, j))
    groups = cluster(docs)
    folded = {(i, j) for g in groups for i, j in combinations(g, 2)}
    assert exact <= folded and 5 <= len(exact) <= len(docs) // 20
    assert max(len(g) for g in groups) <= 4
