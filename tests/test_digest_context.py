"""The digest context: folding, ordering, day-over-day change, rising entities, charts, wording."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tasks.charts import LABEL_CHARS, bar_chart
from tasks.digest_context import History, agencies, build_context
from tasks.digest_model import CountrySection
from tests.digest_sample import sample_context, sample_rows


@pytest.mark.parametrize("credit, caption, expected", [
    ("(With AFP and Reuters)", None, ["AFP", "Reuters"]),
    ("(With AP)", "Crowds in the square. (AP)", ["AP"]),
    (None, "Ships at anchor. (File/AFP)", ["AFP"]),
    (None, "The old bridge, built in (1911)", []),
    (None, "Protesters (seen from a rooftop nearby today)", []),
    (None, None, []),
])  # fmt: skip
def test_agencies_from_credit_and_caption(credit, caption, expected) -> None:
    assert agencies(credit, caption) == expected


@pytest.mark.parametrize("previous, count, label", [
    (None, 3, ""), (0, 3, "new today"), (3, 3, "same as yesterday"), (1, 4, "+3 vs yesterday"),
    (5, 4, "-1 vs yesterday"),
])  # fmt: skip
def test_change_vs_previous_day(previous, count, label) -> None:
    rows, _, _ = sample_rows()
    views = build_context(date(2026, 3, 4), "UTC", rows[2:3], {}, {}, 1).stories * count
    section = CountrySection("ES", "Spain", "", views, [], previous)
    assert section.change == label


def test_near_duplicates_fold_into_the_longest_version() -> None:
    ctx = sample_context()
    spain = ctx.sections[0]
    assert (spain.iso2, spain.article_count, len(spain.articles)) == ("ES", 3, 2)
    port = spain.articles[0]
    assert port.article_id.startswith("aa02")  # one word longer than aa01
    assert [v.article_id[:4] for v in port.versions] == ["aa01"]
    assert port.highlights == ["A million containers a year", "Four thousand jobs promised"]
    assert port.all_files == ["002_wire.txt", "001_wire.txt"]
    assert port.also_in.startswith("Also in 1 other file (001_wire.txt); 1 near-duplicate")
    assert "Arab News layout, via Reuters" in port.also_in
    assert (ctx.article_count, ctx.story_count, ctx.country_count) == (6, 5, 2)


def test_sections_by_article_count_then_name_unknown_last() -> None:
    ctx = sample_context()
    assert [s.iso2 for s in ctx.sections] == ["ES", "PE", "??"]
    assert [s.change for s in ctx.sections] == ["+1 vs yesterday", "new today", "new today"]
    tie = sample_context(threshold=1.01)  # nothing folds: Spain 3, Peru 2 stories either way
    assert [s.iso2 for s in tie.sections] == ["ES", "PE", "??"]
    assert tie.story_count == 6


def test_rising_entities_need_history_and_growth() -> None:
    ctx = sample_context()
    assert [(r.name, r.today, r.note) for r in ctx.rising] == [
        ("Elena Ruiz", 2, "new"), ("Costa Brava", 2, "was 0.1/day"),
    ]  # fmt: skip
    assert ctx.rising_chart is not None and len(ctx.rising_chart.bars) == 2
    quiet = sample_context(history=History(week_entities={("Elena Ruiz", "PER"): 70},
                                           week_articles=70))  # fmt: skip
    assert "Elena Ruiz" not in [r.name for r in quiet.rising]
    none = sample_context(history=None)
    assert none.rising == [] and not none.has_history and none.sections[0].change == ""


def test_article_view_wording_and_timezone() -> None:
    ctx = sample_context(prev_day=None)
    rows, ents, countries = sample_rows()
    riyadh = build_context(date(2026, 3, 4), "Asia/Riyadh", rows, ents, countries, 3)
    farmers = next(a for a in riyadh.stories if a.article_id.startswith("aa03"))
    assert farmers.arrived == datetime(2026, 3, 4, 10, 15, tzinfo=UTC)
    assert farmers.meta == "Arab News layout · arrived 13:15 Asia/Riyadh"
    assert farmers.facts == [("Organisations", "Agriculture Ministry (1)"),
                             ("Places", "Valmora (1)"), ("Also mentions", "🇫🇷 France")]  # fmt: skip
    port = ctx.sections[0].articles[0].versions[0]
    assert port.meta == ("Arab News layout, via Reuters · VALMORA · published 2026-03-03 · "
                         "arrived 06:15 UTC")  # fmt: skip
    assert port.length == "67 words" and ctx.sections[0].articles[0].length == "68 words"


def test_bar_chart_geometry() -> None:
    chart = bar_chart("per", "People", [("A" * 60, 10), ("B", 5), ("C", 0)], ["new"])
    assert [b.width for b in chart.bars][1] == pytest.approx(chart.bars[0].width / 2)
    assert chart.bars[2].width == 0 and chart.height == 90
    assert len(chart.bars[0].short) == LABEL_CHARS and chart.bars[0].short.endswith("…")
    assert chart.bars[0].value_text == "10 · new" and "B: 5" in chart.description
    assert chart.bars[0].value_x + 6 * len("10 · new") <= chart.width
    assert bar_chart("x", "Empty", []).bars == []
