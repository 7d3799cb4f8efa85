"""Numbers that are not quantities: years, dates, times, ordinals, identifiers, scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from numcheck.extract.quantities import (
    DASHES,
    ORDINAL_SUFFIXES,
    YEAR_LEADS,
    glued,
    match_phrase_ending,
)
from numcheck.extract.sentences import MONTHS
from numcheck.extract.tokens import Token, lows

if TYPE_CHECKING:
    from numcheck.vocab import Vocabulary


def _is_yearish(tok: Token) -> bool:
    """Four plain digits between 1000 and 2100."""
    return tok.kind == "num" and len(tok.text) == 4 and tok.text.isdigit() and 1000 <= int(tok.text) <= 2100


_CLOCK_LEADS = frozenset(("between", "from", "at", "until", "till", "by", "after", "before", "since"))
_CLOCK_LINKS = frozenset(("and", "to", "until", "till", "-", "–"))
_CLOCK_AFTER = frozenset(("hours", "hrs", "gmt", "utc", "local", "bst", "cet", "zulu"))


def _is_clock(tok: Token) -> bool:
    """Return True for a four-digit 24-hour time: "0700", "2230"."""
    text = tok.text
    return len(text) == 4 and text.isdigit() and int(text[:2]) < 24 and int(text[2:]) < 60


def _clock_times(t: list[Token], i: int) -> int:
    """Return the index past 24-hour times at i ("between 2200 and 0700", "at 1600 hours"), or i."""
    n = len(t)
    if not _is_clock(t[i]):
        return i
    if i + 1 < n and t[i + 1].low in _CLOCK_AFTER:
        return i + 2
    if i + 2 < n and t[i + 1].low in _CLOCK_LINKS and _is_clock(t[i + 2]):
        leading_zero = t[i].text[0] == "0" or t[i + 2].text[0] == "0"
        if leading_zero or (i > 0 and t[i - 1].low in _CLOCK_LEADS):
            return i + 3
    return i


def skip_nonclaim(tokens: list[Token], i: int, vocab: Vocabulary, text: str) -> int:
    """Return the index past a non-claim number at i, or i when the number is a quantity."""
    t = tokens
    n = len(t)
    tok = t[i]
    if tok.kind != "num":
        return i
    prev = t[i - 1] if i > 0 else None
    nxt = t[i + 1] if i + 1 < n else None
    after = t[i + 2] if i + 2 < n else None
    # ordinals "22nd", decades "1990s", glued identifiers "5G", "737MAX"
    if nxt is not None and nxt.kind == "word" and glued(tok, nxt) and not _exponent_follows(t, i):
        if nxt.low in ORDINAL_SUFFIXES or (nxt.low == "s" and tok.text.endswith("0")):
            return i + 2
        if nxt.low in vocab.time_words_single or nxt.low in ("am", "pm"):
            return i + 2
        if not _unit_or_scale(nxt, vocab):
            return i + 2
    # 24-hour clock times "between 2200 and 0700", "at 1600 hours"
    clock = _clock_times(t, i)
    if clock != i:
        return clock
    # times of day "10:30", "2.15pm", "3 pm", "3 a.m."
    if nxt is not None and nxt.text == ":" and after is not None and after.kind == "num" and glued(nxt, after):
        return i + 3
    if nxt is not None and _time_word_at(t, i + 1, vocab):
        return i + 2
    # identifiers: "F-16", "COVID-19", "G7", "Article 5", "#3", "+44"
    if prev is not None:
        if prev.kind == "word" and glued(prev, tok) and prev.text not in vocab.currency_prefix_words:
            if not (prev.text in vocab.weak_symbols and _grouped_or_scaled(t, i, vocab)):
                return _skip_group(t, i)
        if prev.text in DASHES and glued(prev, tok) and i >= 2 and t[i - 2].kind == "word" and glued(t[i - 2], prev):
            return _skip_group(t, i)
        if prev.text == "+" and glued(prev, tok):
            if i >= 2 and glued(t[i - 2], prev):
                return _skip_group(t, i)  # "J1149.5+6663": part of a catalogue name
            return _skip_phone(t, i)  # "+44 20 7946 0958": the whole number
        if prev.text in ("#", "№") and glued(prev, tok):
            return _skip_group(t, i)
        if (
            prev.kind == "word"
            and (prev.text[:1].isupper() or prev.text[1:2].isupper())  # "Article", "iPhone"
            and prev.low.rstrip(".") in vocab.identifier_words
        ):
            return _skip_group(t, i)
        if prev.text == "." and i >= 2 and t[i - 2].low in vocab.identifier_words and glued(t[i - 2], prev):
            return _skip_group(t, i)
        if prev.kind == "num" and prev.text == "." and glued(prev, tok) and i >= 2 and t[i - 2].kind == "num":
            return i + 1
    # "24/7", "9/11": a slash between numbers that is no small fraction
    if nxt is not None and nxt.text == "/" and after is not None and after.kind == "num":
        mid_name = i >= 2 and t[i - 2].kind == "word" and prev is not None and prev.text[:1].isupper()
        if glued(tok, nxt) and glued(nxt, after) and mid_name:
            return i + 3  # "Fahrenheit 9/11": a title, not a share
        if glued(tok, nxt) and glued(nxt, after):
            den = int(after.text) if after.text.isdigit() and len(after.text) < 5 else 0
            if not (tok.text.isdigit() and len(tok.text) < 4 and 0 < int(tok.text) < den <= 100):
                return i + 3
    # codes with a leading zero: "0958", "007" (but "0.5" and "0" are numbers)
    if len(tok.text) > 1 and tok.text[0] == "0" and tok.text[1].isdigit():
        if prev is None or prev.text != "." or not glued(prev, tok):  # ".08" is a decimal
            return i + 1
    # versions and dotted codes "2.3.1" are not numbers at all
    if tok.text.count(".") > 1:
        return i + 1
    # dates: "March 3", "3 March", "3rd of March", "12/03/2024", "2024-03-12"
    if tok.text.isdigit() and len(tok.text) <= 2 and int(tok.text) <= 31:
        if prev is not None and prev.low in MONTHS and prev.text[0].isupper():
            return i + 1
        if prev is not None and prev.text == "." and i >= 2 and t[i - 2].low in MONTHS and t[i - 2].text[0].isupper():
            return i + 1  # "Aug. 14", "Oct. 31": an abbreviated month with its full stop
        if nxt is not None and nxt.low in MONTHS and nxt.text[0].isupper():
            return i + 1
    if (
        nxt is not None
        and nxt.text in ("/", ".", "-")
        and glued(tok, nxt)
        and after is not None
        and after.kind == "num"
        and glued(nxt, after)
    ):
        third = t[i + 3] if i + 3 < n else None
        fourth = t[i + 4] if i + 4 < n else None
        if (
            third is not None
            and third.text == nxt.text
            and fourth is not None
            and fourth.kind == "num"
            and glued(third, fourth)
        ):
            return i + 5  # three groups: a date or a phone number
    # years and year spans: "in 2025", "2012–13", "1990-1995"
    if _is_yearish(tok):
        if nxt is not None and nxt.text in DASHES and after is not None and after.kind == "num":
            second = after.text
            if second.isdigit() and (len(second) == 2 or (_is_yearish(after) and int(second) > int(tok.text))):
                return i + 3
        if _year_here(t, i, vocab):
            return i + 1
    # list numbering at the start of a line: "1. ", "2) "
    if tok.text.isdigit() and nxt is not None and nxt.text in (".", ")") and glued(tok, nxt):
        line_start = text.rfind("\n", 0, tok.start) + 1
        if not text[line_start : tok.start].strip() and (nxt.end >= len(text) or text[nxt.end] in " \t"):
            return i + 2
    # sports scores "won 3-1" and vote tallies "voted 226-194", "a 5-4 decision"
    if nxt is not None and nxt.text in DASHES and after is not None and after.kind == "num" and glued(tok, nxt):
        if tok.text.isdigit() and after.text.isdigit():
            window = set(lows(t)[max(0, i - 6) : i + 6])
            small = len(tok.text) <= 2 and len(after.text) <= 2 and int(tok.text) < 30 and int(after.text) < 30
            if (small and window & vocab.score_words) or window & vocab.tally_words:
                return i + 3
    # date ranges written with slashes: "2/3 -2/11"
    if nxt is not None and nxt.text == "/" and after is not None and after.kind == "num" and glued(tok, nxt):
        k = i + 3
        if k + 3 < n and t[k].text in DASHES and t[k + 1].kind == "num" and t[k + 2].text == "/":
            return k + 4
    return i


def _grouped_or_scaled(t: list[Token], i: int, vocab: Vocabulary) -> bool:
    """Return True for "700 million" or "5,000": amounts a one-letter currency symbol can carry."""
    return "," in t[i].text or (i + 1 < len(t) and t[i + 1].low in vocab.scales and t[i + 1].low != "k")


def _exponent_follows(t: list[Token], i: int) -> bool:
    """Return True for scientific notation after the number at i: "1e10", "1.3x10^6"."""
    if i + 2 >= len(t) or not glued(t[i + 1], t[i + 2]):
        return False
    mark, after = t[i + 1].text, t[i + 2].text
    return (mark in ("e", "E") and (after.isdigit() or after in "-+−")) or (mark == "x" and after == "10")


def _skip_phone(t: list[Token], i: int) -> int:
    """Skip an international phone number's digit groups, separated by single spaces or hyphens."""
    j = i + 1
    while j < len(t) and (
        (t[j].kind == "num" and t[j].start - t[j - 1].end <= 1) or (t[j].text in "-()" and t[j].start == t[j - 1].end)
    ):
        j += 1
    return j


def _skip_group(t: list[Token], i: int) -> int:
    """Skip an identifier's digits and any glued tail ("COVID-19", "Su-27SM")."""
    j = i + 1
    while j < len(t) and glued(t[j - 1], t[j]) and (t[j].kind != "other" or t[j].text in "-/."):
        if t[j].kind == "other" and (j + 1 >= len(t) or not glued(t[j], t[j + 1])):
            break
        j += 1
    return j


def _unit_or_scale(tok: Token, vocab: Vocabulary) -> bool:
    """Return True when a word glued to a number is a unit or scale ("5km", "3bn")."""
    return (
        tok.low in vocab.scales
        or (tok.low,) in vocab.units
        or (tok.text,) in vocab.units
        or (tok.low,) in vocab.currency_names
        or (tok.text,) in vocab.currency_symbols
        or tok.low in vocab.per
        or tok.low in ("tn", "bn", "mn", "pc", "pct", "x")
    )


def _time_word_at(t: list[Token], j: int, vocab: Vocabulary) -> bool:
    """Return True when a time-of-day word ("pm", "a.m.", "GMT") starts at j."""
    if t[j].low not in vocab.firsts["time_words"]:
        return False
    return any(tuple(lows(t)[j : j + size]) in vocab.time_words for size in range(min(4, len(t) - j), 0, -1))


def _year_here(t: list[Token], i: int, vocab: Vocabulary) -> bool:
    """Decide whether a four-digit number is a calendar year or a count."""
    prev = t[i - 1] if i > 0 else None
    nxt = t[i + 1] if i + 1 < len(t) else None
    hedged = match_phrase_ending(t, i, vocab.modifiers, vocab.longest["modifiers"], 0)
    if hedged is not None or (prev is not None and prev.text in vocab.symbol_chars):
        return False
    if prev is not None and prev.low == "the" and nxt is not None and _unit_or_scale(nxt, vocab):
        return False  # "the 1000 pesos note"
    if prev is not None and (prev.low in YEAR_LEADS or prev.low in MONTHS):
        return True
    after = t[i + 2] if i + 2 < len(t) else None
    if nxt is not None and nxt.text in DASHES and after is not None and after.kind == "num":
        return False  # "1000-5000": the second end is no year, so neither is the first
    if nxt is None or nxt.kind != "word":
        return True
    if _unit_or_scale(nxt, vocab) or (nxt.low,) in vocab.vague:
        return False
    # "2000 troops" is a count; "2025 budget" and "2025 elections" are years
    return not (nxt.low.endswith("s") and nxt.low not in ("elections", "olympics", "games"))
