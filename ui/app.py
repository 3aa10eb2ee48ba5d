"""The shopgraph app: `build_app(engine) -> gr.Blocks`, and `launch()` to serve it offline.

Layout and wiring only: answers come from shopgraph.qa.conversation, everything else from shopgraph.qa.browse.
Four tabs: Shop (chat with product cards and evidence), Product (search, facts, relations,
neighbourhood picture), Analyst (read-only Cypher) and Overview (statistics and charts).
"""

from __future__ import annotations

import os

# Offline and quiet: set before gradio is imported (it reads them at import and launch).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import atexit
import html
import json
import logging
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from shopgraph.kg.errors import ConfigError, ShopgraphError
from shopgraph.kg.store.cypher_read import EXAMPLE_QUERIES
from shopgraph.qa import browse
from shopgraph.qa.conversation import Conversation

logger = logging.getLogger(__name__)

DISPLAY_ROWS = 500  # rows shown in the analyst table; the CSV has them all
KEEP_CSV = 50  # analyst CSV downloads kept on disk; older ones are deleted
SHOP_EXAMPLES = [  # they suit the demo graph (data/demo/catalog.jsonl); build_app(examples=…) for others
    "noise cancelling headphones under $200",
    "what colour is the JBL Live 660NC?",
    "what fits the Samsung Galaxy S24?",
    "which is lighter, the Dell XPS 15 or the MacBook Air?",
    "how many brands of headphones are there?",
    "cheapest laptop",
]

CARDS_PLACEHOLDER = '<p class="sg-empty">Ask a question to see matching products.</p>'
CSS = """
.sg-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; }
.sg-card { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px;
           background: var(--background-fill-secondary); }
.sg-card h4 { margin: 0 0 4px 0; font-size: 0.95rem; line-height: 1.25; }
.sg-card .sg-meta { color: var(--body-text-color-subdued); font-size: 0.85rem; margin-bottom: 6px; }
.sg-card .sg-price { font-weight: 600; color: var(--color-accent); }
.sg-card ul { margin: 0; padding-left: 1.1em; font-size: 0.85rem; }
.sg-id { font-family: var(--font-mono); font-size: 0.75rem; color: var(--body-text-color-subdued); }
.sg-badge { display: inline-block; border-radius: 6px; padding: 0 5px; font-size: 0.72rem; margin-left: 3px; }
.sg-badge.catalog { background: #dbeafe; color: #1e3a8a; }
.sg-badge.extracted { background: #fef3c7; color: #92400e; }
.sg-empty { color: var(--body-text-color-subdued); font-style: italic; }
.sg-evidence table { width: 100%; font-size: 0.82rem; border-collapse: collapse; }
.sg-scroll { overflow: auto; max-height: 420px; }
.sg-evidence th, .sg-evidence td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--border-color-primary);
                                   vertical-align: top; }
.sg-evidence td .sg-badge { margin-left: 0; }
.sg-evidence summary { cursor: pointer; font-weight: 600; }
.sg-evidence pre { white-space: pre-wrap; font-size: 0.75rem; }
.sg-graph-box { overflow-x: auto; }
#sg-cypher-status.error, .sg-error { color: var(--error-text-color, #b91c1c); }
"""


def theme() -> gr.themes.Base:
    """Gradio's default look with system fonts only, so the page fetches nothing from font CDNs."""
    return gr.themes.Default(
        primary_hue="blue",
        font=["ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )


# ---------------------------------------------------------------------------- HTML pieces


def _esc(value: Any) -> str:
    return html.escape("" if value is None else str(value))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]()!<>#|~])")


def _md(value: Any) -> str:
    """Catalog text as literal Markdown: no image, link, HTML or emphasis can come from a product's text
    (an image would make the browser fetch from outside the machine)."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def _drop_old_files(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` newest files of ``folder`` (another request may delete some first)."""
    dated = []
    for f in folder.iterdir():
        try:
            dated.append((f.stat().st_mtime_ns, f))
        except FileNotFoundError:
            continue
    for _, f in sorted(dated)[:-keep]:
        f.unlink(missing_ok=True)


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _badge(source: str | None) -> str:
    return f'<span class="sg-badge {_esc(source)}">{_esc(source)}</span>' if source else ""


def cards_html(cards: Sequence[browse.ProductCard], *, empty: str = "No products.") -> str:
    if not cards:
        return f'<p class="sg-empty">{_esc(empty)}</p>'
    items = []
    for c in cards:
        attrs = "".join(
            f"<li>{_esc(a.attribute)}: <b>{_esc(a.value)}</b>{_badge(a.source)}"
            + (f" {_confidence(a.confidence)}" if a.source == "extracted" else "") + "</li>"
            for a in c.attributes
        )
        meta = " · ".join(x for x in (_esc(c.brand), f'<span class="sg-price">{_esc(c.price_text)}</span>' if c.price_text else "") if x)
        items.append(
            f'<div class="sg-card" data-product-id="{_esc(c.id)}"><h4>{_esc(c.title)}</h4>'
            f'<div class="sg-meta">{meta}</div><ul>{attrs}</ul><div class="sg-id">{_esc(c.id)}</div></div>'
        )
    return f'<div class="sg-cards">{"".join(items)}</div>'


def evidence_html(rows: Sequence[browse.Evidence], cypher: Sequence[str]) -> str:
    if not rows:
        return '<p class="sg-empty">No facts behind this answer.</p>'
    body = "".join(
        f'<tr><td>{_esc(e.title or e.product_id or "(aggregate)")}'
        f'{f"<div class=sg-id>{_esc(e.product_id)}</div>" if e.title and e.product_id else ""}</td>'
        f"<td>{_esc(e.attribute)}</td><td>{_esc(e.value)}</td>"
        f"<td>{_badge(e.source)} {_confidence(e.confidence)}</td><td>{_esc(e.field)}</td><td>{e.score:.2f}</td></tr>"
        for e in rows
    )
    queries = "".join(f"<pre>{_esc(c)}</pre>" for c in cypher)
    return (
        f'<details class="sg-evidence" open><summary>Evidence: {len(rows)} fact{"s" if len(rows) != 1 else ""} '
        '</summary><div class="sg-scroll"><table><thead><tr><th>product</th><th>attribute</th><th>value</th>'
        f"<th>source, confidence</th><th>field</th><th>score</th></tr></thead><tbody>{body}</tbody></table></div>"
        f"<details><summary>Cypher that found them</summary>{queries}</details></details>"
    )


def _evidence_markdown(rows: Sequence[browse.Evidence]) -> str:
    """The same facts as a compact table inside the chat (collapsible under the answer)."""
    lines = ["| product | attribute | value | source | confidence |", "|---|---|---|---|---|"]
    for e in rows:
        cells = [e.title or e.product_id or "", e.attribute, e.value, e.source, _confidence(e.confidence)]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return "\n".join(lines)


def product_markdown(view: browse.ProductView) -> str:
    lines = [f"### {_md(view.title or view.id)}", ""]
    meta = [f"id {_md(view.id)}"]
    if view.brand:
        meta.append(f"brand **{_md(view.brand)}**")
    if view.categories:
        meta.append("category " + ", ".join(f"**{_md(c.value)}**" for c in view.categories))
    if view.price is not None:
        meta.append(f"price **{browse.format_price(view.price, view.currency)}**")
    lines.append(" · ".join(meta))
    if view.placeholder:
        lines += ["", "_Only referenced by another product's relation; the catalog has no row for it._"]
    if view.description:
        lines += ["", _md(view.description)]
    if view.bullets:
        lines += [""] + [f"- {_md(b)}" for b in view.bullets]
    if view.url:
        lines += ["", f"Source page: {_md(view.url)}"]
    return "\n".join(lines)


def _attribute_frame(facts: Sequence[browse.AttributeFact], *, extracted: bool = False) -> pd.DataFrame:
    columns = ["attribute", "value", "confidence", "source field"] + (["characters", "model"] if extracted else [])
    rows = []
    for a in facts:
        row = [a.attribute, a.value, _confidence(a.confidence), a.field or ""]
        if extracted:
            span = f"{a.start_char}–{a.end_char}" if a.start_char is not None else ""
            row += [span, a.model or ""]
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _relations_frame(view: browse.ProductView) -> pd.DataFrame:
    rows = [["→" if r.direction == "out" else "←", r.type, r.title or "", r.id, r.source or "", _confidence(r.confidence)]
            for r in view.relations]
    return pd.DataFrame(rows, columns=["", "type", "other product", "id", "source", "confidence"])


def _short_paths(paths: Sequence[str]) -> list[str]:
    """Category paths as chart labels: the leaf name, with its parent where two leaves share a name."""
    leaves = [p.split(" > ")[-1] for p in paths]
    return [leaf if leaves.count(leaf) == 1 else " > ".join(p.split(" > ")[-2:]) for leaf, p in zip(leaves, paths)]


def _related_html(items: Sequence[browse.Related], empty: str) -> str:
    if not items:
        return f'<p class="sg-empty">{_esc(empty)}</p>'
    lis = "".join(
        f'<li data-product-id="{_esc(r.id)}">{_esc(r.title or r.id)} <span class="sg-id">{_esc(r.id)}</span> '
        + (f"<small>({_esc(r.type)})</small>" if r.type != "SHARES_VALUES" else f"<small>({r.shared} shared value{'' if r.shared == 1 else 's'})</small>")
        + "</li>"
        for r in items
    )
    return f"<ul>{lis}</ul>"


# ---------------------------------------------------------------------------- the app


def build_app(engine: Any, *, examples: Sequence[str] = SHOP_EXAMPLES) -> gr.Blocks:
    """The app over ``engine`` (a qa Engine: ``answer()`` and a read-only ``store``); ``examples`` are
    the questions offered under the chat."""
    store = engine.store
    csv_dir = Path(tempfile.mkdtemp(prefix="shopgraph-csv-"))
    atexit.register(shutil.rmtree, csv_dir, ignore_errors=True)  # the downloads live as long as the app

    # ------------------------------------------------------------------ handlers: Shop

    def ask(question: str, history: list[dict[str, Any]] | None, conversation: Any):
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            return "", history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), conversation
        if conversation is None:
            conversation = Conversation(engine)
        history.append({"role": "user", "content": question})
        try:
            answer = conversation.ask(question)
        except ShopgraphError as exc:
            history.append({"role": "assistant", "content": f"Error: {_md(exc)}"})
            return "", history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), conversation
        facts = browse.evidence(store, answer.facts)
        history.append({"role": "assistant", "content": _md(answer.answer)})
        if facts:
            history.append({"role": "assistant", "content": _evidence_markdown(facts),
                            "metadata": {"title": f"Evidence: {len(facts)} fact{'s' if len(facts) != 1 else ''}",
                                         "status": "done"}})
        ids = [p.id for p in answer.products] or list(dict.fromkeys(f.product_id for f in answer.facts if f.product_id))
        cards = browse.product_cards(store, ids[:6])
        choices = [(c.title, c.id) for c in cards]
        return ("", history, cards_html(cards, empty="No products in this answer."), evidence_html(facts, answer.cypher),
                _context(conversation.product, cards), gr.update(choices=choices, value=None, visible=bool(choices)),
                conversation)

    def _context(focus: str | None, cards: Sequence[browse.ProductCard]) -> str:
        if not focus:
            return ""
        title = next((c.title for c in cards if c.id == focus), None)
        if title is None:
            title = next((c.title for c in browse.product_cards(store, [focus], attributes=0)), focus)
        return f"Talking about **{_md(title)}** (id {_md(focus)}); follow-up questions are about it."

    def new_conversation():
        return [], CARDS_PLACEHOLDER, "", "", gr.update(choices=[], value=None, visible=False), None

    # ------------------------------------------------------------------ handlers: Product

    def search(text: str, chosen: str | None = None):
        found = browse.suggest(store, text or "", k=12)
        # a reply that lands after the shopper picked a suggestion keeps the pick when it is still listed
        kept = chosen if chosen in {s.id for s in found} else None
        return gr.update(choices=[(f"{s.title} · {s.id}", s.id) for s in found], value=kept)

    def show(product_id: str | None):
        view = browse.product_view(store, product_id) if product_id else None
        if view is None:
            message = f"No product with id `{product_id}`." if product_id else "Search for a product above."
            return _no_details(message)
        svg = browse.render_svg(browse.neighbourhood(view))
        catalog, extracted = view.by_source("catalog"), view.by_source("extracted")
        fits_title = (f"#### Compatible accessories ({len(view.accessories)})" if view.accessories or not view.fits
                      else f"#### Accessory for, compatible with ({len(view.fits)})")
        return (
            product_markdown(view),
            f"#### Catalog attributes ({len(catalog)})",
            gr.update(value=_attribute_frame(catalog), visible=True),
            f"#### Extracted attributes ({len(extracted)}): model, confidence, where in the text"
            if extracted else "#### Extracted attributes: none (the tagger found none, or the graph was built with `--no-extract`)",
            gr.update(value=_attribute_frame(extracted, extracted=True), visible=True),
            f"#### Relations ({len(view.relations)})\n→ this product points at the other; ← the other points at this one."
            if view.relations else "#### Relations: none recorded",
            gr.update(value=_relations_frame(view), visible=True),
            fits_title,
            _related_html(view.accessories or view.fits, "No accessories or compatible products recorded."),
            _related_html(view.similar, "No similar products."),
            f'<div class="sg-graph-box">{svg}</div>',
            gr.update(choices=[(r.title or r.id, r.id) for r in view.linked], value=None),
        )

    def _no_details(message: str) -> tuple[Any, ...]:
        no_table = gr.update(value=None, visible=False)  # an empty Dataframe shows a blank grid headed "1 2 3"
        return (message, "", no_table, "", no_table, "", no_table, "", "", "", "", gr.update(choices=[], value=None))

    def search_and_show(text: str):
        found = browse.suggest(store, text or "", k=12)
        first = found[0].id if found else None
        choices = gr.update(choices=[(f"{s.title} · {s.id}", s.id) for s in found], value=first)
        if first is None:
            return (choices, *_no_details(f"Nothing matches “{text}”."))
        return (choices, *show(first))

    # ------------------------------------------------------------------ handlers: Analyst

    def run_query(cypher: str, params_text: str):
        hidden = gr.update(visible=False)
        try:
            params = json.loads(params_text) if (params_text or "").strip() else {}
            if not isinstance(params, dict):
                raise ValueError("parameters must be a JSON object, e.g. {\"max\": 50}")
        except ValueError as exc:
            return f'<span class="sg-error">Error: bad parameters: {_esc(exc)}</span>', hidden, hidden
        if not (cypher or "").strip():
            return '<span class="sg-error">Error: write a Cypher query first.</span>', hidden, hidden
        try:
            result = browse.run_cypher(store, cypher, params)
        except ShopgraphError as exc:
            return f'<span class="sg-error">Error: {_esc(exc)}</span>'.replace("\n", "<br>"), hidden, hidden
        handle, name = tempfile.mkstemp(dir=csv_dir, prefix="results-", suffix=".csv")  # one file per run
        _drop_old_files(csv_dir, KEEP_CSV)  # a long-running server keeps only the latest downloads
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(result.to_csv())
        shown = min(result.row_count, DISPLAY_ROWS)
        status = (f"{result.row_count} row{'s' if result.row_count != 1 else ''} in {result.elapsed_ms:.1f} ms"
                  + (f" (showing the first {shown}; the CSV has all {result.row_count})" if shown < result.row_count else "")
                  + (f"; the query has more rows than the limit of {result.row_count}: add LIMIT or narrow it"
                     if result.truncated else ""))
        frame = pd.DataFrame(result.cells(DISPLAY_ROWS), columns=result.columns)
        return status, gr.update(value=frame, visible=bool(result.columns)), gr.update(value=name, visible=True)

    # ------------------------------------------------------------------ handlers: Overview

    def refresh_overview():
        ov = browse.overview(store)
        facts = ", ".join(f"{n:,} {src} (mean confidence {_confidence(c)})" for src, (n, c) in sorted(ov.facts.items()))
        stats = "\n".join([
            f"**{ov.products:,} products** ({ov.priced:,} with a price"
            + (f"; {ov.placeholders:,} referenced but not in the catalog" if ov.placeholders else "") + ")",
            "",
            "Nodes: " + " · ".join(f"{label} {n:,}" for label, n in ov.counts["nodes"].items()),
            "",
            "Relationships: " + " · ".join(f"{name} {n:,}" for name, n in ov.counts["relationships"].items() if n),
            "",
            "Top-level categories: " + " · ".join(f"{name} {n:,}" for name, n in ov.top_categories),
            "",
            f"Attribute facts: {facts or 'none'}",
        ])
        categories = pd.DataFrame([(label, n) for label, (_, n) in zip(_short_paths([p for p, _ in ov.categories]),
                                                                       ov.categories)],
                                  columns=["category", "products"])
        coverage = pd.DataFrame(
            [(attr, "catalog", c) for attr, c, _ in ov.coverage] + [(attr, "extracted", e) for attr, _, e in ov.coverage],
            columns=["attribute", "source", "products"],
        )
        return stats, categories, coverage

    # ------------------------------------------------------------------ layout

    with gr.Blocks(title="shopgraph", analytics_enabled=False) as app:
        gr.Markdown("## shopgraph · product knowledge graph", elem_id="sg-title")
        with gr.Tabs(selected="shop") as tabs:
            with gr.Tab("Shop", id="shop", elem_id="sg-tab-shop"):
                conversation = gr.State(None)
                with gr.Row():
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(label="Shopping assistant", show_label=False, height=500, elem_id="sg-chat",
                                          latex_delimiters=[], feedback_options=None,
                                          placeholder="Ask about products: materials, prices, what fits what…")
                        with gr.Row():
                            question = gr.Textbox(show_label=False, placeholder="Ask a question and press Enter",
                                                  scale=5, elem_id="sg-question", autofocus=True, container=False)
                            send = gr.Button("Ask", variant="primary", scale=1, elem_id="sg-ask")
                        context = gr.Markdown(elem_id="sg-context")
                        with gr.Row():
                            gr.Examples(list(examples), inputs=question, label="Try")
                            reset = gr.Button("New conversation", size="sm", scale=0, elem_id="sg-reset")
                    with gr.Column(scale=2):
                        gr.Markdown("#### Products in this answer")
                        cards = gr.HTML(CARDS_PLACEHOLDER, elem_id="sg-cards")
                        open_product = gr.Dropdown(label="Open one in the Product tab", choices=[], visible=False,
                                                   elem_id="sg-open-product")
                        evidence = gr.HTML(elem_id="sg-evidence")

            with gr.Tab("Product", id="product", elem_id="sg-tab-product"):
                with gr.Row():
                    search_box = gr.Textbox(label="Find a product", placeholder="title words or product id",
                                            scale=2, elem_id="sg-product-search")
                    suggestions = gr.Dropdown(label="Suggestions", choices=[], scale=3, elem_id="sg-suggestions")
                with gr.Row():
                    with gr.Column(scale=3):
                        header = gr.Markdown("Search for a product above.", elem_id="sg-product-header")
                        catalog_title = gr.Markdown()
                        catalog_attrs = gr.Dataframe(elem_id="sg-attrs-catalog", interactive=False, wrap=True,
                                                     visible=False)
                        extracted_title = gr.Markdown()
                        extracted_attrs = gr.Dataframe(elem_id="sg-attrs-extracted", interactive=False, wrap=True,
                                                       visible=False)
                        relations_title = gr.Markdown()
                        relations = gr.Dataframe(elem_id="sg-relations", interactive=False, wrap=True, visible=False,
                                                 column_widths=["6%", "20%", "34%", "16%", "12%", "12%"])
                    with gr.Column(scale=3):
                        graph = gr.HTML(elem_id="sg-graph")
                        with gr.Row():
                            with gr.Column():
                                accessories_title = gr.Markdown("#### Compatible accessories")
                                accessories = gr.HTML(elem_id="sg-accessories")
                            with gr.Column():
                                gr.Markdown("#### Similar products")
                                similar = gr.HTML(elem_id="sg-similar")
                        go_related = gr.Dropdown(label="Open a related product", choices=[], elem_id="sg-go-related")

            with gr.Tab("Analyst", id="analyst", elem_id="sg-tab-analyst"):
                with gr.Row():
                    with gr.Column(scale=3):
                        example = gr.Dropdown(label="Example queries", choices=list(EXAMPLE_QUERIES),
                                              value=next(iter(EXAMPLE_QUERIES)), elem_id="sg-examples")
                        cypher = gr.Code(label="Cypher (read-only)", language="sql", lines=7,
                                         value=next(iter(EXAMPLE_QUERIES.values())), elem_id="sg-cypher")
                        params = gr.Textbox(label="Parameters (JSON object, optional)", placeholder='{"max": 50}',
                                            elem_id="sg-params")
                        run = gr.Button("Run", variant="primary", elem_id="sg-run")
                        status = gr.HTML(elem_id="sg-cypher-status")
                        results = gr.Dataframe(elem_id="sg-cypher-results", interactive=False, wrap=True, visible=False)
                        download = gr.DownloadButton("Download CSV", visible=False, elem_id="sg-cypher-csv")
                    with gr.Column(scale=2):
                        gr.Markdown("#### Graph schema")
                        gr.Markdown(browse.schema_markdown(), elem_id="sg-schema")

            with gr.Tab("Overview", id="overview", elem_id="sg-tab-overview"):
                stats = gr.Markdown(elem_id="sg-stats")
                with gr.Row():
                    per_category = gr.BarPlot(x="category", y="products", title="Products per category",
                                              x_label_angle=-30, height=340, y_lim=[0, None], sort="-y",
                                              elem_id="sg-plot-categories")
                    coverage = gr.BarPlot(x="attribute", y="products", color="source",
                                          title="Attribute coverage: products with a value, catalog vs extracted",
                                          x_label_angle=-30, height=340, y_lim=[0, None], sort="-y",
                                          elem_id="sg-plot-coverage",
                                          color_map={"catalog": "#2563eb", "extracted": "#f59e0b"})
                refresh = gr.Button("Refresh", size="sm", elem_id="sg-refresh")

        # ------------------------------------------------------------------ wiring
        # api_name=False keeps an event off the API: gradio 6.31 still maps it to api_visibility="private" (named
        # "false"), but its typed listeners say api_name: str | None, hence the targeted ignores below
        shop_outputs = [question, chat, cards, evidence, context, open_product, conversation]
        question.submit(ask, [question, chat, conversation], shop_outputs, api_name="ask")
        send.click(ask, [question, chat, conversation], shop_outputs, api_name=False)  # type: ignore[arg-type]
        reset.click(new_conversation, None, [chat, cards, evidence, context, open_product, conversation],
                    api_name=False)  # type: ignore[arg-type]

        detail_outputs = [header, catalog_title, catalog_attrs, extracted_title, extracted_attrs, relations_title,
                          relations, accessories_title, accessories, similar, graph, go_related]
        search_box.input(search, [search_box, suggestions], suggestions, trigger_mode="always_last",
                         api_name=False, show_progress="hidden")  # type: ignore[arg-type]
        search_box.submit(search_and_show, search_box, [suggestions, *detail_outputs], api_name="product_search")
        suggestions.input(show, suggestions, detail_outputs, api_name=False)  # type: ignore[arg-type]
        go_related.input(show, go_related, detail_outputs, api_name=False)  # type: ignore[arg-type]
        open_product.input(show, open_product, detail_outputs, api_name=False).then(  # type: ignore[arg-type]
            lambda: gr.Tabs(selected="product"), None, tabs, api_name=False)

        example.input(lambda name: EXAMPLE_QUERIES.get(name, ""), example, cypher, api_name=False)  # type: ignore[arg-type]
        run.click(run_query, [cypher, params], [status, results, download], api_name="cypher")

        refresh.click(refresh_overview, None, [stats, per_category, coverage], api_name=False)  # type: ignore[arg-type]
        app.load(refresh_overview, None, [stats, per_category, coverage], api_name=False)
    return app


def launch(app: gr.Blocks, *, host: str = "127.0.0.1", port: int = 7860, block: bool = True,
           concurrency: int = 4) -> gr.Blocks:
    """Serve the app on host:port with the offline theme; ``block=False`` returns once it is up."""
    app.queue(default_concurrency_limit=concurrency)
    try:
        app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=True, share=False,
                   inbrowser=False, ssr_mode=False, theme=theme(), css=CSS, footer_links=["api"], run_history=False)
    except OSError as exc:
        reason = "the port is in use" if "empty port" in str(exc) else str(exc)
        raise ConfigError(f"cannot serve on {host}:{port}: {reason}; pick another --port") from exc
    return app
