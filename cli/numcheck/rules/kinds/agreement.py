"""Shared by corroboration and outlier-source: figures of one quantity from independent sources."""

from __future__ import annotations

import os
from collections import defaultdict

from numcheck.normalise.intervals import widened
from numcheck.normalise.units import convert
from numcheck.records import Claim
from numcheck.rules.kinds.base import source_key
from numcheck.rules.model import Context
from numcheck.rules.selector import measure_head

Reading = tuple[Claim, tuple[float, float]]
NAMED = 5  # sources a message names before it counts the rest


def quantities(claims: list[Claim], ctx: Context) -> dict[tuple[str, str], list[Reading]]:
    """Group level figures by story folder and quantity; one reading per source, in the first unit."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = claim.concept or measure_head(claim)
        if key and claim.direction is None:
            groups[os.path.dirname(claim.source), key].append(claim)
    found = {}
    for group_key, members in groups.items():
        unit = members[0].unit
        by_source: dict[tuple[str, str], Reading] = {}
        for claim in members:
            lo, hi = widened(claim, ctx.vocab)
            interval = (convert(lo, claim.unit, unit), convert(hi, claim.unit, unit))
            if None in interval or claim.when != members[0].when:
                continue
            by_source.setdefault(source_key(claim), (claim, interval))  # type: ignore[arg-type]
        if len(by_source) >= 2:
            found[group_key] = list(by_source.values())
    return found


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
