"""The models that ship: their meta.json, their size, and a few predictions, loaded as `shopgraph build`
loads them (no flag). CI never trains them; `make models` does (benchmarks/make_models.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopgraph.extraction.pipeline import SHIPPED_RELATIONS, SHIPPED_TAGGER
from shopgraph.kg.catalog import Product
from shopgraph.qa.rank import SHIPPED as SHIPPED_RANKER

MAX_TOTAL_BYTES = 60 * 1024 * 1024  # all shipped model files together (issue 10)


def size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def test_shipped_models_are_small_and_described() -> None:
    total = sum(size(d) for d in (SHIPPED_TAGGER, SHIPPED_RELATIONS, SHIPPED_RANKER))
    assert total <= MAX_TOTAL_BYTES, f"{total / 2**20:.1f} MB of shipped models"
    for directory, task in ((SHIPPED_TAGGER, "attributes"), (SHIPPED_RELATIONS, "relations")):
        meta = json.loads((directory / "meta.json").read_text())
        assert meta["task"] == task and meta["format_version"] == 2 and len(meta["version"]) == 12
        assert meta["weights"]["dtype"] == "float16"
        (name, source), = meta["weights"]["shared"].items()
        assert name.endswith("word_embeddings.weight") and source["from"] == "packaged-minilm"
        assert all(len(d["sha256"]) == 64 for d in meta["data"]) and meta["metrics"]["dev"]
        assert not list(directory.rglob("*.bin")) and not list(directory.rglob("*.pt")), "no pickles"


def test_shipped_tagger_names_its_public_training_data() -> None:
    meta = json.loads((SHIPPED_TAGGER / "meta.json").read_text())
    names = " ".join(Path(d["path"]).name for d in meta["data"])
    for dataset in ("oa-mine", "ae-110k", "wdc-pave"):
        assert dataset in names


@pytest.mark.slow
def test_shipped_tagger_reads_values_from_titles() -> None:
    from shopgraph.extraction.tagger import AttributeTagger

    tagger = AttributeTagger.load(SHIPPED_TAGGER)
    items = [("Electronics > Headphones", {"title": "JBL Tune 760NC Wireless Noise Cancelling Headphones, Black"}),
             ("Shoes", {"title": "Florsheim Men's Milano Slip-On Loafer, Burgundy, 10 D US"})]
    found = [{(v.attribute.casefold(), v.value) for v in values if v.score >= tagger.min_score}
             for values in tagger.extract_fields(items)]
    assert ("brand", "JBL") in found[0] and ("color", "Black") in found[0], found[0]
    assert {("brand", "Florsheim"), ("color", "Burgundy"), ("size", "10 D US")} <= found[1], found[1]


@pytest.mark.slow
def test_shipped_relation_classifier_links_a_case_to_its_phone() -> None:
    from shopgraph.extraction.relations import RelationClassifier
    from shopgraph.kg.schema import ProductRelation

    clf = RelationClassifier.load(SHIPPED_RELATIONS)
    phone = Product(id="ph-1", title="Samsung Galaxy S24 (128GB) - Onyx Black", category=["Electronics", "Smartphones"],
                    brand="Samsung")
    case = Product(id="cs-1", title="Spigen Tough Armor Case for Samsung Galaxy S24, Black",
                   category=["Electronics", "Phone Cases"], brand="Spigen")
    relations = clf.extract([phone, case])
    assert relations[0] == []
    assert {(r.type, r.target) for r in relations[1]} & {(ProductRelation.ACCESSORY_FOR, "ph-1"),
                                                          (ProductRelation.COMPATIBLE_WITH, "ph-1")}
