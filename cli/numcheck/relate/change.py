"""change: a figure that moved from an old level to a new one, by a stated amount or word.

Every order wire copy uses: "rose 15% to NEW from OLD", "NEW, up 15% from OLD", "from OLD to
NEW, an increase of 15%" (", or 15%", ", a 15% increase"), "rose 15% from OLD to NEW", "15%
higher than OLD at NEW", "rose to NEW from OLD", "NEW, compared with OLD", "tripled to NEW from
OLD", "by 2 percentage points to 7% from 5%", clauses between the figures, and "That was up 8%
from OLD" after a sentence that states NEW.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from numcheck.records import Claim
from numcheck.relate.text import Text, alternation_words, last_word_in, same_amount_kind
from numcheck.relate.words import RelationWords, alternation, relation_words

_SOFT = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|just|a|an|the|its|their|"
    r"revised|estimated|previous|record|total)\s+){0,3}"
)
_CLAUSE = r"(?:\s*[a-z0-9][\w'’-]*+){0,6}"  # a few words between the figures: "at the last election"
# between a stated change and its new level: " to", " jump in sales to", " year on year to"
_TO = re.compile(
    r"^\s*,?\s*(?:(?!compared\b|relative\b|close\b|equal\b|due\b|according\b|than\b|up\b|down\b)[a-z0-9][\w'’-]*(?:\s+|(?=,))){0,5}?"
    r"(?:,[^,;:.()]{1,80},\s*)?"  # an aside: "rose 6.1% in the year to March, the office said, to £1,284"
    rf",?\s*(?:to|at)\s+{_SOFT}$"  # "were up 12% at $1.12 billion", "up 3.4% on the year, at £285,000"
)
_AT = re.compile(rf"^\s*,?\s*(?:at|to)\s+{_SOFT}$")
_FROM_END = re.compile(rf"\bfrom\s+{_SOFT}$")
# "from OLD at the last election in 2021, when rain kept voters at home, to NEW": words, maybe one aside
_FROM_TO = re.compile(rf"^{_CLAUSE}(?:\s*,[^,;:.()]{{1,80}},)?\s*,?\s*to\s+{_SOFT}$")
# "6% higher than the €41.2 billion of a year earlier, at €45.3 billion"
_THAN = re.compile(r"^\s*(higher|lower|more|less|above|below|up|down)\s+than\s+(?:the\s+|its\s+|their\s+)?$")
# between a stated change and "from OLD to NEW": " from", ", from", " a year on average from"
_THEN_FROM = re.compile(r"^\s*,?\s*(?:(?!to\b|and\b|but\b)[a-z]+\s+){0,3}?from\s+$")
_THEN_AT = re.compile(r"^[^;:.()]{0,50}?,?\s*(?:at|to)\s+$")
# "12% higher than in 2024 at 8.4 million": the comparison names a time, then the new level
_THAN_WHEN = re.compile(
    r"^\s*(higher|lower|more|less|above|below|up|down)\s+than\s+(?:in|at|on|during|for|a|the)\s+[^,;:.()]{0,30}?"
    r",?\s*(?:at|to)\s+$"
)
# "That compares with 1.4 million tonnes a year earlier": the old level in the next sentence
_COMPARES = re.compile(
    r"^(?:that|this|it|the figure)\s+(?:compares|compared|was\s+up\s+from|was\s+down\s+from)\s*(?:with|to)?\s+$"
)
_UNITS_OF_CHANGE = ("percent", "percentage_point", "basis_point", "percent / year", "times")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Build the gap patterns that need the vocabulary."""
    words = relation_words()
    nouns = alternation(words.up_nouns | words.down_nouns)
    baseline = alternation(words.baseline)
    # between the new level and the old: "from", " in 2025, compared with", ", up from"
    before_old = re.compile(rf"^{_CLAUSE}\s*,?\s*(?:(up|down)\s+)?(?:{baseline})\s+{_SOFT}$")
    # between the new level and its stated change: ", up", " (down", ", higher by"
    # or ", a" with the noun after the change: "$600 million, a 50% rise on $450 million"
    new_then_change = re.compile(rf"^{_CLAUSE}\s*[,(—–-]?\s*(?:(up|down|higher|lower)(?:\s+by)?(?:\s+an?)?|(an?))\s+$")
    # after "from OLD to NEW": ", or", ", an increase of", ", a", " (up", ", a fall of"
    after_new = re.compile(
        rf"^{_CLAUSE}\s*[,(—–-]?\s*(?:(or)|(up|down)(?:\s+by)?|an?\s+({nouns})\s+of|(an?)|"
        rf"(?:representing|marking|which\s+(?:is|was))\s+an?\s+({nouns})\s+of)\s+{_SOFT}$"
    )
    return before_old, new_then_change, after_new


def is_change(claim: Claim) -> bool:
    """Return True for a stated change: a figure with a direction, or in points."""
    return claim.direction is not None or claim.unit in ("percentage_point", "basis_point")


def is_level(claim: Claim) -> bool:
    """Return True for a level a change joins: not a change, not a factor."""
    return not is_change(claim) and claim.unit != "times" and claim.qualifier != "vague"


def compatible(old: Claim, new: Claim) -> bool:
    """Return True when two levels can be compared: one unit, or one of them bare ("from 300 to 200 tonnes")."""
    if old.unit == new.unit or (old.unit == "" and new.unit not in ("percent", "fraction")):
        return True
    # "from 212 million euros to 248 million": the unit is said once, on either side
    if same_amount_kind(old, new):
        return True
    # "$16.50 an hour from $15.50", "£1,284 a month, compared with £1,162": the period is said once
    return bool(old.unit and new.unit) and (
        new.unit.split(" / ")[0] == old.unit or old.unit.split(" / ")[0] == new.unit
    )


def _verb(text: Text, words: RelationWords, claim: Claim, floor: int) -> str | None:
    """Return the change word (verb, adverb, factor) that leads a figure's clause, if any."""
    return last_word_in(text.lead(claim, floor), words.change_words | words.up_nouns | words.down_nouns)


def relate_changes(text: Text, words: RelationWords) -> None:
    """Find every change relation of a document."""
    before_old, new_then_change, after_new = _patterns()
    for group in text.sentences:
        taken: set[str] = set()  # claims already read as a change's new level
        for i, claim in enumerate(group):
            nxt = group[i + 1] if i + 1 < len(group) else None
            after = group[i + 2] if i + 2 < len(group) else None
            floor = group[i - 1].end if i else 0
            than = nxt is not None and (
                _THAN.match(text.gap(claim, nxt) or "\x00") or _THAN_WHEN.match(text.gap(claim, nxt) or "\x00")
            )
            led = claim.unit in ("percent", "percentage_point") and _led_by_change(text, words, claim, floor)
            if nxt is not None and (is_change(claim) or led or _comparative(claim, nxt) or than):
                _stated_first(text, words, claim, nxt, after, floor, before_old, taken)
            if i and nxt is not None and claim.unit == "percent" and not text.playing(claim, "change"):
                _at_then_than(text, group[i - 1], claim, nxt, group[i - 2].end if i > 1 else 0, taken)
            if is_level(claim) and nxt is not None and is_change(nxt) and after is not None:
                gap = text.gap(claim, nxt)
                m = new_then_change.match(gap or "")
                between = text.gap(nxt, after) or ""
                noun = None
                if m and m.group(2):  # ", a 50% rise on $450 million": the noun comes after the change
                    found = re.match(rf"^\s*({alternation(words.up_nouns | words.down_nouns)})\s+", between)
                    noun = found.group(1) if found else None
                    between = between[found.end() - 1 :] if found else "\x00"
                if m and is_level(after) and compatible(after, claim) and before_old.match(between):
                    word = m.group(1) or noun or ""  # "NEW, up 15% from OLD"
                    direction = nxt.direction or words.direction(word) or ("up" if word == "higher" else "down")
                    text.add("change", [("from", after), ("to", claim), ("by", nxt)], word=word, direction=direction)
                    taken.add(claim.id)
            if is_level(claim) and nxt is not None and _FROM_END.search(text.lead(claim, floor, 40)):
                _from_to(text, words, claim, nxt, after, floor, after_new, taken)
            # (an empty set first: a claim's id is made when asked for)
            if is_level(claim) and nxt is not None and (not taken or claim.id not in taken) and is_level(nxt):
                _to_then_from(text, words, claim, nxt, after, floor, (before_old, after_new), taken)
            if is_level(claim) and (not taken or claim.id not in taken):
                _to_alone(text, words, claim, floor, taken)
    _back_reference(text, words, text.claims, before_old)
    _stated_before(text, words)
    _old_after(text)
    _caveats(text, words)


_PER_CURRENCY = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:per|to the|to one|a|against the|for (?:one|each))\s+(?:us\s+|u\.s\.\s+)?"
    r"(?:dollar|euro|pound|yen|yuan|franc|rupee|rouble|ruble)s?\b"
)


def _old_after(text: Text) -> None:
    """ "Exports rose 25% to 1.6 million tonnes. That compares with 1.4 million tonnes a year earlier."."""
    for index, relation in enumerate(text.relations):
        if relation.type != "change" or relation.claim("from") or not relation.claim("to") or not relation.claim("by"):
            continue
        new = text.by_id[relation.claim("to")]
        following = text.within(relation.span[1], relation.span[1] + 200)
        if not following:
            continue
        old = following[0]
        lead = text.lead(old, relation.span[1], 80).strip()
        if not _COMPARES.match(lead + " ") or not is_level(old) or not compatible(old, new):
            continue
        if not re.search(r"[.!?](?:\s|$)", text.prose[relation.span[1] : old.start]):
            continue  # the same sentence: read there
        span = (relation.span[0], old.end)
        text.replace(index, replace(relation, roles=(("from", old.id), *relation.roles), span=span))


def _caveats(text: Text, words: RelationWords) -> None:
    """Make a stated change "likely" when its sentence qualifies it: "4% in real terms", "like-for-like"."""
    pattern = re.compile(rf"(?<![\w-])(?:{alternation(words.caveats)})(?![\w-])")
    for index, relation in enumerate(text.relations):
        if relation.type != "change":
            continue
        by = relation.claim("by")
        caveat = by and pattern.search(text.by_id[by].sentence.lower())
        # "the yen fell to 150 per dollar": a price quoted the other way round rises as the currency falls
        quoted = any(_PER_CURRENCY.match(text.tail(text.by_id[i], 30)) for _, i in relation.roles)
        if caveat or quoted:
            text.replace(index, replace(relation, confidence="likely"))


def _stated_first(
    text: Text,
    words: RelationWords,
    change: Claim,
    nxt: Claim,
    after: Claim | None,
    floor: int,
    before_old: re.Pattern,
    taken: set[str],
) -> None:
    """ "rose 15% to NEW (from OLD)", "rose 15% from OLD to NEW", "15% higher than OLD at NEW"."""
    gap = text.gap(change, nxt) or ""
    verb = _verb(text, words, change, floor)
    direction = change.direction or (words.direction(verb) if verb else None)
    factor = change.value if change.unit == "times" else None  # "rose tenfold", "grew three times"
    if factor is not None:
        verb = change.text + (" more" if text.tail(change, 12).lstrip().startswith("more") else "")
    if _TO.match(gap) and is_level(nxt):
        roles = [("to", nxt), ("by", change)]
        if (
            after is not None
            and is_level(after)
            and compatible(after, nxt)
            and before_old.match(text.gap(nxt, after) or "")
        ):
            roles.insert(0, ("from", after))
        text.add("change", roles, word=verb or "to", direction=direction, factor=factor)
        taken.add(nxt.id)
    elif _THEN_FROM.match(gap) and after is not None and is_level(nxt) and is_level(after):
        if compatible(nxt, after) and _FROM_TO.match(text.gap(nxt, after) or "") and _clean(text.gap(nxt, after)):
            roles = [("from", nxt), ("to", after), ("by", change)]
            text.add("change", roles, word=verb or "from", direction=direction, factor=factor)
            taken.add(after.id)
    elif change.unit == "percent" and _THAN_WHEN.match(gap) and is_level(nxt):
        comparative = _THAN_WHEN.match(gap).group(1)  # type: ignore[union-attr]
        way = "up" if comparative in ("higher", "more", "above", "up") else "down"
        roles = [("to", nxt), ("by", change)]
        if after is not None and is_level(after) and compatible(after, nxt):
            if before_old.match(text.gap(nxt, after) or ""):
                roles.insert(0, ("from", after))
        text.add("change", roles, word=f"{comparative} than", direction=way)
        taken.add(nxt.id)
    elif change.unit == "percent" and _THAN.match(gap) and after is not None and is_level(nxt) and is_level(after):
        if compatible(nxt, after) and _THEN_AT.match(text.gap(nxt, after) or "\x00"):
            comparative = _THAN.match(gap).group(1)  # type: ignore[union-attr]
            way = "up" if comparative in ("higher", "more", "above", "up") else "down"
            roles = [("from", nxt), ("to", after), ("by", change)]
            text.add("change", roles, word=f"{comparative} than", direction=way)
            taken.add(after.id)
    elif nxt.qualifier == "lower_bound" and nxt.modifier and after is not None and is_level(after):
        comparative = nxt.modifier.lower().split()[0]  # "15% higher than OLD at NEW": "than" was read as a bound
        if comparative in ("higher", "lower", "more", "less", "above", "below", "up", "down") and gap.strip() == "":
            if _AT.match(text.gap(nxt, after) or "") and compatible(nxt, after):
                way = "up" if comparative in ("higher", "more", "above", "up") else "down"
                roles = [("from", nxt), ("to", after), ("by", change)]
                text.add("change", roles, word=f"{comparative} than", direction=way, confidence="sure")
                taken.add(after.id)


_AT_LEAD = re.compile(rf"^\s*at\s+{_SOFT}$")
_AT_GAP = re.compile(r"^\s*,[^,;:.()]{1,60}?\b(?:was|were|is|are|came\s+in|stood|ran)\s+$")


def _at_then_than(text: Text, new: Claim, change: Claim, old: Claim, floor: int, taken: set[str]) -> None:
    """ "At NEW, matchday income was 31% higher than the OLD of a year earlier": the new level leads the clause."""
    than = _THAN.match(text.gap(change, old) or "\x00")
    if than is None or new.id in taken or not is_level(new) or not is_level(old) or not compatible(old, new):
        return
    if not _AT_LEAD.match(text.lead(new, floor, 30)) or not _AT_GAP.match(text.gap(new, change) or "\x00"):
        return
    comparative = than.group(1)
    way = "up" if comparative in ("higher", "more", "above", "up") else "down"
    text.add("change", [("from", old), ("to", new), ("by", change)], word=f"{comparative} than", direction=way)
    taken.add(new.id)


def _led_by_change(text: Text, words: RelationWords, claim: Claim, floor: int) -> bool:
    """Return True for a percent right after a change verb the extractor did not mark: "advanced 22%"."""
    found = re.findall(r"[a-z]+", text.lead(claim, floor, 30))
    if not found:
        return False
    last = found[-1] if found[-1] != "by" or len(found) < 2 else found[-2]
    return last in (words.up | words.down) - {"more", "less", "higher", "lower", "up", "down"}


def _comparative(claim: Claim, nxt: Claim | None) -> bool:
    """Return True for "15% higher than OLD": a percent right before a comparative "than" figure."""
    return (
        claim.unit == "percent"
        and nxt is not None
        and nxt.qualifier in ("lower_bound", "upper_bound")
        and (nxt.modifier or "").lower().endswith(" than")
    )


def _clean(gap: str | None) -> bool:
    """Return True when the words between two levels join them, not two clauses."""
    return gap is not None and not re.search(r"\b(?:and|but|while|whereas|although)\b|;", gap)


def _from_to(
    text: Text,
    words: RelationWords,
    old: Claim,
    new: Claim,
    after: Claim | None,
    floor: int,
    after_new: re.Pattern,
    taken: set[str],
) -> None:
    """ "from OLD to NEW", with an optional stated change after: ", or 22.9%", ", a 45% increase"."""
    gap = text.gap(old, new)
    if gap is None or not _FROM_TO.match(gap) or not _clean(gap) or not is_level(new) or not compatible(old, new):
        return
    if text.playing(old, "change", "from"):
        return  # already read as "rose 15% from OLD to NEW"
    verb = _verb(text, words, old, floor)
    roles = [("from", old), ("to", new)]
    word, direction = verb, words.direction(verb) if verb else None
    factor = words.factors.get(verb or "")
    stated = _stated_after(text, words, new, after, after_new)
    if stated is not None:
        roles.append(("by", stated[0]))
        word = stated[1] or word
        direction = stated[2] or direction
    if verb is None and len(roles) == 2:
        return  # "from 10 to 20" with no change word is a range, not a change
    if factor and len(roles) == 2:
        text.add("change", roles, word=verb, direction=direction, factor=factor)
    else:
        text.add("change", roles, word=word or "from", direction=direction)
    taken.add(new.id)


def _stated_after(
    text: Text, words: RelationWords, level: Claim, after: Claim | None, after_new: re.Pattern
) -> tuple[Claim, str | None, str | None] | None:
    """Return (claim, word, direction) for a change stated after the levels: ", or 22.9%", ", a fall of 12.6%"."""
    m = after_new.match(text.gap(level, after) or "") if after is not None else None
    if (
        m is None
        or after is None
        or not (after.unit in _UNITS_OF_CHANGE or after.unit == level.unit or _points(text, after))
    ):
        return None
    noun = m.group(3) or m.group(5)
    if m.group(4):  # ", a 45% increase": the noun follows the figure
        noun = last_word_in(text.tail(after, 20), words.up_nouns | words.down_nouns)
        if noun is None and after.direction is None:
            return None
    stated = m.group(2) or noun
    direction = after.direction or (words.direction(stated) if stated else None)
    return after, m.group(1) or stated, direction


def _points(text: Text, claim: Claim) -> bool:
    """Return True for a bare number followed by "points": "up 9 points from 45%"."""
    return claim.unit == "" and bool(re.match(r"^\s*(?:percentage\s+)?points?\b", text.tail(claim, 20)))


def _to_then_from(
    text: Text,
    words: RelationWords,
    new: Claim,
    old: Claim,
    after: Claim | None,
    floor: int,
    patterns: tuple[re.Pattern, re.Pattern],
    taken: set[str],
) -> None:
    """ "fell to NEW from OLD", "tripled to NEW from OLD", "NEW, compared with OLD", "NEW, up from OLD"."""
    gap = text.gap(new, old)
    before_old, after_new = patterns
    m = before_old.match(gap or "")
    if not m or not compatible(old, new) or not _clean(gap):
        return
    if _by_fraction(text, words, new, old, floor):
        taken.add(new.id)
        return
    lead = text.lead(new, floor, 60)
    if (new.modifier or "").lower() in ("up to", "down to"):  # "ticked up to 4.3%": the particle, not a bound
        lead += new.modifier.lower().split()[0] + " to "  # type: ignore[union-attr]
    verb_to = re.search(r"([a-z]+(?:\s+(?:up|down))?)\s+(?:to|at)\s+" + _SOFT + "$", lead)
    verb = None
    if verb_to:
        verb = last_word_in(verb_to.group(1), words.change_words)
    word = m.group(1) or verb
    if word is None:
        if not re.search(r",\s*(?:compared\s+(?:with|to)|against|versus|vs\.?)\s", gap or ""):
            return  # "NEW from OLD" alone is no change: "300 from the north"
        word = "compared with"
    factor = words.factors.get(word)
    direction = words.direction(word)
    roles = [("from", old), ("to", new)]
    stated = _stated_after(text, words, old, after, after_new)
    if stated is not None:  # "NEW, compared with OLD a year earlier, an increase of 39%"
        roles.append(("by", stated[0]))
        word, direction = stated[1] or word, stated[2] or direction
    # "NEW, compared with OLD" without a change word may compare two places, not two times
    sure = "likely" if word == "compared with" and stated is None else "sure"
    text.add("change", roles, word=word, direction=direction, factor=factor, confidence=sure)
    taken.add(new.id)


_BY_FRACTION = re.compile(
    r"\b([a-z]+)\s+by\s+(?:(?:a|one|about\s+a|nearly\s+a|almost\s+a)\s+)?([a-z]+),?\s+to\s+$"
)  # "fell by a third to", "plunged by half, to"


def _by_fraction(text: Text, words: RelationWords, new: Claim, old: Claim | None, floor: int) -> bool:
    """ "fell by a third to £200 million from £300 million": the new level is the old ± a share of it."""
    m = _BY_FRACTION.search(text.lead(new, floor, 60))
    if m is None or m.group(2) not in words.fractions or old is None:
        return False
    direction = words.direction(m.group(1))
    if direction is None:
        return False  # "divided by half"? no change word, no change
    share = words.fractions[m.group(2)]
    factor = 1 - share if direction == "down" else 1 + share
    word = " ".join(m.group(0).split()[:-1]).rstrip(",")  # "fell by a third", "plunged by half"
    text.add("change", [("from", old), ("to", new)], word=word, direction=direction, factor=factor)
    return True


def _to_alone(text: Text, words: RelationWords, new: Claim, floor: int, taken: set[str]) -> None:
    """ "doubled to 300", "fell to $7.4 billion": a change with its new level only."""
    match = re.search(r"([a-z]+(?:\s+(?:up|down))?)\s+to\s+" + _SOFT + "$", text.lead(new, floor, 40))
    verb = last_word_in(match.group(1), words.change_words - words.neutral) if match else None
    if verb is None or match is None or not match.group(1).endswith(verb):
        return
    text.add("change", [("to", new)], word=verb, direction=words.direction(verb), factor=words.factors.get(verb))
    taken.add(new.id)


_BACK = re.compile(r"(?:was|is|were|are|marks|marked|represents|represented)\s+(up|down)(?:\s+by)?$")


def _back_reference(text: Text, words: RelationWords, claims: list[Claim], before_old: re.Pattern) -> None:
    """ "Sales were €2.3 billion. That was up 15% from €2.1 billion.": NEW is in the sentence before."""
    refs = re.compile(rf"^(?:{alternation_words(words.back_reference)})\s+")
    for i, change in enumerate(claims[:-1]):
        old = claims[i + 1]
        if not is_change(change) or not is_level(old) or not before_old.match(text.gap(change, old) or ""):
            continue
        floor = claims[i - 1].end if i else 0
        lead = text.lead(change, floor, 80)
        if not refs.match(lead.strip()) or not _BACK.search(lead.strip()):
            continue
        # the sentence before: from the end of the one before it to where "That …" begins
        begin = change.start - len(lead)
        head = text.prose[max(0, begin - 400) : begin].rstrip()
        cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
        low = max(0, begin - 400) + cut + 1 if cut >= 0 else max(0, begin - 400)
        candidates = [c for c in text.within(low, begin) if is_level(c) and compatible(old, c)]
        if len(candidates) != 1:
            continue  # which figure "that" means is not sure
        way = _BACK.search(lead.strip()).group(1)  # type: ignore[union-attr]
        direction = change.direction or way
        text.add("change", [("from", old), ("to", candidates[0]), ("by", change)], word=way, direction=direction)


_STOP = frozenset(("the", "a", "an", "of", "in", "on", "at", "for", "and", "was", "were", "is", "are", "its", "their",
                   "year", "month", "said", "says", "average", "total", "number", "new"))  # fmt: skip


def _subject(text: str) -> set[str]:
    """Return the stems (first five letters) of a clause's content words: "rents", "rent" → "rent"."""
    return {w[:5].rstrip("s") for w in re.findall(r"[a-z]{4,}", text) if w not in _STOP}


def _stated_before(text: Text, words: RelationWords) -> None:
    """ "Rents rose 6.1% in the year to March. The average rent was £1,284, compared with £1,162 a year earlier."

    A sentence that states a change and no other figure, then the next one that states both levels of the
    same subject, without a change of their own.
    """
    for index, relation in enumerate(text.relations):
        if relation.type != "change" or relation.claim("by") or not relation.claim("from") or not relation.claim("to"):
            continue
        first = min(text.by_id[relation.claim("from")], text.by_id[relation.claim("to")], key=lambda c: c.start)
        lead = text.lead(first, 0, 200)  # the sentence so far, back to its start
        begin = first.start - len(lead)
        before = [c for c in text.within(begin - 300, begin) if c.end <= begin]
        if not before or before[-1].start in text.roles_of:
            continue
        change = before[-1]
        head = text.prose[change.end : begin]
        if not is_change(change) or change.unit not in ("percent", "percentage_point"):
            continue
        if not re.search(r"[.!?](?:\s|$)", head):
            continue  # the change and the levels are in one sentence: read there, or not at all
        own = text.lead(change, 0, 100)
        if any(c.end > change.start - len(own) for c in text.within(change.start - 200, change.start)):
            continue  # the change's sentence states other figures: which it joins is not sure
        verb = last_word_in(own, words.change_words)
        if not _subject(own.replace(verb or "\x00", " ")) & _subject(lead):
            continue  # the two sentences do not speak of the same thing
        direction = change.direction or relation.direction
        span = (min(change.start, relation.span[0]), max(change.end, relation.span[1]))
        roles = (*relation.roles, ("by", change.id))
        text.replace(index, replace(relation, roles=roles, span=span, direction=direction, confidence="sure"))
