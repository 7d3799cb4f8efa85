"""A Markdown report, for a pull-request comment or the GitHub step summary."""

from __future__ import annotations

import re

from numcheck.records import LEVELS, Claim, Finding
from numcheck.report.locations import repo_path

ICONS = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}

_SPECIAL = re.compile(r"([\\`*_\[\]()#!|~$])")  # Markdown's ASCII punctuation: shown, never obeyed
WORD_JOINER = "\u2060"  # invisible: "@\u2060name" shows as @name but mentions nobody


def escape(text: str) -> str:
    """Return text that GitHub Markdown shows as written: no HTML, image, link, emphasis, mention or new line."""
    from numcheck.report.table import visible

    text = " ".join(visible(text.replace("\n", " ").replace("\r", " ")).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("@", "@" + WORD_JOINER)


def _cell(text: str) -> str:
    """Make text safe inside a table cell."""
    return escape(text)


def markdown_report(findings: list[Finding], summary: str, claims: list[Claim] | None = None) -> str:
    """Return the report: a summary line, then per file a table with, per finding, its headline and figures."""
    from numcheck.report.plot import marker_letters
    from numcheck.report.table import figure_line, where

    by_id = {c.id: c for c in claims or ()}
    lines = ["## numcheck", "", summary, ""]  # our own words: nothing to escape
    for source in sorted({f.source for f in findings}):
        lines += [f"### {escape(repo_path(source))}", "", "| where | level | finding |", "|---:|---|---|"]
        items = sorted((f for f in findings if f.source == source), key=lambda f: (-LEVELS.index(f.level), f.line))
        for f in items:
            undecided = " (undecidable)" if f.outcome == "undecidable" else ""
            head = f"**{_cell(f.headline or f.message)}** `{f.rule}`{undecided}"
            lines.append(f"| {f.line}:{f.column} | {ICONS[f.level]} | {head} |")
            letters = marker_letters(f)
            known = [by_id[i] for i in f.claims if i in by_id]
            for claim in known:
                figure = f"{letters[claim.id]}\\. {_cell(figure_line(claim))}"
                lines.append(f"| {_cell(where(claim, source))} | | {figure} |")
            reason = (f.reason if known else f.message) if f.headline else ""  # else the headline said it
            if reason:
                lines.append(f"| | | ⇒ {_cell(reason)} |")
        lines.append("")
    return "\n".join(lines)
