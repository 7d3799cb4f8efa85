"""The compiled-pattern cache: patterns rebuilt from the file behave as freshly compiled ones; bad files are ignored."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

# (pattern, flags, strings): groups, named groups, flags inline and passed, classes, lookarounds, repeats.
TABLE = [
    (r"\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\b", 0, ["12,000 workers", "3.5%", "1,23", ""]),
    (r"(?P<low>\d+)\s*(?:-|to|–)\s*(?P<high>\d+)", re.IGNORECASE, ["35 TO 50%", "35-50", "35 – 50", "x"]),
    (r"(?i)about|some|nearly", 0, ["About 300", "SOME", "nearly all", "none"]),
    (r"^\s*(?:up|down)\s+by\b", re.MULTILINE, ["up by 5\n  down by 2", "upby"]),
    (r"[^\W\d_]+", 0, ["naïve café 12 Zürich", "___"]),
    (r"[a-z]+", re.ASCII | re.IGNORECASE, ["Ǆ straße ABC", "K"]),
    (r"(?<=\$)\d+(?=\s*per)", 0, ["$25 per hour", "$25 a day"]),
    (r"(\w+) \1", 0, ["the the end", "a b"]),
    (
        r"""(?x) (?P<num> \d+ )   # a figure
            \s* (?P<unit> %|percent )?""",
        0,
        ["50 percent", "7%", "ten"],
    ),
    (r".+?;", re.DOTALL, ["a\nb;c;", "no end"]),
    (r"(?:a|b)*+c", 0, ["ababc", "abab"]),
    (r"[\u0400-\u04ff]{2,}", 0, ["Київ and Kyiv", "ж"]),
]

SCRIPT = """
import json, re, sys
from pathlib import Path
from numcheck import pattern_cache
table = json.loads(sys.argv[2])
pattern_cache.start(Path(sys.argv[1]))
out = {"loaded": len(pattern_cache._loaded), "cases": []}
for pattern, flags, strings in table:
    hit = (str, pattern, flags) in re._cache
    cached = re.compile(pattern, flags)
    fresh = re._compiler.compile(pattern, flags)  # compiled afresh, never from a cache
    same = [
        [list(m.span()) + list(m.groups()) for m in p.finditer(s)] + [bool(p.fullmatch(s)), p.sub("#", s)]
        for p in (cached, fresh) for s in strings
    ]
    half = len(same) // 2
    attributes = [[p.groups, dict(p.groupindex), p.flags] for p in (cached, fresh)]
    out["cases"].append({
        "hit": hit, "equal": cached == fresh, "fresh_object": cached is not fresh,
        "attributes": attributes[0] == attributes[1],
        "behaviour": same[:half] == same[half:],
    })
pattern_cache.save()
print(json.dumps(out))
"""


def _run(cache: Path, table=TABLE) -> dict:
    """Start the cache on `cache` in a fresh interpreter, compile the table, save; return what it saw."""
    rows = [[p, int(f), s] for p, f, s in table]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(cache), json.dumps(rows)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "cli")},
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[dict, dict]:
    cache = tmp_path_factory.mktemp("cache")
    return _run(cache), _run(cache)


@pytest.mark.parametrize("index", range(len(TABLE)), ids=[p[:24] for p, _, _ in TABLE])
def test_cached_patterns_behave_as_compiled_ones(runs, index):
    first, second = runs
    assert first["loaded"] == 0 and not first["cases"][index]["hit"]  # the first run compiles and writes
    case = second["cases"][index]
    assert case["hit"] and case["fresh_object"]  # the second takes it from the file...
    assert case["equal"] and case["attributes"] and case["behaviour"]  # ...and it is the same pattern


def _written(cache: Path) -> Path:
    (path,) = cache.glob("patterns-*.marshal")
    return path


def _corrupt_code(path: Path) -> bytes:
    identity, rows = marshal.loads(path.read_bytes())
    broken = [(p, f, final, [c ^ 0x5A5A for c in code], *rest) for p, f, final, code, *rest in rows]
    return marshal.dumps((identity, broken))


def _other_interpreter(path: Path) -> bytes:
    _identity, rows = marshal.loads(path.read_bytes())
    return marshal.dumps((("2.7.18",), rows))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: b"",
        lambda path: b"not marshal at all",
        lambda path: path.read_bytes()[: path.stat().st_size // 2],  # truncated
        _corrupt_code,  # _sre.compile refuses the code
        _other_interpreter,
    ],
    ids=["empty", "garbage", "truncated", "corrupt code", "another interpreter"],
)
def test_a_bad_cache_file_is_ignored_and_rewritten(tmp_path, spoil):
    _run(tmp_path)
    path = _written(tmp_path)
    path.write_bytes(spoil(path))
    again = _run(tmp_path)
    assert again["loaded"] == 0 and not any(c["hit"] for c in again["cases"])
    assert all(c["equal"] and c["behaviour"] for c in again["cases"])
    assert _run(tmp_path)["loaded"] >= len(TABLE)  # the ignored file was replaced by a good one


@pytest.mark.parametrize("unsafe", ["folder writable by others", "file is a link"])
def test_an_unsafe_cache_file_is_never_read(tmp_path, unsafe):
    cache = tmp_path / "cache"
    _run(cache)
    path = _written(cache)
    if unsafe == "folder writable by others":
        cache.chmod(0o777)
    else:
        bait = tmp_path / "bait.marshal"
        path.rename(bait)
        path.symlink_to(bait)
    assert _run(cache)["loaded"] == 0


def _cli(cache: str, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NUMCHECK_DEBUG", "GITHUB_ACTIONS")}
    env.update(NUMCHECK_CACHE_DIR=cache, HOME=str(home), XDG_CACHE_HOME=str(home / "xdg"))
    return subprocess.run(
        [sys.executable, "-m", "numcheck", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_a_warm_run_compiles_almost_nothing_and_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    article = str(EXAMPLES / "drone-workers" / "report.md")
    cold = _cli(str(cache), "check", "--format", "json", article, home=tmp_path)
    path = _written(cache)
    before = path.stat().st_mtime_ns
    script = (
        "import sys, runpy\nfrom numcheck import pattern_cache\n"
        "sys.argv = ['numcheck', 'check', '--format', 'json', sys.argv[1]]\n"
        "try:\n    runpy.run_module('numcheck', run_name='__main__')\nfinally:\n"
        "    print(len(pattern_cache._loaded), len(pattern_cache._recorded), file=sys.stderr)\n"
    )
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(cache)}
    env.pop("NUMCHECK_DEBUG", None)
    warm = subprocess.run([sys.executable, "-c", script, article], capture_output=True, text=True, cwd=ROOT, env=env)
    loaded, compiled = map(int, warm.stderr.split()[-2:])
    assert warm.stdout == cold.stdout and cold.returncode == warm.returncode and "findings" in cold.stdout
    from numcheck.pattern_cache import FEW

    # Only patterns built from sets (a new order in each process) are compiled again.
    assert loaded > 100 and compiled < FEW
    assert path.stat().st_mtime_ns == before


def test_an_empty_cache_setting_turns_the_pattern_cache_off(tmp_path):
    article = str(EXAMPLES / "drone-workers" / "report.md")
    off = _cli("", "check", "--format", "json", article, home=tmp_path)
    on = _cli(str(tmp_path / "cache"), "check", "--format", "json", article, home=tmp_path)
    assert off.stdout == on.stdout and off.returncode == on.returncode and "findings" in on.stdout
    assert not (tmp_path / "xdg").exists() and not (tmp_path / ".cache").exists()
    assert len(list((tmp_path / "cache").glob("patterns-*.marshal"))) == 1
