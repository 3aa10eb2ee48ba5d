"""All Cypher text for the embedded (Kùzu) backend.

Labels, types and property names come from shopgraph.kg.schema only; values are always parameters.
Kùzu's dialect: no `SET +=`, `CALL {}`, map projection, comprehensions or FOREACH; `label()` for `type()`.
"""

from __future__ import annotations

from shopgraph.kg.schema import NODES, RELS, STRING, VECTOR, check_label, check_rel

FTS_FIELDS: dict[str, list[str]] = {
    "Product": ["title", "description"],
    "Brand": ["name"],
    "Category": ["name", "path"],
    "AttributeValue": ["value", "normalized"],
}
VECTOR_FIELD = {"Product": "embedding"}


def fts_index(label: str) -> str:
    return f"{check_label(label).lower()}_fts"


def create_node_table(label: str) -> str:
    node = NODES[check_label(label)]
    cols = ", ".join(f"{name} {typ}" for name, typ in node.properties.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY({node.key}))"


def create_rel_table(name: str) -> str:
    rel = RELS[check_rel(name)]
    cols = "".join(f", {p} {typ}" for p, typ in rel.properties.items())
    return f"CREATE REL TABLE IF NOT EXISTS {name}(FROM {rel.source} TO {rel.target}{cols})"


def _typed(prop: str, typ: str) -> str:
    """r.prop, cast to the column type: Kùzu types a parameter column that is None in every row as STRING."""
    return f"r.{prop}" if typ == STRING else f"CAST(r.{prop} AS {typ})"


def merge_nodes(label: str) -> str:
    """Upsert full node rows: every property but the embedding is set from the row (see set_vectors)."""
    node = NODES[check_label(label)]
    sets = ", ".join(
        f"n.{p} = {_typed(p, typ)}" for p, typ in node.properties.items() if p != node.key and typ != VECTOR
    )
    return f"UNWIND $rows AS r MERGE (n:{label} {{{node.key}: r.{node.key}}}) SET {sets}"


def set_vectors(label: str) -> str:
    """Write embeddings for rows that have one. Kept apart from merge_nodes: Kùzu 0.11 cannot cast a
    parameter list that mixes None and vectors to a FLOAT[n] column."""
    node = NODES[check_label(label)]
    prop = VECTOR_FIELD[label]
    return (
        f"UNWIND $rows AS r MATCH (n:{label} {{{node.key}: r.{node.key}}}) "
        f"SET n.{prop} = {_typed(prop, node.properties[prop])}"
    )


def merge_edges(name: str) -> str:
    """Edges that must stay unique (category hierarchy): MERGE, not COPY."""
    rel = RELS[check_rel(name)]
    src, dst = NODES[rel.source], NODES[rel.target]
    return (
        f"UNWIND $rows AS r MATCH (a:{rel.source} {{{src.key}: r.from}}), (b:{rel.target} {{{dst.key}: r.to}}) "
        f"MERGE (a)-[:{name}]->(b)"
    )


def copy_edges(name: str, frame: str) -> str:
    return f"COPY {check_rel(name)} FROM {frame}"


def existing_keys(label: str) -> str:
    """Which of $keys already have a node: new ones are bulk-copied, only known ones need MERGE."""
    key = NODES[check_label(label)].key
    return f"UNWIND $keys AS k MATCH (n:{label} {{{key}: k}}) RETURN n.{key} AS k"


def copy_nodes(label: str, frame: str) -> str:
    """Bulk-append nodes from an Arrow table (every column of the label, in schema order)."""
    return f"COPY {check_label(label)} FROM {frame}"


def delete_product_edges(name: str) -> str:
    rel = RELS[check_rel(name)]
    return (
        f"UNWIND $ids AS i MATCH (p:{rel.source} {{id: i}})-[r:{name}]->() "
        "WHERE r.source = $source DELETE r RETURN count(*) AS n"
    )


# Nodes nothing points to any more: brands, values and categories without products (or
# subcategories), and placeholder products (no catalog) no relation targets.
PRUNE_ORPHANS: tuple[str, ...] = tuple(
    f"MATCH (n:{label}) WHERE {extra}NOT EXISTS {{ MATCH (n)<-[]-() }} DETACH DELETE n RETURN count(*) AS n"
    for label, extra in (("Brand", ""), ("AttributeValue", ""), ("Category", ""), ("Product", "n.catalog IS NULL AND "))
)


def count_nodes(label: str) -> str:
    return f"MATCH (n:{check_label(label)}) RETURN count(n) AS n"


def count_rels(name: str) -> str:
    return f"MATCH ()-[r:{check_rel(name)}]->() RETURN count(r) AS n"


SHOW_INDEXES = "CALL SHOW_INDEXES() RETURN index_name AS name"
SHOW_TABLES = "CALL show_tables() RETURN name"


def create_fts(label: str) -> str:
    fields = ", ".join(f"'{f}'" for f in FTS_FIELDS[check_label(label)])
    return f"CALL CREATE_FTS_INDEX('{label}', '{fts_index(label)}', [{fields}])"


def drop_fts(label: str) -> str:
    return f"CALL DROP_FTS_INDEX('{check_label(label)}', '{fts_index(label)}')"


def query_fts(label: str) -> str:
    key = NODES[check_label(label)].key
    return (
        f"CALL QUERY_FTS_INDEX('{label}', '{fts_index(label)}', $text, top := $k) "
        f"RETURN node.{key} AS key, score ORDER BY score DESC"
    )


def query_vector(label: str) -> str:
    """Exact cosine search by scanning the embeddings. Kùzu 0.11.3's HNSW index is not used: its column
    then refuses SET (a changed embedding), DROP_VECTOR_INDEX leaves a store whose next SET after reopening
    crashes the process, and building it over 100k products did not finish in 9 minutes here, while this
    scan of 100k embeddings takes about 30 ms."""
    node = NODES[check_label(label)]
    prop = VECTOR_FIELD[label]
    return (
        f"MATCH (n:{label}) WHERE n.{prop} IS NOT NULL "
        f"WITH n, array_cosine_similarity(n.{prop}, CAST($vector AS {node.properties[prop]})) AS score "
        f"RETURN n.{node.key} AS key, score ORDER BY score DESC LIMIT $k"
    )


def has_vectors(label: str) -> str:
    return f"MATCH (n:{check_label(label)}) WHERE n.{VECTOR_FIELD[label]} IS NOT NULL RETURN count(n) AS n"
