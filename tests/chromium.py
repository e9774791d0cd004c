"""A minimal headless-Chromium driver over the DevTools pipe (no extra packages, works offline)."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--remote-debugging-pipe",
]  # fmt: skip


def chromium_path() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    return (
        os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )


def _log():
    """Chromium's stderr: the file named by ND_CHROME_LOG (for debugging), else nowhere."""
    name = os.environ.get("ND_CHROME_LOG")
    return open(name, "w") if name else subprocess.DEVNULL  # noqa: SIM115


def _to_fds_3_4(read_fd: int, write_fd: int) -> None:
    """In the child: put the pipe ends on fds 3 and 4 (via copies: neither clobbers the other)."""
    r, w = os.dup(read_fd), os.dup(write_fd)
    os.dup2(r, 3)
    os.dup2(w, 4)


class Browser:
    """One Chromium process and one page, driven by DevTools commands over fds 3/4."""

    def __init__(self, binary: str, timeout: float = 30) -> None:
        self._profile = tempfile.mkdtemp(prefix="nd-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4
        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=_log(),
            close_fds=False,  # the fds made in preexec_fn must survive; others are CLOEXEC
            preexec_fn=lambda: _to_fds_3_4(to_chrome_r, from_chrome_w),
        )  # fmt: skip
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.timeout = timeout
        self._buf = b""
        self._next_id = 0
        self._events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.send("Page.enable")

    def _read_message(self) -> dict:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: str | None = None, **params: object) -> dict:
        """Send one command and wait for its reply (events that arrive meanwhile are kept)."""
        self._next_id += 1
        msg: dict = {"id": self._next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def send(self, method: str, **params: object) -> dict:
        """A command to the page's session."""
        return self.call(method, session=self.session, **params)

    def wait_event(self, method: str) -> dict:
        """Block until the page emits `method` (e.g. Page.loadEventFired)."""
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == method:
                    return self._events.pop(i)
            self._events.append(self._read_message())

    def open(self, path: Path, width: int, height: int = 900, mobile: bool = False) -> None:
        """Load a local file at the given viewport size."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=2 if mobile else 1, mobile=mobile)  # fmt: skip
        self._events.clear()
        self.send("Page.navigate", url=path.resolve().as_uri())
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> object:
        """Value of a JavaScript expression in the page (returned by value)."""
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"page error: {res['exceptionDetails']}")
        return res["result"].get("value")

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        """PNG of the viewport (or the whole page)."""
        params: dict = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params |= {"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "scale": 1,
                       "width": size["width"], "height": size["height"]}}  # fmt: skip
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Stop this Chromium (by its own pid) and remove its profile folder."""
        for fd in (self._to_chrome, self._from_chrome):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def screenshots(page: Path, out_dir: Path, name: str = "digest") -> list[Path]:
    """A desktop (1280 px) and a mobile (390 px) screenshot of the top of a page."""
    binary = chromium_path()
    if binary is None:
        raise SystemExit("chromium not found")
    out_dir.mkdir(parents=True, exist_ok=True)
    with Browser(binary) as b:
        b.open(page, 1280, 1000)
        desktop = b.screenshot(out_dir / f"{name}-desktop.png")
        b.open(page, 390, 844, mobile=True)
        mobile = b.screenshot(out_dir / f"{name}-mobile.png")
    return [desktop, mobile]


if __name__ == "__main__":  # python tests/chromium.py digests/<day>.html docs/img
    import sys

    for shot in screenshots(Path(sys.argv[1]), Path(sys.argv[2])):
        print(shot)
