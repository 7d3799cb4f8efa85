"""The one-line-per-item formats for pipes and CI logs, and JSON."""

from __future__ import annotations

import json
from typing import TextIO

from numcheck.records import Claim, Finding
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


def write_claims_lines(claims: list[Claim], out: TextIO) -> None:
    """Write one claim a line: where, text, reading, qualifier, measure, attribution."""
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
        for name in ("counted", "predicate", "scope", "part_of"):  # the claim's frame
            if getattr(c, name):
                extras.append(f"{name}={getattr(c, name)}")
        out.write(f'{c.source}:{c.line}:{c.column}: "{c.text}" = {claim_reading(c)} [{"; ".join(extras)}]\n')


def write_jsonl(findings: list[Finding], out: TextIO) -> None:
    """Write one JSON object per finding per line."""
    for f in findings:
        out.write(json.dumps(f.to_json(), ensure_ascii=False, allow_nan=False) + "\n")


def write_json(data: dict, out: TextIO) -> None:
    """Write a JSON document with a trailing newline."""
    json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
