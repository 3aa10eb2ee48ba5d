"""The Neo4j store: a Neo4j 5 server over Bolt with the official driver.

The URI comes from the caller (``--store`` or ``$SHOPGRAPH_STORE``); credentials come only from
NEO4J_USER / NEO4J_PASSWORD, the database from NEO4J_DATABASE (else the server's default).
Writes run as managed write transactions of batched ``UNWIND $rows … MERGE``; a read-only store
refuses writes before sending them and runs every query in a read transaction.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import urlsplit

from shopgraph.kg.errors import ConfigError, QueryError, ReadOnlyError
from shopgraph.kg.schema import NODES, PRODUCT, PRODUCT_FACT_RELS, RELS, SUBCATEGORY_OF, Source, check_label
from shopgraph.kg.store import cypher_neo4j as q
from shopgraph.kg.store.guard import writes
from shopgraph.kg.store.protocol import GraphBatch, WriteStats

logger = logging.getLogger(__name__)

T = TypeVar("T")

# edges that must stay unique across builds go through MERGE; fact edges are deleted and created
MERGED_RELS = {SUBCATEGORY_OF}
# rows per UNWIND statement
CHUNK = 10_000
# server codes that mean "this transaction or database may not write"
READ_ONLY_CODES = {
    "Neo.ClientError.Statement.AccessMode",
    "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
    "Neo.ClientError.General.ReadOnly",
}
_WORDS = re.compile(r"\w+", re.UNICODE)


def lucene_terms(text: str) -> str:
    """Plain lower-case words from user text, so Lucene syntax in it (quotes, brackets, AND/OR, ~, *) is
    matched as words rather than parsed; empty when the text has no words."""
    return " ".join(word.lower() for word in _WORDS.findall(text))


def credentials() -> tuple[str, str] | None:
    """(user, password) from NEO4J_USER / NEO4J_PASSWORD; None when neither is set (no authentication)."""
    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    if user is None and password is None:
        return None
    if not user or password is None:
        raise ConfigError(
            "set both NEO4J_USER and NEO4J_PASSWORD for Neo4j (or neither, for a server without authentication)"
        )
    return user, password


def _chunks(rows: list[T], size: int = CHUNK) -> Iterator[list[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class Neo4jStore:
    """A Neo4j database reached at ``uri`` (bolt://, neo4j://, with +s / +ssc for TLS)."""

    def __init__(self, uri: str, *, read_only: bool = False) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, DriverError, Neo4jError

        self.uri = uri
        self.read_only = read_only
        self.database = os.environ.get("NEO4J_DATABASE") or None
        if urlsplit(uri).username is not None:
            raise ConfigError(
                f"the Neo4j URI {_redacted(uri)} holds credentials; "
                "pass them in NEO4J_USER and NEO4J_PASSWORD and drop them from the URI"
            )
        auth = credentials()
        self._access = neo4j.READ_ACCESS if read_only else neo4j.WRITE_ACCESS
        self._errors: tuple[type[Exception], ...] = (Neo4jError, DriverError)
        self._schema_ready = False
        self._driver: Any = None
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=auth)
            self._driver.verify_connectivity()
        except AuthError as exc:
            self.close()
            raise ConfigError(
                f"Neo4j at {uri} refused the credentials ({exc.message}); check NEO4J_USER and NEO4J_PASSWORD"
            ) from exc
        except (DriverError, Neo4jError, ValueError) as exc:
            self.close()
            raise ConfigError(
                f"cannot reach Neo4j at {uri}: {' '.join(str(exc).split())}; check the URI (--store or SHOPGRAPH_STORE) "
                "and that the server is running"
            ) from exc

    # ------------------------------------------------------------------ plumbing

    def _transaction(self, write: bool, work: Callable[..., T], cypher: str, *args: Any) -> T:
        """Run ``work(tx, *args)`` in a managed transaction; engine and driver errors become QueryError."""
        from neo4j.exceptions import Neo4jError

        if self._driver is None:
            raise QueryError(cypher, f"the store at {self.uri} is closed")
        try:
            with self._driver.session(database=self.database, default_access_mode=self._access) as session:
                run = session.execute_write if write else session.execute_read
                return run(work, *args)
        except Neo4jError as exc:
            if exc.code in READ_ONLY_CODES:
                raise ReadOnlyError(cypher) from exc
            raise QueryError(cypher, exc.message or str(exc)) from exc
        except self._errors as exc:
            raise QueryError(cypher, f"{type(exc).__name__}: {exc}") from exc

    def _rows(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> list[dict[str, Any]]:
        def work(tx: Any) -> list[dict[str, Any]]:
            return tx.run(cypher, dict(params or {})).data()

        return self._transaction(write, work, cypher)

    def _count(self, cypher: str, params: Mapping[str, Any] | None = None, *, write: bool = False) -> int:
        rows = self._rows(cypher, params, write=write)
        return int(rows[0]["n"]) if rows else 0

    # ------------------------------------------------------------------ protocol

    def ensure_schema(self) -> None:
        if self._schema_ready or self.read_only:
            return
        analyzers = {r["name"]: r["analyzer"] for r in self._rows(q.FTS_ANALYZERS)}
        for label in q.FTS_FIELDS:
            if analyzers.get(q.fts_index(label), q.FTS_ANALYZER) != q.FTS_ANALYZER:
                self._rows(q.drop_fts(label), write=True)
        for statement in q.schema_statements():
            self._rows(statement, write=True)
        self._rows(q.AWAIT_INDEXES, write=True)
        self._schema_ready = True

    def upsert(self, batch: GraphBatch) -> WriteStats:
        if self.read_only:
            raise ReadOnlyError("upsert")
        self.ensure_schema()
        return self._transaction(True, self._write_batch, "upsert", batch)

    def _write_batch(self, tx: Any, batch: GraphBatch) -> WriteStats:
        """One write transaction; the driver may call it again on a transient error, so it only depends on batch."""
        stats = WriteStats()

        def run(cypher: str, **params: Any) -> list[dict[str, Any]]:
            return tx.run(cypher, params).data()

        for label, rows in batch.nodes.items():
            key = NODES[check_label(label)].key
            full = [r for r in rows if label != PRODUCT or r.get("title") is not None]
            stubs = [r[key] for r in rows if label == PRODUCT and r.get("title") is None]
            for chunk in _chunks(full):
                run(q.merge_nodes(label), rows=chunk)
            for keys in _chunks(stubs):
                run(q.merge_placeholders(label), keys=keys)
            stats.nodes[label] += len(rows)
        vectors = [{"id": r["id"], "embedding": [float(v) for v in r["embedding"]]}
                   for r in batch.nodes.get(PRODUCT, ()) if r.get("embedding") is not None]
        for chunk in _chunks(vectors):  # a product without a new embedding keeps the one it has
            run(q.set_vectors(PRODUCT), rows=chunk)
        for source, ids in batch.replace.items():
            if not ids:
                continue
            for name in PRODUCT_FACT_RELS:
                deleted = run(q.delete_product_edges(name), ids=list(ids), source=Source(source).value)
                stats.edges_deleted += int(deleted[0]["n"]) if deleted else 0
        for name, rows in batch.edges.items():
            cypher = q.merge_edges(name) if name in MERGED_RELS else q.create_edges(name)
            written = 0
            for chunk in _chunks(rows):
                found = run(cypher, rows=chunk)
                written += int(found[0]["n"]) if found else 0
            if written != len(rows):
                raise QueryError(
                    cypher, f"{len(rows) - written} of {len(rows)} {name} edges point at nodes that are not in the "
                    "graph; every edge's endpoints must be written in the same batch or before it",
                )
            stats.edges[name] += len(rows)
        return stats

    def refresh_indexes(self) -> None:
        """Neo4j keeps its indexes current on commit; this only waits for new ones to come online."""
        if self.read_only:
            return
        self.ensure_schema()
        self._rows(q.AWAIT_INDEXES, write=True)

    def prune(self) -> int:
        if self.read_only:
            raise ReadOnlyError("prune")
        return self._transaction(True, self._prune, "prune")

    @staticmethod
    def _prune(tx: Any) -> int:
        removed = 0
        while True:  # a category freed by its last child may free its parent in turn
            step = sum(int(tx.run(q.prune_orphans(label)).single()["n"]) for label in NODES)
            removed += step
            if not step:
                return removed

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if self.read_only and writes(cypher):
            raise ReadOnlyError(cypher)
        return self._rows(cypher, params, write=not self.read_only)

    @property
    def location(self) -> str:
        """Where the store is, as `--store` takes it."""
        return self.uri

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, max_rows: int,
             timeout_s: float) -> tuple[list[str], list[list[Any]], bool]:
        import neo4j

        if writes(cypher):
            raise ReadOnlyError(cypher)

        @neo4j.unit_of_work(timeout=timeout_s)
        def work(tx: Any) -> tuple[list[str], list[list[Any]], bool]:
            result = tx.run(cypher, dict(params or {}))
            keys, more = list(result.keys()), False
            rows: list[list[Any]] = []
            for record in result:
                if len(rows) >= max_rows:
                    more = True
                    break
                rows.append(list(record.values()))
            return keys, rows, more

        access, self._access = self._access, neo4j.READ_ACCESS  # the server enforces read-only too
        try:
            return self._transaction(False, work, cypher)
        finally:
            self._access = access

    def fulltext(self, label: str, text: str, k: int) -> list[tuple[str, float]]:
        check_label(label)
        terms = lucene_terms(text)
        if not terms:
            return []
        if label not in q.FTS_FIELDS:
            raise QueryError("fulltext", f"{label} nodes have no full-text index; only {list(q.FTS_FIELDS)} do")
        rows = self._rows(q.query_fts(label), {"text": terms, "k": int(k)})
        return [(r["key"], float(r["score"])) for r in rows]

    def nearest(self, label: str, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        if label not in q.VECTOR_FIELD:
            raise QueryError("nearest", f"{label} nodes have no embeddings; only {list(q.VECTOR_FIELD)} do")
        rows = self._rows(q.query_vector(label), {"vector": [float(v) for v in vector], "k": int(k)})
        if not rows and not self._count(q.has_vectors(label)):
            raise QueryError(q.query_vector(label), "no embeddings in the store; build with `--embed`")
        return [(r["key"], 2.0 * float(r["score"]) - 1.0) for r in rows]

    def counts(self) -> dict[str, dict[str, int]]:
        self.ensure_schema()
        return {
            "nodes": {label: self._count(q.count_nodes(label)) for label in NODES},
            "relationships": {name: self._count(q.count_rels(name)) for name in RELS},
        }

    def close(self) -> None:
        driver, self._driver = getattr(self, "_driver", None), None
        if driver is not None:
            driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _redacted(uri: str) -> str:
    parts = urlsplit(uri)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://***@{host}{port}"
