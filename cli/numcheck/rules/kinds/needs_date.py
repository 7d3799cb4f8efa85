"""needs-date: a figure of the selected concepts with no time it holds for."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    'Flags each selected figure whose sentence gives no time anchor ("as of March", "by June '
    '2024", "in September", "on Monday"). Running totals and stocks change; a reader needs '
    "to know when. Meant for drafts; the pack keeps it off."
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each figure without a time anchor."""
    return [
        finding(rule, [claim], f"{describe(claim)} does not say when it holds")
        for claim in claims
        if claim.when is None
    ]
