"""One document's claims in text order, and the words between and around them."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from itertools import groupby

from numcheck.records import Claim, Relation

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?\.?")
# Where a clause ends, looking back from a figure: a full stop, a semicolon or colon, a blank line.
_CLAUSE_END = re.compile(r"(?:[.;:!?](?=\s)|\n\s*\n)")
_FROM_LED = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
MAX_GAP = 160  # words further apart than this are not read as one relation


class Text:
    """The prose of one document and its claims grouped by sentence, with a relation counter."""

    def __init__(self, prose: str, claims: list[Claim]) -> None:
        self.prose = prose
        # "up from €2.1 billion" is the old level of a change, not a change: its direction is the relation's.
        self.claims = [
            replace(c, direction=None) if c.direction and _FROM_LED.search(prose[max(0, c.start - 12) : c.start]) else c
            for c in sorted(claims, key=lambda c: c.start)
        ]
        # Where each sentence's claims begin in self.claims, 8 bytes a sentence: a list per sentence cost more
        # memory than the relations (a dense text has a sentence per claim or two).
        self._groups = array("q", [0])
        for index, (_, group) in enumerate(groupby(self.claims, key=lambda c: c.sentence)):
            self._groups.append(self._groups[index] + sum(1 for _ in group))
        self.relations: list[Relation] = []
        first = self.claims[0].id if self.claims else ""
        # relation ids follow the claims': "report.md#r1" beside "report.md#120", "2.r1" beside "2.5"
        if "#" in first:
            self._prefix = first.rsplit("#", 1)[0] + "#"
        else:
            self._prefix = first.rsplit(".", 1)[0] + "." if "." in first else ""
        # The claims that play a role in a relation, by id: ids are made when asked for, and a dict of every
        # claim's id cost memory at the peak.
        self.by_id: dict[str, Claim] = {}
        self._starts = [c.start for c in self.claims]  # a claim's offset is its own: no two share one
        # claim offset → [(relation type, role)]: no rescans, and no id made for each question
        self.roles_of: dict[int, list[tuple[str, str]]] = {}

    @property
    def sentences(self) -> Iterator[list[Claim]]:
        """Yield the claims of each sentence in text order, one list at a time."""
        claims, groups = self.claims, self._groups
        for k in range(1, len(groups)):
            yield claims[groups[k - 1] : groups[k]]

    def index(self, claim: Claim) -> int:
        """Return a claim's place in text order, by bisection (a dict of every claim cost memory at the peak)."""
        return bisect_left(self._starts, claim.start)

    def within(self, low: int, high: int) -> list[Claim]:
        """Return the claims that start in [low, high), found by bisection so long texts stay linear."""
        return self.claims[bisect_left(self._starts, low) : bisect_left(self._starts, high)]

    def playing(self, claim: Claim, type_: str, role: str | None = None) -> bool:
        """Return True when a claim already plays a role (any role when None) in a relation of a type."""
        return any(t == type_ and (role is None or r == role) for t, r in self.roles_of.get(claim.start, ()))

    def replace(self, index: int, relation: Relation) -> None:
        """Put a widened reading of a relation in its place (a role added), keeping the index current."""
        before = set(self.relations[index].roles)
        self.relations[index] = relation
        for role, claim_id in relation.roles:
            if (role, claim_id) in before:
                continue  # indexed when the first reading was added
            claim = self.by_id.get(claim_id)
            if claim is None:  # the widened span holds the claim of the added role
                claim = next((c for c in self.within(*relation.span) if c.id == claim_id), None)
                if claim is None:
                    continue
                self.by_id[claim_id] = claim
            self.roles_of.setdefault(claim.start, []).append((relation.type, role))

    def gap(self, a: Claim, b: Claim) -> str | None:
        """Return the lowercased words between two figures, or None when they overlap or lie far apart."""
        if a.end > b.start or b.start - a.end > MAX_GAP:
            return None
        return _SPACE.sub(" ", self.prose[a.end : b.start].lower())

    def lead(self, claim: Claim, floor: int = 0, chars: int = 100) -> str:
        """Return the lowercased words of a figure's clause before it, back to `floor` at most."""
        start = max(floor, claim.start - chars, 0)
        raw = self.prose[start : claim.start]
        ends = list(_CLAUSE_END.finditer(raw))
        if ends:
            raw = raw[ends[-1].end() :]
        return _SPACE.sub(" ", raw.lower())

    def tail(self, claim: Claim, chars: int = 40) -> str:
        """Return the lowercased words right after a figure, up to the end of its sentence."""
        raw = self.prose[claim.end : claim.end + chars]
        end = _SENTENCE_END.search(raw)
        return _SPACE.sub(" ", (raw[: end.start() + 1] if end else raw).lower())

    def add(self, type_: str, roles: list[tuple[str, Claim]], **fields) -> Relation:
        """Record a relation over the given claims by role; return it."""
        claims = [c for _, c in roles]
        span = (min(c.start for c in claims), max(c.end for c in claims))
        relation = Relation(
            source=claims[0].source,
            span=span,
            id=f"{self._prefix}r{len(self.relations) + 1}",
            type=type_,
            roles=tuple((role, c.id) for role, c in roles),
            **fields,
        )
        self.relations.append(relation)
        for (role, claim_id), (_, claim) in zip(relation.roles, roles, strict=True):
            self.roles_of.setdefault(claim.start, []).append((type_, role))
            self.by_id[claim_id] = claim
        return relation


def words(text: str) -> list[str]:
    """Return the lowercase words of a text, in order."""
    return _WORD.findall(text)


def last_word_in(text: str, vocabulary: set[str] | frozenset[str] | dict) -> str | None:
    """Return the last word or two-word phrase of text that the vocabulary holds."""
    found = words(text)
    for i in range(len(found) - 1, -1, -1):
        if i > 0 and f"{found[i - 1]} {found[i]}" in vocabulary:
            return f"{found[i - 1]} {found[i]}"
        if found[i] in vocabulary:
            return found[i]
    return None


def is_count(claim: Claim) -> bool:
    """Return True for a plain count: no unit, not a change."""
    return claim.unit == "" and claim.direction is None


_SCALE = re.compile(r"\b(thousand|million|billion|trillion|bn|mn|m|k)\b", re.IGNORECASE)


def scale_word(claim: Claim) -> str:
    """Return the scale word a figure is written with ("million"), or "" when none."""
    found = _SCALE.search(claim.text)
    return found.group(1).lower() if found else ""


def same_amount_kind(whole: Claim, part: Claim) -> bool:
    """Return True when a part is of a whole's kind: its unit, or bare at its scale ("€412 million … 168 million")."""
    if part.direction is not None or part.qualifier == "vague":
        return False
    if part.unit == whole.unit:
        return True
    # a scale word on both sides ("million … million") says one kind of amount; "€5 … 200" may count people
    scale = scale_word(part)
    return part.unit == "" and whole.unit not in ("percent", "fraction") and scale != "" and scale == scale_word(whole)


def is_share(claim: Claim) -> bool:
    """Return True for a share: percent or fraction."""
    return claim.unit in ("percent", "fraction")


def as_percent(value: float, unit: str) -> float:
    """Return a share in percent."""
    return value * 100 if unit == "fraction" else value


def alternation_words(phrases: tuple[str, ...]) -> str:
    """Return a regex alternation of phrases, longest first."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
