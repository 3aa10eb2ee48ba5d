"""Training and evaluation data for the attribute tagger, in two forms.

(a) Distant supervision: catalog-style records whose ``attributes`` (or, in the OA-Mine / AE-110K /
    WDC-PAVE files, ``target_scores``) hold values but no offsets. Each value is looked up in the
    record's text fields (title, bullets, description): case-insensitively, with "128GB" matching
    "128 GB" and runs of spaces matching one, and only where the match starts and ends on a word
    boundary (so "men" is not found inside "Women's"). Every occurrence is tagged; where two values
    overlap, the longer one wins. Values that cannot be placed are counted in an AlignmentReport.
(b) Explicit span annotations: ``{"text": …, "spans": [{"start", "end", "label"}], "category": …}``.

Both become `Annotated` records: text fields, character spans per field, and the gold values per
attribute (an empty list where the data says "n/a", i.e. the text states no value).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopgraph.extraction.tokenize import Word, words
from shopgraph.kg.catalog import Product, Rejected, catalog_format, product_from_mapping, read_catalog
from shopgraph.kg.errors import CatalogError
from shopgraph.kg.normalize import attribute_key

NO_VALUE = "n/a"


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range of one text field."""

    start: int
    end: int
    label: str


@dataclass
class Annotated:
    """One product's text with gold attribute spans (per field) and gold values (per attribute)."""

    id: str
    category: str
    fields: dict[str, str]
    spans: dict[str, list[Span]] = field(default_factory=dict)
    gold: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class AlignmentReport:
    """How many gold values distant supervision could place in the text, and why not the rest."""

    records: int = 0
    values: int = 0
    aligned: int = 0
    absent: int = 0  # not in the text at all
    off_boundary: int = 0  # only inside a word, e.g. "men" in "Women's"
    shadowed: int = 0  # every occurrence lies inside a longer value's span
    explicit_spans: int = 0
    unaligned_by_attribute: Counter[str] = field(default_factory=Counter)

    @property
    def unaligned(self) -> int:
        return self.absent + self.off_boundary + self.shadowed

    def add(self, other: AlignmentReport) -> None:
        for name in ("records", "values", "aligned", "absent", "off_boundary", "shadowed", "explicit_spans"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unaligned_by_attribute.update(other.unaligned_by_attribute)

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "values": self.values, "aligned": self.aligned,
            "unaligned": self.unaligned, "absent": self.absent, "off_boundary": self.off_boundary,
            "shadowed": self.shadowed, "explicit_spans": self.explicit_spans,
            "unaligned_by_attribute": dict(self.unaligned_by_attribute.most_common()),
        }


# ---------------------------------------------------------------- finding values in text


def value_pattern(value: str) -> re.Pattern[str]:
    """A case-insensitive regex for ``value`` that tolerates unit spacing ("128GB" ~ "128 GB") and
    runs of whitespace."""
    v = " ".join(value.split())
    parts: list[str] = []
    for i, ch in enumerate(v):
        if ch == " ":
            parts.append(r"\s*" if v[i - 1].isdigit() and v[i + 1].isalpha() else r"\s+")
            continue
        if i and v[i - 1].isdigit() and ch.isalpha():
            parts.append(r"\s*")
        parts.append(re.escape(ch))
    return re.compile("".join(parts), re.IGNORECASE)


def align_values(text: str, ws: Sequence[Word],
                 values: Mapping[str, Sequence[str]]) -> tuple[list[Span], dict[tuple[str, str], str]]:
    """Place ``values`` (attribute -> surface values) in ``text`` whose words are ``ws``.

    Returns the chosen spans (no overlaps; the longer value wins, then the earlier one) and, for
    each (attribute, value), its outcome here: 'aligned', 'shadowed', 'off_boundary' or 'absent'.
    """
    starts = {w.start for w in ws}
    ends = {w.end for w in ws}
    candidates: list[tuple[int, int, int, str, str]] = []  # -length, start, order, attribute, value
    outcome: dict[tuple[str, str], str] = {}
    order = 0
    for attribute, vals in values.items():
        for value in vals:
            if not value.strip():
                continue
            found = "absent"
            for m in value_pattern(value).finditer(text):
                if m.start() in starts and m.end() in ends:
                    candidates.append((-(m.end() - m.start()), m.start(), order, attribute, value))
                    found = "candidate"
                elif found == "absent":
                    found = "off_boundary"
            outcome[(attribute, value)] = found
            order += 1
    taken: list[tuple[int, int]] = []
    spans: list[Span] = []
    for neg_len, start, _, attribute, value in sorted(candidates):
        end = start - neg_len
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        spans.append(Span(start, end, attribute))
        outcome[(attribute, value)] = "aligned"
    for key, state in outcome.items():
        if state == "candidate":
            outcome[key] = "shadowed"
    spans.sort(key=lambda s: s.start)
    return spans, outcome


def annotate(product: Product, values: Mapping[str, Sequence[str]],
             report: AlignmentReport | None = None) -> Annotated:
    """Distant supervision for one product: find each gold value in its title, bullets and description."""
    fields = product.text_fields()
    spans: dict[str, list[Span]] = {}
    best: dict[tuple[str, str], str] = {}
    rank = {"aligned": 3, "shadowed": 2, "off_boundary": 1, "absent": 0}
    present = {a: [v for v in vs if v.strip()] for a, vs in values.items()}
    for name, text in fields.items():
        found, outcome = align_values(text, words(text), present)
        spans[name] = found
        for key, state in outcome.items():
            if key not in best or rank[state] > rank[best[key]]:
                best[key] = state
    if report is not None:
        report.records += 1
        for (attribute, _), state in best.items():
            report.values += 1
            if state == "aligned":
                report.aligned += 1
            else:
                setattr(report, state, getattr(report, state) + 1)
                report.unaligned_by_attribute[attribute] += 1
    return Annotated(product.id, " > ".join(product.category), fields, spans,
                     {a: list(vs) for a, vs in present.items()})


# ---------------------------------------------------------------- reading files


def gold_values(obj: Mapping[str, Any], product: Product) -> dict[str, list[str]]:
    """attribute -> values from ``target_scores`` (OA-Mine / AE-110K / WDC-PAVE) or ``attributes``.

    In ``target_scores`` a value "n/a" means the text states none: the attribute maps to []. A
    catalog ``brand`` counts as the value of "Brand" unless the attributes name a brand themselves.
    """
    scores = obj.get("target_scores")
    if scores is not None:
        if not isinstance(scores, dict):
            raise ValueError("field 'target_scores' must be an object {attribute: {value: score}}")
        out: dict[str, list[str]] = {}
        for attribute, options in scores.items():
            if not isinstance(options, dict):
                raise ValueError(f"target_scores[{attribute!r}] must be an object {{value: score}}")
            out[str(attribute)] = [str(v) for v in options if str(v).strip() and str(v) != NO_VALUE]
        return out
    out = {a: list(vs) for a, vs in product.attributes.items()}
    if product.brand and not any(a.strip().lower() in ("brand", "brand name") for a in out):
        out["Brand"] = [product.brand]
    return out


def explicit(obj: Mapping[str, Any], path: str, line: int) -> Annotated:
    """An explicit span annotation ``{"text", "spans": [{"start", "end", "label"}]}``."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CatalogError(path, line, "span annotation needs a non-empty string 'text'")
    raw = obj.get("spans")
    if not isinstance(raw, list):
        raise CatalogError(path, line, "span annotation needs 'spans': a list of {start, end, label}")
    field_name = str(obj.get("field") or "title")
    spans: list[Span] = []
    gold: dict[str, list[str]] = {}
    for i, s in enumerate(raw):
        try:
            start, end, label = int(s["start"]), int(s["end"]), str(s["label"]).strip()
        except (KeyError, TypeError, ValueError):
            raise CatalogError(path, line, f"spans[{i}] must be {{\"start\": int, \"end\": int, \"label\": str}}") from None
        if not (0 <= start < end <= len(text)) or not label:
            raise CatalogError(path, line, f"spans[{i}] ({start}, {end}, {label!r}) is outside the text "
                                           f"(length {len(text)}) or has no label; fix the offsets")
        if any(start < o.end and o.start < end for o in spans):
            raise CatalogError(path, line, f"spans[{i}] overlaps an earlier span; spans must not overlap")
        spans.append(Span(start, end, label))
        gold.setdefault(label, []).append(text[start:end])
    for label in obj.get("absent") or []:
        gold.setdefault(str(label), [])
    category = obj.get("category") or ""
    if isinstance(category, list):
        category = " > ".join(str(c) for c in category)
    rid = str(obj.get("id") or f"{Path(path).name}:{line}")
    return Annotated(rid, str(category), {field_name: text}, {field_name: sorted(spans, key=lambda s: s.start)}, gold)


def read_annotations(path: str | Path, report: AlignmentReport | None = None) -> Iterator[Annotated]:
    """Stream `Annotated` records from one file: span annotations or catalog-style records (JSONL),
    or any catalog format kg.catalog reads (CSV, RDF: values from their ``attributes``)."""
    name = str(path)
    if catalog_format(path) != "jsonl":
        for rec in read_catalog(path):
            assert isinstance(rec, Product)
            yield annotate(rec, gold_values({}, rec), report)
        return
    from shopgraph.kg.catalog import open_binary

    with open_binary(path) as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CatalogError(name, number, f"invalid UTF-8 at byte {exc.start}; re-encode the file as UTF-8") from None
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise CatalogError(name, number, f"malformed JSON: {exc.msg} at column {exc.colno}") from None
            if not isinstance(obj, dict):
                raise CatalogError(name, number, f"expected a JSON object, got {type(obj).__name__}")
            if "spans" in obj:
                ann = explicit(obj, name, number)
                if report is not None:
                    report.records += 1
                    for field_name, spans in ann.spans.items():
                        ws = words(ann.fields[field_name])
                        starts, ends = {w.start for w in ws}, {w.end for w in ws}
                        for s in spans:
                            report.explicit_spans += 1
                            if s.start not in starts or s.end not in ends:
                                report.off_boundary += 1  # only the words wholly inside it get its label
                                report.unaligned_by_attribute[s.label] += 1
                yield ann
                continue
            rec = product_from_mapping(obj, name, number)
            if isinstance(rec, Rejected):
                raise rec.error()
            try:
                values = gold_values(obj, rec)
            except ValueError as exc:
                raise CatalogError(name, number, str(exc)) from None
            yield annotate(rec, values, report)


def load_annotations(paths: Iterable[str | Path]) -> tuple[list[Annotated], AlignmentReport]:
    """Every record of ``paths``, and how many catalog values could not be placed in the text.

    Attribute names that share a key ("Color", "color"; "Screen Size", "screen_size") are unified
    to the spelling most records use (`unify_attribute_names`)."""
    report = AlignmentReport()
    records: list[Annotated] = []
    for path in paths:
        records.extend(read_annotations(path, report))
    unify_attribute_names(records)
    return records, report


def unify_attribute_names(records: Sequence[Annotated]) -> dict[str, str]:
    """Rename attributes in place to one spelling per `kg.normalize.attribute_key`: the most
    frequent one (alphabetically first on a tie). Returns raw name → chosen name."""
    counts: Counter[str] = Counter()
    for rec in records:
        counts.update(list(rec.gold))
        counts.update(s.label for spans in rec.spans.values() for s in spans if s.label not in rec.gold)
    best: dict[str, str] = {}
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        best.setdefault(attribute_key(name) or name, name)
    rename = {name: best[attribute_key(name) or name] for name in counts}
    if all(k == v for k, v in rename.items()):
        return rename
    for rec in records:
        gold: dict[str, list[str]] = {}
        for name, values in rec.gold.items():
            merged = gold.setdefault(rename[name], [])
            merged.extend(v for v in values if v not in merged)
        rec.gold = gold
        rec.spans = {f: [Span(s.start, s.end, rename[s.label]) for s in spans] for f, spans in rec.spans.items()}
    return rename


def file_sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# ---------------------------------------------------------------- BIO


def bio(ws: Sequence[Word], spans: Sequence[Span]) -> list[str]:
    """BIO tags for ``ws`` from character spans (a span covers the words wholly inside it)."""
    tags = ["O"] * len(ws)
    for span in spans:
        inside = [i for i, w in enumerate(ws) if w.start >= span.start and w.end <= span.end]
        for j, i in enumerate(inside):
            tags[i] = ("B-" if j == 0 else "I-") + span.label
    return tags


def spans_from_bio(ws: Sequence[Word], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Word ranges [i, j) and labels from BIO tags; a stray I-X opens a new span, as seqeval does."""
    out: list[tuple[int, int, str]] = []
    start: int | None = None
    label = ""
    for i, tag in enumerate(list(tags) + ["O"]):
        kind, _, name = tag.partition("-")
        continues = kind == "I" and start is not None and name == label
        if start is not None and not continues:
            out.append((start, i, label))
            start = None
        if kind in ("B", "I") and not continues:
            start, label = i, name
    return out
