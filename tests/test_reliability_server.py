"""The server is not exposed by accident: loopback by default, non-loopback refused without auth."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

server = pytest.importorskip("newsdigest.server")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "example.org"])
def test_non_loopback_bind_without_auth_is_refused(host: str) -> None:
    with pytest.raises(server.ServerError, match="refusing"):
        server.check_bind(host, None)
    with pytest.raises(server.ServerError):
        server.check_bind(host, "")
    server.check_bind(host, "admin:s3cret")  # allowed once an auth string is configured


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_bind_needs_no_auth(host: str) -> None:
    server.check_bind(host, None)


def test_cli_defaults_to_loopback_and_refuses_open_bind() -> None:
    from newsdigest.cli import build_parser

    args = build_parser(load_evals=False).parse_args(["server", "start"])
    assert args.host == "127.0.0.1"
    env = {k: v for k, v in os.environ.items() if "AUTH_STRING" not in k}
    r = subprocess.run([sys.executable, "-m", "newsdigest.cli", "server", "start", "--host",
                        "0.0.0.0", "--port", "1"], env=env, capture_output=True, text=True,
                       timeout=120)  # fmt: skip
    assert r.returncode != 0 and "refusing" in r.stderr
