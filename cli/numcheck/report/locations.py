"""Paths as CI systems want them: relative to the repository (or the working folder), with slashes."""

from __future__ import annotations

import os
import subprocess
from functools import cache
from pathlib import Path


@cache
def _root() -> Path:
    """Return the git top-level folder of the working folder, or the working folder itself."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=False, timeout=10
        )
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip())
    except (OSError, subprocess.TimeoutExpired):
        pass
    return Path.cwd()


def repo_path(source: str) -> str:
    """Return a finding's file relative to the repository root, with forward slashes."""
    if source == "-" or not os.path.exists(source):
        return source.replace(os.sep, "/")  # on POSIX a backslash is part of a name ("caf\\xe9.md")
    relative = os.path.relpath(Path(source).resolve(), _root().resolve())
    return relative.replace(os.sep, "/")
