"""Robustness on real fact-checked claims and accuracy floors on peers' suites (skipped where ../shared is absent)."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.vocab import default_vocabulary
from tests.conftest import ROOT, SHARED, needs_shared


@needs_shared()
def test_every_quantemp_claim_extracts_without_error():
    lines = (SHARED / "quantemp" / "test_claims.txt").read_text(encoding="utf-8").splitlines()
    vocab = default_vocabulary()
    with_figure = 0
    for line in lines:
        claims = extract(Document("q", line, line), vocab)
        for c in claims:
            assert line[c.start : c.end] == c.text
        with_figure += bool(claims)
    # Measured: 1,783 of 2,495 claims (71.5%) hold a figure; dates, labels and years are no figures.
    assert len(lines) > 2000 and with_figure >= 0.68 * len(lines)


@cache
def _scorer():
    """Load benchmarks/accuracy.py, the scorer whose figures the README reports."""
    spec = importlib.util.spec_from_file_location("numcheck_accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


# Floors a little under the measured figures: a change that loses accuracy fails here.
FLOORS = [
    ("quantulum3 quantities.json", 85.0),
    ("Recognizers NumberModel", 63.0),
    ("Recognizers NumberRangeModel", 93.0),
    ("Recognizers PercentModel", 82.0),
    ("Recognizers CurrencyModel", 88.0),
    ("Recognizers DimensionModel", 82.0),
    ("Recognizers TemperatureModel", 90.0),
    ("Recognizers AgeModel", 86.0),
]


@needs_shared()
@pytest.mark.parametrize(("suite", "floor"), FLOORS)
def test_value_f1_stays_above_its_floor(suite, floor):
    accuracy = _scorer()
    found = {name: (kind, cases) for name, kind, cases, _ in accuracy.suites(SHARED)}
    kind, cases = found[suite]
    score = accuracy.score(cases, accuracy.numcheck_items, kind, None)
    p = score.value / score.pred
    r = score.value / score.gold
    assert 100 * 2 * p * r / (p + r) >= floor


def test_false_alarm_script_runs_on_the_examples():
    import subprocess

    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "false_alarms.py"), "--claims", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("examples/: 9 findings")
