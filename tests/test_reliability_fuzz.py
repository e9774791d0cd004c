"""The parser never crashes: Hypothesis text and bytes into the splitter and the per-file pipeline.

Only the project's ParseError may escape the splitter; through the whole per-file pipeline
(decode → split → caps → annotate → store → quarantine) nothing escapes, and a bad file ends
up `failed` in the ledger and quarantined with a non-empty reason.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.warehouse import connect
from tasks.annotate import annotate_articles
from tasks.discover import discover, read_seeds
from tasks.normalize import ParseError, decode_bytes
from tasks.quarantine import list_quarantined, quarantine
from tasks.split import split_articles
from tasks.store import store_file

# Hypothesis warns when the global `random` state changes while it draws. These strategies
# draw only from Hypothesis; the change comes from another thread: the keepalive ping of
# Prefect's events websocket (the session's Prefect harness) calls random.getrandbits.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Do not use the `random` module inside strategies"
    ":hypothesis.errors.HypothesisDeprecationWarning"
)

FAST, SLOW = 150, 2000  # examples per test (splitter); the pipeline test runs a third of these
FAST_SETTINGS = settings(max_examples=FAST, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
SLOW_SETTINGS = settings(max_examples=SLOW, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

_line = st.one_of(
    st.text(max_size=80),
    st.sampled_from(["", "TT", "20", "Updated 1 March 2026", "Updated 31 Feb 2026", "\u2022 x",
                     "(With Reuters)", "OSLO: ", "\u202e\u200b", "\r", "\x00", "\ufeff"]),
)  # fmt: skip


@st.composite
def seedish(draw) -> str:
    """Text shaped like a seed file: real headers around hostile titles and bodies."""
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        title = draw(st.text(min_size=1, max_size=60))
        body = "\n".join(draw(st.lists(_line, max_size=6)))
        if draw(st.booleans()):
            parts.append(f"{title}\n\nUpdated 2 May 2026\n\n{title}\n\n{body}\n")
        else:
            parts.append(f"{title}\n\nCap\nCap\nTT\n20\n\n{title}\n\nCap\nCap\n\n{body}\n")
        parts.append("\n".join(draw(st.lists(_line, max_size=3))))
    return "\n".join(parts)


any_text = st.one_of(st.text(), seedish())
any_bytes = st.one_of(st.binary(), seedish().map(lambda s: s.encode("utf-8", "surrogatepass")),
                      seedish().map(lambda s: s.encode("utf-16")))  # fmt: skip


def split_only_parse_error(text: str) -> None:
    """split_articles returns articles or raises ParseError, nothing else."""
    try:
        articles = split_articles(text)
    except ParseError as exc:
        assert str(exc)
        return
    assert articles and all(a.title for a in articles)


def decode_only_parse_error(data: bytes) -> None:
    """decode + split of any bytes: ParseError or articles."""
    try:
        split_articles(decode_bytes(data))
    except ParseError as exc:
        assert str(exc)


def per_file_pipeline(data: bytes) -> None:
    """One file through read → annotate → store → quarantine: done, or failed + quarantined."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        (seeds / "fuzz.txt").write_bytes(data)
        [p] = read_seeds(discover(seeds))
        notes = annotate_articles(p.articles) if p.error is None else {}
        con = connect(":memory:")
        out = store_file(con, p, notes)
        if out.status == "failed":
            assert out.reason and out.reason == p.error
            q = quarantine(p.seed, out.reason, seeds / ".quarantine")
            assert q is not None and not os.path.lexists(seeds / "fuzz.txt")
            assert [x.reason for x in list_quarantined(seeds / ".quarantine")] == [out.reason]
            assert con.execute("SELECT status FROM files").fetchall() == [("failed",)]
        else:
            assert out.status == "new"
            n = con.execute("SELECT count(*) FROM article_sources").fetchone()[0]
            assert n == len(p.articles) > 0


@FAST_SETTINGS
@given(any_text)
def test_splitter_raises_only_parse_error(text: str) -> None:
    split_only_parse_error(text)


@FAST_SETTINGS
@given(any_bytes)
def test_decoder_and_splitter_raise_only_parse_error(data: bytes) -> None:
    decode_only_parse_error(data)


@settings(max_examples=FAST // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_bytes)
def test_whole_per_file_pipeline_never_crashes(data: bytes) -> None:
    per_file_pipeline(data)


@pytest.mark.slow
@SLOW_SETTINGS
@given(any_text)
def test_splitter_many_examples(text: str) -> None:
    split_only_parse_error(text)


@pytest.mark.slow
@SLOW_SETTINGS
@given(any_bytes)
def test_decoder_many_examples(data: bytes) -> None:
    decode_only_parse_error(data)


@pytest.mark.slow
@settings(max_examples=SLOW // 4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_bytes)
def test_pipeline_many_examples(data: bytes) -> None:
    per_file_pipeline(data)
