"""Run the `ingest-seeds` flow body without Prefect (kill tests, in-process reruns).

`plain_ingest` calls `flows.ingest.ingest_seeds.fn` with every task wrapper it uses replaced
by the plain function (restored afterwards), so no Prefect server starts: a flow or task call
outside a run would start a temporary one (~15-30 s). The flow's own code path — writer lock,
chunking, per-file transactions, quarantine — is unchanged.
Usage: python tests/reliability/ingest_driver.py SEEDS WAREHOUSE [CHUNK_FILES]
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def plain_ingest(
    seeds: str | Path, warehouse: str | Path, chunk_files: int = 50, **overrides
) -> dict:
    """`ingest_seeds` run as plain Python (task wrappers swapped for their functions).

    `overrides` replace named task wrappers (e.g. `annotate_task=`) for this call only.
    """
    import flows.ingest as fi

    saved = {n: getattr(fi, n) for n in dir(fi) if n.endswith("_task")}
    try:
        for name, obj in saved.items():
            setattr(fi, name, _unquoting(overrides.get(name, getattr(obj, "fn", obj))))
        out = asyncio.run(fi.ingest_seeds.fn(str(seeds), str(warehouse), chunk_files=chunk_files))
        return out if isinstance(out, dict) else out.result()
    finally:
        for name, obj in saved.items():
            setattr(fi, name, obj)


def _unquoting(fn: Callable) -> Callable:
    """`fn` taking the flow's `quote(x)` arguments as Prefect passes them: as plain `x`."""
    from prefect.utilities.annotations import quote

    def call(*args: object, **kwargs: object) -> object:
        args = tuple(a.unquote() if isinstance(a, quote) else a for a in args)
        kwargs = {k: v.unquote() if isinstance(v, quote) else v for k, v in kwargs.items()}
        return fn(*args, **kwargs)

    return call


def main(argv: list[str]) -> int:
    """Import everything first, say READY, then ingest and print the summary as JSON."""
    import flows.ingest  # noqa: F401  (import cost is paid before READY)

    chunk = int(argv[2]) if len(argv) > 2 else 50
    print("READY", flush=True)
    print(json.dumps(plain_ingest(argv[0], argv[1], chunk)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
