"""QA fixtures: tests/data/catalog_qa.jsonl built into a real Kùzu graph, an engine over it, and a tiny
random BERT (WordPiece vocabulary written on the spot, no download) for the ranker and embedder tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.build import build_graph
from shopgraph.kg.catalog import read_catalog
from shopgraph.kg.cli import cli
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.qa.engine import Engine

DATA = Path(__file__).parents[1] / "data"
QA_CATALOG = DATA / "catalog_qa.jsonl"
PQA_FIXTURE = DATA / "pqa_small.tsv"


def build_store(path: Path, catalog: Path = QA_CATALOG) -> Path:
    store = EmbeddedStore(path)
    try:
        build_graph(read_catalog(catalog), store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def qa_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the QA fixture graph (open it read-only; tests that write build their own)."""
    return build_store(tmp_path_factory.mktemp("qa") / "graph.kuzu")


@pytest.fixture(scope="session")
def engine(qa_graph: Path) -> Iterator[Engine]:
    with Engine.open(str(qa_graph)) as e:
        yield e


@pytest.fixture(scope="session")
def tiny_bert(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised 2-layer, 32-wide BERT encoder and a WordPiece tokenizer over the fixture's words."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    from shopgraph.qa.rank import load_pqa
    from shopgraph.qa.understand import tokens

    directory = tmp_path_factory.mktemp("tiny-bert")
    words: set[str] = set()
    for q in load_pqa(PQA_FIXTURE):
        for text in [q.question, *q.candidates]:
            words.update(tokens(text))
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = list("abcdefghijklmnopqrstuvwxyz0123456789:.,'?-/")
    vocab = specials + chars + [f"##{c}" for c in chars] + sorted(w for w in words if w not in chars)
    (directory / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(directory / "vocab.txt"), do_lower_case=True)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))
    return directory


def ask_batch(graph: Path, tmp_path: Path, lines: list[dict[str, str]], *options: str) -> list[dict]:
    """`shopgraph ask --batch` over ``lines`` ({"question", "session"?, "product"?}), with ``options`` ("--rates",
    FILE); the answers, in order."""
    questions, out = tmp_path / "q.jsonl", tmp_path / "a.jsonl"
    questions.write_text("".join(json.dumps(x) + "\n" for x in lines))
    result = CliRunner().invoke(cli, ["ask", "--batch", str(questions), "--output", str(out), "--store", str(graph),
                                      *options])
    assert result.exit_code == 0, result.output
    return [json.loads(x) for x in out.read_text().splitlines()]
