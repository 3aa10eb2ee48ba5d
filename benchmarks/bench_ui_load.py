"""Load on the app: N concurrent gradio_client askers for S seconds against `shopgraph serve`.

Each asker is its own Gradio session (so its own conversation, with follow-ups keeping the product
in focus) and asks the Shop tab's `/ask` endpoint questions across intents, one after another, for
the whole run. Reports requests, errors, throughput and end-to-end latency (p50/p95/p99/max), with
machine details, as a Markdown block for benchmarks/RESULTS.md (and JSON with --json).

    .venv/bin/python benchmarks/bench_ui_load.py                      # demo graph, 20 askers, 60 s
    .venv/bin/python benchmarks/bench_ui_load.py --store demo/graph.kuzu --users 20 --seconds 60

Without --store (and no demo/graph.kuzu) it builds data/demo/catalog.jsonl into a temporary store.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from shopgraph.ui.background import QUIET_ENV, served

ROOT = Path(__file__).resolve().parents[1]
DEMO_CATALOG = ROOT / "data" / "demo" / "catalog.jsonl"
DEMO_STORE = ROOT / "demo" / "graph.kuzu"
QUESTIONS = [  # across intents on the demo catalog; follow-ups lean on the session's product in focus
    "what colour is the JBL Live 660NC?",
    "does it have a warranty?",
    "cheapest laptop",
    "how much does it weigh?",
    "what fits the Samsung Galaxy S24?",
    "how many brands of headphones are there?",
    "noise cancelling headphones under $200",
    "which is lighter, the Dell XPS 15 or the MacBook Air?",
    "average price of coffee makers",
    "black leather boots under $100",
    "what is it made of?",
    "who won the world cup?",
]


def ensure_store(store: str | None, workdir: Path) -> str:
    if store:
        return store
    if DEMO_STORE.exists():
        return str(DEMO_STORE)
    path = workdir / "graph.kuzu"
    print(f"building {DEMO_CATALOG} into {path}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", "build", str(DEMO_CATALOG), "--store", str(path)],
                   check=True, env={**os.environ, **QUIET_ENV}, stdout=subprocess.DEVNULL)
    return str(path)


def asker(url: str, user: int, clock: list[float], start: threading.Barrier, latencies: list[float],
          errors: Counter[str], lock: threading.Lock) -> None:
    """One session: connect, wait for the others, then ask back to back until the clock runs out."""
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as exc:
        with lock:
            errors[f"connect: {type(exc).__name__}"] += 1
        start.abort()
        return
    try:
        start.wait()
    except threading.BrokenBarrierError:
        return
    i = user  # askers start at different questions
    while time.monotonic() < clock[1]:
        question = QUESTIONS[i % len(QUESTIONS)]
        i += 1
        t0 = time.perf_counter()
        try:
            result = client.predict(question, [], api_name="/ask")
            history = result[1]
            reply = history[1]["content"] if len(history) > 1 else ""
            ok = bool(reply) and not str(reply).startswith("Error:")
            kind = "" if ok else "empty or error answer"
        except Exception as exc:
            kind = type(exc).__name__
        elapsed = time.perf_counter() - t0
        with lock:
            if kind:
                errors[kind] += 1
            else:
                latencies.append(elapsed)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def machine() -> dict[str, str]:
    import gradio
    import kuzu

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": mem, "python": platform.python_version(),
            "gradio": gradio.__version__, "kuzu": kuzu.__version__, "os": platform.platform()}


def phase(url: str, users: int, seconds: float) -> dict[str, object]:
    """``users`` askers for ``seconds``; the clock starts once every one has connected."""
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    clock: list[float] = [0.0, 0.0]  # [start, stop]

    def start_clock() -> None:
        clock[0] = time.monotonic()
        clock[1] = clock[0] + seconds

    barrier = threading.Barrier(users, action=start_clock)
    threads = [threading.Thread(target=asker, args=(url, user, clock, barrier, latencies, errors, lock))
               for user in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - clock[0] if clock[0] else 0.0
    ms = [1000 * x for x in latencies]
    return {
        "users": users, "wall_s": round(wall, 1), "requests": len(ms) + sum(errors.values()),
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "throughput_per_s": round(len(ms) / wall, 2) if wall else 0.0,
        **{f"p{q}_ms": round(percentile(ms, q), 1) if ms else None for q in (50, 95, 99)},
        "max_ms": round(max(ms), 1) if ms else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", default=None, help="graph store (default: demo/graph.kuzu, else a fresh demo build)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--baseline-seconds", type=float, default=15.0,
                        help="first, one asker alone for this long (0: skip): the cost of a request without queueing")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="shopgraph-load-") as tmp:
        store = ensure_store(args.store, Path(tmp))
        load_before = os.getloadavg()[0]
        with served(store) as url:
            phases = [phase(url, 1, args.baseline_seconds)] if args.baseline_seconds > 0 else []
            phases.append(phase(url, args.users, args.seconds))
        load_after = os.getloadavg()[0]

    figures = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"), "store": store, "phases": phases,
        "machine": machine(), "load_avg_1m": [round(load_before, 1), round(load_after, 1)],
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    m = figures["machine"]
    print(f"""
Run {figures['date']}: `python benchmarks/bench_ui_load.py --users {args.users} --seconds {args.seconds:g}`
over {store} ({m['cpu']}, {m['cores']} cores, {m['memory']}, Python {m['python']}, gradio {m['gradio']},
kuzu {m['kuzu']}; 1-minute load average {figures['load_avg_1m'][0]} before, {figures['load_avg_1m'][1]} after).
Each asker is one gradio_client session calling the Shop tab's `/ask` ({len(QUESTIONS)} questions across intents,
follow-ups included) back to back; the server is `shopgraph serve` (queue: 4 workers).

| askers | duration | requests | errors | throughput | p50 | p95 | p99 | max |
|---|---|---|---|---|---|---|---|---|""".strip())
    for ph in phases:
        print(f"| {ph['users']} | {ph['wall_s']} s | {ph['requests']} | {ph['errors']} | {ph['throughput_per_s']} /s "
              f"| {ph['p50_ms']} ms | {ph['p95_ms']} ms | {ph['p99_ms']} ms | {ph['max_ms']} ms |")
        if ph["error_kinds"]:
            print("errors by kind: " + ", ".join(f"{k} {v}" for k, v in ph["error_kinds"].items()))


if __name__ == "__main__":
    main()
