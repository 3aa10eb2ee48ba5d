"""Question answering over the product graph: answers composed only from graph facts, with evidence.

    from shopgraph.qa import answer
    answer("black leather boots under $80 from Timberland", store="demo/graph.kuzu").as_dict()

For many questions open one Engine (models and lexicons load once) and call ``engine.answer``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shopgraph.qa.engine import Answer

__all__ = ["answer"]


def answer(question: str, *, product: str | None = None, store: str | None = None) -> Answer:
    """Answer one question from the store (path, URI or $SHOPGRAPH_STORE), opened read-only for the call."""
    from shopgraph.qa.engine import Engine

    with Engine.open(store) as engine:
        return engine.answer(question, product=product)
