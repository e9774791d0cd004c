"""A real `prefect server start` on a free loopback port with a temporary PREFECT_HOME (tests)."""

from __future__ import annotations

import atexit
import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsdigest import server


@dataclass
class LiveServer:
    """A running test server: its API URL, client environment and start time."""

    url: str
    home: Path
    pid: int
    auth: str | None
    start_seconds: float

    @property
    def ui_url(self) -> str:
        """The UI root (the API URL without `/api`)."""
        return self.url.removesuffix("/api")

    def env(self, base: dict | None = None) -> dict[str, str]:
        """Environment for a subprocess that talks to this server."""
        env = server.client_env(self.url, self.auth, base)
        env["PREFECT_HOME"] = str(self.home)
        env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
        return env

    def api(self, method: str, path: str, body: object | None = None, auth: bool = True) -> object:
        """Call the REST API and decode the JSON answer (raises urllib's HTTPError on 4xx/5xx)."""
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if auth:
            headers |= server.auth_header(self.auth)
        req = urllib.request.Request(self.url + path, data=data, headers=headers, method=method)
        for attempt in range(6):  # a busy server (SQLite locked) answers 503: retry like
            try:  # Prefect's own client does
                with urllib.request.urlopen(req, timeout=30) as resp:
                    raw = resp.read()
                break
            except urllib.error.HTTPError as exc:
                if exc.code not in (502, 503, 504) or attempt == 5:
                    raise
                time.sleep(0.5 * 2**attempt)
            except TimeoutError:  # a read may wait out a long SQLite lock; a write is not resent
                if method != "GET" or attempt == 5:
                    raise
        return json.loads(raw) if raw else None


@contextmanager
def prefect_server(
    tmp: Path, auth: str | None = None, timeout: float = 150
) -> Iterator[LiveServer]:
    """Start a server under `tmp` (PREFECT_HOME tmp/prefect-home), yield it, stop it by PID."""
    home = tmp / "prefect-home"
    home.mkdir(parents=True, exist_ok=True)
    port = server.free_port()
    started = server.start("127.0.0.1", port, home, tmp / "server.log", timeout, auth)
    try:
        yield LiveServer(started.url, home, started.proc.pid, auth, started.seconds)
    finally:
        server.stop_pid(started.proc.pid)


_SHARED: dict[str, LiveServer] = {}


def shared_server(tmp_path_factory) -> LiveServer:
    """One plain server per pytest process, shared by the modules that need no special setup
    (a cold start costs 11-25 s); stopped by PID when the process exits."""
    if "live" not in _SHARED:
        cm = prefect_server(tmp_path_factory.mktemp("shared-prefect"))
        _SHARED["live"] = cm.__enter__()
        atexit.register(cm.__exit__, None, None, None)
    return _SHARED["live"]
