"""What every rule kind shares: building findings and describing claims in messages."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from numcheck.normalise.intervals import fmt_interval
from numcheck.records import Claim, Finding

if TYPE_CHECKING:
    from numcheck.rules.model import Rule


# One compared interval as a kind hands it over: the claim (or a label for a derived value or a limit),
# the interval, and its unit.
Span = tuple[Claim | str, tuple[float, float], str]


def finding(
    rule: Rule,
    claims: list[Claim],
    explanation: str,
    outcome: str = "inconsistent",
    *,
    intervals: list[Span] | None = None,
    reason: str | None = None,
    headline: str | None = None,
) -> Finding:
    """Return a finding located at its first claim, with the rule's headline if it has one.

    `intervals` are what the rule compared (widened), `reason` the arithmetic or the reason on its own,
    `headline` a sharper headline than the rule's; without them the finding derives what it can.
    """
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
        headline=headline or rule.message or rule.description,
        reason=reason if reason is not None else short_reason(explanation, claims),
        intervals=tuple(_span(item) for item in intervals or ()),
    )


def short_reason(explanation: str, claims: list[Claim]) -> str:
    """Return the explanation with each figure named by its words only: who and where are shown beside it."""
    for claim in claims:
        explanation = explanation.replace(describe(claim), f'"{claim.text}"')
    return explanation


def _span(item: Span) -> tuple[str, float | None, float | None, str, str]:
    """Return a compared interval as the record keeps it: finite numbers or None for an open end."""
    who, (low, high), unit = item
    claim_id, label = (who.id, "") if isinstance(who, Claim) else ("", who)
    return (claim_id, _finite(low), _finite(high), unit, label)


def _finite(value: float) -> float | None:
    """Return a float, or None for an open (infinite) or undefined end."""
    return float(value) if math.isfinite(value) else None


def fingerprint(rule_id: str, source: str, claims: list[Claim]) -> str:
    """Identify a finding by its rule, file, and its figures' text and sentences — not by lines.

    Editing elsewhere in a file moves lines but keeps this, so a baseline still knows it.
    """
    from numcheck.hashing import sha256_hex

    words = sorted(f"{c.text}\x1f{c.sentence}" for c in claims)
    raw = "\x1e".join([rule_id, source.replace("\\", "/"), *words])
    return sha256_hex(raw)[:32]


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
