"""The table of rule kinds: each is a module with OPTIONS, DOC, validate() and check()."""

from __future__ import annotations

from types import ModuleType

from numcheck.rules.kinds import bounds, conflict, derive, range_order

KINDS: dict[str, ModuleType] = {
    "bounds": bounds,
    "range-order": range_order,
    "conflict": conflict,
    "derive": derive,
}
