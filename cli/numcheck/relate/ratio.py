"""ratio: one figure a factor of another — "a 90-metre wave, three times the previous record of 20
metres", "600 tonnes, double the 2019 level of 250 tonnes", "twice as high as 40", "half the level of"."""

from __future__ import annotations

import re
from functools import cache

from numcheck.records import Claim
from numcheck.relate.text import Text
from numcheck.relate.words import RelationWords, alternation, relation_words

_HEDGE = r"(?:(?:about|around|roughly|nearly|almost|some|just\s+over|just\s+under)\s+)?"
# between the figure and its factor: ", ", " wave, ", " is ", ", or "
_LINK = r"^(?:(?:\s*[a-z][\w'’-]*+){0,5}\s*(?:,\s*(?:or\s+)?|—\s*|–\s*|:\s*)|,?\s*(?:is|was|were|are|or)\s+|\s*)"
# after the factor, before the figure it multiplies: "the previous record of", "as high as", "that of"
_REFERENCE = (
    r"(?:as\s+[a-z]+\s+as|(?:the|that\s+of|its|their|his|her|a|an)\b[\w\s'’-]{0,40}?\b(?:of|at|set\s+at)|the)"
    # the figure may follow a determiner or a possessive: "half the level of its rival's £61 million"
    r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w-]+['’]s\s+)?"
)
_AFTER_FACTOR = re.compile(rf"^\s*(?:of\s+)?{_REFERENCE}$")  # "a third of the 2019 level of"
_BEFORE_FACTOR = re.compile(rf"{_LINK}{_HEDGE}$")


@cache
def _word_gap() -> re.Pattern:
    """ ", twice the previous record of", " — double the 2019 level of", "half the level of"."""
    words = relation_words()
    return re.compile(rf"{_LINK}{_HEDGE}({alternation(tuple(words.ratio))})\s+{_REFERENCE}$")


def _same_kind(a: Claim, b: Claim) -> bool:
    """Return True when two figures can be divided: one unit, or a bare reference."""
    return a.unit == b.unit or (b.unit == "" and a.unit not in ("percent", "fraction", "times"))


# "five times as many passengers as in 2019, 2.6 million against 780,000": the pair follows the factor
_FACTOR_THEN_PAIR = re.compile(r"^\s*(?:as\s+[a-z]+|the\s+[a-z]+\s+of)\b[^;:.]{0,80},\s*$")
_PAIR = re.compile(r"^[a-z\s'’-]{0,40}?\b(?:against|compared\s+with|compared\s+to|versus|vs\.?)\s+$")


def _factor(claim: Claim) -> bool:
    """Return True for a figure that is a factor: "three times", "tenfold", "half", "a third"."""
    return claim.direction is None and (claim.unit == "times" or (claim.unit == "fraction" and claim.value < 1))


def _matches(pattern: re.Pattern, gap: str | None) -> bool:
    """Return True when the words between two figures match."""
    return gap is not None and pattern.match(gap) is not None


# "half the size of the 2022 blaze, which burned 21,000 hectares": the reference named, then its figure
_NAMED_THEN_FIGURE = re.compile(r"^\s*the\s+[a-z]+\s+of\s+[^,;:.()]{0,40},\s*which\s+[a-z]+\s+$")


def _from_before(text: Text, previous: list[Claim], group: list[Claim], i: int) -> None:
    """ "A wildfire has burned 14,200 hectares. The fire … is already half the size of the 2022 blaze, which
    burned 21,000 hectares.": the figure compared is the one of the sentence before."""
    factor, b = group[i], group[i + 1]
    gap = text.gap(factor, b)
    if gap is None or not (_AFTER_FACTOR.match(gap) or _NAMED_THEN_FIGURE.match(gap)):
        return
    if any(c.unit == b.unit for c in group[:i]) or not b.unit:
        return  # the sentence has its own figure to compare, or the figures have no unit to match them by
    same = [c for c in previous if c.unit == b.unit]
    if len(same) == 1:
        text.add("ratio", [("a", same[0]), ("by", factor), ("b", b)], word=factor.text, factor=factor.value)


# "half the level of two years earlier, when 31,000 were": the reference is a time, its figure follows "when"
_WHEN_REFERENCE = re.compile(
    r"^\s*(?:of\s+)?the\s+[a-z]+\s+(?:of|in)\s+[^,;:.()]{1,30},\s*when\s+(?:there\s+were\s+|it\s+was\s+)?$"
)
_CLAUSE_THEN_FACTOR = re.compile(rf"^(?:\s*[a-z][\w'’-]*+){{1,10}}\s*,\s*{_HEDGE}$")  # "… had waited over a year, half"
_TIMES_UNITS = ("day", "week", "month", "year")


def _when_reference(text: Text, a: Claim, factor: Claim, following: list[Claim]) -> bool:
    """ "9,600 …, half the level of two years earlier, when 31,000 were in that position": a ratio over a time."""
    if not _matches(_BEFORE_FACTOR, text.gap(a, factor)) and not _matches(_CLAUSE_THEN_FACTOR, text.gap(a, factor)):
        return False
    for j, b in enumerate(following):
        if any(c.unit not in _TIMES_UNITS for c in following[:j]):
            return False  # only a time may stand between the factor and the figure it refers to
        if b.unit not in _TIMES_UNITS and _same_kind(a, b) and _matches(_WHEN_REFERENCE, text.gap(factor, b)):
            text.add("ratio", [("a", a), ("by", factor), ("b", b)], word=factor.text, factor=factor.value)
            return True
    return False


@cache
def _word_when() -> re.Pattern:
    """ ", twice the number of three years ago, when": a ratio word, its reference a time, then "when"."""
    words = relation_words()
    return re.compile(
        rf"^(?:(?:\s*[a-z][\w'’-]*+){{0,10}}\s*,\s*){_HEDGE}({alternation(tuple(words.ratio))})\s+the\s+[a-z]+\s+"
        r"(?:of|in)\s+[^,;:.()]{1,30},\s*when\s+(?:there\s+were\s+|it\s+was\s+)?$"
    )


def _when_word(text: Text, words: RelationWords, a: Claim, following: list[Claim]) -> bool:
    """ "300 boats stayed in port, twice the number of three years ago, when 150 did"."""
    for j, b in enumerate(following):
        if any(c.unit not in _TIMES_UNITS for c in following[:j]):
            return False
        m = _word_when().match(text.gap(a, b) or "\x00")
        if b.unit not in _TIMES_UNITS and _same_kind(a, b) and m:
            text.add("ratio", [("a", a), ("b", b)], word=m.group(1), factor=words.ratio[m.group(1)])
            return True
    return False


def relate_ratios(text: Text, words: RelationWords) -> None:
    """Find every ratio relation of a document."""
    previous: list[Claim] = []
    for group in text.sentences:
        for i, claim in enumerate(group[:-1]):
            if _factor(claim) and previous and not any(_factor(c) or c.unit == group[i + 1].unit for c in group[:i]):
                _from_before(text, previous, group, i)
        previous = group
        _within(text, words, group)


def _within(text: Text, words: RelationWords, group: list[Claim]) -> None:
    """Find the ratios stated inside one sentence."""
    for i, claim in enumerate(group):
        nxt = group[i + 1] if i + 1 < len(group) else None
        if nxt is None:
            continue
        if _factor(claim):
            after = group[i + 2] if i + 2 < len(group) else None
            if after is not None and _same_kind(nxt, after) and not _factor(nxt):
                if _matches(_FACTOR_THEN_PAIR, text.gap(claim, nxt)) and _matches(_PAIR, text.gap(nxt, after)):
                    roles = [("by", claim), ("a", nxt), ("b", after)]
                    text.add("ratio", roles, word=claim.text, factor=claim.value)
                    continue
            a = group[i - 1] if i else None
            if a is not None and not _factor(a) and _when_reference(text, a, claim, group[i + 1 : i + 3]):
                continue
            if a is None or _factor(a) or not _same_kind(a, nxt):
                continue
            if _matches(_BEFORE_FACTOR, text.gap(a, claim)) and _matches(_AFTER_FACTOR, text.gap(claim, nxt)):
                text.add("ratio", [("a", a), ("by", claim), ("b", nxt)], word=claim.text, factor=claim.value)
        elif not _factor(nxt) and _when_word(text, words, claim, group[i + 1 : i + 3]):
            continue
        elif not _factor(nxt) and _same_kind(claim, nxt):
            m = _word_gap().match(text.gap(claim, nxt) or "\x00")
            if m:
                word = m.group(1)
                text.add("ratio", [("a", claim), ("b", nxt)], word=word, factor=words.ratio[word])
