from __future__ import annotations

import pytest

from shopgraph.extraction.tokenize import segments, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple iPhone 13 128GB", ["Apple", "iPhone", "13", "128", "GB"]),
        ("10.5in tablet", ["10.5", "in", "tablet"]),
        ("Men's Loafer", ["Men", "'s", "Loafer"]),
        ("2-pack", ["2", "-", "pack"]),
        ("3.5mm jack", ["3.5", "mm", "jack"]),
        ("Loafer,Burgundy,10 D US", ["Loafer", ",", "Burgundy", ",", "10", "D", "US"]),
        ("1,000/Box", ["1,000", "/", "Box"]),
        ("4 3/4 x 2 3/8", ["4", "3/4", "x", "2", "3/8"]),
        ("4Pcs/Lot", ["4", "Pcs", "/", "Lot"]),
        ("Toothbrush -Ultra Soft", ["Toothbrush", "-", "Ultra", "Soft"]),
        ("Dogs-3.5 M", ["Dogs", "-", "3.5", "M"]),
        ("Black|Red (2-pack)", ["Black", "|", "Red", "(", "2", "-", "pack", ")"]),
    ],
)
def test_words_product_rules(text: str, expected: list[str]) -> None:
    assert [w.text for w in words(text)] == expected


@pytest.mark.parametrize("text", ["Apple  iPhone 13\t128GB", "Crocs Women's Jayna Ballet Flat,Nautical Navy,4 M US", "  x  "])
def test_words_offsets_point_into_the_text(text: str) -> None:
    ws = words(text)
    assert ws, "whitespace-only words are dropped, others kept"
    for w in ws:
        assert text[w.start:w.end] == w.text
    assert [w.start for w in ws] == sorted(w.start for w in ws)


def test_segments_split_lines_and_long_lines_with_offsets_into_the_whole_text() -> None:
    text = "Storage: 128GB\n\nFast charging " + " ".join(f"w{i}" for i in range(10))
    segs = segments(text, max_words=5)
    assert [len(s) for s in segs] == [4, 5, 5, 2]
    for seg in segs:
        for w in seg:
            assert text[w.start:w.end] == w.text
    assert segs[1][0].text == "Fast"
