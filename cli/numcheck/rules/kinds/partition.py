"""partition: exclusive parts of one whole add up to at most the whole, and to it when they make it up."""

from __future__ import annotations

from dataclasses import replace

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, fmt_interval, overlap, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import as_percent, related
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `partition` relation of the relate stage: a list of exclusive parts of one whole "
    '("A took 48.5%, B 39.9% and C 14.2%", "71% backed it, 22% opposed it and 9% did not vote", '
    '"Of the 22 countries, 13 said yes, nine said no and three did not answer", "divided into teams '
    "of 12, 15, 14 and 11\", a table's Total row or share column). Adds the parts, each widened for "
    "rounding and hedges; flags a sum whose lowest reading exceeds the whole (100% for shares), and, "
    'when the parts make up the whole ("the remaining 20%", a Total row, "divided into"), a sum '
    "whose highest reading falls short of it. Lists whose words do not say the parts exclude each "
    'other ("60% use X, 50% use Y") are no partition.'
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each partition whose parts cannot make up its whole."""
    findings = []
    for relation, roles in related(ctx, "partition", claims):
        parts = roles.get("part", [])
        if len(parts) < 2:
            continue
        units = {p.unit for p in parts}
        whole = roles.get("whole", [None])[0]
        if relation.tabular:  # a table's column is written to one precision: its finest digit
            finest = min(c.precision for c in [*parts, *([whole] if whole else [])])
            parts = [replace(p, precision=finest) if p.qualifier == "exact" else p for p in parts]
            whole = replace(whole, precision=finest) if whole is not None and whole.qualifier == "exact" else whole
        if units <= {"percent", "fraction"} and whole is None:
            lows = [as_percent(widened(p, ctx.vocab)[0], p.unit) for p in parts]
            highs = [as_percent(widened(p, ctx.vocab)[1], p.unit) for p in parts]
            target, unit, figures = (100.0, 100.0), "%", parts
        elif whole is not None and units - {""} <= {whole.unit} and (whole.unit in units or not as_share(whole)):
            # an amount's parts may leave its unit unsaid: "Of the €412 million, 168 million …"
            lows = [p.value if _counted(p) else widened(p, ctx.vocab)[0] for p in parts]
            highs = [p.value if _counted(p) else widened(p, ctx.vocab)[1] for p in parts]
            target, unit, figures = _whole(relation.exhaustive, parts, whole, ctx), "", [*parts, whole]
        else:
            continue
        low, high = sum(lows), sum(highs)
        total = sum(as_percent(p.value, p.unit) for p in parts)
        said = f"{' + '.join(fmt(as_percent(p.value, p.unit)) for p in parts)} = {fmt(total)}{unit}"
        of = f"the whole {describe(whole)}" if whole is not None else "100%"
        if low > target[1]:
            why = f"even their lowest readings add up to {fmt(low)}{unit}, more than {of}"
        elif relation.exhaustive and high < target[0] and high != float("inf"):
            why = f"they make up {of}, yet even their highest readings add up to only {fmt(high)}{unit}"
        else:
            continue
        if overlap((low, high), target) and not relation.exhaustive:
            continue
        text = (
            f"{' + '.join(describe(p) for p in parts)} are exclusive parts of one whole "
            f'("{relation.word}"): {said} (allowing for rounding and hedges {fmt_interval((low, high))}{unit}); {why}'
        )
        outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
        findings.append(finding(rule, figures, text, outcome=outcome))
    return findings


def as_share(claim: Claim) -> bool:
    """Return True for a percent or a fraction."""
    return claim.unit in ("percent", "fraction")


def _whole(exhaustive: bool, parts: list[Claim], whole: Claim, ctx: Context) -> tuple[float, float]:
    """Return the whole's interval; a small whole split exactly into exact counts is read as exact.

    "The 50 volunteers were divided into teams of 12, 15, 14 and 11": a whole the text splits into
    exact members is a count of them, not a round figure ("50" alone would allow 45–55).
    """
    exact = all(_counted(p) for p in parts)
    if exhaustive and exact and whole.qualifier == "exact" and whole.value == int(whole.value) and whole.value < 1000:
        return whole.value - 0.5, whole.value + 0.5
    return widened(whole, ctx.vocab)


def _counted(claim: Claim) -> bool:
    """Return True for an exact count of a few units ("12", "nine"): a number of members, never rounded."""
    return (
        claim.unit == ""
        and claim.qualifier == "exact"
        and claim.precision <= 1
        and claim.value == int(claim.value)
        and claim.value < 100
    )
