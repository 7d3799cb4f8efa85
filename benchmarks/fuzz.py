"""Run the property of tests/test_fuzz.py on many generated news-like texts (a long run).

Usage: python benchmarks/fuzz.py [--examples N] [--seed S] [--show K]

Every generated text is written as a Markdown, text or HTML file and run through the real
pipeline and every output format; each claim must keep its contract (text == file[start:end],
line and column, finite values, low <= high unless a range is written high to low, a unit that
parses). Prints how many examples were tried, how many broke a property (an exception counts),
and the first K failures with their text. Needs hypothesis (the `test` extra).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))
sys.path.insert(0, str(ROOT))


def main() -> None:
    """Generate, check, count; exit 1 when any example broke a property."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="how many texts to try (default 2000)")
    parser.add_argument("--seed", type=int, default=None, help="a seed, to repeat a run")
    parser.add_argument("--show", type=int, default=5, help="how many failures to print in full (default 5)")
    args = parser.parse_args()

    from hypothesis import HealthCheck, given, seed, settings
    from tests.test_fuzz import KINDS, NEWS, property_failures

    os.environ["NUMCHECK_DEBUG"] = "1"  # internal errors raise, and are counted here with their traceback
    tried = 0
    failures: list[tuple[str, str, list[str]]] = []
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="numcheck-fuzz-"))

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=NEWS, suffix=KINDS)
    def explore(text: str, suffix: str) -> None:
        nonlocal tried
        tried += 1
        try:
            problems = property_failures(text, suffix, folder)
        except Exception:  # a crash is a failure of the property, kept with its traceback
            problems = [traceback.format_exc(limit=6)]
        if problems:
            failures.append((suffix, text, problems))
        if tried % 200 == 0:
            print(f"  {tried} examples, {len(failures)} failures, {time.monotonic() - started:.0f} s", file=sys.stderr)

    explore_seeded = seed(args.seed)(explore) if args.seed is not None else explore
    explore_seeded()
    elapsed = time.monotonic() - started
    print(f"examples tried: {tried}")
    print(f"failures: {len(failures)}")
    print(f"time: {elapsed:.1f} s ({tried / max(elapsed, 1e-9):.0f} examples/s)")
    for suffix, text, problems in failures[: args.show]:
        print(f"\n--- .{suffix} ({len(text)} characters): {text[:300]!r}")
        for problem in problems[:5]:
            print(f"    {problem.rstrip()}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
