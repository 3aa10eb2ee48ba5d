"""Train the relation classifier on synthetic catalogs and score it per type, through the CLI.

    .venv/bin/python benchmarks/train_relations.py [--train-products 3000] [--heldout-products 1000] [--epochs 3]

Data: two `kg.synth` catalogs with different seeds (train: --seed, held out: --seed + 1); their
`related` links aligned to the product mentions in the text are the labels (distant supervision).
The hand-checked mention file data/annotations/demo-relations.jsonl is added to training.
Both catalogs come from the generator that also wrote data/demo/catalog.jsonl, so the held-out
figure measures the classifier on the same templates with other products, not on other writing.

Writes <workdir>/{train.jsonl, heldout.jsonl, model/, evaluation.json, summary.json} and prints the summary.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHOPGRAPH = [sys.executable, "-m", "shopgraph.kg.cli"]
ANNOTATIONS = ROOT / "data" / "annotations" / "demo-relations.jsonl"


def run(args: list[str]) -> str:
    print("$ shopgraph " + " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(SHOPGRAPH + args, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout


def write_synth(path: Path, n: int, seed: int) -> None:
    from shopgraph.kg.synth import synth_catalog

    with open(path, "w", encoding="utf-8") as fh:
        for rec in synth_catalog(n, seed=seed):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-relations"))
    ap.add_argument("--train-products", type=int, default=3000)
    ap.add_argument("--heldout-products", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    args.workdir.mkdir(parents=True, exist_ok=True)
    train, heldout = args.workdir / "train.jsonl", args.workdir / "heldout.jsonl"
    write_synth(train, args.train_products, args.seed)
    write_synth(heldout, args.heldout_products, args.seed + 1)
    model = args.workdir / "model"
    t0 = time.perf_counter()
    run(["train", "relations", "--train", str(train), "--train", str(ANNOTATIONS), "--output", str(model),
         "--epochs", str(args.epochs), "--threads", str(args.threads), "--force"])
    train_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    scores = json.loads(run(["evaluate", "relations", "--model", str(model), "--data", str(heldout), "--json"]))
    eval_s = time.perf_counter() - t0
    (args.workdir / "evaluation.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    summary = {
        "train_products": args.train_products,
        "heldout_products": args.heldout_products,
        "seed": args.seed,
        "epochs": args.epochs,
        "train_wall_seconds": round(train_s, 1),
        "eval_wall_seconds": round(eval_s, 1),
        "train_metrics": meta.get("metrics"),
        "heldout": scores,
        "machine": f"{platform.machine()}, python {platform.python_version()}",
    }
    (args.workdir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
