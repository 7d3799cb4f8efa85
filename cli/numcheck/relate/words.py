"""The relation vocabulary (rules/vocab/relations.yaml), loaded once and indexed for lookup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from numcheck.errors import ConfigError
from numcheck.resources import pack_dir


@dataclass(frozen=True)
class RelationWords:
    """The words that state changes, ratios and partitions."""

    up: frozenset[str]
    down: frozenset[str]
    neutral: frozenset[str]
    up_nouns: frozenset[str]
    down_nouns: frozenset[str]
    factors: dict[str, float]
    fractions: dict[str, float]
    caveats: tuple[str, ...]
    baseline: tuple[str, ...]
    back_reference: tuple[str, ...]
    ratio: dict[str, float]
    exhaustive: tuple[str, ...]
    exclusive: tuple[str, ...]
    divided: tuple[str, ...]
    inclusive: tuple[str, ...]
    share_names: tuple[str, ...]
    categories: tuple[frozenset[str], ...]  # sets of words naming parts that exclude each other
    not_wholes: frozenset[str]

    def direction(self, word: str) -> str | None:
        """Return "up" or "down" for a change word, else None."""
        if word in self.up or word in self.up_nouns or self.factors.get(word, 1) > 1:
            return "up"
        if word in self.down or word in self.down_nouns or self.factors.get(word, 1) < 1:
            return "down"
        return None

    @property
    def change_words(self) -> frozenset[str]:
        """Every word that may lead a change: verbs, adverbs and factor words."""
        return self.up | self.down | self.neutral | frozenset(self.factors)


@cache
def alternation(phrases: tuple[str, ...] | frozenset[str]) -> str:
    """Return a regex alternation of phrases, longest first, spaces matching any whitespace.

    Ties are broken alphabetically: the same pattern in every process (a set's order is not), so the
    compiled-pattern cache finds it.
    """
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def relation_words() -> RelationWords:
    """Load rules/vocab/relations.yaml."""
    from numcheck.yamlfile import load_yaml

    path = pack_dir() / "vocab" / "relations.yaml"
    data = load_yaml(str(path))
    try:
        change, ratio, partition, share = data["change"], data["ratio"], data["partition"], data["share"]

        def words(section: dict, key: str) -> tuple[str, ...]:
            found = section.get(key) or ()
            if any(not isinstance(w, str) for w in found):  # YAML reads a bare on/yes/no as a boolean
                raise ValueError(f"{key}: every word must be a string (quote on, off, yes, no)")
            return tuple(w.lower() for w in found)

        return RelationWords(
            up=frozenset(words(change, "up")),
            down=frozenset(words(change, "down")),
            neutral=frozenset(words(change, "neutral")),
            up_nouns=frozenset(words(change, "up_nouns")),
            down_nouns=frozenset(words(change, "down_nouns")),
            factors={str(k).lower(): float(v) for k, v in (change.get("factors") or {}).items()},
            fractions={str(k).lower(): float(v) for k, v in (change.get("fractions") or {}).items()},
            caveats=words(change, "caveats"),
            baseline=words(change, "baseline"),
            back_reference=words(change, "back_reference"),
            ratio={str(k).lower(): float(v) for k, v in (ratio.get("words") or {}).items()},
            exhaustive=words(partition, "exhaustive"),
            exclusive=words(partition, "exclusive"),
            divided=words(partition, "divided"),
            inclusive=words(partition, "inclusive"),
            share_names=words(share, "names"),
            not_wholes=frozenset(words(share, "not_wholes")),
            categories=tuple(frozenset(str(w).lower() for w in group) for group in data.get("categories") or ()),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: relation vocabulary: {exc}") from exc
