"""Every rule kind on texts where its check holds, is inconsistent, or cannot decide."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.rules.engine import run
from numcheck.rules.kinds import KINDS
from numcheck.rules.loader import load_rule
from numcheck.rules.model import Context
from numcheck.vocab import default_vocabulary

HOLDS, INCONSISTENT, UNDECIDABLE = "holds", "inconsistent", "undecidable"
DATA = Path(__file__).parent / "data"
WAGE = {"allowed": ["[currency] / [time]"], "select": {"context": "wage"}}
TABLE = {"table": "reference.csv", "tolerance": 0.05}
WAGE_INPUTS = {
    "inputs": {"rate": {"per": "hour"}, "shift": {"dimension": "[time]"}},
    "assume": {"days": {"low": 20, "high": 31, "unit": "1 / month", "note": "working days"}},
}
OVER_TIME = {"scope": "any", "time": "over"}
WITHIN = {"scope": "within-source", "contrast_words": ["while"]}

# kind, options, text, outcome, the text's date
CASES = [
    ("bounds", {"max": 24, "unit": "hour / day"}, "They work 18 hours a day.", HOLDS, None),
    ("bounds", {"max": 24, "unit": "hour / day"}, "They work 26 hours a day.", INCONSISTENT, None),
    ("range-order", {}, "It costs between 20 and 50 dollars.", HOLDS, None),
    ("range-order", {}, "It costs between 50 and 20 dollars.", INCONSISTENT, None),
    ("dimension", WAGE, "A wage of $9 an hour.", HOLDS, None),
    ("dimension", WAGE, "A wage of $9.", INCONSISTENT, None),
    ("precision", {}, "About 300 died on Monday. Exactly 310 died on Monday.", HOLDS, None),
    ("precision", {}, "About 300 died on Monday. Exactly 412 died on Monday.", INCONSISTENT, None),
    ("share", {}, "It cut 3,000 jobs, or 25% of its 12,000 staff.", HOLDS, None),
    ("share", {}, "It cut 4,000 jobs, or 25% of its 12,000 staff.", INCONSISTENT, None),
    ("share", {}, "It cut 4,000 jobs, or 25%.", UNDECIDABLE, None),
    ("partition", {}, "In a poll 50% said yes, 45% said no and the rest were undecided.", HOLDS, None),
    ("partition", {}, "In a poll 60% said yes, 45% said no and the rest were undecided.", INCONSISTENT, None),
    ("part-whole", {}, "Of the 300 passengers, 250 were rescued.", HOLDS, None),
    ("part-whole", {}, "Of the 300 passengers, 450 were rescued.", INCONSISTENT, None),
    ("ratio-word", {}, "Sales doubled from 200 to 390.", HOLDS, None),
    ("ratio-word", {}, "Sales doubled from 200 to 300.", INCONSISTENT, None),
    ("ratio-word", {}, "Sales doubled to 300.", UNDECIDABLE, None),
    ("growth", {}, "Sales rose 50% from 100 to 150.", HOLDS, None),
    ("growth", {}, "Sales rose 20% from 100 to 150.", INCONSISTENT, None),
    ("growth", {}, "Sales rose 20% a year from 100 to 150.", UNDECIDABLE, None),
    ("growth", {}, "Revenue grew 10% a year from $100m in 2015 to $161m in 2020.", HOLDS, None),
    ("direction", {}, "Exports rose from 300 to 400 tonnes.", HOLDS, None),
    ("direction", {}, "Exports rose from 300 to 200 tonnes.", INCONSISTENT, None),
    ("granularity", {}, "Of 27 respondents, 51.9% said yes.", HOLDS, None),
    ("granularity", {}, "Of 27 respondents, 51.5% said yes.", INCONSISTENT, None),
    ("granularity", {}, "Of about 27 respondents, 51.5% said yes.", UNDECIDABLE, None),
    (
        "derive",
        {
            **WAGE_INPUTS,
            "expression": "max(rate, rate) * shift * days",
            "against": {"per": "month"},
        },
        "They earn $2.5 per hour for 12-hour shifts, or $100 per month.",
        INCONSISTENT,
        None,
    ),
    (
        "derive",
        {
            **WAGE_INPUTS,
            "expression": "min(rate, rate) * shift * days",
            "against": {"per": "month"},
        },
        "They earn $2.5 per hour for 12-hour shifts, or $700 per month.",
        HOLDS,
        None,
    ),
    (
        "derive",
        {
            "inputs": {"rate": {"per": "hour"}, "shift": {"dimension": "[time]"}},
            "expression": "rate + shift",
            "against": {"per": "month"},
        },
        "They earn $2.5 per hour for 12-hour shifts, or $700 per month.",
        UNDECIDABLE,
        None,
    ),
    ("conflict", {"scope": "any"}, "About 300 died on Monday. The death toll was 310.", HOLDS, None),
    ("conflict", {"scope": "any"}, "About 300 people died on Monday. On Monday the toll was 900.", INCONSISTENT, None),
    ("conflict", {"scope": "any"}, "As of March 2024, 300 had died. By June 2024, 900 had died.", HOLDS, None),
    ("conflict", OVER_TIME, "As of March 2024, 300 had died. By June 2024, 900 had died.", HOLDS, None),
    ("conflict", OVER_TIME, "As of March 2024, 300 had died. By June 2024, 250 had died.", INCONSISTENT, None),
    ("conflict", WITHIN, "About 300 died in the north, while 900 died in the south.", HOLDS, None),
    ("corroboration", {}, "Reuters said 300 died, while the UN said 2,000 died.", HOLDS, None),
    ("corroboration", {}, "Reuters said 300 died, while the UN said 302 died.", INCONSISTENT, None),
    ("outlier-source", {}, "AP said 300 died; the UN said 305 died; the army said 302 died.", HOLDS, None),
    ("outlier-source", {}, "AP said 300 died; the UN said 305 died; the army said 2,000 died.", INCONSISTENT, None),
    ("needs-attribution", {}, "About 300 died, police said.", HOLDS, None),
    ("needs-attribution", {}, "About 300 died.", INCONSISTENT, None),
    ("needs-date", {}, "About 300 died on Monday.", HOLDS, None),
    ("needs-date", {}, "About 300 died.", INCONSISTENT, None),
    ("reference", TABLE, "France has a population of 68 million.", HOLDS, None),
    ("reference", TABLE, "France has a population of 75 million.", INCONSISTENT, None),
    ("reference", {"table": "reference.csv"}, "Unemployment in France is 7.3%.", HOLDS, None),
    ("reference", {"table": "reference.csv"}, "Unemployment in France is 9%.", INCONSISTENT, None),
    ("stale", {}, "They will hire 500 people by the end of 2027.", HOLDS, "2026-11-27"),
    ("stale", {}, "They will hire 500 people by the end of 2025.", INCONSISTENT, "2026-11-27"),
    ("stale", {}, "They will hire 500 people by the end of 2025.", UNDECIDABLE, None),
]


def outcome_of(kind: str, options: dict, text: str, date: str | None) -> str:
    entry = {"id": "test-rule", "kind": kind, "level": "warning", "description": "d", **options}
    rule = load_rule(
        {**entry, "examples": {"trigger": [], "pass": []}},
        str(DATA / "rules.yaml"),  # a table option is read relative to the rule file
        1,
    )
    vocab = default_vocabulary()
    doc = Document("t", text, prose_view(text, "text"))
    ctx = Context(vocab, texts={"t": doc.prose}, today=date, show_undecidable=True)
    findings = run([rule], extract(doc, vocab), ctx)
    if not findings:
        return HOLDS
    return UNDECIDABLE if all(f.message.startswith("Undecidable") for f in findings) else INCONSISTENT


@pytest.mark.parametrize(("kind", "options", "text", "outcome", "date"), CASES)
def test_kind_outcome(kind, options, text, outcome, date):
    assert outcome_of(kind, options, text, date) == outcome


def test_every_kind_has_cases_that_hold_and_fail():
    covered = {(kind, outcome) for kind, _, _, outcome, _ in CASES}
    for kind in KINDS:
        assert (kind, HOLDS) in covered and (kind, INCONSISTENT) in covered, kind
