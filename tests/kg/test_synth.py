"""The synthetic catalog generator and the demo catalog written with it."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import Product, product_from_mapping, read_catalog
from shopgraph.kg.cli import cli
from shopgraph.kg.normalize import attribute_key, normalize_value
from shopgraph.kg.schema import ProductRelation
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.kg.synth import (
    MISSING_BRAND,
    MISSING_DESCRIPTION,
    MISSING_PRICE,
    TEXT_ONLY_RATE,
    synth_catalog,
    synth_products,
)

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo" / "catalog.jsonl"
DEMO_PRODUCTS, DEMO_SEED = 400, 7  # as documented in data/README.md


@pytest.fixture(scope="module")
def sample() -> list[tuple[dict, list]]:
    return list(synth_products(2000, seed=11))


def _leaf(record: dict) -> str | None:
    category = record.get("category")
    if not category:
        return None
    return category.split(" > ")[-1] if isinstance(category, str) else category[-1]


def test_synth_same_seed_same_catalog() -> None:
    assert list(synth_catalog(300, seed=5)) == list(synth_catalog(300, seed=5))
    assert list(synth_catalog(300, seed=5)) != list(synth_catalog(300, seed=6))


def test_synth_prefix_stable() -> None:
    assert list(synth_catalog(40, seed=3)) == list(synth_catalog(200, seed=3))[:40]


def test_synth_independent_of_hash_seed() -> None:
    """Same output under different PYTHONHASHSEED (no set-ordering leaks into the records)."""
    code = "import json, sys; from shopgraph.kg.synth import synth_catalog; print(json.dumps(list(synth_catalog(500, 9))))"
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": hs, "PATH": "/usr/bin:/bin"}).stdout
        for hs in ("1", "2")
    }
    assert len(outputs) == 1


def test_synth_covers_at_least_six_categories(sample: list[tuple[dict, list]]) -> None:
    leaves = Counter(_leaf(r) for r, _ in sample if _leaf(r))
    tops = {(r["category"] if isinstance(r["category"], str) else " > ".join(r["category"])).split(" > ")[0]
            for r, _ in sample if r.get("category")}
    assert len(leaves) >= 6
    assert len(tops) >= 4
    assert {"Smartphones", "Cases", "Laptops", "Running Shoes", "Boots", "Headphones", "Coffee Makers",
            "Replacement Filters"} <= set(leaves)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_synth_records_are_valid_products(seed: int) -> None:
    ids = set()
    for line, record in enumerate(synth_catalog(500, seed), start=1):
        product = product_from_mapping(record, "synth.jsonl", line)
        assert isinstance(product, Product), product
        assert product.id not in ids
        ids.add(product.id)


def test_synth_relations_point_at_existing_ids(sample: list[tuple[dict, list]]) -> None:
    seen: set[str] = set()
    types: Counter[ProductRelation] = Counter()
    for record, _ in sample:
        for rel in record.get("related", []):
            assert rel["id"] in seen, (record["id"], rel)
            assert rel["id"] != record["id"]
            types[ProductRelation.parse(rel["type"])] += 1
        seen.add(record["id"])
    assert set(types) == set(ProductRelation)


def test_synth_facts_are_stated_in_the_text(sample: list[tuple[dict, list]]) -> None:
    for line, (record, facts) in enumerate(sample, start=1):
        product = product_from_mapping(record, "synth.jsonl", line)
        assert isinstance(product, Product)
        fields = product.text_fields()
        for fact in facts:
            assert fields[fact.field][fact.start:fact.end] == fact.surface, (record["id"], fact)
            assert normalize_value(fact.value).text == normalize_value(fact.surface).text, fact


def test_synth_text_only_values_are_absent_from_attributes(sample: list[tuple[dict, list]]) -> None:
    total = text_only = 0
    for record, facts in sample:
        attrs = {attribute_key(k): v if isinstance(v, list) else [v] for k, v in record.get("attributes", {}).items()}
        listed = {(attribute_key(f.attribute), f.value) for f in facts if f.in_attributes}
        assert {(k, v) for k, vs in attrs.items() for v in vs} == {x for x in listed if x[0] != "brand"}
        for fact in facts:
            if fact.attribute == "Brand":
                assert fact.in_attributes == ("brand" in record)
                continue
            total += 1
            if not fact.in_attributes:
                text_only += 1
                assert (attribute_key(fact.attribute), fact.value) not in listed
    assert abs(text_only / total - TEXT_ONLY_RATE) < 0.02


def test_synth_missing_fields_at_documented_rates(sample: list[tuple[dict, list]]) -> None:
    n = len(sample)
    for key, rate in (("brand", MISSING_BRAND), ("price", MISSING_PRICE), ("description", MISSING_DESCRIPTION)):
        missing = sum(1 for r, _ in sample if not r.get(key)) / n
        assert rate / 2 < missing < rate * 2, (key, missing)
    assert all(("price" in r) == ("currency" in r) for r, _ in sample)
    assert all(r.get("bullets") or r.get("description") for r, _ in sample)


def test_synth_demo_catalog_is_the_generator_output() -> None:
    expected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in synth_catalog(DEMO_PRODUCTS, DEMO_SEED))
    assert DEMO.read_text(encoding="utf-8") == expected, (
        "data/demo/catalog.jsonl drifted from kg/synth.py; regenerate it with "
        f"`shopgraph synth --products {DEMO_PRODUCTS} --seed {DEMO_SEED} --output data/demo/catalog.jsonl`")


def test_synth_demo_catalog_builds_without_rejects(embedded_store: EmbeddedStore) -> None:
    report = build_graph(read_catalog(DEMO, errors="yield"), embedded_store)
    assert (report.read, report.written, report.rejected) == (DEMO_PRODUCTS, DEMO_PRODUCTS, 0)
    rels = report.counts["relationships"]
    assert all(rels[r.value] > 0 for r in ProductRelation)
    leaves = embedded_store.query("MATCH (c:Category) WHERE NOT EXISTS { MATCH (:Category)-[:SUBCATEGORY_OF]->(c) } "
                                  "RETURN count(c) AS n")
    assert leaves[0]["n"] >= 6


def test_synth_cli_writes_the_generator_output(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["synth", "--products", "25", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == list(synth_catalog(25, 4))

    out = tmp_path / "synth.jsonl.gz"
    result = runner.invoke(cli, ["synth", "-n", "30", "--seed", "4", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote 30 products to {out}" in result.stderr
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == 30
    assert sum(isinstance(p, Product) for p in read_catalog(out)) == 30


def test_synth_cli_refuses_a_negative_count() -> None:
    result = CliRunner().invoke(cli, ["synth", "--products", "-1"])
    assert result.exit_code == 2
    assert "-1 is not in the range x>=0" in result.stderr
