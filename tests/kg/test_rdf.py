"""schema.org RDF: reading N-Quads/N-Triples/Turtle/JSON-LD, exporting, and the export → build round trip.

Every store here is a real embedded Kùzu database in tmp_path.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shopgraph.kg.build import ExtractedValue, Extraction, OnError, build_graph
from shopgraph.kg.catalog import Product, Rejected, read_catalog, read_catalogs
from shopgraph.kg.cli import cli
from shopgraph.kg.errors import CatalogError, ConfigError
from shopgraph.kg.rdf import export_graph, product_iri, read_rdf
from shopgraph.kg.schema import ProductRelation
from shopgraph.kg.store.embedded import EmbeddedStore

DATA = Path(__file__).parent.parent / "data"
TINY = DATA / "tiny.jsonl"
WDC = DATA / "wdc_products.nq"
TTL = DATA / "schema_products.ttl"
JSONLD = DATA / "schema_products.jsonld"
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}

AUDIO = "https://www.audiohaus.example/de/p/sennheiser-hd-560s"
ANKER = "https://gadgetdepot.example/products/anker-powercore-10000"
FITWEAR = "https://fitwear.example/collections/running/asics-gel-nimbus-25"


def products(records: Sequence[Product | Rejected]) -> dict[str, Product]:
    return {r.id: r for r in records if isinstance(r, Product)}


def rejects(records: Sequence[Product | Rejected]) -> list[tuple[int | None, str]]:
    return [(r.line, r.reason) for r in records if isinstance(r, Rejected)]


def fields(p: Product) -> dict[str, Any]:
    return {
        "title": p.title, "description": p.description, "brand": p.brand, "category": p.category,
        "price": p.price, "currency": p.currency, "attributes": p.attributes,
        "related": [(t.value, target) for t, target in p.related], "url": p.url, "line": p.line,
    }


# ---------------------------------------------------------------------------- N-Quads (Web Data Commons)


def test_read_rdf_nquads_maps_wdc_products() -> None:
    got = products(list(read_rdf(WDC, "nquads")))
    assert list(got) == ["AH-508863", ANKER, "0194644048961", "http://kitchencorner.example/shop/item.php?id=4411#kc01",
                         "0601868109"]
    assert fields(got["AH-508863"]) == {
        "title": "Sennheiser HD 560S Open-Back Headphones",
        "description": "Reference-grade open-back headphones with 120 Ohm drivers and a detachable 3 m cable.",
        "brand": "Sennheiser", "category": ["Electronics", "Audio", "Headphones"], "price": 149.0, "currency": "EUR",
        "attributes": {"Impedance": ["120 Ohm"], "Cable length": ["3 m"], "color": ["Black"]},
        "related": [], "url": AUDIO, "line": 2,
    }
    # https://schema.org/ terms, a literal brand, AggregateOffer lowPrice, a QuantitativeValue with a unitCode,
    # and relation targets resolved to the target's own id (gtin13) when it is on the same page
    assert fields(got[ANKER]) == {
        "title": "Anker PowerCore 10000 Portable Charger", "description": None, "brand": "Anker", "category": [],
        "price": 25.99, "currency": "USD", "attributes": {"weight": ["180 g"]},
        "related": [("SIMILAR_TO", "https://gadgetdepot.example/products/anker-powercore-20000"),
                    ("BOUGHT_TOGETHER", "0194644048961")],
        "url": None, "line": 26,
    }
    assert fields(got["0194644048961"])["related"] == [("ACCESSORY_FOR", ANKER)]
    # old microdata predicates (http://schema.org/Product/name) and a blank node id from graph name + label
    kitchen = got["http://kitchencorner.example/shop/item.php?id=4411#kc01"]
    assert (kitchen.title, kitchen.brand, kitchen.price, kitchen.attributes) == (
        "Lodge 10.25 Inch Cast Iron Skillet", "Lodge", 24.9, {"material": ["Cast iron"]})
    # an Organization brand, a category node, a priceSpecification, an integer PropertyValue with a unitCode
    bosch = got["0601868109"]
    assert (bosch.brand, bosch.category, bosch.price, bosch.currency, bosch.attributes, bosch.related) == (
        "Bosch", ["Tools", "Power Tools", "Drills"], 1299.0, "SEK", {"Voltage": ["12 V"]},
        [(ProductRelation.BOUGHT_TOGETHER, "https://toolshed.example/p/bosch-gba-12v-2ah")])
    assert {p.catalog for p in got.values()} == {str(WDC)}


def test_read_rdf_nquads_rejects_bad_price_and_missing_name_with_line() -> None:
    assert rejects(list(read_rdf(WDC, "nquads"))) == [
        (56, "price 'Call for price' is not a number; write it like 19.99"),
        (63, f"schema:Product _:fw03 in graph <{FITWEAR}> (id 'SOCK-3PK') has no schema:name (the product title); "
             "add one or leave the product out"),
    ]
    with pytest.raises(CatalogError) as exc:
        list(read_catalog(WDC))
    assert str(exc.value) == f"{WDC}:56: price 'Call for price' is not a number; write it like 19.99"


@pytest.mark.parametrize("chunk_lines", [1, 2, 7, 30, 100_000])
def test_read_rdf_nquads_chunks_cut_at_graph_boundaries(chunk_lines: int) -> None:
    whole = list(read_rdf(WDC, "nquads", chunk_lines=100_000))
    assert list(read_rdf(WDC, "nquads", chunk_lines=chunk_lines)) == whole


def test_read_rdf_nquads_blank_node_ids_are_stable() -> None:
    first = [r.id for r in read_rdf(WDC, "nquads") if isinstance(r, Product)]
    assert first == [r.id for r in read_rdf(WDC, "nquads") if isinstance(r, Product)]


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


GOOD = [
    '<http://s.example/p1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Product> <http://s.example/p1> .',
    '<http://s.example/p1> <http://schema.org/name> "Kettle" <http://s.example/p1> .',
]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('<http://s.example/p1> <http://schema.org/color> "Red <http://s.example/p1> .',
         "malformed N-Quads: cannot read a term at '\"Red <http://s.example/p1> .'"),
        ('<http://s.example/p1> <http://schema.org/color> "Red" <http://s.example/p1>',
         "malformed N-Quads: missing the final '.'"),
        ('<http://s.example/p1> <http://schema.org/color> "Red" <http://s.example/p1> . extra',
         "malformed N-Quads: unexpected text after the final '.': 'extra'"),
        ('"Red" <http://schema.org/color> <http://s.example/p1> .',
         "malformed N-Quads: Subject must be uriref or nodeID"),
    ],
)
def test_read_rdf_malformed_line_names_file_and_line_and_reading_goes_on(tmp_path: Path, line: str,
                                                                         reason: str) -> None:
    path = write_lines(tmp_path / "bad.nq", [GOOD[0], line, GOOD[1]])
    shape = "; each line must read <subject> <predicate> <object> <graph> ."
    records = list(read_rdf(path, "nquads"))
    assert rejects(records) == [(2, reason + shape)]
    assert records[0].raw == line
    assert [p.title for p in products(records).values()] == ["Kettle"]
    with pytest.raises(CatalogError, match=re.escape(f"{path}:2: {reason}")):
        list(read_catalog(path))


def test_read_rdf_nquads_escapes_and_whitespace(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "esc.nq", [
        GOOD[0].replace(" <http://s.example/p1> .", "\t<http://s.example/p1>."),
        r'<http://s.example/p1> <http://schema.org/name> "Caf\u00E9 \"Noir\"\tKettle"@fr <http://s.example/p1> .',
        r'<http://s.example/p1> <http://schema.org/brand> "Kettle\\Co" <http://s.example/p1> . # a comment',
    ])
    (product,) = list(read_rdf(path, "nquads"))
    assert (product.title, product.brand) == ('Café "Noir"\tKettle', "Kettle\\Co")


def test_read_rdf_invalid_utf8_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.nq"
    path.write_bytes((GOOD[0] + "\n").encode() + '<http://s.example/p1> <http://schema.org/name> "Caf\xe9" .\n'
                     .encode("latin-1") + (GOOD[1] + "\n").encode())
    records = list(read_rdf(path, "nquads"))
    assert rejects(records) == [
        (2, "invalid UTF-8 at byte 51 of the line; re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")]
    assert records[0].raw == '<http://s.example/p1> <http://schema.org/name> "Caf\\xe9" .'
    assert [p.title for p in products(records).values()] == ["Kettle"]


def test_read_rdf_ntriples_graph_term_is_rejected(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.nt", [GOOD[0]])
    assert rejects(list(read_rdf(path, "nt"))) == [
        (1, "malformed N-Triples: expected the final '.' at '<http://s.example/p1> .'; "
            "each line must read <subject> <predicate> <object> .")]


# ---------------------------------------------------------------------------- Turtle, JSON-LD


def test_read_rdf_turtle_maps_products() -> None:
    records = list(read_rdf(TTL, "turtle"))
    got = products(records)
    assert rejects(records) == []
    camera, battery = got["4547410486469"], got["FUJ-NPW235"]
    assert fields(camera) == {
        "title": "Fujifilm X-T5 Mirrorless Camera Body, Silver", "description": None, "brand": "Fujifilm",
        "category": ["Electronics", "Cameras", "Mirrorless Cameras"], "price": 1699.0, "currency": "USD",
        "attributes": {"Sensor resolution": ["40.2 MP"], "color": ["Silver"], "weight": ["557 g"]},
        "related": [], "url": None, "line": 1,
    }
    assert (battery.brand, battery.price, battery.related) == (
        "Fujifilm", 79.95, [(ProductRelation.ACCESSORY_FOR, "4547410486469")])
    assert battery.description == "High-capacity 2200 mAh battery.\nFits the X-T5, X-T4 and X-H2."
    # the anonymous product gets an id from its literal properties: the same on every read
    cloth = [p for p in got.values() if p.title.startswith("Microfiber")]
    assert len(cloth) == 1 and re.fullmatch(r"schema_products\.ttl#[0-9a-f]{16}", cloth[0].id)
    assert cloth[0].related == [(ProductRelation.BOUGHT_TOGETHER, "4547410486469")]
    assert cloth[0].id in products(list(read_rdf(TTL, "turtle")))


@pytest.mark.parametrize(("identifier", "expected"), [
    ('schema:sku " 42 " ; schema:gtin13 "4006381333931"', "42"),
    ('schema:identifier [ a schema:PropertyValue ; schema:name "MPN" ; schema:value "X-100" ]', "X-100"),
    ('schema:url "https://s.example/x"', "http://s.example/x"),
])
def test_read_rdf_id_comes_from_identifiers_then_the_iri(tmp_path: Path, identifier: str, expected: str) -> None:
    path = tmp_path / "one.ttl"
    path.write_text(f'@prefix schema: <http://schema.org/> .\n<http://s.example/x> a schema:Product ;\n'
                    f'    schema:name "X" ; {identifier} .\n', encoding="utf-8")
    assert [r.id for r in read_rdf(path, "turtle")] == [expected]


def test_read_rdf_turtle_syntax_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix schema: <https://schema.org/> .\n\n<http://s.example/a> a schema:Product ;\n'
                    '    schema:name "A"\n<http://s.example/b> a schema:Product .\n', encoding="utf-8")
    assert rejects(list(read_rdf(path, "turtle"))) == [
        (5, "malformed Turtle: expected '.' or '}' or ']' at end of statement; the whole file was skipped")]


def test_read_rdf_jsonld_maps_products_without_fetching_schema_org_context() -> None:
    records = list(read_rdf(JSONLD, "json-ld"))
    got = products(records)
    assert fields(got["CS-R7000-1130"]) == {
        "title": "Shimano 105 CS-R7000 11-Speed Cassette 11-30T",
        "description": "Hollowtech cassette for 11-speed road drivetrains.", "brand": "Shimano",
        "category": ["Sports", "Cycling", "Drivetrain"], "price": 49.99, "currency": "EUR",
        "attributes": {"Speeds": ["11"], "Gear range": ["11-30T"]},
        "related": [("SIMILAR_TO", "https://bikeshop.example/p/shimano-ultegra-r8000-cassette#product")],
        "url": None, "line": 3,
    }
    tool = got["763477005937"]
    assert (tool.brand, tool.price, tool.attributes, tool.related) == (
        "Park Tool", 14.5, {"material": ["Steel"]}, [(ProductRelation.ACCESSORY_FOR, "CS-R7000-1130")])
    assert [reason for _, reason in rejects(records)] == [
        "schema:Product [a blank node] (id 'CC-3.2') has no schema:name (the product title); "
        "add one or leave the product out"]


def test_read_rdf_jsonld_remote_context_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": "https://example.org/ctx.jsonld", "@type": "Product", "name": "X"}))
    assert rejects(list(read_rdf(path, "json-ld"))) == [
        (None, "JSON-LD @context 'https://example.org/ctx.jsonld' would have to be fetched, and shopgraph reads "
               "offline; inline that context in the file (schema.org contexts are understood without fetching)")]


def test_read_rdf_jsonld_malformed_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_text('{"@context": "https://schema.org/",\n "@type": "Product",\n "name": "X",,\n}\n')
    assert rejects(list(read_rdf(path, "json-ld"))) == [
        (3, "malformed JSON-LD: Expecting property name enclosed in double quotes at column 14; "
            "the whole file was skipped")]


@pytest.mark.parametrize("source", [WDC, TTL, JSONLD], ids=lambda p: p.suffix)
def test_read_catalog_rdf_gzip_gives_the_same_records(tmp_path: Path, source: Path) -> None:
    packed = tmp_path / (source.name + ".gz")
    with open(source, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    plain = list(read_catalog(source, errors="yield"))
    zipped = list(read_catalog(packed, errors="yield"))
    assert [fields(r) if isinstance(r, Product) else r.reason for r in zipped] == \
        [fields(r) if isinstance(r, Product) else r.reason for r in plain]


# ---------------------------------------------------------------------------- export and round trip


@pytest.fixture
def tricky_catalog(tmp_path: Path) -> Path:
    """Strings that need escaping in every RDF syntax, ids that are not IRIs, bullets, urls."""
    rows = [
        {"id": "sku 12/34?x#1", "title": 'Kettle "Classic" 1.7 L \\ steel', "brand": "Café Koffie & Co.",
         "description": "Line one\nLine two\ttabbed – “quoted”", "bullets": ["Boils in 3 min", "Auto shut-off"],
         "category": ["Home & Kitchen", "Kettles"], "price": 1e16, "currency": "EUR",
         "url": "https://shop.example/k?id=1&ref=a b", "attributes": {"Capacity": ["1.7 L", "1,7 l"], "Colour": "Steel"},
         "related": [{"type": "replacement-for", "id": "http://other.example/old kettle"},
                     {"type": "includes", "id": "lid-9"}, {"type": "bought-together", "id": "lid-9"}]},
        {"id": "lid-9", "title": "Spare lid ☕", "category": "Home & Kitchen > Kettles > Parts", "price": "3.50",
         "related": [{"type": "accessory-for", "id": "sku 12/34?x#1"}, {"type": "compatible-with", "id": "sku 12/34?x#1"}]},
    ]
    path = tmp_path / "tricky.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def facts(store: EmbeddedStore) -> dict[str, Any]:
    """Products with their own fields, and every fact edge by its end keys (provenance file names aside)."""
    out: dict[str, Any] = {}
    out["products"] = sorted(
        json.dumps(r, sort_keys=True, ensure_ascii=False) for r in store.query(
            "MATCH (p:Product) RETURN p.id AS id, p.title AS title, p.description AS description, "
            "p.bullets AS bullets, p.price AS price, p.currency AS currency, p.url AS url"))
    out["brands"] = sorted((r["k"], r["n"]) for r in store.query("MATCH (b:Brand) RETURN b.key AS k, b.name AS n"))
    out["categories"] = sorted((r["k"], r["p"]) for r in store.query(
        "MATCH (c:Category) RETURN c.key AS k, c.path AS p"))
    out["values"] = sorted(tuple(r.values()) for r in store.query(
        "MATCH (v:AttributeValue) RETURN v.key AS k, v.attribute AS a, v.normalized AS n, v.number AS x, v.unit AS u"))
    out["HAS_VALUE"] = sorted(tuple(r.values()) for r in store.query(
        "MATCH (p:Product)-[r:HAS_VALUE]->(v:AttributeValue) RETURN p.id AS p, v.key AS v, r.surface AS s"))
    for rel in ["HAS_BRAND", "IN_CATEGORY", "SUBCATEGORY_OF", *(r.value for r in ProductRelation)]:
        out[rel] = sorted(tuple(r.values()) for r in store.query(
            f"MATCH (a)-[r:{rel}]->(b) RETURN a.{'key' if rel == 'SUBCATEGORY_OF' else 'id'} AS a, "
            f"b.{'id' if rel in {r.value for r in ProductRelation} else 'key'} AS b, "
            + ("r.source AS s" if rel != "SUBCATEGORY_OF" else "1 AS s")))
    return out


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[EmbeddedStore, EmbeddedStore]]:
    first, second = EmbeddedStore(tmp_path / "first.kuzu"), EmbeddedStore(tmp_path / "second.kuzu")
    yield first, second
    first.close()
    second.close()


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
@pytest.mark.parametrize("catalogs", ["tiny", "rich"])
def test_export_graph_round_trip_gives_the_same_graph(tmp_path: Path, stores: tuple[EmbeddedStore, EmbeddedStore],
                                                      tricky_catalog: Path, fmt: str, catalogs: str) -> None:
    first, second = stores
    paths = [TINY] if catalogs == "tiny" else [TINY, WDC, TTL, JSONLD, tricky_catalog]
    report = build_graph(read_catalogs(paths, errors="yield"), first, on_error=OnError.SKIP)
    out = tmp_path / f"export{EXTENSIONS[fmt]}"
    exported = export_graph(first, out, fmt)
    assert exported.products == first.query("MATCH (p:Product) WHERE p.title IS NOT NULL RETURN count(p) AS n")[0]["n"]
    again = build_graph(read_catalog(out), second)
    assert again.rejected == 0 and again.written == exported.products
    assert second.counts() == first.counts() == report.counts
    assert facts(second) == facts(first)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld"])
def test_export_graph_pages_and_chunks_do_not_change_the_output(tmp_path: Path, embedded_store: EmbeddedStore,
                                                                tricky_catalog: Path, fmt: str) -> None:
    build_graph(read_catalogs([TINY, WDC, tricky_catalog], errors="yield"), embedded_store, on_error=OnError.SKIP)
    whole, paged = tmp_path / f"whole{EXTENSIONS[fmt]}", tmp_path / f"paged{EXTENSIONS[fmt]}"
    a = export_graph(embedded_store, whole, fmt)
    b = export_graph(embedded_store, paged, fmt, page_size=2)
    assert (a.products, a.triples) == (b.products, b.triples)
    assert paged.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    if fmt == "nt":  # one line per triple; read back in the smallest chunks, the same products come out
        assert len(whole.read_text(encoding="utf-8").splitlines()) == a.triples
        assert list(read_rdf(whole, "nt", chunk_lines=1)) == list(read_rdf(whole, "nt"))


def test_export_graph_gzip_and_terms(tmp_path: Path, embedded_store: EmbeddedStore) -> None:
    build_graph(read_catalog(TINY), embedded_store)
    out = tmp_path / "tiny.nt.gz"
    export_graph(embedded_store, out, "nt")
    text = gzip.open(out, "rt", encoding="utf-8").read()
    p1, p2 = f"<{product_iri('p1')}>", f"<{product_iri('p2')}>"
    for line in [
        f"{p1} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Product> .",
        f'{p1} <https://schema.org/name> "Apple iPhone 13 128GB Midnight" .',
        f'{p1} <https://schema.org/category> "Electronics > Phones" .',
        f"{p2} <https://schema.org/isAccessoryOrSparePartFor> {p1} .",
        f"{p2} <urn:shopgraph:vocab:compatibleWith> {p1} .",
        f"{p2} <https://schema.org/isRelatedTo> {p1} .",
        f"<{product_iri('p3')}> <https://schema.org/isSimilarTo> <{product_iri('p9')}> .",
        '_:b1 <https://schema.org/price> "699.0"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
    ]:
        assert line in text.splitlines()
    assert not list(tmp_path.glob("*.part"))


def test_export_graph_unwritable_path_is_a_config_error(tmp_path: Path, embedded_store: EmbeddedStore) -> None:
    with pytest.raises(ConfigError, match="cannot write the export to .*missing/x.ttl: No such file or directory"):
        export_graph(embedded_store, tmp_path / "missing" / "x.ttl", "turtle")


class ColourWords:
    """A tiny real extractor: colour words in titles (the store sees ordinary extracted facts)."""

    name, version = "colour-words", "1"

    def extract(self, products: Sequence[Product]) -> list[Extraction]:
        out = []
        for p in products:
            m = re.search(r"\b(Black|Midnight|Silver)\b", p.title)
            values = [ExtractedValue("finish", m.group(1), "title", m.start(), m.end(), 0.9)] if m else []
            out.append(Extraction(values=values))
        return out


def test_export_graph_leaves_out_extracted_facts_unless_asked(tmp_path: Path, embedded_store: EmbeddedStore) -> None:
    build_graph(read_catalog(TINY), embedded_store, extractor=ColourWords())
    assert embedded_store.query("MATCH ()-[r:HAS_VALUE]->() WHERE r.source = 'extracted' RETURN count(r) AS n")[0]["n"] == 2
    catalog_only = tmp_path / "catalog.ttl"
    export_graph(embedded_store, catalog_only, "turtle")
    assert '"finish"' not in catalog_only.read_text(encoding="utf-8")
    everything = tmp_path / "all.ttl"
    export_graph(embedded_store, everything, "turtle", include_extracted=True)
    names = re.findall(r'schema:name "finish" ;\s+schema:value "(\w+)"', everything.read_text(encoding="utf-8"))
    assert sorted(names) == ["Black", "Midnight"]


# ---------------------------------------------------------------------------- CLI


@pytest.fixture
def built_store(tmp_path: Path) -> Path:
    path = tmp_path / "graph.kuzu"
    with EmbeddedStore(path) as store:
        build_graph(read_catalog(TINY), store)
    return path


def test_cli_export_writes_the_file_and_reports_on_stderr(tmp_path: Path, built_store: Path) -> None:
    out = tmp_path / "tiny.jsonld"
    result = CliRunner().invoke(cli, ["export", str(out), "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"exported 3 products (48 triples) as jsonld to {out}\n"
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [node["sku"] for node in doc["@graph"]] == ["p1", "p2", "p3"]


def test_cli_export_to_stdout(built_store: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "nt", "-", "--store", str(built_store)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 48
    assert result.stderr == "exported 3 products (48 triples) as nt\n"


def test_cli_export_unknown_extension_is_a_usage_error(tmp_path: Path, built_store: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "x.txt"), "--store", str(built_store)])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: Invalid value for --format: cannot tell the format from '{tmp_path / 'x.txt'}'; "
        "pass --format turtle|nt|jsonld\n")


def test_cli_export_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.kuzu"
    result = CliRunner().invoke(cli, ["export", "--format", "turtle", str(tmp_path / "x.ttl"), "--store", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: no graph store at {missing}; build one first with "
                             f"`shopgraph build CATALOG --store {missing}`\n")
