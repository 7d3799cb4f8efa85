"""granularity: "x% of N people" must be k/N for a whole number k, at the stated precision (GRIM)."""

from __future__ import annotations

import math

from numcheck import schema as s
from numcheck.normalise.intervals import fmt
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import OF_WHOLE, as_percent, between, is_count, is_share, leading_whole, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'For "x% of N …" with an exact share and an exact, unrounded group size N, looks for a whole '
    "number of people k with 100·k/N within half a unit of x's last digit (the GRIM test). "
    "Flags x when no k exists. Hedged shares, round or hedged group sizes, and groups larger "
    'than `max_group` are not judged, nor whole tens ("40%" may be rounded to ten).'
)
OPTIONS = {
    "max_group": s.Field(s.number, default=10000, doc="largest group size worth testing"),
}


def possible(percent: float, precision: float, group: int) -> bool:
    """Return True when some k in 0..group gives 100·k/group within half a unit of percent."""
    half = precision / 2 + 1e-9
    lowest = math.ceil((percent - half) * group / 100)
    highest = math.floor((percent + half) * group / 100)
    return max(lowest, 0) <= min(highest, group)


def _share_and_group(ctx: Context, group: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pair each share with its group: "x% of N" right after it, or "Of N …, x%" before it."""
    found = []
    whole = leading_whole(ctx, group)
    for i, share in enumerate(group):
        if not is_share(share):
            continue
        size = group[i + 1] if i + 1 < len(group) else None
        words = between(ctx, share, size) if size is not None else None
        if size is not None and is_count(size) and words is not None and OF_WHOLE.match(words):
            found.append((share, size))
        elif whole is not None and whole is not share and whole.start < share.start:
            found.append((share, whole))
    return found


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each share that no whole number of the group can give."""
    findings = []
    for group in sentences(claims):
        for share, size in _share_and_group(ctx, group):
            n = size.value
            if n != int(n) or n <= 0 or n > rule.options["max_group"]:
                continue  # a large group can give any share to a whole percent: it holds
            if share.qualifier != "exact" or size.qualifier != "exact" or size.precision > 1:
                # "about 30%", "of some 200 people", "of 1,200 people" (maybe rounded): nothing exact to test
                text = f"{describe(share)} of {describe(size)}: the share or the group size is not exact"
                findings.append(finding(rule, [share, size], text, outcome="undecidable"))
                continue
            percent = as_percent(share.value, share.unit)
            precision = as_percent(share.precision, share.unit)
            if share.unit == "percent" and precision >= 1 and percent % 10 == 0:
                continue  # "40%" may be rounded to the nearest ten: nothing to test
            if not possible(percent, precision, int(n)):
                k = round(percent * n / 100)
                near = ", ".join(f"{k2}/{int(n)} = {fmt(100 * k2 / n)}%" for k2 in (k - 1, k, k + 1) if 0 <= k2 <= n)
                text = (
                    f"{describe(share)} of {describe(size)}: no whole number of {int(n)} gives "
                    f"{fmt(percent)}% to the stated precision (±{fmt(precision / 2)} points); nearest: {near}"
                )
                findings.append(finding(rule, [share, size], text))
    return findings
