"""The one store Protocol every backend implements, and the values that cross it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from shopgraph.kg.schema import Source


@dataclass
class GraphBatch:
    """What one write brings: node rows by label, edge rows by type, and what they replace.

    - ``nodes[label]`` rows hold every property of that label (None where absent); ``Product``
      rows without a title are placeholders for products only referenced by a relation: they
      create the node when missing and never overwrite a real product.
    - ``edges[type]`` rows hold ``from``/``to`` keys and the relationship's properties.
    - ``replace[source]`` lists product ids whose outgoing fact edges of that source are deleted
      before the new edges are written, so a changed product loses its stale facts.
    """

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    replace: dict[Source, list[str]] = field(default_factory=dict)

    def add_node(self, label: str, row: dict[str, Any]) -> None:
        self.nodes.setdefault(label, []).append(row)

    def add_edge(self, rel: str, row: dict[str, Any]) -> None:
        self.edges.setdefault(rel, []).append(row)

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges or any(self.replace.values()))


@dataclass
class WriteStats:
    """Counts from one or more writes."""

    nodes: Counter[str] = field(default_factory=Counter)
    edges: Counter[str] = field(default_factory=Counter)
    edges_deleted: int = 0

    def add(self, other: WriteStats) -> None:
        self.nodes.update(other.nodes)
        self.edges.update(other.edges)
        self.edges_deleted += other.edges_deleted


@runtime_checkable
class GraphStore(Protocol):
    """A graph database shopgraph can build into and query."""

    read_only: bool
    location: str  # a path or a bolt:// URI, as `--store` takes it (a child process can open it again)

    def ensure_schema(self) -> None:
        """Create tables/constraints and indexes that are missing; safe to call again."""

    def upsert(self, batch: GraphBatch) -> WriteStats:
        """Write one batch atomically where the engine allows; values only as parameters."""

    def refresh_indexes(self) -> None:
        """Bring full-text and vector indexes up to date after writes."""

    def prune(self) -> int:
        """Delete nodes nothing points to any more, repeating until none is left; returns how many.

        Brands, attribute values and categories without products (or subcategories), and placeholder
        products (no catalog: a relation target never read from a catalog) that no relation targets.
        A product read from a catalog is never pruned."""

    def query(self, cypher: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run Cypher in this backend's dialect; raises QueryError (ReadOnlyError for writes when read-only)."""

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, max_rows: int,
             timeout_s: float) -> tuple[list[str], list[list[Any]], bool]:
        """An analyst's read-only query, bounded: (columns, at most ``max_rows`` rows, whether rows were
        left out); stopped with QueryError after ``timeout_s`` seconds. Callers check it with
        ``guard.analyst_refusal`` first (kg.store.analyst runs it in a child process)."""

    def fulltext(self, label: str, text: str, k: int) -> list[tuple[str, float]]:
        """Keys of the k best full-text matches for ``text`` among nodes of ``label``, best first."""

    def nearest(self, label: str, vector: Sequence[float], k: int) -> list[tuple[str, float]]:
        """Keys of the k nodes of ``label`` whose embedding is closest to ``vector`` (cosine similarity, best first)."""

    def counts(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: n}, "relationships": {type: n}} for every label and type in the schema."""

    def close(self) -> None:
        """Release the database or driver."""
