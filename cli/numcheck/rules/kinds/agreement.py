"""Shared by corroboration and outlier-source: figures of one quantity from independent sources."""

from __future__ import annotations

import os
from collections import defaultdict

from numcheck.extract.frame import clusters, frame_key
from numcheck.normalise.intervals import widened
from numcheck.normalise.units import convert
from numcheck.records import Claim
from numcheck.rules.kinds.base import source_key
from numcheck.rules.model import Context

Reading = tuple[Claim, tuple[float, float]]


def quantities(claims: list[Claim], ctx: Context) -> dict[tuple[str, str], list[Reading]]:
    """Group level figures by story folder and quantity; one reading per source, in the first unit."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = frame_key(claim)
        if key and claim.direction is None:
            groups[os.path.dirname(claim.source), key].append(claim)
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
    """Return the point most readings share, and those readings (a sweep over interval ends)."""
    starts = [(r[1][0], 0, i) for i, r in enumerate(readings)]
    ends = [(r[1][1], 1, i) for i, r in enumerate(readings)]
    events = sorted(starts + ends)  # at a tie, an interval opens before another closes: closed ends
    open_now: set[int] = set()
    best: tuple[float, set[int]] = (0.0, set())
    for position, closing, index in events:
        if closing:
            open_now.discard(index)
        else:
            open_now.add(index)
            if len(open_now) > len(best[1]):
                best = (position, set(open_now))
    return best[0], [readings[i] for i in sorted(best[1])]
