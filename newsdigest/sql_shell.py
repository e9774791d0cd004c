"""Analyst SQL on the published snapshot: read-only, no file access, with a timeout."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from newsdigest.config import DB_FILENAME
from newsdigest.snapshot import (
    SnapshotInfo,
    current_snapshot,
    read_snapshot_info,
    snapshot_path,
)
from newsdigest.sql_format import FORMATS, render

DEFAULT_TIMEOUT = 30.0


class SqlError(RuntimeError):
    """A problem the analyst can act on; printed without a traceback."""


class NoSnapshot(SqlError):
    """There is nothing to query yet."""


class QueryRefused(SqlError):
    """The query tried to write, touch files or change a locked setting."""


class QueryTimeout(SqlError):
    """The query ran past its time limit and was interrupted."""


class QueryFailed(SqlError):
    """Any other SQL error (syntax, unknown column …)."""


@dataclass
class Result:
    """Columns and rows of one query, with its wall time."""

    columns: list[str]
    rows: list[tuple]
    seconds: float


def analyst_config(threads: int | None = None, memory_limit: str = "2GB") -> dict[str, object]:
    """Settings applied when the connection opens, before any analyst SQL runs."""
    return {
        "enable_external_access": False,  # no read_csv/COPY/ATTACH/INSTALL on other files
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        # one thread by default: analysts share the machine with the writer
        "threads": threads or max(1, (os.cpu_count() or 2) // 2),
        "memory_limit": memory_limit,
        "lock_configuration": True,  # must come last: nothing can be SET afterwards
    }


def open_snapshot(
    warehouse: Path, threads: int | None = None, memory_limit: str = "2GB"
) -> duckdb.DuckDBPyConnection:
    """Open the current snapshot read-only with the analyst settings locked."""
    last: Exception | None = None
    for _ in range(3):
        path = current_snapshot(warehouse)
        if path is None:
            if (Path(warehouse) / DB_FILENAME).exists():
                raise NoSnapshot(
                    f"no snapshot at {snapshot_path(warehouse)} yet: one is published after "
                    "every ingest batch (run `newsdigest ingest`, or `newsdigest snapshot` "
                    "to publish one now)"
                )
            raise NoSnapshot(f"no warehouse at {warehouse} yet: run `newsdigest ingest` first")
        try:
            # The resolved, immutable version: never the link, which may be swapped meanwhile.
            return duckdb.connect(
                str(path), read_only=True, config=analyst_config(threads, memory_limit)
            )
        except duckdb.IOException as exc:  # pruned between resolving and opening: retry
            last = exc
    raise SqlError(f"could not open the snapshot: {last}")


def snapshot_info(con: duckdb.DuckDBPyConnection) -> SnapshotInfo | None:
    """Freshness of the open snapshot."""
    return read_snapshot_info(con)


def _explain(exc: duckdb.Error) -> SqlError:
    """Turn a DuckDB error into a message that says what was refused and why."""
    msg = str(exc).strip()
    first = msg.splitlines()[0] if msg else type(exc).__name__
    if isinstance(exc, duckdb.PermissionException):
        return QueryRefused(f"refused: analyst SQL cannot read or write files ({first})")
    if "read-only mode" in msg:
        return QueryRefused(f"refused: the snapshot is read-only ({first})")
    if "configuration has been locked" in msg:
        return QueryRefused(f"refused: settings are locked for analyst SQL ({first})")
    return QueryFailed(first if len(msg) < 400 else msg[:400] + " …")


def run_query(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    timeout: float = DEFAULT_TIMEOUT,
    params: list | None = None,
) -> Result:
    """Run `sql` (execute and fetch), interrupting it from a timer thread after `timeout` s."""
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        con.interrupt()

    timer = threading.Timer(timeout, stop)
    timer.daemon = True
    t0 = time.perf_counter()
    timer.start()
    try:
        cur = con.execute(sql, params or [])
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if cur.description else []
    except duckdb.InterruptException:
        raise QueryTimeout(
            f"query stopped after {timeout:g} s (time limit; raise it with --timeout)"
        ) from None
    except duckdb.Error as exc:
        if fired.is_set():
            raise QueryTimeout(f"query stopped after {timeout:g} s (time limit)") from None
        raise _explain(exc) from None
    finally:
        timer.cancel()
        timer.join()  # a live timer thread at exit would leak DuckDB objects
    return Result(columns, rows, time.perf_counter() - t0)


HELP = """Type SQL ending with ';' (it may span lines). Commands:
  .tables             tables and views
  .schema NAME        columns of a table or view
  .format FMT         table | csv | json | markdown
  .timeout SECONDS    per-query time limit
  .info               how fresh the snapshot is
  .quit               leave (or Ctrl-D)"""

_TABLES_SQL = (
    "SELECT table_name AS name, lower(table_type) AS kind FROM information_schema.tables"
    " WHERE table_schema = 'main' ORDER BY kind, name"
)
_SCHEMA_SQL = (
    "SELECT column_name, data_type FROM information_schema.columns"
    " WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position"
)


@dataclass
class Session:
    """An interactive prompt's state: the connection, output format and time limit."""

    con: duckdb.DuckDBPyConnection
    fmt: str = "table"
    timeout: float = DEFAULT_TIMEOUT

    def show(self, result: Result, out: TextIO, err: TextIO) -> None:
        """Print a result, then its row count and time on the error stream."""
        if result.columns:
            print(render(result.columns, result.rows, self.fmt), file=out)
        print(f"({len(result.rows)} rows, {result.seconds:.2f} s)", file=err)

    def command(self, line: str, out: TextIO, err: TextIO) -> bool:
        """Run a dot command; False means quit."""
        name, _, arg = line.strip().partition(" ")
        arg = arg.strip()
        if name in (".quit", ".exit", "\\q"):
            return False
        if name == ".help":
            print(HELP, file=out)
        elif name == ".tables":
            self.show(run_query(self.con, _TABLES_SQL, self.timeout), out, err)
        elif name == ".schema" and arg:
            self.show(run_query(self.con, _SCHEMA_SQL, self.timeout, [arg]), out, err)
        elif name == ".format" and arg in FORMATS:
            self.fmt = arg
        elif name == ".timeout" and arg.replace(".", "", 1).isdigit() and float(arg) > 0:
            self.timeout = float(arg)
        elif name == ".info":
            info = snapshot_info(self.con)
            print(info.describe() if info else "no freshness record in this file", file=out)
        else:
            print(f"unknown or incomplete command {line.strip()!r}; try .help", file=err)
        return True


def interactive(
    session: Session,
    read: Callable[[str], str] = input,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """A prompt that runs each `;`-terminated statement; errors are printed, not fatal."""
    buffer: list[str] = []
    while True:
        try:
            line = read("news> " if not buffer else "  ...> ")
        except EOFError:
            break
        except KeyboardInterrupt:
            buffer = []
            print(file=err)
            continue
        if not buffer and line.strip().startswith((".", "\\")):
            try:
                if not session.command(line, out, err):
                    break
            except SqlError as exc:
                print(f"error: {exc}", file=err)
            continue
        buffer.append(line)
        sql = "\n".join(buffer).strip()
        if not sql:
            buffer = []
        elif sql.endswith(";"):
            buffer = []
            try:
                session.show(run_query(session.con, sql, session.timeout), out, err)
            except SqlError as exc:
                print(f"error: {exc}", file=err)
    return 0
