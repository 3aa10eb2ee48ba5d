"""`shopgraph serve` in a child process, for the browser tests and the load benchmark.

    with served("demo/graph.kuzu") as url:   # http://127.0.0.1:<free port>/
        ...
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from shopgraph.kg.errors import ConfigError

QUIET_ENV = {"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


@contextmanager
def served(store: str | Path, *, host: str = "127.0.0.1", port: int | None = None, log: Path | None = None,
           start_timeout: float = 180.0) -> Iterator[str]:
    """Run `shopgraph serve --store STORE` until the block ends; yields the app's URL once it answers.

    The server's output goes to ``log`` (a temporary file by default) and is quoted in the error
    when it exits early or does not answer within ``start_timeout`` seconds.
    """
    port = port or free_port(host)
    url = f"http://{host}:{port}/"
    with tempfile.TemporaryDirectory(prefix="shopgraph-serve-") as tmp:
        log = log or Path(tmp) / "serve.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "shopgraph.kg.cli", "serve", "--store", str(store), "--host", host, "--port", str(port)],
                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **QUIET_ENV})
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                if proc.poll() is not None:
                    raise ConfigError(f"shopgraph serve exited with {proc.returncode}:\n{log.read_text()}")
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise ConfigError(f"shopgraph serve did not answer on {url} in {start_timeout:g} s:\n{log.read_text()}")
                time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
