"""Units behind an interface of floats and unit strings: a precomputed table, and pint for the rest.

Every unit name of the definitions, the vocabulary and the currencies is in unit_table.json:
pint's name for it, its dimensions and its factor to base units, generated from the pint
registry (`python -m numcheck.normalise.units` rewrites it; a test checks it against pint).
An ordinary run answers family, convert and product from it without importing pint (about
100 ms); pint is loaded for what the table cannot answer: an unknown unit, an offset scale
(degrees Celsius), a unit string of another shape.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from numcheck.errors import ConfigError

DEFINITIONS = Path(__file__).with_name("definitions.txt")
TABLE = Path(__file__).with_name("unit_table.json")
_NAME = re.compile(r"[A-Za-z_µ%][\w%]*")
_POWER = re.compile(r"-?\d{1,2}")  # what a table reading accepts; larger powers go to pint (and its limits)
Dims = tuple[tuple[str, int], ...]


@cache
def registry() -> Any:
    """Build the registry once from the curated definitions and the currency list."""
    import pint

    from numcheck.vocab import default_vocabulary

    ureg = pint.UnitRegistry(str(DEFINITIONS), autoconvert_offset_to_baseunit=True, cache_folder=None)
    for code in sorted(default_vocabulary().currencies):
        # Each currency is its own dimension: nothing converts without a rate table.
        ureg.define(f"{code} = [currency_{code}]")
    # Cents and pence are hundredths of the currencies English news most often means by them.
    ureg.define("cent = 0.01 * USD")
    ureg.define("penny = 0.01 * GBP = pence")
    return ureg


@cache
def _units(unit: str) -> Any:
    """Parse a unit string with pint, or raise ValueError."""
    import pint

    try:
        return registry().parse_units(unit or "dimensionless")
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError) as exc:
        raise ValueError(f"unknown unit '{unit}': {exc}") from None


@cache
def _table() -> dict[str, tuple[str, float, Dims, bool]]:
    """Return the unit table: name → (pint's name, factor to base units, dimensions, offset scale)."""
    try:
        raw = json.loads(TABLE.read_text(encoding="utf-8"))["units"]
    except (OSError, ValueError, KeyError):
        return {}  # no table (a broken install): every answer comes from pint, only slower
    return {k: (v["name"], v["factor"], tuple((d, p) for d, p in v["dimensions"]), v["offset"]) for k, v in raw.items()}


@cache
def _parse(unit: str) -> tuple[tuple[str, int], ...] | None:
    """Read "USD / hour", "m / second ** 2", "1 / year" as (table name, power) terms; None when the table cannot.

    Like pint, operators apply left to right: "a / b * c" is (a / b) * c.
    """
    table = _table()
    parts = unit.split() if unit not in ("", "dimensionless") else ["1"]
    terms: list[tuple[str, int]] = []
    sign, k = 1, 0
    while k < len(parts):
        name = parts[k]
        power = 1
        if k + 2 < len(parts) and parts[k + 1] == "**":
            if not _POWER.fullmatch(parts[k + 2]):
                return None
            power = int(parts[k + 2])
            k += 2
        if name != "1":
            if name not in table:
                return None
            terms.append((name, sign * power))
        k += 1
        if k < len(parts):
            if parts[k] not in ("*", "/") or k + 1 == len(parts):
                return None
            sign = -1 if parts[k] == "/" else 1
            k += 1
    return tuple(terms)


@cache
def _reading(unit: str) -> tuple[float, Dims, bool] | None:
    """Return (factor to base units, dimensions, has an offset scale) from the table, or None."""
    terms = _parse(unit)
    if terms is None:
        return None
    table = _table()
    factor = 1.0
    dims: dict[str, int] = {}
    offset = False
    for name, power in terms:
        _, scale, atoms, shifted = table[name]
        factor *= scale**power
        offset = offset or shifted
        for dim, exponent in atoms:
            dims[dim] = dims.get(dim, 0) + exponent * power
    return factor, tuple(sorted((d, p) for d, p in dims.items() if p)), offset


def _dims(unit: str) -> Dims:
    """Return a unit's dimensions: from the table, else from pint (or raise ValueError)."""
    found = _reading(unit)
    if found is not None:
        return found[1]
    return tuple(sorted((d, int(p)) for d, p in dict(_units(unit).dimensionality).items()))


def _show(dims: Dims) -> str:
    """Name dimensions the same way whichever way they were found."""
    return " * ".join(d if p == 1 else f"{d} ** {p}" for d, p in dims) or "dimensionless"


def check_unit(unit: str, where: str) -> None:
    """Raise ConfigError naming `where` when a unit string does not parse."""
    if _parse(unit) is not None:
        return
    try:
        _units(unit)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


@cache
def family(unit: str) -> str:
    """Return what a unit measures, keeping apart what pint folds into plain numbers.

    pint reads a count, a percentage and "hours a day" all as dimensionless; a count is
    not a share and a share is not a rate, so each gets its own family here.
    """
    if unit in ("", "1", "dimensionless"):
        return "count"
    if unit in ("percent", "permille", "fraction"):
        return "share"
    dims = _dims(unit)
    if dims:
        return _show(dims)
    return "ratio " + " per ".join(_show(_dims(side.strip() or "1")) for side in unit.split("/", 1))


def convert(value: float, unit: str, target: str) -> float | None:
    """Convert a value between units; None when they measure different things."""
    if unit == target:
        return value
    try:
        if family(unit) != family(target):
            return None
    except ValueError:
        return None
    ours, theirs = _reading(unit), _reading(target)
    if ours is not None and theirs is not None and not ours[2] and not theirs[2]:
        return value * ours[0] / theirs[0]
    import pint

    try:
        return float(registry().Quantity(value, _units(unit)).to(_units(target)).magnitude)
    except (pint.errors.DimensionalityError, ValueError):
        return None


def compatible(unit: str, other: str) -> bool:
    """Return True when two units measure the same dimension."""
    if unit == other:
        return True
    try:
        return family(unit) == family(other)
    except ValueError:
        return False


def product(units: list[str], powers: list[int]) -> str:
    """Return the unit of a product of powers of units, simplified: "USD / hour" × "hour"."""
    if not units:
        return ""
    exponents: dict[str, int] = {}
    table = _table()
    for unit, power in zip(units, powers, strict=True):
        terms = _parse(unit)
        if terms is None:
            return _pint_product(units, powers)
        for name, exponent in terms:
            canonical = table[name][0]
            exponents[canonical] = exponents.get(canonical, 0) + exponent * power
    # pint's own way of writing a unit: names sorted, the numerator, then each denominator after " / ".
    above = [n if p == 1 else f"{n} ** {p}" for n, p in sorted(exponents.items()) if p > 0]
    below = [n if p == -1 else f"{n} ** {-p}" for n, p in sorted(exponents.items()) if p < 0]
    if not above and not below:
        return ""  # no reduction: "hour / month" must not fold into a bare number, but "hour / hour" does
    return " / ".join([" * ".join(above) or "1", *below])


def _pint_product(units: list[str], powers: list[int]) -> str:
    """product() through pint, for units the table does not know."""
    ureg = registry()
    quantity = ureg.Quantity(1.0, "dimensionless")
    for unit, power in zip(units, powers, strict=True):
        quantity = quantity * ureg.Quantity(1.0, _units(unit)) ** power
    text = str(quantity.units)
    return "" if text == "dimensionless" else text


def factor(unit: str, target: str) -> float | None:
    """Return how many `target` one `unit` is, or None."""
    return convert(1.0, unit, target)


def table_names() -> list[str]:
    """Return every unit name the table holds: the definitions' names, the vocabulary's units and currencies."""
    from numcheck.vocab import default_vocabulary

    names: set[str] = set()
    for line in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        parts = [p.strip() for p in line.split("#", 1)[0].split(" = ")]
        if len(parts) < 2 or parts[0].endswith("-"):
            continue  # not a definition, or a prefix
        names.update(p for p in [parts[0], *parts[2:]] if _NAME.fullmatch(p) or p == "%")
    vocab = default_vocabulary()
    for unit in [*vocab.units.values(), *vocab.per.values(), *vocab.rate_words.values()]:
        names.update(n for n in _NAME.findall(unit))
    names.update(vocab.currencies)
    names.update(("cent", "penny", "pence"))
    return sorted(names)


def build_table() -> dict:
    """Compute the unit table from the pint registry."""
    ureg = registry()
    offsets = {
        name.strip()
        for line in DEFINITIONS.read_text(encoding="utf-8").splitlines()
        if "offset:" in line
        for name in line.split("#", 1)[0].split(" = ")[:1] + line.split(" = ")[2:]
    }
    units = {}
    for name in table_names():
        parsed = ureg.parse_units(name)
        canonical = str(parsed)
        offset = name in offsets or canonical in offsets
        magnitude = 1.0 if offset else float(ureg.Quantity(1.0, parsed).to_base_units().magnitude)
        dims = sorted((d, int(p)) for d, p in dict(parsed.dimensionality).items())
        units[name] = {"name": canonical, "factor": magnitude, "dimensions": dims, "offset": offset}
    return {"about": "generated from the pint registry by `python -m numcheck.normalise.units`", "units": units}


def write_table() -> None:
    """Rewrite unit_table.json from the pint registry."""
    table = build_table()
    units = table["units"]
    rows = [f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, sort_keys=True)}" for k, v in units.items()]
    text = f'{{\n "about": {json.dumps(table["about"])},\n "units": {{\n' + ",\n".join(rows) + "\n }\n}\n"
    TABLE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_table()
    print(f"wrote {TABLE}")
