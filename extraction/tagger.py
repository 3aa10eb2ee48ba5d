"""The attribute tagger: a token-classification encoder over spaCy words, category-aware.

Each input is one segment of one text field (a line of the title, bullets or description, or a
window of a long line), fed as a sentence pair (category words, segment words) with
``is_split_into_words=True``; the first sub-token of each word carries the word's BIO label.
Inference sorts segments by length, pads each batch only to its own longest member, runs under
``torch.inference_mode`` (on the GPU when there is one) and maps word spans back to the exact
character offsets of the field they came from.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shopgraph.extraction.align import spans_from_bio
from shopgraph.extraction.tokenize import Word, segments, words
from shopgraph.kg.build import ExtractedValue
from shopgraph.kg.normalize import UNITS

logger = logging.getLogger(__name__)

TASK = "attributes"
IGNORE = -100


@dataclass(frozen=True, slots=True)
class Encoded:
    """One model input: token ids, segment ids and, per token, the word it starts (or -1)."""

    input_ids: list[int]
    token_type_ids: list[int]
    first_token_of: list[int]  # word index where the token is a word's first sub-token, else -1


@dataclass
class Segment:
    """Words of one field of one product, tagged."""

    field: str
    words: list[Word]
    tags: list[str]
    probs: list[float]


def context_words(category: str) -> list[str]:
    return [w.text for w in words(category)] if category.strip() else []


def encode(tokenizer: Any, items: Sequence[tuple[list[str], list[str]]], max_length: int) -> list[Encoded]:
    """Encode (context words, text words) pairs; an empty context encodes the text alone.

    Words beyond ``max_length`` tokens are cut (they get no prediction); callers keep segments
    short enough (extraction.tokenize.segments) that this is rare.
    """
    out: list[Encoded | None] = [None] * len(items)
    with_ctx = [i for i, (ctx, _) in enumerate(items) if ctx]
    without = [i for i, (ctx, _) in enumerate(items) if not ctx]
    for group, pair in ((with_ctx, True), (without, False)):
        if not group:
            continue
        texts = [items[i][1] or [tokenizer.unk_token] for i in group]
        if pair:
            enc = tokenizer([items[i][0] for i in group], texts, is_split_into_words=True,
                            truncation="only_second", max_length=max_length, return_token_type_ids=True)
        else:
            enc = tokenizer(texts, is_split_into_words=True, truncation=True, max_length=max_length,
                            return_token_type_ids=True)
        for j, i in enumerate(group):
            seq = enc.sequence_ids(j)
            word_ids = enc.word_ids(j)
            text_seq = 1 if pair else 0
            first: list[int] = []
            prev: int | None = None
            for s, w in zip(seq, word_ids):
                if s == text_seq and w is not None and w != prev and items[i][1]:
                    first.append(w)
                else:
                    first.append(-1)
                prev = w if s == text_seq else None
            out[i] = Encoded(list(enc["input_ids"][j]), list(enc["token_type_ids"][j]), first)
    return [e for e in out if e is not None]


def pad_batch(batch: Sequence[Encoded], pad_id: int, labels: Sequence[Sequence[int]] | None = None) -> dict[str, Any]:
    """Tensors for one batch, padded to its own longest member (dynamic padding)."""
    import torch

    width = max(len(e.input_ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for r, e in enumerate(batch):
        n = len(e.input_ids)
        ids[r, :n] = torch.tensor(e.input_ids)
        types[r, :n] = torch.tensor(e.token_type_ids)
        mask[r, :n] = 1
    out = {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
    if labels is not None:
        lab = torch.full((len(batch), width), IGNORE, dtype=torch.long)
        for r, row in enumerate(labels):
            lab[r, : len(row)] = torch.tensor(row)
        out["labels"] = lab
    return out


def pick_device(device: str | None = None) -> str:
    import torch

    if device:
        return device
    return "cuda" if torch.cuda.is_available() else "cpu"


class AttributeTagger:
    """Tags product text with attribute spans; loaded from a model directory with `load`."""

    def __init__(self, model: Any, tokenizer: Any, labels: Sequence[str], *, use_category: bool = True,
                 category_attributes: Mapping[str, Sequence[str]] | None = None, max_length: int = 160,
                 max_words: int = 64, batch_size: int = 64, device: str | None = None,
                 name: str = "attributes", version: str = "", min_score: float = 0.0) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.labels = list(labels)
        self.use_category = use_category
        self.category_attributes = {k: set(v) for k, v in (category_attributes or {}).items()}
        self.max_length = max_length
        self.max_words = max_words
        self.batch_size = batch_size
        self.device = pick_device(device)
        self.name = name
        self.version = version
        self.min_score = min_score  # below it a span is not a prediction (extract, evaluate); tuned on dev
        self.dedupe = True  # run identical (category, words) inputs once per call
        self._masks: dict[str, Any] = {}
        import torch

        begin = {lab[2:]: i for i, lab in enumerate(self.labels) if lab.startswith("B-")}
        self._inside = torch.tensor([lab.startswith("I-") for lab in self.labels])  # per label, for _decode: an I-?
        self._begin_of = torch.tensor([begin.get(lab[2:], i) if lab.startswith("I-") else i  # and its B- label
                                       for i, lab in enumerate(self.labels)])
        self.model.to(self.device)

    @classmethod
    def load(cls, directory: str | Path, *, device: str | None = None, quantize: bool = False,
             batch_size: int = 64) -> AttributeTagger:
        """Load a tagger trained by `shopgraph train attributes` (meta.json is checked first).

        ``quantize`` applies int8 dynamic quantisation to the Linear layers (CPU only).
        """
        from shopgraph.extraction import modeldir

        meta, model, tokenizer = modeldir.load(Path(directory), TASK)
        cfg = meta.config
        device = pick_device(device)
        if quantize:
            import torch

            if device != "cpu":
                logger.info("int8 dynamic quantisation runs on the CPU; using the CPU")
                device = "cpu"
            with warnings.catch_warnings():  # torch 2.13 marks torch.ao.quantization deprecated; it still works
                warnings.simplefilter("ignore", DeprecationWarning)
                warnings.simplefilter("ignore", UserWarning)
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        return cls(model, tokenizer, meta.labels, use_category=bool(cfg.get("use_category", True)),
                   category_attributes=meta.extra.get("category_attributes") if cfg.get("restrict_to_category", True) else None,
                   max_length=int(cfg.get("max_length", 160)), max_words=int(cfg.get("max_words", 64)),
                   batch_size=batch_size, device=device, name=meta.name, version=meta.version,
                   min_score=float(cfg.get("min_score", 0.0)))

    @property
    def attributes(self) -> list[str]:
        return sorted({lab[2:] for lab in self.labels if lab != "O"})

    # ------------------------------------------------------------ inference

    def _mask(self, category: str) -> Any:
        """Additive logit mask allowing only the attributes seen with ``category`` in training."""
        import torch

        if category not in self._masks:
            allowed = self.category_attributes.get(category)
            if allowed is None:
                self._masks[category] = None
            else:
                self._masks[category] = torch.tensor(
                    [0.0 if lab == "O" or lab[2:] in allowed else float("-inf") for lab in self.labels])
        return self._masks[category]

    def _decode(self, logp: Any, lengths: Sequence[int]) -> list[tuple[list[int], list[float]]]:
        """The most likely valid BIO label path of each row of ``logp`` (batch x words x labels, log
        probabilities; row r has ``lengths[r]`` words): I-X only after B-X or I-X (Viterbi). Returns
        each row's label indices and the probability of each chosen label. On the dev part of the
        shipped tagger's training data this beat taking each word's best label on its own (AVE F1
        0.764 against 0.758, benchmarks/RESULTS.md): a span no longer ends one word short or starts
        with a stray I-."""
        import torch

        inside, begin_of = self._inside, self._begin_of
        rows, width, n = logp.shape
        own = torch.arange(n).expand(rows, n)
        score = logp[:, 0].masked_fill(inside, float("-inf"))  # no span starts with I-
        scores, backs = [score], []
        for t in range(1, width):
            best, arg = score.max(dim=-1, keepdim=True)  # O and B-X may follow anything
            opened, going = score[:, begin_of], score  # I-X follows B-X or I-X
            back = torch.where(inside, torch.where(opened >= going, begin_of.expand(rows, n), own), arg.expand(rows, n))
            score = torch.where(inside, torch.maximum(opened, going), best.expand(rows, n)) + logp[:, t]
            scores.append(score)
            backs.append(back)
        back_rows = [b.tolist() for b in backs]
        out: list[tuple[list[int], list[float]]] = []
        for r, length in enumerate(lengths):
            if length == 0:
                out.append(([], []))
                continue
            j = int(scores[length - 1][r].argmax())
            path = [j]
            for t in range(length - 2, -1, -1):
                j = back_rows[t][r][j]
                path.append(j)
            path.reverse()
            chosen = logp[r, torch.arange(length), torch.tensor(path)].exp().tolist()
            out.append((path, chosen))
        return out

    def tag(self, items: Sequence[tuple[str, Mapping[str, str]]]) -> list[list[Segment]]:
        """Tag each (category, {field: text}) item; returns its segments with a tag and prob per word.

        Identical inputs (same category, same words: boilerplate bullets, repeated titles) run once.
        """
        import torch

        pieces: list[tuple[int, str, list[Word], int]] = []  # item, field, words, unique input
        unique: dict[tuple[str, tuple[str, ...]], int] = {}
        inputs: list[tuple[str, list[str]]] = []  # category, words
        for i, (category, fields) in enumerate(items):
            for field, text in fields.items():
                for ws in segments(text, self.max_words):
                    key = (category, tuple(w.text for w in ws))
                    k = unique.get(key) if self.dedupe else None
                    if k is None:
                        k = unique[key] = len(inputs)
                        inputs.append((category, list(key[1])))
                    pieces.append((i, field, ws, k))
        results: list[list[Segment]] = [[] for _ in items]
        if not pieces:
            return results
        ctx: dict[str, list[str]] = {}
        if self.use_category:
            for category, _ in inputs:
                if category not in ctx:
                    ctx[category] = context_words(category)
        encoded = encode(self.tokenizer, [(ctx.get(c, []), ws) for c, ws in inputs], self.max_length)
        order = sorted(range(len(inputs)), key=lambda k: len(encoded[k].input_ids))
        out: list[tuple[list[str], list[float]]] = [([], [])] * len(inputs)
        pad_id = self.tokenizer.pad_token_id or 0
        self.model.eval()
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b: b + self.batch_size]
                batch = pad_batch([encoded[k] for k in idx], pad_id)
                logits = self.model(**{k: v.to(self.device) for k, v in batch.items()}).logits.float().cpu()
                masks = [self._mask(inputs[k][0]) for k in idx]
                if any(m is not None for m in masks):
                    logits = logits + torch.stack(
                        [m if m is not None else torch.zeros(len(self.labels)) for m in masks]).unsqueeze(1)
                logp = torch.log_softmax(logits, dim=-1)
                starts = [[(t, w) for t, w in enumerate(encoded[k].first_token_of) if w >= 0] for k in idx]
                width = max(1, max(len(s) for s in starts))
                at = torch.tensor([[t for t, _ in s] + [0] * (width - len(s)) for s in starts], dtype=torch.long)
                word_logp = logp.gather(1, at.unsqueeze(-1).expand(-1, -1, logp.shape[-1]))
                for k, s, (path, path_p) in zip(idx, starts, self._decode(word_logp, [len(s) for s in starts])):
                    n = len(inputs[k][1])  # a word cut off by max_length stays O
                    tags, word_p = ["O"] * n, [1.0] * n
                    for (_, w), j, p in zip(s, path, path_p):
                        tags[w], word_p[w] = self.labels[j], p
                    out[k] = (tags, word_p)
        for i, field, ws, k in pieces:
            results[i].append(Segment(field, ws, out[k][0], out[k][1]))
        return results

    def spans(self, segs: Sequence[Segment], fields: Mapping[str, str]) -> list[ExtractedValue]:
        """Attribute spans of tagged segments, with exact text and offsets; score = mean word prob.
        Separator words at either end ("Thorne Research -") are left out of a span."""
        out: list[ExtractedValue] = []
        for seg in segs:
            text = fields[seg.field]
            for i, j, label in spans_from_bio(seg.words, seg.tags):
                i, j = trim(seg.words, i, j)
                if i >= j:
                    continue
                if all(w.text.casefold() in UNITS and len(w.text) > 1 for w in seg.words[i:j]):
                    continue  # a unit alone ("watts" of "30 watts") is no value; "M" or "L" may be a size
                start, end = seg.words[i].start, seg.words[j - 1].end
                score = sum(seg.probs[i:j]) / (j - i)
                out.append(ExtractedValue(label, text[start:end], seg.field, start, end, round(score, 4)))
        return out

    def extract_fields(self, items: Sequence[tuple[str, Mapping[str, str]]]) -> list[list[ExtractedValue]]:
        """All attribute spans of each (category, {field: text}) item."""
        return [self.spans(segs, fields) for segs, (_, fields) in zip(self.tag(items), items)]


_LEADING = set("-,;:/|&+.}")
_TRAILING = set("-,;:/|&+.{")


def trim(ws: Sequence[Word], i: int, j: int) -> tuple[int, int]:
    """Words [i, j) without separator words at the ends; a bracket stays when its partner is inside."""
    pairs = {"(": ")", "[": "]", ")": "(", "]": "["}

    def unpaired(k: int) -> bool:
        t = ws[k].text
        return t in pairs and not any(w.text == pairs[t] for w in ws[i:j])

    while i < j and (set(ws[i].text) <= _LEADING or unpaired(i)):
        i += 1
    while j > i and (set(ws[j - 1].text) <= _TRAILING or unpaired(j - 1)):
        j -= 1
    return i, j


def best_values(spans: Sequence[ExtractedValue]) -> dict[str, ExtractedValue]:
    """The best-scoring span per attribute (the earlier one on a tie)."""
    best: dict[str, ExtractedValue] = {}
    for s in spans:
        if s.attribute not in best or s.score > best[s.attribute].score:
            best[s.attribute] = s
    return best
