"""The parsed-YAML cache: the same data and lines as a fresh parse, never stale, and errors as precise as without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

YAML_FILES = sorted([*(ROOT / "rules").rglob("*.yaml"), *(ROOT / "examples").rglob("*.yaml")])


def _shape(value: object) -> object:
    """The data with every mapping's line and key lines, for comparing two loads exactly."""
    from numcheck.yamlfile import LineDict

    if isinstance(value, LineDict):
        return ("map", value.line, dict(value.key_lines), {k: _shape(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return (type(value).__name__, value)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(folder))
    return folder


@pytest.mark.parametrize("path", YAML_FILES, ids=[p.name for p in YAML_FILES])
def test_a_kept_parse_is_the_fresh_parse(cache, path):
    from numcheck.yamlfile import load_yaml
    from numcheck.yamlparse import parse

    fresh = _shape(parse(str(path), path.read_text(encoding="utf-8-sig")))
    first = load_yaml(str(path))
    (kept,) = cache.glob("yaml-*.pickle")
    assert kept.stat().st_mode & 0o077 == 0
    second = load_yaml(str(path))
    assert _shape(first) == fresh and _shape(second) == fresh


def test_a_changed_file_is_parsed_again_even_with_its_old_size_and_time(cache, tmp_path):
    from numcheck.yamlfile import load_yaml

    path = tmp_path / "numcheck.yaml"
    path.write_text("fail-on: warning\nrounding: 0.25\n")
    stamp = path.stat()
    assert load_yaml(str(path)) == {"fail-on": "warning", "rounding": 0.25}
    path.write_text("fail-on: error\nrounding: 0.5000\n")  # the same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size
    assert load_yaml(str(path)) == {"fail-on": "error", "rounding": 0.5}
    assert len(list(cache.glob("yaml-*.pickle"))) == 1  # the earlier content's entry is dropped


@pytest.mark.parametrize("content", [b"", b"garbage", b"\x80\x04K\x01."])  # the last: a pickle, of 1
def test_a_broken_kept_parse_is_ignored(cache, tmp_path, content):
    from numcheck.yamlfile import load_yaml

    path = tmp_path / "numcheck.yaml"
    path.write_text("ignore: [hours-per-day]\n")
    load_yaml(str(path))
    (kept,) = cache.glob("yaml-*.pickle")
    kept.write_bytes(content)
    assert load_yaml(str(path)) == {"ignore": ["hours-per-day"]}


BAD_RULES = {
    "unknown key": "rules:\n  - id: too-many\n    kind: bounds\n    level: error\n    colour: red\n",
    "bad level": "rules:\n  - id: too-many\n    kind: bounds\n    level: severe\n",
    "bad kind": "rules:\n  - id: too-many\n    kind: nonsense\n    level: error\n",
}


def _validate(path: Path, cache: Path | str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("NUMCHECK_DEBUG", "GITHUB_ACTIONS")}
    env["NUMCHECK_CACHE_DIR"] = str(cache)
    command = [sys.executable, "-m", "numcheck", "rules", "validate", str(path)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.mark.parametrize("text", BAD_RULES.values(), ids=BAD_RULES)
def test_validation_errors_are_the_same_from_the_cache(tmp_path, text):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    uncached = _validate(path, "")  # no cache
    first, second = _validate(path, tmp_path / "cache"), _validate(path, tmp_path / "cache")
    assert list(tmp_path.joinpath("cache").glob("yaml-*.pickle"))  # it parses: its parse is kept
    assert uncached.returncode == first.returncode == second.returncode == 2
    assert uncached.stderr == first.stderr == second.stderr and f"{path}:" in second.stderr


def test_a_file_that_does_not_parse_is_never_kept(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("rules:\n  - id: [unclosed\n")
    first, second = _validate(path, tmp_path / "cache"), _validate(path, tmp_path / "cache")
    assert first.stderr == second.stderr and f"{path}:3: invalid YAML" in second.stderr
    assert not list(tmp_path.joinpath("cache").glob("yaml-*.pickle"))


def test_a_warm_start_does_not_import_pyyaml(tmp_path):
    script = (
        "import sys\nfrom numcheck.rules.loader import load_rules\nfrom numcheck.relate.words import relation_words\n"
        "rules = load_rules([sys.argv[1]])\nrelation_words()\nprint(len(rules), 'yaml' in sys.modules)\n"
    )
    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script, str(ROOT / "examples" / "strict-rules.yaml")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][1] == "True" and runs[1][1] == "False" and runs[0][0] == runs[1][0]


def test_the_cache_keeps_a_bounded_number_of_files(cache, tmp_path):
    from numcheck.yamlfile import KEPT_FILES, _cache_file, load_yaml

    for n in range(KEPT_FILES + 10):
        path = tmp_path / f"config{n}.yaml"
        path.write_text(f"rounding: 0.{n % 9 + 1}\n")
        assert load_yaml(str(path)) == {"rounding": float(f"0.{n % 9 + 1}")}
    kept = list(cache.glob("yaml-*.pickle"))
    assert len(kept) == KEPT_FILES
    newest = tmp_path / f"config{KEPT_FILES + 9}.yaml"
    assert _cache_file(str(newest), newest.read_bytes()) in kept  # the oldest went, not the newest
