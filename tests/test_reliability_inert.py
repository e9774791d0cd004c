"""Output is inert: hostile article text and file names render literally in every output.

Seed files carrying script tags, event-handler attributes, javascript: links and Jinja syntax
are ingested (flow body, Prefect bypassed); the day's HTML digest, its Markdown digest (also
rendered to HTML by a CommonMark parser) and the Prefect artifacts are then checked with an
HTML parser: no script element, no on* attribute, no javascript: URL, template syntax literal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import tasks.artifacts as artifacts
from tasks.digest_build import load_context
from tasks.render import render
from tests.reliability.ingest_driver import plain_ingest

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "{{7*7}}",
    "{% include 'secret.txt' %}",
    "<a href='javascript:alert(2)'>click</a>",
    "<svg onload=alert(3)>",
]
HOSTILE_NAME = '"><img src=x onerror=alert(9)>.txt'


def hostile_file() -> str:
    """Two layout-B articles whose title, caption, highlights and body carry every payload."""
    out = []
    for i, (p, q) in enumerate([(PAYLOADS[0], PAYLOADS[3]), (PAYLOADS[1], PAYLOADS[4])]):
        title = f"Norway budget {p} vote {q} number {i}"
        out.append(
            f"{title}\n\nCaption {PAYLOADS[6]} (AFP)\nUpdated {i + 1} March 2026\n\n{title}\n\n"
            f"\u2022 Highlight {PAYLOADS[2]}\n"
            f"OSLO: The Norwegian parliament in Oslo voted {p} on Tuesday, officials said.\n"
            f"Minister Ingrid Solberg said {PAYLOADS[5]} and {PAYLOADS[2]} were fine in Norway.\n"
            f"Critics in Bergen said {q} and {PAYLOADS[4]} would cost Norway more.\n"
        )
    return "\n".join(out)


class Audit(HTMLParser):
    """Collects what would be active in a browser: scripts, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.active: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img"):  # the template has its own svg
            self.active.append(f"<{tag}>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.active.append(f"{tag} {name}=")
            if value and "javascript:" in value.replace(" ", "").lower():
                self.active.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(html: str) -> Audit:
    """Parse `html` and return the audit."""
    a = Audit()
    a.feed(html)
    a.close()
    return a


@pytest.fixture(scope="module")
def digest(tmp_path_factory) -> dict:
    """Ingest the hostile file under a hostile name; render the day in both formats."""
    base = tmp_path_factory.mktemp("inert")
    seeds = base / "seeds"
    seeds.mkdir()
    (seeds / HOSTILE_NAME).write_text(hostile_file(), encoding="utf-8")
    (seeds / "copy.txt").write_text(hostile_file(), encoding="utf-8")  # provenance lists names
    (seeds / f"bad {PAYLOADS[0]}.txt".replace("/", "")).write_bytes(b"%PDF-1.4 x")
    summary = plain_ingest(seeds, base / "wh")
    assert summary["articles_stored"] == 2
    ctx = load_context(base / "wh" / "news.duckdb", datetime.now(UTC).date(), "UTC")
    return {"ctx": ctx, "html": render(ctx, "html"), "md": render(ctx, "md")}


def test_html_digest_has_nothing_active_and_shows_payloads_literally(digest) -> None:
    a = audit(digest["html"])
    assert a.active == []
    text = "".join(a.text)
    for p in (PAYLOADS[0], PAYLOADS[3], PAYLOADS[4], "javascript:alert(1)"):
        assert p in text, p
    assert "{{" not in digest["html"].replace("{{7*7}}", "")  # no other template residue


def test_markdown_digest_is_inert_when_rendered(digest) -> None:
    md = digest["md"]
    assert "<script" not in md and "onerror=" not in md.replace("onerror=alert", "")
    html = MarkdownIt("commonmark").render(md)
    a = audit(html)
    assert a.active == [], a.active
    text = "".join(a.text)
    assert PAYLOADS[0] in text and "{{7*7}}" in text and "{% include 'secret.txt' %}" in text


def test_prefect_artifacts_are_inert(digest, monkeypatch) -> None:
    captured: dict[str, object] = {}
    monkeypatch.setattr(artifacts, "_in_run", lambda: True)
    monkeypatch.setattr(artifacts, "create_markdown_artifact",
                        lambda md, **kw: captured.setdefault("md", md))  # fmt: skip
    monkeypatch.setattr(artifacts, "create_table_artifact",
                        lambda rows, **kw: captured.setdefault("rows", rows))  # fmt: skip
    artifacts.publish_digest_artifact(digest["ctx"], {"html": Path(f"/d/{PAYLOADS[1]}.html")})
    html = MarkdownIt("commonmark").render(captured["md"])
    assert audit(html).active == []
    from tasks.store import FileOutcome, StoreReport

    report = StoreReport([FileOutcome(f"x\n{PAYLOADS[1]}", "failed", reason=PAYLOADS[0])])
    artifacts.publish_ingest_artifact({"files_seen": 1}, report)
    # Table artifacts are JSON cells the UI shows as text; names are escaped to one line.
    [failed] = [r for r in captured["rows"] if r["what"].startswith("failed")]
    assert failed["what"] == 'failed: x\\n"><img src=x onerror=alert(1)>'
    assert all("\n" not in str(v) for r in captured["rows"] for v in r.values())
