"""Undo Penn-Treebank tokenisation ("Warrenton , Va .") for readers that match characters."""

from __future__ import annotations

import re

_BRACKETS = {"-lrb-": "(", "-rrb-": ")", "-lsb-": "[", "-rsb-": "]", "-lcb-": "{", "-rcb-": "}"}
_BRACKET = re.compile(r"-(?:[lr][rsc]b)-", re.I)
_OPEN_QUOTE = re.compile(r"``\s?")
_CLOSE_QUOTE = re.compile(r"\s?''")
# A space the tokeniser put before closing punctuation or a clitic ("Va .", "ca n't", "group 's"),
# or after an opening bracket or currency sign ("( in", "$ 5").
_SPACE_BEFORE = re.compile(
    r"(?<=\S) +(?=[,.;:!?%)\]}>](?:\s|$|[,.;:!?)\]}>'\"])|(?i:'s|'re|'ve|'ll|'d|'m|n't)\b)"
)
_SPACE_AFTER = re.compile(r"(?<=[(\[{$<]) +(?=\S)")
SCAN_CHARS = 1500
# Cheap signs of tokenised text: a comma or clitic standing alone between spaces.
_SIGNS = (" , ", " 's ", " n't ", " . ", "-lrb-", "-LRB-", "``")


def is_tokenized(text: str) -> bool:
    """Whether `text` looks PTB-tokenised; plain prose almost never has " , " or " 's ".

    Tokenised text shows it in its first lines, so only those are scanned."""
    head = text[:SCAN_CHARS]
    return any(sign in head for sign in _SIGNS)


def detokenize(text: str) -> str:
    """`text` with the tokeniser's spaces and bracket/quote tokens undone (lines kept)."""
    text = _BRACKET.sub(lambda m: _BRACKETS[m.group().lower()], text)
    text = _CLOSE_QUOTE.sub('"', _OPEN_QUOTE.sub('"', text))
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))
