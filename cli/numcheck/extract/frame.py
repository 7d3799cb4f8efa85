"""A claim's frame: what it counts, the event it belongs to, what narrows it, and what it is part of.

No parser is available (field notes §7), so the frame is read from the figure's own clause:
the clause runs between breaks (";", ":", a spaced dash, brackets, a contrast word after a
comma); the predicate is the nearest form of the predicate vocabulary in that clause (verbs,
passives, adjectives and nouns that name the event), which skips the reporting frame ("police
said") because speech verbs are no predicates; the scope is read from the measure's own
modifiers, a possessor before the figure and a place ("in Arden") in the clause.

`unify` is the one place that decides whether two figures state the same quantity.
"""

from __future__ import annotations

import heapq
import re
from typing import TYPE_CHECKING, NamedTuple

from numcheck.extract.context import CLAUSE_BREAKS
from numcheck.extract.quantities import match_phrase
from numcheck.extract.sentences import MONTHS
from numcheck.extract.tokens import Token, lows
from numcheck.extract.when import WEEKDAYS

if TYPE_CHECKING:
    from numcheck.records import Claim
    from numcheck.vocab import Vocabulary

# Grammar, not vocabulary: what ends a clause, and what sets a contrast after a comma.
_BREAKS = frozenset((";", ":", "(", ")", "[", "]", "—", "–"))
_CONTRASTS = CLAUSE_BREAKS | {"meanwhile"}  # a frame also ends at "meanwhile", which starts no attribution clause
# Every token text clause_span stops at or looks at; punctuation has no case, so a token's lowercase text is tested.
_CLAUSE_ENDS = _BREAKS | {"-"} | _CONTRASTS
_PLACE_LEADS = frozenset(("in", "at", "across", "throughout"))
_DAYS = frozenset(WEEKDAYS)
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "lives": "life"}
# A scope is a few "key=value" parts; these keys name sets that must be the same to compare.
SCOPE_KEYS = ("event", "subject", "place", "owner", "group", "name", "of", "period", "part")
_AUXILIARIES = frozenset(
    ["has", "have", "had", "was", "were", "is", "are", "been", "be", "will", "would", "also", "reportedly", "then"]
)
# Words before a predicate that are no subject of it: "… said [that] the city employs".
_NOT_SUBJECTS = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "it",
        "they",
        "he",
        "she",
        "we",
        "said",
        "says",
        "with",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "as",
        "than",
        "after",
        "before",
        "there",
        "this",
    ]
)
_TIME_WORDS = frozenset(("year", "month", "week", "day", "today", "yesterday", "season", "decade", "quarter"))
_GLUE = frozenset(("of", "the", "a", "an", "and", "or", "in", "on", "at", "for", "to", "with"))
MAX_REACH = 10  # a predicate further than this many tokens from the figure belongs to another figure
NOUN_YIELDS = 3  # a predicate this near the figure names its event before a predicate noun in its measure


def singular(word: str) -> str:
    """Return a crude singular of an English noun: nurses → nurse, casualties → casualty, people → person."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


# How far a clause reaches on either side of its figure, in tokens. News clauses are shorter; the
# cap keeps every per-figure scan of the clause (scope, period, place, year) from growing with the
# sentence, so a line of thousands of figures is read in linear time.
CLAUSE_REACH = 40


def clause_span(t: list[Token], first: int, last: int) -> tuple[int, int]:
    """Return the token span of the clause holding t[first:last], at most CLAUSE_REACH tokens each side."""
    low = lows(t)
    # Only a token in _CLAUSE_ENDS can end the clause: the walks visit those, nearest first, and stop at
    # the cap when none does (most clauses hold none, and then nothing is visited at all).
    start = floor = max(0, first - CLAUSE_REACH)
    if not _CLAUSE_ENDS.isdisjoint(low[floor:first]):
        for k in reversed([k for k in range(floor, first) if low[k] in _CLAUSE_ENDS]):
            tok = t[k]
            if tok.text in _BREAKS or (tok.text == "-" and k > 0 and t[k - 1].end < tok.start):  # " - "
                start = k + 1
                break
            if tok.low in _CONTRASTS and k > 0 and t[k - 1].text == ",":
                start = k
                break
    end = ceiling = min(len(t), last + CLAUSE_REACH)
    if not _CLAUSE_ENDS.isdisjoint(low[last:ceiling]):
        for k in [k for k in range(last, ceiling) if low[k] in _CLAUSE_ENDS]:
            tok = t[k]
            if tok.text in _BREAKS or (tok.text == "-" and t[k - 1].end < tok.start):
                end = k
                break
            if tok.low in _CONTRASTS and t[k - 1].text == ",":
                end = k
                break
    return start, end


def counted_of(
    measure: str | None,
    vocab: Vocabulary | None = None,
    t: list[Token] | None = None,
    first: int = 0,
    span: tuple[int, int] = (0, 0),
) -> str | None:
    """Return the singular head noun of a measure: "North Korean workers" → "worker".

    With no measure, a tally noun before the figure in its clause names it: "the death toll
    at 2,000" counts deaths; so does the noun before a yield noun: "the wheat harvest at 3.4
    million tonnes" measures wheat. A figure with neither ("190 were dead") is elliptical: None.
    """
    if not measure:
        if vocab is None or t is None:
            return None
        near = lows(t)[max(span[0], first - 7) : first]
        if vocab.yield_nouns.isdisjoint(near) and vocab.tally_nouns.isdisjoint(near):
            return None  # no tally or yield noun before the figure: the walk below would find none
        for k in range(first - 1, max(span[0], first - 7) - 1, -1):
            if t[k].low in vocab.yield_nouns:
                # "the wheat harvest at 3.4 million tonnes": the noun before the harvest is what is measured
                before = t[k - 1] if k > span[0] else None
                plain = before is not None and before.kind == "word" and before.text.isalpha()
                return singular(before.low) if plain and before.text.islower() and before.low not in _GLUE else None
            if t[k].low in vocab.tally_nouns:
                j = k + 2
                while j < first and t[j].low in _GLUE:
                    j += 1
                if t[k + 1].low == "of" and j < first and t[j].kind == "word" and t[j].text.islower():
                    return singular(t[j].low)  # "the number of arrests rose to 40", "its count of the dead"
                before = t[k - 1].low if k > span[0] else ""
                return singular(before) if before in vocab.generic_counted or before == "death" else t[k].low
        return None
    head = split_of(measure)[0].split()[-1].split("-")[-1]
    if not head.isalpha() or (vocab is not None and head.lower() in vocab.neutral_modifiers):
        return None  # "22 people and 25 others": "others" says nothing of what is counted
    return singular(head)


def split_of(measure: str) -> tuple[str, str | None]:
    """Split "cases of measles" into the counted phrase and what it is of: ("cases", "measles").

    A measure that starts with "of" ("hectares of forest" leaves "of forest") names its thing.
    """
    words = measure.split()
    if "of" not in words[1:-1]:
        return measure, None
    at = words.index("of", 1)
    rest = [w for w in words[at + 1 :] if w.lower() not in _GLUE]
    return " ".join(words[:at]), " ".join(w.lower() for w in rest) or None


class Frame(NamedTuple):
    """What a figure counts, the event it belongs to and what narrows it (see `read_frame`)."""

    counted: str | None
    predicate: str | None
    scope: str | None
    subset: bool  # a subset cue ("including", "of whom") stands before it: part of the figure before


def read_frame(
    vocab: Vocabulary,
    t: list[Token],
    figure: tuple[int, int, int],
    unit: str,
    measure: str | None,
    span: tuple[int, int],
    event: str | None,
    previous: Claim | None,
) -> Frame:
    """Read the frame of a figure in its clause `span`.

    `figure` is (first token, token after the number, token after its measure) and `unit` its
    unit; `previous` the
    figure before it in the same sentence, or None; `event` the second event its paragraph speaks
    of ("another explosion"), or None.
    """
    first, last, after = figure
    counted = counted_of(measure, vocab, t, first, span)
    if counted is None and previous is not None and not unit and not previous.unit:
        counted = inherited(previous.counted, vocab)  # "10,000 soldiers are there and hundreds died"
    found = predicate_at(vocab, t, first, max(after, last), own_part(t, first, max(after, last), span))
    subject = subject_before(t, found[1], first, span, counted) if found else None
    scope = scope_of(vocab, t, first, after, measure, span, partitive(t, last), subject, event)
    subset = previous is not None and part_cue_before(vocab, t, first, span)
    return Frame(counted, found[0] if found else None, scope, subset)


def drop_verb(measure: str | None, vocab: Vocabulary, unit: str = "") -> str | None:
    """Drop a predicate word that ends a measure: "people lost [their lives]" → "people".

    After a figure with a unit, a lone predicate word is no measure: "four minutes left".
    """
    measured = unit and unit not in ("percent", "fraction", "permille", "percentage_point", "basis_point")
    if measured and unit not in vocab.currencies and measure and " " not in measure and not measure.endswith("s"):
        if (measure.lower(),) in vocab.predicate_index:  # a plural ("12-hour shifts") is a noun
            return None  # but "130% of the workforce", "$5m in sales" keep their nouns
    if not measure or " " not in measure:
        return measure
    rest, last = measure.rsplit(" ", 1)
    words = rest.lower().split()
    modifier = words[-1]
    if (last.lower(),) in vocab.predicate_index:
        if len(words) > 1 and modifier.endswith("ed") and _plural(words[-2]):
            return drop_verb(rest, vocab)  # "people confirmed dead": a noun, then its verb
        if not (modifier.endswith("ed") or modifier == "new"):
            return rest  # but "confirmed cases", "new deaths" are a modifier and its noun
    plural = _plural(modifier)
    if plural and not last.lower().endswith("s") and last.isalpha() and last.islower():
        return rest  # "nurses went", "voters cast": a plural noun, then its verb
    return measure


def _plural(word: str) -> bool:
    """Return True for a word that looks like a plural noun: "nurses", "people"."""
    return word.endswith("s") or word in _IRREGULAR


def inherited(counted: str | None, vocab: Vocabulary) -> str | None:
    """Return what an elided figure counts from the figure before it in its sentence, when that names a
    known group ("10,000 soldiers are there and hundreds have died"), else None."""
    if counted is None or _synonym(counted, vocab) == counted:
        return None
    return counted


def earlier_before(vocab: Vocabulary, t: list[Token], first: int, span: tuple[int, int]) -> bool:
    """Return True when "earlier", "previous" or "initial" qualifies the figure: "an earlier toll of 27"."""
    return not vocab.earlier.isdisjoint(lows(t)[max(span[0], first - 4) : first])


def predicate_at(
    vocab: Vocabulary, t: list[Token], first: int, last: int, span: tuple[int, int]
) -> tuple[str, int] | None:
    """Return the predicate class nearest the figure t[first:last] in its clause, and where it starts."""
    index = vocab.predicate_index
    if not index:
        return None
    longest, firsts = vocab.longest["predicate"], vocab.firsts["predicate"]
    best: tuple | None = None
    c_start, c_end = span
    low = lows(t)
    reach = range(max(c_start, first - MAX_REACH), min(c_end, last + MAX_REACH))
    if firsts.isdisjoint(low[reach.start : reach.stop]):
        return None  # no word of the reach starts a predicate phrase: most clauses of a long sentence
    for k in reach:
        if low[k] not in firsts or (first <= k < last and t[k].kind == "num"):
            continue
        found = match_phrase(t, k, index, longest)
        if found is None:
            continue
        name, end = found
        if end > c_end or (end <= first and _in_source(vocab, t, end, first)):
            continue
        # After the figure: "300 teachers walked out"; before it: "the city employs 25,000 teachers".
        distance = k - last if k >= last else (first - end if end <= first else 0)
        # A verb beside the figure names its event better than a noun inside its measure:
        # "evacuated 8,400 residents", "4,200 residents had been evacuated" are about evacuating.
        in_measure = first <= k < last
        if in_measure:
            distance = NOUN_YIELDS
        # A comma between them sets the predicate in a neighbouring item: "41 were dead, 298 had been rescued".
        across = "," in (low[end:first] if end <= first else low[last:k])
        rank = (across, max(distance, 0), in_measure, 0 if k >= first else 1, name, k)
        if best is None or rank < best:
            best = rank
    return (best[4], best[5]) if best else None


def _in_source(vocab: Vocabulary, t: list[Token], end: int, first: int) -> bool:
    """Return True when a predicate word before a figure names its source: "the work spokesman said 4.8%".

    The words after it run, unbroken by punctuation, into a speech verb that is no predicate itself;
    "the death toll, officials said" keeps its comma, and its toll.
    """
    for j in range(end, min(end + 4, first)):
        if t[j].kind != "word":
            return False
        if t[j].low in vocab.speech_verbs and (t[j].low,) not in vocab.predicate_index:
            return True
    return False


def subject_before(t: list[Token], k: int, first: int, span: tuple[int, int], counted: str | None = None) -> str | None:
    """Return the subject of a predicate that comes before its figure: "Sanders [won] four states".

    The counted thing before a predicate noun ("the wheat harvest") and a time ("this year's
    harvest") are no subjects.
    """
    if k >= first:
        return None
    j = k - 1
    while j >= span[0] and t[j].low in _AUXILIARIES:
        j -= 1
    if j < span[0] or t[j].kind != "word" or t[j].low in _NOT_SUBJECTS or len(t[j].low) < 3:
        return None
    word = t[j].low.removesuffix("'s").removesuffix("’s")
    if word in _TIME_WORDS or (counted is not None and singular(word) == counted):
        return None
    return word


def scope_of(
    vocab: Vocabulary,
    t: list[Token],
    first: int,
    after: int,
    measure: str | None,
    span: tuple[int, int],
    partitive: bool,
    subject: str | None = None,
    event: str | None = None,
) -> str | None:
    """Return what narrows the set a figure counts, as "key=value" parts joined by "; "."""
    parts: dict[str, str] = {}
    if event:
        parts["event"] = event
    if subject:
        parts["subject"] = subject
    if measure:
        measure, of = split_of(measure)
        if of:
            parts["of"] = of  # "cases of measles" and "cases of flu" are two counts
        words = measure.replace("-", " ").split()[:-1]
        kept = [w for w in words if w.lower() not in vocab.neutral_modifiers and w.isalpha() and w.lower() not in _GLUE]
        groups = sorted(w.lower() for w in kept if not w[:1].isupper())
        names = [w.lower() for w in kept if w[:1].isupper()]
        if groups:
            parts["group"] = " ".join(groups)
        if names:
            parts["name"] = " ".join(names)
    k = after
    if k + 2 < span[1] and t[k].low in ("were", "was", "are", "is") and t[k + 1].low in ("of", "among"):
        parts["group"] = t[k + 2].low  # "six deaths were of children"
    k = first - 1
    while k > span[0] and t[k].low in ("the", "a", "an", "some", "about", "nearly", "almost"):
        k -= 1
    if k >= span[0] and t[k].kind == "word" and t[k].low.endswith(("'s", "’s")):
        parts["owner"] = t[k].low[:-2]  # "Ortiz's 500 patents", "the union's 3,000 members"
    period = _period(t, span)
    if period:
        parts["period"] = period
    place = _place(t, own_part(t, first, after, span))
    if place:
        parts["place"] = place
    if partitive:
        parts["part"] = "of"
    if not parts:
        return None  # most figures: nothing narrows them
    return "; ".join(f"{key}={parts[key]}" for key in SCOPE_KEYS if key in parts)


_PERIOD_LEADS = frozenset(("since", "over", "in", "during", "for", "across"))
_PERIOD_PAST = frozenset(("past", "last", "previous"))
_PERIOD_UNITS = frozenset(("year", "years", "decade", "decades", "month", "months", "week", "weeks", "century"))


# "another", "a separate" … "a later" with the shared "a" first: a pattern that opens with a literal
# lets the regex engine jump from one "a" to the next instead of trying every alternative at every
# character; the lookbehind is the word boundary before it.
_NEW_EVENT = re.compile(
    r"a(?<!\wa)(?:nother| separate| second| third|n earlier| previous| later)\s+([a-z]+(?:[ -][a-z]+)?)"
)


def new_event(lower: str, vocab: Vocabulary) -> str | None:
    """Return "another explosion" when a sentence (in lowercase) brings in a second event; the paragraph's
    figures follow it."""
    match = _NEW_EVENT.search(lower)
    if match is None or match.group(1).split()[0] in vocab.not_events:
        return None
    lead = match.group(0)[: match.start(1) - match.start(0)].split()
    return " ".join([*lead, match.group(1).split()[0]])


def _period(t: list[Token], span: tuple[int, int]) -> str | None:
    """Return the period a figure adds up over: "over the past decade", "in the last five years", "since 2014"."""
    words = lows(t)
    # A period is "since" and a number, or a lead and "past", "last" or "previous": most clauses hold neither.
    if "since" not in words[span[0] : span[1] - 1] and _PERIOD_PAST.isdisjoint(words[span[0] : span[1]]):
        return None
    if _PERIOD_LEADS.isdisjoint(words[span[0] : span[1] - 1]):
        return None
    for k in range(span[0], span[1] - 1):
        low = t[k].low
        if low == "since" and t[k + 1].kind == "num":
            return f"since {t[k + 1].text}"
        if low not in ("over", "in", "during", "for", "across"):
            continue
        j = k + 1
        if j < span[1] and t[j].low == "the":
            j += 1
        if j < span[1] and t[j].low in ("past", "last", "previous"):
            end = j + 1
            while end < span[1] and end <= j + 2 and t[end].low not in _PERIOD_UNITS:
                end += 1
            if end < span[1] and t[end].low in _PERIOD_UNITS:
                return " ".join(x.low for x in t[j : end + 1])
    return None


# After a comma, these start a clause of its own: "94 were taken to hospital, and the hospital in
# Dornach called in staff" places the hospital, not the 94.
# Before the figure only a coordinator cuts: "In Arden, where 300 walked out" is still in Arden.
_COORDINATORS = frozenset(("and", "or", "where", "which", "who", "whose", "when", "after", "before", "so"))
_COORDINATORS_BEFORE = frozenset(("and", "so"))  # ", or about £1,120 a month" restates the figure before


# The last own_part asked for and its answer: a figure's frame asks for the same part up to three times
# (its time, its predicate, its place). Token lists are never changed once made, and the list itself is
# kept, so a new list at a reused address is never mistaken for the last one.
_last_part: tuple = (None, 0, 0, (0, 0), (0, 0))


def own_part(t: list[Token], first: int, after: int, span: tuple[int, int]) -> tuple[int, int]:
    """Narrow a clause to the figure's own part: from after ", and" before it to the next ", and", ", where",
    ", <-ing word>" or a figure compared with ("from 5.6", "than 300") after it. Read for its place,
    predicate and time."""
    global _last_part
    last = _last_part
    if last[0] is t and last[1] == first and last[2] == after and last[3] == span:
        return last[4]
    part = _own_part(t, first, after, span)
    _last_part = (t, first, after, span, part)
    return part


def _own_part(t: list[Token], first: int, after: int, span: tuple[int, int]) -> tuple[int, int]:
    """Compute own_part."""
    start, end = span
    low = lows(t)
    if "," in low[span[0] : first - 1]:
        for comma in reversed([k for k in range(span[0], first - 1) if low[k] == ","]):
            if low[comma + 1] in _COORDINATORS_BEFORE:
                start = comma + 1
                break
    rest = low[after : span[1] - 1]
    if "," not in rest and _REFERENCE_LEADS.isdisjoint(rest):
        return start, end  # no comma and no "from", "than": the figure's part runs to the clause's end
    for k in [k for k in range(after, span[1] - 1) if low[k] in _COMMA_OR_REFERENCE]:  # only these can end it
        if t[k].text == "," and (t[k + 1].low in _COORDINATORS or _participle(t[k + 1])):
            end = k
            break
        if t[k].low in _REFERENCE_LEADS and _number_next(t, k + 1, span[1]):
            end = k  # "4.1 million tonnes, down from 5.6 million tonnes last year": the rest is the reference's
            break
    return start, end


# Words that bring in a figure to compare with; what follows it (its time, its place) is that figure's.
_REFERENCE_LEADS = frozenset(("from", "against", "than", "versus", "compared"))
_COMMA_OR_REFERENCE = _REFERENCE_LEADS | {","}


def _participle(tok: Token) -> bool:
    """Return True for a lowercase -ing word: after a comma it opens a clause of its own ("…, confirming")."""
    return tok.kind == "word" and tok.text.islower() and tok.low.endswith("ing") and len(tok.low) > 5


def _number_next(t: list[Token], k: int, stop: int) -> bool:
    """Return True when a number follows within a few words: "from 5.6", "compared with about 300"."""
    return any(t[j].kind == "num" for j in range(k, min(stop, k + 4)))


def _place(t: list[Token], span: tuple[int, int]) -> str | None:
    """Return the first capitalised name after "in"/"at" in a clause: "in Arden", "at the Walmart"."""
    low = lows(t)
    if _PLACE_LEADS.isdisjoint(low[span[0] : span[1] - 1]):
        return None
    for k in [k for k in range(span[0], span[1] - 1) if low[k] in _PLACE_LEADS]:
        j = k + 1
        if j < span[1] and t[j].low == "the":
            j += 1
        words = []
        while j < span[1] and t[j].kind == "word" and t[j].text[:1].isupper() and len(words) < 4:
            words.append(t[j].low)
            j += 1
        if words and words[0] not in MONTHS and words[0].removesuffix("'s").removesuffix("’s") not in _DAYS:
            return " ".join(words)
    return None


def partitive(t: list[Token], after: int) -> bool:
    """Return True when the figure counts part of a named whole: "500 of its patents"."""
    if after >= len(t) or t[after].low != "of":
        return False
    return after + 1 < len(t) and t[after + 1].low in ("the", "its", "their", "his", "her", "our", "these", "those")


def part_cue_before(vocab: Vocabulary, t: list[Token], first: int, span: tuple[int, int]) -> bool:
    """Return True when a subset cue ("including", "of whom") stands just before the figure."""
    longest = vocab.longest["part_cues"]
    low = lows(t)
    for k in range(max(0, first - longest - 2), first):
        for size in range(longest, 0, -1):
            if k + size <= first and tuple(low[k : k + size]) in vocab.part_cues:
                between = t[k + size : first]
                if all(x.kind == "word" and x.low in ("the", "at", "least", "some", "about") for x in between):
                    return True
    return False


def part_of_next(vocab: Vocabulary, t: list[Token], after: int) -> bool:
    """Return True when "of (the|its) N" or "out of N" follows: the figure is part of the next one."""
    low = lows(t)
    for size in (2, 1):  # "out of", "of"
        if tuple(low[after : after + size]) in vocab.part_of_next:
            k = after + size
            while k < len(t) and t[k].low in ("the", "its", "their", "his", "her", "our", "a", "total"):
                k += 1
            return k < len(t) and t[k].kind == "num"
    return False


def _scope(claim: Claim) -> dict[str, str]:
    """Parse a claim's scope string into its parts."""
    if not claim.scope:
        return {}
    return dict(part.split("=", 1) for part in claim.scope.split("; ") if "=" in part)


def _synonym(counted: str | None, vocab: Vocabulary) -> str | None:
    """Return the concept a counted noun is an alias of (soldier, troop → troops), or the noun itself."""
    if counted is None:
        return None
    return vocab.alias_index.get((counted,)) or vocab.alias_index.get((counted + "s",)) or counted


def _generic(counted: str | None, vocab: Vocabulary) -> str | None:
    """Return the counted noun, or None when it names people in general or the event itself."""
    generic = counted is None or counted in vocab.generic_counted or counted in vocab.tally_nouns
    return None if generic else counted


_WHOSE = frozenset(("subject", "group", "name", "owner"))  # scope keys that say whose a personal figure is


def unify(a: Claim, b: Claim, vocab: Vocabulary, timed: bool = True) -> tuple[str, str]:
    """Decide whether two figures state the same quantity: ("same" | "different" | "thin", why).

    "same": concept, counted thing, predicate class, scope and time agree; "different": one of
    them differs, or one figure is part of the other; "thin": the frames say too little to tell.
    With timed false, the time anchors are left to the caller (a running total over dates).
    """
    # part_of first: a claim's id is made when asked for, and most claims are part of nothing
    if (
        (a.part_of is not None and a.part_of == b.id)
        or (b.part_of is not None and b.part_of == a.id)
        or (a.part_of and a.part_of == b.part_of and a.id != b.id)
    ):
        return "different", "one is part of the other"
    if a.concept and b.concept and a.concept != b.concept:
        return "different", f"{a.concept} is not {b.concept}"
    ca, cb = _synonym(_generic(a.counted, vocab), vocab), _synonym(_generic(b.counted, vocab), vocab)
    if ca and cb and ca != cb:
        return "different", f"they count {ca} and {cb}"
    if (ca or cb) and a.counted and b.counted and not (ca and cb):
        return "different", f"one counts only {ca or cb}"
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return "different", f"one is about '{a.predicate}', the other about '{b.predicate}'"
    sa, sb = _scope(a), _scope(b)
    for key in ("subject", "place", "owner", "name", "of"):
        if key in sa and key in sb and sa[key] != sb[key]:
            return "different", f"{sa[key]} is not {sb[key]}"
    for key in ("event", "group", "period", "part"):
        if sa.get(key) != sb.get(key):
            narrowed = sa.get(key) or sb.get(key)
            if key == "part":
                return "different", "one is a part of a whole"
            if key == "event":
                return "different", f"one is about {narrowed}"
            return "different", f"one counts only {narrowed}" if key == "group" else f"one counts over {narrowed}"
    if timed and a.when and b.when and a.when != b.when:
        return "different", f"{a.when} is not {b.when}"
    if _past_claim(a) != _past_claim(b):  # another occasion, not an update: "the 1999 quake killed 1,400"
        return "different", f"one is anchored in the past ({a.when or b.when}), the other is not"
    concept = vocab.concepts.get(a.concept or "")
    if timed and concept is not None and concept.cumulative and bool(a.when) != bool(b.when):
        return "thin", f"{a.concept} is a running total, and only one of the figures says when it was counted"
    if concept is not None and concept.personal and not all(_scope(c).keys() & _WHOSE for c in (a, b)):
        # "she earns $16 an hour" and "riders earned less than $9": two people's pay, not one figure
        return "thin", f"{a.concept} differs from person to person, and a figure does not say whose it is"
    elliptical = (a.counted is None and not a.unit) or (b.counted is None and not b.unit)
    anchored = bool(a.when and b.when and (a.when == b.when or not timed))  # "300 died on Monday … 412 died on Monday"
    if elliptical and not anchored and (a.sentence != b.sentence or a.source != b.source):
        # "190 were dead": the counted thing is elided; only its own sentence says what it refers to.
        return "thin", "one figure does not say what it counts, and they are not in one sentence"
    measured_concept = a.concept and a.concept == b.concept and a.unit and b.unit and a.predicate == b.predicate
    if (not a.predicate or not b.predicate) and not measured_concept:
        # A rate or level of a named concept ("the jobless rate, 4.6%") needs no event to be one quantity.
        return "thin", "what the figure is about is not stated in its clause"
    counts = not a.unit and not b.unit  # a unit says what is measured: "14,200 hectares" needs no noun
    if counts and (ca is None) != (cb is None) and not (a.concept and a.concept == b.concept):
        return "thin", f"one counts {ca or cb}, the other does not say what it counts"
    return "same", f"both are about '{a.predicate}'" if a.predicate else f"both state {a.concept}"


def frame_key(claim: Claim, vocab: Vocabulary | None = None) -> str | None:
    """Return what groups figures that may state one quantity: the concept, else what is counted.

    A tally noun ("a crowd of 41,250") or a figure's measure gives the counted thing; a figure
    with neither is compared with nothing. `unify` then decides each pair.
    """
    if claim.concept:
        return claim.concept
    if claim.counted and claim.counted not in ("person", "people"):
        return claim.counted
    # An elided count with an event ("298 had been rescued") counts those the event befell: people,
    # compared only when `unify` finds them anchored at one time.
    elided = claim.counted is None and not claim.unit and claim.predicate is not None
    if claim.counted or elided:
        return "people"
    # A measured level ("peaked at 6.8 metres") is one value of its place and time: grouped by its predicate.
    level = vocab is not None and claim.unit and claim.predicate in vocab.level_predicates
    return claim.predicate if level else None


def _past(when: str | None) -> bool:
    """Return True for an anchor that dates a figure to another occasion: a year, "last week", "ago"."""
    if not when:
        return False
    return when.startswith(("last", "previous", "earlier")) or when.endswith("ago")


def _past_claim(claim: Claim) -> bool:
    """Return True when a claim is anchored at another occasion: "in 2018", "last week", "five years ago"."""
    if _past(claim.when):
        return True
    return bool(claim.when and claim.when[:4].isdigit() and claim.when_cue in ("in", "during", "since"))


def _same_key(claim: Claim) -> tuple | None:
    """Return what two figures that state one quantity share exactly, or None when `unify` finds this
    figure "thin" beside any other (no predicate, and no concept measured in a unit)."""
    if not claim.predicate and not (claim.concept and claim.unit):
        return None
    scope = _scope(claim)
    return (claim.predicate, *(scope.get(key) for key in ("event", "group", "period", "part")), _past_claim(claim))


def clusters(claims: list[Claim], vocab: Vocabulary) -> list[list[Claim]]:
    """Group claims whose frames unify with the first of their group; thin frames stay alone.

    `unify` calls two figures "same" only when their predicates, events, groups, periods and parts
    are equal, both or neither are anchored in the past, and their places and their dates are equal
    where both name one. So a figure is compared only with the groups that may share those:
    comparing it with every group of its key was quadratic on a long text of figures of one concept
    that unify with none ("40 died in Arden", "12 died in Brill", ...; "on May 3, 1991, 40 died", ...).
    """
    groups: list[list[Claim]] = []
    comparable: dict[tuple, _Candidates] = {}
    for claim in claims:
        key = _same_key(claim)
        if key is None:
            groups.append([claim])
            continue
        candidates = comparable.setdefault(key, _Candidates())
        place, when = _scope(claim).get("place"), claim.when or None
        for _, group in candidates.joinable(place, when):
            if unify(group[0], claim, vocab)[0] == "same":
                group.append(claim)
                break
        else:
            groups.append([claim])
            candidates.add(len(groups), groups[-1], place, when)
    return groups


class _Candidates:
    """The groups of one exact key in the order they were made, indexed by the place and date their first
    figure names (None where it names none)."""

    def __init__(self) -> None:
        self.every: list[tuple[int, list[Claim]]] = []
        self.by: dict[tuple[str, str | None, str | None], list[tuple[int, list[Claim]]]] = {}

    def add(self, order: int, group: list[Claim], place: str | None, when: str | None) -> None:
        """Add a new group whose first figure names `place` and `when` (or None)."""
        self.every.append((order, group))
        for index in (("place", place, None), ("when", None, when), ("both", place, when)):
            self.by.setdefault(index, []).append((order, group))

    def joinable(self, place: str | None, when: str | None):
        """Yield (order, group) of the groups a figure of this place and date may join, oldest first:
        those naming the same or no place, and the same or no date."""
        if place is None and when is None:
            return iter(self.every)
        if when is None:
            lists = [("place", place, None), ("place", None, None)]
        elif place is None:
            lists = [("when", None, when), ("when", None, None)]
        else:
            lists = [("both", place, when), ("both", place, None), ("both", None, when), ("both", None, None)]
        return heapq.merge(*(self.by.get(index, ()) for index in lists), key=lambda entry: entry[0])
