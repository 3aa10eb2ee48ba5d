"""Fact ranking for attribute questions: a cross-encoder fine-tuned from MiniLM, and two baselines.

A ranker scores (question, "attribute: value") pairs. Three scorers share one interface:

- ``BM25Scorer``: Okapi BM25 over word tokens (the lexical baseline);
- ``CosineScorer``: plain MiniLM sentence embeddings, cosine similarity (the dense baseline);
- ``CrossEncoderRanker``: MiniLM fine-tuned as a cross-encoder on semiPQA (``shopgraph train qa``).

Training data are real shopper questions from semiPQA (``semipqa.dev.tsv``): each question comes with
its product's attribute candidates, labelled. Questions about the same product share a candidate set,
so the split goes by product (all of a product's questions land in one part): no question in the
held-out part was asked about a product seen in training. Model directory, as elsewhere in shopgraph:
``meta.json`` (task, format, labels, config, data sha256, split, metrics) and ``hf/`` (save_pretrained).
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kg import __version__
from kg.errors import ConfigError, ModelLoadError
from qa.understand import STOPWORDS, tokens

logger = logging.getLogger(__name__)

TASK = "qa-ranker"
FORMAT_VERSION = 1
MAX_LENGTH = 64


def fact_text(attribute: str, value: str) -> str:
    """How a fact is shown to the rankers: 'item weight: 1.83 pounds'."""
    return f"{attribute.replace('_', ' ').strip()}: {value.strip()}"


class Scorer(Protocol):
    name: str

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        """One score per text, higher is better; rankers that are calibrated return probabilities."""


# ---------------------------------------------------------------------------- semiPQA data


_SKIP_KEYS = {"normalized_value", "standardized_values", "language_tag", "marketplace_id", "type"}


def _parse_braced(text: str) -> Any:
    """Parse semiPQA's candidate syntax: { key:value, key:{…}, key:[…] } with "quoted" strings."""
    pos = 0

    def skip() -> None:
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\n,":
            pos += 1

    def value() -> Any:
        nonlocal pos
        skip()
        if pos >= len(text):
            return ""
        ch = text[pos]
        if ch == "{":
            pos += 1
            out: dict[str, Any] = {}
            while True:
                skip()
                if pos >= len(text) or text[pos] == "}":
                    pos += 1
                    return out
                colon = text.index(":", pos)
                key = text[pos:colon].strip()
                pos = colon + 1
                out[key] = value()
        if ch == "[":
            pos += 1
            items = []
            while True:
                skip()
                if pos >= len(text) or text[pos] == "]":
                    pos += 1
                    return items
                items.append(value())
        if ch == '"':
            end = pos + 1
            while end < len(text) and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            raw = text[pos + 1:end]
            pos = end + 1
            return raw
        end = pos
        while end < len(text) and text[end] not in ",}]":
            end += 1
        raw = text[pos:end].strip()
        pos = end
        return raw

    return value()


def _render(node: Any) -> str:
    if isinstance(node, dict):
        if "value" in node:
            unit = node.get("unit")
            base = _render(node["value"])
            return f"{base} {unit.replace('_', ' ')}" if isinstance(unit, str) and unit else base
        parts = []
        for key, sub in node.items():
            if key in _SKIP_KEYS or key == "unit":
                continue
            text = _render(sub)
            if text:
                parts.append(f"{key.replace('_', ' ')} {text}")
        return ", ".join(parts)
    if isinstance(node, list):
        return ", ".join(t for t in (_render(n) for n in node) if t)
    return str(node).replace("_", " ").strip()


def candidate_text(raw: str) -> str:
    """'item_weight:  { unit:pounds, value:1.83 }' → 'item weight: 1.83 pounds'."""
    name, _, body = raw.partition(":")
    try:
        value = _render(_parse_braced(body.strip()))
    except (ValueError, IndexError):
        value = re.sub(r"[{}\[\]\"]|\b\w+:", " ", body)
    return fact_text(name, " ".join(value.split()))


@dataclass
class PqaQuestion:
    qid: str
    question: str
    candidates: list[str]  # rendered fact texts
    labels: list[int]
    product: str = ""  # hash of the candidate set: questions about one product share it

    @property
    def answerable(self) -> bool:
        return any(self.labels)


def load_pqa(path: Path) -> list[PqaQuestion]:
    """Read semipqa.dev.tsv-style data (qid, qa_pair_id, question, candidate, label), grouped by qid."""
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"{path}: no such file; pass the semiPQA TSV, e.g. ../shared/datasets/pqa/semipqa.dev.tsv")
    questions: dict[str, PqaQuestion] = {}
    raw: dict[str, list[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        missing = {"qid", "question", "candidate", "label"} - set(reader.fieldnames or [])
        if missing:
            raise ConfigError(f"{path}:1: missing column(s) {sorted(missing)}; expected qid, qa_pair_id, question, candidate, label")
        for line, row in enumerate(reader, start=2):
            try:
                label = int(row["label"])
            except (TypeError, ValueError):
                raise ConfigError(f"{path}:{line}: label {row['label']!r} is not 0 or 1") from None
            q = questions.setdefault(row["qid"], PqaQuestion(row["qid"], row["question"], [], []))
            q.candidates.append(candidate_text(row["candidate"]))
            q.labels.append(1 if label else 0)
            raw.setdefault(row["qid"], []).append(row["candidate"])
    for qid, q in questions.items():
        q.product = hashlib.sha1("\n".join(sorted(raw[qid])).encode()).hexdigest()[:12]
    return list(questions.values())


@dataclass(frozen=True)
class Split:
    """Fractions of products for dev (model selection) and held-out (reported figures); the rest trains."""

    seed: int = 13
    dev: float = 0.1
    held_out: float = 0.2


def split_pqa(questions: Sequence[PqaQuestion], split: Split = Split()) -> dict[str, list[PqaQuestion]]:
    """Seeded split by product: {'train', 'dev', 'held_out'}; a product's questions stay together."""
    products = sorted({q.product for q in questions})
    random.Random(split.seed).shuffle(products)
    n_held = round(len(products) * split.held_out)
    n_dev = round(len(products) * split.dev)
    part = {p: "held_out" for p in products[:n_held]}
    part.update({p: "dev" for p in products[n_held:n_held + n_dev]})
    out: dict[str, list[PqaQuestion]] = {"train": [], "dev": [], "held_out": []}
    for q in questions:
        out[part.get(q.product, "train")].append(q)
    return out


# ---------------------------------------------------------------------------- metrics


def rank_metrics(questions: Sequence[PqaQuestion], scorer: Scorer, *, seed: int = 13) -> dict[str, float]:
    """P@1 and MRR of a scorer over the answerable questions."""
    answerable = [q for q in questions if q.answerable]
    return metrics_from_scores(answerable, [scorer.score(q.question, q.candidates) for q in answerable], seed=seed)


def metrics_from_scores(questions: Sequence[PqaQuestion], scores: Sequence[Sequence[float]], *,
                        seed: int = 13) -> dict[str, float]:
    """P@1 and MRR from one score list per question; ties are broken by a seeded shuffle, not by file order."""
    rng = random.Random(seed)
    p1 = rr = 0.0
    n = 0
    for q, s in zip(questions, scores):
        if not q.answerable:
            continue
        order = list(range(len(q.candidates)))
        rng.shuffle(order)
        order.sort(key=lambda i: -s[i])
        first = next(rank for rank, i in enumerate(order, start=1) if q.labels[i])
        p1 += first == 1
        rr += 1.0 / first
        n += 1
    return {"p_at_1": p1 / n if n else 0.0, "mrr": rr / n if n else 0.0, "questions": n}


# ---------------------------------------------------------------------------- baselines


def _words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


class BM25Scorer:
    """Okapi BM25 (k1=1.2, b=0.75); IDF from a corpus of fact texts, or from each call's texts."""

    name = "bm25"

    def __init__(self, corpus: Iterable[str] | None = None, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.df: Counter[str] = Counter()
        self.docs = 0
        self.avg_len = 1.0
        if corpus is not None:
            lengths = []
            for text in corpus:
                words = _words(text)
                self.df.update(set(words))
                lengths.append(len(words))
                self.docs += 1
            self.avg_len = (sum(lengths) / len(lengths)) if lengths else 1.0

    def _idf(self, word: str, df: Counter[str], docs: int) -> float:
        n = df.get(word, 0)
        return math.log(1 + (docs - n + 0.5) / (n + 0.5))

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        docs = [_words(t) for t in texts]
        if self.docs:
            df, n_docs, avg = self.df, self.docs, self.avg_len
        else:
            df = Counter(w for d in docs for w in set(d))
            n_docs, avg = len(docs), (sum(map(len, docs)) / len(docs)) if docs else 1.0
        query = _words(question)
        out = []
        for d in docs:
            tf = Counter(d)
            s = 0.0
            for w in query:
                f = tf.get(w, 0)
                if f:
                    s += self._idf(w, df, n_docs) * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * len(d) / max(avg, 1e-9)))
            out.append(s)
        return out


class CosineScorer:
    """Plain MiniLM: cosine similarity of sentence embeddings (question vs fact text)."""

    name = "minilm-cosine"

    def __init__(self, embedder: Any) -> None:
        self.embedder = embedder

    @classmethod
    def load(cls, model_dir: Path | None = None) -> CosineScorer:
        from extraction.embed import Embedder

        return cls(Embedder.load(model_dir))

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        vectors = self.embedder.encode([question, *texts])
        q = vectors[0]
        return [sum(a * b for a, b in zip(q, v)) for v in vectors[1:]]


# ---------------------------------------------------------------------------- the cross-encoder


def _set_threads() -> None:
    import torch

    torch.set_num_threads(2)
    torch.set_flush_denormal(True)


class CrossEncoderRanker:
    """A fine-tuned cross-encoder: sigmoid(logit) of (question, fact text) = P(fact answers the question).

    When training fitted a fusion weight w (meta.json "fusion"), the logit is
    ``logit + w * (cosine - centre)`` with the plain MiniLM cosine of question and fact: the learned
    scorer and the sentence embedding, combined with one weight chosen on the dev questions.
    """

    name = "cross-encoder"

    def __init__(self, model: Any, tokenizer: Any, meta: dict[str, Any], directory: Path,
                 embedder: Any = None) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.meta = meta
        self.directory = directory
        self.embedder = embedder
        fusion = meta.get("fusion") or {}
        self.cosine_weight = float(fusion.get("cosine_weight", 0.0)) if embedder is not None else 0.0
        self.cosine_centre = float(fusion.get("cosine_centre", 0.0))
        if self.cosine_weight:
            self.name = "cross-encoder+cosine"

    @classmethod
    def load(cls, directory: Path, *, fusion: bool = True) -> CrossEncoderRanker:
        """Load a ranker directory (meta.json checked first); ``fusion=False`` ignores a fitted cosine weight."""
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        directory = Path(directory)
        meta_path = directory / "meta.json"
        if not meta_path.exists():
            raise ModelLoadError(f"{directory} has no meta.json; train a ranker with `shopgraph train qa --output {directory}`")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ModelLoadError(f"{meta_path}: not valid JSON ({exc.msg}); retrain with `shopgraph train qa`") from exc
        if meta.get("task") != TASK:
            raise ModelLoadError(f"{directory} holds a {meta.get('task')!r} model, not a QA ranker; "
                                 "pass the directory written by `shopgraph train qa`")
        if meta.get("format_version") != FORMAT_VERSION:
            raise ModelLoadError(f"{directory}: ranker format {meta.get('format_version')!r}, this shopgraph reads "
                                 f"{FORMAT_VERSION}; retrain with `shopgraph train qa`")
        hf_logging.disable_progress_bar()
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(directory / "hf"), local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(str(directory / "hf"), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"cannot load the ranker in {directory / 'hf'}: {exc}; retrain with `shopgraph train qa`") from exc
        if model.config.num_labels != 1:
            raise ModelLoadError(f"{directory}: expected a 1-logit ranker, found {model.config.num_labels} labels")
        model.eval()
        _set_threads()
        embedder = None
        fitted = meta.get("fusion") or {}
        if fusion and fitted.get("cosine_weight"):
            from extraction.embed import Embedder

            embedder = Embedder.load(Path(fitted["embedder"]) if fitted.get("embedder") else None)
        return cls(model, tokenizer, meta, directory, embedder)

    def logits(self, question: str, texts: Sequence[str], batch_size: int = 64) -> list[float]:
        """The cross-encoder's own logits (no fusion)."""
        import torch

        out: list[float] = []
        with torch.inference_mode():
            for start in range(0, len(texts), batch_size):
                chunk = list(texts[start:start + batch_size])
                enc = self.tokenizer([question] * len(chunk), chunk, padding=True, truncation=True,
                                     max_length=self.meta.get("config", {}).get("max_length", MAX_LENGTH),
                                     return_tensors="pt")
                out.extend(self.model(**enc).logits[:, 0].tolist())
        return out

    def fused(self, question: str, texts: Sequence[str]) -> list[float]:
        logits = self.logits(question, texts)
        if not self.cosine_weight:
            return logits
        cosines = CosineScorer(self.embedder).score(question, texts)
        return [x + self.cosine_weight * (c - self.cosine_centre) for x, c in zip(logits, cosines)]

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-x)) for x in self.fused(question, texts)]


FUSION_WEIGHTS = (0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0)


def fit_fusion(ranker: CrossEncoderRanker, embedder: Any, dev: Sequence[PqaQuestion], *,
               seed: int = 13, embedder_dir: Path | None = None) -> dict[str, Any]:
    """Choose the cosine weight (from FUSION_WEIGHTS) that ranks the dev questions best; 0 keeps the
    cross-encoder alone. The centre is the mean dev cosine, so fused scores stay near the logit's scale."""
    answerable = [q for q in dev if q.answerable]
    logits = [ranker.logits(q.question, q.candidates) for q in answerable]
    cosine = CosineScorer(embedder)
    cosines = [cosine.score(q.question, q.candidates) for q in answerable]
    flat = [c for cs in cosines for c in cs]
    centre = sum(flat) / len(flat) if flat else 0.0
    grid: dict[str, dict[str, float]] = {}
    best: tuple[float, float, float] | None = None
    for weight in FUSION_WEIGHTS:
        fused = [[x + weight * (c - centre) for x, c in zip(lg, cs)] for lg, cs in zip(logits, cosines)]
        m = metrics_from_scores(answerable, fused, seed=seed)
        grid[f"{weight:g}"] = m
        key = (m["p_at_1"], m["mrr"], -weight)  # ties go to the smaller weight
        if best is None or key > best:
            best = key
    assert best is not None
    weight = -best[2]
    return {"cosine_weight": weight, "cosine_centre": centre, "dev": grid[f"{weight:g}"],
            "embedder": str(embedder_dir) if embedder_dir else None,
            "grid_p_at_1": {w: round(m["p_at_1"], 4) for w, m in grid.items()}}


# ---------------------------------------------------------------------------- training


@dataclass
class TrainConfig:
    data: Path
    output: Path
    base_model: Path | None = None  # default: the packaged all-MiniLM-L6-v2
    epochs: int = 3
    learning_rate: float = 5e-5
    batch_size: int = 16  # pairs per optimiser step (one question's candidates are kept together)
    max_length: int = MAX_LENGTH
    seed: int = 13
    split: Split = field(default_factory=Split)
    warmup: float = 0.1
    listwise_weight: float = 1.0  # softmax cross-entropy over a question's candidates, beside pointwise BCE
    negatives: int | None = 3  # negatives sampled per question and epoch (None: all): CPU time
    freeze_layers: int = 3  # embeddings and the lowest N encoder layers stay as in the backbone
    max_steps: int | None = None  # cap for smoke runs
    fusion: bool = True  # fit a cosine weight on dev after training (0 when it does not help)
    embed_model: Path | None = None  # sentence encoder for the fusion; default: the packaged MiniLM
    force: bool = False


def _prepare_output(output: Path, force: bool) -> None:
    if output.exists() and any(output.iterdir()):
        if not force:
            raise ConfigError(f"{output} is not empty; choose a new --output directory or pass --force to overwrite")
        import shutil

        shutil.rmtree(output)
    output.mkdir(parents=True, exist_ok=True)


def _batches(questions: Sequence[PqaQuestion], size: int, rng: random.Random) -> list[list[PqaQuestion]]:
    """Whole questions packed into batches of about ``size`` pairs (a question's candidates stay together)."""
    order = list(questions)
    rng.shuffle(order)
    batches: list[list[PqaQuestion]] = []
    current: list[PqaQuestion] = []
    pairs = 0
    for q in order:
        if current and pairs + len(q.candidates) > size:
            batches.append(current)
            current, pairs = [], 0
        current.append(q)
        pairs += len(q.candidates)
    if current:
        batches.append(current)
    return batches


def _freeze(model: Any, layers: int) -> None:
    """Keep the embeddings and the lowest ``layers`` encoder layers fixed (fewer gradients on a small CPU)."""
    if layers <= 0:
        return
    base = getattr(model, model.base_model_prefix)
    for param in base.embeddings.parameters():
        param.requires_grad = False
    for layer in base.encoder.layer[:layers]:
        for param in layer.parameters():
            param.requires_grad = False


def _sample(q: PqaQuestion, negatives: int | None, rng: random.Random) -> PqaQuestion:
    """A question with all its positives and up to ``negatives`` of its other candidates."""
    pos = [i for i, label in enumerate(q.labels) if label]
    neg = [i for i, label in enumerate(q.labels) if not label]
    if negatives is not None and len(neg) > negatives:
        neg = rng.sample(neg, negatives)
    keep = sorted(pos + neg)
    return PqaQuestion(q.qid, q.question, [q.candidates[i] for i in keep], [q.labels[i] for i in keep], q.product)


def train_ranker(config: TrainConfig, progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Fine-tune the cross-encoder; evaluates on dev each epoch, keeps the best, writes meta.json + hf/."""
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup
    from transformers.utils import logging as hf_logging

    from extraction.embed import default_model_dir

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()  # the load report of a fresh head is expected; the library never prints
    output = Path(config.output)
    _prepare_output(output, config.force)
    questions = load_pqa(config.data)
    parts = split_pqa(questions, config.split)
    train = [q for q in parts["train"] if q.answerable]
    if not train:
        raise ConfigError(f"{config.data}: no answerable questions to train on")
    base = Path(config.base_model) if config.base_model else default_model_dir()

    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    _set_threads()
    rng = random.Random(config.seed)
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(str(base), num_labels=1, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the base model at {base}: {exc}; pass --base-model DIR") from exc
    model.config.problem_type = "regression"
    _freeze(model, config.freeze_layers)

    sized = [_sample(q, config.negatives, random.Random(0)) for q in train]
    steps_per_epoch = len(_batches(sized, config.batch_size, random.Random(0)))
    total = steps_per_epoch * config.epochs
    if config.max_steps is not None:
        total = min(total, config.max_steps)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=config.learning_rate,
                                  weight_decay=0.01)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(total * config.warmup), max(1, total))
    bce = torch.nn.BCEWithLogitsLoss()

    history: list[dict[str, Any]] = []
    best: dict[str, Any] | None = None
    step = 0
    started = time.time()
    for epoch in range(1, config.epochs + 1):
        model.train()
        losses = []
        epoch_questions = [_sample(q, config.negatives, rng) for q in train]
        for batch in _batches(epoch_questions, config.batch_size, rng):
            if config.max_steps is not None and step >= config.max_steps:
                break
            firsts = [q.question for q in batch for _ in q.candidates]
            seconds = [c for q in batch for c in q.candidates]
            labels = torch.tensor([float(x) for q in batch for x in q.labels])
            enc = tokenizer(firsts, seconds, padding=True, truncation=True, max_length=config.max_length,
                            return_tensors="pt")
            logits = model(**enc).logits[:, 0]
            loss = bce(logits, labels)
            if config.listwise_weight:
                start = 0
                listwise = []
                for q in batch:
                    end = start + len(q.candidates)
                    group = torch.log_softmax(logits[start:end], dim=0)
                    positives = labels[start:end] > 0
                    listwise.append(-torch.logsumexp(group[positives], dim=0))
                    start = end
                loss = loss + config.listwise_weight * torch.stack(listwise).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            losses.append(float(loss.detach()))
            step += 1
            if progress is not None and step % 20 == 0:
                progress(f"epoch {epoch} step {step}/{total} loss {sum(losses[-20:]) / len(losses[-20:]):.4f} "
                         f"({time.time() - started:.0f} s)")
        model.eval()
        ranker = CrossEncoderRanker(model, tokenizer, {"config": {"max_length": config.max_length}}, output)
        dev = rank_metrics(parts["dev"], ranker, seed=config.seed)
        record = {"epoch": epoch, "loss": sum(losses) / max(1, len(losses)), "dev": dev,
                  "seconds": round(time.time() - started, 1)}
        history.append(record)
        if progress is not None:
            progress(f"epoch {epoch}: loss {record['loss']:.4f} dev P@1 {dev['p_at_1']:.3f} MRR {dev['mrr']:.3f}")
        if best is None or (dev["p_at_1"], dev["mrr"]) > (best["dev"]["p_at_1"], best["dev"]["mrr"]):
            best = record
            model.save_pretrained(str(output / "hf"))
            tokenizer.save_pretrained(str(output / "hf"))
        if config.max_steps is not None and step >= config.max_steps:
            break
    assert best is not None
    fusion = None
    if config.fusion:
        from extraction.embed import Embedder

        best_model = AutoModelForSequenceClassification.from_pretrained(str(output / "hf"), local_files_only=True)
        chosen = CrossEncoderRanker(best_model.eval(), tokenizer, {"config": {"max_length": config.max_length}}, output)
        fusion = fit_fusion(chosen, Embedder.load(config.embed_model), parts["dev"], seed=config.seed,
                            embedder_dir=config.embed_model)
        if progress is not None:
            progress(f"fusion: cosine weight {fusion['cosine_weight']:g} (dev P@1 {fusion['dev']['p_at_1']:.3f})")
    from extraction.align import file_sha256

    config_json = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()
                   if k not in ("force", "output")}
    config_json["base_model"] = str(base)
    meta = {
        "task": TASK,
        "format_version": FORMAT_VERSION,
        "shopgraph_version": __version__,
        "labels": ["answers"],
        "config": config_json,
        "data": {"path": str(config.data), "sha256": file_sha256(Path(config.data)),
                 "questions": {k: len(v) for k, v in parts.items()},
                 "answerable": {k: sum(q.answerable for q in v) for k, v in parts.items()},
                 "split": "by product (candidate set), seeded; dev selects the epoch, held_out is reported"},
        "best_epoch": best["epoch"],
        "history": history,
        "fusion": fusion,
    }
    (output / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return meta


# ---------------------------------------------------------------------------- evaluation


def evaluate_ranker(model_dir: Path | None, data: Path, *, part: str = "held_out",
                    baselines: bool = True, embed_dir: Path | None = None) -> dict[str, Any]:
    """P@1 and MRR on one part of the split: the cross-encoder alone, fused with the cosine (when training
    fitted a weight), and the BM25 / MiniLM-cosine baselines.

    The split is read from the model's meta.json (the same seed and fractions as training), so the
    held-out questions are never ones the model trained on.
    """
    split = Split()
    ranker: CrossEncoderRanker | None = None
    if model_dir is not None:
        ranker = CrossEncoderRanker.load(model_dir)
        split = Split(**ranker.meta.get("config", {}).get("split", asdict(split)))
    questions = load_pqa(data)
    parts = split_pqa(questions, split)
    if part not in parts:
        raise ConfigError(f"unknown part {part!r}; use one of {', '.join(parts)}")
    chosen = parts[part]
    answerable = [q for q in chosen if q.answerable]
    results: dict[str, Any] = {"data": str(data), "part": part, "split": asdict(split),
                               "questions": len(chosen), "answerable": len(answerable), "scores": {}}
    scores = results["scores"]
    cosines: list[list[float]] | None = None
    if baselines or (ranker is not None and ranker.cosine_weight):
        if ranker is not None and ranker.embedder is not None and embed_dir is None:
            embedder = ranker.embedder
        else:
            from extraction.embed import Embedder

            embedder = Embedder.load(embed_dir)
        cosine = CosineScorer(embedder)
        cosines = [cosine.score(q.question, q.candidates) for q in answerable]
    if ranker is not None:
        logits = [ranker.logits(q.question, q.candidates) for q in answerable]
        scores["cross-encoder"] = metrics_from_scores(answerable, logits, seed=split.seed)
        if ranker.cosine_weight and cosines is not None:
            w, c0 = ranker.cosine_weight, ranker.cosine_centre
            fused = [[x + w * (c - c0) for x, c in zip(lg, cs)] for lg, cs in zip(logits, cosines)]
            scores["cross-encoder+cosine"] = metrics_from_scores(answerable, fused, seed=split.seed)
            results["cosine_weight"] = w
    if baselines and cosines is not None:
        corpus = [c for q in parts["train"] for c in q.candidates]
        scores["bm25"] = rank_metrics(answerable, BM25Scorer(corpus), seed=split.seed)
        scores["minilm-cosine"] = metrics_from_scores(answerable, cosines, seed=split.seed)
        best_base = max(scores["bm25"]["p_at_1"], scores["minilm-cosine"]["p_at_1"])
        for name in ("cross-encoder", "cross-encoder+cosine"):
            if name in scores:
                results[f"{name}_p_at_1_gain_over_best_baseline"] = scores[name]["p_at_1"] - best_base
    return results
