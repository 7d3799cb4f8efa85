"""share: "X, or Y% of Z" and "X (Y%)": the count over the whole must give the stated share."""

from __future__ import annotations

import re
from itertools import pairwise

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, overlap, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import as_percent, before, between, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'Reads "X, or Y% of Z", "X (Y%) of Z" and "of Z, X (Y%)" in one sentence and computes X/Z '
    "with both counts widened for rounding and hedges; flags when that interval and the stated "
    "share (widened by its last digit) do not overlap. Without a whole it is undecidable."
)
OPTIONS: dict[str, s.Field] = {}

# Between the count and its share: a few words of the measure, then ", or", "(", ", representing".
_COUNT_TO_SHARE = re.compile(r"^[\w' -]{0,40}?(?:,\s*or|\(|,\s*representing|,\s*accounting for|,\s*or about)\s*$")
_SHARE_TO_WHOLE = re.compile(
    r"^\s*\)?\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+|a\s+total\s+of\s+)?(?:[\w-]+['’]s\s+)?$"
)
_WHOLE_LEAD = re.compile(r"\b(?:of|out of|among)\s+(?:the\s+|its\s+|their\s+|all\s+)?$")


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each count and share that the whole cannot reconcile."""
    findings = []
    for group in sentences(claims):
        for i, (count, share) in enumerate(pairwise(group)):
            if not (count.unit == "" and share.unit in ("percent", "fraction")):
                continue
            words = between(ctx, count, share)
            if words is None or not _COUNT_TO_SHARE.match(words):
                continue
            whole = _whole(ctx, group, i + 2, share)
            if whole is None:
                findings.append(finding(rule, [count, share], _undecided(count, share), outcome="undecidable"))
                continue
            found = _judge(rule, count, share, whole, ctx)
            if found is not None:
                findings.append(found)
    return findings


def _whole(ctx: Context, group: list[Claim], after: int, share: Claim) -> Claim | None:
    """Find the whole: the count right after "of", else a count led by "of the" earlier.

    Counts may state a change ("cut 4,000 jobs"): the share is of the same change.
    """
    if after < len(group) and group[after].unit == "":
        words = between(ctx, share, group[after])
        if words is not None and _SHARE_TO_WHOLE.match(words):
            return group[after]
    for claim in group[: after - 2]:
        if claim.unit == "" and _WHOLE_LEAD.search(before(ctx, claim, 20)):
            return claim
    return None


def _judge(rule: Rule, count: Claim, share: Claim, whole: Claim, ctx: Context) -> Finding | None:
    """Compare count/whole with the stated share."""
    c_lo, c_hi = widened(count, ctx.vocab)
    w_lo, w_hi = widened(whole, ctx.vocab)
    if w_lo <= 0 or c_hi == float("inf") or w_hi == float("inf"):
        return None
    actual = (100 * max(c_lo, 0) / w_hi, 100 * c_hi / w_lo)
    stated = tuple(as_percent(end, share.unit) for end in widened(share, ctx.vocab))
    if overlap(actual, stated):  # type: ignore[arg-type]
        return None
    text = (
        f"{describe(count)} out of {describe(whole)} is {fmt(count.value)} / {fmt(whole.value)} = "
        f"{fmt(100 * count.value / whole.value)}% (allowing for rounding and hedges {fmt(actual[0])}–"
        f"{fmt(actual[1])}%), but {describe(share)} states {fmt(stated[0])}–{fmt(stated[1])}%"
    )
    return finding(rule, [count, share, whole], text)


def _undecided(count: Claim, share: Claim) -> str:
    """Explain why a count and share cannot be checked."""
    return f"{describe(count)} is given as {describe(share)} of a whole the text does not state"
