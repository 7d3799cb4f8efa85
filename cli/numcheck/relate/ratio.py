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
_LINK = r"^(?:(?:\s*[a-z][\w'’-]*){0,3}\s*(?:,\s*(?:or\s+)?|—\s*|–\s*|:\s*)|\s+(?:is|was|or)\s+|\s*)"
# after the factor, before the figure it multiplies: "the previous record of", "as high as", "that of"
_REFERENCE = (
    r"(?:as\s+[a-z]+\s+as|(?:the|that\s+of|its|their|his|her|a|an)\b[\w\s'’-]{0,40}?\b(?:of|at|set\s+at))"
    r"\s+(?:the\s+|a\s+|an\s+)?"
)
_AFTER_FACTOR = re.compile(rf"^\s*{_REFERENCE}$")
_BEFORE_FACTOR = re.compile(rf"{_LINK}{_HEDGE}$")


@cache
def _word_gap() -> re.Pattern:
    """ ", twice the previous record of", " — double the 2019 level of", "half the level of"."""
    words = relation_words()
    return re.compile(rf"{_LINK}{_HEDGE}({alternation(tuple(words.ratio))})\s+{_REFERENCE}$")


def _same_kind(a: Claim, b: Claim) -> bool:
    """Return True when two figures can be divided: one unit, or a bare reference."""
    return a.unit == b.unit or (b.unit == "" and a.unit not in ("percent", "fraction", "times"))


def _factor(claim: Claim) -> bool:
    """Return True for a figure that is a factor: "three times", "tenfold", "half", "a third"."""
    return claim.unit == "times" or (claim.unit == "fraction" and claim.value < 1)


def relate_ratios(text: Text, words: RelationWords) -> None:
    """Find every ratio relation of a document."""
    for group in text.sentences:
        for i, claim in enumerate(group):
            nxt = group[i + 1] if i + 1 < len(group) else None
            if nxt is None:
                continue
            if _factor(claim) and i > 0 and claim.direction is None:
                a = group[i - 1]
                if a.unit in ("times", "fraction") or not _same_kind(a, nxt):
                    continue
                if _BEFORE_FACTOR.match(text.gap(a, claim) or "\x00") and _AFTER_FACTOR.match(
                    text.gap(claim, nxt) or "\x00"
                ):
                    text.add("ratio", [("a", a), ("by", claim), ("b", nxt)], word=claim.text, factor=claim.value)
            elif claim.unit != "times" and nxt.unit != "times" and _same_kind(claim, nxt):
                m = _word_gap().match(text.gap(claim, nxt) or "\x00")
                if m:
                    word = m.group(1)
                    text.add("ratio", [("a", claim), ("b", nxt)], word=word, factor=words.ratio[word])
