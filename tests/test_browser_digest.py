"""The HTML digest in headless Chromium at desktop (1280 px) and mobile (390 px) widths."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tasks.digest_context import build_context
from tasks.digest_index import write_index
from tasks.render import write_digest
from tests.chromium import Browser, chromium_path
from tests.digest_sample import sample_context

pytestmark = pytest.mark.browser

OVERFLOW_JS = """[...document.querySelectorAll('body *')].filter(e => {
  const r = e.getBoundingClientRect();
  const clipped = !(e instanceof SVGElement) && e.clientWidth > 0
    && e.scrollWidth > e.clientWidth + 1;
  return (r.width > 0 && r.right > window.innerWidth + 1) || clipped;
}).map(e => e.tagName + '#' + e.id + '.' + e.getAttribute('class'))"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = chromium_path()
    if binary is None:
        pytest.skip("headless Chromium not found (apt-get install chromium, or set CHROMIUM=path)")
    with Browser(binary) as b:
        yield b


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("digest")
    ctx = sample_context()
    paths = write_digest(ctx, out)
    write_index(out)
    return paths["html"], ctx


def _png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.mark.parametrize("width, mobile", [(1280, False), (390, True)])
def test_page_structure_in_browser(browser: Browser, page, width: int, mobile: bool,
                                   tmp_path: Path) -> None:  # fmt: skip
    html, ctx = page
    browser.open(html, width, 844 if mobile else 900, mobile=mobile)
    ids = browser.evaluate("[...document.querySelectorAll('section.country')].map(s => s.id)")
    assert ids == [s.anchor for s in ctx.sections]
    counts = browser.evaluate(
        "[...document.querySelectorAll('section.country')].map(s => +s.dataset.count)"
    )
    assert counts == sorted(counts, reverse=True)
    summaries = browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('section.country article')]"
        ".map(a => [a.id, a.querySelector('.summary').innerText.trim()]))"
    )
    assert set(summaries) == {a.anchor for a in ctx.stories}
    for a in ctx.stories:
        assert summaries[a.anchor], f"{a.anchor} shows no summary"
        for sentence in a.summary:
            assert sentence in summaries[a.anchor]
    charts = browser.evaluate(
        "[...document.querySelectorAll('figure.chart svg')].map(s => [s.closest('figure').id,"
        " s.querySelectorAll('rect').length, s.getBoundingClientRect().width])"
    )
    expected = {f"chart-{c.key}": len(c.bars) for c in [*ctx.charts, ctx.rising_chart]}
    assert {k: n for k, n, _ in charts} == expected
    assert all(w > 150 for _, _, w in charts)  # drawn at a readable size
    title = browser.evaluate("document.querySelector('#a-aa0500000000 h3').textContent")
    assert title.startswith("<script>alert(1)</script>")
    assert browser.evaluate("document.querySelectorAll('script, img, iframe').length") == 0
    broken = browser.evaluate(
        "[...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href'))"
        ".filter(h => h.length > 1 && !document.getElementById(h.slice(1)))"
    )
    assert broken == []
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("!!document.querySelector('main') && !!document.querySelector('nav')")
    if mobile:
        assert browser.evaluate(OVERFLOW_JS) == []
        assert browser.evaluate("document.documentElement.scrollWidth") <= 390
    shot = browser.screenshot(tmp_path / f"digest-{width}.png")
    assert _png_size(shot)[0] == width * (2 if mobile else 1)


def test_dark_mode_and_print_styles(browser: Browser, page) -> None:
    html, _ = page
    browser.open(html, 1280)
    bg = "getComputedStyle(document.body).backgroundColor"
    assert browser.evaluate(bg) == "rgb(255, 255, 255)"
    browser.send("Emulation.setEmulatedMedia",
                 features=[{"name": "prefers-color-scheme", "value": "dark"}])  # fmt: skip
    assert browser.evaluate(bg) == "rgb(18, 19, 23)"
    browser.send("Emulation.setEmulatedMedia", media="print")
    assert browser.evaluate("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    browser.send("Emulation.setEmulatedMedia", media="", features=[])


def test_empty_day_and_index_pages(browser: Browser, page, tmp_path: Path) -> None:
    html, _ = page
    empty = build_context(date(2026, 3, 5), "UTC", [], {}, {}, files=0, prev_day=date(2026, 3, 4))
    empty_html = write_digest(empty, html.parent)["html"]
    write_index(html.parent)
    browser.open(empty_html, 390, 844, mobile=True)
    assert "No articles arrived" in browser.evaluate("document.querySelector('main').innerText")
    assert browser.evaluate(OVERFLOW_JS) == []
    browser.open(html.parent / "index.html", 390, 844, mobile=True)
    links = browser.evaluate("[...document.querySelectorAll('main a')].map(a => a.textContent)")
    assert links[0].endswith("2026-03-05") and links[2].endswith("2026-03-04")
    browser.screenshot(tmp_path / "index-390.png")
