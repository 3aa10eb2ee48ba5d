"""Exchange rates that the shopper's answers may use: a JSON file the user supplies (`shopgraph ask --rates`,
`shopgraph serve --rates`, or $SHOPGRAPH_RATES). Without one, prices in different currencies are never compared,
filtered or averaged as one (each answer says what it left out); with one, they are converted into the shopper's
currency (the question's, else DEFAULT_CURRENCY) and the answer says so.

The file maps currency codes to the worth of one unit of each in one common unit of the user's choosing::

    {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}

(one euro is worth 1.08 of the common unit, here the US dollar). A currency the file does not name is never
converted: its products are left out of converted filters and aggregates, as without rates.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from shopgraph.kg.errors import ConfigError

RATES_ENV = "SHOPGRAPH_RATES"
_CODE = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Rates:
    """Each currency's worth in one common unit; ``source``: the file it was read from (for answers' notes)."""

    worth: Mapping[str, float]
    source: str = "rates"

    def factor(self, currency: str, into: str) -> float | None:
        """What one unit of ``currency`` is in ``into``; None when either is not in the table."""
        a, b = self.worth.get(currency.upper()), self.worth.get(into.upper())
        return None if a is None or b is None else a / b

    def convert(self, amount: float, currency: str, into: str) -> float | None:
        factor = self.factor(currency, into)
        return None if factor is None else amount * factor

    def factors(self, into: str) -> list[tuple[str, float]]:
        """(currency, factor into ``into``) for every currency of the table, ``into`` first; [] when it is not in it."""
        pairs = [(c, factor) for c in self.worth if (factor := self.factor(c, into)) is not None]
        return sorted(pairs, key=lambda cf: cf[0] != into.upper())

    @property
    def how(self) -> str:
        """How answers say a price was converted: "converted at the rates in rates.json"."""
        return f"converted at the rates in {Path(self.source).name}"

    @property
    def converted(self) -> str:
        """The sentence an answer ends with where prices in other currencies were converted."""
        return f" Prices in other currencies were {self.how}."

    def lacking(self, *currencies: str) -> str:
        """The first of the currencies the table does not name ("" when it names them all)."""
        return next((c for c in currencies if c.upper() not in self.worth), "")


def load_rates(path: str | Path | None = None) -> Rates | None:
    """The rates in ``path`` (else $SHOPGRAPH_RATES; None when neither is given). Errors name the file, the line
    and the fix."""
    where = path if path is not None else os.environ.get(RATES_ENV) or None
    if where is None:
        return None
    file = Path(where)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read the rates file ({exc.strerror or exc}); give a JSON file such as "
                          '{"USD": 1.0, "EUR": 1.08, "GBP": 1.27}') from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: the rates file is not UTF-8 text; save it as UTF-8 JSON") from exc
    def unique(pairs: list[tuple[str, object]]) -> dict[str, object]:
        seen = [k.strip().upper() for k, _ in pairs]
        twice = next((k for k in seen if seen.count(k) > 1), None)
        if twice is not None:
            raise ConfigError(f"{file}, line {_line_of(text, twice)}: {twice} is given twice; give each currency once")
        return dict(pairs)

    try:
        data = json.loads(text, parse_constant=lambda word: word, object_pairs_hook=unique)  # NaN: refused below
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{file}, line {exc.lineno}, column {exc.colno}: not JSON ({exc.msg}); the rates file is one "
                          'JSON object such as {"USD": 1.0, "EUR": 1.08}') from exc
    if not isinstance(data, dict) or not data:
        raise ConfigError(f"{file}: the rates file must be one JSON object of currency codes and their worth in one "
                          'common unit, such as {"USD": 1.0, "EUR": 1.08}')
    worth: dict[str, float] = {}
    for code, value in data.items():
        line = _line_of(text, code)
        if not isinstance(code, str) or not _CODE.fullmatch(code.strip().upper()):
            raise ConfigError(f"{file}, line {line}: {code!r} is not a currency code; use three letters such as "
                              '"USD" or "EUR"')
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ConfigError(f"{file}, line {line}: the worth of {code} must be a positive number (one {code} in the "
                              f"file's common unit), not {value!r}")
        worth[code.strip().upper()] = float(value)
    return Rates(worth, str(file))


def _line_of(text: str, code: object) -> int:
    """The line of the file where a key is written (1 when it cannot be found)."""
    at = text.find(json.dumps(code, ensure_ascii=False)) if isinstance(code, str) else -1
    if at < 0 and isinstance(code, str):  # ("usd" said for USD)
        at = text.casefold().find(json.dumps(code.casefold(), ensure_ascii=False))
    return text.count("\n", 0, at) + 1 if at >= 0 else 1
