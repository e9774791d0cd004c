"""Invented seed corpora for the reliability suite: seeded, layout B, with shared articles."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from tasks.split import split_articles

_PLACES = [
    ("OSLO", "Norway", "Norwegian"), ("LIMA", "Peru", "Peruvian"),
    ("HANOI", "Vietnam", "Vietnamese"), ("QUITO", "Ecuador", "Ecuadorian"),
    ("ACCRA", "Ghana", "Ghanaian"), ("RIGA", "Latvia", "Latvian"),
    ("DOHA", "Qatar", "Qatari"), ("SEOUL", "South Korea", "Korean"),
]  # fmt: skip
_TOPICS = ["harbour", "railway", "budget", "vaccine", "election", "drought", "bridge",
           "festival", "fishery", "tariff", "satellite", "museum", "wind farm", "pipeline",
           "school"]  # fmt: skip
_VERBS = ["approved", "delayed", "expanded", "questioned", "announced", "reviewed", "funded"]
_PEOPLE = ["Ingrid Solberg", "Marta Quispe", "Tran Van Minh", "Kofi Mensah", "Anna Ozola"]


def article_text(rng: random.Random, serial: int, day: int = 1) -> str:
    """One invented layout-B article whose title carries `serial` (so titles are distinct)."""
    city, country, adj = rng.choice(_PLACES)
    topic, verb, person = rng.choice(_TOPICS), rng.choice(_VERBS), rng.choice(_PEOPLE)
    title = f"{country} {verb} {topic} plan number {serial}"
    lines = [
        f"{city}: The {adj} government {verb} the {topic} plan on Tuesday, officials said.",
        f"Minister {person} told reporters in {city.title()} that the {topic} work would go on.",
        f"Critics in {country} said the cost of the {topic} scheme had doubled"
        f" since {2000 + serial % 20}.",
        f"The {adj} parliament is expected to vote on the plan next month.",
    ]
    rng.shuffle(lines[1:])
    return f"{title}\n\nUpdated {day} March 2026\n\n{title}\n\n" + "\n".join(lines) + "\n"


@dataclass
class Corpus:
    """Files written to a seeds folder and the distinct article ids they hold."""

    files: dict[str, bytes]
    article_ids: set[str]


def write_corpus(seeds: Path, n_files: int, per_file: int = 3, seed: int = 0) -> Corpus:
    """`n_files` files; about one article in five also appears in another file."""
    rng = random.Random(seed)
    seeds.mkdir(parents=True, exist_ok=True)
    pool: list[str] = []
    files: dict[str, bytes] = {}
    serial = 0
    for i in range(n_files):
        chunks = []
        for _ in range(per_file):
            if pool and rng.random() < 0.2:
                chunks.append(rng.choice(pool))
            else:
                serial += 1
                chunks.append(article_text(rng, serial))
                pool.append(chunks[-1])
        data = "\n".join(chunks).encode("utf-8")
        name = f"{i:04d}_{rng.getrandbits(32):08x}.txt"
        (seeds / name).write_bytes(data)
        files[name] = data
    return Corpus(files, ids_of(files.values()))


def ids_of(datas) -> set[str]:
    """Distinct article ids over file contents (bytes), as the parser sees them."""
    from tasks.normalize import decode_bytes

    return {a.article_id for d in datas for a in split_articles(decode_bytes(d))}
