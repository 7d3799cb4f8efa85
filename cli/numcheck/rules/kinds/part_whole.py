"""part-whole: a part never exceeds its whole ("of the 300 passengers, 450 were rescued")."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt_interval, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import OF_WHOLE, between, is_count, opens_with_of, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'Reads "X of the Z" and "Of the Z …, X …" in one sentence, where X and Z are counts; flags '
    "X when even its lowest reading (after rounding and hedges) exceeds the highest reading of Z."
)
OPTIONS: dict[str, s.Field] = {}


def pairs(ctx: Context, group: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Return (part, whole) pairs of counts stated in one sentence."""
    found = []
    for i, whole in enumerate(group):
        if not is_count(whole):
            continue
        if i > 0 and is_count(group[i - 1]):
            words = between(ctx, group[i - 1], whole)
            if words is not None and OF_WHOLE.match(words):
                found.append((group[i - 1], whole))  # "450 of the 300 passengers"
        if opens_with_of(ctx, whole):
            rest = group[i + 1 :]
            words = between(ctx, whole, rest[0]) if rest else None
            if words is not None and "," in words:  # "Of the 300 passengers, 450 …"
                found.extend((part, whole) for part in rest if is_count(part))
    return found


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each part that exceeds its whole on every reading."""
    findings = []
    for group in sentences(claims):
        for part, whole in pairs(ctx, group):
            p_lo, p_hi = widened(part, ctx.vocab)
            w_lo, w_hi = widened(whole, ctx.vocab)
            if p_lo > w_hi:
                text = (
                    f"{describe(part)} is a part of {describe(whole)}, but it reads as at least "
                    f"{fmt_interval((p_lo, p_lo))} while the whole is at most {fmt_interval((w_hi, w_hi))}"
                )
                spans = [(part, (p_lo, p_hi), part.unit), (whole, (w_lo, w_hi), whole.unit)]
                findings.append(finding(rule, [part, whole], text, intervals=spans))
    return findings
