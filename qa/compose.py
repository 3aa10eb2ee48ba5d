"""Answer text from graph facts: one data-to-text template per intent, lists and units rendered naturally.

Every sentence is filled only with values that came out of the graph; when the graph has nothing that
answers, the text starts with "I don't know" and names the closest facts instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from shopgraph.kg.normalize import normalize_value
from shopgraph.qa.retrieve import Card, Fact, format_price
from shopgraph.qa.spelling import plural as english_plural
from shopgraph.qa.understand import DEFAULT_CURRENCY, SHOWN, base_quantity, half_said, singular, tokens

DONT_KNOW = "I don't know"

RELATION_PHRASES = {
    "compatible with": "compatible with",
    "accessory for": "an accessory for",
    "replacement for": "a replacement for",
}

ATTRIBUTE_NAMES = {"color": "colour", "colour": "colour"}


def join(items: Iterable[str], conj: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for v in values:
        seen.setdefault(v.casefold(), v)
    return list(seen.values())


def distinct_values(values: Iterable[str]) -> list[str]:
    """Values less those that say the same amount or text another way ("5.7-liter" and "5.7 L": the first kept)."""
    seen: dict[tuple[object, ...], str] = {}
    for value in values:
        norm = normalize_value(value)
        seen.setdefault((norm.number, norm.unit) if norm.number is not None else (norm.text,), value)
    return list(seen.values())


def widest(values: Iterable[str]) -> list[str]:
    """The distinct values, less those another one holds ("AMD", "7" and "Ryzen 7 7730U" beside "AMD Ryzen 7 7730U":
    pieces of one value the tagger also proposed)."""
    kept = unique(values)
    folded = [v.casefold() for v in kept]
    def held(f: str) -> bool:  # by another value, word for word ("8 GB" is not held by "18 GB"), or a lone letter
        return any(f != g and (len(f) < 2 or re.search(rf"(?<!\w){re.escape(f)}(?!\w)", g)) for g in folded)
    return [v for v, f in zip(kept, folded) if not held(f)]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or english_plural(word))}"  # ("2 capacities")


def attribute_name(attribute: str) -> str:
    return ATTRIBUTE_NAMES.get(attribute, attribute)


def the(title: str) -> str:
    return title if title[:4].casefold() == "the " else f"the {title}"  # ("The Original Whole Bean Coffee by …")


def short_title(title: str) -> str:
    """A title to its first comma, without what it says in brackets ("Men's Moab 3 Mid by Merrell")."""
    return re.sub(r"\s*\([^)]*\)?", "", title.split(",")[0]).strip() or title


def card_text(card: Card, *, price: bool = True) -> str:
    shown = format_price(card.price, card.currency) if price else ""
    return f"{card.title} ({shown})" if shown else card.title


# ---------------------------------------------------------------------------- intents


def across_listings(title: str, attribute: str, values: Sequence[str], others: Sequence[str]) -> str:
    """The listing asked about lacks the attribute; other listings of the model have it."""
    values = unique(values)
    depends = ", depending on the listing" if len(values) > 1 else ""
    listings = plural(len(others), "other listing")
    # the other listings by title, each title once and not the one just named (they often share it)
    named = [t for t in unique(others[:3]) if t != title]
    where = f" ({'; '.join(named)})" if named else ""
    return (f"{cap(the(title))} does not list its {attribute_name(attribute)}; {listings} of this model "
            f"give{'s' if len(others) == 1 else ''} {join(values, 'or')}{depends}{where}.")


def attribute_answer(title: str, attribute: str, values: Sequence[str]) -> str:
    values = widest(values)  # "3 feet", not "3 and 3 feet"
    listed = join(values)
    subject = the(title)
    if attribute in ("weight", "item weight", "net weight"):
        return f"{cap(subject)} weighs {listed}."
    if attribute in ("material", "materials", "fabric", "outer material"):
        return f"{cap(subject)} is made of {lower_words(listed)}."
    if attribute in ("color", "colour"):
        return f"{cap(subject)} comes in {listed}."
    if attribute == "price":
        return f"{cap(subject)} costs {listed}."
    if attribute == "brand":
        return f"{cap(subject)} is made by {listed}."
    if attribute == "category":
        return f"{cap(subject)} is listed under {listed}."
    if len(values) > 1:
        return f"{cap(subject)} has {attribute_name(attribute)} {listed}."
    return f"The {attribute_name(attribute)} of {subject} is {listed}."


def check_answer(title: str, asked: str, found: Sequence[Fact], others: Sequence[Fact]) -> str:
    """Yes/no questions: 'is it waterproof?'."""
    if found:
        f = found[0]
        return f"Yes: {the(title)} is listed with {attribute_name(f.attribute)} {f.value}."
    attr = others[0].attribute
    return (f"No: the {attribute_name(attr)} of {the(title)} is {join(unique(f.value for f in others))}, "
            f"not {asked}.")


def listings_come_in(attribute: str, values: Sequence[str]) -> str:
    """What a model's listings come in, after a "No" to one it lacks ("Its listings come in 2 sizes: 6 and 10.")."""
    return f"Its listings come in {plural(len(values), attribute_name(attribute))}: {join(values)}."


def says_value(title: str, value: str) -> bool:
    """Whether a title states a value as written ("… 361 sq ft, Black" says "361 sq ft"; "12 L" is no "2 L")."""
    return re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", title, re.IGNORECASE) is not None


def so_are(cards: Sequence[Card]) -> str:
    """Other listings of the model that have what a yes/no question checked: " So is the … ($1,455)."."""
    verb = "is" if len(cards) == 1 else "are"
    return f" So {verb} {join(card_text(c) for c in cards)}."


def shade_of(title: str, value: str, colour: str) -> str:
    """A colour asked of that the product's colour is a shade of: "does the merrell come in brown" of Walnut."""
    return f"Yes: {the(title)} comes in {value}, a shade of {colour}."


def check_other_listing(title: str, others: Sequence[str], found: Sequence[Fact]) -> str:
    """A yes/no question that other listings of the same model answer: "does it come in red?"."""
    f = found[0]
    where = f"another listing, {the(others[0])}, is" if len(others) == 1 else \
        f"{len(others)} other listings ({join(unique(the(o) for o in others))}) are"
    return f"Yes: {where} listed with {attribute_name(f.attribute)} {f.value}; {the(title)} is not."


def search_answer(description: str, cards: Sequence[Card], total: int, shown: int = SHOWN) -> str:
    listed = join(card_text(c) for c in cards[:shown])
    if total == 1:
        return f"I found 1 match for {description}: {listed}."
    more = f" The top {min(shown, len(cards))}: " if total > shown else ": "
    return f"I found {total} matches for {description}.{more}{listed}." if total > shown \
        else f"I found {total} matches for {description}: {listed}."


def beyond_answer(description: str, word: str, title: str, found: Sequence[tuple[Card, Sequence[str]]],
                  shown: int = SHOWN) -> str:
    """"2 of the air fryers are higher in capacity than the Instant Vortex Plus …: Philips Essential Airfryer XL
    ($160.95) (6.2L) and …": each product with its price and, unless prices are compared, the value."""
    def said(card: Card, values: Sequence[str]) -> str:  # (not a value its title says: "…, 361 sq ft, Black")
        told = [v for v in values if not says_value(card.title, v)]
        return f" ({join(told)})" if told and word not in ("cheaper", "more expensive") else ""
    listed = join(card_text(c) + said(c, values) for c, values in found[:shown])
    verb = "is" if len(found) == 1 else "are"
    return f"{len(found)} of the {description} {verb} {word} than {the(title)}: {listed}."


def other_listings_say(said: Sequence[tuple[str, Sequence[str]]]) -> str:
    """What other listings of a model say where the one answered differs, the listings of one value together: "Other
    listings of the model have 8 GB (Lenovo Yoga 7i: …; Lenovo Yoga 7i 14-inch …)." (three titles a value at most)."""
    groups: dict[str, list[str]] = {}
    for title, values in said:
        groups.setdefault(join(widest(values)), []).append(title)
    parts = [f"{value} ({'; '.join(titles[:3])}{f'; {len(titles) - 3} more' if len(titles) > 3 else ''})"
             for value, titles in groups.items()]
    lead = "Another listing of the model has" if len(said) == 1 else "Other listings of the model have"
    return f"{lead} {join(parts)}."


def model_values(title: str, attribute: str, values: Sequence[str], listings: int) -> str:
    """Every value of one attribute across a model's listings: "what colours does it come in?" ("32 Oz" and
    "32-ounce" are one)."""
    distinct = distinct_values(values)
    name = attribute_name(attribute)
    if len(distinct) == 1:
        return f"{cap(the(title))} comes in one {name}, {distinct[0]}: all {listings} listings of the model have it."
    return (f"{cap(the(title))} comes in {plural(len(distinct), name)} across {listings} listings of "
            f"the model: {join(distinct)}.")


def on_each_listing(attribute: str, listed: Sequence[Sequence[str]], verdict: bool = False) -> str:
    """ "same heel drop across all the mens listings?": one value on all of a model's listings, or which value on how
    many of them (``listed``: each listing's values); ``verdict``: led by yes or no, the question asking whether
    they are the same."""
    name = attribute_name(attribute)
    distinct: list[str] = []
    for value in (values[0] for values in listed if values):  # (one amount said in two units is one: "232g", "8.2 oz")
        if not any(_one_amount(value, d) for d in distinct):
            distinct.append(value)
    if len(distinct) == 1:
        return f"{'Yes: t' if verdict else 'T'}he {name} is {distinct[0]} on all {len(listed)} listings of the model."
    counts = [sum(1 for values in listed if values and _one_amount(values[0], d)) for d in distinct]
    each = join(d + ' on ' + plural(n, 'listing') for d, n in zip(distinct, counts)) if max(counts) > 1 else join(distinct)
    return f"{'No: t' if verdict else 'T'}he {len(listed)} listings of the model differ in {name}: {each}."


def _one_amount(a: str, b: str) -> bool:
    """Whether two values say one amount (within 1 %, in any units of one kind) or the same text."""
    na, nb = normalize_value(a), normalize_value(b)
    if na.number is None or nb.number is None:
        return distinct_values([a, b]) == [a]
    (fa, qa), (fb, qb) = base_quantity(na.number, na.unit), base_quantity(nb.number, nb.unit)
    return fa == fb and abs(qa - qb) <= 0.01 * max(abs(qa), abs(qb), 1e-9)


def values_across(attribute: str, values: Sequence[str], listed: int) -> str:
    """What the listed products say about one attribute, e.g. "Roast level: Dark (both)." ("2000 W" and "2000W" are
    one)."""
    distinct = distinct_values(values)
    if len(distinct) == 1:
        if len(values) == listed == 2:
            said = "both"
        elif len(values) == listed > 2:
            said = "all of them"
        else:
            said = f"{len(values)} of {listed}"
        return f"{cap(attribute_name(attribute))}: {distinct[0]} ({said})."
    return f"{cap(attribute_name(attribute))}: {join(distinct, 'or')}, depending on the product."


def text_answer(title: str, said: Sequence[tuple[str, str]], other: str | None = None) -> str:
    """Sentences of a product's own text (or, ``other``, of another listing of its model) that answer, quoted:
    the graph has no fact for it."""
    where = {"bullets": "a bullet point says", "description": "its description says"}
    quoted = " ".join(cap(f"{where.get(field, 'its ' + field + ' says')}: \u201c{sentence}\u201d")
                      for field, sentence in said)
    if other is None:
        return f"The catalog has no fact for that about {the(title)}, but its text does. {quoted}"
    return (f"The catalog has no fact for that about {the(title)}, but another listing of its model, "
            f"{the(other)}, says it in its text. {quoted}")


def similar_answer(text: str, cards: Sequence[Card]) -> str:
    return f"The closest products to \u201c{text}\u201d: {join(card_text(c) for c in cards)}."


def compatibility_yes(a: str, b: str, relation: str, forward: bool, *, listing: str | None = None) -> str:
    """``listing``: the other listing of ``b``'s model the link is to (the catalog links ``a`` to it, not to ``b``)."""
    phrase = RELATION_PHRASES.get(relation, relation)
    if listing is not None:
        first, second = (a, listing) if forward else (listing, a)
        return (f"Yes: the catalog lists {the(first)} as {phrase} {the(second)}, another listing of the model of "
                f"{the(b)}.")
    first, second = (a, b) if forward else (b, a)
    return f"Yes: the catalog lists {the(first)} as {phrase} {the(second)}."


def compatibility_unknown(a: str, b: str, fits: Sequence[str]) -> str:
    text = f"{DONT_KNOW} of a compatibility link between {the(a)} and {the(b)}."
    if fits:
        text += f" {cap(the(a))} is linked to {join(fits)}."
    return text


def compatibility_other_model(a: str, said: str, fits: Sequence[str]) -> str:
    """A fit asked of a model (``said``) that the catalog does not list; ``fits``: what ``a`` is listed for."""
    text = f"{DONT_KNOW} of a listing called “{said}”, so not whether {the(a)} fits one."
    return text + (f" The catalog lists it for {join(fits)}." if fits else "")


def compatibility_list(target: str, items: Sequence[str], what: str = "products", listings: int = 0) -> str:
    """What fits a product; ``listings``: how many other listings of its model some of the items fit."""
    n = len(items)
    noun = what if n != 1 else ("product" if "&" in what or " or " in what else what.removesuffix("s"))
    shown = join(items[:8]) + (f" and {n - 8} more" if n > 8 else "")
    also = "" if not listings else " or another listing of its model" if listings == 1 else \
        f" or {listings} other listings of its model"
    return f"{n} {noun} {'fits' if n == 1 else 'fit'} {the(target)}{also}: {shown}."


def included(subject: str, items: Sequence[str], *, within: bool = False) -> str:
    """What a bundle includes, or (``within``) the bundles that include a product."""
    if within:
        where = "a bundle" if len(items) == 1 else f"{len(items)} bundles"
        return f"Yes: {the(subject)} comes in {where}: {join(items)}."
    return f"{cap(the(subject))} includes {join(items)}."


def text_said(thing: str, cards: Sequence[Card]) -> str:
    """The listings whose own text says a thing ("which listings come with a carrying case")."""
    whose = "1 listing's own text says" if len(cards) == 1 else f"{len(cards)} listings' own text says"
    return f"{whose} “{thing}”: {join([card_text(c) for c in cards])}."


def bought_with(subject: str, items: Sequence[str]) -> str:
    """What shoppers buy with a product."""
    return f"Shoppers buy {the(subject)} together with {join(items)}."


def similar_to(subject: str, items: Sequence[str]) -> str:
    """What the catalog calls like a product."""
    return f"The catalog lists {join(items)} as similar to {the(subject)}."


def compatibility_of(subject: str, items: Sequence[str]) -> str:
    return f"{cap(the(subject))} fits {join(items)}."


def comparison_answer(attribute: str, a: Card, va: Sequence[str], b: Card, vb: Sequence[str],
                      winner: Card | None, word: str | None, by: str | None = None) -> str:
    """ "A is lighter (1.2 kg) than B (1.4 kg)"; ``by``: the difference, said after ("…, by $20")."""
    name = attribute_name(attribute)
    left, right = join(unique(va)), join(unique(vb))
    if winner is not None and word is not None:
        loser, wv, lv = (b, left, right) if winner is a else (a, right, left)
        # (the loser's value not again where its title says it: "… Coffee Maker by Ninja, Black (10-cup)")
        after = "" if says_value(loser.title, lv) else f" ({lv})"
        return f"{cap(the(winner.title))} is {word} ({wv}) than {the(loser.title)}{after}{f', by {by}' if by else ''}."
    if winner is None and word == "same":
        # (said in two units, both are given: "9 oz" and "255 g"; "355 pounds" and "355 lbs" are one)
        return f"Both have the same {name}: {left}." if normalize_value(left) == normalize_value(right) else \
            f"Both have the same {name}: {left} ({the(a.title)}) and {right} ({the(b.title)})."
    return f"{cap(the(a.title))} has {name} {left}; {the(b.title)} has {right}."


def each_value(attribute: str, each: Sequence[tuple[Card, Sequence[str]]], quoted: Collection[str] = ()) -> str:
    """ "what do they each weigh" of a few products: each one's values (a sentence of its text, among ``quoted``,
    as its listing says it), or that the catalog does not say."""
    name = attribute_name(attribute)
    said = [f"the listing of {the(card.title)} says \u201c{values[0]}\u201d" if values and values[0] in quoted else
            f"{the(card.title)} has {name} {join(unique(values))}" if values else
            f"the catalog does not say the {name} of {the(card.title)}" for card, values in each]
    return cap("; ".join(said)) + "."


def none_in(label: str, each: Sequence[tuple[Card, Sequence[str]]]) -> str:
    """ "galaxy s24 in white" of a model's listings (or "which are clear" of a few listed), none so: what each one
    is instead."""
    said = join(f"{the(card.title)} ({join(unique(values)) if values else 'not said'})" for card, values in each)
    return f"None of these {len(each)} is listed in {label}: {said}."


def one_side_known(attribute: str, known: Card, values: Sequence[str], unknown: Card) -> str:
    """A comparison where the catalog gives the attribute for one product only."""
    return (f"{cap(the(known.title))} has {attribute_name(attribute)} {join(unique(values))}; "
            f"the catalog does not say it for {the(unknown.title)}, so I can't compare them.")


def _by_attribute(facts: Sequence[Fact]) -> dict[str, list[str]]:
    """Fact values by attribute, in the facts' order."""
    by: dict[str, list[str]] = {}
    for f in facts:
        by.setdefault(f.attribute, []).append(f.value)
    return by


def summary_answer(card: Card, facts: Sequence[Fact], most: int = 6) -> str:
    """ "tell me about X": what it is, who makes it, its price, then its other facts (at most ``most``)."""
    by = _by_attribute(facts)
    category = by.get("category", [""])[0].rsplit(">", 1)[-1].strip().lower()
    # of a compound kind, the half the title says ("chargers & cables": a "… Wall Charger" is a charger)
    category = half_said(category, [singular(t) for t in tokens(card.title or "")])
    head, _, last = category.rpartition(" ")
    kind = f"{head} {singular(last)}".strip() if last else ""  # "air fryers" → "air fryer"
    text = cap(the(card.title))
    text += f" is {'an' if kind[:1] in 'aeiou' else 'a'} {kind}" if kind else ""
    text += f" by {join(unique(by['brand']))}" if by.get("brand") else ""
    price = format_price(card.price, card.currency)
    text += f", {price}" if price else ""
    rest = [f"{attribute_name(a)}: {join(widest(v))}" for a, v in by.items() if a not in ("brand", "category", "price")]
    return text + "." + (f" {cap('; '.join(rest[:most]))}." if rest else "")


def overview_comparison(a: Card, fa: Sequence[Fact], b: Card, fb: Sequence[Fact]) -> str:
    def summary(card: Card, facts: Sequence[Fact]) -> str:
        by = _by_attribute(facts)
        parts = [f"{attribute_name(attr)} {join(widest(values))}" for attr, values in by.items()]
        return f"{the(card.title)}: {'; '.join(parts)}"
    text = f"{cap(summary(a, fa))}. {cap(summary(b, fb))}."
    if (gap := _apart(a, b)) and any(f.attribute == "price" for f in fa):  # ("… The second costs $30.04 more.")
        text += f" {cap(the(b.title))} costs {gap.strip(' ()')}."
    return text


def count_answer(n: int, description: str) -> str:
    if n == 1:
        description = re.sub(r"\bproducts\b", "product", description, count=1)
    return f"There {'is' if n == 1 else 'are'} {n} {description}."


def brands_answer(n: int, description: str, names: Sequence[str]) -> str:
    shown = join(names[:10]) + (f" and {n - 10} more" if n > 10 else "")
    return f"{plural(n, 'brand')} offer{'s' if n == 1 else ''} {description}: {shown.rstrip('.')}."  # "… Boot Co."


def values_answer(attribute: str, description: str, values: Sequence[str]) -> str:
    name = attribute_name(attribute)
    n = len(values)
    shown = join(values[:12]) + (f" and {n - 12} more" if n > 12 else "")
    return f"{cap(description)} come in {plural(n, name)}: {shown}."


def price_said(card: Card, into: str | None = None, amount: float | None = None) -> str:
    """A product's price as listed, and converted ("€814, about $879.12") when ``into`` is another currency."""
    shown = format_price(card.price, card.currency)
    if into and amount is not None and (card.currency or DEFAULT_CURRENCY) != into:
        shown += f", about {format_price(round(amount, 2), into)}"
    return shown


def extreme_answer(kind: str, description: str, card: Card, others: Sequence[Card] = (),
                   amounts: Mapping[str, float] | None = None, into: str | None = None) -> str:
    """The cheapest or dearest; of two or three, what the others cost too ("which is cheaper" of two phones);
    ``amounts``: each product's price converted into ``into`` (exchange rates), said beside prices in other currencies."""
    word = "cheapest" if kind == "min_price" else "most expensive"
    amounts = amounts or {}
    text = f"The {word} of the {description} is {the(card.title)} at {price_said(card, into, amounts.get(card.id))}."
    if others:
        text += " " + cap("; ".join(f"{the(c.title)} costs {price_said(c, into, amounts.get(c.id))}{_apart(card, c)}"
                                    for c in others)) + "."
    return text


def _apart(card: Card, other: Card) -> str:
    """ " ($1.01 more)": how much ``other`` costs beside ``card``, both priced in one currency (else nothing)."""
    if card.price is None or other.price is None or card.currency != other.currency or card.price == other.price:
        return ""
    return f" ({format_price(round(abs(other.price - card.price), 2), card.currency)} " \
           f"{'more' if other.price > card.price else 'less'})"


# how a superlative answer says which end of an attribute a product is at
_SUPERLATIVE_SAID = {
    ("weight", "lower"): "is the lightest", ("weight", "higher"): "is the heaviest",
    ("screen size", "higher"): "has the biggest screen", ("screen size", "lower"): "has the smallest screen",
    ("coverage area", "higher"): "covers the biggest room", ("battery life", "higher"): "has the longest battery life",
    ("rear camera", "higher"): "has the best camera (the most megapixels)",
    ("shaft height", "higher"): "has the tallest shaft",
    ("roast level", "higher"): "is the darkest roast", ("roast level", "lower"): "is the lightest roast",
}


def superlative_answer(attribute: str, direction: str, card: Card, values: Sequence[str], measured: int,
                       listed: int, kind: str | None = None, tied: Sequence[Card] = ()) -> str:
    """ "Of the 7 laptops, the Yoga 7i is the lightest (1.4 kg)." and how many said nothing about it; ``kind``: the
    category's name ("Air Fryers"), else "products"; ``tied``: the others with the same amount, named beside it ("the
    A, the B and the C tie for the highest capacity")."""
    end = "highest" if direction == "higher" else "lowest"
    said = _SUPERLATIVE_SAID.get((attribute, direction)) or f"has the {end} {attribute_name(attribute)}"
    many = kind.lower() if kind else "products"
    *head, last = many.split()
    of = f"Of the {plural(listed, ' '.join([*head, singular(last)]), many)}"
    if tied:
        named = [card, *tied]
        who = join(the(c.title) for c in named) if len(named) <= SHOWN else \
            f"{len(named)}, among them {join(the(c.title) for c in named[:SHOWN])},"
        text = f"{of}, {who} tie for the {end} {attribute_name(attribute)} ({join(unique(values))})."
    else:
        text = f"{of}, {the(card.title)} {said} ({join(unique(values))})."
    if measured < listed:
        text += f" Only {measured} of them {'lists' if measured == 1 else 'list'} {attribute_name(attribute)}."
    return text


def average_answer(description: str, n: int, average: float, low: float, high: float, currency: str | None) -> str:
    return (f"The average price of {plural(n, 'priced product')} among the {description} is "
            f"{format_price(round(average, 2), currency)} (from {format_price(low, currency)} to "
            f"{format_price(high, currency)}" + (f", {format_price(round(high - low, 2), currency)} apart" if n > 1
                                                  and high > low else "") + ").")


def dont_know(closest: Sequence[Fact], titles: dict[str, str], reason: str = "") -> str:
    """"I don't know …" and the closest facts, grouped by product so each title is said once ("about it"
    when the reason has just named it)."""
    text = f"{DONT_KNOW}{reason}."
    if not closest:
        return text
    groups: dict[str, list[str]] = {}  # title -> "attribute: value", listings that share a title together
    for f in closest[:3]:
        said = f"{attribute_name(f.attribute)}: {titles.get(str(f.value), f.value)}"  # a relation's value is an id
        facts = groups.setdefault(titles.get(f.product_id, f.product_id), [])
        if said not in facts:
            facts.append(said)
    if len(groups) == 1 and next(iter(groups)) in reason:
        return text + " The closest facts I have about it: " + "; ".join(next(iter(groups.values()))) + "."
    parts = [f"about {the(title)}, " + "; ".join(facts) for title, facts in groups.items()]
    return text + " The closest facts I have: " + " — ".join(parts) + "."


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_words(text: str) -> str:
    """'Polycarbonate and TPU' → 'polycarbonate and TPU' (acronyms stay)."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in text.split(" "))


def parts_in_title(title: str, part: str, count: str) -> str:
    """ "The Sauder Beginnings 5-Shelf Bookcase has 5 shelves (its title says so)."""
    n = int(count)
    return f"The {title} has {plural(n, part, 'shelves' if part == 'shelf' else None)} (its title says so)."
