"""Memory: claims share the words and numbers that repeat, and a claim costs a bounded number of bytes."""

from __future__ import annotations

import json
import pickle
import sys
from dataclasses import fields

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.records import Shared
from numcheck.report.plain import record
from numcheck.vocab import default_vocabulary

TOWNS = ("Arden", "Belmont", "Corvale", "Dunmore")


def dense_text(sentences: int) -> str:
    """A claim-dense text of our own in which no sentence repeats: every figure differs."""
    lines = []
    for n in range(sentences):
        town = TOWNS[n % len(TOWNS)]
        lines.append(
            f"The union said {1200 + n:,} nurses in {town} went on strike on Monday, "
            f"about {10 + n % 80}% of the staff, and {30 + n} clinics closed for {2 + n % 5} days."
        )
    return "\n\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def claims():
    text = dense_text(60)
    return extract(Document("nurses.txt", text, text), default_vocabulary(), prefix="nurses.txt#")


@pytest.mark.parametrize(
    "name", ["unit", "measure", "attribution", "cue", "when", "when_cue", "counted", "predicate", "scope", "precision"]
)
def test_repeated_values_are_one_object(claims, name):
    values = [getattr(c, name) for c in claims if getattr(c, name) is not None]
    assert len(values) > len(set(values))  # the text repeats them
    assert len({id(v) for v in values}) == len(set(values))


def test_a_sentence_is_held_once_for_its_claims(claims):
    sentences = [c.sentence for c in claims]
    assert len({id(s) for s in sentences}) == len(set(sentences)) == 60


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (-0.0, "-0.0"),  # equal to 0.0: sharing it would change what the JSON shows
        (0.0, "0.0"),
        (5, "5"),  # an int stays an int, though 5 == 5.0
        (5.0, "5.0"),
        (None, "null"),
        (1e300, "1e+300"),
    ],
)
def test_shared_numbers_keep_what_json_shows(number, shown):
    keep = Shared()
    keep.number(0.0)
    keep.number(5.0)
    assert json.dumps(keep.number(number)) == shown


def test_a_shared_number_is_one_object():
    keep = Shared()
    assert keep.number(float("1234.5")) is keep.number(float("1234.5"))


@pytest.mark.parametrize("value", [None, "", "people", "1 / person"])
def test_a_shared_string_is_one_object(value):
    keep = Shared()
    first = keep.text(value)
    again = keep.text(None if value is None else "".join(list(value)))  # an equal string, another object
    assert first == value and again is first


def test_claims_pickle_unchanged(claims):
    again = pickle.loads(pickle.dumps(claims))  # --jobs workers send their claims this way
    assert again == claims
    assert [record(c) for c in again] == [record(c) for c in claims]


def held_bytes(claims: list) -> int:
    """Return the bytes of the claims and of every distinct object their fields hold."""
    seen: set[int] = set()
    total = 0
    for claim in claims:
        for value in (claim, *(getattr(claim, f.name) for f in fields(claim))):
            if value is None or isinstance(value, bool) or id(value) in seen:
                continue
            seen.add(id(value))
            total += sys.getsizeof(value)
    return total


def test_bytes_held_per_claim_are_bounded():
    """The claims of a dense text in which no sentence repeats hold under 600 bytes each (510 measured).

    A claim object of 31 fields is 280 bytes, its id, offsets and line about 150, its share of its
    sentence about 50; a copy of each word, frame, scope and number per claim made it 760.
    """
    text = dense_text(400)
    found = extract(Document("nurses.txt", text, text), default_vocabulary(), prefix="nurses.txt#")
    assert len(found) == 1600
    per_claim = held_bytes(found) / len(found)
    assert per_claim < 600, f"{per_claim:.0f} bytes per claim"


_ABOUT_20 = {"below": 0.2, "above": None}


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ({"rounding": 0.05}, {"rounding": 0.05}, True),
        ({"rounding": 0.05}, {"rounding": 0.1}, False),
        ({"hedges": {"about": _ABOUT_20}}, {"hedges": {"about": dict(_ABOUT_20)}}, True),
        ({"hedges": {"about": _ABOUT_20}}, {"hedges": {"about": {"below": 0.3, "above": None}}}, False),
    ],
)
def test_one_tuned_vocabulary_per_configuration(first, second, same):
    """The rules run once per story under --jobs: caches keyed by a vocabulary must not get a new one each time."""
    from numcheck.config import Config
    from numcheck.pipeline import tuned

    vocab = default_vocabulary()
    a, b = tuned(vocab, Config(**first)), tuned(vocab, Config(**second))
    assert (a is b) == same and a is not vocab
    assert a.rounding_fraction == first.get("rounding", vocab.rounding_fraction)
