"""JUnit XML for GitLab and other CI test reports: one test case per file, a failure per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from numcheck.records import Finding
from numcheck.report.locations import repo_path


def write_junit(findings: list[Finding], files: list[str], out: TextIO) -> None:
    """Write a test suite in which every checked file is a test case."""
    by_file: dict[str, list[Finding]] = {repo_path(name): [] for name in files}
    for f in findings:
        by_file.setdefault(repo_path(f.source), []).append(f)
    failing = sum(1 for items in by_file.values() if items)
    suites = ET.Element("testsuites", name="numcheck", tests=str(len(by_file)), failures=str(failing))
    suite = ET.SubElement(suites, "testsuite", name="numcheck", tests=str(len(by_file)), failures=str(failing))
    for name, items in sorted(by_file.items()):
        case = ET.SubElement(suite, "testcase", classname="numcheck", name=name, file=name)
        for f in items:
            failure = ET.SubElement(case, "failure", type=f.rule, message=f"{f.level} {f.rule} at line {f.line}")
            failure.text = f"{name}:{f.line}:{f.column}: {f.level} {f.rule} {f.message}"
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
