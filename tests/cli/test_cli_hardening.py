"""Bad input never aborts a build or loses rows: damaged gzip, deep nesting, huge numbers, outputs that are inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from shopgraph.kg.cli import cli

ROWS = [{"id": f"p{i}", "title": f"Product number {i} with a longer title to fill the gzip stream",
         "description": "word " * 40} for i in range(200)]


def shopgraph(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def gz(tmp_path: Path) -> bytes:
    return gzip.compress("".join(json.dumps(r) + "\n" for r in ROWS).encode())


def damaged(tmp_path: Path, data: bytes, how: str) -> Path:
    path = tmp_path / f"{how}.jsonl.gz"
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # a flipped byte in the compressed data: CRC or inflate error
        raw = bytearray(data)
        raw[len(raw) - 12] ^= 0xFF
        path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize("how", ["truncated", "corrupt"])
def test_build_damaged_gzip_names_file_and_offset(tmp_path: Path, gz: bytes, how: str) -> None:
    path = damaged(tmp_path, gz, how)
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:")
    assert "the gzip data is damaged after byte" in result.stderr and "Aborted" not in result.stderr


def test_build_damaged_gzip_in_skip_mode_keeps_the_rows_before(tmp_path: Path, gz: bytes) -> None:
    path = damaged(tmp_path, gz, "truncated")
    rejects = tmp_path / "rejects.jsonl"
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu", "--on-error", "skip",
                       "--rejects", rejects, "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["products_written"] > 50 and summary["products_rejected"] == 1
    reject = json.loads(rejects.read_text())
    assert reject["line"] == summary["products_written"] + 1 and "the file is truncated" in reject["reason"]


def test_build_deep_nesting_and_huge_numbers_are_rejects(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "ok", "title": "Fine"}) + "\n"
                    + '{"id": "deep", "title": "t", "a": ' + "[" * 1500 + "]" * 1500 + "}\n"
                    + '{"id": "big", "title": "t", "price": ' + "9" * 5000 + "}\n")
    rejects = tmp_path / "rejects.jsonl"
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu", "--on-error", "skip",
                       "--rejects", rejects, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["products_written"] == 1
    reasons = [json.loads(line)["reason"] for line in rejects.read_text().splitlines()]
    assert reasons[0].startswith("JSON nested too deeply") and "4300 digits" in reasons[1]


def test_build_rejects_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    text = json.dumps({"id": "a", "title": "A"}) + "\n"
    path.write_text(text)
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu", "--on-error", "skip",
                       "--rejects", path)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: --rejects {path} is also an input ({path}); writing it would destroy it: "
                             "choose another --rejects file\n")
    assert path.read_text() == text


def test_extract_output_naming_the_catalog_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    text = json.dumps({"id": "a", "title": "A"}) + "\n"
    path.write_text(text)
    result = shopgraph("extract", path, "--output", path)
    assert result.exit_code == 1 and "is also an input" in result.stderr
    assert path.read_text() == text


def test_build_on_a_store_in_use_says_so(tmp_path: Path) -> None:
    """Kùzu's lock error (with a web link) becomes a sentence naming what holds the store; the build does not
    copy a store another writer holds."""
    import subprocess
    import sys

    import kuzu

    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "A"}) + "\n")
    store = tmp_path / "g.kuzu"
    db = kuzu.Database(str(store))  # held open for writing, as a running build holds it
    try:
        done = subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", "build", str(path), "--no-extract",
                               "--store", str(store)], capture_output=True, text=True)
    finally:
        db.close()
    assert done.returncode == 1
    assert done.stderr == (f"Error: the graph store at {store} is in use: another build or program is writing it; "
                           "wait for it or stop it, or pass another --store\n")


@pytest.mark.parametrize(("line", "reason"), [
    ('{"id": NaN, "title": "t"}', "field 'id' is nan, not a usable value; write it as text"),
    ('{"id": 1e400, "title": "t"}', "field 'id' is inf, not a usable value; write it as text"),
    ('{"id": "p", "title": "t", "price": "1_000"}', "price '1_000' is not a number; write it like 19.99"),
    ('{"id": "p", "title": "t", "price": "\\u0661\\u0662"}', "is not a number; write it like 19.99"),
    ('{"id": "p", "title": "bad \\ud800 text"}', "field 'title' holds a lone surrogate"),
    ('{"id": "p", "title": "unterminated', "malformed JSON: Unterminated string starting at column"),
])
def test_build_odd_values_are_rejects_with_a_fix(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "ok", "title": "Fine"}) + "\n" + line + "\n")
    rejects = tmp_path / "rejects.jsonl"
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu", "--on-error", "skip",
                       "--rejects", rejects)
    assert result.exit_code == 0, result.output
    assert reason in json.loads(rejects.read_text())["reason"]


def test_build_json_array_file_gets_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps([{"id": "a", "title": "A"}]) + "\n")
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu")
    assert result.exit_code == 1 and "the file holds one JSON array" in result.stderr and "jq -c" in result.stderr


def test_build_csv_without_an_id_column_is_one_header_error(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("sku,title\nS-1,Thing\nS-2,Other\n")
    result = shopgraph("build", path, "--no-extract", "--store", tmp_path / "g.kuzu", "--on-error", "skip",
                       "--rejects", tmp_path / "r.jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:1: no 'id' column in the header ['sku', 'title']; name the column")
    assert "--csv-map id=COLUMN" in result.stderr


def test_two_builds_of_one_store_do_not_run_at_once(tmp_path: Path) -> None:
    import fcntl
    import subprocess
    import sys

    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "title": "A"}) + "\n")
    store = tmp_path / "g.kuzu"
    with open(store.with_name(store.name + ".lock"), "a") as held:  # as a running build holds it
        fcntl.flock(held, fcntl.LOCK_EX)
        done = subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", "build", str(path), "--no-extract",
                               "--store", str(store)], capture_output=True, text=True)
    assert done.returncode == 1 and "another build is writing it" in done.stderr
    assert not store.exists()
