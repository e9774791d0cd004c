"""Word tokens for the place matcher, built lazily: most words of a text are never looked at."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter

from tasks.gazetteer import norm_token

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_LETTERS = string.ascii_letters.encode()
_UPPER = string.ascii_uppercase.encode()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass
class Token:
    """One word: original surface, folded key form and character span."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter."""
        return self.text[:1].isupper()


@lru_cache(maxsize=1 << 16)
def token_parts(raw: str) -> tuple[str, str]:
    """Surface (sentence dot and possessive 's cut) and key form of one regex token."""
    surface, norm = raw, norm_token(raw)
    if norm.count(".") == 0 and surface.endswith("."):
        surface = surface[:-1]
    if surface.lower().endswith(("'s", "’s")):
        surface = surface[:-2]
    return surface, norm


class Tokens:
    """The word tokens of a text; hyphens split words, tokens whose key is empty are dropped.

    Token strings and offsets come from one C-level regex pass; `Token` objects are built
    only for the words the matcher reads.
    """

    def __init__(self, text: str) -> None:
        """Tokenise `text` (offsets refer to `text`)."""
        pieces = _SPLIT.split(text.replace("-", " "))  # gap, token, gap, token, ..., gap
        raw = pieces[1::2]
        starts = list(accumulate(map(len, pieces[:-1])))[0::2]
        parts = list(map(token_parts, raw))
        if not text.isascii() and not all(map(itemgetter(1), parts)):
            keep = list(map(bool, map(itemgetter(1), parts)))  # an accent alone folds to nothing
            raw, starts, parts = (list(compress(x, keep)) for x in (raw, starts, parts))
        self.raw: list[str] = raw
        self.starts: list[int] = starts
        self.parts: list[tuple[str, str]] = parts  # (surface, key form) per token
        self._built: list[Token | None] = [None] * len(raw)
        self._title_case: bool | None = None

    def __len__(self) -> int:
        """Number of tokens."""
        return len(self.raw)

    def __getitem__(self, i: int) -> Token:
        """Token i, built on first use."""
        tok = self._built[i]
        if tok is None:
            surface, norm = self.parts[i]
            start = self.starts[i]
            tok = self._built[i] = Token(surface, norm, start, start + len(surface))
        return tok

    def capitalised(self) -> list[int]:
        """Indices of the tokens starting with an upper-case letter."""
        return list(compress(count(), map(str.isupper, map(itemgetter(0), self.raw))))

    def title_case(self) -> bool:
        """Most words longer than three letters are capitalised (a headline)."""
        if self._title_case is None:
            long_words = [w for w, _ in self.parts if len(w) > 3]
            capitalised = sum(w[:1].isupper() for w in long_words)
            self._title_case = len(long_words) >= 3 and capitalised > 0.7 * len(long_words)
        return self._title_case


def tokenize(text: str) -> list[Token]:
    """Word tokens; hyphens split words; possessive 's and sentence dots leave the key."""
    toks = Tokens(text)
    return [toks[i] for i in range(len(toks))]


def case_mode(text: str) -> str:
    """'mixed' for normal prose, 'lower' when nothing is capitalised, 'upper' for ALL CAPS."""
    # ASCII letters are counted by deleting bytes in C; the rare others one by one.
    raw = text.encode("ascii", "ignore")
    n_letters = len(raw) - len(raw.translate(None, _LETTERS))
    upper = len(raw) - len(raw.translate(None, _UPPER))
    if len(raw) < len(text):
        letters = [ch for ch in _NON_ASCII.findall(text) if ch.isalpha()]
        n_letters, upper = n_letters + len(letters), upper + sum(ch.isupper() for ch in letters)
    if not n_letters or upper == 0:
        return "lower"
    return "upper" if upper / n_letters > 0.6 else "mixed"
