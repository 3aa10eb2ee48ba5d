"""User text reaches Cypher only as parameters: injection attempts leave the graph exactly as it was.

The engine here runs over a *writable* store, so nothing but parameterisation stands between the
question text and the graph (the read-only guard of Engine.open is not what is being tested).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from shopgraph.kg.store import cypher_read as cr
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.qa.conversation import Conversation
from shopgraph.qa.engine import Engine
from tests.qa.conftest import build_store

INJECTIONS = [
    "'}) DETACH DELETE n //",
    "}) DETACH DELETE n //",
    "what is it made of?'}) MATCH (n) DETACH DELETE n //",
    'boots" OR 1=1 }) DETACH DELETE n //',
    "`Product`) DETACH DELETE n //",
    "black boots under $80 from Timberland'); MATCH (p:Product) SET p.price = 0 //",
    "does this case fit the iPhone 13`}) MATCH (n) DELETE n RETURN 1 //?",
    "which is lighter, the iPhone 13' OR '1'='1 or the Galaxy S22}) CREATE (x:Product {id: 'evil'}) //?",
    "how many brands of running shoes'}) MERGE (b:Brand {key: 'pwned'}) //",
    "cheapest ` ` ` \\' \\\" $price_max {} () [] ; -- /* */",
    "CALL DROP_FTS_INDEX('Product', 'product_fts')",
    "' UNION ALL MATCH (n) DETACH DELETE n RETURN 1 AS product_id //",
]


def dump(store: EmbeddedStore) -> dict[str, Any]:
    """Counts and every node and edge, in a stable order."""
    ids = [r["id"] for r in store.query(cr.EXPORT_PRODUCTS, {"after": "", "limit": 10_000})]
    sources = ["catalog", "extracted"]
    return {
        "counts": store.counts(),
        "products": store.query(cr.EXPORT_PRODUCTS, {"after": "", "limit": 10_000}),
        "brands": store.query(cr.EXPORT_BRANDS, {"ids": ids, "sources": sources}),
        "categories": store.query(cr.EXPORT_CATEGORIES, {"ids": ids, "sources": sources}),
        "values": store.query(cr.EXPORT_VALUES, {"ids": ids, "sources": sources}),
        "lexicon": sorted(map(str, store.query(cr.QA_VALUES))),
        "relations": {rel: store.query(cr.export_relations(rel), {"ids": ids, "sources": sources})
                      for rel in ("COMPATIBLE_WITH", "ACCESSORY_FOR")},
    }


@pytest.fixture
def writable(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(build_store(tmp_path / "graph.kuzu"))
    yield store
    store.close()


def test_engine_injection_strings_leave_graph_unchanged(writable: EmbeddedStore) -> None:
    before = dump(writable)
    assert before["counts"]["nodes"]["Product"] > 10
    engine = Engine(writable)
    for text in INJECTIONS:
        for product in (None, "case-spigen-13", "'}) DETACH DELETE n //"):
            answer = engine.answer(text, product=product)
            assert answer.answer  # answered (often "I don't know"), never an engine error
            assert all("DELETE" not in q and "CREATE" not in q and "MERGE" not in q and " SET " not in q
                       for q in answer.cypher)
    chat = Conversation(engine)
    for text in INJECTIONS:
        chat.ask(text)
    assert dump(writable) == before


def test_engine_injection_text_is_only_a_parameter(writable: EmbeddedStore) -> None:
    """The query texts an answer ran come from cypher_read alone; the question shows up in none of them."""
    engine = Engine(writable)
    text = "black boots from Timberland'}) DETACH DELETE n //"
    answer = engine.answer(text)
    assert answer.cypher
    for query in answer.cypher:
        assert "Timberland" not in query and "DETACH" not in query and "//" not in query
