"""Real shopper questions about one given product, through the whole engine (`shopgraph ask --batch`).

    .venv/bin/python benchmarks/bench_semipqa.py [--part held_out] [--workdir /tmp/shopgraph-semipqa]

semiPQA (../shared/datasets/pqa/semipqa.dev.tsv) gives each question its product's attributes. This
script turns every product (candidate set) into a catalog record (`attributes` = the candidates), builds
the records into a fresh graph with `shopgraph build`, writes the chosen part's questions as
`{"question", "product"}` lines and answers them with `shopgraph ask --batch` (the shipped models, no
flags). The part comes from the same seeded split by product that `shopgraph train qa` uses, so the
held-out questions' products were never seen in training.

A question counts as correct when the answer's first fact is a label-1 candidate (same attribute name
and value). Only answerable questions count: those with a label-1 candidate that has a value (semiPQA
lists some attributes with an empty value; they write no fact). "I don't know" is counted among them.
Prints and writes <workdir>/summary.json.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "pqa" / "semipqa.dev.tsv"
SHOPGRAPH = [sys.executable, "-m", "shopgraph.kg.cli"]


def norm(text: str) -> str:
    return " ".join(re.sub(r"[_\W]+", " ", str(text).lower()).split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-semipqa"))
    ap.add_argument("--part", default="held_out", choices=["held_out", "dev", "train"])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    if not args.data.exists():
        print(f"{args.data} is absent (see ../shared/datasets/README.md)", file=sys.stderr)
        return 2
    from shopgraph.qa.rank import SHIPPED, Split, load_pqa, split_fact, split_pqa

    meta = json.loads((SHIPPED / "meta.json").read_text())
    cfg = meta["config"]
    split = Split(seed=cfg.get("split_seed", 13), dev=cfg.get("dev_part", 0.1), held_out=cfg.get("held_out_part", 0.2))
    questions = split_pqa(load_pqa(args.data), split)[args.part]
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    catalog, asks = work / "catalog.jsonl", work / "questions.jsonl"
    products: dict[str, dict] = {}
    for q in questions:
        if q.product in products:
            continue
        attrs: dict[str, list[str]] = {}
        for text in q.candidates:
            name, value = split_fact(text)
            if name and value:
                attrs.setdefault(name, []).append(value)
        products[q.product] = {"id": f"pqa-{q.product}", "title": f"Product {q.product}", "attributes": attrs}
    catalog.write_text("".join(json.dumps(p) + "\n" for p in products.values()), encoding="utf-8")
    asks.write_text("".join(json.dumps({"question": q.question, "product": f"pqa-{q.product}"}) + "\n"
                            for q in questions), encoding="utf-8")
    store = work / "graph.kuzu"
    subprocess.run(["rm", "-rf", str(store)], check=True)
    subprocess.run(SHOPGRAPH + ["build", str(catalog), "--store", str(store), "--no-extract"], check=True,
                   stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    out = work / "answers.jsonl"
    subprocess.run(SHOPGRAPH + ["ask", "--batch", str(asks), "--store", str(store), "--output", str(out)], check=True)
    seconds = time.perf_counter() - started
    answers = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    correct = dont_know = answerable = 0
    misses = []
    for q, a in zip(questions, answers):
        # answerable: a label-1 candidate with a value (an empty one writes no fact to the graph)
        gold = {(norm(n), norm(v)) for t, label in zip(q.candidates, q.labels) if label
                for n, v in [split_fact(t)] if norm(v)}
        if not gold:
            continue
        answerable += 1
        first = a["facts"][0] if a["facts"] else None
        said = (norm(first["attribute"]), norm(first["value"])) if first else None
        unknown = a["intent"] == "unanswerable" or "don't know" in a["answer"].lower()
        dont_know += unknown
        ok = said in gold and not unknown
        correct += ok
        if not ok and len(misses) < 40:
            misses.append({"question": q.question, "answer": a["answer"], "first": said, "gold": sorted(gold)[:2]})
    summary = {"part": args.part, "questions": len(questions), "answerable": answerable,
               "p_at_1": round(correct / answerable, 4), "dont_know_rate": round(dont_know / answerable, 4),
               "seconds": round(seconds, 1), "ranker": meta.get("version"), "misses": misses}
    (work / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps({k: v for k, v in summary.items() if k != "misses"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
