"""Recognise Cypher that writes, so read-only entry points can refuse it before the engine runs it."""

from __future__ import annotations

import re

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`", re.DOTALL)
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|COPY|ALTER|LOAD|INSTALL|IMPORT|EXPORT|ATTACH|"
    r"DETACH|CHECKPOINT|FOREACH)\b",
    re.IGNORECASE,
)
# procedures that write: Kùzu's index builders, APOC/db writers on Neo4j
_WRITE_PROCS = re.compile(
    r"\bCALL\s+(?:[\w.]*\b)?(create_|drop_|apoc\.(?:create|merge|refactor|periodic|load|do)|"
    r"db\.(?:create|index\.fulltext\.create|clear)|dbms\.)",
    re.IGNORECASE,
)


def writes(cypher: str) -> bool:
    """True when the query has a write clause or calls a writing procedure (string literals ignored)."""
    text = _COMMENTS.sub(" ", _STRINGS.sub("''", cypher))
    return bool(_WRITE_CLAUSES.search(text) or _WRITE_PROCS.search(text))
