"""Data-to-text pieces: lists, prices, units and plurals rendered naturally."""

from __future__ import annotations

import pytest

from shopgraph.qa import compose
from shopgraph.qa.retrieve import Card, Fact, format_price


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_join(items: list[str], text: str) -> None:
    assert compose.join(items) == text


@pytest.mark.parametrize(
    ("price", "currency", "text"),
    [(19.99, "USD", "$19.99"), (129.0, None, "$129"), (1768.0, "USD", "$1,768"), (99.95, "EUR", "€99.95"),
     (5.0, "CHF", "5 CHF"), (None, "USD", "")],
)
def test_format_price(price: float | None, currency: str | None, text: str) -> None:
    assert format_price(price, currency) == text


def test_attribute_answer_templates() -> None:
    assert compose.attribute_answer("X", "material", ["Polycarbonate", "TPU"]) == "The X is made of polycarbonate and TPU."
    assert compose.attribute_answer("X", "weight", ["174 g"]) == "The X weighs 174 g."
    assert compose.attribute_answer("X", "color", ["Black", "black"]) == "The X comes in Black."
    assert compose.attribute_answer("X", "refresh rate", ["90Hz"]) == "The refresh rate of the X is 90Hz."
    assert compose.attribute_answer("X", "refresh rate", ["90Hz", "120Hz"]) == "The X has refresh rate 90Hz and 120Hz."


def test_compatibility_list_singular_and_plural() -> None:
    assert compose.compatibility_list("P", ["A"], "cases") == "1 case fits the P: A."
    assert compose.compatibility_list("P", ["A"], "chargers & cables") == "1 product fits the P: A."
    assert compose.compatibility_list("P", ["A", "B"], "cases") == "2 cases fit the P: A and B."


def test_dont_know_names_closest_facts() -> None:
    facts = [Fact("p1", "color", "Black", "catalog", 0.3), Fact("p1", "weight", "1 kg", "extracted", 0.2)]
    text = compose.dont_know(facts, {"p1": "Boot"}, " the warranty of the Boot")
    assert text == "I don't know the warranty of the Boot. The closest facts I have about it: colour: Black; weight: 1 kg."
    assert compose.dont_know([], {}) == "I don't know."


def test_dont_know_says_each_title_once() -> None:
    facts = [Fact("p1", "brand", "Kiwi", "catalog", 0.3), Fact("p2", "price", "$9", "catalog", 0.2),
             Fact("p1", "category", "Shoe Care", "catalog", 0.1)]
    text = compose.dont_know(facts, {"p1": "Kit", "p2": "Brush"}, " of any red kits")
    assert text == ("I don't know of any red kits. The closest facts I have: about the Kit, brand: Kiwi; "
                    "category: Shoe Care — about the Brush, price: $9.")
    same_title = [Fact("p1", "brand", "Kiwi", "catalog", 0.3), Fact("p3", "brand", "Kiwi", "catalog", 0.2)]
    assert compose.dont_know(same_title, {"p1": "Kit", "p3": "Kit"}) == (
        "I don't know. The closest facts I have: about the Kit, brand: Kiwi.")


def test_across_listings_names_other_titles_once() -> None:
    text = compose.across_listings("Pods (White)", "battery life", ["6 h"], ["Pods (White)", "Pods (Black)", "Pods (Black)"])
    assert text == ("The Pods (White) does not list its battery life; 3 other listings of this model give 6 h "
                    "(Pods (Black)).")


def test_comparison_answer() -> None:
    a, b = Card("a", "A", 10.0, "USD"), Card("b", "B", 20.0, "USD")
    assert compose.comparison_answer("weight", a, ["1 kg"], b, ["2 kg"], a, "lighter") == "The A is lighter (1 kg) than the B (2 kg)."
    assert compose.comparison_answer("weight", a, ["1 kg"], b, ["1 KG"], None, "same") == "Both have the same weight: 1 kg."
    assert compose.comparison_answer("weight", a, ["355 pounds"], b, ["355 lbs"], None, "same") == \
        "Both have the same weight: 355 pounds."
    # one amount said in two units: both are given
    assert compose.comparison_answer("weight", a, ["1 kg"], b, ["1000 g"], None, "same") == \
        "Both have the same weight: 1 kg (the A) and 1000 g (the B)."
    assert compose.comparison_answer("color", a, ["Red"], b, ["Blue"], None, None) == "The A has colour Red; the B has Blue."


def test_summary_leaves_out_pieces_of_a_longer_value() -> None:
    """The tagger may propose "AMD", "7" and "Ryzen 7 7730U" beside the catalog's "AMD Ryzen 7 7730U": one value."""
    card = Card("L1", "Lenovo IdeaPad Slim 5", 579.99, "USD")
    facts = [Fact("L1", "processor", v, "extracted", 1.0) for v in ("7", "AMD", "AMD Ryzen 7 7730U", "Ryzen 7 7730U", "U")]
    facts.append(Fact("L1", "ram", "16GB", "catalog", 1.0))
    text = compose.summary_answer(card, facts)
    assert text.endswith("Processor: AMD Ryzen 7 7730U; ram: 16GB."), text
    assert compose.widest(["16 GB", "16 gb", "8 GB", "18 GB"]) == ["16 GB", "8 GB", "18 GB"]
