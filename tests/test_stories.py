"""Files of one folder are reports of one story, however their paths are spelled."""

from __future__ import annotations

import pytest

from numcheck.stories import story_of
from tests.conftest import EXAMPLES, run_cli

STORY = EXAMPLES / "drone-workers"


@pytest.mark.parametrize(
    "paths",
    [
        ["report.md", "second-report.txt"],
        ["report.md", "./second-report.txt"],
        [str(STORY / "report.md"), "second-report.txt"],
        ["../drone-workers/report.md", "second-report.txt"],
    ],
)
def test_reports_of_one_folder_are_compared_whatever_the_spelling(paths):
    result = run_cli("check", "--format", "jsonl", *paths, cwd=STORY)
    rules = sorted(line.split('"rule": "')[1].split('"')[0] for line in result.stdout.splitlines())
    assert result.returncode == 0, result.stderr  # warnings and info only: below the default fail level
    assert rules.count("sources-disagree") == 3 and "outlier-source" in rules


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("a/x.md", "a/./y.md", True),
        ("a/x.md", "a/b/../y.md", True),
        ("a/x.md", "b/x.md", False),
        ("x.md", "./y.md", True),
    ],
)
def test_story_of(a, b, same):
    assert (story_of(a) == story_of(b)) is same
