"""numcheck.api, the library entry points a distributed engine calls: the same answers as the command line."""

from __future__ import annotations

import json

import pytest

from numcheck import api
from numcheck.errors import InputError
from tests.conftest import EXAMPLES, run_cli

STORY = EXAMPLES / "drone-workers"


def _story_documents():
    return [api.read(str(path)) for path in sorted(STORY.iterdir())]


def test_check_story_gives_the_command_lines_findings():
    result = api.check_story(_story_documents())
    cli = json.loads(run_cli("check", "--format", "json", str(STORY)).stdout)
    assert [api.record(f) for f in result.findings] == cli["findings"]
    assert [c.id for c in result.claims] == [c["id"] for c in cli["claims"]]
    assert result.story == str(STORY)


def test_documents_from_memory_read_like_files():
    docs = _story_documents()
    in_memory = [api.document(d.source, d.text) for d in docs]
    assert in_memory == docs
    assert api.check_story(in_memory) == api.check_story(docs)


@pytest.mark.parametrize(
    ("source", "text", "kind", "date"),
    [
        ("a.md", "---\ndate: 2025-03-14\n---\nAbout 12 people died.\n", "markdown", "2025-03-14"),
        ("a.html", "<p>About 12 people <b>died</b>.</p><script>var x = 99;</script>", "html", None),
        ("a.txt", "About 12 people died.", "text", None),
    ],
)
def test_document_kinds(source, text, kind, date):
    doc = api.document(source, text)
    assert (doc.kind, doc.date) == (kind, date)
    assert [c.text for c in api.extract(doc)] == ["About 12"]


def test_a_story_of_one_document_and_rule_options():
    doc = api.document("draft.txt", "They work 26 hours a day.")
    assert [f.rule for f in api.check_story([doc]).findings] == ["hours-per-day"]
    assert api.check_story([doc], default_rules=False).findings == []


def test_records_are_plain_json():
    result = api.check_story(_story_documents())
    rows = [api.record(c) for c in result.claims] + [api.record(f) for f in result.findings]
    assert json.loads(json.dumps(rows)) == rows
    assert all(isinstance(row["claims"], list) for row in rows if "rule" in row)


def test_stories_group_paths_by_folder():
    paths = ["b/2.txt", "a/1.txt", "b/1.txt", "a/x/3.txt"]
    assert list(api.stories(paths)) == [("a", ["a/1.txt"]), ("a/x", ["a/x/3.txt"]), ("b", ["b/1.txt", "b/2.txt"])]


def test_read_refuses_bad_files_with_one_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        api.read(str(path))


def test_results_pickle_for_worker_processes():
    import pickle

    result = api.check_story(_story_documents())
    assert pickle.loads(pickle.dumps(result)) == result


def test_the_dask_example_finds_what_the_command_line_finds(tmp_path):
    """benchmarks/dask_stories.py on Dask's local mode: the same findings as `numcheck check`, a row a line."""
    pytest.importorskip("dask.bag", reason="Dask is in the bench extra")
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("numcheck_dask_stories", ROOT / "benchmarks" / "dask_stories.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    archive, out = tmp_path / "archive", tmp_path / "out"
    example.make_archive(archive, stories=4, reports=2, lines=5)
    out.mkdir()
    figures = example.run(archive, workers=2, out=out)
    rows = [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open(encoding="utf-8")]
    cli = json.loads(run_cli("check", "--format", "json", str(archive)).stdout)["findings"]
    assert figures["stories"] == 4 and figures["findings"] == len(rows) == len(cli) > 0
    key = lambda f: (f["source"], f["line"], f["column"], f["rule"], f["message"])  # noqa: E731
    assert sorted(map(key, rows)) == sorted(map(key, cli))
