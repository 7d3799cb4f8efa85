"""Count the built-in pack's findings on the examples, on real news articles and on real fact-checked claims.

Usage: python benchmarks/false_alarms.py [--claims N] [--show] [--undecidable] [--attributions]

Each Wikinews article (../shared/corpora/wikinews/articles, not in this repository) is checked
alone, as one story of its own, and the findings are counted per rule and level; each of the
first N QuanTemp claims is checked as a text of its own, as a newsroom would check a one-line
claim. --show prints every finding with its sentence so a person can judge which are worth
attention. False alarms are the figure to drive down: the goal on Wikinews is at most one
finding at warning or error per 100 articles, each a real problem. --attributions lists the
distinct sources found on the Wikinews articles, most frequent first, so a person can read
which are no sources at all.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT.parent / "shared" / "corpora" / "quantemp" / "test_claims.txt"
ARTICLES = ROOT.parent / "shared" / "corpora" / "wikinews" / "articles"
sys.path.insert(0, str(ROOT / "cli"))


def check_text(text: str, rules: list, vocab, undecidable: bool = False) -> list:
    """Run the rules on one plain text."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.rules.engine import run
    from numcheck.rules.model import Context

    doc = Document("claim", text, prose_view(text, "text"))
    ctx = Context(vocab, texts={"claim": doc.prose}, show_undecidable=undecidable)
    return run(rules, extract(doc, vocab), ctx)


def main() -> None:
    """Print the counts, and the findings when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=500)
    parser.add_argument("--show", action="store_true", help="print every finding with its claim")
    parser.add_argument("--undecidable", action="store_true", help="count checks that could not decide too")
    parser.add_argument("--attributions", action="store_true", help="list the sources found on Wikinews, and stop")
    args = parser.parse_args()
    if args.attributions:
        attributions()
        return

    from numcheck.config import Config
    from numcheck.pipeline import Settings, check, read_and_extract
    from numcheck.rules.loader import load_rules
    from numcheck.vocab import default_vocabulary

    settings = Settings()  # the defaults, without any configuration file
    run = read_and_extract([str(ROOT / "examples")], settings)
    check(run, settings, Config())
    levels = Counter(f.level for f in run.findings)
    print(f"examples/: {len(run.findings)} findings ({dict(levels)}) on {len(run.claims)} claims in {run.files} files")

    rules = load_rules([], defaults=True)
    vocab = default_vocabulary()
    articles(rules, vocab, args.show, args.undecidable)
    if not CLAIMS.exists():
        print("../shared/corpora is not beside the project: no QuanTemp figures")
        return
    lines = [line for line in CLAIMS.read_text(encoding="utf-8").splitlines() if line.strip()][: args.claims]
    by_rule: Counter[str] = Counter()
    flagged = 0
    for number, line in enumerate(lines, start=1):
        findings = check_text(line, rules, vocab, args.undecidable)
        flagged += bool(findings)
        by_rule.update(f"{f.rule} ({'undecidable' if f.outcome == 'undecidable' else f.level})" for f in findings)
        if args.show:
            for f in findings:
                print(f"\n#{number} {line}\n   {f.level} {f.rule}: {f.message}")
    total = sum(by_rule.values())
    print(f"QuanTemp, first {len(lines)} claims each as its own text: {total} findings on {flagged} claims")
    for rule, count in by_rule.most_common():
        print(f"  {count:4d}  {rule}")


def attributions() -> None:
    """Print each distinct attribution found on the Wikinews articles with how often it credits a figure."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    found: Counter[str] = Counter()
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found.update(
            c.attribution for c in extract(Document(path.name, text, prose_view(text, "text")), vocab) if c.attribution
        )
    print(f"{len(found)} distinct attributions on {sum(found.values())} figures")
    for name, count in sorted(found.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:4d}  {name}")


def articles(rules: list, vocab, show: bool, undecidable: bool) -> None:
    """Check each Wikinews article alone and print the findings per rule and level."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.rules.engine import run
    from numcheck.rules.model import Context

    if not ARTICLES.is_dir():
        print("../shared/corpora/wikinews is not beside the project: no Wikinews figures")
        return
    paths = sorted(ARTICLES.glob("*.txt"))
    by_rule: Counter[str] = Counter()
    serious = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        name = f"wikinews/{path.name}"
        doc = Document(name, text, prose_view(text, "text"))
        claims = extract(doc, vocab)
        by_id = {c.id: c for c in claims}
        findings = run(rules, claims, Context(vocab, texts={name: doc.prose}, show_undecidable=undecidable))
        for f in findings:
            level = "undecidable" if f.outcome == "undecidable" else f.level
            by_rule[f"{f.rule} ({level})"] += 1
            serious += level in ("warning", "error")
            if show and level != "info":
                print(f"\n{name}:{f.line} {level} {f.rule}: {f.message}")
                for sentence in dict.fromkeys(by_id[i].sentence for i in f.claims if i in by_id):
                    print(f"   | {sentence}")
    rate = 100 * serious / len(paths) if paths else 0.0
    print(
        f"Wikinews, {len(paths)} articles each alone: {sum(by_rule.values())} findings, "
        f"{serious} at warning or error ({rate:.1f} per 100 articles)"
    )
    for rule, count in by_rule.most_common():
        print(f"  {count:4d}  {rule}")


if __name__ == "__main__":
    main()
