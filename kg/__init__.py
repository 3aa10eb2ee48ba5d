"""shopgraph's graph layer: schema, catalog readers, build, stores, export, CLI."""

__version__ = "0.1.0"
