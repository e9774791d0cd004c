"""Run every `newsdigest eval` on ../shared and write the tables to docs/quality.md.

Usage: .venv/bin/python bench/quality_report.py [--limit N] [--out docs/quality.md]
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# (eval, extra flags): countries twice, the second time with LGL split into the half the rules
# were tuned on and the half kept for checking (how far the tuning generalises); the agreement
# table does not depend on the halves, so it is printed once.
EVALS = (("parse", ()), ("summaries", ()), ("countries", ()),
         ("countries", ("--halves", "--no-agreement")),
         ("entities", ()))  # fmt: skip


def run_eval(name: str, limit: int | None, extra: tuple[str, ...] = ()) -> tuple[str, str, float]:
    """Run one eval in a subprocess; return (command, stdout, seconds)."""
    cmd = ["newsdigest", "-q", "eval", name, *extra] + (["--limit", str(limit)] if limit else [])
    exe = [str(Path(sys.executable).with_name("newsdigest")), *cmd[1:]]
    t0 = time.perf_counter()
    out = subprocess.run(exe, capture_output=True, text=True, cwd=REPO, check=True).stdout
    return " ".join(cmd), out.strip(), time.perf_counter() - t0


def main() -> int:
    """Write the report."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, help="items per eval (default: all)")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "quality.md")
    args = ap.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, cwd=REPO).stdout.strip()  # fmt: skip
    limit = f" --limit {args.limit}" if args.limit else ""
    parts = [
        "# Quality figures",
        "",
        f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit `{commit}` on "
        f"{platform.machine()}, Python {platform.python_version()}, by "
        f"`.venv/bin/python bench/quality_report.py{limit}`"
        " (development data in `../shared`; held-out data is scored elsewhere).",
        "",
        "Method, and what was tried that did not help: [quality-notes.md](quality-notes.md).",
        "",
    ]
    for name, extra in EVALS:
        cmd, out, secs = run_eval(name, args.limit, extra)
        print(f"{name} {' '.join(extra)}: {secs:.0f} s", file=sys.stderr)
        title = f"{name} ({' '.join(extra)})" if extra else name
        parts += [f"## {title}", "", f"`{cmd}` ({secs:.0f} s)", "", out, ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
