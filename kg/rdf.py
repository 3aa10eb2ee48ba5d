"""schema.org Product data in RDF: read it as catalog records, and export the graph as RDF.

Reading (`read_rdf`, called by `kg.catalog.read_catalog` for .nt, .nq, .ttl and .jsonld, gzipped or not):

- N-Triples and N-Quads stream. Each line is parsed on its own (a regular expression for plain
  lines, rdflib's N-Triples term parser for lines with escapes and for the error message), so a bad
  line is reported with its number and the rest of the file is still read. Parsed lines
  are gathered in chunks of about ``chunk_lines`` lines, and a chunk is only cut where the graph
  name changes (the Web Data Commons corpus puts each page's quads in one graph, so a page never
  straddles two chunks). In N-Triples, or in an N-Quads graph four times longer than a chunk, the
  cut falls where an IRI subject not yet seen in the chunk starts, so a product and the blank nodes
  around it (offers, brand, property values) stay together as long as they are written next to it,
  as `export_graph` and the usual generators do. Memory is bounded by one chunk, not by the file.
  A product's record number is the line of its first triple.
- Turtle and JSON-LD have no line structure to cut at and are parsed whole by rdflib (memory grows
  with the file; convert big dumps to N-Triples/N-Quads). rdflib keeps no line numbers for
  statements, so products come out sorted by id and a product's record number is its rank in
  that order (a syntax error still names its line). JSON-LD ``@context`` references to schema.org
  are replaced by an inline ``{"@vocab": ...}`` so nothing is fetched; other remote contexts are refused.

Mapping (both http://schema.org/ and https://schema.org/ are read, as are old microdata
predicates such as http://schema.org/Product/name):

- id: the first of sku, productID, gtin13, gtin, gtin14, gtin12, gtin8, identifier; else the
  subject IRI (``urn:shopgraph:product:<id>`` IRIs written by `export_graph` give back their id);
  else, for a blank node, ``<graph or file name>#<label>`` (N-Triples/N-Quads) or
  ``<file name>#<hash of its literal properties>`` (Turtle/JSON-LD, whose blank-node labels are not
  kept by the parser), so ids are stable from one read to the next.
- name → title (required: a Product without one is rejected, naming the subject), description,
  brand (a Brand/Organization node's name, or a literal), category (text, or a node's name;
  "A > B" paths are split), offers → price and currency (Offer, AggregateOffer's lowPrice, or a
  priceSpecification), url, shopgraph's ``sg:bullets``.
- additionalProperty PropertyValue name/value (with unitText or a common unitCode) and the simple
  properties color, material, pattern, size, weight, width, height, depth, model, mpn → attributes.
- isAccessoryOrSparePartFor and isConsumableFor → ACCESSORY_FOR; isSimilarTo → SIMILAR_TO;
  isRelatedTo → BOUGHT_TOGETHER (schema.org's loose "related product", which shops mostly use for
  products bought with this one), unless the same target also has a shopgraph relation term
  (``sg:compatibleWith``, ``sg:replacementFor``, ``sg:includes``, ``sg:boughtTogether``), which then wins.

Every record goes through `kg.catalog.product_from_mapping`, so prices, sizes and relation types are
checked exactly as in JSON Lines, with the same messages.

Export (`export_graph`) writes the same terms back: schema:Product with schema:sku (the id),
name, description, brand (a schema:Brand), category (the path text), offers (a schema:Offer),
additionalProperty (schema:PropertyValue), url, and one predicate per product relation:
ACCESSORY_FOR → schema:isAccessoryOrSparePartFor, SIMILAR_TO → schema:isSimilarTo, and the types
schema.org has no term for (COMPATIBLE_WITH, REPLACEMENT_FOR, INCLUDES, BOUGHT_TOGETHER) as
``sg:`` terms in the ``urn:shopgraph:vocab:`` namespace, each with a schema:isRelatedTo beside it
for consumers that only know schema.org. Reading the export back gives the same graph.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import quote, unquote

from rdflib import BNode, Graph, Literal
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.ntriples import W3CNTriplesParser, r_tail, r_wspace

from shopgraph.kg.catalog import Record, Rejected, _decoded_lines, open_binary, product_from_mapping
from shopgraph.kg.errors import ConfigError
from shopgraph.kg.schema import ProductRelation, Source
from shopgraph.kg.store import cypher_read as q
from shopgraph.kg.store.protocol import GraphStore

logger = logging.getLogger(__name__)

SCHEMA = "https://schema.org/"  # written on export
SCHEMA_NAMESPACES = ("https://schema.org/", "http://schema.org/")  # both occur in Web Data Commons
SG = "urn:shopgraph:vocab:"  # shopgraph's terms for what schema.org lacks
PRODUCT_IRI = "urn:shopgraph:product:"  # exported products whose id is not an http(s) IRI
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

CHUNK_LINES = 20_000
PRODUCT_TYPES = frozenset({"Product", "IndividualProduct", "ProductModel", "SomeProducts"})
ID_PROPERTIES = ("sku", "productID", "gtin13", "gtin", "gtin14", "gtin12", "gtin8", "identifier")
ATTRIBUTE_PROPERTIES = ("color", "material", "pattern", "size", "weight", "width", "height", "depth",
                        "model", "mpn")
# UN/CEFACT codes seen in schema.org QuantitativeValue.unitCode → a unit kg.normalize knows
UNIT_CODES = {"GRM": "g", "KGM": "kg", "LBR": "lb", "ONZ": "oz", "MMT": "mm", "CMT": "cm", "MTR": "m",
              "INH": "in", "FOT": "ft", "MLT": "ml", "LTR": "l", "WTT": "W", "VLT": "V", "E34": "GB",
              "E35": "TB", "HTZ": "Hz", "MAH": "mAh"}

# product relation ↔ predicate (local name; "sg:" for shopgraph's namespace)
RELATION_TERMS: dict[ProductRelation, str] = {
    ProductRelation.ACCESSORY_FOR: "isAccessoryOrSparePartFor",
    ProductRelation.SIMILAR_TO: "isSimilarTo",
    ProductRelation.COMPATIBLE_WITH: "sg:compatibleWith",
    ProductRelation.REPLACEMENT_FOR: "sg:replacementFor",
    ProductRelation.INCLUDES: "sg:includes",
    ProductRelation.BOUGHT_TOGETHER: "sg:boughtTogether",
}
GENERIC_RELATION = "isRelatedTo"
RELATIONS_READ: dict[str, ProductRelation] = {
    **{term: rel for rel, term in RELATION_TERMS.items()},
    "isConsumableFor": ProductRelation.ACCESSORY_FOR,
    GENERIC_RELATION: ProductRelation.BOUGHT_TOGETHER,
}

EXPORT_FORMATS = ("turtle", "nt", "jsonld")
_FORMAT_ALIASES = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                   "jsonld": "jsonld", "json-ld": "jsonld"}


# ================================================================ reading


def read_rdf(path: str | Path, fmt: str, *, chunk_lines: int = CHUNK_LINES) -> Iterator[Record]:
    """Stream the schema.org Products of one RDF file as Product or Rejected records.

    ``fmt`` is rdflib's format name: "nt", "nquads", "turtle" or "json-ld". Malformed input is a
    Rejected naming file and line (a bad N-Triples/N-Quads line is skipped and the rest read; a
    Turtle or JSON-LD syntax error rejects the whole file).
    """
    if fmt in ("nt", "nquads"):
        yield from _read_lines(path, quads=fmt == "nquads", chunk_lines=chunk_lines)
    elif fmt in ("turtle", "json-ld"):
        yield from _read_whole(path, fmt)
    else:
        raise ValueError(f"unsupported RDF format {fmt!r}; use nt, nquads, turtle or json-ld")


class IRI(str):
    """An IRI term (the index keeps terms as plain strings tagged by kind, far cheaper than rdflib's)."""

    __slots__ = ()


class Blank(str):
    """A blank node, spelled "_:label"."""

    __slots__ = ()


class Text(str):
    """A literal's lexical form (language tag and datatype are not needed here)."""

    __slots__ = ()


def _term(node: Any) -> IRI | Blank | Text:
    """An rdflib term as an index term."""
    if isinstance(node, Literal):
        return Text(node)
    if isinstance(node, BNode):
        return Blank(f"_:{node}")
    return IRI(node)


# A well-formed N-Triples/N-Quads line without escapes; anything else goes through rdflib's parser.
_IRI_TOKEN = r'<[^<>"{}|^`\\\x00-\x20]*>'
_BLANK_TOKEN = r"_:[A-Za-z0-9_:](?:[-A-Za-z0-9_:.]*[-A-Za-z0-9_:])?"
_LITERAL_TOKEN = r'"[^"\\\r\n]*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^' + _IRI_TOKEN + ")?"
_FAST_LINE = re.compile(
    rf"[ \t]*({_IRI_TOKEN}|{_BLANK_TOKEN})[ \t]*({_IRI_TOKEN})[ \t]*({_IRI_TOKEN}|{_BLANK_TOKEN}|{_LITERAL_TOKEN})"
    rf"(?:[ \t]*({_IRI_TOKEN}|{_BLANK_TOKEN}))?[ \t]*\.[ \t]*(?:#.*)?"
)


def _fast_node(token: str) -> IRI | Blank:
    return Blank(token) if token.startswith("_:") else IRI(token[1:-1])


@lru_cache(maxsize=4096)
def _local(iri: str) -> str | None:
    """The name shopgraph reads a predicate or type IRI by, or None when it ignores it."""
    if iri == RDF_TYPE:
        return "@type"
    for ns in SCHEMA_NAMESPACES:
        if iri.startswith(ns):
            return iri[len(ns):].rsplit("/", 1)[-1]  # http://schema.org/Product/name (old microdata) → name
    if iri.startswith(SG):
        return "sg:" + iri[len(SG):]
    return None


class _Index:
    """The triples of one chunk that shopgraph reads, by subject, with where each subject starts."""

    def __init__(self, path: str, labelled: bool) -> None:
        self.path = path
        self.labelled = labelled  # blank-node labels are the file's own (N-Triples/N-Quads)
        self.props: dict[Any, dict[str, list[Any]]] = {}
        self.first_line: dict[Any, int] = {}
        self.graph: dict[Any, str | None] = {}
        self.lines = 0

    def add(self, s: IRI | Blank | Text, p: str, o: IRI | Blank | Text, graph: str | None, line: int) -> None:
        # s is a Text only from JSON-LD, where rdflib makes an @reverse property's literal value a subject
        self.lines += 1
        if s not in self.first_line:
            self.first_line[s] = line
            self.graph[s] = graph
        name = _local(p)
        if name is None:
            return
        if name == "@type":
            if not isinstance(o, IRI):
                return
            o = Text(_local(o) or o)
        self.props.setdefault(s, {}).setdefault(name, []).append(o)

    def get(self, node: Any, name: str) -> list[Any]:
        if isinstance(node, Text):
            return []
        return self.props.get(node, {}).get(name, [])

    def text(self, node: Any, name: str) -> str | None:
        """The first non-empty literal of ``name`` on ``node``."""
        for o in self.get(node, name):
            if isinstance(o, Text) and o.strip():
                return o.strip()
        return None

    def name_of(self, o: Any) -> str | None:
        """A literal's text, or a node's schema:name."""
        if isinstance(o, Text):
            return o.strip() or None
        return self.text(o, "name")

    def products(self) -> list[Any]:
        found = [s for s, props in self.props.items() if PRODUCT_TYPES.intersection(props.get("@type", ()))]
        return sorted(found, key=lambda s: self.first_line[s])  # file order (N-Triples/N-Quads)

    def blank_id(self, node: Any, graph: str | None) -> str:
        scope = graph or Path(self.path).name
        if self.labelled:
            return f"{scope}#{node[2:]}"
        facts = sorted(
            (name, str(o)) for name, objs in self.props.get(node, {}).items() for o in objs if isinstance(o, Text)
        )
        digest = hashlib.sha1(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()[:16]
        return f"{Path(self.path).name}#{digest}"

    def product_id(self, node: Any, graph: str | None) -> str | None:
        for name in ID_PROPERTIES:
            for o in self.get(node, name):
                text = o.strip() if isinstance(o, Text) else self.text(o, "value")  # identifier: a PropertyValue
                if text:
                    return text
        if isinstance(node, Blank):
            if not self.labelled and node not in self.props:
                return None  # an anonymous node with nothing to identify it by
            return self.blank_id(node, self.graph.get(node) or graph)
        iri = str(node)
        return unquote(iri[len(PRODUCT_IRI):]) if iri.startswith(PRODUCT_IRI) else iri

    def quantity(self, o: Any) -> str | None:
        """A literal, or a QuantitativeValue/PropertyValue's value with its unit, or a node's name."""
        if isinstance(o, Text):
            return o.strip() or None
        value = self.text(o, "value")
        if value is None:
            return self.text(o, "name")
        unit = self.text(o, "unitText") or UNIT_CODES.get((self.text(o, "unitCode") or "").upper())
        return f"{value} {unit}" if unit else value


def _mapping(index: _Index, s: Any) -> dict[str, Any]:
    """One schema.org Product as a catalog mapping (the JSON Lines record shape)."""
    graph = index.graph.get(s)
    obj: dict[str, Any] = {"id": index.product_id(s, graph), "title": index.text(s, "name")}
    for key, value in (("description", index.text(s, "description")),
                       ("url", next((str(o).strip() for o in index.get(s, "url") if str(o).strip()), None))):
        if value:
            obj[key] = value
    bullets = index.text(s, "sg:bullets")
    if bullets:
        obj["bullets"] = [b for b in bullets.split("\n") if b.strip()]
    brand = next((n for n in map(index.name_of, index.get(s, "brand")) if n), None)
    if brand:
        obj["brand"] = brand
    category = next((n for n in map(index.name_of, index.get(s, "category")) if n), None)
    if category:
        obj["category"] = category
    for offer in index.get(s, "offers"):
        if isinstance(offer, Text):
            continue
        nodes = [offer, *index.get(offer, "priceSpecification")]
        price = next((p for n in nodes for p in (index.text(n, "price"), index.text(n, "lowPrice")) if p), None)
        currency = next((c for n in nodes if (c := index.text(n, "priceCurrency"))), None)
        if price is not None or currency is not None:
            if price is not None:
                obj["price"] = price
            if currency is not None:
                obj["currency"] = currency
            break
    attributes: dict[str, list[str]] = {}
    for pv in index.get(s, "additionalProperty"):
        name = index.text(pv, "name") or index.text(pv, "propertyID")
        unit = index.text(pv, "unitText") or UNIT_CODES.get((index.text(pv, "unitCode") or "").upper())
        values = [v for v in map(index.quantity, index.get(pv, "value")) if v]
        if name and values:
            attributes.setdefault(name, []).extend(f"{v} {unit}" if unit else v for v in values)
    for name in ATTRIBUTE_PROPERTIES:
        values = [v for v in map(index.quantity, index.get(s, name)) if v]
        if values:
            attributes.setdefault(name, []).extend(values)
    if attributes:
        obj["attributes"] = attributes
    related: list[dict[str, str]] = []
    specific: set[str] = set()
    for term, rel in RELATIONS_READ.items():
        if term == GENERIC_RELATION:
            continue
        for target in _targets(index, s, term, graph):
            related.append({"type": rel.value, "id": target})
            if term.startswith("sg:"):
                specific.add(target)
    for target in _targets(index, s, GENERIC_RELATION, graph):
        if target not in specific:  # an export's isRelatedTo beside a shopgraph term is not a second fact
            related.append({"type": RELATIONS_READ[GENERIC_RELATION].value, "id": target})
    if related:
        obj["related"] = related
    return obj


def _targets(index: _Index, s: Any, term: str, graph: str | None) -> list[str]:
    out = []
    for o in index.get(s, term):
        if isinstance(o, Text):
            logger.debug("%s: %s of %s is a literal (%r), not a product; skipped", index.path, term, s, str(o))
            continue
        target = index.product_id(o, graph)
        if target and target not in out:
            out.append(target)
    return out


def _subject(index: _Index, s: Any) -> str:
    """How a reject names a product: its IRI, or its blank-node label and graph."""
    if not isinstance(s, Blank):
        return f"<{s}>"
    graph = index.graph.get(s)
    if not index.labelled:
        return "[a blank node]"  # the parser's label is random; the id added after it says which
    return s + (f" in graph <{graph}>" if graph else "")


def _records(index: _Index, subjects: list[tuple[Any, int]]) -> Iterator[Record]:
    """Records for (product subject, line or record number) pairs, in that order."""
    for s, line in subjects:
        obj = _mapping(index, s)
        raw = json.dumps(obj, ensure_ascii=False)
        if obj["title"] is None:
            named = _subject(index, s)
            if obj["id"] and obj["id"] not in named:
                named += f" (id {obj['id']!r})"
            yield Rejected(index.path, line,
                           f"schema:Product {named} has no schema:name (the product title); "
                           "add one or leave the product out", raw)
            continue
        yield product_from_mapping(obj, index.path, line, raw=raw)


class _SameLabels(dict):  # type: ignore[type-arg]
    """A bnode context for rdflib's N-Triples parser that keeps the file's own blank-node labels."""

    def get(self, key: Any, default: Any = None) -> Any:
        return key


class _LineParser(W3CNTriplesParser):
    """rdflib's N-Triples term grammar applied to one line at a time, returning the statement."""

    def __init__(self) -> None:
        super().__init__(bnode_context=_SameLabels())

    def statement(self, text: str, quads: bool) -> tuple[IRI | Blank, str, IRI | Blank | Text, str | None] | None:
        """(subject, predicate, object, graph or None), or None for a comment; ParserError if malformed."""
        fast = _FAST_LINE.fullmatch(text)
        if fast is not None and (quads or fast.group(4) is None):
            s, p, o, g = fast.groups()
            obj = Text(o[1:o.rindex('"')]) if o.startswith('"') else _fast_node(o)
            return _fast_node(s), p[1:-1], obj, (None if g is None else str(_fast_node(g)))
        self.line = text
        self.eat(r_wspace)
        if not self.line or self.line.startswith("#"):
            return None
        try:
            s = self.subject(self._bnode_ids)
            self.eat(r_wspace)
            p = self.predicate()
            self.eat(r_wspace)
            o = self.object(self._bnode_ids)
            self.eat(r_wspace)
            g = (self.uriref() or self.nodeid(self._bnode_ids) or None) if quads else None
            self.eat(r_wspace)
        except ParserError as exc:
            if str(exc).startswith("Failed to eat"):  # rdflib names its regex; say where instead
                raise ParserError(f"cannot read a term at {self.line[:40]!r}") from None
            raise
        if not self.line.startswith("."):
            raise ParserError(f"expected the final '.' at {self.line[:40]!r}" if self.line else "missing the final '.'")
        self.eat(r_tail)
        if self.line:
            raise ParserError(f"unexpected text after the final '.': {self.line[:40]!r}")
        subject = _term(s)
        assert not isinstance(subject, Text), "rdflib's subject() reads only an IRI or a blank node"
        return subject, str(p), _term(o), (None if g is None else str(_term(g)))


def _read_lines(path: str | Path, *, quads: bool, chunk_lines: int) -> Iterator[Record]:
    name = str(path)
    kind = "N-Quads" if quads else "N-Triples"
    shape = "<subject> <predicate> <object> <graph> ." if quads else "<subject> <predicate> <object> ."
    parser = _LineParser()
    index = _Index(name, labelled=True)
    last_graph: Any = None

    for number, text, reason in _decoded_lines(path):
        line = text.rstrip("\r\n")
        if reason:  # not UTF-8 (the bad bytes kept as \xNN escapes in the rejects row)
            yield Rejected(name, number, reason, line)
            continue
        try:
            statement = parser.statement(line, quads)
        except ParserError as exc:
            yield Rejected(name, number, f"malformed {kind}: {exc}; each line must read {shape}", line)
            continue
        if statement is None:
            continue
        s, p, o, g = statement
        if index.lines >= chunk_lines and (
            g != last_graph
            or (isinstance(s, IRI) and s not in index.first_line and (not quads or index.lines >= 4 * chunk_lines))
        ):
            yield from _records(index, [(s, index.first_line[s]) for s in index.products()])
            index = _Index(name, labelled=True)
        index.add(s, p, o, g, number)
        last_graph = g
    yield from _records(index, [(s, index.first_line[s]) for s in index.products()])


def _schema_context(data: Any, path: str) -> Any:
    """Replace remote schema.org @context references by an inline @vocab; refuse other remote ones."""
    if isinstance(data, list):
        return [_schema_context(item, path) for item in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key == "@context":
            value = [_inline_context(v) for v in value] if isinstance(value, list) else _inline_context(value)
        else:
            value = _schema_context(value, path)
        out[key] = value
    return out


def _inline_context(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    for ns in SCHEMA_NAMESPACES:
        if value.rstrip("/") + "/" == ns or value.startswith(ns + "docs/jsonldcontext"):
            return {"@vocab": ns}
    raise _RemoteContext(value)


class _RemoteContext(Exception):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def _read_whole(path: str | Path, fmt: str) -> Iterator[Record]:
    from rdflib.plugins.parsers.notation3 import BadSyntax

    name = str(path)
    with open_binary(path) as fh:
        data = fh.read().removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield Rejected(name, line, "invalid UTF-8 in the file; re-encode it as UTF-8 (e.g. iconv -f latin1 -t utf-8)")
        return
    graph = Graph()
    if fmt == "turtle":
        try:
            graph.parse(data=text, format="turtle", publicID=Path(path).resolve().as_uri())
        except BadSyntax as exc:
            why = getattr(exc, "_why", str(exc))
            yield Rejected(name, exc.lines + 1, f"malformed Turtle: {why}; the whole file was skipped")
            return
        except ParserError as exc:
            yield Rejected(name, None, f"malformed Turtle: {exc}; the whole file was skipped")
            return
    else:
        from rdflib.plugins.parsers.jsonld import to_rdf

        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejected(name, exc.lineno, f"malformed JSON-LD: {exc.msg} at column {exc.colno}; "
                                             "the whole file was skipped")
            return
        try:
            doc = _schema_context(doc, name)
        except _RemoteContext as exc:
            yield Rejected(name, None, f"JSON-LD @context {exc.url!r} would have to be fetched, and shopgraph "
                                       "reads offline; inline that context in the file (schema.org contexts are "
                                       "understood without fetching)")
            return
        try:
            to_rdf(doc, graph, base=Path(path).resolve().as_uri())
        except (ValueError, TypeError, KeyError) as exc:
            yield Rejected(name, None, f"not valid JSON-LD: {exc}; the whole file was skipped")
            return
    index = _Index(name, labelled=False)
    for s, p, o in graph:
        index.add(_term(s), str(p), _term(o), None, 0)
    # rdflib's triple order varies from run to run (random blank-node ids), so number products by id
    ordered = sorted(index.products(), key=lambda s: (index.product_id(s, None) or "", str(s)))
    yield from _records(index, [(s, n) for n, s in enumerate(ordered, start=1)])


# ================================================================ export


@dataclass
class ExportReport:
    """What `export_graph` wrote."""

    format: str
    out: str
    products: int = 0
    triples: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"format": self.format, "out": self.out, "products": self.products, "triples": self.triples}


def export_format(name: str) -> str:
    """'turtle', 'nt' or 'jsonld' from a format name or alias (ttl, ntriples, json-ld)."""
    fmt = _FORMAT_ALIASES.get(name.strip().lower())
    if fmt is None:
        raise ValueError(f"unknown export format {name!r}; use one of {', '.join(EXPORT_FORMATS)}")
    return fmt


def format_for_path(path: str | Path) -> str | None:
    """The export format a file name implies (.ttl, .nt, .jsonld; a trailing .gz is looked through)."""
    p = Path(str(path).removesuffix(".gz"))
    return {".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld"}.get(p.suffix.lower())


def product_iri(pid: str) -> str:
    """An exported product's IRI: its id when that is an http(s) IRI, else urn:shopgraph:product:<id>."""
    if pid.startswith(("http://", "https://")) and not any(c in pid for c in ' <>"{}|\\^`\n\r\t'):
        return pid
    return PRODUCT_IRI + quote(pid, safe="")


def _decimal(value: float) -> str:
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text if "." in text else text + ".0"


def export_graph(
    store: GraphStore,
    out: str | Path | IO[str],
    fmt: str = "turtle",
    *,
    include_extracted: bool = False,
    page_size: int = 500,
) -> ExportReport:
    """Write the store's products as schema.org RDF (turtle, nt or jsonld), ``page_size`` products at a time.

    Only catalog facts are written unless ``include_extracted`` (extracted facts then come back as
    catalog facts when the export is built: RDF has no place here for their model and offsets).
    Placeholder products (only referenced by a relation) are not written, only pointed to.
    ``out`` is a path (``.gz`` compresses) or an open text stream. A path is written to a temporary
    file first and renamed, so a failed export leaves no half file.
    """
    fmt = export_format(fmt)
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    sources = [Source.CATALOG.value] + ([Source.EXTRACTED.value] if include_extracted else [])
    if not isinstance(out, (str, Path)):
        report = ExportReport(fmt, getattr(out, "name", "<stream>"))
        _write(store, out, fmt, sources, page_size, report)
        return report
    target = Path(out)
    report = ExportReport(fmt, str(target))
    tmp = target.with_name(target.name + ".part")
    opener = gzip.open if target.suffix.lower() == ".gz" else open
    try:
        fh = opener(tmp, "wt", encoding="utf-8", newline="\n")  # type: ignore[operator]
    except OSError as exc:
        raise ConfigError(f"cannot write the export to {target}: {exc.strerror}; check the path") from exc
    try:
        with fh:
            _write(store, fh, fmt, sources, page_size, report)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    logger.info("exported %d products (%d triples) to %s", report.products, report.triples, target)
    return report


class _Writer(Protocol):
    """One export format: `begin`, then `product` for each product (returning its triple count), then `end`."""

    def begin(self) -> None: ...

    def product(self, node: dict[str, Any]) -> int: ...

    def end(self) -> None: ...


def _write(store: GraphStore, fh: IO[str], fmt: str, sources: list[str], page_size: int,
           report: ExportReport) -> None:
    writers: dict[str, Callable[[IO[str]], _Writer]] = {
        "turtle": _TurtleWriter, "nt": _NTriplesWriter, "jsonld": _JsonLdWriter}
    writer = writers[fmt](fh)
    writer.begin()
    for node in _product_nodes(store, sources, page_size):
        report.triples += writer.product(node)
        report.products += 1
    writer.end()


def _product_nodes(store: GraphStore, sources: list[str], page_size: int) -> Iterator[dict[str, Any]]:
    """Products as nested JSON-LD-shaped dicts (keys are schema.org local names or "sg:" terms)."""
    after = ""
    while True:
        rows = store.query(q.EXPORT_PRODUCTS, {"after": after, "limit": page_size})
        if not rows:
            return
        ids = [r["id"] for r in rows]
        params = {"ids": ids, "sources": sources}
        facts: dict[str, dict[str, list[Any]]] = {pid: {} for pid in ids}
        for r in store.query(q.EXPORT_BRANDS, params):
            facts[r["id"]].setdefault("brand", []).append({"@type": "Brand", "name": r["name"]})
        for r in store.query(q.EXPORT_CATEGORIES, params):
            facts[r["id"]].setdefault("category", []).append(r["path"])
        for r in store.query(q.EXPORT_VALUES, params):
            facts[r["id"]].setdefault("additionalProperty", []).append(
                {"@type": "PropertyValue", "name": r["attribute"], "value": r["value"]})
        for rel, term in RELATION_TERMS.items():
            for r in store.query(q.export_relations(rel.value), params):
                links = facts[r["id"]]
                links.setdefault(term, []).append({"@id": product_iri(r["target"])})
                if term.startswith("sg:"):
                    generic = links.setdefault(GENERIC_RELATION, [])
                    if {"@id": product_iri(r["target"])} not in generic:
                        generic.append({"@id": product_iri(r["target"])})
        for r in rows:
            node: dict[str, Any] = {"@id": product_iri(r["id"]), "@type": "Product", "sku": r["id"],
                                    "name": r["title"]}
            if r.get("description"):
                node["description"] = r["description"]
            if r.get("bullets"):
                node["sg:bullets"] = "\n".join(r["bullets"])
            if r.get("url"):
                node["url"] = r["url"]
            if r.get("price") is not None or r.get("currency"):
                offer: dict[str, Any] = {"@type": "Offer"}
                if r.get("price") is not None:
                    offer["price"] = {"@value": _decimal(r["price"]), "@type": "xsd:decimal"}
                if r.get("currency"):
                    offer["priceCurrency"] = r["currency"]
                node["offers"] = offer
            node.update(facts[r["id"]])
            yield node
        if len(rows) < page_size:
            return
        after = ids[-1]


def _predicate(key: str) -> str:
    return SG + key[3:] if key.startswith("sg:") else SCHEMA + key


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _literal(value: Any, prefixed: bool) -> str:
    """A literal in N-Triples/Turtle syntax (JSON's string escapes are valid in both)."""
    if isinstance(value, dict):  # {"@value": "699.0", "@type": "xsd:decimal"}
        local = value["@type"].removeprefix("xsd:")
        return json.dumps(value["@value"]) + ("^^xsd:" + local if prefixed else f"^^<{XSD}{local}>")
    return json.dumps(str(value), ensure_ascii=False)


class _NTriplesWriter:
    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.blank = 0

    def begin(self) -> None:
        pass

    def end(self) -> None:
        pass

    def product(self, node: dict[str, Any]) -> int:
        lines: list[str] = []
        self._node(f"<{node['@id']}>", node, lines)
        self.fh.write("".join(lines))
        return len(lines)

    def _node(self, subject: str, node: Mapping[str, Any], lines: list[str]) -> None:
        nested: list[tuple[str, Mapping[str, Any]]] = []
        for key, value in node.items():
            if key == "@id":
                continue
            if key == "@type":
                lines.append(f"{subject} <{RDF_TYPE}> <{SCHEMA}{value}> .\n")
                continue
            for v in _values(value):
                if isinstance(v, dict) and "@id" in v:
                    obj = f"<{v['@id']}>"
                elif isinstance(v, dict) and "@value" not in v:
                    self.blank += 1
                    obj = f"_:b{self.blank}"
                    nested.append((obj, v))
                else:
                    obj = _literal(v, prefixed=False)
                lines.append(f"{subject} <{_predicate(key)}> {obj} .\n")
        for blank, child in nested:  # a product's blank nodes follow it, so a chunked reader keeps them together
            self._node(blank, child, lines)


class _TurtleWriter:
    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def begin(self) -> None:
        self.fh.write(f"@prefix schema: <{SCHEMA}> .\n@prefix sg: <{SG}> .\n@prefix xsd: <{XSD}> .\n")

    def end(self) -> None:
        pass

    def product(self, node: dict[str, Any]) -> int:
        lines: list[str] = []
        count = self._body(node, lines, "    ")
        self.fh.write(f"\n<{node['@id']}>\n" + " ;\n".join(lines) + " .\n")
        return count

    def _body(self, node: Mapping[str, Any], lines: list[str], indent: str) -> int:
        count = 0
        for key, value in node.items():
            if key == "@id":
                continue
            if key == "@type":
                lines.append(f"{indent}a schema:{value}")
                count += 1
                continue
            objects = []
            for v in _values(value):
                count += 1
                if isinstance(v, dict) and "@id" in v:
                    objects.append(f"<{v['@id']}>")
                elif isinstance(v, dict) and "@value" not in v:
                    inner: list[str] = []
                    count += self._body(v, inner, indent + "    ")
                    objects.append("[\n" + " ;\n".join(inner) + f"\n{indent}]")
                else:
                    objects.append(_literal(v, prefixed=True))
            pred = key if key.startswith("sg:") else f"schema:{key}"
            lines.append(f"{indent}{pred} " + ", ".join(objects))
        return count


class _JsonLdWriter:
    """One JSON-LD document with an @graph, one product object a line."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.first = True

    def begin(self) -> None:
        context = {"@vocab": SCHEMA, "sg": SG, "xsd": XSD}
        self.fh.write('{"@context": ' + json.dumps(context) + ',\n "@graph": [\n')

    def end(self) -> None:
        self.fh.write("\n]}\n")

    def product(self, node: dict[str, Any]) -> int:
        self.fh.write(("" if self.first else ",\n") + json.dumps(node, ensure_ascii=False))
        self.first = False
        return _count(node)


def _count(node: Mapping[str, Any]) -> int:
    n = 0
    for key, value in node.items():
        if key == "@id":
            continue
        for v in _values(value):
            n += 1
            if isinstance(v, dict) and "@id" not in v and "@value" not in v:
                n += _count(v)
    return n
