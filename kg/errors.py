"""One error family for every shopgraph package; messages say what, where and the fix."""

from __future__ import annotations

from pathlib import Path


class ShopgraphError(Exception):
    """Base of every error shopgraph raises on purpose."""


class ConfigError(ShopgraphError):
    """A setting, option or environment variable is missing or wrong."""


class CatalogError(ShopgraphError):
    """A catalog file or one of its rows cannot be read."""

    def __init__(self, path: str | Path, line: int | None, reason: str) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ModelLoadError(ShopgraphError):
    """A model directory cannot be loaded."""


class QueryError(ShopgraphError):
    """The graph engine rejected a query."""

    def __init__(self, cypher: str, message: str) -> None:
        self.cypher = cypher
        self.message = message
        super().__init__(f"query failed: {message}\n  query: {_one_line(cypher)}")


class ReadOnlyError(QueryError):
    """A write was attempted through a read-only entry point."""

    MESSAGE = (
        "writes are refused: queries here are read-only "
        "(CREATE, MERGE, SET, DELETE, REMOVE, DROP, COPY and write procedures); "
        "use `shopgraph build` to change the graph"
    )

    def __init__(self, cypher: str) -> None:
        self.cypher = cypher
        self.message = self.MESSAGE
        ShopgraphError.__init__(self, f"{self.MESSAGE}\n  query: {_one_line(cypher)}")


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
