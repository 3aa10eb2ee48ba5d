"""The evaluation checks (qa.expectations), on answers written by hand."""

from shopgraph.qa.expectations import check


def test_an_amount_with_a_thousands_separator_is_the_amount_without_one() -> None:
    answer = {"intent": "aggregate", "answer": "The cheapest is the MacBook Air 15 at $1,455.", "products": []}
    assert check({"answer_contains": ["1455"]}, answer) == []
    assert check({"answer_contains_any": ["1,455", "1455.00"]}, answer) == []
    assert check({"answer_excludes": ["1455"]}, answer) == ["answer_excludes"]
    # a comma between words or before other than three digits stays as written
    assert check({"answer_contains": ["1455"]}, {"answer": "sizes 1,45 and 5", "products": []}) == ["answer_contains"]
    assert check({"answer_contains": ["14550"]}, {"answer": "$1,4550", "products": []}) == ["answer_contains"]
