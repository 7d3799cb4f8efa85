"""Run rules over claims: select, check, and sort the findings."""

from __future__ import annotations

from numcheck.records import Claim, Finding
from numcheck.rules.kinds import KINDS
from numcheck.rules.model import Rule
from numcheck.vocab import Vocabulary


def run(rules: list[Rule], claims: list[Claim], vocab: Vocabulary) -> list[Finding]:
    """Return the findings of every enabled rule, most severe first within each file."""
    findings: list[Finding] = []
    for rule in rules:
        if not rule.enabled:
            continue
        selected = [c for c in claims if rule.select.matches(c)]
        if selected:
            findings.extend(KINDS[rule.kind].check(rule, selected, vocab))
    return sorted(set(findings))
