"""Tables for a terminal, with rich: findings grouped by file, long messages folded."""

from __future__ import annotations

from typing import TextIO

from numcheck.records import Claim, Finding, Relation
from numcheck.report.plain import claim_reading, relation_line, under_last_claim

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _console(out: TextIO):
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=False)


def write_findings_table(findings: list[Finding], summary: str, out: TextIO) -> None:
    """Print one table per file, then the summary line."""
    from rich.table import Table

    console = _console(out)
    sources = sorted({f.source for f in findings})
    for source in sources:
        table = Table(title=source, title_justify="left", show_lines=True, expand=True)
        table.add_column("line:col", no_wrap=True)
        table.add_column("level", no_wrap=True)
        table.add_column("rule", overflow="fold")
        table.add_column("finding", overflow="fold", ratio=1)
        for f in (f for f in findings if f.source == source):
            table.add_row(f"{f.line}:{f.column}", f"[{STYLES[f.level]}]{f.level}[/]", f.rule, f.message)
        console.print(table)
    console.print(summary)


def write_claims_table(claims: list[Claim], out: TextIO, relations: list[Relation] | None = None) -> None:
    """Print the claims of each file as a table, each relation in a row under its claims."""
    from rich.table import Table

    console = _console(out)
    by_id = {c.id: c for c in claims}
    shown = under_last_claim(claims, relations or [])
    for source in dict.fromkeys(c.source for c in claims):
        table = Table(title=source, title_justify="left", expand=True)
        for name in ("line:col", "text", "reading", "qualifier", "measure / concept", "source"):
            table.add_column(name, overflow="fold")
        for c in (c for c in claims if c.source == source):
            measure = " / ".join(x for x in (c.measure, c.concept) if x)
            table.add_row(f"{c.line}:{c.column}", c.text, claim_reading(c), c.qualifier, measure, c.attribution or "")
            for relation in shown.get(c.id, []):
                table.add_row("", f"[dim]↳ relation {relation_line(relation, by_id)}[/]", "", "", "", "")
        console.print(table)
