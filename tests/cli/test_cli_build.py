"""`shopgraph build | query | stats` on real embedded stores: exit codes, exact `Error:` text, rejects files."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from shopgraph.kg.catalog import MAX_FIELD_BYTES
from shopgraph.kg.cli import cli
from shopgraph.kg.errors import CatalogError, ReadOnlyError

DATA = Path(__file__).parent.parent / "data"
V1 = DATA / "catalog_v1.jsonl"
RELATIONS = "compatible-with, accessory-for, replacement-for, includes, similar-to, bought-together"
FORMATS = ".csv, .json, .jsonl, .jsonld, .ndjson, .nq, .nt, .tsv, .ttl"
CSV_MAP = ["--csv-map", "id=sku", "--csv-map", "title=name", "--csv-map", "brand=maker",
           "--csv-map", "category=dept", "--csv-map", "price=cost"]


def shopgraph(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The v1 fixture catalog built once into a store that the read-only tests share."""
    store = tmp_path_factory.mktemp("built") / "graph.kuzu"
    result = shopgraph("build", "--no-extract", V1, "--store", store)
    assert result.exit_code == 0, result.output
    return store


GOOD = json.dumps({"id": "g1", "title": "Good product", "price": 1.5, "attributes": {"Weight": "1 kg"}})
GOOD3 = json.dumps({"id": "g3", "title": "Another good product", "price": 2.5, "attributes": {"Weight": "2 kg"}})

# (2nd line of the dump, exact reason): every bad-input case of a JSON Lines dump
BAD_ROWS = [
    pytest.param(b'{"id": "x", "title": "Broken"', "malformed JSON: Expecting ',' delimiter at column 30",
                 id="malformed-json"),
    pytest.param(b'{"title": "No id"}', "missing required field 'id'", id="missing-id"),
    pytest.param(b'{"id": "x", "price": 3}', "product 'x': missing required field 'title'", id="missing-title"),
    pytest.param(b'{"id": "x", "title": "T", "price": "about 5"}',
                 "price 'about 5' is not a number; write it like 19.99", id="price-not-a-number"),
    pytest.param(b'{"id": "x", "title": "Caf\xe9"}',
                 "invalid UTF-8 at byte 25 of the line; re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                 id="invalid-utf8"),
    pytest.param(json.dumps({"id": "x", "title": "T", "description": "d" * (MAX_FIELD_BYTES + 100_000)}).encode(),
                 "field 'description' is 1.1 MB, over the 1 MB limit; shorten it or drop it", id="field-over-1mb"),
    pytest.param(GOOD.replace("Good product", "Same id").encode(), "duplicate id 'g1' (first seen at line 1)",
                 id="duplicate-id"),
    pytest.param(b'["x", "T"]', "expected a JSON object, got list", id="not-an-object"),
    pytest.param(b'{"id": "x", "title": "T", "related": [{"type": "sibling-of", "id": "g1"}]}',
                 f"related[0]: unknown relation type 'sibling-of'; use one of: {RELATIONS}", id="bad-related-type"),
]


def dump_with(tmp_path: Path, bad: bytes, name: str = "dump.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(GOOD.encode() + b"\n" + bad + b"\n" + GOOD3.encode() + b"\n")
    return path


def product_ids(store: Path) -> list[str]:
    result = shopgraph("query", "MATCH (p:Product) RETURN p.id AS id ORDER BY id", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    return [row["id"] for row in json.loads(result.stdout)]


# ---------------------------------------------------------------------------- build: bad input


@pytest.mark.parametrize(("bad", "reason"), BAD_ROWS)
def test_cli_build_bad_row_fails_with_path_line_reason(tmp_path: Path, bad: bytes, reason: str) -> None:
    path = dump_with(tmp_path, bad)
    result = shopgraph("build", "--no-extract", path, "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:2: {reason}\n"
    assert result.stdout == ""


@pytest.mark.parametrize(("bad", "reason"), BAD_ROWS)
def test_cli_build_bad_row_with_skip_goes_to_rejects_and_is_counted(tmp_path: Path, bad: bytes, reason: str) -> None:
    path = dump_with(tmp_path, bad)
    rejects, store = tmp_path / "rejects.jsonl", tmp_path / "graph.kuzu"
    result = shopgraph("build", "--no-extract", path, "--store", store, "--on-error", "skip", "--rejects", rejects)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["line"], r["reason"]) for r in rows] == [(str(path), 2, reason)]
    assert rows[0]["raw"] == bad.decode("utf-8", errors="backslashreplace")  # the row itself: nothing is lost
    assert result.stderr.splitlines()[0] == f"read 3 rows: 2 products written, 1 rejected (see {rejects})"
    assert product_ids(store) == ["g1", "g3"]


def test_cli_build_skip_summary_as_json_counts_every_reject(tmp_path: Path) -> None:
    rejects, store = tmp_path / "bad.jsonl", tmp_path / "graph.kuzu"
    path = DATA / "catalog_bad.jsonl"
    result = shopgraph("build", "--no-extract", path, "--store", store, "--on-error", "skip", "--rejects", rejects, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["products_read"], summary["products_written"], summary["products_rejected"]) == (9, 2, 7)
    rows = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [(r["file"], r["line"]) for r in rows] == [(str(path), n) for n in range(2, 9)]
    assert rows[0]["raw"] == '{"id": "bad-json", "title": "Broken record"'
    assert product_ids(store) == ["ok-1", "ok-2"]


def test_cli_build_skip_writes_rejects_jsonl_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = dump_with(tmp_path, b'{"id": "x"}')
    result = shopgraph("build", "--no-extract", path, "--store", "graph.kuzu", "--on-error", "skip")
    assert result.exit_code == 0, result.output
    assert "(see rejects.jsonl)" in result.stderr
    (row,) = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert row == {"file": str(path), "line": 2, "reason": "product 'x': missing required field 'title'",
                   "raw": '{"id": "x"}'}


@pytest.mark.parametrize("mode", ["fail", "skip"])
def test_cli_build_unknown_format_fails_before_anything_is_written(tmp_path: Path, mode: str) -> None:
    good = dump_with(tmp_path, GOOD3.replace("g3", "g2").encode())
    odd = tmp_path / "dump.xml"
    odd.write_text("<products/>")
    store = tmp_path / "graph.kuzu"
    result = shopgraph("build", "--no-extract", good, odd, "--store", store, "--on-error", mode)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {odd}: unknown catalog format '.xml'; use one of {FORMATS} "
                             "(optionally gzipped, e.g. catalog.jsonl.gz)\n")
    assert not store.exists()
    assert not (tmp_path / "rejects.jsonl").exists()


def test_cli_build_missing_file_fails_before_anything_is_written(tmp_path: Path) -> None:
    store = tmp_path / "graph.kuzu"
    result = shopgraph("build", "--no-extract", V1, tmp_path / "nope.jsonl", "--store", store)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.jsonl'}: no such file\n"
    assert not store.exists()


def test_cli_build_verbose_shows_the_traceback(tmp_path: Path) -> None:
    path = dump_with(tmp_path, b'{"id": "x"}')
    result = shopgraph("--verbose", "build", "--no-extract", path, "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 1
    assert isinstance(result.exception, CatalogError)
    assert str(result.exception) == f"{path}:2: product 'x': missing required field 'title'"


# ---------------------------------------------------------------------------- build: formats


def test_cli_build_summary_json_for_the_v1_catalog(tmp_path: Path) -> None:
    result = shopgraph("build", "--no-extract", V1, "--store", tmp_path / "graph.kuzu", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "products_read": 8, "products_written": 8, "products_rejected": 0,
        "extracted_values": 0, "extracted_relations": 0, "unusable_catalog_values": 0, "orphans_pruned": 0,
        "edges_replaced": 0,
        "graph": {
            "nodes": {"Product": 9, "Brand": 6, "Category": 9, "AttributeValue": 15},
            "relationships": {"HAS_BRAND": 8, "IN_CATEGORY": 8, "HAS_VALUE": 20, "SUBCATEGORY_OF": 6,
                              "COMPATIBLE_WITH": 3, "ACCESSORY_FOR": 1, "REPLACEMENT_FOR": 0, "INCLUDES": 0,
                              "SIMILAR_TO": 2, "BOUGHT_TOGETHER": 1},
        },
    }


def test_cli_build_prints_the_summary_on_stderr(tmp_path: Path) -> None:
    result = shopgraph("build", "--no-extract", V1, "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "read 8 rows: 8 products written, 0 rejected"
    assert "  Product                   9" in lines
    assert "  HAS_VALUE                20" in lines


def test_cli_build_gzipped_jsonl(tmp_path: Path) -> None:
    gz = tmp_path / "catalog.jsonl.gz"
    gz.write_bytes(gzip.compress(V1.read_bytes()))
    result = shopgraph("build", "--no-extract", gz, "--store", tmp_path / "graph.kuzu", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["products_written"] == 8


def test_cli_build_gzipped_jsonl_bad_row(tmp_path: Path) -> None:
    gz = tmp_path / "catalog.jsonl.gz"
    gz.write_bytes(gzip.compress(GOOD.encode() + b"\n" + b'{"id": "x", "title": "T", "price": "n/a"}\n'))
    result = shopgraph("build", "--no-extract", gz, "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {gz}:2: price 'n/a' is not a number; write it like 19.99\n"


def test_cli_build_attribute_extraction_dataset_shape(tmp_path: Path) -> None:
    store = tmp_path / "graph.kuzu"
    result = shopgraph("build", "--no-extract", DATA / "catalog_oamine.jsonl", "--store", store, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["products_written"] == 3
    titles = shopgraph("query", "MATCH (p:Product) RETURN p.title AS t ORDER BY t", "--store", store, "--format", "csv")
    assert titles.stdout.splitlines() == [
        "t", "\"Ellie Shoes Women's Patent Pump, Red, 8 M US\"", '"Folgers Classic Roast Ground Coffee, 30.5 oz"',
        "HP 64XL Black Ink Cartridge"]


def test_cli_build_csv_with_column_map(tmp_path: Path) -> None:
    path, store, rejects = DATA / "catalog_mapped.csv", tmp_path / "graph.kuzu", tmp_path / "rejects.jsonl"
    result = shopgraph("build", "--no-extract", path, *CSV_MAP, "--store", store, "--on-error", "skip", "--rejects", rejects, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["products_read"], summary["products_written"], summary["products_rejected"]) == (7, 3, 4)
    rows = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(r["file"], r["line"], r["reason"]) for r in rows] == [
        (str(path), 4, "product 'S-102': missing required field 'title'"),
        (str(path), 5, "price 'cheap' is not a number; write it like 19.99"),
        (str(path), 6, "expected 8 columns, got 3"),
        (str(path), 7, "duplicate id 'S-100' (first seen at line 2)"),
    ]
    values = shopgraph("query", "MATCH (p:Product {id: $id})-[:HAS_VALUE]->(v) RETURN v.key AS k ORDER BY k",
                       "-p", 'id="S-101"', "--store", store, "--format", "json")
    assert json.loads(values.stdout) == [{"k": "color=green"}, {"k": "color=phantom black"}, {"k": "storage=128 gb"}]
    bullets = shopgraph("query", "MATCH (p:Product {id: 'S-100'}) RETURN p.bullets AS b, p.price AS price",
                        "--store", store, "--format", "json")
    assert json.loads(bullets.stdout) == [{"b": ["A15 Bionic chip", "6.1-inch display"], "price": 699.0}]
    shared = shopgraph("query", "MATCH (p:Product)-[:HAS_VALUE]->(v {key: 'storage=128 gb'}) RETURN count(p) AS n",
                       "--store", store, "--format", "json")
    assert json.loads(shared.stdout) == [{"n": 3}]  # "128GB", "128 GB", "128 gb"


def test_cli_build_csv_bad_row_fails_with_path_line_reason(tmp_path: Path) -> None:
    path = DATA / "catalog_mapped.csv"
    result = shopgraph("build", "--no-extract", path, *CSV_MAP, "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}:4: product 'S-102': missing required field 'title'\n"


def test_cli_build_csv_map_naming_a_missing_column(tmp_path: Path) -> None:
    path = DATA / "catalog_mapped.csv"
    result = shopgraph("build", "--no-extract", path, "--csv-map", "id=code", "--store", tmp_path / "graph.kuzu")
    assert result.exit_code == 1
    header = ["sku", "name", "maker", "dept", "cost", "bullets", "attr:Color", "attr:Storage"]
    assert result.stderr == f"Error: {path}:1: mapped column(s) ['code'] not in the header {header}; fix --csv-map\n"


def test_cli_build_csv_invalid_utf8_and_oversized_field(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_bytes(b"id,title,description,price\n"
                     b"c1,Kettle,,20\n"
                     b"c2,Caf\xe9 mug,,5\n"
                     + b"c3,Teapot," + b"t" * (MAX_FIELD_BYTES + 1) + b",30\n"
                     b"c4,Mug,,4\n")
    rejects = tmp_path / "rejects.jsonl"
    result = shopgraph("build", "--no-extract", path, "--store", tmp_path / "graph.kuzu", "--on-error", "skip", "--rejects", rejects)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(r["line"], r["reason"]) for r in rows] == [
        (3, "invalid UTF-8 at byte 6 of the line; re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"),
        (4, "field 'description' is 1.0 MB, over the 1 MB limit; shorten it or drop it"),
    ]
    assert rows[0]["raw"] == "c2,Caf\\xe9 mug,,5"  # the bad byte kept as an escape, as in JSONL rejects
    assert product_ids(tmp_path / "graph.kuzu") == ["c1", "c4"]


# ---------------------------------------------------------------------------- build: idempotent


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """A real `shopgraph` process (a crash in the engine then fails one test, not the whole run)."""
    return subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


EVERYTHING = [
    "MATCH (p:Product) RETURN p.id AS id, p.title AS title, p.description AS d, p.bullets AS b, p.price AS price, "
    "p.currency AS cur, p.url AS url, p.catalog AS cat, p.content_hash AS h ORDER BY id",
    "MATCH (b:Brand) RETURN b.key AS k, b.name AS name ORDER BY k",
    "MATCH (c:Category) RETURN c.key AS k, c.name AS name, c.path AS path, c.depth AS depth ORDER BY k",
    "MATCH (v:AttributeValue) RETURN v.key AS k, v.attribute AS a, v.value AS v, v.normalized AS n, v.number AS num, "
    "v.unit AS u ORDER BY k",
    "MATCH (a)-[r]->(b) RETURN label(r) AS t, coalesce(a.id, a.key) AS src, coalesce(b.id, b.key) AS dst, "
    "r.source AS s, r.catalog AS c, r.field AS f, r.confidence AS conf, r.attribute AS attr, r.surface AS surf "
    "ORDER BY t, src, dst, surf",
]


def test_cli_build_twice_gives_identical_stats_and_query_results(tmp_path: Path) -> None:
    store = tmp_path / "graph.kuzu"
    snapshots = []
    for attempt in range(2):
        build = run_cli("build", "--no-extract", V1, "--store", store)
        assert build.returncode == 0, build.stderr
        stats = run_cli("stats", "--store", store, "--json")
        dumps = [run_cli("query", q, "--store", store, "--format", "json") for q in EVERYTHING]
        assert all(d.returncode == 0 for d in dumps), [d.stderr for d in dumps]
        snapshots.append((json.loads(stats.stdout), [json.loads(d.stdout) for d in dumps]))
    assert snapshots[0] == snapshots[1]
    assert snapshots[0][0]["nodes"]["Product"] == 9
    assert len(snapshots[0][1][4]) == sum(snapshots[0][0]["relationships"].values())


def test_cli_build_store_falls_back_to_shopgraph_store(tmp_path: Path) -> None:
    env = {"SHOPGRAPH_STORE": str(tmp_path / "env.kuzu")}
    assert shopgraph("build", "--no-extract", DATA / "catalog_oamine.jsonl", env=env).exit_code == 0
    result = shopgraph("stats", "--json", env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nodes"]["Product"] == 3


# ---------------------------------------------------------------------------- query


WRITES = [
    "CREATE (:Brand {key: 'x', name: 'X'})",
    "MATCH (p:Product {id: 'phone-1'}) SET p.title = 'hacked'",
    "MERGE (b:Brand {key: 'apple'}) RETURN b",
    "MATCH (p:Product) DELETE p",
    "MATCH (p:Product) DETACH DELETE p",
    "MATCH (b:Brand) REMOVE b.name",
    "DROP TABLE Brand",
    "match (p:Product) // lower case\nset p.price = 0",
    "CALL CREATE_FTS_INDEX('Brand', 'b2', ['name'])",
    "COPY Brand FROM 'brands.csv'",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_cli_query_refuses_writes_and_leaves_the_graph_unchanged(built: Path, cypher: str) -> None:
    before = shopgraph("stats", "--store", built, "--json").stdout
    titles = shopgraph("query", EVERYTHING[0], "--store", built, "--format", "json").stdout
    result = shopgraph("query", cypher, "--store", built)
    assert result.exit_code == 1
    flat = " ".join(cypher.split())
    assert result.stderr == f"Error: {ReadOnlyError.MESSAGE}\n  query: {flat}\n"
    assert result.stdout == ""
    assert shopgraph("stats", "--store", built, "--json").stdout == before
    assert shopgraph("query", EVERYTHING[0], "--store", built, "--format", "json").stdout == titles


def test_cli_query_write_words_inside_strings_are_only_text(built: Path) -> None:
    result = shopgraph("query", "MATCH (p:Product) WHERE p.title CONTAINS 'CREATE' OR p.title = \"SET\" "
                       "RETURN count(p) AS n", "--store", built, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 0}]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (["-p", "max=20"], [{"id": "case-1", "price": 19.99}, {"id": "charger-1", "price": 15.99}]),
        (["--param", "max=15.99"], [{"id": "charger-1", "price": 15.99}]),
    ],
)
def test_cli_query_number_params(built: Path, params: list[str], expected: list[dict]) -> None:
    result = shopgraph("query", "MATCH (p:Product) WHERE p.price <= $max RETURN p.id AS id, p.price AS price ORDER BY id",
                       *params, "--store", built, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected


def test_cli_query_text_and_list_params(built: Path) -> None:
    text = shopgraph("query", "MATCH (p:Product)-[:HAS_BRAND]->(b:Brand {name: $brand}) RETURN p.id AS id ORDER BY id",
                     "-p", "brand=Hydro Flask", "--store", built, "--format", "json")
    assert json.loads(text.stdout) == [{"id": "bottle-1"}, {"id": "bottle-2"}]
    listed = shopgraph("query", "MATCH (p:Product) WHERE p.id IN $ids RETURN p.id AS id ORDER BY id",
                       "-p", 'ids=["case-1", "phone-1"]', "--store", built, "--format", "json")
    assert json.loads(listed.stdout) == [{"id": "case-1"}, {"id": "phone-1"}]
    quoted = shopgraph("query", "MATCH (p:Product {id: $id}) RETURN p.price AS price",
                       "-p", 'id="coffee-1"', "--store", built, "--format", "json")
    assert json.loads(quoted.stdout) == [{"price": 37.98}]


def test_cli_query_param_without_equals_is_a_usage_error(built: Path) -> None:
    result = shopgraph("query", "RETURN 1", "-p", "max", "--store", built)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for --param: 'max' is not KEY=VALUE"


QUERY = ("MATCH (p:Product)-[:HAS_BRAND]->(b:Brand {key: 'hydro flask'}) "
         "RETURN p.id AS id, p.price AS price, p.bullets AS bullets ORDER BY id")


def test_cli_query_format_json(built: Path) -> None:
    result = shopgraph("query", QUERY, "--store", built, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"id": "bottle-1", "price": 44.95, "bullets": []},
                                         {"id": "bottle-2", "price": 39.95, "bullets": []}]


def test_cli_query_format_csv(built: Path) -> None:
    result = shopgraph("query", QUERY, "--store", built, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["id,price,bullets", "bottle-1,44.95,[]", "bottle-2,39.95,[]"]


def test_cli_query_format_table_is_the_default(built: Path) -> None:
    result = shopgraph("query", QUERY, "--store", built)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "id        price  bullets",
        "--------  -----  -------",
        "bottle-1  44.95  []",
        "bottle-2  39.95  []",
    ]
    assert result.stderr == "(2 rows)\n"


def test_cli_query_no_rows(built: Path) -> None:
    table = shopgraph("query", "MATCH (p:Product {id: 'none'}) RETURN p.id AS id", "--store", built)
    assert (table.exit_code, table.stdout, table.stderr) == (0, "", "(no rows)\n")
    as_json = shopgraph("query", "MATCH (p:Product {id: 'none'}) RETURN p.id AS id", "--store", built, "--format", "json")
    assert json.loads(as_json.stdout) == []


def test_cli_query_engine_error_is_wrapped(built: Path) -> None:
    result = shopgraph("query", "MATCH (p:Nope) RETURN p", "--store", built)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: query failed: Binder exception: Table Nope does not exist.")
    assert result.stderr.endswith("\n  query: MATCH (p:Nope) RETURN p\n")


def test_cli_query_and_stats_without_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.kuzu"
    for args in (["query", "RETURN 1"], ["stats"]):
        result = shopgraph(*args, "--store", missing)
        assert result.exit_code == 1
        assert result.stderr == (f"Error: no graph store at {missing}; build one first with "
                                 f"`shopgraph build CATALOG --store {missing}`\n")
    assert not missing.exists()


# ---------------------------------------------------------------------------- stats


def test_cli_stats_json(built: Path) -> None:
    result = shopgraph("stats", "--store", built, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "nodes": {"Product": 9, "Brand": 6, "Category": 9, "AttributeValue": 15},
        "relationships": {"HAS_BRAND": 8, "IN_CATEGORY": 8, "HAS_VALUE": 20, "SUBCATEGORY_OF": 6,
                          "COMPATIBLE_WITH": 3, "ACCESSORY_FOR": 1, "REPLACEMENT_FOR": 0, "INCLUDES": 0,
                          "SIMILAR_TO": 2, "BOUGHT_TOGETHER": 1},
    }


def test_cli_stats_table(built: Path) -> None:
    result = shopgraph("stats", "--store", built)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["kind", "name", "count"]
    assert lines[2].split() == ["node", "Product", "9"]
    assert lines[-1].split() == ["relationship", "BOUGHT_TOGETHER", "1"]
    assert len(lines) == 2 + 4 + 10


# ---------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "Error: Missing argument 'CATALOGS...'."),
        (["build", "x.jsonl", "--on-error", "ignore"],
         "Error: Invalid value for '--on-error': 'ignore' is not one of 'fail', 'skip'."),
        (["build", "x.jsonl", "--batch-size", "0"], "Error: Invalid value for '--batch-size': 0 is not in the range x>=1."),
        (["build", "x.jsonl", "--csv-map", "sku"], "Error: Invalid value for --csv-map: 'sku' is not KEY=VALUE"),
        (["query"], "Error: Missing argument 'CYPHER'."),
        (["query", "RETURN 1", "--format", "xml"],
         "Error: Invalid value for '--format': 'xml' is not one of 'table', 'json', 'csv'."),
        (["stats", "--jsn"], "Error: No such option '--jsn'. Did you mean '--json'?"),
        (["nonsense"], "Error: No such command 'nonsense'."),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = shopgraph(*args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_cli_help_lists_the_commands() -> None:
    result = shopgraph("--help")
    assert result.exit_code == 0
    for command in ("build", "query", "stats"):
        assert f"  {command} " in result.stdout
    for command in ("build", "query", "stats"):
        sub = shopgraph(command, "--help")
        assert sub.exit_code == 0 and "Example" in sub.stdout


def test_cli_build_rejects_file_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(GOOD + "\n", encoding="utf-8")
    missing = tmp_path / "nope" / "rejects.jsonl"
    result = shopgraph("build", "--no-extract", dump, "--store", tmp_path / "g.kuzu", "--on-error", "skip", "--rejects", missing)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: cannot use '{missing}': No such file or directory; check the path "
                                     "and that its folder exists and is writable")


def test_cli_query_parameter_the_engine_cannot_bind_is_wrapped(built: Path) -> None:
    result = shopgraph("query", "RETURN $x AS x", "--store", built, "--param", 'x=[1, "a"]')
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: query failed: bad parameter: ")
    assert "Traceback" not in result.output
