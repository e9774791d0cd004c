"""Word tokens for the place matcher, built lazily: most words of a text are never looked at."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import itemgetter, not_

from tasks.gazetteer_keys import norm_token

_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
# The same tokens in ASCII text, about 1.7x faster than the Unicode classes.
_SPLIT_ASCII = re.compile(r"([A-Za-z0-9]+(?:[.'][A-Za-z0-9]+)*\.?)")
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

    Token strings, offsets and key forms come from one regex pass and C-level maps; `Token`
    objects are built only for the words the matcher reads.
    """

    def __init__(self, text: str) -> None:
        """Tokenise `text` (offsets refer to `text`)."""
        ascii_text = text.isascii()
        splitter = _SPLIT_ASCII if ascii_text else _SPLIT
        pieces = splitter.split(text.replace("-", " "))  # gap, token, gap, token, ..., gap
        raw = pieces[1::2]
        starts = list(accumulate(map(len, pieces[:-1])))[0::2]
        if ascii_text:  # letters and digits only: the key is the lower-cased word (mapped in C)
            surface, norm = list(raw), list(map(str.lower, raw))
            for i in compress(count(), map(not_, map(str.isalnum, raw))):
                surface[i], norm[i] = token_parts(raw[i])
        else:
            surface = list(map(itemgetter(0), parts := list(map(token_parts, raw))))
            norm = list(map(itemgetter(1), parts))
            if not all(norm):  # an accent alone folds to nothing: tokenize drops the token
                keep = list(map(bool, norm))
                raw, starts, surface, norm = (
                    list(compress(x, keep)) for x in (raw, starts, surface, norm)
                )
        self.raw: list[str] = raw
        self.starts: list[int] = starts
        self.surface: list[str] = surface  # sentence dot and possessive 's cut
        self.norm: list[str] = norm  # key form
        self._built: list[Token | None] = [None] * len(raw)
        self._title_case: bool | None = None

    def __len__(self) -> int:
        """Number of tokens."""
        return len(self.raw)

    def __getitem__(self, i: int) -> Token:
        """Token i, built on first use."""
        tok = self._built[i]
        if tok is None:
            surface, start = self.surface[i], self.starts[i]
            tok = self._built[i] = Token(surface, self.norm[i], start, start + len(surface))
        return tok

    def capitalised(self) -> list[int]:
        """Indices of the tokens starting with an upper-case letter."""
        return list(compress(count(), map(str.isupper, map(itemgetter(0), self.raw))))

    def title_case(self) -> bool:
        """Most words longer than three letters are capitalised (a headline)."""
        if self._title_case is None:
            long_words = [w for w in self.surface if len(w) > 3]
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
