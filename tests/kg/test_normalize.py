"""Entity resolution keys and unit normalisation (kg.normalize)."""

from __future__ import annotations

import pytest

from shopgraph.kg.normalize import (
    Normalized,
    attribute_key,
    canonical,
    category_keys,
    display,
    normalize_value,
    value_key,
)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Samsung", "samsung"),
        (" SAMSUNG.", "samsung"),
        ("Samsung\u00a0", "samsung"),  # no-break space
        ("ＳＡＭＳＵＮＧ", "samsung"),  # full-width letters fold under NFKC
        ("Hewlett-Packard", "hewlett packard"),
        ("Hewlett  Packard ", "hewlett packard"),
        ("Levi's", "levis"),
        ("Levi\u2019s", "levis"),
        ("AT&T", "at and t"),
        ("Procter & Gamble", "procter and gamble"),
        ("Straße", "strasse"),  # casefold, not lower
        ("L'Oréal Paris", "loréal paris"),  # accents are kept
        ("!!!", ""),
    ],
)
def test_canonical_folds_case_punctuation_and_space(text: str, key: str) -> None:
    assert canonical(text) == key


def test_display_keeps_case_but_tidies_space() -> None:
    assert display("  Hydro\u00a0 Flask ") == "Hydro Flask"


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (["128GB", "128 GB", "128 gb", "128-GB", "128 gigabytes", "128GB."], Normalized("128 gb", 128.0, "gb")),
        (["10 in", "10-inch", '10"', "10\u201d", "10 inches", "10in", "10.0 in"], Normalized("10 in", 10.0, "in")),
        (["6.1\"", "6.1 in", "6,1 in"], Normalized("6.1 in", 6.1, "in")),
        (["5 lbs", "5 lb", "5 pounds", "5LB"], Normalized("5 lb", 5.0, "lb")),
        (["12 fl oz", "12 fl. oz.", "12 FL OZ", "12 fluid ounces", "12floz"], Normalized("12 fl oz", 12.0, "fl oz")),
        (["12 oz", "12 ounces"], Normalized("12 oz", 12.0, "oz")),
        (["2-pack", "2 pack", "2 pk", "2 count", "2ct"], Normalized("2 pack", 2.0, "pack")),
        (["1.5 kg", "1,5 kg", "1.5 kilograms"], Normalized("1.5 kg", 1.5, "kg")),
        (["5,000mAh", "5000 mAh", "5,000 mAh"], Normalized("5000 mah", 5000.0, "mah")),
        (["1,000.5 mAh"], Normalized("1000.5 mah", 1000.5, "mah")),
        (["1000000 mAh"], Normalized("1000000 mah", 1000000.0, "mah")),
        (["20W", "20 W", "20 watts"], Normalized("20 w", 20.0, "w")),
        (["2.4 GHz", "2.4GHz"], Normalized("2.4 ghz", 2.4, "ghz")),
        (["42", "42.0", " 42 "], Normalized("42", 42.0, None)),
        (["Black", " black ", "BLACK."], Normalized("black", None, None)),
        (["Phantom-Black", "phantom black"], Normalized("phantom black", None, None)),
    ],
)
def test_normalize_value_units_share_one_form(forms: list[str], expected: Normalized) -> None:
    assert [normalize_value(f) for f in forms] == [expected] * len(forms)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("128GB", "64GB"),  # different numbers
        ("10 in", "10 cm"),  # different units are not converted into each other
        ("12 oz", "12 fl oz"),  # weight ounce vs fluid ounce
        ("1,500 mAh", "1.5 mAh"),  # thousands separator vs decimal mark
        ("1.2345 kg", "1.23450001 kg"),  # exact text, no rounding to 6 significant digits
    ],
)
def test_normalize_value_keeps_different_values_apart(a: str, b: str) -> None:
    assert normalize_value(a).text != normalize_value(b).text


@pytest.mark.parametrize("text", ["10 inches wide", "128GB SSD", "size 10", "4K"])
def test_normalize_value_leaves_text_with_more_than_a_quantity_as_text(text: str) -> None:
    norm = normalize_value(text)
    assert norm.number is None and norm.unit is None
    assert norm.text == canonical(text)


@pytest.mark.parametrize(
    ("name", "key"),
    [("Screen Size", "screen size"), ("screen_size", "screen size"), ("screen-size", "screen size"),
     (" SCREEN SIZE ", "screen size"), ("Color", "color")],
)
def test_attribute_key_forms(name: str, key: str) -> None:
    assert attribute_key(name) == key


def test_value_key_joins_attribute_and_normalised_value() -> None:
    assert value_key("Storage", "128GB") == "storage=128 gb"
    assert value_key("storage", "128 GB") == value_key("STORAGE", "128gb")
    assert value_key("Screen Size", '10"') == value_key("screen_size", "10-inch") == "screen size=10 in"
    assert value_key("Color", "Black") != value_key("Case Color", "Black")


@pytest.mark.parametrize(
    ("path", "keys"),
    [
        (["Electronics"], ["electronics"]),
        (["Electronics", "Phones"], ["electronics", "electronics > phones"]),
        (["Home & Kitchen", "Drinkware", "Water Bottles"],
         ["home and kitchen", "home and kitchen > drinkware", "home and kitchen > drinkware > water bottles"]),
        ([" ELECTRONICS ", "phones."], ["electronics", "electronics > phones"]),
        ([], []),
    ],
)
def test_category_keys_one_per_level(path: list[str], keys: list[str]) -> None:
    assert category_keys(path) == keys


def test_category_keys_keep_same_name_under_different_parents_apart() -> None:
    a = category_keys(["Electronics", "Accessories"])[-1]
    b = category_keys(["Phones", "Accessories"])[-1]
    assert a != b
