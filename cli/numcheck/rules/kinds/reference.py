"""reference: figures against a table of known values (CSV or YAML) with a tolerance."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.extract.when import ordinal
from numcheck.normalise.intervals import fmt_interval, overlap, widened
from numcheck.normalise.units import check_unit, convert
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, unit_label
from numcheck.rules.model import Context, Rule

DOC = (
    "Compares each selected figure with the rows of `table` (CSV with a header, or YAML with "
    "`rows:`; columns concept, subject, value or low and high, unit, as_of, source) whose "
    "concept matches and whose subject (if any) is named in the figure's sentence. The row is "
    "widened by `tolerance` (a fraction), the figure by its rounding and hedge; a figure dated "
    "in another year than the row's as_of is not compared. The finding cites the row."
)
OPTIONS = {
    "table": s.Field(s.string, required=True, doc="the reference table, relative to the rule file"),
    "tolerance": s.Field(s.number, default=0.0, doc="how far from the row still agrees, as a fraction"),
}
ROW = {
    "concept": s.Field(s.string, required=True),
    "subject": s.Field(s.string),
    "value": s.Field(s.number),
    "low": s.Field(s.number),
    "high": s.Field(s.number),
    "unit": s.Field(s.string, default=""),
    "as_of": s.Field(s.date),
    "source": s.Field(s.string),
}


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Load and check the table once, when the rule is read."""
    table = Path(path).parent / options["table"]
    where = f"{path}:{line_of('table')}: {what}: key 'table'"
    if not table.is_file():
        raise ConfigError(f"{where}: no such file {table}")
    if options["tolerance"] < 0:
        raise ConfigError(f"{path}:{line_of('tolerance')}: {what}: key 'tolerance': must not be negative")
    options["_rows"] = [_row(entry, str(table), number) for number, entry in _entries(table)]


def _entries(table: Path) -> list[tuple[int, dict]]:
    """Return (row number, raw row) pairs of a CSV or YAML table."""
    if table.suffix.lower() == ".csv":
        try:
            with table.open(encoding="utf-8-sig", newline="") as handle:
                return [(n, _typed(row)) for n, row in enumerate(csv.DictReader(handle), start=2)]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ConfigError(f"{table}: not a readable CSV table: {exc}") from None
    from numcheck.yamlfile import load_yaml

    rows = {"rows": s.Field(s.list_of(s.mapping), required=True)}
    data = s.validate(load_yaml(str(table)), rows, str(table), "table")
    return [(getattr(row, "line", n), row) for n, row in enumerate(data["rows"], start=1)]


def _typed(row: dict) -> dict:
    """Turn a CSV row's text into numbers where a number is expected, dropping empty cells."""
    typed = {}
    for key, value in row.items():
        if key is None or value is None or value.strip() == "":
            continue
        key, value = key.strip(), value.strip()
        if key in ("value", "low", "high"):
            try:
                typed[key] = float(value.replace(",", ""))
                continue
            except ValueError:
                pass
        typed[key] = value
    return typed


def _row(entry: dict, table: str, number: int) -> dict:
    """Validate one row into concept, subject, interval, unit, as_of, source and its place."""
    values = s.validate(entry, ROW, table, f"row {number}", number)
    if values["value"] is not None:
        low = high = float(values["value"])
    elif values["low"] is not None and values["high"] is not None:
        low, high = float(values["low"]), float(values["high"])
    else:
        raise ConfigError(f"{table}:{number}: row {number}: give 'value', or 'low' and 'high'")
    if values["unit"]:
        check_unit(values["unit"], f"{table}:{number}: row {number}: key 'unit'")
    as_of = s.iso_date(values["as_of"]) if values["as_of"] is not None else None
    return {
        "concept": values["concept"],
        "subject": (values["subject"] or "").lower(),
        "interval": (low, high),
        "unit": values["unit"],
        "as_of": as_of,
        "source": values["source"],
        "where": f"{Path(table).name}:{number}",
    }


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each figure its reference row cannot reconcile."""
    tolerance = rule.options["tolerance"]
    findings = []
    for claim in claims:
        sentence = claim.sentence.lower()
        for row in rule.options["_rows"]:
            if row["concept"] != claim.concept or (row["subject"] and row["subject"] not in sentence):
                continue
            if claim.when and row["as_of"] and (ordinal(claim.when) or (0,))[0] not in (0, int(row["as_of"][:4])):
                continue  # another year: not the figure the table holds
            lo, hi = widened(claim, ctx.vocab)
            mine = (convert(lo, claim.unit, row["unit"]), convert(hi, claim.unit, row["unit"]))
            if None in mine:
                text = (
                    f"{describe(claim)} is in {claim.unit or 'no unit'}, which does not convert to the "
                    f"{row['unit'] or 'plain count'} of the reference {row['where']}"
                )
                findings.append(finding(rule, [claim], text, outcome="undecidable"))
                continue
            low, high = row["interval"]
            allowed = (low - abs(low) * tolerance, high + abs(high) * tolerance)
            if overlap(mine, allowed):  # type: ignore[arg-type]
                continue
            cited = ", ".join(x for x in (row["source"], f"as of {row['as_of']}" if row["as_of"] else None) if x)
            text = (
                f"{describe(claim)} reads as {fmt_interval(mine, unit_label(row['unit']))}; "  # type: ignore[arg-type]
                f"the reference {row['where']}" + (f" ({cited})" if cited else "")
                + f" gives {fmt_interval((low, high), unit_label(row['unit']))}"
                + (f" ± {tolerance:.0%}" if tolerance else "")
            )
            findings.append(finding(rule, [claim], text))
    return findings
