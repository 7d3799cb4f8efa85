"""Stage 5 of the pipeline: formatters for claims and findings, and the exit policy."""

from __future__ import annotations

from numcheck.records import LEVELS, Finding


def exit_code(findings: list[Finding], fail_on: str) -> int:
    """Return 1 when a finding is at or above the fail level, else 0."""
    if fail_on == "never":
        return 0
    return int(any(f.severity >= LEVELS.index(fail_on) for f in findings))


def summary(findings: list[Finding], files: int, claims: int) -> dict:
    """Count findings by level."""
    counts = {level: sum(f.level == level for f in findings) for level in reversed(LEVELS)}
    return {"files": files, "claims": claims, "findings": len(findings), **counts}


def summary_line(data: dict) -> str:
    """Return "2 errors, 3 warnings, 1 info in 4 files (57 claims)"."""
    parts = []
    for level in ("error", "warning", "info"):
        count = data[level]
        if count:
            noun = level if level == "info" or count == 1 else level + "s"
            parts.append(f"{count} {noun}")
    found = ", ".join(parts) if parts else "no findings"
    files = data["files"]
    claims = data["claims"]
    return f"{found} in {files} file{'s' if files != 1 else ''} ({claims} claim{'s' if claims != 1 else ''})"
