"""Find the files to check and read them safely: size, binary and encoding checks."""

from __future__ import annotations

import os
import re
import sys
from fnmatch import fnmatch
from pathlib import Path

from numcheck.errors import InputError
from numcheck.read.document import Document
from numcheck.read.markup import front_matter_lines, prose_view
from numcheck.safe import escape_controls
from numcheck.schema import excerpt, valid_date

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 begins with FF FE
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
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
    seen: set[str] = set()
    for given in _unique(paths):
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
                errors.append(f"{safe_name(given)}: no .txt, .md, .markdown or .html files in this directory")
            files.extend(f for f in found if _first_time(f, seen))
        elif path.is_file():
            if _first_time(given, seen):
                files.append(given)
        elif path.exists():
            errors.append(f"{safe_name(given)}: not a regular file")
        else:
            errors.append(f"{safe_name(given)}: no such file or directory")
    return files, errors


def _unique(paths: list[str]) -> list[str]:
    """Return the paths without repeats, in order."""
    return list(dict.fromkeys(paths))


def _first_time(path: str, seen: set[str]) -> bool:
    """Return True the first time a file is met: a file named twice (or found twice) is read once."""
    real = os.path.normcase(os.path.abspath(path))
    if real in seen:
        return False
    seen.add(real)
    return True


def safe_name(path: str) -> str:
    """Return a file name fit to print: bytes that are not UTF-8 as \\xNN, control characters escaped."""
    if any("\udc80" <= ch <= "\udcff" for ch in path):  # os.fsdecode's surrogate escapes
        path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return escape_controls(path)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """Read at most max_bytes + 1 bytes, so an oversized file is refused without loading it."""
    try:
        if path == "-":
            return sys.stdin.buffer.read(max_bytes + 1)
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{safe_name(path)}: cannot read: {exc.strerror or exc}") from None


_TIME_AFTER = re.compile(r"(?<=^\d{4}-\d{2}-\d{2})[T ][0-9:.]+(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$")
ENCODING_HINT = "save it as UTF-8, or name its encoding: --encoding cp1252 (or `encoding: cp1252` in numcheck.yaml)"


def check_encoding(name: str) -> str:
    """Return the codec's canonical name, or raise InputError for an unknown or non-text one."""
    import codecs

    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        raise InputError(f"--encoding: unknown encoding '{safe_name(name)}' (e.g. utf-8, cp1252, latin-1)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"--encoding: '{safe_name(name)}' is not a text encoding")
    return info.name


def decode(path: str, data: bytes, encoding: str | None = None) -> str:
    """Decode bytes: a byte-order mark first (UTF-8, -16, -32), else UTF-8 or the given encoding."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise InputError(f"{path}: not valid {name} at byte {exc.start + len(bom)}") from None
    wide = encoding is not None and check_encoding(encoding).startswith(("utf-16", "utf-32"))
    if b"\x00" in data[:8192] and not wide:
        raise InputError(f"{path}: binary file, not text")
    chosen = encoding or "utf-8"
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as exc:
        hint = ENCODING_HINT if encoding is None else "name the right one with --encoding"
        label = "UTF-8" if encoding is None else chosen
        raise InputError(f"{path}: not valid {label} at byte {exc.start} ({hint})") from None


_LONE_CR = re.compile(r"\r(?!\n)")


def _line_breaks(text: str) -> str:
    """Read a lone carriage return (old Mac line ends) as a newline, as editors do: one character for one,
    so every offset stays, and lines, columns and suppression comments count it as a line end."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def kind_of(path: str) -> str:
    """Return the markup kind of a path from its extension."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".html", ".htm"):
        return "html"
    return "text"


def load(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None, encoding: str | None = None
) -> Document:
    """Read one file into a Document, or raise InputError with a one-line reason.

    `name` reports standard input ("-") under a file name, whose extension sets the format;
    `encoding` is used for files without a byte-order mark that are not UTF-8 (--encoding).
    An empty file is a Document with no text: it has no claims, which is no error.
    """
    data = _read_bytes(path, max_bytes)
    shown = safe_name(name or "-") if path == "-" else safe_name(path)
    if len(data) > max_bytes:
        limit = f"{max_bytes / 1024 / 1024:g} MB"
        raise InputError(f"{shown}: larger than {limit} (raise the limit with --max-size)")
    text = _line_breaks(decode(shown, data, encoding))
    del data  # the bytes go before the prose view is built: they would add to the peak memory
    kind = kind_of(shown)
    meta = front_matter_lines(text) if kind == "markdown" else {}
    date = meta.get("date")
    if date is not None:
        day = _TIME_AFTER.sub("", date[0])  # "2025-03-14T10:00:00Z", "2025-03-14 10:00 +0100": the day
        if not valid_date(day):
            got = excerpt(date[0])
            raise InputError(
                f"{shown}:{date[1]}: front matter: date: expected a real day such as 2025-03-14, got '{got}'"
            )
        date = (day, date[1])
    return Document(
        source=shown,
        text=text,
        prose=prose_view(text, kind),
        kind=kind,
        date=date[0] if date else None,
        outlet=escape_controls(meta["outlet"][0]) if "outlet" in meta else None,  # shown in every finding
        url=escape_controls(meta["url"][0]) if "url" in meta else None,
    )
