"""Load YAML safely into plain data that remembers the line of every mapping key.

A file's parsed form is kept in the cache folder (cachefiles.py), keyed on its exact bytes, the
parser's code and PyYAML's files, so an unchanged rule pack or configuration is read without
importing PyYAML; validation still runs on every load, so its errors keep their file and line.
A file that does not parse is never kept.
"""

from __future__ import annotations

import os
import sys
from functools import cache

from numcheck.errors import ConfigError

MAX_YAML_BYTES = 2 * 1024 * 1024
# Aliases let a tiny file expand exponentially ("billion laughs"); count nodes as we build.
MAX_NODES = 200_000
MAX_DEPTH = 64  # mappings and lists inside each other; no rule or configuration needs more
PREFIX = "yaml-"
KEPT_FILES = 64  # the pack, the vocabulary and a few configurations; files checked once (tests, CI) come and go


class LineDict(dict):
    """A dict that knows the line of its own start and of each of its keys."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        """Return the 1-based line of a key, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


def load_yaml(path: str, text: str | None = None) -> object:
    """Parse one YAML file (or the given text) into plain data, or raise ConfigError; files go through the cache."""
    if text is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_YAML_BYTES + 1)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if len(data) > MAX_YAML_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_YAML_BYTES // 1024 // 1024} MB; refused")
        if b"\x00" in data:
            raise ConfigError(f"{path}: binary file, not YAML")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
        kept = _cache_file(path, data)
        if kept is not None:
            value = _read_kept(kept)
            if value is not _MISSING:
                return value
        from numcheck.yamlparse import parse

        value = parse(path, text)
        if kept is not None:
            _keep(kept, value)
        return value
    from numcheck.yamlparse import parse

    return parse(path, text)


_MISSING = object()
_CODE = ("yamlfile.py", "yamlparse.py")


def _cache_file(path: str, data: bytes):
    """Return the cache file of these bytes at this path, or None when there is no cache."""
    from numcheck.cachefiles import cache_dir, digest

    folder = cache_dir()
    if folder is None:
        return None
    try:
        key = digest(_parser_stamp(), data)
        family = digest(os.path.abspath(path).encode())[:16]
    except (OSError, ValueError, ImportError):
        return None
    return folder / f"{PREFIX}{family}-{key}.pickle"


@cache
def _parser_stamp() -> bytes:
    """What a parse depends on besides the bytes: numcheck, Python, and the parser's and PyYAML's files (once a run)."""
    from importlib.util import find_spec

    from numcheck import __version__

    here = os.path.dirname(__file__)
    spec = find_spec("yaml")  # PyYAML's own files, not its import (the point of the cache)
    files = [os.path.join(here, name) for name in _CODE] + [spec.origin if spec and spec.origin else ""]
    stamps = [(name, info.st_size, info.st_mtime_ns) for name in files for info in [os.stat(name)]]
    return repr((__version__, sys.version, stamps)).encode()


def _read_kept(kept) -> object:
    """Return the parsed form kept for a file, or _MISSING."""
    import pickle

    from numcheck.cachefiles import read_private

    data = read_private(kept)
    if data is None:
        return _MISSING
    try:
        name, value = pickle.loads(data)
    except Exception:  # broken or from another version: parse afresh
        return _MISSING
    return value if name == kept.name else _MISSING  # a file renamed into this name is not this parse


def _keep(kept, value: object) -> None:
    """Keep a parsed form, dropping those of the same path's earlier contents; never fail a run."""
    import pickle

    from numcheck.cachefiles import keep_newest, write_private

    try:
        data = pickle.dumps((kept.name, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    write_private(kept, data, kept.name.rsplit("-", 1)[0] + "-*.pickle")
    keep_newest(kept, f"{PREFIX}*.pickle", KEPT_FILES)
