"""Product-tab and evidence reads (qa.browse) on the 100k-product QA benchmark graph, median of 5 calls.

    .venv/bin/python benchmarks/bench_browse.py ROOT [STORE]

ROOT is the source tree to import (a checkout or `git worktree` of another commit, for an A/B in one
run); STORE defaults to the graph benchmarks/bench_qa.py builds (/tmp/qa-bench/graph.kuzu).
"""
import statistics
import sys
import time

sys.path.insert(0, sys.argv[1])
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.qa import browse
from shopgraph.qa.engine import Engine

s = EmbeddedStore(sys.argv[2] if len(sys.argv) > 2 else "/tmp/qa-bench/graph.kuzu", read_only=True)
e = Engine(s)
ids = [r["id"] for r in s.query("MATCH (p:Product) WHERE p.title IS NOT NULL RETURN p.id AS id ORDER BY id LIMIT 200")]
ans = e.answer("what is it made of?", product=ids[3])
def t(fn, n=5):
    ts = []
    for i in range(n):
        t0 = time.perf_counter(); fn(i); ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1000
print(sys.argv[1], "product_view %.0f ms, product_cards(6) %.0f ms, evidence(%d facts) %.0f ms" % (
    t(lambda i: browse.product_view(s, ids[10 + i])), t(lambda i: browse.product_cards(s, ids[20 + 6 * i: 26 + 6 * i])),
    len(ans.facts), t(lambda i: browse.evidence(s, ans.facts))))
