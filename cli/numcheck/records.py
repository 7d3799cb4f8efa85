"""The plain records that flow through the pipeline: claims and findings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

LEVELS = ("info", "warning", "error")
QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range", "vague")


@dataclass(frozen=True, order=True, slots=True)
class Claim:
    """One numeric claim read from a text: an interval with a unit and a qualifier."""

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

    def to_json(self) -> dict:
        """Return the claim as a JSON-able dict in contract field order."""
        return asdict(self)


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
