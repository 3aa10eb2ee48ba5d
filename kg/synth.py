"""Synthetic catalogs: realistic-looking product records for demos, tests and scale runs.

`synth_catalog(n, seed)` streams `n` JSON Lines records (the schema `kg.catalog` reads) drawn from
a dozen categories: phones, phone cases, chargers and cables, laptops, headphones, running shoes,
boots, kitchen appliances, filter pitchers, air purifiers, replacement filters, coffee, furniture,
and bundles. Brands and model lines are real-looking; every attribute value also appears in the
title, bullets or description (units written in varied ways: "128GB" / "128 GB", "6.1-inch" /
'6.1"' / "6.1 in"), so distant supervision and extraction have text to work on.

What the generator does on purpose, at fixed rates (the constants below):

- ``TEXT_ONLY_RATE`` (20 %) of the attribute values that appear in a product's text are left out of
  its ``attributes``: they are facts only extraction can add. `synth_products` says which.
- Fields go missing as they do in real dumps: brand 5 %, price (and currency) 4 %, description 8 %,
  bullets 10 % (never together with the description), category 2 %, url 3 %.
- Relations only point at products emitted earlier in the same stream, so every ``related`` id
  exists: cases ACCESSORY_FOR / COMPATIBLE_WITH phones of their model, chargers COMPATIBLE_WITH
  phones and laptops, filters REPLACEMENT_FOR their appliances, bundles INCLUDES their parts, and
  SIMILAR_TO / BOUGHT_TOGETHER links between comparable or complementary products.

The stream is deterministic for a seed and prefix-stable (the first k records of ``n`` are the
records of ``k``). Memory stays flat: only a bounded pool of recent products per model is kept.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

TEXT_ONLY_RATE = 0.20
MISSING_BRAND = 0.05
MISSING_PRICE = 0.04
MISSING_DESCRIPTION = 0.08
MISSING_BULLETS = 0.10
MISSING_CATEGORY = 0.02
MISSING_URL = 0.03
NAME_VARIANT_RATE = 0.05  # attribute name written "screen_size" / "Screen size" instead of "Screen Size"
BRAND_UPPER_RATE = 0.04  # brand written "SAMSUNG" (entity resolution merges it)
PRICE_STRING_RATE = 0.05  # price given as text, e.g. "$19.99"
CATEGORY_LIST_RATE = 0.20  # category as a list instead of "A > B > C"
SINGLE_LIST_RATE = 0.10  # a single attribute value wrapped in a list
SIMILAR_RATE = 0.15

# Surface styles for a quantity; every style of a unit normalises to the same value (kg.normalize).
UNIT_STYLES: dict[str, tuple[str, ...]] = {
    "GB": ("{n}GB", "{n} GB"),
    "TB": ("{n}TB", "{n} TB"),
    "in": ("{n}-inch", '{n}"', "{n} in", "{n} inches", "{n} Inch"),
    "W": ("{n}W", "{n} W", "{n}-watt", "{n} watts"),
    "mAh": ("{n}mAh", "{n} mAh"),
    "kg": ("{n} kg", "{n}kg"),
    "lb": ("{n} lbs", "{n} lb", "{n} pounds"),
    "g": ("{n} g", "{n}g", "{n} grams"),
    "oz": ("{n} oz", "{n}-ounce", "{n} ounces", "{n} Oz"),
    "L": ("{n} L", "{n}L", "{n}-liter", "{n} liters"),
    "h": ("{n} hours", "{n}-hour", "{n} hrs"),
    "ft": ("{n} ft", "{n}-foot", "{n} feet"),
    "m": ("{n} m", "{n}m", "{n}-meter"),
    "cm": ("{n} cm", "{n}cm"),
    "mm": ("{n}mm", "{n} mm"),
    "Hz": ("{n}Hz", "{n} Hz"),
    "MP": ("{n}MP", "{n} MP", "{n}-megapixel"),
    "pack": ("{n}-Pack", "{n} Pack", "{n}-count", "{n} Count"),
    "cup": ("{n}-Cup", "{n}-cup"),
}


@dataclass(frozen=True, slots=True)
class SynthFact:
    """One attribute value of a synthetic product and where its text states it.

    ``value`` is the form written in ``attributes`` (when ``in_attributes``), ``surface`` the form
    in the text; both normalise to the same value. ``start``/``end`` are offsets of ``surface`` in
    ``field`` (title, bullets joined by newlines, or description), as `Product.text_fields` gives them.
    """

    attribute: str
    value: str
    surface: str
    field: str
    start: int
    end: int
    in_attributes: bool


# (attribute, value, surface[, lead]): lead holds the words one of which the surface follows in the text
_Fact = tuple[str, str, str] | tuple[str, str, str, tuple[str, ...]]


@dataclass
class _Draft:
    kind: str
    code: str  # id prefix
    category: str
    brand: str
    model: str
    title: str
    bullets: list[str]
    description: list[str]
    price: float
    facts: list[_Fact] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (type, id)
    info: dict[str, Any] = field(default_factory=dict)  # what later products may refer to


def _num(x: float) -> str:
    return f"{x:g}"


class _Gen:
    """One generator state: the random stream and a bounded pool of recent products."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.by_model: dict[tuple[str, str], deque[dict[str, Any]]] = {}
        self.by_kind: dict[str, deque[dict[str, Any]]] = {}

    # ------------------------------------------------------------------ helpers

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[self.rng.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def qty(self, number: float, unit: str) -> tuple[str, str]:
        """(value as written in attributes, surface as written in text): same quantity, styles drawn apart."""
        styles = UNIT_STYLES[unit]
        n = _num(number)
        return self.pick(styles).format(n=n), self.pick(styles).format(n=n)

    def price(self, base: float) -> float:
        raw = base * self.rng.uniform(0.85, 1.08)
        if raw < 20:
            return round(raw, 1) - 0.01 if raw >= 1 else round(raw, 2)
        return float(round(raw)) - self.pick((0.01, 0.01, 0.05, 0.0))

    def recent(self, kind: str, model: str | None = None) -> list[dict[str, Any]]:
        pool = self.by_kind.get(kind) if model is None else self.by_model.get((kind, model))
        return list(pool) if pool else []

    def remember(self, draft: _Draft, pid: str) -> None:
        entry = {"id": pid, "brand": draft.brand, "model": draft.model, "title": draft.title, **draft.info}
        self.by_kind.setdefault(draft.kind, deque(maxlen=64)).append(entry)
        self.by_model.setdefault((draft.kind, draft.model), deque(maxlen=8)).append(entry)

    def similar(self, d: _Draft) -> None:
        """Link to an earlier product of the same kind now and then."""
        if self.chance(SIMILAR_RATE):
            pool = [e for e in self.recent(d.kind) if e["model"] != d.model]
            if pool:
                d.related.append(("SIMILAR_TO", self.pick(pool)["id"]))


# ---------------------------------------------------------------------------- phones

# brand, model, screen in, battery mAh, camera MP, refresh Hz, RAM GB, storage GB, colours, base price, OS
PHONES: list[tuple[str, str, float, int, int, int, int, tuple[int, ...], tuple[str, ...], int, str]] = [
    ("Apple", "iPhone 15", 6.1, 3349, 48, 60, 6, (128, 256, 512), ("Black", "Blue", "Green", "Yellow", "Pink"), 799, "iOS 17"),
    ("Apple", "iPhone 15 Plus", 6.7, 4383, 48, 60, 6, (128, 256, 512), ("Black", "Blue", "Green", "Yellow", "Pink"), 899, "iOS 17"),
    ("Apple", "iPhone 15 Pro", 6.1, 3274, 48, 120, 8, (128, 256, 512, 1024), ("Natural Titanium", "Blue Titanium", "White Titanium", "Black Titanium"), 999, "iOS 17"),
    ("Apple", "iPhone 15 Pro Max", 6.7, 4422, 48, 120, 8, (256, 512, 1024), ("Natural Titanium", "Blue Titanium", "White Titanium", "Black Titanium"), 1199, "iOS 17"),
    ("Apple", "iPhone 14", 6.1, 3279, 12, 60, 6, (128, 256, 512), ("Midnight", "Starlight", "Blue", "Purple", "Red"), 699, "iOS 17"),
    ("Apple", "iPhone 13", 6.1, 3240, 12, 60, 4, (128, 256), ("Midnight", "Starlight", "Pink", "Blue", "Green"), 599, "iOS 17"),
    ("Apple", "iPhone SE (3rd generation)", 4.7, 2018, 12, 60, 4, (64, 128, 256), ("Midnight", "Starlight", "Red"), 429, "iOS 17"),
    ("Samsung", "Galaxy S24", 6.2, 4000, 50, 120, 8, (128, 256), ("Onyx Black", "Marble Grey", "Cobalt Violet", "Amber Yellow"), 799, "Android 14"),
    ("Samsung", "Galaxy S24+", 6.7, 4900, 50, 120, 12, (256, 512), ("Onyx Black", "Marble Grey", "Cobalt Violet", "Amber Yellow"), 999, "Android 14"),
    ("Samsung", "Galaxy S24 Ultra", 6.8, 5000, 200, 120, 12, (256, 512, 1024), ("Titanium Black", "Titanium Gray", "Titanium Violet", "Titanium Yellow"), 1299, "Android 14"),
    ("Samsung", "Galaxy A54 5G", 6.4, 5000, 50, 120, 6, (128, 256), ("Awesome Black", "Awesome Violet", "Awesome White"), 449, "Android 13"),
    ("Samsung", "Galaxy A15 5G", 6.5, 5000, 50, 90, 4, (128,), ("Blue Black", "Light Blue"), 199, "Android 14"),
    ("Samsung", "Galaxy Z Flip5", 6.7, 3700, 12, 120, 8, (256, 512), ("Mint", "Graphite", "Cream", "Lavender"), 999, "Android 13"),
    ("Google", "Pixel 8", 6.2, 4575, 50, 120, 8, (128, 256), ("Obsidian", "Hazel", "Rose"), 699, "Android 14"),
    ("Google", "Pixel 8 Pro", 6.7, 5050, 50, 120, 12, (128, 256, 512), ("Obsidian", "Porcelain", "Bay"), 999, "Android 14"),
    ("Google", "Pixel 7a", 6.1, 4385, 64, 90, 8, (128,), ("Charcoal", "Snow", "Sea", "Coral"), 499, "Android 13"),
    ("OnePlus", "OnePlus 12", 6.82, 5400, 50, 120, 12, (256, 512), ("Flowy Emerald", "Silky Black"), 799, "Android 14"),
    ("OnePlus", "Nord N30 5G", 6.72, 5000, 108, 120, 8, (128,), ("Chromatic Gray",), 299, "Android 13"),
    ("Motorola", "moto g power 5G (2024)", 6.7, 5000, 50, 120, 8, (128,), ("Midnight Blue", "Pale Lilac"), 299, "Android 14"),
    ("Motorola", "edge (2024)", 6.6, 5000, 50, 144, 8, (256,), ("Midnight Bluebird",), 549, "Android 14"),
    ("Xiaomi", "Redmi Note 13 Pro", 6.67, 5100, 200, 120, 8, (256,), ("Midnight Black", "Ocean Teal", "Aurora Purple"), 329, "Android 13"),
    ("Nokia", "G42 5G", 6.56, 5000, 50, 90, 6, (128,), ("So Grey", "So Purple"), 199, "Android 13"),
]


def _storage(g: _Gen, gb: int) -> tuple[str, str]:
    return g.qty(gb // 1024, "TB") if gb >= 1024 else g.qty(gb, "GB")


def _phone(g: _Gen) -> _Draft:
    brand, model, screen, battery, camera, hz, ram, storages, colors, base, os_ = g.pick(PHONES)
    gb = g.pick(storages)
    color = g.pick(colors)
    st_v, st_s = _storage(g, gb)
    sc_v, sc_s = g.qty(screen, "in")
    bat_v, bat_s = g.qty(battery, "mAh")
    cam_v, cam_s = g.qty(camera, "MP")
    hz_v, hz_s = g.qty(hz, "Hz")
    ram_v, ram_s = g.qty(ram, "GB")
    title = g.pick((
        "{b} {m} {st} {c}",
        "{b} {m}, {st}, {c} - Unlocked",
        "{b} {m} 5G Smartphone ({st}, {c})",
        "{m} {st} Unlocked Smartphone - {c}",
        "{b} {m} ({st}) - {c} | Unlocked",
    )).format(b=brand, m=model, st=st_s, c=color)
    bullets = [
        f"{sc_s} display with a {hz_s} refresh rate",
        f"{cam_s} main camera with night mode and 4K video",
        f"{bat_s} battery that lasts all day",
        f"{ram_s} RAM for smooth multitasking",
        "Unlocked: works with all major carriers",
    ]
    g.rng.shuffle(bullets)
    description = [
        f"The {brand} {model} brings a {sc_s} screen, {st_s} of storage and a {cam_s} camera to your pocket.",
        f"Runs {os_} out of the box.",
        g.pick(("Includes a USB-C cable; charger sold separately.", "Ships in recyclable packaging.",
                "Covered by a 1-year limited warranty.")),
    ]
    d = _Draft("phone", "PHN", "Electronics > Cell Phones > Smartphones", brand, model, title, bullets, description,
               g.price(base + 100 * storages.index(gb)))
    d.facts = [("Storage", st_v, st_s), ("Color", color, color), ("Screen Size", sc_v, sc_s),
               ("Battery Capacity", bat_v, bat_s), ("Rear Camera", cam_v, cam_s), ("Refresh Rate", hz_v, hz_s),
               ("RAM", ram_v, ram_s), ("Operating System", os_, os_)]
    d.info = {"storage": st_s, "color": color}
    return d


# ---------------------------------------------------------------------------- cases

CASE_LINES: list[tuple[str, tuple[str, ...], tuple[str, ...], int]] = [
    ("Spigen", ("Tough Armor", "Ultra Hybrid", "Liquid Air", "Rugged Armor"), ("TPU", "polycarbonate"), 17),
    ("OtterBox", ("Defender Series", "Commuter Series", "Symmetry Series"), ("polycarbonate", "synthetic rubber"), 45),
    ("Caseology", ("Parallax", "Nano Pop"), ("TPU", "silicone"), 16),
    ("ESR", ("Classic Hybrid", "Air Armor"), ("TPU", "polycarbonate"), 15),
    ("Mous", ("Limitless 5.0",), ("aramid fiber", "walnut", "leather"), 50),
    ("Speck", ("Presidio2 Pro", "Presidio Perfect-Clear"), ("polycarbonate", "silicone"), 40),
    ("Incipio", ("Duo", "Grip"), ("polycarbonate", "TPU"), 30),
    ("Smartish", ("Wallet Slayer Vol. 1",), ("silicone",), 20),
]
CASE_COLORS = ("Black", "Clear", "Navy", "Red", "Sage Green", "Lavender", "Blue", "Pink", "Charcoal", "Frost White")


def _case(g: _Gen) -> _Draft:
    brand, lines, materials, base = g.pick(CASE_LINES)
    line = g.pick(lines)
    pbrand, pmodel = g.pick(PHONES)[:2]
    color = g.pick(CASE_COLORS)
    material = g.pick(materials)
    drop = g.pick((6, 8, 10, 12, 15))
    dr_v, dr_s = g.qty(drop, "ft")
    magsafe = pbrand == "Apple" and g.chance(0.6)
    title = g.pick((
        "{b} {l} Case for {pb} {pm}, {c}",
        "{b} {l} Designed for {pm} Case - {c}",
        "{b} {l} Series Case Compatible with {pb} {pm} ({c})",
        "{pm} Case by {b} - {l}, {c}",
    )).format(b=brand, l=line, pb=pbrand, pm=pmodel, c=color)
    bullets = [
        f"Made for the {pbrand} {pmodel}; precise cutouts for buttons, ports and cameras",
        f"Military-grade drop protection up to {dr_s}",
        f"Slim {material} shell with raised edges to protect the screen and camera",
    ]
    if magsafe:
        bullets.append("MagSafe compatible: built-in magnets snap to MagSafe chargers")
    description = [f"The {brand} {line} keeps your {pmodel} safe without adding bulk.",
                   f"Its {material} build absorbs shock from everyday drops."]
    d = _Draft("case", "CSE", "Electronics > Cell Phone Accessories > Cases", brand, f"{line} {pmodel}", title,
               bullets, description, g.price(base))
    d.facts = [("Color", color, color), ("Material", material, material), ("Compatible Model", pmodel, pmodel),
               ("Drop Protection", dr_v, dr_s)]
    d.info = {"phone": pmodel, "line": line}
    phones = g.recent("phone", pmodel)
    for target in dict.fromkeys(e["id"] for e in phones[-2:]):
        d.related.append(("ACCESSORY_FOR", target))
        if g.chance(0.5):
            d.related.append(("COMPATIBLE_WITH", target))
    return d


# ---------------------------------------------------------------------------- chargers and cables

CHARGER_BRANDS = (("Anker", 1.0), ("Belkin", 1.3), ("UGREEN", 0.9), ("Apple", 1.4), ("Samsung", 1.2),
                  ("Spigen", 0.9), ("Baseus", 0.8))
CHARGERS: list[tuple[str, tuple[int, ...], int]] = [  # product type, wattages, base price
    ("USB-C Wall Charger", (20, 25, 30, 45, 65, 100, 140), 18),
    ("GaN Fast Charger", (45, 65, 100, 140), 35),
    ("Wireless Charging Pad", (10, 15), 20),
    ("Car Charger", (30, 48, 60), 16),
    ("USB-C to USB-C Cable", (60, 100, 240), 12),
    ("USB-C to Lightning Cable", (20, 30), 15),
]


def _charger(g: _Gen) -> _Draft:
    brand, factor = g.pick(CHARGER_BRANDS)
    kind, watts, base = g.pick(CHARGERS)
    w = g.pick(watts)
    w_v, w_s = g.qty(w, "W")
    color = g.pick(("White", "Black", "Black", "White", "Gray"))
    cable = "Cable" in kind
    title_kind = kind if "GaN" not in kind else f"{kind} ({g.pick((1, 2, 3))}-port)"
    title = g.pick(("{b} {w} {k}, {c}", "{b} {k} {w} - {c}", "{k}, {w}, by {b} ({c})")).format(
        b=brand, w=w_s, k=title_kind, c=color)
    connectors = ["USB-C"] if "Lightning" not in kind else ["USB-C", "Lightning"]
    if not cable and "Wireless" not in kind and g.chance(0.3):
        connectors.append("USB-A")
        title += " with USB-A port"
    bullets = [f"Delivers up to {w_s} to phones, tablets and laptops",
               f"{' and '.join(connectors)} for the cables you already own" if len(connectors) > 1
               else "USB-C Power Delivery for fast charging"]
    facts: list[_Fact] = [("Wattage", w_v, w_s), ("Color", color, color)]
    facts += [("Connector", c, c) for c in connectors]
    if cable:
        length, unit = g.pick(((3, "ft"), (6, "ft"), (10, "ft"), (1, "m"), (2, "m")))
        l_v, l_s = g.qty(length, unit)
        title += f", {l_s}"
        bullets.append(f"{l_s} braided cable rated for 10,000+ bends")
        facts.append(("Cable Length", l_v, l_s))
    else:
        bullets.append("Built-in protection against overheating and overcurrent")
    description = [f"A compact {kind.lower()} from {brand}.",
                   "Charges an iPhone 15 to 50% in about 30 minutes." if w >= 20 and not cable else
                   "Sturdy connectors and strain relief for daily use."]
    d = _Draft("charger", "CHG", "Electronics > Cell Phone Accessories > Chargers & Cables", brand, kind, title,
               bullets, description, g.price(base * factor * (1 + w / 100)))
    d.facts = facts
    d.info = {"watts": w_s}
    targets = g.recent("phone") + (g.recent("laptop") if w >= 45 else [])
    if targets:
        for e in dict.fromkeys(g.pick(targets)["id"] for _ in range(g.rng.randint(1, 3))):
            d.related.append(("COMPATIBLE_WITH", e))
    return d


# ---------------------------------------------------------------------------- laptops

# brand, model, screen in, processor, RAM GB, storage GB, weight kg, colours, base price, OS, battery h
LAPTOPS: list[tuple[str, str, float, str, tuple[int, ...], tuple[int, ...], float, tuple[str, ...], int, str, int]] = [
    ("Apple", "MacBook Air (M2)", 13.6, "Apple M2 chip", (8, 16, 24), (256, 512, 1024), 1.24, ("Midnight", "Starlight", "Space Gray", "Silver"), 1099, "macOS", 18),
    ("Apple", "MacBook Air 15 (M3)", 15.3, "Apple M3 chip", (8, 16, 24), (256, 512), 1.51, ("Midnight", "Starlight", "Space Gray", "Silver"), 1299, "macOS", 18),
    ("Apple", "MacBook Pro 14 (M3 Pro)", 14.2, "Apple M3 Pro chip", (18, 36), (512, 1024), 1.61, ("Space Black", "Silver"), 1999, "macOS", 18),
    ("Dell", "XPS 13 9340", 13.4, "Intel Core Ultra 7 155H", (16, 32), (512, 1024), 1.19, ("Platinum", "Graphite"), 1399, "Windows 11 Home", 13),
    ("Dell", "XPS 15 9530", 15.6, "Intel Core i7-13700H", (16, 32), (512, 1024), 1.86, ("Platinum Silver",), 1599, "Windows 11 Home", 13),
    ("Dell", "Inspiron 15 3530", 15.6, "Intel Core i5-1335U", (8, 16), (256, 512), 1.65, ("Carbon Black", "Platinum Silver"), 549, "Windows 11 Home", 8),
    ("Lenovo", "ThinkPad X1 Carbon Gen 11", 14, "Intel Core i7-1365U", (16, 32), (512, 1024), 1.12, ("Deep Black",), 1749, "Windows 11 Pro", 15),
    ("Lenovo", "IdeaPad Slim 5", 16, "AMD Ryzen 7 7730U", (16,), (512, 1024), 1.89, ("Cloud Grey", "Abyss Blue"), 679, "Windows 11 Home", 12),
    ("Lenovo", "Yoga 7i", 14, "Intel Core i5-1335U", (8, 16), (512,), 1.49, ("Storm Grey", "Arctic Grey"), 749, "Windows 11 Home", 10),
    ("HP", "Spectre x360 14", 13.5, "Intel Core Ultra 7 155H", (16, 32), (512, 1024, 2048), 1.44, ("Nightfall Black", "Slate Blue"), 1449, "Windows 11 Home", 12),
    ("HP", "Pavilion 15", 15.6, "Intel Core i7-1255U", (8, 16), (512,), 1.75, ("Natural Silver", "Fog Blue"), 649, "Windows 11 Home", 8),
    ("HP", "EliteBook 840 G10", 14, "Intel Core i7-1355U", (16, 32), (512,), 1.36, ("Silver",), 1599, "Windows 11 Pro", 11),
    ("ASUS", "Zenbook 14 OLED", 14, "Intel Core Ultra 7 155H", (16, 32), (512, 1024), 1.2, ("Ponder Blue", "Foggy Silver"), 1099, "Windows 11 Home", 15),
    ("ASUS", "Vivobook 15", 15.6, "Intel Core i3-1215U", (8,), (256, 512), 1.7, ("Quiet Blue", "Transparent Silver"), 399, "Windows 11 Home", 6),
    ("ASUS", "ROG Zephyrus G14", 14, "AMD Ryzen 9 8945HS", (16, 32), (1024,), 1.5, ("Eclipse Gray", "Platinum White"), 1599, "Windows 11 Home", 10),
    ("Acer", "Swift Go 14", 14, "Intel Core i7-13700H", (16,), (512,), 1.3, ("Pure Silver",), 799, "Windows 11 Home", 10),
    ("Acer", "Aspire 5", 15.6, "Intel Core i5-1235U", (8, 16), (512,), 1.77, ("Steel Gray",), 549, "Windows 11 Home", 8),
    ("Microsoft", "Surface Laptop 5", 13.5, "Intel Core i5-1245U", (8, 16), (256, 512), 1.27, ("Platinum", "Matte Black", "Sage"), 999, "Windows 11 Home", 18),
]


def _weight(g: _Gen, kg: float) -> tuple[str, str]:
    if g.chance(0.5):
        return g.qty(round(kg, 2), "kg")
    return g.qty(round(kg * 2.2046, 1), "lb")


def _laptop(g: _Gen) -> _Draft:
    brand, model, screen, cpu, rams, storages, kg, colors, base, os_, hours = g.pick(LAPTOPS)
    ram, gb, color = g.pick(rams), g.pick(storages), g.pick(colors)
    sc_v, sc_s = g.qty(screen, "in")
    ram_v, ram_s = g.qty(ram, "GB")
    st_v, st_s = _storage(g, gb)
    w_v, w_s = _weight(g, kg)
    h_v, h_s = g.qty(hours, "h")
    title = g.pick((
        "{b} {m} {sc} Laptop, {cpu}, {ram} RAM, {st} SSD, {c}",
        "{b} {m} Laptop - {sc} Display, {cpu}, {ram}, {st} SSD, {os}",
        "{m} {sc} ({cpu}, {ram}/{st}) - {c}",
        "{b} {m}: {cpu}, {ram} RAM, {st} storage",
    )).format(b=brand, m=model, sc=sc_s, cpu=cpu, ram=ram_s, st=st_s, c=color, os=os_)
    bullets = [
        f"{sc_s} high-resolution display with thin bezels",
        f"{cpu} with {ram_s} of memory for demanding apps",
        f"Up to {h_s} of battery life",
        f"Weighs just {w_s}",
        f"{st_s} SSD for fast boot and file access",
    ]
    g.rng.shuffle(bullets)
    description = [f"The {brand} {model} is a {color} laptop running {os_}.",
                   f"It packs the {cpu} and a {sc_s} screen into a chassis that weighs {w_s}.",
                   "Wi-Fi 6E and two USB-C ports keep it connected."]
    d = _Draft("laptop", "LAP", "Electronics > Computers > Laptops", brand, model, title, bullets, description,
               g.price(base + 200 * rams.index(ram) + 200 * storages.index(gb)))
    d.facts = [("Screen Size", sc_v, sc_s), ("Processor", cpu, cpu), ("RAM", ram_v, ram_s), ("Storage", st_v, st_s),
               ("Weight", w_v, w_s), ("Color", color, color), ("Operating System", os_, os_),
               ("Battery Life", h_v, h_s)]
    g.similar(d)
    return d


# ---------------------------------------------------------------------------- headphones

# brand, model, type, noise cancelling, battery h (None: wired), driver mm, weight g, colours, price, connectivity
HEADPHONES: list[tuple[str, str, str, bool, int | None, float | None, float, tuple[str, ...], int, str]] = [
    ("Sony", "WH-1000XM5", "Over-Ear", True, 30, 30, 250, ("Black", "Silver", "Midnight Blue"), 399, "Bluetooth 5.2"),
    ("Sony", "WH-CH720N", "Over-Ear", True, 35, 30, 192, ("Black", "White", "Blue"), 149, "Bluetooth 5.2"),
    ("Sony", "WF-1000XM5", "In-Ear", True, 8, 8.4, 5.9, ("Black", "Platinum Silver"), 299, "Bluetooth 5.3"),
    ("Bose", "QuietComfort Ultra Headphones", "Over-Ear", True, 24, 35, 250, ("Black", "White Smoke"), 429, "Bluetooth 5.3"),
    ("Bose", "QuietComfort Earbuds II", "In-Ear", True, 6, None, 6.2, ("Triple Black", "Soapstone"), 279, "Bluetooth 5.3"),
    ("Sennheiser", "Momentum 4 Wireless", "Over-Ear", True, 60, 42, 293, ("Black", "White"), 379, "Bluetooth 5.2"),
    ("Sennheiser", "HD 560S", "Over-Ear", False, None, 38, 240, ("Black",), 199, "Wired (3.5 mm)"),
    ("Apple", "AirPods Pro (2nd generation)", "In-Ear", True, 6, None, 5.3, ("White",), 249, "Bluetooth 5.3"),
    ("Apple", "AirPods Max", "Over-Ear", True, 20, 40, 385, ("Space Gray", "Silver", "Sky Blue", "Pink", "Green"), 549, "Bluetooth 5.0"),
    ("JBL", "Tune 760NC", "Over-Ear", True, 35, 40, 220, ("Black", "Blue", "White"), 129, "Bluetooth 5.0"),
    ("JBL", "Live 660NC", "Over-Ear", True, 50, 40, 265, ("Black", "Blue", "White"), 199, "Bluetooth 5.0"),
    ("Audio-Technica", "ATH-M50x", "Over-Ear", False, None, 45, 285, ("Black", "White"), 169, "Wired (3.5 mm)"),
    ("Audio-Technica", "ATH-M40x", "Over-Ear", False, None, 40, 240, ("Black",), 99, "Wired (3.5 mm)"),
    ("Beats", "Studio Pro", "Over-Ear", True, 40, 40, 260, ("Black", "Navy", "Sandstone", "Deep Brown"), 349, "Bluetooth 5.3"),
    ("Beats", "Solo 4", "On-Ear", False, 50, 40, 217, ("Matte Black", "Slate Blue", "Cloud Pink"), 199, "Bluetooth 5.3"),
    ("Soundcore", "Life Q30", "Over-Ear", True, 40, 40, 260, ("Black", "Blue", "Pink"), 79, "Bluetooth 5.0"),
]


def _headphones(g: _Gen) -> _Draft:
    brand, model, form, anc, hours, driver, grams, colors, base, conn = g.pick(HEADPHONES)
    color = g.pick(colors)
    wireless = hours is not None
    kind = "Earbuds" if form == "In-Ear" else "Headphones"
    features = ("Wireless Noise Cancelling " if anc else "Wireless " if wireless else "Wired Studio ")
    title = g.pick(("{b} {m} {f}{k}, {c}", "{b} {m} {t} {f}{k} - {c}", "{m} {f}{k} by {b} ({c})")).format(
        b=brand, m=model, f=features, k=kind, t=form, c=color)
    facts: list[_Fact] = [("Color", color, color), ("Headphone Type", form, form), ("Connectivity", conn, conn)]
    bullets = [f"{form} design for long listening sessions"]
    if anc:
        bullets.append("Active Noise Cancellation blocks out traffic, engines and chatter")
        facts.append(("Noise Control", "Active Noise Cancellation", "Active Noise Cancellation"))
    if wireless:
        h_v, h_s = g.qty(hours, "h")
        bullets.append(f"Up to {h_s} of playback on a single charge")
        facts.append(("Battery Life", h_v, h_s))
    bullets.append(f"{conn} connection")
    if driver is not None:
        d_v, d_s = g.qty(driver, "mm")
        bullets.append(f"{d_s} drivers tuned for clear highs and deep bass")
        facts.append(("Driver Size", d_v, d_s))
    gr_v, gr_s = g.qty(grams, "g")
    bullets.append(f"Weighs {gr_s}")
    facts.append(("Weight", gr_v, gr_s))
    description = [f"{brand} {model}: {'noise-cancelling ' if anc else ''}{kind.lower()} in {color}.",
                   g.pick(("A carrying case is included.", "Comes with a USB-C charging cable.",
                           "Built-in microphones handle calls."))]
    d = _Draft("headphones", "AUD", "Electronics > Audio > Headphones", brand, model, title, bullets, description,
               g.price(base))
    d.facts = facts
    g.similar(d)
    return d


# ---------------------------------------------------------------------------- shoes

# brand, model, weight oz (men's 9), heel drop mm, base price, material
RUNNING_SHOES: list[tuple[str, str, float, int, int, str]] = [
    ("Nike", "Pegasus 40", 9.7, 10, 130, "engineered mesh"),
    ("Nike", "Vomero 17", 10.9, 10, 160, "engineered mesh"),
    ("Nike", "Invincible 3", 10.8, 9, 180, "Flyknit"),
    ("Adidas", "Ultraboost Light", 10.6, 10, 190, "Primeknit"),
    ("Adidas", "Adizero Adios Pro 3", 7.7, 6, 250, "engineered mesh"),
    ("Brooks", "Ghost 15", 9.8, 12, 140, "engineered mesh"),
    ("Brooks", "Glycerin 21", 10.2, 10, 160, "engineered mesh"),
    ("Brooks", "Adrenaline GTS 23", 10.1, 12, 140, "engineered air mesh"),
    ("ASICS", "Gel-Kayano 30", 10.7, 10, 160, "engineered mesh"),
    ("ASICS", "Gel-Nimbus 25", 10.2, 8, 160, "engineered knit"),
    ("ASICS", "Novablast 4", 9.2, 8, 140, "engineered woven"),
    ("Hoka", "Clifton 9", 8.7, 5, 145, "engineered knit"),
    ("Hoka", "Bondi 8", 10.8, 4, 165, "engineered mesh"),
    ("Hoka", "Speedgoat 5", 10.3, 4, 155, "jacquard mesh"),
    ("New Balance", "Fresh Foam X 1080v13", 9.9, 6, 165, "Hypoknit"),
    ("New Balance", "FuelCell Rebel v3", 7.8, 6, 140, "engineered mesh"),
    ("Saucony", "Endorphin Speed 4", 8.2, 8, 170, "engineered mesh"),
    ("Saucony", "Ride 17", 9.1, 8, 140, "engineered mesh"),
]
SHOE_COLORS = ("Black", "White", "Grey", "Navy", "Blue", "Red", "Volt", "Orange", "Pink", "Green", "Purple", "Teal",
               "Beige", "Coral")

# brand, model, material, shaft height in, waterproof, base price, colours
BOOTS: list[tuple[str, str, str, int, bool, int, tuple[str, ...]]] = [
    ("Timberland", "Premium Waterproof Boot", "nubuck leather", 6, True, 198, ("Wheat Nubuck", "Black", "Dark Brown")),
    ("Dr. Martens", "1460 Smooth Leather Lace Up Boots", "smooth leather", 8, False, 170, ("Black", "Cherry Red")),
    ("Red Wing", "Iron Ranger", "full-grain leather", 6, False, 370, ("Amber Harness", "Copper Rough and Tough")),
    ("Columbia", "Newton Ridge Plus II Hiking Boot", "suede", 5, True, 90, ("Cordovan", "Black")),
    ("Merrell", "Moab 3 Mid", "suede", 5, True, 150, ("Earth", "Black Night", "Walnut")),
    ("UGG", "Classic Short II", "sheepskin", 8, False, 180, ("Chestnut", "Black", "Grey")),
    ("Blundstone", "550 Chelsea Boot", "leather", 6, False, 230, ("Rustic Brown", "Black")),
    ("Sorel", "Caribou Boot", "nubuck leather", 10, True, 180, ("Buff", "Black")),
    ("Thursday Boot Co.", "Captain", "full-grain leather", 6, False, 199, ("Cognac", "Black Matte")),
    ("Keen", "Targhee III Mid", "leather", 5, True, 165, ("Dark Earth", "Black Olive")),
]


SIZE_LEAD = ("Size ", "US ")  # shoe sizes are located after these words, not inside a model name like "Clifton 9"


def _size(g: _Gen, gender: str) -> str:
    low, high = (7, 13) if gender == "Men's" else (5, 11)
    return _num(g.rng.randint(low * 2, high * 2) / 2)


def _running_shoe(g: _Gen) -> _Draft:
    brand, model, oz, drop, base, material = g.pick(RUNNING_SHOES)
    gender = g.pick(("Men's", "Women's"))
    colors = g.rng.sample(SHOE_COLORS, g.pick((1, 2, 2, 3)))
    colorway = "/".join(colors)
    size = _size(g, gender)
    wide = g.chance(0.15)
    weight = oz if gender == "Men's" else round(oz * 0.85, 1)
    w_v, w_s = g.qty(weight, "oz") if g.chance(0.6) else g.qty(round(weight * 28.35), "g")
    dr_v, dr_s = g.qty(drop, "mm")
    title = g.pick((
        "{b} {g} {m} Running Shoes, {c}, Size {s}{w}",
        "{b} {m} {g} Road Running Shoe - {c} - US {s}{w}",
        "{g} {b} {m} ({c}, Size {s}{w})",
    )).format(b=brand, g=gender, m=model, c=colorway, s=size, w=" Wide" if wide else "")
    bullets = [f"Breathable {material} upper", f"{dr_s} heel-to-toe drop", f"Weighs about {w_s} per shoe",
               "Rubber outsole with flex grooves for a smooth ride"]
    description = [f"The {model} is a {gender.lower()} daily trainer from {brand}.",
                   f"This pair comes in {colorway.replace('/', ' and ')}."]
    d = _Draft("running_shoe", "RUN", "Clothing & Shoes > Shoes > Running Shoes", brand, model, title, bullets,
               description, g.price(base))
    d.facts = [("Color", c, c) for c in colors]
    d.facts += [("Size", size, size, SIZE_LEAD), ("Gender", gender, gender), ("Material", material, material),
                ("Weight", w_v, w_s), ("Heel Drop", dr_v, dr_s)]
    if wide:
        d.facts.append(("Width", "Wide", "Wide"))
    g.similar(d)
    return d


def _boot(g: _Gen) -> _Draft:
    brand, model, material, shaft, waterproof, base, colors = g.pick(BOOTS)
    gender = g.pick(("Men's", "Women's"))
    color = g.pick(colors)
    size = _size(g, gender)
    sh_v, sh_s = g.qty(shaft, "in")
    title = g.pick(("{b} {g} {m}, {c}, Size {s}", "{b} {m} - {g} {c} {mat} Boots, US {s}", "{g} {m} by {b} ({c}, Size {s})")).format(
        b=brand, g=gender, m=model, c=color, s=size, mat=material.title())
    bullets = [f"Upper made of {material}", f"{sh_s} shaft height",
               "Cushioned footbed and rubber lug outsole"]
    facts: list[_Fact] = [("Color", color, color), ("Size", size, size, SIZE_LEAD), ("Gender", gender, gender), ("Material", material, material),
                          ("Shaft Height", sh_v, sh_s)]
    if waterproof:
        bullets.append("Waterproof construction with seam-sealed lining")
        facts.append(("Water Resistance", "Waterproof", "Waterproof"))
    description = [f"The {brand} {model} in {color} is a {gender.lower()} boot for city streets and trails.",
                   g.pick(("Break-in time is short.", "Resoleable construction.", "True to size."))]
    d = _Draft("boot", "BOT", "Clothing & Shoes > Shoes > Boots", brand, model, title, bullets, description,
               g.price(base))
    d.facts = facts
    g.similar(d)
    return d


# ---------------------------------------------------------------------------- kitchen, water, air

# kind, category leaf, brand, model, watts, capacity (number, unit), material, colours, base price
APPLIANCES: list[tuple[str, str, str, str, int | None, tuple[float, str], str, tuple[str, ...], int]] = [
    ("espresso", "Coffee Makers", "Breville", "Barista Express BES870XL", 1600, (2, "L"), "stainless steel", ("Brushed Stainless Steel", "Black Truffle"), 699),
    ("espresso", "Coffee Makers", "Breville", "Bambino Plus BES500", 1560, (1.9, "L"), "stainless steel", ("Brushed Stainless Steel", "Sea Salt"), 499),
    ("espresso", "Coffee Makers", "De'Longhi", "Dedica EC685", 1300, (1.1, "L"), "stainless steel", ("Silver", "Black", "Red"), 279),
    ("pod", "Coffee Makers", "Keurig", "K-Elite", 1470, (2.2, "L"), "plastic", ("Brushed Silver", "Brushed Slate"), 189),
    ("drip", "Coffee Makers", "Cuisinart", "DCC-3200 PerfecTemp", 1100, (14, "cup"), "stainless steel", ("Black/Stainless",), 99),
    ("drip", "Coffee Makers", "Ninja", "CM401 Specialty Coffee Maker", 1500, (10, "cup"), "plastic", ("Black",), 179),
    ("drip", "Coffee Makers", "Mr. Coffee", "Programmable Coffee Maker", 900, (12, "cup"), "plastic", ("Black", "White"), 39),
    ("blender", "Blenders", "Vitamix", "E310 Explorian", 1400, (48, "oz"), "BPA-free Tritan", ("Black", "Red", "Slate"), 349),
    ("blender", "Blenders", "Ninja", "BL610 Professional Blender", 1000, (72, "oz"), "BPA-free plastic", ("Black",), 99),
    ("blender", "Blenders", "NutriBullet", "Pro 900", 900, (32, "oz"), "BPA-free plastic", ("Champagne", "Black"), 89),
    ("air_fryer", "Air Fryers", "Ninja", "AF101 Air Fryer", 1550, (3.8, "L"), "plastic", ("Black", "Grey"), 99),
    ("air_fryer", "Air Fryers", "Instant", "Vortex Plus Air Fryer", 1700, (5.7, "L"), "stainless steel", ("Black", "Stainless Steel"), 129),
    ("air_fryer", "Air Fryers", "COSORI", "Pro II Air Fryer", 1700, (5.5, "L"), "plastic", ("Black", "White", "Gray"), 119),
    ("air_fryer", "Air Fryers", "Philips", "Essential Airfryer XL", 2000, (6.2, "L"), "plastic", ("Black",), 149),
    ("pitcher", "Filter Pitchers", "Brita", "Everyday Water Filter Pitcher", None, (10, "cup"), "BPA-free plastic", ("White", "Blue", "Red"), 36),
    ("pitcher", "Filter Pitchers", "PUR", "Plus Water Filter Pitcher", None, (11, "cup"), "BPA-free plastic", ("Blue", "Clear"), 33),
    ("pitcher", "Filter Pitchers", "ZeroWater", "Ready-Pour Pitcher", None, (10, "cup"), "BPA-free plastic", ("White/Blue",), 35),
    ("purifier", "Air Purifiers", "Levoit", "Core 300 Air Purifier", 45, (219, "sqft"), "plastic", ("White", "Black"), 99),
    ("purifier", "Air Purifiers", "Coway", "AP-1512HH Mighty Air Purifier", 77, (361, "sqft"), "plastic", ("White", "Black"), 229),
    ("purifier", "Air Purifiers", "Honeywell", "HPA300 HEPA Air Purifier", 130, (465, "sqft"), "plastic", ("Black",), 249),
]
APPLIANCE_PATHS = {
    "Coffee Makers": "Home & Kitchen > Kitchen Appliances > Coffee Makers",
    "Blenders": "Home & Kitchen > Kitchen Appliances > Blenders",
    "Air Fryers": "Home & Kitchen > Kitchen Appliances > Air Fryers",
    "Filter Pitchers": "Home & Kitchen > Water Filtration > Filter Pitchers",
    "Air Purifiers": "Home & Kitchen > Air Quality > Air Purifiers",
}
APPLIANCE_NOUNS = {"espresso": "Espresso Machine", "pod": "Single-Serve Coffee Maker", "drip": "Coffee Maker",
                   "blender": "Blender", "air_fryer": "", "pitcher": "", "purifier": ""}


def _appliance(g: _Gen) -> _Draft:
    kind, leaf, brand, model, watts, (cap, unit), material, colors, base = g.pick(APPLIANCES)
    color = g.pick(colors)
    noun = APPLIANCE_NOUNS[kind]
    name = f"{model} {noun}".strip()
    facts: list[_Fact] = [("Color", color, color), ("Material", material, material)]
    if unit == "sqft":
        cap_v = cap_s = f"{cap} sq ft"
        cap_name, cap_text = "Coverage Area", f"Cleans rooms up to {cap_v}"
    else:
        cap_v, cap_s = g.qty(cap, unit)
        cap_name = "Capacity"
        cap_text = f"{cap_s} {'water tank' if kind in ('espresso', 'pod') else 'capacity'}"
    facts.append((cap_name, cap_v, cap_s))
    title = g.pick(("{b} {n}, {cap}, {c}", "{b} {n} - {c}", "{n} by {b}, {c} ({cap})")).format(
        b=brand, n=name, cap=cap_s, c=color)
    bullets = [cap_text, f"Durable {material} build"]
    if watts is not None:
        w_v, w_s = g.qty(watts, "W")
        bullets.append(f"{w_s} of power")
        facts.append(("Wattage", w_v, w_s))
    if kind == "purifier":
        bullets.append("3-stage True HEPA filtration captures 99.97% of airborne particles")
        facts.append(("Filter Type", "True HEPA", "True HEPA"))
    if kind == "espresso":
        bullets.append("15 bar Italian pump and steam wand for milk texturing")
    g.rng.shuffle(bullets)
    description = [f"The {brand} {model} in {color}.", g.pick((
        "Dishwasher-safe removable parts make cleanup easy.", "Backed by a 2-year limited warranty.",
        "Compact footprint fits under most cabinets."))]
    d = _Draft(kind, "HOM", APPLIANCE_PATHS[leaf], brand, model, title, bullets, description, g.price(base))
    d.facts = facts
    if kind in ("drip", "espresso", "pod"):
        partners = g.recent("coffee")
        if partners and g.chance(0.2):
            d.related.append(("BOUGHT_TOGETHER", g.pick(partners)["id"]))
    g.similar(d)
    return d


# brand, product, appliance kind, models it fits, filter type, pack sizes, price per pack
FILTERS: list[tuple[str, str, str, tuple[str, ...], str, tuple[int, ...], float]] = [
    ("Breville", "BWF100 Claro Swiss Water Filter", "espresso", ("Barista Express BES870XL", "Bambino Plus BES500"), "activated charcoal", (2, 6), 14.95),
    ("De'Longhi", "DLSC002 Water Filter", "espresso", ("Dedica EC685",), "ion-exchange resin", (1, 2), 19.95),
    ("Keurig", "Water Filter Refill Cartridges", "pod", ("K-Elite",), "activated charcoal", (6, 12), 9.99),
    ("Cuisinart", "CCF-2 Charcoal Water Filters", "drip", ("DCC-3200 PerfecTemp",), "activated charcoal", (2, 6), 8.95),
    ("Brita", "Standard Replacement Water Filters", "pitcher", ("Everyday Water Filter Pitcher",), "activated carbon", (3, 6), 17.99),
    ("PUR", "Pitcher Replacement Filter", "pitcher", ("Plus Water Filter Pitcher",), "activated carbon", (2, 3), 15.99),
    ("ZeroWater", "5-Stage Replacement Filters", "pitcher", ("Ready-Pour Pitcher",), "ion-exchange", (2, 4), 29.99),
    ("Levoit", "Core 300 Replacement Filter", "purifier", ("Core 300 Air Purifier",), "True HEPA", (1, 2), 24.99),
    ("Coway", "AP-1512HH Filter Set", "purifier", ("AP-1512HH Mighty Air Purifier",), "True HEPA", (1,), 39.99),
    ("Honeywell", "HRF-R3 True HEPA Filter", "purifier", ("HPA300 HEPA Air Purifier",), "True HEPA", (1, 3), 59.99),
]
AFTERMARKET = ("Fette Filter", "Nispira", "Waterdrop", "LifeSupplyUSA", "PureBurst")


def _filter(g: _Gen) -> _Draft:
    maker, product, kind, models, ftype, packs, base = g.pick(FILTERS)
    pack = g.pick(packs)
    p_v, p_s = g.qty(pack, "pack")
    fits = g.rng.sample(models, g.rng.randint(1, len(models)))
    fits_text = " and ".join(f"{maker} {m}" for m in fits)
    if g.chance(0.4):
        brand = g.pick(AFTERMARKET)
        title = f"{brand} Replacement Filter Compatible with {fits_text}, {p_s}"
        price = base * 0.6 * pack ** 0.8
    else:
        brand = maker
        title = g.pick(("{b} {p}, {pk}", "{b} {p} for {f} ({pk})")).format(b=brand, p=product, pk=p_s, f=fits_text)
        price = base * pack ** 0.8
    bullets = [f"Fits the {fits_text}", f"Filter media: {ftype}",
               f"{p_s} supply: replace one filter every 2 to 3 months"]
    description = [f"Keep your {fits[0]} working like new with fresh filters.",
                   "Rinse before first use."]
    d = _Draft("filter", "FLT", "Home & Kitchen > Appliance Parts > Replacement Filters", brand, product, title,
               bullets, description, g.price(price))
    d.facts = [("Pack Size", p_v, p_s), ("Filter Type", ftype, ftype), *[("Compatible Model", m, m) for m in fits]]
    for m in fits:
        for e in g.recent(kind, m)[-2:]:
            d.related.append(("REPLACEMENT_FOR", e["id"]))
            if g.chance(0.3):
                d.related.append(("COMPATIBLE_WITH", e["id"]))
    return d


# ---------------------------------------------------------------------------- coffee

# brand, blend, roast, origin (None: blend), forms, sizes [(n, unit)], base price per 12 oz
COFFEES: list[tuple[str, str, str, str | None, tuple[str, ...], tuple[tuple[float, str], ...], float]] = [
    ("Lavazza", "Super Crema Espresso", "Medium", None, ("Whole Bean",), ((2.2, "lb"), (1, "kg")), 8),
    ("Lavazza", "Qualità Rossa", "Medium", None, ("Ground", "Whole Bean"), ((8.8, "oz"), (250, "g"), (2.2, "lb")), 9),
    ("illy", "Classico Medium Roast", "Medium", None, ("Ground", "Whole Bean"), ((8.8, "oz"), (250, "g")), 15),
    ("Starbucks", "Pike Place Roast", "Medium", None, ("Whole Bean", "Ground"), ((12, "oz"), (18, "oz"), (28, "oz")), 11),
    ("Starbucks", "French Roast", "Dark", None, ("Whole Bean", "Ground"), ((12, "oz"), (28, "oz")), 11),
    ("Peet's Coffee", "Major Dickason's Blend", "Dark", None, ("Whole Bean", "Ground"), ((12, "oz"), (18, "oz")), 12),
    ("Death Wish Coffee", "Dark Roast", "Dark", None, ("Whole Bean", "Ground"), ((16, "oz"), (5, "lb")), 15),
    ("Counter Culture", "Hologram", "Medium", None, ("Whole Bean",), ((12, "oz"),), 17),
    ("Stumptown", "Hair Bender", "Medium", None, ("Whole Bean", "Ground"), ((12, "oz"),), 15),
    ("Kicking Horse", "Kick Ass", "Dark", None, ("Whole Bean", "Ground"), ((10, "oz"), (2.2, "lb")), 12),
    ("Intelligentsia", "Black Cat Classic Espresso", "Medium-Dark", None, ("Whole Bean",), ((12, "oz"),), 18),
    ("Volcanica", "Ethiopian Yirgacheffe", "Light", "Ethiopia", ("Whole Bean", "Ground"), ((16, "oz"),), 15),
    ("Volcanica", "Colombia Supremo", "Medium", "Colombia", ("Whole Bean", "Ground"), ((16, "oz"),), 14),
    ("Eight O'Clock", "The Original", "Medium", None, ("Whole Bean", "Ground"), ((12, "oz"), (32, "oz")), 7),
    ("Café Bustelo", "Espresso Style", "Dark", None, ("Ground",), ((10, "oz"),), 5),
    ("Blue Bottle", "Guatemala Huehuetenango", "Light", "Guatemala", ("Whole Bean",), ((12, "oz"),), 20),
    ("Green Mountain Coffee", "Breakfast Blend", "Light", None, ("K-Cup Pods",), ((24, "pack"), (48, "pack")), 14),
]
COFFEE_NOTES = ("chocolate", "caramel", "citrus", "berry", "toasted nut", "brown sugar", "jasmine", "molasses")
COFFEE_FORMS = {"Whole Bean": "Whole Bean Coffee", "Ground": "Ground Coffee", "K-Cup Pods": "K-Cup Pods"}
COFFEE_LEAVES = {"Whole Bean": "Whole Bean Coffee", "Ground": "Ground Coffee", "K-Cup Pods": "Coffee Pods"}


def _coffee(g: _Gen) -> _Draft:
    brand, blend, roast, origin, forms, sizes, base = g.pick(COFFEES)
    form = g.pick(forms)
    number, unit = g.pick(sizes)
    n_v, n_s = g.qty(number, unit)
    pack = g.pick((1, 1, 1, 1, 2, 3, 6)) if unit != "pack" else 1
    decaf = g.chance(0.1) and form != "K-Cup Pods"
    title = g.pick((
        "{b} {bl} {f}, {r} Roast, {n}{d}",
        "{b} {bl}, {r} Roast {f} - {n}{d}",
        "{bl} {f} by {b} ({n}){d}",
    )).format(b=brand, bl=blend, f=COFFEE_FORMS[form], r=roast, n=n_s, d=", Decaf" if decaf else "")
    facts: list[_Fact] = [("Roast Level", roast, roast), ("Form", form, form),
                          ("Number of Pods" if unit == "pack" else "Net Weight", n_v, n_s)]
    if pack > 1:
        pk_v, pk_s = g.qty(pack, "pack")
        title += f" ({pk_s})"
        facts.append(("Pack Size", pk_v, pk_s))
    if decaf:
        facts.append(("Caffeine", "Decaf", "Decaf"))
    notes = g.rng.sample(COFFEE_NOTES, 2)
    bullets = [f"{roast} roast with notes of {notes[0]} and {notes[1]}",
               f"{origin} single origin" if origin else "A blend of Arabica and Robusta beans",
               "Roasted and packed in a resealable bag" if unit != "pack" else "Compatible with Keurig K-Cup brewers"]
    if origin:
        facts.append(("Origin", origin, origin))
    description = [f"{brand} {blend} is a {roast.lower()} roast.", g.pick((
        "Great for espresso, drip and French press.", "Store in a cool, dry place.",
        "Ethically sourced and roasted in small batches."))]
    grams = number * {"lb": 453.6, "kg": 1000, "oz": 28.35, "g": 1.0, "pack": 10}[unit]
    d = _Draft("coffee", "COF", f"Grocery > Coffee > {COFFEE_LEAVES[form]}", brand, blend, title, bullets, description,
               g.price(base * grams / 340 * pack))
    d.facts = facts
    machines = g.recent("espresso") + g.recent("drip") + g.recent("pod")
    if machines and g.chance(0.15):
        d.related.append(("BOUGHT_TOGETHER", g.pick(machines)["id"]))
    g.similar(d)
    return d


# ---------------------------------------------------------------------------- furniture

# kind, brand, model, materials, colours, max load lb (None: not stated), widths in, base price
FURNITURE: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], int | None, tuple[float, ...], int]] = [
    ("Office Chairs", "Herman Miller", "Aeron Chair", ("mesh",), ("Graphite", "Carbon", "Mineral"), 350, (27,), 1395),
    ("Office Chairs", "Steelcase", "Leap V2", ("fabric", "leather"), ("Black", "Blue", "Grey"), 400, (28,), 1299),
    ("Office Chairs", "Steelcase", "Series 1", ("mesh",), ("Black", "Licorice", "Coconut"), 300, (27,), 495),
    ("Office Chairs", "HON", "Ignition 2.0", ("mesh",), ("Black", "Charcoal"), 300, (27,), 499),
    ("Office Chairs", "Branch", "Ergonomic Chair", ("mesh",), ("Black", "Cream", "Navy"), 275, (26,), 499),
    ("Office Chairs", "IKEA", "MARKUS Office Chair", ("mesh",), ("Vissle Dark Grey",), 243, (24,), 229),
    ("Desks", "Flexispot", "E7 Standing Desk", ("steel", "engineered wood"), ("Black", "White", "Maple"), 355, (48, 55, 60, 72), 399),
    ("Desks", "Uplift", "V2 Standing Desk", ("steel", "bamboo"), ("Black", "White"), 355, (48, 60, 72), 599),
    ("Desks", "IKEA", "BEKANT Desk", ("particleboard", "steel"), ("White", "Black-Brown"), 110, (55,), 249),
    ("Desks", "Fully", "Jarvis Bamboo Standing Desk", ("bamboo", "steel"), ("Natural", "Carbonized"), 350, (48, 60, 72), 649),
    ("Bookcases", "IKEA", "BILLY Bookcase", ("particleboard",), ("White", "Black-Brown", "Birch Veneer"), None, (31.5,), 69),
    ("Bookcases", "Sauder", "Beginnings 5-Shelf Bookcase", ("engineered wood",), ("Highland Oak", "Soft White", "Cinnamon Cherry"), None, (30,), 89),
    ("Bookcases", "Ameriwood Home", "Kennedy Bookcase", ("engineered wood",), ("Espresso", "White", "Rustic Oak"), None, (31,), 119),
]
FURNITURE_PATHS = {"Office Chairs": "Furniture > Home Office > Office Chairs", "Desks": "Furniture > Home Office > Desks",
                   "Bookcases": "Furniture > Living Room > Bookcases"}


def _furniture(g: _Gen) -> _Draft:
    leaf, brand, model, materials, colors, load, widths, base = g.pick(FURNITURE)
    color, width = g.pick(colors), g.pick(widths)
    metric = g.chance(0.3)
    wd_v, wd_s = g.qty(round(width * 2.54), "cm") if metric else g.qty(width, "in")
    material = " and ".join(materials)
    title = g.pick(("{b} {m}, {c}, {w} Wide", "{b} {m} - {c} ({w})", "{m} by {b}, {mat}, {c}")).format(
        b=brand, m=model, c=color, w=wd_s, mat=material.title())
    facts: list[_Fact] = [("Color", color, color), ("Width", wd_v, wd_s), *[("Material", m, m) for m in materials]]
    bullets = [f"Made of {material}", f"{wd_s} wide"]
    if load is not None:
        ld_v, ld_s = g.qty(round(load / 2.2046), "kg") if metric else g.qty(load, "lb")
        bullets.append(f"Supports up to {ld_s}")
        facts.append(("Maximum Weight Capacity", ld_v, ld_s))
    bullets.append(g.pick(("Assembly required; tools included", "Ships fully assembled", "Easy assembly in about 20 minutes")))
    description = [f"The {brand} {model} in {color}.",
                   g.pick(("Built for years of everyday use.", "Backed by a 10-year warranty.",
                           "Designed for small spaces and home offices."))]
    d = _Draft(leaf.lower(), "FRN", FURNITURE_PATHS[leaf], brand, model, title, bullets, description,
               g.price(base * (1 + (width - widths[0]) / 60)))
    d.facts = facts
    g.similar(d)
    return d


# ---------------------------------------------------------------------------- bundles


def _bundle(g: _Gen) -> _Draft | None:
    """A phone with a case and charger, or an espresso machine with coffee; None until the parts exist."""
    phones = g.recent("phone")
    if g.chance(0.6) and phones:
        phone = g.pick(phones)
        cases = g.recent("case")
        cases = [c for c in cases if c["phone"] == phone["model"]] or cases
        chargers = g.recent("charger")
        if not cases or not chargers:
            return None
        case, charger = g.pick(cases), g.pick(chargers)
        title = (f"{phone['brand']} {phone['model']} {phone['storage']} {phone['color']} Bundle with "
                 f"{case['brand']} {case['line']} Case and {charger['brand']} {charger['watts']} Charger")
        bullets = [f"Includes the {phone['brand']} {phone['model']} ({phone['storage']}, {phone['color']})",
                   f"{case['brand']} {case['line']} case made for the {phone['model']}",
                   f"{charger['brand']} {charger['watts']} charger for fast top-ups"]
        d = _Draft("bundle", "BDL", "Electronics > Cell Phones > Bundles", phone["brand"], f"{phone['model']} bundle",
                   title, bullets, ["Everything you need on day one, in one box."], 0.0)
        d.facts = [("Storage", phone["storage"], phone["storage"]), ("Color", phone["color"], phone["color"])]
        parts = [phone, case, charger]
        d.price = 0.9 * sum(float(p.get("price") or 0) for p in parts)
    else:
        machines = g.recent("espresso")
        coffees = g.recent("coffee")
        if not machines or not coffees:
            return None
        machine, coffee = g.pick(machines), g.pick(coffees)
        title = f"{machine['brand']} {machine['model']} Espresso Machine Bundle with {coffee['brand']} {coffee['model']}"
        bullets = [f"{machine['brand']} {machine['model']} espresso machine", f"One bag of {coffee['brand']} {coffee['model']}"]
        d = _Draft("bundle", "BDL", "Home & Kitchen > Kitchen Appliances > Bundles", machine["brand"],
                   f"{machine['model']} bundle", title, bullets, ["A café setup for your counter."], 0.0)
        parts = [machine, coffee]
        d.price = 0.9 * sum(float(p.get("price") or 0) for p in parts)
    d.price = round(max(d.price, 1.0), 2)
    for p in parts:
        d.related.append(("INCLUDES", p["id"]))
    return d


# kind, weight: the category mix (≈ %)
MIX: list[tuple[Callable[[_Gen], _Draft | None], int]] = [
    (_phone, 12), (_case, 12), (_charger, 8), (_laptop, 9), (_headphones, 10), (_running_shoe, 10), (_boot, 7),
    (_appliance, 11), (_filter, 5), (_coffee, 9), (_furniture, 5), (_bundle, 2),
]


# ---------------------------------------------------------------------------- records

_NAME_VARIANTS: tuple[Callable[[str], str], ...] = (
    lambda n: n.lower().replace(" ", "_"), lambda n: n.capitalize(), str.lower)


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _locate(surface: str, fields: dict[str, str], lead: tuple[str, ...] = ()) -> tuple[str, int] | None:
    """(field, offset) of the first whole-word mention of ``surface``, right after one of ``lead`` if given."""
    for name, text in fields.items():
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if ((start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end]))
                    and (not lead or any(text.endswith(w, 0, start) for w in lead))):
                return name, start
            start = text.find(surface, start + 1)
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def _record(g: _Gen, index: int, d: _Draft) -> tuple[dict[str, Any], list[SynthFact]]:
    pid = f"{d.code}-{index:07d}"
    no_description = g.chance(MISSING_DESCRIPTION)
    no_bullets = not no_description and g.chance(MISSING_BULLETS)
    description = " ".join(d.description)
    fields = {"title": d.title}
    if not no_bullets:
        fields["bullets"] = "\n".join(d.bullets)
    if not no_description:
        fields["description"] = description

    facts: list[SynthFact] = []
    attributes: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for attribute, value, surface, *lead in d.facts:
        where = _locate(surface, fields, *lead)
        if where is None:
            continue  # its only mention was in a dropped field
        field_name, start = where
        in_attributes = not g.chance(TEXT_ONLY_RATE)
        facts.append(SynthFact(attribute, value, surface, field_name, start, start + len(surface), in_attributes))
        if in_attributes:
            if attribute not in names:
                names[attribute] = g.pick(_NAME_VARIANTS)(attribute) if g.chance(NAME_VARIANT_RATE) else attribute
            values = attributes.setdefault(names[attribute], [])
            if value not in values:
                values.append(value)

    rec: dict[str, Any] = {"id": pid, "title": d.title}
    if not no_description:
        rec["description"] = description
    elif g.chance(0.3):
        rec["description"] = ""
    if not no_bullets:
        rec["bullets"] = d.bullets
    brand_at = _locate(d.brand, fields)
    has_brand = not g.chance(MISSING_BRAND)
    if has_brand:
        rec["brand"] = d.brand.upper() if g.chance(BRAND_UPPER_RATE) else d.brand
    if brand_at is not None:
        facts.append(SynthFact("Brand", d.brand, d.brand, brand_at[0], brand_at[1], brand_at[1] + len(d.brand), has_brand))
    if not g.chance(MISSING_CATEGORY):
        rec["category"] = d.category.split(" > ") if g.chance(CATEGORY_LIST_RATE) else d.category
    if not g.chance(MISSING_PRICE):
        currency = g.pick(("USD",) * 17 + ("EUR", "EUR", "GBP"))
        rec["price"] = f"${d.price:.2f}" if currency == "USD" and g.chance(PRICE_STRING_RATE) else d.price
        rec["currency"] = currency
    if attributes:
        rec["attributes"] = {
            k: (v[0] if len(v) == 1 and not g.chance(SINGLE_LIST_RATE) else v) for k, v in attributes.items()}
    related: list[dict[str, str]] = []
    for rtype, target in d.related:
        item = {"type": rtype.lower().replace("_", "-") if g.chance(0.8) else rtype, "id": target}
        if all(r["id"] != target or r["type"].upper().replace("-", "_") != rtype for r in related):
            related.append(item)
    if related:
        rec["related"] = related
    if not g.chance(MISSING_URL):
        rec["url"] = f"https://shop.example.com/p/{_slug(d.title)}/{pid}"
    d.info["price"] = rec.get("price") if isinstance(rec.get("price"), float) else d.price
    g.remember(d, pid)
    return rec, facts


def synth_products(n: int, seed: int = 0) -> Iterator[tuple[dict[str, Any], list[SynthFact]]]:
    """Each record with its facts: every attribute value and where its text states it (gold for extraction)."""
    if n < 0:
        raise ValueError("n must be at least 0")
    g = _Gen(seed)
    makers = [m for m, _ in MIX]
    weights = [w for _, w in MIX]
    for index in range(1, n + 1):
        draft = None
        while draft is None:
            draft = g.rng.choices(makers, weights)[0](g)
        yield _record(g, index, draft)


def synth_catalog(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` catalog records (the JSON Lines schema), deterministic for ``seed``."""
    for record, _ in synth_products(n, seed):
        yield record
