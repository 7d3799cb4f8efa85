"""The verdicts suite: every answer key describes its drafts, and the scoring script runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "benchmarks" / "verdicts"
SCRIPT = ROOT / "benchmarks" / "verdicts.py"
sys.path.insert(0, str(ROOT / "benchmarks"))

import verdicts  # noqa: E402  (the script, imported for its key reader)

STORIES = verdicts.story_folders(SUITE)
TYPES = {"change", "share", "partition", "ratio", "rate", "plausibility", "same", "conflict", "running-total"}


def key(folder: Path) -> dict:
    """Read a story's key.yaml as plain data."""
    return yaml.safe_load((folder / "key.yaml").read_text(encoding="utf-8"))


def words(path: Path) -> int:
    """Count the words of a draft's prose, without its front matter."""
    text = path.read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return len(body.split())


@pytest.mark.parametrize("folder", STORIES, ids=[f.name for f in STORIES])
def test_key_figures_occur_exactly_once(folder: Path) -> None:
    data = key(folder)
    entries = [*(data.get("problems") or []), *(data.get("tempting") or [])]
    assert entries, f"{folder.name}: an empty key"
    for entry in entries:
        assert entry["figures"], f"{folder.name}/{entry['id']}: no figures"
        for figure in entry["figures"]:
            text = (folder / figure["file"]).read_text(encoding="utf-8")
            assert text.count(figure["text"]) == 1, f"{folder.name}/{entry['id']}: {figure['text']!r}"


@pytest.mark.parametrize("folder", STORIES, ids=[f.name for f in STORIES])
def test_key_ids_types_and_reasons(folder: Path) -> None:
    data = key(folder)
    ids = [e["id"] for e in [*(data.get("problems") or []), *(data.get("tempting") or [])]]
    assert len(ids) == len(set(ids)), f"{folder.name}: repeated ids"
    assert data.get("story"), f"{folder.name}: no story description"
    for problem in data.get("problems") or []:
        assert problem["type"] in TYPES, f"{folder.name}/{problem['id']}: type {problem['type']!r}"
        assert problem.get("order") and problem.get("why"), f"{folder.name}/{problem['id']}"
    for entry in data.get("tempting") or []:
        assert entry["kind"] in verdicts.TEMPTING_KINDS, f"{folder.name}/{entry['id']}: kind {entry['kind']!r}"
        assert entry.get("why"), f"{folder.name}/{entry['id']}"
    verdicts.load_story(folder)  # the script's own reader accepts it too


@pytest.mark.parametrize("folder", STORIES, ids=[f.name for f in STORIES])
def test_drafts_are_news_length_with_front_matter(folder: Path) -> None:
    drafts = sorted(folder.glob("*.md"))
    assert 1 <= len(drafts) <= 3, f"{folder.name}: {len(drafts)} reports"
    for draft in drafts:
        head = draft.read_text(encoding="utf-8").split("---")[1]
        meta = yaml.safe_load(head)
        assert {"date", "outlet"} <= set(meta), f"{draft}: front matter needs date and outlet"
        assert 400 <= words(draft) <= 900, f"{draft}: {words(draft)} words"


@pytest.mark.parametrize(
    ("measure", "floor"),
    [("stories", 24), ("multi-report stories", 5), ("problems", 70), ("tempting", 120)],
)
def test_suite_size(measure: str, floor: int) -> None:
    keys = [key(f) for f in STORIES]
    counts = {
        "stories": len(STORIES),
        "multi-report stories": sum(len(list(f.glob("*.md"))) > 1 for f in STORIES),
        "problems": sum(len(k.get("problems") or []) for k in keys),
        "tempting": sum(len(k.get("tempting") or []) for k in keys),
    }
    assert counts[measure] >= floor


def test_every_problem_type_is_planted() -> None:
    planted = {p["type"] for f in STORIES for p in key(f).get("problems") or []}
    assert planted == TYPES


@pytest.mark.parametrize("args", [["--json"], []], ids=["json", "text"])
def test_script_reports_what_it_read(args: list[str]) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    problems = sum(len(key(f).get("problems") or []) for f in STORIES)
    if args:
        figures = json.loads(result.stdout)
        assert (figures["stories"], figures["problems"]) == (len(STORIES), problems)
        assert sum(t["total"] for t in figures["by_type"].values()) == problems
        assert 0 <= figures["caught"] <= problems
        assert figures["false_alarms"] == len(figures["alarm_list"])
    else:
        assert f"{len(STORIES)} stories" in result.stdout
        assert f"{problems} planted problems" in result.stdout
        assert "false alarms" in result.stdout


def test_script_scores_one_story() -> None:
    folder = STORIES[0]
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--story", folder.name, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["stories"] == 1
    assert figures["problems"] == len(key(folder).get("problems") or [])


def item(label: str, *figures: tuple[str, int, int]) -> verdicts.Item:
    """Build a key entry from (file, start, end) figures."""
    return verdicts.Item("x", label, "", "why", [verdicts.Figure(f, "t", s, e) for f, s, e in figures])


@pytest.mark.parametrize(
    ("entry", "spans", "caught", "tempted"),
    [
        # two figures: a finding must overlap both, in the same file
        (item("change", ("a.md", 10, 15), ("a.md", 30, 35)), [("a.md", 12, 13), ("a.md", 34, 40)], True, True),
        (item("change", ("a.md", 10, 15), ("a.md", 30, 35)), [("a.md", 12, 13)], False, False),
        (item("change", ("a.md", 10, 15), ("a.md", 30, 35)), [("a.md", 12, 13), ("b.md", 30, 35)], False, False),
        # spans touching end to start do not overlap (ends are exclusive)
        (item("share", ("a.md", 10, 15), ("a.md", 30, 35)), [("a.md", 15, 20), ("a.md", 25, 30)], False, False),
        # three figures: any two are enough
        (item("rate", ("a.md", 0, 5), ("a.md", 10, 15), ("b.md", 0, 5)), [("a.md", 0, 3), ("b.md", 4, 9)], True, True),
        # one figure: overlapping it is enough
        (item("plausibility", ("a.md", 40, 44)), [("a.md", 0, 2), ("a.md", 41, 42)], True, True),
        # a label misread alone tempts even when paired with a figure outside the entry
        (
            item("label-score-time", ("a.md", 10, 15), ("a.md", 30, 35)),
            [("a.md", 10, 12), ("a.md", 90, 95)],
            False,
            True,
        ),
    ],
)
def test_matching_findings_to_the_key(entry: verdicts.Item, spans: list, caught: bool, tempted: bool) -> None:
    assert verdicts.caught_by(entry, spans) is caught
    assert verdicts.tempts(entry, spans) is tempted
