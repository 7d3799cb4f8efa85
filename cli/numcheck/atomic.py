"""Write a file all at once: a temporary file in the same folder, then a rename over the target.

Two runs writing the same report or baseline at once leave one whole file, never a mix; a
run that fails half-way leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

from numcheck.errors import ConfigError


def write_atomic(path: str, text: str, what: str = "the file") -> None:
    """Write text (UTF-8) to path atomically, or raise ConfigError naming the path and `what`."""
    if os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path):
        _write_in_place(path, text, what)  # /dev/stdout or a pipe: there is nothing to rename over
        return
    folder = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".numcheck-", suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(path):  # keep the target's permissions, not the temporary file's 0600
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise ConfigError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None


def _write_in_place(path: str, text: str, what: str) -> None:
    """Write to a device or a pipe as it is."""
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write {what}: {exc.strerror or exc}") from None
