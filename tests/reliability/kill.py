"""Kill trials: SIGKILL an ingest subprocess at a seeded random moment, check, rerun, check.

Run directly for the published figures:
  .venv/bin/python tests/reliability/kill.py --trials 20 --files 200
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from newsdigest.warehouse import connect  # noqa: E402
from tests.reliability.ingest_driver import plain_ingest  # noqa: E402
from tests.reliability.invariants import check, complete  # noqa: E402
from tests.reliability.seedgen import write_corpus  # noqa: E402

DRIVER = Path(__file__).with_name("ingest_driver.py")
BAD_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nnot a seed file\n"


@dataclass
class Trial:
    """What one kill trial saw."""

    seed: int
    delay: float
    killed: bool  # False if the run finished before the signal
    done_at_kill: int
    after_kill: list[str] = field(default_factory=list)  # invariant problems after the kill
    after_rerun: list[str] = field(default_factory=list)  # problems after the rerun
    rerun_new: int = 0
    rerun_duplicates: int = 0

    @property
    def ok(self) -> bool:
        """No problem at either check."""
        return not self.after_kill and not self.after_rerun


def _done_files(db: Path) -> int:
    if not db.exists():
        return 0
    with connect(db) as con:
        return con.execute("SELECT count(*) FROM files WHERE status='done'").fetchone()[0]


def kill_trial(work: Path, n_files: int, seed: int, max_delay: float, chunk: int = 10) -> Trial:
    """One trial in `work` (a fresh folder): corpus + 1 bad file, kill, check, rerun, check."""
    seeds, wh = work / "seeds", work / "wh"
    corpus = write_corpus(seeds, n_files, seed=seed)
    (seeds / "zz_bad.pdf.txt").write_bytes(BAD_BYTES)
    delay = random.Random(seed).uniform(0.0, max_delay)
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(seeds), str(wh), str(chunk)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    db = wh / "news.duckdb"
    trial = Trial(seed, round(delay, 2), killed, _done_files(db))
    trial.after_kill = check(db, corpus.files) if db.exists() else []
    summary = plain_ingest(seeds, wh, chunk)
    trial.rerun_new, trial.rerun_duplicates = summary["files_new"], summary["files_duplicate"]
    trial.after_rerun = complete(db, corpus.files, corpus.article_ids)
    if (seeds / "zz_bad.pdf.txt").exists():
        trial.after_rerun.append("bad file not quarantined after rerun")
    if not (seeds / ".quarantine" / "zz_bad.pdf.txt.reason").exists():
        trial.after_rerun.append("bad file has no quarantine reason")
    return trial


def calibrate(base: Path, n_files: int, seed: int = 999) -> float:
    """Seconds from READY to the end of an unkilled run over `n_files` (kill delays scale to it)."""
    seeds, wh = base / "calibrate" / "seeds", base / "calibrate" / "wh"
    write_corpus(seeds, n_files, seed=seed)
    cmd = [sys.executable, str(DRIVER), str(seeds), str(wh), "10"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
    t0 = time.monotonic()
    proc.wait(timeout=600)
    return time.monotonic() - t0


def run_trials(
    base: Path, trials: int, n_files: int, max_delay: float | None = None, first_seed: int = 0
):
    """`trials` kill trials in subfolders of `base`; delays up to 0.9x a calibrated run."""
    if max_delay is None:
        max_delay = 0.9 * calibrate(base, n_files)
    return [
        kill_trial(base / f"trial{i:02d}", n_files, first_seed + i, max_delay)
        for i in range(trials)
    ]


def main() -> int:
    """Print one line per trial and the x/y figure."""
    import tempfile

    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--max-delay", type=float, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = run_trials(Path(tmp), args.trials, args.files, args.max_delay)
    for t in results:
        print(f"seed {t.seed:2d} delay {t.delay:6.2f}s killed={t.killed!s:5} "
              f"done_at_kill={t.done_at_kill:3d} rerun_new={t.rerun_new:3d} "
              f"ok={t.ok} {t.after_kill + t.after_rerun}")  # fmt: skip
    ok = sum(t.ok for t in results)
    killed = sum(t.killed for t in results)
    print(f"{ok}/{len(results)} trials consistent; {killed} killed mid-run; files={args.files}")
    return 0 if ok == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
