"""What every rule kind shares: building findings and describing claims in messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.normalise.intervals import fmt_interval
from numcheck.records import Claim, Finding

if TYPE_CHECKING:
    from numcheck.rules.model import Rule


def finding(rule: Rule, claims: list[Claim], explanation: str) -> Finding:
    """Return a finding located at its first claim, with the rule's headline if it has one."""
    first = min(claims)
    message = f"{rule.message}: {explanation}" if rule.message else explanation
    return Finding(
        source=first.source,
        line=first.line,
        column=first.column,
        rule=rule.id,
        kind=rule.kind,
        level=rule.level,
        message=message,
        claims=tuple(c.id for c in claims),
    )


def unit_label(unit: str) -> str:
    """Return a unit for display: counts have none, percent is %."""
    if unit.startswith("1 / "):
        return "per " + unit[4:]  # "1 / month" reads "per month"
    return {"": "", "percent": "%", "1": ""}.get(unit, unit)


def describe(claim: Claim) -> str:
    """Return a claim as a fact-checker reads it: quoted text, what, who, where."""
    about = claim.concept or claim.measure
    who = claim.attribution or "unattributed"
    details = f"{about}; " if about else ""
    return f'"{claim.text}" ({details}{who}, {claim.source}:{claim.line})'


def show(interval: tuple[float, float], unit: str) -> str:
    """Format an interval with a display unit."""
    return fmt_interval(interval, unit_label(unit))
