"""Extraction, table-driven: phrase → value, low, high, unit, qualifier; and non-claims."""

from __future__ import annotations

import math

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.vocab import default_vocabulary

INF = None


def claims_of(text: str):
    return extract(Document("t", text, prose_view(text, "text")), default_vocabulary())


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
    # digits
    ("Only .5 of them.", ".5", 0.5, 0.5, 0.5, "", "exact"),
    ("They spent 1.5bn on it.", "1.5bn", 1.5e9, 1.5e9, 1.5e9, "", "exact"),
    ("Debt reached 3.2 billion euros.", "3.2 billion euros", 3.2e9, 3.2e9, 3.2e9, "EUR", "exact"),
    ("It fell to −3.4 °C.", "−3.4 °C", -3.4, -3.4, -3.4, "degC", "exact"),
    ("They counted 10^6 cells.", "10^6", 1e6, 1e6, 1e6, "", "exact"),
    ("The mass is 1.99×10⁻³⁰ kg.", "1.99×10⁻³⁰ kg", 1.99e-30, 1.99e-30, 1.99e-30, "kg", "exact"),
    ("It is 6.02e23 atoms.", "6.02e23", 6.02e23, 6.02e23, 6.02e23, "", "exact"),
    ("China has 1 414 021 100 people.", "1 414 021 100", 1414021100, 1414021100, 1414021100, "", "exact"),
    ("A loan of 12,34,567 rupees.", "12,34,567 rupees", 1234567, 1234567, 1234567, "INR", "exact"),
    ("A 1/4 share went to them.", "1/4", 0.25, 0.25, 0.25, "fraction", "exact"),
    ("They sold 3 lakh crore of bonds.", "3 lakh crore", 3e12, 3e12, 3e12, "", "exact"),
    # words
    ("Two-thirds of voters backed it.", "Two-thirds", 2 / 3, 2 / 3, 2 / 3, "fraction", "exact"),
    ("One in five adults smokes.", "One in five", 0.2, 0.2, 0.2, "fraction", "exact"),
    ("Nine out of 10 doctors agree.", "Nine out of 10", 0.9, 0.9, 0.9, "fraction", "exact"),
    ("A quarter of a million people marched.", "A quarter of a million", 2.5e5, 2.5e5, 2.5e5, "", "exact"),
    ("A couple of soldiers died.", "A couple of", 2.5, 2, 3, "", "vague"),
    ("The rate was zero point five.", "zero point five", 0.5, 0.5, 0.5, "", "exact"),
    ("It took one and a half hours.", "one and a half hours", 1.5, 1.5, 1.5, "hour", "exact"),
    ("A dozen eggs broke.", "A dozen", 12, 12, 12, "", "exact"),
    ("Five and a half million fish live there.", "Five and a half million", 5.5e6, 5.5e6, 5.5e6, "", "exact"),
    ("A fifth of the budget went there.", "A fifth", 0.2, 0.2, 0.2, "fraction", "exact"),
    ("More than half of the workers left.", "More than half", 0.5, 0.5, INF, "fraction", "lower_bound"),
    ("The answer is minus five.", "minus five", -5, -5, -5, "", "exact"),
    # currencies
    ("The fee is ¥500.", "¥500", 500, 500, 500, "JPY", "exact"),
    ("It cost HK$200.", "HK$200", 200, 200, 200, "HKD", "exact"),
    ("It cost C $ 300 million.", "C $ 300 million", 3e8, 3e8, 3e8, "CAD", "exact"),
    ("Tickets cost 10 € each.", "10 €", 10, 10, 10, "EUR", "exact"),
    ("They paid 200 hryvnias.", "200 hryvnias", 200, 200, 200, "UAH", "exact"),
    ("They paid 2 million won.", "2 million won", 2e6, 2e6, 2e6, "KRW", "exact"),
    ("They lost 75 USD million.", "75 USD million", 7.5e7, 7.5e7, 7.5e7, "USD", "exact"),
    ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5, 3.5, "USD", "exact"),
    ("Shares rose 34 cents.", "34 cents", 34, 34, 34, "cent", "exact"),
    ("They paid 361 million pounds for it.", "361 million pounds", 3.61e8, 3.61e8, 3.61e8, "GBP", "exact"),
    ("It weighs 2 million pounds of steel.", "2 million pounds", 2e6, 2e6, 2e6, "pound", "exact"),
    ("The target is 120 MEUR.", "120 MEUR", 1.2e8, 1.2e8, 1.2e8, "EUR", "exact"),
    ("Its GDP is $2.174T.", "$2.174T", 2.174e12, 2.174e12, 2.174e12, "USD", "exact"),
    ("Lagos raised N700 million.", "N700 million", 7e8, 7e8, 7e8, "NGN", "exact"),
    ("Rent is R5,000.", "R5,000", 5000, 5000, 5000, "ZAR", "exact"),
    ("The 1000 pesos bank note.", "1000 pesos", 1000, 1000, 1000, "PHP", "exact"),
    # multiples
    ("They are 25x more likely.", "25x", 25, 25, 25, "times", "exact"),
    ("They are 3 times more likely to die.", "3 times", 3, 3, 3, "times", "exact"),
    ("A tenfold rise.", "tenfold", 10, 10, 10, "times", "exact"),
    ("A 10-fold rise.", "10-fold", 10, 10, 10, "times", "exact"),
    # percentages and points
    ("Support fell 3 pp.", "3 pp", 3, 3, 3, "percentage_point", "exact"),
    ("Thirty percentage of them.", "Thirty percentage", 30, 30, 30, "percent", "exact"),
    # rates and compound units
    ("GDP is $50,000 per capita.", "$50,000 per capita", 5e4, 5e4, 5e4, "USD / person", "exact"),
    ("They pay $30 a head.", "$30 a head", 30, 30, 30, "USD / person", "exact"),
    ("Oil rose to $80 per barrel.", "$80 per barrel", 80, 80, 80, "USD / barrel", "exact"),
    ("It costs €1.50 a litre.", "€1.50 a litre", 1.5, 1.5, 1.5, "EUR / litre", "exact"),
    ("Output of 500,000 barrels a day.", "500,000 barrels a day", 5e5, 5e5, 5e5, "barrel / day", "exact"),
    ("Speeds of 70 mph were recorded.", "70 mph", 70, 70, 70, "mile / hour", "exact"),
    ("It uses 10 l/km.", "10 l/km", 10, 10, 10, "litre / km", "exact"),
    ("It earned $1.17 billion a year earlier.", "$1.17 billion", 1.17e9, 1.17e9, 1.17e9, "USD", "exact"),
    # physical units
    ("The car is 4.5 m long.", "4.5 m", 4.5, 4.5, 4.5, "m", "exact"),
    ("It weighs 2 tons.", "2 tons", 2, 2, 2, "ton", "exact"),
    ("Temperatures hit 40C in Seville.", "40C", 40, 40, 40, "degC", "exact"),
    ("Set it to 70 degrees F.", "70 degrees F", 70, 70, 70, "degF", "exact"),
    ("He is 5 ft 2 in tall.", "5 ft 2 in", 5 + 2 / 12, 5 + 2 / 12, 5 + 2 / 12, "foot", "exact"),
    ("It is 2 1/2 in thick.", "2 1/2 in", 2.5, 2.5, 2.5, "inch", "exact"),
    ("A 4 TB drive.", "4 TB", 4, 4, 4, "TB", "exact"),
    ("It exports 0.9 trillion cubic feet.", "0.9 trillion cubic feet", 9e11, 9e11, 9e11, "foot ** 3", "exact"),
    ("A 3 to 4 L bottle.", "3 to 4 L", 3.5, 3, 4, "litre", "range"),
    # ranges and bounds
    ("It was 50 to 35 percent.", "50 to 35 percent", 42.5, 50, 35, "percent", "range"),
    ("An 8- to 16-meter mirror.", "8- to 16-meter", 12, 8, 16, "m", "range"),
    ("The range is 1000-5000.", "1000-5000", 3000, 1000, 5000, "", "range"),
    ("Lows of -18 °C to -34 °C.", "-18 °C to -34 °C", -26, -18, -34, "degC", "range"),
    ("The score was 9.83 ± 0.02 seconds.", "9.83 ± 0.02 seconds", 9.83, 9.81, 9.85, "second", "range"),
    ("Upwards of 300 fled.", "Upwards of 300", 300, 300, INF, "", "lower_bound"),
    ("As many as 40 died.", "As many as 40", 40, 0, 40, "", "upper_bound"),
    ("100 people or more were hurt.", "100 people or more", 100, 100, INF, "", "lower_bound"),
    ("Those aged 65 and over.", "65 and over", 65, 65, INF, "", "lower_bound"),
    ("There were 500 or fewer.", "500 or fewer", 500, 0, 500, "", "upper_bound"),
    ("More than 10 and less than 20 boats.", "More than 10 and less than 20", 15, 10, 20, "", "range"),
    ("The toll topped 1,000.", "topped 1,000", 1000, 1000, INF, "", "lower_bound"),
    ("Several hundred stayed.", "Several hundred", 599.5, 200, 999, "", "vague"),
    ("Hundreds of thousands left.", "Hundreds of thousands", 550000, 1e5, 1e6, "", "vague"),
    # issue 9: read right
    ("She took the 800m title.", "800m", 800, 800, 800, "m", "exact"),
    ("They work a 39-hour week.", "39-hour", 39, 39, 39, "hour / week", "exact"),
    ("There were 10 cases per 1,000 patients.", "10 cases per 1,000 patients", 0.01, 0.01, 0.01, "1 / person", "exact"),
    ("Sales rose 8% to 4.7 million.", "4.7 million", 4.7e6, 4.7e6, 4.7e6, "", "exact"),
    ("Sales rose 8% to 4.7 million.", "8%", 8, 8, 8, "percent", "exact"),
    ("Jobs rose 32,000 to 1.41 million.", "32,000", 32000, 32000, 32000, "", "exact"),
    ("The rate edged up 0.1% to 4.7%.", "4.7%", 4.7, 4.7, 4.7, "percent", "exact"),
    ("Costs would go down 14 percent to 20 percent.", "14 percent to 20 percent", 17, 14, 20, "percent", "range"),
    ("Prices rose 5 to 10 percent.", "5 to 10 percent", 7.5, 5, 10, "percent", "range"),
    ("Jobs rose 32,000 to 1.41 million.", "1.41 million", 1.41e6, 1.41e6, 1.41e6, "", "exact"),
    ("Fares were halved from 12% to 6%.", "6%", 6, 6, 6, "percent", "exact"),
    ("Biden led Trump 47% to 42%.", "42%", 42, 42, 42, "percent", "exact"),
    ("The gas is an 80%-20% mix.", "20%", 20, 20, 20, "percent", "exact"),
    ("The offer is for people 65 and over.", "65 and over", 65, 65, INF, "", "lower_bound"),
    ("Three second-half goals sealed it.", "Three", 3, 3, 3, "", "exact"),
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
    "Call +44 20 7946 0958 for details.",
    "See https://example.com/report-2024?id=55&q=30%25 now.",
    "Write to desk.2024@example.org today.",
    "The company filed a 13F report.",
    "Agent 007 is back.",
    "He came for a third time.",
    "They met at 2pm on the 3rd.",
    "The galaxy J1149.5+6663 is far.",
    "The 5G rollout began.",
    "He wore N95 masks.",
    "Take the R2 road.",
    # issue 9: labels, names, scores, odds, times and dates
    "She presents on Radio 4 tonight.",
    "Game 7 is on Aug. 14.",
    "The FTSE 100 fell sharply.",
    "He flew a Boeing 787 from Oct. 31.",
    "The odds were 5-1 against.",
    "The bar opens between 2200 and 0700.",
    "Wales won the Six Nations.",
    "They watched Fahrenheit 9/11 again.",
    "It was a Top Ten hit in the Big 12.",
    "Pasted from a console: \x1b[31mWARNING\x1b[0m and \x1b[1;32mdone\x1b[0m.",
    # too large to be figures, and so are their exponents ("400 dollars")
    "The debt was 10^400 dollars.",
    "The debt was 1.5×10^400 dollars or 2e999 euros.",
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
        ("The ministry estimates 5,000 troops were sent.", "troops", "troops", "The ministry", "estimates"),
        (
            "South Korean intelligence put the toll at 2,000.",
            None,
            "deaths",
            "South Korean intelligence",
            "put the toll at",
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
        ("Exports were up 12% in May.", "up"),
        ("Sales were down 4% from a year ago.", "down"),
        ("Revenue increased by 7 percent.", "up"),
        ("Rates rose 25 basis points.", "up"),
        ("Output was 200, down from 300.", None),
    ],
)
def test_direction(sentence, direction):
    claim = claims_of(sentence)[0]
    assert claim.direction == direction


def test_down_from_marks_the_earlier_level():
    level, earlier = claims_of("Output was 200, down from 300.")
    assert (level.direction, earlier.direction) == (None, "down")


def test_quoted_figure_is_marked():
    first, second = claims_of('He said: "We lost 300 men." Officials counted 200.')
    assert (first.quoted, second.quoted) == (True, False)
