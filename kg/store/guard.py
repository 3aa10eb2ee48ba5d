"""Recognise Cypher that writes, so read-only entry points can refuse it before the engine runs it."""

from __future__ import annotations

import re

# strings and comments in one left-to-right pass: a quote inside a comment (/* it's */) or a comment
# marker inside a string ('a // b') must not hide what follows
_LEXEMES = re.compile(r"(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`)|(?P<comment>//[^\n]*|/\*.*?(?:\*/|$))",
                      re.DOTALL)
_WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|COPY|ALTER|LOAD|INSTALL|IMPORT|EXPORT|ATTACH|"
    r"DETACH|CHECKPOINT|FOREACH)\b",
    re.IGNORECASE,
)
# procedures that write: Kùzu's index builders, APOC/db writers on Neo4j
_WRITE_PROCS = re.compile(
    r"\bCALL\s+(?:[\w.]*\b)?(create_|drop_|apoc\.(?:create|merge|refactor|periodic|load|do|cypher\.(?:run\w*write|doit))|"
    r"db\.(?:create|index\.\w+\.create|clear)|dbms\.)",
    re.IGNORECASE,
)


def writes(cypher: str) -> bool:
    """True when the query has a write clause or calls a writing procedure (string literals ignored)."""
    text = _LEXEMES.sub(lambda m: "''" if m.group("string") is not None else " ", cypher)
    return bool(_WRITE_CLAUSES.search(text) or _WRITE_PROCS.search(text))
