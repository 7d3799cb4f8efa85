"""Compiled regular expressions kept between runs: CPython's re compiles each pattern in pure Python at every start.

A check compiles some 200 patterns (numcheck's, markdown-it's, PyYAML's), a quarter of a cold
start. re looks every pattern up in a dict (re._cache) before compiling it, so this module fills
that dict from a file an earlier run wrote: each pattern is rebuilt from the compiler's output
with _sre.compile, which validates the code, and the modules that compile patterns stay as they
are. The compiler's output is recorded as it is handed to _sre.compile, so nothing of re's
compiler is copied here.

These are private parts of CPython (re._cache, re._compiler._sre, _sre.compile): the cache runs
only on the versions whose re was checked (3.11 to 3.13), its file is keyed on the exact
interpreter, and any surprise falls back to ordinary compiling. The file is written and read under
the vocabulary cache's rules (cachefiles.py); NUMCHECK_CACHE_DIR= (empty) turns both off.
"""

from __future__ import annotations

import _sre
import re
import sys
import types
from pathlib import Path

PREFIX = "patterns-"
_CHECKED = ((3, 11), (3, 12), (3, 13))  # re._compile looks in re._cache, keyed (type, pattern, int flags)
_UNCACHED = int(re.DEBUG) | int(getattr(re, "TEMPLATE", 0))  # flags re never caches or warns about
LIMIT = 384  # at most this many patterns, so that re's cache (512) keeps room for a run's new ones
# A pattern built from a set (markdown-it's inline terminators) is new in every process, as hash
# randomisation orders sets differently: rewriting the file for so few would cost more than compiling them.
FEW = 3

_path: Path | None = None  # the file of this process, once start() has run
_loaded: dict[tuple, tuple] = {}  # re's key -> the compiler's output, as read from the file
_recorded: dict[tuple[str, int], tuple] = {}  # (pattern, final flags) -> the compiler's output in this process


def start(cache_folder: Path | None) -> None:
    """Fill re's cache from this interpreter's file and record what is compiled from now on (once per process)."""
    global _path
    if _path is not None or cache_folder is None or not _usable():
        return
    try:
        import zlib

        identity = _identity()
        key = f"{sys.implementation.cache_tag}-{zlib.crc32(repr(identity).encode()):08x}"
        path = cache_folder / f"{PREFIX}{key}.marshal"
        recorder = types.SimpleNamespace(**vars(_sre))  # every other name stays the real module's
        recorder.compile = _recording_compile
    except Exception:
        return
    _loaded.update(_read(path, identity))
    room = max(0, re._MAXCACHE - len(re._cache))
    for key, parts in list(_loaded.items())[:room]:
        if key not in re._cache:
            re._cache[key] = parts[-1]
    re._compiler._sre = recorder
    _path = path


def save() -> None:
    """Write re's cache for the next run when this run compiled patterns the file lacks; never fail a run."""
    if _path is None:
        return
    try:
        import marshal

        from numcheck.cachefiles import write_private

        entries, new = [], 0
        for key, compiled in list(re._cache.items())[-LIMIT:]:
            kind, pattern, flags = key
            if kind is not str or flags & _UNCACHED:
                continue
            parts = _loaded.get(key)
            if parts is None:
                output = _recorded.get((pattern, compiled.flags))
                if output is None:
                    continue  # compiled before start(): its code was not seen
                parts, new = (compiled.flags, *output, compiled), new + 1
            entries.append((key, parts))
        if new < FEW and _loaded:
            return
        # The code holds re's named int constants (opcodes, MAXREPEAT); marshal takes plain ints.
        rows = [(key[1], key[2], parts[0], [int(c) for c in parts[1]], *parts[2:-1]) for key, parts in entries]
        data = marshal.dumps((_identity(), rows))
        write_private(_path, data, f"{PREFIX}*.marshal")
        _loaded.update(entries)
    except Exception:
        return


def _usable() -> bool:
    """Return True on an interpreter whose re this module was checked against."""
    return (
        sys.implementation.name == "cpython"
        and sys.version_info[:2] in _CHECKED
        and isinstance(getattr(re, "_cache", None), dict)
        and getattr(re._compiler, "_sre", None) is _sre
    )


def _identity() -> tuple:
    """What the compiler's output depends on: the exact interpreter and its re and _sre."""
    import os

    folder = os.path.dirname(re.__file__)
    files = [os.stat(os.path.join(folder, name)) for name in ("_compiler.py", "_parser.py", "_constants.py")]
    return (
        sys.version,
        folder,
        _sre.MAGIC,
        _sre.CODESIZE,
        _sre.MAXREPEAT,
        _sre.MAXGROUPS,
        *((info.st_size, info.st_mtime_ns) for info in files),
    )


def _read(path: Path, identity: tuple) -> dict[tuple, tuple]:
    """Return re's key -> (final flags, code, groups, groupindex, indexgroup, pattern object); {} for a bad file."""
    import marshal

    from numcheck.cachefiles import read_private

    data = read_private(path)
    if data is None:
        return {}
    try:
        written, entries = marshal.loads(data)
        if written != identity:
            return {}
        built = {}
        for pattern, flags, final, code, groups, groupindex, indexgroup in entries:
            if type(pattern) is not str or type(flags) is not int or flags & _UNCACHED:
                return {}
            compiled = _sre.compile(pattern, final, code, groups, groupindex, indexgroup)  # validates the code
            built[(str, pattern, flags)] = (final, code, groups, groupindex, indexgroup, compiled)
        return built
    except Exception:  # truncated, corrupt or foreign: compile as usual
        return {}


def _recording_compile(pattern, flags, code, groups, groupindex, indexgroup):
    """Stand in for _sre.compile inside re's compiler: note its arguments, then compile."""
    compiled = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    if type(pattern) is str and len(_recorded) < 2 * LIMIT:  # bounded, as re's cache: a long run may make many
        _recorded[pattern, flags] = (list(code), groups, dict(groupindex), tuple(indexgroup))
    return compiled
