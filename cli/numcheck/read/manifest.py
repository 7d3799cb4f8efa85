"""A sources manifest: which outlet published each file, when, and where (--sources)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.yamlfile import load_yaml

ENTRY = {
    "file": s.Field(s.string, required=True, doc="the file, relative to the manifest"),
    "outlet": s.Field(s.string, doc="who published it, shown in findings"),
    "date": s.Field(s.date, doc="when it was published: 2025-03-14"),
    "url": s.Field(s.string, doc="where it was published"),
}


@dataclass(frozen=True)
class SourceInfo:
    """What a manifest says about one file."""

    outlet: str | None = None
    date: str | None = None
    url: str | None = None


def key(path: str) -> str:
    """Return the form a path is looked up by: absolute and normalised."""
    return os.path.normcase(os.path.abspath(path))


def load_manifest(path: str) -> dict[str, SourceInfo]:
    """Read a manifest into {file key: SourceInfo}; a bad manifest is a ConfigError."""
    if not Path(path).is_file():
        raise ConfigError(f"{path}: no such sources manifest")
    data = load_yaml(path)
    top = s.validate(data, {"sources": s.Field(s.list_of(s.mapping), required=True)}, path, "sources manifest")
    folder = Path(path).parent
    found: dict[str, SourceInfo] = {}
    for index, entry in enumerate(top["sources"], start=1):
        values = s.validate(entry, ENTRY, path, f"source {index}")
        date = s.iso_date(values["date"]) if values["date"] is not None else None
        found[key(str(folder / values["file"]))] = SourceInfo(values["outlet"], date, values["url"])
    return found
