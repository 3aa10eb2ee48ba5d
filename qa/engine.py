"""The question-answering engine: understand → retrieve → rank → compose, all from graph facts.

    engine = Engine.open("demo/graph.kuzu")
    answer = engine.answer("what is it made of?", product="case-spigen-13")
    answer.as_dict()  # {"question", "intent", "answer", "facts", "products", "cypher"}

Intents: attribute, search, compatibility, comparison, aggregate, and unanswerable (the text says
"I don't know" and lists the closest facts). A user-supplied ``generator`` may rephrase the composed
answer from the facts; it is never required, and the template text is kept when it returns nothing.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from shopgraph.extraction.relations import LINE_WORDS
from shopgraph.kg.errors import ConfigError, QueryError
from shopgraph.kg.normalize import UNITS, normalize_value
from shopgraph.kg.schema import ProductRelation
from shopgraph.kg.store import cypher_read as cr
from shopgraph.kg.store.protocol import GraphStore
from shopgraph.qa import compose
from shopgraph.qa.intent import SURE, QuestionModel
from shopgraph.qa.rank import LearnedRanker, fact_text
from shopgraph.qa.rates import Rates
from shopgraph.qa.retrieve import Card, Fact, ProductHit, Retriever, format_price
from shopgraph.qa.spelling import english_frequency
from shopgraph.qa.understand import (
    AMOUNT_IN_TEXT,
    ATTRIBUTE_CUES,
    COMPARATIVE_OF,
    COMPARATIVES,
    DEFAULT_CURRENCY,
    EVERYDAY_WORD,
    FOR_CLAUSE,
    FOR_THAT_ONE,
    FULL_NAME,
    GOES_WITH,
    HAS_THING,
    HOW_MANY_OF,
    PER_UNIT_WORDS,
    PRONOUNS,
    PUT_TOGETHER,
    SHOWN,
    STOPWORDS,
    UNIT_FACTORS,
    VARIANT_ATTRIBUTES,
    WHAT_ABOUT,
    WHOEVER,
    Constraints,
    Lexicon,
    Link,
    Parse,
    Understander,
    amounts_apart,
    amounts_said,
    base_quantity,
    category_halves,
    extends_line,
    half_said,
    is_measure,
    is_shade,
    line_words,
    meets_measure,
    pack_counts,
    purpose_words,
    singular,
    title_parts,
    title_words,
    tokens,
)

logger = logging.getLogger(__name__)

__all__ = ["Answer", "Engine", "Fact", "ProductHit"]

MAX_PRICES_SAID = 3  # "which is cheaper" of this many products or fewer: each one's price
ANSWER_THRESHOLD = 0.5  # a ranked fact must score at least this to answer an attribute question
MAX_LISTED = 20  # products a search answer returns (its text names the first five)
RANKER_ALONE = 0.95  # off a product's page, the ranker's score answers without a rule match only above this
PAGE_YES_NO_ALONE = 0.9  # on a page, a yes/no question naming no attribute: the ranker alone answers from this,
# below it only when the reader picks the same attribute ("does it have a touchscreen?": not its brand at 0.84)
Generator = Callable[[str, list[Fact], str], str]


@dataclass
class Answer:
    question: str
    intent: str
    answer: str
    facts: list[Fact]
    products: list[ProductHit]
    cypher: list[str]
    focus: str | None = field(default=None, repr=False)  # the product the answer is about, for follow-ups
    searched: Constraints | None = field(default=None, repr=False)  # a search's constraints, for "in size 9?"
    # the attributes a question asked that the product in focus lacks ("how many watts is that?" of a phone), so
    # a conversation may ask it of another product it has talked about (qa.conversation)
    lacking: tuple[str, ...] = field(default=(), repr=False)
    asked: tuple[str, ...] = field(default=(), repr=False)  # the attributes the question asked, best first
    # a list of what relates to one product ("what coffee do people buy with the dedica"), as a question of "it", so
    # "what about the black dedica?" asks it again of that product
    relisted: str = field(default="", repr=False)
    relation: str = field(default="", repr=False)  # which list it was: bought, out (included), in, fits, targets;
    # checked: whether two fit, unknown

    @property
    def best_fact(self) -> Fact | None:
        """The fact that answers best (of the attributes asked, the first of the best scored): what "and the other
        one?" asks again."""
        answering = [f for f in self.facts if f.attribute in self.asked] or self.facts
        return max(answering, key=lambda f: f.score) if answering else None

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract of `shopgraph ask --json`; facts best first."""
        facts = sorted(self.facts, key=lambda f: -f.score)
        return {
            "question": self.question,
            "intent": self.intent,
            "answer": self.answer,
            "facts": [f.as_dict() for f in facts],
            "products": [p.as_dict() for p in self.products],
            "cypher": list(self.cypher),
        }


class Engine:
    """Answers shoppers' questions from one graph store; models are loaded once, here."""

    def __init__(self, store: GraphStore, *, ranker_dir: Path | None = None, tagger_dir: Path | None = None,
                 reader_dir: Path | None = None, embed: bool | None = None, generator: Generator | None = None,
                 rates: Rates | None = None) -> None:
        self.store = store
        self.rates = rates  # exchange rates the user gave (qa.rates); without them currencies are never mixed
        self.lexicon = Lexicon.load(store)
        self._local = threading.local()  # one Retriever per thread: it keeps one question's state
        from shopgraph.extraction.embed import Embedder

        self.generator = generator
        sentence = Embedder.load()  # the packaged MiniLM: the ranker's vectors and vector search share it
        # the fact ranker that ships (qa/models/ranker), or ``ranker_dir``
        self.ranker = LearnedRanker.load(ranker_dir, embedder=sentence)
        # the question reader that ships (qa/models/intent), or ``reader_dir``: intent and asked attribute
        self.reader = QuestionModel.load(reader_dir, embedder=sentence)
        self._uncategorized: frozenset[str] | None = None  # read on the first search for a kind
        self._attribute_names = sorted({*self.lexicon.attributes.values(), "brand", "category", "price"})
        self.embedder: Any = None  # question embeddings, when the graph has product embeddings (None: auto)
        if embed is not False:
            if self._has_vectors():
                self.embedder = sentence
            elif embed:
                raise ConfigError("the graph has no product embeddings; rebuild it with `shopgraph build --embed` "
                                  "or leave vector search off")
        tagger = self._load_tagger(tagger_dir) if tagger_dir is not None else None
        self.understander = Understander(store, self.lexicon, tagger=tagger, reader=self.reader.read)

    @classmethod
    def open(cls, store: str | None = None, **kw: Any) -> Engine:
        """Open a store read-only (path, bolt:// URI, or $SHOPGRAPH_STORE) and an engine over it."""
        from shopgraph.kg.store import open_store

        handle = open_store(store, read_only=True)
        try:
            return cls(handle, **kw)
        except BaseException:
            handle.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def retriever(self) -> Retriever:
        """This thread's Retriever: an app answers several questions at once on one Engine, and the
        Retriever records the queries, cards and keys of the question it is answering."""
        retriever = getattr(self._local, "retriever", None)
        if retriever is None:
            retriever = self._local.retriever = Retriever(self.store, self.rates)
        return retriever

    # ------------------------------------------------------------------ optional models

    def _has_vectors(self) -> bool:
        from shopgraph.kg.schema import EMBED_DIM, PRODUCT

        try:
            self.store.nearest(PRODUCT, [0.0] * (EMBED_DIM - 1) + [1.0], 1)
        except QueryError:
            return False
        return True

    def _nearest(self, text: str, k: int) -> list[tuple[str, float]]:
        from shopgraph.kg.schema import PRODUCT

        vector = self.embedder.encode([text])[0]
        return self.store.nearest(PRODUCT, vector, k)

    @staticmethod
    def _load_tagger(tagger_dir: Path) -> Callable[[str], list[tuple[str, str]]]:
        """The attribute tagger from extraction/, as (attribute, text) spans of a question."""
        from shopgraph.extraction.tagger import AttributeTagger

        tagger = AttributeTagger.load(tagger_dir)

        def tag(text: str) -> list[tuple[str, str]]:
            return [(v.attribute, v.value) for v in tagger.extract_fields([("", {"title": text})])[0]]

        return tag

    # ------------------------------------------------------------------ answering

    def answer(self, question: str, *, product: str | None = None, context: str | None = None,
               within: Sequence[str] | None = None, searched: Constraints | None = None,
               asked_before: str | None = None) -> Answer:
        """Answer one question. ``product``: the id of the product the shopper asks on (its page, `ask
        --product`); a question that names nothing else is about it. ``context``: the product an earlier
        turn of a conversation was about, for "it" and "this one"; ``within``: the products an earlier turn
        listed, for "which of them" and "do they come in black?" (qa.conversation); ``searched``: the constraints
        of the last search, which "what about in size 9?" or "and under $50?" changes; ``asked_before``: the
        attribute the last answer gave, for "is there a bigger one?" after "how much storage?"."""
        pinned = product is not None
        product = product or context
        self.retriever.reset()
        focus_title = None
        if product:
            card = self.retriever.cards([product]).get(product)
            if card is None:
                product = None  # unknown id: answer as if no product were in focus
            else:
                focus_title = card.title
        parse = self.understander.parse(question, focus=product, focus_title=focus_title, pinned=pinned and bool(product),
                                        within=within, searched=searched, asked_before=asked_before)
        handler = {
            "attribute": self._attribute,
            "search": self._search,
            "compatibility": self._compatibility,
            "comparison": self._comparison,
            "aggregate": self._aggregate,
        }.get(parse.intent, self._unanswerable)
        # the set an aggregate is over, as said, for a later turn to refine: its handler may narrow it to ids ("cheap
        # wireless earbuds": the titles that say the kind, which leave the kind; the cheapest of a kind some listings
        # lack), but not where it read a model by its titles ("cheapest iphone")
        over = _as_searched(parse.constraints) if parse.intent == "aggregate" and not parse.constraints.ids else None
        models = over is not None and any("model" in g.attribute for g in over.values)
        answer = (self._per_unit(parse) if parse.per_unit else None) or self._held_in_all(parse) or handler(parse)
        if answer.intent == parse.intent == "aggregate" and over is not None \
                and (over.words and parse.constraints.ids or not over.empty() and not models):
            answer.searched = over
        elif answer.intent in ("search", "unanswerable") and parse.intent == "search" and parse.beyond is None \
                and not parse.constraints.empty():
            # a free search's closest products are no search to refine; one that found nothing is ("what about size
            # 9?" after none in size 8), and so is the set an aggregate was over ("and the heaviest?" after "the
            # lightest laptop": of the laptops, not of the lightest ten it listed; "which of them is the cheapest?"
            # after the average price of office chairs)
            answer.searched = parse.constraints
        self._money_notes(parse, answer)
        converted = _in_unit(parse.text, str(answer.facts[0].value), _fluid(answer.facts[0].attribute)) \
            if answer.intent == "attribute" and answer.facts else ""
        if converted:  # "… in pounds": the value in that unit too, "weighs 1.86kg (4.1 lb)." (after the value, where the
            # answer goes on: "… Another listing of the model has …")
            value = str(answer.facts[0].value)
            # (the value as the answer says it after the product's title: "… Medium Roast, 1 kg weighs 1 kg (2.2 lb).")
            title = next((p.title for p in answer.products[:1] if p.title and p.title in answer.answer), "")
            at = answer.answer.find(value, answer.answer.find(title) + len(title) if title else 0)
            end = at + len(value) + answer.answer.startswith("\u201d", at + len(value))  # (after a quote: “60 Inch wide”)
            text = answer.answer[:end] if at >= 0 else answer.answer.rstrip(".")
            answer.answer = f"{text} ({converted}){answer.answer[len(text):]}"
        answer.cypher = list(self.retriever.ran)
        answer.asked = tuple(parse.attributes)
        answer.question = question  # as asked; the parse read the corrected text
        if parse.corrections:
            said = ", ".join(f'"{a}" as "{b}"' for a, b in parse.corrections)
            answer.answer = f"(Reading {said}.) {answer.answer}"
        longer = self.understander.longer_model(parse.text, parse.products[0].key) \
            if answer.intent == "attribute" and len(parse.products) == 1 and not parse.pinned else ""
        if longer:  # "iphone 15 price" with only the iPhone 15 Pro listed: say so, not as if it were the one asked
            answer.answer = f"(No listing is the “{longer}” itself; this is the nearest, a longer model of its line.) " \
                            f"{answer.answer}"
        if parse.read_as:  # (nothing read: no note of an empty reading)
            answer.answer = f'(Read as "{parse.read_as}".) {answer.answer}'
        # best first; ties in a fixed order (the answer's products first, then by name), never the store's
        rank = {p.id: i for i, p in enumerate(answer.products)}
        answer.facts.sort(key=lambda f: (-f.score, rank.get(f.product_id, len(rank)), f.product_id or "",
                                         f.attribute, str(f.value)))
        if self.generator is not None and answer.facts and answer.intent != "unanswerable":
            rewritten = self.generator(question, list(answer.facts), answer.answer)
            if rewritten and rewritten.strip():
                answer.answer = rewritten.strip()
        return answer

    def _money_notes(self, parse: Parse, answer: Answer) -> None:
        """What an answer says of currencies: a price asked "in euros" of a listing priced otherwise, converted at
        the user's rates or said to need them; a search whose budget took in prices in other currencies, converted."""
        best, into = answer.best_fact, parse.in_currency
        if into and answer.intent == "attribute" and best is not None and best.attribute == "price":
            card = self.retriever.cards([best.product_id]).get(best.product_id) if best.product_id else None
            held = (card.currency or DEFAULT_CURRENCY) if card is not None else into
            if card is None or card.price is None or held == into:
                return
            if self.rates is None:
                answer.answer += f" I have no exchange rates to give it in {into}."
            elif (amount := self.rates.convert(card.price, held, into)) is None:
                answer.answer += f" I have no exchange rate from {self.rates.lacking(held, into)} to give it in {into}."
            else:
                answer.answer += f" That is about {format_price(round(amount, 2), into)} ({self.rates.how})."
        elif answer.intent in ("search", "aggregate", "compatibility") and self.rates is not None \
                and self.retriever.converts(parse.constraints) and self.rates.converted not in answer.answer:
            # (a budget that took in other currencies: a list, a count, the brands; said once)
            into = parse.constraints.currency or DEFAULT_CURRENCY
            cards = self.retriever.cards([p.id for p in answer.products[:SHOWN]])
            if any((c.currency or DEFAULT_CURRENCY) != into for c in cards.values() if c.price is not None) \
                    or answer.intent == "aggregate" and not answer.products:
                answer.answer += self.rates.converted

    def _result(self, parse: Parse, intent: str, text: str, facts: Sequence[Fact], products: Sequence[ProductHit],
                focus: str | None = None) -> Answer:
        return Answer(parse.text, intent, text, list(facts), list(products), [], focus)

    # ------------------------------------------------------------------ attribute

    def _score_facts(self, parse: Parse, facts: Sequence[Fact], asked: Sequence[str], *,
                     pinned: bool = False) -> list[Fact]:
        """Rule score for facts of an asked attribute; the shipped ranker's for the rest. "How many …?" asking
        no attribute ("how many shelves does it have?") is a count: only facts with a number, and no kind, maker or
        price, may answer it (on a product's page the ranker, trained on such questions, weighs every fact: "how many
        inches does the wig fall below the shoulders?" is its hair type, long)."""
        question = parse.text
        if not asked and not pinned and parse.counts:
            facts = [f for f in facts if f.attribute not in _EVERY_PRODUCTS and any(c.isdigit() for c in str(f.value))]
        said = set(tokens(_COLOUR.sub("color", question))) - STOPWORDS  # ("colour" asks the "color" name)
        if _ASKS_A_NUMBER.search(question):  # "how many batteries?", "does it have multiple batteries?"
            said |= {"number", "count"}
        words = {a: set(tokens(a)) - STOPWORDS for a in {*asked, *(f.attribute for f in facts)}}
        # a longer name that holds an asked one and more of the question's words is asked first: "what
        # material is the sole made of?" asks the sole material, "how many batteries?" the number of batteries;
        # then the names that hold more of the question's words, in the order asked
        wider = sorted(n for n in {f.attribute for f in facts}
                       if any(words[a] and words[a] < words[n] and words[n] - words[a] <= said for a in asked))
        # (on a product's page, of names asked alike, the one whose value says more of the question's words: "what
        # color are the lenses?" is the lens's "color gray", not the frame's colour)
        beyond = {a: max((len(said & set(tokens(str(f.value))) - words[a]) for f in facts if f.attribute == a),
                         default=0) if pinned else 0 for a in {*asked, *wider}}
        asked = sorted(dict.fromkeys([*asked, *wider]), key=lambda a: (-len(words[a] & said), -beyond[a]))
        asked_toks = [words[a] for a in asked]
        rule = []
        for f in facts:
            s = 0.0
            if f.attribute in asked:
                s = 1.0 - 0.02 * asked.index(f.attribute)
            elif any(a and a <= words[f.attribute] and a & said for a in asked_toks):
                s = 0.8  # a wider name holding a name asked in the question's own words ("storage" of "storage
                # capacity"), not one a cue only stands for ("memory" asks "capacity": not a desk's weight capacity)
            rule.append(s)
        texts = [fact_text(f.attribute, f.value) for f in facts]
        if (not pinned or asked[:1] == ["price"]) and asked and not any(rule):  # (an unpriced listing's page too)
            # an attribute is asked and no fact has it: nothing may answer, the scores only order the closest
            # facts shown with "I don't know" (shared words do that without running the encoder: 30 ms a product)
            said_words = set(tokens(question))
            return [f.rescored(0.45 * len(said_words & set(tokens(t))) / max(1, len(set(tokens(t)))))
                    for f, t in zip(facts, texts)]
        learned = self.ranker.score(question, texts)
        if pinned and any(rule):
            # on a product's page the ranker's first fact answers instead of the asked attribute's when it holds more
            # of the question's words than any fact of that attribute ("what color are the lenses?": lens, color
            # gray, not the frame's colour; "is the collar a deep v-neck?": collar style, not neck)
            cover = [len(said & set(tokens(t))) for t in texts]
            top = max(range(len(facts)), key=learned.__getitem__)
            # (never the product's kind or maker, which "this case" or "this sony" only points at)
            if not rule[top] and cover[top] > max(c for c, r in zip(cover, rule) if r) \
                    and facts[top].attribute not in ("category", "brand"):
                rule = [min(r, 0.99) for r in rule]
                learned[top] = 1.0
        if not pinned:
            # Off a product's page, the ranker's score alone answers only when it is near certain: its
            # scores are cosines through a sigmoid, and "who won the world cup?" scores 0.59 against a
            # boot's colour, "what is the warranty?" 0.80 against its material. And when the question
            # names an attribute the product lacks ("the warranty of the iPhone 13"), a similar fact is
            # shown as the closest one, never given as the answer. On a product's page (semiPQA) shoppers
            # name attributes in their own words ("how heavy" for item_weight) and the cue words miss
            # them, so there the ranker answers at 0.5 (semiPQA dev P@1: 92.3 % so, 91.0 % capped).
            strict = 2.0 if asked and not any(rule) else RANKER_ALONE
            # (the maker answers only when asked, by a cue word or the reader: "whats the output of the belkin" shares
            # the name's word with "brand: Belkin" and asks nothing of it)
            # (nor any fact alone that shares no word with the question: "is the keyboard backlit" is not its screen)
            said_words = set(tokens(question)) - STOPWORDS
            learned = [x if x >= strict and (f.attribute != "brand" or "brand" in asked)
                       and (asked or said_words & set(tokens(t))) else min(x, 0.45)
                       for x, f, t in zip(learned, facts, texts)]
            if any(rule):  # a fact of the attribute asked comes before one the ranker likes for a word the
                # question shares with its value ("what colours does the sony … come in?": not brand Sony)
                learned = [x if r else min(x, 0.79) for x, r in zip(learned, rule)]
        return [f.rescored(max(r, l) if r else l) for f, r, l in zip(facts, rule, learned)]

    def _attribute(self, parse: Parse) -> Answer:
        asked_of = parse.products[0].key if parse.products else ""
        answer = self._attribute_of(parse)
        if parse.in_currency and answer.focus and answer.focus != asked_of and _IS_IT_PRICED.search(parse.text) \
                and (card := self.retriever.cards([asked_of]).get(asked_of)) is not None and card.price is not None \
                and card.currency != parse.in_currency:
            # "is the iphone in that list priced in dollars": no, in euros; the listing of its model priced so after
            answer.answer = f"No: {compose.the(card.title)} is priced in {card.currency} " \
                            f"({format_price(card.price, card.currency)}). {answer.answer}"
        return answer

    def _attribute_of(self, parse: Parse) -> Answer:
        target = parse.products[0]
        cards = self.retriever.cards([target.key])
        card = cards.get(target.key)
        if card is None:
            return self._unanswerable(parse)
        if parse.in_currency and card.currency != parse.in_currency:  # "price in dollars?" of a listing in euros
            links = self.understander.model_listings(card.id, card.title)
            priced = [c for c in self.retriever.cards([link.key for link in links]).values()
                      if c.currency == parse.in_currency and c.price is not None]
            gender = _genders(self.retriever.product_facts([card.id], cards), card.title)
            # (the women's UGG asked "in dollars" is not the men's listing priced so)
            priced = [c for c in priced if not _for_others(gender, self.retriever.product_facts([c.id]), c.title)]
            if priced:
                card = min(priced, key=lambda c: (c.price or 0.0, c.id))
                cards = {card.id: card}
                parse.products = [Link("product", card.id, card.title, score=1.0)]
        facts = self.retriever.product_facts([card.id], cards)
        hit = [ProductHit(card.id, card.title, 1.0)]
        if parse.summary:  # "tell me about …": the product's facts, what it is first
            shown = sorted(facts, key=lambda f: (f.attribute not in ("category", "brand", "price"), f.attribute))
            return self._result(parse, "attribute", compose.summary_answer(card, shown),
                                [f.rescored(1.0) for f in shown[:9]], hit, card.id)
        if not parse.attributes and not parse.checks and not parse.pinned and not parse.yes_no \
                and (parts := _parts_titled(parse.text, card)) is not None:
            # "how many shelves does the sauder bookcase have": "Sauder Beginnings 5-Shelf Bookcase"
            fact = Fact(card.id, parts[0], parts[1], "title", 1.0, cr.PRODUCT_CARDS, {"id": card.id})
            return self._result(parse, "attribute", compose.parts_in_title(card.title, *parts), [fact], hit, card.id)
        if not parse.attributes and not parse.checks and not parse.pinned and not parse.yes_no:
            if parse.told and (said := self._from_text(parse, card)) is not None:
                return said  # "how should i store it": "Store in a cool, dry place." (not its storage)
            self._read_attribute(parse, {f.attribute for f in facts})
        ranked: list[Fact] = []  # the facts scored once (a check on a product's page needs them first)
        if parse.checks:
            keys = {c.key for c in parse.checks}
            wanted_attrs = {c.attribute for c in parse.checks}
            found = [f.rescored(1.0) for f in facts if self.retriever.keys.get((card.id, f.attribute, f.value)) in keys]
            others = [f.rescored(0.9) for f in facts if f.attribute in wanted_attrs and f not in found]
            if parse.pinned and (found or others):
                # on a product's page the ranker weighs the words the check read against every fact ("does
                # this coffee contain caffeine?" is its caffeine content, not "coffee" in its ingredients)
                ranked = self._score_facts(parse, facts, parse.attributes, pinned=True)
                top = max(ranked, key=lambda f: f.score)
                def led(group: list[Fact]) -> list[Fact]:  # the ranker's pick first, or nothing
                    same = [f for f in group if (f.attribute, f.value) == (top.attribute, top.value)]
                    return same + [f for f in group if f not in same] if same else []
                found, others = led(found), ([] if found else led(others))
            listings: list[tuple[Card, list[Fact]]] = []
            if not found and not parse.pinned:  # "does it come in red?": another listing of the model may be
                if not parse.variants and parse.context == card.id:
                    parse.variants = self.understander.model_listings(card.id, card.title)
                listings = list(self._other_listings(card, facts, parse.variants))
                gender = _genders(facts, card.title)
                if not wanted_attrs & {"gender", "target gender"} and not _ANY_GENDER.search(parse.text):
                    # ("does it come in size 7" of the women's shoe: not the men's listing in size 7)
                    listings = [(o, fs) for o, fs in listings if not _for_others(gender, fs, o.title)]
                elsewhere = [(other, there) for other, other_facts in listings
                             if (there := [f.rescored(1.0) for f in other_facts
                                           if self.retriever.keys.get((other.id, f.attribute, f.value)) in keys])]
                if not elsewhere and not _title_says(card.title, parse.checks):
                    # "got it in size 11?": a listing whose title says it ("… - US 11") and no fact does
                    elsewhere = [(other, [Fact(other.id, check.attribute, check.name.removeprefix(f"{check.attribute} "),
                                               "title", 1.0, cr.PRODUCT_CARDS, {"id": other.id})])
                                 for other, _ in listings if (check := _title_says(other.title, parse.checks))]
                if elsewhere:
                    text = compose.check_other_listing(card.title, [c.title for c, _ in elsewhere], elsewhere[0][1])
                    return self._result(parse, "attribute", text, [f for _, fs in elsewhere for f in fs] + others,
                                        [ProductHit(c.id, c.title, 1.0) for c, _ in elsewhere],  # those that have it
                                        elsewhere[0][0].id)
            if found and not parse.pinned and wanted_attrs & VARIANT_ATTRIBUTES:
                # "is there one with 512gb?" of a model with several listings: each listing that has it
                if not parse.variants and parse.context == card.id:
                    parse.variants = self.understander.model_listings(card.id, card.title)
                also = [(other, there) for other, other_facts in self._other_listings(card, facts, parse.variants)
                        if self.understander.same_model(card.title, other.title)
                        and (there := [f.rescored(0.9) for f in other_facts
                                       if self.retriever.keys.get((other.id, f.attribute, f.value)) in keys])]
                if also:  # a list of the listings that have it: "the cheaper of the two?" picks among them
                    text = compose.check_answer(card.title, "", found, []) + compose.so_are([c for c, _ in also])
                    return self._result(parse, "search", text, [*found, *(f for _, fs in also for f in fs)],
                                        [*hit, *(ProductHit(c.id, c.title, 0.9) for c, _ in also)], card.id)
            if found or others:
                label = compose.join(sorted({c.name for c in parse.checks}), "or")
                text = compose.check_answer(card.title, label, found, others)
                if _EITHER_OR.match(parse.text):  # "is it rubber or plastic?": which it is, no yes or no
                    told = found or others
                    text = compose.attribute_answer(card.title, told[0].attribute,
                                                    compose.unique(f.value for f in told if f.attribute == told[0].attribute))
                shade = next(((f, c.name) for f in others if f.attribute in ("color", "colour") for c in parse.checks
                              if is_shade(f.value, c.name)), None)
                if not found and shade is not None:  # "does the merrell come in brown": Walnut is a brown
                    found = [shade[0].rescored(1.0)]
                    text = compose.shade_of(card.title, shade[0].value, shade[1])
                elif not found and wanted_attrs <= VARIANT_ATTRIBUTES and (told := compose.distinct_values(
                        f.value for f in [*others, *(f for _, fs in listings for f in fs if f.attribute in wanted_attrs)])) \
                        and len(told) > 1:
                    # "is there a 1tb version" of the 512 GB iPhone 15 Pro: no, and what its model's listings come in
                    text += " " + compose.listings_come_in(others[0].attribute, told)
                chosen = found or others
                rest = [f.rescored(min(f.score, 0.99)) for f in chosen[1:]]
                return self._result(parse, "attribute", text, [chosen[0].rescored(1.0), *rest], hit, card.id)
        if parse.yes_no and not parse.attributes and not parse.pinned:  # (on a page the ranker answers: semiPQA)
            # "does the Dell XPS 15 have a touchscreen?": no cue names it (a value would be a check); the title or
            # text may say it ("does it have 5g": "Nokia G42 5G"), or the reader name a fact the product has ("is it
            # heavy?" is its weight)
            said = self._title_says_it(parse, card) or self._from_text(parse, card)
            if said is not None:
                return said
            # (a thing no attribute's name says, "a headphone jack", is not what the reader reads nearest: its type)
            if parse.thing or not self._read_attribute(parse, {f.attribute for f in facts}, only_its_own=True) \
                    or self._kind_unsaid(parse, facts, card):
                return self._not_said(parse, card, facts, hit)
        if parse.yes_no and parse.attributes and not parse.checks and not parse.pinned and not parse.read_by_model \
                and (unsaid := self._kind_unsaid(parse, facts, card)):
            # "is the screen oled": its screen size says nothing of it; its title or text may ("is the screen glossy")
            # (a sentence must say the rare word itself, not only the attribute's: "is the battery removable"; "a touch
            # screen": not "a 15.6-inch screen")
            text_said = self._from_text(parse, card, ())
            if text_said is not None and not any(unsaid & _word_forms(f.value) for f in text_said.facts):
                text_said = None
            return self._title_says_it(parse, card) or text_said or self._not_said(parse, card, facts, hit)
        if parse.pinned and parse.checks and parse.yes_no and not ranked \
                and (titled := self._title_says_it(parse, card)) is not None:
            return titled  # "does it have noise cancelling" on the page of headphones no fact says it of: their title
        scored = ranked or self._score_facts(parse, facts, parse.attributes, pinned=parse.pinned)
        scored.sort(key=lambda f: -f.score)
        if parse.yes_no and parse.pinned and not parse.attributes and scored \
                and ANSWER_THRESHOLD <= scored[0].score < PAGE_YES_NO_ALONE \
                and self.reader.read(parse.text, sorted({f.attribute for f in facts})).attribute != scored[0].attribute:
            said = self._from_text(parse, card)
            if said is not None:
                return said
            return self._dont_know(parse, scored[:3], {card.id: card.title}, hit, f" whether "
                                   f"{compose.the(card.title)} has that: the catalog does not say", focus=card.id)
        first = parse.attributes[0] if parse.attributes else None
        # the listing lacks the attribute named first, under its name or a longer one that holds it ("battery":
        # battery capacity), not under another ("battery capacity": not storage)
        # (one cue's names are one thing: "how many watts" asks power, wattage or output power, and a listing with a
        # wattage has it)
        cue = next((attrs for _, attrs in ATTRIBUTE_CUES if first in attrs), (first,)) if first else ()
        lacks_first = first is not None and not any(set(tokens(name)) <= set(tokens(f.attribute))
                                                     for name in cue if name in parse.attributes for f in facts)
        lacking = not scored or scored[0].score < ANSWER_THRESHOLD or lacks_first
        if lacking and not parse.variants and parse.context == card.id:  # "it": the model in focus, looked up now
            parse.variants = self.understander.model_listings(card.id, card.title)
        if parse.variants and lacking and not (parse.picked and first in ("price", *VARIANT_ATTRIBUTES)):
            # the listing lacks the answer, or the attribute named first: another listing of the model may
            # have it, under any of the names the question's words stand for ("watts": power or wattage); not
            # the price or colour of the one listing the shopper picked ("the blue one price"); of the listing in focus
            # ("that pair", not a model named), its own title or text first ("Weighs about 261g per shoe" of the US 12
            # Wide, not the US 11.5's 9.2 oz)
            own = self._from_title(parse, card) or self._from_text(parse, card) \
                if (parse.context == card.id or parse.in_currency) and (not scored or scored[0].score < ANSWER_THRESHOLD) \
                else None  # (also of the listing named by its currency: "ikea markus priced in euros - how wide")
            if own is not None:
                return own
            across = self._across_listings(parse, card, facts, only=set(parse.attributes) & {first, *cue} if lacks_first else None)
            if across is not None:
                return across
        if lacks_first and parse.yes_no and scored and scored[0].attribute not in cue \
                and (said := self._from_text(parse, card, [a for a in parse.attributes if a == first or a in cue])):
            return said  # "is this flat pack or does it arrive built": "Assembly required; tools included"
        if lacks_first and not parse.yes_no and scored and scored[0].attribute not in cue:
            # "what does this laptop weigh" of a listing with no weight fact: its text may say it ("Weighs just 3
            # pounds"); the price the ranker put first for "how much … weigh" does not answer
            its_names = [a for a in parse.attributes if a == first or a in cue]  # ("screen resolution": not the screen)
            said = self._from_title(parse, card) or self._from_text(parse, card, its_names)
            if said is not None:
                return said
            cue_words = {t for a in cue for t in tokens(a)}
            named = cue_words & set(tokens(parse.text.casefold()))  # ("battery hours on these?" says "battery")
            if (not parse.pinned or named and scored[0].score < RANKER_ALONE
                    and not any(set(tokens(f.attribute)) & named for f in facts)) \
                    and not set(tokens(scored[0].attribute)) & cue_words:
                # "whats the screen resolution on the dell xps 13": not its screen size; on a page, where the ranker
                # reads what a question's words stand for, a word of the attribute said that none of its facts has,
                # unless the ranker is sure ("battery hours on these?" of headphones with no battery fact: not their
                # price; "what's the ring on the acoustic guitar?": its strings)
                return self._lacking(parse, card, [f.rescored(min(f.score, 0.5)) for f in scored])
        if not scored or scored[0].score < ANSWER_THRESHOLD:
            said = self._from_title(parse, card) or self._from_text(parse, card)
            return said if said is not None else self._lacking(parse, card, scored)
        best = scored[0].attribute
        chosen = [f for f in scored if f.attribute == best]
        on_each = best in parse.attributes and not parse.picked and _ON_EACH_LISTING.search(parse.text.casefold())
        every = best in parse.attributes and (_ASKS_ALL_VALUES.search(parse.text.casefold()) or on_each)
        if every:  # "what colours does it come in?", "… the google pixel 8 pro …" (the others leave the brand out:
            # "Galaxy S24 256GB … Marble Grey" beside those the name linked)
            parse.variants = list({v.key: v for v in [*parse.variants,
                                                      *self.understander.model_listings(card.id, card.title)]}.values())
        if parse.variants and every:
            # "what colours does the AirPods Max come in?": every listing of the model
            brands = self.understander.lexicon.brands  # (a listing may leave its brand out: "Pixel 8 Pro 128GB …")
            named = {w for w in (set(tokens(parse.text)) - STOPWORDS) & title_words(card.title or "") if (w,) not in brands}
            listed = [(card, chosen)] + [(c, [f.rescored(1.0) for f in fs if f.attribute == best])
                                         for c, fs in self._other_listings(card, facts, parse.variants)
                                         if named <= title_words(c.title or "")  # "airpods max": not the Pro
                                         and line_words(c.title or "") == line_words(card.title or "")]  # nor "pixel 8"
            # a listing with no such fact may say its colour in its title ("… (Silver)")
            listed = [(c, fs or [f for f in [self._title_colour(c, best)] if f is not None]) for c, fs in listed]
            listed = [(c, fs) for c, fs in listed if fs]
            if len(listed) > 1:
                values = [f.value for _, fs in listed for f in fs]
                # (which values a model comes in, several a listing: "which colours, across all listings")
                text = compose.on_each_listing(best, [[f.value for f in fs] for _, fs in listed],
                                               parse.yes_no or "same" in tokens(parse.text)) \
                    if on_each and not _ASKS_ALL_VALUES.search(parse.text.casefold()) \
                    and all(len(fs) == 1 for _, fs in listed) else compose.model_values(card.title, best, values, len(listed))
                return self._result(parse, "aggregate", text, [f for _, fs in listed for f in fs],
                                    [ProductHit(c.id, c.title, 1.0) for c, _ in listed], card.id)
        text = compose.attribute_answer(card.title, best, [f.value for f in chosen])
        differ = self._listings_differ(parse, card, facts, chosen)
        if differ:  # "how much ram does the yoga 7i have": 16 GB on the listing linked, 8 GB on the model's others
            text += " " + compose.other_listings_say([(c.title, [f.value for f in fs]) for c, fs in differ])
        lower = min(f.score for f in chosen) * 0.99  # (the listing linked keeps the best fact)
        return self._result(parse, "attribute", text, chosen + [f.rescored(lower) for _, fs in differ for f in fs]
                            + [f for f in scored[len(chosen):3] if f.score > 0], hit, card.id)

    def _listings_differ(self, parse: Parse, card: Card, facts: Sequence[Fact], chosen: Sequence[Fact]
                         ) -> list[tuple[Card, list[Fact]]]:
        """The other listings of a model the question named (not "it", not a listing picked or a page's) whose value of
        the attribute answered differs from the linked listing's, where the question's words fit them as well: every
        word it shares with the linked title, amounts apart from their units ("256gb iphone 15 pro": not the 128 GB
        listing), and the same line ("iphone 15 pro": not the Pro Max)."""
        best = chosen[0].attribute
        if not parse.variants or parse.picked or parse.pinned or parse.refers_back or parse.yes_no \
                or best not in parse.attributes:
            return []
        brands = self.understander.lexicon.brands
        own = title_words(card.title or "")
        asked = {t for a in parse.attributes for t in tokens(a)} | self.understander.cue_words(parse.text.casefold(),
                                                                                            parse.attributes)
        named = {w for w in set(tokens(amounts_apart(parse.text))) - STOPWORDS - asked if w in own and (w,) not in brands}
        mine = [str(f.value) for f in chosen]
        gender = _genders(facts, card.title)
        differ = []
        for other, other_facts in self._other_listings(card, facts, parse.variants):
            if not named <= title_words(other.title or "") or line_words(other.title or "") != line_words(card.title or ""):
                continue
            if best == "price" and (_for_others(gender, other_facts, other.title)
                                    or _pack_of(other_facts, other.title) != _pack_of(facts, card.title)):
                continue  # (the women's listing's price is not the men's shoe's, nor a single bag's the 3-count's)
            theirs = [f for f in other_facts if f.attribute == best]
            if theirs and not all(any(_says_same(str(f.value), m) for m in mine) for f in theirs):
                differ.append((other, theirs))
        return differ

    def _read_attribute(self, parse: Parse, has: set[str], *, only_its_own: bool = False) -> bool:
        """No cue word named the attribute asked ("who makes the clifton 9?"): the learned reader reads it among
        the graph's attribute names when it is sure enough; at half the bar when the product ``has`` it ("what chip
        is in the pavilion?": processor, 0.28). ``only_its_own``: only one the product has, at the full bar (a
        yes/no question is answered by a fact the product has)."""
        reading = self.reader.read(parse.text, self._attribute_names)
        if reading.intent != "attribute" or reading.attribute is None:
            return False
        if reading.attribute in _EVERY_PRODUCTS and parse.counts:
            return False  # "how many shelves does it have?" counts a thing: its kind, maker or price is no answer
        owned = reading.attribute in has
        if (only_its_own and not owned) or reading.attribute_p < (SURE / 2 if owned and not only_its_own else SURE):
            return False
        parse.attributes, parse.read_by_model = [reading.attribute], True
        return True

    def _not_said(self, parse: Parse, card: Card, facts: Sequence[Fact], hit: Sequence[ProductHit]) -> Answer:
        """"I don't know whether it has that", with the product's closest facts."""
        closest = sorted(self._score_facts(parse, facts, [], pinned=parse.pinned), key=lambda f: -f.score)[:3]
        return self._dont_know(parse, closest, {card.id: card.title}, hit, f" whether {compose.the(card.title)} has "
                               "that: the catalog does not say", focus=card.id)

    def _kind_unsaid(self, parse: Parse, facts: Sequence[Fact], card: Card) -> set[str]:
        """The words of a yes/no question read as an attribute that ask for a kind of it its values do not say: a thing it
        has, of a word-valued attribute ("does the coway have a washable pre-filter": its filter type is True HEPA,
        which says nothing of washing), or any question's word English rarely uses ("is the screen oled": its size
        says nothing of OLED); everyday words ask what the values answer ("is it heavy?", "a big battery"). Empty where
        none does."""
        attr = parse.attributes[0] if parse.attributes else None
        if attr is None:
            return set()
        low = parse.text.casefold().rstrip(" ?!.")
        had = HAS_THING.match(low)
        english = english_frequency()
        said_of = tokens(had.group("x")) if had is not None and attr not in self.lexicon.numeric else tokens(low)
        # ("a big battery": its size; "a touch screen", a kind of screen of a measured attribute, is not)
        kind_of = set(tokens(had.group("x"))) - _SIZE_WORDS if had is not None and attr in self.lexicon.numeric else set()
        asked = {w for w in said_of if w.isalpha() and (english.get(w, 0) < EVERYDAY_WORD or w in kind_of)}
        asked -= STOPWORDS | {t for a in parse.attributes for t in tokens(a)} | title_words(card.title or "") | PRONOUNS \
            | _TEXT_FILLER  # ("does that listing mention a warranty": the warranty)
        asked = {w for w in asked if not self.understander.asked_attributes(w)}  # ("is that lighter": a weight's cue)
        asked -= set(self.understander.cue_words(low, parse.attributes))  # ("do i need a grinder": the form's cue)
        said = {t for f in facts if f.attribute == attr for t in tokens(f.value)}
        return asked if not asked & said else set()

    def _lacking(self, parse: Parse, card: Card, scored: Sequence[Fact]) -> Answer:
        """"I don't know" of a product that lacks what was asked; the conversation may ask it of another product
        under discussion (``lacking``)."""
        reason = f" the {compose.join(parse.attributes[:1]) or 'answer'} of {compose.the(card.title)}" \
            if parse.attributes else f" how to answer that about {compose.the(card.title)}"
        unknown = self._dont_know(parse, list(scored[:3]), {card.id: card.title}, [ProductHit(card.id, card.title, 1.0)],
                                  reason, focus=card.id)
        had = HAS_THING.match(parse.text.casefold().rstrip(" ?!.")) if parse.yes_no and parse.checks else None
        if parse.attributes and (not parse.yes_no or had is not None and had.group("v") in ("have", "has")) \
                and not parse.pinned and parse.attributes[0] not in _EVERY_PRODUCTS:
            # (a price every product has: its own gap, not another's; "does it have a usb-a port" checks a value of
            # an attribute it lacks, which the charger just listed may have)
            unknown.lacking = tuple(parse.attributes)
        return unknown

    def _from_title(self, parse: Parse, card: Card) -> Answer | None:
        """The one amount a listing's title states in the unit the asked attribute's values take elsewhere in the
        graph ("48 Pack" for "how many in a box?", pack sizes being counted in packs), as that attribute's value,
        from the title."""
        if not parse.attributes or parse.pinned and parse.attributes[0] != "pack size":  # (a page's count: its title's)
            return None
        attribute = parse.attributes[0]
        units = {e.unit for e in self.lexicon.numeric.get(attribute, ()) if e.unit}
        if not units:
            return self._colour_in_title(parse, card, attribute)
        found = [m.group(0) for m in AMOUNT_IN_TEXT.finditer(card.title.casefold())
                 if UNITS.get(m.group(2)) in units]
        if len(found) != 1:
            return None
        said = AMOUNT_IN_TEXT.search(found[0])
        if said is not None and any(
                f.attribute not in parse.attributes and (other := AMOUNT_IN_TEXT.search(f.value.casefold())) is not None
                and other.group(1) == said.group(1) and UNITS.get(other.group(2)) == UNITS.get(said.group(2))
                for f in self.retriever.product_facts([card.id], {card.id: card})):
            return None  # "… Blender, 72 ounces" is its capacity ("72-ounce"), not its weight
        value = card.title[card.title.casefold().find(found[0]):][:len(found[0])]  # as the title writes it
        fact = Fact(card.id, attribute, value, "title", 1.0, cr.PRODUCT_CARDS, {"id": card.id})
        return self._result(parse, "attribute", compose.attribute_answer(card.title, attribute, [value]), [fact],
                            [ProductHit(card.id, card.title, 1.0)], card.id)

    def _colour_in_title(self, parse: Parse, card: Card, attribute: str) -> Answer | None:
        """A colour the title names, where the listing has no such fact: "… iPhone 15 Pro (Charcoal)" is charcoal; the
        longest colour the graph knows that the title says."""
        fact = self._title_colour(card, attribute)
        if fact is None:
            return None
        said = str(fact.value)
        return self._result(parse, "attribute", compose.attribute_answer(card.title, attribute, [said]), [fact],
                            [ProductHit(card.id, card.title, 1.0)], card.id)

    def _title_says_it(self, parse: Parse, card: Card) -> Answer | None:
        """"does it have 5g?", "is it unlocked?": yes, when every word asked (a few, past the verb) is in its title."""
        named = {t for p in parse.products for t in tokens(p.name)} if parse.products[0].key != card.id else set()
        said = [t for t in tokens(parse.thing or parse.text) if t not in STOPWORDS and t not in PRONOUNS
                and t not in _YES_NO_VERBS and t not in named]  # (the thing asked, where the parse read one)
        if not 1 <= len(said) <= 3 or not set(said) <= title_words(card.title):
            return None
        fact = Fact(card.id, "title", card.title, "title", 1.0, cr.PRODUCT_CARDS, {"id": card.id})
        shown = [m.group(0) for w in said if (m := re.search(rf"\b{re.escape(w)}\w*", card.title, re.IGNORECASE))]
        text = f"Yes: the title of {compose.the(card.title)} says \u201c{' '.join(shown)}\u201d."
        return self._result(parse, "attribute", text, [fact], [ProductHit(card.id, card.title, 1.0)], card.id)

    def _title_colour(self, card: Card, attribute: str) -> Fact | None:
        """The longest colour the graph knows that a title says, as a fact from the title, else None."""
        if attribute not in ("color", "colour"):
            return None
        words = tokens(card.title)
        found = [" ".join(words[i:i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)
                 if any(_matches(e.attribute, attribute) for e in self.lexicon.values.get(tuple(words[i:i + n]), ()))]
        if not found:
            return None
        said = card.title[card.title.casefold().find(found[0]):][:len(found[0])] \
            if found[0] in card.title.casefold() else found[0]
        return Fact(card.id, attribute, said, "title", 1.0, cr.PRODUCT_CARDS, {"id": card.id})

    def _from_text(self, parse: Parse, card: Card, attributes: Sequence[str] | None = None) -> Answer | None:
        """The graph has no fact that answers: a sentence of the product's own bullets or description that says
        the asked word ("does it have a warranty?" → "Backed by a 2-year limited warranty."), quoted as it is.
        Given ``attributes``, a word of theirs only ("screen resolution": not a sentence about the screen)."""
        title = title_words(card.title)
        own_words = attributes is None
        attributes = parse.attributes if attributes is None else attributes
        asked = {w for a in attributes for w in tokens(a)}
        # the attribute's words, and the question's words that no title says ("on one charge"; not "samsung galaxy"
        # of a name the question wrote another way than the listing it linked)
        said = {w for w in tokens(parse.text) if w not in self.lexicon.title_df} if own_words else set()
        english = english_frequency()  # (a short thing's name is asked too: "a milk jug", not milk alone)
        wanted = {w for w in (asked | said if asked else set(tokens(parse.text))) - STOPWORDS - title - _TEXT_FILLER
                  if (len(w) > 3 or len(w) == 3 and english.get(w, 0) < _SHORT_WORD_COMMON) and not any(c.isdigit() for c in w)}
        if not wanted:
            return None

        def sources() -> Iterator[tuple[str, str | None]]:  # the product, then (not on its page) its model's others
            yield card.id, None
            if not parse.pinned:
                same = [v for v in parse.variants if self.understander.same_model(card.title, v.name)]
                yield from ((v.key, v.name) for v in same or self.understander.model_listings(card.id, card.title))

        # the sentence must say a word of the attribute asked or the rarest word the question says itself
        # ("lumbar support": lumbar, not "Supports up to 400 lbs"; "last on one charge": "… on a single charge")
        own = (wanted & said) - asked or wanted
        rarest = min(own, key=lambda w: (english.get(w, 0), w))
        rare = {rarest, singular(rarest), *_verb_stems(rarest), *(asked & wanted)}  # "breaking in": "Break-in time"
        rare.update(w for r in list(rare) for w in _SAID_OTHERWISE.get(r, ()))  # "a milk frother": "steam wand"
        for pair in _EITHER_WORD.finditer(parse.text.casefold()):  # "a carrying pouch or case": either will do
            if rarest in {singular(pair.group(1)), singular(pair.group(2))}:
                rare.update(w for w in (singular(pair.group(1)), singular(pair.group(2))) if w in wanted)
        rare.update(w for a in attributes for w in _TEXT_SAYS.get(a, ()))  # battery life: "hrs of playback"
        if _PUT_TOGETHER.search(parse.text):  # "does it need putting together": "Easy assembly in about 20 minutes"
            rare.update(("assembly", "assemble", "assembled"))
        stems = {w[:6] for w in rare if len(w) >= 7 and w.isalpha()}  # "assemble" said, "Assembly required" written
        # a sentence that says the word only inside another attribute's name is about that one ("8 in shaft height"
        # for "how tall is the heel")
        others = [set(k) for k in self.understander.lexicon.attributes if len(k) > 1
                  and " ".join(k) not in attributes and rare & set(k)]

        def elsewhere(forms: set[str]) -> bool:
            return any(rare & forms <= k <= forms for k in others)

        # a word of the question's own that English does not know (a technical name: hdmi, magsafe, bpa) is what it
        # asks about: a sentence without it does not answer ("does it have an hdmi port": not "two USB-C ports")
        needed, needed_stems = rare, stems
        if rarest not in asked and rarest not in english:
            needed, needed_stems = {rarest, singular(rarest), *_SAID_OTHERWISE.get(rarest, ())}, \
                {rarest[:6]} if len(rarest) >= 7 else set()

        def says(forms: set[str]) -> bool:
            return bool(needed & forms or needed_stems & {w[:6] for w in forms if len(w) >= 7})

        for pid, other in sources():
            found = [f for f in self.retriever.text_facts(pid)
                     if says(forms := _word_forms(f.value)) and not elsewhere(forms)]
            if found:
                chosen = [f.rescored(1.0) for f in found[:2]]
                text = compose.text_answer(card.title, [(f.attribute, f.value) for f in chosen], other=other)
                hits = [ProductHit(card.id, card.title, 1.0)] + ([ProductHit(pid, other, 1.0)] if other else [])
                return self._result(parse, "attribute", text, chosen, hits, card.id)
        return None

    def _across_listings(self, parse: Parse, card: Card, facts: Sequence[Fact], only: set[str] | None = None
                         ) -> Answer | None:
        """The listing the name linked lacks the answer: other listings of the same model (the near-tied
        links in the same category) may have it ("8 GB or 16 GB, depending on the listing")."""
        answered: list[tuple[Card, list[Fact]]] = []
        gender = _genders(facts, card.title)
        for other, other_facts in self._other_listings(card, facts, parse.variants):
            if parse.attributes[:1] == ["price"] and (_for_others(gender, other_facts, other.title)
                                                      or _pack_of(other_facts, other.title) != _pack_of(facts, card.title)):
                continue  # the women's listing's price is not the men's shoe's, nor a single bag's the 3-count's
            scored = sorted(self._score_facts(parse, other_facts, parse.attributes, pinned=parse.pinned),
                            key=lambda f: -f.score)
            if only is not None:
                scored = [f for f in scored if f.attribute in only]
            if scored and scored[0].score >= ANSWER_THRESHOLD:
                answered.append((other, [f for f in scored if f.attribute == scored[0].attribute]))
        if not answered:
            return None
        attribute = answered[0][1][0].attribute
        answered = [(c, fs) for c, fs in answered if fs[0].attribute == attribute]
        values = compose.distinct_values(f.value for _, fs in answered for f in fs)
        text = compose.across_listings(card.title, attribute, values, [c.title for c, _ in answered])
        hits = [ProductHit(card.id, card.title, 1.0)] + [ProductHit(c.id, c.title, 0.9) for c, _ in answered]
        return self._result(parse, "attribute", text, [f for _, fs in answered for f in fs], hits, card.id)

    # ------------------------------------------------------------------ search

    def _rank_cards(self, cards: dict[str, Card], words: Sequence[str], order: Sequence[str] | None = None
                    ) -> list[tuple[Card, float]]:
        bonus: dict[str, float] = {}
        if words and cards:
            hits = self.retriever.fulltext(" ".join(words), 200)
            top = max((s for _, s in hits), default=0.0) or 1.0
            bonus = {pid: s / top for pid, s in hits}
        def said(card: Card) -> float:  # the share of the words in the title itself: numbers count too ("size 10");
            # half for words only after its "for" ("Water Filter for Keurig K-Elite" is not the K-Elite)
            title = card.title or ""
            cut = FOR_CLAUSE.search(title)
            head = title_words(title[:cut.start()] if cut else title)
            tail = title_words(title[cut.end():]) if cut else frozenset()
            return sum(1.0 if w in head else 0.5 if w in tail else 0.0 for w in words) / len(words)

        place = {pid: i for i, pid in enumerate(order or ())}  # a name's listings: best link first
        ranked = [(c, 0.5 + 0.25 * bonus.get(c.id, 0.0) + 0.25 * said(c) if words else 1.0 - 1e-3 * place.get(c.id, 0))
                  for c in cards.values()]
        ranked.sort(key=lambda cs: (-cs[1], cs[0].price if cs[0].price is not None else float("inf"), cs[0].id))
        return ranked

    def _titled(self, words: Sequence[str], most: int = 200) -> list[str]:
        """Products whose titles say every one of ``words`` (the lexicon's title postings), when some do and not
        more than ``most``; else none (a free search reads the words instead)."""
        said = [w for w in words if w.isalpha() and w not in STOPWORDS]
        found = self.lexicon.titled(said) if said else []
        return found if len(found) <= most else []

    def _of_the_kind_said(self, ids: Sequence[str], words: Sequence[str]) -> list[str]:
        """Of products whose titles say ``words``, those that are the thing said, when some are: the words before any
        "for"/"with" and no other kind of product there ("espresso machine": the machines, not an "Espresso Machine
        Bundle with …")."""
        said = {w for w in words if w.isalpha()} - STOPWORDS
        kinds = self.lexicon.category_words
        own = [pid for pid in ids if said <= (head := title_parts(self.lexicon.titles.get(pid, ""))[0])
               and not (head & kinds) - said]
        return own or list(ids)

    @staticmethod
    def _said_by_titles(cards: dict[str, Card], cons: Constraints, complete: int = 200) -> dict[str, Card]:
        """The found products whose titles say every free word of the question ("chelsea boots", "standing
        desks"), when some do and the search found them all (under ``complete``); else all found."""
        # (a model code said alone is such a word too: "laptops with an i7")
        words = [w for w in cons.words if w.isalpha()] or [w for w in cons.words if w.isalnum() and not w.isdigit()]
        if not words or not cards or len(cards) >= complete:
            return cards
        titled = [w for w in words if any(w in title_words(c.title or "") for c in cards.values())]
        if cons.categories and titled and len(titled) < len(words) and any(w.isalpha() for w in titled):
            words = titled  # ("cases with magsafe for the iphone 15 plus": the 15 Plus's, what no title says aside)
        said = {pid: c for pid, c in cards.items() if all(w in title_words(c.title or "") for w in words)}
        if counted := _counted(cons):
            # "wall charger with 3 ports": a count a title states ("(3-port)") narrows more than a kind's word
            # does ("Anker GaN Fast Charger (3-port)" is a wall charger not titled so)
            both = {pid: c for pid, c in said.items() if set(counted) <= title_words(c.title or "")}
            said = both or {pid: c for pid, c in cards.items() if set(counted) <= title_words(c.title or "")} or said
        model = [w for w in cons.words if w.isalnum()]  # "iphone 15": not the "iPhone 15 Pro Case", another model's
        if len(model) > len(words) and len(said) > 1:
            own = {pid: c for pid, c in said.items() if set(model) <= title_words(c.title or "")
                   and not extends_line(model, tokens(c.title or ""), set(model))}
            said = own or said
        return said or cards

    def _search(self, parse: Parse) -> Answer:
        if parse.beyond is not None and parse.products:
            return self._beyond(parse)
        topic = _ABOUT_TOPIC.match(parse.text.casefold()) or next(
            (m for m in [_TOPIC_THING.search(parse.text.casefold())] if m is not None
             and not set(tokens(m.string[:m.start()])) & self.lexicon.category_words), None)  # (not "a blender for …")
        if topic is not None and not parse.products and (thing := singular(topic.group("x"))) not in self.lexicon.title_df \
                and (thing,) not in self.lexicon.categories and (thing,) not in self.lexicon.brands \
                and thing not in _SHOPPING_WORDS and not ((named := self.understander.link_product(
                    topic.group("t"), strict=True)) is not None and named.score >= FULL_NAME):
            # ("any good deals on headphones" asks for headphones; "any feedback on the moab 3" names a product)
            # "any good podcasts about marathon training": a thing no product is, whatever its topic
            asked_for = f"{topic.group('x')} {topic.group('t')}" if topic.re is _ABOUT_TOPIC else \
                f"{topic.group('t')} {topic.group('x')}"
            return self._no_such_kind(parse, asked_for.strip(" ?!."))
        cons = parse.constraints
        described = None
        purpose = ""
        after_for = purpose_words(parse.text)
        untold = [w for w in cons.words if w.isalpha() and not self.lexicon.title_df.get(w) and w in after_for]
        kind = replace(cons, words=[w for w in cons.words if w not in untold])
        if untold and (cons.categories or set(cons.words) - set(untold)) and not parse.text_says \
                and len(told := self._texts_say(kind, untold)) == len(untold):
            # "best coffee for french press": those whose own text says it ("Great for espresso, drip and French press"),
            # with the word said before it that a title says too ("french", of "French Roast")
            toks = tokens(parse.text)
            before = [a for a, b in zip(toks, toks[1:]) if b in untold and a in kind.words]
            wider = replace(kind, words=[w for w in kind.words if w not in before])
            if before and len(both := self._texts_say(wider, [*before, *told])) == len(before) + len(told):
                kind, told = wider, both
            parse.text_says = told
            cons = parse.constraints = kind
        elif untold and (cons.categories or set(cons.words) - set(untold)):
            # "best air purifier for allergies", "earbuds for the gym": what it is for, no title says; the kind still
            # answers, and the answer says so
            whom = _FOR_WHOEVER.search(parse.text)  # ("for someone who wears glasses": as said)
            purpose = f"No listing says it is for “{whom.group(1) if whom else _as_written(untold, parse.text)}”. "
            cons = parse.constraints = kind
        unrated = self.understander.unrated(parse.text)
        if unrated:
            # "which office chair is the most comfortable": no listing rates it; the kind still answers, unranked by it
            purpose += f"No listing rates how {' or '.join(unrated)} they are. "
            cons = parse.constraints = replace(cons, words=[w for w in cons.words if w not in unrated])
        if cons.empty() or (cons.words and cons.ids is None and not (cons.categories or cons.brands or cons.values)):
            # "got any wireless earbuds?", "espresso machine under 300": the titles that say the words (a price
            # alone does not make every product under it a match)
            titled = self._of_the_kind_said(self._titled(cons.words), cons.words)
            if not titled and cons.empty():
                return self._free_search(parse)
            if titled:
                cons = parse.constraints = replace(cons, ids=titled)
        if _titled_words(cons):
            # "products under $300 titled “espresso machine”", "black products titled “noise cancelling earbud”"
            described = _described(cons)
        cards = self.retriever.search(cons)
        if (priced := [float(w) for w in cons.words if _PRICE_SAID.fullmatch(w)]) and cards \
                and (at := {pid: c for pid, c in cards.items() if c.price is not None
                            and any(abs(c.price - p) < 0.005 for p in priced)}):
            # "hp elitebook 840 g10 16gb, the 1633.99 one": the listing at that price (a price said with its cents is
            # no word of a title)
            cards, cons = at, replace(cons, words=[w for w in cons.words if not _PRICE_SAID.fullmatch(w)], ids=list(at))
            parse.constraints = cons
        if not cards and (variant := [g for g in cons.values if g.attribute in VARIANT_ATTRIBUTES]):
            # "how much are the grey/pink/beige ones" of listings whose facts leave out a colour their titles say
            wider = replace(cons, values=[g for g in cons.values if g not in variant])
            rest = self.retriever.search(wider) if not wider.empty() else {}  # (never the whole shop in store order)
            cards = {pid: c for pid, c in rest.items()
                     if all(set(tokens(g.label)) <= title_words(c.title or "") for g in variant)}
        if parse.text_says:  # "which listings come with a carrying case": those whose own text says it
            cards = self._said_by_titles(cards, cons)  # ("iphones that ship in …": the phones titled iPhone)
            answer, titled = self._text_says(parse, cards)
            if answer is not None:
                return answer
            if titled == parse.text_says:  # ("earbuds with wireless …": what their titles say, as any word)
                cons = parse.constraints = replace(cons, words=[*cons.words, *titled])
                cards = self._said_by_titles(cards, cons)
            else:  # a kind of product whose listings' text does not say it: the kind, saying so
                purpose += f"No listing's text says “{_thing_said(parse)}”. "
        if not cards and cons.for_kind:  # "chargers for laptops": no charger's title says it; the chargers, saying so
            purpose += f"No listing says it is for {cons.for_kind}. "
            cons = parse.constraints = replace(cons, ids=None, for_kind="")
            cards = self.retriever.search(cons)
        if not cards and parse.refines:  # nothing among the products listed before: among all of their kind
            kinds = {self.understander.category_of(pid) for pid in cons.ids or ()}
            listed = len(cons.ids or ())
            fitted = self.retriever.cards([parse.context]).get(parse.context) \
                if parse.context and parse.context not in (cons.ids or ()) else None
            if fitted is not None and cons.ids and set(cons.ids) <= {r["id"] for r in self.retriever.relations(fitted.id)}:
                # "any in black" after the cases that fit the OnePlus 12: none of those, and no others fit it
                said = self.understander.in_category(cons, next(iter(kinds))) if not cons.categories and len(kinds) == 1 \
                    else cons
                return self._dont_know(parse, [], {}, [], f" of any {said.describe()} among the {listed} that fit "
                                       f"{compose.the(fitted.title)}", focus=fitted.id)
            purpose += "The one listed is no match. " if listed == 1 else f"None of the {listed} listed is a match. "
            cons.ids, parse.refines = None, False
            if not cons.categories and len(kinds) == 1:  # ("anything under 15" of cases listed: cases, not coffee)
                cons = parse.constraints = self.understander.in_category(cons, next(iter(kinds)))
            cards = self.retriever.search(cons)
        if not cards and cons.categories and cons.values:
            # "a light laptop under 1.4kg": "light" is a roast level, which no laptop has; a value of an attribute the
            # kind lacks says nothing of it ("red boots" stays: boots have colours)
            # (nor of its department's, unless it names products: "decaf" of coffee pods is a coffee's caffeine, which
            # no pod says; "s24" of chargers is a case's compatible model)
            kind = Constraints(categories=cons.categories, category_keys=cons.category_keys)
            parents = [c.key.rpartition(" > ")[0] or c.key for c in cons.categories]
            department = Constraints(categories=cons.categories, category_keys=self.lexicon.descendants(parents))
            kept = [g for g in cons.values if self.retriever.group_values(kind, [g.attribute])[0]
                    or "compatib" not in g.attribute and self.retriever.group_values(department, [g.attribute])[0]]
            if len(kept) < len(cons.values):
                # ("waterproof headphones": no headphones listing says so; the headphones, saying it)
                # ("a light laptop under 1.4kg": a measure's word, which the bound says, goes unsaid)
                dropped = [g for g in cons.values if g not in kept and g.label not in COMPARATIVE_OF]
                cons = parse.constraints = replace(cons, values=kept)
                cards = self.retriever.search(cons)
                unsaid = [_as_written(g.label.split(), parse.text) for g in dropped  # (a title may say it: "core")
                          if not any(set(tokens(g.label)) <= title_words(c.title or "") for c in cards.values())]
                purpose += f"No {kind.describe()} listing says “{'” or “'.join(unsaid)}”. " if unsaid and cards else ""
        if not cards and cons.brands:
            # "just the samsung ones" after phone cases, "brita filter replacements": none is Samsung's or Brita's,
            # but these say it ("… for Samsung Galaxy", "… Compatible with Brita Everyday Water Filter Pitcher")
            said = {t for b in cons.brands for t in tokens(b.name)}
            wider = replace(cons, brands=[], words=list(dict.fromkeys([*cons.words, *sorted(said)])))
            cards = {pid: c for pid, c in self.retriever.search(wider).items() if said <= title_words(c.title or "")}
            if cards:
                cons = parse.constraints = wider
        if len(cards) < 10 and cons.categories and cons.ids is None and (untold := self._untold_of_kind(cons)):
            # "adidas running shoes for women" (few found): a listing the catalog gives no category whose title says
            # the kind
            cards.update(self.retriever.search(replace(cons, categories=[], category_keys=[], ids=untold)))
        narrowed, searched = self._said_by_titles(cards, cons), cons
        if narrowed is not cards and _counted(cons) \
                and (untitled := [w for w in cons.words if w.isalpha()
                                  and not any(w in title_words(c.title or "") for c in narrowed.values())]):
            # "car charger with 2 ports": the 2-port ones, none titled "car", says so
            purpose += f"None of them is titled “{_as_written(untitled, parse.text)}”. "
        if narrowed is cards and cards and cons.ids is None and cons.words and cons.categories \
                and (cons.price_min is not None or cons.price_max is not None or cons.values) \
                and (sub_kind := self._sub_kind(cons)) \
                and not any(set(sub_kind) <= title_words(c.title or "") for c in cards.values()):
            # "earbuds under $100": the kind's earbuds all cost more; the headphones under $100 are no answer
            cards = narrowed = {}
        if len(narrowed) < len(cards):  # kept as the search's own, for "which is the most powerful one?" next
            cards, cons = narrowed, replace(cons, ids=list(narrowed))
            parse.constraints = cons
        if len(cards) < MAX_LISTED and cons.values:
            # "noise cancelling headphones under $150": a listing whose title says it although no value does (among
            # all the search's products, not only those its words narrowed to)
            for card in self._said_in_titles(searched):
                cards.setdefault(card.id, card)
        if searched.values and (searched.ids is None or len(searched.ids) <= MAX_BOUNDS_READ):
            # "laptop with at least 10 hrs battery": a listing no fact gives its battery life whose text says "Up to
            # 10-hour of battery life" (of those listed too: "which ones are rated for a 15 ft drop")
            for card in self._bounds_in_texts(searched):
                cards.setdefault(card.id, card)
        if not cards:
            return self._relaxed(parse)
        total = len(cards)
        if total >= 200:
            total, _, _ = self.retriever.count(cons)
        ranked = self._rank_cards(cards, cons.words, None if parse.refines else cons.ids)
        # a word in none of the found products' titles ("WH-1000XM5" also as "wh1000xm5") and, if it has letters
        # only, not found by the full-text index either; a number or model code ("16", "1460") is checked against
        # the titles alone: Kùzu's index drops numbers and Lucene's keeps them, and answers must not depend on it
        found_words = {t for c in cards.values() for t in title_words(c.title or "")}
        found_words.update(t for a in parse.attributes for t in tokens(a))  # "shaft height of …" asks, not filters
        found_words.update(self.understander.cue_words(parse.text.casefold(), parse.attributes))  # ("how long … last")
        # (a value's word the found products lack is asked too: "decaf ground coffee", when only a whole bean is decaf)
        values = self.lexicon.value_words
        unknown = [w for w in cons.words if w not in found_words
                   and (not w.isalpha() or any(v.value.casefold() == w for v in values.get(w, ()))
                        or not self.retriever.fulltext(w, 1))]
        asks_for = not parse.yes_no or bool(_ASKS_FOR_KIND.match(parse.text.casefold()))  # "do you have …"
        english = english_frequency()
        said_in_text: list[Fact] = []
        if unknown and not parse.refines and (cons.categories or len(ranked) <= MAX_TEXT_READ and (
                cons.price_min is not None or cons.price_max is not None or cons.values or cons.brands)):
            # "office chair that arrives fully assembled": words only the listings' bullets or descriptions say ("Ships
            # fully assembled"); the kind's products whose text says them, the other words how it was asked (also
            # of no kind where few are found: "something nutty tasting under $15", "Notes of chocolate and toasted
            # nut"; a word that says the text is of a taste is not asked of it)
            unasked = [w for w in cons.words if w in _TASTE_WORDS or w in self.understander.cue_words(
                parse.text.casefold(), _TASTED)]  # ("molasses in the tasting notes")
            unknown = [w for w in unknown if w not in unasked] or unknown
            kept, in_text, said_in_text = self._said_in_text(ranked, unknown)
            rest = [w for w in unknown if w not in in_text]
            example = _EXAMPLE.search(parse.text.casefold())
            if kept and (all(english.get(w, 0) >= EVERYDAY_WORD or w not in english for w in rest)
                         or example is not None and set(in_text) <= set(tokens(example.group("x")))):
                # (not "lumbar" of "lumbar support": a word some text says does not stand for the rest; but an example
                # said does: "something fruity, like berry notes")
                purpose += f"Their text says “{_as_written(in_text, parse.text)}”" + \
                    (f"; no listing says “{_as_written(rest, parse.text)}”" if rest else "") + ". "
                ranked, unknown, total = kept, [], len(kept)
                if not cons.categories:  # of no kind: these, not the products titled so ("cheapest of those" next)
                    cons = parse.constraints = replace(cons, words=[w for w in cons.words
                                                                    if w not in [*in_text, *rest, *unasked]],
                                                       ids=[c.id for c, _ in kept])
                    described = cons.describe()
        if unknown and all(w.isalpha() and (w not in english or w.endswith(("ing", "ed"))) for w in unknown) \
                and asks_for and not parse.refines and (cons.categories or cons.values) \
                and (cons.price_min is not None or cons.price_max is not None or cons.categories and cons.values):
            # "a laptop with 32 GB of RAM, costing less than $1700", "… any suggetions", "a gaming laptop with
            # at least 32gb ram": a request with a kind and a price or value; a verb's form or no English word that no listing says anywhere is how it was asked, not a
            # further constraint (a feature is: "office chairs with lumbar support under 300")
            purpose += f"No listing says “{' '.join(unknown)}”. "
            unknown = []
        elif unknown and asks_for and not parse.refines and cons.categories and any(g.bound for g in cons.values) \
                and all(w.isalpha() and english.get(w, 0) >= EVERYDAY_WORD for w in unknown):
            # "moving into a tiny studio, need a desk that actually fits - nothing wider than 140 cm": a kind bounded by
            # an amount; everyday words no listing says tell the story, not a further want
            purpose += f"No listing says “{' '.join(unknown)}”. "
            unknown = []
        if unknown:  # "red boots" where nothing in the graph says red: the boots are not an answer
            closest = [f for c, s in ranked[:3] for f in self.retriever.matched_facts(c, cons, 0.5 * s)]
            return self._dont_know(parse, closest, {c.id: c.title for c, _ in ranked[:3]},
                                   [ProductHit(c.id, c.title, 0.5 * s) for c, s in ranked[:3]],
                                   f" of any {' '.join(unknown)} {cons.describe()}")
        hits = [ProductHit(c.id, c.title, s) for c, s in ranked[:MAX_LISTED]]
        chosen = [f for c, s in ranked[:5] for f in self.retriever.matched_facts(c, cons, s)]
        chosen += [f for f in said_in_text if f.product_id in {c.id for c, _ in ranked[:5]}]
        text = purpose + compose.search_answer(described or cons.describe(), [c for c, _ in ranked], total)
        intent = "search"
        low = parse.text.casefold()
        end = low.rstrip("?.! ")
        # ("fully jarvis desk in carbonized, how wide", "galaxy s24 ultra titanium yellow - battery size": asked after a
        # comma or dash)
        clause = re.split(r",| - ", low)[-1].strip()
        asks = _ASKS_ABOUT.match(low) or _ASKS_ABOUT.match(clause) or any(low.startswith(a) for a in parse.attributes) \
            or any(set(attrs) & set(parse.attributes) and (cue.match(low) or cue.match(clause))
                   for cue, attrs in ATTRIBUTE_CUES) \
            or (cons.ids is not None or len(ranked) <= 3) and any(end.endswith(f" {a}") for a in parse.attributes) \
            or len(ranked) == 1 and bool(tokens(end)[-1:]) \
            and tokens(end)[-1] in self.understander.cue_words(low, parse.attributes)  # ("… aurora purple battery size")
        # ("hoka bondi 8 mens weight", "ninja air fryer capacity": a few found, the attribute said last)
        asked = self._asked_values(parse, [c for c, _ in ranked[:5]]) if asks else []
        if asks and len(ranked) == 1 and parse.attributes[:1] == ["price"] and ranked[0][0].price is None:
            # "jbl tune 760nc blue price" of the one listing so, which has no price: not known
            card = ranked[0][0]
            return self._dont_know(parse, chosen, {card.id: card.title}, hits, f" the price of {compose.the(card.title)}",
                                   focus=card.id)
        if asked:  # "what roast is Death Wish Coffee?", "shaft height of Dr. Martens 1460 boots": what they say
            text += " " + compose.values_across(asked[0].attribute, [f.value for f in asked], len(ranked[:5]))
            chosen, intent = asked + chosen, "attribute"
        return self._result(parse, intent, text, chosen, hits, ranked[0][0].id)

    def _text_says(self, parse: Parse, cards: dict[str, Card]) -> tuple[Answer | None, list[str]]:
        """(of the products found, those whose own text says what ``parse.text_says`` asks, the words of it their
        titles say). Words their titles say are read there, and a word no listing says is left out and named
        ("espresso machine small enough to fit under my kitchen cabinets": "Compact footprint fits under most
        cabinets"). No answer where no text says it and the search was of a kind (its products answer, saying so);
        "I don't know" where it was of one model's listings."""
        titled = [w for w in parse.text_says if any(_says_word(w, title_words(c.title or "")) for c in cards.values())]
        needed = [w for w in parse.text_says if w not in titled]  # ("earbuds with wireless charging": charging)
        sentences = {pid: [(f, _word_forms(f.value)) for f in self.retriever.text_facts(pid)] for pid in cards}
        told = [w for w in needed if any(_says_word(w, forms) for read in sentences.values() for _, forms in read)]
        saying = {pid: fs for pid, read in sentences.items()
                  if told and (fs := [f for f, forms in read if all(_says_word(w, forms) for w in told)])}
        if not saying and parse.constraints.ids is None:
            return None, titled
        thing = _thing_said(parse) if told == needed == parse.text_says else " ".join(told or needed)
        if not saying:
            return self._dont_know(parse, [], {}, [], f" of any listing whose text says “{thing}”"), titled
        # in the order a search lists them (the cheaper first among equals)
        saying = {c.id: saying[c.id] for c, _ in self._rank_cards({pid: cards[pid] for pid in saying},
                                                                   parse.constraints.words)}
        unsaid = [w for w in needed if w not in told]
        text = (f"No listing says “{' '.join(unsaid)}”. " if unsaid else "") + \
            compose.text_said(thing, [cards[pid] for pid in saying])
        facts = [f.rescored(1.0) for fs in saying.values() for f in fs[:1]]
        hits = [ProductHit(pid, cards[pid].title, 1.0) for pid in saying]
        # ("the dearest one out of those": of these; "and ones with toasted nut notes instead": of the kind again)
        parse.constraints = replace(parse.constraints, ids=list(saying))
        return self._result(parse, "search", text, facts, hits, next(iter(saying))), titled

    def _texts_say(self, cons: Constraints, words: Sequence[str]) -> list[str]:
        """The words that the own text of some product meeting ``cons`` says (of the first MAX_TEXT_READ found)."""
        return self._said_in_text(self._rank_cards(self.retriever.search(cons, limit=MAX_TEXT_READ), cons.words),
                                  words)[1]

    def _said_in_text(self, ranked: Sequence[tuple[Card, float]], unknown: Sequence[str]
                      ) -> tuple[list[tuple[Card, float]], list[str], list[Fact]]:
        """(the products whose bullets or description say every word of ``unknown`` that some product's text says, those
        words, the sentences that say them), or nothing when no text says a word or a word is a number or model code."""
        if any(not w.isalpha() for w in unknown):
            return [], [], []
        sentences = {c.id: self.retriever.text_facts(c.id) for c, _ in ranked[:MAX_TEXT_READ]}
        words = {pid: {t for f in facts for t in tokens(f.value)} for pid, facts in sentences.items()}
        said = [w for w in unknown if any(_says_word(w, ws) for ws in words.values())]
        kept = [(c, s) for c, s in ranked[:MAX_TEXT_READ] if said and all(_says_word(w, words[c.id]) for w in said)]
        facts = [f.rescored(s) for c, s in kept for f in sentences[c.id]
                 if any(_says_word(w, set(tokens(f.value))) for w in said)]
        return kept, said, facts

    def _beyond(self, parse: Parse) -> Answer:
        """"is there a bigger one?": products of the focus's category past it on the compared attribute, the
        furthest first; a price is compared in the focus's currency, an amount within its unit family."""
        cue, direction = parse.beyond or ("price", "lower")
        focus = parse.products[0].key
        fitted = self.retriever.cards([parse.fits]).get(parse.fits) if parse.fits else None
        if fitted is None and FOR_THAT_ONE.search(parse.text.casefold()):
            # "any cheaper case for that phone" of a case: of the cases that fit the phone it fits
            fits = [r["id"] for r in self.retriever.relations(focus) if r["direction"] == "out"]
            fitted = self.retriever.cards(fits[:1]).get(fits[0]) if fits else None
        fitting: list[str] = []
        if fitted is not None:  # "is there a cheaper one" of the one case listed as fitting a phone: of what fits it
            incoming = [r for r in self.retriever.relations(fitted.id) if r["direction"] == "in"]
            fitting = sorted({r["id"] for r in incoming + self._fitting_its_model(fitted, incoming, {})})
            if focus not in fitting:  # the list was what the product fits (a cable's phone): past the product itself
                focus, fitted = fitted.id, None
                parse.products = [Link("product", focus, self.lexicon.titles.get(focus, focus), score=1.0)]
        card = self.retriever.cards([focus]).get(focus)
        if card is None:
            return self._unanswerable(parse)
        own = self.retriever.product_facts([focus], {focus: card})
        cons = parse.constraints
        if not cons.categories:
            cons = parse.constraints = self.understander.in_category(
                cons, next((str(f.value) for f in own if f.attribute == "category"), None))
        asked = [cue] if cue == "price" else [*self.understander.asked_attributes(cue), cue,
                                                  *(_SIZE_ATTRIBUTES if cue == "size" else ())]
        mine: tuple[str, float] | None = None
        attr = ""
        priced = card
        links = cache(lambda: self.understander.model_listings(card.id, card.title))  # the model's others
        if cue == "price" and card.price is None:  # an unpriced listing: the price of another listing of its model
            priced = next((c for c in self.retriever.cards([link.key for link in links()]).values()
                           if c.price is not None), card)
        def amount(fs: list[Fact], of: Card) -> tuple[str, float] | None:
            return _quantity("price", fs, of) if attr == "price" else _quantity(fs[0].attribute, fs, of) if fs else None

        for attr in dict.fromkeys(asked):
            fs = [f for f in own if _matches(f.attribute, attr)]
            if not fs and attr != "price":  # a listing that lacks it: another listing of the model may say it
                fs = [f.rescored(1.0) for f in self._sibling_facts(card, own, links(), attr)]
            mine = amount(fs, priced)
            if mine is not None:
                break
        if mine is None:
            return self._dont_know(parse, [f.rescored(0.5) for f in own[:3]], {card.id: card.title},
                                   [ProductHit(card.id, card.title, 1.0)],
                                   f" the {compose.attribute_name(asked[0])} of {compose.the(card.title)}", focus=card.id)
        if attr == "price":
            cons.currency = priced.currency or DEFAULT_CURRENCY
        if fitted is not None:
            cons.ids = fitting
        described = cons.describe()
        titled_by = [w for w in cons.words if w.isalpha() and w not in STOPWORDS]
        if titled_by and cons.ids is None and (titled := self._titled(titled_by)):
            # ("cheaper alternative?" of the espresso machines searched: those titled so, not every coffee maker)
            cons.ids, described = titled, f"{described} titled “{_as_written(titled_by, parse.text)}”"
        cards = self.retriever.search(cons, limit=MAX_EXTREME)
        if fitted is not None and cons.categories and (untold := [p for p in self._untold_of_kind(cons) if p in fitting]):
            # ("anything cheaper for the same phone": a case that fits it whose listing gives no category)
            cards.update(self.retriever.search(replace(cons, categories=[], category_keys=[], ids=untold)))
        if cons.values:  # "any cheaper noise cancelling ones?": a title that says it counts, as in a search
            cards.update({c.id: c for c in self._said_in_titles(cons)[:MAX_EXTREME] if c.id not in cards})
        facts = self.retriever.product_facts(list(cards), cards)
        found: list[tuple[Card, list[Fact], float]] = []
        for other in cards.values():
            fs = [f for f in facts if f.product_id == other.id and _matches(f.attribute, attr)]
            theirs = amount(fs, other)
            if other.id != focus and theirs is not None and theirs[0] == mine[0] \
                    and (theirs[1] < mine[1] if direction == "lower" else theirs[1] > mine[1]):
                found.append((other, fs, theirs[1]))
        found.sort(key=lambda x: (x[2], x[0].id), reverse=direction != "lower")
        word = _comparative_word(attr, direction, parse.text)
        fit = f" that fit {compose.the(fitted.title)}" if fitted is not None else ""
        if not found:
            return self._dont_know(parse, [f.rescored(0.5) for f in own if _matches(f.attribute, attr)][:1],
                                   {card.id: card.title}, [ProductHit(card.id, card.title, 1.0)],
                                   f" of any {described}{fit} {word} than {compose.the(card.title)}", focus=card.id)
        hits = [ProductHit(c.id, c.title, 1.0 - 0.05 * i) for i, (c, _, _) in enumerate(found[:10])]
        evidence = [f.rescored(1.0 - 0.05 * i) for i, (_, fs, _) in enumerate(found[:5]) for f in fs[:1]]
        text = compose.beyond_answer(described, word, card.title, [(c, [str(f.value) for f in fs[:1]])
                                                                          for c, fs, _ in found])
        # one found is what "it" means next; of several, "it" stays the product they were measured against
        return self._result(parse, "search", text, evidence, hits, found[0][0].id if len(found) == 1 else card.id)

    def _per_unit(self, parse: Parse) -> Answer | None:
        """"what's that per filter", "cheapest per kilo": a price divided by how many (or how much) a listing holds, as its
        title says ("6 Pack", "(1kg) (6-count)"); of the one product asked, or the cheapest of those an aggregate is over
        (in the currency most of them are priced in). None where no such price is known: the question is read as
        without the unit."""
        unit = parse.per_unit
        if parse.intent == "attribute" and parse.products:
            ids = [parse.products[0].key]
        elif parse.intent == "comparison" and len(parse.products) > 1:  # "cheapest per kilo: the 1kg bag or the 6 count?"
            ids = list(dict.fromkeys(p.key for p in parse.products))
        elif parse.intent == "aggregate" and parse.aggregate in ("min_price", "max_price"):
            ids = list(parse.constraints.ids or ())
            if not ids and not parse.constraints.empty():
                found = list(self.retriever.search(parse.constraints))  # (all of them: the cheapest per kilo may be
                # any one)
                titled = set(self._titled(parse.constraints.words)) if parse.constraints.words else set()
                ids = [pid for pid in found if pid in titled] or found
        elif parse.intent == "search" and not parse.constraints.empty():  # "zerowater filters, price per filter"
            cons = parse.constraints  # ("… under $10 a pound": every listing, bounded by its price per pound)
            cons = replace(cons, price_min=None, price_max=None) if parse.per_unit_bound else cons
            ids = list(self._said_by_titles(found := self.retriever.search(
                cons, limit=MAX_PER_UNIT_READ if parse.per_unit_bound else MAX_LISTED), cons))
            titled = {t for c in found.values() for t in title_words(c.title or "")}
            unknown = [w for w in cons.words if w.isalpha() and w not in titled and w not in STOPWORDS
                       and w not in _TASTE_WORDS and w not in self.understander.cue_words(parse.text.casefold(), _TASTED)]
            if unknown and (kept := self._said_in_text(self._rank_cards({pid: found[pid] for pid in ids if pid in found},
                                                                        cons.words), unknown)[0]):
                ids = [c.id for c, _ in kept]  # "whole bean coffee with chocolate notes under $15 a bag": what its text says
        else:
            return None
        cards = self.retriever.cards(ids)
        each = [(c, c.price / n, n) for c in cards.values() if c.price is not None and (n := _units_held(c.title, unit))]
        if not each:
            return None
        if parse.per_unit_bound and parse.intent == "search":
            return self._per_unit_bounded(parse, each)
        currency = parse.constraints.currency or Counter(c.currency or DEFAULT_CURRENCY for c, _, _ in each).most_common(1)[0][0]
        apart = [t for t in each if (t[0].currency or DEFAULT_CURRENCY) != currency]  # (never compared with the rest)
        each = sorted(((c, per, n) for c, per, n in each if (c.currency or DEFAULT_CURRENCY) == currency),
                      key=lambda t: (t[1], t[0].id), reverse=parse.aggregate == "max_price") or sorted(apart, key=lambda t: t[1])
        apart = [t for t in apart if t not in each]

        c, per, n = each[0]
        if len(each) == 1:
            text = compose.cap(f"{compose.the(c.title)} works out at {_unit_share(c, per, n, unit)}.")
        else:
            word = "dearest" if parse.aggregate == "max_price" else "cheapest"
            rest = "; ".join(f"{compose.the(o.title)}: {_unit_share(o, p, k, unit)}" for o, p, k in each[1:SHOWN])
            text = f"Per {unit}, the {word} is {compose.the(c.title)} at {_unit_share(c, per, n, unit)}. {compose.cap(rest)}."
        if apart and parse.intent in ("search", "comparison"):  # "zerowater filters, price per filter": those priced
            # in another currency too, not compared
            text += " In another currency, not compared: " + "; ".join(
                f"{compose.the(o.title)}: {_unit_share(o, p, k, unit)}" for o, p, k in apart[:SHOWN]) + "."
        shown = [c.id for c, _, _ in each]
        facts = [f for f in self.retriever.product_facts(shown, cards) if f.attribute == "price"]
        hits = [ProductHit(c.id, c.title, 1.0 - 0.05 * i) for i, (c, _, _) in enumerate(each)]
        return self._result(parse, parse.intent, text, facts, hits, each[0][0].id)

    def _held_in_all(self, parse: Parse) -> Answer | None:
        """"how much coffee is in this pack altogether" of a pack whose title says a count and an amount ("(12 ounces)
        (3-count)"): the amount times the count; None for any other question."""
        if parse.intent != "attribute" or not parse.products or not _IN_ALL.search(parse.text.casefold()):
            return None
        card = self.retriever.cards([parse.products[0].key]).get(parse.products[0].key)
        count = max(pack_counts(card.title), default=1) if card is not None else 1
        held = [said for family, _, said in amounts_said(card.title) if family in ("mass", "volume")] \
            if card is not None else []
        amount = re.match(r"(\d+(?:\.\d+)?)\s*-?\s*(\D.*)$", held[0]) if held else None
        if card is None or count < 2 or amount is None:
            return None
        total = f"{float(amount.group(1)) * count:g} {amount.group(2)}"
        text = compose.cap(f"{compose.the(card.title)} holds {total} in all: {count} × {held[0]}.")
        facts = [f.rescored(1.0) for f in self.retriever.product_facts([card.id], {card.id: card})
                 if f.attribute in ("pack size", "net weight", "size", "capacity")]
        return self._result(parse, "attribute", text, facts, [ProductHit(card.id, card.title, 1.0)], card.id)

    def _per_unit_bounded(self, parse: Parse, each: list[tuple[Card, float, float]]) -> Answer:
        """"whole bean coffee under $10 a pound": of the listings (card, price per unit, units held), those whose price per
        unit is within the bound, in its currency, cheapest per unit first; else the cheapest per unit, said so."""
        cons, unit = parse.constraints, parse.per_unit
        currency = cons.currency or DEFAULT_CURRENCY
        if unit not in UNIT_FACTORS:  # ("coffee under $10 a bag": not the pods of a "48 Pack", counted in pods)
            alike = {"filter", "cartridge"} if unit in ("filter", "cartridge") else {unit}  # (a cartridge is a filter)
            others = re.compile(r"\b(?:" + "|".join(re.escape(w) for w, u in PER_UNIT_WORDS.items()
                                                    if u not in UNIT_FACTORS and u not in {*alike, "unit", "piece"}) + r")s?\b")
            each = [t for t in each if not others.search((t[0].title or "").casefold())]
        priced = sorted(((c, per, n) for c, per, n in each if (c.currency or DEFAULT_CURRENCY) == currency),
                        key=lambda t: (t[1], t[0].id))
        kept = [t for t in priced if (cons.price_max is None or t[1] <= cons.price_max)
                and (cons.price_min is None or t[1] >= cons.price_min)]
        bound = (f"under {format_price(cons.price_max, currency)}" if cons.price_max is not None
                 else f"over {format_price(cons.price_min, currency)}") + f" per {unit}"
        kind = replace(cons, price_min=None, price_max=None).describe()
        if kept:
            shown = "; ".join(f"{compose.the(t[0].title)} at {_unit_share(*t, unit)}" for t in kept[:SHOWN])
            text = f"{compose.plural(len(kept), 'listing')} of {kind} work{'s' if len(kept) == 1 else ''} out {bound}: {shown}."
            chosen = kept
            # (what a later turn refines: these listings, "which works out cheapest per pound" of them)
            parse.constraints = replace(cons, price_min=None, price_max=None, ids=[c.id for c, _, _ in kept])
        else:
            text = f"{compose.DONT_KNOW} of any {kind} that works out {bound}."
            if priced:
                text += f" The cheapest per {unit}: {compose.the(priced[0][0].title)} at {_unit_share(*priced[0], unit)}."
            chosen = priced[:1]
        ids = [c.id for c, _, _ in chosen]
        cards = {c.id: c for c, _, _ in chosen}
        facts = [f for f in self.retriever.product_facts(ids, cards) if f.attribute == "price"]
        hits = [ProductHit(c.id, c.title, 1.0 - 0.05 * i) for i, (c, _, _) in enumerate(chosen)]
        return self._result(parse, "search" if kept else "unanswerable", text, facts, hits, ids[0] if ids else None)

    def _sub_kind(self, cons: Constraints) -> list[str]:
        """The words of a search that name a kind within its category, as titles write them instead of the category's
        own noun ("earbuds" of headphones: no title that says "Earbuds" says "Headphones"; not "fast" of "GaN Fast
        Charger"), when all of its words are such; else none."""
        said = [w for w in cons.words if w.isalpha() and w not in STOPWORDS]
        if not said or not cons.categories:
            return []
        nouns = {t for c in cons.categories for t in tokens(c.name)} - STOPWORDS
        titled = self.lexicon.titled(said)  # (titles in memory first; the store only for a few of them)
        if not titled or len(titled) > MAX_SUB_KIND or any(title_words(self.lexicon.titles.get(p, "")) & nouns
                                                           for p in titled):
            return []
        return said if any(self.understander.in_categories(p, cons.category_keys) for p in titled[:20]) else []

    def _said_in_titles(self, cons: Constraints) -> list[Card]:
        """Products meeting every constraint but the values, whose titles say every value's words and every other
        word of the search ("noise" and "cancelling" in "Sony WH-CH720N … Noise Cancelling Headphones")."""
        needed = {w for w in cons.words if w.isalpha()} - STOPWORDS
        # a size by its number after "Size"/"US" ("Clifton 9 … Size 11" is no size 9)
        sizes = [Link("value", g.keys[0] if g.keys else "", g.label, g.attribute) for g in cons.values
                 if _SIZE_CHECK.match(g.label.casefold())]
        # an amount a title states in any spelling ("30 w" of "Car Charger, 30 watts")
        amounts = [g.label for g in cons.values if not _SIZE_CHECK.match(g.label.casefold())
                   and normalize_value(g.label).unit is not None]
        needed |= {w for g in cons.values if not _SIZE_CHECK.match(g.label.casefold()) and g.label not in amounts
                   for w in tokens(g.label)}  # all of them: "over ear" is not "in-ear"
        if not needed and not sizes and not amounts:
            return []
        rest = Constraints(cons.brands, cons.categories, cons.category_keys, [], cons.price_min, cons.price_max,
                           currency=cons.currency, ids=cons.ids)
        if rest.empty():  # words and values only ("noise cancelling earbuds in black"): the titles that say them all
            if not needed:  # (an amount alone is no search of every title)
                return []
            titled = self.lexicon.titled(sorted(needed))
            if not titled or len(titled) > 500:
                return []
            rest.ids = titled
        # (a model said, "galaxy s24": not the "Galaxy S24 Ultra Case", another model's)
        line = LINE_WORDS - needed if any("model" in g.attribute for g in cons.values) else frozenset()
        return [c for c in self.retriever.search(rest, limit=500).values()
                if needed <= (said := title_words(c.title or "")) and not said & line
                and all(_title_says(c.title or "", [size]) for size in sizes)
                and all(_title_amount(c.title or "", amount) for amount in amounts)]

    def _bounds_in_texts(self, cons: Constraints) -> list[Card]:
        """Products meeting every constraint but the measured bounds ("at least 10 h") whose facts lack those
        attributes, where a sentence of their own text that speaks of the attribute states an amount within each
        bound (read for a few products only); then the same with the amounts said too ("6.1 in", of phones whose
        text alone says '6.1" display')."""
        out: dict[str, Card] = {}
        reads = [[g for g in cons.values if is_measure(g.label, bound=only)] for only in (True, False)]
        for bounds in reads[:1] if reads[0] == reads[1] else reads:
            rest = replace(cons, values=[g for g in cons.values if g not in bounds], words=[])
            if not bounds or rest.empty():
                continue
            found = self.retriever.search(rest, limit=MAX_BOUNDS_READ + 1)
            if len(found) > MAX_BOUNDS_READ:
                continue
            facts = self.retriever.product_facts(list(found), found)
            measured = {(f.product_id, f.attribute) for f in facts}
            for pid, card in found.items():
                if any((pid, g.attribute) in measured and g.keys for g in bounds):
                    continue  # (its fact for the attribute decides: the search did not find it)
                sentences = [f.value for f in self.retriever.text_facts(pid)]
                if all(any(g.attribute in self.understander.asked_attributes(text.casefold())
                           and any(meets_measure(g.label, a) for a in amounts_said(text)) for text in sentences)
                       for g in bounds):
                    out[pid] = card
        # (of the kind the search's words say: "car charger at least 30w" is no cable; "galaxy with 6.2\" display" is
        # no Pixel)
        titled = [w for w in cons.words if w.isalpha() and self.lexicon.title_df.get(w)]
        return [c for c in self._said_by_titles(out, cons).values() if set(titled) <= title_words(c.title or "")]

    def _asked_values(self, parse: Parse, cards: Sequence[Card]) -> list[Fact]:
        """The facts of the first asked attribute (not one the search filtered on) that the listed
        products have, one per product, for a search that also asks about an attribute."""
        filtered = {g.attribute for g in parse.constraints.values}
        asked = [a for a in parse.attributes if a not in filtered and a not in ("price", "brand", "category")]
        if not asked or not cards:
            return []
        facts = self.retriever.product_facts([c.id for c in cards], {c.id: c for c in cards})
        for attr in asked:
            found = [f for f in facts if f.attribute == attr]
            if found:
                return [f.rescored(1.0) for f in _dedupe(found)]
        return []

    def _free_search(self, parse: Parse) -> Answer:
        """No structured constraint: full-text (and vector, when the graph has embeddings) search."""
        words = [t for t in tokens(parse.text) if t not in STOPWORDS]
        named = [w for w in words if not w.isdigit()]
        asked = _ASKS_FOR_KIND.match(parse.text.casefold())
        if named and asked and named[-1] not in self.understander.speller.known:
            # the kind asked for is a word no product has ("do you sell screen protectors?", "any pizza places
            # near me?"); a vague ask ("a present for someone who jogs") is left to the vectors
            kind = parse.text[asked.end():].strip(" ?!.")  # "do u sell ipads": “ipads”
            return self._no_such_kind(parse, kind or parse.text.rstrip("?!. "))
        scores: dict[str, float] = {}
        for pid, s in self.retriever.fulltext(" ".join(words), 10):
            scores[pid] = max(scores.get(pid, 0.0), s)
        if scores:
            top = max(scores.values()) or 1.0
            scores = {k: v / top for k, v in scores.items()}
        if self.embedder is not None:
            for pid, s in self._nearest(parse.text, 10):
                scores[pid] = max(scores.get(pid, 0.0), s)
        if not scores:
            return self._unanswerable(parse)
        cards = self.retriever.cards(sorted(scores, key=lambda p: -scores[p])[:5])
        ranked = sorted(cards.values(), key=lambda c: -scores[c.id])
        facts = [f.rescored(scores[f.product_id] * 0.5) for f in self.retriever.product_facts([c.id for c in ranked], cards)
                 if f.attribute in ("brand", "category", "price")]
        hits = [ProductHit(c.id, c.title, scores[c.id]) for c in ranked]
        return self._result(parse, "search", compose.similar_answer(parse.text, ranked), facts, hits,
                            ranked[0].id if ranked else None)

    def _relaxed(self, parse: Parse) -> Answer:
        """Nothing meets every constraint: drop them one at a time (values, price, brand) to find the closest."""
        cons = parse.constraints
        # "which are clear" of 4 cases listed, none clear: not "no clear products" in the whole shop
        described = _described(cons) if _titled_words(cons) else \
            cons.describe() + (f" among the {len(cons.ids)} listed" if cons.ids and len(cons.ids) > 1 else "")
        if not cons.ids and (sub_kind := self._sub_kind(cons)):  # ("earbuds under $100": headphones titled so)
            described += f" titled “{_as_written(sub_kind, parse.text)}”"
        if cons.ids and 1 < len(cons.ids) <= SHOWN and len(cons.values) == 1 and not (cons.brands or cons.categories
                                                                                or cons.words or cons.not_brands) \
                and cons.price_min is None and cons.price_max is None:
            # "galaxy s24 in white", "hoka clifton 9 in size 9": none of its listings (or of those listed) is; what
            # each one is instead, and a model's listings stay in focus
            group = cons.values[0]
            cards = self.retriever.cards(cons.ids)
            facts = [f for f in self.retriever.product_facts(list(cards), cards) if _matches(f.attribute, group.attribute)]
            if facts:
                listed = [cards[i] for i in cons.ids if i in cards]
                each = [(c, [f.value for f in facts if f.product_id == c.id]) for c in listed]
                hits = [ProductHit(c.id, c.title, 0.5) for c in listed]
                return self._result(parse, "unanswerable", compose.none_in(group.label, each), facts, hits,
                                    listed[0].id if self.understander.one_model(cons.ids) else None)
        if cons.ids and len(cons.values) > 1:
            # a model's listings ("ugg classic short in womens size 7"): those that meet all but one value, each
            near = [(c, trial) for n in range(len(cons.values))
                    for trial in [Constraints(values=cons.values[:n] + cons.values[n + 1:], ids=cons.ids)]
                    for c in list(self.retriever.search(trial, limit=1).values())]
            if near:
                closest = [f for i, (c, trial) in enumerate(near) for f in self.retriever.matched_facts(c, trial, 0.5 - 0.01 * i)]
                hits = [ProductHit(c.id, c.title, 0.5 - 0.01 * i) for i, (c, _) in enumerate(near)]
                return self._dont_know(parse, closest, {c.id: c.title for c, _ in near}, hits, f" of any {described}",
                                       focus=near[0][0].id)  # ("what colours" next: of the model)
        trials: list[Constraints] = []
        for n in range(len(cons.values) - 1, -1, -1):
            trials.append(Constraints(cons.brands, cons.categories, cons.category_keys,
                                      cons.values[:n] + cons.values[n + 1:], cons.price_min, cons.price_max))
        trials.append(Constraints(cons.brands, cons.categories, cons.category_keys, cons.values))
        trials.append(Constraints([], cons.categories, cons.category_keys, cons.values, cons.price_min, cons.price_max))
        trials.append(Constraints([], cons.categories, cons.category_keys))
        for trial in trials:
            if trial.empty():
                continue
            cards = self.retriever.search(trial, limit=50)
            if cards:
                ranked = self._rank_cards(cards, cons.words)[:3]
                closest = [f for c, s in ranked for f in self.retriever.matched_facts(c, trial, 0.5 * s)]
                hits = [ProductHit(c.id, c.title, 0.5 * s) for c, s in ranked]
                titles = {c.id: c.title for c, _ in ranked}
                return self._dont_know(parse, closest, titles, hits, f" of any {described}")
        return self._dont_know(parse, [], {}, [], f" of any {described}")

    # ------------------------------------------------------------------ compatibility

    def _compatibility(self, parse: Parse) -> Answer:
        first = parse.products[0]
        cards = self.retriever.cards([p.key for p in parse.products])
        subject = cards.get(first.key)
        if subject is None:
            return self._unanswerable(parse)
        relations = self.retriever.relations(subject.id)
        if parse.list_mode:
            return self._fits_list(parse, subject, relations)
        if len(parse.alternatives) == 2 and not any(r["id"] == parse.products[1].key for r in relations):
            # near-tied readings ("the Belkin charger"): prefer a pair the graph links
            # (only readings about as full as the best: "iphone 15 plus" is not the iPhone 15 Pro a case is linked to)
            firsts, seconds = (_as_full(side) for side in parse.alternatives)
            for a in firsts:
                rels = relations if a.key == subject.id else self.retriever.relations(a.key)
                linked = next((b for b in seconds if any(r["id"] == b.key for r in rels)), None)
                if linked is not None:
                    cards = self.retriever.cards([a.key, linked.key])
                    subject, relations = cards[a.key], rels
                    parse.products = [a, linked]
                    break
        other = cards.get(parse.products[1].key)
        if other is None:
            return self._unanswerable(parse)
        hits = [ProductHit(subject.id, subject.title, 1.0), ProductHit(other.id, other.title, 1.0)]
        links = [r for r in relations if r["id"] == other.id]
        elsewhere = not links  # linked to another listing of ``other``'s model, if at all
        if elsewhere:  # "will it charge my elitebook 840": linked to another listing of the EliteBook 840 G10
            listings = {v.key for v in self.understander.model_listings(other.id, other.title or "")}
            links = [r for r in relations if r["id"] in listings]
        if not links:  # "can i use it with my hp elitebook 840": the cable is linked to another listing of the laptop
            listings = {v.key for v in self.understander.model_listings(subject.id, subject.title or "")}
            links = [r for r in self.retriever.relations(other.id) if r["id"] in listings]
            if links:
                subject, other, elsewhere = other, subject, True
        said = self._compatible_value(subject, parse.text) if parse.unknown else None
        if parse.unknown and said is None:  # "will this fit an iphone 15?" of a case for the iPhone 15 Pro (15 Plus)
            own = [f for f in self.retriever.product_facts([subject.id], cards) if "compatib" in f.attribute]
            facts = [self.retriever.relation_fact(subject.id, r, 1.0) for r in relations[:5]] or own
            fits = [*dict.fromkeys(r["title"] for r in relations)][:5] or [f.value for f in own]
            text = compose.compatibility_other_model(subject.title, parse.unknown, fits)
            return self._result(parse, "unanswerable", text, facts, hits[:1], subject.id)
        if links and said is None:
            links.sort(key=lambda r: cr.FIT_TYPES.index(r["type"]))
            best = links[0]
            facts = [self.retriever.relation_fact(subject.id, r, 1.0) for r in links]
            text = compose.compatibility_yes(subject.title, other.title, best["type"].lower().replace("_", " "),
                                             best["direction"] == "out", listing=best["title"] if elsewhere else None)
            return self._result(parse, "compatibility", text, facts, hits, subject.id)
        said = said or self._compatible_value(subject, parse.text)
        if said is not None:  # "will this fit an iPhone 15?" on a case for one: no iPhone 15 is listed, its facts say
            text = compose.check_answer(subject.title, "", [said], [])
            return self._result(parse, "compatibility", text, [said.rescored(1.0)], hits[:1], subject.id)
        for accessory, target in ((subject, other), (other, subject)):
            named = _title_names(accessory.title or "", target.title or "", self.lexicon.category_words)
            if named is not None:  # (a graph built without the relation model: the title says what it fits)
                text = f"Going by its title, yes: {compose.the(accessory.title)} says it is for the {named}."
                fact = Fact(accessory.id, "title", accessory.title, "catalog", 0.9, "", {})
                return self._result(parse, "compatibility", text, [fact], hits, accessory.id)
        facts = [self.retriever.relation_fact(subject.id, r, 0.5) for r in relations[:5]]
        text = compose.compatibility_unknown(subject.title, other.title, [*dict.fromkeys(r["title"] for r in relations)][:5])
        answer = self._result(parse, "unanswerable", text, facts, hits, subject.id)
        answer.relation = "checked"  # (a fit asked of two products: "and my pixel 8" asks it of another)
        return answer

    def _compatible_value(self, subject: Card, question: str) -> Fact | None:
        """A 'compatible …' fact of ``subject`` whose value the question says as a whole name, nothing after it
        ("an iPhone 15?", not "an iPhone 15 Pro?")."""
        low = " ".join(tokens(question))
        for f in self.retriever.product_facts([subject.id], {subject.id: subject}):
            value = " ".join(tokens(str(f.value)))
            if "compatib" in f.attribute and any(c.isalpha() for c in value) and re.search(rf"\b{re.escape(value)}$", low):
                return f
        return None

    def _untold_of_kind(self, cons: Constraints) -> list[str]:
        """The products with no category whose titles say the name of a category searched ("Running Shoe")."""
        if self._uncategorized is None:
            self._uncategorized = frozenset(r["id"] for r in self.store.query(cr.QA_UNCATEGORIZED))
        if not self._uncategorized:
            return []
        found: list[str] = []
        for category in cons.categories:
            words = [t for t in tokens(category.name) if t not in STOPWORDS]
            found += [pid for pid in self.lexicon.titled(words) if pid in self._uncategorized] if words else []
        return sorted(set(found))

    def _of_kind_untold(self, row: dict[str, Any], cons: Constraints) -> bool:
        """A related product the catalog gives no category, whose title says the kind asked for ("Galaxy A15 5G
        Case by ESR" for "any cases for it"), when the kind is all that is asked."""
        if not cons.categories or cons.brands or cons.values or cons.price_min is not None or cons.price_max is not None:
            return False
        kinds = {t for c in cons.categories for t in tokens(c.name)} & self.understander.lexicon.category_words
        if not kinds & title_words(row["title"] or ""):
            return False
        return not any(f.attribute == "category" for f in self.retriever.product_facts([row["id"]]))

    def _fitting_its_model(self, target: Card, incoming: Sequence[dict[str, Any]], owner: dict[str, str]
                           ) -> list[dict[str, Any]]:
        """ "which chargers work with the Galaxy S24?": the relations into the other listings of ``target``'s model
        from products not in ``incoming``; ``owner`` gets the listing each one fits."""
        known = {r["id"] for r in incoming} | {target.id}
        found = []
        for listing in self.understander.model_listings(target.id, target.title):
            for r in self.retriever.relations(listing.key):
                if r["direction"] == "in" and r["id"] not in known:
                    found.append(r)
                    owner[r["id"]] = listing.key
                    known.add(r["id"])
        return found

    def _fits_each(self, parse: Parse) -> Answer | None:
        """"which phones are they for" of a few products listed: what each one fits (of the kind said), by the graph's
        links from it; None when none of them is linked to anything."""
        cards = self.retriever.cards(parse.each[:MAX_PRICES_SAID])
        cons = parse.constraints
        each: list[tuple[Card, list[dict[str, Any]]]] = []
        for card in cards.values():
            rows = [r for r in self.retriever.relations(card.id) if r["direction"] == "out"]
            if rows and not cons.empty():
                allowed = self.retriever.search(cons, ids=sorted({r["id"] for r in rows}), limit=500)
                rows = [r for r in rows if r["id"] in allowed]
            each.append((card, list({r["id"]: r for r in rows}.values())))
        if not any(rows for _, rows in each):
            return None
        text = " ".join(compose.compatibility_of(c.title, [r["title"] for r in rows]) for c, rows in each if rows)
        facts = [self.retriever.relation_fact(c.id, r, 1.0) for c, rows in each for r in rows]
        # (those asked about first: "the cheaper one" next is of them; then what they fit)
        hits = [ProductHit(c.id, c.title, 1.0) for c, _ in each] + [ProductHit(r["id"], r["title"], 0.9)
                                                                     for _, rows in each for r in rows]
        return self._result(parse, "compatibility", text, facts, hits)

    def _kind_named(self, parse: Parse, cons: Constraints, said: Callable[[Constraints], str],
                    rows: Sequence[dict[str, Any]] | None = None) -> str:
        """What ``said`` makes of the constraints for an answer, with the kind's own words before the kind ("car charger
        for the pixel 8 pro": car chargers), and of a compound kind the half that every one of ``rows`` says in its
        title, else (no rows) the half the question says ("charging" of chargers & cables: chargers)."""
        words = [w for w in cons.words if w not in self.lexicon.category_words and self._kind_word(w, cons)]
        told = [title_words(r["title"] or "") for r in rows] if rows is not None else [set(tokens(parse.text))]

        def half(name: str) -> str:
            parts = category_halves(name)
            return next((p for p in parts if len(parts) > 1 and all(
                any(w[:5] == singular(p)[:5] for w in t) for t in told)), name)

        halves = [replace(c, name=" ".join([*words, half(c.name.lower())])) for c in cons.categories]
        return said(replace(cons, categories=halves))

    def _kind_word(self, word: str, cons: Constraints) -> bool:
        """Whether some title says ``word`` just before a word of a kind's name ("car charger", "wireless charging pad"),
        so that it names a kind of its own (not "pack", which no title says before "filter")."""
        lex = self.understander.lexicon
        names = {w[:5] for c in cons.categories for w in tokens(c.name)} - {word[:5]}  # ("wireless charging pad")
        for pid in lex.titled([word])[:_KIND_WORD_TITLES]:
            said = tokens(lex.titles.get(pid, ""))
            if any(a == word and b[:5] in names for a, b in zip(said, said[1:])):
                return True
        return False

    def _of_kind_said(self, rows: list[dict[str, Any]], cons: Constraints) -> list[dict[str, Any]]:
        """The related products ``rows`` of the kind, brand, values and price said; a word of the kind that none of
        their titles says but others do ("what machine do ppl buy it with", "which replacement cartridges fit this") is
        not required where the rest leave some."""
        def of(cons: Constraints) -> list[dict[str, Any]]:
            if not cons.empty() and rows:
                ids = sorted({r["id"] for r in rows} & set(cons.ids) if cons.ids is not None else {r["id"] for r in rows})
                allowed = self.retriever.search(cons, ids=ids, limit=500)
                if cons.values:  # "140w charger for an acer aspire 5": one whose title says "140 watts" and no fact does
                    allowed.update({pid: c for pid, c in self.retriever.search(replace(cons, values=[]), ids=ids).items()
                                    if all(_title_amount(c.title or "", g.label) for g in cons.values)})
                    # ("clear cases for the iphone 14": the "… for Apple iPhone 14, Clear" no colour fact names)
                    allowed.update({c.id: c for c in self._said_in_titles(replace(cons, ids=ids))})
                kept = [r for r in rows if r["id"] in allowed or self._of_kind_untold(r, cons)]
                # the half of a category's name said ("cable for the pixel 8 pro" of chargers & cables): titles that say it
                halves = {singular(h)[:5] for c in cons.categories if (h := half_said(c.name.lower(), cons.words))
                          != c.name.lower()}
                kept = [r for r in kept if halves <= {w[:5] for w in title_words(r["title"] or "")}]
                # (the kind's other words where some of them say them: "car charger" of a laptop, its car charger)
                own = set(cons.words) - self.understander.lexicon.category_words  # ("water filter": a kind's word)
                titled = [r for r in kept if own <= title_words(r["title"] or "")] if own else []
                if own and not titled:  # ("magsafe cases for the iphone 15 pro": the ones whose text says "MagSafe")
                    titled = [r for r in kept if all(any(_says_word(w, _word_forms(f.value)) for f in (
                        self.retriever.text_facts(r["id"]))) for w in own)]
                if titled:
                    return titled
                # (a word titles say just before the kind's name names a kind of its own: a phone with no car charger
                # linked has none, not its wall charger; "zerowater filter pack" wants no "pack" in the title)
                kinds = {w for w in own if self._kind_word(w, cons)}
                return [r for r in kept if kinds <= title_words(r["title"] or "")] if kinds else kept
            if cons.words:  # a kind no category names ("screen protector for …"): what fits whose title says it
                return [r for r in rows if set(cons.words) <= title_words(r["title"] or "")]
            return rows
        found = of(cons)
        if found or cons.categories:  # (a kind named: "car charger" of a phone with none is none)
            return found
        # (a word no title in the catalog says stays: "screen protector for it" finds none)
        said = [w for w in cons.words if any(w in title_words(r["title"] or "") for r in rows)
                or not self.understander.lexicon.title_df.get(w)]
        return of(replace(cons, words=said)) if said != cons.words else []

    def _fits_list(self, parse: Parse, target: Card, relations: list[dict[str, Any]]) -> Answer:
        """'What fits the iPhone 13?' (products pointing at it), 'what does this case fit?' (its targets) or
        'what coffee comes with it?' (what it includes)."""
        cons = parse.constraints
        if parse.each and (each := self._fits_each(parse)) is not None:
            return each
        if parse.included in ("bought", "similar"):  # "what coffee do people buy with the dedica": BOUGHT_TOGETHER
            # (or SIMILAR_TO) either way, of the listing named, else of the first other listing of its model that has any
            own = title_words(target.title or "")  # (the other listings most like it first: its colour)
            siblings = sorted(self.understander.model_listings(target.id, target.title or ""),
                              key=lambda v: -len(own & title_words(v.name)))
            listings = [target.id, *(v.key for v in siblings)]
            related = self.retriever.similar_to if parse.included == "similar" else self.retriever.bought_with
            linked = [(pid, rows) for pid in listings if (rows := related(pid))]
            if parse.included == "similar":  # (like any listing of the model: the Spectre's two listings' links)
                linked = [(linked[0][0], [r for _, rows in linked for r in rows if r["id"] not in listings])] \
                    if linked else []
            source, relations = linked[0] if linked else (target.id, [])
            relations = [{**r, "direction": "out"} for r in relations]
            if source != target.id:  # the answer is of the listing whose links they are (its facts find them again)
                target = self.retriever.cards([source]).get(source, target)
        elif parse.included:  # "what coffee comes with it?", "is it sold in a bundle?": INCLUDES edges out or in
            relations = self.retriever.included(target.id, within=parse.included == "in")
            if not relations and parse.included == "out" and parse.context == target.id and len(parse.listed) == 1 \
                    and (held := self.retriever.included(parse.listed[0], within=False)) \
                    and (bundle := self.retriever.cards(parse.listed[:1]).get(parse.listed[0])) is not None:
                # "which phone comes in it" after the one bundle the charger in focus is sold in: what the bundle holds
                target, relations = bundle, held
            listed = [r["title"] for r in relations if r["source"] == "catalog"]
            # (a model the catalog says it includes: not again as the other listings extraction linked the name to)
            relations = [r for r in relations if r["source"] == "catalog" or not any(
                self.understander.same_model(r["title"], t) for t in listed)]
        incoming = [r for r in relations if r["direction"] == "in"]
        outgoing = [r for r in relations if r["direction"] == "out"]
        asks_targets = bool(outgoing and (cons.empty() and _asks_targets(parse.text) or parse.included == "out"))
        owner: dict[str, str] = {}  # product → the other listing of the model it fits (else the target)
        if not asks_targets and not parse.pinned and not parse.included:
            incoming += self._fitting_its_model(target, incoming, owner)
        rows = incoming if (incoming and not asks_targets) else outgoing
        rows = self._of_kind_said(rows, cons)
        if parse.included == "similar" and rows and _CHEAPER_TOO.search(parse.text) and target.price is not None:
            # "dedica ec685 black - anything similar but cheaper": those priced below it (in its currency)
            priced = self.retriever.cards([r["id"] for r in rows])
            rows = [r for r in rows if (c := priced.get(r["id"])) is not None and c.price is not None
                    and c.currency == target.currency and c.price < target.price]
            if not rows:
                return self._dont_know(parse, [], {}, [ProductHit(target.id, target.title, 1.0)],
                                       f" of anything listed as similar to {compose.the(target.title)} that is cheaper",
                                       focus=target.id)
        if not rows and outgoing and not incoming and not parse.included and not parse.pinned:
            # "which laptops is the samsung 140w charger good for": what another listing of its model fits
            for listing in self.understander.model_listings(target.id, target.title or ""):
                rows = self._of_kind_said([r for r in self.retriever.relations(listing.key) if r["direction"] == "out"],
                                          cons)
                if rows:
                    target = self.retriever.cards([listing.key]).get(listing.key, target)
                    break
        thing = [t for t in tokens(parse.thing) if t not in STOPWORDS]  # "does it come with a carrying case"
        if not rows and parse.included == "out" and (cons.empty() or thing) \
                and (said := [f.rescored(1.0) for f in self.retriever.text_facts(target.id)
                              if (_SAYS_INCLUDED.search(f.value) if cons.empty() else
                                  all(_says_word(w, _word_forms(f.value)) for w in thing))]):
            # "whats in the box" of headphones that include no listed product: "Comes with a USB-C charging cable."
            text = compose.text_answer(target.title, [(f.attribute, f.value) for f in said[:2]])
            return self._result(parse, "attribute", text, said[:2], [ProductHit(target.id, target.title, 1.0)], target.id)
        if not rows and not parse.included and (not cons.empty() or cons.words) and GOES_WITH.search(parse.text) \
                and self._of_kind_said([{**r, "direction": "out"} for v in (target.id, *(
                    m.key for m in self.understander.model_listings(target.id, target.title or "")))
                    for r in self.retriever.bought_with(v)], cons):
            # "what coffee would go with it" of an espresso machine nothing fits: the coffee bought with it
            parse.included = "bought"
            return self._fits_list(parse, target, relations)
        if not rows and parse.pinned and target.id == parse.products[0].key and not relations:
            # "what type of camera does this fit on?" on a product the graph links to nothing: its own
            # facts may say ("compatible mountings: camcorder")
            return self._attribute(parse)
        if not rows:
            facts = [self.retriever.relation_fact(target.id, r, 0.5) for r in relations[:5]]
            kind = self._kind_named(parse, cons, Constraints.describe) if not cons.empty() else \
                " ".join(cons.words) + "s" if cons.words else "products"
            named = {target.id: target.title, **{r["id"]: r["title"] for r in relations[:5]}}
            how = {"bought": "bought with", "out": "that come with", "in": "in a bundle with",
                   "similar": "listed as similar to"}.get(parse.included, "that fit")
            return self._dont_know(parse, facts, named, [ProductHit(target.id, target.title, 1.0)],
                                   f" of any {kind} {how} {compose.the(target.title)}", focus=target.id)
        seen: dict[str, dict[str, Any]] = {}
        for r in sorted(rows, key=lambda r: cr.FIT_TYPES.index(r["type"]) if r["type"] in cr.FIT_TYPES else 0):
            seen.setdefault(r["id"], r)
        if parse.aggregate in ("min_price", "max_price") and len(seen) > 1:
            # "cheapest filter pack for it": the price extreme among what fits
            parse.intent, parse.constraints = "aggregate", Constraints(categories=cons.categories, ids=list(seen),
                                                                       currency=cons.currency)
            return self._aggregate(parse)
        facts = [self.retriever.relation_fact(owner.get(r["id"], target.id), r, 1.0) for r in rows]
        hits = [ProductHit(r["id"], r["title"], 1.0) for r in seen.values()]
        cards = self.retriever.cards(list(seen))  # with their prices, as a search lists them
        titles = [compose.card_text(cards[i]) if i in cards else r["title"] for i, r in seen.items()]
        if rows[0]["type"] == ProductRelation.BOUGHT_TOGETHER.value:
            text = compose.bought_with(target.title, titles)
        elif rows[0]["type"] == ProductRelation.SIMILAR_TO.value:
            text = compose.similar_to(target.title, titles)
        elif rows[0]["type"] == ProductRelation.INCLUDES.value:
            text = compose.included(target.title, titles, within=rows[0]["direction"] == "in")
        elif rows is outgoing or rows[0]["direction"] == "out":
            text = compose.compatibility_of(target.title, titles)
        else:
            what = self._kind_named(parse, cons, lambda c: " or ".join(c.name.lower() for c in c.categories),
                                    list(seen.values())) \
                if cons.categories else "products"
            others = {owner[r["id"]] for r in rows if r["id"] in owner}
            text = compose.compatibility_list(target.title, titles, what, len(others))
            would = _WOULD_IT_WORK.search(parse.text.casefold())
            named = self.lexicon.titles  # (the ones listed of the kind said: "that pad" is one of the pads listed)
            meant = [p for p in parse.listed if set(cons.words) <= title_words(named.get(p, ""))
                     and (not cons.category_keys or self.understander.in_categories(p, cons.category_keys))]
            if would and meant and not set(meant) & set(seen):
                # "with a galaxy s24, would that pad work" where none of the pads listed fits it: no, and what does
                text = f"No: none of the {len(meant)} listed is linked to {compose.the(target.title)}. {text}"
            elif (not cons.empty() or cons.words) and (parse.yes_no or _GOOD_FOR.search(parse.text) or would):
                # "spigen 100w usb c cable - good for a macbook air 15?": the one described fits, so yes
                text = f"Yes: {text}"
        answer = self._result(parse, "compatibility", text, facts, hits, target.id)
        answer.relation = parse.included or ("targets" if rows is outgoing else "fits")
        kind = cons.describe() if cons.categories or cons.words else ""
        answer.relisted = " ".join(_RELISTED[answer.relation].format(kind=kind).split())
        return answer

    # ------------------------------------------------------------------ comparison

    def _comparison(self, parse: Parse) -> Answer:
        ids = [parse.products[0].key, parse.products[1].key]
        cards = self.retriever.cards(ids)
        if len(cards) < 2:
            return self._unanswerable(parse)
        a, b = cards[ids[0]], cards[ids[1]]
        if parse.attributes[:1] == ["price"] and a.currency != b.currency:
            # "is the Pixel 7a or the iPhone 13 cheaper?" with the two listings in $ and €: another listing of
            # one of the models in the other's currency compares without a rates table
            a, b = self._same_currency(parse, a, b)
            ids, cards = [a.id, b.id], {a.id: a, b.id: b}
        facts = self.retriever.product_facts(ids, cards)
        hits = [ProductHit(a.id, a.title, 1.0), ProductHit(b.id, b.title, 1.0)]
        by = {pid: [f for f in facts if f.product_id == pid] for pid in ids}
        attrs = parse.attributes
        if attrs[:1] == ["size"]:  # "which bag is bigger": whichever measure of size both have (a bag's: its weight)
            attrs = list(dict.fromkeys([*attrs, *_SIZE_ATTRIBUTES, "net weight"]))
        if attrs:
            # each side's near-tied links; in a follow-up ("ok what about battery"), its model's listings (read once)
            listings = [cache(lambda side=side, card=card: parse.alternatives[side][1:] if len(parse.alternatives) == 2
                              else self.understander.model_listings(card.id, card.title))
                        for side, card in enumerate((a, b))]

            one_side: tuple[Card, list[Fact], Card] | None = None
            for attr in attrs:
                fa = ([f for f in by[a.id] if _matches(f.attribute, attr)]
                      or self._sibling_facts(a, by[a.id], listings[0](), attr))
                fb = ([f for f in by[b.id] if _matches(f.attribute, attr)]
                      or self._sibling_facts(b, by[b.id], listings[1](), attr))
                if fa and not fb:  # the one side's text may say it ("Up to 24 hrs of playback")
                    fb = self._text_amount(b, fa, a, parse.text)
                elif fb and not fa:
                    fa = self._text_amount(a, fb, b, parse.text)
                if fa and fb:
                    return self._compare_on(parse, a, fa, b, fb, hits)
                if (fa or fb) and one_side is None:
                    one_side = (a, fa, b) if fa else (b, fb, a)
            if one_side is not None:  # what the one side has, and that the catalog does not say for the other
                known, found, unknown = one_side
                text = compose.one_side_known(found[0].attribute, known, [f.value for f in found], unknown)
                return self._result(parse, "comparison", text, [f.rescored(1.0) for f in found], hits)
            closest = [f.rescored(0.5) for f in facts if any(_matches(f.attribute, x) for x in attrs)][:4]
            return self._dont_know(parse, closest, {a.id: a.title, b.id: b.title}, hits,
                                   f" the {attrs[0]} of both {compose.the(a.title)} and {compose.the(b.title)}")
        shared = [x for x in dict.fromkeys(f.attribute for f in by[a.id]) if any(f.attribute == x for f in by[b.id])]

        def alike(x: str) -> bool:  # (what sets the two apart first: two listings of one model differ in storage, not brand)
            return {normalize_value(str(f.value)).text for f in by[a.id] if f.attribute == x} \
                == {normalize_value(str(f.value)).text for f in by[b.id] if f.attribute == x}
        shared = sorted((x for x in shared if x != "category"), key=lambda x: (x != "price", alike(x)))[:4]
        fa = [f.rescored(0.9) for x in shared for f in by[a.id] if f.attribute == x]
        fb = [f.rescored(0.9) for x in shared for f in by[b.id] if f.attribute == x]
        if not shared:
            return self._dont_know(parse, [], {}, hits, " what the two products have in common to compare")
        return self._result(parse, "comparison", compose.overview_comparison(a, fa, b, fb), fa + fb, hits)

    def _other_listings(self, card: Card, facts: Sequence[Fact], links: Sequence[Link]
                        ) -> Iterator[tuple[Card, list[Fact]]]:
        """(card, facts) of the other listings of ``card``'s model among ``links`` (near-tied links to its
        name), in their order: those in its category ("facts" are ``card``'s own, for the category)."""
        category = {f.value for f in facts if f.attribute == "category"}
        cards = self.retriever.cards([link.key for link in links])
        for link in links:
            other = cards.get(link.key)
            if other is None or other.id == card.id:
                continue
            other_facts = self.retriever.product_facts([other.id], {other.id: other})
            theirs = {f.value for f in other_facts if f.attribute == "category"}
            if category and not category & theirs and (theirs or not self.understander.same_model(card.title,
                                                                                                  other.title)):
                continue  # a case that names the phone is not a listing of the phone (one with no category may be)
            yield other, other_facts

    def _same_currency(self, parse: Parse, a: Card, b: Card) -> tuple[Card, Card]:
        """(a, b) with one side swapped for another listing of its model priced in the other side's
        currency, the shopper's default currency first; as they were when there is none."""
        if len(parse.alternatives) != 2:
            return a, b
        for side in ((1, 0) if a.currency == DEFAULT_CURRENCY else (0, 1)):
            keep, swap = (b, a) if side == 0 else (a, b)
            own = self.retriever.product_facts([swap.id], {swap.id: swap})
            for other, _ in self._other_listings(swap, own, parse.alternatives[side][1:]):
                if other.price is not None and other.currency == keep.currency:
                    return (other, b) if side == 0 else (a, other)
        return a, b

    def _sibling_facts(self, card: Card, facts: Sequence[Fact], links: Sequence[Link], attr: str) -> list[Fact]:
        """The ``attr`` facts of the first other listing of ``card``'s model among ``links`` that has them, for a
        listing that lacks the attribute compared (of the same gender: a women's shoe weighs less than the men's)."""
        gender = _genders(facts, card.title)
        for other, other_facts in self._other_listings(card, facts, links):
            if not self.understander.same_model(card.title, other.title):
                continue  # a near tie of the name that is another model (the Bose QuietComfort Earbuds II)
            if _for_others(gender, other_facts, other.title):
                continue
            found = [f for f in other_facts if _matches(f.attribute, attr)]
            if found:
                return found
        return []

    def _text_amount(self, card: Card, like: Sequence[Fact], known: Card, question: str) -> list[Fact]:
        """The amount ``card``'s title or own text states for the attribute of ``like`` (a fact of ``known``), when no
        fact of it or of its model's listings holds it: the one amount of the same kind (hours with hours) in a sentence
        that says a word of the question or of the attribute ("Up to 24 hrs of playback on a single charge" for
        "which one lasts longer on battery?"). As a fact of the attribute, from its text; else nothing."""
        attribute = like[0].attribute
        theirs = _quantity(attribute, like, known)
        if theirs is None or theirs[0].startswith("money"):
            return []
        titled = _amounts_of(card.title or "", theirs[0])
        if len(titled) == 1 and theirs[0] not in _TITLE_AMBIGUOUS:
            # its title states it ("GaN Fast Charger (3-port), 140 watts, by Samsung"; not a title's "512GB" for RAM)
            return [Fact(card.id, attribute, titled[0], "title", 1.0, cr.PRODUCT_CARDS, {"id": card.id})]
        words = {*tokens(question), *tokens(attribute)} - STOPWORDS
        if "battery" in attribute:
            words |= _BATTERY_WORDS
        if "weight" in attribute:
            words |= _WEIGHT_WORDS
        found = []
        for f in self.retriever.text_facts(card.id):
            if not words & _word_forms(f.value):
                continue
            found += [Fact(card.id, attribute, said, "text", 1.0, f.cypher, f.params)
                      for said in _amounts_of(f.value, theirs[0])]
        return found if len(found) == 1 else []

    def _each_value(self, parse: Parse) -> Answer | None:
        """The first asked attribute of each of a few listed products that some of them have, product by product."""
        ids = parse.constraints.ids or []
        cards = self.retriever.cards(ids)
        listed = [cards[i] for i in ids if i in cards]
        found = self._asked_values(parse, listed)
        if not found:  # "what do they taste like" of two coffees no fact says it of: what each one's text says
            told = [said for c in listed if (said := self._from_text(parse, c)) is not None]
            if not told:
                return None
            return self._result(parse, "aggregate", " ".join(a.answer for a in told), [f for a in told for f in a.facts],
                                [])
        attribute = found[0].attribute
        asked = replace(parse, attributes=[attribute, *parse.attributes])
        for c in listed:  # ("how many watts are they": the "USB-C Wall Charger, 30-watt" whose facts lack it, its title;
            # else a sentence of its text: "Military-grade drop protection up to 15 ft")
            if not any(f.product_id == c.id for f in found) \
                    and (said := self._from_title(asked, c) or self._from_text(asked, c, [attribute])) is not None:
                found += [f for f in said.facts if f.product_id == c.id][:1]
        quoted = {f.value for f in found if f.source == "text"}
        fluid = _fluid(attribute)  # ("in kilos": each value in that unit too, "355 pounds (161 kg)")
        each = [(c, [f"{v} ({to})" if v not in quoted and (to := _in_unit(parse.text, v, fluid)) else v
                     for v in (str(f.value) for f in found if f.product_id == c.id)]) for c in listed]
        # (no hits: the list in the conversation stays the one these were of)
        return self._result(parse, "aggregate", compose.each_value(attribute, each, quoted), found, [])

    def _compare_on(self, parse: Parse, a: Card, fa: list[Fact], b: Card, fb: list[Fact],
                    hits: list[ProductHit]) -> Answer:
        attribute = fa[0].attribute
        if attribute == "price":  # a side's price from another listing of its model is said of that listing (a weight
            # is its model's)
            owners = self.retriever.cards([f[0].product_id for f in (fa, fb) if f[0].product_id not in (a.id, b.id, "")])
            a, b = owners.get(fa[0].product_id, a), owners.get(fb[0].product_id, b)
        qa, qb = _quantity(attribute, fa, a), _quantity(attribute, fb, b)
        va, vb = [f.value for f in fa], [f.value for f in fb]
        winner: Card | None = None
        word: str | None = None
        money, note = a.currency or DEFAULT_CURRENCY, ""
        if attribute == "price" and qa is not None and qb is not None and qa[0] != qb[0]:
            # two currencies: converted into the shopper's at the user's rates, else not compared
            money = parse.constraints.currency or DEFAULT_CURRENCY
            held = (a.currency or DEFAULT_CURRENCY, b.currency or DEFAULT_CURRENCY)
            rates = self.rates
            ca, cb = (rates.convert(qa[1], held[0], money), rates.convert(qb[1], held[1], money)) \
                if rates is not None else (None, None)
            if rates is not None and ca is not None and cb is not None:
                qa, qb, note = (f"money:{money}", ca), (f"money:{money}", cb), rates.converted
                va, vb = [compose.price_said(a, money, ca)], [compose.price_said(b, money, cb)]
            else:
                lacking = rates.lacking(*held, money) if rates is not None else ""
                note = " The two are priced in different currencies, and I have no exchange rate" + \
                    (f" for {lacking} to compare them." if lacking else "s to compare them.")
        if qa is not None and qb is not None and qa[0] == qb[0]:
            if _same_amount(qa[1], fa[0].value, qb[1], fb[0].value):
                word = "same"
            else:
                direction = parse.direction or "higher"
                low, high = (a, b) if qa[1] < qb[1] else (b, a)
                winner = low if direction == "lower" else high
                word = _comparative_word(attribute, direction, parse.text)
        facts = [f.rescored(1.0) for f in fa + fb]
        # two prices in one currency: by how much ("is the barista express more than the dedica" … "by how much")
        by = format_price(round(abs(qa[1] - qb[1]), 2), money) if winner is not None and attribute == "price" \
            and qa is not None and qb is not None else _by_amount(va, vb, parse.text) if winner is not None else None
        text = compose.comparison_answer(attribute, a, va, b, vb, winner, word, by)
        return self._result(parse, "comparison", text + note, facts, hits)

    # ------------------------------------------------------------------ aggregates

    def _aggregate(self, parse: Parse) -> Answer:
        cons = parse.constraints
        kind = parse.aggregate
        if kind == "count_products" and cons.words and cons.ids is None \
                and not (cons.categories or cons.brands or cons.values) \
                and any(w.isalpha() and not self.lexicon.title_df.get(w) for w in cons.words):
            # "how many coats of paint does a bedroom wall need": words no title says count no products (not the
            # wall chargers)
            return self._dont_know(parse, [], {}, [], f" of any {' '.join(cons.words)} products")
        if cons.ids is None and (told := self._bounds_in_texts(cons)):
            # "which is the lightest of them" after laptops with at least 10 hours' battery, some said in their text
            cons = parse.constraints = replace(cons, ids=list(dict.fromkeys(
                [*self.retriever.search(cons, limit=MAX_BOUNDS_READ), *(c.id for c in told)])))
        models = [g for g in cons.values if "model" in g.attribute or any("model=" in k for k in g.keys)]
        # ("ultra" of "titanium violet s24 ultra" is a processor's word and a compatible model's)
        if models and cons.ids is None and not cons.categories:
            # "cheapest iphone", "cheapest google pixel 8 hazel": the products titled so that are not of the kinds
            # whose compatible model it is (cases "Designed for iPhone 14"); else, when none is, all titled so
            titled = self._titled([w for g in models for w in tokens(g.label)])
            fitting = self.retriever.search(Constraints(values=models), limit=MAX_LISTED)  # (a sample: their kinds)
            accessories = {self.understander.category_of(pid) for pid in fitting}
            own = [pid for pid in titled if self.understander.category_of(pid) not in accessories]
            if own or titled and not self.retriever.search(cons, limit=1):
                cons = parse.constraints = replace(cons, values=[g for g in cons.values if g not in models],
                                                   ids=own or titled)
        # "average price of standing desks", "which espresso maker has the largest water reservoir": those titled so
        if cons.words and not cons.ids and (kind != "extreme" or cons.categories):
            known = [w for w in cons.words if self.lexicon.title_df.get(w)]  # ("wat r the cheapest earbuds")
            if not (cons.categories or cons.brands or cons.values) and known and (titled := self._titled(known)):
                cons = parse.constraints = replace(cons, ids=titled)  # "cheapest earbuds": only words say the kind
            else:
                found = self.retriever.search(cons) if known or cons.categories or cons.brands or cons.values \
                    or any(w in self.understander.speller.known for w in cons.words) else {}
                said = self._said_by_titles(found, cons)  # ("how many unicorns": words the graph has none of)
                if len(said) < len(found) or not found:
                    cons = parse.constraints = replace(cons, ids=list(said))
        kind_said = None
        if kind in ("min_price", "max_price") and cons.categories and cons.ids is None \
                and (untold := self._untold_of_kind(cons)) \
                and len(found := self.retriever.search(cons, limit=MAX_TEXT_READ + 1)) <= MAX_TEXT_READ:
            # "whats the cheapest ninja blender listing": a listing the catalog gives no category, titled "Blender",
            # as a search finds it (of a few only); an average or a count stays over the kind as the catalog files it
            found.update(self.retriever.search(replace(cons, categories=[], category_keys=[], ids=untold)))
            kind_said = cons  # (the answer names the kind)
            cons = parse.constraints = replace(cons, categories=[], category_keys=[], ids=list(found))
        # what the answer adds of currencies: prices converted at the user's rates, and those left out
        other_currencies, rated, converted = "", False, False
        if kind in ("min_price", "max_price", "avg_price"):
            # prices in different currencies are never compared or averaged as one, but converted at the user's rates
            priced = self.retriever.price_currencies(cons)
            if cons.currency is None:  # (none said: the default one, else the one most of them are priced in)
                in_default = not priced or any(r["currency"] == DEFAULT_CURRENCY for r in priced) \
                    or self.retriever.converts(replace(cons, currency=DEFAULT_CURRENCY), aggregate=True)
                cons.currency = DEFAULT_CURRENCY if in_default else priced[0]["currency"]
            rated = self.rates is not None and self.retriever.converts(cons, aggregate=True)
            others = [r for r in priced if r["currency"] != cons.currency
                      and not (rated and self.rates is not None and self.rates.factor(r["currency"], cons.currency))]
            converted = any(r["currency"] != cons.currency for r in priced if r not in others)
            if others:
                other_currencies = (" Not counted, for want of exchange rates: " + ", ".join(
                    f"{r['products']} priced in {r['currency']}" for r in others) + ".")
        # (converted: of every currency, "the running shoes", not "… priced in USD"; a budget keeps its own sign)
        shown = replace(kind_said, currency=cons.currency) if kind_said is not None else cons
        desc = replace(shown, currency=None).describe() if rated and cons.price_min is None and cons.price_max is None \
            else shown.describe()
        if desc.startswith("products") and (named := self._kind_name(cons)):  # "the cheapest of the wireless earbuds"
            desc = named + desc[len("products"):]
        elif desc.startswith("products") and cons.ids and len(cons.ids) > 1 and replace(cons, ids=None, currency=None).empty() \
                and self.understander.one_model(cons.ids):  # "the cheapest of the listings of the Google Pixel 8"
            desc = f"listings of the {compose.short_title(self.lexicon.titles.get(cons.ids[0], ''))}" + desc[len("products"):]
        if kind in ("count_brands", "brands"):
            rows, cypher, params = self.retriever.group_brands(cons)
            if not rows:
                return self._relaxed(parse)
            names = [*dict.fromkeys(r["brand"] for r in rows)]
            facts = [Fact("", "brand", r["brand"], r["source"] or "catalog", 1.0 - 0.001 * i, cypher, params)
                     for i, r in enumerate(rows)]
            return self._result(parse, "aggregate", compose.brands_answer(len(names), desc, names), _dedupe(facts), [])
        if kind == "count_products":
            n, cypher, params = self.retriever.count(cons)
            title_said: dict[str, Card] = {}
            if cons.values and n < MAX_LISTED:  # ("how many wired headphones": those whose titles alone say it too)
                found = self.retriever.search(cons, limit=MAX_LISTED)
                title_said = {c.id: c for c in self._said_in_titles(cons) if c.id not in found}
                n += len(title_said)
            if n == 0:
                return self._relaxed(parse)
            ranked = self._rank_cards({**self.retriever.search(cons, limit=10), **title_said}, cons.words)
            evidence = [Fact("", "count", str(n), "graph", 1.0, cypher, params)]
            evidence += [f for c, _ in ranked[:3] for f in self.retriever.matched_facts(c, cons, 0.5)[:1]]
            hits = [ProductHit(c.id, c.title, s) for c, s in ranked[:10]]
            counted = _described(cons, desc)  # "1 product titled “shelf”"
            return self._result(parse, "aggregate", compose.count_answer(n, counted), evidence, hits)
        if kind in ("min_price", "max_price"):
            # (every one of a few, in price order: "which ones are rated for a 15 ft drop" next is of them all)
            rows, cypher, params = self.retriever.price_order(cons, descending=kind == "max_price", limit=MAX_LISTED)
            if not rows:
                return self._relaxed(parse)
            rows = rows if len(rows) < MAX_LISTED else rows[:5]  # (of many, the first few, as ever)
            cards = [Card(r["id"], r["title"], r["price"], r["currency"]) for r in rows]
            facts = [Fact(c.id, "price", format_price(c.price, c.currency), "catalog", 1.0 - 0.1 * i, cypher, params)
                     for i, c in enumerate(cards)]
            hits = [ProductHit(c.id, c.title, 1.0 - 0.1 * i) for i, c in enumerate(cards)]
            others = cards[1:] if len(cards) <= MAX_PRICES_SAID else []  # (of two or three: what each costs)
            amounts = {r["id"]: r["amount"] for r in rows if r.get("amount") is not None}
            # (a price named converted says so, whatever the currencies counted under a bound said)
            converted = converted or rated and any((c.currency or DEFAULT_CURRENCY) != cons.currency for c in cards)
            text = compose.extreme_answer(kind, desc, cards[0], others, amounts, cons.currency)
            return self._result(parse, "aggregate", text + self._converted(converted) + other_currencies, facts, hits,
                                cards[0].id)
        if kind == "avg_price":
            row, cypher, params = self.retriever.price_stats(cons)
            if not row or not row.get("products"):
                return self._relaxed(parse)
            facts = [Fact("", name, format_price(row[name], cons.currency), "graph", 1.0, cypher, params)
                     for name in ("average", "lowest", "highest")]
            text = compose.average_answer(desc, int(row["products"]), row["average"], row["lowest"], row["highest"],
                                          cons.currency) + self._converted(converted) + other_currencies
            # of a few (a model's listings), those, for "the purple one" or "its screen" next
            averaged = self.retriever.search(cons, limit=MAX_LISTED, aggregate=True) \
                if int(row["products"]) <= MAX_LISTED else {}  # (those averaged: converted too, with rates)
            hits = [ProductHit(c.id, c.title, 1.0) for c in averaged.values()]
            return self._result(parse, "aggregate", text, facts, hits, hits[0].id if len(hits) == 1 else None)
        if kind == "extreme":
            return self._extreme(parse)
        if kind == "values":
            attrs = [a for a in parse.attributes if a not in ("price", "brand", "category")]
            if attrs and cons.ids and len(cons.ids) <= SHOWN and (each := self._each_value(parse)):
                return each  # "what do they each weigh" of the few listed (as many as an answer names): each one's
            rows, cypher, params = self.retriever.group_values(cons, attrs)
            if not rows:
                return self._relaxed(parse)
            attribute = rows[0]["attribute"]
            values = [*dict.fromkeys(r["value"] for r in rows if r["attribute"] == attribute)]
            facts = [Fact("", r["attribute"], r["value"], r["source"] or "catalog", 1.0 - 0.001 * i, cypher, params)
                     for i, r in enumerate(rows) if r["attribute"] == attribute]
            # the few products that have them, for what is asked next ("between the 7.5 and the 8.5, which is less money")
            few = self.retriever.search(cons, limit=SHOWN + 1) if len(values) > 1 and not cons.ids else {}
            hits = [ProductHit(c.id, c.title, 1.0) for c in few.values()] if len(few) <= SHOWN else []
            return self._result(parse, "aggregate", compose.values_answer(attribute, desc, values), _dedupe(facts), hits)
        return self._unanswerable(parse)

    @staticmethod
    def _kind_name(cons: Constraints) -> str | None:
        """What a set of products is called in an answer: its one category ("Air Fryers"), or the words its titles
        say ("earbuds"), else None."""
        if len(cons.categories) == 1:  # ("cables" of Chargers & Cables: the half said)
            return half_said(cons.categories[0].name, cons.words)
        words = _titled_words(cons)
        return " ".join(words) + "s" if words else None

    def _extreme(self, parse: Parse) -> Answer:
        """The product at one end of an attribute ("which of them is the lightest?") among the listed or found
        products (at most MAX_EXTREME); between two, a comparison. Amounts are compared in one unit family
        (grams with kilograms and pounds), never across families."""
        cons = parse.constraints
        cards = self.retriever.cards(cons.ids[:MAX_EXTREME]) if cons.ids else self.retriever.search(cons, limit=MAX_EXTREME)
        if not cons.ids and cons.values and len(cards) < MAX_EXTREME:
            # ("which is the lightest" of the pink women's running shoes found: those whose titles say pink, as a search)
            cards.update({c.id: c for c in self._said_in_titles(cons)[:MAX_EXTREME] if c.id not in cards})
        if not cards:
            return self._relaxed(parse)
        facts = self.retriever.product_facts(list(cards), cards)
        found: list[tuple[Card, list[Fact], tuple[str, float]]] = []

        def add(card: Card, fs: list[Fact]) -> None:
            amount = _quantity(fs[0].attribute, fs, card) if fs else None
            if amount is not None:
                found.append((card, fs, amount))

        for attr in parse.attributes:
            for card in cards.values():
                add(card, [f for f in facts if f.product_id == card.id and _matches(f.attribute, attr)])
            if len(found) == 1 and len(cards) == 2:
                # "which has the bigger battery?" of two listed: the one that lacks it may have another listing
                # of its model that says it
                card = next(c for c in cards.values() if c.id != found[0][0].id)
                own = [f for f in facts if f.product_id == card.id]
                fs = [f.rescored(1.0) for f in self._sibling_facts(
                    card, own, self.understander.model_listings(card.id, card.title), attr)]
                # nor its model's other listings: its own text may say it ("Up to 24 hrs of playback")
                add(card, fs or self._text_amount(card, found[0][1], found[0][0], parse.text))
            elif found and len(cards) > 2:
                # "which running shoe weighs the least": a listing with no such fact may state it in its own text
                # ("Weighs about 187 grams per shoe")
                have = {c.id for c, _, _ in found}
                for card in [c for c in cards.values() if c.id not in have][:MAX_TEXT_READS]:
                    add(card, self._text_amount(card, found[0][1], found[0][0], parse.text))
            if found:
                break
        for attr in parse.attributes if not found else ():
            # none lists it ("goes longest on battery" of laptops whose bullets say "Up to 10-hour of battery life"):
            # what their own texts state, in the unit family the graph's values of it have
            ref = next((e for e in self.lexicon.numeric.get(attr, ()) if e.unit and e.number is not None), None)
            if ref is not None:
                like = [Fact("", attr, f"{ref.number:g} {ref.unit}", "catalog", 1.0, "", {})]
                for card in list(cards.values())[:MAX_TEXT_READS]:
                    add(card, self._text_amount(card, like, card, parse.text))
            if found:
                break
        if not found:
            closest = [f.rescored(0.3) for f in facts if f.attribute == "category"][:3]
            return self._dont_know(parse, closest, {c.id: c.title for c in cards.values()},
                                   [ProductHit(c.id, c.title, 0.5) for c in list(cards.values())[:3]],
                                   f" the {compose.attribute_name(parse.attributes[0])} of "
                                   f"{'those products' if cons.ids else 'the ' + cons.describe()}")
        # the family of a unit the question says ("makes the most cups": of the capacities in cups), else the commonest
        said = {base_quantity(1.0, t)[0] for t in tokens(parse.text) if t.isalpha() and t in UNITS}
        families = Counter(q[0] for _, _, q in found)
        family = next((f for f, _ in families.most_common() if f in said), families.most_common(1)[0][0])
        found = [x for x in found if x[2][0] == family]
        if len(found) == 2 and len(cards) == 2:
            place = {pid: i for i, pid in enumerate(cons.ids or ())}  # in the order they were listed ("the first one")
            (a, fa, _), (b, fb, _) = sorted(found, key=lambda x: place.get(x[0].id, len(place)))
            return self._compare_on(parse, a, fa, b, fb, [ProductHit(a.id, a.title, 1.0), ProductHit(b.id, b.title, 1.0)])
        higher = parse.direction != "lower"
        found.sort(key=lambda x: x[0].id, reverse=higher)
        found.sort(key=lambda x: x[1][0].source == "text")  # on a tie, a listed fact before one read from text
        found.sort(key=lambda x: x[2][1], reverse=higher)
        best, best_facts, (_, top) = found[0]
        tied = [c for c, fs, (_, amount) in found[1:] if _same_amount(top, best_facts[0].value, amount, fs[0].value)]
        text = compose.superlative_answer(best_facts[0].attribute, parse.direction or "higher", best,
                                          [f.value for f in best_facts], len(found), len(cards),
                                          kind=self._kind_name(parse.constraints), tied=tied)
        evidence = [f.rescored(1.0 - 0.05 * i) for i, (_, fs, _) in enumerate(found[:5]) for f in fs[:1]]
        hits = [ProductHit(c.id, c.title, 1.0 - 0.05 * i) for i, (c, _, _) in enumerate(found[:10])]
        return self._result(parse, "aggregate", text, evidence, hits, best.id)

    # ------------------------------------------------------------------ unanswerable

    def _unanswerable(self, parse: Parse) -> Answer:
        """Nothing understood: the closest facts are those of the best full-text matches."""
        words = [t for t in tokens(parse.text) if t not in STOPWORDS]
        hits = self.retriever.fulltext(" ".join(words), 3)
        if not hits and not parse.unknown and 1 <= len(words) <= 2 and words[-1] not in self.understander.speller.known \
                and (WHAT_ABOUT.match(parse.text) or len(words) == len(tokens(parse.text))):
            # "grinder", "what about a grinder": a kind of thing no product is, said alone; the answer names it
            return self._no_such_kind(parse, " ".join(words))
        if not hits:
            return self._dont_know(parse, [], {}, [], f" of a product called “{parse.unknown}”" if parse.unknown else "")
        top = max(s for _, s in hits) or 1.0
        scores = {pid: 0.5 * s / top for pid, s in hits}
        cards = self.retriever.cards(list(scores))
        facts = self.retriever.product_facts(list(cards), cards)
        scored = self._score_facts(parse, facts, parse.attributes)
        closest = sorted(scored, key=lambda f: (-f.score, -scores.get(f.product_id, 0.0)))[:3]
        closest = [f.rescored(min(f.score, ANSWER_THRESHOLD - 0.01) * 0.5 + scores.get(f.product_id, 0.0) * 0.5)
                   for f in closest]
        titles = {c.id: c.title for c in cards.values()}
        products = [ProductHit(c.id, c.title, scores[c.id]) for c in cards.values()]
        products.sort(key=lambda p: -p.score)
        return self._dont_know(parse, closest, titles, products, f" of a product called “{parse.unknown}”"
                               if parse.unknown else "")

    def _no_such_kind(self, parse: Parse, kind: str) -> Answer:
        """ "do you sell screen protectors", "grinder": a kind of thing no product of the catalog is, named."""
        return self._dont_know(parse, [], {}, [], f" of anything like “{kind}” in this catalog")

    def _converted(self, converted: bool) -> str:
        """The sentence a price aggregate ends with where it converted prices at the user's rates ("" where not)."""
        return self.rates.converted if converted and self.rates is not None else ""

    def _dont_know(self, parse: Parse, closest: Sequence[Fact], titles: dict[str, str], products: Sequence[ProductHit],
                   reason: str = "", focus: str | None = None) -> Answer:
        text = compose.dont_know(sorted(closest, key=lambda f: -f.score), titles, reason)
        return self._result(parse, "unanswerable", text, closest, products, focus)


# ---------------------------------------------------------------------------- helpers


_PRICE_SAID = re.compile(r"\d+\.\d\d")  # "642.99": a price said to the cent
_EXAMPLE = re.compile(r"\b(?:like|such as|say|e\.?g\.?),? (?P<x>[a-z][a-z ]*)")  # "fruity, like berry notes"
_COUNTED_PART = re.compile(r"\d+[a-z]{3,}")  # "3port" (of "3 ports"), not a model code ("1000xm5", "i7")


def _counted(cons: Constraints) -> list[str]:
    """The counted parts the question's free words say ("3port" of "wall charger with 3 ports")."""
    return [w for w in cons.words if _COUNTED_PART.fullmatch(w)]


def _says_same(a: str, b: str) -> bool:
    """Whether two values say one thing: one text ("32 Oz", "32-ounce") or one amount in two units ("1.86kg", "4.1 lb")."""
    if len(compose.distinct_values([a, b])) == 1:
        return True
    na, nb = normalize_value(a), normalize_value(b)
    if na.number is None or nb.number is None:
        return False
    (fa, xa), (fb, xb) = base_quantity(na.number, na.unit), base_quantity(nb.number, nb.unit)
    # within the rounding of the less precise: half a unit of its last written digit ("3.3 pounds", "1.51 kg")
    rounding = max(base_quantity(_half_digit(a), na.unit)[1], base_quantity(_half_digit(b), nb.unit)[1])
    return bool(fa) and fa == fb and abs(xa - xb) <= rounding + 1e-9


def _half_digit(value: str) -> float:
    """Half a unit of the last digit a value's number is written to ("3.3 lb": 0.05; "240 g": 0.5)."""
    m = re.search(r"\d+(?:\.(\d+))?", value)
    return 0.5 * 10 ** -len(m.group(1) or "") if m else 0.0


def _same_amount(a: float, said_a: str, b: float, said_b: str) -> bool:
    """Whether two amounts (in one base unit) are the same: said in one unit, exactly; in two ("9 oz", "255 g"), within
    the rounding of one of them."""
    close = 5e-3 if normalize_value(said_a).unit != normalize_value(said_b).unit else 1e-9
    return abs(a - b) <= close * max(1.0, abs(a))



# "do they make it in wide at all, any gender": every listing of the model, whoever it is for
_ANY_GENDER = re.compile(r"\b(?:any|either|whatever|other) gender\b|\b(?:wo)?men'?s or (?:wo)?men'?s\b", re.IGNORECASE)
# "for someone who wears glasses", as said (up to a price bound: "… a lot under 1000")
_FOR_WHOEVER = re.compile(rf"\bfor ((?:{'|'.join(sorted(WHOEVER))})\b.*?)(?=\s+(?:under|below|less than|over|around|"
                          r"about|for less)\b|[,.?!]|$)", re.IGNORECASE)
# words a product's text says an attribute with, besides its name's own ("Up to 24 hrs of playback on a single charge")
_TEXT_SAYS = {
    "battery life": ("playback", "playtime", "runtime"),
    "noise level": ("decibel", "db", "quiet", "whisper"),
    "weight": ("weighs", "weigh"),
    "filter life": ("replace", "months", "gallons", "change"),
    "flavor": ("note", "notes", "taste", "tastes", "flavour", "flavours", "flavors", "hints"),
    "pressure": ("bar", "bars", "psi"),  # "15 bar Italian pump"
    "width": ("wide",),  # "60 Inch wide"
    "height": ("tall", "high"),
    "length": ("long",),
}
MAX_PER_UNIT_READ = 2000  # listings a search bounded per unit ("coffee under $10 a bag") reads at most
_HELD_WORDS = frozenset({"capacity", "limit", "load"})  # "maximum weight capacity": what a product holds, not weighs
_KIND_WORD_TITLES = 200  # titles read at most to see whether a word names a kind of its own ("car" charger)
_TITLE_AMBIGUOUS = frozenset({"data", "length"})  # what a title's amount may say of several attributes (RAM or storage)
# a shopper's word for a thing and the word a catalog's text writes for it
# "how much coffee is in this pack altogether", "how many ounces in all": what a pack holds, all its units together
_IN_ALL = re.compile(r"^(?:so |and |ok,? )?how (?:much (?!(?:is|are|does|do|would|will|money|cash)\b)\w+|many \w+) "
                     r"(?:of \w+ )?(?:is |are |do (?:i|you) get |comes? )?(?:there |that |it |this )?"
                     r"(?:in (?:this|the|that|a|each|one|it)(?: \w+)?\s*)?(?:altogether|in all|in total|all together|total)\b")
_SHORT_WORD_COMMON = 20_000  # a three-letter word English uses less than this names a thing ("jug", "lid"; not "box")
_SAID_OTHERWISE = {"frother": ("steam",), "frothing": ("steam",), "froth": ("steam",), "earphone": ("earbud",),
                   "pouch": ("case",)}
_EITHER_WORD = re.compile(r"\b([a-z]{3,}) or (?:an? |the )?([a-z]{3,})\b")  # "a pouch or case"
_PUT_TOGETHER = re.compile(rf"{PUT_TOGETHER}|\bbuild(?:ing)? it\b|\b(?:arrives?|comes?|ships?) (?:already |fully )?"
                           r"assembled\b", re.IGNORECASE)
_COLOUR = re.compile(r"\bcolour", re.IGNORECASE)
_ASKS_A_NUMBER = re.compile(r"\b(?:how many|multiple|several|more than one|only one|just one|a single|one or more|"
                            r"two or more)\b", re.IGNORECASE)  # a count asked: "number of …" names are asked first
_EITHER_OR = re.compile(r"^(?:and |so |ok,? )?(?:is|are) (?:it|they|this|that|these|those)(?: one| ones)? (?:made of |made from |"
                        r"in |a |an )?[\w-]+(?: [\w-]+)? or (?:a |an )?[\w-]+(?: [\w-]+)?[?.!]*$", re.IGNORECASE)
_IS_IT_PRICED = re.compile(r"(?:^|[,;] ?| - )(?:and |so |ok,? )?(?:is|are) (?:it|this|that|this one|that one|"
                           r"the [\w/ -]+? (?:one|pair|version)) (?:(?:sold|priced|listed|offered) )?in\b", re.IGNORECASE)
# (of a listing in focus or said by its values, "the pink pair"; not of a model named: some listing may be)
_EVERY_PRODUCTS = frozenset({"price", "brand", "category"})  # what every product has (from its node and edges)
# what "bigger" / "smaller" measures when no attribute is said, in the order tried on the product in focus
_SIZE_ATTRIBUTES = ("capacity", "screen size", "volume", "coverage area", "storage", "size")
MAX_EXTREME = 100  # products "which is the lightest?" reads at most
MAX_TEXT_READS = 20  # listings without the fact whose own text "which is the lightest?" reads, at most
# an adjective in -y of a noun a text says ("nutty": nut, "fruity": fruit, "smoky"; not "berry", which is a word of
# its own): the noun, its last consonant written once
_ADJECTIVE_Y = re.compile(r"^([a-z]{3,}?)(?:(?<=([b-df-hj-np-tv-z]))\2)?y$")
_TASTE_WORDS = frozenset({"taste", "tastes", "tasting", "flavour", "flavor", "flavours", "flavors", "flavoured",
                          "flavored", "note", "notes"})  # words that say a text is of a taste, not which
_TASTED = ("flavor", "flavour", "tasting notes")  # the attributes a question of taste asks (ATTRIBUTE_CUES)
_SHORT_FOR = {"mic": "microphone", "mics": "microphone", "cam": "camera", "specs": "specification",
              "pics": "picture", "pic": "picture"}  # short words shoppers write for a word a text says
# a list of what relates to a product, asked again of another one ("what about the black dedica?")
_RELISTED = {"bought": "what {kind} do people buy with it", "out": "what {kind} comes with it",
             "in": "is it sold in a bundle", "fits": "what {kind} fits it", "targets": "what does it fit",
             "similar": "anything similar to it"}
# what a product's own text says comes in its box
_SAYS_INCLUDED = re.compile(r"\b(?:comes? with|includ(?:es|ed|ing)|in the box|supplied with|ships with)\b", re.IGNORECASE)
_ASKS_ABOUT = re.compile(r"^(?:(?:and|so|ok|then),? )?(?:what|what's|whats|which|where|how|who)\b")  # a question about an attribute ("and how much do they weigh")


_TEXT_FILLER = frozenset({"does", "have", "has", "come", "with", "include", "included", "there", "this", "that",
                          "listing", "work", "works", "good", "well", "much", "many", "long", "what", "ship", "ships",
                          "pair", "version", "model", "mention", "mentions", "say", "state", "specify", "page",
                          "description", "info"})  # (the listing's own words: "does that listing mention a warranty")


_BATTERY_WORDS = frozenset({"playback", "charge", "runtime"})  # how a text says a battery's life
_WEIGHT_WORDS = frozenset({"weigh", "weighs", "weighing"})  # "Weighs about 8.7 Oz per shoe"
_GENDER_WORD = re.compile(r"\b((?:wo)?men)['’]?s\b", re.IGNORECASE)


def _pack_of(facts: Iterable[Fact], title: str) -> int:
    """How many a listing holds: its pack size fact, else its title's "(3-count)", "2-Pack"; else one."""
    said = [str(f.value) for f in facts if f.attribute == "pack size"] + [title]
    return next((max(counts) for text in said if (counts := pack_counts(text))), 1)


# what an everyday word asks of a measured attribute ("a big screen", "a long battery"): its amount, not a kind of it
_SIZE_WORDS = frozenset("big bigger biggest large larger huge massive small smaller tiny long longer short shorter good "
                        "great decent nice high higher low fast heavy light wide enough lot lots plenty bright".split())


def _for_others(gender: set[str], facts: Iterable[Fact], title: str) -> bool:
    """Whether a listing (its facts and title) is for someone a listing for ``gender`` is not (a men's shoe beside a
    women's); never when ``gender`` is unknown."""
    return bool(gender and _genders(facts, title) - gender)


def _genders(facts: Iterable[Fact], title: str) -> set[str]:
    """Who a listing is for ("men's", "women's"), from its gender facts and its title."""
    said = {m.casefold() + "'s" for m in _GENDER_WORD.findall(title)}
    return said | {str(f.value).casefold().replace("’", "'") for f in facts if f.attribute in ("gender", "target gender")}


def _verb_stems(word: str) -> set[str]:
    """The verb an "-ing" or "-ed" form is of, in the ways English spells it: "breaking" break, "charging" charge,
    "running" run, "folded" fold; nothing for another word."""
    for end in ("ing", "ed"):
        stem = word[:-len(end)]
        if word.endswith(end) and len(stem) >= 3:
            return {stem, stem + "e", *([stem[:-1]] if len(stem) > 3 and stem[-1] == stem[-2] else [])}
    return set()


def _says_word(word: str, words: set[str]) -> bool:
    """Whether a text's words say ``word``, the word it shortens ("mic" of "microphones") or the noun of its
    adjective in -y ("nutty" of "toasted nut", "salty" of "salt")."""
    if word in words or any(t.startswith(_SHORT_FOR.get(word, "\0")) for t in words):
        return True
    noun = _ADJECTIVE_Y.match(word)
    return noun is not None and (noun.group(1) in words or noun.group(1) + "e" in words)  # ("smoky": smoke)


def _word_forms(text: str) -> set[str]:
    """A text's words and their singulars."""
    words = tokens(text)
    return {*words, *map(singular, words)}


def _as_full(links: Sequence[Link], near: float = 0.15) -> list[Link]:
    """The links that read about as much of the phrase as the best one (by score, before any kind penalty)."""
    best = max((link.score for link in links), default=0.0)
    return [link for link in links if link.score >= best - near]


def _asks_targets(text: str) -> bool:
    """'what does X fit?' asks for X's targets, 'what fits X?' for the products pointing at X."""
    low = text.casefold()
    return bool(re.search(r"\b(?:does|do|is|are|will|can)\b.*\b(?:fit|compatible|work with|go with|for)\s*\??$", low))


def _thing_said(parse: Parse) -> str:
    """What the shopper asked a text to say, as said, less a leading "my" or article ("my pocket": pocket)."""
    return re.sub(r"^(?:my|your|our|the|an?) ", "", parse.thing or " ".join(parse.text_says))


def _parts_titled(text: str, card: Card) -> tuple[str, str] | None:
    """(the part asked, its count as the title writes it) for "how many <part>" of a title that counts it ("5-Shelf",
    "(2-port)"), else None."""
    asked = HOW_MANY_OF.search(text.casefold())
    if asked is None:
        return None
    part = singular(asked.group(1))
    said = tokens(card.title or "")
    counted = next((n for n, w in zip(said, said[1:]) if w == part and n.isdigit()), None)
    return (part, counted) if counted is not None else None


def _as_written(words: Sequence[str], text: str) -> str:
    """``words`` (tokens: singular, lower case) as the question wrote them ("molasses", not "molasse")."""
    written: dict[str, str] = {}
    for raw in re.findall(r"[^\W_][\w'’-]*", text.casefold()):
        if len(said := tokens(raw)) == 1:
            written.setdefault(said[0], raw)
    return " ".join(written.get(w, w) for w in words)


def _title_names(accessory: str, target: str, kinds: Iterable[str]) -> str | None:
    """The model an accessory's title says it is for, in its 'for'/'with' clause (FOR_CLAUSE, as `title_parts` reads it:
    "… Compatible with Honeywell HPA300 HEPA Air Purifier, 3-count"), where the target's title says every word of it but
    a kind word and no line word more ("Galaxy S24" is no S24 Ultra); else None."""
    m = FOR_CLAUSE.search(accessory)
    if m is None:
        return None
    named = re.split(r"[,()|]", accessory[m.end():])[0].strip()
    kind_words, own = set(kinds), title_words(target)
    model = [t for t in tokens(named) if t not in STOPWORDS and (t not in kind_words or t in own)]
    if len(model) >= 2 and set(model) <= own and not (own & LINE_WORDS) - set(model) \
            and any(any(ch.isdigit() for ch in t) for t in model):
        return named
    return None


def _unit_share(card: Card, per: float, held: float, unit: str) -> str:
    """A listing's price per ``unit``, and what it holds for its price: "$7.93 per lb ($11.89 for 1.5 lb)"."""
    amount = f"{round(held, 2):g} {unit}" if unit in UNIT_FACTORS else f"{held:g} {unit}{'s' if held != 1 else ''}"
    return f"{format_price(round(per, 2), card.currency)} per {unit} ({format_price(card.price, card.currency)} for {amount})"


def _units_held(title: str, unit: str) -> float | None:
    """How many of ``unit`` a listing holds, as its title says: its pack count ("6 Pack", "2 Count"; one where none is
    said) of a count unit; its weight times that count in a unit of mass ("(1kg) (6-count)": 6 kg), None where the title
    states no weight."""
    count = max(pack_counts(title), default=1)
    if unit not in UNIT_FACTORS:
        return float(count)
    weights = [amount for family, amount, _ in amounts_said(title) if family == "mass"]
    return weights[0] * count / UNIT_FACTORS[unit][1] if weights else None


def _titled_words(cons: Constraints) -> list[str]:
    """The words a search with no category asks titles to say ("espresso machine"), else []."""
    return [w for w in cons.words if w.isalpha() and w not in STOPWORDS] if not cons.categories else []


def _described(cons: Constraints, said: str | None = None) -> str:
    """The constraints in words (``said``, else their own description) with the words titles must say: "products
    under $300 titled “espresso machine”"."""
    words = _titled_words(cons)
    said = said if said is not None else cons.describe()
    return f"{said} titled “{' '.join(words)}”" if words else said


# "… - good for a macbook air 15?", "ok with my pixel 8?": asked yes or no without a verb first
# "would that pad work with the oneplus 12": a yes or no of the kind said, answered by what of it fits
_WOULD_IT_WORK = re.compile(r"\b(?:would|will|does|do|can|could) (?:that|the|this|those|these) [\w -]+? (?:work|fit)s?\b")
_GOOD_FOR = re.compile(r"\b(?:good|ok|okay|fine|alright|compatible|suitable)\s+(?:for|with)\b[^?]*\?\s*$", re.IGNORECASE)
_YES_NO_VERBS = frozenset({"have", "ha", "come", "support", "work", "include", "got", "get", "offer", "feature",
                           "use", "take", "need", "do", "doe", "is", "are", "can", "will", "there", "any", "with",
                           "also", "really", "actually", "still"})
_SIZE_CHECK = re.compile(r"^size (\d+(?:\.\d+)?)$")


def _title_says(title: str, checks: Sequence[Link]) -> Link | None:
    """The first check a title says ("size 11" as "US 11" or "Size 11", "blue" as a word), else None."""
    for check in checks:
        size = _SIZE_CHECK.match(check.name.casefold())
        if size is not None:
            if re.search(rf"\b(?:size|us|uk|eu)\s*{re.escape(size.group(1))}(?![\d.])", title, re.IGNORECASE):
                return check
        elif set(tokens(check.name)) <= title_words(title):
            return check
    return None


def _amounts_of(text: str, family: str) -> list[str]:
    """The amounts a text states in one unit family ("140 watts" of power), as written (lower case)."""
    return [written for said, _, written in amounts_said(text) if said == family]


def _title_amount(title: str, label: str) -> bool:
    """Whether a title says the amount a value was asked as ("140 w" in "… 140 watts …"), as the graph normalises it."""
    said = normalize_value(label)
    return said.unit is not None and any(normalize_value(m.group(0)).text == said.text
                                         for m in AMOUNT_IN_TEXT.finditer(title.casefold()))


def _matches(attribute: str, asked: str) -> bool:
    """Whether a fact's attribute is the one asked, or says all its words ("item weight" for weight); not what a product
    holds for what it is ("maximum weight capacity" is no weight of the chair)."""
    said, has = set(tokens(asked)), set(tokens(attribute))
    return attribute == asked or said <= has and not ("weight" in said and has & _HELD_WORDS and not said & _HELD_WORDS)


# "what's the weight of the dell xps 15 in pounds", "the grey one holds how many pounds"
# (a courtesy after it: "… in kilos pls")
_IN_UNIT = re.compile(r"\bin (?P<u>(?:square |sq )?[a-z]+(?: oz)?)(?:\W+(?:pls|plz|please|thanks|thx|ta))?\W*$"
                      r"|\bhow many (?P<m>(?:square |sq )?[a-z]+(?: oz)?)\b|^in (?P<f>(?:square |sq )?[a-z]+(?: oz)?),")


def _unit_asked(question: str) -> str | None:
    """The unit a question ends asking for ("… in pounds") or counts ("how many pounds"), if any."""
    m = _IN_UNIT.search(question.casefold())
    return UNITS.get(m.group("u") or m.group("m") or m.group("f")) if m else None  # ("in litres, whats …" too)


def _fluid(attribute: str) -> bool:
    """Whether an attribute's ounces are fluid ounces: a capacity's, not a weight capacity's."""
    return "capacity" in attribute and "weight" not in attribute


def _in_unit(question: str, value: str, fluid: bool = False) -> str:
    """ "4.1 lb": ``value`` in the unit the question ends asking for ("… in pounds") or counts ("how many pounds"), when
    it is in another of its kind; else "". ``fluid``: ounces are fluid ounces (a capacity: "48 ounces" in litres)."""
    want = _unit_asked(question)
    norm = normalize_value(value)
    if want is not None and norm.number is None and len(said := AMOUNT_IN_TEXT.findall(value.casefold())) == 1:
        norm = normalize_value(f"{said[0][0]} {said[0][1]}")  # (a sentence of its text: "60 Inch wide")
    if want is None or norm.number is None or norm.unit in (None, want):
        return ""
    family, amount = base_quantity(norm.number, "fl oz" if fluid and norm.unit == "oz" else norm.unit)
    target, factor = UNIT_FACTORS.get("fl oz" if fluid and want == "oz" else want, ("", 0.0))
    if not family or family != target or not factor:
        return ""
    return f"{float(f'{amount / factor:.3g}'):g} {_UNIT_SAID.get(want, want)}"  # 3 figures, never "1.86e+03 g"


def _quantity(attribute: str, facts: Sequence[Fact], card: Card) -> tuple[str, float] | None:
    """(unit family, amount) of a numeric fact, for comparison; price counts as money."""
    if attribute == "price":  # money of one currency: $ and € are different families, never compared
        return (f"money:{card.currency or DEFAULT_CURRENCY}", float(card.price)) if card.price is not None else None
    if attribute == "roast level":  # an order, not an amount: light < medium < medium-dark < dark
        rank = _ROASTS.get(" ".join(tokens(str(facts[0].value))))
        return ("roast", rank) if rank is not None else None
    norm = normalize_value(facts[0].value)
    if norm.number is None:
        return None
    return base_quantity(norm.number, norm.unit)


def _by_amount(va: Sequence[str], vb: Sequence[str], question: str = "") -> str | None:
    """The difference of two amounts as written ("465 sq ft" and "219 sq ft": "246 sq ft"; "1.86kg" and "2.6 lb": "0.68
    kg (1.5 lb)"), in the unit the question counts in where it names one ("how many oz more"), else None (several values
    a side, no unit, or units of two kinds)."""
    if len(set(va)) != 1 or len(set(vb)) != 1:
        return None
    na, nb = normalize_value(va[0]), normalize_value(vb[0])
    if na.number is None or nb.number is None or not na.unit or not nb.unit:
        return None
    if na.unit == nb.unit:
        gap = f"{round(abs(na.number - nb.number), 2):g} {_UNIT_SAID.get(na.unit, na.unit)}"
        return _in_unit(question, gap) or gap
    (family, amount_a), (other, amount_b) = base_quantity(na.number, na.unit), base_quantity(nb.number, nb.unit)
    if family != other or na.unit not in UNIT_FACTORS or nb.unit not in UNIT_FACTORS:
        return None
    gap = abs(amount_a - amount_b)

    def said(unit: str) -> str:  # the gap itself in a unit ("how many grams heavier": not a rounded gap converted)
        return f"{round(gap / UNIT_FACTORS[unit][1], 2):g} {_UNIT_SAID.get(unit, unit)}"

    want = _unit_asked(question)
    if want is not None and UNIT_FACTORS.get(want, ("", 1.0))[0] == family:
        return said(want)
    return f"{said(na.unit)} ({said(nb.unit)})"


_UNIT_SAID = {"h": "hours", "l": "L", "gb": "GB", "tb": "TB", "in": "inches", "min": "minutes", "mah": "mAh", "w": "W",
              "m2": "sq m"}


def _as_searched(cons: Constraints) -> Constraints:
    """The set an aggregate was over, as a later turn refines it: a currency said for its prices alone ("lowest price
    in dollars") is not a filter of what "any with 256gb?" searches next."""
    bounded = cons.price_min is not None or cons.price_max is not None
    return replace(cons, currency_only=False, currency=cons.currency if bounded else None)


_ROASTS = {"light": 1.0, "light medium": 1.5, "medium light": 1.5, "medium": 2.0, "medium dark": 3.0,
           "dark": 4.0, "extra dark": 5.0, "french": 5.0, "italian": 5.0}


# how an answer says "higher" / "lower" for attributes whose plain comparative reads badly ("is higher in battery life")
_SAID_COMPARATIVES = {
    "battery life": ("longer-lasting", "shorter-lasting"),
    "drop protection": ("higher in drop protection", "lower in drop protection"),  # (not "tougher", said of a case)
    "coverage area": ("bigger in coverage", "smaller in coverage"),
    "maximum weight capacity": ("rated for more weight", "rated for less weight"),
    "shaft height": ("taller in the shaft", "shorter in the shaft"),
    "screen size": ("bigger in screen size", "smaller in screen size"),
    "storage": ("bigger in storage", "smaller in storage"),
    "wattage": ("more powerful", "less powerful"), "power": ("more powerful", "less powerful"),
}


def _comparative_word(attribute: str, direction: str, question: str = "") -> str:
    """How an answer says which end of an attribute wins: the attribute's own word, else the adjective the question
    used for that end ("bigger water tank: …?" → "bigger in capacity"), else "higher/lower in <attribute>"."""
    if attribute == "price":
        return "cheaper" if direction == "lower" else "more expensive"
    if attribute in _SAID_COMPARATIVES:
        return _SAID_COMPARATIVES[attribute][direction == "lower"]
    for word, (attr, d) in COMPARATIVES.items():
        if d == direction and attr == attribute and " " not in word:
            return word
    said = next((w for w in tokens(question) if w in _PLAIN_COMPARATIVES[direction]), None)
    if said is None and "capacity" in attribute:  # "holds more water": larger, not "higher in capacity"
        said = "smaller" if direction == "lower" else "larger"
    return f"{said or ('lower' if direction == 'lower' else 'higher')} in {compose.attribute_name(attribute)}"


# adjectives any attribute's comparison may be asked with, by the end that wins
_PLAIN_COMPARATIVES = {"higher": frozenset({"bigger", "larger", "longer", "taller", "heavier", "wider", "faster",
                                            "stronger", "greater"}),
                       "lower": frozenset({"smaller", "shorter", "lighter", "narrower", "slower", "thinner"})}


MAX_SUB_KIND = 2000  # titles that say a word, at most, for it to be read as a kind within a category ("earbuds")
MAX_BOUNDS_READ = 60  # products whose texts a search reads for an amount no fact gives ("Up to 10-hour of battery life")
MAX_TEXT_READ = 200  # found products whose texts a search reads for words only a text says ("fully assembled")
_ASKS_ALL_VALUES = re.compile(r"\b(?:what|which|how many) (?:colou?rs|sizes|materials|capacities|lengths|storage sizes)\b|"
                              r"\b(?:what|which) \w+ (?:options|choices|variants)\b|"
                              r"^(?:\w+ )?(?:colou?r|size|storage) (?:options|choices|variants)\b")  # "colour options on the sony?"
# "same heel drop across all the mens listings?", "is it 8 mm on every listing": each listing of the model, said
_ON_EACH_LISTING = re.compile(r"\b(?:all|every|each)(?: of)? (?:the |its |their )?(?!other\b)(?:\w+'?s? )?(?:listings?|versions?)\b")
_SHOPPING_WORDS = frozenset({"deal", "offer", "discount", "sale", "bargain", "option", "recommendation", "suggestion",
                             "idea", "choice", "pick", "review", "rating", "alternative", "gift", "present", "product",
                             "item", "thing", "one", "stuff", "model", "brand", "price", "info", "advice", "tip"})
_ABOUT_TOPIC = re.compile(r"^(?:(?:any|some|got any|do you have any|know any|recommend (?:any|some)?|suggest (?:any|some)?)\s+)"
                          r"(?:good |great |decent |nice )?(?P<x>[a-z]+) (?P<t>(?:about|on|for learning|to learn) .+)$")
# "know any good smoothie recipes": a thing no product is, after its topic
_TOPIC_THING = re.compile(r"\b(?:any|some) (?:good |great |decent |nice |easy )?(?P<t>[a-z]+) (?P<x>recipes|podcasts|books|"
                          r"videos|tips|workouts|playlists|songs|movies|exercises|stretches|hikes|trails)\s*[?.!]*$")
_CHEAPER_TOO = re.compile(r"\b(?:cheaper|less expensive|for less)\b")  # "anything similar but cheaper"
_ASKS_FOR_KIND = re.compile(r"^(?:(?:do|does) )?(?:you|u|the shop|the store|your shop|your store) (?:sell|have|carry|stock)\b|"
                            r"^any\b|^(?:where )?can i (?:buy|find|get)\b")


def _dedupe(facts: Sequence[Fact]) -> list[Fact]:
    return list(dict.fromkeys(facts))

