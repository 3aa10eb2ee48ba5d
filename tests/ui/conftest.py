"""A real graph for the app's tests: tests/ui/shop.jsonl built into Kùzu, with extracted facts.

The extracted facts come from a small rule-based extractor (it implements kg.build.Extractor for real:
"made of X" in a description becomes a material fact with character offsets), so the catalog-vs-extracted
views have both kinds without needing a trained tagger.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from shopgraph.kg.build import ExtractedValue, Extraction, build_graph
from shopgraph.kg.catalog import Product, read_catalog
from shopgraph.kg.store import GraphStore, open_store

CATALOG = Path(__file__).parent / "shop.jsonl"
MADE_OF = re.compile(r"made of (?:premium |engineered )?([a-z]+)")
WATERPROOF = re.compile(r"\bwaterproof\b", re.IGNORECASE)


class MadeOfExtractor:
    """Material from "made of X" and the waterproof feature from the title, with offsets."""

    name = "made-of-rules"
    version = "1"

    def extract(self, products: Sequence[Product]) -> list[Extraction]:
        out = []
        for p in products:
            values = []
            for m in MADE_OF.finditer(p.description or ""):
                values.append(ExtractedValue("material", m.group(1), "description", m.start(1), m.end(1), 0.87))
            for m in WATERPROOF.finditer(p.title):
                values.append(ExtractedValue("feature", m.group(0), "title", m.start(), m.end(), 0.66))
            out.append(Extraction(values=values))
        return out


@pytest.fixture(scope="session")
def shop_catalog() -> Path:
    return CATALOG


@pytest.fixture(scope="session")
def shop_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the built fixture graph (read it with open_store(path, read_only=True))."""
    path = tmp_path_factory.mktemp("ui") / "shop.kuzu"
    store = open_store(path)
    try:
        build_shop(store)
    finally:
        store.close()
    return path


def build_shop(store: GraphStore) -> None:
    """tests/ui/shop.jsonl with the made-of rules into ``store``."""
    build_graph(read_catalog(CATALOG), store, extractor=MadeOfExtractor())


@pytest.fixture(scope="session")
def shop_builder() -> Callable[[GraphStore], None]:
    """build_shop, for the tests that build the same graph into another store (Neo4j)."""
    return build_shop


@pytest.fixture(scope="session")
def shop_store(shop_graph: Path) -> Iterator[GraphStore]:
    store = open_store(shop_graph, read_only=True)
    yield store
    store.close()
