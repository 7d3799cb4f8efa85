"""SHA-256 for fingerprints and baselines without importing hashlib, which loads OpenSSL (3 ms a start)."""

from __future__ import annotations

# Looked up once: a failed import is not remembered, so trying it per call would search sys.path each time.
try:
    from _sha2 import sha256  # CPython 3.12+: the builtin module, no OpenSSL
except ImportError:
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:  # another Python: hashlib always has it
        from hashlib import sha256


def sha256_hex(text: str) -> str:
    """Return the SHA-256 hex digest of a text's UTF-8 bytes (the same value hashlib gives)."""
    return sha256(text.encode("utf-8")).hexdigest()
