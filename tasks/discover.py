"""Find seed files to ingest and read them: regular files only, no symlinks, no temp files."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from newsdigest.models import Article
from newsdigest.runlog import logger, safe_name
from tasks.normalize import ParseError, decode_bytes
from tasks.split import split_articles

IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".swp", ".swx", ".crdownload", "~", ".reason")
MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are refused outright (documented cap)
# Per-article caps at ingest (docs/reliability.md): the NLP stages cost time per character, so a
# pathological article (a 1 MB line, 20,000 sentences) is cut, keeping the cost bounded.
# A long news article is ~20,000 characters; cut articles keep the same id on every re-ingest.
MAX_ARTICLE_CHARS = 100_000
MAX_TITLE_CHARS = 1_000


@dataclass(frozen=True)
class SeedFile:
    """A candidate seed file, as seen by stat."""

    path: Path
    name: str
    size: int
    mtime_ns: int


@dataclass
class ParsedFile:
    """A seed file read and split: articles, or the reason it failed."""

    seed: SeedFile
    sha256: str
    articles: list[Article] = field(default_factory=list)
    error: str | None = None


def is_candidate_name(name: str) -> bool:
    """False for hidden, editor and partial-download files, which are never read."""
    return (
        bool(name) and not name.startswith((".", "~", "#")) and not name.endswith(IGNORED_SUFFIXES)
    )


def discover(seeds_dir: Path) -> list[SeedFile]:
    """Regular, non-hidden files directly in `seeds_dir`, by name; symlinks are refused."""
    if not seeds_dir.is_dir():
        return []
    found = []
    with os.scandir(seeds_dir) as entries:
        for entry in entries:
            if not is_candidate_name(entry.name) or entry.is_symlink():
                continue
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode):
                found.append(SeedFile(Path(entry.path), entry.name, st.st_size, st.st_mtime_ns))
    return sorted(found, key=lambda s: s.name)


class FileInFlux(OSError):
    """The file changed between discovery and the end of reading it (still being written)."""


def read_bytes_safely(seed: SeedFile) -> bytes:
    """Read a seed without following a symlink swapped in since discovery; refuse a moving file."""
    if seed.size > MAX_FILE_BYTES:
        raise ParseError(f"file too large: {seed.size} bytes (cap {MAX_FILE_BYTES})")
    # O_NONBLOCK: a FIFO swapped in since discovery must not hang the open.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(seed.path, flags)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ParseError("not a regular file")
        data = fh.read(MAX_FILE_BYTES + 1)
        st = os.fstat(fd)
    if (st.st_size, st.st_mtime_ns, len(data)) != (seed.size, seed.mtime_ns, seed.size):
        raise FileInFlux(f"{seed.name} changed while being read")
    return data


def parse_seed(seed: SeedFile, data: bytes) -> ParsedFile:
    """Hash and split one file's bytes; a parse failure becomes `error`, never an exception."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        if len(data) > MAX_FILE_BYTES:
            raise ParseError(f"file too large: more than {MAX_FILE_BYTES} bytes")
        articles = split_articles(decode_bytes(data))
    except ParseError as exc:
        return ParsedFile(seed, digest, error=str(exc))
    return ParsedFile(seed, digest, articles=[cap_article(a) for a in articles])


def cap_article(a: Article, limit: int = MAX_ARTICLE_CHARS) -> Article:
    """`a` with its body cut to `limit` characters and its title/caption to MAX_TITLE_CHARS."""
    body, left = [], limit
    for para in a.body:
        if left <= 0:
            break
        if len(para) > left:
            cut = para.rfind(" ", 0, left)
            para = para[: cut if cut > left // 2 else left].rstrip()
        body.append(para)
        left -= len(para)
    heads = (a.title, a.caption or "")
    if body == a.body and max(map(len, heads)) <= MAX_TITLE_CHARS:
        return a
    logger().warning("article %d %r cut to the ingest caps", a.position, a.title[:60])
    return replace(
        a,
        title=a.title[:MAX_TITLE_CHARS],
        caption=a.caption[:MAX_TITLE_CHARS] if a.caption else a.caption,
        body=body,
    )


def read_seeds(seeds: list[SeedFile]) -> list[ParsedFile]:
    """Read and parse a chunk of files; unreadable files are reported, not raised."""
    out = []
    for seed in seeds:
        try:
            data = read_bytes_safely(seed)
        except FileInFlux:
            # Still being written: left out of this run (not failed); the next run reads it whole.
            logger().info(
                "%s: changed while being read, left for the next run", safe_name(seed.name)
            )
            continue
        except (OSError, ParseError) as exc:
            reason = exc if isinstance(exc, ParseError) else f"unreadable: {exc.strerror}"
            out.append(ParsedFile(seed, "", error=str(reason)))
            continue
        out.append(parse_seed(seed, data))
    return out


discover_task = task(
    name="discover-seeds", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE
)(discover)
