"""conflict: the same quantity stated with intervals that cannot both be true."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache

from numcheck import schema as s
from numcheck.errors import ConfigError
from numcheck.extract.frame import frame_key, unify
from numcheck.extract.when import ordinal
from numcheck.normalise.intervals import gap_ratio, overlap, widened
from numcheck.normalise.units import compatible, convert
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.base import describe, finding, show, source_key
from numcheck.rules.model import Context, Rule
from numcheck.rules.selector import measure_head
from numcheck.stories import story_of
from numcheck.vocab import Vocabulary

DOC = (
    "Groups claims by concept (or, without one, the head noun of the measure) and by unit "
    "dimension, then compares each pair in a group: when their intervals, widened for "
    "rounding and hedges, do not overlap, neither reading can make both true. `scope` "
    "chooses pairs from different sources (files, or attributions in one file), from the "
    "same source, or any. Figures that state a change (rose by …) are not compared with "
    'levels. Currencies never convert. Figures anchored at different times ("as of March", '
    '"in September") are updates, not conflicts; with `time: over` only such pairs of a running '
    "total (a concept marked `cumulative`, such as deaths) are compared, and a total lower at "
    "the later date is flagged. Within one source, two figures of one sentence are taken to "
    "count different things. Two figures are compared only when their frames unify (extract/frame.py "
    "`unify`): the same counted thing, predicate class (died, employ, walked out …), scope (place, owner, "
    "group) and time, neither part of the other; when a frame is too thin to tell, the pair is undecidable."
)
OPTIONS = {
    "scope": s.Field(
        s.one_of("across-sources", "within-source", "any"),
        default="across-sources",
        doc="which pairs to compare",
    ),
    "match": s.Field(
        s.one_of("concept", "measure", "concept-or-measure"),
        default="concept-or-measure",
        doc="what makes two figures the same quantity",
    ),
    "min_ratio": s.Field(s.number, default=1.0, doc="report only gaps at least this many times"),
    "assume_per": s.Field(s.string, doc="read a bare duration as per this time unit (a shift a day)"),
    "time": s.Field(
        s.one_of("same", "over"),
        default="same",
        doc="same: compare figures of one time (anchors equal or absent); over: only a running total "
        "(a `cumulative` concept) at two dates, flagged when it falls",
    ),
    "contrast_words": s.Field(
        s.list_of(s.string),
        default=[],
        doc='skip a pair when either sentence has one of these ("while", "rest of"): it contrasts two things',
    ),
}
_PUNCTUATION = re.compile(r"[^\w'’-]+")
MAX_PAIRWISE = 60  # beyond this many figures of one quantity, compare neighbours only


def validate(options: dict, path: str, what: str, line_of: Callable[[str], int]) -> None:
    """Check the ratio and the time unit."""
    if options["min_ratio"] < 1:
        raise ConfigError(f"{path}:{line_of('min_ratio')}: {what}: key 'min_ratio': must be at least 1")
    if options["assume_per"] and convert(1.0, options["assume_per"], "day") is None:
        raise ConfigError(
            f"{path}:{line_of('assume_per')}: {what}: key 'assume_per': '{options['assume_per']}' is not a time unit"
        )


def _key(claim: Claim, match: str, vocab: Vocabulary) -> str | None:
    """Return what makes figures comparable: concept, measure head, or either."""
    if match == "concept":
        return claim.concept
    if match == "measure":
        return measure_head(claim)
    return frame_key(claim, vocab)


def _unit(claim: Claim, assume_per: str | None) -> tuple[str, str | None]:
    """Return the unit to compare in, and the assumption made to get it."""
    if assume_per and claim.unit and "/" not in claim.unit and convert(1.0, claim.unit, "hour"):
        return f"{claim.unit} / {assume_per}", f"{claim.text} read as per {assume_per}"
    return claim.unit, None


def check(rule: Rule, claims: list[Claim], ctx: Context) -> list[Finding]:
    """Return a finding for each pair of claims of one quantity that cannot both hold."""
    vocab = ctx.vocab
    options = rule.options
    # Files in one folder are reports of one story; other folders hold other stories.
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _key(claim, options["match"], vocab)
        if key and claim.direction is None:
            groups[story_of(claim.source), key].append(claim)
    findings = []
    for story, key in sorted(groups):
        members = groups[story, key]
        if len(members) < 2:
            continue
        findings.extend(_compare(rule, key, members, vocab))
    return findings


def _compare(rule: Rule, key: str, members: list[Claim], vocab: Vocabulary) -> list[Finding]:
    """Compare the figures of one quantity and report the pairs that cannot both hold."""
    scope = rule.options["scope"]
    assume_per = rule.options["assume_per"]
    concept = vocab.concepts.get(key)
    convertible = concept.convertible if concept else True
    readings = []
    for claim in members:
        unit, assumption = _unit(claim, assume_per)
        readings.append((claim, unit, assumption, widened(claim, vocab)))
    readings.sort(key=lambda r: (r[3][0], r[0]))
    pairs = (
        [(a, b) for i, a in enumerate(readings) for b in readings[i + 1 :]]
        if len(readings) <= MAX_PAIRWISE
        else list(itertools.pairwise(readings))
    )
    cumulative = concept.cumulative if concept else False
    findings = []
    for a, b in pairs:
        (ca, ua, _assume_a, ia), (cb, ub, _assume_b, ib) = a, b
        same_source = source_key(ca) == source_key(cb)
        if (scope == "across-sources" and same_source) or (scope == "within-source" and not same_source):
            continue
        if ua != ub and (not convertible or not compatible(ua, ub)):
            continue
        dated_apart = bool(ca.when and cb.when and ca.when != cb.when)
        verdict, why = unify(ca, cb, vocab, timed=rule.options["time"] != "over")
        if verdict == "different":
            continue
        if rule.options["time"] == "over":
            if verdict == "thin":
                continue
            # Figures anchored at different times are updates; a running total must not fall.
            fell = _fell(rule, key, a, b) if dated_apart and cumulative and ua == ub else None
            if fell is not None:
                findings.append(fell)
            continue
        if dated_apart or _contrasted(rule, ca, cb):
            continue
        ib_in_a = tuple(convert(end, ub, ua) for end in ib)
        if None in ib_in_a or overlap(ia, ib_in_a):  # type: ignore[arg-type]
            continue
        ratio = gap_ratio(ia, ib_in_a)  # type: ignore[arg-type]
        if ratio is not None and ratio < rule.options["min_ratio"]:
            continue
        spans = [(ca, ia, ua), (cb, ib_in_a, ua)]  # both in one unit, to draw on one axis
        headline = f"{rule.message or rule.description}: {key}"
        text = _explain(key, a, b, ib_in_a, ratio)
        if verdict == "thin":
            text = f"{text}, but it is not clear they state one quantity: {why}"
            findings.append(finding(rule, [ca, cb], text, "undecidable", intervals=spans, headline=headline))
        else:
            findings.append(finding(rule, [ca, cb], f"{text} ({why})", intervals=spans, headline=headline))
    return findings


def _contrasted(rule: Rule, a: Claim, b: Claim) -> bool:
    """Return True when the pair is better read as two things set side by side.

    Within one source, two figures of one sentence, or of sentences that contrast ("while",
    "the rest of"), usually count different things; only a repeated figure is a conflict.
    """
    if rule.options["scope"] != "within-source":
        return False
    if a.source == b.source and a.sentence == b.sentence:
        return True
    words = tuple(f" {w.strip().lower()} " for w in rule.options["contrast_words"])
    return _contrast_in(a.sentence, words) or _contrast_in(b.sentence, words)


@lru_cache(maxsize=1024)
def _contrast_in(sentence: str, words: tuple[str, ...]) -> bool:
    """Return True when a sentence holds a contrast word: once per sentence, not once per pair of its figures."""
    text = " " + _PUNCTUATION.sub(" ", sentence.lower()) + " "
    return any(w in text for w in words)


def _fell(rule: Rule, key: str, a, b) -> Finding | None:
    """Return a finding when a cumulative total is lower at the later of two dated figures."""
    (ca, unit, _, ia), (cb, _, _, ib) = a, b
    first, second = ordinal(ca.when), ordinal(cb.when)
    if first is None or second is None or first == second:
        return None
    (early, e_int), (late, l_int) = ((ca, ia), (cb, ib)) if first < second else ((cb, ib), (ca, ia))
    if l_int[1] >= e_int[0]:
        return None
    text = (
        f"{key} is a running total, yet the later {describe(late)} ({late.when_cue} {late.when}) reads as "
        f"{show(l_int, unit)}, below the earlier {describe(early)} ({early.when_cue} {early.when}), "
        f"{show(e_int, unit)}"
    )
    return finding(rule, [early, late], text, intervals=[(early, e_int, unit), (late, l_int, unit)])


def _explain(key, a, b, b_converted, ratio) -> str:
    """Write out both figures, their readings, any conversion or assumption, and the gap."""
    (ca, ua, assume_a, ia), (cb, ub, assume_b, ib) = a, b
    parts = [
        f"{describe(ca)} allows {show(ia, ua)}",
        f"{describe(cb)} allows {show(ib, ub)}",
    ]
    if ua != ub:
        parts.append(f"which is {show(b_converted, ua)}")
    text = f"{key}: " + "; ".join(parts)
    assumptions = [x for x in (assume_a, assume_b) if x]
    if assumptions:
        text += f" (assuming {'; '.join(assumptions)})"
    text += "; the intervals do not overlap"
    if ratio is not None:
        text += f", the higher is at least {ratio:.1f}× the lower"
    return text
