"""Baselines: record today's findings, later report only the new ones (--write-baseline, --baseline)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from numcheck.errors import ConfigError
from numcheck.records import Finding

VERSION = 1


def write_baseline(findings: list[Finding], path: str) -> None:
    """Write the findings' fingerprints, with enough words for a person to read the file."""
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "source": f.source.replace("\\", "/"), "message": f.message}
        for f in sorted(findings, key=lambda f: (f.source, f.rule, f.fingerprint))
        if f.outcome != "undecidable"
    ]
    try:
        Path(path).write_text(
            json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None


def read_baseline(path: str) -> Counter[str]:
    """Return how many times each fingerprint is in a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a numcheck baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a numcheck baseline (expected version {VERSION} with a findings list)")
    prints = [e.get("fingerprint") for e in data["findings"] if isinstance(e, dict)]
    return Counter(p for p in prints if isinstance(p, str))


def without_baseline(findings: list[Finding], path: str) -> list[Finding]:
    """Return the findings the baseline does not hold; a fingerprint recorded twice hides two."""
    known = read_baseline(path)
    fresh = []
    for item in findings:
        if known[item.fingerprint] > 0:
            known[item.fingerprint] -= 1
        else:
            fresh.append(item)
    return fresh
