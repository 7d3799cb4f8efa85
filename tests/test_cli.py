"""The real CLI: exit codes, formats, the story it was built for, and bad input."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, run_cli

STORY = str(EXAMPLES / "drone-workers" / "report.md")
SECOND = str(EXAMPLES / "drone-workers" / "second-report.txt")
DRAFT = str(EXAMPLES / "drafts" / "factory-draft.md")


def test_story_claims_are_read_as_intervals():
    result = run_cli("extract", "--format", "json", STORY)
    assert result.returncode == 0, result.stderr
    claims = {c["text"]: c for c in json.loads(result.stdout)["claims"]}
    expected = {
        "about 12,000": (12000, 12000, "", "approximate", "North Korean workers", "Ukraine's military intelligence"),
        "approximately $2.5 per hour": (2.5, 2.5, "USD / hour", "approximate", None, None),
        "12-hour": (12, 12, "hour", "exact", "shifts", None),
        "18 hours a day": (18, 18, "hour / day", "exact", None, "defectors' accounts"),
        "$100-200 per month": (100, 200, "USD / month", "range", None, "defectors' accounts"),
        "more than 10,000": (10000, None, "", "lower_bound", "North Korean soldiers", "South Korean intelligence"),
        "hundreds": (100, 1000, "", "vague", None, "South Korean intelligence"),
        "over 2,000": (2000, None, "", "lower_bound", "troops", "Euractiv"),
        "35 to 50%": (35, 50, "percent", "range", "ammunition needs", "analysts"),
    }
    assert set(claims) == set(expected)
    for text, (low, high, unit, qualifier, measure, attribution) in expected.items():
        c = claims[text]
        assert (c["low"], c["high"], c["unit"], c["qualifier"], c["measure"], c["attribution"]) == (
            low,
            high,
            unit,
            qualifier,
            measure,
            attribution,
        ), text
    assert claims["hundreds"]["concept"] == claims["over 2,000"]["concept"] == "deaths"
    assert not any("2025" in t for t in claims)


def test_story_findings_and_exit_code():
    result = run_cli("check", "--format", "json", STORY, SECOND)
    assert result.returncode == 0, result.stderr  # warnings only: the default fail level is error
    findings = json.loads(result.stdout)["findings"]
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f["message"])
    deaths = [m for m in by_rule["sources-disagree"] if '"hundreds"' in m and "over 2,000" in m]
    assert deaths and "South Korean intelligence" in deaths[0] and "Euractiv" in deaths[0]
    assert any("workers" in m and "Some 8,000" in m for m in by_rule["sources-disagree"])
    (wage,) = by_rule["wage-arithmetic"]
    assert "600–930 USD / month" in wage and "$100-200 per month" in wage and "working days a month" in wage
    (hours,) = by_rule["working-hours-differ"]
    assert "12-hour" in hours and "18 hours a day" in hours
    assert {f["level"] for f in findings if f["rule"] == "working-hours-differ"} == {"info"}


def test_draft_with_plausibility_errors_fails():
    result = run_cli("check", DRAFT)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(":8:" in line and " error hours-per-day " in line for line in lines)
    assert any(" error share-over-100 " in line and "120%" in line for line in lines)
    assert any(":14:" in line and " error part-exceeds-whole " in line for line in lines)
    assert "3 errors" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["check", "--fail-on", "warning", STORY], 1),
        (["check", "--fail-on", "never", DRAFT], 0),
        (["check", "--no-default-rules", DRAFT], 0),
        (["check", "--format", "nope", DRAFT], 2),
        (["rules"], 0),
        (["--version"], 0),
        (["frobnicate"], 2),
    ],
)
def test_exit_codes(args, code):
    assert run_cli(*args).returncode == code


def test_stdin_and_line_format():
    result = run_cli("check", "-", stdin="They work 26 hours a day.\n")
    assert result.returncode == 1
    assert result.stdout.startswith("-:1:11: error hours-per-day ")


def test_table_format_prints_summary():
    result = run_cli("check", "--format", "table", DRAFT)
    assert "hours-per-day" in result.stdout and "3 errors in 1 file" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.md", None, "no such file or directory"),
        ("binary.txt", b"\x00\x01\x02abc", "binary file"),
        ("latin1.txt", "caf\xe9 12 workers".encode("latin-1"), "not valid UTF-8"),
        ("big.txt", b"12 workers. " * 1_000_000, "larger than 10 MB"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run_cli("check", str(path))
    assert result.returncode == 2
    assert message in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_one_bad_file_among_good_ones_is_an_error_after_the_others_are_checked(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    result = run_cli("check", "-f", "line", str(bad), DRAFT)
    assert result.returncode == 2  # the draft is still checked and reported; the bad file fails the run
    assert "hours-per-day" in result.stdout
    assert "error:" in result.stderr and "binary file" in result.stderr


def test_folder_without_text_files(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2 and "no .txt, .md" in result.stderr


def test_bad_rule_file_exits_2(tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("rules:\n  - id: x1\n    kind: bounds\n    level: loud\n")
    result = run_cli("check", "--rules", str(rules), DRAFT)
    assert result.returncode == 2
    assert f"{rules}:4: rule 'x1': key 'level'" in result.stderr and "Traceback" not in result.stderr


MANIFEST = """sources:
  - file: a.md
    outlet: Daily Planet
    date: 2026-11-27
  - file: b.txt
    outlet: Evening Star
"""


def test_sources_manifest_names_outlets_in_findings(tmp_path):
    (tmp_path / "a.md").write_text("About 300 people were killed in the attack, police said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Some 2,000 people were killed in the attack, police said.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(MANIFEST, encoding="utf-8")
    result = run_cli("check", "--format", "line", "--sources", str(tmp_path / "sources.yaml"), str(tmp_path))
    assert "sources-disagree" in result.stdout, result.stdout + result.stderr
    assert "police in Daily Planet" in result.stdout and "police in Evening Star" in result.stdout


def test_the_same_attribution_in_two_outlets_is_two_sources(tmp_path):
    (tmp_path / "a.txt").write_text("About 300 people were killed, police said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Some 2,000 people were killed, police said.\n", encoding="utf-8")
    without = run_cli("check", "--format", "line", str(tmp_path))
    assert "sources-disagree" in without.stdout  # two files are two sources even without a manifest


@pytest.mark.parametrize(
    ("front", "options", "expected"),
    [
        ("---\ndate: 2026-11-27\n---\n", [], "stale-date"),
        ("", ["--date", "2026-11-27"], "stale-date"),
        ("---\ndate: 2024-01-01\n---\n", [], None),
        ("", [], None),
    ],
)
def test_stale_dates_use_front_matter_or_date_option(tmp_path, front, options, expected):
    path = tmp_path / "draft.md"
    path.write_text(front + "Russia will bring 12,000 workers by the end of 2025.\n", encoding="utf-8")
    result = run_cli("check", "--format", "line", *options, str(path))
    if expected:
        assert expected in result.stdout
    else:
        assert "stale-date" not in result.stdout


def test_undecidable_checks_are_listed_only_when_asked(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text("The firm cut 4,000 jobs, or 25%.\n", encoding="utf-8")
    quiet = run_cli("check", "--format", "line", str(path))
    loud = run_cli("check", "--format", "line", "--show-undecidable", str(path))
    assert "Undecidable" not in quiet.stdout
    assert "info share-arithmetic Undecidable (share-arithmetic)" in loud.stdout
    assert quiet.returncode == loud.returncode == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--date", "27/11/2026"], "--date: expected YYYY-MM-DD"),
        (["--sources", "missing.yaml"], "missing.yaml: no such sources manifest"),
    ],
)
def test_bad_date_or_manifest_is_a_usage_error(arguments, message):
    result = run_cli("check", *arguments, DRAFT)
    assert result.returncode == 2 and message in result.stderr


def test_strict_rules_flag_unattributed_figures():
    result = run_cli("check", "--format", "line", "--rules", str(EXAMPLES / "strict-rules.yaml"), DRAFT)
    assert "strict-needs-attribution" in result.stdout
