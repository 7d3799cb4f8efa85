"""corroboration: how many independent sources agree on a figure (reported at info)."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.normalise.intervals import fmt_interval
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.agreement import best_point, named, quantities
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    "For each quantity of a story (files in one folder), finds the value most sources' "
    "intervals share and reports the sources that agree on it when there are at least "
    "`min_sources`. Sources are outlets or files together with the in-text attribution."
)
OPTIONS = {
    "min_sources": s.Field(s.number, default=2, doc="how many agreeing sources make a report"),
}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return one finding per quantity that enough sources agree on."""
    findings = []
    for (_, key), readings in sorted(quantities(claims, ctx).items()):
        _, agreeing = best_point(readings)
        if len(agreeing) < rule.options["min_sources"]:
            continue
        low = max(r[1][0] for r in agreeing)
        high = min(r[1][1] for r in agreeing)
        sources = named(agreeing, describe)
        text = f"{len(agreeing)} independent sources agree on {key} at {fmt_interval((low, high))}: {sources}"
        findings.append(finding(rule, [r[0] for r in agreeing], text))
    return findings
