"""Tables of Markdown and HTML texts: every cell with its offsets and its row and column headers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_MARKUP = re.compile(r"[*_`]+|<[^<>]{0,200}>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """One table cell: where its content lies in the file, its place, and the headers it sits under."""

    start: int
    end: int
    row: int  # 0 is the header row
    column: int
    text: str
    row_header: str  # the text of the row's first cell
    column_header: str  # the text of the column's header cell


@dataclass(frozen=True)
class Table:
    """A table's cells, row by row."""

    cells: tuple[Cell, ...]
    rows: int
    columns: int

    @cached_property
    def _places(self) -> dict[tuple[int, int], Cell]:
        """Index the cells by (row, column) once."""
        return {(c.row, c.column): c for c in self.cells}

    def cell(self, row: int, column: int) -> Cell | None:
        """Return the cell at a row and column, if the table has one."""
        return self._places.get((row, column))


def clean(text: str) -> str:
    """Return a cell's words without emphasis or tags, lowercased, spaces collapsed."""
    return _SPACE.sub(" ", _MARKUP.sub(" ", text)).strip().lower()


def tables(text: str, kind: str) -> list[Table]:
    """Return the tables of a Markdown or HTML text (none for plain text)."""
    if kind == "markdown":
        return _markdown_tables(text) + _html_tables(text)  # Markdown may hold HTML tables
    if kind == "html":
        return _html_tables(text)
    return []


def _build(rows: list[list[tuple[int, int]]], text: str) -> Table | None:
    """Make a table from rows of cell spans; the first row holds the column headers."""
    if len(rows) < 2:
        return None
    headers = [clean(text[s:e]) for s, e in rows[0]]
    cells = []
    for r, row in enumerate(rows):
        row_header = clean(text[row[0][0] : row[0][1]]) if row else ""
        for c, (s, e) in enumerate(row):
            column_header = headers[c] if c < len(headers) else ""
            cells.append(Cell(s, e, r, c, text[s:e], row_header, column_header))
    return Table(tuple(cells), len(rows), max(len(r) for r in rows))


def _split_row(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of a Markdown table row's cells (pipes escaped with a backslash stay)."""
    line = text[start:end]
    bars = [i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\")]
    if not bars:
        return []
    edges = bars[:]
    if line[: bars[0]].strip():
        edges.insert(0, -1)  # a row without a leading pipe
    if line[bars[-1] + 1 :].strip():
        edges.append(len(line))
    return [(start + a + 1, start + b) for a, b in pairwise(edges)]


def _markdown_tables(text: str) -> list[Table]:
    """Find pipe tables: a header row, a delimiter row, then rows with pipes."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    found = []
    i = 0
    while i + 1 < len(lines):
        s, e = lines[i]
        ds, de = lines[i + 1]
        if "|" in text[s:e] and _DELIMITER.match(text[ds:de]) and "-" in text[ds:de]:
            rows = [_split_row(text, s, e)]
            j = i + 2
            while j < len(lines) and "|" in text[lines[j][0] : lines[j][1]]:
                rows.append(_split_row(text, *lines[j]))
                j += 1
            table = _build(rows, text)
            if table is not None:
                found.append(table)
            i = j
        else:
            i += 1
    return found


def _html_tables(text: str) -> list[Table]:
    """Find <table> elements and their <tr>, <th> and <td> cells with str.find, so the scan stays linear."""
    lower = text.lower()
    found = []
    pos = lower.find("<table")
    while pos != -1:
        end = lower.find("</table", pos)
        end = len(text) if end == -1 else end
        rows: list[list[tuple[int, int]]] = []
        row_at = lower.find("<tr", pos, end)
        while row_at != -1:
            row_end = lower.find("<tr", row_at + 3, end)
            limit = end if row_end == -1 else row_end
            cells = []
            at = _next_cell(lower, row_at, limit)
            while at != -1:
                open_end = lower.find(">", at, limit)
                if open_end == -1:
                    break
                nxt = _next_cell(lower, open_end, limit)
                close = lower.find("</t", open_end, limit if nxt == -1 else nxt)
                stop = close if close != -1 else (limit if nxt == -1 else nxt)
                cells.append((open_end + 1, stop))
                at = nxt
            if cells:
                rows.append(cells)
            row_at = row_end
        table = _build(rows, text)
        if table is not None:
            found.append(table)
        pos = lower.find("<table", end + 1)
    return found


def _next_cell(lower: str, start: int, limit: int) -> int:
    """Return where the next <td or <th opens before limit, or -1."""
    candidates = [i for i in (lower.find("<td", start, limit), lower.find("<th", start, limit)) if i != -1]
    return min(candidates) if candidates else -1
