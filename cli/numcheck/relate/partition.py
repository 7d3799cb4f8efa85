"""partition: exclusive parts of one whole — shares of one vote or poll, counts of one group.

"A took 48.5%, B 39.9% and C 14.2%"; "71% backed the deal, 22% opposed it and 9% did not
vote"; "X made up 55%, Y 30% and Z the remaining 20%"; "Of the 22 countries polled, 13 said
yes, nine said no and three did not answer"; "The 50 volunteers were divided into four teams
of 12, 15, 14 and 11". A list is a partition only when its words say the parts exclude each
other (rules/vocab/relations.yaml: exclusive, exhaustive, divided); "60% use X, 50% use Y" is not.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from numcheck.records import Claim
from numcheck.relate.text import Text, is_count, same_amount_kind
from numcheck.relate.words import RelationWords, alternation

_LIST_GAP = re.compile(r"^[^;:.()\d]{0,70}$")  # the words between two parts of one list: ", B ", " and C "
_SCOPE = re.compile(r"^\s*(?:in|at|among|for|on|across|since|last|this|a\s+year)\b")
_OF_NOUN = re.compile(r"^\s*of\s+(?:the\s+|all\s+)?[a-z]+")
_JOINS = re.compile(r",|\band\b")
# "48% in the north against 50% in the south" compares; "27% voted against and 17% abstained" lists
_CONTRAST = re.compile(r"\b(?:while|whereas|but|compared|than|versus|vs|target|goal)\b|\bagainst\b(?!\s*(?:and|or|,))")
_SOFT_END = re.compile(r"(?:the\s+)?(?:remaining|rest|remainder|other|others)\s*(?:of\s+the\s+[a-z]+\s*)?$")


def _has(text: str, phrases: tuple[str, ...]) -> str | None:
    """Return the first phrase found in text on word boundaries, or None."""
    m = _phrases(phrases).search(text)
    return " ".join(m.group(1).split()) if m else None


@cache
def _phrases(phrases: tuple[str, ...]) -> re.Pattern:
    """Compile a word-bounded alternation of phrases once."""
    return re.compile(rf"(?<![\w-])({alternation(phrases)})(?![\w-])")


def _in_change(text: Text, claim: Claim) -> bool:
    """Return True for a figure read as part of a change or a stated share of a count."""
    if text.playing(claim, "change") or text.playing(claim, "ratio"):
        return True
    if not text.playing(claim, "share", "share"):
        return False
    # "9,310 of them, or 95%": a share of its own stated whole
    own = ("share", claim.id)
    return any(r.type == "share" and own in r.roles and r.claim("whole") for r in _near(text, claim))


def relate_partitions(text: Text, vocab: RelationWords) -> None:
    """Find every partition of a document."""
    for group in text.sentences:
        if len(group) < 2:
            continue
        sentence = group[0].sentence.lower()
        if _has(sentence, vocab.inclusive):
            continue  # "including", "such as": the list is partial
        if not _bands(text, vocab, group):
            _shares(text, vocab, group, sentence)
        _counts(text, vocab, group, sentence)


def _runs(text: Text, claims: list[Claim]) -> list[list[Claim]]:
    """Split figures into runs that read as one list: each gap short, no clause break, no digits."""
    runs: list[list[Claim]] = []
    for claim in claims:
        gap = text.gap(runs[-1][-1], claim) if runs else None
        if gap is not None and _LIST_GAP.match(gap) and _JOINS.search(gap) and not _CONTRAST.search(gap):
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return [r for r in runs if len(r) >= 2]


def _shares(text: Text, vocab: RelationWords, group: list[Claim], sentence: str) -> None:
    """Shares of one whole: a vote, a poll, a market."""
    shares = [
        c
        for c in group
        if c.unit == "percent" and c.qualifier != "vague" and not _in_change(text, c) and not _changed(text, vocab, c)
    ]
    for run in _runs(text, shares):
        wholes = {_of_what(text.tail(c, 30)) for c in run} - {None}
        if len(wholes) > 1:
            continue  # "48% of men and 60% of women": shares of different wholes
        if sum(bool(_SCOPE.match(_OF_NOUN.sub("", text.tail(c, 40)))) for c in run) > 1:
            continue  # "won 60% in the north and 55% in the south": shares of different places or times
        exclusive = _has(sentence, vocab.exclusive)
        last_lead = text.lead(run[-1], text.claims[text.index(run[-1]) - 1].end, 40)
        rest_stated = bool(_SOFT_END.search(last_lead)) or _has(text.tail(run[-1], 30), vocab.exhaustive)
        rest_unstated = _has(text.tail(run[-1], 60), ("the rest", "the remainder", "the others", "remaining"))
        if rest_unstated and re.search(r"\b(?:the rest|the remainder) of\b", text.tail(run[-1], 60)):
            rest_unstated = None  # "compared to the rest of the country" names no part
        if not (exclusive or rest_stated or rest_unstated):
            continue
        outside = [c for c in shares if c not in run]
        exhaustive = bool(rest_stated) and not rest_unstated and not outside  # "…, while 10% abstained" is a part too
        word = (
            (rest_stated if isinstance(rest_stated, str) else "the remaining")
            if exhaustive
            else (exclusive or "the rest")
        )
        text.add("partition", [("part", c) for c in run], word=word, exhaustive=exhaustive)


_BAND = re.compile(
    r"^\s*(?:[a-z][\w'’-]*\s+){0,7}?(?:for|at|aged|with|of|in|on)?\s*"
    r"(less\s+than|fewer\s+than|under|below|up\s+to|between|from|more\s+than|over|above|at\s+least)\b"
)
_LOW_BAND = ("less than", "fewer than", "under", "below", "up to")
_HIGH_BAND = ("more than", "over", "above", "at least")


def _bands(text: Text, vocab: RelationWords, group: list[Claim]) -> bool:
    """ "46% had waited less than 18 weeks, 38% between 18 and 52 weeks and 27% more than a year".

    Shares listed against the bands of one measure, from the lowest ("less than", "under") through the middle
    ("between") to the highest ("more than", "over"), are exclusive parts of one whole: they cannot add up to
    more than 100%. The bands may leave gaps, so the list is not read as exhaustive.
    """
    shares = [c for c in group if c.unit == "percent" and c.qualifier != "vague" and c.direction is None]
    shares = [c for c in shares if not _in_change(text, c) and not _changed(text, vocab, c)]
    if len(shares) < 3:
        return False
    for a, b in pairwise(shares):
        gap = text.gap(a, b)
        if gap is None or not re.match(r"^[^;:.()%]{0,90}?(?:,|\band)\s*$", gap):
            return False
        if _CONTRAST.search(re.sub(r"\b(?:less|more|fewer)\s+than\b", " ", gap)):  # a band's "than" compares nothing
            return False
    cues = []
    for share in shares:
        m = _BAND.match(text.tail(share, 60))
        if m is None:
            return False
        cues.append(" ".join(m.group(1).split()))
    if cues[0] not in _LOW_BAND or cues[-1] not in _HIGH_BAND or any(c not in ("between", "from") for c in cues[1:-1]):
        return False
    text.add("partition", [("part", c) for c in shares], word=f"{cues[0]} … {cues[-1]}", exhaustive=False)
    return True


def _near(text: Text, claim: Claim) -> list:
    """Return the relations recorded last (those of the claim's sentence are among them)."""
    return text.relations[-20:]


def _changed(text: Text, vocab: RelationWords, claim: Claim) -> bool:
    """Return True for a percent a change word leads: "rose 65 percent", "down by 50%", "increased by 85%"."""
    position = text.index(claim)
    floor = text.claims[position - 1].end if position else 0
    lead = text.lead(claim, floor, 40)
    tail = re.findall(r"[a-z]+", lead)[-3:]
    change = (vocab.up | vocab.down | vocab.up_nouns | vocab.down_nouns | frozenset(vocab.factors)) - {"more", "less"}
    if len(tail) >= 2 and tail[-2] in ("made", "make", "makes", "making") and tail[-1] == "up":
        return False  # "made up 55%" is a share of a whole
    return any(w in change for w in tail) or bool(re.search(r"\bby\s+(?:about\s+|some\s+|nearly\s+)?$", lead))


def _of_what(tail: str) -> str | None:
    """Return the noun a share is "of": " of women backed it" → "women"."""
    m = re.match(r"^\s*of\s+(?:the\s+|all\s+)?([a-z]+)", tail)
    return m.group(1) if m else None


def _counts(text: Text, vocab: RelationWords, group: list[Claim], sentence: str) -> None:
    """Counts of one group: "Of the 22 countries, 13 …, nine … and three …", "divided into teams of 12, 15 …"."""
    divided = _has(sentence, vocab.divided)
    if divided:
        _divided(text, group, divided)
        return
    if _colon(text, group):
        return
    whole = group[0]
    # "Of the 412 million euros it will spend, 168 million …": a whole amount splits like a count
    amount = whole.unit not in ("", "percent", "fraction") and "/" not in whole.unit and whole.direction is None
    if not (is_count(whole) or amount) or not re.search(
        r"(?:^|[.;:!?]\s*|\n)\s*(?:of|out\s+of|among)\s+(?:the\s+|its\s+|all\s+)?$", text.lead(whole, 0, 30)
    ):
        return
    counts = [c for c in group[1:] if (same_amount_kind(whole, c) if amount else is_count(c))]
    runs = _runs(text, counts)
    if len(runs) != 1 or len(runs[0]) != len(counts):
        return  # no list, two, or a figure outside it: "200 got the drug, against 150 a year earlier"; "…, while 100 …"
    parts = runs[0]
    exhaustive = _has(sentence, vocab.exhaustive)
    exclusive = _has(sentence, vocab.exclusive) or _categories(text, vocab, parts)
    if not (exhaustive or exclusive):
        return
    tail = text.tail(parts[-1], 60)
    unstated = _has(tail, ("the rest", "the remainder", "the others")) and not exhaustive_in_last(
        text, parts[-1], vocab
    )
    roles = [("whole", whole)] + [("part", c) for c in parts]
    text.add("partition", roles, word=exhaustive or exclusive or "", exhaustive=bool(exhaustive) and not unstated)


_COLON = re.compile(r"^\s*[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,5}\s*:\s*$")


def _colon(text: Text, group: list[Claim]) -> bool:
    """ "The mine employs 1,260 people: 780 underground, 350 in the plant and 190 in offices": a colon breakdown.

    The whole names what it counts and a colon follows it; the figures after it make one list. The parts
    need not make the whole (a breakdown may leave some out), but cannot exceed it.
    """
    for i, whole in enumerate(group[:-2]):
        if not is_count(whole) or not whole.measure or not _COLON.match(text.gap(whole, group[i + 1]) or "\x00"):
            continue
        runs = _runs(text, group[i + 1 :])
        if not runs or runs[0][0] is not group[i + 1] or not all(is_count(c) for c in runs[0]):
            return False
        parts = runs[0]
        if any(re.match(r"^\s*(?:more|extra|additional|further)\b", text.tail(c, 20)) for c in parts):
            return False  # "and 35 more start in May" adds to the whole, it is no part of it
        rest = group[i + 1 + len(parts) :]
        # "… and 700 at its two bases" qualifies a part; "…, and 35 more start in May" adds a figure to the list
        if rest and re.search(r",|;|\b(?:and|while|but|or)\b", text.gap(parts[-1], rest[0]) or ","):
            return False
        text.add("partition", [("whole", whole)] + [("part", c) for c in parts], word=":", exhaustive=False)
        return True
    return False


_NAMING = re.compile(
    r"^\s*(?:(?:were|are|was|is|as|being|rated|judged|found|people|of\s+them)\s+)*([a-z']+(?:\s+[a-z']+)?)"
)


def _categories(text: Text, vocab: RelationWords, parts: list[Claim]) -> str | None:
    """Return "men/women" when two or more parts are named by different words of one category set."""
    names = []
    for part in parts:
        m = _NAMING.match(text.tail(part, 30))
        phrase = m.group(1) if m else ""
        names.append((phrase, phrase.split()[0] if phrase else ""))
    for group in vocab.categories:
        found = [p if p in group else w for p, w in names if p in group or w in group]
        if len(found) >= 2 and len(set(found)) == len(found):
            return "/".join(sorted(found))
    return None


def exhaustive_in_last(text: Text, last: Claim, vocab: RelationWords) -> bool:
    """Return True when the last part is what remains: "and the remaining 150 died"."""
    return bool(_SOFT_END.search(text.lead(last, 0, 30)))


def _divided(text: Text, group: list[Claim], cue: str) -> None:
    """ "The 50 volunteers were divided into four teams of 12, 15, 14 and 11"."""
    # Only the stretch from a little before the figures to their end is lowered and searched: lowering the
    # whole text for each cue took a copy of it (at the peak of memory) and time that grew with the text.
    low = group[0].start - 200 if group[0].start > 200 else 0
    word = cue.split()[0]
    found = text.prose[low : group[-1].end + len(word)].lower().find(word)
    at = low + found if found != -1 else -1
    before = [c for c in group if c.end <= at and is_count(c)]
    after = [c for c in group if c.start > at and is_count(c)]
    if not before or len(after) < 2:
        return
    runs = _runs(text, after)
    if len(runs) != 1 or runs[0][-1] is not after[-1]:
        return
    named = [c for c in before if c.measure]  # "The 48 runners … divided into": the whole names what it counts
    if len(named) != 1:
        return  # no count, or two, that name what is divided: which is the whole is not sure
    whole = named[0]
    text.add("partition", [("whole", whole)] + [("part", c) for c in runs[0]], word=cue, exhaustive=True)
