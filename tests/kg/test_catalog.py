"""Catalog readers (kg.catalog): JSON Lines, CSV, gzip; every bad row named by file, line and reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from shopgraph.kg.catalog import (
    MAX_FIELD_BYTES,
    Product,
    Rejected,
    catalog_format,
    check_catalog,
    parse_price,
    read_catalog,
    read_catalogs,
)
from shopgraph.kg.errors import CatalogError
from shopgraph.kg.schema import ProductRelation

DATA = Path(__file__).parent.parent / "data"
CSV_MAP = {"id": "sku", "title": "name", "brand": "maker", "category": "dept", "price": "cost"}
RELATIONS = "compatible-with, accessory-for, replacement-for, includes, similar-to, bought-together"


def write_lines(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"".join((ln if isinstance(ln, bytes) else ln.encode()) + b"\n" for ln in lines))
    return path


GOOD = json.dumps({"id": "g1", "title": "Good product", "price": 1.5})

# (line written as the 2nd line of a .jsonl file, the exact reason)
BAD_JSONL_ROWS = [
    pytest.param('{"id": "x", "title": "Broken"', "malformed JSON: Expecting ',' delimiter at column 30", id="malformed-json"),
    pytest.param('{"id": "x", "title": }', "malformed JSON: Expecting value at column 22", id="malformed-json-value"),
    pytest.param('{"title": "No id"}', "missing required field 'id'", id="missing-id"),
    pytest.param('{"id": "  ", "title": "Blank id"}', "missing required field 'id'", id="blank-id"),
    pytest.param('{"id": "x"}', "product 'x': missing required field 'title'", id="missing-title"),
    pytest.param('{"id": "x", "title": ""}', "product 'x': missing required field 'title'", id="empty-title"),
    pytest.param('{"id": "x", "title": "T", "price": "ten dollars"}',
                 "price 'ten dollars' is not a number; write it like 19.99", id="price-text"),
    pytest.param('{"id": "x", "title": "T", "price": "1.234,56"}',
                 "price '1.234,56' is not a number; write it like 19.99", id="price-european-thousands"),
    pytest.param('{"id": "x", "title": "T", "price": true}', "price True is not a number", id="price-bool"),
    pytest.param('{"id": "x", "title": "T", "price": -3}', "price -3 is not a non-negative number", id="price-negative"),
    pytest.param('["x", "T"]', "expected a JSON object, got list", id="array-line"),
    pytest.param('"just a string"', "expected a JSON object, got str", id="string-line"),
    pytest.param("42", "expected a JSON object, got int", id="number-line"),
    pytest.param('{"id": "x", "title": "T", "related": [{"type": "cousin-of", "id": "g1"}]}',
                 f"related[0]: unknown relation type 'cousin-of'; use one of: {RELATIONS}", id="bad-related-type"),
    pytest.param('{"id": "x", "title": "T", "related": [{"id": "g1"}]}',
                 "related[0] must be an object with 'type' and a non-empty 'id'", id="related-without-type"),
    pytest.param('{"id": "x", "title": "T", "related": [{"type": "similar-to", "id": "   "}]}',
                 "related[0] must be an object with 'type' and a non-empty 'id'", id="related-blank-id"),
    pytest.param('{"id": "x", "title": "T", "related": {"type": "includes", "id": "g1"}}',
                 "field 'related' must be a list of {type, id}", id="related-not-a-list"),
    pytest.param('{"id": "x", "title": "T", "attributes": ["Black"]}',
                 "field 'attributes' must be an object {name: value | [values]}", id="attributes-not-object"),
    pytest.param('{"id": "x", "title": "T", "attributes": {"Color": {"name": "Black"}}}',
                 "attribute 'Color' values must be strings or numbers, got dict", id="attribute-value-object"),
    pytest.param('{"id": "x", "title": ["T"]}', "field 'title' must be a string, got list", id="title-list"),
    pytest.param('{"id": "g1", "title": "Same id again"}', "duplicate id 'g1' (first seen at line 1)", id="duplicate-id"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_JSONL_ROWS)
def test_read_catalog_bad_jsonl_row_raises_path_line_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = write_lines(tmp_path / "dump.jsonl", GOOD, line, GOOD.replace("g1", "g3"))
    records = read_catalog(path)
    assert isinstance(next(records), Product)  # streamed: the good first row comes out before the error
    with pytest.raises(CatalogError) as info:
        next(records)
    assert str(info.value) == f"{path}:2: {reason}"
    assert (info.value.path, info.value.line, info.value.reason) == (str(path), 2, reason)


@pytest.mark.parametrize(("line", "reason"), BAD_JSONL_ROWS)
def test_read_catalog_bad_jsonl_row_yields_rejected_and_goes_on(tmp_path: Path, line: str, reason: str) -> None:
    path = write_lines(tmp_path / "dump.jsonl", GOOD, line, GOOD.replace("g1", "g3"))
    records = list(read_catalog(path, errors="yield"))
    assert [type(r) for r in records] == [Product, Rejected, Product]
    rejected = records[1]
    assert isinstance(rejected, Rejected)
    assert (rejected.path, rejected.line, rejected.reason) == (str(path), 2, reason)
    assert [r.id for r in records if isinstance(r, Product)] == ["g1", "g3"]
    assert rejected.raw == line  # the row itself goes to the rejects file: nothing is lost


def test_read_catalog_invalid_utf8_line_is_rejected_with_the_fix(tmp_path: Path) -> None:
    bad = b'{"id": "x", "title": "Caf' + b"\xe9" + b'"}'  # latin-1 é
    path = write_lines(tmp_path / "dump.jsonl", GOOD, bad, GOOD.replace("g1", "g3"))
    reason = "invalid UTF-8 at byte 25 of the line; re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
    with pytest.raises(CatalogError) as info:
        list(read_catalog(path))
    assert str(info.value) == f"{path}:2: {reason}"
    records = list(read_catalog(path, errors="yield"))
    assert [(r.line, r.reason, r.raw) for r in records if isinstance(r, Rejected)] == [
        (2, reason, '{"id": "x", "title": "Caf\\xe9"}')]
    assert [r.id for r in records if isinstance(r, Product)] == ["g1", "g3"]


@pytest.mark.parametrize("field", ["description", "title"])
def test_read_catalog_field_over_1mb_is_rejected(tmp_path: Path, field: str) -> None:
    row = {"id": "big", "title": "Big", field: "x" * (MAX_FIELD_BYTES + 200_000)}
    path = write_lines(tmp_path / "dump.jsonl", GOOD, json.dumps(row))
    records = list(read_catalog(path, errors="yield"))
    assert isinstance(records[1], Rejected)
    assert records[1].reason == f"field '{field}' is 1.2 MB, over the 1 MB limit; shorten it or drop it"
    assert records[1].line == 2


def test_read_catalog_field_of_exactly_1mb_is_accepted(tmp_path: Path) -> None:
    row = {"id": "edge", "title": "Edge", "description": "y" * MAX_FIELD_BYTES}
    path = write_lines(tmp_path / "dump.jsonl", json.dumps(row))
    (product,) = read_catalog(path)
    assert isinstance(product, Product) and len(product.description or "") == MAX_FIELD_BYTES


def test_read_catalog_over_1mb_counts_bytes_not_characters(tmp_path: Path) -> None:
    row = {"id": "wide", "title": "Wide", "description": "é" * (MAX_FIELD_BYTES // 2 + 1)}  # 2 bytes each
    path = write_lines(tmp_path / "dump.jsonl", json.dumps(row, ensure_ascii=False))
    (rejected,) = read_catalog(path, errors="yield")
    assert isinstance(rejected, Rejected)
    assert rejected.reason == "field 'description' is 1.0 MB, over the 1 MB limit; shorten it or drop it"


@pytest.mark.parametrize("name", ["dump.xml", "dump.parquet", "dump", "dump.txt.gz"])
def test_catalog_format_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("{}\n")
    suffix = {"dump.xml": "'.xml'", "dump.parquet": "'.parquet'", "dump": "'(no extension)'", "dump.txt.gz": "'.txt'"}[name]
    expected = (
        f"{path}: unknown catalog format {suffix}; use one of .csv, .json, .jsonl, .jsonld, .ndjson, .nq, .nt, "
        ".tsv, .ttl (optionally gzipped, e.g. catalog.jsonl.gz)"
    )
    for call in (catalog_format, check_catalog, lambda p: list(read_catalog(p, errors="yield"))):
        with pytest.raises(CatalogError) as info:
            call(path)
        assert str(info.value) == expected


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.JSON", "jsonl"), ("a.jsonl.gz", "jsonl"), ("a.csv", "csv"),
     ("a.tsv.gz", "csv"), ("a.nq", "nquads"), ("a.nt.gz", "nt"), ("a.ttl", "turtle"), ("a.jsonld", "json-ld")],
)
def test_catalog_format_by_extension(name: str, fmt: str) -> None:
    assert catalog_format(name) == fmt


def test_check_catalog_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        check_catalog(tmp_path / "nope.jsonl")
    assert str(info.value) == f"{tmp_path / 'nope.jsonl'}: no such file"
    folder = tmp_path / "dir.jsonl"
    folder.mkdir()
    with pytest.raises(CatalogError) as info:
        check_catalog(folder)
    assert str(info.value) == f"{folder}: is a directory; pass catalog files"


def test_read_catalog_jsonl_full_record() -> None:
    p = next(read_catalog(DATA / "catalog_v1.jsonl"))
    assert p == Product(
        id="phone-1",
        title="Apple iPhone 13 128GB Midnight",
        description="6.1-inch Super Retina XDR display, A15 Bionic chip.",
        bullets=["Dual 12MP camera", "Ceramic Shield front"],
        brand="Apple",
        category=["Electronics", "Phones"],
        price=699.0,
        currency="USD",
        attributes={"Storage": ["128GB"], "Color": ["Midnight"], "Screen Size": ['6.1"']},
        related=[],
        url="https://shop.example/phone-1",
        catalog=str(DATA / "catalog_v1.jsonl"),
        line=1,
    )
    assert p.text_fields() == {
        "title": "Apple iPhone 13 128GB Midnight",
        "bullets": "Dual 12MP camera\nCeramic Shield front",
        "description": "6.1-inch Super Retina XDR display, A15 Bionic chip.",
    }


def test_read_catalog_category_list_and_path_and_related_types() -> None:
    products = {p.id: p for p in read_catalog(DATA / "catalog_v1.jsonl")}
    assert products["phone-2"].category == products["phone-1"].category == ["Electronics", "Phones"]
    assert products["charger-1"].related == [
        (ProductRelation.COMPATIBLE_WITH, "phone-1"),
        (ProductRelation.COMPATIBLE_WITH, "phone-2"),
        (ProductRelation.BOUGHT_TOGETHER, "case-1"),
    ]
    assert products["coffee-1"].price == 37.98  # "$37.98"
    assert products["tablet-1"].brand == "SAMSUNG."  # stripped; resolved to the Samsung node at build time


def test_read_catalog_gzipped_jsonl_reads_like_plain(tmp_path: Path) -> None:
    gz = tmp_path / "catalog.jsonl.gz"
    gz.write_bytes(gzip.compress((DATA / "catalog_v1.jsonl").read_bytes()))
    plain = [(p.id, p.title, p.attributes, p.line) for p in read_catalog(DATA / "catalog_v1.jsonl")]
    zipped = list(read_catalog(gz))
    assert [(p.id, p.title, p.attributes, p.line) for p in zipped] == plain
    assert zipped[0].catalog == str(gz)


def test_read_catalog_gzip_is_sniffed_not_trusted_from_the_name(tmp_path: Path) -> None:
    hidden = tmp_path / "catalog.jsonl"  # gzip bytes without .gz
    hidden.write_bytes(gzip.compress(GOOD.encode() + b"\n"))
    assert [p.id for p in read_catalog(hidden)] == ["g1"]


def test_read_catalog_gzipped_bad_row_names_the_gz_file(tmp_path: Path) -> None:
    gz = tmp_path / "dump.jsonl.gz"
    gz.write_bytes(gzip.compress(f'{GOOD}\n{{"id": "x"}}\n'.encode()))
    with pytest.raises(CatalogError) as info:
        list(read_catalog(gz))
    assert str(info.value) == f"{gz}:2: product 'x': missing required field 'title'"


def test_read_catalog_skips_blank_lines_and_keeps_line_numbers(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "dump.jsonl", GOOD, "", "   ", '{"id": "x"}')
    records = list(read_catalog(path, errors="yield"))
    assert [(type(r).__name__, r.line) for r in records] == [("Product", 1), ("Rejected", 4)]


def test_read_catalog_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "excel.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\r\n" + GOOD.replace("g1", "g2").encode() + b"\r\n")
    assert [p.id for p in read_catalog(path)] == ["g1", "g2"]
    csv_path = tmp_path / "excel.csv"
    csv_path.write_bytes(b"\xef\xbb\xbfid,title\r\nc1,Kettle\r\n")
    assert [(p.id, p.title) for p in read_catalog(csv_path)] == [("c1", "Kettle")]


def test_read_catalog_duplicate_ids_across_files_are_allowed(tmp_path: Path) -> None:
    a = write_lines(tmp_path / "a.jsonl", GOOD)
    b = write_lines(tmp_path / "b.jsonl", GOOD.replace("Good product", "Newer title"))
    assert [(p.id, p.title) for p in read_catalogs([a, b])] == [("g1", "Good product"), ("g1", "Newer title")]


@pytest.mark.parametrize(
    ("record", "id_", "title", "description", "category"),
    [
        ({"input": "Folgers Classic Roast Ground Coffee, 30.5 oz", "category": "Grocery",
          "target_scores": {"Brand": {"Folgers": 1}}},
         "dump.jsonl:1", "Folgers Classic Roast Ground Coffee, 30.5 oz", None, ["Grocery"]),
        ({"input_title": "HP 64XL Black Ink", "input_description": "High yield.", "category": "Office Products",
          "id": "16828130"},
         "16828130", "HP 64XL Black Ink", "High yield.", ["Office Products"]),
    ],
    ids=["oa-mine-extractgpt", "wdc-pave"],
)
def test_read_catalog_attribute_extraction_dataset_shapes(tmp_path: Path, record: dict, id_: str, title: str,
                                                          description: str | None, category: list[str]) -> None:
    path = write_lines(tmp_path / "dump.jsonl", json.dumps(record))
    (p,) = read_catalog(path)
    assert (p.id, p.title, p.description, p.category) == (id_, title, description, category)


def test_read_catalog_oa_mine_fixture_uses_input_as_title() -> None:
    products = list(read_catalog(DATA / "catalog_oamine.jsonl"))
    assert [(p.id, p.title) for p in products] == [
        ("catalog_oamine.jsonl:1", "Ellie Shoes Women's Patent Pump, Red, 8 M US"),
        ("catalog_oamine.jsonl:2", "Folgers Classic Roast Ground Coffee, 30.5 oz"),
        ("catalog_oamine.jsonl:3", "HP 64XL Black Ink Cartridge"),
    ]


@pytest.mark.parametrize(
    ("value", "price"),
    [(19.99, 19.99), (5, 5.0), ("19.99", 19.99), ("$19.99", 19.99), ("€ 7", 7.0), ("1,299.00", 1299.0),
     ("12,99", 12.99), ("1,5", 1.5), ("12,999", 12999.0), (None, None), ("", None), (0, 0.0)],
)
def test_parse_price_accepts_common_forms(value: object, price: float | None) -> None:
    assert parse_price(value) == price


@pytest.mark.parametrize("value", ["abc", "1.234,56", "12,99,1", "nan", "inf", "-1", [1]])
def test_parse_price_refuses_what_is_not_a_price(value: object) -> None:
    with pytest.raises(ValueError):
        parse_price(value)


# ---------------------------------------------------------------------------- CSV


def test_read_catalog_csv_with_column_map_bullets_and_attr_columns() -> None:
    records = list(read_catalog(DATA / "catalog_mapped.csv", errors="yield", csv_map=CSV_MAP))
    products = {r.id: r for r in records if isinstance(r, Product)}
    assert products["S-100"].bullets == ["A15 Bionic chip", "6.1-inch display"]
    assert products["S-100"].attributes == {"Color": ["Midnight"], "Storage": ["128GB"]}
    assert products["S-100"].category == ["Electronics", "Phones"]
    assert products["S-101"].attributes == {"Color": ["Phantom Black", "Green"], "Storage": ["128 GB"]}
    assert products["S-101"].price == 799.0
    assert products["S-105"].title == "Pixel 7, 128 GB"  # quoted comma
    assert products["S-105"].price == 1299.0
    assert products["S-105"].line == 8


def test_read_catalog_csv_bad_rows_are_named_by_line() -> None:
    path = DATA / "catalog_mapped.csv"
    rejected = [(r.path, r.line, r.reason) for r in read_catalog(path, errors="yield", csv_map=CSV_MAP)
                if isinstance(r, Rejected)]
    assert rejected == [
        (str(path), 4, "product 'S-102': missing required field 'title'"),
        (str(path), 5, "price 'cheap' is not a number; write it like 19.99"),
        (str(path), 6, "expected 8 columns, got 3"),
        (str(path), 7, "duplicate id 'S-100' (first seen at line 2)"),
    ]
    with pytest.raises(CatalogError) as info:
        list(read_catalog(path, csv_map=CSV_MAP))
    assert str(info.value) == f"{path}:4: product 'S-102': missing required field 'title'"


def test_read_catalog_csv_without_map_misses_id(tmp_path: Path) -> None:
    path = DATA / "catalog_mapped.csv"
    with pytest.raises(CatalogError) as info:
        list(read_catalog(path, errors="yield"))  # one header error, not a reject per row
    header = ["sku", "name", "maker", "dept", "cost", "bullets", "attr:Color", "attr:Storage"]
    assert str(info.value) == (f"{path}:1: no 'id' or 'title' column in the header {header}; name the column(s) "
                               "that hold them with --csv-map, e.g. --csv-map id=COLUMN")


def test_read_catalog_csv_map_naming_a_missing_column(tmp_path: Path) -> None:
    path = DATA / "catalog_mapped.csv"
    with pytest.raises(CatalogError) as info:
        list(read_catalog(path, errors="yield", csv_map={"id": "product_code"}))
    header = ["sku", "name", "maker", "dept", "cost", "bullets", "attr:Color", "attr:Storage"]
    assert str(info.value) == f"{path}:1: mapped column(s) ['product_code'] not in the header {header}; fix --csv-map"


def test_read_catalog_csv_json_columns_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(
        "id,title,description,attributes,related\n"
        'c1,Kettle,"Boils fast.\nCordless.","{""Capacity"": ""1.7 l""}","[{""type"": ""includes"", ""id"": ""c2""}]"\n'
        'c2,Kettle base,,,\n'
        'c3,Broken,,"{not json}",\n',
        encoding="utf-8",
    )
    records = list(read_catalog(path, errors="yield"))
    assert isinstance(records[0], Product) and records[0].description == "Boils fast.\nCordless."
    assert records[0].attributes == {"Capacity": ["1.7 l"]}
    assert records[0].related == [(ProductRelation.INCLUDES, "c2")]
    assert (records[1].id, records[1].line) == ("c2", 4)  # line numbers count the embedded newline
    assert isinstance(records[2], Rejected)
    assert (records[2].line, records[2].reason) == (
        5, "column 'attributes' holds malformed JSON: Expecting property name enclosed in double quotes")


@pytest.mark.parametrize(("rows", "kept", "rejected"), [
    # the quote opened on line 3 never closes: the file ends inside it
    ('a1,"Good",1\na2,"Broken title,2\na3,Fine,3\n', ["a1", "a3"], [3]),
    # it closes on a later line, mid-field; the multi-line cell after it is fine
    ('a1,"Good",1\na2,"Broken title,2\na3,Fine,3\na4,"Two\nlines",4\na5,"x"y,5\n', ["a1", "a3", "a4"], [3, 7]),
    # two of them
    ('a2,"Broken,2\na3,Fine,3\na5,"also broken,5\na6,ok,6\n', ["a3", "a6"], [2, 4]),
])
def test_read_catalog_csv_unterminated_quote_rejects_its_line_and_reads_on(
        tmp_path: Path, rows: str, kept: list[str], rejected: list[int]) -> None:
    path = tmp_path / "dump.csv"
    path.write_text("id,title,price\n" + rows, encoding="utf-8")
    records = list(read_catalog(path, errors="yield"))
    assert [r.id for r in records if isinstance(r, Product)] == kept
    bad = [r for r in records if isinstance(r, Rejected)]
    assert [r.line for r in bad] == rejected
    if rows.startswith('a1,"Good",1\na2'):
        assert bad[0].reason.startswith("unterminated quote: a quoted field opens on this line and runs to line")
        assert bad[0].raw == 'a2,"Broken title,2'


def test_read_catalog_csv_invalid_utf8_row(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(b"id,title\nc1,Kettle\nc2,Caf\xe9 cup\nc3,Mug\n")
    records = list(read_catalog(path, errors="yield"))
    assert [(type(r).__name__, r.line) for r in records] == [("Product", 2), ("Rejected", 3), ("Product", 4)]
    assert records[1].reason == (
        "invalid UTF-8 at byte 6 of the line; re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")


def test_read_catalog_csv_field_over_1mb_is_rejected_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(f"id,title,description\nc1,Kettle,{'x' * (MAX_FIELD_BYTES + 300_000)}\nc2,Mug,ok\n")
    records = list(read_catalog(path, errors="yield"))
    assert [(type(r).__name__, r.line) for r in records] == [("Rejected", 2), ("Product", 3)]
    assert records[0].reason == "field 'description' is 1.3 MB, over the 1 MB limit; shorten it or drop it"


def test_read_catalog_csv_field_far_over_the_limit_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text(f"id,title,description\nc1,Kettle,{'x' * (5 * MAX_FIELD_BYTES)}\nc2,Mug,ok\n")
    records = list(read_catalog(path, errors="yield"))
    assert [(type(r).__name__, r.line) for r in records] == [("Rejected", 2), ("Product", 3)]
    assert records[0].reason == "a field is over 4 MB, far over the 1 MB limit; shorten it or drop it"


def test_read_catalog_tsv_and_gzipped_csv(tmp_path: Path) -> None:
    tsv = tmp_path / "dump.tsv"
    tsv.write_text("id\ttitle\tbullets\nt1\tKettle, steel\tfast | quiet\n")
    (p,) = read_catalog(tsv)
    assert (p.title, p.bullets) == ("Kettle, steel", ["fast", "quiet"])
    gz = tmp_path / "dump.csv.gz"
    gz.write_bytes(gzip.compress(b"id,title,attr:Color\nz1,Mug,Red | Blue\n"))
    (p,) = read_catalog(gz)
    assert (p.id, p.attributes) == ("z1", {"Color": ["Red", "Blue"]})
