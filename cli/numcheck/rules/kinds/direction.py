"""direction: rose, fell, increased, dropped against the order of the two values stated."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt_interval, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import from_to, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'Reads "<verb> from A to B" in one sentence, where the verb is a rise or fall word of '
    "rules/vocab/modifiers.yaml (rose, climbed, fell, dropped …); flags a rise whose B is "
    "below A on every reading, or a fall whose B is above A."
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each change whose values run the other way."""
    up = ctx.vocab.direction["up"] | ctx.vocab.direction["up_after"]
    down = ctx.vocab.direction["down"] | ctx.vocab.direction["down_after"]
    findings = []
    for group in sentences(claims):
        for verb, a, b in from_to(ctx, group):
            if a.unit not in (b.unit, "") or verb not in up | down:
                continue
            a_lo, a_hi = widened(a, ctx.vocab)
            b_lo, b_hi = widened(b, ctx.vocab)
            wrong = (verb in up and b_hi < a_lo) or (verb in down and b_lo > a_hi)
            if wrong:
                way = "a rise" if verb in up else "a fall"
                text = (
                    f'"{verb}" says {way}, but {describe(a)} ({fmt_interval((a_lo, a_hi))}) to '
                    f"{describe(b)} ({fmt_interval((b_lo, b_hi))}) goes the other way"
                )
                findings.append(finding(rule, [a, b], text))
    return findings
