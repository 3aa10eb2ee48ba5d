"""End-to-end build throughput with attribute extraction, on synthetic products.

    .venv/bin/python benchmarks/bench_extract.py --model DIR [--products 10000] [--quantize]
        [--fields title,bullets] [--batch-size 1000] [--threads 2] [--no-baseline]

Identical inputs (same category and words, e.g. boilerplate bullets) within a build batch are tagged
once; --no-dedupe tags every segment (the figure for text that never repeats).

1. writes ``--products`` synthetic records (kg.synth.synth_catalog, seed 0) to a temporary JSONL file
   (not timed);
2. baseline: `build_graph` of that file into a fresh embedded Kùzu store without a model (timed);
3. `build_graph` of the same file into another fresh store with the tagger reading ``--fields``
   (default title + bullets), timed end to end: read, tokenise, tag, write, prune, index;
   the time spent inside the extractor is measured separately.
Prints one JSON object: products/s with and without extraction, extraction share, peak RSS of the
process (ru_maxrss, which includes the baseline phase), and the setup. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class TimedExtractor:
    """Wraps an Extractor and adds up the seconds spent in it."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version
        self.seconds = 0.0
        self.values = 0

    def extract(self, products: Sequence) -> list:
        t0 = time.perf_counter()
        out = self.inner.extract(products)
        self.seconds += time.perf_counter() - t0
        self.values += sum(len(e.values) for e in out)
        return out


def build_once(catalog: Path, store_dir: Path, extractor, batch_size: int) -> float:
    from shopgraph.kg.build import build_graph
    from shopgraph.kg.catalog import read_catalog
    from shopgraph.kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(store_dir / "graph.kuzu")
    try:
        t0 = time.perf_counter()
        build_graph(read_catalog(catalog), store, extractor=extractor, batch_size=batch_size, min_score=0.5)
        return time.perf_counter() - t0
    finally:
        store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, type=Path)
    ap.add_argument("--products", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--fields", default="title,bullets")
    ap.add_argument("--batch-size", type=int, default=1000, help="products per build batch (and per extractor call)")
    ap.add_argument("--tagger-batch", type=int, default=64, help="segments per forward pass")
    ap.add_argument("--quantize", action="store_true")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-dedupe", action="store_true",
                    help="tag every segment, even when the same (category, words) input came earlier in the batch")
    args = ap.parse_args()

    import torch

    from shopgraph.extraction.pipeline import load_extractor
    from shopgraph.kg.synth import synth_catalog

    torch.set_num_threads(args.threads)
    work = Path(tempfile.mkdtemp(prefix="bench-extract-"))
    try:
        catalog = work / "synth.jsonl"
        with open(catalog, "w", encoding="utf-8") as fh:
            for rec in synth_catalog(args.products, seed=args.seed):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        baseline = None
        if not args.no_baseline:
            (work / "base").mkdir()
            baseline = build_once(catalog, work / "base", None, args.batch_size)
        t0 = time.perf_counter()
        extractor = load_extractor(args.model, quantize=args.quantize, fields=args.fields.split(","))
        extractor.tagger.batch_size = args.tagger_batch
        extractor.tagger.dedupe = not args.no_dedupe
        load_s = time.perf_counter() - t0
        timed = TimedExtractor(extractor)
        (work / "model").mkdir()
        total = build_once(catalog, work / "model", timed, args.batch_size)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = {
            "products": args.products,
            "fields": args.fields,
            "quantize": args.quantize,
            "dedupe": not args.no_dedupe,
            "threads": args.threads,
            "model": str(args.model),
            "model_load_seconds": round(load_s, 1),
            "build_seconds": round(total, 1),
            "products_per_second": round(args.products / total, 1),
            "extract_seconds": round(timed.seconds, 1),
            "extract_share": round(timed.seconds / total, 3),
            "extracted_values": timed.values,
            "baseline_build_seconds": round(baseline, 1) if baseline is not None else None,
            "baseline_products_per_second": round(args.products / baseline, 1) if baseline else None,
            "peak_rss_mb": round(rss_mb),
            "machine": f"{os.cpu_count()} cpu, {platform.machine()}, python {platform.python_version()}, "
                       f"torch {torch.__version__}",
        }
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
