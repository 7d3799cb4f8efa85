"""Which story a file belongs to: the files of one folder are reports of one story."""

from __future__ import annotations

import os


def story_of(path: str) -> str:
    """Return the story of a file: its folder, however the path was spelled ("a.md", "./a.md", "/abs/a.md")."""
    return os.path.dirname(os.path.abspath(path))
