"""Every command over Bolt: the same catalog built into Neo4j and into the embedded store gives the same
graph, the same query rows, the same export and the same answers.

Real commands in subprocesses, as a user runs them, against the Neo4j server at NEO4J_URI (`make neo4j`
starts one; CI starts it in .ci/run). The Neo4j database is emptied before each build: give the tests a
database of their own (README, "Stores").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from shopgraph.kg.store.neo4j import Neo4jStore
from shopgraph.qa.expectations import check

NEO4J = os.environ.get("NEO4J_URI", "")
pytestmark = [pytest.mark.neo4j, pytest.mark.skipif(
    not NEO4J, reason="NEO4J_URI is not set: no Neo4j server on this machine; `make neo4j` starts one")]

ROOT = Path(__file__).parents[2]
DEMO = ROOT / "data" / "demo" / "catalog.jsonl"
DATA = ROOT / "tests" / "data"
QUESTIONS = ROOT / "data" / "eval" / "demo-questions.jsonl"

# analyst queries over the demo graph: portable Cypher, rows compared as sorted lists
QUERIES = [
    "MATCH (p:Product) RETURN p.id AS id, p.title AS title, p.price AS price, p.currency AS currency",
    "MATCH (p:Product)-[r:HAS_VALUE]->(v:AttributeValue) RETURN p.id AS id, r.attribute AS attribute, v.key AS value, "
    "r.source AS source, r.field AS field, r.start_char AS s, r.end_char AS e",
    "MATCH (p:Product)-[r:HAS_BRAND]->(b:Brand) RETURN p.id AS id, b.name AS brand, r.source AS source",
    "MATCH (p:Product)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..5]->(top:Category {depth: 0}) "
    "RETURN top.name AS department, count(DISTINCT p) AS products",
    "MATCH (a:Product)-[r:COMPATIBLE_WITH|ACCESSORY_FOR|REPLACEMENT_FOR|INCLUDES]->(b:Product) "
    "RETURN a.id AS a, b.id AS b, r.source AS source",
    "MATCH (p:Product) WHERE p.price < $max RETURN p.id AS id",
]


def shopgraph(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", *map(str, args)], capture_output=True,
                            text=True, timeout=900)
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def empty_neo4j() -> None:
    with Neo4jStore(NEO4J) as store:
        store.query("MATCH (n) DETACH DELETE n")


def rows(store: str | Path, cypher: str, *params: str) -> list[tuple[str, ...]]:
    out = shopgraph("query", cypher, *params, "--store", store, "--format", "json", "--max-rows", "1000000").stdout
    return sorted(tuple(json.dumps(v, sort_keys=True) for v in row.values()) for row in json.loads(out))


def stats(store: str | Path) -> dict:
    return json.loads(shopgraph("stats", "--store", store, "--json").stdout)


def build(catalog: Path, store: str | Path, *extra: str) -> dict:
    return json.loads(shopgraph("build", catalog, "--store", store, "--json", *extra).stdout)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict, dict]]:
    """The demo catalog built with the shipped models (make demo's build) into Kùzu and into Neo4j."""
    kuzu = tmp_path_factory.mktemp("parity") / "demo.kuzu"
    empty_neo4j()
    yield kuzu, build(DEMO, kuzu), build(DEMO, NEO4J)


def test_build_reports_the_same_counts(demo: tuple[Path, dict, dict]) -> None:
    _, on_kuzu, on_neo4j = demo
    assert on_kuzu["extracted_values"] > 200  # the models ran
    assert on_neo4j == on_kuzu


def test_stats_are_the_same(demo: tuple[Path, dict, dict]) -> None:
    kuzu, _, _ = demo
    assert stats(NEO4J) == stats(kuzu)


@pytest.mark.parametrize("cypher", QUERIES)
def test_query_gives_the_same_rows(demo: tuple[Path, dict, dict], cypher: str) -> None:
    kuzu, _, _ = demo
    params = ["-p", "max=50"] if "$max" in cypher else []
    found = rows(NEO4J, cypher, *params)
    assert found and found == rows(kuzu, cypher, *params)


def test_query_writes_are_refused_by_the_server_too(demo: tuple[Path, dict, dict]) -> None:
    """The guard refuses writes before they are sent; a read transaction refuses what might pass it."""
    refused = shopgraph("query", "MATCH (p:Product) DETACH DELETE p", "--store", NEO4J, check=False)
    assert refused.returncode == 1 and "read-only" in refused.stderr
    with Neo4jStore(NEO4J, read_only=True) as store:
        from shopgraph.kg.errors import ReadOnlyError

        with pytest.raises(ReadOnlyError):  # past the guard (store.read skips nothing): the server says no
            store._rows("CREATE (:Product {id: 'sneaked-in'})")
    assert stats(NEO4J)["nodes"]["Product"] == demo[2]["graph"]["nodes"]["Product"]


def test_ask_batch_answers_as_well_as_the_embedded_store(demo: tuple[Path, dict, dict], tmp_path: Path) -> None:
    """The 371 demo questions (follow-ups included) through `ask --batch` on both stores. Answers are not all
    word for word the same: full-text scores differ between Lucene and Kùzu's index, so a different listing
    or "closest fact" can come first (50 of 371 differed, 2026-11-28; benchmarks/RESULTS.md); what must
    hold is that Neo4j answers about as many of them right: at most 1 % of the turns fewer (with 651 turns,
    2026-12-02: 547 against 548, one near-tied listing read differently)."""
    kuzu, _, _ = demo
    turns = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines()]
    correct = {}
    for name, store in (("kuzu", kuzu), ("neo4j", NEO4J)):
        out = tmp_path / f"{name}.jsonl"
        shopgraph("ask", "--batch", QUESTIONS, "--store", store, "--output", out)
        answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [a["question"] for a in answers] == [t["question"] for t in turns]
        correct[name] = sum(not check(t["expect"], a) for t, a in zip(turns, answers))
    assert correct["neo4j"] >= correct["kuzu"] - len(turns) // 100 and correct["kuzu"] > len(turns) // 2, correct


def test_ask_one_question(demo: tuple[Path, dict, dict]) -> None:
    kuzu, _, _ = demo
    question = ["ask", "show me laptops with 32 GB of RAM", "--json"]
    on_neo4j = json.loads(shopgraph(*question, "--store", NEO4J).stdout)
    on_kuzu = json.loads(shopgraph(*question, "--store", kuzu).stdout)
    assert "LAP-0000295" in [p["id"] for p in on_neo4j["products"]]
    assert on_neo4j["answer"] == on_kuzu["answer"]


def test_export_is_the_same_and_builds_the_same_graph(demo: tuple[Path, dict, dict], tmp_path: Path) -> None:
    kuzu, _, _ = demo
    shopgraph("export", tmp_path / "kuzu.nt", "--store", kuzu)
    shopgraph("export", tmp_path / "neo4j.nt", "--store", NEO4J)
    lines = {name: sorted((tmp_path / f"{name}.nt").read_text(encoding="utf-8").splitlines()) for name in ("kuzu", "neo4j")}
    assert lines["neo4j"] and lines["neo4j"] == lines["kuzu"]
    # re-import: the Neo4j export built into both backends
    again = tmp_path / "again.kuzu"
    empty_neo4j()
    assert build(tmp_path / "neo4j.nt", NEO4J, "--no-extract") == build(tmp_path / "neo4j.nt", again, "--no-extract")
    assert stats(NEO4J) == stats(again)


def test_incremental_and_skipped_rows_are_the_same(tmp_path: Path) -> None:
    kuzu = tmp_path / "inc.kuzu"
    empty_neo4j()
    for catalog in ("catalog_v1.jsonl", "catalog_v2.jsonl"):
        assert build(DATA / catalog, NEO4J, "--no-extract") == build(DATA / catalog, kuzu, "--no-extract")
    rejects = {name: tmp_path / f"{name}-rejects.jsonl" for name in ("kuzu", "neo4j")}
    skip = ("--no-extract", "--on-error", "skip")
    assert (build(DATA / "catalog_bad.jsonl", NEO4J, *skip, "--rejects", str(rejects["neo4j"]))
            == build(DATA / "catalog_bad.jsonl", kuzu, *skip, "--rejects", str(rejects["kuzu"])))
    assert rejects["neo4j"].read_text() == rejects["kuzu"].read_text() != ""
    for cypher in QUERIES[:3]:
        assert rows(NEO4J, cypher) == rows(kuzu, cypher)
