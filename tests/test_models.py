"""Article ids: stable, memoised, and never stale after the content changes."""

import pickle

from newsdigest.models import Article


def _article() -> Article:
    return Article(title="Rain in Lagos", body=["Floods shut roads.", "Schools shut."], layout="A")


def test_id_follows_content_changes_after_memo():
    a = _article()
    first = a.article_id
    a.body.append("A third paragraph was added later.")
    assert a.article_id != first
    a.body.pop()
    assert a.article_id == first
    a.title = "Rain in Accra"
    assert a.article_id != first


def test_id_independent_of_position_and_survives_pickle():
    a, b = _article(), _article()
    b.position = 7
    assert a.article_id == b.article_id
    clone = pickle.loads(pickle.dumps(a))
    assert clone.article_id == a.article_id and clone == a
