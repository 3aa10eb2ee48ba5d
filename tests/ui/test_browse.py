"""qa.browse on a real Kùzu graph: the read-side logic behind the Product, Overview and Analyst tabs."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from shopgraph.kg.errors import QueryError, ReadOnlyError
from shopgraph.kg.schema import NODES, RELS
from shopgraph.kg.store import cypher_read
from shopgraph.qa import browse


def test_suggest_ranks_full_text_hits(shop_store):
    ids = [s.id for s in browse.suggest(shop_store, "iphone 13")]
    assert {"phone-ip13", "case-spigen-ip13", "case-apple-ip13"} <= set(ids)
    assert all(s.title for s in browse.suggest(shop_store, "iphone 13"))


def test_suggest_prefers_titles_with_every_typed_word(shop_store):
    found = browse.suggest(shop_store, "galaxy s22 128")
    assert [s.id for s in found[:2]] == ["phone-s22", "case-s22"]
    assert found[0].score > found[1].score


@pytest.mark.parametrize(("typed", "first"), [
    ("iphone 13", "phone-ip13"),  # the graph says both cases are accessories for it
    ("apple iphone 13", "phone-ip13"),  # 'Apple iPhone 13 Silicone Case' holds every word too
    ("galaxy s22", "phone-s22"),
    ("case iphone 13", "case-apple-ip13"),  # asked for a case: the phone holds fewer of the words
    ("spigen", "case-spigen-ip13"),
])
def test_suggest_puts_a_product_before_its_accessories(shop_store, typed, first):
    assert browse.suggest(shop_store, typed)[0].id == first


def test_suggest_whole_words_beat_word_starts(shop_store):
    """'128' is a whole word of 'Galaxy S22 128 GB' and only the start of 'iPhone 13 128GB'."""
    assert [s.id for s in browse.suggest(shop_store, "128")[:2]] == ["phone-s22", "phone-ip13"]


def test_suggest_exact_id_comes_first(shop_store):
    assert browse.suggest(shop_store, "case-s22")[0].id == "case-s22"


def test_suggest_partial_word_falls_back_to_titles(shop_store):
    # "timberl" is no full-text token; the title scan still finds both Timberland boots
    assert {s.id for s in browse.suggest(shop_store, "Timberl")} == {"boot-tb-6in", "boot-tb-field"}


@pytest.mark.parametrize("text", ["", "   ", "zzzz-no-such-product"])
def test_suggest_nothing_for_blank_or_unknown(shop_store, text):
    assert browse.suggest(shop_store, text) == []


def test_suggest_respects_k(shop_store):
    assert len(browse.suggest(shop_store, "boot", k=2)) == 2


def test_product_view_splits_catalog_and_extracted(shop_store):
    view = browse.product_view(shop_store, "boot-tb-6in")
    assert view is not None and view.brand == "Timberland"
    assert [c.value for c in view.categories] == ["Shoes > Boots"]
    catalog = {(a.attribute, a.value) for a in view.by_source("catalog")}
    assert catalog == {("color", "Black"), ("gender", "Men"), ("weight", "1.2 kg")}
    assert all(a.field == "attributes" and a.confidence == 1.0 for a in view.by_source("catalog"))
    extracted = {a.attribute: a for a in view.by_source("extracted")}
    material = extracted["material"]
    assert (material.value, material.field, material.confidence, material.model) == ("leather", "description", 0.87, "made-of-rules")
    # the offsets point at the word in the description the fact was read from
    assert view.description[material.start_char:material.end_char] == "leather"
    assert material.evidence == f"description[{material.start_char}:{material.end_char}] by made-of-rules"
    assert extracted["feature"].field == "title"
    # catalog facts come first, then extracted ones by confidence
    assert [a.source for a in view.attributes] == ["catalog"] * 3 + ["extracted"] * 2


def test_product_view_accessories_fits_and_similar(shop_store):
    phone = browse.product_view(shop_store, "phone-ip13")
    assert [r.id for r in phone.accessories] == ["case-apple-ip13", "case-spigen-ip13", "charger-anker"]
    assert phone.fits == []
    # the explicit SIMILAR_TO edge comes first, then same-category neighbours
    assert [r.id for r in phone.similar] == ["phone-s22", "phone-pixel7"]
    assert phone.similar[0].type == "SIMILAR_TO" and phone.similar[1].type == "SHARES_VALUES"
    case = browse.product_view(shop_store, "case-spigen-ip13")
    assert [r.id for r in case.fits] == ["phone-ip13"]
    types = {(r.type, r.direction) for r in case.relations}
    assert types == {("ACCESSORY_FOR", "out"), ("COMPATIBLE_WITH", "out")}


def test_product_view_similar_ranks_shared_values(shop_store):
    boot = browse.product_view(shop_store, "boot-tb-6in")
    # value nodes are shared: Dr. Martens has black and leather (catalog there, extracted here),
    # Sorel only black, the field boot only gender men
    shared = {r.id: r.shared for r in boot.similar}
    assert set(shared) == {"boot-drm-1460", "boot-sorel", "boot-tb-field"}
    assert shared == {"boot-drm-1460": 2, "boot-sorel": 1, "boot-tb-field": 1}
    assert boot.similar == sorted(boot.similar, key=lambda r: (-r.shared, r.id))


def test_product_view_unknown_id_is_none(shop_store):
    assert browse.product_view(shop_store, "no-such-id") is None


def test_product_cards_keep_order_and_pick_key_attributes(shop_store):
    cards = browse.product_cards(shop_store, ["boot-sorel", "missing", "case-s22", "boot-sorel"], attributes=2)
    assert [c.id for c in cards] == ["boot-sorel", "case-s22"]
    sorel = cards[0]
    assert (sorel.brand, sorel.price_text) == ("Sorel", "$74.95")
    assert [(a.attribute, a.source) for a in sorel.attributes] == [("color", "catalog"), ("gender", "catalog")]
    assert [(a.attribute, a.source) for a in cards[1].attributes] == [("color", "catalog"), ("material", "extracted")]


def test_neighbourhood_graph_holds_the_one_hop_facts(shop_store):
    g = browse.neighbourhood(browse.product_view(shop_store, "boot-tb-6in"))
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    assert kinds["Product:boot-tb-6in"] == "product"
    assert kinds["Brand:Timberland"] == "Brand" and kinds["Category:Shoes > Boots"] == "Category"
    assert kinds["Product:care-kit"] == "related"
    assert g.has_edge("Product:care-kit", "Product:boot-tb-6in")  # care kit → boot (ACCESSORY_FOR)
    sources = {d["source"] for _, v, d in g.edges(data=True) if v == "AttributeValue:material=leather"}
    assert sources == {"extracted"}


def test_render_svg_is_wellformed_and_marks_extracted_edges(shop_store):
    svg = browse.render_svg(browse.neighbourhood(browse.product_view(shop_store, "boot-tb-6in")))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "Timberland Men's 6-Inch Premium Waterproof Boot, Black" in texts
    assert "material: leather" in texts and "ACCESSORY_FOR" in texts
    dashed = [line for line in root.iter(f"{ns}line") if line.get("stroke-dasharray")]
    assert len(dashed) == 3  # material + feature edges, and the legend sample


def test_overview_counts_categories_and_coverage(shop_store, shop_catalog):
    ov = browse.overview(shop_store)
    products = sum(1 for line in shop_catalog.read_text().splitlines() if line.strip())
    assert (ov.products, ov.placeholders, ov.priced) == (products, 0, products)
    assert ov.counts["nodes"]["Product"] == products
    assert dict(ov.top_categories) == {"Electronics": 7, "Shoes": 7}
    assert ov.categories[0][1] >= ov.categories[-1][1]
    coverage = {attr: (c, e) for attr, c, e in ov.coverage}
    assert coverage["color"] == (13, 0)
    assert coverage["material"] == (4, 6)
    assert ov.facts["extracted"][0] == 7 and ov.facts["catalog"][1] == pytest.approx(1.0)


def test_run_cypher_returns_rows_columns_and_time(shop_store):
    result = browse.run_cypher(
        shop_store, "MATCH (p:Product) WHERE p.price < $max RETURN p.id AS id, p.price AS price ORDER BY price",
        {"max": 20})
    assert result.columns == ["id", "price"]
    assert result.rows == [{"id": "care-kit", "price": 12.5}, {"id": "charger-anker", "price": 15.99},
                           {"id": "case-spigen-ip13", "price": 19.99}]
    assert result.row_count == 3 and result.elapsed_ms > 0
    assert list(csv.reader(io.StringIO(result.to_csv())))[1] == ["care-kit", "12.5"]


def test_run_cypher_cells_hide_engine_internals(shop_store):
    result = browse.run_cypher(shop_store, "MATCH (b:Brand {key: 'sorel'}) RETURN b")
    assert result.cells() == [['{"key": "sorel", "name": "Sorel"}']]


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Product) DETACH DELETE p",
    "CREATE (b:Brand {key: 'x', name: 'X'})",
    "MATCH (p:Product {id: 'care-kit'}) SET p.price = 0",
    "match (b:Brand) merge (c:Brand {key: 'y'})",
    "CALL CREATE_FTS_INDEX('Brand', 'x', ['name'])",
])
def test_run_cypher_refuses_writes_with_the_cli_message(shop_store, cypher):
    before = shop_store.counts()
    with pytest.raises(ReadOnlyError) as info:
        browse.run_cypher(shop_store, cypher)
    assert info.value.message == ReadOnlyError.MESSAGE
    assert str(info.value).startswith(ReadOnlyError.MESSAGE)
    assert shop_store.counts() == before


def test_run_cypher_engine_error_is_a_query_error(shop_store):
    with pytest.raises(QueryError) as info:
        browse.run_cypher(shop_store, "MATCH (p:Nope) RETURN p")
    assert "Nope" in info.value.message


@pytest.mark.parametrize("name", list(cypher_read.EXAMPLE_QUERIES))
def test_example_queries_run_and_return_rows(shop_store, name):
    assert browse.run_cypher(shop_store, cypher_read.EXAMPLE_QUERIES[name]).row_count > 0


def test_schema_markdown_names_every_label_and_type():
    text = browse.schema_markdown()
    assert all(f"`{label}`" in text for label in NODES)
    assert all(f"[:{name}]" in text for name in RELS)


def test_evidence_looks_up_provenance_of_answer_facts(shop_store):
    from shopgraph.qa.retrieve import Fact

    facts = [
        Fact("boot-tb-6in", "material", "leather", "extracted", 0.9),
        Fact("boot-tb-6in", "brand", "Timberland", "catalog", 0.8),
        Fact("boot-tb-6in", "price", "$79.99", "catalog", 0.7),
        Fact("case-spigen-ip13", "accessory for", "phone-ip13", "catalog", 0.6),
        Fact("", "brand", "Nike", "catalog", 0.5),  # an aggregate's fact belongs to no product
        Fact("boot-tb-6in", "color", "Purple", "catalog", 0.4),  # not in the graph
    ]
    rows = browse.evidence(shop_store, facts)
    got = [(e.product_id, e.attribute, e.confidence, e.field) for e in rows]
    assert got == [
        ("boot-tb-6in", "material", 0.87, "description"),
        ("boot-tb-6in", "brand", 1.0, "brand"),
        ("boot-tb-6in", "price", None, "price"),
        ("case-spigen-ip13", "accessory for", 1.0, "related"),
        ("", "brand", None, None),
        ("boot-tb-6in", "color", None, None),
    ]
    assert rows[0].title == "Timberland Men's 6-Inch Premium Waterproof Boot, Black"
    assert rows[3].value == "Apple iPhone 13 128GB, Midnight (phone-ip13)"  # the other product by title, not id
    assert [e.score for e in rows] == [0.9, 0.8, 0.7, 0.6, 0.5, 0.4]


def test_overview_lists_every_category_not_the_first_fifteen(shop_store):
    everything = browse.overview(shop_store, top=2)
    per_category = shop_store.query("MATCH (p:Product)-[:IN_CATEGORY]->(c:Category) RETURN count(DISTINCT c) AS n")
    assert len(everything.categories) == per_category[0]["n"] > 2 and len(everything.coverage) == 2
