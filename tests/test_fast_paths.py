"""Extraction's fast paths give what the plain paths give: each shortcut against the scan it replaces."""

from __future__ import annotations

import re

import pytest

from numcheck.extract import _trigger_pattern, extract
from numcheck.extract.tokens import tokenize
from numcheck.extract.when import _HINT, anchors
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.vocab import default_vocabulary

# The hint as it was first written: every alternative tried at every character.
PLAIN_HINT = re.compile(
    r"(?:19|20)\d\d|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|day\b|week|month|year|ago\b|now\b|current",
    re.IGNORECASE,
)


# text, the `when` of each anchor found
ANCHOR_CASES = [
    ("About 300 died in 2019, officials said on Monday.", ["2019", "monday"]),
    ("The toll rose to 40 by the end of March 2024.", ["2024-03"]),
    ("Sales fell 5% IN 2020 and rose in mid-2021.", ["2020", "2021"]),
    ("Today's figure is 12; it was 9 five years ago.", ["now", "five years ago"]),
    ("It has 1,000 staff, 000 years ago is no anchor of a figure.", ["000 years ago"]),
    ("A rock'in 2019 tour sold 40,000 tickets.", ["2019"]),
    ("Nowadays 40% vote; at present 38% do, down from 45% last week.", ["now", "now", "last week"]),
    ("Prices rose 1.5 years ago and 12 days ago.", ["5 years ago", "12 days ago"]),
    ("Since 3rd of March 2021, 200 cases; until 14 April, 90.", ["2021-03-03", "--04-14"]),
    ("In\t2019  the 40 workers earned $5 an hour since  1999.", ["2019", "1999"]),
    ("ſince 2019 the ſtate paid 40 million (a long s matches s when case is ignored).", ["2019"]),
    ("The weeK (a Kelvin sign) before 2020 saw 4 cases.", ["2020"]),
    ("He said 3 were hurt.", []),
    ("Janet counted 40 birds at present.", ["now"]),
]


@pytest.mark.parametrize(("text", "whens"), ANCHOR_CASES)
def test_anchors_from_tokens_match_the_full_scan(text: str, whens: list[str]) -> None:
    """Trying the anchor pattern only where an anchor can begin finds what finditer finds."""
    for start, end in ((0, len(text)), (2, len(text) - 3), (len(text) // 2, len(text))):
        assert anchors(text, start, end, tokenize(text, start, end)) == anchors(text, start, end)
    assert [found[3] for found in anchors(text, 0, len(text), tokenize(text, 0, len(text)))] == whens


@pytest.mark.parametrize(
    ("text", "hinted"),
    [
        ("40 died on Monday", True),
        ("40 died on Mondays", False),
        ("in 1999", True),
        ("in 1899", False),
        ("a 20199 code", True),
        ("the Janet fund", True),
        ("the janet fund", False),
        ("weekly 40", True),
        ("WEE\u212a 40", True),
        ("a yearly 40", True),
        ("40 agony", False),
        ("40 years AGO.", True),
        ("40 now", True),
        ("40 nowadays", False),
        ("40 at present", False),
        ("CURRENTLY 40", True),
        ("40 cur rent", False),
        ("", False),
    ],
)
def test_hint_is_the_plain_hint(text: str, hinted: bool) -> None:
    """The character-class-first hint passes exactly the sentences the plain alternation passes."""
    assert bool(_HINT.search(text)) is hinted
    assert bool(PLAIN_HINT.search(text)) is hinted


def _claim_texts(text: str) -> list[str]:
    return [c.text for c in extract(Document("t", text, prose_view(text, "text")), default_vocabulary())]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("A few hundred came, and a handful of them stayed.", ["A few hundred", "a handful of"]),
        ("A third of the 90 staff left; a-fifth of them came back.", ["A third", "90", "a-fifth"]),
        ("A hundred and two came, then a dozen more.", ["A hundred and two", "a dozen"]),
        ("It took a quarter of an hour for a couple of men.", ["a quarter", "a couple of"]),
        ("A car hit an elephant in a town of 4,000.", ["4,000"]),
        ("They came in a", []),
    ],
)
def test_articles_begin_figures_only_before_number_words(text: str, figures: list[str]) -> None:
    """An "a" or "an" before no number word, scale, denominator or vague phrase is skipped unread."""
    assert _claim_texts(text) == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "about ten of them",
        "tenfold",
        "often, tents and tennis",
        "one-third",
        "none of them",
        "dozens_of",
        "café dozen",
        "dozené",
        "x2dozen",
        "hundreds",
        "",
        "scores of people\nwent",
    ],
)
def test_trigger_pattern_finds_what_the_word_list_finds(sentence: str) -> None:
    """The one-search test for a number word gives the answer of testing every word against the set."""
    vocab = default_vocabulary()
    words = re.findall(r"[^\W\d_]+", sentence)
    assert (_trigger_pattern(vocab).search(sentence) is not None) is not vocab.trigger_words.isdisjoint(words)


_ANCHOR_WORDS = (
    "in on by at to as of the end early mid late last this next since until from during before after "
    "a an one two five twenty several few years year ago weeks days today today's now nowadays present "
    "currently March Mar. May Monday monday's week month 2019 1999 2020s 3rd 12 1,000 1.5 000 rock'in"
)
_PIECES = [*_ANCHOR_WORDS.split(), "\u017fince", "wee\u212a", "-", "–", ",", ".", "'", "½", "_in", "x"]


@pytest.mark.parametrize("seed", range(4))
def test_anchors_and_hint_on_generated_sentences(seed: int) -> None:
    """Sentences made of the anchor pattern's own words, glued and spaced at random: the token-guided
    matches are finditer's, and the hint passes exactly what the plain hint passes."""
    import random

    rng = random.Random(seed)
    found = 0
    for _ in range(1500):
        text = "".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", "  ", "\t", ", "]) for _ in range(12))
        start, end = rng.randint(0, 3), len(text) - rng.randint(0, 3)
        assert bool(_HINT.search(text, start, end)) is bool(PLAIN_HINT.search(text, start, end)), text
        expected = anchors(text, start, end)
        assert anchors(text, start, end, tokenize(text, start, end)) == expected, text
        found += bool(expected)
    assert found > 300  # the generated sentences hold anchors: the comparison is not between empty lists
