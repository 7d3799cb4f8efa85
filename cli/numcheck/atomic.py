"""Write a file all at once: a temporary file in the same folder, renamed into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from typing import TextIO


@contextlib.contextmanager
def atomic_open(path: str) -> Iterator[TextIO]:
    """Yield a text handle whose content replaces `path` only when the block ends without error.

    Two runs writing the same file leave one whole report, never a mix; a failed run leaves
    the old file as it was.
    """
    folder = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _keep_mode(path: str, temporary: str) -> None:
    """Give the new file the old one's permissions, or the usual ones for a new file (mkstemp makes 0600)."""
    try:
        mode = os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def write_atomic(path: str, text_or_chunks: str | Iterable[str]) -> None:
    """Write a string, or an iterable of strings, to `path` atomically."""
    with atomic_open(path) as handle:
        if isinstance(text_or_chunks, str):
            handle.write(text_or_chunks)
        else:
            for chunk in text_or_chunks:
                handle.write(chunk)
