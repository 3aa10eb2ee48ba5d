"""All Cypher text for the embedded (Kùzu) backend.

Labels, types and property names come from kg.schema only; values are always parameters.
Kùzu's dialect: no `SET +=`, `CALL {}`, map projection, comprehensions or FOREACH; `label()` for `type()`.
"""

from __future__ import annotations

from kg.schema import NODES, RELS, VECTOR, check_label, check_rel

FTS_FIELDS: dict[str, list[str]] = {
    "Product": ["title", "description"],
    "Brand": ["name"],
    "Category": ["name", "path"],
    "AttributeValue": ["value", "normalized"],
}
VECTOR_FIELD = {"Product": "embedding"}


def fts_index(label: str) -> str:
    return f"{check_label(label).lower()}_fts"


def vector_index(label: str) -> str:
    return f"{check_label(label).lower()}_vec"


def create_node_table(label: str) -> str:
    node = NODES[check_label(label)]
    cols = ", ".join(f"{name} {typ}" for name, typ in node.properties.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY({node.key}))"


def create_rel_table(name: str) -> str:
    rel = RELS[check_rel(name)]
    cols = "".join(f", {p} {typ}" for p, typ in rel.properties.items())
    return f"CREATE REL TABLE IF NOT EXISTS {name}(FROM {rel.source} TO {rel.target}{cols})"


def merge_nodes(label: str, *, with_vector: bool = False) -> str:
    """Upsert full node rows: every property is set from the row."""
    node = NODES[check_label(label)]
    sets = ", ".join(
        f"n.{p} = r.{p}"
        for p, typ in node.properties.items()
        if p != node.key and (with_vector or typ != VECTOR)
    )
    return f"UNWIND $rows AS r MERGE (n:{label} {{{node.key}: r.{node.key}}}) SET {sets}"


def merge_placeholders(label: str) -> str:
    """Create nodes referenced by key only; existing nodes are left as they are."""
    node = NODES[check_label(label)]
    return f"UNWIND $keys AS k MERGE (n:{label} {{{node.key}: k}})"


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


def delete_product_edges(name: str) -> str:
    rel = RELS[check_rel(name)]
    return (
        f"UNWIND $ids AS i MATCH (p:{rel.source} {{id: i}})-[r:{name}]->() "
        "WHERE r.source = $source DELETE r RETURN count(*) AS n"
    )


def prune_orphans(label: str) -> str:
    return f"MATCH (n:{check_label(label)}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} DELETE n RETURN count(*) AS n"


def count_nodes(label: str) -> str:
    return f"MATCH (n:{check_label(label)}) RETURN count(n) AS n"


def count_rels(name: str) -> str:
    return f"MATCH ()-[r:{check_rel(name)}]->() RETURN count(r) AS n"


SHOW_INDEXES = "CALL SHOW_INDEXES() RETURN index_name AS name"


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


def create_vector(label: str) -> str:
    return (
        f"CALL CREATE_VECTOR_INDEX('{check_label(label)}', '{vector_index(label)}', "
        f"'{VECTOR_FIELD[label]}', metric := 'cosine')"
    )


def drop_vector(label: str) -> str:
    return f"CALL DROP_VECTOR_INDEX('{check_label(label)}', '{vector_index(label)}')"


def query_vector(label: str) -> str:
    key = NODES[check_label(label)].key
    return (
        f"CALL QUERY_VECTOR_INDEX('{label}', '{vector_index(label)}', $vector, $k) "
        f"RETURN node.{key} AS key, distance ORDER BY distance"
    )


def has_vectors(label: str) -> str:
    return f"MATCH (n:{check_label(label)}) WHERE n.{VECTOR_FIELD[label]} IS NOT NULL RETURN count(n) AS n"
