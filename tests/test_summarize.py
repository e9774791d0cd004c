"""Summarizer: n sentences in article order with scores, every algorithm offline, work caps."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.models import Article
from tasks.position_rank import is_boilerplate
from tasks.summarize import ALGORITHMS, MAX_SENTENCES, summarize, summarize_paragraphs

PARAGRAPHS = [
    "By . Staff Reporter . PUBLISHED: . 10:02 EST, 3 March 2021 . | . UPDATED: . 11:15 EST .",
    "The city council approved a new flood defence plan for the river district on Tuesday.",
    "The plan will raise the river walls by two metres and add three pumping stations.",
    "Council leader Maria Lopez said the flood defence plan would protect 4,000 homes.",
    "Residents had asked for better flood defences after the river burst its banks last winter.",
    "Work on the river walls starts in May and should end within two years, officials said.",
    "A local bakery also won a prize for its bread at the regional fair.",
]
TITLE = "Council approves river flood defence plan"


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_returns_n_in_order(algorithm: str) -> None:
    summary = summarize_paragraphs(PARAGRAPHS, n=3, algorithm=algorithm, title=TITLE)
    assert summary.algorithm == algorithm
    assert [s.index for s in summary.sentences] == list(range(len(summary.sentences)))
    picked = [s for s in summary.sentences if s.selected]
    assert len(picked) == 3
    assert summary.selected == [s.text for s in picked]  # article order
    assert all(isinstance(s.score, float) for s in summary.sentences)


def test_default_skips_boilerplate_and_prefers_the_topic() -> None:
    summary = summarize_paragraphs(PARAGRAPHS, n=3, title=TITLE)
    assert not any("PUBLISHED" in s for s in summary.selected)
    assert not any("bakery" in s for s in summary.selected)
    assert summary.sentences[0].score == 0.0  # the byline sentence fragments score nothing
    top = max(summary.sentences, key=lambda s: s.score)
    assert "flood" in top.text


def test_lead_picks_the_first_sentences() -> None:
    summary = summarize_paragraphs(["One is here. Two is here.", "Three is here. Four."], 2, "lead")
    assert summary.selected == ["One is here.", "Two is here."]


def test_short_and_empty_inputs() -> None:
    for algorithm in ALGORITHMS:
        assert summarize_paragraphs([], 3, algorithm).selected == []
        assert summarize_paragraphs(["Only one sentence."], 3, algorithm).selected == [
            "Only one sentence."
        ]


def test_unknown_algorithm_raises() -> None:
    with pytest.raises(ValueError):
        summarize_paragraphs(PARAGRAPHS, 3, "nope")


def test_summarize_article_uses_body_and_title() -> None:
    article = Article(title=TITLE, body=PARAGRAPHS[1:], layout="A")
    assert len(summarize(article, 2).selected) == 2


def test_boilerplate_detection() -> None:
    assert is_boilerplate("By . Associated Press .")
    assert is_boilerplate("updated : . 15:36 est , 25 october 2013 .")
    assert is_boilerplate("Too short here.")
    assert not is_boilerplate("The council approved a new flood defence plan on Tuesday.")


def test_caps_bound_the_work_on_huge_articles() -> None:
    words = [
        "river",
        "council",
        "plan",
        "flood",
        "homes",
        "walls",
        "pumps",
        "budget",
        "vote",
        "city",
    ]
    sentences = [
        f"The {words[i % 10]} report number {i} mentions {words[(i * 7) % 10]} and "
        f"{words[(i * 3) % 10]} again."
        for i in range(5000)
    ]
    paragraphs = [" ".join(sentences[i : i + 10]) for i in range(0, 5000, 10)]
    for algorithm in ("default", "lexrank", "textrank"):
        start = time.perf_counter()
        summary = summarize_paragraphs(paragraphs, 3, algorithm)
        assert time.perf_counter() - start < 10.0
        assert len(summary.sentences) == 5000
        assert all(s.index < MAX_SENTENCES for s in summary.sentences if s.selected)
        assert all(s.score == 0.0 for s in summary.sentences[MAX_SENTENCES:])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(), max_size=4), st.integers(min_value=0, max_value=4))
def test_default_never_crashes(paragraphs: list[str], n: int) -> None:
    summary = summarize_paragraphs(paragraphs, n, "default", title="Any title")
    assert len(summary.selected) == min(n, len(summary.sentences))
