"""kg.store.guard.writes: the read-only check that runs before any engine sees a query."""

from __future__ import annotations

import pytest

from shopgraph.kg.store.guard import analyst_refusal, writes


@pytest.mark.parametrize("cypher", [
    "MATCH (n:Brand) /* it's */ CREATE (x:Brand {key: 'zz'}) /* ' */ RETURN n.key",  # quote inside a comment
    "MATCH (n) // it's\nSET n.x = 1",
    "CALL apoc.cypher.runWrite('CREATE (n)', {})",
    "CALL apoc.cypher.doIt('CREATE (n)', {})",
    "CALL db.index.vector.createNodeIndex('i', 'Product', 'embedding', 384, 'cosine')",
    "CALL db.index.fulltext.createNodeIndex('i', ['Product'], ['title'])",
    "CALL CREATE_VECTOR_INDEX('Product', 'v', 'embedding')",
    "unwind [1] AS i create (:Brand {key: toString(i)})",
])
def test_writes_recognises_write_queries(cypher: str) -> None:
    assert writes(cypher)


@pytest.mark.parametrize("cypher", [
    "MATCH (n) WHERE n.t = 'a // CREATE' RETURN n",  # a comment marker inside a string
    "MATCH (n) WHERE n.t = \"it's SET\" RETURN n",
    "MATCH (n) /* CREATE */ RETURN n",
    "MATCH (p:Product) WHERE p.title CONTAINS 'DELETE' RETURN p.`set`",
    "CALL apoc.cypher.run('MATCH (n) RETURN n', {})",
    "CALL db.index.fulltext.queryNodes('product_fts', 'mug') YIELD node RETURN node",
    "CALL QUERY_FTS_INDEX('Product', 'product_fts', 'mug') RETURN node",
])
def test_writes_lets_reads_through(cypher: str) -> None:
    assert not writes(cypher)


@pytest.mark.parametrize(("cypher", "kind"), [
    # passed the old \bLOAD\b check: no word boundary between 1 and L; the query returned /etc/passwd
    ("UNWIND [1] AS x WITH x LIMIT 1LOAD FROM '/etc/passwd' (a STRING) RETURN *", "access"),
    ("LOAD FROM '/etc/passwd' (a STRING) RETURN *", "access"),
    ("CALL READ_CSV_SERIAL('/etc/passwd') RETURN *", "access"),  # table functions segfaulted the app
    ("CALL read_csv_parallel('/etc/passwd') RETURN *", "access"),
    ("CALL JSON_SCAN('/tmp/x.json') RETURN *", "access"),
    ("CALL READ_PARQUET('/tmp/x.parquet') RETURN *", "access"),
    ("CALL READ_NPY('/tmp/x.npy') RETURN *", "access"),
    ("CALL show_functions() RETURN *", "access"),
    ("CALL timeout=1", "access"),  # settings on the shared connection broke other users' answers
    ("CALL threads=1", "access"),
    ("BEGIN TRANSACTION", "access"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "access"),
    ("UNINSTALL fts", "access"),
    ("ATTACH '/tmp/other.kuzu' AS other (dbtype kuzu)", "access"),
    ("MATCH (n) SET n.x = 1", "write"),
    ("CALL CREATE_FTS_INDEX('Brand', 'x', ['name'])", "write"),
])
def test_analyst_refusal_refuses_files_table_functions_settings_and_writes(cypher: str, kind: str) -> None:
    refusal = analyst_refusal(cypher)
    assert refusal is not None and refusal[0] == kind


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Product) RETURN p.id AS set",  # an alias named like a clause (a false positive before)
    "MATCH (n {set: 1}) RETURN n.set, n.`load`",
    "MATCH (p:Product) RETURN p.id;",
    "CALL QUERY_FTS_INDEX('Product', 'product_fts', 'mug') RETURN node",
    "CALL db.index.fulltext.queryNodes('product_fts', 'mug') YIELD node RETURN node",
    "MATCH (p:Product) WHERE p.title CONTAINS 'LOAD FROM' RETURN p LIMIT 1",
])
def test_analyst_refusal_lets_graph_reads_through(cypher: str) -> None:
    assert analyst_refusal(cypher) is None
