"""All Cypher text for the Neo4j backend (Neo4j 5 syntax).

Labels, types and property names come from shopgraph.kg.schema only; values are always parameters.
Schema commands (constraints, indexes) run in their own transactions: Neo4j does not mix them
with data writes.
"""

from __future__ import annotations

from shopgraph.kg.schema import EMBED_DIM, NODES, PRODUCT, RELS, VECTOR, check_label, check_rel

# One list of searchable fields for both dialects, and the counts, whose text is valid in both.
from shopgraph.kg.store.cypher_kuzu import FTS_FIELDS, VECTOR_FIELD, count_nodes, count_rels, fts_index, has_vectors

__all__ = ["FTS_FIELDS", "VECTOR_FIELD", "count_nodes", "count_rels", "has_vectors"]

# seconds CALL db.awaitIndexes waits for new indexes to come online
AWAIT_SECONDS = 300


def constraint_name(label: str) -> str:
    return f"{check_label(label).lower()}_{NODES[label].key}"


def vector_index(label: str) -> str:
    return f"{check_label(label).lower()}_vec"


# ---------------------------------------------------------------- schema


def create_constraint(label: str) -> str:
    """Uniqueness of each node key; it also backs the MERGE lookups with an index."""
    key = NODES[check_label(label)].key
    return f"CREATE CONSTRAINT {constraint_name(label)} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"


# Neo4j's default full-text analyzer ('standard-no-stop-words') neither stems nor drops stop words;
# 'english' does both, as Kùzu's full-text index does, so a search finds the same products on both
# stores more often. Measured 2026-11-28 on the 371 demo questions (`ask --batch`, shipped models):
# answers differing from the embedded store's fell from 73 to 50; correct answers 237 -> 241
# (embedded: 238).
FTS_ANALYZER = "english"


def create_fts(label: str) -> str:
    fields = ", ".join(f"n.{f}" for f in FTS_FIELDS[check_label(label)])
    return (
        f"CREATE FULLTEXT INDEX {fts_index(label)} IF NOT EXISTS FOR (n:{label}) ON EACH [{fields}] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FTS_ANALYZER}'}}}}"
    )


# the analyzer of each full-text index (an index built by an older shopgraph is recreated with FTS_ANALYZER)
FTS_ANALYZERS = "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options.indexConfig['fulltext.analyzer'] AS analyzer"


def drop_fts(label: str) -> str:
    return f"DROP INDEX {fts_index(check_label(label))} IF EXISTS"


def create_vector(label: str) -> str:
    prop = VECTOR_FIELD[check_label(label)]
    return (
        f"CREATE VECTOR INDEX {vector_index(label)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop}) "
        f"OPTIONS {{indexConfig: {{`vector.dimensions`: {EMBED_DIM}, `vector.similarity_function`: 'cosine'}}}}"
    )


def schema_statements() -> list[str]:
    """Every constraint and index, each safe to run again (IF NOT EXISTS)."""
    return (
        [create_constraint(label) for label in NODES]
        + [create_fts(label) for label in FTS_FIELDS]
        + [create_vector(label) for label in VECTOR_FIELD]
    )


AWAIT_INDEXES = f"CALL db.awaitIndexes({AWAIT_SECONDS})"


# ---------------------------------------------------------------- writes


def merge_nodes(label: str) -> str:
    """Upsert full node rows: every property but the embedding is set from the row (see set_vectors)."""
    node = NODES[check_label(label)]
    sets = ", ".join(f"n.{p} = r.{p}" for p, typ in node.properties.items() if p != node.key and typ != VECTOR)
    return f"UNWIND $rows AS r MERGE (n:{label} {{{node.key}: r.{node.key}}}) SET {sets}"


def set_vectors(label: str) -> str:
    """Write embeddings for the rows that carry one; a node without a new embedding keeps its own."""
    node = NODES[check_label(label)]
    prop = VECTOR_FIELD[label]
    return f"UNWIND $rows AS r MATCH (n:{label} {{{node.key}: r.{node.key}}}) SET n.{prop} = r.{prop}"


def merge_placeholders(label: str) -> str:
    """Create nodes referenced by key only; existing nodes are left as they are."""
    node = NODES[check_label(label)]
    return f"UNWIND $keys AS k MERGE (n:{label} {{{node.key}: k}})"


# Every key lookup in a batch write names the constraint's index (USING INDEX SEEK): a plan cached
# while the database was empty scanned the whole id index once per row in the next batch, which stalled
# 5 of 10 fresh 100k-product builds for 70-95 s; with the hint none of 5 stalled (76-90 s; benchmarks/RESULTS.md,
# Neo4j).


def _seek(var: str, label: str) -> str:
    return f"USING INDEX SEEK {var}:{check_label(label)}({NODES[label].key}) "


def delete_product_edges(name: str) -> str:
    rel = RELS[check_rel(name)]
    key = NODES[rel.source].key
    return (
        f"UNWIND $ids AS i MATCH (p:{rel.source} {{{key}: i}})-[r:{name}]->() {_seek('p', rel.source)}"
        "WHERE r.source = $source DELETE r RETURN count(*) AS n"
    )


def _endpoints(name: str) -> str:
    rel = RELS[check_rel(name)]
    src, dst = NODES[rel.source].key, NODES[rel.target].key
    return (
        f"UNWIND $rows AS r MATCH (a:{rel.source} {{{src}: r.`from`}}) {_seek('a', rel.source)}"
        f"MATCH (b:{rel.target} {{{dst}: r.`to`}}) {_seek('b', rel.target)}"
    )


def create_edges(name: str) -> str:
    """Fact edges, created fresh after delete_product_edges removed the old ones; returns how many."""
    props = RELS[check_rel(name)].properties
    sets = f"SET {', '.join(f'e.{p} = r.{p}' for p in props)} " if props else ""
    return f"{_endpoints(name)}CREATE (a)-[e:{name}]->(b) {sets}RETURN count(*) AS n"


def merge_edges(name: str) -> str:
    """Edges that must stay unique across builds (category hierarchy); returns how many rows matched."""
    return f"{_endpoints(name)}MERGE (a)-[:{name}]->(b) RETURN count(*) AS n"


def prune_orphans(label: str) -> str:
    """Nodes nothing points to any more: brands, values, categories without products or subcategories;
    of products only placeholders (no catalog), never a product read from a catalog."""
    extra = "n.catalog IS NULL AND " if check_label(label) == PRODUCT else ""
    return f"MATCH (n:{label}) WHERE {extra}NOT EXISTS {{ MATCH (n)<--() }} DETACH DELETE n RETURN count(*) AS n"


# ---------------------------------------------------------------- reads


def query_fts(label: str) -> str:
    """$text is a Lucene query; the store passes plain lower-case words (see neo4j.lucene_terms)."""
    key = NODES[check_label(label)].key
    return (
        f"CALL db.index.fulltext.queryNodes('{fts_index(label)}', $text) YIELD node, score "
        f"RETURN node.{key} AS key, score ORDER BY score DESC LIMIT $k"
    )


def query_vector(label: str) -> str:
    """Neo4j reports cosine as (1 + cos) / 2; the store turns it back into cos."""
    key = NODES[check_label(label)].key
    return (
        f"CALL db.index.vector.queryNodes('{vector_index(label)}', $k, $vector) YIELD node, score "
        f"RETURN node.{key} AS key, score ORDER BY score DESC"
    )
