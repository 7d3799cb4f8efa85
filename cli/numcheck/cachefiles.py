"""Files kept between runs (the vocabulary, compiled patterns): only private ones are read back.

What a cache holds is trusted when it is loaded (a pickle runs code; compiled patterns are run by
the regular expression engine), so only a file that this user owns, that nobody else can write, in
a folder nobody else can write, opened without following a link, is read; anything else is ignored
and the caller builds afresh. Writing never fails a run.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def cache_dir() -> Path | None:
    """Return the cache folder: $NUMCHECK_CACHE_DIR (empty: no cache), else the user's cache folder."""
    chosen = os.environ.get("NUMCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "numcheck"


def private(info: os.stat_result) -> bool:
    """Return True for something this user owns and no one else can write."""
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid  # no owners to compare on Windows
    return info.st_uid == owner and not info.st_mode & 0o022


def read_private(path: Path) -> bytes | None:
    """Return the bytes of a private regular file in a private folder; None for anything else."""
    try:
        if not private(os.stat(path.parent)):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None  # absent, a link, or unreadable
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())  # the file opened, not the name: nothing can be swapped in between
            if not stat.S_ISREG(info.st_mode) or not private(info):
                return None
            return handle.read()
    except OSError:
        return None


def write_private(path: Path, data: bytes, family: str) -> None:
    """Write a file (a temporary file renamed into place) and drop the others matching the glob `family`."""
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not private(os.stat(path.parent)):
            return  # a folder others can write: it would not be read back either
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home: no cache, the same answers
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    for old in path.parent.glob(family):  # earlier keys: never read again
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def keep_newest(written: Path, family: str, count: int) -> None:
    """Keep the file just written and the newest others of its family (a glob), `count` in all.

    A cache of many paths (files checked once, in tests or CI) stays small.
    """
    try:
        found = [(entry.stat().st_mtime_ns, entry) for entry in written.parent.glob(family) if entry != written]
    except OSError:
        return
    for _, old in sorted(found, key=lambda item: item[0], reverse=True)[count - 1 :]:
        with contextlib.suppress(OSError):
            old.unlink()


def digest(*parts: bytes) -> str:
    """A 128-bit BLAKE2 digest: the builtin _blake2 spares importing hashlib and OpenSSL (3 ms)."""
    try:
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    hashed = blake2b(digest_size=16)
    for part in parts:
        hashed.update(len(part).to_bytes(8, "little"))
        hashed.update(part)
    return hashed.hexdigest()
