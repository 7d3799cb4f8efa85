"""Errors that end a run with exit code 2 and a one-line message."""

from __future__ import annotations


class NumcheckError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


class InputError(NumcheckError):
    """A file to check cannot be read."""


class ConfigError(NumcheckError):
    """A rule or vocabulary file is malformed; `problems` lists each problem found (one line each)."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or [message]

    @classmethod
    def of(cls, problems: list[str], what: str) -> ConfigError:
        """One error for several problems of one mapping (`what`): the first is its message, the rest are
        counted (`numcheck rules validate` lists each problem of a rule file)."""
        more = len(problems) - 1
        message = problems[0] + (f" (and {more} more in {what})" if more else "")
        return cls(message, problems)


class Interrupted(BaseException):
    """Ctrl-C: the run stops with "numcheck: interrupted" and exit code 130."""
