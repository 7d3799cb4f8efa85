"""Split a sentence into word, number and symbol tokens with their offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

FRACTION_CHARS = "½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"

# Each alternative consumes at least one character and the groups cannot overlap,
# so matching is linear in the text's length. Words come first: most tokens are words, and no
# word starts with a digit, so the order changes nothing but the tries.
_TOKEN = re.compile(
    rf"(?P<word>[^\W\d_{FRACTION_CHARS}]+(?:['’][^\W\d_{FRACTION_CHARS}]+)*)"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<other>\S)"
)


class Token(NamedTuple):
    """A token: its kind (num, word, other), text, lowercase text and span."""

    kind: str
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the tokens of text[start:end], with offsets into text."""
    global _last_lows
    new = tuple.__new__  # skips the NamedTuple constructor's extra call: tokens are made by the million
    tokens = []
    low_texts = []
    append, append_low = tokens.append, low_texts.append
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        value = match.group()
        low = value.lower()
        append(new(Token, (match.lastgroup or "other", value, low, match.start(), match.end())))
        append_low(low)
    _last_lows = (tokens, low_texts)  # the sentence's scans ask for these next: no second pass over the tokens
    return tokens


# The token list last asked for and its lowercase texts. Token lists are never changed once made, and the
# list itself is kept, so a new list (even at a reused address) is never mistaken for the last one.
_last_lows: tuple[list[Token], list[str]] = ([], [])


def lows(tokens: list[Token]) -> list[str]:
    """Return the lowercase texts of a token list, made once per list.

    A clause scan tests a slice of these against a set in C (`isdisjoint`) and runs its
    word-by-word loop only when a word it looks for is there; most clauses hold none.
    """
    global _last_lows
    last = _last_lows
    if last[0] is not tokens:
        last = _last_lows = (tokens, [tok[2] for tok in tokens])
    return last[1]


def phrase(text: str) -> tuple[str, ...]:
    """Return the lowercase token texts of a vocabulary phrase."""
    return tuple(token.low for token in tokenize(text))
