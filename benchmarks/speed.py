"""Print numcheck's speed figures as ratios measured in one run (CPU time: the machine may be shared).

Usage: python benchmarks/speed.py [--quick]

Each figure of issue 12's "How it is measured", with its goal:
- growth for 10x reports of one story, 10x suppressions, 10x figures per sentence (goal <= 11x);
- cold start of `numcheck check` on one article against `python -c pass` (goal <= 15x, 150 ms);
- `--format json` against `--format line` (goal <= 1.2x);
- peak memory per MB of input, marginal between 3 and 9 MB of claim-dense text (goal <= 5 MiB/MB);
- `--jobs 2` against `--jobs 1` on 40 independent stories (goal <= 0.6x on 2 idle cores);
- extraction MB/s in one process against quantulum3 (goal >= 3 MB/s).

The text is QuanTemp's real fact-checked claims from ../shared/corpora when present (the
examples otherwise). quantulum3 (the `bench` extra) is timed sentence by sentence, as its
cost grows quadratically on whole documents; numcheck reads the text as one document.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# The example articles, not the example rule file.
EXAMPLES = sorted(p for p in (ROOT / "examples").rglob("*.*") if p.suffix in (".md", ".txt", ".html"))
CLAIMS = ROOT.parent / "shared" / "corpora" / "quantemp" / "test_claims.txt"
sys.path.insert(0, str(ROOT / "cli"))
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NUMCHECK_DEBUG", "GITHUB_ACTIONS")}


def sample_text() -> tuple[str, str]:
    """Return (name, text) of the benchmark text."""
    if CLAIMS.exists():
        return "QuanTemp test claims", CLAIMS.read_text(encoding="utf-8")
    return "the examples", "\n\n".join(p.read_text(encoding="utf-8") for p in EXAMPLES)


def child(args: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, float]:
    """Run a process; return (wall seconds, CPU seconds, peak MiB) of that process and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=stdout, stderr=subprocess.DEVNULL, env=ENV, cwd=ROOT)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def numcheck(*args: str) -> list[str]:
    """The command line of a numcheck run."""
    return [sys.executable, "-m", "numcheck", *args]


def cpu(work) -> float:
    """CPU seconds `work()` takes in this process."""
    start = time.process_time()
    work()
    return time.process_time() - start


def growth(make, small: int) -> tuple[float, float, float]:
    """Return (CPU at n, CPU at 10n, ratio) of `make(n)()`, best of 3; warmed once so imports do not count."""
    make(max(1, small // 10))()
    at_n, at_10n = make(small), make(small * 10)
    one, ten = min(cpu(at_n) for _ in range(3)), min(cpu(at_10n) for _ in range(3))
    return one, ten, ten / one


def _story(folder: Path):
    from numcheck.config import Config
    from numcheck.pipeline import Settings, check, read_and_extract

    def make(n: int):
        story = folder / f"story{n}"
        story.mkdir(exist_ok=True)
        for i in range(n):
            value = 2000 if i == 0 else 300 + (i % 7) * 5
            text = f"About {value} workers were killed, officials in town {i % 50} said.\n"
            (story / f"r{i:05}.txt").write_text(text, encoding="utf-8")
        settings = Settings()

        def work():
            run = read_and_extract([str(story)], settings)
            check(run, settings, Config())

        return work

    return make


def _suppressions(n: int):
    from numcheck.pipeline import suppress
    from numcheck.read.suppressions import Suppression
    from numcheck.records import Finding

    findings = [
        Finding(f"f{i % 10}.md", i, 1, rule="hours-per-day", kind="bounds", level="error", message="m")
        for i in range(n)
    ]
    comments = [Suppression(f"f{i % 10}.md", i, i + 1, i + 1, ("hours-per-day",)) for i in range(0, n, 2)]
    return lambda: suppress(findings, comments, warn_unused=True)


def _figures(n: int):
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.vocab import default_vocabulary

    text = " ".join(str(i % 97 + 3) for i in range(n)) + "."
    doc = Document("figures.txt", text, text)
    return lambda: extract(doc, default_vocabulary())


def extraction_seconds(text: str, repeat: int = 3) -> tuple[float, int]:
    """Return (best CPU seconds, claims) to read and extract a text as one plain-text document."""
    from numcheck.extract import extract
    from numcheck.read.document import Document
    from numcheck.read.markup import prose_view
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    best, claims = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        claims = len(extract(Document("bench", text, prose_view(text, "text")), vocab))
        best = min(best, time.process_time() - start)
    return best, claims


def extraction_in_child(text: str) -> tuple[float, int]:
    """Return extraction_seconds(text) measured in a fresh process: the heap earlier figures left behind
    (every object the garbage collector walks) would slow an extraction in this one."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "extract.txt"
        path.write_text(text, encoding="utf-8")
        command = [sys.executable, __file__, "--extract-only", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=True)
    seconds, claims = done.stdout.split()
    return float(seconds), int(claims)


def quantulum_seconds(lines: list[str]) -> float | None:
    """Return quantulum3's CPU seconds on the lines, one at a time; None when it is not installed."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    parser.parse(lines[0])  # the first call loads its unit catalogue: not throughput
    start = time.process_time()
    for line in lines:
        try:
            parser.parse(line)
        except Exception:
            continue
    return time.process_time() - start


def write_sized(path: Path, text: str, megabytes: float) -> None:
    """Write the text repeated to about the given size."""
    block = text.encode()
    with path.open("wb") as out:
        written = 0
        while written < megabytes * 1_000_000:
            out.write(block)
            written += len(block)


def write_stories(folder: Path, text: str, stories: int = 40, reports: int = 3, lines: int = 40) -> None:
    """Write independent story folders of a few reports each."""
    rows = text.splitlines()
    start = 0
    for story in range(stories):
        for report in range(reports):
            chunk = [rows[(start + k) % len(rows)] for k in range(lines)]
            start += lines
            path = folder / f"story{story:02}" / f"r{report}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"About {300 + story} workers were killed, officials said.\n\n" + "\n\n".join(chunk))


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, no 9 MB memory run")
    parser.add_argument("--extract-only", metavar="FILE", help=argparse.SUPPRESS)  # the child of extraction_in_child
    args = parser.parse_args()
    if args.extract_only:
        seconds, claims = extraction_seconds(Path(args.extract_only).read_text(encoding="utf-8"))
        print(seconds, claims)
        return
    name, text = sample_text()
    small = 0.3 if args.quick else 1.0
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; CPU time unless said\n")

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        print("no quadratic path (goal: 10x the input <= 11x the CPU)")
        for label, make, n in [
            ("reports of one story", _story(folder), 100),
            ("suppressions", _suppressions, 2000),
            ("figures per sentence", _figures, 2000),
        ]:
            one, ten, ratio = growth(make, n)
            print(f"  {label}: {n} -> {n * 10}: {one:.3f} s -> {ten:.3f} s, {ratio:.1f}x")

        # One article has its front matter at its top only; the examples' bodies make its prose. A plain
        # article needs no Markdown parser; a second one with a list and a table does (markdown-it's import).
        bodies = [_FRONT_MATTER.sub("", p.read_text(encoding="utf-8"), count=1) for p in EXAMPLES]
        story = "\n\n".join(bodies)
        prose = "---\ndate: 2026-11-20\n---\n\n" + "\n\n".join([story] * (1 + 3000 // len(story)))  # about 3 KB
        listed = "\n\n- About 300 people died.\n- 40 were injured.\n\n| Town | Deaths |\n|---|---|\n| A | 12 |\n"
        structured = prose + listed
        bare: list[float] = []
        for label, text_ in (("a plain Markdown article", prose), ("one with a list and a table", structured)):
            article = folder / "article.md"
            article.write_text(text_, encoding="utf-8")
            child(numcheck("check", str(article)))  # writes the bytecode and numcheck caches a user's install has
            runs = []
            for _ in range(9):  # interleaved, so a burst of load on a shared machine hits both alike
                bare.append(child([sys.executable, "-c", "pass"])[1])
                runs.append(child(numcheck("check", str(article))))
            cpu_times = [r[1] for r in runs]
            start_cpu, least = statistics.median(cpu_times), min(cpu_times)
            start_wall = statistics.median(r[0] for r in runs)
            print(
                f"\ncold start, numcheck check on {label} ({article.stat().st_size / 1000:.1f} KB; goal <= 15x, "
                f"150 ms): {start_cpu * 1000:.0f} ms CPU, least {least * 1000:.0f} ({start_wall * 1000:.0f} ms wall) "
                f"vs python -c pass {statistics.median(bare) * 1000:.0f} ms, least {min(bare) * 1000:.0f}: "
                f"{start_cpu / statistics.median(bare):.1f}x (median of 9), {least / min(bare):.1f}x (least)"
            )

        dense = folder / "dense.txt"
        write_sized(dense, text, small)
        limit = ["--max-size", "50"]
        line = child(numcheck("check", "--format", "line", *limit, str(dense)))
        json_run = child(numcheck("check", "--format", "json", *limit, str(dense)))
        print(
            f"\n--format json vs line on {dense.stat().st_size / 1e6:.1f} MB (goal <= 1.2x): "
            f"{json_run[1]:.2f} s vs {line[1]:.2f} s: {json_run[1] / line[1]:.2f}x"
        )

        if not args.quick:
            sizes = []
            for megabytes in (3, 9):
                path = folder / f"mem{megabytes}.txt"
                write_sized(path, text, megabytes)
                _, _, peak = child(numcheck("check", "--format", "json", *limit, str(path)))
                sizes.append((path.stat().st_size / 1e6, peak))
                path.unlink()
            (a_mb, a_peak), (b_mb, b_peak) = sizes
            print(
                f"\npeak memory, check --format json: {a_mb:.1f} MB {a_peak:.0f} MiB, {b_mb:.1f} MB {b_peak:.0f} MiB: "
                f"{(b_peak - a_peak) / (b_mb - a_mb):.2f} MiB per MB marginal (goal <= 5)"
            )

        archive = folder / "archive"
        write_stories(archive, text)
        size = sum(p.stat().st_size for p in archive.rglob("*.txt")) / 1e6
        one = child(numcheck("check", "--format", "json", "--jobs", "1", str(archive)))
        two = child(numcheck("check", "--format", "json", "--jobs", "2", str(archive)))
        print(
            f"\n--jobs 2 vs --jobs 1 on 40 stories ({size:.2f} MB; goal <= 0.6x on 2 idle cores): "
            f"wall {two[0]:.2f} s vs {one[0]:.2f} s: {two[0] / one[0]:.2f}x; CPU of all processes {two[1]:.2f} s vs "
            f"{one[1]:.2f} s; on 2 idle cores at best {two[1] / 2 / one[1]:.2f}x (half the CPU of --jobs 2)"
        )

    mb = len(text.encode()) / 1e6
    seconds, claims = extraction_in_child(text)
    print(
        f"\nextraction in one process, {name} ({mb:.2f} MB; goal >= 3 MB/s): "
        f"{seconds:.2f} s, {mb / seconds:.2f} MB/s, {claims} claims"
    )
    news = sorted((ROOT.parent / "shared" / "corpora" / "wikinews" / "articles").glob("*.txt"))
    if news:  # edited journalism holds far fewer figures a KB than fact-checked claims
        articles = "\n\n".join(p.read_text(encoding="utf-8") for p in news)
        news_seconds, news_claims = extraction_in_child(articles)
        news_mb = len(articles.encode()) / 1e6
        print(
            f"extraction in one process, {len(news)} Wikinews articles ({news_mb:.2f} MB): "
            f"{news_seconds:.2f} s, {news_mb / news_seconds:.2f} MB/s, {news_claims} claims"
        )
    lines = [row for row in text.splitlines() if row.strip()]
    if args.quick:
        lines = lines[: len(lines) // 10]
    theirs = quantulum_seconds(lines)
    if theirs is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): no side-by-side figure")
    else:
        part = sum(len(row.encode()) + 1 for row in lines) / 1e6
        ratio = mb / seconds / (part / theirs)
        print(f"quantulum3, sentence by sentence: {part / theirs * 1000:.1f} KB/s; numcheck is {ratio:.0f}x")


if __name__ == "__main__":
    main()
