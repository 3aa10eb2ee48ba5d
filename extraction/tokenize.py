"""Words for the models: spaCy's blank English tokenizer plus product-aware rules, with char offsets.

Product text packs numbers, units and punctuation together ("128GB", "10.5in", "Loafer,Burgundy,10",
"4Pcs/Lot"). The rules below add word boundaries there, so that every attribute value found in a
title starts and ends on a word boundary (extraction.align needs that) while keeping numbers such as
"1,000", "3.5" and "3/4" whole:

    "128GB" -> 128 | GB        "10.5in" -> 10.5 | in      "2-pack" -> 2 | - | pack
    "Men's" -> Men | 's        "3.5mm"  -> 3.5 | mm       "Loafer,Burgundy,10" -> Loafer | , | Burgundy | , | 10

Only boundaries are added, never characters removed, so a span of words maps back to the exact text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer

# Extra infixes (spaCy regex syntax; the English defaults stay in force).
PRODUCT_INFIXES: tuple[str, ...] = (
    r"(?<=\d)(?=[^\W\d_])",  # digit→letter: "128GB", "10.5in", "4Pcs", "2.4GHz"
    r"(?<!\d),|,(?!\d{3}(?!\d))",  # commas, except thousands separators "1,000"
    r"(?<!\d)/|/(?!\d)",  # slashes, except fractions "3/4"
    r"(?<!\d)-|-(?!\d)",  # hyphens, except in number ranges "22-24": "Dogs-3.5", "-Ultra", "1651B-2PK"
    r"(?<!\d):|:(?!\d)",  # colons, except in times/ratios "16:9"
    r"[|;+&()\[\]{}（）【】]",  # separators glued to words: "Black|Red", "(2-pack)", "Men&#39;s"
    r"(?<=[a-z])(?=[A-Z]{2,})",  # "BlackALTERNATE" (HTML text run together)
)
PRODUCT_PREFIXES: tuple[str, ...] = (r"-(?=\w)",)  # "-Ultra Soft", "Liquid -40 Loads"


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text and where it sits: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def product_tokenizer() -> Tokenizer:
    """spaCy's blank English tokenizer with PRODUCT_INFIXES and PRODUCT_PREFIXES added (built once per process)."""
    import spacy
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex

    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)  # spacy.blank() builds a rule-based Tokenizer; its type says any callable
    infixes = list(nlp.Defaults.infixes or []) + list(PRODUCT_INFIXES)
    prefixes = list(PRODUCT_PREFIXES) + list(nlp.Defaults.prefixes or [])
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    return tokenizer


def words(text: str) -> list[Word]:
    """The words of ``text`` (whitespace dropped), each with its character offsets."""
    doc = product_tokenizer()(text)
    return [Word(t.text, t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each non-blank line: bullets joined by newlines are tagged one at a time."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def segments(text: str, max_words: int = 96) -> list[list[Word]]:
    """Words of ``text`` in pieces the model reads one at a time: one per line, long lines cut in
    windows of at most ``max_words`` words. Offsets stay relative to the whole ``text``."""
    out: list[list[Word]] = []
    for offset, line in lines(text):
        ws = [Word(w.text, w.start + offset, w.end + offset) for w in words(line)]
        for i in range(0, len(ws), max_words):
            if ws[i: i + max_words]:
                out.append(ws[i: i + max_words])
    return out
