"""Helpers for kinds: the relations of the relate stage by role, and the words around figures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby, pairwise

from numcheck.normalise.intervals import fmt, widened
from numcheck.records import Claim, Relation
from numcheck.rules.model import Context

_SPACE = re.compile(r"\s+")
# Hedges that may stand between "from"/"to" and a figure: "from about 300 to nearly 500".
_SOFT = r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just|over|under)\s+)?"
_FROM = re.compile(rf"(\S+)\s+from\s+{_SOFT}$")
# "to", optionally after the time of the first value: "from $100m in 2015 to $161m in 2020".
_TO = re.compile(rf"^\s*(?:,?\s*in\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s*,?\s*)?(?:to|and)\s+{_SOFT}$")
_RATIO_WORDS = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
                "quadrupled": 4.0, "quadrupling": 4.0, "halved": 0.5, "halving": 0.5}  # fmt: skip


def sentences(claims: list[Claim]) -> Iterator[list[Claim]]:
    """Yield the claims of each sentence of each text, in text order."""
    ordered = sorted(claims, key=lambda c: (c.source, c.start))
    for _, group in groupby(ordered, key=lambda c: (c.source, c.sentence)):
        yield list(group)


def between(ctx: Context, a: Claim, b: Claim) -> str | None:
    """Return the lowercased words between two figures of one text, or None without the text."""
    text = ctx.texts.get(a.source)
    if text is None or a.source != b.source or a.end > b.start:
        return None
    return _SPACE.sub(" ", text[a.end : b.start].lower())


def before(ctx: Context, claim: Claim, chars: int = 60) -> str:
    """Return up to `chars` lowercased characters of text before a figure (its sentence's words)."""
    text = ctx.texts.get(claim.source, "")
    return _SPACE.sub(" ", text[max(0, claim.start - chars) : claim.start].lower())


def after(ctx: Context, claim: Claim, chars: int = 60) -> str:
    """Return up to `chars` lowercased characters of text after a figure."""
    text = ctx.texts.get(claim.source, "")
    return _SPACE.sub(" ", text[claim.end : claim.end + chars].lower())


def from_to(ctx: Context, group: list[Claim]) -> Iterator[tuple[str, Claim, Claim]]:
    """Yield (word before "from", A, B) for each "… from A to B" in one sentence.

    A bare A takes B's unit ("from 300 to 200 tonnes"); callers compare A and B as such.
    """
    for a, b in pairwise(group):
        words = between(ctx, a, b)
        if words is None or not _TO.match(words):
            continue
        match = _FROM.search(before(ctx, a))
        if match:
            yield match.group(1).rstrip(",;:"), a, b


def ratio_word(sentence: str) -> tuple[str, float] | None:
    """Return the first ratio word of a sentence ("doubled" → 2) and its factor."""
    for word in _SPACE.split(sentence.lower()):
        word = word.strip(".,;:!?\"'()")
        if word in _RATIO_WORDS:
            return word, _RATIO_WORDS[word]
    return None


_DETERMINER = r"(?:the\s+|its\s+|their\s+|all\s+|those\s+)?"
# Between a part and its whole: "450 of the 300 passengers", "46% out of 27 patients".
OF_WHOLE = re.compile(rf"^\s*(?:of|out of)\s+{_DETERMINER}$")
_OPENS_WITH_OF = re.compile(rf"(?:^|[.;:!?]\s*|\n)\s*(?:of|out of|among)\s+{_DETERMINER}$")


def opens_with_of(ctx: Context, claim: Claim) -> bool:
    """Return True when a clause opens on this figure as a whole: "Of (the) 300 passengers, …"."""
    return bool(_OPENS_WITH_OF.search(before(ctx, claim, 30)))


def leading_whole(ctx: Context, group: list[Claim]) -> Claim | None:
    """Return the count a sentence opens with as its whole: "Of (the) 27 respondents, …"."""
    first = group[0]
    return first if first.unit == "" and opens_with_of(ctx, first) else None


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
    by_id = {c.id: c for c in claims}
    for relation in ctx.of_type(kind, claims):
        roles: dict[str, list[Claim]] = {}
        for role, claim_id in relation.roles:
            roles.setdefault(role, []).append(by_id[claim_id])
        yield relation, roles


def level(claim: Claim, vocab) -> tuple[float, float]:
    """Return the interval a level allows; "higher than £100m" in a comparison is the level £100m."""
    if claim.qualifier in ("lower_bound", "upper_bound") and (claim.modifier or "").lower().endswith(" than"):
        claim = replace(claim, qualifier="exact", modifier=None, low=claim.value, high=claim.value)
    return widened(claim, vocab)


def signed(value: float) -> str:
    """Format a change with its sign: "+9.5", "−3"."""
    return ("+" if value > 0 else "−" if value < 0 else "") + fmt(abs(value))
