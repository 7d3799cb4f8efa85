"""What a start imports and builds: the block-only Markdown parser, and modules loaded only when needed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT, SHARED

MARKDOWN = [
    '# Toll\n\nAbout *300* people [died](https://x.org "t") on `Monday`.\n',
    "- one **2,000**\n- two\n\n  continued 45%\n\n1. first\n2) second\n",
    "| a | b |\n|---|---|\n| 12 | 30 |\n| **Total** | 42 |\n\nAfter the table, 5.\n",
    "> quoted 12\n> still\n\n```\ncode 99\n```\n\n    indented 77\n\ntext 3\n",
    "<div>\nhtml 40\n</div>\n\nSetext 8\n========\n\n* * *\n\n[ref]: https://x.org\n\nuse [ref] 9\n",
    "line with trailing spaces  \nhard break 2\\\nand _emphasis 3_ <span>inline 4</span> &amp; &#35;5\n",
    "---\ndate: 2025-03-14\n---\n\nAfter front matter 10.\n\n<!-- hidden 11 -->\n",
    "text\r\nwith CRLF 12\r\n\r\n- item 13\r\n",
]


def _files() -> list:
    found = sorted(EXAMPLES.rglob("*.md"))
    corpus = SHARED / "markdown"
    if corpus.is_dir():
        found += sorted(corpus.rglob("*.md"))[:20]
    return found


@pytest.mark.parametrize("text", [*MARKDOWN, *_files()], ids=lambda t: getattr(t, "name", repr(t)[:24]))
def test_the_block_only_parser_finds_the_blocks_of_the_full_parser(text):
    """The inline pass is off (it changes no block): every block token and its lines are as with it on."""
    from markdown_it import MarkdownIt

    from numcheck.read.markup import _markdown_parser

    if not isinstance(text, str):
        text = text.read_text(encoding="utf-8")
    full = MarkdownIt("commonmark").enable("table")
    blocks = [(t.type, t.map, t.content if t.type in ("inline", "html_block") else "") for t in full.parse(text)]
    assert [
        (t.type, t.map, t.content if t.type in ("inline", "html_block") else "") for t in _markdown_parser().parse(text)
    ] == blocks


# Line starts and bodies that make every kind of block, so plain texts and near-misses are both drawn.
STARTS = [
    "",
    " ",
    "    ",
    "\t",
    "#",
    "# ",
    "## ",
    "####### ",
    "-",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "1) ",
    "12.5 ",
    "6.05",
    "61.2% ",
    "2015.",
    "7)x ",
    "- 1. ",
    "- # ",
    "2,000 ",
    "3 ",
    "> ",
    "```",
    "~~~",
    "<div>",
    "<!-- ",
    "|",
    "| a | b |",
    "---",
    "===",
    "***",
    "___",
    "[ref]: ",
    "[",
    "(",
    '"',
    "“",
    "$",
    "€",
    "A",
    "ǅ",
    "é",
    "_",
    "=",
    ":",
    "\u00a0",
    "\f",
    "\x00",
]
BODIES = ["", "text", "About 300 died.", " | col |", "---|---", " `code`", "*em*", "<span>", "&amp;", "  ", "\t"]
ENDINGS = ["\n", "\r\n", "\r"]


def _lines_strategy():
    from hypothesis import strategies as st

    line = st.tuples(st.sampled_from(STARTS), st.sampled_from(BODIES), st.sampled_from(ENDINGS)).map("".join)
    return st.lists(line, max_size=12).map("".join)


def test_plain_texts_get_the_roles_markdown_it_gives():
    """Whenever the parser-free path takes a text, each line's role is the one markdown-it's blocks give."""
    hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
    from numcheck.read.markup import _LINE, _block_roles, _plain_roles

    taken = []

    @hypothesis.settings(max_examples=800, deadline=None, derandomize=True)
    @hypothesis.given(text=_lines_strategy())
    def same(text):
        lines = _LINE.findall(text)
        plain = _plain_roles(lines)
        if plain is not None:
            taken.append(text)
            assert plain == _block_roles(text, len(lines))

    same()
    assert len(taken) > 50  # the path is exercised, not only refused


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("# Toll\n\nAbout 300 died.\nMore text\n", True),
        ("Title\n===\n", False),  # a setext heading's underline
        ("1. first\n", True),  # a one-line list item's text is inline content, as a paragraph's
        ("- About 300 died.\n* 40 hurt\n\n2) more\n", True),
        ("6.05 metres short\n61.2% last year\n", True),  # a number, not an ordered list's marker
        ("2015.\n", False),  # an empty ordered item, or a paragraph's last line: the parser decides
        ("- - -\n", False),  # a thematic break
        ("-\ttext\n", False),
        ("2,000 people\n\n“Quoted” 5\r\n", True),
        ("a | b\n--|--\n1 | 2\n", False),  # a table
        ("text\n    indented\n", False),
    ],
)
def test_which_texts_need_no_parser(text, plain):
    from numcheck.read.markup import _LINE, _plain_roles

    assert (_plain_roles(_LINE.findall(text)) is not None) == plain


LAZY = {
    "a text file": (
        "report.txt",
        "About 300 people died, officials said.\n",
        ["markdown_it", "yaml", "tomllib", "_hashlib"],
    ),
    "a finding's fingerprint": (
        "report.txt",
        "The nurses worked 26 hours a day, the union said.\n",
        ["markdown_it", "yaml", "tomllib", "_hashlib"],
    ),
    "a Markdown file": ("report.md", "# Toll\n\n- About 300 people died.\n", ["yaml", "tomllib"]),
    "plain Markdown": ("report.md", "# Toll\n\nAbout 300 people died.\n", ["markdown_it", "yaml", "tomllib"]),
}


@pytest.mark.parametrize(("name", "text", "absent"), LAZY.values(), ids=LAZY)
def test_a_warm_check_imports_only_what_it_needs(tmp_path, name, text, absent):
    path = tmp_path / name
    path.write_text(text)
    script = (
        "import sys, runpy\nsys.argv = ['numcheck', 'check', sys.argv[1]]\n"
        "try:\n    runpy.run_module('numcheck', run_name='__main__')\nfinally:\n"
        "    import gc\n    print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
        "    print('collector', gc.isenabled(), file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("NUMCHECK_DEBUG", "GITHUB_ACTIONS")}
    env["NUMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    runs = [
        subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=ROOT, env=env)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and "in 1 file" in runs[1].stderr
    *_, modules, collector, _ = runs[1].stderr.split("\n")
    assert "numcheck.rules.loader" in modules.split() and not set(modules.split()) & set(absent)
    assert ("26 hours" in text) == ("no findings" not in runs[1].stderr)  # only the fingerprint case has one
    assert collector == "collector True"  # paused only while modules load: garbage of the run is collected


@pytest.mark.parametrize("before", ["enabled", "disabled"])
def test_importing_the_command_line_leaves_the_collector_as_it_was(before):
    """app.py pauses the cyclic collector while it imports; a program that only imports it sees no change."""
    script = (
        f"import gc\n{'gc.disable()' if before == 'disabled' else ''}\nimport numcheck.app\nprint(gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == [str(before == "enabled")]


@pytest.mark.parametrize("text", ["", "a", "300 people\x1f12\x1e", "é 3,000 € — 🙂", "x" * 100_000])
def test_the_builtin_sha256_gives_hashlib_s_digest(text):
    import hashlib

    from numcheck.hashing import sha256_hex

    assert sha256_hex(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()


STORY_WORK = """
import os
import sys
import numcheck.jobs as jobs

real = jobs._story


def story(group):
    before = set(sys.modules)
    done = real(group)
    line = "imported: " + " ".join(sorted(set(sys.modules) - before)) + "\\n"
    os.write(2, line.encode())  # one write: the two workers' lines must not interleave
    return done


jobs._story = story  # the worker runs the real story; this only reports what it imported
sys.argv = ["numcheck", "check", "-j", "2", "--fail-on", "never", *sys.argv[1:]]
import numcheck.app

numcheck.app.main()
"""


def test_jobs_workers_inherit_every_module_a_story_needs(tmp_path):
    """--jobs forks workers after the stages are loaded: a worker that imported its own would pay for it."""
    texts = {
        "a/report.txt": "The nurses worked 26 hours a day, the union said. Pay rose from $12 to $15 an hour.\n",
        "a/wire.md": "# Strike\n\nAbout 300 nurses walked out, or 40% of the 750 staff.\n",
        "b/report.txt": "More than 1,200 people were evacuated and 45 of the 300 homes were lost.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    env = {k: v for k, v in os.environ.items() if k not in ("NUMCHECK_DEBUG", "GITHUB_ACTIONS")}
    env["NUMCHECK_CACHE_DIR"] = str(tmp_path / "cache")
    done = subprocess.run(
        [sys.executable, "-c", STORY_WORK, str(tmp_path / "a"), str(tmp_path / "b")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    reports = [line for line in done.stderr.splitlines() if line.startswith("imported:")]
    assert done.returncode == 0 and len(reports) == 2 and "in 3 files" in done.stderr, done.stderr
    assert reports == ["imported: ", "imported: "]
