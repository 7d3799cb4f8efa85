"""Interval plots: one shared axis for a finding's figures, drawn as block characters or as SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

from numcheck.normalise.intervals import fmt
from numcheck.records import Claim, Finding

LOG_FROM = 10.0  # values spanning more than this many times are drawn on a log scale
PAD = 0.06  # of the axis, left free beyond the outermost finite ends so an arrow has room

# Characters for a bar: background, interval, open end left and right, closed ends, the point value.
UNICODE = {"rest": "·", "bar": "━", "left": "◀", "right": "▶", "end": "┃", "point": "●"}
ASCII = {"rest": ".", "bar": "=", "left": "<", "right": ">", "end": "|", "point": "o"}


@dataclass(frozen=True)
class Bar:
    """One figure's interval on the axis: a marker letter, its label, ends (None = open) and point value."""

    marker: str
    label: str
    low: float | None
    high: float | None
    point: float | None
    unit: str
    claim: str = ""  # the claim id, or "" for a derived value or a limit

    def interval_text(self) -> str:
        """Return the interval as a person reads it: "270–330", "≥ 1,950", "≤ 24 hour / day"."""
        from numcheck.rules.kinds.base import show

        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return show((low, high), self.unit)


@dataclass(frozen=True)
class Axis:
    """A shared axis: the span drawn, and whether it is logarithmic."""

    low: float
    high: float
    log: bool

    def at(self, value: float) -> float:
        """Return where a value sits on the axis, 0 to 1 (clamped)."""
        if self.log:
            value, low, high = math.log10(max(value, 1e-300)), math.log10(self.low), math.log10(self.high)
        else:
            low, high = self.low, self.high
        return min(1.0, max(0.0, (value - low) / (high - low)))


def bars(found: Finding, claims: dict[str, Claim]) -> list[Bar]:
    """Return a finding's compared intervals as bars, lettered a, b, c … in the order of its figures."""
    letters = marker_letters(found)
    result = []
    extra = len(found.claims)
    for claim_id, low, high, unit, label in found.intervals:
        claim = claims.get(claim_id)
        if claim is not None:
            point = claim.value if claim.unit == unit and math.isfinite(claim.value) else None
            marker = letters.get(claim_id, "?")
            text = label or f'"{claim.text}"'
        else:
            point, marker, text = None, _letter(extra), label
            extra += 1
        result.append(Bar(marker, text, low, high, point, unit, claim_id))
    return result


def marker_letters(found: Finding) -> dict[str, str]:
    """Return the letter that names each of a finding's figures in tables and plots."""
    return {claim_id: _letter(i) for i, claim_id in enumerate(found.claims)}


def _letter(index: int) -> str:
    """Return a, b, … z, then aa, ab …"""
    return _letter(index // 26 - 1) + chr(97 + index % 26) if index >= 26 else chr(97 + index)


def axis(items: list[Bar]) -> Axis | None:
    """Return the axis that shows every bar, or None when no bar has a finite end."""
    values = [v for b in items for v in (b.low, b.high, b.point) if v is not None and math.isfinite(v)]
    if not values:
        return None
    low, high = min(values), max(values)
    log = low > 0 and high / low > LOG_FROM
    if log:
        low, high = math.log10(low), math.log10(high)
    if high == low:
        spread = abs(low) * 0.1 or 1.0
        low, high = low - spread, high + spread
    pad = (high - low) * PAD
    low, high = low - pad, high + pad
    if log:
        return Axis(10**low, 10**high, True)
    return Axis(low, high, False)


def _cells(bar: Bar, scale: Axis, width: int) -> tuple[int, int, int | None]:
    """Return the first and last cell the bar covers, and the point's cell."""
    last = width - 1
    first = 0 if bar.low is None else round(scale.at(bar.low) * last)
    end = last if bar.high is None else round(scale.at(bar.high) * last)
    point = None if bar.point is None else round(scale.at(bar.point) * last)
    return first, max(first, end), point


def draw(bar: Bar, scale: Axis, width: int, chars: dict[str, str]) -> str:
    """Return one bar as `width` characters: the interval, arrows at open ends, the point value."""
    first, end, point = _cells(bar, scale, width)
    cells = [chars["rest"]] * width
    for i in range(first, end + 1):
        cells[i] = chars["bar"]
    if end > first:
        cells[first] = chars["left"] if bar.low is None else chars["end"]
        cells[end] = chars["right"] if bar.high is None else chars["end"]
    if point is not None and first <= point <= end:
        cells[point] = chars["point"]
    return "".join(cells)


def scale_line(scale: Axis, width: int, unit: str = "") -> str:
    """Return the axis under the bars: its two ends, and "log scale" when it is one."""
    from numcheck.rules.kinds.base import unit_label

    left, right = fmt(_nice(scale.low)), fmt(_nice(scale.high))
    right = f"{right} {unit_label(unit)}".rstrip()
    middle = "log scale" if scale.log else ""
    gap = width - len(left) - len(right)
    if gap < len(middle) + 2:
        middle = ""
    if gap < 1:
        return (left + " " + right)[:width]
    before = (gap - len(middle)) // 2
    return left + " " * before + middle + " " * (gap - len(middle) - before) + right


def _nice(value: float) -> float:
    """Round an axis end to three significant figures, for its label."""
    if value == 0 or not math.isfinite(value):
        return value
    digits = 2 - math.floor(math.log10(abs(value)))
    return round(value, digits) if digits > 0 else float(round(value, digits))


def svg(items: list[Bar], level: str, width: int = 560) -> str:
    """Return the bars as an inline SVG with a text label per bar; every label is escaped."""
    from html import escape

    scale = axis(items)
    if scale is None:
        return ""
    texts = [escape(bar.interval_text()) for bar in items]
    longest = max(len(bar.interval_text()) for bar in items)
    row, left, right = 22, 30, max(100, 7 * longest + 16)  # pixels: a row, the marker column, the interval text
    plot = width - left - right
    height = row * len(items) + 22
    parts = [
        f'<svg class="plot {level}" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{escape(_summary(items, scale), quote=True)}">'
    ]
    for i, bar in enumerate(items):
        y = i * row + 11
        x0 = left + (0 if bar.low is None else scale.at(bar.low) * plot)
        x1 = left + (plot if bar.high is None else scale.at(bar.high) * plot)
        x1 = max(x1, x0 + 2)
        parts.append(f'<text x="4" y="{y + 4}" class="marker">{escape(bar.marker)}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{left + plot}" y2="{y}" class="rest"/>')
        parts.append(f'<rect x="{x0:.1f}" y="{y - 4}" width="{x1 - x0:.1f}" height="8" class="bar"/>')
        if bar.low is None:
            parts.append(f'<path d="M{x0:.1f} {y}l8 -7v14z" class="bar"/>')
        if bar.high is None:
            parts.append(f'<path d="M{x1:.1f} {y}l-8 -7v14z" class="bar"/>')
        if bar.point is not None:
            px = left + scale.at(bar.point) * plot
            parts.append(f'<circle cx="{px:.1f}" cy="{y}" r="5" class="point"/>')
        parts.append(f'<text x="{left + plot + 8}" y="{y + 4}" class="range">{texts[i]}</text>')
    base = row * len(items) + 14
    low, high = escape(fmt(_nice(scale.low))), escape(fmt(_nice(scale.high)))
    note = " (log scale)" if scale.log else ""
    parts.append(f'<text x="{left}" y="{base}" class="axis">{low}</text>')
    parts.append(f'<text x="{left + plot}" y="{base}" class="axis" text-anchor="end">{high}{note}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _summary(items: list[Bar], scale: Axis) -> str:
    """Describe a plot in words for screen readers."""
    kind = "log" if scale.log else "linear"
    return f"Intervals on a {kind} axis: " + "; ".join(f"{b.marker}: {b.interval_text()}" for b in items)
