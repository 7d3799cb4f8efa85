"""Which claims a rule looks at: by concept, measure, unit, qualifier, direction, context."""

from __future__ import annotations

import re
from dataclasses import dataclass

from numcheck import schema as s
from numcheck.records import QUALIFIERS, Claim

FIELDS = {
    "concept": s.Field(s.strings, doc="concept names (rules/vocab/concepts.yaml)"),
    "measure": s.Field(s.strings, doc="head nouns of the measure, singular or plural"),
    "unit": s.Field(s.strings, doc="units whose dimension the claim's unit must share"),
    "dimension": s.Field(s.strings, doc='unit dimensions by word, e.g. "[currency] / [time]"'),
    "per": s.Field(s.strings, doc="the time unit a rate is per: hour, day, month, year"),
    "qualifier": s.Field(s.strings, doc="claim qualifiers: " + ", ".join(QUALIFIERS)),
    "direction": s.Field(s.one_of("up", "down", "none", "any"), default="any"),
    "context": s.Field(s.strings, doc="a word that must appear in the sentence"),
    "not_context": s.Field(s.strings, doc="words that must not appear in the sentence"),
    "quoted": s.Field(s.boolean, doc="only quoted (true) or unquoted (false) figures"),
}


def _tuple(value: object) -> tuple[str, ...]:
    """Turn a string or list of strings into a lowercase tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value)


def singular(word: str) -> str:
    """Return a crude singular of an English noun: troops → troop, casualties → casualty."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def measure_head(claim: Claim) -> str | None:
    """Return the singular head noun of a claim's measure."""
    if not claim.measure:
        return None
    return singular(claim.measure.split()[-1].lower())


@dataclass(frozen=True)
class Selector:
    """A predicate over claims, built from a rule's `select` mapping."""

    concept: tuple[str, ...] = ()
    measure: tuple[str, ...] = ()
    unit: tuple[str, ...] = ()
    dimension: tuple[str, ...] = ()
    per: tuple[str, ...] = ()
    qualifier: tuple[str, ...] = ()
    direction: str = "any"
    context: tuple[str, ...] = ()
    not_context: tuple[str, ...] = ()
    quoted: bool | None = None

    @classmethod
    def from_options(cls, options: dict) -> Selector:
        """Build a selector from validated options."""
        return cls(
            concept=_tuple(options.get("concept")),
            measure=tuple(singular(m) for m in _tuple(options.get("measure"))),
            unit=_raw(options.get("unit")),
            dimension=_tuple(options.get("dimension")),
            per=_tuple(options.get("per")),
            qualifier=_tuple(options.get("qualifier")),
            direction=options.get("direction") or "any",
            context=_tuple(options.get("context")),
            not_context=_tuple(options.get("not_context")),
            quoted=options.get("quoted"),
        )

    @property
    def everything(self) -> bool:
        """Return True for a selector with no condition: it passes every claim (no need to ask each)."""
        return self == _EVERYTHING

    def matches(self, claim: Claim) -> bool:
        """Return True when the claim passes every condition."""
        if self.concept and claim.concept not in self.concept:
            return False
        if self.measure and measure_head(claim) not in self.measure:
            return False
        if self.qualifier and claim.qualifier not in self.qualifier:
            return False
        if self.direction == "none" and claim.direction is not None:
            return False
        if self.direction in ("up", "down") and claim.direction != self.direction:
            return False
        if self.quoted is not None and claim.quoted != self.quoted:
            return False
        if self.context or self.not_context:
            words = set(claim.sentence.lower().replace(",", " ").replace(".", " ").split())
            if self.context and not any(w in words for w in self.context):
                return False
            if any(w in words for w in self.not_context):
                return False
        if self.per and (" / " not in claim.unit or claim.unit.rsplit(" / ", 1)[1] not in self.per):
            return False
        if self.dimension:
            from numcheck.extract.context import lexical_dimension
            from numcheck.vocab import default_vocabulary

            if lexical_dimension(claim.unit, default_vocabulary()) not in self.dimension:
                return False
        if self.unit:
            from numcheck.normalise.units import compatible

            if not any(compatible(claim.unit, unit) for unit in self.unit):
                return False
        return True


_EVERYTHING = Selector()


def _raw(value: object) -> tuple[str, ...]:
    """Keep unit strings' case: "MB" is not "mb"."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)  # type: ignore[arg-type]


MAX_UNIT_CHARS = 80
MAX_POWERS = 4
_UNIT_CHARS = re.compile(r"[\w\s/*^().%$€£¥°-]*")
_POWER = re.compile(r"\*\*|\^")
_EXPONENT = re.compile(r"\s*[-+]?\d{1,2}(?![\d.])\s*")


def unit_problem(unit: str) -> str | None:
    """Say why a rule's unit string is refused before pint reads it, or None when it may be parsed.

    pint evaluates powers as it parses: "hour ** 10 ** 10 ** 10" would never finish. A unit is
    short, of plain characters, and each power is a small integer that is no base of another.
    """
    if len(unit) > MAX_UNIT_CHARS:
        return f"a unit of more than {MAX_UNIT_CHARS} characters"
    if not _UNIT_CHARS.fullmatch(unit):
        return "a unit of letters, digits, spaces and / * ^ ( ) only"
    powers = list(_POWER.finditer(unit))
    if len(powers) > MAX_POWERS:
        return f"more than {MAX_POWERS} powers in a unit"
    for power in powers:
        exponent = _EXPONENT.match(unit, power.end())
        if exponent is None:
            return "a power must be a whole number from -99 to 99"
        if _POWER.match(unit, exponent.end()):
            return "a power of a power"
    return None
