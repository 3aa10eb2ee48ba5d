"""Follow-up questions: a conversation remembers the product under discussion and the last list of products.

    chat = Conversation(engine)
    chat.ask("how much does the iPhone 13 weigh?")   # focus: the iPhone 13
    chat.ask("and what colour is it?")               # answered about the iPhone 13
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeGuard

from shopgraph.extraction.relations import LINE_WORDS
from shopgraph.kg.normalize import UNITS, category_keys, normalize_value, parse_number
from shopgraph.qa import compose
from shopgraph.qa.chinese import has_chinese, to_english
from shopgraph.qa.compose import short_title
from shopgraph.qa.engine import Answer, Engine
from shopgraph.qa.retrieve import Card, Fact, ProductHit, format_price
from shopgraph.qa.understand import (
    ANSWER_UNIT,
    COMPARATIVES,
    CURRENCY_SYMBOLS,
    DEFAULT_CURRENCY,
    FULL_NAME,
    MAX_VARIANTS,
    PLACE_WORDS,
    SAVES_MONEY,
    STOPWORDS,
    WHAT_ABOUT,
    Constraints,
    amounts_said,
    base_quantity,
    currency_of,
    pack_counts,
    said_in_title,
    said_word,
    saved_money,
    singular,
    title_parts,
    title_words,
    tokens,
    without_one_words,
)

# "how many pixel 7a listings do you have, and whats the cheapest": a count, then an end of what was counted (not "how many
# are there, and …" of a list, which the list answers)
_COUNT_THEN_EXTREME = re.compile(r"^(?P<a>how many\b(?! (?:are there|of (?:them|those|these)|is that|do you have|"
                                 r"you got|have you got)\b)[^,;?]+?)\s*(?:[,;?]\s*|\s)(?:and |&\s*)(?:so )?(?P<b>(?:whats?|what'?s|what is|"
                                 r"which(?: one)? is|which'?s) (?:the )?(?:cheapest|most expensive|priciest|lightest|"
                                 r"heaviest|dearest)\b.*)$", re.IGNORECASE)
# "spigen 140w charger - of the laptops it's listed for, which is the lightest": what fits, then the question of those
_OF_THE_FITTING = re.compile(r"^(?P<x>[^,;:–-]+?)\s*[,;:–-]\s*(?:and )?(?:out )?of the (?P<k>[a-z][\w &-]*?) (?:that )?"
                             r"(?:it'?s |its |it is |are |that are |they'?ve )?(?:listed|linked|marked) (?:for|with|to|as "
                             r"(?:compatible|fitting) with)(?: it)?\s*[,;:–-]?\s*(?P<q>\w.*)$", re.IGNORECASE)
# "cheapest pixel 7a plus the smartish case listed for it - total", "laptop plus that, total", "case + pad together", "total
# for a galaxy a15 plus the otterbox defender case": what the two products' prices come to
_TOTAL_AFTER = re.compile(r"(?:\s*[-–,:;?]\s*|\s+)(?:(?:so |and |ok )?(?:what'?s|whats|what is|what does|what would|how much "
                          r"(?:is|does|would|will)) (?:the |that |it |they |this |all (?:that|this) )?(?:all )?(?:total|come to|"
                          r"comes to|add up to|cost (?:together|altogether|in total|me)|be (?:together|altogether|in total)|"
                          r"(?:in (?:dollars|usd|euros|pounds) )?all in)|(?:the |a )?total(?: price| cost)?|all in|together|"
                          r"(?:what'?s|whats|what is) the dama?ge(?: all in| in total| altogether| together)?|"  # (slang)
                          r"altogether|combined|in total)(?:,? (?:the )?cheapest way(?: in (?:dollars|usd|euros|pounds))?|,? in "
                          r"(?:dollars|usd|euros|pounds))?[?.! ]*$", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"^(?:(?:so |and |ok )?(?:what'?s|whats|what is|what'?d be) )?(?:the )?total(?: price| cost)? (?:for|of) "
                           r"(?P<x>.+?)(?:,? (?:the )?(?P<r>cheapest way(?: in (?:dollars|usd|euros|pounds))?|in (?:dollars|usd|"
                           r"euros|pounds)))?[?.! ]*$", re.IGNORECASE)
_PLUS = re.compile(r"\s+plus(?=\s)|(?<=\s)\+\s*", re.IGNORECASE)  # (not the "+" of "galaxy s24+")
_AND_ONE = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)
_TWO_TOTAL = re.compile(r"^(?:(?:so |and |ok )?(?:what would|what do|what does|how much would|how much do) )?(?:the two|both|"
                        r"them both|both of them|those two|the pair|the two of them)(?: of them)?(?: come to| cost| be)?"
                        r"(?: together| altogether| in total| combined)?[?.! ]*$", re.IGNORECASE)
_FOR_IT = re.compile(r"\b(?:(?:that'?s |thats |which is |that is |that are )?(?:listed|made|designed|linked|sold|meant) )?"
                     r"for (?:it|that|this|the same (?:one|phone|laptop|machine))$", re.IGNORECASE)
_CURRENCY_WORD = re.compile(r"[$€£]|\b(?:dollars?|usd|bucks|euros?|eur|gbp|sterling)\b", re.IGNORECASE)
_EXTREME_SAID = re.compile(r"\b(?:cheapest|cheapst|dearest|priciest|most expensive|lightest|heaviest)\b", re.IGNORECASE)
_THAT_SAID = frozenset({"it", "that", "this", "that one", "this one", "that too", "the one"})
# a question that asks no sum although it says "together", "in total" or "plus": a count, a yes or no, another measure
_NOT_A_SUM = re.compile(r"^(?:(?:and|so|ok),? )?(?:how many|can|could|does|do|is|are|will|should|which)\b", re.IGNORECASE)
# "do they all have the same camera" after a list: what each of them has
_ALL_SAME = re.compile(r"^(?:and |so )?(?:do|are) (?:they|these|those|all of them)(?: all)?(?: have)? (?:the )?same "
                       r"(?P<x>[\w-]+(?: [\w-]+)?)[?.!]*$", re.IGNORECASE)
# "ooh", "hmm ok", "cool, …", "nice!": a reaction before the turn, not part of what it asks ("right", "great" and the
# like only with a mark after them: "great for running?" asks)
_REACTION = re.compile(r"^(?:(?:o+h+|a+h+|hm+|u+m+|uh+|ok(?:ay)?|kk?(?![ -]?cups?\b)|alright|all right|wow|sweet|thanks|thank you|thx|"
                       r"(?:cool|great|nice|perfect|awesome|right|interesting|got it|i see|gotcha|fair enough)(?=\s*[,.!;:–-])|"
                       # "thats a lot for coffee, how many bags is it": a remark before the question
                       r"(?:that'?s|that is|sounds|seems) [\w' ]{1,30}?(?=\s*[,.!;:–-]\s*(?:how|what|whats|what's|which|is|"
                       r"are|does|do|can|any)\b)(?!\s*[,.!;:–-]\s*(?:is|isn'?t|are|does|right)\s*(?:it|they|that|this)?\s*[?.!]*$))"
                       r"\b\s*[,.!;:–-]*\s*)+(?=\S)", re.IGNORECASE)
# "sorry, meant the inspiron 15 from dell", "no wait i meant the dell inspiron 15": the last question, of another product
_CORRECTION = re.compile(r"^(?:(?:sorry|oops|no|nope|wait|my bad|actually)[\s,.!]*)*(?:i )?meant (?P<x>.+?)[?.!]*$",
                         re.IGNORECASE)
# "does the sony one" after noise-cancelling headphones, "is the vitamix" after "is the ninja dishwasher safe": the last
# question, of the product named (what "what about the sony one" asks)
_ELLIPTIC = re.compile(r"^(?:and |so |ok,? |but )?(?:does|do|is|are|will|would|can) (?P<x>the (?:[\w'-]+ ){0,2}(?:ones?\b|"
                       r"[\w'-]+$))[?.!]*$", re.IGNORECASE)
# "which has better noise cancelling" of two compared: the two on the attribute whose value that is (the catalog ranks
# no such values; it says each one's)
_BETTER_VALUE = re.compile(r"^(?:and |so )?which (?:one |of them |of the two )?(?:has|is|offers|gives|does) (?:the )?"
                           r"(?:better|best|stronger|more|nicer) (?P<x>[\w -]+?)[?.!]*$", re.IGNORECASE)
_WHICH_WAY = re.compile(r"\b(?:less|more|fewer|lower|higher|least|most|better|worse)\b", re.IGNORECASE)  # ("uses less power")
# "and in euros?" after the average price of boots in dollars: that question again, in that currency
_IN_CURRENCY_AGAIN = re.compile(r"^(?:and |what about |how about |ok,? )?(?:in|priced in|for) (?P<c>usd|dollars?|eur|euros?|gbp|"
                                r"pounds?)[?.!]*$", re.IGNORECASE)
# "for women?", "with 32gb ram?", "in black?" after "the lightest running shoe": that question again, so narrowed
_NARROWED_AGAIN = re.compile(r"^(?:and |what about |how about |ok,? |only |just )?(?P<r>(?:for|in|with|under|below|from|by) "
                             r"(?P<x>[\w$€£.' -]+?))[?.!]*$", re.IGNORECASE)
_EXTREME_ASKED = re.compile(r"\b(?:cheapest|priciest|dearest|most|least|\w{3,}est)\b", re.IGNORECASE)
_CURRENCY_SAID = re.compile(r"\b(?:in |priced in )?(?:usd|dollars?|eur|euros?|gbp|pounds?)\b|[$€£]", re.IGNORECASE)
# "what about the listing in usd", "and the one priced in euros": the last question, of its model's listing so priced
_LISTING_PRICED = re.compile(r"^(?:and |what about |how about |ok,? )?(?:for )?the (?:listing|one|version|offer) "
                             r"(?:priced |sold )?in (?P<c>usd|dollars?|\$|eur|euros?|€|gbp|pounds?|£)[?.!]*$", re.IGNORECASE)
_BARE_COMPATIBLE = re.compile(r"^(?:and |so |ok,? )?(?P<x>[a-z][\w-]*) (?:compatible|compat)[?.!]*$", re.IGNORECASE)
_THE_ONE_IN_LIST = re.compile(r"\bthe (?P<w>[\w-]+) (?:in|from|on|of) (?:that|the|this|your) list\b", re.IGNORECASE)
# "beans or pre-ground?", "matte or glossy": which of two values the product in focus has
_BARE_EITHER = re.compile(r"^(?:and |so |ok,? )?(?P<a>[a-z][\w-]*(?: [\w-]+)?) or (?P<b>[a-z][\w-]*(?: [\w-]+)?)[?.!]*$",
                          re.IGNORECASE)
# "and the dollar one, how wide is it": the question, of its model's listing so priced
_PRICED_LISTING_THEN = re.compile(r"^(?:and |what about |how about |ok,? )?(?:for )?the (?P<c>usd|dollar|\$|eur|euro|€|gbp|pound|"
                                  r"£|sterling) (?:listing|one|version|offer)\s*(?:[,:;]|\s-)\s*(?P<q>\S.*)$", re.IGNORECASE)
# "same phone but in black?", "same thing but for women": the last question, of the variant said
_SAME_BUT = re.compile(r"^(?:(?:ok|and|so)[\s,]+)?(?:the )?same (?:\w+ )?but (?P<x>(?:in |for |with )?.+?)[?.!]*$", re.IGNORECASE)
# "ok back to the sony - what bluetooth version is the black pair": a product of the conversation, then the question
_BACK_TO = re.compile(r"^(?:(?:ok(?:ay)?|so|and|right)[\s,]+)?(?:going |go |getting )?back to (?:the )?(?P<x>[^,:]+?)"
                      r"\s*(?:[,:]|\s-\s)\s*(?P<q>.+)$", re.IGNORECASE)
# "any cheaper laptop with the same intel chip": the value the product in focus has
_THE_SAME = re.compile(r"\b(?:with|that has|having) the same (?P<a>[a-z][\w -]*?)(?: as (?:it|that|this)(?: one)?)?"
                       r"(?=[?.!,]|$| (?:under|below|over|for|in|and)\b)", re.IGNORECASE)
# "what about the flexispot e7, same?": the last question, of it (no question of its own after the name)
_SAME_ASKED = frozenset({"same", "the same", "same question", "same thing", "too", "as well"})
# "first one how much cost", "2nd one?": a place in the last list, said without "the"
_BARE_PLACE = re.compile(rf"^(?:{PLACE_WORDS}) (?:one|pair|option)\b", re.IGNORECASE)
# "and moto g power?" (no article): another product named after a question, as "what about the moto g power?"
_AND_NAME = re.compile(r"^and (?P<x>(?!(?:what|which|how|is|are|does|do|can|will|any|the|an?)\b).+?)[?.!]*$",
                       re.IGNORECASE)
# "what about for the black dedica": the product, after "for"
_FOR_THE = re.compile(r"^(?:for|with) (?=(?:the|an?|my) )", re.IGNORECASE)
# "whats it": asks which product, no attribute of it
_WHAT_IS_IT = re.compile(r"^(?:what|whats|what's|which)(?: is| one is)? it\s*\??$", re.IGNORECASE)
# "…, whats that cost": a question after a name
_THEN_ASKS = re.compile(r"[,;:–-] *(?:what|whats|what's|how|hows|how's|is|are|does|do|can|will|which)\b", re.IGNORECASE)
# "what about in white?", "… with a mic?", "… under $100?" narrow a list; they name no other product
_NARROWING = re.compile(r"(?:in|with|without|under|over|below|above|for|at|only|size|sizes?)\b", re.IGNORECASE)
_ONLY_PLACE = re.compile(rf"^(?:and |what about |how about |ok,? |okay,? )?(?:for |on |of |with )?the (?:{PLACE_WORDS})"
                         r"(?: (?!then\b)[a-z]+)?[?.!]*$",
                         re.IGNORECASE)
# "ok the white one then", "and the smartish one?": the last question, of the listing a word of its title picks
_ONLY_ONE = re.compile(r"^(?:and |what about |how about |ok,? |okay,? |vs\.? |versus |compared to )?(?:for )?the [\w-]+ one(?: then)?[?.!]*$",
                       re.IGNORECASE)
# "and battery?", "what about the weight": the same comparison on another attribute
_EACH = r"(?:,? (?:the )?same)? (?:on|for|of) (?:each|both)(?: of them| ones?| pairs?)?"  # ("heel drop, same on both?")
_AND_ATTRIBUTE = re.compile(r"^(?:(?:and |so )?how (?:do|does) (?:their|the|its) (?P<x6>[\w-]+(?: [\w-]+)?) compare|"
                            r"(?:and |so )?how (?:much|far) (?:apart|between them)(?: are they)?(?: on| in)? (?P<x8>price)(?:[ -]?wise)?|"
                            r"(?:and |so )?how do they compare (?:on|for|in) (?:the |their )?(?P<x7>[\w-]+(?: [\w-]+)?)|"
                            r"(?:and |what about |how about |ok,? |what'?s the |what is the |whats the |in terms of )"
                            rf"(?:the |their |in )?(?P<x>[\w -]+?)(?: difference|[ -]wise|{_EACH})?|"
                            r"(?:and )?(?P<x2>[\w-]+(?: [\w-]+)?)[ -]wise|"
                            r"(?:and )?(?:are |is )?(?:the |their )?(?P<x3>[\w-]+?)s? (?:the )?same(?: size)?|"
                            rf"(?:and )?(?:the |their )?(?P<x4>[\w-]+(?: [\w-]+)?){_EACH}|"
                            r"(?:and )?(?:(?:is it|are they|are both|do they(?: both)? have|do both(?: of them)? have) )?(?:the )?same (?P<x5>[\w-]+(?: [\w-]+)?))[?.!]*$",
                            re.IGNORECASE)  # "and battery?", "weight wise?", "screens the same size?", "heel drop on each?",
# "same weight limit?"
# "and with a pixel 8?", "what about for the iphone 13?" after "does it fit …?": the same question, another product
_RELISTS = ("bought", "out", "in", "similar")  # lists of what relates to one product, asked again of another
_FOR_ANOTHER = re.compile(r"^(?:and |what about |how about )?for ", re.IGNORECASE)  # "and for a galaxy s24?"
_AND_WITH = re.compile(r"^(?:and |what about |how about )?(?:(?:with|for|on) (?:the |my |a |an )?|(?<=and )my |"
                       r"(?<=about )my )(?P<x>.+?)[?.!]*$",
                       re.IGNORECASE)
# "what about the beats studio pro, how much is that": a product named, then what is asked of it
_ABOUT_THEN_ASK = re.compile(r"^(?:and |ok,? |okay,? )?(?:(?:what|how) about|i (?:have|own|got|bought|use)) "
                             r"(?:the |a |an |my )?(?P<x>[^,;]+)[,;] ?(?P<q>.+)$", re.IGNORECASE)
# "how much for 3" after a list of filter packs: the price of the listing of 3
_FOR_COUNT = re.compile(r"^(?:and |ok,? |so )?(?:how much|what'?s the price|price) (?:for|is|are|of) (?:the |a )?"
                        r"(?P<n>\d{1,2})(?: ?(?:pack|count|ct|pk|of them))?(?: one)?\s*[?!.]*$", re.IGNORECASE)
# "ok the cheaper bag of hair bender, what does it taste like": of the model's listings, the cheaper one
_PRICED_OF = re.compile(r"^(?:and |ok,? |okay,? |so )?the (?P<w>cheaper|cheapest|pricier|priciest|dearer|dearest|"
                        r"more expensive|most expensive) (?:(?:bag|pack|box|one|listing|version|pair) )?of (?:the )?"
                        r"(?P<x>[^,;]+)[,;] ?(?P<q>.+)$", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\b(?:for|with|fits?|fitting) $", re.IGNORECASE)  # "a case for the phone": what fits it
_THE_BRAND_ONE = re.compile(r"\bthe (?P<b>[a-z][\w-]*) one\b", re.IGNORECASE)
_THE_BRAND = re.compile(r"\bthe (?P<b>[a-z][\w-]*)(?= one\b|[?.!,]*$|\s+comes? in\b)",
                        re.IGNORECASE)  # "than the bose", "the bose one", "does the pixel come in"
# "the purifier", "the coffee maker", "how much is this car charger": a kind of product, said with "the" (or "this", "that",
# but not "for that phone", which is the one in focus, nor "is that whole bean", asked of it)
_THE_KIND = re.compile(r"\b(?:the|(?<!for )(?<!with )(?<!fit )(?<!fits )(?<!is )(?<!are )(?:this|that)) "
                       r"(?P<k>[a-z]+(?: [a-z]+)??)(?=[?.!,]*$|\s+(?:as well|too|also)[?.!]*$|\s+(?:cover|hold|take|weigh|cost|"
                       r"have|has|use|fit|work|come|"
                       r"last|measure|need|do|does|is|are)\b)", re.IGNORECASE)
_PICK_THEN_ASK = re.compile(r"^(?:and |ok,? |so )?(?:what about |how about )?the (?!(?:cheap|pric|light|heav|most|more|less)\w*\b)"
                            r"(?P<x>[\w-]+(?: (?!(?:ones?|pairs?|models?)\b)[\w-]+)?)(?: (?:ones?|pairs?|models?)[,;:]?|[,;:]) "
                            r"(?P<q>(?:what|whats|what's|how|hows|how's|which|is|are|do|does|can|will|who|where)\b.+)$",
                            re.IGNORECASE)
_AS_IT = tuple((re.compile(p, re.IGNORECASE), it) for p, it in (
    (r"\bare they\b", "is it"), (r"\bdo they\b", "does it"), (r"\bthey\b", "it"), (r"\bthem\b", "it"),
    (r"\btheir\b", "its")))
_EXTREME_THEN_ASK = re.compile(r"^(?:ok,? |and |so )?the (?P<w>cheapest|most expensive|priciest|lightest|heaviest|"
                               r"cheaper|more expensive|pricier|lighter|heavier)"
                               r"(?: (?:(?:one|ones|pair)(?: of (?:those|these|them))?|of (?:those|these|them|all|the two|the 2))"
                               r"\s*[,;:–-]?|\s*[,;:–-])\s*(?P<q>(?:what|whats|what's|how|hows|how's|which|is|are|do|does|can|will)\b.+|[^,;:–-]+\?)$",
                               re.IGNORECASE)
_EXTREME_INSIDE = re.compile(r"\bthe (?P<w>cheapest|most expensive|priciest|lightest|heaviest|cheaper|more expensive|"
                             r"pricier|lighter|heavier|shorter|shortest|longer|longest|bigger|biggest|smaller|smallest)(?: (?:(?:one|ones|pair)(?: of (?:those|these|them))?|"
                             r"of (?:those|these|them|the two|the 2))\b|(?= (?:have|has|come|comes|weigh|weighs|use|uses|run|runs|"
                             r"get|gets|last|lasts|hold|holds)\b))", re.IGNORECASE)  # ("how much ram does the cheapest have")
# "and the filter, how often do i change it" of an air purifier: the kind said first, then the question ("how often do
# i change the filter")
_KIND_THEN_ASK = re.compile(r"^(?:(?:ok |so )?and )?(?:the|its|it's|their) (?P<x>[a-z]+(?: [a-z]+)?)(?:[,;:]| -) ?"
                            r"(?P<q>(?:what|whats|what's|which|how|hows|does|do|is|are|can|will|when)\b.*)$", re.IGNORECASE)
_KIND_PRONOUN = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# "is there a water filter for that machine" after the one coffee maker bought with a coffee (or listed as similar, or
# included): that one ("machine" names no category)
_THAT_THING = re.compile(r"\b(?:that|this|the) (?:machine|device|thing|unit|gadget|appliance)\b", re.IGNORECASE)
_KINDS_ATTRIBUTE = re.compile(r"^(?:and |so |ok,? )?the (?P<k>[a-z]+)'?s (?P<a>[a-z]+(?: [a-z]+)?)[?.!]*$", re.IGNORECASE)
_ATTRIBUTE_OF_THE = re.compile(r"^(?:and |so |ok,? )?(?:the |its )?[a-z]+(?: [a-z]+)? (?:of|on|for) the [a-z]+[?.!]*$",
                               re.IGNORECASE)  # "and the price of the charger"
_FIRST_SAID = re.compile(r"\bthe (?P<n>first|second|other|last) one (?:i|we) (?:said|mentioned|named|asked about)\b",
                         re.IGNORECASE)
_ASKS_OF_ONE = re.compile(r"^(?:would|will|does|do|can|could|is|are)\s+(?:the|my|a|an|this|that)\s", re.IGNORECASE)
# "how much more is the 8.5 than the 7.5", "how much cheaper is the black one than the white": two listed (or two listings
# of the model in focus) named by a word of their titles, compared on price
_MORE_THAN_THE = re.compile(r"^(?:and |so |ok,? )?how much (?:more|less|cheaper|pricier|extra|dearer) (?:is|are) (?:the )?"
                            r"(?P<a>[\w./ -]+?)(?: ones?| pairs?| versions?| models?)? (?:than|vs\.?|over|compared to) "
                            r"(?:the )?(?P<b>[\w./ -]+?)(?: ones?| pairs?| versions?| models?)?[?.! ]*$", re.IGNORECASE)
# "i have a pixel 8", "i just bought the xps 15", "got a bambino plus": a product the shopper owns
_I_HAVE = re.compile(r"^(?:(?:so|ok|well|hi|hey),? )?(?:i (?:just )?(?:have|own|got|bought|use)|i'?ve got|got) (?:a |an |the |my )?\S",
                     re.IGNORECASE)
# "need a case", "looking for a charger under $30": a kind of accessory, after a product owned was said
_NEED_KIND = re.compile(r"^(?:(?:so|ok|and),? )?(?:i )?(?:need|want|looking for|i'?m looking for|get me|show me|any|got any)"
                        r" (?:a |an |some |any |new )?(?P<k>[a-z][a-z -]*?)(?P<rest>(?: under \$?\d+| for (?:it|that|this))?)[?.!]*$",
                        re.IGNORECASE)
_COMPARATIVE_WORD = re.compile(r"\w+er|more|less", re.IGNORECASE)  # ("is the case cheaper": no word asked of it)
# "lowest dollar price for it", "what's the best price on it": of its model's listings
_LOWEST_PRICE_FOR_IT = re.compile(r"^(?:and |so |ok,? )?(?:what'?s |whats |what is )?(?:the |your )?(?P<w>lowest|cheapest|best|"
                                  r"highest|dearest|top) (?:(?P<c>dollar|usd|euro|eur|pound|gbp) )?price (?:for|on|of) "
                                  r"(?:it|this|that|this one|that one)\s*[?.!]*$", re.IGNORECASE)
# "the cheaper listing, how much", "and the cheapest version - what colour": a listing of the model in focus by its price
# (also "price on the cheaper bambino listing": the model's word said before it)
_THE_CHEAPER_LISTING = re.compile(r"^(?:and |so |ok,? |what about |(?:the )?(?:price|cost) (?:on|of|for) )?(?:the )?"
                                  r"(?P<w>cheaper|cheapest|pricier|priciest|dearer|more expensive|most expensive) "
                                  r"(?:(?P<n>[\w-]+) )?(?:listing|version|one|option|variant)s?\b(?P<q>.*)$", re.IGNORECASE)
# "which one would you pick", "which should i get": a choice asked of us
_WHICH_PICK = re.compile(r"^(?:so |ok,? |and |then |hmm,? )?(?:which|what)(?: one| of (?:them|the two|these|those|both))? "
                         r"(?:would|should|do|did|will) (?:you|u|i) (?:pick|choose|get|buy|recommend|go with|go for|suggest)\b",
                         re.IGNORECASE)
_BOTH_OF_THEM = re.compile(r"\b(?:both|each) of (?:them|those|these|the two)\b|\b(?:them|those) both\b", re.IGNORECASE)
_THAT_WORD = re.compile(r"\b(?:that|this) (?P<w>[a-z]+)(?<!\bone)[?.!]*$", re.IGNORECASE)  # ("how dark is that roast")
_FIT_THE = re.compile(r"\b(?:fits?|for|go(?:es)? with|works? with) the [a-z]+(?: as well| too| also)?[?.!]*$", re.IGNORECASE)  # "filters that fit the machine"
_ASKS = re.compile(r"^(?:\w+ )?(?:what|whats|what's|how|hows|how's|is|does|do|can|will|would)\b", re.IGNORECASE)
# "<name>, the $750 one - <question>": a listing of the model named, by its price
_NAME_THEN_PRICED = re.compile(r"^[^,;]+?,\s*the [$€£]?\s?\d[\d,.]*(?: ?(?:dollars?|bucks|euros?|pounds?))? "
                               r"(?:one|listing|version)\s*[,;:-]\s*\S", re.IGNORECASE)
# "got the hp elitebook 840 g10 that was 1402.95 - which chargers …": the name's listing at that price, asked the rest
_NAME_THAT_WAS = re.compile(r"^(?:(?:i |we )?(?:got|have|bought|own|ordered|had)\s+)?(?P<x>[^,;]+?),? (?:that|which|the one "
                            r"that) (?:was|is|cost|costs|went for|goes for)\s*(?:about |around )?(?P<p>[$€£]?\s?\d[\d,]*"
                            r"(?:\.\d+)?)(?P<u> ?(?:dollars?|bucks|euros?|pounds?))?\s*[,;:–-]\s*(?P<q>\w.*)$", re.IGNORECASE)
# "the 500 dollar one", "the $284 one": a listed product by its price
_PRICED_ONE = re.compile(r"\bthe (?:[$€£]\s?(?P<a>\d[\d,]*(?:\.\d+)?)|(?P<b>\d[\d,]*(?:\.\d+)?) ?(?:dollars?|bucks|euros?|"
                         r"pounds?|usd|eur|gbp)|(?P<e>\d+\.\d\d)) (?:one|ones|pair|model|version|listing)\b|"
                         # "the one thats about 500", "the one for $284": a price after it
                         r"\bthe (?:one|pair|model|listing) (?:that'?s|thats|that is|which is|for|at|costing|priced at) "
                         r"(?:about |around |roughly |~)?(?:[$€£]\s?(?P<c>\d[\d,]*(?:\.\d+)?)|"
                         r"(?P<d>\d[\d,]*(?:\.\d+)?)(?: ?(?:dollars?|bucks|euros?|pounds?|usd|eur|gbp))?)(?![\w.])",
                         re.IGNORECASE)
_MOST_OF = {"cheaper": "cheapest", "more expensive": "most expensive", "pricier": "priciest", "lighter": "lightest",
            "heavier": "heaviest", "shorter": "shortest", "longer": "longest", "bigger": "biggest", "smaller": "smallest"}
_OTHER_COLOURS = re.compile(r"\b(?:in )?(?:a |any )?(?:different|another|other) colou?rs?\b", re.IGNORECASE)
_PRICE_IN = re.compile(r"^(?:and |so |ok,? )?(?:how much|what(?:'s| is| does) (?:the price|it cost)|whats the price|price)"
                       r"(?:(?: is it| are they| does it cost| do they cost)? in (?P<v>size \d+(?:\.\d+)?|[a-z]+(?: [a-z]+)?)|"
                       # "how much for size 10", "how much is the size 5", "price for a size 9"
                       r"(?: is it| are they| is)?(?: for| in)?(?: the| a)? (?P<v2>size \d+(?:\.\d+)?)(?: one| pair)?)"
                       r"[?.!]*$", re.IGNORECASE)
_ABOUT_SOMETHING = re.compile(r"^(?:and |ok,? |so )?(?:what|how) about (?P<x>(?:something|anything|a gift|gifts?) "
                              r"(?:for|to)\b.+?)[?.!]*$", re.IGNORECASE)
# "can i get it with more" (of what was just asked, not its price), "could i have one with more storage": more of it
_WITH_MORE = re.compile(r"^(?:and |so |ok,? )?(?:can|could) (?:i|you|we) (?:get|have|buy|order) (?:it|one|that|this|that one|"
                        r"this one) with more(?: (?P<a>[a-z][\w ]*?))?[?.!]*$", re.IGNORECASE)
# "got the same boot for men?", "same one in black?": the model in focus in that variant
_SAME_FOR = re.compile(r"^(?:and |so |ok,? )?(?:(?:got|do you have|have you got|is there|you got|any|do they (?:make|do)) )?"
                       r"(?:the |a )?same (?P<n>[a-z]+) (?:for|in) (?P<v>[\w' ]+?)[?.!]*$",
                       re.IGNORECASE)
_IT_THEN = re.compile(r"^it\s*[,;:–-]\s*(?=\S)")  # "it, what phone does it fit?": the question after it
_SAME_ONE = frozenset({"one", "ones", "thing", "model", "pair", "version"})  # "the same <one> for men"
# "something for flat feet", "anything good for marathons" after a search of a kind: of that kind, for that
_SOMETHING_FOR = re.compile(r"^(?:and |ok,? |so |maybe |hmm,? )?(?:something|anything|any|one|ones|some)"
                            r"(?: (?:good|nice|better|decent))? (?:for|to use for|that works for) (?P<p>[^?.!]+?)[?.!]*$",
                            re.IGNORECASE)
_SAYS_PRICE = re.compile(r"[$€£]\s*\d|\b(?:under|below|over|above|between|less than|more than)\s+\d", re.IGNORECASE)
_KIND_TOO = re.compile(r"^(?:and|also|plus) (?:a |an |some |any )?(?P<k>[a-z][a-z -]*?)(?: too| as well| also)?[?.!]*$",
                       re.IGNORECASE)
_IS_THERE_A = re.compile(r"^(?:is there|do you have|have you got|you got|got) (?:a|an|any) ", re.IGNORECASE)
_IS_THERE_ONE = re.compile(_IS_THERE_A.pattern + r"(?P<x>(?![\w .-]*\b(?:on|of|for|with) the\b)[\w .-]+?) (?:one|version|model)"
                           r"[?.!]*$", re.IGNORECASE)  # (not "is there a warranty on the natural one": of that listing)
_THEY_OF_ONE = re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE)
_DO_THEY = re.compile(r"^(?:so |and )?(?:do|are|can|will|would|did) (?:they|these|those|these ones|those ones)\b"
                      r"(?!.*\b(?:all|same|each|both|differ\w*)\b)", re.IGNORECASE)  # ("do they all cost the same": each)
# "what colour does the womens come in" of a model in focus: the women's listing ("the womens one")
_THE_GENDER = re.compile(r"\bthe ((?:wo)?men'?s)(?= (?:come|comes|cost|costs|have|has|weigh|weighs|look|fit|fits|run|"
                         r"runs|do|does|is|are)\b|[?.!]*$)", re.IGNORECASE)
_WHICH_FITS = re.compile(r"^(?:and |so |ok,? )?(?:which|what) (?!(?:phones?|laptops?|devices?|models?|machines?|is|are)\b)"
                         r"[\w -]+? "
                         r"(?:works?|fits?|goes|go|is compatible|are compatible)\b", re.IGNORECASE)
# "laptops like the rog zephyrus g14", "usb-c cable that works with a oneplus nord n30" (one found): "it" next is the one
# found, the kind asked for
_KIND_LIKE = re.compile(r"^(?:and |so |ok,? )?(?:(?:any|got any|are there any|is there an?|do you have any|show me)\s+)?"
                        r"(?!(?:what|which|does|do|is|are|will|can|would|how|it)\b)[\w -]+? (?:like|similar to|comparable to|"
                        r"(?:that|which) (?:works?|fits?))\b", re.IGNORECASE)
_OF_IT = re.compile(r"\b(?:does|do|will|would|can)\b", re.IGNORECASE)  # ("which phone does the case fit": the case's)
_OF_ONE = re.compile(r"\b(?:it|its|that|this)\b", re.IGNORECASE)  # (of one thing: "how much is that")
# "its about 300 sq ft", "the room is 25 m2": the size of the room a product is for, said after a list
_ROOM_IS = re.compile(r"^(?:(?:and|well|so|ok|oh),? )?(?:it'?s|it is|the room(?: is|'s)|my (?:[\w-]+ )?room(?: is|'s)|"
                      r"(?:the |my )?(?:space|area|office|bedroom|apartment|flat|studio)(?: is|'s)) (?:about |around |roughly |"
                      r"approx\.? |approximately |like |maybe |only |just |over |under )?(?P<m>[\w.,² ]+?)(?: or so|ish)?[.!]*$",
                      re.IGNORECASE)  # (the amount read by the graph's units: one area, nothing after it)
_THAT_ONE = re.compile(r"\b(?:that|this) one\b", re.IGNORECASE)  # ("whats that one cost" of the one listed)
_THEN_ATTRIBUTE = re.compile(r"(?:,| -) (?!.*\bsame\b)(?P<a>[^,]+?)[?.!]*$", re.IGNORECASE)  # ", battery size?"
# "and for charging it in the car?": something to charge it there
_FOR_DOING_IT = re.compile(r"^(?:(?:and|so|ok|okay),? )?(?:(?:what|how) about )?(?:(?:something|anything) )?for "
                           r"(?P<v>charging|powering) (?=(?:it|them|this|that)\b)", re.IGNORECASE)
_VERB_BASE = {"charging": "charge", "powering": "power"}
_ON_THE_LIST = re.compile(r"\b(?:on|in|from) (?:that|the|this|your) list\b", re.IGNORECASE)
_THE_WORD_BEFORE = re.compile(r"\bthe (?P<w>[\w-]+) $", re.IGNORECASE)  # "the oneplus " (on that list)
_THEY_OR_THOSE = re.compile(r"\b(?:they|them|their|those|these)\b", re.IGNORECASE)
_OF_THE_LIST = re.compile(r"\bwhich\b|\b(?:of|among|between) (?:them|those|these)\b|\bany of\b|\ball of\b|\bboth\b",
                          re.IGNORECASE)
# "by how much?" right after a comparison: that comparison again, which says the difference of two prices
_BY_HOW_MUCH = re.compile(r"^(?:and |so )?(?:by how much|how much (?:more|less|cheaper|dearer))(?: is (?:it|that))?"
                          r"\s*[?!.]*$")
# "how far apart is that then" right after a range of prices: that range again, which says how far apart
_HOW_FAR_APART = re.compile(r"^(?:and |so |ok,? )?how (?:far|much) apart (?:is|are) (?:that|they|those|these|them|the two|it)"
                            r"(?: then| again)?\s*[?!.]*$")
# ("price difference", "whats the difference in price", "how much more is the coway": on price)
_GAP = re.compile(r"^(?:and |so )?(?:(?:what'?s|whats|what is|how big is) )?(?:the )?"
                  r"(?:(?P<a>\w+(?: \w+)?) (?:gap|difference)|(?:gap|difference) in (?P<b>\w+(?: \w+)?))"
                  r"(?: between (?:them|the two|those|these|the 2|the pair(?: of them)?|both(?: of them)?))?"
                  r"(?: in (?:inches|cm|mm|grams|g|kg|pounds|lbs?|ounces|oz|hours|watts|mah|dollars|usd|euros))?\s*[?!.]*$|"
                  r"^(?:and |so )?how much (?:more|less|cheaper|dearer|more expensive) (?:is|does) "
                  r"(?:it|that(?: one)?|the (?P<n>[\w' -]+?))(?: cost)?\s*[?!.]*$")
# "whats the gap between those 256 ones": the price gap of the two listed
_GAP_BETWEEN_THOSE = re.compile(r"^(?:and |so )?(?:(?:what'?s|whats|what is|how big is) )?(?:the )?(?:gap|difference|diff) "
                                r"between (?:them|those|these|the two|the 2)(?: [\w-]+)?(?: ones| two)?\s*[?!.]*$")
_HOW_MUCH_IS_ONE = re.compile(r"^(?:and |so |ok,? )?how much (?P<w>cheaper|less|more|dearer|pricier|more expensive) is "
                              r"(?:the (?P<x>[\w/ -]+?) (?:one|version|listing)|it|this one|that one)[?.!]*$", re.IGNORECASE)
_DEARER_HOW_MUCH = re.compile(r"(?:^|[?.!,]\s*)(?:and |so )?how much (?:more|extra) (?:is|does) the (?:dearer|pricier|more expensive) "
                              r"(?:one|listing|version)(?: cost)?[?.!]*$", re.IGNORECASE)
# "capacity on that" after the one product a list of what fits (or is similar) named: of that product
_ON_THAT = re.compile(r"\b(?:on|of|for|about|is|does) (?P<t>that(?: one)?)(?=[?.! ]*$)|^(?P<t2>that(?: one)?)(?=[?,]?\s+\w)",
                      re.IGNORECASE)
# "mean price of the two sony listings?", "and the dearest of the airpods pro listings?": of those listed that its words name
_END_OF_THE_SAID = re.compile(r"^(?:(?:and|so|ok),? )?(?:what'?s |whats |what is )?(?:the )?(?P<h>mean|average|avg|cheapest|"
                              r"dearest|priciest|most expensive|lowest priced|highest priced)(?: price)? of the (?:(?:2|two|"
                              r"both|all|three|3) )?(?P<w>[\w -]+?) (?:listings|ones|versions)[?.! ]*$", re.IGNORECASE)
# "which of the six": of the list of six this conversation named
_OF_THE_COUNT = re.compile(r"\b(?:of|among|out of) (?:the|those|these|all) (?P<n>three|four|five|six|seven|eight|nine|ten|"
                           r"[3-9]|1\d)\b(?! (?:pack|count|ounces|oz))", re.IGNORECASE)
_COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "and the 2 hp listings in there, whats the price difference": of the listed, those two, asked the rest
_THE_TWO_SAID = re.compile(r"^(?:(?:and|so|ok),? )?(?:the |those )?(?:2|two|both) (?P<w>[\w-]+(?: [\w-]+)?) (?:listings|ones|"
                           r"models|versions)(?: (?:in there|in (?:that|the) list|listed|there))?\s*[,;:-]?\s*(?P<q>\w.*)$",
                           re.IGNORECASE)
# "how many more square feet would the coway mighty do": the one in focus against that one, on what is counted
_HOW_MANY_MORE_THE = re.compile(r"^(?:(?:and|so|ok),? )?how (?:many|much) (?:more|fewer|less|extra) (?P<a>[a-z][\w ]*?) "
                                r"(?:would|does|will|can|could|do|did) (?:the|that) (?P<x>[\w' .+-]+?) (?:do|cover|hold|get|"
                                r"have|give|last|take|manage|handle|run)[?.! ]*$", re.IGNORECASE)
# "do they have a clear one for the same phone" of a case: a case so that fits the phone the case in focus fits
_ONE_FOR_THE_SAME = re.compile(r"^(?:(?:and|so|ok),? )?(?:do (?:they|you|u) (?:have|sell|do)|have you got|got|is there|are "
                               r"there|any) (?:an? |any )?(?P<v>[\w -]+?) (?:one|ones|version) for the same (?:phone|laptop|"
                               r"machine|model|device|pitcher|purifier|one)[?.! ]*$", re.IGNORECASE)
# "compare it with the coway one" after a list, one of it in focus: the two compared
_COMPARE_WITH_ONE = re.compile(r"^(?:(?:and|so|ok),? )?(?:compare|check) (?:it|this|that)(?: one)? (?:with|to|against|and) "
                               r"the (?P<w>[\w-]+) (?:one|pair|model|listing)[?.! ]*$", re.IGNORECASE)
# "is there another listing of it? how much more", "how much is it, are there two listings": the model's listings, by price
_OTHER_LISTING = re.compile(r"^(?:(?:and|so|ok|also),? )?(?:(?:how much is it|price)\s*[,;?]\s*)?(?:is there|are there|any|got)"
                            r" (?:an(?:y)? ?other|another|more than one|two|2|several|multiple|other) (?:listings?|versions?)"
                            r"(?: of (?:it|this|that)(?: one| same \w+)?)?(?:\s*[,;?]\s*(?:and )?(?:how much (?:more|less|"
                            r"cheaper|extra)|what does it cost|what price|for how much))?[?.! ]*$", re.IGNORECASE)
_HOW_MUCH_THAN_ONE = re.compile(r"^(?:and |so |ok,? )?how much (?P<w>more|extra|less|cheaper)(?: expensive| money)?"
                                r"(?: is (?:it|this|that)(?: one)?| does (?:it|this|that) cost)? than (?P<b>(?:the|that) "
                                r"[\w/. -]+? (?:one|version|pair|listing|model))[?.! ]*$", re.IGNORECASE)
_EXTREME_LISTING = re.compile(r"\b(the (?:cheaper|cheapest|pricier|priciest|dearer|dearest|more expensive|most expensive|"
                              r"lighter|lightest|heavier|heaviest)) (?:listing|version)\b(?! of\b)", re.IGNORECASE)
_LESS_PRICEY = re.compile(r"\bless (?:pricey|expensive|costly|dear)\b", re.IGNORECASE)
_WINNER = re.compile(r"\b(?:the|that) (?P<w>cheaper|cheapest|lighter|lightest|heavier|heaviest|bigger|biggest|smaller|"
                     r"smallest|pricier|priciest|shorter|shortest|longer|longest)(?: one)?\b", re.IGNORECASE)
# "i'd want double that storage", "something with twice the battery": the kind in focus with that much more (less)
_TIMES = {"double": 2.0, "twice": 2.0, "2x": 2.0, "triple": 3.0, "half": 0.5}
_TIMES_THAT = re.compile(r"\b(?P<t>double|twice|2x|triple|half) (?:that|the|its|this|the same)\s*(?P<a>[a-z]+(?: [a-z]+)?)"
                         r"(?=[,.?!]|$| under| for| below| in)", re.IGNORECASE)
_THE_OTHER = re.compile(r"\bthe other (?:one|listing|version)\b", re.IGNORECASE)
_ONLY_ASKS_AGAIN = re.compile(r"(?:and|so|ok|okay|what about|how about|and what about|and how about|and for)?")  # "and the other one"
# "the cheap one", "that pricey listing": of those listed, by price
# (the comparatives are the last answer's winner: _WINNER)
_CHEAP_ONE = re.compile(r"\b(?:the|that) (?P<w>cheap|pricey|expensive|dear) (?:one|listing|version|pair)\b", re.IGNORECASE)
# the words an answer says a measure with, by the first letters of the shopper's comparative
_SAME_MEASURE = {"chea": ("cheaper", "cheapest"), "pric": ("pricier", "priciest", "more expensive", "most expensive"),
                 "ligh": ("lighter", "lightest"), "heav": ("heavier", "heaviest"), "bigg": ("bigger", "biggest"),
                 "smal": ("smaller", "smallest"), "shor": ("shorter", "shortest"), "long": ("longer", "longest")}
# "of the two laptops", "of those phones": of the products just listed, by their kind
_OF_THE_LISTED_KIND = re.compile(r"\b(?P<of>of (?:the two|those two|these two|the 2|those|these)) (?P<k>[a-z]+s)\b",
                                 re.IGNORECASE)
# "which one has more storage?" after a question about each of two products: of those two
_WHICH_OF_TWO = re.compile(r"^(?:so |ok,? |and |then )?which(?: one| of (?:them|the two|these|those|both)|'?s)?\b",
                           re.IGNORECASE)
_COMPARE_TWO = re.compile(r"^(?:ok,? |now |so |and )?(?:compare (?:them|those|these|both)(?: two)?|how do (?:they|those|"
                          r"these|the two|both) compare)\b", re.IGNORECASE)
# "… works with it too?", "does the other one also fit it": "it" is what the last fit asked of was
_FITS_IT_TOO = re.compile(r"\b(?:fits?|works? with|goes with) it (?:too|as well|also)\b|\balso (?:fits?|works? with) it\b",
                          re.IGNORECASE)
_IT = re.compile(r"\b(?:it|this one|that one|this|that)\b", re.IGNORECASE)
_THE_TWO = re.compile(r"\b(?:the two|both(?: of them)?|these two|those two)\b", re.IGNORECASE)
_IT_THAN = re.compile(r"^(?:and |so |ok,? )?(?:is|does) (?:it|this|that|this one|that one)"
                      r"(?: \w+){1,2} than\b", re.IGNORECASE)
# "is the acer swift go 14 any lighter" with another laptop in focus: lighter than it
_NAMED_COMPARED = re.compile(r"^(?:and |so |ok,? )?(?:is|are) (?P<x>.+?) (?:any |a bit |much |even |at all )?"
                             r"(?P<c>\w+er|more \w+|less \w+)(?: at all)?[?.! ]*$", re.IGNORECASE)
# "vs the instant vortex plus?", "compare with the pixel 8 pro": the product in focus against that one
_VERSUS = re.compile(r"^(?:and |or |so |ok,? )?(?:vs\.?|versus|compared? (?:to|with)|against|how about vs\.?) (?:the )?"
                     r"(?P<x>.+?)(?P<q>\s*(?:[,:;]|\s-)\s*(?:which|whose)\b.*)?[?.! ]*$", re.IGNORECASE)
_BARE_COMPARATIVES = frozenset({"bigger", "smaller", "larger", "better", "worse", "more", "less"})  # (of what: asked before)
# "whats the price and weight of the sony wh-1000xm5", "colour and price?": two attributes asked of one product
_TWO_ASKED = re.compile(r"^(?P<pre>(?:so |and |ok,? )?(?:(?:what'?s|whats|what is|what are|tell me) )?(?:the |its |their )?)"
                        r"(?P<a>[a-z]+(?: [a-z]+)?) (?:and|&) (?:the |its )?(?P<b>[a-z]+(?: [a-z]+)?)"
                        r"(?P<post> (?:of|for|on) .+?)?[?.! ]*$")
# "the lavender esr one - cost and drop rating", "ok the womens pair then, colour and price?"
_NAME_THEN_TWO = re.compile(r"^(?P<x>.+?)\s*(?:[,:;]|\s-)\s*(?:(?:what'?s|whats|what is|what are) )?(?:the |its )?"
                            r"(?P<a>[a-z]+(?: [a-z]+)?) (?:and|&) (?:the |its )?(?P<b>[a-z]+(?: [a-z]+)?)[?.! ]*$")
# "so the honeywell covers more?": of the product just named, against the one before it
_NAMED_DOES = re.compile(r"^(?:and |so |ok,? )?(?!(?:which|what|who|how|does|do|is|are)\b)(?:the )?(?P<x>.+?) "
                         r"(?P<c>(?:covers|holds|weighs|costs) (?:more|less)|lasts longer)(?: then)?[?.! ]*$", re.IGNORECASE)
# "does either come in green", "are both waterproof" right after two products compared: the question of each
_EITHER_OF_TWO = re.compile(r"^(?:and |so |ok,? )?(?P<v>does|do|is|are|can|will) (?:either|both|each|they both)"
                            r"(?: of them| one)? (?P<q>.+?)[?.!]*$", re.IGNORECASE)
_AS_ONE = {"do": "does", "are": "is"}
# "price of each?", "how much is each one" after a list: the listed products with their prices
_PRICE_OF_EACH = re.compile(r"^(?:and |so |ok,? )?(?:(?:the )?prices? (?:of|for|on) (?:each|both|all)(?: of them| one)?|"
                            r"how much (?:is|are|does|do) (?:each|both|all)(?: of them| one)?(?: cost)?|"
                            r"what(?:'s| is| does) each(?: one)? cost)[?.!]*$", re.IGNORECASE)
# "is the onyx black one cheaper", "cheaper in obsidian?": the listing in focus against its model's listing so
_VARIANT_THAN = re.compile(r"^(?:and |so |ok,? |hmm,? )?(?:(?:is|are) (?:the|that) (?P<v>[\w/ -]+?) (?:ones?|version|"
                           r"model|listing|pair|colou?r) (?:any )?(?P<c>cheaper|more expensive|pricier|dearer|more|less|"
                           r"lighter|heavier)|(?:is it |would it be |any )?(?P<c2>cheaper|more expensive|pricier|lighter|"
                           r"heavier) in (?:the )?(?P<v2>[\w/ -]+?)|(?:(?:is|are) (?:it|this|that|this one|that one|they|"
                           r"those) )?(?P<c3>cheaper|more expensive|pricier|dearer|less|more|lighter|heavier) than (?:the|that) "
                           r"(?P<v3>[\w/ -]+?) (?:ones?|version|model|listing|pair|colou?r))"
                           r"(?: than (?:it|this|that|this one|that one))?[?.! ]*$", re.IGNORECASE)
# ("is it cheaper than the stainless one", "less than the champagne colour?": the listing in focus against that one)
_SAID_AS = {"more": "more expensive", "less": "cheaper", "dearer": "more expensive", "pricier": "more expensive"}
_YES_NO_ASKED = re.compile(r"^(?:is|are|does|do|can|will|has|have)\b", re.IGNORECASE)
MAX_EARLIER = 3  # products once in focus that "it" may still mean when the one in focus lacks what is asked
_MODEL_FILLER = frozenset({"version", "model", "variant", "edition"})  # "the pro version": the Pro
_BASE_MODEL = frozenset({"regular", "normal", "base", "standard", "basic", "plain", "original", "smaller"})
LISTING = ("search", "compatibility")  # answers whose products, even one, are what "they" refers to next


class Conversation:
    """Asks the engine with the product in focus; an answer about one product moves the focus to it."""

    def __init__(self, engine: Engine, product: str | None = None) -> None:
        self.engine = engine
        self.product: str | None = product
        self.listed: list[str] = []  # the products the last answer that listed several named
        self.shown: list[str] = []  # the products the last search listed ("the dell in that list" after the lightest)
        self.lists: list[list[str]] = []  # the lists answers named, the latest last ("which of the six" names one)
        self.pair: list[str] = []  # the two products just compared, of which "does either …" asks each
        self.last: Answer | None = None
        self.before_last: Answer | None = None
        self.searched: Constraints | None = None  # the last search's constraints, which a refinement changes
        self.earlier: list[str] = []  # the products in focus before this one, the latest first
        self.fitted: str | None = None  # the product the last list of what fits was of ("and a case too")
        self.owned: str | None = None  # the product the shopper said they have ("i have a pixel 8"), for "need a case"
        self.fit: Answer | None = None  # the last answer about one accessory's fit ("and with a galaxy s24?" later)
        self.read_as: str | None = None  # how the last question was read, where the conversation reworded it
        self.compared: list[str] = []  # the last two products compared, in the order the shopper named them

    def ask(self, question: str, *, product: str | None = None) -> Answer:
        """The next turn; ``product``: the shopper asks on that product's page (it is then in focus)."""
        previous = self.product
        asked_as = question
        english = to_english(question).strip() if has_chinese(question) else ""
        if english:  # a question in Chinese is read in English first, so that this conversation's rules read it too
            question = english  # ("便宜的那个适用于哪款手机?": "the cheaper one, what phone does it fit?")
        question = _REACTION.sub("", question.strip())
        question = _LESS_PRICEY.sub("cheaper", question)  # "the less pricey one": the cheaper one
        if (halves := _COUNT_THEN_EXTREME.match(question)) is not None:  # the count, then the extreme of what it counted
            counted = self.ask(halves.group("a"), product=product)
            if counted.intent == "aggregate" and counted.products:
                extreme = self.ask(halves.group("b"))
                return replace(extreme, question=asked_as, answer=f"{counted.answer} {extreme.answer}",
                               facts=[*counted.facts, *extreme.facts], cypher=[*counted.cypher, *extreme.cypher])
            self.product = previous
        if (asked_two := self._two_asked(question)) is not None:  # "price and weight of the sony wh-1000xm5": each, of it
            first = self.ask(asked_two[0], product=product)
            if first.intent == "attribute" and first.focus:
                second = self.ask(asked_two[1], product=product)
                if second.focus == first.focus:
                    merged = {h.id: h for h in [*first.products, *second.products]}
                    return replace(second, question=asked_as, intent=first.intent, answer=f"{first.answer} {second.answer}",
                                   facts=[*first.facts, *second.facts], products=list(merged.values()),
                                   cypher=[*first.cypher, *second.cypher])
            self.product = previous
        if (fitting := _OF_THE_FITTING.match(question)) is not None and product is None:
            listed = self.ask(f"which {fitting.group('k')} are listed for the {fitting.group('x')}")
            if listed.intent == "compatibility" and len(self.listed) > 1:
                # ("which survive a 15 ft drop": which of them)
                of_those = self.ask(re.sub(r"^(?:which|whcih|wich|whic)\b(?! of\b)", "which of them", fitting.group("q")))
                return replace(of_those, question=asked_as, answer=f"{listed.answer} {of_those.answer}",
                               facts=[*listed.facts, *of_those.facts], cypher=[*listed.cypher, *of_those.cypher])
            self.product = previous
        if product is None and (was := _NAME_THAT_WAS.match(question.strip())) is not None:
            question = f"{was.group('x')}, the {was.group('p')}{was.group('u') or ''} one - {was.group('q')}"
        total = self._total(question) if product is None else None
        if (same := _ALL_SAME.match(question)) is not None and len(self.listed) > 2 \
                and self.engine.understander.asked_attributes(same.group("x").casefold()):
            question = f"what {same.group('x')} do they have"
        if self.product and self.earlier and (gap_of := _HOW_MUCH_IS_ONE.match(question.strip())) is not None:
            # "how much cheaper is the black one" with the black listing in focus and the slate blue one before it:
            # the two listings of the model, on price
            titles = self.engine.understander.lexicon.titles
            said = set(tokens(gap_of.group("x") or "")) - STOPWORDS
            own = titles.get(self.product, "")
            before = next((p for p in self.earlier if self.engine.understander.same_model(own, titles.get(p, ""))), None)
            if before is not None and said <= title_words(own) and not said <= title_words(titles.get(before, "")):
                way = "cheaper" if gap_of.group("w").casefold() in ("cheaper", "less") else "more expensive"
                question = f"is it {way} than the {titles[before]}"
        that = _ON_THAT.search(question.strip()) if product is None and self.last is not None \
            and self.last.intent == "compatibility" and len(self.last.products) == 1 else None
        if that is not None and self.last is not None and self.last.products[0].id != self.product \
                and not re.search(r"\b(?:it|its|they|them)\b", question, re.IGNORECASE):
            # "capacity on that" after "which fryer is it listed as similar to" named one: that fryer
            question = f"{question.strip()[:that.start('t' if that.group('t') else 't2')]}it" \
                       f"{question.strip()[that.end('t' if that.group('t') else 't2'):]}"
            self.product = self.last.products[0].id
        counted = _OF_THE_COUNT.search(question) if product is None else None
        said_n = counted.group("n").casefold() if counted is not None else ""
        n = _COUNT_WORDS.get(said_n) or (int(said_n) if said_n.isdigit() else 0)
        if n and len(self.listed) != n and (of_n := next((x for x in reversed(self.lists) if len(x) == n), None)):
            self.listed = of_n  # "and which of the six is priced in euros" after the five of them in dollars
        end_said = _END_OF_THE_SAID.match(question.strip()) if product is None and (self.listed or self.shown) else None
        if end_said is not None:
            titles = self.engine.understander.lexicon.titles
            for group in (self.listed, self.shown):
                hits = [pid for pid in group if said_in_title(end_said.group("w"), titles.get(pid, ""))]
                if 1 < len(hits) < len(group):  # ("the two sony listings" of the four earbuds listed)
                    word = end_said.group("h").casefold()
                    question = f"{'average price' if word in ('mean', 'avg', 'average') else word} of them"
                    self.listed = hits
                    break
        two_said = _THE_TWO_SAID.match(question.strip()) if product is None and (self.listed or self.shown) else None
        if two_said is not None:
            titles = self.engine.understander.lexicon.titles
            said = [pid for pid in self.listed if said_in_title(two_said.group("w"), titles.get(pid, ""))]
            if len(said) != 2:  # (of the search's list: "and the 2 hp listings in there" after a question of one)
                said = [pid for pid in self.shown if said_in_title(two_said.group("w"), titles.get(pid, ""))]
            if len(said) == 2:  # ("the 2 hp listings in there": the two HP laptops of the five listed)
                self.listed, self.product, question = said, said[0], two_said.group("q")
        unlisted = False
        more_of = _HOW_MANY_MORE_THE.match(question.strip()) if self.product and product is None else None
        if more_of is not None and self.engine.understander.asked_attributes(more_of.group("a").casefold()) \
                and (other := self.engine.understander.link_product(more_of.group("x"), strict=True)) is not None \
                and other.key != self.product:
            question = f"compare it with the {more_of.group('x')} on {more_of.group('a')}"
            unlisted = True  # (the one in focus against the one named, not among the list)
        same_for = _ONE_FOR_THE_SAME.match(question.strip()) if self.product and product is None else None
        fitted = [r for r in self.engine.retriever.relations(self.product) if r["direction"] == "out"] \
            if same_for is not None and self.product else []
        kind = (self.engine.understander.category_of(self.product or "") or "").split(" > ")[-1].casefold() \
            if fitted else ""
        if same_for is not None and fitted and kind:
            # (the phone the catalog itself lists it for first)
            fitted.sort(key=lambda r: r.get("source") != "catalog")
            question, self.product = f"any {same_for.group('v')} {kind} for it", fitted[0]["id"]
        with_one = _COMPARE_WITH_ONE.match(question.strip()) if self.product and product is None else None
        titles = self.engine.understander.lexicon.titles
        ones = [pid for group in (self.listed, self.shown) for pid in dict.fromkeys(group) if pid != self.product
                and said_in_title(with_one.group("w"), titles.get(pid, ""))] if with_one is not None else []
        if ones and (len(set(ones)) == 1 or self.engine.understander.one_model(list(dict.fromkeys(ones)))):
            # (the one the list, or the search's list, titles so, the first of one model's listings; not one alone)
            self.listed, question = [self.product or "", ones[0]], "compare them"
        if self.product and product is None and _OTHER_LISTING.match(question.strip()):
            question, self.listed = "whats the price gap between its listings", []
        if self.product and len(self.listed) <= 2 and _DEARER_HOW_MUCH.search(question.strip()):
            question = "whats the price gap between its listings"  # "two listings? how much more is the dearer one"
        if self.product and (gap := _HOW_MUCH_THAN_ONE.match(question.strip())) is not None:
            # "how much more than the 8gb one": the product in focus against that listing, on price
            way = "cheaper" if gap.group("w") in ("less", "cheaper") else "more expensive"
            question = f"is it {way} than {gap.group('b')}"
        if self.listed:  # "any case linked to the cheaper listing" after two listings: the cheaper one of them
            question = _EXTREME_LISTING.sub(r"\1 one", question)
        question = self._named_first_or_second(question)
        question = _BARE_PLACE.sub(r"the \g<0>", question)  # "1st one, what colors r there": the first one
        if (doing := _FOR_DOING_IT.match(question.strip())) is not None:  # "and for charging it in the car?"
            question = f"something to {_VERB_BASE[doing.group('v').casefold()]} {question.strip()[doing.end():]}"
        in_list = _THE_ONE_IN_LIST.search(question) if product is None and self.listed else None
        if in_list is not None:  # "is the iphone in that list priced in dollars": the one listed product titled so
            titles = self.engine.understander.lexicon.titles
            said = singular(in_list.group("w").casefold())
            hits = [pid for pid in self.listed if said in title_words(titles.get(pid, ""))] \
                or [pid for pid in self.shown if said in title_words(titles.get(pid, ""))]  # (the search's list)
            if len(hits) == 1:
                self.product = hits[0]
                question = (question[:in_list.start()] + "it" + question[in_list.end():]).strip()
        if self.listed:  # "the oneplus on that list - refresh rate?": the OnePlus one; "which phone on that list": of those
            question = _ON_THE_LIST.sub(self._of_the_list, question)
            # "which costs less of the two laptops": of the two listed, the kind said again names no other set
            question = _OF_THE_LISTED_KIND.sub(
                lambda m: m.group("of") if singular(m.group("k").casefold()) in self.engine.understander.lexicon.category_words
                else m.group(0), question)
        question = _CORRECTION.sub(r"what about \g<x>", question)  # "sorry, meant the inspiron 15": the last question
        elliptic = _ELLIPTIC.match(question.strip()) if self.last is not None and product is None else None
        named_words = set(tokens(elliptic.group("x"))) - {"the", "one", "ones"} if elliptic is not None else set()
        if elliptic is not None and not self.engine.understander.values_only(elliptic.group("x")) \
                and (any(set(b) == named_words for b in self.engine.understander.lexicon.brands)
                     or (named := self.engine.understander.link_product(elliptic.group("x"), strict=True)) is not None
                     and named.score >= FULL_NAME and named_words <= title_words(named.name)):  # (not "is the flexispot cheaper")
            question = f"what about {elliptic.group('x')}"
        same = _SAME_BUT.match(question.strip())
        if same is not None and self.engine.understander.values_only(same.group("x")):
            question = f"what about {same.group('x')}"  # "same phone but in black?": the last question, so (not "cheaper")
        if (times := _TIMES_THAT.search(question)) is not None and product is None and self.product \
                and (wanted := self._times_its(times)) is not None:
            # "i'd want double that storage, under $600" after a laptop's storage: its kind with twice as much; "something
            # at half that price": of its kind, under half its price
            question = f"{wanted}{question[times.end():]}"
        if (lowest := _LOWEST_PRICE_FOR_IT.match(question.strip())) is not None and product is None and self.product \
                and (picked := self._priced_for_it(lowest)) is not None:
            # "lowest dollar price for it": its model's cheapest listing (in dollars; for the same wearer), its price
            self.product, question = picked, "how much is it"
        if (by_price := _THE_CHEAPER_LISTING.match(question.strip())) is not None and product is None and self.product \
                and (singular(by_price.group("n").casefold()) in title_words(
                    self.engine.understander.lexicon.titles.get(self.product, "")) if by_price.group("n")
                     else len(self.listed) <= 1) \
                and (picked := self._priced_listing(by_price.group("w"))) is not None:
            # "the cheaper listing, how much" of the model in focus: its cheapest listing, asked the rest
            self.product, question = picked, by_price.group("q").strip(" ,-?") or "how much is it"
        back = _BACK_TO.match(question)
        if back is not None and (earlier := self._said_before(back.group("x"))) is not None:
            question, self.product = back.group("q"), earlier
        if self.last is not None and (self.last.intent == "comparison" and _BY_HOW_MUCH.match(question.casefold())
                                      or self.last.intent == "aggregate" and _HOW_FAR_APART.match(question.casefold())
                                      and {"lowest", "highest"} <= {f.attribute for f in self.last.facts}):
            question = self.read_as or self.last.question  # (as it was read: "is the flexispot cheaper than it")
        elif self.last is not None and self.last.intent == "comparison" \
                and (gap := _GAP.match(question.strip().casefold())) is not None and self._one_compared(gap.group("n")):
            # "whats the price gap between them", "how much more is the coway": of the two compared
            question = f"compare them on {gap.group('a') or gap.group('b') or 'price'}"
        elif len(self.listed) == 2 and product is None and (self.product is None or self.product in self.listed) \
                and ((gap := _GAP.match(question.strip().casefold())) is not None
                     and not gap.group("n") and (gap.group("a") or gap.group("b"))
                     or (gap := _GAP_BETWEEN_THOSE.match(question.strip().casefold())) is not None) \
                and (two_cards := list(self.engine.retriever.cards(self.listed).values())) \
                and all(c.price is not None for c in two_cards) \
                and len({c.currency or DEFAULT_CURRENCY for c in two_cards}) == 1:
            # "whats the price difference", "whats the gap between those 256 ones" after two listed: of the two
            question, self.product = f"compare them on {gap.groupdict().get('a') or gap.groupdict().get('b') or 'price'}", None
        elif len(self.listed) == 2 and (gap := _GAP.match(question.strip().casefold())) is not None and gap.group("n") \
                and (link := self.engine.understander.link_product(gap.group("n"), strict=True)) is not None \
                and link.key in self.listed and not self.engine.understander.same_model(
                    *(self.engine.understander.lexicon.titles.get(p, "") for p in self.listed)):
            # "how much more is the presidio2 pro" after two cases listed: the one named against the other, on price
            against = next(p for p in self.listed if p != link.key)
            way = "cheaper" if re.search(r"\b(?:less|cheaper)\b", gap.group(0)) else "more expensive"
            self.product, question = link.key, f"is it {way} than the {self._short_name(against)}"
        versus = _VERSUS.match(question.strip()) if product is None and self.product else None
        if versus is not None and (other := self.engine.understander.link_product(versus.group("x"), strict=True)) \
                and other.key != self.product:
            # "vs the instant vortex plus?" after the Ninja's capacity: the two compared on it ("vs the airpods max,
            # which is cheaper?", "…, whose jar holds more": on what the question says; "…, which one?": as before)
            best = self.last.best_fact if self.last is not None and self.last.intent == "attribute" else None
            on = self._compared_on(versus.group("q") or "") \
                or (best.attribute if best is not None and best.source != "text" else None)
            question = f"compare it with the {versus.group('x')}" + (f" on {on}" if on else "")
        won = _WINNER.search(question)
        chosen = False  # "the lighter one" named one product: "does it come in black?" is of it, not of the list
        lexicon = self.engine.understander.lexicon
        kind_after = [t for t in tokens(question[won.end():])[:1] if t in lexicon.category_words or lexicon.title_df.get(t)] \
            if won is not None and not won.group(0).casefold().endswith(" one") else []
        if kind_after and won is not None and self.last is not None and self.last.intent == "aggregate" and self.product \
                and kind_after[0] in title_words(lexicon.titles.get(self.product, "")):
            # "colour of that cheaper pixel?" after the cheapest Pixel 8 Pro: that one (its own title's word)
            question = question[:won.end()] + re.sub(r"^\s*[\w-]+", "", question[won.end():], count=1)
            won, kind_after = _WINNER.search(question), []
        if won is not None and not kind_after and self.last is not None \
                and self.last.intent in ("aggregate", "comparison", "search") \
                and not _WINNER.fullmatch(question.strip(" ?!.").casefold()) \
                and any(w in self.last.answer.casefold() for w in _SAME_MEASURE[won.group("w").casefold()[:4]]):
            # "what colour is the cheaper one?" right after "which is cheaper?": the one that answer named (on the
            # same measure: "the heavier one" after a heel-drop comparison is not its winner); "that shorter one"
            # after "is there a shorter one?": the first it found
            winner = self.product if self.last.intent == "aggregate" else self._named_first(self.last) \
                if self.last.intent == "comparison" else self.last.products[0].id if self.last.products else None
            if winner:
                # ("the cheaper one, what phone does it fit?": the question after it, of it)
                question, chosen, self.product = _IT_THEN.sub("", _WINNER.sub("it", question)), True, winner
        if not chosen and won is not None and not kind_after and self.last is not None \
                and self.last.intent == "aggregate" and " apart)" in self.last.answer \
                and won.group("w").casefold()[:4] in ("chea", "pric") and won.group(0).casefold().endswith(" one") \
                and len(self.last.products) > 1 \
                and (pick := self._priced([p.id for p in self.last.products], won.group("w").casefold())) is not None:
            # "the less pricey one - carrying case included?" after a model's listings by price ("… $23.01 apart)")
            question, chosen, self.product = _IT_THEN.sub("", _WINNER.sub("it", question)), True, pick
        if not chosen and product is None and self.last is not None and self.last.intent in ("aggregate", "attribute") \
                and len(self.listed) == 2 and self.product in self.listed and (other := _THE_OTHER.search(question)) \
                and (question[other.end():].strip(" ,:;-?.!") or not _ONLY_ASKS_AGAIN.fullmatch(
                    question[:other.start()].strip(" ,:;-?.!").casefold())):
            # "the other one, any wall charger listed for it" after the cheaper of two listings: the dearer one ("any
            # charger listed for the other one" after a question of the cheaper one too)
            picked = next(pid for pid in self.listed if pid != self.product)
            rest = question[other.end():]
            question = rest.lstrip(" ,:;-") if not question[:other.start()].strip() and rest.strip(" ,:;-?") \
                else f"{question[:other.start()]}it{rest}"  # ("the other one, any …": the question after it, of it)
            chosen, self.product = True, picked
        if not chosen and product is None and len(self.listed) > 1 and (cheap := _CHEAP_ONE.search(question)) \
                and (picked := self._priced(self.listed, cheap.group("w"))) is not None:
            # "does the cheap one come with a carrying case" after a few listed: the cheapest of them
            question, chosen, self.product = f"{question[:cheap.start()]}it{question[cheap.end():]}", True, picked
        if product is None:  # what the shopper's words stand for in this conversation
            question, chosen = self._reread(question, chosen)
        again_in = _IN_CURRENCY_AGAIN.match(question.strip()) if self.last is not None else None
        if again_in is not None and self.last is not None and self.last.intent == "aggregate":
            asked_before = self.read_as or self.last.question
            question = f"{_CURRENCY_SAID.sub('', asked_before).strip(' ?')} in {again_in.group('c')}"
            self.listed = []  # (of the kind again, not of the listings the aggregate named)
        narrower = _NARROWED_AGAIN.match(question.strip()) if again_in is None and self.last is not None \
            and self.last.intent == "aggregate" and product is None else None
        asked_before = (self.read_as or self.last.question) if narrower is not None and self.last is not None else ""
        if narrower is not None and _EXTREME_ASKED.search(asked_before) \
                and ((said := self.engine.understander.constraints(narrower.group("x").casefold())).values
                     or said.brands or said.price_max is not None or said.price_min is not None) \
                and not said.categories and not said.words:
            # "lightest running shoe you have" … "for women?": the lightest of the women's
            question = f"{asked_before.strip(' ?.!')} {narrower.group('r')}"
            if self.searched is None or not self.searched.categories \
                    or self.engine.understander.constraints(asked_before.casefold()).categories:
                self.listed = []  # (but "cheapest?" after men's running shoes: still of the search, "in black" now)
        better = _BETTER_VALUE.match(question.strip()) if product is None and len(self.pair) == 2 else None
        if better is not None and not self.engine.understander.asked_attributes(better.group("x").casefold()) \
                and (valued := self.engine.understander.constraints(better.group("x").casefold()).values):
            question = f"compare them on {valued[0].attribute}"
        feature = _BARE_COMPATIBLE.match(question.strip()) if product is None and self.product else None
        if feature is not None and not self.engine.understander.lexicon.title_df.get(feature.group("x").casefold()) \
                and self.engine.understander.link_product(feature.group("x"), strict=True) is None:
            # (not "pixel compatible?", a word of titles: what fits a Pixel)
            question = f"is it {feature.group('x')} compatible"  # "magsafe compatible?" of the case in focus: a feature
        either = _BARE_EITHER.match(question.strip()) if product is None and self.product and len(self.listed) <= 1 \
            else None
        if either is not None and (holder := self._holder_of(either.group("a"), either.group("b"))) is not None:
            # "beans or pre-ground?" of the one in focus, or of the one product just listed, whichever has such a value
            question, self.product, self.listed = f"is it {either.group('a')} or {either.group('b')}", holder, [holder]
        priced_then = _PRICED_LISTING_THEN.match(question.strip()) if product is None and self.product else None
        if priced_then is not None and (listing := self._priced_in(priced_then.group("c"))):
            question, self.product = priced_then.group("q"), listing  # "and the dollar one, how wide is it"
        priced = _LISTING_PRICED.match(question.strip()) if product is None and self.product else None
        if priced is not None and self.last is not None and self.last.intent == "attribute" \
                and (best_said := self.last.best_fact) is not None and (listing := self._priced_in(priced.group("c"))):
            question, self.product = _again_of_it(self.last, best_said), listing
        again = self._same_question_about(question, yes_no=elliptic is not None) if product is None else None
        variant = _VARIANT_THAN.match(question.strip()) if product is None and self.product and again is None else None
        picked = self.engine.understander.pick_variant(
            f"the {variant.group('v') or variant.group('v2') or variant.group('v3')} one", self.product) \
            if variant is not None and self.product else None
        # (of two compared, or of the two a search just listed: "do either of them come assembled")
        two = self.pair if len(self.pair) == 2 else self.listed if len(self.listed) == 2 and self.searched else []
        either = _EITHER_OF_TWO.match(question.strip()) if product is None and two else None
        if total is not None:
            answer = total
        elif picked is not None and self.product is not None and picked[0][0] != self.product:
            # "is the onyx black one cheaper" after the cobalt violet Galaxy S24: the two listings compared
            said = (variant.group("c") or variant.group("c2") or variant.group("c3") or "").casefold() \
                if variant is not None else ""
            compared = [self.product, picked[0][0]]
            if variant is not None and re.search(r"\b(?:ones|pairs)\b", variant.group(0), re.IGNORECASE):
                # "are the grey ones any cheaper": every grey listing of the model against it
                named = set(tokens(variant.group("v") or variant.group("v2") or variant.group("v3") or "")) - STOPWORDS
                compared += [v.key for v in self.engine.understander.model_listings(
                    self.product, picked[0][1], most=4 * MAX_VARIANTS) if v.key not in compared and named <= title_words(v.name)]
            answer = self.engine.answer(f"which is {_SAID_AS.get(said, said)}", within=compared)
            answer.question = question
        elif product is None and (more := _MORE_THAN_THE.match(question.strip())) is not None \
                and (a := self._one_said(more.group("a"))) and (b := self._one_said(more.group("b"))) and a != b:
            # "how much more is the 8.5 than the 7.5" after the boots listed: those two on price
            answer = self.engine.answer("which is cheaper", within=[a, b])
            answer.question = question
            priced = self.engine.retriever.cards([a, b])
            if a in priced and b in priced and (pa := priced[a].price) is not None and (pb := priced[b].price) is not None \
                    and priced[a].currency == priced[b].currency:
                answer.answer += f" The {more.group('a')} costs {format_price(round(abs(pa - pb), 2), priced[a].currency)} " \
                                 f"{'more' if pa > pb else 'less'} than the {more.group('b')}."
        elif product is None and len(self.compared) == 2 and _WHICH_PICK.match(question.strip()) is not None:
            # "which one would you pick for long runs" after two compared: no choice of ours, how they compare
            answer = self.engine.answer("compare them", within=list(self.compared))
            answer.answer = f"I can't choose for you, but here is how they compare. {answer.answer}"
            answer.question = question
        elif (both := _BOTH_OF_THEM.search(question) if product is None and len(self.pair) == 2 else None) is not None \
                and _ASKS_OF_ONE.match(question.strip()) and self.engine.understander.names_product(question[:both.start()]):
            # "would the belkin 65w wall charger run both of them" after two compared: the question of each
            parts = [self.engine.answer(f"{question[:both.start()]}the {self._short_name(pid)}{question[both.end():]}")
                     for pid in self.pair]
            intents = {a.intent for a in parts}
            answer = Answer(question, intents.pop() if len(intents) == 1 else "attribute",
                            " ".join(a.answer for a in parts), [f for a in parts for f in a.facts],
                            [h for a in parts for h in a.products], [c for a in parts for c in a.cypher])
        elif either is not None:  # "do both come in black" after two compared: the question of each, both answers
            verb = either.group("v").casefold()
            parts = [self.engine.answer(f"{_AS_ONE.get(verb, verb)} it {either.group('q')}?", context=pid)
                     for pid in two]
            answer = Answer(question, "unanswerable" if all(a.intent == "unanswerable" for a in parts) else "attribute",
                            " ".join(a.answer for a in parts), [f for a in parts for f in a.facts],
                            [h for a in parts for h in a.products], [c for a in parts for c in a.cypher])
        elif again is not None:  # "what about the S24 Ultra?": the last question, about another product
            asked, subject, context = again
            answer = self.engine.answer(asked, product=subject, context=context or self.product)
            answer.question = question
        else:
            # the attribute just asked, or just measured ("the longest battery life": "and the shortest?")
            best = self.last.best_fact if self.last is not None and (
                self.last.intent == "attribute" or self.last.intent == "aggregate" and self.searched) else None
            before = best.attribute if best is not None else None
            if self.last is not None and self.last.intent == "attribute" and self.last.asked \
                    and (before is None or before not in self.last.asked):
                before = self.last.asked[0]  # (answered from its text: "Up to 24 hrs of playback …" is battery life)
            # ("is it cheaper than the uplift" compares the product in focus with that one, not among the list)
            within = None if chosen or unlisted or _IT_THAN.search(question) else self.listed or None
            if within and self.last is not None and self.last.intent == "attribute" and self.product \
                    and self.last.focus == self.product and self.product not in self.listed \
                    and _THEY_OF_ONE.search(question) and not _OF_THE_LIST.search(question):
                # "what about the sony ones, battery life?" … "and what do they cost": the earbuds just named, not the
                # list before them
                within = None
            # "whats the drop on those" after a search that found one: that one, not a search again
            one_found = within is not None and len(within) == 1 and bool(_THEY_OR_THOSE.search(question)
                                                                         or _THAT_ONE.search(question)) \
                and not _OF_THE_LIST.search(question)
            if one_found and within is not None and within[0] != self.product:
                if self.last is not None and [p.id for p in self.last.products] == within:
                    self.product = within[0]  # "how often do i replace them" after the one filter that fits it
                else:
                    one_found = False  # (a list said turns ago is not "that one" now)
            if within and self.product in within and len(within) > 1 and _DO_THEY.match(question.strip()):
                # "do they work with android" after the AirPods Pro's listings: of the model (all one), not a search
                title = self.engine.understander.lexicon.titles.get(self.product, "")
                one_found = set(within) <= {self.product, *(v.key for v in self.engine.understander.model_listings(
                    self.product, title, len(within)))}
            elif within and len(within) > 1 and self.product not in within and self.product == previous \
                    and _OF_ONE.search(question) \
                    and not _OF_THE_LIST.search(question) and not _THEY_OR_THOSE.search(question) \
                    and self.last is not None and self.last.intent == "search" \
                    and [p.id for p in self.last.products] == within and self.engine.understander.one_model(within):
                # "how much is that" after the listings of one model found ("is there a bigger one": three Coway
                # Mighty listings): that model, across its listings
                self.product, one_found = within[0], True
            within = None if one_found else within
            searched = None if one_found else self.searched
            about = WHAT_ABOUT.match(question.strip())
            if about is not None and self.last is not None and self.last.intent == "attribute" \
                    and self.last.focus == self.product and self.product \
                    and self.engine.understander.values_only(self.engine.understander.speller.correct(
                        about.group("x"))[0]):
                # "what about in blue?" right after its weight: that laptop's model in blue, not the list before
                within, searched = None, None
            compare = bool(_COMPARE_TWO.match(question.strip()))
            pair = [a.focus for a in (self.last, self.before_last) if a is not None and (
                a.intent == "attribute" or a.intent == "unanswerable" and a.asked or a.intent == "aggregate" and compare)]
            if product is None and len(pair) == 2 and pair[0] and pair[1] and pair[0] != pair[1] \
                    and pair[0] == self.product and (compare or _WHICH_OF_TWO.match(question.strip())):
                # the S24, then the S24 Ultra: "which one has more storage?" of the two; the cheapest, then the
                # most expensive: "compare those two"
                within = [pair[1], pair[0]]
            elif product is None and self.product and self.listed and self.product not in self.listed \
                    and self.last is not None and self.last.relation in ("similar", "bought") \
                    and (gap := _GAP.match(question.strip().casefold())) is not None:
                # "whats the price difference" after the laptops like it: it and the first one listed
                within = [self.product, self.listed[0]]
                question = f"compare them on {gap.group('a') or gap.group('b') or 'price'}"
            elif product is None and _THE_TWO.search(question) and len(self.listed) == 1 and self.product \
                    and self.product != self.listed[0]:
                # "which of the two is lighter" after the one product like it: it and the one in focus
                within = [self.product, self.listed[0]]
            answer = self.engine.answer(question, product=product, context=self.product, within=within,
                                        searched=searched, asked_before=before)
            if answer.lacking and answer.focus == self.product:
                answer = self._of_another(question, answer)
        if question != asked_as:
            answer.question = asked_as  # as asked: "and battery?", read as "compare them on battery"
        if english and not answer.answer.startswith("(Read as"):
            answer.answer = f'(Read as "{english}".) {answer.answer}'  # (as the engine notes a reading of its own)
        self.read_as = question if question != asked_as else None
        self.last, self.before_last = answer, self.last
        if _I_HAVE.match(asked_as.strip()) and answer.products:  # "i have a pixel 8": what later accessories are for
            self.owned = answer.focus or answer.products[0].id
        if answer.intent == "comparison" and len(answer.products) == 2:
            self.pair = self.compared = [p.id for p in answer.products]
        else:
            if len(answer.products) > 1 and not {p.id for p in answer.products} <= set(self.compared):
                self.compared = []  # (a list of others since: "the first one i said" is no longer of that comparison)
            if either is None:
                self.pair = []
        failed_narrowing = answer.intent == "unanswerable" and answer.searched is not None and bool(self.listed) \
            and (answer.searched.ids == self.listed or self.searched is not None
                 and bool(self.searched.category_keys) and answer.searched.category_keys == self.searched.category_keys
                 and set(self.searched.words) <= set(answer.searched.words)
                 and all(g in answer.searched.values for g in self.searched.values)
                 and {b.key for b in self.searched.brands} <= {b.key for b in answer.searched.brands})
        if answer.searched is not None and not failed_narrowing:
            # ("which are clear" found none of the listed cases, "any waterproof ones" none of the men's running shoes
            # found: "the cheapest one" is still of those)
            self.searched = answer.searched
            if not answer.products:  # "the average price of desks": "which of them …" is of the desks now
                self.listed = []
        if answer.intent == "compatibility" and answer.focus and len(answer.products) != 2:
            self.fitted = answer.focus
        if _asked_fit(answer):
            self.fit = answer
        if answer.intent == "compatibility" and len(answer.products) == 2 and answer.focus is None:
            self.product = answer.products[0].id  # "does this fit the S24?": "it" stays the case
        elif answer.intent == "compatibility" and len(answer.products) == 1 and answer.focus \
                and answer.products[0].id != answer.focus \
                and (_WHICH_FITS.match(read := self.engine.understander.speller.correct(question.strip())[0])
                     and not _OF_IT.search(read) or _KIND_LIKE.match(read)):
            # "which wireless pad works with an iphone se", "laptops like the rog zephyrus g14" (one): "it" is the one found
            self.product = answer.products[0].id
        elif answer.focus:
            self.product = answer.focus
        elif (named := self._model_said(question, answer)) is not None:
            self.product = named  # "do you have the keen targhee in womens" (no): "what size is it" is the Targhee's
        elif answer.intent == "comparison" and len(answer.products) == 2 and self.before_last is not None \
                and self.before_last.intent in LISTING and (winner := self._named_first(answer)):
            # two of a list compared ("which has better drop protection" after cases under $20): "what color does it
            # come in" is the winner's (not so after "compare it with …", where "it" stays the shopper's own)
            self.product = winner
        elif answer.intent == "comparison" and len(answer.products) == 2 and self.product is None \
                and self.engine.understander.one_model([p.id for p in answer.products]):
            # "momentum 4 black vs white - …": "how long does the battery last" next is of the model
            self.product = answer.products[0].id
        if previous and previous != self.product:
            self.earlier = [previous, *(p for p in self.earlier if p not in (previous, self.product))][:MAX_EARLIER]
        ids = [p.id for p in answer.products]
        narrowed = len(ids) == 1 and ids[0] in self.listed  # "do they come in black?" left one: "they" stay
        # an answer about one product that read its other listings too lists nothing: "and the heaviest?" after
        # "how much ram does it have" is still of the laptops the lightest was of
        listings = answer.intent == "attribute" and bool(ids) and answer.focus == ids[0]
        if ids and (len(ids) > 1 or answer.intent in LISTING) and not narrowed and not listings \
                and answer.intent != "unanswerable":  # not the closest guesses
            self.listed = ids
            self.lists = [*(x for x in self.lists if x != ids), ids][-MAX_EARLIER:]
            if answer.intent == "search":
                self.shown = ids
            if answer.searched is None and answer.intent != "comparison":
                # a list no search made ("what fits it?"): "the lightest of them" is of it (two compared products
                # leave the search before them: "what about the bose ones?" still narrows it)
                self.searched = None
        if same_for is not None and answer.intent == "compatibility" and len(ids) == 1:
            self.product = ids[0]  # ("a clear one for the same phone" found one: "how much is it" is that case's)
        return answer

    def _compared_on(self, tail: str) -> str | None:
        """The attribute the tail of "vs X, <tail>" compares on: one it names ("whose battery is bigger": battery), or
        its comparative's ("which is cheaper": price; "whose jar holds more": capacity); None for "which one?" and a
        bare "bigger" or "better", which the attribute asked before says."""
        low = tail.strip(" ,;:-?").casefold()
        asked = self.engine.understander.asked_attributes(low)
        if asked:
            return asked[0]
        said = said_word(COMPARATIVES, low)
        return said[1][0] if said is not None and said[0].group(0) not in _BARE_COMPARATIVES else None

    def _two_asked(self, question: str) -> tuple[str, str] | None:
        """ "whats the price and weight of the sony wh-1000xm5", "the lavender esr one - cost and drop rating": two
        attributes asked of one product, as two questions (the second of "its"); None where the two words are no two
        attributes said alone ("black and white", "wired and wireless")."""
        low = question.strip().casefold()
        m = _TWO_ASKED.match(low) or _NAME_THEN_TWO.match(low)
        if m is None:
            return None
        understander = self.engine.understander
        said = []
        for part in (m.group("a"), m.group("b")):
            asked = understander.asked_attributes(part)
            names = understander.cue_words(part, asked) | {t for a in asked for t in tokens(a)}
            if not asked or set(tokens(part)) - STOPWORDS - names - {"rating", "rated"}:  # ("drop rating")
                return None
            said.append(asked[0])
        if said[0] == said[1]:
            return None
        groups = m.groupdict()
        first = f"{groups['pre']}{m.group('a')}{groups['post'] or ''}" if "pre" in groups else f"{m.group('x')} - {m.group('a')}"
        return f"{first}?", f"what is its {m.group('b')}?"

    def _total(self, question: str) -> Answer | None:
        """"cheapest pixel 7a plus the smartish case listed for it - total", "laptop plus that, total", "what would the two
        come to": the two products (each as this conversation, or a search, names it; the second may be "<kind> for it"
        of the first: of what is listed for it, those the catalog itself links to it first, the cheapest) and their
        prices added where one currency prices both; None where the question asks no such sum or a side names none."""
        said = question.strip()
        if not (_TWO_TOTAL.match(said) or _TOTAL_BEFORE.match(said) or _TOTAL_AFTER.search(said)):
            return None  # (no total asked: the cheap check first)
        two = self.pair if len(self.pair) == 2 else self.listed if len(self.listed) == 2 else []
        if _TWO_TOTAL.match(said) and re.search(r"\b(?:come to|together|altogether|in total|combined)\b", said, re.I):
            return self._summed(question, two[0], two[1]) if two else None  # "what would the two come to"
        if _NOT_A_SUM.match(said) or set(self.engine.understander.asked_attributes(said.casefold())) - {"price"}:
            return None  # ("how many boots from ugg and timberland in total", "weight of the xps 13 and macbook air combined")
        before = _TOTAL_BEFORE.match(said)
        after = _TOTAL_AFTER.search(said) if before is None else None
        if before is not None:
            said = before.group("x")
        elif after is not None:
            said = said[:after.start()]
        else:
            return None
        if _TWO_TOTAL.match(said) or (after is not None and not said.strip(" ,.?")):
            return self._summed(question, two[0], two[1]) if two else None
        understander = self.engine.understander
        said = re.sub(r"\s*[,;:–-]?\s*(?:how much|what(?:'s| is)?(?: it| that)?|whats)\s*$", "", said, flags=re.IGNORECASE)
        halves: list[str] = []
        for sep in [*_PLUS.finditer(said), *_AND_ONE.finditer(said)]:
            joined = sep.group(0).strip().casefold()
            before, after = tokens(said[:sep.start()])[-1:], tokens(said[sep.end():])[:1]
            if joined in ("plus", "and") and before and self._titled_with(before[0], joined, after[0] if after else ""):
                continue  # a name's own "plus" or "and" ("iphone 15 plus case", "bambino plus + dedica", "jarvis
                # bamboo and steel desk")
            halves = [said[:sep.start()], said[sep.end():]]
            break
        if len(halves) != 2 or not all(h.strip(" ,.?") for h in halves) \
                or any(understander.values_only(h.strip(" ,.?")) for h in halves):
            return None  # ("black and white ath-m50x": two colours)
        wanted = currency_of(question) if _CURRENCY_WORD.search(question) else None
        first = self._total_part(halves[0], None, wanted)
        if not first:
            return None
        rest = self._two_more(halves[1])  # ("… plus the cheapest case and the cheapest cable for it": three)
        more = [self._total_part(r, first, wanted) for r in rest] if rest else []
        if more and all(more) and len({first, *more}) == 3:
            return self._summed(question, first, *(m for m in more if m))
        second = self._total_part(halves[1], first, wanted)
        return self._summed(question, first, second) if second and first != second else None

    def _two_more(self, said: str) -> list[str]:
        """ "the cheapest case and the cheapest cable for it": the two things a sum's second half names, each "for it"
        where the last one says so; [] where it names one."""
        for sep in [*_PLUS.finditer(said), *_AND_ONE.finditer(said)]:
            a, b = said[:sep.start()].strip(" ,.?"), said[sep.end():].strip(" ,.?")
            before, after = tokens(a)[-1:], tokens(b)[:1]
            if not a or not b or before and self._titled_with(before[0], sep.group(0).strip().casefold(),
                                                                after[0] if after else ""):
                continue
            tail = _FOR_IT.search(b)
            return [f"{a} {tail.group(0)}" if tail is not None and not _FOR_IT.search(a) else a, b]
        return []

    def _titled_with(self, before: str, joined: str, after: str) -> bool:
        """Whether some title says ``before`` right before "plus" ("Bambino Plus", "iPhone 15 Plus"), or "<before> and
        <after>" ("Bamboo And Steel")."""
        lexicon = self.engine.understander.lexicon
        said = f" {before} plus " if joined == "plus" else f" {before} and {after} "
        return any(said in f" {' '.join(tokens(lexicon.titles.get(pid, '')))} "
                   for pid in lexicon.titled([before, *([after] if joined == "and" and after else [])]))

    def _total_part(self, said: str, owner: str | None, wanted: str | None) -> str | None:
        """The product one side of a sum names: "that" (the one in focus), a kind this conversation's products are of
        ("laptop", "case"), "<kind> listed for it" (of what is listed for ``owner``), else what a search for it finds,
        the cheapest priced (in ``wanted``, the currency the question said, where one is so priced)."""
        understander = self.engine.understander
        low = _CURRENCY_SAID.sub("", said.strip(" ,.;:-?!").casefold()).strip(" ,")
        if low in _THAT_SAID:
            return self.product
        bare = re.sub(r"^(?:the|a|an|my|that|this)\s+", "", low)
        words = set(tokens(bare)) - STOPWORDS
        known = [p for p in dict.fromkeys([self.product, *self.listed, *self.earlier, self.owned, self.fitted]) if p]
        titles = understander.lexicon.titles
        if words and len(words) <= 2 and known:
            of_kind = [p for p in known if {singular(w) for w in words} <= {singular(w) for w in (
                title_words(titles.get(p, "")) | understander.kind_words(p))}]
            if len(of_kind) > 1 and self.product not in of_kind and self.fitted:
                # ("case + pad together" after what fits the iPhone SE: the case the catalog itself lists for it)
                listed = {r["id"] for r in self.engine.retriever.relations(self.fitted) if r.get("source") == "catalog"}
                of_kind = [p for p in of_kind if p in listed] or of_kind
            if len(of_kind) == 1 or of_kind and of_kind[0] == self.product:  # ("laptop plus that": the laptop said)
                return of_kind[0]
        if owner is not None:  # ("the esr air armor case": the one that fits the phone, not another phone's)
            fits = self.engine.answer(low if _FOR_IT.search(low) else f"{low} for it", context=owner)
            found = [fits.focus] if fits.intent == "aggregate" and fits.focus and fits.focus != owner \
                else [p.id for p in fits.products if p.id != owner]
            own_kind = understander.category_of(owner)  # (a laptop is no laptop's accessory: "the cheapest one" of its
            found = [p for p in found if understander.category_of(p) != own_kind]  # listings is no sum of two)
            kinds = understander.constraints(low).category_keys  # (of the kind said: "pad" is no phone)
            found = [p for p in found if not kinds or understander.in_categories(p, kinds)]
            if fits.intent in ("compatibility", "aggregate") and found:
                direct = {r["id"] for r in self.engine.retriever.relations(owner) if r.get("source") == "catalog"}
                return self._cheapest_of([p for p in found if p in direct] or found, wanted or self._currency(owner))
            if _FOR_IT.search(low) or understander.link_product(low, strict=True) is None:
                return None  # (nothing of that kind fits it, and no product is named: no sum)
        link = understander.link_product(low, strict=True) if not _EXTREME_SAID.search(low) else None
        if link is not None:  # "galaxy a15": the cheapest of its listings that say what it said (in the currency said)
            titles = understander.lexicon.titles
            said_words = set(tokens(low)) & title_words(link.name)  # ("galaxy s24 cobalt violet": that colour's)
            return self._cheapest_of([link.key, *(v.key for v in understander.model_listings(link.key, link.name)
                                                  if said_words <= title_words(titles.get(v.key, "")))], wanted)
        named = self.engine.answer(low)
        found = [named.focus] if named.intent == "aggregate" and named.focus else [p.id for p in named.products]
        if named.intent not in ("search", "aggregate", "attribute") or not found \
                or named.intent == "search" and not understander.one_model(found):
            return None  # ("case + pad together" with nothing said before: which case is not known)
        return self._cheapest_of(found, wanted)

    def _currency(self, pid: str | None) -> str | None:
        card = self.engine.retriever.cards([pid]).get(pid) if pid else None
        return card.currency if card is not None and card.price is not None else None

    def _cheapest_of(self, ids: Sequence[str], currency: str | None) -> str | None:
        """The cheapest of ``ids`` priced in ``currency`` (where one is), else of those priced; else the first."""
        cards = self.engine.retriever.cards(list(ids))
        priced = [c for c in cards.values() if c.price is not None]
        so = [c for c in priced if currency is None or (c.currency or DEFAULT_CURRENCY) == currency] or priced
        return min(so, key=lambda c: (c.price or 0.0, c.id)).id if so else (ids[0] if ids else None)

    def _summed(self, question: str, *ids: str) -> Answer:
        """The products' prices added where one currency prices them all (else said apart, not added)."""
        cards = self.engine.retriever.cards(list(ids))
        found = [cards[i] for i in ids if i in cards]
        if len(found) < len(ids):
            return Answer(question, "unanswerable", f"{compose.DONT_KNOW}.", [], [], [])
        sides = compose.join([f"{compose.the(c.title)} ({format_price(c.price, c.currency) or 'no price listed'})"
                              for c in found])
        if any(c.price is None for c in found):
            text = f"{compose.DONT_KNOW} the total: of {sides}, the catalog does not price {'both' if len(found) == 2 else 'all'}."
        elif len({c.currency or DEFAULT_CURRENCY for c in found}) > 1:
            text = f"I can't add {sides}: they are priced in different currencies, and I have no exchange rates."
        else:
            total = format_price(round(sum(c.price or 0.0 for c in found), 2), found[0].currency)
            text = f"Together, {sides} come to {total}."
        facts = [f for f in self.engine.retriever.product_facts(list(ids), cards) if f.attribute == "price"]
        hits = [ProductHit(c.id, c.title, 1.0) for c in found]
        return Answer(question, "aggregate", compose.cap(text), facts, hits, [], ids[-1])

    def _holder_of(self, *sides: str) -> str | None:
        """Of the one product just listed and the product in focus, the one with a value of the attribute whose value a
        side of "<a> or <b>?" says (no side naming a product), if any."""
        understander = self.engine.understander
        if any(understander.link_product(side, strict=True) for side in sides):
            return None
        said = {g.attribute for side in sides for g in understander.constraints(side.casefold()).values}
        for pid in dict.fromkeys([*self.listed, self.product or ""]):
            if pid and said & {f.attribute for f in self.engine.retriever.product_facts([pid])}:
                return pid
        return None

    def _priced_in(self, said: str) -> str | None:
        """The listing of the model in focus priced in the currency said ("usd", "euros"), if another one is."""
        understander = self.engine.understander
        title = understander.lexicon.titles.get(self.product or "", "")
        others = [v.key for v in understander.model_listings(self.product or "", title) if v.key != self.product]
        wanted = currency_of(said)
        cards = self.engine.retriever.cards([self.product or "", *others])
        if (own := cards.get(self.product or "")) is not None and own.currency == wanted:
            return None  # (the listing in focus is priced so: "the one in euros" asks nothing of another)
        so_priced = [pid for pid in others if pid in cards and cards[pid].currency == wanted]
        # (the one in the focus's colour first, then whose title says most of its words: "and the euro one" of the white
        # purifier is the white one)
        def colours(pid: str) -> set[str]:
            return {str(f.value).casefold() for f in self.engine.retriever.product_facts([pid])
                    if f.attribute in ("color", "colour")}
        own_words, own_colours = title_words(title), colours(self.product or "")
        return max(so_priced, key=lambda pid: (bool(own_colours & colours(pid)),
                                               len(own_words & title_words(understander.lexicon.titles.get(pid, "")))),
                   default=None)

    def _said_before(self, said: str) -> str | None:
        """The product of this conversation (in focus, else the latest before) whose title says every word of
        ``said`` ("sony"), if any."""
        titles = self.engine.understander.lexicon.titles
        words = set(tokens(said)) - STOPWORDS
        return next((p for p in (self.product, *self.earlier) if p and words
                     and words <= set(tokens(titles.get(p, "")))), None)

    def _model_said(self, question: str, answer: Answer) -> str | None:
        """The product an "I don't know of any …" answer offered in its stead, when all it offered are listings of one
        model, a word of whose name (not its brand) the question said: the shopper named that model."""
        if answer.intent != "unanswerable" or not answer.products:
            return None
        understander = self.engine.understander
        first, *others = answer.products
        model = {w for w in understander.model_name(first.title)
                 if w.isalpha() and (w,) not in understander.lexicon.brands and w not in STOPWORDS}
        if not model & set(tokens(understander.speller.correct(question)[0])) \
                or not understander.one_model([first.id, *(p.id for p in others)]):
            return None
        return first.id

    def _reread(self, question: str, chosen: bool) -> tuple[str, bool]:
        """The question as the engine should read it in this conversation, and whether it is now of one product only
        (not of the list before): "what about something for a runner" (a new ask), "do you have it in a different
        color", "is it heavier than the bose" (the conversation's Bose), "what about X, <question>", "the merrell ones
        what are they made of", "the cheapest one, <question>", "and a case too", "is there a 14 inch one", "how much
        is it in size 10". Some of these move the product in focus."""
        question = SAVES_MONEY.sub(saved_money, question.strip().casefold()) \
            if SAVES_MONEY.match(question.strip().casefold()) else question  # (as said, unless it is that)
        room = _ROOM_IS.match(question.strip()) if self.last is not None and self.last.intent == "search" \
            and len(self.listed) > 1 else None
        area = amounts_said(room.group("m")) if room is not None else []
        if room is not None and len(area) == 1 and area[0][0] == "area" and area[0][2] == room.group("m").casefold():
            # "its about 300 sq ft" after air purifiers: those for a room that size (not "its 361 sq ft right")
            question = f"any for a {room.group('m')} room?"
        more = _WITH_MORE.match(question.strip()) if self.product else None
        asked = None
        if more is not None:
            asked = more.group("a") or (self.last.asked[0] if self.last is not None and self.last.asked else None)
        if asked and asked != "price":  # "can i get it with more" after its RAM: one with more RAM
            question = f"is there one with more {asked}"
        same_for = _SAME_FOR.match(question.strip()) if self.product else None
        understander = self.engine.understander
        if same_for is not None and (same_for.group("n") in _SAME_ONE or singular(same_for.group("n").casefold())
                                     in understander.lexicon.category_words) \
                and not understander.asked_attributes(same_for.group("n").casefold()) \
                and (said := understander.constraints(same_for.group("v").casefold())).values \
                and not (said.categories or said.brands or said.words):
            question = f"does it come in {same_for.group('v')}?"  # "got the same boot for men?": its model's listing so
        fresh = _ABOUT_SOMETHING.match(question.strip())
        if fresh is not None:  # "what about something for a runner": a new ask, not the list narrowed
            question, chosen = fresh.group("x"), True
            before = self.searched
            if before is not None and before.price_max is not None and not _SAYS_PRICE.search(question):
                # ("a gift for a coffee lover under $50" … "what about something for a runner": still under $50)
                sign = CURRENCY_SYMBOLS.get(before.currency or "USD", "$")
                question += f" under {sign}{before.price_max:g}"
            self.searched, self.product = None, None
        same = _THE_SAME.search(question)
        # (of the product in focus, or the one a comparison just named first: "and the lighter of the two?")
        subject = (self._named_first(self.last) if self.last is not None and self.last.intent == "comparison"
                   else None) or self.product
        if same is not None and subject:
            asked = self.engine.understander.asked_attributes(same.group("a").casefold())
            facts = [f for f in self.engine.retriever.product_facts([subject]) if f.attribute in asked]
            if facts:
                facts.sort(key=lambda f: asked.index(f.attribute))
                question = f"{question[:same.start()]}with {facts[0].value}{question[same.end():]}"
                self.product, chosen = subject, True  # (of it, not of the list before)
        if self.product and _OTHER_COLOURS.search(question):
            # "do you have it in a different color": the colours its model comes in, not the list's
            question, chosen = "what colors does it come in", True
        self._other_side(question)
        question = self._something_for(question)
        question = self._kind_listed(question)
        question = self._compared_again(question)
        question = self._than_the_focus(question)
        question = self._brand_said_before(question)
        split = _ABOUT_THEN_ASK.match(question.strip())
        named = self.engine.understander.link_product(split.group("x"), strict=True) if split else None
        if split is not None and named is not None and tokens(split.group("q")) \
                and split.group("q").strip(" ?!.").casefold() not in _SAME_ASKED:  # ("what about X, same?": asked before)
            question, self.product = split.group("q"), named.key  # the question, of the product named
        question, elsewhere = self._picked_then_asked(question)
        chosen = chosen or elsewhere  # (a brand's product the list did not hold: the question is of it alone)
        question = self._extreme_then_asked(question)
        question = self._priced_pick(question)
        question = self._priced_of(question)
        question = self._for_count(question)
        if self.product:
            question = _THE_GENDER.sub(r"the \1 one", question)
        if len(self.listed) > 1 and _PRICE_OF_EACH.match(question.strip()):
            question = "what do they cost"
        understander = self.engine.understander
        need = _NEED_KIND.match(question.strip())
        if need is not None and self.owned and (kind := understander.constraints(need.group("k").casefold())).categories \
                and not kind.brands and not kind.values and not understander.in_categories(self.owned, kind.category_keys) \
                and any(understander.in_categories(r["id"], kind.category_keys) for pid in self._listings_of(self.owned)
                        for r in self.engine.retriever.relations(pid)):  # (a kind that fits it: not "any coffee")
            # "i have a pixel 8" … "need a case": a case for the Pixel 8 ("… for it" says so already)
            rest = need.group("rest")
            question = f"any {need.group('k')}{rest}" if re.search(r"\bfor (?:it|that|this)\b", rest) \
                else f"any {need.group('k')} for it{rest}"
            self.product = self.owned
        too = _KIND_TOO.match(question.strip())
        if too is not None and self.fitted and set(tokens(too.group("k"))) <= understander.lexicon.category_words:
            # "i need a charger for my galaxy s24" … "and a case too": what fits the S24 again, of that kind
            question, self.product = f"any {too.group('k')} for it", self.fitted
        there = _IS_THERE_ONE.match(question.strip()) or (  # ("got a 256gb verison": read as spelt right)
            _IS_THERE_ONE.match(understander.speller.correct(question.strip())[0]) if _IS_THERE_A.match(question.strip())
            else None)
        # ("is there a womens one" after the one walnut boot found: its model's, where it has one)
        one = there is not None and self.listed == [self.product] and self.engine.answer(
            f"does it come in {there.group('x')}?", context=self.product).answer.startswith("Yes")
        if there is not None and (self.listed or self.searched) and not one \
                and understander.constraints(there.group("x").casefold()).values:
            question = f"any {there.group('x')} ones"  # "is there a 14 inch one" after a list: the list, narrowed
        elif there is not None and self.product and (said := understander.constraints(there.group("x").casefold())).values \
                and not (said.words or said.categories or said.brands):
            question = f"does it come in {there.group('x')}?"  # "got a 256gb version" of the phone in focus
        variant = _PRICE_IN.match(question.strip()) if self.product else None
        if variant is not None:
            # "how much is it in size 10": the listing of its model in size 10, then its price (or "No: …")
            check = self.engine.answer(f"does it come in {variant.group('v') or variant.group('v2')}?", context=self.product)
            if check.intent in ("attribute", "search") and check.answer.startswith("Yes") and check.focus:
                self.product = check.focus
                question = "how much is it?"
        return question, chosen

    def _picked_then_asked(self, question: str) -> tuple[str, bool]:
        """"the merrell ones what are they made of" after a list: the question, of the listed product that "the merrell
        ones" names (it is then in focus and "they" is it), or of the brand's product when none listed is its; and
        whether the product is one the list did not hold."""
        m = _PICK_THEN_ASK.match(question.strip())
        if m is None or not self.listed:
            return question, False
        picked = self.engine.understander.pick_listed(f"the {m.group('x')} one", self.listed, self.product)
        other = self._of_brand(m.group("x")) if picked is None else picked[0][0]
        if other is None:
            return question, False
        self.product = other
        asked = m.group("q")
        for pattern, it in _AS_IT:
            asked = pattern.sub(it, asked)
        return asked, other not in self.listed

    def _of_brand(self, said: str) -> str | None:
        """ "the sony ones, …" when no Sony product was listed: a listing of that brand in the category in focus, the one
        whose title says most of what the listed titles share, the cheapest of those (after earbuds, Sony's earbuds)."""
        understander = self.engine.understander
        brands = understander.lexicon.brands.get(tuple(t for t in tokens(said) if t not in STOPWORDS))
        path = understander.category_of(self.product) if brands and self.product else None
        if path is None:
            return None
        found = self.engine.retriever.search(understander.in_category(Constraints(brands=list(brands)), path),
                                             limit=50).values()
        titles = understander.lexicon.titles
        shared = set.intersection(*(set(title_words(titles.get(p, ""))) for p in self.listed)) if self.listed else set()
        return min(found, key=lambda c: (-len(shared & title_words(c.title or "")), c.price is None, c.price or 0.0,
                                         c.id)).id if found else None

    def _extreme_then_asked(self, question: str) -> str:
        """"the cheapest one, does it have noise cancelling" after a list: the question, of the listed product at that
        end (found as "which is the cheapest" would find it)."""
        m = _EXTREME_THEN_ASK.match(question.strip())
        asked = m.group("q") if m is not None else None
        if asked is not None and not _ASKS.match(asked) and not self.engine.understander.asked_attributes(asked.casefold()):
            m = asked = None  # "and the cheapest one out of those?" asks no attribute of it: the cheapest, found
        if m is None:  # "whats the battery like on the cheaper one", "battery life on the cheaper one?"
            m = _EXTREME_INSIDE.search(question)
            asked = question[:m.start()] + "it" + question[m.end():] if m is not None else None
            if asked is not None and (not _ASKS.match(question.strip()) or _WHAT_IS_IT.match(asked.strip())) \
                    and not self.engine.understander.asked_attributes(asked.casefold()):
                m = asked = None  # ("whats the cheapest of those" asks which it is)
        if m is None or asked is None or not self.listed:
            return question
        word = _MOST_OF.get(m.group("w").casefold(), m.group("w"))  # "the cheaper one" of two: the cheapest
        end = self.engine.answer(f"which is the {word}", context=self.product, within=self.listed,
                                 searched=self.searched)
        # (of two, a comparison: the one it names first)
        winner = end.focus if end.intent == "aggregate" else self._named_first(end) if end.intent == "comparison" else None
        if not winner:
            return question
        self.product = winner
        return asked

    def _priced_pick(self, question: str) -> str:
        """"the 500 dollar one, how wide", "screen size on the $284 one": the listed product at that price (within
        5 %) is in focus and "it" in the question; "pixel 8 hazel 128gb, the $750 one - any pad for it": of the model
        named before it, the listing at that price, asked the rest."""
        m = _PRICED_ONE.search(question)
        head = question[:m.start()].strip(" ,;:-") if m is not None else ""
        named = self.engine.understander.link_product(head) if head and _NAME_THEN_PRICED.match(question) else None
        if m is None or not (self.listed or named):
            return question
        said = parse_number(next(g for g in m.groups() if g))
        understander = self.engine.understander
        among = [named.key, *(v.key for v in understander.model_listings(named.key, named.name, most=4 * MAX_VARIANTS))] \
            if named is not None else self.listed
        cards = self.engine.retriever.cards(among)
        near = [c for c in cards.values() if c.price is not None and abs(c.price - said) <= max(1.0, 0.05 * said)]
        if not near:
            return question
        self.product = min(near, key=lambda c: abs((c.price or 0.0) - said)).id
        if named is not None:
            return question[m.end():].strip(" ,;:-") or "how much is it"
        return (question[:m.start()] + "it" + question[m.end():]).strip(" ,")

    def _one_compared(self, name: str | None) -> bool:
        """Whether a name said ("the coway") is one of the two products the last comparison was of (no name: yes)."""
        if not name or self.last is None:
            return True
        link = self.engine.understander.link_product(name, strict=True)
        return link is not None and link.key in {p.id for p in self.last.products}

    def _for_count(self, question: str) -> str:
        """"how much for 3" after a list of filter packs, or of a pack: "how much is the 3 pack" (which the understander
        picks among the list, else the model in focus), where one of those holds that many; else the question."""
        m = _FOR_COUNT.match(question.strip())
        if m is None or not (self.listed or self.product):
            return question
        understander = self.engine.understander
        ids = list(self.listed)
        if self.product:
            name = understander.lexicon.titles.get(self.product, "")
            ids += [self.product, *(v.key for v in understander.model_listings(self.product, name))]
        count = int(m.group("n"))
        if not any(count in pack_counts(understander.lexicon.titles.get(i, "")) for i in ids):
            return question
        return f"how much is the {count} pack"

    def _priced_of(self, question: str) -> str:
        """"the cheaper bag of hair bender, what does it taste like": the question, of the cheapest (or dearest) listing
        of the model named, among those priced in one currency (the default one first)."""
        m = _PRICED_OF.match(question.strip())
        named = self.engine.understander.link_product(m.group("x"), strict=True) if m is not None else None
        if m is None or named is None:
            return question
        ids = [named.key, *(v.key for v in self.engine.understander.model_listings(named.key, named.name))]
        priced = [c for c in self.engine.retriever.cards(ids).values() if c.price is not None]
        if not priced:
            return question
        currency = DEFAULT_CURRENCY if any(c.currency == DEFAULT_CURRENCY for c in priced) else priced[0].currency
        same = [c for c in priced if c.currency == currency]
        cheap = m.group("w").casefold() in ("cheaper", "cheapest")
        self.product = (min if cheap else max)(same, key=lambda c: (c.price, c.id)).id
        return m.group("q")

    def _brand_said_before(self, question: str) -> str:
        """"is it heavier than the bose" after the Bose QuietComfort Ultra, then the Beats: "the bose" is the Bose product
        of the conversation (in focus before), not the first Bose listing; its title stands in for the brand."""
        understander = self.engine.understander
        titles = understander.lexicon.titles

        def named(m: re.Match[str]) -> str:
            brand = m.group("b")
            if brand.casefold() in tokens(titles.get(self.product or "", "")):
                return m.group(0)
            if not any(set(tokens(brand)) <= set(tokens(titles.get(p, ""))) for p in self.pair) and any(
                    set(tokens(brand)) <= set(tokens(titles.get(p, ""))) for p in self.listed):
                return m.group(0)  # ("the samsung one, battery size" of the phones listed: the Samsung one listed)
            if understander.brand_only(brand):
                before = next((p for p in self.earlier if set(tokens(brand)) <= set(tokens(titles.get(p, "")))), None)
            elif brand.casefold() not in STOPWORDS and (not understander.names_product(brand) or len(
                    [p for p in self.pair if brand.casefold() in tokens(titles.get(p, ""))]) == 1):
                # "how much is the galaxy" after the iPhone 15 and the Galaxy S24 compared, "what colours does the pixel
                # come in" after the Pixel 8 Pro and an iPhone: the one of the two so titled
                before = next((p for p in self.pair if set(tokens(brand)) <= set(tokens(titles.get(p, "")))), None)
            else:
                before = None
            return f"the {titles[before]}" if before else m.group(0)

        question = _THE_BRAND.sub(named, question) if self.earlier or self.pair else question

        def unseen(m: re.Match[str]) -> str:
            # "whats the sauder one made of" where no product of the conversation is a Sauder: the Sauder, named so
            brand = m.group("b")
            said = set(tokens(brand))
            if not understander.brand_only(brand) or any(
                    said <= set(tokens(titles.get(p, ""))) for p in (self.product or "", *self.listed, *self.earlier, *self.pair)):
                return m.group(0)
            return f"the {brand}"

        return question if _ONLY_ONE.match(question.strip()) else _THE_BRAND_ONE.sub(unseen, question)

    def _compared_again(self, question: str) -> str:
        """ "and battery?" right after two products were compared: the same two, on that ("compare them on
        battery"); a question that names a product or no attribute stays as asked."""
        last = self.last
        m = _AND_ATTRIBUTE.match(question.strip())
        if m is None or last is None or last.intent not in ("comparison", "unanswerable") or len(last.products) != 2 \
                or self.listed[:2] != [p.id for p in last.products]:
            return question
        understander = self.engine.understander
        said = m.group("x") or m.group("x2") or m.group("x3") or m.group("x4") or m.group("x5") or m.group("x6") \
            or m.group("x7") or m.group("x8")
        said = said if understander.asked_attributes(said.casefold()) else " ".join(tokens(said))  # ("batteries")
        asked = understander.asked_attributes(said.casefold())
        named = {w for a in asked for w in tokens(a)} | understander.cue_words(said.casefold(), asked)  # ("weight limit")
        # only the attribute's own words ("battery", "the weight"; not "the better camera", a superlative)
        words = set(tokens(said)) - STOPWORDS  # ("and which is cheaper?" says no attribute: the engine's which of two)
        # (a title that says the attribute's word, "32GB RAM", names no product here: "same ram?")
        if not asked or not words or not words <= named or _WHICH_WAY.search(said):
            return question  # ("and which uses less power": the engine's which of the two, that way round)
        return f"compare them on {said}"

    def _than_the_focus(self, question: str) -> str:
        """ "is the acer swift go 14 any lighter" with the Zephyrus G14 in focus: lighter than it (not a search for
        Acer laptops)."""
        m = _NAMED_COMPARED.match(question.strip()) or _NAMED_DOES.match(question.strip())
        if m is None or not self.product or m.group("c").casefold() not in COMPARATIVES \
                or self.engine.understander.values_only(m.group("x")) \
                or re.search(r"\bor$", m.group("x").strip()):  # ("are the grey ones any cheaper": listings; "is it a
            return question  # dark roast or lighter" asks its roast)
        named = self.engine.understander.link_product(m.group("x"), strict=True)
        if named is not None and named.key == self.product and self.earlier:
            # "so the honeywell covers more?" after the Levoit's coverage, then the Honeywell's: which of the two
            return f"which {m.group('c')}"
        if named is None or named.key == self.product:
            return question
        # (the product in focus by its title, so that "by how much" next asks the same of the same two)
        return f"is {m.group('x')} {m.group('c')} than the {self.engine.understander.lexicon.titles.get(self.product, 'it')}"

    def _priced_for_it(self, said: re.Match[str]) -> str | None:
        """The cheapest (or dearest) priced listing of the model in focus in the currency said (else the focus's own),
        for the same wearer as the focus ("best price on it" of a men's boot: not the women's); None where none is."""
        cards = self.engine.retriever.cards(self._listings_of(self.product))
        own = cards.get(self.product or "")
        if own is None:
            return None
        asked = {"dollar": "USD", "usd": "USD", "euro": "EUR", "eur": "EUR", "pound": "GBP", "gbp": "GBP"}.get(
            (said.group("c") or "").casefold())
        currency = asked or (own.currency if own.price is not None else DEFAULT_CURRENCY)
        def wearer(card: Card) -> set[str]:
            return set(tokens(card.title or "")) & {"men", "women"}
        priced = [c for c in cards.values() if c.price is not None and (c.currency or DEFAULT_CURRENCY) == currency
                  and wearer(c) == wearer(own)]
        dearer = said.group("w").casefold() in ("highest", "dearest", "top")
        return (max if dearer else min)(priced, key=lambda c: (c.price or 0.0, c.id)).id if priced else None

    def _listings_of(self, pid: str | None) -> list[str]:
        """A product and the other listings of its model ([] for none)."""
        if not pid:
            return []
        understander = self.engine.understander
        return [pid, *(v.key for v in understander.model_listings(pid, understander.lexicon.titles.get(pid, "")))]

    def _times_its(self, times: re.Match[str]) -> str | None:
        """ "<kind> with at least <n> <unit> <attribute>" for "double that storage" (twice, half: at most) of the product
        in focus, by its own fact of the attribute, else None."""
        understander = self.engine.understander
        asked = understander.asked_attributes(times.group("a").casefold())
        kind = (understander.category_of(self.product or "") or "").rpartition(">")[2].strip().casefold()
        factor = _TIMES[times.group("t").casefold()]
        card = self.engine.retriever.cards([self.product or ""]).get(self.product or "")
        if asked[:1] == ["price"] and card is not None and card.price is not None and kind:
            # "something at half that price": of its kind, under that much (a budget, also for "double")
            return f"{kind} under {format_price(round(card.price * factor, 2), card.currency)}"
        facts = [f for f in self.engine.retriever.product_facts([self.product or ""]) if f.attribute in asked]
        value = normalize_value(facts[0].value) if facts else None
        if value is None or value.number is None or not value.unit or not kind:
            return None
        bound = "at most" if factor < 1 else "at least"
        return f"{kind} with {bound} {value.number * factor:g} {value.unit} {times.group('a')}"

    def _priced_listing(self, word: str) -> str | None:
        """The cheapest (or dearest) listing of the model in focus, priced in the focus's currency; None for a model of
        one listing."""
        return self._priced(self._listings_of(self.product), word, self.product)

    def _priced(self, ids: Sequence[str], word: str, own_id: str | None = None) -> str | None:
        """The cheapest (or dearest, by ``word``) of a few products priced in ``own_id``'s currency (else the
        default one); None for fewer than two so priced."""
        cards = self.engine.retriever.cards(ids)
        own = cards.get(own_id or "")
        currency = own.currency if own is not None and own.price is not None else DEFAULT_CURRENCY
        priced = [c for c in cards.values() if c.price is not None and (c.currency or DEFAULT_CURRENCY) == currency]
        if len(priced) < 2:
            return None
        dearer = word.startswith(("pric", "dear", "more", "most", "expens"))
        return (max if dearer else min)(priced, key=lambda c: (c.price or 0.0, c.id)).id

    def _one_said(self, said: str) -> str | None:
        """The one product "the <said> one" names by words of its title: among those listed last, else among the
        listings of the model in focus (itself included); None where none or several do."""
        titles = self.engine.understander.lexicon.titles
        for group in (self.listed, self._listings_of(self.product)):
            hits = [pid for pid in dict.fromkeys(group) if said_in_title(said, titles.get(pid, ""))]
            if len(hits) == 1:
                return hits[0]
        return None

    def _other_side(self, question: str) -> None:
        """After "does the cuisinart filter fit it?" (the filter in focus), "which filter does it take then?" asks
        the kind of the filter: "it" is the other product of that question, the machine."""
        last = self.last
        if last is None or last.intent not in ("compatibility", "unanswerable") or len(last.products) != 2 \
                or self.product != last.products[0].id:
            return
        understander = self.engine.understander
        path = understander.category_of(last.products[0].id)
        asked = understander.constraints(question.casefold()).category_keys
        if path and category_keys(path.split(" > "))[-1] in asked or _FITS_IT_TOO.search(question):
            # ("and the pureburst one works with it too?": another filter, for the same purifier)
            self.product = last.products[1].id

    def _something_for(self, question: str) -> str:
        """ "something for flat feet" after running shoes were searched: running shoes for flat feet, when what it is
        for names no kind, brand, value or product of its own ("something for a runner" does; "what about something
        for …" is a new ask, and leaves no search to inherit)."""
        m = _SOMETHING_FOR.match(question.strip())
        searched = self.searched
        if m is None or searched is None or not searched.categories:
            return question
        understander = self.engine.understander
        purpose = m.group("p")
        said = understander.constraints(purpose.casefold())
        if said.categories or said.brands or said.values or understander.link_product(purpose, strict=True) is not None:
            return question
        words = [w for w in tokens(purpose) if w not in STOPWORDS and w.isalpha()]
        titled = understander.lexicon.titled(words) if words else []
        if titled and not any(understander.in_categories(p, searched.category_keys) for p in titled):
            return question  # ("something for my car" after headphones: the car chargers, another kind)
        return f"{searched.categories[0].name.casefold()} for {purpose}"

    def _of_the_list(self, m: re.Match[str]) -> str:
        """ "on that list" after "the <word>": "one" where one listed product's title says the word (as said where
        several or none do: "the nike on that list, what sizes" of the Nikes listed); else "of those"."""
        before = _THE_WORD_BEFORE.search(m.string[:m.start()])
        if before is None:
            return "of those"
        titles = self.engine.understander.lexicon.titles
        word = before.group("w").casefold()
        return "one" if sum(word in tokens(titles.get(p, "")) for p in self.listed) == 1 else m.group(0)

    def _short_name(self, pid: str) -> str:
        """A product's title to its first comma, without what it says in brackets ("Men's Moab 3 Mid by Merrell")."""
        return short_title(self.engine.understander.lexicon.titles.get(pid, ""))

    def _named_first_or_second(self, question: str) -> str:
        """ "the first one i said, will it keep my feet dry", "and for the first one i said?": of the two products last
        compared, the one named first (or second), by its title; the question, else the last one, of it (which moves
        the focus to it)."""
        said = _FIRST_SAID.search(question)
        if said is None or len(self.compared) != 2:
            return question
        pid = self.compared[0 if said.group("n").casefold() == "first" else 1]
        rest = f"{question[:said.start()]} {question[said.end():]}".casefold()
        if re.fullmatch(r"\W*(?:and|so|ok|okay)?\W*(?:(?:what|how) about|for|with|of)?\W*", rest):
            return f"what about the {self._short_name(pid)}"  # ("and for the first one i said?": the last question)
        self.product = pid
        if not question[:said.start()].strip(" ,"):  # "the second one i said, how much": the question, of it
            return f"it, {question[said.end():].strip(' ,')}"
        return f"{question[:said.start()]}it{question[said.end():]}"

    def _kind_listed(self, question: str) -> str:
        """ "how many square meters does the purifier cover" on a filter's page, after the purifiers it fits were
        listed: "the purifier" is the first listed product of that kind (the product in focus is of another), else the
        first of that kind the product in focus is linked to ("does the pitcher come in white" on a filter's page; "and the
        filter, how often do i change it" of an air purifier), and the question is asked of it."""
        understander = self.engine.understander
        asked = question
        part = _KIND_THEN_ASK.match(question.strip())
        if part is not None:
            q, kind = part.group("q"), f"the {part.group('x')}"
            question = _KIND_PRONOUN.sub(kind, q, count=1) if _KIND_PRONOUN.search(q) else f"{q} is {kind}"
        owned = _KINDS_ATTRIBUTE.match(question.strip())
        if owned is not None and understander.asked_attributes(owned.group("a")):
            question = f"what is the {owned.group('a')} of the {owned.group('k')}"  # "and the charger's price"
        titles = self.engine.understander.lexicon.titles
        thing = _THAT_THING.search(question) or next(
            (m for m in _THAT_WORD.finditer(question) if len(self.listed) == 1
             and singular(m.group("w").casefold()) in title_words(titles.get(self.listed[0], ""))), None)
        # ("how dark is that roast" after the one coffee listed as like it: that coffee's roast)
        if thing is not None and len(self.listed) == 1 and self.listed[0] != self.product \
                and self.last is not None and [p.id for p in self.last.products] == self.listed \
                and self.last.relation in ("bought", "similar", "out") \
                and not ((word := singular(thing.group().split()[-1].casefold())) in title_words(
                    titles.get(self.product or "", "")) and word not in title_words(titles.get(self.listed[0], ""))):
            # (not the filter that fits the machine in focus; nor the coffee bought with the "… Espresso Machine")
            self.product = self.listed[0]
            return question[:thing.start()] + "it" + question[thing.end():]
        if not self.product or not (_ASKS.match(question.strip()) or _FIT_THE.search(question)
                                    or _ATTRIBUTE_OF_THE.match(question.strip())):
            return asked
        kinds = list(_THE_KIND.finditer(question))  # asked of by category first, then by a title's word
        for m in kinds:
            wanted = understander.constraints(m.group("k").casefold())
            if wanted.categories and not (wanted.values or wanted.brands) and _FOR_BEFORE.search(question[:m.start()]) \
                    and understander.in_categories(self.product, wanted.category_keys) \
                    and not any(understander.in_categories(p, wanted.category_keys) for p in self.listed if p != self.product):
                # "need a case for the phone": for that phone (the one in focus, which the understander reads so)
                rest = re.sub(r"^\s+(?:as well|too|also)\b", "", question[m.end():])  # ("… as well": said once)
                return f"{question[:m.start()]}that {m.group('k')}{rest}"
            if not wanted.categories or wanted.values or wanted.brands \
                    or understander.in_categories(self.product, wanted.category_keys):
                continue
            of_kind = [p for p in self.listed if understander.in_categories(p, wanted.category_keys)] or [
                r["id"] for r in self.engine.retriever.relations(self.product)
                if understander.in_categories(r["id"], wanted.category_keys)]
            if question[m.end():].lstrip().startswith("work") and len(of_kind) > 1:
                continue  # ("would the case work with it" of a phone with several cases: what fits it, not one case)
            if of_kind:
                self.product = of_kind[0]
                # (a last word no kind has is asked of it: "is the case magsafe" is "is it magsafe")
                words = m.group("k").split()
                rest = f" {words[-1]}" if len(words) == 2 and singular(words[-1].casefold()) not in \
                    understander.lexicon.category_words and not _COMPARATIVE_WORD.fullmatch(words[-1]) else ""
                return question[:m.start()] + "it" + rest + question[m.end():]
        for m in kinds:
            # "water filters that fit the machine" after the coffee bought with it: the product talked of before whose
            # title names it so ("… Espresso Machine - Red"), where the one in focus is not a "machine"
            said = set(tokens(m.group("k"))) - STOPWORDS
            if said and said <= title_parts(titles.get(self.product, ""))[0] \
                    and (fit := _FIT_THE.search(question)) is not None and fit.start() < m.start():
                return question[:m.start()] + "it" + question[m.end():]  # ("… that fit the machine" of the machine)
            if not said or said <= title_words(titles.get(self.product, "")) \
                    or understander.values_only(m.group("k")) or understander.constraints(m.group("k")).brands:
                continue
            of_kind = [p for p in (*self.listed, *self.earlier) if p != self.product
                       and said <= title_parts(titles.get(p, ""))[0]]
            if len([p for p in of_kind if p in self.listed]) > 1:
                continue  # ("would the case work with it" after several cases listed: which case is not said)
            before = of_kind[0] if of_kind else None
            if before is not None:
                self.product = before
                return question[:m.start()] + "it" + question[m.end():]
        return asked

    @staticmethod
    def _named_first(answer: Answer) -> str | None:
        """The product a comparison's answer names first: the one that wins ("X is lighter than Y")."""
        said = answer.answer.casefold()
        named = [(said.find(p.title.casefold()), p.id) for p in answer.products if p.title.casefold() in said]
        return min(named)[1] if named else None

    def _of_another(self, question: str, unknown: Answer) -> Answer:
        """The product in focus lacks the attribute asked: the first product the last list named or one in focus
        before may have it ("any chargers for it?" … "how many watts is that?" is the charger's wattage, not the
        phone's). The first of them that has it answers; else the focus's "I don't know" stands. Only another kind
        of product: of two laptops, "it" is the later one ("the lightest" … "how long does its battery last?")."""
        def kind(pid: str) -> str | None:  # (by its head noun: whole bean and ground coffee are one kind here)
            key = self.engine.understander.category_of(pid)
            return singular(key.rpartition(" > ")[2].split()[-1]) if key else key

        own = kind(self.product) if self.product else None
        # (a bundle's own products first: "how many watts is it" of the Dedica bundle is its machine's)
        parts = [r["id"] for r in self.engine.retriever.included(self.product)] if self.product else []
        others = [p for p in (*parts, *self.listed[:1], *self.earlier) if p != self.product and (own is None or kind(p) != own)]
        for other in dict.fromkeys(others):
            answer = self.engine.answer(question, context=other, searched=self.searched)
            if answer.intent == "attribute" and answer.facts and (answer.facts[0].attribute in unknown.lacking
                                                                  or answer.facts[0].source == "text"):
                return answer
        return unknown

    def _sibling(self, said: str) -> str | None:
        """The name of another model of the product in focus's line that a word or two name ("pro", "ultra", "max"
        after the Pixel 8, the Galaxy S24, the iPhone 15 Pro): the focus's model words and them, when that names
        a product other than the focus whose title says the words."""
        words = [w for w in tokens(said) if w not in STOPWORDS and w not in _MODEL_FILLER]  # "the pro version"
        if not self.product or not 1 <= len(words) <= 2:
            return None
        understander = self.engine.understander
        title = understander.lexicon.titles.get(self.product, "")
        head = understander.model_name(title)
        numbered = [i for i, w in enumerate(head) if w.isdigit()]
        renumbered = len(words) == 1 and words[0].isdigit() and bool(numbered)  # "and the 13?" after the XPS 15
        if understander.values_only(said) and not renumbered:  # "what about in white?": a listing of it, or the list
            return None
        line = set(tokens(title)) & LINE_WORDS
        if head and set(words) <= _BASE_MODEL and line:
            # "and the regular one?" after the Galaxy S24 Ultra: the Galaxy S24
            name = " ".join(w for w in head if w not in LINE_WORDS)
            link = understander.link_product(name, strict=True)
            return name if link is not None and not set(tokens(link.name)) & line else None
        if not head or set(words) <= set(head):
            return None
        if renumbered:  # the XPS 13: the model's number replaced
            name = " ".join([*head[:numbered[-1]], words[0], *head[numbered[-1] + 1:]])
        else:
            name = " ".join(dict.fromkeys([*head, *words]))
        link = understander.link_product(name, strict=True)
        if link is None or link.key == self.product or not set(words) <= set(tokens(link.name)) \
                or understander.same_model(title, link.name):
            return None
        return name

    def _same_question_about(self, question: str, *, yes_no: bool = False) -> tuple[str, str | None, str | None] | None:
        """(question, product it is asked on, product in focus) for "what about <another product>?" after a
        compatibility, attribute or search answer ("does this fit <it>?" on the same accessory, the same attribute
        of <it>, or its listings), and for "and the other one?" after an attribute answer (the same attribute of
        that listed product). ``yes_no``: it was asked as "does the brita one", which a list of its listings does not
        answer."""
        last = self.last
        asks_too = _THEN_ATTRIBUTE.search(question.strip())
        if asks_too is not None and self.engine.understander.asked_attributes(asks_too.group("a").casefold()):
            return None  # "and the samsung one, battery size": that one's battery, not the last question again
        best = last.best_fact if last is not None and last.intent == "attribute" else None
        place = _ONLY_PLACE.match(question.strip())
        if place is not None and best is not None and self.listed:
            # "and the other one?", "the second one?": the same attribute of that listed product
            picked = self.engine.understander.pick_listed(question.strip().casefold(), self.listed, self.product)
            if picked is not None:
                return _again_of_it(last, best), None, picked[0][0]
        # (of an answer its text gave, the attribute asked: "how wide is …" answered by “60 Inch wide”)
        asked = (last.asked[0] if best.source == "text" and last is not None and last.asked else best.attribute) \
            if best is not None else \
            last.asked[0] if last is not None and last.intent == "unanswerable" and last.asked else None
        said_before = (self.read_as if last is self.last and self.read_as else last.question) if last is not None else ""
        if asked and _ONLY_ONE.match(question.strip()) and self.product:
            low = question.strip().casefold()
            chosen = self.engine.understander.pick_listed(low, self.listed, self.product) if self.listed else None
            chosen = chosen or self.engine.understander.pick_variant(low, self.product)
            if chosen is not None:  # "the blue one price" … "ok the white one then": the white listing's price
                return f"what is its {asked}{_unit_again_of(said_before, question)}?", None, chosen[0][0]
        m = _AND_WITH.match(question.strip())
        if m is not None and not _asked_fit(last) and self.fit is not None and self.fit.products \
                and self.fit.products[0].id == self.product:
            last = self.fit  # "does it work with a macbook pro 14" … "price?" … "and with a galaxy s24?": of its fit
        if m is not None and _asked_fit(last) and (link := self.engine.understander.link_product(m.group("x"), strict=True)):
            if last.relation in _RELISTS or last.relation == "fits" and _FOR_ANOTHER.match(question.strip()):
                # "what about for the black dedica" after what is bought with one; "what about for the pixel 7a" after
                # the one case under $30 that fits the Pixel 8: the cases under $30 that fit the 7a
                return last.relisted, None, link.key
            return f"does this fit the {m.group('x')}?", last.products[0].id, None  # "and with a pixel 8?"
        m = WHAT_ABOUT.match(question.strip())
        if m is None and (m := _AND_NAME.match(question.strip())) is not None \
                and not self.engine.understander.names_product(m.group("x")):
            return None  # "and battery?", "and under $100?": no product named
        if m is None or last is None or _THEN_ASKS.search(m.group("x")) \
                or re.match(r"(?:cheapest|dearest|priciest|most expensive|least expensive)\b", m.group("x").casefold()):
            # "and the beats studio pro, whats that cost": the understander reads the name, then the question; "and the
            # cheapest ready-pour pitcher?" is a question of its own
            return None
        kind_asked = re.match(r"(?:(?:and|ok,?|okay,?) )?(?:(?:what|how) about )?(?:an?|some|any) ", question.strip(),
                              re.IGNORECASE) is not None
        if kind_asked and last.intent == "compatibility" and last.relation == "fits" and self.product \
                and self.engine.understander.titled_kind(m.group("x").casefold(), None):
            # "and a wireless pad?" after the chargers that fit the Pixel 8: the pads that fit it
            return f"any {m.group('x')} that fits it", None, self.product
        if not _asked_fit(last) and kind_asked and self.engine.understander.constraints(m.group("x").casefold()).categories:
            # "and a spare filter for the white one": a kind asked for ("and a macbook air?" names a product; "and an hp
            # pavilion 15?" of a fit asks the fit)
            return None
        # "and the pro?" after the Pixel 8: the Pixel 8 Pro; "what about in white?" names no product: the engine
        # narrows the list
        understander = self.engine.understander
        if best is not None and self.listed and understander.brand_only(m.group("x")) \
                and (picked := understander.pick_listed(question.strip().casefold(), self.listed, self.product)):
            # "hd 560s or ath-m50x" … "weight of the sennheiser?" … "and the audio technica": of those listed
            return _again_of_it(last, best), None, picked[0][0]
        of_it = last.question if _yes_no_of_it(last.question) else _named_as_it(
            last.question, understander.lexicon.titles.get(last.focus or "", ""))
        if (last.intent == "unanswerable" or best is not None and best.source == "text") and last.focus \
                and of_it and not understander.values_only(m.group("x")) \
                and (link := understander.link_product(m.group("x"), strict=True)) is not None and link.key != last.focus:
            # "does it come with a milk frother" (not said) … "and the dedica?"; "is the ninja blender dishwasher safe"
            # (its text says so) … "what about the vitamix": the same question, of it
            return of_it, None, link.key
        said = understander.constraints(m.group("x").casefold())
        if last.intent == "search" and said.values and not said.categories and not said.brands and len(said.words) <= 1 \
                and all("compatib" not in g.attribute for g in said.values) \
                and not (said.words and understander.names_product(said.words[0])):  # ("the x1 carbon": a name)
            return None  # "and a 1tb ssd" after laptops: the search, narrowed (not a laptop titled "1TB SSD")
        other = self._sibling(m.group("x"))
        if other is None:
            if not (understander.names_product(m.group("x")) or understander.brand_only(m.group("x"))) \
                    or not understander.link_product(m.group("x"), strict=True):
                return None  # "what about wide ones?": a common word names no product; the search, narrowed
            other = m.group("x")
        # "what coffee do people buy with it", of the black Dedica ("what about the pixel 8" after one case listed
        # that fits the iPhone 14: whether it fits the Pixel 8)
        relink = understander.link_product(_FOR_THE.sub("", other), strict=True) if last.relisted else None
        if relink is not None and (not _asked_fit(last) or last.relation in _RELISTS):
            return last.relisted, None, relink.key
        if _asked_fit(last):
            return f"does this fit the {other}?", last.products[0].id, None
        if understander.brand_only(other):  # "and the ninja one?": the Ninja (of the kind in focus)
            other = without_one_words(other)
        if best is not None:
            if (best.source == "text" and _IT.search(last.question) or _yes_no_of_it(last.question)) \
                    and (link := understander.link_product(other, strict=True)) is not None:
                # "is it dishwasher safe?" (its text said so) … "what about the ninja?": the same question of it
                return last.question, None, link.key
            return f"what is the {_asked_in_unit(asked, question)} of the {other}{_unit_again_of(said_before, question)}?", \
                None, None
        if asked and last.focus:  # "max height of the uplift" (not known) … "and the flexispot?": the same, of it
            return f"what is the {asked} of the {other}?", None, None
        if last.intent == "search" and understander.brand_only(other):
            return None  # "and the ninja one?" after bpa-free Vitamix blenders: the search, by Ninja (a refinement)
        if (last.intent == "search" or last.intent == "unanswerable" and not last.focus and not yes_no) \
                and not _NARROWING.match(other):
            # "pixel 8 under $700?" … "what about the pixel 7a?": its listings (also after a search that found none)
            return other, None, None
        return None


def _asked_in_unit(asked: str | None, question: str) -> str | None:
    """The attribute a follow-up asks that names a product and a unit of mass: "for comparison, the sony wh-1000xm5 in
    ounces?" after the battery life of another asks its weight; any other the attribute asked before."""
    unit = ANSWER_UNIT.search(question.casefold())
    said = UNITS.get(unit.group(1)) if unit is not None else None
    return "weight" if said is not None and base_quantity(1.0, said)[0] == "mass" and "weight" not in (asked or "") else asked


def _unit_again_of(before: str, question: str) -> str:
    """ " in square meters": the unit the last question (``before``) asked its answer in, for the same question of
    another product ("Levoit Core 300 … in square meters?" … "what about the coway?"), unless ``question`` says one."""
    unit = ANSWER_UNIT.search(before.casefold()) if not ANSWER_UNIT.search(question.casefold()) else None
    return f" in {unit.group(1)}" if unit is not None and unit.group(1) in UNITS else ""


def _yes_no_of_it(question: str) -> bool:
    """A yes/no question about "it" ("does it come with a milk frother"), which can be asked again of another product."""
    return bool(_YES_NO_ASKED.match(question) and _IT.search(question))


def _named_as_it(question: str, title: str) -> str | None:
    """A yes/no question that names its product ("is the ninja blender dishwasher safe") as asked of "it" ("is it
    dishwasher safe"): the words after "the" that the product's title says, replaced; None where there are none."""
    if not _YES_NO_ASKED.match(question) or not title:
        return None
    said = title_words(title)
    words = question.split()
    start = next((i for i, w in enumerate(words) if w.casefold() in ("the", "my", "this", "that")), None)
    if start is None:
        return None
    end = start + 1
    while end < len(words) and (toks := tokens(words[end])) and set(toks) <= said:
        end += 1
    if end == start + 1 or end == len(words):  # (nothing named, or nothing asked after the name)
        return None
    return " ".join([*words[:start], "it", *words[end:]])


def _again_of_it(last: Answer, best: Fact) -> str:
    """The last question again, of another product: its attribute, or (answered from a text, whose fact is the
    sentence) the question itself where it asked of "it" ("the second one - how long does the battery last" … "and
    the first?")."""
    if best.source == "text":
        if last.asked:
            return f"what is its {last.asked[0]}?"
        if _IT.search(last.question):
            return last.question
    return f"what is its {best.attribute}?"


def _asked_fit(last: Answer | None) -> TypeGuard[Answer]:
    """Whether the last answer was about one accessory's fit (the one asked about, or the one product a list of what
    fits held), so that "and with a pixel 8?" asks whether it fits that too (as ``last.products[0]``)."""
    return last is not None and (last.intent == "compatibility" or last.relation == "checked") \
        and len(last.products) in (1, 2)
