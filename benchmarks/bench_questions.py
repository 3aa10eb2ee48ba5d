"""Natural-question evaluation of the whole QA engine on the demo catalog.

    .venv/bin/python benchmarks/bench_questions.py                      # held-out part (the default)
    .venv/bin/python benchmarks/bench_questions.py --part dev
    .venv/bin/python benchmarks/bench_questions.py --part all --no-extract

Builds data/demo/catalog.jsonl into a fresh store (<workdir>/graph.kuzu) with the project's CLI, writes the
questions of the chosen part of data/eval/demo-questions.jsonl as `shopgraph ask --batch` lines
({"question", "product"?, "session"?}; lines sharing a session are one conversation), answers them in one
`ask --batch` run, and scores every turn against its hand-written "expect" (see data/eval/README.md):

- answer_contains: every string appears in the answer text (case-insensitive);
- answer_contains_any: at least one does;
- answer_excludes: none does;
- answer_order: a list of strings that must occur in that order, or a list of such lists of which one must
  (comparisons: ["Aspire", "lighter", "XPS"] or ["XPS", "heavier", "Aspire"]);
- products_include / products_exclude: product ids that must / must not be in the answer's "products";
- intent: the answer's intent;
- dont_know: the answer says "I don't know" (text) or its intent is "unanswerable".

A turn is correct when all its checks pass. Prints a summary JSON (accuracy overall and per kind, the
checks that failed most, and every miss with what was expected and what came back) and writes it to
--summary (default <workdir>/summary-<part>.json). --answers FILE scores an existing answers file
(written by an earlier run for the same --part) without building or asking again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from shopgraph.qa.expectations import check

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_QUESTIONS = ROOT / "data" / "eval" / "demo-questions.jsonl"
DEFAULT_CATALOG = ROOT / "data" / "demo" / "catalog.jsonl"
DEFAULT_PYTHON = ROOT / ".venv" / "bin" / "python"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def select(turns: list[dict[str, Any]], part: str) -> list[dict[str, Any]]:
    if part == "all":
        return list(turns)
    return [t for t in turns if t.get("split") == part]


def fresh_store(workdir: Path) -> Path:
    """<workdir>/graph.kuzu, with any earlier store there (and its side files) removed."""
    workdir.mkdir(parents=True, exist_ok=True)
    store = workdir / "graph.kuzu"
    for old in workdir.glob("graph.kuzu*"):
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()
    return store


def run(cmd: list[str]) -> float:
    print("$ " + " ".join(cmd), file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.perf_counter() - started


def write_batch(turns: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for t in turns:
            line: dict[str, Any] = {"question": t["question"]}
            if t.get("product"):
                line["product"] = t["product"]
            if t.get("session"):
                line["session"] = t["session"]
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def score(turns: list[dict[str, Any]], answers: list[dict[str, Any]], part: str) -> dict[str, Any]:
    if len(answers) != len(turns):
        raise SystemExit(f"{len(answers)} answers for {len(turns)} questions: the answers file is not for --part {part}")
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failed_checks: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    correct = 0
    for turn, answer in zip(turns, answers):
        if answer.get("question") != turn["question"]:
            raise SystemExit(f"answer order mismatch at {turn['id']}: {answer.get('question')!r}")
        failed = check(turn["expect"], answer)
        ok = not failed
        correct += ok
        for kind in turn.get("kinds") or []:
            per_kind[kind][0] += ok
            per_kind[kind][1] += 1
        failed_checks.update(failed)
        if not ok:
            misses.append({
                "id": turn["id"],
                "question": turn["question"],
                **({"product": turn["product"]} if turn.get("product") else {}),
                **({"session": turn["session"]} if turn.get("session") else {}),
                "kinds": turn.get("kinds"),
                "expected": turn["expect"],
                "failed": failed,
                "got": {
                    "intent": answer.get("intent"),
                    "answer": answer.get("answer"),
                    "products": [p.get("id") for p in answer.get("products") or [] if isinstance(p, dict)],
                },
            })
    n = len(turns)
    return {
        "part": part,
        "questions": n,
        "correct": correct,
        "accuracy": round(correct / n, 4) if n else None,
        "per_kind": {k: {"correct": c, "n": t, "accuracy": round(c / t, 4)}
                     for k, (c, t) in sorted(per_kind.items(), key=lambda kv: (-kv[1][1], kv[0]))},
        "failed_checks": dict(failed_checks.most_common()),
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=("dev", "held_out", "all"), default="held_out",
                    help="which split to answer and score (default held_out)")
    ap.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="evaluation set (JSON Lines)")
    ap.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, help="catalog to build the graph from")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/shopgraph-questions"),
                    help="where the store, batch file, answers and summary go (default /tmp/shopgraph-questions)")
    ap.add_argument("--no-extract", action="store_true", help="pass --no-extract to `shopgraph build`")
    ap.add_argument("--reuse-store", action="store_true",
                    help="answer from <workdir>/graph.kuzu as it is instead of building a fresh one")
    ap.add_argument("--answers", type=Path, default=None,
                    help="score this answers file (from an earlier run, same --part) without building or asking")
    ap.add_argument("--python", default=str(DEFAULT_PYTHON), help="interpreter with the project installed")
    ap.add_argument("--summary", type=Path, default=None, help="summary JSON path (default <workdir>/summary-<part>.json)")
    ap.add_argument("--quiet", action="store_true", help="print only the figures, not the misses")
    args = ap.parse_args(argv)

    turns = select(read_jsonl(args.questions), args.part)
    if not turns:
        raise SystemExit(f"no questions in part {args.part!r} of {args.questions}")
    workdir = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    if args.answers is not None:
        answers_path = args.answers
    else:
        store = workdir / "graph.kuzu"
        if not args.reuse_store:
            store = fresh_store(workdir)
            build = [args.python, "-m", "shopgraph.kg.cli", "build", str(args.catalog), "--store", str(store)]
            if args.no_extract:
                build.append("--no-extract")
            timings["build_s"] = round(run(build), 1)
        elif not store.exists():
            raise SystemExit(f"--reuse-store: no store at {store}")
        batch = workdir / f"questions-{args.part}.jsonl"
        answers_path = workdir / f"answers-{args.part}.jsonl"
        write_batch(turns, batch)
        timings["ask_s"] = round(run([args.python, "-m", "shopgraph.kg.cli", "ask", "--batch", str(batch),
                                      "--store", str(store), "--output", str(answers_path)]), 1)

    summary = score(turns, read_jsonl(answers_path), args.part)
    summary["extract"] = None if args.answers is not None or args.reuse_store else not args.no_extract
    summary["timings"] = timings
    summary["answers"] = str(answers_path)
    out = args.summary or workdir / f"summary-{args.part}.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shown = {k: v for k, v in summary.items() if not (args.quiet and k == "misses")}
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    print(f"{args.part}: {summary['correct']}/{summary['questions']} correct "
          f"({summary['accuracy']:.1%}); summary in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
