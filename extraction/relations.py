"""The relation classifier: what a product's text says about another product it mentions.

1. Mentions. `ProductIndex` knows the catalog's products by their names: the leading 2 to 8 words
   of the title, from its start and from after a leading brand, lower-cased, never across
   punctuation. A mention is a maximal n-gram of a product's text that names at most
   ``max_targets`` other products ("iPhone 15 Pro Max" in "Case for Apple iPhone
   15 Pro Max, Pink"); the attribute tagger's spans are looked up the same way.
2. Classification. The segment holding the mention is fed with entity markers around it
   ("Case for Apple << iPhone 15 Pro Max >> , Pink"), the category as the first sequence, to the
   same backbone as the tagger; the relation is read off the start marker's token ("entity start",
   as in Baldini Soares et al. 2019) by a linear layer with one sigmoid per type: COMPATIBLE_WITH,
   ACCESSORY_FOR, REPLACEMENT_FOR, INCLUDES; none above the threshold means NONE. (The layer is a
   token-classification head, so save_pretrained/from_pretrained need no custom class.)
3. Training data by distant supervision: a mention gets the types of the catalog's ``related`` links
   from the product to any product the mention names; mentions without such a link are NONE examples.

Scores are per (product, mention, type): precision, recall and F1 for each type and micro-averaged.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from shopgraph.extraction import modeldir
from shopgraph.extraction.tagger import Encoded, context_words, encode, pick_device
from shopgraph.extraction.tokenize import Word, segments, words
from shopgraph.extraction.train import TrainConfig, base_model_dir, begin, data_hashes, fit, load_base, split_records
from shopgraph.kg.build import ExtractedRelation, ExtractedValue
from shopgraph.kg.catalog import Product, read_catalog
from shopgraph.kg.errors import CatalogError, ConfigError
from shopgraph.kg.schema import ProductRelation

logger = logging.getLogger(__name__)

TASK = "relations"
TYPES: tuple[ProductRelation, ...] = (ProductRelation.COMPATIBLE_WITH, ProductRelation.ACCESSORY_FOR,
                                      ProductRelation.REPLACEMENT_FOR, ProductRelation.INCLUDES)
START, END = "<<", ">>"
_WORDY = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Mention:
    """Words [first, last) of one segment of a field, naming the products ``targets``."""

    field: str
    segment: int
    first: int
    last: int
    start: int
    end: int
    targets: tuple[str, ...]


_AMOUNT = re.compile(r"^\d+(?:[.,]\d+)?(?:gb|tb|mb|g|kg|mm|cm|m|in|w|mah|oz|ml|l|ft|hz|mp|pc|pcs|pack)?$")


# types whose two ends are different kinds of product (REPLACEMENT_FOR and INCLUDES may join one kind)
_OTHER_KIND = frozenset({ProductRelation.ACCESSORY_FOR, ProductRelation.COMPATIBLE_WITH})
# words after a model's name that name another model of its line ("Pro", "Max", "Ultra")
LINE_WORDS = frozenset({"pro", "plus", "max", "ultra", "mini", "lite", "fe", "se"})


class ProductIndex:
    """Catalog products by the word n-grams of their titles, for linking mentions."""

    def __init__(self, max_targets: int = 25, min_words: int = 2, max_words: int = 8) -> None:
        self.max_targets = max_targets
        self.min_words = min_words
        self.max_words = max_words
        self._grams: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._whole: dict[tuple[str, ...], set[str]] = defaultdict(set)  # the n-gram is the product's whole name
        # the title goes on after the n-gram with a word that names another model of the line ("iPhone 15" in
        # "iPhone 15 Pro …")
        self._longer: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self._known: set[str] = set()
        self._brands: set[tuple[str, ...]] = set()  # brand names of two words or more ("Bambu Lab")
        self.category: dict[str, str] = {}  # product → its category path, where the catalog gives one

    def __len__(self) -> int:
        return len(self._known)

    @staticmethod
    def chunks(ws: Sequence[Word]) -> Iterator[list[int]]:
        """Runs of word indices between punctuation-only words."""
        run: list[int] = []
        for i, w in enumerate(ws):
            if _WORDY.search(w.text):
                run.append(i)
            elif run:
                yield run
                run = []
        if run:
            yield run

    def add(self, product_id: str, title: str, brand: str | None = None, category: str = "") -> None:
        """Index a product under its names: the leading words of its title (up to the first
        punctuation), 2 to ``max_words`` of them, from the start and from after a leading brand
        ("Google Pixel 7a", "Pixel 7a"), never attribute values further on ("128GB", "Black")."""
        if product_id in self._known:
            return
        self._known.add(product_id)
        if category:
            self.category[product_id] = sys.intern(category)
        ws = words(title)
        run = next(self.chunks(ws), [])
        if not run or run[0] != 0:
            return
        keys = [ws[i].text.lower() for i in run]
        starts = [0]
        brand_keys = [w.text.lower() for w in words(brand)] if brand else []
        if len(brand_keys) >= self.min_words:
            self._brands.add(tuple(brand_keys))
        if brand_keys and keys[: len(brand_keys)] == brand_keys and len(keys) > len(brand_keys):
            starts.append(len(brand_keys))
        for a in starts:
            for b in range(a + self.min_words, min(len(keys), a + self.max_words) + 1):
                self._grams[tuple(keys[a:b])].add(product_id)
                if self._ends_name(ws, run, b):
                    self._whole[tuple(keys[a:b])].add(product_id)
                elif b < len(run) and keys[b] in LINE_WORDS:
                    self._longer[tuple(keys[a:b])].add(product_id)

    def add_product(self, p: Product) -> None:
        """Index a catalog product under its names, with its category."""
        self.add(p.id, p.title, p.brand, " > ".join(p.category))

    @staticmethod
    def _ends_name(ws: Sequence[Word], run: Sequence[int], b: int) -> bool:
        """Whether the title's first ``b`` words of ``run`` are a whole model name: punctuation, an amount or
        "by <brand>" follows ("Galaxy S24, 256 GB", "Pixel 7a 128GB", "Everyday Pitcher by Brita"), where
        "Galaxy S24 Ultra", "Galaxy S24+" and "Galaxy S24 Case" go on to name another product."""
        if b < len(run):
            following = ws[run[b]].text.lower()
            # an amount follows ("128GB", "256", "5G"), not a model number ("S24" after "Samsung Galaxy")
            return bool(_AMOUNT.match(following)) or following in ("by", "from")
        last = run[b - 1]
        glued = last + 1 < len(ws) and ws[last + 1].start == ws[last].end and ws[last + 1].text == "+"
        return not glued

    def targets(self, key: tuple[str, ...], exclude: str) -> tuple[str, ...]:
        """Products the n-gram names: those whose whole model name it is, when there are any ("Galaxy S24"
        names the S24 listings, not the S24 Ultra or a "Galaxy S24 Case"), else every title it begins but those
        that go on to another model of the line ("iPhone 15" names no "iPhone 15 Pro" nor an "iPhone 15 Pro Case":
        the catalog has no iPhone 15; "Dell XPS 15" names the "Dell XPS 15 9530"). A brand's name alone names none."""
        found = self._grams.get(key)
        whole = self._whole.get(key, set()) - {exclude}
        if whole:
            found = whole
        elif key in self._brands:
            return ()  # a brand alone names no product of it ("Bambu Lab" in "Bambu Lab PLA Filament")
        elif found and (longer := self._longer.get(key)):
            if len(found) - len(longer) > self.max_targets + 1:
                return ()  # too many either way: no set copied for a common opening
            found = found - longer
        if not found or len(found) > self.max_targets + 1:
            return ()
        ids = tuple(sorted(found - {exclude}))
        return ids if len(ids) <= self.max_targets else ()

    def _names_another_model(self, key: tuple[str, ...], exclude: str) -> bool:
        """The n-gram begins titles that all go on to another model of a line, and is no title's whole name."""
        grams, longer = self._grams.get(key), self._longer.get(key)
        if not grams or not longer or len(grams) > len(longer) + 1 or self._whole.get(key, set()) - {exclude}:
            return False
        return any(g != exclude for g in grams) and all(g in longer or g == exclude for g in grams)

    def mentions(self, product_id: str, field_name: str, segment: int, ws: Sequence[Word]) -> list[Mention]:
        """Maximal, non-overlapping n-grams of ``ws`` that name other products (longest first, left to right)."""
        out: list[Mention] = []
        for run in self.chunks(ws):
            keys = [ws[i].text.lower() for i in run]
            a = 0
            while a < len(run):
                best: tuple[int, tuple[str, ...]] | None = None
                blocked = 0  # "Apple iPhone 15" where the titles go on "Pro": no shorter "Apple iPhone" either
                for b in range(min(len(run), a + self.max_words), a + self.min_words - 1, -1):
                    key = tuple(keys[a:b])
                    found = self.targets(key, product_id)
                    if found:
                        best = (b, found)
                        break
                    if self._names_another_model(key, product_id):
                        blocked = b
                        break
                if best is None:
                    a = blocked or a + 1
                    continue
                b, found = best
                if b < len(run) and any(c.isdigit() for c in keys[b]) and not _AMOUNT.match(keys[b]) \
                        and not self._whole.get(tuple(keys[a:b])):
                    # "Samsung Galaxy A54 5G" where no title begins so: "Samsung Galaxy" goes on with a model
                    # number no title has, so it names another model, not every Galaxy
                    a = b
                    continue
                first, last = run[a], run[b - 1] + 1
                out.append(Mention(field_name, segment, first, last, ws[first].start, ws[last - 1].end, found))
                a = b
        return out


def marker_positions(encoded: Sequence[Encoded], cands: Sequence[Candidate]) -> list[int]:
    """The token index of each candidate's start marker (0, the [CLS] token, if it was cut off)."""
    out = []
    for enc, c in zip(encoded, cands):
        try:
            out.append(enc.first_token_of.index(c.mention.first))
        except ValueError:
            out.append(0)
    return out


def relation_logits(model: Any, batch: dict[str, Any]) -> Any:
    """(batch, types) logits: the head's output at each example's start marker."""
    import torch

    logits = model(input_ids=batch["input_ids"], token_type_ids=batch["token_type_ids"],
                   attention_mask=batch["attention_mask"]).logits
    return logits[torch.arange(logits.shape[0], device=logits.device), batch["positions"]]


def relation_loss(model: Any, batch: dict[str, Any]) -> Any:
    import torch

    return torch.nn.functional.binary_cross_entropy_with_logits(relation_logits(model, batch), batch["labels"])


def marked(ws: Sequence[Word], m: Mention) -> list[str]:
    texts = [w.text for w in ws]
    return texts[: m.first] + [START] + texts[m.first: m.last] + [END] + texts[m.last:]


@dataclass
class Candidate:
    """One (product, mention) pair with its input words and, from the catalog, its types."""

    product: str
    category: str
    mention: Mention
    words: list[str]
    gold: frozenset[ProductRelation] = frozenset()


def candidates(products: Sequence[Product], index: ProductIndex, max_words: int = 64,
               extra: Sequence[Sequence[ExtractedValue]] | None = None) -> list[Candidate]:
    """Every mention of another product in ``products``' text (after adding them to ``index``)."""
    for p in products:
        index.add_product(p)
    out: list[Candidate] = []
    for n, p in enumerate(products):
        category = " > ".join(p.category)
        links = {(t, target) for t, target in p.related if t in TYPES}
        spans = extra[n] if extra is not None else ()
        for field_name, text in p.text_fields().items():
            for s_i, ws in enumerate(segments(text, max_words)):
                found = index.mentions(p.id, field_name, s_i, ws)
                taken = {(m.start, m.end) for m in found}
                for v in spans:  # the tagger's spans ("Compatible Model": "iPhone 15") name products too
                    if v.field != field_name or (v.start, v.end) in taken:
                        continue
                    inside = [i for i, w in enumerate(ws) if w.start >= v.start and w.end <= v.end]
                    if not inside or any(v.start < e and s < v.end for s, e in taken):
                        continue
                    key = tuple(ws[i].text.lower() for i in inside if _WORDY.search(ws[i].text))
                    targets = index.targets(key, p.id)
                    if targets:
                        found.append(Mention(field_name, s_i, inside[0], inside[-1] + 1, v.start, v.end, targets))
                        taken.add((v.start, v.end))
                for m in found:
                    gold = frozenset(t for t, target in links if target in m.targets)
                    out.append(Candidate(p.id, category, m, marked(ws, m), gold))
    return out


# ---------------------------------------------------------------- model


class RelationClassifier:
    """Classifies product mentions into relation types; loaded from a model directory with `load`."""

    def __init__(self, model: Any, tokenizer: Any, *, threshold: float = 0.5, max_length: int = 160,
                 max_words: int = 64, max_targets: int = 25, batch_size: int = 64, device: str | None = None,
                 name: str = "relations", version: str = "", thresholds: Mapping[str, float] | None = None) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.threshold = threshold
        # per type, chosen on dev after training (tune_thresholds); a type not listed uses ``threshold``
        self.thresholds = {t: float((thresholds or {}).get(t.value, threshold)) for t in TYPES}
        self.max_length = max_length
        self.max_words = max_words
        self.batch_size = batch_size
        self.device = pick_device(device)
        self.name = name
        self.version = version
        self.index = ProductIndex(max_targets=max_targets)
        self.model.to(self.device)

    @classmethod
    def load(cls, directory: str | Path, *, device: str | None = None, batch_size: int = 64) -> RelationClassifier:
        meta, model, tokenizer = modeldir.load(Path(directory), TASK)
        if meta.labels != [t.value for t in TYPES]:
            raise modeldir.ModelLoadError(
                f"{directory}: relation types {meta.labels} are not this shopgraph's {[t.value for t in TYPES]}; "
                f"retrain it with `shopgraph train relations`")
        cfg = meta.config
        return cls(model, tokenizer, threshold=float(cfg.get("threshold", 0.5)), thresholds=cfg.get("thresholds"),
                   max_length=int(cfg.get("max_length", 160)), max_words=int(cfg.get("max_words", 64)),
                   max_targets=int(cfg.get("max_targets", 25)), batch_size=batch_size, device=device,
                   name=meta.name, version=meta.version)

    def probabilities(self, cands: Sequence[Candidate]) -> list[list[float]]:
        """Per candidate, one probability per type in TYPES."""
        import torch

        if not cands:
            return []
        unique: dict[tuple[str, tuple[str, ...]], int] = {}  # identical inputs (category, marked words) run once
        first: list[Candidate] = []
        which = [unique.setdefault((c.category, tuple(c.words)), len(unique)) for c in cands]
        for c, k in zip(cands, which):
            if k == len(first):
                first.append(c)
        ctx: dict[str, list[str]] = {}
        encoded = encode(self.tokenizer, [(ctx.setdefault(c.category, context_words(c.category)), c.words)
                                          for c in first], self.max_length)
        positions = marker_positions(encoded, first)
        order = sorted(range(len(first)), key=lambda k: len(encoded[k].input_ids))
        out: list[list[float]] = [[] for _ in first]
        pad_id = self.tokenizer.pad_token_id or 0
        self.model.eval()
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b: b + self.batch_size]
                batch = collate([encoded[k] for k in idx], [positions[k] for k in idx], None, pad_id)
                logits = relation_logits(self.model, {k: v.to(self.device) for k, v in batch.items()}).float().cpu()
                for r, row in zip(idx, torch.sigmoid(logits).tolist()):
                    out[r] = row
        return [out[k] for k in which]

    def decide(self, cands: Sequence[Candidate]) -> list[frozenset[ProductRelation]]:
        """The types at or above the threshold, per candidate."""
        return self.decide_from(self.probabilities(cands))

    def decide_from(self, probabilities: Sequence[Sequence[float]]) -> list[frozenset[ProductRelation]]:
        return [frozenset(t for t, p in zip(TYPES, probs) if p >= self.thresholds[t]) for probs in probabilities]

    def extract(self, products: Sequence[Product],
                values: Sequence[Sequence[ExtractedValue]] | None = None) -> list[list[ExtractedRelation]]:
        """Relations each product's text states about products seen so far (this batch included)."""
        cands = candidates(products, self.index, self.max_words, values)
        position = {p.id: i for i, p in enumerate(products)}
        out: list[list[ExtractedRelation]] = [[] for _ in products]
        for c, probs in zip(cands, self.probabilities(cands)):
            chosen = {t: prob for t, prob in zip(TYPES, probs) if prob >= self.thresholds[t]}
            for target in c.mention.targets:
                other_kind = bool(c.category) and self.index.category.get(target, c.category) != c.category
                found = dict(chosen)
                if other_kind and ProductRelation.REPLACEMENT_FOR in found:
                    # a replacement part of another kind fits what it replaces (a filter for a purifier)
                    found.setdefault(ProductRelation.COMPATIBLE_WITH, found[ProductRelation.REPLACEMENT_FOR])
                for t, prob in found.items():
                    if t in _OTHER_KIND and c.category and self.index.category.get(target) == c.category:
                        continue  # a case is no accessory for another case, a charger fits no charger
                    out[position[c.product]].append(ExtractedRelation(
                        t, target, c.mention.field, c.mention.start, c.mention.end, round(prob, 4)))
        return out


def collate(batch: Sequence[Encoded], positions: Sequence[int], targets: Sequence[Sequence[float]] | None,
            pad_id: int) -> dict[str, Any]:
    import torch

    from shopgraph.extraction.tagger import pad_batch

    out = pad_batch(batch, pad_id)
    out["positions"] = torch.tensor(list(positions), dtype=torch.long)
    if targets is not None:
        out["labels"] = torch.tensor([list(t) for t in targets], dtype=torch.float)
    return out


# ---------------------------------------------------------------- data, scores, training


def read_products(paths: Iterable[str | Path]) -> list[Product]:
    out: list[Product] = []
    for path in paths:
        for rec in read_catalog(path):
            assert isinstance(rec, Product)
            out.append(rec)
    return out


def is_annotation_file(path: str | Path) -> bool:
    """True when the first record of ``path`` is a mention annotation (has "types"), not a product."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(obj, dict) and "types" in obj and "start" in obj
    return False


def read_relation_annotations(path: str | Path, max_words: int = 64) -> list[Candidate]:
    """Hand-checked mentions, one a line: {"id", "category", "field", "text", "start", "end", "types": [...]}
    where text[start:end] names another product and "types" is [] for NONE."""
    out: list[Candidate] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text, start, end = str(obj["text"]), int(obj["start"]), int(obj["end"])
                types = frozenset(ProductRelation.parse(t) for t in obj["types"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise CatalogError(path, number, f"expected {{\"text\", \"start\", \"end\", \"types\": [...]}}: {exc}") from None
            if types - set(TYPES):
                raise CatalogError(path, number, f"types must be among {[t.value for t in TYPES]} ([] for NONE)")
            for s_i, ws in enumerate(segments(text, max_words)):
                first = next((i for i, w in enumerate(ws) if w.start == start), None)
                last = next((i + 1 for i, w in enumerate(ws) if w.end == end), None)
                if first is not None and last is not None and first < last:
                    m = Mention(str(obj.get("field") or "title"), s_i, first, last, start, end, ())
                    out.append(Candidate(str(obj.get("id") or f"{Path(path).name}:{number}"),
                                         str(obj.get("category") or ""), m, marked(ws, m), types))
                    break
            else:
                raise CatalogError(path, number, f"mention ({start}, {end}) does not start and end on word "
                                                 "boundaries of one line of the text; fix the offsets")
    return out


@dataclass
class RelationScores:
    per_type: dict[str, dict[str, float]]
    micro: dict[str, float]
    candidates: int
    positives: int
    # catalogs only: every gold link of the file against what `extract` writes (finder, model, kind rule),
    # so a link the mention finder never reaches counts as missed
    links: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def score(gold: Sequence[frozenset[ProductRelation]], predicted: Sequence[frozenset[ProductRelation]],
          ) -> RelationScores:
    """Per-type and micro P/R/F1 over (candidate, type) decisions."""
    per_type, micro = _per_type({(i, t) for i, g in enumerate(gold) for t in g},
                                {(i, t) for i, p in enumerate(predicted) for t in p})
    return RelationScores(per_type, micro, len(gold), sum(1 for g in gold if g))


Link = tuple[str, ProductRelation, str]  # (source product, type, target product)


def score_links(gold: set[Link], predicted: set[Link]) -> dict[str, Any]:
    """Per-type and micro P/R/F1 over (source, type, target) links."""
    per_type, micro = _per_type({((s, o), t) for s, t, o in gold}, {((s, o), t) for s, t, o in predicted})
    return {"per_type": per_type, "micro": micro, "gold": len(gold), "predicted": len(predicted)}


def _per_type(gold: set[tuple[Hashable, ProductRelation]], predicted: set[tuple[Hashable, ProductRelation]],
              ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """P/R/F1 per type and pooled over (item, type) pairs."""
    per_type: dict[str, dict[str, float]] = {}
    for t in TYPES:
        g, p = {x for x in gold if x[1] == t}, {x for x in predicted if x[1] == t}
        per_type[t.value] = _prf(len(g & p), len(p - g), len(g - p))
    return per_type, _prf(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}


def evaluate_classifier(clf: RelationClassifier, products: Sequence[Product],
                        known: Sequence[Product] = ()) -> RelationScores:
    """Score ``clf`` on the mentions in ``products`` against their catalog links; mentions may name
    ``products`` and ``known`` ones (a fresh index of both)."""
    clf.index = ProductIndex(clf.index.max_targets)
    for p in known:
        clf.index.add_product(p)
    cands = candidates(products, clf.index, clf.max_words)
    return score([c.gold for c in cands], clf.decide(cands))


THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
MIN_PRECISION = 0.8  # a type's threshold is the best-F1 one among those at this dev precision or above, if any


def tune_thresholds(clf: RelationClassifier, products: Sequence[Product],
                    known: Sequence[Product] = ()) -> dict[str, dict[str, float]]:
    """Choose each type's threshold on dev ``products`` (sets ``clf.thresholds``): the best F1 among
    thresholds whose precision is at least MIN_PRECISION, else the best F1. Returns each type's choice
    and dev P/R/F1."""
    clf.index = ProductIndex(clf.index.max_targets)
    for p in known:
        clf.index.add_product(p)
    cands = candidates(products, clf.index, clf.max_words)
    probs = clf.probabilities(cands)
    chosen: dict[str, dict[str, float]] = {}
    for i, t in enumerate(TYPES):
        options = []
        for th in THRESHOLDS:
            tp = sum(1 for c, p in zip(cands, probs) if t in c.gold and p[i] >= th)
            fp = sum(1 for c, p in zip(cands, probs) if t not in c.gold and p[i] >= th)
            fn = sum(1 for c, p in zip(cands, probs) if t in c.gold and p[i] < th)
            options.append((th, _prf(tp, fp, fn)))
        precise = [o for o in options if o[1]["precision"] >= MIN_PRECISION and o[1]["support"]]
        th, prf = max(precise or options, key=lambda o: (o[1]["f1"], -abs(o[0] - 0.5)))
        clf.thresholds[t] = th
        chosen[t.value] = {"threshold": th, **prf}
    return chosen


def evaluate_relations(model_dir: str | Path, data: Sequence[str | Path]) -> RelationScores:
    """Score on catalogs (mentions found by the index, types from their related links) or on
    hand-checked mention annotations (`read_relation_annotations`), file by file, pooled. For catalogs,
    ``links`` also scores what `extract` writes against every gold link, reached by the finder or not."""
    clf = RelationClassifier.load(model_dir)
    annotated = [p for p in data if is_annotation_file(p)]
    catalogs = [p for p in data if p not in annotated]
    gold: list[frozenset[ProductRelation]] = []
    predicted: list[frozenset[ProductRelation]] = []
    links = None
    if catalogs:
        products = read_products(catalogs)
        clf.index = ProductIndex(clf.index.max_targets)
        cands = candidates(products, clf.index, clf.max_words)
        gold += [c.gold for c in cands]
        predicted += clf.decide(cands)
        known = {p.id for p in products}
        clf.index = ProductIndex(clf.index.max_targets)
        written = clf.extract(products)
        links = score_links({(p.id, t, target) for p in products for t, target in p.related
                             if t in TYPES and target in known},
                            {(p.id, r.type, r.target) for p, found in zip(products, written) for r in found})
    for path in annotated:
        cands = read_relation_annotations(path, clf.max_words)
        gold += [c.gold for c in cands]
        predicted += clf.decide(cands)
    scores = score(gold, predicted)
    scores.links = links
    return scores


@dataclass
class RelationTrainConfig(TrainConfig):
    learning_rate: float = 1e-4
    threshold: float = 0.5
    thresholds: dict[str, float] = field(default_factory=dict)  # per type, chosen on dev after training
    max_targets: int = 25
    none_per_positive: float = 3.0  # keep at most this many NONE candidates per linked one (seeded sample)


def train_relations(train: Sequence[str | Path], output: str | Path, *, dev: str | Path | None = None,
                    config: RelationTrainConfig | None = None, force: bool = False,
                    progress: Callable[[int], None] | None = None,
                    on_epoch: Callable[[dict[str, Any]], None] | None = None) -> tuple[modeldir.ModelMeta, float]:
    """Fine-tune the relation classifier on catalogs whose records carry ``related`` links, plus any
    hand-checked mention files among ``train`` (`read_relation_annotations`; all of them are kept)."""
    import random

    cfg = config or RelationTrainConfig()
    out, started = begin(output, cfg, force=force)
    annotated_files = [p for p in train if is_annotation_file(p)]
    products = read_products([p for p in train if p not in annotated_files])
    hand = [c for path in annotated_files for c in read_relation_annotations(path, cfg.max_words)]
    if dev is not None:
        dev_products = read_products([dev])
    else:
        products, dev_products = split_records(products, cfg.dev_fraction, cfg.seed)  # type: ignore[arg-type]
    index = ProductIndex(cfg.max_targets)
    for p in dev_products:  # training mentions may name dev products and the other way round
        index.add_product(p)
    cands = candidates(products, index, cfg.max_words)
    positives = [c for c in cands if c.gold]
    if not positives and not any(c.gold for c in hand):
        raise ConfigError(f"no catalog link in {', '.join(map(str, train))} could be found in the text: records need "
                          "'related' links (compatible-with, accessory-for, replacement-for, includes) to products "
                          "that their title, bullets or description name")
    negatives = [c for c in cands if not c.gold]
    random.Random(cfg.seed).shuffle(negatives)
    kept = positives + negatives[: int(cfg.none_per_positive * len(positives))] + hand
    base = base_model_dir(cfg.base_model)
    cfg.base_model = str(base)
    labels = [t.value for t in TYPES]
    tokenizer, model = load_base(base, "AutoModelForTokenClassification", freeze_embeddings=cfg.freeze_embeddings,
                                 num_labels=len(TYPES),
                                 id2label=dict(enumerate(labels)), label2id={v: i for i, v in enumerate(labels)})
    features = encode(tokenizer, [(context_words(c.category), c.words) for c in kept], cfg.max_length)
    positions = marker_positions(features, kept)
    targets = [(pos, [1.0 if t in c.gold else 0.0 for t in TYPES]) for pos, c in zip(positions, kept)]
    device = pick_device()
    model.to(device)
    clf = RelationClassifier(model, tokenizer, threshold=cfg.threshold, max_length=cfg.max_length,
                             max_words=cfg.max_words, max_targets=cfg.max_targets, device=device)
    pad_id = tokenizer.pad_token_id or 0
    logger.info("relations: %d candidates (%d linked, %d NONE kept of %d)", len(kept), len(positives),
                len(kept) - len(positives), len(negatives))

    epoch = [0]

    def dev_score() -> tuple[tuple[float, ...], dict[str, Any], RelationScores]:
        s = evaluate_classifier(clf, dev_products, products)
        epoch[0] += 1
        return (s.micro["f1"], epoch[0]), {"dev_micro_f1": s.micro["f1"]}, s  # a tie keeps the later epoch

    history, best = fit(model, features, targets,
                        lambda b, t: collate(b, [pos for pos, _ in t], [y for _, y in t], pad_id),
                        dev_score if dev_products else None, cfg, started=started, progress=progress,
                        on_epoch=on_epoch, loss_fn=relation_loss)
    tuned = None
    if dev_products:
        clf.device = "cpu"
        model.to("cpu")
        tuned = tune_thresholds(clf, dev_products, products)
        cfg.thresholds = {t: v["threshold"] for t, v in tuned.items()}
        best = evaluate_classifier(clf, dev_products, products)
    seconds = time.perf_counter() - started
    meta = modeldir.ModelMeta(
        task=TASK, labels=labels, config=asdict(cfg),
        data=data_hashes(train, dev),
        metrics={"dev": best.as_dict() if best else None, "dev_thresholds": tuned, "train_candidates": len(kept),
                 "train_linked": len(positives) + sum(1 for c in hand if c.gold), "hand_checked": len(hand), "history": history,
                 "parameters": sum(p.numel() for p in model.parameters()), "train_seconds": round(seconds, 1)},
    )
    modeldir.save(out, model, tokenizer, meta)
    return meta, seconds
