"""Suppression comments in Markdown and HTML: `<!-- numcheck: disable-next-line RULE -- reason -->`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# One comment at a time: the body may not contain ">", so each match ends at the first "-->".
_COMMENT = re.compile(r"<!--[ \t]*numcheck:[ \t]*([a-z-]+)([^>]*?)-->")
_ACTIONS = ("disable-next-line", "disable", "enable", "disable-file")


@dataclass(frozen=True)
class Suppression:
    """A stretch of lines where some rules (or all, when `rules` is empty) are silenced."""

    source: str
    line: int  # where the comment is
    first: int  # the lines it covers, inclusive
    last: int
    rules: tuple[str, ...]
    reason: str = ""

    def covers(self, rule: str, line: int) -> bool:
        """Return True when this suppression silences `rule` at `line`."""
        return self.first <= line <= self.last and (not self.rules or rule in self.rules)


def parse(source: str, text: str) -> tuple[list[Suppression], list[str]]:
    """Return the suppressions a text declares, and one problem per malformed comment."""
    found: list[Suppression] = []
    problems: list[str] = []
    open_ranges: dict[tuple[str, ...], int] = {}
    last_line = text.count("\n") + 1
    line, counted = 1, 0  # lines are counted forward once, however many comments there are
    for match in _COMMENT.finditer(text):
        line += text.count("\n", counted, match.start())
        end_line = line + text.count("\n", match.start(), match.end())
        counted = match.start()
        action = match.group(1)
        body, _, reason = match.group(2).partition("--")
        rules = tuple(sorted(body.split()))
        if action not in _ACTIONS:
            problems.append(f"{source}:{line}: unknown numcheck comment '{action}' (use {', '.join(_ACTIONS)})")
            continue
        if action == "disable-next-line":
            found.append(Suppression(source, line, end_line + 1, end_line + 1, rules, reason.strip()))
        elif action == "disable-file":
            found.append(Suppression(source, line, 1, last_line, rules, reason.strip()))
        elif action == "disable":
            open_ranges.setdefault(rules, line)
        else:  # enable: close the range opened for the same rules, or every range when it names none
            keys = [k for k in open_ranges if k == rules or not rules]
            if not keys:
                problems.append(f"{source}:{line}: 'enable' without a matching 'disable'")
            for key in keys:
                start = open_ranges.pop(key)
                found.append(Suppression(source, start, start, line, key))
    for rules, start in open_ranges.items():  # a disable never enabled runs to the end of the file
        found.append(Suppression(source, start, start, last_line, rules))
    return found, problems
