"""Exchange rates (`ask --rates`, qa.rates): budgets, cheapest/average answers, comparisons and "in euros" convert
prices into the shopper's currency at the user's rates, on a real graph; without rates nothing is mixed; a bad rates
file is refused with its name, line and fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopgraph.kg.cli import cli
from shopgraph.kg.errors import ConfigError
from shopgraph.qa.rates import RATES_ENV, load_rates
from tests.qa.conftest import ask_batch, build_store

CHAIRS = [  # one kind, four currencies: the yen has no rate in RATES
    {"id": "CH-1", "title": "Alpha Mesh Office Chair", "brand": "Alpha", "category": "Furniture > Office Chairs",
     "price": "300", "currency": "USD"},
    {"id": "CH-2", "title": "Beta Leather Office Chair", "brand": "Beta", "category": "Furniture > Office Chairs",
     "price": "250", "currency": "EUR"},
    {"id": "CH-3", "title": "Gamma Task Office Chair", "brand": "Gamma", "category": "Furniture > Office Chairs",
     "price": "150", "currency": "GBP"},
    {"id": "CH-4", "title": "Delta Gaming Office Chair", "brand": "Delta", "category": "Furniture > Office Chairs",
     "price": "20000", "currency": "JPY"},
]
RATES = {"USD": 1.0, "EUR": 1.1, "GBP": 1.3}  # so €250 is $275 and £150 is $195


@pytest.fixture(autouse=True)
def no_rates_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(RATES_ENV, raising=False)  # ("without rates" means without them, whatever the shell has)


@pytest.fixture(scope="module")
def chairs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(graph, rates file)."""
    directory = tmp_path_factory.mktemp("rates")
    catalog = directory / "chairs.jsonl"
    catalog.write_text("".join(json.dumps(c) + "\n" for c in CHAIRS))
    rates = directory / "rates.json"
    rates.write_text(json.dumps(RATES, indent=1))
    return build_store(directory / "graph.kuzu", catalog), rates


def ask(graph: Path, question: str, rates: Path | None = None) -> dict:
    args = ["ask", question, "--store", str(graph), "--json"] + (["--rates", str(rates)] if rates else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rates_a_budget_takes_in_other_currencies_converted(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    data = ask(graph, "office chairs under $280", rates)
    assert {p["id"] for p in data["products"]} == {"CH-2", "CH-3"}  # €250 = $275, £150 = $195; not $300, nor ¥
    assert "converted at the rates in rates.json" in data["answer"]
    plain = ask(graph, "office chairs under $280")
    assert plain["answer"].startswith("I don't know of any office chairs under $280")  # without rates: dollars only


def test_rates_never_convert_a_currency_said_only(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    data = ask(graph, "office chairs under 280, usd only", rates)
    assert data["answer"].startswith("I don't know of any office chairs under $280"), data["answer"]  # (only $300)


def test_rates_the_products_averaged_are_those_listed_next(chairs: tuple[Path, Path], tmp_path: Path) -> None:
    graph, rates = chairs
    lines = [{"question": q, "session": "s"} for q in ("average price of office chairs", "which of them are from beta")]
    average, beta = ask_batch(graph, tmp_path, lines, "--rates", str(rates))
    assert {p["id"] for p in average["products"]} == {"CH-1", "CH-2", "CH-3"}, average  # the three averaged
    assert [p["id"] for p in beta["products"]] == ["CH-2"], beta


def test_rates_average_and_cheapest_convert_and_say_what_was_left_out(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    average = ask(graph, "average price of office chairs", rates)
    assert "$256.67" in average["answer"], average["answer"]  # (300 + 275 + 195) / 3
    assert "Not counted, for want of exchange rates: 1 priced in JPY" in average["answer"]
    cheapest = ask(graph, "cheapest office chair", rates)
    assert "Gamma" in cheapest["answer"] and "£150, about $195" in cheapest["answer"], cheapest["answer"]
    plain = ask(graph, "average price of office chairs")
    assert "$300" in plain["answer"] and "1 priced in EUR" in plain["answer"]


def test_rates_an_aggregate_in_a_currency_said(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    assert "is €233.33" in ask(graph, "average price of office chairs in euros", rates)["answer"]  # 700 / 1.1 / 3
    plain = ask(graph, "average price of office chairs in euros")["answer"]
    assert "priced in EUR is €250" in plain and "1 priced in USD" in plain, plain


def test_rates_compare_two_currencies_or_say_they_cannot(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    question = "is the alpha mesh office chair cheaper than the beta leather office chair?"
    data = ask(graph, question, rates)
    assert data["intent"] == "comparison"
    assert "Beta Leather Office Chair is cheaper (€250, about $275) than the Alpha" in data["answer"], data["answer"]
    assert "by $25" in data["answer"]
    plain = ask(graph, question)
    assert "cheaper" not in plain["answer"] and "no exchange rates" in plain["answer"], plain["answer"]


@pytest.mark.parametrize(("question", "said"), [("how much is the alpha mesh office chair in euros", "about €272.73"),
                                                ("what does the alpha mesh office chair cost in pounds", "about £230.77")])
def test_rates_a_price_asked_in_another_currency(chairs: tuple[Path, Path], question: str, said: str) -> None:
    graph, rates = chairs
    data = ask(graph, question, rates)
    assert "$300" in data["answer"] and said in data["answer"], data["answer"]
    assert "I have no exchange rates to give it in" in ask(graph, question)["answer"]


def test_rates_a_price_asked_in_a_currency_without_a_rate_names_it(chairs: tuple[Path, Path]) -> None:
    graph, rates = chairs
    data = ask(graph, "how much is the delta gaming office chair in euros", rates)
    assert "I have no exchange rate from JPY to give it in EUR" in data["answer"], data["answer"]


def test_rates_come_from_the_environment_too(chairs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    graph, rates = chairs
    monkeypatch.setenv(RATES_ENV, str(rates))
    assert {p["id"] for p in ask(graph, "office chairs under $280")["products"]} == {"CH-2", "CH-3"}


@pytest.mark.parametrize(("text", "said"), [
    ('{"USD": 1.0,\n "EUR": 1.08,\n "GBP": }', "line 3"),
    ('{"USD": 1.0,\n "EUR": -2}', 'line 2: the worth of EUR must be a positive number'),
    ('{"USD": 1.0,\n "EUR": NaN}', "line 2: the worth of EUR must be a positive number"),
    ('{"USD": 1.0,\n "EURO": 1.1}', "'EURO' is not a currency code"),
    ('[1.0, 1.1]', "one JSON object of currency codes"),
    ('{"USD": 1.0,\n "usd": 1.0}', "USD is given twice; give each currency once"),
])
def test_rates_a_bad_file_names_its_line_and_fix(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "rates.json"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_rates(path)
    assert str(path) in str(caught.value) and said in str(caught.value), str(caught.value)


def test_rates_a_missing_file_stops_ask_before_anything_loads(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ask", "cheapest chair", "--store", str(tmp_path / "none.kuzu"),
                                      "--rates", str(tmp_path / "nope.json")])
    assert result.exit_code == 1 and "nope.json: cannot read the rates file" in result.output, result.output
