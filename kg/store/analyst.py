"""Analyst Cypher, sealed: checked, bounded, and run where an engine crash harms no one else.

    result = run_analyst("demo/graph.kuzu", "MATCH (p:Product) RETURN p.title LIMIT 5")
    result.columns, result.rows, result.truncated

`shopgraph query` and the app's Analyst tab both come here. The query must pass
``guard.analyst_refusal`` (one read statement over the graph's own tables: no files, table functions,
settings or transactions), then runs in a child process (``python -m shopgraph.kg.store.analyst``) on its
own read-only connection, with a time limit and a row limit the caller shows. Why a child: on kuzu 0.11.3
some table functions segfault the process (``CALL READ_CSV_SERIAL('/etc/passwd')`` killed the app's
server); the guard refuses those, and whatever slips past it can only take the child down. The child also
gives each query a fresh connection, so no query can change another's settings.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from shopgraph.kg.errors import ConfigError, QueryError, ReadOnlyError, ShopgraphError
from shopgraph.kg.store.guard import analyst_refusal

logger = logging.getLogger(__name__)

MAX_ROWS = 10_000  # rows an analyst query returns by default (the caller says when more were left)
TIMEOUT_S = 30.0  # seconds an analyst query may run by default
_GRACE_S = 5.0  # the child's start-up (imports, opening the store) on top of the query's own limit
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class AnalystResult:
    cypher: str
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool  # more rows than max_rows: only the first max_rows are here
    elapsed_ms: float
    max_rows: int

    @property
    def row_count(self) -> int:
        return len(self.rows)


def check_analyst(cypher: str) -> None:
    """Raise ReadOnlyError (a write) or QueryError (file, table-function, settings or transaction access)."""
    refusal = analyst_refusal(cypher)
    if refusal is None:
        return
    kind, reason = refusal
    if kind == "write":
        raise ReadOnlyError(cypher)
    raise QueryError(cypher, f"refused: analyst queries only read the graph ({reason})")


def run_analyst(store: str, cypher: str, params: Mapping[str, Any] | None = None, *, max_rows: int = MAX_ROWS,
                timeout_s: float = TIMEOUT_S) -> AnalystResult:
    """Check ``cypher``, run it in a child process on ``store`` (a path or bolt:// URI), read-only, and
    return at most ``max_rows`` rows; QueryError when it fails, runs past ``timeout_s`` or crashes."""
    check_analyst(cypher)
    request = {"store": str(store), "cypher": cypher, "params": dict(params or {}), "max_rows": int(max_rows),
               "timeout_s": float(timeout_s)}
    try:
        payload = json.dumps(request, default=str)
    except (TypeError, ValueError) as exc:
        raise QueryError(cypher, f"bad parameter: {exc}") from exc
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "shopgraph.kg.store.analyst"], input=payload, text=True,
                              capture_output=True, timeout=timeout_s + _GRACE_S)
    except subprocess.TimeoutExpired:
        raise QueryError(cypher, f"stopped after {timeout_s:g} s, the time limit; narrow the pattern, add LIMIT, "
                                 "or raise the limit") from None
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode < 0 or not done.stdout.strip():
        logger.warning("analyst query child ended with status %s: %s", done.returncode, done.stderr[-500:])
        raise QueryError(cypher, f"the database engine crashed on this query (exit status {done.returncode}); "
                                 "nothing else was affected: simplify the query")
    reply = json.loads(done.stdout)
    if "error" in reply:
        if reply.get("kind") == "read-only":
            raise ReadOnlyError(cypher)
        if reply.get("kind") == "config":
            raise ConfigError(reply["error"])
        raise QueryError(cypher, reply["error"])
    rows = [dict(zip(reply["columns"], row)) for row in reply["rows"]]
    return AnalystResult(cypher, reply["columns"], rows, bool(reply["truncated"]), elapsed, int(max_rows))


def csv_cell(value: Any) -> str:
    """A value as a CSV cell that a spreadsheet will not run: text starting with = + - @ (or a tab or CR)
    gets a leading apostrophe (OWASP's advice against CSV formula injection); numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_rows(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Header and rows, every cell through ``csv_cell`` (column names too: they can come from the query)."""
    return [[csv_cell(c) for c in columns], *([csv_cell(r.get(c)) for c in columns] for r in rows)]


def _child() -> int:
    """The child's side: one request on stdin, one JSON reply on stdout."""
    from shopgraph.kg.store import open_store

    request = json.loads(sys.stdin.read())
    try:
        check_analyst(request["cypher"])  # again: the child may be started by hand
        store = open_store(request["store"], read_only=True)
        try:
            columns, rows, truncated = store.read(request["cypher"], request["params"],
                                                  max_rows=request["max_rows"], timeout_s=request["timeout_s"])
        finally:
            store.close()
    except ReadOnlyError:
        reply: dict[str, Any] = {"error": ReadOnlyError.MESSAGE, "kind": "read-only"}
    except QueryError as exc:
        reply = {"error": exc.message if hasattr(exc, "message") else str(exc)}
    except ShopgraphError as exc:  # the store cannot be opened: say so as the CLI would
        reply = {"error": str(exc), "kind": "config"}
    else:
        reply = {"columns": columns, "rows": rows, "truncated": truncated}
    sys.stdout.write(json.dumps(reply, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(_child())
