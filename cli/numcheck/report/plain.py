"""The one-line-per-item formats for pipes and CI logs, and JSON."""

from __future__ import annotations

import json
from typing import TextIO

from numcheck.records import Claim, Finding, Relation
from numcheck.rules.kinds.base import show


def write_findings_lines(findings: list[Finding], out: TextIO) -> None:
    """Write `path:line:col: level rule-id message`, one finding a line."""
    for f in findings:
        message = " ".join(f.message.split())
        out.write(f"{f.source}:{f.line}:{f.column}: {f.level} {f.rule} {message}\n")


def claim_reading(claim: Claim) -> str:
    """Return how a claim was read, e.g. "≥ 10,000 troops [lower_bound]"."""
    low = claim.low if claim.low is not None else float("-inf")
    high = claim.high if claim.high is not None else float("inf")
    if claim.qualifier == "approximate":
        reading = f"~{show((claim.value, claim.value), claim.unit)}"
    else:
        reading = show((low, high), claim.unit)
    if claim.strict:
        reading = reading.replace("≥", ">").replace("≤", "<")
    return reading


def relation_line(relation: Relation, claims: dict[str, Claim]) -> str:
    """Return a relation as one readable line: type, word, its claims by role, how sure."""
    roles = " ".join(f'{role}="{claims[i].text}"' if i in claims else f"{role}={i}" for role, i in relation.roles)
    extras = [relation.confidence]
    if relation.direction:
        extras.append(relation.direction)
    if relation.factor is not None:
        extras.append(f"×{relation.factor:g}")
    if relation.exhaustive:
        extras.append("exhaustive")
    return f'{relation.id} {relation.type} "{relation.word}": {roles} [{"; ".join(extras)}]'


def under_last_claim(claims: list[Claim], relations: list[Relation]) -> dict[str, list[Relation]]:
    """Group relations by the claim they are shown under: the last of their claims in the text."""
    order = {c.id: (c.source, c.start) for c in claims}
    shown: dict[str, list[Relation]] = {}
    for relation in relations:
        ids = [i for _, i in relation.roles if i in order]
        if ids:
            shown.setdefault(max(ids, key=order.__getitem__), []).append(relation)
    return shown


def write_claims_lines(claims: list[Claim], out: TextIO, relations: list[Relation] | None = None) -> None:
    """Write one claim a line (where, text, reading, qualifier, measure, source); relations under their claims."""
    by_id = {c.id: c for c in claims}
    shown = under_last_claim(claims, relations or [])
    for c in claims:
        extras = [c.qualifier]
        if c.measure or c.concept:
            extras.append(f"measure={c.measure or ''}{'/' + c.concept if c.concept else ''}")
        if c.attribution:
            extras.append(f"source={c.attribution}")
        if c.direction:
            extras.append(f"direction={c.direction}")
        if c.quoted:
            extras.append("quoted")
        out.write(f'{c.source}:{c.line}:{c.column}: "{c.text}" = {claim_reading(c)} [{"; ".join(extras)}]\n')
        for relation in shown.get(c.id, []):
            out.write(f"  relation {relation_line(relation, by_id)}\n")


def write_jsonl(findings: list[Finding], out: TextIO) -> None:
    """Write one JSON object per finding per line."""
    for f in findings:
        out.write(json.dumps(f.to_json(), ensure_ascii=False, allow_nan=False) + "\n")


def write_json(data: dict, out: TextIO) -> None:
    """Write a JSON document with a trailing newline."""
    json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
