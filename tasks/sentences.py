"""Sentence splitting: NLTK Punkt with parameters trained offline (scripts/train_punkt.py)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import _ORTHO_LC, PunktParameters, PunktSentenceTokenizer

PARAMS_FILE = Path(__file__).parent / "data" / "punkt_params.json"

_LINE = re.compile(r"[^\n]+")
# A fragment that is only closing quotes/brackets belongs to the sentence before it.
_CLOSER = re.compile(r"^(?:''|[\"'\u201d\u2019)\]])+(?=\s|$)")
_FIRST_WORD = re.compile(r"[A-Za-z]+\.?")


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer built from the committed parameter file (loaded once)."""
    data = json.loads(PARAMS_FILE.read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data.get("collocations", [])}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


def _line_spans(line: str, offset: int, mixed_case: bool) -> list[tuple[int, int]]:
    """Punkt spans of one line, with quote fragments and spaced-period breaks repaired."""
    try:
        raw = list(_tokenizer().span_tokenize(line))
    except Exception:  # Punkt should not fail, but a splitter must never crash the pipeline
        raw = [(0, len(line))]
    spans: list[tuple[int, int]] = []
    for start, end in raw:
        piece = line[start:end]
        closer = _CLOSER.match(piece)
        if spans and closer:
            spans[-1] = (spans[-1][0], start + closer.end())
            start += closer.end()
        elif spans and _continues(line[spans[-1][0] : spans[-1][1]], piece, mixed_case):
            spans[-1] = (spans[-1][0], end)
            continue
        if line[start:end].strip():
            spans.append((start, end))
    return [_strip(line, s, e, offset) for s, e in spans]


def _continues(previous: str, piece: str, mixed_case: bool) -> bool:
    """True when Punkt's break between `previous` and `piece` should be undone."""
    # Daily Mail quirk in mixed-case text: " . " inserted at old line breaks, then lower case.
    if mixed_case and piece[:1].islower() and previous[-2:-1].isspace() and previous[-1:] == ".":
        return True
    return _after_initial(previous, piece)


def _after_initial(previous: str, piece: str) -> bool:
    """True when `previous` ends with an initial ("J.") and `piece` continues a name."""
    tail = previous.rstrip()[-3:]  # "J." preceded by a space, a period or nothing
    if not (len(tail) >= 2 and tail[-1] == "." and "A" <= tail[-2] <= "Z"):
        return False
    if len(tail) == 3 and not (tail[0].isspace() or tail[0] == "."):
        return False
    word = _FIRST_WORD.match(piece)
    if not word or not word.group()[0].isupper():
        return False
    if re.fullmatch(r"[A-Z]\.", word.group()):
        return True
    # A capitalised word never seen in lower case (a name) continues the sentence.
    flags = _tokenizer()._params.ortho_context.get(word.group().lower().rstrip("."), 0)
    return not flags & _ORTHO_LC


def _strip(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding whitespace; shift it by `offset`."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start + offset, end + offset


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in `text`; a newline always ends one."""
    if not isinstance(text, str) or not text.strip():
        return []
    mixed_case = any(c.isupper() for c in text)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if line.group().strip():
            spans.extend(_line_spans(line.group(), line.start(), mixed_case))
    return [(s, e) for s, e in spans if e > s]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` (paragraph breaks always end a sentence)."""
    return [text[s:e] for s, e in sentence_spans(text)]
