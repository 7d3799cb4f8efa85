"""The one-line-per-item formats for pipes and CI logs, and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from functools import cache
from typing import TextIO

from numcheck.records import Claim, Finding, Relation, intervals_json
from numcheck.rules.kinds.base import show
from numcheck.safe import escape_controls

# 2: a claim's `sentence` is an index into the document's `sentences` table (version 1 repeated the text).
JSON_VERSION = 2


def write_findings_lines(findings: list[Finding], out: TextIO) -> None:
    """Write `path:line:col: level rule-id message`, one finding a line."""
    for f in findings:
        message = " ".join(f.message.split())
        # One finding, one line: a newline or ESC in a path or a message is shown, never acted on.
        out.write(escape_controls(f"{f.source}:{f.line}:{f.column}: {f.level} {f.rule} {message}") + "\n")


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
        for name in ("counted", "predicate", "scope", "part_of"):  # the claim's frame
            if getattr(c, name):
                extras.append(f"{name}={getattr(c, name)}")
        line = f'{c.source}:{c.line}:{c.column}: "{c.text}" = {claim_reading(c)} [{"; ".join(extras)}]'
        out.write(escape_controls(line) + "\n")
        for relation in shown.get(c.id, []):
            out.write(escape_controls(f"  relation {relation_line(relation, by_id)}") + "\n")


def record(item: Claim | Finding) -> dict:
    """Return a record as a plain dict in field order (a comprehension: asdict copies deeply and is slow)."""
    if isinstance(item, Claim):
        return item.to_json()
    data = {name: getattr(item, name) for name in _fields(type(item))}
    if isinstance(item, Finding):
        data["claims"] = list(item.claims)
        data["intervals"] = intervals_json(item.intervals)
    return data


@cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode  # no indent: the C encoder
BATCH = 256  # records joined per write() call


def _array(out: TextIO, items: Iterable[dict], indent: str) -> None:
    """Write a JSON array, one compact record a line, encoded one record at a time."""
    batch: list[str] = []
    first = True
    for item in items:
        batch.append(("[\n" if first else ",\n") + indent + _ENCODE(item))
        first = False
        if len(batch) >= BATCH:
            out.write("".join(batch))
            batch.clear()
    out.write("".join(batch) + ("[]" if first else "\n" + indent[:-2] + "]"))


def _claim_records(claims: list[Claim], sentences: dict[str, int]) -> Iterator[dict]:
    """Yield claims as dicts whose `sentence` is an index into the sentence table."""
    for claim in claims:
        data = record(claim)
        data["sentence"] = sentences[claim.sentence]
        yield data


def write_claims_json(
    claims: list[Claim],
    out: TextIO,
    findings: list[Finding] | None = None,
    summary=None,
    relations: list[Relation] | None = None,
) -> None:
    """Stream `{"version", "sentences", "claims"[, "relations", "findings", "summary"]}`: each sentence stated once."""
    sentences: dict[str, int] = {}
    for claim in claims:  # claims of one sentence share one string: hashed once
        sentences.setdefault(claim.sentence, len(sentences))
    out.write(f'{{\n  "version": {JSON_VERSION},\n  "sentences": ')
    _array(out, iter(sentences), "    ")
    out.write(',\n  "claims": ')
    _array(out, _claim_records(claims, sentences), "    ")
    if relations is not None:  # how the claims relate (the relate stage)
        out.write(',\n  "relations": ')
        _array(out, (r.to_json() for r in relations), "    ")
    if findings is not None:
        out.write(',\n  "findings": ')
        _array(out, (record(f) for f in findings), "    ")
    if summary is not None:
        out.write(',\n  "summary": ' + _ENCODE(summary))
    out.write("\n}\n")


def write_jsonl(findings: list[Finding], out: TextIO) -> None:
    """Write one JSON object per finding per line."""
    for start in range(0, len(findings), BATCH):
        out.write("".join(_ENCODE(record(f)) + "\n" for f in findings[start : start + BATCH]))


def write_json(data: dict, out: TextIO) -> None:
    """Write a small JSON document (SARIF), indented, with a trailing newline."""
    json.dump(data, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
