"""Byte decoding and text normalisation (PLACEHOLDER: replaced by the parser work)."""

from __future__ import annotations

import unicodedata


class ParseError(ValueError):
    """A seed file that cannot be parsed; the message is the reason shown to operators."""


def decode_bytes(data: bytes) -> str:
    """Decode a seed file's bytes to text, or raise ParseError with a clear reason."""
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data:
        raise ParseError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"invalid UTF-8 at byte offset {exc.start}") from None


def normalize_text(text: str) -> str:
    """NFC, unified line ends, invisible control characters removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
