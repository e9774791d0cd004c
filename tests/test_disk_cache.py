"""Versioned disk cache: built once, loaded after, rebuilt on any change or damage."""

from __future__ import annotations

import pytest

from tasks import disk_cache


@pytest.fixture
def cache_env(tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.setenv("NEWSDIGEST_CACHE", str(tmp_path))
    disk_cache.fingerprint.cache_clear()
    yield tmp_path
    disk_cache.fingerprint.cache_clear()


def _counting_builder(calls: list) -> object:
    def build() -> dict:
        calls.append(1)
        return {("new", "york"): ("US", 8.4)}

    return build


def test_built_once_then_loaded(cache_env) -> None:  # noqa: ANN001
    calls: list = []
    first = disk_cache.load_or_build("t", _counting_builder(calls))
    second = disk_cache.load_or_build("t", _counting_builder(calls))
    assert first == second == {("new", "york"): ("US", 8.4)}
    assert len(calls) == 1
    assert [p.name.split("-")[0] for p in cache_env.glob("*.pickle")] == ["t"]


def test_damaged_file_is_rebuilt(cache_env) -> None:  # noqa: ANN001
    calls: list = []
    disk_cache.load_or_build("t", _counting_builder(calls))
    (path,) = cache_env.glob("t-*.pickle")
    path.write_bytes(b"\x80\x05truncated")
    assert disk_cache.load_or_build("t", _counting_builder(calls)) == {("new", "york"): ("US", 8.4)}
    assert len(calls) == 2


def test_new_package_version_changes_the_key_and_prunes_the_old_file(cache_env, monkeypatch):  # noqa: ANN001
    calls: list = []
    disk_cache.load_or_build("t", _counting_builder(calls))
    old = {p.name for p in cache_env.glob("*.pickle")}
    monkeypatch.setattr(disk_cache, "version", lambda pkg: "999.0")
    disk_cache.fingerprint.cache_clear()
    disk_cache.load_or_build("t", _counting_builder(calls))
    new = {p.name for p in cache_env.glob("*.pickle")}
    assert len(calls) == 2 and len(new) == 1 and new != old


def test_off_always_builds(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("NEWSDIGEST_CACHE", "off")
    calls: list = []
    disk_cache.load_or_build("t", _counting_builder(calls))
    disk_cache.load_or_build("t", _counting_builder(calls))
    assert len(calls) == 2


def test_cached_gazetteer_equals_a_fresh_build(cache_env) -> None:  # noqa: ANN001
    from tasks import gazetteer

    built = gazetteer._build()
    disk_cache.load_or_build("gazetteer", gazetteer._build)  # writes
    assert disk_cache.load_or_build("gazetteer", lambda: {}) == built  # reads what was written


def test_every_tasks_module_a_cached_builder_imports_is_in_the_key() -> None:
    import ast

    seen: set[str] = set()
    todo = [s for s in disk_cache.SOURCES if s != "disk_cache.py"]
    while todo:
        name = todo.pop()
        seen.add(name)
        tree = ast.parse((disk_cache.TASKS / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tasks."):
                module = node.module.removeprefix("tasks.") + ".py"
                if module not in seen:
                    todo.append(module)
    assert seen <= set(disk_cache.SOURCES)
