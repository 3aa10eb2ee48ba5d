"""Entity resolution: canonical keys for brands, categories and attribute values, unit normalisation.

"Samsung", " SAMSUNG " and "Samsung." share one key, so one brand from two dumps is one node;
"128GB", "128 gb" and "128 GB" share one normalised value, as do "10 in", "10-inch" and '10"'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACE = re.compile(r"\s+")

# surface unit (lower case, no dots) → canonical unit
UNITS: dict[str, str] = {}
for canon, forms in {
    "in": ["in", "inch", "inches", '"', "”", "''", "-inch", "-in"],
    "cm": ["cm", "centimeter", "centimeters", "centimetre", "centimetres"],
    "mm": ["mm", "millimeter", "millimeters", "millimetre", "millimetres"],
    "m": ["m", "meter", "meters", "metre", "metres"],
    "ft": ["ft", "foot", "feet", "'"],
    "sq ft": ["sq ft", "sq. ft", "sq. ft.", "sqft", "square feet", "square foot", "ft²"],
    "m2": ["m2", "m²", "sq m", "square metres", "square meters", "square metre", "square meter", "sq meters",
           "sq metres", "sqm"],
    "kb": ["kb"],
    "mb": ["mb"],
    "gb": ["gb", "gig", "gigs", "gigabyte", "gigabytes"],
    "tb": ["tb", "terabyte", "terabytes"],
    "g": ["g", "gram", "grams", "gr"],
    "kg": ["kg", "kilo", "kilos", "kilogram", "kilograms"],
    "lb": ["lb", "lbs", "pound", "pounds"],
    "oz": ["oz", "ounce", "ounces"],
    "fl oz": ["fl oz", "floz", "fl. oz", "fluid ounce", "fluid ounces"],
    "ml": ["ml", "milliliter", "milliliters", "millilitre", "millilitres"],
    "l": ["l", "liter", "liters", "litre", "litres"],
    "w": ["w", "watt", "watts"],
    "kw": ["kw"],
    "v": ["v", "volt", "volts"],
    "mah": ["mah"],
    "wh": ["wh"],
    "hz": ["hz"],
    "khz": ["khz"],
    "mhz": ["mhz"],
    "ghz": ["ghz"],
    "mp": ["mp", "megapixel", "megapixels"],
    "pack": ["pack", "pk", "-pack", "count", "ct", "pcs", "pieces", "piece"],
    "h": ["h", "hr", "hrs", "hour", "hours"],
    "cup": ["cup", "cups", "-cup"],
    "mph": ["mph"],
    "rpm": ["rpm"],
    "db": ["db"],
}.items():
    for form in forms:
        UNITS[form] = canon

_UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# "5,000" and "1,299.50" use thousands separators; otherwise one "," or "." is the decimal mark ("1,5 kg")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
# number, optional space or hyphen, unit, nothing word-like after it
_QUANTITY = re.compile(rf"^\s*{_NUM}\s*-?\s*(?P<unit>{_UNIT_ALT})\.?\s*$", re.IGNORECASE)
_NUMBER = re.compile(rf"^\s*{_NUM}\s*$")


def canonical(text: str) -> str:
    """Unicode NFKC, case-folded, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def display(text: str) -> str:
    """A surface form tidied for display: NFKC and single spaces, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str  # the normalised value, e.g. "128 gb", "black"
    number: float | None = None
    unit: str | None = None


def parse_number(raw: str) -> float:
    """'1,299.50' → 1299.5 (thousands separators), '1,5' → 1.5 (a decimal comma), '128' → 128.0."""
    if _THOUSANDS.match(raw):
        return float(raw.replace(",", ""))
    return float(raw.replace(",", "."))


def _fmt(number: float) -> str:
    """Shortest exact text: 128.0 → '128', 1.5 → '1.5', 1000000.0 → '1000000' (never '1e+06')."""
    return str(int(number)) if number.is_integer() else repr(number)


def normalize_value(value: str) -> Normalized:
    """Normalise an attribute value: quantities get a canonical number and unit."""
    text = unicodedata.normalize("NFKC", value).strip()
    m = _QUANTITY.match(text)
    if m:
        unit = UNITS[m.group("unit").lower()]
        number = parse_number(m.group("num"))
        return Normalized(f"{_fmt(number)} {unit}", number, unit)
    m = _NUMBER.match(text)
    if m:
        number = parse_number(m.group("num"))
        return Normalized(_fmt(number), number, None)
    return Normalized(canonical(text))


def attribute_key(name: str) -> str:
    """Canonical attribute name: 'Screen Size', 'screen_size', 'screen-size' → 'screen size'."""
    return canonical(name.replace("_", " "))


def value_key(attribute: str, value: str) -> str:
    return f"{attribute_key(attribute)}={normalize_value(value).text}"


def category_keys(path: list[str]) -> list[str]:
    """Keys for each level of a category path: ['Electronics', 'Phones'] → ['electronics', 'electronics > phones']."""
    keys: list[str] = []
    for i in range(len(path)):
        keys.append(" > ".join(canonical(p) for p in path[: i + 1]))
    return keys
