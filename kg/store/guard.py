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


# ---------------------------------------------------------------------------- analyst queries
#
# Analyst Cypher (`shopgraph query`, the app's Analyst tab) is held to more than "no writes": it may only
# read the graph's own tables. Kùzu's LOAD FROM and table functions (READ_CSV_*, JSON_SCAN, READ_PARQUET,
# READ_NPY…) read local files and some crash the process; `CALL timeout=…`, `CALL threads=…` and BEGIN
# TRANSACTION change the shared connection for everyone. Measured on kuzu 0.11.3: `…LIMIT 1LOAD FROM
# '/etc/passwd' …` passed a \bLOAD\b check (no word boundary between 1 and L) and returned the file.
# So the query is tokenised like a Cypher lexer (numbers apart from names), and:
#   - one statement only;
#   - no LOAD, COPY, ATTACH, USE, INSTALL, UNINSTALL, IMPORT, EXPORT, transactions or checkpoints;
#   - CALL only of the read procedures in READ_PROCEDURES;
#   - the write clauses above.
# A name used as an alias (`AS set`), a property (`p.set`), a label (`:Set`) or a map key (`{set: 1}`)
# is not a clause.

_TOKENS = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S")
_FORBIDDEN = {
    "LOAD": "LOAD FROM reads files", "ATTACH": "ATTACH opens other databases",
    "USE": "USE switches databases", "INSTALL": "extensions cannot be installed",
    "UNINSTALL": "extensions cannot be removed", "IMPORT": "IMPORT DATABASE reads files",
    "EXPORT": "EXPORT DATABASE writes files", "BEGIN": "transactions are managed by shopgraph",
    "COMMIT": "transactions are managed by shopgraph", "ROLLBACK": "transactions are managed by shopgraph",
    "CHECKPOINT": "CHECKPOINT writes the database",
}
_WRITES = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "ALTER", "FOREACH", "COPY"}
READ_PROCEDURES = frozenset({
    "query_fts_index", "query_vector_index",  # Kùzu's index searches
    "db.index.fulltext.querynodes", "db.index.vector.querynodes", "db.labels", "db.relationshiptypes",
    "db.propertykeys",
})


def analyst_refusal(cypher: str) -> tuple[str, str] | None:
    """Why an analyst query is refused, as (kind, reason) with kind "write" or "access"; None when it
    only reads the graph."""
    text = _LEXEMES.sub(lambda m: " '' " if m.group("string") is not None else " ", cypher)
    if _WRITE_PROCS.search(text):
        return "write", "a write procedure"
    tokens = _TOKENS.findall(text)
    while tokens and tokens[-1] == ";":
        tokens.pop()
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == ";":
            return "access", "one statement at a time: remove the ';' and send each query on its own"
        word = tok.upper()
        if not (tok[:1].isalpha() or tok[:1] == "_") or prev in (".", ":") or prev.upper() == "AS" or nxt == ":":
            continue
        if word in _WRITES:
            return "write", word
        if word in _FORBIDDEN:
            return "access", f"{word}: {_FORBIDDEN[word]}"
        if word == "CALL":
            name, want_word = [], True
            for t in tokens[i + 1:]:
                if want_word and (t[:1].isalpha() or t[:1] == "_"):
                    name.append(t)
                elif not want_word and t == ".":
                    name.append(t)
                else:
                    break
                want_word = not want_word
            procedure = "".join(name)
            if procedure.lower() not in READ_PROCEDURES:
                return "access", (f"CALL {procedure or '…'}: analyst queries may call only the index searches "
                                  "(QUERY_FTS_INDEX, QUERY_VECTOR_INDEX, db.index.*.queryNodes, db.labels…); table "
                                  "functions read files and settings change the shared connection")
    return None
