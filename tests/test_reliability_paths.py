"""Paths are safe: hostile names never make the pipeline read or write outside its folders.

A Python audit hook records every file the ingest opens for writing, renames or creates, and
every file it opens for reading; all must lie in the seeds/warehouse folders (DuckDB's own
C-level I/O goes to the warehouse folder by construction). Symlinks are refused and names are
escaped in logs.
"""

from __future__ import annotations

import errno
import logging
import os
import random  # noqa: I001
import sys
from pathlib import Path

import pytest

from newsdigest.locking import writer_lock
from tests.reliability.ingest_driver import plain_ingest
from tests.reliability.memo import annotate_memo
from tests.reliability.seedgen import article_text

_RECORD: list | None = None
_EVENTS = {"open", "os.rename", "os.replace", "os.mkdir", "os.remove", "os.symlink",
           "os.truncate", "os.chmod", "shutil.move", "shutil.copyfile"}  # fmt: skip


def _hook(event: str, args: tuple) -> None:
    if _RECORD is not None and event in _EVENTS:
        _RECORD.append((event, args))


sys.addaudithook(_hook)


def _paths(event: str, args: tuple) -> list[tuple[str, bool]]:
    """(path, is_write) pairs an audit event touches."""
    if event == "open":
        path, mode, flags = args
        if not isinstance(path, str | bytes | os.PathLike):
            return []  # a file descriptor: its path was checked when opened
        write = any(c in str(mode or "") for c in "wax+") or bool(
            (flags or 0) & (os.O_WRONLY | os.O_RDWR)
        )
        return [(os.fsdecode(path), write)]
    if event == "os.symlink":  # (target, link, dir_fd): a relative target is relative to the link
        link = os.fsdecode(args[1])
        return [(link, True), (os.path.join(os.path.dirname(link), os.fsdecode(args[0])), True)]
    n = 2 if event in ("os.rename", "os.replace", "shutil.move", "shutil.copyfile") else 1
    return [(os.fsdecode(a), True) for a in args[:n] if isinstance(a, str | bytes | os.PathLike)]


def _inside(path: str, roots: list[Path]) -> bool:
    real = os.path.realpath(path)
    return any(real == str(r) or real.startswith(str(r) + os.sep) for r in roots)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A seeds folder full of hostile names next to one good file."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    rng = random.Random(3)
    good = article_text(rng, 1)
    names = {
        "..%2F..%2Fx.txt": good,  # hidden (leading dot)
        "x..%2F..%2Fy.txt": good,
        "....x": b"%PDF-1.4",
        "line\nbreak.txt": article_text(rng, 2),
        "tab\tand\rcr.txt": b"\x00\x01",
        "\u202etxt.exe": b"",
        ("n" * 251) + ".txt": b"\x1f\x8b",  # 255 bytes: the longest name Linux allows
        ".hidden.txt": good,
        "partial.txt.part": good,
        "edit.txt~": good,
        "#autosave#": good,
    }
    for name, data in names.items():
        (seeds / name).write_bytes(data.encode() if isinstance(data, str) else data)
    os.symlink("/etc/passwd", seeds / "passwd.txt")
    os.symlink("../../outside.txt", seeds / "up.txt")
    (tmp_path / "outside.txt").write_text(good)
    return seeds


def test_300_character_names_cannot_exist(tmp_path: Path) -> None:
    with pytest.raises(OSError) as err:
        (tmp_path / ("x" * 300)).write_text("x")
    assert err.value.errno == errno.ENAMETOOLONG


def test_hostile_names_stay_inside_their_folders(hostile: Path, caplog) -> None:
    global _RECORD
    wh = hostile.parent / "wh"
    _RECORD = []
    try:
        with caplog.at_level(logging.INFO):
            out = plain_ingest(hostile, wh, annotate_task=annotate_memo)
    finally:
        events, _RECORD = _RECORD, None
    roots = [hostile.resolve(), wh.resolve()]
    touched = [(p, w) for e, a in events for p, w in _paths(e, a)]
    outside_writes = [p for p, w in touched if w and not _inside(p, roots)]
    assert outside_writes == []
    seeds_reads = [p for p, w in touched if not w and p.startswith(str(hostile))]
    assert not any(_inside(p, [Path("/etc")]) for p, _ in touched)
    assert all(_inside(p, roots) for p in seeds_reads)
    # the symlinks, hidden and temp files were never candidates
    assert out["files_seen"] == 5 and out["files_new"] == 2 and out["files_failed"] == 3
    assert os.path.islink(hostile / "passwd.txt") and os.path.islink(hostile / "up.txt")
    assert (hostile.parent / "outside.txt").exists()
    quarantined = sorted(p.name for p in (hostile / ".quarantine").iterdir())
    assert len(quarantined) == 6 and all(len(n.encode()) <= 255 for n in quarantined)
    # names are escaped in logs: no record spans two lines because of a file name
    for rec in caplog.records:
        assert "\n" not in rec.getMessage() and "\r" not in rec.getMessage()


def test_planted_symlinks_are_not_written_through(tmp_path: Path) -> None:
    """A symlink planted as the lock file or as a quarantine reason is never followed."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    wh = tmp_path / "wh"
    wh.mkdir()
    os.symlink(victim, wh / ".writer.lock")
    with pytest.raises(OSError), writer_lock(wh, timeout=0):
        pass
    assert victim.read_text() == "keep me"

    from tasks.discover import discover
    from tasks.quarantine import quarantine

    seeds = tmp_path / "seeds"
    (seeds / ".quarantine").mkdir(parents=True)
    (seeds / "bad.txt").write_bytes(b"\x00")
    os.symlink(victim, seeds / ".quarantine" / "bad.txt.reason")
    [seed] = discover(seeds)
    q = quarantine(seed, "binary", seeds / ".quarantine")
    assert q is not None and q.path.name == "bad.txt.1"
    assert victim.read_text() == "keep me"
    os.symlink(tmp_path, seeds / "q2")
    (seeds / "bad2.txt").write_bytes(b"\x00")
    [seed] = [s for s in discover(seeds) if s.name == "bad2.txt"]
    with pytest.raises(OSError):
        quarantine(seed, "binary", seeds / "q2")
