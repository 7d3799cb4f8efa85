"""Print numcheck's speed: cold start, extraction throughput beside quantulum3, scaling, peak memory.

Usage: python benchmarks/speed.py [--skip-memory]

The text is QuanTemp's real fact-checked claims from ../shared/corpora when present (the
examples otherwise). quantulum3 (the `bench` extra) is timed sentence by sentence, as its
cost grows quadratically on whole documents; numcheck reads the text as one document.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").rglob("*.*"))
CLAIMS = ROOT.parent / "shared" / "corpora" / "quantemp" / "test_claims.txt"
sys.path.insert(0, str(ROOT / "cli"))


def sample_text() -> tuple[str, str]:
    """Return (name, text) of the benchmark text."""
    if CLAIMS.exists():
        return "QuanTemp test claims", CLAIMS.read_text(encoding="utf-8")
    return "the examples", "\n\n".join(p.read_text(encoding="utf-8") for p in EXAMPLES)


def cold_start(article: Path, runs: int = 7) -> float:
    """Return the median wall time of a fresh `numcheck check` process, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "numcheck", "check", str(article)], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def numcheck_seconds(text: str, repeat: int = 3) -> tuple[float, int]:
    """Return (best seconds, claims) to read and extract a text as one plain-text document."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    best, claims = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        claims = len(extract(Document("bench", text, prose_view(text, "text")), vocab))
        best = min(best, time.perf_counter() - start)
    return best, claims


def quantulum_seconds(lines: list[str]) -> float | None:
    """Return quantulum3's seconds on the lines, one at a time; None when it is not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    parser.parse(lines[0])  # the first call loads its unit catalogue: not throughput
    start = time.perf_counter()
    for line in lines:
        try:
            parser.parse(line)
        except Exception:
            continue
    return time.perf_counter() - start


def peak_memory(megabytes: int) -> tuple[float, float]:
    """Return (seconds, peak MB) of `numcheck check` on a generated file of the given size."""
    _, text = sample_text()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        block = text.encode()
        with path.open("wb") as out:
            written = 0
            while written < megabytes * 1_000_000:
                out.write(block)
                written += len(block)
        start = time.perf_counter()
        command = [sys.executable, "-m", "numcheck", "check", "--format", "line", "--max-size", str(megabytes + 10)]
        subprocess.run([*command, str(path)], capture_output=True, check=False)
        seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-memory", action="store_true", help="skip the 50 MB run")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.md"
        story = "\n\n".join(p.read_text(encoding="utf-8") for p in EXAMPLES)
        article.write_text("\n\n".join([story] * (1 + 3000 // len(story))), encoding="utf-8")  # about 3 KB
        size = article.stat().st_size
        median = cold_start(article)
        print(f"cold start, numcheck check on a {size / 1000:.1f} KB article: {median:.0f} ms (median of 7)")

    name, text = sample_text()
    mb = len(text.encode()) / 1e6
    seconds, claims = numcheck_seconds(text)
    ours = mb / seconds
    print(f"numcheck extract, {name} ({mb:.2f} MB): {seconds:.2f} s, {ours:.2f} MB/s, {claims} claims")
    lines = [line for line in text.splitlines() if line.strip()]
    theirs = quantulum_seconds(lines)
    if theirs is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): no side-by-side figure")
    else:
        print(f"quantulum3, same text sentence by sentence: {theirs:.2f} s, {mb / theirs * 1000:.1f} KB/s")
        print(f"numcheck / quantulum3 throughput: {theirs / seconds:.0f}x")
    big, _ = numcheck_seconds(text * 10, repeat=1)
    print(f"10x the text: {big:.2f} s, {big / seconds:.1f}x the time")
    if not args.skip_memory:
        seconds, peak = peak_memory(50)
        print(f"numcheck check on a 50 MB file: {seconds:.1f} s, peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
