"""Fixtures for the extraction tests: a templated product corpus, a tiny random BERT built on the spot
(WordPiece vocabulary written from that corpus; no download, seconds), and a tagger trained on it."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

PHONE_BRANDS = ["Apple", "Samsung", "Google", "Motorola", "Nokia"]
PHONE_MODELS = ["Galaxy S22", "Pixel 7", "iPhone 13", "Moto G", "Lumia 920"]
STORAGE = ["64GB", "128GB", "256 GB", "512GB", "32 GB"]
COLORS = ["Black", "Midnight Blue", "Red", "White", "Forest Green", "Silver"]
SHOE_BRANDS = ["Crocs", "Florsheim", "Vans", "Ellie Shoes", "Nike"]
GENDERS = ["Men's", "Women's", "Unisex"]
SHOE_TYPES = ["Ballet Flat", "Slip-On Loafer", "Running Shoe", "Sandal", "Sneaker"]
SIZES = ["10 D US", "4 M US", "8.5", "11 W US", "7"]
FILLERS = ["New", "2-pack", "Classic", "Sale", "Original", "for Adults"]


def product(rng: random.Random, i: int) -> dict[str, Any]:
    """One templated product as a catalog record (attributes, no offsets)."""
    if rng.random() < 0.5:
        brand, model, storage, color = (rng.choice(PHONE_BRANDS), rng.choice(PHONE_MODELS),
                                        rng.choice(STORAGE), rng.choice(COLORS))
        title = f"{brand} {model} {storage} {color}" if rng.random() < 0.6 else f"{brand} {model}, {color}, {storage}"
        if rng.random() < 0.3:
            title += f" {rng.choice(FILLERS)}"
        return {"id": f"p{i}", "title": title, "brand": brand, "category": "Electronics > Phones",
                "bullets": [f"Storage: {storage}", "Fast charging"] if rng.random() < 0.3 else [],
                "attributes": {"Storage": storage, "Color": color}}
    brand, gender, kind, color, size = (rng.choice(SHOE_BRANDS), rng.choice(GENDERS), rng.choice(SHOE_TYPES),
                                        rng.choice(COLORS), rng.choice(SIZES))
    title = f"{brand} {gender} {kind},{color},{size}" if rng.random() < 0.5 else f"{brand} {kind} {color} {gender} Size {size}"
    return {"id": f"p{i}", "title": title, "brand": brand, "category": "Shoes",
            "attributes": {"Gender": gender, "Shoe type": kind, "Color": color, "Size": size}}


def as_target_scores(rec: dict[str, Any]) -> dict[str, Any]:
    """The same product in the OA-Mine / AE-110K shape, with "n/a" for an attribute the title lacks."""
    scores = {"Brand": {rec["brand"]: 1}, **{a: {v: 1} for a, v in rec["attributes"].items()}}
    scores["Material"] = {"n/a": 1}
    return {"input": rec["title"], "category": rec["category"], "target_scores": scores}


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def make_corpus(directory: Path) -> dict[str, Path]:
    rng = random.Random(7)
    train = [product(rng, i) for i in range(160)]
    dev = [product(rng, 1000 + i) for i in range(30)]
    test = [product(rng, 2000 + i) for i in range(40)]
    return {
        "train": write_jsonl(directory / "train.jsonl", train),
        "dev": write_jsonl(directory / "dev.jsonl", dev),
        "test": write_jsonl(directory / "test.jsonl", test),
        "test_oamine": write_jsonl(directory / "test.oamine.jsonl", [as_target_scores(r) for r in test]),
    }


def build_tiny_bert(directory: Path, texts: list[str]) -> Path:
    """A randomly initialised 2-layer, 32-wide BERT and a WordPiece tokenizer over ``texts``' words."""
    from transformers import BertConfig, BertForMaskedLM, BertTokenizer

    from shopgraph.extraction.tokenize import words

    chars = "abcdefghijklmnopqrstuvwxyz0123456789"
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list(chars + ",.-'/:>#&()") + [f"##{c}" for c in chars]
    seen = set(vocab)
    for text in texts:
        for w in words(text):
            token = w.text.lower()
            if token.isalpha() and token not in seen:
                seen.add(token)
                vocab.append(token)
    tokenizer = BertTokenizer(vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=True)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=256)
    import torch

    torch.manual_seed(0)
    BertForMaskedLM(config).save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))
    return directory


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def tiny_bert_factory() -> Any:
    """build_tiny_bert, for tests that need a vocabulary of their own texts."""
    return build_tiny_bert


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path]) -> Path:
    texts = []
    for path in corpus.values():
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts.append(rec.get("title") or rec.get("input") or "")
            texts.extend(rec.get("bullets") or [])
            texts.append(str(rec.get("category") or ""))
    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"), texts)


# One thread: a model this small runs faster on one, and CI's two cores stay free for the test runner.
TINY_TRAINING = {"epochs": 8, "learning_rate": 3e-3, "batch_size": 16, "patience": 3, "seed": 13, "threads": 1}


@pytest.fixture(scope="session")
def tiny_training() -> dict[str, Any]:
    return dict(TINY_TRAINING)


@pytest.fixture(scope="session")
def tiny_tagger(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path], tiny_bert: Path) -> Path:
    """A tagger trained on the templated corpus (the model directory)."""
    from shopgraph.extraction.train import TrainConfig, train_attributes

    out = tmp_path_factory.mktemp("models") / "attributes"
    train_attributes([corpus["train"]], out, dev=corpus["dev"],
                     config=TrainConfig(base_model=str(tiny_bert), **TINY_TRAINING))
    return out
