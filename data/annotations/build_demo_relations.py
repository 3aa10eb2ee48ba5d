"""Writes data/annotations/demo-relations.jsonl: 41 hand-checked product mentions in demo-catalog text.

Run from the repository root: .venv/bin/python data/annotations/build_demo_relations.py

Proposals: the relation classifier's distant supervision on data/demo/catalog.jsonl (mentions found by
extraction.relations.ProductIndex, types from the records' `related` links); a seeded sample
(random.Random(5)) of 24 linked and 16 unlinked mentions. Each was read by hand; `FIX` lists what the
review changed (the catalog links miss some true types, e.g. a case made for a phone is also
compatible with it, and the longest-name rule sometimes cuts a name at a hyphen or runs into another
product's name), and `EXTRA` adds a mention the proposals missed.
"""

import json
import random

from shopgraph.extraction.relations import ProductIndex, candidates, read_products

C, A, R, I = "COMPATIBLE_WITH", "ACCESSORY_FOR", "REPLACEMENT_FOR", "INCLUDES"
# sample position -> (mention text or None to keep the proposal's, types)
FIX = {
    4: (None, [C, R]), 5: (None, [C, R]), 6: (None, [C, R]), 12: (None, [C, R]), 14: (None, [C, R]),
    17: (None, [A, C]), 20: (None, [A, C]), 23: (None, [A, C]),
    18: ("ZeroWater Ready-Pour Pitcher", [C, R]),  # the proposal stopped at the hyphen
    24: ("Galaxy A54 5G", [A, C]),  # the proposal ran into "Case", naming another case
    37: (None, [C]),  # "Charges an iPhone 15 to 50 %": the catalog links this charger to other phones only
}
EXTRA = [(36, "ZeroWater Ready-Pour Pitcher", [C, R])]  # same line as sample 36, the pitcher the filters fit

products = read_products(["data/demo/catalog.jsonl"])
fields = {p.id: p.text_fields() for p in products}
cands = candidates(products, ProductIndex())
pos = [c for c in cands if c.gold]
neg = [c for c in cands if not c.gold]
rng = random.Random(5)
sample = rng.sample(pos, 24) + rng.sample(neg, 16)


def row(c, mention, types):
    text = fields[c.product][c.mention.field]
    start, end = c.mention.start, c.mention.end
    if mention is not None:
        line_start = text.rfind("\n", 0, start) + 1
        start = text.index(mention, line_start)
        end = start + len(mention)
    return {"id": c.product, "category": c.category, "field": c.mention.field, "text": text, "start": start,
            "end": end, "mention": text[start:end], "types": sorted(types)}


with open("data/annotations/demo-relations.jsonl", "w", encoding="utf-8") as out:
    for i, c in enumerate(sample):
        mention, types = FIX.get(i, (None, sorted(t.value for t in c.gold)))
        out.write(json.dumps(row(c, mention, types), ensure_ascii=False) + "\n")
    for i, mention, types in EXTRA:
        out.write(json.dumps(row(sample[i], mention, types), ensure_ascii=False) + "\n")
