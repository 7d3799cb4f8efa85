"""partition: shares of one whole sum to at most 100%; the parts of a count to at most its total."""

from __future__ import annotations

from collections.abc import Callable

from numcheck import schema as s
from numcheck.normalise.intervals import fmt, widened
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.part_whole import pairs
from numcheck.rules.kinds.relations import as_percent, is_count, is_share, sentences
from numcheck.rules.model import Context, Rule

DOC = (
    'In a sentence that says its parts are exclusive (one of `cues`: "the rest", "the '
    'remaining", "undecided" …), adds the lowest readings of its shares (each widened by half '
    'a unit of its last digit) and flags a sum above 100%; with a whole ("Of the 300 …") it '
    "adds the parts' counts and flags a sum above the whole's highest reading. Sentences "
    'without a cue are not judged: categories may overlap ("60% use X, 50% use Y").'
)
OPTIONS = {
    "cues": s.Field(
        s.list_of(s.string),
        default=["the rest", "the remaining", "the remainder", "the others", "the other", "undecided",
                 "did not answer", "no opinion", "don't know", "while the rest"],
        doc="phrases that mark the parts as exclusive",
    ),
}  # fmt: skip


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Lowercase the cues once."""
    options["cues"] = [cue.lower() for cue in options["cues"]]


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each exclusive breakdown whose parts exceed the whole."""
    findings = []
    for group in sentences(claims):
        sentence = group[0].sentence.lower()
        if not any(cue in sentence for cue in rule.options["cues"]):
            continue
        shares = [c for c in group if is_share(c)]
        if len(shares) >= 2:
            lows = [as_percent(widened(c, ctx.vocab)[0], c.unit) for c in shares]
            if sum(lows) > 100:
                text = (
                    " + ".join(describe(c) for c in shares)
                    + f" are exclusive parts of one whole, yet even their lowest readings add up to {fmt(sum(lows))}%"
                )
                findings.append(finding(rule, shares, text))
        wholes: dict[str, tuple[Claim, list[Claim]]] = {}
        for part, whole in pairs(ctx, group):
            wholes.setdefault(whole.id, (whole, []))[1].append(part)
        for whole, parts in wholes.values():
            counted = [p for p in parts if is_count(p)]
            if len(counted) < 2:
                continue
            low = sum(widened(p, ctx.vocab)[0] for p in counted)
            high = widened(whole, ctx.vocab)[1]
            if low > high:
                text = (
                    " + ".join(describe(p) for p in counted)
                    + f" are exclusive parts of {describe(whole)}; they add up to at least {fmt(low)}, "
                    f"more than the whole's {fmt(high)}"
                )
                findings.append(finding(rule, [*counted, whole], text))
    return findings
