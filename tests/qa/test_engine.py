"""The engine on a real Kùzu graph built from tests/data/catalog_qa.jsonl: one test per intent and phrasing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shopgraph.qa.conversation import Conversation
from shopgraph.qa.engine import Answer, Engine

CONTRACT = {"question", "intent", "answer", "facts", "products", "cypher"}


def facts_of(answer: Answer) -> set[tuple[str, str, str]]:
    return {(f.product_id, f.attribute, f.value) for f in answer.facts}


def assert_grounded(engine: Engine, answer: Answer) -> None:
    """Every product fact of the answer exists in the graph, found again by re-running its own evidence."""
    for fact in answer.facts:
        assert fact.cypher in answer.cypher
        if not fact.product_id:
            continue  # aggregate facts (counts, brand lists) have no product
        rows = engine.store.query(fact.cypher, fact.params)
        assert rows, f"evidence query returned nothing for {fact}"


# ---------------------------------------------------------------------------- attribute


@pytest.mark.parametrize(
    ("question", "product", "attribute", "values", "phrase"),
    [
        ("what is it made of?", "case-spigen-13", "material", {"Polycarbonate", "TPU"}, "made of polycarbonate and TPU"),
        ("how much does it weigh?", "phone-iphone13", "weight", {"174 g"}, "weighs 174 g"),
        ("what colour is it?", "boot-sorel", "color", {"Black"}, "comes in Black"),
        ("how much is it?", "boot-tb-brown", "price", {"$129"}, "costs $129"),
        ("who makes it?", "run-brooks-ghost", "brand", {"Brooks"}, "made by Brooks"),
        ("what is the battery capacity?", "phone-pixel7", "battery", {"4355 mAh"}, "4355 mAh"),
        ("how much does the Pixel 7 weigh?", None, "weight", {"197 g"}, "Google Pixel 7"),
        ("what is the screen size of the Galaxy S22?", None, "screen size", {"6.1 in"}, "is 6.1 in"),
    ],
)
def test_engine_answers_attribute_questions(engine: Engine, question: str, product: str | None, attribute: str,
                                            values: set[str], phrase: str) -> None:
    answer = engine.answer(question, product=product)
    assert answer.intent == "attribute"
    best = max(f.score for f in answer.facts)
    top = {f.value for f in answer.facts if f.score == best}
    assert top == values
    assert {f.attribute for f in answer.facts if f.score == best} == {attribute}
    assert phrase in answer.answer
    assert_grounded(engine, answer)


def test_engine_answers_yes_no_value_questions(engine: Engine) -> None:
    yes = engine.answer("is it waterproof?", product="boot-tb-6in")
    assert yes.intent == "attribute" and yes.answer.startswith("Yes")
    assert ("boot-tb-6in", "feature", "Waterproof") in facts_of(yes)
    no = engine.answer("is it black?", product="boot-tb-brown")
    assert no.answer.startswith("No") and "Wheat" in no.answer
    assert ("boot-tb-brown", "color", "Wheat") in facts_of(no)


def test_engine_product_argument_names_the_product(engine: Engine) -> None:
    """The same question about two products gives each product's own facts."""
    a = engine.answer("how much does it weigh?", product="run-nike-peg")
    b = engine.answer("how much does it weigh?", product="run-brooks-ghost")
    assert "283 g" in a.answer and "10.1 oz" in b.answer
    assert a.products[0].id == "run-nike-peg" and b.products[0].id == "run-brooks-ghost"


# ---------------------------------------------------------------------------- search


def test_engine_search_with_constraints(engine: Engine) -> None:
    answer = engine.answer("black leather boots under $80 from Timberland")
    assert answer.intent == "search"
    assert [p.id for p in answer.products] == ["boot-tb-kids", "boot-tb-6in"]  # cheaper first on equal scores
    for pid in ("boot-tb-kids", "boot-tb-6in"):
        assert {(pid, "brand", "Timberland"), (pid, "color", "Black"), (pid, "material", "Leather")} <= facts_of(answer)
    assert "Dr. Martens" not in answer.answer and "Sorel" not in answer.answer  # over $80 / not Timberland
    assert_grounded(engine, answer)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("show me waterproof boots", {"boot-tb-6in", "boot-sorel"}),
        ("phones with at least 256GB", {"phone-galaxy-s22"}),
        # ("lighter than 290 g": not the 290 g Nimbus)
        ("running shoes lighter than 290 g", {"run-nike-rev", "run-nike-peg", "run-brooks-ghost"}),
        ("running shoes between $100 and $150", {"run-nike-peg", "run-brooks-ghost"}),
        ("timberlnd boots", {"boot-tb-6in", "boot-tb-brown", "boot-tb-kids"}),  # misspelt brand: fuzzy link
        ("nike running shoes over 100 dollars", {"run-nike-peg"}),
    ],
)
def test_engine_search_patterns(engine: Engine, question: str, expected: set[str]) -> None:
    answer = engine.answer(question)
    assert answer.intent == "search"
    assert {p.id for p in answer.products} == expected


def test_engine_search_word_unknown_to_the_graph_is_not_ignored(engine: Engine) -> None:
    """'red' is in no product: black boots are not an answer to "red boots"."""
    answer = engine.answer("red boots")
    assert answer.intent == "unanswerable"
    assert answer.answer.startswith("I don't know of any red boots.")
    assert all(f.score < 0.5 for f in answer.facts)


def test_engine_search_with_no_match_says_i_dont_know(engine: Engine) -> None:
    answer = engine.answer("suede boots from Timberland under $50")
    assert answer.intent == "unanswerable"
    assert answer.answer.startswith("I don't know of any suede boots from Timberland under $50")
    assert answer.facts, "the closest facts are shown"
    assert_grounded(engine, answer)


# ---------------------------------------------------------------------------- compatibility


def test_engine_compatibility_yes(engine: Engine) -> None:
    answer = engine.answer("does this case fit the iPhone 13?", product="case-spigen-13")
    assert answer.intent == "compatibility"
    assert answer.answer.startswith("Yes")
    assert ("case-spigen-13", "compatible with", "phone-iphone13") in facts_of(answer)
    assert [p.id for p in answer.products] == ["case-spigen-13", "phone-iphone13"]
    assert_grounded(engine, answer)


def test_engine_compatibility_named_both_sides_and_reverse_edge(engine: Engine) -> None:
    answer = engine.answer("will the Galaxy S22 work with the Samsung 25W charger?")
    assert answer.intent == "compatibility" and answer.answer.startswith("Yes")
    assert ("charger-samsung-25w", "accessory for", "phone-galaxy-s22") in facts_of(answer)


def test_engine_compatibility_without_link_is_not_invented(engine: Engine) -> None:
    answer = engine.answer("does this case fit the iPhone 14?", product="case-spigen-13")
    assert answer.intent == "unanswerable"
    assert answer.answer.startswith("I don't know")
    assert "Yes" not in answer.answer
    assert ("case-spigen-13", "compatible with", "phone-iphone13") in facts_of(answer)


def test_engine_compatibility_sides_name_two_products(tmp_path) -> None:
    """In the UI fixture 'the iPhone 13' links best to 'Apple iPhone 13 Silicone Case …', the product the
    first side names: the second side then takes its near-tied candidate, the phone."""
    from tests.qa.conftest import build_store

    catalog = Path(__file__).parents[1] / "ui" / "shop.jsonl"
    with Engine.open(str(build_store(tmp_path / "g.kuzu", catalog))) as engine:
        answer = engine.answer("does the Apple silicone case fit the iPhone 13?")
        assert answer.intent == "compatibility" and answer.answer.startswith("Yes")
        assert [p.id for p in answer.products] == ["case-apple-ip13", "phone-ip13"]
        assert_grounded(engine, answer)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what fits the iPhone 13?", {"case-spigen-13", "charger-anker-20w"}),
        ("which cases fit the iPhone 14?", {"case-apple-14"}),
        ("what does the Anker charger work with?", {"phone-iphone13", "phone-iphone14", "phone-pixel7"}),
    ],
)
def test_engine_compatibility_lists(engine: Engine, question: str, expected: set[str]) -> None:
    answer = engine.answer(question)
    assert answer.intent == "compatibility"
    assert {p.id for p in answer.products} == expected


# ---------------------------------------------------------------------------- comparison


@pytest.mark.parametrize(
    ("question", "winner", "word"),
    [
        ("which is lighter, the iPhone 13 or the Galaxy S22?", "Samsung Galaxy S22", "lighter"),
        ("is the iPhone 14 heavier than the Pixel 7?", "Google Pixel 7", "heavier"),
        ("which is cheaper, the Pixel 7 or the iPhone 13?", "Google Pixel 7", "cheaper"),
        ("compare the Nike Pegasus and the Brooks Ghost on weight", "Brooks Ghost", "heavier"),
    ],
)
def test_engine_compares_two_products(engine: Engine, question: str, winner: str, word: str) -> None:
    answer = engine.answer(question)
    assert answer.intent == "comparison"
    assert answer.answer.startswith(f"The {winner}") and f" is {word} " in answer.answer
    assert len(answer.products) == 2
    assert_grounded(engine, answer)


def test_engine_comparison_without_attribute_lists_shared_facts(engine: Engine) -> None:
    answer = engine.answer("compare the Pixel 7 and the iPhone 14")
    assert answer.intent == "comparison"
    assert "$599" in answer.answer and "$799" in answer.answer
    assert {f.product_id for f in answer.facts} == {"phone-pixel7", "phone-iphone14"}


# ---------------------------------------------------------------------------- aggregates


def test_engine_counts_brands_of_a_category(engine: Engine) -> None:
    answer = engine.answer("how many brands of running shoes?")
    assert answer.intent == "aggregate"
    assert answer.answer.startswith("4 brands offer running shoes")
    assert {f.value for f in answer.facts} == {"Nike", "adidas", "Brooks", "ASICS"}


@pytest.mark.parametrize(
    ("question", "phrase", "first"),
    [
        ("cheapest running shoes", "Nike Revolution 6 Road Running Shoe, Black at $65", "run-nike-rev"),
        ("what are the most expensive boots?", "Dr. Martens 1460 Smooth Leather Lace Up Boot, Black at $150", "boot-drm-1460"),
        ("cheapest black boots from Timberland", "Timberland Kids' 6-Inch Boot, Black at $69.50", "boot-tb-kids"),
    ],
)
def test_engine_price_extremes(engine: Engine, question: str, phrase: str, first: str) -> None:
    answer = engine.answer(question)
    assert answer.intent == "aggregate"
    assert phrase in answer.answer
    assert answer.products[0].id == first
    assert_grounded(engine, answer)


def test_engine_other_aggregates(engine: Engine) -> None:
    count = engine.answer("how many running shoes from Nike?")
    assert count.intent == "aggregate" and count.answer == "There are 2 running shoes from Nike."
    average = engine.answer("average price of phones")
    assert "$711.75" in average.answer and "from $599 to $799" in average.answer
    colours = engine.answer("what colours do Timberland boots come in?")
    assert colours.answer == "Boots from Timberland come in 2 colours: Black and Wheat."


# ---------------------------------------------------------------------------- unanswerable


@pytest.mark.parametrize(
    ("question", "product"),
    [("what is the warranty of the iPhone 13?", None), ("is it good for hiking?", "phone-iphone13"),
     ("what is the meaning of life?", None)],
)
def test_engine_unanswerable_says_i_dont_know(engine: Engine, question: str, product: str | None) -> None:
    answer = engine.answer(question, product=product)
    assert answer.intent == "unanswerable"
    assert answer.answer.startswith("I don't know")
    assert all(f.score < 0.5 for f in answer.facts), "closest facts are never presented as answers"


def test_engine_unanswerable_names_closest_facts(engine: Engine) -> None:
    answer = engine.answer("what is the warranty of the iPhone 13?")
    assert "Apple iPhone 13" in answer.answer and answer.facts
    assert {f.product_id for f in answer.facts} == {"phone-iphone13"}


# ---------------------------------------------------------------------------- contract, follow-ups


def test_answer_as_dict_is_the_json_contract(engine: Engine) -> None:
    d = engine.answer("black boots under $100").as_dict()
    assert set(d) == CONTRACT
    assert all(set(f) == {"product_id", "attribute", "value", "source", "score"} for f in d["facts"])
    assert all(set(p) == {"id", "title", "score"} for p in d["products"])
    scores = [f["score"] for f in d["facts"]]
    assert scores == sorted(scores, reverse=True)
    assert d["cypher"] and all("$" in c for c in d["cypher"])  # parameterised
    json.dumps(d)


def test_conversation_remembers_the_product(engine: Engine) -> None:
    chat = Conversation(engine)
    first = chat.ask("how much does the Galaxy S22 weigh?")
    assert "167 g" in first.answer and chat.product == "phone-galaxy-s22"
    follow = chat.ask("and what colour is it?")
    assert follow.intent == "attribute" and "Phantom Black" in follow.answer
    fits = chat.ask("does the OtterBox Defender case fit it?")
    assert fits.answer.startswith("Yes")
    chat.ask("how much does the Pixel 7 weigh?")
    assert chat.product == "phone-pixel7"
    assert "Snow" in chat.ask("what colour is it?").answer


def test_engine_unknown_product_id_is_ignored(engine: Engine) -> None:
    answer = engine.answer("how much does the Pixel 7 weigh?", product="no-such-id")
    assert "197 g" in answer.answer


def test_engine_embed_true_needs_embeddings(qa_graph) -> None:
    from shopgraph.kg.errors import ConfigError

    with pytest.raises(ConfigError, match="no product embeddings; rebuild it with `shopgraph build --embed`"):
        Engine.open(str(qa_graph), embed=True)


def test_engine_open_read_only_refuses_missing_store(tmp_path) -> None:
    from shopgraph.kg.errors import ConfigError

    with pytest.raises(ConfigError, match="build one first"):
        Engine.open(str(tmp_path / "none.kuzu"))


def test_qa_answer_convenience(qa_graph) -> None:
    from shopgraph.qa import answer

    result = answer("what is it made of?", product="case-apple-14", store=str(qa_graph))
    assert result.answer == "The Apple Silicone Case with MagSafe for iPhone 14, Storm Blue is made of silicone."


def test_engine_generator_hook_rephrases_from_facts(qa_graph) -> None:
    seen: list[tuple[str, int, str]] = []

    def generator(question: str, facts: list, template: str) -> str:
        seen.append((question, len(facts), template))
        return f"In short: {facts[0].value}." if question.startswith("what") else ""

    with Engine.open(str(qa_graph), generator=generator) as engine:
        rephrased = engine.answer("what is it made of?", product="case-apple-14")
        kept = engine.answer("how much does it weigh?", product="phone-iphone13")
        unknown = engine.answer("what is the meaning of life?")
    assert rephrased.answer == "In short: Silicone."
    assert kept.answer == "The Apple iPhone 13, 128GB, Midnight weighs 174 g."  # empty output keeps the template
    assert unknown.answer.startswith("I don't know")  # never called without facts to say
    assert [q for q, _, _ in seen] == ["what is it made of?", "how much does it weigh?"]


def test_engine_answers_from_several_threads_at_once_match_answers_alone(engine: Engine) -> None:
    """The app answers up to four questions at once on one Engine: no answer may carry another's evidence."""
    from concurrent.futures import ThreadPoolExecutor

    questions = [("how many brands of running shoes?", None), ("what is it made of?", "case-spigen-13"),
                 ("black leather boots under $80 from Timberland", None),
                 ("does this case fit the iPhone 13?", "case-spigen-13")] * 4
    alone = [engine.answer(q, product=p).as_dict() for q, p in questions]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda qp: engine.answer(qp[0], product=qp[1]).as_dict(), questions))
    assert together == alone
