"""Model directories fail to load with a message naming the directory and the fix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from shopgraph.extraction import modeldir
from shopgraph.extraction.tagger import AttributeTagger
from shopgraph.kg import __version__
from shopgraph.kg.errors import ConfigError, ModelLoadError


@pytest.fixture
def model_copy(tiny_tagger: Path, tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(tiny_tagger, target)
    return target


def edit_meta(directory: Path, **changes: object) -> None:
    path = directory / "meta.json"
    meta = json.loads(path.read_text())
    meta.update(changes)
    path.write_text(json.dumps(meta))


def test_modeldir_meta_records_what_made_the_model(tiny_tagger: Path) -> None:
    meta = json.loads((tiny_tagger / "meta.json").read_text())
    assert meta["task"] == "attributes"
    assert meta["format_version"] == modeldir.FORMAT_VERSION
    assert meta["shopgraph_version"] == __version__
    assert meta["labels"][0] == "O" and "B-Storage" in meta["labels"] and "I-Shoe type" in meta["labels"]
    assert len(meta["version"]) == 12
    assert [d["role"] for d in meta["data"]] == ["train", "dev"]
    assert all(len(d["sha256"]) == 64 for d in meta["data"])
    assert meta["config"]["batch_size"] == 16 and meta["config"]["base_model"]
    assert meta["metrics"]["dev"]["ave_micro"]["f1"] > 0
    assert meta["extra"]["category_attributes"]["Shoes"] == ["Brand", "Color", "Gender", "Shoe type", "Size"]
    hf = tiny_tagger / "hf"
    assert (hf / "model.safetensors").exists() and (hf / "config.json").exists()
    assert not list(tiny_tagger.rglob("*.bin")) and not list(tiny_tagger.rglob("*.pt")), "no pickles"


def test_modeldir_other_format_version_fails_with_the_fix(model_copy: Path) -> None:
    edit_meta(model_copy, format_version=99, shopgraph_version="9.0.0")
    with pytest.raises(ModelLoadError) as err:
        AttributeTagger.load(model_copy)
    assert str(err.value) == (
        f"{model_copy} has model format version 99 (written by shopgraph 9.0.0); this shopgraph ({__version__}) "
        "reads format versions 1, 2; retrain it with `shopgraph train attributes` "
        "or use the shopgraph version that wrote it")


def test_modeldir_mismatched_labels_fail_with_the_fix(model_copy: Path) -> None:
    labels = json.loads((model_copy / "meta.json").read_text())["labels"]
    edit_meta(model_copy, labels=labels[:1] + ["B-Weight", "I-Weight"] + labels[3:])
    with pytest.raises(ModelLoadError) as err:
        AttributeTagger.load(model_copy)
    assert str(err.value) == (
        f"{model_copy}: labels in meta.json ({len(labels)}) do not match the model head in hf/config.json "
        f"({len(labels)}): first difference at 1: 'B-Weight' vs {labels[1]!r}; the directory was edited or "
        "mixed from two trainings: retrain it with `shopgraph train attributes`")


def test_modeldir_other_task_fails(model_copy: Path) -> None:
    edit_meta(model_copy, task="relations")
    with pytest.raises(ModelLoadError, match="holds a 'relations' model, not a 'attributes' model"):
        AttributeTagger.load(model_copy)


def test_modeldir_without_meta_fails(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError) as err:
        AttributeTagger.load(tmp_path / "nowhere")
    assert str(err.value) == (
        f"{tmp_path}/nowhere is not a shopgraph model directory: no meta.json (the directory does not exist); "
        f"train one with `shopgraph train attributes --output {tmp_path}/nowhere`")


def test_prepare_output_refuses_a_non_empty_directory_without_force(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x")
    with pytest.raises(ConfigError) as err:
        modeldir.prepare_output(tmp_path, force=False)
    assert str(err.value) == (f"output directory {tmp_path} is not empty; pass --force to overwrite it "
                              "or choose another --output")
    modeldir.prepare_output(tmp_path, force=True)
    modeldir.prepare_output(tmp_path / "new" / "dir", force=False)
    assert (tmp_path / "new" / "dir").is_dir()


@pytest.mark.slow
def test_modeldir_compact_save_shares_the_packaged_word_embeddings(tmp_path: Path) -> None:
    """Format 2: float16 weights without the frozen word embeddings; loading restores the same model."""
    import torch

    from shopgraph.extraction.train import base_model_dir, load_base

    labels = ["O", "B-Brand", "I-Brand"]
    tokenizer, model = load_base(base_model_dir(None), "AutoModelForTokenClassification", freeze_embeddings=True,
                                 num_labels=3, id2label=dict(enumerate(labels)),
                                 label2id={v: i for i, v in enumerate(labels)})
    assert not model.get_input_embeddings().weight.requires_grad
    modeldir.save(tmp_path, model.eval(), tokenizer, modeldir.ModelMeta(task="attributes", labels=labels))
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert meta["format_version"] == 2 and meta["weights"]["dtype"] == "float16"
    (name, source), = meta["weights"]["shared"].items()
    assert name.endswith("word_embeddings.weight") and source["from"] == "packaged-minilm"
    assert (tmp_path / "hf" / "model.safetensors").stat().st_size < 25_000_000  # 91 MB as float32 with embeddings
    _, loaded, _ = modeldir.load(tmp_path, "attributes")
    enc = tokenizer(["Nike Air Zoom Pegasus running shoes"], return_tensors="pt")
    with torch.no_grad():
        assert torch.allclose(model(**enc).logits, loaded(**enc).logits, atol=5e-3)
    source["sha256"] = "0" * 64  # another backbone copy: refused, naming the fix
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelLoadError, match="another all-MiniLM-L6-v2 copy"):
        modeldir.load(tmp_path, "attributes")
