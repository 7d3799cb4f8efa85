"""The stable Python API: read, extract and check stories from any engine (a loop, Dask, Ray, Spark).

Everything here takes and returns plain values — strings, lists, and records that turn into
JSON-able dicts — so it pickles, ships to worker processes and writes to JSON lines or
Parquet. The unit of work is a story: the reports of one event that are compared with each
other (one folder on disk). Stories are independent, so a corpus is checked by mapping
`check_story` over its stories in any order, on any number of machines.

    from numcheck import api

    story = [api.document("report.md", text), api.document("wire.txt", other_text)]
    result = api.check_story(story)
    rows = [api.record(f) for f in result.findings]

Nothing here prints, exits or reads configuration files; the command line does that.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from numcheck.read.document import Document
from numcheck.records import Claim, Finding

__all__ = [
    "Claim",
    "Document",
    "Finding",
    "StoryResult",
    "check_story",
    "document",
    "extract",
    "read",
    "record",
    "stories",
]


@dataclass(frozen=True)
class StoryResult:
    """What checking one story gives: its claims and findings, both in the command line's order."""

    story: str
    claims: list[Claim]
    findings: list[Finding]


def document(
    source: str, text: str, kind: str | None = None, date: str | None = None, outlet: str | None = None
) -> Document:
    """Build a document from text held in memory; `kind` (text, markdown, html) defaults from the name.

    Markdown front matter gives the date and outlet unless they are passed.
    """
    from numcheck.read.markup import front_matter, prose_view
    from numcheck.read.sources import kind_of

    kind = kind or kind_of(source)
    meta = front_matter(text) if kind == "markdown" else {}
    return Document(
        source=source,
        text=text,
        prose=prose_view(text, kind),
        kind=kind,
        date=date or meta.get("date"),
        outlet=outlet or meta.get("outlet"),
        url=meta.get("url"),
    )


def read(path: str, max_bytes: int = 10 * 1024 * 1024) -> Document:
    """Read a file as the command line does; raise numcheck.errors.InputError with a one-line reason."""
    from numcheck.read.sources import load

    return load(path, max_bytes)


def extract(doc: Document, prefix: str = "") -> list[Claim]:
    """Return the claims of one document in text order; ids are `prefix` + the claim's offset."""
    from numcheck.extract import extract as extract_claims
    from numcheck.vocab import default_vocabulary

    return extract_claims(doc, default_vocabulary(), prefix=prefix)


def check_story(
    docs: list[Document],
    rule_paths: Iterable[str] = (),
    default_rules: bool = True,
    today: str | None = None,
    show_undecidable: bool = False,
) -> StoryResult:
    """Extract and check the documents of one story together (cross-source rules compare them).

    Claim ids are "file#offset" as on the command line; inline
    suppression comments in Markdown and HTML apply. Rule files are loaded once per process.
    """
    from numcheck.config import Config
    from numcheck.pipeline import Run, Settings, rule_findings, sort_claims, suppress
    from numcheck.read.suppressions import parse

    run = Run(files=len(docs))
    for doc in docs:
        run.claims.extend(extract(doc, prefix=f"{doc.source}#"))
        run.texts[doc.source] = doc.prose
        if doc.date:
            run.dates[doc.source] = doc.date
        if doc.kind in ("markdown", "html"):
            run.suppressions.extend(parse(doc.source, doc.text)[0])
    sort_claims(run)
    settings = Settings(default_rules=default_rules, today=today, undecidable=show_undecidable)
    rules = list(_loaded_rules(tuple(rule_paths), default_rules))
    # The command line's check() adds the baseline and --diff on top; a library call has no use for them.
    run.findings = suppress(rule_findings(run, rules, settings, Config()), run.suppressions, warn_unused=False)
    story = os.path.dirname(docs[0].source) if docs else ""
    return StoryResult(story=story, claims=run.claims, findings=run.findings)


@cache
def _loaded_rules(rule_paths: tuple[str, ...], default_rules: bool) -> tuple:
    """Load rule files once per process (a worker checks many stories with the same rules)."""
    from numcheck.rules.loader import load_rules

    return tuple(load_rules(list(rule_paths), default_rules))


def stories(paths: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """Group file paths into stories by folder: yield (folder, sorted paths), folders in sorted order.

    The folder is the path's own, normalised ("./a/x.md" and "a/b/../x.md" are both in "a"), not made
    absolute: a cluster's workers need not share the current folder of the process that listed the paths.
    """
    groups: dict[str, list[str]] = {}
    for path in paths:
        groups.setdefault(os.path.normpath(os.path.dirname(path)), []).append(path)
    for folder in sorted(groups):
        yield folder, sorted(groups[folder])


def record(item: Claim | Finding) -> dict:
    """Return a claim or finding as a plain JSON-able dict (the fields of `numcheck check --format json`)."""
    from numcheck.report.plain import record as as_dict

    return as_dict(item)
