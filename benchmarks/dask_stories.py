"""Check an archive of stories with Dask on this machine (local mode), through numcheck.api.

Usage: python benchmarks/dask_stories.py [FOLDER] [--workers N] [--out DIR]

Without FOLDER, 40 stories of 3 reports each are made from QuanTemp's claims (or the
examples). The articles are read as a flat collection of records (as a crawl or a table
would give them), shuffled by story key, checked one story per task with
`numcheck.api.check_story`, and written as JSON lines, one finding a line. The same code
runs on a cluster with `dask.distributed.Client("scheduler:8786")` instead of the local
process pool. Install with `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))
CLAIMS = ROOT.parent / "shared" / "corpora" / "quantemp" / "test_claims.txt"


def make_archive(folder: Path, stories: int = 40, reports: int = 3, lines: int = 40) -> None:  # about 0.6 MB
    """Write `stories` folders of `reports` files, each a slice of the benchmark text."""
    if CLAIMS.exists():
        text = CLAIMS.read_text(encoding="utf-8").splitlines()
    else:
        text = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").rglob("*.*"))]
    start = 0
    for story in range(stories):
        for report in range(reports):
            part = folder / f"story{story:03}" / f"report{report}.txt"
            part.parent.mkdir(parents=True, exist_ok=True)
            chunk = [text[(start + k) % len(text)] for k in range(lines)]
            start += lines
            part.write_text(f"About {300 + story} workers were killed, officials said.\n\n" + "\n\n".join(chunk))


def articles(folder: Path) -> list[dict]:
    """Return every article as a flat record: its story key, source name and text."""
    rows = []
    for path in sorted(folder.rglob("*")):
        if path.suffix in (".txt", ".md", ".html") and path.is_file():
            rows.append({"story": str(path.parent), "source": str(path), "text": path.read_text(encoding="utf-8")})
    return rows


def check_story(group: tuple[str, list[dict]]) -> list[dict]:
    """One task: the reports of one story, checked together; a JSON-able row per finding."""
    from numcheck import api

    story, rows = group
    docs = [api.document(r["source"], r["text"]) for r in sorted(rows, key=lambda r: r["source"])]
    result = api.check_story(docs)
    return [{"story": story, **api.record(f)} for f in result.findings]


def run(folder: Path, workers: int, out: Path) -> dict:
    """Check the archive with Dask's local process pool; return the figures."""
    import dask
    import dask.bag as db

    records = articles(folder)
    size = sum(len(r["text"].encode()) for r in records)
    start_wall = time.perf_counter()
    bag = db.from_sequence(records, npartitions=max(1, workers * 2))
    by_story = bag.groupby(lambda r: r["story"], shuffle="tasks")  # the shuffle by story key
    findings = by_story.map(check_story).flatten().map(lambda row: json.dumps(row, ensure_ascii=False))
    with dask.config.set(scheduler="processes", num_workers=workers):
        findings.to_textfiles(str(out / "part-*.jsonl"))
    wall = time.perf_counter() - start_wall
    count = sum(1 for p in out.glob("part-*.jsonl") for _ in p.open(encoding="utf-8"))
    stories = len({r["story"] for r in records})
    return {"stories": stories, "files": len(records), "mb": size / 1e6, "findings": count, "wall": wall}


def main() -> None:
    """Make or take an archive, check it with Dask, print the throughput."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="a folder of story folders (default: a generated archive)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", help="where the JSON lines go (default: a temporary folder)")
    parser.add_argument("--stories", type=int, default=40, help="stories in the generated archive")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.folder) if args.folder else Path(scratch) / "archive"
        if not args.folder:
            make_archive(folder, args.stories)
        out = Path(args.out) if args.out else Path(scratch) / "findings"
        out.mkdir(parents=True, exist_ok=True)
        figures = run(folder, args.workers, out)
    print(
        f"dask local mode, {args.workers} worker processes: {figures['stories']} stories, {figures['files']} files, "
        f"{figures['mb']:.2f} MB -> {figures['findings']} findings in {figures['wall']:.2f} s wall "
        f"({figures['mb'] / figures['wall']:.2f} MB/s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
