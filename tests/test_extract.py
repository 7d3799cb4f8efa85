"""Extraction, table-driven: phrase → value, low, high, unit, qualifier; and non-claims."""

from __future__ import annotations

import math

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.vocab import default_vocabulary

INF = None


def claims_of(text: str):
    return extract(Document("t", text, text), default_vocabulary())


# sentence, expected claim text, value, low, high, unit, qualifier
CASES = [
    ("They hired about 12,000 workers.", "about 12,000", 12000, 12000, 12000, "", "approximate"),
    ("Pay is $2.5 per hour.", "$2.5 per hour", 2.5, 2.5, 2.5, "USD / hour", "exact"),
    ("They earn $100-200 per month.", "$100-200 per month", 150, 100, 200, "USD / month", "range"),
    ("More than 10,000 troops are there.", "More than 10,000", 10000, 10000, INF, "", "lower_bound"),
    ("At least 40 people died.", "At least 40", 40, 40, INF, "", "lower_bound"),
    ("Up to 700 homes were hit.", "Up to 700", 700, 0, 700, "", "upper_bound"),
    ("Fewer than 30 remain.", "Fewer than 30", 30, 0, 30, "", "upper_bound"),
    ("Hundreds have been killed.", "Hundreds", 550, 100, 1000, "", "vague"),
    ("Tens of thousands of people fled.", "Tens of thousands", 55000, 10000, 100000, "", "vague"),
    ("It supplies 35 to 50% of the shells.", "35 to 50%", 42.5, 35, 50, "percent", "range"),
    ("It supplies 35–50 percent of the shells.", "35–50 percent", 42.5, 35, 50, "percent", "range"),
    ("They work 18 hours a day.", "18 hours a day", 18, 18, 18, "hour / day", "exact"),
    ("They make 6,000 drones a year.", "6,000 drones a year", 6000, 6000, 6000, "1 / year", "exact"),
    ("Between 2,000 and 3,000 troops came.", "Between 2,000 and 3,000", 2500, 2000, 3000, "", "range"),
    ("The budget is €3.2bn.", "€3.2bn", 3.2e9, 3.2e9, 3.2e9, "EUR", "exact"),
    ("It cost US$40.", "US$40", 40, 40, 40, "USD", "exact"),
    ("It cost C$50.", "C$50", 50, 50, 50, "CAD", "exact"),
    ("They paid 5 million roubles.", "5 million roubles", 5e6, 5e6, 5e6, "RUB", "exact"),
    ("Debt is $1.5 trillion.", "$1.5 trillion", 1.5e12, 1.5e12, 1.5e12, "USD", "exact"),
    ("About 1.2m people voted.", "About 1.2m", 1.2e6, 1.2e6, 1.2e6, "", "approximate"),
    ("Nearly 500 died.", "Nearly 500", 500, 500, 500, "", "approximate"),
    ("Eleven people were hurt.", "Eleven", 11, 11, 11, "", "exact"),
    ("It lasted twenty-four hours.", "twenty-four hours", 24, 24, 24, "hour", "exact"),
    ("Half a million refugees left.", "Half a million", 5e5, 5e5, 5e5, "", "exact"),
    ("A hundred and two votes.", "A hundred and two", 102, 102, 102, "", "exact"),
    ("It was -15 °C outside.", "-15 °C", -15, -15, -15, "degC", "exact"),
    ("A 50kg warhead.", "50kg", 50, 50, 50, "kg", "exact"),
    ("A 2.5-mile tunnel.", "2.5-mile", 2.5, 2.5, 2.5, "mile", "exact"),
    ("They work 12-hour shifts.", "12-hour", 12, 12, 12, "hour", "exact"),
    ("It moves at 5 km/h.", "5 km/h", 5, 5, 5, "km / hour", "exact"),
    ("Rates fell 2 percentage points.", "2 percentage points", 2, 2, 2, "percentage_point", "exact"),
    ("A cut of 25 basis points.", "25 basis points", 25, 25, 25, "basis_point", "exact"),
    ("The wall is 1 200 metres long.", "1 200 metres", 1200, 1200, 1200, "m", "exact"),
    ("About ½ of them.", "About ½", 0.5, 0.5, 0.5, "fraction", "approximate"),
    ("It weighs 3 tonnes.", "3 tonnes", 3, 3, 3, "tonne", "exact"),
    ("A 2 1/2 hour wait.", "2 1/2 hour", 2.5, 2.5, 2.5, "hour", "exact"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "low", "high", "unit", "qualifier"), CASES)
def test_reads_phrase(sentence, text, value, low, high, unit, qualifier):
    found = [c for c in claims_of(sentence) if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in claims_of(sentence)]}"
    claim = found[0]
    assert math.isclose(claim.value, value)
    assert claim.low == low or (low is not None and claim.low is not None and math.isclose(claim.low, low))
    assert claim.high == high or (high is not None and claim.high is not None and math.isclose(claim.high, high))
    assert (claim.unit, claim.qualifier) == (unit, qualifier)


NOT_CLAIMS = [
    "It will be ready by the end of 2025.",
    "The 2012–13 season was long.",
    "It happened on March 3.",
    "We met at 10:30 and again at 2.15pm.",
    "She came 22nd.",
    "The F-16 and the Su-27 flew.",
    "COVID-19 spread fast.",
    "The G7 met.",
    "Article 5 was invoked.",
    "Resolution 2397 passed.",
    "Route 66 is famous.",
    "My iPhone 15 broke.",
    "Version 2.3.1 is out.",
    "They won 3-1 in the final.",
    "Call 555-123-4567 now.",
    "He was born in 1990.",
    "It was open 24/7.",
    "Jazz of the 1990s.",
    "No one came.",
]


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_not_a_claim(sentence):
    assert [c.text for c in claims_of(sentence)] == []


def test_a_one_letter_word_is_not_a_unit():
    (claim,) = claims_of("They added 5 a mix of it.")
    assert claim.unit == ""


def test_offsets_point_into_the_original_text():
    text = "Intro.\n\nAccording to the ministry, about 12,000 workers came."
    (claim,) = claims_of(text)
    assert text[claim.start : claim.end] == claim.text == "about 12,000"
    assert (claim.line, claim.column) == (3, 28)


@pytest.mark.parametrize(
    ("sentence", "measure", "concept", "attribution", "cue"),
    [
        ("Citing the army, it said 300 soldiers died.", "soldiers", "deaths", "the army", "Citing"),
        ("The health ministry said 40 people were killed.", "people", "deaths", "The health ministry", "said"),
        ("Officials put the death toll at over 2,000 troops.", "troops", "deaths", "Officials", "put"),
        (
            "According to Reuters, 12,000 North Korean workers arrived.",
            "North Korean workers",
            "workers",
            "Reuters",
            "According to",
        ),
        (
            "It supplies 35% of Russia's ammunition needs, analysts say.",
            "ammunition needs",
            "ammunition-share",
            "analysts",
            "say",
        ),
    ],
)
def test_measure_concept_and_attribution(sentence, measure, concept, attribution, cue):
    (claim,) = claims_of(sentence)
    assert (claim.measure, claim.concept, claim.attribution, claim.cue) == (measure, concept, attribution, cue)


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Prices rose 5% last year.", "up"),
        ("Sales fell by 3%.", "down"),
        ("A 12% increase.", "up"),
        ("Unemployment is 4%.", None),
    ],
)
def test_direction(sentence, direction):
    (claim,) = claims_of(sentence)
    assert claim.direction == direction


def test_quoted_figure_is_marked():
    first, second = claims_of('He said: "We lost 300 men." Officials counted 200.')
    assert (first.quoted, second.quoted) == (True, False)
