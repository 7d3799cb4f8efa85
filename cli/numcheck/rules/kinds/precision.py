"""precision: an exact figure must lie inside an approximate one for the same quantity."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from numcheck import schema as s
from numcheck.extract.frame import clusters, frame_key, unify
from numcheck.normalise.intervals import widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, show, source_key
from numcheck.rules.model import Context, Rule

DOC = (
    'Pairs an exact figure ("412 people") with a hedged one ("about 300") of the same concept '
    "or measure, in one unit, from the same source and the same time; flags the exact figure "
    "when it lies outside every such estimate's margin (and its own rounding), naming the "
    "nearest, unless that estimate is in the same sentence. Only figures whose frames unify are "
    "paired (extract/frame.py); an estimate whose frame is too thin to tell is reported as "
    "undecidable when the exact figure lies outside it."
)
MAX_THIN = 60  # beyond this many figures of one key, source and time, thin pairs are not tried
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each exact figure that none of its own estimates can hold."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = frame_key(claim, ctx.vocab)
        if key and claim.direction is None:
            groups[key, source_key(claim), claim.when, claim.unit].append(claim)
    findings = []
    for group in groups.values():
        findings.extend(_checked(rule, group, ctx))
    return findings


def _checked(rule: Rule, group: list[Claim], ctx: Context) -> list[Finding]:
    """Return the findings of one key, source, time and unit: its clusters', then its thin pairs'."""
    findings = []
    flagged: set[Claim] = set()
    clustered = clusters(group, ctx.vocab)
    # Only figures whose frames unify (same counted thing, event, scope) are one quantity.
    for members in clustered:
        hedged = sorted((widened(c, ctx.vocab), c) for c in members if c.qualifier == "approximate")
        if not hedged:
            continue
        lows = [interval[0] for interval, _ in hedged]
        # For each prefix of the sorted estimates, the index of the one reaching highest.
        furthest = _furthest([interval[1] for interval, _ in hedged])
        reach = [hedged[i][0][1] for i in furthest]
        for e in (c for c in members if c.qualifier == "exact"):
            lo, hi = widened(e, ctx.vocab)
            # The estimates that start at or below the figure's top; the figure fits one of them
            # when the furthest of their ends reaches its bottom. Sorted, so no pair is compared twice.
            upto = bisect_right(lows, hi)
            if upto and reach[upto - 1] >= lo:
                continue
            nearest = _nearest(hedged, furthest, upto, lo, hi)
            if nearest.sentence == e.sentence:
                continue  # one sentence with two figures of one kind usually counts two things
            allowed = widened(nearest, ctx.vocab)
            text = f"{describe(e)} is given exactly, but {describe(nearest)} allows only {show(allowed, e.unit)}"
            findings.append(finding(rule, [e, nearest], text))
            flagged.add(e)
    if len(clustered) > 1 and len(group) <= MAX_THIN:
        findings.extend(_thin(rule, clustered, flagged, ctx))
    return findings


def _thin(rule: Rule, clustered: list[list[Claim]], flagged: set[Claim], ctx: Context) -> list[Finding]:
    """Return an undecidable finding for an exact figure outside an estimate of a cluster it may belong to.

    Only when its own cluster holds no estimate that allows it: one it fits settles the figure.
    """
    findings = []
    for own in clustered:
        fits_own = [h for h in own if h.qualifier == "approximate"]
        for e in (c for c in own if c.qualifier == "exact" and c not in flagged):
            lo, hi = widened(e, ctx.vocab)
            if any(widened(h, ctx.vocab)[0] <= hi and lo <= widened(h, ctx.vocab)[1] for h in fits_own):
                continue
            for other in (m for m in clustered if m is not own):
                for h in (c for c in other if c.qualifier == "approximate" and c.sentence != e.sentence):
                    allowed = widened(h, ctx.vocab)
                    if allowed[0] <= hi and lo <= allowed[1]:
                        continue
                    verdict, why = unify(e, h, ctx.vocab)
                    if verdict != "thin":
                        continue
                    text = (
                        f"{describe(e)} is given exactly, but {describe(h)} allows only {show(allowed, e.unit)}; "
                        f"it is not clear they state one quantity: {why}"
                    )
                    findings.append(finding(rule, [e, h], text, "undecidable"))
                    break
                else:
                    continue
                break
    return findings


def _furthest(highs: list[float]) -> list[int]:
    """For each prefix of a list, the index of its largest value."""
    best, found = 0, []
    for index, high in enumerate(highs):
        if high > highs[best]:
            best = index
        found.append(best)
    return found


def _nearest(hedged: list, furthest: list[int], upto: int, lo: float, hi: float) -> Claim:
    """Return the estimate closest to [lo, hi] among sorted ones that all miss it."""
    candidates = []
    if upto:
        below = hedged[furthest[upto - 1]]  # of those starting lower, the one reaching highest
        candidates.append((lo - below[0][1], below[1]))
    if upto < len(hedged):
        candidates.append((hedged[upto][0][0] - hi, hedged[upto][1]))
    return min(candidates, key=lambda item: item[0])[1]
