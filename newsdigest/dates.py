"""Days and timezones."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


def today(tz: str) -> date:
    """Today's date in timezone `tz`."""
    return datetime.now(ZoneInfo(tz)).date()


def parse_day(value: str | date | None, tz: str) -> date:
    """`YYYY-MM-DD`, `today` or `yesterday` (in `tz`); None means today."""
    if isinstance(value, date):
        return value
    if value in (None, "", "today"):
        return today(tz)
    if value == "yesterday":
        return today(tz) - timedelta(days=1)
    return date.fromisoformat(value)


def day_range(start: date, end: date) -> list[date]:
    """Every day from `start` to `end`, inclusive."""
    if end < start:
        raise ValueError(f"--to {end} is before --from {start}")
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
