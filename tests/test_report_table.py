"""The findings table as text: snapshots at two widths, plain ASCII, and article text that tries to forge output.

Regenerate the snapshots after a deliberate change, then review the diff by eye:
    NUMCHECK_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_report_table.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SNAPSHOTS = Path(__file__).parent / "snapshots"


def table(*args: str, columns: int = 100, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """Run `numcheck check -f table` with a fixed width and UTF-8 output, as a piped run sees it."""
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS", "COLUMNS")}
    clean.update({"COLUMNS": str(columns), "PYTHONIOENCODING": "utf-8", **env})
    return subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "-f", "table", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=clean,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("name", "columns", "env"),
    [
        ("examples-80.txt", 80, {}),
        ("examples-100.txt", 100, {}),
        ("examples-120.txt", 120, {}),
        ("examples-80-no-color.txt", 80, {"NO_COLOR": "1"}),
    ],
)
def test_examples_table_matches_its_snapshot(name, columns, env):
    result = table("examples/", columns=columns, **env)
    assert result.returncode == 1, result.stderr
    snapshot = SNAPSHOTS / name
    if os.environ.get("NUMCHECK_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(result.stdout, encoding="utf-8")
    assert snapshot.exists(), f"no snapshot {name}: run NUMCHECK_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert result.stdout == snapshot.read_text(encoding="utf-8")
    assert all(len(line) <= columns for line in result.stdout.splitlines())


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 200])
def test_no_line_is_wider_than_asked_and_nothing_is_cut(columns):
    result = table("examples/", columns=columns)
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    flat = "".join(result.stdout.split())  # words may wrap anywhere; none may go missing
    for words in ("Westernofficials", "SouthKoreanintelligence", "defectors'accounts", "600–930USD/month"):
        assert words in flat.replace("│", "")


def test_no_color_and_a_non_utf8_output_get_plain_ascii():
    for env in ({"NO_COLOR": "1"}, {"PYTHONIOENCODING": "ascii"}):
        result = table("examples/drafts", **env)
        drawing = [line for line in result.stdout.splitlines() if line.startswith("|")]
        assert drawing and all(line.isascii() for line in drawing), env
        assert "<==|" in result.stdout  # the open end of "at most 24 hours" is an arrow


def test_the_table_shows_each_figure_its_reading_source_and_place():
    out = table("examples/", columns=240).stdout
    assert "Sources disagree: deaths" in out
    assert '"about 300" read as ~300 (approximate), deaths — Western officials' in out
    assert "Western officials (in second-report.txt)" in out  # a figure in another file names the file
    assert '⇒ deaths: "about 300" allows 270–330' in out  # the reason row
    assert "log scale" in out  # "hundreds" against "over 2,000" spans more than 10×


HOSTILE = [
    ("Evil [/]", "Evil [/]"),  # rich markup would raise MarkupError
    ("[link=https://evil.example]Reuters[/link]", "[link=https://evil.example]Reuters[/link]"),
    ("[bold red]Loud[/]", "[bold red]Loud[/]"),
    # Front matter is escaped when it is read (numcheck.safe): a raw ESC sequence is shown, never obeyed.
    ("Evil\x1b[31mRed", "Evil\\x1b[31mRed"),
    ("Evil\x1b]8;;https://evil.example\x07link", "Evil\\x1b]8;;https://evil.example\\x07link"),  # OSC 8 link
    ("\u202egnp.exe", "\\u202egnp.exe"),  # right-to-left override
]


@pytest.mark.parametrize(("outlet", "shown"), HOSTILE)
def test_article_text_is_shown_not_obeyed(tmp_path, outlet, shown):
    (tmp_path / "a.md").write_text(f"---\nsource: {outlet}\n---\nWorkers said they work 26 hours a day.\n", "utf-8")
    result = table("a.md", columns=200, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert shown in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout


@pytest.mark.parametrize(("env", "coloured"), [({}, True), ({"NO_COLOR": "1"}, False)])
def test_on_a_terminal_levels_are_coloured_unless_no_color(env, coloured):
    import pty

    main, child = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS")}
    done = subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "examples/drafts"],  # no --format: a terminal gets the table
        stdout=child,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**clean, "COLUMNS": "100", "TERM": "xterm-256color", **env},
        timeout=120,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    out = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 1 and "A day has only 24 hours" in out
    assert ("\x1b[1;31merror" in out) is coloured  # errors in bold red
    assert ("\x1b[31m" in out or "\x1b[1;31m" in out) is coloured
