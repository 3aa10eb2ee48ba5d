"""Writes data/annotations/demo-titles.jsonl: 40 demo-catalog titles with hand-checked attribute spans.

Run from the repository root: .venv/bin/python data/annotations/build_demo_titles.py

Proposals come from distant supervision (each record's own catalog attributes and brand, found in its
title by extraction.align); the 40 titles are a seeded sample (random.Random(3)) of the 400 ids. Each
proposal was then read by hand against its title, and `add` below lists what the review added: values
the title states but the catalog left out (the generator omits about 20 % on purpose) or writes
differently ("31.5 Inch" vs "31.5 inches"). No proposal was wrong, so none is removed here.
"""
import json, random
from shopgraph.extraction.align import load_annotations, Span
all_recs, _ = load_annotations(['data/demo/catalog.jsonl'])  # one spelling per attribute
recs = {r.id: r for r in all_recs}
ids = sorted(recs)
rng = random.Random(3)
pick = [ids[i] for i in sorted(rng.sample(range(len(ids)), 40))]
# Hand review of each proposal (distant supervision from the catalog's own attributes and brand):
# values the catalog leaves out but the title states, and spellings the catalog writes differently.
add = {
 "AUD-0000043": [("Connectivity", "Wired")],
 "AUD-0000048": [("Connectivity", "Wired")],
 "AUD-0000132": [("Connectivity", "Wireless")],
 "AUD-0000202": [("Connectivity", "Wired")],
 "AUD-0000376": [("Connectivity", "Wired")],
 "AUD-0000384": [("Brand", "Audio-Technica"), ("Connectivity", "Wired")],
 "CHG-0000010": [("Wattage", "65W"), ("Connector", "USB-C"), ("Connector", "USB-A")],
 "CHG-0000152": [("Wattage", "30 W")],
 "CHG-0000184": [("Wattage", "100 watts")],
 "CHG-0000353": [("Color", "Gray"), ("Connector", "USB-A")],
 "COF-0000173": [("Net Weight", "12 Oz")],
 "COF-0000176": [("Roast Level", "Medium")],
 "COF-0000186": [("Pack Size", "3-count")],
 "COF-0000260": [("Net Weight", "10 ounces"), ("Pack Size", "2 Count")],
 "FLT-0000034": [("Pack Size", "2 Pack")],
 "FLT-0000241": [("Compatible Model", "Plus Water Filter Pitcher"), ("Pack Size", "3 Count")],
 "LAP-0000008": [("RAM", "16GB"), ("Storage", "512 GB")],
 "LAP-0000244": [("RAM", "8GB")],
 "HOM-0000141": [("Color", "White")],
 "HOM-0000317": [("Color", "Black"), ("Capacity", "72 ounces")],
 "LAP-0000018": [("Screen Size", "15.6-inch"), ("Storage", "512GB")],
 "LAP-0000021": [("Screen Size", "14-inch"), ("Color", "Silver")],
 "LAP-0000258": [("Screen Size", "16 inches")],
 "LAP-0000267": [("Screen Size", "15.6 Inch"), ("Storage", "512 GB"), ("Color", "Natural Silver")],
 "LAP-0000327": [("Storage", "1 TB")],
 "PHN-0000046": [("Storage", "256 GB")],
 "PHN-0000084": [("Color", "Light Blue")],
 "RUN-0000044": [("Color", "Purple")],
 "RUN-0000387": [("Brand", "Brooks"), ("Gender", "Men's"), ("Color", "White"), ("Color", "Purple")],
 "RUN-0000394": [("Gender", "Men's")],
}
with open('data/annotations/demo-titles.jsonl', 'w', encoding='utf-8') as out:
    for pid in pick:
        r = recs[pid]
        text = r.fields['title']
        spans = list(r.spans['title'])
        for label, surface in add.get(pid, []):
            start = text.index(surface)
            assert not any(start < s.end and s.start < start + len(surface) for s in spans), (pid, surface)
            spans.append(Span(start, start + len(surface), label))
        spans.sort(key=lambda s: s.start)
        out.write(json.dumps({"id": pid, "category": r.category, "field": "title", "text": text,
                              "spans": [{"start": s.start, "end": s.end, "label": s.label,
                                         "value": text[s.start:s.end]} for s in spans]},
                             ensure_ascii=False) + "\n")
print(len(pick), sum(1 for _ in open('data/annotations/demo-titles.jsonl')))
