"""Helpers for kinds: the relations of the relate stage by role, and the words around figures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from numcheck.normalise.intervals import fmt, widened
from numcheck.records import Claim, Relation
from numcheck.rules.model import Context

_SPACE = re.compile(r"\s+")


def before(ctx: Context, claim: Claim, chars: int = 60) -> str:
    """Return up to `chars` lowercased characters of text before a figure (its sentence's words)."""
    text = ctx.texts.get(claim.source, "")
    return _SPACE.sub(" ", text[max(0, claim.start - chars) : claim.start].lower())


def after(ctx: Context, claim: Claim, chars: int = 60) -> str:
    """Return up to `chars` lowercased characters of text after a figure."""
    text = ctx.texts.get(claim.source, "")
    return _SPACE.sub(" ", text[claim.end : claim.end + chars].lower())


def is_share(claim: Claim) -> bool:
    """Return True for a share of a whole: percent or fraction, not a change."""
    return claim.unit in ("percent", "fraction") and claim.direction is None


def as_percent(value: float, unit: str) -> float:
    """Return a share in percent."""
    return value * 100 if unit == "fraction" else value


def is_count(claim: Claim) -> bool:
    """Return True for a plain count: no unit, not a change."""
    return claim.unit == "" and claim.direction is None


def related(ctx: Context, kind: str, claims: list[Claim]) -> Iterator[tuple[Relation, dict[str, list[Claim]]]]:
    """Yield each relation of one type among the selected claims, with its claims by role."""
    for relation, by_id in ctx.with_claims(kind, claims):
        roles: dict[str, list[Claim]] = {}
        for role, claim_id in relation.roles:
            roles.setdefault(role, []).append(by_id[claim_id])
        yield relation, roles


def level(claim: Claim, vocab) -> tuple[float, float]:
    """Return the interval a level allows; "higher than £100m" in a comparison is the level £100m, and so is
    "up to 4.3%" after "ticked" (the relate stage reads it as a change's new level).

    A small whole count ("21 aces", "nine") or factor ("three times") is exact: no one rounds them.
    """
    modifier = (claim.modifier or "").lower()
    particle = modifier.endswith(" than") or modifier in ("up to", "down to")
    if claim.qualifier in ("lower_bound", "upper_bound") and particle:
        claim = replace(claim, qualifier="exact", modifier=None, low=claim.value, high=claim.value)
    if claim.unit in ("", "times") and claim.qualifier == "exact" and claim.precision <= 1 and claim.value < 100:
        if claim.value == int(claim.value):  # "21 aces", "nine", "three times": a small count is exact
            return claim.value, claim.value
    return widened(claim, vocab)


def signed(value: float) -> str:
    """Format a change with its sign: "+9.5", "−3"."""
    return ("+" if value > 0 else "−" if value < 0 else "") + fmt(abs(value))
