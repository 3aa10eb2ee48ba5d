"""The graph model, in one place: labels, relationship types and typed properties.

DDL for each backend, batch validation and the RDF export all read these tables, so a
label or property is added here once and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

# Node labels
PRODUCT = "Product"
BRAND = "Brand"
CATEGORY = "Category"
VALUE = "AttributeValue"

# Dimension of product embeddings (all-MiniLM-L6-v2 gives 384).
EMBED_DIM = 384


class Source(str, Enum):
    """Where a fact came from."""

    CATALOG = "catalog"
    EXTRACTED = "extracted"


class ProductRelation(str, Enum):
    """Product-to-product relationship types."""

    COMPATIBLE_WITH = "COMPATIBLE_WITH"
    ACCESSORY_FOR = "ACCESSORY_FOR"
    REPLACEMENT_FOR = "REPLACEMENT_FOR"
    INCLUDES = "INCLUDES"
    SIMILAR_TO = "SIMILAR_TO"
    BOUGHT_TOGETHER = "BOUGHT_TOGETHER"

    @classmethod
    def parse(cls, text: str) -> ProductRelation:
        """Accept 'compatible-with', 'Compatible With', 'COMPATIBLE_WITH'…"""
        key = "_".join(text.replace("-", " ").replace("_", " ").split()).upper()
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(m.value.lower().replace("_", "-") for m in cls)
            raise ValueError(f"unknown relation type {text!r}; use one of: {allowed}") from None


# Fact relationships (product → brand/category/value) and the category hierarchy.
HAS_BRAND = "HAS_BRAND"
IN_CATEGORY = "IN_CATEGORY"
HAS_VALUE = "HAS_VALUE"
SUBCATEGORY_OF = "SUBCATEGORY_OF"

# Property types use Kùzu's names; the Neo4j backend maps them (it is schema-free but typed values).
STRING, DOUBLE, INT64, BOOL = "STRING", "DOUBLE", "INT64", "BOOLEAN"
STRING_LIST = "STRING[]"
VECTOR = f"FLOAT[{EMBED_DIM}]"


@dataclass(frozen=True)
class NodeType:
    label: str
    key: str
    properties: dict[str, str]


@dataclass(frozen=True)
class RelType:
    name: str
    source: str
    target: str
    properties: dict[str, str] = field(default_factory=dict)


# Provenance carried by every fact edge.
PROVENANCE: dict[str, str] = {
    "source": STRING,  # Source: catalog | extracted
    "catalog": STRING,  # file the fact was read from
    "field": STRING,  # title | description | bullets | brand | category | attributes | related
    "start_char": INT64,  # char offsets in that field (extracted facts)
    "end_char": INT64,
    "model": STRING,  # model name and version (extracted facts)
    "model_version": STRING,
    "confidence": DOUBLE,
}

NODES: dict[str, NodeType] = {
    PRODUCT: NodeType(
        PRODUCT,
        "id",
        {
            "id": STRING,
            "title": STRING,
            "description": STRING,
            "bullets": STRING_LIST,
            "price": DOUBLE,
            "currency": STRING,
            "url": STRING,
            "catalog": STRING,  # file the product was last read from; NULL for a placeholder
            "content_hash": STRING,
            "embedding": VECTOR,
        },
    ),
    BRAND: NodeType(BRAND, "key", {"key": STRING, "name": STRING}),
    CATEGORY: NodeType(CATEGORY, "key", {"key": STRING, "name": STRING, "path": STRING, "depth": INT64}),
    VALUE: NodeType(
        VALUE,
        "key",
        {
            "key": STRING,  # canonical attribute name + '=' + normalised value
            "attribute": STRING,  # canonical attribute name, e.g. "color", "storage capacity"
            "value": STRING,  # first surface form seen
            "normalized": STRING,  # normalised value, e.g. "128 gb"
            "number": DOUBLE,  # numeric part when the value has one
            "unit": STRING,  # canonical unit when the value has one
        },
    ),
}

RELS: dict[str, RelType] = {
    HAS_BRAND: RelType(HAS_BRAND, PRODUCT, BRAND, dict(PROVENANCE)),
    IN_CATEGORY: RelType(IN_CATEGORY, PRODUCT, CATEGORY, dict(PROVENANCE)),
    HAS_VALUE: RelType(HAS_VALUE, PRODUCT, VALUE, {"attribute": STRING, "surface": STRING, **PROVENANCE}),
    SUBCATEGORY_OF: RelType(SUBCATEGORY_OF, CATEGORY, CATEGORY, {}),
    **{r.value: RelType(r.value, PRODUCT, PRODUCT, dict(PROVENANCE)) for r in ProductRelation},
}

# Relationship types whose edges hang off a product and are replaced when it is rebuilt.
PRODUCT_FACT_RELS: tuple[str, ...] = tuple(
    name for name, rel in RELS.items() if rel.source == PRODUCT
)


def check_label(label: str) -> str:
    """Labels cannot be query parameters; only names from this module reach query text."""
    if label not in NODES:
        raise ValueError(f"unknown node label {label!r}; known: {', '.join(NODES)}")
    return label


def check_rel(name: str) -> str:
    if name not in RELS:
        raise ValueError(f"unknown relationship type {name!r}; known: {', '.join(RELS)}")
    return name


def edge_row(rel: str, **values: Any) -> dict[str, Any]:
    """A full property row for a relationship: every declared property, None where absent."""
    props = RELS[check_rel(rel)].properties
    unknown = set(values) - set(props) - {"from", "to"}
    if unknown:
        raise ValueError(f"unknown properties for {rel}: {sorted(unknown)}")
    return {"from": values.get("from"), "to": values.get("to"), **{k: values.get(k) for k in props}}
