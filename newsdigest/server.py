"""Start, check and stop a local Prefect server (loopback unless an auth string is configured)."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200
PID_FILE = "newsdigest-server.pid"


class ServerError(RuntimeError):
    """The server could not be started, reached or stopped."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and `localhost`."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, auth: str | None) -> None:
    """Refuse a non-loopback bind without `PREFECT_SERVER_API_AUTH_STRING`: the API has no auth."""
    if not is_loopback(host) and not auth:
        raise ServerError(
            f"refusing to bind the Prefect server to {host}: the API would be open to the network. "
            "Set PREFECT_SERVER_API_AUTH_STRING=user:password (clients: PREFECT_API_AUTH_STRING) "
            "or bind to 127.0.0.1."
        )


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def api_url(host: str, port: int) -> str:
    """The API base URL clients use (`PREFECT_API_URL`)."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{shown}:{port}/api"


def server_env(
    port: int, home: Path | None = None, auth: str | None = None, base: dict | None = None
) -> dict[str, str]:
    """Environment for `prefect server start`: API port for the UI, no telemetry, optional auth."""
    env = dict(os.environ if base is None else base)
    env["PREFECT_SERVER_API_PORT"] = str(port)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env.pop("PREFECT_API_URL", None)  # the server must not talk to another server
    if home is not None:
        env["PREFECT_HOME"] = str(home)
    if auth:
        env["PREFECT_SERVER_API_AUTH_STRING"] = auth
    return env


def client_env(url: str, auth: str | None = None, base: dict | None = None) -> dict[str, str]:
    """Environment for processes that talk to the server at `url`."""
    env = dict(os.environ if base is None else base)
    env["PREFECT_API_URL"] = url
    if auth:
        env["PREFECT_API_AUTH_STRING"] = auth
    return env


def auth_header(auth: str | None) -> dict[str, str]:
    """The basic-auth header for `user:password`, or none."""
    return {"Authorization": "Basic " + b64encode(auth.encode()).decode()} if auth else {}


def healthy(url: str, auth: str | None = None, timeout: float = 2.0) -> bool:
    """True when GET {url}/health answers 200."""
    req = urllib.request.Request(f"{url}/health", headers=auth_header(auth))
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_healthy(
    url: str, proc: subprocess.Popen | None = None, auth: str | None = None, timeout: float = 120
) -> float:
    """Poll /health until it answers; return the seconds waited. Raise if the process dies."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc is not None and proc.poll() is not None:
            raise ServerError(f"prefect server exited with status {proc.returncode}")
        if healthy(url, auth):
            return time.monotonic() - t0
        time.sleep(0.25)
    raise ServerError(f"prefect server at {url} not healthy after {timeout:.0f} s")


@dataclass
class Started:
    """A server process started by `start`."""

    proc: subprocess.Popen
    url: str
    seconds: float


def start(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    home: Path | None = None,
    log: Path | None = None,
    timeout: float = 120,
    auth: str | None = None,
) -> Started:
    """Launch `prefect server start` in its own session and wait until /health answers."""
    auth = auth or os.environ.get("PREFECT_SERVER_API_AUTH_STRING")
    check_bind(host, auth)
    env = server_env(port, home, auth)
    env.pop("PREFECT_API_AUTH_STRING", None)
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    with open(log or os.devnull, "ab") as out:  # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = api_url(host, port)
    try:
        seconds = wait_healthy(url, proc, auth, timeout)
    except ServerError:
        stop_pid(proc.pid)
        raise
    return Started(proc, url, seconds)


def stop_pid(pid: int, grace: float = 15.0) -> bool:
    """SIGTERM the process group of `pid`, then SIGKILL after `grace` seconds; False if gone."""
    try:
        pgid = os.getpgid(pid)
    except ProcessLookupError:
        return False
    kill = os.killpg if pgid == pid else os.kill
    target = pgid if pgid == pid else pid
    kill(target, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # not our child: probe it instead
            done = 0 if _alive(pid) else pid
        if done:
            return True
        time.sleep(0.1)
    kill(target, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def pid_file(home: Path | None = None) -> Path:
    """Where `newsdigest server start --background` records the server PID."""
    base = home or Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()
    return base / PID_FILE
