"""Memory: claims share the words and numbers that repeat, and a claim costs a bounded number of bytes."""

from __future__ import annotations

import copy
import gc
import itertools
import json
import operator
import pickle
import sys
from dataclasses import MISSING, FrozenInstanceError, asdict, field, fields, make_dataclass, replace

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.records import CLAIM_FIELDS, Claim, ClaimFields, Shared
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
    """Return the bytes of the claims and of every distinct object they hold (and their shared parts hold)."""
    seen: set[int] = set()
    total = 0

    def count(value: object, depth: int) -> None:
        nonlocal total
        if value is None or isinstance(value, bool | type) or id(value) in seen:
            return
        if type(value) is int and -5 <= value <= 256:
            return  # small ints are one object each in CPython
        seen.add(id(value))
        total += sys.getsizeof(value)
        if depth and isinstance(value, tuple):  # a part shared by claims: a document's place, the rare fields
            for item in value:
                count(item, depth - 1)

    for claim in claims:
        count(claim, 0)
        for value in gc.get_referents(claim):  # what the claim holds, not what its properties make when asked
            count(value, 1)
    return total


def test_bytes_held_per_claim_are_bounded():
    """The claims of a dense text in which no sentence repeats hold under 360 bytes each (296 measured).

    A claim object of 16 slots is 160 bytes, its start and line ints 64, its share of its sentence about
    50; with 31 fields (an id string, an end int, rare fields in a slot each) it was 510, and a copy of each
    word, frame, scope and number per claim made it 760.
    """
    text = dense_text(400)
    found = extract(Document("nurses.txt", text, text), default_vocabulary(), prefix="nurses.txt#")
    assert len(found) == 1600
    per_claim = held_bytes(found) / len(found)
    assert per_claim < 360, f"{per_claim:.0f} bytes per claim"
    assert max(sys.getsizeof(c) for c in found) <= 160


# Each field set to something other than its default, one at a time; and the positions that follow from
# the other fields given otherwise (an id that is no prefix + start, an end that is no start + len(text)).
BASE = {
    "source": "a.txt",
    "start": 300,
    "end": 309,
    "id": "a.txt#300",
    "line": 270,
    "column": 12,
    "text": "about 300",
    "value": 300.0,
    "low": 270.0,
    "high": 330.0,
    "unit": "",
    "qualifier": "approximate",
    "end_line": 270,
    "end_column": 21,
}
VARIANTS = [
    {},
    {"modifier": "about"},
    {"strict": True},
    {"precision": 100.0},
    {"precision": 5},  # an int: kept as given
    {"precision": -0.0},  # equal to 0.0: kept as given
    {"precision": 0.0},
    {"measure": "nurses"},
    {"concept": "toll"},
    {"attribution": "the union"},
    {"cue": "said"},
    {"direction": "up"},
    {"quoted": True},
    {"sentence": "The union said about 300 nurses went on strike."},
    {"when": "2025-03"},
    {"when_cue": "as of"},
    {"outlet": "Euractiv"},
    {"counted": "nurse"},
    {"predicate": "strike"},
    {"scope": "place=arden"},
    {"part_of": "a.txt#900"},
    {"id": "7"},  # not prefix + start
    {"id": "a.txt#3000"},  # ends with the start's digits, yet is not file#start
    {"id": ""},
    {"end": 310},
    {"end": 309.0},  # a float the JSON shows as 309.0
    {"end_line": 271},
    {"end_line": 0, "end_column": 0},  # the defaults, as a claim built by hand has them
    {"end_column": 22},
    {"end_column": True},  # True == 1: kept as given
    {"strict": 1, "quoted": 0},  # ints, not bools: kept as given
    {"start": 0, "end": 9, "id": "a.txt#0"},
    {"start": -1, "end": 8, "id": "a.txt#-1"},
    {"low": None, "high": None, "qualifier": "vague"},
    {"value": -0.0, "low": 0, "high": 5},
    {"text": "about\n300", "end": 310, "end_line": 271, "end_column": 4},  # a figure across a line break
    {"source": "b.txt", "id": "b.txt#300"},
    # odd values a caller of the API may pass: kept as given, never derived or shared across types
    {"start": 300.0},
    {"line": 270.0},
    {"line": True, "end_line": 1},
    {"column": 12.0},
    {"attribution": 0},
    {"when": True},
    {"cue": ("said",)},
    {"source": ("a.txt",)},
    {"text": None},
]


# The reference: the frozen, ordered dataclass of the contract's fields that Claim stands in for.
Plain = make_dataclass(
    "ClaimFields",
    [
        (f.name, f.type) if f.default is MISSING else (f.name, f.type, field(default=f.default))
        for f in fields(ClaimFields)
    ],
    frozen=True,
    order=True,
)


def contract(**changes) -> tuple[Claim, Plain]:
    """Return a claim and the plain frozen dataclass of the contract's fields with the same values."""
    values = {**BASE, **changes}
    return Claim(**values), Plain(**values)


@pytest.mark.parametrize("changes", VARIANTS)
def test_a_claim_reads_as_the_plain_dataclass(changes):
    claim, plain = contract(**changes)
    assert claim.to_json() == asdict(plain)
    assert list(claim.to_json()) == list(CLAIM_FIELDS) == [f.name for f in fields(Claim)]
    assert json.dumps(record(claim)) == json.dumps(asdict(plain))  # types too: 309.0 stays 309.0, True stays true
    assert all(type(getattr(claim, f)) is type(getattr(plain, f)) for f in CLAIM_FIELDS)
    assert hash(claim) == hash(plain)
    assert repr(claim) == repr(plain).replace("ClaimFields(", "Claim(", 1)


@pytest.mark.parametrize("changes", VARIANTS)
def test_a_claim_pickles_copies_and_replaces(changes):
    claim, plain = contract(**changes)
    again = pickle.loads(pickle.dumps(claim))
    assert again == claim and again.to_json() == claim.to_json() and hash(again) == hash(claim)
    assert copy.copy(claim) == claim and copy.deepcopy(claim) == claim
    for name, value in (("part_of", "a.txt#1"), ("direction", None), ("precision", 2.5), ("end", 400)):
        changed = replace(claim, **{name: value})
        assert changed.to_json() == asdict(replace(plain, **{name: value}))
        assert claim.to_json() == asdict(plain)  # the original is unchanged


@pytest.mark.parametrize("name", ["start", "id", "source", "direction", "end", "sentence", "_rare"])
def test_a_claim_is_frozen(name):
    claim, _ = contract()
    with pytest.raises(FrozenInstanceError):
        setattr(claim, name, None)
    with pytest.raises(FrozenInstanceError):
        delattr(claim, name)


def outcome(compare, a: object, b: object) -> object:
    """Return a comparison's result, or the type of the error it raises ("<" between None and a string)."""
    try:
        return compare(a, b)
    except TypeError as exc:
        return type(exc)


COMPARISONS = (operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge)


def test_claims_compare_and_hash_as_the_plain_dataclass():
    """Every pair of variants compares and hashes as the plain dataclass of the same fields does."""
    pairs = [contract(**changes) for changes in VARIANTS]
    pairs += [contract(**{**changes, "start": 299}) for changes in VARIANTS[:5]]  # ties broken by the later fields
    for (a, x), (b, y) in itertools.product(pairs, repeat=2):
        assert [outcome(op, a, b) for op in COMPARISONS] == [outcome(op, x, y) for op in COMPARISONS], (x, y)
    assert len({c for c, _ in pairs}) == len({p for _, p in pairs})


def test_claims_sort_as_the_plain_dataclass():
    """A run's claims sort by file, offset, end, id, line, ... as the dataclass did (the order of every report)."""
    pairs = [
        contract(**changes)
        for changes in VARIANTS
        if set(changes) <= {"start", "end", "id", "source", "text", "line", "column", "value"}
        and all(isinstance(v, str | int | float) for v in changes.values())  # a tuple or None sorts with no string
    ]
    pairs += [contract(start=300, end=305, text="about"), contract(start=300, id="a.txt#300b"), contract(line=1)]
    order = sorted(range(len(pairs)), key=lambda i: pairs[i][1])
    assert sorted(range(len(pairs)), key=lambda i: pairs[i][0]) == order
    assert min(c for c, _ in pairs) == pairs[order[0]][0]


def test_claims_stay_shared_through_pickle(claims):
    """--jobs workers pickle their claims: a document's place and each combination of rare fields go once."""
    data = pickle.dumps(claims)
    again = pickle.loads(data)
    assert again == claims
    places = {id(r) for c in again for r in gc.get_referents(c) if type(r).__name__ == "_Place"}
    assert len(places) == 1
    assert len(data) < 160 * len(claims)  # 109 measured: no id string per claim, no copy of the shared parts


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 25% to 1.6 million tonnes. That compares with 1.4 million tonnes a year earlier.",
        "Of the 300 nurses, 120 went on strike, or 40%. Wages rose from $12 to $15 an hour, up 25%.",
        "The union said 45 of the 300 nurses struck. Rents rose 6.1% in the year to March. The average rent "
        "was £1,284, compared with £1,162 a year earlier.",
    ],
)
def test_relations_find_their_claims_without_every_id(text):
    """The rules keep only the claims relations name; the result is the same with the engine's index or without."""
    from numcheck.relate import relate
    from numcheck.rules.model import Context

    found = extract(Document("r.txt", text, text), default_vocabulary(), prefix="r.txt#")
    ctx = Context(default_vocabulary(), texts={"r.txt": text}, relations=tuple(relate(text, found)))
    assert ctx.relations
    named = ctx.naming(found)

    def by_role(pairs: list) -> list:
        return [(relation, [by_id[i] for _, i in relation.roles]) for relation, by_id in pairs]

    kinds = ("change", "share", "partition", "ratio", "rate")
    assert any(ctx.with_claims(kind, found) for kind in kinds)
    for kind, chosen in itertools.product(kinds, (found, found[1:], found[:-1], found[::2], [])):
        plain = by_role(ctx.with_claims(kind, chosen))
        assert by_role(named.with_claims(kind, chosen)) == plain
        assert ctx.of_type(kind, chosen) == named.of_type(kind, chosen) == [r for r, _ in plain]
        for relation, claims in plain:
            assert [c.id for c in claims] == [i for _, i in relation.roles]
            assert all(any(c is d for d in chosen) for c in claims)


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


ORDERS = {
    "one file in text order": [("a.txt", 5, 9), ("a.txt", 20, 24), ("a.txt", 31, 33)],
    "two files in order": [("a.txt", 5, 9), ("b.txt", 1, 3), ("b.txt", 8, 9)],
    "files given in reverse": [("b.txt", 1, 3), ("b.txt", 8, 9), ("a.txt", 5, 9)],
    "--jobs parts merged out of order": [("a.txt", 20, 24), ("b.txt", 1, 3), ("a.txt", 5, 9)],
    "one offset, two ends": [("a.txt", 5, 12), ("a.txt", 5, 9)],
    "equal keys": [("a.txt", 5, 9), ("a.txt", 5, 9)],
}


@pytest.mark.parametrize("keys", ORDERS.values(), ids=ORDERS)
def test_claims_are_sorted_by_file_and_offset(keys):
    """Whether the list comes in order (then it is not sorted again) or not, as the key (file, offset, end)."""
    from numcheck.pipeline import Run, sort_claims

    made = [
        Claim(**{**BASE, "source": s, "start": a, "end": b, "id": f"{s}#{a}", "text": "x" * (b - a), "line": k + 1})
        for k, (s, a, b) in enumerate(keys)
    ]
    run = Run(claims=list(made))
    sort_claims(run)
    assert [(c.source, c.start, c.end) for c in run.claims] == sorted(keys)
    assert [c.line for c in run.claims] == [c.line for c in sorted(made, key=lambda c: (c.source, c.start, c.end))]


@pytest.mark.parametrize(("first", "then"), [(0, False), (False, 0), (1, True), (1, 1.0), ("1", 1)])
def test_values_equal_across_types_are_not_shared(first, then):
    """1 == True == 1.0, yet the JSON shows each as given: a shared part never stands for another type."""
    Claim(**{**BASE, "attribution": first, "when": first})
    later = Claim(**{**BASE, "attribution": then, "when": then})
    assert type(later.attribution) is type(then) and type(later.when) is type(then)
    assert json.dumps(later.to_json()) == json.dumps(asdict(Plain(**{**BASE, "attribution": then, "when": then})))
