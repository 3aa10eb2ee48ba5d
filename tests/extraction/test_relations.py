"""Relation classifier: mention linking, distant labels, scores, train → load → extract, build, CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from shopgraph.extraction.relations import (
    TYPES,
    ProductIndex,
    RelationClassifier,
    RelationTrainConfig,
    candidates,
    evaluate_relations,
    score,
    score_links,
    train_relations,
)
from shopgraph.extraction.tokenize import words
from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import Product, read_catalog
from shopgraph.kg.cli import cli
from shopgraph.kg.errors import ModelLoadError
from shopgraph.kg.schema import ProductRelation
from shopgraph.kg.store.embedded import EmbeddedStore

PHONE = Product(id="ph1", title="Apple iPhone 15 Pro Max 256GB, Natural Titanium", brand="Apple")
PHONE2 = Product(id="ph2", title="Apple iPhone 15 Pro Max 512GB, Black Titanium", brand="Apple")
CASE = Product(id="c1", title="OtterBox Commuter Case for Apple iPhone 15 Pro Max, Pink", brand="OtterBox",
               bullets=["Made for the iPhone 15 Pro Max", "Drop protection up to 12 ft"],
               related=[(ProductRelation.ACCESSORY_FOR, "ph1"), (ProductRelation.SIMILAR_TO, "ph2")])


def test_product_index_links_names_not_attribute_values() -> None:
    index = ProductIndex()
    for p in (PHONE, PHONE2, CASE):
        index.add(p.id, p.title, p.brand)
    ws = words(CASE.title)
    found = index.mentions(CASE.id, "title", 0, ws)
    assert [(CASE.title[m.start:m.end], m.targets) for m in found] == [("Apple iPhone 15 Pro Max", ("ph1", "ph2"))]
    bullets = words(CASE.bullets[0])
    assert [m.targets for m in index.mentions(CASE.id, "bullets", 0, bullets)] == [("ph1", "ph2")]  # after the brand
    assert index.mentions(PHONE.id, "title", 0, words("256GB Black Titanium")) == []


def test_product_index_prefers_the_products_whose_whole_model_name_a_mention_is() -> None:
    index = ProductIndex()
    titles = {"s24": ("Samsung Galaxy S24, 256 GB, Cobalt Violet", "Samsung"),
              "s24b": ("Samsung Galaxy S24 128GB Onyx Black", "Samsung"),
              "ultra": ("Samsung Galaxy S24 Ultra (512GB) - Titanium Violet", "Samsung"),
              "plus": ("Samsung Galaxy S24+ 512 GB Marble Grey", "Samsung"),
              "case": ("Galaxy S24 Case by Speck - Presidio2 Pro, Navy", "Speck"),
              "pitcher": ("Everyday Water Filter Pitcher by Brita, White", "Brita"),
              "xm5": ("Sony WH-1000XM5 Wireless Headphones", "Sony"),
              "xm5b": ("Sony WH-1000XM5 Wireless Headphones, Silver", "Sony")}
    for pid, (title, brand) in titles.items():
        index.add(pid, title, brand)

    def named(text: str) -> list[tuple[str, ...]]:
        return [m.targets for m in index.mentions("x", "description", 0, words(text))]

    assert named("keeps your Galaxy S24 safe") == [("s24", "s24b")]
    assert named("fits the Galaxy S24 Ultra") == [("ultra",)]
    assert named("Keep your Everyday Water Filter Pitcher working") == [("pitcher",)]
    # no title is the whole name: every title it begins, as before
    assert named("pairs with the Sony WH-1000XM5") == [("xm5", "xm5b")]
    assert named("Galaxy S24 cases") == [("s24", "s24b")]
    # a model number no title has names another model, not every title the words before it begin
    assert named("Made for the Samsung Galaxy A54 5G") == []
    assert named("Made for the Samsung Galaxy S24, 256 GB") == [("s24", "s24b")]


def test_candidates_take_their_types_from_catalog_links() -> None:
    cands = candidates([PHONE, PHONE2, CASE], ProductIndex())
    case_cands = [c for c in cands if c.product == "c1"]
    assert [c.gold for c in case_cands] == [frozenset({ProductRelation.ACCESSORY_FOR})] * 2  # title and bullet
    assert case_cands[0].words[4:11] == ["<<", "Apple", "iPhone", "15", "Pro", "Max", ">>"]
    # the phones name each other in their titles: NONE examples (SIMILAR_TO is not a classified type)
    assert all(not c.gold for c in cands if c.product != "c1")


def test_relation_scores_hand_computed() -> None:
    c, a = ProductRelation.COMPATIBLE_WITH, ProductRelation.ACCESSORY_FOR
    gold = [frozenset({c, a}), frozenset({c}), frozenset(), frozenset({a})]
    pred = [frozenset({c}), frozenset({c, a}), frozenset({c}), frozenset()]
    s = score(gold, pred)
    assert s.per_type["COMPATIBLE_WITH"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8, "support": 2}
    assert s.per_type["ACCESSORY_FOR"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 2}
    assert s.micro == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 4}
    assert (s.candidates, s.positives) == (4, 3)


@pytest.fixture(scope="module")
def synth_catalogs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from shopgraph.kg.synth import synth_catalog

    d = tmp_path_factory.mktemp("rel-data")
    rows = list(synth_catalog(360, seed=3))
    paths = {"train": d / "train.jsonl", "test": d / "test.jsonl"}
    paths["train"].write_text("".join(json.dumps(r) + "\n" for r in rows[:300]), encoding="utf-8")
    paths["test"].write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def relation_model(tmp_path_factory: pytest.TempPathFactory, synth_catalogs: dict[str, Path],
                   tiny_bert_factory: Any) -> Path:
    texts = []
    for line in synth_catalogs["test"].read_text().splitlines():
        rec = json.loads(line)
        texts += [rec["title"], rec.get("description") or "", *rec.get("bullets", []),
                  " > ".join(rec["category"]) if isinstance(rec.get("category"), list) else rec.get("category") or ""]
    base = tiny_bert_factory(tmp_path_factory.mktemp("rel-bert"), texts + ["<< >>"])
    out = tmp_path_factory.mktemp("rel-model") / "relations"
    train_relations([synth_catalogs["train"]], out, config=RelationTrainConfig(
        base_model=str(base), epochs=20, learning_rate=3e-3, threads=1, seed=13, patience=20))
    return out


def test_relations_train_save_load_and_score(relation_model: Path, synth_catalogs: dict[str, Path]) -> None:
    meta = json.loads((relation_model / "meta.json").read_text())
    assert meta["task"] == "relations" and meta["labels"] == [t.value for t in TYPES]
    assert meta["metrics"]["train_linked"] > 0
    # a threshold per type, chosen on dev after training, is what loading uses
    thresholds = meta["config"]["thresholds"]
    assert set(thresholds) == {t.value for t in TYPES} and all(0 < v < 1 for v in thresholds.values())
    assert RelationClassifier.load(relation_model).thresholds == {t: thresholds[t.value] for t in TYPES}
    scores = evaluate_relations(relation_model, [synth_catalogs["test"]])
    assert set(scores.per_type) == {t.value for t in TYPES}
    assert scores.positives > 0
    assert scores.micro["f1"] > 0.5, scores.as_dict()


def test_relations_extract_into_the_graph_with_provenance(relation_model: Path, synth_catalogs: dict[str, Path],
                                                           tmp_path: Path) -> None:
    from shopgraph.extraction.pipeline import load_extractor

    extractor = load_extractor(None, relation_model)
    store = EmbeddedStore(tmp_path / "graph.kuzu")
    try:
        report = build_graph(read_catalog(synth_catalogs["test"]), store, extractor=extractor, min_score=0.5,
                             batch_size=100)
        rows = store.query(
            "MATCH (p:Product)-[r:ACCESSORY_FOR]->(q:Product) WHERE r.source = 'extracted' "
            "RETURN p.id AS p, q.id AS q, r.field AS field, r.start_char AS s, r.end_char AS e, r.model AS model, "
            "r.confidence AS c LIMIT 20")
    finally:
        store.close()
    assert report.extracted_relations > 0
    assert rows
    meta = json.loads((relation_model / "meta.json").read_text())
    for r in rows:
        assert r["model"] == meta["name"] and r["field"] in ("title", "bullets", "description")
        assert 0 <= r["s"] < r["e"] and r["c"] >= 0.5


def test_relations_model_with_other_types_fails_to_load(relation_model: Path, tmp_path: Path) -> None:
    target = tmp_path / "rel"
    shutil.copytree(relation_model, target)
    meta = json.loads((target / "meta.json").read_text())
    meta["labels"] = ["INCLUDES", "COMPATIBLE_WITH", "ACCESSORY_FOR", "REPLACEMENT_FOR"]
    (target / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelLoadError, match="do not match the model head"):
        RelationClassifier.load(target)


def test_cli_evaluate_relations(relation_model: Path, synth_catalogs: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["evaluate", "relations", "--model", str(relation_model),
                                      "--data", str(synth_catalogs["test"]), "--json"])
    assert result.exit_code == 0, result.stderr
    assert set(json.loads(result.stdout)["per_type"]) == {t.value for t in TYPES}
    table = CliRunner().invoke(cli, ["evaluate", "relations", "--model", str(relation_model),
                                     "--data", str(synth_catalogs["test"])])
    assert table.stdout.splitlines()[0].split() == ["type", "precision", "recall", "f1", "support"]


def test_cli_train_relations_without_links_fails(tmp_path: Path, relation_model: Path) -> None:
    data = tmp_path / "plain.jsonl"
    data.write_text(json.dumps({"id": "a", "title": "Plain thing"}) + "\n" + json.dumps({"id": "b", "title": "Other"}) + "\n")
    result = CliRunner().invoke(cli, ["train", "relations", "--train", str(data), "--output", str(tmp_path / "m"),
                                      "--base-model", str(relation_model / "hf")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no catalog link in {data} could be found in the text")


def test_demo_relation_annotations_read_as_candidates() -> None:
    from shopgraph.extraction.relations import read_relation_annotations

    path = Path(__file__).resolve().parents[2] / "data" / "annotations" / "demo-relations.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    cands = read_relation_annotations(path)
    assert len(cands) == len(rows) == 41
    assert sum(1 for c in cands if c.gold) == 27
    for row, c in zip(rows, cands):
        assert row["text"][row["start"]:row["end"]] == row["mention"]
        inside = c.words[c.words.index("<<") + 1: c.words.index(">>")]
        assert "".join(inside) == row["mention"].replace(" ", "")


def test_relation_annotation_with_bad_offsets_names_the_line(tmp_path: Path) -> None:
    from shopgraph.extraction.relations import read_relation_annotations
    from shopgraph.kg.errors import CatalogError

    path = tmp_path / "rel.jsonl"
    path.write_text(json.dumps({"text": "Case for iPhone 15", "start": 10, "end": 18, "types": ["accessory-for"]}) + "\n")
    with pytest.raises(CatalogError) as err:
        read_relation_annotations(path)
    assert str(err.value) == (f"{path}:1: mention (10, 18) does not start and end on word boundaries of one line "
                              "of the text; fix the offsets")


def test_product_index_a_line_prefix_names_no_longer_model() -> None:
    """ "iPhone 15" where the titles go on "Pro": the catalog has no iPhone 15, and "Apple iPhone" before it names
    no iPhone either; a model number after the words still completes a name ("Dell XPS 15" → "… 9530")."""
    index = ProductIndex()
    for p in (PHONE, PHONE2):
        index.add(p.id, p.title, p.brand)
    index.add("pro", "Apple iPhone 15 Pro 128GB, Black Titanium", "Apple")
    index.add("pro-case", "iPhone 15 Pro Case by ESR - Air Armor, Red", "ESR")
    index.add("xps", "Dell XPS 15 9530: Intel Core i7-13700H, 32GB RAM", "Dell")

    def named(text: str) -> list[tuple[str, ...]]:
        return [m.targets for m in index.mentions("x", "bullets", 0, words(text))]

    assert named("Made for the Apple iPhone 15; precise cutouts") == []
    assert named("Made for the Apple iPhone 15 Pro") == [("pro",)]
    assert named("charges the Dell XPS 15 fast") == [("xps",)]
    assert named("Made for the Ninja Foodi DualZone") == []  # no such title here: nothing (no crash, no guess)


def test_accessory_links_join_two_kinds_of_product(relation_model: Path) -> None:
    """With every type decided (thresholds 0), a case's mention of another case gives it no ACCESSORY_FOR or
    COMPATIBLE_WITH link to that case; the phone it names keeps them."""
    classifier = RelationClassifier.load(relation_model)
    classifier.thresholds = {t: 0.0 for t in TYPES}
    cases = ("Electronics", "Cell Phone Accessories", "Cases")
    phone = Product(id="ph1", title=PHONE.title, brand="Apple", category=("Electronics", "Cell Phones"))
    other = Product(id="c2", title="OtterBox Symmetry Case for Apple iPhone 15 Pro Max, Blue", brand="OtterBox",
                    category=cases)
    case = Product(id="c1", title="Speck Presidio2 Case, Clear", brand="Speck", category=cases,
                   bullets=["Made for the Apple iPhone 15 Pro Max", "Looks like the OtterBox Symmetry Case"])
    found = classifier.extract([phone, other, case])[2]
    kinds = {(r.type, r.target) for r in found}
    assert (ProductRelation.ACCESSORY_FOR, "ph1") in kinds and (ProductRelation.COMPATIBLE_WITH, "ph1") in kinds
    assert not {t for t, target in kinds if target == "c2"} & {ProductRelation.ACCESSORY_FOR,
                                                                ProductRelation.COMPATIBLE_WITH}


def test_a_replacement_part_of_another_kind_is_compatible_with_what_it_replaces(relation_model: Path) -> None:
    """Only REPLACEMENT_FOR decided: a filter that replaces a purifier's filter also fits the purifier; a
    filter replacing another filter gets no COMPATIBLE_WITH link from it."""
    classifier = RelationClassifier.load(relation_model)
    classifier.thresholds = {t: 1.01 for t in TYPES} | {ProductRelation.REPLACEMENT_FOR: 0.0}
    filters = ("Home", "Air Purifier Filters")
    purifier = Product(id="wx", title="Winix 5500-2 Air Purifier with True HEPA", brand="Winix",
                       category=("Home", "Air Purifiers"))
    genuine = Product(id="f1", title="Winix Filter H 115115, True HEPA", brand="Winix", category=filters)
    other = Product(id="f2", title="PUREBURG HEPA Filter Set", brand="PUREBURG", category=filters,
                    bullets=["Replacement for the filter in the Winix 5500-2", "Same fit as the Winix Filter H"])
    found = {(r.type, r.target) for r in classifier.extract([purifier, genuine, other])[2]}
    assert found == {(ProductRelation.REPLACEMENT_FOR, "wx"), (ProductRelation.COMPATIBLE_WITH, "wx"),
                     (ProductRelation.REPLACEMENT_FOR, "f1")}


def test_product_index_a_brand_alone_names_no_product() -> None:
    index = ProductIndex()
    index.add("a1", "Bambu Lab A1 mini 3D Printer, 180x180x180mm", "Bambu Lab")
    index.add("pla", "Bambu Lab PLA Basic Filament 1.75mm, 1kg", "Bambu Lab")
    assert index.mentions("pla", "title", 0, words("Bambu Lab PLA Basic Filament 1.75mm, 1kg")) == []
    assert [m.targets for m in index.mentions("pla", "bullets", 0, words("Prints on the Bambu Lab A1 mini"))] \
        == [("a1",)]


def test_link_scores_count_links_the_finder_never_reached(relation_model: Path, tmp_path: Path) -> None:
    """A gold link whose target the text never names is a missed link at link level, while the per-mention
    scores, which see only the mentions found, do not count it."""
    c, a = ProductRelation.COMPATIBLE_WITH, ProductRelation.ACCESSORY_FOR
    s = score_links({("x", c, "y"), ("x", a, "y"), ("z", c, "y")}, {("x", c, "y"), ("x", c, "w")})
    assert s["per_type"]["COMPATIBLE_WITH"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert s["micro"] == {"precision": 0.5, "recall": 0.3333, "f1": 0.4, "support": 3}
    assert (s["gold"], s["predicted"]) == (3, 2)
    hidden = {"id": "c9", "title": "Plain Clear Phone Case, Slim", "brand": "Acme",
              "related": [{"type": "ACCESSORY_FOR", "id": "ph1"}]}
    rows = [{"id": p.id, "title": p.title, "brand": p.brand} for p in (PHONE, PHONE2)] + [hidden]
    path = tmp_path / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scores = evaluate_relations(relation_model, [path])
    assert scores.positives == 0  # no mention names the phone, so no candidate holds the link
    assert scores.links is not None and scores.links["gold"] == 1
    assert scores.links["per_type"]["ACCESSORY_FOR"]["recall"] == 0.0


def test_evaluate_relations_on_hand_checked_mentions(relation_model: Path) -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "annotations" / "demo-relations.jsonl"
    scores = evaluate_relations(relation_model, [path])
    assert scores.candidates == 41 and scores.positives == 27


def test_identical_relation_inputs_run_once_and_score_as_alone(relation_model: Path) -> None:
    classifier = RelationClassifier.load(relation_model)
    index = ProductIndex()
    twin = Product(id="c2", title=CASE.title, brand="OtterBox", bullets=CASE.bullets)
    cands = candidates([PHONE, PHONE2, CASE, twin], index)
    distinct = {(c.category, tuple(c.words)) for c in cands}
    assert len(distinct) < len(cands)  # the twin repeats the case's mentions word for word
    calls: list[int] = []
    forward = classifier.model.forward

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(int(kwargs["input_ids"].shape[0]))
        return forward(*args, **kwargs)

    classifier.model.forward = counted  # type: ignore[method-assign]
    together = classifier.probabilities(cands)
    assert sum(calls) == len(distinct)  # each distinct input once
    alone = [classifier.probabilities([c])[0] for c in cands]
    for row, single in zip(together, alone):
        assert row == pytest.approx(single, abs=1e-5)
