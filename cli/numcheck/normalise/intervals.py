"""Widen a stated figure into the interval it can honestly stand for."""

from __future__ import annotations

import math

from numcheck.extract.tokens import phrase
from numcheck.records import Claim
from numcheck.vocab import Vocabulary

INF = math.inf


def widened(claim: Claim, vocab: Vocabulary) -> tuple[float, float]:
    """Return the interval a claim allows once rounding and its hedge are taken into account.

    Exact figures are widened by their rounding ("12,000" ± 500); hedged figures by the
    larger of rounding and the hedge's margin; bounds stay open on one side; vague
    amounts are their vocabulary interval, widened by the vocabulary's `compare` factors.
    """
    r = claim.precision * vocab.rounding_fraction
    v = claim.value
    if claim.qualifier == "vague":
        low, high = vocab.vague_compare
        return _num(claim.low, -INF) * low, _num(claim.high, INF) * high
    if claim.qualifier == "range":
        low, high = _num(claim.low, -INF), _num(claim.high, INF)
        return min(low, high) - r, max(low, high) + r
    if claim.qualifier == "lower_bound":
        return v - r, INF
    if claim.qualifier == "upper_bound":
        return _num(claim.low, -INF), v + r
    if claim.qualifier == "approximate" and claim.modifier:
        modifier = vocab.modifiers.get(phrase(claim.modifier))
        if modifier is not None:
            return v - max(r, modifier.below * abs(v)), v + max(r, modifier.above * abs(v))
    return v - r, v + r


def _num(value: float | None, default: float) -> float:
    """Return value, or default for an open end."""
    return default if value is None else value


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Return True when two closed intervals share a point."""
    return a[0] <= b[1] and b[0] <= a[1]


def gap_ratio(a: tuple[float, float], b: tuple[float, float]) -> float | None:
    """Return how many times the higher interval's low end exceeds the lower one's high end."""
    lower, upper = (a, b) if a[1] < b[0] else (b, a)
    if lower[1] <= 0:
        return None
    return upper[0] / lower[1]


def fmt(value: float) -> str:
    """Format a number for a message: thousands separators, at most 3 significant decimals."""
    if value in (INF, -INF):
        return "∞" if value > 0 else "−∞"
    if abs(value) >= 1e12 and value == int(value):
        return f"{value / 1e12:g} trillion"
    if abs(value) >= 1e9 and value == int(value) and value % 1e7 == 0:
        return f"{value / 1e9:g} billion"
    if abs(value) >= 1e6 and value == int(value) and value % 1e4 == 0:
        return f"{value / 1e6:g} million"
    if value == int(value):
        return f"{int(value):,}"
    if 0 < abs(value) < 0.01:
        return f"{value:.3g}"  # a rate per person: "0.00042", never "0"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text


def fmt_interval(interval: tuple[float, float], unit: str = "") -> str:
    """Format an interval as "11,500–12,500 unit"."""
    low, high = interval
    suffix = f" {unit}" if unit else ""
    if high == INF:
        return f"≥ {fmt(low)}{suffix}"
    if low == -INF:
        return f"≤ {fmt(high)}{suffix}"
    if low == high:
        return f"{fmt(low)}{suffix}"
    return f"{fmt(low)}–{fmt(high)}{suffix}"
