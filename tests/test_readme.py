"""The README shows what numcheck really prints: its example block is the output of a real run."""

from __future__ import annotations

import re

from tests.conftest import ROOT, run_cli


def test_readme_example_output_is_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"On the examples \(`numcheck check examples/`.*?```text\n(.*?)```", readme, re.S)
    assert block is not None, "the README lost its example block"
    result = run_cli("check", "examples/")
    assert result.returncode == 1, result.stderr
    assert block.group(1).strip() == (result.stdout + result.stderr).strip(), (
        "README.md's example block is stale: paste the output of `numcheck check examples/` (piped)"
    )
