"""Write a file all at once: a temporary file in the same folder, then a rename over the target.

Two runs writing the same report or baseline at once leave one whole file, never a mix; a
run that fails half-way leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO

from numcheck.errors import ConfigError


@contextlib.contextmanager
def atomic_open(path: str, what: str = "the file") -> Iterator[TextIO]:
    """Yield a text handle whose content replaces `path` only when the block ends without error.

    A device or a pipe (/dev/stdout) has nothing to rename over and is written as it is. An
    operating-system error becomes a ConfigError naming the path and `what`.
    """
    if os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path):
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                yield handle
        except OSError as exc:
            raise ConfigError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ConfigError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
        raise


def _keep_mode(path: str, temporary: str) -> None:
    """Give the new file the old one's permissions, or the usual ones for a new file (mkstemp makes 0600)."""
    try:
        mode = os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def write_atomic(path: str, text_or_chunks: str | Iterable[str], what: str = "the file") -> None:
    """Write a string, or an iterable of strings, to `path` atomically."""
    with atomic_open(path, what) as handle:
        if isinstance(text_or_chunks, str):
            handle.write(text_or_chunks)
        else:
            for chunk in text_or_chunks:
                handle.write(chunk)
