"""outlier-source: one source far from all the others, which agree among themselves."""

from __future__ import annotations

from collections.abc import Callable

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.normalise.intervals import fmt_interval, gap_ratio, overlap
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.agreement import best_point, named, quantities
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    "For each quantity of a story with figures from at least three sources: when all sources "
    "but one share a value and the remaining one's interval is at least `min_ratio` times away "
    "from theirs, flags that one."
)
OPTIONS = {
    "min_ratio": s.Field(s.number, default=1.5, doc="how far off, as a ratio, makes an outlier"),
}


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """The ratio is at least 1."""
    if options["min_ratio"] < 1:
        raise ConfigError(f"{path}:{line_of('min_ratio')}: {what}: key 'min_ratio': must be at least 1")


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each source alone against an agreeing majority."""
    findings = []
    for (_, key), readings in sorted(quantities(claims, ctx).items()):
        if len(readings) < 3:
            continue
        _, agreeing = best_point(readings)
        if len(agreeing) != len(readings) - 1:
            continue
        chosen = {id(r) for r in agreeing}  # identity: comparing claims field by field was quadratic
        (odd,) = [r for r in readings if id(r) not in chosen]
        shared = (max(r[1][0] for r in agreeing), min(r[1][1] for r in agreeing))
        if overlap(odd[1], shared):
            continue
        ratio = gap_ratio(odd[1], shared)
        if ratio is None or ratio < rule.options["min_ratio"]:
            continue
        text = (
            f"{describe(odd[0])} allows {fmt_interval(odd[1])}, while {len(agreeing)} other sources agree on "
            f"{key} at {fmt_interval(shared)} ({named(agreeing, describe)}); "
            f"it is at least {ratio:.1f}× away"
        )
        unit = readings[0][0].unit  # quantities() reads every figure in the unit of the first
        spans = [(odd[0], odd[1], unit), *((r[0], r[1], unit) for r in agreeing)]
        findings.append(finding(rule, [odd[0], *(r[0] for r in agreeing)], text, intervals=spans))
    return findings
