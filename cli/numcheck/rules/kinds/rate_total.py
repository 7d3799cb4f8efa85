"""rate-total: a rate times the span it runs over must give the total stated with them."""

from __future__ import annotations

from dataclasses import replace

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, overlap, widened
from numcheck.normalise.units import convert, product
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, unit_label
from numcheck.rules.kinds.relations import related
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `rate` relation of the relate stage: a rate, the span it runs over and the total "
    '("£13.50 an hour … 32.5 hours a week, or about £520 a week"; "11 hours … about $140, or about '
    '$18 an hour"; "about 40 an hour over the six-hour bombardment, more than 1,200 in total"; "one '
    'every three days over 14 months, 60 in all"; "28,000 season ticket holders … £640 each … £15.2 '
    'million"). Computes rate × span (or span ÷ period, or amount × count) with '
    "every figure widened for rounding and hedges, allows `tolerance` more for the averages such "
    "figures are, and flags a stated total outside that. A reading the relate stage is not sure of "
    '(no "or", "in all", "in total", "therefore" joining the figures) is undecidable; a total "therefore" '
    "worked out from a minimum or a maximum rate is computed at that bound."
)
OPTIONS = {
    "tolerance": s.Field(s.number, default=0.05, doc="how far from the product still counts, as a fraction"),
}


def _span(claim: Claim, ctx: Context) -> tuple[float, float]:
    """Return a span's interval: "over 14 months" is the span of 14 months, not more than 14."""
    if claim.qualifier == "lower_bound" and (claim.modifier or "").lower() in ("over", "for"):
        claim = replace(claim, qualifier="exact", modifier=None, low=claim.value, high=claim.value)
    return widened(claim, ctx.vocab)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each rate, span and total that do not multiply out."""
    findings = []
    tolerance = rule.options["tolerance"]
    for relation, roles in related(ctx, "rate", claims):
        total = roles["total"][0]
        span = roles["span"][0]
        s_lo, s_hi = _span(span, ctx)
        if "period" in roles:  # one every P over S: S / P events
            period = roles["period"][0]
            to = period.unit.split(" / ")[0]
            s_lo, s_hi = (convert(v, span.unit.split(" / ")[0], to) for v in (s_lo, s_hi))
            p_lo, p_hi = widened(period, ctx.vocab)
            if s_lo is None or s_hi is None or p_lo <= 0:
                continue
            expected = (s_lo / p_hi, s_hi / p_lo)
            point = (convert(span.value, span.unit.split(" / ")[0], to) or 0) / period.value
            how = f"one every {describe(period)} over {describe(span)} is {fmt(point)}"
            how += f" ({fmt(span.value)} {span.unit.split(' / ')[0]}s in {to}s / {fmt(period.value)})"
            unit, figures = "", [period, span, total]
        else:
            rate = roles["rate"][0]
            if relation.word == "therefore" and rate.qualifier in ("lower_bound", "upper_bound"):
                # "must pay at least €14.20 an hour; a worker therefore takes home …": worked out at the bound
                rate = replace(rate, qualifier="exact", modifier=None, low=rate.value, high=rate.value)
            if rate.unit.endswith(" / person") and span.unit == "":  # per capita × a number of people
                unit = rate.unit.rsplit(" / ", 1)[0]
                unit = "" if unit == "1" else unit
            else:
                try:
                    unit = product([rate.unit, span.unit], [1, 1])
                except Exception:  # a unit pint refuses: nothing to compute
                    continue
            r_lo, r_hi = widened(rate, ctx.vocab)
            expected = (max(r_lo, 0) * max(s_lo, 0), r_hi * s_hi)
            point = rate.value * span.value
            how = f"{describe(rate)} × {describe(span)} = {fmt(rate.value)} × {fmt(span.value)} = {fmt(point)}"
            how += f" {unit_label(unit)}"
            figures = [rate, span, total]
        t_lo, t_hi = (
            convert(v, total.unit, unit) if v not in (float("inf"), float("-inf")) else v
            for v in widened(total, ctx.vocab)
        )
        if t_lo is None or t_hi is None or float("inf") in expected:
            continue
        allowed = (expected[0] * (1 - tolerance), expected[1] * (1 + tolerance))
        if overlap(allowed, (t_lo, t_hi)):
            continue
        text = (
            f"{how.rstrip()} (allowing for rounding and hedges {fmt(expected[0])}–{fmt(expected[1])}, and "
            f"±{fmt(100 * tolerance)}% for averages), but {describe(total)} states "
            f"{fmt(t_lo)}–{fmt(t_hi)} {unit_label(unit)}"
        ).replace(" )", ")")
        outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
        findings.append(finding(rule, figures, text.rstrip(), outcome=outcome))
    return findings
