"""Load and validate the YAML vocabularies under rules/vocab into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.extract.numbers import DENOMINATORS, FOLD_WORDS, NUMBER_WORDS, UNICODE_FRACTIONS
from numcheck.extract.tokens import phrase, tokenize
from numcheck.resources import pack_dir
from numcheck.yamlfile import load_yaml

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Modifier:
    """A hedge or bound before a number and how it widens the number."""

    words: str
    qualifier: str
    below: float = 0.0
    above: float = 0.0
    strict: bool = False


@dataclass(frozen=True)
class Concept:
    """A measure and the words that name it."""

    name: str
    aliases: frozenset[Phrase]
    cues: frozenset[Phrase]
    dimensions: tuple[str, ...] = ()
    context: frozenset[str] = frozenset()
    convertible: bool = True
    cumulative: bool = False  # a running total (deaths): it never falls over time
    personal: bool = False  # differs from person to person (a wage): one quantity only when both say whose
    units: tuple[str, ...] = ()  # the only units (before any "/") a figure of this concept may have


@dataclass
class Vocabulary:
    """Every word list extraction and widening use, indexed for fast lookup."""

    modifiers: dict[Phrase, Modifier] = field(default_factory=dict)
    rounding_fraction: float = 0.5
    direction: dict[str, frozenset[str]] = field(default_factory=dict)
    vague: dict[Phrase, tuple[float, float]] = field(default_factory=dict)
    vague_compare: tuple[float, float] = (1.0, 1.0)  # how far a vague amount widens in comparisons
    attribution_before: frozenset[Phrase] = frozenset()
    attribution_after: frozenset[Phrase] = frozenset()
    speech_verbs: frozenset[str] = frozenset()  # one-word "after" cues: "said", "reported"
    strip_tail: frozenset[str] = frozenset()
    not_sources: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()  # what a lowercase source's name ends in: "officials"
    not_in_sources: frozenset[str] = frozenset()  # adverbs, verbs, time words: never in a source's name
    identifier_words: frozenset[str] = frozenset()
    score_words: frozenset[str] = frozenset()
    tally_words: frozenset[str] = frozenset()
    time_words: frozenset[Phrase] = frozenset()
    units: dict[Phrase, str] = field(default_factory=dict)
    case_sensitive: frozenset[str] = frozenset()
    context_forms: frozenset[str] = frozenset()  # units only when a context word is in the sentence
    context_words: frozenset[str] = frozenset()
    spaced_letters: frozenset[str] = frozenset()
    per: dict[str, str] = field(default_factory=dict)
    rate_words: dict[Phrase, str] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    currency_symbols: dict[Phrase, str] = field(default_factory=dict)
    currency_names: dict[Phrase, str] = field(default_factory=dict)
    currency_ambiguous: dict[Phrase, str] = field(default_factory=dict)
    pound_money_words: frozenset[str] = frozenset()
    concepts: dict[str, Concept] = field(default_factory=dict)
    alias_index: dict[Phrase, str] = field(default_factory=dict)
    cue_index: dict[Phrase, str] = field(default_factory=dict)
    currencies: frozenset[str] = frozenset()
    time_words_single: frozenset[str] = frozenset()
    currency_prefix_words: frozenset[str] = frozenset()
    dollar_prefixes: dict[str, str] = field(default_factory=dict)  # "c" → CAD in "C $5", "usd$5"
    # "N700 million": a one-letter symbol is money only before a scaled or grouped amount
    weak_symbols: dict[str, str] = field(default_factory=dict)
    symbol_chars: frozenset[str] = frozenset()  # one-character currency symbols: "$", "€", "₹"
    modifiers_after: dict[Phrase, Modifier] = field(default_factory=dict)
    firsts: dict[str, frozenset[str]] = field(default_factory=dict)
    lasts: dict[str, frozenset[str]] = field(default_factory=dict)
    case_folded: frozenset[str] = frozenset()  # case_sensitive forms, lowercased
    number_starts: frozenset[str] = frozenset()  # lowercase tokens that can begin a quantity
    trigger_words: frozenset[str] = frozenset()  # words without which a digit-free sentence holds no figure
    predicate_index: dict[Phrase, str] = field(default_factory=dict)  # "walked out" → strike
    generic_counted: frozenset[str] = frozenset()  # people, deaths: a toll's counted thing
    part_cues: frozenset[Phrase] = frozenset()  # "including", "of whom": a subset of an earlier figure
    part_of_next: frozenset[Phrase] = frozenset()  # "of", "out of": a subset of the next figure
    neutral_modifiers: frozenset[str] = frozenset()  # "more", "other": do not narrow a set
    standings: frozenset[str] = frozenset()  # "led", "versus": two levels side by side, not a range
    tally_nouns: frozenset[str] = frozenset()  # "toll", "number": a figure after them says what it counts
    yield_nouns: frozenset[str] = frozenset()  # "harvest", "output": the noun before them is what is measured
    level_predicates: frozenset[str] = frozenset()  # "peak": a measured figure of it is one level
    earlier: frozenset[str] = frozenset()  # "an earlier toll of 27": the value before a revision
    not_events: frozenset[str] = frozenset()  # "another report", "another 300": no second event
    per_people: frozenset[str] = frozenset()  # "per 1,000 patients": a rate per person
    # The longest phrase length of each table, so matching looks no further.
    longest: dict[str, int] = field(default_factory=dict)


def _phrases(words: list[str]) -> list[Phrase]:
    """Tokenise vocabulary entries the way extraction tokenises text."""
    return [p for p in (phrase(w) for w in words) if p]


def _file(folder: Path, name: str, fields: dict[str, s.Field]) -> dict:
    """Load one vocabulary file and check its top-level keys."""
    path = folder / name
    data = load_yaml(str(path))
    return s.validate(data, fields, str(path), f"vocabulary '{name}'")


_MODIFIER = {
    "qualifier": s.Field(s.one_of("exact", "approximate", "lower_bound", "upper_bound"), required=True),
    "words": s.Field(s.list_of(s.string), required=True),
    "below": s.Field(s.number, default=0.0),
    "above": s.Field(s.number, default=0.0),
    "strict": s.Field(s.boolean, default=False),
}
_CONCEPT = {
    "aliases": s.Field(s.list_of(s.string), default=[]),
    "cues": s.Field(s.list_of(s.string), default=[]),
    "dimensions": s.Field(s.list_of(s.text), default=[]),
    "context": s.Field(s.list_of(s.string), default=[]),
    "convertible": s.Field(s.boolean, default=True),
    "cumulative": s.Field(s.boolean, default=False),
    "personal": s.Field(s.boolean, default=False),
    "units": s.Field(s.list_of(s.string), default=[]),
}
_CURRENCY = {
    "symbols": s.Field(s.list_of(s.string), default=[]),
    "names": s.Field(s.list_of(s.string), default=[]),
    "ambiguous": s.Field(s.list_of(s.string), default=[]),
}


def _load_modifiers(vocab: Vocabulary, folder: Path) -> None:
    data = _file(
        folder,
        "modifiers.yaml",
        {
            "modifiers": s.Field(s.list_of(s.mapping), required=True),
            "after": s.Field(s.list_of(s.mapping), default=[]),
            "rounding": s.Field(s.mapping, required=True),
            "direction": s.Field(s.mapping, required=True),
        },
    )
    path = str(folder / "modifiers.yaml")
    for section, table in (("modifiers", vocab.modifiers), ("after", vocab.modifiers_after)):
        for index, entry in enumerate(data[section]):
            spec = s.validate(entry, _MODIFIER, path, f"{section} {index + 1}")
            for words, key in zip(spec["words"], _phrases(spec["words"]), strict=False):
                table[key] = Modifier(words, spec["qualifier"], spec["below"], spec["above"], spec["strict"])
    rounding = s.validate(data["rounding"], {"fraction": s.Field(s.number, required=True)}, path, "rounding")
    vocab.rounding_fraction = float(rounding["fraction"])
    direction = s.validate(
        data["direction"],
        {k: s.Field(s.list_of(s.string), default=[]) for k in ("up", "down", "change", "up_after", "down_after")},
        path,
        "direction",
    )
    vocab.direction = {k: frozenset(w.lower() for w in v) for k, v in direction.items()}


def _load_units(vocab: Vocabulary, folder: Path) -> None:
    data = _file(
        folder,
        "units.yaml",
        {
            "units": s.Field(s.mapping, required=True),
            "case_sensitive": s.Field(s.list_of(s.string), default=[]),
            "needs_context": s.Field(s.mapping, default={}),
            "spaced_letters": s.Field(s.list_of(s.string), default=[]),
            "per": s.Field(s.mapping, required=True),
            "rate_words": s.Field(s.mapping, required=True),
            "scales": s.Field(s.mapping, required=True),
        },
    )
    path = str(folder / "units.yaml")
    words = s.list_of(s.string)
    for section in ("units", "per", "rate_words"):
        s.validate(data[section], {k: s.Field(words) for k in data[section]}, path, section)
    s.validate(data["scales"], {k: s.Field(s.number) for k in data["scales"]}, path, "scales")
    vocab.case_sensitive = frozenset(data["case_sensitive"])
    context = s.validate(
        data["needs_context"],
        {"forms": s.Field(words, default=[]), "words": s.Field(words, default=[])},
        path,
        "needs_context",
    )
    vocab.context_forms = frozenset(context["forms"])
    vocab.spaced_letters = frozenset(data["spaced_letters"])
    vocab.context_words = frozenset(w.lower() for w in context["words"])
    for unit, forms in data["units"].items():
        for form in forms:
            vocab.units[phrase(form) if form not in vocab.case_sensitive else (form,)] = unit
    vocab.per = {form.lower(): unit for unit, forms in data["per"].items() for form in forms}
    vocab.rate_words = {phrase(form): unit for unit, forms in data["rate_words"].items() for form in forms}
    vocab.scales = {k.lower(): float(v) for k, v in data["scales"].items()}


def _load_currencies(vocab: Vocabulary, folder: Path) -> None:
    data = _file(
        folder,
        "currencies.yaml",
        {
            "currencies": s.Field(s.mapping, required=True),
            "pound_money_words": s.Field(s.list_of(s.string), default=[]),
            "weak_symbols": s.Field(s.mapping, default={}),
        },
    )
    path = str(folder / "currencies.yaml")
    for code, entry in data["currencies"].items():
        spec = s.validate(entry, _CURRENCY, path, f"currency '{code}'")
        for symbol in spec["symbols"]:
            vocab.currency_symbols[tuple(t.text for t in tokenize(symbol))] = code
        for name in spec["names"]:
            vocab.currency_names[phrase(name)] = code
        for name in spec["ambiguous"]:
            vocab.currency_ambiguous[phrase(name)] = code
    vocab.pound_money_words = frozenset(w.lower() for w in data["pound_money_words"])
    weak = data["weak_symbols"]
    vocab.weak_symbols = s.validate(weak, {k: s.Field(s.string) for k in weak}, path, "weak_symbols")


def _load_concepts(vocab: Vocabulary, folder: Path) -> None:
    data = _file(folder, "concepts.yaml", {"concepts": s.Field(s.mapping, required=True)})
    path = str(folder / "concepts.yaml")
    for name, entry in data["concepts"].items():
        spec = s.validate(entry, _CONCEPT, path, f"concept '{name}'")
        concept = Concept(
            name=name,
            aliases=frozenset(_phrases(spec["aliases"])),
            cues=frozenset(_phrases(spec["cues"])),
            dimensions=tuple(spec["dimensions"]),
            context=frozenset(w.lower() for w in spec["context"]),
            convertible=spec["convertible"],
            cumulative=spec["cumulative"],
            personal=spec["personal"],
            units=tuple(spec["units"]),
        )
        vocab.concepts[name] = concept
        for alias in concept.aliases:
            vocab.alias_index.setdefault(alias, name)
        for cue in concept.cues:
            vocab.cue_index.setdefault(cue, name)


def _load_words(vocab: Vocabulary, folder: Path) -> None:
    lists = s.Field(s.list_of(s.string), default=[])
    vague = _file(
        folder, "vague.yaml", {"vague": s.Field(s.mapping, required=True), "compare": s.Field(s.mapping, default={})}
    )
    path = str(folder / "vague.yaml")
    factors = s.validate(
        vague["compare"],
        {"low": s.Field(s.number, default=1.0), "high": s.Field(s.number, default=1.0)},
        path,
        "compare",
    )
    vocab.vague_compare = (float(factors["low"]), float(factors["high"]))
    s.validate(vague["vague"], {k: s.Field(s.interval) for k in vague["vague"]}, path, "vague")
    vocab.vague = {phrase(k): (float(v[0]), float(v[1])) for k, v in vague["vague"].items()}
    attribution = _file(
        folder,
        "attribution.yaml",
        {k: lists for k in ("before", "after", "strip_tail", "not_sources", "source_nouns", "not_in_sources")},
    )
    vocab.attribution_before = frozenset(_phrases(attribution["before"]))
    vocab.attribution_after = frozenset(_phrases(attribution["after"]))
    vocab.speech_verbs = frozenset(p[0] for p in vocab.attribution_after if len(p) == 1)
    vocab.strip_tail = frozenset(w.lower() for w in attribution["strip_tail"])
    vocab.not_sources = frozenset(w.lower() for w in attribution["not_sources"])
    vocab.source_nouns = frozenset(w.lower() for w in attribution["source_nouns"])
    vocab.not_in_sources = frozenset(w.lower() for w in attribution["not_in_sources"])
    nonclaims = _file(
        folder,
        "nonclaims.yaml",
        {"identifier_words": lists, "score_words": lists, "tally_words": lists, "time_words": lists},
    )
    vocab.identifier_words = frozenset(w.lower().rstrip(".") for w in nonclaims["identifier_words"])
    vocab.score_words = frozenset(w.lower() for w in nonclaims["score_words"])
    vocab.tally_words = frozenset(w.lower() for w in nonclaims["tally_words"])
    vocab.time_words = frozenset(_phrases(nonclaims["time_words"]))


def _load_frames(vocab: Vocabulary, folder: Path) -> None:
    """Predicate classes and the words that shape a claim's frame."""
    data = _file(folder, "predicates.yaml", {"predicates": s.Field(s.mapping, required=True)})
    path = str(folder / "predicates.yaml")
    classes = s.validate(
        data["predicates"], {k: s.Field(s.list_of(s.string)) for k in data["predicates"]}, path, "predicates"
    )
    for name, forms in classes.items():
        for form in _phrases(forms):
            vocab.predicate_index.setdefault(form, name)
    lists = s.Field(s.list_of(s.string), default=[])
    frames = _file(
        folder,
        "frames.yaml",
        {
            k: lists
            for k in (
                "generic_counted",
                "part_cues",
                "part_of_next",
                "neutral_modifiers",
                "standings",
                "tally_nouns",
                "yield_nouns",
                "level_predicates",
                "earlier",
                "not_events",
                "per_people",
            )
        },
    )
    vocab.generic_counted = frozenset(w.lower() for w in frames["generic_counted"])
    vocab.part_cues = frozenset(_phrases(frames["part_cues"]))
    vocab.part_of_next = frozenset(_phrases(frames["part_of_next"]))
    vocab.neutral_modifiers = frozenset(w.lower() for w in frames["neutral_modifiers"])
    vocab.standings = frozenset(w.lower() for w in frames["standings"])
    vocab.tally_nouns = frozenset(w.lower() for w in frames["tally_nouns"])
    vocab.yield_nouns = frozenset(w.lower() for w in frames["yield_nouns"])
    vocab.level_predicates = frozenset(w.lower() for w in frames["level_predicates"])
    vocab.earlier = frozenset(w.lower() for w in frames["earlier"])
    vocab.not_events = frozenset(w.lower() for w in frames["not_events"])
    vocab.per_people = frozenset(w.lower() for w in frames["per_people"])


def load_vocabulary(folder: Path) -> Vocabulary:
    """Load every vocabulary file in a folder, or raise ConfigError naming file and line."""
    if not folder.is_dir():
        raise ConfigError(f"{folder}: vocabulary folder not found")
    vocab = Vocabulary()
    _load_modifiers(vocab, folder)
    _load_units(vocab, folder)
    _load_currencies(vocab, folder)
    _load_concepts(vocab, folder)
    _load_words(vocab, folder)
    _load_frames(vocab, folder)
    tables = {
        "modifiers": vocab.modifiers,
        "modifiers_after": vocab.modifiers_after,
        "vague": vocab.vague,
        "units": vocab.units,
        "rate_words": vocab.rate_words,
        "currency_symbols": vocab.currency_symbols,
        "currency_names": vocab.currency_names,
        "alias": vocab.alias_index,
        "cue": vocab.cue_index,
        "attribution_before": dict.fromkeys(vocab.attribution_before),
        "attribution_after": dict.fromkeys(vocab.attribution_after),
        "time_words": dict.fromkeys(vocab.time_words),
        "predicate": vocab.predicate_index,
        "part_cues": dict.fromkeys(vocab.part_cues),
    }
    vocab.currencies = frozenset(vocab.currency_symbols.values()) | frozenset(vocab.currency_names.values())
    vocab.time_words_single = frozenset(p[0] for p in vocab.time_words if len(p) == 1)
    vocab.currency_prefix_words = frozenset(p[-1] for p in vocab.currency_symbols if p[-1][:1].isalpha())
    vocab.dollar_prefixes = {code.lower(): code for code in vocab.currencies}
    prefixed = {k[0].lower(): c for k, c in vocab.currency_symbols.items() if len(k) == 2 and k[1] == "$"}
    vocab.dollar_prefixes.update(prefixed)
    vocab.case_folded = frozenset(c.lower() for c in vocab.case_sensitive)
    vocab.symbol_chars = frozenset(k[0] for k in vocab.currency_symbols if len(k) == 1 and len(k[0]) == 1)
    vague_words = {word for p in vocab.vague for word in p} - {"a", "an", "of"}
    words = NUMBER_WORDS | {"half"} | vague_words | frozenset(DENOMINATORS) | frozenset(FOLD_WORDS)
    vocab.trigger_words = words - {"a", "an"}
    vocab.longest = {name: max((len(k) for k in table), default=0) for name, table in tables.items()}
    # First and last words of each table's phrases: most tokens fail this set test and skip the tuple lookups.
    vocab.firsts = {name: frozenset(k[0] for k in table) for name, table in tables.items()}
    vocab.lasts = {name: frozenset(k[-1] for k in table) for name, table in tables.items()}
    starts = NUMBER_WORDS | {"a", "an", "half"} | vocab.firsts["vague"] | frozenset(FOLD_WORDS)
    vocab.number_starts = starts | frozenset(UNICODE_FRACTIONS)
    return vocab


@cache
def default_vocabulary() -> Vocabulary:
    """Return the built-in vocabulary, loaded once per process (from the cache while its files are unchanged)."""
    from numcheck.vocab_cache import cache_dir, cached_vocabulary

    return cached_vocabulary(pack_dir() / "vocab", cache_dir())
