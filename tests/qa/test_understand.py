"""Query understanding on the fixture graph's lexicons: intents, price/quantity patterns, linking."""

from __future__ import annotations

import pytest

from shopgraph.qa.engine import Engine
from shopgraph.qa.understand import Understander, base_quantity, singular, tokens


@pytest.fixture(scope="module")
def understander(engine: Engine) -> Understander:
    return engine.understander


@pytest.mark.parametrize(
    ("word", "expected"),
    [("boots", "boot"), ("batteries", "battery"), ("cases", "case"), ("glass", "glass"), ("watches", "watch"),
     ("shoes", "shoe"), ("bus", "bus"), ("gps", "gps"), ("does", "does")],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_tokens_keep_model_numbers_and_decimals() -> None:
    assert tokens("Men's Galaxy S24+ 6.1-inch, 128GB") == ["men", "galaxy", "s24+", "6.1", "inch", "128gb"]


def test_base_quantity_converts_units() -> None:
    assert base_quantity(1.2, "kg") == ("mass", 1200.0)
    assert base_quantity(1, "tb") == base_quantity(1000, "gb")
    assert base_quantity(3, "mah") == ("mah", 3.0)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("boots under $80", None, 80.0),
        ("boots below 80 dollars", None, 80.0),
        ("boots for less than $79.99", None, 79.99),
        ("boots over $100", 100.0, None),
        ("boots at least 100 bucks", 100.0, None),
        ("boots between $50 and $90", 50.0, 90.0),
        ("boots $50-$90", 50.0, 90.0),
        ("boots around $100", 80.0, 120.0),
        ("boots under 80", None, 80.0),
        ("boots under $1,299", None, 1299.0),  # a thousands separator, not a decimal comma
        ("boots between $1,000 and $1,499.99", 1000.0, 1499.99),
        ("boots under 79,5 euros", None, 79.5),
    ],
)
def test_constraints_price_patterns(understander: Understander, text: str, low: float | None, high: float | None) -> None:
    cons = understander.constraints(text.lower())
    assert (cons.price_min, cons.price_max) == (low, high)
    assert [c.key for c in cons.categories] == ["shoes > boots"]


def test_constraints_quantity_is_not_a_price(understander: Understander) -> None:
    cons = understander.constraints("running shoes under 290 g")
    assert cons.price_max is None
    [group] = cons.values
    assert group.attribute == "weight"
    assert {"weight=283 g", "weight=260 g", "weight=10.1 oz"} <= set(group.keys)  # 10.1 oz = 286 g
    assert not {"weight=300 g", "weight=1.2 kg"} & set(group.keys)
    assert "weight=290 g" in group.keys  # "under" includes the bound


def test_constraints_link_brand_category_values(understander: Understander) -> None:
    cons = understander.constraints("black leather boots from timberland")
    assert [b.key for b in cons.brands] == ["timberland"]
    assert [c.key for c in cons.categories] == ["shoes > boots"]
    labels = {g.label: set(g.keys) for g in cons.values}
    assert labels["black"] == {"color=black", "color=phantom black"}  # values containing the word
    assert labels["leather"] == {"material=leather", "material=nubuck leather"}  # values containing the word
    assert cons.describe() == "black leather boots from Timberland"


def test_constraints_category_by_its_plural_head_noun(understander: Understander) -> None:
    """'accessories' names "Phone Accessories"; 'shoes' stays "Shoes", not "Running Shoes"."""
    assert [c.key for c in understander.constraints("accessories from spigen").categories] == [
        "electronics > phone accessories"]
    assert [c.key for c in understander.constraints("shoes").categories] == ["shoes"]


def test_constraints_category_includes_descendants(understander: Understander) -> None:
    cons = understander.constraints("phone accessories")
    assert set(cons.category_keys) == {
        "electronics > phone accessories",
        "electronics > phone accessories > cases",
        "electronics > phone accessories > chargers",
    }


@pytest.mark.parametrize(
    ("question", "focus", "intent", "aggregate"),
    [
        ("what is it made of?", "case-spigen-13", "attribute", None),
        ("how much does the Pixel 7 weigh?", None, "attribute", None),
        ("black leather boots under $80 from Timberland", None, "search", None),
        ("do you have anything from Anker?", None, "search", None),
        ("does this case fit the iPhone 13?", "case-spigen-13", "compatibility", None),
        ("is the Anker charger compatible with the Pixel 7?", None, "compatibility", None),
        ("which is lighter, the iPhone 13 or the Galaxy S22?", None, "comparison", None),
        ("iPhone 13 vs Pixel 7", None, "comparison", None),
        ("how many brands of running shoes?", None, "aggregate", "count_brands"),
        ("cheapest running shoes", None, "aggregate", "min_price"),
        ("what's the priciest phone?", None, "aggregate", "max_price"),
        ("which brands make boots?", None, "aggregate", "brands"),
        ("what is the meaning of life?", None, "unanswerable", None),
    ],
)
def test_understander_intents(understander: Understander, question: str, focus: str | None, intent: str,
                              aggregate: str | None) -> None:
    parse = understander.parse(question, focus=focus)
    assert parse.intent == intent
    assert parse.aggregate == aggregate


def test_understander_links_named_product_not_its_accessory(understander: Understander) -> None:
    """'iPhone 13' is the phone, not 'Spigen Case for iPhone 13' (whose title names it after 'for')."""
    link = understander.link_product("the iphone 13")
    assert link is not None and link.key == "phone-iphone13"


def test_understander_asked_attributes(understander: Understander) -> None:
    assert understander.asked_attributes("how much does it weigh")[0] == "weight"
    assert understander.asked_attributes("what is it made of")[0] == "material"
    assert understander.asked_attributes("how much is it") == ["price"]
    assert "battery" in understander.asked_attributes("what is the battery like")


def test_title_search_ranks_titles_by_their_rarest_words(engine: Engine) -> None:
    """Linking reads titles from memory: titles holding more (and rarer) of the words come first."""
    lex = engine.understander.lexicon
    hits = lex.title_search(["spigen", "case", "iphone", "13"], 5)
    assert hits and lex.titles[hits[0][0]].lower().startswith("spigen")
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert lex.title_search(["nosuchword"], 5) == []
