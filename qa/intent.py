"""Learned question understanding: what a shopper's question wants (its intent) and which attribute it asks.

A small head over the packaged MiniLM's sentence vectors (the ranker's vectors: one encoder pass) reads
a question two ways:

- **intent**, one of INTENTS (the engine's intents);
- **asked attribute**: given attribute names (a product's facts, or every attribute of the graph), the
  probability that the question asks each. Names are scored, not classified, so a graph with other
  attribute names needs no retraining to be read.

It is trained (`shopgraph train intent`, through the one training loop in extraction.train) on questions
generated from the graph itself (templates × its product names, brands, categories, attribute names and
values, phrasings shoppers use for common attributes, typos injected), on the train part of semiPQA's real
shopper questions (the same split as the ranker's, so its held-out part stays unseen), and on the dev part
of the project's natural-question set. The rules in qa.understand keep what is exact (numbers, units,
prices, names linked through the titles); the model answers where their cue words miss: "who makes the
clifton 9?" asks the brand, "how long will it run on a charge?" the battery life.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from shopgraph.extraction.train import TrainConfig
from shopgraph.kg.errors import ConfigError, ModelLoadError
from shopgraph.kg.store.protocol import GraphStore

logger = logging.getLogger(__name__)

TASK = "qa-intent"
SHIPPED = Path(__file__).resolve().parent / "models" / "intent"
INTENTS = ("attribute", "search", "comparison", "compatibility", "aggregate", "unanswerable")
SURE = 0.5  # the reader's attribute is taken (where no cue word named one) from this probability
SURE_INTENT = 0.8  # the reader's intent overrides what the rules read (only where they read no attribute) from this


@dataclass(frozen=True, slots=True)
class Example:
    """One training question: its intent and, for an attribute question, the attribute asked among
    ``candidates`` (the attribute names it was chosen from)."""

    question: str
    intent: str
    attribute: str | None = None
    candidates: tuple[str, ...] = ()
    source: str = "generated"


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model reads in a question: its intent and the attribute asked, each with a probability."""

    intent: str
    intent_p: float
    attribute: str | None
    attribute_p: float


# ---------------------------------------------------------------------------- questions from the graph

# How shoppers ask for common attributes in their own words; the key is a word of the attribute's name
# ("battery" matches "battery life" and "battery capacity"). {n} is the product.
_ASKED_AS: dict[str, tuple[str, ...]] = {
    "brand": ("who makes the {n}?", "what brand is the {n}", "who manufactures the {n}?", "which company makes {n}",
              "who is the maker of the {n}", "whos the manufacturer of {n}", "what company is the {n} from"),
    "weight": ("how heavy is the {n}?", "how much does the {n} weigh", "is the {n} heavy", "how light is the {n}",
               "what does the {n} weigh"),
    "price": ("how much is the {n}?", "how much does the {n} cost", "what does the {n} sell for", "{n} price?",
              "how expensive is the {n}", "what do you charge for the {n}", "is the {n} cheap"),
    "color": ("what colour is the {n}?", "what color does the {n} come in", "which colours does the {n} have",
              "{n} colour options"),
    "colour": ("what colour is the {n}?", "which colors is the {n} available in"),
    "battery life": ("how long does the battery of the {n} last?", "how long does the {n} last on a charge",
                     "how many hours of playback does the {n} get", "how long will the {n} run"),
    "battery": ("how big is the battery of the {n}?", "battery on the {n}?", "what battery does the {n} have"),
    "screen": ("how big is the screen on the {n}?", "how large is the {n}'s display", "{n} screen?"),
    "display": ("how big is the display of the {n}", "how large is the {n}'s screen"),
    "material": ("what is the {n} made of?", "what material is the {n}", "is the {n} made of plastic or metal"),
    "capacity": ("how much does the {n} hold?", "how big is the {n}", "what size tank does the {n} have"),
    "storage": ("how much storage does the {n} have?", "how many gb of storage on the {n}", "how much space is on the {n}"),
    "ram": ("how much memory does the {n} have?", "how much ram in the {n}"),
    "memory": ("how much ram does the {n} have?", "memory of the {n}?"),
    "warranty": ("how long is the warranty on the {n}?", "is the {n} covered by a guarantee", "{n} guarantee?"),
    "size": ("what size is the {n}?", "which size is the {n}", "how big is the {n}"),
    "dimension": ("how big is the {n}?", "what are the measurements of the {n}", "how large is the {n}"),
    "category": ("what kind of product is the {n}?", "what type of thing is the {n}", "what category is the {n} in"),
    "power": ("how powerful is the {n}?", "how many watts is the {n}", "what wattage does the {n} use"),
    "wattage": ("how many watts does the {n} draw?", "how powerful is the {n}"),
    "processor": ("what chip is in the {n}?", "which cpu does the {n} use", "what processor runs the {n}"),
    "refresh": ("how smooth is the {n}'s screen?", "what hz is the {n} display"),
    "noise": ("does the {n} cancel noise?", "is the {n} noise cancelling", "how quiet is the {n}"),
    "water": ("is the {n} waterproof?", "can the {n} get wet", "is the {n} water resistant"),
    "gender": ("is the {n} for men or women?", "is the {n} a women's model", "who is the {n} made for"),
    "connectivity": ("how does the {n} connect?", "is the {n} wireless or wired", "does the {n} have bluetooth"),
    "resolution": ("how sharp is the {n}'s screen?", "what resolution does the {n} have"),
    "camera": ("how good is the camera on the {n}?", "how many megapixels is the {n}'s camera"),
    "speed": ("how fast is the {n}?", "what speed does the {n} reach"),
    "coverage": ("how big a room does the {n} cover?", "what room size is the {n} for"),
    "caffeine": ("does the {n} have caffeine?", "is the {n} decaf"),
    "roast": ("how dark is the {n} roast?", "is the {n} a light or dark roast"),
    "drop": ("how far can the {n} be dropped?", "how protective is the {n}", "will the {n} survive a drop"),
    "heel": ("how high is the heel of the {n}?",),
    "sole": ("what is the sole of the {n} made of?",),
}
_ASKED_PLAIN = ("what is the {a} of the {n}?", "what's the {n}'s {a}", "{n} {a}", "{a} of the {n}?",
                "tell me the {a} of the {n}", "and the {a} of the {n}?", "do you know the {a} of the {n}",
                "what {a} does the {n} have?", "i want to know the {a} of the {n}", "whats the {a} on the {n}",
                "what about the {a}?", "what's its {a}?", "and its {a}", "{a}?")
_CHECKS = ("is the {n} {v}?", "does the {n} come in {v}?", "is it {v}?", "do they make the {n} in {v}",
           "is the {n} available in {v}", "does it come in {v}")
_SEARCHES = ("{c} under {p}", "show me {b} {c}", "any {v} {c}?", "i'm looking for {c} with {v}", "{v} {c}",
             "cheap {c}", "find me {c} below {p}", "do you have {c}?", "{b} {c} in {v}", "{c} from {b}",
             "i need a {c} under {p}", "got any {c}", "{c} with {v} under {p}", "what {c} do you sell",
             "recommend a {c}", "best {c} for under {p}", "{c} between {p} and {p2}", "looking for {v} {c} by {b}",
             "gift ideas under {p}", "something {v} for under {p}", "what {b} products do you have")
_COMPARISONS = ("which is better, the {n} or the {n2}?", "{n} vs {n2}", "compare the {n} and the {n2}",
                "is the {n} {cmp} than the {n2}?", "difference between the {n} and {n2}",
                "{n} or {n2}, which has more {a}?", "which is {cmp}: {n} or {n2}", "how does the {n} compare to the {n2}",
                "should i get the {n} or the {n2}", "does the {n} have more {a} than the {n2}")
_COMPATIBILITY = ("does the {n} fit the {n2}?", "what works with the {n}?", "is the {n} compatible with the {n2}",
                  "what case fits the {n}", "accessories for the {n}", "what filter does the {n} take",
                  "will the {n} work with my {n2}", "do you sell parts for the {n}", "what goes with the {n}",
                  "replacement for the {n}?", "will this fit my {n2}", "is there a charger for the {n}",
                  "which cases are for the {n}", "what can i use with the {n}", "something to protect my {n}",
                  "need a case for my {n}", "what can i charge the {n} with", "anything to go with my {n}?",
                  "spare parts for {n}", "i need a new filter for my {n}")
_AGGREGATES = ("how many {c} do you have?", "average price of {c}", "what's the cheapest {c}",
               "most expensive {b} {c}", "how many {b} products are there", "lowest price for {c}",
               "how many {c} are under {p}", "what is the priciest {c}", "count the {c} from {b}",
               "the cheapest one?", "which of them is cheapest", "what brands of {c} do you carry")
# the product at one end of an attribute: the attribute is asked too, among the graph's numeric ones
_EXTREMES = ("which {c} has the most {a}", "which {c} has the biggest {a}", "which one has the highest {a}",
             "highest {a} among {c}", "{c} with the lowest {a}", "which of them has the least {a}",
             "what's the {c} with the greatest {a}", "top {a} {c}?")
_EXTREME_AS: dict[str, tuple[str, ...]] = {
    "weight": ("which {c} is the lightest", "what's the heaviest {c}", "which {c} weighs the least",
               "lightest {c}?", "which of them is the lightest"),
    "battery life": ("which {c} lasts the longest on a charge", "{c} with the longest battery", "which {c} runs the longest",
                     "which of these lasts longest"),
    "battery": ("{c} with the biggest battery", "which {c} has the largest battery"),
    "screen": ("which {c} has the largest display", "biggest screen {c}", "which {c} has the smallest screen"),
    "display": ("which {c} has the biggest display",),
    "storage": ("which {c} has the most space", "{c} with the most gb"),
    "ram": ("which {c} has the most memory",),
    "memory": ("which {c} has the most ram",),
    "capacity": ("which {c} holds the most", "largest {c}?", "which {c} is the biggest"),
    "power": ("which {c} is the most powerful", "strongest {c}"),
    "wattage": ("which {c} is the most powerful", "which {c} charges the fastest"),
    "coverage": ("which {c} covers the biggest room", "{c} for the largest room"),
    "camera": ("which {c} takes the sharpest photos", "{c} with the best camera"),
    "drop": ("which {c} protects best against drops", "toughest {c}"),
    "height": ("which {c} is the tallest", "tallest {c}"),
    "size": ("which {c} is the smallest", "biggest {c}?"),
}
_UNANSWERABLE = ("what's the weather like today?", "tell me a joke", "who won the world cup?", "how do i return an item",
                 "is there free shipping?", "what are your store hours", "can you write me a poem",
                 "what's 2 plus 2", "how do i descale my espresso machine?", "when will my order arrive",
                 "do you price match?", "what's the capital of france", "hi", "thanks!", "who are you",
                 "can i pay with paypal", "how do i clean the {n}", "when will the {n} be delivered",
                 "is there free shipping on the {n}?", "how do i set up the {n}", "can i return the {n}",
                 "why is my {n} not turning on", "what's the meaning of life", "play some music",
                 "where is your nearest store", "do you ship to canada", "is the {n} on sale next week",
                 "how do i cancel my order", "what's your phone number", "recommend a good movie",
                 "how old are you", "translate hello to spanish", "what time is it", "who is the president",
                 "how do i reset the {n}", "track my package", "is it going to rain tomorrow",
                 "what do you think about politics", "can you help me with my homework", "good morning")
_COMPARATIVE_WORDS = ("cheaper", "lighter", "bigger", "better", "heavier", "more expensive", "faster", "smaller")
_PRICES = ("$50", "$100", "100 dollars", "$20", "£80", "€150", "200 bucks", "$1000", "$30", "500")
_NOT_VALUES = {"brand", "category", "price"}  # said as a product's name, kind or price, not as a value of it
_NAME_CUT = re.compile(r"\s*(?:[,|(:]| - | – |\bby\b|\bwith\b|\bfor\b)\s*", re.IGNORECASE)


def short_name(title: str, brand: str | None, rng: random.Random) -> str:
    """A name a shopper would type for a title: its first words before punctuation, maybe without the
    brand, often lower case ("Samsung Galaxy S24 (128GB) - Onyx Black" → "galaxy s24")."""
    head = _NAME_CUT.split(title, maxsplit=1)[0].strip() or title
    words = head.split()[: rng.choice((2, 3, 3, 4, 5))]
    if brand and len(words) > 2 and words[0].casefold() == brand.casefold().split()[0] and rng.random() < 0.5:
        words = words[1:]
    name = " ".join(words)
    return name.casefold() if rng.random() < 0.7 else name


def add_typo(text: str, rng: random.Random) -> str:
    """One typo in one word of four letters or more: a letter dropped, doubled, swapped with the next or
    replaced by its keyboard neighbour."""
    words = text.split()
    long = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not long:
        return text
    i = rng.choice(long)
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        w = w[:j] + w[j + 1:]
    elif kind == 1:
        w = w[:j] + w[j] + w[j:]
    elif kind == 2:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    else:
        near = _KEYBOARD.get(w[j].lower(), w[j])
        w = w[:j] + rng.choice(near) + w[j + 1:]
    words[i] = w
    return " ".join(words)


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYBOARD = {c: "".join(r[k] for k in (i - 1, i + 1) if 0 <= k < len(r)) for r in _ROWS for i, c in enumerate(r)}


@dataclass(frozen=True, slots=True)
class _Product:
    name: str
    brand: str | None
    category: str | None
    facts: dict[str, str]  # attribute → one value


def _graph_products(store: GraphStore, limit: int, rng: random.Random) -> list[_Product]:
    from shopgraph.kg.store import cypher_read as cr
    from shopgraph.qa.retrieve import Retriever

    retriever = Retriever(store)
    ids = sorted(r["id"] for r in store.query(cr.QA_TITLES))
    rng.shuffle(ids)
    products = []
    for pid in ids[:limit]:
        cards = retriever.cards([pid])
        card = cards.get(pid)
        if card is None or not card.title:
            continue
        facts: dict[str, str] = {}
        for f in retriever.product_facts([pid], cards):
            facts.setdefault(f.attribute, f.value)
        brand = facts.get("brand")
        category = facts.get("category", "").rsplit(">", 1)[-1].strip() or None
        products.append(_Product(short_name(card.title, brand, rng), brand, category, facts))
    return products


def _asked_forms(attribute: str, table: dict[str, tuple[str, ...]] = _ASKED_AS) -> list[str]:
    """The phrasings ``table`` holds for the attribute's name, else for any word of it."""
    if attribute.casefold() in table:
        return list(table[attribute.casefold()])
    words = sorted(set(re.findall(r"[a-z]+", attribute.casefold())))
    return [f for w in words for f in table.get(w, ())]


def numeric_names(products: Sequence[_Product]) -> list[str]:
    """Attributes whose values carry a number on most products that have them (price aside: it has its
    own aggregates)."""
    seen: dict[str, list[bool]] = {}
    for p in products:
        for a, v in p.facts.items():
            seen.setdefault(a, []).append(any(c.isdigit() for c in v))
    return sorted(a for a, flags in seen.items() if a not in _NOT_VALUES and sum(flags) * 2 > len(flags))


def generate(store: GraphStore, *, seed: int = 0, products: int = 400, per_product: int = 6,
             typo_rate: float = 0.15) -> list[Example]:
    """Questions of every intent made from the graph's own products, names and values (see the module doc)."""
    rng = random.Random(seed)
    items = _graph_products(store, products, rng)
    if len(items) < 2:
        raise ConfigError("the graph has fewer than two products with a title: nothing to generate questions from")
    numeric = numeric_names(items)
    categories = sorted({p.category for p in items if p.category}) or ["products"]
    brands = sorted({p.brand for p in items if p.brand}) or ["any brand"]
    out: list[Example] = []

    def fill(template: str, p: _Product, q: _Product, attribute: str) -> str:
        said = [v for a, v in p.facts.items() if a not in _NOT_VALUES]
        value = p.facts.get(attribute, "") if attribute not in _NOT_VALUES else ""
        value = value or (rng.choice(said) if said else "new")
        price = rng.choice(_PRICES)
        return template.format(n=p.name, n2=q.name, a=attribute, v=value.casefold(), c=_plural(p.category or
                               rng.choice(categories)).casefold(), b=p.brand or rng.choice(brands), p=price,
                               p2=rng.choice(_PRICES), cmp=rng.choice(_COMPARATIVE_WORDS))

    def add(question: str, intent: str, attribute: str | None = None, candidates: Iterable[str] = ()) -> None:
        question = " ".join(question.split())
        if rng.random() < typo_rate:
            question = add_typo(question, rng)
        out.append(Example(question, intent, attribute, tuple(candidates)))

    for p in items:
        names = sorted(p.facts)
        for _ in range(per_product):
            q = rng.choice(items)
            attribute = rng.choice(names) if names else "price"
            kind = rng.random()
            if kind < 0.45 and names:  # attribute questions: half of what shoppers ask about one product
                forms = _asked_forms(attribute)
                template = rng.choice(forms) if forms and rng.random() < 0.6 else rng.choice(_ASKED_PLAIN)
                if rng.random() < 0.2 and "{n}" in template:
                    template = template.replace("the {n}", "it").replace("{n}", "it")
                add(fill(template, p, q, attribute), "attribute", attribute, names)
            elif kind < 0.55 and (checked := [a for a in names if a not in _NOT_VALUES]):
                attribute = rng.choice(checked)
                add(fill(rng.choice(_CHECKS), p, q, attribute), "attribute", attribute, names)
            elif kind < 0.70:
                add(fill(rng.choice(_SEARCHES), p, q, attribute), "search")
            elif kind < 0.78:
                add(fill(rng.choice(_COMPARISONS), p, q, attribute), "comparison")
            elif kind < 0.86:
                add(fill(rng.choice(_COMPATIBILITY), p, q, attribute), "compatibility")
            elif kind < 0.88:
                add(fill(rng.choice(_AGGREGATES), p, q, attribute), "aggregate")
            elif kind < 0.95 and (amounts := [a for a in names if a in numeric]):
                attribute = rng.choice(amounts)
                forms = _asked_forms(attribute, _EXTREME_AS)
                template = rng.choice(forms) if forms and rng.random() < 0.6 else rng.choice(_EXTREMES)
                add(fill(template, p, q, attribute), "aggregate", attribute, numeric)
            else:
                add(fill(rng.choice(_UNANSWERABLE), p, q, attribute), "unanswerable")
    rng.shuffle(out)
    return out


def _plural(word: str) -> str:
    return word if word.endswith("s") else word + "s"


def pqa_examples(path: Path, part: str, split: Any = None) -> list[Example]:
    """semiPQA questions of one part of the ranker's split as attribute questions: the answering
    candidate's attribute among the question's candidates."""
    from shopgraph.qa.rank import Split, load_pqa, split_fact, split_pqa

    parts = split_pqa(load_pqa(path), split or Split())
    out = []
    for q in parts[part]:
        if not q.answerable:
            continue
        names = tuple(dict.fromkeys(split_fact(c)[0] for c in q.candidates))
        asked = split_fact(q.candidates[q.labels.index(1)])[0]
        out.append(Example(q.question, "attribute", asked, names, source="semipqa"))
    return out


def eval_examples(path: Path, part: str = "dev") -> list[Example]:
    """The natural-question set's turns of one part that say their intent (follow-ups included)."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            turn = json.loads(line)
            intent = (turn.get("expect") or {}).get("intent")
            if turn.get("split") == part and intent in INTENTS:
                out.append(Example(turn["question"], intent, source="natural"))
    return out


# ---------------------------------------------------------------------------- the model


def make_head(dim: int, hidden: int, rank: int) -> Any:
    """Intent: a one-hidden-layer MLP over the question vector. Attribute: cosine between question and name
    vectors, word overlap, and a low-rank bilinear term, scored per name."""
    import torch

    class QuestionHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.intent = torch.nn.Sequential(torch.nn.Linear(dim, hidden), torch.nn.GELU(), torch.nn.Dropout(0.1),
                                              torch.nn.Linear(hidden, len(INTENTS)))
            self.question_proj = torch.nn.Linear(dim, rank, bias=False)
            self.name_proj = torch.nn.Linear(dim, rank, bias=False)
            self.features = torch.nn.Linear(2, 1)
            with torch.no_grad():
                self.features.weight.copy_(torch.tensor([[10.0, 2.0]]))
                self.features.bias.fill_(-3.0)
                torch.nn.init.normal_(self.question_proj.weight, std=0.01)
                torch.nn.init.normal_(self.name_proj.weight, std=0.01)

        def forward(self, question: Any, names: Any, overlap: Any) -> tuple[Any, Any]:
            """question [B, D], names [B, C, D], overlap [B, C] -> (intent logits [B, I], name logits [B, C])."""
            cos = (names * question.unsqueeze(1)).sum(-1)
            bilinear = (self.question_proj(question).unsqueeze(1) * self.name_proj(names)).sum(-1)
            feats = torch.stack([cos, overlap], dim=-1)
            return self.intent(question), self.features(feats).squeeze(-1) + bilinear

    return QuestionHead()


_WORD = re.compile(r"[a-z0-9]+")


def _overlap(question: set[str], name: str) -> float:
    words = _WORD.findall(name.casefold().replace("_", " "))
    return sum(w in question for w in words) / len(words) if words else 0.0


def _name_text(name: str) -> str:
    return name.replace("_", " ")


class QuestionModel:
    """The shipped question reader (qa/models/intent), or one from `shopgraph train intent`."""

    def __init__(self, head: Any, embedder: Any, meta: Any) -> None:
        from shopgraph.qa.rank import _Vectors

        self.head = head
        self.vectors = _Vectors(embedder)
        self.meta = meta

    @classmethod
    def load(cls, directory: Path | None = None, *, embedder: Any = None) -> QuestionModel:
        from shopgraph.qa.rank import load_head

        directory = Path(directory) if directory is not None else SHIPPED

        def build(dim: int, config: dict[str, Any]) -> Any:
            if "hidden" not in config or "rank" not in config:
                raise ModelLoadError(f"{directory}: its meta.json lacks the head's sizes; retrain it with "
                                     "`shopgraph train intent`")
            return make_head(dim, int(config["hidden"]), int(config["rank"]))

        meta, head, embedder = load_head(directory, TASK, build, "shopgraph train intent", embedder)
        if list(meta.labels) != list(INTENTS):
            raise ModelLoadError(f"{directory}: its intents {meta.labels} are not this version's {list(INTENTS)}; "
                                 "retrain it with `shopgraph train intent`")
        return cls(head, embedder, meta)

    def read(self, question: str, names: Sequence[str] = ()) -> Reading:
        """The question's intent and, among ``names``, the attribute it most likely asks."""
        import torch

        texts = [_name_text(n) for n in names]
        self.vectors([question, *texts])
        q = self.vectors([question])
        said = set(_WORD.findall(question.casefold()))
        with torch.inference_mode():
            if names:
                vecs = self.vectors(texts).unsqueeze(0)
                overlap = torch.tensor([[_overlap(said, n) for n in names]])
            else:
                vecs, overlap = torch.zeros(1, 0, q.shape[1]), torch.zeros(1, 0)
            intent_logits, name_logits = self.head(q, vecs, overlap)
            intent_p = torch.softmax(intent_logits[0], -1)
            best = int(intent_p.argmax())
            if names:
                name_p = torch.softmax(name_logits[0], -1)
                top = int(name_p.argmax())
                return Reading(INTENTS[best], float(intent_p[best]), names[top], float(name_p[top]))
        return Reading(INTENTS[best], float(intent_p[best]), None, 0.0)


# ---------------------------------------------------------------------------- training


@dataclass
class IntentTrainConfig(TrainConfig):
    """`shopgraph train intent`: the shared TrainConfig plus the reader's own fields."""

    epochs: int = 20
    batch_size: int = 32
    learning_rate: float = 1e-3
    weight_decay: float = 0.01
    patience: int = 4
    hidden: int = 256
    rank: int = 32
    products: int = 400  # products of the graph that questions are generated about
    per_product: int = 12
    typo_rate: float = 0.15
    dev_part: float = 0.1  # of the generated and natural questions; semiPQA's dev part is its own


@dataclass
class _Encoded:
    q: Any
    names: Any
    overlap: Any
    intent: int
    target: int  # index of the asked name, or -1


def _encode(vectors: Any, examples: Sequence[Example]) -> list[_Encoded]:
    import torch

    texts = [e.question for e in examples] + [_name_text(n) for e in examples for n in e.candidates]
    for start in range(0, len(texts), 512):
        vectors(texts[start:start + 512])
    out = []
    for e in examples:
        said = set(_WORD.findall(e.question.casefold()))
        names = vectors([_name_text(n) for n in e.candidates]) if e.candidates else torch.zeros(0, vectors.embedder.dim)
        overlap = torch.tensor([_overlap(said, n) for n in e.candidates], dtype=torch.float)
        target = e.candidates.index(e.attribute) if e.attribute in e.candidates else -1
        out.append(_Encoded(vectors([e.question])[0], names, overlap, INTENTS.index(e.intent), target))
    return out


def _collate(batch: list[_Encoded], _targets: list[Any]) -> dict[str, Any]:
    import torch

    width = max(1, max(b.names.shape[0] for b in batch))
    dim = batch[0].q.shape[0]
    names = torch.zeros(len(batch), width, dim)
    overlap = torch.zeros(len(batch), width)
    mask = torch.zeros(len(batch), width, dtype=torch.bool)
    for i, b in enumerate(batch):
        n = b.names.shape[0]
        names[i, :n], overlap[i, :n], mask[i, :n] = b.names, b.overlap, True
    return {"question": torch.stack([b.q for b in batch]), "names": names, "overlap": overlap, "mask": mask,
            "intent": torch.tensor([b.intent for b in batch]), "target": torch.tensor([b.target for b in batch])}


def _loss(model: Any, batch: dict[str, Any]) -> Any:
    import torch

    intent_logits, name_logits = model(batch["question"], batch["names"], batch["overlap"])
    loss = torch.nn.functional.cross_entropy(intent_logits, batch["intent"])
    has = batch["target"] >= 0
    if bool(has.any()):
        masked = name_logits.masked_fill(~batch["mask"], -1e4)[has]
        loss = loss + torch.nn.functional.cross_entropy(masked, batch["target"][has])
    return loss


def _accuracy(head: Any, encoded: Sequence[_Encoded]) -> dict[str, float]:
    import torch

    right_intent = right_name = named = 0
    with torch.inference_mode():
        for start in range(0, len(encoded), 256):
            part = list(encoded[start:start + 256])
            batch = _collate(part, [])
            intent_logits, name_logits = head(batch["question"], batch["names"], batch["overlap"])
            right_intent += int((intent_logits.argmax(-1) == batch["intent"]).sum())
            has = batch["target"] >= 0
            picks = name_logits.masked_fill(~batch["mask"], -1e4).argmax(-1)
            right_name += int(((picks == batch["target"]) & has).sum())
            named += int(has.sum())
    return {"intent_accuracy": round(right_intent / max(1, len(encoded)), 4),
            "attribute_accuracy": round(right_name / max(1, named), 4)}


def train_intent(store: GraphStore, output: Path, *, pqa: Path | None = None, questions: Path | None = None,
                 config: IntentTrainConfig | None = None, force: bool = False,
                 progress: Callable[[int], None] | None = None,
                 on_epoch: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Generate questions from ``store``, add semiPQA's train part (``pqa``) and the natural-question set's dev
    part (``questions``), train the head and write a model directory (extraction.modeldir). Returns its ModelMeta."""
    from shopgraph.extraction import modeldir
    from shopgraph.extraction.align import file_sha256
    from shopgraph.extraction.embed import Embedder
    from shopgraph.extraction.train import begin, fit, seed_everything
    from shopgraph.qa.rank import _Vectors

    cfg = config or IntentTrainConfig()
    out, started = begin(output, cfg, force=force)
    seed_everything(cfg.seed)
    generated = generate(store, seed=cfg.seed, products=cfg.products, per_product=cfg.per_product,
                         typo_rate=cfg.typo_rate)
    natural = eval_examples(questions) if questions is not None else []
    own = generated + natural
    random.Random(cfg.seed).shuffle(own)
    cut = max(1, int(len(own) * cfg.dev_part))
    dev, train = own[:cut], own[cut:]
    data = []
    if pqa is not None:
        train += pqa_examples(pqa, "train")
        dev += pqa_examples(pqa, "dev")
        data.append({"path": str(pqa), "sha256": file_sha256(pqa), "role": "train part (the ranker's split); dev part"})
    if questions is not None:
        data.append({"path": str(questions), "sha256": file_sha256(questions), "role": "turns of the dev part"})
    embedder = Embedder.load(Path(cfg.base_model) if cfg.base_model else None)
    vectors = _Vectors(embedder, limit=10**7)
    logger.info("embedding %d train and %d dev questions", len(train), len(dev))
    train_enc, dev_enc = _encode(vectors, train), _encode(vectors, dev)
    head = make_head(embedder.dim, cfg.hidden, cfg.rank)

    def dev_score() -> tuple[tuple[float, ...], dict[str, Any], dict[str, float]]:
        head.eval()
        m = _accuracy(head, dev_enc)
        head.train()
        return (m["intent_accuracy"] + m["attribute_accuracy"],), {f"dev_{k}": v for k, v in m.items()}, m

    history, best = fit(head, train_enc, [None] * len(train_enc), _collate, dev_score, cfg, started=started,
                        progress=progress, on_epoch=on_epoch, loss_fn=_loss,
                        lengths=[e.names.shape[0] for e in train_enc])
    head.eval()
    counts: dict[str, int] = {}
    for e in train:
        counts[f"{e.source}/{e.intent}"] = counts.get(f"{e.source}/{e.intent}", 0) + 1
    meta = modeldir.ModelMeta(
        task=TASK, labels=list(INTENTS),
        config={k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
        data=data,
        metrics={"dev": best, "history": history, "train_questions": counts, "dev_questions": len(dev),
                 "parameters": sum(p.numel() for p in head.parameters()),
                 "train_seconds": round(time.perf_counter() - started, 1)},
        extra={"generated_questions": len(generated), "natural_questions": len(natural)},
        weights={"dtype": "float32", "shared": {},
                 "backbone": {} if cfg.base_model else modeldir.packaged_backbone_source()},
    )
    modeldir.save_tensors(out, head.state_dict(), meta)
    return meta
