"""Tests for the seed-file splitter on project fixtures, edge cases and the real seeds."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.config import REPO_ROOT
from tasks.normalize import decode_bytes
from tasks.split import ParseError, parse_file, split_articles


def _read(fixtures: Path, name: str) -> str:
    return (fixtures / name).read_text(encoding="utf-8")


def test_layout_a_fields(fixtures):
    arts = split_articles(_read(fixtures, "layout_a.txt"))
    assert [a.layout for a in arts] == ["A", "A"]
    assert [a.position for a in arts] == [0, 1]
    first = arts[0]
    assert first.title == "Harbour Authority Approves Night Shipping on the Lower Danube"
    assert first.caption == "River barges wait at the port of Vidin in northern Bulgaria. (Reuters)"
    assert first.published is None and first.dateline is None and first.credit is None
    assert first.highlights == []
    assert len(first.body) == 4
    assert first.body[0].startswith("Bulgaria's river authority on Tuesday")
    assert first.body[1] == "River barges wait at the port of Vidin in northern Bulgaria."
    assert first.body[-1].endswith("before the summer.")
    assert arts[1].caption.endswith("(AP)")
    assert arts[1].body[-1] == (
        "The book spent four decades in storage after a flood damaged the monastery library."
    )


def test_layout_b_fields(fixtures):
    first, second = split_articles(_read(fixtures, "layout_b.txt"))
    assert first.layout == second.layout == "B"
    assert first.title == "Chile lifts copper export forecast as new mine opens"
    assert first.caption == "Workers stand at the entrance of a copper mine near Antofagasta. (AFP)"
    assert first.published == "2026-03-12"
    assert first.highlights == [
        "The mining ministry now expects exports to rise by 4 percent this year",
        "Officials said Peru and Bolivia were watching the project closely",
    ]
    assert first.dateline == "SANTIAGO"
    assert first.body[0].startswith("Chile's mining ministry raised")
    assert len(first.body) == 4  # blank lines between some paragraphs do not matter
    assert first.credit == "(With AFP)"
    assert all("(With" not in p for p in first.body)


def test_body_lines_that_look_like_headers_do_not_split(fixtures):
    arts = split_articles(_read(fixtures, "layout_b.txt"))
    assert len(arts) == 2
    second = arts[1]
    assert second.caption is None and second.highlights == [] and second.dateline is None
    assert second.published == "2019-05-03"
    assert second.body[1] == "Updated 3 May 2019"
    assert second.body[3] == second.title
    assert len(second.body) == 5


def test_updated_line_after_blank_in_body_is_kept():
    text = (
        "Port reopens\n\nUpdated 4 June 2024\n\nPort reopens\n\n"
        "First line.\n\nA line that looks like a title\n\nUpdated 5 June 2024\n\nLast line."
    )
    (art,) = split_articles(text)
    assert art.body == [
        "First line.",
        "A line that looks like a title",
        "Updated 5 June 2024",
        "Last line.",
    ]


def _b_article(first_line: str, updated: str = "Updated 2 July 2025") -> str:
    return f"Dam talks resume\n\n{updated}\n\nDam talks resume\n\n{first_line}\nMore text."


@pytest.mark.parametrize(
    ("first_line", "dateline", "paragraph"),
    [
        ("ST. LOUIS: Talks resumed.", "ST. LOUIS", "Talks resumed."),
        ("DALLAS/FORT WORTH: Talks resumed.", "DALLAS/FORT WORTH", "Talks resumed."),
        ("N'DJAMENA: Talks resumed.", "N'DJAMENA", "Talks resumed."),
        (
            "S\u00c3O PAULO: \u201cWe agree,\u201d he said.",
            "S\u00c3O PAULO",
            "\u201cWe agree,\u201d he said.",
        ),
        ("Officials: talks resumed.", None, "Officials: talks resumed."),
        ("Q: Will talks resume?", None, "Q: Will talks resume?"),
        ("BEIRUT:no space", None, "BEIRUT:no space"),
        ("EXCLUSIVE: Talks resumed.", None, "EXCLUSIVE: Talks resumed."),
        ("PUBLISHED: . 09:12 EST", None, "PUBLISHED: . 09:12 EST"),
        ("UPDATE 2: Talks resumed.", None, "UPDATE 2: Talks resumed."),
        ("NEW YORK: Talks resumed.", "NEW YORK", "Talks resumed."),
    ],
)
def test_dateline_rules(first_line, dateline, paragraph):
    (art,) = split_articles(_b_article(first_line))
    assert art.dateline == dateline
    assert art.body == [paragraph, "More text."]


@pytest.mark.parametrize(
    ("updated", "published"),
    [
        ("Updated 2 July 2025", "2025-07-02"),
        ("Updated 02 Jul 2025", "2025-07-02"),
        ("Updated July 2, 2025", "2025-07-02"),
        ("Updated 2 July 2025 14:05 GMT", "2025-07-02"),
        ("Updated 31 February 2019", None),
        ("Updated yesterday", None),
    ],
)
def test_updated_dates(updated, published):
    (art,) = split_articles(_b_article("Talks resumed.", updated))
    assert art.published == published
    assert art.body == ["Talks resumed.", "More text."]


def test_mixed_layouts_in_file_order(fixtures):
    arts = split_articles(_read(fixtures, "mixed.txt"))
    assert [a.layout for a in arts] == ["A", "B", "A", "B"]
    assert [a.position for a in arts] == [0, 1, 2, 3]
    assert arts[1].title == "Kazakh grain harvest beats estimate"
    assert arts[1].credit == "(With Reuters)"
    assert arts[1].dateline == "ASTANA"
    assert arts[1].highlights == ["Farmers gathered more wheat than expected"]
    assert arts[2].title.startswith("Museum in Tbilisi")


def test_one_article_without_final_newline(fixtures):
    raw = _read(fixtures, "one_article.txt")
    assert not raw.endswith("\n")
    (art,) = split_articles(raw)
    assert (
        art.body[-1] == "Exporters hope to ship more grain through the Caspian ports this winter."
    )


def test_no_articles_raises(fixtures):
    with pytest.raises(ParseError, match="no articles found"):
        split_articles(_read(fixtures, "not_articles.txt"))
    with pytest.raises(ParseError, match="no articles found"):
        split_articles("")


@pytest.mark.parametrize(
    "transform",
    [
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: s.replace("\n", "\r").encode("utf-8"),
        lambda s: s.replace("\n", "  \t\n").encode("utf-8"),
        lambda s: (s + "\n\n\n").encode("utf-8"),
        lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
        lambda s: s.encode("utf-16"),
        lambda s: s.replace("'", "\u2019").encode("cp1252"),
    ],
    ids=["crlf", "cr", "trailing-ws", "final-newlines", "bom", "utf16", "cp1252"],
)
def test_encodings_and_line_ends_give_same_articles(fixtures, transform):
    raw = _read(fixtures, "mixed.txt")
    want = split_articles(raw)
    got = split_articles(decode_bytes(transform(raw)))
    assert [a.article_id for a in got] == [a.article_id for a in want]
    assert [(a.title, a.caption, a.credit, len(a.body)) for a in got] == [
        (a.title, a.caption, a.credit, len(a.body)) for a in want
    ]


def test_invisible_characters_do_not_change_article_id(fixtures):
    raw = _read(fixtures, "layout_b.txt")
    dirty = raw.replace("Chile lifts", "\u200bChile\u00a0lifts\u202c").replace(
        "copper", "cop\u00adper"
    )
    clean, noisy = split_articles(raw)[0], split_articles(dirty)[0]
    assert noisy.title == clean.title
    assert noisy.article_id == clean.article_id


def test_nul_bytes_in_text_are_dropped(fixtures):
    raw = _read(fixtures, "one_article.txt")
    assert split_articles(raw.replace("grain", "gr\x00ain"))[0].article_id == (
        split_articles(raw)[0].article_id
    )


def test_parse_file_reports_bad_bytes(tmp_path, fixtures):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\n\xc3\x28 broken")
    with pytest.raises(ParseError, match="invalid UTF-8 at byte offset 7"):
        parse_file(bad)
    assert len(parse_file(fixtures / "mixed.txt")) == 4


def test_large_inputs_are_fast(fixtures):
    block = _read(fixtures, "layout_a.txt") + "\n\n\n\n" + _read(fixtures, "layout_b.txt")
    many = "\n\n\n\n".join([block] * 250)
    start = time.perf_counter()
    assert len(split_articles(many)) == 1000
    for text in ("word " * 200_000, "a." * 100_000, "x" * 1_000_000, "T\n\n" * 100_000):
        with pytest.raises(ParseError):
            split_articles(text)
    header = "Title\n\nUpdated 1 May 2019\n\nTitle\n\n"
    assert len(split_articles(header + "ABC " * 250_000)[0].body) == 1
    assert time.perf_counter() - start < 10


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_split_only_raises_parse_error(text):
    try:
        arts = split_articles(text)
    except ParseError:
        return
    assert [a.position for a in arts] == list(range(len(arts)))


_PIECES = st.sampled_from(
    [
        "",
        "Title",
        "TT",
        "20",
        "Cap. (AFP)",
        "Updated 3 May 2019",
        "  \u2022 b",
        "X: y",
        "(With AFP)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_split_on_header_like_lines_only_raises_parse_error(pieces):
    with contextlib.suppress(ParseError):
        split_articles("\n".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_bytes_pipeline_only_raises_parse_error(data):
    with contextlib.suppress(ParseError):
        split_articles(decode_bytes(data))


@pytest.mark.shared
def test_real_seed_files(shared):
    files = sorted((shared / "seeds").glob("*.txt"))
    assert len(files) == 2
    a_file, b_file = (parse_file(f) for f in files)
    assert [a.layout for a in a_file] == ["A", "A"]
    assert [a.layout for a in b_file] == ["B", "B"]
    haftar_a, sweida = a_file
    assert haftar_a.title == "Reports: Libya\u2019s Haftar Meets US Officials in Cairo"
    assert haftar_a.caption == (
        "Forces loyal to Libyan National Army commander Khalifa Haftar. (AFP)"
    )
    assert len(haftar_a.body) == 14
    assert haftar_a.body[0].startswith("Libyan National Army (LNA) commander")
    assert sweida.title.startswith("Attacks on Syrian Security Forces")
    assert sweida.caption.endswith("(AFP)")
    assert sweida.body[-1].startswith("Sunday's violence erupted")
    trump, idlib = b_file
    assert trump.title == "Trump and Haftar discussed \u2018counterterrorism efforts\u2019 in Libya"
    assert trump.published == "2019-04-20" and trump.dateline == "LONDON"
    assert trump.credit == "(With Reuters)" and len(trump.highlights) == 2
    assert trump.caption.endswith("(AFP)")
    assert trump.body[0].startswith("Donald Trump and the Libyan military commander")
    assert idlib.published == "2019-05-22" and idlib.dateline == "BEIRUT"
    assert idlib.caption is None and idlib.credit is None and len(idlib.highlights) == 2
    assert idlib.body[0].startswith("Air strikes by Damascus")
    assert idlib.body[-1].startswith("The Observatory says more than 180 civilians")
    for art in a_file + b_file:
        assert not {"TT", "20", art.title, art.caption} & set(art.body)
        assert not any(p.startswith(("Updated ", "(With ", "\u2022")) for p in art.body)


def test_sample_seeds_parse_cleanly():
    files = sorted((REPO_ROOT / "seeds").glob("*.txt"))
    assert len(files) >= 3
    arts, mixed = [], None
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert path.stem.split("_", 1)[1] == digest
        parsed = parse_file(path)
        arts += parsed
        if len({a.layout for a in parsed}) == 2:
            mixed = path
    assert mixed
    assert len(arts) >= 7
    assert {a.layout for a in arts} == {"A", "B"}
    for art in arts:
        assert 8 <= len(art.body) <= 15, art.title
        assert art.caption is None or art.caption.endswith(("(AFP)", "(Reuters)"))
        assert art.layout == "A" or (art.published or "").startswith("2026-")
