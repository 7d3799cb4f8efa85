"""What a quantity counts, who said it, whether it is a change, and whether it is quoted."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from numcheck.extract.numbers import DENOMINATORS, NUMBER_WORDS
from numcheck.extract.quantities import Quantity, glued, phrase_sizes
from numcheck.extract.tokens import Token, lows
from numcheck.memo import once_per

# Function words end a noun phrase; they are grammar, not vocabulary, so they live here.
STOP = frozenset(
    [
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "do",
        "does",
        "did",
        "not",
        "no",
        "already",
        "also",
        "still",
        "only",
        "just",
        "now",
        "then",
        "there",
        "here",
        "this",
        "these",
        "those",
        "it",
        "they",
        "them",
        "he",
        "she",
        "we",
        "you",
        "i",
        "the",
        "a",
        "an",
        "per",
        "each",
        "every",
        "some",
        "about",
        "over",
        "under",
        "more",
        "less",
        "most",
        "least",
        "since",
        "until",
        "after",
        "before",
        "during",
        "while",
        "when",
        "where",
        "if",
        "because",
        "though",
        "although",
        "reportedly",
        "allegedly",
        "according",
        "said",
        "says",
        "say",
        "yesterday",
        "today",
        "tomorrow",
        "last",
        "next",
        "ago",
        "across",
        "between",
        "among",
        "against",
        "toward",
        "towards",
        "via",
        "up",
        "down",
        "out",
        "off",
        "away",
        "back",
        "again",
        "ever",
        "never",
        "all",
        "both",
        "either",
        "neither",
        "such",
        "own",
        "same",
        "other",
        "another",
        "around",
        "through",
        "throughout",
        "within",
        "without",
        "upon",
        "whether",
        "very",
        "too",
        "almost",
        "nearly",
        "roughly",
        "approximately",
        "respectively",
        "including",
        "compared",
        "versus",
        "vs",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "what",
        "how",
        "why",
        "annually",
        "monthly",
        "daily",
        "weekly",
        "yearly",
        "hourly",
        "long",
        "high",
        "tall",
        "wide",
        "deep",
        "old",
        "away",
        "thick",
    ]
)
LEADING = frozenset(["the", "its", "their", "his", "her", "our", "a", "an", "all", "some", "of"])
AUXILIARIES = frozenset(
    [
        "have",
        "has",
        "had",
        "been",
        "be",
        "being",
        "were",
        "was",
        "are",
        "is",
        "already",
        "reportedly",
        "also",
        "now",
        "so",
        "far",
        "more",
        "likely",
        "probably",
        "said",
        "to",
    ]
)

if TYPE_CHECKING:
    from numcheck.vocab import Vocabulary
_QUOTES = re.compile('[“”"]')
_PASSIVE = frozenset(("was", "were", "been", "being", "is", "are", "be"))  # grammar, like STOP
CLAUSE_BREAKS = frozenset(("while", "whereas", "but", "although", "though", "however"))


def measure_after(tokens: list[Token], q: Quantity) -> tuple[str | None, int]:
    """Return the noun phrase a quantity counts and the index after it."""
    t = tokens
    k = q.last
    n = len(t)
    if k < n and t[k].low == "of" and (q.unit in ("percent", "permille", "") or q.vague or q.scaled):
        k += 1
        while k < n and t[k].low in LEADING:
            k += 1
    words: list[Token] = []
    indices: list[int] = []
    while k < n and len(words) < 6:
        tok = t[k]
        if tok.kind == "word" and tok.low not in STOP:
            if tok.low.endswith(("'s", "’s")) or tok.text.endswith(("s'", "s’")):
                words, indices = [], []  # "Russia's ammunition needs": not the possessor
            else:
                words.append(tok)
                indices.append(k)
            k += 1
        elif (
            tok.text in ("-", "‐")
            and words
            and k + 1 < n
            and glued(t[k - 1], tok)
            and glued(tok, t[k + 1])
            and t[k + 1].kind == "word"
        ):
            words.append(Token("word", "-", "-", tok.start, tok.end))
            indices.append(k)
            k += 1
        else:
            break
    # A trailing verb ("people died", "workers arrived") is not part of the phrase.
    while words and words[-1].low.endswith(("ed", "ing")) and len(words[-1].low) > 3:
        words.pop()
        indices.pop()
    while words and words[-1].text == "-":
        words.pop()
        indices.pop()
    if not words:
        return None, q.last
    text = " ".join(w.text for w in words).replace(" - ", "-")
    return text, indices[-1] + 1


def _cue_window(t: list[Token], start: int, stop: int, index: dict, longest: int, lasts: frozenset) -> str | None:
    """Return the concept of the nearest cue phrase in t[start:stop], searching backwards."""
    low = lows(t)
    if lasts.isdisjoint(low[start:stop]):
        return None
    for end in range(stop, start, -1):
        if low[end - 1] not in lasts:
            continue
        for size in range(min(longest, end - start), 0, -1):
            key = tuple(low[end - size : end])
            if key in index:
                return index[key]
    return None


# id(vocab) -> (vocab, dimension by unit): a text holds few distinct units, and every claim asks.
_DIMENSIONS: dict[int, tuple[Vocabulary, dict[str, str]]] = {}


def lexical_dimension(unit: str, vocab: Vocabulary) -> str:
    """Return a unit's dimension from its words, without pint: "[currency] / [time]"."""
    known = once_per(_DIMENSIONS, vocab, lambda _: {})
    dimension = known.get(unit)
    if dimension is None:
        dimension = _dimension_of(unit, vocab)
        if len(known) < 4096:  # bounded: a text cannot fill memory with made-up units
            known[unit] = dimension
    return dimension


def _dimension_of(unit: str, vocab: Vocabulary) -> str:
    """Read a unit's dimension from its words."""

    def kind(part: str) -> str:
        if part in ("", "1"):
            return "1"
        if part in vocab.currencies:
            return "[currency]"
        if part in vocab.per.values() or part in ("decade",):
            return "[time]"
        return f"[{part}]"

    parts = [kind(p.strip()) for p in unit.split("/")]
    if parts == ["1"]:
        return ""
    return " / ".join(parts)


def concept_of(
    vocab: Vocabulary,
    t: list[Token],
    q: Quantity,
    measure: str | None,
    measure_end: int,
    floor: int,
    sentence: str,
) -> str | None:
    """Decide the concept of a quantity from nearby cues, its measure, or its unit."""
    dimension = lexical_dimension(q.unit, vocab)

    def fits(name: str) -> bool:
        concept = vocab.concepts[name]
        if concept.units and q.unit.split("/")[0].strip() not in concept.units:
            return False  # "worked for three years" is no working-hours figure
        return not concept.dimensions or dimension in concept.dimensions

    longest = vocab.longest["cue"]
    # a bound written after the figure can name its concept: "65 and over", "18 or older" are ages
    if q.modifier is not None and not q.unit:
        bound_cue = vocab.cue_index.get(tuple(q.modifier.words.lower().split()))
        if bound_cue and fits(bound_cue):
            return bound_cue
    # a cue glued to the figure wins: "a 36-year-old", "62 years old" is an age whatever the verb
    low = lows(t)
    glued_first = q.last < len(t) and low[q.last] in vocab.firsts["cue"]  # most figures have none after them
    for size in phrase_sizes(vocab.cue_index, low[q.last]) if glued_first else ():
        if size > longest or q.last + size > len(t):
            continue
        glued_cue = vocab.cue_index.get(tuple(low[q.last : q.last + size]))
        if glued_cue and fits(glued_cue):
            return glued_cue
    # a cue just before the figure, inside the clause: "the death toll at over 2,000". Each window lies
    # within a few tokens of the figure: when none of those ends a cue, neither window is walked.
    lasts = vocab.lasts["cue"]
    if not lasts.isdisjoint(low[max(floor, q.first - 6) : q.first]):
        start = q.first
        while start > max(floor, q.first - 6) and t[start - 1].kind == "word" and t[start - 1].low not in ("and", "or"):
            start -= 1
        found = _cue_window(t, start, q.first, vocab.cue_index, longest, lasts)
        if found and fits(found):
            return found
    # a cue just after the figure: "hundreds have already been killed", "300 troops died"
    if not lasts.isdisjoint(low[measure_end : measure_end + 6 + longest]):
        k = measure_end
        while k < len(t) and k < measure_end + 6 and t[k].low in AUXILIARIES:
            k += 1
        found = _cue_window(t, k, min(k + longest, len(t)), vocab.cue_index, longest, lasts)
        if found and fits(found):
            return found
    if measure:
        words = tuple(measure.lower().replace("-", " - ").split())
        for size in range(min(len(words), vocab.longest["alias"]), 0, -1):
            name = vocab.alias_index.get(words[-size:])
            if name and fits(name):
                return name
    for name, context in _context_concepts(vocab).get(dimension, ()):
        if _sentence_words(sentence) & context:
            return name
    return None


_CONTEXT_CONCEPTS: dict[int, tuple[Vocabulary, dict[str, list[tuple[str, frozenset[str]]]]]] = {}


def _context_concepts(vocab: Vocabulary) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Concepts told by context words, by dimension, in vocabulary order: built once per vocabulary, not per claim."""
    return once_per(_CONTEXT_CONCEPTS, vocab, _build_context_concepts)


def _build_context_concepts(vocab: Vocabulary) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Build the table _context_concepts returns."""
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, concept in vocab.concepts.items():
        if concept.dimensions and concept.context:
            for dimension in dict.fromkeys(concept.dimensions):
                table.setdefault(dimension, []).append((name, concept.context))
    return table


@lru_cache(maxsize=8)
def _sentence_words(sentence: str) -> frozenset[str]:
    """Return the lowercase words of a sentence, once per sentence: every claim of it asks (linear, not quadratic)."""
    return frozenset(sentence.lower().split())


def direction_of(vocab: Vocabulary, t: list[Token], q: Quantity, floor: int) -> str | None:
    """Return "up" or "down" when the figure states a change ("rose by 12%", "a 5% drop")."""
    k = q.first - 1
    if k >= floor and t[k].low == "by":
        k -= 1
    elif k > floor and t[k].low == "from" and t[k - 1].low in ("up", "down"):
        k -= 1  # "down from 300": the figure is the level the change started at
    if k >= floor:
        word = t[k].low
        if word in vocab.direction["up"]:
            return "up"
        if word in vocab.direction["down"]:
            return "down"
    if q.last < len(t):
        word = t[q.last].low
        if word in vocab.direction["up_after"]:
            return "up"
        if word in vocab.direction["down_after"]:
            return "down"
    return None


def _source_after(t: list[Token], k: int, vocab: Vocabulary) -> str | None:
    """Read a source's name after a cue: "according to [the health ministry]"."""
    words: list[Token] = []
    while k < len(t) and len(words) < 8:
        tok = t[k]
        if tok.text == "." and words and _initialism_dot(t, k):
            words.append(tok)  # "the U.S. Geological Survey", "the U.N."
            k += 1
            continue
        if tok.kind == "num" or (tok.kind == "other" and tok.text not in ("-", "'", "’", "&")):
            break
        if tok.low in ("that", "which", "who", "on", "in", "as", "and", "while") and words:
            break
        if words and (_breaks_name(tok, t[k + 1] if k + 1 < len(t) else None, vocab)):
            break  # "according to the ministry [recovered …]", "the Associated Press [four victims …]"
        words.append(tok)
        k += 1
    return _clean_source(words, vocab)


def _initialism_dot(t: list[Token], k: int) -> bool:
    """Return True for the full stop of an initialism: the dots of "U.S." and "U.N."."""
    before = t[k - 1]
    one_letter = len(before.text) == 1 and before.text.isupper() and glued(before, t[k])
    following = t[k + 1] if k + 1 < len(t) else None
    return one_letter and following is not None and len(following.text) == 1 and following.text.isupper()


def _breaks_name(tok: Token, following: Token | None, vocab: Vocabulary) -> bool:
    """Return True when a word cannot continue a source's name: a number, pronoun, verb or adverb."""
    low = tok.low
    if low in NUMBER_WORDS or low in vocab.not_sources or low in vocab.not_in_sources:
        return True
    if tok.text[:1].isupper():
        return False
    if low.endswith("ly") and len(low) > 4:
        return True
    return low.endswith(("ed", "ing")) and len(low) > 4 and not (following is not None and following.low == "by")


def _source_before(t: list[Token], k: int, floor: int, vocab: Vocabulary) -> str | None:
    """Read a source's name before a cue verb: "[the health ministry] said"."""
    words: list[Token] = []
    j = k - 1
    while j >= floor and len(words) < 6:
        tok = t[j]
        if tok.text in ("'", "’") and words and j > floor and glued(t[j - 1], tok):
            words.insert(0, tok)  # "defectors' accounts"
            j -= 1
            continue
        if tok.kind != "word" or tok.low in CLAUSE_BREAKS or tok.low in ("and", "that", "which"):
            break
        if not words and (tok.low in vocab.not_in_sources or tok.low == "also" or tok.low.endswith("ly")):
            j -= 1  # "McGurk later said", "officials reportedly said": an adverb before the cue
            continue
        if _breaks_name(tok, t[j + 1] if j + 1 < len(t) else None, vocab) and tok.low not in ("one",):
            break  # "additional bodies recovered [the toll]": a verb or number ends the name
        inner = tok.low in ("at", "of", "in", "from", "for") and words and j > floor
        if inner and t[j - 1].kind == "word" and t[j - 1].low not in STOP:
            words.insert(0, tok)  # "labourers at the plant", "the ministry of health"
            j -= 1
            continue
        if tok.low in STOP and tok.low not in ("the", "a", "an"):
            break
        words.insert(0, tok)
        j -= 1
    while words and words[0].low in ("at", "of", "in", "from", "for"):
        words.pop(0)
    if words and words[0].low in ("the", "a", "an") and len(words) == 1:
        return None
    return _clean_source(words, vocab)


_NAME_GLUE = frozenset(("the", "a", "an", "of", "for", "at", "in", "and", "from", "on", "by", "de", "du", "del", "la"))
_ROLE_ENDINGS = ("ers", "ors", "ists", "ians", "ents", "ials", "ees")


def _clean_source(words: list[Token], vocab: Vocabulary) -> str | None:
    """Return a source's name, or None when the words name no person, role, body or document.

    Leading time words ("Friday the government") and trailing adverbs and glue ("McGurk later",
    "the New York Times about") are dropped; numbers, pronouns, verbs and unit words inside
    refuse the name; a name in lowercase must end in a source noun ("officials", "the study").
    """
    while words and (words[0].low in vocab.not_in_sources or words[0].text in ("-", "'", "’")):
        words.pop(0)
    while words and (
        words[-1].low in vocab.strip_tail
        or words[-1].low in vocab.not_in_sources
        or words[-1].low in _NAME_GLUE
        or words[-1].text in ("-", "'", "’", "&")
        or (words[-1].low.endswith("ly") and not words[-1].text[:1].isupper() and len(words[-1].low) > 4)
    ):
        words.pop()
    if not words or (len(words) == 1 and words[0].low in vocab.not_sources):
        return None
    if all(w.low in ("the", "a", "an", "other", "some", "new") for w in words):
        return None
    for index, w in enumerate(words):
        low = w.low
        if (low in NUMBER_WORDS or low in DENOMINATORS or low.rstrip("s") in DENOMINATORS) and not (
            index == 0 and low in ("one", "a", "an")
        ):
            return None  # "The ten", "two hundred people", "thirds of the"
        if low in vocab.not_sources or low in vocab.not_in_sources:
            return None
        if w.kind == "word" and "'" in low.replace("’", "'") and not low.replace("’", "'").endswith("'s"):
            return None  # "I'd", "can't"
        if low in ("the", "a", "an") and index and words[index - 1].low not in _NAME_GLUE:
            return None  # "the British public the final": two noun phrases, not one name
        if low in STOP and low not in _NAME_GLUE:
            return None  # "to have done about", "the Ministry of Foreign Affairs he died at"
        if (low,) in vocab.units and len(low) > 2 and not w.text[:1].isupper():
            return None  # "a few miles off Jakarta"
        if not w.text[:1].isupper() and _breaks_name(w, words[index + 1] if index + 1 < len(words) else None, vocab):
            return None
    if not any(w.text[:1].isupper() for w in words if w.low not in ("the", "a", "an", "one")):
        head = words[-1].low
        for w in words[1:]:
            if w.low in ("of", "in", "at", "for", "from", "by", "on"):
                break
            head = w.low
        if len(words) == 1:
            head = words[0].low
        if head not in vocab.source_nouns and not head.endswith(_ROLE_ENDINGS):
            return None  # "the weekend", "the campaign trail", "fastest time"
    text = ""
    for previous, word in zip([None, *words], words, strict=False):
        glue = previous is not None and previous.end == word.start
        text += word.text if glue or not text else " " + word.text
    return text


_CLAUSE_OPENERS = CLAUSE_BREAKS | {";"}


def attributions(vocab: Vocabulary, t: list[Token]) -> list[tuple[int, int, str, str]]:
    """Return (clause start, clause end, source, cue) for each clause of a sentence.

    A clause runs to the next contrast word ("while", "but"); a cue credits the figures
    of its own clause, and a clause without a cue inherits the one before it.
    """
    n = len(t)
    low = lows(t)
    if _cue_words(vocab).isdisjoint(low):
        return []  # no cue phrase can be in the sentence: most sentences hold none
    clauses = [0]
    # Only a contrast word or ";" opens a clause; their positions are found first (most tokens are neither).
    for k in [k for k, word in enumerate(low) if word in _CLAUSE_OPENERS and k]:
        if low[k] in CLAUSE_BREAKS and low[k - 1] in (",", ";", "—", "–"):
            clauses.append(k)
        elif low[k] == ";":
            clauses.append(k + 1)
    clauses.append(n)
    found: list[tuple[int, int, str, str]] = []
    for start, end in itertools.pairwise(clauses):
        source = cue = None
        # A cue before its source ("according to X") wins over one after it ("X said").
        for k, size in _cues(vocab, t, start, end, vocab.attribution_before, "attribution_before", names_ok=True):
            source = _source_after(t, k + size, vocab)
            if source:
                cue = " ".join(x.text for x in t[k : k + size])
                break
        if source is None:
            for k, size in _cues(vocab, t, start, end, vocab.attribution_after, "attribution_after", names_ok=False):
                if k > start and t[k - 1].low in _PASSIVE:
                    continue  # "300 people were counted": a passive names what was counted, not who counted
                if k > start + 1 and t[k - 2].kind == "num" and t[k].low.endswith("ed"):
                    continue  # "the 41 people confirmed dead": a participle after a figure's noun, no one speaking
                source = _source_before(t, k, start, vocab)
                if source is None and k > start and t[k - 1].text == ",":
                    source = _source_after(t, k + size, vocab)
                if source:
                    cue = " ".join(x.text for x in t[k : k + size])
                    break
        if source is None and found and start < n and t[start].low not in CLAUSE_BREAKS:
            source, cue = found[-1][2], found[-1][3]
        if source is not None and cue is not None:
            found.append((t[start].start if start < n else 0, t[end - 1].end if end else 0, source, cue))
    return found


# id(vocab) -> (vocab, one word of every attribution cue phrase): a sentence without any of them has no cue.
_CUE_WORDS: dict[int, tuple[Vocabulary, frozenset[str]]] = {}


def _cue_words(vocab: Vocabulary) -> frozenset[str]:
    """Return one word of each attribution cue, its first unless that is an article ("a report by": "report").

    "a" starts a cue, and nearly every sentence holds an "a": testing the first words alone let nearly
    every sentence through to the clause scans.
    """
    return once_per(_CUE_WORDS, vocab, _build_cue_words)


def _build_cue_words(vocab: Vocabulary) -> frozenset[str]:
    """Build the words _cue_words returns."""
    return frozenset(
        phrase[1] if phrase[0] in ("a", "an", "the") and len(phrase) > 1 else phrase[0]
        for phrase in (*vocab.attribution_before, *vocab.attribution_after)
    )


def _cues(vocab: Vocabulary, t: list[Token], start: int, end: int, table: frozenset, name: str, names_ok: bool):
    """Yield (index, length) of the cue phrases of `table` in t[start:end], in order, longest first.

    With names_ok false, a capitalised word inside the clause is taken for part of a name
    ("United States", "Consumer Reports"), not a cue.
    """
    longest = vocab.longest[name]
    firsts = vocab.firsts[name]  # only a phrase's first word can start it
    low = lows(t)
    if firsts.isdisjoint(low[start:end]):
        return
    for k in [k for k in range(start, end) if low[k] in firsts]:
        if not names_ok and k > start and t[k].text[:1].isupper():
            continue
        for size in range(min(longest, end - k), 0, -1):
            if tuple(low[k : k + size]) in table:
                yield k, size
                break


def quote_state(text: str, start: int, end: int, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Return the quoted spans of text[start:end] and whether a quote is still open after it."""
    spans = []
    opened = start if inside else -1
    for match in _QUOTES.finditer(text, start, end):
        pos, ch = match.start(), match.group()
        if ch == "“" or (ch == '"' and opened < 0):
            if opened < 0:
                opened = pos
        elif (ch == "”" or ch == '"') and opened >= 0:
            spans.append((opened, pos + 1))
            opened = -1
    return spans, opened >= 0
