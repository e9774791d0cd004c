"""Server safety: no open bind without auth, and a server with auth refuses anonymous API calls."""

from __future__ import annotations

import urllib.error
from pathlib import Path

import pytest

from newsdigest import server
from newsdigest.cli import main
from tests.prefect_server import prefect_server


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_needs_no_auth(host: str) -> None:
    server.check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "example.org"])
def test_open_bind_refused_without_auth(host: str) -> None:
    with pytest.raises(server.ServerError, match="PREFECT_SERVER_API_AUTH_STRING"):
        server.check_bind(host, None)
    server.check_bind(host, "ops:secret")


def test_cli_refuses_open_bind(monkeypatch, capsys) -> None:
    monkeypatch.delenv("PREFECT_SERVER_API_AUTH_STRING", raising=False)
    assert main(["server", "start", "--host", "0.0.0.0"]) == 2
    assert "refusing to bind" in capsys.readouterr().err


@pytest.mark.server
def test_unauthenticated_call_is_refused(tmp_path: Path) -> None:
    with prefect_server(tmp_path, auth="ops:s3cret") as live:
        with pytest.raises(urllib.error.HTTPError) as err:
            live.api("POST", "/flows/filter", {}, auth=False)
        assert err.value.code == 401
        assert live.api("POST", "/flows/filter", {}) == []
        live.auth = "ops:wrong"
        with pytest.raises(urllib.error.HTTPError) as err:
            live.api("POST", "/flows/filter", {})
        assert err.value.code == 401


def test_serve_says_when_no_server_answers(capsys) -> None:
    port = server.free_port()  # nothing listens there
    assert main(["serve", "--api-url", f"http://127.0.0.1:{port}/api"]) == 2
    assert "no Prefect server answers" in capsys.readouterr().err
