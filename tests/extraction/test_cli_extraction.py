"""`shopgraph train attributes`, `extract`, `evaluate attributes` and `build --model` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.cli import cli


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def cli_model(tmp_path_factory: pytest.TempPathFactory, corpus: dict[str, Path], tiny_bert: Path) -> Path:
    out = tmp_path_factory.mktemp("cli") / "model"
    result = invoke("train", "attributes", "--train", corpus["train"], "--dev", corpus["dev"], "--output", out,
                    "--base-model", tiny_bert, "--epochs", "6", "--learning-rate", "3e-3", "--threads", "1")
    assert result.exit_code == 0, result.stderr
    assert "aligned 634 of 634 catalog values (0 not found as whole words in the text)" in result.stderr
    assert f"saved {out} (version " in result.stderr
    return out


def test_cli_train_attributes_writes_a_model_directory(cli_model: Path) -> None:
    assert (cli_model / "meta.json").exists() and (cli_model / "hf" / "model.safetensors").exists()


def test_cli_train_attributes_refuses_a_non_empty_output(cli_model: Path, corpus: dict[str, Path], tiny_bert: Path) -> None:
    result = invoke("train", "attributes", "--train", corpus["train"], "--output", cli_model, "--base-model", tiny_bert)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: output directory {cli_model} is not empty; pass --force to overwrite it "
                             "or choose another --output\n")


def test_cli_train_attributes_missing_train_file_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("train", "attributes", "--train", tmp_path / "none.jsonl", "--output", tmp_path / "m")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_cli_extract_one_line_per_record_in_order(cli_model: Path, corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "extracted.jsonl"
    result = invoke("extract", corpus["test"], "--model", cli_model, "--output", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"tagged 40 records into {out}\n"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    records = [json.loads(line) for line in corpus["test"].read_text().splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, rec in zip(rows, records):
        assert set(row) == {"id", "attributes", "spans"}
        for s in row["spans"]:
            assert set(s) == {"attribute", "value", "field", "start", "end", "score"}
            assert rec["title"][s["start"]:s["end"]] == s["value"] if s["field"] == "title" else True
        for attribute, value in row["attributes"].items():
            assert value in rec["title"] or any(value in b for b in rec.get("bullets", []))


def test_cli_extract_to_stdout(cli_model: Path, corpus: dict[str, Path]) -> None:
    result = invoke("extract", corpus["test_oamine"], "--model", cli_model)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 40
    assert json.loads(result.stdout.splitlines()[0])["id"] == "test.oamine.jsonl:1"


def test_cli_extract_missing_catalog(cli_model: Path, tmp_path: Path) -> None:
    result = invoke("extract", tmp_path / "none.jsonl", "--model", cli_model)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}/none.jsonl: no such file\n"


def test_cli_evaluate_attributes_json(cli_model: Path, corpus: dict[str, Path]) -> None:
    result = invoke("evaluate", "attributes", "--model", cli_model, "--data", corpus["test_oamine"], "--json")
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)
    ave = metrics["ave_micro"]
    assert metrics["records"] == 40
    records = [json.loads(line) for line in corpus["test_oamine"].read_text().splitlines()]
    per_category = {"Shoes": 6, "Electronics > Phones": 4}  # with "Material" (always "n/a") and "Brand"
    assert ave["nn"] + ave["nv"] + ave["vn"] + ave["vc"] + ave["vw"] == sum(per_category[r["category"]] for r in records)
    assert 0.0 <= ave["f1"] <= 1.0 and 0.0 <= metrics["spans"]["f1"] <= 1.0
    assert set(metrics["per_attribute"]) == {"Brand", "Color", "Gender", "Material", "Shoe type", "Size", "Storage"}


def test_cli_evaluate_attributes_table(cli_model: Path, corpus: dict[str, Path]) -> None:
    result = invoke("evaluate", "attributes", "--model", cli_model, "--data", corpus["test_oamine"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["metric", "precision", "recall", "f1", "counts"]
    assert lines[2].startswith("attribute-value micro") and lines[3].startswith("spans (seqeval)")


def test_cli_evaluate_not_a_model_directory(tmp_path: Path, corpus: dict[str, Path]) -> None:
    result = invoke("evaluate", "attributes", "--model", tmp_path, "--data", corpus["test_oamine"])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path} is not a shopgraph model directory: no meta.json; "
                             f"train one with `shopgraph train attributes --output {tmp_path}`\n")


def test_cli_build_with_model_puts_extracted_values_in_the_graph(cli_model: Path, corpus: dict[str, Path],
                                                                tmp_path: Path) -> None:
    store = tmp_path / "graph.kuzu"
    # the catalog's own values win a conflict: without them every extracted value has a place to go
    bare = tmp_path / "bare.jsonl"
    bare.write_text("".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "attributes"}) + "\n"
                            for line in corpus["test"].read_text(encoding="utf-8").splitlines()), encoding="utf-8")
    result = invoke("build", bare, "--store", store, "--model", cli_model, "--min-score", "0.3", "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["products_written"] == 40
    assert summary["extracted_values"] > 0
    written = invoke("query", "MATCH (:Product)-[r]->() WHERE r.source = 'extracted' RETURN count(r) AS n",
                     "--store", store, "--format", "json")
    assert json.loads(written.stdout) == [{"n": summary["extracted_values"]}]  # the summary counts what was written
