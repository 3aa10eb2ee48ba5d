"""Query understanding: intent, asked attributes, constraints, and links to graph entities.

Rules and lexicons first: price and quantity patterns, brands, categories and attribute values linked by
n-gram lookup in lexicons read from the graph (with a fuzzy fallback for misspelt brands and categories),
products linked through the store's full-text index. An attribute tagger, when given, adds value spans.
Nothing here writes Cypher: the text of the question only ever travels as query parameters.
"""

from __future__ import annotations

import copy
import difflib
import functools
import logging
import math
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from shopgraph.extraction.relations import LINE_WORDS
from shopgraph.kg.normalize import UNITS, category_keys, parse_number
from shopgraph.kg.store import cypher_read as cr
from shopgraph.kg.store.protocol import GraphStore
from shopgraph.qa.chinese import has_chinese, to_english
from shopgraph.qa.intent import SURE, SURE_INTENT, Reading

logger = logging.getLogger(__name__)


STOPWORDS = frozenset("""
a an the this that these those it its it's itself they them their theirs one ones this one that one
is are was were be been being am do does did doing done have has had having will would can could shall should
may might must i me my mine we us our you your yours he him his she her hers
what whats what's which who whom whose where when why how whats how's
of in on at by for with from to into onto about as than then so such and or but nor not no yes if
there here any some all each every other another more most less least very too also just only
show find give get tell list see look looking search want need needs buy purchase sell sells selling
available offer offers carry stock please thanks thank hi hello hey ok okay
product products item items thing things something anything stuff kind kinds type types sort im ive
under below over above between around about up down less more much many cheap cheaper
come comes came coming go goes going got use used using like actually really know tell
instead rather tho though either r u ur w pls plz thx now specifically particularly preferably ideally definitely else
old getting broke broken died
""".split())

PRONOUNS = frozenset({"it", "its", "this", "that", "these", "those", "they", "them", "their", "one"})

# how a shopper asks about assembly ("put it together", "flat pack", "does it arrive built")
PUT_TOGETHER = (r"\bput(?:ting|s)? (?:it |them |this |that )?together\b|\bgo(?:es)? together\b|\bflat[ -]?pack(?:ed)?\b|"
                r"\b(?:arrives?|comes?|ships?) (?:already |fully )?(?:built|in pieces)\b")

# question words that name an attribute → canonical attribute names to look for, best first.
# "price", "brand" and "category" are answered from the product node and its brand/category edges.
ATTRIBUTE_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), attrs)
    for pattern, attrs in (
        (r"\bweight (?:limit|capacity)\b|\bholds? (?:more |the most |less )?weight\b|\bhow much weight\b|\bmax(?:imum)? (?:load|weight)\b|"
         r"\b(?:holds?|supports?|takes?|carry|carries) (?:up to )?how many (?:pounds|lbs?|kilos|kg)\b|"
         r"\bhow many (?:pounds|lbs?|kilos|kg) (?:can it|does it|will it|can they|do they) (?:hold|support|take|carry)\b|"
         r"\b(?:heav(?:y|ier|iest)|big(?:ger|gest)?|larger?|tall(?:er)?) (?:people|ppl|persons?|users?|guys|folks|sitters?)\b",
         ("maximum weight capacity", "weight capacity")),
        (r"\bweigh(?:s|t|ing)?\b|\bheav(?:y|ier|iest)\b|\blight(?:er|est)\b", ("weight", "item weight", "net weight")),
        (r"\bcameras?\b|\bmegapixels?\b|\bmp\b", ("rear camera", "camera")),
        (r"\b(?:(?:screens?|displays?) )?(?:hz|hertz)\b", ("refresh rate",)),  # "what hz is the display", "这款屏幕是多少Hz的"
        # a screen's resolution, which no demo listing gives as a fact (not its size: "screen resolution")
        (r"\bresolution\b|\bhow sharp\b|\bhow many pixels\b", ("resolution",)),
        # ("how big a room does it cover": its coverage area, said in more words than a size's "how big")
        (r"\bhow (?:big|large) (?:a |of a )?room\b|\bwhat size (?:of )?room\b|\brooms?\b|\bsq\.? ?ft\b|\bsquare (?:feet|foot|metres|meters)\b|\bcover(?:s|age)?\b", ("coverage area",)),
        (r"\bshafts?\b|\bup the (?:leg|calf|ankle)\b", ("shaft height",)),
        # "how high a drop can it survive": a case's drop protection, not a height
        (r"\bhow (?:high|far|big|large|long) (?:a |of a )?(?:drop|fall)\b|\bsurvives?\b.*\b(?:drops?|falls?)\b|"
         r"\b(?:drops?|falls?)\b.*\bsurvives?\b|\bprotects?\b.*\bdrops?\b|"
         r"\bhow (?:tough|protective)\b(?=.*\b(?:feet|ft|drops?)\b)", ("drop protection",)),  # ("how tough is it, in feet")
        (r"\bdrop\b", ("heel drop", "drop protection")),  # "whats the drop on those": a shoe's, or a case's
        (r"\boffset\b", ("heel drop",)),  # a running shoe's heel-to-toe offset
        # "how tall is the heel": a heel's height, which no listing gives (not the boot's shaft)
        (r"\bheel heights?\b|\bhow (?:tall|high) (?:is|are) (?:the |its |their )?heels?\b|\bheels? (?:height|tall|high)\b",
         ("heel height",)),
        (r"\bhow (?:tall|high)\b(?! (?:a |of a )?(?:drop|fall)\b)(?! (?:is|are) (?:the |its |their )?heels?\b)|"
         r"(?<!heel )\bheights?\b",
         ("height", "maximum height", "height range", "shaft height")),
        (r"\b(?:water )?(?:tank|reservoir)(?: size| capacity)?\b", ("water tank capacity", "capacity")),
        (r"\broast(?:ed)?\b", ("roast level",)),
        (r"\bpressure\b|\bhow many bars?\b", ("pressure",)),  # "how much pressure does the dedica pump at": "15 bar"
        # "how long does it take to put together", "is this flat pack or does it arrive built": what its text says of
        # assembly ("Easy assembly in about 20 minutes", "Ships fully assembled")
        # ("office chair that arrives fully assembled" searches the words)
        (rf"\bassembl(?:y|e|ing)\b|{PUT_TOGETHER}", ("assembly",)),
        # "do i need a grinder for that one": whole bean or ground
        (r"\b(?:need|use|require)s? (?:a |my |an? (?:coffee )?)?grinder\b|\bgrind (?:it|them|the beans)\b|"
         r"\b(?:pre-?ground|already ground)\b", ("form",)),
        (r"\bcomes? from\b|\borigin\b|\bwhere\b(?= .*\bfrom\b)|\bgrown\b|\bcountry\b", ("origin",)),
        # a bag's weight, before the pack size of "in the bag" ("how many oz in the bag"; "how many cups in the box" of
        # K-Cups is the pack size, below)
        (r"\bhow many (?:ounces|oz|grams)\b(?=.*\b(?:bag|pack|box|package|tin|can)\b)", ("net weight", "capacity")),
        (r"\b(?:per|in a|in the|in that|in this|inside a|inside the|each) (?:pack|box|bag|package|case)\b|\bpack size\b|"
         r"\bhow many (?:filters|pods|cartridges|pieces)\b|\bhow many (?:bags|packs|boxes|tins)\b(?! of\b)|"
         r"\bmulti-?packs?\b|"
         r"\bpacks? of (?:several|multiple|many|more than one)\b",
         ("pack size",)),
        # (a bag: its weight; "how many ounces do the airpods max weigh": a weight, above)
        (r"\bhow many (?:cups|ounces|oz|liters|litres|quarts)\b(?!.*\bweigh)", ("capacity", "net weight")),
        (r"\b(?:kind|type|sort) of filter\b|\b(?:filter )?media\b|\bfilters? (?:with|using)\b",
         ("filter type",)),  # "what filter media", "what do they filter with": its kind
        # "how much does it hold": what it holds, not its price
        (r"\bhow much (?!weight\b)(?:\w+ )?(?:does|do|can|will) (?:[\w-]+ ){1,4}hold\b|"
         r"\bhow many (?:cups?|oz|ounces?|litres?|liters?|ml) (?:more |less )?(?:does|do|can|will) (?:[\w-]+ ){0,4}hold\b",
         ("capacity",)),
        # a filter's life: how long it lasts, how often it is replaced (not a battery's)
        (r"\bhow long\b.*\b(?:filters?|cartridges?)\b.*\blasts?\b|\bhow (?:often|frequently)\b.*\b(?:replace|change|swap)"
         r"(?:d|ped)?\b|\bhow long (?:is|are|will|would|does|do) (?:it|they|each(?: one)?|one|that|this|the filter|a filter)"
         r"\b.*\bgood for\b|"
         r"\bfilter life\b|\blifespan\b|\bwhen (?:do|should|will) i (?:replace|change|swap|need (?:a new one|to replace|to change)|"
         r"get a new one)\b", ("filter life", "lifespan")),
        # what a filter holds ("what's inside that one" of a cartridge: its filter media)
        (r"^what(?:'s| is|s) inside (?:it|that|this|that one|this one|the filter|the cartridge)$", ("filter type", "filter media",
                                                                                                 "material")),
        (r"\bhow long\b(?!.*\b(?:filters?|cartridges?)\b).*\b(?:last|run|play)\b|\bbattery life\b|"
         r"\bhow long (?:will|does|can|would) (?:the |its |it'?s )?battery (?:go|keep going|hold up)\b|"
         r"\bhow many hours\b.*\b(?:between|per|on (?:a|one)(?: single)?) charges?\b|\b(?:hours|hrs) of (?:playback|play|"
         r"playtime|listening|use|battery)\b|\bplay ?time\b|\bplayback\b", ("battery life",)),
        (r"\bmade (?:of|from|out of|out off)\b|\bmaterials?\b|\bfabrics?\b|\bwhat is (?:it|this|that) made\b", ("material", "materials", "fabric", "outer material")),
        (r"\bcolou?rs?\b|\bshades?\b", ("color", "colour")),
        (r"\bscreen\b|\bdisplay\b", ("screen size", "display size", "screen")),
        (r"\bstorage\b|\bcapacity\b|\bmemory\b|\bgb\b|\bgigabytes?\b", ("storage", "storage capacity", "capacity", "memory")),
        (r"\bbattery (?:size|capacity)\b|\bsize of (?:the |its )?battery\b", ("battery capacity", "battery")),  # not a screen's
        (r"\bbattery\b|\bmah\b", ("battery", "battery capacity", "battery life")),
        (r"\bpower\b(?! cords?\b| cables?\b)|\bwatts?\b|\bwattage\b|\boutput\b|\bhow many w\b",
         ("wattage", "power", "output power")),  # (the graph's name first)
        (r"\b(?:power )?(?:cord|cable)s? length\b|\bhow long is (?:the|its|the power) (?:cord|cable)\b|\bpower cords?\b",
         ("cable length", "cord length")),
        # "how long is it" of a cable: its length (not how long a battery lasts or a warranty runs)
        (r"\bhow long (?:is|are)\b(?!.*\b(?:battery|warrant(?:y|ies)|guarantee|last|lasts|run|runs|play|take|takes|good for)\b)|"
         r"\blength\b", ("length", "cable length", "cord length")),
        (r"\bhow wide\b|\bwidth\b", ("width",)),
        (r"\btastes?\b|\bflavou?rs?\b|\btasting (?:notes?|profile)\b|\b(?:what|which|any) notes\b|^notes(?: on\b|$)|"
         r"\bnotes (?:of|does it have|do they have)\b", ("flavor", "flavour", "tasting notes")),
        (r"\bconnectors?\b|\bports?\b|\bplugs?\b|\busb\b", ("connector", "connectivity", "port")),
        (r"\bgender\b|\bunisex\b|\bmen'?s\b|\bwomen'?s\b", ("gender", "target gender")),
        # "how big is the bag": what a bag, pack or tin holds
        (r"\b(?:how (?:big|large) (?:is|are) (?:the|a|that|this|these|those) |(?:size of (?:the|a) ))"
         r"(?:bag|pack|package|tin|can)s?\b|"
         r"\bbag size\b|\bhow much coffee\b|\bwhat size (?:of )?(?:bag|pack|package|tin|can|box)s?\b",
         ("net weight", "weight", "capacity", "size")),
        # "how big is the jar on that one": what a jar, carafe or basket holds
        (r"\b(?:how (?:big|large) (?:is|are) (?:the|its|a|that|this) |(?:size of (?:the|its|a) ))"
         r"(?:jar|jug|pitcher|carafe|basket|bowl|container|cup)s?\b|"
         r"\bwhat size (?:is|are) (?:the|its|that|this) (?:[\w-]+ ){0,3}(?:jar|jug|carafe|basket|bowl|container)s?\b|"
         # "what's that jug in litres", "how many oz is the jar": what it holds, in a unit of volume
         r"\b(?:jar|jug|carafe|basket|container)s?\b.*\b(?:in |how many )(?:litres?|liters?|l|ml|oz|ounces|fl oz|cups?)\b|"
         r"\bhow many (?:litres?|liters?|ml|oz|ounces|fl oz|cups?) (?:is|are|does|do) (?:the|its|that|this) (?:jar|jug|carafe|"
         r"basket|container)s?\b",
         ("capacity",)),
        (r"\b(?:how (?:big|large) is (?:the |its |that )?)?ssd(?: size| capacity)?\b|\bhard drive\b|\bdisk space\b", ("storage", "storage capacity")),  # "ssd size?"
        (r"\bsizes?\b|\bhow big\b|\bdimensions?\b|\bhow large\b", ("size", "dimensions", "screen size", "capacity")),
        (r"\bfeatures?\b", ("feature", "features")),
        # "is it waterproof": a boot's water resistance, else a feature that says it
        (r"\bwaterproof\b|\bwater[- ]resistan(?:t|ce)\b|\bkeeps? (?:my |your |the |his |her )?(?:feet|toes|socks) dry\b",
         ("water resistance", "feature", "features")),
        (r"\bwarrant(?:y|ies)\b|\bguarantee\b", ("warranty",)),
        (r"\bcpus?\b|\bprocessors?\b|\bchips?\b", ("processor", "cpu", "chip")),
        # "how loud is it": a noise level (no "quiet": "quiet headphones" are noise cancelling ones)
        (r"\bhow (?:loud|noisy)\b|\bdecibels?\b|\bdba?\b|\bnoise level\b", ("noise level",)),
        (r"\b(?:max(?:imum)? |highest |top |min(?:imum)? |lowest )?temp(?:erature)?s?\b|\bhow hot\b", ("temperature",)),
        (r"\bbrands?\b|\bwho makes\b|\bmade by\b|\bmanufactur(?:er|ed)\b|\bmakers?\b", ("brand",)),
        (r"\bcategory\b|\bwhat kind of product\b|\bdepartment\b", ("category",)),
        (r"\bpric(?:es?|ed)\b|\bcosts?\b|\bhow much (?:is|are|does|do|for (?:it|this|that|them|those|these)\b)(?!.*\bweigh)|\bexpensive\b|\bcheap(?:er|est)?\b|\bpric(?:ey|ier|iest)\b|"
         r"\b(?:less|more) money\b|^(?:and |so |ok,? )?how much(?: (?:then|now|for (?:it|that|this|them)))?[?.!]*$|"
         r"\bhow much[?.!]*$|"  # "starbucks french roast 12oz how much": a name, then the price asked
         r"\b(?:go|goes|going|sell|sells|selling) for[?.!]*$|"  # "what do they go for", "whats the anker cable going for"
         r"^(?:and |so |ok,? )?what (?:do|does) (?:it|they|those|these|that|this)(?: one| ones| pair)? run\b(?! on)",
         ("price",)),  # ("what do those run": what they cost; "what does it run on" asks its system)
    )
)

# comparative words → (attribute cue, which side wins: "lower" or "higher")
COMPARATIVES: dict[str, tuple[str, str]] = {
    "lighter": ("weight", "lower"), "heavier": ("weight", "higher"),
    "cheaper": ("price", "lower"), "less expensive": ("price", "lower"), "more affordable": ("price", "lower"),
    "less money": ("price", "lower"), "more money": ("price", "higher"),
    "more expensive": ("price", "higher"), "pricier": ("price", "higher"), "dearer": ("price", "higher"),
    "bigger": ("size", "higher"), "larger": ("size", "higher"), "smaller": ("size", "lower"),
    "more storage": ("storage", "higher"), "less storage": ("storage", "lower"),
    "more ram": ("ram", "higher"), "less ram": ("ram", "lower"), "more memory": ("ram", "higher"),
    "bigger battery": ("battery", "higher"), "longer battery": ("battery life", "higher"),
    "better battery": ("battery", "higher"), "more battery": ("battery", "higher"),
    "lasts longer": ("battery life", "higher"), "last longer": ("battery life", "higher"),
    "longer on a charge": ("battery life", "higher"), "longer on one charge": ("battery life", "higher"),
    "longer on a single charge": ("battery life", "higher"), "goes longer": ("battery life", "higher"),
    "runs longer": ("battery life", "higher"), "run longer": ("battery life", "higher"),
    "weigh more": ("weight", "higher"), "weighs more": ("weight", "higher"), "weigh less": ("weight", "lower"),
    "weighs less": ("weight", "lower"), "more compact": ("size", "lower"),
    "cost less": ("price", "lower"), "costs less": ("price", "lower"), "cost more": ("price", "higher"),
    "costs more": ("price", "higher"), "lower heel drop": ("heel drop", "lower"), "higher heel drop": ("heel drop", "higher"),
    "take more weight": ("maximum weight capacity", "higher"), "heavier people": ("maximum weight capacity", "higher"),
    "heavier person": ("maximum weight capacity", "higher"), "heavier users": ("maximum weight capacity", "higher"),
    "bigger people": ("maximum weight capacity", "higher"), "heavier ppl": ("maximum weight capacity", "higher"),
    "clean a larger room": ("coverage area", "higher"), "clean a bigger room": ("coverage area", "higher"),
    "protects better": ("drop protection", "higher"), "protect better": ("drop protection", "higher"),
    "protect more": ("drop protection", "higher"), "protects more": ("drop protection", "higher"),
    "bigger drop": ("drop protection", "higher"), "higher drop": ("drop protection", "higher"),
    "longer drop": ("drop protection", "higher"), "bigger fall": ("drop protection", "higher"),
    "bigger room": ("coverage area", "higher"), "larger room": ("coverage area", "higher"),
    "holds more": ("capacity", "higher"), "hold more": ("capacity", "higher"),
    "covers more": ("coverage area", "higher"), "cover more": ("coverage area", "higher"),
    "covers less": ("coverage area", "lower"), "holds less": ("capacity", "lower"),
    "makes more": ("capacity", "higher"), "make more": ("capacity", "higher"), "brews more": ("capacity", "higher"),
    "more weight": ("maximum weight capacity", "higher"), "taller shaft": ("shaft height", "higher"),
    "higher shaft": ("shaft height", "higher"), "better camera": ("rear camera", "higher"),
    "more powerful": ("power", "higher"), "bigger screen": ("screen size", "higher"),
    "larger screen": ("screen size", "higher"), "smaller screen": ("screen size", "lower"),
    "better drop protection": ("drop protection", "higher"), "more drop protection": ("drop protection", "higher"),
    "more protective": ("drop protection", "higher"), "more protection": ("drop protection", "higher"),
    "darker": ("roast level", "higher"), "darker roast": ("roast level", "higher"),
    "lighter roast": ("roast level", "lower"),
    "wider": ("width", "higher"), "narrower": ("width", "lower"), "faster": ("wattage", "higher"),
    "stronger": ("wattage", "higher"), "weaker": ("wattage", "lower"),  # "something stronger" than a blender
    "puts out more": ("wattage", "higher"), "puts out less": ("wattage", "lower"),  # a charger's output
    "tougher": ("drop protection", "higher"),  # a case's
    "fewer watts": ("wattage", "lower"), "less power": ("wattage", "lower"), "more watts": ("wattage", "higher"),
    "higher up the leg": ("shaft height", "higher"), "taller": ("height", "higher"),
    "shorter": ("length", "lower"), "longer cable": ("length", "higher"),  # a cable's ("longer" alone: battery)
    "refreshes faster": ("refresh rate", "higher"), "refresh faster": ("refresh rate", "higher"),
    "faster refresh rate": ("refresh rate", "higher"), "higher refresh rate": ("refresh rate", "higher"),
    "easier on the wallet": ("price", "lower"), "easier on my wallet": ("price", "lower"),
    "lighter on the wallet": ("price", "lower"), "kinder to the wallet": ("price", "lower"),
}

_BARE_MORE = {"more": "more expensive", "less": "cheaper"}  # "is <a> more than <b>": of price
# a colour said and the shades titles write for it ("purple": the "Cobalt Violet" listing)
COLOUR_FAMILIES: dict[str, frozenset[str]] = {
    "purple": frozenset({"violet", "lavender", "lilac", "plum", "mauve", "amethyst"}),
    "grey": frozenset({"gray", "graphite", "charcoal", "slate", "gunmetal"}),
    "gray": frozenset({"grey", "graphite", "charcoal", "slate", "gunmetal"}),
    "blue": frozenset({"navy", "cobalt", "azure", "teal", "denim"}),
    "green": frozenset({"sage", "olive", "mint", "emerald", "forest"}),
    "pink": frozenset({"rose", "blush", "coral"}),
    "brown": frozenset({"tan", "chocolate", "walnut", "cordovan", "wheat", "amber"}),
    "white": frozenset({"ivory", "cream", "starlight"}),
}


def is_shade(value: str, colour: str) -> bool:
    """Whether a colour value is a shade of a colour said, by its last word ("Walnut" of brown; not "Slate Blue" of
    grey, nor "Cobalt Violet" of blue)."""
    words = tokens(value)
    return bool(words) and words[-1] in COLOUR_FAMILIES.get(colour.casefold(), frozenset())


# a comparative's measure that another attribute said beside it narrows: "battery bigger", "shaft taller"
_MEASURES_OF_ANY_KIND = frozenset({"size", "height"})

# superlative words → (attribute cue, which end wins): "which of them is the lightest?", "phone with the best
# camera"; prices have their own aggregates (cheapest, most expensive)
SUPERLATIVES: dict[str, tuple[str, str]] = {
    "lightest": ("weight", "lower"), "heaviest": ("weight", "higher"),
    # "want something light under $900", "a light laptop": the lightest first (not "light blue", "light roast")
    "something light": ("weight", "lower"), "light laptop": ("weight", "lower"),
    "light laptops": ("weight", "lower"), "not too heavy": ("weight", "lower"),
    "biggest screen": ("screen size", "higher"), "largest screen": ("screen size", "higher"),
    "smallest screen": ("screen size", "lower"), "best screen": ("screen size", "higher"),
    "biggest display": ("screen size", "higher"), "largest display": ("screen size", "higher"),
    "best display": ("screen size", "higher"),
    "biggest room": ("coverage area", "higher"), "largest room": ("coverage area", "higher"),
    "covers the most": ("coverage area", "higher"),
    # "the best air purifier for a big room": the ones that cover the most first
    "for a big room": ("coverage area", "higher"), "for a large room": ("coverage area", "higher"),
    "for big rooms": ("coverage area", "higher"), "for large rooms": ("coverage area", "higher"),
    "biggest battery": ("battery", "higher"), "largest battery": ("battery", "higher"),
    "with a big battery": ("battery", "higher"), "with a large battery": ("battery", "higher"),
    "with a huge battery": ("battery", "higher"),  # (not "does it have a big battery": a yes or no of it)
    "longest battery": ("battery life", "higher"), "long battery": ("battery life", "higher"),
    "best battery": ("battery life", "higher"), "last the longest": ("battery life", "higher"),
    "lasts all day": ("battery life", "higher"), "last all day": ("battery life", "higher"),  # (the longest first)
    "all day battery": ("battery life", "higher"), "all-day battery": ("battery life", "higher"),
    "lasts the longest": ("battery life", "higher"), "longest lasting": ("battery life", "higher"),
    "last longest": ("battery life", "higher"), "lasts longest": ("battery life", "higher"),
    "best camera": ("rear camera", "higher"), "most megapixels": ("rear camera", "higher"),
    "most storage": ("storage", "higher"), "most ram": ("ram", "higher"), "most memory": ("ram", "higher"),
    "most powerful": ("wattage", "higher"), "most watts": ("wattage", "higher"),
    "biggest capacity": ("capacity", "higher"), "largest capacity": ("capacity", "higher"),
    "biggest bag": ("net weight", "higher"), "largest bag": ("net weight", "higher"),
    "smallest bag": ("net weight", "lower"), "holds the most": ("capacity", "higher"), "hold the most": ("capacity", "higher"),
    "holds the least": ("capacity", "lower"), "holds the most weight": ("maximum weight capacity", "higher"),
    # "which coffee maker makes the most cups" (not "the most noise")
    "makes the most cups": ("capacity", "higher"), "make the most cups": ("capacity", "higher"),
    "makes the most coffee": ("capacity", "higher"), "make the most coffee": ("capacity", "higher"),
    "hold the most weight": ("maximum weight capacity", "higher"),
    "tallest shaft": ("shaft height", "higher"), "most weight": ("maximum weight capacity", "higher"),
    "most drop protection": ("drop protection", "higher"), "best drop protection": ("drop protection", "higher"),
    "protects best": ("drop protection", "higher"), "protect best": ("drop protection", "higher"), "most protective": ("drop protection", "higher"),
    "best protection": ("drop protection", "higher"), "most protection": ("drop protection", "higher"),
    "best drop rating": ("drop protection", "higher"), "highest drop rating": ("drop protection", "higher"),
    "widest": ("width", "higher"), "narrowest": ("width", "lower"), "tallest": ("height", "higher"),
    # "which standing desk goes highest": its height (raised), not a capacity's "highest"
    "goes highest": ("height", "higher"), "goes the highest": ("height", "higher"), "goes lowest": ("height", "lower"),
    "goes the lowest": ("height", "lower"), "goes up highest": ("height", "higher"),
    "fastest refresh rate": ("refresh rate", "higher"), "highest refresh rate": ("refresh rate", "higher"),
    "least power": ("wattage", "lower"), "lowest wattage": ("wattage", "lower"), "fewest watts": ("wattage", "lower"),
    "least watts": ("wattage", "lower"), "most energy efficient": ("wattage", "lower"),
    "fastest": ("wattage", "higher"),  # "the fastest charger", "which charges fastest"
    "darkest": ("roast level", "higher"), "darkest roast": ("roast level", "higher"),
    "lightest roast": ("roast level", "lower"),
    # "the biggest air fryer": its size, what the kind measures it by (capacity, screen size)
    "biggest": ("size", "higher"), "largest": ("size", "higher"), "smallest": ("size", "lower"),
}

CURRENCY = r"(?:\$|usd\s*|us\$|€|eur\s*|£|gbp\s*)"
DEFAULT_CURRENCY = "USD"  # a price without a symbol ("under 200") is in the shopper's default currency
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}  # also how answers write prices (qa.retrieve)
_CURRENCY_WORDS = ((re.compile(r"£|\bgbp\b|\bpounds?\b|\bquid\b|\bsterling\b"), "GBP"), (re.compile(r"€|\beur\b|\beuros?\b"), "EUR"))


def currency_of(text: str) -> str:
    """The currency a price phrase is written in ("under £50" → GBP); DEFAULT_CURRENCY without a sign."""
    for pattern, code in _CURRENCY_WORDS:
        if pattern.search(text):
            return code
    return DEFAULT_CURRENCY
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![\d.,]\d)(?!\d)"  # "1,299.50", "1,5", "80"
_MONEY_AFTER = r"(?:\s*(?:dollars?|bucks|usd|euros?|eur|pounds? sterling|gbp))"
_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS if re.match(r"^[\w ]+$", u)), key=len, reverse=True))

_PRICE_MAX = re.compile(
    rf"\b(?:under|below|less th[ae]n|lower than|cheaper th[ae]n|at most|up to|no more than|"
    rf"(?:nothing|not|none) (?:over|above|more than)|(?:my |a |max |the )?budget(?: is| of| under| below| less than| max)*:?|"
    rf"max(?:imum)?(?: of)?|within|<=?|(?:(?:my |the |a )?budget )?(?:tops|maxes|caps) out at|(?:capped|maxed) at)"
    rf"\s*{CURRENCY}?{_NUM}(?!\s*(?:{_UNIT_ALT})\b)(?:{_MONEY_AFTER})?|"  # ("budget tops out at 1500 usd")
    # "140 dollars max", "$1000 max", "200 bucks or less": the bound after a price that says its money
    rf"(?:{CURRENCY}{_NUM}|\b{_NUM}{_MONEY_AFTER})\s*(?:max(?:imum)?|tops|at most|or less|or under|or below|or cheaper)\b"
)
_PRICE_MIN = re.compile(
    rf"\b(?:over|above|more than|at least|min(?:imum)?|from|starting at|>=?)\s*{CURRENCY}{_NUM}|"
    rf"\b(?:over|above|more than|at least|min(?:imum)?)\s*{_NUM}(?!\s*(?:{_UNIT_ALT})\b){_MONEY_AFTER}?(?![\w.])"
)
_PRICE_RANGE = re.compile(
    rf"\bbetween\s*{CURRENCY}?{_NUM}\s*(?:and|-|to)\s*{CURRENCY}?{_NUM}(?!\s*(?:{_UNIT_ALT})\b){_MONEY_AFTER}?|"
    rf"{CURRENCY}{_NUM}\s*(?:-|to)\s*{CURRENCY}?{_NUM}|"
    rf"\b{_NUM}\s*(?:-|to)\s*{_NUM}{_MONEY_AFTER}\b"  # "170-180 bucks", "170 to 180 dollars"
)
_PRICE_AROUND = re.compile(
    rf"\b(?:around|about|roughly|approximately|maybe|like|~)\s*{CURRENCY}{_NUM}|"
    rf"\b(?:around|about|roughly|approximately|maybe|like)\s*{_NUM}(?!\s*(?:{_UNIT_ALT})\b){_MONEY_AFTER}")
# "a gift for my dad who likes coffee, around 50": a bare amount ending the clause is a price where the question speaks
# of gifts or money (not "heel drop around 8", "size around 10")
_PRICE_AROUND_BARE = re.compile(rf"(?:\b(?:around|roughly|approximately)|\b(?:for|costing|spend|spending) about)\s*{_NUM}"
                                r"(?=\s*(?:$|,|or so\b))")
_MONEY_VERBS = frozenset({"spend", "spending", "pay", "paying", "afford", "willing", "budget"})
_MONEY_TALK = re.compile(r"\b(?:gifts?|presents?|spend|spending|budget|afford|costing|price|cost)\b")
# what makes a number a price: a currency, a money word or a price word ("is the size under 15?" is not)
_SAYS_PRICE = re.compile(rf"{CURRENCY}\s*\d|\d{_MONEY_AFTER}\b|\b(?:prices?d?|costs?|cheap\w*|expensive|pay|spend|budget)\b")


_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                             "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_NUMBER_WORDS |= {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
# "fifty dollars", "a hundred bucks", "two grand": an amount of money spelt out
_SPELT_MONEY = re.compile(rf"\b(?P<n>(?:(?:a|{'|'.join(_NUMBER_WORDS)}|hundred|thousand)(?:[ -]|\s+and\s+)?)+?)\s*"
                          r"(?P<m>dollars?|bucks|euros?|pounds?|grand)\b")


def _spelt_money(m: re.Match[str]) -> str:
    """ "fifty dollars" → "50 dollars", "two grand" → "2000 dollars"; as said when its words make no number."""
    total = current = 0
    words = m.group("n").replace("-", " ").split()
    for word in words:
        if word in _NUMBER_WORDS:
            current += _NUMBER_WORDS[word]
        elif word == "a":
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
    amount = total + current
    if not amount or words == ["a"]:
        return m.group(0)
    if m.group("m") == "grand":
        return f"{amount * 1000} dollars"
    return f"{amount} {m.group('m')}"


def _take_prices(text: str, cons: Constraints, money_talk: bool = False) -> str:
    """The text without its price phrases, whose bounds and currency go into ``cons`` ("under $150", "between 50
    and 80 euros", "around $30": ±20 %; "fifty dollars" as 50; a bare "around 50" where ``money_talk``: the question
    speaks of gifts or money)."""
    said: list[str] = []  # the price phrases, for their currency
    text = _SPELT_MONEY.sub(_spelt_money, text)
    m = _price(_PRICE_RANGE, text)
    if m:
        nums = [parse_number(g) for g in m.groups() if g]
        cons.price_min, cons.price_max = min(nums), max(nums)
        said.append(m.group(0))
        text = text[:m.start()] + " " + text[m.end():]
    m = _price(_PRICE_AROUND, text) or (_price(_PRICE_AROUND_BARE, text) if money_talk else None)
    budget = re.search(r"\b(?:my |a |the )?budget(?: is| of)?\s*$", text[:m.start()]) if m else None
    if m and budget:
        # "budget is like 100 bucks", "my budget is approximately 100 dollars": at most that
        cons.price_max = parse_number(next(g for g in m.groups() if g))
        said.append(m.group(0))
        text = text[:budget.start()] + " " + text[m.end():]
        m = None
    if m:
        n = parse_number(next(g for g in m.groups() if g))
        cons.price_min, cons.price_max = round(n * 0.8, 2), round(n * 1.2, 2)
        said.append(m.group(0))
        text = text[:m.start()] + " " + text[m.end():]
    m = _price(_PRICE_MAX, text)
    if m:
        cons.price_max = parse_number(next(g for g in m.groups() if g))
        said.append(m.group(0))
        text = text[:m.start()] + " " + text[m.end():]
    m = _price(_PRICE_MIN, text)
    if m:
        cons.price_min = parse_number(next(g for g in m.groups() if g))
        said.append(m.group(0))
        text = text[:m.start()] + " " + text[m.end():]
    if said:  # prices in different currencies are never compared as one (no exchange rates)
        cons.currency = currency_of(" ".join(said))
    has = _HAS_A_PRICE.search(text)
    if has is not None and cons.price_min is None and cons.price_max is None:
        cons.price_min = 0.0  # "hoka in a mens 11 that actually has a price": a price, of any amount
        text = text[:has.start()] + " " + text[has.end():]
    return text


# "… that actually has a price", "only ones with a price on them": a price, whatever it is
_HAS_A_PRICE = re.compile(r"\b(?:(?:that|which) (?:actually |really )?(?:has|have|got)|with) (?:a |an actual )?"
                          r"(?:price|price tag|listed price)(?: on (?:it|them))?\b")


def _price(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """A price phrase, unless its bare number counts things ("over 500 lights", "more than 20 carbs")."""
    for m in pattern.finditer(text):
        after = text[m.end():].split(maxsplit=1)
        counted = after and after[0].isalpha() and after[0] not in STOPWORDS and not _SAYS_PRICE.search(m.group(0))
        held = _HOLDS_BEFORE.search(text[:m.start()]) and not _SAYS_PRICE.search(m.group(0))  # "hold at least 300"
        if not counted and not held:
            return m
    return None


# what a bare number after it weighs; "support" as a verb only ("can support 300", not "lumbar support under 300")
_HOLDS_BEFORE = re.compile(r"\b(?:holds?|supports|(?:(?:can|to|will|would|could|must|should|that|which|it)\s+)support|"
                           r"carr(?:y|ies)|takes?)\s*$")


_QUANTITY = re.compile(
    rf"(?:(?P<cmp>under|below|less than|lighter than|smaller than|narrower than|shorter than|thinner than|at most|"
    rf"up to|no more than|over|above|more than|at least|heavier than|bigger than|larger than|wider than|taller than|"
    rf"longer than|thicker than|min(?:imum)?|max(?:imum)?)\s*)?"
    rf"(?<![\w.$€£]){_NUM}\s*-?\s*(?P<unit>{_UNIT_ALT})\b"
)
_HOLDS = re.compile(r"\b(?:holds?|supports?|carry|carries|handles?|takes?)\s*$")
_SPELT_ALIKE = {"grey": "gray", "gray": "grey"}  # a value's word spelt either way
_MEASURE_WORDS = frozenset("long wide tall high deep heavy light lightweight big large thick hold support carry take weigh "
                           "last lasting run "
                           "length width height depth "
                           "jar carafe basket tank reservoir".split())  # ("a jar over 64 oz": what holds it, measured)
_LOWER_CMP = {"under", "below", "less than", "lighter than", "smaller than", "narrower than", "shorter than", "thinner than",
              "at most", "up to", "no more than", "max", "maximum"}

# unit families for numeric comparison: unit → (family, factor to the family's base unit)
UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "g": ("mass", 1.0), "kg": ("mass", 1000.0), "lb": ("mass", 453.592), "oz": ("mass", 28.3495),
    "mm": ("length", 1.0), "cm": ("length", 10.0), "m": ("length", 1000.0), "in": ("length", 25.4),
    "ft": ("length", 304.8), "sq ft": ("area", 1.0), "m2": ("area", 10.7639),
    "kb": ("data", 0.001), "mb": ("data", 1.0), "gb": ("data", 1000.0), "tb": ("data", 1_000_000.0),
    "ml": ("volume", 1.0), "l": ("volume", 1000.0), "fl oz": ("volume", 29.5735),
    "w": ("power", 1.0), "kw": ("power", 1000.0),
    "hz": ("freq", 1.0), "khz": ("freq", 1e3), "mhz": ("freq", 1e6), "ghz": ("freq", 1e9),
}


def base_quantity(number: float, unit: str | None) -> tuple[str, float]:
    """(family, amount in the family's base unit); unknown units are their own family."""
    if unit is None:
        return ("", number)
    family, factor = UNIT_FACTORS.get(unit, (unit, 1.0))
    return family, number * factor


def amounts_said(text: str) -> list[tuple[str, float, str]]:
    """The amounts a text states, each as (family, amount in the family's base unit, as written in lower case): "Up to
    10-hour of battery life" → [("h", 10.0, "10-hour")]."""
    return [(*base_quantity(parse_number(m.group(1)), unit), m.group(0)) for m in AMOUNT_IN_TEXT.finditer(text.casefold())
            if (unit := UNITS.get(m.group(2).lower())) is not None]


def is_measure(label: str, *, bound: bool = False) -> bool:
    """Whether a value a search said is an amount or (``bound``: only) a bound on one ("14 inch"; "at least 10 h",
    "under 1.4 kg")."""
    m = _QUANTITY.fullmatch(label.casefold())
    return m is not None and UNITS.get(m.group("unit").lower()) is not None and (bool(m.group("cmp")) or not bound)


def meets_measure(label: str, amount: tuple[str, float, str]) -> bool:
    """Whether an amount is the amount a search said ("6.1 in") or meets its bound ("at least 10 h", "under 1.4 kg");
    False for a label that is no amount of its family."""
    m = _QUANTITY.fullmatch(label.casefold())
    unit = UNITS.get(m.group("unit").lower()) if m is not None else None
    if m is None or unit is None:
        return False
    family, bound = base_quantity(parse_number(m.group(2)), unit)
    return family == amount[0] and _within_bound((m.group("cmp") or "").strip(), amount[1], bound)


def _within_bound(cmp: str, amount: float, bound: float) -> bool:
    """Whether an amount meets a bound said with a comparison ("under", "at least"; none: equal), in one family's unit."""
    if not cmp:
        return abs(amount - bound) <= 1e-6 * max(1.0, bound)
    if cmp.endswith(" than"):  # "less than 8 mm", "more than 300 lb": not 8 mm, not 300 lb ("under", "at most": may be)
        return amount < bound - 1e-9 if cmp in _LOWER_CMP else amount > bound + 1e-9
    return amount <= bound + 1e-9 if cmp in _LOWER_CMP else amount >= bound - 1e-9


# alphanumeric runs ("s24", "128gb", "6.1"); a trailing "+" is kept so "S24+" and "S24" differ
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+[^\W_]*|[^\W_]+(?:'[^\W_]+)*\+?", re.UNICODE)


_NOT_PLURAL = frozenset({"does", "goes", "always", "perhaps", "lens"})  # 'does' is not the plural of 'doe'
# plurals of words ending in -ie ('smoothies' → 'smoothie', not 'smoothy')
_IE_PLURALS = frozenset({"smoothies", "cookies", "movies", "selfies", "hoodies", "brownies", "calories", "veggies",
                         "pies", "ties", "lies", "freebies", "goodies", "zombies", "rookies", "aunties", "budgies"})

_SES_PLURALS = frozenset({"lenses", "buses", "gases", "biases", "atlases", "canvases"})  # 'lenses' → 'lens', not 'lense'

_F_PLURALS = {"shel": "shelf", "kni": "knife", "lea": "leaf", "hal": "half", "wi": "wife", "li": "life"}


def _english() -> dict[str, int]:
    from shopgraph.qa.spelling import english_frequency  # (spelling reads this module)

    return english_frequency()


# an English word this frequent is what was meant: said beside one a text says, how it was asked; never a misspelt
# brand ("basic" is not ASICS)
EVERYDAY_WORD = 20000


def purpose_words(text: str) -> set[str]:
    """The words right after "for" ("earbuds for the gym": gym): what a product is for, not what it is; all the rest
    after "for someone who …" ("headphones for someone who wears glasses"); a short "to …" that ends the text
    ("earbuds to sleep in": sleep)."""
    toks = tokens(text)
    found: set[str] = set()
    for i, t in enumerate(toks):
        if t == "for":
            found.update(toks[i + 1:] if toks[i + 1:i + 2] and toks[i + 1] in WHOEVER else toks[i + 1:i + 4])
        elif t == "to" and 1 <= len(toks) - i - 1 <= 3:
            found.update(toks[i + 1:])
    return found


def singular(token: str) -> str:
    """A crude English singular for matching ('boots' → 'boot', 'batteries' → 'battery')."""
    if len(token) <= 3 or token[-1] != "s" or token.endswith(("ss", "us", "is")) or token in _NOT_PLURAL:
        return token
    if token in _IE_PLURALS:
        return token[:-1]
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("lves", "aves", "ives")) and token[:-3] in _F_PLURALS:  # 'shelves' → 'shelf'
        return _F_PLURALS[token[:-3]]
    if token.endswith(("ches", "shes", "xes", "sses", "zes")) or token in _SES_PLURALS:
        return token[:-2]
    return token[:-1]


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, singular, possessive 's dropped ('Men's' → 'men'), accents dropped ('Café' → 'cafe')."""
    out = []
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for t in _TOKEN.findall(text.casefold().replace("’", "'")):
        t = t.removesuffix("'s").replace("'", "")
        if t:
            out.append(singular(t))
    return out


WHOEVER = frozenset({"someone", "somebody", "people", "anyone", "anybody", "person", "those", "folks"})
# "a gift for my wife": who it is for, as a catalog says it
_FOR_HER = re.compile(r"\bfor (?:my |his |her |our |a )?(?:wife|girlfriend|gf|mom|mother|mum|sister|daughter|grandma|"
                      r"grandmother|aunt|niece|fiancee|lady)\b(?!'s)", re.IGNORECASE)
_FOR_HIM = re.compile(r"\bfor (?:my |his |her |our |a )?(?:husband|boyfriend|bf|dad|father|brother|son|grandpa|grandfather|"
                      r"uncle|nephew|fiance|guy)\b(?!'s)", re.IGNORECASE)
FOR_CLAUSE = re.compile(r"\b(?:for|fits?|compatible with|works? with|with)\b", re.IGNORECASE)


def title_parts(title: str) -> tuple[set[str], set[str]]:
    """Words of a title before and after its first 'for'/'with' clause: the product, then what it goes with
    ('Spigen Case for iPhone 13' names a case, not an iPhone)."""
    m = FOR_CLAUSE.search(title)
    if not m:
        return set(tokens(title)) - STOPWORDS, set()
    return set(tokens(title[:m.start()])) - STOPWORDS, set(tokens(title[m.end():])) - STOPWORDS


_AMOUNT_UNIT = re.compile(r"\b(\d+(?:\.\d+)?)([a-z]+)\b", re.IGNORECASE)  # "256GB", "10oz"


def amounts_apart(text: str) -> str:
    """The text with its amounts apart from their units ("256GB iPhone" → "256 GB iPhone"), as titles' words read them."""
    return _AMOUNT_UNIT.sub(r"\1 \2", text)


def _title_words(title: str) -> frozenset[str]:
    """A title's words, also with its hyphens dropped ("WH-1000XM5" gives "wh", "1000xm5" and "wh1000xm5") and
    its amounts apart from their units ("256GB" gives "256" and "gb" too, as "256 GB" does)."""
    return frozenset((*tokens(title), *tokens(title.replace("-", "")), *tokens(amounts_apart(title))))


# the titles answers read again and again; the lexicon's one pass over every title goes around the cache
title_words = functools.lru_cache(maxsize=200_000)(_title_words)


def strip_words(text: str, titles: Iterable[str]) -> str:
    """The text's words less one occurrence of each word of the titles: what is left of a question once the
    product names in it are taken out ('how much does the <title with "RAM"> weigh' asks about weight)."""
    words = tokens(text)
    for title in titles:
        for t in tokens(title):
            if t in words:
                words.remove(t)
    return " ".join(words)


def key_tokens(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


# ---------------------------------------------------------------------------- links and the parse


@dataclass(frozen=True, slots=True)
class Link:
    """A phrase of the question tied to a graph entity (brand, category, value or product)."""

    kind: str  # brand | category | value | product
    key: str  # the node key (brand/category/value key, product id)
    name: str  # display name
    attribute: str = ""  # for values
    score: float = 1.0


@dataclass
class ValueGroup:
    """Accepted value keys of one attribute (alternatives OR-ed); groups are AND-ed."""

    attribute: str
    keys: list[str]
    label: str  # how the shopper said it: "black", "at least 128 GB"

    @property
    def bound(self) -> bool:
        """Whether it bounds an amount ("at most 140 cm"), not a value said as it is ("black")."""
        return bool(_COMPARED.match(self.label))


def category_halves(name: str) -> list[str]:
    """The kinds a compound category's name joins ("chargers & cables"); the name alone otherwise."""
    return re.split(r" & | and ", name)


def half_said(name: str, words: Sequence[str]) -> str:
    """A category's name, or the half of a compound one ("chargers & cables") that the words say ("cable": cables)."""
    parts = category_halves(name)
    return next((p for p in parts if singular(p.casefold()) in words), name) if len(parts) > 1 else name


_COMPARED = re.compile(r"^(?:under|below|less|lighter|smaller|at|up|no|over|above|more|heavier|bigger|larger|min|max)\b")


@dataclass
class Constraints:
    brands: list[Link] = field(default_factory=list)
    categories: list[Link] = field(default_factory=list)
    category_keys: list[str] = field(default_factory=list)  # linked categories and their descendants
    values: list[ValueGroup] = field(default_factory=list)
    price_min: float | None = None
    price_max: float | None = None
    currency: str | None = None  # of the price bounds: the question's symbol, else DEFAULT_CURRENCY
    words: list[str] = field(default_factory=list)  # content words nothing linked
    ids: list[str] | None = None  # only among these products ("which of them …": an earlier answer's list)
    not_brands: list[Link] = field(default_factory=list)  # "not from ikea": none of these brands' products
    for_kind: str = ""  # "replacement filters for a water pitcher": ids are the kind's titles that say the other kind
    currency_only: bool = False  # "usd only", "priced in euros": only products priced in ``currency``, never converted

    def empty(self) -> bool:
        return not (self.brands or self.categories or self.values or self.price_min is not None
                    or self.price_max is not None or self.ids or self.not_brands)

    def describe(self) -> str:
        """The constraints in words, for answers: 'black leather boots from Timberland under $80'."""
        before = [g.label for g in self.values if not g.label[:1].isdigit() and not _COMPARED.match(g.label)]
        after = [g.label for g in self.values if g.label not in before]
        noun = " or ".join(dict.fromkeys(half_said(c.name.lower(), self.words) for c in self.categories)) \
            if self.categories else "products"
        text = " ".join([*before, noun])
        for label in after:
            text += f" {label}" if label.split()[0].endswith("er") else f" with {label}"
        if self.brands:
            text += " from " + " or ".join(b.name for b in self.brands)
        if self.not_brands:
            text += " not from " + " or ".join(b.name for b in self.not_brands)
        if self.for_kind:
            text += f" for {self.for_kind}"
        sign = CURRENCY_SYMBOLS.get(self.currency or DEFAULT_CURRENCY, "$")
        if self.price_min is not None and self.price_max is not None:
            text += f" between {sign}{self.price_min:g} and {sign}{self.price_max:g}"
        elif self.price_max is not None:
            text += f" under {sign}{self.price_max:g}"
        elif self.price_min == 0:
            text += " with a price"
        elif self.price_min is not None:
            text += f" over {sign}{self.price_min:g}"
        elif self.currency is not None:
            text += f" priced in {self.currency}"  # "i only want to pay in dollars"
        return text


@dataclass
class Parse:
    """What the engine understood from one question."""

    text: str
    intent: str
    attributes: list[str] = field(default_factory=list)  # asked attributes, best first
    constraints: Constraints = field(default_factory=Constraints)
    products: list[Link] = field(default_factory=list)  # products named or in focus, in the order they matter
    refers_back: bool = False  # "it", "this case"…
    context: str | None = None  # the product of an earlier turn the question may be about (not a page's)
    refines: bool = False  # a search among the products an earlier answer listed ("any decaf?"), else among all
    yes_no: bool = False  # "does the Dell XPS 15 have a touchscreen?"
    each: list[str] = field(default_factory=list)  # "which phones are they for" of listed cases: what each fits
    # "which listings come with a carrying case": words one sentence of a product's own text must say
    text_says: list[str] = field(default_factory=list)
    thing: str = ""  # what a yes/no asks a product has, when it names no attribute or value ("a headphone jack")
    aggregate: str | None = None  # count_products | count_brands | brands | values | min_price | max_price | avg_price | extreme
    direction: str | None = None  # comparison: "lower" or "higher" wins
    checks: list[Link] = field(default_factory=list)  # yes/no: values to look for on the product
    list_mode: bool = False  # compatibility: list what fits products[0]
    alternatives: list[list[Link]] = field(default_factory=list)  # near-tied candidates for each of products
    tagged: list[tuple[str, str]] = field(default_factory=list)  # (attribute, text) spans from the tagger
    pinned: bool = False  # asked on products[0]'s page (`ask --product`), not only in a conversation
    corrections: list[tuple[str, str]] = field(default_factory=list)  # misspelt word → the graph's word
    read_as: str | None = None  # the English reading of a question asked in Chinese (qa.chinese)
    variants: list[Link] = field(default_factory=list)  # other listings the product's name fits as well
    narrows: bool = False  # the constraints are the last search's, changed by this question ("in size 9?")
    beyond: tuple[str, str] | None = None  # "is there a bigger one?": (attribute cue, direction) past products[0]
    fits: str | None = None  # … of the products that fit this one ("a cheaper one" of the cases listed for a phone)
    in_currency: str | None = None  # "price in dollars?" of one product: its model's listing priced so
    summary: bool = False  # "tell me about the Vitamix E310": what it is and its facts, not one attribute
    unknown: str = ""  # a product named that the graph has no word of ("the galaxy buds")
    included: str = ""  # "out": what the product includes ("what comes with it"); "in": the bundles that include it
    # the products the last answer listed ("cable length?" after 11 cables: theirs, not the one in focus's)
    listed: list[str] = field(default_factory=list)
    read_by_model: bool = False  # the learned reader (qa.intent) named the asked attribute, no cue word did
    picked: bool = False  # the shopper named one listing ("the blue one", "the second one"): its own facts only
    told: str = ""  # "how should i store it": the verb its product's own text tells ("Store in a cool, dry place.")
    counts: bool = False  # "how many shelves does it have?" (also "ikea billy bookcase, how many shelves"): a count
    per_unit: str = ""  # "what's that per filter", "cheapest per kilo": the price per one of these (PER_UNIT_WORDS)
    per_unit_bound: bool = False  # "whole bean coffee under $10 a pound": the price bound is of that price, not the listing's


# ---------------------------------------------------------------------------- lexicons


@dataclass(slots=True)
class ValueEntry:
    key: str
    attribute: str
    value: str
    number: float | None
    unit: str | None


_NAME_PARTS = re.compile(r"\s*(?:&|\band\b|,|/)\s*", re.IGNORECASE)


_COMPANY_WORDS = frozenset({"co", "company", "inc", "ltd", "llc", "corp", "gmbh"})


class Lexicon:
    """Brands, categories, attribute names and values of the graph, keyed by singular token tuples."""

    MAX_NGRAM = 5

    def __init__(self) -> None:
        self.brands: dict[tuple[str, ...], list[Link]] = defaultdict(list)
        self.categories: dict[tuple[str, ...], list[Link]] = defaultdict(list)
        self.category_paths: dict[str, str] = {}  # key → path
        self.values: dict[tuple[str, ...], list[ValueEntry]] = defaultdict(list)
        self.attributes: dict[tuple[str, ...], str] = {}
        self.numeric: dict[str, list[ValueEntry]] = defaultdict(list)  # attribute → values with a number
        self.value_words: dict[str, list[ValueEntry]] = defaultdict(list)  # word → values containing it
        self.category_words: set[str] = set()  # 'case', 'boot', 'laptop': words that name a kind of product
        self.titles: dict[str, str] = {}  # product id → title
        self.title_df: dict[str, int] = defaultdict(int)  # word → number of titles with it
        self.title_ids: list[str] = []  # position → product id, for the postings below
        self.postings: dict[str, array[int]] = {}  # title word → positions of the titles with it
        self.title_pairs: set[tuple[str, str]] = set()  # words written side by side in a title ("g", "power")
        self.brand_names: dict[str, tuple[str, ...]] = {}  # single-string form for fuzzy matching
        self.category_names: dict[str, tuple[str, ...]] = {}

    @classmethod
    def load(cls, store: GraphStore) -> Lexicon:
        lex = cls()
        for row in store.query(cr.QA_BRANDS):
            name = row["name"] or row["key"]
            kt = key_tokens(name)
            if kt:
                lex.brands[kt].append(Link("brand", row["key"], name))
                lex.brand_names[" ".join(kt)] = kt
        rows = store.query(cr.QA_CATEGORIES)
        names = {key_tokens(row["name"] or row["key"]) for row in rows}
        for row in rows:
            name = row["name"] or row["key"]
            lex.category_paths[row["key"]] = row["path"] or name
            # "Chargers & Cables" is also found as "chargers" and as "cables"
            parts = [name, *(_NAME_PARTS.split(name) if _NAME_PARTS.search(name) else [])]
            # "Cell Phones" as "phones", "Air Purifiers" as "purifiers": a plural head noun that names no
            # other category ("Running Shoes" stays itself: "shoes" is a category of its own)
            words = name.split()
            if len(words) > 1 and words[-1].lower().endswith("s") and \
                    key_tokens(words[-1]) not in names:
                parts.append(words[-1])
            for part in parts:
                kt = key_tokens(part)
                if kt and all(link.key != row["key"] for link in lex.categories[kt]):
                    lex.categories[kt].append(Link("category", row["key"], name))
                    lex.category_names[" ".join(kt)] = kt
                    lex.category_words.update(t for t in kt if t not in STOPWORDS)
        for alias, head in _KIND_ALIASES.items():  # "which jug does this go in": a pitcher
            if key_tokens(head) in lex.categories and (alias,) not in lex.categories:
                lex.categories[(alias,)] = list(lex.categories[key_tokens(head)])
        for kt, links in list(lex.brands.items()):
            # "death wish" for Death Wish Coffee, "thursday boot" for Thursday Boot Co.: a brand said without its last
            # word when that word is a kind of product or a company's ("coffee", "co"), and no other brand is so named
            short = kt[:-1]
            if len(kt) > 1 and (kt[-1] in lex.category_words or kt[-1] in _COMPANY_WORDS) and short not in lex.brands \
                    and not set(short) <= STOPWORDS:
                lex.brands[short] = list(links)
        for row in store.query(cr.QA_VALUES):
            entry = ValueEntry(row["key"], row["attribute"], row["value"], row["number"], row["unit"])
            kt = key_tokens(row["value"] or "")
            if kt and not (len(kt) == 1 and (kt[0] in STOPWORDS or kt[0].isdigit() or (kt[0] in UNITS and len(kt[0]) > 1)
                                              or (len(kt[0]) < 2 and "size" not in entry.attribute))):
                # (a unit or a letter alone, as an extraction may give, names no value a shopper asks for; a letter
                # is a value of a size: "M")
                lex.values[kt].append(entry)
                if entry.number is None:
                    for word in set(kt) - STOPWORDS:
                        lex.value_words[word].append(entry)
            if entry.number is not None:
                lex.numeric[entry.attribute].append(entry)
            at = key_tokens(entry.attribute)
            if at:
                lex.attributes.setdefault(at, entry.attribute)
        for row in store.query(cr.QA_TITLES):
            lex.titles[row["id"]] = row["title"]
            said = tokens(row["title"])
            for word in set(said):
                lex.title_df[word] += 1
            lex.title_pairs.update(zip(said, said[1:]))
            # linking reads titles from memory: no full-text query per name (a third of a question's time
            # at 100k products), and the same candidates on every store
            position = len(lex.title_ids)
            lex.title_ids.append(row["id"])
            for word in _title_words(row["title"]):
                found = lex.postings.get(word)
                if found is None:
                    found = lex.postings[word] = array("i")
                found.append(position)
        logger.info("lexicon: %d products, %d brands, %d categories, %d value forms, %d attributes", len(lex.titles),
                    len(lex.brands), len(lex.categories), len(lex.values), len(lex.attributes))
        return lex

    def numeric_name(self, said: str) -> str:
        """The attribute name of numeric values whose name reads ``said`` ("size" → "size")."""
        return next((a for a in self.numeric if " ".join(key_tokens(a)) == said), said)

    def titled(self, words: Sequence[str]) -> list[str]:
        """Ids of the products whose titles say every one of ``words`` (title-word forms), in title order."""
        found: set[int] | None = None
        for word in words:
            postings = set(self.postings.get(word, ()))
            found = postings if found is None else found & postings
            if not found:
                return []
        return [self.title_ids[i] for i in sorted(found or ())]

    def title_search(self, words: Sequence[str], k: int) -> list[tuple[str, float]]:
        """(product id, score) of the ``k`` titles that hold the rarest of ``words``: each word adds its
        inverse document frequency, as a full-text index ranks (ties in title order)."""
        import numpy as np

        n = len(self.title_ids)
        found = [(word, self.postings[word]) for word in dict.fromkeys(words) if word in self.postings]
        if not n or not found:
            return []
        scores = np.zeros(n, dtype=np.float32)
        for _, positions in found:
            scores[np.frombuffer(positions, dtype=np.int32)] += math.log(1.0 + n / len(positions))
        hit = np.flatnonzero(scores)
        if len(hit) > k:
            hit = hit[np.argpartition(-scores[hit], k - 1)[:k]]
        order = sorted(hit.tolist(), key=lambda at: (-scores[at], at))
        return [(self.title_ids[at], float(scores[at])) for at in order]

    def descendants(self, keys: Iterable[str]) -> list[str]:
        """The keys and every category below them (keys are paths: 'shoes > boots')."""
        out: list[str] = []
        for key in keys:
            prefix = key + " > "
            out.extend(k for k in self.category_paths if k == key or k.startswith(prefix))
        return sorted(set(out))

    def fuzzy(self, names: dict[str, tuple[str, ...]], text: str, cutoff: float = 0.86) -> tuple[str, ...] | None:
        if len(text) < 5:
            return None
        found = difflib.get_close_matches(text, list(names), n=1, cutoff=cutoff)
        return names[found[0]] if found else None


# ---------------------------------------------------------------------------- the understander


# "goes with", "pairs well with": what is used with a product (a fit, else what shoppers buy with it)
_GOES_WITH_VERB = r"(?:go|goes|pairs?)(?: (?:well|nicely|best|good))? with"  # (not "going with", a choice)
GOES_WITH = re.compile(rf"\b{_GOES_WITH_VERB}\b", re.IGNORECASE)
_COMPAT_VERBS = (r"(?:fit|fits|fitting|fit on|fits on|work with|works with|working with|work in|works in|work on|works on|"
                 r"work to charge|works to charge|(?<!\byou )(?<!\bu )do(?=\s+(?:my|the)\b)|"
                 r"(?:is |are )?compatible with|" + _GOES_WITH_VERB + r"|go in|goes in|go into|goes into|go on|goes on|"
                 r"suit|suits|support|supports|charges?(?=\s+(?:my|the|a|an|your|it|this|that|them)\b)|connects? to|"
                 r"listed (?:for|as (?:compatible|working) with)|(?:made|meant|designed) for|linked (?:to|with)|paired with|"
                 r"(?:run|power)s?(?=\s+(?:my|the|a|an|your|this|that)\b))")  # ("would the belkin 65w charger run the …")
_COMPAT_PAIR = re.compile(rf"^(?:does|do|will|would|can|could|is|are|did)\s+(?P<a>.+?)\s+{_COMPAT_VERBS}\s+(?P<b>.+?)$")
# "spigen 48w car charger ok for the asus vivobook 15?": does it fit
_COMPAT_OK = re.compile(r"^(?!(?:what|which|how|who|where|why|when)\b)(?:(?:is|are) )?(?:the |a |an )?(?P<a>.+?)\s+(?:(?:(?:ok|okay|good|fine|suitable|right)\s+"
                        r"(?:for|with))|[-,:]?\s*(?:(?:is|are) )?compatible with|fits|works with)\s+(?:the |my |a |an )?(?P<b>.+?)$")
# "can i charge an iphone 15 pro with the spigen car charger", "can i use the anker cable with my pixel"
_COMPAT_USE = re.compile(r"^(?:can|could) (?:i|you|we) (?:charge|power|run) (?:the |my |a |an )?(?P<b>.+?) "
                         r"(?:with|on|from) (?:the |my |a |an |this |that )?(?P<a>.+?)$|"
                         # "can i use the belkin wireless charger with my pixel 8": the charger, then the phone
                         r"^(?:can|could) (?:i|you|we) use (?:the |my |a |an |this |that )?(?P<a2>.+?) "
                         r"(?:with|on|for) (?:the |my |a |an |this |that )?(?P<b2>.+?)$")
_COMPAT_LIST = re.compile(rf"^(?:what|which)\s*(?P<a>.*?)\s+(?:will |would |can |do |does )?{_COMPAT_VERBS}\s+(?P<b>.+?)$")
# "what coffee comes with it", "what is included with the bundle", "what does the kit include"
_INCLUDED = re.compile(r"^(?:what|which) (?P<a>[\w' -]*?) ?(?:comes? with|(?:is|are) included (?:with|in)|(?:is|are|comes?) "
                       r"in(?= the (?:box|bundle|kit|set|package)\b| (?:it|this|that|this one|that one|this bundle|that bundle)\??$)) "
                       r"(?P<b>(?!the (?:box|bundle|kit|set|package)(?: with \w+(?: one)?)?\??$).+)$|^what does (?P<b2>.+?) (?:come with|include)$|"
                       # "whats in the box", "redmi bundle - whats in the box", "what do i get with it"
                       r"^(?P<b3>.*?)[\s,:-]*\bwhat(?:s|'s| is| are| comes?)? (?:actually |exactly |really )?(?:in|inside) "
                       r"(?:the|this|that|it'?s) (?:box|"
                       r"bundle|kit|package|set)(?: with (?:it|this|these|them|that|this one|those))?\??$|"
                       r"^what do (?:i|you) get with (?P<b4>.+?)\??$|"
                       # "whats in the samsung bundle"
                       r"^what(?:s|'s| is| comes?) (?:in|inside) (?P<b5>the [\w' -]+? (?:bundle|kit|set))\??$|"
                       # "whats included with the breville one"
                       r"^what(?:s|'s| is| are) included (?:with|in) (?P<b6>.+?)\??$")
# "what coffee do people usually buy with the dedica", "what machine do ppl buy it with", "frequently bought with it"
_BOUGHT_WITH = re.compile(r"^(?:what|which) (?P<a>[\w' -]*?) ?(?:do|does|did) (?:people|ppl|shoppers|customers|others|"
                          r"folks|most people|other people|everyone) (?:usually |normally |often |typically |also |tend to )?"
                          r"(?:buy|get|order|pick up|pair) (?:(?P<b3>it|this|that|them|this one|that one) with|with "
                          r"(?P<b>.+?)|(?:along ?side|together with) (?P<b8>.+?))\??$|^(?:what|which) (?P<a2>[\w' -]*?) ?(?:is|are|gets?) (?:often |usually |"
                          r"frequently |commonly )?bought (?:together )?with (?P<b2>.+?)\??$|"
                          # "what coffee goes well with the cuisinart perfectemp", "beans that are often bought alongside
                          # the barista express" (not "which case goes with the pixel 8": a fit)
                          r"^(?:what|which) (?P<a3>[\w' -]*?) ?goes? (?:well|nicely|best|great) with (?P<b6>.+?)\??$|"
                          r"^(?:(?!(?:often|usually|frequently|commonly)\b)(?P<a4>[\w' -]+?) )?(?:that (?:are|is|get|gets) |"
                          r"that'?s )?(?:often |usually |frequently |"
                          r"commonly )?bought (?:together )?(?:with|alongside) (?P<b7>.+?)\??$")
# "is it a dark roast or lighter": what roast it is (one side a value, the other a comparative or "something else")
_VALUE_OR_OTHER = re.compile(r"^(?:is|are) (?P<it>it|they|this|that)(?: one)? (?:an? )?[\w-]+ (?P<a>roast|colou?r|finish|"
                             r"material|grind|fit) or (?:an? )?(?:[a-z]+er|something else|another|other|not)(?: \w+)?$")
# "bigger battery: the s24+ or the 15 pro max?": which of the two has it
_COMPARATIVE_FIRST = re.compile(r"^(?P<c>(?:bigger|larger|longer|better|more|higher|lower|smaller|brighter|faster)"
                                r"(?: [\w-]+){1,2})\s*[:;]\s*(?P<x>[^:;]+? or [^:;]+?)$")
# "nothing wider than 140 cm", "no lighter than 2 kg": at most, at least
_NO_MORE_THAN = re.compile(r"\b(?:no|not|nothing|none|never) (?:any )?(?:wider|bigger|larger|taller|longer|heavier|thicker|"
                           r"higher|deeper) than\b")
_NO_LESS_THAN = re.compile(r"\b(?:no|not|nothing|none|never) (?:any )?(?:narrower|smaller|shorter|lighter|thinner|lower|"
                           r"shallower) than\b")
# "it's listed as similar to which fryer": which fryer it is listed as similar to
_SIMILAR_TO_WHICH = re.compile(r"^(?:(?:and|so|ok),? )?(?P<s>it|they|(?:the|that|this) [\w' .-]+?)(?:'s|s| is| are|'re) "
                               r"(?:listed|marked|shown) (?:as )?(?:similar|comparable) to (?:which|what) (?P<k>[\w -]+?)$")
# "got anything similar to the flexispot e7", "something like the beats studio pro but from sennheiser": the products
# the catalog calls like it (narrowed by what is said after it)
_SIMILAR = re.compile(r"^(?:(?:do you have|do u have|have you got|you got|got|is there|are there|show me|any|i want|i need|"
                      r"looking for|i'?m looking for|recommend)\s+)?(?:anything|something|any|one|ones|others?|products?|"
                      r"items?|alternatives?|[\w-]+s)?\s*(?:(?:similar|comparable) to|(?<=thing )like|(?<=one )like|(?<=s )like|"
                      r"alternatives? (?:to|for)) (?:the |my )?(?P<b>(?!an? )(?!any )(?!some ).+?)(?P<a>,? (?:but |just |only )?(?:from|by|in|"
                      r"under|that|with|cheaper|made) .+)?[?.!]*$")
# "any cheaper case for that phone" of a case: of those that fit what it fits
FOR_THAT_ONE = re.compile(r"\bfor (?:that|this|the same|my) (?:phone|laptop|machine|model|device|one|pitcher|"
                          r"purifier|coffee maker)\b")
# "is there a shoe thats similar to that one", "coffee similar to peets major dickason", "what machine is it similar to":
# the products of that kind the catalog calls like it
_SIMILAR_KIND = re.compile(r"^(?:(?:is there|are there|do you have|have you got|got|any|show me)\s+)?(?:an?\s+|any\s+)?"
                           r"(?!(?:is|are|was|does|do|it|they|this|that)\b)(?P<a>[\w-]+(?: [\w-]+)?)\s+"
                           r"(?:that(?:'s| is| are)?\s+|thats\s+)?(?:similar|comparable) to (?:the |my )?(?P<b>.+?)[?.!]*$|"
                           r"^(?:(?:and|so|ok),? )?(?:what|which)(?: (?P<a2>[\w -]+?))?(?: is| are|'s|s) (?P<b2>it|this|that|they|these|those|"
                           r"this one|that one|the .+?) (?:listed (?:as )?|marked (?:as )?)?(?:similar|comparable) to[?.!]*$")
# "and the philips, same material?" of an air fryer in focus: the two compared on it
_NAME_SAME = re.compile(r"^(?:and |what about |how about )?(?:the )?(?P<x>[^,]+?),? (?:is it |the )?same (?P<a>[\w ]+?)[?.!]*$")
# "death wish dark roast ground, anything similar": what is similar to the product named first
_PRICED_TAIL = re.compile(r",? (?:the )?(?:one |listing )?(?:at |for |priced at )?[$€£]\d[\d,]*(?:\.\d+)? (?:one|listing)\b")
# ("blue bottle guatemala 3 pack - any similar coffees", "asus vivobook 15 …, the $642.99 one - any comparable laptop")
_NAME_THEN_SIMILAR = re.compile(r"^(?P<x>.+?)(?:[,;]| -) ?(?:(?:got|do you have|is there|are there) )?(?:anything|something|any|"
                                r"any others?|others?|an?) (?:(?:similar|comparable)(?: (?P<k>[a-z]+))?|"
                                r"like (?:it|that|this))(?P<c>,? (?:but |and |that'?s |thats |that is |yet )?(?:cheaper|less expensive|"
                                r"for less(?: money)?))?[?.!]*$")  # ("… - anything similar but cheaper")
# "<thing> for/to <need>": what is said before it, and the words that name no thing ("something to protect my iphone")
_THING_FOR = re.compile(r"^(?:(?:i|we) (?:need|want|would like)|looking for|do you have|got|any|show me)?\s*"
                        r"(?:an?|some|the|my)?\s*(?P<x>[a-z][\w' -]*?)\s+(?:for|to)\b")
_NO_THING = frozenset({"thing", "something", "anything", "stuff", "best", "good", "great", "gift", "present", "idea",
                       "recommend", "recommendation", "have", "got", "help", "nice", "cheap", "what", "whats", "which",
                       "hey", "hi", "ok", "so", "well", "new", "really", "also"})
_ADVICE = re.compile(r"\b(?:stretch(?:es|ing)?|exercises?|workouts?|tips?|advice|help me with|how (?:do|can|should) i)\b")
# what a shopper says they need, and the kind of product that meets it (where the catalog has the kind): "my back hurts
# when i sit all day" is an office chair, "best thing you have for clean air" an air purifier
NEEDS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), kind) for p, kind in (
    (r"\bback (?:hurts|pain|aches?)\b|\bsit(?:ting)? all day\b|\bposture\b", "office chairs"),
    (r"\bwork(?:ing)? from home\b|\bwfh\b", "desks or office chairs"),
    (r"\b(?:make|making|brew|brewing) (?:my |a |some |the )?(?:coffee|espresso|lattes?|cappuccinos?)\b", "coffee makers"),
    (r"\bclean(?:er|s|ing)? (?:the |my )?air\b|\bpurif(?:y|ies|ying) (?:the |my )?air\b|\bair quality\b|\bdusty\b|\bdust\b|\ballerg(?:y|ies|ic)\b|\bpollen\b|\bpet hair\b|\bstuffy\b",
     "air purifiers"),
    (r"\blisten(?:ing)? to (?:music|podcasts?)\b|\blong flights?\b|\bon (?:the|a|my) (?:plane|flight|commute)\b",
     "headphones"),
    (r"\b(?:keep(?:ing)?|get(?:ting)?) (?:my|the|a|our) (?:phones?|iphones?|galaxy|pixel|oneplus) (?:charged|topped up|juiced)"
     r"(?: up)? (?:in|on) (?:the|my|our) car\b|\bcharg(?:e|ed|ing) (?:my |the |a |our )?(?:phones? )?(?:in|on) (?:the|my|our) car\b",
     "car chargers"),
    (r"\b(?:protect(?:ing)?|keep(?:ing)?) (?:my|the|a) (?:new )?(?:phone|iphone|galaxy|pixel|oneplus)\b|\bcracked screen\b|"
     r"\bdrop(?:s|ping)? (?:my|the) (?:phone|iphone)\b", "cases"),
    (r"\bsmoothies?\b|\bprotein shakes?\b|\bcrush(?:ing)? ice\b", "blenders"),
    (r"\bfrench fries\b|\bcrispy (?:fries|wings|chicken)\b", "air fryers"),
    (r"\bfilter (?:my |the |our )?(?:tap |drinking )?water\b|\btap water\b|\bwater tastes?\b|\bfiltered water\b",
     "filter pitchers"),
    (r"\b(?:warm|cold|wet) feet\b|\bwarm for (?:my |your |the )?feet\b|\b(?:in|through) (?:the |deep |heavy |fresh )*snow\b|"
     r"\bfeet (?:get|end up|are) (?:wet|soaked|cold|freezing)\b", "boots"),
    (r"\bstart(?:ing)? (?:running|to run|jogging)\b|\bmarathon\b|\bjogging\b|\bi (?:run|jog) (?:about |around )?"
     r"(?:\d+ )?(?:miles?|km|k)(?: a| per| every) (?:day|week)\b", "running shoes"),
    (r"\b(?:for|starting) (?:college|uni|university)\b|\bcollege student\b", "laptops"),
))
# "anything similar?", "got something comparable": the products the catalog calls like the one in focus
# "anything similar", "any comparable laptop", "what's listed as similar": what the product in focus is listed as similar to
_SIMILAR_BARE = re.compile(r"^(?:(?:do you have|do u have|have you got|you got|got|is there|are there|show me)\s+)?"
                           r"(?:anything|something|any(?:thing)?|any others?|an?|"
                           r"what(?:'?s| is| are)(?: (?:listed|marked|shown|linked) as)?)\s+(?:similar|comparable)"
                           r"(?: (?!(?:but|and|that|thats|yet|from|for)\b)[a-z]+)?(?: from (?:another|a different|other|a diff) (?:brand|maker|company))?"
                           r"(?:,? (?:but |and |that'?s |thats |that is |yet )?(?:cheaper|less expensive|for less(?: money)?))?"
                           r"(?: to (?:it|this|that|this one|that one))?"  # ("whats listed as similar to the black one")
                           r"(?P<b>)[?.! ]*$")  # ("is there a similar model from another brand", "… but cheaper")
# "is it sold in a bundle with a machine?", "does the illy classico come in a bundle": the bundles that include it
_IN_A_BUNDLE = re.compile(r"^(?:is|does|do|are|can i (?:get|buy)) (?P<b>.+?) (?:sold |available |offered |come |comes )?"
                          r"(?:in|as part of) (?:a|any) (?P<a>bundles?|kits?|sets?|combos?)\b(?! of \d)(?P<b2>)|"
                          # "is there a bundle of it with coffee", "any bundles with the dedica"
                          r"^(?:is there|are there|do you have|got|any) (?:a |any )?(?:bundles?|kits?|combos?|sets?) "
                          r"(?:of|with|for|that includes?|including) (?P<b3>it|this|that|this one|that one|the [^,]+?)"
                          r"(?: (?:with|and|plus) .*)?$|"
                          # "do u sell it bundled w/ coffee"
                          r"^(?:do you|do u|can i|can you) (?:sell|get|buy) (?P<b4>it|this|that|this one|that one|the [^,]+?) "
                          r"(?:bundled|in a bundle|as a bundle)\b.*$")
_COMPAT_OF = re.compile(
    r"^(?:what|which)\s+(?P<kind>(?:[\w-]+\s+){0,2}?)(?:does|do|will|can|is|are)\s+(?P<a>.+?)(?<!\bgo)(?<!\bgoes)(?<!\bgoing)"
    r"(?<!\bsell)(?<!\bsells)\s+(?:fit|work with|go with|compatible with|for|linked (?:to|with)|paired with|"
    r"listed (?:for|with))$|^what\s+is\s+(?P<a2>.+?)\s+compatible with$"
)
# "what filter does it take?", "which pods does the k-elite use?": the kind of product that fits the one named
_COMPAT_TAKES = re.compile(r"^(?:what|which)\s+(?P<a>[\w\s-]+?)\s+(?:does|do|will|would|can)\s+(?:the |my |an? )?"
                           r"(?P<b>.+?)\s+(?:take|takes|use|uses|need|needs|accept|accepts)$")
# "what k-cups can i use in it": the kind that fits it
_COMPAT_USE_IN = re.compile(r"^(?:what|which)\s+(?P<a>[\w\s-]+?)\s+can\s+(?:i|you|we)\s+(?:use|put)\s+(?:in|with|on)\s+"
                            r"(?:the |my |an? )?(?P<b>.+?)$")
# "how many watts is the machine", "whats that phone selling for": the product an accessory in focus fits
_THE_FITTED = re.compile(r"\b(?:the|that|this|its|it's) (?P<k>[a-z]+)\b(?! (?:ones?|model|version|pair)\b)")
_COMPARED_WORD = re.compile(r"\b(?:\w+er than|cheaper|dearer|pricier|better|worse|more|less)\b")
_ANY_DEVICE = frozenset({"machine", "device", "appliance", "gadget"})
_ASKS_FIT = re.compile(r"\b(?:fits?|fitting|work|works|compatible|go with|goes with|suit|suits)\b")
_FOR_IT = re.compile(r"\bfor (?:it|this|that|this one|that one)$")
_ANY_THING = frozenset({"something", "anything", "stuff", "things", "accessories", "accessory", "extras", "gear",
                        "device", "gadget", "product", "item", "listed", "listing",
                        "what", "you", "have", "do", "got", "any", "some"})
# "how much are the filters for it", "price of the cases for the pixel 8"
_PRICE_OF = re.compile(r"^(?:how much (?:are|is|do|does|for)|(?:what(?:'s| is| are)? )?(?:the )?prices? (?:of|for|on)|"
                       r"what do|what does)\s+(?:the )?(?P<rest>.+?)(?:\s+cost)?$")
# "does it need filters?", "does the k-elite take pods": what fits it, of that kind
_COMPAT_NEEDS = re.compile(r"^(?:does|do|will|would|can)\s+(?:the |my |an? )?(?P<b>.+?)\s+(?:take|use|need|accept)s?\s+"
                           r"(?:any |a |an |the |some |new |replacement |spare )*(?P<a>[\w\s-]+?)$")
_COMPAT_FOR = re.compile(r"^(?:(?:show|find|list|any|are there|do you have|what|which)\s+(?:me\s+)?)?(?P<a>[\w\s-]*?)\s*"
                         r"(?:\b(?:have you got|do you have|you have|you got|do you sell|do you carry)\s+)?\b(?:for|(?:(?:that|which) )?(?:(?:is|are) )?(?:compatible with|linked (?:to|with)|listed (?:for|with)(?!\s*[$£€\d]))|(?:that|which)(?:'ll| can| will| would)? (?:fits?|works? with|goes with|go with|charges?|(?:do|does)(?= my\b[^,?]*\d)))\s+(?:the |my |an? )?(?P<b>.+?)$")

# "does the levoit come with a filter", "how long is the warranty on the dyson": a product named by "the <name>"
_THE_NAME_DOES = re.compile(r"^(?:(?:does|do|can|will) (?:the|my) (?P<x>[\w-]+(?: [\w-]+){0,3}?) (?:come|have|has|take|"
                            r"use|need|work|fit|hold|weigh|cost|last|include)s?\b|how \w+ (?:is|are) the \w+ (?:on|of|for) "
                            r"(?:the|my) (?P<y>[\w-]+(?: [\w-]+){0,2})\??$)")
_RATED_FOR = re.compile(r"\s+(?:rated|built|made|designed|meant)(?: (?:for|to))?$")
# "whats the saving if i get the keen instead", "how much would i save with the other one": the two on price
_SAVING_INSTEAD = re.compile(r"^(?:(?:and|so|ok),? )?(?:what(?:'?s| is| would be)|how much) (?:is |would be |do |would |will )?"
                             r"(?:the |my |i )?(?:saving|savings|save|difference)(?: be)? (?:if i (?:get|got|buy|bought|went with|go "
                             r"with|pick|picked|choose|chose|take|took)|with|by (?:getting|buying|going with|picking|taking)) "
                             r"(?:the )?(?P<x>(?!it\b|this\b|that\b)[^,?]+?)(?: instead)?[?.! ]*$")
_AT_WORK = re.compile(r"\b(?:after|at|from|off|before) work\b")
# "comes with a case?", "ships assembled?": of the product in focus, the subject left out
_VERB_FIRST = re.compile(r"^(?:and |so )?(?P<v>come|ship|arrive|include)s? (?=with\b|in\b|assembled\b|"
                         r"fully\b|flat\b|a\b|an\b)")
# "same heel drop across all the mens listings": whether the listings of the model in focus say one value
_SAME_ACROSS = re.compile(r"^(?:(?:and|so|ok),? )?(?:the )?same (?P<a>[\w ]+?) (?:across|on|for|in|with) "
                          r"(?P<r>(?:all|every|each)\b.*\b(?:listings?|versions?))$")
_COMPARE_PATTERNS = (
    re.compile(r"^compare\s+(?P<a>.+?)\s+(?:and|with|w/?|to|vs\.?|versus)\s+(?P<b>.+?)(?:\s+(?:on|by|in|for)\s+(?P<attr>.+))?$"),
    re.compile(r"^(?:what is |what's |whats |what are )?(?:the )?differences? between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)"
               r"(?:\s+(?:in|on)\s+(?P<attr>.+))?$"),
    # ("how does it compare on weight with the m50x", "how does it stack up against the m50x for weight")
    re.compile(r"^how (?:does|do|is|are)\s+(?:the\s+)?(?P<a>.+?)\s+(?:compare|stack up|different)\s+(?:on|in|for)\s+"
               r"(?P<attr>\w+(?: \w+)?)\s+(?:to|with|from|against)\s+(?:the\s+)?(?P<b>.+?)$"),
    re.compile(r"^how (?:does|do|is|are)\s+(?:the\s+)?(?P<a>.+?)\s+(?:compare|stack up|different)\s+(?:to|with|from|against)\s+"
               r"(?:the\s+)?(?P<b>.+?)(?:\s+(?:on|in|for)\s+(?P<attr>\w+(?: \w+)?))?$"),
    # "price gap between the xps 15 and the aspire 5", "how much more expensive is the xps 15 than the aspire 5"
    re.compile(r"^(?:what is |what's |whats |how big is )?(?:the )?(?P<attr>\w+(?: \w+)?) (?:differences?|gap) between\s+"
               r"(?:the\s+)?(?P<a>.+?)\s+and\s+(?:the\s+)?(?P<b>.+?)$"),
    re.compile(r"^how (?:much|many(?: \w+){0,2}?) (?P<cmp>(?:more|less)(?: \w+)?|\w+er)\s+(?:is|are|does|do)\s+(?:the\s+)?"
               r"(?P<a>.+?)\s+(?:cost\s+|weigh\s+|last\s+|cover\s+|hold\s+|get\s+|give\s+|run\s+)?than\s+(?:the\s+)?(?P<b>.+?)$"),
    # "how much lighter than an hp pavilion 15 is that": the other side said first
    re.compile(r"^how (?:much|many(?: \w+){0,2}?) (?P<cmp>(?:more|less)(?: \w+)?|\w+er)\s+than\s+(?:an?\s+|the\s+)?(?P<b>.+?)"
               r"\s+(?:is|are|does|do)\s+(?:the\s+)?(?P<a>.+?)(?:\s+(?:cost|weigh|last|cover|hold|get|give|run))?$"),
    # "vitamix e310 black - how many oz more does the ninja bl610 hold": the one named first is the other side
    re.compile(r"^(?:the\s+)?(?P<b>[^,:]+?)\s*(?:,|:|\s-\s)\s*how (?:much|many(?: \w+){0,2}?) (?P<cmp>(?:more|less)(?: \w+)?|"
               r"\w+er)\s+(?:is|are|does|do)\s+(?:the\s+)?(?P<a>(?!(?:it|that|this|they|those|these|one)\b)[^,:]+?)"
               r"(?:\s+(?:cost|weigh|last|cover|hold|take))?$"),
    # "which lasts longer on a charge, the sony … or the bose …": what is compared runs to the comma
    re.compile(r"^which\s+(?:one\s+|of these\s+)?(?P<cmp>(?:is|has|weighs|costs|offers|lasts|holds|uses|runs|covers)\b"
               r"[^,:]*?)[,:]\s*(?:the\s+)?(?P<a>.+?)\s+or\s+(?:the\s+)?(?P<b>.+?)$"),
    re.compile(r"^which\s+(?:one\s+|of these\s+)?(?:is|has|weighs|costs|offers)\s+(?P<cmp>.+?)[,:]?\s+(?:the\s+)?(?P<a>.+?)\s+or\s+(?:the\s+)?(?P<b>.+?)$"),
    # (the comparative nearest "than": "is the coway filter cheaper than …" names a filter, not "filter cheaper")
    re.compile(r"^(?:is|are|does|do)\s+(?:the\s+)?(?P<a>.+)\s+(?P<cmp>(?:(?:weighs?|costs?) (?:more|less)|\w+er|worse|more \w+|less \w+)(?: \w+)?|"
               r"(?<!weigh )(?<!weighs )(?<!cost )(?<!costs )(?:more|less))\s+than\s+(?:the\s+)?(?P<b>.+?)$"),
    # "is the pixel 8 the same size as the iphone 15 pro", "do the x and the y have the same battery life"
    re.compile(r"^(?:is|are|does|do)\s+(?:the\s+)?(?P<a>.+?)\s+(?:(?:have|has|weigh|cost)\s+)?(?:the\s+)?same\s+"
               r"(?P<attr>\w+(?: \w+)?)\s+as\s+(?:the\s+)?(?P<b>.+?)$"),
    re.compile(r"^(?:is|are|does|do)\s+(?:the\s+)?(?P<a>.+?)\s+(?P<attr>weigh|cost|last)\s+(?:about\s+)?(?:the\s+)?same"
               r"(?:\s+amount)?\s+as\s+(?:the\s+)?(?P<b>.+?)$"),
    re.compile(r"^(?:do|does|are)\s+(?:the\s+)?(?P<a>.+?)\s+and\s+(?:the\s+)?(?P<b>.+?)\s+(?:have|has|take|use|weigh|cost|"
               r"come in)\s+(?:the\s+)?same\s*(?P<attr>\w+(?: \w+)?)?$"),
    re.compile(r"^(?P<a>.+?)\s+(?:vs\.?|versus|or)\s+(?P<b>.+?)(?:(?:[,:]|\s+-)?\s+(?:which|what)\b.*)?$"),
    # "between the instant vortex plus and the philips airfryer xl which is bigger"
    re.compile(r"^between\s+(?:the\s+)?(?P<a>[^,:]+?)\s+and\s+(?:the\s+)?(?P<b>[^,:]+?)\s+(?P<cmp>(?:which|what)\b.+)$"),
    _NAMED_PAIR := re.compile(r"^(?:.*?\bbetween\s+)?(?:the\s+)?(?P<a>[^,:]+?)\s+(?:and|or|vs\.?|versus|&)\s+(?:the\s+)?"
                              r"(?P<b>[^,:]+?)\s*(?:,|:|\s-\s)\s*(?P<cmp>.+)$"),
)

# "what colours does it come in", "which colors do you have it in": every value of a model's listings
_VALUES_ASKED = re.compile(r"\b(?:what|which) (?:colou?rs?|materials?|sizes?|widths?|storage|capacities)\b.*\b(?:come in|"
                           r"available|are there|exist|offered|do you have)\b")
_AGGREGATES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "how many laptop brands": the kind between stays a constraint
    (re.compile(r"\bhow many (?:different |distinct )?(?P<kind>(?:[\w-]+ ){0,2}?)(?:brands?|makers?|manufacturers?|compan(?:y|ies))\b"
                r"(?! (?:brands?|makers?|manufacturers?|compan(?:y|ies))\b)"),
     "count_brands"),
    (re.compile(r"\bhow many\b|\bnumber of\b|\bcount (?:of|the)\b"), "count_products"),
    # ("which brand is cheapest": the cheapest product, then its brand)
    (re.compile(r"\b(?:which|what) (?P<kind>(?:[\w-]+ ){0,2}?)(?:brands?|makers?|manufacturers?|compan(?:y|ies))\b"
                r"(?!.*\b(?:cheapest|least expensive|most expensive|priciest)\b)"), "brands"),
    # "the difference between the cheapest and the priciest listing": the range of prices
    (re.compile(r"\b(?:difference|gap|spread) between (?:the )?(?:cheapest|lowest) and (?:the )?(?:priciest|dearest|"
                r"highest|most expensive)\b|\bprice spread\b|"
                r"\bhow (?:far|much) apart\b(?=.*\bpric)|"  # "how far apart are the two listings on price"
                r"\bhow (?:far|much) apart are (?:the|its) (?:two |2 |\d+ )?(?:listings|versions)$|"  # (prices, of listings)
                r"\bhow much (?:is )?(?:there )?between (?:them|those|these|the two)\b(?=.*\bpric)|"  # "… price wise"
                r"\b(?:two|2|several|different) prices\b.*\b(?:difference|gap)\b|"  # "you have two prices, whats the difference"
                # "how far apart are your cheapest and dearest listings", "the spread from your cheapest listing to the dearest"
                r"\b(?:apart|spread|gap|difference)\b.*\b(?:cheapest|lowest)\b(?: [\w-]+)? (?:and|to) (?:the |your )?(?:dearest|"
                r"priciest|most expensive|highest)\b|"
                r"\b(?:two|2|both|the) (?:listings|versions)\b.*\b(?:price (?:gap|difference|diff)|difference in price)\b|"
                r"\bprice (?:difference|gap) between (?:the |its )?(?:two |\d+ )?(?:listings|versions)\b|"
                # "lowest and highest price?", "lowest to highest price in usd": the range
                r"(?<!from )\b(?:lowest|cheapest) (?:and|to|&|-) (?:the )?(?:highest|dearest|priciest)(?: prices?)?\b|"
                r"(?<!from )\b(?:highest|dearest|priciest) (?:and|to|&|-) (?:the )?(?:lowest|cheapest)(?: prices?)?\b"),
     "avg_price"),  # (not "list … from cheapest to priciest": an order)
    (re.compile(r"^(?:(?:any|some|show me|got any|i want|i need|looking for|need) )?(?:a |an )?"
                r"(?:cheap|inexpensive|affordable|budget) (?=[a-z])|"  # "cheap wireless earbuds"
                r"\bwhich (?:listing|version|variant) is cheaper\b|"  # (of a model's listings)
                r"\b(?:something|anything|one|ones) (?:that'?s |thats |that is |more )?(?:cheap|inexpensive|affordable|"
                r"budget[- ]friendly)\b|"  # "something cheap" (of the list, or of the kind said)
                r"\bcheapest\b|\bcheaper one\b|\b(?:is|are|costs?) less money\b|\bcosts? (?:the )?least\b|\b(?:cheap|budget|inexpensive|affordable) (?:ones?|options?)\b|\bleast expensive\b|\blowest[- ]price[d]?\b|\bmost affordable\b|\bbudget pick\b"), "min_price"),
    (re.compile(r"\bmost expensive\b|\b(?:more expensive|pricier|dearer) one\b|\bpriciest\b|\bhighest[- ]price[d]?\b|\bdearest\b|\bpremium pick\b"), "max_price"),
    (re.compile(r"\b(?:average|avg|mean) (?:price|cost)\b|\b(?:average|avg|mean) (?P<of>(?:[\w-]+ ){1,2})(?:price|cost)\b|\bwhat do (?P<kind>\w+(?: \w+)?) (?:usually |typically |normally )?cost\b|\btypical price\b|\bprice range\b|\bhow much do\b(?!.*\bweigh)|"
                r"\baverages? out\b(?!.*\b(?:weigh|hours?|watts?|capacity|battery)\b)|"  # "… average out at"
                r"\b(?:average|avg|mean) (?:price )?(?:of|across|over|for) (?:the |its |all (?:the |its )?)?(?:two |2 |three |3 |"
                r"\d+ )?(?:[\w-]+ )?(?:listings|versions|prices|ones(?= (?:priced|in|sold|listed)\b))\b"
                r"(?!.*\b(?:weigh\w*|hours?|battery|watts?|capacity|size|screen|storage|ram)\b)|"  # ("…, weight wise")
                r"\b(?:average|avg|mean) (?:price )?(?:of|across|over|for) (?:those|them|these|all of them|the lot)\b"
                r"(?! (?:weigh|hours?|watts?)\b)"), "avg_price"),  # "average of the two
                # listings", "average of the ones priced in dollars"
    (_VALUES_ASKED, "values"),
)

_THE = r"(?:the |this |that |my |your |a |an )?"
_NAME_PATTERNS = (
    # what is the <name> made of (the name may hold "for the …": "the mous case for the iphone 15")
    re.compile(rf"^(?P<rest1>what) (?:is|are) {_THE}(?P<name>.+?) (?P<rest2>made (?:of|from|out of))$"),
    # what is the warranty of the <name> / what's the battery life on the <name>
    re.compile(rf"^(?P<rest>(?:what|what's|whats|which|who|tell me)\b.*?\b(?:of|for|on)) {_THE}(?P<name>.+)$"),
    # how long does the battery last on the <name> / how many megapixels does the camera have on the <name>
    re.compile(r"^(?P<rest>how (?:long|much|many|big|heavy|fast)\b.*?\b(?:on|of|in)) the (?P<name>.+)$"),
    # how much does the <name> weigh / how long does the <name> last
    # ("how much water does the <name> hold", "how much pressure does the <name> pump at")
    re.compile(rf"^(?P<rest1>how (?:much(?: [\w-]+){{0,2}}?|heavy|big|large|long|tall|wide|many [\w-]+(?: [\w-]+){{0,2}}?)) "
               rf"(?:does|do|is|are|will|can) {_THE}"
               rf"(?P<name>.+?) (?P<rest2>(?:weigh|cost|hold|last|measure|take|use|have|has|support|run|come in|go|fit|"
               rf"pump|brew|make|draw|deliver|output)\b.*)$"),
    # how many watts is the <name> / how big is the <name> ("how many usb-c ports does the <name> have")
    re.compile(rf"^(?P<rest1>how (?:much|heavy|big|large|long|tall|wide|many [\w-]+(?: [\w-]+){{0,2}}?) (?:is|are)) "
               rf"{_THE}(?P<name>.+)$"),
    # what colours does the <name> come in / what processor does the <name> have
    re.compile(rf"^(?P<rest1>(?:what|which) [\w ]+?) (?:does|do|is|are|will|can) {_THE}"
               rf"(?P<name>.+?) (?P<rest2>(?:come in|have|has|use|take|support|weigh|cost|run on|hold)\b.*)$"),
)


def _said_after_for(title: str) -> set[str]:
    """The words of a title after "for" or "with": what the product is for ("… for Keurig K-Elite (6-Pack)")."""
    after = re.search(r"\b(?:for|with)\b(.*)", title.casefold())
    return set(tokens(after.group(1))) if after else set()


_MODEL_NUMBER = re.compile(r"(?=[a-z-]*\d)(?=\d*[a-z])(?![\d.]+[a-z]{1,5}$)[a-z\d-]{3,}")  # "hpa300", not "65w"


def _model_number_beside(name: str, title: str) -> bool:
    """Whether a name says a model number ("hpa300", "ap-1512hh") that the title does not."""
    return any(_MODEL_NUMBER.fullmatch(t) for t in tokens(name) if t not in title_words(title))


def _focus_link(focus: str, title: str | None) -> Link:
    """The product in focus as the question's product (its title when known)."""
    return Link("product", focus, title or focus, score=1.0)


def said_word(table: dict[str, tuple[str, str]], text: str) -> tuple[re.Match[str], tuple[str, str]] | None:
    """The longest word of a COMPARATIVES / SUPERLATIVES table that the text says, with its (attribute cue,
    direction)."""
    for word, meaning in sorted(table.items(), key=lambda kv: -len(kv[0])):
        m = re.search(rf"\b{re.escape(word)}\b", text)
        if m:
            return m, meaning
    return None


def _name_split(low: str) -> tuple[str, str] | None:
    """(product name, the rest) of questions shaped like "what is the <attribute> of the <name>"."""
    for pattern in _NAME_PATTERNS:
        m = pattern.match(low)
        if m:
            groups = m.groupdict()
            rest = " ".join(groups[k] for k in ("rest", "rest1", "rest2") if groups.get(k))
            unit = ANSWER_UNIT.search(m.group("name"))  # ("… of the coway in square meters": the unit is no name's)
            return (m.group("name")[:unit.start()] if unit is not None and unit.group(1) in UNITS else m.group("name")), rest
    return None


_YES_NO = re.compile(r"^(?:is|are|does|do|can|has|have|will)\b")
_ATTRIBUTE_QUESTION = re.compile(r"^(?:what|what's|whats|how|which|who|is|are|does|do|tell me|can)\b")
# "do i need to assemble it myself", "does it need a filter": a question about the product in focus, no search
_NEEDS_IT = re.compile(r"^(?:do|will|would) (?:i|you|we) (?:need|have) to \w+ (?:it|them|this|that)\b|"
                       r"^when (?:do|should|will|would) (?:i|you|we) need\b|"
                       r"^(?:does|do|will) (?:it|they|this|that|(?:the|this|that|my) [\w' .-]+?) need\b")  # ("does the sauder "
# "bookcase need putting together")
_SEARCH_CUES = re.compile(
    # ("do i need to swap it" is no need for a product; "i need to buy a laptop" is)
    r"\b(?:show|find|looking for|look for|search|i want|(?:i )?need(?! to (?!(?:buy|get|find|order|purchase)\b))|"
    r"i would (?:like|love) (?:an?|some|to (?:buy|get|order))\b|"
    r"recommend|suggest|do you (?:have|sell|carry)|"
    r"are there|any|list|recommendations?|recs|suggestions?|(?:my|your|the|some) (?:options|choices)|"
    r"(?:anything|something) (?:with|that has|that have))\b"  # ("anything with a 15.6 inch screen")
)
_RECOMMEND = re.compile(r"^(?:what'?s|what is|whats) (?:a|an|some) (?:good|nice|decent|great|solid)\b")  # a search


# a search's word that names no product: "which hoka models", "wired headphone listings"
_OF_ANY_KIND = frozenset({"model", "models", "listing", "listings"})
# "which laptops have an intel core i5": a search of the kind with it, not the laptop whose title says it
_WHICH_KINDS_HAVE = re.compile(r"^(?:which|what|wat|any) (?P<k>[a-z]+(?: [a-z]+)?s) (?:have|has|come with|got|use|run)"
                               r" (?:an? |the )?(?P<x>.+)$")
# "whats the priciest elitebook you have": of the whole shop, not of the list before
_SHOP_END = re.compile(r"\b(?:cheapest|priciest|dearest|most expensive|least expensive)\b(?: \w+){1,3} "
                       r"(?:you (?:have|sell|carry|stock|got)|in (?:the|your) (?:shop|store))\b")
_NAMED_CHIP = re.compile(r"\b([\w-]+) (?:chips?|cpus?|processors?)\b")
_IN_THE_SHOP = re.compile(r"\s*\b(?:in|on|at|from) (?:the|your|this) (?:shop|store|site|website)\b")
# "is it rated for any particular drop height": of the product in focus ("any" asks no search)
_IT_IS = re.compile(r"^(?:is|does|has|can|will) (?:it|this|this one|that one)\b(?! (?:come|comes|available|sold)\b)")
# words that ask for other products than the one in focus ("show me similar ones", "anything cheaper")
_ELSEWHERE = re.compile(
    r"\b(?:other|others|another|similar|alternatives?|instead|cheaper|pricier|show me|recommend|suggest|"
    r"anything else|something else|options|which (?:one|ones) (?:is|are)|how many (?:products|items|brands))\b"
)


# a question about the products an earlier answer listed
_HOW_TO = re.compile(r"^how (?:do|can|should|would) (?:i|you|we|one)\b")
# what shoppers ask that a product graph does not hold: orders, shipping, the company
_NOT_IN_CATALOG = re.compile(
    r"\b(?:stock price|share price|shipping|ship(?:s|ped)? (?:for free|free|to|internationally|abroad|overseas)|"
    r"(?:do|does|can) (?:you|u|it|they) ship(?! (?:fully |already |pre-?)?assembled\b| flat\b| in pieces\b| with\b)|deliver(?:y|ed)?|return policy|refunds?|my order|order status|"
    r"track(?:ing)? (?:my )?order|coupons?|promo code|discount code|store hours|opening hours)\b")

SHOWN = 5  # the products an answer's text names; its list holds more


def _shown(hits: list[str], within: Sequence[str]) -> list[str]:
    """Of several listed products a word picks, those the answer's text named ("the anker one" after a list of ten
    whose text named one Anker); one alone as it is."""
    return [pid for pid in hits if within.index(pid) < SHOWN] if len(hits) > 1 else hits


# "the 6 pack", "a 3-pack", "the twin pack", "the 2 count": a listing of the model in focus by its count
_COUNT_UNIT = r"[- ]?(?:pack|pk|count|ct)\b"  # "6 Pack", "3-pack", "(6 Count)", "12ct"
_THE_PACK = re.compile(r"\b(?:the|a|an) (\d{1,2}|two|twin|three|four|five|six|eight|ten|twelve)" + _COUNT_UNIT)
# "is the grey pair cheaper than the beige/teal": two listings of the model in focus, each by a word of its title
_VARIANTS_COMPARED = re.compile(r"^(?:and |so |ok,? )?(?:is|are) (?:(?:the |that )?(?P<a>[\w/ -]+?) (?:one|pair|version|model)s?|"
                                r"it|this|that|they) (?P<c>\w+er|more \w+|less \w+) than (?:the |that )?(?P<b>[\w/ -]+?)"
                                r"(?: ones?| pairs?| version| model)?[?.! ]*$")
# "oneplus 12 emerald or black, which costs less": two listings of the model named, by a word of each one's title
# (or of two words each: "galaxy s24 256gb - cobalt violet or marble grey, which costs less")
_NAMED_VARIANTS = tuple(re.compile(rf"^(?P<x>.+?) (?P<a>{said}) (?:or|vs\.?|versus) (?:the )?(?P<b>{said})(?: ones?| pairs?)?"
                                   r"\s*[,:;-]?\s*(?:(?:which|what) (?:one |of them |of the two )?(?:is |are )?|"
                                   r"(?=(?:whats? (?:the )?|what is the )?price (?:gap|difference|diff)\b)|"
                                   r"(?=how much (?:more|less|extra)\b)|hows? (?:is )?|how is )(?P<c>.+?)$")
                        for said in (r"[\w/-]+", r"[\w/-]+ [\w/-]+"))  # ("… vs black - price gap", "… how much more is …")
# "iphone 13 blue vs pink", "… - differences?": two listings of the model named, compared on everything
_NAMED_VARIANTS_BARE = tuple(re.compile(rf"^(?P<x>.+?) (?P<a>{said}) (?:vs\.?|versus) (?:the )?(?P<b>{said})(?: ones?| pairs?)?"
                                        r"(?:\s*[,:;-]?\s*(?:(?:whats? |what are )?(?:the )?differences?|compared?|"
                                        r"how do they (?:differ|compare)))?[?.! ]*$")
                             for said in (r"[\w/-]+", r"[\w/-]+ [\w/-]+"))
# "is the sony wf-1000xm5 black cheaper than the platinum silver": a name and one listing's word, then the other's
_NAME_VARIANT_THAN = re.compile(r"^(?:and |so |ok,? )?(?:is|are) (?:the )?(?P<x>.+) (?P<a>[\w/-]+) (?P<c>\w+er|more \w+|"
                                r"less \w+) than (?:the |that )?(?P<b>[\w/ -]+?)(?: ones?| pairs?| version| model)?[?.! ]*$")
# "hp spectre x360 14 - price gap between the slate blue and the nightfall black": two listings of the model named
_GAP_BETWEEN = re.compile(r"^(?P<x>.+?)\s*[,:;-]\s*(?:whats? |what is )?(?:the )?(?P<c>price (?:gap|difference|diff)|"
                          r"difference in price) between (?:the )?(?P<a>[\w/ -]+?) (?:and|vs\.?) (?:the )?(?P<b>[\w/ -]+?)"
                          r"(?: ones?| pairs?| versions?| listings?)?[?.! ]*$")
# "asics novablast 4 - how do the two listings differ", "why is one listing about 30 bucks more than the other": the two
# listings of the model named (or in focus), compared on everything
_LISTINGS_DIFFER = re.compile(r"^(?:(?P<x>.+?)\s*(?:[,:;]| -)\s*)?(?:so |and |ok,? )?(?:"
                              r"(?:how|in what way|where) (?:do|are|does) (?:the |its |your )?(?:two |2 |both )?"
                              r"(?:listings|versions) (?:differ|different|compare)|"
                              r"(?:what'?s|whats|what is|what are) (?:the )?differences? between (?:the |its |your )?"
                              r"(?:two |2 )?(?:listings|versions)|"
                              r"what sets (?:the |its |your )?(?:two |2 )?(?:listings|versions) apart|"
                              r"why (?:is|does|would) one (?:listing |version |pair )?(?:of (?:them|the (?:two|listings)) )?"
                              r"(?:\w+ ){0,4}?(?:more|pricier|dearer|costlier|cost more|more expensive)\b.*)[?.! ]*$")
# "brooks adrenaline gts 23 - is the womens one lighter than the mens": a name, then a question of its listings
_NAME_THEN = re.compile(r"^(?P<x>[^,;]+?)(?:[,;:]| -) ?(?P<q>(?:is|are) .+)$")
# "the grey pair or the beige/teal pair - which is lighter" of the model in focus
_PAIR_OR_PAIR = re.compile(r"^(?:and |so |ok,? )?(?:the |that )?(?P<a>[\w/ -]+?) (?:one|pair|version|model)s? (?:or|vs\.?) "
                           r"(?:the |that )?(?P<b>[\w/ -]+?)(?: ones?| pairs?| version| model)?\s*[,:;-]?\s*"
                           r"(?:which|what) (?:one |of them |of the two )?(?:is |are )?(?P<c>.+?)$")
# "red vs black, price gap?" of the model in focus: two listings by a word of each one's title
_VARIANTS_GAP = re.compile(r"^(?:and |so |ok,? )?(?:the )?(?P<a>[\w/-]+)(?: ones?| pairs?)? (?:vs\.?|versus|or|and) (?:the )?"
                           r"(?P<b>[\w/-]+)(?: ones?| pairs?)?\s*[,:;-]?\s*(?P<c>(?:whats? (?:the )?|what is the )?"
                           r"(?:price (?:gap|difference|diff)|difference in price)|how much (?:more|less|extra)\b.*|"
                           r"how much (?:do|would|will|can) (?:i|you|we) save\b.*)$")  # ("…, how much do i save going black")
_PRICE_GAP_SAID = re.compile(r"\bprice (?:difference|gap|diff)\b|\bdifference in price\b|"
                             r"\bhow much (?:do|would|will|can) (?:i|you|we) save\b|"
                             r"^how much (?:more|extra)\b(?!.*\b(?:weigh|storage|ram|memory|battery)\b)")
# "do you sell it in multipacks", "a bigger pack of it"; "a single bag of it": the model's listings by their count
_MORE_PACKED = re.compile(r"\b(?:sell|have|got|get|any|comes?|is there|in)\b.*(?:\bmulti-?packs?\b|"
                          r"\b(?:bigger|larger|bulk|family[- ]size)(?: size)? (?:packs?|bags?|boxe?s?)\b|"
                          r"\bmore than one (?:bag|pack|box)\b|\bin bulk\b)")
_LESS_PACKED = re.compile(r"\b(?:sell|have|got|get|any|is there)\b.*\b(?:single|just one|one|smaller) (?:(?:smaller|small) )?"
                          r"(?:bag|pack|box)s? (?:of (?:it|that|this|them)|on its own|by itself)\b")


_BARE_PACK = re.compile(r"(?:the |a |an )?(\d{1,2}|two|twin|three|four|five|six|eight|ten|twelve)" + _COUNT_UNIT)


def _count_said(said: str) -> int:
    """The count "the 6 pack", "the six pack" or "the twin pack" says."""
    return 2 if said == "twin" else int(_NUMBER_WORDS.get(said, said))


def without_one_words(text: str) -> str:
    """A phrase less its "one"/"ones" ("the ninja one": the ninja)."""
    return " ".join(w for w in text.split() if w.casefold() not in ONE_WORDS)


def said_in_title(said: str, title: str) -> bool:
    """Whether a title says every word of ``said`` ("8.5" of "… Size 8.5"; "256gb" of "256 GB" and of "(256GB)")."""
    words = set(tokens(_AMOUNT_UNIT.sub(r"\1 \2", said.casefold()))) - STOPWORDS
    return bool(words) and words <= title_words(title)


def pack_counts(title: str) -> set[int]:
    """The counts a title says ("(6 Count)", "3-Pack", "12ct"): its amounts in kg.normalize's pack units."""
    return {int(float(m.group(1).replace(",", "."))) for m in AMOUNT_IN_TEXT.finditer(title.casefold())
            if UNITS.get(m.group(2)) == "pack"}


_THE_X_ONE = re.compile(r"\bthe ([\w-]+(?: [\w-]+)?) (?:ones?|model|version|pair)\b")  # "the Smartish one", "the 2 port one"
_RELATIVE_SIZES = frozenset({"short", "long", "big", "small", "little", "large", "tall", "thin", "thick", "wide", "narrow"})
_THE_X_END = re.compile(r"\bthe ([\w-]+)$")  # "how much is the bose", "how much are the filters"
# "the first one", "the second", "the other one", "the 2nd": a product of the last list by its place
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
             "5th": 4, "last": -1}
PLACE_WORDS = "|".join([*_ORDINALS, "other"])  # also qa.conversation's "and the other one?"
_ORDINAL = re.compile(rf"\bthe (?P<n>{PLACE_WORDS})(?: (?:one|option|result|listing|product|item|pick))?\b")
# "just the samsung ones", "any from breville?", "by hoka?": among the listed (the last search, narrowed)
# "compare them", "how do they compare", "whats the difference between them": the listed products, compared
_COMPARE_LISTED = re.compile(r"^(?:(?:can|could) you |pls |please |ok,? |now )?(?:compare (?:them|those|these|the two|"
                             r"both|the (?:first|top) two)|how do (?:they|those|these|the two|both) compare|"
                             r"(?:what'?s|what is) the difference between (?:them|those|these|the two))\b")
_ONLY_THESE = re.compile(r"^(?:just|only)\b|\b(?:just|only)\W*$|\bones\b|^(?:and |what about |how about )?(?:any(?:thing)? )?"
                         r"(?:from|by|made by)\b|^(?:and|what about|how about) (?:the )?[\w' -]+ one\W*$")
# a word that may be part of a model code said apart ("1080", "v13" of "1080 v13"): letters and digits only
_CODE_PART = re.compile(r"[a-z\d]+")
# "any with …", "anything in …", "got one with …": more of a kind, which the product in focus gives when none is said
_ANY_OF_ITS_KIND = re.compile(r"^(?:(?:do you have|have you got|got|is there) )?(?:any|anything|something|one|ones|some)\b")
_NOT_PICKING = frozenset({"other", "same", "first", "second", "last", "next", "new", "old", "right", "only"})
MAX_KIND_CHECKED = 10  # titles read for their category when a compatible model said with a kind may be a name instead
FULL_NAME = 1.0  # a link score that only a product's name said (nearly) in full reaches
_STOCKED = re.compile(r"\b(?:(?:do|does) )?(?:you|u|they|the (?:shop|store))(?: guys)? (?:sell|have|carry|stock|offer|got)\b|"
                      r"\b(?:are there|in stock|on offer|available)\b")  # "how many bags of coffee do you sell": products counted
VARIANT_ATTRIBUTES = frozenset({"color", "colour", "size", "storage", "gender", "pack size", "width"})  # what sets listings apart
# "what about in white?", "and what about the S24 Ultra?": the last question again, narrower or about another product
# "is there a bigger one?", "anything cheaper?", "got a lighter version?": other products past the one in focus
_ANOTHER = re.compile(r"^(?:is|are) there\b|^(?:any|anything|something|got|do you have|have you got|show me)\b"
                      r"|\b(?:one|ones|model|version|options?|alternatives?|else|same)\b")
WHAT_ABOUT = re.compile(r"^(?:(?:and |ok,? |okay,? )?(?:what|how) about |and (?=(?:the|an?) )|(?:and )?(?:for|by|in) comparison,? |"
                        r"(?:and )?(?:the )?same "
                        r"(?:question |thing |again )?(?:for|with) )(?:the |a |an )?(?P<x>.+?)"
                        r"(?:,? (?:same|the same|same question|same thing|too|as well)\??)?[?.!]*$",
                        re.IGNORECASE)  # "what about the S24 Ultra?", "and the bondi 8?", "same for the dell inspiron",
# "what about the flexispot e7, same?", "for comparison, the sony wh-1000xm5 in ounces?"
# "for a big guy", "for my dad": who a product is for, which no fact says
_FOR_SOMEONE = re.compile(r"\bfor (?:a |an |my |the |our |your )?(?:(?:big|tall|small|little|young|old|busy|new|"
                          r"picky|clumsy|careful)\s+)?(?:guy|guys|person|people|someone|somebody|dad|mom|mum|father|"
                          r"mother|wife|husband|friend|son|daughter|brother|sister|boss|students?|teenagers?|grandma|"
                          r"grandpa|boyfriend|girlfriend|me|myself|family(?: of (?:\d+|two|three|four|five|six))?|"
                          r"couple|"
                          # where it goes: "a desk for a small apartment", "for my dorm"
                          r"apartment|flat|dorm|dorm room|studio|home|house|bedroom|kitchen|living room|space|"
                          # what for: "a laptop for college", "headphones for travel"
                          r"college|school|university|uni|class|classes|work|travel|travelling|traveling|commuting|"
                          r"the commute|the office)\b(?! (?:office|offices|gym|appliances?|theater|theatre|decor)\b)")
# "for a 300 sq ft bedroom": the room an area is of
_AREA_PLACE = re.compile(r"(?P<area>\bsq\.? ?f(?:ee)?t|\bsquare (?:feet|foot|ft|metres|meters|m)|\bm2|m²)\s+"
                         r"(?:(?:bed|living|dining|family|guest|kids|spare|master) ?)?(?:rooms?|apartment|flat|studio|"
                         r"office|space|basement|home|house|kitchen|loft|area|place)\b")
# "what water filter do i need for it?": the kind that fits, asked
_KIND_ASKED = re.compile(r"^(?:what|which)\s+(?:kind|type|sort)?\s*(?:of\s+)?[\w-]+\s+(?:do|does|should|would|will|can)\s+i\b")
# "what sizes do you have", "which colours are there" (nothing else said): those of the product in focus
_WHAT_VALUES_HAVE = re.compile(r"^(?:what|which) ((?:colou?rs?|sizes?|materials?|widths?)) (?:do (?:you|u) have|have (?:you|u) got|"
                               r"(?:you|u) got|are there|are available|do they come in|can i get)$")
_NAME_THEN_VALUES = re.compile(r"^(?P<x>[^,:;?]+?)(?:,? (?:the )?(?P<g>(?:wo)?men'?s) ones?)?\s*(?:[,:;]| -)\s*(?:what|which) "
                               r"(?P<v>colou?rs?|sizes?|widths?|materials?) "
                               r"(?:do (?:you|u) have|have (?:you|u) got|(?:you|u) got|are there|are available|"
                               r"(?:does it|do they) come in|can i get|are in stock|(?:do )?(?:you|u) have in stock)\??$")
# "how big's the water tank", "it's": the verb glued to the word before it
_IS_GLUED = re.compile(r"\b(how \w+|it|that|this|there|where|which one)'s\b|"
                       r"\b(how (?:long|big|wide|tall|heavy|deep|high|loud|much|many))s\b")  # ("how longs the cable")
# "do they make a decaf one?", "does the brand do any wide ones": the maker of the product in focus
_THEY_MAKE = re.compile(r"^(?:do|does) (?:they|the brand|the maker|that brand|this brand) (?:make|do|have|sell|offer)s? "
                        r"(?:a |an |any |some )?(?P<x>.+?)(?: ones?| versions?| kinds?| models?)?$")
# "do you have it in women's?": what "does it come in women's?" asks
_HAVE_IT_IN = re.compile(r"^(?:do you have|have you got|you got|got|is there|do they make|do they have|does it have|can i get) "
                         r"(?P<it>it|this|that)"
                         r"(?: one)? in\b")
# "got a womens version of it?", "is there a women's version": does it come in that
_VERSION_OF_IT = re.compile(r"^(?:do you have|have you got|you got|got|is there|do they make|can i get|any) (?:a |an )?"
                            r"(?P<v>[\w'. -]+?) (?:version|model|one)(?: of (?P<it>it|this|that|this one|that one)"
                            r"(?: as well| too| also)?| as well| too| also)$")  # (not "do they make a white one": its maker's)
# "is there a wall charger thats listed as compatible", "any case that's compatible?": no object, so with the one in focus
_COMPATIBLE_BARE = re.compile(r"^(?:is there|are there|any|got any|do you have|do you sell) (?:an? |some |any )?(?P<k>[\w -]+?) "
                              r"(?:that'?s |thats |that is |which is |that are )?(?:listed as |marked as )?compatible$")
# "carrying case included?", "charger in the box?": whether the product in focus comes with it
_INCLUDED_BARE = re.compile(r"^(?!(?:what|whats|what's|which|how|who|why|where|when|is|are|does|do|did|can|could|will|would|"
                            r"should|anything|everything|it|that|this)\b)"
                            r"(?:an? |the )?(?P<x>[a-z][\w -]*?) (?:included|in the box)\s*[?.!]*$")
# "that phone", "this laptop": the product in focus by its kind
_THAT_KIND = re.compile(r"(?:that|this|the same|the) (?P<k>[a-z]+)")  # ("a case for the phone" of the one in focus)
# "tell me about the vitamix e310", "tell me more": a summary of a product
_TELL_ME_ABOUT = re.compile(r"^(?:(?:can|could) you |please )?(?:tell me (?:a bit |a little )?(?:more )?(?:about|on)|"
                            r"what (?:can|do) you (?:tell me|know) about|(?:more )?(?:info|information|details|specs) "
                            r"(?:on|about|of|for)|describe|more about|"
                            r"what'?s (?:the (?:deal|story|lowdown) with|(?:so )?(?:good|special) about))\b\s*"
                            r"(?:the |this |that )?(?P<x>.*?)(?: please)?$"
                            r"|^tell me more$|^more (?:info|details)$")
# "a coffee lover", "someone who loves coffee": the interest is the kind of product
_LOVER = re.compile(r"\b(?:for )?(?:a |an |my |the |someone |somebody |people )?(?:who (?:likes?|loves?|enjoys?) "
                    r"(?P<x>[\w-]+)|(?P<y>[\w-]+) (?:lovers?|addicts?|addiction|obsession|enthusiasts?|nerds?|fans?))\b")
# "for a runner", "for my hikers": who does something, which the catalog may say as what is done ("running")
_COMMON_TITLE_WORD = 3  # titles that must say an activity for "for a <doer>" to mean it ("running", not "beginning")
_WHO_DOES = re.compile(r"\bfor (?:a |an |my |the |our )?(?:someone|somebody|person|people|friend|\w+) who (?P<v>[a-z]{3,}s)\b")
_DOER = re.compile(r"\bfor (?:a |an |my |the |our )?(?P<x>[a-z]{3,}ers?)\b")
# words of a vague ask that no fact says ("a comfy chair", "gift ideas")
_VAGUE = re.compile(r"\b(?:(?:gifts?|presents?)(?! (?:sets?|cards?|box|boxes|baskets?)\b)|ideas?|recommendations?|recs|suggestions?|options|"
                    r"(?:best|good|great) value(?: for (?:the )?money)?|value for (?:the )?money|bang for (?:the|your|my) buck|"
                    r"(?:would|do|can|could) you (?:recommend|suggest)|recommend|suggest|(?:any )?(?:deals?|discounts?|bargains?)(?: on)?|"
                    r"choices|picks|comfy|comfortable|nice|(?:(?<=\ba )|(?<=\ban ))(?:better|decent|proper)(?= \w)(?!(?: [\w-]+){1,3} than\b)|(?:(?:that'?s|thats|that is|which is|but) )?not (?:too )?(?:slow|laggy|bad)|"
                    # "that arent too expensive", "nothing too pricey": no bound a fact could check (cheapest first)
                    r"(?:(?:that|which) (?:are|is) ?(?:n'?t|not) |(?:nothing|not) )(?:too |very |super )?(?:expensive|pricey|"
                    r"costly)|"
                    r"good|great|best|(?:top |highly |best )?(?:rated|reviewed)|(?<!tank )top(?![ -]load)|popular|recommended|awesome|decent|quality|lovely|cute|pretty|stylish|(?:nothing |not too )?fancy|basic|simple|"
                    r"no[- ]frills|entry[- ]level|(?:for )?(?:an? |the )?(?:beginners?|newbies?|novices?|first[- ]timers?)|stuff|please|"
                    r"thanks)\b")
# a question word opens the turn
_WH_WORD = re.compile(r"^(?:what|which|how)\b")
# "what beans are from ethiopia", "which chairs come in black": products of a kind with a value, not the focus's
_WHICH_KIND_ARE = re.compile(r"^(?:what|which) (?!ones?\b|colou?rs\b|sizes\b)[a-z]+s (?:are|come|have|do)\b")
_WHERE_WHAT = re.compile(r"^(?:where|what|how)\b(?!.*\b(?:other|another|else|any|ones|cheaper|better)\b)")
# words that open a turn without asking anything: chat, not constraints ("forget" is no product word)
# "random question", "switching topic", "unrelated -": the turn is about something new
_SUBJECT_CHANGE = (r"(?:(?:totally|completely|something) )?(?:random|unrelated|different|diff|other|new|another) "
                   r"(?:question|q|qn|thing|topic|subject)|on another note|"
                   r"off topic|unrelated|(?:switching|changing|change of) (?:topics?|subject)")
# a clause the shopper says of themselves ("i drink a lot of coffee, …", "my wife runs, …")
_I_SAY = re.compile(r"^\s*(?:i|i'm|im|i've|ive|we|we're|my|our)\b")
_OPENING = re.compile(r"^(?:(?:ok(?:ay)?|kk?(?![ -]?cups?\b)|then|so|hmm+|um+|well|alright|actually|anyway|oh|cool|great|thanks|thank you|"
                      r"(?:or )?maybe(?= (?:some|a|an|any|something|anything)\b)|"  # "or maybe some k cups": a new ask
                      r"never ?mind|forget (?:that|it|about that|(?:about )?(?:the )?[a-z][\w-]*(?= *,))|scratch that|hello|hey|hi(?=[,.!])|"
                      rf"(?:a |one )?(?:quick (?:question|q|qn)|{_SUBJECT_CHANGE})|btw|by the way|"
                      r"(?:i'?ll|i will|i'?d|i would|i want to|let me) (?:take|get|buy|go (?:with|for)|order) "
                      r"(?:it|that|this|that one|this one|them|those)(?=[,.!;]| and| but| so| then))\b\s*[,.!:;–-]?\s+)+")
# chat around a request that no listing says: "hi! i'm after …", "… if possible, any ideas?", "by any chance", "what have you
# got", "good afternoon"
_CHAT = re.compile(r"\b(?:good (?:morning|afternoon|evening|day)|hiya|hey there|hi there|i'?m after|i am after|"
                   r"if possible|by any chance|any ideas|what (?:have you got|do you have|you got)(?= *$)|"
                   # "any idea what it tastes like", "do you know how heavy it is": the question after it
                   r"^(?:any idea|got any idea|do you (?:happen to )?know)(?= (?:what|how|which|where|who)\b)|"
                   r"(?:i'?m |i am )?(?:thinking (?:of|about) (?:getting|buying)|considering (?:getting|buying))|"
                   r"tbh|idk|rn|lol|cheers|many thanks|thank you|thanks|thx|pls|please|at all(?=[,?.!]| *$)|"
                   r"any gender(?= *$)|"  # ("do they make it in wide at all, any gender")
                   r"^(?:i )?(?:saw|seen|spotted|noticed)(?= (?:an?|the|some) )|"  # ("saw an office chair for 477.99, …")
                   r"(?<=\bfor it )(?:as well|too|also)(?= *[?.!]* *$)|"  # ("a case for it as well", "a filter for it too")
                   r"(?<=\bfor them )(?:as well|too|also)(?= *[?.!]* *$)|"
                   r"(?:that )?(?:you'?d|you would|you could|you can|u'?d|u would) (?:suggest|recommend)(?= *[?.!]* *$))"
                   r"\b[,.!?]*")  # ("anything similar you'd suggest")
# "works w my iphone", "case w/ a kickstand", "w/o a mic": with and without, shortened (not "65 w charger": watts)
_WITH_SHORT = re.compile(r"(?<=[a-z] )w/o(?= [a-z])|(?<=[a-z] )w/?(?= (?!\d)[a-z])")
_PRICE_THEN_W = re.compile(r"(?P<p>[$€£]\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)? ?(?:dollars|bucks|usd|euros?|eur|pounds|gbp)) w/?"
                           r"(?= )")
_THAT_RUNS = re.compile(r"\b(?:that|which) (?:runs?|ships? with|comes? with)\b(?= (?:ios|android|windows|macos|chrome))")
# "not from ikea", "other than apple", "non-samsung": a brand left out
_NOT_BRAND = re.compile(r"\b(?:(?:that'?s|thats|which is|that is|that are|thats are|but|and) )?(?:not (?:from |by |made by )?|"
                        r"(?:do not|don't) want (?:any )?|other than |except (?:for )?|apart from |non-? ?|no )(?:an? |the )?"
                        r"(?P<x>[\w&'-]+(?: [\w&'-]+){0,2})")
# "galaxy s24 case that's not too bulky", "coffee thats not bitter": a quality no listing states, left out (a brand said
# so is left out of the search by _NOT_BRAND; a value said so, "not waterproof", is kept: no search leaves a value out)
_NOT_SO = re.compile(r",?\s*\b(?:(?:that'?s|thats|that is|which is|that are) not (?:(?P<so>too|so|very|overly) )?|"
                     r"not (?P<so2>too|so|very|overly) )(?P<a>[a-z]+)\b")
_NEW_ONE = re.compile(r"\bnew (?=(\w+))")
_WHEN_ASKED = re.compile(r"\b(?:when|how often|how long|how soon)\b")
# "shoes for a woman", "for a man": gender, said as a person
# "i am a rather heavy man": who the shopper is, said of themselves
_I_AM_A = re.compile(r"(?:^|\b)i(?: am|'m|m) (?:a |an )?(?:[a-z]+ ){0,2}?(?P<p>woman|lady|girl|man|guy)\b")
_FOR_A_PERSON = re.compile(r" for (?:a |an |one )?(?P<p>woman|lady|girl|man|gentleman)\b")
# "wider then the hon ignition": the comparative's "than", mistyped
_THEN_FOR_THAN = re.compile(r"\b(\w+er|more(?: \w+)?|less(?: \w+)?) then\b(?= (?:the|a|an|my|it|this|that|mine)\b| ?[$£€\d])")
# "5l or more", "10 cups or bigger", "2 kg or less", "6ft or longer": an amount with its comparator after it
_MORE_WORDS = frozenset({"more", "bigger", "larger", "higher", "above", "over", "up", "longer", "taller", "wider",
                         "heavier", "faster", "greater"})  # ("120hz or faster")
_LESS_WORDS = frozenset({"less", "smaller", "lower", "under", "below", "shorter", "narrower", "lighter", "slower"})
_OR_MORE = re.compile(r"\b(\d+(?:\.\d+)?\s*-?\s*[a-z]+(?: of)?(?: [a-z]+)?) or "
                      rf"({'|'.join(sorted(_MORE_WORDS | _LESS_WORDS))})\b")
def _with_before(text: str, at: int) -> str:
    """"with " where a bound after a kind's noun needs it ("car charger, 45 watts or more": a charger with at least 45 W,
    not the one product a name like "Car Charger, 48W" is), else ""."""
    before = tokens(text[:at])
    return "with " if before and before[-1] not in _BOUND_AFTER and before[-1] not in STOPWORDS \
        and not any(c.isdigit() for c in before[-1]) else ""


_BOUND_AFTER = frozenset({"with", "of", "is", "are", "has", "have", "for", "than", "and", "or", "it", "its", "be", "holds",
                          "hold", "weighs", "weigh", "lasts", "last", "takes", "take", "supports", "support", "covers",
                          "cover", "gets", "get", "does", "do", "need", "needs", "want"})
# "could you compare the battery life of …", "would you kindly tell me which country …": a request said politely
_ASKED_POLITELY = re.compile(r"^(?:(?:can|could|would|will) you (?:please |pls |kindly )?|kindly )"
                             r"(?=(?:tell|show|give) me\b|compare\b|list\b|find\b|check\b)|"
                             r"^(?:(?:can|could) you )?remind me (?:again )?(?=(?:what|how|which|where)\b)")  # ("remind me what …")
# "the lifesupply filter fits it right?": a statement to confirm is the question
_TAG_QUESTION = re.compile(r",?\s+(?:right|correct|yeah|eh|is that right|am i right|isn'?t it|doesn'?t it|won'?t it|"
                           r"don'?t they|aren'?t they)$|(?<=\w),\s*(?:which|what) ones?$")  # ("refills for it, which ones")
_EITHER_TAILS = (re.compile(r"(?:^|\s)(?:is it |are they |is that )?(?P<v>[\w-]+,? [\w-]+,? or [\w-]+)$"),
                 re.compile(r"(?:^|\s)(?:is it |are they |is that )?(?:(?:the|an?) )?(?P<v>[\w-]+,? or [\w-]+)"
                            r"(?: (?:one|version|model|listing|boot|shoe|pair))?$"))  # ("is that a mens or womens boot")
_OR_THEN_WORD = re.compile(r" or [\w-]+ (?P<w>[a-z]+)$")  # "… a light or dark roast"
# "…, is that the": what is left of the name before an either tail
_IS_THAT_END = re.compile(r"[\s,-]*\b(?:is (?:it|that|this)|are (?:they|those|these))$")
# "saucony endorphin speed 4 vs hoka speedgoat 5, compare pls": the comparison asked
_COMPARE_PLEASE = re.compile(r",?\s+(?:compare|comparison|compared)(?: them| the two| both)?(?: pls| please| plz)?$")
# "belkin 65 watt charger, what laptops is it compatible with", "red caseology parallax - will it fit iphone 14": a
# product named, then a question about it ("iphone 14 purple 128gb - cases for it": the cases that fit it, the name's
# colour not theirs)
_NAMED_THEN_ASK = re.compile(r"^(?:(?:ok |so )?and )?(?:the |a |an |my )?(?P<x>[^,;]+?)(?:[,;]| -) ?(?P<q>(?:what|whats|what's|"
                             r"which|how|hows|does|do|is|are|can|will)\b.*\b(?:it|its|they|them|their|that)\b.*|"
                             r"(?:(?:any|some|got any|need) )?[a-z][\w -]*? (?:for|that fits?|that works? with) (?:it|them)[?.!]*|"
                             r"(?:what|whats|what's)(?: is| comes)?(?: actually)? (?:in|inside) the box[?.!]*)$")
# "whats it listed as working with", "which phones is it listed for": what it fits
_LISTED_WORKING = re.compile(r"^(?P<w>what|which(?: [a-z]+)?)(?:'s|s| is| are)? (?P<x>it|they|this|that|this one|that one|"
                             r"the [\w -]+?) listed (?:as )?(?:working with|compatible with|for|fitting|going with)[?.!]*$")
# "what charger should i get" of a laptop in focus ("i have a dell xps 15, …"): what fits it
_KIND_TO_GET = re.compile(r"^(?:what|which) (?P<k>[\w -]+?) (?:should|would|do|can|could) (?:i|we|you) (?:get|buy|use|"
                          r"recommend|suggest|pick)(?: for it)?[?.!]*$")
# "is there a case that fits that exact phone": the cases that fit the one in focus
_IS_THERE_KIND_FITS = re.compile(r"^(?:is there|are there|got) (?:an?|any|some) (?P<k>[a-z][\w -]*?) "
                                 r"(?:that|which) (?P<r>(?:fits?|works? with|goes with)\b.*)$")
_FIT_THAT_ONE = re.compile(r"\b(?P<v>fits?|works? with|goes with) (?:that|this) (?:exact |same |very )?"
                           r"(?P<n>phone|laptop|one|model|machine|device)\b")
_BARE_OK_FOR = re.compile(r"^(?:ok|okay|fine|suitable) (?:for|with) (?:the |my |a |an )?(?=\w)")
_BARE_FOR = re.compile(r"^for (?:the |my |a |an )(?=\w)")
_BARE_FITS = re.compile(r"^(?:fits?|works? (?:with|on)|compatible with|goes with) (?:the |my |a |an )?(?=\w)")  # "fits iphone 15 pro?"
_NEARLY_FULL = 0.9  # of a full name's link score: "red caseology parallax" names the red Caseology Parallax case
_ONES = re.compile(r"\b(?:one|ones|pair|model|version|listing)$")  # "the merrell ones, …": a pick from the list
# '8" shaft': inches
_INCH_MARK = re.compile(r"(\d+(?:\.\d+)?)\s*(?:\"|''|”|″)(?=\s*(?:shaft|screen|display|wide|tall|long|high|deep|heel|"
                        r"height|width|length|or\b|and\b|,|$))")  # (not a name's 'Yoga 7i 14" (…)')
_ON_THE_FOOT = re.compile(r"\s+on (?:the |your |my )?(?:foot|feet)\b")
# "mens bondi 8 by hoka": the brand said after the name
_BY_BRAND = re.compile(r"^(?!.*\bbut (?:(?:made|manufactured|designed|sold|produced) )?by\b)(?P<x>.+?)"
                       r"(?: (?:made|manufactured|designed|sold|produced))? by (?P<b>[\w&'.-]+(?: [\w&'.-]+)?)$")
# (not "like the beats but made by sennheiser")
# "ikea billy bookcase, how many shleves": how many of a part the product named has
_NAME_HOW_MANY = re.compile(r"^(?P<x>[^,]+), how many (?P<y>[\w-]+)$")
_HOW_MANY_ASKED = re.compile(r"^(?:and )?how many\b")  # a count asked (the question as read: "X, how many Y" reordered)
_THE_KIND = re.compile(r"^(?:the|my|this|that) \w+$")  # "the phone", "my laptop": the one under discussion
# "lighter than the fuelcell rebel?" of the product in focus: is it
_BARE_THAN = re.compile(r"^(?:and |but |so )?(?:is it )?(?P<c>(?!other\b|rather\b)\w+er|more \w+|less \w+)"
                        r"(?: or (?!other\b|rather\b)(?:\w+er|more \w+|less \w+))? th[ae]n (?P<x>.+)$")  # ("lighter or heavier than")
# "is it worth it compared to the ninja": the two compared ("is it better than the bose" compares on what was asked)
_WORTH_AGAINST = re.compile(r"^(?:but |so |and )?(?:is|are) (?:it|this|that|this one|that one|they) (?:worth it|worth the money|"
                            r"any good|good value) (?:compared (?:to|with)|vs\.?|versus|next to|over) (?P<x>.+)$")
# "how does the camera compare to the redmi note 13 pro" of the product in focus: compared on that
_ATTRIBUTE_COMPARED = re.compile(r"^(?:how (?:does|do|is|are) (?:the |its |their )?(?P<attr>[\w -]+?) (?:compare|stack up) "
                                 r"(?:to|with|against)|(?:and )?(?:the |its )?(?P<attr2>[\w -]+?) (?:vs\.?|versus|compared to)) "
                                 r"(?P<x>.+)$")
# "is the battery bigger than the pixel 7a's" of the product in focus: compared on that, with the one named
_ATTRIBUTE_THAN = re.compile(r"^(?:and )?(?:is|are) (?:the |its |their )?(?P<attr>[\w -]+?) (?:\w+er|more \w+|less \w+) than "
                             r"(?:the |that of the |the one on the )?(?P<x>.+?)(?:'s|s')?$")
_IN_A_SIZE = re.compile(r"\bin an? ((?:(?:mens|men's|womens|women's|kids|boys|girls) )?)(\d{1,2}(?:\.5)?)"
                        r"(?![\w.%$€£]|-| ?(?:x|\+|/|\d)| - ?\d)")  # "in a 9", "in an 11.5", "in a womens 9", "in a 6 - price?"
# "he wears a 10", "she's a size 7", "i take an 11.5": the size wanted
_WEARS = re.compile(r"\b(?:he|she|i|i'?m|my \w+) (?:wears?|takes?|is|'s|s) (?:an? )?(?:size )?(\d{1,2}(?:\.5)?)"
                    r"(?![\w.%$€£]| ?(?:-|x|\+|/|\d))")
_DO_U = re.compile(r"\b(do|does|can|could|will|would|did) (?:u|ya)\b")  # "do u have …": do you
_YOU_SELL = re.compile(r"^(?:u|you) (sell|have|carry)\b")
# "more big", "more cheap": the comparative said with "more"
COMPARATIVE_OF = {"big": "bigger", "cheap": "cheaper", "light": "lighter", "small": "smaller", "heavy": "heavier",
                   "long": "longer", "wide": "wider", "tall": "taller", "strong": "stronger", "fast": "faster"}
_MORE_PLAIN = re.compile(rf"\b(more|most) ({'|'.join(COMPARATIVE_OF)})\b")
_WOMANS = re.compile(r"\bwom[ae]ns'?|\bwoman'?s\b")
# "guys running shoe", "ladies boots": the men's and women's listings
_SELL_THE = re.compile(r"^(?:do|does) you (?:sell|have|carry|stock|got) the (?P<x>[\w .+-]+?)[?.!]*$")
_YOU_GUYS = re.compile(r"\b(?:you|u) (?:guys|folks|all|lot)\b|\by'?all\b")
_WORN = r"(?= (?:(?!(?:have|sell|carry|got|stock)\b)[\w-]+ )?(?:shoes?|boots?|running|sneakers?|trainers?|hiking)\b)"
_GUYS = re.compile(rf"(?<!\byou )(?<!\bu )\b(?:guys?'?s?|gents?|blokes?){_WORN}")  # (not "do you guys have …")
_LADIES = re.compile(rf"(?<!\byou )(?<!\bu )\b(?:ladies|lady'?s|gals?){_WORN}")
# "30h+", "30+ hours": at least that much ("galaxy s24+" is a name)
_PLUS_AMOUNT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([a-z]{0,5})\+(?=\s|$)")
# the listings' spelling of what is said otherwise: "noise canceling", "over the ear"
_SPELT_AS_LISTED = ((re.compile(r"\bcanceling\b"), "cancelling"), (re.compile(r"\bcancelation\b"), "cancellation"),
                    (re.compile(r"\b(?:anc|active noise cancel{1,2}ing)\b"), "noise cancelling"),  # ("does it have anc")
                    (re.compile(r"\b(\d+)[ -]?ports?\b"), r"\1port"),  # "with 3 ports": the titles' "(3-port)"
                    (re.compile(r"\b(over|on|in) the ear\b"), r"\1-ear"),
                    (re.compile(r"\blightening\b"), "lightning"),
                    (re.compile(r"\bk[ -]?cups?(?: pods?)?\b"), "k-cup coffee pods"),  # "k cups": the titles' "K-Cup Pods"
                    (re.compile(r"\bmade off\b"), "made of"),  # (a slip no speller sees: both are words)
                    # "arrives fully assembled": how it ships (as "Ships fully assembled" says), not the brand Fully
                    (re.compile(r"\bfully (?=(?:assembled|built|set up)\b)"), ""),
                    # "ounces per shoe": its weight in ounces; "weight per shoe": what one shoe of the pair weighs, as the
                    # listings give it; no kind of product
                    (re.compile(r"\b(ounces|oz|grams) (?:per|each|for (?:one|a single)|of (?:one|a single)) (?:shoe|boot)\b"),
                     r"weight in \1"),
                    (re.compile(r"\s*\b(?:per|for (?:one|a single)|of (?:one|a single)) (?:shoe|boot|item|unit|piece)\b"), ""))
# "which one can handle rain", "i hike in the rain": waterproof
_IN_THE_WET = re.compile(r"\b(?:(?P<v>(?:can |could |will |would )?(?:handle|cope with|deal with|survive|stand up to|take))|"
                         r"in|for) (?:the )?(?:rain|wet weather|puddles|downpours?)\b")
_SAME_MODEL = re.compile(r"\b(?P<v>have|got|sell|stock) (?:the )?same (?:model|shoe|boot|pair)\b(?! (?:as|like)\b)")
_WHEN_SAID = re.compile(r"\b(?:for )?most (?:weekends|days|mornings|nights|evenings)\b")
_CORDED = re.compile(r"\b(?:corded|cordless)\b")
_FITS_WHICH = re.compile(rf"^(?:(?P<it>this|it|that|this one|that one)(?: is| are)?|is|are) {_COMPAT_VERBS} (?:which|what) (?P<kind>[\w -]+?)[?.!]*$")
_GOES_IN_WHICH = re.compile(r"^(?:which|what) (?P<kind>[a-z]+(?: [a-z]+)?) (?:does|do|will|would|can) (?P<it>this|it|that|"
                            r"this one|that one|they|these) (?:go|goes|fit|slot|drop) (?:in|into|inside)[?.!]*$")
# "colour options on the bondi": the colours its listings come in
_OPTIONS_ON = re.compile(r"^(?:what are (?:the )?|any )?(colou?r|size)s? (?:options|choices|variants) (?:on|for|of) (?:the )?(?P<x>.+)$")
# "what height drop is that case rated for": its drop protection (not what it fits)
_DROP_RATED = re.compile(r"^what (?:height |size |kind of )?drops?(?: height)? (?:is|are) (?P<s>(?:it|they|that|this|those|these)"
                         r"(?: one| ones| case| cases)?) rated (?:for|to|at)$")
_TAKES_WEIGHT = re.compile(r"\b(?:takes?|supports?|carr(?:y|ies)|rated (?:for|to)) (?:up to )?(?=\d+(?:\.\d+)?\s*(?:kg|kilos?|lbs?|pounds)\b)")
# "office chair for a heavy person, like 130 kg", "desk chair for someone who weighs 300 lbs", "i weigh 120kg, which
# chair": what it must hold (the chair's maximum weight capacity), not a product weighing that
_PERSON_WEIGHS = re.compile(r"(?:\bfor (?:a |an )?(?:(?:heavy|heavier|big|bigger|large|larger|tall) )?(?:someone|somebody|"
                            r"person|people|user|man|woman|guy|me)\b(?: (?:who|that) (?:is|weighs))?|\bi(?: weigh| am|'m)|"
                            r"\bim)[, ]*(?:like |about |around |over |almost |nearly |close to )?"
                            r"(?=\d+(?:\.\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds)\b)")
_SEATS = re.compile(r"\b(?:chairs?|desks?|seats?|stools?)\b")
# "air fryer big enough for a family of 5", "i need a blender thats large enough to make smoothies for 4": the kind's
# biggest (no listing says whom it is enough for)
# a request before the kind ("i need an …") and a price bound after it (", under 150"), as the two below say them
_ASKED_KIND = (r"^(?:(?:i need|i want|i'm looking for|im looking for|looking for|need|want|show me|got|do you have|any)\s+)?"
               r"(?:an?\s+|some\s+)?(?P<k>(?:[\w'-]+\s+){0,3}?[\w'-]+?)\s+")
_PRICE_TAIL = r"(?P<t>(?:,?\s+(?:under|below|less than|over|from|by|in|priced)\b.*)?)$"
_BIG_ENOUGH = re.compile(_ASKED_KIND + r"(?:that(?:'s| is| are)?\s+|thats\s+)?(?:big|large) enough (?:for|to)\b[^,]*?"
                         r"\b(?:family|people|persons|servings|of us|everyone|household|kids|guests)\b[^,]*?" + _PRICE_TAIL)
# "air fryer for 1 person": the kind's smallest (no listing says whom it is enough for)
_FOR_ONE = re.compile(_ASKED_KIND + r"(?:just |only )?for (?:1|one|a single|single) (?:person|people|adult)\b" + _PRICE_TAIL)
_SIZED_BY_PEOPLE = re.compile(r"kitchen appliances|filter pitchers")  # (kinds whose size is how many it serves)
_WITH_FIRST = r"(?:with|without|that (?:has|have)|having)\b"  # "with at least 16gb ram" after a search: narrower
_REFINING = re.compile(rf"^(?:(?:and|also|but|plus),? )?{_WITH_FIRST}|^and (?:an? |some )?")
_QUESTION_WORD = re.compile(r"\b(?:what|whats|what's|how|which|who|does|do|is|are|can)\b")
_HOW_WIDE = re.compile(r"\bhow wide\b")  # ("… in carbonized, how wide": the width asked, no wide-fit shoe's value)
# who a question's gender words pick ("the womens one"), unless it asks the gender itself
_GENDER_NAMES = frozenset({"gender", "target gender"})
# "usb-c to lightning cables, what lengths do they come in": the question, of the kind said before it
_KIND_THEN_THEY = re.compile(r"^(?P<k>[^,?]+), (?P<q>(?:what|which|how)\b[^,]*\b(?:they|them)\b[^,]*)$")
# "apple 100w usb-c cable with a macbook pro 14, will that work": whether the one works with the other
_WITH_WILL_IT_WORK = re.compile(r"^(?:(?:the|a|an|my) )?(?P<a>.+?) (?:with|on|for) (?:a |an |the |my )?(?P<b>[^,]+?),? "
                                r"(?:will|would|does|do|can) (?:that|it|this|they|these) (?:work|fit)(?: together)?$")
# words shoppers use for a kind that no category name says, and the category word they mean (where the catalog has it)
_RAISES = re.compile(r"\s*\b(?:(?:that|which) )?(?:goes|go|can go|moves?|raises?|lifts?) up and down\b|"
                     r"\b(?:height[- ]adjustable|adjustable[- ]height|sit[- ](?:to[- ])?stand(?:ing)?|stand[- ]up)\b")
_KIND_ALIASES = {"jug": "pitcher", "sneaker": "shoe", "earphone": "headphone", "notebook": "laptop",
                 "cellphone": "phone", "smartphone": "phone", "runner": "running shoe"}  # ("new balance runners")
# ("filters for this pitcher"; the whole phrase said, at the end: "coffee for this coffee maker", not "my phone charger")
_FOR_THIS_KIND = re.compile(r"\b(?P<p>for|with|fits?|in|into) (?:this|that|my) (?P<k>[a-z]+(?: [a-z]+)?)(?=\s*(?:[?.!,]|$))")
_NOT_THE_LINE = re.compile(r"\s*[(,]\s*not (?:the |a )?(?P<w>[a-z]+)(?: one| version| model)?\s*\)?(?=\s*(?:[-,:;?]|$))")
_LISTED_FOR = re.compile(r"\b(?:that'?s|thats|that is|that are|which is|which are) listed (?=(?:for|with) )")
_WHICH_LISTED_FOR = re.compile(r"(?:^|(?<=- )|(?<=, )|(?<=: ))(?P<k>(?:which|what) [\w -]+?) (?:is|are) listed for\b")
_TAKES_PLUG = re.compile(r"\b(?:takes?|accepts?|uses?) (?:an? )?(?P<p>usb[- ]?[abc]|lightning|micro[- ]?usb)"
                         r" (?:cables?|cords?|plugs?|leads?)\b")
_OF_ITS_MODEL = re.compile(r"\b(?:listings?|sellers?|offers?)\b")  # other listings of its model, not other products
_NEED_THEN_ASK = re.compile(r"^(?:i |it |we )?(?:need|needs|want|wants|must have|has to have|gotta have)\s+(?P<n>[^,]+?)"
                            r"(?:\s+(?:tho|though|too|also|as well))?,\s*(?P<q>(?:any|anything|something|is there|got)\b[^,]+)$")
_THE_ONE_PRICED = re.compile(r",?\s+the (?:one|listing|version) (?=(?:priced |sold |listed )?in (?:us )?(?:pounds|dollars|euros?|usd|"
                             r"eur|gbp)\b)")
_KIND_LISTS = re.compile(r"^(?P<h>(?:so |and |ok,? )?(?:which|what) [a-z ]+?) (?:do |does )?(?:list|lists|mention|mentions|"
                         r"name|names) (?:the |my )?(?P<x>.+?)[?.!]*$")
# "i only want to pay in dollars", "just the ones in euros": the listed products priced in that currency
_PAID_IN = re.compile(r"\b(?:(?:pay|paying|priced|prices?|buy|ones|only|just)\s+(?:in\s+)?(?:us\s+)?(?:dollars|usd|euros?|eur|"
                      r"pounds(?: sterling)?|gbp)|(?:dollars?|usd|euros?|eur|gbp)\s+(?:only|prices?)|in (?:usd|eur|gbp) only|"
                      r"in (?:usd|eur|gbp|(?:us )?dollars|euros?)$)\b")  # ("dark roast coffee in usd": the code last;
# "…, in dollars" too, but not "in pounds", a weight's unit)
# "and the price in euros?" after an answer about one product: its price (not its listings in euros, which "what is the
# price in euros" may ask)
_ITS_PRICE_IN = re.compile(r"^(?:(?:and|so) (?:the|its)|its) price in\b")
_IT_PRICED = re.compile(r"\b(?:how much|what) (?:does|is|would|will) it (?:cost|go for|sell for|run)?\b")  # "… in dollars"
# "price in dollars?", "how much in euros": which listing's price (not "in pounds", a weight's unit)
# "what's that per filter", "cost per cartridge?", "which works out cheaper per pod", "cheapest per kilo": a price per one
PER_UNIT_WORDS = {"filter": "filter", "pod": "pod", "k-cup": "pod", "kcup": "pod", "cup": "pod", "capsule": "capsule",
                  "cartridge": "cartridge", "can": "can", "bag": "bag", "bottle": "bottle", "piece": "piece", "unit": "unit",
                  "count": "unit", "kilo": "kg", "kg": "kg", "kilogram": "kg", "pound": "lb", "lb": "lb", "ounce": "oz",
                  "oz": "oz", "gram": "g", "g": "g"}
_PER_UNIT = re.compile(r",?\s*\b(?:per|for each|for one|a single) (?P<u>k-?cups?|[a-z]+?)(?:e?s)?\b(?P<rest>.*)$")
# "…, not counting the bundle", "excluding bundles": listings sold alone
_NOT_BUNDLES = re.compile(r",?\s*\b(?:not (?:counting |including )?(?:the |any )?bundles?|(?:excluding|without|minus|"
                          r"leaving out|no) (?:the |any )?bundles?)\b")
# "under $10 a pound", "that works out under 10 dollars per lb", "filters under $10 a filter": a bound of the price per one
# of these (not "$2 a cup", a cup of coffee)
_BOUND_PER_UNIT = re.compile(rf"(?:\b(?:that|which) )?(?:\bworks? out (?:at |to )?)?(?P<b>(?:under|below|less than|at most|up to|"
                             rf"over|above|more than|at least|around|about) (?:[$€£]\s?\d+(?:\.\d+)?|\d+(?:\.\d+)?\s?"
                             rf"(?:dollars?|bucks|euros?|quid|gbp|usd|eur)))\s*(?:a|an|per|each|for each|for one) "
                             rf"(?P<u>{'|'.join(sorted((w for w in PER_UNIT_WORDS if w != 'cup'), key=len, reverse=True))})"
                             r"(?:e?s)?\b")
_EACH_COMES_TO = re.compile(r"\bwhat (?:does|do|would|will) (?:each|one|a single) (?P<u>[a-z-]+?)(?:e?s)?(?: in (?:that|the|this|"
                            r"it'?s|its) (?:pack|box|bundle))? (?:work out (?:to|at)|come to|cost(?: me)?)$")
_WHAT_DO_I_NEED = re.compile(r"[,.;]\s*(?:so |and )?what (?:do|should|would|will) i (?:need|get|buy)(?: for it)?$")
_MODEL_NUMBER = re.compile(r"(?!\d+g\b)(?!\d+gb\b)(?!\d+tb\b)[a-z]*\d+[a-z\d]*")  # "g42", "s24", "15" (not "5g", "128gb")
_NEED_KIND = re.compile(r"[,.;]\s*(?:and |so |i )?(?:need|needs|want|wants|looking for)\s+(?:a |an |some |new |the )*"
                        r"(?P<k>(?!(?:to|something|anything|stuff)\b)[a-z][^,.;]*?)\s*$")
_NEED_SAID = re.compile(r"\b(?:need|needs|want|wants|looking for|after|keeps? (?:dying|dieing|cracking|breaking|running out)|"
                        r"(?:what(?:'?s| is)?|anything|something) (?:listed |there |available |sold |good )?for)\b")
_OWNED = re.compile(r"(?:^|[,.;]\s*)(?:(?:i(?:'ve| have)? )?got|i have|i own|i bought|i use|(?:he|she)(?:'s| has)? got|hes got|"
                    r"shes got|its|it's|"
                    r"it is) (?:a |an |the |my |his |her )?(?P<x>[^,.;]+?)\s*(?=[,.;]| - |$)")
_PURPOSE_KINDS = ((re.compile(r"\b(?:scale|descal\w*|limescale|clean|tast(?:e|es|ing))\b"), "filters"),
                  (re.compile(r"\b(?:in the car|driving|road trips?)\b"), "car charger"),
                  (re.compile(r"\b(?:crack\w*|drops?|dropping|tough|protect\w*|scratch\w*)\b"), "case"),
                  (re.compile(r"\b(?:charg\w*|topped up|top (?:it )?up)\b"), "charger"))
# "no wires", "without a cable", "cordless": wireless, as titles say it
_NO_WIRES = re.compile(r"\b(?:without (?:a |any )?(?:cables?|wires?|cords?)|no (?:cables?|wires?|cords?)|cordless|wire-?free)\b"
                       r"(?:,? (?:attached|needed|required|necessary)\b)?(?! (?:included|in the box))")
# "with a cable rather than bluetooth": wired, as titles say it
_WIRED_NOT = re.compile(r"\bwith (?:a )?(?:cable|cord|wire)s?,? (?:rather than|instead of|not|over) (?:bluetooth|wireless)\b")
# "earbuds … on the train", "headphones during flights": where it is used, which no listing says
# "which gets the most hours away from a plug": the longest battery life
_MOST_HOURS = re.compile(r"\b(?:gets|has|lasts|runs|does|gives) (?:the )?most hours (?:on (?:the |a |one )?(?:battery|charge)|"
                         r"away from (?:a |the )?(?:plug|outlet|wall|socket|charger)|unplugged|off (?:the |a )?(?:plug|charger|"
                         r"wall|mains))\b")
_PLACE_USED = re.compile(r"\s*\b(?:on|at|in|during) (?:the |a |my )?(?:train|plane|bus|subway|tube|metro|commute|flights?|"
                         r"airplane|gym)\b")
# "something for my ears on the train": headphones (a body part's kind, where no title names the part)
_FOR_THE_EARS = re.compile(r"\b(?:something|anything|stuff) (?:for|to (?:put )?(?:in|on|over)) (?:my |your |his |her |the )?ears\b")
# "how much less is the purple iphone 14 than the starlight one": a listing of a model named against another, on price
_HOW_MUCH_VARIANT_THAN = re.compile(r"^(?:and |so )?how much (?P<w>less|cheaper|more|extra|dearer|more expensive) (?:is|are) the "
                                    r"(?P<a>[\w/-]+) (?P<x>[\w .-]+?) (?:than|over) the (?P<b>[\w/ -]+?)(?: ones?| version| listing| pair)?"
                                    r"[?.! ]*$")
_NAME_THEN_VARIANT_GAP = re.compile(r"^(?:the )?(?P<x>[^,:]+?)\s*(?:,|:|\s-\s)\s*how much (?P<w>less|cheaper|more|extra|dearer|"
                                    r"more expensive) (?:is|are) the (?P<a>[\w/-]+)(?: ones?| version| listing| pair)? "
                                    r"(?:than|over) the (?P<b>[\w/ -]+?)(?: ones?| version| listing| pair)?"
                                    r"(?:,? (?:in|priced in) (?:dollars|usd|us dollars))?[?.! ]*$")  # (listings in dollars)
# "something to plug into the wall for it": a wall charger
_INTO_THE_WALL = re.compile(r"\b(?:something|anything|one|a thing) (?:to plug|that plugs|i can plug|to stick) "
                            r"(?:in(?:to)?|in the) (?:the |a )?wall\b")
# "and with a oneplus 12 in green, would that pad work": would that pad work with it
_WITH_X_WOULD = re.compile(r"^(?:and |so )?(?:with|for) (?:a |an |the |my )?(?P<x>[^,]+?),? (?P<q>(?:would|will|does|do|can|could) "
                           r"(?:that|the|this|those|these) [\w -]+? (?:work|fit))[?.! ]*$")
_HOWS_MEASURE = re.compile(r"\bhow'?s (?=(?:wide|long|tall|big|heavy|much|many|high|deep|far|often|loud|fast|old|thick|"
                           r"large|small|tough|strong)\b)")
_BOTH_VARIANT = re.compile(r"^(?P<a>[^,;:]+?) (?:vs\.?|versus) (?P<b>[^,;:]+?),? both (?:in )?(?P<v>[\w/.-]+(?: [\w/.-]+)?)"
                           r"\s*(?:[,;:]|\s-)\s*(?P<q>\S.*)$")
_NAME_THEN_EXTREME = re.compile(r"^(?!(?:it|that|this|they|them|those|these|which|what)\b)(?P<x>[^,;:]+?)\s*(?:\s-|[,:;–])\s*"
                                r"(?:(?:what'?s|whats|what is|which is) )?(?:the |its )?(?P<s>cheapest|priciest|most expensive|"
                                r"least expensive|dearest) (?:listing|one|version|option|offer)s?$")
_WHAT_DOES_IT_RUN = re.compile(r"^(?P<p>(?:and |so |ok,? )?)what (?:do|does|would|will) (?P<x>the [\w' .-]+?) run(?: (?:me|you|us))?$")
# "the coway mighty's filter", "the dedica's water filter": the kind of product that fits the one named
_POSSESSIVE_KIND = re.compile(r"\bthe (?P<x>[a-z][\w .+-]*?)'s (?P<k>[a-z]+(?: [a-z]+)?)\b")
_OR_NOT = re.compile(r"^(?:(?:the |a |my )?(?P<x>[^,;:]+?)\s*(?:\s-|[,:;–])\s*)?(?:is it |are they |is that )?"
                     r"(?P<v>[a-z][\w -]*?),? or not$")
_CHEAP_WORD = re.compile(r"\bcheap\w*|\b(?:less |more |most |least )?expensive\b|\bpricie\w*|\bworks? out\b|\bbest (?:deal|value)\b")
_WHATS_THAT = re.compile(r"^(?:(?:so|and|ok|okay),? )?(?:what'?s|whats|what is|how much is|how much'?s) (?:that|it|this)$")
# ("on the 3 pack whats that per bag": of the 3 pack)
_NAME_THEN_WHATS_THAT = re.compile(r"^(?:(?:and |so )?(?:on|for) (?=the ))?(?P<x>.+?)\s*(?:\s-|[,:;]|(?<=pack))\s*(?:so )?"
                                   r"(?:what'?s|whats|what is|how much is) (?:that|it|this)$")
_PRICE_ASKED = re.compile(r"\b(?:price|prices|priced|cost|costs|how much)\b")
_IN_CURRENCY = re.compile(r"\b(?:in|priced in) (?:us )?(?:dollars|usd|euros?|eur|gbp)\b|\b(?:usd|eur|gbp)\b")
_PRICE_IN_BARE = re.compile(r"^(?:and |so |ok,? )?(?:how much|what(?:'s| is|s)? (?:that|it))"  # ("the price in euros": a listing)
                            r"(?: is (?:it|that|this))?(?: in| for)? (?P<c>(?:british )?pounds(?: sterling)?|quid|sterling|"
                            r"euros?|(?:us )?dollars|gbp|eur|usd)\??$")
# "is the honeywell sold in dollars", "is it available in euros": the listing so priced
ANSWER_UNIT = re.compile(r"\s+in ((?:square |sq )?[a-z]+(?: oz)?)\s*[?.!]*$")  # "… in cm?": the unit of the answer
_SOLD_IN = re.compile(r"^(?:and |so |ok,? )?(?:is|are|can i (?:get|buy)) (?!there\b|any\b)(?:the )?(?P<x>[\w' .-]+?) (?:sold|priced|listed|"
                      r"available|offered|for sale|in stock)? ?in (?P<c>(?:british )?pounds|quid|sterling|euros?|(?:us )?dollars|"
                      r"gbp|eur|usd|\$|€|£)\s*[?.!]*$")
_IN_POUNDS = re.compile(r"\bin (?:british )?(?:pounds(?: sterling)?|quid|sterling)\b")  # of a price asked: money
# "budget doesnt matter", "price is no object", "any price": no price bound
_ANY_PRICE = re.compile(r",?\s*\b(?:(?:the )?(?:budget|price|cost)(?: is| does(?:n'?t| not)| do(?:n'?t| not))? "
                        r"(?:doesn'?t matter|does not matter|not an issue|no (?:object|issue)|matter(?:s)? not|whatever)|"
                        r"(?:at |for )?any price|no budget|money(?:'s| is) no object|"
                        r"(?:forget|ignore|never ?mind|drop|scrap) (?:the |my |about the )?(?:budget|price limit|price)|"
                        r"if i (?:go|spend|pay) (?:a (?:bit|little) |some(?:what)? )?(?:higher|more|over)|"
                        r"if i (?:stretch|raise|up) (?:the |my )?budget|"
                        r"(?:in )?any currency(?: is (?:fine|ok|okay|good))?|(?:the )?currency (?:doesn'?t|does not) matter)\b")
# ("any in black if i go a bit higher"; "and the 3 pack, any currency is fine": no price bound and no currency)
# "same but with 16gb", "same thing in black", "the same but cheaper": the last question with something changed
_SAME_BUT = re.compile(r"^(?:(?:and|ok(?:ay)?|so) )?(?:the )?same(?: thing| one| search| again)?,? (?:but,? |(?=(?:in|with|under|over|for|from|by) ))")


# "something with lumbar support" after office chairs: those of the search that have it, whatever the words
_ONE_WITH = re.compile(r"^(?:(?:and|ok|so),? )?(?:something|anything|any|one|ones|any ones?|some) with\b")


def _superlative_word(word: str) -> bool:
    """Whether a word is an adjective's superlative ("thinnest", "heaviest", "largest"), not a word that ends so
    ("headrest", "interest")."""
    if len(word) <= 5 or not word.endswith("est") or word in _NOT_SUPERLATIVE:
        return False
    stem, english = word[:-3], _english()
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""  # "thinnest": thin
    return any(form in english for form in (stem, stem + "e", doubled, stem[:-1] + "y" if stem.endswith("i") else ""))


def _fitted_model(title: str) -> frozenset[str]:
    """The numbers and line words of what a title says it is for ("… Case for Motorola moto g power 5G (2024)": 5g,
    2024); empty where it says none."""
    tail = title_parts(title)[1]
    return frozenset(t for t in tail if any(c.isdigit() for c in t) or t in LINE_WORDS)


def line_words(title: str) -> set[str]:
    """The words of a product line ("pro", "ultra", "plus" …) in the name that opens a title: the Pixel 8 Pro is
    no Pixel 8 (not "Windows 11 Pro" further on)."""
    return set(tokens(_NAME_END.split(title, maxsplit=1)[0])) & LINE_WORDS


def extends_line(said: Sequence[str], title: Sequence[str], wanted: set[str]) -> bool:
    """Whether the title goes on after the words said with a word of a product line that was not said ("iphone 15"
    in "Apple iPhone 15 Pro 512 GB")."""
    n = len(said)
    if n < 2:
        return False
    for i in range(len(title) - n):
        if list(title[i:i + n]) == list(said):
            return title[i + n] in LINE_WORDS and title[i + n] not in wanted
    return False


# "the most comfortable", "least durable": a quality that a listing may rate or not
_MOST_WHAT = re.compile(r"\b(?:most|least) (?P<w>[a-z]{4,})\b")
# a turn that only picks a listed product ("the first one", "ok the 2nd then", "show me the third"): "it" in its place
_BARE_PICK = re.compile(r"(?:(?:and|so|then|hmm+|i (?:like|want|mean|meant)|what about|how about|show me|"
                        r"more (?:on|about)|details (?:on|of)|let'?s see|lets see)\s*,?\s*)*it(?: then| please| pls)?\s*[?.!]*")
# a superlative's form, whatever its attribute: "the longest", "the most", "lightest"
_PRICE_QUALITIES = ("expensive", "affordable", "costly", "pricey", "popular", "recent", "rated")
_SUPERLATIVE_FORM = re.compile(r"(?<!\bat )\b(?:the )?(?P<w>most|least|fewest|[a-z]{3,}est)\b"
                               rf"(?! (?:{'|'.join(_PRICE_QUALITIES)})\b)")  # prices: aggregates
_NOT_SUPERLATIVE = frozenset({"best", "interest", "test", "rest", "latest", "honest", "forest", "guest", "request",
                              "chest", "nest", "west", "suggest", "cheapest", "priciest", "dearest", "modest", "contest",
                              "newest", "digest", "manifest", "protest", "invest", "harvest"})
# "is there a bigger one?", "any with more?": more of the attribute just asked
_PLAIN_MORE = re.compile(r"\b(?:bigger|larger|more|less|smaller|higher|lower|longer|shorter)\b")
_COMPARATIVE_FORM = re.compile(r"(?<!\bno )\b(?P<w>more|less|fewer|bigger|larger|longer|taller|heavier|wider|smaller|"
                               r"shorter|lighter|narrower|higher|lower)\b(?! than\b)")
_LOWER_END = frozenset({"least", "fewest", "lightest", "smallest", "shortest", "lowest", "thinnest", "quietest",
                        "slimmest", "narrowest", "tiniest", "less", "fewer", "lower", "lighter", "smaller", "shorter",
                        "narrower"})
# "for an iphone?", "any for a pixel 8", "which ones work with a macbook air": of a search, those that fit a product
_FOR_A_PRODUCT = re.compile(r"^(?:(?:and|ok|so|what about),? )?(?:any(?:thing| ones?)?|ones?|got any|do you have any|"
                            r"which(?: ones?| of (?:them|those))?(?: (?:will|would|that))?)?\s*(?:for|(?:that )?(?:fits?|"
                            r"works? (?:with|for)|go with)|compatible with)\s+(?:a |an |my |the |your )?(?P<x>.+?)\s*\??$")
_FOR_WHOM = re.compile(r"\b(?:for )?(?:men|mens|men's|women|womens|women's|kids|boys|girls)$", re.IGNORECASE)
_THEY_FOR = re.compile(r"^(?:and |so )?(?:what|which)\b.*\b(?:are|do|will|would) (?:they|those|these|them)\b.*"
                       r"\b(?:for|fit|work with|go with)\??$")
# "espresso machine with a steam wand", "headphones under $200 that come with a carrying case", "iphones that ship in
# recyclable packaging", "air fryer that fits under the cabinets": a kind, then a thing its listings' own text may say
# (not a yes/no question: "does the sauder bookcase come with wall anchors" asks it of one product)
_THING_CLAUSE = re.compile(r"^(?!(?:does|do|is|are|can|will|would|did)\b)(?:an? |any )?(?P<k>.+?),? "
                           r"(?:(?:that|which|thats|that's) )?(?:is |are )?"
                           r"(?P<v>with|w/|ha(?:s|ve)|comes? (?:with|in)|includes?|works? in|(?:will |can )?fits? under|"
                           r"ships? (?:in|with)|(?:small|compact|slim|light|quiet) enough to) (?:an? |the )?"
                           r"(?P<x>.+?)[?.!]*$")
_HAVING = frozenset({"with", "w/", "has", "have"})  # (a kind of the graph's "with" a feature: read by the search)
_ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)")
_I_D = re.compile(r"\bi'?d(?= (?:like|love|prefer|rather)\b)")
_EACH_ONE = re.compile(r"\b(?:each|both|every one|the (?:two|2|three|3)|all (?:three|3)|all of them)\b")  # "how many oz in each bag", "sizes of the two": of every product listed
# "which billy listings ship fully assembled": how they arrive, which their text says
_ARRIVE = r"(?:ship|ships|come|comes|arrive|arrives|are delivered|is delivered)(?: fully| already)?(?= (?:assembled|built)\b)"
# "hd 560s - which listings come with a carrying case", "and which ones have a built in mic for calls"
_WHICH_COME_WITH = re.compile(r"^(?:and |so |ok,? )?(?P<name>.*?)[\s,:-]*\b(?:which (?:listings?|ones?|versions?|of (?:them|"
                              r"those|these|the listings|the two|the 2))|(?:do|does) any(?: of (?:them|those|these))?|any(?: ones?| of "
                              r"(?:them|those|these))?(?= with\b)) (?:come with|comes with|include|includes|have|has|ship with|"
                              r"are sold with|with|" + _ARRIVE + r") (?:a |an |the |their own )?(?P<x>[\w -]+?)\??$")
# "ath-m50x listings that include a carrying case", "which hd 560s listings come with a case": the same, name first
_LISTINGS_WITH = re.compile(r"^(?:and |so |ok,? )?(?:which |any |do any |are there any )?(?P<name>.+?) (?:listings?|versions?) "
                            r"(?:that |which )?(?:come with|comes with|include|includes|have|has|ship with|are sold with|"
                            r"with|" + _ARRIVE + r") (?:a |an |the |their own )?(?P<x>[\w -]+?)\??$")
_TEXT_FILLER_WORDS = frozenset({"for", "calls", "call", "in", "own", "extra"})  # ("a built in mic for calls": built, mic)
_INSTEAD = re.compile(r"\binstead\b|\brather\b", re.IGNORECASE)  # what is said replaces what was said before
# "does the galaxy s24 have a headphone jack", "does it come with a case": whether a product has a thing
HAS_THING = re.compile(r"^(?:does|do|will|would|did) (?:the |my |this |that )?(?P<p>.+?) (?P<v>have|has|come with|comes with|"
                        r"include|includes|ship with|ships with|feature|features) (?:a |an |any |the |its own )?"
                        r"(?P<x>[\w -]+?)\s*\??$")
ONE_WORDS = frozenset({"one", "ones"})  # "the ninja one": the Ninja
# "jarvis carbonized vs uplift v2, price difference": the price difference between the two
_VS_THEN_GAP = re.compile(r"^(?P<a>[^,;:]+?) (?:vs\.?|versus) (?P<b>[^,;:]+?)\s*(?:[,:;]|\s-)\s*(?:(?:whats?|what'?s|what is) )?"
                          r"(?:the )?(?:price (?:gap|difference|diff)|difference in price|gap in price)[?.! ]*$")
# "waterdrop 3 count filter for pur, works with the pur plus pitcher?": a product named, then whether it fits another
_NAME_THEN_FITS = re.compile(r"^(?P<x>[^,;:?]+?)\s*(?:[,;:]|\s-)\s*(?:(?:is|would|will|does|can|do) (?:it|that|this|they|these) )?"
                             r"(?:(?:the )?right \w+ for|(?:works?|go(?:es)?) (?:with|for|on|in)|fits?(?: (?:with|for|on|in))?|"
                             r"(?:made|meant|designed|compatible|good) (?:for|with)|be (?:ok|okay|compatible) (?:for|with)) "
                             r"(?:an? |the |my )?(?P<y>[^,;:?]+?)[?.! ]*$")
_VS_THEN_ASK = re.compile(r"^(?:and |so |ok,? )?(?:vs\.?|versus|compared (?:to|with)|against) (?:the )?(?P<x>[^,;:?]+?)\s*"
                          r"(?:[,:;]|\s-)\s*(?P<q>(?:which|whose)\b[^,]+?)[?.! ]*$")
_WHOSE = re.compile(r"^whose (?:\w+ )?(?=(?:is|are|holds?|has|have|weighs?|lasts?|costs?|gets?)\b)")  # "whose jar holds"
_KIND_MAKER = re.compile(r"\b[a-z]+ makers?\b")  # "coffee maker": a kind named so, maybe
_THE_BRANDS_ONE = re.compile(r"\bthe (?P<x>[a-z][\w'-]*(?: [a-z][\w'-]*){1,2}) one\b")  # "the baseus wall one"

_IS_THING = re.compile(r"^(?:is|are) (?:the |my |this |that |these |those )(?P<rest>[\w .'-]+?)\s*\??$")
_INCLUDES_VERBS = frozenset({"come with", "comes with", "include", "includes", "ship with", "ships with"})
_ALL_LISTED = 20  # the most products a search answer lists: a list of fewer is all it found
_SIZE_SAID = re.compile(r"\bsize (\d{1,2}(?:\.5)?)(?![\d.])\b(?! ?(?:inch|inches|\"|cm|mm|ft|gb|tb|l\b|oz|cups?|x\b))")
_NUMBER_WORD = re.compile(r"\d+(?:[.,]\d+)?")  # "9.5" (a size)
_STORAGE_WORD = re.compile(r"\d+(?:gb|tb)")  # "128gb": a storage, which sets listings apart
_ANOTHER_BRAND = re.compile(r"\b(?:from|by|of) (?:an ?other|a different|other|different) (?:brand|make|maker|company)s?\b|"
                            r"\b(?:an ?other|a different|different|other) (?:brand|make|maker|company)s?(?:'s)?\b")
def saved_money(m: re.Match[str]) -> str:
    """ "would the triple black pair save me money (over the soapstone)": is it cheaper (than that)."""
    return f"is {m.group('x')} cheaper" + (f" than {m.group('y')}" if m.group("y") else "")


# "would the triple black pair save me money": is it cheaper (the conversation reads it so first)
SAVES_MONEY = re.compile(r"^(?:would|will|does|do|could|can) (?P<x>(?:the|that|this) [\w' -]+?) save (?:me |us )?"
                         r"(?:any |some )?(?:money|cash|a few (?:bucks|dollars|quid))\b"
                         r"(?: (?:compared (?:to|with)|over|vs\.?|versus|than|against) (?P<y>.+))?")
_WITH_TAIL = re.compile(r"\bwith (?:an? |the )?(?P<rest>[^,;]+)$")  # "… with 256gb storage": a value said last
_IN_IT = re.compile(r"\b(?:is|are|comes?) in (?:it|this|that|this one|that one)\??$")
HOW_MANY_OF = re.compile(r"\bhow many (?:different |other |more |kinds? of |types? of |sorts? of )?(\w+)")
_ANY_PRODUCT = frozenset({"product", "item", "thing", "model", "option", "kind", "type", "listing", "style", "version",
                          "variant", "brand", "choice", "one", "sku", "unit", "sort", "design", "line"})  # "how many products"
_WATTS = re.compile(r"(\d+)\s*-?\s*(?:w|watts?)\b")  # a wattage a title states ("65W", "140 watts", "10-watt")
_THE_WHOLE = re.compile(r"\bthe (?:whole|entire|full) (?P<k>[a-z]+)\b")
_WISE = re.compile(r"\b(price|size|weight|battery|storage|value)[- ]wise\b")  # "price-wise": of the price
_BEST_DEAL = re.compile(r"\b(?:the )?(?:best|cheapest|lowest) (?:deal|bargain)\b(?: (?:on )?price\b)?")
_SUPERLATIVE_FILLER = frozenset({"which", "one", "ones", "has", "have", "is", "the", "with", "life", "really", "need",
                                  "want", "covers", "cover", "most", "best", "of", "them", "a"})
_OTHER_ONE_WORDS = frozenset({"alternative", "option", "choice", "pick", "suggestion", "model", "version"})
_WHICH = re.compile(r"^(?:which|what)(?: one)? (?:is|are|has|have|was|lasts?|costs?)\b")
_WHICH_KIND = re.compile(r"^which [\w-]+ (?:is|are|has|have|lasts?|costs?|weighs?)\b")  # "which filter is cheaper?"
_OF_THE_ONES_AGGREGATED = re.compile(r"\b(?:average|avg|mean|typical|total)\b.*\bthe [\w-]+(?: [\w-]+)? ones\b|"
                                     r"\bthe [\w-]+(?: [\w-]+)? ones\b.*\b(?:average|avg|mean)\b")
_HOW_MANY_DOES_IT = re.compile(r"^how many (?!(?:[\w-]+ )?(?:products|items|listings|kinds|types|models|brands)\b)(?P<n>[\w -]+?) "
                               r"(?:does|do|will|did|can) (?:the |my |a |an |your )?(?P<x>[\w .+-]+?) (?:get|have|come with|"
                               r"include|last|take|hold|support|receive)$")
_A_MODEL_SAID = re.compile(r"\d|\w+ \w+")  # "ath-m50x", "qc ultra": a model, not a line ("iphone") or a brand
_LISTINGS_COUNTED = re.compile(r"^how many (?:listings|versions|offers|sellers) (?:of|for) (?:the )?(?P<x>.+?)(?: do you have| are "
                               r"there| have you got| do you sell)?$|^how many (?P<y>.+?) (?:listings|versions|offers)(?: do you "
                               r"have| are there| have you got| do you sell)?$")
# a price gap of listings or of those under discussion: "its listings", "between them", "how far apart"
_GAP_OF_THESE = re.compile(r"\b(?:two|2|both|the|its) (?:listings|versions)\b|\bbetween (?:them|those|these|the two)\b|"
                           r"\bhow (?:far|much) apart\b")
_LIST_REFERENCE = re.compile(r"\b(?:them|they|those|these|which (?:one|ones|of)|the ones|the \w+er one)\b|^which (?:are|is|have|has)\b")
# "cheapest of the white ones" after white headphones were listed: of those listed
_OF_THE_SAID_ONES = re.compile(r"\bof the [\w-]+ ones\b")
# "across the dollar listings", "of its listings": which listings, no word of the model's name
_ACROSS_LISTINGS = re.compile(r"\b(?:across|over|of|among|for|between)? ?(?:the |its |all (?:the |its )?)?(?:two |2 |\d+ )?"
                              r"(?:dollar|usd|euro|eur|pound|gbp|us)? ?(?:listings|versions)\b|\bhow big is\b")
_RARE_TITLE_WORD = 0.01  # share of titles with a word at most: it names a model ("pavilion"), not a thing ("pack")
MAX_TITLED = 2000  # products an average over the titles that say a kind reads at the most
MAX_FOR_KIND = 2000  # titles that say a kind a search is "for" ("filters for a water pitcher") read as its products
MAX_VARIANTS = 7  # other listings of a named model the engine may read when the first lacks an answer
MAX_CATEGORIES_KEPT = 200_000  # product categories an Understander keeps read (then it starts over)
_AMOUNT_WORD = re.compile(rf"^\d+(?:\.\d+)?(?:{_UNIT_ALT})$")  # a number and its unit said as one word
_ROMAN = {"ii": "2", "iii": "3", "iv": "4"}  # "QuietComfort Earbuds II" is said "qc earbuds 2"
_SIZE_NAMES = frozenset({"size", "us", "uk", "eu", "sz"})  # "size 9", "us 10": a size, not a model's number
_GENDER_WORDS = frozenset({"men", "women"})  # as tokens() reads "mens", "men's", "womens", "women's"
_MULTIPACK = frozenset({"count", "pack", "pk", "ct", "pcs", "packs"})
# an amount and its unit in running text or a title: "24 hrs", "1.9-liter", "1 kg" (also qa.engine's text amounts)
# (not a number inside a code: "13700H" of "i7-13700H" is no 13,700 hours, nor "155H" of "Core Ultra 7 155H": three
# digits or more with an "h" glued on are a processor's name; nor "5G" of "iPhone 13 5G Smartphone" 5 grams: a digit from
# 2 to 6 with a "g" glued on is a network's generation)
AMOUNT_IN_TEXT = re.compile(rf"(?<![\w.])(?<!\w-)(?![2-6]g\b)(\d+(?:[.,]\d+)?)(?!(?<=\d\d\d)h\b)\s*-?\s*({_UNIT_ALT}|(?<=\d)[\"”])(?!\w)")


def _category_in(facts: Sequence[Mapping[str, Any]]) -> str | None:
    """The category path among a product's fact rows (``QA_PRODUCT_FACTS``), if any."""
    return next((str(r["value"]) for r in facts if r["attribute"] == "category"), None)


def _number_form(word: str) -> str:
    """A word as the number it writes: "2nd" → "2", roman "II" → "2"; else the word."""
    return word[:-2] if _ORDINAL_NUMBER.fullmatch(word) else _ROMAN.get(word, word)


def _other_number(numbered: set[tuple[str, str]], title: str) -> bool:
    """Whether the title writes a word said before a number with something else after it, and the number said nowhere
    ("iphone 11" and "Apple iPhone 14 128GB" or "Apple iPhone SE"; "xps 15" and "Dell XPS 15 9530" agree), or the
    number alone ("iphone 11" and "Hoka Speedgoat 5, Size 11")."""
    words = [_number_form(t) for t in tokens(title)]
    # (a number said is written inside a word too: "2" of "2.0" and "V2", "3" of "v3", "870" of "BES870XL")
    digits = {d for t in words for d in re.findall(r"\d+", t)}
    return any(n not in words and not (n.isdigit() and n in digits) if a in words[:-1]
               else a not in words and n.isdigit() and n in words for a, n in numbered)


@functools.lru_cache(maxsize=200_000)
def _joined_amounts(title: str) -> tuple[tuple[str, str], ...]:
    """(amount as one word, its number) for each amount a title writes apart from its unit: "1 kg" gives ("1kg",
    "1"), so a shopper's "1kg" says it."""
    found = AMOUNT_IN_TEXT.findall(title.casefold())
    # also with the unit's short form: "60 watts" is said "60w", "6 feet" "6ft"
    return tuple(dict.fromkeys([*((n + u, n) for n, u in found),
                                *((n + UNITS[u].casefold(), n) for n, u in found if u in UNITS)]))


_LETTERS_DIGITS = re.compile(r"([a-z]{2,6})(\d[\w.]*)")  # "hd560", "xps13": a model code said in one piece


def _joined_units(words: list[str], written: Callable[[str], bool]) -> list[str]:
    """Words with each amount said apart from its unit joined in the unit's short form where some title writes it so
    (``written``): "65 watt" → "65w" for a "65W" title ("13.4 inch" stays apart: titles write "13.4-inch", "13.4 in")."""
    out: list[str] = []
    for word in words:
        joined = out[-1] + UNITS[word].casefold() if out and word in UNITS and word.isalpha() else ""
        if joined and out[-1].replace(".", "", 1).isdigit() and written(joined):
            out[-1] = joined
        else:
            out.append(word)
    return out


_SAME_ATTRIBUTE = {"colour": "color", "target gender": "gender"}  # names one refinement replaces together
_KIND_OF = re.compile(r"(?:kind|type|sort)s? of\b")
_NOTHING = re.compile(r"(?!)")  # a pick that leaves the question's words as they are
_SEARCH_WORDS = re.compile(r"\b(?:for|with|without|under|over|below|above|between|from)\b")  # not in "<name> <attribute>"
_SIZE_NUMBER = re.compile(r"\b(?:size|us|uk|eu)\s+(\d+(?:\.\d+)?)\b")
# "512 GB", "72 ounces", "2 count": an amount one listing of a model differs from another by (not "13.5 in": a
# screen size may be the model's own)
_SPACED_AMOUNT = re.compile(r"\b(\d+(?:\.\d+)?)\s+(?:gb|tb|gigabytes?|terabytes?|oz|ounces?|ml|count|ct|pack|pcs|"
                            r"feet|foot|ft|m|meters?|metres?|l|liters?|litres?|qt|quarts?|cups?|lbs?|pounds?|kg)\b")  # (a cable's "3 feet",
# "2 m" too; an air fryer's "6.2 liters", which its other listing leaves out)
_PAREN_AMOUNT = re.compile(rf"\((\d+(?:\.\d+)?)\s*-?\s*(?:{_UNIT_ALT})\)")
_NAME_END = re.compile(r"\s*[(,:|]|\s+[-–]\s+")  # where a title's opening name ends: "MacBook Air 15 (M3): …"
_BUNDLE_WORDS = frozenset({"bundle", "kit", "combo"})
_BRAND_AS_KIND = re.compile(r"\b(?:products?|stuff|anything|things|items|from)\b")  # "sony products", "from sony"
_NUMBER_IN = re.compile(r"(\d)\s+in\s+(?=([a-z][\w'-]*))")  # "150 in blue": the number, then the word after "in"
_HOW_MANY_MEASURE = re.compile(r"\bhow many (?:cups|ounces|oz|liters|litres|quarts|watts|hours|mah|gb|inches|pounds|lbs|"
                               r"grams|megapixels)\b")  # an amount of the product, not a number of products
_COMPARING_WORDS = frozenset(w for table in (COMPARATIVES, SUPERLATIVES) for key in table for w in key.split())
_HOLDS_BARE = re.compile(r"\b(?:holds?|supports?|carr(?:y|ies)) (?:at least |up to |over |more than )?\d+(?:\.\d+)?"
                         r"(?![\d.]|\s*(?:lbs?|pounds?|kg|kilos?|kilograms?|cups?|oz|ounces?|l|liters?|litres?)\b)")
_MAKES_AMOUNT = re.compile(r"\b(?:that |which )?(?:makes?|holds?|brews?|can make|can hold) (?:up to )?"
                           r"(\d+(?:\.\d+)?) ?(cups?|ounces?|oz|liters?|litres?)\b")
_WHAT_ELSE_FITS = re.compile(r"^what (?:else |other (?:stuff|things|products) )?(?:do you have|have you got|you got|is there) "
                             r"that (fits?|works? with|goes with)\b")
# "do you have cases that fit it", "do u sell chargers which work with the xps 15": those that fit it, listed
_HAVE_THAT_FIT = re.compile(r"^(?:do|does) (?:you|u|ya|the shop|the store) (?:have|sell|carry|stock|got)(?: any)? "
                            rf"(?=\S.*? (?:that|which) {_COMPAT_VERBS}\b)")
# "any car charger that does work with the s24": that works with it
_DOES_WORK = re.compile(r"\b(that|which) (?:does|do) (?=(?:work|fit)\b)")
# "does the listing say it works with a galaxy s24", "which phone does the anker say it works with": whether it works
# with it (what the catalog says is all it knows)
_SAYS_IT_WORKS = re.compile(r"\b(?:(?P<page>the (?:listing|description|product page|page|product|manufacturer|maker|box|"
                            r"seller|packaging|specs?|label))|(?P<s>the [\w-]+(?: [\w-]+)?|it|"
                            r"they)) (?:say|says|claim|claims|list|lists) (?:that )?(?:it|they) (?P<v>work|fit|go)s?\b")
# "is there a wireless pad it'll charge on", "any case it fits in": what fits it, of that kind
_KIND_IT_GOES_ON = re.compile(r"^(?:is there|are there|any|got|do you have) (?:an? |any )?(?P<k>[\w -]+?) (?P<it>it|this|that|they)"
                              r"(?:'ll| will| can| would|'d)? (?:charge|charges|work|works|fit|fits|go|goes) (?:on|with|in)$")
# "anything that'll charge it off my car socket": a (car) charger that fits it
_CHARGES_IT = re.compile(r"^(?:anything|something|any (?P<k>\w+)) (?:that'?ll|that will|that can|that|to|which will|which can) "
                         r"charge (?P<it>it|this|that|them)\b(?P<rest>.*)$")
# "it is for man?": a question said in the order of a statement
_SAID_AS_STATEMENT = re.compile(r"^(it|this|that|this one|that one) (is|does) (?=\S)")
# "carrying case included with that one?": is a carrying case included (of it, not a search for cases)
_INCLUDED_WITH_IT = re.compile(r"^(?!what\b|whats\b|what's\b|which\b)(?:(?:is|are) (?:there )?)?(?:an? |the |any )?(?P<x>[\w -]+?) "
                               r"(?:included|in the box|supplied) "
                               r"(?:with|in) (?:it|this|that|this one|that one|them|these|those)$")
# "do the sky blue airpods max come with a case", "is a case included with the …": of that product, what it comes with
_NAMED_COMES_WITH = re.compile(r"^(?:(?:and|so),? )?(?:does|do) (?P<x>(?:the |that |your )?[\w\s.'-]+?) (?:come|ship)s? with "
                               r"(?P<y>(?:an? |any )[\w -]+?)$|^(?:(?:is|are) (?:there )?)?(?P<y2>an? [\w -]+?) (?:included|"
                               r"in the box|supplied) with (?P<x2>(?:the |that )[\w\s.'-]+?)$")
# "12 oz bag of whole bean coffee": the coffee, in 12 oz (what it comes in is no word a title must say)
_BAG_OF = re.compile(r"\b(?:bags?|boxe?s?|tins?|cans?) of (?=[a-z])")
# "out of those": of those
_OUT_OF = re.compile(r"\bout of (?=(?:those|these|them|the \w+)\b)")
_PURPOSE = re.compile(r"\bfor (?:a |an |the |my |some )?[a-z]+")
_SOMETHING = re.compile(r"^(?:(?:i need|i want|looking for|got) )?(?:something|anything|a gift|gifts?|gift ideas?)\b")
_BRAND_OF = re.compile(r"\b(?:which|what) (?:brands?|makers?)\b")
_NEW_SUBJECT = re.compile(rf"\b(?:{_SUBJECT_CHANGE})\b")
_HOW_MUCH_OF = re.compile(r"^(?:and |so |ok,? )?how\b")
_EVERYDAY = 50000  # so frequent an English word that alone it names no product ("cat", "captain")
_COMMON = 500  # how often an English word occurs in pyspellchecker's list for a phrase of such words to be no name
_BETWEEN_CHARGES = re.compile(r"\s*\bbetween (?:charges|charging|recharges)\b")  # "how long between charges": how long
_ON_A_CHARGE = re.compile(r"\b(?:on|per|from) (?:(?:a|one|1) )?(?:single |full )?charge\b")
_HOURS_ASKED = re.compile(r"\b(?:how many (?:hours|hrs)|how long|playback|battery|runtime|run time)\b")
_YOU_CHARGE = re.compile(r"\b(?:what|how much) (?:do|would|will) (?:you|u|ya) charge (?:for|on)\b")
_HOW_MANY_BARE = re.compile(r"^how many [a-z]+(?: (?:are there|does it have|do they have|has it))?$")
VARIANT_NEAR = 0.35  # how far below the best link another listing may score to count as one of the model


class Understander:
    """Turns a question into a Parse using the graph's lexicons, its full-text index and optional helpers."""

    def __init__(self, store: GraphStore, lexicon: Lexicon, *,
                 tagger: Callable[[str], Sequence[tuple[str, str]]] | None = None,
                 reader: Callable[[str, Sequence[str]], Reading] | None = None) -> None:
        self.store = store
        self.lexicon = lexicon
        self.tagger = tagger
        self.reader = reader  # the learned question reader (qa.intent): intent and asked attribute
        self._categories: dict[str, str | None] = {}  # product id → category path, read once (the store is read-only
        # while an engine has it open)
        self._amount_names = sorted(a for a in lexicon.numeric if a != "price")  # what a superlative may rank by
        from shopgraph.qa.spelling import Speller  # it reads this module's STOPWORDS and singular()

        vocabulary = {*lexicon.title_df, *lexicon.value_words, *lexicon.category_words}
        vocabulary.update(w for unit in UNITS for w in unit.split())  # "litres" is a unit, not a typo of "elite"
        vocabulary.update(t for kt in (*lexicon.brands, *lexicon.attributes) for t in kt)
        self._whole: dict[str, bool] = {}  # a kind's word titles say only whole (_said_whole)
        self._codes: dict[str, str] = {}  # a model number the one title code it begins (_whole_code)
        self._code_ends: dict[str, str] = {}  # a code's last letters and digits, the title code they end (_code_ending)
        self.speller = Speller(vocabulary, (" ".join(name) for name in lexicon.attributes), lexicon.category_words,
                               lexicon.title_pairs, lambda a, b: bool(lexicon.titled([a, b])))
        # "size 10", "pack size 6": an attribute whose values are bare numbers, named with one
        bare = sorted({" ".join(key_tokens(a)) for a, entries in lexicon.numeric.items()
                       if any(e.unit is None for e in entries)} - {""}, key=len, reverse=True)
        self._bare_number = re.compile(rf"\b(?P<attr>{'|'.join(map(re.escape, bare))})\s+(?:(?:us|uk|eu)\s+)?"
                                       r"(?P<n>\d+(?:\.\d+)?)(?![\w.])") if bare else None

    # ------------------------------------------------------------------ entry

    def parse(self, question: str, *, focus: str | None = None, focus_title: str | None = None,
              pinned: bool = False, within: Sequence[str] | None = None, searched: Constraints | None = None,
              asked_before: str | None = None) -> Parse:
        """``focus``: the product under discussion. ``pinned``: the shopper asks on that product's page
        (`ask --product`), so a question that names no other product, category, brand or price and asks
        for no alternatives is about it, whatever its wording ("will this work with the iphone 11?",
        "how many processors are there?", "i need the number of compartments"). ``within``: the products
        an earlier answer listed, for "which of them …", "do they come in black?", "which ones are under
        $20?"."""
        read_as = to_english(question) if has_chinese(question) else None
        text, corrections = self.speller.correct(" ".join((read_as or question).strip().split()))
        low = text.casefold().replace("’", "'").rstrip("?!. ")
        opening = _OPENING.match(low)
        if opening is not None and _NEW_SUBJECT.search(opening.group(0)):
            focus = focus_title = within = searched = None  # "ok random question, …": nothing said before counts
        if _SHOP_END.search(low):
            within = searched = None  # "whats the priciest elitebook you have": of the shop, not of the list before
        low = _THE_ONE_PRICED.sub(" ", low)  # "<name>, the one priced in pounds - …": the name priced in pounds
        low = _IN_THE_SHOP.sub("", low)  # "the cheapest thing in the store": no product says "store"
        low = _OPENING.sub("", low) or low  # "ok forget that, what chairs are under $500": the question is the rest
        low = _SAID_AS_STATEMENT.sub(r"\2 \1 ", low) if question.rstrip().endswith("?") else low
        low = _INCLUDED_WITH_IT.sub(r"is a \g<x> included", low)
        if (comes := _NAMED_COMES_WITH.match(low)) is not None and not set(tokens(comes.group("x") or comes.group("x2"))) \
                <= PRONOUNS and (named := self.link_product(comes.group("x") or comes.group("x2"), strict=True)) is not None \
                and not _BUNDLE_WORDS & title_words(named.name):
            # (of the named product, as "does it come with a case" is of the one in focus; a bundle's parts are its own)
            focus, focus_title, within, searched = named.key, named.name, None, None
            low = f"does it come with {comes.group('y') or comes.group('y2')}"
        low = " ".join(_CHAT.sub(" ", low).split()).strip(" ,.!?") or low  # (what is asked stays)
        low = _TAG_QUESTION.sub("", low)
        low = _HOWS_MEASURE.sub("how ", low)  # "hows wide are they": how wide
        low = _NO_WIRES.sub("wireless", low)
        low = _WIRED_NOT.sub("wired", low)
        low = _FOR_THE_EARS.sub("headphones", low)
        low = re.sub(r"^(.*\bhow long)\s+between (?:charges|charging|recharges)$", r"\1 does it last", low)
        low = _BETWEEN_CHARGES.sub("", low).strip()  # (no charger asked)
        if _HOURS_ASKED.search(low) and not pinned:  # "and on a full charge, how many hours of playback": no charger
            low = " ".join(_ON_A_CHARGE.sub(" ", low).split()).strip(" ,")  # asked either (a page's ranker reads it)
        low = _YOU_CHARGE.sub("what is the price of", low)  # "what do you charge for a bag of it": its price
        low = _MOST_HOURS.sub("has the longest battery life", low)
        low = _PLACE_USED.sub("", low)  # "… on the train": where it is used, which no listing says
        low = _INTO_THE_WALL.sub("a wall charger", low)
        saving = _SAVING_INSTEAD.match(low) if focus else None
        if saving is not None:  # "whats the saving if i get the keen instead": the one said (a listed one by a word of
            # its title) against the one in focus
            instead = saving.group("x")
            other = self.pick_listed(f"the {instead}", within, focus) if within else None
            low = f"how much cheaper is the {other[0][1].casefold() if other else instead} than it"
        if focus and (bare := _VERB_FIRST.match(low)) is not None:  # "comes with a case?": does it come with one
            low = f"does it {bare.group('v')} {low[bare.end():].strip()}"
            text = low  # (the question as the learned readers see it too)
        if focus and (same := _SAME_ACROSS.match(low)) is not None:  # "same heel drop across all the mens listings"
            low = f"is the {same.group('a')} the same on {same.group('r')}"
        if (gap := _HOW_MUCH_VARIANT_THAN.match(low) or _NAME_THEN_VARIANT_GAP.match(low)) is not None \
                and self.values_only(gap.group("a")) and self.values_only(gap.group("b")) \
                and self._variants_listed(gap.group("x"), [gap.group("a"), gap.group("b")]):
            # "how much less is the purple iphone 14 than the starlight one", "adidas adios pro 3 - how much more is the
            # pink pair than the black": the two listings, on price
            way = "cheaper" if gap.group("w") in ("less", "cheaper") else "more expensive"
            low = f"is the {gap.group('x')} {gap.group('a')} {way} than the {gap.group('b')}"
        low = _WITH_X_WOULD.sub(r"\g<q> with the \g<x>", low)
        if (ask := _WHAT_DO_I_NEED.search(low)) is not None and (owned := _OWNED.search(low[:ask.start()])) is not None:
            low = f"what do i need for the {owned.group('x')}"  # "…, i have the delonghi dedica, what do i need"
        elif (need := _NEED_KIND.search(low)) is not None and (owned := _OWNED.search(low[:need.start()])) is not None \
                and (needed := self.constraints(need.group("k")).category_keys) \
                and (had := self.lexicon.titled([t for t in tokens(owned.group("x")) if t not in STOPWORDS])):
            if not self.in_categories(had[0], needed):  # ("got a galaxy s24, need a new phone": another phone)
                low = f"{need.group('k')} for the {owned.group('x')}"  # "got a pur plus pitcher, need replacement filters"
        elif _NEED_SAID.search(low) and not _NEED_KIND.search(low) and (owned := _OWNED.search(low)) is not None \
                and (purpose := next((k for pattern, k in _PURPOSE_KINDS if pattern.search(low)), None)) is not None \
                and self.link_product(owned.group("x"), strict=True) is not None:
            # "got a bambino plus, want to keep scale out of it": a filter for it; "hes got a galaxy s24, need something
            # tough": a case for it; "… topped up in the car, its an acer swift go 14": a car charger for it
            low = f"{purpose} for the {owned.group('x')}"
        low = _THEN_FOR_THAN.sub(r"\1 than", low)  # "holds more then 300 lb": more than
        low = _NO_LESS_THAN.sub("at least", _NO_MORE_THAN.sub("at most", low))
        low = _COMPARATIVE_FIRST.sub(r"which has the \g<c>, \g<x>", low)
        low = _VALUE_OR_OTHER.sub(r"what \g<a> is \g<it>", low)
        low = _SIMILAR_TO_WHICH.sub(r"which \g<k> is \g<s> listed as similar to", low)
        low = _WHAT_DOES_IT_RUN.sub(r"\g<p>how much is \g<x>", low)
        low = _NAME_THEN_EXTREME.sub(r"\g<s> \g<x>", low)  # "elitebook 840 g10 with 16gb - cheapest listing"
        # "iphone 15 pro max vs 15 pro, both 256gb - whats the price difference": the variant said of each side
        low = _BOTH_VARIANT.sub(r"\g<a> \g<v> vs \g<b> \g<v> - \g<q>", low)  # "what does the dedica ec685 run": its price
        low = _POSSESSIVE_KIND.sub(self._kind_of_name, low)  # "the coway mighty's filter": the filter for the coway mighty
        if (or_not := _OR_NOT.match(low)) is not None:  # "the uplift - assembled or not": is the uplift assembled
            x, v = or_not.group("x"), or_not.group("v")  # (a name that is a whole product's, asked of apart: "jarvis bamboo
            # desk - is it assembled", where "is the jarvis bamboo desk assembled" checks its bamboo)
            low = f"is it {v}" if not x else f"{x} - is it {v}" if not self.brand_only(x) \
                and self.link_product(x, strict=True) is not None else f"is the {x} {v}"
        no_bundles = _NOT_BUNDLES.search(low) is not None  # "…, not counting the bundle": the listings sold alone
        low = _NOT_BUNDLES.sub("", low).strip() if no_bundles else low
        per_unit, per_unit_bound = "", False
        low = _EACH_COMES_TO.sub(r"what does it work out to per \g<u>", low)  # "what does each filter work out to"
        if (bound := _BOUND_PER_UNIT.search(low)) is not None:  # "… under $10 a pound": that price, bounded
            per_unit, per_unit_bound = PER_UNIT_WORDS[bound.group("u")], True
            low = f"{low[:bound.start()]}{bound.group('b')}{low[bound.end():]}".strip()
        per = _PER_UNIT.search(low) if not per_unit_bound else None
        named_first = _NAME_THEN_WHATS_THAT.match(low[:per.start()]) if per is not None else None
        if per is not None and (unit := PER_UNIT_WORDS.get(per.group("u"))) \
                and (_PRICE_ASKED.search(low) or _CHEAP_WORD.search(low) or _WHATS_THAT.match(low[:per.start()])
                     or named_first is not None):
            # "so what's that per filter": its price, a filter's share of it (the engine divides); "zerowater 5-stage
            # filters, the pack sold in dollars - what's that per filter": of the name said first
            per_unit, low = unit, (low[:per.start()] + per.group("rest")).strip()
            pack = _BARE_PACK.fullmatch(named_first.group("x")) if named_first is not None else None
            if _WHATS_THAT.match(low) or pack is not None and focus \
                    and _count_said(pack.group(1)) in pack_counts(focus_title or self.lexicon.titles.get(focus, "")):
                low = "what is its price"  # (also "the 2 pack - what's that per filter" of the 2-pack in focus)
            elif named_first is not None and not per.group("rest").strip():
                low = f"{named_first.group('x')} price"
        low = _LISTED_FOR.sub("", low)  # "wireless charger that's listed for it": one for it
        low = _WHICH_LISTED_FOR.sub(r"\g<k> fits", low)  # "which usb c cable is listed for it": which one fits it
        low = _NEED_THEN_ASK.sub(r"\g<q> with \g<n>", low)  # "need 32gb of ram tho, anything lighter": with 32gb
        low = _TAKES_PLUG.sub(r"has a \g<p> port", low)  # "which one also takes a usb-a cable": has a USB-A port
        if "desk" in low:  # "a desk that goes up and down", "height adjustable desk": a standing desk, as titles say it
            low = _RAISES.sub(" standing ", low)
        # "pixel 8 obsidian 256gb (not the pro)": the model named, not its line's other model
        low = _NOT_THE_LINE.sub(lambda m: "" if m.group("w") in LINE_WORDS else m.group(0), low).strip()
        low = _IN_THE_WET.sub(lambda m: "is waterproof" if m.group("v") else "waterproof", low)  # "hike in the rain"
        low = _WHEN_SAID.sub(" ", low)  # ("… most weekends": when, no superlative)
        low = _SAME_MODEL.sub(r"\g<v> it", low) if focus else low  # "do you have the same model in a 7.5": it, in 7.5
        low = self._without_story(low)
        low = _ASKED_POLITELY.sub("", low) or low  # "could you compare …", "would you tell me …": the request itself
        # "i only want to pay in dollars" after a list: its listings so priced; "<a search>, usd only": the search so
        # priced (below)
        one = focus and within is not None and len(within) == 1 and _PRICE_ASKED.search(low)  # (its price: below)
        paid = None if focus and (_ITS_PRICE_IN.search(low) or _IT_PRICED.search(low)) or one else _PAID_IN.search(low) if within or len(low.split()) > 3 \
            or len(low.split()) > 2 and not _PRICE_ASKED.search(low) else None  # ("laptops in euros"; not "how much
        # in euros", which asks a price)
        if paid and not within:  # ("the average price in dollars": the price stays asked)
            price = re.match(r"prices?\b", paid.group(0))
            low = (low[:paid.start()] + (price.group(0) if price else "") + low[paid.end():]).strip(" ,")
            # "which hologram listings are priced in euros": the hologram listings, so priced
            low = re.sub(r"^(?:which|what) (.+?) (?:listings?|ones|versions?)(?: (?:are|is))?$", r"\1", low)
        low = _NOT_SO.sub(lambda m: "" if m.group("so") or m.group("so2") or not (
            self.lexicon.value_words.get(m.group("a")) or (m.group("a"),) in self.lexicon.brands
            or m.group("a") in STOPWORDS or self.lexicon.title_df.get(m.group("a"))) else m.group(0), low).strip() or low
        # "need a new one", "a new laptop": no listing is titled "new" (New Balance is a brand's name)
        low = _NEW_ONE.sub(lambda m: "" if m.group(1) in ONE_WORDS or m.group(1) in self.lexicon.category_words
                           or singular(m.group(1)) in self.lexicon.title_df
                           and ("new", singular(m.group(1))) not in self.lexicon.title_pairs  # ("new balance": a brand)
                           else m.group(0), low) if not _WHEN_ASKED.search(low) else low  # ("when do i need a new one")
        low = _WITH_SHORT.sub(lambda m: "without" if m.group(0) == "w/o" else "with", low)
        low = _PRICE_THEN_W.sub(r"\g<p> with", low)  # "under $900 w 16gb ram": with, not 900 watts
        low = _THAT_RUNS.sub("with", low)  # "iphone that runs ios 17": one with iOS 17
        if (_FOR_HER.search(low) or _FOR_HIM.search(low)) and (keys := self.constraints(low).category_keys) \
                and any(self.in_categories(pid, keys) for w in ("men", "women") for pid in self.lexicon.titled([w])):
            # "boots for my wife": women's boots (not "a phone for my dad": no phone is a men's one)
            low = _FOR_HIM.sub("for men", _FOR_HER.sub("for women", low))
        kind_first = _KIND_THEN_THEY.match(low)
        if kind_first is not None and not _ATTRIBUTE_QUESTION.match(kind_first.group("k")) \
                and not re.search(r"\bof (?:them|those|these)\b", kind_first.group("q")) \
                and self.constraints(kind_first.group("k")).categories:
            low = re.sub(r"\b(?:they|them)\b", kind_first.group("k"), kind_first.group("q"), count=1)
        lists = _KIND_LISTS.match(low)
        if lists is not None and (listed_for := self.link_product(lists.group("x"), strict=True)) is not None \
                and listed_for.score >= FULL_NAME and (kinds := self.constraints(lists.group("h")).category_keys) \
                and not self.in_categories(listed_for.key, kinds):  # (not "which laptops list the m3 chip")
            low = f"{lists.group('h')} are listed for the {lists.group('x')}"  # "which chargers do list the x1 carbon"
        works = _WITH_WILL_IT_WORK.match(low)
        if works is not None and self.names_product(works.group("a")) \
                and (one_side := self.link_product(works.group("a"))) is not None and one_side.score >= FULL_NAME \
                and self.link_product(works.group("b"), strict=True) is not None:  # (the first with a value: "100w")
            low = f"will the {works.group('a')} work with the {works.group('b')}"
        big = _BIG_ENOUGH.match(low)
        if big is not None and not set(tokens(big.group("k"))) & PRONOUNS and not _ATTRIBUTE_QUESTION.match(low):
            # "air fryer big enough for a family of 5 under 150": the biggest first, the price bound kept
            low = f"biggest {big.group('k')}{big.group('t')}"
        alone = _FOR_ONE.match(low)
        if alone is not None and alone.group("k") and (kind := self.constraints(alone.group("k"))).categories \
                and all(_SIZED_BY_PEOPLE.search(key) for key in kind.category_keys) \
                and not set(tokens(alone.group("k"))) & PRONOUNS:
            low = f"smallest {alone.group('k')}{alone.group('t') or ''}"
        kinds_have = _WHICH_KINDS_HAVE.match(low)
        if kinds_have is not None and tokens(kinds_have.group("k"))[-1] in self.lexicon.category_words:
            low = f"{kinds_have.group('k')} with {kinds_have.group('x')}"  # "which laptops have an intel core i5"
        low = _IS_GLUED.sub(lambda m: f"{m.group(1) or m.group(2)} is", low)  # "how big's the water tank"
        if focus:  # "price for the whole bundle" of a bundle in focus: of it
            low = _THE_WHOLE.sub(lambda m: "it" if singular(m.group("k")) in title_words(
                self.lexicon.titles.get(focus or "", "")) else m.group(0), low)
        low = _HOW_WIDE.sub("what width", low)
        low = _WHAT_ELSE_FITS.sub(r"what \1", low)  # "what else do you have that fits it": what fits it
        low = _DOES_WORK.sub(r"\1 ", low)
        goes_on = _KIND_IT_GOES_ON.match(low) if focus else None
        if goes_on is not None and ((kind := self.constraints(goes_on.group("k"))).categories
                                    or kind.words and all(self.lexicon.title_df.get(w) for w in kind.words)):
            low = f"which {goes_on.group('k')} work with {goes_on.group('it')}"
        charges = _CHARGES_IT.match(low) if focus else None
        if charges is not None and not charges.group("k"):  # ("any pad that can charge it": what fits it, of that kind)
            car = "car " if re.search(r"\bcar\b", charges.group("rest")) else ""
            low = f"any {car}charger for {charges.group('it')}"
        elif charges is not None:
            low = f"which {charges.group('k')} work with {charges.group('it')}"
        low = _SAYS_IT_WORKS.sub(lambda m: f"{'it' if m.group('page') else m.group('s')} {m.group('v')}", low)
        low = _HAVE_THAT_FIT.sub("any ", low)  # "do you have cases that fit it": any cases that fit it
        low = _BAG_OF.sub("", low) if re.search(r"\d", low) else low
        low = self._join_codes(low)  # "1080 v13": the titles' "1080v13"
        low = _OUT_OF.sub("of ", low)  # "the cheapest one out of those"
        if not _YES_NO.match(low):  # "coffee maker that makes 12 cups": one with at least 12 cups
            low = _MAKES_AMOUNT.sub(r"with at least \1 \2", low)
        any_price = _ANY_PRICE.search(low)  # "budget doesnt matter": the last search's price bound goes
        low = _ANY_PRICE.sub(" ", low).strip(" ,") if any_price else low
        low = _SAME_BUT.sub("and ", low)  # "same but with 16gb": the last question, narrower
        low = _IN_A_SIZE.sub(r"in \1size \2", low)  # "and in a 9?": a size
        fits_after = _NAME_THEN_FITS.match(low)
        if fits_after is not None and (fitter := self.link_product(fits_after.group("x"), strict=True)) is not None \
                and self._fit_named(fits_after.group("y"), fitter.key, focus):
            # "the delonghi dlsc002 filter, is that made for it?", "breville bwf100 …, right filter for a bambino plus?"
            fitted = fits_after.group("y")
            low = f"does the {fits_after.group('x')} fit {fitted if fitted in PRONOUNS else 'the ' + fitted}"
        against = _VS_THEN_ASK.match(low) if focus else None
        if against is not None and self.link_product(against.group("x"), strict=True) is not None:
            # "vs the ninja bl610, whose jar holds more" of the blender in focus: which of the two
            low = f"{_WHOSE.sub('which ', against.group('q'))}, it or the {against.group('x')}"
        gap = _VS_THEN_GAP.match(low)
        if gap is not None and not self.values_only(gap.group("b")) and self.names_product(gap.group("b")):
            low = f"price difference between the {gap.group('a')} and the {gap.group('b')}"  # (not "red vs black": listings)
        low = _WEARS.sub(r"in size \1", low)
        low = _YOU_SELL.sub(r"do you \1", low)  # "you sell screen protector?": do you
        low = _DO_U.sub(r"\1 you", _YOU_GUYS.sub("you", low))  # ("do you guys have …": the shop, no men's shoes)
        # "you have more big one?": bigger; "which is most cheap": cheapest
        low = _MORE_PLAIN.sub(lambda m: COMPARATIVE_OF[m.group(2)] if m.group(1) == "more"
                              else COMPARATIVE_OF[m.group(2)].removesuffix("er") + "est", low)
        low = _BEST_DEAL.sub("the cheapest", _WISE.sub(r"\1", low))  # "which of em is the best deal price-wise"
        low = SAVES_MONEY.sub(saved_money, low)  # "would the triple black pair save me money"
        low = _WOMANS.sub("womens", low)  # "womans running shoes": the women's listings
        low = _LADIES.sub("womens", _GUYS.sub("mens", low))
        low = _PLUS_AMOUNT.sub(lambda m: f"at least {m.group(1)}{m.group(2)}", low)
        low = _I_D.sub("i would", low)  # "i'd like a blender": no word "id" to find
        for pattern, listed in _SPELT_AS_LISTED:
            low = pattern.sub(listed, low)
        low = _OR_MORE.sub(lambda m: f"{_with_before(low, m.start())}at {'least' if m.group(2) in _MORE_WORDS else 'most'} "
                                     f"{m.group(1)}", low)
        low = _CORDED.sub(lambda m: "wired" if m.group(0) == "corded" else "wireless", low)  # the listings' own words
        # "i am a rather heavy man and need …": who the shopper is, as "for a man" says it
        low = _I_AM_A.sub(lambda m: f" for a {'man' if m.group('p') in ('man', 'guy') else 'woman'}", low)
        low = _FOR_A_PERSON.sub(lambda m: " for men" if m.group("p") in ("man", "gentleman") else " for women",
                                low)  # "for a woman": the women's listings
        low = _THEN_FOR_THAN.sub(r"\1 than", low)  # "is it wider then the hon ignition"
        low = _OPTIONS_ON.sub(lambda m: f"what {m.group(1)}s does "
                              f"{'it' if set(tokens(m.group('x'))) <= PRONOUNS else 'the ' + m.group('x')} come in", low)
        low = _DROP_RATED.sub(r"what drop protection does \g<s> have", low)
        low = _TAKES_WEIGHT.sub("holds ", low)  # "one that takes 120 kg": holds it
        low = _PERSON_WEIGHS.sub(" that holds at least ", low) if _SEATS.search(low) else low
        # "this fits which purifier?" ("the black one is listed for which laptop": it, the listing picked)
        low = _FITS_WHICH.sub(lambda m: f"which {m.group('kind')} does {m.group('it') or 'it'} fit", low)
        low = _GOES_IN_WHICH.sub(r"which \g<kind> does \g<it> fit", low)  # "which jug does this go in"
        if focus:  # "filters for this pitcher" on a pitcher's page: for it
            leaf = (self.category_of(focus) or "").rpartition(" > ")[2]  # (its own kind, not its department's)
            kind_of_focus = set(tokens(leaf)) | (title_parts(focus_title or self.lexicon.titles.get(focus, ""))[0]
                                                 & self.lexicon.category_words)
            low = _FOR_THIS_KIND.sub(lambda m: f"{m.group('p')} it" if set(tokens(m.group("k"))) <= kind_of_focus
                                     else m.group(0), low)
        low = _HOLDS_BARE.sub(r"\g<0> lbs", low)  # "ones that hold at least 300": pounds, the shop's weight unit
        low = _INCH_MARK.sub(r"\1 in ", low).strip()
        the_name = _SELL_THE.match(low)
        named = self.link_product(the_name.group("x"), strict=True) if the_name is not None \
            and not set(tokens(the_name.group("x"))) & self.lexicon.category_words \
            and not self.brand_only(the_name.group("x")) else None
        if the_name is not None and named is not None and named.score >= _NEARLY_FULL * FULL_NAME:
            low = the_name.group("x")  # "do you sell the galaxy s24 ultra": its listings, as its name alone (no cases)
        same = _NAME_SAME.match(low) if focus else None
        if same is not None and self.asked_attributes(same.group("a")) and self.names_product(same.group("x")):
            low = f"compare it with the {same.group('x')} on {same.group('a')}"
        similar = _NAME_THEN_SIMILAR.match(low)
        named_as = _PRICED_TAIL.sub("", similar.group("x")) if similar is not None else ""  # (any listing's links)
        if similar is not None and self.names_product(named_as):
            sort = similar.group("k") if similar.group("k") and self.constraints(similar.group("k")).categories else ""
            low = f"{f'any {sort}' if sort else 'anything'} similar to {named_as}" + (" but cheaper" if similar.group("c") else "")
        named_first = _NAMED_THEN_ASK.match(low)
        if named_first is not None and re.match(r"(?:that|this) ", named_first.group("x")) \
                and set(tokens(named_first.group("x"))) - STOPWORDS <= self.lexicon.category_words \
                and re.search(r"\bit\b", named_first.group("q")):
            # "that case, how high a fall is it rated for": a kind, the one in focus or listed (no name), as "it"
            low, named_first = re.sub(r"\bit\b", named_first.group("x"), named_first.group("q"), count=1), None
        if named_first is not None and not _ONES.search(named_first.group("x")) \
                and not self.brand_only(named_first.group("x")) \
                and not (self.values_only(named_first.group("x")) and not focus):  # ("my wife wears an 8.5, …")
            # "it" is the product the name fits best, said nearly in full ("the merrell ones, …" and "the single bag, …"
            # pick from the list instead)
            named = self.link_product(named_first.group("x"))
            if named is not None and (named.score >= _NEARLY_FULL * FULL_NAME
                                      or self._only_titled(named_first.group("x"), named)):
                focus, focus_title, low = named.key, named.name, named_first.group("q")
        low = _COMPARE_PLEASE.sub("", low) if " vs" in low or " or " in low else low
        if focus:  # "… that fits that exact phone": the one in focus, where it is one ("phone" of a phone)
            low = _FIT_THAT_ONE.sub(lambda m: f"{m.group('v')} it" if m.group("n") in ("one", "model", "device")
                                    or self.in_categories(focus, self.constraints(m.group("n")).category_keys)
                                    else m.group(0), low)
        if focus and (there := _IS_THERE_KIND_FITS.match(low)) is not None \
                and (kind := self.constraints(there.group("k"))).categories and not kind.values:
            low = f"any {there.group('k')} that {there.group('r')}"
        if focus and (_BARE_OK_FOR.match(low) or pinned and _BARE_FOR.match(low)) \
                and (fit := self.link_product(fit_said := _BARE_OK_FOR.sub("", _BARE_FOR.sub("", low)), strict=True)) \
                is not None and fit.score >= FULL_NAME \
                and not extends_line(tokens(fit_said), tokens(fit.name), set(tokens(fit_said))):
            # (a product named in full: not "good for hiking?"; nor "for an iphone 15?" as the iPhone 15 Pro)
            # "ok for an hp elitebook 840 g10?" on a charger's page ("ok" read as a remark): does it fit
            low = f"is it {low}" if _BARE_OK_FOR.match(low) else f"is it ok {low}"
        if focus and (fits := _BARE_FITS.match(low)) is not None \
                and (fit := self.link_product(fit_said := low[fits.end():], strict=True)) is not None \
                and fit.score >= FULL_NAME and not extends_line(tokens(fit_said), tokens(fit.name), set(tokens(fit_said))):
            low = f"does it fit {fit_said}"  # "fits iphone 15 pro?" on a case's page: does it (not "fits iphone 15?" of
            # a case for the 15 Plus, no iPhone 15 listed: its own compatible model answers)
        if focus and not low.endswith("for it") and (get := _KIND_TO_GET.match(low)) is not None \
                and (kind := self.constraints(get.group("k"))).categories and not kind.values and not kind.brands \
                and not self.in_categories(focus, kind.category_keys):
            low = f"{low.rstrip('?.! ')} for it"
        if (listed_as := _LISTED_WORKING.match(low)) is not None:
            low = f"{listed_as.group('w')} does {listed_as.group('x')} work with"
        low = _ON_THE_FOOT.sub("", low)  # "which weighs less on the foot": no length in feet
        by = _BY_BRAND.match(low) if not _ATTRIBUTE_QUESTION.match(low) else None  # (not "is it made by sony")
        if by is not None and tuple(tokens(by.group("b"))) in self.lexicon.brands:
            said = by.group("x").split()
            lead = next((i for i, w in enumerate(said) if not self.values_only(w)), len(said))
            low = " ".join([by.group("b"), *said[lead:], *said[:lead]])  # "mens bondi 8 by hoka": hoka bondi 8 mens
        many = _NAME_HOW_MANY.match(low)
        if many is not None and self.link_product(many.group("x"), strict=True) is not None:
            low = f"how many {many.group('y')} does the {many.group('x')} have"
        # "knit or mesh?", "light, medium or dark?", "new balance 1080v13 knit or mesh": which of its values
        # ("is peet's major dickason's a light or dark roast": the attribute's word after the values is no value)
        named_after = _OR_THEN_WORD.search(low)
        values_end = low[:named_after.start("w")].rstrip() \
            if named_after is not None and self.asked_attributes(named_after.group("w")) else low
        either = next((m for pattern in _EITHER_TAILS if (m := pattern.search(values_end)) is not None
                       and self._either_attribute(m.group("v")) is not None), None)
        if either is not None and (attr := self._either_attribute(either.group("v"))) is not None:
            head = _IS_THAT_END.sub("", low[:either.start()].strip(" ,")).strip(" ,-")
            if not head and focus and not pinned:  # (on its page, the question's own words find it in the text)
                low = f"what {attr[0]} is it"
            elif head and self.link_product(head, strict=True) is not None:
                low = f"what {attr[0]} is the {head}"
        if focus and (worth := _WORTH_AGAINST.match(low)) is not None and self.link_product(worth.group("x"), strict=True):
            low = f"compare it with {worth.group('x')}"
        if focus and (than := _BARE_THAN.match(low)) is not None:
            low = f"is it {than.group('c')} than {than.group('x')}"
        # "camera vs the redmi note 13 pro?", "is the battery bigger than the pixel 7a's" of the product in focus: the
        # two compared on that attribute (the second only when the other side names a product)
        compared = (_ATTRIBUTE_COMPARED.match(low) or _ATTRIBUTE_THAN.match(low)) if focus else None
        attr_said = compared.group("attr") or compared.groupdict().get("attr2") if compared is not None else ""
        if compared is not None and attr_said and len(attr_said.split()) <= 2 and self.asked_attributes(attr_said) \
                and not self.brand_only(attr_said) and self.link_product(attr_said, strict=True) is None \
                and (compared.re is _ATTRIBUTE_COMPARED or self.link_product(compared.group("x"), strict=True)):
            low = f"compare it with {compared.group('x')} on {attr_said}"
        named_values = _NAME_THEN_VALUES.match(low)  # (its reading, "what sizes does the … come in", is no such shape)
        if focus and not (low.endswith(" they come in") and within and len(within) > 1 and not self.one_model(within)):
            # "what sizes do you have" after the Timberland boots: theirs, not every size in the shop (but "what sizes
            # do they come in" after two running shoes listed: of both)
            low = _WHAT_VALUES_HAVE.sub(r"what \1 does it come in", low)
        if focus:  # "do you have it in women's?" asks what "does it come in women's?" asks
            low = _HAVE_IT_IN.sub(r"does \g<it> come in", low)
            if (included := _INCLUDED_BARE.match(low)) is not None:  # "carrying case included?": is one included
                low = f"is a {included.group('x')} included"
            version = _VERSION_OF_IT.match(low)
            if version is not None and self.values_only(version.group("v")):  # "got a womens version of it?"
                low = f"does {version.group('it') or 'it'} come in {version.group('v')}"
        # ("average price of the white ones": an aggregate of those listed, not one of them)
        picked = self.pick_listed(low, within, focus) \
            if within and saving is None and not _OF_THE_ONES_AGGREGATED.search(low) else None
        if picked is None and focus:  # "price on the silver one": another listing of the model in focus
            picked = self.pick_variant(low, focus)
        if picked is not None:  # "the Smartish one", "the mesh one", "the bose": the listed product whose title says it
            (focus, focus_title), pattern = picked
            low = pattern.sub("it", low, count=1)
            # "the other one, any charger for it?", "for the rose one, is there …"
            low = re.sub(r"^(?:(?:and|so|ok|for|about|as for|with) )?it\s*[,:;-]\s*(?=\w)", "", low)
            if _BARE_PICK.fullmatch(low):  # "the first one", "show me the second": what it is, a summary
                low = "tell me about it"
        if picked is None and focus and (fitted := self._fitted_said(low, focus)) is not None:
            # "how many watts is the machine" after the cartridges for the K-Elite: the machine they fit (on the
            # accessory's page too: "is the phone 5g" asks of the phone, not of the page's product)
            (focus, focus_title), low = fitted
            pinned, text = False, low
        if focus and (bare := _COMPATIBLE_BARE.match(low)) is not None \
                and not set(tokens(bare.group("k"))) & self.kind_words(focus):
            # "is there a wall charger thats listed as compatible": one compatible with it (not cases of a case in focus)
            low = f"any {bare.group('k')} compatible with it"
        parse = Parse(text=text, intent="unanswerable", pinned=pinned and bool(focus), corrections=corrections,
                      read_as=read_as, picked=picked is not None, counts=bool(_HOW_MANY_ASKED.match(low)),
                      listed=list(within or ()))
        toks = tokens(low)
        parse.refers_back = any(t in PRONOUNS for t in toks) or not toks
        if parse.refers_back and focus and (one := _THE_BRANDS_ONE.search(low)) is not None \
                and not any(t in PRONOUNS and t != "one" for t in toks) and self._other_of_brand(one.group("x"), focus):
            parse.refers_back = False  # "the baseus wall one" of the Baseus pad in focus: the brand's wall charger
        if self.tagger is not None:
            parse.tagged = list(self.tagger(text))
        if focus:
            parse.products = [_focus_link(focus, focus_title)]
            parse.context = None if pinned else focus
        parse.attributes = self.asked_attributes(low)

        superlative = functools.partial(self._superlative, within=within, searched=searched, asked_before=asked_before)
        alternative = functools.partial(self._alternative, asked_before=asked_before, within=within, searched=searched)
        compare_listed = functools.partial(self._compare_listed, within=within)
        comparison = functools.partial(self._comparison, asked_before=asked_before)
        which_come_with = functools.partial(self._which_come_with, within=within)
        handlers = (which_come_with, self._same_maker, self._packs, self._variants_compared, alternative, compare_listed,
                    self._compatibility, comparison, superlative, self._aggregate, self._attribute_or_search)
        # "for an iphone?" after a search for cables: the cables that fit one
        if searched is None or not self._searched_for(parse, low, searched):
            for handler in handlers:
                if handler(parse, low, focus):
                    break
        if parse.intent in ("search", "unanswerable", "attribute"):
            self._has_thing(parse, low, focus)  # "does the galaxy s24 have a headphone jack": of it, not a search
        cons = parse.constraints
        if focus and not pinned and parse.intent == "search" and _WHERE_WHAT.match(low) \
                and [a for a in parse.attributes if a not in ("price", "brand", "category")] \
                and cons.words and set(cons.words) <= title_words(focus_title or self.lexicon.titles.get(focus, "")) \
                and not (cons.categories or cons.brands or cons.values or cons.ids or cons.price_min is not None
                         or cons.price_max is not None):
            # "where are the beans from" after a coffee: "the beans" are it (its title's word), not every bean
            parse.intent, parse.constraints = "attribute", Constraints()
            parse.products = [_focus_link(focus, focus_title)]
        if parse.intent == "compatibility" and parse.list_mode:  # "cheapest filter pack for it": of what fits
            parse.aggregate = next((kind for pattern, kind in _AGGREGATES
                                    if kind in ("min_price", "max_price") and pattern.search(low)), None)
        if pinned and focus and parse.intent in ("search", "aggregate", "unanswerable") \
                and not _ELSEWHERE.search(low) and not self._names_elsewhere(parse.constraints, low, focus):
            parse.intent, parse.aggregate = "attribute", None
            parse.products = [_focus_link(focus, focus_title)]
            parse.constraints = Constraints()
        listed_end = parse.intent == "aggregate" and parse.aggregate in ("min_price", "max_price", "extreme")
        said_cons = parse.constraints
        if listed_end and searched is not None and searched.categories and said_cons.brands \
                and not (said_cons.categories or said_cons.words or said_cons.values or said_cons.ids) \
                and self._brand_has_kind(said_cons.brands, searched.category_keys):
            # "how about the cheapest samsung" after phones: Samsung's cheapest phone (not its charger)
            said_cons.categories, said_cons.category_keys = list(searched.categories), list(searched.category_keys)
        elif listed_end and within and searched is not None and searched.categories \
                and (said_cons.values or said_cons.price_min is not None or said_cons.price_max is not None) \
                and not (said_cons.categories or said_cons.brands or said_cons.words or said_cons.ids) \
                and not all("compatib" in g.attribute and self._model_titled(g.label) for g in said_cons.values):
            # "what about in black" after the cheapest of the men's running shoes searched: theirs in black ("and the
            # cheapest ready-pour pitcher" after filters for it: the pitcher itself)
            self._refine(parse, within, searched)
            parse.constraints.ids = None
        if within and searched is not None and len(within) > 2 and listed_end \
                and (parse.constraints.empty() or parse.constraints == searched):
            # "which one weighs the least?", "whats the cheapest": of every match of the search that listed them,
            # not only of those shown (a search of title words that listed fewer than it may list: those listed)
            said_words = [w for w in parse.constraints.words if self.lexicon.title_df.get(w) and w not in searched.words]
            parse.constraints = copy.deepcopy(searched)
            if said_words:  # "whats the cheapest espresso machine then" of coffee makers: those titled so
                parse.constraints.words = list(dict.fromkeys([*parse.constraints.words, *said_words]))
            elif searched.words and len(within) < _ALL_LISTED:
                parse.constraints.ids = list(within)
        elif within and parse.intent == "compatibility" and parse.list_mode \
                and not parse.included and _THEY_FOR.match(low):
            parse.each = list(within)  # "which phones are they for" of the cases listed: what each of them fits
        elif within and (_LIST_REFERENCE.search(low) or parse.intent == "aggregate" and _OF_THE_SAID_ONES.search(low)) \
                and parse.intent != "comparison" and not _THEY_MAKE.match(low) and not parse.text_says:
            # ("which ones have a built in mic" after some listings of a model: of all its listings)
            # ("do they make a white one?": "they" is the maker of the product in focus, not the list)
            if parse.intent == "aggregate" and parse.aggregate in ("min_price", "max_price", "avg_price",
                                                                   "count_products", "extreme"):
                parse.constraints.ids = list(within)
            else:  # "do they come in black?", "which ones are under $20?": a search among them
                parse.intent, parse.products, parse.checks = "search", [], []
                parse.constraints = self.constraints(low)
                parse.constraints.ids = list(within)
                if searched is not None and len(within) >= _ALL_LISTED and not parse.constraints.categories \
                        and (parse.constraints.values or parse.constraints.words):
                    # "which are wireless" after 34 headphones found, 20 listed: the search narrowed, not the 20
                    parse.constraints.ids = None
                    self._refine(parse, within, searched)
                # "which of those is a cable": among listed chargers and cables, the kind's word is what tells
                parse.constraints.words += [t for t in tokens(low) if t in self.lexicon.category_words
                                            and t not in parse.constraints.words]
                asked = [a for a in parse.attributes if a not in ("price", "brand", "category")]
                said = parse.constraints
                if asked and _WH_WORD.match(low) and not said.values and said.price_min is None \
                        and said.price_max is None:  # "what are they made of?": the values the listed products have
                    parse.intent, parse.aggregate = "aggregate", "values"
                    parse.constraints = Constraints(ids=list(within))
        elif within and parse.intent == "aggregate" and parse.aggregate in ("min_price", "max_price", "extreme") \
                and (_WHICH.match(low) and not parse.constraints.categories and not parse.constraints.brands
                     or parse.constraints.empty()) and not self._titled_elsewhere(parse.constraints.words, within):
            # "which is the most expensive?", "whats the cheapest", "the cheaper one?" after a list: of the listed
            parse.constraints.ids = list(within)
        elif searched is not None and parse.intent == "aggregate" \
                and (parse.aggregate in ("min_price", "max_price") and _LIST_REFERENCE.search(low) and not within
                     or parse.aggregate in ("avg_price", "count_brands", "brands")
                     or parse.aggregate in ("min_price", "max_price") and _BRAND_OF.search(low)) \
                and parse.constraints.empty():
            # "which of them is the cheapest?" after the average price of office chairs: of the office chairs; "whats
            # the average price", "which brand is cheapest" after "how many air purifiers do you have": of those
            parse.constraints = copy.deepcopy(searched)
        elif not within and focus and parse.intent == "aggregate" and parse.aggregate in ("min_price", "max_price") \
                and parse.constraints.empty() and not self._titled_elsewhere(parse.constraints.words, [focus]):
            # "whats the cheapest one" after questions about the iPhone 15 Pro: of its listings, not of the shop
            title = focus_title or self.lexicon.titles.get(focus, "")
            parse.constraints.ids = [focus, *(v.key for v in self.model_listings(focus, title))]
        elif not within and searched is None and focus and not parse.pinned and parse.intent in ("search", "attribute") \
                and not parse.checks and self.values_only(low) and not _HOW_MUCH_OF.match(low) \
                and (narrower := self.constraints(low)).values:  # ("and how wide" asks its width)
            # "in black?" after the price of the Slate Blue Spectre: the listings of its model in black
            title = focus_title or self.lexicon.titles.get(focus, "")
            parse.intent, parse.products, parse.variants, parse.checks = "search", [], [], []
            parse.constraints = replace(narrower, ids=[focus, *(v.key for v in self.model_listings(focus, title))])
        elif searched is not None and parse.intent == "attribute" and not parse.attributes \
                and (about := WHAT_ABOUT.match(low)) is not None and self.values_only(about.group("x")) \
                and (narrower := self.constraints(low)).values:
            # "what about size 9?" after a search (one that found none too): the search in size 9, not a
            # product whose title says "Size 9"
            parse.intent, parse.products, parse.variants, parse.checks = "search", [], [], []
            parse.constraints = narrower
            self._refine(parse, within, searched)
        elif within and parse.intent == "attribute" and focus and [p.key for p in parse.products] == [focus] \
                and (WHAT_ABOUT.match(low) or _ONLY_THESE.search(low)
                     or not (parse.refers_back or parse.checks or _ATTRIBUTE_QUESTION.match(low))) \
                and ((narrower := self.constraints(low)).values
                     or narrower.brands and WHAT_ABOUT.match(low) and not parse.attributes  # ("and the battery on the sony")
                     or narrower.words and _ONLY_THESE.search(low)) \
                and not (parse.attributes and focus not in within and narrower.values and all(
                    set(tokens(g.label)) <= _title_words(focus_title or self.lexicon.titles.get(focus, ""))
                    for g in narrower.values)):  # ("tasting notes on the 3 pack?" names the 3-pack in focus)
            # ("just the wireless ones": titles say it)
            # "what about in white?", "something whole bean and light roast" after a list: the listed products so,
            # not an attribute of the first
            parse.intent, parse.products, parse.checks = "search", [], []
            parse.constraints = narrower
            self._refine(parse, within, searched)
        elif (within or searched is not None) and parse.intent == "attribute" and not parse.checks \
                and _REFINING.match(low) and not _QUESTION_WORD.search(low) and (narrower := self.constraints(low)).values \
                and not narrower.categories and not narrower.brands and len(narrower.words) <= 1:
            # "with at least 16gb ram", "and a 1tb ssd" after laptops: the search narrowed (not the laptop whose title
            # says "16GB RAM")
            parse.intent, parse.products, parse.variants, parse.attributes = "search", [], [], []
            parse.constraints = replace(narrower, words=[])
            self._refine(parse, within, searched)
        elif (within or searched is not None and self._refines_alone(low)) and parse.intent == "search" \
                and not parse.constraints.ids \
                and (not parse.constraints.categories or (within and searched is None or searched is not None
                                                          and not searched.categories) and _ONLY_THESE.search(low)
                     or searched is not None and searched.categories and len(low.split()) <= 3
                     and bool(parse.constraints.values)  # (a value: "and the macbook?" names a model, no narrowing)
                     and {c.key for c in parse.constraints.categories} <= set(searched.category_keys)) \
                and (not parse.constraints.brands or _ONLY_THESE.search(low)) \
                and (not parse.constraints.empty() or parse.constraints.words and _ONE_WITH.match(low)):
            # "any decaf?", "only over-ear ones", "what about in white?" after a list, "just the phones please" after
            # anything from apple, "noise cancelling?" after bose headphones (a few words whose titles' kind is the
            # one searched): a narrower search among it
            self._refine(parse, within, searched)
        if within and focus and focus not in within and parse.intent == "attribute" and parse.attributes \
                and not parse.checks \
                and [p.key for p in parse.products] == [focus] and parse.context == focus \
                and not set(parse.attributes) & self._attributes_of(
                    [focus, *([v.key for v in self.model_listings(focus, focus_title or "")] if parse.refers_back else [])]) \
                and (not parse.refers_back or len(within) > 1 and not _THE_X_ONE.search(low)
                     and not self._picks_among(low, within)) \
                and set(parse.attributes) & self._attributes_of(within):
            # "how many come in a pack?" after the filters that fit the machine (not one of them): asked of the
            # listed products, which have it, not of the machine, which has not; also "how many W is that one" after
            # the wall chargers for a phone, which no listing of its model has a wattage for
            parse.intent, parse.aggregate, parse.products = "aggregate", "values", []
            parse.constraints = Constraints(ids=list(within))
        elif within and len(within) > 1 and parse.intent == "attribute" and parse.attributes and not parse.checks \
                and not parse.yes_no and _EACH_ONE.search(low) and [p.key for p in parse.products] in ([focus], []) \
                and set(parse.attributes) & self._attributes_of(within):
            # "how many oz in each bag" after two coffees: the values of each listed, not of the first alone
            parse.intent, parse.aggregate, parse.products = "aggregate", "values", []
            parse.constraints = Constraints(ids=list(within))
        elif within and not focus and not parse.products and parse.intent in ("attribute", "unanswerable") \
                and parse.attributes and not parse.checks and not parse.yes_no and len(within) <= SHOWN \
                and parse.constraints.empty() and set(parse.attributes) & self._attributes_of(within):
            # "what is the coverage area?" after the average price of a model's two listings: of each listed
            parse.intent, parse.aggregate = "aggregate", "values"
            parse.constraints = Constraints(ids=list(within))
        how = _HOW_TO.match(low)
        if how is not None and focus and parse.products and parse.products[0].key == focus \
                and (verb := tokens(low[how.end():])[:1]) and self._text_tells(focus, verb[0]):
            how, parse.told = None, verb[0]  # "how should i store it" of a coffee whose text says "Store in a cool, dry
            # place": its text
        if _NOT_IN_CATALOG.search(low) or (how is not None and parse.intent != "compatibility" and not parse.pinned):
            # "how do I descale my espresso machine?", "is there free shipping?": the graph says nothing about it
            # (on a product's page a how-to may be answered by a feature: "how do you keep everything safe?")
            parse.intent, parse.products, parse.checks, parse.constraints = "unanswerable", [], [], Constraints()
        parse.yes_no = bool(_YES_NO.match(low))
        told = _TELL_ME_ABOUT.match(low)
        if told is not None and not parse.pinned and (parse.intent in ("attribute", "search", "unanswerable") or (
                parse.intent == "compatibility" and told.group("x")
                and self.link_product(told.group("x"), strict=True) is not None)) \
                and not _NOT_IN_CATALOG.search(low):  # ("info on shipping for …" is not about the product)
            # ("tell me about the mous limitless case for the oneplus 12": the case, not what fits the phone)
            # "tell me about the vitamix e310", "tell me more about it": a summary of the product named or in focus
            subject = told.group("x") or ""
            named = self.link_product(subject, strict=True) if subject and not set(tokens(subject)) <= PRONOUNS \
                else None
            said = set(tokens(subject)) - STOPWORDS - PRONOUNS
            own = title_words(focus_title or "") | self.kind_words(focus) if focus else frozenset()
            if named is None and focus and (not subject or set(tokens(subject)) <= PRONOUNS or said <= own):
                named = _focus_link(focus, focus_title)  # ("tell me more about the phone" of the one in focus)
            if named is not None:
                parse.intent, parse.summary, parse.products = "attribute", True, [named]
                parse.attributes, parse.checks, parse.constraints = [], [], Constraints()
            elif focus and parse.products and parse.products[0].key == focus \
                    and said - own - self.cue_words(subject, self.asked_attributes(subject)) \
                    and self.link_product(subject) is not None:
                # "tell me about the baseus 10 ft usb-c to lightning cable" with a blender in focus: what the words
                # say, searched, not the blender's connector
                parse.intent, parse.products, parse.variants = "search", [], []
                parse.attributes, parse.checks, parse.constraints = [], [], self.constraints(subject)
        if parse.intent == "attribute" and parse.attributes and parse.products and parse.products[0].key != focus \
                and not _ATTRIBUTE_QUESTION.match(low) and not _HOW_MANY_MEASURE.search(low):
            # not asked as a question, a cue word inside the named product's name asks nothing ("something to
            # protect my moto g power"; but "what sizes do the … (Size 5) come in?" asks the size)
            left = set(self.asked_attributes(strip_words(low, [parse.products[0].name])))
            parse.attributes = [a for a in parse.attributes if a in left]
        if parse.intent == "attribute" and focus and parse.products and parse.products[0].key == focus \
                and not parse.pinned and not parse.refers_back and not parse.attributes and not parse.checks \
                and not parse.summary and not parse.picked and not parse.yes_no \
                and (content := [t for t in tokens(low) if t not in STOPWORDS]) \
                and not any(t in self.speller.known or singular(t) in self.speller.known for t in content) \
                and not set(content) & self._text_words(focus):  # ("100% arabica?" of a blend its bullets describe)
            # "who painted the mona lisa" while a phone is in focus: no word of it is the graph's, so not about it
            # ("is the basket dishwasher safe" may ask of a part of it: a yes/no question stays)
            parse.intent, parse.products, parse.context = "unanswerable", [], None
        if parse.intent == "attribute" and not parse.attributes and not parse.checks and not parse.yes_no \
                and not parse.pinned and len(parse.products) == 1:
            self._read_compatibility(parse, low)
        if parse.tagged and parse.intent in ("search", "aggregate"):
            self._add_tagged(parse.constraints, parse.tagged)
        if any_price:  # (after any refinement of the last search, whose bound it drops)
            parse.constraints.price_min = parse.constraints.price_max = parse.constraints.currency = None
        if focus and not within and searched is None and parse.intent == "search" and parse.beyond is None \
                and _ANY_OF_ITS_KIND.match(low) \
                and parse.constraints.values and not parse.constraints.categories and not parse.constraints.brands \
                and not parse.constraints.ids:
            # "any with 512 gb storage?", "any 2 pack priced in usd?" after a question about one product: its model's
            # listings so, else (none is) its kind's
            title = focus_title or self.lexicon.titles.get(focus, "")
            parse.constraints = self.in_category(parse.constraints, self.category_of(focus))
            parse.constraints.ids, parse.refines = [focus, *(v.key for v in self.model_listings(focus, title))], True
        said = " ".join(parse.text.casefold().split())  # (the currency said, which low no longer has; after a name:
        # "levoit core 300 in white, is that one in dollars")
        sold = _SOLD_IN.match(said) or (_SOLD_IN.match(re.split(r"[,;]\s*|\s-\s", said)[-1]) if focus else None)
        if sold is not None and (named := self._side(sold.group("x"), focus) if set(tokens(sold.group("x"))) <= PRONOUNS
                                 else self._listing_said(sold.group("x"), focus)
                                 or self._link_named(sold.group("x"), parse)) is not None:
            # "is the honeywell sold in dollars": its listing priced so, and its price
            parse.intent, parse.attributes, parse.checks, parse.constraints = "attribute", ["price"], [], Constraints()
            parse.products, parse.in_currency, parse.yes_no = [named], currency_of(sold.group("c")), False
        bare = _PRICE_IN_BARE.match(low) if focus else None
        if focus and bare is not None:
            # "how much in pounds" of the air fryer in focus: its price in that currency, not a title's "2.2 pounds"
            parse.intent, parse.attributes, parse.checks, parse.constraints = "attribute", ["price"], [], Constraints()
            parse.products = [_focus_link(focus, focus_title)]
            parse.in_currency = currency_of(bare.group("c"))
        said_currency = paid or _IN_CURRENCY.search(low) \
            or (_IN_POUNDS.search(low) if parse.attributes[:1] == ["price"] else None)  # ("weigh in pounds": no price)
        if said_currency is not None and parse.intent == "attribute" \
                and (parse.attributes[:1] == ["price"] or _PRICE_ASKED.search(f"{low} {said_currency.group(0)}")
                     or said_currency is paid):
            # "single bag price in dollars?"; "ikea markus priced in euros - how wide": of the listing so priced
            parse.in_currency = currency_of(said_currency.group(0))
        if said_currency is not None and parse.intent == "aggregate" and not parse.constraints.currency \
                and parse.aggregate in ("min_price", "max_price", "avg_price"):
            parse.constraints.currency = currency_of(said_currency.group(0))  # "average price of desks in euros"
        elif (said_currency or paid) is not None and parse.intent == "aggregate" and parse.aggregate == "count_products" \
                and not parse.constraints.currency:  # "how many air purifier listings are priced in euros": those only
            said = (said_currency or paid).group(0)  # type: ignore[union-attr]
            parse.constraints.currency, parse.constraints.currency_only = currency_of(said), True
            parse.constraints.words = [w for w in parse.constraints.words if w not in {*tokens(said), "euro", "dollar",
                                                                                        "pound", "listing"}]
        if said_currency is not None and paid is None and parse.intent == "search" and parse.attributes[:1] == ["price"] \
                and not parse.constraints.currency:
            # "iphone 13 blue 256gb in us dollars, how much": its listings priced so, with their prices
            parse.constraints.currency, parse.constraints.currency_only = currency_of(said_currency.group(0)), True
            parse.constraints.words = [w for w in parse.constraints.words if w not in set(tokens(said_currency.group(0)))]
        if paid is not None and not within and parse.intent == "search" and not parse.constraints.currency:
            parse.constraints.currency = currency_of(paid.group(0))  # "new balance 1080v13 mens, usd only"
        elif paid is not None and within and not parse.constraints.price_min and not parse.constraints.price_max \
                and bare is None and not (sold is not None and parse.in_currency) \
                and not (parse.constraints.categories and not any(  # (not "the cheapest dedica machine, in dollars"
                    self.in_categories(pid, parse.constraints.category_keys) for pid in within)):  # after its filters)
            if parse.intent != "aggregate" or parse.aggregate not in ("avg_price", "min_price", "max_price"):
                # ("average of the ones priced in dollars", "of those, which costs least in dollars": of those so priced)
                parse.intent, parse.products, parse.attributes, parse.checks = "search", [], [], []
            parse.constraints = Constraints(ids=list(within or ()), currency=currency_of(paid.group(0)))
        if paid is not None and parse.intent == "search" and parse.constraints.currency:
            parse.constraints.currency_only = True  # ("office chairs under 280, usd only": no € chair converted in)
        self._need_said(parse, low)
        if parse.intent == "attribute" and within and len(parse.products) == 1 and not pinned \
                and (model_said := parse.products[0]).key not in within and model_said.key != focus:
            # "and what do the airpods pro cost" after an AirPods Pro listing was listed: that listing of the model
            titles = self.lexicon.titles
            said_of_it = set(tokens(low)) & title_words(model_said.name)  # (the words said of it, "black" too, hold)
            its_listed = [pid for pid in within if self.same_model(model_said.name, titles.get(pid, ""))
                          and said_of_it <= title_words(titles.get(pid, ""))]
            if len(its_listed) == 1:
                parse.products = [Link("product", its_listed[0], titles.get(its_listed[0], its_listed[0]),
                                       score=model_said.score)]
        cons = parse.constraints
        if parse.intent == "search" and parse.attributes and not parse.products and _YES_NO.match(low) \
                and cons.brands and cons.categories and not (cons.values or cons.ids) \
                and not set(cons.words) - self.cue_words(low, parse.attributes) - {"need", "needs"} \
                and cons.price_min is None and cons.price_max is None and (only := self._brands_only_one(cons)):
            # "does the sauder bookcase need putting together": the one bookcase Sauder makes, asked about
            parse.intent, parse.products, parse.constraints = "attribute", [only], Constraints()
        parse.per_unit, parse.per_unit_bound = per_unit, per_unit_bound
        if parse.attributes == ["battery life"] and "battery" not in toks and len(parse.products) == 1 \
                and {"filter", "cartridge"} & title_words(self.lexicon.titles.get(parse.products[0].key, "")):
            parse.attributes = ["filter life", "lifespan"]  # "how long does each cartridge last" of a filter: its life
        if no_bundles and parse.constraints is not None:
            cons = parse.constraints
            parse.constraints = replace(
                cons, category_keys=[k for k in cons.category_keys if not k.endswith(" bundles")],
                ids=[i for i in cons.ids if "bundle" not in title_words(self.lexicon.titles.get(i, ""))]
                if cons.ids is not None else None)
        logger.debug("parse %r → %s", text, parse)
        if named_values is not None and (parse.intent in ("search", "unanswerable")
                                         or parse.intent == "attribute" and not parse.attributes) \
                and self.names_product(named_values.group("x")):
            # "new balance fresh foam 1080v13 - what sizes have u got", read as no question: what that model's listings
            # come in
            said = " ".join(filter(None, (named_values.group("x"), named_values.group("g"))))  # ("…, the mens ones, …")
            again = self.parse(f"what {named_values.group('v')} does the {said} come in", focus=focus,
                               focus_title=focus_title, pinned=pinned, within=within, searched=searched,
                               asked_before=asked_before)
            again.text, again.corrections = parse.text, parse.corrections or again.corrections  # (as asked and read)
            again.per_unit, again.per_unit_bound = per_unit, per_unit_bound
            return again
        return parse

    @staticmethod
    def _refines_alone(low: str) -> bool:
        """A turn that only changes the last search, even one that found nothing: "under 150?", "what about
        size 9?", "and in black" (not "any whole bean dark roasts then?", a search of its own)."""
        rest = [t for t in tokens(_take_prices(low, Constraints())) if t not in STOPWORDS]
        return not rest or WHAT_ABOUT.match(low) is not None or low.startswith("and ") \
            or re.match(_WITH_FIRST, low) is not None  # "with at least 16gb ram"

    def _is_thing(self, parse: Parse, low: str) -> None:
        """"is the vitamix e310 dishwasher safe" read as a search of the brand's products titled so: whether the
        product named (the longest opening of the words that names one) is so, from its facts or its text."""
        m = _IS_THING.match(low)
        if m is None or parse.intent not in ("search", "unanswerable"):
            return
        words = m.group("rest").split()
        for cut in range(len(words) - 1, 0, -1):
            name, thing = " ".join(words[:cut]), " ".join(words[cut:])
            if self.values_only(thing) or (said := self.constraints(thing)).values or said.categories:
                continue  # ("is the xps 15 black": a value it is checked for; "is the dedica a good machine")
            named = self.link_product(name, strict=True) if self.names_product(name) else None
            if named is not None and not set(tokens(thing)) & title_words(named.name):
                parse.intent, parse.products, parse.variants, parse.checks = "attribute", [named], [], []
                parse.constraints, parse.yes_no = Constraints(), True
                # (the words of an attribute's name or cue, else a thing no attribute says: "made in the usa")
                parse.attributes = self.asked_attributes(thing) if self._names_attribute(thing) else []
                parse.thing = "" if parse.attributes else thing
                return

    def _which_come_with(self, parse: Parse, low: str, focus: str | None, *,
                         within: Sequence[str] | None = None) -> bool:
        """"hd 560s - which listings come with a carrying case", "which ones have a built in mic" (of a model in
        focus): the listings of the model whose own text says the thing, where it names no value the graph has."""
        m = _WHICH_COME_WITH.match(low) or _LISTINGS_WITH.match(low)
        if m is None or self.values_only(m.group("x")) or self.constraints(m.group("x")).values \
                or self.asked_attributes(m.group("x")) or _PLAIN_MORE.search(m.group("x")) \
                or _SUPERLATIVE_FORM.search(m.group("x")):
            return False  # ("which one has the biggest screen", "which has more ram": an attribute's end)
        words = [t for t in tokens(m.group("x")) if t not in STOPWORDS and t not in _TEXT_FILLER_WORDS and t.isalpha()]
        named = self.link_product(m.group("name"), strict=True) if m.group("name").strip() else None
        anchor = named.key if named is not None else focus
        if not words or anchor is None and not within:
            return False
        parse.intent, parse.products, parse.text_says, parse.thing = "search", [], words, m.group("x")
        if anchor is None:  # "which of the two ships assembled" after two products compared: of those, their models
            parse.constraints = Constraints(ids=list(dict.fromkeys(
                [*(within or ()), *(v.key for pid in within or () for v in self.model_listings(
                    pid, self.lexicon.titles.get(pid, ""), _ALL_LISTED))])))
            return True
        title = self.lexicon.titles.get(anchor, "")
        listings = [anchor, *(v.key for v in self.model_listings(anchor, title, _ALL_LISTED))]
        # (after a list of other models too, "which ones come with a case" after headphones: of those listed; after
        # some listings of one model, of all its listings)
        other_models = any(pid not in listings and anchor not in {v.key for v in self.model_listings(
            pid, self.lexicon.titles.get(pid, ""), _ALL_LISTED)} for pid in within or ())
        parse.constraints = Constraints(ids=list(within) if named is None and within and other_models else listings)
        return True

    def _has_thing(self, parse: Parse, low: str, focus: str | None) -> None:
        """"does the galaxy s24 have a headphone jack", "does the bose qc ultra have a mic", "does the dedica bundle
        include coffee" read as a search: about the product named. What it includes of a kind, where the graph
        links what it includes; else whether it has the thing (an attribute of it where the words name one, else its
        text), not a search for the thing."""
        m = HAS_THING.match(low)
        if m is None:
            self._is_thing(parse, low)
            return
        linked = parse.products[0] if parse.products else None
        if parse.intent == "attribute" and linked is not None and not set(tokens(m.group("p"))) <= PRONOUNS \
                and set(tokens(m.group("x"))) - STOPWORDS <= title_words(linked.name) \
                and (other := self.link_product(m.group("p"), strict=True)) is not None and other.key != linked.key:
            # "does the galaxy s24 have wireless charging": the phone, not a charging pad whose title says the thing
            parse.products, parse.checks = [other], []
        thing = self.constraints(m.group("x"))
        head = [t for t in tokens(m.group("x")) if t not in STOPWORDS][-1:]
        valued = {t for g in thing.values for t in tokens(g.label)} | {t for c in parse.checks for t in tokens(c.name)}
        if self.values_only(m.group("x")) or set(head) <= valued or (thing.values or parse.checks) and any(
                self.lexicon.title_df.get(h) or h in self.lexicon.value_words for h in head):
            return  # a value it is checked for ("does the pixel 8 have 128gb", "… have noise cancelling"; not "a steel
            # toe", whose steel is only a material)
        said = m.group("p")
        named = self._side(said, focus) if set(tokens(said)) <= PRONOUNS else self.link_product(said, strict=True)
        if named is None:
            return
        if parse.intent == "attribute":  # read as asking an attribute: unless the thing names none (its last word is no
            if self._names_attribute(m.group("x")) or [p.key for p in parse.products[:1]] != [named.key]:
                return  # word of its name: "a headphone jack" is no headphone type)
            parse.attributes, parse.checks, parse.thing = [], [], m.group("x")
            return
        parse.products, parse.variants, parse.checks = [named], [], []
        parse.yes_no, parse.thing = True, m.group("x")
        if thing.categories and m.group("v") in _INCLUDES_VERBS:  # "does the dedica bundle include coffee"
            parse.intent, parse.list_mode, parse.included = "compatibility", True, "out"
            parse.constraints = Constraints(categories=thing.categories, category_keys=thing.category_keys)
            return
        parse.intent, parse.constraints = "attribute", Constraints()
        parse.attributes = self.asked_attributes(m.group("x")) if self._names_attribute(m.group("x")) else []
        parse.thing = "" if parse.attributes else m.group("x")

    def _names_attribute(self, thing: str) -> bool:
        """Whether the last word of a thing asked ("a high refresh rate screen") is a word of an attribute's name or cue
        it names (not "a headphone jack": no headphone type)."""
        covered = {t for a in self.asked_attributes(thing) for t in tokens(a)}
        head = [t for t in tokens(thing) if t not in STOPWORDS][-1:]
        return bool(head) and set(head) <= covered

    def _searched_for(self, parse: Parse, low: str, searched: Constraints) -> bool:
        """"for an iphone?", "any for a pixel 8", "which work with a macbook air" after a search of a kind (cables,
        Anker chargers): the products of that search that fit the product named, not that product's listings."""
        m = _FOR_A_PRODUCT.match(low)
        if m is None or not searched.categories and not searched.words:
            return False
        said = [t for t in tokens(m.group("x")) if t not in STOPWORDS]
        named = self.link_product(m.group("x"), strict=True)
        if named is None or len(said) == 1 and len([pid for pid in self.lexicon.titled(said) if self.category_of(
                pid) == self.category_of(named.key)]) > 1 + len(self.model_listings(named.key, named.name)):
            return False  # "any for iphones?": a name many models share, read as such below
        if self.in_categories(named.key, searched.category_keys) \
                or self.values_only(m.group("x")) or self._measure_only(m.group("x")):
            return False  # ("for men", "for a 300 sq ft room" narrow the search; a cable named is one of them)
        parse.intent, parse.list_mode, parse.products = "compatibility", True, [named]
        # (the words of the search too: "wall chargers" are those titled so)
        parse.constraints = replace(copy.deepcopy(searched), ids=self.lexicon.titled(searched.words) or None
                                    if searched.words else None)
        return True

    def _refine(self, parse: Parse, within: Sequence[str] | None, searched: Constraints | None) -> None:
        """A refinement of the last search ("what about in size 9?", "and under $50?", "just the samsung ones"):
        its constraints with what the question says in place of the same attribute, price or brand; without a
        search before, the listed products narrowed."""
        said = parse.constraints
        if searched is None:
            said.ids, parse.refines = list(within or ()), True
            return
        asked = {_SAME_ATTRIBUTE.get(g.attribute, g.attribute) for g in said.values}
        merged = replace(searched, values=[g for g in searched.values
                                           if _SAME_ATTRIBUTE.get(g.attribute, g.attribute) not in asked] + said.values,
                         words=list(dict.fromkeys([*searched.words, *said.words])))
        if said.price_min is not None or said.price_max is not None:
            merged.price_min, merged.price_max, merged.currency = said.price_min, said.price_max, said.currency
        if said.brands:  # another brand: the old one's model words go with it ("and the ninja one?" after the e310)
            merged.brands = said.brands
            merged.words = list(said.words)
        elif said.words and _INSTEAD.search(parse.text):  # "ones with toasted nut notes instead" of jasmine ones
            merged.words = list(said.words)
            if merged.categories:  # (not only those whose text said the words replaced)
                merged.ids = None
        if said.categories and not searched.categories:  # "just the phones please" after anything from apple
            merged.categories, merged.category_keys = said.categories, said.category_keys
        for group in said.values:  # "any whole bean ones instead?" after ground coffee: the Whole Bean Coffee
            sibling = self._sibling_category(merged.categories, group.label)
            if sibling is not None:
                merged.categories, merged.category_keys = [sibling], self.lexicon.descendants([sibling.key])
                merged.values = [g for g in merged.values if g is not group]
        parse.constraints, parse.narrows = merged, True

    def _sibling_category(self, categories: Sequence[Link], label: str) -> Link | None:
        """The category beside one of ``categories`` (same parent) whose name says every word of a value
        ("whole bean" beside Ground Coffee: Whole Bean Coffee), else None."""
        words = set(tokens(label)) - STOPWORDS
        for category in categories:
            parent, _, _ = category.key.rpartition(" > ")
            for key, path in self.lexicon.category_paths.items():
                name = path.rpartition(" > ")[2]
                if parent and key != category.key and key.rpartition(" > ")[0] == parent and words \
                        and words <= set(tokens(name)):
                    return Link("category", key, name)
        return None

    def model_listings(self, pid: str, title: str, most: int = MAX_VARIANTS) -> list[Link]:
        """Other listings of a product's model (at most ``most``): near-tied links to the rarest words of its title."""
        said = self._model_words(title)
        found = self.link_products(said, near=VARIANT_NEAR, most=4 * most)
        bare = [w for w in said.split() if (w,) not in self.lexicon.brands]
        if 2 <= len(bare) < len(said.split()):  # a listing whose title leaves the brand out ("Aspire 5 15.6-inch …")
            seen = {link.key for link in found}
            found += [link for link in self.link_products(" ".join(bare), near=VARIANT_NEAR, most=4 * most)
                      if link.key not in seen]
        own_line = line_words(title)
        own_fit = _fitted_model(title)

        def same(link: Link) -> bool:
            if line_words(link.name) != own_line:
                return False  # a line's other model: the Pixel 8 Pro is no Pixel 8
            if own_fit and (other_fit := _fitted_model(link.name)) and other_fit != own_fit:
                return False  # a case for another phone: "Mous Limitless 5.0 … for OnePlus 12" is no Motorola one
            if self._same_model(said.split(), link.name, title):
                return True
            # one model whichever listing it is asked from, in one category: "Brooks Men's Adrenaline GTS 23 Running
            # Shoes" goes on with its kind where "Women's Brooks Adrenaline GTS 23 (Volt/Black …)" gives a colour
            path = self.category_of(pid)  # (kept once read)
            if path is None or self.category_of(link.key) != path:
                return False
            kind = frozenset(tokens(path)) - STOPWORDS  # (words of the kind both are: "running" of Running Shoes)
            return self.same_model(link.name, title, kind) or self._same_model(said.split(), link.name, title, kind)

        return [link for link in found if link.key != pid and same(link)][:most]

    def _only_titled(self, said: str, link: Link) -> bool:
        """Whether the products whose titles say every word of ``said`` are ``link``'s model and no other ("the esr
        galaxy s24 case": one case, though its title says more)."""
        words = [t for t in tokens(said) if t not in STOPWORDS]
        found = self.lexicon.titled(words) if words else []
        return bool(found) and link.key in found and all(
            self.same_model(link.name, self.lexicon.titles.get(pid, "")) for pid in found if pid != link.key)

    def same_model(self, own: str, title: str, kind: frozenset[str] = frozenset()) -> bool:
        """Whether ``title`` is another listing of the model of the product titled ``own`` (``kind``: as ``_same_model``)."""
        return self._same_model(self._model_words(own).split(), title, own, kind)

    def _same_model(self, model: Sequence[str], title: str, own_title: str, kind: frozenset[str] = frozenset()) -> bool:
        """Whether ``title`` is another listing of the model of the title ``own_title`` whose rarest words are
        ``model``: it has every one of those and every word of the name that opens ``own_title`` (the brand may go
        unsaid), and after the last of them goes on as ``own`` does or with a size, colour, number or the brand
        ("Galaxy S24, 256 GB" is a Galaxy S24 (128GB); "Galaxy S24 Ultra", "Galaxy S24 Case" and, beside the
        "MacBook Air 15 (M3)", the "MacBook Pro 14 (M3 Pro)" name other products). ``kind``: the words of both
        listings' category, which the name that opens ``own_title`` may say and ``title`` need not ("Saucony Women's
        Endorphin Speed 4 Running Shoes" beside "Men's Saucony Endorphin Speed 4 (Blue/Navy, …)")."""
        lex = self.lexicon
        words = tokens(title)
        own = tokens(own_title)
        name = tokens(_NAME_END.split(own_title, maxsplit=1)[0])
        last = max((i for i, w in enumerate(name) if w in model and not w.isalpha()), default=len(name) - 1)
        # (the words after a model code describe it: "… 1080v13 Men's Road Running Shoe" is the "Men's … 1080v13 Running
        # Shoes" too)
        head = {w for w in name[:last + 1] if w.isalpha() and w not in STOPWORDS
                and (w,) not in lex.brands and (w,) not in lex.categories and not self.values_only(w)
                and w not in kind}
        if not ({w for w in model if (w,) not in lex.brands} | head) <= set(words):
            return False
        if bool(_BUNDLE_WORDS & set(words)) != bool(_BUNDLE_WORDS & set(own)):
            return False  # "Pixel 8 Bundle with ESR Case" is not the Pixel 8
        watts, our_watts = _WATTS.findall(title.casefold()), _WATTS.findall(own_title.casefold())
        if watts and our_watts and watts != our_watts:
            return False  # the UGREEN "USB-C Wall Charger, 140W" is no listing of its 65 W one
        theirs_brands, our_brands = set(self._brand_words(words)), set(self._brand_words(own))
        if theirs_brands and our_brands and not theirs_brands & our_brands:
            return False  # the Baseus "GaN Fast Charger (2-port)" is no listing of the Anker one

        def rest(ws: list[str]) -> list[str]:  # the words after the last of the model's
            named = [i for i, w in enumerate(ws) if w in model and not w.isdigit()]  # "72" (ounces) is a size
            # a brand may close a title ("… Pitcher by Brita", "… by Audio-Technica"): the model's other words say where
            # it ends
            branded = set().union(*self._brand_words(ws))
            named = [i for i in named if (ws[i],) not in lex.brands and ws[i] not in branded] or named
            return ws[named[-1] + 1:] if named else []

        theirs, ours = rest(words), rest(own)
        same = 0  # both go on alike for a while ("… 15 Pro 256 GB" and "… 15 Pro 512 GB"): where they part counts
        while same < min(len(theirs), len(ours)) and theirs[same] == ours[same]:
            same += 1
        nxt = theirs[same] if same < len(theirs) else None
        if nxt is None:
            return True
        varying = any(v.attribute in VARIANT_ATTRIBUTES for v in lex.value_words.get(nxt, ()))
        return (nxt in model or any(c.isdigit() for c in nxt) or nxt in STOPWORDS or varying or (nxt,) in lex.brands
                or nxt in UNITS or nxt in ours[same:])  # ("… 1080v13 Running Shoes" beside "… 1080v13 Men's Road Running")

    def model_name(self, title: str) -> list[str]:
        """The words of a title that name its model, in the title's order ("google pixel 8" of "Google Pixel 8
        256GB Hazel")."""
        model = set(self._model_words(title).split())
        return list(dict.fromkeys(w for w in tokens(title) if w in model))

    def _model_words(self, title: str, most: int = 3) -> str:
        """The rarest words of a title's product part ("vortex plus instant" of "Instant Vortex Plus Air Fryer -
        Stainless Steel"): what its other listings share, without the colour or size that sets it apart."""
        head, _ = title_parts(title)
        # (a material the title says, "… Black Sheepskin Boots", is no model's word either: other listings leave it out)
        varying = {w for w in head for v in self.lexicon.value_words.get(w, ())
                   if v.attribute in VARIANT_ATTRIBUTES or v.attribute == "material"}
        varying |= {w for w in head if _AMOUNT_WORD.match(w)}  # "128gb", "10oz": a size, not the model
        varying |= set(_SIZE_NUMBER.findall(title.casefold()))  # "Size 12.5", "US 8": a shoe size
        varying |= set(_SPACED_AMOUNT.findall(title.casefold()))
        varying |= set(_PAREN_AMOUNT.findall(title.casefold()))  # "(27 in)", "(3.8 L)": one listing's size
        varying |= {w for w in head if w in UNITS}  # the "TB" of "1 TB storage" is no model's word
        varying |= {w for w in head if (w,) in self.lexicon.attributes}  # nor "storage" of "512GB storage", "RAM" …
        # nor a kind's noun some listings leave out ("Pixel 8 Pro … Smartphone - Obsidian", "Google Pixel 8 Pro, …")
        varying |= {w for w in head if w in self.lexicon.category_words}
        df = self.lexicon.title_df
        return " ".join(sorted(head - varying, key=lambda w: (df.get(w, 0), w))[:most])

    def pick_listed(self, low: str, within: Sequence[str], focus: str | None = None
                    ) -> tuple[tuple[str, str], re.Pattern[str]] | None:
        """((id, title), the pattern that named it) of the one listed product that "the first one" / "the other
        one" (the first listed that is not ``focus``) names by its place, or "the <word> one" or a question ending
        "… the <brand or kind>" ("how much is the bose?", "… are the filters?") by a word of its title."""
        titles = self.lexicon.titles
        m = _ORDINAL.search(low)
        if m is not None:
            n = m.group("n")
            if n == "other":  # another model: not a listing of the one in focus
                named = titles.get(focus or "", "")
                others = [pid for pid in within if pid != focus and not self.same_model(named, titles.get(pid, ""))]
                pid = others[0] if others and named else None
            else:
                place = _ORDINALS[n]
                pid = within[place] if -len(within) <= place < len(within) else None
            return ((pid, titles.get(pid, pid)), _ORDINAL) if pid is not None else None
        pack = _THE_PACK.search(low)
        if pack is not None and (focus is None or self.pick_variant(low, focus) is None):
            # "how much is the 2 count" after the multipacks of a coffee: the listed one of that count (the model in
            # focus's own first: "六包装的多少钱")
            n = _count_said(pack.group(1))
            hits = [pid for pid in within if n in pack_counts(titles.get(pid, ""))]
            if len(hits) == 1:
                return (hits[0], titles[hits[0]]), _THE_PACK
        m = _THE_X_ONE.search(low)
        pattern = _THE_X_ONE
        if m is None and focus and not _FOR_IT.search(low):
            # "how many filters in a pack?" after the filter that fits the machine: a kind
            # ("how much are the filters for it?" asks what fits the product in focus)
            own = set(tokens(titles.get(focus, "")))  # the product in focus is not, said by one listed product
            kinds = {w for w in tokens(low) if w in self.lexicon.category_words and w not in own}
            hits = [pid for pid in within if kinds & set(tokens(titles.get(pid, "")))] if kinds else []
            if len(hits) == 1:
                return (hits[0], titles[hits[0]]), _NOTHING
            # "belkins output in watts" after chargers listed: the one listed product of a brand said
            brands = {b for w in tokens(low) for b in (w, singular(w), w.removesuffix("s"))
                      if (b,) in self.lexicon.brands and b not in own}
            hits = _shown([pid for pid in within if brands & set(tokens(titles.get(pid, "")))] if brands else [],
                          within)
            if len(hits) == 1 or hits and self.one_model(hits):  # ("the coway" of its two listings listed: the first)
                return (hits[0], titles[hits[0]]), _NOTHING
        if m is None:
            m, pattern = _THE_X_END.search(low), _THE_X_END
            said = singular(m.group(1)) if m is not None else ""
            rare = said not in STOPWORDS and self._rare_title_word(said)
            if m is not None and not (said in self.lexicon.category_words or (said,) in self.lexicon.brands or rare
                                      or said.isdigit() and len(said) <= 4):
                # a brand, a kind or a model's own word ("… in the pavilion") or number ("battery hours on the 15" after
                # the XPS 15 and 13, where one listed title says it); "how many filters are in the pack?" asks about the
                # product in focus
                return None
        if m is None or m.group(1) in _NOT_PICKING:
            return None
        words = {singular(w) for w in tokens(amounts_apart(m.group(1)))}  # ("the 256gb one": a title's "256 GB" too)
        hits = _shown([pid for pid in within if words <= title_words(titles.get(pid, ""))], within)
        if not hits and words - _RELATIVE_SIZES and words & _RELATIVE_SIZES:
            # "the black short one": a size said in words no title says; the colour picks it
            words -= _RELATIVE_SIZES
            hits = _shown([pid for pid in within if words <= title_words(titles.get(pid, ""))], within)
        if words and all(w.isdigit() for w in words) and pattern is _THE_X_END:
            return ((hits[0], titles[hits[0]]), pattern) if len(hits) == 1 else None  # (a number: one title only)
        return ((hits[0], titles[hits[0]]), pattern) if len(hits) == 1 or hits and self.one_model(hits) else None

    def _variants_listed(self, name: str, variants: Sequence[str]) -> bool:
        """Whether each variant said ("black", "1tb") is a listing of the model named: its title or facts say it (no
        white HD 560S)."""
        linked = self.link_product(name, strict=True)
        if linked is None:
            return False
        listings = [linked, *self.model_listings(linked.key, linked.name)]
        said = [title_words(link.name) | self._values_of(link.key) for link in listings]
        return all(any(set(tokens(amounts_apart(v))) <= words for words in said) for v in variants)

    def _values_of(self, pid: str) -> set[str]:
        """The words of a product's fact values ("Cobalt Violet": cobalt, violet)."""
        return {t for r in self.store.query(cr.QA_PRODUCT_FACTS, {"id": pid}) for t in tokens(str(r["value"]))}

    def _picks_among(self, low: str, within: Sequence[str]) -> bool:
        """Whether the question says a word that some of the listed products' titles say and others do not ("how much
        water does that machine hold" of a machine and a coffee listed): it picks among them."""
        titles = [title_words(self.lexicon.titles.get(pid, "")) for pid in within]
        return any(0 < sum(w in t for t in titles) < len(titles)
                   for w in set(tokens(low)) - STOPWORDS - PRONOUNS if w.isalpha())

    def one_model(self, ids: Sequence[str]) -> bool:
        """Whether the products are all listings of the first one's model."""
        titles = self.lexicon.titles
        return all(self.same_model(titles.get(ids[0], ""), titles.get(pid, "")) for pid in ids[1:])

    def pick_variant(self, low: str, focus: str) -> tuple[tuple[str, str], re.Pattern[str]] | None:
        """((id, title), pattern) of the listing of the focus's model that "the <word> one" names by a word of its
        title ("the silver one" after the black WH-1000XM5, "the 256gb version"), when the focus's own title lacks
        the word, or "the <n> pack" by its count ("the 6 pack": "… 12 Oz (6 Count)")."""
        title = self.lexicon.titles.get(focus, "")
        pack = _THE_PACK.search(low)
        if pack is not None and title:
            n = _count_said(pack.group(1))
            if n in pack_counts(title):
                return None
            hits = [v for v in self.model_listings(focus, title) if n in pack_counts(v.name)]
            return ((hits[0].key, hits[0].name), _THE_PACK) if hits else None
        m = _THE_X_ONE.search(low)
        if m is None or m.group(1) in _NOT_PICKING:
            return None
        word = singular(m.group(1))
        said = {word} if word.isalpha() else set(tokens(_AMOUNT_UNIT.sub(r"\1 \2", word)))  # "256gb": 256, gb
        if not title or said <= title_words(title):
            return None
        hits = [v for v in self.model_listings(focus, title) if said <= title_words(v.name)]
        return ((hits[0].key, hits[0].name), _THE_X_ONE) if hits else None

    def _without_story(self, low: str) -> str:
        """ "my daughter starts uni soon, needs a basic laptop, nothing over $600": a first clause of three words or
        more (two where it opens with "my" or "i": "my husband snores, …"; "off topic, …" is no story) that says
        nothing the graph or a question knows (no title word, brand, kind, value, attribute, amount, price or question
        word), before one that names a kind or brand, is the shopper's story, not a constraint."""
        from shopgraph.qa.spelling import QUESTION_WORDS  # (spelling reads this module)

        first, comma, rest = low.partition(",")
        if not comma or not rest.strip() or _SAYS_PRICE.search(first) or self.asked_attributes(first) and not _I_SAY.match(first):
            return low
        lex = self.lexicon
        # ("my back's killing me after work": work as a place, not "does it work with")
        words = [t for t in tokens(_AT_WORK.sub(" ", first)) if t not in STOPWORDS]
        wanted = [t for t in tokens(rest) if (t,) in lex.categories or (t,) in lex.brands]
        story = self.constraints(first) if not wanted and _I_SAY.match(first) else None
        if story is not None and not (story.values or story.brands or story.price_min is not None
                                      or story.price_max is not None):
            # "i drink a lot of coffee, what beans do you have from ethiopia": a story that says a kind and nothing a
            # fact has gives the question its kind (the narrowest said: "a desk for my home office": Desks); one that
            # says a value or brand is read whole ("i want a black office chair, anything good")
            kinds = [c.name.lower() for c in story.categories
                     if not any(d.key.startswith(c.key + " > ") for d in story.categories)]
            talk = [m.group(0) for m in _MONEY_TALK.finditer(first)]  # ("a gift …, around 50": a price)
            if kinds:
                return " ".join([*kinds, *talk, rest.strip()])
        # (a kind only titles name is wanted too: "my husband snores, i want noise cancelling earbuds")
        wanted = wanted or [t for t in tokens(rest) if t in lex.category_words
                            or lex.title_df.get(t, 0) >= _COMMON_TITLE_WORD]
        fewest = 2 if _I_SAY.match(first) else 3  # ("my husband snores, …": the shopper's own, two words do)
        if len(words) < fewest or not wanted or any(t in lex.title_df or t in lex.value_words or (t,) in lex.brands
                                               or (t,) in lex.categories or t in QUESTION_WORDS or t in _COMPARING_WORDS
                                               or any(c.isdigit() for c in t) for t in words):
            return low
        return rest.strip()

    def _variants_compared(self, parse: Parse, low: str, focus: str | None) -> bool:
        """ "is the grey pair cheaper than the beige/teal" about a model in focus, "oneplus 12 emerald or black, which
        costs less" about the model named: its two listings whose titles say each side's words, compared."""
        if (differ := _LISTINGS_DIFFER.match(low)) is not None:
            link = self.link_product(differ.group("x"), strict=True) if differ.group("x") else None
            focus = link.key if link is not None else None if differ.group("x") else focus
            title = self.lexicon.titles.get(focus or "", "")
            listings = [Link("product", focus, title, score=1.0), *self.model_listings(focus, title)] if focus else []
            if len(listings) != 2:  # (one listing, or more than two: which two is not said)
                return False
            parse.intent, parse.products, parse.alternatives = "comparison", listings, [[side] for side in listings]
            parse.attributes = []
            return True
        m = _VARIANTS_COMPARED.match(low) or _PAIR_OR_PAIR.match(low) or _VARIANTS_GAP.match(low)
        named = next((n for pattern in _NAMED_VARIANTS if (n := pattern.match(low)) is not None
                      and self.values_only(n.group("a"))), None) if m is None else None
        if named is None and m is None:
            named = next((n for n in (_GAP_BETWEEN.match(low), _NAME_VARIANT_THAN.match(low))
                          if n is not None and self.values_only(n.group("a"))), None)
        bare = None
        if named is None and m is None:  # "iphone 13 blue vs pink": on everything
            named = bare = next((n for pattern in _NAMED_VARIANTS_BARE if (n := pattern.match(low)) is not None
                                 and self.values_only(n.group("a"))), None)
        name_said = named.group("x") if named is not None else ""
        if named is None and m is None and (then := _NAME_THEN.match(low)) is not None \
                and (named := _VARIANTS_COMPARED.match(then.group("q"))) is not None:
            name_said = then.group("x")  # "brooks adrenaline gts 23 - is the womens one lighter than the mens"
        if named is not None:  # "oneplus 12 emerald or black, which costs less", "… - cobalt violet or marble grey, …"
            link = self.link_product(name_said, strict=True)
            m, focus = (named, link.key) if link is not None else (None, focus)
        compared = said_word(COMPARATIVES, m.group("c")) if m is not None and focus and bare is None else None
        if m is not None and focus and bare is None and _PRICE_GAP_SAID.search(m.group("c")):
            # "momentum 4 black vs white - hows the price difference", "… how much extra for the bigger one"
            compared = m, ("price", "lower")
        if m is None or compared is None and bare is None or focus is None or not self.values_only(m.group("b")):
            return False  # ("is it cheaper than the pixel 8": another product, not a listing of this one)
        title = self.lexicon.titles.get(focus, "")
        listings = [Link("product", focus, title, score=1.0), *self.model_listings(focus, title, most=4 * MAX_VARIANTS)]
        sides = []
        name_words = set(tokens(name_said)) - STOPWORDS
        for said in (m.group("a"), m.group("b")):
            words = set(tokens(amounts_apart(said or ""))) - STOPWORDS  # ("256gb" is the "256 GB" of a title too)
            # of those whose titles say the side's words, the one saying most of the name's ("pixel 8 pro obsidian, 128
            # vs 256": the Obsidian 256 GB, not the Porcelain)
            fits = [v for v in listings if words and words <= title_words(v.name)]
            side = listings[0] if said is None else max(fits, key=lambda v: len(name_words & title_words(v.name)),
                                                        default=None)
            if side is None:
                return False
            sides.append(side)
        if sides[0].key == sides[1].key:
            return False
        attr, parse.direction = compared[1] if compared is not None else ("", None)
        parse.intent, parse.products, parse.alternatives = "comparison", sides, [[side] for side in sides]
        parse.attributes = (list(self.asked_attributes(attr)) or [attr]) if attr else []
        return True

    def _packs(self, parse: Parse, low: str, focus: str | None) -> bool:
        """ "do u sell it in multipacks", "a bigger pack of it" (or "a single bag of it") about the product in focus:
        the listings of its model that hold more (fewer) in a pack, by the count their titles say ("(6 Count)")."""
        more = _MORE_PACKED.search(low)
        if not focus or (more is None and not _LESS_PACKED.search(low)):
            return False

        def count(title: str) -> int:
            return max(pack_counts(title), default=1)  # (a title that says no count holds one)

        title = self.lexicon.titles.get(focus, "")
        own = count(title)
        listings = [v.key for v in self.model_listings(focus, title, most=4 * MAX_VARIANTS)
                    if (count(v.name) > own if more else count(v.name) < own)]
        parse.intent, parse.products = "search", []
        parse.constraints = Constraints(ids=listings) if listings else self.constraints(low)
        return True

    def _model_titled(self, label: str) -> bool:
        """Whether a compatible model's name ("ready pour pitcher") is also what some title says it is, before any
        "for" ("ZeroWater Ready-Pour Pitcher - White/Blue"), not only what it fits."""
        words = [singular(t) for t in tokens(label) if t not in STOPWORDS]
        return bool(words) and any(set(words) <= {singular(t) for t in title_words(title) - _said_after_for(title)}
                                   for title in map(self.lexicon.titles.get, self.lexicon.titled(words)[:MAX_TITLED])
                                   if title)

    def _titled_alike(self, low: str, product: Link, variants: Sequence[Link]) -> bool:
        """Whether every word said is in the title of another maker's product of ``product``'s kind among its near ties
        too ("30w car charger": the UGREEN and the Spigen "30 W Car Charger"), so that it names a kind, not a product
        (not "galaxy s24", which a case's and the Galaxy S24 Ultra's titles say too)."""
        said = {singular(t) for t in tokens(amounts_apart(low))} - STOPWORDS
        if not said:
            return False
        brands = {b.key for b in self.brands_of(product.key)}
        return bool(brands) and any(  # (two brands known: a listing without one may be the same maker's)
            said <= {singular(t) for t in title_words(v.name)} and not self.same_model(product.name, v.name)
            and self.category_of(v.key) == self.category_of(product.key)
            and (theirs := {b.key for b in self.brands_of(v.key)}) and brands.isdisjoint(theirs) for v in variants)

    def _kind_said(self, low: str, listings: int) -> list[str] | None:
        """The words of a short plural phrase that more titles say than one model's ``listings`` ("espresso
        machines": a kind of product the graph has no category for), else None."""
        said = [t for t in _VAGUE.sub(" ", low).split() if t not in STOPWORDS]  # (not "a good espresso machine"'s)
        if not 1 <= len(said) <= 3 or not said[-1].isalpha():
            return None
        english = _english()
        if singular(said[-1]) == said[-1] and not (len(said) > 1 and all(english.get(w, 0) >= _COMMON for w in said)):
            return None  # "espresso machine" (common words) is a kind too; "macbook air" is a name
        words = [singular(w) for w in said]
        return words if len(self.lexicon.titled(words)) > listings else None

    def _plural_kind(self, low: str) -> bool:
        """The text names a kind of product in the plural ("chargers", "pitchers", "boots")."""
        words = re.findall(r"[^\W\d_]+", low)
        return any(w != singular(w) and singular(w) in self.lexicon.category_words for w in words)

    def values_only(self, text: str) -> bool:
        """Whether a phrase is nothing but values that set listings apart (gender, size, colour) and numbers ("men
        size 11", "women"), which name no product ("galaxy s24" is a compatible model's value, and a product)."""
        words = [t for t in tokens(text) if t not in STOPWORDS]
        return bool(words) and all(_NUMBER_WORD.fullmatch(t) or _STORAGE_WORD.fullmatch(t) or t == "size" or any(
            e.attribute in VARIANT_ATTRIBUTES or e.attribute.endswith("gender") for e in self.lexicon.value_words.get(t, ()))
            for t in words)

    @staticmethod
    def _measure_only(text: str) -> bool:
        """Whether a phrase is nothing but amounts with their units ("300 sq ft", "a 300 sq ft bedroom")."""
        rest = _QUANTITY.sub(" ", _AREA_PLACE.sub(r"\g<area>", text))
        return rest != text and not set(tokens(rest)) - STOPWORDS

    def names_product(self, text: str) -> bool:
        """Whether a phrase can be a product's name: two words or more, or one rare title word ("s24",
        "markus"), not one common word ("pack", "battery") that many titles share."""
        words = [t for t in tokens(text) if t not in STOPWORDS]
        return len(words) >= 2 or (len(words) == 1 and self.lexicon.title_df.get(words[0], 0) <= 3)

    def _need_said(self, parse: Parse, low: str) -> None:
        """ "my back hurts when i sit all day", "best thing you have for clean air": a need that names no product, kind
        or value, read as the kind of product that meets it (NEEDS), where the catalog has that kind; its price bound
        stays."""
        cons = parse.constraints
        if parse.intent not in ("search", "unanswerable") or parse.products or parse.summary or cons.brands \
                or cons.ids or _NOT_IN_CATALOG.search(low) or _ADVICE.search(low):
            return  # ("whats a good stretch for lower back pain", "help me with my math homework": advice, no product)
        own = _THING_FOR.match(low)
        if own is not None and set(tokens(own.group("x"))) - STOPWORDS - _NO_THING:
            return  # "a vacuum for dust", "water bottle for my marathon": a thing of its own, which the catalog lacks
        said = next(((m, kind) for pattern, kind in NEEDS if (m := pattern.search(low))), None)
        found = self.constraints(said[1]) if said else None
        if said is None or found is None or not found.categories:
            return
        if any("compatible" not in g.attribute for g in cons.values):
            return  # (a phone it is for stays)
        if cons.category_keys and (set(cons.category_keys) <= set(found.category_keys)
                                   or set(found.category_keys) < set(cons.category_keys)):
            # "a blender that can crush ice": the kind named is the need's, its words what the kind is for; "i run
            # about 30 miles a week, what shoes do you recommend": the need's kind of the shoes named
            need = set(tokens(said[0].group(0)))
            narrower = found if set(found.category_keys) < set(cons.category_keys) else cons
            parse.intent, parse.checks = "search", []
            parse.constraints = replace(cons, words=list(dict.fromkeys([*(w for w in cons.words if w not in need),
                                                                        *found.words])),
                                        categories=narrower.categories, category_keys=narrower.category_keys)
            return
        # (a kind the need's own words said is the need's: "make coffee", "working from home")
        if not set(cons.category_keys) <= set(self.constraints(said[0].group(0)).category_keys):
            return
        parse.intent, parse.checks = "search", []  # (with the need's own title words: "car chargers")
        parse.constraints = replace(cons, categories=found.categories, category_keys=found.category_keys, words=found.words)

    def _titled_elsewhere(self, words: Sequence[str], ids: Sequence[str]) -> bool:
        """Whether a word of the question is a title word of other products and of none of these ("the cheapest billy"
        after a Sauder bookcase: of the Billys, not of the Sauder's listings)."""
        theirs = set().union(*(title_words(self.lexicon.titles.get(pid, "")) for pid in ids)) if ids else set()
        return any(w not in theirs and self.lexicon.title_df.get(w) for w in words)

    def _names_elsewhere(self, cons: Constraints, low: str, focus: str) -> bool:
        """Constraints that point away from the product in focus: a category (not its own: "single filter or a
        multipack?" on a filter's page), a brand or a price range (a bare number is no price on a product's page:
        "is the size under 15?", "are there over 500 lights?")."""
        priced = (cons.price_min is not None or cons.price_max is not None) and bool(_SAYS_PRICE.search(low))
        other_kind = bool(cons.categories) and not self.in_categories(focus, cons.category_keys)
        return bool(other_kind or cons.brands or priced)

    # ------------------------------------------------------------------ attributes

    def asked_attributes(self, low: str) -> list[str]:
        """Canonical attribute names the question asks about, best first."""
        found: dict[str, int] = {}  # name → how many words said it
        said: dict[str, set[str]] = {}  # name → the words that said it
        cued: set[str] = set()  # names a cue of the graph's said
        toks = tokens(low)
        known = set(self.lexicon.attributes.values())
        # graph attribute names said literally ("battery", "screen size")
        for n in range(min(4, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                name = self.lexicon.attributes.get(tuple(toks[i:i + n]))
                if name and name not in found and name not in STOPWORDS:
                    found[name], said[name] = n, set(toks[i:i + n])
        # ("cuisinart perfectemp coffee maker wattage": a kind's "maker" asks no brand; "who is the maker" does)
        cue_low = _KIND_MAKER.sub(lambda k: "" if tuple(tokens(k.group(0))) in self.lexicon.categories else k.group(0), low)
        for pattern, attrs in ATTRIBUTE_CUES:
            m = pattern.search(cue_low)
            if m:
                for a in attrs:
                    if a not in found:
                        found[a], said[a] = len(m.group(0).split()), set(tokens(m.group(0)))
                if any(a in known for a in attrs):
                    cued.update(a for a in attrs if said.get(a) == set(tokens(m.group(0))))
        # a cue of more words comes before a name it holds: "weight limit" asks the capacity, not the weight; a name
        # said only by a word of a cue of two words or more that names an attribute of the graph is that cue's ("screen
        # hz" asks the refresh rate, not the screen's size)
        held = {a for a in found for b in cued if found[b] >= 2 and found[b] > found[a] and said[a] <= said[b]}
        if set(found) - _GENDER_NAMES and not re.search(r"\bgender\b|\bunisex\b", low):
            held |= _GENDER_NAMES  # "what colour does the womens one come in": which one, not what is asked
        return sorted((a for a in found if a not in held), key=lambda a: -found[a])

    # ------------------------------------------------------------------ intents

    def _compatibility(self, parse: Parse, low: str, focus: str | None) -> bool:
        m = None
        pair: tuple[str, str] = ("", "")  # the two sides said: the one that fits, then the one it fits
        for pattern in (_COMPAT_USE, _COMPAT_PAIR, _COMPAT_OK):
            ok = pattern.match(low) if m is None else None
            texts = (ok.group("a") or ok.groupdict().get("a2") or "", ok.group("b") or ok.groupdict().get("b2") or "") \
                if ok is not None else ("", "")
            if ok is not None and (pattern is _COMPAT_PAIR or all(self._names_side(x, focus) for x in texts)
                                   or self._brand_kind_fits_it(*texts, focus)):
                m, pair = ok, texts  # ("is the bose qc ultra good for running": no product is "running"; "this case")
        if m and (titled := self.titled_kind(pair[0], focus)) and (fitted := self._sides(pair[1], focus)):
            # "wireless charging pad that works with the 7a?": a kind many titles say, no one product: which fit it
            head = self.constraints(pair[0])
            if not head.categories:
                head.words = titled
            parse.intent, parse.list_mode, parse.products, parse.constraints = "compatibility", True, fitted[:1], head
            return True
        if m:
            sides = [self._sides(pair[0], focus), self._sides(pair[1], focus)]
            said_b = [t for t in tokens(pair[1]) if t not in STOPWORDS]
            if focus and sides[0] and sides[0][0].key != focus and _THE_KIND.match(pair[1]) and said_b \
                    and set(said_b) <= self.lexicon.category_words:
                # "does the belkin car charger work with the phone": the phone under discussion
                sides[1] = [Link("product", focus, self.lexicon.titles.get(focus, focus), score=1.0)]
            said_a = [t for t in tokens(pair[0]) if t not in STOPWORDS]
            if focus and sides[1] and sides[1][0].key == focus and said_a and len(said_a) <= 3 \
                    and set(said_a) <= self.lexicon.category_words | {w for b in self.lexicon.brands for w in b}:
                # "does the speck case fit it" of the Nokia G42: the Speck case whose title names the G42, if one does
                model_words = {w for w in title_words(self.lexicon.titles.get(focus, "")) if _MODEL_NUMBER.fullmatch(w)}
                made_for = sorted(((len(model_words & title_words(self.lexicon.titles.get(pid, ""))), pid)
                                   for pid in self.lexicon.titled(said_a) if pid != focus), reverse=True)
                if made_for and made_for[0][0] and (len(made_for) == 1 or made_for[1][0] < made_for[0][0]):
                    sides[0] = [Link("product", made_for[0][1], self.lexicon.titles[made_for[0][1]], score=1.0)]
            for i, said_side in ((0, said_a), (1, said_b)):
                # ("does it fit the galaxy s24": the S24, not a near tie of the S24 Ultra the case is linked to)
                sides[i] = [c for c in sides[i] if not extends_line(said_side, tokens(c.name), set(said_side))] or sides[i]
            if sides[0] and sides[1]:
                # the two sides name two products: where the best link of both is the same product
                # ('the iPhone 13' also matches 'Apple iPhone 13 Silicone Case'), take a near tie instead
                a = sides[0][0]
                b = next((link for link in sides[1] if link.key != a.key), None)
                if b is None:
                    b = sides[1][0]
                    a = next((link for link in sides[0] if link.key != b.key), a)
                if a.key != b.key:
                    parse.intent = "compatibility"
                    parse.products = [a, b]
                    parse.alternatives = sides
                    if extends_line(said_b, tokens(b.name), set(said_b)) or set(said_b) & LINE_WORDS - title_words(b.name):
                        # "fit an iphone 15": none listed, the Pro is; "fit an iphone 14 plus": the iPhone 14 is
                        parse.unknown = " ".join(said_b)
                    return True
        listing = [(_INCLUDED, "out"), (_IN_A_BUNDLE, "in"), (_BOUGHT_WITH, "bought"), (_SIMILAR, "similar"),
                   (_SIMILAR_KIND, "similar")]
        for pattern, included in listing + [(_SIMILAR_BARE, "similar")] if focus else listing:
            m = pattern.match(low)  # "what coffee comes with it", "is it sold in a bundle?"
            said = next((v for k, v in m.groupdict().items() if k.startswith("b") and v), "") if m else ""
            side = self._side(said or "it", focus) if m else None  # ("whats in the box": of the product in focus)
            if m and side and included == "similar" and not set(tokens(said)) <= PRONOUNS \
                    and self.link_product(said, strict=True) is None:
                continue  # ("something like a standing desk": a kind, for the search; "similar to it": the focus)
            if m and side and included == "out" and _IN_IT.search(low) \
                    and not self.constraints(m.group("a") or "").categories:
                continue  # "what charger is in it": what it includes; "what processor is in it": its processor
            if m and side:
                parse.intent, parse.list_mode, parse.products = "compatibility", True, [side]
                kind = next((v for k, v in m.groupdict().items() if k.startswith("a") and v), "")  # ("what coffee …")
                parse.constraints = self.constraints(kind) if included != "in" else Constraints()
                if included == "similar" and _ANOTHER_BRAND.search(low):  # "a similar model from another brand"
                    parse.constraints.not_brands = self.brands_of(side.key)
                parse.included = included
                return True
        m = _COMPAT_OF.match(low)
        if m and (kind_said := m.group("kind") or "").strip() and not self.constraints(kind_said).categories \
                and self.asked_attributes(kind_said):
            m = None  # "what size room is it good for": its coverage area, not what it fits
        if m:
            side = self._side(m.group("a") or m.group("a2") or "", focus)
            if side:
                parse.intent, parse.list_mode = "compatibility", True
                parse.products = [side]
                # "which phones does it work with": only the phones it fits
                parse.constraints = self.constraints(m.group("kind") or "")
                return True
        m = _COMPAT_LIST.match(low)
        if m and not _name_split(low) \
                and not re.search(r"\b(?:cost|costs|weigh|weighs|go for|sell for)(?: then| now| again)?$", m.group("b")):
            # not "what is the warranty of the case compatible with …", nor "what do the black ones cost" (a price)
            b = self._side(m.group("b"), focus)
            if b:
                parse.intent, parse.list_mode = "compatibility", True
                parse.products = [b]
                parse.constraints = self.constraints(m.group("a"))
                return True
        m = _COMPAT_TAKES.match(low) or _COMPAT_NEEDS.match(low) or _COMPAT_USE_IN.match(low)
        if m and not _KIND_OF.match(m.group("a")) and (head := self.constraints(m.group("a"))).categories:
            # ("what kind of filter does it use?" asks its filter type)
            b = self._side(m.group("b"), focus)
            if b:
                parse.intent, parse.list_mode = "compatibility", True
                parse.products = [b]
                parse.constraints = head
                return True
        priced = _PRICE_OF.match(low)
        if priced and (m := _COMPAT_FOR.match(priced.group("rest"))) and self.constraints(m.group("a")).categories:
            low = priced.group("rest")  # "how much are the filters for it": what fits it, listed with prices
        m = _COMPAT_FOR.match(low) or _COMPAT_FOR.match(self._kind_for_name(low))
        if m is not None and m.string != low:
            low = m.string  # "xps 15 chargers": chargers for the xps 15
        split = _name_split(low) if m else None
        if m and _ATTRIBUTE_QUESTION.match(low) and self.asked_attributes(m.group("a")) \
                and not _KIND_ASKED.match(low):
            m = None  # "how much drop protection does the Mous case for the OnePlus 12 have?": the case's attribute
        if m and m.group("a").strip() and (split is None or set(tokens(split[0])) <= PRONOUNS
                                           or not self.asked_attributes(split[1])):
            # not "what is the warranty of the case for …" ("what water filter do i need for it?" is what fits it)
            head = self.constraints(m.group("a"))
            said = m.group("b")
            # "chargers for the dell xps 15 under $10": the price bounds what fits, it names no product
            said = " ".join(_take_prices(said, head).split())
            unknown_kind = not head.categories and not head.brands and not head.values and bool(head.words) \
                and not _ATTRIBUTE_QUESTION.match(low) and not self._plural_kind(said) \
                and not self._attribute_only(m.group("a"))  # ("hours on battery for it?": its battery life)
            if self.values_only(said) or self._measure_only(said):
                b = None  # "black leather boots for men size 11": who and which size; "for 300 sq ft": an area
            elif set(tokens(m.group("a"))) <= _ANY_THING and (self.names_product(said) or bool(focus)
                                                                and tokens(said)[:1] in (["it"], ["that"], ["this"])):
                # "something for my iphone 15 pro", "accessories for the xps 15": whatever fits it ("devices listed for
                # that charger": the one in focus)
                b = self.link_product(said, strict=True) if self.names_product(said) else self._side(said, focus)
                head = Constraints()
            elif unknown_kind and (self.names_product(said) or focus and set(tokens(said)) <= PRONOUNS):
                # "screen protector for galaxy s24": a kind no category names, for a product: what fits it whose
                # title says the words (none: "I don't know of any"), not the phone's screen size ("any wireless
                # charging pad for it?": for the one in focus)
                b = self._side(said, focus) if set(tokens(said)) <= PRONOUNS else self.link_product(said, strict=True)
                head.words = [t for t in tokens(m.group("a")) if t not in STOPWORDS]  # "screen" too
            elif not head.categories:
                b = None
            elif focus and set(tokens(said)) <= PRONOUNS:  # "got replacement filters for it?"
                b = self._side(said, focus)
            elif (that := self._that_kind(said, parse.listed, focus)) is not None:
                b = _focus_link(that, self.lexicon.titles.get(that))  # "a usb-c cable listed for that phone?"
                head.words = [w for w in head.words if w not in ("listed", "linked")]
            else:  # "waterproof boots for women": one common word names no product; "laptop for college with 16gb
                # ram": a name opens with a word some title says
                first = next((t for t in tokens(said) if t not in STOPWORDS), "")
                b = self.link_product(said, strict=True) if self.names_product(said) and (
                    self.lexicon.title_df.get(first) or (first,) in self.lexicon.brands) else None
            kinds = {singular(t) for c in head.categories for t in tokens(c.name)} & self.lexicon.category_words
            if b is not None and kinds and self._of_a_shorter_model(said, b.name, kinds):
                # "phone case for iphone 15": the "iPhone 15 Case", not what fits the iPhone 15 Pro
                parse.intent, parse.constraints = "search", replace(head, words=[
                    *head.words, *(t for t in tokens(said) if t not in STOPWORDS)])
                return True
            if b is not None and kinds & {singular(t) for t in tokens(b.name)} - {singular(t) for t in tokens(said)}:
                # "case for iphone 15 plus" where no such phone is listed: the name linked a case that says it, so
                # it is every case whose title says the name, not what fits that case
                parse.intent, parse.constraints = "search", replace(head, words=[
                    *head.words, *(t for t in tokens(said) if t not in STOPWORDS)])
                return True
            if b:
                parse.intent, parse.list_mode = "compatibility", True
                parse.products = [b]
                parse.constraints = head
                return True
            target = self.constraints(said)
            if b is None and head.categories and target.categories and not target.values \
                    and not set(tokens(said)) <= PRONOUNS:
                # "filter for a brita pitcher", "case for a samsung phone": a kind for a kind names no product; the
                # head's kind whose titles say the other's brand or name ("… Compatible with Brita Everyday …")
                keys = set(target.category_keys)
                own = [c for c in head.categories if c.key not in keys] or head.categories
                words = [t for t in tokens(said) if t not in STOPWORDS and t not in self.lexicon.category_words]
                parse.intent = "search"
                parse.constraints = replace(head, categories=own, category_keys=self.lexicon.descendants(
                    c.key for c in own), words=[*head.words, *words])
                kind_words = [t for t in tokens(said) if t not in STOPWORDS]
                ids = self.lexicon.titled(kind_words) if not words and head.ids is None else []
                if 0 < len(ids) <= MAX_FOR_KIND:
                    # "filters for a water pitcher": only kinds said; those whose titles say the other kind ("…
                    # Compatible with PUR Plus Water Filter Pitcher")
                    parse.constraints.ids, parse.constraints.for_kind = ids, " ".join(said.split())
                return True
            if b is None and head.categories and not target.categories and (fitting := self._fitting_family(said, head)):
                # "charger for my pixel", "cable for my macbook": a name many models share; the kind that fits any
                parse.intent = "search"
                parse.constraints = replace(head, ids=fitting, for_kind=" ".join(
                    t for t in said.split() if t not in STOPWORDS))
                return True
        return False

    def _rare_title_word(self, word: str) -> bool:
        """Whether a few titles only say the word (at most 3, or 1 % of them): a model's own word ("pavilion")."""
        return 0 < self.lexicon.title_df.get(word, 0) <= max(3, _RARE_TITLE_WORD * len(self.lexicon.titles))

    def titled_kind(self, said: str, focus: str | None, most: int = 3) -> list[str]:
        """The words of a phrase that names a kind by words ``most`` or more titles say, with no brand or number and
        no word of the one in focus's title left out ("wireless charging pad"), else []."""
        words = [t for t in tokens(said) if t not in STOPWORDS]
        if not words or set(words) & PRONOUNS or self._brand_words(words) or any(ch.isdigit() for ch in said) \
                or focus and set(words) <= set(tokens(self.lexicon.titles.get(focus, ""))):
            return []
        return words if len(self.lexicon.titled(words)) >= most else []

    def _fitting_family(self, said: str, head: Constraints) -> list[str]:
        """The products of ``head``'s kinds the graph links as fitting any product whose title says a one-word name
        ("pixel", "macbook") of another kind, else []."""
        words = [t for t in tokens(said) if t not in STOPWORDS]
        if len(words) != 1 or not words[0].isalpha():
            return []
        family = [pid for pid in self.lexicon.titled(words) if not self.in_categories(pid, head.category_keys)]
        fitting = {r["id"] for pid in family[:_ALL_LISTED] for r in self.store.query(cr.QA_FIT_RELATIONS, {"id": pid})
                   if r["direction"] == "in"}
        return sorted(pid for pid in fitting if self.in_categories(pid, head.category_keys))

    def _of_a_shorter_model(self, said: str, linked: str, kinds: set[str]) -> bool:
        """Whether the product linked is a longer model of the line than the name said ("iphone 15" linked the
        "iPhone 15 Pro") and a title of the kind asked says the name as said ("iPhone 15 Case by Mous")."""
        words = [t for t in tokens(said) if t not in STOPWORDS]
        if not extends_line(words, tokens(linked), set(words)):
            return False
        titles = self.lexicon.titles
        return any(kinds & {singular(t) for t in tokens(titles.get(pid, ""))}
                   and not extends_line(words, tokens(titles.get(pid, "")), set(words))
                   for pid in self.lexicon.titled(words))

    def _attribute_only(self, said: str) -> bool:
        """Whether a phrase says nothing but an attribute's cue words and units ("hours on battery"), no kind of
        product."""
        asked = self.asked_attributes(said)
        words = {t for t in tokens(said) if t not in STOPWORDS and t not in UNITS}
        return bool(asked) and bool(words) and words <= self.cue_words(said, asked)

    def _read_compatibility(self, parse: Parse, low: str) -> None:
        """No rule read the question, which names one product and no attribute: when the learned reader is sure
        it asks what fits the product ("something to protect my moto g power"), list that (of the kinds said)."""
        if self.reader is None:
            return
        reading = self.reader(strip_words(low, [parse.products[0].name]), ())
        if reading.intent != "compatibility" or reading.intent_p < SURE_INTENT:
            return
        said = self.constraints(strip_words(low, [parse.products[0].name]))
        parse.intent, parse.list_mode = "compatibility", True
        parse.constraints = Constraints(categories=said.categories, category_keys=said.category_keys)

    def _alternative(self, parse: Parse, low: str, focus: str | None, *, asked_before: str | None = None,
                     within: Sequence[str] | None = None, searched: Constraints | None = None) -> bool:
        """"is there a bigger one?", "anything cheaper?" about the product in focus: a search of its category
        for products past it on the compared attribute (a price bound or a kind said too still holds)."""
        of_its_model = _OF_ITS_MODEL.search(low)  # "are there cheaper listings of these" on a product's page
        if not focus or not _ANOTHER.search(low) or _WHICH.match(low) or _WHICH_KIND.match(low) \
                or _LIST_REFERENCE.search(low) and not (of_its_model and not within) or _SIMILAR_BARE.match(low):
            return False  # ("which of them is cheaper?" picks among a list; "anything similar but cheaper" is of what
            # the catalog calls like it)
        if within and focus not in within and len(within) > 1:
            return False  # "any cheaper ones" after the cases that fit the phone: of the cases listed, not phones
        # "is there a cheaper one" after the one case that fits the phone: cheaper than that case
        listed_one = within is not None and bool(within) and focus not in within
        said = said_word(COMPARATIVES, low)
        plain = _PLAIN_MORE.search(low)
        if asked_before in self.lexicon.numeric and asked_before != "price" and plain is not None \
                and (said is None or said[0].group(0) == plain.group(0)):
            # "is there a bigger one?", "any with more?" after "how much storage?": more of what was just asked
            said = plain, (asked_before, "lower" if plain.group(0) in _LOWER_END else "higher")
        if said is None:
            return False
        m, (attr, direction) = said
        rest = FOR_THAT_ONE.sub(" ", low[:m.start()] + " " + low[m.end():])  # (the engine reads what it fits)
        if re.search(r"\bthan (?!(?:this|that|it|mine)\b)", rest):
            return False  # "is there one lighter than the macbook air?" measures against another product
        if listed_one and within:
            parse.fits, focus = focus, within[0]
            parse.products = [Link("product", focus, self.lexicon.titles.get(focus, focus), score=1.0)]
        parse.intent, parse.beyond = "search", (attr, direction)
        if m_other := _ANOTHER_BRAND.search(rest):  # "a cheaper one from another brand": none of the focus's brand
            rest = rest[:m_other.start()] + " " + rest[m_other.end():]
        parse.constraints = self.constraints(rest)
        parse.constraints.words = [w for w in parse.constraints.words if w not in _SUPERLATIVE_FILLER
                                   and w not in _OTHER_ONE_WORDS]  # ("a cheaper alternative?": no title's word)
        if searched is not None and within and focus in within and not listed_one:
            # "any lighter?" after men's running shoes in size 10 under $160: lighter ones of that search still
            cons, said_before = parse.constraints, searched
            if not cons.categories:
                cons.categories, cons.category_keys = list(said_before.categories), list(said_before.category_keys)
            if not cons.words and said_before.words \
                    and set(said_before.words) <= title_words(self.lexicon.titles.get(focus, "")):
                cons.words = list(said_before.words)  # ("cheaper alternative?" of the espresso machines searched)
            # (its kind, budget and who or what size it is for; not a brand a name said, nor the measure compared)
            cons.values += [g for g in said_before.values if g.attribute not in {v.attribute for v in cons.values}
                            and (g.attribute in VARIANT_ATTRIBUTES or g.attribute.endswith("gender"))
                            and not set(tokens(g.attribute)) & set(tokens(attr))]
            if cons.price_min is None and cons.price_max is None and attr != "price":
                cons.price_min, cons.price_max = said_before.price_min, said_before.price_max
                cons.currency = cons.currency or said_before.currency
        if m_other:
            parse.constraints.not_brands = self.brands_of(focus)
        if of_its_model or re.search(r"\bsame\b|\b(?:a|another|other|this|that|the) (?:version|variant|configuration|config)s?\b",
                                     low):
            # "same laptop but cheaper?", "is there a version with more storage": among the other listings of its model
            others = self.model_listings(focus, self.lexicon.titles.get(focus, ""))
            parse.constraints = Constraints(ids=[v.key for v in others] or [focus], currency=parse.constraints.currency)
        return True

    def _compare_listed(self, parse: Parse, low: str, focus: str | None, *, within: Sequence[str] | None) -> bool:
        """ "compare them", "how do they compare?" after a list: its first product and the next one of another
        model (two listings of one model compare nothing)."""
        if not within or len(within) < 2 or not _COMPARE_LISTED.match(low):
            return False
        titles = self.lexicon.titles
        first = within[0]
        second = next((p for p in within[1:] if not self.same_model(titles.get(first, ""), titles.get(p, ""))), within[1])
        sides = [Link("product", pid, titles.get(pid, pid), score=1.0) for pid in (first, second)]
        # each side with its model's other listings, which answer for it where it lacks the attribute compared
        parse.intent, parse.products = "comparison", sides
        parse.alternatives = [[side, *self.model_listings(side.key, side.name)][:MAX_VARIANTS + 1] for side in sides]
        parse.attributes = self.asked_attributes(low)
        return True

    def _either_attribute(self, tail: str) -> list[str] | None:
        """The attribute "knit or mesh", "light, medium or dark" asks which of its values a product has."""
        if " or " not in f" {tail} ":
            return None
        said = [t for t in tokens(tail) if t not in STOPWORDS]
        # (a bare number, "the 256 or 512": the attributes with that amount, "storage" in GB)
        kinds = [self._value_attributes(t) or ({a for a, entries in self.lexicon.numeric.items()
                                                 if any(e.number == float(t) for e in entries)} if t.isdigit() else set())
                 for t in said]
        if len(said) == 2 and len([k for k in kinds if k]) == 1 and all(self.lexicon.title_df.get(t) for t in said):
            # "wired or wireless": one side a value ("Wired (3.5 mm)"), the other a word titles say of the same
            # attribute in other terms ("Bluetooth 5.3")
            kinds = [k for k in kinds if k]
            return [min(kinds[0])] if len(kinds[0]) == 1 else None
        common = set.intersection(*kinds) if len(kinds) > 1 else set()
        if not common:
            return None
        # the attribute with the words as whole values first ("light or dark": a roast level "Light", not a colour
        # "Light Blue")
        exact = {a: sum(any(v.attribute == a and v.value.casefold() == t for v in self.lexicon.value_words.get(t, ()))
                        for t in said) for a in common}
        return [min(common, key=lambda a: (-exact[a], a))]

    def _either_value(self, texts: Sequence[str]) -> bool:
        """Whether "<a> or <b>" ends each side with a value of one attribute ("new balance 1080v13 knit or mesh":
        which material, not a shoe against a mesh chair)."""
        a, b = ([t for t in tokens(x) if t not in STOPWORDS] for x in texts)
        return bool(a) and len(b) == 1 and self._either_attribute(f"{a[-1]} or {b[0]}") is not None

    def _value_attributes(self, word: str) -> set[str]:
        """The attributes with a value that says ``word``, less those whose values name products ("bambino plus or
        dedica": two machines, not two compatible models)."""
        return {v.attribute for v in self.lexicon.value_words.get(word, ())
                if "compatible" not in v.attribute and "model" not in v.attribute}

    def _comparison(self, parse: Parse, low: str, focus: str | None, *, asked_before: str | None = None) -> bool:
        for pattern in _COMPARE_PATTERNS:
            m = pattern.match(low)
            if not m:
                continue
            # each side with the other listings of its model, for a side whose listing lacks the attribute compared;
            # a side that says no kind reads the other's ("ninja or instant air fryer": the Ninja air fryer)
            texts = [_RATED_FOR.sub("", m.group("a")), m.group("b")]  # ("the steelcase leap rated for more weight")
            name, dash, option = texts[0].rpartition(" - ")
            if dash and self.link_product(name, strict=True) and self.link_product(texts[1], strict=True) is None \
                    and not (len(tokens(option)) > 1 and self.link_product(option, strict=True)):
                continue  # "counter culture hologram - blend or single origin?": which of two it is, not two products
            if any(self.values_only(x) for x in texts) or re.search(r"\bor\b", low) and self._either_value(texts):
                continue  # "is the hoka clifton 9 for men or women": who it is for, not two products
            if all(self._generic(set(tokens(x)) - STOPWORDS) or self._kind_words(x) for x in texts):
                continue  # "whole bean and ground coffee": two kinds, not two products
            linked = [set(tokens(x)) <= PRONOUNS or self.link_product(x, strict=True) is not None for x in texts]
            if pattern is _NAMED_PAIR and not all(linked):
                continue  # "pixel 7a and iphone 13, which one cost less?": two names said in full, then the question
            if parse.pinned and not all(linked) or focus and not any(linked):
                continue  # "single filter or a multipack?" on a filter's page: which of its own, not two products
            if _ATTRIBUTE_QUESTION.match(texts[0]) and self.link_product(texts[0], strict=True) is None \
                    and (asked := self.asked_attributes(texts[0])) and not (
                    set(tokens(texts[0])) - STOPWORDS - self.cue_words(texts[0], asked)
                    - {t for a in asked for t in tokens(a)}):
                # "how many watts vs the nutribullet": the product in focus against it, on that (no "10-watt" pad)
                if not focus:
                    continue
                texts[0] = "it"
            said_for = _FOR_WHOM.search(texts[1].split(" - ")[0].strip())
            if said_for is not None and not _FOR_WHOM.search(texts[0]) and self.values_only(said_for.group(0)):
                texts[0] = f"{texts[0]} {said_for.group(0)}"  # "glycerin 21 or adrenaline gts 23 for men": both men's
            kinds = [[t for t in tokens(x) if (t,) in self.lexicon.categories] for x in texts]  # "fryer", not "air"
            for i in (0, 1):
                if not kinds[i] and kinds[1 - i] and texts[i].split() and not set(tokens(texts[i])) <= PRONOUNS:
                    texts[i] = f"{texts[i]} {' '.join(kinds[1 - i])}"
            sides = [self._sides(texts[0], focus, near=VARIANT_NEAR), self._sides(texts[1], focus, near=VARIANT_NEAR)]
            for i in (0, 1):  # "is the philips one bigger than the ninja": the Ninja of the Philips's kind
                if sides[i] and sides[1 - i] and self.brand_only(texts[i]) \
                        and (own := self._brand_of_kind(texts[i], sides[i][0], self.category_of(sides[1 - i][0].key),
                                                        self.lexicon.titles.get(sides[1 - i][0].key, ""))):
                    sides[i] = [own]
            for i in (0, 1):  # "bose qc ultra headphones vs sony xm5": the XM5 headphones, not the XM5 earbuds
                if len(sides[i]) > 1 and sides[1 - i]:
                    kind = self._kind_titled(sides[1 - i][0].name)
                    if kind and not kind & self._kind_titled(sides[i][0].name):
                        alike = [c for c in sides[i] if kind & self._kind_titled(c.name)  # (another model: not a
                                 and not self.same_model(sides[i][0].name, c.name)]  # listing of the same one)
                        sides[i] = alike[:1] + [c for c in sides[i] if c not in alike[:1]]
            unheard = next((x for x in texts if self._unheard(x)), None)
            if unheard is not None:  # "the airpods pro and the galaxy buds": no title says "buds"; not the Galaxy S24+
                parse.intent, parse.products = "unanswerable", []
                parse.unknown = " ".join(t for t in unheard.split() if t not in STOPWORDS)
                return True
            a, b = (found[0] if found else None for found in sides)
            if not a or not b or a.key == b.key:
                continue
            parse.alternatives = [side[:MAX_VARIANTS + 1] for side in sides]
            groups = m.groupdict()
            cue = (groups.get("cmp") or "").strip()
            attrs: list[str] = []
            compared = None
            if cue in ("more", "less") and asked_before and asked_before != "price" and focus \
                    and not self.asked_attributes(strip_words(low, [a.name, b.name, cue])):
                # "is that more than the galaxy a15?" after the Pixel 7a's battery life: more of that
                attrs, parse.direction = [asked_before], "higher" if cue == "more" else "lower"
            elif cue in ("more", "less") and (held := [x for x in self.asked_attributes(strip_words(low, texts))
                                                      if x != "price"]) and re.search(r"\bhold|\bhow many\b", low):
                # "how many cups more does the pur plus hold": more of what it holds, not of its price
                attrs, parse.direction = held, "higher" if cue == "more" else "lower"
            elif cue in _BARE_MORE and set(self.asked_attributes(strip_words(low, [a.name, b.name, cue]))) <= {"price"} \
                    and not ((verb := said_word(COMPARATIVES, low)) is not None and " " in verb[0].group(0)
                             and cue in verb[0].group(0).split()):  # ("does it hold more than the ninja": capacity)
                # "is the barista express more than the dedica", "how much more is it than …": dearer ("which weighs
                # less": lighter)
                cue = _BARE_MORE[cue]
            if not attrs:  # ("does it protect better than …": the cue "better", the comparative with its verb)
                compared = (said_word(COMPARATIVES, cue) if cue else None) or said_word(COMPARATIVES, low)
            if compared is not None:
                attr, parse.direction = compared[1]
                attrs = list(self.asked_attributes(attr)) or [attr]
                if attr in _MEASURES_OF_ANY_KIND:  # "is the flip5 battery bigger than the pixel 8": its battery's
                    named = self.asked_attributes(strip_words(low, [a.name, b.name, compared[0].group(0)]))
                    attrs = list(named) or attrs
            if groups.get("attr"):
                attrs = self.asked_attributes(groups["attr"]) or attrs
            if "battery life" in attrs and re.search(r"\b(?:filters?|cartridges?)\b", low):
                attrs = ["filter life", "lifespan"]  # "zerowater vs brita, which filters last longer": no battery
            parse.attributes = attrs or self.asked_attributes(strip_words(low, [a.name, b.name]))
            if not parse.attributes and asked_before and focus and re.search(r"\b(?:better|worse)\b", cue or low):
                parse.attributes = [asked_before]  # "is that worse than the regular s24" after its camera: the camera
            parse.intent = "comparison"
            parse.products = [a, b]
            return True
        return False

    def _unheard(self, text: str) -> list[str]:
        """The words of a product phrase that no title, value, category or attribute of the graph says, right after
        a word a title says: a name the graph lacks ("galaxy buds"; not "which cleans a bigger room")."""
        lex = self.lexicon
        said = tokens(self._mention_text(text))
        return [t for before, t in zip(said, said[1:]) if t.isalpha() and len(t) > 2 and t not in STOPWORDS
                and t not in PRONOUNS and t not in _COMPARING_WORDS and before in lex.title_df
                and before not in STOPWORDS and t not in lex.title_df and t not in lex.value_words
                and t not in lex.category_words and (t,) not in lex.attributes and (t,) not in lex.brands]

    def _superlative(self, parse: Parse, low: str, focus: str | None, *, within: Sequence[str] | None,
                     searched: Constraints | None = None, asked_before: str | None = None) -> bool:
        """ "which of them is the lightest?", "phone with the best camera": the product at one end of an
        attribute, among the products an earlier answer listed (all the matches of the search that listed them,
        not only those shown; also "which has the bigger battery?" after two) or those a search finds."""
        table = dict(SUPERLATIVES)
        if within:
            table.update(COMPARATIVES)
        said = said_word(table, low)
        most = _MOST_WHAT.search(low) if said is None else None
        rating = most is not None and bool(self.unrated(low[most.start():]))
        if most is not None and rating:  # "which office chair is the most comfortable": the kind, unranked (no
            said = most, ("", "higher")  # listing rates it, and a guessed attribute would mislead)
        elif said is None:
            said = self._any_superlative(parse, low, within, asked_before)
        if said is None:
            return False
        m, (attr, direction) = said
        # ("lasts the longest on a charge": no charger)
        cons = self.constraints(_ON_A_CHARGE.sub(" ", low[:m.start()] + " " + low[m.end():]))
        asked = {t for a in self.asked_attributes(low) for t in tokens(a)}  # "the biggest water tank": no title word
        cons.words = [w for w in cons.words if w not in _SUPERLATIVE_FILLER and w not in asked
                      and not (w.isalpha() and w in UNITS)  # ("makes the most cups": no title word, no "K-Cup")
                      and not (w.isdigit() and re.search(rf"\bthe {w} \w+s\b", low))]  # ("of the 2 listings": a count)
        cons.values = [g for g in cons.values if not (g.label.isalpha() and g.label in UNITS)]
        other_kind = bool(within and cons.categories and not _LIST_REFERENCE.search(low)
                          and not any(self.in_categories(pid, cons.category_keys) for pid in within[:3]))
        titles = self.lexicon.titles
        if within and not cons.categories and not cons.brands and cons.words and not _LIST_REFERENCE.search(low) \
                and len(self.lexicon.titled(cons.words)) > 1 \
                and not any(set(cons.words) <= title_words(titles.get(pid, "")) for pid in within[:3]):
            # "whats the smallest air fryer you sell" after espresso machines: a kind the titles say, none listed
            within, other_kind = None, True
        kind_after = (low[:m.start()].endswith("the ") or not low[:m.start()].strip()) \
            and bool(set(tokens(low[m.end():])[:2]) & self.lexicon.category_words)  # ("biggest blender" after fryers)
        if other_kind and (_WHICH_KIND.match(low) or kind_after):
            # "which headphones are the heaviest" after running shoes, "whats the smallest air fryer you sell" after
            # espresso machines: of the kind said, not of those listed ("which makes more coffee" of two coffee makers)
            within = None
        if within and (not cons.categories and not cons.brands or _LIST_REFERENCE.search(low) or _WHICH_KIND.match(low)
                       or other_kind or _OF_THE_SAID_ONES.search(low)):  # ("which makes more coffee" of two coffee makers: of them)
            cons = copy.deepcopy(searched) if searched is not None and len(within) > 2 else Constraints(ids=list(within))
        elif searched is not None and not cons.categories and not cons.brands and _LIST_REFERENCE.search(low):
            cons = copy.deepcopy(searched)  # "which one holds the most weight?" after the average price of desks
        elif not cons.categories and cons.words and not cons.brands \
                and len(titled := self.lexicon.titled(cons.words)) > 1:
            cons = replace(cons, ids=titled[:MAX_TITLED])  # "which earbuds last the longest": the titles that say it
        elif not cons.categories:
            return False  # "the lightest" of what? (a product in focus, or nothing said)
        if rating:
            parse.intent, parse.products, parse.attributes, parse.constraints = "search", [], [], cons
            return True
        parse.intent, parse.aggregate, parse.direction = "aggregate", "extreme", direction
        if attr == "price":  # "which filter is cheaper?" after a list: its cheapest (prices have their own)
            parse.aggregate = "min_price" if direction == "lower" else "max_price"
        parse.attributes = self.asked_attributes(attr) or [attr]
        if attr in _MEASURES_OF_ANY_KIND:  # "which one has the bigger heel drop": the heel drop's, not a size
            named = [a for a in self.asked_attributes(low[:m.start()] + " " + low[m.end():]) if a in self.lexicon.numeric]
            parse.attributes = named or parse.attributes
        parse.constraints = cons
        return True

    def _any_superlative(self, parse: Parse, low: str, within: Sequence[str] | None, asked_before: str | None = None
                         ) -> tuple[re.Match[str], tuple[str, str]] | None:
        """A superlative no table holds ("which one weighs the least?", "which headphones last the longest on a
        charge?"): its word says which end wins; the attribute is the one a cue word names, the one just asked
        when the word stands alone ("and the shortest?" after the longest battery life), else the one the
        learned reader reads among the graph's amounts."""
        m = next((m for m in _SUPERLATIVE_FORM.finditer(low) if m.group("w") not in _NOT_SUPERLATIVE), None)
        if m is None and within:  # "which has more heel drop?" of the listed: the more of two is the most
            m = _COMPARATIVE_FORM.search(low)
        if m is None:
            return None
        direction = "lower" if m.group("w") in _LOWER_END else "higher"
        if parse.attributes[:1] == ["price"]:  # "which of these costs the least"
            return m, ("price", direction)
        numeric = [a for a in parse.attributes if a in self.lexicon.numeric and a != "price"]
        if not numeric and within and asked_before in self.lexicon.numeric and asked_before != "price" \
                and not {t for t in tokens(low[:m.start()] + " " + low[m.end():]) if t not in STOPWORDS}:
            numeric = [asked_before]
        if numeric:
            if m.group("w") in ("longest", "shortest"):  # "goes longest on battery": its life, not its capacity
                numeric.sort(key=lambda a: not any(w in a for w in ("life", "length", "time", "duration")))
            return m, (numeric[0], direction)
        if within and m.group("w") in ("longest", "shortest"):  # "longest one?" of cables: their length
            lengths = sorted(a for a in self._attributes_of(within) if a.endswith("length") and a in self.lexicon.numeric)
            if lengths:
                return m, (lengths[0], direction)
        names = self._amount_names
        if within and _LIST_REFERENCE.search(low):  # "which of them …": an amount the listed products have
            had = self._attributes_of(within)
            names = [a for a in names if a in had] or names
        if self.reader is None or not names:
            return None
        reading = self.reader(parse.text, names)
        if reading.intent != "aggregate" or reading.attribute is None or reading.attribute_p < SURE:
            return None
        return m, (reading.attribute, direction)

    def unrated(self, text: str) -> list[str]:
        """The qualities a superlative asks that no attribute measures and no title says ("the most comfortable
        chair", "most cushioned"; not "the most powerful", which is a wattage, nor "most expensive")."""
        return [w for m in _MOST_WHAT.finditer(_WHEN_SAID.sub(" ", text.casefold())) if (w := m.group("w")) not in _PRICE_QUALITIES
                and not self.asked_attributes(w) and not self.lexicon.title_df.get(w) and w not in STOPWORDS
                and not self.values_only(w)]

    def _attributes_of(self, ids: Sequence[str], most: int = 2 * MAX_VARIANTS) -> set[str]:
        """The attribute names the products (the first ``most``) have facts for."""
        return {r["attribute"] for pid in ids[:most] for r in self.store.query(cr.QA_PRODUCT_FACTS, {"id": pid})}

    def _aggregate(self, parse: Parse, low: str, focus: str | None) -> bool:
        for pattern, kind in _AGGREGATES:
            m = pattern.search(low)
            if not m:
                continue
            if kind in ("count_products", "avg_price", "values", "brands") and parse.refers_back and focus \
                    and not (kind == "avg_price" and (_GAP_OF_THESE.search(low) or len(parse.listed) > 1
                                                      and re.search(r"\b(?:average|avg|mean)\b", low)
                                                      and re.search(r"\b(?:them|those|these|they)\b", low))):
                return False  # "how many colours does it come in?" is about the product in focus ("how much between
                # them price wise" is of those listed)
            if kind in ("brands", "count_brands") and len(last_two := tokens(m.group(0))[-2:]) == 2 \
                    and tuple(last_two) in self.lexicon.categories:
                continue  # "which coffee makers are under 100": a kind whose name ends in "makers", not its brands
            said = m.groupdict().get("kind") or m.groupdict().get("of") or ""  # "what do desks cost", "avg desk price"
            rest = low if kind == "values" else low[:m.start()] + " " + said + " " + low[m.end():]
            parse.constraints = self.constraints(_ON_A_CHARGE.sub(" ", rest))  # ("how many hours on a charge": no charger)
            if kind == "count_products" and (owner := _HOW_MANY_DOES_IT.match(low)) is not None \
                    and not self.brand_only(owner.group("x")) and not {singular(t) for t in tokens(
                        owner.group("n"))} & self.lexicon.category_words \
                    and self.link_product(owner.group("x"), strict=True) is not None:
                return False  # "how many years of android updates does the galaxy s24 ultra get": of that product
            if kind == "count_products" and (counted := _LISTINGS_COUNTED.match(low)) is not None \
                    and _A_MODEL_SAID.search(counted.group("x") or counted.group("y")) \
                    and not self.brand_only(counted.group("x") or counted.group("y")) \
                    and (named := self.link_product(counted.group("x") or counted.group("y"), strict=True)) is not None:
                # "how many ath-m50x listings do you have": the listings of that model (not every title saying "ath")
                parse.intent, parse.aggregate = "aggregate", kind
                parse.constraints = Constraints(ids=[named.key, *(v.key for v in self.model_listings(
                    named.key, named.name, most=MAX_TITLED))])
                return True
            if kind == "count_products" and self.lexicon.attributes and parse.attributes and parse.constraints.empty():
                return False
            said = parse.constraints
            if kind == "count_products" and focus and said.words and not (said.categories or said.brands or said.values) \
                    and said.price_min is None and said.price_max is None \
                    and not set(said.words) & self.lexicon.category_words:
                return False  # "how many shelves" after the BILLY bookcase: its shelves, not products that say "shelf"
            counted = HOW_MANY_OF.search(low)
            noun = singular(counted.group(1)) if counted is not None else ""
            if kind == "count_products" and noun and noun not in _ANY_PRODUCT and noun not in self.lexicon.category_words \
                    and (said.brands and not said.categories and not self.lexicon.title_df.get(noun)
                         or self._counted_part(noun)):
                # "how many memory presets does the flexispot have": of its product, no title says "preset"; "how many
                # ports does the baseus have", "how many shelves does the sauder bookcase have": a part titles count
                # ("2-port", "5-Shelf"), not products
                return False
            if kind == "min_price" and m.group(0).rstrip().endswith(("cheap", "inexpensive", "affordable", "budget")) \
                    and (parse.constraints.price_max is not None or parse.constraints.price_min is not None):
                return False  # "cheap phone with a 5000mah battery under $300": a search within the budget said
            if kind == "count_products" and "pack size" in parse.attributes and not _STOCKED.search(low):
                return False  # "how many filters come in a pack?" asks a pack size, not a count of products
                # ("how many bags of coffee do you sell" does)
            if kind == "count_products" and parse.attributes and _HOW_MANY_MEASURE.search(low) \
                    and (focus and not parse.constraints.categories or not focus and parse.constraints.brands):
                # "how many cups" after a pitcher, "brita pitcher how many cups": a capacity, not a count of
                # products that say "cup"
                return False
            if kind == "count_products" and parse.attributes and not parse.constraints.categories \
                    and self.names_product(low[:m.start()]) and self.link_product(low[:m.start()], strict=True):
                return False  # "breville bambino plus how many watts": the named product's wattage
            split = _name_split(low) if kind == "count_products" else None
            if split is not None and self.brand_only(split[0]):
                split = None  # "how many laptops does dell have?" counts Dell's laptops
            if split is not None and (self.link_product(split[0], strict=True)
                                      or (parse.attributes and self.link_product(split[0]))):
                # "how many watts is the Honeywell HPA300?", "how many cups does the pur plus pitcher hold?"
                return False
            if kind == "values" and not parse.constraints.categories \
                    and self.link_product(self._mention_text(low), strict=True):
                return False  # "what colours does the AirPods Pro come in?" is about one product
            if kind == "brands" and not parse.constraints.categories and self.link_product(rest, strict=True):
                return False  # "what brand is the dell xps 15?" asks about one product
            if kind == "avg_price" and not focus and parse.constraints.empty() \
                    and _GAP_OF_THESE.search(low) and not any(map(self._rare_title_word, parse.constraints.words)) \
                    and not (" - " in low and self.link_product(low.split(" - ")[0], strict=True)):
                return False  # "2 listings - whats the price gap" of nothing named: no range of the whole catalog (but
                # "average price of the ideapad slim 5 across its listings", "xps 15 9530 - how far apart are …" name a
                # model)
            parse.intent, parse.aggregate = "aggregate", kind
            if kind == "values":
                parse.attributes = self.asked_attributes(m.group(0))
            if kind in ("avg_price", "min_price", "max_price") and not parse.constraints.categories \
                    and not self.brand_only(rest):
                # "average price of the nokia g42", "cheapest pixel 8 pro": over the listings of one model (the cheapest
                # only of a name said in full)
                rest = _ACROSS_LISTINGS.sub(" ", rest)  # ("pixel 7a - price range across the dollar listings")
                named = self.link_product(re.sub(r"\b(?:prices?|costs?)\b", " ", rest), strict=True)
                words = [t for t in tokens(rest) if t not in STOPWORDS]
                # ("ultraboost light womens": "light", no roast here, is of the name; "women" a variant titles say)
                chosen = [g for g in parse.constraints.values if "compatib" not in g.attribute
                          and not (g.attribute not in VARIANT_ATTRIBUTES and set(tokens(g.label)) <= title_words(named.name))] \
                    if named is not None else []
                if named is not None and kind != "avg_price" and (named.score < FULL_NAME or any(
                        g.attribute not in VARIANT_ATTRIBUTES for g in chosen) or all(t.isalpha() for t in words)
                        and not any(self._rare_title_word(t) for t in words)):  # ("ultraboost": a model's own word)
                    # ("cheapest ath-m50x in black": of its listings in black, below; "cheap wireless earbuds": a kind, no
                    # model number)
                    named = None
                if named is not None:
                    listings = [named.key, *(v.key for v in self.model_listings(named.key, named.name, most=MAX_TITLED))]
                    if kind != "avg_price":  # (every title of its kind that says the name: its colours too)
                        kind_of = self.category_of(named.key)
                        listings = list(dict.fromkeys([*listings, *(pid for pid in self.lexicon.titled(words)[:MAX_TITLED]
                                                                    if self.category_of(pid) == kind_of)]))
                    titled = self.lexicon.titled(words)
                    if len(titled) > len(listings) and not any((t,) in self.lexicon.brands or not t.isalpha()
                                                               for t in words):
                        # "avg price of a wireless charging pad": every title that says the kind, in the category
                        # of the product it names best ("pixel 8", with a model number, stays that model's)
                        cons = self._in_category_of(named.key, Constraints(ids=titled[:MAX_TITLED]))
                        parse.constraints = replace(cons, currency=parse.constraints.currency)
                    else:
                        titles = self.lexicon.titles  # (of those whose titles say the variants said: "in black")
                        listings = [pid for pid in listings if all(set(tokens(g.label)) <= title_words(titles.get(pid, ""))
                                                                   for g in chosen)]
                        parse.constraints = Constraints(ids=listings, currency=parse.constraints.currency)
                elif kind == "avg_price" and focus and _GAP_OF_THESE.search(low) \
                        and parse.constraints.empty():
                    # "how much between them price wise" with no list under discussion: the listings of the model in
                    # focus
                    title = self.lexicon.titles.get(focus, "")
                    parse.constraints = Constraints(ids=[focus, *(v.key for v in self.model_listings(focus, title))],
                                                    currency=parse.constraints.currency)
            return True
        return False

    def _attribute_or_search(self, parse: Parse, low: str, focus: str | None) -> bool:
        cons = self.constraints(low)
        question = bool(_ATTRIBUTE_QUESTION.match(low))
        # "air purifier for a 400 sq ft room" names an attribute but asks for products of a category
        asking = question or (bool(parse.attributes) and not cons.categories) \
            or bool(parse.attributes) and bool(_HOW_MANY_MEASURE.search(low)) \
            or bool(focus and parse.attributes and cons.categories) and set(cons.words) <= set(tokens(parse.attributes[0])) \
            and self.in_categories(focus or "", cons.category_keys) \
            and not any(self.in_categories(p, cons.category_keys) for p in parse.listed if p != focus)
        # ("cable length?" of the cable in focus: its own; after a list of cables, theirs)
        searching = bool(_SEARCH_CUES.search(low)) and not _NEEDS_IT.match(low) and not _VALUES_ASKED.search(low) \
            and not (focus and _IT_IS.match(low) and not _ELSEWHERE.search(low)) \
            or cons.price_min is not None or cons.price_max is not None \
            or (recommend := _RECOMMEND.match(low)) is not None \
            and (bool(cons.categories) or self._kind_said(low[recommend.end():], 1) is not None) \
            or (not question and self._plural_kind(low)) \
            or bool(cons.values) and bool(_WHICH_KIND_ARE.match(low))  # "what beans are from ethiopia": products
        tail = None if question or not parse.attributes else _WITH_TAIL.search(low)
        valued = {g.attribute for g in self.constraints(tail.group("rest")).values} if tail is not None else set()
        # (every attribute asked is the value's, or of the cue that names it: "256gb storage"; not "32gb ram battery life")
        valued |= {a for _, attrs in ATTRIBUTE_CUES if set(attrs) & valued for a in attrs}
        if tail is not None and valued and set(parse.attributes) <= valued:
            searching = True  # "pixel 8 hazel with 256gb storage": listings so, not its storage asked
        if searching and focus and parse.attributes and cons.empty() \
                and (set(cons.words) <= self.cue_words(low, parse.attributes) | {t for a in parse.attributes for t in tokens(a)}
                     if cons.words else parse.refers_back and not _LIST_REFERENCE.search(low)):
            searching = False  # "any other flavour notes" of a coffee in focus, "any guarantee on it": what is asked of it
        named = None
        split = _name_split(low) if not (parse.refers_back and focus) and not _RECOMMEND.match(low) else None
        if split is not None and focus and not self.names_product(split[0]) and not self._other_brand(split[0], focus) \
                and not _model_number_beside(split[0], self.lexicon.titles.get(focus, "")):
            split = None  # "how many filters are in the pack?" about the product in focus: "pack" names no product
            # (but "the coverage area of the hpa300" with the Levoit in focus: another model's number)
        if split is not None:  # "what is the <attribute> of the <name>", "how much does the <name> weigh"
            named = self._name_past_for(split) or self._link_named(split[0], parse)
            asked = set(self.asked_attributes(split[1]))
            kind_said = [t for t in tokens(split[0]) if t not in STOPWORDS and t not in PRONOUNS and t not in ("this", "that")]
            if named is None and asked - {"price", "brand", "category"} and not focus \
                    and not (kind_said and all(t in self.lexicon.category_words for t in kind_said)):
                # (not a kind alone: "the weight of this headphones" names none of them)
                # an attribute a product list would not show ("the warranty of the Incipio case for …"):
                # answer it about the best reading of the name, even a loose one
                named = self.link_product(split[0])
            if named is not None:
                parse.products = [named]
                # a cue word inside the name said that its title lacks is asked too ("how tall is the heel on the …")
                extra = [t for t in tokens(split[0]) if t not in STOPWORDS and t not in title_words(named.name)]
                parse.attributes = self.asked_attributes(" ".join([split[1], *extra]))
                searching = False
        if named is None and split is None and not (parse.refers_back and focus) and not searching:
            named = self._tail_split(parse, low)
            if named is not None and parse.intent == "search":
                return True  # a name and the listing's own words ("ugg classic short ii mens grey"): its listings
            asking = asking or named is not None  # "uplift v2 desk weight limit": the desk is named, not searched
        if named is None and not (parse.refers_back and focus) and not searching \
                and not (focus and _HOW_MANY_BARE.match(low)):  # "how many shelves" asks it, names no "5-Shelf" one
            mention = self._mention_text(low)
            if _YES_NO.match(low):  # "is the Keurig K-Elite made of plastic?": 'plastic' names no product
                said = {w for g in self._asked_groups(cons, parse.attributes)
                        for w in (*g.label.split(), g.label.replace(" ", ""))}  # "256 gb" as said: "256gb"
                if said & LINE_WORDS and (whole := self.link_product(mention, strict=True)) is not None:
                    said -= LINE_WORDS & title_words(whole.name)  # "is the bose qc ultra wireless": the Ultra's line,
                    # not a processor's "Ultra"
                mention = " ".join(t for t in tokens(mention) if t not in said)
            # in a conversation, one common word ("what about in white?") names no product: it narrows the list;
            # the brand of the product in focus said alone ("notes on the blue bottle?") is it
            # (not "only samsung", a narrowing; nor "the keurig" of a filter "for Keurig K-Elite": the machine)
            own_brand = bool(focus and parse.attributes) and self._brand_of_focus(mention, focus or "") \
                and not (set(tokens(mention)) - STOPWORDS) & _said_after_for(self.lexicon.titles.get(focus or "", ""))
            named = _focus_link(focus, self.lexicon.titles.get(focus)) if own_brand and focus else \
                self._link_named(mention, parse) if (not focus or self.names_product(mention)
                                                         or self._other_brand(mention, focus)) \
                and not (focus and self.values_only(mention)) else None  # "for women size 8": who and which size
            if named is None and not focus and parse.attributes and _HOW_MANY_MEASURE.search(low):
                named = self.link_product(mention)  # "brita pitcher how many cups": an amount of the best reading
            if named is None and _YES_NO.match(low) and not cons.values and not cons.categories \
                    and len(said_words := mention.split()) > 2:
                # "is the m50x wireless": a name, then what is asked of it, a word no value of the graph is (another
                # product than the one in focus, named so)
                for cut in (1, 2):
                    named = self.link_product(name_said := " ".join(said_words[:-cut]), strict=True)
                    if named is not None and focus and (named.key == focus or set(tokens(name_said)) - STOPWORDS
                                                        <= title_words(self.lexicon.titles.get(focus, ""))):
                        named = None
                    if named is not None:
                        parse.thing = parse.thing or " ".join(said_words[-cut:])
                        break
            if named is not None and _YES_NO.match(low) and not parse.thing \
                    and all(set(tokens(g.label)) <= title_words(named.name) for g in cons.values) \
                    and len(said_words := mention.split()) > 2 and said_words[-1] in title_words(named.name) \
                    and (cut_link := self.link_product(" ".join(said_words[:-1]), strict=True)) is not None \
                    and cut_link.key == named.key:
                parse.thing = said_words[-1]  # "is the bose qc ultra wireless": the name needs no "wireless", its title
                # says it
            the_name = (does.group("x") or does.group("y")) if (does := _THE_NAME_DOES.search(low)) else ""
            target = bool(focus and the_name) and self._target_said(the_name, focus or "")
            if named is None and focus and the_name and (not set(tokens(the_name)) - STOPWORDS <= title_words(
                    focus_of := self.lexicon.titles.get(focus, "")) or target) and not self.values_only(the_name):
                # "does the levoit come with a filter" with a phone in focus: the Levoit; "the warranty on the dyson":
                # a name the catalog lacks, not the phone; "does the redmi come with a charger" of a Redmi case: the phone
                named = next((n for n in self.link_products(the_name, strict=True) if not target
                              or self.category_of(n.key) != self.category_of(focus or "")), None)
                unheard = [t for t in tokens(the_name) if t not in STOPWORDS and t.isalpha() and t not in self.speller.known]
                if named is None and unheard and focus_of:
                    parse.intent, parse.products, parse.unknown = "unanswerable", [], " ".join(unheard)
                    return True
            if named is not None:
                parse.products = [named]
                if not _HOW_MANY_MEASURE.search(low):  # ("how many cups" of the "(10-cup)" pitcher still asks it)
                    parse.attributes = self.asked_attributes(strip_words(low, [named.name]))
        product = parse.products[0] if parse.products else None
        if product is not None and asking and not searching:
            parse.intent = "attribute"
            if _YES_NO.match(low):
                groups = self._asked_groups(cons, parse.attributes)
                # "is the mous case for the oneplus 12 real leather": the listing for the phone said, not the first
                # of the brand's cases (the phone is what the name says, not a value asked)
                fits = [g for g in groups if g.attribute == "compatible model"
                        and not set(tokens(g.label)) <= title_words(product.name)]
                fitting = next((v for v in parse.variants if fits and all(
                    set(tokens(g.label)) <= title_words(v.name) for g in fits)), None)
                if fitting is not None:
                    product = parse.products[0] = fitting
                    groups = [g for g in groups if g not in fits]
                # "does the Dedica EC685 - Black come in red?": the name's own colour is not what is asked
                name = set(tokens(product.name))
                end = low.rstrip(" ?!.")
                # (but one said last, after the name, is asked: "is the bose qc ultra wireless", of a "… Wireless …" title)
                beyond = [g for g in groups if not set(tokens(g.label)) <= name or end.endswith(f" {g.label}")]
                # ("is the pink pair sold in dollars": a value that says which listing is not what is asked)
                beyond = [g for g in beyond if not re.search(rf"\bthe {re.escape(g.label)} (?:pair|one|version|listing)s?\b",
                                                             low)]
                english = _english()
                # ("does the caseology nano pop iphone se case support magsafe": the name's "iphone" is not asked, a
                # word no value nor English says is)
                other = not beyond and any(t.isalpha() and t not in name and t not in english for t in tokens(low))
                parse.checks = [] if other else [Link("value", k, g.label, k.partition("=")[0])
                                                 for g in beyond or groups for k in g.keys]
            return True
        family = self._family(low, cons, product, parse) if (searching or not asking) and not (parse.refers_back and focus) \
            else None
        if family is not None:  # "do you sell iphones", "airpods": every model of the name, not the cases for them
            family.not_brands = cons.not_brands  # ("earbuds that are not apple")
            parse.intent, parse.products, parse.variants, parse.constraints = "search", [], [], family
            return True
        # the listings of the model linked (near-tied other models, "Flexispot E7 Standing Desk" beside the Uplift V2
        # one, do not make "standing desk" a name)
        model = 1 + sum(self.same_model(product.name, v.name) for v in parse.variants) if product is not None else 1
        if product is not None and product.score >= FULL_NAME and not asking and not searching \
                and (named is not None or not focus) \
                and not (parse.refers_back and focus) and not (product.key == focus and cons.values) \
                and not (cons.values and {t for t in tokens(low) if t not in STOPWORDS}
                         <= {t for g in cons.values if "compatible" not in g.attribute for t in tokens(g.label)}) \
                and not (cons.categories and (len(cons.values) > 1 or cons.values and not cons.words)) \
                and not any(not set(tokens(g.label)) <= title_words(product.name) for g in cons.values) \
                and self._kind_said(low, model) is None \
                and not self._titled_alike(low, product, parse.variants):
            # ("car charger with a usb-a port": not a Spigen one's name; "30w car charger": said by two makers' titles)
            # (a kind with two values or more, or with one and no other word, is a search, even where a title says
            # them all: "14 inch laptop with 32gb ram", "laptop with 32gb ram")
            # a product's name alone ("Instant Vortex Plus air fryer", "Dr. Martens 1460 boots"): its listings
            parse.intent, parse.products = "search", []
            # near-tied links that are other products ("Pixel 7a Case by Smartish" beside the Pixel 7a) are not
            # ("brooks adrenaline": the women's and the men's listing, one model in one category)
            listings = {v.key for v in self.model_listings(product.key, product.name)} if parse.variants else set()
            parse.constraints = Constraints(ids=[product.key, *(v.key for v in parse.variants
                                                               if self.same_model(product.name, v.name)
                                                               or v.key in listings)])
            return True
        having = _THING_CLAUSE.match(low) if not asking and not parse.refers_back else None
        kind = None
        if having is not None and not (head := self.constraints(having.group("k"))).categories and not head.values \
                and not self.constraints(having.group("x")).values \
                and (kind := self._kind_said(having.group("k"), model)) is not None:
            # "espresso machine with a steam wand": the titles that say the kind (no category of the graph's), those
            # whose own text says the rest (no value of the graph's)
            thing = _take_prices(having.group("x"), Constraints()).strip(" ,")  # ("… under $260": the price filters)
            parse.text_says = [t for t in tokens(thing) if t not in STOPWORDS and t not in kind]
            parse.thing = thing
        elif not cons.empty() or searching:
            parse.intent, parse.constraints = "search", self._with_feature(parse, low, cons)
            return True
        kind = kind or (self._kind_said(low, model) if not asking and not parse.refers_back else None)
        if kind is not None:  # "espresso machines": every title that says it, not one model's listings
            parse.intent, parse.products, parse.variants = "search", [], []
            parse.constraints = Constraints(words=kind, price_min=cons.price_min, price_max=cons.price_max,
                                            currency=cons.currency)
            return True
        if product is None and not asking and cons.words and _PURPOSE.search(low):
            # "earbuds for the gym", "something for a runner": the kind said (or what the doer uses), whatever it is for
            after_for = purpose_words(low)
            kind = [w for w in cons.words if self.lexicon.title_df.get(w, 0) > 1 and w not in after_for]
            if kind or _SOMETHING.match(low) and any(self.lexicon.title_df.get(w, 0) > 1 for w in cons.words):
                parse.intent, parse.constraints = "search", cons
                return True
        if product is not None:
            parse.intent = "attribute"
            return True
        parse.constraints = cons
        parse.intent = "unanswerable"
        return True

    def _with_feature(self, parse: Parse, low: str, cons: Constraints) -> Constraints:
        """"headphones under $200 that come with a carrying case", "ground coffee that works in a french press": a kind
        the graph has, then a thing its listings' own text may say (no value of the graph's, nor a kind to find): the
        kind's constraints, the thing for the engine to read in their text (``parse.text_says``); else ``cons``."""
        m = _THING_CLAUSE.match(low)
        if m is None or not (head := self.constraints(m.group("k"))).categories:
            return cons
        thing = re.sub(r"^(?:an?|the) ", "", _take_prices(m.group("x"), Constraints()).strip(" ,"))
        said = self.constraints(thing)
        if m.group("v") in _HAVING and (said.values or said.brands or not said.categories
                                        or any(c.isdigit() for c in thing)):
            # "with" a thing that names another kind ("headphones with a carrying case") is read in the text; values
            # the search filters by ("laptops with 16gb ram"), a count ("wall charger with 3 ports") or free words
            # the search reads itself ("office chairs with lumbar support") are not
            return cons
        words = [t for t in tokens(thing) if t not in STOPWORDS and t not in _TEXT_FILLER_WORDS]
        if not words or said.brands or any(g.attribute in VARIANT_ATTRIBUTES or any(c.isdigit() for c in g.label)
                                           for g in said.values):
            return cons  # ("laptops that come with 16gb ram": a value to filter by)
        parse.text_says, parse.thing = words, thing
        return replace(head, price_min=cons.price_min, price_max=cons.price_max, currency=cons.currency)

    def _tail_split(self, parse: Parse, low: str) -> Link | None:
        """A product's name followed by what is asked of it ("uplift v2 desk weight limit", "breville bambino plus
        water tank size": the product, attributes set) or by words that pick its listings ("red wing iron ranger
        womens size 6": a search among the model's listings, intent set). Not for questions ("how tall is the
        shaft": the name patterns read those) or searches ("air purifier for a 400 sq ft room")."""
        if _ATTRIBUTE_QUESTION.match(low) or _SEARCH_WORDS.search(low):
            return None
        toks = low.split()
        for cut in range(2, len(toks)):  # the longest tail first: "… screen size", not "… screen" + "size"
            head, tail = " ".join(toks[:cut]), " ".join(toks[cut:])
            if tuple(tokens(f"{toks[cut - 1]} {toks[cut]}")) in self.lexicon.categories:
                continue  # "single serve coffee maker": a kind's name is not cut ("maker" asks no brand here)
            wanted = self.constraints(tail)
            # a variant's value ("womens", "size 6") picks listings even where it also cues its attribute
            variant = bool(wanted.values) and not wanted.words and not wanted.categories \
                and not wanted.brands and all(g.attribute in VARIANT_ATTRIBUTES or g.attribute.endswith("gender")
                                              for g in wanted.values)
            asked = None if variant else self._attribute_phrase(tail)
            if asked is None and not variant:
                continue
            said = self.constraints(head)
            # "medium roast whole bean coffee 2 pack": a kind and its values with no other word is no name
            # ("mens wide fit running shoe": its other word, "fit", is in no title either)
            generic = bool(said.categories) and not any(self.lexicon.title_df.get(w) for w in said.words)
            named = self._link_named(head, parse) if self.names_product(head) and not generic else None
            if named is None:
                parse.variants = []
                continue
            if asked is not None:
                parse.products, parse.attributes = [named], asked
                return named
            listings = [named.key, *(v.key for v in self.model_listings(named.key, named.name))]
            parse.intent, parse.products, parse.variants = "search", [], []
            kind = self._kind_said(head, len(listings))
            # "noise cancelling earbuds in black": a kind more titles say than the model has listings, in a colour
            parse.constraints = replace(wanted, words=[*wanted.words, *kind]) if kind else replace(wanted, ids=listings)
            return named
        return None

    def in_categories(self, pid: str, keys: Sequence[str]) -> bool:
        """Whether product ``pid`` is in one of the categories ``keys`` (or below one)."""
        return self._path_in(self.category_of(pid), keys)

    @staticmethod
    def _path_in(path: str | None, keys: Sequence[str]) -> bool:
        return path is not None and bool(set(category_keys(path.split(" > "))) & set(keys))

    def _name_past_for(self, split: tuple[str, str]) -> Link | None:
        """ "what material is the mous limitless case for iphone 15": the words before "for" name a product ("the mous
        limitless case") and a title says them and the words after it ("iPhone 15 Case by Mous - Limitless 5.0"):
        the best-linked such product, not the one after "for" alone. Else None."""
        spare = [t for t in tokens(split[1]) if t not in STOPWORDS and not self.asked_attributes(t)]
        if not spare or not split[1].endswith(" for") or not self.names_product(" ".join(spare)):
            return None
        said = {t for t in (*spare, *tokens(split[0])) if t not in STOPWORDS}
        return next((link for link in self.link_products(f"{' '.join(spare)} for {split[0]}")
                     if said <= title_words(link.name)), None)

    def _kind_for_name(self, low: str) -> str:
        """ "xps 15 chargers": a product named, then a kind of product it is not (one or two category words last) and
        no product of that kind is titled with the name, read as "<kind> for <the product>"; else ``low`` as it is."""
        words = low.split()
        for n in (1, 2):
            name, kind = " ".join(words[:-n]), " ".join(words[-n:])
            if len(words) <= n or not set(tokens(kind)) <= self.lexicon.category_words \
                    or not (wanted := self.constraints(kind)).categories or not self.names_product(name) \
                    or self._kind_words(name) or words[-n - 1] in PRONOUNS:  # ("waterproof headphones": a value said,
                continue  # no name; "how many inches wide is this chair": the chair in focus)
            link = self.link_product(name, strict=True)
            said = [t for t in title_words(name) if t not in STOPWORDS]
            if link is not None and set(said) <= title_words(link.name) \
                    and not self.in_categories(link.key, wanted.category_keys) \
                    and not any(self.in_categories(pid, wanted.category_keys) for pid in self.lexicon.titled(said)):
                return f"{kind} for {name}"  # (not "oneplus 12 cases": cases titled "OnePlus 12" answer it)
        return low

    def _text_tells(self, pid: str, verb: str) -> bool:
        """Whether a sentence of a product's description or bullets tells the shopper to do ``verb`` ("Store in a
        cool, dry place."): begins with it."""
        return any(tokens(sentence)[:1] == [verb] for sentence in re.split(r"(?<=[.!?])\s+|\n", self._text_of(pid)))

    def _text_words(self, pid: str) -> set[str]:
        """The words of a product's description and bullets."""
        return set(tokens(self._text_of(pid)))

    def _text_of(self, pid: str) -> str:
        """A product's description and bullets, as one text."""
        rows = self.store.query(cr.PRODUCT_DETAILS, {"id": pid})
        return " ".join([str(rows[0]["description"] or ""), *map(str, rows[0]["bullets"] or [])]) if rows else ""

    def _target_said(self, said: str, focus: str) -> bool:
        """Whether ``said`` names what the accessory in focus is for, by words of its title before its kind's noun or
        after "for" ("the redmi" of the "Redmi Note 13 Pro Case by Smartish"), none of them a brand's."""
        title = self.lexicon.titles.get(focus, "")
        key = self.category_of(focus)
        words = tokens(title)
        kind = singular(key.rpartition(" > ")[2].split()[-1].casefold()) if key else ""
        if kind not in words:
            return False
        target = set(words[:words.index(kind)]) | _said_after_for(title)
        said_words = set(tokens(said)) - STOPWORDS
        return bool(said_words) and said_words <= target and not any((w,) in self.lexicon.brands for w in said_words)

    def longer_model(self, text: str, pid: str) -> str:
        """The name a question says ("iphone 15") where product ``pid``'s title goes on with a word of a product line
        that was not said ("Apple iPhone 15 Pro") and no listing of its kind is titled with the name alone; else ""."""
        title = tokens(self.lexicon.titles.get(pid, ""))
        said = [t for t in tokens(text) if t not in STOPWORDS]
        path = self.category_of(pid)
        for n in range(len(said), 1, -1):
            for i in range(len(said) - n + 1):
                window = said[i:i + n]
                if not extends_line(window, title, set(said)):
                    continue
                same_kind = [other for other in self.lexicon.titled(window) if self.category_of(other) == path]
                if any(not extends_line(window, tokens(self.lexicon.titles.get(other, "")), set(said))
                       for other in same_kind):
                    return ""  # ("galaxy s24 price": an S24 is listed beside the S24 Ultra)
                return " ".join(window)
        return ""

    def category_of(self, pid: str) -> str | None:
        """The category path of product ``pid``, if it has one (a model's listings read dozens a question: at 100k
        products, 5 ms each before this kept them)."""
        if pid not in self._categories:
            if len(self._categories) >= MAX_CATEGORIES_KEPT:
                self._categories.clear()
            rows = self.store.query(cr.QA_PRODUCT_CATEGORY, {"id": pid})
            self._categories[pid] = str(rows[0]["path"]) if rows else None
        return self._categories[pid]

    def brands_of(self, pid: str) -> list[Link]:
        """The brand links of product ``pid``'s brand fact (none when it has none)."""
        rows = self.store.query(cr.QA_PRODUCT_FACTS, {"id": pid})
        return next((self.lexicon.brands.get(key_tokens(str(r["value"])), []) for r in rows if r["attribute"] == "brand"),
                    [])

    def _kind_titled(self, title: str) -> set[str]:
        """The words of a title that name a kind of product ("headphone", "earbud", "case")."""
        return set(title_words(title)) & self.lexicon.category_words

    def _kind_of_name(self, m: re.Match[str]) -> str:
        """"the coway mighty's filter": "the filter for the coway mighty" where the words after "'s" are a kind of product
        the one named is not (else as said: "the xps 15's battery" asks its battery)."""
        kind = self.constraints(m.group("k"))
        named = self.link_product(m.group("x"), strict=True) if kind.categories and not kind.values else None
        if named is None or self.in_categories(named.key, kind.category_keys):
            return m.group(0)
        return f"the {m.group('k')} for the {m.group('x')}"

    def _brands_only_one(self, cons: Constraints, most: int = 50) -> Link | None:
        """The product of a brand and kind said, where the brand's titles (at most ``most``) hold one of that kind, or
        listings of one model only."""
        said = [t for b in cons.brands for t in tokens(b.name)]
        titled = self.lexicon.titled(said) if said else []
        kind = [pid for pid in titled if self.in_categories(pid, cons.category_keys)] if len(titled) <= most else []
        if not kind or not self.one_model(kind):
            return None
        return Link("product", kind[0], self.lexicon.titles.get(kind[0], kind[0]), score=1.0)

    def _same_maker(self, parse: Parse, low: str, focus: str | None) -> bool:
        """ "do they make a decaf one?" about the product in focus: its brand's products of its kind with the
        values said."""
        m = _THEY_MAKE.match(low)
        if m is None or not focus:
            return False
        cons = self.constraints(m.group("x"))
        if not cons.values or cons.brands:
            return False
        brands = self.brands_of(focus)
        if not brands:
            return False
        if not cons.categories:
            path = self.category_of(focus) or ""
            leaf = tokens(path.rsplit(">", 1)[-1])
            said = {g.attribute for g in cons.values}
            named = (tuple(leaf[i:j]) for i in range(len(leaf)) for j in range(i + 1, len(leaf) + 1))
            if ">" in path and any(e.attribute in said for kt in named for e in self.lexicon.values.get(kt, ())):
                # "do they do a ground version" of a whole bean coffee: the kind its form names gives way (coffee)
                path = path.rsplit(">", 1)[0].strip()
            cons = self.in_category(cons, path or None)
        parse.intent, parse.products, parse.variants = "search", [], []
        parse.constraints = replace(cons, brands=list(brands))
        return True

    def _in_category_of(self, pid: str, cons: Constraints) -> Constraints:
        """``cons`` restricted to the category of product ``pid`` (unchanged when it has none)."""
        return self.in_category(cons, self.category_of(pid))

    def in_category(self, cons: Constraints, path: str | None) -> Constraints:
        """``cons`` restricted to the category at ``path`` ("Electronics > … > Smartphones") and those below it."""
        if not path:
            return cons
        key = category_keys(path.split(" > "))[-1]
        return replace(cons, categories=[Link("category", key, path.rpartition(" > ")[2])],
                       category_keys=self.lexicon.descendants([key]))

    def _family(self, low: str, cons: Constraints, product: Link | None, parse: Parse) -> Constraints | None:
        """A name that several models share, said alone or with a brand and a price ("iphones", "do you sell
        airpods", "any apple iphones under 700"): a search for every title that says it in the category of the
        product it names best (the phones, not the cases for them), when more titles say it than that model has
        listings; else None. A kind ("chargers") or a value ("black") is no such name; a value said beside it narrows
        the search ("iphones in blue", "iphone with 256gb"; not a compatible model, which "iphone" reads as for cases)."""
        if cons.categories or cons.ids:
            return None
        lex = self.lexicon
        values = [g for g in cons.values if "compatib" not in g.attribute]
        valued = {w for g in values for w in (*tokens(g.label), g.label.replace(" ", ""))}
        rest = _SEARCH_CUES.sub(" ", _take_prices(low, Constraints()))
        said = [t for t in tokens(rest) if t not in STOPWORDS and (t,) not in lex.brands and t not in valued
                and not (values and self.asked_attributes(t))  # ("iphone with 6gb ram": "ram" names the value's kind)
                and not (values and t in UNITS)]  # ("anything with a 15.6 inch screen": a unit, no name)
        clause = _THING_CLAUSE.match(rest.strip()) if len(said) > 1 else None
        told: list[str] = []  # "iphones that ship in recyclable packaging": the family, whose text may say the rest
        if clause is not None and len(head := [t for t in said if t in tokens(clause.group("k"))]) == 1:
            said, told = head, [t for t in tokens(clause.group("x")) if t not in STOPWORDS and t not in valued]
        if len(said) != 1 or not said[0].isalpha() or said[0] in lex.category_words:
            return None
        if values and any("compatib" not in e.attribute for e in lex.value_words.get(said[0], ())):
            return None  # "got any k-cups": a value's word ("K-Cup" pods), no name of models
        named = product if product is not None and said[0] in tokens(product.name) \
            else self.link_product(said[0], strict=True)
        if named is None or said[0] not in tokens(named.name):
            return None
        titled = lex.titled(said)
        if len(titled) <= 1 + len(self.model_listings(named.key, named.name)):
            return None
        family = self._in_category_of(named.key, Constraints(
            brands=cons.brands, values=values, price_min=cons.price_min, price_max=cons.price_max,
            currency=cons.currency, words=said))
        if family.categories and told:  # (what their own text says, read by the engine)
            parse.text_says, parse.thing = told, clause.group("x") if clause is not None else " ".join(told)
        return family if family.categories else None

    def _attribute_phrase(self, text: str) -> list[str] | None:
        """The attributes a phrase asks when it is nothing but an attribute's name or cue ("weight limit",
        "water tank size", "batery life"), else None."""
        asked = self.asked_attributes(text)
        if not asked or any(c.isdigit() for c in text):
            return None
        covered = {t for a in asked for t in tokens(a)}
        for pattern, _ in ATTRIBUTE_CUES:
            covered.update(t for m in pattern.finditer(text) for t in tokens(m.group(0)))
        return asked if set(tokens(text)) - STOPWORDS <= covered else None

    @staticmethod
    def cue_words(low: str, asked: Sequence[str]) -> set[str]:
        """The words of the question that said an asked attribute by a cue ("long", "last" of "how long does the
        battery last")."""
        return {t for pattern, attrs in ATTRIBUTE_CUES if set(attrs) & set(asked)
                for m in pattern.finditer(low) for t in tokens(m.group(0))}

    @staticmethod
    def _asked_groups(cons: Constraints, asked: Sequence[str]) -> list[ValueGroup]:
        """Value groups a yes/no question checks: those of the asked attributes (all when none is asked)."""
        if not asked:
            return list(cons.values)
        return [g for g in cons.values if any(k.partition("=")[0] in asked for k in g.keys)]

    # ------------------------------------------------------------------ linking

    def _names_side(self, text: str, focus: str | None) -> bool:
        """Whether a side of "X ok for Y", "X compatible with Y" names a product: the one in focus by "this case", "it",
        else one named strictly ("running" names none)."""
        if focus and any(t in PRONOUNS and t != "one" for t in tokens(text)[:2]):
            return True
        return self.link_product(text, strict=True) is not None

    def _brand_kind_fits_it(self, a: str, b: str, focus: str | None) -> bool:
        """Whether "X fits Y" says a brand's kind of product, then the one in focus ("the lifesupply filter fits it
        right?"): a brand and a kind name no one product strictly, yet which of the brand's fits it is what is asked."""
        said = [t for t in tokens(a) if t not in STOPWORDS]
        return bool(focus and self._names_side(b, focus) and set(tokens(b)) & PRONOUNS and self._brand_words(said)
                    and set(said) & self.lexicon.category_words and self.link_products(a))

    def _fitted_said(self, low: str, focus: str) -> tuple[tuple[str, str], str] | None:
        """((id, title), the question with "it" for it) of the one model an accessory in focus fits, where a question
        that asks no fit says "the machine" or the kind of that model ("how many watts is the machine", "whats that
        phone selling for" after a car charger), else None."""
        m = _THE_FITTED.search(low)
        if m is None or _ASKS_FIT.search(low):
            return None
        kind = singular(m.group("k"))
        own = self.kind_words(focus)
        rest = {singular(t) for t in tokens(f"{low[:m.start()]} {low[m.end():]}")}
        if kind in own or kind not in _ANY_DEVICE and kind not in self.lexicon.category_words \
                or rest & (PRONOUNS | own) or _COMPARED_WORD.search(low):
            return None  # ("is it tougher than the smartish ones for that phone", "any cheaper case for that phone": the
            # accessory's, or another of its kind)
        titles = self.lexicon.titles
        fitted = [r["id"] for r in self.store.query(cr.QA_FIT_RELATIONS, {"id": focus}) if r["direction"] == "out"]
        fitted = [pid for pid in dict.fromkeys(fitted) if kind in _ANY_DEVICE and self.category_of(pid) != self.category_of(focus)
                  or kind in self.kind_words(pid) or kind in title_words(titles.get(pid, ""))]
        if not fitted or not self.one_model(fitted):
            return None
        return (fitted[0], titles.get(fitted[0], fitted[0])), f"{low[:m.start()]}it{low[m.end():]}"

    def kind_words(self, pid: str) -> set[str]:
        """The head noun of each part of a product's category path ("Electronics > Cell Phones > Smartphones": electronic,
        phone, smartphone; a case's "Cell Phone Accessories": accessory, not phone)."""
        return {singular(words[-1]) for part in (self.category_of(pid) or "").split(" > ") if (words := tokens(part))}

    def _that_kind(self, said: str, listed: Sequence[str], focus: str | None) -> str | None:
        """The product "that phone", "this laptop" names: the one product of that kind the last answer listed, else the
        product in focus when it is of that kind; else None."""
        that = _THAT_KIND.fullmatch(said)
        if that is None:
            return None
        kind = singular(that.group("k"))
        def of_kind(pid: str) -> bool:  # (a "… Case for Pixel 8" is no phone)
            return kind in title_parts(self.lexicon.titles.get(pid, ""))[0] or kind in self.kind_words(pid)
        shown = [pid for pid in listed if of_kind(pid)]
        if len(shown) == 1:
            return shown[0]
        return focus if focus and not shown and of_kind(focus) else None

    def _listing_said(self, text: str, focus: str | None) -> Link | None:
        """ "the pink pair" of the model in focus: its listing whose title says those values (None where ``text`` says
        more than values, or no listing says them)."""
        said = {singular(t) for t in tokens(without_one_words(text))} - STOPWORDS - {"pair", "version", "listing", "size"}
        if not focus or not said or not self.values_only(" ".join(sorted(said))):  # ("the womens size 10 one": women, 10)
            return None
        title = self.lexicon.titles.get(focus, "")
        return next((v for v in [Link("product", focus, title, score=1.0), *self.model_listings(focus, title)]
                     if said <= title_words(v.name)), None)

    def _side(self, text: str, focus: str | None) -> Link | None:
        """One side of a comparison or compatibility question: the focus product for 'it'/'this case', else a link."""
        found = self._sides(text, focus)
        return found[0] if found else None

    def _sides(self, text: str, focus: str | None, near: float = 0.15) -> list[Link]:
        toks = tokens(text)
        content = [t for t in toks if t not in STOPWORDS]
        # ("the instant one" names the Instant: "one" after a name is no pronoun; "this one" is; "that baseus 48 watt
        # car charger" names the Baseus)
        named_after = toks[:1] in (["that"], ["this"]) and len(content) > 2 \
            and self.link_product(" ".join(toks[1:]), strict=True) is not None
        if focus and not named_after and (not content or any(t in PRONOUNS and t != "one" for t in toks[:2])):
            return [Link("product", focus, focus, score=1.0)]
        if focus and self._brand_of_focus(text, focus):  # "which phone does the anker work with" of the Anker in focus
            return [Link("product", focus, focus, score=1.0)]
        if focus and toks[:1] in (["the"], ["that"], ["this"]) and len(content) == 1 \
                and self._that_kind(f"that {content[0]}", [], focus) == focus:
            return [Link("product", focus, focus, score=1.0)]  # "would the pad work with a pixel 8" of the pad in focus
        return self.link_products(text, near=near)

    def _fit_named(self, text: str, fitter: str, focus: str | None) -> bool:
        """Whether the other side of "<product>, works with <text>?" is a product it may fit: the one in focus ("is that
        made for it?"), or one of another kind whose title says every word of ``text`` ("a bambino plus bes500"; not
        "flat feet", "a marathon", "my car", "a french press")."""
        toks = tokens(text)
        if set(toks) <= PRONOUNS:
            return bool(focus)
        said = {t for t in toks if t not in STOPWORDS and t not in ("my", "our")}
        return any(self.category_of(link.key) != self.category_of(fitter) and said <= title_words(link.name)
                   for link in self.link_products(text, near=VARIANT_NEAR))  # ("the pur plus pitcher": not
        # the filter titled "… Compatible with PUR Plus Water Filter Pitcher")

    def _other_of_brand(self, text: str, focus: str) -> bool:
        """Whether ``text`` says a brand and a word that the title of the product in focus lacks, and names another
        product so ("the baseus wall one" of the Baseus pad in focus: the Baseus wall charger)."""
        toks = tuple(tokens(text))
        said = set(toks) - STOPWORDS - ONE_WORDS
        title = title_words(self.lexicon.titles.get(focus, ""))
        brand = next((toks[:n] for n in (2, 1) if toks[:n] in self.lexicon.brands), None)
        if brand is None or said <= title or not set(brand) <= title or self.values_only(" ".join(sorted(said - title))):
            return False  # ("the anker gray one": which of the brand's gray ones is not said)
        link = self.link_product(text, strict=True)  # (of the focus's kind: "the apple max one" after the AirPods Pro
        return link is not None and link.key != focus and self.category_of(link.key) == self.category_of(focus)  # is
        # no iPhone 15 Pro Max)

    def _brand_of_focus(self, text: str, focus: str) -> bool:
        """Whether ``text`` says only a brand that the title of the product in focus says ("the anker", "the blue bottle
        one")."""
        said = set(tokens(text)) - STOPWORDS - ONE_WORDS
        return bool(said) and self.brand_only(text) and said <= title_words(self.lexicon.titles.get(focus, ""))

    def _mention_text(self, low: str) -> str:
        """The words of the question that could name a product (attribute cue words removed)."""
        text = low
        for pattern, attrs in ATTRIBUTE_CUES:
            if "gender" not in attrs:  # ("the blundstone 550 women's": the women's listing, not a cue word)
                text = pattern.sub(" ", text)
        toks = tokens(text)
        for n in (4, 3, 2):  # graph attribute names of several words: "nokia g42 refresh rate"
            for i in range(len(toks) - n, -1, -1):
                if tuple(toks[i:i + n]) in self.lexicon.attributes:
                    del toks[i:i + n]
        return " ".join(toks)

    def _link_named(self, text: str, parse: Parse) -> Link | None:
        """The product a phrase names (strictly); the other listings it fits nearly as well go to
        ``parse.variants`` (listings of one model answer for each other). A brand said as a kind of its own names
        none ("sony products", "anything from sony": every Sony product, not the two listings whose titles say
        the fewest other words); "how much is the vitamix?" still names the Vitamix blender."""
        if _BRAND_AS_KIND.search(text) and self.brand_only(text):
            parse.variants = []
            return None
        kind_said = set(tokens(text)) - STOPWORDS - ONE_WORDS
        if parse.context and kind_said & self.lexicon.category_words \
                and kind_said <= title_words(self.lexicon.titles.get(parse.context, "")):
            # "how much is the car charger" after the Spigen 30 W car charger: that one, not another titled so
            return Link("product", parse.context, self.lexicon.titles.get(parse.context, parse.context), score=FULL_NAME)
        if self.brand_only(text):  # ("the ninja one": the brand's name)
            text = without_one_words(text)
        found = self.link_products(text, strict=True, near=VARIANT_NEAR)
        kind = self.category_of(parse.context) if parse.context and found and self._other_brand(text, parse.context) \
            else None  # (another brand than the focus's: of its kind; "the keurig" of Keurig filters: the machine)
        if kind is not None and (own := self._brand_of_kind(text, found[0], kind)) is not None:
            found = [own]  # "and the ninja one?" after the Instant air fryer: the brand's air fryer, not its blender
        # a near-tied title that lacks a word of the phrase the best one has is another model ("bose quietcomfort
        # ultra": not the QuietComfort Earbuds II); "hoka clifton 9" fits the men's and the women's listing alike
        said = set(tokens(text)) & set(tokens(found[0].name)) if found else set()
        parse.variants = [v for v in found[1:] if said <= set(tokens(v.name))][:MAX_VARIANTS]
        if not found and (cons := self.constraints(text)).brands and cons.categories and not cons.values \
                and (not self._brand_of_focus(text, parse.context) if parse.context else bool(cons.words)):
            only = self._brands_only_one(cons)  # "the sauder bookcase" after a BILLY: the one bookcase Sauder makes;
            # "cuisinart perfectemp coffee maker" (its filters say PerfecTemp too): Cuisinart's one coffee maker, so titled
            if only is not None and not parse.context and not set(cons.words) <= title_words(only.name):
                only = None
            if only is not None:  # (its other listings too: "vitamix blender" lists both E310s)
                parse.variants = self.model_listings(only.key, only.name)
            return only
        return found[0] if found else None

    def _brand_of_kind(self, brand: str, linked: Link, kind: str | None, beside: str = "") -> Link | None:
        """For a brand said alone: the brand's product titled so of the kind ``kind`` of the product it is said beside
        (titled ``beside``), the one whose title shares most with that one's ("the ninja" beside an air fryer: its air
        fryer, not its blender; "the smartish one" beside a Nord N30 case: Smartish's Nord N30 case); None where that is
        the product linked."""
        if kind is None:
            return None
        words = [t for t in tokens(brand) if t not in STOPWORDS and t not in ONE_WORDS]
        near = title_words(beside) - set(words)

        def shared(pid: str) -> int:
            return len(title_words(self.lexicon.titles.get(pid, "")) & near)
        # (the titles first, then the category of the best few: a store lookup each)
        titled = sorted(enumerate(self.lexicon.titled(words)), key=lambda x: (-shared(x[1]), x[0]))
        own = next((pid for _, pid in titled[:MAX_TITLED] if self.category_of(pid) == kind), None)
        if own is None or self.category_of(linked.key) == kind and shared(own) < shared(linked.key) + 2:
            return None  # (of the kind linked, another only where it shares a name with it, not a colour word)
        return Link("product", own, self.lexicon.titles.get(own, own), score=1.0)

    def link_product(self, text: str, *, strict: bool = False) -> Link | None:
        """The product a phrase names, or None."""
        found = self.link_products(text, strict=strict)
        return found[0] if found else None

    def link_products(self, text: str, *, strict: bool = False, k: int = 100, near: float = 0.15,
                      most: int = 5) -> list[Link]:
        """Products a phrase may name, best first: full-text candidates re-scored by title word coverage.

        Only candidates within ``near`` of the best are kept (ties that a caller may break with more
        knowledge, e.g. which of two 'Belkin chargers' fits the laptop). The score that decides whether
        the phrase names a product at all leaves out the kind penalty, which only orders candidates.
        """
        said = self._plus_signs([t for t in tokens(text) if t not in STOPWORDS])
        found = self._link_words(said, strict, k, near, most)
        # a model code said in one piece ("hd560s"), an amount said apart from its unit ("65 watt"): read as titles
        # write them, where that reads a name better
        other = self._split_codes(_joined_units(said, self.lexicon.postings.__contains__))
        if other != said and not found[1]:  # (a full name said as its title writes it keeps its link)
            alternative = self._link_words(other, strict, k, near, most)
            if alternative[0] > found[0]:
                return alternative[2]
        return found[2]

    def _link_words(self, words: list[str], strict: bool, k: int, near: float, most: int
                    ) -> tuple[float, bool, list[Link]]:
        """(the best link's order value, whether every word of its title was said, the links) of ``link_products``
        for the words said."""
        none: tuple[float, bool, list[Link]] = (-math.inf, False, [])
        if not words:
            return none
        if strict and len(set(words)) == 1 and (_english().get(words[0], 0) >= _EVERYDAY
                                                or words[0].isalpha() and words[0] in UNITS):
            return none  # "a good name for a cat": an everyday word alone names no "Black Cat" coffee ("how many watts"
            # no "10-watt" pad: a unit alone names nothing)
        hits = self.lexicon.title_search(self._query_words(words), k)
        if not hits:
            return none
        titles = self.lexicon.titles
        top = max(score for _, score in hits) or 1.0
        wanted = set(words)
        glued = {(a, b): a + b for a, b in zip(words, words[1:]) if a.isalpha() and (b.isalpha() or b.isdigit())}
        said_brands = self._brand_words(words)
        # the words said that may name a model: in some title, no kind, no colour (read once, not per candidate)
        rare_said = {w for w in wanted - set().union(*said_brands) if w.isalpha() and w in self.lexicon.title_df
                     and w not in self.lexicon.category_words and not self.values_only(w)}
        said_colours = [w for w in wanted if w in COLOUR_FAMILIES]
        # a model's number said after a word of its line ("iphone 11", "galaxy s21"; not "size 9" or "64 gb")
        numbered = {(a, _number_form(b)) for a, b, c in zip(words, words[1:], [*words[2:], ""])
                    if a in rare_said and a not in _SIZE_NAMES and any(ch.isdigit() for ch in b) and c not in UNITS
                    and not _AMOUNT_WORD.fullmatch(b)}
        scored: list[tuple[float, float, bool, Link]] = []  # (order, value, exact, link)
        for rank, (pid, score) in enumerate(hits):
            title = titles.get(pid)
            if not title or numbered and _other_number(numbered, title):
                continue  # ("iphone 11" names no "iPhone 14"; "galaxy s21" no "Galaxy S24")
            head, tail = title_parts(title)
            if not head & self.lexicon.category_words:  # 'ESR … Designed for Galaxy S24 Case': the kind comes last
                head = head | (tail & self.lexicon.category_words)
            for pair, joined in glued.items():  # "air fryer" said, "Airfryer" written
                if joined in head:
                    head = head | set(pair)
                elif joined in tail:
                    tail = tail | set(pair)
            for colour in said_colours:  # "galaxy s24 purple": the "Cobalt Violet" listing
                if head & COLOUR_FAMILIES[colour]:
                    head = head | {colour}
                elif tail & COLOUR_FAMILIES[colour]:
                    tail = tail | {colour}
            for part in (head, tail):  # "airpods pro 2", "2nd gen" said, "(2nd generation)" written; "earbuds 2", "II"
                part |= {_number_form(t) for t in part} | ({"gen"} if "generation" in part else set())
            amounts = _joined_amounts(title)  # "1kg" said, "1 kg" written
            head_said, tail_said = head | {a for a, n in amounts if n in head}, tail | {a for a, n in amounts if n in tail}
            matched = len(wanted & head_said) + 0.5 * len((wanted & tail_said) - head_said)
            covered = matched / len(wanted)
            precision = len(wanted & head_said) / max(1, len(head))
            value = covered + 0.2 * precision + 0.05 * score / top - 0.001 * rank
            exact = head | tail <= wanted  # every word of the title was said: the full name
            if exact:
                value += 0.3
            if (head | tail) & _MULTIPACK - wanted:  # a "(6-count)" or "(2 Pack)" of it is not the product said
                value -= 0.05
            # a title that names a kind of product the phrase does not ('Galaxy S24 Case' for 'Galaxy S24')
            kind = 0.3 if (head & self.lexicon.category_words) - wanted else 0.0
            # a brand said that the title lacks ('the ESR Galaxy S24 case' is not Speck's)
            if said_brands and not any(b <= head | tail for b in said_brands):
                kind += 0.3
            # a rare word said that the title lacks ('bose quiet comfort ultra' is not the QuietComfort Earbuds II,
            # although the Ultra's title names a kind, headphones, that the phrase does not)
            kind += 0.3 * len(rare_said - head_said - tail_said)
            # who it is for, said one way and titled the other ("mens gel kayano 30": not "Women's ASICS Gel-Kayano 30")
            if wanted & _GENDER_WORDS and (head | tail) & _GENDER_WORDS and not wanted & (head | tail) & _GENDER_WORDS:
                kind += 0.3
            scored.append((value - kind, value, exact, Link("product", pid, title, score=value)))
        if not scored:
            return none
        scored.sort(key=lambda t: -t[0])
        best_order, best_value, best_exact, _ = scored[0]
        if best_value < (0.75 if strict else 0.5) or (strict and not best_exact and self._generic(wanted)):
            return none
        return best_order, best_exact, [link for order, _, _, link in scored[:most] if order >= best_order - near]

    def _join_codes(self, low: str) -> str:
        """Two words said apart that titles write as one model code ("1080 v13": "1080v13"), where one of them is no
        title word on its own; else ``low`` as it is."""
        df = self.lexicon.title_df
        words = low.split(" ")
        for i in range(len(words) - 1, 0, -1):
            a, b = words[i - 1], words[i]
            if _CODE_PART.fullmatch(a) and _CODE_PART.fullmatch(b) and any(c.isdigit() for c in a + b) \
                    and df.get(a + b) and (not df.get(a) or not df.get(b)):
                words[i - 1:i + 1] = [a + b]
        return " ".join([*(self._whole_code(w, "") for w in words[:1]),
                         *(self._whole_code(w, before) for before, w in zip(words, words[1:]))])

    def _whole_code(self, word: str, before: str) -> str:
        """A model number said without its suffix that one title code extends, after a word of those titles ("new
        balance 1080": "1080v13"; not "laptops under 1000", no "WH-1000XM5"); else the word."""
        if len(word) >= 3 and word.isalnum() and not word.isdigit() and not word.isalpha() \
                and not self.lexicon.title_df.get(word) and not _AMOUNT_WORD.fullmatch(word):  # ("40w", "12gb": amounts)
            return self._code_ending(word)
        if not (len(word) >= 3 and word.isdigit() and before) or self.lexicon.title_df.get(word):
            return word
        if word not in self._codes:
            codes = {w for w in self.lexicon.title_df if w.startswith(word) and w[len(word):len(word) + 1].isalpha()}
            self._codes[word] = codes.pop() if len(codes) == 1 else word
        code = self._codes[word]  # (of one model: "sony 1000" is no WF- or WH-1000XM5, "i7 13700" no laptop)
        titled = self.lexicon.titled([code, before]) if code != word else []
        return code if titled and self.one_model(titled) else word

    def _brand_has_kind(self, brands: Sequence[Link], keys: Sequence[str]) -> bool:
        """Whether a title that says one of the brands is of one of the categories ``keys`` (of the first 50 so titled)."""
        return any(self.in_categories(pid, keys) for b in brands
                   for pid in self.lexicon.titled([t for t in tokens(b.name) if t not in STOPWORDS])[:50])

    def _counted_part(self, word: str) -> bool:
        """Whether titles write ``word`` after a number, as a count of its parts ("2-port", "5-shelf", "6 pack")."""
        return any((str(n), word) in self.lexicon.title_pairs for n in range(1, 100))

    def _code_ending(self, word: str) -> str:
        """The title code that a code said by its last letters and digits is the end of ("xm5": the "1000XM5" of
        "WH-1000XM5" and "WF-1000XM5"), when every title code so ending ends with that one; else the word."""
        if word not in self._code_ends:  # (only where the code turns from digits to letters or back: "1000|xm5", not
            # "5|12gb" or "1|40w")
            codes = sorted((w for w in self.lexicon.title_df if w.endswith(word) and len(w) > len(word)
                            and w[-len(word) - 1].isdigit() != word[0].isdigit()), key=len)
            self._code_ends[word] = codes[0] if codes and all(c.endswith(codes[0]) for c in codes) else word
        return self._code_ends[word]

    def _plus_signs(self, words: list[str]) -> list[str]:
        """Words with a model said with "plus" that titles write with its sign ("s24 plus": "S24+"), as titles write it."""
        df = self.lexicon.title_df
        out: list[str] = []
        for word in words:
            if word == "plus" and out and not out[-1].endswith("+") and df.get(out[-1] + "+"):
                out[-1] += "+"
            else:
                out.append(word)
        return out

    def _split_codes(self, words: list[str]) -> list[str]:
        """Words with a model code said in one piece that titles write in two split as they write it ("hd560s": "HD
        560S", "xps13": "XPS 13"), when no title writes it whole."""
        out: list[str] = []
        for word in words:
            m = _LETTERS_DIGITS.fullmatch(word)
            if m is not None and word not in self.lexicon.postings and (m.group(1), m.group(2)) in self.lexicon.title_pairs:
                out += [m.group(1), m.group(2)]
            else:
                out.append(word)
        return out

    def _other_brand(self, text: str, focus: str) -> bool:
        """Whether a phrase is only a brand that the product in focus's title does not say ("the coway" while the
        Levoit is in focus names the Coway; "the levoit" names the focus itself)."""
        if not self.brand_only(text):
            return False
        words = [t for t in tokens(text) if t not in STOPWORDS]
        return not set(words) <= set(tokens(self.lexicon.titles.get(focus, "")))

    def brand_only(self, text: str) -> bool:
        """Whether a phrase is a brand's name and nothing more ("dell", "the north face", "the ninja one")."""
        words = [t for t in tokens(text) if t not in STOPWORDS and t not in ONE_WORDS]
        return bool(words) and set(words) <= set().union(*self._brand_words(words))

    def _brand_words(self, words: Sequence[str]) -> list[frozenset[str]]:
        """The words of each brand name said in ``words`` ('esr', 'the north face')."""
        found = []
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) in self.lexicon.brands:
                    found.append(frozenset(words[i:i + n]))
        return found

    def _query_words(self, words: Sequence[str], most: int = 8) -> list[str]:
        """The rarest title words of a phrase, for the full-text query: a long name's common words
        ('black', 'gb', 'laptop') cost index time and say little about which product it is."""
        unique = list(dict.fromkeys(words))
        if len(unique) <= most:
            return unique
        df = self.lexicon.title_df
        known = sorted((w for w in unique if df.get(w)), key=lambda w: df[w])
        return (known or unique)[:most]

    def _kind_words(self, text: str) -> bool:
        """Whether a phrase is only words of categories and values ("whole bean", "ground coffee"), no name."""
        words = [t for t in tokens(text) if t not in STOPWORDS and t not in PRONOUNS]
        lex = self.lexicon
        return bool(words) and all(t in lex.category_words or t.isalpha() and t in lex.value_words and not any(
            "compatib" in e.attribute or "model" in e.attribute for e in lex.value_words[t]) for t in words)

    def _generic(self, words: set[str]) -> bool:
        """True for a description of a kind of product ('black leather boots from Timberland'), not a name:
        a category word is among the words and every word is a brand, category or value word."""
        lex = self.lexicon
        if not words & lex.category_words:
            return False
        vocab: set[str] = set()
        for table in (lex.brands, lex.categories, lex.values):
            for kt in table:
                if len(kt) <= 3 and set(kt) & words:
                    vocab.update(kt)
        return words <= vocab

    def _activity(self, doer: str) -> str:
        """What someone who does it does, as the catalog's titles say it ("runner": running, "hiker": hiking),
        else the word as said."""
        if singular(doer) in self.lexicon.category_words or self.lexicon.title_df.get(singular(doer), 0):
            return doer  # "for my charger", "for a printer": a thing the catalog names, no one who does something
        stem = doer.removesuffix("s")[:-2]
        for form in (stem + "ing", stem[:-1] + "ing" if len(stem) > 2 and stem[-1] == stem[-2] else "", stem + "e"):
            if form and (form in self.lexicon.category_words or self.lexicon.title_df.get(form, 0) >= _COMMON_TITLE_WORD):
                return form
        return doer

    def _doing(self, m: re.Match[str]) -> str:
        """"for someone who runs", "for my wife who hikes": what is done, as the titles say it ("running", "hiking"),
        else the words as said."""
        base = m.group("v").removesuffix("es") if m.group("v").endswith(("shes", "ches")) else m.group("v")[:-1]
        for form in (base + "ing", base + base[-1:] + "ing", base[:-1] + "ing" if base.endswith("e") else ""):
            if form and (form in self.lexicon.category_words or self.lexicon.title_df.get(form, 0)):
                return f" {form} "
        return m.group(0)

    def constraints(self, low: str) -> Constraints:
        """Price bounds, quantities, brands, categories and values in a piece of question text."""
        cons = Constraints()
        rest = _WHO_DOES.sub(self._doing, low)  # "a gift for someone who runs": running
        rest = _FOR_SOMEONE.sub(" ", rest)  # "for a big guy": who it is for, not what the product says
        rest = _AREA_PLACE.sub(r"\g<area>", rest)  # "a 300 sq ft bedroom": the area is what a product says
        rest = _LOVER.sub(lambda m: f" {m.group('x') or m.group('y')} ", rest)  # "a gift for a coffee lover": coffee
        rest = _DOER.sub(lambda m: f" {self._activity(m.group('x'))} ", rest)  # "a present for a runner": running
        rest = _VAGUE.sub(" ", rest)  # "a comfy chair", "gift ideas": no fact says comfy or gift
        # "under 150 in blue": "in" before a colour, size or gender is no inch
        rest = _NUMBER_IN.sub(lambda n: n.group(1) + " , " if self.values_only(n.group(2)) else n.group(0), rest)
        rest = _take_prices(rest, cons, money_talk=bool(_MONEY_TALK.search(low)))  # (before "gift" is dropped above)
        # "an amd ryzen chip": a processor's words; "chip" says which attribute, not a word a title must say
        rest = _NAMED_CHIP.sub(lambda m: m.group(1) if any(e.attribute == "processor" for e in self.lexicon.value_words.get(
            m.group(1), ())) else m.group(0), rest)
        for m in list(_NOT_BRAND.finditer(rest))[::-1]:  # "bookcase thats not from ikea", "any non-apple earbuds"
            said = tuple(tokens(m.group("x")))
            brand = next((said[:n] for n in (3, 2, 1) if said[:n] in self.lexicon.brands), None)
            if brand is not None:
                cons.not_brands.extend(self.lexicon.brands[brand])
                rest = rest[:m.start()] + " " + " ".join(said[len(brand):]) + " " + rest[m.end():]
        for m in list(self._bare_number.finditer(rest) if self._bare_number else ())[::-1]:
            number = float(m.group("n"))
            keys = sorted({e.key for a, entries in self.lexicon.numeric.items() if " ".join(key_tokens(a)) == m.group("attr")
                           for e in entries if e.unit is None and e.number == number})
            if keys:
                cons.values.append(ValueGroup(self.lexicon.numeric_name(m.group("attr")), keys, m.group(0)))
                rest = rest[:m.start()] + " " + rest[m.end():]
        measured = False
        for m in list(_QUANTITY.finditer(rest))[::-1]:
            group = self._quantity_group(m, rest)
            if group is not None:
                cons.values.append(group)
                rest = rest[:m.start()] + " " + rest[m.end():]
                measured = True
        self._link_lexicon(tokens(rest), cons)
        for said in _SIZE_SAID.findall(rest):  # "in size 9.5" where no listing has it as a fact: still a size
            # (titles may say it: "… US 9.5"), which no other word of the question is
            if not any(g.attribute == "size" and said in tokens(g.label) for g in cons.values):
                cons.values.append(ValueGroup("size", [], f"size {said}"))
                cons.words = [w for w in cons.words if w not in ("size", said)]
        if measured:  # "at least 2 m long", "can hold 300 lbs": the words of the measure filter nothing more, nor
            # are they a value of the attribute measured ("at least 30 inches wide" is no shoe's width "Wide")
            cons.words = [w for w in cons.words if w not in _MEASURE_WORDS]
            numeric = {g.attribute for g in cons.values if any(ch.isdigit() for ch in g.label)}
            cons.values = [g for g in cons.values if not (g.label in _MEASURE_WORDS and g.attribute in numeric)]
        for group in [g for g in cons.values if "compatible" in g.attribute] if cons.categories else ():
            # "dedica coffee makers": the machines titled Dedica, which are compatible with nothing, not coffee makers
            # compatible with a Dedica ("galaxy s24 cases" stays: the cases so titled are compatible with it)
            words = [t for t in tokens(group.label) if t not in STOPWORDS]
            read = [self.store.query(cr.QA_PRODUCT_FACTS, {"id": pid}) for pid in self.lexicon.titled(words)[:MAX_KIND_CHECKED]]
            kind = [rows for rows in read if self._path_in(_category_in(rows), cons.category_keys)]
            if words and kind and not any(r["attribute"] == group.attribute for rows in kind for r in rows):
                cons.values.remove(group)
                cons.words += [w for w in words if w not in cons.words]
        return cons

    def _add_tagged(self, cons: Constraints, spans: Sequence[tuple[str, str]]) -> None:
        """Value spans the tagger found that the lexicon pass did not link: linked now when the graph has them."""
        said = {g.label for g in cons.values}
        for attribute, text in spans:
            gram = key_tokens(text)
            label = " ".join(gram)
            if not gram or label in said or attribute == "brand":
                continue
            entries = [e for e in self.lexicon.values.get(gram, ()) if e.attribute == attribute] or \
                list(self.lexicon.values.get(gram, ()))
            if entries:
                cons.values.append(ValueGroup(entries[0].attribute, sorted({e.key for e in entries}), label))
                said.add(label)
                cons.words = [w for w in cons.words if w not in gram]

    def _distinctive(self, word: str) -> bool:
        """A word inside multi-word values of one or two attributes ('nubuck', 'cherry'): worth a value link."""
        if word in STOPWORDS or len(word) < 3 or word.isdigit() or word in self.lexicon.category_words:
            return False  # a category's word ("water" of Water Filtration) is the category's, not a value's
        entries = self.lexicon.value_words.get(word, ())
        return 0 < len({e.attribute for e in entries}) <= 2

    def _quantity_group(self, m: re.Match[str], text: str) -> ValueGroup | None:
        unit = UNITS.get(m.group("unit").lower())
        if unit is None:
            return None
        number = parse_number(m.group(2))
        family, amount = base_quantity(number, unit)
        cmp = (m.group("cmp") or "").strip()
        holds = bool(_HOLDS.search(text[:m.start()]))
        if not cmp and (family == "area" or holds):
            cmp = "at least"  # "for a 400 sq ft room", "can hold 300 lbs": at least that
        asked = self.asked_attributes(text)
        said_words = set(tokens(text))  # ("at least 32 gb ram": the RAM said, not the storage its cue stands for too)
        asked = [a for a in asked if set(tokens(a)) <= said_words and a in self.lexicon.numeric] or asked
        if asked and not any(fam == family for a, entries in self.lexicon.numeric.items()
                             if a in asked or any(x in a for x in asked)
                             for fam, _ in (base_quantity(e.number or 0.0, e.unit) for e in entries)):
            asked = []  # "usb-c cable at least 2 m": "usb-c" cues the connector, which has no length
        keys: list[str] = []
        attribute = measured = ""  # (the first attribute measured in that unit's family, met or not)
        for attr, entries in self.lexicon.numeric.items():
            if asked and attr not in asked and not any(a in attr for a in asked):
                continue
            for e in entries:
                fam, amt = base_quantity(e.number or 0.0, e.unit)
                bound = amount
                if fam != family and "capacity" in attr and {fam, family} == {"mass", "volume"} and "oz" in (unit, e.unit):
                    # a capacity in ounces holds fluid ounces: "72 ounces" meets "2 litres or more", "1.4 l" "under 64 oz"
                    fam, amt = base_quantity(e.number or 0.0, "fl oz" if e.unit == "oz" else e.unit)
                    fluid, bound = base_quantity(number, "fl oz" if unit == "oz" else unit)
                    if fam != fluid:
                        continue
                elif fam != family:
                    continue
                ok = _within_bound(cmp, amt, bound)
                if not measured or holds and attr.startswith("maximum") and not measured.startswith("maximum"):
                    measured = attr  # ("holds 500 kg", which none does: what a chair holds at most, not its weight)
                if ok:
                    keys.append(e.key)
                    attribute = attribute or attr
        label = f"{cmp} {number:g} {unit}".strip()
        if not keys and cmp and measured:  # "for 500 sq ft" where none covers that much: a bound none meets
            return ValueGroup(measured, [], label)
        if not keys:
            return None
        return ValueGroup(attribute, sorted(set(keys)), label)

    def _said_whole(self, word: str) -> bool:
        """Whether a word names only a half of compound kinds and titles say it, only whole: no title word shares its
        stem ("cable"; not "charger", which "Wireless Charging Pad" says otherwise; not "kitchen", which no title says;
        not "shoe", which names Shoes too)."""
        if word not in self._whole:
            stem, lex = word[:5], self.lexicon
            self._whole[word] = bool(lex.title_df.get(word)) \
                and all(len(category_halves(c.name)) > 1 for c in lex.categories.get((word,), [])) \
                and not any(w.startswith(stem) and singular(w) != word for w in lex.title_df)
        return self._whole[word]

    def _link_lexicon(self, toks: list[str], cons: Constraints) -> None:
        """Greedy longest n-gram match against categories, brands and values; fuzzy for what is left."""
        lex = self.lexicon
        used = [False] * len(toks)
        values: dict[str, ValueGroup] = {}
        spans: dict[str, tuple[int, int]] = {}  # a value phrase → where it is said
        kinds: dict[int, tuple[int, list[Link]]] = {}  # start → (end, categories) of the kinds said
        for n in range(min(Lexicon.MAX_NGRAM, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                if any(used[i:i + n]):
                    continue
                gram = tuple(toks[i:i + n])
                if n == 1 and gram[0] in STOPWORDS:
                    continue
                hit = False
                if gram in lex.categories:
                    kinds[i] = (i + n, lex.categories[gram])
                    hit = True
                elif gram in lex.brands:
                    cons.brands.extend(lex.brands[gram])
                    hit = True
                elif n == 2 and (glued := ("".join(gram),)) in lex.brands and gram[0].isalpha():
                    cons.brands.extend(lex.brands[glued])  # "zero water": ZeroWater
                    hit = True
                elif gram in lex.values or (n == 1 and self._distinctive(gram[0]) and not (
                        self.asked_attributes(gram[0]) and not any(
                            set(toks) - {gram[0]} & set(key_tokens(e.value)) for e in lex.value_words[gram[0]]))):
                    # (a word that asks an attribute, "power rating?", is no part of a model's name said alone:
                    # "moto g power" with "moto g")
                    # ("grey" is "gray" too: a colour spelt either way)
                    alike = tuple(_SPELT_ALIKE.get(t, t) for t in gram)
                    exact = [*lex.values.get(gram, []), *(lex.values.get(alike, []) if alike != gram else [])]
                    attributes = {e.attribute for e in exact} or {e.attribute for e in lex.value_words[gram[0]]}
                    # (a wider value that adds a line word names another model: "galaxy s24" is not "galaxy s24 ultra")
                    wider = [e for g in dict.fromkeys((gram, alike)) for e in lex.value_words.get(g[0], ())
                             if e.attribute in attributes and set(g) <= set(key_tokens(e.value))
                             and not (set(key_tokens(e.value)) - set(g)) & LINE_WORDS]
                    # ("noise cancelling": the value "Active Noise Cancellation" said as the shopper says it)
                    after = toks[i + n] if i + n < len(toks) and len(toks[i + n]) >= 5 \
                        and toks[i + n] not in lex.value_words else ""  # (a value word is a group of its own)
                    said_as = " ".join(gram) + (f" {after}" if after and any(
                        t[:5] == after[:5] and t not in gram for e in [*exact, *wider] for t in key_tokens(e.value)) else "")
                    for e in [*exact, *wider]:  # one group per phrase: its keys may span attributes
                        group = values.setdefault(" ".join(gram), ValueGroup(e.attribute, [], said_as))
                        spans.setdefault(" ".join(gram), (i, i + n))
                        if e.key not in group.keys:
                            group.keys.append(e.key)
                    hit = bool(exact or wider)  # ("breville bambino": no value, the Bambino Plus being another
                    # line, so a word of the titles)
                if hit:
                    used[i:i + n] = [True] * n
        for start, (end, links) in sorted(kinds.items()):
            if end in kinds:  # "phone cases": a kind right before another only says which ("cases", not phones too)
                continue
            cons.categories.extend(links)
        english = _english()
        for i, t in enumerate(toks):
            if used[i] or t in STOPWORDS or len(t) < 5 or t.isdigit():
                continue
            for names, table, target in ((lex.category_names, lex.categories, cons.categories),
                                         (lex.brand_names, lex.brands, cons.brands)):
                if names is lex.brand_names and (english.get(t, 0) >= EVERYDAY_WORD or lex.title_df.get(t)):
                    continue  # an everyday word or one titles say is what was meant, not a misspelt brand ("basic":
                    # not ASICS; "billy" bookcase: not illy)
                if names is lex.category_names and (i and (toks[i - 1], t) in self.speller.pairs
                                                     or (t, toks[i + 1] if i + 1 < len(toks) else "") in self.speller.pairs):
                    continue  # a name titles say with the word beside it is no misspelt kind ("hair bender": not a
                    # blender; "blnder", read as "bender", still is)
                kt = lex.fuzzy(names, t)
                if kt is not None:
                    target.extend(table[kt])
                    used[i] = True
                    break
        # "black or grey": two values of one attribute said either way are one group (either will do)
        starts = {span[0]: phrase for phrase, span in spans.items()}
        for phrase, (_, end) in sorted(spans.items(), key=lambda kv: -kv[1][0]):
            other = starts.get(end + 1) if end < len(toks) and toks[end] == "or" else None
            if other is not None and other in values and values[other].attribute == values[phrase].attribute:
                either = values.pop(other)
                group = values[phrase]
                group.keys += [k for k in either.keys if k not in group.keys]
                group.label = f"{group.label} or {either.label}"
        cons.values.extend(values.values())
        cons.words = [t for i, t in enumerate(toks) if not used[i] and t not in STOPWORDS
                      and t not in _OF_ANY_KIND  # "which hoka models do u have": its products
                      and t not in _MONEY_VERBS  # "want to spend less than $200": the price says it
                      and not (i == len(toks) - 1 and i and toks[i - 1] == "in" and t in UNITS)  # ("… in grams")
                      and not self.asked_attributes(t)  # "price", "colour": what is asked, not a filter
                      # a superlative no title says ("the thinnest"): an end of a measure, not a word to find
                      and not (_superlative_word(t) and not lex.title_df.get(t))]
        # brands/categories linked twice through different n-grams: keep one
        cons.brands = list({b.key: b for b in cons.brands}.values())
        cons.categories = list({c.key: c for c in cons.categories}.values())
        deep = [c for c in cons.categories if " > " in c.key]
        if deep and len(deep) < len(cons.categories):
            # "a chair for working from home": a department said beside a kind of another one is a word, not a kind
            cons.categories = [c for c in cons.categories
                               if " > " in c.key or any(d.key.startswith(c.key + " > ") for d in deep)]
        cons.category_keys = lex.descendants(c.key for c in cons.categories)
        if cons.categories and cons.words:  # "water filter pitcher": "water" is said by the path (Water Filtration)
            path = {w for c in cons.categories for w in tokens(c.key)}
            cons.words = [w for w in cons.words if w not in path and singular(w) not in path]
        # "cables" of Chargers & Cables: the titles that say it (not the chargers too)
        halves = {singular(p) for c in cons.categories if len(parts := category_halves(c.name.casefold())) > 1 for p in parts}
        said = {w for t in toks if (w := singular(t)) in halves}
        cons.words += [w for w in said if w not in cons.words and self._said_whole(w)] if len(said) == 1 else []
        # (both said: the category; "shoes" names Shoes, a category of its own, not a half of Clothing & Shoes)
