"""Scores for the attribute tagger: seqeval spans and attribute-value micro P/R/F1 (AVE scheme).

Attribute-value scoring, as in the AVE literature (OA-Mine, AE-110K, ExtractGPT): for every product
and every attribute of its category (the attributes that any record of that category in the data
names, with a value or "n/a"), the prediction is the best-scoring span of that attribute, and

    NN  no gold value, no prediction          NV  no gold value, a prediction
    VN  a gold value, no prediction           VC  the prediction equals a gold value
    VW  a gold value, a different prediction
    precision = VC / (NV + VC + VW)           recall = VC / (VN + VC + VW)

"Equals" compares case-insensitively with runs of whitespace collapsed; attribute names are matched
by `kg.normalize.attribute_key` ("Color" = "color"). Predictions for attributes
outside the product's category are not scored here (they count in the span metrics) and are
reported as ``outside_category``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.normalize import attribute_key

from extraction.align import Annotated, bio, load_annotations
from extraction.tagger import AttributeTagger, best_values

logger = logging.getLogger(__name__)


@dataclass
class AveCounts:
    nn: int = 0
    nv: int = 0
    vn: int = 0
    vc: int = 0
    vw: int = 0

    def add(self, other: AveCounts) -> None:
        for k in ("nn", "nv", "vn", "vc", "vw"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float:
        d = self.nv + self.vc + self.vw
        return self.vc / d if d else 0.0

    @property
    def recall(self) -> float:
        d = self.vn + self.vc + self.vw
        return self.vc / d if d else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def same_value(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def ave_counts(gold: Mapping[str, Sequence[str]], predicted: Mapping[str, str],
               attributes: Iterable[str]) -> dict[str, AveCounts]:
    """Per-attribute counts for one product: ``gold`` maps attribute → acceptable values ([] = none)."""
    out: dict[str, AveCounts] = {}
    for attribute in attributes:
        c = AveCounts()
        values = [v for v in gold.get(attribute, []) if v.strip()]
        guess = predicted.get(attribute)
        if not values:
            if guess is None:
                c.nn += 1
            else:
                c.nv += 1
        elif guess is None:
            c.vn += 1
        elif any(same_value(guess, v) for v in values):
            c.vc += 1
        else:
            c.vw += 1
        out[attribute] = c
    return out


def category_attributes(records: Iterable[Annotated]) -> dict[str, set[str]]:
    """category → every attribute that a record of that category names (with a value or "n/a")."""
    out: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        out[rec.category].update(rec.gold)
    return dict(out)


def by_key(named: Mapping[str, Any]) -> dict[str, Any]:
    """Re-key a mapping by `attribute_key`, so "Color" in the data meets "color" in the model."""
    return {attribute_key(k) or k: v for k, v in named.items()}


@dataclass
class Evaluation:
    records: int
    ave: AveCounts
    per_attribute: dict[str, AveCounts]
    spans: dict[str, float]
    span_labels: dict[str, dict[str, float]] = field(default_factory=dict)
    outside_category: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "ave_micro": self.ave.as_dict(),
            "spans": self.spans,
            "outside_category": self.outside_category,
            "per_attribute": {k: v.as_dict() for k, v in sorted(self.per_attribute.items())},
            "span_labels": self.span_labels,
        }


def evaluate_tagger(tagger: AttributeTagger, records: Sequence[Annotated]) -> Evaluation:
    """Run ``tagger`` over ``records`` and score it against their gold values and spans."""
    from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

    attrs_of = category_attributes(records)
    items = [(r.category, r.fields) for r in records]
    tagged = tagger.tag(items)
    total = AveCounts()
    per_attribute: dict[str, AveCounts] = defaultdict(AveCounts)
    y_true: list[list[str]] = []
    y_pred: list[list[str]] = []
    outside = 0
    names = {attribute_key(a) or a: a for rec in records for a in rec.gold}
    for rec, segs in zip(records, tagged):
        spans = tagger.spans(segs, rec.fields)
        best = by_key({a: s.value for a, s in best_values(
            [replace(s, attribute=attribute_key(s.attribute) or s.attribute) for s in spans]).items()})
        allowed = {attribute_key(a) or a for a in attrs_of.get(rec.category, set())}
        outside += sum(1 for a in best if a not in allowed)
        for attribute, c in ave_counts(by_key(rec.gold), best, allowed).items():
            total.add(c)
            per_attribute[names.get(attribute, attribute)].add(c)
        for seg in segs:
            y_true.append(bio(seg.words, rec.spans.get(seg.field, [])))
            y_pred.append(seg.tags)
    span_metrics = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    labels: dict[str, dict[str, float]] = {}
    if any(t != "O" for row in y_true for t in row) or any(t != "O" for row in y_pred for t in row):
        span_metrics = {
            "precision": round(float(precision_score(y_true, y_pred, zero_division=0)), 4),
            "recall": round(float(recall_score(y_true, y_pred, zero_division=0)), 4),
            "f1": round(float(f1_score(y_true, y_pred, zero_division=0)), 4),
        }
        report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
        labels = {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")}
                  for k, v in report.items() if not k.endswith(" avg")}
    return Evaluation(len(records), total, dict(per_attribute), span_metrics, labels, outside)


def evaluate_attributes(model_dir: str | Path, data: Sequence[str | Path], *, quantize: bool = False,
                        batch_size: int = 64) -> Evaluation:
    """Load the tagger in ``model_dir`` and score it on ``data`` (OA-Mine/AE-110K-style files,
    catalog records with attributes, or span annotations)."""
    tagger = AttributeTagger.load(model_dir, quantize=quantize, batch_size=batch_size)
    records, report = load_annotations(data)
    if report.unaligned:
        logger.info("%d of %d gold values could not be placed in the text (span metrics only)",
                    report.unaligned, report.values)
    return evaluate_tagger(tagger, records)
