"""No quadratic path: the work of each stage grows linearly, counted in executed lines, never timed."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from numcheck.config import Config
from numcheck.extract import extract
from numcheck.pipeline import Settings, check, read_and_extract, suppress
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.read.suppressions import Suppression
from numcheck.records import Claim, Finding
from numcheck.rules.kinds.agreement import NAMED, best_point
from numcheck.vocab import default_vocabulary

PACKAGE = str(Path(__file__).resolve().parents[1] / "cli" / "numcheck")
GROWTH = 11  # 10x the input may cost at most 11x the work (the goal)


def lines_run(work) -> int:
    """Return how many lines of numcheck's own code `work()` executes (a deterministic count of its work)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    work()  # warm caches (vocabulary, compiled patterns) so that only the work itself is counted
    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def growth(make, small: int) -> float:
    """Return the ratio of work for 10x the input over the input."""
    return lines_run(make(small * 10)) / lines_run(make(small))


def _extract(text: str):
    vocab = default_vocabulary()
    return lambda: extract(Document("a.txt", text, prose_view(text, "text")), vocab)


def _claim(index: int, low: float, high: float, source: str = "story/a.txt") -> Claim:
    return Claim(
        source=source,
        start=index,
        end=index + 1,
        id=str(index),
        line=1,
        column=1,
        text="1",
        value=(low + high) / 2,
        low=low,
        high=high,
        unit="",
        qualifier="exact",
        outlet=f"outlet {index}",
    )


def _findings_and_comments(n: int):
    findings = [
        Finding(
            source=f"f{i % 10}.md", line=i, column=1, rule="hours-per-day", kind="bounds", level="error", message=""
        )
        for i in range(n)
    ]
    comments = [Suppression(f"f{i % 10}.md", i, i + 1, i + 1, ("hours-per-day",)) for i in range(0, n, 2)]
    return lambda: suppress(findings, comments, warn_unused=True)


def _story(tmp_path: Path):
    """A folder of `n` reports of one story: all agree but one, which stands apart."""

    def make(n: int):
        folder = tmp_path / f"story{n}"
        folder.mkdir()
        for i in range(n):
            value = 2000 if i == 0 else 300 + (i % 7) * 5
            (folder / f"r{i:05}.txt").write_text(f"About {value} workers were killed, officials said.\n")
        settings = Settings()
        run = read_and_extract([str(folder)], settings)
        return lambda: check(run, settings, Config())

    return make


@pytest.mark.parametrize(
    ("what", "make", "small"),
    [
        # 200 figures: a clause reaches 40 tokens each side, so a shorter line has not yet filled it
        ("figures on one line", lambda n: _extract(" ".join(str(i % 97 + 3) for i in range(n)) + "."), 200),
        (
            "attributed clauses in one sentence",
            lambda n: _extract("".join(f"Officials said {i % 90 + 10} workers died; " for i in range(n)) + "end."),
            50,
        ),
        (
            "time anchors among figures",
            lambda n: _extract(" ".join(f"{i % 90 + 10} jobs in {1990 + i % 30}" for i in range(n)) + "."),
            50,
        ),
        (
            # cue words with runs of blanks, articles: where anchors and figures may begin but mostly do not
            "anchor cue words and articles among figures",
            lambda n: _extract(
                " ".join(f"in \t  a house by the {i % 90 + 10} cars from  {1990 + i % 30}" for i in range(n))
            ),
            50,
        ),
        (
            "overlapping readings",
            lambda n: lambda: best_point([(_claim(i, i, i + n), (float(i), float(i + n))) for i in range(n)]),
            200,
        ),
        ("suppressions", _findings_and_comments, 200),
    ],
)
def test_work_grows_linearly(what, make, small):
    assert growth(make, small) <= GROWTH, what


def test_reports_of_one_story_grow_linearly(tmp_path):
    assert growth(_story(tmp_path), 20) <= GROWTH


def _town(i: int) -> str:
    """A made-up capitalised place name per number: Abab, Abac, ..."""
    letters = "".join("abcdefghij"[int(d)] for d in f"{i:04}")
    return letters.capitalize()


_MONTHS = ("January", "March", "May", "July", "September", "November")


def _tolls(tmp_path: Path, sentence):
    """One article of `n` tolls of one concept, each in its own place or on its own date: no two state one
    quantity, so each is a group of its own."""

    def make(n: int):
        article = tmp_path / f"tolls{n}" / "article.txt"
        article.parent.mkdir()
        article.write_text(" ".join(sentence(i) for i in range(n)))
        settings = Settings()
        run = read_and_extract([str(article)], settings)
        assert len({(c.scope, c.when) for c in run.claims}) == n  # every toll names its own place or date
        return lambda: check(run, settings, Config())

    return make


@pytest.mark.parametrize(
    "sentence",
    [
        lambda i: f"In {_town(i)}, {i % 50 + 10} people drowned.",
        lambda i: f"On {_MONTHS[i // 28 % 6]} {i % 28 + 1}, {1990 + i // 168}, {i % 50 + 10} people drowned.",
    ],
    ids=["places", "dates"],
)
def test_figures_of_one_concept_that_never_unify_grow_linearly(tmp_path, sentence):
    assert growth(_tolls(tmp_path, sentence), 30) <= GROWTH


@pytest.mark.parametrize("sources", [3, NAMED, NAMED + 1, 40])
def test_agreement_messages_name_a_few_sources_and_count_the_rest(tmp_path, sources):
    for i in range(sources):
        (tmp_path / f"r{i:03}.txt").write_text(f"About 300 workers were killed, officials in town {i} said.\n")
    settings = Settings()
    run = read_and_extract([str(tmp_path)], settings)
    check(run, settings, Config())
    (agree,) = [f for f in run.findings if f.rule == "sources-agree"]
    assert len(agree.claims) == sources  # every agreeing figure is still linked
    named = agree.message.count('"About 300"')
    assert named == min(sources, NAMED)
    if sources > NAMED:
        assert agree.message.endswith(f"and {sources - NAMED} more")
    else:
        assert "more" not in agree.message


def test_best_point_finds_the_most_shared_value():
    readings = [(_claim(i, lo, hi), (lo, hi)) for i, (lo, hi) in enumerate([(0, 10), (5, 15), (9, 20), (30, 40)])]
    point, agreeing = best_point(readings)
    assert point == 9
    assert [r[1] for r in agreeing] == [(0, 10), (5, 15), (9, 20)]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("x9" * 30_000, 6),  # no space: cut at the limit
        ("Officials said 12 workers died; " * 2_000, 7),  # cut at a space
        ("A short sentence with 12 workers.", 1),
    ],
)
def test_long_sentences_are_read_in_bounded_pieces(text, pieces):
    from numcheck.extract import MAX_SENTENCE, _bounded

    spans = list(_bounded([(0, len(text))], text))
    assert len(spans) == pieces
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))  # nothing skipped, nothing read twice
    assert all(end - start <= MAX_SENTENCE for start, end in spans)


def test_a_huge_line_of_figures_is_read_piece_by_piece():
    text = "Officials said 12 workers died; " * 2_000 + "end."
    claims = _extract(text)()
    assert len(claims) == 2_000
    # Only a figure whose clause a cut separates from its "Officials said" loses the attribution.
    assert sum(c.attribution == "Officials" for c in claims) >= 2_000 - 10


_LINK_TEXTS = [
    "Write to press@example.org or see https://example.com/a?id=2024 and www.example.net/x.",
    "x" * 70 + "@example.com is one address; a@b is none; @alone; trailing@",
    "http://user@host.com/path@x.org then ftp://files.example.org/1.zip",
    "wwww.example.com, hhttp://x.org, 1www.x.org, _www.x.org, (https://a.b)",
    "mail<a@b.co>https://x.y<c@d.ee> and a.b+c-d@e-f.g.h.",
    "www.",
    "https:// spaced, @@@, a@b.c@d.e",
    "é" * 5 + "@exämple.org and ünïcode@host.de",
]


@pytest.mark.parametrize("text", _LINK_TEXTS)
def test_link_spans_are_the_spans_of_a_full_scan(text):
    """_link_spans tries the link pattern only where a link can start; it must find what a scan of every place finds."""
    from numcheck.read.markup import _LINK, _link_spans

    assert _link_spans(text) == [m.span() for m in _LINK.finditer(text)]


def test_link_spans_scan_the_text_once(monkeypatch):
    """Many "@" handles and no URL: each search for the next URL start goes on from where the last one stopped
    (searching again from every "@" rescanned the rest of the text: minutes on a few MB). Counted in characters."""
    from numcheck.read import markup

    scanned = []
    real = markup._URL_START

    class Counting:
        def search(self, text, pos=0):
            found = real.search(text, pos)
            scanned.append((found.start() if found else len(text)) - pos)
            return found

    monkeypatch.setattr(markup, "_URL_START", Counting())
    text = "A post by @cityhall said 40 people died. " * 2_000 + "See https://example.org/a for more."
    spans = markup._link_spans(text)
    assert spans == [m.span() for m in markup._LINK.finditer(text)]
    assert sum(scanned) <= len(text)


def test_link_spans_work_grows_linearly():
    from numcheck.read.markup import _link_spans

    def make(n: int):
        text = " ".join(f"word{i} x@y.org http://e.org/{i}" if i % 50 == 0 else f"word{i} and more" for i in range(n))
        return lambda: _link_spans(text)

    assert growth(make, 500) <= GROWTH
