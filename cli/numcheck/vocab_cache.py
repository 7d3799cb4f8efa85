"""The vocabulary kept as a pickle between runs: parsing and validating the YAML is most of a start.

The key is a hash of the YAML files and of the code that builds a vocabulary, so a cache is
never stale. Pickles run code when they are loaded, so only a file that this user owns, that
nobody else can write, in a folder nobody else can write, opened without following a link, is
read; anything else is ignored and the vocabulary is built from its YAML.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from numcheck.vocab import Vocabulary, load_vocabulary

# The code that builds a vocabulary: a change to it, like a change to the YAML, makes a new cache key.
_BUILDERS = ("vocab.py", "schema.py", "yamlfile.py", "extract/numbers.py", "extract/tokens.py")
PREFIX = "vocabulary-"


def cache_dir() -> Path | None:
    """Return the cache folder: $NUMCHECK_CACHE_DIR (empty: no cache), else the user's cache folder."""
    chosen = os.environ.get("NUMCHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "numcheck"


def cached_vocabulary(folder: Path, cache_folder: Path | None) -> Vocabulary:
    """Load a vocabulary from the cache when a safe, current one is there; else build it and keep it."""
    if cache_folder is None:
        return load_vocabulary(folder)
    try:
        path = cache_folder / f"{PREFIX}{_cache_key(folder)}.pickle"
    except OSError:
        return load_vocabulary(folder)
    vocab = _read_cache(path)
    if vocab is None:
        vocab = load_vocabulary(folder)
        _write_cache(path, vocab)
    return vocab


def _cache_key(folder: Path) -> str:
    import hashlib

    from numcheck import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{folder.resolve()}".encode())
    code = Path(__file__).parent
    for path in [*sorted(folder.glob("*.yaml")), *(code / name for name in _BUILDERS)]:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _private(info: os.stat_result) -> bool:
    """Return True for something this user owns and no one else can write."""
    owner = os.getuid() if hasattr(os, "getuid") else info.st_uid  # no owners to compare on Windows
    return info.st_uid == owner and not info.st_mode & 0o022


def _read_cache(path: Path) -> Vocabulary | None:
    import pickle

    try:
        if not _private(os.stat(path.parent)):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None  # absent, a link, or unreadable
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())  # the file opened, not the name: nothing can be swapped in between
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                return None
            vocab = pickle.load(handle)
    except Exception:  # broken or from another version: build afresh
        return None
    return vocab if isinstance(vocab, Vocabulary) else None


def _write_cache(path: Path, vocab: Vocabulary) -> None:
    """Keep the vocabulary (a temporary file renamed into place) and drop older keys; never fail a run."""
    import pickle
    import tempfile

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(os.stat(path.parent)):
            return  # a folder others can write: it would not be read back either
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # a read-only home: no cache, the same answers
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(vocab, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return
    for old in path.parent.glob(f"{PREFIX}*.pickle"):  # earlier versions of the files: never read again
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
