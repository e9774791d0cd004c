"""Discovery reads only regular, visible, finished files and never follows symlinks."""

from __future__ import annotations

import os
from pathlib import Path

from tasks.discover import discover, is_candidate_name, read_seeds


def test_hidden_temp_and_symlinks_are_ignored(tmp_path: Path) -> None:
    for name in ("ok.txt", ".hidden.txt", "drop.tmp", "drop.part", "notes.txt~", "x.swp"):
        (tmp_path / name).write_text("text")
    (tmp_path / "sub").mkdir()
    os.symlink("/etc/passwd", tmp_path / "link.txt")
    assert [s.name for s in discover(tmp_path)] == ["ok.txt"]


def test_candidate_names() -> None:
    assert is_candidate_name("001_abc.txt")
    assert not any(map(is_candidate_name, ["", ".x", "~x", "#x#", "a.tmp", "a.reason"]))


def test_missing_folder_is_empty(tmp_path: Path) -> None:
    assert discover(tmp_path / "nope") == []


def test_unreadable_bytes_become_errors_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 \xff\xfe".encode("latin-1"))
    results = {p.seed.name: p for p in read_seeds(discover(tmp_path))}
    assert set(results) == {"bin.txt", "empty.txt", "latin.txt"}
    assert all(p.error and not p.articles for p in results.values())
    assert "empty" in results["empty.txt"].error
    assert "offset" in results["latin.txt"].error


def test_symlink_swapped_in_after_discovery_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("Some title\n\nbody")
    seeds = discover(tmp_path)
    target.unlink()
    os.symlink("/etc/passwd", target)
    [result] = read_seeds(seeds)
    assert result.error and "unreadable" in result.error
