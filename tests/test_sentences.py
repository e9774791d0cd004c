"""Sentence splitter: trained Punkt, abbreviations, quotes, initials, lower-cased PTB text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith flew to Washington. He met Dr. Jones at 3 p.m. on Jan. 5. Talks went well.",
            [
                "Mr. Smith flew to Washington.",
                "He met Dr. Jones at 3 p.m. on Jan. 5.",
                "Talks went well.",
            ],
        ),
        (
            "The U.S. economy grew 2.5% last year. The U.N. said so. Acme Inc. agreed.",
            ["The U.S. economy grew 2.5% last year.", "The U.N. said so.", "Acme Inc. agreed."],
        ),
        (
            "She moved to the U.S. The move was hard.",
            ["She moved to the U.S.", "The move was hard."],
        ),
        (
            '"We will win," said Gen. Ahmed Saleh. "No doubt." Then he left.',
            ['"We will win," said Gen. Ahmed Saleh.', '"No doubt."', "Then he left."],
        ),
        (
            "The book by J. R. R. Tolkien sold well. George W. Bush read it.",
            ["The book by J. R. R. Tolkien sold well.", "George W. Bush read it."],
        ),
        (
            "Is it over? Not yet! Prices rose 3.75 per cent to $1.2bn.",
            ["Is it over?", "Not yet!", "Prices rose 3.75 per cent to $1.2bn."],
        ),
    ],
)
def test_split_examples(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_lowercase_ptb_text() -> None:
    text = "he said . `` this is a quote . '' mr. smith agreed . the u.s. team won 2-1 ."
    assert split_sentences(text) == [
        "he said .",
        "`` this is a quote . ''",
        "mr. smith agreed .",
        "the u.s. team won 2-1 .",
    ]


def test_newline_always_ends_a_sentence() -> None:
    text = "First line without a stop\nSecond line, also open\n\nThird. Fourth."
    assert split_sentences(text) == [
        "First line without a stop",
        "Second line, also open",
        "Third.",
        "Fourth.",
    ]


def test_spans_are_stripped_offsets() -> None:
    text = "  One sentence here.   Two sentences here.  \n\n Three. "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["One sentence here.", "Two sentences here.", "Three."]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_spaced_period_quirk_joins_lowercase_continuation() -> None:
    text = "He wore a casual . navy blue shirt on the trip. It was hot."
    assert split_sentences(text) == [
        "He wore a casual . navy blue shirt on the trip.",
        "It was hot.",
    ]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_and_spans_are_valid(text: str) -> None:
    spans = sentence_spans(text)
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert "\n" not in text[start:end]
        assert text[start:end] == text[start:end].strip()
    assert spans == sorted(spans)
