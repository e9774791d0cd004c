"""Render a DigestContext to Markdown and HTML, and write files atomically."""

from __future__ import annotations

import json
import os
import re
import tempfile
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from prefect import task

from newsdigest.heap import gc_paused
from tasks.digest_model import ENTITY_TYPES, DigestContext

_MD_CHARS = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\`*_[]|~"}
)
_MD_LINE_START = re.compile(r"[#+=-]|\d+(?=[.)])")
_MD_SPECIAL = re.compile(r"[&<>\\`*_\[\]|~]")


def md_escape(text: object) -> str:
    """Make article text inert in Markdown: entities for <>&, backslashes for inline syntax."""
    s = str(text)
    # one line, single spaces: no block can start inside (printable = no whitespace but " ")
    s = " ".join(s.split()) if "  " in s or not s.isprintable() else s.strip()
    if _MD_SPECIAL.search(s):
        s = s.translate(_MD_CHARS)
    m = _MD_LINE_START.match(s)  # a line-start marker ("# ", "- ", "1. ") would still act
    if m is None:
        return s
    mark = m.group()
    return f"{mark}\\{s[m.end() :]}" if mark[0].isdigit() else f"\\{s}"


@cache
def _env(fmt: str) -> Environment:
    """One environment per output format: HTML and XML autoescape everything, macros included."""
    env = Environment(
        loader=PackageLoader("newsdigest", "templates"),
        autoescape=(fmt in ("html", "xml")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md_escape"] = md_escape
    return env


def render_template(name: str, fmt: str, **values: object) -> str:
    """Render `<name>.<fmt>.j2` in the environment of `fmt`."""
    out = _env(fmt).get_template(f"{name}.{fmt}.j2").render(entity_types=ENTITY_TYPES, **values)
    return _collapse_blank_lines(out) if fmt == "md" else out


def _collapse_blank_lines(text: str) -> str:
    """Runs of 3+ newlines cut to 2 (str.replace: 20x faster than a regex over 8 MB)."""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


@gc_paused()
def render(ctx: DigestContext, fmt: str, full_texts: bool = True) -> str:
    """The digest as "md" or "html" text (without the full-text part if `full_texts` is False)."""
    return render_template("digest", fmt, ctx=ctx, full_texts=full_texts)


def write_atomic(path: Path, text: str) -> Path:
    """Write via a temp file in the same folder, fsync, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_digest(ctx: DigestContext, digests_dir: Path) -> dict[str, Path]:
    """Write `<day>.md`, `<day>.html` and the `<day>.json` summary the index and feed read."""
    from tasks.digest_index import day_summary

    day = ctx.day.isoformat()
    paths = {
        fmt: write_atomic(digests_dir / f"{day}.{fmt}", render(ctx, fmt)) for fmt in ("md", "html")
    }
    sidecar = digests_dir / f"{day}.json"
    try:
        previous = json.loads(sidecar.read_text("utf-8"))
    except (OSError, ValueError):
        previous = None
    summary = json.dumps(day_summary(ctx, previous), ensure_ascii=False, indent=1)
    write_atomic(sidecar, summary + "\n")
    return paths


write_digest_task = task(name="write-digest", retries=2, retry_delay_seconds=1)(write_digest)
