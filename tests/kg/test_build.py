"""build_graph on a real embedded Kùzu store: idempotent, incremental, resumable, resolved, with provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shopgraph.kg.build import BatchWriter, OnError, build_graph
from shopgraph.kg.catalog import Rejected, read_catalog, read_catalogs
from shopgraph.kg.errors import CatalogError
from shopgraph.kg.schema import NODES, RELS, VECTOR
from shopgraph.kg.store.embedded import EmbeddedStore

DATA = Path(__file__).parent.parent / "data"
V1, V2 = DATA / "catalog_v1.jsonl", DATA / "catalog_v2.jsonl"


def test_build_twice_in_a_subprocess_survives(tmp_path: Path) -> None:
    """Kùzu 0.11.3 segfaults when products are rewritten under a full-text index; the store drops those
    indexes before writing. A child process keeps a regression from killing the whole test run."""
    where = tmp_path / "graph.kuzu"
    cmd = [sys.executable, "-m", "shopgraph.kg.cli", "build", "--no-extract", str(V1), "--store", str(where)]
    for _ in range(3):
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, (run.returncode, run.stderr)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    handle = EmbeddedStore(tmp_path / "graph.kuzu")
    yield handle
    handle.close()


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    handle = EmbeddedStore(tmp_path / "clean.kuzu")
    yield handle
    handle.close()


def build(store: EmbeddedStore, *paths: Path, **kwargs: Any):
    return build_graph(read_catalogs(paths, errors="yield"), store, **kwargs)


def snapshot(store: EmbeddedStore) -> dict[str, list[tuple]]:
    """Every node with every stored property, every edge with its end keys and properties, sorted."""
    out: dict[str, list[tuple]] = {}
    for label, node in NODES.items():
        props = [p for p, typ in node.properties.items() if typ != VECTOR]
        rows = store.query(f"MATCH (n:{label}) RETURN {', '.join(f'n.{p} AS {p}' for p in props)}")
        out[label] = sorted(tuple(json.dumps(r[p], sort_keys=True) for p in props) for r in rows)
    for name, rel in RELS.items():
        props = list(rel.properties)
        src, dst = NODES[rel.source].key, NODES[rel.target].key
        cols = ", ".join([f"a.{src} AS a", f"b.{dst} AS b", *(f"r.{p} AS {p}" for p in props)])
        rows = store.query(f"MATCH (a:{rel.source})-[r:{name}]->(b:{rel.target}) RETURN {cols}")
        out[name] = sorted(tuple(json.dumps(r[c], sort_keys=True) for c in ["a", "b", *props]) for r in rows)
    return out


def edges(store: EmbeddedStore, rel: str, product: str) -> list[str]:
    dst = NODES[RELS[rel].target]
    rows = store.query(f"MATCH (p:Product {{id: $id}})-[:{rel}]->(x:{dst.label}) RETURN x.{dst.key} AS k", {"id": product})
    return sorted(r["k"] for r in rows)


def keys(store: EmbeddedStore, label: str) -> list[str]:
    key = NODES[label].key
    return sorted(r["k"] for r in store.query(f"MATCH (n:{label}) RETURN n.{key} AS k"))


# ---------------------------------------------------------------------------- idempotence


def test_build_twice_leaves_an_identical_graph(store: EmbeddedStore) -> None:
    first = build(store, V1)
    before, counts = snapshot(store), store.counts()
    second = build(store, V1)
    assert snapshot(store) == before
    assert store.counts() == counts == first.counts == second.counts
    catalog_edges = sum(n for name, n in counts["relationships"].items() if name != "SUBCATEGORY_OF")
    assert second.writes.edges_deleted == catalog_edges  # every catalog fact was replaced, none added twice
    assert (first.read, first.written, first.rejected) == (second.read, second.written, second.rejected) == (8, 8, 0)


def test_build_counts_of_the_v1_fixture(store: EmbeddedStore) -> None:
    report = build(store, V1)
    assert report.counts == {
        "nodes": {"Product": 9, "Brand": 6, "Category": 9, "AttributeValue": 15},
        "relationships": {
            "HAS_BRAND": 8, "IN_CATEGORY": 8, "HAS_VALUE": 20, "SUBCATEGORY_OF": 6,
            "COMPATIBLE_WITH": 3, "ACCESSORY_FOR": 1, "REPLACEMENT_FOR": 0, "INCLUDES": 0,
            "SIMILAR_TO": 2, "BOUGHT_TOGETHER": 1,
        },
    }


def test_build_same_dump_at_different_batch_sizes_has_the_same_facts(store: EmbeddedStore,
                                                                    other_store: EmbeddedStore) -> None:
    build(store, V1, batch_size=1000)
    build(other_store, V1, batch_size=3)
    one, many = snapshot(store), snapshot(other_store)
    # the display form kept on a shared brand or value node is the first seen in the last batch that
    # mentions it ("Samsung" or "SAMSUNG."), so it may differ with the batch size; nothing else does
    for snap in (one, many):
        snap["Brand"] = [key for key, _name in snap["Brand"]]
        snap["AttributeValue"] = [(k, a, n, num, u) for k, a, _v, n, num, u in snap["AttributeValue"]]
    assert one == many


# ---------------------------------------------------------------------------- incremental


def test_build_incremental_update_removes_stale_edges_and_prunes_orphans(store: EmbeddedStore) -> None:
    build(store, V1)
    assert edges(store, "HAS_BRAND", "case-1") == ["spigen"]
    assert edges(store, "ACCESSORY_FOR", "case-1") == ["phone-1"]
    assert edges(store, "COMPATIBLE_WITH", "charger-1") == ["phone-1", "phone-2"]
    assert "material=tpu" in keys(store, "AttributeValue")

    report = build(store, V2)

    assert edges(store, "HAS_BRAND", "case-1") == ["otterbox"]
    assert edges(store, "HAS_VALUE", "case-1") == ["color=blue"]
    assert edges(store, "ACCESSORY_FOR", "case-1") == []
    assert edges(store, "COMPATIBLE_WITH", "case-1") == ["phone-1"]
    assert edges(store, "COMPATIBLE_WITH", "charger-1") == ["phone-2"]
    assert edges(store, "BOUGHT_TOGETHER", "charger-1") == []
    assert edges(store, "HAS_VALUE", "bottle-2") == ["capacity=40 fl oz", "color=pacific"]
    assert "spigen" not in keys(store, "Brand")  # only case-1 had it
    assert "material=tpu" not in keys(store, "AttributeValue")
    assert "capacity=32 fl oz" in keys(store, "AttributeValue")  # bottle-1 still has it
    assert report.pruned == 2
    # the value node is the same ("20W" → "20 W"); the edge keeps the new surface form
    rows = store.query("MATCH (:Product {id: 'charger-1'})-[r:HAS_VALUE]->(v:AttributeValue {key: 'power=20 w'}) "
                       "RETURN r.surface AS surface")
    assert rows == [{"surface": "20 W"}]
    title = store.query("MATCH (p:Product {id: 'case-1'}) RETURN p.title AS t, p.catalog AS c")
    assert title == [{"t": "OtterBox Defender Case for iPhone 13, Blue", "c": "catalog_v2.jsonl"}]


def test_build_incremental_equals_a_clean_build_of_both_dumps(store: EmbeddedStore,
                                                              other_store: EmbeddedStore) -> None:
    build(store, V1)
    build(store, V2)
    build(other_store, V1, V2)  # one run: ids seen again in the second file replace the first
    assert snapshot(store) == snapshot(other_store)


def test_build_duplicate_id_across_files_in_one_batch_keeps_only_the_later(tmp_path: Path,
                                                                           store: EmbeddedStore) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "p1", "title": "Old", "brand": "Acme", "price": 1,
                             "attributes": {"Size": "2 in"}}) + "\n")
    b.write_text(json.dumps({"id": "p1", "title": "New", "brand": "Bolt", "price": 2,
                             "attributes": {"Size": "3 in"}}) + "\n")
    build(store, a, b, batch_size=1000)
    assert edges(store, "HAS_BRAND", "p1") == ["bolt"]
    assert edges(store, "HAS_VALUE", "p1") == ["size=3 in"]
    assert keys(store, "Brand") == ["bolt"]
    assert store.query("MATCH (p:Product) RETURN p.title AS t") == [{"t": "New"}]


# ---------------------------------------------------------------------------- resumable


class Killed(Exception):
    pass


def test_build_killed_midway_then_rerun_equals_a_clean_build(store: EmbeddedStore,
                                                            other_store: EmbeddedStore) -> None:
    calls: list[int] = []

    def die_after_first_batch(n: int) -> None:
        calls.append(n)
        raise Killed

    with pytest.raises(Killed):
        build(store, V1, batch_size=3, progress=die_after_first_batch)
    assert calls == [3]
    assert store.counts()["nodes"]["Product"] == 3  # the first batch only

    build(store, V1, batch_size=3)
    build(other_store, V1, batch_size=3)
    assert snapshot(store) == snapshot(other_store)


def test_build_of_a_truncated_dump_then_the_full_dump_equals_a_clean_build(tmp_path: Path, store: EmbeddedStore,
                                                                          other_store: EmbeddedStore) -> None:
    head = tmp_path / "catalog_v1.jsonl"  # same file name, so provenance matches
    head.write_text("".join(V1.read_text().splitlines(keepends=True)[:5]))
    build(store, head)
    build(store, V1)
    build(other_store, V1)
    assert snapshot(store) == snapshot(other_store)


def test_build_extractor_failure_leaves_the_graph_as_it_was(store: EmbeddedStore, tmp_path: Path) -> None:
    build(store, V1)
    before = snapshot(store)
    bad = tmp_path / "catalog_v1.jsonl"
    bad.write_text(json.dumps({"id": "phone-1", "title": "x", "price": 1, "attributes": {"Storage": "1 GB"}}) + "\n")

    class Broken:
        name, version = "broken", "0"

        def extract(self, products):
            raise Killed

    with pytest.raises(Killed):
        build(store, bad, extractor=Broken())
    assert snapshot(store) == before


# ---------------------------------------------------------------------------- entity resolution


def test_build_brand_spelled_differently_in_two_dumps_is_one_node(tmp_path: Path, store: EmbeddedStore) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "s1", "title": "Galaxy S22", "brand": "Samsung", "price": 799}) + "\n")
    b.write_text(json.dumps({"id": "s2", "title": "Galaxy Tab", "brand": " SAMSUNG.", "price": 329}) + "\n")
    build(store, a)
    build(store, b)
    assert keys(store, "Brand") == ["samsung"]
    rows = store.query("MATCH (p:Product)-[:HAS_BRAND]->(b:Brand) RETURN p.id AS id, b.key AS brand ORDER BY id")
    assert rows == [{"id": "s1", "brand": "samsung"}, {"id": "s2", "brand": "samsung"}]


def test_build_values_with_and_without_a_space_are_one_node(store: EmbeddedStore) -> None:
    build(store, V1)
    rows = store.query(
        "MATCH (p:Product)-[r:HAS_VALUE]->(v:AttributeValue {key: 'storage=128 gb'}) "
        "RETURN p.id AS id, r.surface AS surface, v.normalized AS norm, v.number AS num, v.unit AS unit ORDER BY id")
    assert rows == [
        {"id": "phone-1", "surface": "128GB", "norm": "128 gb", "num": 128.0, "unit": "gb"},
        {"id": "phone-2", "surface": "128 GB", "norm": "128 gb", "num": 128.0, "unit": "gb"},
    ]
    inches = store.query("MATCH (p:Product)-[:HAS_VALUE]->(:AttributeValue {key: 'screen size=6.1 in'}) "
                         "RETURN p.id AS id ORDER BY id")
    assert inches == [{"id": "phone-1"}, {"id": "phone-2"}]  # '6.1"' and "6.1 in", 'Screen Size' and 'screen_size'


def test_build_a_value_listed_twice_is_one_edge(tmp_path: Path, store: EmbeddedStore) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({
        "id": "p1", "title": "Card", "price": 9, "attributes": {"Storage": ["128GB", "128 GB"], "storage": "128gb"},
        "related": [{"type": "similar-to", "id": "p2"}, {"type": "SIMILAR_TO", "id": "p2"}],
    }) + "\n")
    report = build(store, path)
    counts = store.counts()["relationships"]
    assert (counts["HAS_VALUE"], counts["SIMILAR_TO"]) == (1, 1)
    assert report.unusable_values == 0  # a repeat is not an unusable value


def test_build_categories_form_a_hierarchy(store: EmbeddedStore) -> None:
    build(store, V1)
    rows = store.query("MATCH (c:Category {key: 'home and kitchen > drinkware > water bottles'})"
                       "-[:SUBCATEGORY_OF*1..3]->(up:Category) RETURN up.name AS name, up.depth AS depth ORDER BY depth")
    assert rows == [{"name": "Home & Kitchen", "depth": 0}, {"name": "Drinkware", "depth": 1}]
    leaf = store.query("MATCH (c:Category {key: 'home and kitchen > drinkware > water bottles'}) "
                       "RETURN c.path AS path, c.depth AS depth")
    assert leaf == [{"path": "Home & Kitchen > Drinkware > Water Bottles", "depth": 2}]
    assert store.counts()["relationships"]["SUBCATEGORY_OF"] == 6  # each parent link once, however many products


def test_build_placeholder_from_a_related_id_is_filled_in_when_the_product_arrives(store: EmbeddedStore) -> None:
    build(store, V1)
    stub = store.query("MATCH (p:Product {id: 'tablet-9'}) RETURN p.title AS t, p.catalog AS c, p.price AS price")
    assert stub == [{"t": None, "c": None, "price": None}]
    assert edges(store, "SIMILAR_TO", "tablet-1") == ["tablet-9"]
    build(store, V2)
    full = store.query("MATCH (p:Product {id: 'tablet-9'}) RETURN p.title AS t, p.catalog AS c, p.price AS price")
    assert full == [{"t": "Samsung Galaxy Tab A7 Lite 8.7-inch 32GB", "c": "catalog_v2.jsonl", "price": 159.99}]
    assert edges(store, "HAS_BRAND", "tablet-9") == ["samsung"]
    assert edges(store, "SIMILAR_TO", "tablet-1") == ["tablet-9"]  # the edge to the former placeholder stays


def test_build_placeholder_never_overwrites_a_real_product(store: EmbeddedStore, tmp_path: Path) -> None:
    build(store, V1)
    later = tmp_path / "later.jsonl"  # refers to phone-1 again without carrying it
    later.write_text(json.dumps({"id": "film-1", "title": "Screen protector", "price": 9.99,
                                 "related": [{"type": "accessory-for", "id": "phone-1"}]}) + "\n")
    build(store, later)
    rows = store.query("MATCH (p:Product {id: 'phone-1'}) RETURN p.title AS t, p.price AS price")
    assert rows == [{"t": "Apple iPhone 13 128GB Midnight", "price": 699.0}]


# ---------------------------------------------------------------------------- provenance


def test_build_catalog_edges_carry_provenance(store: EmbeddedStore) -> None:
    build(store, V1)
    fields = {"HAS_BRAND": "brand", "IN_CATEGORY": "category", "HAS_VALUE": "attributes",
              "COMPATIBLE_WITH": "related", "ACCESSORY_FOR": "related", "SIMILAR_TO": "related",
              "BOUGHT_TOGETHER": "related"}
    for rel, field in fields.items():
        rows = store.query(
            f"MATCH (:Product)-[r:{rel}]->() RETURN DISTINCT r.source AS source, r.catalog AS catalog, "
            "r.field AS field, r.confidence AS confidence, r.model AS model, r.model_version AS version, "
            "r.start_char AS s, r.end_char AS e")
        assert rows == [{"source": "catalog", "catalog": "catalog_v1.jsonl", "field": field, "confidence": 1.0,
                         "model": None, "version": None, "s": None, "e": None}], rel
    surfaces = store.query("MATCH (:Product {id: 'bottle-1'})-[r:HAS_VALUE]->(v) "
                           "RETURN r.attribute AS a, r.surface AS s, v.key AS k ORDER BY a")
    assert surfaces == [
        {"a": "capacity", "s": "32 fl. oz.", "k": "capacity=32 fl oz"},
        {"a": "color", "s": "Black", "k": "color=black"},
        {"a": "weight", "s": "1.1 lbs", "k": "weight=1.1 lb"},
    ]


# ---------------------------------------------------------------------------- bad rows


def test_build_on_error_fail_stops_with_file_line_reason(store: EmbeddedStore) -> None:
    path = DATA / "catalog_bad.jsonl"
    with pytest.raises(CatalogError) as info:
        build_graph(read_catalog(path, errors="yield"), store, on_error=OnError.FAIL)
    assert str(info.value) == f"{path}:2: malformed JSON: Expecting ',' delimiter at column 44"


def test_build_on_error_skip_writes_good_rows_and_hands_over_every_reject(store: EmbeddedStore) -> None:
    path = DATA / "catalog_bad.jsonl"
    rejected: list[Rejected] = []
    report = build_graph(read_catalog(path, errors="yield"), store, on_error=OnError.SKIP, rejects=rejected.append)
    assert (report.read, report.written, report.rejected) == (9, 2, 7)
    assert [(r.path, r.line, r.reason) for r in rejected] == [
        (str(path), 2, "malformed JSON: Expecting ',' delimiter at column 44"),
        (str(path), 3, "missing required field 'id'"),
        (str(path), 4, "product 'no-title': missing required field 'title'"),
        (str(path), 5, "price 'ten dollars' is not a number; write it like 19.99"),
        (str(path), 6, "expected a JSON object, got list"),
        (str(path), 7, "related[0]: unknown relation type 'cousin-of'; use one of: compatible-with, accessory-for, "
                        "replacement-for, includes, similar-to, bought-together"),
        (str(path), 8, "duplicate id 'ok-1' (first seen at line 1)"),
    ]
    rows = store.query("MATCH (p:Product) RETURN p.id AS id, p.title AS title ORDER BY id")
    assert rows == [{"id": "ok-1", "title": "Anker PowerCore 10000mAh Power Bank"},
                    {"id": "ok-2", "title": "Anker Nano Power Bank 5000mAh"}]
    assert keys(store, "AttributeValue") == ["capacity=10000 mah", "capacity=5000 mah"]


def test_build_rejects_a_batch_size_below_one(store: EmbeddedStore) -> None:
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        build(store, V1, batch_size=0)


def test_batch_writer_rows_use_schema_properties_only() -> None:
    products = [p for p in read_catalog(V1)]
    batch = BatchWriter().batch(products)
    for label, rows in batch.nodes.items():
        for row in rows:
            assert set(row) <= set(NODES[label].properties)
    for rel, rows in batch.edges.items():
        for row in rows:
            assert set(row) == {"from", "to", *RELS[rel].properties}


def test_build_products_without_prices(store: EmbeddedStore) -> None:
    # OA-Mine / WDC-PAVE shape: no prices and no attributes in the whole batch (Kùzu would type the
    # all-null price column as STRING unless the store casts it)
    report = build(store, DATA / "catalog_oamine.jsonl")
    assert report.written == 3
    rows = store.query("MATCH (p:Product)-[:IN_CATEGORY]->(c:Category) RETURN p.id AS id, p.price AS price, c.name AS c "
                       "ORDER BY id")
    assert rows == [{"id": "catalog_oamine.jsonl:1", "price": None, "c": "Shoes"},
                    {"id": "catalog_oamine.jsonl:2", "price": None, "c": "Grocery"},
                    {"id": "catalog_oamine.jsonl:3", "price": None, "c": "Office Products"}]


# ---------------------------------------------------------------------------- known store gaps


def update_then_compare(tmp_path: Path, store: EmbeddedStore, clean: EmbeddedStore, before: dict, after: dict) -> None:
    """Build ``before`` then ``after`` (same file name) into ``store``, ``after`` alone into ``clean``."""
    first, second = tmp_path / "dump.jsonl", tmp_path / "later" / "dump.jsonl"
    second.parent.mkdir()
    first.write_text(json.dumps(before) + "\n")
    second.write_text(json.dumps(after) + "\n")
    build(store, first)
    build(store, second)
    build(clean, second)


def test_build_incremental_prunes_a_category_no_product_uses(tmp_path: Path, store: EmbeddedStore,
                                                            other_store: EmbeddedStore) -> None:
    mug = {"id": "p1", "title": "Mug", "price": 5}
    update_then_compare(tmp_path, store, other_store, {**mug, "category": "Kitchen > Mugs"},
                        {**mug, "category": "Home > Cups"})
    assert keys(store, "Category") == ["home", "home > cups"]
    assert snapshot(store) == snapshot(other_store)


def test_build_incremental_prunes_a_placeholder_nothing_points_to(tmp_path: Path, store: EmbeddedStore,
                                                                 other_store: EmbeddedStore) -> None:
    mug = {"id": "p1", "title": "Mug", "price": 5}
    update_then_compare(tmp_path, store, other_store, {**mug, "related": [{"type": "similar-to", "id": "ghost"}]}, mug)
    assert keys(store, "Product") == ["p1"]
    assert snapshot(store) == snapshot(other_store)


def test_build_that_fails_midway_leaves_the_store_searchable(tmp_path: Path) -> None:
    """An embedded store drops its full-text indexes while it writes; a build stopped by a bad row
    (after some batches were committed) must bring them back, or a read-only `ask` cannot search."""
    where = tmp_path / "graph.kuzu"
    good = json.dumps({"id": "new-1", "title": "Anker PowerCore 10000 portable charger", "price": 25})
    dump = tmp_path / "dump.jsonl"
    dump.write_text(good + "\n" + json.dumps({"id": "new-2", "price": 3}) + "\n", encoding="utf-8")
    store = EmbeddedStore(where)
    try:
        build_graph(read_catalog(V1), store)
        with pytest.raises(CatalogError, match=r"dump\.jsonl:2: "):
            build_graph(read_catalog(dump, errors="yield"), store, batch_size=1)
    finally:
        store.close()
    reader = EmbeddedStore(where, read_only=True)
    try:
        assert [k for k, _ in reader.fulltext("Product", "powercore", 5)] == ["new-1"]
        assert "phone-1" in [k for k, _ in reader.fulltext("Product", "iphone", 5)]
    finally:
        reader.close()


def test_build_warns_about_and_counts_catalog_values_that_normalise_to_nothing(
        tmp_path: Path, store: EmbeddedStore, caplog: pytest.LogCaptureFixture) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "p1", "title": "Mug", "brand": "!!!",
                                "attributes": {"???": "x", "Color": "Blue"}}) + "\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="shopgraph.kg.build"):
        report = build_graph(read_catalog(dump), store)
    assert report.unusable_values == 2 and report.as_dict()["unusable_catalog_values"] == 2
    warned = [r.getMessage() for r in caplog.records]
    assert f"{dump}:1: product 'p1': brand '!!!' has no letters or digits; it is not written" in warned
    assert f"{dump}:1: product 'p1': attribute name '???' has no letters or digits; it is not written" in warned
    assert keys(store, "AttributeValue") == ["color=blue"] and keys(store, "Brand") == []
