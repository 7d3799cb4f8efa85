"""Shared by corroboration and outlier-source: figures of one quantity from independent sources."""

from __future__ import annotations

from collections import defaultdict

from numcheck.extract.frame import clusters, frame_key
from numcheck.normalise.intervals import widened
from numcheck.normalise.units import convert
from numcheck.records import Claim
from numcheck.rules.kinds.base import source_key
from numcheck.rules.model import Context
from numcheck.stories import story_of

Reading = tuple[Claim, tuple[float, float]]
NAMED = 5  # sources a message names before it counts the rest


def quantities(claims: list[Claim], ctx: Context) -> dict[tuple[str, str], list[Reading]]:
    """Group level figures by story folder and quantity; one reading per source, in the first unit."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = frame_key(claim, ctx.vocab)
        if key and claim.direction is None:
            groups[story_of(claim.source), key].append(claim)
    found: dict[tuple[str, str], list[Reading]] = {}
    for (story, key), group in groups.items():
        # Figures whose frames unify (same counted thing, event, scope) are one quantity; a key may hold several.
        for number, members in enumerate(clusters(group, ctx.vocab)):
            readings = _readings(members, ctx)
            if len(readings) >= 2:
                found[story, key if not number else f"{key} ({number + 1})"] = readings
    return found


def _readings(members: list[Claim], ctx: Context) -> list[Reading]:
    """One reading per source, in the first figure's unit and time."""
    unit = members[0].unit
    by_source: dict[tuple[str, str], Reading] = {}
    for claim in members:
        lo, hi = widened(claim, ctx.vocab)
        interval = (convert(lo, claim.unit, unit), convert(hi, claim.unit, unit))
        if None in interval or claim.when != members[0].when:
            continue
        by_source.setdefault(source_key(claim), (claim, interval))  # type: ignore[arg-type]
    return list(by_source.values())


def best_point(readings: list[Reading]) -> tuple[float, list[Reading]]:
    """Return the point most readings share, and those readings in their given order.

    A sweep over interval ends counts open intervals and remembers only where the count
    peaked; the readings holding that point are collected once at the end (copying the open
    set at every new peak was quadratic).
    """
    starts = [(r[1][0], 0, i) for i, r in enumerate(readings)]
    ends = [(r[1][1], 1, i) for i, r in enumerate(readings)]
    events = sorted(starts + ends)  # at a tie, an interval opens before another closes: closed ends
    count = best_count = 0
    best = 0.0
    for position, closing, _ in events:
        if closing:
            count -= 1
        else:
            count += 1
            if count > best_count:
                best, best_count = position, count
    if not best_count:
        return best, []
    return best, [r for r in readings if r[1][0] <= best <= r[1][1]]


def named(readings: list[Reading], describe) -> str:
    """Describe the first few readings and count the rest: a story with 10,000 sources keeps a short message."""
    shown = "; ".join(describe(r[0]) for r in readings[:NAMED])
    rest = len(readings) - NAMED
    return f"{shown}; and {rest} more" if rest > 0 else shown
