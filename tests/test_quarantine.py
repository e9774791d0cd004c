"""Bad files move to the quarantine folder with a reason; changed files are left alone."""

from __future__ import annotations

from pathlib import Path

from tasks.discover import discover
from tasks.quarantine import list_quarantined, quarantine


def test_quarantine_moves_file_and_writes_reason(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00")
    [seed] = discover(tmp_path)
    q = quarantine(seed, "binary file", tmp_path / ".quarantine")
    assert q is not None and not (tmp_path / "bad.txt").exists()
    assert q.path.read_bytes() == b"\x00"
    assert [(x.name, x.reason) for x in list_quarantined(tmp_path / ".quarantine")] == [
        ("bad.txt", "binary file")
    ]


def test_same_name_twice_keeps_both(tmp_path: Path) -> None:
    qdir = tmp_path / ".quarantine"
    for content in (b"\x00one", b"\x00two"):
        (tmp_path / "bad.txt").write_bytes(content)
        [seed] = discover(tmp_path)
        quarantine(seed, "binary", qdir)
    assert sorted(p.read_bytes() for p in qdir.iterdir() if not p.name.endswith(".reason")) == [
        b"\x00one",
        b"\x00two",
    ]


def test_file_replaced_since_discovery_is_not_moved(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(b"\x00")
    [seed] = discover(tmp_path)
    f.write_bytes(b"now a longer, different file")
    assert quarantine(seed, "binary", tmp_path / ".quarantine") is None
    assert f.exists()
