"""The optional attribute tagger in query understanding: its value spans become constraints."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopgraph.qa.engine import Engine
from shopgraph.qa.understand import Constraints
from tests.qa.conftest import QA_CATALOG


def test_tagged_spans_link_to_graph_values(engine: Engine) -> None:
    cons = Constraints()
    engine.understander._add_tagged(cons, [("color", "Phantom Black"), ("material", "unobtainium"), ("brand", "Nike")])
    assert [(g.attribute, g.keys, g.label) for g in cons.values] == [("color", ["color=phantom black"], "phantom black")]


def test_tagged_spans_already_linked_are_not_repeated(engine: Engine) -> None:
    parse = engine.understander.parse("black boots")
    before = [g.label for g in parse.constraints.values]
    engine.understander._add_tagged(parse.constraints, [("color", "black")])
    assert [g.label for g in parse.constraints.values] == before == ["black"]


@pytest.fixture(scope="module")
def tiny_tagger(tiny_bert: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from shopgraph.extraction.train import TrainConfig, train_attributes

    output = tmp_path_factory.mktemp("tagger") / "model"
    train_attributes([QA_CATALOG], output, config=TrainConfig(base_model=str(tiny_bert), epochs=1, seed=3,
                                                              learning_rate=1e-3))
    return output


def test_engine_loads_the_tagger_and_tags_questions(qa_graph: Path, tiny_tagger: Path) -> None:
    question = "black leather boots from Timberland"
    with Engine.open(str(qa_graph), tagger_dir=tiny_tagger) as engine:
        assert engine.understander.tagger is not None
        parse = engine.understander.parse(question)
        answer = engine.answer(question)
    assert all(isinstance(a, str) and text and text in question for a, text in parse.tagged)
    assert answer.intent == "search" and {p.id for p in answer.products} == {"boot-tb-6in", "boot-tb-kids"}
