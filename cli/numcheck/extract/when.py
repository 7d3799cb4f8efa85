"""Time anchors in a sentence: "as of March 2024", "by the end of 2025", "on Monday"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from numcheck.extract.tokens import Token

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CUES = (
    r"as of|as at|by the end of|at the end of|by the start of|by|in|on|since|until|till|through"
    r"|before|after|from|to|during|end of|early|late|mid|last|this|next"
)
_AGO_COUNTS = (
    "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|several|a few"
)
_NOW = "today|now|currently|nowadays|at present"
# Month names are matched capitalised only: "in May" is a month, "it may be" is not.
_MONTH = "(?-i:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + ")"
# Every part is a fixed word list or a bounded digit run: no nested repetition, so each
# attempt is short and the scan stays linear.
_ANCHOR = re.compile(
    rf"\b(?P<cue>{_CUES})[ \t]+(?:the[ \t]+)?(?:(?:early|mid|late)[- ])?"
    rf"(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?)?"
    rf"(?:(?P<month>{_MONTH})\b\.?(?:[ \t]+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"(?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b)?"
    rf"|(?P<lone_year>(?:19|20)\d\d)\b(?![-–]\d)"
    rf"|(?P<weekday>{'|'.join(WEEKDAYS)})\b(?P<last_week>[ \t]+of[ \t]+last[ \t]+week\b)?"
    rf"|(?P<relative>week|month|year|yesterday|today)\b)"
    rf"|\b(?P<ago>(?:\d{{1,3}}|{_AGO_COUNTS})[ \t]+(?:year|month|week|day|decade)s?[ \t]+ago)\b"
    rf"|\b(?P<now>{_NOW})\b",
    re.IGNORECASE,
)
# The lowercase words an anchor can begin with. Every word of a cue, a count before "ago" and
# "at present" is followed by a space, so the token there is that word exactly; "today", "now" …
# are followed by a word boundary only ("today's"), so a token that starts with one may begin an anchor.
_FIRST_WORDS = frozenset(alternative.split()[0] for alternative in f"{_CUES}|{_AGO_COUNTS}|{_NOW}".split("|"))
_NOW_WORDS = tuple(word for word in _NOW.split("|") if " " not in word)
# Inside a token a word boundary follows an apostrophe ("rock'in 2019") or a digit group's separator
# ("1,000 years ago" holds "000 years ago"): these positions may begin an anchor too.
_INNER_STARTS = re.compile(r"['’.,](?=\w)")
# Characters that match an ASCII letter of the pattern without ignoring case (ſ s, ı İ i, K k): a
# sentence with one is scanned by the pattern itself, as its tokens' lowercase texts would not show it.
_FOLDS = re.compile("[\u017f\u0131\u0130\u212a]")


# What every anchor ends on: a year, a month, a weekday or a time word. Most sentences have
# none, and this one search is cheaper than trying every cue at every word. It reads as
#   (?:19|20)\d\d | (?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) | day\b|week|month|year|ago\b|now\b|current
# (the last seven ignoring case), written to open with one character class: the regex engine then
# skips straight to the characters a hint can start with, and a lookbehind picks the alternative
# (four times faster than trying each alternative at every character).
_HINT = re.compile(
    r"[12JFMASONDdwWmyYaAnNcC](?:"
    r"(?<=1)9\d\d|(?<=2)0\d\d"
    r"|(?<=J)(?:an|un|ul)|(?<=F)eb|(?<=M)(?:ar|ay)|(?<=A)(?:pr|ug)|(?<=S)ep|(?<=O)ct|(?<=N)ov|(?<=D)ec"
    r"|(?<=[dD])(?i:ay)\b|(?<=[wW])(?i:eek)|(?<=[mM])(?i:onth)|(?<=[yY])(?i:ear)|(?<=[aA])(?i:go)\b"
    r"|(?<=[nN])(?i:ow)\b|(?<=[cC])(?i:urrent)"
    r")"
)


def anchors(text: str, start: int, end: int, tokens: list[Token] | None = None) -> list[tuple[int, int, str, str]]:
    """Return (start, end, cue, when) for each time anchor in text[start:end].

    `when` is an ISO-like partial date ("2024", "2024-03", "2024-03-05"), "--03" for a month
    without a year, a weekday, a relative word with its cue ("last week"), a span back
    ("fifteen years ago") or "now" (today, currently). `tokens`, the tokens of text[start:end]
    when the caller has them, let the pattern be tried only where an anchor can begin.
    """
    found: list[tuple[int, int, str, str]] = []
    if not _HINT.search(text, start, end):
        return found
    matches = _ANCHOR.finditer(text, start, end) if tokens is None else _matches(text, start, end, tokens)
    for match in matches:
        if match.group("ago") or match.group("now"):
            found.append((match.start(), match.end(), "relative", (match.group("ago") or "now").lower()))
            continue
        cue = match.group("cue").lower()
        when = _when(match, cue)
        if when is not None:
            found.append((match.start(), match.end(), cue, when))
    return found


def _matches(text: str, start: int, end: int, tokens: list[Token]) -> Iterator[re.Match[str]]:
    """Yield what `_ANCHOR.finditer(text, start, end)` yields, trying the pattern only where an anchor can begin.

    finditer tries the pattern at every character, and each try runs through every cue; a sentence
    has a few words an anchor can begin with. Every position where the pattern can match is among
    those tried here (a word boundary before a letter or digit is a token's start, or follows an
    apostrophe or a digit group's separator inside one), and they are tried in order, each after
    the end of the last match: the same matches as finditer's.
    """
    if _FOLDS.search(text, start, end):
        yield from _ANCHOR.finditer(text, start, end)
        return
    first = _FIRST_WORDS
    positions = [tok[3] for tok in tokens if tok[2] in first or tok[0] == "num"]
    inner = [m.end() for m in _INNER_STARTS.finditer(text, start, end)]
    if inner:
        # "today's": a now-word ends at an apostrophe inside its token (the only word boundary inside a word)
        heads = [tok[3] for tok in tokens if tok[2].startswith(_NOW_WORDS)]
        positions = sorted({*positions, *inner, *heads})
    match_at = _ANCHOR.match
    resume = start
    for position in positions:
        if position < resume:
            continue
        match = match_at(text, position, end)
        if match is not None:
            yield match
            resume = match.end()


def _when(match: re.Match[str], cue: str) -> str | None:
    """Normalise one anchor match."""
    if match.group("relative"):
        if cue not in ("last", "this", "next") and match.group("relative").lower() not in ("yesterday", "today"):
            return None
        word = match.group("relative").lower()
        return word if word in ("yesterday", "today") else f"{cue} {word}"
    if match.group("weekday"):
        # "on Friday of last week" is a week before "on Friday"
        return match.group("weekday").lower() + (" last week" if match.group("last_week") else "")
    if match.group("lone_year"):
        if cue in ("last", "this", "next", "early", "late", "mid", "to"):
            return None
        return match.group("lone_year")
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    day = match.group("day1") or match.group("day2")
    year = match.group("year")
    date = f"{year}-{month:02d}" if year else f"--{month:02d}"
    if day and 1 <= int(day) <= 31:
        date += f"-{int(day):02d}"
    return date


def ordinal(when: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a dated anchor for ordering, or None when it has no year."""
    parts = when.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 0
    day = int(parts[2]) if len(parts) > 2 else 0
    return year, month, day


def resolve(when: str, date: str | None) -> str:
    """Date a relative anchor by the text's own date: "sunday" in a text of 2025-03-16 → "2025-03-16".

    A weekday is the latest such day on or before the text's date ("friday last week": that day of
    the calendar week before the text's); "N days ago" counts back from
    it; "yesterday" is the day before. Without a date, or for other anchors, the anchor stays.
    """
    import datetime

    if not date:
        return when
    try:
        today = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return when
    back = None
    if when in WEEKDAYS:
        back = (today.weekday() - WEEKDAYS.index(when)) % 7
    elif when.endswith(" last week") and when.split()[0] in WEEKDAYS:
        back = today.weekday() + 7 - WEEKDAYS.index(when.split()[0])  # that day in the week before this one
    elif when in ("yesterday", "today"):
        back = 1 if when == "yesterday" else 0
    else:
        words = when.split()
        if len(words) == 3 and words[0].isdigit() and words[1] in ("day", "days") and words[2] == "ago":
            back = int(words[0])
    if back is None:
        return when
    try:
        return (today - datetime.timedelta(days=back)).isoformat()
    except OverflowError:  # before year 1 ("100 days ago" in a text dated 0001-01-05): keep it as written
        return when
