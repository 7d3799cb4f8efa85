"""precision: an exact figure must lie inside an approximate one for the same quantity."""

from __future__ import annotations

from collections import defaultdict

from numcheck import schema as s
from numcheck.normalise.intervals import overlap, widened
from numcheck.normalise.units import convert
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, show, source_key
from numcheck.rules.model import Context, Rule
from numcheck.rules.selector import measure_head

DOC = (
    'Pairs an exact figure ("412 people") with a hedged one ("about 300") of the same concept '
    "or measure from the same source and the same time, stated in different sentences; flags "
    "the exact figure when it lies outside the hedged figure's margin (and its own rounding)."
)
OPTIONS: dict[str, s.Field] = {}



def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each exact figure its own approximation cannot hold."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = claim.concept or measure_head(claim)
        if key and claim.direction is None:
            groups[key, source_key(claim), claim.when].append(claim)
    findings = []
    for members in groups.values():
        exact = [c for c in members if c.qualifier == "exact"]
        hedged = [c for c in members if c.qualifier == "approximate"]
        for e in exact:
            for a in hedged:
                if e.sentence == a.sentence:
                    continue  # one sentence with two figures of one kind usually counts two things
                lo, hi = widened(e, ctx.vocab)
                e_in_a = (convert(lo, e.unit, a.unit), convert(hi, e.unit, a.unit))
                if None in e_in_a:
                    continue
                allowed = widened(a, ctx.vocab)
                if not overlap(e_in_a, allowed):  # type: ignore[arg-type]
                    text = f"{describe(e)} is given exactly, but {describe(a)} allows only {show(allowed, a.unit)}"
                    findings.append(finding(rule, [e, a], text))
    return findings
