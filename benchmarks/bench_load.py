"""Graph load benchmark (issue 2): build_graph into the embedded store vs Kùzu's own bulk COPY FROM.

    .venv/bin/python benchmarks/bench_load.py                    # 100 k products, 1 M for the reader
    .venv/bin/python benchmarks/bench_load.py --products 20000 --read-products 0   # a quick run

What it measures, each path in a fresh child process (so peak RSS is that path's own):

1. **build**: `kg.build.build_graph(read_catalog(catalog), EmbeddedStore(fresh))`, no extraction, at
   each ``--batch-size`` (default 1000, the CLI's default, and 10000). Timed from the first read to
   the returned report: reading, turning products into rows, writes, prune, full-text indexes, counts.
2. **bulk**: Kùzu's bulk path for the same graph. *Prep*: read the same catalog with
   `kg.catalog.read_catalog` and turn it into rows with the same `kg.build.BatchWriter` (the only way
   to get the same nodes, keys and provenance; Kùzu cannot COPY nested JSON into this model), stream
   them to one Parquet file per node and relationship table. *COPY*: one `COPY <table> FROM
   '<file>.parquet'` per table, nodes first, into a fresh store. *Indexes*: the same
   `refresh_indexes()` build_graph ends with. The headline ratio is build rate / bulk rate with all
   three counted (both paths start from the JSONL file and end with a searchable graph); the ratio
   against the COPY statements alone is printed too.
3. **read**: `read_catalog` alone over a gzipped JSONL of ``--products`` and of ``--read-products``
   (1 M by default, written to the work directory, never committed): peak RSS should not grow with
   the dump.

Wall times depend on what else the machine runs; CPU seconds (user + system, all threads) are
reported beside them, with the load average. Figures go to benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# ---------------------------------------------------------------------------- measuring


def rss_mb() -> float:
    """Resident set size now (MB)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def usage() -> dict[str, float]:
    """Peak RSS (MB) and CPU seconds of this process so far (all threads).

    Peak RSS is VmHWM, not getrusage's ru_maxrss: on Linux a child's ru_maxrss keeps its parent's
    high-water mark across fork and exec, so a small child would report the parent's size.
    """
    ru = resource.getrusage(resource.RUSAGE_SELF)
    with open("/proc/self/status") as fh:
        hwm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    return {"peak_rss_mb": round(hwm_kb / 1024, 1), "cpu_s": round(ru.ru_utime + ru.ru_stime, 1)}


def fresh(path: Path) -> Path:
    for p in (path, path.with_name(path.name + ".wal")):
        if p.exists():
            p.unlink()
    return path


# ---------------------------------------------------------------------------- child processes


def child_build(catalog: str, store_path: str, batch_size: int) -> dict[str, Any]:
    from shopgraph.kg.build import build_graph
    from shopgraph.kg.catalog import read_catalog
    from shopgraph.kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(fresh(Path(store_path)))
    phases: dict[str, float] = {}
    for name in ("upsert", "prune", "refresh_indexes", "counts"):  # time the store's phases
        method = getattr(store, name)

        def timed(*args: Any, _method: Any = method, _name: str = name, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return _method(*args, **kwargs)
            finally:
                phases[_name] = phases.get(_name, 0.0) + time.perf_counter() - start

        setattr(store, name, timed)
    done = {"n": 0, "next": 10000}
    rss_curve: list[tuple[int, float]] = []

    def progress(n: int) -> None:
        done["n"] += n
        if done["n"] >= done["next"]:
            rss_curve.append((done["n"], round(rss_mb(), 1)))
            done["next"] += 10000

    start = time.perf_counter()
    report = build_graph(read_catalog(catalog), store, batch_size=batch_size, progress=progress)
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": round(seconds, 2), "products": report.written, "rejected": report.rejected,
            "phases": {k: round(v, 2) for k, v in phases.items()}, "rss_curve": rss_curve,
            "counts": report.counts, **usage()}


def child_bulk(catalog: str, store_path: str, workdir: str) -> dict[str, Any]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from shopgraph.kg.build import BatchWriter
    from shopgraph.kg.catalog import Product, read_catalog
    from shopgraph.kg.schema import EMBED_DIM, NODES, PRODUCT, RELS, VECTOR
    from shopgraph.kg.store import cypher_kuzu as q
    from shopgraph.kg.store.embedded import EmbeddedStore, _arrow_type

    def schema_of(props: dict[str, str], edge: bool) -> pa.Schema:
        fields = [pa.field("from", pa.string()), pa.field("to", pa.string())] if edge else []
        fields += [pa.field(p, pa.list_(pa.float32(), EMBED_DIM) if t == VECTOR else _arrow_type(t))
                   for p, t in props.items()]
        return pa.schema(fields)

    def table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
        return pa.table({f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema}, schema=schema)

    out = Path(workdir) / "bulk-parquet"
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    writer = BatchWriter()
    node_schema = {label: schema_of(node.properties, False) for label, node in NODES.items()}
    edge_schema = {name: schema_of(rel.properties, True) for name, rel in RELS.items()}
    files = {name: out / f"{name}.parquet" for name in [*NODES, *RELS]}
    writers: dict[str, pq.ParquetWriter] = {}
    small: dict[str, dict[str, dict[str, Any]]] = {label: {} for label in NODES if label != PRODUCT}

    def write(name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        if name not in writers:
            writers[name] = pq.ParquetWriter(files[name], schema)
        writers[name].write_table(table(rows, schema))

    def flush(products: list[Product]) -> None:
        batch = writer.batch(products)
        for label, rows in batch.nodes.items():
            if label == PRODUCT:  # ids are unique in one dump (read_catalog rejects repeats)
                write(label, [r for r in rows if r.get("title") is not None], node_schema[label])
            else:
                for r in rows:  # brands, categories, values: one row per key, the last wins as with MERGE
                    small[label][r[NODES[label].key]] = r
        for name, rows in batch.edges.items():
            write(name, rows, edge_schema[name])

    pending: list[Product] = []
    for rec in read_catalog(catalog):
        pending.append(rec)  # type: ignore[arg-type]  (errors="raise": only products come out)
        if len(pending) == 1000:
            flush(pending)
            pending.clear()
    flush(pending)
    for label, rows in small.items():
        write(label, list(rows.values()), node_schema[label])
    for w in writers.values():
        w.close()
    prep = time.perf_counter() - start

    store = EmbeddedStore(fresh(Path(store_path)))
    store.ensure_schema()
    copy: dict[str, float] = {}
    for name in [*NODES, *RELS]:  # nodes first: relationship COPY looks their keys up
        if name in writers:
            statement = q.copy_nodes(name, f"'{files[name]}'") if name in NODES else \
                q.copy_edges(name, f"'{files[name]}'")
            t = time.perf_counter()
            store.query(statement)
            copy[name] = round(time.perf_counter() - t, 2)
    t = time.perf_counter()
    store.prune()
    store.refresh_indexes()
    indexes = time.perf_counter() - t
    counts = store.counts()
    store.close()
    return {"prep_s": round(prep, 2), "copy_s": round(sum(copy.values()), 2), "copy_by_table": copy,
            "indexes_s": round(indexes, 2), "seconds": round(prep + sum(copy.values()) + indexes, 2),
            "parquet_mb": round(sum(f.stat().st_size for f in files.values() if f.exists()) / 2**20, 1),
            "counts": counts, **usage()}


def child_read(catalog: str) -> dict[str, Any]:
    from shopgraph.kg.catalog import read_catalog

    start = time.perf_counter()
    n = sum(1 for _ in read_catalog(catalog))
    return {"products": n, "seconds": round(time.perf_counter() - start, 2), **usage()}


# ---------------------------------------------------------------------------- orchestration


def run_child(*args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"child {args[0]} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def synthesize(path: Path, n: int, seed: int) -> Path:
    if path.exists():
        return path
    from shopgraph.kg.synth import synth_catalog

    tmp = path.with_name(path.name + ".part")
    opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", compresslevel=6)) if path.suffix == ".gz" else \
        (lambda p: open(p, "w", encoding="utf-8"))
    with opener(tmp) as fh:
        for rec in synth_catalog(n, seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path


def machine() -> dict[str, Any]:
    import kuzu
    import pyarrow

    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"cpu": model, "cores": os.cpu_count(), "ram_gib": round(mem / 2**20, 1),
            "python": platform.python_version(), "kuzu": kuzu.__version__, "pyarrow": pyarrow.__version__,
            "date": dt.date.today().isoformat(), "load_avg_start": os.getloadavg()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--read-products", type=int, default=1_000_000, help="0 skips the 1 M reader run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch-size", type=int, action="append", help="repeatable; default 1000 and 10000")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-bench-load"))
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--read-only", action="store_true", help="only the read_catalog memory runs")
    args = ap.parse_args()
    batch_sizes = args.batch_size or [1000, 10000]
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": machine(), "products": args.products, "seed": args.seed}
    print(f"machine: {results['machine']}", file=sys.stderr)

    if not args.read_only:
        load(args, results, batch_sizes)
    results["read"] = {}
    for n in sorted({args.products, args.read_products} - {0}):
        print(f"read_catalog over {n:,} gzipped products …", file=sys.stderr)
        path = synthesize(work / f"synth-{n}-s{args.seed}.jsonl.gz", n, args.seed)
        results["read"][n] = run_child("read", str(path))
    results["machine"]["load_avg_end"] = os.getloadavg()
    if not args.read_only:
        report_load(args.products, results)
    for rn, r in results["read"].items():
        print(f"read_catalog {rn:,} gz products: {r['seconds']} s, peak RSS {r['peak_rss_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))


def load(args: argparse.Namespace, results: dict[str, Any], batch_sizes: list[int]) -> None:
    work = args.workdir
    catalog = synthesize(work / f"synth-{args.products}-s{args.seed}.jsonl", args.products, args.seed)
    results["build"] = {}
    for bs in batch_sizes:
        print(f"build, batch size {bs} …", file=sys.stderr)
        results["build"][bs] = run_child("build", str(catalog), str(work / "build.kuzu"), str(bs))
    print("bulk COPY …", file=sys.stderr)
    results["bulk"] = bulk = run_child("bulk", str(catalog), str(work / "bulk.kuzu"), str(work))
    for bs, b in results["build"].items():
        if b["counts"] != bulk["counts"]:
            raise SystemExit(f"build (batch {bs}) and bulk graphs differ:\n{b['counts']}\n{bulk['counts']}")


def report_load(n: int, results: dict[str, Any]) -> None:
    bulk = results["bulk"]
    bulk_rate = n / bulk["seconds"]
    copy_rate = n / bulk["copy_s"]
    print(f"\n{n:,} products, {sum(bulk['counts']['relationships'].values()):,} relationships; "
          f"load average {results['machine']['load_avg_start']} → {results['machine']['load_avg_end']}")
    print("| path | wall s | products/s | CPU s | peak RSS MB | build rate / bulk rate |")
    print("|---|---|---|---|---|---|")
    for bs, b in results["build"].items():
        rate = n / b["seconds"]
        print(f"| build_graph, batch {bs} | {b['seconds']} | {rate:,.0f} | {b['cpu_s']} | {b['peak_rss_mb']} | "
              f"{rate / bulk_rate:.0%} (vs COPY alone {rate / copy_rate:.0%}) |")
    print(f"| bulk: prep + COPY + indexes | {bulk['seconds']} | {bulk_rate:,.0f} | {bulk['cpu_s']} | "
          f"{bulk['peak_rss_mb']} | 100% |")
    print(f"| of which COPY statements | {bulk['copy_s']} | {copy_rate:,.0f} | | | |")
    print(f"\nbulk phases: prep {bulk['prep_s']} s, COPY {bulk['copy_s']} s, indexes {bulk['indexes_s']} s; "
          f"COPY by table {bulk['copy_by_table']}")
    for bs, b in results["build"].items():
        print(f"build batch {bs}: store phases {b['phases']}; RSS by products {b['rss_curve']}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, rest = sys.argv[2], sys.argv[3:]
        if kind == "build":
            result = child_build(rest[0], rest[1], int(rest[2]))
        elif kind == "bulk":
            result = child_bulk(*rest)
        else:
            result = child_read(rest[0])
        print(json.dumps(result, default=str))
    else:
        main()
