"""SARIF 2.1.0 for GitHub code scanning and other static-analysis viewers."""

from __future__ import annotations

from numcheck import __version__
from numcheck.records import Finding
from numcheck.report.locations import repo_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def file_uri(source: str) -> str:
    """Return a finding's file as a relative URI reference: "my draft.md" → "my%20draft.md"."""
    from urllib.parse import quote

    return quote(repo_path(source), safe="/")


def sarif(findings: list[Finding], rules: dict[str, tuple[str, str]]) -> dict:
    """Return a SARIF log: one run, the rules that fired or were loaded, one result per finding."""
    names = sorted(set(rules) | {f.rule for f in findings})
    index = {name: i for i, name in enumerate(names)}
    descriptors = []
    for name in names:
        kind, description = rules.get(name, ("suppression", "A suppression comment that silenced nothing."))
        descriptors.append(
            {
                "id": name,
                "name": "".join(part.capitalize() for part in name.split("-")),
                "shortDescription": {"text": description},
                "fullDescription": {"text": f"{description} (rule kind: {kind})"},
                "help": {
                    "text": f"{description} See docs/rules.md, kind '{kind}', or run `numcheck rules show {name}`.",
                    "markdown": f"{description}\n\nRun `numcheck rules show {name}`; kind `{kind}` in docs/rules.md.",
                },
                "properties": {"kind": kind},
            }
        )
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column}
        if f.end_line:
            region.update({"endLine": f.end_line, "endColumn": max(f.end_column, 1)})
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.level],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": file_uri(f.source), "uriBaseId": "%SRCROOT%"},
                            "region": region,
                        }
                    }
                ],
                "partialFingerprints": {"numcheckFinding/v1": f.fingerprint},
                "properties": {"outcome": f.outcome, "claims": list(f.claims)},
            }
        )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "numcheck",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
