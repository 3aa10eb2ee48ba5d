"""The store conformance suite on the embedded store: a real Kùzu database in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopgraph.kg.errors import ConfigError
from shopgraph.kg.store import open_store
from shopgraph.kg.store.embedded import EmbeddedStore
from shopgraph.kg.testing import StoreContract, StoreFactory


class TestEmbeddedStore(StoreContract):
    @pytest.fixture
    def store_factory(self, tmp_path: Path) -> StoreFactory:
        path = tmp_path / "graph.kuzu"
        return lambda read_only: EmbeddedStore(path, read_only=read_only)


def test_embedded_store_read_only_needs_an_existing_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.kuzu"
    with pytest.raises(ConfigError, match="no graph store at .*missing.kuzu; build one first"):
        EmbeddedStore(missing, read_only=True)
    assert not missing.exists()


def test_embedded_store_refuses_a_directory(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory; the embedded store is a single file"):
        EmbeddedStore(tmp_path)


def test_open_store_opens_a_path_as_embedded(tmp_path: Path) -> None:
    store = open_store(tmp_path / "graph.kuzu")
    try:
        assert isinstance(store, EmbeddedStore)
        assert not store.read_only
    finally:
        store.close()
