"""A Markdown report, for a pull-request comment or the GitHub step summary."""

from __future__ import annotations

from numcheck.records import LEVELS, Finding
from numcheck.report.locations import repo_path

ICONS = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def _cell(text: str) -> str:
    """Make text safe inside a table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def markdown_report(findings: list[Finding], summary: str) -> str:
    """Return the report: a summary line, then a table of findings per file, errors first."""
    lines = ["## numcheck", "", summary, ""]
    for source in sorted({f.source for f in findings}):
        lines += [f"### `{repo_path(source)}`", "", "| line | level | rule | finding |", "|---:|---|---|---|"]
        items = sorted((f for f in findings if f.source == source), key=lambda f: (-LEVELS.index(f.level), f.line))
        for f in items:
            lines.append(f"| {f.line} | {ICONS[f.level]} | `{f.rule}` | {_cell(f.message)} |")
        lines.append("")
    return "\n".join(lines)
