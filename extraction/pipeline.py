"""The extractor `shopgraph build --model` runs: attribute tagger, relation classifier, embeddings.

`load_extractor` returns a `kg.build.Extractor`; its ``name`` and ``version`` come from the model
directories' meta.json, so every extracted edge in the graph names the weights that produced it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from shopgraph.kg.build import ExtractedValue, Extraction
from shopgraph.kg.catalog import Product, Rejected
from shopgraph.kg.errors import ConfigError
from shopgraph.kg.normalize import normalize_value

logger = logging.getLogger(__name__)


TEXT_FIELDS = ("title", "bullets", "description")
_NEXT_WORD = re.compile(r" ?([^\W\d_]+)\b")
_NOT_UNITS = frozenset({"in"})  # also a plain word: "2 in 1"


def with_unit(value: ExtractedValue, text: str) -> ExtractedValue:
    """A number the tagger read without the unit right after it, with that unit: "2.6" of "weighs 2.6 lb" is
    written to the graph as "2.6 lb", which QA can compare. (The tagger's own spans, which the data sets score,
    stay as tagged: WDC-PAVE often annotates the bare number.) Numbers and units as kg.normalize reads them."""
    after, bare = _NEXT_WORD.match(text, value.end), normalize_value(value.value)
    if after is None or bare.number is None or bare.unit is not None:
        return value
    word = after.group(1).casefold()
    if word in _NOT_UNITS or (len(word) == 1 and "size" in value.attribute.casefold()):
        return value  # a size's letter is a fit or a width ("Size 10 L", "10 W"), not litres or watts
    if normalize_value(text[value.start:after.end()]).unit is None:
        return value
    return replace(value, value=text[value.start:after.end()], end=after.end())


def tag_values(tagger: Any, items: Sequence[tuple[str, dict[str, str]]]) -> list[list[ExtractedValue]]:
    """The tagger's values of each (category, fields) item, a number's unit joined to it (`with_unit`): what
    `build` writes and `extract` prints."""
    return [[with_unit(v, fields[v.field]) for v in values]
            for values, (_, fields) in zip(tagger.extract_fields(items), items)]


def product_item(product: Product, fields: Sequence[str] = TEXT_FIELDS) -> tuple[str, dict[str, str]]:
    """(category path, text fields) — what the tagger reads of a product (only ``fields`` of it)."""
    return " > ".join(product.category), {k: v for k, v in product.text_fields().items() if k in fields}


class ModelExtractor:
    """Runs the loaded models over a batch of products and returns one Extraction per product."""

    def __init__(self, tagger: Any | None = None, relations: Any | None = None, embedder: Any | None = None,
                 fields: Sequence[str] = TEXT_FIELDS) -> None:
        unknown = set(fields) - set(TEXT_FIELDS)
        if unknown:
            raise ConfigError(f"unknown text field(s) {sorted(unknown)}; choose from {', '.join(TEXT_FIELDS)}")
        self.fields = tuple(fields)
        if tagger is None and relations is None and embedder is None:
            raise ConfigError("nothing to extract with: pass --model DIR, --relation-model DIR or --embed")
        self.tagger = tagger
        self.relations = relations
        self.embedder = embedder
        parts = [m for m in (tagger, relations) if m is not None]
        self.name = "+".join(m.name for m in parts) if parts else "embeddings"
        self.version = "+".join(m.version for m in parts if m.version) if parts else ""

    def extract(self, products: Sequence[Product]) -> list[Extraction]:
        out = [Extraction() for _ in products]
        if self.tagger is not None:
            values = tag_values(self.tagger, [product_item(p, self.fields) for p in products])
            for ex, vals in zip(out, values):
                ex.values = vals
        if self.relations is not None:
            for ex, rels in zip(out, self.relations.extract(products, [e.values for e in out])):
                ex.relations = rels
        if self.embedder is not None:
            vectors = self.embedder.encode([embedding_text(p) for p in products])
            for ex, vec in zip(out, vectors):
                ex.embedding = vec
        return out


def embedding_text(product: Product) -> str:
    """The text a product's embedding is computed from: title, category path, brand, bullets."""
    parts = [product.title, " > ".join(product.category), product.brand or "", *product.bullets[:3]]
    return ". ".join(p for p in parts if p)


MODELS = Path(__file__).resolve().parent / "models"
SHIPPED_TAGGER = MODELS / "attributes"  # the models that ship (benchmarks/make_models.py, `make models`)
SHIPPED_RELATIONS = MODELS / "relations"


def load_extractor(model_dir: str | Path | None, relation_dir: str | Path | None = None, *,
                   embed: bool = False, quantize: bool = False, fields: Sequence[str] = TEXT_FIELDS) -> ModelExtractor:
    """An Extractor from an attribute-tagger directory, a relation-classifier directory and/or
    sentence embeddings (the packaged MiniLM); each model directory's meta.json is checked first.
    ``fields`` limits which text fields the tagger reads (default: title, bullets, description)."""
    tagger = relations = embedder = None
    if model_dir is not None:
        from shopgraph.extraction.tagger import AttributeTagger

        tagger = AttributeTagger.load(model_dir, quantize=quantize)
    if relation_dir is not None:
        from shopgraph.extraction.relations import RelationClassifier

        relations = RelationClassifier.load(relation_dir)
    if embed:
        from shopgraph.extraction.embed import Embedder

        embedder = Embedder.load()
    return ModelExtractor(tagger, relations, embedder, fields)


def extract(catalog: str | Path, model_dir: str | Path, *, min_score: float | None = None, batch_size: int = 256,
            quantize: bool = False) -> Iterator[dict[str, Any]]:
    """Tag every record of ``catalog`` (any format kg.catalog reads; OA-Mine/ExtractGPT records
    ``{"input", "category"}`` are read with ``input`` as the title) and yield, in input order,
    ``{"id", "attributes": {attribute: best value}, "spans": [{attribute, value, field, start, end, score}]}``.

    Spans scored below ``min_score`` (default: the model's, chosen on dev data) are left out.
    The model loads (and fails) before the first record is read; a bad record stops the stream with
    a CatalogError naming file and line."""
    from shopgraph.extraction.tagger import AttributeTagger
    from shopgraph.kg.catalog import check_catalog, read_catalog

    check_catalog(catalog)
    tagger = AttributeTagger.load(model_dir, quantize=quantize)
    threshold = tagger.min_score if min_score is None else min_score
    return extract_records(read_catalog(catalog), tagger, min_score=threshold, batch_size=batch_size)


def extract_records(products: Iterable[Product | Rejected], tagger: Any, *, min_score: float = 0.0,
                    batch_size: int = 256) -> Iterator[dict[str, Any]]:
    """The output rows of `extract` for already-read products, ``batch_size`` at a time."""
    from shopgraph.extraction.tagger import best_values

    chunk: list[Product] = []

    def flush() -> Iterator[dict[str, Any]]:
        for product, spans in zip(chunk, tag_values(tagger, [product_item(p) for p in chunk])):
            kept = [s for s in spans if s.score >= min_score]
            yield {
                "id": product.id,
                "attributes": {a: s.value for a, s in best_values(kept).items()},
                "spans": [{"attribute": s.attribute, "value": s.value, "field": s.field, "start": s.start,
                           "end": s.end, "score": s.score} for s in kept],
            }
        chunk.clear()

    for rec in products:
        if isinstance(rec, Rejected):
            raise rec.error()
        chunk.append(rec)
        if len(chunk) >= batch_size:
            yield from flush()
    yield from flush()
