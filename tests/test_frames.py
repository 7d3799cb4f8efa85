"""Claim frames, table-driven: what a figure counts, its predicate, scope and whole; which pairs unify."""

from __future__ import annotations

import subprocess
import sys

import pytest

from numcheck.extract import extract
from numcheck.extract.frame import frame_key, unify
from numcheck.extract.when import anchors, resolve
from numcheck.read.document import Document
from numcheck.read.markup import prose_view
from numcheck.vocab import default_vocabulary


def claims_of(text: str):
    return extract(Document("t", text, prose_view(text, "text")), default_vocabulary())


def claim(text: str, figure: str):
    found = [c for c in claims_of(text) if c.text == figure]
    assert found, f"no claim {figure!r} in {[c.text for c in claims_of(text)]}"
    return found[0]


# sentence, figure, counted, predicate, a part of the scope (or None for no scope)
FRAMES = [
    ("About 3,000 nurses walked out on Monday.", "About 3,000", "nurse", "strike", None),
    ("Some 2,800 nurses joined the strike.", "Some 2,800", "nurse", "strike", None),
    ("The hospital trust employs 9,400 nurses.", "9,400", "nurse", "employ", "subject=trust"),
    ("Six hikers are still missing.", "Six", "hiker", "missing", None),
    ("Crews rescued more than 200 hikers.", "more than 200", "hiker", "rescue", "subject=crews"),
    ("The storm killed 14 people in Dunmore.", "14", "person", "die", "place=dunmore"),
    ("Officials put the death toll at 31.", "31", "death", "die", None),
    ("Harlan's 420 patents were sold.", "420", "patent", "sell", "owner=harlan"),
    ("Only 1.2 million registered voters cast a ballot.", "1.2 million", "voter", "register", "group=registered"),
    ("The firm sold 500 of its patents.", "500", "patent", "sell", "part=of"),
    # a place in the next coordinated clause is not the figure's place
    (
        "Forty workers were taken to hospital, and the clinic in Brill sent for extra nurses.",
        "Forty",
        "worker",
        "hospital",
        None,
    ),
    ("In Loxley, where 70 climbers were hospitalised, roads stayed shut.", "70", "climber", "hospital", "place=loxley"),
    # a predicate across a comma belongs to the neighbouring item of a list
    ("By noon 12 hikers were dead, 40 had been rescued and nine were missing.", "40", None, "rescue", None),
    # a verb beside the figure names the event before the noun of its own measure
    ("Some 600 residents had been evacuated overnight.", "Some 600", "resident", "evacuate", None),
    ("Officials ordered the evacuation of 900 residents.", "900", "resident", "evacuate", None),
    ("The town's 9,000 residents voted on Sunday.", "9,000", "resident", "vote", "owner=town"),
    # a tonnage names its crop after "of" or before a yield noun; "bring in" a harvest is producing it
    ("The wheat harvest of 3.4 million tonnes was poor.", "3.4 million tonnes", "wheat", "produce", None),
    ("The board put this year's rice harvest at 2 million tonnes.", "2 million tonnes", "rice", "produce", None),
    ("Farmers brought in 2.2 million tonnes of barley.", "2.2 million tonnes", "barley", "produce", "subject=farmers"),
    # "N cases of measles" counts cases, of measles
    ("Clinics have confirmed 75 cases of mumps.", "75", "case", "infect", "of=mumps"),
    # a participle before a predicate noun is its modifier: the noun stays the counted thing
    ("The outbreak has reached 140 confirmed cases.", "140", "case", "infect", None),
    ("Eight hikers had suffered burns.", "Eight", "hiker", "burn", None),
    # a predicate word inside the source's name is no predicate of the figure; a toll before a comma is
    ("The party's health spokesman said 44 nurses quit.", "44", "nurse", "leave", None),
    ("The party's work spokeswoman said the 7.1% vacancy rate was high.", "7.1%", "rate", None, "group=vacancy"),
    ("The death toll, medics said, rose to 85.", "85", "death", "die", None),
    ("Flags flew for the 41 people confirmed dead.", "41", "person", "die", None),
    # a tally noun followed by "of" names what it counts
    ("The number of arrests climbed to 63.", "63", "arrest", "arrest", None),
    ("By May its running count of complaints stood at 88.", "88", "complaint", None, None),
    # a predicate in the next coordinated clause is not the figure's; a restatement (", or …") keeps it
    (
        "The deficit shrank to 9 million euros, and most of the debt is owed to banks.",
        "9 million euros",
        None,
        None,
        None,
    ),
    ("Renters paid £150 a week, or about £650 a month.", "about £650 a month", None, "pay", "subject=renters"),
]


@pytest.mark.parametrize(("text", "figure", "counted", "predicate", "scope"), FRAMES)
def test_reads_frame(text, figure, counted, predicate, scope):
    c = claim(text, figure)
    assert (c.counted, c.predicate) == (counted, predicate)
    if scope is None:
        assert c.scope is None
    else:
        assert scope in (c.scope or "")


# sentence, the part, the whole
PARTS = [
    ("Forty people died in the fire, including nine children.", "nine", "Forty"),
    ("The ward has 30 beds, of which 12 were empty.", "12", "30"),
    ("Of the 300 staff, 45 of the 300 were let go.", "45", "300"),
    ("Seven of the 10 schools stayed shut.", "Seven", "10"),
]


@pytest.mark.parametrize(("text", "part", "whole"), PARTS)
def test_reads_part_of(text, part, whole):
    claims = claims_of(text)
    p = [c for c in claims if c.text == part][-1]
    w = [c for c in claims if c.text == whole][-1]
    assert p.part_of == w.id


# two texts (one story), the two figures, and whether they state one quantity
PAIRS = [
    ("Police said 300 people died on Monday. Medics said 410 people died on Monday.", "300", "410", "same"),
    ("About 3,000 teachers joined the strike. The city employs 25,000 teachers.", "About 3,000", "25,000", "different"),
    ("Six climbers are missing. Crews rescued more than 200 climbers.", "Six", "more than 200", "different"),
    ("Sixty people died, including nine children.", "Sixty", "nine", "different"),
    ("The farm group counted 13 farms. It listed 500 idle farms.", "13", "500", "different"),
    (
        "Mr Ortiz won 2.1 million votes. There are 6.8 million registered voters.",
        "2.1 million",
        "6.8 million",
        "different",
    ),
    ("The 1998 storm killed 900 people in 1998. The wave killed 200 people.", "900", "200", "different"),
    ("Rescuers said 39 were dead. The ministry said four people died.", "39", "four", "thin"),
    ("The union said 4,000 nurses walked out. Managers said 1,500 nurses went on strike.", "4,000", "1,500", "same"),
    ("Sanders won four states. Biden won ten states.", "four", "ten", "different"),
    ("Inflation was 3.4% in May, the office said. Economists had expected inflation of 3.3%.", "3.4%", "3.3%", "thin"),
    (
        "The jobless rate was 4.6%, the office said. The unemployment rate was 4.9%, the union said.",
        "4.6%",
        "4.9%",
        "same",
    ),
    (
        "A blast killed 40 people. Another explosion hit a bus. Police said three people died.",
        "40",
        "three",
        "different",
    ),
    ("Clinics confirmed 75 cases of mumps. Doctors confirmed 90 cases of flu.", "75", "90", "different"),
    (
        "The river peaked at 5.1 metres in Brill on Sunday. The agency said it peaked at 5.9 metres in Brill on "
        "Sunday.",
        "5.1 metres",
        "5.9 metres",
        "same",
    ),
    (
        "The river peaked at 5.1 metres in Brill on Sunday. It peaked at 5.9 metres in Oxley on Sunday.",
        "5.1 metres",
        "5.9 metres",
        "different",
    ),
    # "the evacuation of N residents" is an evacuation, not the town's population
    (
        "The flood forced the evacuation of 3,100 residents, the mayor said. "
        "Police said 1,900 residents were evacuated.",
        "3,100",
        "1,900",
        "same",
    ),
    # a wage differs from person to person: one quantity only when both figures say whose
    (
        "The aide said she earns $16 an hour. Riders said they earned less than $9 an hour.",
        "$16 an hour",
        "less than $9 an hour",
        "thin",
    ),
]


@pytest.mark.parametrize(("text", "first", "second", "verdict"), PAIRS)
def test_unifies_only_one_quantity(text, first, second, verdict):
    claims = claims_of(text)
    a = next(c for c in claims if c.text == first)
    b = [c for c in claims if c.text == second][-1]
    assert unify(a, b, default_vocabulary())[0] == verdict


# sentence, figure, the key it is grouped under for comparison (None: compared with nothing)
KEYS = [
    ("By noon, 12 were dead and 40 had been rescued alive.", "40", "people"),  # an elided count of an event
    ("Crews pulled 61 people out alive.", "61", "people"),
    ("The score was 40 at half time.", "40", None),  # no counted thing, no event
    ("Rescuers saved 30 sheep.", "30", "sheep"),
    ("The river peaked at 6.2 metres at the bridge.", "6.2 metres", "peak"),  # a level of one place and time
    ("The river rose 6.2 metres.", "6.2 metres", None),
]


# sentence, figure, its time anchor: an anchor in another clause or of the figure compared with is not its own
WHENS = [
    ("Mills ground 4 million tonnes of flour, down from 5 million tonnes last year.", "4 million tonnes", None),
    ("Mills ground 4 million tonnes of flour, down from 5 million tonnes last year.", "5 million tonnes", "earlier"),
    (
        "On Monday the board put the harvest at 9 million tonnes, confirming rumours heard since May.",
        "9 million tonnes",
        "monday",
    ),
    ("Output fell to 3% in May from 4% in April.", "3%", "--05"),
    ("Clinics had confirmed 40 cases of flu since the outbreak began in May, as of Friday.", "40", "friday"),
]


@pytest.mark.parametrize(("text", "figure", "when"), WHENS)
def test_time_anchor_is_the_figures_own(text, figure, when):
    assert claim(text, figure).when == when


# an anchor as written, the text's date, the day it names
DATED = [
    ("On Friday of last week, 31 pupils were off sick.", "2025-01-24", "2025-01-17"),  # a Friday: the one before
    ("On Friday of last week, 31 pupils were off sick.", "2025-01-25", "2025-01-17"),  # not the 24th
    ("On Friday, 31 pupils were off sick.", "2025-01-20", "2025-01-17"),
]


@pytest.mark.parametrize(("text", "date", "day"), DATED)
def test_weekday_of_last_week(text, date, day):
    found = anchors(text, 0, len(text))
    assert [resolve(a[3], date) for a in found] == [day]


@pytest.mark.parametrize(("text", "figure", "key"), KEYS)
def test_groups_by_frame_key(text, figure, key):
    assert frame_key(claim(text, figure), default_vocabulary()) == key


# text, figure that must be read, figures (texts) that must not be read
READINGS = [
    ("Biden led Trump 47% to 42% in the poll.", ["47%", "42%"], []),
    ("Output rose 8% to 4.7 million.", ["8%", "4.7 million"], []),
    ("Unemployment edged up 0.1% to 4.7%.", ["0.1%", "4.7%"], []),
    ("The rate fell from 30% to 29%.", ["30%", "29%"], []),
    ("They cut the term from 10 years to 2.", [], ["from 10 years to 2"]),
    ("The show airs on Radio 4 on Aug. 14.", [], ["4", "14"]),
    ("Game 7 is tonight; the FTSE 100 fell.", [], ["7", "100"]),
    ("A 47-year-old man was arrested.", [], []),
    ("The mix is 80%-20% nitrogen and oxygen.", ["80%", "20%"], ["80%-20%", "-20%"]),
]


@pytest.mark.parametrize(("text", "present", "absent"), READINGS)
def test_reads_right(text, present, absent):
    texts = [c.text for c in claims_of(text)]
    for figure in present:
        assert figure in texts
    for figure in absent:
        assert figure not in texts


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("He died aged 62 on Monday.", "age"),
        ("The 47-year-old was charged.", "age"),
        ("Rides are free for people 65 and over.", "age"),
    ],
)
def test_ages_are_not_tolls(text, concept):
    assert all(c.concept == concept for c in claims_of(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Officials said 300 people died.", "Officials"),
        ("According to the health ministry, 300 people died.", "the health ministry"),
        ("Afterwards, 300 people died, effortlessly said.", None),
        ("The total number of 300 people died, the weekend said.", None),
        ("McGurk later said 300 people died.", "McGurk"),
        ("A study published said 300 people died.", None),
        ("About 300 people were counted, officials said.", "officials"),  # a passive cue names no source
        ("About 300 people were recorded by the agency.", None),
        ("The fund will help the 41 people reported missing, the mayor said.", "the mayor"),  # no "people" source
    ],
)
def test_sources_are_sources(text, source):
    assert claims_of(text)[0].attribution == source


def test_vague_amounts_widen_in_comparisons(tmp_path):
    (tmp_path / "a.txt").write_text("Union leaders said thousands of jobs were lost at the plant.\n")
    (tmp_path / "b.txt").write_text("Managers said 12,500 jobs were lost at the plant.\n")
    run = subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "--format", "line", str(tmp_path)], capture_output=True, text=True
    )
    assert "sources-disagree" not in run.stdout


def test_extract_shows_the_frame(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("About 3,000 nurses walked out on Monday.\n")
    run = subprocess.run(
        [sys.executable, "-m", "numcheck", "extract", "--format", "line", str(path)], capture_output=True, text=True
    )
    assert "counted=nurse" in run.stdout and "predicate=strike" in run.stdout


# one source's text, the undecidable rule it must show with --show-undecidable (and no warning without)
THIN = [
    ("The agency said about 300 people died in the storm.\nThe agency said 412 died.\n", "exact-outside-estimate"),
    ("The agency said about 300 people died in the storm.\nThe agency said 412 died.\n", "same-quantity-differs"),
]


@pytest.mark.parametrize(("text", "rule"), THIN)
def test_thin_pairs_are_undecidable(tmp_path, text, rule):
    path = tmp_path / "a.txt"
    path.write_text(text)
    command = [sys.executable, "-m", "numcheck", "check", "--format", "line", "--fail-on", "never", str(path)]
    shown = subprocess.run([*command, "--show-undecidable"], capture_output=True, text=True).stdout
    plain = subprocess.run(command, capture_output=True, text=True).stdout
    assert f"Undecidable ({rule})" in shown
    assert rule not in plain
