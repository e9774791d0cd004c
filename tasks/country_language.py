"""Demonyms used as languages ("science and English", "French immersion"): not places."""

from __future__ import annotations

import re

# Demonyms that are also the names of languages taught and spoken far beyond their country.
LANGUAGES = frozenset(["english", "french", "spanish", "german", "italian", "portuguese",
                       "russian", "chinese", "japanese", "korean", "dutch", "greek", "polish",
                       "turkish", "swedish", "persian", "vietnamese", "ukrainian"])  # fmt: skip
# Nouns that make the word before them a language of teaching ("English Catholic program").
_TEACHING = frozenset(["school", "schools", "immersion", "program", "programs", "programme",
                       "class", "classes", "course", "courses", "curriculum", "teacher",
                       "teachers", "tutor", "lessons", "language", "learners", "speakers",
                       "speaking", "instruction", "grammar", "literature"])  # fmt: skip
# School subjects and verbs of speaking or learning, listed or acting just before a language.
_BEFORE = frozenset(["math", "maths", "mathematics", "science", "sciences", "history",
                     "geography", "reading", "writing", "spelling", "art", "music", "biology",
                     "chemistry", "physics", "algebra", "economics", "speak", "speaks", "spoke",
                     "spoken", "speaking", "learn", "learns", "learned", "learning", "learnt",
                     "teach", "teaches", "taught", "teaching", "study", "studied", "studying",
                     "fluent"])  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.;:!?]")
WINDOW = 60  # characters searched on each side, within the sentence


def language_use(text: str, start: int, end: int) -> bool:
    """The demonym at text[start:end] names a language: taught, studied, spoken or a subject."""
    if text[start:end].lower() not in LANGUAGES:
        return False
    after = _SENTENCE_END.split(text[end : end + WINDOW], maxsplit=1)[0]
    before = _SENTENCE_END.split(text[max(0, start - WINDOW) : start])[-1]
    return any(w.lower() in _TEACHING for w in _WORD.findall(after)[:2]) or any(
        w.lower() in _BEFORE for w in _WORD.findall(before)[-3:]
    )
