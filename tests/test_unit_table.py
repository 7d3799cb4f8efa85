"""The precomputed unit table agrees with pint, and an ordinary check never imports pint."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from numcheck.normalise import units
from tests.conftest import EXAMPLES, ROOT

UNITS = [
    "",
    "percent",
    "fraction",
    "permille",
    "percentage_point",
    "basis_point",
    "hour",
    "hour / day",
    "hour / week",
    "day / month",
    "1 / year",
    "1 / month",
    "USD",
    "USD / hour",
    "USD / month",
    "EUR / month",
    "GBP",
    "cent",
    "pence",
    "USD / person",
    "km",
    "mile",
    "m ** 2",
    "km ** 2",
    "foot ** 2",
    "hectare",
    "acre",
    "litre",
    "ml",
    "cm ** 3",
    "gallon",
    "barrel",
    "kg",
    "tonne",
    "ton",
    "pound",
    "km / hour",
    "mile / hour",
    "knot",
    "m / second ** 2",
    "litre / km",
    "joule",
    "kWh",
    "MW",
    "GB",
    "times",
    "degree",
    "degC",
    "degF",
    "hour * USD / hour",
]


def test_the_table_is_what_pint_says():
    """Regenerated from the registry, the table is unchanged: run `python -m numcheck.normalise.units` if not."""
    on_disk = json.loads(units.TABLE.read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(units.build_table()))


@pytest.mark.parametrize("unit", UNITS)
def test_family_matches_pint(unit):
    table = units.family(unit)
    units.family.cache_clear()
    pint_only = _with_pint_only(lambda: units.family(unit))
    assert table == pint_only


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("target", ["hour", "USD / month", "km", "percent", "m ** 3", "1 / month", "degC", "kg"])
def test_convert_matches_pint(unit, target):
    table = units.convert(37.5, unit, target)
    pint_only = _with_pint_only(lambda: units.convert(37.5, unit, target))
    assert (table is None) == (pint_only is None)
    if table is not None:
        assert math.isclose(table, pint_only, rel_tol=1e-12)


@pytest.mark.parametrize(
    ("factors", "powers"),
    [
        (["USD / hour", "hour"], [1, 1]),
        (["USD / hour", "hour / day"], [1, 1]),
        (["USD / day", "day / month"], [1, 1]),
        (["USD", "month"], [1, -1]),
        (["", "month"], [1, -1]),
        (["km", "hour"], [1, -1]),
        (["m ** 2", "m"], [1, 1]),
        (["hour", "hour"], [1, 1]),
        (["USD / hour", "hour / day"], [1, -1]),
        (["", ""], [1, 1]),
        (["percent", "USD"], [1, 1]),
        (["km / hour", "hour"], [1, 1]),
        (["1 / year", "1 / month"], [1, 1]),
        (["hour", "day"], [-1, -1]),
        (["USD", "hour"], [1, 1]),
        (["tonne", "km", "hour"], [1, 1, -1]),
    ],
)
def test_product_matches_pint(factors, powers):
    assert units.product(factors, powers) == units._pint_product(factors, powers)


@pytest.mark.parametrize("unit", ["USD / hour", "m / second ** 2", "1 / year", "hour / day", "percent"])
def test_known_units_are_read_from_the_table(unit):
    assert units._parse(unit) is not None


@pytest.mark.parametrize("unit", ["furlong", "kilowatt / (hour * day)", "hour ** 1000", "USD / / hour", "hour /"])
def test_other_unit_strings_go_to_pint(unit):
    assert units._parse(unit) is None


def test_unknown_units_are_still_refused():
    with pytest.raises(units.ConfigError, match="furlong"):
        units.check_unit("furlong", "rules.yaml:3")


@pytest.mark.parametrize("command", [["check", str(EXAMPLES)], ["rules"], ["extract", str(EXAMPLES)]])
def test_ordinary_runs_do_not_import_pint(command):
    code = (
        "import sys\nfrom numcheck.app import main\nsys.argv = ['numcheck', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('PINT' if 'pint' in sys.modules else 'NO-PINT', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *command], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.strip().endswith("NO-PINT"), result.stderr


def _with_pint_only(work):
    """Run `work` with the table hidden, so every answer comes from pint."""
    saved = units._parse
    units.family.cache_clear()
    units._reading.cache_clear()
    try:
        units._parse = lambda unit: None
        return work()
    finally:
        units._parse = saved
        units.family.cache_clear()
        units._reading.cache_clear()
