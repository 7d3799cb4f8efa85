"""One generic validator for YAML mappings: types, choices, unknown keys, precise messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from numcheck.errors import ConfigError
from numcheck.yamlfile import LineDict

Check = Callable[[Any], str | None]


@dataclass(frozen=True)
class Field:
    """A key of a mapping: its checker, whether it is required, and its default."""

    check: Check
    required: bool = False
    default: Any = None
    doc: str = ""
    schema: dict | None = None  # a JSON Schema fragment when the checker's own is too loose


def _describe(value: Any) -> str:
    """Say what a wrong value is, quoting strings so '1.0e3' shows as a string."""
    if isinstance(value, str):
        return f"the string '{excerpt(value)}'"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, int) and abs(value) > 10**30:
        return "an integer of more than 30 digits"
    return f"{type(value).__name__} {value!r}"


def excerpt(text: str, size: int = 40) -> str:
    """Return a short, escaped excerpt of a text for a message: never a file's whole content."""
    from numcheck.safe import escape_controls

    return escape_controls(text if len(text) <= size else text[: size - 1] + "…")


_EXPONENT = re.compile(r"[-+]?\d+(?:\.\d*)?[eE]\d+")


LARGEST = 1e100  # as extraction's largest figure: every product of a few stays finite


def number(value: Any) -> str | None:
    """A real number (not a boolean), finite and no larger than 1e100."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        exponent = isinstance(value, str) and _EXPONENT.fullmatch(value.strip()) is not None
        hint = " (YAML reads 1.0e3 as text: write 1.0e+3 or 1000)" if exponent else ""
        return f"expected a number, got {_describe(value)}{hint}"
    if not -LARGEST <= value <= LARGEST:  # also false for nan
        return f"expected a finite number no larger than 1e100, got {_describe(value)}"
    return None


def number_in(low: float, high: float) -> Check:
    """A number from low to high."""

    def check(value: Any) -> str | None:
        problem = number(value)
        if problem:
            return problem
        if not low <= value <= high:
            return f"expected a number from {low:g} to {high:g}, got {value:g}"
        return None

    check.json_schema = lambda: {"type": "number", "minimum": low, "maximum": high}  # type: ignore[attr-defined]
    return check


def string(value: Any) -> str | None:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        return f"expected text, got {_describe(value)}"
    return None


def text(value: Any) -> str | None:
    """Any string, the empty one included ("" is a plain count's dimension)."""
    return None if isinstance(value, str) else f"expected text, got {_describe(value)}"


def boolean(value: Any) -> str | None:
    """true or false."""
    return None if isinstance(value, bool) else f"expected true or false, got {_describe(value)}"


def mapping(value: Any) -> str | None:
    """A mapping of keys to values."""
    return None if isinstance(value, dict) else f"expected a mapping, got {_describe(value)}"


def list_of(item: Check) -> Check:
    """A list whose every item passes the given check; a single item is not a list."""

    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"expected a list, got {_describe(value)}"
        for index, element in enumerate(value):
            problem = item(element)
            if problem:
                return f"item {index + 1}: {problem}"
        return None

    check.json_schema = lambda: {"type": "array", "items": json_schema(item)}  # type: ignore[attr-defined]
    return check


def strings(value: Any) -> str | None:
    """A string or a list of strings."""
    if isinstance(value, str):
        return string(value)
    return list_of(string)(value)


def one_of(*choices: str) -> Check:
    """One of the given strings."""

    def check(value: Any) -> str | None:
        if value not in choices:
            return f"expected one of {', '.join(choices)}, got {_describe(value)}"
        return None

    check.json_schema = lambda: {"enum": list(choices)}  # type: ignore[attr-defined]
    return check


def date(value: Any) -> str | None:
    """A date: YAML's 2025-03-14, or the text "2025-03", "2025"; a real day of the calendar."""
    import datetime

    if isinstance(value, datetime.date) or (isinstance(value, str) and valid_date(value)):
        return None
    return f"expected a date such as 2025-03-14, got {_describe(value)}"


def valid_date(text: str) -> bool:
    """Return True for a real calendar day, month or year: 2025-03-14, 2025-03, 2025."""
    import datetime

    parts = text.split("-")
    if not (1 <= len(parts) <= 3) or not all(p.isascii() and p.isdigit() for p in parts):
        return False
    if len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
        return False
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    try:
        datetime.date(*numbers)
    except ValueError:
        return False
    return True


def iso_date(value: Any) -> str:
    """Return a validated date as ISO text."""
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)


def interval(value: Any) -> str | None:
    """A pair [low, high] of numbers with low <= high."""
    if not isinstance(value, list) or len(value) != 2:
        return f"expected [low, high], got {_describe(value)}"
    for end in value:
        problem = number(end)
        if problem:
            return problem
    if value[0] > value[1]:
        return f"low {value[0]} is above high {value[1]}"
    return None


_JSON = {
    "number": {"type": "number"},
    "string": {"type": "string", "minLength": 1},
    "text": {"type": "string"},
    "boolean": {"type": "boolean"},
    "mapping": {"type": "object"},
    "strings": {"oneOf": [{"type": "string", "minLength": 1}, {"type": "array", "items": {"type": "string"}}]},
    "date": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
    "interval": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
}


def json_schema(check: Check) -> dict:
    """Return the JSON Schema fragment that describes what a checker accepts."""
    made = getattr(check, "json_schema", None)
    if made is not None:
        return made() if callable(made) else dict(made)
    return dict(_JSON.get(getattr(check, "__name__", ""), {}))


def validate(data: Any, fields: dict[str, Field], path: str, what: str, line: int = 0) -> dict[str, Any]:
    """Check a mapping against its fields; return it with defaults filled in.

    `what` names the thing in messages, e.g. "rule 'hours-per-day'".
    """
    where_line = getattr(data, "line", line)
    if not isinstance(data, dict):
        # Never quote the content here: a file that is no mapping may be anything (a secrets file).
        got = "text" if isinstance(data, str) else _describe(data)
        raise ConfigError(f"{path}:{where_line}: {what}: expected a mapping, got {got}")

    def line_of(key: str) -> int:
        return data.line_of(key) if isinstance(data, LineDict) else where_line

    # Every problem of the mapping is collected, so one run of `rules validate` lists them all.
    problems = []
    for key in data:
        if key not in fields:
            known = ", ".join(sorted(fields))
            problems.append(f"{path}:{line_of(key)}: {what}: unknown key '{excerpt(str(key))}' (known: {known})")
    result: dict[str, Any] = {}
    for key, spec in fields.items():
        if key not in data:
            if spec.required:
                problems.append(f"{path}:{where_line}: {what}: missing key '{key}'")
            result[key] = spec.default
            continue
        problem = spec.check(data[key])
        if problem:
            problems.append(f"{path}:{line_of(key)}: {what}: key '{key}': {problem}")
        result[key] = data[key]
    if problems:
        raise ConfigError.of(problems, what)
    return result
