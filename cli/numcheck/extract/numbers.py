"""Read the value of a number written in digits or in words, and the precision it implies."""

from __future__ import annotations

import re
from collections.abc import Sequence

from numcheck.extract.tokens import Token

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}
NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(WORD_SCALES) | {"dozen"}

_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def digits_value(text: str) -> float | None:
    """Return the value of a digit token ("12,000", "2.5"), or None when it is not a number."""
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))
    if _DECIMAL.fullmatch(text):
        return float(text)
    return None


def digits_precision(text: str, scale: float = 1.0) -> float:
    """Return the place value of the last significant digit of a digit token, times scale.

    "12,000" → 1000, "2.5" → 0.1, "12" → 1; widening takes a fraction of it.
    """
    plain = text.replace(",", "")
    if "." in plain:
        return 10.0 ** -len(plain.split(".", 1)[1]) * scale
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    # Read a round number as rounded to two significant figures at most: "10,000" ± 500.
    zeros = min(zeros, max(len(plain) - 2, 0))
    return 10.0**zeros * scale


def value_precision(value: float) -> float:
    """Return the place value of the last significant digit of a whole number."""
    if value != int(value) or value == 0:
        return 1.0 if value == int(value) else 0.1
    text = str(int(abs(value)))
    return 10.0 ** min(len(text) - len(text.rstrip("0")), max(len(text) - 2, 0))


def words_value(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """Read a number written in words starting at tokens[i]; return (value, next index).

    Handles "eleven", "twenty-four", "a hundred and two", "half a million",
    "one and a half", "a dozen", "three million".
    """
    n = len(tokens)
    total = current = 0.0
    last = ""  # the kind of the last word read: ones, tens, scale
    j = i
    while j < n:
        low = tokens[j].low
        after = tokens[j + 1].low if j + 1 < n else ""
        if low in ("a", "an") and not last and (after in WORD_SCALES or after == "dozen"):
            current, last = 1.0, "ones"
        elif low == "half" and not last and after == "a" and j + 2 < n:
            word = tokens[j + 2].low
            if word not in WORD_SCALES and word != "dozen":
                break
            return 0.5 * (12 if word == "dozen" else WORD_SCALES[word]), j + 3
        elif low in ONES and (last in ("", "scale") or (last == "tens" and ONES[low] < 10)):
            current += ONES[low]
            last = "ones"
        elif low in TENS and last in ("", "scale"):
            current += TENS[low]
            last = "tens"
            glued = j + 2 < n and tokens[j + 1].text == "-" and tokens[j + 1].start == tokens[j].end
            if glued and tokens[j + 2].low in ONES and ONES[tokens[j + 2].low] < 10:
                current += ONES[tokens[j + 2].low]
                last = "ones"
                j += 2
        elif low == "hundred" and last in ("ones", "tens"):
            current *= 100
            last = "scale"
        elif low in WORD_SCALES and last:
            total += max(current, 1.0) * WORD_SCALES[low]
            current = 0.0
            last = "scale"
        elif low == "dozen" and last == "ones":
            current *= 12
            last = "scale"
        elif low == "and" and last == "scale" and (after in ONES or after in TENS):
            pass
        elif low == "and" and last == "ones" and after == "a" and j + 2 < n:
            if tokens[j + 2].low != "half":
                break
            current += 0.5
            j += 3
            break
        else:
            break
        j += 1
    if not last:
        return None
    return total + current, j
