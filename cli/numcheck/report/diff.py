"""--diff REF: the lines of the checked files that changed since a git reference."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from numcheck.errors import ConfigError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
_FILE = re.compile(r"^\+\+\+ b/(.+)$", re.MULTILINE)


def _git(arguments: list[str], cwd: Path) -> str:
    """Run git and return its output, or raise ConfigError with git's own words."""
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(f"--diff: cannot run git: {exc}") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise ConfigError(f"--diff: git {' '.join(arguments[:2])}: {last}")
    return done.stdout


def changed_lines(ref: str, paths: list[str]) -> dict[str, set[int]]:
    """Return {file path: changed line numbers} for the files, against `ref` (new and edited lines)."""
    real = [Path(p).resolve() for p in paths if p != "-" and Path(p).exists()]
    if not real:
        return {}
    top = Path(_git(["rev-parse", "--show-toplevel"], real[0].parent).strip())
    output = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", *map(str, real)], top)
    changed: dict[str, set[int]] = {}
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--", *map(str, real)], top).split()
    for name in untracked:  # a new file is all changes
        lines = (top / name).read_text(encoding="utf-8", errors="replace").count("\n") + 1
        changed[str(top / name)] = set(range(1, lines + 1))
    for block in output.split("\ndiff --git "):
        file = _FILE.search(block)
        if not file:
            continue
        numbers: set[int] = set()
        for hunk in _HUNK.finditer(block):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            numbers.update(range(start, start + count))
        path = top / file.group(1)
        changed.setdefault(str(path), set()).update(_our_lines(path, numbers))
    return changed


_LINE_END = re.compile(rb"\r\n?|\n")


def _our_lines(path: Path, numbers: set[int]) -> set[int]:
    """Turn git's line numbers into numcheck's: git ends a line only at LF, numcheck also at a lone CR."""
    try:
        data = path.read_bytes()
    except OSError:
        return numbers
    if b"\r" not in data:
        return numbers
    ours, theirs, mine = 1, 1, set()
    for end in _LINE_END.finditer(data):
        if theirs in numbers:
            mine.add(ours)
        ours += 1
        theirs += end.group().endswith(b"\n")
    if theirs in numbers:
        mine.add(ours)
    return mine
