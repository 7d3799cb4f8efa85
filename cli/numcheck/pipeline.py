"""The pipeline end to end: read → extract → rules → findings, with per-file problems kept."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from numcheck.errors import InputError
from numcheck.records import Claim, Finding


@dataclass
class Run:
    """What one run produced: claims, findings, and the files it could not read."""

    files: int = 0
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    usage_errors: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # source → prose view
    dates: dict[str, str] = field(default_factory=dict)  # source → publication date


def read_and_extract(paths: list[str], max_bytes: int, manifest: str | None = None) -> Run:
    """Read every file and extract its claims; unreadable files become problems."""
    from dataclasses import replace

    from numcheck.extract import extract
    from numcheck.read import expand_paths, load
    from numcheck.read.manifest import key, load_manifest
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    sources = load_manifest(manifest) if manifest else {}
    files, errors = expand_paths(paths)
    run = Run(usage_errors=errors)
    for number, path in enumerate(files, start=1):
        try:
            doc = load(path, max_bytes)
        except InputError as exc:
            run.problems.append(str(exc))
            continue
        info = sources.get(key(path))
        if info is not None:  # the manifest speaks for the file over its own front matter
            doc = replace(doc, outlet=info.outlet or doc.outlet, date=info.date or doc.date, url=info.url or doc.url)
        run.files += 1
        prefix = f"{number}." if len(files) > 1 else ""
        run.claims.extend(extract(doc, vocab, prefix=prefix))
        run.texts[doc.source] = doc.prose
        if doc.date:
            run.dates[doc.source] = doc.date
    return run


def check(
    run: Run, rule_paths: list[str], defaults: bool, today: str | None = None, undecidable: bool = False
) -> None:
    """Run the rules over the claims of a run."""
    from numcheck.rules.engine import run as run_rules
    from numcheck.rules.loader import load_rules
    from numcheck.rules.model import Context
    from numcheck.vocab import default_vocabulary

    rules = load_rules(rule_paths, defaults)
    ctx = Context(default_vocabulary(), texts=run.texts, dates=run.dates, today=today, show_undecidable=undecidable)
    run.findings = run_rules(rules, run.claims, ctx)


def report_problems(run: Run) -> None:
    """Print one line per file that could not be checked."""
    for message in run.usage_errors:
        print(f"numcheck: error: {message}", file=sys.stderr)
    for message in run.problems:
        print(f"numcheck: warning: {message}", file=sys.stderr)
