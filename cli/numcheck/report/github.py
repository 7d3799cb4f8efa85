"""GitHub Actions workflow commands (annotations) and the step summary."""

from __future__ import annotations

from typing import TextIO

from numcheck.records import LEVELS, Finding
from numcheck.report.locations import repo_path
from numcheck.safe import escape_controls

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message as the runner expects (%, CR and LF), and show other control characters."""
    return escape_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a property value: as data, and also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(findings: list[Finding], out: TextIO) -> None:
    """Write one workflow command per finding, errors first."""
    ordered = sorted(findings, key=lambda f: (-LEVELS.index(f.level), f.source, f.line, f.column))
    for f in ordered:
        props = [
            f"file={escape_property(repo_path(f.source))}",
            f"line={f.line}",
            f"col={f.column}",
        ]
        if f.end_line:
            props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={escape_property(f'numcheck {f.rule}')}")
        out.write(f"::{COMMANDS[f.level]} {','.join(props)}::{escape_data(f.message)}\n")
