"""Move files that failed to parse out of the seeds folder, with the reason beside them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from prefect import task

from tasks.discover import SeedFile


@dataclass(frozen=True)
class Quarantined:
    """A quarantined file and where it went."""

    name: str
    path: Path
    reason: str


def quarantine(seed: SeedFile, reason: str, quarantine_dir: Path) -> Quarantined | None:
    """Move `seed` to `quarantine_dir` with `<name>.reason`; None if it changed or vanished."""
    try:
        st = os.stat(seed.path, follow_symlinks=False)
    except FileNotFoundError:
        return None
    if (st.st_size, st.st_mtime_ns) != (seed.size, seed.mtime_ns):
        return None  # replaced since we read it: the next run looks at the new bytes
    quarantine_dir.mkdir(parents=True, exist_ok=True)
    target = quarantine_dir / seed.name
    n = 1
    while target.exists():
        target = quarantine_dir / f"{seed.name}.{n}"
        n += 1
    os.replace(seed.path, target)
    target.with_name(target.name + ".reason").write_text(reason + "\n", encoding="utf-8")
    return Quarantined(seed.name, target, reason)


def list_quarantined(quarantine_dir: Path) -> list[Quarantined]:
    """Every quarantined file with its recorded reason."""
    if not quarantine_dir.is_dir():
        return []
    out = []
    for reason_file in sorted(quarantine_dir.glob("*.reason")):
        data = quarantine_dir / reason_file.name.removesuffix(".reason")
        reason = reason_file.read_text(encoding="utf-8").strip()
        out.append(Quarantined(data.name, data, reason))
    return out


quarantine_task = task(name="quarantine", retries=2, retry_delay_seconds=1)(quarantine)
