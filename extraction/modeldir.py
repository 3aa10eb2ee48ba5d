"""Model directories: ``meta.json`` beside the ``save_pretrained`` output, checked before loading.

```text
<dir>/
  meta.json   task, format_version, shopgraph_version, name, version, labels, config, data, metrics
  hf/         config.json (id2label), model.safetensors, tokenizer files
```
``version`` is the first 12 hex digits of the weights' sha256, so provenance in the graph names the
exact weights that produced a fact.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import ConfigError, ModelLoadError

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
META = "meta.json"
HF = "hf"


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


def save(out: Path, model: Any, tokenizer: Any, meta: ModelMeta) -> None:
    """Write ``model`` and ``tokenizer`` (save_pretrained, safetensors) and meta.json into ``out``."""
    hf_dir = out / HF
    with quiet_transformers():
        model.save_pretrained(str(hf_dir))  # safetensors
        tokenizer.save_pretrained(str(hf_dir))
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
                             f"train one with `shopgraph train {task} --output {directory}`")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"{path} is not valid JSON ({exc}); retrain the model or restore the file") from None
    fmt = raw.get("format_version")
    if fmt != FORMAT_VERSION:
        raise ModelLoadError(
            f"{directory} has model format version {fmt!r} (written by shopgraph {raw.get('shopgraph_version', '?')}); "
            f"this shopgraph ({__version__}) reads format version {FORMAT_VERSION}; retrain it with "
            f"`shopgraph train {task}` or use the shopgraph version that wrote it")
    if raw.get("task") != task:
        raise ModelLoadError(f"{directory} holds a {raw.get('task')!r} model, not a {task!r} model; "
                             f"pass a directory made by `shopgraph train {task}`")
    known = {f for f in ModelMeta.__dataclass_fields__}
    try:
        return ModelMeta(**{k: v for k, v in raw.items() if k in known})
    except TypeError as exc:
        raise ModelLoadError(f"{path} is missing fields ({exc}); retrain the model") from None


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
            model = getattr(transformers, model_class).from_pretrained(str(hf_dir), local_files_only=True)
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(hf_dir), local_files_only=True)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot load the model in {hf_dir}: {exc}; retrain it") from exc
    model.eval()
    return meta, model, tokenizer
