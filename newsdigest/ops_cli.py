"""Operator subcommands (serve, server): registered into the main CLI."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from newsdigest import server
from newsdigest.commands import UserError, settings_from

DEFAULT_API = server.api_url(server.DEFAULT_HOST, server.DEFAULT_PORT)


def register(
    sub: argparse._SubParsersAction, paths: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Add the operator subcommands to `sub` (`paths` adds --seeds/--warehouse/--digests/--tz)."""
    from newsdigest.serve import DEFAULT_CRON, DEFAULT_INTERVAL
    from newsdigest.watch import DEFAULT_SETTLE

    p = sub.add_parser("serve", help="serve the deployments and watch the seeds folder")
    paths(p)
    p.add_argument("--api-url", help=f"Prefect API (env PREFECT_API_URL, default {DEFAULT_API})")
    p.add_argument("--digest-cron", default=DEFAULT_CRON, help=f"default {DEFAULT_CRON!r}, in --tz")
    p.add_argument("--digest-day", default="yesterday", choices=("yesterday", "today"),
                   help="day the scheduled digest renders (default: yesterday)")  # fmt: skip
    p.add_argument("--interval", type=float, default=DEFAULT_INTERVAL,
                   help=f"safety-net run every N s (default {DEFAULT_INTERVAL:.0f})")  # fmt: skip
    p.add_argument("--settle", type=float, default=DEFAULT_SETTLE,
                   help=f"seconds a file must be unchanged before it is read (default "
                   f"{DEFAULT_SETTLE})")  # fmt: skip
    p.add_argument("--no-watch", action="store_true", help="schedules only, no folder watcher")
    p.add_argument("--poll", action="store_true", help="poll the folder (network filesystems)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("server", help="start, check or stop a local Prefect server")
    p.add_argument("action", choices=("start", "status", "stop"))
    p.add_argument("--host", default=server.DEFAULT_HOST, help="bind address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=server.DEFAULT_PORT, help="port (default 4200)")
    p.add_argument("--background", action="store_true",
                   help="start detached; PID kept in $PREFECT_HOME for `server stop`")  # fmt: skip
    p.set_defaults(func=cmd_server)


def _api_url(args: argparse.Namespace) -> str:
    return args.api_url or os.environ.get("PREFECT_API_URL") or DEFAULT_API


def cmd_serve(args: argparse.Namespace) -> int:
    """Run `newsdigest serve` until interrupted."""
    from newsdigest.serve import ServeOptions, serve

    url = _api_url(args)
    if not server.healthy(url):
        raise UserError(f"no Prefect server answers at {url}: start one with "
                        "`newsdigest server start` or set PREFECT_API_URL")  # fmt: skip
    settings = settings_from(args)
    opts = ServeOptions(
        settings, cron=args.digest_cron, digest_day=args.digest_day, interval=args.interval,
        settle=args.settle, watch=not args.no_watch, force_polling=args.poll,
    )  # fmt: skip
    same = os.environ.get("PREFECT_API_URL") == url
    with nullcontext() if same else _temporary_api(url):
        return serve(opts)


def _temporary_api(url: str):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    return temporary_settings(updates={PREFECT_API_URL: url})


def cmd_server(args: argparse.Namespace) -> int:
    """`newsdigest server start|status|stop`."""
    url = server.api_url(args.host, args.port)
    try:
        if args.action == "status":
            ok = server.healthy(url)
            print(f"{url}: {'healthy' if ok else 'not answering'}")
            return 0 if ok else 1
        if args.action == "stop":
            return _stop()
        server.check_bind(args.host, os.environ.get("PREFECT_SERVER_API_AUTH_STRING"))
        if not args.background:
            return _exec_server(args.host, args.port)
        started = server.start(args.host, args.port, log=_home() / "newsdigest-server.log")
    except server.ServerError as exc:
        raise UserError(str(exc)) from None
    server.pid_file().write_text(str(started.proc.pid))
    print(f"Prefect server pid {started.proc.pid} healthy after {started.seconds:.1f} s")
    print(f"UI: {url.removesuffix('/api')}   clients: export PREFECT_API_URL={url}")
    return 0


def _home() -> Path:
    home = server.pid_file().parent
    home.mkdir(parents=True, exist_ok=True)
    return home


def _exec_server(host: str, port: int) -> int:
    """Replace this process by `prefect server start` with the right environment."""
    import sys

    env = server.server_env(port, auth=os.environ.get("PREFECT_SERVER_API_AUTH_STRING"))
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    os.execve(sys.executable, cmd, env)
    return 0  # not reached


def _stop() -> int:
    pid_path = server.pid_file()
    if not pid_path.exists():
        raise UserError(f"no {pid_path}: was the server started with `server start --background`?")
    pid = int(pid_path.read_text().strip())
    stopped = server.stop_pid(pid)
    pid_path.unlink()
    print(f"server pid {pid} {'stopped' if stopped else 'was not running'}")
    return 0
