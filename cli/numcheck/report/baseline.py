"""Baselines: record today's findings, later report only the new ones (--write-baseline, --baseline).

A finding is remembered by its rule, its file relative to the baseline file's folder and the
words of its figures, so a baseline matches whichever folder numcheck is run from.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter

from numcheck.atomic import write_atomic
from numcheck.errors import ConfigError
from numcheck.hashing import sha256_hex
from numcheck.records import Claim, Finding

VERSION = 2  # 1 keyed findings by paths relative to the working folder; still read
MAX_BYTES = 64 * 1024 * 1024


def baseline_key(item: Finding, claims: dict[str, Claim], folder: str) -> str:
    """Identify a finding independently of the working folder: rule, file from `folder`, figures' words."""
    place = "-" if item.source == "-" else os.path.relpath(os.path.abspath(item.source), folder).replace("\\", "/")
    words = sorted(f"{c.text}\x1f{c.sentence}" for c in (claims.get(i) for i in item.claims) if c is not None)
    if not words:  # a finding about no figure (an unused suppression): its message says what it is about
        words = [item.message]
    raw = "\x1e".join([item.rule, place, *words])
    return sha256_hex(raw)[:32]


def _folder(path: str) -> str:
    """Return the absolute folder of a baseline file."""
    return os.path.dirname(os.path.abspath(path))


def write_baseline(findings: list[Finding], path: str, claims: list[Claim] | None = None) -> None:
    """Write the findings' keys, with enough words for a person to read the file; atomically."""
    by_id = {c.id: c for c in claims or []}
    folder = _folder(path)
    entries = [
        {
            "fingerprint": baseline_key(f, by_id, folder),
            "rule": f.rule,
            "source": f.source.replace("\\", "/"),
            "message": f.message,
        }
        for f in sorted(findings, key=lambda f: (f.source, f.rule, f.fingerprint))
        if f.outcome != "undecidable"
    ]
    text = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text, "the baseline")


def _read_text(path: str) -> str:
    """Read a baseline: a regular file only (never a FIFO or a device) and at most MAX_BYTES."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"{path}: not a regular file; a baseline is a JSON file written by --write-baseline")
    if info.st_size > MAX_BYTES:
        raise ConfigError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB; not a numcheck baseline")
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_BYTES // 1024 // 1024} MB; not a numcheck baseline")
        return data.decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not a numcheck baseline: not UTF-8 at byte {exc.start}") from None


def read_baseline(path: str) -> tuple[int, Counter[str]]:
    """Return a baseline's version and how many times each key is in it."""
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not a numcheck baseline: invalid JSON at line {exc.lineno}") from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits; arrays nested 100,000 deep
        raise ConfigError(f"{path}: not a numcheck baseline: a value out of range ({type(exc).__name__})") from None
    version = data.get("version") if isinstance(data, dict) else None
    if version not in (1, VERSION) or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not a numcheck baseline (expected version {VERSION} with a findings list)")
    prints = [e.get("fingerprint") for e in data["findings"] if isinstance(e, dict)]
    return version, Counter(p for p in prints if isinstance(p, str))


def without_baseline(findings: list[Finding], path: str, claims: list[Claim] | None = None) -> list[Finding]:
    """Return the findings the baseline does not hold; a key recorded twice hides two."""
    version, known = read_baseline(path)
    by_id = {c.id: c for c in claims or []}
    folder = _folder(path)
    fresh = []
    for item in findings:
        key = item.fingerprint if version == 1 else baseline_key(item, by_id, folder)
        if known[key] > 0:
            known[key] -= 1
        else:
            fresh.append(item)
    return fresh
