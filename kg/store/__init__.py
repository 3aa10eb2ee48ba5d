"""Graph stores: `open_store(where)` picks the backend from the path or URI."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from shopgraph.kg.errors import ConfigError
from shopgraph.kg.store.protocol import GraphBatch, GraphStore, WriteStats

__all__ = ["GraphBatch", "GraphStore", "WriteStats", "open_store", "DEFAULT_STORE"]

DEFAULT_STORE = "shopgraph.kuzu"


def _open_neo4j(where: str, read_only: bool) -> GraphStore:
    from shopgraph.kg.store.neo4j import Neo4jStore

    return Neo4jStore(where, read_only=read_only)


def _open_embedded(where: str, read_only: bool) -> GraphStore:
    from shopgraph.kg.store.embedded import EmbeddedStore

    return EmbeddedStore(where, read_only=read_only)


BACKENDS: dict[str, Callable[[str, bool], GraphStore]] = {
    "bolt": _open_neo4j,
    "bolt+s": _open_neo4j,
    "bolt+ssc": _open_neo4j,
    "neo4j": _open_neo4j,
    "neo4j+s": _open_neo4j,
    "neo4j+ssc": _open_neo4j,
}


def resolve_store(where: str | Path | None) -> str:
    """The store to use: the argument, else $SHOPGRAPH_STORE, else ./shopgraph.kuzu."""
    return str(where or os.environ.get("SHOPGRAPH_STORE") or DEFAULT_STORE)


def open_store(where: str | Path | None = None, *, read_only: bool = False) -> GraphStore:
    """A path opens the embedded store (Kùzu); a bolt:// or neo4j:// URI opens Neo4j."""
    target = resolve_store(where)
    scheme, sep, _ = target.partition("://")
    if sep:
        opener = BACKENDS.get(scheme.lower())
        if opener is None:
            raise ConfigError(
                f"unknown store URI scheme {scheme!r} in {target!r}; use a local path for the embedded "
                f"store or one of {', '.join(sorted(BACKENDS))}:// for Neo4j"
            )
        return opener(target, read_only)
    return _open_embedded(target, read_only)
