"""Train the attribute tagger on OA-Mine and score it on a held-out part, through the CLI.

    .venv/bin/python benchmarks/train_oamine.py [--extra ae-110k wdc-pave] [--no-category] [--epochs 15]

Split: the records (one product listing per line) of ../shared/datasets/avx/oa-mine.train.jsonl are
shuffled with random.Random(--seed, default 0) and the first 15 % (round(0.15 n)) are held out; the
held-out file is written next to the model and never seen in training. Inside training, the trainer
holds out a further seeded 10 % of the remaining records as dev for early stopping.
--extra adds the full train files of the other sets (AE-110K, WDC-PAVE) to the training data only
(--titles-only: without WDC-PAVE's descriptions).

Writes <workdir>/<run>/ {fit.jsonl, heldout.jsonl, model/, evaluation.json, evaluation.int8.json,
summary.json} and prints the summary. Needs the datasets; says so and exits 2 when they are absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "avx"
SHOPGRAPH = [sys.executable, "-m", "shopgraph.kg.cli"]


def split(source: Path, out: Path, fraction: float, seed: int) -> tuple[Path, Path, int, int]:
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    order = list(range(len(lines)))
    random.Random(seed).shuffle(order)
    held = set(order[: round(fraction * len(lines))])
    fit, heldout = out / "fit.jsonl", out / "heldout.jsonl"
    fit.write_text("".join(lines[i] + "\n" for i in range(len(lines)) if i not in held), encoding="utf-8")
    heldout.write_text("".join(lines[i] + "\n" for i in range(len(lines)) if i in held), encoding="utf-8")
    return fit, heldout, len(lines) - len(held), len(held)


def run(args: list[str]) -> str:
    print("$ shopgraph " + " ".join(args), file=sys.stderr, flush=True)
    done = subprocess.run(SHOPGRAPH + args, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    return done.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-oamine"))
    ap.add_argument("--run", default="oamine")
    ap.add_argument("--seed", type=int, default=0, help="split seed")
    ap.add_argument("--fraction", type=float, default=0.15)
    ap.add_argument("--extra", nargs="*", default=[], choices=["ae-110k", "wdc-pave"])
    ap.add_argument("--titles-only", action="store_true",
                    help="train on the --extra sets' titles only (drop WDC-PAVE descriptions: 3x less text)")
    ap.add_argument("--no-category", action="store_true")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--learning-rate", type=float, default=1e-4)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--base-model", default=None)
    args = ap.parse_args()

    source = DATA / "oa-mine.train.jsonl"
    if not source.exists():
        print(f"{source} is absent; this run needs the OA-Mine train split (see ../shared/datasets/README.md)",
              file=sys.stderr)
        return 2
    out = args.workdir / args.run
    out.mkdir(parents=True, exist_ok=True)
    fit, heldout, n_fit, n_held = split(source, out, args.fraction, args.seed)
    train = [str(fit)]
    for name in args.extra:
        path = DATA / f"{name}.train.jsonl"
        if args.titles_only:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for row in rows:
                row.pop("input_description", None)
            path = out / f"{name}.titles.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        train.append(str(path))
    started = time.perf_counter()
    cmd = ["train", "attributes", *sum((["--train", t] for t in train), []), "--output", str(out / "model"),
           "--epochs", str(args.epochs), "--learning-rate", str(args.learning_rate), "--patience", str(args.patience),
           "--threads", str(args.threads), "--force", "--json"]
    if args.no_category:
        cmd.append("--no-category")
    if args.base_model:
        cmd += ["--base-model", args.base_model]
    meta = json.loads(run(cmd))
    train_wall = time.perf_counter() - started
    t0 = time.perf_counter()
    evaluation = json.loads(run(["evaluate", "attributes", "--model", str(out / "model"), "--data", str(heldout), "--json"]))
    eval_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    # int8 dynamic quantisation is not a CLI option (it cost more than 0.5 F1 point); measured through the library
    from shopgraph.extraction.evaluate import evaluate_attributes

    int8 = evaluate_attributes(out / "model", [heldout], quantize=True).as_dict()
    int8_s = time.perf_counter() - t0
    untuned = json.loads(run(["evaluate", "attributes", "--model", str(out / "model"), "--data", str(heldout), "--json",
                              "--min-score", "0"]))
    (out / "evaluation.json").write_text(json.dumps(evaluation, indent=2))
    (out / "evaluation.min-score-0.json").write_text(json.dumps(untuned, indent=2))
    (out / "evaluation.int8.json").write_text(json.dumps(int8, indent=2))
    summary = {
        "run": args.run, "split_seed": args.seed, "fit_records": n_fit, "heldout_records": n_held,
        "extra_train": args.extra, "extra_titles_only": args.titles_only, "use_category": not args.no_category,
        "epochs_run": len(meta["metrics"]["history"]), "best_epoch": next(
            (h["epoch"] for h in reversed(meta["metrics"]["history"]) if h.get("best")), None),
        "parameters": meta["metrics"]["parameters"], "train_seconds": meta["metrics"]["train_seconds"],
        "train_wall_seconds": round(train_wall, 1),
        "alignment": {k: meta["metrics"]["alignment"][k] for k in ("values", "aligned", "unaligned")},
        "dev_ave_f1": meta["metrics"]["dev"]["ave_micro"]["f1"],
        "min_score": evaluation["min_score"],
        "heldout_ave": evaluation["ave_micro"], "heldout_spans": evaluation["spans"],
        "heldout_ave_min_score_0": untuned["ave_micro"],
        "heldout_outside_category": evaluation["outside_category"],
        "int8_ave": int8["ave_micro"], "int8_spans": int8["spans"],
        "eval_seconds": round(eval_s, 1), "int8_eval_seconds": round(int8_s, 1),
        "machine": f"{platform.processor() or platform.machine()}, python {platform.python_version()}",
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
