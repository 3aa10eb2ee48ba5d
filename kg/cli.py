"""The `shopgraph` command: a thin shell over the library, and the one composition root.

Data goes to stdout, messages and progress to stderr. Errors print `Error: …` and exit 1
(usage errors exit 2); `--verbose` adds the traceback. Heavy libraries are imported inside
the commands that need them, so `shopgraph --help` stays instant.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.errors import ShopgraphError

logger = logging.getLogger(__name__)

STORE_HELP = "Graph store: a local path (embedded Kùzu) or bolt:// / neo4j:// URI. Default: $SHOPGRAPH_STORE or ./shopgraph.kuzu."
store_option = click.option("--store", "store", default=None, metavar="PATH|URI", help=STORE_HELP)


class ShopgraphGroup(click.Group):
    """Turns ShopgraphError into `Error: …` and exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ShopgraphError as exc:
            if ctx.obj and ctx.obj.get("verbose"):
                raise
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
    from kg.store import open_store

    handle = open_store(store, read_only=read_only)
    try:
        yield handle
    finally:
        handle.close()


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str) -> None:
    """Rows to stdout as an aligned table, JSON (one array) or CSV."""
    out = click.get_text_stream("stdout")
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])
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
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(min=1), help="Products per write transaction.")
@click.option("--on-error", type=click.Choice(["fail", "skip"]), default="fail", show_default=True,
              help="fail: stop at the first bad row (exit 1, path:line: reason). skip: send bad rows to --rejects and go on.")
@click.option("--rejects", type=click.Path(path_type=Path), default=None,
              help="JSON Lines file for rejected rows (file, line, reason, raw). Default with --on-error skip: rejects.jsonl.")
@click.option("--csv-map", multiple=True, metavar="FIELD=COLUMN", help="Map a CSV column to a catalog field, e.g. --csv-map id=sku.")
@click.option("--model", "model_dir", type=click.Path(path_type=Path), default=None, help="Attribute tagger directory (from `shopgraph train attributes`).")
@click.option("--relation-model", "relation_dir", type=click.Path(path_type=Path), default=None, help="Relation classifier directory (from `shopgraph train relations`).")
@click.option("--min-score", default=0.5, show_default=True, type=click.FloatRange(0, 1), help="Drop extracted facts scored below this.")
@click.option("--embed", is_flag=True, help="Compute product embeddings (MiniLM) for vector search.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def build(catalogs: tuple[Path, ...], store: str | None, batch_size: int, on_error: str, rejects: Path | None,
          csv_map: tuple[str, ...], model_dir: Path | None, relation_dir: Path | None, min_score: float,
          embed: bool, as_json: bool) -> None:
    """Build or update the graph from catalog dumps (JSON Lines, CSV, N-Triples/N-Quads, Turtle, JSON-LD; .gz ok).

    Rebuilding the same dump leaves the graph identical; a changed product's facts replace its old ones.

    \b
    Examples:
      shopgraph build data/demo/catalog.jsonl --store demo.kuzu
      shopgraph build dump.csv --csv-map id=sku --csv-map title=name --on-error skip --rejects bad.jsonl
      shopgraph build data/demo/catalog.jsonl --model models/attributes --store demo.kuzu
    """
    from tqdm import tqdm

    from kg.build import OnError, build_graph
    from kg.catalog import Rejected, catalog_format, read_catalogs

    for path in catalogs:
        catalog_format(path)  # unknown formats fail before anything is written
    mapping = _parse_pairs(csv_map, "--csv-map")
    mode = OnError(on_error)
    if mode is OnError.SKIP and rejects is None:
        rejects = Path("rejects.jsonl")
    extractor = None
    if model_dir is not None or relation_dir is not None or embed:
        from extraction.pipeline import load_extractor

        extractor = load_extractor(model_dir, relation_dir, embed=embed)
    rejects_fh = open(rejects, "w", encoding="utf-8") if rejects is not None else None

    def reject(rec: Rejected) -> None:
        assert rejects_fh is not None
        rejects_fh.write(json.dumps({"file": rec.path, "line": rec.line, "reason": rec.reason, "raw": rec.raw},
                                    ensure_ascii=False) + "\n")

    bar = tqdm(desc="building", unit=" products", file=sys.stderr, disable=None, mininterval=0.5)
    try:
        with opened(store) as handle:
            report = build_graph(
                read_catalogs(catalogs, errors="yield", csv_map=mapping), handle, extractor=extractor,
                min_score=min_score, batch_size=batch_size, on_error=mode,
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
        click.echo(f"extracted {report.extracted_values} values, {report.extracted_relations} relations", err=True)
    _print_counts(report.counts)


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
def query(cypher: str, store: str | None, params: tuple[str, ...], fmt: str) -> None:
    """Run a read-only Cypher query (writes are refused).

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
    from kg.store.guard import writes
    from kg.errors import ReadOnlyError

    if writes(cypher):
        raise ReadOnlyError(cypher)
    with opened(store, read_only=True) as handle:
        rows = handle.query(cypher, values)
    emit_rows(rows, fmt)


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

    from kg.catalog import write_jsonl
    from kg.synth import synth_catalog

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
    """Train a model: attributes (tagger), relations (classifier) or qa (ranker)."""


@cli.group()
def evaluate() -> None:
    """Evaluate a model on held-out data: attributes, relations or qa."""


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="shopgraph")


if __name__ == "__main__":
    main()
