"""`shopgraph ask` (one question, --json, --batch) and `shopgraph train|evaluate qa` argument handling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from shopgraph.kg.cli import cli
from tests.qa.conftest import PQA_FIXTURE, ask_batch


def shopgraph(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_ask_prints_answer_and_facts(qa_graph: Path) -> None:
    result = shopgraph("ask", "what is it made of?", "--product", "case-spigen-13", "--store", qa_graph)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "The Spigen Tough Armor Case for iPhone 13, Black is made of polycarbonate and TPU."
    assert any("Polycarbonate" in line and "catalog" in line for line in lines[2:])


def test_ask_json_is_the_contract(qa_graph: Path) -> None:
    result = shopgraph("ask", "black leather boots under $80 from Timberland", "--store", qa_graph, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"question", "intent", "answer", "facts", "products", "cypher"}
    assert data["intent"] == "search"
    assert [p["id"] for p in data["products"]] == ["boot-tb-kids", "boot-tb-6in"]


def test_ask_batch_answers_in_order(qa_graph: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"question": "how many brands of running shoes?"}) + "\n\n"
        + json.dumps({"question": "what is it made of?", "product": "case-apple-14"}) + "\n"
        + json.dumps({"question": "does this case fit the iPhone 13?", "product": "case-spigen-13"}) + "\n",
        encoding="utf-8")
    out = tmp_path / "answers.jsonl"
    result = shopgraph("ask", "--batch", questions, "--output", out, "--store", qa_graph)
    assert result.exit_code == 0, result.output
    assert "answered 3 questions" in result.stderr
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["intent"] for a in answers] == ["aggregate", "attribute", "compatibility"]
    assert answers[1]["answer"].endswith("is made of silicone.")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"question": 5}', 'Error: {path}:1: missing "question" text; write {{"question": "…"}}'),
        ("not json", "Error: {path}:1: malformed JSON (Expecting value); write one object a line, "
                     '{{"question": "…", "product": "optional id"}}'),
        ('{"question": "q", "product": 7}', 'Error: {path}:1: "product" must be a product id string'),
    ],
)
def test_ask_batch_bad_lines_name_file_and_line(qa_graph: Path, tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = shopgraph("ask", "--batch", path, "--store", qa_graph)
    assert result.exit_code == 1
    assert result.stderr.strip() == message.format(path=path)


@pytest.mark.parametrize(
    "args",
    [[], ["q", "--batch", str(PQA_FIXTURE)]],
    ids=["neither", "both"],
)
def test_ask_needs_exactly_one_question_source(qa_graph: Path, args: list[str]) -> None:
    result = shopgraph("ask", *args, "--store", qa_graph)
    assert result.exit_code == 2
    assert "Error: give a QUESTION or --batch FILE (not both)" in result.stderr


def test_ask_missing_store_is_an_error(tmp_path: Path) -> None:
    result = shopgraph("ask", "anything?", "--store", tmp_path / "none.kuzu")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no graph store at {tmp_path / 'none.kuzu'}; build one first")


def test_train_qa_refuses_non_empty_output(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("x")
    result = shopgraph("train", "qa", "--data", PQA_FIXTURE, "--output", tmp_path)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: output directory {tmp_path} is not empty; pass --force to overwrite it "
                                     "or choose another --output")


def test_evaluate_qa_refuses_a_non_ranker_directory(tmp_path: Path) -> None:
    result = shopgraph("evaluate", "qa", "--model", tmp_path, "--data", PQA_FIXTURE)
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {tmp_path} is not a shopgraph model directory: no meta.json; train one "
                                     f"with `shopgraph train qa --output {tmp_path}`")


def test_ask_unknown_product_id_is_an_error(qa_graph: Path, tmp_path: Path) -> None:
    result = shopgraph("ask", "what is it made of?", "--product", "no-such-id", "--store", qa_graph)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no product with id 'no-such-id' in the graph; check the id with")
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps({"question": "what is it made of?", "product": "nope-2"}) + "\n", encoding="utf-8")
    result = shopgraph("ask", "--batch", questions, "--store", qa_graph, "--output", tmp_path / "a.jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no product with id 'nope-2' in the graph (in {questions});")
    assert not (tmp_path / "a.jsonl").exists()


def test_ask_batch_file_that_is_not_utf8(qa_graph: Path, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_bytes(b'{"question": "ok?"}\n{"question": "caf\xe9?"}\n')
    result = shopgraph("ask", "--batch", questions, "--store", qa_graph)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {questions}:2: not valid UTF-8 (byte 18 of the line); save the file as UTF-8"


def test_ask_batch_sessions_are_conversations(qa_graph: Path, tmp_path: Path) -> None:
    """Lines sharing a "session" are one conversation: "it" is the product of the earlier turn; a line
    without a session, or in another session, starts with no product in focus."""
    lines = [{"question": "how much does the iPhone 13 weigh?", "session": "a"},
             {"question": "what is it made of?", "session": "b"},
             {"question": "what colour is it?", "session": "a"},
             {"question": "what colour is it?"}]
    answers = ask_batch(qa_graph, tmp_path, lines)
    assert "174 g" in answers[0]["answer"]
    assert answers[2]["intent"] == "attribute" and {f["product_id"] for f in answers[2]["facts"]} == {"phone-iphone13"}
    assert answers[1]["intent"] == answers[3]["intent"] == "unanswerable"


def test_ask_batch_off_topic_turn_in_a_conversation_is_not_answered_from_the_product(qa_graph: Path,
                                                                                    tmp_path: Path) -> None:
    """The fact ranker alone does not answer off a product's page unless it is near certain."""
    lines = [{"question": "what is the Timberland 6-inch boot made of?", "session": "s"},
             {"question": "who won the world cup?", "session": "s"},
             {"question": "what is the warranty?", "session": "s"}]
    answers = ask_batch(qa_graph, tmp_path, lines)
    assert "leather" in answers[0]["answer"].lower()
    assert "I don't know" in answers[1]["answer"] and "I don't know" in answers[2]["answer"]


def test_ask_batch_follow_ups_about_a_listed_set(qa_graph: Path, tmp_path: Path) -> None:
    """'which of them …' and 'do they …' read the products the previous answer listed."""
    lines = [{"question": "running shoes", "session": "s"},
             {"question": "which of them is cheapest?", "session": "s"},
             {"question": "which ones are under $140?", "session": "s"},
             {"question": "which ones are under $140?"}]
    answers = ask_batch(qa_graph, tmp_path, lines)
    shoes = {p["id"] for p in answers[0]["products"]}
    assert shoes and all(pid.startswith("run-") for pid in shoes)
    assert answers[1]["intent"] == "aggregate" and "Nike Revolution 6" in answers[1]["answer"]
    assert {p["id"] for p in answers[2]["products"]} == {"run-nike-peg", "run-nike-rev", "run-brooks-ghost"}  # <= $140
    assert {p["id"] for p in answers[3]["products"]} - shoes  # without the session: every product under $140
