"""The embedded store: Kùzu at a local path (works offline; full-text and vector indexes built in)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kg.errors import ConfigError, QueryError, ReadOnlyError
from kg.schema import DOUBLE, INT64, NODES, RELS, STRING, STRING_LIST, VECTOR, Source
from kg.store import cypher_kuzu as q
from kg.store.guard import writes
from kg.store.protocol import GraphBatch, WriteStats

logger = logging.getLogger(__name__)

# edges that must stay unique across builds go through MERGE; the rest are bulk-copied
MERGED_RELS = {"SUBCATEGORY_OF"}


def _arrow_type(typ: str) -> Any:
    import pyarrow as pa

    return {
        STRING: pa.string(),
        DOUBLE: pa.float64(),
        INT64: pa.int64(),
        "BOOLEAN": pa.bool_(),
        STRING_LIST: pa.list_(pa.string()),
    }.get(typ) or pa.list_(pa.float32())


class EmbeddedStore:
    """Kùzu database in a single file at ``path`` (created on first write)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        import kuzu

        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise ConfigError(f"no graph store at {self.path}; build one first with `shopgraph build CATALOG --store {self.path}`")
        if self.path.is_dir():
            raise ConfigError(f"{self.path} is a directory; the embedded store is a single file, e.g. {self.path / 'graph.kuzu'}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = kuzu.Database(str(self.path), read_only=read_only)
        except RuntimeError as exc:
            raise ConfigError(f"cannot open the graph store at {self.path}: {exc}") from exc
        self._conn = kuzu.Connection(self._db)
        self._schema_ready = False

    # ------------------------------------------------------------------ plumbing

    def _run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as exc:
            message = str(exc)
            if "read-only" in message:
                raise ReadOnlyError(cypher) from exc
            raise QueryError(cypher, message) from exc
        results = result if isinstance(result, list) else [result]
        rows: list[dict[str, Any]] = []
        for res in results:
            names = res.get_column_names()
            while res.has_next():
                rows.append(dict(zip(names, res.get_next())))
        return rows

    def _tables(self) -> set[str]:
        return {r["name"] for r in self._run("CALL show_tables() RETURN name")}

    def _indexes(self) -> set[str]:
        return {r["name"] for r in self._run(q.SHOW_INDEXES)}

    # ------------------------------------------------------------------ protocol

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        if self.read_only:
            missing = set(NODES) - self._tables()
            if missing:
                raise ConfigError(f"the store at {self.path} has no {sorted(missing)} tables; build it first")
            self._schema_ready = True
            return
        for label in NODES:
            self._run(q.create_node_table(label))
        for name in RELS:
            self._run(q.create_rel_table(name))
        self._schema_ready = True

    def upsert(self, batch: GraphBatch) -> WriteStats:
        if self.read_only:
            raise ReadOnlyError("upsert")
        self.ensure_schema()
        stats = WriteStats()
        vectors = [{"id": r["id"], "embedding": r["embedding"]}
                   for r in batch.nodes.get("Product", ()) if r.get("embedding") is not None]
        self._drop_fulltext()
        self._run("BEGIN TRANSACTION")
        try:
            for label, rows in batch.nodes.items():
                full = [r for r in rows if label != "Product" or r.get("title") is not None]
                stubs = [r[NODES[label].key] for r in rows if label == "Product" and r.get("title") is None]
                if full:
                    self._run(q.merge_nodes(label), {"rows": full})
                if stubs:
                    self._run(q.merge_placeholders(label), {"keys": stubs})
                stats.nodes[label] += len(rows)
            if vectors:  # a product without a new embedding keeps the one it has
                self._run(q.set_vectors("Product"), {"rows": vectors})
            for source, ids in batch.replace.items():
                if not ids:
                    continue
                for name in RELS:
                    if RELS[name].source == "Product" and "source" in RELS[name].properties:
                        rows = self._run(
                            q.delete_product_edges(name), {"ids": list(ids), "source": Source(source).value}
                        )
                        stats.edges_deleted += int(rows[0]["n"]) if rows else 0
            for name, rows in batch.edges.items():
                if not rows:
                    continue
                if name in MERGED_RELS:
                    self._run(q.merge_edges(name), {"rows": rows})
                else:
                    self._copy_edges(name, rows)
                stats.edges[name] += len(rows)
            self._run("COMMIT")
        except BaseException:
            self._rollback()
            raise
        return stats

    def _rollback(self) -> None:
        """Roll back the open transaction; a failed statement has already rolled it back in Kùzu,
        and the error that caused it must not be replaced by 'No active transaction'."""
        try:
            self._conn.execute("ROLLBACK")
        except RuntimeError as exc:
            if "No active transaction" not in str(exc):
                raise
            logger.debug("transaction already rolled back by the engine: %s", exc)

    def _count_edges(self, name: str) -> int:
        return int(self._run(q.count_rels(name))[0]["n"])

    def _copy_edges(self, name: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        props = RELS[name].properties
        columns = {"from": pa.array([r["from"] for r in rows], pa.string()),
                   "to": pa.array([r["to"] for r in rows], pa.string())}
        for prop, typ in props.items():
            columns[prop] = pa.array([r.get(prop) for r in rows], _arrow_type(typ))
        frame = pa.table(columns)  # noqa: F841  (named in the COPY statement)
        try:
            self._conn.execute(q.copy_edges(name, "frame"))
        except RuntimeError as exc:
            raise QueryError(q.copy_edges(name, "frame"), str(exc)) from exc

    def _drop_fulltext(self) -> None:
        """Kùzu 0.11.3 crashes (SIGSEGV) on MERGE into a node table that has a full-text index once
        the table is rebuilt, so writes drop those indexes and refresh_indexes() recreates them."""
        existing = self._indexes()
        for label in q.FTS_FIELDS:
            if q.fts_index(label) in existing:
                self._run(q.drop_fts(label))

    def refresh_indexes(self) -> None:
        if self.read_only:
            return
        self.ensure_schema()
        existing = self._indexes()
        for label in q.FTS_FIELDS:
            if q.fts_index(label) not in existing:
                self._run(q.create_fts(label))

    def prune(self) -> int:
        if self.read_only:
            raise ReadOnlyError("prune")
        removed = 0
        while True:  # a category freed by its last child may free its parent in turn
            pass_removed = sum(int(self._run(query)[0]["n"]) for query in q.PRUNE_ORPHANS)
            removed += pass_removed
            if not pass_removed:
                return removed

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        if self.read_only and writes(cypher):
            raise ReadOnlyError(cypher)
        return self._run(cypher, params)

    def fulltext(self, label: str, text: str, k: int) -> list[tuple[str, float]]:
        if not text.strip():
            return []
        if q.fts_index(label) not in self._indexes():
            if self.read_only:
                raise QueryError(q.query_fts(label), f"no full-text index on {label}; rebuild with `shopgraph build`")
            self.refresh_indexes()
        rows = self._run(q.query_fts(label), {"text": text, "k": int(k)})
        return [(r["key"], float(r["score"])) for r in rows[:k]]

    def nearest(self, label: str, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        if label not in q.VECTOR_FIELD:
            raise QueryError("nearest", f"{label} nodes have no embeddings; only {list(q.VECTOR_FIELD)} do")
        rows = self._run(q.query_vector(label), {"vector": [float(v) for v in vector], "k": int(k)})
        if not rows and not self._run(q.has_vectors(label))[0]["n"]:
            raise QueryError(q.query_vector(label), "no embeddings in the store; build with `--embed`")
        return [(r["key"], float(r["score"])) for r in rows]

    def counts(self) -> dict[str, dict[str, int]]:
        self.ensure_schema()
        return {
            "nodes": {label: int(self._run(q.count_nodes(label))[0]["n"]) for label in NODES},
            "relationships": {name: self._count_edges(name) for name in RELS},
        }

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        self._conn = self._db = None  # type: ignore[assignment]

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
