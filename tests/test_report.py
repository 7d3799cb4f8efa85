"""Structured findings (headline, reason, intervals), interval plots, and Markdown that cannot be forged."""

from __future__ import annotations

import json

import pytest

from numcheck.records import Finding
from numcheck.report.markdown import WORD_JOINER, escape
from numcheck.report.plot import ASCII, UNICODE, Bar, axis, draw, scale_line, svg
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def examples() -> dict:
    result = run_cli("check", "-f", "json", "examples/")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("rule", "headline", "intervals", "reason"),
    [
        ("hours-per-day", "A day has only 24 hours", [(25.5, 26.5), (None, 24.0)], "reads as 25.5–26.5 hour / day"),
        ("sources-disagree", "Sources disagree: workers", [(7200.0, 8800.0), (10800.0, 13200.0)], "do not overlap"),
        ("wage-arithmetic", "The hourly and the monthly pay do not add up", [(517.5, 1065.625), (95, 205)], "600–930"),
        ("outlier-source", "One source stands apart", [(1950.0, None), (50.0, 1500.0), (270.0, 330.0)], "5.9×"),
        ("part-exceeds-whole", "A part is larger than its whole", [(44.5, 45.5), (29.5, 30.5)], "at most 30.5"),
    ],
)
def test_json_findings_carry_headline_reason_and_intervals(examples, rule, headline, intervals, reason):
    found = next(f for f in examples["findings"] if f["rule"] == rule)
    assert found["headline"] == headline
    assert [(i["low"], i["high"]) for i in found["intervals"]] == intervals
    assert reason in found["reason"]
    ids = {c["id"] for c in examples["claims"]}
    assert all(i["claim"] in ids or (i["claim"] is None and i["label"]) for i in found["intervals"])
    assert "examples/" not in found["reason"]  # figures are named by their words; who and where are beside them
    assert found["message"].startswith(found["headline"].split(":")[0])  # the one-message formats keep theirs


def test_a_finding_without_structure_still_serialises():
    plain = Finding("a.md", 1, 1, "x", "bounds", "error", "message")
    assert plain.to_json()["intervals"] == [] and plain.to_json()["headline"] == ""
    assert sorted([plain, plain]) == [plain, plain]


def bar(low, high, point=None, marker="a"):
    return Bar(marker, "", low, high, point, "")


@pytest.mark.parametrize(
    ("bars", "log"),
    [
        ([bar(100, 1000), bar(1950, None)], True),  # 100 to 1,950: more than 10×
        ([bar(270, 330), bar(1950, None)], False),  # under 10×
        ([bar(-5, 5), bar(20, 30)], False),  # negative values: never log
        ([bar(None, 24), bar(25.5, 26.5)], False),
    ],
)
def test_the_axis_is_logarithmic_only_when_values_span_more_than_ten_times(bars, log):
    scale = axis(bars)
    assert scale is not None and scale.log is log
    for b in bars:  # every finite end is on the axis
        for value in (b.low, b.high):
            if value is not None:
                assert 0 < scale.at(value) < 1


@pytest.mark.parametrize(
    ("item", "chars", "drawn"),
    [
        (bar(None, 24), UNICODE, "◀"),
        (bar(1950, None), UNICODE, "▶"),
        (bar(None, 24), ASCII, "<"),
        (bar(1950, None, point=2000), ASCII, "o"),
        (bar(10, 20, point=15), UNICODE, "●"),
    ],
)
def test_open_ends_are_arrows_and_the_point_is_marked(item, chars, drawn):
    scale = axis([item, bar(0.5, 3000)])
    line = draw(item, scale, 40, chars)
    assert len(line) == 40 and drawn in line
    if chars is ASCII:
        assert line.isascii()


def test_bars_that_do_not_overlap_are_drawn_apart():
    a, b = bar(270, 330), bar(1950, None)
    scale = axis([a, b])
    first, second = draw(a, scale, 50, ASCII), draw(b, scale, 50, ASCII)
    assert first.rindex("|") < second.index("|")
    assert scale_line(scale, 50).startswith("1") and len(scale_line(scale, 50)) == 50


def test_svg_escapes_its_labels():
    drawing = svg([Bar("a", "", 1, 2, None, "<b>x</b>"), Bar("b", "", 3, 4, None, "<b>x</b>")], "error")
    assert drawing.startswith("<svg") and "<b>" not in drawing and "&lt;b&gt;" in drawing


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("<script>alert(1)</script>", "<script", "&lt;script&gt;"),
        ('<img src=x onerror="alert(1)">', "<img", "&lt;img"),
        ("![pixel](https://evil.example/p.png)", "![", "\\!\\[pixel\\]"),
        ("[click](https://evil.example)", "[click](", "\\[click\\]\\(https"),
        ("@octocat and @org/team", "@octocat", "@" + WORD_JOINER + "octocat"),
        ("a | b", " | ", "a \\| b"),
        ("line one\nline two", "\n", "line one line two"),
        ("**bold** _em_ `code` ~~x~~ $x^2$", "**bold**", "\\*\\*bold\\*\\*"),
        ("Evil\x1b[31m", "\x1b", "␛"),
    ],
)
def test_markdown_escape_shows_article_text_as_written(text, absent, present):
    out = escape(text)
    assert absent not in out and present in out


def test_markdown_report_names_the_figures_and_escapes_outlets(tmp_path):
    outlet = "<script>x</script> ![i](https://evil.example/i.png) @octocat"
    (tmp_path / "bad\nname.md").write_text(f"---\nsource: {outlet}\n---\nWorkers said they work 26 hours a day.\n")
    result = run_cli("check", "-f", "markdown", str(tmp_path))
    lines = result.stdout.splitlines()
    heading = next(line for line in lines if line.startswith("### "))
    assert "name.md" in heading  # one line: the new line in the file name does not break it
    assert "<script" not in result.stdout and "![" not in result.stdout and "@octocat" not in result.stdout
    assert "| 🔴 error | **A day has only 24 hours** `hours-per-day` |" in result.stdout
    assert any('a. "26 hours a day" read as 26 hour / day' in line.replace("\\", "") for line in lines)
