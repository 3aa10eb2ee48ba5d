"""Fixtures shared by every test package. Keep this small; package-specific fixtures live beside their tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shopgraph.kg.store.embedded import EmbeddedStore


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    """A real, empty embedded (Kùzu) store with its schema, in tmp_path; closed afterwards."""
    store = EmbeddedStore(tmp_path / "graph.kuzu")
    store.ensure_schema()
    yield store
    store.close()
