"""Errors that end a run with exit code 2 and a one-line message."""


class NumcheckError(Exception):
    """A problem the user can fix; printed as one line, exit code 2."""


class InputError(NumcheckError):
    """A file to check cannot be read."""


class ConfigError(NumcheckError):
    """A rule or vocabulary file is malformed."""


class Interrupted(BaseException):
    """Ctrl-C: the run stops with "numcheck: interrupted" and exit code 130."""
