"""The question reader (qa.intent): questions generated from a graph, a short real training run on a tiny
random BERT, the model directory, the CLI, and the reader that ships."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.cli import cli
from shopgraph.kg.errors import ConfigError, ModelLoadError
from shopgraph.kg.store import open_store
from shopgraph.qa.intent import INTENTS, SHIPPED, IntentTrainConfig, QuestionModel, add_typo, generate, train_intent

TINY = {"epochs": 2, "products": 30, "threads": 1}


@pytest.fixture(scope="module")
def reader(qa_graph: Path, tiny_bert: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reader") / "model"
    with open_store(str(qa_graph), read_only=True) as store:
        train_intent(store, out, config=IntentTrainConfig(base_model=str(tiny_bert), **TINY))
    return out


def test_generated_questions_cover_every_intent_and_ask_one_of_their_candidates(qa_graph: Path) -> None:
    with open_store(str(qa_graph), read_only=True) as store:
        examples = generate(store, seed=3, products=30, per_product=20)
    assert {e.intent for e in examples} == set(INTENTS)
    asked = [e for e in examples if e.attribute is not None]
    assert asked and all(e.attribute in e.candidates for e in asked)
    with open_store(str(qa_graph), read_only=True) as store:
        assert [e.question for e in generate(store, seed=3, products=30, per_product=20)] == [e.question for e in examples]


def test_a_typo_changes_one_long_word_by_one_edit() -> None:
    rng = random.Random(1)
    for _ in range(50):
        text = "how much does the kettle weigh"
        typo = add_typo(text, rng)
        changed = [(a, b) for a, b in zip(text.split(), typo.split()) if a != b]
        assert len(typo.split()) == len(text.split()) and len(changed) <= 1
        assert all(len(a) >= 4 and abs(len(a) - len(b)) <= 1 for a, b in changed)


def test_training_writes_a_model_directory_that_loads_and_reads(reader: Path) -> None:
    meta = json.loads((reader / "meta.json").read_text())
    assert meta["task"] == "qa-intent" and meta["labels"] == list(INTENTS)
    assert meta["metrics"]["history"] and set(meta["metrics"]["dev"]) == {"intent_accuracy", "attribute_accuracy"}
    model = QuestionModel.load(reader)
    reading = model.read("how heavy is the kettle?", ["weight", "color"])
    assert reading.intent in INTENTS and reading.attribute in ("weight", "color") and 0.0 <= reading.attribute_p <= 1.0
    assert model.read("tell me a joke").attribute is None


def test_training_refuses_a_non_empty_output_and_force_keeps_other_files(qa_graph: Path, tiny_bert: Path,
                                                                          tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    config = IntentTrainConfig(base_model=str(tiny_bert), epochs=1, max_steps=2, products=10, threads=1)
    with open_store(str(qa_graph), read_only=True) as store:
        with pytest.raises(ConfigError):
            train_intent(store, tmp_path, config=config)
        train_intent(store, tmp_path, config=config, force=True)
    assert (tmp_path / "notes.txt").read_text() == "mine" and (tmp_path / "meta.json").exists()


def test_a_directory_of_another_task_is_refused(tmp_path: Path) -> None:
    ranker = Path(SHIPPED).parent / "ranker"
    with pytest.raises(ModelLoadError):
        QuestionModel.load(ranker)


def test_cli_train_intent_then_ask_with_it(qa_graph: Path, tiny_bert: Path, tmp_path: Path) -> None:
    out = tmp_path / "reader"
    result = CliRunner().invoke(cli, ["train", "intent", "--store", str(qa_graph), "--output", str(out), "--epochs", "1",
                                      "--max-steps", "2", "--products", "10", "--threads", "1"])
    assert result.exit_code == 0, result.output
    assert "dev intent accuracy" in result.output
    asked = CliRunner().invoke(cli, ["ask", "what is it made of?", "--store", str(qa_graph), "--reader", str(out),
                                     "--json"])
    assert asked.exit_code == 0, asked.output
    assert json.loads(asked.stdout)["question"] == "what is it made of?"


def test_the_shipped_reader_names_its_data_and_reads_plain_questions() -> None:
    meta = json.loads((SHIPPED / "meta.json").read_text())
    assert meta["task"] == "qa-intent" and meta["labels"] == list(INTENTS)
    roles = " ".join(d["role"] for d in meta["data"])
    assert "semipqa" in " ".join(d["path"] for d in meta["data"]) and "dev" in roles
    assert meta["metrics"]["dev"]["intent_accuracy"] > 0.9
    model = QuestionModel.load()
    names = ["brand", "color", "weight", "battery life", "price"]
    assert model.read("who makes the clifton 9?", names).attribute == "brand"
    assert model.read("how heavy is it", names).attribute == "weight"
    assert model.read("what's the weather like today?").intent == "unanswerable"
    assert model.read("cheap running shoes under $100").intent == "search"
    assert model.read("does the case fit the pixel 8?").intent == "compatibility"
