"""An invented day of articles for the digest tests (golden files, browser checks)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from tasks.digest_context import DigestContext, History, build_context

DAY = date(2026, 3, 4)
GENERATED = datetime(2026, 3, 4, 23, 5, tzinfo=UTC)

_PORT = [
    "Officials in Valmora said on Tuesday that the new container port at Costa Brava would open "
    "next month, two years later than planned, after a dispute over dredging contracts.",
    "Transport Minister Elena Ruiz said the port would handle a million containers a year and "
    "create four thousand jobs in the surrounding province.",
    "Critics said the delay had cost the treasury more than it would ever earn back.",
]


def _row(aid: str, title: str, body: list[str], *, hour: int, file: str, layout: str = "B",
         summary: list[str] | None = None, **extra: object) -> dict:  # fmt: skip
    return {
        "article_id": aid.ljust(32, "0"), "title": title, "caption": extra.get("caption"),
        "published": extra.get("published"), "highlights": extra.get("highlights", []),
        "dateline": extra.get("dateline"), "body": body, "credit": extra.get("credit"),
        "layout": layout, "ingested_at": datetime(2026, 3, 4, hour, 15, tzinfo=UTC),
        "summary": body[:2] if summary is None else summary, "files": [file],
    }  # fmt: skip


def sample_rows() -> tuple[list[dict], dict, dict]:
    """Rows as the warehouse queries return them: articles, entities, countries."""
    spain_b = [p.replace("two years later", "almost two years later") for p in _PORT]
    rows = [
        _row("aa01", "Spain opens delayed container port at Costa Brava", _PORT, hour=6,
             file="001_wire.txt", dateline="VALMORA", published=date(2026, 3, 3),
             credit="(With Reuters)", highlights=["A million containers a year",
                                                  "Four thousand jobs promised"]),
        _row("aa02", "Spain opens delayed container port at Costa Brava", spain_b, hour=9,
             file="002_wire.txt", layout="A", caption="Cranes at the new port. (AFP)"),
        _row("aa03", "Spanish farmers block roads over water quotas",
             ["Farmers drove tractors onto three motorways near Valmora on Wednesday.",
              "The agriculture ministry said quotas would be reviewed in the spring."],
             hour=10, file="002_wire.txt"),
        _row("aa04", "Peru's central bank holds rates as inflation cools",
             ["Peru's central bank kept its policy rate unchanged at 4.75 percent on Thursday.",
              "Governor Luis Quispe said inflation had fallen for a fifth month.",
              "Analysts had expected the decision."], hour=11, file="003_wire.txt"),
        _row("aa05", '<script>alert(1)</script> "><img src=x onerror=alert(1)>',
             ["An article whose title tries to inject markup into the page.",
              "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3 + " is a very long word."],
             hour=12, file="003_wire.txt"),
        _row("aa06", "Mystery signal puzzles amateur astronomers",
             ["Amateur astronomers said they had recorded an unexplained radio signal."],
             hour=13, file="003_wire.txt", summary=[]),
    ]  # fmt: skip
    ents = {
        "aa01": [("Elena Ruiz", "PER", 2), ("Costa Brava", "LOC", 2), ("Port Authority", "ORG", 1)],
        "aa02": [("Elena Ruiz", "PER", 2), ("Costa Brava", "LOC", 2)],
        "aa03": [("Valmora", "LOC", 1), ("Agriculture Ministry", "ORG", 1)],
        "aa04": [("Luis Quispe", "PER", 1), ("Central Reserve Bank", "ORG", 2)],
        "aa05": [("<b>Bold</b> Corp", "ORG", 1)],
    }
    countries = {
        "aa01": [("ES", True), ("PT", False)],
        "aa02": [("ES", True)],
        "aa03": [("ES", True), ("FR", False)],
        "aa04": [("PE", True), ("CL", False), ("BO", False)],
        "aa05": [("PE", True)],
        "aa06": [],
    }
    return (
        rows,
        {k.ljust(32, "0"): v for k, v in ents.items()},
        {k.ljust(32, "0"): v for k, v in countries.items()},
    )


def sample_history() -> History:
    """Yesterday had two Spanish articles and no Peruvian ones; Elena Ruiz was new this week."""
    return History(
        previous_countries={"ES": 2, "JP": 1},
        previous_articles=3,
        week_entities={("Costa Brava", "LOC"): 1, ("Valmora", "LOC"): 7},
        week_articles=12,
    )


def sample_context(**overrides: object) -> DigestContext:
    """The invented day, ready to render."""
    rows, ents, countries = sample_rows()
    kwargs: dict = {"history": sample_history(), "prev_day": date(2026, 3, 3),
                    "next_day": None, "generated_at": GENERATED} | overrides  # fmt: skip
    return build_context(DAY, "UTC", rows, ents, countries, files=3, **kwargs)


def fill_warehouse(con, articles: list[dict]) -> None:  # noqa: ANN001 - a DuckDB connection
    """Insert invented articles with their files, summaries, entities and countries.

    Each dict: id, title, body, at (aware datetime), files ([(name, position)]), focus (iso2 or
    None), others ([iso2]), entities ([(name, type, count)]); summary = the first paragraph.
    """
    from newsdigest.warehouse import bulk_insert
    from tasks.store import add_entity_aggregates

    files: dict[str, str] = {}
    for a in articles:
        for name, _ in a["files"]:
            files.setdefault(name, f"{len(files):064x}")
    at = min(a["at"] for a in articles)
    bulk_insert(con, "files", ["sha256", "name", "size", "first_seen", "last_seen", "status"],
                [(sha, name, 100, at, at, "done") for name, sha in files.items()])  # fmt: skip
    bulk_insert(
        con, "articles",
        ["article_id", "title", "highlights", "body", "layout", "file_sha256", "position",
         "ingested_at"],
        [(a["id"], a["title"], [], a["body"], "B", files[a["files"][0][0]], a["files"][0][1],
          a["at"]) for a in articles],
    )  # fmt: skip
    bulk_insert(con, "article_sources", ["article_id", "file_sha256", "position"],
                [(a["id"], files[n], p) for a in articles for n, p in a["files"]])  # fmt: skip
    bulk_insert(
        con, "summary_sentences",
        ["article_id", "algorithm", "sentence_index", "text", "score", "selected"],
        [(a["id"], "test", i, s, 1.0 - i / 10, i == 0) for a in articles
         for i, s in enumerate(a["body"])],
    )  # fmt: skip
    bulk_insert(con, "entities", ["article_id", "name", "type", "count"],
                [(a["id"], *e) for a in articles for e in a.get("entities", [])])  # fmt: skip
    rows = [(a["id"], a["focus"], 2.0, 3, True) for a in articles if a.get("focus")]
    rows += [(a["id"], c, 0.5, 1, False) for a in articles for c in a.get("others", [])]
    bulk_insert(con, "article_countries", ["article_id", "iso2", "score", "mentions", "is_focus"],
                rows)  # fmt: skip
    add_entity_aggregates(con, [a["id"] for a in articles])  # the views read these
