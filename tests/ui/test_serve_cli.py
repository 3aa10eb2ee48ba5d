"""`shopgraph serve` failures: one clear `Error:` line and exit 1, no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ENV = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", "serve", *args], capture_output=True, text=True,
                          env=ENV, timeout=300)


def test_serve_busy_port_says_pick_another(shop_graph: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--store", str(shop_graph), "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: cannot serve on 127.0.0.1:{port}: the port is in use; pick another --port")
    assert "Traceback" not in result.stderr


def test_serve_missing_store_says_build_first(tmp_path: Path):
    missing = tmp_path / "nothing.kuzu"
    result = serve("--store", str(missing))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: no graph store at {missing}; build one first with `shopgraph build CATALOG --store {missing}`")
    assert not missing.exists()


def test_serve_help_has_an_example():
    result = subprocess.run([sys.executable, "-m", "shopgraph.kg.cli", "serve", "--help"], capture_output=True, text=True,
                            env=ENV, timeout=60)
    assert result.returncode == 0
    assert "shopgraph serve --store demo/graph.kuzu" in result.stdout
    assert "--host" in result.stdout and "--port" in result.stdout
