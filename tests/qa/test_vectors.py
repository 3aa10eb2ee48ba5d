"""Vector retrieval: a graph built with `--embed` (real MiniLM embeddings) answers free-text searches
through the store's vector index when nothing in the question links to a brand, category or value."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import read_catalog
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.qa.engine import Engine
from tests.qa.conftest import QA_CATALOG

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from shopgraph.extraction.pipeline import load_extractor

    path = tmp_path_factory.mktemp("vectors") / "graph.kuzu"
    store = EmbeddedStore(path)
    try:
        build_graph(read_catalog(QA_CATALOG), store, extractor=load_extractor(None, embed=True))
    finally:
        store.close()
    return path


def test_engine_uses_vectors_for_free_text(embedded_graph: Path) -> None:
    with Engine.open(str(embedded_graph)) as engine:
        assert engine.embedder is not None
        answer = engine.answer("I am looking for a present for someone who jogs every morning")
    assert answer.intent == "search"
    assert answer.products[0].id.startswith("run-")
    assert all(f.product_id in {p.id for p in answer.products} for f in answer.facts)


def test_engine_can_skip_vectors(embedded_graph: Path) -> None:
    with Engine.open(str(embedded_graph), embed=False) as engine:
        assert engine.embedder is None
        answer = engine.answer("what is it made of?", product="case-spigen-13")
    assert "polycarbonate" in answer.answer
