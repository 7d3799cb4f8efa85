"""part-whole: a part never exceeds its whole ("of the 300 passengers, 450 were rescued")."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, fmt_interval, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import related
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `share` relation of the relate stage between two counts, a part and its whole "
    '("N of the M", "Of the M …, N …", "N, or X% of M"); flags the part when even its lowest '
    "reading (after rounding and hedges) exceeds the highest reading of the whole."
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each part that exceeds its whole on every reading."""
    findings = []
    for relation, roles in related(ctx, "share", claims):
        if "part" not in roles or "whole" not in roles:
            continue
        part, whole = roles["part"][0], roles["whole"][0]
        if part.unit != "" or whole.unit != "":
            continue
        p_lo, p_hi = widened(part, ctx.vocab)
        w_lo, w_hi = widened(whole, ctx.vocab)
        if p_lo > w_hi:
            text = (
                f"{describe(part)} is a part of {describe(whole)}, but it reads as at least "
                f"{fmt_interval((p_lo, p_lo))} while the whole is at most {fmt_interval((w_hi, w_hi))} "
                f"({fmt(part.value)} > {fmt(whole.value)})"
            )
            outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
            spans = [(part, (p_lo, p_hi), part.unit), (whole, (w_lo, w_hi), whole.unit)]
            findings.append(finding(rule, [part, whole], text, outcome=outcome, intervals=spans))
    return findings
