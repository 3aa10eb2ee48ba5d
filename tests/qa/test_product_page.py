"""Questions asked on a product's page (`ask --product`), the way semiPQA's shoppers word them: a bare
number is no price, a value word the check reads is weighed against every fact, and a longer attribute
name that holds more of the question's words is the one asked. Each case failed before these rules."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from shopgraph.qa.engine import Engine
from tests.qa.conftest import build_store

RECORDS = [
    {"id": "pg-coffee", "title": "Hazelnut K-Cup Pods, 12 Count",
     "attributes": {"ingredients": "100% ground fresh arabica coffee", "caffeine content": "caffeinated",
                    "flavor": "hazelnut", "size": "12 count"}},
    {"id": "pg-decaf", "title": "Decaf Pods", "attributes": {"caffeine content": "caffeine free"}},
    {"id": "pg-slipper", "title": "Cotton Slippers",
     "attributes": {"material": "cotton & flax; soles: rubber", "sole material": "rubber", "size": "16",
                    "color": "grey"}},
    {"id": "pg-laptop", "title": "Gaming Laptop 15",
     "attributes": {"battery": "lithium ion", "number of batteries": "2", "ram memory": "16 GB",
                    "computer memory": "size 16 GB"}},
    {"id": "pg-lights", "title": "Fairy String Lights",
     "attributes": {"number of light sources": "300", "color": "warm white", "brand": "ririwon"}},
    {"id": "pg-wig", "title": "Synthetic Wavy Wig", "attributes": {"hair type": "long", "item weight": "0.44 pounds"}},
    {"id": "pg-dress", "title": "Summer Wrap Dress",
     "attributes": {"neck": "neck style v-neck", "collar style": "deep v neck", "color": "navy"}},
    {"id": "pg-glasses", "title": "Aviator Sunglasses",
     "attributes": {"color": "matte black ruthenium", "lens": "color gray, material plastic, width 57 millimeters",
                    "frame material": "metal"}},
    {"id": "pg-laptop-colour", "title": "Yoga 7i: Intel Core i5-1335U, 16 GB RAM, 512 GB storage",
     "attributes": {"color": "Storm Grey", "ram": "16 GB"}, "category": ["Electronics", "Computers", "Laptops"]},
    {"id": "pg-leggings", "title": "High Waist Leggings",
     "attributes": {"material": "polyester", "outer": "material polyester spandex", "size": "medium"}},
]


@pytest.fixture(scope="module")
def page_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("page")
    catalog = folder / "catalog.jsonl"
    catalog.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    with Engine.open(str(build_store(folder / "graph.kuzu", catalog))) as engine:
        yield engine


@pytest.mark.parametrize(
    ("question", "product", "attribute"),
    [
        # a number without a currency or price word is no price on a page (was "no products under $15")
        ("is the size under 15?", "pg-slipper", "size"),
        ("are there over 500 lights?", "pg-lights", "number of light sources"),
        # "coffee" is a value of its ingredients, but the question asks about caffeine
        ("does this coffee contain caffeine?", "pg-coffee", "caffeine content"),
        # a longer name holding the asked one and more of the question's words
        ("what material is the sole made of?", "pg-slipper", "sole material"),
        ("how many batteries are there?", "pg-laptop", "number of batteries"),
        # a count asked without "how many"
        ("does the laptop have multiple batteries?", "pg-laptop", "number of batteries"),
        ("does it have only one battery?", "pg-laptop", "number of batteries"),
        # of two names asked alike, the one whose value says more of the question ("lenses" is "lens", not "lense")
        ("what color are the lenses on this?", "pg-glasses", "lens"),
        ("what color is the lens?", "pg-glasses", "lens"),
        ("what color are these?", "pg-glasses", "color"),
        # "colour" asks the "color" name: the kind said ("this laptop") does not take the answer
        ("whats the colour called on this laptop?", "pg-laptop-colour", "color"),
        # a name said whole stays first
        ("what is the ram memory on the computer?", "pg-laptop", "ram memory"),
        # on a page, "how many …" asking no attribute is the ranker's to read: a value without a number may answer
        # (off a page only a fact with a number does: "how many shelves does the bookcase have?")
        ("how many inches does the wig fall below the shoulders?", "pg-wig", "hair type"),
        # the ranker's first fact holds more of the question's words than the asked attribute's fact
        ("is the dress's collar considered a 'deep' v-neck?", "pg-dress", "collar style"),
        ("does the material contain anything besides spandex?", "pg-leggings", "outer"),
    ],
)
def test_page_question_answers_the_asked_fact(page_engine: Engine, question: str, product: str,
                                              attribute: str) -> None:
    answer = page_engine.answer(question, product=product)
    assert answer.intent == "attribute", answer.answer
    assert answer.facts and answer.facts[0].attribute == attribute, (answer.answer, answer.facts[:2])
    assert answer.facts[0].product_id == product


def test_page_check_still_says_yes_when_the_ranker_agrees(page_engine: Engine) -> None:
    answer = page_engine.answer("is it grey?", product="pg-slipper")
    assert answer.answer.startswith("Yes:"), answer.answer
    assert (answer.facts[0].attribute, answer.facts[0].value) == ("color", "grey")


def test_a_count_is_not_a_price_off_the_page(page_engine: Engine) -> None:
    """Off a page too, "over 500 lights" counts lights; "over 500" alone or "over $500" is a price."""
    parse = page_engine.understander.parse
    assert parse("string lights with over 500 lights").constraints.price_min is None
    assert parse("string lights over 500").constraints.price_min == 500
    assert parse("string lights over $500").constraints.price_min == 500

