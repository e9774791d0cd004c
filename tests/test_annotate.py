"""annotate_articles runs stage by stage over a batch; each article still gets its own results."""

from __future__ import annotations

from newsdigest.models import Article
from tasks.annotate import annotate_articles, annotate_record

BATCH = [
    Article(
        title="Harbour strike ends in Gdansk",
        body=[
            "Dock workers in Gdansk, Poland, returned to work on Friday after a two-week strike.",
            "The Polish port authority said ships would be unloaded by Sunday.",
            "Union leader Marta Kowalczyk said the deal raised night-shift pay.",
        ],
        layout="A",
    ),
    Article(
        title="Kenya opens new rail link",
        body=[
            "Kenya opened a rail link between Nairobi and the town of Naivasha on Tuesday.",
            "President William Otieno said the line would cut freight costs for farmers.",
        ],
        layout="B",
        dateline="NAIROBI",
    ),
    Article(
        title="Chile copper output rises",
        body=[
            "Copper output in Chile rose 4 percent in March, the mining ministry in Santiago said.",
            "Codelco, the state miner, said its Andina mine ran at full capacity.",
        ],
        layout="A",
    ),
]


def test_a_batch_gives_each_article_what_it_gets_alone() -> None:
    together = annotate_articles(BATCH)
    alone = {a.article_id: annotate_articles([a])[a.article_id] for a in BATCH}
    assert together == alone
    assert [together[a.article_id].countries.focus for a in BATCH] == ["PL", "KE", "CL"]


def test_without_spans_the_counts_stay() -> None:
    with_spans = annotate_articles(BATCH)
    counts_only = annotate_articles(BATCH, spans=False)
    for a in BATCH:
        assert counts_only[a.article_id].entities == []
        assert with_spans[a.article_id].entities
        assert counts_only[a.article_id].entity_counts == with_spans[a.article_id].entity_counts


def test_a_record_with_fields_of_the_wrong_type_still_annotates() -> None:
    out = annotate_record({"id": 3, "title": None, "dateline": 5, "text": "Ministers met in Oslo."})
    assert out["id"] == 3 and out["focus_country"] == "NO"
    empty = annotate_record({"id": 4, "text": 12})
    assert empty["summary"] == [] and empty["focus_country"] is None and empty["entities"] == []
