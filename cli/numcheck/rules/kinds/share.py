"""share: a part stated with its share of a whole must divide to that share."""

from __future__ import annotations

from dataclasses import replace

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, overlap, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import as_percent, related
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `share` relation of the relate stage that states a part, its share and the whole "
    '("N, or X% of M", "N (X%) of M", "X% (N) of M", "Of M, N, or X%, …", "N of the M …, or X%", '
    '"X%, with N of the M"): computes N/M with both counts widened for rounding and hedges and '
    "flags when that interval and the stated share (widened by its last digit or hedge; a share in "
    'words, "one in five", "a third", by a tenth of itself) do not overlap. A part and share '
    "without a whole is undecidable."
)
OPTIONS: dict[str, s.Field] = {}


def _stated(share: Claim, ctx: Context) -> tuple[float, float]:
    """Return the interval a stated share allows.

    A share in words ("one in five", "a third", "half") is a round figure: it stands for values
    within a tenth of it (one in five: 18–22%), not for the wide span its last digit would allow.
    """
    if share.unit == "fraction" and any(ch.isalpha() for ch in share.text) and share.value > 0:
        share = replace(share, precision=min(share.precision, 0.2 * share.value))
    return widened(share, ctx.vocab)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each part and share that the whole cannot reconcile."""
    findings = []
    for relation, roles in related(ctx, "share", claims):
        if "part" not in roles or "share" not in roles:
            continue
        part, share = roles["part"][0], roles["share"][0]
        if "whole" not in roles:
            text = f"{describe(part)} is given as {describe(share)} of a whole the text does not state"
            findings.append(finding(rule, [part, share], text, outcome="undecidable"))
            continue
        whole = roles["whole"][0]
        if whole.unit != part.unit:
            continue  # "5.8 million tonnes, or 51% of the €2 billion": not one quantity
        c_lo, c_hi = widened(part, ctx.vocab)
        w_lo, w_hi = widened(whole, ctx.vocab)
        if w_lo <= 0 or c_hi == float("inf") or w_hi == float("inf") or not whole.value:
            continue
        actual = (100 * max(c_lo, 0) / w_hi, 100 * c_hi / w_lo)
        stated = tuple(as_percent(end, share.unit) for end in _stated(share, ctx))
        if overlap(actual, stated):
            continue
        text = (
            f"{describe(part)} out of {describe(whole)} is {fmt(part.value)} / {fmt(whole.value)} = "
            f"{fmt(100 * part.value / whole.value)}% (allowing for rounding and hedges {fmt(actual[0])}–"
            f"{fmt(actual[1])}%), but {describe(share)} states {fmt(stated[0])}–{fmt(stated[1])}%"
        )
        outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
        findings.append(finding(rule, [part, share, whole], text, outcome=outcome))
    return findings
