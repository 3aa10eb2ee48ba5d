"""ui.app helpers: catalog text shown through Markdown stays literal (no image, link or HTML can come from a
product), and old analyst CSV downloads are deleted."""

from __future__ import annotations

import re

from shopgraph.qa.browse import AttributeFact, ProductView
from shopgraph.ui.app import _md, product_markdown

HOSTILE = "Nice mug ![pixel](https://tracker.example/p.png) [click](https://x.example) <img src=x> *bold* | a_b"


def unescaped(text: str, token: str) -> bool:
    """True when ``token`` appears in ``text`` without a backslash before its first character."""
    return re.search(r"(?<!\\)" + re.escape(token), text) is not None


def test_md_escapes_what_would_make_an_image_link_or_tag() -> None:
    out = _md(HOSTILE)
    for token in ("![", "](", "<img", "*bold", "| a"):
        assert not unescaped(out, token), token
    # what a reader sees once Markdown drops the backslashes is the text as written
    assert re.sub(r"\\(.)", r"\1", out) == HOSTILE


def test_product_markdown_escapes_catalog_text() -> None:
    view = ProductView(id="m1", title="Mug ![t](https://t.example/a.png)", description=HOSTILE,
                       bullets=["[b](https://b.example)"], price=None, currency=None, url=None, catalog="c.jsonl",
                       brands=[AttributeFact("brand", "<b>Acme</b>", "catalog", "brand", 1.0)], categories=[],
                       attributes=[], relations=[], similar=[])
    text = product_markdown(view)
    assert not any(unescaped(text, t) for t in ("![", "](", "<img", "<b>"))
    assert text.startswith("### Mug \\!\\[t\\]\\(https://t.example/a.png\\)")


def test_drop_old_files_keeps_the_newest(tmp_path) -> None:
    import os

    from shopgraph.ui.app import _drop_old_files

    for i in range(5):
        f = tmp_path / f"results-{i}.csv"
        f.write_text("x")
        os.utime(f, ns=(i * 10**9, i * 10**9))
    _drop_old_files(tmp_path, 2)
    assert sorted(f.name for f in tmp_path.iterdir()) == ["results-3.csv", "results-4.csv"]
