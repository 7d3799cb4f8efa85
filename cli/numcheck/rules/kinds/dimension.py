"""dimension: the unit fits the measure (a death toll has no unit; a wage is money per time)."""

from __future__ import annotations

from numcheck import schema as s
from numcheck.extract.context import lexical_dimension
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding
from numcheck.rules.kinds.relations import before
from numcheck.rules.model import Context, Rule

DOC = (
    'Flags a selected figure whose unit\'s dimension, by word ("" for counts, "[currency]", '
    '"[currency] / [time]", "[time]" …), is not among `allowed`. Shares (percent, fraction) '
    "and multiples are allowed for counts unless `shares` is false. With `lead`, only figures "
    "written right after one of its words are judged."
)
OPTIONS = {
    "allowed": s.Field(s.list_of(s.text), required=True, doc='dimensions by word; "" is a plain count'),
    "shares": s.Field(s.boolean, default=True, doc="also allow percent, fraction and times"),
    "lead": s.Field(
        s.list_of(s.string),
        default=[],
        doc='judge only figures right after one of these words ("a wage of", "earns")',
    ),
}


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each figure in a unit its measure cannot have."""
    allowed = set(rule.options["allowed"])
    leads = tuple(f"{w.lower()} " for w in rule.options["lead"])
    findings = []
    for claim in claims:
        if leads and not before(ctx, claim, 40).endswith(leads):
            continue
        if rule.options["shares"] and claim.unit in ("percent", "fraction", "times", "percentage_point"):
            continue
        dimension = lexical_dimension(claim.unit, ctx.vocab)
        if dimension not in allowed:
            shown = dimension or "a plain count"
            expected = ", ".join(repr(d) if d else "a plain count" for d in sorted(allowed))
            text = f"{describe(claim)} is in {claim.unit or 'no unit'} ({shown}); expected {expected}"
            findings.append(finding(rule, [claim], text))
    return findings
