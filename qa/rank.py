"""Fact ranking for attribute questions: MiniLM with its top layers fine-tuned for ranking, and two baselines.

A ranker scores (question, "attribute: value") pairs. Three scorers share one interface:

- ``BM25Scorer``: Okapi BM25 over word tokens (the lexical baseline);
- ``CosineScorer``: plain MiniLM sentence embeddings, cosine similarity (the dense baseline);
- ``LearnedRanker``: trained on semiPQA (``shopgraph train qa``) in two stages: the packaged MiniLM's top two
  layers are fine-tuned so that a question's vector lies closest to the facts that answer it, then a small head
  over those vectors; it ships in ``qa/models/ranker`` and the engine loads it by default.

Training data are real shopper questions from semiPQA (``semipqa.dev.tsv``): each question comes with
its product's attribute candidates, labelled. Questions about the same product share a candidate set,
so the split goes by product (all of a product's questions land in one part): no question in the
held-out part was asked about a product seen in training. Model directory, as elsewhere in shopgraph
(extraction.modeldir): ``meta.json`` and ``weights.safetensors`` (the head in float32, the tuned layers in
float16; the rest of the encoder is the packaged MiniLM's, checked by sha256 when it loads).

A fine-tuned MiniLM cross-encoder was tried first (benchmarks/RESULTS.md): 25 CPU minutes to train, 91 MB,
and 3.1 points P@1 *below* plain cosine on held-out questions (0.870 vs 0.901). Tuning the bi-encoder's top
layers starts from the cosine, takes minutes and stores 3.5 M parameters.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from shopgraph.extraction.train import TrainConfig
from shopgraph.kg.errors import ConfigError, ModelLoadError
from shopgraph.qa.understand import STOPWORDS, tokens

logger = logging.getLogger(__name__)

TASK = "qa-ranker"


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
            items: list[Any] = []
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
        from shopgraph.extraction.embed import Embedder

        return cls(Embedder.load(model_dir))

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        vectors = self.embedder.encode([question, *texts])
        q = vectors[0]
        return [sum(a * b for a, b in zip(q, v)) for v in vectors[1:]]


# ---------------------------------------------------------------------------- the learned ranker

SHIPPED = Path(__file__).resolve().parent / "models" / "ranker"
FEATURES = ("cos_fact", "cos_attribute", "cos_value", "attribute_overlap", "value_overlap")
COSINE_SCALE = 20.0  # the head starts as the MiniLM cosine baseline: logit = 20 * (cos_fact - centre)
TUNED = "tuned."  # the prefix of the fine-tuned encoder tensors in a ranker's weights.safetensors


def split_fact(text: str) -> tuple[str, str]:
    """'item weight: 1.83 pounds' -> ('item weight', '1.83 pounds')."""
    attribute, _, value = text.partition(": ")
    return attribute.strip(), value.strip()


def _overlap(question: set[str], text: str) -> float:
    words = _words(text)
    return sum(w in question for w in words) / len(words) if words else 0.0


def make_head(dim: int, rank: int, centre: float = 0.3) -> Any:
    """The ranker's trainable part over frozen MiniLM embeddings: a linear layer over FEATURES (it starts as
    the cosine baseline) plus a low-rank bilinear term between question and fact vectors."""
    import torch

    class RankerHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.linear = torch.nn.Linear(len(FEATURES), 1)
            self.question_proj = torch.nn.Linear(dim, rank, bias=False)
            self.fact_proj = torch.nn.Linear(dim, rank, bias=False)
            with torch.no_grad():
                self.linear.weight.zero_()
                self.linear.weight[0, 0] = COSINE_SCALE
                self.linear.bias.fill_(-COSINE_SCALE * centre)
                torch.nn.init.normal_(self.question_proj.weight, std=0.01)
                torch.nn.init.normal_(self.fact_proj.weight, std=0.01)

        def forward(self, question: Any, fact: Any, features: Any) -> Any:
            """question [B, D], fact [B, C, D], features [B, C, F] -> logits [B, C]."""
            bilinear = (self.question_proj(question).unsqueeze(1) * self.fact_proj(fact)).sum(-1)
            return self.linear(features).squeeze(-1) + bilinear

    return RankerHead()


class _Vectors:
    """MiniLM vectors of texts, cached (attribute names and values repeat across questions and products)."""

    def __init__(self, embedder: Any, limit: int = 50_000) -> None:
        self.embedder = embedder
        self.limit = limit
        self.cache: dict[str, Any] = {}

    def __call__(self, texts: Sequence[str]) -> Any:
        import torch

        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            if len(self.cache) + len(missing) > self.limit:
                self.cache.clear()
            for text, vector in zip(missing, self.embedder.encode(missing)):
                self.cache[text] = torch.tensor(vector)
        return torch.stack([self.cache[t] for t in texts]) if texts else torch.zeros(0, self.embedder.dim)


def pair_inputs(vectors: _Vectors, question: str, texts: Sequence[str]) -> tuple[Any, Any, Any]:
    """(question vector [D], fact vectors [C, D], features [C, F]) for one question's candidate facts."""
    import torch

    parts = [split_fact(t) for t in texts]
    vectors([question, *texts, *(a for a, _ in parts), *(v or a for a, v in parts)])  # one encoder pass for all
    q = vectors([question])[0]
    fact = vectors(list(texts))
    attr = vectors([a for a, _ in parts])
    value = vectors([v or a for a, v in parts])
    qwords = set(_words(question))
    lexical = torch.tensor([[_overlap(qwords, a), _overlap(qwords, v)] for a, v in parts]).reshape(len(texts), 2)
    features = torch.cat([(fact @ q).unsqueeze(1), (attr @ q).unsqueeze(1), (value @ q).unsqueeze(1), lexical], dim=1)
    return q, fact, features


def load_head(directory: Path, task: str, build: Callable[[int, dict[str, Any]], Any], command: str,
              embedder: Any = None) -> tuple[Any, Any, Any]:
    """(meta, head, sentence encoder) of a model directory holding a head over sentence vectors (the ranker, the
    question reader): the head ``build(dim, config)`` makes, filled from its tensors, over the encoder it was
    trained with (``embedder`` when that is the packaged MiniLM; a copy of it with the fine-tuned layers the
    directory holds, if any). ``command`` is how to retrain it."""
    from shopgraph.extraction import modeldir
    from shopgraph.extraction.embed import Embedder

    meta, state = modeldir.load_tensors(directory, task)
    base = meta.config.get("base_model")
    if base and (embedder is None or Path(embedder.model_dir) != Path(base)):  # over another encoder than the given one
        embedder = Embedder.load(Path(base))
    elif embedder is None:
        embedder = Embedder.load()
    tuned = {k[len(TUNED):]: v.float() for k, v in state.items() if k.startswith(TUNED)}
    if tuned:  # the ranker's own encoder: the given one with its fine-tuned top layers
        embedder = embedder.with_tensors(tuned)
    head = build(embedder.dim, meta.config)
    try:
        head.load_state_dict({k: v for k, v in state.items() if not k.startswith(TUNED)})
    except RuntimeError as exc:
        raise ModelLoadError(f"{directory}: the tensors do not fit its meta.json ({exc}); retrain it with `{command}`"
                             ) from None
    head.eval()
    return meta, head, embedder


class LearnedRanker:
    """P(fact answers the question) from a small head trained on semiPQA over sentence vectors of the packaged
    MiniLM with its top layers fine-tuned (`shopgraph train qa`). The head starts as the cosine and training keeps
    each stage only where it ranks the dev questions better, so it is never below MiniLM cosine on dev."""

    name = "minilm-ranker"

    def __init__(self, head: Any, embedder: Any, meta: Any, directory: Path | None) -> None:
        self.head = head
        self.vectors = _Vectors(embedder)
        self.meta = meta
        self.directory = directory

    @classmethod
    def load(cls, directory: Path | None = None, *, embedder: Any = None) -> LearnedRanker:
        """The ranker in ``directory`` (default: the one that ships in qa/models/ranker)."""
        directory = Path(directory) if directory is not None else SHIPPED
        meta, head, embedder = load_head(directory, TASK, lambda dim, config: make_head(dim, int(config.get("rank", 4))),
                                         "shopgraph train qa", embedder)
        return cls(head, embedder, meta, directory)

    def logits(self, question: str, texts: Sequence[str]) -> list[float]:
        import torch

        if not texts:
            return []
        q, fact, features = pair_inputs(self.vectors, question, texts)
        with torch.inference_mode():
            return self.head(q.unsqueeze(0), fact.unsqueeze(0), features.unsqueeze(0))[0].tolist()

    def score(self, question: str, texts: Sequence[str]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x)))) for x in self.logits(question, texts)]


# ---------------------------------------------------------------------------- training


@dataclass
class RankerTrainConfig(TrainConfig):
    """`shopgraph train qa`: the shared TrainConfig plus the ranker's own fields."""

    epochs: int = 30
    batch_size: int = 16  # questions per step
    learning_rate: float = 3e-4  # 3e-3 overfit: dev P@1 fell from 0.92 to 0.85 within 3 epochs
    weight_decay: float = 0.01
    patience: int = 8
    rank: int = 4  # of the bilinear question-fact term
    listwise_weight: float = 1.0  # softmax cross-entropy over a question's candidates, beside pointwise BCE
    split_seed: int = 13
    dev_part: float = 0.1
    held_out_part: float = 0.2
    # first, the sentence encoder's top layers are fine-tuned for ranking (listwise, questions of one product per
    # step): 2 layers, 5 epochs at 2e-5 gained 2.5 and 3.1 points P@1 in a 2-fold split of the train part
    tune_layers: int = 2  # 0: the head over the frozen encoder only
    tune_epochs: int = 5
    tune_learning_rate: float = 2e-5

    @property
    def split(self) -> Split:
        return Split(seed=self.split_seed, dev=self.dev_part, held_out=self.held_out_part)


@dataclass
class _Question:
    q: Any
    fact: Any
    features: Any
    labels: list[int]


def _encode_questions(vectors: _Vectors, questions: Sequence[PqaQuestion]) -> list[_Question]:
    return [_Question(*pair_inputs(vectors, q.question, q.candidates), q.labels) for q in questions]


def _collate(batch: list[_Question], _targets: list[Any]) -> dict[str, Any]:
    import torch

    width = max(len(b.labels) for b in batch)
    dim = batch[0].q.shape[0]
    fact = torch.zeros(len(batch), width, dim)
    features = torch.zeros(len(batch), width, len(FEATURES))
    labels = torch.zeros(len(batch), width)
    mask = torch.zeros(len(batch), width, dtype=torch.bool)
    for i, b in enumerate(batch):
        n = len(b.labels)
        fact[i, :n], features[i, :n] = b.fact, b.features
        labels[i, :n] = torch.tensor(b.labels, dtype=torch.float)
        mask[i, :n] = True
    return {"question": torch.stack([b.q for b in batch]), "fact": fact, "features": features, "labels": labels,
            "mask": mask}


def _loss(listwise_weight: float) -> Callable[[Any, dict[str, Any]], Any]:
    def loss(model: Any, batch: dict[str, Any]) -> Any:
        import torch

        logits = model(batch["question"], batch["fact"], batch["features"])
        mask, labels = batch["mask"], batch["labels"]
        bce = torch.nn.functional.binary_cross_entropy_with_logits(logits[mask], labels[mask])
        if not listwise_weight:
            return bce
        masked = logits.masked_fill(~mask, -1e4)
        log_p = torch.log_softmax(masked, dim=1)
        positive = log_p.masked_fill(labels <= 0, -1e4)
        return bce + listwise_weight * (-torch.logsumexp(positive, dim=1)).mean()

    return loss


def _head_metrics(head: Any, questions: Sequence[PqaQuestion], encoded: Sequence[_Question],
                  seed: int) -> dict[str, float]:
    import torch

    with torch.inference_mode():
        scores = [head(e.q.unsqueeze(0), e.fact.unsqueeze(0), e.features.unsqueeze(0))[0].tolist() for e in encoded]
    return metrics_from_scores(questions, scores, seed=seed)


def _tuned_names(model: Any, layers: int) -> list[str]:
    """Names of the parameters of an encoder's top ``layers`` transformer layers."""
    top = len(model.encoder.layer)
    prefixes = tuple(f"encoder.layer.{i}." for i in range(max(0, top - layers), top))
    return [name for name, _ in model.named_parameters() if name.startswith(prefixes)]


def _cosine_metrics(embedder: Any, questions: Sequence[PqaQuestion], seed: int) -> dict[str, float]:
    embedder.model.eval()
    return rank_metrics(questions, CosineScorer(embedder), seed=seed)


def tune_encoder(embedder: Any, train: Sequence[PqaQuestion], dev: Sequence[PqaQuestion], cfg: RankerTrainConfig, *,
                 started: float, progress: Callable[[int], None] | None = None,
                 on_epoch: Callable[[dict[str, Any]], None] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Fine-tune ``embedder``'s top ``cfg.tune_layers`` layers in place so that a question's vector lies closest to
    the facts that answer it (softmax over each question's candidates, scale COSINE_SCALE), through the shared
    training loop; the epoch is picked by dev P@1. Returns (the tuned tensors, or {} when tuning did not beat the
    plain encoder on dev and the encoder is left as it was; a metrics record)."""
    import torch

    from shopgraph.extraction.train import fit

    model = embedder.model
    chosen = set(_tuned_names(model, cfg.tune_layers))
    before = _cosine_metrics(embedder, dev, cfg.seed) if dev else None
    original = {n: p.detach().clone() for n, p in model.named_parameters() if n in chosen}
    for name, param in model.named_parameters():
        param.requires_grad = name in chosen
    groups: dict[str, list[PqaQuestion]] = {}  # one step: the questions about one product, with its candidate facts
    for q in train:
        groups.setdefault(q.product, []).append(q)
    products = list(groups.values())

    def collate(batch: list[list[PqaQuestion]], _targets: list[Any]) -> dict[str, Any]:
        questions = [q for product in batch for q in product]
        facts = list(dict.fromkeys(c for q in questions for c in q.candidates))
        at = {c: i for i, c in enumerate(facts)}
        width = max(len(q.candidates) for q in questions)
        index = torch.zeros(len(questions), width, dtype=torch.long)
        labels = torch.zeros(len(questions), width)
        mask = torch.zeros(len(questions), width, dtype=torch.bool)
        for i, q in enumerate(questions):
            n = len(q.candidates)
            index[i, :n] = torch.tensor([at[c] for c in q.candidates])
            labels[i, :n] = torch.tensor(q.labels, dtype=torch.float)
            mask[i, :n] = True
        tok = embedder.tokenizer
        f = tok(facts, padding=True, truncation=True, max_length=cfg.max_length, return_tensors="pt")
        qs = tok([q.question for q in questions], padding=True, truncation=True, max_length=cfg.max_length,
                 return_tensors="pt")
        return {"fact_ids": f["input_ids"], "fact_mask": f["attention_mask"], "question_ids": qs["input_ids"],
                "question_mask": qs["attention_mask"], "index": index, "labels": labels, "mask": mask}

    def loss(_model: Any, batch: dict[str, Any]) -> Any:
        facts = embedder.pool(batch["fact_ids"], batch["fact_mask"])
        questions = embedder.pool(batch["question_ids"], batch["question_mask"])
        logits = COSINE_SCALE * (facts[batch["index"]] * questions.unsqueeze(1)).sum(-1)
        log_p = torch.log_softmax(logits.masked_fill(~batch["mask"], -1e4), dim=1)
        return (-torch.logsumexp(log_p.masked_fill(batch["labels"] <= 0, -1e4), dim=1)).mean()

    def dev_score() -> tuple[tuple[float, ...], dict[str, Any], dict[str, float]]:
        m = _cosine_metrics(embedder, dev, cfg.seed)
        model.train()
        return (m["p_at_1"], m["mrr"]), {"dev_p_at_1": round(m["p_at_1"], 4), "dev_mrr": round(m["mrr"], 4)}, m

    stage = replace(cfg, epochs=cfg.tune_epochs, learning_rate=cfg.tune_learning_rate, batch_size=1,
                    patience=cfg.tune_epochs)
    history, best = fit(model, products, [None] * len(products), collate, dev_score if dev else None, stage,
                        started=started, progress=progress, on_epoch=on_epoch, loss_fn=loss,
                        lengths=[len(product) for product in products])
    for param in model.parameters():
        param.requires_grad = False
    model.eval()
    record = {"layers": cfg.tune_layers, "dev_before": before, "dev": best, "history": history}
    if before is not None and best is not None and (best["p_at_1"], best["mrr"]) < (before["p_at_1"], before["mrr"]):
        with torch.no_grad():  # tuning did not beat the plain encoder on dev: keep the plain one
            for name, param in model.named_parameters():
                if name in original:
                    param.copy_(original[name])
        return {}, {**record, "kept": False}
    return {n: p.detach().clone() for n, p in model.named_parameters() if n in chosen}, {**record, "kept": True}


def train_ranker(data: Path, output: Path, *, config: RankerTrainConfig | None = None, force: bool = False,
                 progress: Callable[[int], None] | None = None,
                 on_epoch: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Train the ranker head on semiPQA's train part, pick the epoch on dev (never below the cosine
    baseline there), and write a model directory (extraction.modeldir). Returns its ModelMeta."""
    from shopgraph.extraction import modeldir
    from shopgraph.extraction.align import file_sha256
    from shopgraph.extraction.embed import Embedder
    from shopgraph.extraction.train import begin, fit

    cfg = config or RankerTrainConfig()
    out, started = begin(output, cfg, force=force)
    questions = load_pqa(data)
    parts = split_pqa(questions, cfg.split)
    train = [q for q in parts["train"] if q.answerable]
    dev = [q for q in parts["dev"] if q.answerable]
    if not train:
        raise ConfigError(f"{data}: no answerable questions to train on")
    embedder = Embedder.load(Path(cfg.base_model) if cfg.base_model else None)
    tuned: dict[str, Any] = {}
    tuning: dict[str, Any] = {"layers": 0}
    if cfg.tune_layers:
        logger.info("fine-tuning the encoder's top %d layers on %d questions", cfg.tune_layers, len(train))
        tuned, tuning = tune_encoder(embedder, train, dev, cfg, started=started, progress=progress, on_epoch=on_epoch)
    vectors = _Vectors(embedder, limit=10**7)
    logger.info("embedding %d train and %d dev questions' candidates", len(train), len(dev))
    train_enc = _encode_questions(vectors, train)
    dev_enc = _encode_questions(vectors, dev)
    flat = [float(x) for e in train_enc for x in e.features[:, 0]]
    centre = sum(flat) / len(flat)
    head = make_head(embedder.dim, cfg.rank, centre)
    cosine_dev = _head_metrics(head, dev, dev_enc, cfg.seed)
    initial = {k: v.detach().clone() for k, v in head.state_dict().items()}

    def dev_score() -> tuple[tuple[float, ...], dict[str, Any], dict[str, float]]:
        head.eval()
        m = _head_metrics(head, dev, dev_enc, cfg.seed)
        head.train()
        return (m["p_at_1"], m["mrr"]), {"dev_p_at_1": round(m["p_at_1"], 4), "dev_mrr": round(m["mrr"], 4)}, m

    history, best = fit(head, train_enc, [None] * len(train_enc), _collate, dev_score if dev else None, cfg,
                        started=started, progress=progress, on_epoch=on_epoch, loss_fn=_loss(cfg.listwise_weight),
                        lengths=[len(e.labels) for e in train_enc])
    kept = "trained"
    if best is not None and (best["p_at_1"], best["mrr"]) < (cosine_dev["p_at_1"], cosine_dev["mrr"]):
        head.load_state_dict(initial)  # training did not beat the cosine on dev: ship the (tuned encoder's) cosine
        best, kept = cosine_dev, "cosine (training the head did not beat it on dev)"
    if tuned:
        kept += f", over the encoder's top {cfg.tune_layers} layers fine-tuned"
    head.eval()
    state = {**head.state_dict(), **{TUNED + n: t.half() for n, t in tuned.items()}}
    meta = modeldir.ModelMeta(
        task=TASK, labels=["answers"], config={k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(cfg).items()},
        data=[{"path": str(data), "sha256": file_sha256(Path(data)), "role": "train+dev (split by product)"}],
        metrics={"dev": best, "dev_cosine_baseline": tuning.get("dev_before") or cosine_dev, "dev_tuned_cosine": cosine_dev,
                 "kept": kept, "history": history, "encoder_tuning": tuning,
                 "questions": {k: len(v) for k, v in parts.items()},
                 "answerable": {k: sum(q.answerable for q in v) for k, v in parts.items()},
                 "parameters": sum(p.numel() for p in head.parameters()) + sum(t.numel() for t in tuned.values()),
                 "train_seconds": round(time.perf_counter() - started, 1)},
        extra={"features": list(FEATURES), "cosine_centre": centre,
               "split": "by product (candidate set), seeded; dev selects the epoch, held_out is reported"},
        weights={"dtype": "float32 (head), float16 (the tuned encoder layers)" if tuned else "float32", "shared": {},
                 "backbone": {} if cfg.base_model else modeldir.packaged_backbone_source()},
    )
    modeldir.save_tensors(out, state, meta)
    return meta


# ---------------------------------------------------------------------------- evaluation


def evaluate_ranker(model_dir: Path | None, data: Path, *, part: str = "held_out",
                    baselines: bool = True) -> dict[str, Any]:
    """P@1 and MRR on one part of the split: the ranker (default: the shipped one) beside the BM25 and
    MiniLM-cosine baselines. The split comes from the model's meta.json (the seed and fractions it trained
    with), so the held-out questions are never ones it trained on."""
    from shopgraph.extraction.embed import Embedder

    embedder = Embedder.load()
    ranker = LearnedRanker.load(model_dir, embedder=embedder)
    cfg = ranker.meta.config
    split = Split(seed=cfg.get("split_seed", 13), dev=cfg.get("dev_part", 0.1), held_out=cfg.get("held_out_part", 0.2))
    parts = split_pqa(load_pqa(data), split)
    if part not in parts:
        raise ConfigError(f"unknown part {part!r}; use one of {', '.join(parts)}")
    chosen = parts[part]
    answerable = [q for q in chosen if q.answerable]
    scores: dict[str, Any] = {ranker.name: rank_metrics(answerable, ranker, seed=split.seed)}
    results: dict[str, Any] = {"data": str(data), "part": part, "split": asdict(split), "model": str(ranker.directory),
                               "questions": len(chosen), "answerable": len(answerable), "scores": scores}
    if baselines:
        corpus = [c for q in parts["train"] for c in q.candidates]
        scores["bm25"] = rank_metrics(answerable, BM25Scorer(corpus), seed=split.seed)
        scores["minilm-cosine"] = rank_metrics(answerable, CosineScorer(embedder), seed=split.seed)
        best_base = max(scores["bm25"]["p_at_1"], scores["minilm-cosine"]["p_at_1"])
        results["gain_over_best_baseline"] = scores[ranker.name]["p_at_1"] - best_base
    return results
