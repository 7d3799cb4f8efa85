"""The pipeline end to end: read → extract → relate → rules → findings, with per-file problems kept."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING

from numcheck.errors import ConfigError, InputError
from numcheck.records import Claim, Finding, Relation

if TYPE_CHECKING:
    from numcheck.config import Config
    from numcheck.read.suppressions import Suppression
    from numcheck.vocab import Vocabulary


@dataclass
class Settings:
    """How to read and check: from the command line, over the configuration file."""

    max_bytes: int = 10 * 1024 * 1024
    sources: str | None = None
    stdin_name: str | None = None
    rule_paths: list[str] = field(default_factory=list)
    default_rules: bool = True
    today: str | None = None
    undecidable: bool = False
    warn_unused: bool = False
    baseline: str | None = None
    diff: str | None = None
    encoding: str | None = None  # for files that are not UTF-8 and have no byte-order mark


@dataclass
class Run:
    """What one run produced: claims, findings, and the files it could not read."""

    files: int = 0
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)  # how each text's claims relate (the relate stage)
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    usage_errors: list[str] = field(default_factory=list)  # also files that could not be checked: exit 2
    notes: list[str] = field(default_factory=list)  # worth saying, not wrong: an empty file
    texts: dict[str, str] = field(default_factory=dict)  # source → prose view
    paths: dict[str, str] = field(default_factory=dict)  # source (escaped for printing) → the path read
    encoding: str | None = None  # --encoding, for a report that reads the files again (html)
    dates: dict[str, str] = field(default_factory=dict)  # source → publication date
    suppressions: list[Suppression] = field(default_factory=list)
    rule_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # rule id → (kind, description)
    found: list[Finding] | None = None  # the rules' findings when --jobs workers ran them


def read_and_extract(
    paths: list[str], settings: Settings, exclude: list[str] | None = None, progress: Callable | None = None
) -> Run:
    """Read every file, extract its claims and relate them; unreadable files become problems.

    `progress(done, total)` is called after each file when given (a terminal's progress bar).
    """
    from numcheck.read import expand_paths
    from numcheck.read.sources import safe_name
    from numcheck.schema import excerpt
    from numcheck.vocab import default_vocabulary

    vocab = default_vocabulary()
    sources = _manifest(settings.sources) if settings.sources else {}
    files, errors = expand_paths(paths, exclude or [])
    run = Run(usage_errors=errors, encoding=settings.encoding)
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number - 1, len(files))
        try:  # isolation: whatever goes wrong in one file is that file's error; the others are still checked
            doc, claims, relations, found, problems = read_one(path, settings, sources, vocab)
        except InputError as exc:
            run.usage_errors.append(str(exc))
            continue
        except Exception as exc:
            if os.environ.get("NUMCHECK_DEBUG"):
                raise
            name = safe_name(settings.stdin_name or "-") if path == "-" else safe_name(path)
            problem = f"{type(exc).__name__}: {excerpt(str(exc), 120)}"
            run.usage_errors.append(f"{name}: internal error: {problem} (NUMCHECK_DEBUG=1 shows it)")
            continue
        run.files += 1
        if not doc.text or doc.text.isspace():  # strip() would copy the whole text
            run.notes.append(f"{doc.source}: empty file, no claims")
        run.claims.extend(claims)
        run.relations.extend(relations)
        run.texts[doc.source] = doc.prose
        run.paths[doc.source] = path
        if doc.date:
            run.dates[doc.source] = doc.date
        run.suppressions.extend(found)
        run.problems.extend(problems)
        # Only the prose view is kept: the last file's document would otherwise live on through the
        # rules, a second copy of its text at the peak of memory.
        del doc, claims, relations
    sort_claims(run)
    return run


def sort_claims(run: Run) -> None:
    """Sort a run's claims by file and offset: the order of the paths given (or of --jobs workers) changes nothing."""
    # Most runs read their files in order and each file's claims come in text order: a key tuple per claim
    # (and a new end int) would then be the peak of memory on a large file, for a list already sorted.
    if not all(map(_in_order, run.claims, islice(run.claims, 1, None))):
        run.claims.sort(key=lambda c: (c.source, c.start, c.end))


def _in_order(a: Claim, b: Claim) -> bool:
    """Return True when claim a sorts before claim b, or as b (file, offset, end)."""
    if a.source != b.source:
        return a.source < b.source
    return a.start < b.start or (a.start == b.start and a.end <= b.end)


def read_one(path: str, settings: Settings, sources: dict, vocab: Vocabulary) -> tuple:
    """Read, extract and relate one file: (doc, claims, relations, suppressions, problems); raises on a bad file."""
    from numcheck.extract import extract
    from numcheck.read import load
    from numcheck.read.manifest import key
    from numcheck.read.suppressions import parse
    from numcheck.relate import relate

    doc = load(path, settings.max_bytes, settings.stdin_name if path == "-" else None, settings.encoding)
    info = sources.get(key(path))
    if info is not None:  # the manifest speaks for the file over its own front matter
        doc = replace(doc, outlet=info.outlet or doc.outlet, date=info.date or doc.date, url=info.url or doc.url)
    claims = extract(doc, vocab, prefix=f"{doc.source}#")  # ids from file and offset: stable
    relations = relate(doc, claims, vocab)  # the relate stage: how the figures of this text join
    found, problems = parse(doc.source, doc.text) if doc.kind in ("markdown", "html") else ([], [])
    return doc, claims, relations, found, problems


_MANIFESTS: dict[tuple[str, int, int], dict] = {}


def _manifest(path: str) -> dict:
    """Load a sources manifest once per process while it is unchanged: --jobs workers read one file at a time."""
    from numcheck.read.manifest import load_manifest

    try:
        stat = os.stat(path)
    except OSError:
        return load_manifest(path)  # its own error message
    stamp = (path, stat.st_mtime_ns, stat.st_size)
    if stamp not in _MANIFESTS:
        _MANIFESTS[stamp] = load_manifest(path)
    return _MANIFESTS[stamp]


def check(run: Run, settings: Settings, config: Config, found: list[Finding] | None = None) -> None:
    """Run the rules over the claims (unless --jobs workers `found` them); then suppressions, baseline, --diff."""
    rules = _rules(settings, config)
    run.rule_names = {r.id: (r.kind, r.description) for r in rules}
    run.usage_errors.extend(unknown_in_comments(run.suppressions, set(run.rule_names)))
    if found is None:
        found = rule_findings(run, rules, settings, config)
    findings = suppress(found, run.suppressions, settings.warn_unused)
    if settings.baseline:
        from numcheck.report.baseline import without_baseline

        findings = without_baseline(findings, settings.baseline, run.claims)
    if settings.diff:
        from numcheck.report.diff import changed_lines

        findings = _touching(findings, run.claims, changed_lines(settings.diff, list(run.texts)))
    run.findings = findings


def rule_findings(run: Run, rules: list, settings: Settings, config: Config) -> list[Finding]:
    """Return the rules' findings on a run's claims, before suppressions.

    A rule that fails inside is named in run.usage_errors (exit 2) and the others still report.
    """
    from numcheck.rules.engine import run as run_rules
    from numcheck.rules.model import Context
    from numcheck.vocab import default_vocabulary

    vocab = tuned(default_vocabulary(), config)
    ctx = Context(
        vocab,
        texts=run.texts,
        dates=run.dates,
        today=settings.today,
        show_undecidable=settings.undecidable,
        relations=tuple(run.relations),
    )
    try:
        return run_rules(rules, run.claims, ctx)
    except Exception:
        if os.environ.get("NUMCHECK_DEBUG"):
            raise
    # Only after a failure: story by story, as --jobs checks them (a story in a process of its own), so a
    # rule that fails on one story still reports on the others, and the output is the same either way.
    from numcheck.stories import story_of

    stories: dict[str, list[Claim]] = {}
    for claim in run.claims:
        stories.setdefault(story_of(claim.source), []).append(claim)
    found = []
    for story, claims in stories.items():
        relations = tuple(r for r in run.relations if story_of(r.source) == story)
        found.extend(_isolating(rules, claims, replace(ctx, relations=relations), run.usage_errors))
    return sorted(found)


def _isolating(rules: list, claims: list[Claim], ctx, errors: list[str]) -> list[Finding]:
    """Run the rules over one story's claims; a rule that fails inside is named in `errors` and left out."""
    from numcheck.rules.engine import run as run_rules
    from numcheck.schema import excerpt

    try:
        return run_rules(rules, claims, ctx)
    except Exception:
        pass
    working = []
    for rule in rules:  # find the rules that fail, run the others together
        try:
            run_rules([rule], claims, ctx)
            working.append(rule)
        except Exception as exc:
            problem = f"{type(exc).__name__}: {excerpt(str(exc), 120)}"
            errors.append(f"rule '{rule.id}': internal error: {problem} (NUMCHECK_DEBUG=1 shows it)")
    return run_rules(working, claims, ctx)


def _rules(settings: Settings, config: Config) -> list:
    """Load the rules and apply the configuration's select, ignore and levels."""
    from numcheck.config import check_rule_ids, chosen
    from numcheck.rules.loader import load_rules

    rules = load_rules(settings.rule_paths, settings.default_rules)
    check_rule_ids(config, {r.id for r in rules})
    chosen_rules = []
    for rule in rules:
        pick = chosen(rule.id, config)
        rule = replace(rule, enabled=rule.enabled if pick is None else pick)  # select turns a rule on
        if rule.id in config.levels:
            rule = replace(rule, level=config.levels[rule.id])
        chosen_rules.append(rule)
    return chosen_rules


# (id of the vocabulary, rounding, hedges) -> (vocabulary, tuned vocabulary). The rules run once per story
# under --jobs: one tuned vocabulary per configuration keeps the caches keyed by a vocabulary from growing.
_TUNED: dict[tuple, tuple[Vocabulary, Vocabulary]] = {}


def tuned(vocab: Vocabulary, config: Config) -> Vocabulary:
    """Return the vocabulary with the configuration's rounding and hedge margins (one object per configuration)."""
    if config.rounding is None and not config.hedges:
        return vocab
    hedges = tuple(sorted((words, m["below"], m["above"]) for words, m in config.hedges.items()))
    key = (id(vocab), config.rounding, hedges)
    held = _TUNED.get(key)
    if held is not None and held[0] is vocab:
        return held[1]
    result = _tuned(vocab, config)
    if len(_TUNED) >= 8:
        _TUNED.clear()
    _TUNED[key] = (vocab, result)
    return result


def _tuned(vocab: Vocabulary, config: Config) -> Vocabulary:
    """Build the vocabulary with the configuration's rounding and hedge margins."""
    from numcheck.extract.tokens import phrase

    modifiers = dict(vocab.modifiers)
    for words, margins in config.hedges.items():
        key = phrase(words)
        if key not in modifiers:
            raise ConfigError(f"{config.files[-1]}: configuration: hedges: '{words}' is no hedge of the vocabulary")
        old = modifiers[key]
        below = old.below if margins["below"] is None else margins["below"]
        above = old.above if margins["above"] is None else margins["above"]
        modifiers[key] = replace(old, below=below, above=above)
    rounding = vocab.rounding_fraction if config.rounding is None else config.rounding
    return replace(vocab, modifiers=modifiers, rounding_fraction=rounding)


def unknown_in_comments(suppressions: list[Suppression], known: set[str]) -> list[str]:
    """Return one error per suppression comment naming a rule that is not loaded: a typo silences nothing."""
    from numcheck.config import did_you_mean
    from numcheck.schema import excerpt

    known = known | {"unused-suppression"}
    return [
        f"{s.source}:{s.line}: numcheck comment: no rule '{excerpt(name)}' is loaded{did_you_mean(name, known)}"
        for s in suppressions
        for name in s.rules
        if name not in known
    ]


def suppress(findings: list[Finding], suppressions: list[Suppression], warn_unused: bool) -> list[Finding]:
    """Drop findings a suppression comment covers; report comments that covered nothing."""
    used: set[int] = set()
    kept = []
    # Indexed by file and line (ranges by file): scanning every comment for every finding was quadratic.
    by_line: dict[tuple[str, int], list[int]] = {}
    ranges: dict[str, list[int]] = {}
    for index, s in enumerate(suppressions):
        if s.first == s.last:
            by_line.setdefault((s.source, s.first), []).append(index)
        else:
            ranges.setdefault(s.source, []).append(index)
    for item in findings:
        candidates = [*by_line.get((item.source, item.line), ()), *ranges.get(item.source, ())]
        hits = [i for i in candidates if suppressions[i].covers(item.rule, item.line)]
        used.update(hits)
        if not hits:
            kept.append(item)
    if warn_unused:
        for index, s in enumerate(suppressions):
            if index not in used:
                names = ", ".join(s.rules) if s.rules else "all rules"
                kept.append(
                    Finding(
                        source=s.source,
                        line=s.line,
                        column=1,
                        rule="unused-suppression",
                        kind="suppression",
                        level="warning",
                        message=f"This numcheck comment silences {names} but nothing was found to silence",
                        end_line=s.line,
                        end_column=2,
                        fingerprint=f"unused-suppression:{s.source}:{s.rules}:{s.first}",
                    )
                )
    return sorted(kept)


def _touching(findings: list[Finding], claims: list[Claim], changed: dict[str, set[int]]) -> list[Finding]:
    """Keep the findings that involve a line changed since the --diff reference."""
    from numcheck.read.manifest import key

    lines = {c.id: (key(c.source), c.line) for c in claims}
    wanted = {key(path): numbers for path, numbers in changed.items()}

    def touched(item: Finding) -> bool:
        places = [lines[i] for i in item.claims if i in lines] or [(key(item.source), item.line)]
        return any(line in wanted.get(path, ()) for path, line in places)

    return [f for f in findings if touched(f)]


def report_problems(run: Run) -> None:
    """Print one line per file that could not be checked, then warnings and notes."""
    for message in run.usage_errors:
        print(f"numcheck: error: {message}", file=sys.stderr)
    for message in run.problems:
        print(f"numcheck: warning: {message}", file=sys.stderr)
    for message in run.notes:
        print(f"numcheck: note: {message}", file=sys.stderr)
