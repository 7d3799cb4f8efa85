"""Score numcheck's extraction against public test suites, and quantulum3 beside it when installed.

Usage: python benchmarks/accuracy.py [--show-misses SUITE] [--corpora DIR]

The suites live in ../shared/corpora (never copied into this repository). Conventions that
differ from ours on purpose are mapped here, not in numcheck, and each mapping is named:

- quantulum3 reads calendar years ("in 2013") as numbers; numcheck never does. Gold years
  (four-digit integers 1000-2100 without a unit) are set aside and counted.
- quantulum3 writes a range as midpoint ± uncertainty; we compare our interval's ends with
  midpoint - uncertainty and midpoint + uncertainty.
- Recognizers-Text writes "between 20 and 30" as [20,30) by convention; a two-sided range
  is scored on its ends, and openness is only scored for one-sided bounds.
- The typed Recognizers models (Percent, Currency, Dimension, Temperature, Age) annotate only
  their own type, so only our claims of that type count toward precision there.
- Recognizers' dimension model drops a rate ("500,000 barrels a day" → barrel); we keep it, so
  there the unit is compared by its numerator. It names tons and tonnes alike "Ton": either counts.
- quantulum3 calls a bare fraction ("1/40 of", "two thirds") dimensionless; we give it the
  unit "fraction" (a share); the two count as the same unit.
- Vague amounts ("hundreds", "a few") are claims for numcheck and no suite's gold; they are
  set aside from precision and counted.

A claim matches a gold quantity when their spans overlap (where the suite gives offsets)
and the values agree to 1e-6; value+unit also needs the same unit (factor 1 in numcheck's
pint registry, or the same currency code).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
QUANTULUM = "quantulum3/quantulum3/_lang/en_US/tests"
RECOGNIZERS = "recognizers_text/Specs"

# Peer unit names that do not parse as they are in numcheck's registry.
PEER_UNITS = {
    "dimensionless": "",
    "percentage": "percent",
    "percent": "percent",
    "pound sterling": "GBP",
    "gbp": "GBP",
    "cent": "cent",
    "penny": "penny",
    "dollar": "USD",
    "euro": "EUR",
    "yen": "JPY",
    "pound-mass": "pound",
    "pound": "pound",
    "degree celsius": "degC",
    "degree fahrenheit": "degF",
    "c": "degC",
    "f": "degF",
    "kilometer per hour": "km / hour",
    "kilometre per hour": "km / hour",
    "mile per hour": "mile / hour",
    "megabit": "Mbit",
    "count per week": "1 / week",
    "count per day": "1 / day",
    "count per year": "1 / year",
}


# Currency names the Recognizers currency model gives without an ISO code.
CURRENCY_NAMES = {"Pound": "GBP", "Cent": "cent", "Penny": "penny", "Pence": "penny"}
# Recognizers' dimension model calls the metric ton "Ton" (its "t", "tonnes").
DIMENSION_NAMES = {"Ton": "tonne|ton"}


@dataclass
class Item:
    """A quantity, gold or predicted: span (None when unknown), value or interval, unit."""

    start: int | None
    end: int | None
    value: float
    low: float | None
    high: float | None
    unit: str | None  # numcheck unit string; None when the peer's unit is unknown to us
    bounded: str = ""  # interval notation for NumberRange: "(30,)", "[20,30]"
    vague: bool = False
    modified: bool = False  # a hedge or bound word stands with it ("equals 20", "at least 5")


@dataclass
class Case:
    """One input text and its gold quantities."""

    text: str
    gold: list[Item]


@dataclass
class Score:
    """Counts for one suite and one extractor."""

    gold: int = 0
    pred: int = 0
    value: int = 0
    unit: int = 0
    interval: int = 0
    openness: int = 0
    cases: int = 0
    cases_right: int = 0
    set_aside: int = 0

    def prf(self, hits: int) -> str:
        """Return precision/recall/F1 as a short string."""
        p = hits / self.pred if self.pred else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {100 * p:5.1f} R {100 * r:5.1f} F1 {100 * f:5.1f}"


# -- units ---------------------------------------------------------------------------


def peer_unit(name: str | None, iso: str | None = None) -> str | None:
    """Map a peer's unit name to a numcheck unit string, or None when we have no such unit."""
    if iso:
        return iso
    if name is None:
        return ""
    if "|" in name:
        return name  # a peer name that covers several of our units
    low = name.lower().strip()
    if low in PEER_UNITS:
        return PEER_UNITS[low]
    from numcheck.normalise import units

    text = low.replace("metre", "meter").replace("litre", "liter")
    for name, code in (("dollar", "USD"), ("euro", "EUR"), ("pound sterling", "GBP")):
        text = re.sub(rf"\b{name}\b", code, text)
    text = re.sub(r"\bsquare (\w+)", r"\1 ** 2", text)
    text = re.sub(r"\bcubic (\w+)", r"\1 ** 3", text)
    text = text.replace(" per ", " / ")
    for candidate in (text, text.replace(" ", "_")):
        try:
            units.check_unit(candidate, "peer unit")
        except Exception:  # any unit we cannot parse is simply unknown to us
            continue
        return candidate
    return None


def same_unit(ours: str | None, theirs: str | None) -> bool:
    """Return True when two numcheck unit strings name the same unit."""
    if ours is None or theirs is None:
        return False
    if "|" in theirs:
        return any(same_unit(ours, one) for one in theirs.split("|"))
    if ours == theirs:
        return True
    from numcheck.normalise import units

    try:
        f = units.factor(ours, theirs)
    except Exception:
        return False
    return f is not None and abs(f - 1) < 1e-6


# -- suites --------------------------------------------------------------------------


def is_year(item: dict) -> bool:
    """quantulum3 reads years as numbers; numcheck does not (mapped convention)."""
    v = item["value"]
    four_digits = re.fullmatch(r"\d{4}", item["surface"]) is not None
    return item["unit"] == "dimensionless" and v == int(v) and 1000 <= v <= 2100 and four_digits


def quantulum_cases(path: Path) -> tuple[list[Case], int]:
    """Read quantulum3's quantities file; return the cases and how many gold years were set aside."""
    cases, years = [], 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        gold = []
        for r in entry["res"]:
            if is_year(r):
                years += 1
                continue
            spread = r.get("uncertainty") or 0.0
            start = entry["req"].find(r["surface"])
            gold.append(
                Item(
                    start if start >= 0 else None,
                    start + len(r["surface"]) if start >= 0 else None,
                    float(r["value"]),
                    float(r["value"]) - spread,
                    float(r["value"]) + spread,
                    peer_unit(r["unit"]),
                )
            )
        cases.append(Case(entry["req"], gold))
    return cases, years


def parse_number(text: str) -> float:
    """Read a Recognizers value string: "1234.5", "240%", "1E-05"."""
    return float(text.rstrip("%").replace(",", ""))


def interval(text: str) -> tuple[float | None, float | None]:
    """Read the ends of a Recognizers interval string such as "[20,30)" or "(30,)"."""
    low, high = text[1:-1].split(",")
    return (float(low) if low else None, float(high) if high else None)


def recognizers_cases(path: Path) -> list[Case]:
    """Read one Recognizers-Text spec file (BOM-tolerant, inclusive end offsets)."""
    cases = []
    for entry in json.loads(path.read_text(encoding="utf-8-sig")):
        gold = []
        for r in entry.get("Results", []):
            res = r.get("Resolution") or {}
            raw = res.get("value")
            if raw is None:
                continue  # a bare unit mention ("celsius") carries no quantity
            start, end = r["Start"], r["End"] + 1
            if raw[:1] in "[(":
                low, high = interval(raw)
                value = low if low is not None else high
                gold.append(Item(start, end, value, low, high, "", bounded=raw))
                continue
            try:
                value = parse_number(raw)
            except ValueError:
                continue
            name = res.get("unit")
            if path.stem == "CurrencyModel" and name in CURRENCY_NAMES and not res.get("isoCurrency"):
                name = CURRENCY_NAMES[name]  # the currency model names sterling "Pound", cents "Cent"
            if path.stem == "DimensionModel":
                name = DIMENSION_NAMES.get(name, name)
            unit = "percent" if raw.endswith("%") else peer_unit(name, res.get("isoCurrency"))
            gold.append(Item(start, end, value, value, value, unit))
        cases.append(Case(entry["Input"], gold))
    return cases


# -- extractors ----------------------------------------------------------------------


def numcheck_items(text: str) -> list[Item]:
    """Run numcheck's extraction on a plain text."""
    items = []
    for c in numcheck_items_full(text):
        low = c.low
        if c.qualifier == "upper_bound":
            low = None  # our "counts are not negative" floor is an assumption, not a read end
        vague, modified = c.qualifier == "vague", c.modifier is not None
        items.append(Item(c.start, c.end, c.value, low, c.high, c.unit, _notation(c), vague, modified))
    return items


def _notation(c) -> str:
    """Write a claim as an interval string in Recognizers' notation."""
    if c.qualifier == "lower_bound":
        return f"{'(' if c.strict else '['}{c.value:g},)"
    if c.qualifier == "upper_bound":
        return f"(,{c.value:g}{')' if c.strict else ']'}"
    return f"[{c.low:g},{c.high:g}]"


def quantulum_items(text: str) -> list[Item]:
    """Run quantulum3 on a text (only when installed)."""
    from quantulum3 import parser

    items = []
    try:
        found = parser.parse(text)
    except Exception:
        return items
    for q in found:
        spread = q.uncertainty or 0.0
        unit = peer_unit(q.unit.name)
        if getattr(q.unit, "entity", None) is not None and q.unit.entity.name == "currency":
            unit = peer_unit(q.unit.name) or q.unit.name
        low, high = q.value - spread, q.value + spread
        bounded = f"[{low:g},{high:g}]" if spread else ""
        items.append(Item(q.span[0], q.span[1], q.value, low, high, unit, bounded))
    return items


# -- scoring -------------------------------------------------------------------------


def _money(item: Item) -> bool:
    """A currency code, alone or per time ("USD / hour"), or cents and pence."""
    head = (item.unit or "").split(" / ")[0]
    return (len(head) == 3 and head.isupper()) or head in ("cent", "penny")


_TIMES = ("year", "month", "week", "day", "hour", "minute")
_NOT_DIMENSIONS = ("percent", "fraction", "degree", "degC", "degF", "kelvin", *_TIMES)

TYPES: dict[str, Callable[[Item], bool]] = {
    "any": lambda item: True,
    "number": lambda item: True,
    "percent": lambda item: item.unit == "percent",
    "currency": _money,
    "temperature": lambda item: item.unit in ("degC", "degF", "kelvin", "degree"),
    "age": lambda item: item.unit in ("year", "month", "week", "day"),
    "dimension": lambda item: bool(item.unit) and item.unit not in _NOT_DIMENSIONS and not _money(item),
    "range": lambda item: item.bounded != "" and (item.low != item.high or item.modified),
}


def close(a: float | None, b: float | None) -> bool:
    """Return True when two values agree to 1e-6 (relative), or are both missing."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def overlaps(a: Item, b: Item) -> bool:
    """Return True when two spans overlap, or when either span is unknown."""
    if a.start is None or b.start is None:
        return True
    return a.start < b.end and b.start < a.end


def score(cases: Iterable[Case], run: Callable[[str], list[Item]], kind: str, misses: list | None) -> Score:
    """Score an extractor on cases; collect the wrong cases into misses when asked."""
    keep = TYPES[kind]
    s = Score()
    for case in cases:
        found = run(case.text)
        vague = [p for p in found if p.vague]
        preds = [p for p in found if not p.vague and keep(p)]
        s.set_aside += len(vague)
        s.cases += 1
        s.gold += len(case.gold)
        s.pred += len(preds)
        free = list(preds)
        right = len(preds) == len(case.gold)
        for g in case.gold:
            match = _match(g, free, kind)
            if match is None:
                right = False
                continue
            free.remove(match)
            s.value += 1
            if kind == "range":
                ends = close(match.low, g.low) and close(match.high, g.high)
                s.interval += ends
                one_sided = g.low is None or g.high is None
                s.openness += ends and (not one_sided or match.bounded == g.bounded)
                right = right and ends
            elif kind == "number":
                pass  # the number model has no units to score
            elif (
                same_unit(match.unit, g.unit)
                or (kind == "dimension" and same_unit(_head(match.unit), g.unit))
                or (kind == "any" and match.unit == "fraction" and g.unit == "")
            ):
                s.unit += 1
                spread_ok = close(match.low, g.low) and close(match.high, g.high)
                s.interval += spread_ok
            else:
                right = False
        s.cases_right += right
        if not right and misses is not None:
            misses.append((case.text, [_show(g) for g in case.gold], [_show(p) for p in preds]))
    return s


def _head(unit: str | None) -> str | None:
    """Return the numerator of a rate: Recognizers drops "a day" from "barrels a day"; we keep it."""
    return unit.split(" / ")[0] if unit else unit


def _match(g: Item, free: list[Item], kind: str) -> Item | None:
    """Return the first free prediction that overlaps g with the same value (or ends)."""
    for p in free:
        if not overlaps(p, g):
            continue
        if kind == "range":
            if close(p.low, g.low) or close(p.high, g.high):
                return p
        elif close(p.value, g.value):
            return p
    return None


def _show(item: Item) -> str:
    """Write an item for the misses listing."""
    unit = "?" if item.unit is None else item.unit
    if item.bounded and item.low != item.high:
        return f"{item.bounded} {unit}".strip()
    return f"{item.value:g} {unit}".strip()


# -- main ----------------------------------------------------------------------------


def suites(corpora: Path) -> list[tuple[str, str, list[Case], str]]:
    """Return (name, kind, cases, note) for every suite found under corpora."""
    out = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        path = corpora / QUANTULUM / name
        if path.exists():
            cases, years = quantulum_cases(path)
            out.append((f"quantulum3 {name}", "any", cases, f"{years} gold years set aside"))
    for model, kind in (
        ("Number/English/NumberModel.json", "number"),
        ("Number/English/NumberRangeModel.json", "range"),
        ("Number/English/PercentModel.json", "percent"),
        ("NumberWithUnit/English/CurrencyModel.json", "currency"),
        ("NumberWithUnit/English/DimensionModel.json", "dimension"),
        ("NumberWithUnit/English/TemperatureModel.json", "temperature"),
        ("NumberWithUnit/English/AgeModel.json", "age"),
    ):
        path = corpora / RECOGNIZERS / model
        if path.exists():
            out.append((f"Recognizers {Path(model).stem}", kind, recognizers_cases(path), ""))
    return out


def quantemp_smoke(corpora: Path) -> None:
    """Extract every QuanTemp claim on its own; print how many claims and the qualifier mix."""
    from collections import Counter

    path = corpora / "quantemp" / "test_claims.txt"
    if not path.exists():
        return
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    mix: Counter[str] = Counter()
    failures = with_claims = 0
    for line in lines:
        try:
            found = numcheck_items_full(line)
        except Exception:  # a crash is what this smoke test looks for
            failures += 1
            continue
        with_claims += bool(found)
        mix.update(c.qualifier for c in found)
    total = sum(mix.values())
    shares = ", ".join(f"{q} {n} ({100 * n / total:.1f}%)" for q, n in mix.most_common())
    print(f"QuanTemp smoke: {len(lines)} claims read, {failures} errors, {with_claims} with a figure, {total} figures")
    print(f"  qualifiers: {shares}")


def numcheck_items_full(text: str) -> list:
    """Return numcheck's claim records for a plain text."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.vocab import default_vocabulary

    return extract(Document("case", text, prose_view(text, "text")), default_vocabulary())


def main() -> None:
    """Print precision, recall and F1 per suite for numcheck (and quantulum3 when installed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--show-misses", metavar="SUITE", help="list the cases of suites whose name contains SUITE")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "cli"))
    found = suites(args.corpora)
    if not found:
        sys.exit(f"no suites under {args.corpora}")
    runners: list[tuple[str, Callable[[str], list[Item]]]] = [("numcheck", numcheck_items)]
    try:
        import quantulum3  # noqa: F401

        runners.append(("quantulum3", quantulum_items))
    except ImportError:
        print("quantulum3 is not installed (pip install -e '.[bench]'): numcheck only\n")
    for name, kind, cases, note in found:
        print(f"{name}: {len(cases)} cases, {sum(len(c.gold) for c in cases)} gold quantities {note}".rstrip())
        for label, run in runners:
            misses: list | None = [] if args.show_misses and args.show_misses in name and label == "numcheck" else None
            s = score(cases, run, kind, misses)
            line = f"  {label:<10} value {s.prf(s.value)}"
            if kind == "number":
                pass
            elif kind == "range":
                ends, open_ = (100 * x / max(s.gold, 1) for x in (s.interval, s.openness))
                line += f" | ends exact {ends:5.1f}% openness {open_:5.1f}%"
            else:
                line += f" | value+unit {s.prf(s.unit)}"
            line += f" | cases right {s.cases_right}/{s.cases} ({100 * s.cases_right / s.cases:.1f}%)"
            if s.set_aside:
                line += f" | {s.set_aside} vague set aside"
            print(line)
            for text, gold, preds in misses or []:
                print(f"    MISS {text[:110]!r}\n         gold {gold}\n         ours {preds}")
    quantemp_smoke(args.corpora)


if __name__ == "__main__":
    main()
