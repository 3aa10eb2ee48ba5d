"""Read-side views of the graph for the app: product search and details, neighbourhoods, overview, analyst Cypher.

Every function takes an open GraphStore and returns plain dataclasses; the app only lays them out.
All query text comes from shopgraph.kg.store.cypher_read (portable Cypher, values as parameters).
"""

from __future__ import annotations

import csv
import html
import io
import json
import logging
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from shopgraph.kg.errors import QueryError
from shopgraph.kg.schema import NODES, PROVENANCE, RELS, ProductRelation, Source
from shopgraph.kg.store import cypher_read as q
from shopgraph.kg.store.analyst import MAX_ROWS as ANALYST_ROWS
from shopgraph.kg.store.analyst import TIMEOUT_S as ANALYST_TIMEOUT_S
from shopgraph.kg.store.analyst import csv_cell, run_analyst
from shopgraph.kg.store.protocol import GraphStore
from shopgraph.qa.retrieve import format_price

if TYPE_CHECKING:
    import networkx as nx

logger = logging.getLogger(__name__)

# Relations under which another product is an accessory of (or fits) the one being viewed.
ACCESSORY_RELS = {ProductRelation.ACCESSORY_FOR.value, ProductRelation.COMPATIBLE_WITH.value}
_WORD = re.compile(r"\w+")
# Attributes a card never shows as "key attributes" (they have their own place on the card).
CARD_SKIP = {"brand", "category", "price", "title"}


# ---------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A product the search box offers."""

    id: str
    title: str
    score: float


@dataclass(frozen=True, slots=True)
class AttributeFact:
    """One attribute value of a product with its provenance."""

    attribute: str
    value: str
    source: str  # catalog | extracted
    field: str | None  # where it was read: attributes, title, description, …
    confidence: float | None
    surface: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    model: str | None = None

    @property
    def evidence(self) -> str:
        """Where the fact came from, in words: 'attributes' or 'description[12:18] by tagger 1.0'."""
        where = self.field or "?"
        if self.start_char is not None and self.end_char is not None:
            where += f"[{self.start_char}:{self.end_char}]"
        if self.model:
            where += f" by {self.model}"
        return where


@dataclass(frozen=True, slots=True)
class Related:
    """Another product linked to this one by a product relation (or by shared values)."""

    id: str
    title: str | None
    type: str  # relationship type, or "SHARES_VALUES" for graph neighbours
    direction: str  # out: this → other, in: other → this
    source: str | None = None
    confidence: float | None = None
    shared: int = 0  # attribute values shared with the product (graph neighbours)
    field: str | None = None


@dataclass
class ProductCard:
    """What a product card shows."""

    id: str
    title: str
    brand: str | None
    price: float | None
    currency: str | None
    attributes: list[AttributeFact] = field(default_factory=list)

    @property
    def price_text(self) -> str:
        return format_price(self.price, self.currency)


@dataclass
class ProductView:
    """Everything the Product tab shows about one product."""

    id: str
    title: str | None
    description: str | None
    bullets: list[str]
    price: float | None
    currency: str | None
    url: str | None
    catalog: str | None
    brands: list[AttributeFact]
    categories: list[AttributeFact]  # value = category path
    attributes: list[AttributeFact]
    relations: list[Related]
    similar: list[Related]

    @property
    def brand(self) -> str | None:
        return self.brands[0].value if self.brands else None

    @property
    def placeholder(self) -> bool:
        """Only referenced by another product's relation; no catalog row of its own."""
        return self.title is None

    def by_source(self, source: Source | str) -> list[AttributeFact]:
        wanted = Source(source).value
        return [a for a in self.attributes if a.source == wanted]

    @property
    def accessories(self) -> list[Related]:
        """Products declared as accessories for, or compatible with, this one (each once)."""
        return _unique(r for r in self.relations if r.type in ACCESSORY_RELS and r.direction == "in")

    @property
    def fits(self) -> list[Related]:
        """Products this one is an accessory for, or compatible with (each once)."""
        return _unique(r for r in self.relations if r.type in ACCESSORY_RELS and r.direction == "out")

    @property
    def linked(self) -> list[Related]:
        """Accessories, products it fits and similar products, each once: where to go next."""
        return _unique([*self.accessories, *self.fits, *self.similar])


def _unique(related: Iterable[Related]) -> list[Related]:
    out: dict[str, Related] = {}
    for r in related:
        out.setdefault(r.id, r)
    return list(out.values())


@dataclass
class Overview:
    """Graph statistics for the Overview tab."""

    counts: dict[str, dict[str, int]]
    products: int  # with a catalog row (placeholders excluded)
    placeholders: int
    priced: int
    categories: list[tuple[str, int]]  # (category path, products), most first
    top_categories: list[tuple[str, int]]  # first level of the path, most first
    coverage: list[tuple[str, int, int]]  # (attribute, products with a catalog value, with an extracted value)
    facts: dict[str, tuple[int, float | None]]  # source -> (facts, mean confidence)


@dataclass
class CypherResult:
    """Rows from an analyst query and how long the store took."""

    cypher: str
    columns: list[str]
    rows: list[dict[str, Any]]
    elapsed_ms: float
    truncated: bool = False  # the query had more rows than the limit; these are the first ones

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def cells(self, limit: int | None = None) -> list[list[str]]:
        """Rows as display strings (nodes and lists as JSON), at most ``limit`` of them."""
        rows = self.rows if limit is None else self.rows[:limit]
        return [[cell(row.get(c)) for c in self.columns] for row in rows]

    def to_csv(self) -> str:
        """The rows as CSV; text a spreadsheet would run as a formula is escaped (kg.store.analyst.csv_cell)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([csv_cell(c) for c in self.columns])
        for row, cells in zip(self.rows, self.cells()):
            writer.writerow([text if isinstance(row.get(col), (int, float)) else csv_cell(text)
                             for col, text in zip(self.columns, cells)])
        return out.getvalue()


# ---------------------------------------------------------------------------- formatting helpers


def cell(value: Any) -> str:
    """One result value as text: nodes/relationships without engine-internal keys, lists as JSON."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        value = {k: v for k, v in value.items() if not str(k).startswith("_") and v is not None and k != "embedding"}
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False, default=str)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{value:.1f}"
    return str(value)


def _fact(row: Mapping[str, Any]) -> AttributeFact:
    return AttributeFact(
        attribute=row.get("attribute") or "",
        value=str(row.get("value") or ""),
        source=row.get("source") or Source.CATALOG.value,
        field=row.get("field"),
        confidence=row.get("confidence"),
        surface=row.get("surface"),
        start_char=row.get("start_char"),
        end_char=row.get("end_char"),
        model=row.get("model"),
    )


def _related(row: Mapping[str, Any]) -> Related:
    return Related(row["id"], row["title"], row["type"], row["direction"], row["source"], row["confidence"],
                   field=row.get("field"))


def _rank_facts(facts: Iterable[AttributeFact]) -> list[AttributeFact]:
    """Catalog facts first, then extracted ones by confidence; attribute name breaks ties."""
    return sorted(facts, key=lambda f: (f.source != Source.CATALOG.value, -(f.confidence or 0.0), f.attribute, f.value))


# ---------------------------------------------------------------------------- products


def suggest(store: GraphStore, text: str, k: int = 10) -> list[Suggestion]:
    """Products for what was typed, best first: an exact id, then titles holding the most typed words
    (as word prefixes, so "galax" finds Galaxy), full-text score breaking ties."""
    text = " ".join(text.split())
    words = _WORD.findall(text.casefold())
    if not words:
        return []
    hits: dict[str, float] = {}
    try:
        hits.update(store.fulltext("Product", text, max(4 * k, 20)))
    except QueryError as exc:  # a store built without the index still gets title suggestions
        logger.info("full-text search failed for %r: %s", text, exc)
    top = max(hits.values(), default=0.0) or 1.0
    titles: dict[str, str] = {}
    for row in store.query(q.PRODUCT_TITLE_CONTAINS, {"text": text.casefold(), "k": int(k)}):
        hits.setdefault(row["id"], 0.0)
        titles[row["id"]] = row["title"]
    missing = [pid for pid in hits if pid not in titles]
    if missing:
        titles.update((row["id"], row["title"]) for row in per_id(store, q.PRODUCT_CARDS, missing))
    scored, coverage = [], {}
    for pid, fts in hits.items():
        title = titles.get(pid)
        if not title:
            continue  # placeholders have no title to suggest
        title_words = _WORD.findall(title.casefold())
        # a whole word beats the start of one ('15' names the XPS 15 better than the 155H processor)
        matched = sum(1.0 if typed in title_words else 0.9 if any(w.startswith(typed) for w in title_words) else 0.0
                      for typed in words) / len(words)
        exact = 2.0 if pid.casefold() == text.casefold() else 0.0
        coverage[pid] = matched
        scored.append(Suggestion(pid, title, exact + matched + 0.25 * fts / top))
    scored.sort(key=lambda s: (-s.score, s.title))
    return _things_before_their_accessories(store, scored, coverage)[:k]


# an accessory, part or replacement points at what it serves with one of these
SERVES = (ProductRelation.ACCESSORY_FOR, ProductRelation.COMPATIBLE_WITH, ProductRelation.REPLACEMENT_FOR)
ACCESSORY_PENALTY = 0.5


def _things_before_their_accessories(store: GraphStore, scored: list[Suggestion], coverage: Mapping[str, float],
                                     top: int = 10) -> list[Suggestion]:
    """Typed words that name a product also fit its accessories ('galaxy s24' matches 'Galaxy S24 Case by
    Speck'): among the best ``top`` suggestions, one that the graph records as an accessory, part or
    replacement for another of them goes below it, so Enter opens the phone, not its case."""
    head = scored[:top]
    ids = {s.id for s in head}
    if len(ids) < 2:
        return scored
    kinds = {r.value for r in SERVES}
    edges = [(row["from_id"], row["id"]) for row in per_id(store, q.OUTGOING_RELATIONS, [s.id for s in head])
             if row["type"] in kinds and row["id"] != row["from_id"]]
    accessories = {a for a, _ in edges}
    pairs = {(a, b) for a, b in edges if b in ids}
    # what it serves must not be an accessory itself (an extracted 'case for a case' is noise), and must
    # hold the typed words as well ('galaxy s24 case' still finds the case)
    serving = {a for a, b in pairs if b not in accessories and coverage.get(b, 0.0) >= coverage.get(a, 0.0)}
    if not serving:
        return scored
    head = [Suggestion(s.id, s.title, s.score - ACCESSORY_PENALTY) if s.id in serving else s for s in head]
    head.sort(key=lambda s: (-s.score, s.title))
    return head + scored[top:]


def per_id(store: GraphStore, query: str, ids: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of a one-product query ($id) for each of ``ids`` in turn (see cypher_read: key lookups)."""
    return [row for pid in dict.fromkeys(ids) for row in store.query(query, {"id": pid})]


def product_cards(store: GraphStore, ids: Sequence[str], *, attributes: int = 4) -> list[ProductCard]:
    """Cards for ``ids`` in that order (unknown ids and placeholders skipped), with key attributes."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    cards: dict[str, ProductCard] = {}
    for row in per_id(store, q.PRODUCT_CARDS, ids):
        if row["title"] is None:
            continue
        card = cards.get(row["id"])
        if card is None:
            cards[row["id"]] = ProductCard(row["id"], row["title"], row["brand"], row["price"], row["currency"])
        elif row["brand"] and row["brand_source"] == Source.CATALOG.value:
            card.brand = row["brand"]  # a catalog brand wins over an extracted one
    values: dict[str, list[AttributeFact]] = {}
    for row in per_id(store, q.PRODUCT_VALUES, cards):
        if row["attribute"] not in CARD_SKIP:
            values.setdefault(row["id"], []).append(_fact(row))
    for pid, facts in values.items():
        seen: set[str] = set()
        for fact in _rank_facts(facts):
            if fact.attribute not in seen and len(seen) < attributes:
                seen.add(fact.attribute)
                cards[pid].attributes.append(fact)
    return [cards[pid] for pid in ids if pid in cards]


def product_view(store: GraphStore, product_id: str, *, similar: int = 6) -> ProductView | None:
    """The product with its facts, relations and nearest graph neighbours; None when no such id."""
    rows = store.query(q.PRODUCT_DETAILS, {"id": product_id})
    if not rows:
        return None
    p = rows[0]
    brands = [_fact(r) for r in store.query(q.PRODUCT_BRANDS, {"id": product_id})]
    categories = [_fact(r) for r in store.query(q.PRODUCT_CATEGORIES, {"id": product_id})]
    attributes = _rank_facts(_fact(r) for r in store.query(q.PRODUCT_VALUES, {"id": product_id}))
    relations = [_related(r) for r in store.query(q.PRODUCT_RELATIONS, {"id": product_id})]
    relations.sort(key=lambda r: (r.type, r.direction, r.title or r.id))
    explicit = {r.id for r in relations if r.type == ProductRelation.SIMILAR_TO.value}
    similar_rows = [r for r in relations if r.type == ProductRelation.SIMILAR_TO.value]
    seen = set(explicit)
    if similar > len(similar_rows):
        for r in store.query(q.SIMILAR_NEIGHBOURS, {"id": product_id, "k": int(similar) + len(seen)}):
            if r["id"] not in seen and r["title"] is not None:
                seen.add(r["id"])
                similar_rows.append(Related(r["id"], r["title"], "SHARES_VALUES", "out", shared=int(r["shared"])))
    return ProductView(
        id=p["id"], title=p["title"], description=p["description"], bullets=list(p["bullets"] or []),
        price=p["price"], currency=p["currency"], url=p["url"], catalog=p["catalog"],
        brands=_rank_facts(brands), categories=categories, attributes=attributes,
        relations=relations, similar=similar_rows[:similar],
    )


@dataclass(frozen=True, slots=True)
class Evidence:
    """A fact behind an answer, with the provenance the graph holds for it."""

    product_id: str | None
    title: str | None
    attribute: str
    value: str
    source: str
    confidence: float | None  # None: a product property (price), or a fact the graph no longer holds
    field: str | None
    score: float


def evidence(store: GraphStore, facts: Sequence[Any]) -> list[Evidence]:
    """Look up each answer fact's edge (confidence, source field) and product title.

    ``facts`` are qa Facts: ``product_id``, ``attribute``, ``value``, ``source``, ``score``. Relation
    facts name the relation ("accessory for") and carry the other product's id as value.
    """
    ids = list(dict.fromkeys(f.product_id for f in facts if getattr(f, "product_id", None)))
    if not ids:
        return [Evidence(None, None, f.attribute, str(f.value), f.source, None, None, float(f.score)) for f in facts]
    known: dict[tuple[str, str], list[AttributeFact]] = {}
    for query in (q.PRODUCT_VALUES, q.PRODUCT_BRANDS, q.PRODUCT_CATEGORIES):
        for row in per_id(store, query, ids):
            known.setdefault((row["id"], row["attribute"]), []).append(_fact(row))
    relation_names = {rel.value.lower().replace("_", " "): rel.value for rel in ProductRelation}
    relations: dict[str, list[Related]] = {}
    sources = sorted({f.product_id for f in facts if f.attribute in relation_names and f.product_id})
    if sources:
        for row in per_id(store, q.OUTGOING_RELATIONS, sources):
            relations.setdefault(row["from_id"], []).append(_related(row))
    titles = {row["id"]: row["title"] for row in per_id(store, q.PRODUCT_CARDS, ids)}
    out = []
    for f in facts:
        value = str(f.value)
        match: AttributeFact | Related | None = None
        if f.attribute in relation_names:
            match = next((r for r in relations.get(f.product_id, ())
                          if r.type == relation_names[f.attribute] and r.id == value), None)
        else:
            wanted = value.casefold()
            match = next((a for a in known.get((f.product_id, f.attribute), ())
                          if wanted in {a.value.casefold(), (a.surface or "").casefold()}), None)
        confidence = match.confidence if match is not None else None
        where = match.field if match is not None else ("price" if f.attribute == "price" else
                                                       f.attribute if f.source == "text" else None)  # a quoted field
        if isinstance(match, Related) and match.title:  # the other product by its title, its id beside it
            value = f"{match.title} ({value})"
        out.append(Evidence(f.product_id, titles.get(f.product_id), f.attribute, value, f.source, confidence, where,
                            float(f.score)))
    return out


# ---------------------------------------------------------------------------- neighbourhood picture

KIND_STYLE = {  # node kind -> (fill, stroke)
    "product": ("#1d4ed8", "#1e3a8a"),
    "related": ("#60a5fa", "#1d4ed8"),
    "Brand": ("#f59e0b", "#b45309"),
    "Category": ("#10b981", "#047857"),
    "AttributeValue": ("#e5e7eb", "#6b7280"),
}


def neighbourhood(view: ProductView, *, max_values: int = 16) -> nx.MultiDiGraph:
    """The product's one-hop graph: brand, categories, attribute values and related products.

    Nodes carry ``kind`` and ``label``; edges carry ``type`` and ``source`` (catalog|extracted).
    """
    import networkx as nx

    g = nx.MultiDiGraph()
    center = f"Product:{view.id}"
    g.add_node(center, kind="product", label=view.title or view.id)
    for b in view.brands:
        g.add_node(f"Brand:{b.value}", kind="Brand", label=b.value)
        g.add_edge(center, f"Brand:{b.value}", type="HAS_BRAND", source=b.source)
    for c in view.categories:
        g.add_node(f"Category:{c.value}", kind="Category", label=c.value.rsplit(" > ", 1)[-1])
        g.add_edge(center, f"Category:{c.value}", type="IN_CATEGORY", source=c.source)
    for a in view.attributes[:max_values]:
        node = f"AttributeValue:{a.attribute}={a.value}"
        g.add_node(node, kind="AttributeValue", label=f"{a.attribute}: {a.value}")
        g.add_edge(center, node, type="HAS_VALUE", source=a.source)
    for r in view.relations:
        node = f"Product:{r.id}"
        g.add_node(node, kind="related", label=r.title or r.id)
        ends = (center, node) if r.direction == "out" else (node, center)
        g.add_edge(*ends, type=r.type, source=r.source)
    return g


def radial_layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]²: the product at the origin, every other node at its own angle,
    brand/category/related products on an inner ring and attribute values on an outer ring."""
    center = next(n for n, d in g.nodes(data=True) if d.get("kind") == "product")
    inner = [n for n in g if n != center and g.nodes[n]["kind"] != "AttributeValue"]
    outer = [n for n in g if g.nodes[n]["kind"] == "AttributeValue"]
    order: list[tuple[str, float]] = []
    for i in range(max(len(inner), len(outer))):  # interleave so neighbours alternate rings
        order += [(inner[i], 0.55 if outer else 0.9)] if i < len(inner) else []
        order += [(outer[i], 1.0)] if i < len(outer) else []
    pos = {center: (0.0, 0.0)}
    for i, (n, radius) in enumerate(order):
        angle = 2 * math.pi * i / len(order) - math.pi / 2 + 0.3
        pos[n] = (radius * math.cos(angle), radius * math.sin(angle))
    return pos


def render_svg(g: nx.MultiDiGraph, *, width: int = 760, height: int = 520) -> str:
    """A self-contained SVG of a neighbourhood (see radial_layout); extracted facts drawn dashed,
    relationship types written on the edges."""
    if not any(d.get("kind") == "product" for _, d in g.nodes(data=True)):
        return ""
    pos = radial_layout(g)
    mx, my, sx, sy = width / 2, height / 2 + 14, width / 2 - 170, height / 2 - 56
    center = next(n for n, d in g.nodes(data=True) if d.get("kind") == "product")

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return mx + x * sx, my + y * sy

    def short(text: str, n: int = 30) -> str:
        return text if len(text) <= n else text[: n - 1] + "…"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="neighbourhood graph" class="sg-graph" '
        f'style="max-width:{width}px;font-family:system-ui,sans-serif;background:#fff">'
    ]
    edges: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for u, v, d in g.edges(data=True):
        edges.setdefault((u, v), []).append(d)
    labels = []
    for (u, v), ds in edges.items():
        (x1, y1), (x2, y2) = xy(u), xy(v)
        dash = ' stroke-dasharray="5 4"' if all(d.get("source") == Source.EXTRACTED.value for d in ds) else ""
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#9ca3af" '
                     f'stroke-width="1.5"{dash}/>')
        types = sorted({d["type"] for d in ds} - {"HAS_VALUE", "HAS_BRAND", "IN_CATEGORY"})
        if types:
            far = (x2, y2) if g.nodes[u]["kind"] == "product" else (x1, y1)
            near = (x1, y1) if far == (x2, y2) else (x2, y2)
            lx, ly = near[0] + 0.62 * (far[0] - near[0]), near[1] + 0.62 * (far[1] - near[1])
            labels.append(f'<text x="{lx:.1f}" y="{ly - 4:.1f}" font-size="9" fill="#4b5563" text-anchor="middle" '
                          f'stroke="#fff" stroke-width="3" paint-order="stroke">{html.escape(", ".join(types))}</text>')
    parts += labels
    for n, d in g.nodes(data=True):
        x, y = xy(n)
        fill, stroke = KIND_STYLE.get(d["kind"], KIND_STYLE["AttributeValue"])
        is_center = d["kind"] == "product"
        r = 16 if is_center else 9
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="1.5">'
                     f"<title>{html.escape(n)}</title></circle>")
        if is_center:
            continue  # its title heads the picture
        tx, ty = (x + r + 4, y + 4) if x >= mx else (x - r - 4, y + 4)
        anchor = "start" if x >= mx else "end"
        parts.append(
            f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="11" fill="#111827" text-anchor="{anchor}" '
            f'stroke="#fff" stroke-width="3" paint-order="stroke">{html.escape(short(d["label"]))}</text>'
        )
    parts.append(f'<text x="{width / 2:.1f}" y="22" font-size="13" font-weight="600" fill="#1e3a8a" '
                 f'text-anchor="middle">{html.escape(short(g.nodes[center]["label"], 70))}</text>')
    legend = [("product", "this product"), ("related", "related product"), ("Brand", "brand"),
              ("Category", "category"), ("AttributeValue", "attribute value")]
    for i, (kind, text) in enumerate(legend):
        fill, stroke = KIND_STYLE[kind]
        y = height - 100 + i * 15
        parts.append(f'<circle cx="14" cy="{y}" r="5" fill="{fill}" stroke="{stroke}"/>'
                     f'<text x="24" y="{y + 4}" font-size="10" fill="#374151">{text}</text>')
    y = height - 100 + 5 * 15
    parts.append(f'<line x1="8" y1="{y}" x2="20" y2="{y}" stroke="#9ca3af" stroke-dasharray="5 4"/>'
                 f'<text x="24" y="{y + 4}" font-size="10" fill="#374151">extracted fact</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------------------- overview


def overview(store: GraphStore, *, top: int = 15, max_categories: int = 60) -> Overview:
    """Counts, products per category (up to ``max_categories``: the demo's 21 all show) and the ``top``
    attributes' coverage (catalog vs extracted)."""
    totals = store.query(q.PRODUCT_TOTALS)[0]
    categories = sorted(((r["category"], int(r["products"])) for r in store.query(q.PRODUCTS_PER_CATEGORY)),
                        key=lambda kv: (-kv[1], kv[0]))
    roots: dict[str, int] = {}
    for path, n in categories:
        root = path.split(" > ", 1)[0]
        roots[root] = roots.get(root, 0) + n
    coverage: dict[str, list[int]] = {}
    for r in store.query(q.ATTRIBUTE_COVERAGE):
        slot = coverage.setdefault(r["attribute"], [0, 0])
        slot[0 if r["source"] == Source.CATALOG.value else 1] += int(r["products"])
    ranked = sorted(coverage.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:top]
    facts = {r["source"]: (int(r["facts"]), r["confidence"]) for r in store.query(q.FACTS_BY_SOURCE)}
    return Overview(
        counts=store.counts(),
        products=int(totals["products"]),
        placeholders=int(totals["nodes"]) - int(totals["products"]),
        priced=int(totals["priced"]),
        categories=categories[:max_categories],
        top_categories=sorted(roots.items(), key=lambda kv: (-kv[1], kv[0])),
        coverage=[(attr, c, e) for attr, (c, e) in ranked],
        facts=facts,
    )


# ---------------------------------------------------------------------------- analyst


def run_cypher(store: GraphStore, cypher: str, params: Mapping[str, Any] | None = None, *,
               max_rows: int = ANALYST_ROWS, timeout_s: float = ANALYST_TIMEOUT_S) -> CypherResult:
    """An analyst's query, sealed as `shopgraph query` runs it (kg.store.analyst): writes, files, table
    functions and settings refused; run in a child process on its own read-only connection, at most
    ``max_rows`` rows, stopped after ``timeout_s``."""
    result = run_analyst(store.location, cypher, params, max_rows=max_rows, timeout_s=timeout_s)
    return CypherResult(cypher, result.columns, result.rows, result.elapsed_ms, result.truncated)


def schema_markdown() -> str:
    """The graph model for the analyst: labels with properties, relationship types with endpoints."""
    lines = ["**Node labels**", ""]
    for label, node in NODES.items():
        props = ", ".join(f"`{p}`" + (" (key)" if p == node.key else "") for p in node.properties)
        lines.append(f"- `{label}`: {props}")
    lines += ["", "**Relationships**", ""]
    for name, rel in RELS.items():
        extra = [p for p in rel.properties if p not in PROVENANCE]
        props = (" + provenance" if rel.properties else "") + "".join(f", `{p}`" for p in extra)
        lines.append(f"- `({rel.source})-[:{name}]->({rel.target})`{props}")
    provenance = ", ".join(f"`{p}`" for p in PROVENANCE)
    lines += ["", f"Provenance on fact edges: {provenance}; `source` is `catalog` or `extracted`."]
    return "\n".join(lines)
