"""growth: a stated change (percent, points, basis points, an amount) against the two levels it joins."""

from __future__ import annotations

import re
from dataclasses import replace

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, overlap, widened
from numcheck.records import Claim, Finding, Relation
from numcheck.rules.kinds.base import describe, finding, unit_label
from numcheck.rules.kinds.relations import after, before, level, related, signed
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges each `change` relation of the relate stage that states its change and both levels "
    '(every order: "rose 15% to B from A", "B, up 15% from A", "from A to B, an increase of 15%", '
    '", or 15%", "15% higher than A at B", "by 2 percentage points to 7% from 5%", "That was up 15% '
    'from A" after a sentence stating B). Computes (B − A)/A with A and B widened for rounding and '
    'hedges; when the sentence says the rate is yearly over a span ("a year … over five years", '
    '"from 2015 to 2020") the compound yearly rate instead. Points and basis points are compared '
    "with B − A, an amount in the levels' unit with B − A. Flags only when no reading gives the "
    "stated change; a change whose sign the levels contradict is left to the `direction` kind; "
    "a reading the relate stage is not sure of is undecidable."
)
OPTIONS: dict[str, s.Field] = {}

# "a year earlier" dates the old level; it does not make the change yearly
_YEARLY = re.compile(
    r"\b(?:a year(?! earlier| ago| before| previously| on| later)|annually|per year|each year|per annum|annual|"
    r"yearly|annuali[sz]ed)\b"
)
_OVER_YEARS = re.compile(
    r"\bover (?:the (?:past|last|next) )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) years\b"
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_RELATIVE = ("percent", "percent / year")
_POINTS = re.compile(r"^\s*(?:percentage\s+)?points?\b")


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
    """Return a finding for each stated change its two levels cannot give."""
    findings = []
    for relation, roles in related(ctx, "change", claims):
        if not all(role in roles for role in ("from", "to", "by")):
            continue
        a, b, change = roles["from"][0], roles["to"][0], roles["by"][0]
        if change.unit == "" and b.unit == "percent" and _POINTS.match(after(ctx, change, 20)):
            change = replace(change, unit="percentage_point")  # "up 9 points from 45%"
        n = None
        if change.unit in _RELATIVE:
            sentence = change.sentence.lower()
            near = before(ctx, change, 30) + " # " + after(ctx, change, 15)  # "an annual 5%", "5% annually"
            for level_claim in (a, b):  # "3.1 billion tonnes a year": the levels' own period is not the change's
                near = near.replace(" ".join(level_claim.text.lower().split()), " ")
            if change.unit == "percent / year" or _YEARLY.search(near):
                n = years(sentence)
                if n is None:
                    text = f"{describe(change)} is a yearly rate, but the sentence does not say over how many years"
                    findings.append(finding(rule, [change, a, b], text, outcome="undecidable"))
                    continue
        found = _judge(rule, relation, change, a, b, n, ctx)
        if found is not None:
            findings.append(found)
    return findings


def _stated(relation: Relation, change: Claim, ctx: Context) -> tuple[float, float] | None:
    """Return the stated change as a signed interval, or None when its sign is not said."""
    lo, hi = widened(change, ctx.vocab)
    direction = change.direction or relation.direction
    if direction == "down":
        return -hi, -lo
    if direction == "up":
        return lo, hi
    return None


def _actual(change: Claim, a: Claim, b: Claim, n: int | None, ctx: Context):
    """Return (interval, point value, arithmetic, unit) of the change the levels give, or None."""
    a_i, b_i = level(a, ctx.vocab), level(b, ctx.vocab)
    av, bv = a.value, b.value
    diff = (b_i[0] - a_i[1], b_i[1] - a_i[0])
    if change.unit in ("percentage_point", "basis_point"):
        if b.unit != "percent" or a.unit not in ("percent", ""):
            return None
        scale = 100 if change.unit == "basis_point" else 1
        how = f"{fmt(bv)}% − {fmt(av)}% = {signed(scale * (bv - av))} {unit_label(change.unit).replace('_', ' ')}s"
        return (scale * diff[0], scale * diff[1]), how, change.unit.replace("_", " ") + "s"
    if change.unit in _RELATIVE:
        actual = _changes(a_i, b_i, n)
        if actual is None or av == 0:
            return None
        if n:
            point = 100 * ((bv / av) ** (1 / n) - 1)
            return actual, f"({fmt(bv)} / {fmt(av)})^(1/{n}) − 1 = {signed(point)}% a year", "%"
        return actual, f"({fmt(bv)} − {fmt(av)}) / {fmt(av)} = {signed(100 * (bv - av) / av)}%", "%"
    if change.unit == b.unit and a.unit in (b.unit, ""):
        return diff, f"{fmt(bv)} − {fmt(av)} = {signed(bv - av)} {unit_label(b.unit)}".rstrip(), unit_label(b.unit)
    return None


def _judge(rule: Rule, relation: Relation, change: Claim, a: Claim, b: Claim, n: int | None, ctx: Context):
    """Compare one stated change with the change from a to b."""
    got = _actual(change, a, b, n, ctx)
    if got is None:
        return None
    actual, how, unit = got
    stated = _stated(relation, change, ctx)
    lo, hi = widened(change, ctx.vocab)
    if stated is None:  # ", or 22.9%" with no word for the sign: compare sizes
        size = (
            (0.0, max(abs(actual[0]), abs(actual[1])))
            if actual[0] <= 0 <= actual[1]
            else tuple(sorted((abs(actual[0]), abs(actual[1]))))
        )
        if overlap(size, (lo, hi)):
            return None
    else:
        if overlap(actual, stated):
            return None
        if change.unit == "percent" and b.unit == "percent":
            b_i, a_i = level(b, ctx.vocab), level(a, ctx.vocab)
            if overlap((b_i[0] - a_i[1], b_i[1] - a_i[0]), stated):
                return None  # "rose 2% from 5% to 7%": percent written for points
        if (actual[1] < 0 < stated[0]) or (actual[0] > 0 > stated[1]):
            return None  # the sign is wrong: the direction kind says so
    space = "" if unit == "%" else " "
    shown = (
        f"{signed(stated[0])}{space}{unit} to {signed(stated[1])}{space}{unit}"
        if stated
        else f"{fmt(lo)}–{fmt(hi)}{space}{unit}"
    )
    text = (
        f"{describe(a)} → {describe(b)} is {how} (allowing for rounding and hedges "
        f"{signed(actual[0])}{space}{unit} to {signed(actual[1])}{space}{unit}); "
        f'{describe(change)}, stated with "{relation.word}", means {shown}'
    )
    outcome = "inconsistent" if relation.confidence == "sure" else "undecidable"
    spans = [(change, stated or (lo, hi), change.unit), ("computed", actual, change.unit)]
    return finding(rule, [change, a, b], text, outcome=outcome, intervals=spans)
