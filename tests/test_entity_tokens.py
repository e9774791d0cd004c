"""The fast tokenizer (spaced-token findall, cached shapes) against a plain per-match reference."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.entity_tokens import _BOUNDARY, _TOKEN, split_lines

# The token pattern without its speed-up lookahead: the reference tokenizer.
_PLAIN = re.compile(_TOKEN.replace(r"(?=\w{1,4}\.)", "", 1))

TRICKY = [
    "Mr. J. Okafor met Dr. Ilse Brandt-Voss in St. Louis on Jan. 3.",
    "He quoted e.g. the U.S.A. and N.Y. papers; O'Neill's rock'n'roll isn't J.",
    "Ends with an initial J. \nNext line starts here",
    "Ends with an initial J.",
    "  \t leading and trailing blanks \u00a0 ",
    "ALL CAPS LINE: TALKS RESUME IN GENEVA",
    "Prof.Smith and Corp.X -- a ( test ) \u201cquoted\u201d \u2014 dash \u2013 and | bar",
    "al-Assad met bin Salman; de Klerk and van Gogh; Mcdonald and O'Brien",
    "Caf\u00e9 M\u00fcller in Li\u00e8ge; \u00c9mile's notes",
    "x" * 5 + ". " + "Ab." * 3 + " A.B. Co. Ltd. Bros. Inc.",
]


def _reference(text: str) -> list[list[tuple[str, int, int, bool]]]:
    """(word, start, end, after a sentence boundary) per token per line, match by match."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        toks, boundary = [], True
        for m in _PLAIN.finditer(text, *line.span()):
            toks.append((m.group(), m.start(), m.end(), boundary))
            if m.group() in _BOUNDARY:
                boundary = True
            elif m.group()[0].isalnum():
                boundary = False
        out.append(toks)
    return out


def _check(text: str) -> None:
    """Same tokens, offsets and sentence starts as the reference; offsets point at the words."""
    ref = _reference(text)
    lines = split_lines(text)
    assert [line.words for line in lines] == [[t[0] for t in toks] for toks in ref]
    for line, toks in zip(lines, ref, strict=True):
        for k, (word, start, end, boundary) in enumerate(toks):
            assert (line.start(k), line.end(k)) == (start, end)
            assert text[line.start(k) : line.end(k)] == word
            assert line.sent_start(k) == (boundary and line.cap[k])


def test_tricky_lines_match_reference() -> None:
    for text in TRICKY:
        _check(text)
    _check("\n".join(TRICKY))


def test_initial_before_trailing_blank_stays_one_token() -> None:
    # The `J.` lookahead needs the blank after it even though trailing blanks are cut.
    assert split_lines("Signed by J. ")[0].words[-1] == "J."
    assert split_lines("Signed by J.")[0].words[-2:] == ["J", "."]


def test_long_blank_runs_tokenize_in_linear_time() -> None:
    text = "Talks in Geneva" + " " * 60_000 + "\n" + " " * 60_000 + "Oslo" + "\t" * 60_000
    t0 = time.process_time()
    lines = split_lines(text)
    assert time.process_time() - t0 < 1.0  # quadratic scanning of the blanks takes many seconds
    assert [line.words for line in lines] == [["Talks", "in", "Geneva"], ["Oslo"]]
    assert lines[1].start(0) == text.index("Oslo")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AJSs.'\u2019- \t\nabeM\u00e9\u00a0(1", max_size=60))
def test_random_text_matches_reference(text: str) -> None:
    _check(text)
