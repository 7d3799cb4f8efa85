"""The plain records that flow through the pipeline: claims and findings."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, asdict, dataclass, field, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

LEVELS = ("info", "warning", "error")
QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague")


@dataclass(frozen=True, eq=False, repr=False)  # no methods but __init__: making them is a part of every start
class ClaimFields:
    """The fields of a claim, in contract order: what `fields()`, `replace()`, `asdict()` and the JSON see.

    Claim below stores them compactly and answers the dataclass protocol with these fields; it
    compares, orders, hashes and shows itself as a frozen, ordered dataclass of them would.
    """

    source: str
    start: int
    end: int
    id: str
    line: int
    column: int
    text: str
    value: float
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    modifier: str | None = None
    strict: bool = False
    precision: float = 1.0
    measure: str | None = None
    concept: str | None = None
    attribution: str | None = None
    cue: str | None = None
    direction: str | None = None
    quoted: bool = False
    sentence: str = ""
    when: str | None = None  # the time the figure is anchored at: "2024-06", "2025", "monday"
    when_cue: str | None = None  # the words that anchor it: "as of", "by the end of", "in"
    outlet: str | None = None  # who published the text (front matter or --sources manifest)
    end_line: int = 0  # where the figure's text ends: 1-based line, and column just past it
    end_column: int = 0
    # The claim's frame: what a fact-checker asks before comparing two figures (extract/frame.py).
    counted: str | None = None  # the singular head noun of what is counted: "nurse"
    predicate: str | None = None  # the class of event or state it belongs to: "strike", "die", "employ"
    scope: str | None = None  # what narrows the set in its clause: "place=arden; owner=union; group=registered"
    part_of: str | None = None  # the id of the claim it is a subset of ("including", "of whom", "45 of the 300")


CLAIM_FIELDS = tuple(f.name for f in fields(ClaimFields))


class _Place(NamedTuple):
    """Where claims were read: one object per document, not three fields per claim."""

    source: str
    prefix: str | None  # the id is prefix + start ("report.md#120"); None when it is not (then _Rare.id holds it)
    outlet: str | None


class _Rare(NamedTuple):
    """The fields most claims leave unset, or share with many others: one object per combination.

    The last four are None when they follow from the other fields (id = prefix + start, end = start +
    len(text), end_line = line, end_column = column + len(text)), as they do for every extracted claim.
    """

    modifier: str | None = None
    strict: bool = False
    attribution: str | None = None
    cue: str | None = None
    direction: str | None = None
    quoted: bool = False
    when: str | None = None
    when_cue: str | None = None
    part_of: str | None = None
    precision: float = 1.0  # few values (1, 10, 100, 0.1 ...) and read seldom: no slot of its own
    predicate: str | None = None  # a few dozen classes
    id: str | None = None
    end: int | None = None
    end_line: int | None = None
    end_column: int | None = None


_SHARED_MAX = 4096  # places and rare combinations kept for sharing; more are shared afresh

_PLACES: dict[tuple, _Place] = {}  # (source, prefix, outlet) → the one object
_RARES: dict[tuple, _Rare] = {}  # the first eleven fields of _Rare → the one object
_STORED = (
    "start",
    "line",
    "column",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "measure",
    "concept",
    "sentence",
    "counted",
    "scope",
    "_place",
    "_rare",
)
_state = attrgetter(*_STORED)
_all = attrgetter(*CLAIM_FIELDS)
_head = attrgetter("_place.source", "start")  # the first two fields: they decide the order of two claims but for ties
_set = object.__setattr__


def _derives(rare: _Rare) -> bool:
    """Return True when a claim's id, end and end position follow from its other fields."""
    return rare.id is None and rare.end is None and rare.end_line is None and rare.end_column is None


_TEXT_TYPES = frozenset((str, type(None)))


def _strings(*values: object) -> bool:
    """Return True when every value is a string or None: only such values are shared, as 1 == True == 1.0."""
    return _TEXT_TYPES.issuperset(map(type, values))  # in C: this runs for every claim


def _derived(value: object, expected: int) -> bool:
    """Return True when a position equals what the other fields give (an int, not 5.0 or True)."""
    return type(value) is int and value == expected


# A type checker sees Claim as a subclass of ClaimFields (its fields and their types); at run time it is not.
_Typed = ClaimFields if TYPE_CHECKING else object


class Claim(_Typed):
    """One numeric claim read from a text: an interval with a unit and a qualifier.

    Immutable, sortable and comparable as a frozen dataclass of CLAIM_FIELDS would be (the same order,
    equality and hash), and `dataclasses.fields`, `replace` and `asdict` work on it (it is not a
    dataclass to subclass). A dense text has a
    claim every 120 characters, so it is stored in 16 slots, not 31: the file, id prefix and outlet are one
    object per document, the rarely set fields one object per combination, and the id, end and end
    position follow from start, line, column and text.
    """

    __slots__ = _STORED
    __dataclass_fields__ = ClaimFields.__dataclass_fields__  # type: ignore[assignment]
    __match_args__ = CLAIM_FIELDS

    def __init__(
        self,
        source: str,
        start: int,
        end: int,
        id: str,
        line: int,
        column: int,
        text: str,
        value: float,
        low: float | None,
        high: float | None,
        unit: str,
        qualifier: str,
        modifier: str | None = None,
        strict: bool = False,
        precision: float = 1.0,
        measure: str | None = None,
        concept: str | None = None,
        attribution: str | None = None,
        cue: str | None = None,
        direction: str | None = None,
        quoted: bool = False,
        sentence: str = "",
        when: str | None = None,
        when_cue: str | None = None,
        outlet: str | None = None,
        end_line: int = 0,
        end_column: int = 0,
        counted: str | None = None,
        predicate: str | None = None,
        scope: str | None = None,
        part_of: str | None = None,
    ) -> None:
        offset = str(start) if type(start) is int else None
        prefix = id[: len(id) - len(offset)] if offset and type(id) is str and id.endswith(offset) else None
        size = len(text) if type(text) is str else None
        # Positions follow from others only between ints: from start 5.0 the JSON would show an end of 8.0.
        positional = size is not None and type(start) is int and type(line) is int and type(column) is int
        if (
            prefix is not None
            and positional
            and _strings(modifier, attribution, cue, direction, when, when_cue, part_of, predicate)
            and type(end) is int
            and end == start + size
            and (end_line is line or (type(end_line) is int and end_line == line))
            and type(end_column) is int
            and end_column == column + size
            and type(strict) is bool
            and type(quoted) is bool
            and type(precision) is float
            and precision != 0  # 0.0 == -0.0
        ):  # shared: True == 1 and 5 == 5.0, so only values of their own type, as the JSON shows types
            key = (modifier, strict, attribution, cue, direction, quoted, when, when_cue, part_of, precision, predicate)
            rare = _RARES.get(key)
            if rare is None:
                if len(_RARES) >= _SHARED_MAX:
                    _RARES.clear()
                rare = _RARES[key] = _Rare(*key)
        else:
            rare = _Rare(
                modifier,
                strict,
                attribution,
                cue,
                direction,
                quoted,
                when,
                when_cue,
                part_of,
                precision,
                predicate,
                None if prefix is not None else id,
                None if positional and _derived(end, start + size) else end,
                None if positional and (end_line is line or _derived(end_line, line)) else end_line,
                None if positional and _derived(end_column, column + size) else end_column,
            )
        key = (source, prefix, outlet)
        if type(source) is str and _strings(outlet):
            place = _PLACES.get(key)
            if place is None:
                if len(_PLACES) >= _SHARED_MAX:
                    _PLACES.clear()
                place = _PLACES[key] = _Place(*key)
        else:  # a file named by something else (a claim built by hand): its own, as given
            place = _Place(*key)
        _set(self, "start", start)
        _set(self, "line", line)
        _set(self, "column", column)
        _set(self, "text", text)
        _set(self, "value", value)
        _set(self, "low", low)
        _set(self, "high", high)
        _set(self, "unit", unit)
        _set(self, "qualifier", qualifier)
        _set(self, "measure", measure)
        _set(self, "concept", concept)
        _set(self, "sentence", sentence)
        _set(self, "counted", counted)
        _set(self, "scope", scope)
        _set(self, "_place", place)
        _set(self, "_rare", rare)

    @property
    def id(self) -> str:
        """The claim's id: the file and its offset, "report.md#120"."""
        prefix = self._place.prefix
        return self._rare.id if prefix is None else prefix + str(self.start)

    @property
    def end(self) -> int:
        """The offset just past the figure's text."""
        end = self._rare.end
        return self.start + len(self.text) if end is None else end

    @property
    def end_line(self) -> int:
        """The 1-based line the figure's text ends on."""
        end_line = self._rare.end_line
        return self.line if end_line is None else end_line

    @property
    def end_column(self) -> int:
        """The column just past the figure's text."""
        end_column = self._rare.end_column
        return self.column + len(self.text) if end_column is None else end_column

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple:
        # pickle (--jobs workers) sends the stored slots: one place and rare object per payload, not copies
        return _rebuilt, _state(self)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        if _state(self) == _state(other):
            return True
        if _derives(self._rare) and _derives(other._rare):
            return False  # then each field is stored or follows from stored ones: unequal slots, unequal fields
        return _all(self) == _all(other)  # 309 == 309.0: a position given as another type

    def __hash__(self) -> int:
        return hash(_all(self))  # as a frozen dataclass: the hash of the fields in order

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = _head(self), _head(other)
        return mine < theirs if mine != theirs else _all(self) < _all(other)

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = _head(self), _head(other)
        return mine <= theirs if mine != theirs else _all(self) <= _all(other)

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = _head(self), _head(other)
        return mine > theirs if mine != theirs else _all(self) > _all(other)

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = _head(self), _head(other)
        return mine >= theirs if mine != theirs else _all(self) >= _all(other)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(CLAIM_FIELDS, _all(self), strict=True))
        return f"Claim({shown})"

    def __replace__(self, **changes: object) -> Claim:
        return replace(self, **changes)

    def to_json(self) -> dict:
        """Return the claim as a JSON-able dict in contract field order."""
        return dict(zip(CLAIM_FIELDS, _all(self), strict=True))


# The fields kept in the shared parts read through them: the file and outlet, then the rarely set ones
# (all of _Rare's but its last four, the positions, which follow from others: the properties above).
for _part, _names in (("_place", ("source", "outlet")), ("_rare", _Rare._fields[:-4])):
    for _name in _names:
        setattr(Claim, _name, property(attrgetter(f"{_part}.{_name}")))


def _rebuilt(*state: object) -> Claim:
    """Return a claim from its stored slots (what __reduce__ gives pickle)."""
    claim = object.__new__(Claim)
    for name, value in zip(_STORED, state, strict=True):
        _set(claim, name, value)
    return claim


class Shared:
    """One object per repeated value among one document's claims: a unit, a frame, a scope, a sentence, a figure.

    A dense text has a claim every 100 characters, and each would otherwise hold its own copies. The
    values are kept in dicts that go with the document, not with sys.intern: interned strings are
    immortal on some Pythons (3.12 before CPython gh-113993's fix), so a long run would never free them.
    """

    __slots__ = ("_numbers", "_strings")

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._numbers: dict[float, float] = {}

    def text(self, value: str | None) -> str | None:
        """Return the copy kept of a string equal to this one (the first met)."""
        return value if value is None else self._strings.setdefault(value, value)

    def number(self, value: float | None) -> float | None:
        """Return the float object kept for this value (the first met)."""
        if type(value) is not float or not value:  # never 0.0 for -0.0, nor 5.0 for an int 5: the JSON shows them
            return value
        return self._numbers.setdefault(value, value)


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One rule's verdict on one or more claims."""

    source: str
    line: int
    column: int
    rule: str
    kind: str
    level: str
    message: str
    claims: tuple[str, ...] = ()
    outcome: str = "inconsistent"  # or "undecidable": the check could not decide
    end_line: int = 0  # the end of the first figure: 1-based line, column just past it
    end_column: int = 0
    fingerprint: str = ""  # rule, file and the figures' words: stable when lines move
    # The explanation in parts, for tables and reports; not compared (the message already says it all).
    headline: str = field(default="", compare=False)  # what is wrong, in a few words
    reason: str = field(default="", compare=False)  # the arithmetic or the reason, figures named by their words
    # The intervals compared: (claim id, or "" for a derived value or a limit; low; high, None = open;
    # unit; label). A claim's interval here is the widened one the rule used, not its bare reading.
    intervals: tuple[tuple[str, float | None, float | None, str, str], ...] = field(default=(), compare=False)

    def to_json(self) -> dict:
        """Return the finding as a JSON-able dict."""
        data = asdict(self)
        data["claims"] = list(self.claims)
        data["intervals"] = intervals_json(self.intervals)
        return data

    @property
    def severity(self) -> int:
        """Return the level as a number, higher is worse."""
        return LEVELS.index(self.level)


def intervals_json(intervals: tuple[tuple[str, float | None, float | None, str, str], ...]) -> list[dict]:
    """Return a finding's compared intervals as JSON objects (`null` is an open end or no claim)."""
    return [
        {"claim": claim or None, "low": low, "high": high, "unit": unit, "label": label}
        for claim, low, high, unit, label in intervals
    ]


RELATION_TYPES = ("change", "share", "partition", "ratio", "rate")


@dataclass(frozen=True, order=True, slots=True)
class Relation:
    """How the text joins some of its claims: a change, a share, a partition, a ratio or a rate.

    `roles` names each claim's part ("from", "to", "by"; "part", "whole", "share"; "a", "b";
    "rate", "span", "total"); `word` is what states the relation ("up", "tripled", "or", "the
    remaining"); `factor` is the number a word means ("tripled" = 3). Only a "sure" reading may
    raise a warning; a "likely" one is at most undecidable.
    """

    source: str
    span: tuple[int, int]
    id: str
    type: str
    roles: tuple[tuple[str, str], ...]
    word: str = ""
    direction: str | None = None  # "up" | "down" for a change, when the text says
    factor: float | None = None  # what a ratio word means: doubled 2, halved 0.5, "three times" 3
    confidence: str = "sure"  # or "likely"
    exhaustive: bool = False  # a partition whose parts make up the whole ("the remaining", a Total row)
    tabular: bool = False  # read from a table: its figures are data, written to the column's finest digit

    def claims(self, role: str) -> list[str]:
        """Return the ids of the claims in one role, in text order."""
        return [claim for name, claim in self.roles if name == role]

    def claim(self, role: str) -> str | None:
        """Return the id of the one claim in a role, or None."""
        found = self.claims(role)
        return found[0] if found else None

    def to_json(self) -> dict:
        """Return the relation as a JSON-able dict."""
        data = asdict(self)
        data["span"] = list(self.span)
        data["roles"] = [list(pair) for pair in self.roles]
        return data
