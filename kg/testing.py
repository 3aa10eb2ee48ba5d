"""The store conformance suite: the behaviour every GraphStore backend must have.

A backend's test module subclasses `StoreContract` and overrides one fixture, ``store_factory``:
a callable ``(read_only: bool) -> GraphStore`` that opens a store over the same, initially empty,
database each time it is called::

    class TestEmbeddedStore(StoreContract):
        @pytest.fixture
        def store_factory(self, tmp_path):
            return lambda read_only: EmbeddedStore(tmp_path / "graph.kuzu", read_only=read_only)

Every test writes real data through `kg.build.BatchWriter`, so the rows are the ones a build
writes. Stores a test opens are closed after it; a test closes the writable store before it
opens a read-only one, as the embedded engine wants a single writer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from shopgraph.kg.build import BatchWriter
from shopgraph.kg.catalog import Product
from shopgraph.kg.errors import QueryError, ReadOnlyError
from shopgraph.kg.schema import (
    BRAND,
    CATEGORY,
    EMBED_DIM,
    HAS_BRAND,
    HAS_VALUE,
    IN_CATEGORY,
    NODES,
    PRODUCT,
    RELS,
    SUBCATEGORY_OF,
    VALUE,
    ProductRelation,
    Source,
    edge_row,
)
from shopgraph.kg.store import cypher_read as cr
from shopgraph.kg.store.protocol import GraphBatch, GraphStore

StoreFactory = Callable[[bool], GraphStore]

CATALOG = "catalog.jsonl"


def sample_products() -> list[Product]:
    """Three products: two share a brand (spelt two ways) and a colour; one relates to a product not in the dump."""
    return [
        Product(
            id="bottle-1",
            title="Trailblazer Steel Water Bottle 750 ml",
            description="Double-wall insulated steel bottle that keeps drinks cold for 24 hours.",
            bullets=["Leak-proof lid", "BPA free"],
            brand="Acme",
            category=["Sports", "Hydration"],
            price=24.5,
            currency="USD",
            attributes={"Color": ["Red"], "Capacity": ["750 ml"]},
            catalog=CATALOG,
            line=1,
        ),
        Product(
            id="brush-2",
            title="Acme Bottle Cleaning Brush",
            brand="ACME.",
            category=["Sports", "Hydration"],
            price=6.0,
            attributes={"Color": ["red"]},
            related=[(ProductRelation.ACCESSORY_FOR, "bottle-1")],
            catalog=CATALOG,
            line=2,
        ),
        Product(
            id="socks-3",
            title="Northpeak Merino Wool Hiking Socks",
            brand="Northpeak",
            category=["Sports", "Clothing"],
            attributes={"Material": ["Merino wool"], "Size": ["M", "L"]},
            related=[(ProductRelation.BOUGHT_TOGETHER, "boots-9")],
            catalog=CATALOG,
            line=3,
        ),
    ]


# What sample_products() gives, worked out by hand: "Acme"/"ACME." are one brand, "Red"/"red" one value,
# "boots-9" a placeholder product, and the two category paths share their "Sports" root.
SAMPLE_NODES = {PRODUCT: 4, BRAND: 2, CATEGORY: 3, VALUE: 5}
SAMPLE_RELS = {
    HAS_BRAND: 3,
    IN_CATEGORY: 3,
    HAS_VALUE: 6,
    SUBCATEGORY_OF: 2,
    ProductRelation.ACCESSORY_FOR.value: 1,
    ProductRelation.BOUGHT_TOGETHER.value: 1,
}
SAMPLE_CATALOG_EDGES = sum(n for rel, n in SAMPLE_RELS.items() if rel != SUBCATEGORY_OF)


def expected_counts(nodes: dict[str, int], rels: dict[str, int]) -> dict[str, dict[str, int]]:
    """Every label and type of the schema, zero unless given."""
    return {
        "nodes": {label: nodes.get(label, 0) for label in NODES},
        "relationships": {name: rels.get(name, 0) for name in RELS},
    }


def product(pid: str, **changes: Any) -> Product:
    """One of the sample products with some fields changed."""
    base = next(p for p in sample_products() if p.id == pid)
    for name, value in changes.items():
        setattr(base, name, value)
    return base


def batch_of(products: Sequence[Product], embeddings: dict[str, list[float]] | None = None) -> GraphBatch:
    """The batch a build writes for ``products`` (a fresh writer each time, as a new build has)."""
    batch = BatchWriter().batch(list(products))
    for row in batch.nodes.get(PRODUCT, []):
        if embeddings and row["id"] in embeddings:
            row["embedding"] = embeddings[row["id"]]
    return batch


def unit(*weights: tuple[int, float]) -> list[float]:
    """An EMBED_DIM vector with the given (dimension, weight) entries, scaled to length 1."""
    vec = [0.0] * EMBED_DIM
    for dim, weight in weights:
        vec[dim] = weight
    norm = math.sqrt(sum(v * v for v in vec))
    return [v / norm for v in vec]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


# Read-only queries the suite uses to look at the graph; valid in both Kùzu and Neo4j.
PRODUCTS = "MATCH (p:Product) RETURN p.id AS id, p.title AS title, p.price AS price ORDER BY id"
FACTS = {
    HAS_BRAND: "MATCH (p:Product)-[r:HAS_BRAND]->(b:Brand) RETURN p.id AS pid, b.key AS okey, r.source AS src ORDER BY pid, okey",
    IN_CATEGORY: "MATCH (p:Product)-[r:IN_CATEGORY]->(c:Category) RETURN p.id AS pid, c.key AS okey, r.source AS src ORDER BY pid, okey",
    HAS_VALUE: "MATCH (p:Product)-[r:HAS_VALUE]->(v:AttributeValue) RETURN p.id AS pid, v.key AS okey, r.source AS src ORDER BY pid, okey",
}


def facts(store: GraphStore, rel: str, pid: str | None = None) -> list[tuple[str, str]]:
    """(product id, target key) pairs of one fact type, optionally for one product."""
    return [(r["pid"], r["okey"]) for r in store.query(FACTS[rel]) if pid is None or r["pid"] == pid]


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Enough of the graph to tell whether anything changed."""
    return {
        "counts": store.counts(),
        "products": store.query(PRODUCTS),
        **{rel: store.query(text) for rel, text in FACTS.items()},
        "brands": store.query("MATCH (b:Brand) RETURN b.key AS key, b.name AS name ORDER BY key"),
    }


# Writes a read-only store must refuse: both dialects' forms, upper and lower case, write procedures.
WRITES = [
    "CREATE (b:Brand {key: 'intruder', name: 'Intruder'})",
    "MERGE (b:Brand {key: 'intruder'})",
    "MATCH (p:Product) SET p.title = 'changed'",
    "MATCH (p:Product) DETACH DELETE p",
    "MATCH ()-[r:HAS_BRAND]->() DELETE r",
    "match (b:Brand) detach delete b",
    "MATCH (p:Product) WHERE p.title = '// not a comment' DETACH DELETE p",
    "MATCH (p:Product) REMOVE p.title",
    "DROP TABLE HAS_BRAND",
    "DROP CONSTRAINT product_id",
    "CALL CREATE_FTS_INDEX('Brand', 'intruder_fts', ['name'])",
    "CALL DROP_FTS_INDEX('Product', 'product_fts')",
    "MATCH (p:Product) CALL db.create.setNodeVectorProperty(p, 'embedding', [1.0]) RETURN p.id",
]

# Text that would change the graph if it were pasted into a query instead of passed as a parameter.
INJECTIONS = [
    "x' OR 1=1 //",
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "`Product`) DETACH DELETE n //",
    "\\'; MATCH (n) DETACH DELETE n; //",
    "bottle\" OR \"1\"=\"1",
]

BAD_QUERIES = [
    "MATCH (p:Product RETURN p",
    "RETURN FROM WHERE",
    "MATCH (p:Product) RETURN p.id AS id ORDER BY",
]


class StoreContract:
    """Behaviour every store backend must have; subclasses override ``store_factory``."""

    @pytest.fixture
    def store_factory(self) -> StoreFactory:
        raise NotImplementedError("a StoreContract subclass overrides the store_factory fixture")

    @pytest.fixture
    def open_store(self, store_factory: StoreFactory) -> Iterator[StoreFactory]:
        """Opens stores over the test's database and closes every one of them afterwards."""
        opened: list[GraphStore] = []

        def open_(read_only: bool = False) -> GraphStore:
            store = store_factory(read_only)
            opened.append(store)
            return store

        yield open_
        for store in reversed(opened):
            store.close()

    @pytest.fixture
    def store(self, open_store: StoreFactory) -> GraphStore:
        store = open_store(False)
        store.ensure_schema()
        return store

    @pytest.fixture
    def filled(self, store: GraphStore) -> GraphStore:
        """The store with the sample products written."""
        store.upsert(batch_of(sample_products()))
        return store

    @pytest.fixture
    def indexed(self, filled: GraphStore) -> GraphStore:
        """The filled store with its full-text and vector indexes brought up to date."""
        filled.refresh_indexes()
        return filled

    def reopen_read_only(self, store: GraphStore, open_store: StoreFactory) -> GraphStore:
        store.close()
        return open_store(True)

    # ------------------------------------------------------------------ schema and counts

    def test_store_read_caps_rows_and_says_more_were_left(self, filled: GraphStore) -> None:
        columns, rows, truncated = filled.read("MATCH (p:Product) RETURN p.id AS id ORDER BY id", max_rows=2,
                                               timeout_s=30)
        assert columns == ["id"] and len(rows) == 2 and truncated
        _, everything, more = filled.read("MATCH (p:Product) RETURN p.id AS id ORDER BY id", max_rows=10_000,
                                          timeout_s=30)
        assert [r[0] for r in everything[:2]] == [r[0] for r in rows] and not more

    def test_store_read_refuses_writes(self, filled: GraphStore) -> None:
        before = filled.counts()
        with pytest.raises(ReadOnlyError):
            filled.read("MATCH (p:Product) DETACH DELETE p", max_rows=10, timeout_s=30)
        assert filled.counts() == before

    def test_store_location_opens_the_same_store(self, filled: GraphStore) -> None:
        assert isinstance(filled.location, str) and filled.location

    def test_store_counts_lists_every_label_and_type(self, store: GraphStore) -> None:
        assert store.counts() == expected_counts({}, {})

    def test_store_ensure_schema_is_idempotent(self, store: GraphStore, open_store: StoreFactory) -> None:
        store.ensure_schema()
        store.upsert(batch_of(sample_products()))
        store.ensure_schema()
        before = snapshot(store)
        store.close()
        again = open_store(False)
        again.ensure_schema()
        again.ensure_schema()
        assert snapshot(again) == before
        assert again.counts() == expected_counts(SAMPLE_NODES, SAMPLE_RELS)

    # ------------------------------------------------------------------ upsert

    def test_store_upsert_gives_expected_counts(self, store: GraphStore) -> None:
        stats = store.upsert(batch_of(sample_products()))
        assert store.counts() == expected_counts(SAMPLE_NODES, SAMPLE_RELS)
        assert stats.edges[HAS_VALUE] == SAMPLE_RELS[HAS_VALUE]
        assert stats.edges_deleted == 0

    def test_store_upsert_writes_properties(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        rows = store.query(
            "MATCH (p:Product) WHERE p.id = $id RETURN p.title AS title, p.price AS price, "
            "p.currency AS currency, p.bullets AS bullets, p.catalog AS catalog",
            {"id": "bottle-1"},
        )
        assert rows == [{
            "title": "Trailblazer Steel Water Bottle 750 ml", "price": 24.5, "currency": "USD",
            "bullets": ["Leak-proof lid", "BPA free"], "catalog": CATALOG,
        }]
        brands = store.query("MATCH (b:Brand) RETURN b.key AS key, b.name AS name ORDER BY key")
        assert brands == [{"key": "acme", "name": "Acme"}, {"key": "northpeak", "name": "Northpeak"}]
        edge = store.query(
            "MATCH (p:Product)-[r:HAS_VALUE]->(v:AttributeValue) WHERE p.id = $id AND v.attribute = $attr "
            "RETURN r.source AS source, r.catalog AS catalog, r.field AS field, r.surface AS surface, "
            "r.confidence AS confidence, v.normalized AS normalized, v.number AS number, v.unit AS unit",
            {"id": "bottle-1", "attr": "capacity"},
        )
        assert edge == [{
            "source": "catalog", "catalog": CATALOG, "field": "attributes", "surface": "750 ml",
            "confidence": 1.0, "normalized": "750 ml", "number": 750.0, "unit": "ml",
        }]

    def test_store_upsert_twice_is_idempotent(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        first = snapshot(store)
        stats = store.upsert(batch_of(sample_products()))
        assert snapshot(store) == first
        assert first["counts"] == expected_counts(SAMPLE_NODES, SAMPLE_RELS)
        assert stats.edges_deleted == SAMPLE_CATALOG_EDGES

    def test_store_upsert_replaces_stale_edges(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        changed = product(
            "bottle-1", title="Trailblazer Steel Water Bottle 1 l", brand="Zenith",
            category=["Sports", "Camping"], attributes={"Color": ["Blue"], "Capacity": ["1 l"]},
        )
        store.upsert(batch_of([changed]))
        assert facts(store, HAS_VALUE, "bottle-1") == [("bottle-1", "capacity=1 l"), ("bottle-1", "color=blue")]
        assert facts(store, HAS_BRAND, "bottle-1") == [("bottle-1", "zenith")]
        assert facts(store, IN_CATEGORY, "bottle-1") == [("bottle-1", "sports > camping")]
        titles = {r["id"]: r["title"] for r in store.query(PRODUCTS)}
        assert titles["bottle-1"] == "Trailblazer Steel Water Bottle 1 l"
        # the other products keep theirs
        assert facts(store, HAS_VALUE, "brush-2") == [("brush-2", "color=red")]
        assert len(facts(store, HAS_VALUE, "socks-3")) == 3

    def test_store_upsert_replaces_only_the_named_source(self, store: GraphStore) -> None:
        batch = batch_of(sample_products())
        batch.add_node(VALUE, {"key": "pattern=striped", "attribute": "pattern", "value": "striped",
                               "normalized": "striped", "number": None, "unit": None})
        batch.add_edge(HAS_VALUE, edge_row(
            HAS_VALUE, **{"from": "socks-3", "to": "pattern=striped"}, attribute="pattern", surface="striped",
            source=Source.EXTRACTED.value, catalog=CATALOG, field="title", start_char=0, end_char=7,
            model="tagger", model_version="1", confidence=0.9))
        batch.replace[Source.EXTRACTED] = ["socks-3"]
        store.upsert(batch)
        store.upsert(batch_of(sample_products()))  # a catalog-only rebuild keeps extracted facts
        rows = store.query(FACTS[HAS_VALUE])
        assert {"pid": "socks-3", "okey": "pattern=striped", "src": "extracted"} in rows
        extracted_only = GraphBatch(replace={Source.EXTRACTED: ["socks-3"]})
        stats = store.upsert(extracted_only)  # replacing extracted facts with none removes them
        assert stats.edges_deleted == 1
        assert ("socks-3", "pattern=striped") not in facts(store, HAS_VALUE)
        assert store.counts()["relationships"][HAS_VALUE] == SAMPLE_RELS[HAS_VALUE]

    @pytest.mark.parametrize("order", ["real-then-placeholder", "placeholder-then-real"])
    def test_store_placeholder_never_overwrites_product(self, store: GraphStore, order: str) -> None:
        bottle, brush = product("bottle-1"), product("brush-2")  # brush-2 points at bottle-1
        batches = [batch_of([bottle]), batch_of([brush])]
        placeholder = [r for r in batches[1].nodes[PRODUCT] if r.get("title") is None]
        assert [r["id"] for r in placeholder] == ["bottle-1"]
        for batch in batches if order == "real-then-placeholder" else reversed(batches):
            store.upsert(batch)
        rows = store.query("MATCH (p:Product) WHERE p.id = $id RETURN p.title AS title, p.price AS price",
                           {"id": "bottle-1"})
        assert rows == [{"title": bottle.title, "price": bottle.price}]
        assert store.counts()["nodes"][PRODUCT] == 2
        assert facts(store, HAS_VALUE, "bottle-1") == [("bottle-1", "capacity=750 ml"), ("bottle-1", "color=red")]

    def test_store_upsert_failure_writes_nothing(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        before = snapshot(store)
        batch = batch_of([product("bottle-1", title="Changed title", attributes={"Color": ["Green"]})])
        batch.add_edge(HAS_BRAND, edge_row(HAS_BRAND, **{"from": "bottle-1", "to": "no-such-brand"},
                                           source="catalog", catalog=CATALOG, field="brand", confidence=1.0))
        with pytest.raises(QueryError):
            store.upsert(batch)
        assert snapshot(store) == before

    # ------------------------------------------------------------------ query

    def test_store_query_returns_dicts_and_takes_parameters(self, filled: GraphStore) -> None:
        rows = filled.query("MATCH (p:Product) WHERE p.id = $id RETURN p.title AS title", {"id": "socks-3"})
        assert rows == [{"title": "Northpeak Merino Wool Hiking Socks"}]
        rows = filled.query(
            "MATCH (p:Product) WHERE p.id IN $ids AND p.price >= $min RETURN p.id AS id ORDER BY id",
            {"ids": ["bottle-1", "brush-2", "socks-3"], "min": 10.0},
        )
        assert rows == [{"id": "bottle-1"}]
        assert filled.query("MATCH (p:Product) WHERE p.id = $id RETURN p.id AS id", {"id": "nope"}) == []

    def test_store_qa_price_queries_convert_at_rates(self, filled: GraphStore) -> None:
        # exchange rates (qa.rates) in the QA read queries: each price converted into one currency by a CASE over
        # its currency (none: $default_currency); a product without a price or a rate is left out
        rates = {"default_currency": "EUR", "rate_currency0": "EUR", "rate0": 1.0, "rate_currency1": "USD", "rate1": 0.5}
        found = filled.query(cr.qa_search(cr.FilterShape(price_max=True, rated=2)), {**rates, "price_max": 10.0, "limit": 10})
        assert [r["id"] for r in found] == ["brush-2"]  # (bottle-1: $24.50 is 12.25 EUR)
        order = filled.query(cr.qa_price_order(cr.FilterShape(rated=2), True), {**rates, "limit": 10})
        assert [(r["id"], r["amount"]) for r in order] == [("bottle-1", 12.25), ("brush-2", 6.0)]
        stats = filled.query(cr.qa_price_stats(cr.FilterShape(rated=1)),
                             {"default_currency": "EUR", "rate_currency0": "USD", "rate0": 0.5})
        assert stats[0]["products"] == 1 and stats[0]["average"] == 12.25  # (brush-2 is in EUR: no rate here)

    @pytest.mark.parametrize("cypher", BAD_QUERIES)
    def test_store_query_error_carries_engine_message(self, filled: GraphStore, cypher: str) -> None:
        with pytest.raises(QueryError) as caught:
            filled.query(cypher)
        assert not isinstance(caught.value, ReadOnlyError)
        assert caught.value.cypher == cypher
        assert caught.value.message.strip()
        assert caught.value.message in str(caught.value)
        # the store is still usable after a failed query
        assert filled.query("MATCH (p:Product) RETURN count(p) AS n") == [{"n": SAMPLE_NODES[PRODUCT]}]

    # ------------------------------------------------------------------ read-only

    @pytest.mark.parametrize("cypher", WRITES)
    def test_store_read_only_refuses_writes(self, filled: GraphStore, open_store: StoreFactory, cypher: str) -> None:
        before = snapshot(filled)
        ro = self.reopen_read_only(filled, open_store)
        with pytest.raises(ReadOnlyError):
            ro.query(cypher)
        assert snapshot(ro) == before

    def test_store_read_only_refuses_upsert_and_prune(self, filled: GraphStore, open_store: StoreFactory) -> None:
        before = snapshot(filled)
        ro = self.reopen_read_only(filled, open_store)
        assert ro.read_only
        with pytest.raises(ReadOnlyError):
            ro.upsert(batch_of([product("bottle-1", title="Changed")]))
        with pytest.raises(ReadOnlyError):
            ro.prune()
        assert snapshot(ro) == before

    def test_store_read_only_still_reads(self, indexed: GraphStore, open_store: StoreFactory) -> None:
        ro = self.reopen_read_only(indexed, open_store)
        ro.ensure_schema()
        assert ro.counts() == expected_counts(SAMPLE_NODES, SAMPLE_RELS)
        assert ro.query("MATCH (b:Brand) WHERE b.key = $k RETURN b.name AS name", {"k": "acme"}) == [{"name": "Acme"}]
        assert ro.fulltext(PRODUCT, "merino socks", 3)[0][0] == "socks-3"

    # ------------------------------------------------------------------ parameters, never text

    @pytest.mark.parametrize("text", INJECTIONS)
    def test_store_parameters_do_not_inject(self, filled: GraphStore, text: str) -> None:
        before = snapshot(filled)
        assert filled.query("MATCH (p:Product) WHERE p.title = $t RETURN p.id AS id", {"t": text}) == []
        assert filled.query("MATCH (b:Brand) WHERE b.key = $t OR b.name = $t RETURN b.key AS key", {"t": text}) == []
        assert snapshot(filled) == before

    def test_store_fulltext_takes_text_as_data(self, indexed: GraphStore) -> None:
        before = snapshot(indexed)
        for text in INJECTIONS:
            for label in NODES:
                hits = indexed.fulltext(label, text, 5)
                assert all(isinstance(key, str) for key, _ in hits), (label, text)
        # words inside the odd text still count as words
        assert indexed.fulltext(PRODUCT, 'bottle" OR "1"="1', 5)[0][0] in {"bottle-1", "brush-2"}
        assert snapshot(indexed) == before

    @pytest.mark.parametrize("text", INJECTIONS)
    def test_store_values_round_trip_verbatim(self, store: GraphStore, text: str) -> None:
        odd = Product(id=text, title=text, brand=text, description=text, attributes={"Note": [text]},
                      catalog=CATALOG, line=1)
        store.upsert(batch_of([odd]))
        rows = store.query("MATCH (p:Product)-[:HAS_BRAND]->(b:Brand) RETURN p.id AS id, p.title AS title, "
                           "p.description AS description, b.name AS brand")
        assert rows == [{"id": text, "title": text, "description": text, "brand": text}]
        assert store.counts()["nodes"][PRODUCT] == 1

    # ------------------------------------------------------------------ search

    def test_store_fulltext_finds_title_words_best_first(self, indexed: GraphStore) -> None:
        hits = indexed.fulltext(PRODUCT, "steel water bottle", 5)
        keys = [key for key, _ in hits]
        assert keys[0] == "bottle-1"
        assert "socks-3" not in keys
        scores = [score for _, score in hits]
        assert scores == sorted(scores, reverse=True)
        assert all(score > 0 for score in scores)
        assert len(indexed.fulltext(PRODUCT, "bottle", 1)) == 1

    def test_store_fulltext_finds_each_label(self, indexed: GraphStore) -> None:
        cases = [
            (PRODUCT, "merino hiking socks", "socks-3"),
            (PRODUCT, "cleaning brush", "brush-2"),
            (BRAND, "northpeak", "northpeak"),
            (CATEGORY, "hydration", "sports > hydration"),
            (VALUE, "merino", "material=merino wool"),
        ]
        found = {(label, text): [k for k, _ in indexed.fulltext(label, text, 3)][:1] for label, text, _ in cases}
        assert found == {(label, text): [key] for label, text, key in cases}

    def test_store_fulltext_follows_later_writes(self, indexed: GraphStore) -> None:
        indexed.upsert(batch_of([product("bottle-1", title="Copper Camping Mug")]))
        indexed.refresh_indexes()
        assert [k for k, _ in indexed.fulltext(PRODUCT, "copper mug", 3)][:1] == ["bottle-1"]
        assert "bottle-1" not in [k for k, _ in indexed.fulltext(PRODUCT, "trailblazer", 3)]

    def test_store_fulltext_survives_rewriting_indexed_products(self, indexed: GraphStore) -> None:
        # several indexed rows rewritten in one batch (this crashed Kùzu 0.11.3 while its index was live)
        changed = [product("bottle-1", title="Copper Camping Mug"), product("brush-2"), product("socks-3")]
        indexed.upsert(batch_of(changed))
        indexed.refresh_indexes()
        assert indexed.counts() == expected_counts(SAMPLE_NODES, SAMPLE_RELS)
        assert [k for k, _ in indexed.fulltext(PRODUCT, "copper mug", 3)][:1] == ["bottle-1"]
        assert [k for k, _ in indexed.fulltext(BRAND, "northpeak", 3)] == ["northpeak"]

    def test_store_fulltext_without_words_is_empty(self, indexed: GraphStore) -> None:
        assert indexed.fulltext(PRODUCT, "   ", 5) == []

    def test_store_fulltext_refuses_unknown_label(self, filled: GraphStore) -> None:
        with pytest.raises(ValueError, match="unknown node label"):
            filled.fulltext("Product) DETACH DELETE n //", "bottle", 5)

    def test_store_nearest_returns_closest_first(self, store: GraphStore) -> None:
        vectors = {"bottle-1": unit((0, 1.0)), "brush-2": unit((0, 1.0), (1, 1.0)), "socks-3": unit((1, 1.0))}
        store.upsert(batch_of(sample_products(), vectors))
        store.refresh_indexes()
        query = unit((0, 0.9), (1, 0.1), (7, 0.05))
        hits = store.nearest(PRODUCT, query, 3)
        assert [key for key, _ in hits] == ["bottle-1", "brush-2", "socks-3"]
        for key, score in hits:
            assert score == pytest.approx(cosine(query, vectors[key]), abs=1e-3)
        assert [key for key, _ in store.nearest(PRODUCT, unit((1, 1.0)), 1)] == ["socks-3"]

    def test_store_nearest_follows_new_embeddings(self, store: GraphStore) -> None:
        first = {"bottle-1": unit((0, 1.0)), "socks-3": unit((1, 1.0))}
        store.upsert(batch_of(sample_products(), first))
        store.refresh_indexes()
        assert store.nearest(PRODUCT, unit((0, 1.0)), 1)[0][0] == "bottle-1"
        swapped = {"bottle-1": unit((1, 1.0)), "socks-3": unit((0, 1.0))}
        store.upsert(batch_of([product("bottle-1"), product("socks-3")], swapped))
        store.refresh_indexes()
        assert store.nearest(PRODUCT, unit((0, 1.0)), 1)[0][0] == "socks-3"

    def test_store_nearest_refuses_label_without_embeddings(self, filled: GraphStore) -> None:
        with pytest.raises(QueryError):
            filled.nearest(BRAND, unit((0, 1.0)), 3)

    # ------------------------------------------------------------------ prune

    def test_store_prune_deletes_orphans(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        assert store.prune() == 0
        # socks-3 moves to the Acme brand and size S: brand northpeak and values size=m, size=l lose their last product
        store.upsert(batch_of([product("socks-3", brand="Acme", attributes={"Material": ["Merino wool"], "Size": ["S"]})]))
        assert store.counts()["nodes"][BRAND] == 2
        assert store.prune() == 3
        assert store.query("MATCH (b:Brand) RETURN b.key AS key") == [{"key": "acme"}]
        values = store.query("MATCH (v:AttributeValue) RETURN v.key AS key ORDER BY key")
        assert [r["key"] for r in values] == ["capacity=750 ml", "color=red", "material=merino wool", "size=s"]
        assert store.counts()["nodes"][PRODUCT] == SAMPLE_NODES[PRODUCT]  # boots-9 is still a relation's target
        assert store.prune() == 0

    def test_store_prune_deletes_unused_categories_and_placeholders(self, store: GraphStore) -> None:
        store.upsert(batch_of(sample_products()))
        # socks-3 drops its relation to the placeholder boots-9 and moves out of Sports > Clothing
        store.upsert(batch_of([product("socks-3", related=[], category=["Sports", "Hydration"])]))
        assert store.prune() == 2
        ids = [r["id"] for r in store.query(PRODUCTS)]
        assert ids == ["bottle-1", "brush-2", "socks-3"]  # real products stay, pointed at or not
        categories = store.query("MATCH (c:Category) RETURN c.key AS key ORDER BY key")
        assert [r["key"] for r in categories] == ["sports", "sports > hydration"]
        assert store.counts()["relationships"][SUBCATEGORY_OF] == 1
