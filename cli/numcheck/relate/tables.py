"""Tables are data: a Total row or column is a partition of its parts; a column of shares one of 100%."""

from __future__ import annotations

import re
from bisect import bisect_right

from numcheck.read.tables import Cell, Table, tables
from numcheck.records import Claim
from numcheck.relate.text import Text

_TOTAL = re.compile(r"^(?:total|totals|all|overall|sum|grand total)\b")
_SHARE_HEADER = re.compile(r"\bshare\b|%\s*of\b|\bper\s*cent\s+of\b|\bpercent\s+of\b")
_OTHERS = re.compile(r"^(?:others?|other parties|the rest|rest|remainder|remaining)\b")


def relate_tables(text: Text, raw: str, kind: str) -> None:
    """Add the partitions each table of the document states."""
    for table in tables(raw, kind):
        at = _claims_by_cell(text, table)
        if not at:
            continue
        _total_rows(text, table, at)
        _total_columns(text, table, at)
        _share_columns(text, table, at)


def _claims_by_cell(text: Text, table: Table) -> dict[tuple[int, int], Claim]:
    """Map each cell holding exactly one figure to that figure."""
    found: dict[tuple[int, int], list[Claim]] = {}
    cells = sorted(table.cells, key=lambda c: c.start)
    starts = [c.start for c in cells]
    for claim in text.within(cells[0].start, cells[-1].end):
        at = bisect_right(starts, claim.start) - 1  # the last cell that opens before the figure
        if at >= 0 and claim.end <= cells[at].end:
            found.setdefault((cells[at].row, cells[at].column), []).append(claim)
    return {place: claims[0] for place, claims in found.items() if len(claims) == 1}


def _row_kind(cell: Cell | None) -> str:
    """Return "total", "others" or "" for a row by its first cell."""
    header = cell.row_header if cell else ""
    return "total" if _TOTAL.match(header) else "others" if _OTHERS.match(header) else ""


def _add(text: Text, whole: Claim | None, parts: list[Claim], word: str, exhaustive: bool) -> None:
    """Record one table partition when its figures share a unit."""
    units = {p.unit for p in parts} | ({whole.unit} if whole else set())
    if len(parts) >= 2 and len(units) == 1:
        roles = ([("whole", whole)] if whole else []) + [("part", p) for p in parts]
        text.add("partition", roles, word=word, exhaustive=exhaustive, tabular=True)


def _total_rows(text: Text, table: Table, at: dict) -> None:
    """A Total row: each column's body cells add up to the Total cell."""
    totals = [r for r in range(1, table.rows) if _row_kind(table.cell(r, 0)) == "total"]
    if len(totals) != 1:
        return
    total = totals[0]
    body = [r for r in range(1, table.rows) if r != total]
    for column in range(1, table.columns):
        whole = at.get((total, column))
        parts = [at.get((r, column)) for r in body]
        if whole is None or any(p is None for p in parts):
            continue  # a blank or a cell with two figures: the column is not a plain breakdown
        header = table.cell(0, column)
        name = header.column_header if header else ""
        if whole.unit == "percent" and whole.value == 100:
            _add(text, None, parts, f"the Total row of column '{name}'", exhaustive=True)  # type: ignore[arg-type]
        else:
            _add(text, whole, parts, f"the Total row of column '{name}'", exhaustive=True)  # type: ignore[arg-type]


def _total_columns(text: Text, table: Table, at: dict) -> None:
    """A Total column: each row's other figures add up to its Total cell."""
    totals = [
        c
        for c in range(1, table.columns)
        if _TOTAL.match((table.cell(0, c) or Cell(0, 0, 0, 0, "", "", "")).column_header)
    ]
    if len(totals) != 1:
        return
    total = totals[0]
    for row in range(1, table.rows):
        whole = at.get((row, total))
        parts = [at.get((row, c)) for c in range(1, table.columns) if c != total]
        if whole is None or any(p is None for p in parts) or whole.unit == "percent":
            continue
        name = table.cell(row, 0).row_header if table.cell(row, 0) else ""  # type: ignore[union-attr]
        _add(text, whole, parts, f"the Total column of row '{name}'", exhaustive=True)  # type: ignore[arg-type]


def _share_columns(text: Text, table: Table, at: dict) -> None:
    """A column headed as a share ("Share", "% of votes"): its body cells are parts of 100%."""
    if any(_row_kind(table.cell(r, 0)) == "total" for r in range(1, table.rows)):
        return  # the Total row already says what the column adds up to
    for column in range(1, table.columns):
        header = table.cell(0, column)
        if header is None or not _SHARE_HEADER.search(header.column_header):
            continue
        parts = [at.get((r, column)) for r in range(1, table.rows)]
        if any(p is None or p.unit != "percent" or p.direction for p in parts):
            continue
        others = any(_row_kind(table.cell(r, 0)) == "others" for r in range(1, table.rows))
        _add(text, None, parts, f"the share column '{header.column_header}'", exhaustive=others)  # type: ignore[arg-type]
