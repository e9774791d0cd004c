"""Tests for the decoding policy and text normalisation."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.normalize import ParseError, decode_bytes, normalize_text

TEXT = "Minister\u2019s \u201cplan\u201d \u2013 talks\u2026 resume"


def test_utf8_plain_and_bom():
    assert decode_bytes(TEXT.encode("utf-8")) == TEXT
    assert decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = TEXT.encode(codec)
    if codec != "utf-16":
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        data = bom + data
    assert normalize_text(decode_bytes(data)) == TEXT


def test_cp1252_smart_punctuation_decodes_without_mojibake():
    text = decode_bytes(TEXT.encode("cp1252"))
    assert text == TEXT
    assert "\u00e2\u20ac" not in text


def test_mojibake_punctuation_is_repaired():
    broken = "It\u00e2\u20ac\u2122s a \u00e2\u20ac\u0153test\u00e2\u20ac\u009d".encode()
    assert decode_bytes(broken) == "It\u2019s a \u201ctest\u201d"


def test_invalid_utf8_reports_byte_offset():
    with pytest.raises(ParseError, match="invalid UTF-8 at byte offset 6"):
        decode_bytes(b"Caf\xc3\xa9 \xe9t\xe9")  # valid 2-byte sequence first, then Latin-1
    with pytest.raises(ParseError, match="byte offset 5"):
        decode_bytes(codecs.BOM_UTF8 + b"ab\xff")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        ("\n  \n".encode("utf-16"), "empty file"),
        (b"%PDF-1.7\n1 0 obj", "PDF"),
        (b"\x1f\x8b\x08\x00rest", "gzip"),
        (b"Title\x00\x00body", "NUL"),
        ("Title\n\nbody".encode("utf-16-le"), "UTF-16 without a byte-order mark"),
        (b"ab\x01\x02\x03\x04\x05\x06cd", "control characters"),
    ],
)
def test_rejects_empty_and_binary(data, reason):
    with pytest.raises(ParseError, match=reason):
        decode_bytes(data)


def test_parse_error_is_value_error():
    assert issubclass(ParseError, ValueError)


def test_line_ends_and_trailing_whitespace():
    assert normalize_text("a \r\nb\t\rc  \n\nd") == "a\nb\nc\n\nd"


def test_invisibles_removed_and_nbsp_becomes_space():
    dirty = "\ufeffRe\u200bport\u00ad: \u202bCairo\u202c\u200e talks\u00a0resume\x00"
    assert normalize_text(dirty) == "Report: Cairo talks resume"


def test_nfc_and_curly_quotes_kept():
    assert normalize_text("Cafe\u0301 \u201cx\u201d") == "Caf\u00e9 \u201cx\u201d"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_only_raises_parse_error(data):
    try:
        text = decode_bytes(data)
    except ParseError:
        return
    assert isinstance(text, str) and text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_normalize_text_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once
