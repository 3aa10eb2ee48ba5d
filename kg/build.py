"""build_graph: catalog records (and optional extracted facts) → batched writes into a graph store."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from shopgraph.kg.catalog import Product, Record, Rejected
from shopgraph.kg.normalize import attribute_key, canonical, category_keys, display, normalize_value, value_key
from shopgraph.kg.schema import (
    BRAND,
    CATEGORY,
    HAS_BRAND,
    HAS_VALUE,
    IN_CATEGORY,
    PRODUCT,
    SUBCATEGORY_OF,
    VALUE,
    ProductRelation,
    Source,
    edge_row,
)
from shopgraph.kg.store.protocol import GraphBatch, GraphStore, WriteStats

logger = logging.getLogger(__name__)


class OnError(str, Enum):
    FAIL = "fail"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class ExtractedValue:
    """An attribute value a model found in a product's text."""

    attribute: str
    value: str
    field: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class ExtractedRelation:
    """A product-to-product relation a model found in a product's text."""

    type: ProductRelation
    target: str  # product id
    field: str
    start: int
    end: int
    score: float


@dataclass
class Extraction:
    """What an extractor returns for one product; ``embedding`` feeds vector search (length EMBED_DIM)."""

    values: list[ExtractedValue] = field(default_factory=list)
    relations: list[ExtractedRelation] = field(default_factory=list)
    embedding: list[float] | None = None


class Extractor(Protocol):
    """Anything that reads products' text and returns facts (extraction.tagger provides one)."""

    name: str
    version: str

    def extract(self, products: Sequence[Product]) -> list[Extraction]: ...


@dataclass
class BuildReport:
    read: int = 0
    written: int = 0
    rejected: int = 0
    extracted_values: int = 0  # extracted facts written (after --min-score, catalog-wins and duplicates)
    extracted_relations: int = 0
    unusable_values: int = 0  # catalog brands/attribute names that normalise to nothing ("!!!"): warned, not written
    pruned: int = 0
    writes: WriteStats = field(default_factory=WriteStats)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "products_read": self.read,
            "products_written": self.written,
            "products_rejected": self.rejected,
            "extracted_values": self.extracted_values,
            "extracted_relations": self.extracted_relations,
            "unusable_catalog_values": self.unusable_values,
            "orphans_pruned": self.pruned,
            "edges_replaced": self.writes.edges_deleted,
            "graph": self.counts,
        }


def content_hash(product: Product) -> str:
    payload = {k: getattr(product, k) for k in (
        "id", "title", "description", "bullets", "brand", "category", "price", "currency", "attributes", "url")}
    payload["related"] = [(t.value, i) for t, i in product.related]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


class BatchWriter:
    """Turns products into GraphBatch rows: one node per canonical key, provenance on every edge."""

    def __init__(self, extractor: Extractor | None = None, min_score: float = 0.0) -> None:
        self.extractor = extractor
        self.min_score = min_score
        self._hierarchy: set[tuple[str, str]] = set()
        self._edges: set[tuple[str, str, str]] = set()  # (type, from, to) written in the current batch
        self.extracted_values = 0  # extracted facts that became edges, over all batches
        self.extracted_relations = 0
        self.unusable_values = 0  # catalog brands/values with nothing left after normalising (each warned)

    def _unusable(self, p: Product, what: str, text: str) -> None:
        self.unusable_values += 1
        logger.warning("%s:%d: product %r: %s %r has no letters or digits; it is not written", p.catalog, p.line,
                       p.id, what, text)

    def batch(self, products: Sequence[Product], extractions: Sequence[Extraction] | None = None) -> GraphBatch:
        b = GraphBatch()
        self._edges.clear()
        nodes: dict[str, dict[str, dict[str, Any]]] = {BRAND: {}, CATEGORY: {}, VALUE: {}}
        placeholders: set[str] = set()
        ids = {p.id for p in products}
        b.replace[Source.CATALOG] = [p.id for p in products]
        if extractions is not None:
            b.replace[Source.EXTRACTED] = [p.id for p in products]
        for i, p in enumerate(products):
            file = Path(p.catalog).name
            b.add_node(PRODUCT, {
                "id": p.id, "title": p.title, "description": p.description, "bullets": p.bullets,
                "price": p.price, "currency": p.currency, "url": p.url, "catalog": file,
                "content_hash": content_hash(p),
                "embedding": extractions[i].embedding if extractions is not None else None,
            })
            catalog = {"source": Source.CATALOG.value, "catalog": file, "confidence": 1.0}
            if p.brand:
                key = canonical(p.brand)
                if key:
                    nodes[BRAND].setdefault(key, {"key": key, "name": display(p.brand)})
                    self._fact(b, HAS_BRAND, edge_row(HAS_BRAND, **{"from": p.id, "to": key}, field="brand", **catalog))
                else:
                    self._unusable(p, "brand", p.brand)
            if p.category:
                keys = category_keys(p.category)
                for depth, (key, name) in enumerate(zip(keys, p.category)):
                    nodes[CATEGORY].setdefault(key, {
                        "key": key, "name": display(name), "path": " > ".join(display(c) for c in p.category[: depth + 1]),
                        "depth": depth,
                    })
                    if depth and (key, keys[depth - 1]) not in self._hierarchy:
                        self._hierarchy.add((key, keys[depth - 1]))
                        b.add_edge(SUBCATEGORY_OF, {"from": key, "to": keys[depth - 1]})
                self._fact(b, IN_CATEGORY, edge_row(IN_CATEGORY, **{"from": p.id, "to": keys[-1]}, field="category", **catalog))
            catalog_attrs: set[str] = set()
            for name, values in p.attributes.items():
                attr = attribute_key(name)
                catalog_attrs.add(attr)
                for v in values:
                    if self._add_value(b, nodes, p.id, name, v, field="attributes", **catalog) is None:
                        self._unusable(p, f"attribute {name!r} value" if attr else "attribute name", v if attr else name)
            for rel, target in p.related:
                if target not in ids:
                    placeholders.add(target)
                self._fact(b, rel.value, edge_row(rel.value, **{"from": p.id, "to": target}, field="related", **catalog))
            if extractions is not None:
                self._add_extracted(b, nodes, p, extractions[i], catalog_attrs, placeholders, ids)
        for label, rows in nodes.items():
            for row in rows.values():
                b.add_node(label, row)
        for target in sorted(placeholders - ids):
            b.add_node(PRODUCT, {"id": target, "title": None})
        return b

    def _fact(self, b: GraphBatch, rel: str, row: dict[str, Any]) -> bool:
        """One edge per (type, product, target): a value listed twice ("128GB", "128 GB") or a repeated
        relation is one fact; the first occurrence (catalog before extracted) keeps its provenance.
        True when the edge was added."""
        key = (rel, row["from"], row["to"])
        if key in self._edges:
            return False
        self._edges.add(key)
        b.add_edge(rel, row)
        return True

    def _add_value(self, b: GraphBatch, nodes: dict[str, dict[str, dict[str, Any]]], pid: str, name: str,
                   value: str, **prov: Any) -> bool | None:
        """None when the name or value is unusable (empty after normalising), else whether an edge was added."""
        attr = attribute_key(name)
        if not attr or not value.strip():
            return None
        norm = normalize_value(value)
        key = value_key(name, value)
        nodes[VALUE].setdefault(key, {
            "key": key, "attribute": attr, "value": display(value), "normalized": norm.text,
            "number": norm.number, "unit": norm.unit,
        })
        return self._fact(b, HAS_VALUE, edge_row(HAS_VALUE, **{"from": pid, "to": key}, attribute=attr, surface=value, **prov))

    def _add_extracted(self, b: GraphBatch, nodes: dict[str, dict[str, dict[str, Any]]], p: Product,
                       ex: Extraction, catalog_attrs: set[str], placeholders: set[str], ids: set[str]) -> None:
        assert self.extractor is not None
        file = Path(p.catalog).name
        model = {"source": Source.EXTRACTED.value, "catalog": file, "model": self.extractor.name,
                 "model_version": self.extractor.version}
        seen: set[tuple[str, str]] = set()
        for v in ex.values:
            attr = attribute_key(v.attribute)
            if v.score < self.min_score or attr in catalog_attrs:
                continue  # catalog values win a conflict
            prov = {**model, "field": v.field, "start_char": v.start, "end_char": v.end, "confidence": v.score}
            if attr == "brand":
                key = canonical(v.value)
                if p.brand or not key or ("brand", key) in seen:
                    continue
                seen.add(("brand", key))
                nodes[BRAND].setdefault(key, {"key": key, "name": display(v.value)})
                self.extracted_values += self._fact(b, HAS_BRAND, edge_row(HAS_BRAND, **{"from": p.id, "to": key}, **prov))
                continue
            vkey = value_key(v.attribute, v.value)
            if (attr, vkey) in seen:
                continue
            seen.add((attr, vkey))
            self.extracted_values += bool(self._add_value(b, nodes, p.id, v.attribute, v.value, **prov))
        catalog_rels = {(t, target) for t, target in p.related}
        for r in ex.relations:
            if r.score < self.min_score or (r.type, r.target) in catalog_rels or r.target == p.id:
                continue
            if r.target not in ids:
                placeholders.add(r.target)
            self.extracted_relations += self._fact(b, r.type.value, edge_row(
                r.type.value, **{"from": p.id, "to": r.target}, **model, field=r.field, start_char=r.start,
                end_char=r.end, confidence=r.score))


def build_graph(
    records: Iterable[Record],
    store: GraphStore,
    *,
    extractor: Extractor | None = None,
    min_score: float = 0.0,
    batch_size: int = 10_000,
    on_error: OnError = OnError.FAIL,
    rejects: Callable[[Rejected], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Write catalog records into ``store``, ``batch_size`` products per transaction.

    Rejected records stop the build (OnError.FAIL, raising CatalogError with file:line) or go
    to ``rejects`` (OnError.SKIP). Each product's catalog facts (and extracted facts, with an
    extractor) replace its earlier ones, so rebuilding is idempotent and a killed build can simply
    be run again. Brand, category and value nodes left without products are pruned at the end.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    store.ensure_schema()
    writer = BatchWriter(extractor, min_score)
    report = BuildReport()
    pending: list[Product] = []
    pending_ids: set[str] = set()

    def flush() -> None:
        if not pending:
            return
        extractions = extractor.extract(pending) if extractor is not None else None
        report.writes.add(store.upsert(writer.batch(pending, extractions)))
        report.extracted_values, report.extracted_relations = writer.extracted_values, writer.extracted_relations
        report.unusable_values = writer.unusable_values
        report.written += len(pending)
        if progress is not None:
            progress(len(pending))
        pending.clear()
        pending_ids.clear()

    try:
        for rec in records:
            report.read += 1
            if isinstance(rec, Rejected):
                if on_error is OnError.FAIL:
                    raise rec.error()
                report.rejected += 1
                if rejects is not None:
                    rejects(rec)
                if progress is not None:
                    progress(1)
                continue
            if rec.id in pending_ids:
                flush()  # the same id again (from another file): write the earlier one first, so the later replaces it
            pending.append(rec)
            pending_ids.add(rec.id)
            if len(pending) >= batch_size:
                flush()
        flush()
    except Exception:
        # the batches already committed stay; their search indexes must come back (an embedded store
        # drops them while it writes), or every search of this store fails until the next build
        try:
            store.refresh_indexes()
        except Exception:  # the original error is the one to report
            logger.exception("could not rebuild the search indexes after the failed build")
        raise
    report.pruned = store.prune()
    store.refresh_indexes()
    report.counts = store.counts()
    return report
