from __future__ import annotations

import pytest

from shopgraph.extraction.align import Annotated
from shopgraph.extraction.evaluate import AveCounts, ave_counts, category_attributes


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([], None, "nn"),
        ([], "Red", "nv"),
        (["Red"], None, "vn"),
        (["Red"], "red", "vc"),  # case does not matter
        (["Nautical  Navy"], "Nautical Navy", "vc"),  # nor runs of spaces
        (["Red", "Dark Red"], "Dark Red", "vc"),  # any acceptable value counts
        (["Red"], "Blue", "vw"),
        (["Red"], "Red Patent", "vw"),  # a longer span is wrong, not half right
    ],
)
def test_ave_counts_one_attribute(gold: list[str], predicted: str | None, expected: str) -> None:
    counts = ave_counts({"Color": gold}, {"Color": predicted} if predicted else {}, ["Color"])["Color"]
    assert {k: getattr(counts, k) for k in ("nn", "nv", "vn", "vc", "vw")} == {
        k: int(k == expected) for k in ("nn", "nv", "vn", "vc", "vw")}


def test_ave_micro_scores_hand_computed() -> None:
    # Product 1 (Shoes: Brand, Color, Size, Material): Brand right, Color wrong, Size missed, Material "n/a" and none.
    # Product 2 (Shoes): Brand right, Color right, Size right, Material "n/a" but predicted; Gender outside the category.
    attributes = ["Brand", "Color", "Size", "Material"]
    total = AveCounts()
    for gold, predicted in [
        ({"Brand": ["Crocs"], "Color": ["Navy"], "Size": ["4 M US"], "Material": []},
         {"Brand": "Crocs", "Color": "Nautical Navy"}),
        ({"Brand": ["Vans"], "Color": ["Black"], "Size": ["7"], "Material": []},
         {"Brand": "Vans", "Color": "Black", "Size": "7", "Material": "Canvas", "Gender": "Men's"}),
    ]:
        for c in ave_counts(gold, predicted, attributes).values():
            total.add(c)
    assert (total.nn, total.nv, total.vn, total.vc, total.vw) == (1, 1, 1, 4, 1)
    assert total.precision == pytest.approx(4 / 6)  # VC / (NV + VC + VW)
    assert total.recall == pytest.approx(4 / 6)  # VC / (VN + VC + VW)
    assert total.f1 == pytest.approx(4 / 6)


def test_ave_scores_of_nothing_are_zero_not_an_error() -> None:
    assert (AveCounts().precision, AveCounts().recall, AveCounts().f1) == (0.0, 0.0, 0.0)
    assert AveCounts(nn=3).as_dict()["f1"] == 0.0


def test_category_attributes_is_the_union_over_records_including_na() -> None:
    records = [
        Annotated("1", "Shoes", {"title": "x"}, gold={"Brand": ["A"], "Material": []}),
        Annotated("2", "Shoes", {"title": "x"}, gold={"Color": ["Red"]}),
        Annotated("3", "Phones", {"title": "x"}, gold={"Storage": ["64GB"]}),
    ]
    assert category_attributes(records) == {"Shoes": {"Brand", "Material", "Color"}, "Phones": {"Storage"}}
