"""Shared helpers: run the real CLI in a subprocess, and find the shared corpora."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared" / "corpora"


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m numcheck ARGS` and capture its output."""
    env = {k: v for k, v in os.environ.items() if k not in ("NUMCHECK_DEBUG", "GITHUB_ACTIONS")}
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


def needs_shared() -> pytest.MarkDecorator:
    """Skip a test when ../shared/corpora is not beside the project (a user's clone)."""
    return pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora is not beside the project")
