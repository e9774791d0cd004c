"""Sharing names and types within one article: surnames, repeated names, acronyms, teams."""

from __future__ import annotations

from tasks.entity_lexicon import is_given_name
from tasks.entity_orgs import company_short_forms
from tasks.entity_rules import Mention, previous_word
from tasks.entity_shapes import LOC_PREVIOUS, MEDIUM, STRONG
from tasks.entity_tokens import Line


def propagate(mentions: list[Mention], lines: list[Line]) -> dict[str, tuple[str, str]]:
    """Share types within the article: surnames of full names, repeated names, acronyms."""
    surname: dict[str, str] = {}
    best: dict[str, tuple[int, str]] = {}
    for m in sorted(mentions, key=lambda m: m.i - m.j):  # full names first
        if m.type == "PER" and (m.j - m.i >= 2 or m.conf == STRONG):
            surname.setdefault(lines[m.line].words[m.j - 1], m.canonical)
        key = m.canonical
        if m.type and m.conf > best.get(key, (0, ""))[0]:
            best[key] = (m.conf, m.type or "")
    for m in mentions:
        word = lines[m.line].words[m.i]
        if m.j - m.i == 1 and word in surname and _surname_here(m, lines, surname[word]):
            m.type, m.conf, m.canonical = "PER", max(m.conf, MEDIUM), surname[word]
            continue
        conf, etype = best.get(m.canonical, (0, ""))
        if conf > m.conf and etype:
            m.type = etype
    company_short_forms(mentions, lines)
    _acronyms(mentions, lines)
    known: dict[str, tuple[str, str]] = {}
    for m in mentions:
        text = " ".join(lines[m.line].words[m.i : m.j]).lower()
        known.setdefault(text, (m.type or "", m.canonical))
    for word, full in surname.items():
        known.setdefault(word.lower(), ("PER", full))
    return known


def _surname_here(m: Mention, lines: list[Line], full: str) -> bool:
    """A lone word that is the surname of a full name in the article stands for the person;
    even a country's name does when a given name opens the full name ("Neil Jordan ... Jordan
    said"; not "Reuters Taiwan"), unless a place preposition comes before it ("in Jordan")."""
    if m.conf < STRONG or m.type == "PER":
        return True
    parts = full.split(" ")
    given = len(parts) <= 3 and is_given_name(parts[0])
    prev = previous_word(lines[m.line].words, m.i).lower()
    return given and m.type == "LOC" and prev not in LOC_PREVIOUS


def retype(mentions: list[Mention], lines: list[Line], names: dict[str, tuple[str, str]]) -> None:
    """Mentions of a name the article's structure types (a team of a results line) take it."""
    for m in mentions:
        hit = names.get(" ".join(lines[m.line].words[m.i : m.j]).lower())
        if hit:
            m.type, m.canonical = hit


def _acronyms(mentions: list[Mention], lines: list[Line]) -> None:
    """`Libyan National Army ( LNA )`: the acronym takes the full name as canonical and type."""
    expand: dict[str, tuple[str, str]] = {}
    for a, b in zip(mentions, mentions[1:], strict=False):
        line = lines[a.line]
        if (
            a.line == b.line
            and b.j - b.i == 1
            and b.i == a.j + 1
            and line.words[a.j] == "("
            and line.upper[b.i]
            and a.type in ("ORG", "LOC")
        ):
            initials = "".join(w[0] for w in line.words[a.i : a.j] if w[0].isupper())
            if initials == line.words[b.i]:
                expand[line.words[b.i]] = (a.type, a.canonical)
    for m in mentions:
        word = lines[m.line].words[m.i]
        if m.j - m.i == 1 and word in expand:
            m.type, m.canonical = expand[word]
