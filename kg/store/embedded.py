"""The embedded store: Kùzu at a local path (works offline; full-text and vector indexes built in)."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shopgraph.kg.errors import ConfigError, QueryError, ReadOnlyError
from shopgraph.kg.schema import (
    DOUBLE,
    EMBED_DIM,
    INT64,
    NODES,
    PRODUCT_FACT_RELS,
    RELS,
    STRING,
    STRING_LIST,
    SUBCATEGORY_OF,
    VECTOR,
    Source,
)
from shopgraph.kg.store import cypher_kuzu as q
from shopgraph.kg.store.guard import writes
from shopgraph.kg.store.protocol import GraphBatch, WriteStats

logger = logging.getLogger(__name__)

# edges that must stay unique across builds go through MERGE; the rest are bulk-copied
MERGED_RELS = {SUBCATEGORY_OF}


def _arrow_type(typ: str) -> Any:
    import pyarrow as pa

    return {
        STRING: pa.string(),
        DOUBLE: pa.float64(),
        INT64: pa.int64(),
        "BOOLEAN": pa.bool_(),
        STRING_LIST: pa.list_(pa.string()),
    }.get(typ) or pa.list_(pa.float32())


@contextmanager
def staged(path: str | Path) -> Iterator[Path]:
    """A build's working copy: yields ``<path>.building`` (a copy of the store, or nothing for a new one) to
    write into; when the block ends without an error, the copy replaces ``<path>`` in one rename.

    Kùzu 0.11.3 does not always recover a store whose writer was killed: of 20 builds killed with
    SIGKILL (issue 11), 10 left a store on which every rerun failed ("Cannot find table catalog entry",
    "Unable to find primary key value", duplicated primary keys, twice a segfault). Writing a copy
    keeps ``<path>`` as it was until the build has finished, so the same command run again starts from
    the same store and gives the same graph; a stale ``.building`` from a killed build is thrown away.
    The cost is one file copy of the store per build, and the disk space of a second copy meanwhile."""
    import fcntl

    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"{path} is a directory; the embedded store is a single file, e.g. {path / 'graph.kuzu'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = open(path.with_name(path.name + ".lock"), "a")  # held for the whole build
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise ConfigError(f"the graph store at {path} is in use: another build is writing it; wait for it or stop "
                          "it, or pass another --store") from None
    try:
        yield from _staged(path)
    finally:
        lock.close()


def _staged(path: Path) -> Iterator[Path]:
    import kuzu

    if path.exists():  # no other writer may hold it while it is copied (readers such as `serve` may)
        try:
            kuzu.Database(str(path), read_only=True).close()
        except RuntimeError as exc:
            if "lock" in str(exc).lower():
                raise ConfigError(f"the graph store at {path} is in use: another build or program is writing it; "
                                  "wait for it or stop it, or pass another --store") from exc
            raise ConfigError(f"cannot open the graph store at {path}: {exc}") from exc
    work = path.with_name(path.name + ".building")
    for stale in (work, *_sidecars(work)):
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink(missing_ok=True)
    if path.exists():
        shutil.copy2(path, work)
        for side, copy in zip(_sidecars(path), _sidecars(work)):  # left by a writer that died mid-way
            if side.exists():
                shutil.copy2(side, copy)
    try:
        yield work
    except BaseException:
        for leftover in (work, *_sidecars(work)):
            leftover.unlink(missing_ok=True)
        raise
    if any(side.exists() for side in _sidecars(work)):  # not seen after a clean close; folded in if ever
        kuzu.Database(str(work)).close()
    # <path>'s own side files (only a writer that died outside a staged build leaves any) go before the
    # rename, so that no side file outlives its store: Kùzu would replay it into the next build's copy
    for side in _sidecars(path):
        side.unlink(missing_ok=True)
    os.replace(work, path)


def _sidecars(path: Path) -> tuple[Path, Path]:
    """Kùzu 0.11's files beside a store: its write-ahead log and the shadow pages of a checkpoint."""
    return path.with_name(path.name + ".wal"), path.with_name(path.name + ".shadow")


BUFFER_POOL_ENV = "SHOPGRAPH_BUFFER_POOL_MB"


def buffer_pool_default() -> int | None:
    """Kùzu's buffer pool in MB: $SHOPGRAPH_BUFFER_POOL_MB, else None (Kùzu's own default, 80 % of the
    machine's memory; a 1M-product build peaked at 5.0 GB RSS with it). Measured 2026-11-28: with a
    1024 MB pool the same 1M build failed ("the buffer pool is full") at 3.0 GB RSS, so a bound is the
    user's choice for now, not the default (benchmarks/RESULTS.md, "Memory")."""
    raw = os.environ.get(BUFFER_POOL_ENV, "").strip()
    if not raw:
        return None
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 64:
        raise ConfigError(f"{BUFFER_POOL_ENV}={raw!r} is not a number of megabytes of at least 64; e.g. "
                          f"{BUFFER_POOL_ENV}=1024")
    return value


class EmbeddedStore:
    """Kùzu database in a single file at ``path`` (created on first write)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, buffer_pool_mb: int | None = None) -> None:
        import kuzu

        self.path = Path(path)
        self.read_only = read_only
        self.buffer_pool_mb = buffer_pool_mb or buffer_pool_default()
        if read_only and not self.path.exists():
            raise ConfigError(f"no graph store at {self.path}; build one first with `shopgraph build CATALOG --store {self.path}`")
        if self.path.is_dir():
            raise ConfigError(f"{self.path} is a directory; the embedded store is a single file, e.g. {self.path / 'graph.kuzu'}")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            pool: dict[str, Any] = {"buffer_pool_size": self.buffer_pool_mb * 1024 * 1024} if self.buffer_pool_mb else {}
            self._db = kuzu.Database(str(self.path), read_only=read_only, **pool)
        except RuntimeError as exc:
            if "lock" in str(exc).lower():
                raise ConfigError(f"the graph store at {self.path} is in use: another build or `shopgraph serve` is "
                                  "using this store; wait for it or stop it, or pass another --store") from exc
            raise ConfigError(f"cannot open the graph store at {self.path}: {exc}") from exc
        self._conn = kuzu.Connection(self._db)
        self._schema_ready = False
        self._fts_seen: set[str] = set()  # labels whose full-text index is known to exist (no lookup per search)

    # ------------------------------------------------------------------ plumbing

    def _run(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as exc:
            message = str(exc)
            if "read-only" in message:
                raise ReadOnlyError(cypher) from exc
            raise QueryError(cypher, message) from exc
        except (ValueError, TypeError) as exc:  # a parameter Kùzu cannot bind (a list of mixed types)
            raise QueryError(cypher, f"bad parameter: {exc}") from exc
        results = result if isinstance(result, list) else [result]
        rows: list[dict[str, Any]] = []
        for res in results:
            names = res.get_column_names()
            while res.has_next():
                rows.append(dict(zip(names, res.get_next())))
        return rows

    def _tables(self) -> set[str]:
        return {r["name"] for r in self._run(q.SHOW_TABLES)}

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
            # Nodes new to the store are bulk-copied (MERGE costs ~1 ms a row); only known ones are merged.
            # Products new to the store have no edges yet, so their stale-edge deletes are skipped.
            replaced = {i for ids in batch.replace.values() for i in ids}
            known_products = self._existing(
                "Product", replaced | {r["id"] for r in batch.nodes.get("Product", ())})
            for label, rows in batch.nodes.items():
                latest = self._latest_rows(label, rows)
                known = known_products if label == "Product" else self._existing(label, set(latest))
                new = [r for k, r in latest.items() if k not in known]
                changed = [r for k, r in latest.items()
                           if k in known and (label != "Product" or r.get("title") is not None)]
                if new:
                    self._copy_nodes(label, new)
                if changed:
                    self._run(q.merge_nodes(label), {"rows": changed})
                stats.nodes[label] += len(rows)
            vectors = [v for v in vectors if v["id"] in known_products]  # new products got theirs in the COPY
            if vectors:  # a product without a new embedding keeps the one it has
                self._run(q.set_vectors("Product"), {"rows": vectors})
            for source, ids in batch.replace.items():
                stale = [i for i in ids if i in known_products]
                if not stale:
                    continue
                for name in PRODUCT_FACT_RELS:
                    rows = self._run(q.delete_product_edges(name), {"ids": stale, "source": Source(source).value})
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

    def _existing(self, label: str, keys: set[str]) -> set[str]:
        if not keys:
            return set()
        return {r["k"] for r in self._run(q.existing_keys(label), {"keys": sorted(keys)})}

    @staticmethod
    def _latest_rows(label: str, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """One row per key, as successive MERGE … SET would leave it: the last full row wins, and a
        placeholder (a Product row without a title) only stands in when there is no full row."""
        key = NODES[label].key
        latest: dict[str, dict[str, Any]] = {}
        for row in rows:
            if label == "Product" and row.get("title") is None:
                latest.setdefault(row[key], row)
            else:
                latest[row[key]] = row
        return latest

    def _copy_nodes(self, label: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        columns = {}
        for prop, typ in NODES[label].properties.items():
            arrow = pa.list_(pa.float32(), EMBED_DIM) if typ == VECTOR else _arrow_type(typ)
            try:
                columns[prop] = pa.array([r.get(prop) for r in rows], arrow)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
                raise QueryError(q.copy_nodes(label, "frame"), f"{label}.{prop}: {exc}") from exc
        frame = pa.table(columns)  # noqa: F841  (named in the COPY statement)
        try:
            self._conn.execute(q.copy_nodes(label, "frame"))
        except RuntimeError as exc:
            raise QueryError(q.copy_nodes(label, "frame"), str(exc)) from exc

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
        self._fts_seen.clear()
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
        if writes(cypher):
            if self.read_only:
                raise ReadOnlyError(cypher)
            self._fts_seen.clear()  # a write may have dropped an index
        return self._run(cypher, params)

    @property
    def location(self) -> str:
        """Where the store is, as `--store` takes it."""
        return str(self.path)

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, max_rows: int,
             timeout_s: float) -> tuple[list[str], list[list[Any]], bool]:
        if writes(cypher):
            raise ReadOnlyError(cypher)
        self._conn.set_query_timeout(max(1, int(timeout_s * 1000)))
        try:
            result = self._conn.execute(cypher, dict(params or {}))
        except RuntimeError as exc:
            message = str(exc)
            if "interrupt" in message.lower() or "timeout" in message.lower():
                raise QueryError(cypher, f"stopped after {timeout_s:g} s, the time limit; narrow the pattern, add "
                                         "LIMIT, or raise the limit (--timeout)") from exc
            raise QueryError(cypher, message) from exc
        except (ValueError, TypeError) as exc:
            raise QueryError(cypher, f"bad parameter: {exc}") from exc
        finally:
            self._conn.set_query_timeout(0)
        res = result[-1] if isinstance(result, list) else result
        names = res.get_column_names()
        rows: list[Any] = []  # Kùzu returns each row as a list
        while res.has_next() and len(rows) < max_rows:
            rows.append(res.get_next())
        return names, rows, res.has_next()

    def fulltext(self, label: str, text: str, k: int) -> list[tuple[str, float]]:
        if not text.strip():
            return []
        if label not in self._fts_seen:
            if q.fts_index(label) not in self._indexes():
                if self.read_only:
                    raise QueryError(q.query_fts(label), f"no full-text index on {label}; rebuild with `shopgraph build`")
                self.refresh_indexes()
            self._fts_seen.add(label)
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
