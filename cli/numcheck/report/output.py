"""Write findings in the chosen format to standard output or a file; the summary goes to stderr."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO


def write_report(chosen: str, run, counts: dict, line: str, output: str | None, fail_on: str = "error") -> None:
    """Write the findings in the chosen format to stdout or a file; the summary goes to stderr.

    Reports are streamed to their target, never held whole in memory; a file is written
    to a temporary name and renamed into place, so a reader never sees half a report.
    """
    if output is None:
        _write(chosen, run, counts, line, sys.stdout, fail_on)
        sys.stdout.flush()
    else:
        from numcheck.atomic import atomic_open

        with atomic_open(output, "the report") as handle:
            _write(chosen, run, counts, line, handle, fail_on)
    if output is not None or chosen not in ("table", "markdown", "json"):
        print(line, file=sys.stderr)  # stdout stays machine-readable


def _write(chosen: str, run, counts: dict, line: str, out: TextIO, fail_on: str) -> None:
    """Write one format to an open text handle."""
    if chosen == "json":
        from numcheck.report.plain import write_claims_json

        write_claims_json(run.claims, out, run.findings, counts)
    elif chosen == "jsonl":
        from numcheck.report.plain import write_jsonl

        write_jsonl(run.findings, out)
    elif chosen == "sarif":
        from numcheck.report.plain import write_json
        from numcheck.report.sarif import sarif

        write_json(sarif(run.findings, run.rule_names), out)
    elif chosen == "github":
        from numcheck.report.github import write_github
        from numcheck.report.markdown import markdown_report

        write_github(run.findings, out)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:  # GitHub shows only 10 annotations of a kind per step: the summary lists all
            with contextlib.suppress(OSError), open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(markdown_report(run.findings, line, run.claims) + "\n")
    elif chosen == "junit":
        from numcheck.report.junit import write_junit

        write_junit(run.findings, list(run.texts), out, fail_on)
    elif chosen == "markdown":
        from numcheck.report.markdown import markdown_report

        out.write(markdown_report(run.findings, line, run.claims) + "\n")
    elif chosen == "html":
        from numcheck.report.html import write_html

        write_html(run.findings, run.claims, run.texts, line, out, run.paths, run.encoding)
    elif chosen == "table":
        from numcheck.report.table import write_findings_table

        write_findings_table(run.findings, line, out, run.claims)
    else:
        from numcheck.report.plain import write_findings_lines

        write_findings_lines(run.findings, out)
