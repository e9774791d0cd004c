"""sumy without NLTK data: an offline tokenizer, the document model and every sumy summarizer."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from tasks.sentences import split_sentences
from tasks.stop_words import stop_words

WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")

SUMY_CLASSES = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
# Edmundson's cue method: reporting verbs and hedges mark less central sentences.
STIGMA_WORDS = ("said", "says", "told", "added", "asked", "reportedly", "perhaps", "maybe")


class OfflineTokenizer:
    """sumy tokenizer protocol (`to_sentences`, `to_words`) on the project's Punkt and a regex."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of a paragraph."""
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Word tokens (letters and digits; inner apostrophes, dots and hyphens kept)."""
        return tuple(WORD.findall(sentence))


@cache
def tokenizer() -> OfflineTokenizer:
    """The shared tokenizer instance."""
    return OfflineTokenizer()


@cache
def stem(word: str) -> str:
    """Snowball stem of a lower-cased word (memoised: stemming dominates otherwise)."""
    return _stemmer()(word.lower())


@cache
def _stemmer() -> Stemmer:
    return Stemmer("english")


def build_document(
    paragraphs: Sequence[Sequence[str]], title: str | None = None
) -> ObjectDocumentModel:
    """sumy document from already split sentences grouped by paragraph (title as a heading)."""
    tok = tokenizer()
    paras = [Paragraph([Sentence(s, tok) for s in sents]) for sents in paragraphs if sents]
    if title:
        paras.insert(0, Paragraph([Sentence(title, tok, is_heading=True)]))
    return ObjectDocumentModel(paras)


def _summarizer(name: str, document: ObjectDocumentModel, title: str | None):
    """A configured sumy summarizer (stemmer, stop words; Edmundson's word lists)."""
    if name != "edmundson":
        summarizer = SUMY_CLASSES[name](stem)
        summarizer.stop_words = stop_words()
        return summarizer
    summarizer = EdmundsonSummarizer(stem, title_weight=1.0 if title else 0.0)
    summarizer.null_words = stop_words()
    summarizer.stigma_words = STIGMA_WORDS
    # Bonus words: the title's content words, else the article's most frequent content words.
    source = tokenizer().to_words(title) if title else document.words
    counts = Counter(w.lower() for w in source if w.lower() not in stop_words() and w.isalpha())
    summarizer.bonus_words = [w for w, _ in counts.most_common(10)] or ["news"]
    return summarizer


class _Capture:
    """A sumy `sentences_count` callable that records every sentence's rating."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.ratings: dict[int, float] = {}

    def __call__(self, infos):
        infos = list(infos)
        for info in infos:
            self.ratings[info.order] = float(info.rating)
        return infos[: self.n]


def sumy_scores(
    name: str, paragraphs: Sequence[Sequence[str]], n: int, title: str | None = None
) -> tuple[list[float], set[int]]:
    """Run sumy algorithm `name`: (rating per sentence in order, indices it selected)."""
    document = build_document(paragraphs, title if name == "edmundson" else None)
    total = len(document.sentences)
    if total == 0:
        return [], set()
    capture = _Capture(n)
    with np.errstate(all="ignore"):  # LexRank's power method divides by zero on tiny texts
        picked = _summarizer(name, document, title)(document, capture)
    position: dict[Sentence, list[int]] = {}
    for i, sentence in enumerate(document.sentences):
        position.setdefault(sentence, []).append(i)
    chosen = {position[s].pop(0) for s in picked if position.get(s)}
    ratings = [capture.ratings.get(i, 0.0) for i in range(total)]
    return ratings, chosen
