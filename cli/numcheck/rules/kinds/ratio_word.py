"""ratio-word: doubled, tripled, halved, N times, N-fold against the two values stated."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import after, from_to, ratio_word, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'When a sentence says a figure doubled (tripled, quadrupled, halved, "N times", "N-fold") '
    'and states both values ("from A to B"), computes B/A with A and B widened for rounding '
    "and hedges and flags when no reading comes within `tolerance` of the factor. "
    '"N times more" may mean ×N or ×(N+1); both are allowed. A ratio word without both values '
    "is undecidable."
)
OPTIONS = {
    "tolerance": s.Field(s.number, default=0.15, doc="how far from the factor still counts, as a fraction"),
}


def _factor(ctx: Context, group: list[Claim]) -> tuple[str, float, float, list[Claim]] | None:
    """Return (words, lowest factor, highest factor, claims stating it) for a sentence."""
    for claim in group:
        if claim.unit == "times":
            lo, hi = widened(claim, ctx.vocab)
            more = after(ctx, claim, 12).lstrip().startswith(("more", "higher", "larger", "bigger", "greater"))
            return claim.text, lo, hi + (1 if more else 0), [claim]
    found = ratio_word(group[0].sentence)
    if found:
        return found[0], found[1], found[1], []
    return None


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each ratio word its two values contradict."""
    findings = []
    tolerance = rule.options["tolerance"]
    for group in sentences(claims):
        factor = _factor(ctx, group)
        if factor is None:
            continue
        words, f_lo, f_hi, stating = factor
        pairs = [(a, b) for _, a, b in from_to(ctx, group) if a.unit in (b.unit, "") and a not in stating]
        if not pairs:
            figures = [c for c in group if c not in stating]
            if figures:
                text = f'"{words}" comes with {describe(figures[0])} but not with both values it compares'
                findings.append(finding(rule, figures[:1] + stating, text, outcome="undecidable"))
            continue
        for a, b in pairs:
            a_lo, a_hi = widened(a, ctx.vocab)
            b_lo, b_hi = widened(b, ctx.vocab)
            if a_lo <= 0 or b_lo < 0 or a_hi == float("inf") or b_hi == float("inf"):
                continue
            actual = (b_lo / a_hi, b_hi / a_lo)
            allowed = (f_lo * (1 - tolerance), f_hi * (1 + tolerance))
            if actual[1] < allowed[0] or actual[0] > allowed[1]:
                text = (
                    f'"{words}" means ×{fmt(f_lo)}'
                    + (f"–{fmt(f_hi)}" if f_hi != f_lo else "")
                    + f", but {describe(a)} to {describe(b)} is ×{fmt(b.value / a.value)} "
                    f"(allowing for rounding and hedges ×{fmt(actual[0])}–{fmt(actual[1])}, "
                    f"and ±{fmt(100 * tolerance)}% for the word)"
                )
                findings.append(finding(rule, [a, b, *stating], text))
    return findings
