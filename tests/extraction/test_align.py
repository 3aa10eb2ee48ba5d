from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopgraph.extraction.align import (
    AlignmentReport,
    Span,
    align_values,
    annotate,
    bio,
    load_annotations,
    spans_from_bio,
)
from shopgraph.extraction.tokenize import words
from shopgraph.kg.catalog import Product
from shopgraph.kg.errors import CatalogError


def place(text: str, values: dict[str, list[str]]) -> tuple[list[tuple[str, str]], dict[tuple[str, str], str]]:
    spans, outcome = align_values(text, words(text), values)
    return [(s.label, text[s.start:s.end]) for s in spans], outcome


def test_align_absent_value_is_reported_not_tagged() -> None:
    spans, outcome = place("Apple iPhone 13 Midnight", {"Color": ["Purple"]})
    assert spans == []
    assert outcome == {("Color", "Purple"): "absent"}


def test_align_repeated_value_tags_every_occurrence() -> None:
    spans, outcome = place("Black case, black strap", {"Color": ["Black"]})
    assert spans == [("Color", "Black"), ("Color", "black")]
    assert outcome[("Color", "Black")] == "aligned"


def test_align_different_case_keeps_the_text_as_written() -> None:
    spans, _ = place("CROCS Women's FLAT", {"Brand": ["Crocs"], "Shoe type": ["flat"]})
    assert spans == [("Brand", "CROCS"), ("Shoe type", "FLAT")]


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        ("Galaxy S22 128 GB Black", "128GB", "128 GB"),
        ("Galaxy S22 128GB Black", "128 GB", "128GB"),
        ("Galaxy S22 128  GB Black", "128 GB", "128  GB"),
        ("Stand 10.5in", "10.5 in", "10.5in"),
    ],
)
def test_align_unit_spacing(text: str, value: str, found: str) -> None:
    spans, _ = place(text, {"Storage": [value]})
    assert spans == [("Storage", found)]


def test_align_overlapping_values_longest_wins() -> None:
    spans, outcome = place("Apple iPhone 13 Pro Max 256GB",
                           {"Model": ["iPhone 13 Pro Max"], "Series": ["iPhone 13"], "Storage": ["256GB"]})
    assert spans == [("Model", "iPhone 13 Pro Max"), ("Storage", "256GB")]
    assert outcome[("Series", "iPhone 13")] == "shadowed"


def test_align_inside_a_word_is_not_a_match() -> None:
    spans, outcome = place("Women's Sandal", {"Gender": ["Men"]})
    assert spans == []
    assert outcome[("Gender", "Men")] == "off_boundary"


def test_annotate_searches_every_field_and_counts_unaligned() -> None:
    product = Product(id="p1", title="Spigen Case for iPhone 13", bullets=["Color: Black", "Slim fit"],
                      description="Made of TPU.", category=["Electronics", "Cases"])
    report = AlignmentReport()
    ann = annotate(product, {"Color": ["Black"], "Material": ["TPU"], "Brand": ["Spigen"], "Size": ["XL"]}, report)
    assert ann.category == "Electronics > Cases"
    assert [(s.label, ann.fields["bullets"][s.start:s.end]) for s in ann.spans["bullets"]] == [("Color", "Black")]
    assert [(s.label, ann.fields["description"][s.start:s.end]) for s in ann.spans["description"]] == [("Material", "TPU")]
    assert (report.values, report.aligned, report.absent, report.unaligned) == (4, 3, 1, 1)
    assert report.unaligned_by_attribute == {"Size": 1}


def test_bio_and_back() -> None:
    text = "Crocs Women's Jayna Ballet Flat,Nautical Navy"
    ws = words(text)
    tags = bio(ws, [Span(0, 5, "Brand"), Span(20, 31, "Shoe type"), Span(32, 45, "Color")])
    assert tags == ["B-Brand", "O", "O", "O", "B-Shoe type", "I-Shoe type", "O", "B-Color", "I-Color"]
    assert [(text[ws[i].start:ws[j - 1].end], lab) for i, j, lab in spans_from_bio(ws, tags)] == [
        ("Crocs", "Brand"), ("Ballet Flat", "Shoe type"), ("Nautical Navy", "Color")]


def test_spans_from_bio_stray_inside_tag_opens_a_span() -> None:
    ws = words("a b c d")
    assert spans_from_bio(ws, ["I-X", "I-X", "B-Y", "I-X"]) == [(0, 2, "X"), (2, 3, "Y"), (3, 4, "X")]


def test_load_annotations_reads_target_scores_catalog_records_and_spans(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [
        {"input": "Florsheim Men's Milano Slip-On Loafer,Burgundy,10 D US", "category": "Shoes",
         "target_scores": {"Brand": {"Florsheim": 1}, "Color": {"Burgundy": 1}, "Material": {"n/a": 1}}},
        {"id": "p2", "title": "Samsung Galaxy S22 128 GB", "brand": "Samsung", "attributes": {"Storage": "128GB"}},
        {"text": "Nike Air Max 90, White", "spans": [{"start": 0, "end": 4, "label": "Brand"},
                                                   {"start": 17, "end": 22, "label": "Color"}], "category": "Shoes"},
        {"text": "Nike Air Max 90, White", "spans": [{"start": 1, "end": 4, "label": "Brand"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    records, report = load_annotations([path])
    assert [r.id for r in records] == ["mixed.jsonl:1", "p2", "mixed.jsonl:3", "mixed.jsonl:4"]
    assert records[0].gold == {"Brand": ["Florsheim"], "Color": ["Burgundy"], "Material": []}
    assert records[1].gold == {"Storage": ["128GB"], "Brand": ["Samsung"]}
    assert [records[1].fields["title"][s.start:s.end] for s in records[1].spans["title"]] == ["Samsung", "128 GB"]
    assert records[2].gold == {"Brand": ["Nike"], "Color": ["White"]}
    assert (report.records, report.values, report.aligned, report.explicit_spans) == (4, 4, 4, 3)
    assert (report.off_boundary, report.unaligned_by_attribute) == (1, {"Brand": 1})  # "ike" is not a word


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "abc", "spans": [{"start": 2, "end": 9, "label": "X"}]},
         "bad.jsonl:1: spans[0] (2, 9, 'X') is outside the text (length 3) or has no label; fix the offsets"),
        ({"text": "abc", "spans": [{"start": 0}]},
         'bad.jsonl:1: spans[0] must be {"start": int, "end": int, "label": str}'),
        ({"text": "abcd", "spans": [{"start": 0, "end": 2, "label": "X"}, {"start": 1, "end": 3, "label": "Y"}]},
         "bad.jsonl:1: spans[1] overlaps an earlier span; spans must not overlap"),
        ({"input": "x", "target_scores": ["Brand"]},
         "bad.jsonl:1: field 'target_scores' must be an object {attribute: {value: score}}"),
    ],
)
def test_load_annotations_bad_rows_name_file_line_and_fix(tmp_path: Path, row: dict, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_annotations([path])
    assert str(err.value) == f"{tmp_path}/{message}"


def test_load_annotations_unifies_attribute_spellings(tmp_path: Path) -> None:
    path = tmp_path / "names.jsonl"
    rows = [
        {"id": "a", "title": "Galaxy S24 Marble Grey 6.2 inch", "attributes": {"color": "Marble Grey", "screen_size": "6.2 inch"}},
        {"id": "b", "title": "Pixel 8 Obsidian", "attributes": {"Color": "Obsidian"}},
        {"id": "c", "title": "iPhone 15 Blue 6.1 inch", "attributes": {"Color": "Blue", "Screen Size": "6.1 inch"}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    records, _ = load_annotations([path])
    assert [sorted(r.gold) for r in records] == [["Color", "Screen Size"], ["Color"], ["Color", "Screen Size"]]
    assert {s.label for r in records for s in r.spans["title"]} == {"Color", "Screen Size"}


def test_demo_title_annotations_are_consistent() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "annotations" / "demo-titles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records, report = load_annotations([path])
    assert len(records) == len(rows) == 40
    assert (report.explicit_spans, report.off_boundary) == (155, 0)
    for row in rows:
        for s in row["spans"]:
            assert row["text"][s["start"]:s["end"]] == s["value"]
