"""Where a path named inside a configuration or rule file may point: its own tree or its repository."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from numcheck.errors import ConfigError


@cache
def repository_root(folder: Path) -> Path | None:
    """Return the nearest folder at or above `folder` holding `.git`, or None outside a repository."""
    for place in [folder, *folder.parents]:
        if (place / ".git").exists():
            return place
    return None


def inside(target: Path, folder: Path) -> bool:
    """Return True when `target` (resolved) lies in `folder`'s tree or in its repository's tree."""
    real = Path(os.path.realpath(target))
    base = Path(os.path.realpath(folder))
    roots = [base]
    root = repository_root(base)
    if root is not None:
        roots.append(root)
    return any(real == r or r in real.parents for r in roots)


def confined(name: str, owner: str, where: str) -> Path:
    """Return `name` resolved against the folder of the file `owner`, refusing a path outside its tree.

    A configuration or rule file in a pull request must not make numcheck read (and echo) files
    elsewhere on the machine; paths given on the command line are the user's choice and not checked.
    """
    folder = Path(owner).parent
    target = folder / name
    if not inside(target, folder):
        raise ConfigError(
            f"{where}: '{_short(name)}' is outside the folder of {Path(owner).name} and its repository; "
            "name such a file on the command line instead"
        )
    return target


def _short(name: str, size: int = 60) -> str:
    """Return a path shortened and escaped for a message."""
    from numcheck.read.sources import safe_name

    return safe_name(name if len(name) <= size else name[: size - 1] + "…")
