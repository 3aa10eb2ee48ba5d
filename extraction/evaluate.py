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
reported as ``outside_category``. Spans scored below the model's ``min_score`` (chosen on dev data
at the end of training) are not predictions here.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from shopgraph.extraction.align import Annotated, bio, load_annotations
from shopgraph.extraction.tagger import AttributeTagger, Segment, best_values
from shopgraph.kg.normalize import attribute_key

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
    min_score: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "ave_micro": self.ave.as_dict(),
            "spans": self.spans,
            "outside_category": self.outside_category,
            "min_score": self.min_score,
            "per_attribute": {k: v.as_dict() for k, v in sorted(self.per_attribute.items())},
            "span_labels": self.span_labels,
        }


def evaluate_tagger(tagger: AttributeTagger, records: Sequence[Annotated], *, min_score: float | None = None,
                    tagged: Sequence[Sequence[Segment]] | None = None) -> Evaluation:
    """Run ``tagger`` over ``records`` (unless ``tagged`` holds its output) and score it against their
    gold values and spans. Spans scored below ``min_score`` (default: the tagger's own, tuned on dev
    in training) are not predictions for the attribute-value scores; the span scores take all tags."""
    if tagged is None:
        tagged = tagger.tag([(r.category, r.fields) for r in records])
    threshold = tagger.min_score if min_score is None else min_score
    total, per_attribute, outside = _ave(tagger, records, tagged, threshold)
    span_metrics, labels = _span_scores(records, tagged)
    return Evaluation(len(records), total, per_attribute, span_metrics, labels, outside, threshold)


def tune_min_score(tagger: AttributeTagger, records: Sequence[Annotated],
                   grid: Sequence[float] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)) -> tuple[float, Evaluation]:
    """The score threshold in ``grid`` with the best attribute-value F1 on ``records`` (the lowest on a tie)."""
    tagged = tagger.tag([(r.category, r.fields) for r in records])
    results = [(threshold, evaluate_tagger(tagger, records, min_score=threshold, tagged=tagged)) for threshold in grid]
    return max(results, key=lambda tr: (tr[1].ave.f1, -tr[0]))


def _ave(tagger: AttributeTagger, records: Sequence[Annotated], tagged: Sequence[Sequence[Segment]],
         threshold: float) -> tuple[AveCounts, dict[str, AveCounts], int]:
    attrs_of = category_attributes(records)
    total = AveCounts()
    per_attribute: dict[str, AveCounts] = defaultdict(AveCounts)
    outside = 0
    names = {attribute_key(a) or a: a for rec in records for a in rec.gold}
    for rec, segs in zip(records, tagged):
        spans = [s for s in tagger.spans(segs, rec.fields) if s.score >= threshold]
        best = by_key({a: s.value for a, s in best_values(
            [replace(s, attribute=attribute_key(s.attribute) or s.attribute) for s in spans]).items()})
        allowed = {attribute_key(a) or a for a in attrs_of.get(rec.category, set())}
        outside += sum(1 for a in best if a not in allowed)
        for attribute, c in ave_counts(by_key(rec.gold), best, allowed).items():
            total.add(c)
            per_attribute[names.get(attribute, attribute)].add(c)
    return total, dict(per_attribute), outside


def _span_scores(records: Sequence[Annotated], tagged: Sequence[Sequence[Segment]]
                 ) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """seqeval P/R/F1 of the predicted tags against the gold spans' BIO tags, overall and per label."""
    from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

    y_true: list[list[str]] = []
    y_pred: list[list[str]] = []
    for rec, segs in zip(records, tagged):
        for seg in segs:
            y_true.append(bio(seg.words, rec.spans.get(seg.field, [])))
            y_pred.append(list(seg.tags))
    if not any(t != "O" for row in y_true + y_pred for t in row):
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}, {}
    metrics = {
        "precision": round(float(precision_score(y_true, y_pred, zero_division=0)), 4),
        "recall": round(float(recall_score(y_true, y_pred, zero_division=0)), 4),
        "f1": round(float(f1_score(y_true, y_pred, zero_division=0)), 4),
    }
    report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
    labels = {k: {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score", "support")}
              for k, v in report.items() if not k.endswith(" avg")}
    return metrics, labels


def evaluate_attributes(model_dir: str | Path, data: Sequence[str | Path], *, quantize: bool = False,
                        batch_size: int = 64, min_score: float | None = None) -> Evaluation:
    """Load the tagger in ``model_dir`` and score it on ``data`` (OA-Mine/AE-110K-style files,
    catalog records with attributes, or span annotations); ``min_score`` defaults to the model's."""
    tagger = AttributeTagger.load(model_dir, quantize=quantize, batch_size=batch_size)
    records, report = load_annotations(data)
    if report.unaligned:
        logger.info("%d of %d gold values could not be placed in the text (span metrics only)",
                    report.unaligned, report.values)
    return evaluate_tagger(tagger, records, min_score=min_score)
