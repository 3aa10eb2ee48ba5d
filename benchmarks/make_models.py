"""Rebuild the models that ship (`make models`) and score them on held-out data.

    .venv/bin/python benchmarks/make_models.py [--only attributes relations ranker reader] [--epochs N]
        [--learning-rate R] [--threads N] [--more-epochs N …] [--first-stage DIR]

What it does, in order (each step writes under --workdir, then copies the model into the package):

1. **attributes** (`extraction/models/attributes/`): splits each public attribute set in
   ../shared/datasets/avx/ with random.Random(0): 15 % of OA-Mine and of AE-110K records held out, 15 % of
   WDC-PAVE *clusters* held out (offers of one real product never straddle the parts). The rest, plus a
   synthetic catalog (`shopgraph synth --products 1500 --seed 31`: the demo catalog's attribute names, never
   its seed 7), trains the tagger with `shopgraph train attributes` (one stage: 12 epochs, learning rate
   1.5e-4); each held-out part is scored with `shopgraph evaluate attributes` (WDC-PAVE with titles and
   descriptions).
2. **relations** (`extraction/models/relations/`): `shopgraph train relations` on a synthetic catalog
   (seed 21, 3000 products) plus data/annotations/demo-relations.jsonl and the hand-written
   data/annotations/relations-train.jsonl; scored on another synthetic catalog (seed 22) and on the
   hand-written held-out data/annotations/relations-heldout.jsonl.
3. **ranker** (`qa/models/ranker/`): `shopgraph train qa` on semiPQA dev (split by product inside): MiniLM's
   top two layers fine-tuned for ranking, then the head over its vectors (about 3 minutes).
4. **reader** (`qa/models/intent/`): `shopgraph train intent` on questions generated from the demo graph
   (built here with the models that ship), semiPQA dev's train part (the ranker's split) and the dev turns of
   data/eval/demo-questions.jsonl.

Data sets need ../shared/datasets/ (see its README); without them the step says so and exits 2.
Held-out figures go to <workdir>/<step>/evaluation*.json and are printed as JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets"
SHOPGRAPH = [sys.executable, "-m", "shopgraph.kg.cli"]
SHIP = {"attributes": ROOT / "extraction" / "models" / "attributes",
        "relations": ROOT / "extraction" / "models" / "relations",
        "ranker": ROOT / "qa" / "models" / "ranker", "reader": ROOT / "qa" / "models" / "intent"}
AVX = ("oa-mine", "ae-110k", "wdc-pave")


def run(args: list[str]) -> str:
    print("$ shopgraph " + " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(SHOPGRAPH + args, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout


def split_avx(name: str, out: Path, fraction: float = 0.15, seed: int = 0) -> tuple[Path, Path]:
    """(fit file, held-out file); WDC-PAVE is split by cluster_id, the others by record."""
    lines = [line for line in (DATA / "avx" / f"{name}.train.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    if name == "wdc-pave":
        keys = [str(json.loads(line).get("cluster_id") or i) for i, line in enumerate(lines)]
    else:
        keys = [str(i) for i in range(len(lines))]
    groups = sorted(set(keys))
    random.Random(seed).shuffle(groups)
    held = set(groups[: round(fraction * len(groups))])
    fit, heldout = out / f"{name}.fit.jsonl", out / f"{name}.heldout.jsonl"
    fit.write_text("".join(line + "\n" for line, k in zip(lines, keys) if k not in held), encoding="utf-8")
    heldout.write_text("".join(line + "\n" for line, k in zip(lines, keys) if k in held), encoding="utf-8")
    return fit, heldout


def ship(model: Path, step: str) -> None:
    """Replace the shipped model directory's files (meta.json, hf/ or weights.safetensors) with ``model``'s."""
    target = SHIP[step]
    shutil.rmtree(target / "hf", ignore_errors=True)
    for name in ("meta.json", "weights.safetensors"):
        (target / name).unlink(missing_ok=True)
    target.mkdir(parents=True, exist_ok=True)
    for item in model.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta["name"] = target.name  # provenance in the graph says "attributes", not the work folder's name
    (target / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"shipped {model} -> {target.relative_to(ROOT)}", file=sys.stderr)


def attributes(work: Path, args: argparse.Namespace) -> dict:
    out = work / "attributes"
    out.mkdir(parents=True, exist_ok=True)
    parts = {name: split_avx(name, out) for name in AVX}
    synth = out / "synth-31.jsonl"
    run(["synth", "--products", str(args.synth_products), "--seed", "31", "--output", str(synth)])
    train = [str(fit) for fit, _ in parts.values()] + [str(synth)]
    data = sum((["--train", t] for t in train), [])
    started = time.perf_counter()
    first = out / "model"
    if args.first_stage is not None:  # the first stage's model is at hand (e.g. the one that ships): reuse it
        first = args.first_stage
    else:
        run(["train", "attributes", *data, "--output", str(first), "--epochs", str(args.epochs), "--learning-rate",
             str(args.learning_rate), "--patience", "4", "--threads", str(args.threads), "--force", "--json"])
    final = first
    for stage, epochs in enumerate(args.more_epochs, start=2):
        # more stages on the same data, each a warm restart at a lower rate from the last (the dev F1 still rose)
        before, final = final, out / f"model-{stage}"
        run(["train", "attributes", *data, "--init", str(before), "--output", str(final), "--epochs", str(epochs),
             "--learning-rate", "2e-4", "--patience", "2", "--threads", str(args.threads), "--force", "--json"])
    result: dict = {"train_wall_seconds": round(time.perf_counter() - started, 1), "heldout": {}}
    for name, (_, heldout) in parts.items():
        ev = json.loads(run(["evaluate", "attributes", "--model", str(final), "--data", str(heldout), "--json"]))
        (out / f"evaluation.{name}.json").write_text(json.dumps(ev, indent=2))
        result["heldout"][name] = {"records": sum(1 for _ in heldout.open()), "ave_micro": ev["ave_micro"],
                                   "spans": ev["spans"]}
    if final.resolve() != SHIP["attributes"].resolve():  # (--first-stage at the shipped tagger, no more stages)
        ship(final, "attributes")
    return result


def relations(work: Path, args: argparse.Namespace) -> dict:
    out = work / "relations"
    out.mkdir(parents=True, exist_ok=True)
    train, held = out / "synth-21.jsonl", out / "synth-22.jsonl"
    run(["synth", "--products", "3000", "--seed", "21", "--output", str(train)])
    run(["synth", "--products", "1000", "--seed", "22", "--output", str(held)])
    started = time.perf_counter()
    run(["train", "relations", "--train", str(train), "--train", str(ROOT / "data/annotations/demo-relations.jsonl"),
         "--train", str(ROOT / "data/annotations/relations-train.jsonl"), "--output", str(out / "model"),
         "--epochs", str(min(args.epochs, 3)), "--threads", str(args.threads), "--force"])
    seconds = round(time.perf_counter() - started, 1)
    ev = json.loads(run(["evaluate", "relations", "--model", str(out / "model"), "--data", str(held), "--json"]))
    hand = json.loads(run(["evaluate", "relations", "--model", str(out / "model"), "--data",
                           str(ROOT / "data/annotations/relations-heldout.jsonl"), "--json"]))
    (out / "evaluation.json").write_text(json.dumps({"generated": ev, "hand_checked": hand}, indent=2))
    ship(out / "model", "relations")
    return {"train_wall_seconds": seconds, "heldout_generated": ev, "heldout_hand_checked": hand}


def ranker(work: Path, args: argparse.Namespace) -> dict:
    out = work / "ranker"
    out.mkdir(parents=True, exist_ok=True)
    data = DATA / "pqa" / "semipqa.dev.tsv"
    started = time.perf_counter()
    run(["train", "qa", "--data", str(data), "--output", str(out / "model"), "--threads", str(args.threads), "--force"])
    seconds = round(time.perf_counter() - started, 1)
    ev = json.loads(run(["evaluate", "qa", "--model", str(out / "model"), "--data", str(data), "--json"]))
    (out / "evaluation.json").write_text(json.dumps(ev, indent=2))
    ship(out / "model", "ranker")
    return {"train_wall_seconds": seconds, "heldout": ev}


def reader(work: Path, args: argparse.Namespace) -> dict:
    """The question reader, from the demo graph (built with the extraction models that ship) and real questions."""
    out = work / "reader"
    out.mkdir(parents=True, exist_ok=True)
    store = out / "demo.kuzu"
    for old in (store, store.with_name(store.name + ".wal"), store.with_name(store.name + ".lock")):
        if old.is_dir():  # a Kùzu store is one file (older versions wrote a folder)
            shutil.rmtree(old)
        else:
            old.unlink(missing_ok=True)
    run(["build", str(ROOT / "data/demo/catalog.jsonl"), "--store", str(store)])
    started = time.perf_counter()
    meta = json.loads(run(["train", "intent", "--store", str(store), "--pqa", str(DATA / "pqa" / "semipqa.dev.tsv"),
                           "--questions", str(ROOT / "data/eval/demo-questions.jsonl"), "--output", str(out / "model"),
                           "--threads", str(args.threads), "--force", "--json"]))
    ship(out / "model", "reader")
    return {"train_wall_seconds": round(time.perf_counter() - started, 1), "dev": meta["metrics"]["dev"]}


STEPS = {"attributes": attributes, "relations": relations, "ranker": ranker, "reader": reader}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-models"))
    ap.add_argument("--only", nargs="*", choices=list(STEPS), default=list(STEPS))
    ap.add_argument("--epochs", type=int, default=12,
                    help="attributes: epochs of its one stage (the relation classifier takes at most 3)")
    ap.add_argument("--learning-rate", type=float, default=1.5e-4,
                    help="attributes: the stage's peak learning rate (a GPU sweep of 1e-4..5e-4 chose it on dev)")
    ap.add_argument("--more-epochs", type=int, nargs="*", default=[],
                    help="attributes: further stages, each of N epochs from the last stage's model, at 2e-4")
    ap.add_argument("--first-stage", type=Path, default=None,
                    help="attributes: skip the stages before --more-epochs and continue from this model (the one they "
                         "made, e.g. the tagger that ships)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--synth-products", type=int, default=1500)
    args = ap.parse_args()
    needed = {"attributes": DATA / "avx", "ranker": DATA / "pqa", "reader": DATA / "pqa"}
    for step in args.only:
        if step in needed and not needed[step].exists():
            print(f"{needed[step]} is absent; the {step} step needs ../shared/datasets/ (see its README)", file=sys.stderr)
            return 2
    summary = {step: STEPS[step](args.workdir, args) for step in STEPS if step in args.only}  # the reader reads
    # the graph the tagger and the relation model just made
    (args.workdir / "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
