"""rate: a rate, the span it runs over, and the total they give.

"£13.50 an hour … 32.5 hours a week, or about £520 a week"; "11 hours … about $140, or about $18
an hour"; "about 40 an hour over the six-hour bombardment, more than 1,200 in total"; "one every
three days over 14 months, 60 in all".
"""

from __future__ import annotations

import re

from numcheck.normalise.units import convert, product
from numcheck.records import Claim
from numcheck.relate.text import Text
from numcheck.relate.words import RelationWords

_TIMES = ("second", "minute", "hour", "day", "week", "month", "year")
# words that say the figures make one sum: "or about", "in all", "a total of"
_CUE = re.compile(
    r",\s*or\b|\bin all\b|\bin total\b|\baltogether\b|\ba total of\b|\bworks? out\b|\bthat is\b"
    r"|\b(?:that|which) means\b|\btherefore\b"
)
_DERIVED = re.compile(r"\btherefore\b")  # the total is worked out from the figures before it
_EVERY = re.compile(r"\bevery\s+$")
_OVER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?(?:over|for|during|in|across|throughout)\s+(?:the\s+)?(?:first\s+|past\s+|last\s+)?$"
)
_TOTAL_AFTER = re.compile(r"^[^;:.\d]{0,60},\s*(?:a\s+total\s+of\s+|some\s+)?$")
_IN_ALL = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:in all|in total|altogether)\b")


def is_time(unit: str) -> bool:
    """Return True for a span of time: "hour", "day", or hours a week ("hour / week")."""
    return unit.split(" / ")[0] in _TIMES


def _rate_of(unit: str) -> bool:
    """Return True for an amount per time: "GBP / hour", "1 / hour"."""
    parts = unit.split(" / ")
    return len(parts) == 2 and parts[1] in _TIMES and parts[0] not in _TIMES


_EACH = re.compile(  # "€640 each", "15,000 euros to each of the families", "£200 for every pupil"
    r"^\s*(?:(?:to|for)\s+(?:each|every)\b|each|apiece|a head|per head|per person|per member|per household"
    r"|per ticket)\b"
)
_STOPWORDS = frozenset(("the", "and", "with", "who", "have", "been", "that", "this", "their", "they", "from", "each"))


def _per_head(text: Text, previous: list[Claim], group: list[Claim]) -> bool:
    """ "our 28,000 season ticket holders … At an average of £640 each, season tickets brought in £15.2 million"."""
    amounts = [c for c in group if c.unit and "/" not in c.unit and _EACH.match(text.tail(c, 20))]
    if len(amounts) != 1:
        return False
    amount = amounts[0]
    totals = [c for c in group if c is not amount and c.unit == amount.unit and c.value > amount.value]
    counts = [c for c in group if c.unit == "" and c.direction is None and c.qualifier != "vague"]
    if len(totals) != 1:
        return False
    if not counts:  # the count may be stated earlier: "a record 4.2 million visitors … Visitors spent €640 each"
        earlier = [
            c
            for c in text.within(amount.start - 1500, group[0].start)
            if c.unit == ""
            and c.direction is None
            and c.qualifier != "vague"
            and _same_subject(text, c, group[0].sentence)
        ]
        if len({c.value for c in earlier}) != 1:
            return False  # none, or two different counts of the same people: which one is not sure
        counts = earlier[-1:]
    if len(counts) != 1:
        return False
    text.add("rate", [("rate", amount), ("span", counts[0]), ("total", totals[0])], word="each")
    return True


def _same_subject(text: Text, count: Claim, sentence: str) -> bool:
    """Return True when what a count counts comes back in a sentence ("season ticket holders" … "season tickets")."""
    m = re.match(r"^\s*([a-z]{4,})", text.tail(count, 30))
    if m is None or m.group(1) in _STOPWORDS:
        return False
    return m.group(1)[:5] in {w[:5] for w in re.findall(r"[a-z]{4,}", sentence.lower())}


_POPULATION = re.compile(
    r"(?:[a-z]+\s+)?(?:population|people|inhabitants|residents|citizens|households|members|workers|employees)\b"
)


def _per_person(text: Text, previous: list[Claim], group: list[Claim]) -> bool:
    """ "a population of 2 million … $50,000 per capita … $120 billion": per-capita × population against a total.

    The rate may be the one of the sentence before: "42 cases per 100,000 people. With 5.6 million people
    living in the region, that means about 3,400 cases".
    """
    rates = [c for c in group if c.unit.endswith(" / person")]
    if not rates:
        rates = [c for c in previous if c.unit.endswith(" / person")]
        if len(rates) != 1 or not _CUE.search(group[0].sentence.lower()):
            return False
    if len(rates) != 1:
        return False
    rate = rates[0]
    base = rate.unit.rsplit(" / ", 1)[0]
    base = "" if base == "1" else base  # "42 cases per 100,000 people": a count per person
    counts = [
        c
        for c in group
        if c.unit == ""
        and c.direction is None
        and (_POPULATION.match(text.tail(c, 25).lstrip()) or re.search(r"\bpopulation of\s+$", text.lead(c, 0, 25)))
    ]
    totals = [c for c in group if c.unit == base and c is not rate and c not in counts]
    if len(counts) != 1 or len(totals) != 1:
        return False
    sure = "sure" if _CUE.search(group[0].sentence.lower()) else "likely"
    roles = [("rate", rate), ("span", counts[0]), ("total", totals[0])]
    text.add("rate", roles, word="per person", confidence=sure)
    return True


def relate_rates(text: Text, words: RelationWords) -> None:
    """Find rate relations: rate × span = total, "one every P over S, N in all", amount each × count = total."""
    previous: list[Claim] = []
    for group in text.sentences:
        found = _every(text, group) or _per_head(text, previous, group) or _per_person(text, previous, group)
        previous = group
        if found:
            continue
        rates = [c for c in group if _rate_of(c.unit)]
        spans = [c for c in group if is_time(c.unit) and c not in rates]
        if not rates or len(spans) != 1:
            continue
        span = spans[0]
        found = []
        for rate in rates:
            if rate.unit.split(" / ")[1] != span.unit.split(" / ")[0]:
                continue  # "£13.50 an hour" runs over hours, not over "14 months"
            made = _product(rate.unit, span.unit)
            if made is None:
                continue
            found += [(rate, c) for c in group if c not in (rate, span) and convert(1.0, c.unit, made) is not None]
        if len(found) == 1:
            rate, total = found[0]
            sure = "sure" if _CUE.search(group[0].sentence.lower()) else "likely"
            derived = _DERIVED.search(text.prose[min(rate.start, span.start) : total.start].lower())
            word = "therefore" if derived else "×"
            text.add("rate", [("rate", rate), ("span", span), ("total", total)], word=word, confidence=sure)


def _product(rate: str, span: str) -> str | None:
    """Return the unit of rate × span, or None when the unit registry cannot multiply them."""
    try:
        return product([rate, span], [1, 1])
    except Exception:  # any unit pint refuses just means no rate relation
        return None


_IN_ALL_LEAD = re.compile(r"\b(?:in all|in total|altogether|a total of|all told)\b[^.;:\d]{0,20}$")


def _every(text: Text, group: list[Claim]) -> bool:
    """ "one every three days over 14 months, 60 in all": a count of events, one per period.

    The total may open the next sentence: "… over 14 months. In all, 60 closed."
    """
    for i, period in enumerate(group[:-1]):
        if not is_time(period.unit) or not _EVERY.search(text.lead(period, 0, 20)):
            continue
        span = group[i + 1]
        if not is_time(span.unit):
            continue
        if not _OVER.match(text.gap(period, span) or "\x00") and not span.text.lower().startswith(("over", "for")):
            continue
        total = group[i + 2] if i + 2 < len(group) else None
        if total is not None and total.unit == "":
            if not _TOTAL_AFTER.match(text.gap(span, total) or "\x00") or not _IN_ALL.match(text.tail(total, 20)):
                continue
        else:
            following = text.within(span.end, span.end + 200)
            total = following[0] if following else None
            if total is None or total.unit != "" or not _IN_ALL_LEAD.search(text.lead(total, span.end, 40)):
                continue
        text.add("rate", [("period", period), ("span", span), ("total", total)], word="every")
        return True
    return False
