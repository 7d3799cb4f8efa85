"""growth: a stated % change against the two values it joins (simple, or compound a year)."""

from __future__ import annotations

import re

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, overlap, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import from_to, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'Reads a change in percent ("rose 20%", "a 12% increase") with the two values it joins '
    '("from A to B") in one sentence and computes (B − A)/A with A and B widened for rounding '
    'and hedges. When the sentence says the rate is yearly ("a year", "annually") over a span '
    '("over five years", "from 2015 to 2020"), the compound yearly rate is computed instead. '
    "A change in percentage points is compared with B − A. Flags only when no reading of the "
    "values gives the stated change; a change whose sign the values contradict is left to "
    "the `direction` kind."
)
OPTIONS: dict[str, s.Field] = {}

_YEARLY = re.compile(r"\b(?:a year|annually|per year|each year|per annum|annual|yearly)\b")
_OVER_YEARS = re.compile(
    r"\bover (?:the (?:past|last|next) )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) years\b"
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def years(sentence: str) -> int | None:
    """Return the number of years a sentence's change spans, when it says."""
    match = _OVER_YEARS.search(sentence)
    if match:
        word = match.group(1)
        return int(word) if word.isdigit() else _WORDS[word]
    found = sorted({int(y) for y in _YEAR.findall(sentence)})
    if len(found) == 2:  # "from $100m in 2015 to $161m in 2020", "between 2015 and 2020"
        return found[1] - found[0]
    return None


def _changes(a: tuple[float, float], b: tuple[float, float], n: int | None) -> tuple[float, float] | None:
    """Return the relative change from a to b in percent (compound per year over n years)."""
    if a[0] <= 0 or b[0] < 0 or float("inf") in (a[1], b[1]):
        return None
    lo, hi = b[0] / a[1], b[1] / a[0]
    if n:
        return 100 * (lo ** (1 / n) - 1), 100 * (hi ** (1 / n) - 1)
    return 100 * (lo - 1), 100 * (hi - 1)


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each stated change its two values cannot give."""
    findings = []
    for group in sentences(claims):
        changes = [c for c in group if c.direction and c.unit in ("percent", "percentage_point", "percent / year")]
        pairs = [(a, b) for _, a, b in from_to(ctx, group) if a.unit in (b.unit, "")]
        if not changes or not pairs:
            continue
        sentence = group[0].sentence.lower()
        for change in changes:
            yearly = change.unit == "percent / year" or bool(_YEARLY.search(sentence))
            n = years(sentence) if yearly else None
            for a, b in pairs:
                if change in (a, b):
                    continue
                if yearly and n is None:
                    text = f"{describe(change)} is a yearly rate, but the sentence does not say over how many years"
                    findings.append(finding(rule, [change, a, b], text, outcome="undecidable"))
                    continue
                found = _judge(rule, change, a, b, n, ctx)
                if found is not None:
                    findings.append(found)
    return findings


def _judge(rule: Rule, change: Claim, a: Claim, b: Claim, n: int | None, ctx: Context) -> Finding | None:
    """Compare one stated change with the change from a to b."""
    sign = -1 if change.direction == "down" else 1
    c_lo, c_hi = widened(change, ctx.vocab)
    stated = (sign * c_lo, sign * c_hi) if sign > 0 else (sign * c_hi, sign * c_lo)
    a_i, b_i = widened(a, ctx.vocab), widened(b, ctx.vocab)
    if change.unit == "percentage_point":
        if b.unit != "percent":
            return None
        actual = (b_i[0] - a_i[1], b_i[1] - a_i[0])
        how = f"{fmt(b.value)} − {fmt(a.value)} = {fmt(b.value - a.value)} points"
    else:
        actual = _changes(a_i, b_i, n)
        if actual is None:
            return None
        if b.unit == "percent" and overlap((b_i[0] - a_i[1], b_i[1] - a_i[0]), stated):
            return None  # "rose 2% from 5% to 7%": percent written for points
        point = 100 * ((b.value / a.value) ** (1 / n) - 1 if n else b.value / a.value - 1) if a.value else 0.0
        how = (
            f"({fmt(b.value)} / {fmt(a.value)})^(1/{n}) − 1 = {fmt(point)}% a year"
            if n
            else f"({fmt(b.value)} − {fmt(a.value)}) / {fmt(a.value)} = {fmt(point)}%"
        )
    if overlap(actual, stated):
        return None
    if (actual[1] < 0 < stated[0]) or (actual[0] > 0 > stated[1]):
        return None  # the sign is wrong: the direction kind says so
    text = (
        f"{describe(change)} states {fmt(stated[0])}–{fmt(stated[1])}; {describe(a)} to {describe(b)} "
        f"gives {how} (allowing for rounding and hedges {fmt(actual[0])}–{fmt(actual[1])})"
    )
    spans = [(change, stated, change.unit), ("computed", actual, change.unit)]
    return finding(rule, [change, a, b], text, intervals=spans)
