"""A rule as loaded from YAML: common keys, the kind's options, and its examples."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from numcheck.records import LEVELS, Claim, Relation
from numcheck.rules.selector import Selector

if TYPE_CHECKING:
    from numcheck.vocab import Vocabulary


@dataclass(frozen=True)
class Example:
    """A text a rule must (or must not) flag, and optionally what its finding must say."""

    text: str
    message: str | None = None  # a part the finding's message must contain
    level: str | None = None  # the level the finding must have
    date: str | None = None  # the text's date, for rules that judge time


@dataclass(frozen=True)
class Rule:
    """One rule: what it checks (kind and options), which claims, and how loud."""

    id: str
    kind: str
    level: str
    description: str
    message: str | None
    select: Selector
    options: dict[str, Any]
    trigger: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    path: str = ""
    line: int = 0
    enabled: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> int:
        """Return the level as a number, higher is worse."""
        return LEVELS.index(self.level)


@dataclass(frozen=True)
class Context:
    """What rules may read besides the claims: the vocabulary, the texts and their dates."""

    vocab: Vocabulary
    texts: Mapping[str, str] = field(default_factory=dict)  # source → prose view, for words between figures
    dates: Mapping[str, str] = field(default_factory=dict)  # source → publication date, ISO
    today: str | None = None  # --date: the date to judge a text by when it has none
    show_undecidable: bool = False
    # The relate stage's readings; None means "not read yet": the engine reads them from `texts`.
    relations: tuple[Relation, ...] | None = None
    # The claims a relation names, as object ids, set by the engine for the claims it checks: a claim's id is
    # made when asked for, so each rule need not make every claim's id again. Object ids: a kind must pass
    # the engine's own claim objects to with_claims/of_type (a replace()d copy is not found).
    named: frozenset[int] | None = field(default=None, repr=False, compare=False)

    def naming(self, claims: list) -> Context:
        """Return the context with `named` set for these claims."""
        ids = {claim_id for r in self.relations or () for _, claim_id in r.roles}
        return replace(self, named=frozenset(id(c) for c in claims if c.id in ids))

    def of_type(self, kind: str, claims: list) -> list[Relation]:
        """Return the relations of one type whose claims are all among the given (selected) claims."""
        return [relation for relation, _ in self.with_claims(kind, claims)]

    def with_claims(self, kind: str, claims: list) -> list[tuple[Relation, dict[str, Claim]]]:
        """Return the relations of one type whose claims are all among the given ones, each with those claims by id.

        Only the ids the relations name are kept: a claim's id is made when asked for, and a set of every
        claim's id was the peak of memory on a dense text. Once the engine has set `named`, the claims
        must be the engine's own objects, not copies.
        """
        typed = [r for r in self.relations or () if r.type == kind]
        if not typed:
            return []
        if self.named is not None:
            found = {c.id: c for c in claims if id(c) in self.named}
        else:
            named = {claim_id for r in typed for _, claim_id in r.roles}
            found = {claim_id: c for c in claims if (claim_id := c.id) in named}
        return [(r, found) for r in typed if all(claim_id in found for _, claim_id in r.roles)]

    def date_of(self, source: str) -> str | None:
        """Return the date a text is judged by: its own, else --date."""
        return self.dates.get(source) or self.today
