"""Undoing PTB tokenisation: what a Treebank tokeniser splits comes back as the prose it was."""

from __future__ import annotations

import pytest

from newsdigest.evaluation.common import ptb_sentence
from tasks.detokenize import detokenize, is_tokenized

PROSE = [
    "LONDON, March 2 - Harbor Mills Plc <HMIL.L> said the group's profit rose.",
    'BERLIN, N.H. -- The mill "can\'t reopen" (yet), owners said; it cost $5 and 10% more.',
    "Arlene Moss, 78, of Warrenton, Va., died on Wednesday, March 4, 2009.",
    "They're sure we'll win: it's the mill's best year, isn't it?",
]


@pytest.mark.parametrize("sentence", PROSE)
def test_treebank_tokens_come_back_as_the_prose(sentence: str) -> None:
    tokens = ptb_sentence(sentence)
    assert tokens != sentence and is_tokenized(tokens)
    assert detokenize(tokens) == sentence
    assert detokenize(tokens.lower()) == sentence.lower()


@pytest.mark.parametrize("sentence", PROSE)
def test_prose_is_not_taken_for_tokens_and_is_left_alone(sentence: str) -> None:
    assert not is_tokenized(sentence)
    assert detokenize(sentence) == sentence


def test_lines_stay_lines() -> None:
    assert detokenize("Berlin , N.H .\nThe mill 's workers") == "Berlin, N.H.\nThe mill's workers"
