"""kg.store.guard.writes: the read-only check that runs before any engine sees a query."""

from __future__ import annotations

import pytest

from shopgraph.kg.store.guard import writes


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
