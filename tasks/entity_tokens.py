"""Tokens with character offsets, sentence starts, and candidate name chunks (capitalised runs)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count

from tasks.entity_cues import (
    CONNECTORS,
    KNOWN_ORG_NAMES,
    OF_HEADS,
    ORG_SUFFIXES,
    PRESS_NAMES,
    legal_form,
    org_suffix,
    words_of,
)
from tasks.entity_lexicon import given_names, place, surnames

# Abbreviations (U.S.), initials (J.), words with inner hyphens or apostrophes (not the
# possessive 's), any other single character.
_ABBREV = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Gov|Sen|Rep|St|Mt|Ft|Prof|Rev|Jr|Sr|Corp|Inc"
# The lookahead skips the three dotted alternatives unless a word of at most four characters and a
# full stop follow (each of them needs that), which saves most of the regex time on plain words.
_TOKEN = (
    r"(?=\w{1,4}\.)(?:"
    + _ABBREV
    + r"|Co|Ltd|Bros)\.(?!\w)|(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s|[A-Z]))"
    + r"|\w+(?:-\w+)*(?:['\u2019](?![sS]\b)\w+(?:-\w+)*)*|\S"
)
# A token with the white space before it: `findall` then gives plain strings whose lengths add
# up to offsets (no match object per token, which also kept the garbage collector busy).
_SPACED_TOKEN = re.compile(r"\s*(?:" + _TOKEN + ")")
_LINE = re.compile(r"[^\n]+")
_BOUNDARY = words_of(". ! ? : ; \" `` '' - -- ( [ ' \u201c \u2018 \u2014 \u2013 |")
# "al-Assad", "ez-Zor", "ash-Sham", "O'Neill": name particles before a capital.
_PREFIXED = re.compile(
    r"^(?:al|el|ul|ad|an|ar|as|ash|at|az|ed|en|er|es|esh|et|ez|bin|ibn|abu|d|l|de|van|von|mc|o)"
    r"['\u2019-][A-Z]"
)


# Token kind bits, counted once per line (`Line.tally`) so the line-level tests need no word loops:
# has a letter; has a letter but no lower-case name signal; starts with a letter; and capitalised.
LETTERED, SHOUTED, WORD, CAP_WORD = 1, 2, 4, 8
_BITS = (LETTERED, SHOUTED, WORD, CAP_WORD)


@dataclass(slots=True)
class Line:
    """One tokenised line as parallel per-token columns, with token offsets.

    Columns instead of one object per token: most tokens are never looked at one by one, and
    building them all was most of the extraction time.
    """

    words: list[str]
    cap: tuple[bool, ...]  # starts with an upper-case letter (or al-X style prefix): may be a name
    upper: tuple[bool, ...]  # all letters upper case, at least two letters
    kinds: tuple[int, ...]  # kind bits
    ends_sentence: tuple[bool | None, ...]  # boundary state after the token (None: unchanged)
    bounds: list[int]  # offset where each token's spaced piece starts, then the last end
    tally: dict[int, int]  # kind bit -> number of tokens with it

    def start(self, k: int) -> int:
        """Character offset of token k in the whole text."""
        return self.bounds[k + 1] - len(self.words[k])

    def end(self, k: int) -> int:
        """Character offset just after token k."""
        return self.bounds[k + 1]

    def sent_start(self, k: int) -> bool:
        """Token k is capitalised and no word has come since the line or sentence began."""
        if not self.cap[k]:
            return False
        k -= 1
        while k >= 0:  # usually one step: the previous token is a word or a full stop
            if self.ends_sentence[k] is not None:
                return bool(self.ends_sentence[k])
            k -= 1
        return True


@dataclass(slots=True)
class Chunk:
    """A candidate name: tokens [i, j) of one line."""

    line: int
    i: int
    j: int


def tokenize_line(text: str, start: int, end: int) -> Line:
    """Tokens of `text[start:end]` (one line); offsets are into `text`."""
    # Trailing white space stops the scan (one character kept for the `J.` lookahead): a long
    # blank tail would otherwise cost quadratic time in `\s*`.
    stop = min(end, start + len(text[start:end].rstrip()) + 1)
    pieces = _SPACED_TOKEN.findall(text, start, stop)
    words = list(map(str.lstrip, pieces))  # `\s` and str.isspace agree on white space
    bounds = list(accumulate(map(len, pieces), initial=start))
    columns = zip(*map(_shape, words), strict=True) if words else iter([(), (), (), ()])
    cap, upper, ends_sentence, kinds = columns
    tally = dict.fromkeys(_BITS, 0)
    for kind, n in Counter(kinds).items():
        for bit in _BITS:
            if kind & bit:
                tally[bit] += n
    return Line(words, cap, upper, kinds, ends_sentence, bounds, tally)


@lru_cache(maxsize=1 << 17)  # above the ~70k distinct tokens of the 8.7k-article dev+eval set
def _shape(word: str) -> tuple[bool, bool, bool | None, int]:
    """(cap, upper, sentence boundary after it (None: unchanged), kind bits) of a word."""
    first = word[0]
    cap = (first.isupper() and first.isalpha()) or bool(_PREFIXED.match(word))
    letters = [c for c in word if c.isalpha()]
    upper = len(letters) >= 2 and all(c.isupper() for c in letters)
    kind = (
        LETTERED * bool(letters)
        | SHOUTED * (bool(letters) and (upper or not cap and not word.islower()))
        | WORD * first.isalpha()
        | CAP_WORD * (first.isalpha() and cap)
    )
    if word in _BOUNDARY:
        return cap, upper, True, kind
    return cap, upper, False if first.isalnum() else None, kind


def split_lines(text: str) -> list[Line]:
    """Tokenised non-empty lines of the text."""
    return [tokenize_line(text, *m.span()) for m in _LINE.finditer(text)]


def is_caps_line(line: Line) -> bool:
    """True for an ALL-CAPS headline or table line (case carries no name signal there)."""
    words = line.tally[LETTERED]
    if words < 2:
        return words == 1 and any(
            up and len(w) > 4 and kind & LETTERED
            for w, up, kind in zip(line.words, line.upper, line.kinds, strict=True)
        )
    return line.tally[SHOUTED] >= 0.8 * words


def chunks(line: Line, n: int) -> list[Chunk]:
    """Maximal runs of capitalised tokens, joined over connectors like `of`, `de`, `&`.

    A capitalised token is never boundary punctuation, so `cap` alone marks a name word.
    """
    out: list[Chunk] = []
    words, cap = line.words, line.cap
    size = len(words)
    end = 0
    for i in compress(count(), cap):  # capitalised positions
        if i < end:
            continue
        j = i + 1
        while j < size:
            if cap[j] and not line.sent_start(j):
                j += 1
            elif words[j] in CONNECTORS and j + 1 < size and cap[j + 1]:
                if words[j] in ("of", "for") and not _headed(words, i, j):
                    break  # "Mike Powell of Acme Bank": two names, not one
                j += 2
            elif words[j] == "and" and (_and_joins(line, j) or _and_in_joins(line, i, j)):
                j += 2
            elif words[j] == "in" and (k := _in_joins(line, i, j)) > j:
                j = k
            elif (k := _possessive_company(line, i, j)) > j:
                j = k  # "Moody 's Investors Service Inc": one company
            elif (
                words[j] in CONNECTORS
                and j + 2 < size
                and words[j + 1] in CONNECTORS
                and cap[j + 2]
            ):
                j += 3
            else:
                break
        out.append(Chunk(n, i, j))
        end = j
    return out


def _headed(words: list[str], i: int, j: int) -> bool:
    """The run [i, j) before an "of" or "for" ends in a head word ("Bank of"), or one of its
    earlier "of" joins had one ("Board of Control for Cricket")."""
    return words[j - 1] in OF_HEADS or any(
        words[k] in ("of", "for") and words[k - 1] in OF_HEADS for k in range(i + 1, j - 1)
    )


def _run_end(line: Line, j: int) -> int:
    """End of the run of capitalised words after the connector at j (none: j + 1)."""
    k = j + 1
    while k < len(line.words) and line.cap[k] and not line.sent_start(k):
        k += 1
    return k


def _in_joins(line: Line, i: int, j: int) -> int:
    """End of a body's name that goes on over "in" to a country or continent ("Organisation for
    Security and Cooperation in Europe"); else j. Only a run with "for" inside, not ending in an
    organisation word or place, joins: "Bank for International Settlements in Basle" stays two."""
    words = line.words
    k = _run_end(line, j)
    last = words[j - 1]
    if k == j + 1 or "for" not in words[i + 1 : j - 1] or org_suffix(last) or place(last):
        return j
    entry = place(" ".join(words[j + 1 : k]))
    return k if entry is not None and entry[1] in ("country", "continent", "region") else j


def _and_in_joins(line: Line, i: int, j: int) -> bool:
    """The run after the "and" at j goes on over "in" as `_in_joins` reads it ("Organisation for
    Security and Cooperation in Europe")."""
    k = _run_end(line, j)
    return k < len(line.words) and line.words[k] == "in" and _in_joins(line, i, k) > k


def _possessive_company(line: Line, i: int, j: int) -> int:
    """End of a company name that goes on over a possessive at j ("Wendy 's International Inc"):
    one person's name before the "'s" (not "Alleghany 's MSL Industries Inc", an owner and its
    unit), capitals after it up to a legal form; else j."""
    words, cap = line.words, line.cap
    if not (j + 2 < len(words) and words[j] in ("'", "\u2019") and words[j + 1] == "s"):
        return j
    owner = words[j - 1]
    if legal_form(owner) or place(owner) is not None:
        return j  # "Boeing Co 's Boeing Commercial Airplane Co": a company and its unit
    if j - i > 1 or owner not in surnames() and owner not in given_names():
        return j  # "Rupert Murdoch 's News Corp": a person's company
    k = j + 2
    while k < len(words) and k < j + 7 and cap[k] and not line.sent_start(k):
        k += 1
        if legal_form(words[k - 1]):
            return k
    return j


# Organisation words that name a body alone ("the Army", "the Senate").
_BODIES = words_of(
    "Army Navy Police Government Parliament Congress Senate Cabinet Court Guard Guards Force Forces"
)


def _and_joins(line: Line, j: int) -> bool:
    """`Securities and Exchange Commission`, `Trinidad and Tobago`: one name over "and"."""
    words, cap = line.words, line.cap
    k = _run_end(line, j)
    i = j - 1
    while i > 0 and cap[i - 1]:
        i -= 1
    if k == j + 1 or legal_form(words[j - 1]):  # "Acme Inc and Lear Corp": two names
        return False
    # "Acme Bank and Lear Trust" is two names, "(U.S.) Securities and Exchange Commission" one:
    # an organisation word alone (or after a place) before the "and" is no name by itself, and
    # joins what follows, unless that is one word or starts with a place ("Dundee United and
    # Rangers", "Manchester United and Manchester City") or the word is a body ("Army").
    head = i + 1 if place(words[i]) is not None else i
    if org_suffix(words[j - 1]) and (
        j - 1 > head
        or k - j < 3
        or words[j - 1] in _BODIES  # "Army and Armed Forces"
        or place(words[j + 1]) is not None  # "Manchester United and Manchester City"
    ):
        return False
    if " ".join(words[i:j]).lower() in KNOWN_ORG_NAMES:  # "Amnesty International and ..."
        return False
    # not org_suffix: "KeyCorp and Banc One Corp." is two; nor a newspaper ("Outlook Express")
    if words[k - 1] in ORG_SUFFIXES and words[k - 1] not in PRESS_NAMES:
        return True
    return place(" ".join(words[i:k])) is not None
