"""Train → save → load → extract → evaluate with the tiny random BERT, and the build integration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopgraph.extraction.evaluate import evaluate_attributes
from shopgraph.extraction.pipeline import extract, load_extractor
from shopgraph.extraction.tagger import AttributeTagger, best_values
from shopgraph.extraction.train import TrainConfig, train_attributes
from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import Product, read_catalog
from shopgraph.kg.errors import ConfigError
from shopgraph.kg.store.cypher_read import PRODUCT_VALUES
from shopgraph.kg.store.embedded import EmbeddedStore


def test_tagger_learns_the_templates(tiny_tagger: Path, corpus: dict[str, Path]) -> None:
    result = evaluate_attributes(tiny_tagger, [corpus["test_oamine"]])
    assert result.records == 40
    assert result.ave.f1 >= 0.9, result.as_dict()["ave_micro"]
    assert result.spans["f1"] >= 0.9
    assert result.ave.nn == 40  # every product's "Material": "n/a", none predicted (not in the labels)


def test_tagger_spans_are_exact_text_with_offsets(tiny_tagger: Path) -> None:
    tagger = AttributeTagger.load(tiny_tagger)
    fields = {"title": "Crocs Women's Ballet Flat,Forest Green,4 M US", "bullets": "Storage: 64GB\nFast charging"}
    (spans,) = tagger.extract_fields([("Shoes", fields)])
    assert spans, "the trained tagger finds something"
    for s in spans:
        assert fields[s.field][s.start:s.end] == s.value
        assert 0.0 < s.score <= 1.0
    best = best_values(spans)
    assert best["Brand"].value == "Crocs"
    assert best["Color"].value == "Forest Green"


def test_tagger_category_restricts_labels(tiny_tagger: Path) -> None:
    tagger = AttributeTagger.load(tiny_tagger)
    (spans,) = tagger.extract_fields([("Electronics > Phones", {"title": "Nokia Lumia 920 Women's 64GB Red"})])
    assert "Gender" not in {s.attribute for s in spans}, "Gender was never seen with Phones"


def test_extract_keeps_input_order_and_reads_oamine_records(tiny_tagger: Path, corpus: dict[str, Path]) -> None:
    rows = list(extract(corpus["test_oamine"], tiny_tagger))
    titles = [json.loads(line)["input"] for line in corpus["test_oamine"].read_text().splitlines()]
    assert [r["id"] for r in rows] == [f"test.oamine.jsonl:{i}" for i in range(1, 41)]
    for row, title in zip(rows, titles):
        for s in row["spans"]:
            assert s["field"] == "title" and title[s["start"]:s["end"]] == s["value"]
        for attribute, value in row["attributes"].items():
            assert value == max((s for s in row["spans"] if s["attribute"] == attribute), key=lambda s: s["score"])["value"]


def test_quantized_tagger_runs_and_agrees_mostly(tiny_tagger: Path, corpus: dict[str, Path]) -> None:
    full = evaluate_attributes(tiny_tagger, [corpus["test_oamine"]])
    int8 = evaluate_attributes(tiny_tagger, [corpus["test_oamine"]], quantize=True)
    assert int8.records == full.records
    assert int8.ave.f1 >= full.ave.f1 - 0.1


def test_train_is_reproducible_with_a_seed(tmp_path: Path, corpus: dict[str, Path], tiny_bert: Path, tiny_training: dict) -> None:
    cfg = {**tiny_training, "epochs": 1}
    a = train_attributes([corpus["train"]], tmp_path / "a", dev=corpus["dev"], config=TrainConfig(base_model=str(tiny_bert), **cfg))
    b = train_attributes([corpus["train"]], tmp_path / "b", dev=corpus["dev"], config=TrainConfig(base_model=str(tiny_bert), **cfg))
    assert a.meta.version == b.meta.version  # same seed, same weights
    assert a.history[0]["loss"] == b.history[0]["loss"]


def test_train_without_dev_holds_out_part_of_train(tmp_path: Path, corpus: dict[str, Path], tiny_bert: Path, tiny_training: dict) -> None:
    result = train_attributes([corpus["train"]], tmp_path / "m",
                              config=TrainConfig(base_model=str(tiny_bert), **{**tiny_training, "epochs": 1}))
    assert (result.meta.metrics["train_records"], result.meta.metrics["dev_records"]) == (144, 16)
    assert result.meta.metrics["dev_source"] == "seeded 10% of the training records"


def test_train_refuses_data_without_alignable_values(tmp_path: Path, tiny_bert: Path, tiny_training: dict) -> None:
    data = tmp_path / "nothing.jsonl"
    data.write_text(json.dumps({"id": "a", "title": "Plain title", "attributes": {"Color": "Purple"}}) + "\n")
    with pytest.raises(ConfigError, match="could be placed in its text"):
        train_attributes([data], tmp_path / "m", config=TrainConfig(base_model=str(tiny_bert), **tiny_training))


def test_train_rejects_a_base_model_dir_without_config(tmp_path: Path, corpus: dict[str, Path]) -> None:
    with pytest.raises(ConfigError) as err:
        train_attributes([corpus["train"]], tmp_path / "m", config=TrainConfig(base_model=str(tmp_path)))
    assert str(err.value).startswith(f"--base-model {tmp_path} has no config.json; pass a local Hugging Face encoder")


def test_build_graph_writes_extracted_values_with_provenance(tiny_tagger: Path, tmp_path: Path) -> None:
    catalog = tmp_path / "catalog.jsonl"
    catalog.write_text("\n".join(json.dumps(r) for r in [
        # The catalog states Color itself: its value wins over whatever the model reads in the title.
        {"id": "s1", "title": "Vans Men's Sneaker,Red,10 D US", "category": "Shoes", "attributes": {"Color": "Blue"}},
        {"id": "s2", "title": "Crocs Women's Ballet Flat,Forest Green,4 M US", "category": "Shoes"},
    ]) + "\n", encoding="utf-8")
    extractor = load_extractor(tiny_tagger)
    meta = json.loads((tiny_tagger / "meta.json").read_text())
    assert (extractor.name, extractor.version) == (meta["name"], meta["version"])
    store = EmbeddedStore(tmp_path / "graph.kuzu")
    try:
        report = build_graph(read_catalog(catalog), store, extractor=extractor, min_score=0.0)
        assert report.extracted_values > 0
        rows = [r for i in ("s1", "s2") for r in store.query(PRODUCT_VALUES, {"id": i})]
    finally:
        store.close()
    extracted = [r for r in rows if r["source"] == "extracted"]
    assert extracted
    titles = {"s1": "Vans Men's Sneaker,Red,10 D US", "s2": "Crocs Women's Ballet Flat,Forest Green,4 M US"}
    for r in extracted:
        assert r["field"] == "title"
        assert titles[r["id"]][r["start_char"]:r["end_char"]] == r["surface"]
        assert 0.0 < r["confidence"] <= 1.0
        assert (r["model"], r["model_version"]) == (meta["name"], meta["version"])
    colors = {(r["id"], r["source"]): r["surface"] for r in rows if r["attribute"] == "color"}
    assert colors[("s1", "catalog")] == "Blue"
    assert ("s1", "extracted") not in colors, "catalog values win a conflict"
    assert colors[("s2", "extracted")] == "Forest Green"


def test_load_extractor_needs_something_to_run(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nothing to extract with"):
        load_extractor(None)


def test_extractor_satisfies_the_build_protocol(tiny_tagger: Path) -> None:
    extractor = load_extractor(tiny_tagger)
    out = extractor.extract([Product(id="x", title="Nike Running Shoe Black Unisex Size 7", category=["Shoes"]),
                             Product(id="y", title="", category=[])])
    assert len(out) == 2
    assert {v.attribute for v in out[0].values} >= {"Brand"}
    assert out[1].values == [] and out[1].embedding is None


def test_tagger_repeated_inputs_get_the_same_tags_and_their_own_offsets(tiny_tagger: Path) -> None:
    tagger = AttributeTagger.load(tiny_tagger)
    title = "Vans Sneaker Red Men's Size 7"
    first, second = tagger.extract_fields([("Shoes", {"title": title}),
                                           ("Shoes", {"title": title, "bullets": f"Classic\n{title}"})])
    title_spans = [(s.attribute, s.value, s.start, s.score) for s in first]
    assert title_spans
    assert title_spans == [(s.attribute, s.value, s.start, s.score) for s in second if s.field == "title"]
    in_bullets = [s for s in second if s.field == "bullets"]
    assert [(s.attribute, s.value, s.score) for s in in_bullets] == [(a, v, sc) for a, v, _, sc in title_spans]
    assert all(s.start == start + len("Classic\n") for s, (_, _, start, _) in zip(in_bullets, title_spans))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thorne Research - Vitamin", "Thorne Research"),
        ("- Ultra Soft ,", "Ultra Soft"),
        ("edge (2024)", "edge (2024)"),
        ("Pink )", "Pink"),
        ("( Blue", "Blue"),
        ("-", ""),
    ],
)
def test_trim_drops_separator_words_at_span_ends(text: str, expected: str) -> None:
    from shopgraph.extraction.tagger import trim
    from shopgraph.extraction.tokenize import words

    ws = words(text)
    if text.startswith("Thorne"):
        ws = ws[:3]  # the span the model tagged: "Thorne Research -"
    i, j = trim(ws, 0, len(ws))
    assert (text[ws[i].start:ws[j - 1].end] if i < j else "") == expected


def test_train_chooses_min_score_on_dev(tiny_tagger: Path) -> None:
    meta = json.loads((tiny_tagger / "meta.json").read_text())
    assert meta["config"]["min_score"] in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
    assert meta["metrics"]["dev"]["min_score"] == meta["config"]["min_score"]
    assert meta["metrics"]["dev"]["ave_micro"]["f1"] >= meta["metrics"]["dev_without_min_score"]["ave_micro"]["f1"]
    assert AttributeTagger.load(tiny_tagger).min_score == meta["config"]["min_score"]


def test_train_continues_from_a_trained_tagger(tmp_path: Path, corpus: dict[str, Path], tiny_bert: Path,
                                               tiny_tagger: Path, tiny_training: dict) -> None:
    """`--init`: a second stage starts from the trained weights (its first epoch's loss is far below a fresh
    start's) and meta.json names the model it continued; data with other labels is refused."""
    cfg = {**tiny_training, "epochs": 1}
    fresh = train_attributes([corpus["train"]], tmp_path / "fresh", dev=corpus["dev"],
                             config=TrainConfig(base_model=str(tiny_bert), **cfg))
    more = train_attributes([corpus["train"]], tmp_path / "more", dev=corpus["dev"],
                            config=TrainConfig(base_model=str(tiny_bert), init=str(tiny_tagger), **cfg))
    first = json.loads((tiny_tagger / "meta.json").read_text())
    assert first["version"] in more.meta.config["init"]
    assert more.history[0]["loss"] < 0.5 * fresh.history[0]["loss"], (more.history, fresh.history)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "a", "title": "Zeta phone in Purple", "attributes": {"Shade": "Purple"}}) + "\n")
    with pytest.raises(ConfigError, match="other labels"):
        train_attributes([other], tmp_path / "m", config=TrainConfig(base_model=str(tiny_bert), init=str(tiny_tagger),
                                                                     **cfg))


def test_a_unit_alone_is_no_extracted_value(tiny_tagger: Path) -> None:
    """A span of nothing but a unit ("watts" of "30 watts", as a tagger may mark it) is left out; with its
    number it stays."""
    from shopgraph.extraction.tagger import Segment
    from shopgraph.extraction.tokenize import words

    title = "Car Charger 30 watts Black"
    ws = words(title)
    tagger = AttributeTagger.load(tiny_tagger)
    alone = Segment("title", ws, ["O", "O", "O", "B-Wattage", "O"], [1.0] * 5)
    whole = Segment("title", ws, ["O", "O", "B-Wattage", "I-Wattage", "O"], [1.0] * 5)
    assert tagger.spans([alone], {"title": title}) == []
    assert [v.value for v in tagger.spans([whole], {"title": title})] == ["30 watts"]
    shirt = "Tee size M"
    size = Segment("title", words(shirt), ["O", "O", "B-Size"], [1.0] * 3)
    assert [v.value for v in tagger.spans([size], {"title": shirt})] == ["M"]  # "m" is a unit too, but alone a size


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("a chassis that weighs 2.6 lb.", "2.6", "2.6 lb"),
        ("up to 15 hours of playtime", "15", "15 hours"),
        ("16GB RAM", "16", "16GB"),
        ("1,200 mAh battery", "1,200", "1,200 mAh"),
        ("a 2 in 1 laptop", "2", "2"),  # "in" here is a word, not inches
        ("6.2 L capacity", "6.2", "6.2 L"),
        ("Size 10 W", "10", "10"),  # a shoe's width, not watts
        ("12 Pack", "12", "12 Pack"),
        ("Series 3 Black", "3", "3"),
        ("weighs 2.6lbs", "2.6", "2.6lbs"),
        ("Galaxy S24 case", "S24", "S24"),  # not a number
    ],
)
def test_a_number_written_to_the_graph_takes_the_unit_after_it(text: str, number: str, expected: str) -> None:
    """`build` and `extract` write "2.6 lb" where the tagger read "2.6" of "weighs 2.6 lb" (QA compares
    weights with units); the tagger's own spans, which the data sets score, are left as tagged."""
    from shopgraph.extraction.pipeline import with_unit
    from shopgraph.kg.build import ExtractedValue

    start = text.index(number)
    attribute = "Size" if text.startswith("Size") else "Weight"
    value = with_unit(ExtractedValue(attribute, number, "description", start, start + len(number), 0.9), text)
    assert value.value == expected and text[value.start:value.end] == expected


def test_tags_are_the_best_valid_bio_path_not_each_words_best_label(tiny_tagger: Path) -> None:
    import torch

    tagger = AttributeTagger.load(tiny_tagger)
    b, i = tagger.labels.index("B-Brand"), tagger.labels.index("I-Brand")
    o = tagger.labels.index("O")

    def row(*probs: dict[int, float]) -> list[list[float]]:
        rest = 1e-6
        return [[p.get(j, rest) for j in range(len(tagger.labels))] for p in probs]

    # word by word: O then I-Brand, a stray I-; as a path, B-Brand I-Brand (0.4 x 0.7) beats O O (0.6 x 0.3)
    stray = row({o: 0.6, b: 0.4}, {i: 0.7, o: 0.3}, {o: 1.0})
    # the second row has one word: padding after it must not change its path
    short = row({b: 0.9, o: 0.1}, {i: 0.99}, {i: 0.99})
    logp = torch.tensor([stray, short]).log()
    (first, first_p), (second, second_p) = tagger._decode(logp, [3, 1])
    assert [tagger.labels[j] for j in first] == ["B-Brand", "I-Brand", "O"]
    assert first_p == pytest.approx([0.4, 0.7, 1.0], abs=1e-4)
    assert [tagger.labels[j] for j in second] == ["B-Brand"] and second_p == pytest.approx([0.9], abs=1e-4)
    # a row whose words all read I-Brand still starts its span with B-Brand or stays O
    (path, _), = tagger._decode(torch.tensor([row({i: 0.9, b: 0.05}, {i: 0.9})]).log(), [2])
    assert [tagger.labels[j] for j in path] == ["B-Brand", "I-Brand"]
