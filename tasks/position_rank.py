"""Default summarizer: position-aware directed centrality (PacSum-style) with boilerplate filtering.

News puts its point first, so plain centrality loses to the lead. A sentence's score is its
directed TF-IDF centrality: the summed cosine similarity to the sentences *after* it (PacSum's
forward edges: a sentence that later text elaborates on is a topic sentence). That sum is
position-aware by construction (early sentences have more text after them), so no separate
position prior is used; on the dev data an explicit 1/(1+rank)^d prior and PacSum's negative
backward weight both lowered ROUGE on BBC. Similarity to the title is added. Boilerplate (bylines,
PUBLISHED/UPDATED stamps, fragments) scores 0. Selection is greedy with a redundancy penalty (MMR).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tasks.stop_words import stop_words
from tasks.sumy_adapter import WORD, stem

# Daily Mail / wire boilerplate, in mixed-case and PTB lower-cased form.
_BOILERPLATE = re.compile(
    r"^\W*by\s*\.|\b(?:published|updated)\s*:|last updated at|daily mail reporter|"
    r"\bfollow\s+@|click here|scroll down for|\|\s*\.|^\W*(?:reporter|press association)\b",
    re.IGNORECASE,
)

# PTB bracket tokens (-lrb- cnn -rrb-) are not content words.
_PTB_BRACKET = re.compile(r"-[lr][rsc]b-")


@dataclass(frozen=True)
class Params:
    """Scoring weights (few, chosen on BBC and CNN/DM dev data; see the eval module)."""

    forward: float = 1.0  # weight of similarity to later sentences
    backward: float = 0.0  # weight of similarity to earlier sentences
    title: float = 1.0  # weight of similarity to the title
    redundancy: float = 0.2  # MMR penalty on similarity to already selected sentences
    min_words: int = 8  # shorter sentences are fragments (datelines, captions)


DEFAULT = Params()


def content_stems(sentence: str) -> list[str]:
    """Stemmed, lower-cased content words of a sentence (stop words and punctuation dropped)."""
    stops = stop_words()
    text = _PTB_BRACKET.sub(" ", sentence.lower())
    return [stem(w) for w in WORD.findall(text) if w not in stops and (len(w) > 1 or w.isdigit())]


def is_boilerplate(sentence: str, min_words: int = DEFAULT.min_words) -> bool:
    """True for bylines, time stamps and fragments too short to summarise anything."""
    words = [w for w in WORD.findall(sentence) if any(c.isalpha() for c in w)]
    return len(words) < min_words or bool(_BOILERPLATE.search(sentence))


def _tfidf(bags: Sequence[Sequence[str]]) -> np.ndarray:
    """Row-normalised TF-IDF matrix (sentences as documents), shared terms only.

    Terms in a single row still count in the norms but are dropped afterwards: they add nothing to
    any similarity, and dropping them keeps the matrix small.
    """
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, bag in enumerate(bags):
        for w in bag:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    matrix = np.zeros((len(bags), max(len(vocab), 1)))
    np.add.at(matrix, (rows, cols), 1.0)
    df = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(bags)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix[:, df > 1] / np.where(norms > 0, norms, 1.0)


def score_sentences(
    sentences: Sequence[str], title: str | None = None, params: Params = DEFAULT
) -> tuple[list[float], np.ndarray]:
    """Score per sentence (0 for boilerplate) and the sentence similarity matrix."""
    count = len(sentences)
    bags = [content_stems(s) for s in sentences]
    title_bag = content_stems(title) if title else []
    vectors = _tfidf([*bags, title_bag])
    # einsum, not BLAS matmul: multi-threaded BLAS is slower on these small matrices under load.
    sim = np.einsum("ik,jk->ij", vectors[:count], vectors[:count])
    np.fill_diagonal(sim, 0.0)
    eligible = np.array([not is_boilerplate(s, params.min_words) for s in sentences])
    if not eligible.any():
        eligible[:] = True
    sim_eligible = sim * eligible[None, :]
    later = np.triu(sim_eligible, 1).sum(axis=1)
    earlier = np.tril(sim_eligible, -1).sum(axis=1)
    central = params.forward * later + params.backward * earlier
    spread = central.max() - central.min() if count > 1 else 0.0
    central = (central - central.min()) / spread if spread > 0 else np.zeros(count)
    title_sim = (
        np.einsum("ik,k->i", vectors[:count], vectors[count]) if title_bag else np.zeros(count)
    )
    scores = (1.0 + central + params.title * title_sim) * eligible
    return [float(x) for x in scores], sim


def select(scores: Sequence[float], sim: np.ndarray, n: int, redundancy: float) -> list[int]:
    """Greedy MMR: best score minus `redundancy` x max similarity to what is already picked."""
    chosen: list[int] = []
    candidates = [i for i, s in enumerate(scores) if s > 0] or list(range(len(scores)))
    top = max((scores[i] for i in candidates), default=1.0) or 1.0
    while candidates and len(chosen) < n:

        def gain(i: int) -> float:
            overlap = max((sim[i, j] for j in chosen), default=0.0)
            return scores[i] / top - redundancy * overlap

        best = max(candidates, key=gain)
        chosen.append(best)
        candidates.remove(best)
    return sorted(chosen)


def position_rank(
    sentences: Sequence[str], n: int, title: str | None = None, params: Params = DEFAULT
) -> tuple[list[float], list[int]]:
    """Scores for every sentence and the indices of the `n` selected ones (article order)."""
    if not sentences:
        return [], []
    scores, sim = score_sentences(sentences, title, params)
    return scores, select(scores, sim, n, params.redundancy)
