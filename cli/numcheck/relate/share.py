"""share: a part of a whole, with or without its stated share.

"N, or X% of M", "N (X%) of M", "X% (N) of M", "of M, N (X%)", "N of the M …, or X%", "X%,
with N of the M", "one in five of the M", "a third of the M", "X% of M"; and a part without a
share: "N of the M", "Of the M, N …".
"""

from __future__ import annotations

import re

from numcheck.records import Claim
from numcheck.relate.text import Text, is_count, is_share
from numcheck.relate.words import RelationWords, alternation

_DET = r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+|a\s+total\s+of\s+|some\s+)?(?:[\w-]+['’]s\s+)?"
# Between a count and its share: a few words of the measure, then ", or", "(", ", representing".
_COUNT_TO_SHARE = re.compile(r"^[\w' -]{0,40}?(?:,\s*(or|representing|accounting\s+for)|(\())\s*$")
_SHARE_TO_WHOLE = re.compile(rf"^\s*\)?\s*,?\s*of\s+{_DET}$")
_SHARE_TO_COUNT = re.compile(r"^\s*\(\s*$")  # "25% (300) of the 1,200"
_COUNT_CLOSE_TO_WHOLE = re.compile(rf"^\s*\)\s*of\s+{_DET}$")
# "Attendance was 80%, with 420 of the 600", "62% of voters cast ballots, or 4.1 million of the 6.2 million"
_SHARE_WITH = re.compile(r"^[\w' -]{0,50}?,\s*(?:with|or)\s+$")
_OF_WHOLE = re.compile(rf"^\s*(?:of|out\s+of)\s+{_DET}(?:(?:last|first|past|next|original|total)\s+)?$")
_WHOLE_LEAD = re.compile(r"\b(?:of|out of|among)\s+(?:the\s+|its\s+|their\s+|all\s+)?$")
_OPENS_WITH_OF = re.compile(
    r"(?:^|[.;:!?]\s*|\n)\s*(?:of|out\s+of|among)\s+(?:the\s+|its\s+|their\s+|all\s+|those\s+)?$"
)
# "420 of the 600 pupils, or 80%", "34 of the 60 seats, a 62% majority"
_PART_TO_SHARE = re.compile(r"^[\w' -]{0,40}?(?:,\s*or|\(|,\s*or\s+an?|,\s*an?|(,))\s*$")
# "A third of the 1,512 respondents, 612, said": the part in apposition after the whole
_WHOLE_TO_PART = re.compile(r"^[a-z\s'’-]{0,60},\s*(?:or\s+)?$")


def relate_shares(text: Text, words: RelationWords) -> None:
    """Find every share and part-of-whole relation of a document."""
    for group in text.sentences:
        # parts already placed; a change's figures are no share ("3 million, or 50%")
        done: set[str] = {c.id for c in group if text.playing(c, "change")}
        for i, claim in enumerate(group):
            nxt = group[i + 1] if i + 1 < len(group) else None
            after = group[i + 2] if i + 2 < len(group) else None
            if nxt is None or claim.id in done:
                continue
            gap = text.gap(claim, nxt) or "\x00"
            m = _COUNT_TO_SHARE.match(gap)
            led = text.lead(claim, group[i - 1].end if i else 0, 25)
            if m and (_WHOLE_LEAD.search(led) or _goes_on(text, nxt)):
                m = None  # "12 of its last 15 games, or 80%": 15 is a whole; "grew 1.5 million, or 2%, to": a change
            amount = claim.unit not in ("percent", "fraction", "times") and claim.qualifier != "vague"
            if (
                (_is_part(claim) or amount)
                and is_share(nxt)
                and m
                and not text.tail(claim, 10).lstrip().startswith("point")
            ):
                whole = (
                    _whole_after(text, nxt, after) or _whole_before(text, group[:i]) or _whole_named(text, claim, nxt)
                )
                roles = [("part", claim), ("share", nxt)] + ([("whole", whole)] if whole else [])
                text.add("share", roles, word=m.group(1) or m.group(2))
                done.update((claim.id, nxt.id))
            elif is_share(claim) and is_count(nxt) and _SHARE_TO_COUNT.match(gap):
                if after is not None and is_count(after) and _COUNT_CLOSE_TO_WHOLE.match(text.gap(nxt, after) or ""):
                    text.add("share", [("share", claim), ("part", nxt), ("whole", after)], word="(")
                    done.update((claim.id, nxt.id))
                elif text.tail(nxt, 3).lstrip().startswith(")"):
                    whole = _whole_before(text, group[:i])  # "Of the 640 people questioned, 58% (410) said"
                    if whole is not None:
                        text.add("share", [("share", claim), ("part", nxt), ("whole", whole)], word="(")
                        done.update((claim.id, nxt.id))
            elif is_share(claim) and is_count(nxt) and _SHARE_WITH.match(gap) and after is not None:
                if is_count(after) and _OF_WHOLE.match(text.gap(nxt, after) or ""):
                    text.add("share", [("share", claim), ("part", nxt), ("whole", after)], word="with")
                    done.update((claim.id, nxt.id))
            elif is_count(claim) and is_count(nxt) and _OF_WHOLE.match(gap) and not _compound(text, nxt):
                share = after if after is not None and is_share(after) and after.direction is None else None
                link = _PART_TO_SHARE.match(text.gap(nxt, share) or "") if share is not None else None
                if link and link.group(1) and not re.match(r"^\s*[,;)]", text.tail(share, 3)):
                    link = None  # ", 70%" only in apposition: "14 of the 20 applications, 70%, and"
                if share is not None and link:
                    text.add("share", [("part", claim), ("whole", nxt), ("share", share)], word="of")
                    done.update((claim.id, nxt.id, share.id))
                else:
                    text.add("share", [("part", claim), ("whole", nxt)], word="of")  # "450 of the 300 passengers"
                done.add(claim.id)
            elif is_share(claim) and is_count(nxt) and _OF_WHOLE.match(gap) and not _compound(text, nxt):
                roles = [("share", claim), ("whole", nxt)]  # "a third of the 300 workers"
                if after is not None and is_count(after) and _WHOLE_TO_PART.match(text.gap(nxt, after) or "\x00"):
                    if re.match(r"^\s*(?:,|in all\b|in total\b|altogether\b|\))", text.tail(after, 15)):
                        roles.append(("part", after))  # "One in five of the 3,400 patients, 460 in all, …"
                        done.add(after.id)
                text.add("share", roles, word="of")
        _leading_whole(text, group, done)
        _named_shares(text, words, group, done)


def _goes_on(text: Text, share: Claim) -> bool:
    """Return True when a percent goes on to a new level: "grew by 1.5 million, or 2%, to 76 million"."""
    return bool(re.match(r"^\s*,?\s*to\b", text.tail(share, 8)))


def _compound(text: Text, claim: Claim) -> bool:
    """Return True for a number inside a compound word: "the two-party vote" counts no group of two."""
    return text.prose[claim.end : claim.end + 1] in ("-", "‑", "–")


def _is_part(claim: Claim) -> bool:
    """Return True for a count that may be a part, a change of a count too: "cut 4,000 jobs, or 25%"."""
    return claim.unit == "" and claim.qualifier != "vague" and not claim.text.lower().endswith("points")


_REFERS = re.compile(
    r"^\s*,?\s*of\s+(?:the\s+|all\s+)?(total|those\s+(?:surveyed|polled|questioned|asked|interviewed)|respondents"
    r"|(?:those|the\s+ones|all)\s+([a-z]{3,}))\b"
)
_NOT_PARTICIPLE = frozenset(("who", "whom", "which", "that", "with", "without", "from", "aged", "over", "under"))
_SURVEYED = re.compile(r"\b(?:survey|surveyed|polled|poll|questioned|interviewed|respondents|sample)\b")
_TOTAL_LEAD = re.compile(r"(?:\bof\s+(?:the\s+)?|\btotal\s+of\s+|\bin\s+all\b)\s*$")


def _whole_named(text: Text, part: Claim, share: Claim) -> Claim | None:
    """ "or 51% of the total", "36% of those surveyed": the whole is the one total or sample stated earlier."""
    m = _REFERS.match(text.tail(share, 40))
    if m is None:
        return None
    earlier = [c for c in text.within(share.start - 3000, part.start) if c.direction is None]
    if m.group(2):  # "24% of those sold": the whole is the one earlier count said to be sold
        verb = m.group(2)
        if verb in _NOT_PARTICIPLE:
            return None
        said = re.compile(  # "287,000 had been sold", "5,200 bonds were issued", "27,000 kettles sold"
            rf"^\s*(?:(?!who\b|which\b|that\b|and\b|or\b)[a-z]+\s+){{0,2}}?"
            rf"(?:(?:had|have|has|were|was|are|is|been|being)\s+){{0,2}}{verb}\b"
        )
        found = [c for c in earlier if is_count(c) and c.value > part.value and said.match(text.tail(c, 30))]
    elif m.group(1) == "total":
        found = [
            c
            for c in earlier
            if c.unit == part.unit and c.value > part.value and _TOTAL_LEAD.search(text.lead(c, 0, 20))
        ]
    else:  # a survey's size: "a survey of 2,400 tenants", "The 2,400 tenants surveyed"
        found = [
            c
            for c in earlier
            if c.unit == "" and c.value > part.value and _SURVEYED.search(text.lead(c, 0, 25) + " " + text.tail(c, 25))
        ]
    return found[-1] if len({c.value for c in found}) == 1 else None


def _whole_after(text: Text, share: Claim, after: Claim | None) -> Claim | None:
    """Return the whole right after a share: "25% of the town's 1,200 residents"."""
    if after is not None and is_count(after) and _SHARE_TO_WHOLE.match(text.gap(share, after) or ""):
        return after
    return None


def _whole_before(text: Text, earlier: list[Claim]) -> Claim | None:
    """Return a count the sentence named as the whole earlier: "Of the 1,200 residents, 300, or 25%, …"."""
    for claim in earlier:
        if is_count(claim) and _WHOLE_LEAD.search(text.lead(claim, 0, 20)):
            return claim
    return None


def _leading_whole(text: Text, group: list[Claim], done: set[str]) -> None:
    """ "Of the 300 passengers, 250 were rescued": each later count is a part of the whole."""
    if len(group) < 2 or not is_count(group[0]) or not _OPENS_WITH_OF.search(text.lead(group[0], 0, 30)):
        return
    whole = group[0]
    gap = text.gap(whole, group[1])
    if gap is None or "," not in gap:
        return
    for part in group[1:]:
        if is_count(part) and part.id not in done:
            text.add("share", [("part", part), ("whole", whole)], word="of the")
            done.add(part.id)
        elif is_share(part) and part.direction is None and part.id not in done and not text.playing(part, "share"):
            text.add("share", [("share", part), ("whole", whole)], word="of the")  # "Of 27 respondents, 51.5% …"
            done.add(part.id)


_LEVEL_LEAD = re.compile(r"\b(?:at|to|reached|hit|was|were|is|are|equal|equalled|equaled|equivalent|worth)\s+$")
_OF_NOUN = re.compile(r"^\s*of\s+((?:[a-z][\w'’-]*+\s*){1,4})")
_DETERMINERS = frozenset(("the", "a", "an", "all", "its", "their", "his", "her", "our", "your", "this", "these"))
_STOP = frozenset(
    ("who", "which", "that", "in", "at", "on", "for", "by", "and", "or", "to", "from", "was", "were",
     "is", "are", "had", "have", "has", "said", "voted", "turned", "backed", "with", "as", "than")
)  # fmt: skip
_LINKING = r"(?:\s+(?:was|is|were|are|stood|came|reached|hit|of|at|to|rate|rating|in|[a-z]+['’]s|the|its|their|"
_LINKING += (
    r"country|national|city|overall|official|record|nearly|almost|about|around|some|an|a|estimated|put|\w+ly))*\s*$"
)


def _named_shares(text: Text, words: RelationWords, group: list[Claim], done: set[str]) -> None:
    """ "130% of the workforce", "turnout was 130%": a share of a whole, whatever the whole is called."""
    names = alternation(words.share_names)
    for claim in group:
        if claim.unit != "percent" or claim.direction is not None or claim.id in done:
            continue
        if text.playing(claim, "share", "share"):
            continue
        noun = _of_noun(text.tail(claim, 50), words)
        if noun is not None and _LEVEL_LEAD.search(text.lead(claim, 0, 30)):
            noun = None  # "ran at 110% of beds", "reached 130% of last year's numbers": a level against a reference
        if noun is not None:
            text.add("share", [("share", claim)], word=noun)
            continue
        lead = text.lead(claim, 0, 60)
        m = re.search(rf"\b({names})(?:\s+(?:was|is|stood|reached|hit|of|at))?{_LINKING}", lead)
        if m and not re.search(
            r"\b(?:rose|fell|up|down|increase|decrease|jumped|dropped|by|change)\b", lead[m.end(1) :]
        ):
            text.add("share", [("share", claim)], word=m.group(1))


def _of_noun(tail: str, words: RelationWords) -> str | None:
    """Return the group a percent is "of" ("of the eligible workforce" → "workforce"), or None for a level."""
    m = _OF_NOUN.match(tail)
    if not m:
        return None
    found = []
    for word in m.group(1).split():
        word = word.strip("'’")
        if word in _STOP:
            break
        if word in _DETERMINERS or word.endswith(("'s", "’s")):
            if found:
                break
            continue
        found.append(word)
    if not found or any(w in words.not_wholes or w.isdigit() or ("-" in w and w.startswith("pre")) for w in found):
        return None
    return "of " + " ".join(found[:3])
