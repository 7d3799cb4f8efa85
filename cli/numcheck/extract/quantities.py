"""Read one quantity at a number token: modifiers, currency, value, scale, range, unit, rate."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from numcheck.extract.numbers import (
    COMPARATIVES,
    FOLD_WORDS,
    NUMBER_WORDS,
    UNICODE_FRACTIONS,
    digits_precision,
    digits_value,
    fraction_words,
    scaled,
    value_precision,
    words_value,
)
from numcheck.extract.tokens import Token, lows
from numcheck.memo import once_per

ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
DASHES = frozenset(("-", "–", "—", "‐", "‑"))
MINUS = frozenset(("-", "−", "–"))
RATE_LEADS = frozenset(("per", "a", "an", "/", "each", "every"))
YEAR_LEADS = frozenset(
    [
        "in",
        "by",
        "since",
        "from",
        "until",
        "till",
        "to",
        "of",
        "during",
        "before",
        "after",
        "the",
        "early",
        "late",
        "mid",
        "end",
        "start",
        "between",
        "fiscal",
        "fy",
        "year",
        "years",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "circa",
        "and",
        "or",
    ]
)

if TYPE_CHECKING:
    from numcheck.vocab import Modifier, Vocabulary


@dataclass
class Quantity:
    """A quantity being read; indices are token positions within the sentence."""

    first: int
    last: int  # exclusive
    value: float
    low: float | None
    high: float | None
    unit: str = ""
    qualifier: str = "exact"
    modifier: Modifier | None = None
    precision: float = 1.0
    scaled: bool = False
    vague: bool = False
    compound: bool = False  # "12-hour shifts": the unit is an adjective, a noun follows


def glued(a: Token, b: Token) -> bool:
    """Return True when token b starts right where token a ends."""
    return a.end == b.start


# id(table) -> (table, (phrase sizes by first word, phrase sizes by last word)), longest first (memo.once_per).
_SIZES: dict[int, tuple[object, tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]]] = {}


def _sizes(table) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Return the size index of a phrase table: only sizes some phrase has are tried, longest first."""
    return once_per(_SIZES, table, _build_sizes)


def _build_sizes(table) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Build a phrase table's phrase sizes by first word and by last word, longest first."""
    by_first: dict[str, set[int]] = {}
    by_last: dict[str, set[int]] = {}
    for key in table:
        if key:
            by_first.setdefault(key[0], set()).add(len(key))
            by_last.setdefault(key[-1], set()).add(len(key))
    return (
        {word: tuple(sorted(sizes, reverse=True)) for word, sizes in by_first.items()},
        {word: tuple(sorted(sizes, reverse=True)) for word, sizes in by_last.items()},
    )


def phrase_sizes(table, first: str) -> tuple[int, ...]:
    """Return the lengths of a phrase table's phrases that start with `first`, longest first."""
    return _sizes(table)[0].get(first, ())


def match_phrase(tokens: list[Token], i: int, table: dict, longest: int, lower: bool = True):
    """Return (value, next index) of the longest phrase of table starting at i (at most `longest` words), or None."""
    n = len(tokens)
    if i >= n:
        return None
    tok = tokens[i]
    entry = _SIZES.get(id(table))  # _sizes(table), without a call in the common case: this runs per figure
    by_first = entry[1][0] if entry is not None and entry[0] is table else _sizes(table)[0]
    sizes = by_first.get(tok.low if lower else tok.text)
    if sizes is None:
        return None
    for size in sizes:
        if size > longest or i + size > n:
            continue
        if size == 1:
            key = (tok.low if lower else tok.text,)
        else:
            key = tuple([t.low for t in tokens[i : i + size]] if lower else [t.text for t in tokens[i : i + size]])
        if key in table:
            return table[key], i + size
    return None


def match_phrase_ending(tokens: list[Token], end: int, table: dict, longest: int, floor: int):
    """Return (value, first index) of the longest phrase of table ending just before end."""
    if end <= floor or end > len(tokens):
        return None
    sizes = _sizes(table)[1].get(tokens[end - 1].low)
    if sizes is None:
        return None
    for size in sizes:
        if size > longest or end - size < floor:
            continue
        key = tuple([t.low for t in tokens[end - size : end]])
        if key in table:
            return table[key], end - size
    return None


class QuantityReader:
    """Reads quantities from the tokens of one sentence."""

    def __init__(self, vocab: Vocabulary, tokens: list[Token], text: str, lower: str) -> None:
        self.v = vocab
        self.t = tokens
        self.n = len(tokens)
        self.text = text  # the whole prose view; token offsets index into it
        self.lower = lower  # this sentence, lowercased
        self._context: bool | None = None
        self.unreadable_end = 0  # the end of the last number too large to be a figure ("10^400"): none of it is read

    # -- the number itself ------------------------------------------------------------

    def number_at(self, i: int) -> tuple[float, int, float, bool] | None:
        """Return (value, next index, precision, is a share) of the number at i, digits or words."""
        t = self.t
        tok = t[i]
        if tok.kind == "num":
            value = digits_value(tok.text)
            if value is None:
                return None
            j = i + 1
            precision = digits_precision(tok.text)
            # "1 200", "1 414 021 100": space-grouped thousands after a short first group
            if tok.text.isdigit() and len(tok.text) <= 3:
                digits = tok.text
                while (
                    j < self.n
                    and t[j].kind == "num"
                    and len(t[j].text.split(".")[0]) == 3
                    and t[j].text.replace(".", "", 1).isdigit()
                    and self._space_group(t[j - 1].end, t[j].start)
                ):
                    digits += t[j].text
                    j += 1
                    if "." in t[j - 1].text:
                        break
                if j > i + 1:
                    grouped = digits_value(digits)
                    if grouped is None:
                        return None  # more groups than any figure has
                    value, precision = grouped, digits_precision(digits)
            # ".5": a decimal point written without the leading zero
            if i > 0 and t[i - 1].text == "." and glued(t[i - 1], tok) and tok.text.isdigit():
                if i < 2 or not glued(t[i - 2], t[i - 1]):
                    value = float("0." + tok.text)
                    precision = 10.0 ** -len(tok.text)
            power = self._power_of_ten(j, value)
            if power is not None:
                exponent, j = power
                big = scaled(value, exponent)
                if big is None:
                    self.unreadable_end = max(self.unreadable_end, j)
                    return None  # "1e999": too large to be a figure, nor is its exponent one
                return big, j, scaled(precision, exponent) or abs(big), False
            # "2½" or "2 1/2"
            if j < self.n and t[j].text in UNICODE_FRACTIONS and glued(t[j - 1], t[j]):
                value += UNICODE_FRACTIONS[t[j].text]
                j += 1
            elif (
                j + 2 < self.n
                and t[j].kind == "num"
                and t[j + 1].text == "/"
                and t[j + 2].kind == "num"
                and glued(t[j], t[j + 1])
                and glued(t[j + 1], t[j + 2])
                and value == int(value)
            ):
                num, den = digits_value(t[j].text), digits_value(t[j + 2].text)
                if num is not None and den and num < den:
                    value += num / den
                    j += 3
            # "1/4"
            if (
                j + 1 < self.n
                and t[j].text == "/"
                and t[j + 1].kind == "num"
                and glued(t[j - 1], t[j])
                and glued(t[j], t[j + 1])
            ):
                den = digits_value(t[j + 1].text)
                if den and value < den and den <= 100:
                    return value / den, j + 2, 0.01, True
                return None  # "24/7", "9/11", dates: not a quantity
            return value, j, precision, False
        if tok.text in UNICODE_FRACTIONS:
            return UNICODE_FRACTIONS[tok.text], i + 1, 0.01, True
        if tok.low in FOLD_WORDS:
            return FOLD_WORDS[tok.low], i + 1, 1.0, False
        if tok.low in NUMBER_WORDS or tok.low in ("a", "an", "half"):
            read = words_value(t, i)
            if read is None:
                return None
            value, j, share = read
            return value, j, 0.01 if share else value_precision(value), share
        return None

    def _power_of_ten(self, j: int, mantissa: float) -> tuple[float, int] | None:
        """Read an exponent written after a number: "1e10", "1.3x10^6", "1.99×10⁻³⁰", "10^6"."""
        t, n = self.t, self.n
        if j >= n or not glued(t[j - 1], t[j]):
            return None
        k = j
        if t[k].text in ("e", "E") and k + 1 < n and glued(t[k], t[k + 1]):
            k += 1  # "1e10", "-12e-1", "12.32e+14"
        elif t[k].text in ("x", "×", "·") and k + 1 < n and t[k + 1].text == "10" and glued(t[k], t[k + 1]):
            k += 2  # "1.3x10^6", "2.48×10−5"
        elif mantissa == 10 and t[k].text == "^":
            return self._exponent(k + 1, mantissa_is_base=True)
        else:
            return None
        if t[j].text in ("e", "E"):
            return self._exponent(k)
        if k < n and glued(t[k - 1], t[k]):
            return self._exponent(k + (t[k].text == "^"))
        return None

    def _exponent(self, k: int, mantissa_is_base: bool = False) -> tuple[float, int] | None:
        """Read a signed exponent at k, in digits or superscripts; return (power, next index)."""
        t, n = self.t, self.n
        sign = 1.0
        if k < n and t[k].text in ("-", "−", "⁻", "+", "⁺") and k + 1 < n and glued(t[k], t[k + 1]):
            sign = -1.0 if t[k].text in ("-", "−", "⁻") else 1.0
            k += 1
        if k >= n:
            return None
        text = t[k].text.translate(_SUPERSCRIPTS)
        if not text.isdigit() or len(text) > 3:
            return None
        power = sign * int(text)
        if mantissa_is_base:
            power -= 1  # "10^6": the mantissa 10 is the base itself
        return power, k + 1

    def _space_group(self, start: int, end: int) -> bool:
        """Return True when text[start:end] groups thousands: one space, or no-break spaces only.

        An HTML "&nbsp;" keeps its length in the prose view as a run of no-break spaces.
        """
        gap = self.text[start:end]
        if len(gap) == 1:
            return gap in " \u00a0\u2009\u202f"
        return 1 < len(gap) <= 8 and not gap.strip("\u00a0\u2009\u202f")

    # -- around the number ------------------------------------------------------------

    def scale_at(self, j: int) -> tuple[float, int]:
        """Return (multiplier, next index) for a scale word at j ("million", "bn", "m")."""
        if j >= self.n:
            return 1.0, j
        tok = self.t[j]
        scale = self.v.scales.get(tok.low)
        if scale is None or tok.kind != "word":
            return 1.0, j
        if tok.text == "K" and self._has_context():
            return 1.0, j  # "573.15K" in a sentence about temperature is kelvin
        if tok.low in ("m", "k", "b", "bn", "mn", "tn") and not glued(self.t[j - 1], tok):
            if tok.low in ("m", "k", "b"):
                return 1.0, j  # a lone letter after a space is not a scale
        if tok.low == "m" and tok.text == "m" and not self._m_is_million(j):
            return 1.0, j
        if tok.low == "b" and not self._money_before(j - 1):
            return 1.0, j  # "$5b" is billions; "a 1500b packet" is bits
        if tok.low == "t" and not (glued(self.t[j - 1], tok) and self._money_before(j - 1)):
            return 1.0, j  # "$2.1T" is trillions; "278,000 t" is tonnes
        return scale, j + 1

    def _money_before(self, j: int) -> bool:
        """Return True when a currency symbol stands just before the number ending at j."""
        return any(self.t[k].text in self.v.symbol_chars for k in range(max(0, j - 3), j))

    def _m_is_million(self, j: int) -> bool:
        """Decide "5m" between million and metres: million after money or before a noun."""
        if self._money_before(j - 1):
            return True
        if j + 1 < self.n and self.t[j + 1].kind == "word":
            return self.t[j + 1].low not in _METRE_FOLLOWERS
        return False

    def currency_before(self, i: int, floor: int) -> tuple[str, int] | None:
        """Return (ISO code, first index) of a currency symbol written before index i."""
        v, t = self.v, self.t
        if i > floor and t[i - 1].text in v.weak_symbols and self.weak_symbol_at(i - 1):
            return v.weak_symbols[t[i - 1].text], i - 1
        if i == floor or t[i - 1].text not in v.lasts["currency_symbols"]:
            return None
        if i - 2 >= floor and t[i - 1].text == "$" and t[i - 2].kind == "word":
            # "usd$15", "C $ 300 million": a country prefix, glued or one space away
            word = t[i - 2]
            code = v.dollar_prefixes.get(word.low)
            gap = t[i - 1].start - word.end
            if code and (gap == 0 or (gap == 1 and (len(word.text) > 1 or word.low == "c"))):
                return code, i - 2
        for size in range(min(v.longest["currency_symbols"], i - floor), 0, -1):
            span = self.t[i - size : i]
            key = tuple(t.text for t in span)
            code = v.currency_symbols.get(key)
            if code is None:
                continue
            # "$5" or "USD 5"; a symbol glued inside a word ("F$") is not a currency
            if any(not glued(a, b) for a, b in itertools.pairwise(span)):
                continue
            if code == "USD" and key == ("$",) and i - size - 1 >= floor:
                prev = self.t[i - size - 1]
                if prev.kind == "word" and glued(prev, span[0]):
                    continue
            return code, i - size
        return None

    def weak_symbol_at(self, k: int) -> bool:
        """Return True when a one-letter symbol at k is money: glued to a scaled or grouped amount."""
        t = self.t
        if k + 1 >= self.n or not glued(t[k], t[k + 1]) or t[k + 1].kind != "num":
            return False
        if k > 0 and glued(t[k - 1], t[k]) and t[k - 1].kind == "word":
            return False
        return "," in t[k + 1].text or self.scale_at(k + 2)[0] >= 1e3

    def modifier_before(self, i: int, floor: int) -> tuple[Modifier, int] | None:
        """Return the hedge or bound written before index i, and its first index."""
        if i <= floor or self.t[i - 1].low not in self.v.lasts["modifiers"]:
            return None  # only a modifier's last word can end one: most figures have none before them
        found = match_phrase_ending(self.t, i, self.v.modifiers, self.v.longest["modifiers"], floor)
        if found is None:
            return None
        modifier, first = found
        if modifier.words in ("some",) and first > floor and self.t[first - 1].low in ("for", "and"):
            return None
        return modifier, first

    def unit_after(self, j: int, q: Quantity) -> int:
        """Read a unit or currency name after the number; set q.unit; return the next index."""
        t, v = self.t, self.v
        if j >= self.n:
            return j
        # "12-hour", "2.5-mile": a unit glued by a hyphen is an adjective
        if t[j].text in DASHES and j + 1 < self.n and glued(t[j - 1], t[j]) and glued(t[j], t[j + 1]):
            found = self._unit_phrase(j + 1, attached=True)
            if found is None:  # "a one-yen bid", "a 10-dollar note"
                found = match_phrase(t, j + 1, v.currency_names, v.longest["currency_names"])
            if found and not t[j + 1].text.isupper():
                unit, k = found
                q.unit, q.compound = unit, True
                return k
            return j
        found = self._unit_phrase(j, attached=glued(t[j - 1], t[j]))
        if found is None and self._inch_before_adjective(j):
            found = "inch", j + 1
        if found:
            q.unit, k = found
            k = self._per_unit(k, q)
            if q.unit == "pound" and not self._pound_is_mass(k, q):
                q.unit = "GBP"
                return self._cents_after(k, q)
            return k
        # A phrase table is asked only when the word can start one of its phrases: most figures have no unit.
        firsts = v.firsts["currency_names"]
        name = match_phrase(t, j, v.currency_names, v.longest["currency_names"]) if t[j].low in firsts else None
        if name:
            q.unit, k = name
            scale, after = self.scale_at(k)
            if scale != 1.0 and not q.scaled:
                self._scale(q, scale)  # "75 USD million"
                return after
            return self._cents_after(k, q)
        ambiguous = match_phrase(t, j, v.currency_ambiguous, 3)
        if ambiguous and (q.scaled or q.value >= 1000):
            q.unit, k = ambiguous
            return k
        return self._currency_after(j, q)

    def _currency_after(self, j: int, q: Quantity) -> int:
        """Read a currency written after the amount: "10 €", "100元", "30 MUSD", "75 USD million"."""
        t, v = self.t, self.v
        tok = t[j]
        symbol = v.currency_symbols.get((tok.text,))
        if symbol is None and tok.text[:1] == "M" and tok.text[1:] in v.currencies and len(tok.text) == 4:
            q.unit = tok.text[1:]  # "120 MEUR": millions of euros in financial writing
            self._scale(q, 1e6)
            return j + 1
        if symbol is None or tok.start - t[j - 1].end > 1:
            return j
        if j + 1 < self.n and t[j + 1].kind == "num":
            return j  # "10 $20": the symbol belongs to the next amount
        q.unit = symbol
        scale, k = self.scale_at(j + 1)
        if scale != 1.0 and not q.scaled:
            self._scale(q, scale)  # "75 USD million"
            return k
        return j + 1

    def multiple_after(self, j: int, q: Quantity) -> int:
        """Read a multiple: "25x", "a 10-fold rise", "3 times more likely", "twice as many"."""
        t = self.t
        if j >= self.n:
            return j
        tok = t[j]
        if tok.low in ("x", "×") and glued(t[j - 1], tok) and (j + 1 >= self.n or not glued(tok, t[j + 1])):
            q.unit = "times"
            return j + 1
        if tok.text in DASHES and j + 1 < self.n and t[j + 1].low == "fold" and glued(t[j - 1], tok):
            q.unit = "times"
            return j + 2
        if tok.low == "times" and j + 1 < self.n and t[j + 1].low in COMPARATIVES:
            q.unit = "times"
            return j + 1
        return j

    def _per_unit(self, k: int, q: Quantity) -> int:
        """Extend a unit by a glued "/unit" that is no time ("10 l/km", "5.5 kg/cm³")."""
        t = self.t
        if k + 1 >= self.n or t[k].text != "/" or not glued(t[k - 1], t[k]) or not glued(t[k], t[k + 1]):
            return k
        if t[k + 1].low in self.v.per:
            return k  # "/hour", "/month": a rate, read by rate_after
        below = self._unit_phrase(k + 1, attached=True)
        if below is None:
            return k
        q.unit = f"{q.unit} / {below[0]}"
        return below[1]

    def _inch_before_adjective(self, j: int) -> bool:
        """Return True for "in" as inches: "2 1/2 in thick", "10 in long"."""
        t = self.t
        return t[j].low == "in" and j + 1 < self.n and t[j + 1].low in _DIMENSION_ADJECTIVES

    def _inches_after(self, j: int, q: Quantity) -> int:
        """Add the inches of "5 ft 2 in", "6 feet 1 inch", "5 feet and 2 inches"."""
        t = self.t
        k = j + 1 if j < self.n and t[j].low == "and" else j
        number = self.number_at(k) if k < self.n else None
        if number is None or number[3] or q.value != int(q.value) or number[1] >= self.n:
            return j
        inches, end, _, _ = number
        if t[end].low not in ("in", "in.", "inch", "inches", '"', "″") or inches >= 12:
            return j
        q.value = q.low = q.high = q.value + inches / 12
        q.precision = 1 / 12
        return end + 1

    def _scale(self, q: Quantity, scale: float) -> None:
        """Multiply a quantity read so far by a scale."""
        q.value *= scale
        q.low = q.value if q.low is not None else None
        q.high = q.value if q.high is not None else None
        q.precision *= scale
        q.scaled = True

    def _cents_after(self, k: int, q: Quantity) -> int:
        """Add the cents of "3 dollars 50 cents" or "thirteen dollars and forty-five cents"."""
        t = self.t
        m = k + 1 if k < self.n and t[k].low == "and" else k
        if q.scaled or q.value != int(q.value) or m >= self.n:
            return k
        number = self.number_at(m)
        if number is None or number[3]:
            return k
        cents, end, _, _ = number
        if end < self.n and t[end].low in ("cents", "cent", "pence", "p") and cents < 100:
            q.value = q.low = q.high = q.value + cents / 100
            q.precision = 0.01
            return end + 1
        return k

    def _pound_is_mass(self, j: int, q: Quantity) -> bool:
        """Decide "pounds" between mass and sterling: "pounds of" is mass, a money word means sterling."""
        if j < self.n and self.t[j].low == "of":
            return True
        if q.scaled:
            return False  # "361 million pounds": millions of pounds are money in news
        words = set(self.lower.split())
        return not (words & self.v.pound_money_words)

    def _unit_phrase(self, j: int, attached: bool) -> tuple[str, int] | None:
        """Return (unit, next index) of the unit phrase at j."""
        t, v = self.t, self.v
        best = None
        if j >= self.n or (t[j].low not in v.firsts["units"] and t[j].text not in v.firsts["units"]):
            return None
        # Only the lengths of the unit phrases that start with this word (as written or lowercase) can match.
        sizes = sorted({*phrase_sizes(v.units, t[j].low), *phrase_sizes(v.units, t[j].text)}, reverse=True)
        for size in sizes:
            if size > self.n - j:
                continue
            span = t[j : j + size]
            if size > 1 and any(not glued(a, b) and b.kind == "other" for a, b in itertools.pairwise(span)):
                continue
            unit = v.units.get(tuple(lows(t)[j : j + size]))
            exact = v.units.get(tuple(x.text for x in span))
            if size == 1 and span[0].text in v.case_sensitive:
                unit = exact
            elif size == 1 and span[0].low in v.case_folded and exact is None:
                unit = None if len(span[0].text) <= 2 else unit
            if unit is None:
                continue
            alone = span[0].text not in v.spaced_letters and not self._letter_unit_context(j)
            if size == 1 and len(span[0].text) == 1 and span[0].kind == "word" and not attached and alone:
                continue  # one-letter words are units only when glued: "5m", never "a mix"
            if size == 1 and span[0].text in v.context_forms and not self._has_context():
                continue
            if (
                span[-1].kind == "word"
                and j + size < self.n
                and glued(span[-1], t[j + size])
                and t[j + size].kind in ("word", "num")
            ):
                continue  # "5mph" is a unit, "24703m212" and "5Gx" are codes
            best = (unit, j + size)
            break
        return best

    def _letter_unit_context(self, j: int) -> bool:
        """Return True when a spaced one-letter unit is plain: "4.5 m long", "10 l/km"."""
        t = self.t
        if j + 1 >= self.n:
            return False
        after = t[j + 1]
        if after.text == "/" and glued(t[j], after):
            return True
        return t[j].text == "m" and after.low in _DIMENSION_ADJECTIVES

    def _has_context(self) -> bool:
        """Return True when the sentence speaks of what a context-bound unit measures."""
        if self._context is None:
            self._context = bool(set(re.findall(r"\w+", self.lower)) & self.v.context_words)
        return self._context

    def rate_after(self, j: int, unit: str) -> tuple[str, int] | None:
        """Return (unit per time, next index) for "per hour", "a day", "/month", "annually"."""
        t, v = self.t, self.v
        if j >= self.n:
            return None
        found = None
        word = match_phrase(t, j, v.rate_words, v.longest["rate_words"]) if t[j].low in v.firsts["rate_words"] else None
        if word:
            per, k = word
            found = _per(unit, per), k
        elif t[j].low in RATE_LEADS and j + 1 < self.n:
            per = v.per.get(t[j + 1].low)
            if per and (t[j].low != "/" or glued(t[j], t[j + 1])):
                if len(t[j + 1].text) == 1 and t[j].low != "/":
                    return None
                found = _per(unit, per), j + 2
        if found and found[1] < self.n and t[found[1]].low in _TIME_SHIFTS and not self._on_something(found[1]):
            return None  # "$1.17 billion a year earlier" is a level a year ago, not a rate
        if found is None and unit in v.currencies and t[j].low in ("per", "a", "an", "/") and j + 1 < self.n:
            priced = self._unit_phrase(j + 1, attached=True)  # "$80 per barrel", "€1.50 a litre", "$5/kg"
            if priced and (t[j].low != "/" or glued(t[j], t[j + 1])):
                return f"{unit} / {priced[0]}", priced[1]
        return found

    def _on_something(self, k: int) -> bool:
        """Return True for "on" that starts a place or manner, not a time shift: "a day on site", "a week on average";
        and for "before tax", "after deductions".

        "a year on" (a year later) ends the clause or runs on with "from"/"since".
        """
        t = self.t
        if t[k].low not in ("on", "before", "after") or k + 1 >= self.n:
            return False
        following = t[k + 1]
        if t[k].low in ("before", "after"):  # "£520 a week before tax", "$50,000 a year after deductions"
            return following.low in _DEDUCTIONS
        return following.low.isalpha() and following.low not in ("from", "since", "and", "or", "but", "after")

    def read_at(self, i: int, floor: int) -> Quantity | None:
        """Read the quantity whose number starts at token i; tokens before floor are taken."""
        t, v = self.t, self.v
        # only a vague phrase's first word can start one: most figures are digits, and skip the lookup
        vague = match_phrase(t, i, v.vague, v.longest["vague"]) if t[i].low in v.firsts["vague"] else None
        if vague:
            (low, high), j = vague
            q = Quantity(i, j, (low + high) / 2, low, high, qualifier="vague", vague=True)
            q.precision = 0.0
            share = False
        else:
            number = self.number_at(i)
            if number is None:
                return None
            value, j, precision, share = number
            q = Quantity(i, j, value, value, value, precision=precision)
            scale, j = self.scale_at(j)
            more, k = self.scale_at(j) if scale != 1.0 else (1.0, j)
            if more > 1.0:
                scale, j = scale * more, k  # "three lakh crore", "a hundred thousand"
            if scale != 1.0:
                part = fraction_words(t, j + 1, strict=False) if j < self.n and t[j].low == "and" else None
                if part is not None:
                    q.value += part[0]  # "3 million and a half"
                    j = part[1]
                q.value *= scale
                q.low = q.high = q.value
                q.precision *= scale
                q.scaled = True
                share = False
        first = i
        if i > floor and t[i - 1].text == "." and glued(t[i - 1], t[i]) and q.value < 1 and t[i].kind == "num":
            first = i = i - 1  # ".5": the claim starts at the point
        currency = self.currency_before(i, floor)
        if currency:
            q.unit, first = currency
        elif first > floor and t[first - 1].text in MINUS and glued(t[first - 1], t[i]) and t[i].kind == "num":
            after_percent = first >= 2 and t[first - 2].text == "%" and glued(t[first - 2], t[first - 1])
            if not after_percent and (
                first - 1 == floor or not glued(t[first - 2], t[first - 1]) or t[first - 2].kind == "other"
            ):
                q.value, q.low, q.high = -q.value, -q.value, -q.value
                first -= 1
                currency = self.currency_before(first, floor)  # "$-99.99"
                if currency:
                    q.unit, first = currency
        elif first > floor and t[first - 1].low in ("minus", "negative") and not q.vague:
            q.value, q.low, q.high = -q.value, -q.value, -q.value
            first -= 1
        modifier = None if q.vague else self.modifier_before(first, floor)
        if modifier:
            q.modifier, first = modifier
            q.qualifier = q.modifier.qualifier
            if q.qualifier == "lower_bound":
                q.high = None
            elif q.qualifier == "upper_bound":
                q.low = 0.0 if q.value >= 0 else None
        q.first = first
        if t[i].low in FOLD_WORDS:
            q.unit = "times"
        if not q.unit:
            j = self.multiple_after(j, q)
        if not q.unit:
            before_unit = j
            j = self.unit_after(j, q)
            if q.unit == "second" and j < self.n and t[j].text in DASHES and glued(t[j - 1], t[j]):
                q.unit, j = "", before_unit  # "three second-half goals": an ordinal, not seconds
            if q.unit == "foot":
                j = self._inches_after(j, q)
        if not q.unit and not q.vague:
            j, share = self.ratio_after(j, q, share)
        if share and not q.unit:
            q.unit = "fraction"
        j = self.range_after(j, q, floor)
        if q.qualifier in ("lower_bound", "upper_bound"):
            j = self.second_bound(j, q)
        elif not q.vague:
            j = self.bound_after(j, q)
        if not q.compound:
            rate = self.rate_after(j, q.unit)
            if rate:
                q.unit, j = rate
        q.last = j
        return q

    def ratio_after(self, j: int, q: Quantity, share: bool) -> tuple[int, bool]:
        """Read "one in five", "9 out of 10" as a share; return (next index, is a share)."""
        t, n = self.t, self.n
        k = 0
        if j < n and t[j].low == "in":
            k = j + 1
        elif j + 1 < n and t[j].low == "out" and t[j + 1].low == "of":
            k = j + 2
        if not k or k >= n or share or q.value <= 0 or q.value != int(q.value):
            return j, share
        number = self.number_at(k)
        if number is None or number[3] or number[0] <= q.value:
            return j, share
        whole, end, _, _ = number
        scale, end = self.scale_at(end)
        whole *= scale
        if t[k].kind == "num" and scale == 1.0 and len(t[k].text) == 4 and 1800 <= whole <= 2100:
            return j, share  # "3 in 2019": a year
        q.value = q.low = q.high = q.value / whole
        q.precision = q.precision / whole
        return end, True

    def _plus_minus(self, j: int) -> int | None:
        """Return the index after "±" or "+/-" at j, or None."""
        t = self.t
        if t[j].text == "±":
            return j + 1
        if j + 2 < self.n and t[j].text == "+" and t[j + 1].text == "/" and t[j + 2].text in MINUS:
            return j + 3
        return None

    def _uncertainty(self, k: int, q: Quantity, j: int) -> int:
        """Read "9.83 ± 0.02 km": the interval the stated uncertainty allows."""
        number = self.number_at(k) if k < self.n else None
        if number is None or number[3]:
            return j
        spread, end, _, _ = number
        second = Quantity(k, end, spread, spread, spread)
        after = self.unit_after(end, second)
        if second.unit and q.unit and second.unit != q.unit:
            return j
        q.unit = q.unit or second.unit
        if q.qualifier == "upper_bound":
            q.high = q.value + spread  # "no more than 2,000.45 ± 0.01": the bound can reach its error
        elif q.qualifier == "lower_bound":
            q.low = q.value - spread
        else:
            q.low, q.high, q.qualifier = q.value - spread, q.value + spread, "range"
        return after if second.unit else end

    def change_before(self, k: int) -> bool:
        """Return True when a rise or fall word stands in the clause before index k."""
        t, direction = self.t, self.v.direction
        for m in range(k - 1, max(-1, k - 9), -1):
            if t[m].text in (";", ".", ":") or t[m].low in ("while", "but", "whereas"):
                return False
            if t[m].low in direction["up"] or t[m].low in direction["down"] or t[m].low in direction["change"]:
                return True
        return False

    def _range_of_change(self, j: int, q: Quantity) -> bool:
        """Return True for "fell 14% to 20%", "rose 5 to 10 percent": a range of the change, not a new level."""
        t = self.t
        number = self.number_at(j + 1) if j + 1 < self.n else None
        if number is None or number[3]:
            return False
        scale, end = self.scale_at(number[1])
        second = Quantity(j + 1, end, number[0] * scale, number[0] * scale, number[0] * scale)
        self.unit_after(end, second)
        if t[j].low != "to":
            return False
        if not q.unit and second.unit:
            return True  # "rose 5 to 10 percent": the unit after the second end covers both
        return second.unit == q.unit and q.value < second.value <= 3 * q.value

    def _changed_by(self, k: int) -> bool:
        """Return True when a change word stands right before index k ("rose 8%", "cut by 5%", "up 0.1%")."""
        t, direction = self.t, self.v.direction
        m = k - 1
        if m > 0 and t[m].low == "by":
            m -= 1
        words = direction["up"] | direction["down"] | direction["change"]
        return t[m].low in words and not (m + 1 < k and t[m + 1].low == "from")

    def standings_before(self, k: int) -> bool:
        """Return True when a standings word ("led", "versus", "beat") stands earlier in the clause."""
        t, standings = self.t, self.v.standings
        for m in range(k - 1, max(-1, k - 30), -1):
            if t[m].text in (";", ":") or (t[m].text == "." and m + 1 < self.n and not glued(t[m], t[m + 1])):
                return False
            if t[m].low in standings:
                return True
        return False

    def bound_after(self, j: int, q: Quantity) -> int:
        """Read a bound written after the number: "100 or more", "65 and over", "5,000 or less"."""
        t, v = self.t, self.v
        if j >= self.n or t[j].low not in v.firsts["modifiers_after"]:
            return j  # no bound phrase starts here: most figures
        found = match_phrase(t, j, v.modifiers_after, v.longest["modifiers_after"])
        if found is None:
            return j
        modifier, k = found
        if k < self.n and self.number_at(k) is not None:
            return j  # "200 or more than 190": the bound belongs to the next figure
        q.modifier, q.qualifier = modifier, modifier.qualifier
        q.low, q.high = (q.value, None) if q.qualifier == "lower_bound" else (0.0 if q.value >= 0 else None, q.value)
        return k

    def second_bound(self, j: int, q: Quantity) -> int:
        """Join two bounds into one interval: "more than 10 and less than 20", "at most 100 and at least 20"."""
        t, v = self.t, self.v
        if j + 1 >= self.n or t[j].low not in ("and", "but", ",") or q.modifier is None:
            return j
        found = match_phrase(t, j + 1, v.modifiers, v.longest["modifiers"])
        if found is None or {found[0].qualifier, q.qualifier} != {"lower_bound", "upper_bound"}:
            return j
        other, k = found
        number = self.number_at(k) if k < self.n else None
        if number is None or number[3]:
            return j
        value, end, _, _ = number
        scale, end = self.scale_at(end)
        second = Quantity(k, end, value * scale, value * scale, value * scale)
        after = self.unit_after(end, second)
        if second.unit and q.unit and second.unit != q.unit:
            return j
        low, high = (q.value, second.value) if q.qualifier == "lower_bound" else (second.value, q.value)
        if low >= high:
            return j  # "more than 40 and less than 10" are two bounds, not one interval
        q.unit = q.unit or second.unit
        words = f"{q.modifier.words} … {other.words}"
        q.modifier = replace(q.modifier, words=words, qualifier="range", strict=q.modifier.strict and other.strict)
        q.low, q.high, q.value, q.qualifier = low, high, (low + high) / 2, "range"
        return after if second.unit else end

    def range_after(self, j: int, q: Quantity, floor: int) -> int:
        """Extend q to a range ("35 to 50%", "$100-200", "between 2,000 and 3,000")."""
        t = self.t
        if q.vague or j + 1 >= self.n:
            return j
        plus_minus = self._plus_minus(j)
        if plus_minus is not None:
            return self._uncertainty(plus_minus, q, j)
        if q.modifier is not None and q.qualifier != "approximate":
            return j
        if t[j].text in DASHES and glued(t[j - 1], t[j]) and t[j + 1].low == "to":
            j += 1  # "8- to 16-meter": a suspended hyphen before "to"
        link = t[j].low
        between = q.first > floor and t[q.first - 1].low == "between"
        if link == "and" and not between:
            return j
        if link not in DASHES and link not in ("to", "and", "through", "thru", "~"):
            return j
        spaced_hyphen = t[j].text == "-" and not glued(t[j - 1], t[j]) and not glued(t[j], t[j + 1])
        if link == "to" and q.first > floor and t[q.first - 1].low == "from" and self.change_before(q.first - 1):
            return j  # "rose from 3 to 5", "rose 20% from 100 to 120": two levels, not a range
        if link == "to" and q.first > floor and self._changed_by(q.first) and not self._range_of_change(j, q):
            return j  # "rose 8% to 4.7 million", "edged up 0.1% to 4.7%": a change, then the new level
        opened = q.first > floor and t[q.first - 1].low in ("between", "from")
        standings = not opened and link in ("to", "-", "–", "—") and self.standings_before(q.first)
        k = j + 1
        currency = None
        if q.unit and q.unit.isupper() and len(q.unit) == 3:
            found = match_phrase(t, k, self.v.currency_symbols, self.v.longest["currency_symbols"], lower=False)
            if found:
                currency, k = found
        negative = k + 1 < self.n and t[k].text in MINUS and glued(t[k], t[k + 1]) and t[k + 1].kind == "num"
        number = self.number_at(k + negative) if k + negative < self.n else None
        if number is None:
            return j
        high, k, precision, _ = number
        high = -high if negative else high
        if spaced_hyphen and high <= q.value:
            return j  # "5 - 3" may be arithmetic or a score; a spaced hyphen is a range only when it rises
        if standings and high < q.value:
            return j  # "Biden led Trump 47% to 42%": two standings side by side, not a range written backwards
        if link in DASHES and q.unit == "percent" and high < q.value and abs(q.value + high - 100) < 1e-9:
            return j  # "an 80%-20% mix": a split of a whole, not a range
        scale, k = self.scale_at(k)
        high *= scale
        second = Quantity(k, k, high, high, high, precision=precision * scale)
        if not q.unit:
            k = self.unit_after(k, second)
            if second.unit:
                q.unit, q.compound = second.unit, second.compound
        elif currency is None and not second.unit:
            k2 = self.unit_after(k, second)
            if second.unit and second.unit != q.unit:
                return j
            k = k2
        if scale != 1.0 and not q.scaled and q.value < high:
            q.value *= scale  # "1.5-2 million": the scale of the second end covers both
            q.precision *= scale
        low = q.value
        q.low, q.high = low, high
        q.value = (low + high) / 2
        q.qualifier = "range"
        q.modifier = None
        if q.first > floor and t[q.first - 1].low in ("between", "from"):
            q.first -= 1  # the claim's text reads "between 2,000 and 3,000"
        q.precision = min(q.precision, second.precision) or q.precision
        return k


_DIMENSION_ADJECTIVES = frozenset(("thick", "long", "wide", "tall", "high", "deep", "across", "square"))
_TIME_SHIFTS = frozenset(("earlier", "ago", "before", "later", "after", "prior", "previously", "back", "on"))
_DEDUCTIONS = frozenset(("tax", "taxes", "deductions", "costs", "expenses", "fees", "inflation", "bonuses", "overtime"))
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_METRE_FOLLOWERS = frozenset(
    [
        "tall",
        "high",
        "long",
        "wide",
        "deep",
        "away",
        "above",
        "below",
        "from",
        "in",
        "of",
        "and",
        "to",
        "or",
        "long-range",
        "across",
        "under",
        "thick",
        # sport: "the 800m title", "a 1500m final", "the 60m hurdles" are distances, not millions
        "title",
        "final",
        "finals",
        "race",
        "record",
        "hurdles",
        "freestyle",
        "butterfly",
        "backstroke",
        "breaststroke",
        "medley",
        "relay",
        "sprint",
        "event",
        "gold",
        "silver",
        "bronze",
        "champion",
        "heat",
        "heats",
        "dash",
        "medal",
        "run",
        "steeplechase",
        "individual",
    ]
)


def _per(unit: str, per: str) -> str:
    """Divide a unit by a time unit: "USD" per "hour" → "USD / hour"; a count → "1 / year"."""
    return f"{unit} / {per}" if unit else f"1 / {per}"
