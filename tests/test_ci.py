"""numcheck in a CI pipeline: formats, suppressions, configuration, baselines and --diff, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from numcheck.report.github import escape_data, escape_property
from tests.conftest import run_cli

BAD = "Workers say they work 26 hours a day.\n"
ALSO_BAD = "In a survey, 120% of respondents agreed.\n"


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- formats ---------------------------------------------------------------------------


def test_sarif_has_what_github_code_scanning_requires(tmp_path):
    path = write(tmp_path, "draft.md", "---\ndate: 2026-01-01\n---\n\nIntro.\n\n" + BAD)
    result = run_cli("check", "--format", "sarif", str(path), cwd=tmp_path)
    log = json.loads(result.stdout)
    assert log["$schema"].endswith("sarif-2.1.0.json") and log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for rule in rules.values():
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    (result_,) = run["results"]
    assert result_["ruleId"] == "hours-per-day" and result_["level"] == "error"
    assert run["tool"]["driver"]["rules"][result_["ruleIndex"]]["id"] == "hours-per-day"
    assert result_["message"]["text"].startswith("A day has only 24 hours")
    location = result_["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft.md"  # relative, forward slashes
    region = location["region"]
    line = path.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "26 hours a day"  # end column exclusive
    assert region["endLine"] == region["startLine"] == 7
    assert result_["partialFingerprints"]["numcheckFinding/v1"]


def test_github_annotations_escape_messages_and_properties(tmp_path):
    rules = write(
        tmp_path,
        "rules.yaml",
        "rules:\n  - id: odd-headline\n    kind: bounds\n    level: warning\n    description: d\n"
        '    message: "100%: a, b"\n    max: 24\n    unit: hour / day\n    select: {unit: hour / day}\n'
        '    examples: {trigger: ["They work 30 hours a day."], pass: ["They work 3 hours a day."]}\n',
    )
    path = write(tmp_path, "draft,v1:final.md", BAD)
    result = run_cli("check", "-f", "github", "--no-default-rules", "--rules", str(rules), str(path), cwd=tmp_path)
    (line,) = result.stdout.splitlines()
    assert line.startswith("::warning file=draft%2Cv1%3Afinal.md,line=1,col=23,endLine=1,endColumn=37,")
    assert "title=numcheck odd-headline::100%25: a, b: " in line


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [("50% of 3:4, ok\nnext\r", "50%25 of 3:4, ok%0Anext%0D", "50%25 of 3%3A4%2C ok%0Anext%0D")],
)
def test_github_escaping(text, data, prop):
    assert (escape_data(text), escape_property(text)) == (data, prop)


def test_github_is_the_default_in_actions_and_writes_the_step_summary(tmp_path):
    path = write(tmp_path, "a.md", BAD + "\n" + ALSO_BAD)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [os.sys.executable, "-m", "numcheck", "check", str(path)], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    lines = result.stdout.splitlines()
    assert [x.split(" ", 1)[0] for x in lines] == ["::error", "::error"]
    report = summary.read_text(encoding="utf-8")
    assert "## numcheck" in report and "| 🔴 error | **A day has only 24 hours** `hours-per-day` |" in report


def test_junit_has_one_case_per_file_and_a_failure_per_finding(tmp_path):
    write(tmp_path, "docs/bad.md", BAD + "\n" + ALSO_BAD)
    write(tmp_path, "docs/good.md", "The plant has 40 machines.\n")
    result = run_cli("check", "-f", "junit", str(tmp_path / "docs"), cwd=tmp_path)
    suite = ET.fromstring(result.stdout).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"docs/bad.md", "docs/good.md"}
    assert len(cases["docs/bad.md"].findall("failure")) == 2 and not cases["docs/good.md"].findall("failure")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"


def test_jsonl_markdown_and_output_file(tmp_path):
    path = write(tmp_path, "a.md", BAD)
    jsonl = run_cli("check", "-f", "jsonl", str(path))
    (record,) = [json.loads(x) for x in jsonl.stdout.splitlines()]
    assert record["rule"] == "hours-per-day" and record["fingerprint"]
    out = tmp_path / "report.md"
    result = run_cli("check", "-f", "markdown", "--output", str(out), str(path))
    assert result.stdout == "" and "1 error in 1 file" in result.stderr
    assert "| 🔴 error | **A day has only 24 hours** `hours-per-day` |" in out.read_text(encoding="utf-8")


def test_exit_zero_keeps_usage_errors(tmp_path):
    path = write(tmp_path, "a.md", BAD)
    assert run_cli("check", "--exit-zero", str(path)).returncode == 0
    assert run_cli("check", "--exit-zero", str(path), str(tmp_path / "missing.md")).returncode == 2


# -- reading ---------------------------------------------------------------------------


def test_markdown_positions_survive_front_matter_and_code(tmp_path):
    text = (
        "---\ntitle: 40 hours\ndate: 2026-01-01\n---\n\n```python\nhours = 30 * 24\n```\n\n"
        "    indented 99 hours a day\n\nThey `say 31` they work **26 hours a day** ([link](http://x/26)).\n"
    )
    path = write(tmp_path, "a.md", text)
    claims = json.loads(run_cli("extract", "-f", "json", str(path)).stdout)["claims"]
    column = text.splitlines()[11].index("26 hours a day") + 1
    assert [(c["text"], c["line"], c["column"]) for c in claims] == [("26 hours a day", 12, column)]


def test_stdin_with_a_file_name(tmp_path):
    text = "---\ndate: 2026-01-01\n---\n" + BAD
    result = run_cli("check", "-f", "line", "--stdin-filename", "news/draft.md", "-", stdin=text)
    assert result.stdout.startswith("news/draft.md:4:23: error hours-per-day")


def test_exclude_globs_from_the_configuration(tmp_path):
    write(tmp_path, "numcheck.yaml", "exclude: ['archive/*']\n")
    write(tmp_path, "archive/old.md", BAD)
    write(tmp_path, "new.md", ALSO_BAD)
    result = run_cli("check", "-f", "line", str(tmp_path))
    assert "new.md" in result.stdout and "old.md" not in result.stdout


# -- suppressions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "silenced"),
    [
        ("<!-- numcheck: disable-next-line hours-per-day -- checked with the union -->\n" + BAD, True),
        ("<!-- numcheck: disable-next-line -->\n" + BAD, True),
        ("<!-- numcheck: disable-next-line share-over-100 -->\n" + BAD, False),
        ("<!-- numcheck: disable hours-per-day -->\n\n" + BAD + "\n<!-- numcheck: enable hours-per-day -->\n", True),
        ("<!-- numcheck: disable -->\n\n<!-- numcheck: enable -->\n\n" + BAD, False),
        ("<!-- numcheck: disable-file hours-per-day -->\n\n" + BAD, True),
        (BAD + "\n<!-- numcheck: disable-next-line hours-per-day -->\n", False),
    ],
)
def test_suppression_comments(tmp_path, text, silenced):
    path = write(tmp_path, "a.md", text)
    result = run_cli("check", "-f", "line", str(path))
    assert ("hours-per-day" not in result.stdout) is silenced


def test_unused_suppressions_are_reported_on_request(tmp_path):
    path = write(tmp_path, "a.md", "<!-- numcheck: disable-next-line share-over-100 -->\n" + BAD)
    quiet = run_cli("check", "-f", "line", str(path))
    loud = run_cli("check", "-f", "line", "--warn-unused-suppressions", str(path))
    assert "unused-suppression" not in quiet.stdout
    assert f"{path}:1:1: warning unused-suppression" in loud.stdout


# -- configuration ---------------------------------------------------------------------


def test_configuration_is_found_in_a_parent_folder(tmp_path):
    write(tmp_path, "numcheck.yaml", "ignore: [hours-per-day]\nlevels: {share-over-100: warning}\n")
    path = write(tmp_path, "desk/drafts/a.md", BAD + "\n" + ALSO_BAD)
    result = run_cli("check", "-f", "line", str(path))
    assert "hours-per-day" not in result.stdout and " warning share-over-100 " in result.stdout
    assert result.returncode == 0  # the only finding is now a warning
    isolated = run_cli("check", "-f", "line", "--isolated", str(path))
    assert "hours-per-day" in isolated.stdout and isolated.returncode == 1


UNHEEDED = {
    "two folders, two files": (["a", "b"], ["b: its own b/numcheck.yaml is not read: the run uses a/numcheck.yaml"]),
    "a folder without one": (["a", "c"], ["c: has no configuration file, yet the run applies a/numcheck.yaml"]),
    "the first without one": (["c", "a"], ["a: its own a/numcheck.yaml is not read: the first path has none"]),
    "files under one file": (["a/x.md", "a"], []),
    "one warning a folder": (["a", "b", "b/y.md"], ["b: its own b/numcheck.yaml is not read"]),
    "a missing path": (["a", "gone"], []),
    "a broken file the run never reads": (["a", "e"], []),
    "a shared parent's file": (["d/one", "d/two"], []),
    "--isolated reads none": (["a", "b", "--isolated"], []),
    "one path": (["b"], []),
}


@pytest.mark.parametrize(("args", "warned"), UNHEEDED.values(), ids=UNHEEDED)
def test_a_folder_whose_own_configuration_the_run_does_not_read_is_named(tmp_path, args, warned):
    """One configuration applies to a run: a checked folder with another gets a warning, not silence."""
    write(tmp_path, "a/numcheck.yaml", "fail-on: warning\n")
    write(tmp_path, "b/numcheck.yaml", "fail-on: info\n")
    write(tmp_path, "d/.numcheck.yaml", "fail-on: info\n")
    write(tmp_path, "e/pyproject.toml", "[tool.numcheck\nfail-on = \n")
    for name in ("a/x.md", "b/y.md", "c/z.md", "d/one/r.md", "d/two/s.md", "e/w.md"):
        write(tmp_path, name, "About 300 people died.\n")
    result = run_cli("check", *args, cwd=tmp_path)
    lines = [line for line in result.stderr.splitlines() if line.startswith("numcheck: warning:")]
    assert len(lines) == len(warned) and all(line.endswith("; check it separately") for line in lines)
    assert all(line.startswith(f"numcheck: warning: {w}") for line, w in zip(lines, warned, strict=True))
    assert result.returncode == (2 if "gone" in args else 0) and "no findings" in result.stderr


def test_pyproject_table_extend_and_command_line_precedence(tmp_path):
    write(tmp_path, "base.yaml", "fail-on: warning\nselect: [hours]\n")
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n\n[tool.numcheck]\nextend = "base.yaml"\n')
    path = write(tmp_path, "a.md", BAD + "\n" + ALSO_BAD)
    result = run_cli("check", "-f", "line", str(path))
    assert "hours-per-day" in result.stdout and "share-over-100" not in result.stdout
    assert run_cli("check", "--fail-on", "never", str(path)).returncode == 0
    shown = run_cli("config", str(tmp_path))
    assert "base.yaml" in shown.stdout and "pyproject.toml" in shown.stdout and "fail-on: warning" in shown.stdout


def test_select_turns_on_a_rule_that_is_off_by_default(tmp_path):
    write(tmp_path, ".numcheck.yaml", "select: [needs-attribution]\n")
    path = write(tmp_path, "a.md", "About 300 people died.\n")
    assert "needs-attribution" in run_cli("check", "-f", "line", str(path)).stdout


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("fail-on: loud\n", "numcheck.yaml:1: configuration: key 'fail-on'"),
        ("colour: red\n", "unknown key 'colour'"),
        ("levels: {no-such-rule: info}\n", "no rule 'no-such-rule' is loaded"),
        ("hedges: {about: {below: '1.0e3'}}\n", "hedges: 'about': key 'below'"),
    ],
)
def test_bad_configuration_is_one_line_and_exit_2(tmp_path, config, message):
    write(tmp_path, "numcheck.yaml", config)
    path = write(tmp_path, "a.md", BAD)
    result = run_cli("check", str(path))
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_hedge_margins_can_be_tuned(tmp_path):
    text = "About 300 people died on Monday. Exactly 340 people died on Monday.\n"
    path = write(tmp_path, "a.md", text)
    assert "About 300" in run_cli("check", "-f", "line", str(path)).stdout  # 270–330 misses 340
    write(tmp_path, "numcheck.yaml", "hedges: {about: {below: 0.2, above: 0.2}}\n")
    assert run_cli("check", "-f", "line", str(path)).stdout == ""  # 240–360 holds it


# -- adopting it on an archive ---------------------------------------------------------


def test_baseline_survives_inserted_lines_and_lets_new_findings_through(tmp_path):
    path = write(tmp_path, "a.md", BAD)
    baseline = tmp_path / "baseline.json"
    recorded = run_cli("check", "--write-baseline", str(baseline), str(path))
    assert recorded.returncode == 0 and json.loads(baseline.read_text())["findings"][0]["rule"] == "hours-per-day"
    path.write_text("# A new heading\n\nA new paragraph.\n\n" + BAD, encoding="utf-8")
    moved = run_cli("check", "-f", "line", "--baseline", str(baseline), str(path))
    assert moved.stdout == "" and moved.returncode == 0
    path.write_text("# A new heading\n\n" + ALSO_BAD + "\n" + BAD, encoding="utf-8")
    fresh = run_cli("check", "-f", "line", "--baseline", str(baseline), str(path))
    assert fresh.stdout.count("\n") == 1 and "share-over-100" in fresh.stdout and fresh.returncode == 1


def test_bad_baseline_is_a_usage_error(tmp_path):
    path = write(tmp_path, "a.md", BAD)
    write(tmp_path, "b.json", "[1, 2]")
    result = run_cli("check", "--baseline", str(tmp_path / "b.json"), str(path))
    assert result.returncode == 2 and "not a numcheck baseline" in result.stderr


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_diff_reports_only_changed_lines(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "t")
    path = write(tmp_path, "a.md", BAD)
    git(tmp_path, "add", "a.md")
    git(tmp_path, "commit", "-qm", "first")
    path.write_text(BAD + "\n" + ALSO_BAD, encoding="utf-8")
    write(tmp_path, "new.md", BAD)
    result = run_cli("check", "-f", "line", "--diff", "HEAD", str(tmp_path), cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert any("a.md:3:" in x and "share-over-100" in x for x in lines)
    assert any("new.md:1:" in x and "hours-per-day" in x for x in lines)
    assert not any("a.md:1:" in x for x in lines)
    bad_ref = run_cli("check", "--diff", "no-such-ref", str(path), cwd=tmp_path)
    assert bad_ref.returncode == 2 and "--diff" in bad_ref.stderr


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"], ids=["lone-cr", "crlf", "lf"])
def test_diff_counts_lines_as_numcheck_does_whatever_the_line_ends(tmp_path, end):
    """git ends a line only at LF; numcheck also at a lone CR: --diff maps git's lines to numcheck's."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "t")
    lines = ["Intro line.", "The plant said workers put in 26 hours a day.", "A survey found 120% of them agreed."]
    path = tmp_path / "a.txt"
    path.write_bytes(end.join(lines).encode() + end.encode())
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-qm", "first")
    path.write_bytes(end.join(lines).replace("120%", "130%").encode() + end.encode())
    result = run_cli("check", "-f", "line", "--diff", "HEAD", str(path), cwd=tmp_path)
    assert "share-over-100" in result.stdout and "a.txt:3:" in result.stdout  # the changed figure, on numcheck's line
    # Its line did not change; but with lone CRs git sees the whole file as one line, which changed.
    assert ("hours-per-day" in result.stdout) == (end == "\r")


# -- distribution ----------------------------------------------------------------------


def test_pre_commit_hook_runs_numcheck_on_drafts(tmp_path):
    import re

    import yaml

    from tests.conftest import ROOT

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "numcheck" and hook["language"] == "python" and hook["require_serial"] is True
    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("a.md", "b.markdown", "c.html", "d.htm", "e.txt"))
    assert not any(pattern.search(n) for n in ("setup.py", "data.csv"))
    command = hook["entry"].split()
    assert command[:2] == ["numcheck", "check"]
    path = write(tmp_path, "a.md", BAD)
    result = run_cli(*command[1:], str(path))
    assert result.returncode == 1 and "hours-per-day" in result.stdout


def test_action_is_composite_and_keeps_inputs_out_of_scripts():
    import yaml

    from tests.conftest import ROOT

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    runs = [step["run"] for step in action["runs"]["steps"] if "run" in step]
    assert any("--format github" in r for r in runs) and any("--format sarif" in r for r in runs)
    assert not any("${{" in r for r in runs)  # inputs arrive as environment variables
    assert set(action["inputs"]) >= {"paths", "args", "sarif"}


def test_html_no_break_spaces_group_thousands(tmp_path):
    path = write(tmp_path, "a.html", "<p>About 12&nbsp;000 workers, 5&thinsp;300 troops; in 2019&nbsp;300 died.</p>\n")
    claims = json.loads(run_cli("extract", "-f", "json", str(path)).stdout)["claims"]
    assert [(c["text"], c["value"]) for c in claims] == [
        ("About 12&nbsp;000", 12000),
        ("5&thinsp;300", 5300),
        ("300", 300),
    ]
