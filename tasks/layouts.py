"""Header and body rules of the two seed layouts (A: Asharq Al-Awsat, B: Arab News)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Lines are matched with re.match (anchored) and bounded repeats, so long lines stay cheap.
_UPDATED = re.compile(r"Updated[ \t]{1,9}(\S{1,40}(?:[ \t]{1,9}\S{1,40}){0,4})\Z")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})\b")
_CREDIT = re.compile(r"\(With ([^()\n]{1,60})\)\Z")
_DATELINE = re.compile(r"([^\W\d_](?:[^\W_]|[ .'/&-]){1,60}?):[ \t]{1,9}(?=\S)")
_BULLET = "\u2022"
# Capitalised kickers that open a paragraph like a dateline but name no place ("EXCLUSIVE: ...",
# "UPDATE 2: ...", the Daily Mail's "PUBLISHED: ." header): the paragraph keeps them.
_KICKERS = frozenset(
    ["BREAKING", "BREAKING NEWS", "CLARIFICATION", "COMMENT", "CORRECTION", "EDITOR'S NOTE",
     "EDITORS NOTE", "EXCLUSIVE", "LIVE", "NEW", "NOTE", "OPINION", "PHOTOS", "PICTURED",
     "PUBLISHED", "READ MORE", "RELATED", "REVEALED", "SCROLL DOWN FOR VIDEO", "UPDATE",
     "UPDATED", "VIDEO", "WARNING", "WATCH"]
)  # fmt: skip


@dataclass
class Header:
    """A recognised article header: where it starts, where the body starts, and its fields."""

    layout: str
    start: int
    body_start: int
    title: str
    caption: str | None = None
    published: str | None = None
    highlights: list[str] = field(default_factory=list)


def _at(lines: list[str], i: int) -> str | None:
    """Line i, or None past the end."""
    return lines[i] if i < len(lines) else None


def parse_updated(line: str) -> tuple[bool, str | None]:
    """(is an `Updated <date>` line, ISO date or None when the date cannot be read)."""
    m = _UPDATED.match(line)
    if not m:
        return False, None
    date = " ".join(m.group(1).split())
    if dm := _DAY_MONTH_YEAR.match(date):
        day, month, year = dm.group(1), dm.group(2), dm.group(3)
    elif md := _MONTH_DAY_YEAR.match(date):
        month, day, year = md.group(1), md.group(2), md.group(3)
    else:
        return True, None
    try:
        return True, dt.date(int(year), _MONTHS[month.lower()], int(day)).isoformat()
    except (KeyError, ValueError):
        return True, None


def _is_title(line: str | None) -> bool:
    """A plausible title line: non-empty and not a bullet."""
    return bool(line) and not line.startswith(_BULLET)


def match_a(lines: list[str], i: int) -> Header | None:
    """Layout A at line i: title, caption x2, TT, 20, title again, caption x2, then the body."""
    title = lines[i]
    if not _is_title(title) or _at(lines, i + 1) != "":
        return None
    j = i + 2
    caption = _at(lines, j) if _at(lines, j) not in ("TT", "", None) else None
    n_caps = 0
    while caption is not None and n_caps < 2 and _at(lines, j) == caption:
        j, n_caps = j + 1, n_caps + 1
    if _at(lines, j) != "TT" or _at(lines, j + 1) != "20" or _at(lines, j + 2) != "":
        return None
    if _at(lines, j + 3) != title or _at(lines, j + 4) != "":
        return None
    j += 5
    if caption is not None:
        for _ in range(n_caps):
            if _at(lines, j) != caption:
                return None
            j += 1
        if _at(lines, j) not in ("", None):
            return None
    return Header("A", i, j, title, caption=caption)


def match_b(lines: list[str], i: int) -> Header | None:
    """Layout B at line i: title, [caption], Updated date, title again, [bullets], then the body."""
    title = lines[i]
    if not _is_title(title) or _at(lines, i + 1) != "":
        return None
    for caption_lines in (0, 1):
        upd = _at(lines, i + 2 + caption_lines)
        if upd is None:
            return None
        is_updated, published = parse_updated(upd)
        j = i + 3 + caption_lines
        if not is_updated or _at(lines, j) != "" or _at(lines, j + 1) != title:
            continue
        caption = lines[i + 2] if caption_lines else None
        if caption is not None and not _is_title(caption):
            continue
        j += 2
        while _at(lines, j) == "":
            j += 1
        highlights = []
        while (line := _at(lines, j)) is not None and line.startswith(_BULLET):
            highlights.append(line[1:].strip())
            j += 1
        return Header("B", i, j, title, caption, published, highlights)
    return None


def match_header(lines: list[str], i: int) -> Header | None:
    """The article header starting at line i (lines whitespace-collapsed), if any."""
    if i > 0 and lines[i - 1] != "":
        return None  # a header starts a block: the file start or after a blank line
    return match_a(lines, i) or match_b(lines, i)


def body_a(lines: list[str]) -> list[str]:
    """Layout A body (collapsed lines): blank lines split paragraphs; a block's lines are joined."""
    paras, block = [], []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paras.append(" ".join(block))
            block = []
    return paras


def body_b(lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """Layout B body from collapsed lines: (one paragraph per non-empty line, dateline, credit)."""
    paras = [line for line in lines if line]
    credit = None
    if paras and _CREDIT.match(paras[-1]):
        credit = paras.pop()
    dateline = None
    if paras and (m := _DATELINE.match(paras[0])):
        name = m.group(1).rstrip()
        letters = [c for c in name if c.isalpha()]
        kicker = name.rstrip(" 0123456789") in _KICKERS
        if len(letters) >= 2 and all(c.isupper() for c in letters) and not kicker:
            dateline = name
            paras[0] = paras[0][m.end() :]
    return paras, dateline, credit
