"""Property-based test: generated news-like text never breaks a claim's contract or a format.

For every claim: its text is exactly the file's text between its offsets, its line and column
match its start, its values are finite, low <= high unless a range is written high to low, and
its unit parses; nothing raises, and every output format renders. The default run is short;
`python benchmarks/fuzz.py --examples N` runs the same property for as long as you like.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import tempfile
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FORMATS = ("line", "json", "jsonl", "sarif", "github", "junit", "markdown", "table")

_DIGITS = st.integers(min_value=0, max_value=10**15).map(str)
_GROUPED = st.integers(min_value=1000, max_value=10**12).map(lambda n: f"{n:,}")
_SPACED = st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}".replace(",", st_space()))
_DECIMAL = st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 9999), st.integers(0, 999))
_NUMBER = st.one_of(
    _DIGITS,
    _GROUPED,
    _DECIMAL,
    st.sampled_from(
        [
            "12,34,567",
            ".5",
            "1.2m",
            "2.5bn",
            "$2.174T",
            "1.99×10⁻³⁰",
            "1e10",
            "10^6",
            "2 1/2",
            "½",
            "2½",
            "a hundred and two",
            "half a million",
            "a quarter of a million",
            "zero point five",
            "one and a half",
            "two-thirds",
            "one in five",
            "9 out of 10",
            "1/4",
            "dozens",
            "several hundred",
            "tens of thousands",
            "1e999",
            "1" + "0" * 320,
            "9" * 400,
            "1 000 000 000",
            "twenty-four",
            "hundreds",
            "3 dollars 50 cents",
        ]
    ),
)
_RANGE = st.one_of(
    st.builds(lambda a, b, d: f"{a}{d}{b}", _DIGITS, _DIGITS, st.sampled_from(["-", "–", "—", " to ", " - "])),
    st.builds(lambda a, b: f"between {a} and {b}", _GROUPED, _GROUPED),
    st.builds(lambda a, b: f"{a} ± {b}", _DECIMAL, _DECIMAL),
    st.builds(lambda a, b: f"{a}- to {b}-meter", st.integers(1, 99), st.integers(1, 99)),
)
_HEDGE = st.sampled_from(
    ["", "about ", "nearly ", "more than ", "at least ", "up to ", "some ", "roughly ", "just under ", "over "]
)
_CURRENCY = st.sampled_from(["", "", "$", "£", "€", "¥", "US$", "C$", "HK$", "&pound;", "&#36;"])
_UNIT = st.sampled_from(
    [
        "",
        " people",
        " workers",
        " hours a day",
        "%",
        " percent",
        " per cent",
        " km",
        " kg",
        " tonnes",
        " per hour",
        " a year",
        " million",
        " billion",
        " troops",
        "°C",
        " mph",
        " GB",
        " pp",
        " basis points",
        " deaths",
        " of the 1,200 respondents",
        " dollars",
        " euros",
        " pounds",
    ]
)
_ATTRIBUTION = st.sampled_from(
    ["", "", " officials said", " according to police", ", the ministry said;", " – a spokesman said", " said 12;"]
)
_ODD = st.sampled_from(
    [
        "\u00a0",
        "\u2009",
        "\u202f",
        "\u200b",
        "\u200d",
        "\u0301",
        "\u200f",
        "\u202e",
        "\u2028",
        "\f",
        "\r\n",
        "\r",
        "\t",
        "&nbsp;",
        "&#50;&#54;",
        "&amp;",
        "\x1b[31m",
        "\ufeff",
        "\U0001f4a5",
    ]
)
_RTL = st.sampled_from(["", "", "قال المسؤولون ", "לפי המשטרה ", "ومن بين ١٢ "])
_WORDS = st.sampled_from(
    ["The toll rose to", "Workers earn", "In 2024,", "Since March 3,", "It fell", "Version 2.3.1 shows",
     "Call 555-0100 for", "F-16 jets and", "COVID-19 cases hit", "The score was 3-1 and", "Prices doubled to",
     "Article 5 says", "Turnout was", "Exports grew 20% to", "A draft"]
)  # fmt: skip


def st_space() -> str:
    """A grouping space: one ordinary space (the thousands reader accepts no other kind in text)."""
    return " "


_FIGURE = st.builds(
    lambda w, h, c, n, u, a, r: f"{r}{w} {h}{c}{n}{u}{a}",
    _WORDS,
    _HEDGE,
    _CURRENCY,
    st.one_of(_NUMBER, _RANGE),
    _UNIT,
    _ATTRIBUTION,
    _RTL,
)
# Any characters at all, now and then: what no list of cases thought of.
_NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)  # NUL: binary
_SENTENCE = st.builds(
    lambda parts, odd, end: odd.join(parts) + end,
    st.lists(st.one_of(_FIGURE, _FIGURE, _FIGURE, _NOISE), min_size=1, max_size=3),
    st.one_of(st.just(" "), _ODD, _NOISE),
    st.sampled_from([".", ".", "!", "?", ";", "", "…"]),
)
_BLOCK = st.one_of(
    _SENTENCE,
    _SENTENCE.map(lambda s: "# " + s),
    _SENTENCE.map(lambda s: "- " + s),
    _SENTENCE.map(lambda s: "> " + s),
    _SENTENCE.map(lambda s: "1. " + s),
    _SENTENCE.map(lambda s: f"| {s} | 12 |\n|---|---|\n| 3 | 4 |"),
    _SENTENCE.map(lambda s: f"```\n{s}\n```"),
    _SENTENCE.map(lambda s: f"`{s}` and [{s}](http://example.org/{s[:5]})"),
    _SENTENCE.map(lambda s: f"<p>{s}</p><!-- 12 -->"),
    _SENTENCE.map(lambda s: f"<!-- numcheck: disable-next-line hours-per-day -->\n{s}"),
)
_FRONT = st.sampled_from(["", "", "---\ndate: 2025-03-14\nsource: Wire\n---\n", "---\r\ndate: 2025-03-14\r\n---\r\n"])
NEWS = st.builds(
    lambda front, blocks, newline: front + newline.join(blocks) + newline,
    _FRONT,
    st.lists(_BLOCK, min_size=1, max_size=6),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\f\n"]),
)
KINDS = st.sampled_from(["md", "txt", "html"])


def property_failures(text: str, suffix: str, folder: Path) -> list[str]:
    """Run the real pipeline and every format on one text; return every broken property (empty: all hold)."""
    from numcheck.config import Config
    from numcheck.normalise.units import check_unit
    from numcheck.pipeline import Settings, check, read_and_extract
    from numcheck.read.sources import load
    from numcheck.report import summary, summary_line
    from numcheck.report.output import write_report

    path = folder / f"draft.{suffix}"
    path.write_bytes(text.encode("utf-8"))
    settings = Settings(today="2026-01-01", undecidable=True)
    run = read_and_extract([str(path)], settings)
    problems = [f"read: {m}" for m in run.usage_errors]
    doc = load(str(path))
    for c in run.claims:
        where = f"claim {c.text!r} at {c.start}"
        if c.text != doc.text[c.start : c.end]:
            problems.append(f"{where}: text is not file[start:end] ({doc.text[c.start : c.end]!r})")
        if doc.position(c.start) != (c.line, c.column):
            problems.append(f"{where}: line/column {c.line}:{c.column} but start is at {doc.position(c.start)}")
        values = [c.value, c.precision] + [v for v in (c.low, c.high) if v is not None]
        if not all(math.isfinite(v) for v in values):
            problems.append(f"{where}: a value is not finite {values}")
        if c.low is not None and c.high is not None and c.low > c.high and c.qualifier != "range":
            problems.append(f"{where}: low {c.low} above high {c.high} but it is no range written high to low")
        try:
            check_unit(c.unit, where)
        except Exception as exc:
            problems.append(f"{where}: unit {c.unit!r} does not parse: {exc}")
    check(run, settings, Config())
    counts = summary(run.findings, run.files, len(run.claims))
    for fmt in FORMATS:
        out = folder / f"report.{fmt}"
        with contextlib.redirect_stderr(io.StringIO()):  # the summary line, once per format
            write_report(fmt, run, counts, summary_line(counts), str(out))
        rendered = out.read_text(encoding="utf-8")
        if fmt in ("json", "sarif"):
            import json

            json.loads(rendered)
        if fmt == "junit":
            import xml.dom.minidom

            xml.dom.minidom.parseString(rendered)
        if fmt == "line" and len(rendered.splitlines()) != len(run.findings):
            problems.append(f"line: {len(run.findings)} findings but {len(rendered.splitlines())} lines")
    return problems


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples on every run: the suite stays repeatable; benchmarks/fuzz.py explores
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=NEWS, suffix=KINDS)
def test_generated_news_keeps_every_claim_contract(text, suffix):
    os.environ["NUMCHECK_DEBUG"] = "1"  # an internal error raises here instead of becoming a file's error
    try:
        with tempfile.TemporaryDirectory() as folder:
            assert property_failures(text, suffix, Path(folder)) == []
    finally:
        del os.environ["NUMCHECK_DEBUG"]
