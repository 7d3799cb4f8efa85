"""needs-attribution: a figure of the selected concepts that no source stands behind."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.model import Context, Rule

DOC = (
    'Flags each selected figure with no attribution in its clause ("according to …", '
    '"… said") and outside quotation marks. Meant for drafts; the pack keeps it off.'
)
OPTIONS: dict[str, s.Field] = {}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each unattributed figure."""
    return [
        finding(rule, [claim], f"{describe(claim)} says nothing of where the figure comes from")
        for claim in claims
        if claim.attribution is None and not claim.quoted
    ]
