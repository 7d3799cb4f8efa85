"""range-order: the low end of a stated range must not exceed its high end."""

from __future__ import annotations

from numcheck.normalise.intervals import fmt
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    'Flags a range whose first end is above its second, as written: "between 50 and 20", or a '
    'range with a unit ("$200-100", "50 to 35 percent"). A bare "28-8" may be a vote or a '
    "score and is left alone."
)
OPTIONS: dict = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each range whose first end is above its second."""
    return [
        finding(rule, [c], f"{describe(c)} runs from {fmt(c.low)} down to {fmt(c.high)}")
        for c in claims
        if c.qualifier == "range"
        and c.low is not None
        and c.high is not None
        and c.low > c.high
        and (c.unit or c.text.lower().startswith("between"))  # a bare "28-8" may be a tally
    ]
