"""Text fit for a terminal, a log line or XML: control characters shown, never acted on."""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional overrides:
# a terminal would act on them (ESC, OSC 8 links), a log would split a line at them, and XML 1.0
# cannot hold most of them at all.
# The marks and separators that reorder or split what a reader sees; every escaping in numcheck uses them.
INVISIBLE = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE}\ud800-\udfff\ufffe\uffff]")


def _show(match: re.Match[str]) -> str:
    """Return the escape of one character: \\x1b, \\u2028, \\udce9."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """Return text with every unsafe character written as a visible escape (\\x1b, \\n)."""
    return UNSAFE.sub(_show, text) if UNSAFE.search(text) else text
