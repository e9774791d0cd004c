"""Move files that failed to parse out of the seeds folder, with the reason beside them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tasks.discover import SeedFile


@dataclass(frozen=True)
class Quarantined:
    """A quarantined file and where it went."""

    name: str
    path: Path
    reason: str


def _fit(name: str, limit: int = 200) -> str:
    """`name` shortened to `limit` UTF-8 bytes (room is left for `.N.reason` on any filesystem)."""
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) <= limit:
        return name
    return raw[:limit].decode("utf-8", "ignore") + "~"


def quarantine(seed: SeedFile, reason: str, quarantine_dir: Path) -> Quarantined | None:
    """Move `seed` to `quarantine_dir` with `<name>.reason`; None if it changed or vanished."""
    try:
        st = os.stat(seed.path, follow_symlinks=False)
    except FileNotFoundError:
        return None
    if (st.st_size, st.st_mtime_ns) != (seed.size, seed.mtime_ns):
        return None  # replaced since we read it: the next run looks at the new bytes
    if quarantine_dir.is_symlink():
        raise OSError(f"quarantine folder {quarantine_dir} is a symlink: refusing to write there")
    quarantine_dir.mkdir(parents=True, exist_ok=True)
    base = _fit(seed.name)
    target, n = quarantine_dir / base, 1
    # Neither the file nor its reason may exist: never overwrite, never write through a symlink.
    while os.path.lexists(target) or os.path.lexists(f"{target}.reason"):
        target, n = quarantine_dir / f"{base}.{n}", n + 1
    os.replace(seed.path, target)
    fd = os.open(f"{target}.reason", os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(reason + "\n")
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
