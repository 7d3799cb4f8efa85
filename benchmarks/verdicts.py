"""Score numcheck on the development suite of drafts with answer keys (benchmarks/verdicts/).

Usage: python benchmarks/verdicts.py [--show] [--story SLUG] [--json]

Each story folder (one draft, or two or three reports of one event) is checked alone with the
built-in rules, as `numcheck check FOLDER` would. Its key.yaml names the planted problems and
the correct figure relations that tempt a careless checker, each by the exact words of its
figures. A finding's claims match a key figure when their spans overlap in the same file.

- A planted problem is caught when one finding (any level, not undecidable) covers at least
  min(2, number of its figures) of its figures.
- A finding at warning or error that catches no planted problem is a false alarm; the tempting
  relation it hit, if any, is named (it covers as many of its figures, or any one figure of a
  label or period entry). Info findings that catch nothing are "info notes".

The script always exits 0: the figures are a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "benchmarks" / "verdicts"
sys.path.insert(0, str(ROOT / "cli"))

PROBLEM_TYPES = ("change", "share", "partition", "ratio", "rate", "plausibility", "same", "conflict", "running-total")
TEMPTING_KINDS = (
    "same-noun-different-quantity",
    "part-whole",
    "non-source",
    "change-not-range",
    "label-score-time",
    "unit-period",
    "different-event-time",
    "vague-amount",
    "rounding-hedge",
    *PROBLEM_TYPES[:6],  # a correct relation of an issue-10 type
)


# Tempting kinds whose figures are misread on their own (a label read as a count, a period as
# hours a day): a finding that uses any one of them fell for it.
MISREAD_ALONE = ("label-score-time", "unit-period")


class BadKey(ValueError):
    """A key.yaml that does not describe its story's files."""


@dataclass(frozen=True)
class Figure:
    """One figure of a key: its words and where they stand in the file."""

    file: str
    text: str
    start: int
    end: int


@dataclass
class Item:
    """A planted problem or a tempting correct relation of a key."""

    id: str
    label: str  # the problem's type, or the tempting relation's kind
    order: str
    why: str
    figures: list[Figure]


@dataclass
class Story:
    """One story folder and its key."""

    slug: str
    folder: Path
    description: str
    problems: list[Item] = field(default_factory=list)
    tempting: list[Item] = field(default_factory=list)


def story_folders(suite: Path = SUITE) -> list[Path]:
    """Return the story folders of the suite: those with a key.yaml, in name order."""
    return sorted(p.parent for p in suite.glob("*/key.yaml"))


def load_story(folder: Path) -> Story:
    """Read and validate one story's key; raise BadKey naming what is wrong."""
    import yaml

    path = folder / "key.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise BadKey(f"{path}: not a mapping")
    texts: dict[str, str] = {}
    seen: set[str] = set()

    def figures(entry: dict, where: str) -> list[Figure]:
        items = entry.get("figures")
        if not isinstance(items, list) or not items:
            raise BadKey(f"{path}: {where}: no figures")
        out = []
        for fig in items:
            name, text = fig.get("file"), fig.get("text")
            if not isinstance(name, str) or not isinstance(text, str) or not text:
                raise BadKey(f"{path}: {where}: a figure needs file and text")
            if name not in texts:
                file = folder / name
                if not file.is_file():
                    raise BadKey(f"{path}: {where}: no file {name}")
                texts[name] = file.read_text(encoding="utf-8")
            count = texts[name].count(text)
            if count != 1:
                raise BadKey(f"{path}: {where}: '{text}' occurs {count} times in {name}, not once")
            start = texts[name].index(text)
            out.append(Figure(name, text, start, start + len(text)))
        return out

    def items(section: str, labels: tuple[str, ...], label_key: str) -> list[Item]:
        out = []
        for entry in data.get(section) or []:
            ident = entry.get("id")
            if not isinstance(ident, str) or ident in seen:
                raise BadKey(f"{path}: {section}: missing or repeated id {ident!r}")
            seen.add(ident)
            label = entry.get(label_key)
            if label not in labels:
                raise BadKey(f"{path}: {ident}: unknown {label_key} {label!r}")
            if not entry.get("why"):
                raise BadKey(f"{path}: {ident}: no why")
            found = figures(entry, ident)
            out.append(Item(ident, label, str(entry.get("order") or ""), str(entry["why"]), found))
        return out

    story = Story(folder.name, folder, str(data.get("story") or ""))
    story.problems = items("problems", PROBLEM_TYPES, "type")
    story.tempting = items("tempting", TEMPTING_KINDS, "kind")
    return story


def run_numcheck(folder: Path) -> tuple[list, list]:
    """Check one folder alone with the built-in rules; return its claims and findings."""
    from numcheck.config import Config
    from numcheck.pipeline import Settings, check, read_and_extract

    settings = Settings()  # the defaults, without any configuration file
    run = read_and_extract([str(folder)], settings)
    check(run, settings, Config())
    return run.claims, run.findings


def covered(item: Item, spans: list[tuple[str, int, int]]) -> int:
    """Count the item's figures that overlap one of the finding's claim spans."""
    return sum(any(f.file == name and s < f.end and f.start < e for name, s, e in spans) for f in item.figures)


def caught_by(item: Item, spans: list[tuple[str, int, int]]) -> bool:
    """Return whether a finding with these claim spans catches the item."""
    return covered(item, spans) >= min(2, len(item.figures))


def tempts(item: Item, spans: list[tuple[str, int, int]]) -> bool:
    """Return whether a finding with these claim spans fell for the tempting relation."""
    if item.label in MISREAD_ALONE:  # a label or a period misread is wrong whatever it is paired with
        return covered(item, spans) >= 1
    return caught_by(item, spans)


def score_story(story: Story) -> dict:
    """Run numcheck on the story and match its findings with the key."""
    claims, findings = run_numcheck(story.folder)
    where = {c.id: (Path(c.source).name, c.start, c.end) for c in claims}
    caught: dict[str, list[str]] = {}  # problem id → the rules of the findings that caught it
    alarms, notes = [], []
    for finding in findings:
        if finding.outcome == "undecidable":
            continue
        spans = [where[i] for i in finding.claims if i in where]
        hits = [p.id for p in story.problems if caught_by(p, spans)]
        for hit in hits:
            caught.setdefault(hit, []).append(finding.rule)
        if hits:
            continue
        tempted = [t for t in story.tempting if tempts(t, spans)]
        first = next((c for c in claims if finding.claims and c.id == finding.claims[0]), None)
        entry = {
            "story": story.slug,
            "file": Path(finding.source).name,
            "line": finding.line,
            "level": finding.level,
            "rule": finding.rule,
            "message": " ".join(finding.message.split()),
            "sentence": " ".join(first.sentence.split()) if first else "",
            "tempting": [t.id for t in tempted],
            "tempting_kinds": sorted({t.label for t in tempted}),
        }
        (notes if finding.level == "info" else alarms).append(entry)
    problems = [
        {
            "id": p.id,
            "type": p.label,
            "order": p.order,
            "caught": p.id in caught,
            "rules": sorted(set(caught.get(p.id, []))),
            "why": p.why,
        }
        for p in story.problems
    ]
    return {
        "story": story.slug,
        "problems": problems,
        "tempting": len(story.tempting),
        "tempting_by_kind": dict(Counter(t.label for t in story.tempting)),
        "alarms": alarms,
        "notes": notes,
    }


def summary(results: list[dict]) -> dict:
    """Add the stories' figures up: per type, per change order, in total."""
    by_type: dict[str, Counter] = {}
    by_order: dict[str, dict[str, Counter]] = {}
    for result in results:
        for p in result["problems"]:
            by_type.setdefault(p["type"], Counter()).update(total=1, caught=int(p["caught"]))
            orders = by_order.setdefault(p["type"], {})
            orders.setdefault(p["order"], Counter()).update(total=1, caught=int(p["caught"]))
    problems = sum(len(r["problems"]) for r in results)
    caught = sum(p["caught"] for r in results for p in r["problems"])
    alarms = [a for r in results for a in r["alarms"]]
    notes = [n for r in results for n in r["notes"]]
    return {
        "stories": len(results),
        "files": sum(r.get("files", 0) for r in results),
        "problems": problems,
        "tempting": sum(r["tempting"] for r in results),
        "caught": caught,
        "caught_percent": round(100 * caught / problems, 1) if problems else 0.0,
        "by_type": {t: {"caught": c["caught"], "total": c["total"]} for t, c in sorted(by_type.items())},
        "by_order": {
            t: {o: {"caught": c["caught"], "total": c["total"]} for o, c in sorted(orders.items())}
            for t, orders in sorted(by_order.items())
        },
        "false_alarms": len(alarms),
        "false_alarms_on_tempting": sum(bool(a["tempting"]) for a in alarms),
        "false_alarms_by_tempting_kind": dict(Counter(k for a in alarms for k in a["tempting_kinds"]).most_common()),
        "tempting_by_kind": dict(
            sum((Counter(r.get("tempting_by_kind", {})) for r in results), Counter()).most_common()
        ),
        "info_notes": len(notes),
        "missed": [f"{r['story']}/{p['id']}" for r in results for p in r["problems"] if not p["caught"]],
        "caught_list": [
            {"problem": f"{r['story']}/{p['id']}", "rules": p["rules"]}
            for r in results
            for p in r["problems"]
            if p["caught"]
        ],
        "alarm_list": alarms,
        "note_list": notes,
    }


def print_text(figures: dict, show: bool) -> None:
    """Print the figures for a person."""
    print(
        f"{figures['stories']} stories ({figures['files']} files), {figures['problems']} planted problems, "
        f"{figures['tempting']} tempting relations"
    )
    print(f"caught {figures['caught']}/{figures['problems']} planted problems ({figures['caught_percent']}%)")
    print("per type, and per order:")
    for name, c in figures["by_type"].items():
        print(f"  {name:14s} {c['caught']:3d}/{c['total']}")
        for order, o in figures["by_order"][name].items():
            print(f"      {o['caught']:3d}/{o['total']}  {order}")
    print(
        f"false alarms (warning/error catching nothing planted): {figures['false_alarms']} "
        f"({figures['false_alarms_on_tempting']} on a tempting relation of the key)"
    )
    if figures["false_alarms_by_tempting_kind"]:
        kinds = ", ".join(f"{k} {n}" for k, n in figures["false_alarms_by_tempting_kind"].items())
        print(f"  on tempting relations, per kind: {kinds}")
    print(f"info notes catching nothing planted: {figures['info_notes']}")
    if show:
        for title, entries in (("false alarms", figures["alarm_list"]), ("info notes", figures["note_list"])):
            print(f"\n{title}:")
            for a in entries:
                tempted = f" [tempting: {', '.join(a['tempting'])}]" if a["tempting"] else ""
                print(f"- {a['story']}/{a['file']}:{a['line']} {a['level']} {a['rule']}{tempted}")
                print(f"    {a['message']}")
                print(f"    sentence: {a['sentence']}")
        print("\ncaught problems (by which rules: a catch by figures alone may be a coincidence):")
        for entry in figures["caught_list"]:
            print(f"- {entry['problem']}: {', '.join(entry['rules'])}")
        print("\nmissed problems:")
        for name in figures["missed"]:
            print(f"- {name}")


def main() -> None:
    """Score every story (or one) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each false alarm, info note and missed problem")
    parser.add_argument("--story", help="score only this story folder (its slug)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    folders = story_folders()
    if args.story:
        folders = [f for f in folders if f.name == args.story]
        if not folders:
            print(f"verdicts: no story '{args.story}' under {SUITE}", file=sys.stderr)
            sys.exit(2)
    results = []
    for folder in folders:
        try:
            story = load_story(folder)
        except BadKey as exc:
            print(f"verdicts: error: {exc}", file=sys.stderr)
            sys.exit(2)
        result = score_story(story)
        result["files"] = sum(1 for p in folder.iterdir() if p.suffix == ".md")
        results.append(result)
    figures = summary(results)
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print_text(figures, args.show)


if __name__ == "__main__":
    main()
