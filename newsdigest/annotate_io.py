"""Streaming JSONL in and out for `newsdigest annotate`, with a progress bar on a terminal."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from typing import TextIO

from tasks.annotate import annotate_record


def _open(path: str, mode: str, stack: ExitStack) -> TextIO:
    if path == "-":
        return sys.stdin if "r" in mode else sys.stdout
    return stack.enter_context(open(path, mode, encoding="utf-8"))


def annotate_stream(src: str, dst: str, sentences: int = 3, algorithm: str = "default") -> int:
    """Annotate every record of `src` into `dst`; bad lines are reported and skipped."""
    errors = 0
    with ExitStack() as stack:
        fin, fout = _open(src, "r", stack), _open(dst, "w", stack)
        show = sys.stderr.isatty()
        for n, line in enumerate(fin, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                print(f"line {n}: skipped: {exc}", file=sys.stderr)
                errors += 1
                continue
            out = annotate_record(record, sentences, algorithm)
            fout.write(json.dumps(out, ensure_ascii=False) + "\n")
            if show and n % 50 == 0:
                print(f"\rannotated {n} records", end="", file=sys.stderr)
        if show:
            print(file=sys.stderr)
    return 1 if errors else 0
