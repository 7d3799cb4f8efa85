"""stale: "by the end of 2025" or "as of" dates that lie in the past of the text's own date."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from numcheck import schema as s
from numcheck.extract.when import ordinal
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    "Judges time anchors against the text's date (front matter `date:`, the --sources "
    'manifest, or --date). A deadline or forecast ("by", "by the end of", "until") in a '
    "sentence that still speaks of the future (`future_words`) whose date has passed is "
    'flagged; so is an "as of" date older than `max_age_days`. Without a text date the '
    "check is undecidable."
)
OPTIONS = {
    "max_age_days": s.Field(s.number, default=365, doc='how old an "as of" figure may be'),
    "future_words": s.Field(
        s.list_of(s.string),
        default=["will", "would", "intends", "intend", "plans", "plan", "expected", "expects", "aims",
                 "aim", "forecast", "projected", "set to", "going to", "target"],
        doc="words that mark a sentence as still speaking of the future",
    ),
}  # fmt: skip
_DEADLINES = ("by", "by the end of", "until", "till", "by the start of", "before")
_SNAPSHOTS = ("as of", "as at")


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Lowercase the words once."""
    options["future_words"] = [w.lower() for w in options["future_words"]]


def _end_of(when: str) -> datetime.date | None:
    """Return the last day an anchor covers: "2025" → 2025-12-31, "2025-06" → 2025-06-30."""
    parts = ordinal(when)
    if parts is None:
        return None
    year, month, day = parts
    if day:
        return datetime.date(year, month, day)
    if month:
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(year, 12, 31)


def _day(text: str) -> datetime.date | None:
    """Parse a text date."""
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each deadline passed or snapshot too old at the text's date."""
    findings = []
    for claim in claims:
        if claim.when is None or claim.when_cue not in _DEADLINES + _SNAPSHOTS:
            continue
        end = _end_of(claim.when)
        if end is None:
            continue
        dated = ctx.date_of(claim.source)
        today = _day(dated) if dated else None
        if today is None:
            text = f"{describe(claim)} is dated {claim.when_cue} {claim.when}, but the text has no date to judge it by"
            findings.append(finding(rule, [claim], text, outcome="undecidable"))
            continue
        sentence = f" {claim.sentence.lower()} "
        future = any(f" {w} " in sentence for w in rule.options["future_words"])
        if claim.when_cue in _DEADLINES and future and end < today:
            text = (
                f"{describe(claim)} looks ahead to {claim.when_cue} {claim.when}, "
                f"which had passed by the text's date {today.isoformat()}"
            )
            findings.append(finding(rule, [claim], text))
        elif claim.when_cue in _SNAPSHOTS and (today - end).days > rule.options["max_age_days"]:
            text = (
                f"{describe(claim)} is as of {claim.when}, {(today - end).days} days before the text's date "
                f"{today.isoformat()}"
            )
            findings.append(finding(rule, [claim], text))
    return findings
