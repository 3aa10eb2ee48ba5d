"""Neo4j against the embedded store (issue 12): `shopgraph build` time and QA latency on one catalog.

    eval "$(NEO4J_PORT=7697 NEO4J_STATE=/tmp/neo4j-bench bash kg/store/neo4j_server/server.sh start)"
    NEO4J_STATE=/tmp/neo4j-bench .venv/bin/python benchmarks/bench_neo4j.py --neo4j "$NEO4J_URI"   # 100 k products
    NEO4J_STATE=/tmp/neo4j-bench .venv/bin/python benchmarks/bench_neo4j.py --neo4j "$NEO4J_URI" \\
        --products 2000 --questions 100 --parts build,qa,profile                                   # a quick run
    NEO4J_PORT=7697 NEO4J_STATE=/tmp/neo4j-bench bash kg/store/neo4j_server/server.sh stop

**It empties the Neo4j database at --neo4j** (deletes every relationship and node): point it at a
server of its own, never at the one the test suite uses. Credentials come from NEO4J_USER / NEO4J_PASSWORD, as
for every shopgraph command; NEO4J_STATE (or --neo4j-state) is the server's state folder, where
`server.sh` keeps neo4j.pid, so the server's RSS and CPU seconds can be read from /proc.

What it measures, on one `kg.synth` catalog of --products products (written once to --workdir):

1. **build**: the same command, `python -m shopgraph.kg.cli build CATALOG --no-extract --store S --json`
   (the CLI's default batch size unless --batch-size), as a child process, into a fresh embedded store
   and into the emptied Neo4j database (constraints and indexes stay), then the same command again
   into each (an incremental rebuild: every product's facts are replaced, the graph stays the same).
   Wall seconds, products/s, the child's CPU seconds, and for Neo4j the server's CPU seconds and its
   RSS (VmRSS, and VmHWM: the peak since the server started) after each build.
2. **qa**: `Engine.open(store)` on both stores (read-only, the shipped ranker), 10 warm-up questions
   on each, then the questions of `bench_qa.make_cases` (generated from the catalog records), each
   answered on both engines in turn (alternating which goes first, so drifting load hits both alike)
   and timed with `perf_counter`: p50 / p95 per intent and overall, accuracy, and how many answers
   differ between the stores.
3. with `--parts build,qa,profile`, **profile**: an in-process `build_graph` into the emptied Neo4j
   database, then a rebuild, with every statement of `Neo4jStore._write_batch` timed (by Cypher text:
   which label or relationship) and each batch's upsert timed; the rest of an upsert is commit and
   driver overhead.

For the build figures to be those of a first build, start the server on a new NEO4J_STATE folder:
the first build into a new database is the one that can run its second batch on plans Neo4j made
while the database was empty (benchmarks/RESULTS.md, "Neo4j (issue 12)"). Wall times depend on what
else the machine runs; CPU seconds and load averages are reported beside them. Figures go to
benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_load import machine, synthesize  # noqa: E402
from bench_qa import make_cases, percentile  # noqa: E402

# Benchmark-only: empty the whole database, relationships first, 10,000 a transaction (these need an
# auto-commit run). Nodes first (DETACH DELETE) ran out of the transaction memory pool at 100 k products
# with the default 1 GB heap: 10,000 nodes that include brands and categories carry far more edges.
EMPTY = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)
SERVER_VERSION = "CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version"
CLK_TCK = os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------------- the Neo4j server


class Server:
    """The Neo4j server that `server.sh start` left running: its pid, settings, memory and CPU."""

    def __init__(self, uri: str, state: Path) -> None:
        self.uri = uri
        self.state = state
        pidfile = state / "neo4j.pid"
        if not pidfile.exists():
            raise SystemExit(f"no {pidfile}: start the server with NEO4J_STATE={state} bash "
                             "kg/store/neo4j_server/server.sh start, or pass --neo4j-state")
        self.pid = int(pidfile.read_text().strip())
        cmdline = Path(f"/proc/{self.pid}/cmdline").read_bytes().decode().split("\0")
        if not any("neo4j-server.jar" in a for a in cmdline):
            raise SystemExit(f"pid {self.pid} from {pidfile} is not the Neo4j server")
        self.heap_max = next((a[4:] for a in cmdline if a.startswith("-Xmx")), "?")
        self.heap_initial = next((a[4:] for a in cmdline if a.startswith("-Xms")), "?")
        self.pagecache = cmdline[cmdline.index("--pagecache") + 1] if "--pagecache" in cmdline else "?"
        port = cmdline[cmdline.index("--port") + 1] if "--port" in cmdline else None
        if port is not None and urlsplit(uri).port != int(port):
            raise SystemExit(f"the server of {state} listens on port {port}, not on {uri}'s: check --neo4j-state")

    def driver(self) -> Any:
        import neo4j

        from shopgraph.kg.store.neo4j import credentials

        return neo4j.GraphDatabase.driver(self.uri, auth=credentials())

    def version(self) -> str:
        with self.driver() as driver:
            records, _, _ = driver.execute_query(SERVER_VERSION, database_=os.environ.get("NEO4J_DATABASE"))
        return " ".join(f"{r['name']} {r['version']}" for r in records)

    def empty(self) -> float:
        """Delete every node and relationship (constraints and indexes stay); seconds taken."""
        start = time.perf_counter()
        with self.driver() as driver, driver.session(database=os.environ.get("NEO4J_DATABASE")) as session:
            for statement in EMPTY:  # CALL … IN TRANSACTIONS runs only in an auto-commit transaction
                session.run(statement).consume()
        return round(time.perf_counter() - start, 2)

    def memory(self) -> dict[str, float]:
        """VmRSS now and VmHWM (peak since start) of the server, MB."""
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{self.pid}/status").read_text().splitlines())
        return {"rss_mb": round(int(fields["VmRSS"].split()[0]) / 1024, 1),
                "hwm_mb": round(int(fields["VmHWM"].split()[0]) / 1024, 1)}

    def cpu_s(self) -> float:
        """User + system CPU seconds of the server so far (all threads)."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def disk_mb(self) -> dict[str, float]:
        """The database's store files and its transaction logs (preallocated in 256 MB files), MB."""
        name = os.environ.get("NEO4J_DATABASE") or "neo4j"
        return {part: round(sum(f.stat().st_size for f in (self.state / "data" / folder / name).rglob("*")
                                if f.is_file()) / 2**20, 1)
                for part, folder in (("store", "databases"), ("tx_logs", "transactions"))}


# ---------------------------------------------------------------------------- builds


def children_cpu_s() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def fresh_embedded(path: Path) -> None:
    for suffix in ("", ".wal", ".building", ".building.wal", ".lock"):
        p = path.with_name(path.name + suffix)
        if p.exists():
            p.unlink()


def cli_build(catalog: Path, store: str, batch_size: int | None, server: Server | None) -> dict[str, Any]:
    """`shopgraph build CATALOG --no-extract --store STORE --json` as a child process, timed."""
    cmd = [sys.executable, "-m", "shopgraph.kg.cli", "build", str(catalog), "--no-extract", "--store", store, "--json"]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    load = os.getloadavg()[0]
    cpu, server_cpu = children_cpu_s(), server.cpu_s() if server else 0.0
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-4000:]}")
    summary = json.loads(proc.stdout)
    out: dict[str, Any] = {
        "seconds": round(seconds, 2), "products_per_s": round(summary["products_written"] / seconds, 1),
        "client_cpu_s": round(children_cpu_s() - cpu, 1), "load_avg_1m": load,
        "edges_replaced": summary["edges_replaced"], "graph": summary["graph"],
    }
    if server:
        out["server_cpu_s"] = round(server.cpu_s() - server_cpu, 1)
        out["server"] = server.memory()
    return out


def builds(args: argparse.Namespace, catalog: Path, server: Server) -> dict[str, Any]:
    embedded = args.workdir / "graph.kuzu"
    fresh_embedded(embedded)
    print("embedded: build, then rebuild …", file=sys.stderr)
    res: dict[str, Any] = {"embedded": {"build": cli_build(catalog, str(embedded), args.batch_size, None)}}
    res["embedded"]["rebuild"] = cli_build(catalog, str(embedded), args.batch_size, None)
    res["embedded"]["disk_mb"] = round(embedded.stat().st_size / 2**20, 1)
    print("neo4j: empty, build, then rebuild …", file=sys.stderr)
    res["neo4j"] = {"emptied_s": server.empty(), "memory_before": server.memory()}
    res["neo4j"]["build"] = cli_build(catalog, server.uri, args.batch_size, server)
    res["neo4j"]["rebuild"] = cli_build(catalog, server.uri, args.batch_size, server)
    res["neo4j"]["disk_mb"] = server.disk_mb()
    graphs = {f"{s} {r}": res[s][r]["graph"] for s in ("embedded", "neo4j") for r in ("build", "rebuild")}
    res["same_graph"] = all(g == graphs["embedded build"] for g in graphs.values())
    if not res["same_graph"]:
        print(f"warning: the stores' counts differ: {json.dumps(graphs)}", file=sys.stderr)
    return res


# ---------------------------------------------------------------------------- profile


@contextmanager
def timed_statements(store: Any) -> Iterator[dict[str, Any]]:
    """Time each statement of store._write_batch (by name) and each upsert; the store keeps its own code."""
    from shopgraph.kg.schema import NODES, PRODUCT_FACT_RELS, RELS
    from shopgraph.kg.store import cypher_neo4j as q

    names = {q.merge_nodes(label): f"merge_nodes {label}" for label in NODES}
    names |= {q.merge_placeholders(label): f"merge_placeholders {label}" for label in NODES}
    names |= {q.set_vectors(label): f"set_vectors {label}" for label in q.VECTOR_FIELD}
    names |= {q.delete_product_edges(rel): f"delete_edges {rel}" for rel in PRODUCT_FACT_RELS}
    names |= {q.create_edges(rel): f"create_edges {rel}" for rel in RELS}
    names |= {q.merge_edges(rel): f"merge_edges {rel}" for rel in RELS}
    stats: dict[str, Any] = {"statements": defaultdict(lambda: [0, 0.0, 0]), "batches": []}
    current: dict[str, float] = {}  # this upsert's seconds by statement name

    class Rows:
        def __init__(self, rows: list[dict[str, Any]]) -> None:
            self.rows = rows

        def data(self) -> list[dict[str, Any]]:
            return self.rows

    class TimedTx:
        def __init__(self, tx: Any) -> None:
            self.tx = tx

        def run(self, cypher: str, params: dict[str, Any] | None = None) -> Rows:
            start = time.perf_counter()
            rows = self.tx.run(cypher, params).data()
            took = time.perf_counter() - start
            entry_name = names.get(cypher, cypher[:60])
            entry = stats["statements"][entry_name]
            entry[0] += 1
            entry[1] += took
            entry[2] += len((params or {}).get("rows") or (params or {}).get("ids") or (params or {}).get("keys") or ())
            current[entry_name] = current.get(entry_name, 0.0) + took
            return Rows(rows)

    write_batch, upsert = store._write_batch, store.upsert
    store._write_batch = lambda tx, batch: write_batch(TimedTx(tx), batch)

    def timed_upsert(batch: Any) -> Any:
        current.clear()
        start = time.perf_counter()
        result = upsert(batch)
        took = time.perf_counter() - start
        stats["batches"].append({"upsert_s": round(took, 3), "statements_s": round(sum(current.values()), 3),
                                 "top": {k: round(v, 2) for k, v in sorted(current.items(), key=lambda kv: -kv[1])[:4]}})
        return result

    store.upsert = timed_upsert
    try:
        yield stats
    finally:
        store._write_batch, store.upsert = write_batch, upsert


def profile(catalog: Path, server: Server, batch_size: int | None) -> dict[str, Any]:
    """build_graph into the emptied Neo4j database and again, with every statement timed."""
    from shopgraph.kg.build import build_graph
    from shopgraph.kg.catalog import read_catalog
    from shopgraph.kg.store.neo4j import Neo4jStore

    out: dict[str, Any] = {"emptied_s": server.empty()}
    for run in ("build", "rebuild"):
        print(f"profile: neo4j {run} in process …", file=sys.stderr)
        store = Neo4jStore(server.uri)
        phases: dict[str, float] = {}
        for name in ("prune", "refresh_indexes", "counts"):
            method = getattr(store, name)

            def timed(*a: Any, _m: Any = method, _n: str = name, **kw: Any) -> Any:
                t = time.perf_counter()
                try:
                    return _m(*a, **kw)
                finally:
                    phases[_n] = round(time.perf_counter() - t, 2)

            setattr(store, name, timed)
        try:
            with timed_statements(store) as stats:
                start = time.perf_counter()
                build_graph(read_catalog(catalog), store, batch_size=batch_size or 10_000)
                seconds = time.perf_counter() - start
        finally:
            store.close()
        batches = stats["batches"]
        upserts = sum(b["upsert_s"] for b in batches)
        in_statements = sum(b["statements_s"] for b in batches)
        out[run] = {
            "seconds": round(seconds, 2), "batches": len(batches), "upsert_s": round(upserts, 2),
            "of_which_statements_s": round(in_statements, 2), "of_which_commit_and_driver_s": round(upserts - in_statements, 2),
            "rest_s (read, rows, prune, indexes, counts)": round(seconds - upserts, 2), "phases": phases,
            "per_batch_upsert_s": [b["upsert_s"] for b in batches],
            "per_batch_commit_s": [round(b["upsert_s"] - b["statements_s"], 3) for b in batches],
            "per_batch_top_statements_s": [b["top"] for b in batches],
            "statements": {name: {"calls": n, "seconds": round(s, 2), "rows": rows,
                                  "us_per_row": round(s / rows * 1e6, 1) if rows else None}
                           for name, (n, s, rows) in sorted(stats["statements"].items(), key=lambda kv: -kv[1][1])},
        }
    return out


# ---------------------------------------------------------------------------- question answering


def qa(stores: dict[str, str], cases: list[Any]) -> dict[str, Any]:
    """Every question on every store's Engine, alternating which store answers first."""
    import torch

    from shopgraph.qa.engine import Engine

    torch.set_num_threads(min(2, os.cpu_count() or 1))
    engines: dict[str, Any] = {}
    res: dict[str, Any] = {}
    try:
        for name, where in stores.items():
            start = time.perf_counter()
            engines[name] = Engine.open(where)
            res[name] = {"open_s": round(time.perf_counter() - start, 2)}
            for case in cases[:10]:  # warm-up: caches, first compilations
                engines[name].answer(case.question, product=case.product)
        times: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in stores}
        correct: dict[str, dict[str, int]] = {name: defaultdict(int) for name in stores}
        differ = 0
        order = list(stores)
        load = os.getloadavg()[0]
        for i, case in enumerate(cases):
            texts = set()
            for name in order if i % 2 == 0 else order[::-1]:
                t0 = time.perf_counter()
                answer = engines[name].answer(case.question, product=case.product)
                times[name][case.intent].append((time.perf_counter() - t0) * 1000)
                correct[name][case.intent] += bool(case.check(answer))
                texts.add(answer.answer)
            differ += len(texts) > 1
    finally:
        for engine in engines.values():
            engine.close()
    for name in stores:
        every = [t for ts in times[name].values() for t in ts]
        rows = {}
        for intent in [*sorted(times[name]), "all"]:
            ts = every if intent == "all" else times[name][intent]
            ok = sum(correct[name].values()) if intent == "all" else correct[name][intent]
            rows[intent] = {"questions": len(ts), "p50_ms": round(statistics.median(ts), 1),
                            "p95_ms": round(percentile(ts, 0.95), 1), "accuracy": round(ok / len(ts), 3)}
        res[name]["intents"] = rows
    res["answers_differ"] = differ
    res["questions"] = len(cases)
    res["load_avg_1m_start"] = load
    res["load_avg_1m_end"] = os.getloadavg()[0]
    return res


# ---------------------------------------------------------------------------- report


def report(results: dict[str, Any]) -> None:
    n, m = results["products"], results["machine"]
    print(f"\n{n:,} products; {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB; {m['neo4j_server']}, heap "
          f"{m['neo4j_heap']}, page cache {m['neo4j_pagecache']}; load average {m['load_avg_start']} → {m['load_avg_end']}")
    if "build" in results:
        report_builds(n, results["build"])
    report_qa(results.get("qa"))
    report_profile(results.get("profile"))


def report_builds(n: int, b: dict[str, Any]) -> None:
    print("| store | run | wall s | products/s | client CPU s | server CPU s | server RSS after (peak) MB | load 1m |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for store in ("embedded", "neo4j"):
        for run in ("build", "rebuild"):
            r = b[store][run]
            mem = f"{r['server']['rss_mb']:,.0f} ({r['server']['hwm_mb']:,.0f})" if "server" in r else ""
            print(f"| {store} | {run} | {r['seconds']} | {r['products_per_s']:,.0f} | {r['client_cpu_s']} | "
                  f"{r.get('server_cpu_s', '')} | {mem} | {r['load_avg_1m']:.2f} |")
    for run in ("build", "rebuild"):
        ratio = b["neo4j"][run]["seconds"] / b["embedded"][run]["seconds"]
        print(f"{run}: Neo4j takes {ratio:.2f}× the embedded store's wall time")
    disk = b["neo4j"]["disk_mb"]
    print(f"same counts on both stores: {b['same_graph']}; on disk: embedded {b['embedded']['disk_mb']} MB, "
          f"Neo4j store {disk['store']} MB + transaction logs {disk['tx_logs']} MB")
    goal = b["neo4j"]["build"]["seconds"] < 300
    print(f"goal (Neo4j build of {n:,} products under 5 min): {b['neo4j']['build']['seconds']} s → "
          f"{'met' if goal else 'NOT met'}{'' if n == 100_000 else ' (at this size; the goal is for 100,000)'}")


def report_qa(q: dict[str, Any] | None) -> None:
    if q:
        print(f"\nQA, {q['questions']} questions each (after 10 warm-up), answers that differ between the stores: "
              f"{q['answers_differ']}; engine open: embedded {q['embedded']['open_s']} s, neo4j {q['neo4j']['open_s']} s")
        print("| intent | questions | embedded p50 ms | p95 ms | accuracy | neo4j p50 ms | p95 ms | accuracy | p50 ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for intent, e in q["embedded"]["intents"].items():
            nj = q["neo4j"]["intents"][intent]
            print(f"| {intent} | {e['questions']} | {e['p50_ms']} | {e['p95_ms']} | {e['accuracy']:.1%} | "
                  f"{nj['p50_ms']} | {nj['p95_ms']} | {nj['accuracy']:.1%} | {nj['p50_ms'] / e['p50_ms']:.2f} |")


def report_profile(p: dict[str, Any] | None) -> None:
    if p:
        for run in ("build", "rebuild"):
            r = p[run]
            print(f"\nprofile, neo4j {run} in process: {r['seconds']} s, {r['batches']} batches, upsert {r['upsert_s']} s "
                  f"(statements {r['of_which_statements_s']} s, commit + driver {r['of_which_commit_and_driver_s']} s), "
                  f"rest {r['rest_s (read, rows, prune, indexes, counts)']} s, phases {r['phases']}")
            print(f"  per-batch upsert s: {r['per_batch_upsert_s']}")
            for name, s in list(r["statements"].items())[:8]:
                print(f"  {name}: {s['seconds']} s over {s['calls']} calls, {s['rows']:,} rows ({s['us_per_row']} µs/row)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--neo4j", required=True, metavar="URI",
                    help="bolt:// URI of a Neo4j server of this benchmark's own: its database is emptied")
    ap.add_argument("--neo4j-state", type=Path, default=os.environ.get("NEO4J_STATE"),
                    help="the server's state folder (server.sh's NEO4J_STATE), for its pid; default $NEO4J_STATE")
    ap.add_argument("--products", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--questions", type=int, default=300, help="how many to generate (bench_qa.make_cases; a few fewer come out)")
    ap.add_argument("--batch-size", type=int, default=None, help="default: the CLI's own")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-bench-neo4j"))
    ap.add_argument("--parts", default="build,qa", help="comma-separated, in this order: build, qa, profile "
                    "(qa without build uses the stores a previous run left)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    if args.neo4j_state is None:
        ap.error("set NEO4J_STATE or pass --neo4j-state (the folder server.sh keeps neo4j.pid in)")
    server = Server(args.neo4j, args.neo4j_state)
    args.workdir.mkdir(parents=True, exist_ok=True)

    import neo4j

    m = machine()
    m |= {"neo4j_server": server.version(), "neo4j_driver": neo4j.__version__, "neo4j_heap": f"{server.heap_initial}..{server.heap_max}",
          "neo4j_pagecache": server.pagecache}
    results: dict[str, Any] = {"machine": m, "products": args.products, "seed": args.seed, "batch_size": args.batch_size}
    print(f"machine: {m}", file=sys.stderr)
    catalog = synthesize(args.workdir / f"synth-{args.products}-s{args.seed}.jsonl", args.products, args.seed)
    parts = set(args.parts.split(","))
    if parts - {"build", "qa", "profile"}:
        ap.error(f"unknown --parts {sorted(parts - {'build', 'qa', 'profile'})}")
    try:  # a part that fails leaves the figures of the parts before it
        if "build" in parts:
            results["build"] = builds(args, catalog, server)
        if "qa" in parts:
            print("qa: generating questions, opening engines …", file=sys.stderr)
            cases = make_cases(args.products, args.seed, args.questions)
            results["qa"] = qa({"embedded": str(args.workdir / "graph.kuzu"), "neo4j": server.uri}, cases)
        if "profile" in parts:
            results["profile"] = profile(catalog, server, args.batch_size)
    finally:
        m["load_avg_end"] = os.getloadavg()
        summary = json.dumps(results, indent=2, default=str)
        if args.json:
            args.json.write_text(summary)
        report(results)
        print(summary)


if __name__ == "__main__":
    main()
