"""The vocabulary kept as a pickle between runs: parsing and validating the YAML is most of a start.

The key is a hash of the YAML files and of the code that builds a vocabulary, so a cache is
never stale. Pickles run code when they are loaded, so only a private file is read (see
cachefiles.py); anything else is ignored and the vocabulary is built from its YAML.
"""

from __future__ import annotations

import sys
from pathlib import Path

from numcheck.cachefiles import cache_dir, digest, read_private, write_private
from numcheck.vocab import Vocabulary, load_vocabulary

__all__ = ["cache_dir", "cached_vocabulary"]
# The code that builds a vocabulary: a change to it, like a change to the YAML, makes a new cache key.
_BUILDERS = ("vocab.py", "schema.py", "yamlfile.py", "yamlparse.py", "extract/numbers.py", "extract/tokens.py")
PREFIX = "vocabulary-"


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
    from numcheck import __version__

    code = Path(__file__).parent
    parts = [f"{__version__}\0{sys.version}\0{folder.resolve()}".encode()]
    for path in [*sorted(folder.glob("*.yaml")), *(code / name for name in _BUILDERS)]:
        parts += [path.name.encode(), path.read_bytes()]
    return digest(*parts)


def _read_cache(path: Path) -> Vocabulary | None:
    import pickle

    data = read_private(path)
    if data is None:
        return None
    try:
        vocab = pickle.loads(data)
    except Exception:  # broken or from another version: build afresh
        return None
    return vocab if isinstance(vocab, Vocabulary) else None


def _write_cache(path: Path, vocab: Vocabulary) -> None:
    """Keep the vocabulary and drop older keys; never fail a run."""
    import pickle

    try:
        data = pickle.dumps(vocab, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    write_private(path, data, f"{PREFIX}*.pickle")
