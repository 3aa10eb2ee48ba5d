"""An answer checked against what an evaluation question expects (data/eval/*.jsonl, "expect").

    check({"intent": "attribute", "answer_contains": ["6.2"]}, answer)  # [] when the answer passes

Used by benchmarks/bench_questions.py and by the tests that compare answers across stores.
"""

from __future__ import annotations

import re
from typing import Any

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")  # "$1,455": also "1455", as an expectation may write it

CHECK_ORDER = ("intent", "dont_know", "answer_contains", "answer_contains_any", "answer_excludes", "answer_order",
               "products_include", "products_exclude")


def says_dont_know(answer: dict[str, Any]) -> bool:
    text = (answer.get("answer") or "").replace("\u2019", "'").lower()
    return "i don't know" in text or answer.get("intent") == "unanswerable"


def _says(text: str, plain: str, s: str) -> bool:
    return s.lower() in text or s.lower() in plain


def in_order(text: str, seq: list[str]) -> bool:
    """Each string of `seq` occurs in `text` after the end of the previous one."""
    at = 0
    for s in seq:
        i = text.find(s.lower(), at)
        if i < 0:
            return False
        at = i + len(s)
    return True


def check(expect: dict[str, Any], answer: dict[str, Any]) -> list[str]:
    """Names of the checks of `expect` that `answer` fails (empty: correct)."""
    text = (answer.get("answer") or "").replace("\u2019", "'").lower()
    plain = _THOUSANDS.sub("", text)
    ids = {p.get("id") for p in answer.get("products") or [] if isinstance(p, dict)}
    failed: list[str] = []
    for key in CHECK_ORDER:
        if key not in expect:
            continue
        want = expect[key]
        if key == "intent":
            ok = answer.get("intent") == want
        elif key == "dont_know":
            ok = says_dont_know(answer) == bool(want)
        elif key == "answer_contains":
            ok = all(_says(text, plain, s) for s in want)
        elif key == "answer_contains_any":
            ok = any(_says(text, plain, s) for s in want)
        elif key == "answer_excludes":
            ok = not any(_says(text, plain, s) for s in want)
        elif key == "answer_order":
            ok = any(in_order(text, seq) for seq in ([want] if want and isinstance(want[0], str) else want))
        elif key == "products_include":
            ok = all(pid in ids for pid in want)
        else:  # products_exclude
            ok = not any(pid in ids for pid in want)
        if not ok:
            failed.append(key)
    unknown = set(expect) - set(CHECK_ORDER)
    if unknown:
        raise ValueError(f"unknown expect keys {sorted(unknown)}; known: {', '.join(CHECK_ORDER)}")
    return failed
