"""Read-only Cypher used by qa/ and ui/, portable across Kùzu and Neo4j.

Rules for this module: values only as parameters; labels and relationship types only from
kg.schema; no label()/type(), map projection, list comprehensions, CALL {}, FOREACH or list
indexing (Kùzu lists are 1-based); no ORDER BY after UNION (sort in Python). Several helpers
append here: add new queries under your own heading, don't reorder others'.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from shopgraph.kg.schema import (
    BRAND,
    CATEGORY,
    HAS_BRAND,
    HAS_VALUE,
    IN_CATEGORY,
    PRODUCT,
    VALUE,
    ProductRelation,
)

# ---------------------------------------------------------------------------- browse (ui, issue 5)

# One product's own properties (the embedding is left out: 384 floats nobody reads).
PRODUCT_DETAILS = (
    f"MATCH (p:{PRODUCT} {{id: $id}}) "
    "RETURN p.id AS id, p.title AS title, p.description AS description, p.bullets AS bullets, "
    "p.price AS price, p.currency AS currency, p.url AS url, p.catalog AS catalog"
)

# The queries below read one product ($id) each; callers run them once per id (see per_id in
# qa.browse): on Kùzu 0.11.3 at 100k products `UNWIND $ids AS i MATCH (p {id: i})` costs ~230 ms
# whatever the number of ids, a key lookup ~3 ms.

# Card fields of one product; a product may have no brand (OPTIONAL MATCH).
PRODUCT_CARDS = (
    f"MATCH (p:{PRODUCT} {{id: $id}}) "
    f"OPTIONAL MATCH (p)-[r:{HAS_BRAND}]->(b:{BRAND}) "
    "RETURN p.id AS id, p.title AS title, p.price AS price, p.currency AS currency, "
    "b.name AS brand, r.source AS brand_source"
)

# Every attribute value of one product, with provenance.
PRODUCT_VALUES = (
    f"MATCH (p:{PRODUCT} {{id: $id}})-[r:{HAS_VALUE}]->(v:{VALUE}) "
    "RETURN p.id AS id, r.attribute AS attribute, v.value AS value, v.normalized AS normalized, "
    "r.surface AS surface, r.source AS source, r.field AS field, r.start_char AS start_char, "
    "r.end_char AS end_char, r.model AS model, r.model_version AS model_version, r.confidence AS confidence"
)

# Brand and category edges of one product, with provenance (value = brand name / category path).
PRODUCT_BRANDS = (
    f"MATCH (p:{PRODUCT} {{id: $id}})-[r:{HAS_BRAND}]->(b:{BRAND}) "
    "RETURN p.id AS id, 'brand' AS attribute, b.name AS value, r.source AS source, r.field AS field, "
    "r.start_char AS start_char, r.end_char AS end_char, r.model AS model, r.confidence AS confidence"
)
PRODUCT_CATEGORIES = (
    f"MATCH (p:{PRODUCT} {{id: $id}})-[r:{IN_CATEGORY}]->(c:{CATEGORY}) "
    "RETURN p.id AS id, 'category' AS attribute, c.path AS value, r.source AS source, r.field AS field, "
    "r.start_char AS start_char, r.end_char AS end_char, r.model AS model, r.confidence AS confidence"
)


def _relation_part(rel: ProductRelation, direction: str) -> str:
    arrow = f"-[r:{rel.value}]->" if direction == "out" else f"<-[r:{rel.value}]-"
    return (
        f"MATCH (p:{PRODUCT} {{id: $id}}){arrow}(o:{PRODUCT}) "
        f"RETURN '{rel.value}' AS type, '{direction}' AS direction, o.id AS id, o.title AS title, "
        "r.source AS source, r.field AS field, r.confidence AS confidence"
    )


# Product-to-product relations in both directions, one row per edge (type names from the schema,
# spelled into the text because type() is not portable).
PRODUCT_RELATIONS = " UNION ALL ".join(
    _relation_part(rel, direction) for rel in ProductRelation for direction in ("out", "in")
)

# Outgoing product relations of one product ($id): the edges behind relation facts.
OUTGOING_RELATIONS = " UNION ALL ".join(
    f"MATCH (p:{PRODUCT} {{id: $id}})-[r:{rel.value}]->(o:{PRODUCT}) "
    f"RETURN p.id AS from_id, '{rel.value}' AS type, 'out' AS direction, o.id AS id, o.title AS title, "
    "r.source AS source, r.field AS field, r.confidence AS confidence"
    for rel in ProductRelation
)

# Products in the same category, ranked by how many attribute values they share with $id.
SIMILAR_NEIGHBOURS = (
    f"MATCH (p:{PRODUCT} {{id: $id}})-[:{IN_CATEGORY}]->(c:{CATEGORY})<-[:{IN_CATEGORY}]-(o:{PRODUCT}) "
    f"WHERE o.id <> $id OPTIONAL MATCH (p)-[:{HAS_VALUE}]->(v:{VALUE})<-[:{HAS_VALUE}]-(o) "
    "RETURN o.id AS id, o.title AS title, count(v) AS shared ORDER BY shared DESC, id LIMIT $k"
)

# Title suggestions when the full-text index has nothing (partial words while typing).
PRODUCT_TITLE_CONTAINS = (
    f"MATCH (p:{PRODUCT}) WHERE toLower(p.title) CONTAINS $text OR toLower(p.id) = $text "
    "RETURN p.id AS id, p.title AS title ORDER BY title LIMIT $k"
)

# Overview: sizes, categories, attribute coverage catalog vs extracted.
PRODUCT_TOTALS = (
    f"MATCH (p:{PRODUCT}) RETURN count(p) AS nodes, count(p.title) AS products, count(p.price) AS priced"
)
PRODUCTS_PER_CATEGORY = (
    f"MATCH (p:{PRODUCT})-[:{IN_CATEGORY}]->(c:{CATEGORY}) RETURN c.path AS category, count(p) AS products"
)
ATTRIBUTE_COVERAGE = (
    f"MATCH (p:{PRODUCT})-[r:{HAS_VALUE}]->(:{VALUE}) "
    "RETURN r.attribute AS attribute, r.source AS source, count(DISTINCT p) AS products"
)
FACTS_BY_SOURCE = (
    f"MATCH (:{PRODUCT})-[r:{HAS_VALUE}]->(:{VALUE}) "
    "RETURN r.source AS source, count(r) AS facts, avg(r.confidence) AS confidence"
)

# Analyst examples: shown in the app's Cypher editor; each is read-only and portable.
EXAMPLE_QUERIES: dict[str, str] = {
    "Brands with the most products": (
        f"MATCH (p:{PRODUCT})-[:{HAS_BRAND}]->(b:{BRAND})\n"
        "RETURN b.name AS brand, count(p) AS products\nORDER BY products DESC\nLIMIT 10"
    ),
    "Products per category": (
        f"MATCH (p:{PRODUCT})-[:{IN_CATEGORY}]->(c:{CATEGORY})\n"
        "RETURN c.path AS category, count(p) AS products\nORDER BY products DESC"
    ),
    "Extracted facts with their evidence": (
        f"MATCH (p:{PRODUCT})-[r:{HAS_VALUE}]->(v:{VALUE})\n"
        "WHERE r.source = 'extracted'\n"
        "RETURN p.title AS product, r.attribute AS attribute, v.value AS value,\n"
        "       r.field AS field, r.confidence AS confidence\nORDER BY confidence DESC\nLIMIT 25"
    ),
    "Accessories and what they fit": (
        f"MATCH (a:{PRODUCT})-[:{ProductRelation.ACCESSORY_FOR.value}]->(p:{PRODUCT})\n"
        "RETURN a.title AS accessory, p.title AS fits\nLIMIT 25"
    ),
    "Cheapest products with a colour": (
        f"MATCH (p:{PRODUCT})-[r:{HAS_VALUE}]->(v:{VALUE})\n"
        "WHERE r.attribute = 'color' AND p.price IS NOT NULL\n"
        "RETURN p.title AS product, v.value AS color, p.price AS price\nORDER BY price\nLIMIT 10"
    ),
}


# ---------------------------------------------------------------------------- question answering (issue 4)

# lexicons the QA linker keeps in memory
QA_BRANDS = f"MATCH (b:{BRAND}) RETURN b.key AS key, b.name AS name"
QA_CATEGORIES = f"MATCH (c:{CATEGORY}) RETURN c.key AS key, c.name AS name, c.path AS path"
QA_VALUES = (
    f"MATCH (v:{VALUE}) RETURN v.key AS key, v.attribute AS attribute, v.value AS value, "
    "v.normalized AS normalized, v.number AS number, v.unit AS unit"
)

# every product title (the engine keeps them to re-score full-text candidates when linking a name)
QA_TITLES = f"MATCH (p:{PRODUCT}) WHERE p.title IS NOT NULL RETURN p.id AS id, p.title AS title"
# the products the catalog gives no category (a search for a kind also reads their titles)
QA_UNCATEGORIZED = (
    f"MATCH (p:{PRODUCT}) WHERE p.title IS NOT NULL AND NOT EXISTS {{ MATCH (p)-[:{IN_CATEGORY}]->(:{CATEGORY}) }} "
    "RETURN p.id AS id"
)

# the relations that answer "does X fit Y?", both directions (the rows of PRODUCT_RELATIONS, fewer types)
FIT_TYPES = (ProductRelation.COMPATIBLE_WITH.value, ProductRelation.ACCESSORY_FOR.value,
             ProductRelation.REPLACEMENT_FOR.value)  # the relations that say one product fits another
QA_FIT_RELATIONS = " UNION ALL ".join(
    _relation_part(ProductRelation(rel), direction) for rel in FIT_TYPES for direction in ("out", "in")
)

# what a product (a bundle, a kit) includes: "what coffee comes with it?"
QA_INCLUDED = _relation_part(ProductRelation.INCLUDES, "out")
# the bundles a product is sold in: "is it sold in a bundle?"
QA_INCLUDED_IN = _relation_part(ProductRelation.INCLUDES, "in")
# what shoppers buy with a product, recorded on either side: "what coffee do people buy with the dedica?"
QA_BOUGHT_WITH = " UNION ALL ".join(_relation_part(ProductRelation.BOUGHT_TOGETHER, d) for d in ("out", "in"))
# the products the catalog calls like one product, on either side: "anything similar to the flexispot e7?"
QA_SIMILAR = " UNION ALL ".join(_relation_part(ProductRelation.SIMILAR_TO, d) for d in ("out", "in"))

# every fact edge of one product ($id): attribute values (as its text says them), brand and category.
# One id per query: on Kùzu 0.11.3 a key lookup is ~50x faster than UNWIND $ids + MATCH at 100k products.
QA_PRODUCT_FACTS = (
    f"MATCH (p:{PRODUCT} {{id: $id}})-[r:{HAS_VALUE}]->(v:{VALUE}) "
    "RETURN p.id AS product_id, r.attribute AS attribute, r.surface AS value, v.key AS key, "
    "r.source AS source, r.confidence AS confidence "
    f"UNION ALL MATCH (p:{PRODUCT} {{id: $id}})-[r:{HAS_BRAND}]->(b:{BRAND}) "
    "RETURN p.id AS product_id, 'brand' AS attribute, b.name AS value, b.key AS key, "
    "r.source AS source, r.confidence AS confidence "
    f"UNION ALL MATCH (p:{PRODUCT} {{id: $id}})-[r:{IN_CATEGORY}]->(c:{CATEGORY}) "
    "RETURN p.id AS product_id, 'category' AS attribute, c.path AS value, c.key AS key, "
    "r.source AS source, r.confidence AS confidence"
)


# The category path of one product (``$id``), as QA_PRODUCT_FACTS gives it.
QA_PRODUCT_CATEGORY = f"MATCH (p:{PRODUCT} {{id: $id}})-[:{IN_CATEGORY}]->(c:{CATEGORY}) RETURN c.path AS path LIMIT 1"


@dataclass(frozen=True, slots=True)
class FilterShape:
    """Which product filters a query carries; parameters are named after them.

    $ids (restrict to these products), $brands (brand keys), $categories (category keys, descendants
    included by the caller), $values0..$valuesN (value keys; one group per attribute, groups AND-ed),
    $price_min / $price_max, $currency and $default_currency; with ``rated`` (exchange rates: qa.rates), the price
    bounds, order and statistics are of the price converted into one currency ($rate_currency0…, $rate0…: each
    currency and what one unit of it is worth in the shopper's), and products in other currencies are left out.
    """

    ids: bool = False
    brands: bool = False
    categories: bool = False
    values: int = 0
    price_min: bool = False
    price_max: bool = False
    currency: bool = False  # $currency: only products priced in it ($default_currency when a price has none)
    rated: int = 0  # how many currencies the price is converted from (0: prices as they are)


def _price(shape: FilterShape) -> str:
    """A product's price: as it is, or converted into the shopper's currency (NULL when it has no rate)."""
    if not shape.rated:
        return "p.price"
    cases = " ".join(f"WHEN $rate_currency{n} THEN p.price * $rate{n}" for n in range(shape.rated))
    return f"CASE coalesce(p.currency, $default_currency) {cases} ELSE NULL END"


def _filter(shape: FilterShape) -> str:
    """MATCH clauses for the filters, the most selective first (brand, category, value, ids): Kùzu plans
    the join in the order written, and starting from 100k products costs ~2x more. Where two or more
    patterns are joined, the product's own conditions (title, ids, price, currency) come after the joins
    (``WITH DISTINCT p WHERE …``): inside the first MATCH they made Kùzu scan and filter every product before
    joining ("silver laptops under $1626 from HP" at 100k products: 200 ms, 49 ms after)."""
    patterns: list[tuple[str, str]] = []
    if shape.brands:
        patterns.append((f"(b:{BRAND})<-[rb:{HAS_BRAND}]-(p:{PRODUCT})", "b.key IN $brands"))
    if shape.categories:
        patterns.append((f"(c:{CATEGORY})<-[rc:{IN_CATEGORY}]-(p:{PRODUCT})", "c.key IN $categories"))
    for n in range(shape.values):
        patterns.append((f"(v{n}:{VALUE})<-[r{n}:{HAS_VALUE}]-(p:{PRODUCT})", f"v{n}.key IN $values{n}"))
    own = ["p.title IS NOT NULL"]
    if shape.ids:
        own.append("p.id IN $ids")
    if shape.price_min:
        own.append(f"{_price(shape)} >= $price_min")
    if shape.price_max:
        own.append(f"{_price(shape)} <= $price_max")
    if shape.rated:
        own.append(f"{_price(shape)} IS NOT NULL")
    elif shape.currency:
        # (a product with no price is priced in no currency: "laptops with a dollar price" leaves it out)
        own.append("p.price IS NOT NULL AND coalesce(p.currency, $default_currency) = $currency")
    if not patterns:
        return f"MATCH (p:{PRODUCT}) WHERE {' AND '.join(own)}"
    if len(patterns) == 1:
        (first, cond), = patterns
        return f"MATCH {first} WHERE {' AND '.join([cond, *own])}"
    parts = [f"MATCH {pattern} WHERE {cond}" for pattern, cond in patterns]
    return " ".join([*parts, f"WITH DISTINCT p WHERE {' AND '.join(own)}"])


@lru_cache(maxsize=256)
def qa_search(shape: FilterShape) -> str:
    """Products matching the filters (node properties only: returning the matched edges too costs ~2x
    on Kùzu at 100k products; the facts of the few products shown are read by QA_PRODUCT_FACTS)."""
    return (f"{_filter(shape)} RETURN DISTINCT p.id AS id, p.title AS title, p.price AS price, "
            "p.currency AS currency LIMIT $limit")


@lru_cache(maxsize=256)
def qa_count(shape: FilterShape) -> str:
    return f"{_filter(shape)} RETURN count(DISTINCT p) AS products"


@lru_cache(maxsize=256)
def qa_group_brands(shape: FilterShape) -> str:
    """Brands among the matching products, with how many products each has."""
    return (
        f"{_filter(shape)} MATCH (p)-[gb:{HAS_BRAND}]->(g:{BRAND}) "
        "RETURN g.name AS brand, gb.source AS source, count(DISTINCT p) AS products ORDER BY products DESC, brand"
    )


@lru_cache(maxsize=256)
def qa_group_values(shape: FilterShape) -> str:
    """Values of the attributes in $attributes among the matching products."""
    return (
        f"{_filter(shape)} MATCH (p)-[gr:{HAS_VALUE}]->(g:{VALUE}) WHERE g.attribute IN $attributes "
        "RETURN g.attribute AS attribute, g.value AS value, gr.source AS source, count(DISTINCT p) AS products "
        "ORDER BY products DESC, value"
    )


@lru_cache(maxsize=256)
def qa_price_order(shape: FilterShape, descending: bool) -> str:
    """The matching products with a price, cheapest (or dearest) first; ``amount``: the price compared (converted
    when the shape is rated)."""
    order = "DESC" if descending else "ASC"
    return (
        f"{_filter(shape)} WITH DISTINCT p WHERE p.price IS NOT NULL "
        f"RETURN p.id AS id, p.title AS title, p.price AS price, p.currency AS currency, {_price(shape)} AS amount "
        f"ORDER BY amount {order}, p.id LIMIT $limit"
    )


@lru_cache(maxsize=256)
def qa_price_currencies(shape: FilterShape) -> str:
    """How many matching priced products each currency has (a product without one: $default_currency)."""
    return (
        f"{_filter(shape)} WITH DISTINCT p WHERE p.price IS NOT NULL "
        "RETURN coalesce(p.currency, $default_currency) AS currency, count(p) AS products ORDER BY products DESC, currency"
    )


@lru_cache(maxsize=256)
def qa_price_stats(shape: FilterShape) -> str:
    return (
        f"{_filter(shape)} WITH DISTINCT p WHERE p.price IS NOT NULL "
        f"WITH {_price(shape)} AS amount RETURN avg(amount) AS average, min(amount) AS lowest, max(amount) AS highest, "
        "count(amount) AS products"
    )


# ---------------------------------------------------------------------------- RDF export (issue 2)

# One page of real products (placeholders have no title), keyset-paged by id: $after is the last id
# of the previous page ("" for the first), $limit the page size.
EXPORT_PRODUCTS = (
    f"MATCH (p:{PRODUCT}) WHERE p.title IS NOT NULL AND p.id > $after "
    "RETURN p.id AS id, p.title AS title, p.description AS description, p.bullets AS bullets, "
    "p.price AS price, p.currency AS currency, p.url AS url ORDER BY p.id LIMIT $limit"
)

# The facts of one page's products ($ids) whose provenance is in $sources (["catalog"] by default).
EXPORT_BRANDS = (
    f"UNWIND $ids AS i MATCH (p:{PRODUCT} {{id: i}})-[r:{HAS_BRAND}]->(b:{BRAND}) "
    "WHERE r.source IN $sources RETURN p.id AS id, b.name AS name ORDER BY id, name"
)
EXPORT_CATEGORIES = (
    f"UNWIND $ids AS i MATCH (p:{PRODUCT} {{id: i}})-[r:{IN_CATEGORY}]->(c:{CATEGORY}) "
    "WHERE r.source IN $sources RETURN p.id AS id, c.path AS path ORDER BY id, path"
)
EXPORT_VALUES = (
    f"UNWIND $ids AS i MATCH (p:{PRODUCT} {{id: i}})-[r:{HAS_VALUE}]->(v:{VALUE}) "
    "WHERE r.source IN $sources RETURN p.id AS id, r.attribute AS attribute, r.surface AS value "
    "ORDER BY id, attribute, value"
)


def export_relations(rel: str) -> str:
    """Outgoing edges of one product relation type from $ids (the type spelled in: type() is not portable)."""
    name = ProductRelation(rel).value
    return (
        f"UNWIND $ids AS i MATCH (p:{PRODUCT} {{id: i}})-[r:{name}]->(o:{PRODUCT}) "
        "WHERE r.source IN $sources RETURN p.id AS id, o.id AS target ORDER BY id, target"
    )
