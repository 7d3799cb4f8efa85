"""JUnit XML for GitLab and other CI test reports: one test case per file.

Findings at or above the fail level (--fail-on) are failures; the others are listed in the
case's system-out, so the test report agrees with the exit code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from numcheck.records import LEVELS, Finding
from numcheck.report.locations import repo_path
from numcheck.safe import escape_controls


def _failing(item: Finding, fail_on: str) -> bool:
    """Return True when a finding fails the run at this fail level."""
    return fail_on != "never" and item.severity >= LEVELS.index(fail_on)


def write_junit(findings: list[Finding], files: list[str], out: TextIO, fail_on: str = "error") -> None:
    """Write a test suite in which every checked file is a test case."""
    by_file: dict[str, list[Finding]] = {repo_path(name): [] for name in files}
    for f in findings:
        by_file.setdefault(repo_path(f.source), []).append(f)
    failing = sum(1 for items in by_file.values() if any(_failing(f, fail_on) for f in items))
    suites = ET.Element("testsuites", name="numcheck", tests=str(len(by_file)), failures=str(failing))
    suite = ET.SubElement(suites, "testsuite", name="numcheck", tests=str(len(by_file)), failures=str(failing))
    for name, items in sorted(by_file.items()):
        shown = escape_controls(name)  # XML 1.0 cannot hold ESC or a vertical tab at all
        case = ET.SubElement(suite, "testcase", classname="numcheck", name=shown, file=shown)
        others = []
        for f in items:
            text = escape_controls(f"{name}:{f.line}:{f.column}: {f.level} {f.rule} {f.message}")
            if _failing(f, fail_on):
                failure = ET.SubElement(case, "failure", type=f.rule, message=f"{f.level} {f.rule} at line {f.line}")
                failure.text = text
            else:
                others.append(text)
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(others)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
