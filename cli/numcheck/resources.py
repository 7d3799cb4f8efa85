"""Where the built-in rule pack and vocabularies live, in a wheel or a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def pack_dir() -> Path:
    """Return the folder holding the built-in YAML (pack/ and vocab/)."""
    bundled = Path(__file__).parent / "_rules"
    if bundled.is_dir():
        return bundled
    # An editable install does not see the wheel's force-include (field notes §4).
    return Path(__file__).resolve().parents[2] / "rules"
