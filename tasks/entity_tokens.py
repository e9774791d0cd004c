"""Tokens with character offsets, sentence starts, and candidate name chunks (capitalised runs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.entity_cues import CONNECTORS, OF_HEADS, words_of

# Abbreviations (U.S.), initials (J.), words with inner hyphens or apostrophes (not the
# possessive 's), any other single character.
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|Mt|Ft|Prof|Rev|Jr|Sr|Corp|Inc"
_TOKEN = re.compile(
    _ABBREV
    + r"|Co|Ltd|Bros)\.(?!\w)|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s|[A-Z])"
    + r"|\w+(?:-\w+)*(?:['\u2019](?![sS]\b)\w+(?:-\w+)*)*|\S"
)
_LINE = re.compile(r"[^\n]+")
_BOUNDARY = words_of(". ! ? : ; \" `` '' - -- ( [ ' \u201c \u2018 \u2014 \u2013 |")
_PREFIXED = re.compile(r"^(?:al|el|ul|ad|ash|as|ar|bin|ibn|abu|d|l|de|van|von|mc|o)['\u2019-][A-Z]")


@dataclass(slots=True)
class Token:
    """One token: text and character offsets, plus shape flags."""

    text: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter (or al-X style prefix): may be part of a name
    upper: bool  # all letters upper case, at least two letters
    sent_start: bool = False


@dataclass(slots=True)
class Chunk:
    """A candidate name: tokens [i, j) of one line."""

    line: int
    i: int
    j: int


def tokenize_line(text: str, offset: int) -> list[Token]:
    """Tokens of one line, offsets relative to the whole text; marks sentence starts."""
    toks: list[Token] = []
    boundary = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        first = word[0]
        cap = (first.isupper() and first.isalpha()) or bool(_PREFIXED.match(word))
        letters = [c for c in word if c.isalpha()]
        upper = len(letters) >= 2 and all(c.isupper() for c in letters)
        tok = Token(word, offset + m.start(), offset + m.end(), cap, upper, boundary and cap)
        toks.append(tok)
        if word in _BOUNDARY:
            boundary = True
        elif word[0].isalnum():
            boundary = False
    return toks


def split_lines(text: str) -> list[list[Token]]:
    """Tokenised non-empty lines of the text."""
    return [tokenize_line(m.group(), m.start()) for m in _LINE.finditer(text)]


def is_caps_line(toks: list[Token]) -> bool:
    """True for an ALL-CAPS headline or table line (case carries no name signal there)."""
    words = [t for t in toks if any(c.isalpha() for c in t.text)]
    if len(words) < 2:
        return bool(words) and words[0].upper and len(words[0].text) > 4
    return sum(t.upper or not t.cap and not t.text.islower() for t in words) >= 0.8 * len(words)


def chunks(toks: list[Token], line: int) -> list[Chunk]:
    """Maximal runs of capitalised tokens, joined over connectors like `of`, `de`, `&`."""
    out: list[Chunk] = []
    n = len(toks)
    i = 0
    while i < n:
        if not _nameish(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _nameish(toks[j]) and not toks[j].sent_start:
                j += 1
            elif toks[j].text in CONNECTORS and j + 1 < n and _nameish(toks[j + 1]):
                if toks[j].text in ("of", "for") and toks[j - 1].text not in OF_HEADS:
                    break  # "Mike Powell of Acme Bank": two names, not one
                j += 2
            elif (
                toks[j].text in CONNECTORS
                and j + 2 < n
                and toks[j + 1].text in CONNECTORS
                and _nameish(toks[j + 2])
            ):
                j += 3
            else:
                break
        out.append(Chunk(line, i, j))
        i = j
    return out


def _nameish(tok: Token) -> bool:
    """Capitalised word that can be part of a name (not a bare number or symbol)."""
    return tok.cap and len(tok.text) > 0 and tok.text not in _BOUNDARY
