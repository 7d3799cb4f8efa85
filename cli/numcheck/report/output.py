"""Write findings in the chosen format to standard output or a file; the summary goes to stderr."""

from __future__ import annotations

import contextlib
import io
import os
import sys


def write_report(chosen: str, run, counts: dict, line: str, output: str | None, fail_on: str = "error") -> None:
    """Write the findings in the chosen format to stdout or a file; the summary goes to stderr."""
    buffer = io.StringIO()
    if chosen == "json":
        from numcheck.report.plain import write_json

        findings = [f.to_json() for f in run.findings]
        claims = [c.to_json() for c in run.claims]
        write_json({"version": 1, "claims": claims, "findings": findings, "summary": counts}, buffer)
    elif chosen == "jsonl":
        from numcheck.report.plain import write_jsonl

        write_jsonl(run.findings, buffer)
    elif chosen == "sarif":
        from numcheck.report.plain import write_json
        from numcheck.report.sarif import sarif

        write_json(sarif(run.findings, run.rule_names), buffer)
    elif chosen == "github":
        from numcheck.report.github import write_github
        from numcheck.report.markdown import markdown_report

        write_github(run.findings, buffer)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:  # GitHub shows only 10 annotations of a kind per step: the summary lists all
            with contextlib.suppress(OSError), open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(markdown_report(run.findings, line, run.claims) + "\n")
    elif chosen == "junit":
        from numcheck.report.junit import write_junit

        write_junit(run.findings, list(run.texts), buffer, fail_on)
    elif chosen == "markdown":
        from numcheck.report.markdown import markdown_report

        buffer.write(markdown_report(run.findings, line, run.claims) + "\n")
    elif chosen == "html":
        from numcheck.report.html import write_html

        write_html(run.findings, run.claims, run.texts, line, buffer, run.paths)
    elif chosen == "table":
        from numcheck.report.table import write_findings_table

        target = sys.stdout if output is None else buffer
        write_findings_table(run.findings, line, target, run.claims)
    else:
        from numcheck.report.plain import write_findings_lines

        write_findings_lines(run.findings, buffer)
    text = buffer.getvalue()
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            from numcheck.errors import ConfigError

            raise ConfigError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    if output is not None or chosen not in ("table", "markdown", "json"):
        print(line, file=sys.stderr)  # stdout stays machine-readable
