"""Ranker data, metrics, baselines, and a short real training run on a tiny random BERT."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shopgraph.kg.errors import ConfigError, ModelLoadError
from shopgraph.qa.rank import (
    SHIPPED,
    BM25Scorer,
    LearnedRanker,
    PqaQuestion,
    RankerTrainConfig,
    Split,
    candidate_text,
    evaluate_ranker,
    load_pqa,
    rank_metrics,
    split_pqa,
    train_ranker,
)
from tests.qa.conftest import PQA_FIXTURE


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ('brand:  { value:"CHANEL" }', "brand: CHANEL"),
        ("item_weight:  { unit:pounds, normalized_value:{ unit:pounds, value:1.83 }, value:1.83 }", "item weight: 1.83 pounds"),
        ('color:  { standardized_values:[ "green" ], value:"green/blue ombre" }', "color: green/blue ombre"),
        ('outer:  { material:[ { value:"synthetic" } ] }', "outer: material synthetic"),
        ("item_dimensions:  { width:{ unit:inches, value:9 }, length:{ unit:inches, value:12 } }",
         "item dimensions: width 9 inches, length 12 inches"),
        ('battery:  { capacity:{ unit:milliamp_hours, value:4000 } }', "battery: capacity 4000 milliamp hours"),
        ("broken:  { value:\"unterminated", "broken: unterminated"),
    ],
)
def test_candidate_text_renders_semipqa_candidates(raw: str, text: str) -> None:
    assert candidate_text(raw) == text


def test_load_pqa_groups_by_question_and_product() -> None:
    questions = load_pqa(PQA_FIXTURE)
    assert len(questions) == 24
    first = questions[0]
    assert first.question == "are these boots waterproof?"
    assert first.labels == [0, 0, 0, 0, 0, 1] and first.candidates[-1] == "water resistance level: waterproof"
    boots = [q for q in questions if q.product == first.product]
    assert len(boots) == 4
    assert not questions[-1].answerable


def test_load_pqa_reports_bad_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_pqa(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("qid\tquestion\tcandidate\tlabel\n1\tq?\tbrand: { value:x }\tyes\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.tsv:2: label 'yes' is not 0 or 1"):
        load_pqa(bad)
    (tmp_path / "cols.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="missing column"):
        load_pqa(tmp_path / "cols.tsv")


def test_split_pqa_keeps_products_whole_and_is_seeded() -> None:
    questions = load_pqa(PQA_FIXTURE)
    parts = split_pqa(questions, Split(seed=3))
    assert sum(map(len, parts.values())) == len(questions)
    owners = {q.product: name for name, qs in parts.items() for q in qs}
    for name, qs in parts.items():
        assert all(owners[q.product] == name for q in qs)
    assert parts["held_out"] and parts["dev"]
    assert {k: [q.qid for q in v] for k, v in split_pqa(questions, Split(seed=3)).items()} == \
        {k: [q.qid for q in v] for k, v in parts.items()}


class FixedScorer:
    name = "fixed"

    def __init__(self, scores: list[float]) -> None:
        self.scores = scores

    def score(self, question: str, texts: list[str]) -> list[float]:
        return self.scores[: len(texts)]


def test_rank_metrics_p_at_1_and_mrr() -> None:
    q1 = PqaQuestion("1", "q", ["a", "b", "c"], [0, 1, 0])
    q2 = PqaQuestion("2", "q", ["a", "b", "c"], [1, 0, 0])
    unanswerable = PqaQuestion("3", "q", ["a", "b", "c"], [0, 0, 0])
    m = rank_metrics([q1, q2, unanswerable], FixedScorer([0.9, 0.5, 0.1]))
    assert m == {"p_at_1": 0.5, "mrr": 0.75, "questions": 2}


def test_rank_metrics_breaks_ties_without_favouring_file_order() -> None:
    """All-equal scores must not give P@1 = 1 just because the answer comes first in the file."""
    questions = [PqaQuestion(str(i), "q", [f"c{j}" for j in range(10)], [1] + [0] * 9) for i in range(200)]
    p1 = rank_metrics(questions, FixedScorer([0.0] * 10))["p_at_1"]
    assert 0.02 < p1 < 0.25


def test_bm25_prefers_the_matching_attribute() -> None:
    scorer = BM25Scorer()
    texts = ["brand: trailwise", "item weight: 2.4 pounds", "color: black", "weight capacity: 300 pounds"]
    scores = scorer.score("what is the item weight?", texts)
    assert scores.index(max(scores)) == 1
    assert scorer.score("xyzzy", texts) == [0.0] * 4


def test_embedder_encodes_unit_vectors(tiny_bert: Path) -> None:
    from shopgraph.extraction.embed import Embedder

    embedder = Embedder.load(tiny_bert)
    vectors = embedder.encode(["black leather boots", "", "usb-c charger"], batch_size=2)
    assert len(vectors) == 3 and all(len(v) == 32 for v in vectors)
    assert all(abs(sum(x * x for x in v) - 1.0) < 1e-5 for v in vectors)
    assert embedder.encode(["black leather boots"])[0] == pytest.approx(vectors[0], abs=1e-5)


def test_embedder_passes_keep_a_long_text_apart_and_give_the_same_vectors(tiny_bert: Path) -> None:
    from shopgraph.extraction.embed import Embedder, passes

    # a question of 33 tokens beside 16 facts of 8: two passes (16 x 8 and 1 x 33), not one of 17 x 33
    assert passes([33, *[8] * 16], 64) == [list(range(1, 17)), [0]]
    assert passes([5] * 3, 2) == [[0], [1, 2]] or passes([5] * 3, 2) == [[0, 1], [2]]
    assert passes([], 64) == []
    embedder = Embedder.load(tiny_bert)
    texts = ["what is the battery life of the sony wh-1000xm5 wireless noise cancelling headphones in black",
             "weight: 250 g", "color: black", ""]
    together = embedder.encode(texts)
    assert [embedder.encode([t])[0] for t in texts] == [pytest.approx(v, abs=1e-5) for v in together]


def test_embedder_load_refuses_a_directory_without_model(tmp_path: Path) -> None:
    from shopgraph.extraction.embed import Embedder

    with pytest.raises(ModelLoadError, match="no config.json"):
        Embedder.load(tmp_path)


@pytest.fixture(scope="module")
def trained(tiny_bert: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    output = tmp_path_factory.mktemp("ranker") / "model"
    meta = train_ranker(PQA_FIXTURE, output, config=RankerTrainConfig(base_model=str(tiny_bert), epochs=3,
                                                                      learning_rate=1e-2, seed=5, threads=1))
    return output, meta


def test_train_ranker_writes_model_directory(trained: tuple[Path, Any]) -> None:
    output, meta = trained
    assert (output / "weights.safetensors").exists()
    on_disk = json.loads((output / "meta.json").read_text())
    assert on_disk["task"] == "qa-ranker" and on_disk["format_version"] == 2 and on_disk["version"] == meta.version
    assert on_disk["metrics"]["questions"] == {"train": 17, "dev": 4, "held_out": 3}
    assert 1 <= len(on_disk["metrics"]["history"]) <= 3
    assert len(on_disk["data"][0]["sha256"]) == 64
    # never below the cosine baseline on dev: training is kept only where it ranks dev at least as well
    dev, cosine = on_disk["metrics"]["dev"], on_disk["metrics"]["dev_cosine_baseline"]
    assert (dev["p_at_1"], dev["mrr"]) >= (cosine["p_at_1"], cosine["mrr"])


def test_tuning_ships_the_encoders_top_layers_and_shares_the_rest(tiny_bert: Path, tmp_path: Path) -> None:
    """The first stage fine-tunes the encoder's top layers; the directory holds those (float16) and nothing below
    them, and the loaded ranker shares every other parameter with the engine's encoder."""
    import torch
    from safetensors.torch import load_file

    from shopgraph.extraction.embed import Embedder

    output = tmp_path / "model"
    meta = train_ranker(PQA_FIXTURE, output, config=RankerTrainConfig(
        base_model=str(tiny_bert), epochs=1, tune_layers=1, tune_epochs=2, tune_learning_rate=1e-2, dev_part=0.0,
        seed=5, threads=1))
    assert meta.metrics["encoder_tuning"]["layers"] == 1 and meta.metrics["encoder_tuning"]["kept"]
    assert len(meta.metrics["encoder_tuning"]["history"]) == 2
    base = Embedder.load(tiny_bert)
    top = len(base.model.encoder.layer) - 1
    tensors = load_file(str(output / "weights.safetensors"))
    tuned = {k for k in tensors if k.startswith("tuned.")}
    assert tuned and all(k.startswith(f"tuned.encoder.layer.{top}.") for k in tuned)
    assert all(tensors[k].dtype == torch.float16 for k in tuned)
    ranker = LearnedRanker.load(output, embedder=base)
    own = dict(ranker.vectors.embedder.model.named_parameters())
    for name, param in base.model.named_parameters():
        if f"tuned.{name}" in tuned:
            assert own[name] is not param and not torch.equal(own[name], param)
        else:
            assert own[name] is param
    question, facts = "how heavy are the boots?", ["item weight: 2.4 pounds", "color: black"]
    assert ranker.vectors.embedder.encode([question, *facts]) != base.encode([question, *facts])


def test_train_ranker_refuses_non_empty_output(trained: tuple[Path, Any]) -> None:
    output, _ = trained
    with pytest.raises(ConfigError, match="--force"):
        train_ranker(PQA_FIXTURE, output, config=RankerTrainConfig(epochs=1))


def test_train_ranker_force_keeps_other_files(tiny_bert: Path, tmp_path: Path) -> None:
    """--force replaces the model's own files only (`--output . --force` once deleted the working directory)."""
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "data").mkdir()
    train_ranker(PQA_FIXTURE, tmp_path, config=RankerTrainConfig(base_model=str(tiny_bert), epochs=1, threads=1),
                 force=True)
    assert (tmp_path / "notes.txt").read_text() == "mine" and (tmp_path / "data").is_dir()
    assert (tmp_path / "meta.json").exists() and (tmp_path / "weights.safetensors").exists()


def test_ranker_loads_and_scores_probabilities(trained: tuple[Path, Any]) -> None:
    output, _ = trained
    ranker = LearnedRanker.load(output)
    scores = ranker.score("how heavy are the boots?", ["item weight: 2.4 pounds", "color: black"])
    assert len(scores) == 2 and all(0.0 < s < 1.0 for s in scores)


def test_ranker_load_checks_meta(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="no meta.json"):
        LearnedRanker.load(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"task": "attributes", "format_version": 2, "labels": []}))
    with pytest.raises(ModelLoadError, match="not a 'qa-ranker' model"):
        LearnedRanker.load(tmp_path)


def test_shipped_ranker_is_trained_and_beats_no_baseline_on_dev() -> None:
    meta = json.loads((SHIPPED / "meta.json").read_text())
    assert meta["task"] == "qa-ranker" and meta["weights"]["backbone"]["from"] == "packaged-minilm"
    assert meta["metrics"]["encoder_tuning"]["kept"] and meta["metrics"]["encoder_tuning"]["layers"] == 2
    dev, cosine = meta["metrics"]["dev"], meta["metrics"]["dev_cosine_baseline"]
    assert dev["questions"] == cosine["questions"] > 50
    assert dev["p_at_1"] >= cosine["p_at_1"]
    ranker = LearnedRanker.load()
    scores = ranker.score("what brand is this?", ["brand: Sony", "color: black", "item weight: 250 grams"])
    assert scores.index(max(scores)) == 0


def test_evaluate_ranker_reports_model_and_baselines(trained: tuple[Path, Any]) -> None:
    output, _ = trained
    result = evaluate_ranker(output, PQA_FIXTURE)
    assert result["questions"] == 3 and result["answerable"] == 3
    assert set(result["scores"]) == {"minilm-ranker", "bm25", "minilm-cosine"}
    for s in result["scores"].values():
        assert 0.0 <= s["p_at_1"] <= s["mrr"] <= 1.0 and s["questions"] == 3
    best_base = max(result["scores"]["bm25"]["p_at_1"], result["scores"]["minilm-cosine"]["p_at_1"])
    assert result["gain_over_best_baseline"] == pytest.approx(result["scores"]["minilm-ranker"]["p_at_1"] - best_base)


def test_engine_uses_the_shipped_ranker_by_default(qa_graph: Path) -> None:
    from shopgraph.qa.engine import Engine

    with Engine.open(str(qa_graph)) as engine:
        assert engine.ranker is not None and engine.ranker.directory == SHIPPED
        answer = engine.answer("how much does it weigh?", product="phone-iphone13")
        assert "174 g" in answer.answer
        assert all(0.0 <= f.score <= 1.0 for f in answer.facts)
