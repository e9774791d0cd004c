"""Analyst subcommands (sql, export, snapshot): registered into the main CLI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable

from newsdigest.config import Settings
from newsdigest.sql_format import FORMATS
from newsdigest.sql_shell import DEFAULT_TIMEOUT

SQL_EPILOG = """examples:
  newsdigest sql "SELECT * FROM articles_per_country_day ORDER BY day DESC LIMIT 10"
  newsdigest sql --format csv "SELECT name, mentions FROM entity_tallies_day" > tallies.csv
  newsdigest sql                 interactive prompt (.help lists its commands)

Queries run on warehouse/snapshot/news.duckdb, a copy the ingest flow republishes after every
committed batch: read-only, no file access, one statement at a time with a time limit.
"""


def _settings(args: argparse.Namespace) -> Settings:
    from newsdigest.commands import settings_from  # imported late: keeps `--help` fast

    return settings_from(args)


def _user_error(exc: Exception) -> Exception:
    from newsdigest.commands import UserError

    return UserError(str(exc))


def cmd_sql(args: argparse.Namespace) -> int:
    """Run one query (or a prompt) on the snapshot."""
    from newsdigest.sql_format import render
    from newsdigest.sql_shell import (
        Session,
        SqlError,
        interactive,
        open_snapshot,
        run_query,
        snapshot_info,
    )

    if args.timeout <= 0:
        raise _user_error(ValueError("--timeout must be positive"))
    if args.nice > 0:
        os.nice(args.nice)  # analysts yield the CPU to the ingest writer on a shared machine
    try:
        con = open_snapshot(_settings(args).warehouse, threads=args.threads)
    except SqlError as exc:
        raise _user_error(exc) from None
    with con:
        info = snapshot_info(con)
        if info and not args.quiet:
            print(info.describe(), file=sys.stderr)
        if args.query is not None:
            query = sys.stdin.read() if args.query == "-" else args.query
            try:
                result = run_query(con, query, args.timeout)
            except SqlError as exc:
                raise _user_error(exc) from None
            if result.columns:
                print(render(result.columns, result.rows, args.format))
            return 0
        session = Session(con, args.format, args.timeout)
        if sys.stdin.isatty():
            import readline  # noqa: F401  (line editing and history for input())

            print("newsdigest sql: type .help for commands, .quit to leave", file=sys.stderr)
            return interactive(session)
        return interactive(session, read=_piped_line)


def _piped_line(prompt: str) -> str:
    """input() without a prompt, for scripts piped into `newsdigest sql`."""
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")


def cmd_export(args: argparse.Namespace) -> int:
    """Export the snapshot as day-partitioned Parquet and/or a DuckDB 1.5 file."""
    from newsdigest.export import export_duckdb, export_parquet
    from newsdigest.sql_shell import SqlError

    if not args.parquet and not args.duckdb:
        raise _user_error(ValueError("say what to write: --parquet DIR and/or --duckdb FILE"))
    warehouse = _settings(args).warehouse
    try:
        if args.parquet:
            report = export_parquet(warehouse, args.parquet, args.overwrite)
            print(json.dumps({"parquet": str(report.out), "seconds": report.seconds,
                              "snapshot_published_at": report.snapshot_published_at,
                              "tables": report.tables}, indent=2))  # fmt: skip
        if args.duckdb:
            print(json.dumps({"duckdb": str(export_duckdb(warehouse, args.duckdb,
                                                           args.overwrite))}))  # fmt: skip
    except SqlError as exc:
        raise _user_error(exc) from None
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Publish a snapshot now (waits for the writer lock)."""
    from dataclasses import asdict

    from newsdigest.locking import WriterBusy, writer_lock
    from newsdigest.snapshot import publish_snapshot

    s = _settings(args)
    if not s.db_path.exists():
        raise _user_error(FileNotFoundError(f"no warehouse at {s.db_path}: run ingest first"))
    try:
        with writer_lock(s.warehouse, timeout=args.wait):
            info = publish_snapshot(s.warehouse)
    except WriterBusy as exc:
        raise _user_error(exc) from None
    print(json.dumps(asdict(info), indent=2))
    return 0


def register(
    sub: argparse._SubParsersAction, paths: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add the analyst subcommands to `sub` (`paths` adds --seeds/--warehouse/--digests/--tz)."""
    p = sub.add_parser(
        "sql",
        help="SQL on the warehouse snapshot (a prompt when no query is given)",
        epilog=SQL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("query", nargs="?", help='SQL to run ("-" reads it from stdin)')
    p.add_argument("--format", choices=FORMATS, default="table", help="output (default table)")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds before a query is stopped (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument(
        "--threads",
        type=int,
        default=None,
        help="DuckDB threads for the query (default: half the CPUs)",
    )
    p.add_argument("--nice", type=int, default=10,
                   help="lower this process's CPU priority by N so ingestion keeps its pace"
                   " (default 10; 0 keeps it)")  # fmt: skip
    paths(p)
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("export", help="export the snapshot as Parquet partitioned by day")
    p.add_argument("--parquet", metavar="DIR", help="write DIR/<table>/day=YYYY-MM-DD/*.parquet")
    p.add_argument(
        "--duckdb",
        metavar="FILE",
        help="also write a DuckDB file readable by DuckDB 1.5 (storage v1.5.0)",
    )
    p.add_argument("--overwrite", action="store_true", help="replace an earlier export")
    paths(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("snapshot", help="publish the analyst snapshot now")
    p.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the writer lock")
    paths(p)
    p.set_defaults(func=cmd_snapshot)
