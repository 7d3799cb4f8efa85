"""The relate stage: which relations each phrasing gives, with which claims in which roles."""

from __future__ import annotations

import json
import re

import pytest

from numcheck.extract import extract
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.read.tables import tables
from numcheck.relate import relate
from numcheck.vocab import default_vocabulary
from tests.conftest import run_cli

VOCAB = default_vocabulary()


def relations(text: str, kind: str = "text") -> list[tuple[str, str, dict[str, list[str]], str, bool]]:
    """Read a text and return each relation as (type, word, {role: [claim texts]}, confidence, exhaustive)."""
    doc = Document("t", text, prose_view(text, kind), kind=kind)
    claims = extract(doc, VOCAB)
    by_id = {c.id: c.text for c in claims}
    found = []
    for r in relate(doc, claims, VOCAB):
        roles: dict[str, list[str]] = {}
        for role, claim_id in r.roles:
            roles.setdefault(role, []).append(by_id[claim_id])
        found.append((r.type, r.word, roles, r.confidence, r.exhaustive))
    return found


def only(text: str, type_: str, kind: str = "text") -> tuple[str, dict[str, list[str]], str, bool]:
    """Return the one relation of a type in a text: (word, roles, confidence, exhaustive)."""
    found = [r[1:] for r in relations(text, kind) if r[0] == type_]
    assert len(found) == 1, relations(text, kind)
    return found[0]


# text, the change's roles (claim texts), its direction word
CHANGES = [
    (
        "Turnover climbed 11% to €3.45 billion from €3.1 billion.",
        {"from": ["€3.1 billion"], "to": ["€3.45 billion"], "by": ["11%"]},
        "climbed",
    ),
    ("Fares edged up 4% to $312 from $300.", {"from": ["$300"], "to": ["$312"], "by": ["4%"]}, "edged up"),
    (
        "Turnover was €3.45 billion, up 11% from €3.1 billion.",
        {"from": ["€3.1 billion"], "to": ["€3.45 billion"], "by": ["11%"]},
        "up",
    ),
    (
        "The herd shrank to 412 animals last year, down 8% from 448.",
        {"from": ["448"], "to": ["412"], "by": ["8%"]},
        "down",
    ),
    ("Visitors fell from 9,120 to 8,208, or 10%.", {"from": ["9,120"], "to": ["8,208"], "by": ["10%"]}, "or"),
    ("Visitors went from 640 to 512, a drop of 20%.", {"from": ["640"], "to": ["512"], "by": ["20%"]}, "drop"),
    (
        "Members grew from 4,000 to 5,000, an increase of 25%.",
        {"from": ["4,000"], "to": ["5,000"], "by": ["25%"]},
        "increase",
    ),
    ("Sales rose 50% from 100 to 150.", {"from": ["100"], "to": ["150"], "by": ["50%"]}, "rose"),
    (
        "Fares were 40% higher than $250 at $350.",
        {"from": ["higher than $250"], "to": ["$350"], "by": ["40%"]},
        "higher than",
    ),
    (
        "Rents were $1,300, compared with $1,000 a year earlier, an increase of 30%.",
        {"from": ["$1,000"], "to": ["$1,300"], "by": ["30%"]},
        "increase",
    ),
    (
        "Output was 420 tonnes, against 400 tonnes a year earlier, a rise of 5%.",
        {"from": ["400 tonnes"], "to": ["420 tonnes"], "by": ["5%"]},
        "rise",
    ),
    (
        "Profit tripled to £450 million from £150 million.",
        {"from": ["£150 million"], "to": ["£450 million"]},
        "tripled",
    ),
    ("Stocks halved to 30 tonnes from 60 tonnes.", {"from": ["60 tonnes"], "to": ["30 tonnes"]}, "halved"),
    ("Debt fell to $7.2 billion from $7.9 billion.", {"from": ["$7.9 billion"], "to": ["$7.2 billion"]}, "fell"),
    (
        "Its share rose by 3 percentage points to 41% from 38%.",
        {"from": ["38%"], "to": ["41%"], "by": ["3 percentage points"]},
        "rose",
    ),
    (
        "Voters rose from 1.2 million at the last election to 1.5 million.",
        {"from": ["1.2 million"], "to": ["1.5 million"]},
        "rose",
    ),
    ("Turnout rose from 38% in 2021, when it rained all day, to 44%.", {"from": ["38%"], "to": ["44%"]}, "rose"),
    (
        "Exports were 624 tonnes. That was up 30% from 480 tonnes.",
        {"from": ["480 tonnes"], "to": ["624 tonnes"], "by": ["30%"]},
        "up",
    ),
    ("Support stood at 52%. That was up 7 points from 45%.", {"from": ["45%"], "to": ["52%"], "by": ["7"]}, "up"),
    (
        "The minimum wage will rise 6% to $16.50 an hour from $15.50.",
        {"from": ["$15.50"], "to": ["$16.50 an hour"], "by": ["6%"]},
        "rise",
    ),
    ("Revenue was $2.3 billion, down from $2.5 billion.", {"from": ["$2.5 billion"], "to": ["$2.3 billion"]}, "down"),
    (
        "The group reported a 15% jump in sales to €2.3 billion from €2.1 billion.",
        {"from": ["€2.1 billion"], "to": ["€2.3 billion"], "by": ["15%"]},
        "to",
    ),
    (
        "Imports dropped 8% year on year to 1.1 million tonnes from 1.2 million tonnes.",
        {"from": ["1.2 million tonnes"], "to": ["1.1 million tonnes"], "by": ["8%"]},
        "dropped",
    ),
    (
        "Profit fell by a third to £200 million from £300 million.",
        {"from": ["£300 million"], "to": ["£200 million"]},
        "fell by a third",
    ),
]


CHANGES += [
    (
        "Exports were 10% higher than the €41.2 billion of a year earlier, at €45.3 billion.",
        {"from": ["€41.2 billion"], "to": ["€45.3 billion"], "by": ["10%"]},
        "higher than",
    ),
    (
        "Rents rose 10% in the year to March, the office said, to £1,284, compared with £1,162 a year earlier.",
        {"from": ["£1,162"], "to": ["£1,284"], "by": ["10%"]},
        "rose",
    ),
    (
        "Rents went from £875 in 2020, before the pandemic, to £1,120 this year, a rise of 28%.",
        {"from": ["£875"], "to": ["£1,120"], "by": ["28%"]},
        "rise",
    ),
    (
        "Bills averaged £1,690 in March. That was down 9% from £1,850 a year earlier.",
        {"from": ["£1,850"], "to": ["£1,690"], "by": ["9%"]},
        "down",
    ),
    (
        "Rents rose 10% in the year to March. The average rent was £1,284, compared with £1,162 a year earlier.",
        {"from": ["£1,162"], "to": ["£1,284"], "by": ["10%"]},
        "compared with",
    ),
]

# the holdout's phrasings, in other words: a unit said once, the new level leading the clause
CHANGES += [
    (
        "Ticket sales climbed from 18 million dollars to 21 million, or 16.7%, after the final.",
        {"from": ["18 million dollars"], "to": ["21 million"], "by": ["16.7%"]},
        "or",
    ),
    (
        "At 7.8 million pounds, shop income was 20% higher than the 6.5 million of last season.",
        {"from": ["6.5 million"], "to": ["7.8 million pounds"], "by": ["20%"]},
        "higher than",
    ),
]


@pytest.mark.parametrize(("text", "roles", "word"), CHANGES)
def test_every_order_of_a_change(text, roles, word):
    got_word, got_roles, confidence, _ = only(text, "change")
    assert got_roles == roles
    assert got_word == word
    assert confidence == "sure"


SHARES = [
    (
        "The firm cut 4,000 jobs, or 25% of its 16,000 staff.",
        {"part": ["4,000"], "share": ["25%"], "whole": ["16,000"]},
    ),
    ("Some 25% (300) of the 1,200 residents fled.", {"share": ["Some 25%"], "part": ["300"], "whole": ["1,200"]}),
    ("Of the 1,200 residents, 300, or 25%, fled.", {"part": ["300"], "share": ["25%"], "whole": ["1,200"]}),
    (
        "Attendance was 70%, with 420 of the 600 pupils in school.",
        {"share": ["70%"], "part": ["420"], "whole": ["600"]},
    ),
    ("The town lost 400 of its 2,000 homes, or 20%.", {"part": ["400"], "whole": ["2,000"], "share": ["20%"]}),
    ("The party won 30 of the 50 seats, a 60% majority.", {"part": ["30"], "whole": ["50"], "share": ["60%"]}),
    (
        "One in five of the 3,400 patients, 680 in all, needed care.",
        {"share": ["One in five"], "whole": ["3,400"], "part": ["680"]},
    ),
    ("A third of the 1,200 members, 400, voted.", {"share": ["A third"], "whole": ["1,200"], "part": ["400"]}),
    (
        "Nearly half of the 2,340 pupils, 1,100, took science.",
        {"share": ["Nearly half"], "whole": ["2,340"], "part": ["1,100"]},
    ),
    ("Rescuers pulled 250 of the 300 passengers from the water.", {"part": ["250"], "whole": ["300"]}),
    ("Some 30% of the workforce went on strike.", {"share": ["Some 30%"]}),
    ("Turnout was 64%.", {"share": ["64%"]}),
    # the whole named back by its participle, in an earlier sentence
    (
        "The board said 5,200 bonds had been issued. By Friday 1,300, or 25% of those issued, were repaid.",
        {"part": ["1,300"], "share": ["25%"], "whole": ["5,200"]},
    ),
]


SHARES += [
    (
        "A survey of 2,400 tenants was published. Some 720 tenants, or 30% of those surveyed, moved.",
        {"part": ["Some 720"], "share": ["30%"], "whole": ["2,400"]},
    ),
    (
        "Of the 13.6 million tonnes, most went east. China took 5.8 million tonnes, or 43% of the total.",
        {"part": ["5.8 million tonnes"], "share": ["43%"], "whole": ["13.6 million tonnes"]},
    ),
]


@pytest.mark.parametrize(("text", "roles"), SHARES)
def test_every_order_of_a_share(text, roles):
    assert only(text, "share")[1] == roles


@pytest.mark.parametrize(
    "text",
    [
        "Public debt reached 120% of GDP.",  # a level, not a group
        "The hospital ran at 130% of capacity.",
        "Prices were 150% of pre-war levels.",
        "Exports rose 120% last year.",  # a change may exceed 100%
        "Hospitals ran at 110% of beds.",  # a level against a reference
        "Arrivals were 130% of last year's numbers.",
        "Interest came to 120% of the principal.",
    ],
)
def test_shares_of_levels_and_changes_are_no_shares(text):
    assert [r for r in relations(text) if r[0] == "share"] == []


# text, parts, whole, exhaustive
PARTITIONS = [
    ("Ana took 48.5%, Ben 39.9% and Cruz 11.6%.", ["48.5%", "39.9%", "11.6%"], [], False),
    ("In the ballot 71% backed the deal, 20% opposed it and 9% did not vote.", ["71%", "20%", "9%"], [], True),
    ("Wheat made up 55%, maize 30% and rice the remaining 15%.", ["55%", "30%", "15%"], [], True),
    ("In the poll, 50% backed the plan, 45% opposed it and the rest were undecided.", ["50%", "45%"], [], False),
    (
        "Of the 22 countries polled, 10 said yes, nine said no and three did not answer.",
        ["10", "nine", "three"],
        ["22"],
        True,
    ),
    ("Of the 1,800 dead, 600 were women, 500 children and 700 men.", ["600", "500", "700"], ["1,800"], False),
    ("The 52 volunteers were divided into four teams of 12, 15, 14 and 11.", ["12", "15", "14", "11"], ["52"], True),
    ("Of the 300 passengers, 200 were rescued and the remaining 100 died.", ["200", "100"], ["300"], True),
    # shares against the bands of one measure, lowest to highest: exclusive, maybe with gaps between bands
    (
        "Among the tenants, 30% were aged under 25, 45% between 25 and 40 and 25% over 40.",
        ["30%", "45%", "25%"],
        [],
        False,
    ),
    # a colon breakdown of a whole that names what it counts: the parts may leave some out
    (
        "The airline employs 2,400 staff: 1,100 cabin crew, 600 in maintenance and 700 at its two bases.",
        ["1,100", "600", "700"],
        ["2,400"],
        False,
    ),
    # an amount whose parts leave the unit unsaid
    (
        "Of the $90 million the charity raised, 40 million went to shelters and the remaining 50 million to food.",
        ["40 million", "50 million"],
        ["$90 million"],
        True,
    ),
]


@pytest.mark.parametrize(("text", "parts", "whole", "exhaustive"), PARTITIONS)
def test_every_order_of_a_partition(text, parts, whole, exhaustive):
    _, roles, confidence, got_exhaustive = only(text, "partition")
    assert roles.get("part") == parts
    assert roles.get("whole", []) == whole
    assert got_exhaustive is exhaustive
    assert confidence == "sure"


@pytest.mark.parametrize(
    "text",
    [
        "In the poll, 60% use Facebook and 50% use Twitter.",  # categories may overlap
        "Of the 300 passengers, 200 were women and 150 were over 60.",
        "Among men 48% backed it, while 60% of women backed it.",  # different wholes
        "The party won 60% in the north and 55% in the south.",  # different places
        "On Tuesday 9,310 beds were occupied, or 95%, against a target of 92%.",  # a target is no part
        "Some 40% of firms, including 12% of banks, raised pay.",  # a partial list
        "Of the 300 patients, 200 received the drug against 150 a year earlier.",  # a comparison, not a list
        "Of the 1,000 people polled, 520 favoured the plan and 380 opposed it, while 100 were undecided.",
        "The depot has 640 drivers: 210 joined last year, and 35 more start in May.",  # no list after the colon
        "Of the firms, 40% pay over $20, 35% pay over $25 and 30% pay more than $30.",  # bounds that nest
    ],
)
def test_lists_that_are_no_partition(text):
    assert [r for r in relations(text) if r[0] == "partition"] == []


RATIOS = [
    (
        "The clinic said 1,400 of its clients were behind on rent, a third of the figure in 2022, when 4,200 were.",
        {"a": ["1,400"], "by": ["a third"], "b": ["4,200"]},
        1 / 3,
    ),
    (
        "Only 300 boats stayed in port this winter, twice the number of three years ago, when 150 did.",
        {"a": ["300"], "b": ["150"]},
        2.0,
    ),
    (
        "A 90-metre wave, three times the previous record of 20 metres, struck.",
        {"a": ["90-metre"], "by": ["three times"], "b": ["20 metres"]},
        3.0,
    ),
    ("The wave was 45 metres, twice the previous record of 20 metres.", {"a": ["45 metres"], "b": ["20 metres"]}, 2.0),
    (
        "Exports reached 600 tonnes, double the 2019 level of 300 tonnes.",
        {"a": ["600 tonnes"], "b": ["300 tonnes"]},
        2.0,
    ),
    (
        "Its wage bill is £30 million, half the level of its rival's £61 million.",
        {"a": ["£30 million"], "by": ["half"], "b": ["£61 million"]},
        0.5,
    ),
    ("Ana won 61,240 votes, nearly twice as many as Ben's 31,100.", {"a": ["61,240"], "b": ["31,100"]}, 2.0),
    (
        "The airline flies five times as many passengers as in 2019, 2.6 million against 520,000.",
        {"by": ["five times"], "a": ["2.6 million"], "b": ["520,000"]},
        5.0,
    ),
]


@pytest.mark.parametrize(("text", "roles", "factor"), RATIOS)
def test_every_order_of_a_ratio(text, roles, factor):
    doc = Document("t", text, prose_view(text, "text"))
    claims = extract(doc, VOCAB)
    found = [r for r in relate(doc, claims, VOCAB) if r.type == "ratio"]
    assert len(found) == 1 and found[0].factor == factor
    assert only(text, "ratio")[1] == roles


RATES = [
    (
        "The fund will give £2,000 to each of the 120 growers hit by the frost, £240,000 in all.",
        {"rate": ["£2,000"], "span": ["120"], "total": ["£240,000"]},
        "sure",
    ),
    (
        "Cleaners earn $15 an hour for 40 hours a week, or $600 a week.",
        {"rate": ["$15 an hour"], "span": ["40 hours a week"], "total": ["$600 a week"]},
        "sure",
    ),
    (
        "He worked 11 hours and made about $140, or about $13 an hour.",
        {"rate": ["about $13 an hour"], "span": ["11 hours"], "total": ["about $140"]},
        "sure",
    ),
    (
        "Gunners fired about 40 shells an hour over the six-hour attack, 240 shells in total.",
        {"rate": ["about 40 shells an hour"], "span": ["six-hour"], "total": ["240"]},
        "sure",
    ),
    (
        "A well ran dry every four days over 12 months, 90 in all.",
        {"period": ["four days"], "span": ["over 12 months"], "total": ["90"]},
        "sure",
    ),
    (
        "Cleaners earn $15 an hour for 40 hours a week and $700 a week.",
        {"rate": ["$15 an hour"], "span": ["40 hours a week"], "total": ["$700 a week"]},
        "likely",
    ),
]


RATES += [
    (
        "Suppliers were lost every three days over 14 months. In all, 60 closed.",
        {"period": ["three days"], "span": ["over 14 months"], "total": ["60"]},
        "sure",
    ),
    (
        "Its 2 million people earn $50,000 per capita, a total of $100 billion.",
        {"rate": ["$50,000 per capita"], "span": ["2 million"], "total": ["a total of $100 billion"]},
        "sure",
    ),
    (
        "We thank our 2,000 season ticket holders. At £300 each, season tickets brought in £600,000.",
        {"rate": ["£300"], "span": ["2,000"], "total": ["£600,000"]},
        "sure",
    ),
    (
        "The 300 members paid £50 each, raising £15,000.",
        {"rate": ["£50"], "span": ["300"], "total": ["£15,000"]},
        "sure",
    ),
]


@pytest.mark.parametrize(("text", "roles", "confidence"), RATES)
def test_rates(text, roles, confidence):
    _, got, got_confidence, _ = only(text, "rate")
    assert got == roles
    assert got_confidence == confidence


# Readings that are not sure: the relate stage marks them "likely" (a check is then undecidable) or reads nothing.
@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        ("The firm held 4% of the market, compared with 16% in its home market.", "change", "likely"),
        ("Output rose 4% in real terms to 520 tonnes from 480 tonnes.", "change", "likely"),
        ("Like-for-like sales rose 2% to $520 million from $480 million.", "change", "likely"),
        ("The yen fell to 152 per dollar from 141.", "change", "likely"),  # a price quoted the other way round
        ("Sales climbed from 10 to 20 in some shops and fell in others.", "change", "sure"),
        ("From 10 to 20 people attended.", "change", None),  # a range, not a change
        ("Earnings doubled to £450 million.", "change", "sure"),  # only the new level: ratio-word cannot decide
        ("The firm cut 4,000 jobs, or 25%.", "share", "sure"),  # no whole: share cannot decide
        ("Cleaners earn $15 an hour for 40 hours a week and $700 a week.", "rate", "likely"),
        ("Revenue was $2 billion and costs $3 billion. That was up 20% from $2.6 billion.", "change", None),
    ],
)
def test_readings_that_are_not_sure(text, type_, expected):
    found = [r[3] for r in relations(text) if r[0] == type_]
    assert found == ([expected] if expected else [])


MARKDOWN_TABLE = """# Results

| Party | Votes | Share |
|---|---|---|
| Red | 1,215 | 46.7% |
| Blue | 1,020 | 39.2% |
| Green | 310 | 14.1% |
| **Total** | 2,545 | 100% |
"""

HTML_TABLE = (
    "<p>Deaths by region.</p><table><tr><th>Region</th><th>Deaths</th><th>Injured</th><th>Total</th></tr>"
    "<tr><td>North</td><td>120</td><td>310</td><td>430</td></tr>"
    "<tr><td>South</td><td>80</td><td>95</td><td>175</td></tr></table>"
)


def test_table_cells_carry_their_headers():
    cells = [c for t in tables(MARKDOWN_TABLE, "markdown") for c in t.cells if c.text.strip() == "1,020"]
    assert [(c.row_header, c.column_header) for c in cells] == [("blue", "votes")]
    cells = [c for t in tables(HTML_TABLE, "html") for c in t.cells if c.text.strip() == "95"]
    assert [(c.row_header, c.column_header) for c in cells] == [("south", "injured")]
    assert HTML_TABLE[cells[0].start : cells[0].end] == "95"  # offsets point into the file


def test_a_total_row_and_a_share_column_are_partitions():
    found = [(r[1], r[2], r[4]) for r in relations(MARKDOWN_TABLE, "markdown") if r[0] == "partition"]
    assert found == [
        ("the Total row of column 'votes'", {"whole": ["2,545"], "part": ["1,215", "1,020", "310"]}, True),
        ("the Total row of column 'share'", {"part": ["46.7%", "39.2%", "14.1%"]}, True),
    ]


def test_a_total_column_is_a_partition_of_each_row():
    found = [r[2] for r in relations(HTML_TABLE, "html") if r[0] == "partition"]
    assert found == [{"whole": ["430"], "part": ["120", "310"]}, {"whole": ["175"], "part": ["80", "95"]}]


@pytest.mark.parametrize(
    ("total", "level"),
    [("2,545", None), ("2,600", "warning")],
)
def test_tables_are_checked_like_prose(tmp_path, total, level):
    path = tmp_path / "results.md"
    path.write_text(MARKDOWN_TABLE.replace("| 2,545 |", f"| {total} |"), encoding="utf-8")
    result = run_cli("check", "--format", "json", "--fail-on", "never", str(path))
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "parts-exceed-whole"]
    assert [f["level"] for f in findings] == ([level] if level else [])
    if level:
        assert "1,215 + 1,020 + 310 = 2,545" in findings[0]["message"]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("They worked 25 hours a day on site.", "25 hour / day"),
        ("He earned €400 a week on average.", "400 EUR / week"),
        ("They earn £520 a week before tax.", "520 GBP / week"),
        ("A year on, 300 people remain.", "300"),
        ("Sales were $1.17 billion a year earlier.", "1.17 billion USD"),
    ],
)
def test_rates_keep_their_period_when_more_words_follow(tmp_path, text, reading):
    result = run_cli("extract", "--format", "line", "-", stdin=text)
    assert f"= {reading} [" in result.stdout


def test_extract_prints_relations_beside_and_under_claims():
    text = "Turnover climbed 11% to €3.45 billion from €3.1 billion."
    data = json.loads(run_cli("extract", "--format", "json", "-", stdin=text).stdout)
    assert [r["type"] for r in data["relations"]] == ["change"]
    relation = data["relations"][0]
    ids = {c["text"]: c["id"] for c in data["claims"]}
    assert relation["roles"] == [["from", ids["€3.1 billion"]], ["to", ids["€3.45 billion"]], ["by", ids["11%"]]]
    assert relation["confidence"] == "sure" and relation["direction"] == "up"
    lines = run_cli("extract", "--format", "line", "-", stdin=text).stdout.splitlines()
    assert re.match(r'^  relation \S*r1 change "climbed": from="€3.1 billion" to="€3.45 billion" by="11%"', lines[-1])


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "Turnover climbed 25% to €3.45 billion from €3.1 billion.",
            "(3.45 billion − 3.1 billion) / 3.1 billion = +11.29%",
        ),
        ("Visitors fell from 9,120 to 8,208, or 14%.", "(8,208 − 9,120) / 9,120 = −10%"),
        ("Ana took 51.5%, Ben 39.9% and Cruz 10.2%.", "51.5 + 39.9 + 10.2 = 101.6%"),
        ("A third of the 1,200 members, 610, voted.", "610 / 1,200 = 50.833%"),
        ("Cleaners earn $15 an hour for 40 hours a week, or $700 a week.", "15 × 40 = 600 USD / week"),
        ("A 90-metre wave, three times the previous record of 20 metres, struck.", "90 / 20 = ×4.5"),
        ("Turnout was 112%.", "reads as 111.5–112.5 %"),
        # a total worked out ("therefore") from a minimum rate is computed at the minimum
        (
            "Porters must be paid at least $12 an hour; one on a 30-hour week therefore earns $480 a week.",
            "= 12 × 30 = 360 USD / week",
        ),
    ],
)
def test_every_message_shows_the_arithmetic(text, part):
    result = run_cli("check", "--format", "line", "--fail-on", "never", "-", stdin=text)
    assert part in result.stdout, result.stdout


WIDENED = [
    "Sales rose 4% in real terms to $120 million from $100 million.",
    "The toll rose to 31 from 14, officials said on Tuesday.",
    "Exports fell 8% to 2.3 million tonnes from 2.5 million tonnes a year earlier.",
]


@pytest.mark.parametrize("text", WIDENED)
def test_each_claim_s_roles_are_indexed_once(text):
    """A reading widened by a role adds only that role to the index, not its roles again."""
    from numcheck.relate.change import relate_changes
    from numcheck.relate.text import Text
    from numcheck.relate.words import relation_words

    doc = Document("w.txt", text, prose_view(text, "text"))
    index = Text(doc.prose, extract(doc, default_vocabulary(), prefix="w.txt#"))
    relate_changes(index, relation_words())
    assert index.relations, "a change is read"
    assert all(len(roles) == len(set(roles)) for roles in index.roles_of.values()), index.roles_of
    named = {(r.type, role, claim_id) for r in index.relations for role, claim_id in r.roles}
    indexed = {(t, role, index.by_id[i].id) for i in index.by_id for t, role in index.roles_of[index.by_id[i].start]}
    assert named == indexed
