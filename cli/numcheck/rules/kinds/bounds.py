"""bounds: a figure must lie within [min, max] in a given unit (hours a day ≤ 24)."""

from __future__ import annotations

import math
from collections.abc import Callable

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.normalise.intervals import fmt, widened
from numcheck.normalise.units import check_unit, convert
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, show, unit_label
from numcheck.rules.model import Context, Rule

DOC = (
    "Flags a figure whose whole interval, after rounding and hedges are allowed for, lies "
    "outside [min, max]. The figure is converted to `unit` first; a figure in a unit that "
    "cannot be converted is left alone. With `role`, only figures the relate stage read in that "
    "role are judged (`share.share`: a share of a whole, so a percent change may exceed 100)."
)
OPTIONS = {
    "min": s.Field(s.number, doc="the smallest possible value, in `unit`"),
    "max": s.Field(s.number, doc="the largest possible value, in `unit`"),
    "unit": s.Field(s.string, default="", doc="the unit of min and max; empty for counts"),
    "role": s.Field(
        s.string,
        default="",
        doc="only figures in this role of a relation the relate stage read, as `type.role`: `share.share` "
        'is any share of a whole ("X% of <any group>", "turnout was X%", "an approval rating of X%"); '
        "empty for every selected figure",
    ),
}


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Require at least one bound and a parsable unit."""
    if options["min"] is None and options["max"] is None:
        raise ConfigError(f"{path}:{line_of('kind')}: {what}: set 'min', 'max' or both")
    if options["min"] is not None and options["max"] is not None and options["min"] > options["max"]:
        raise ConfigError(f"{path}:{line_of('min')}: {what}: key 'min' is above 'max'")
    if options["role"] and options["role"].count(".") != 1:
        raise ConfigError(f"{path}:{line_of('role')}: {what}: key 'role' must read 'type.role', e.g. 'share.share'")
    if options["unit"]:
        check_unit(options["unit"], f"{path}:{line_of('unit')}: {what}: key 'unit'")


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each claim that no reading can bring inside the bounds."""
    vocab = ctx.vocab
    unit = rule.options["unit"] or ""
    low_bound, high_bound = rule.options["min"], rule.options["max"]
    findings = []
    if rule.options["role"]:
        kind, role = rule.options["role"].split(".")
        playing = {claim for r in ctx.of_type(kind, claims) for name, claim in r.roles if name == role}
        claims = [c for c in claims if c.id in playing]
    for claim in claims:
        interval = widened(claim, vocab)
        lo, hi = (convert(end, claim.unit, unit) for end in interval)
        if lo is None or hi is None:
            continue
        converted = "" if claim.unit == unit else f", which is {show((lo, hi), unit)}"
        reading = f"{describe(claim)} reads as {show(interval, claim.unit)}{converted}"
        if high_bound is not None and lo > high_bound:
            findings.append(
                finding(
                    rule,
                    [claim],
                    f"{reading}; the most possible is {fmt(high_bound)} {unit_label(unit)}".rstrip(),
                    intervals=[(claim, (lo, hi), unit), ("the most possible", (-math.inf, high_bound), unit)],
                )
            )
        elif low_bound is not None and hi < low_bound:
            findings.append(
                finding(
                    rule,
                    [claim],
                    f"{reading}; the least possible is {fmt(low_bound)} {unit_label(unit)}".rstrip(),
                    intervals=[(claim, (lo, hi), unit), ("the least possible", (low_bound, math.inf), unit)],
                )
            )
    return findings
