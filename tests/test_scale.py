"""Scale: --jobs gives the output of one process, JSON is streamed with sentences once, --output is atomic."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from numcheck.atomic import write_atomic
from numcheck.errors import ConfigError
from numcheck.jobs import parse_jobs, stories, workers
from tests.conftest import EXAMPLES, run_cli


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """Stories in folders, one interleaved with a subfolder, a suppression, an unreadable file."""
    root = tmp_path / "archive"
    shutil.copytree(EXAMPLES, root / "examples")
    story = root / "siege"
    (story / "later").mkdir(parents=True)
    (story / "a.md").write_text(
        "The ministry said 120 people died.\n\n<!-- numcheck: disable-next-line share-over-100 -- checked -->\n"
        "In a poll, 130% of residents said they had left.\n"
    )
    (story / "later" / "b.txt").write_text("Rescuers said 2,500 people died, while the ministry said 120 died.\n")
    (story / "c.txt").write_text("Police said about 125 people died. They work 30 hours a day.\n")
    (story / "d.txt").write_bytes(b"\x00\x01binary\x00")
    for number in range(6):
        other = root / f"town{number}"
        other.mkdir()
        (other / "one.txt").write_text(f"Officials said {100 + number} houses burned. The mayor said 900 burned.\n")
        (other / "two.md").write_text(f"About {2 * number + 40} houses burned, firefighters said.\n")
    return root


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("check", ["--format", "json"]),
        ("check", ["--format", "line", "--warn-unused-suppressions", "--show-undecidable"]),
        ("check", ["--format", "jsonl"]),
        ("check", ["--format", "sarif"]),
        ("extract", ["--format", "json"]),
        ("extract", ["--format", "line"]),
    ],
)
def test_jobs_output_equals_one_process(archive, command, options):
    one = run_cli(command, *options, "--jobs", "1", str(archive))
    two = run_cli(command, *options, "-j", "2", str(archive))
    # the binary file cannot be checked: exit 2, after every other file was checked and reported
    assert one.returncode == two.returncode == 2, one.stderr
    assert one.stdout and one.stdout == two.stdout
    assert one.stderr == two.stderr  # the unreadable file is named once, in the same place


def test_jobs_from_the_configuration(archive):
    (archive / "numcheck.yaml").write_text("jobs: 2\n")
    config = run_cli("config", str(archive))
    assert "jobs: 2" in config.stdout
    assert (
        run_cli("check", "--format", "json", str(archive)).stdout
        == run_cli("check", "--format", "json", "-j", "1", str(archive)).stdout
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [("auto", None), (None, None), ("1", 1), ("4", 4), (3, 3)],
)
def test_jobs_values(value, expected):
    assert parse_jobs(value) == expected


@pytest.mark.parametrize("value", ["0", "-1", "many", "1.5", "257", ""])
def test_bad_jobs_values_are_errors(value):
    with pytest.raises(ConfigError, match="--jobs"):
        parse_jobs(value)


def test_bad_jobs_on_the_command_line_exit_2():
    result = run_cli("check", "-j", "lots", str(EXAMPLES))
    assert result.returncode == 2 and "--jobs" in result.stderr and "Traceback" not in result.stderr


def test_bad_jobs_in_the_configuration_exit_2(tmp_path):
    (tmp_path / "numcheck.yaml").write_text("jobs: 0\n")
    (tmp_path / "a.txt").write_text("About 12 people died.\n")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2 and "jobs" in result.stderr


@pytest.mark.parametrize(
    ("files", "jobs", "expected"),
    [
        (["a/1.txt", "a/2.txt"], 4, 1),  # one story stays in one process
        (["a/1.txt", "b/1.txt"], 4, 2),  # no more processes than stories
        (["a/1.txt", "b/1.txt", "c/1.txt"], 2, 2),
        (["a/1.txt", "b/1.txt"], None, 1),  # auto: too little input to start processes
    ],
)
def test_workers(files, jobs, expected):
    assert workers(jobs, stories(files)) == expected


def test_stories_keep_file_numbers():
    assert stories(["a/x.txt", "a/b/y.txt", "a/z.txt"]) == [[(1, "a/x.txt"), (3, "a/z.txt")], [(2, "a/b/y.txt")]]


def test_json_states_each_sentence_once(tmp_path):
    sentence = "The ministry said 120 people died, 40 were hurt and 300 fled."
    (tmp_path / "a.txt").write_text(" ".join([sentence] * 3) + "\n")
    result = run_cli("extract", "--format", "json", str(tmp_path / "a.txt"))
    data = json.loads(result.stdout)
    assert data["version"] == 2
    assert data["sentences"] == [sentence]
    assert len(data["claims"]) == 9 and {c["sentence"] for c in data["claims"]} == {0}
    assert result.stdout.count("people died") == 1


def test_check_json_is_one_record_a_line(tmp_path):
    result = run_cli("check", "--format", "json", str(EXAMPLES))
    data = json.loads(result.stdout)
    lines = result.stdout.splitlines()
    assert len(lines) == 10 + len(data["sentences"]) + len(data["claims"]) + len(data["findings"])
    for claim in data["claims"]:
        assert data["sentences"][claim["sentence"]]


@pytest.mark.parametrize("chunks", ["whole text\n", ["one ", "two ", "three\n"], []])
def test_write_atomic(tmp_path, chunks):
    target = tmp_path / "report.json"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(str(target), chunks)
    assert target.read_text() == (chunks if isinstance(chunks, str) else "".join(chunks))
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["report.json"]  # no temporary file left


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old")

    def chunks():
        yield "half a report"
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_atomic(str(target), chunks())
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["report.json"]


def test_output_file_is_complete_json(tmp_path):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    result = run_cli("check", "--format", "json", "--output", str(target), str(EXAMPLES))
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(target.read_text())["summary"]["files"] == 3
    assert os.listdir(target.parent) == ["report.json"]


def test_vocabulary_cache_gives_the_same_vocabulary(tmp_path):
    from numcheck.resources import pack_dir
    from numcheck.vocab import load_vocabulary
    from numcheck.vocab_cache import cached_vocabulary

    folder = pack_dir() / "vocab"
    fresh = load_vocabulary(folder)
    first = cached_vocabulary(folder, tmp_path)
    (written,) = tmp_path.glob("vocabulary-*.pickle")
    second = cached_vocabulary(folder, tmp_path)
    assert first == fresh and second == fresh
    assert written.stat().st_mode & 0o077 == 0  # only the user reads the cache


def test_vocabulary_cache_follows_the_files(tmp_path):
    from numcheck.resources import pack_dir
    from numcheck.vocab_cache import cached_vocabulary

    folder = tmp_path / "vocab"
    shutil.copytree(pack_dir() / "vocab", folder)
    before = cached_vocabulary(folder, tmp_path / "cache")
    assert "gazillions" not in {" ".join(p) for p in before.vague}
    vague = folder / "vague.yaml"
    vague.write_text(vague.read_text().replace("dozens:", "gazillions: [1000000, 9000000]\n  dozens:", 1))
    after = cached_vocabulary(folder, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("vocabulary-*.pickle"))) == 1  # the old key is dropped
    assert after != before


@pytest.mark.parametrize("content", [b"not a pickle", b""])
def test_a_broken_cache_is_rebuilt(tmp_path, content):
    from numcheck.resources import pack_dir
    from numcheck.vocab import load_vocabulary
    from numcheck.vocab_cache import cached_vocabulary

    folder = pack_dir() / "vocab"
    cached_vocabulary(folder, tmp_path)
    (written,) = tmp_path.glob("vocabulary-*.pickle")
    written.write_bytes(content)
    assert cached_vocabulary(folder, tmp_path) == load_vocabulary(folder)


def test_jobs_with_a_sources_manifest(archive):
    manifest = archive / "sources.yaml"
    entries = [
        "  - {file: siege/a.md, outlet: Daily One, date: 2025-03-14}",
        "  - {file: siege/c.txt, outlet: Evening Two}",
        *(f"  - {{file: town{n}/one.txt, outlet: Town Post {n}}}" for n in range(6)),
    ]
    manifest.write_text("sources:\n" + "\n".join(entries) + "\n")
    one = run_cli("check", "--format", "json", "-j", "1", "--sources", str(manifest), str(archive))
    two = run_cli("check", "--format", "json", "-j", "2", "--sources", str(manifest), str(archive))
    assert one.stdout == two.stdout and "Town Post 3" in two.stdout and "Daily One" in two.stdout


@pytest.mark.parametrize("unsafe", ["folder writable by others", "file writable by others", "file is a link"])
def test_an_unsafe_cache_is_never_loaded(tmp_path, unsafe):
    """Pickles run code when loaded: a cache anyone else could have written is ignored."""
    from numcheck.resources import pack_dir
    from numcheck.vocab import load_vocabulary
    from numcheck.vocab_cache import cached_vocabulary

    folder = pack_dir() / "vocab"
    cache = tmp_path / "cache"
    cached_vocabulary(folder, cache)
    (written,) = cache.glob("vocabulary-*.pickle")
    import pickle

    import numcheck.vocab_cache as vc

    assert vc._read_cache(written) is not None  # a safe cache is read
    bait = tmp_path / "bait.pickle"
    bait.write_bytes(pickle.dumps(load_vocabulary(folder)))  # loadable: only the safety checks refuse it
    if unsafe == "folder writable by others":
        cache.chmod(0o777)
    elif unsafe == "file writable by others":
        written.chmod(0o666)
    else:
        written.unlink()
        written.symlink_to(bait)
    assert vc._read_cache(written) is None
    assert cached_vocabulary(folder, cache) == load_vocabulary(folder)
