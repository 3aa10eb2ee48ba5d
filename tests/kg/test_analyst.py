"""kg.store.analyst: analyst Cypher checked, bounded (rows, time) and run in a child process, on a real graph."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import read_catalog
from shopgraph.kg.cli import cli
from shopgraph.kg.errors import QueryError, ReadOnlyError
from shopgraph.kg.store import open_store
from shopgraph.kg.store.analyst import csv_cell, run_analyst

ROWS = [
    {"id": "p1", "title": '=HYPERLINK("http://evil.example","click")', "brand": "@SUM(A1:A9)", "price": 5},
    {"id": "p2", "title": "+cmd|' /C calc'!A0", "brand": "Plain", "price": 7},
    {"id": "p3", "title": "-2+3", "brand": "Acme", "price": 9},
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analyst")
    catalog = folder / "c.jsonl"
    catalog.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    store = open_store(folder / "g.kuzu")
    try:
        build_graph(read_catalog(catalog), store)
    finally:
        store.close()
    return folder / "g.kuzu"


def test_run_analyst_caps_rows_and_says_so(graph: Path) -> None:
    result = run_analyst(str(graph), "UNWIND range(1, 5000) AS i RETURN i", max_rows=10)
    assert [r["i"] for r in result.rows] == list(range(1, 11)) and result.truncated
    whole = run_analyst(str(graph), "MATCH (p:Product) RETURN p.id AS id ORDER BY id", max_rows=10)
    assert [r["id"] for r in whole.rows] == ["p1", "p2", "p3"] and not whole.truncated


def test_run_analyst_stops_a_query_past_its_time_limit(graph: Path) -> None:
    with pytest.raises(QueryError, match="stopped after 1 s, the time limit"):
        run_analyst(str(graph), "UNWIND range(1, 300000000) AS i WITH i WHERE i % 7 = 3 RETURN count(*)", timeout_s=1)


def test_run_analyst_refuses_files_before_anything_runs(graph: Path) -> None:
    with pytest.raises(QueryError, match=r"refused: analyst queries only read the graph \(LOAD"):
        run_analyst(str(graph), "UNWIND [1] AS x WITH x LIMIT 1LOAD FROM '/etc/passwd' (a STRING) RETURN *")
    with pytest.raises(ReadOnlyError):
        run_analyst(str(graph), "MATCH (p:Product) DETACH DELETE p")
    assert len(run_analyst(str(graph), "MATCH (p:Product) RETURN p.id").rows) == 3


def test_run_analyst_engine_errors_do_not_leak_a_traceback(graph: Path) -> None:
    with pytest.raises(QueryError) as info:
        run_analyst(str(graph), "MATCH (p:NoSuchLabel) RETURN p")
    assert "Traceback" not in str(info.value) and "NoSuchLabel" in str(info.value)


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("\tx", "'\tx"),
    ("plain", "plain"), (-2, "-2"), (3.5, "3.5"), (None, ""),
])
def test_csv_cell_escapes_formulas_not_numbers(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_cli_query_csv_escapes_catalog_formulas(graph: Path) -> None:
    result = CliRunner().invoke(cli, ["query", "MATCH (p:Product) RETURN p.id AS id, p.title AS title, p.price AS price "
                                      "ORDER BY id", "--store", str(graph), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1] == ["p1", '\'=HYPERLINK("http://evil.example","click")', "5.0"]
    assert rows[2][1].startswith("'+") and rows[3][1] == "'-2+3"


def test_cli_query_max_rows(graph: Path) -> None:
    result = CliRunner().invoke(cli, ["query", "UNWIND range(1, 100) AS i RETURN i", "--store", str(graph),
                                      "--max-rows", "5", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["i"] for r in json.loads(result.stdout)] == [1, 2, 3, 4, 5]
    assert "(only the first 5 rows: the query has more; raise --max-rows or add LIMIT)" in result.stderr
