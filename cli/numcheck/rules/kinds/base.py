"""What every rule kind shares: building findings and describing claims in messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.normalise.intervals import fmt_interval
from numcheck.records import Claim, Finding

if TYPE_CHECKING:
    from numcheck.rules.model import Rule


def finding(rule: Rule, claims: list[Claim], explanation: str, outcome: str = "inconsistent") -> Finding:
    """Return a finding located at its first claim, with the rule's headline if it has one."""
    first = min(claims)
    if outcome == "undecidable":
        message = f"Undecidable ({rule.id}): {explanation}"
    else:
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
        outcome=outcome,
        end_line=first.end_line,
        end_column=first.end_column,
        fingerprint=fingerprint(rule.id, first.source, claims),
    )


def fingerprint(rule_id: str, source: str, claims: list[Claim]) -> str:
    """Identify a finding by its rule, file, and its figures' text and sentences — not by lines.

    Editing elsewhere in a file moves lines but keeps this, so a baseline still knows it.
    """
    import hashlib

    words = sorted(f"{c.text}\x1f{c.sentence}" for c in claims)
    raw = "\x1e".join([rule_id, source.replace("\\", "/"), *words])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def unit_label(unit: str) -> str:
    """Return a unit for display: counts have none, percent is %."""
    if unit.startswith("1 / "):
        return "per " + unit[4:]  # "1 / month" reads "per month"
    return {"": "", "percent": "%", "1": ""}.get(unit, unit)


def describe(claim: Claim) -> str:
    """Return a claim as a fact-checker reads it: quoted text, what, who, where."""
    about = claim.concept or claim.measure
    who = source_name(claim)
    details = f"{about}; " if about else ""
    return f'"{claim.text}" ({details}{who}, {claim.source}:{claim.line})'


def source_name(claim: Claim) -> str:
    """Name who stands behind a figure: the attribution, the outlet, or both."""
    if claim.attribution and claim.outlet:
        return f"{claim.attribution} in {claim.outlet}"
    return claim.attribution or (f"{claim.outlet}, unattributed" if claim.outlet else "unattributed")


def source_key(claim: Claim) -> tuple[str, str]:
    """Identify a source: the outlet (or file) together with the in-text attribution."""
    return (claim.outlet or claim.source, claim.attribution or "")


def show(interval: tuple[float, float], unit: str) -> str:
    """Format an interval with a display unit."""
    return fmt_interval(interval, unit_label(unit))
