"""direction: a rise ends higher than it starts, a fall lower — whatever the order of the words."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, fmt_interval
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import level, related
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `change` relation of the relate stage whose words say which way it went (rose, "
    'fell, "up 15%", "a fall of", doubled, halved, "higher than" — rules/vocab/relations.yaml) '
    'and that states both levels, in any order ("fell from A to B", "fell to B from A", "B, down '
    'from A"); flags a rise whose new level is below the old on every reading (after rounding '
    "and hedges), or a fall whose new level is above it. A reading the relate stage is not "
    "sure of is undecidable."
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each change whose levels run the other way."""
    findings = []
    for relation, roles in related(ctx, "change", claims):
        if relation.direction is None or "from" not in roles or "to" not in roles:
            continue
        a, b = roles["from"][0], roles["to"][0]
        a_lo, a_hi = level(a, ctx.vocab)
        b_lo, b_hi = level(b, ctx.vocab)
        up = relation.direction == "up"
        if (up and b_hi < a_lo) or (not up and b_lo > a_hi):
            way = "a rise" if up else "a fall"
            text = (
                f'"{relation.word}" says {way}, but {describe(a)} ({fmt_interval((a_lo, a_hi))}) → '
                f"{describe(b)} ({fmt_interval((b_lo, b_hi))}) goes the other way: {fmt(b.value)} − "
                f"{fmt(a.value)} = {fmt(b.value - a.value)}"
            )
            outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
            findings.append(finding(rule, [a, b, *roles.get("by", [])], text, outcome=outcome))
    return findings
