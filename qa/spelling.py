"""Typo correction against the graph's own vocabulary: "samsnug galxy s24 screen size" → "samsung galaxy s24
screen size", "noise cancelng hedphones undr $150" → "noise cancelling headphones under $150".

A word is left alone when it is short (under 4 letters), holds a digit, is in the graph's vocabulary
(title words, brands, categories, attribute names and values) or question words, or is an English word
(pyspellchecker's frequency list: "lover", "gift" and "cheapest" are not typos even when no product says
them). Any other word is replaced by its closest vocabulary word (rapidfuzz ratio ≥ 75, or one letter changed or
two swapped: "prise" → "price", "weigth" → "weight"), if there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from shopgraph.qa.understand import STOPWORDS, singular

QUESTION_WORDS = frozenset("""
under below above over between cheapest cheaper expensive price prices cost costs much many average
compatible compatibility fit fits work works with without weigh weight heavy light lighter lightest size
color colour screen battery storage memory ram capacity material made black white blue red green grey gray
brand brands category categories best good better compare difference which does what how
biggest bigger largest larger smallest smaller longest longer heaviest heavier tallest taller most least
dollars dollar euros euro pounds bucks colors colours sizes watt watts inch inches ounce ounces gram grams
liter liters litre litres hours limit limits maximum rating rated shelves shelf warranty guarantee
often replace swap similar alternative version versions model models option options listing listings
taste tastes tasting flavour flavor flavours flavors notes assembly assemble assembled powerful
reservoir tank recyclable packaging
""".split())
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’])*")  # letters of any script: "Qualità" is one word, not "Qualit" + "à"
# "the pixel 8s battery": a model number with a plural or possessive s no title writes
_NUMBER_S = re.compile(r"\b(?P<before>[^\W\d_]+) (?P<n>\d+)s\b", re.IGNORECASE)
# short forms shoppers type for colours, too short for the fuzzy match ("in blu?", "blk leather boots")
SHORT_FORMS = {"blu": "blue", "blk": "black", "wht": "white", "gry": "grey", "grn": "green", "pnk": "pink",
               "slvr": "silver", "rd": "red", "wat": "what", "wut": "what", "hw": "how", "mor": "more",
               "teh": "the", "hte": "the", "atleast": "at least", "atmost": "at most",
               "wich": "which", "whch": "which", "em": "them", "cord": "cable", "cords": "cables",
               "fone": "phone", "fones": "phones",  # (a phone spelt as said: not "done")
               # an apostrophe left out ("headphones that dont need charging": not "done")
               "dont": "do not", "doesnt": "does not", "isnt": "is not", "cant": "cannot", "wont": "will not",
               "didnt": "did not", "arent": "are not", "wouldnt": "would not", "shouldnt": "should not"}
ASKING_FORMS = {"wht": "what"}  # a short form read otherwise before the words of a question
_ASKING_AFTER = re.compile(r"\s+(?:is|are|was|does|do|did|kind|type|sort|size|colou?rs?|about|abt)\b", re.IGNORECASE)
RARE_STEM = 1000  # a word English knows only in the singular, and rarely, is read as a typo when plural
MIN_LENGTH = 4
CUTOFF = 75.0
CUTOFF_SHORT = 88.0
RARE_NAME_TYPO = 500  # an English word this rare, a letter from a title word beside its neighbour, is its typo
RARE_TYPO = 200  # an English word this rare, a letter from a question word, is read as that word's typo
KIND_COMMONER = 20  # how much commoner in English a kind must be than a known word to be read for it
LONG_WORD = 8  # a rare English word this long, two edits from a graph word far commoner, is its typo ("champaign")
LONG_COMMONER = 100
RARE_LONG = 200
PREFIX_LENGTH = 6  # a word this long may be a name said without its end ("lifesupply" for "LifeSupplyUSA") …
PREFIX_LONGER = 5  # … at most this many letters short


def plural(word: str) -> str:
    """A crude English plural, the inverse of understand.singular ("battery" → "batteries")."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


@lru_cache(maxsize=1)
def english_frequency() -> dict[str, int]:
    """English words (pyspellchecker's list, lower case) and how often each occurs."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


class Speller:
    """Corrects misspelt words of a question against a vocabulary (the graph's words)."""

    def __init__(self, vocabulary: Iterable[str], phrases: Iterable[str] = (), kinds: Iterable[str] = (),
                 pairs: Iterable[tuple[str, str]] = (), together: Callable[[str, str], bool] | None = None) -> None:
        # whether two words share a title: of two readings as close to what was typed, the one a title says beside
        # another word of the question ("levoit core 300 fliters": filters, which "Levoit Core 300" titles say, not liters)
        self.together = together
        words = {w for w in vocabulary if w.isalpha() and len(w) >= 3}
        # words written side by side in the graph's titles ("g power"): of two readings as close to what was typed,
        # the one its neighbour goes with ("moto g powr" → "power", not "pour")
        self.pairs = frozenset(pairs)
        # words that name a kind of product ("boot"): a rare English word a letter away from one is its typo
        self.kinds = sorted({k for k in kinds if k.isalpha() and len(k) >= MIN_LENGTH})
        # names of several words ("heel drop", "shaft height"): one word of them may be short and misspelt
        self.phrases: dict[int, list[tuple[str, ...]]] = {}
        for phrase in sorted(set(phrases)):
            ws = tuple(phrase.split())
            if len(ws) > 1:
                self.phrases.setdefault(len(ws), []).append(ws)
        words |= {singular(w) for w in QUESTION_WORDS} | set(QUESTION_WORDS) | set(STOPWORDS)
        self.known = frozenset(words)
        # by length: a typo changes a word's length by a letter or two, and a 100k-product graph has tens of
        # thousands of words (scanning them all cost ~20 ms a word there)
        self.by_length: dict[int, list[str]] = {}
        for w in sorted(words):
            if len(w) >= MIN_LENGTH - 1:
                self.by_length.setdefault(len(w), []).append(w)

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """(corrected text, [(word, replacement)]); words that are not typos are kept as written."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        english = english_frequency()
        changes: list[tuple[str, str]] = []

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if text[m.start() - 1:m.start()].isdigit() or text[m.end():m.end() + 1].isdigit():
                return word  # a part of "3rd", "128gb", "m50x": no word of its own
            low = word.casefold().replace("’", "'").removesuffix("'s")
            if low in SHORT_FORMS and low not in self.known:
                short = SHORT_FORMS[low]
                if low in ASKING_FORMS and _ASKING_AFTER.match(text[m.end():]):
                    short = ASKING_FORMS[low]  # "wht color is it", "wht is the price": a question, not white
                changes.append((word, short))
                return short
            if len(low) == MIN_LENGTH - 1 and low.isalpha() and low not in self.known and low not in english:
                # "standing dsk", "galaxy z flp 5": three letters no word is, a letter short of the one word beside
                # which the titles write it
                near = self._beside_titles(low, text[:m.start()], text[m.end():])
                if near is not None:
                    changes.append((word, near))
                    return near
            if len(low) < MIN_LENGTH or not low.isalpha():
                return word
            if low in self.known or singular(low) in self.known:
                return word
            if low in english or english.get(singular(low), 0) >= RARE_STEM:  # "wats" is no plural of "wat"
                kind = self._kind_of_rare_word(low, english) or _question_word_for_rare(low, english) \
                    or self._long_word_of_rare(low, english)
                if kind is not None:
                    changes.append((word, kind))
                    return kind
                name = self._name_beside(low, english, text[:m.start()], text[m.end():])
                if name is not None:  # "dr martins 1460": the titles' "Dr. Martens 1460", not a rare English word
                    changes.append((word, name))
                    return name
                return word
            # a short word needs a closer match: "undr" → "under" (89), not "carbs" → "car" (86)
            cutoff = CUTOFF_SHORT if len(low) <= 5 else CUTOFF
            stem = singular(low)
            # the word as written, and its singular with the shopper's plural put back ("hedphones": "headphone" +
            # s); each reading is then judged against what was typed ("wats": "watt", not "cat" + s)
            options: list[tuple[str, float]] = []
            for form in dict.fromkeys((stem, low)):
                candidates = [w for n in range(len(form) - 2, len(form) + 3) for w in self.by_length.get(n, ())]
                for w, r, _ in process.extract(form, candidates, scorer=fuzz.ratio, score_cutoff=60, limit=20):
                    # one letter changed or two swapped ("prise", "weigth") is a typo even where the ratio is low;
                    # a function word only a letter away ("undr"), never for a plural ("wats": not "was")
                    if not (r >= cutoff or (len(w) == len(form) and OSA.distance(form, w) <= 1)):
                        continue
                    if w in STOPWORDS and not (form == low and OSA.distance(form, w) <= 1):
                        continue
                    options.append((plural(w) if form == stem != low and not w.endswith("s") else w, r))
            if not options and len(low) >= PREFIX_LENGTH:  # "lifesupply": the start of one longer name, "LifeSupplyUSA"
                longer = [w for n in range(len(low) + 3, len(low) + PREFIX_LONGER + 1) for w in self.by_length.get(n, ())
                          if w.startswith(low)]
                options = [(longer[0], 0.0)] if len(longer) == 1 else []
            if not options:
                return word
            # the closest to what was typed; then a word shoppers ask with ("pirce": "price", not "piece"); then the
            # same length ("weight", not "weigh"), the higher ratio, the commoner English word ("price", not "prime")
            before = (text[:m.start()].split() or [""])[-1].casefold()
            after = (text[m.end():].split() or [""])[0].casefold()
            beside = {w for w, _ in options if (before, w) in self.pairs or (w, after) in self.pairs}
            if self.together is not None and len({w for w, _ in options}) > 1:
                others = {singular(t) for t in re.findall(r"\w+", text.casefold()) if t != low and t not in STOPWORDS}
                beside |= {w for w, _ in options if any(self.together(singular(w), o) for o in others)}
            best = min(options, key=lambda c: (OSA.distance(low, c[0]), c[0] not in beside, c[0] not in QUESTION_WORDS
                                               and singular(c[0]) not in QUESTION_WORDS,
                                               abs(len(c[0]) - len(low)), -c[1], -english.get(c[0], 0), c[0]))[0]
            changes.append((word, best))
            return best

        text = _WORD.sub(fix, text)
        text = _NUMBER_S.sub(lambda m: self._number_without_s(m, changes), text)
        return self._fix_phrases(text, changes), changes

    def _number_without_s(self, m: re.Match[str], changes: list[tuple[str, str]]) -> str:
        """ "pixel 8s" → "pixel 8" when the titles write "pixel 8" and never "pixel 8s"."""
        before, n = m.group("before").casefold(), m.group("n")
        if (before, n) not in self.pairs or (before, n + "s") in self.pairs:
            return m.group(0)
        changes.append((n + "s", n))
        return f"{m.group('before')} {n}"

    def _name_beside(self, low: str, english: Mapping[str, int], before_text: str, after_text: str) -> str | None:
        """For a rare English word ("martins"), the one word a letter from it that the titles write beside the word
        before or after it ("dr marten", "marten 1460"), else None."""
        if english.get(low, 0) > RARE_NAME_TYPO:
            return None
        from rapidfuzz.distance import OSA

        before = singular((before_text.split() or [""])[-1].casefold().strip(".,"))
        after = singular((after_text.split() or [""])[0].casefold().strip(".,?"))
        stem = singular(low)
        near = {w for b, w in self.pairs if b == before and w != stem and OSA.distance(stem, w) == 1} | \
            {w for w, a in self.pairs if a == after and w != stem and OSA.distance(stem, w) == 1}
        return near.pop() if len(near) == 1 else None

    def _beside_titles(self, low: str, before_text: str, after_text: str) -> str | None:
        """The one word a letter longer than ``low`` (one letter left out) that the titles write beside the word
        before or after it (or the letters of such a model code, when its number follows), else None."""
        from rapidfuzz.distance import Indel

        before = (before_text.split() or [""])[-1].casefold()
        after = (after_text.split() or [""])[0].casefold()
        near = [w for w in self.by_length.get(len(low) + 1, ()) if Indel.distance(low, w) == 1
                and ((before, w) in self.pairs or (w, after) in self.pairs)]
        if not near and after.isdigit():  # "z flp 5": the titles' "Z Flip5", its letters
            near = [w[:-len(after)] for b, w in self.pairs if b == before and w.endswith(after)
                    and Indel.distance(low + after, w) == 1]
        return near[0] if len(set(near)) == 1 else None

    def _kind_of_rare_word(self, low: str, english: dict[str, int]) -> str | None:
        """A kind of product a letter away from an English word the graph does not know, when the kind is at least
        KIND_COMMONER times as common in English: "bots" → "boots" (26×), "chars" → "chairs"; "lover" stays (cover: 6×)."""
        stem = singular(low)
        seen = max(english.get(low, 0), english.get(stem, 0))
        close = _commoner_neighbours(stem, self.kinds, seen, lambda k: max(english.get(k, 0), english.get(k + "s", 0)))
        if not close:
            return None
        kind = min(close, key=lambda k: (-english.get(k, 0), k))
        return kind + "s" if stem != low else kind  # as many as the shopper said: "bots" → "boots"

    def _long_word_of_rare(self, low: str, english: dict[str, int]) -> str | None:
        """A graph word of LONG_WORD letters or more with the same letters but one, two edits from a rare English word
        (seen at most RARE_LONG times) it is at least LONG_COMMONER times as common as: "champaign" → "champagne" (a
        colour); "calender" stays ("calendar" is only 65 times as common), "staining" (not "standing": other letters)."""
        from rapidfuzz.distance import OSA

        seen = max(english.get(low, 0), 1)
        if len(low) < LONG_WORD or seen > RARE_LONG:
            return None
        letters = Counter(low)
        close = [w for n in (len(low) - 1, len(low), len(low) + 1) for w in self.by_length.get(n, ())
                 if english.get(w, 0) >= LONG_COMMONER * seen and len(w) >= LONG_WORD
                 and max(sum((letters - Counter(w)).values()), sum((Counter(w) - letters).values())) <= 1
                 and OSA.distance(low, w) <= 2]
        return min(close, key=lambda w: (OSA.distance(low, w), -english.get(w, 0), w)) if close else None

    def _fix_phrases(self, text: str, changes: list[tuple[str, str]]) -> str:
        """One misspelt word in a name of several words, the others as written: "hel drop" → "heel drop"."""
        from rapidfuzz import fuzz

        found = list(_WORD.finditer(text))
        low = [m.group(0).casefold() for m in found]
        edits: dict[int, str] = {}
        for n, names in self.phrases.items():
            for i in range(len(low) - n + 1):
                window = low[i:i + n]
                for name in names:
                    differ = [k for k in range(n) if window[k] != name[k] and singular(window[k]) != name[k]]
                    if len(differ) != 1:
                        continue
                    k = differ[0]
                    said = window[k]
                    # an English word too ("hel"): beside the rest of the name it is a typo, unless the graph knows it
                    if said in self.known or len(said) < 3 or not said.isalpha():
                        continue
                    if fuzz.ratio(said, name[k]) >= CUTOFF:
                        edits[i + k] = name[k]
                        break
        for i in sorted(edits, reverse=True):
            m = found[i]
            changes.append((m.group(0), edits[i]))
            text = text[:m.start()] + edits[i] + text[m.end():]
        return text


def _question_word_for_rare(low: str, english: dict[str, int]) -> str | None:
    """The one word of QUESTION_WORDS a letter away from a very rare English word (at most RARE_TYPO) that the graph
    does not know: "cheeper" (a young bird) → "cheaper". None when several are ("wight": weight or light?) or the
    word is commoner ("lover", "colon" stay)."""
    seen = english.get(low, 0)
    if seen > RARE_TYPO:
        return None
    close = _commoner_neighbours(low, QUESTION_WORDS, seen, lambda w: english.get(w, 0))
    return close[0] if len(close) == 1 else None


def _commoner_neighbours(word: str, candidates: Iterable[str], seen: int, common: Callable[[str], int]) -> list[str]:
    """The candidates a letter from ``word`` (one changed, added or dropped, or two swapped) whose English frequency
    (``common``) is at least KIND_COMMONER times ``seen``, the word's own."""
    from rapidfuzz.distance import OSA

    return [c for c in candidates if abs(len(c) - len(word)) <= 1 and OSA.distance(word, c) <= 1
            and common(c) >= KIND_COMMONER * max(seen, 1)]
