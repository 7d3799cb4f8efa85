"""Run rules over claims: select, check, keep one verdict per set of figures, and sort."""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby

from numcheck.records import LEVELS, Claim, Finding
from numcheck.rules.kinds import KINDS
from numcheck.rules.model import Context, Rule


def run(rules: list[Rule], claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return the findings of every enabled rule, most severe first within each file.

    Undecidable results are dropped unless asked for, and then only shown at info. When
    two rules judge the same figures, the more severe verdict stands alone, so a pair is
    not reported twice.
    """
    if ctx.relations is None:  # callers that skip the relate stage (rule examples, tests) get it here
        ctx = replace(ctx, relations=tuple(relations_of(claims, ctx)))
    ctx = ctx.naming(claims)
    findings: list[Finding] = []
    for rule in rules:
        if not rule.enabled:
            continue
        selected = list(claims) if rule.select.everything else [c for c in claims if rule.select.matches(c)]
        if selected:
            findings.extend(KINDS[rule.kind].check(rule, selected, ctx))
    kept: dict[tuple[str, ...], Finding] = {}
    undecided: list[Finding] = []
    for item in findings:
        if item.outcome == "undecidable":
            if ctx.show_undecidable:
                undecided.append(replace(item, level="info"))
            continue
        key = tuple(sorted(item.claims))
        held = kept.get(key)
        if held is None or LEVELS.index(item.level) > LEVELS.index(held.level):
            kept[key] = item
    decided = {tuple(sorted(f.claims)) for f in kept.values()}
    undecided = [f for f in undecided if tuple(sorted(f.claims)) not in decided]
    return sorted(set(kept.values()) | set(undecided))


def relations_of(claims: list[Claim], ctx: Context) -> list:
    """Read the relations of every text's claims (the relate stage), for callers that did not."""
    from numcheck.relate import relate

    found = []
    ordered = sorted(claims, key=lambda c: (c.source, c.start))
    for source, group in groupby(ordered, key=lambda c: c.source):
        found.extend(relate(ctx.texts.get(source, ""), list(group), ctx.vocab))
    return found
