"""Stage 2 of the pipeline: find every numeric claim in a document's prose."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from numcheck.extract.context import (
    attributions,
    concept_of,
    direction_of,
    measure_after,
    quote_state,
)
from numcheck.extract.filters import skip_nonclaim
from numcheck.extract.frame import (
    clause_span,
    drop_verb,
    earlier_before,
    new_event,
    own_part,
    part_of_next,
    read_frame,
)
from numcheck.extract.numbers import DENOMINATORS, WORD_SCALES, representable
from numcheck.extract.quantities import QuantityReader
from numcheck.extract.sentences import sentences
from numcheck.extract.tokens import FRACTION_CHARS, tokenize
from numcheck.extract.when import anchors, resolve
from numcheck.memo import once_per
from numcheck.read.document import Document
from numcheck.records import Claim, Shared

if TYPE_CHECKING:
    from numcheck.vocab import Vocabulary


_DIGIT_OR_FRACTION = re.compile(rf"[\d{FRACTION_CHARS}]")
_WORD = re.compile(r"[^\W\d_]+")


def _may_hold_figure(prose: str, start: int, end: int, lower: str, vocab: Vocabulary) -> bool:
    """Cheap test before tokenizing: a digit, or a word that can begin a number in words (`lower`: the sentence
    in lowercase)."""
    if _DIGIT_OR_FRACTION.search(prose, start, end):
        return True
    return _trigger_pattern(vocab).search(lower) is not None


# id(vocab) -> (vocab, a pattern finding a trigger word as a whole word).
_TRIGGERS: dict[int, tuple[Vocabulary, re.Pattern[str]]] = {}


def _trigger_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    """Return a pattern that finds one of the vocabulary's trigger words as a whole word (a run of `_WORD`).

    It does what testing every word of `_WORD.findall(lower)` against the set does without making the
    list of the words of every sentence without digits. It opens with one character class, the
    words' first letters, so that the regex engine skips to the next such letter; a lookbehind picks the
    words that letter starts; the lookarounds make the word a whole run of letters.
    """
    return once_per(_TRIGGERS, vocab, _build_trigger_pattern)


def _build_trigger_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    """Build the pattern _trigger_pattern returns."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(vocab.trigger_words, key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    branches = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(rests)})" for c, rests in sorted(by_first.items()))
    firsts = "".join(re.escape(c) for c in sorted(by_first))
    letter = r"[^\W\d_]"
    return re.compile(f"[{firsts}](?<!{letter}.)(?:{branches})(?!{letter})" if by_first else r"(?!)")


def extract(doc: Document, vocab: Vocabulary, prefix: str = "") -> list[Claim]:
    """Return the claims of a document in text order; ids are prefix + the claim's offset."""
    prose = doc.prose
    claims: list[Claim] = []
    in_quote = False
    previous_end = 0
    starts = vocab.number_starts
    event = None  # "another explosion": the rest of the paragraph speaks of a second event
    keep = Shared()  # the claims' repeated words and numbers, one object each
    followers = _article_followers(vocab)
    for s_start, s_end in _bounded(sentences(prose), prose):
        if "\n\n" in prose[previous_end:s_start]:
            in_quote = False  # a quotation does not run across paragraphs unclosed
            event = None
        previous_end = s_end
        lower = prose[s_start:s_end].lower()  # one lowercase copy per sentence, shared by every test below
        event = new_event(lower, vocab) or event
        quoted_spans, in_quote = quote_state(prose, s_start, s_end, in_quote)
        if not _may_hold_figure(prose, s_start, s_end, lower, vocab):
            continue
        tokens = tokenize(prose, s_start, s_end)
        reader = QuantityReader(vocab, tokens, prose, lower)
        sentence = " ".join(prose[s_start:s_end].split())
        credits = None
        times = None
        years = None
        floor = 0
        title_case = None  # a headline in Title Case: capitals say nothing of names
        whole_follows = None  # the index of a claim that is part of the next figure ("45 of the 300")
        first_in_sentence = len(claims)
        # The tokens a figure can start at, found in one pass: the loop below jumps from one to the next.
        candidates = [k for k, tok in enumerate(tokens) if tok.kind == "num" or tok.low in starts]
        c = 0
        i = 0
        n = len(tokens)
        while c < len(candidates):
            if candidates[c] < i:
                c += 1
                continue
            i = candidates[c]
            tok = tokens[i]
            if tok.kind == "word" and _in_name(tokens, i):  # a number in digits is never in a name
                if title_case is None:  # read only when needed: most sentences hold no capitalised number word
                    title_case = _title_case(tokens)
                if not title_case:
                    i += 1  # "the Six Nations", "a Top Ten hit": a number word inside a capitalised name
                    continue
            skip = skip_nonclaim(tokens, i, vocab, prose) if tok.kind == "num" else i  # it skips numbers only
            if skip != i:
                i = floor = skip
                continue
            if followers and tok.low in _ARTICLES and (i + 1 == n or tokens[i + 1].low not in followers):
                i = max(i + 1, reader.unreadable_end)  # "a" or "an" before no number word: read_at finds nothing
                continue
            q = reader.read_at(i, floor)
            if q is None or _lone_word(tokens, q) or _code(tokens, q) or _too_large(q):
                i = max(i + 1, reader.unreadable_end)  # "10^400 dollars" leaves no "400 dollars"
                continue
            ago = q.last < n and tokens[q.last].low == "ago" and q.unit in ("year", "month", "week", "day", "decade")
            measure, after = measure_after(tokens, q) if not ago else (None, q.last)
            measure = drop_verb(measure, vocab, q.unit)
            if not q.unit and after < n:
                rate = reader.rate_after(after, q.unit)
                if rate:
                    q.unit, after = rate
                    q.last = after
            if q.unit == "" and after + 1 < n and tokens[after].low == "per":
                after = _per_denominator(reader, tokens, q, after, vocab)  # "10 cases per 1,000 patients"
            if q.unit in _DURATIONS and measure and measure.split()[0].lower() in _PER_NOUNS:
                q.unit = f"{q.unit} / {measure.split()[0].lower()}"  # "a 39-hour week" is hours per week
                measure = " ".join(measure.split()[1:]) or None
            if measure and q.qualifier in ("exact", "approximate") and not q.vague and after < n:
                bound = reader.bound_after(after, q)  # "100 people or more"
                if bound != after:
                    q.last = after = bound
            if credits is None:
                credits = attributions(vocab, tokens)
            start, end = tokens[q.first].start, tokens[q.last - 1].end
            source, cue = _credit(credits, start)
            if source and measure and source.lower() == measure.lower():
                source = cue = None  # "120% of respondents said": the subject is not a source
            if times is None:
                found_times = anchors(prose, s_start, s_end, tokens)
                times = _figure_times(found_times, prose, vocab)
                kept_times = set(times)
                said_times = [a for a in found_times if a not in kept_times]  # "officials said on Tuesday"
                time_starts = [a[0] for a in times]
            span = clause_span(tokens, q.first, q.last)
            c_start, c_end = tokens[span[0]].start, tokens[span[1] - 1].end
            # the anchors inside the clause, found by bisection: a scan per claim was quadratic
            inside = times[bisect_left(time_starts, c_start) : bisect_right(time_starts, c_end)]
            # an anchor after the figure's own part ("…, confirming what growers said since June", "up
            # from 5.6 million last year") dates another clause or the figure compared with
            part_end = tokens[own_part(tokens, q.first, q.last, span)[1] - 1].end
            own = [
                a
                for a in inside
                if a[1] <= c_end and not _since_before(prose, c_start, a[0]) and (a[0] < start or a[1] <= part_end)
            ]
            when = _nearest_anchor(own, start, end)
            if when is None:
                if years is None:
                    years = _calendar_years(tokens)
                when = _year_in_clause(tokens, years, span, doc.date)  # "the quake of 1999, when 1,400 died"
            if q.first > span[0] and tokens[q.first - 1].low == "from" and reader.change_before(q.first - 1):
                when = ("from", "earlier")  # "the toll rose from 14 to 31": 14 is the level before the change
            if earlier_before(vocab, tokens, q.first, span):
                when = ("earlier", "earlier")  # "an earlier toll of 27": the figure before a revision
            previous = claims[-1] if len(claims) > first_in_sentence else None
            frame = read_frame(vocab, tokens, (q.first, q.last, after), q.unit, measure, span, event, previous)
            if whole_follows is not None:  # "45 of the 300": the figure before is part of this one
                claims[whole_follows] = replace(claims[whole_follows], part_of=f"{prefix}{start}")  # this claim's id
                whole_follows = None
            line, column = doc.position(start)
            end_line, end_column = doc.position(end)
            # "five years ago" is a time anchor: it measures no working hours, ages or terms
            concept = None if ago else concept_of(vocab, tokens, q, measure, after, floor, sentence)
            if when is None and concept in vocab.concepts and vocab.concepts[concept].cumulative and said_times:
                # A running total is as of when it was reported: "the agency said on Tuesday that 148 had died".
                when = _nearest_anchor(said_times, start, end)
            if when is not None:
                when = (when[0], resolve(when[1], doc.date))  # "on Sunday" in a text dated 2025-03-16
            claims.append(
                Claim(
                    source=doc.source,
                    start=start,
                    end=end,
                    id=f"{prefix}{start}",
                    line=line,
                    column=column,
                    text=keep.text(doc.text[start:end]),
                    value=keep.number(q.value),
                    low=keep.number(q.low),
                    high=keep.number(q.high),
                    unit=q.unit,
                    qualifier=q.qualifier,
                    modifier=q.modifier.words if q.modifier else None,
                    strict=bool(q.modifier and q.modifier.strict),
                    precision=keep.number(q.precision),
                    measure=keep.text(measure),
                    concept=concept,
                    attribution=keep.text(source),
                    cue=keep.text(cue),
                    direction=direction_of(vocab, tokens, q, floor),
                    quoted=_inside(quoted_spans, start),
                    sentence=keep.text(sentence),
                    when=keep.text(when[1]) if when else None,
                    when_cue=keep.text(when[0]) if when else None,
                    outlet=doc.outlet,
                    end_line=line if end_line == line else end_line,  # one int object
                    end_column=end_column,
                    counted=keep.text(frame.counted),
                    predicate=frame.predicate,
                    scope=keep.text(frame.scope),
                    part_of=previous.id if frame.subset and previous else None,  # "60 dead, including nine children"
                )
            )
            if part_of_next(vocab, tokens, q.last):
                whole_follows = len(claims) - 1
            i = floor = q.last
    return claims


_ARTICLES = frozenset(("a", "an"))
# id(vocab) -> (vocab, the words after "a" or "an" that let them begin a figure).
_FOLLOWERS: dict[int, tuple[Vocabulary, frozenset[str]]] = {}


def _article_followers(vocab: Vocabulary) -> frozenset[str]:
    """Return the lowercase tokens after which "a" or "an" may begin a figure; before any other, reading one is
    sure to find nothing. Empty when a lone article is a vague figure of the vocabulary: every one is read.

    "a"/"an" begin a figure only as the start of a vague phrase ("a few"), before a scale word or
    "dozen" ("a hundred and two", "a dozen"), or before a denominator, maybe after a hyphen ("a
    third", "a-fifth"); every other "a" (a quarter of the words a figure may start at) is an article.
    """
    return once_per(_FOLLOWERS, vocab, _build_article_followers)


def _build_article_followers(vocab: Vocabulary) -> frozenset[str]:
    """Build the words _article_followers returns."""
    words = {*DENOMINATORS, *WORD_SCALES, "dozen", "-"}
    for phrase in vocab.vague:
        if phrase[0] in _ARTICLES:
            if len(phrase) == 1:
                return frozenset()
            words.add(phrase[1])
    return frozenset(words)


SMALL = 8  # a sentence's clauses or anchors up to this many are scanned; more are bisected
MAX_SENTENCE = 10_000  # characters: no prose sentence is longer; a 10 MB "sentence" would take gigabytes of tokens


def _bounded(spans, prose: str):
    """Yield the sentence spans, cutting any longer than MAX_SENTENCE at a space (or at the limit)."""
    for start, end in spans:
        while end - start > MAX_SENTENCE:
            cut = prose.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            yield start, cut
            start = cut
        yield start, end


_DURATIONS = frozenset(("hour", "minute", "day"))
_PER_NOUNS = frozenset(("week", "day", "month", "year", "shift"))


def _per_denominator(reader: QuantityReader, tokens, q, after: int, vocab: Vocabulary) -> int:
    """Fold "per 1,000 patients" into the figure before it: a rate per person, never a count of its own."""
    number = reader.number_at(after + 1)
    if number is None or number[3] or number[0] <= 1:
        return after
    value, end, _, _ = number
    scale, end = reader.scale_at(end)
    whole = value * scale
    if end >= len(tokens) or tokens[end].low not in vocab.per_people:
        return after
    q.value, q.precision = q.value / whole, q.precision / whole
    q.low = q.low / whole if q.low is not None else None
    q.high = q.high / whole if q.high is not None else None
    q.unit = "1 / person"
    q.last = end + 1
    return end + 1


def _since_before(prose: str, clause_start: int, anchor_start: int) -> bool:
    """Return True when "since" opens the anchor's phrase: "the highest since records began in 1880"."""
    words = prose[max(clause_start, anchor_start - 30) : anchor_start].lower().split()
    return "since" in words[-4:]


def _calendar_years(tokens) -> list[int]:
    """Return the indices of the tokens that may be calendar years (four digits, 1800-2100), in order."""
    return [
        k
        for k, tok in enumerate(tokens)
        if tok.kind == "num" and len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100
    ]


def _year_in_clause(tokens, years: list[int], span: tuple[int, int], date: str | None) -> tuple[str, str] | None:
    """Return ("in", year) for a past calendar year named in the figure's clause: "the 1999 earthquake".

    `years` are the sentence's calendar-year tokens (`_calendar_years`), found once per sentence:
    most clauses name none, and a scan of every clause token per figure was a third of this step.
    """
    this_year = int(date[:4]) if date and date[:4].isdigit() else None
    for k in years[bisect_left(years, span[0]) : bisect_left(years, span[1])]:
        if k > span[0] and tokens[k - 1].low in ("since", "began", "begun", "started"):
            continue
        if this_year is None or int(tokens[k].text) < this_year:
            return ("in", tokens[k].text)
    return None


def _title_case(tokens) -> bool:
    """Return True for a headline in Title Case: most words of three letters or more are capitalised."""
    words = [t for t in tokens if t.kind == "word" and len(t.text) > 2]
    return sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def _in_name(tokens, i: int) -> bool:
    """Return True for a capitalised number word inside a name, mid-sentence: "Six Nations", "Top Ten"."""
    tok = tokens[i]
    if tok.kind != "word" or not tok.text[:1].isupper() or i == 0 or tokens[i - 1].kind != "word":
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    named_after = after is not None and after.kind == "word" and after.text[:1].isupper()
    return named_after or tokens[i - 1].text[:1].isupper()


def _lone_word(tokens, q) -> bool:
    """A lone "one" or "a" is a pronoun or article, not a figure, unless a unit follows.

    A lone "half" is a share only before what it divides: "half of", "half the".
    """
    if q.last - q.first != 1 or q.vague:
        return False
    word = tokens[q.first].low
    if word == "half":
        after = tokens[q.last].low if q.last < len(tokens) else ""
        return after not in ("of", "the", "its", "their", "all")
    return not q.unit and word in ("one", "a", "an")


def _figure_times(found: list[tuple[int, int, str, str]], prose: str, vocab: Vocabulary) -> list:
    """Drop anchors that date a statement, not a figure: "a Russian official said on Tuesday"."""
    kept = []
    for anchor in found:
        words = prose[max(0, anchor[0] - 20) : anchor[0]].lower().split()
        if words and words[-1].strip(",") in vocab.speech_verbs:
            continue
        kept.append(anchor)
    return kept


def _credit(credits: list[tuple[int, int, str, str]], start: int) -> tuple[str | None, str | None]:
    """Return (source, cue) of the last clause whose span holds `start`.

    Clauses come in text order, so a bisection finds it: a scan per claim was quadratic
    on a sentence of thousands of attributed clauses.
    """
    if len(credits) <= SMALL:
        found = None, None
        for c_start, c_end, name, words in credits:
            if c_start <= start <= c_end:
                found = name, words
        return found
    index = bisect_right(credits, (start, float("inf"))) - 1
    # Clauses do not overlap, but a clause may end where the next starts: the later one wins.
    while index >= 0:
        c_start, c_end, name, words = credits[index]
        if c_start <= start <= c_end:
            return name, words
        if c_end < start:
            break
        index -= 1
    return None, None


def _nearest_anchor(times: list[tuple[int, int, str, str]], start: int, end: int) -> tuple[str, str] | None:
    """Return (cue, when) of the time anchor nearest a claim, never one that overlaps it.

    Anchors are regex matches in text order, so they do not overlap and their ends are sorted:
    the nearest before ends at or before `start`, the nearest after starts at or after `end`,
    found by bisection (a scan per claim was quadratic). At equal distance the earlier wins.
    """
    if len(times) <= SMALL:
        best = None
        for a_start, a_end, cue, when in times:
            if a_start < end and start < a_end:
                continue  # "in 2000 people": the anchor is the figure itself
            distance = start - a_end if a_end <= start else a_start - end
            if best is None or distance < best[0]:
                best = (distance, cue, when)
        return (best[1], best[2]) if best else None
    index = bisect_right(times, (start, float("inf")))  # anchors starting at or before `start`
    before = index - 1
    while before >= 0 and times[before][1] > start:
        before -= 1  # overlaps the claim
    after = index
    while after < len(times) and times[after][0] < end:
        after += 1  # starts inside the claim
    best = None
    if before >= 0:
        best = (start - times[before][1], before)
    if after < len(times) and (best is None or times[after][0] - end < best[0]):
        best = (times[after][0] - end, after)
    return (times[best[1]][2], times[best[1]][3]) if best else None


def _code(tokens, q) -> bool:
    """A number glued to a word that is no unit ("a 13F filing") is a code, not a figure."""
    if q.unit or q.last >= len(tokens):
        return False
    nxt = tokens[q.last]
    return nxt.kind == "word" and nxt.start == tokens[q.last - 1].end and tokens[q.last - 1].kind == "num"


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Return True when offset lies inside one of the sorted spans."""
    index = bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _too_large(q) -> bool:
    """A figure too large to represent ("1e99 million") is no claim: values stay finite."""
    return not (representable(q.value) and representable(q.low) and representable(q.high))
