"""Count the built-in pack's findings on the examples and on real fact-checked claims.

Usage: python benchmarks/false_alarms.py [--claims N] [--show]

Each of the first N QuanTemp claims (../shared/corpora, not in this repository) is checked as
a text of its own, as a newsroom would check a one-line claim; --show prints every finding
with its claim so a person can judge which are worth attention. False alarms are the figure
to drive down.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT.parent / "shared" / "corpora" / "quantemp" / "test_claims.txt"
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
    args = parser.parse_args()

    from numcheck.config import Config
    from numcheck.pipeline import Settings, check, read_and_extract
    from numcheck.rules.loader import load_rules
    from numcheck.vocab import default_vocabulary

    settings = Settings()  # the defaults, without any configuration file
    run = read_and_extract([str(ROOT / "examples")], settings)
    check(run, settings, Config())
    levels = Counter(f.level for f in run.findings)
    print(f"examples/: {len(run.findings)} findings ({dict(levels)}) on {len(run.claims)} claims in {run.files} files")

    if not CLAIMS.exists():
        print("../shared/corpora is not beside the project: no QuanTemp figures")
        return
    rules = load_rules([], defaults=True)
    vocab = default_vocabulary()
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


if __name__ == "__main__":
    main()
