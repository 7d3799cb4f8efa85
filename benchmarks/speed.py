"""Print the cold-start time of `numcheck check` on an article and extraction throughput."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "drone-workers" / "report.md"


def cold_start(runs: int = 7) -> float:
    """Return the median wall time of a fresh `numcheck check` process, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "numcheck", "check", str(ARTICLE)], capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def throughput(copies: int) -> tuple[float, float]:
    """Return (MB, seconds) to extract the claims of `copies` copies of the article."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    text = (ARTICLE.read_text(encoding="utf-8") + "\n\n") * copies
    start = time.perf_counter()
    extract(Document("bench", text, text), vocab)
    return len(text.encode()) / 1e6, time.perf_counter() - start


def main() -> None:
    """Print the figures."""
    print(f"cold start, numcheck check on a {ARTICLE.stat().st_size} B article: {cold_start():.0f} ms (median of 7)")
    for copies in (500, 5000):
        mb, seconds = throughput(copies)
        print(f"extract {mb:.1f} MB: {seconds:.2f} s, {mb / seconds:.2f} MB/s")


if __name__ == "__main__":
    main()
