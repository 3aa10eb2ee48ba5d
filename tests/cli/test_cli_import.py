"""`shopgraph --help` stays instant: importing the CLI loads no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ["torch", "transformers", "gradio", "neo4j", "rdflib", "spacy", "kuzu", "pyarrow"]


def test_cli_import_loads_no_heavy_library() -> None:
    code = (
        "import json, sys\n"
        "import shopgraph.kg.cli\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []


def test_cli_help_runs_without_loading_heavy_libraries() -> None:
    code = (
        "import json, sys\n"
        "from shopgraph.kg.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        f"print(json.dumps({{'exit': code, 'heavy': [m for m in {HEAVY!r} if m in sys.modules]}}))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    *help_lines, last = run.stdout.splitlines()
    assert json.loads(last) == {"exit": 0, "heavy": []}
    assert help_lines[0] == "Usage: shopgraph [OPTIONS] COMMAND [ARGS]..."


def test_cli_console_script_help() -> None:
    script = Path(sys.executable).with_name("shopgraph")  # installed by `pip install -e .` beside python
    assert script.exists(), f"no console script at {script}; install the package (pip install -e .)"
    run = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Usage: shopgraph [OPTIONS] COMMAND [ARGS]...")
    for command in ("build", "query", "stats"):
        assert f"  {command} " in run.stdout
