"""Find the files to check and read them safely: size, binary and encoding checks."""

from __future__ import annotations

import os
import sys
from fnmatch import fnmatch
from pathlib import Path

from numcheck.errors import InputError
from numcheck.read.document import Document
from numcheck.read.markup import front_matter, prose_view

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _excluded(path: Path, folder: Path, patterns: list[str]) -> bool:
    """Return True when a found file matches an exclude glob, by name or by path under its folder."""
    relative = path.relative_to(folder).as_posix()
    return any(fnmatch(relative, p) or fnmatch(path.name, p) or fnmatch(path.as_posix(), p) for p in patterns)


def expand_paths(paths: list[str], exclude: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Return the files named or found under the given paths, and one error per bad path.

    `exclude` globs drop files found in folders; a file named on its own is always read.
    """
    files: list[str] = []
    errors: list[str] = []
    for given in paths:
        if given == "-":
            files.append(given)
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.suffix.lower() in TEXT_SUFFIXES and p.is_file() and not _excluded(p, path, exclude or [])
            )
            if not found:
                errors.append(f"{given}: no .txt, .md, .markdown or .html files in this directory")
            files.extend(found)
        elif path.is_file():
            files.append(given)
        elif path.exists():
            errors.append(f"{given}: not a regular file")
        else:
            errors.append(f"{given}: no such file or directory")
    return files, errors


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes, so an oversized file is refused without loading it."""
    try:
        if path == "-":
            return sys.stdin.buffer.read(max_bytes + 1)
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def decode(path: str, data: bytes) -> str:
    """Decode bytes as UTF-8 (or UTF-16 with a byte-order mark), refusing binary data."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not valid {encoding} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 at byte {exc.start} (save the file as UTF-8)") from None


def kind_of(path: str) -> str:
    """Return the markup kind of a path from its extension."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    return "text"


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Document:
    """Read one file into a Document, or raise InputError with a one-line reason.

    `name` reports standard input ("-") under a file name, whose extension sets the format.
    """
    data = _read_bytes(path, max_bytes)
    if path == "-":
        path = name or "-"
    if len(data) > max_bytes:
        limit = f"{max_bytes / 1024 / 1024:g} MB"
        raise InputError(f"{path}: larger than {limit} (raise the limit with --max-size)")
    text = decode(path, data)
    del data  # the bytes go before the prose view is built: they would add to the peak memory
    if not text.strip():
        raise InputError(f"{path}: empty file, nothing to check")
    kind = kind_of(path)
    meta = front_matter(text) if kind == "markdown" else {}
    return Document(
        source=path,
        text=text,
        prose=prose_view(text, kind),
        kind=kind,
        date=meta.get("date"),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
    )
