"""The one pint registry of the process, behind an interface of floats and unit strings.

pint is imported only when two different units meet, so most runs never pay for it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from numcheck.errors import ConfigError

DEFINITIONS = Path(__file__).with_name("definitions.txt")


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
    """Parse a unit string, or raise ValueError."""
    import pint

    try:
        return registry().parse_units(unit or "dimensionless")
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError) as exc:
        raise ValueError(f"unknown unit '{unit}': {exc}") from None


def check_unit(unit: str, where: str) -> None:
    """Raise ConfigError naming `where` when a unit string does not parse."""
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
    dimensionality = _units(unit).dimensionality
    if dimensionality:
        return str(dimensionality)
    sides = [str(_units(side.strip() or "1").dimensionality) for side in unit.split("/", 1)]
    return "ratio " + " per ".join(sides)


def convert(value: float, unit: str, target: str) -> float | None:
    """Convert a value between units; None when they measure different things."""
    if unit == target:
        return value
    import pint

    try:
        if family(unit) != family(target):
            return None
    except ValueError:
        return None

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
    ureg = registry()
    quantity = ureg.Quantity(1.0, "dimensionless")
    for unit, power in zip(units, powers, strict=True):
        quantity = quantity * ureg.Quantity(1.0, _units(unit)) ** power
    # No reduction: "hour / month" must not fold into a bare number.
    text = str(quantity.units)
    return "" if text == "dimensionless" else text


def factor(unit: str, target: str) -> float | None:
    """Return how many `target` one `unit` is, or None."""
    return convert(1.0, unit, target)
