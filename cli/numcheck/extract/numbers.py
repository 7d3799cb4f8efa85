"""Read the value of a number written in digits or in words, and the precision it implies."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from numcheck.extract.tokens import Token

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "nought": 0, "naught": 0,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
UNICODE_FRACTIONS = {
    "½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
    "⅑": 1 / 9, "⅒": 1 / 10,
}  # fmt: skip
NUMBER_WORDS = frozenset(ONES) | frozenset(TENS) | frozenset(WORD_SCALES) | {"dozen", "quarter"}
# Words after "N times" that make it a multiple ("3 times more likely"), not a count of events.
COMPARATIVES = frozenset(
    ("more", "less", "fewer", "higher", "lower", "larger", "greater", "bigger", "smaller", "as", "the", "that")
)
# Denominators in words; "second" is left out because "a second" is a duration.
_ORDINALS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1e3,
    "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}  # fmt: skip
DENOMINATORS = {"half": 2, "quarter": 4, **_ORDINALS}
# "twofold", "tenfold": a multiple in one word.
FOLD_WORDS = {
    **{word + "fold": float(v) for word, v in {**ONES, **TENS}.items() if v >= 2},
    "hundredfold": 100.0,
    "thousandfold": 1000.0,
}
_PERIOD_LEADS = frozenset(("last", "past", "next", "first", "previous", "consecutive", "straight", "recent"))
PLURAL_DENOMINATORS = {"halves": 2, "quarters": 4, **{word + "s": den for word, den in _ORDINALS.items()}}

# Western grouping "1,234,567" and Indian grouping "12,34,567" (lakh and crore).
_THOUSANDS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d+)?")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")
# No figure in the news comes near a googol; anything larger is a typo or a probe, not a claim,
# and keeping every value below it keeps the rules' arithmetic (products of figures) finite.
LARGEST = 1e100
MAX_DIGITS = 160  # characters of one digit token; a longer run is no figure (and int() would refuse it)


def representable(value: float | None) -> bool:
    """Return True when a value is None (unbounded) or a finite figure no larger than LARGEST."""
    return value is None or (math.isfinite(value) and abs(value) <= LARGEST)


def scaled(value: float, exponent: float) -> float | None:
    """Return value × 10**exponent, or None when the result is too large to be a figure."""
    if exponent > 300:  # 10.0**309 overflows; nothing that large is a figure anyway
        return None
    result = value * 10.0 ** max(exponent, -400.0)
    return result if representable(result) else None


def digits_value(text: str) -> float | None:
    """Return the value of a digit token ("12,000", "2.5"), or None when it is not a number."""
    if len(text) > MAX_DIGITS:
        return None
    if text.isdecimal():  # most tokens: plain digits, which _DECIMAL reads as they are
        value = float(text)
    elif _THOUSANDS.fullmatch(text):
        value = float(text.replace(",", ""))
    elif _DECIMAL.fullmatch(text):
        value = float(text)
    else:
        return None
    return value if representable(value) else None


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
    zeros = min(zeros, max(len(plain) - 2, 0), 300)  # capped: 10.0**309 overflows
    return 10.0**zeros * scale


def value_precision(value: float) -> float:
    """Return the place value of the last significant digit of a whole number."""
    if value != int(value) or value == 0:
        return 1.0 if value == int(value) else 0.1
    text = str(int(abs(value)))
    return 10.0 ** min(len(text) - len(text.rstrip("0")), max(len(text) - 2, 0))


def _integer(tokens: Sequence[Token], i: int) -> tuple[float, int, float] | None:
    """Read a whole number in words at i ("a hundred and two"); return (value, next, last scale)."""
    n = len(tokens)
    total = current = 0.0
    last = ""  # the kind of the last word read: ones, tens, scale
    scale = 1.0  # the last scale word read, for "one million and a half"
    j = i
    while j < n:
        low = tokens[j].low
        after = tokens[j + 1].low if j + 1 < n else ""
        if low in ("a", "an") and not last and (after in WORD_SCALES or after == "dozen"):
            current, last = 1.0, "ones"
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
            last, scale = "scale", 100.0
        elif low in WORD_SCALES and last:
            total += max(current, 1.0) * WORD_SCALES[low]
            current = 0.0
            last, scale = "scale", WORD_SCALES[low]
        elif low in ("dozen", "dozens") and last == "ones" and scale == 1.0:
            current *= 12
            last, scale = "scale", 12.0
        elif low == "and" and last == "scale" and (after in ONES or after in TENS) and after not in ("zero", "nought"):
            if fraction_words(tokens, j + 1, strict=False) is not None:
                break  # "one hundred and three quarters": the fraction belongs to the whole
        else:
            break
        j += 1
    if not last:
        return None
    return total + current, j, scale


def _denominator(tokens: Sequence[Token], j: int, count: float) -> float | None:
    """Return the denominator named at j for a numerator of count ("a fifth", "two thirds")."""
    if j >= len(tokens):
        return None
    low = tokens[j].low
    if count == 1 and low in DENOMINATORS:
        return DENOMINATORS[low]
    if count != 1 and low in PLURAL_DENOMINATORS:
        return PLURAL_DENOMINATORS[low]
    return None


def fraction_words(tokens: Sequence[Token], i: int, strict: bool = True) -> tuple[float, int] | None:
    """Read a fraction in words at i: "a half", "three quarters", "one-eighth", "two thirds"."""
    n = len(tokens)
    low = tokens[i].low if i < n else ""
    after = tokens[i + 1].low if i + 1 < n else ""
    if low == "half":
        return 0.5, i + 1
    if low == "quarter" and after in WORD_SCALES:
        return 0.25, i + 1  # "quarter million"
    if low in ("a", "an", "one"):
        count, j = 1.0, i + 1
    elif low in ONES or low in TENS:
        read = _integer(tokens, i)
        if read is None:
            return None
        count, j, _ = read
    else:
        return None
    hyphen = j + 1 < n and tokens[j].text == "-" and tokens[j].start == tokens[j - 1].end
    j += hyphen  # "one-eighth", "two-thirds"
    den = _denominator(tokens, j, count)
    if den is None:
        return None
    if count != 1 and count >= den and den < 100 and not _of_follows(tokens, j + 1):
        return None  # "twenty fifths" is no share; "three halves of" still reads
    if tokens[j].low == "quarters" and i > 0 and tokens[i - 1].low in _PERIOD_LEADS:
        return None  # "the last two quarters" are periods of a year
    if strict and count == 1 and not hyphen and not _ends_phrase(tokens, j + 1):
        return None  # "a third time", "a fifth term": ordinals, not shares
    return count / den, j + 1


def _ends_phrase(tokens: Sequence[Token], j: int) -> bool:
    """Return True when a fraction's phrase ends at j: "of", a unit-like word, or punctuation."""
    if j >= len(tokens):
        return True
    tok = tokens[j]
    return tok.kind != "word" or tok.low in ("of", "the", "that", "this", "those", "these", "and", "or", "as")


def _of_follows(tokens: Sequence[Token], j: int) -> bool:
    """Return True when "of" follows at j."""
    return j < len(tokens) and tokens[j].low == "of"


def _decimals(tokens: Sequence[Token], j: int) -> tuple[str, int]:
    """Read the digits spoken after "point": "five", "nought four", "seventy-one"."""
    digits = ""
    n = len(tokens)
    while j < n and tokens[j].low in ONES and ONES[tokens[j].low] < 10:
        digits += str(ONES[tokens[j].low])
        j += 1
    if not digits and j < n and (tokens[j].low in TENS or tokens[j].low in ONES):
        read = _integer(tokens, j)
        if read is not None and read[0] < 100:
            return str(int(read[0])), read[1]
    return digits, j


def words_value(tokens: Sequence[Token], i: int) -> tuple[float, int, bool] | None:
    """Read a number written in words at tokens[i]; return (value, next index, is a share).

    Handles "eleven", "twenty-four", "a hundred and two", "half a million", "a quarter of
    a million", "two-thirds", "one and a half", "a dozen", "zero point five".
    """
    n = len(tokens)
    fraction = fraction_words(tokens, i)
    if fraction is not None:
        value, j = fraction
        # "half a million", "a quarter of a million", "two thirds of a million"
        k = j + (j < n and tokens[j].low == "of")
        k += k < n and tokens[k].low in ("a", "an")
        if k < n and tokens[k].low in WORD_SCALES and tokens[k].low != "hundred":
            return value * WORD_SCALES[tokens[k].low], k + 1, False
        if k < n and tokens[k].low == "dozen":
            return value * 12, k + 1, False
        return value, j, True
    read = _integer(tokens, i)
    if read is None:
        return None
    value, j, scale = read
    if j + 1 < n and tokens[j].low == "point":
        digits, k = _decimals(tokens, j + 1)
        if digits:
            return value + float("0." + digits), k, False
    if j + 1 < n and tokens[j].low == "and":
        part = fraction_words(tokens, j + 1, strict=False)
        if part is not None:
            share, k = part
            if k < n and tokens[k].low in WORD_SCALES:
                big = WORD_SCALES[tokens[k].low]
                if scale > big:
                    return value + share * big, k + 1, False  # "one billion and a half million"
                return (value + share) * big, k + 1, False  # "five and a half million"
            return value + share * (scale if scale > 100 else 1.0), k, False  # "one million and a half"
    return value, j, False
