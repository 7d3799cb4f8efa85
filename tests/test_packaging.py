"""The wheel carries the rule pack and runs without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from tests.conftest import ROOT


def test_wheel_ships_rules_and_runs(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("numcheck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "numcheck/_rules/pack/plausibility.yaml" in names
    assert "numcheck/_rules/vocab/units.yaml" in names
    assert "numcheck/normalise/definitions.txt" in names
    assert "numcheck/normalise/unit_table.json" in names
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import numcheck.resources as r, numcheck.app as a; print(r.pack_dir()); a.main()",
            "check",
            "-",
        ],
        input="They work 26 hours a day.",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert str(target) in result.stdout.splitlines()[0]
    assert "hours-per-day" in result.stdout and result.returncode == 1
