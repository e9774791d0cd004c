"""Tokens with character offsets, sentence starts, and candidate name chunks (capitalised runs)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tasks.entity_cues import CONNECTORS, OF_HEADS, words_of

# Abbreviations (U.S.), initials (J.), words with inner hyphens or apostrophes (not the
# possessive 's), any other single character.
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|Mt|Ft|Prof|Rev|Jr|Sr|Corp|Inc"
# The lookahead skips the three dotted alternatives unless a word of at most four characters and a
# full stop follow (each of them needs that), which saves most of the regex time on plain words.
_TOKEN = re.compile(
    r"(?=\w{1,4}\.)(?:"
    + _ABBREV
    + r"|Co|Ltd|Bros)\.(?!\w)|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s|[A-Z]))"
    + r"|\w+(?:-\w+)*(?:['\u2019](?![sS]\b)\w+(?:-\w+)*)*|\S"
)
_LINE = re.compile(r"[^\n]+")
_BOUNDARY = words_of(". ! ? : ; \" `` '' - -- ( [ ' \u201c \u2018 \u2014 \u2013 |")
_PREFIXED = re.compile(r"^(?:al|el|ul|ad|ash|as|ar|bin|ibn|abu|d|l|de|van|von|mc|o)['\u2019-][A-Z]")


# Token.kind bits, tallied per line (`kind_counts`) so the line-level tests need no word loops.
HAS_ALPHA, STARTS_ALPHA, CAPITAL, NO_CASE_SIGNAL = 1, 2, 4, 8


@dataclass(slots=True)
class Token:
    """One token: text and character offsets, plus shape flags."""

    text: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter (or al-X style prefix): may be part of a name
    upper: bool  # all letters upper case, at least two letters
    sent_start: bool
    kind: int  # shape bits: HAS_ALPHA, STARTS_ALPHA, CAPITAL, NO_CASE_SIGNAL


@dataclass(slots=True)
class Chunk:
    """A candidate name: tokens [i, j) of one line."""

    line: int
    i: int
    j: int


def tokenize_line(text: str, start: int, end: int) -> list[Token]:
    """Tokens of `text[start:end]` (one line), offsets into `text`; marks sentence starts."""
    toks: list[Token] = []
    boundary = True
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        cap, upper, ends_sentence, kind = _shape(word)
        toks.append(Token(word, m.start(), m.end(), cap, upper, boundary and cap, kind))
        if ends_sentence is not None:
            boundary = ends_sentence
    return toks


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> tuple[bool, bool, bool | None, int]:
    """(cap, upper, sentence boundary after it (None: unchanged), kind bits) of a word."""
    first = word[0]
    cap = (first.isupper() and first.isalpha()) or bool(_PREFIXED.match(word))
    letters = [c for c in word if c.isalpha()]
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    kind = (
        HAS_ALPHA * bool(letters)
        | STARTS_ALPHA * first.isalpha()
        | CAPITAL * cap
        | NO_CASE_SIGNAL * (upper or not cap and not word.islower())
    )
    if word in _BOUNDARY:
        return cap, upper, True, kind
    return cap, upper, False if first.isalnum() else None, kind


def split_lines(text: str) -> list[list[Token]]:
    """Tokenised non-empty lines of the text."""
    return [tokenize_line(text, *m.span()) for m in _LINE.finditer(text)]


def kind_counts(toks: list[Token]) -> Counter[int]:
    """How many tokens of the line have each kind (bit combination)."""
    return Counter([t.kind for t in toks])


def count(tally: Counter[int], bits: int) -> int:
    """Tokens whose kind has all of `bits`."""
    return sum(n for kind, n in tally.items() if kind & bits == bits)


def is_caps_line(toks: list[Token], tally: Counter[int]) -> bool:
    """True for an ALL-CAPS headline or table line (case carries no name signal there)."""
    words = count(tally, HAS_ALPHA)
    if words < 2:
        return words == 1 and any(t.upper and len(t.text) > 4 for t in toks if t.kind & HAS_ALPHA)
    return count(tally, HAS_ALPHA | NO_CASE_SIGNAL) >= 0.8 * words


def chunks(toks: list[Token], line: int) -> list[Chunk]:
    """Maximal runs of capitalised tokens, joined over connectors like `of`, `de`, `&`.

    A capitalised token is never boundary punctuation, so `cap` alone marks a name word.
    """
    out: list[Chunk] = []
    n = len(toks)
    end = 0
    for i in [k for k, t in enumerate(toks) if t.cap]:
        if i < end:
            continue
        j = i + 1
        while j < n:
            if toks[j].cap and not toks[j].sent_start:
                j += 1
            elif toks[j].text in CONNECTORS and j + 1 < n and toks[j + 1].cap:
                if toks[j].text in ("of", "for") and toks[j - 1].text not in OF_HEADS:
                    break  # "Mike Powell of Acme Bank": two names, not one
                j += 2
            elif (
                toks[j].text in CONNECTORS
                and j + 2 < n
                and toks[j + 1].text in CONNECTORS
                and toks[j + 2].cap
            ):
                j += 3
            else:
                break
        out.append(Chunk(line, i, j))
        end = j
    return out
