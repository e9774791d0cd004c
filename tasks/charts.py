"""Geometry for small horizontal bar charts; templates draw them as inline SVG (no JavaScript)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 320  # viewBox units; the SVG scales to its container
ROW = 30  # label line + bar
BAR_H = 9
LABEL_CHARS = 44  # longer labels are shortened in the SVG; the full name is in its <title>
VALUE_ROOM = 40
TEXT_BLOCKS = 16


@dataclass
class Bar:
    """One bar: the full label, a display label, value, note and its geometry."""

    label: str
    short: str
    value: int
    note: str
    y: int  # top of the row
    width: float
    blocks: int = 1  # bar length in text characters, for the Markdown digest

    @property
    def bar_y(self) -> int:
        """Top of the bar rectangle (below the label)."""
        return self.y + 14

    @property
    def text_y(self) -> int:
        """Baseline of the label text."""
        return self.y + 11

    @property
    def value_x(self) -> float:
        """Where the value text starts, just right of the bar."""
        return self.width + 4

    @property
    def value_text(self) -> str:
        """The value, with its note when there is one ("5 · new")."""
        return f"{self.value} · {self.note}" if self.note else str(self.value)


@dataclass
class BarChart:
    """A titled chart; `bars` is empty when there was nothing to chart."""

    key: str
    title: str
    bars: list[Bar]
    width: int = WIDTH

    @property
    def height(self) -> int:
        """Total viewBox height."""
        return max(len(self.bars), 1) * ROW

    @property
    def description(self) -> str:
        """Plain-text reading of the chart for screen readers and text output."""
        return "; ".join(f"{b.label}: {b.value_text}" for b in self.bars)


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(
    key: str, title: str, items: Sequence[tuple[str, int]], notes: Sequence[str] = ()
) -> BarChart:
    """Bars scaled to the largest value, in the given order."""
    top = max((v for _, v in items), default=0) or 1
    room = WIDTH - VALUE_ROOM - (max((len(n) for n in notes), default=0) * 6)
    bars = [
        Bar(
            label=label,
            short=_shorten(label),
            value=value,
            note=notes[i] if i < len(notes) else "",
            y=i * ROW,
            width=round(max(room, 60) * value / top, 1),
            blocks=max(1, round(TEXT_BLOCKS * value / top)),
        )
        for i, (label, value) in enumerate(items)
    ]
    return BarChart(key, title, bars)
