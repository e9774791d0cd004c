"""Watcher logic: which paths count, when a file is complete, and how bursts coalesce into runs."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from newsdigest.config import Settings
from newsdigest.serve import ServeOptions, Watcher
from newsdigest.watch import Batcher, is_seed_path, split_settled
from tasks.discover import SeedFile


def _age(path: Path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


@pytest.mark.parametrize(
    ("name", "wanted"),
    [("news.txt", True), ("2026-11-20 dump", True), (".news.txt", False), ("news.txt.tmp", False),
     ("news.txt.part", False), ("news.txt~", False), ("~lock.news", False), ("a.txt.swp", False)],
)  # fmt: skip
def test_is_seed_path_ignores_temp_and_hidden(tmp_path: Path, name: str, wanted: bool) -> None:
    assert is_seed_path(tmp_path / name, tmp_path) is wanted


def test_is_seed_path_ignores_subfolders(tmp_path: Path) -> None:
    assert not is_seed_path(tmp_path / ".quarantine" / "bad.txt", tmp_path)
    assert not is_seed_path(tmp_path / "sub" / "a.txt", tmp_path)


def test_split_settled_by_mtime() -> None:
    now = 1_000.0
    old = SeedFile(Path("a"), "a", 1, int((now - 5) * 1e9))
    fresh = SeedFile(Path("b"), "b", 1, int((now - 0.2) * 1e9))
    assert split_settled([old, fresh], 1.0, now) == ([old], [fresh])
    assert split_settled([old, fresh], 0.0, now) == ([old, fresh], [])


def test_batcher_waits_for_a_growing_file(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("part one\n")
    b = Batcher(settle=0.5)
    b.add([f])
    assert b.ready() == []  # first look only records the stat
    with f.open("a") as fh:  # still being written
        fh.write("part two\n")
    assert b.ready() == []
    _age(f, 1.0)  # the writer stopped a while ago
    assert b.ready() == []  # stat changed since the last look (the utime): look once more
    assert b.ready() == [f]
    assert b.pending == {} and b.next_check() is None


def test_batcher_renamed_file_with_old_mtime_is_complete_on_second_look(tmp_path: Path) -> None:
    f = tmp_path / "moved.txt"
    f.write_text("done\n")
    _age(f, 60)
    b = Batcher(settle=1.0)
    b.add([f])
    assert b.next_check() == pytest.approx(0.2)
    assert b.ready() == []
    assert b.ready() == [f]


def test_batcher_forgets_vanished_files(tmp_path: Path) -> None:
    f = tmp_path / "gone.txt"
    f.write_text("x")
    b = Batcher(settle=0.0)
    b.add([f])
    f.unlink()
    assert b.ready() == [] and b.pending == {}


class SlowRunner:
    """A stand-in for the flow run: records overlap and calls, takes `seconds`."""

    def __init__(self, seconds: float) -> None:
        self.seconds, self.calls, self.active, self.overlap = seconds, [], 0, False
        self.lock = threading.Lock()

    def __call__(self, reason: str) -> str:
        with self.lock:
            self.active += 1
            self.overlap |= self.active > 1
        self.calls.append(reason)
        time.sleep(self.seconds)
        with self.lock:
            self.active -= 1
        return "Completed"


def _opts(tmp_path: Path, settle: float = 0.2) -> ServeOptions:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    return ServeOptions(Settings.from_env(seeds, tmp_path / "wh", tmp_path / "dg"), settle=settle)


def test_burst_of_100_files_becomes_few_runs_never_concurrent(tmp_path: Path) -> None:
    opts = _opts(tmp_path)
    runner = SlowRunner(0.3)
    w = Watcher(opts, runner=runner)
    w.start(catch_up=False)
    try:
        time.sleep(0.3)  # let the watch thread attach
        for i in range(100):
            tmp = opts.settings.seeds / f".drop{i}.part"
            tmp.write_text(f"file {i}\n")
            os.replace(tmp, opts.settings.seeds / f"drop{i:03}.txt")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not (runner.calls and w.idle.is_set()):
            time.sleep(0.05)
        time.sleep(0.5)  # nothing further should start
    finally:
        w.close(timeout=5)
    assert 1 <= len(runner.calls) <= 3, runner.calls
    assert not runner.overlap
    noticed = sum(int(c.split()[0]) for r in runner.calls for c in r.split("; "))
    assert noticed == 100


def test_ignored_files_trigger_nothing_and_catch_up_runs_once(tmp_path: Path) -> None:
    opts = _opts(tmp_path)
    runner = SlowRunner(0.0)
    w = Watcher(opts, runner=runner)
    w.start(catch_up=True)
    try:
        time.sleep(0.3)
        for name in (".hidden", "x.tmp", "y.part", "z~"):
            (opts.settings.seeds / name).write_text("ignored")
        time.sleep(1.0)
    finally:
        w.close(timeout=5)
    assert runner.calls == ["catch-up at start"]


def test_failed_run_is_retried_with_back_off(tmp_path: Path) -> None:
    calls = []

    def flaky(reason: str) -> str:
        calls.append(reason)
        if len(calls) == 1:
            raise ConnectionError("server down")
        return "Completed"

    w = Watcher(_opts(tmp_path), runner=flaky)
    w.retry_delay = 0.1
    w.start(catch_up=True)
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(calls) < 2:
            time.sleep(0.05)
    finally:
        w.close(timeout=5)
    assert calls == ["catch-up at start", "retry after error (catch-up at start)"]
