"""A build killed with SIGKILL at any point can be run again: the same command finishes and gives the
same graph as a clean build. Real builds, really killed (no simulation)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PRODUCTS = 3000


def shopgraph(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "shopgraph.kg.cli", *map(str, args)]


def dump(store: Path) -> tuple[dict, list, list]:
    """Everything a build decides: counts, products, and each product's facts and relations, sorted here:
    Kùzu 0.11.3's ORDER BY over these four keys returned 39k rows out of order in 3 of 20 runs
    (measured 2026-11-28; CI failed on it), so the order is not the engine's to give."""
    stats = subprocess.run(shopgraph("stats", "--store", store, "--json"), capture_output=True, text=True, check=True)
    products = subprocess.run(shopgraph(
        "query", "MATCH (p:Product) RETURN p.id AS id, p.title AS t, p.price AS pr", "--store", store,
        "--format", "json", "--max-rows", "1000000"), capture_output=True, text=True, check=True)
    edges = subprocess.run(shopgraph(
        "query", "MATCH (p:Product)-[r]->(x) RETURN p.id AS id, label(r) AS rel, x.key AS k, x.id AS xid",
        "--store", store, "--format", "json", "--max-rows", "10000000"), capture_output=True, text=True, check=True)

    def rows(text: str) -> list[tuple[str, ...]]:
        return sorted(tuple(str(v) for v in row.values()) for row in json.loads(text))

    return json.loads(stats.stdout), rows(products.stdout), rows(edges.stdout)


@pytest.fixture(scope="module")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("crash")
    first, second = folder / "v1.jsonl", folder / "v2.jsonl"
    subprocess.run(shopgraph("synth", "--products", PRODUCTS, "--seed", 5, "--output", first), check=True,
                   capture_output=True)
    subprocess.run(shopgraph("synth", "--products", PRODUCTS, "--seed", 6, "--output", second), check=True,
                   capture_output=True)
    clean = folder / "clean.kuzu"
    for catalog in (first, second):
        subprocess.run(shopgraph("build", catalog, "--no-extract", "--store", clean, "--batch-size", 500), check=True,
                       capture_output=True)
    return first, second, clean


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0, 3.5])
def test_build_killed_then_rerun_equals_a_clean_build(catalogs: tuple[Path, Path, Path], tmp_path: Path,
                                                      delay: float) -> None:
    first, second, clean = catalogs
    store = tmp_path / "g.kuzu"
    subprocess.run(shopgraph("build", first, "--no-extract", "--store", store, "--batch-size", 500), check=True,
                   capture_output=True)
    # the incremental build of the second catalog is killed part way, then run again, as a user would
    build = shopgraph("build", second, "--no-extract", "--store", store, "--batch-size", 500)
    proc = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    rerun = subprocess.run(build, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert dump(store) == dump(clean)
    assert not store.with_name(store.name + ".building").exists()
