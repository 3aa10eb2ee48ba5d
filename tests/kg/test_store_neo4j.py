"""The store conformance suite on Neo4j, and the Neo4j store's set-up errors.

The conformance tests need a Neo4j 5 server: set NEO4J_URI (and NEO4J_USER / NEO4J_PASSWORD,
optionally NEO4J_DATABASE) to a database dedicated to tests, because every test starts by deleting
all of its nodes. Without NEO4J_URI they are skipped and the summary says why. The set-up tests
below the class run everywhere: they use the real driver against a closed local port.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from shopgraph.kg.errors import ConfigError
from shopgraph.kg.store import open_store
from shopgraph.kg.store.neo4j import Neo4jStore, lucene_terms
from shopgraph.kg.testing import StoreContract, StoreFactory

NO_SERVER = (
    "NEO4J_URI is not set: no Neo4j server on this machine; the Neo4j suite runs when NEO4J_URI points at one"
)
# Nothing listens on port 1 of the loopback address, so connecting fails at once.
CLOSED_PORT = "bolt://127.0.0.1:1"


SERVER = os.environ.get("NEO4J_URI", "")


@pytest.mark.neo4j
class TestNeo4jStore(StoreContract):
    # collected only when a server is named; without one, test_neo4j_server_is_reachable says why in the summary
    __test__ = bool(SERVER)

    @pytest.fixture
    def store_factory(self) -> StoreFactory:
        with Neo4jStore(SERVER) as store:
            # the database is dedicated to these tests (see README, Stores): start each test empty
            store.query("MATCH (n) DETACH DELETE n")

        def open_(read_only: bool) -> Neo4jStore:
            return Neo4jStore(SERVER, read_only=read_only)

        return open_


@pytest.mark.neo4j
@pytest.mark.skipif(not SERVER, reason=NO_SERVER)
def test_neo4j_server_is_reachable() -> None:
    with Neo4jStore(SERVER, read_only=True) as store:
        assert store.query("RETURN 1 AS one") == [{"one": 1}]


@pytest.mark.neo4j
@pytest.mark.skipif(not SERVER, reason=NO_SERVER)
def test_neo4j_full_text_index_of_another_analyzer_is_recreated() -> None:
    """An index made with Neo4j's default analyzer (an older shopgraph) is rebuilt with the English one."""
    from shopgraph.kg.store import cypher_neo4j as q

    with Neo4jStore(SERVER) as store:
        store.query(q.drop_fts("Product"))
        store.query("CREATE FULLTEXT INDEX product_fts FOR (n:Product) ON EACH [n.title, n.description]")
    with Neo4jStore(SERVER) as store:
        store.ensure_schema()
        analyzers = {r["name"]: r["analyzer"] for r in store.query(q.FTS_ANALYZERS)}
    assert analyzers["product_fts"] == q.FTS_ANALYZER == "english"


@pytest.fixture
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    for name in ("NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch.setenv


@pytest.mark.parametrize("uri", [CLOSED_PORT, "neo4j://127.0.0.1:1"])
def test_neo4j_store_unreachable_server_names_the_uri(no_credentials: Callable[..., None], uri: str) -> None:
    with pytest.raises(ConfigError, match=rf"cannot reach Neo4j at {uri}: .*check the URI"):
        Neo4jStore(uri)


def test_open_store_routes_bolt_uris_to_neo4j(no_credentials: Callable[..., None]) -> None:
    with pytest.raises(ConfigError, match=f"cannot reach Neo4j at {CLOSED_PORT}"):
        open_store(CLOSED_PORT, read_only=True)


@pytest.mark.parametrize("present", ["NEO4J_USER", "NEO4J_PASSWORD"])
def test_neo4j_store_needs_both_credentials(no_credentials: Callable[..., None], present: str) -> None:
    no_credentials(present, "neo4j")
    with pytest.raises(ConfigError, match="set both NEO4J_USER and NEO4J_PASSWORD"):
        Neo4jStore(CLOSED_PORT)


def test_neo4j_store_refuses_credentials_in_the_uri(no_credentials: Callable[..., None]) -> None:
    with pytest.raises(ConfigError, match=r"bolt://\*\*\*@127.0.0.1:1 holds credentials") as caught:
        Neo4jStore("bolt://neo4j:secret@127.0.0.1:1")
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Steel Water Bottle", "steel water bottle"),
        ('bottle" OR "1"="1', "bottle or 1 1"),
        ("'}) DETACH DELETE n //", "detach delete n"),
        ("title:steel~ AND (red* OR [a TO z])", "title steel and red or a to z"),
        ("Café crème", "café crème"),
        ("  -- !! ", ""),
    ],
)
def test_neo4j_lucene_terms_keeps_words_only(text: str, terms: str) -> None:
    assert lucene_terms(text) == terms
