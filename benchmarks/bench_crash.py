"""Kill real builds at many points and rerun them: each rerun must finish and equal a clean build.

    .venv/bin/python benchmarks/bench_crash.py [--products 5000] [--kills 12]

Two synthetic catalogs (seeds 5 and 6). The clean graph: build the first, then the second, into a fresh
store. For each kill point t (evenly spread over the measured duration of the second build): build the
first catalog into a fresh store, start the second build, SIGKILL it t seconds in, run the same command
again, and compare the graph with the clean one (node and relationship counts, every product, every
product's outgoing edges). Prints one line per kill and a summary; exit status 1 if any rerun failed or
differed. Half the kills hit a fresh store's first build instead (the store did not exist before).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHOPGRAPH = [sys.executable, "-m", "shopgraph.kg.cli"]


def run(*args: object, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SHOPGRAPH, *map(str, args)], capture_output=True, text=True, check=check)


def dump(store: Path) -> tuple[str, str, str]:
    stats = run("stats", "--store", store, "--json").stdout
    products = run("query", "MATCH (p:Product) RETURN p.id AS id, p.title AS t, p.price AS pr ORDER BY id",
                   "--store", store, "--format", "json", "--max-rows", 10**7).stdout
    edges = run("query", "MATCH (p:Product)-[r]->(x) RETURN p.id AS id, label(r) AS rel, x.key AS k, x.id AS xid "
                "ORDER BY id, rel, k, xid", "--store", store, "--format", "json", "--max-rows", 10**8).stdout
    return stats, products, edges


def build(catalog: Path, store: Path, batch: int) -> list[str]:
    return [*SHOPGRAPH, "build", str(catalog), "--no-extract", "--store", str(store), "--batch-size", str(batch)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=5000)
    ap.add_argument("--kills", type=int, default=12)
    ap.add_argument("--batch-size", type=int, default=1000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="shopgraph-crash-"))
    try:
        first, second = work / "v1.jsonl", work / "v2.jsonl"
        run("synth", "--products", args.products, "--seed", 5, "--output", first)
        run("synth", "--products", args.products, "--seed", 6, "--output", second)
        clean = work / "clean.kuzu"
        subprocess.run(build(first, clean, args.batch_size), check=True, capture_output=True)
        started = time.perf_counter()
        subprocess.run(build(second, clean, args.batch_size), check=True, capture_output=True)
        duration = time.perf_counter() - started
        expected = dump(clean)
        fresh_clean = work / "fresh-clean.kuzu"
        subprocess.run(build(first, fresh_clean, args.batch_size), check=True, capture_output=True)
        expected_fresh = dump(fresh_clean)
        print(f"clean incremental build: {duration:.1f} s; machine {platform.machine()}, {os.cpu_count()} cores, "
              f"python {platform.python_version()}", flush=True)
        failures = 0
        for i in range(args.kills):
            fresh = i % 2 == 1
            delay = duration * (i // 2 + 1) / (args.kills // 2 + 1)
            store = work / f"k{i}.kuzu"
            if not fresh:
                subprocess.run(build(first, store, args.batch_size), check=True, capture_output=True)
            command = build(first if fresh else second, store, args.batch_size)
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            killed = proc.poll() is None
            if killed:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            rerun = subprocess.run(command, capture_output=True, text=True)
            same = rerun.returncode == 0 and dump(store) == (expected_fresh if fresh else expected)
            failures += not same
            print(json.dumps({"kill": i + 1, "store": "new" if fresh else "rebuilt", "at_s": round(delay, 2),
                              "killed": killed, "rerun_exit": rerun.returncode, "equal_to_clean": same,
                              "error": rerun.stderr.strip().splitlines()[-1] if rerun.returncode else ""}), flush=True)
            shutil.rmtree(store, ignore_errors=True) if store.is_dir() else store.unlink(missing_ok=True)
        print(f"{args.kills - failures} of {args.kills} reruns completed and equal a clean build")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
