"""Paths and settings: flags win over env vars, env vars over the repo's own folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MIGRATIONS_DIR = REPO_ROOT / "warehouse" / "migrations"
DB_FILENAME = "news.duckdb"


def _resolve(flag: str | os.PathLike | None, env: str, default: Path) -> Path:
    """A path from a flag, else an env var, else the default; always absolute."""
    value = flag if flag not in (None, "") else os.environ.get(env) or default
    return Path(value).expanduser().resolve()


@dataclass(frozen=True)
class Settings:
    """Where newsdigest reads and writes."""

    seeds: Path
    warehouse: Path
    digests: Path
    timezone: str = "UTC"

    @property
    def db_path(self) -> Path:
        """The live DuckDB file (the writer's alone)."""
        return self.warehouse / DB_FILENAME

    @property
    def quarantine(self) -> Path:
        """Where files that fail to parse are moved, each with a `.reason` next to it."""
        return self.seeds / ".quarantine"

    @classmethod
    def from_env(
        cls,
        seeds: str | os.PathLike | None = None,
        warehouse: str | os.PathLike | None = None,
        digests: str | os.PathLike | None = None,
        timezone: str | None = None,
    ) -> Settings:
        """Build settings from flags, then `NEWSDIGEST_*` env vars, then repo folders."""
        return cls(
            seeds=_resolve(seeds, "NEWSDIGEST_SEEDS", REPO_ROOT / "seeds"),
            warehouse=_resolve(warehouse, "NEWSDIGEST_WAREHOUSE", REPO_ROOT / "warehouse"),
            digests=_resolve(digests, "NEWSDIGEST_DIGESTS", REPO_ROOT / "digests"),
            timezone=timezone or os.environ.get("NEWSDIGEST_TZ") or "UTC",
        )
