"""ratio-word: doubled, tripled, halved, twice, "three times", N-fold against the two figures they join."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import level, related
from numcheck.rules.model import Context, Rule

DOC = (
    'Judges `change` relations stated by a factor ("doubled to B from A", "tripled from A to B", '
    '"rose tenfold") and `ratio` relations ("a 90-metre wave, three times the previous record of 20 '
    'metres", "600 tonnes, double the 2019 level of 250 tonnes", "half the level of"): computes B/A '
    "(or A/B for a ratio) with both widened for rounding and hedges and flags when no reading comes "
    'within `tolerance` of the factor. "N times more" may mean ×N or ×(N+1); both are allowed. A '
    "factor with only one of its figures is undecidable, and so is a reading the relate stage is "
    "not sure of."
)
OPTIONS = {
    "tolerance": s.Field(s.number, default=0.15, doc="how far from the factor still counts, as a fraction"),
}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each ratio word its two figures contradict."""
    findings = []
    tolerance = rule.options["tolerance"]
    for kind, first, second in (("change", "from", "to"), ("ratio", "b", "a")):
        for relation, roles in related(ctx, kind, claims):
            if relation.factor is None:
                continue
            stating = roles.get("by", [])
            if first not in roles or second not in roles:
                figures = roles.get(first, []) + roles.get(second, [])
                if figures:
                    text = f'"{relation.word}" comes with {describe(figures[0])} but not with both figures it compares'
                    findings.append(finding(rule, figures + stating, text, outcome="undecidable"))
                continue
            base, other = roles[first][0], roles[second][0]
            b_lo, b_hi = level(base, ctx.vocab)
            o_lo, o_hi = level(other, ctx.vocab)
            if b_lo <= 0 or o_lo < 0 or b_hi == float("inf") or o_hi == float("inf"):
                continue
            f_lo, f_hi = relation.factor, relation.factor
            if stating:  # "three times", "tenfold": the factor is a figure with its own rounding
                f_lo, f_hi = (max(v, 0.0) for v in level(stating[0], ctx.vocab))
                if relation.word.endswith(" more"):
                    f_hi += 1
            actual = (o_lo / b_hi, o_hi / b_lo)
            allowed = (f_lo * (1 - tolerance), f_hi * (1 + tolerance))
            if " by a " in relation.word:  # "fell by a quarter": the tolerance is of the quarter, not of ×0.75
                low, high = 1 + (f_lo - 1) * (1 + tolerance), 1 + (f_lo - 1) * (1 - tolerance)
                allowed = (min(low, high), max(low, high))
            if actual[1] < allowed[0] or actual[0] > allowed[1]:
                text = (
                    f'"{relation.word}" means ×{fmt(f_lo)}'
                    + (f"–{fmt(f_hi)}" if f_hi != f_lo else "")
                    + f", but {describe(other)} / {describe(base)} is {fmt(other.value)} / {fmt(base.value)} = "
                    f"×{fmt(other.value / base.value)} (allowing for rounding and hedges ×{fmt(actual[0])}–"
                    f"{fmt(actual[1])}, and ±{fmt(100 * tolerance)}% for the word)"
                )
                outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
                findings.append(finding(rule, [base, other, *stating], text, outcome=outcome))
    return findings
