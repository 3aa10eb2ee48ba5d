"""Catalog readers: JSON Lines, CSV and schema.org RDF, streamed and gzip-aware.

`read_catalog(path)` yields `Product` records one at a time, so memory stays flat on large dumps.
Bad rows raise `CatalogError("path", line, reason)`, or, with ``errors="yield"``, come out as
`Rejected` records so the caller can write them to a rejects file and go on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from shopgraph.kg.errors import CatalogError
from shopgraph.kg.schema import ProductRelation

MAX_FIELD_BYTES = 1 << 20  # 1 MB per field
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
RDF_SUFFIXES = {".nt": "nt", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "json-ld"}
FORMATS = sorted(JSONL_SUFFIXES | CSV_SUFFIXES | set(RDF_SUFFIXES))
# a CSV field may hold more than the 1 MB field limit, so that the limit (not the csv module's
# 128 K default) decides and the reject says why; beyond this the csv module gives up on the row
CSV_FIELD_LIMIT = 4 * MAX_FIELD_BYTES
UTF8_BOM = b"\xef\xbb\xbf"
_PRICE_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_PRICE_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")


@dataclass(slots=True)
class Product:
    """One catalog record, validated."""

    id: str
    title: str
    description: str | None = None
    bullets: list[str] = field(default_factory=list)
    brand: str | None = None
    category: list[str] = field(default_factory=list)
    price: float | None = None
    currency: str | None = None
    attributes: dict[str, list[str]] = field(default_factory=dict)
    related: list[tuple[ProductRelation, str]] = field(default_factory=list)
    url: str | None = None
    catalog: str = ""  # the file it was read from
    line: int = 0  # its line (JSONL/CSV) or record number (RDF)
    raw: str = field(default="", repr=False, compare=False)  # the row as read, for a rejects file

    def text_fields(self) -> dict[str, str]:
        """The free-text fields models read, by field name ('bullets' joined by newlines)."""
        fields = {"title": self.title}
        if self.bullets:
            fields["bullets"] = "\n".join(self.bullets)
        if self.description:
            fields["description"] = self.description
        return fields


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row that could not be read, with where and why."""

    path: str
    line: int | None
    reason: str
    raw: str = ""

    def error(self) -> CatalogError:
        return CatalogError(self.path, self.line, self.reason)


Record = Product | Rejected
ErrorMode = Literal["raise", "yield"]


def catalog_format(path: str | Path) -> str:
    """'jsonl', 'csv' or an rdflib format name, from the extension (a trailing .gz is looked through)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".gz":
        suffix = Path(p.stem).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in RDF_SUFFIXES:
        return RDF_SUFFIXES[suffix]
    raise CatalogError(
        path,
        None,
        f"unknown catalog format {suffix or '(no extension)'!r}; "
        f"use one of {', '.join(FORMATS)} (optionally gzipped, e.g. catalog.jsonl.gz)",
    )


def check_catalog(path: str | Path) -> str:
    """The file's catalog format, once it is known to exist; CatalogError otherwise. Reads nothing."""
    fmt = catalog_format(path)
    _check_file(Path(path))
    return fmt


def _check_file(p: Path) -> None:
    if not p.exists():
        raise CatalogError(p, None, "no such file")
    if p.is_dir():
        raise CatalogError(p, None, "is a directory; pass catalog files")


def bad_utf8(exc: UnicodeDecodeError) -> str:
    """The reject reason of a line that is not UTF-8."""
    return (f"invalid UTF-8 at byte {exc.start} of the line; "
            "re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")


def open_binary(path: str | Path) -> IO[bytes]:
    p = Path(path)
    _check_file(p)
    with open(p, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return gzip.open(p, "rb") if gzipped else open(p, "rb")  # type: ignore[return-value]  # typeshed: a GzipFile is no IO[bytes]


def read_catalog(
    path: str | Path,
    *,
    errors: ErrorMode = "raise",
    csv_map: Mapping[str, str] | None = None,
) -> Iterator[Record]:
    """Stream the products of one catalog file.

    errors="raise" stops at the first bad row with a CatalogError naming file and line;
    errors="yield" yields a Rejected record for it and carries on.
    Duplicate ids inside one file are rejected after the first.
    """
    fmt = catalog_format(path)
    if fmt == "jsonl":
        records = _read_jsonl(path)
    elif fmt == "csv":
        records = _read_csv(path, csv_map or {})
    else:
        from shopgraph.kg.rdf import read_rdf  # rdflib is only imported for RDF input

        records = read_rdf(path, fmt)
    seen: dict[str, int] = {}
    for rec in records:
        if isinstance(rec, Product):
            first = seen.get(rec.id)
            if first is not None:
                rec = Rejected(str(path), rec.line, f"duplicate id {rec.id!r} (first seen at line {first})", rec.raw)
            else:
                seen[rec.id] = rec.line
        if isinstance(rec, Rejected) and errors == "raise":
            raise rec.error()
        yield rec


# ---------------------------------------------------------------- JSON Lines


class StreamDamaged(CatalogError):
    """A gzipped catalog is truncated or corrupt at ``line``: the lines before it were read."""


def _binary_lines(path: str | Path) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of a catalog file, gzip or not, BOM removed. A damaged gzip stream
    (truncated, bad CRC, garbage) raises StreamDamaged after the lines that could be read."""
    number = offset = 0
    with open_binary(path) as fh:
        try:
            for raw in fh:
                number += 1
                if number == 1:
                    raw = raw.removeprefix(UTF8_BOM)  # files saved by Excel/Notepad start with a BOM
                yield number, raw
                offset += len(raw)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            detail = "the file is truncated" if isinstance(exc, EOFError) else f"{exc}".rstrip(".")
            raise StreamDamaged(path, number + 1, (
                f"the gzip data is damaged after byte {offset:,} of the uncompressed text ({detail}); the {number:,} "
                "line(s) before it were read and the rest of the file is unreadable: re-download or re-compress it")
            ) from exc


def _decoded_lines(path: str | Path) -> Iterator[tuple[int, str, str]]:
    """(line number, text, reason) for each non-blank line. A line that is not UTF-8 comes with a
    reason, its bad bytes written as \\xNN escapes, so that a rejects file still holds the row.
    Damage in a gzip stream ends the file with one reason for the rest (the lines before are kept)."""
    try:
        for number, raw in _binary_lines(path):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, raw.decode("utf-8", errors="backslashreplace"), bad_utf8(exc)
                continue
            if text.strip():
                yield number, text, ""
    except StreamDamaged as exc:
        yield exc.line or 0, "", exc.reason


def _read_jsonl(path: str | Path) -> Iterator[Record]:
    name = str(path)
    for number, text, reason in _decoded_lines(path):
        text = text.rstrip("\r\n")  # so an error at the end of the line reports its column, not "column 1"
        if reason:
            yield Rejected(name, number, reason, text)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            msg = exc.msg.removesuffix(" at")  # "Unterminated string starting at" + " at column 3"
            hint = ""
            if "\r" in text.rstrip("\r"):
                hint = "; the file has CR-only line endings (old Mac): convert them, e.g. tr '\\r' '\\n'"
            elif number == 1 and text.lstrip().startswith("["):
                hint = ("; the file holds one JSON array: write one object per line (JSON Lines), "
                        f"e.g. jq -c '.[]' {Path(name).name} > catalog.jsonl")
            yield Rejected(name, number, f"malformed JSON: {msg} at column {exc.colno}{hint}", text)
            continue
        except RecursionError:
            yield Rejected(name, number, "JSON nested too deeply (about 1,000 levels or more); flatten the row", text)
            continue
        except ValueError as exc:  # a number of more than 4,300 digits
            yield Rejected(name, number, f"malformed JSON: {exc}; write the number as text", text)
            continue
        if not isinstance(obj, dict):
            hint = ""
            if isinstance(obj, list) and number == 1:
                hint = ("; the file holds one JSON array: write one object per line (JSON Lines), "
                        f"e.g. jq -c '.[]' {Path(name).name} > catalog.jsonl")
            yield Rejected(name, number, f"expected a JSON object, got {type(obj).__name__}{hint}", text)
            continue
        yield product_from_mapping(obj, name, number, raw=text)


# ---------------------------------------------------------------- CSV


def _read_csv(path: str | Path, column_map: Mapping[str, str]) -> Iterator[Record]:
    """CSV with a header. Columns are named like the JSON fields, or mapped with ``field=column``.

    `bullets` are separated by " | ", `attributes` and `related` hold JSON, and any column named
    ``attr:<Name>`` adds an attribute.
    """
    name = str(path)
    bad_lines: dict[int, str] = {}
    counter = {"line": 0}
    source = _binary_lines(path)
    pushed: deque[tuple[int, str]] = deque()  # lines to read again (after an unterminated quote)
    seen: dict[int, str] = {}  # the lines of the row being read, by number

    def lines() -> Iterator[str]:
        while True:
            if pushed:
                number, text = pushed.popleft()
            else:
                try:
                    number, raw = next(source)
                except StopIteration:
                    return
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    bad_lines[number] = bad_utf8(exc)
                    text = raw.decode("utf-8", errors="backslashreplace")
            counter["line"] = number
            seen[number] = text
            yield text

    def read_again(start: int, end: int, rows_lines: list[str], detail: str) -> Rejected:
        """An unterminated quote: reject the line where it opened; the lines it swallowed are read again."""
        bad_lines.pop(start, None)
        pushed.extend(zip(range(start + 1, end + 1), rows_lines[1:]))
        return Rejected(name, start, f"unterminated quote: a quoted field opens on this line and runs to line {end} "
                                     f"({detail}); close the quote (a quote inside a field is written \"\")",
                        rows_lines[0].rstrip("\r\n"))

    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    delimiter = "\t" if Path(str(path).removesuffix(".gz")).suffix.lower() == ".tsv" else ","
    reader = csv.reader(lines(), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise CatalogError(name, 1, f"malformed CSV header: {exc}") from exc
    inverse = {column: fieldname for fieldname, column in column_map.items()}
    missing = [c for c in column_map.values() if c not in header]
    if missing:
        raise CatalogError(name, 1, f"mapped column(s) {missing} not in the header {header}; fix --csv-map")
    fields = [inverse.get(col, col) for col in header]
    absent = [f for f in ("id", "title") if f not in fields]
    if absent:
        raise CatalogError(name, 1, f"no {' or '.join(repr(f) for f in absent)} column in the header {header}; name "
                                    f"the column(s) that hold them with --csv-map, e.g. --csv-map {absent[0]}=COLUMN")
    start = 2
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not pushed:
                break
            reader = csv.reader(lines(), delimiter=delimiter, strict=True)  # the lines after an unterminated quote at the end
            continue
        except StreamDamaged as exc:  # the rows before the damage were read
            yield Rejected(name, exc.line or start, exc.reason)
            break
        except csv.Error as exc:
            end = counter["line"]
            rows_lines = [seen.pop(n) for n in range(start, end + 1) if n in seen]
            reason = f"malformed CSV: {exc}"
            if "field larger than field limit" in str(exc):
                reason = f"a field is over {CSV_FIELD_LIMIT >> 20} MB, far over the 1 MB limit; shorten it or drop it"
            elif end > start and rows_lines and '"' in rows_lines[0]:
                # a quote left open runs into the next lines until another quote closes it mid-field (or
                # the file ends)
                yield read_again(start, end, rows_lines, str(exc))
                start += 1
                continue
            for n in range(start, end + 1):
                bad_lines.pop(n, None)
            yield Rejected(name, start, reason)
            start = end + 1
            continue
        end = counter["line"]
        rows_lines = [seen.pop(n) for n in range(start, end + 1) if n in seen]
        if end > start and len(row) != len(fields) and '"' in rows_lines[0]:
            # a quote that never closes swallows the lines after it
            yield read_again(start, end, rows_lines, f"giving {len(row)} columns, not {len(fields)}")
            start += 1
            continue
        bad = [bad_lines.pop(n) for n in range(start, end + 1) if n in bad_lines]
        line, start = start, end + 1
        if bad:
            yield Rejected(name, line, bad[0], ",".join(row))  # undecodable bytes shown as \xNN
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(fields):
            yield Rejected(name, line, f"expected {len(fields)} columns, got {len(row)}", ",".join(row))
            continue
        obj: dict[str, Any] = {}
        attributes: dict[str, Any] = {}
        try:
            for key, cell in zip(fields, row):
                if cell == "":
                    continue
                if key.startswith("attr:"):
                    attributes[key[5:]] = [v.strip() for v in cell.split(" | ")]
                elif key == "bullets":
                    obj["bullets"] = [b.strip() for b in cell.split(" | ") if b.strip()]
                elif key in ("attributes", "related"):
                    obj[key] = json.loads(cell)
                else:
                    obj[key] = cell
        except json.JSONDecodeError as exc:
            yield Rejected(name, line, f"column {key!r} holds malformed JSON: {exc.msg}", ",".join(row))
            continue
        if attributes:
            obj["attributes"] = {**attributes, **(obj.get("attributes") or {})}
        yield product_from_mapping(obj, name, line, raw=",".join(row))


# ---------------------------------------------------------------- validation


def _text(obj: Mapping[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):  # NaN, 1e400 (inf)
            raise ValueError(f"field {key!r} is {value!r}, not a usable value; write it as text, e.g. \"{key}\": \"…\"")
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string, got {type(value).__name__}")
    value = value.strip()
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800" in JSON: a lone UTF-16 surrogate, no character
        raise ValueError(f"field {key!r} holds a lone surrogate {value[exc.start]!r} at character {exc.start + 1}, "
                         "which is not a character; remove it or write the character it was meant to be") from None
    return value or None


def _check_size(key: str, value: Any) -> None:
    try:
        size = len(json.dumps(value, ensure_ascii=False).encode("utf-8")) if not isinstance(value, str) \
            else len(value.encode("utf-8"))
    except UnicodeEncodeError as exc:  # "\ud800" in JSON: a lone UTF-16 surrogate, no character
        raise ValueError(f"field {key!r} holds a lone surrogate {exc.object[exc.start]!r}, which is not a character; "
                         "remove it or write the character it was meant to be") from None
    if size > MAX_FIELD_BYTES:
        raise ValueError(
            f"field {key!r} is {size / MAX_FIELD_BYTES:.1f} MB, over the 1 MB limit; shorten it or drop it"
        )


_PRICE_PLAIN = re.compile(r"^[+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")


def parse_price(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"price {value!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().lstrip("$€£¥").strip()
        if _PRICE_THOUSANDS.match(text):
            text = text.replace(",", "")  # 1,299.00
        elif _PRICE_DECIMAL_COMMA.match(text):
            text = text.replace(",", ".")  # 12,99
        if not _PRICE_PLAIN.match(text):  # float() also takes "1_000", "١٢٣" and "nan": a price does not
            raise ValueError(f"price {value!r} is not a number; write it like 19.99")
        number = float(text)
    if not math.isfinite(number) or number < 0:
        raise ValueError(f"price {value!r} is not a non-negative number")
    return number


def _listify(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise ValueError(f"{key} values must be strings or numbers, got {type(item).__name__}")
        text = str(item).strip()
        if text:
            out.append(text)
    return out


def product_from_mapping(obj: Mapping[str, Any], path: str, line: int, raw: str = "") -> Record:
    """Validate one record (JSON object or CSV row) into a Product, or a Rejected with the reason."""
    try:
        for key, value in obj.items():
            _check_size(key, value)
        if "input" in obj and "title" not in obj:
            # ExtractGPT / OA-Mine / WDC-PAVE shape: the input text is the title.
            obj = {"id": obj.get("id") or f"{Path(path).name}:{line}", "title": obj["input"], **obj}
        elif "input_title" in obj and "title" not in obj:
            obj = {
                "id": obj.get("id") or f"{Path(path).name}:{line}",
                "title": obj["input_title"],
                "description": obj.get("input_description"),
                **obj,
            }
        pid = _text(obj, "id")
        if pid is None:
            raise ValueError("missing required field 'id'")
        title = _text(obj, "title")
        if title is None:
            raise ValueError(f"product {pid!r}: missing required field 'title'")
        category = obj.get("category")
        if isinstance(category, str):
            path_parts = [c.strip() for c in category.split(">") if c.strip()]
        else:
            path_parts = _listify(category, "category")
        attributes: dict[str, list[str]] = {}
        raw_attrs = obj.get("attributes") or {}
        if not isinstance(raw_attrs, dict):
            raise ValueError("field 'attributes' must be an object {name: value | [values]}")
        for name, value in raw_attrs.items():
            values = _listify(value, f"attribute {name!r}")
            if values:  # a name with nothing usable in it is warned about and left out by the build
                attributes[str(name).strip()] = values
        related: list[tuple[ProductRelation, str]] = []
        raw_related = obj.get("related") or []
        if not isinstance(raw_related, list):
            raise ValueError("field 'related' must be a list of {type, id}")
        for i, rel in enumerate(raw_related):
            if not isinstance(rel, dict) or not str(rel.get("id") or "").strip() or not rel.get("type"):
                raise ValueError(f"related[{i}] must be an object with 'type' and a non-empty 'id'")
            try:
                related.append((ProductRelation.parse(str(rel["type"])), str(rel["id"]).strip()))
            except ValueError as exc:
                raise ValueError(f"related[{i}]: {exc}") from None
        bullets = _listify(obj.get("bullets"), "bullets")
        return Product(
            id=pid,
            title=title,
            description=_text(obj, "description"),
            bullets=bullets,
            brand=_text(obj, "brand"),
            category=path_parts,
            price=parse_price(obj.get("price")),
            currency=_text(obj, "currency"),
            attributes=attributes,
            related=related,
            url=_text(obj, "url"),
            catalog=path,
            line=line,
            raw=raw,
        )
    except ValueError as exc:
        return Rejected(path, line, str(exc), raw)
    except RecursionError:
        return Rejected(path, line, "a value is nested too deeply (about 1,000 levels or more); flatten the row", raw)


def read_catalogs(paths: Iterable[str | Path], **kwargs: Any) -> Iterator[Record]:
    for path in paths:
        yield from read_catalog(path, **kwargs)


def write_jsonl(records: Iterable[Mapping[str, Any]], out: IO[str] | io.TextIOBase) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n
