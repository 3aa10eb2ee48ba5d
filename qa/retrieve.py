"""Structured retrieval: parameterised Cypher from shopgraph.kg.store.cypher_read, returning facts with their evidence.

Every Fact carries the query text and the parameters that found it, so an answer can show where each
statement came from. The question's text never becomes query text, only parameter values.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from shopgraph.kg.schema import PRODUCT, ProductRelation, Source
from shopgraph.kg.store import cypher_read as cr
from shopgraph.kg.store.protocol import GraphStore
from shopgraph.qa.rates import Rates
from shopgraph.qa.understand import CURRENCY_SYMBOLS, DEFAULT_CURRENCY, Constraints

logger = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class Fact:
    """One statement from the graph about a product, with the query that found it."""

    product_id: str
    attribute: str
    value: str
    source: str
    score: float
    cypher: str = ""
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def rescored(self, score: float) -> Fact:
        return Fact(self.product_id, self.attribute, self.value, self.source, score, self.cypher, self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"product_id": self.product_id, "attribute": self.attribute, "value": self.value,
                "source": self.source, "score": round(float(self.score), 4)}


@dataclass
class ProductHit:
    id: str
    title: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "score": round(float(self.score), 4)}


def format_price(price: float | None, currency: str | None = None) -> str:
    if price is None:
        return ""
    symbol = CURRENCY_SYMBOLS.get((currency or DEFAULT_CURRENCY).upper())
    amount = f"{price:,.0f}" if float(price).is_integer() else f"{price:,.2f}"
    return f"{symbol}{amount}" if symbol else f"{amount} {currency}"


@dataclass
class Card:
    """What answers need about a product: title and price."""

    id: str
    title: str
    price: float | None
    currency: str | None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])|\n+")


class Retriever:
    """Runs the QA read queries against a store and records which ones ran (for Answer.cypher)."""

    def __init__(self, store: GraphStore, rates: Rates | None = None) -> None:
        self.store = store
        self.rates = rates  # exchange rates the user gave: price bounds and price aggregates convert with them
        self.ran: list[str] = []
        self._cards: dict[str, Card | None] = {}  # cards looked up while answering one question
        self.keys: dict[tuple[str, str, str], str] = {}  # (product, attribute, value) → graph node key
        self._found_by: dict[str, tuple[str, dict[str, Any]]] = {}  # product → query that read its card
        self._texts: dict[str, dict[str, str]] = {}  # product → its text fields, read with its card

    def reset(self) -> None:
        self.ran = []
        self._cards = {}
        self.keys = {}
        self._found_by = {}
        self._texts = {}

    def run(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        if cypher not in self.ran:
            self.ran.append(cypher)
        return self.store.query(cypher, params)

    # ------------------------------------------------------------------ products

    def cards(self, ids: Sequence[str]) -> dict[str, Card]:
        """Title, price and brand of products (placeholders without a title are left out)."""
        for i in dict.fromkeys(ids):
            if i not in self._cards:
                self._details(i)
        return {i: card for i in ids if (card := self._cards.get(i)) is not None}

    def _details(self, pid: str) -> None:
        """Read a product's card and texts (one key lookup per id: fastest on Kùzu)."""
        rows = self.run(cr.PRODUCT_DETAILS, {"id": pid})
        r = rows[0] if rows else None
        self._cards[pid] = Card(pid, r["title"], r["price"], r["currency"]) if r and r["title"] else None
        self._found_by[pid] = (cr.PRODUCT_DETAILS, {"id": pid})
        if r:
            self._texts[pid] = {"bullets": "\n".join(r["bullets"] or []), "description": r["description"] or ""}

    def text_facts(self, pid: str) -> list[Fact]:
        """The sentences of a product's bullets and description, each a fact of its field (score 0)."""
        if pid not in self._texts:  # (a card a search made holds no text)
            self._details(pid)
        cypher, params = self._found_by.get(pid, (cr.PRODUCT_DETAILS, {"id": pid}))
        out = []
        for name, text in self._texts.get(pid, {}).items():
            for sentence in _SENTENCE_END.split(text):
                if sentence.strip():
                    out.append(Fact(pid, name, sentence.strip(), "text", 0.0, cypher, params))
        return out

    def product_facts(self, ids: Sequence[str], cards: Mapping[str, Card] | None = None) -> list[Fact]:
        """Every attribute value, brand, category and price of the products, score 0 (rankers set it)."""
        if not ids:
            return []
        facts = []
        cards = cards if cards is not None else self.cards(ids)
        for pid in ids:
            params = {"id": pid}
            # a fixed order (the store's row order can change when several questions run at once)
            rows = sorted(self.run(cr.QA_PRODUCT_FACTS, params),
                          key=lambda r: (r["attribute"] or "", str(r["value"]).casefold(), r["key"] or ""))
            for r in rows:
                if r["value"] is None:
                    continue
                facts.append(Fact(pid, r["attribute"], r["value"], r["source"] or Source.CATALOG.value, 0.0,
                                  cr.QA_PRODUCT_FACTS, params))
                self.keys[(pid, r["attribute"], r["value"])] = r["key"]
            card = cards.get(pid)
            if card is not None and card.price is not None:
                cypher, found = self._found_by.get(pid, (cr.PRODUCT_DETAILS, params))
                facts.append(Fact(pid, "price", format_price(card.price, card.currency), Source.CATALOG.value, 0.0,
                                  cypher, found))
        return facts

    def relations(self, pid: str) -> list[dict[str, Any]]:
        """Fit edges (compatible with, accessory for, replacement for) of one product, both directions."""
        return [r for r in self.run(cr.QA_FIT_RELATIONS, {"id": pid}) if r["title"]]

    def included(self, pid: str, *, within: bool = False) -> list[dict[str, Any]]:
        """The products one product includes (a bundle's machine and coffee), rows as relations() gives;
        ``within``: the products (bundles) that include it."""
        return [r for r in self.run(cr.QA_INCLUDED_IN if within else cr.QA_INCLUDED, {"id": pid}) if r["title"]]

    def bought_with(self, pid: str) -> list[dict[str, Any]]:
        """The products shoppers buy with one product (BOUGHT_TOGETHER either way), rows as relations() gives."""
        return [r for r in self.run(cr.QA_BOUGHT_WITH, {"id": pid}) if r["title"]]

    def similar_to(self, pid: str) -> list[dict[str, Any]]:
        """The products the catalog calls like one product (SIMILAR_TO either way), rows as relations() gives."""
        return [r for r in self.run(cr.QA_SIMILAR, {"id": pid}) if r["title"]]

    def relation_fact(self, pid: str, row: Mapping[str, Any], score: float) -> Fact:
        """A relation edge as a fact of the product it starts from."""
        attribute = row["type"].lower().replace("_", " ")
        query = cr.QA_FIT_RELATIONS
        if row["type"] == ProductRelation.INCLUDES.value:
            query = cr.QA_INCLUDED if row["direction"] == "out" else cr.QA_INCLUDED_IN
        elif row["type"] == ProductRelation.BOUGHT_TOGETHER.value:
            query = cr.QA_BOUGHT_WITH
        elif row["type"] == ProductRelation.SIMILAR_TO.value:
            query = cr.QA_SIMILAR
        if row["direction"] == "out":
            return Fact(pid, attribute, row["id"], row["source"] or "catalog", score, query, {"id": pid})
        return Fact(row["id"], attribute, pid, row["source"] or "catalog", score, query, {"id": pid})

    # ------------------------------------------------------------------ filtered product sets

    def converts(self, cons: Constraints, *, aggregate: bool = False) -> bool:
        """Whether prices in other currencies are converted into the constraints' currency: with rates that name it,
        for a price bound ("under $200") or a price aggregate (cheapest, average), not for "priced in EUR"."""
        priced = aggregate or cons.price_min is not None or cons.price_max is not None
        return priced and not cons.currency_only and self.rates is not None \
            and bool(self.rates.factors(cons.currency or DEFAULT_CURRENCY))

    def shape(self, cons: Constraints, ids: Sequence[str] | None = None, *, aggregate: bool = False,
              convert: bool = True) -> tuple[cr.FilterShape, dict[str, Any]]:
        params: dict[str, Any] = {}
        if ids is None:
            ids = cons.ids
        if ids is not None:
            params["ids"] = list(ids)
        if cons.brands:
            params["brands"] = [b.key for b in cons.brands]
        if cons.category_keys:
            params["categories"] = list(cons.category_keys)
        for n, group in enumerate(cons.values):
            params[f"values{n}"] = list(group.keys)
        if cons.price_min is not None:
            params["price_min"] = float(cons.price_min)
        if cons.price_max is not None:
            params["price_max"] = float(cons.price_max)
        rated = self.rates.factors(cons.currency or DEFAULT_CURRENCY) \
            if convert and self.rates is not None and self.converts(cons, aggregate=aggregate) else []
        for n, (currency, factor) in enumerate(rated):  # (every price converted into the shopper's currency)
            params[f"rate_currency{n}"], params[f"rate{n}"] = currency, factor
        if cons.currency is not None or rated:
            params["default_currency"] = DEFAULT_CURRENCY
        if cons.currency is not None and not rated:
            params["currency"] = cons.currency
        shape = cr.FilterShape(
            ids=ids is not None, brands=bool(cons.brands), categories=bool(cons.category_keys),
            values=len(cons.values), price_min=cons.price_min is not None, price_max=cons.price_max is not None,
            currency=cons.currency is not None and not rated, rated=len(rated),
        )
        return shape, params

    def price_currencies(self, cons: Constraints) -> list[dict[str, Any]]:
        """[{currency, products}] among the products meeting ``cons`` (its own currency filter left out)."""
        shape, params = self.shape(replace(cons, currency=None), convert=False)
        params["default_currency"] = DEFAULT_CURRENCY
        return self.run(cr.qa_price_currencies(shape), params)

    def search(self, cons: Constraints, *, ids: Sequence[str] | None = None, limit: int = 200,
               aggregate: bool = False) -> dict[str, Card]:
        """Products meeting every constraint (at most ``limit``), in the order the store returned them; ``aggregate``:
        those a price aggregate counted (every currency converted, with rates)."""
        shape, params = self.shape(cons, ids, aggregate=aggregate)
        params["limit"] = int(limit)
        cards: dict[str, Card] = {}
        cypher = cr.qa_search(shape)
        for r in self.run(cypher, params):
            if r["id"] not in cards:
                cards[r["id"]] = Card(r["id"], r["title"], r["price"], r["currency"])
                self._found_by.setdefault(r["id"], (cypher, params))
        for pid, card in cards.items():
            self._cards.setdefault(pid, card)
        if cons.not_brands and cards:  # "not from ikea": the brand's own products found by the same search go
            theirs = self.search(replace(cons, brands=cons.not_brands, not_brands=[]), ids=ids, limit=max(limit, 500))
            # (a listing without a brand fact whose title opens with the brand or says "by" it is the brand's too)
            named = [re.compile(rf"^{re.escape(b.name)}\b|\bby {re.escape(b.name)}\b", re.IGNORECASE)
                     for b in cons.not_brands]
            cards = {pid: c for pid, c in cards.items()
                     if pid not in theirs and not any(n.search(c.title or "") for n in named)}
        return cards

    def matched_facts(self, card: Card, cons: Constraints, score: float) -> list[Fact]:
        """The facts of one product that meet the constraints (brand, category, values, price)."""
        wanted = {b.key for b in cons.brands} | set(cons.category_keys) | {k for g in cons.values for k in g.keys}
        facts = [f.rescored(score) for f in self.product_facts([card.id], {card.id: card})
                 if self.keys.get((card.id, f.attribute, f.value)) in wanted
                 or (f.attribute == "price" and (cons.price_min is not None or cons.price_max is not None))]
        return list(dict.fromkeys(facts))

    def count(self, cons: Constraints) -> tuple[int, str, dict[str, Any]]:
        shape, params = self.shape(cons)
        cypher = cr.qa_count(shape)
        rows = self.run(cypher, params)
        total = int(rows[0]["products"]) if rows else 0
        if cons.not_brands:  # "how many bookcases not from ikea"
            total -= self.count(replace(cons, brands=cons.not_brands, not_brands=[]))[0]
        return total, cypher, params

    def group_brands(self, cons: Constraints) -> tuple[list[dict[str, Any]], str, dict[str, Any]]:
        shape, params = self.shape(cons)
        cypher = cr.qa_group_brands(shape)
        return self.run(cypher, params), cypher, params

    def group_values(self, cons: Constraints, attributes: Sequence[str]) -> tuple[list[dict[str, Any]], str, dict[str, Any]]:
        shape, params = self.shape(cons)
        params["attributes"] = list(attributes)
        cypher = cr.qa_group_values(shape)
        return self.run(cypher, params), cypher, params

    def price_order(self, cons: Constraints, *, descending: bool, limit: int = 5
                    ) -> tuple[list[dict[str, Any]], str, dict[str, Any]]:
        shape, params = self.shape(cons, aggregate=True)
        params["limit"] = int(limit)
        cypher = cr.qa_price_order(shape, descending)
        return self.run(cypher, params), cypher, params

    def price_stats(self, cons: Constraints) -> tuple[dict[str, Any], str, dict[str, Any]]:
        shape, params = self.shape(cons, aggregate=True)
        cypher = cr.qa_price_stats(shape)
        rows = self.run(cypher, params)
        return (rows[0] if rows else {}), cypher, params

    # ------------------------------------------------------------------ free text

    def fulltext(self, text: str, k: int) -> list[tuple[str, float]]:
        if not text.strip():
            return []
        return self.store.fulltext(PRODUCT, text, k)
