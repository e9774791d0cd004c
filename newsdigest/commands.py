"""The CLI's subcommands: thin adapters from parsed arguments to library functions and flows."""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from pathlib import Path
from types import ModuleType

from newsdigest.config import Settings
from newsdigest.dates import day_range, parse_day


class UserError(RuntimeError):
    """A mistake the user can fix; printed without a traceback."""


def setup_logging(quiet: bool = False) -> None:
    """One-line log records on stderr."""
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
        datefmt="%H:%M:%S",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the common path flags, env vars and defaults."""
    return Settings.from_env(
        seeds=getattr(args, "seeds", None),
        warehouse=getattr(args, "warehouse", None),
        digests=getattr(args, "digests", None),
        timezone=getattr(args, "tz", None),
    )


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def cmd_ingest(args: argparse.Namespace) -> int:
    """Run the ingest flow and print its summary."""
    from flows.ingest import run_ingest

    s = settings_from(args)
    if not s.seeds.is_dir():
        raise UserError(f"seeds folder {s.seeds} does not exist")
    runner = {k: getattr(args, k, None) for k in ("runner", "workers", "dask_address")}
    result = run_ingest(str(s.seeds), str(s.warehouse), args.sentences, args.algorithm, **runner)
    _print_json(result)
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    """Render one day (or each day of --from/--to)."""
    from flows.digest import daily_digest

    s = settings_from(args)
    if not s.db_path.exists():
        raise UserError(f"no warehouse at {s.db_path}: run `newsdigest ingest` first")
    try:
        if args.date_from or args.date_to:
            start = parse_day(args.date_from or args.date_to, s.timezone)
            days = day_range(start, parse_day(args.date_to or args.date_from, s.timezone))
        else:
            days = [parse_day(args.date, s.timezone)]
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for day in days:
        out = daily_digest(day.isoformat(), str(s.warehouse), str(s.digests), s.timezone)
        print(f"{out['day']}: {out['articles']} articles -> {out['md']} , {out['html']}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Ingest, then render the day's digest."""
    cmd_ingest(args)
    args.date_from = args.date_to = None
    return cmd_digest(args)


def cmd_parse(args: argparse.Namespace) -> int:
    """Print the parsed articles of each file (JSON), or the parse error."""
    from tasks.split import ParseError, parse_file

    status = 0
    for name in args.files:
        try:
            articles = parse_file(Path(name))
        except (ParseError, OSError) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            status = 1
            continue
        for a in articles:
            record = {"file": name, **a.to_dict(), "article_id": a.article_id}
            if args.jsonl:
                print(json.dumps(record, ensure_ascii=False))
            else:
                _print_json(record)
    return status


def cmd_files(args: argparse.Namespace) -> int:
    """List the files ledger (or only failures, with quarantine paths) from the snapshot."""
    from newsdigest.snapshot import read_snapshot_info
    from newsdigest.sql_shell import NoSnapshot, open_snapshot
    from tasks.quarantine import list_quarantined

    s = settings_from(args)
    where = "WHERE status = 'failed'" if args.failed else ""
    try:  # the analyst snapshot, like `newsdigest sql`: never waits on or blocks a running ingest
        with open_snapshot(s.warehouse, threads=1) as con:
            info = read_snapshot_info(con)
            rows = con.execute(
                f"SELECT name, status, articles, error, last_seen FROM files {where} ORDER BY name"
            ).fetchall()
    except NoSnapshot as exc:
        rows, info = [], None
        print(f"no ledger to list: {exc}", file=sys.stderr)
    if info is not None:
        print(f"# ledger as of the snapshot published {info.published_at}")
    for name, status, n, error, seen in rows:
        detail = error if status == "failed" else f"{n} articles"
        print(f"{status:7} {name!r:60} {detail}  (last seen {seen:%Y-%m-%d %H:%M})")
    if args.failed:
        for q in list_quarantined(s.quarantine):
            print(f"quarantined {q.path}  reason: {q.reason}")
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    """Annotate JSONL records (stdin/stdout with "-")."""
    from newsdigest.annotate_io import annotate_stream

    return annotate_stream(args.input, args.output, args.sentences, args.algorithm)


def eval_module(name: str) -> ModuleType:
    """The `newsdigest.evaluation.<name>` module."""
    return importlib.import_module(f"newsdigest.evaluation.{name}")


def cmd_eval(args: argparse.Namespace) -> int:
    """Run one evaluation."""
    return int(args.eval_module.run(args) or 0)
